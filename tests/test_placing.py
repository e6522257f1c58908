"""Placing findings (issue #20): a value's end is read by the C decoder, the document's brackets matched only where
that would read the text too many times over; either way every key and value is placed alike."""

from __future__ import annotations

import json

from test_source import pointers
from validator.source import Source, load_source
from validator.source import document


def _places(source: Source) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(source.span(pointer), source.span(pointer, key=True)) for pointer, _value in pointers(source.value)]


def _with_brackets(text: str) -> Source:
    """``text`` loaded, its containers' ends taken from the bracket table only (as past the reading budget)."""
    source = load_source(text)
    source._scanned = -1
    return source


BODY = json.dumps({"name": "n", "element": {"key": "sageone", "tags": [1, {"a": [2, 3]}]},
                   "configuration": {"x": {"y": "}]"}, "event.poller.configuration": '{"c": {"url": "/c"}}',
                                     "last": [{"k": "v\\\"}"}]}}, indent=2)


def test_placing_a_member_matches_no_bracket_of_the_document() -> None:
    source = load_source(BODY)
    start, end = source.span("/configuration/last/0/k")
    assert BODY[start:end] == json.dumps("v\\\"}")
    assert source._opens is None  # (before: every bracket of the text matched, a regex step and a Python step each)


def test_the_decoder_and_the_bracket_table_place_every_key_and_value_alike(corpus: list[dict]) -> None:
    texts = [BODY, '{"a": {"\\u0062": [1, {"c": "]"}], "b": 2}}', '[[], {}, [{}], "x"]', ' {"a" : [ 1 , 2 ] } ']
    texts += [record["text"] for record in corpus]
    compared = 0
    for text in texts:
        source = load_source(text)
        if not source.valid or source.problems:
            continue
        assert _places(source) == _places(_with_brackets(text)), text[:200]
        compared += 1
    assert compared > 900


def test_a_deep_walk_reads_the_text_a_bounded_number_of_times() -> None:
    depth = 400
    text = '{"a": ' * depth + '"' + "x" * 10_000 + '"' + "}" * depth
    source = load_source(text)
    pointer = "/a" * depth
    start, end = source.span(pointer)
    assert text[start:end] == '"' + "x" * 10_000 + '"'
    # each level read again would be 400 times the text; past the budget the brackets are matched once instead
    assert source._opens is not None
    assert source._scanned <= (document._RESCANS + 1) * len(text)


def test_nesting_the_decoder_cannot_read_is_placed_from_the_bracket_table() -> None:
    depth = 990  # deeper than the C decoder goes under pytest: the loader's iterative parser read it
    text = "[" * depth + '{"a": [1, 2]}' + "]" * depth
    source = load_source(text)
    pointer = "/0" * (depth - 1) + "/0/a/1"
    assert source.valid and text[slice(*source.span(pointer))] == "2"


def test_a_walk_reads_an_object_only_as_far_as_the_member_it_goes_to() -> None:
    text = '{"a": {"x": [1, {"y": 2}]}, "b": {"z": 3}, "c": [4, 5]}'
    source = load_source(text)
    assert text[slice(*source.span("/a/x/1/y"))] == "2"
    assert [key for key, *_ in source._members[0][1]] == ["a"]  # the walk read no member after `a`
    assert text[slice(*source.span("/c/1"))] == "5" and text[slice(*source.span("/b", key=True))] == '"b"'
    assert not source.has("/d") and source.span("/d") == (0, len(text))
    assert [key for key, *_ in source._enumerate(0)[1]] == ["a", "b", "c"]


def test_with_a_key_written_twice_the_last_is_placed() -> None:
    text = '{"a": 1, "b": {"k": 2, "\\u006b": 3}, "a": 4}'
    source = load_source(text)
    assert text[slice(*source.span("/a"))] == "4" and text[slice(*source.span("/b/k"))] == "3"
    view = source.embedded("/b")  # (a view of an object shares its document's keys)
    assert source.text[slice(*view.span("/k"))] == "3"
