"""The keywords VS Code reads for its messages, written from the ones the schemas own.

One owner for the bundled schemas (``tools/bundle_schemas.py`` writes them into ``schemas/``) and for the overlays
``schema from-element`` generates, which an editor applies beside ``instance.schema.json`` as it does the bundled
Sage One overlay:

* ``markdownDescription`` wherever there is a ``description`` (written in Markdown): hovers and completions render
  it; ``markdownEnumDescriptions`` from ``enumDescriptions`` (one per ``enum`` value);
* ``errorMessage`` from ``x-expected`` (how ``validator/schemas.py`` names the expected value) on a schema that
  checks one value, and from ``x-belongs`` on a misplaced key; ``patternErrorMessage`` where a ``pattern`` fails,
  from ``x-expected`` or ``x-error``;
* ``doNotSuggest`` on a misplaced key (``x-belongs``): completion does not offer a key where it is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

GENERATED = ("markdownDescription", "markdownEnumDescriptions", "errorMessage", "patternErrorMessage", "doNotSuggest")
_BELONGS = {
    "datesConfiguration": "Misplaced: this key belongs inside the entry's `datesConfiguration`, where the poller "
                          "reads it.",
    "entry": "Misplaced: this key belongs on the poller entry itself, next to `datesConfiguration`, where the poller "
             "reads it.",
    "configuration": "Misplaced: a configuration key belongs inside `configuration`.",
    "instance": "Misplaced: this key belongs at the top level of the instance body, next to `configuration`.",
}
_OBJECT_KEYWORDS = ("properties", "patternProperties", "additionalProperties", "required", "anyOf", "oneOf")


def schema_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every object inside ``node`` (``node`` included)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def annotate_for_editors(node: Any) -> None:
    """Add the generated editor keywords to every schema inside ``node`` (see the module documentation); running it
    again changes nothing."""
    for item in schema_objects(node):
        if isinstance(item.get("description"), str):
            item["markdownDescription"] = item["description"]
        if isinstance(item.get("enumDescriptions"), list):  # (each enum value's own text in a completion)
            item["markdownEnumDescriptions"] = item["enumDescriptions"]
        expected = item.get("x-expected")
        if isinstance(item.get("x-belongs"), str):
            item["errorMessage"] = _BELONGS[item["x-belongs"]]
            item["doNotSuggest"] = True  # a misplaced key is described (hovers), never offered where it is wrong
        elif isinstance(expected, str) and not any(key in item for key in _OBJECT_KEYWORDS):
            # VS Code uses errorMessage for type, enum, const and pattern failures, never for a range
            item["errorMessage"] = f"Expected {expected}."
        if "pattern" in item:
            if isinstance(expected, str):
                item["patternErrorMessage"] = f"Expected {expected}."
            elif isinstance(item.get("x-error"), str):
                item["patternErrorMessage"] = f"The value {item['x-error']}."
