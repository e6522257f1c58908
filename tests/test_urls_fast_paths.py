"""The URL and CEQL readers' fast paths read exactly what the plain ways they replace read.

Each speed change of ``validator.urls`` that rewrites a step keeps its old form here, and the two are compared on
every real corpus URL (at every offset) and on generated text made of the characters the step looks at.
"""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from test_urls_corpus import corpus_urls
from validator.urls import ceql
from validator.urls.pieces import MACRO_HEAD, MACRO_TAIL, atomic_spans, mask

# The CEQL token regex as it was, each run matched one character per step (``(?:[^']|'')*``)
_OLD_STRING = r"'(?:[^']|'')*'|\"[^\"]*\"|`[^`]*`"
_OLD_WORD = r"(?:[^\s()'\"`,=<>!\[" + MACRO_HEAD + MACRO_TAIL + r"]|\[[^\]]{0,200}\])+"
_OLD_TOKEN = re.compile(
    ceql._WS + "(?:"
    f"(?P<string>{_OLD_STRING})"
    r"|(?P<ustring>['\"`].*)"
    f"|(?P<macro>{ceql._MACRO}(?:\\.?[0-9]++(?![\\w.]))?)"
    f"|(?P<placeholder>{ceql._PLACEHOLDER})"
    f"|(?P<op>{ceql._CMP})"
    r"|(?P<lparen>\()|(?P<rparen>\))|(?P<comma>,)"
    f"|(?P<word>{_OLD_WORD})"
    f"|(?P<other>[^{ceql._BLANKS}]))",
    re.DOTALL,
)


def _same_tokens(text: str) -> None:
    for at in range(len(text) + 1):
        old, new = _OLD_TOKEN.match(text, at), ceql._TOKEN.match(text, at)
        assert (old is None) == (new is None), (text, at)
        if old is not None and new is not None:
            assert (old.lastgroup, old.span(), old.span(old.lastgroup or 0)) == \
                (new.lastgroup, new.span(), new.span(new.lastgroup or 0)), (text, at)


def test_token_regex_reads_every_corpus_url_as_before(corpus) -> None:
    valid, invalid, _ = corpus_urls(corpus)
    for url in sorted(set(valid + invalid)):
        _same_tokens(url)
        _same_tokens(mask(url, atomic_spans(url)))


_CEQL_CHARS = st.sampled_from(list("'\"`[]()=<>!, \t\u00a0ab1.+-:%{}$") + [MACRO_HEAD, MACRO_TAIL])


@given(st.lists(_CEQL_CHARS, max_size=40).map("".join))
def test_token_regex_reads_generated_filters_as_before(text: str) -> None:
    _same_tokens(text)


def test_a_word_bracket_longer_than_the_bound_ends_the_word_as_before() -> None:
    _same_tokens("a[" + "x" * 250 + "]b c[" + "y" * 200 + "]")
    _same_tokens("'" + "''" * 300 + "x")


def _same_pieces(text: str) -> None:
    """``scan`` (the token's own loop) gives what pyparsing's ``parse_string(...).as_list()`` gives."""
    from validator.urls import pieces

    for lexer in (pieces._lexer(), ceql._lexer()):
        assert lexer.scan(text) == lexer.token.parse_string(text).as_list(), text


def test_scanning_reads_every_corpus_url_as_parse_string_does(corpus) -> None:
    valid, invalid, _ = corpus_urls(corpus)
    for url in sorted(set(valid + invalid)):
        _same_pieces(url)
        _same_pieces(mask(url, atomic_spans(url)))


@given(st.lists(_CEQL_CHARS, max_size=40).map("".join))
def test_scanning_reads_generated_text_as_parse_string_does(text: str) -> None:
    _same_pieces(text)
    _same_pieces(text.replace("{", "${"))


def _deployment_variable_end(text: str, at: int) -> int | None:
    """Where a deployment's `${NAME}` starting at ``at`` ends (a name, not a macro's kind, then `}`); None if none."""
    from validator.urls.pieces import MACRO_KINDS

    end = at + 2
    while end < len(text) and (re.match(r"[\w.\-]", text[end]) is not None):
        end += 1
    name = text[at + 2:end]
    if not name or not (name[0].isascii() and (name[0].isalpha() or name[0] == "_")) or end == len(text) \
            or text[end] != "}" or any(re.match(rf"{kind}\b", name) for kind in MACRO_KINDS):
        return None
    return end + 1


def _old_closing_brace(text: str, body_start: int, *, quote_aware: bool) -> int | None:
    """``pieces._closing_brace`` as it was (every brace, macro opener and quote scanned), and as helper-215 made it
    read a deployment's `${NAME}` inside a macro as part of the macro (`${dateTimeZone:${VENDOR_TZ}:...}`)."""
    depth, in_quote, skip_to = 0, False, 0
    for event in re.finditer(r"\$\{|[{}']", text[body_start:]):
        c = event.group()
        if event.start() < skip_to:
            continue
        if c == "'":
            if quote_aware:
                in_quote = not in_quote
        elif in_quote:
            continue
        elif c == "${":
            variable_end = _deployment_variable_end(text, body_start + event.start())
            if variable_end is None:
                return None
            skip_to = variable_end - body_start
        elif c == "{":
            depth += 1
        elif depth == 0:
            return body_start + event.start()
        else:
            depth -= 1
    return None


def _same_closing_braces(text: str) -> None:
    from validator.urls import pieces

    for at in range(len(text) + 1):
        for quote_aware in (False, True):
            assert pieces._closing_brace(text, at, quote_aware=quote_aware) == \
                _old_closing_brace(text, at, quote_aware=quote_aware), (text, at, quote_aware)


def test_closing_brace_found_as_before_in_every_corpus_url(corpus) -> None:
    valid, invalid, _ = corpus_urls(corpus)
    for url in sorted(set(valid + invalid)):
        _same_closing_braces(url)


@given(st.lists(st.sampled_from(list("${}'a:") + ["${", "}}", "{{"]), max_size=30).map("".join))
def test_closing_brace_found_as_before_in_generated_text(text: str) -> None:
    _same_closing_braces(text)


def _old_read_macro_at(raw: str, start: int) -> tuple[object, list[object]]:
    """``template._read_macro_at`` as it was: the reading at 0 moved to ``start`` afresh each time."""
    from validator.urls.template import Macro, _macro_at_zero

    macro, facts = _macro_at_zero(raw)
    moved = [fact.shifted(start) for fact in facts]
    if macro is None or start == 0:
        return macro, moved
    return Macro(macro.kind, macro.zone, macro.format, macro.pattern, start, start + len(raw),
                 None if macro.format_start is None else macro.format_start + start, unit=macro.unit,
                 zone_start=None if macro.zone_start is None else macro.zone_start + start, text=raw), moved


def test_a_macro_placed_once_reads_as_one_placed_afresh(corpus) -> None:
    from validator.urls import template
    from validator.urls.pieces import lex_url

    valid, invalid, _ = corpus_urls(corpus)
    macros = {(raw, start) for url in set(valid + invalid) for kind, raw, start, _ in lex_url(url) if kind == "macro"}
    macros |= {(raw, start + 7) for raw, start in list(macros)} | {(raw, 0) for raw, _ in macros}
    for raw, start in sorted(macros):
        for _ in range(2):  # (read, then from the cache)
            col = template._Collector()
            macro = template._read_macro_at(col, raw, start)
            assert (macro, col.facts) == _old_read_macro_at(raw, start), (raw, start)


def test_a_where_met_again_at_a_kept_offset_reads_as_the_first_reading_moved(corpus) -> None:
    """parse_where keeps the moved readings of a where value by offset: each is the first reading moved, as before."""
    from validator.urls.template import parse_url_template

    valid, invalid, _ = corpus_urls(corpus)
    wheres = {t.where.text for t in map(parse_url_template, sorted(set(valid + invalid))[:400]) if t.where is not None}
    for text in sorted(wheres):
        ceql._first_reading.cache_clear()
        first = ceql.parse_where(text, offset=11)
        for offset in (11, 30, 4, 30, 11, *range(100, 100 + ceql._PLACES_KEPT + 3)):
            by = offset - 11
            read = ceql.parse_where(text, offset=offset)
            assert (read.text, read.offset, read.parsed) == (text, offset, first.parsed)
            assert read.conditions == [condition.shifted(by) for condition in first.conditions], (text, offset)
            assert read.facts == [fact.shifted(by) for fact in first.facts], (text, offset)
            read.conditions.clear()  # (each caller's lists are its own)
            read.facts.clear()


def _old_where_end(masked: str, start: int, end: int) -> int:
    """``template._where_end`` as it was: every quote and `&` scanned."""
    first = masked.find("&", start, end)
    if first == -1:
        return end
    in_quote = False
    for event in re.finditer(r"['&]", masked[:end]):
        if event.start() < start:
            continue
        if event.group() == "'":
            in_quote = not in_quote
        elif not in_quote:
            return event.start()
    return first if in_quote else end


def _same_where_ends(text: str) -> None:
    from validator.urls import template

    for start in range(len(text) + 1):
        for end in {len(text), max(start, len(text) - 3)}:
            assert template._where_end(text, start, end) == _old_where_end(text, start, end), (text, start, end)


def test_where_value_ends_as_before_in_every_corpus_url(corpus) -> None:
    valid, invalid, _ = corpus_urls(corpus)
    for url in sorted(set(valid + invalid)):
        _same_where_ends(mask(url, atomic_spans(url)))


@given(st.lists(st.sampled_from(list("'&a=") + [MACRO_HEAD]), max_size=30).map("".join))
def test_where_value_ends_as_before_in_generated_text(text: str) -> None:
    _same_where_ends(text)
