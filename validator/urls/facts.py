"""What the URL grammars find: typed facts, with no rule code.

Each :class:`UrlFact` says *what* is wrong (a :class:`Flaw`), *where* (0-based offsets into the
URL), and describes it (``message``, ``help``).  Which rule reports a flaw, and at which
severity, is decided by :mod:`validator.rules.urls`; options that only turn reporting on or off
(``encode_values``, CE617) are applied there too, so one parse serves every caller.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..findings import Fix

__all__ = ["Flaw", "UrlFact"]


class Flaw(enum.Enum):
    """A kind of mistake in a poller URL."""

    MACRO_UNKNOWN_DESCRIPTOR = "unknown macro descriptor"
    MACRO_ENV_REFERENCE = "an all-capitals ${NAME}: a deployment tool's variable, not a macro"
    MACRO_MISSING_DESCRIPTOR = "a date pattern in ${...} without a descriptor"
    MACRO_NUMBER = "a number in ${...}"
    MACRO_FORMAT_NOT_A_DATE = "a macro format that is prose, a number, empty or has no field"
    MACRO_FORMAT_INVALID = "a macro format that does not compile"
    MACRO_FORMAT_STRFTIME = "a strftime pattern (`%Y-%m-%d`) as a macro's format"
    MACRO_FORMAT_SPACE = "spaces at the edge of a macro's format"
    MACRO_MALFORMED = "a malformed macro"
    MACRO_DOUBLED_DOLLAR = "'$$' before a macro: an escape a template tool may or may not have undone"
    MACRO_TEMPLATE_LEFTOVER = "a templating escape #{'$'}{...}"
    MACRO_PLACEHOLDER_ZONE = "a placeholder as a macro's zone"
    MACRO_UNKNOWN_ZONE = "a zone Java does not know"
    MACRO_UNKNOWN_UTC_ZONE = "a zone Java does not know, meant as UTC: its fallback, GMT, prints the same"
    EPOCH_BAD_UNIT = "an undocumented ${epoch:UNIT}"
    MACRO_ARITHMETIC = "a sum written after an epoch macro (`${epoch}/1000`)"
    CEQL_AMPERSAND_IN_STRING = "an `&` inside a quoted CEQL string"
    MACRO_IN_HUB_PATH = "the last poll time in a hub URL's path"
    STRAY_QUOTE = "a quote outside any macro or CEQL string"
    STRAY_BRACE = "a brace outside any macro or variable"
    WHITESPACE = "leading whitespace or a control character"
    TRAILING_WHITESPACE = "trailing whitespace"
    PATH_SPACE = "a space in the path before its query or beside a slash"
    MISSING_SLASH = "no leading '/'"
    PLUS_UNENCODED = "a macro printing '+' into the query"
    RAW_SPACE = "a raw space"
    HTML_ENTITY = "an HTML entity"
    UNKNOWN_HUB = "a hub name one or two letters from a known hub"
    QUERY_IN_PATH = "name=value as a path segment"
    EMPTY_SEGMENT = "'//' in the path"
    FIXED_DATE = "a filter on a fixed date"
    EMPTY_COMPARISON = "a comparison with an empty string"
    TEMPLATE_PLACEHOLDER = "a template tool's placeholder where the last poll time belongs"
    DOUBLE_ENCODED = "a percent-escape encoded twice"
    ABSOLUTE_URL = "an absolute vendor URL"
    QUERY_SEPARATOR = "'?' and '&' swapped"
    WHERE_MISSPELLED = "a misspelled where parameter"
    WHERE_TWICE = "a second where parameter"
    CEQL_NOT_SINGLE_QUOTED = "a CEQL value in double quotes"
    CEQL_AND_OR_MIXED = "and and or at one level, with the last poll time"
    CEQL_OR_WITHOUT_LAST_POLL = "an or whose side does not compare the last poll time"
    CEQL_UNBALANCED_QUOTE = "a CEQL quote that never closes"
    CEQL_DANGLING_OPERATOR = "a CEQL operator missing an operand"
    CEQL_EMPTY_WHERE = "an empty where="
    CEQL_UNBALANCED_PARENTHESIS = "an unbalanced CEQL parenthesis"
    CEQL_UNQUOTED_DATE = "a date macro outside quotes"
    CEQL_DOUBLE_EQUALS = "== in a CEQL filter"
    CEQL_AMPERSAND_JOIN = "'&' joining CEQL conditions"
    CEQL_MISSING_CONJUNCTION = "two CEQL conditions with no and/or between them"
    CEQL_UNREADABLE = "a where filter that does not read as CEQL conditions"
    INTERNAL_ERROR = "a bug in the URL grammars"


@dataclass(frozen=True, slots=True)
class UrlFact:
    """One :class:`Flaw` at ``[start, end)`` of the URL, described for a person.

    ``help`` says how to fix it, when that is known; ``replacement``, when given, is the text that
    replaces ``[start, end)`` to fix it (the rule decides whether that fix is safe to apply).
    """

    flaw: Flaw
    message: str
    start: int
    end: int
    help: str | None = None
    replacement: str | None = None
    fix: Fix | None = None  # a fix that edits elsewhere than [start, end) (closing a quote at the value's end)

    def shifted(self, by: int) -> UrlFact:
        """The same fact ``by`` code points further on (read in a part of the URL, placed in the whole)."""
        return UrlFact(self.flaw, self.message, self.start + by, self.end + by, self.help, self.replacement,
                       None if self.fix is None else self.fix.shifted(by))
