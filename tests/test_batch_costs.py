"""Work a batch of bodies does not repeat: what most bodies never need is gated on a cheap test, and what every body
asks again is read once per process (issue #20)."""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

import pytest

from validator import kinds
from validator.rules import notifications
from validator.source import load_source


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The words difflib's ``get_close_matches`` was asked about."""
    asked: list[str] = []
    real = difflib.get_close_matches

    def counting(word: str, *args: object, **kwargs: object) -> list[str]:
        asked.append(word)
        return real(word, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    remembered = getattr(kinds, "_near_entry_key", None)
    if remembered is not None:
        remembered.cache_clear()  # (each test starts with no name read)
    return asked


def test_a_map_of_resources_is_no_misspelt_entry_without_comparing_its_names(compared: list[str]) -> None:
    resources = {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"},
                 "accounts": {"url": "/hubs/crm/accounts", "idField": "id"}}
    assert not kinds.is_misspelt_entry(resources)
    assert compared == []


def test_a_misspelt_entry_is_still_found_and_each_name_compared_once_per_process(compared: list[str]) -> None:
    entry = {"url": "/hubs/crm/contacts", "idFeild": "id"}
    assert kinds.is_misspelt_entry(entry)
    assert kinds.is_misspelt_entry(dict(entry))
    assert compared == ["idfeild"]
    assert not kinds.is_misspelt_entry({"url": "/hubs/crm/contacts", "title": "About"})


# -- CE209: a value's scheme is read only where it starts with the `h` of the scheme meant ------------------------------

class _CountedMatch:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.matches = pattern, 0

    def match(self, *args: Any) -> re.Match[str] | None:
        self.matches += 1
        return self.pattern.match(*args)


def test_a_value_that_starts_with_no_h_is_no_mistyped_scheme_and_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _CountedMatch(notifications._SCHEME_AND_SEPARATOR)
    monkeypatch.setattr(notifications, "_SCHEME_AND_SEPARATOR", counted)
    for value in ("sageone", "ftp://files.example.com", "  polling", "", "   ", "${CALLBACK_URL}", "true"):
        assert notifications.scheme_typo(value) is None
    assert counted.matches == 0
    assert notifications.scheme_typo(" htps://example.com/events") == (1, 8, "https://")
    assert notifications.scheme_typo("Http:/example.com") == (0, 6, "http://")
    assert counted.matches == 2


# -- a loaded document: what only a stringified poller needs is made by the first one -----------------------------------

def test_a_document_holding_no_stringified_document_makes_no_table_of_them() -> None:
    source = load_source('{"element": {"key": "sageone"}, "name": "n"}')
    source.span("/element/key")
    assert source._children is None


def test_a_stringified_poller_is_still_decoded_once() -> None:
    source = load_source(json.dumps({"configuration": {"event.poller.configuration": json.dumps(
        {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}})}}))
    poller = source.embedded("/configuration/event.poller.configuration")
    assert poller.value == {"contacts": {"url": "/hubs/crm/contacts", "idField": "id"}}
    assert source.embedded("/configuration/event.poller.configuration") is poller
