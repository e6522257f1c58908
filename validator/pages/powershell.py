"""JSON bodies in PowerShell blocks: here-strings, read as PowerShell reads them (CE020).

In a ```` ```powershell ````, ```` ```pwsh ```` or ```` ```ps1 ```` block, a body is usually written as a
here-string and sent with ``Invoke-RestMethod -Body $body`` (or ``curl.exe -d $body``):

* ``@'`` ... ``'@`` is literal: the body is the text between the two lines, as written;
* ``'...'`` (``-Body '{"element": ...}'``) is literal too, ``''`` standing for a quote;
* ``@"`` ... ``"@`` expands: PowerShell substitutes ``$name``, ``${...}`` and ``$(...)`` and reads the backtick
  as its escape (`` `$ `` is a ``$``).  A poller macro there, ``${gmtDate:yyyy-MM-dd}``, is read as a variable
  (on a drive named ``gmtDate``), so the platform never sees it: CE020, with the body checked as it was meant.

Only a string whose text opens a JSON object or array is a body; other strings (a script, a message) are not
ours.  Each finding points at the page character it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..lazy_pattern import LazyPattern
from ..findings import Edit, Fix, Problem
from ..rules.base import Rule
from .curl import (CONTINUATION_BLANK, JSON_AS_FORM, MACRO_EXPANSION, PLATFORM_ADDRESS, SHELL_EXPANSION, SHELL_QUOTE,
                   VARIABLE_NOT_EXPANDED, Body)
from .positions import TextBuilder

POWERSHELL_LANGUAGES: frozenset[str] = frozenset({"powershell", "pwsh", "ps1", "ps", "posh"})

JSON_CONVERTED_AGAIN = Rule(
    code="CE030",
    name="powershell-json-converted-again",
    severity="error",
    summary="`ConvertTo-Json` given a string that already holds JSON: PowerShell sends one JSON string, not the body",
    description="`ConvertTo-Json` serialises what it is given; given a string, it writes a JSON string: "
            "`$body = @'{\"element\": ...}'@` then `-Body ($body | ConvertTo-Json)` sends `\"{\\\"element\\\": ...}\"`, "
            "the body's text quoted and escaped, and the platform, which reads an object, refuses it. Reported for a "
            "variable set to a here-string or a single-quoted string holding JSON (`{` or `[` first) and then piped "
            "or given to `ConvertTo-Json` in the same block (not after `ConvertFrom-Json` made it an object).\n\n"
            "**Fix:** send the string as it is (`-Body $body`), or build the body as a hashtable and convert that "
            "(with `-Depth 10`: the default depth of 2 writes a poller's entries as `System.Collections.Hashtable`).",
    bad="```powershell\n$body = @'\n{\"element\": {\"key\": \"closeio\"}, \"name\": \"close\"}\n'@\n"
        "Invoke-RestMethod -Method Post -Uri https://api.cloud-elements.com/elements/api-v2/instances "
        "-ContentType 'application/json' -Body ($body | ConvertTo-Json)\n```\n",
    good="```powershell\n$body = @'\n{\"element\": {\"key\": \"closeio\"}, \"name\": \"close\"}\n'@\n"
         "Invoke-RestMethod -Method Post -Uri https://api.cloud-elements.com/elements/api-v2/instances "
         "-ContentType 'application/json' -Body $body\n```\n",
)
RULES: list[Rule] = [JSON_CONVERTED_AGAIN]

# `@'` or `@"` ending its line (PowerShell allows only blanks after it), and the line that ends it: `'@` or `"@`
# first on its line
_OPENING = LazyPattern(r"@(['\"])[ \t]*\r?\n")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
# What an expanding here-string substitutes: `${...}`, `$(...)`, `$name` (also `$env:NAME`, `$script:x`)
_EXPANSION = LazyPattern(r"\$(?:\{[^}\r\n]*\}?|\([^)\r\n]*\)?|[A-Za-z_][\w]*(?::[A-Za-z_][\w]*)?)")
# `${env:NAME}`, `${script:x}`: a variable of a PowerShell drive or scope, expanded on purpose (not a poller macro)
_SCOPED_VARIABLE = LazyPattern(r"\$\{(?i:env|script|global|local|using|private|variable):")


def powershell_bodies(script: str) -> list[Body]:
    """The JSON bodies written as here-strings in the PowerShell text ``script``."""
    bodies = []
    resume = 0  # where the last here-string ends: an `@'` inside one is its text
    for opening in _OPENING.finditer(script):
        if opening.start() < resume:
            continue
        quote = opening.group(1)
        start = opening.end()
        closing = re.compile(r"^" + re.escape(quote) + "@", re.M).search(script, start)
        if closing is None:
            break  # never closed: the rest of the block is its text (PowerShell refuses the script)
        resume = closing.end()
        end = closing.start()
        if script[start:end].lstrip()[:1] not in ("{", "["):
            continue
        if end > start and script[end - 1] == "\n":  # the line break before the closing line is not the string's
            end -= 2 if script[end - 2:end] == "\r\n" else 1
        builder = TextBuilder()
        problems: list[Problem] = []
        if quote == "'":
            builder.copy(script[start:end], start)
            problems.extend(_unexpanded(script, start, end, "@'...'@"))
        else:
            _expanding(script, start, end, builder, problems)
        text, mapping = builder.build(end=end)
        bodies.append(Body(text=text, mapping=mapping, start=start, problems=tuple(problems)))
    if "'{" in script or "'[" in script or "' {" in script:
        bodies.extend(_single_quoted_bodies(script))
    if '"{' in script or '"[' in script or '" {' in script:
        literal = [(body.start, body.mapping.to_page(len(body.text), end=True)) for body in bodies]
        bodies.extend(body for body in _double_quoted_bodies(script)
                      if not any(start <= body.start < end for start, end in literal))
    return bodies


# A quote that ends a string where the argument goes on (`...>='${gmtDate`, `'T'HH`): one written undoubled inside
# the body; and the quote that ends the argument (blanks, then the line's end, `)`, `;`, `|` or the next parameter)
_WORD_GOES_ON = LazyPattern(r"'[A-Za-z0-9_$]")
_ARGUMENT_END = LazyPattern(r"'(?=[ \t]*(?:\r?\n|$|[);|`]|-[A-Za-z]))")


def _single_quoted_bodies(script: str) -> Iterator[Body]:
    """The JSON bodies written as single-quoted strings (`-Body '{"element": ...}'`): literal, `''` a quote.  A
    quote left undoubled ends the string there (CE021); the body is read to the argument's end, as meant."""
    resume = 0
    for start, end in _code_offsets(script)[1]:
        if start < resume or script[start:end].lstrip()[:1] not in ("{", "["):
            continue
        problems: list[Problem] = []
        if _WORD_GOES_ON.match(script, end):
            meant = _ARGUMENT_END.search(script, end + 1)
            if meant is not None:
                problems.append(Problem(
                    SHELL_QUOTE.code, "this ' ends PowerShell's '...' string: the rest of the body is not in it "
                    "(PowerShell reads what follows as code, a `${...}` macro as a variable)", end, end + 1,
                    "inside '...' write each ' twice ('')"))
                end = meant.start()
        resume = end
        builder = TextBuilder()
        i = start
        while i < end:
            quote = script.find("''", i, end)
            if quote == -1:
                builder.copy(script[i:end], i)
                break
            builder.copy(script[i:quote], i)
            builder.stand_for("'", quote, quote + 2)
            i = quote + 2
        text, mapping = builder.build(end=end)
        problems.extend(_unexpanded(script, start, end, "'...'"))
        yield Body(text=text, mapping=mapping, start=start, problems=tuple(problems))


# A variable of PowerShell's environment drive, `$env:NAME` or `${env:NAME}`: meant for PowerShell to fill in
_ENV_VARIABLE = LazyPattern(r"\$(?:\{(?i:env):[A-Za-z_]\w*\}|(?i:env):[A-Za-z_]\w*)")


def _unexpanded(script: str, start: int, end: int, string: str) -> Iterator[Problem]:
    """CE028 for each `$env:NAME` in the literal string ``script[start:end]``: PowerShell expands nothing there, so the
    platform receives and stores the variable's name."""
    lowered = script.lower()
    if "env:" not in script[start:end].lower() or "expandstring" in lowered or "-replace" in lowered:
        return  # (none, or the script fills it in itself: `$ExecutionContext.InvokeCommand.ExpandString($body)`)
    for match in _ENV_VARIABLE.finditer(script, start, end):
        yield Problem(VARIABLE_NOT_EXPANDED.code, f"PowerShell does not expand {match.group()} inside {string}: the "
                      "body sends the variable's name, not its value, and the platform stores that text",
                      match.start(), match.end(), "write the body as @\"...\"@ (each poller macro's `$` escaped as "
                      "`` `$ ``), or put the value in with `-replace`")


def _double_quoted_bodies(script: str) -> Iterator[Body]:
    """The JSON bodies written as double-quoted strings (`-Body "{`"element`": ...}"`): PowerShell expands them, its
    backtick escapes read and a poller macro's `${...}` reported as the variable it takes it for (CE020)."""
    for start, end in _code_offsets(script)[2]:
        if script[start:end].lstrip()[:1] not in ("{", "["):
            continue
        builder = TextBuilder()
        problems: list[Problem] = []
        _expanding(script, start, end, builder, problems, string='"..." string')
        text, mapping = builder.build(end=end)
        yield Body(text=text, mapping=mapping, start=start, problems=tuple(problems))


# A line ending in PowerShell's continuation backtick and blanks after it, and a next line that goes on with the
# command (a parameter, a pipe, a quoted argument)
_BACKTICK_BLANKS = LazyPattern(r"`([ \t]+)\r?\n(?=[ \t]*[-|'\"@$])")


def command_problems(script: str) -> Iterator[Problem]:
    """CE025 for each line of the PowerShell text ``script`` that ends with a backtick and blanks, in code (not in a
    string, a here-string or a comment): the backtick escapes the blank, the line break ends the command."""
    code, strings, expanding_strings = _code_offsets(script)
    for match in _BACKTICK_BLANKS.finditer(script):
        at = match.start()
        if at not in code:
            continue
        start, end = match.span(1)
        yield Problem(CONTINUATION_BLANK.code, "a blank after the line's closing backtick: the backtick escapes the "
                      "blank, not the line break, so the command ends here and the next line runs as a command of its "
                      "own (the request is sent without it)", at, end, "remove the blanks after the backtick",
                      fix=Fix("remove the blanks after the backtick", (Edit(start, end, ""),), "safe"))
    yield from _json_sent_as_form(script)
    if "convertto-json" in script.lower():
        yield from _json_converted_again(script, sorted(strings + expanding_strings))


# A variable set (`$body = ...`), and set to a literal string that holds JSON: `$body = @'` (its text on the lines
# below) or `$body = '{...`
_ASSIGNED = LazyPattern(r"(?im)^[ \t]*+\$([A-Za-z_]\w*+)[ \t]*+=(?!=)")
# (a `{` opens an object only before a key or its end: `'{0:o}' -f $date` is a format string; `{{"` is one of JSON)
_JSON_TEXT = LazyPattern(r"[ \t]*+(?:@'[ \t]*+\r?\n[ \t\r\n]*+|')(?:\[|\{\{?[ \t\r\n]*+[\"}])")
# What follows a string and makes the value something else: a pipe (`'{...}' | ConvertFrom-Json`, an object)
_PIPED_ON = LazyPattern(r"[ \t]*+\|")
_CLOSING_LITERAL = LazyPattern(r"(?m)^'@")
# A variable given to ConvertTo-Json: `$body | ConvertTo-Json`, `ConvertTo-Json $body`, `ConvertTo-Json -InputObject $body`
_CONVERTED = LazyPattern(r"(?i)\$(?P<piped>[A-Za-z_]\w*+)[ \t]*+\|[ \t]*+ConvertTo-Json\b"
                         r"|ConvertTo-Json\b(?>(?:[ \t]++-(?!InputObject\b)\w++(?:[ \t]++\d++)?)*)[ \t]++"
                         r"(?:-InputObject[ \t:]++)?\$(?P<given>[A-Za-z_]\w*+)\b")


def _json_converted_again(script: str, quoted: list[tuple[int, int]]) -> Iterator[Problem]:
    """CE030 for a variable whose last value is JSON text (a here-string or a single-quoted string) given to
    `ConvertTo-Json`, which writes it as one JSON string (not a hashtable, nor an object `ConvertFrom-Json` made);
    ``quoted`` holds the ``[start, end)`` of the script's strings, in order."""
    settings: dict[str, list[tuple[int, bool]]] = {}  # each variable's assignments: (where, whether JSON text)
    closings = [closing.end() for closing in _CLOSING_LITERAL.finditer(script)]
    for assigned in _ASSIGNED.finditer(script):
        settings.setdefault(assigned.group(1).lower(), []).append(
            (assigned.end(), _holds_json_text(script, assigned.end(), quoted=quoted, closings=closings)))
    if not any(text for assignments in settings.values() for _at, text in assignments):
        return
    lowered = script.lower()
    for converted in _CONVERTED.finditer(script):
        name = converted.group("piped") or converted.group("given")
        at = lowered.find("convertto-json", converted.start())
        assignments = settings.get(name.lower(), [])
        last = bisect_right(assignments, (at, True)) - 1
        inside = bisect_right(quoted, (at, len(script))) - 1
        if last < 0 or not assignments[last][1] or inside >= 0 and quoted[inside][0] <= at < quoted[inside][1] \
                or "#" in script[script.rfind("\n", 0, at) + 1:at]:
            continue  # (its value is no JSON text there, or these are a string's or a comment's words)
        yield Problem(JSON_CONVERTED_AGAIN.code, f"`${name}` holds JSON text already: `ConvertTo-Json` writes it as "
                      "one JSON string (its quotes escaped), which the platform refuses: it reads an object",
                      at, at + len("ConvertTo-Json"), f"send the text as it is (`-Body ${name}`)")


def _holds_json_text(script: str, at: int, *, quoted: list[tuple[int, int]], closings: list[int]) -> bool:
    """Whether the value assigned at ``at`` is a literal string holding JSON, kept as text: not piped on
    (`$body = '{...}' | ConvertFrom-Json` is an object).  ``closings``: where each `'@` line's `'@` ends, in order."""
    text = _JSON_TEXT.match(script, at)
    if text is None:
        return False
    if script[text.start():text.end()].lstrip().startswith("@'"):
        after = bisect_right(closings, text.end())  # (found once for the block: one search each is quadratic)
        end = closings[after] if after < len(closings) else len(script)
    else:
        inside = bisect_right(quoted, (text.end(), len(script))) - 1
        end = quoted[inside][1] + 1 if inside >= 0 else len(script)
    return _PIPED_ON.match(script, end) is None


# A web request cmdlet, to the end of its command (backtick continuations joined), and its parameters
_REQUEST = LazyPattern(r"(?im)\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b(?:`[ \t]*\r?\n|[^\r\n])*")
_BODY_PARAMETER = LazyPattern(r"(?i)(?<![\w-])-Body\b")
_SENDING = LazyPattern(r"(?i)-Method[ \t:]+['\"]?(?:Post|Put|Patch)\b")


_SPLATTED = LazyPattern(r"(?<![\w$@'\"])@[A-Za-z_]\w*")
_URI = LazyPattern(r"(?i)-Uri(?:[ \t]+|:)(?P<uri>\S+)")


def _address(command: str, script: str) -> str:
    """The address a request cmdlet is sent to: its `-Uri`, or the value the block gives the variable it names."""
    uri = _URI.search(command)
    if uri is None:
        return command
    written = uri.group("uri").strip("\"'")
    if _VARIABLE.fullmatch(written):  # (`-Uri $uri`, set above; `"$base/instances"` says its path itself)
        assigned = re.search(r"(?im)^[ \t]*" + re.escape(written) + r"[ \t]*=[ \t]*(?P<value>[^\r\n]+)", script)
        return assigned.group("value") if assigned else ""
    return written


_VARIABLE = LazyPattern(r"\$[\w:]+")
_HEADERS_VARIABLE = LazyPattern(r"(?i)-Headers(?:[ \t]+|:)(\$[\w:]+)")


def _json_sent_as_form(script: str) -> Iterator[Problem]:
    """CE027 for a request cmdlet sending a body to the platform with no content type: without `-ContentType`
    (or a `Content-Type` header), PowerShell sends a POST's body as `application/x-www-form-urlencoded`."""
    lowered = script.lower()
    if "content-type" in lowered or "contenttype" in lowered or "psdefaultparametervalues" in lowered:
        return  # (a header or a default set anywhere in the block, `$headers = @{"Content-Type" = ...}`, may be sent)
    for request in _REQUEST.finditer(script):
        command = request.group()
        body = _BODY_PARAMETER.search(command)
        headers = _HEADERS_VARIABLE.search(command)
        if body is None or not _SENDING.search(command) or _SPLATTED.search(command) \
                or not PLATFORM_ADDRESS.search(_address(command, script)) \
                or headers is not None and not re.search(r"(?im)^[ \t]*" + re.escape(headers.group(1)) + r"[ \t]*=", script):
            continue  # (parameters splatted from a hashtable, `@common`, or headers set in another block, may hold
            # the content type)
        at = request.start() + body.start()
        yield Problem(JSON_AS_FORM.code, "PowerShell sends this body as a form (`-Body` without `-ContentType` sends "
                      "`application/x-www-form-urlencoded`): the platform's API reads JSON and refuses the request",
                      at, at + len(body.group()), "add `-ContentType 'application/json'`",
                      fix=Fix("add `-ContentType 'application/json'`", (Edit(at, at, "-ContentType 'application/json' "),),
                              "safe"))


def _code_offsets(script: str) -> tuple[set[int], list[tuple[int, int]], list[tuple[int, int]]]:
    """The offsets of the backticks of ``script`` that are code: outside strings (`'...'`, `"..."`, here-strings),
    `#` comments and `<# ... #>` blocks; and ``[start, end)`` of the text of each single-quoted and of each
    double-quoted string in code."""
    found: set[int] = set()
    strings: list[tuple[int, int]] = []
    expanding: list[tuple[int, int]] = []
    i, n = 0, len(script)
    while i < n:
        c = script[i]
        if c == "@" and script[i + 1:i + 2] in ("'", '"') and _OPENING.match(script, i):
            closing = re.compile(r"^" + re.escape(script[i + 1]) + "@", re.M).search(script, i + 2)
            i = closing.end() if closing else n
        elif c == "<" and script.startswith("<#", i):
            close = script.find("#>", i + 2)
            i = close + 2 if close != -1 else n
        elif c == "#":
            line_end = script.find("\n", i)
            i = line_end if line_end != -1 else n
        elif c == "'":
            i += 1
            opened = i
            while i < n and not (script[i] == "'" and script[i + 1:i + 2] != "'"):
                i += 2 if script[i] == "'" else 1  # `''` is a quote inside
            strings.append((opened, min(i, n)))
            i += 1
        elif c == '"':
            i += 1
            opened = i
            while i < n and not (script[i] == '"' and script[i + 1:i + 2] != '"'):
                i += 2 if script[i] in '`"' else 1  # (a backtick escapes the next character; `""` is a quote inside)
            expanding.append((opened, min(i, n)))
            i += 1
        else:
            if c == "`":
                found.add(i)
                i += 2  # (it escapes the next character)
                continue
            i += 1
    return found, strings, expanding


def _expanding(script: str, start: int, end: int, builder: TextBuilder, problems: list[Problem], *,
               string: str = '@"..."@ here-string') -> None:
    """An ``@"..."@`` here-string's text as PowerShell makes it (or a ``"..."`` string's, whose ``""`` is a quote):
    backtick escapes read, a poller macro reported."""
    i = start
    while i < end:
        c = script[i]
        if c == "`" and i + 1 < end:
            following = script[i + 1]
            builder.stand_for(_ESCAPES.get(following, following), i, i + 2)
            i += 2
            continue
        if c == '"' and string[0] == '"' and script[i + 1:i + 2] == '"':
            builder.stand_for('"', i, i + 2)
            i += 2
            continue
        expansion = _EXPANSION.match(script, i, end) if c == "$" else None
        if expansion is not None:
            if MACRO_EXPANSION.match(script, i) and not _SCOPED_VARIABLE.match(script, i):
                problems.append(Problem(
                    SHELL_EXPANSION.code, f"PowerShell expands {expansion.group()} in this {string} (it "
                    "reads it as a variable): the body sends what PowerShell makes of it, usually nothing, not the "
                    "macro", expansion.start(), expansion.end(),
                    "write the body as a literal here-string, @'...'@, or escape the $ as `$"))
            builder.copy(expansion.group(), i)  # checked as it was meant (a `$name` is substituted on purpose)
            i = expansion.end()
            continue
        builder.copy(c, i)
        i += 1
