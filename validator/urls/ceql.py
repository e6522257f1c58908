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

from ..findings import Edit, Fix, Problem

__all__ = ["Operand", "Condition", "WhereClause", "parse_where"]

_MACRO_HEAD, _MACRO_TAIL = "\ue000", "\ue001"
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
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = False  # the whole value followed the grammar


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


def _lex(masked: str) -> list[tuple[str, str, int, int]]:
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
    from .template import _masked, atomic_spans

    return _masked(text, atomic_spans(text))


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
            # the string runs to the end of the where value: closing it there is what the author meant
            # when it is one word (attributes='a,b), a guess when it swallowed more conditions
            applicability = "safe" if not any(char.isspace() for char in tok[1:]) else "unsafe"
            fix = Fix(f"close the value with {quote}", (Edit(end, end, quote),), applicability)
            add("CE620", f"unbalanced quote: this {quote} never closes", start, start + 1,
                help=f"close the value with {quote}", fix=fix)
        elif kind == "lparen":
            stack.append(start)
        elif kind == "rparen":
            if stack:
                stack.pop()
            else:
                add("CE623", "unbalanced parenthesis: ')' closes nothing", start, end)
        elif kind == "op":
            if prev in (None, "lparen", "comma"):
                add("CE621", f"the operator {tok!r} has no left-hand side", start, end)
            elif not (nxt in _OPERAND_KINDS or nxt == "lparen"):
                add("CE621", f"the operator {tok!r} has no value after it", start, end)
        elif kind in ("and", "or"):
            if prev in (None, "lparen", "comma"):
                add("CE621", f"{tok!r} has no condition before it", start, end)
            elif not (nxt in _OPERAND_KINDS or nxt in ("lparen", "not")):
                add("CE621", f"{tok!r} has no condition after it", start, end)
        elif kind == "like":
            if not (nxt in _OPERAND_KINDS):
                add("CE621", f"{tok!r} has no pattern after it", start, end)
        elif kind == "in":
            if nxt != "lparen":
                add("CE621", f"{tok!r} needs a parenthesised list: in ('a', 'b')", start, end)
        elif kind == "is":
            if nxt not in ("null", "not"):
                add("CE621", f"{tok!r} must be followed by null or not null", start, end)
        elif kind == "not" and nxt is None:
            add("CE621", f"{tok!r} has nothing after it", start, end)
    for start in stack:
        add("CE623", "unbalanced parenthesis: this '(' never closes", start, start + 1)


def parse_where(text: str, *, offset: int = 0) -> WhereClause:
    """Parse a CEQL where value; never raises.  ``offset`` is where ``text`` starts in the URL.

    Problem and operand offsets are offsets in the URL (``offset`` + index in ``text``).
    """
    clause = WhereClause(text, offset)

    def add(rule: str, message: str, start: int, end: int, help: str | None = None, fix: Fix | None = None) -> None:
        if fix is not None:  # offsets in the URL, as the problem's
            fix = Fix(fix.message, tuple(Edit(offset + e.start, offset + e.end, e.replacement) for e in fix.edits),
                      fix.applicability)
        clause.problems.append(Problem(rule, message, offset + start, offset + end, help, fix=fix))

    try:
        if not text.strip():
            add("CE622", "empty where=: the filter has no condition", 0, len(text),
                help="remove `where=` or give a condition such as `updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'`")
            return clause
        masked = _mask(text)
        tokens = _lex(masked)
        _check_tokens(tokens, text, add)
        _unquoted_dates(text, masked, tokens, add)
        _structure(clause, masked, text, offset)
    except Exception as exc:  # noqa: BLE001 -- never take the linter down
        clause.problems.append(Problem("CE099", f"internal error while reading the where value "
                                       f"({type(exc).__name__}: {exc}); please report it",
                                       offset, offset + len(text), None, "info"))
    clause.problems.sort(key=lambda p: (p.start, p.rule))
    return clause


def _unquoted_dates(text: str, masked: str, tokens, add) -> None:
    """A formatted date outside quotes (``x=${date:yyyy-MM-dd'T'HH:mm:ssXXX}``): most filters need it quoted."""
    from .template import DATE_KINDS

    for kind, tok, start, end in tokens:
        if kind != "macro":
            continue
        raw = text[start:end]
        m = re.match(r"\$\{([A-Za-z]+):", raw)
        if m and m.group(1) in DATE_KINDS:
            add("CE624", f"the date macro {raw} is not inside quotes: the rendered date (with '-', ':' or spaces) "
                "is not a CEQL number", start, end, help=f"quote it: `'{raw}'`")


def _structure(clause: WhereClause, masked: str, text: str, offset: int) -> None:
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
