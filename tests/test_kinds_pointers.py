"""Pointers of decoded documents' paths (kinds.pointer_of) and of their poller maps (kinds.find_pollers)."""

from __future__ import annotations

from typing import Any

import pytest

from validator.kinds import POLLER_KEY, JsonPath, escape_pointer_token, find_pollers, pointer_of, resolve_pointer


def _path(*steps: str | int) -> JsonPath:
    path: JsonPath = None
    for step in steps:
        path = (step, path)
    return path


@pytest.mark.parametrize(("steps", "base", "pointer"), [
    ((), "", ""),
    ((), "/configuration", "/configuration"),
    (("a",), "", "/a"),
    (("",), "", "/"),
    (("", ""), "/x", "/x//"),
    (("configuration", "event.poller.configuration", "contacts", 0), "", "/configuration/event.poller.configuration/contacts/0"),
    (("a/b", "c~d", "~1", 12), "/base", "/base/a~1b/c~0d/~01/12"),
    ((3, "x"), "/items", "/items/3/x"),
])
def test_a_path_is_written_as_its_rfc_6901_pointer(steps: tuple[str | int, ...], base: str, pointer: str) -> None:
    assert pointer_of(_path(*steps), base) == pointer


def test_a_pointer_leads_back_to_its_value() -> None:
    document: dict[str, Any] = {"a/b": {"c~d": [0, {"": "found"}]}}
    assert resolve_pointer(document, pointer_of(_path("a/b", "c~d", 1, ""))) == "found"


def test_the_poller_key_is_its_own_pointer_token() -> None:
    # find_pollers writes POLLER_KEY into its pointers as it is
    assert escape_pointer_token(POLLER_KEY) == POLLER_KEY
    body = {"element": {"key": "x"}, "configuration": {POLLER_KEY: {"a": {"url": "/hubs/crm/a"}}}, POLLER_KEY: "{}"}
    assert [(ref.pointer, ref.stringified) for ref in find_pollers(body)] == [
        (f"/configuration/{POLLER_KEY}", False), (f"/{POLLER_KEY}", True)]
