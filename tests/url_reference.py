"""The URL and CEQL lexers, the CEQL structure grammar and percent_encode as they were before the
speed rewrite (commit 2d2c2d0): the documented behaviour the new ones are compared with."""
# ruff: noqa
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from validator.urls.ceql import Condition, Operand

_MACRO_HEAD, _MACRO_TAIL = "\ue000", "\ue001"
_HEX = frozenset("0123456789abcdefABCDEF")
_KEYWORDS = {"and", "or", "not", "like", "in", "is", "null", "true", "false"}


@dataclass
class WhereClause:
    text: str
    offset: int
    conditions: list = field(default_factory=list)
    parsed: bool = False


def _closing_brace(text: str, body_start: int, *, quote_aware: bool) -> int | None:
    """Index of the ``}`` closing a macro whose body starts at ``body_start`` (one nested level allowed)."""
    depth, in_quote = 0, False
    i = body_start
    while i < len(text):
        c = text[i]
        if quote_aware and c == "'":
            in_quote = not in_quote
        elif not in_quote:
            if text.startswith("${", i):
                return None
            if c == "{":
                depth += 1
            elif c == "}":
                if depth == 0:
                    return i
                depth -= 1
        i += 1
    return None


def _macro_end(text: str, body_start: int) -> int | None:
    """Offset just after a macro's ``}``; None when the macro is unterminated."""
    first = _closing_brace(text, body_start, quote_aware=False)
    if first is None:
        return None
    if text.count("'", body_start, first) % 2 == 0:
        return first + 1
    later = _closing_brace(text, body_start, quote_aware=True)
    if later is not None and later > first:
        return later + 1
    return first + 1


@lru_cache(maxsize=1)
def _url_lexer():
    import pyparsing as pp

    class _Macro(pp.Token):
        """``${`` ... ``}`` (or an unterminated ``${``), ended as :func:`_macro_end` says."""

        def __init__(self, opener: str) -> None:
            super().__init__()
            self.opener = opener
            self.errmsg = f"expected {opener}"
            self.mayIndexError = False

        def parseImpl(self, instring, loc, do_actions=True):
            if not instring.startswith(self.opener, loc):
                raise pp.ParseException(instring, loc, self.errmsg, self)
            end = _macro_end(instring, loc + len(self.opener))
            if end is None:
                return loc + len(self.opener), "!" + instring[loc : loc + len(self.opener)]
            return end, instring[loc:end]

    macro = _Macro("${")("macro")
    leftover = _Macro("#{'$'}{")("leftover")
    nobrace = pp.Regex(r"\$(?!\{)[A-Za-z][^${}\s&]*\}")("nobrace")
    placeholder = pp.Regex(r"\{\{[^{}]*\}\}")("placeholder")
    text = pp.Regex(r"[^$#{]+|[$#{]")("text")
    piece = pp.Group(pp.Located(macro | leftover | nobrace | placeholder | text))
    grammar = pp.ZeroOrMore(piece) + pp.StringEnd()
    for element in (macro, leftover, nobrace, placeholder, text, piece, grammar):
        element.leave_whitespace()
    grammar.parse_with_tabs()  # offsets must be code points of the original text
    return grammar


def url_lex(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) of every piece; kinds: macro, unterminated, leftover, nobrace, placeholder, text."""
    pieces = []
    for located in _url_lexer().parse_string(text, parse_all=True):
        start, value, end = located[0], located[1], located[2]
        (name,) = value.keys()
        raw = value[0]
        if raw.startswith("!"):
            name = "unterminated"
            raw = raw[1:]
        pieces.append((name, raw, start, end))
    return pieces




@lru_cache(maxsize=1)
def _tokens():
    """The lexical pieces of CEQL, each a pyparsing element, in match order."""
    import pyparsing as pp

    pieces = [
        ("string", pp.Regex(r"'(?:[^']|'')*'|\"[^\"]*\"|`[^`]*`")),
        ("ustring", pp.Regex(r"['\"`].*", flags=re.S)),
        ("macro", pp.Regex(f"{_MACRO_HEAD}{_MACRO_TAIL}*")),
        ("placeholder", pp.Regex(r"<[A-Za-z_][\w.\-]*>|\{[A-Za-z_][\w.\-]*\}")),
        ("op", pp.Regex(r"<=|>=|!=|<>|==|=|<|>")),
        ("lparen", pp.Literal("(")),
        ("rparen", pp.Literal(")")),
        ("comma", pp.Literal(",")),
        ("word", pp.Regex(r"(?:[^\s()'\"`,=<>!\[" + _MACRO_HEAD + _MACRO_TAIL + r"]|\[[^\]]*\])+")),
        ("other", pp.Regex(r"\S")),
    ]
    return pieces


@lru_cache(maxsize=1)
def _lexer():
    import pyparsing as pp

    alternatives = []
    for name, element in _tokens():
        alternatives.append(element.copy().set_results_name(name))
    piece = pp.Group(pp.Located(pp.MatchFirst(alternatives)))
    grammar = pp.ZeroOrMore(piece) + pp.StringEnd()
    grammar.parse_with_tabs()  # offsets must be code points of the original text
    return grammar


_KEYWORDS = {"and", "or", "not", "like", "in", "is", "null", "true", "false"}


def ceql_lex(masked: str) -> list[tuple[str, str, int, int]]:
    result = []
    for located in _lexer().parse_string(masked, parse_all=True):
        start, value, end = located[0], located[1], located[2]
        (name,) = value.keys()
        text = value[0]
        start = end - len(text)  # Located starts before the skipped whitespace
        if name == "word" and text.lower() in _KEYWORDS:
            lowered = text.lower()
            name = {"true": "boolean", "false": "boolean", "null": "null"}.get(lowered, lowered)
        elif name == "word" and re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text):
            name = "number"
        result.append((name, text, start, end))
    return result


@lru_cache(maxsize=1)
def _grammar():
    """The structure: comparisons combined with not/and/or and parentheses."""
    import pyparsing as pp

    def operand(kind: str, regex: pp.ParserElement) -> pp.ParserElement:
        located = pp.Located(regex)
        def action(_s, _loc, t):
            return _Raw(kind, t[0], t[2])

        located.set_parse_action(action)
        return located

    keyword = pp.MatchFirst([pp.CaselessKeyword(k) for k in sorted(_KEYWORDS)])
    string = operand("string", pp.Regex(r"'(?:[^']|'')*'|\"[^\"]*\"|`[^`]*`"))
    macro = operand("macro", pp.Regex(f"{_MACRO_HEAD}{_MACRO_TAIL}*"))
    number = operand("number", pp.Regex(r"[+-]?\d+(?:\.\d+)?(?![^\s()'\",=<>!])"))
    boolean = operand("boolean", pp.CaselessKeyword("true") | pp.CaselessKeyword("false"))
    null_value = operand("null", pp.CaselessKeyword("null"))
    placeholder = operand("placeholder", pp.Regex(r"<[A-Za-z_][\w.\-]*>|\{[A-Za-z_][\w.\-]*\}"))
    word = operand("word", ~keyword + pp.Regex(r"(?:[^\s()'\"`,=<>!\[" + _MACRO_HEAD + _MACRO_TAIL + r"]|\[[^\]]*\])+"))
    value = string | macro | number | boolean | null_value | placeholder | word

    NOT, LIKE, IN, IS, NULL = (pp.CaselessKeyword(k) for k in ("not", "like", "in", "is", "null"))
    cmp_op = pp.Regex(r"<=|>=|!=|<>|==|=|<|>")
    lpar, rpar = pp.Suppress("("), pp.Suppress(")")
    value_list = pp.Group(lpar + pp.Optional(pp.DelimitedList(value)) + rpar)
    tail = (
        cmp_op("op") + value("rhs")
        | pp.Optional(NOT)("neg") + LIKE("op") + value("rhs")
        | pp.Optional(NOT)("neg") + IN("op") + value_list("list")
        | IS("op") + pp.Optional(NOT)("neg") + NULL
    )
    comparison = pp.Located(value("lhs") + tail)
    comparison.set_parse_action(_make_condition)
    # not > and > or, written out (pyparsing's infix_notation backtracks a lot without packrat).
    expression = pp.Forward()
    atom = comparison | pp.Group(lpar + expression + rpar)
    factor = pp.Group(pp.ZeroOrMore(NOT) + atom)
    term = pp.Group(factor + pp.ZeroOrMore(pp.CaselessKeyword("and") + factor))
    expression <<= pp.Group(term + pp.ZeroOrMore(pp.CaselessKeyword("or") + term))
    grammar = expression + pp.StringEnd()
    grammar.parse_with_tabs()
    return grammar


class _Raw:
    """An operand or a condition found by the grammar (a plain object, so pyparsing keeps it whole)."""

    __slots__ = ("kind", "start", "end", "parts")

    def __init__(self, kind: str, start: int, end: int, parts: tuple = ()) -> None:
        self.kind, self.start, self.end, self.parts = kind, start, end, parts


def _make_condition(_s, _loc, tokens):
    start, parts, end = tokens[0], tokens[1], tokens[2]
    lhs = parts[0]
    op = parts.get("op")
    neg = "not " if parts.get("neg") else ""
    if op is None:
        op = parts[1]
    op = str(op).lower()
    if op == "is":
        operator = "is not null" if any(isinstance(p, str) and p.lower() == "not" for p in parts) else "is null"
        values: tuple = ()
    elif op == "in":
        operator = neg + "in"
        found: list = []
        _collect_operands(parts["list"], found)
        values = tuple(found)
    else:
        operator = neg + "like" if op == "like" else op
        found = []
        _collect_operands([parts["rhs"]], found)
        values = tuple(found)
    return [_Raw("condition", start, end, (lhs, operator, values))]


def _collect_operands(results, out: list) -> None:
    for item in results:
        if isinstance(item, _Raw):
            out.append(item)
        elif hasattr(item, "__iter__") and not isinstance(item, str):
            _collect_operands(item, out)


def _collect(results, out: list) -> None:
    for item in results:
        if isinstance(item, _Raw):
            if item.kind == "condition":
                out.append(item)
        elif hasattr(item, "__iter__") and not isinstance(item, str):
            _collect(item, out)


def _mask(text: str) -> str:
    chars = list(text)
    for s, e in [(s, e) for name, _, s, e in url_lex(text) if name in ("macro", "leftover", "nobrace")]:
        chars[s] = _MACRO_HEAD
        for i in range(s + 1, e):
            chars[i] = _MACRO_TAIL
    return "".join(chars)


def ceql_mask(text: str) -> str:
    return _mask(text)




def ceql_structure(clause: WhereClause, masked: str, text: str, offset: int) -> None:
    import pyparsing as pp

    try:
        results = _grammar().parse_string(masked, parse_all=True)
    except (pp.ParseBaseException, RecursionError):  # RecursionError: parentheses nested thousands deep
        return
    found: list = []
    _collect(results, found)

    def lstrip(start: int, end: int) -> int:
        while start < end and text[start].isspace():
            start += 1
        return start

    def to_operand(item: _Raw) -> Operand:
        start = lstrip(item.start, item.end)
        return Operand(item.kind, text[start:item.end], offset + start, offset + item.end)

    for cond in found:
        lhs, operator, values = cond.parts
        clause.conditions.append(Condition(to_operand(lhs), operator, tuple(to_operand(v) for v in values),
                                           offset + lstrip(cond.start, cond.end), offset + cond.end))
    clause.parsed = True


def percent_encode(text: str, *, keep: frozenset[str]) -> str:
    """Percent-encode (UTF-8) every character of ``text`` not in ``keep``; ``%XX`` escapes are kept."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "%" and i + 2 < len(text) and text[i + 1] in _HEX and text[i + 2] in _HEX:
            out.append(text[i : i + 3])
            i += 3
            continue
        if c in keep:
            out.append(c)
        else:
            out.extend(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


