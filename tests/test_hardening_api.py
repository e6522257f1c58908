"""Hardening of the library (helper-141): wrong argument types and unreadable paths raise the documented exceptions,
with a message that names the argument, never another library's error nor a hang."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

import validator

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sageone-polling.json"


@pytest.mark.skipif(sys.platform != "linux", reason="devices and named pipes as Linux has them")
@pytest.mark.parametrize("make", ["device", "fifo", "link to a device"])
def test_a_path_that_is_no_regular_file_is_an_os_error_not_a_hang(tmp_path: Path, make: str) -> None:
    """`check(Path("/dev/zero"))` read forever, its memory growing; a named pipe waited forever for a writer."""
    target = tmp_path / "x.json"
    if make == "fifo":
        os.mkfifo(target)
    elif make == "device":
        target = Path("/dev/zero")
    else:
        target.symlink_to("/dev/zero")
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            validator.check(target)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - what it raised is the test's matter
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    assert outcome, "check() did not return"
    assert isinstance(outcome[0], OSError) and "not a regular file" in str(outcome[0]), outcome
    with pytest.raises(OSError, match="not a regular file"):
        validator.check_file(str(target))


@pytest.mark.parametrize("keywords, message", [
    ({"options": 5}, "options must be a validator.Options"),
    ({"options": {"server_zone": "GMT"}}, "options must be a validator.Options"),
    ({"config": 5}, "config must be"),
])
def test_check_s_keywords_of_another_type_are_type_errors(keywords: dict[str, object], message: str) -> None:
    """`options=5` was an AttributeError ('int' object has no attribute 'opt_in')."""
    with pytest.raises(TypeError, match=message):
        validator.check("{}", **keywords)  # type: ignore[arg-type]


@pytest.mark.parametrize("arguments, keywords", [((5,), {}), ((None,), {}), (("x",), {"path": 5}),
                                                 (("x",), {"options": "GMT"})])
def test_check_page_s_arguments_of_another_type_are_type_errors(arguments: tuple[object, ...],
                                                                keywords: dict[str, object]) -> None:
    """`check_page(5)` was an AttributeError ('int' object has no attribute 'decode'), `path=5` one from the masking,
    and `options="GMT"` passed unnoticed."""
    with pytest.raises(TypeError):
        validator.check_page(*arguments, **keywords)  # type: ignore[arg-type]


def test_check_page_takes_a_path_as_check_does() -> None:
    """`check(..., path=Path("x.md"))` worked and `check_page(..., path=Path("x.md"))` was a TypeError."""
    from pathlib import Path

    page = '# Events\n\n```json\n{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": ' \
           '"fifteen"}}\n```\n'
    by_path = validator.check_page(page, path=Path("docs/events.md")).findings
    assert by_path and by_path == validator.check_page(page, path="docs/events.md").findings
    assert {f.path for f in by_path} == {"docs/events.md"}


@pytest.mark.parametrize("call", [
    lambda: validator.compile_pattern(5),  # type: ignore[arg-type]
    lambda: validator.compile_pattern(b"yyyy"),  # type: ignore[arg-type]
    lambda: validator.format_date(None, 0, "GMT"),  # type: ignore[arg-type]
    lambda: validator.parse_url_template(5),  # type: ignore[arg-type]
    lambda: validator.render_url(None, 0),  # type: ignore[arg-type]
    lambda: validator.render_url("/x?where=a>'${date:yyyy}'", 0, server_zone=5),  # type: ignore[arg-type]
])
def test_a_pattern_template_or_zone_of_another_type_is_a_type_error_that_says_so(call) -> None:  # type: ignore[no-untyped-def]
    """pyparsing's own "object of type 'int' has no len()" named no argument; `server_zone=5` rendered nothing."""
    with pytest.raises(TypeError, match="must be a str"):
        call()


@pytest.mark.parametrize("keywords", [
    {"refresh_interval": None}, {"poll_delay": "abc"}, {"poll_delay": 1.5}, {"encode_values": "yes"}, {"date_format": 5},
])
def test_render_url_s_numbers_and_switches_of_another_type_are_type_errors(keywords: dict[str, object]) -> None:
    """helper-196: `refresh_interval=None` raised int()'s own "argument must be a string, a bytes-like object or a
    real number" naming no argument, `poll_delay="abc"` a ValueError of int(); 1.5 seconds was read as 1, and
    `encode_values="yes"`, `date_format=5` were taken."""
    with pytest.raises(TypeError, match=r"(poll_delay|refresh_interval) must be a whole number|encode_values must be"):
        validator.render_url("/x?where=a>'${date:yyyy}'", 0, **keywords)  # type: ignore[arg-type]


@pytest.mark.parametrize("keywords, error", [
    ({"server_zone": 5}, TypeError), ({"encode_values": "yes"}, TypeError), ({"timestamp_unit": "h"}, ValueError),
    ({"element_docs": "docs"}, TypeError), ({"element_schemas": [5]}, TypeError), ({"opt_in": "CE617"}, TypeError),
    ({"element": 5}, TypeError),
])
def test_options_of_the_wrong_type_are_refused_when_made(keywords: dict[str, object], error: type[Exception]) -> None:
    """`Options(server_zone=5)` made every check an internal error (CE099); `element_docs="docs"` was read as the
    folders "d", "o", "c", "s"."""
    with pytest.raises(error, match="Options\\."):
        validator.Options(**keywords)  # type: ignore[arg-type]


def test_options_take_lists_and_paths_as_the_tuples_they_keep(tmp_path: Path) -> None:
    options = validator.Options(element_docs=[tmp_path], opt_in={"CE617"})  # type: ignore[arg-type]
    assert options.element_docs == (str(tmp_path),) and options.opt_in == frozenset({"CE617"})
    hash(options)
    assert validator.check(EXAMPLE, options=validator.Options(element_docs=[str(tmp_path)]))  # type: ignore[arg-type]


@pytest.mark.parametrize("number", [10 ** 5000, -(10 ** 5000) + 7, 3 ** 20000], ids=["1e5000", "-1e5000", "3^20000"])
def test_a_dict_holding_an_integer_of_thousands_of_digits_is_checked_as_the_file_is(number: int) -> None:
    """`check(dict)` with a 5,000-digit int raised ValueError ("Exceeds the limit (4300 digits)"): JSON holds such
    a number, and the file holding it is read (CE206 for a refresh interval), so the dict is checked alike."""
    import json

    body = json.loads(EXAMPLE.read_text())
    body["configuration"]["event.poller.refresh_interval"] = number
    text = EXAMPLE.read_text().replace('"event.poller.refresh_interval": "15"', '"event.poller.refresh_interval": ' + (
        "-" if number < 0 else "") + "9" * 5000)
    from_dict = [(f.rule, f.pointer) for f in validator.check(body)]
    assert ("CE206", "/configuration/event.poller.refresh_interval") in from_dict
    assert from_dict == [(f.rule, f.pointer) for f in validator.check(text)]


def test_an_integer_of_thousands_of_digits_is_written_digit_for_digit() -> None:
    from validator.json_text import indented

    old = sys.get_int_max_str_digits()
    numbers = [10 ** 4300, 10 ** 5000 - 1, -(3 ** 20000), 2 ** 14285, 10 ** 4299]
    try:
        sys.set_int_max_str_digits(0)
        expected = "[\n" + ",\n".join("  " + str(n) for n in numbers) + "\n]"
    finally:
        sys.set_int_max_str_digits(old)
    assert indented(numbers) == expected
