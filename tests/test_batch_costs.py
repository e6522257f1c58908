"""Work a batch of bodies does not repeat: what most bodies never need is gated on a cheap test, and what every body
asks again is read once per process (issue #20)."""

from __future__ import annotations

import difflib

import pytest

from validator import kinds


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
