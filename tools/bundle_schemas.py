"""Make each schema of ``schemas/`` stand alone: every reference resolves inside the one file.

A schema that refers to another file (``https://ce-validator.dev/schemas/poller.schema.json``) carries
a copy of it under ``$defs/bundled:poller``, and every reference into another file is rewritten to
point into that copy (``#/$defs/bundled:poller/$defs/entry``).  The copies have no ``$id`` and their
own local references are rewritten the same way, so every ``$ref`` in the file is a JSON pointer from
the top of the file.  That is the one form every consumer resolves offline:

* Python's ``jsonschema`` / ``referencing`` and ``check-jsonschema --schemafile``;
* VS Code's JSON language service, which resolves every ``#/...`` reference against the top-level
  file (it ignores an embedded ``$id``) and would try to download any ``https://`` reference.

The tool also writes the keywords VS Code reads for its messages, from the ones the schemas own
(``validator/schema_editors.py``, which ``schema from-element`` uses for the overlays it generates).

Edit the standalone schema's own content (never the generated keywords; references to other files by
``$id``), then run

    python tools/bundle_schemas.py          # rewrite the generated parts
    python tools/bundle_schemas.py --check  # exit 1 when a file is out of date (the tests run this)

Reading a file back, the tool undoes its rewriting (``_own``), so running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from validator.schema_editors import GENERATED, annotate_for_editors, schema_objects  # noqa: E402

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
BUNDLE_PREFIX = "bundled:"
_LOCAL = "#/$defs/" + BUNDLE_PREFIX
_SUFFIX = ".schema.json"


def _bundle_name(schema_id: str) -> str:
    return BUNDLE_PREFIX + schema_id.rsplit("/", 1)[-1].removesuffix(_SUFFIX)


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _load_all() -> dict[str, tuple[Path, dict[str, Any]]]:
    found = {}
    for path in sorted(SCHEMAS.rglob("*" + _SUFFIX)):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(schema.get("$id"), str):
            found[schema["$id"]] = (path, schema)
    return found


def _own(schema: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    """The schema as written by hand: no bundled copies, no generated keys, cross-file references by ``$id``."""
    own = copy.deepcopy(schema)
    defs = own.get("$defs", {})
    for key in [k for k in defs if k.startswith(BUNDLE_PREFIX)]:
        del defs[key]
    if "$defs" in own and not own["$defs"]:
        del own["$defs"]
    by_name = {_escape(_bundle_name(i)): i for i in ids}
    for node in schema_objects(own):
        for key in GENERATED:
            node.pop(key, None)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/" + _escape(BUNDLE_PREFIX)):
            name, _, rest = ref[len("#/$defs/"):].partition("/")
            node["$ref"] = by_name[name] + ("#/" + rest if rest else "")
    return own


def _external_refs(node: Any, own_id: str) -> set[str]:
    refs: set[str] = set()
    for item in schema_objects(node):
        ref = item.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#") and ref.split("#")[0] != own_id:
            refs.add(ref.split("#")[0])
    return refs


def _relocate(node: Any, own_id: str, prefix: str) -> None:
    """Rewrite every reference in ``node`` as a pointer from the top of the bundling file.

    ``prefix`` is where ``node`` sits in that file (``""`` for the file's own content,
    ``/$defs/bundled:poller`` for a copy).
    """
    for item in schema_objects(node):
        ref = item.get("$ref")
        if not isinstance(ref, str):
            continue
        target, _, fragment = ref.partition("#")
        if target in ("", own_id):
            item["$ref"] = "#" + prefix + fragment
        else:
            item["$ref"] = "#/$defs/" + _escape(_bundle_name(target)) + fragment


def bundled(schema_id: str, schemas: dict[str, tuple[Path, dict[str, Any]]]) -> dict[str, Any]:
    """``schema_id``'s own content, with a copy of every schema it reaches and every reference made local."""
    ids = list(schemas)
    own = _own(schemas[schema_id][1], ids)
    needed: list[str] = []
    queue = sorted(_external_refs(own, schema_id))
    while queue:
        ref = queue.pop(0)
        if ref in needed or ref == schema_id:
            continue
        if ref not in schemas:
            raise SystemExit(f"{schemas[schema_id][0]}: $ref to {ref}, which no schema in {SCHEMAS} has as $id")
        needed.append(ref)
        queue.extend(sorted(_external_refs(_own(schemas[ref][1], ids), ref)))
    _relocate(own, schema_id, "")
    if needed:
        defs = own.setdefault("$defs", {})
        for ref in needed:
            name = _bundle_name(ref)
            embedded = _own(schemas[ref][1], ids)
            embedded.pop("$schema", None)
            embedded.pop("$id", None)
            # a file's own `$schema` key (how an editor is told a poller file's schema) is a mistake in the copy:
            # inside a body's poller configuration it would be a resource (CE102), not a key to suggest
            properties = embedded.get("properties")
            if isinstance(properties, dict) and properties.pop("$schema", None) is not None and not properties:
                del embedded["properties"]
            _relocate(embedded, ref, "/$defs/" + _escape(name))
            defs[name] = {"$comment": f"Generated by tools/bundle_schemas.py: a copy of {ref}", **embedded}
    annotate_for_editors(own)
    return own


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date files; write nothing")
    args = parser.parse_args(argv)
    schemas = _load_all()
    stale = []
    for schema_id, (path, schema) in schemas.items():
        wanted = bundled(schema_id, schemas)
        if wanted == schema:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(render(wanted), encoding="utf-8")
    if args.check and stale:
        print("out of date (run python tools/bundle_schemas.py): " + ", ".join(str(p) for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
