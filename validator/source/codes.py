"""The CE0xx rule table: JSON syntax, encodings and files.

Plain data, so the registry can build ``Rule`` objects without this package importing the rules package.
"""

from __future__ import annotations

from typing import TypedDict

from ..findings import Severity
from .limits import _BIG_INT_DIGITS, MAX_DEPTH

# Rule codes (CE001-CE018).  Plain data, so the registry can build ``Rule`` objects without
# this module importing the rules package.

DUPLICATE_KEY = "CE011"  # a key set twice in one object (a clash of two fixes, too: validator/fixes/apply.py)
BYTE_ORDER_MARK = "CE014"  # the note made of a text's byte order mark (it is before every counted column)
MISSING_COMMA = "missing `,` between "  # how CE001's message for a comma missing between two values starts (the engine
# reads a body around such a comma, and only such a CE001)


class RuleRow(TypedDict):
    """The keyword arguments of one ``validator.rules.base.Rule``."""

    code: str
    name: str
    severity: Severity
    summary: str
    description: str
    bad: str
    good: str


RULES: tuple[RuleRow, ...] = (
    {"code": "CE001", "name": "json-syntax", "severity": "error",
     "summary": "The file is not valid JSON",
     "description": "The first place where the text stops being JSON: a missing `,` or `:`, an unexpected "
                    "character, unbalanced brackets, text after the document, a truncated file.",
     "bad": '{"name": "x" "tags": []}', "good": '{"name": "x", "tags": []}'},
    {"code": "CE002", "name": "json-trailing-comma", "severity": "error",
     "summary": "A comma after the last member or element",
     "description": "JSON allows no comma before `}` or `]`. Remove it.",
     "bad": '{"name": "x",}', "good": '{"name": "x"}'},
    {"code": "CE003", "name": "json-comment", "severity": "error",
     "summary": "A `//`, `/* */` or `#` comment",
     "description": "JSON has no comments; the platform rejects the body. Remove the comment.",
     "bad": '{"name": "x" // the instance name\n}', "good": '{"name": "x"}'},
    {"code": "CE004", "name": "json-smart-quotes", "severity": "error",
     "summary": "Typographic quotes instead of `\"`",
     "description": "`“ ” ‘ ’` come from a word processor or a web page; JSON needs straight double quotes.",
     "bad": '{“name”: "x"}', "good": '{"name": "x"}'},
    {"code": "CE005", "name": "json-single-quotes", "severity": "error",
     "summary": "A string in single quotes",
     "description": "JSON strings are written in double quotes; `'...'` is JavaScript or Python.",
     "bad": "{'name': 'x'}", "good": '{"name": "x"}'},
    {"code": "CE006", "name": "json-unquoted", "severity": "error",
     "summary": "An unquoted property name, a bare word or an unfilled placeholder as a value",
     "description": "Property names and string values need double quotes (`{name: x}` is JavaScript).",
     "bad": '{name: "x"}', "good": '{"name": "x"}'},
    {"code": "CE007", "name": "json-unterminated-string", "severity": "error",
     "summary": "A string not closed, or a raw line break or control character inside a string",
     "description": "A string must end on its line with `\"`; write a line break as `\\n` and a tab as `\\t`.",
     "bad": '{"name": "x\n}', "good": '{"name": "x"}'},
    {"code": "CE008", "name": "json-invalid-escape", "severity": "error",
     "summary": "An escape JSON does not know, such as `\\'` from the shell's `'\\''`",
     "description": "JSON escapes are `\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`. A single quote needs no escape; "
                    "`'\\''` is how a shell writes `'` inside `'...'`, not how a file does.",
     "bad": '{"where": "name=\'\\\'\'x\'\\\'\'"}', "good": '{"where": "name=\'x\'"}'},
    {"code": "CE009", "name": "json-non-finite-number", "severity": "error",
     "summary": "`NaN` or `Infinity`",
     "description": "Strict JSON, and the platform, have no NaN or Infinity. Use a number, null, or a string.",
     "bad": '{"pageSize": NaN}', "good": '{"pageSize": 100}'},
    {"code": "CE010", "name": "json-empty", "severity": "error",
     "summary": "An empty file, or only whitespace",
     "description": "There is no JSON document to check.",
     "bad": "", "good": "{}"},
    {"code": "CE011", "name": "json-duplicate-key", "severity": "error",
     "summary": "The same property twice in one object",
     "description": "The platform keeps the last value silently, so the first one is dead text.",
     "bad": '{"name": "a", "name": "b"}', "good": '{"name": "b"}'},
    {"code": "CE012", "name": "invalid-encoding", "severity": "error",
     "summary": "Bytes that are not valid UTF-8 (or not valid in the declared encoding)",
     "description": "JSON is UTF-8. The file was probably saved as Latin-1 or Windows-1252; re-save it as UTF-8.",
     "bad": "", "good": "{}"},
    {"code": "CE013", "name": "binary-file", "severity": "error",
     "summary": "Not a text file (NUL bytes)",
     "description": "The file holds NUL bytes, so it is not JSON text.",
     "bad": '{"a": 1}\x00', "good": '{"a": 1}'},
    {"code": "CE014", "name": "byte-order-mark", "severity": "info",
     "summary": "The file starts with a UTF-8 byte order mark",
     "description": "Accepted here, but some tools reject JSON that starts with a BOM; save without it.",
     "bad": '\ufeff{"a": 1}', "good": '{"a": 1}'},
    {"code": "CE015", "name": "not-utf8", "severity": "warning",
     "summary": "The file is UTF-16 or UTF-32",
     "description": "RFC 8259 requires UTF-8 for JSON exchanged between systems; save the file as UTF-8.",
     "bad": "", "good": "{}"},
    {"code": "CE017", "name": "json-number-too-long", "severity": "warning",
     "summary": f"An integer with more than {_BIG_INT_DIGITS:,} digits",
     "description": "Kept as a float (infinity); no configuration value needs such a number.",
     "bad": "", "good": "{}"},
    {"code": "CE018", "name": "json-too-deep", "severity": "error",
     "summary": f"Nesting deeper than {MAX_DEPTH} levels",
     "description": "Jackson (2.15+) rejects documents nested deeper than 1000 levels by default, and "
                    "recursive tools crash on them; no instance body needs this.",
     "bad": "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "good": "[[]]"},
)

_SEVERITY: dict[str, Severity] = {r["code"]: r["severity"] for r in RULES}
