"""The CEQL ``where`` value of a poller URL (a pyparsing grammar).

CEQL is Cloud Elements' SQL-like filter: ``field op value`` joined by ``and``/``or``,
``not``, parentheses; ops ``=``, ``!=``, ``<>``, ``<``, ``<=``, ``>``, ``>=``, ``like``,
``in (...)``, ``is [not] null``; values are single-quoted strings (``''`` is a quote),
numbers, ``true``/``false``/``null`` and macros, quoted (``'${gmtDate:...}'``, as in 515 of
521 real cases) or bare (``${epoch}``).  Field names may be dotted (``metaData.lastUpdatedTime``),
bracketed, or quoted when they hold spaces (``'Modified Time'``, backticks).  Keywords are
case-insensitive.

Macros are substituted before the vendor reads the filter, so each macro (and each
malformed macro, see :func:`validator.urls.template.atomic_spans`) counts as one value:
the quotes inside ``${date:yyyy-MM-dd'T'HH:mm:ss'Z'}`` never pair with CEQL's.

The grammar is tolerant: only what surely breaks a filter is reported -- an unbalanced
quote (at the opening quote), an operator with nothing on one side, unbalanced
parentheses, an empty ``where=``.  Anything else the grammar does not follow leaves
:attr:`WhereClause.parsed` False and reports nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .facts import Flaw, UrlFact
from .pieces import DATE_KINDS, MACRO_HEAD, MACRO_TAIL, atomic_spans, mask

__all__ = ["Operand", "Condition", "WhereClause", "parse_where"]

_MACRO_HEAD, _MACRO_TAIL = MACRO_HEAD, MACRO_TAIL
_OPERAND_KINDS = frozenset({"string", "ustring", "number", "macro", "word", "placeholder", "boolean", "null"})


@dataclass(frozen=True, slots=True)
class Operand:
    """One side of a condition: ``kind`` is string, number, macro, boolean, null, placeholder or word.

    ``text`` is the source text (quotes kept); ``start``/``end`` are offsets in the URL.
    """

    kind: str
    text: str
    start: int
    end: int

    @property
    def value(self) -> str:
        """The text without its quotes (``''`` read as one quote) for strings and quoted names."""
        if self.kind == "string" and len(self.text) >= 2 and self.text[0] == self.text[-1] and self.text[0] in "'\"`":
            inner = self.text[1:-1]
            return inner.replace("''", "'") if self.text[0] == "'" else inner
        return self.text


@dataclass(frozen=True, slots=True)
class Condition:
    """``field operator values``: ``like``/``not like``/``in``/``not in``/``is null``/``is not null`` or a comparison."""

    field: Operand
    operator: str
    values: tuple[Operand, ...]
    start: int
    end: int


@dataclass
class WhereClause:
    """The where value: its text, where it starts in the URL, its conditions, and its problems."""

    text: str
    offset: int
    conditions: list[Condition] = field(default_factory=list)
    facts: list[UrlFact] = field(default_factory=list)
    parsed: bool = False  # the whole value followed the grammar


_WS = "[ \t\n\r]*"  # pyparsing's default whitespace, skipped before each token
_STRING = r"'(?:[^']|'')*'|\"[^\"]*\"|`[^`]*`"
_PLACEHOLDER = r"<[A-Za-z_][\w.\-]*>|\{[A-Za-z_][\w.\-]*\}"
_WORD = r"(?:[^\s()'\"`,=<>!\[" + _MACRO_HEAD + _MACRO_TAIL + r"]|\[[^\]]*\])+"
_MACRO = f"{_MACRO_HEAD}{_MACRO_TAIL}*"
_CMP = r"<=|>=|!=|<>|==|=|<|>"
#: Every lexical piece of CEQL in one regex: the group that matched names the token.
_TOKEN = re.compile(
    _WS + "(?:"
    f"(?P<string>{_STRING})"
    r"|(?P<ustring>['\"`].*)"
    f"|(?P<macro>{_MACRO})"
    f"|(?P<placeholder>{_PLACEHOLDER})"
    f"|(?P<op>{_CMP})"
    r"|(?P<lparen>\()|(?P<rparen>\))|(?P<comma>,)"
    f"|(?P<word>{_WORD})"
    r"|(?P<other>[^ \t\n\r]))",
    re.S,
)
#: A value: the first alternative that matches wins (numbers before words; keywords are no words).
_VALUE = re.compile(
    _WS + "(?:"
    f"(?P<string>{_STRING})"
    f"|(?P<macro>{_MACRO})"
    r"""|(?P<number>[+-]?\d+(?:\.\d+)?(?![^\s()'",=<>!]))"""
    r"|(?P<boolean>(?i:true|false)(?![A-Za-z0-9_$]))"
    r"|(?P<null>(?i:null)(?![A-Za-z0-9_$]))"
    f"|(?P<placeholder>{_PLACEHOLDER})"
    f"|(?P<word>{_WORD}))"
)
_KEYWORDS = {"and", "or", "not", "like", "in", "is", "null", "true", "false"}
_KEYWORDS_UPPER = tuple(sorted(k.upper() for k in _KEYWORDS))
_IDENT = "$0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _keyword_at(text: str, loc: int) -> bool:
    """Whether a CEQL keyword starts at ``loc`` (pyparsing's CaselessKeyword test, not preceded or followed by
    an identifier character)."""
    if loc and text[loc - 1].upper() in _IDENT:
        return False
    for keyword in _KEYWORDS_UPPER:
        n = len(keyword)
        if text[loc:loc + n].upper() == keyword and (loc >= len(text) - n or text[loc + n].upper() not in _IDENT):
            return True
    return False


@lru_cache(maxsize=1)
def _tokens_grammar() -> Any:
    """pyparsing elements built on :data:`_TOKEN` and :data:`_VALUE`: one regex match per token, no backtracking."""
    import pyparsing as pp

    class _Scan(pp.Token):
        """The next token of ``regex`` as ``(kind, text, start, end)``; whitespace is part of the regex."""

        def __init__(self, regex: re.Pattern[str], name: str) -> None:
            super().__init__()
            self.regex = regex
            self.errmsg = f"expected {name}"
            self.mayIndexError = False
            self.mayReturnEmpty = False
            self.leave_whitespace()

        def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> tuple[int, Any]:
            m = self.regex.match(instring, loc)
            if m is None or m.end() == loc:
                raise pp.ParseException(instring, loc, self.errmsg, self)
            kind = m.lastgroup or ""
            start = m.start(kind)
            if kind == "word" and self.regex is _VALUE and _keyword_at(instring, start):
                raise pp.ParseException(instring, start, "a keyword is not a value", self)
            return m.end(), (kind, m.group(kind), start, m.end())

    return _Scan(_TOKEN, "a CEQL token"), _Scan(_VALUE, "a value")


@lru_cache(maxsize=1)
def _lexer() -> Any:
    import pyparsing as pp

    grammar = pp.ZeroOrMore(_tokens_grammar()[0]).leave_whitespace()
    grammar.parse_with_tabs()  # offsets must be code points of the original text
    return grammar


def _lex(masked: str) -> list[tuple[str, str, int, int]]:
    result = []
    for name, text, start, end in _lexer().parse_string(masked):
        if name == "word" and text.lower() in _KEYWORDS:
            lowered = text.lower()
            name = {"true": "boolean", "false": "boolean", "null": "null"}.get(lowered, lowered)
        elif name == "word" and _NUMBER.fullmatch(text):
            name = "number"
        result.append((name, text, start, end))
    return result


@lru_cache(maxsize=1)
def _grammar() -> Any:
    """The structure: comparisons combined with not/and/or and parentheses."""
    import pyparsing as pp

    value = _tokens_grammar()[1].copy().add_parse_action(lambda t: _Raw(t[0][0], t[0][2], t[0][3]))
    NOT, LIKE, IN, IS, NULL, AND, OR = (pp.CaselessKeyword(k) for k in ("not", "like", "in", "is", "null", "and", "or"))
    cmp_op = pp.Regex(_CMP)
    lpar, rpar = pp.Suppress("("), pp.Suppress(")")
    value_list = pp.Group(lpar + pp.Optional(pp.DelimitedList(value)) + rpar)
    neg = pp.Optional(NOT).set_parse_action(lambda t: ["not "] if t else [""])
    tail = (
        (cmp_op + value).set_parse_action(lambda t: (t[0], (t[1],)))
        | (neg + LIKE + value).set_parse_action(lambda t: (t[0] + "like", (t[2],)))
        | (neg + IN + value_list).set_parse_action(lambda t: (t[0] + "in", tuple(t[2])))
        | (IS + neg + NULL).set_parse_action(lambda t: ("is " + t[1] + "null", ()))
    )
    comparison = pp.Located(value + tail)
    comparison.set_parse_action(_make_condition)
    # not > and > or, written out (pyparsing's infix_notation backtracks a lot without packrat).
    expression = pp.Forward()
    atom = comparison | pp.Group(lpar + expression + rpar)
    factor = pp.Group(pp.ZeroOrMore(NOT) + atom)
    term = pp.Group(factor + pp.ZeroOrMore(AND + factor))
    expression <<= pp.Group(term + pp.ZeroOrMore(OR + term))
    grammar = expression + pp.StringEnd()
    grammar.parse_with_tabs()
    return grammar


class _Raw:
    """An operand or a condition found by the grammar (a plain object, so pyparsing keeps it whole)."""

    __slots__ = ("kind", "start", "end", "parts")

    def __init__(self, kind: str, start: int, end: int, parts: tuple = ()) -> None:
        self.kind, self.start, self.end, self.parts = kind, start, end, parts


def _make_condition(_s: str, _loc: int, tokens: Any) -> list[_Raw]:
    start, (lhs, (operator, values)), end = tokens[0], tokens[1], tokens[2]
    return [_Raw("condition", start, end, (lhs, operator, values))]


def _collect(results, out: list) -> None:
    for item in results:
        if isinstance(item, _Raw):
            if item.kind == "condition":
                out.append(item)
        elif hasattr(item, "__iter__") and not isinstance(item, str):
            _collect(item, out)


def _is_value(kind: str | None) -> bool:
    return kind in _OPERAND_KINDS or kind == "rparen"


def _check_tokens(tokens: list[tuple[str, str, int, int]], text: str, add) -> None:
    """The mistakes that surely break a filter: quotes, parentheses, operators missing an operand."""
    kinds = [t[0] for t in tokens]
    stack: list[int] = []
    for i, (kind, tok, start, end) in enumerate(tokens):
        prev = kinds[i - 1] if i else None
        nxt = kinds[i + 1] if i + 1 < len(kinds) else None
        if kind == "ustring":
            quote = tok[0]
            add(Flaw.CEQL_UNBALANCED_QUOTE, f"unbalanced quote: this {quote} never closes", start, start + 1,
                help=f"close the value with {quote}")
        elif kind == "lparen":
            stack.append(start)
        elif kind == "rparen":
            if stack:
                stack.pop()
            else:
                add(Flaw.CEQL_UNBALANCED_PARENTHESIS, "unbalanced parenthesis: ')' closes nothing", start, end)
        elif kind == "op":
            if prev in (None, "lparen", "comma"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"the operator {tok!r} has no left-hand side", start, end)
            elif not (nxt in _OPERAND_KINDS or nxt == "lparen"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"the operator {tok!r} has no value after it", start, end)
        elif kind in ("and", "or"):
            if prev in (None, "lparen", "comma"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} has no condition before it", start, end)
            elif not (nxt in _OPERAND_KINDS or nxt in ("lparen", "not")):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} has no condition after it", start, end)
        elif kind == "like":
            if not (nxt in _OPERAND_KINDS):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} has no pattern after it", start, end)
        elif kind == "in":
            if nxt != "lparen":
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} needs a parenthesised list: in ('a', 'b')", start, end)
        elif kind == "is":
            if nxt not in ("null", "not"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} must be followed by null or not null", start, end)
        elif kind == "not" and nxt is None:
            add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} has nothing after it", start, end)
    for start in stack:
        add(Flaw.CEQL_UNBALANCED_PARENTHESIS, "unbalanced parenthesis: this '(' never closes", start, start + 1)


def parse_where(text: str, *, offset: int = 0, masked: str | None = None) -> WhereClause:
    """Parse a CEQL where value; never raises.  ``offset`` is where ``text`` starts in the URL.

    Fact and operand offsets are offsets in the URL (``offset`` + index in ``text``).  ``masked``
    is ``text`` with its macros masked (:func:`validator.urls.pieces.mask`), when the caller has
    lexed the URL already.
    """
    clause = WhereClause(text, offset)

    def add(flaw: Flaw, message: str, start: int, end: int, help: str | None = None) -> None:
        clause.facts.append(UrlFact(flaw, message, offset + start, offset + end, help))

    try:
        if not text.strip():
            add(Flaw.CEQL_EMPTY_WHERE, "empty where=: the filter has no condition", 0, len(text),
                help="remove `where=` or give a condition such as `updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'`")
            return clause
        if masked is None or len(masked) != len(text):
            masked = mask(text, atomic_spans(text))
        tokens = _lex(masked)
        _check_tokens(tokens, text, add)
        _unquoted_dates(text, masked, tokens, add)
        _structure(clause, masked, text, offset)
    except Exception as exc:  # noqa: BLE001 -- never take the linter down
        clause.facts.append(UrlFact(Flaw.INTERNAL_ERROR, f"internal error while reading the where value "
                                    f"({type(exc).__name__}: {exc}); please report it", offset, offset + len(text)))
    clause.facts.sort(key=lambda f: f.start)
    return clause


def _unquoted_dates(text: str, masked: str, tokens, add) -> None:
    """A formatted date outside quotes (``x=${date:yyyy-MM-dd'T'HH:mm:ssXXX}``): most filters need it quoted."""
    for kind, tok, start, end in tokens:
        if kind != "macro":
            continue
        raw = text[start:end]
        m = re.match(r"\$\{([A-Za-z]+):", raw)
        if m and m.group(1) in DATE_KINDS:
            add(Flaw.CEQL_UNQUOTED_DATE, f"the date macro {raw} is not inside quotes: the rendered date (with '-', ':' or spaces) "
                "is not a CEQL number", start, end, help=f"quote it: `'{raw}'`")


def _structure(clause: WhereClause, masked: str, text: str, offset: int) -> None:
    import pyparsing as pp

    try:
        results = _grammar().parse_string(masked)
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
