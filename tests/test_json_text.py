"""validator.json_text.indented writes what json.dumps(indent=2) writes, for every value."""

from __future__ import annotations

import json
import math
from enum import IntEnum

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from validator.json_text import indented

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text(alphabet=st.characters(), max_size=20))
_VALUES = st.recursive(_SCALARS, lambda children: st.lists(children, max_size=4)
                       | st.dictionaries(st.text(max_size=8), children, max_size=4)
                       | st.tuples(children, children), max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(_VALUES, st.booleans())
def test_it_writes_what_json_dumps_writes(value, ensure_ascii):
    assert indented(value, ensure_ascii=ensure_ascii) == json.dumps(value, indent=2, ensure_ascii=ensure_ascii)


class _Level(IntEnum):
    HIGH = 3


@pytest.mark.parametrize("value", [
    {"a": math.nan, "b": [math.inf, -math.inf]},  # json.dumps's own spelling (NaN, Infinity)
    {1: "one", None: "none", False: 2.5},  # keys of other types, converted by json.dumps
    {"level": _Level.HIGH},  # a subclass of int
    {"deep": [[[[[[[[[["x"]]]]]]]]]]},
    {"unicode": "é\u2028\ud800"},
])
def test_values_it_leaves_to_json_dumps_come_out_the_same(value):
    for ensure_ascii in (True, False):
        assert indented(value, ensure_ascii=ensure_ascii) == json.dumps(value, indent=2, ensure_ascii=ensure_ascii)


def test_a_cycle_raises_what_json_dumps_raises():
    cycle: dict[str, object] = {}
    cycle["self"] = cycle
    with pytest.raises(ValueError, match="Circular reference"):
        indented(cycle)


def test_a_value_json_cannot_write_raises_its_type_error():
    with pytest.raises(TypeError):
        indented({"when": object()})


@settings(max_examples=100, deadline=None)
@given(value=_VALUES, ensure_ascii=st.booleans(), huge=st.sampled_from([10 ** 5000, -(3 ** 9000), 7]))
@example(value=float("inf"), ensure_ascii=False, huge=10 ** 5000)  # (an infinity beside a huge int: json.dumps fell back on both)
def test_compact_writes_what_json_dumps_writes_however_long_an_int(value, ensure_ascii, huge):
    """h217: `compact` is json.dumps for a message, also for an int json.dumps refuses (over 4,300 digits)."""
    import sys

    from validator.json_text import compact

    document = {"v": value, "n": [huge, {"k": huge}]}
    written = compact(document, ensure_ascii=ensure_ascii)
    old = sys.get_int_max_str_digits()
    try:
        sys.set_int_max_str_digits(0)
        assert written == json.dumps(document, ensure_ascii=ensure_ascii)
    finally:
        sys.set_int_max_str_digits(old)
