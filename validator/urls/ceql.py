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
parentheses, an empty ``where=``, two conditions with no ``and``/``or`` between them.
Anything else the grammar does not follow leaves :attr:`WhereClause.parsed` False and
reports nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from ..findings import Applicability, Edit, Fix
from ..lazy_pattern import ByScript, LazyPattern
from ..lexing import RunToken, run_token
from ..vocabulary.characters import INVISIBLES, ODD_SPACES
from .facts import Flaw, UrlFact
from .pieces import DATE_KINDS, MACRO_HEAD, MACRO_TAIL, atomic_spans, mask

__all__ = ["Condition", "Operand", "WhereClause", "parse_where"]

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

    def shifted(self, by: int) -> Operand:
        """The same operand ``by`` code points further on in the URL."""
        return Operand(self.kind, self.text, self.start + by, self.end + by)

    @property
    def value(self) -> str:
        """The text without its quotes (``''`` read as one quote) for strings and quoted names."""
        if self.kind == "string" and len(self.text) >= 2 and self.text[0] == self.text[-1] and self.text[0] in "'\"`":
            inner = self.text[1:-1]
            return inner.replace("''", "'") if self.text[0] == "'" else inner
        return self.text


@dataclass(frozen=True, slots=True)
class Condition:
    """``field operator values``: ``like``/``not like``/``in``/``not in``/``is null``/``is not null`` or a comparison.

    ``negated``: the condition stands under an odd number of ``not``s (its own, ``not a < 'x'``, or a group's,
    ``not (a < 'x' or b = 1)``), so the filter asks for the records it does not match.
    """

    field: Operand
    operator: str
    values: tuple[Operand, ...]
    start: int
    end: int
    negated: bool = False

    def shifted(self, by: int) -> Condition:
        """The same condition ``by`` code points further on in the URL."""
        return Condition(self.field.shifted(by), self.operator, tuple(value.shifted(by) for value in self.values),
                         self.start + by, self.end + by, self.negated)


@dataclass
class WhereClause:
    """The where value: its text, where it starts in the URL, its conditions, and its problems."""

    text: str
    offset: int
    conditions: list[Condition] = field(default_factory=list)
    facts: list[UrlFact] = field(default_factory=list)
    parsed: bool = False  # the whole value followed the grammar


# pyparsing's default whitespace, skipped before each token, and the odd spaces a page pastes in (no-break, thin,
# invisible: CE612 reports each; read as a space, they make no second finding of a token that is not there)
_BLANKS = " \t\n\r" + ODD_SPACES + INVISIBLES
_WS = f"[{_BLANKS}]*"
_STRING = r"'[^']*+(?:''[^']*+)*'|\"[^\"]*+\"|`[^`]*+`"  # (runs possessive: a quote, never a run, ends one)
_PLACEHOLDER = r"<[A-Za-z_][\w.\-]*>|\{[A-Za-z_][\w.\-]*\}"
# (bounded: `[` alone is linear; atomic, not `++`: Python 3.11.2 keeps the `[` of a bracket never closed in a
# possessive repeat of alternatives)
_WORD = r"(?>(?:[^\s()'\"`,=<>!\[" + _MACRO_HEAD + _MACRO_TAIL + r"]++|\[[^\]]{0,200}+\])+)"
_MACRO = f"{_MACRO_HEAD}{_MACRO_TAIL}*"
_CMP = r"<=|>=|!=|<>|==|=|<|>"


def _token(*, blanks: str, word: str) -> str:
    """Every lexical piece of CEQL in one regex: the group that matched names the token."""
    return (f"[{blanks}]*(?:"
            f"(?P<string>{_STRING})"
            r"|(?P<ustring>['\"`].*)"
            f"|(?P<macro>{_MACRO}(?:\\.?[0-9]++(?![\\w.]))?)"  # (with digits written after it: `${epoch}000` is one value)
            f"|(?P<placeholder>{_PLACEHOLDER})"
            f"|(?P<op>{_CMP})"
            r"|(?P<lparen>\()|(?P<rparen>\))|(?P<comma>,)"
            f"|(?P<word>{word})"
            f"|(?P<other>[^{blanks}]))")


# A text without odd spaces (most) is read with JSON's blanks: two classes fewer compiled into maps of 65,536
# characters.  (A word's class still lists the macro's characters, and so still compiles into a map: ruling them out
# by a look-ahead instead cost more for each character of a word than the map costs to compile once.)
_TOKEN = ByScript(_token(blanks=_BLANKS, word=_WORD), _token(blanks=" \t\n\r", word=_WORD), re.DOTALL,
                  marks=ODD_SPACES + INVISIBLES)
_KEYWORDS = {"and", "or", "not", "like", "in", "is", "null", "true", "false"}
_LITERALS = {"true": "boolean", "false": "boolean", "null": "null"}
_KEYWORDS_UPPER = tuple(sorted(k.upper() for k in _KEYWORDS))
_KEYWORD_INITIALS = frozenset("aonlitfAONLITF")
_KEYWORDS_BY_INITIAL = {initial: tuple(k for k in _KEYWORDS_UPPER if k[0] == initial)
                        for initial in {k[0] for k in _KEYWORDS_UPPER}}
_IDENT = "$0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_NUMBER = LazyPattern(r"[+-]?\d+(?:\.\d+)?")
_PERCENT_ESCAPE = LazyPattern(r"%[0-9A-Fa-f]{2}")


def _just_a_macro(masked: str) -> bool:
    """Whether ``masked`` (macros masked) is one macro and nothing else."""
    return masked[:1] == MACRO_HEAD and not masked[1:].strip(MACRO_TAIL)


def _keyword_at(text: str, loc: int) -> bool:
    """Whether a CEQL keyword starts at ``loc`` (pyparsing's CaselessKeyword test, not preceded or followed by
    an identifier character)."""
    if loc and text[loc - 1].upper() in _IDENT:
        return False
    for keyword in _KEYWORDS_BY_INITIAL.get(text[loc:loc + 1].upper(), ()):
        n = len(keyword)
        if text[loc:loc + n].upper() == keyword and (loc >= len(text) - n or text[loc + n].upper() not in _IDENT):
            return True
    return False


@lru_cache(maxsize=4)
def _token_form(text: str) -> LazyPattern[str]:
    """The form of :data:`_TOKEN` a filter is read with, chosen once per filter, not once per token."""
    return _TOKEN.form(text)


@lru_cache(maxsize=1)
def _lexer() -> RunToken[tuple[str, str, int, int]]:
    """A pyparsing token for a run of CEQL tokens: one :data:`_TOKEN` match per token, no backtracking;
    each token is ``(kind, text, start, end)``, the whitespace before it part of the match."""
    def step(text: str, loc: int) -> tuple[tuple[str, str, int, int], int] | None:
        m = _token_form(text).match(text, loc)
        if m is None:
            return None
        kind = group = m.lastgroup or ""
        token = m.group(group)
        if kind == "word":  # a keyword, a literal or a number is read as a word, then named
            lowered = token.lower()
            if lowered in _KEYWORDS:
                kind = _LITERALS.get(lowered, lowered)
            elif (token[0].isdigit() or token[0] in "+-") and _NUMBER.fullmatch(token):  # isdigit: all that \d matches
                kind = "number"
        return (kind, token, m.start(group), m.end()), m.end()

    return run_token(step, what="CEQL tokens")


_QUOTE_OR_ENCODED = LazyPattern(r"'|%27")


def _encoded_quotes_read(masked: str) -> str:
    """``masked`` with each percent-encoded quote (``%27``) of a filter that also writes quotes as they are read as the
    quote the server decodes it to (``%27${...}'`` is a pair), lengths kept: an opening one as ``'27``, a closing
    one as ``27'``, so that the string holds the rest."""
    pieces, at, inside = [], 0, False
    for quote in _QUOTE_OR_ENCODED.finditer(masked):
        if quote.group() != "'":
            pieces += [masked[at:quote.start()], "27'" if inside else "'27"]
            at = quote.end()
        inside = not inside
    return "".join(pieces) + masked[at:]


def _plus_read_as_space(masked: str) -> str:
    """``masked`` with each ``+`` outside CEQL strings read as the space a server decodes it to
    (``updated>'${...}'+and+status='open'``, a filter copied from an encoded URL), lengths kept.

    The same reading as CE616's (a ``+`` a macro prints is read as a space); a ``+`` before a digit is left as
    written (``amount>+5``, a sum after a macro: CE643's), and a string's ``+`` is its own (``'a+b'``)."""
    chars, quote = list(masked), ""
    for i, char in enumerate(chars):
        if quote:
            quote = "" if char == quote else quote  # (`''` closes and reopens: the same string)
        elif char in "'\"`":
            quote = char
        elif char == "+" and not masked[i + 1:i + 2].isdigit():
            chars[i] = " "
    return "".join(chars)


def _lex(masked: str) -> list[tuple[str, str, int, int]]:
    return _lexer().scan(masked)


class _Add(Protocol):
    def __call__(self, flaw: Flaw, message: str, start: int, end: int, help: str | None = None,
                 replacement: str | None = None, fix: Fix | None = None) -> None: ...


#: One letter per token kind: the structure grammar reads the string of these letters.
_LETTER = {"string": "S", "macro": "M", "number": "N", "boolean": "B", "null": "U", "placeholder": "P", "word": "W",
           "op": "O", "and": "a", "or": "r", "not": "n", "like": "l", "in": "i", "is": "s", "lparen": "(",
           "rparen": ")", "comma": ","}
_VALUE_LETTERS = "SMNBUPW"
_V = f"[{_VALUE_LETTERS}]"
#: One comparison over the token letters: ``WOS`` is ``field >= 'x'``; also like, in (...) and is [not] null.
_COMPARISON = rf"{_V}(?:O{_V}|n?l{_V}|n?i\((?:{_V}(?:,{_V})*)?\)|sn?U)"
_ADJACENT = LazyPattern(rf"(?:{_COMPARISON})(?=n*\(*{_COMPARISON})")


@lru_cache(maxsize=1)
def _grammar() -> Any:
    """The structure over the token letters: comparisons combined with not/and/or and parentheses.

    A comparison is one regex over the letters (``WOS`` is ``field >= 'x'``), so the grammar has
    few alternatives and never backtracks into a comparison; not > and > or, written out.
    """
    import pyparsing as pp

    comparison = pp.Regex(_COMPARISON)
    comparison.set_parse_action(lambda _s, loc, t: _Raw("condition", loc, loc + len(t[0])))
    expression = pp.Forward()
    atom = comparison | pp.Suppress("(") + expression + pp.Suppress(")")
    factor = pp.Suppress(pp.ZeroOrMore("n")) + atom
    term = factor + pp.ZeroOrMore(pp.Suppress("a") + factor)
    expression <<= term + pp.ZeroOrMore(pp.Suppress("r") + term)
    grammar = expression + pp.StringEnd()
    grammar.leave_whitespace()
    return grammar


class _Raw:
    """A condition found by the grammar, as token indexes ``[start, end)`` (a plain object, kept whole)."""

    __slots__ = ("end", "kind", "start")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind, self.start, self.end = kind, start, end


_TYPOGRAPHIC = frozenset("\u2018\u2019\u201c\u201d")


def _is_value(kind: str | None) -> bool:
    return kind in _OPERAND_KINDS or kind == "rparen"


# Autocorrect's symbols for CEQL's operators, alone or glued to a field (`updated≥'...'`, `amount≠0`: one word).
# No filter reads them, encoded or not, so they are reported wherever they are.
_SYMBOL_OPERATORS = {"≥": ">=", "≤": "<=", "≠": "!=", "⩾": ">=", "⩽": "<="}


def _glued_symbols(tok: str, start: int, add: _Add) -> None:
    for index, char in enumerate(tok):
        meant = _SYMBOL_OPERATORS.get(char)
        if meant is not None:
            at = start + index
            add(Flaw.CEQL_UNREADABLE, f"`{char}` is not a CEQL operator: CEQL writes `{meant}`", at, at + 1,
                help=f"write `{meant}`", fix=Fix(f"write `{meant}`", (Edit(at, at + 1, meant),), "unsafe"))


def _unquoted_list(tokens: list[tuple[str, str, int, int]], letters: str, at: int) -> bool:
    """Whether the comma at ``at`` joins a bare word value to the word after it, with no space on either side and no
    operator after that word (`=created_at,updated_at`): a list meant as one value, not two conditions."""
    return (at >= 2 and letters[at - 1] == "W" and letters[at - 2] == "O" and at + 1 < len(letters)
            and letters[at + 1] == "W" and not tokens[at][1][:1].isspace() and not tokens[at + 1][1][:1].isspace()
            and (at + 2 >= len(letters) or letters[at + 2] not in "Oln"))


def _text_of(tokens: list[tuple[str, str, int, int]], first: int, last: int) -> str:
    """The text of tokens ``first`` to ``last`` (inclusive), without the blanks before the first."""
    return "".join(token[1] for token in tokens[first:last + 1]).lstrip()


# `pageSize=200` after a `;`, a `,` or an encoded `&` in a where value: a name and a value neither quoted nor a CEQL
# literal (`isDeleted=false` is a condition), up to the filter's end or the next such separator -- a query parameter
# of its own, read so as `&pageSize=200` is (CE631 takes a parameter after '&' for a condition cut off only when its
# value is quoted)
_PARAMETER_AFTER = LazyPattern(r"[ \t]*(?P<param>[A-Za-z_][\w.\-]{0,100}=(?!(?i:true|false|null)[ \t]*(?:$|[;,]|%26))"
                               r"[^\s'\"();,&%]{1,200})[ \t]*(?=$|[;,]|%26)")


def _parameter_after(text: str, at: int) -> str | None:
    """The query parameter (`pageSize=200`) that starts at ``at`` in a where value, after a separator CEQL does not
    know; None when what follows reads as a condition (a quoted value, an operator other than `=`)."""
    m = _PARAMETER_AFTER.match(text, at)
    return None if m is None else m.group("param")


def _before_parameter(separator: str, param: str, start: int, end: int, add: _Add) -> None:
    """``separator`` at ``[start, end)`` before the query parameter ``param``: `&` was meant (the fix writes it)."""
    said, why = f"`{separator.strip()}`" if separator.strip() else "a space", "only `&` separates a query's parameters"
    if separator == "%26":
        why = "an encoded `&` is decoded inside the filter's value"
    add(Flaw.CEQL_UNREADABLE, f"{said} before `{param}`, a query parameter (its value is not quoted): {why}, so the "
        "parameter is sent inside the where filter, which CEQL cannot read, and the hub gets no such parameter",
        start, end, help=f"write `&` to start the parameter (or ` and ` if `{param}` is a condition)",
        fix=Fix("write `&`", (Edit(start, end, "&"),), "unsafe"))


_ONE_WORD = LazyPattern(r"[\w.\-]+")


def _apostrophe_before(tokens: list[tuple[str, str, int, int]], index: int) -> int | None:
    """The string token before the unclosed one at ``index`` that a word follows with no space (`'O'Reilly`): a `'`
    meant as an apostrophe, which ended the string."""
    for j in range(index - 1, 0, -1):
        if tokens[j][0] in ("and", "or", "lparen", "rparen"):
            return None
        string = tokens[j - 1][1].strip()
        if tokens[j - 1][0] == "string" and string[:1] == "'" and _ONE_WORD.fullmatch(string, 1, len(string) - 1) \
                and tokens[j][0] == "word" and tokens[j][1][:1].isalnum():
            return j - 1  # (`'b or c='d`: a quote missing after `b`, not an apostrophe in a word)
    return None


def _check_tokens(tokens: list[tuple[str, str, int, int]], text: str, add: _Add) -> None:
    """The mistakes that surely break a filter: quotes, parentheses, operators missing an operand."""
    kinds = [t[0] for t in tokens]
    stack: list[int] = []
    unclosed = _unclosed_macro_string(tokens) if "ustring" in kinds else None
    symbols = not text.isascii() and any(char in text for char in _SYMBOL_OPERATORS)
    for i, (kind, tok, start, end) in enumerate(tokens):
        prev = kinds[i - 1] if i else None
        nxt = kinds[i + 1] if i + 1 < len(kinds) else None
        if symbols and kind == "word" and any(char in tok for char in _SYMBOL_OPERATORS):
            _glued_symbols(tok, start, add)
            continue
        if kind in ("string", "ustring", "macro", "placeholder") and prev == "word" and "%" not in tokens[i - 1][1] \
                and (i < 2 or kinds[i - 2] in ("lparen", "and", "or", "not")) \
                and tokens[i - 1][1][-1:] not in _SYMBOL_OPERATORS:  # (`%3E`: an encoded operator)
            field = tokens[i - 1]
            add(Flaw.CEQL_DANGLING_OPERATOR, f"no operator between {field[1]!r} and the value after it", field[2],
                start + 1, help="write the comparison, such as `>` or `=`, between them")
        if kind == "ustring" and unclosed is not None:
            _report_unclosed_macro_string(tokens[unclosed], text, add)
        elif kind == "ustring" and (apostrophe := _apostrophe_before(tokens, i)) is not None:
            opened, at = tokens[apostrophe][2] + len(tokens[apostrophe][1]) - len(tokens[apostrophe][1].lstrip()), \
                tokens[apostrophe][3] - 1
            add(Flaw.CEQL_UNBALANCED_QUOTE, f"an apostrophe inside the CEQL string `{text[opened:end]}`: its `'` ends "
                "the string, the rest is read as words, and the last quote never closes", at, at + 1,
                help="CEQL documents no escape for a `'` inside a string: leave it out (`like '%Reilly Media'`), or "
                "double it (`''`, as SQL does) if the vendor's element reads that")
        elif kind == "ustring" and tok.startswith("'" + MACRO_HEAD) and _MORE_FILTER.match(tok, _macro_end(tok)):
            after = start + _macro_end(tok)
            add(Flaw.CEQL_UNBALANCED_QUOTE, "unbalanced quote: the ' before the macro is never closed, so the string "
                f"runs to the end of the filter and takes in {text[after:end].strip()!r}", start, start + 1,
                help="close the value with ' right after the macro's }",
                fix=Fix("close the value with ' after the macro", (Edit(after, after, "'"),), "safe"))
        elif kind == "ustring" and tok.rstrip() == tok[0] and prev in ("macro", "string", "word", "number", "placeholder") \
                and tokens[i - 1][3] == start:  # a quote alone at the filter's end, right after a value: a close
            quote = tok[0]
            fix = None
            before = text[tokens[i - 1][2] - 1:tokens[i - 1][2]] if prev == "macro" else ""
            if before in _TYPOGRAPHIC:
                continue  # `>’${...}'`: CE610's, whose fix makes the pair
            said = f"this {quote} ends the filter with no string to close, so it opens one that never closes"
            hint = f"find the {quote} missing before it (or remove this one)"
            if prev == "macro" and before not in "'\"`":
                at = tokens[i - 1][2]  # `>${gmtDate:...}'`: the quote before the macro is the one missing
                fix = Fix(f"open the value with {quote} before the macro", (Edit(at, at, quote),), "safe")
                said = f"this {quote} closes a value that never opens: the quote before the macro is missing"
                hint = f"write the {quote} that opens the value"
            elif prev == "string" and tokens[i - 1][1].endswith(quote):  # `'${date:...}''`: the closing quote doubled
                fix = Fix(f"remove the second {quote}", (Edit(start, start + 1, ""),), "safe")
                said = f"this {quote} doubles the {quote} that closed the value, and opens a string that never closes"
                hint = f"remove the second {quote}"
            add(Flaw.CEQL_UNBALANCED_QUOTE, f"unbalanced quote: {said}", start, start + 1, help=hint, fix=fix)
        elif kind == "ustring":
            quote = tok[0]
            # the string runs to the end of the where value: closing it there is what the author meant
            # when it is one word (attributes='a,b), a guess when it swallowed more conditions or a parenthesis
            # (`(a='b or c='d')`: closed at the end, the `)` would be inside the string)
            # (and a guess when an earlier string opened before a macro runs on past it: that quote may be the one)
            applicability: Applicability = "unsafe" if any(char.isspace() or char in "()" for char in tok[1:]) \
                or _macro_string_runs_on(tokens) else "safe"
            add(Flaw.CEQL_UNBALANCED_QUOTE, f"unbalanced quote: this {quote} never closes", start, start + 1,
                help=f"close the value with {quote}",
                fix=Fix(f"close the value with {quote}", (Edit(end, end, quote),), applicability))
        elif kind == "string" and (tok[0] == '"' or tok[0] == "`" and _just_a_macro(tok[1:-1])) and \
                prev in ("op", "like"):
            # a value in double quotes; in backquotes, only a macro alone (backquotes name fields and wrap vendor
            # expressions such as `to_timestamp('${gmtDate:...}', ...)`, as in the corpus, but never the date alone)
            fix = None if "'" in tok[1:-1] else Fix("write the value in single quotes",
                                                 (Edit(start, start + 1, "'"), Edit(end - 1, end, "'")), "unsafe")
            quotes = "double quotes" if tok[0] == '"' else "backquotes"
            add(Flaw.CEQL_NOT_SINGLE_QUOTED, f"a CEQL value in {quotes}: CEQL writes strings in single quotes "
                f"('...'), and in SQL {quotes} name a field", start, end,
                help="write the value in single quotes: '...'", fix=fix)
        elif kind == "string" and tok[0] == "'" and tok[1:2] in ('"', "`") and tok[-2:-1] == tok[1] and len(tok) > 4 \
                and _just_a_macro(tok[2:-2]) and prev in ("op", "like"):
            # `'"${gmtDate:...}"'`: quoted twice, so the inner quotes are part of the string the vendor compares
            inner = "double quotes" if tok[1] == '"' else "backquotes"
            add(Flaw.CEQL_NOT_SINGLE_QUOTED, f"the date is in {inner} inside the single quotes: the {inner} are part "
                "of the CEQL string, so the vendor compares with the date in quotes, not with the date", start + 1,
                end - 1, help=f"remove the {inner}: '${{...}}'",
                fix=Fix(f"remove the {inner}", (Edit(start + 1, start + 2, ""), Edit(end - 2, end - 1, "")), "safe"))
        elif kind == "word" and tok.endswith(":") and len(tok.strip()) > 1 and nxt == "op" and tokens[i + 1][2] == end:
            # `updated_at:>'...'`: the search syntax of Shopify, Lucene or GitHub, where CEQL writes the operator alone
            add(Flaw.CEQL_UNREADABLE, f"`:{tokens[i + 1][1]}` is search syntax (`field:>value`), not CEQL: CEQL "
                f"writes `{tok.strip()[:-1]}{tokens[i + 1][1]}`", end - 1, end, help="remove the `:`",
                fix=Fix("remove the `:`", (Edit(end - 1, end, ""),), "unsafe"))
        elif kind == "word" and tok[0] in _TYPOGRAPHIC and tok.strip("".join(_TYPOGRAPHIC)):
            # an opening quote (`“foo”`), not an apostrophe in a word (`O’Brien`); quotes alone wrap a macro and
            # are reported with it
            closing = tok.rstrip()[-1] in _TYPOGRAPHIC and len(tok.rstrip()) > 1  # (`‘open’`: both quotes)
            last = start + len(tok.rstrip()) - 1
            add(Flaw.STRAY_QUOTE, f"typographic quote {tok[0]!r} in the where filter: CEQL strings need the ASCII "
                "quote '", start, last + 1 if closing else start + 1, help="write the value in ASCII quotes: 'value'",
                fix=Fix("write the value in ASCII quotes", (Edit(start, start + 1, "'"), Edit(last, last + 1, "'")),
                        "safe") if closing else None)
        elif kind == "lparen":
            stack.append(start)
        elif kind == "rparen":
            if stack:
                stack.pop()
            else:
                add(Flaw.CEQL_UNBALANCED_PARENTHESIS, "unbalanced parenthesis: ')' closes nothing", start, end,
                    help="remove it, or write the `(` it closes before the conditions it groups")
        elif kind == "op":
            following = tokens[i + 1] if nxt == "op" else None
            if tok == "=" and following is not None and following[1] in (">", "<") and following[2] == end:
                meant = following[1] + "="  # `=>`, `=<`: the two characters of `>=`, `<=` the other way round
                add(Flaw.CEQL_UNREADABLE, f"`={following[1]}` is not a CEQL operator: CEQL writes `{meant}`", start,
                    following[3], help=f"write `{meant}`",
                    fix=Fix(f"write `{meant}`", (Edit(start, following[3], meant),), "unsafe"))
                continue
            if tok in ("!=", "==", ">=", "<=") and following is not None and following[1] == "=" \
                    and following[2] == end:
                meant = tok[0] if tok == "==" else tok  # `===`, `!==`: JavaScript's strict comparisons
                said = "JavaScript's, not a CEQL operator" if tok in ("!=", "==") else "not a CEQL operator"
                add(Flaw.CEQL_DOUBLE_EQUALS, f"`{tok}=` is {said}: CEQL writes `{meant}`",  # (`>==`: an `=` too many)
                    start, following[3], help=f"write `{meant}`",
                    fix=Fix(f"write `{meant}`", (Edit(start, following[3], meant),), "safe"))
                continue
            if tok == "==":
                add(Flaw.CEQL_DOUBLE_EQUALS, "'==' is not a CEQL operator: equality is a single '='", start, end,
                    help="write `=`", replacement="=")
            elif tok == "<>":  # SQL's; the CEQL the platform documents writes `!=`
                add(Flaw.CEQL_UNREADABLE, "`<>` is SQL's, not among CEQL's documented operators: CEQL writes `!=`",
                    start, end, help="write `!=`", fix=Fix("write `!=`", (Edit(start, end, "!="),), "unsafe"))
            if prev in (None, "lparen", "comma"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"the operator {tok!r} has no left-hand side", start, end,
                    help=f"write the field it compares before it: `field{tok}value`")
            elif tok in (">", "<") and following is not None and following[1] == "=" \
                    and not text[end:following[2]].strip():  # `> =`: the two characters of `>=`, a blank between
                meant = tok + "="
                add(Flaw.CEQL_DANGLING_OPERATOR, f"`{text[start:following[3]]}` is `{meant}` with a blank inside: CEQL "
                    f"reads the operator {tok!r} with no value after it", start, following[3], help=f"write `{meant}`",
                    fix=Fix(f"write `{meant}`", (Edit(start, following[3], meant),), "safe"))
                continue
            elif not (nxt in _OPERAND_KINDS or nxt == "lparen"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"the operator {tok!r} has no value after it", start, end,
                    help="write the value after it (the last poll time: `'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'`), "
                    "or remove it")
        elif kind in ("and", "or"):
            if prev in (None, "lparen", "comma"):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} has no condition before it", start, end,
                    help=f"remove the `{tok}`, or write the condition it joins before it")
            elif not (nxt in _OPERAND_KINDS or nxt in ("lparen", "not")):
                add(Flaw.CEQL_DANGLING_OPERATOR, f"{tok!r} has no condition after it", start, end,
                    help=f"remove the `{tok}`, or write the condition it joins after it")
        elif kind == "like":
            if nxt not in _OPERAND_KINDS:
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
        add(Flaw.CEQL_UNBALANCED_PARENTHESIS, "unbalanced parenthesis: this '(' never closes", start, start + 1,
            help="write `)` after the last condition it groups, or remove it")


def parse_where(text: str, *, offset: int = 0, masked: str | None = None) -> WhereClause:
    """Parse a CEQL where value; never raises.  ``offset`` is where ``text`` starts in the URL.

    Fact and operand offsets are offsets in the URL (``offset`` + index in ``text``).  ``masked``
    is ``text`` with its macros masked (:func:`validator.urls.pieces.mask`), when the caller has
    lexed the URL already.
    """
    placed = _first_reading(text, masked)
    read = placed.get(offset)
    if read is None:  # read where first met; a filter met again is the first reading moved (the pollers filter alike)
        if not placed:
            read = _read_where(text, masked, offset)
        else:
            first = next(iter(placed.values()))
            by = offset - first.offset
            read = WhereClause(text, offset, [condition.shifted(by) for condition in first.conditions],
                               [fact.shifted(by) for fact in first.facts], first.parsed)
        if len(placed) < _PLACES_KEPT:
            placed[offset] = read
    return WhereClause(text, offset, list(read.conditions), list(read.facts), read.parsed)


#: Offsets at which one where value's reading is kept, moved (the pollers of a body write it at a few).
_PLACES_KEPT = 16


@lru_cache(maxsize=1024)
def _first_reading(text: str, masked: str | None) -> dict[int, WhereClause]:
    """The where value ``text`` as read at each offset it was met at, the first reading first (never changed: each
    caller gets a copy), once it is."""
    return {}


def _read_where(text: str, masked: str | None, offset: int) -> WhereClause:
    clause = WhereClause(text, offset)

    def add(flaw: Flaw, message: str, start: int, end: int, help: str | None = None,
            replacement: str | None = None, fix: Fix | None = None) -> None:
        clause.facts.append(UrlFact(flaw, message, offset + start, offset + end, help, replacement,
                                    None if fix is None else fix.shifted(offset)))  # offsets in the URL

    try:
        if not text.strip():
            add(Flaw.CEQL_EMPTY_WHERE, "empty where=: the filter has no condition", 0, len(text),
                help="remove `where=` or give a condition such as `updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'`")
            return clause
        if masked is None or len(masked) != len(text):
            masked = mask(text, atomic_spans(text))
        if "'" in masked and "%27" in masked:
            masked = _encoded_quotes_read(masked)
        if "+" in masked:
            masked = _plus_read_as_space(masked)
        query = _SQL_QUERY.match(masked) if masked[:12].lstrip()[:6].lower() == "select" else None
        if query is not None:  # `SELECT Id FROM Contact WHERE ...`: a SOQL or SQL query pasted as the filter
            conditions = query.end("head")
            add(Flaw.CEQL_UNREADABLE, "a SQL (SOQL) query, not a CEQL filter: CEQL writes the conditions alone, and the "
                "hub builds the vendor's query from them", query.start("select"), conditions,
                help="keep only what follows `WHERE`" if conditions < len(text) else "write the conditions alone",
                fix=Fix("keep only what follows `WHERE`", (Edit(0, conditions, ""),), "unsafe")
                if query.group("where") and conditions < len(text) else None)
            return clause
        tokens = _lex(masked)
        _check_tokens(tokens, text, add)
        _unquoted_dates(text, masked, tokens, add)
        letters = _letters(tokens, text)
        if "%26" in text:
            _encoded_ampersand(tokens, letters, text, add)
        _structure(clause, tokens, text, letters, offset)
        if clause.parsed and ("r" in letters or "n(" in letters and "a" in letters) and _MACRO_HEAD in masked:
            _and_or_mixed(tokens, add)
        if clause.parsed and "S" in letters and _MACRO_HEAD in masked:
            _quoted_fields(clause, text, offset, add)
        if clause.parsed and any(condition.field.text in _HUB_PARAMETERS for condition in clause.conditions):
            _hub_parameters(clause, text, offset, add)
        if "()" in letters:
            _empty_parentheses(tokens, letters, add)
        if not clause.parsed:
            _missing_conjunctions(tokens, letters, text, add)
        if not clause.parsed and not clause.facts and len(tokens) == 1 and tokens[0][0] == "string":
            _quoted_whole(tokens[0], text, add)
        if not clause.parsed and not clause.facts and not _PERCENT_ESCAPE.search(text):  # nothing else explains
            _unreadable(tokens, letters, text, add)  # it (an encoded filter is decoded before it is read: not here)
    except Exception as exc:  # noqa: BLE001 -- never take the linter down
        clause.facts.append(UrlFact(Flaw.INTERNAL_ERROR, f"internal error while reading the where value "
                                    f"({type(exc).__name__}: {exc}); please report it", offset, offset + len(text)))
    clause.facts.sort(key=lambda f: f.start)
    return clause


# A SQL query written where CEQL's conditions go (`SELECT Id FROM Contact WHERE ...`), up to its conditions
_SQL_QUERY = LazyPattern(r"(?is)(?P<head>\s*(?P<select>select)\s+[^'\r\n]{1,500}?\s+from\s+[\w.\-]{1,100}"
                         r"(?:\s+(?P<where>where)\s+|\s*$))")

# Operators of other query languages (OData, Mongo, prose) and what CEQL writes for them.
_FOREIGN_OPERATORS = {"gte": ">=", "ge": ">=", "gt": ">", "lte": "<=", "le": "<=", "lt": "<", "eq": "=", "equals": "=",
                      "ne": "!=", "neq": "!=", "after": ">", "before": "<", "since": ">="}
_FOREIGN_OPERATORS.update({f"${name}": _FOREIGN_OPERATORS[name] for name in ("gt", "gte", "lt", "lte", "eq", "ne")})  # Mongo's
_OPERATORS_SAID = "an operator (=, !=, >, >=, <, <=, like, in or is null)"
# `and`/`or` mistyped: a letter doubled, dropped or swapped (`orr`, `adn`, `nad`, `an`), or another language's
_MISSPELT_CONJUNCTION = LazyPattern(r"(?i)a+n+d+|adn|nad|dna|an|nd|o+r+|ro|andalso|orelse|&&|\|\|")


_QUOTED_CONDITION = LazyPattern(r"\s*(?P<field>[\w.\[\]$-]+)\s*(?P<op>>=|<=|!=|=|>|<)\s*(?P<value>.*?)\s*", re.DOTALL)


_JOINED = LazyPattern(r"(?i)\s(?:and|or)\s")


def _quoted_whole(token: tuple[str, str, int, int], text: str, add: _Add) -> None:
    """A where value that is one quoted string holding a condition (`where='updated>${gmtDate:...}'`): CEQL reads
    a value, not a condition."""
    _, tok, start, end = token
    inside = text[start + len(tok) - len(tok.lstrip()) + 1:end - 1]
    condition = _QUOTED_CONDITION.fullmatch(inside)
    if condition is None:
        return
    value = condition.group("value").strip("'")
    at = start + len(tok) - len(tok.lstrip())
    if _JOINED.search(value):  # `'a>${...} and b=false'`: more conditions than one value to quote
        add(Flaw.CEQL_UNREADABLE, "the whole filter is in quotes: CEQL reads one string value, not conditions", at,
            end, help="remove the quotes around the filter, and quote each value: `field>'...' and other='...'`")
        return
    meant = f"{condition.group('field')}{condition.group('op')}'{value}'"
    add(Flaw.CEQL_UNREADABLE, "the whole filter is in quotes: CEQL reads one string value, not a condition",
        at, end, help=f"quote only the value: `{meant}`",
        fix=Fix("quote only the value", (Edit(at, end, meant),), "unsafe"))


def _empty_parentheses(tokens: list[tuple[str, str, int, int]], letters: str, add: _Add) -> None:
    """``in ()`` and ``and ()``: parentheses with nothing between them (a function's, `now()`, is a value's)."""
    at = letters.find("()")
    while at != -1:
        start, end = tokens[at][2], tokens[at + 1][3]
        if at and letters[at - 1] == "i":
            add(Flaw.CEQL_UNREADABLE, "an empty `in ()` list: a filter meant to match one of some values matches none, "
                "or the vendor rejects it", start, end, help="list the values: `in ('a', 'b')`")
        elif not at or letters[at - 1] in "ar(":
            add(Flaw.CEQL_UNREADABLE, "`()` holds no condition: the vendor reads nothing between the parentheses",
                start, end, help="write the condition inside, or remove the parentheses and the `and`/`or` before them")
        at = letters.find("()", at + 2)


_FIELD_NAME = LazyPattern(r"[A-Za-z_][\w.]*")


def _quoted_fields(clause: WhereClause, text: str, offset: int, add: _Add) -> None:
    """A field name in quotes compared with a macro (`'updated_at' > '${gmtDate:...}'`): two texts compared, the
    records' field not at all."""
    for condition in clause.conditions:
        name, values = condition.field, condition.values
        if len(values) == 1 and values[0].kind == "string" and "${" in name.text and "${" not in values[0].text:
            name, values = values[0], (name,)  # (`'${gmtDate:...}' < 'updated_at'`: the macro written first)
        if name.kind != "string" or len(values) != 1 or "${" in name.text or "${" not in values[0].text:
            continue
        inner = name.text[1:-1]
        if not _FIELD_NAME.fullmatch(inner):
            continue
        start = name.start - offset
        add(Flaw.CEQL_UNREADABLE, f"`{name.text}` in quotes is a text, not the field `{inner}`: the filter compares two "
            "texts, and no record's date", start, start + len(name.text), help=f"write the field bare: `{inner}`",
            fix=Fix(f"write `{inner}`", (Edit(start, start + len(name.text), inner),), "safe"))


def _unreadable(tokens: list[tuple[str, str, int, int]], letters: str, text: str, add: _Add) -> None:
    """The first token where a where value stops reading as CEQL conditions (``updated gte '...'``, a comma
    between conditions, ``orr``), said for what was expected there; nothing when the reading ends without one
    (an unbalanced parenthesis or quote is reported as such)."""
    state, i, n = "operand", 0, len(letters)
    while i < n:
        letter, (_, tok, start, end) = letters[i], tokens[i]
        word = tok.strip()
        start += len(tok) - len(tok.lstrip())
        following = letters[i + 1] if i + 1 < n else ""
        if state == "operand":
            if letter == "S" and following in ("a", "r", ")", ""):  # `where='x' and ...`: a value alone
                value = text[start:end]  # (as written: the tokens are read from the text with its macros masked)
                add(Flaw.CEQL_UNREADABLE, f"`{value}` alone where a condition belongs: a value compares with nothing",
                    start, end, help=f"compare a field with it: `field={value}`")
                return
            if letter in _VALUE_LETTERS:
                state = "operator"
            elif letter not in "(n":
                return  # (an operator with no field is CE621's)
        elif state == "operator":
            if letter in "Ol":
                state = "value"
            elif letter == "n" and following in ("l", "i"):
                state = "operator"  # `not like`, `not in`: the operator follows
            elif letter == "i":
                state = "list"
            elif letter == "s":
                state = "null"
            elif letter == "W" and word.lower() in _FOREIGN_OPERATORS:
                meant = _FOREIGN_OPERATORS[word.lower()]
                add(Flaw.CEQL_UNREADABLE, f"`{word}` is not a CEQL operator: CEQL writes `{meant}`", start, end,
                    help=f"write `{meant}`", fix=Fix(f"write `{meant}`", (Edit(start, end, meant),), "unsafe"))
                return
            elif letter == "W" and word.lower() == "between":
                add(Flaw.CEQL_UNREADABLE, "CEQL has no `between`: write two conditions, `field >= 'from' and "
                    "field <= 'to'`", start, end, help="`field >= 'from' and field <= 'to'`")
                return
            elif letter in _VALUE_LETTERS and following in ("O", "l"):
                field = tokens[i - 1][1].strip()
                add(Flaw.CEQL_UNREADABLE, f"`{field} {word}`: a field name with a space, so CEQL reads `{word}` "
                    f"where {_OPERATORS_SAID} belongs", start, end,
                    help=f"quote the name as Cloud Elements' own Zoho CRM poller does: `'{field} {word}'`")
                return
            elif letter == "x":  # a character CEQL has no use for (`! =`)
                add(Flaw.CEQL_UNREADABLE, f"`{word}` where {_OPERATORS_SAID} belongs", start, end)
                return
            else:
                return  # a function (`lower(name) = 'x'`) or a vendor's syntax: not ours to judge
        elif state in ("value", "list-value"):
            if state == "list-value" and letter == ")" and letters[i - 1] == ",":  # `in ('a', 'b',)`
                comma = tokens[i - 1][3] - 1
                add(Flaw.CEQL_UNREADABLE, "a comma after the last value of an `in (...)` list: CEQL reads a value "
                    "missing there, so no list", comma, comma + 1, help="remove the `,`",
                    fix=Fix("remove the `,`", (Edit(comma, comma + 1, ""),), "safe"))
                return
            if letter not in _VALUE_LETTERS:
                return  # a missing value: CE621's
            state = "after" if state == "value" else "list-next"
        elif state == "list":
            if letter != "(":
                return
            state = "list-value"
        elif state == "list-next":
            if letter == ")":
                state = "after"
            elif letter == ",":
                state = "list-value"
            elif letter == "W" and word == ";" and following in _VALUE_LETTERS:  # `in ('a';'b')`
                add(Flaw.CEQL_UNREADABLE, "a `;` between two values of an `in (...)` list: CEQL separates them with a "
                    "comma, so it reads no list", start, end, help="write `,` instead of `;`",
                    fix=Fix("write `,` instead of `;`", (Edit(start, end, ","),), "safe"))
                return
            elif letter in _VALUE_LETTERS and letter != "W":  # `in ('a' 'b')`: two values with no comma
                gap = tokens[i - 1][3]
                add(Flaw.CEQL_UNREADABLE, "two values of an `in (...)` list with no comma between them: CEQL reads "
                    "no list", start, end, help="separate the values with `, `",
                    fix=Fix("write `,` between the values", (Edit(gap, gap, ","),), "safe"))
                return
            else:
                return
        elif state == "null":
            if letter == "U":
                state = "after"
            elif letter != "n":
                return
        elif state == "after":
            if letter in "ar":
                state = "operand"
            elif letter == "W" and letters[i - 1] == "W" and following in ("a", "r", ")", ""):
                value = text[tokens[i - 1][2]:tokens[i - 1][3]].strip()  # `status=Closed Won`: a value with a space
                add(Flaw.CEQL_UNREADABLE, f"`{word}` after the condition's value `{value}`: a value with a space is a "
                    "string, in single quotes", start, end, help=f"quote the value: `'{value} {word}'`")
                return
            elif letter == "S" and letters[i - 1] in "SMNBU)":  # `a='b' 'c'` (`a=TIMESTAMP '...'`: a vendor's literal)
                value, second = text[tokens[i - 1][2]:tokens[i - 1][3]].strip(), text[start:end]
                add(Flaw.CEQL_UNREADABLE, f"a second value, `{second}`, right after the condition's `{value}`: a "
                    "comparison takes one value", start, end,
                    help=f"join the conditions with ` and ` or ` or `, or list the values: `in ({value}, {second})`")
                return
            elif word == ";" and not following:  # `...';` at the end: SQL's habit
                add(Flaw.CEQL_UNREADABLE, "a `;` after the last condition: CEQL ends no statement with one, so the "
                    "vendor reads it as part of the filter", start, end, help="remove the `;`",
                    fix=Fix("remove the `;`", (Edit(tokens[i - 1][3], end, ""),), "safe"))
                return
            elif letter == "," and _unquoted_list(tokens, letters, i):  # `attributes=created_at,updated_at`
                first, last = tokens[i - 1], i
                while last + 1 < n and letters[last] == "," and letters[last + 1] == "W" \
                        and not tokens[last + 1][1][:1].isspace():
                    last += 2
                value_start, value_end = first[2], tokens[last - 1][3]
                listed = _text_of(tokens, i - 1, last - 1)
                add(Flaw.CEQL_UNREADABLE, f"`{listed}`: a list written as an unquoted value, so CEQL ends the "
                    "condition at the comma and reads the rest as another one", value_start, value_end,
                    help=f"quote the value: `'{listed}'`",
                    fix=Fix(f"quote the value: `'{listed}'`", (Edit(value_start, value_start, "'"),
                                                               Edit(value_end, value_end, "'")), "unsafe"))
                return
            elif (letter == "," or (word == ";" and following)) and (param := _parameter_after(text, end)) is not None \
                    and (not text[end:end + 1].isspace() or param.partition("=")[0] in _HUB_PARAMETERS):
                # (`, b=2`, spaced as a list of conditions is: a parameter only when the hub's own)
                _before_parameter(word, param, start, end, add)
                return
            elif letter == "," or (word == ";" and following):
                said = "comma" if letter == "," else "semicolon"
                add(Flaw.CEQL_UNREADABLE, f"a {said} between conditions: CEQL joins them with `and` or `or`", start,
                    end, help="write ` and ` (or ` or `)",
                    fix=Fix("write ` and `", (Edit(start, end, " and "),), "unsafe"))
                return
            elif letter == "W" and _MISSPELT_CONJUNCTION.fullmatch(word):
                add(Flaw.CEQL_UNREADABLE, f"`{word}` where `and` or `or` belongs, after a complete condition", start,
                    end, help="join the conditions with ` and ` or ` or `")
                return
            elif letter == "W" and word.lower() == "order" and i + 1 < n and tokens[i + 1][1].strip().lower() == "by":
                add(Flaw.CEQL_UNREADABLE, "`ORDER BY` inside the where filter: CEQL filters, it does not sort, so the "
                    "vendor gets it as part of a condition", start, tokens[i + 1][3],
                    help="sort with the `orderBy` parameter, outside `where`: `&orderBy=<field>`")
                return
            elif letter in "WN" and letters[i - 1] == "S" and tokens[i - 1][3] == start \
                    and text[start - 1:start] == "'":  # `updated>'${gmtDate:...}'Z`, `status='open'x`
                value = text[tokens[i - 1][2]:tokens[i - 1][3]].strip()
                if word.startswith("#"):  # (inside the quotes it would be CE644's mistake)
                    add(Flaw.CEQL_UNREADABLE, f"`{word}` after `{value}` starts the URL's fragment, which is never "
                        "sent: the URL is cut there", start, end, help="remove `#` and what follows it")
                    return
                add(Flaw.CEQL_UNREADABLE, f"`{word}` glued to the closing quote of `{value}`: it is outside the "
                    "string, where `and` or `or` belongs, so the vendor cannot read the filter", start, end,
                    help=f"move `{word}` inside the quotes, or remove it")
                return
            elif letter != ")":
                return  # a vendor's clause (`limit 10`): not ours to judge
        i += 1


def _unclosed_macro_string(tokens: list[tuple[str, str, int, int]]) -> int | None:
    """The index of the string that opened before a macro and was not closed after it, when a quote is left
    over: ``updated>'${gmtDate:...} and status='active'`` reads as the string ``'${...} and status='``, and the
    quote left over at the end is not the one missing."""
    for i, (kind, tok, _start, _end) in enumerate(tokens):
        if kind != "string" or not tok.startswith("'" + MACRO_HEAD):
            continue
        if _JOINED_CONDITION.fullmatch(tok, _macro_end(tok), len(tok) - 1):
            return i
    return None


def _macro_end(tok: str) -> int:
    """Where the macro that opens the masked string ``tok`` (``'`` then the macro) ends in it."""
    return len(tok) - len(tok[2:].lstrip(MACRO_TAIL))


def _macro_string_runs_on(tokens: list[tuple[str, str, int, int]]) -> bool:
    """Whether a string opened before a macro goes on past it with a space (`'${...} 00:00:00'`, or one that took
    in more than the date)."""
    for kind, tok, _start, _end in tokens:
        if kind == "string" and tok.startswith("'" + MACRO_HEAD):
            if any(char.isspace() for char in tok[_macro_end(tok):-1]):
                return True
    return False


# What a string opened before a macro took in when its closing quote is missing: the next condition's start,
# `' and status=` (a date with a time after the macro, `'${...} 00:00:00'`, is a string of its own)
_JOINED_CONDITION = LazyPattern(r"\s+(?:and|or)\s+(?:not\s+)?[^\s'\"=<>!]+\s*(?:=|!=|<>|<=?|>=?|like\b|in\b)\s*",
                               re.IGNORECASE)


# What follows a macro in a string that never closes when its quote was meant right after it: another condition
# (`'${...} and IsDeleted=false`) or the parenthesis around it
_MORE_FILTER = LazyPattern(r"\s+(?:and|or)\s|\s*\)", re.IGNORECASE)


def _report_unclosed_macro_string(token: tuple[str, str, int, int], text: str, add: _Add) -> None:
    _kind, tok, start, _end = token
    after = start + _macro_end(tok)
    swallowed = text[after:start + len(tok) - 1]
    applicability: Applicability = "safe"  # the string runs on into the next condition: it surely ends at the macro
    add(Flaw.CEQL_UNBALANCED_QUOTE, f"unbalanced quote: the ' before the macro is not closed after it, so the string "
        f"runs on to the next quote and takes in {swallowed.strip()!r}", start, start + 1,
        help="close the value with ' right after the macro's }",
        fix=Fix("close the value with ' after the macro", (Edit(after, after, "'"),), applicability))


_DESCRIPTOR_HEAD = LazyPattern(r"\$\{([A-Za-z]+):")


def _unquoted_dates(text: str, masked: str, tokens: list[tuple[str, str, int, int]], add: _Add) -> None:
    """A formatted date outside quotes (``x=${date:yyyy-MM-dd'T'HH:mm:ssXXX}``): most filters need it quoted."""
    for kind, tok, start, end in tokens:
        if kind != "macro" or _encoded_quotes_around(text, start, end):
            continue
        raw = text[start:end]
        m = _DESCRIPTOR_HEAD.match(raw)
        if m and m.group(1) in DATE_KINDS and text.startswith("''", start - 2) and text.startswith("''", end) \
                and text[start - 3:start - 2] != "'" and text[end + 2:end + 3] != "'":  # `>=''${...}''`: quoted twice
            edits = (Edit(start - 1, start, ""), Edit(end, end + 1, ""))
            add(Flaw.EMPTY_COMPARISON, "'' before the macro is an empty CEQL string, not a quote: the filter compares "
                "with '' and the date follows it outside any string", start - 2, start,
                help=f"quote the macro once: `'{raw}'`", fix=Fix("quote the macro once", edits, "safe"))
            continue
        before, after = text[max(start - 3, 0):start].upper() == "%27", text[end:end + 3].upper() == "%27"
        if m and m.group(1) in DATE_KINDS and before != after and text.upper().count("%27") % 2:
            # `>=%27${gmtDate:...}`: an encoded quote on one side of the macro only, which the server decodes to a
            # quote that never closes (not a date left unquoted)
            at, other = (start - 3, end) if before else (end, start)
            add(Flaw.CEQL_UNBALANCED_QUOTE, "unbalanced quote: the encoded quote `%27` "
                f"{'before' if before else 'after'} the macro has no pair {'after' if before else 'before'} it, so "
                "the server decodes a quote that never closes", at, at + 3,
                help=f"write `%27` {'after' if before else 'before'} the macro too",
                fix=Fix("write `%27` on the macro's other side", (Edit(other, other, "%27"),), "safe"))
            continue
        if m and m.group(1) in DATE_KINDS:
            add(Flaw.CEQL_UNQUOTED_DATE, f"the date macro {raw} is not inside quotes: the rendered date (with '-', ':' or spaces) "
                "is not a CEQL number", start, end, help=f"quote it: `'{raw}'`")


def _encoded_quotes_around(text: str, start: int, end: int) -> bool:
    """``%27${...}%27``: quoted with percent-encoded quotes, which the server decodes before it reads CEQL."""
    before, after = text[max(start - 3, 0):start].upper(), text[end:end + 3].upper()
    return before == after and before in ("%27", "%22")


@lru_cache(maxsize=4096)
def _shape(letters: str) -> tuple[tuple[int, int], ...] | None:
    """The ``[start, end)`` token indexes of each condition, or None when ``letters`` do not follow the grammar.

    Memoised: filters of one shape (``WOSaWON``: ``a >= 'x' and b = 1``) share one grammar parse.  A shape without
    parentheses of its own (an ``in`` list's are the comparison's) is read without the grammar (:func:`_flat_shape`):
    pyparsing is imported for a grouped filter only.
    """
    if "(" not in letters.replace("i(", ""):  # (an `i(` is no group: a group opens where a condition starts)
        return _flat_shape(letters)
    import pyparsing as pp

    try:
        results = _grammar().parse_string(letters)
    except (pp.ParseBaseException, RecursionError):  # RecursionError: parentheses nested thousands deep
        return None
    return tuple((found.start, found.end) for found in results if isinstance(found, _Raw))


_CONDITION = re.compile(_COMPARISON)


def _flat_shape(letters: str) -> tuple[tuple[int, int], ...] | None:
    """:func:`_shape` of ``letters`` that hold no group: conditions, each after its ``not``s, joined by ``and`` or
    ``or``, as the grammar reads them (a comparison is one run of letters whichever way it is met)."""
    spans, at = [], 0
    while True:
        while letters.startswith("n", at):
            at += 1
        condition = _CONDITION.match(letters, at)
        if condition is None:
            return None
        spans.append(condition.span())
        at = condition.end()
        if at == len(letters):
            return tuple(spans)
        if letters[at] not in "ar":
            return None
        at += 1


def _letters(tokens: list[tuple[str, str, int, int]], text: str) -> str:
    """One letter per token (:data:`_LETTER`): what the structure grammar reads."""
    letters = []
    for kind, _tok, start, _ in tokens:
        letter = _LETTER.get(kind, "x")
        if letter == "W" and text[start] in _KEYWORD_INITIALS and _keyword_at(text, start):  # ``in-x``: a keyword glued to punctuation is no value
            letter = "k"
        letters.append(letter)
    return "".join(letters)


# The hub's own query parameters of a list (the element API docs give `pageSize` and `nextPage` to every `GET` of
# records, `orderBy` to many), never a record's field: inside the where filter they are compared as one
_HUB_PARAMETERS = frozenset({"pageSize", "nextPage", "orderBy"})


def _hub_parameters(clause: WhereClause, text: str, offset: int, add: _Add) -> None:
    """``where=updated>'...' and pageSize=200``: a hub parameter written as a condition of the filter, which asks the
    vendor for records whose field `pageSize` is 200 (none) and sets no page size; the `&` it needs, as the fix when
    it is the last condition, joined by `and`."""
    for index, condition in enumerate(clause.conditions):
        name = condition.field.text
        if name not in _HUB_PARAMETERS or condition.operator != "=":
            continue
        start, end = condition.start - offset, condition.end - offset
        written = text[start:end].strip()
        before = clause.conditions[index - 1].end - offset if index else None
        joined = before is not None and index == len(clause.conditions) - 1 and not text[end:].strip() \
            and text[before:start].strip().lower() == "and" and condition.values[0].kind != "string"
        # (a quoted value after `&` reads as a condition cut off, CE631's: the fix is only for a value not quoted)
        add(Flaw.CEQL_UNREADABLE, f"`{written}` inside the where filter: `{name}` is the hub's own query parameter, "
            "not a field of the records, so the vendor is asked to compare a field of that name and the hub gets no "
            "such parameter", start, end, help=f"write it after the filter, as a parameter of its own: `&{written}`",
            fix=Fix("write `&` for the `and` before it", (Edit(before, start, "&"),), "unsafe")
            if joined and before is not None else None)
        return


def _encoded_ampersand(tokens: list[tuple[str, str, int, int]], letters: str, text: str, add: _Add) -> None:
    """``'...'%26pageSize=200``, ``a='1' %26 b='2'``: a `%26` after a condition, outside every string, which the
    server decodes to an `&` inside the where value (CEQL has none); the first one, said as what follows it asks
    (a `%26` inside a string is the `&` of a value, as CE644 advises)."""
    for i, (kind, tok, start, _) in enumerate(tokens):
        start += len(tok) - len(tok.lstrip())
        if kind == "string" or text[start:start + 3] != "%26" or i == 0 or letters[i - 1] not in _VALUE_LETTERS + ")":
            continue
        end = start + 3
        param = _parameter_after(text, end)
        if param is not None:
            _before_parameter("%26", param, start, end, add)
        elif _QUOTED_CONDITION.match(text, end) is not None:  # (not `%26pageSize%3D200`: a filter encoded in part)
            joiner = ("" if text[start - 1:start].isspace() else " ") + "and" + (
                "" if text[end:end + 1].isspace() else " ")
            add(Flaw.CEQL_UNREADABLE, "`%26` is an encoded `&`, which the server decodes inside the where filter, "
                "where CEQL cannot read it: conditions are joined with ` and `", start, end, help="write ` and `",
                fix=Fix("write ` and `", (Edit(start, end, joiner),), "unsafe"))
        return


def _missing_conjunctions(tokens: list[tuple[str, str, int, int]], letters: str, text: str, add: _Add) -> None:
    """``a='1' b='2'``: a condition straight after another, with no ``and``/``or``; the vendor rejects the filter."""
    for match in _ADJACENT.finditer(letters):
        start = tokens[match.end()][2]
        gap = text[tokens[match.end() - 1][3]:start]
        if not gap.strip() and text[start] == ";" and (param := _parameter_after(text, start + 1)) is not None:
            _before_parameter(";", param, start, start + 1, add)
            continue
        if not gap.strip() and text[start] == ";" and (text[start + 1:start + 2].isalnum() or text[start + 1:start + 2]
                                                       in ("_", "(")):
            add(Flaw.CEQL_UNREADABLE, "a semicolon between conditions: CEQL joins them with `and` or `or`", start,
                start + 1, help="write ` and ` (or ` or `)", fix=Fix("write ` and `", (Edit(start, start + 1, " and "),),
                                                                    "unsafe"))
            continue
        if gap.strip() or not (text[start].isalnum() or text[start] in "_'\"($"):
            continue  # punctuation between them (`'1'?pageSize=100`) is another mistake (CE634), not a missing `and`
        param = _parameter_after(text, start)
        if param is not None and param.partition("=")[0] in _HUB_PARAMETERS:  # `'...' pageSize=200`: its `&` missing
            _before_parameter(gap, param, tokens[match.end() - 1][3], start, add)
            continue
        insert = "and " if gap[-1:].isspace() else " and "
        add(Flaw.CEQL_MISSING_CONJUNCTION, "a condition straight after another, with no `and` or `or` between them",
            start, tokens[match.end()][3], help="join the conditions with ` and ` (or ` or `)",
            fix=Fix("join the conditions with ` and `", (Edit(start, start, insert),), "unsafe"))


def _and_or_mixed(tokens: list[tuple[str, str, int, int]], add: _Add) -> None:
    """``a or b and date>'${...}'``: `and` and `or` joining conditions at one level of parentheses, where one side of
    an `or` compares with a macro and another does not (CE642, at the first `or`; CE646 without `and`).  When every
    side carries the date (`a and d>'${...}' or b and d>'${...}'`), SQL's grouping is the one meant."""
    groups: list[_Group] = [_Group()]
    pending = False  # (a `not` just read: it negates the group a parenthesis opens next)
    widening: list[tuple[int, int]] = []  # (an `and` under `not`, said unless the filter is bounded all the same)
    for kind, tok, start, end in tokens:
        if kind == "not":
            pending = not pending
            continue
        if kind == "lparen":
            groups.append(_Group(negated=groups[-1].negated != pending))
        elif kind == "rparen" and len(groups) > 1:
            closed = groups.pop()
            _report_mixed(closed, add, widening)
            groups[-1].sides[-1] = groups[-1].sides[-1] or any(closed.sides)
            groups[-1].chains[-1][-1] = groups[-1].chains[-1][-1] or closed.bounded()
        elif kind == "or":
            groups[-1].first_or = groups[-1].first_or or (start, end)
            groups[-1].sides.append(False)
            groups[-1].chains.append([False])
            groups[-1].ands.append(None)
        elif kind == "and":
            groups[-1].joined = True
            groups[-1].chains[-1].append(False)
            groups[-1].ands[-1] = groups[-1].ands[-1] or (start, end)
        elif kind == "macro" or _MACRO_HEAD in tok:  # (also a macro in quotes)
            groups[-1].sides[-1] = True
            groups[-1].chains[-1][-1] = True
        pending = False
    for group in groups:
        _report_mixed(group, add, widening)
    if widening and not groups[0].bounded():  # (`updated>'${...}' and not (a and b)` is bounded by its first side)
        start, end = widening[0]
        add(Flaw.CEQL_OR_WITHOUT_LAST_POLL, "`and` under `not` asks for either side (`not (a and b)` is `not a or not "
            "b`): each poll returns every record the side without the last poll time matches, changed or not, as an "
            "event", start, end, help="keep the last poll time out of the `not`: `updated>'${...}' and not (status='closed')`")


class _Group:
    """One level of parentheses of a where filter: whether `and` joins in it, its first `or`, and whether each side
    of its `or`s compares with a macro.  (A plain class: a dataclass costs the one-file check's start-up.)"""

    __slots__ = ("joined", "first_or", "sides", "negated", "chains", "ands")

    def __init__(self, *, negated: bool = False) -> None:
        self.joined = False
        self.first_or: tuple[int, int] | None = None
        self.sides = [False]
        self.negated = negated  # under an odd number of `not`s: its `or` narrows the filter, its `and` widens it
        self.chains = [[False]]  # each side's conditions joined by `and`: whether each compares with a macro
        self.ands: list[tuple[int, int] | None] = [None]  # each side's first `and`

    def bounded(self) -> bool:
        """Whether the group, as the filter asks it, holds only records changed since the last poll: each side of
        its `or`s compares with a macro; under `not` (De Morgan: `not (a and b or c)` is `(not a or not b) and not c`)
        every condition of one side does."""
        return any(all(chain) for chain in self.chains) if self.negated else all(map(any, self.chains))


def _report_mixed(group: _Group, add: _Add, widening: list[tuple[int, int]]) -> None:
    if group.negated:  # (`not (updated<='${...}' and status='x')`: its `and` of a side that compares with a macro)
        if not group.bounded():
            widening.extend(at for chain, at in zip(group.chains, group.ands) if at is not None and any(chain))
        return
    if group.first_or is None or not any(group.sides) or all(group.sides):
        return
    start, end = group.first_or
    if group.joined:
        add(Flaw.CEQL_AND_OR_MIXED, "`or` beside `and` without parentheses: `and` binds first (as in SQL; CEQL does "
            "not document it), so the last poll time filters only the conditions joined to it by `and`, and each "
            "poll returns every record the other side of `or` matches", start, end,
            help="put the `or` conditions in parentheses: `(a or b) and updated>'${...}'`")
    else:  # (`updated>'${...}' or status='open'`: no grouping to blame)
        add(Flaw.CEQL_OR_WITHOUT_LAST_POLL, "`or` with a side that does not compare the last poll time: each poll "
            "returns every record that side matches, changed or not, as an event", start, end,
            help="join the condition with `and` (`updated>'${...}' and status='open'`), or compare the last poll "
                 "time on each side of `or`")


def _structure(clause: WhereClause, tokens: list[tuple[str, str, int, int]], text: str, letters: str,
               offset: int) -> None:
    """The conditions of the where value, when it follows the grammar (``clause.parsed``)."""
    shape = _shape(letters)
    if shape is None:
        return

    def operand(i: int) -> Operand:
        kind, _, start, end = tokens[i]
        return Operand(kind, text[start:end], offset + start, offset + end)

    values: tuple[Operand, ...]
    for (first, end), under_not in zip(shape, _negations(letters, shape)):
        last = end - 1
        op_kind, op_text = tokens[first + 1][0], tokens[first + 1][1]
        if op_kind == "op":
            operator, values = op_text, (operand(first + 2),)
        elif op_kind == "is":
            operator, values = "is not null" if tokens[first + 2][0] == "not" else "is null", ()
        else:
            negated = op_kind == "not"
            keyword = tokens[first + 2 if negated else first + 1][0]
            after = first + (3 if negated else 2)
            operator = ("not " if negated else "") + keyword
            if keyword == "like":
                values = (operand(after),)
            else:  # in ( v, v )
                values = tuple(operand(i) for i in range(after + 1, last) if tokens[i][0] != "comma")
        clause.conditions.append(Condition(operand(first), operator, values, offset + tokens[first][2],
                                           offset + tokens[last][3], under_not))
    clause.parsed = True


def _negations(letters: str, shape: tuple[tuple[int, int], ...]) -> list[bool]:
    """For each condition of ``shape``, whether an odd number of ``not``s stands over it: its own, or those of the
    parentheses it is in (``not (a or b)``)."""
    starts = {first: end for first, end in shape}
    negated: list[bool] = []
    groups, pending, at = [False], False, 0  # (each open parenthesis' parity; the `not`s read since the last word)
    while at < len(letters):
        if at in starts:
            negated.append(groups[-1] != pending)
            pending, at = False, starts[at]
            continue
        letter = letters[at]
        if letter == "n":
            pending = not pending
        elif letter == "(":
            groups.append(groups[-1] != pending)
            pending = False
        elif letter == ")" and len(groups) > 1:
            groups.pop()
        else:
            pending = False
        at += 1
    return negated
