"""Tokenizer for ``java.text.SimpleDateFormat`` patterns (a :func:`validator.lexing.run_token` lexer).

SimpleDateFormat scans a pattern once, left to right: a run of one pattern letter
is a field, ``''`` is always one literal quote, text between single quotes is
literal, and every other character is literal.  Unquoted ASCII letters outside
the 23-letter set, an ``X`` run longer than 3 and an open quote at the end are
errors, raised in scan order (see ``java-date-patterns.md`` section 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from ..lexing import RunToken, run_token

PATTERN_LETTERS = frozenset("GyMdkHmsSEDFwWahKzZYuXL")

_QUOTED = LazyPattern(r"'(?:[^']|'')*'")
_WORD = LazyPattern(r"[A-Za-z]+")
_LOWER_WORD = LazyPattern(r"[a-z]{3,30}\d*")


# runs of a date pattern's letters (`yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`), which no description writes
_PATTERN_RUN = LazyPattern(r"y{2,}|M{2,}|d{2}|H{2}|m{2}|s{2}")


@lru_cache(maxsize=1024)
def is_description(text: str) -> bool:
    """Whether a date format that does not compile is a description or a word (``10 digit Unix time``,
    ``timestamp``) rather than a pattern with a mistake in it.

    Only words with a letter that is not a pattern letter count: a compact pattern's runs
    (``yyyyMMdd'T'HHmmss``) are pattern letters, and such a pattern compiles anyway.
    """
    unquoted = _QUOTED.sub(" ", text)
    if len(_PATTERN_RUN.findall(unquoted)) >= 2:
        return False  # a pattern with mistakes in it (.NET's `yyyy-MM-ddTHH:mm:ss.fffK`), not a description
    words = _WORD.findall(unquoted)
    foreign = [w for w in words if len(w) >= 3 and set(w) - PATTERN_LETTERS and len(set(w)) > 1]
    if len(foreign) >= 2:
        return True
    stripped = text.strip().strip("'")
    return (_LOWER_WORD.fullmatch(stripped) is not None and bool(set(stripped) - PATTERN_LETTERS)
            and len(set(stripped)) >= 3)


# strftime's directives (Python, C, PHP, Ruby) and the SimpleDateFormat letters that mean the same (none for `%f`,
# microseconds, which no SimpleDateFormat pattern reads)
_STRFTIME = {"Y": "yyyy", "y": "yy", "m": "MM", "d": "dd", "e": "d", "H": "HH", "I": "hh", "M": "mm", "S": "ss",
             "L": "SSS", "p": "a", "b": "MMM", "B": "MMMM", "a": "EEE", "A": "EEEE", "j": "DDD",
             "z": "Z", "Z": "zzz", "T": "HH:mm:ss", "F": "yyyy-MM-dd", "D": "MM/dd/yy", "R": "HH:mm",
             # glibc's unpadded numbers and the offset with a colon (GNU date, Ruby, Python 3.12)
             "-d": "d", "-e": "d", "-m": "M", "-H": "H", "-I": "h", "-M": "m", "-S": "s", "-j": "D", ":z": "XXX"}
_STRFTIME_DIRECTIVE = LazyPattern(r"%[-:]?([A-Za-z])")
# `%%`, a directive (with a flag), literal letters, the rest; a `%` before anything else is a directive unknown here
_STRFTIME_PIECES = LazyPattern(r"%%|%[-_^#0:]?[A-Za-z]|[A-Za-z]+|[^%A-Za-z]+|%.?")
_LETTER_RUN = LazyPattern(r"(?<!%)[A-Za-z]{2,}")  # Java's own fields (`yyyy%MM%dd` uses `%` as a separator)

STRFTIME_READING = ("is a strftime pattern (Python, C, PHP): Java's SimpleDateFormat writes and reads its `%` signs "
                    "as text, and reads each letter its own way (`%M` is the month, `%m` the minute, `%S` milliseconds)")


def strftime_meant(text: str) -> str | None:
    """For a strftime pattern (`%Y-%m-%d %H:%M:%S`), the SimpleDateFormat pattern it means (`yyyy-MM-dd HH:mm:ss`),
    or ``""`` when there is none (`%f`, another flag, or two fields of one letter side by side: `%Y%Y` is one field to
    Java); None for any other text."""
    directives = _STRFTIME_DIRECTIVE.findall(text) if "%" in text else []
    if len(directives) < 2 or "'" in text or _LETTER_RUN.search(text):
        return None
    pieces = _STRFTIME_PIECES.findall(text)
    if not all(piece == "%%" or piece[1:] in _STRFTIME for piece in pieces if piece.startswith("%")):
        return ""
    written = ["%" if piece == "%%" else _STRFTIME[piece[1:]] if piece.startswith("%")
               else f"'{piece}'" if piece[:1].isalpha() else piece for piece in pieces]
    if any(a[-1:].isalpha() and a[-1:] == b[:1] for a, b in zip(written, written[1:])):
        return ""
    return "".join(written)


# Characters taken for SimpleDateFormat's quote `'` (a word processor's, a prime, an accent, a backtick, another
# language's double quote): to Java each is a character to print, so the letter after it is read as a field.
_QUOTE_LOOK_ALIKES = {"\u2018": "a typographic quote", "\u2019": "a typographic quote", "\u201b": "a typographic quote",
                      "\u201c": "a typographic double quote", "\u201d": "a typographic double quote",
                      "\u2032": "a prime", "\u00b4": "an acute accent", "`": "a backtick", '"': "a double quote"}


def quote_look_alike(pattern: str, column: int) -> str:
    """`` (the `’` before it is a typographic quote, U+2019, not `'`: it quotes nothing)`` when the character Java
    refused at 1-based ``column`` follows a look-alike of the quote, else ``""``."""
    before = pattern[column - 2:column - 1] if column >= 2 else ""
    what = _QUOTE_LOOK_ALIKES.get(before)
    if what is None:
        return ""
    point = "" if before.isascii() else f", U+{ord(before):04X}"
    shown = "`` ` ``" if before == "`" else f"`{before}`"  # (a backtick in a code span is written with two around it)
    return f" (the {shown} before it is {what}{point}, not SimpleDateFormat's `'`: it quotes nothing)"


class PatternError(ValueError):
    """A pattern SimpleDateFormat's constructor rejects, with Java's message.

    ``column`` is the 1-based column of the offending character in the pattern.
    """

    def __init__(self, message: str, *, column: int, pattern: str, length: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.column = column
        self.pattern = pattern
        self.length = length

    def __str__(self) -> str:
        return f"{self.message} (column {self.column})"

    @property
    def help(self) -> str:
        """How to mend the pattern, for what Java refused (a records' format and a URL macro's alike)."""
        if self.message == "Unterminated quote":
            return ("remove the unmatched `'`" if self.column == len(self.pattern)
                    else "close the quote, or write `''` for a quote")
        if self.message.startswith("invalid ISO 8601"):
            return "`X` (+HH), `XX` (+HHMM) or `XXX` (+HH:MM)"
        named = standard_pattern(self.pattern)
        if named is not None:
            return f"the pattern it names: `{named}`"
        letter = self.pattern[self.column - 1:self.column]
        zone = _zone_at(self.pattern, self.column - 1)
        if zone is not None:  # `yyyy-MM-dd HH:mm:ss America/Denver`, `... UTC`: letters a zone's, not fields
            if zone.isalpha():
                return f"`{zone}` is a zone's name, not pattern letters: quote it to write it as text (`'{zone}'`); " \
                       "`z` reads a zone name"
            return f"`{zone}` is a zone id, which no pattern letter reads or prints: quote it to write it as text " \
                   f"(`'{zone}'`), and name the zone where the date is read or printed in (`updatedDateTimezone`, " \
                   f"`${{dateTimeZone:{zone}:...}}`)"
        return _HINTS.get(letter, f"quote literal letters: `'{letter}'`")


# A zone id's letters from a refused one on (`America/Denver`, `UTC`, `Etc/GMT+5`)
_ZONE_WORD = LazyPattern(r"[A-Za-z_][A-Za-z0-9_/+\-]{0,60}")


def _zone_at(pattern: str, at: int) -> str | None:
    """The Java zone id written in ``pattern`` around the refused letter at ``at`` (the word from it on, maybe begun
    by letters Java takes before it: `GMT`'s `G` and `M` are fields), if it is one; None for a field's run such as
    `ddTHH`."""
    from .zones import resolve_zone

    word = _ZONE_WORD.match(pattern, at)
    if word is None:
        return None
    start = at
    while start > 0 and pattern[start - 1].isascii() and pattern[start - 1].isalpha() and at - start < 10:
        start -= 1
    for begin in range(at, start - 1, -1):
        candidate = pattern[begin:word.end()]
        if len(candidate) >= 3 and (begin == 0 or not pattern[begin - 1].isalpha() or begin == at) \
                and resolve_zone(candidate).known:
            return candidate
    return None


# A standard's name written as a pattern: ISO 8601 and RFC 3339 (one pattern), RFC 822/1123/2822 (another)
_STANDARD_NAME = LazyPattern(r"(?i)iso[ _-]?8601(?:[ _-]?(?:format|utc|z))?|rfc[ _-]?3339(?:[ _-]?nano)?"
                             r"|(?P<rfc822>rfc[ _-]?(?:822|1123|2822|7231))")


def standard_pattern(text: str) -> str | None:
    """The SimpleDateFormat pattern a standard's name (`ISO8601`, `RFC 3339`, `RFC1123`) written as one stands for."""
    standard = _STANDARD_NAME.fullmatch(text.strip())
    if standard is None:
        return None
    return "EEE, dd MMM yyyy HH:mm:ss zzz" if standard.group("rfc822") else "yyyy-MM-dd'T'HH:mm:ssXXX"


# What to write for a letter SimpleDateFormat refuses (java.time's, strftime's habits)
_HINTS: dict[str, str] = {
    "T": "quote literal letters: `'T'`",
    "f": "fractions of a second are `SSS` in SimpleDateFormat",
    "x": "SimpleDateFormat has no `x`: write `XX` or `XXX`",
    "n": "SimpleDateFormat has no nanoseconds: write `SSS`",
    "N": "SimpleDateFormat has no nanoseconds: write `SSS`",
    "e": "the day name is `EEE` in SimpleDateFormat",
    "c": "the day name is `EEE` in SimpleDateFormat",
    "O": "write `XXX` for the offset",
    "V": "SimpleDateFormat cannot print a zone id: write `XXX` for the offset",
    "Q": "SimpleDateFormat has no quarter field",
    "A": "SimpleDateFormat has no milli-of-day field",
}


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of a pattern: a field (``letter`` repeated ``count`` times) or literal ``text``.

    ``start``/``end`` are 0-based offsets of the token's source in the pattern.
    """

    kind: str  # "field" | "literal"
    text: str  # the field's letters, or the literal's value (quotes removed)
    start: int
    end: int
    letter: str = ""
    count: int = 0
    quoted: bool = False

    @property
    def is_field(self) -> bool:
        return self.kind == "field"


# The pieces of a pattern, tried in this order at each position (one match per piece, no backtracking
# between pieces).  `(?!')` rather than a possessive `*+`, which CPython before 3.11.3 mismatches: a
# closing quote is never the first half of an escaped `''`.
_PIECE = re.compile(
    r"(?P<escaped>'')"
    r"|(?P<quoted>'[^'](?:[^']|'')*'(?!'))"
    r"|(?P<unterminated>'.*)"
    r"|(?P<run>(?P<letter>[A-Za-z])(?P=letter)*)"
    r"|(?P<other>[^A-Za-z']+)",
    re.S,
)


@lru_cache(maxsize=1)
def _grammar() -> RunToken[tuple[str, str, int, int]]:
    """A pyparsing token for the whole pattern: the run of pieces, each one :data:`_PIECE` match."""
    def step(pattern: str, loc: int) -> tuple[tuple[str, str, int, int], int]:
        match = _PIECE.match(pattern, loc)
        assert match is not None  # `other` takes what the letters and quotes leave
        name = "run" if match.lastgroup == "letter" else str(match.lastgroup)
        return (name, match.group(), loc, match.end()), match.end()

    return run_token(step, what="a pattern piece")


def _raw_pieces(pattern: str) -> list[tuple[str, str, int, int]]:
    """Split ``pattern`` into (name, text, start, end) with the pyparsing grammar's token, which reads it alone.

    Every character is some piece (``other`` takes what letters and quotes leave), so the run reaches the end:
    ``parse_all``, which builds and runs an end-of-text parser on each call (26 us of 35), is not asked for."""
    return _grammar().scan(pattern)


@lru_cache(maxsize=4096)
def tokenize(pattern: str) -> tuple[Token, ...]:
    """Tokenize ``pattern`` exactly as SimpleDateFormat's constructor does.

    Raises :class:`PatternError` with Java's message for the first error in scan order.
    """
    tokens: list[Token] = []
    pending_x: tuple[int, int] | None = None  # (start, count) of an over-long X run awaiting its close

    def close_x_run() -> None:
        if pending_x is not None:
            start, count = pending_x
            raise PatternError(
                f"invalid ISO 8601 format: length={count}",
                column=start + 1,
                pattern=pattern,
                length=count,
            )

    for name, text, start, end in _raw_pieces(pattern):
        if name == "run":
            letter = text[0]
            if letter not in PATTERN_LETTERS:
                # Java checks the letter before it closes the previous run.
                raise PatternError(f"Illegal pattern character '{letter}'", column=start + 1, pattern=pattern)
            close_x_run()
            # pyparsing's regex takes a maximal run of one letter; SimpleDateFormat does the same.
            tokens.append(Token("field", text, start, end, letter=letter, count=len(text)))
            if letter == "X" and len(text) > 3:
                pending_x = (start, len(text))
            continue
        close_x_run()
        if name == "unterminated":
            raise PatternError("Unterminated quote", column=start + 1, pattern=pattern, length=end - start)
        if name == "escaped":
            value, quoted = "'", False
        elif name == "quoted":
            value, quoted = text[1:-1].replace("''", "'"), True
        else:
            value, quoted = text, False
        tokens.append(Token("literal", value, start, end, quoted=quoted))
    close_x_run()
    return tuple(tokens)
