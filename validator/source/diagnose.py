"""Explaining a JSON syntax error from the text around it (trailing comma, comment, smart quotes...)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, cast

from ..findings import Edit, Fix, Problem
from ..lazy_pattern import LazyPattern
from ..vocabulary.characters import INVISIBLES, ODD_SPACES
from ..vocabulary.placeholders import placeholder_at
from .codes import MISSING_COMMA
from .patterns import (
    _BRACKETS,
    _CLOSER,
    _LAST_SMART,
    _LEADING_ZERO,
    _LINE_END,
    _MISCLOSED,
    _MOJIBAKE,
    _NAMES,
    _SCALAR,
    _SMART,
    _WORD,
    _WS,
)

if TYPE_CHECKING:  # pragma: no cover

    from .document import Source

_ws = cast("Callable[[str, int], re.Match[str]]", _WS.match)  # `_WS` matches "", so never None

# Explaining a syntax error


# `0x64`, `0o17`, `0b101`: a number in another base (JavaScript's, Python's), which JSON does not have
_NON_DECIMAL = LazyPattern(r"0[xX]([0-9A-Fa-f]{1,16})(?![\w.])|0[oO]([0-7]{1,20})(?![\w.])|0[bB]([01]{1,64})(?![\w.])")
_BASES = {16: "hexadecimal", 8: "octal", 2: "binary"}
_NUMBER_CHARS = frozenset("0123456789.-+eE")

def _char(c: str) -> str:
    if not c:
        return "the end of the file"
    if c == "`":
        return "backtick (`)"
    if c.isprintable() and not c.isspace():
        return f"`{c}`"
    return f"U+{ord(c):04X}"


# A key and its colon at a line's end or before a value, as YAML writes the top of a document (`element:`)
_YAML_KEY = LazyPattern(r"[ \t]*:(?:[ \t]|\r?\n|\r|$)")
# ... and the line that opens a YAML document (`---`, alone or before its first key)
_YAML_START = LazyPattern(r"---(?:[ \t]|\r?\n|\r|$)")


def _visible(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def _delete(message: str, start: int, end: int) -> Fix:
    return Fix(message, (Edit(start, end, ""),))


def _comment_fix(text: str, start: int, end: int) -> Fix:
    """Remove a comment; a line holding only the comment goes with its line break, so no blank line stays."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    stop = _line_end(text, end)
    alone = not text[line_start:start].strip(" \t")
    if alone and not text[end:stop].strip(" \t"):
        brk = _LINE_END.match(text, stop)
        if brk is not None:
            return _delete("remove the comment", line_start, brk.end())
        if line_start > 0:  # the file's last line: take the line break before it, keep "no final newline"
            cut = line_start - 2 if text[line_start - 2:line_start] == "\r\n" else line_start - 1
            return _delete("remove the comment", cut, stop)
        return _delete("remove the comment", start, stop)
    if not text[end:stop].strip(" \t"):  # at the end of a line: the spaces before it go too
        return _delete("remove the comment", _prev_space_start(text, start), stop)
    before, after = text[start - 1:start], text[end:end + 1]
    if before in (" ", "\t"):  # one of the spaces around it goes with it: `: /* c */ "id"`, `1 /* c */,`
        if after in (" ", "\t"):
            while end < stop and text[end] in " \t":
                end += 1
            return _delete("remove the comment", start, end)
        return _delete("remove the comment", _prev_space_start(text, start), end)
    keep_apart = bool(before) and not before.isspace() and bool(after) and not after.isspace()
    return Fix("remove the comment", (Edit(start, end, " " if keep_apart else ""),))


def _prev_space_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i


# The string an escape is in, up to it, when that string is a date pattern: a `...DateFormat` key's value, or a
# date macro's format (`${gmtDate:yyyy-MM-dd\T...`)
_DATE_PATTERN_SO_FAR = LazyPattern(r'(?:"\w*DateFormat\\*"[ \t]*:[ \t]*\\*"|\$\{(?:gmtDate|date|now|(?:dateTime|nowTime)Zone:[^:}"]*):)'
                                   r'[^"\\\r\n}]*+$', re.IGNORECASE)


def _in_date_pattern(text: str, at: int) -> bool:
    """Whether the escape at ``at`` is in a date pattern (read back to its line's start)."""
    line_start = text.rfind("\n", 0, at) + 1
    return _DATE_PATTERN_SO_FAR.search(text, max(line_start, at - 400), at) is not None


def _line_end(text: str, i: int) -> int:
    m = _LINE_END.search(text, i)
    return m.start() if m else len(text)


def _prev_nonspace(text: str, i: int) -> int:
    """Offset just after the last non-whitespace character before ``i``."""
    j = i
    while j > 0 and text[j - 1] in " \t\r\n":
        j -= 1
    return j


def _string_start(text: str, end: int) -> int:
    """Offset of the quote opening the string whose content runs up to ``end``."""
    j = end
    while True:
        j = text.rfind('"', 0, j)
        if j <= 0:
            return max(j, 0)
        k = j
        while k > 0 and text[k - 1] == "\\":
            k -= 1
        if (j - k) % 2 == 0:
            return j


def _prefix_state(text: str, pos: int) -> tuple[list[int], int | None, tuple[int, int] | None]:
    """Open brackets, the start of an unclosed string, and the string ending just before ``pos``
    (ignoring whitespace).  Valid because the text before an error position is a JSON prefix."""
    stack: list[int] = []
    push, pop = stack.append, stack.pop
    opened: int | None = None
    for m in _BRACKETS.finditer(text, 0, pos):
        group = m.lastindex
        if group == 1:
            push(m.start())
        elif group == 2:
            if stack:
                pop()
        elif group == 3:
            opened = m.start()
            break
    last: tuple[int, int] | None = None
    if opened is None:
        prev_end = _prev_nonspace(text, pos)
        if prev_end > 0 and text[prev_end - 1] == '"':
            last = (_string_start(text, prev_end - 1), prev_end)
    return stack, opened, last


# The spaces JSON does not allow between its tokens: Unicode's other spaces (no-break, thin, ideographic...), its line
# and paragraph separators, and the characters no one sees (zero-width, joiners, direction marks, a byte order mark),
# each as it is written instead (a plain space; nothing)
_PASTED_RUN = LazyPattern(f"[ \\t]*+[{ODD_SPACES}{INVISIBLES}][ \\t{ODD_SPACES}{INVISIBLES}]*+")
_AS_PLAIN = {**dict.fromkeys(map(ord, ODD_SPACES), " "), **dict.fromkeys(map(ord, INVISIBLES))}
# What such a run starts with where no plain space precedes it: a broken file without one compiles no _PASTED_RUN
# (whose classes are maps of 65,536 characters, 4 M instructions)
_PASTED = frozenset(ODD_SPACES + INVISIBLES)


def _pasted_space(source: Source, start: int) -> Problem | None:
    """The spaces JSON does not allow from ``start`` to the next token (indentation pasted from a web page, a word
    processor or a chat), written as plain spaces (a zero-width one removed); None when there is none."""
    run = _PASTED_RUN.match(source.text, start)
    if run is None:
        return None
    from ..vocabulary.characters import space_named  # (only for this mistake: `validator.source` imports lightly)

    odd = run.group().lstrip(" \t")
    return source._problem(
        "CE001", f"{space_named(odd[0])} between JSON's tokens, where JSON allows only spaces, tabs and line "
                 "breaks (text pasted from a web page or a chat?)", start, run.end(),
        "write it as a plain space", Fix("write it as a plain space",
                                         (Edit(start, run.end(), run.group().translate(_AS_PLAIN)),)))


def _yaml_document(source: Source, at: int) -> Problem | None:
    """The problem of a YAML document saved as JSON, when the top of the file at ``at`` opens one as YAML does: a
    key and its colon (`element:`) or the document line (`---`); None otherwise."""
    text = source.text
    json_body = "write the body as JSON: `{\"element\": {...}, \"configuration\": {...}}`"
    if _YAML_START.match(text, at):
        return source._problem("CE001", "`---` opens a YAML document: the file is YAML, not JSON", at, at + 3,
                               json_body)
    word = _WORD.match(text, at)
    if word is None or not _YAML_KEY.match(text, word.end()) or word.group() in ("True", "False", "None"):
        return None
    return source._problem("CE006", f"`{word.group()}:` at the top of the file is YAML, not JSON: the file is a "
                                    "YAML document", at, word.end(), json_body)


def _past_hash_comments(text: str, at: int) -> int:
    """Where the first line after ``at`` that is neither blank nor a `#` comment starts its text."""
    while at < len(text) and text[at] == "#":
        at = _ws(text, _line_end(text, at)).end()
    return at


def _comment(source: Source, start: int) -> Problem | None:
    text = source.text
    if text.startswith("//", start) or text.startswith("#", start):
        end = _line_end(text, start)
        kind = "`//`" if text[start] == "/" else "`#`"
        return source._problem("CE003", f"JSON does not allow comments ({kind} comment)", start, end,
                               "remove the comment; JSON has no comments", _comment_fix(text, start, end))
    if text.startswith("/*", start):
        close = text.find("*/", start + 2)
        end = len(text) if close < 0 else close + 2
        return source._problem("CE003", "JSON does not allow comments (`/* */` comment)", start, end,
                               "remove the comment; JSON has no comments",
                               None if close < 0 else _comment_fix(text, start, end))
    return None


_DOUBLE_SMART = "“”„‟«»″＂〝〞"
_SINGLE_SMART = "‘’‚‛"


def _smart(source: Source, start: int, *, opening: bool = True) -> Problem:
    text = source.text
    stop = _line_end(text, start)
    end = start + 1
    for j in range(start + 1, stop):
        if text[j] in _SMART or text[j] == '"':
            end = j + 1
            break
    edits = [Edit(start, start + 1, '"')]
    if opening:  # the quote that closes it: the next one of the same kind on the line
        closers = _DOUBLE_SMART + '"' if text[start] in _DOUBLE_SMART else _SINGLE_SMART
        close = next((j for j in range(start + 1, stop) if text[j] in closers), None)
        if close is not None and '"' not in text[start + 1:close] and "\\" not in text[start + 1:close]:
            if text[close] != '"':
                edits.append(Edit(close, close + 1, '"'))
        else:
            edits = []
    return source._problem(
        "CE004", f"typographic quote {_char(text[start])} instead of a straight double quote `\"` "
                 "(text pasted from a word processor or a web page?)",
        start, end, "replace `“ ” ‘ ’` with `\"`",
        Fix("replace the typographic quotes with `\"`", tuple(edits)) if edits else None)


def _garbled_pair(text: str, opening: re.Match[str]) -> tuple[Edit, ...]:
    """The edits replacing a garbled quote with `"`, and the one that closes it: the next garbled quote of the same
    kind on its line (a `’` between is an apostrophe of the text), as a typographic quote's fix does.  The opening one
    fixed alone leaves its string unclosed, and `--fix` stopped there (CE007)."""
    edits = [Edit(opening.start(), opening.end(), '"')]
    double = opening.group()[-1] in _GARBLED_DOUBLE
    stop = _line_end(text, opening.end())
    for closing in _MOJIBAKE.finditer(text, opening.end(), stop):
        if (closing.group()[-1] in _GARBLED_DOUBLE) == double:
            if '"' not in text[opening.end():closing.start()] and "\\" not in text[opening.end():closing.start()]:
                edits.append(Edit(closing.start(), closing.end(), '"'))
            break
    return tuple(edits)


# The last character of a garbled `“` or `”` (Windows-1252's `œ`, and the C1 controls Latin-1 gives for 0x9C, 0x9D);
# a garbled `‘` or `’` ends in `˜`, `™`, 0x98 or 0x99
_GARBLED_DOUBLE = "\u0153\u009c\u009d"


def _single(source: Source, start: int, what: str, *, key: bool) -> Problem:
    text = source.text
    close = text.find("'", start + 1, _line_end(text, start))
    end = close + 1 if close > 0 else start + 1
    fix = None
    if close > 0 and '"' not in text[start + 1:close] and "\\" not in text[start + 1:close]:
        after = _ws(text, close + 1).end()  # (an apostrophe inside, `'it's'`, is not where the string ends)
        if text[after:after + 1] in ((":",) if key else (",", "}", "]", "")):
            fix = Fix("write the string in double quotes", (Edit(start, start + 1, '"'), Edit(close, close + 1, '"')))
    return source._problem("CE005", f"{what} in single quotes: JSON strings use double quotes", start, end,
                           "write `\"...\"` instead of `'...'`", fix)


def _placeholder(source: Source, start: int) -> Problem | None:
    text = source.text
    end = placeholder_at(text, start)
    if end is None:
        return None
    return source._problem(
        "CE006", f"unfilled placeholder `{text[start:end]}` where a JSON value is expected",
        start, end, "replace the placeholder with the real value (in double quotes if it is a string)")


def _eof(source: Source, stack: list[int], expected: str) -> Problem:
    text = source.text
    at = _prev_nonspace(text, len(text))
    # a document inside a JSON string (a stringified poller) ends where its string does, not the file
    ended = "the JSON in this string" if source._parent is not None else "file"
    whole = "the JSON in this string" if source._parent is not None else "the file"
    if stack:
        opener = stack[-1]
        message = (f"unexpected end of {ended}: expected {expected}; the {_NAMES[text[opener]]} opened at "
                   f"{source._where(opener)} is never closed")
        fix = f"add the missing `{_CLOSER[text[opener]]}` (or restore what is cut off the end of {whole})"
    else:
        message = f"unexpected end of {ended}: expected {expected}"
        fix = f"restore what is cut off the end of {whole}"
    return source._problem("CE001", message, at, at, fix)


def _diagnose(source: Source, kind: str, pos: int, end: int | None = None) -> Problem:
    """The problem for a syntax error of ``kind`` at ``pos`` (where the text stops being JSON)."""
    text = source.text
    n = len(text)
    pos = min(max(pos, 0), n)
    c = text[pos] if pos < n else ""

    if kind == "nonfinite":
        token = text[pos:end]
        return source._problem("CE009", f"`{token}` is not valid JSON: strict JSON and the platform have no "
                                        "NaN or Infinity", pos, end or pos + 1,
                               "use a number or null, or quote it as a string")
    if kind == "trailing":
        closer = text[_ws(text, pos + 1).end():][:1]
        return source._problem("CE002", f"trailing comma before {_char(closer)}: JSON allows no comma "
                                        "after the last item", pos, pos + 1, "remove the comma",
                               _delete("remove the comma", pos, pos + 1))
    if kind in ("escape", "uescape"):
        start = pos if c == "\\" else max(pos - 1, 0)
        if kind == "uescape":
            return source._problem(
                "CE008", f"invalid escape `{text[start:start + 6]}`: `\\u` must be followed by four "
                         "hexadecimal digits", start, min(start + 6, _line_end(text, start)),
                "write `\\\\u` for a literal backslash-u, or complete the four hex digits")
        escape = text[start:start + 2]
        if escape == "\\'":
            if text[start - 1:start + 3] == "'\\''":
                return source._problem(
                    "CE008", "the shell's `'\\''` is inside the JSON: `\\'` is not a JSON escape (a shell "
                             "writes `'` inside `'...'` as `'\\''`, but the file must not)",
                    start - 1, start + 3, "write a plain `'` in the file",
                    Fix("write a plain `'`", (Edit(start - 1, start + 3, "'"),)))
            return source._problem("CE008", "`\\'` is not a JSON escape: a single quote needs no escape",
                                   start, start + 2, "write a plain `'`",
                                   Fix("write a plain `'`", (Edit(start, start + 2, "'"),)))
        if start + 1 >= n:
            return source._problem("CE007", "the file ends inside a string, right after a `\\`", start,
                                   start + 1, "close the string with `\"`")
        if escape[1:].isalpha() and _in_date_pattern(text, start):  # `yyyy-MM-dd\THH:mm`: Java's quoting meant
            letter = escape[1:]
            return source._problem(
                "CE008", f"`{escape}` is not a JSON escape, nor a date pattern's: a date pattern writes a literal "
                         f"letter in single quotes", start, start + 2, f"write `'{letter}'`",
                Fix(f"write `'{letter}'`", (Edit(start, start + 2, f"'{letter}'"),)))
        return source._problem(
            "CE008", f"`{escape}` is not a JSON escape (JSON knows `\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`)",
            start, start + 2, f"double the backslash to keep it literally: `\\{escape}`")
    if kind == "unterminated":
        hint = ""
        if text.endswith('\\"') or text.rstrip(" \t\r\n").endswith('\\"'):
            hint = " (the `\\` before the last `\"` escapes it)"
        return source._problem("CE007", f"the string that starts here is never closed: the file ends inside "
                                        f"it{hint}", pos, max(pos + 1, _line_end(text, pos)),
                               "close the string with `\"`")
    if kind == "control":
        _, opened, _ = _prefix_state(text, pos)
        if c in "\r\n":
            start = opened if opened is not None else pos
            return source._problem(
                "CE007", f"the string that starts at {source._where(start)} is not closed on its line: a "
                         "closing `\"` is missing, or a line break inside a string must be written `\\n`",
                start, pos, "close the string with `\"`, or write the line break as `\\n`")
        if c == "\t":
            return source._problem("CE007", "raw tab character inside a string", pos, pos + 1,
                                   "write the tab as `\\t`")
        return source._problem("CE007", f"raw control character U+{ord(c or ' '):04X} inside a string", pos,
                               pos + 1, f"write it as `\\u{ord(c or ' '):04x}`")

    # the structural kinds: value, key, colon, comma, extra
    stack, _, last = _prefix_state(text, pos)
    prev_end = _prev_nonspace(text, pos)
    prev = text[prev_end - 1] if prev_end > 0 else ""
    prev_string = last if last is not None and last[1] == prev_end else None

    if kind in ("value", "key") and not text.strip(" \t\r\n"):
        what = "the string is empty" if source._parent is not None else (
            "the file is empty" if not text else "the file holds only whitespace")
        return source._problem("CE010", f"{what}: expected a JSON document", 0, 0,
                               "put the JSON document here")
    if not c:
        expected = {"value": "a value", "key": "a property name in double quotes", "colon": "`:`",
                    "comma": "`,` or a closing bracket", "extra": "nothing"}.get(kind, "more")
        return _eof(source, stack, expected)

    pasted = _pasted_space(source, pos) if c in _PASTED else None
    if pasted is not None:
        return pasted
    comment = _comment(source, pos)
    if comment is not None:
        # a YAML body's own comment above its first key (`# Sage body` then `element:`): the file is YAML
        yaml = _yaml_document(source, _past_hash_comments(text, pos)) if c == "#" and kind == "value" and not stack \
            else None
        return yaml or comment
    if c in _SMART:
        return _smart(source, pos)
    garbled = _MOJIBAKE.match(text, pos)
    if garbled is not None:
        return source._problem(
            "CE004", f"garbled typographic quote `{_visible(garbled.group())}` (a `“ ” ‘ ’` whose UTF-8 bytes "
                     "were read as Latin-1 or Windows-1252) instead of a straight double quote `\"`",
            pos, garbled.end(),
            "replace it with `\"`", Fix("replace it with `\"`", _garbled_pair(text, garbled)))
    if prev_string is not None and kind in ("colon", "comma", "extra"):
        # a string closed by a typographic quote runs on: `"idField”: "id"` is the string `idField”: `
        inner = text[prev_string[0] + 1:prev_string[1] - 1]
        misclosed = _MISCLOSED.search(inner)
        if misclosed is None and pos == prev_end:
            misclosed = _LAST_SMART.search(inner)
        if misclosed is not None:
            return _smart(source, prev_string[0] + 1 + misclosed.start(), opening=False)
    if c == "\\" and text[pos + 1:pos + 2] in ('"', "n", "t", "r"):
        return source._problem(
            "CE001", f"`{text[pos:pos + 2]}` outside a string: the text looks like a JSON document still escaped "
                     "as a string (copied from inside `\"...\"`)", pos, pos + 2,
            "unescape it (`\\\"` becomes `\"`, `\\n` a line break), or put it back inside a JSON string")
    if c == "\\":
        after = _ws(text, pos + 1).end()
        if "\n" in text[pos + 1:after] or "\r" in text[pos + 1:after] or after >= n:
            return source._problem(
                "CE001", "backslash outside a string: a shell line continuation (`\\` at the end of a line) "
                         "was copied into the JSON", pos, pos + 1, "remove the `\\`")
        return source._problem("CE001", "unexpected `\\` outside a string", pos, pos + 1,
                               "remove it, or put it inside a string as `\\\\`")
    if c in ",]}" and prev == "," and kind in ("value", "key") and c != ",":
        return source._problem("CE002", f"trailing comma before {_char(c)}: JSON allows no comma after the "
                                        "last item", prev_end - 1, prev_end, "remove the comma",
                               _delete("remove the comma", prev_end - 1, prev_end))

    if kind in ("value", "key"):
        if c == "'":
            return _single(source, pos, "a property name" if kind == "key" else "a string", key=kind == "key")
        found = _placeholder(source, pos)
        if found is None and c == "{" and prev == "{" and kind == "key":
            found = _placeholder(source, prev_end - 1)
        if found is not None:
            return found
        word = _WORD.match(text, pos)
        if kind == "key":
            if word is not None:
                return source._problem(
                    "CE006", f"property name `{word.group()}` must be in double quotes", pos, word.end(),
                    f"write `\"{word.group()}\"`")
            if c == ",":
                return source._problem("CE001", "unexpected `,`: expected a property name (two commas in a "
                                                "row, or a comma right after `{`)", pos, pos + 1,
                                       "remove the extra comma")
            if c in "]":
                opener = stack[-1] if stack else None
                where = f" opened at {source._where(opener)}" if opener is not None else ""
                return source._problem("CE001", f"`]` closes the object{where}, which needs `}}`",
                                       pos, pos + 1, "close the object with `}`")
            return source._problem("CE001", f"expected a property name in double quotes, found {_char(c)}",
                                   pos, pos + 1, "write the property name as `\"name\"`")
        # kind == "value"
        if word is not None:
            token = word.group()
            if token in ("True", "False", "None"):
                json_word = {"True": "true", "False": "false", "None": "null"}[token]
                return source._problem("CE006", f"`{token}` is Python, not JSON: JSON writes `{json_word}`",
                                       pos, word.end(), f"write `{json_word}`",
                                       Fix(f"write `{json_word}`", (Edit(pos, word.end(), json_word),)))
            if token.lower() in ("nan", "infinity", "inf", "-infinity"):
                return source._problem("CE009", f"`{token}` is not valid JSON: JSON has no NaN or Infinity",
                                       pos, word.end(), "use a number or null, or quote it as a string")
            if token == "undefined":
                return source._problem("CE006", "`undefined` is JavaScript, not JSON", pos, word.end(),
                                       "write `null`, or leave the property out")
            yaml = None if stack else _yaml_document(source, pos)
            if yaml is not None:
                return yaml
            return source._problem(
                "CE006", f"bare word `{token}` is not a JSON value (a variable from code?); strings need "
                         "double quotes", pos, word.end(), f"write `\"{token}\"`")
        if c == ",":
            what = ("after `:`" if prev == ":" else "before the first element" if prev == "["
                    else "between two commas")
            return source._problem("CE001", f"missing value {what}", pos, pos + 1,
                                   "write the value, or remove the extra comma")
        if c in "]}":
            if stack and _CLOSER[text[stack[-1]]] != c:
                name = _NAMES[text[stack[-1]]]
                return source._problem(
                    "CE001", f"{_char(c)} does not close the {name} opened at {source._where(stack[-1])}: it "
                             f"needs `{_CLOSER[text[stack[-1]]]}`", pos, pos + 1,
                    f"close the {name} with `{_CLOSER[text[stack[-1]]]}` first")
            if prev == ":":
                return source._problem("CE001", f"missing value after `:` before {_char(c)}", pos, pos + 1,
                                       "write the value")
            return source._problem("CE001", f"unexpected {_char(c)}: expected a value", pos, pos + 1,
                                   "write the value")
        if c == "+":
            return source._problem("CE001", "a JSON number cannot start with `+`", pos, pos + 1,
                                   "remove the `+`")
        if c == ".":
            return source._problem("CE001", "a JSON number needs a digit before `.` (write `0.5`, not `.5`)",
                                   pos, pos + 1, "add a leading `0`")
        yaml = _yaml_document(source, pos) if c == "-" and not stack else None
        if yaml is not None:
            return yaml
        if c == "-":
            return source._problem("CE001", "`-` must be followed by a digit", pos, pos + 1,
                                   "write the number, or quote the text")
        return source._problem(
            "CE001", f"unexpected {_char(c)}: expected a value (a string in double quotes, a number, an "
                     "object, an array, true, false or null)", pos, pos + 1, "write a JSON value here")

    if kind == "colon":
        key = text[prev_string[0]:prev_string[1]] if prev_string else "the property name"
        if c == "=":
            return source._problem("CE001", f"`=` after {key}: JSON separates a name from its value with `:`",
                                   pos, pos + 1, "write `:`")
        if c in ",}":
            return source._problem(
                "CE001", f"{key} has no value: expected `:` and a value (a list of strings needs `[ ]`, "
                         "not `{ }`)", pos, pos + 1, "write `: value`, or use an array `[ ... ]`")
        inner = key[1:-1].rstrip(" \t") if prev_string else ""
        if prev_string is not None and pos == prev_end and inner.endswith(":") and inner[:-1].strip():
            # `"password: "secret"`: the name's closing quote left out before its `:`, the value's opening one
            # closing it; (the value is not quoted: a secret's first letter is the character met)
            at = prev_string[0] + len(inner)
            return source._problem(
                "CE001", f"the property name `{inner[:-1].rstrip()}` is not closed before its `:`: the `\"` after "
                         "the `:` closes it, and the value is left outside any string", at, at + 1,
                "write the name's closing `\"` before the `:`")
        if prev_string is not None and pos == prev_end and c not in " \t\r\n":
            return source._problem(
                "CE001", f"unexpected {_char(c)} right after {key}: a `\"` inside a property name must be "
                         "escaped as `\\\"`", prev_end - 1, prev_end, "escape the inner quote as `\\\"`")
        return source._problem("CE001", f"missing `:` after {key}", prev_end, prev_end,
                               "write `:` between the property name and its value")

    if kind == "extra":
        top = _ws(text, 0).end()
        where = source._where(prev_end - 1) if prev_end > 0 else "the start"
        if c in "]}":
            return source._problem(
                "CE001", f"unmatched {_char(c)}: the document already ended at {where} (one closing bracket "
                         "too many, or an opening one missing)", pos, pos + 1, f"remove the extra {_char(c)}")
        if c == ":" and text[top:top + 1] == '"':
            return source._problem(
                "CE001", "`:` after a top-level string: the enclosing `{ }` of the object are missing", pos,
                pos + 1, "wrap the members in `{ ... }`")
        if c == ",":
            return source._problem(
                "CE001", f"`,` after the end of the document (it ended at {where}): several values need an "
                         "enclosing array, or the document has a stray comma", pos, pos + 1,
                "remove the comma, or wrap the values in `[ ... ]`")
        if c in "{[\"":
            return source._problem(
                "CE001", f"a second JSON value starts here, after the document that ended at {where}; a "
                         "file holds one document", pos, pos + 1,
                "keep one document, or wrap them in `[ ... ]` separated by commas")
        return source._problem("CE001", f"unexpected {_char(c)} after the end of the document (it ended at "
                                        f"{where})", pos, pos + 1, "remove the extra text")

    # kind == "comma": after a complete value inside an object or an array
    container = text[stack[-1]] if stack else "{"
    closer = _CLOSER[container]
    name = _NAMES[container]
    where_opened = f" opened at {source._where(stack[-1])}" if stack else ""
    if c in "]}" and c != closer:
        return source._problem("CE001", f"{_char(c)} does not close the {name}{where_opened}: it needs `{closer}`",
                               pos, pos + 1, f"write `{closer}`")
    if c == "'":
        return source._problem("CE001", f"stray `'` after the value inside the {name}{where_opened}", pos, pos + 1,
                               "remove the `'`, or put the value in double quotes")
    if prev_string is not None and pos == prev_end and (c.isalnum() or c in '"<_$'):
        shown = text[prev_string[0]:prev_string[1]]
        if len(shown) > 40:
            shown = shown[:18] + "…" + shown[-18:]
        return source._problem(
            "CE001", f"unexpected {_char(c)} right after the string `{shown}`: a `\"` inside a string must be "
                     "escaped as `\\\"` (or a `,` is missing)", prev_end - 1, prev_end,
            "escape the inner quote as `\\\"`, or add the missing `,`")
    number_before = _LEADING_ZERO.search(text, max(0, prev_end - 2), prev_end)
    if c.isdigit() and number_before is not None and pos == prev_end:
        start = number_before.start()
        stop = _SCALAR.match(text, start)
        return source._problem("CE001", "a JSON number cannot have leading zeros", start,
                               stop.end() if stop else pos + 1,
                               "remove the leading zeros, or quote it if it is an identifier")
    written = _NON_DECIMAL.match(text, pos - 1) if c in "xXoObB" and pos == prev_end \
        and text[prev_end - 1:prev_end] == "0" and text[prev_end - 2:prev_end - 1] not in _NUMBER_CHARS else None
    if written is not None:  # (`0x64`, not `10x5` nor `1.0xFF`)
        base = {"x": 16, "o": 8, "b": 2}[c.lower()]
        digits = next(group for group in written.groups() if group is not None)
        said = f"`{written.group()}` is a {_BASES[base]} number, which JSON does not have: JSON writes numbers in decimal"
        if len(digits) > 6:  # (a long one may be a key written in hex: its decimal value is not quoted, nor written)
            return source._problem("CE001", said, pos - 1, written.end(), "write it in decimal, or in quotes")
        value = int(digits, base)
        return source._problem("CE001", f"{said} (`{value}`)", pos - 1, written.end(), f"write `{value}`",
                               fix=Fix(f"write `{value}`", (Edit(pos - 1, written.end(), str(value)),), "safe"))
    if c == "." and pos == prev_end and prev.isdigit():
        return source._problem("CE001", "a JSON number cannot end with `.`", pos, pos + 1,
                               "add a digit after the `.`, or remove it")
    if c == ";":
        return source._problem("CE001", "`;` instead of `,`", pos, pos + 1, "write `,`")
    if c == '"' or c in "{[-0123456789" or _WORD.match(text, pos):
        item = "members" if container == "{" else "elements"
        line_note = ""
        if "\n" in text[prev_end:pos] or "\r" in text[prev_end:pos]:
            line_note = f" at the end of line {source.line_col(source._to_file(prev_end))[0]}"
        return source._problem("CE001", f"{MISSING_COMMA}{item} of the {name}{line_note}",
                               prev_end, prev_end, "add `,` after the value")
    return source._problem("CE001", f"expected `,` or `{closer}` after the value in the {name}{where_opened}, "
                                    f"found {_char(c)}", pos, pos + 1, f"write `,` or `{closer}`")
