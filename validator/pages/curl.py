"""curl bodies in shell code blocks, read through the shell's quoting (CE02x).

In a ```` ```bash ````, ```` ```sh ````, ```` ```shell ```` or ```` ```console ```` block, the
argument of ``curl -d`` / ``--data`` / ``--data-raw`` / ``--data-binary`` / ``--data-ascii`` /
``--json`` (also ``-d'...'`` and ``--data=...``) is decoded the way a POSIX shell does:
``'...'`` is literal, ``'\\''`` and ``'"'"'`` are a single quote, ``"..."`` keeps ``\\"``,
``\\\\``, ``\\$`` and ``\\``` escapes, bash's ``$'...'`` reads ``\\'`` as a quote and ``\\n`` as a
line break and expands nothing, a backslash before a line break continues the line.  A body read
from standard input (``-d @-``), or given as a command's output (``-d "$(cat <<'JSON'`` ... ``JSON`` ``)"``), is
the here-document the command gives it (``<<'JSON'`` ... ``JSON``; with a bare delimiter, ``<<JSON``, the shell
expands its ``$``).
A body written out to a variable first (``BODY='{...}'``, ``export BODY=...``; then ``-d "$BODY"``) is read
where it is written; a curl command inside a command substitution (``ID=$(curl ... -d '{...}')``, backticks) is
read as the command it is.  In a terminal transcript (``$ `` prompts) the prompts, the ``> `` of continued lines
and the commands' output are left out.  The decoded body is checked like any other, and each finding points
at the page character it came from (a ``'`` written ``'\\''`` spans the four characters).  A body read
from a file (``-d @body.json``) or built by a command (``BODY=$(jq ...)``) is not checked.

Two mistakes are made by the shell, not by the JSON, and are reported here.  Either way the
body is checked as its author meant it (the quotes kept), so that the one mistake gives one
finding:

* **CE020** `curl-shell-expansion` (error): a ``$`` that the shell expands inside the body:
  ``'...where=date>'${gmtDate:yyyy-MM-dd}'...'`` ends the single quotes before the macro, so the
  shell replaces ``${gmtDate:yyyy-MM-dd}`` with an empty string (or fails with "bad
  substitution"), and the platform never sees the macro.  Inside ``"..."`` every ``$`` is
  expanded.  Write the quote as ``'\\''``: ``where=date>'\\''${gmtDate:yyyy-MM-dd}'\\''``.
* **CE021** `curl-shell-quote` (error): a ``'`` inside a ``'...'`` body that ends the shell's
  quoting, so the shell drops it (``yyyy-MM-dd'T'HH:mm:ss`` reaches the platform as
  ``yyyy-MM-ddTHH:mm:ss``), or a shell quote that never closes; also a ``'`` not written twice inside
  PowerShell's single-quoted ``-Body '...'``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from ..findings import Edit, Fix, Problem
from ..rules.base import Rule
from .positions import PositionMap, TextBuilder

# The word that runs curl: `curl`, `/usr/bin/curl`, Windows' `curl.exe` (what the patterns below start a command with)
CURL_WORD = r"(?:[\w.:/-]*/)?curl(?:\.exe)?"
# HTTPie's commands (`http POST ...`, `https`, `xh`), its options, then the method or the address it is given
# (each option read one way, possessively: `--a` split as `-` + `-a` or `--` + `a` was tried both ways, 2^n)
HTTPIE_COMMAND = r"(?:https?|xhs?)[ \t]++(?:--?+[\w-]++(?:=\S++)?+[ \t]++)*+"
_CURL_WORD = LazyPattern(CURL_WORD, re.IGNORECASE)


def _is_curl(word: str) -> bool:
    """Whether a command's word runs curl."""
    return _CURL_WORD.fullmatch(word) is not None


# (and the names highlighters give them: Prism's `sh-session`, Linguist's `shell-script`, Pygments' `ksh`)
SHELL_LANGUAGES: frozenset[str] = frozenset({"bash", "sh", "shell", "zsh", "ksh", "console", "shell-session", "terminal",
                                             "curl", "shellsession", "sh-session", "shell-script"})
DATA_OPTIONS: frozenset[str] = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"})

_EXAMPLE_GOOD = ('```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n'
                 '  -H \'Content-Type: application/json\' \\\n'
                 '  -d \'{"element": {"key": "myelement"}, "configuration": {"event.notification.enabled": true, '
                 '"event.notification.callback.url": "https://example.com/events", "event.poller.configuration": '
                 '{"customers": {"url": "/hubs/finance/customers?where=updated>\'\\\'\'${gmtDate:yyyy-MM-dd}\'\\\'\'",'
                 ' "idField": "id"}}}}\'\n```\n')

SHELL_EXPANSION = Rule(
    code="CE020",
    name="curl-shell-expansion",
    severity="error",
    summary="The shell expands a `$` inside a curl body",
    description="In `curl -d '...'` a `'` inside the body ends the shell's quoting, so "
            "`'${gmtDate:yyyy-MM-dd}'` is expanded by the shell (to nothing) before curl sends the body; "
            "in `-d \"...\"` every `$` is expanded. Write a quote inside `'...'` as `'\\''`.",
    bad=_EXAMPLE_GOOD.replace("'\\''", "'"),
    good=_EXAMPLE_GOOD,
)
SHELL_QUOTE = Rule(
    code="CE021",
    name="curl-shell-quote",
    severity="error",
    summary="A `'` inside a curl body that the shell drops, or a shell quote that never closes",
    description="In `curl -d '...'` a `'` inside the body ends the shell's quoting, so "
            "`yyyy-MM-dd'T'HH:mm:ss` reaches the platform as `yyyy-MM-ddTHH:mm:ss`. Write a quote inside "
            "`'...'` as `'\\''`, and close every shell quote. PowerShell's single-quoted `-Body '...'` ends the same "
            "way at a `'` not written twice (`''`).",
    bad='```bash\ncurl -d \'{"configuration": {"event.poller.configuration": {"a": {"url": "/hubs/x/y", '
        '"idField": "id", "datesConfiguration": {"updatedDateField": "updated", '
        '"updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ss"}}}}}\'\n```\n',
    good='```bash\ncurl -d \'{"configuration": {"event.poller.configuration": {"a": {"url": "/hubs/x/y", '
         '"idField": "id", "datesConfiguration": {"updatedDateField": "updated", '
         '"updatedDateFormat": "yyyy-MM-dd\'\\\'\'T\'\\\'\'HH:mm:ss"'
         '}}}}}\'\n```\n',
)
DATA_URLENCODE = Rule(
    code="CE023",
    name="curl-data-urlencode",
    severity="error",
    summary="`curl --data-urlencode` percent-encodes a JSON body",
    description="`--data-urlencode '{...}'` sends the body percent-encoded (`%7B%22element%22...`), as a form "
            "field is sent: the platform's JSON API receives no JSON, and the instance is not created.  The body "
            "is still checked as the JSON it was meant to be.\n\n**Fix:** `-d` (or `--data-raw`) with a "
            "`Content-Type: application/json` header, or `--json`.",
    bad="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances --data-urlencode "
        "'{\"element\": {\"key\": \"myelement\"}, \"configuration\": {}}'\n```\n",
    good="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances "
         "-H 'Content-Type: application/json' -d '{\"element\": {\"key\": \"myelement\"}, \"configuration\": {}}'\n```\n",
)
DATA_FILE_NAME = Rule(
    code="CE024",
    name="curl-data-file-name",
    severity="error",
    summary="`curl -d body.json` sends the file's name, not the file",
    description="curl reads a body from a file only when its name follows `@` (`-d @instance.json`); "
            "`-d instance.json` sends the 13 characters `instance.json` as the body, and the platform answers that "
            "it is not JSON.\n\n**Fix:** write `@` before the name (`--data-binary @instance.json` keeps the file's "
            "line breaks as well); the fix (safe) adds it.",
    bad="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances "
        "-H 'Content-Type: application/json' -d instance.json\n```\n",
    good="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances "
         "-H 'Content-Type: application/json' -d @instance.json\n```\n",
)
CONTINUATION_BLANK = Rule(
    code="CE025",
    name="shell-continuation-blank",
    severity="error",
    summary="A blank after a line's closing `\\`: the command ends there",
    description="A `\\` continues a command on the next line only when the line break follows it at once. With "
            "a space or tab after it, the backslash escapes that blank, the line break ends the command, and each "
            "following line runs as a command of its own: curl sends the request without the options below "
            "(`-H 'Content-Type: ...'`, `-d '{...}'`), so without its body. The body is still checked as it was "
            "meant. PowerShell's continuation backtick (`` ` ``) breaks alike with a blank after it. So does a "
            "comment after the backslash's blank (`\\ # auth`), and an empty or comment line right after a line's "
            "closing `\\`: the backslash joins that line, whose own line break ends the command.\n\n**Fix:** "
            "remove the blanks after the backslash (or backtick), or the line; the fix (safe) does.",
    bad="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\ \n"
        "  -H 'Content-Type: application/json' \\\n"
        "  -d '{\"element\": {\"key\": \"myelement\"}, \"configuration\": {}}'\n```\n",
    good="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
         "  -H 'Content-Type: application/json' \\\n"
         "  -d '{\"element\": {\"key\": \"myelement\"}, \"configuration\": {}}'\n```\n",
)
JSON_AS_FORM = Rule(
    code="CE027",
    name="json-body-without-content-type",
    severity="warning",
    summary="A JSON body sent to the platform without `Content-Type: application/json`",
    description="`curl -d` (also `--data-raw`, `--data-binary`) sends its body with `Content-Type: "
            "application/x-www-form-urlencoded`, as a form is sent, unless a header says otherwise, and so does "
            "PowerShell's `Invoke-RestMethod -Method Post -Body` without `-ContentType`; an HTTP block "
            "without the header sends none. The platform's API reads JSON and refuses the request (`415 Unsupported "
            "Media Type`): the instance is not created. Reported for a JSON body (written out, `@file.json` or `@-`) "
            "sent to the platform (`cloud-elements.com`, `/elements/api-v2/`, `/instances`), when no header of the "
            "command may set the type (a header read from a file or a variable may), or when its `Content-Type` "
            "header names another type (`application/x-www-form-urlencoded`, `text/plain`), or when the only header "
            "near it misspells the name (`Contet-Type`, `Content_Type`: no server reads it as the type).\n\n**Fix:** add "
            "`-H 'Content-Type: application/json'` (or send the body with `--json`, curl 7.82 and later); the fix "
            "(safe) adds the header (`-ContentType 'application/json'` in PowerShell), or writes `application/json` "
            "for the other type, or spells the name `Content-Type`.",
    bad="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
        "  -H \"Authorization: User $CE_USER, Organization $CE_ORG\" -d @instance.json\n```\n",
    good="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
         "  -H \"Authorization: User $CE_USER, Organization $CE_ORG\" \\\n"
         "  -H 'Content-Type: application/json' -d @instance.json\n```\n",
)
VARIABLE_NOT_EXPANDED = Rule(
    code="CE028",
    name="curl-variable-in-single-quotes",
    severity="warning",
    summary="An environment variable inside a single-quoted curl body or header: the shell sends its name, not its "
            "value",
    description="Inside `'...'` the shell expands nothing: `-d '{\"username\": \"${CLOSEIO_API_KEY}\"}'` sends the text "
            "`${CLOSEIO_API_KEY}` to the platform, which stores it as the credential (a `.json` file holding the "
            "reference is different: a deployment substitutes it before sending); in a header (`-H 'Authorization: "
            "User $CE_USER, Organization $CE_ORG'`) the request carries the names, and the platform refuses them. "
            "Reported for `${NAME}` and `$NAME` written in capitals inside the single quotes of a curl body or header, "
            "or in a here-document with a quoted "
            "delimiter that curl reads (`--data @- <<'EOF'`); a poller macro (`${gmtDate:...}`) is meant "
            "for the platform and is not reported. In PowerShell, `$env:NAME` (`${env:NAME}`) inside a literal string "
            "(`@'...'@`, `'...'`) is reported alike, unless the script fills it in itself (`-replace`, "
            "`ExpandString`).\n\n**Fix:** close the quotes around the variable and quote it "
            "for the shell: `'{\"username\": \"'\"$CLOSEIO_API_KEY\"'\"}'`.",
    bad="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
        "  -H 'Content-Type: application/json' \\\n"
        "  -d '{\"element\": {\"key\": \"closeio\"}, \"configuration\": {\"username\": \"${CLOSEIO_API_KEY}\"}, "
        "\"name\": \"close\"}'\n```\n",
    good="```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
         "  -H 'Content-Type: application/json' \\\n"
         "  -d '{\"element\": {\"key\": \"closeio\"}, \"configuration\": {\"username\": \"'\"$CLOSEIO_API_KEY\"'\"}, "
         "\"name\": \"close\"}'\n```\n",
)
RULES: list[Rule] = [SHELL_EXPANSION, SHELL_QUOTE, DATA_URLENCODE, DATA_FILE_NAME, CONTINUATION_BLANK, JSON_AS_FORM,
                     VARIABLE_NOT_EXPANDED]

_SPACE = " \t"
_BREAK = "\r\n;|&()<>"
_NAME = LazyPattern(r"\$(?:\{[^}\n]*\}?|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-]|\(\(?[^)\n]*\)?\)?)")


@dataclass(slots=True)
class Word:
    """One shell word: its decoded text, where each character came from, and the shell's mistakes in it."""

    text: str = ""
    mapping: PositionMap | None = None
    start: int = 0
    problems: list[Problem] = field(default_factory=list)  # offsets into the shell text
    quote_lines: set[int] = field(default_factory=set)  # lines with a CE021 already (one a line)


@dataclass(frozen=True, slots=True)
class Body:
    """A curl body: the decoded text, its map to the shell text, and the shell's mistakes in it."""

    text: str
    mapping: PositionMap
    start: int
    problems: tuple[Problem, ...]
    literal: bool = False  # the page's own text, as the command reads it (a here-document with a quoted delimiter)


def curl_bodies(shell: str, *, transcript: bool = False) -> list[Body]:
    """The ``-d``/``--data`` bodies of every curl command in the shell text ``shell``, and the here-documents
    such a command reads (``-d @- <<'JSON'``); ``transcript``: ``shell`` is a terminal transcript as
    :func:`console_input` gives it, whose lines may start with the blanks of a prompt (a here-document's end too)."""
    bodies = []
    assigned: dict[str, Body] = {}  # `BODY='{...}'` before `curl -d "$BODY"`
    for text in (shell, *_substituted_commands(shell)):
        for command, body in _commands(text):
            assignment = _assignment(command) if len(command) <= 2 else None
            if assignment is not None:
                assigned[assignment[0]] = assignment[1]
            if body is not None:
                reference = _REFERENCE.fullmatch(body.text)
                if reference is not None:  # the body is a variable: the value it was given, if the block gives one
                    body = assigned.get(reference.group(1) or reference.group(2))
                if body is not None:
                    bodies.append(body)
    if "wget" in shell:
        bodies.extend(_wget_bodies(shell))
    if len(bodies) > 1:
        bodies.sort(key=lambda body: body.start)
    if "<<" in shell:
        bodies.extend(_heredoc_bodies(shell, transcript=transcript))
        bodies.sort(key=lambda body: body.start)
    return bodies


def command_problems(shell: str) -> list[Problem]:
    """Mistakes of the shell ``shell`` (a block's text, or a transcript as :func:`console_input` gives it) that
    are not in a body: a curl data option given a file's name without ``@`` (CE024), and blanks after a line's
    closing backslash (CE025).  Each :class:`Problem` may carry its fix, as edits of ``shell``."""
    problems = []
    for command, body in (pair for text in (shell, *_substituted_commands(shell)) for pair in _commands(text)):
        raw_file = (_raw_file(command) or _encoded_file(command)) if body is None else None
        if raw_file is not None:
            problems.append(raw_file)
            continue
        if body is not None and _FILE_NAME.fullmatch(body.text) and body.mapping.starts:
            at = body.mapping.starts[0]
            option = command[-2].text if len(command) > 1 and command[-2].text.startswith("-") else command[-1].text
            if option.startswith("--data-raw"):  # it never reads a file, `@` or not
                problems.append(Problem(
                    DATA_FILE_NAME.code, f"curl sends the text `{body.text}` as the body, not the file: "
                    "`--data-raw` never reads a file", at, body.mapping.ends[-1],
                    f"write `--data-binary @{body.text}`"))
                continue
            problems.append(Problem(
                DATA_FILE_NAME.code, f"curl sends the text `{body.text}` as the body, not the file: a file is read "
                f"only when its name follows @", at, body.mapping.ends[-1], f"write `@{body.text}`",
                fix=Fix(f"write `@{body.text}`", (Edit(at, at, "@"),), "safe")))
    problems.extend(_blanks_after_continuations(shell))
    problems.extend(_json_sent_as_form(shell))
    problems.extend(_unexpanded_headers(shell))
    problems.sort(key=lambda problem: problem.start)
    return problems


def _raw_file(command: list[Word]) -> Problem | None:
    """CE024 for `--data-raw @instance.json` in a curl command: `--data-raw` sends its `@` as written, never a file."""
    if len(command) < 3 or command[-2].text != "--data-raw" or not command[-1].text.startswith("@") \
            or not _FILE_NAME.fullmatch(command[-1].text[1:]) or not any(_is_curl(w.text) for w in command[:-2]):
        return None
    option, value = command[-2], command[-1]
    mapping = value.mapping
    start, end = (mapping.starts[0], mapping.ends[-1]) if mapping is not None and mapping.starts \
        else (value.start, value.start + len(value.text))
    return Problem(DATA_FILE_NAME.code, f"curl sends the text `{value.text}` as the body, not the file: `--data-raw` "
                   "never reads a file, `@` or not", start, end, f"write `--data-binary {value.text}`",
                   fix=Fix(f"write `--data-binary {value.text}`",
                           (Edit(option.start, option.start + len(option.text), "--data-binary"),), "safe"))


def _encoded_file(command: list[Word]) -> Problem | None:
    """CE023 for `--data-urlencode @instance.json` in a curl command: the file's JSON is sent percent-encoded too."""
    if len(command) < 3 or command[-2].text != "--data-urlencode" or not command[-1].text.startswith("@") \
            or not command[-1].text.lower().endswith(".json") or not any(_is_curl(w.text) for w in command[:-2]):
        return None
    option = command[-2]
    return Problem(DATA_URLENCODE.code, f"`--data-urlencode` sends the file `{command[-1].text[1:]}` percent-encoded "
                   "(`%7B%22...`): the platform receives no JSON", option.start, option.start + len(option.text),
                   help=f"`--data-binary {command[-1].text}` with `-H 'Content-Type: application/json'`, or "
                        f"`--json {command[-1].text}`")


CONTENT_TYPE_HEADER = "Content-Type: application/json"
# What a request to the platform's API is sent to: its host, its API's path, its instances endpoint
PLATFORM_ADDRESS = LazyPattern(r"(?i)cloud-elements\.|/elements/api-v2(?:/|$)|/instances(?:[/?#]|$)")
_HEADER_OPTIONS = frozenset({"-H", "--header"})
# Options after which the headers or the body are not what the command shows: a curl configuration file, a form
_UNKNOWN_OPTIONS = frozenset({"-K", "--config", "-F", "--form", "--form-string"})


def _whole_commands(shell: str) -> Iterator[list[Word]]:
    command: list[Word] = []
    for word in _words(shell):
        if word is not None:
            command.append(word)
        elif command:
            yield command
            command = []
    if command:
        yield command


# A curl command that a command substitution starts with: `ID=$(curl ... -d '{...}')`, `` ID=`curl ...` ``
_STARTS_CURL = LazyPattern(r"[ \t]*+(?:\\\r?\n[ \t]*+)?" + CURL_WORD + r"(?=\s)")


@lru_cache(maxsize=64)  # (asked for the bodies, for the command's mistakes and for CE027, of one block)
def _substituted_commands(shell: str) -> tuple[str, ...]:
    """``shell`` with only the insides of its command substitutions that start a curl command (outside comments and
    single quotes; in one nested in another too), the rest written as blanks (line ends kept) and each
    substitution's close as a command's end: offsets into it are offsets into ``shell``, and the words around a
    substitution do not join its command.  Empty when there is none."""
    if "curl" not in shell or ("$(" not in shell and "`" not in shell):
        return ()
    insides, ranges = [], [(0, len(shell), 0)]
    while ranges:  # (a stack, not recursion: substitutions may nest deep)
        start, end, depth = ranges.pop()
        for inner, close in _substitutions(shell, start, end):
            if _STARTS_CURL.match(shell, inner):
                insides.append((inner, close))
            elif depth < _DEEPEST_SUBSTITUTION:  # (each level reads the text to its close: a bound keeps it linear)
                ranges.append((inner, close, depth + 1))  # `$(echo $(curl ...))`: the curl is in the one inside it
    if not insides:
        return ()
    pieces, kept = [], 0
    for inner, close in sorted(insides):
        if inner < kept:
            continue
        pieces += [_BLANKED.sub(" ", shell[kept:inner]), shell[inner:close], ";" if close < len(shell) else ""]
        kept = close + 1
    return ("".join(pieces) + _BLANKED.sub(" ", shell[kept:]),)


_BLANKED = LazyPattern(r"[^\r\n]")
_DEEPEST_SUBSTITUTION = 16  # substitutions nested deeper hold no curl command read


def _substitutions(shell: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(inside's start, close)`` of each command substitution in ``shell[start:end]`` (not those nested in it), as
    the shell reads them: not in a comment nor in single quotes (inside double quotes, a substitution is run)."""
    index, double = start, False
    while index < end:
        char = shell[index]
        if char == "\\":
            index += 2
        elif char == '"':
            double, index = not double, index + 1
        elif char == "'" and not double:
            close = shell.find("'", index + 1, end)
            index = end if close == -1 else close + 1
        elif char == "#" and not double and (index == start or shell[index - 1] in " \t\r\n;|&("):
            line_end = shell.find("\n", index, end)
            index = end if line_end == -1 else line_end
        elif char == "`" or char == "$" and shell.startswith("(", index + 1) and not shell.startswith("((", index + 1):
            inner = index + (1 if char == "`" else 2)
            close = min(_substitution_end(shell, inner, backtick=char == "`"), end)
            yield inner, close
            index = close + 1
        else:
            index += 1


def _substitution_end(shell: str, start: int, *, backtick: bool) -> int:
    """Where the substitution whose inside starts at ``start`` closes (its ``)`` or backtick), quotes and nested
    parentheses skipped; the text's end when it never closes."""
    depth, index, size = 1, start, len(shell)
    while index < size:
        char = shell[index]
        if char == "\\":
            index += 2
            continue
        if char == "'":
            close = shell.find("'", index + 1)
            index = size if close == -1 else close + 1
            continue
        if char == '"':
            index += 1
            while index < size and shell[index] != '"':
                index += 2 if shell[index] == "\\" else 1
            index += 1
            continue
        if backtick:
            if char == "`":
                return index
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return size


def _json_sent_as_form(shell: str) -> Iterator[Problem]:
    """CE027 for each curl command sending a JSON body to the platform with no header that sets its type."""
    for command in (command for text in (shell, *_substituted_commands(shell)) for command in _whole_commands(text)):
        at = next((i for i, word in enumerate(command) if _is_curl(word.text)), None)
        if at is None or command[at].mapping is None:
            continue
        read = _read_curl(command[at + 1:])
        if read is None:
            continue
        data, option_at, option, headers = read
        written = [word.text[skip:] for word, skip in headers]
        if any(header.startswith(("@", "$")) for header in written):
            continue
        typed = [(word, skip) for word, skip in headers if word.text[skip:].lower().startswith("content-type")]
        if typed:
            yield from _other_type(*typed[-1])
            continue
        misspelt = [(word, skip, span) for word, skip in headers if word.mapping is not None
                    and (span := misspelt_content_type(word.text[skip:])) is not None]
        if misspelt:
            word, skip, (start, end) = misspelt[-1]
            assert word.mapping is not None
            yield misspelt_type_problem(word.text[skip + start:skip + end], word.mapping.starts[skip + start],
                                        word.mapping.ends[skip + end - 1])
            continue
        curl = command[at]
        assert curl.mapping is not None
        end = curl.mapping.ends[-1]
        mapping = data.mapping
        if mapping is None or not mapping.starts:
            continue
        option_start = mapping.starts[option_at]
        option_end = mapping.ends[min(option_at + len(option), len(mapping.ends)) - 1] if option_at == 0 \
            else mapping.ends[option_at]
        yield Problem(JSON_AS_FORM.code, f"curl sends this JSON body as a form (`{option}` without a `Content-Type` "
                      "header sends `application/x-www-form-urlencoded`): the platform's API reads JSON and refuses "
                      "the request", option_start, option_end, f"add `-H '{CONTENT_TYPE_HEADER}'`",
                      fix=Fix(f"add `-H '{CONTENT_TYPE_HEADER}'`", (Edit(end, end, f" -H '{CONTENT_TYPE_HEADER}'"),),
                              "safe"))


def _unexpanded_headers(shell: str) -> Iterator[Problem]:
    """CE028 for each environment variable inside a single-quoted header of a curl command (`-H 'Authorization: User
    $CE_USER, ...'`): the request carries the variable's name, and the platform refuses such credentials."""
    for command in (command for text in (shell, *_substituted_commands(shell)) for command in _whole_commands(text)):
        if not any(_is_curl(word.text) for word in command):
            continue
        for index, word in enumerate(command):
            header = command[index + 1] if word.text in _HEADER_OPTIONS and index + 1 < len(command) \
                else word if word.text[:2] == "-H" and len(word.text) > 2 else None
            for problem in header.problems if header is not None else ():
                if problem.rule == VARIABLE_NOT_EXPANDED.code:
                    yield Problem(problem.rule, f"the shell does not expand {shell[problem.start:problem.end]} inside "
                                  "'...': curl sends the variable's name in the header, not its value, so the request "
                                  "does not carry the credential meant", problem.start, problem.end, problem.help)


def _other_type(word: Word, skip: int) -> Iterator[Problem]:
    """CE027 when the `Content-Type` header in ``word`` (from its character ``skip``) names a type that is not JSON's."""
    span = other_media_type(word.text[skip:])
    if span is None or word.mapping is None:
        return
    start, end = skip + span[0], skip + span[1]
    yield other_type_problem(word.text[start:end], word.mapping.starts[start], word.mapping.ends[end - 1])


_MEDIA_VALUE = LazyPattern(r"[ \t]*([^;,\s]+)")
_MEDIA_TYPE = LazyPattern(r"[a-z]+/[\w.+\-]+", re.I)


def other_media_type(header: str) -> tuple[int, int] | None:
    """The span in ``header`` (`Content-Type: ...`, a curl word or an HTTP line) of the media type it names, when that
    is written as one (not a variable or a placeholder) and is not JSON's (`application/vnd.api+json` is)."""
    colon = header.find(":")
    value = _MEDIA_VALUE.match(header, colon + 1) if colon != -1 else None
    if value is None or "json" in value.group(1).lower() or not _MEDIA_TYPE.fullmatch(value.group(1)):
        return None
    return value.span(1)


_HEADER_NAME = LazyPattern(r"[ \t]*([\w-]{10,14})[ \t]*:")


def misspelt_content_type(header: str) -> tuple[int, int] | None:
    """The span in ``header`` (a curl word or an HTTP line) of its name when that is `Content-Type` misspelt by one
    letter (`Contet-Type`, `Content-Tpye`, `Content_Type`): a header no server reads as the body's type."""
    from ..vocabulary.spelling import one_edit_away

    name = _HEADER_NAME.match(header)
    if name is None:
        return None
    word = name.group(1).lower()
    if word == "content-type" or not (one_edit_away(word, "content-type") or word == "content_type"):
        return None
    return name.span(1)


def misspelt_type_problem(name: str, start: int, end: int) -> Problem:
    """CE027 for a JSON body whose only type header is ``name``, `Content-Type` misspelt, written at ``[start, end)``."""
    return Problem(JSON_AS_FORM.code, f"`{name}` is not `Content-Type`: the request names no type for its JSON body, "
                   "and the platform's API reads JSON and refuses it", start, end,
                   "write `Content-Type`", fix=Fix("write `Content-Type`", (Edit(start, end, "Content-Type"),), "safe"))


def other_type_problem(media: str, start: int, end: int) -> Problem:
    """CE027 for a JSON body whose `Content-Type` names ``media``, written at ``[start, end)``."""
    return Problem(JSON_AS_FORM.code, f"the body is JSON, but the header says `Content-Type: {media}`: the platform's "
                   "API reads JSON and refuses the request", start, end, "write `application/json`",
                   fix=Fix("write `application/json`", (Edit(start, end, "application/json"),), "safe"))


# curl's short options that take an argument (the rest of their cluster, or the next word: `-sH 'X: y'`), and its
# long ones (the next word, or after `=`); other options are flags
_SHORT_WITH_ARGUMENT = frozenset("AbcCdDeEFHKmoPQrTuUwxXyYz")
_LONG_WITH_ARGUMENT = frozenset({"--url", "--user", "--request", "--output", "--config", "--form", "--form-string",
                                 "--cookie", "--cookie-jar", "--user-agent", "--referer", "--max-time",
                                 "--connect-timeout", "--retry", "--cacert", "--cert", "--key", "--proxy", "--write-out",
                                 "--data-urlencode", "--upload-file", "--oauth2-bearer", "--resolve", "--header",
                                 *DATA_OPTIONS})


def _read_curl(arguments: list[Word]) -> tuple[Word, int, str, list[tuple[Word, int]]] | None:
    """A curl command's JSON body option (its word, where the option starts in it, the option) and headers (each
    header's word and where the header starts in its text), when it sends a JSON body to the platform and nothing
    in it may set the type unseen; else None."""
    data: tuple[Word, int, str] | None = None
    headers: list[tuple[Word, int]] = []
    addresses: list[str] = []
    index = 0
    while index < len(arguments):
        word, following = arguments[index], arguments[index + 1] if index + 1 < len(arguments) else None
        text = word.text
        taken: list[tuple[str, Word | None, str | None, int, int]] = []  # (option, value word, value, skip, at)
        if text.startswith("--"):
            name, equals, inline = text.partition("=")
            if name in _LONG_WITH_ARGUMENT:
                taken.append((name, word, inline, len(name) + 1, 0) if equals else
                             (name, following, following.text if following else None, 0, 0))
            else:
                taken.append((name, None, None, 0, 0))
            index += 1 if equals or name not in _LONG_WITH_ARGUMENT else 2
        elif text.startswith("-") and text[1:2].isalpha():  # a cluster of short options
            step = 1
            for at, letter in enumerate(text[1:], start=1):
                if letter in _SHORT_WITH_ARGUMENT:
                    rest = text[at + 1:]
                    taken.append((f"-{letter}", word, rest, at + 1, at) if rest else
                                 (f"-{letter}", following, following.text if following else None, 0, at))
                    step = 1 if rest else 2
                    break
                taken.append((f"-{letter}", None, None, 0, at))
            index += step
        else:
            if text.startswith("$") and not PLATFORM_ADDRESS.search(text):
                return None  # `$CURL_OPTS`, `"${HEADERS[@]}"`: options the page does not show
            addresses.append(text)
            index += 1
            continue
        for option, value_word, value, skip, at in taken:
            if option in ("--json", "-K", "--config", "-F", "--form", "--form-string"):
                return None  # the type set by `--json`, or options read from a file; a form
            if option in ("-H", "--header") and value_word is not None:
                headers.append((value_word, skip))
            elif option in ("-d", *DATA_OPTIONS) and value is not None and data is None:
                if not _json_data(value):
                    return None
                data = (word, at - 1 if at == 1 else at, option)  # (`-d`, or the `d` of `-sd`)
            elif option == "--url" and value is not None:
                addresses.append(value)
    if data is None or not any(PLATFORM_ADDRESS.search(address) for address in addresses):
        return None
    return data[0], data[1], data[2], headers


def _json_data(value: str) -> bool:
    """Whether a data option's value is a JSON body: written out, or read from a `.json` file or standard input."""
    return value.lstrip()[:1] in ("{", "[") or value == "@-" or (value.startswith("@") and value.endswith(".json"))


# A body's file named without `@`: a path ending in `.json` (not a form field, `name=value`, nor a variable)
_FILE_NAME = LazyPattern(r"[\w.~/\\ -]*\w\.(?:json|json5|jsonc)")
_LINE = LazyPattern(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# a line that goes on with a command: an option (`  -H ...`), a quoted argument, an address, a variable
_CONTINUED = LazyPattern(r"[ \t]*(?:-|'|\"|https?://|\$)")
# a line that ends a command continued onto it: empty, or a comment (bash joins the backslash's line break, then
# ends the command at this line's own)
_BROKEN_LINE = LazyPattern(r"[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)")
# a backslash escaping a blank, then a comment (`-H '...' \ # auth`): the line break is not escaped
_COMMENT_AFTER_BACKSLASH = LazyPattern(r"\\[ \t]+#[^\r\n]*$")


def _blanks_after_continuations(shell: str) -> Iterator[Problem]:
    """CE025 for each line that ends with a backslash and blanks (or a blank and a comment), outside quotes, and for
    the empty or comment lines right after a line's closing backslash, before a line that goes on with the command
    (an option, or a quoted argument)."""
    quote = ""
    heredoc: str | None = None  # the delimiter of the here-document being read: its lines are text, not commands
    pending: str | None = None  # a here-document opened on a command's line, read once the command ends
    lines = [m for m in _LINE.finditer(shell) if m.end() > m.start()]
    for index, match in enumerate(lines):
        content = match.group().rstrip("\r\n")
        if heredoc is not None:
            if content.strip(" \t") == heredoc:
                heredoc = None
            continue
        trimmed = content.rstrip(" \t")
        commented = _COMMENT_AFTER_BACKSLASH.search(trimmed) if not quote else None
        if commented is not None and _open_at_end(trimmed[:commented.start() + 1], quote) == ("", True):
            trimmed = trimmed[:commented.start() + 1]  # (`-H '...' \ # auth`: the backslash escapes the blank)
        after, continued = _open_at_end(trimmed, quote)
        following = index + 1
        while continued and following < len(lines) and _BROKEN_LINE.fullmatch(lines[following].group()):
            following += 1  # (asked only after a closing backslash: a run of empty lines is walked once)
        goes_on = following < len(lines) and _CONTINUED.match(lines[following].group()) is not None
        if (not quote and not after and continued and len(trimmed) < len(content) and goes_on):
            start, end = match.start() + len(trimmed), match.start() + len(content)
            what = "the blanks" if commented is None else "the blank and the comment"
            blanks_removed = Fix(f"remove {what} after the backslash", (Edit(start, end, ""),), "safe")
            yield Problem(CONTINUATION_BLANK.code, f"{'a blank' if commented is None else 'a blank and a comment'} "
                          "after the line's closing `\\`: the backslash escapes the blank, not the line break, so "
                          "the command ends here and the next line runs as a command of its own (curl sends the "
                          "request without it)", start - 1, end, f"remove {what} after the backslash"
                          + ("" if commented is None else " (a comment goes above the command)"), fix=blanks_removed)
            after = ""
        elif not quote and not after and continued and goes_on and following > index + 1:
            start, end = lines[index + 1].start(), lines[following - 1].end()
            comment = shell.find("#", start, end)
            what = "a comment line" if comment >= 0 else "an empty line"
            shown = (comment, _line_end(shell, comment)) if comment >= 0 else (match.start() + len(trimmed) - 1,
                                                                                 match.start() + len(trimmed))
            yield Problem(CONTINUATION_BLANK.code, f"{what} after the line's closing `\\`: the backslash joins it to "
                          "the command, whose line then ends there, and the next line runs as a command of its own "
                          "(curl sends the request without it)", *shown,
                          f"remove {what.replace('a', 'the', 1) if comment >= 0 else 'the empty line'} (a comment "
                          "goes above the command)", fix=Fix("remove the line", (Edit(start, end, ""),), "safe"))
        opened = _heredoc_opened(content, quote) if "<<" in content else None
        if opened is not None:
            pending = opened
        if pending is not None and not after and not continued:
            heredoc, pending = pending, None
        quote = after


# A terminal transcript: each command follows a prompt (`$ `, `user@host:~$ `); a line that continues it (an
# open quote, a trailing backslash, a here-document) may start with the shell's `> ` prompt; other lines are output.
# (Not `%`: `100% done` and curl's own progress meter start so.)
_PROMPT = LazyPattern(r"[ \t]*(?:[\w.\-]+@[\w.\-]+:[\w.~/\-]*)?\$[ \t]+(?=\S)")
_CONTINUATION_PROMPT = LazyPattern(r"[ \t]*>(?:[ \t]|\r?$)")  # (`\r?`: a page saved with CRLF line ends)


def console_input(shell: str) -> str | None:
    """``shell`` with what a terminal transcript adds to the commands blanked out: the prompts (``$ ``, the ``> `` of
    a continued line) and the commands' output.  Blanks keep every offset.  ``None`` for a block without prompts
    (a script)."""
    lines = shell.splitlines(keepends=True)
    if not any(_PROMPT.match(line) for line in lines):
        return None
    out: list[str] = []
    quote = ""  # the quote the command leaves open at the end of a line ("" when none)
    continued = False
    heredoc: str | None = None
    for line in lines:
        text = line.rstrip("\r\n")
        ending = line[len(text):]
        if continued or heredoc is not None:
            marker = _CONTINUATION_PROMPT.match(text)
        else:
            marker = _PROMPT.match(text)
            if marker is None:  # output
                out.append(" " * len(text) + ending)
                continue
        cut = marker.end() if marker else 0
        command = text[cut:]
        out.append(" " * cut + command + ending)
        if heredoc is not None:
            if command.strip("\t ") == heredoc:
                heredoc = None
            continue
        trimmed = command.rstrip(" \t")  # (a blank after the closing `\` still continues it as meant: CE025 says so)
        quote, continued = _open_at_end(trimmed if trimmed.endswith("\\") else command, quote)
        opened = _HEREDOC.search(command) if not quote else None
        if opened is not None and not continued:
            heredoc = opened.group(2) or opened.group(3) or opened.group(4)
    return "".join(out)


# A command printing a JSON file in a transcript (`$ cat instance.json`, `$ jq . body.json`): its output is the file.
_PRINTS_A_FILE = LazyPattern(r"(?:cat|jq[ \t]+(?:-\w+[ \t]+)*'?\.'?|type|Get-Content|gc)[ \t]+[\w.~/\\\-]+\.json5?c?[ \t]*")


# Where a transcript's output ends besides a command: an empty prompt (`$`, `me@box:~$`, zsh's `%`), or a prompt of
# PowerShell or cmd.exe (`PS C:\ce> Get-Content instance.json`, `C:\ce> type instance.json`)
_OTHER_PROMPT = LazyPattern(r"[ \t]*(?:(?:[\w.\-]+@[\w.\-]+:[\w.~/\-]*)?[$%#][ \t]*\r?$|(?:PS )?[A-Za-z]:\\[^>\r\n]*>[ \t]*)")


def printed_files(shell: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each output of a transcript's command that prints a JSON file (``$ cat instance.json``), up to
    the next prompt: the file, shown."""
    spans: list[tuple[int, int]] = []
    at = 0
    start: int | None = None
    for line in shell.splitlines(keepends=True):
        prompt = _PROMPT.match(line) or _OTHER_PROMPT.match(line)
        if prompt is not None:
            if start is not None:
                spans.append((start, at))
            start = at + len(line) if _PRINTS_A_FILE.fullmatch(line.rstrip("\r\n"), prompt.end()) else None
        at += len(line)
    if start is not None:
        spans.append((start, at))
    return [(s, e) for s, e in spans if shell[s:e].strip()]


def _heredoc_opened(line: str, quote: str) -> str | None:
    """The delimiter of the here-document ``line`` opens (``quote`` open before it), if any: not a `<<` in quotes or
    a comment, nor a here-string's `<<<`."""
    for match in itertools.islice(_HEREDOC.finditer(line), 16):  # (each is asked from the line's start: bounded)
        prefix = line[:match.start()]
        # (a quote written after the prefix opens one only where the shell reads words: not quoted, not a comment)
        if not prefix.endswith("<") and _open_at_end(prefix + "'", quote)[0] == "'":
            return match.group(2) or match.group(3) or match.group(4)
    return None


def _open_at_end(line: str, quote: str) -> tuple[str, bool]:
    """The quote still open after ``line`` (given the one open before it), and whether the command goes on to
    the next line (an open quote or a trailing backslash)."""
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if quote == "'":
            if c == "'":
                quote = ""
        elif quote == '"':
            if c == "\\":
                i += 1
            elif c == '"':
                quote = ""
        elif c == "\\":
            if i + 1 == n:
                return "", True
            i += 1
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            break  # a comment
        i += 1
    return quote, bool(quote)


# `<<JSON`, `<<'JSON'`, `<< "EOF"`, `<<-EOF` (leading tabs stripped from the body and the end line)
_HEREDOC = LazyPattern(r"<<(-?)[ \t]*(?:'([^'\n]+)'|\"([^\"\n]+)\"|\\?([A-Za-z_][A-Za-z0-9_]*))")
# curl reading its body from standard input
_DATA_FROM_STDIN = LazyPattern(r"(?:^|\s)(?:-d|--data(?:-raw|-binary|-ascii)?|--json)(?:[ \t]+|=)?@-(?=\s|$)")
# curl given a here-document's text through a command substitution: `-d "$(cat <<'JSON'`
_DATA_FROM_CAT = LazyPattern(r"(?:^|\s)(?:-d|--data(?:-raw|-binary|-ascii)?|--json)(?:[ \t]+|=)?\"?\$\([ \t]*cat[ \t]*$")
_CURL = LazyPattern(r"(?:^|[\s;|&(])" + CURL_WORD + r"(?=\s)")
# HTTPie (`http POST ...`, `https`, `xh`), which sends what its standard input holds as the body
_HTTPIE_SENDING = LazyPattern(r"(?:^|[\s;|&(])" + HTTPIE_COMMAND + r"(?:POST|PUT|PATCH)\b")
# a here-document kept in a variable (`BODY=$(cat <<'EOF'`), which a later `curl -d "$BODY"` sends
_VARIABLE_FROM_CAT = LazyPattern(r"(?:^|[\s;|&(])(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=[\"']?\$\([ \t]*cat[ \t]*$")
# A here-document written to a JSON file (`cat > body.json <<'EOF'`, `cat <<EOF > body.json`, `tee body.json <<EOF`),
# which a later `curl -d @body.json` sends
_TO_JSON_FILE = LazyPattern(r"(?:^|[\s;|&(])(?:cat\b[^\r\n>]{0,200}+>>?|tee(?:[ \t]+-a)?)[ \t]*['\"]?[\w./~${}-]*\.json['\"]?"
                           r"(?=[\s;|&)]|$)", re.M)


def _sent_from_variable(shell: str, opening: str, after: int) -> bool:
    """Whether ``opening`` keeps a here-document in a variable (`BODY=$(cat <<'EOF'`) that a later curl command sends
    as its data (`-d "$BODY"`, `--data-raw "${BODY}"`)."""
    kept = _VARIABLE_FROM_CAT.search(opening)
    if kept is None:
        return False
    name = re.escape(kept.group(1))
    return re.search(r"(?:^|\s)(?:-d|--data(?:-raw|-binary|-ascii)?|--json)(?:[ \t]+|=)[\"']?\$(?:" + name + r"\b|\{"
                     + name + r"\})", shell[after:]) is not None


def _heredoc_bodies(shell: str, *, transcript: bool = False) -> Iterator[Body]:
    """The here-documents that a curl command reads as its body (``curl -d @- <<'JSON'``), or that are written to a
    JSON file (``cat > body.json <<'EOF'``, sent by a later ``-d @body.json``): literal when the delimiter is quoted;
    with a bare delimiter the shell expands each ``$`` in it (CE020)."""
    resume = 0  # where the last here-document's text ends: a `<<` inside it is text, not another one
    for match in _HEREDOC.finditer(shell):
        if match.start() < resume:
            continue
        line_end = shell.find("\n", match.end())
        if line_end < 0:
            continue
        body_start = line_end + 1
        delimiter = match.group(2) or match.group(3) or match.group(4)
        strip_tabs = match.group(1) == "-"
        start = _logical_line_start(shell, match.start())
        # (a block indented one blank too deep in a list item shifts every line, the end line's too)
        opening = shell[start:match.start()]
        lead = re.escape(opening[:len(opening) - len(opening.lstrip(" "))])
        indent = r"[ \t]*" if transcript else (f"(?:{lead})?" if lead else "") + (r"\t*" if strip_tabs else "")
        end = re.compile(r"^" + indent + re.escape(delimiter) + r"[ \t]*\r?$", re.M)
        closing = end.search(shell, body_start)
        curl = _CURL.search(opening) and (_DATA_FROM_STDIN.search(opening) or _DATA_FROM_CAT.search(opening)) \
            or _TO_JSON_FILE.search(shell, start, line_end) \
            or _HTTPIE_SENDING.search(opening) or _sent_from_variable(shell, opening, line_end)
        # (a body written to a file first, `cat > body.json <<EOF`; sent by HTTPie, `http POST ... <<'JSON'`)
        if closing is not None or curl:  # (an unclosed one of another command may be a `<<` quoted in its text)
            resume = closing.end() if closing is not None else len(shell)
        if not curl:
            continue
        body_end = closing.start() if closing else len(shell)
        text = shell[body_start:body_end]
        if text.endswith("\n"):
            text = text[:-2] if text.endswith("\r\n") else text[:-1]
        builder = TextBuilder()
        problems: list[Problem] = []
        if match.group(4) is not None and "\\" not in shell[match.start():match.end()]:  # a bare delimiter
            _expanded_heredoc(shell, body_start, body_start + len(text), builder, problems, delimiter)
        else:
            builder.copy(text, body_start)
            if _CURL.search(opening) or _HTTPIE_SENDING.search(opening):  # read by the command itself, not written to
                # a file (which a deployment may fill in: `envsubst < body.json`)
                problems.extend(_unexpanded(shell, body_start, body_start + len(text), heredoc=match.group()))
        decoded, mapping = builder.build(end=body_start + len(text))
        yield Body(text=decoded, mapping=mapping, start=body_start, problems=tuple(problems),
                   literal=decoded == text and (match.group(4) is None or "\\" in shell[match.start():match.end()]))


def _expanded_heredoc(shell: str, start: int, end: int, builder: TextBuilder, problems: list[Problem],
                      delimiter: str) -> None:
    """A here-document with a bare delimiter, as the shell reads it: ``\\$``, ``\\``` and ``\\\\`` are the
    character, a backslash before a line break joins the lines, and each other ``$`` is expanded (CE020)."""
    i = start
    while i < end:
        c = shell[i]
        if c == "\\" and i + 1 < end and shell[i + 1] in "$`\\":
            builder.stand_for(shell[i + 1], i, i + 2)
            i += 2
            continue
        if c == "\\" and (joined := _continuation(shell, i)):
            i += joined
            continue
        name = _NAME.match(shell, i) if c == "$" and MACRO_EXPANSION.match(shell, i) else None
        if name is not None and name.end() <= end:
            problems.append(Problem(
                SHELL_EXPANSION.code, f"the shell expands {name.group()} in this here-document (its delimiter is not "
                "quoted): curl sends what the shell makes of it (usually nothing), not the macro",
                name.start(), name.end(), f"quote the delimiter: <<'{delimiter}'"))
            builder.copy(name.group(), i)
            i = name.end()
            continue
        builder.copy(c, i)
        i += 1


def _logical_line_start(shell: str, at: int) -> int:
    """Where the command line holding ``at`` starts: lines ended by a backslash continue it."""
    start = shell.rfind("\n", 0, at) + 1
    while start > 1:
        previous_end = start - 1  # the newline ending the line before
        before = shell[:previous_end].rstrip("\r")
        if not before.endswith("\\"):
            break
        start = shell.rfind("\n", 0, previous_end) + 1
    return start


_REFERENCE = LazyPattern(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_ASSIGNED = LazyPattern(r"([A-Za-z_][A-Za-z0-9_]*)=")


def _assignment(command: list[Word]) -> tuple[str, Body] | None:
    """``(name, value)`` when ``command`` assigns a JSON text written out to a variable (``BODY='{...}'``,
    ``export BODY=...``)."""
    words = command[1:] if command[0].text in ("export", "local", "declare", "readonly") else command
    if len(words) != 1:
        return None
    word = words[0]
    name = _ASSIGNED.match(word.text)
    if name is None or word.mapping is None:
        return None
    if word.text[name.end():].lstrip()[:1] not in ("{", "["):
        return None  # not a body written out (`BODY=$(jq ...)`, a file's name)
    return name.group(1), _tail(word, name.end())


def _commands(shell: str) -> Iterator[tuple[list[Word], Body | None]]:
    """Each word's command so far (its words to this one), and the body when this word is a data option's value in a
    curl command (whether the command is curl's is kept as it goes: a command of many words is read once)."""
    command: list[Word] = []
    curl = False
    for word in _words(shell):
        if word is None:  # end of a command
            command, curl = [], False
            continue
        command.append(word)
        yield command, _body_of(command) if curl else None
        curl = curl or _is_curl(word.text)


_WGET_WORD = LazyPattern(r"(?:[\w.:/-]*/)?wget2?(?:\.exe)?", re.IGNORECASE)
_WGET_DATA_OPTIONS = ("--body-data", "--post-data")


def _wget_bodies(shell: str) -> Iterator[Body]:
    """The bodies of wget commands (`--body-data='{...}'`, `--post-data '{...}'`)."""
    command: list[Word] = []
    wget = False
    for word in _words(shell):
        if word is None:
            command, wget = [], False
            continue
        command.append(word)
        if wget and word.mapping is not None:
            previous = command[-2].text if len(command) > 1 else ""
            option = next((name for name in _WGET_DATA_OPTIONS if word.text.startswith(name + "=")), None)
            if option is not None:
                yield _tail(word, len(option) + 1)
            elif previous in _WGET_DATA_OPTIONS and not word.text.startswith("-"):
                yield _tail(word, 0)
        wget = wget or _WGET_WORD.fullmatch(word.text) is not None


def _body_of(command: list[Word]) -> Body | None:
    """The body, when the last word of the curl command ``command`` is a data option's value."""
    last = command[-1]
    previous = command[-2].text if len(command) > 1 else ""
    skip = 0
    if previous == "--data-urlencode" and last.text[:1] in ("{", "["):  # a JSON body sent percent-encoded
        option = command[-2]
        body = _tail(last, 0)
        return Body(text=body.text, mapping=body.mapping, start=body.start, problems=body.problems + (Problem(
            DATA_URLENCODE.code, "`--data-urlencode` sends this body percent-encoded (`%7B%22...`): the platform "
            "receives no JSON", option.start, option.start + len(previous),
            help="`-d` with `-H 'Content-Type: application/json'`, or `--json`"),))
    if previous in DATA_OPTIONS and last.text not in DATA_OPTIONS:
        skip = 0
    elif last.text.startswith("-d") and len(last.text) > 2 and not last.text.startswith("--"):
        skip = 2
    elif "=" in last.text and last.text.split("=", 1)[0] in DATA_OPTIONS - {"-d"}:
        skip = last.text.index("=") + 1
    else:
        return None
    if last.text[skip:].startswith(("@", "$(")) or last.mapping is None:
        return None  # a file, or a command's output (`"$(cat <<'JSON' ...)"`: the here-document is read as a body)
    return _tail(last, skip)


def _tail(word: Word, skip: int) -> Body:
    """``word`` from its character ``skip`` on, as a body (its map and the shell's mistakes in it kept)."""
    assert word.mapping is not None
    mapping = PositionMap(starts=word.mapping.starts[skip:], ends=word.mapping.ends[skip:])
    return Body(text=word.text[skip:], mapping=mapping, start=word.start, problems=tuple(word.problems))


def _words(shell: str) -> Iterator[Word | None]:
    """Shell words, with ``None`` between commands; comments and line continuations removed."""
    i, n = 0, len(shell)
    while i < n:
        c = shell[i]
        if c in _SPACE:
            i += 1
            continue
        if c == "\\" and (joined := _continuation(shell, i, blanks=True)):
            i += joined
            continue
        if c in _BREAK:
            yield None
            i += 1
            continue
        if c == "#":
            while i < n and shell[i] not in "\r\n":
                i += 1
            continue
        word, i = _word(shell, i)
        yield word
    yield None


def _word(shell: str, i: int) -> tuple[Word, int]:
    builder = TextBuilder()
    word = Word(start=i)
    n = len(shell)
    while i < n:
        c = shell[i]
        if c in _SPACE or c in _BREAK:
            break
        if c == "\\":
            if joined := _continuation(shell, i, blanks=True):
                i += joined
                continue
            if i + 1 < n:
                builder.stand_for(shell[i + 1], i, i + 2)
            i += 2
            continue
        if c == "'":
            close = _single(shell, i + 1, builder)
            if close < 0:
                word.problems.append(_unclosed(i, "'"))
                i = n
                break
            if "$" in shell[i + 1:close]:
                word.problems.extend(_unexpanded(shell, i + 1, close))
            i = close + 1
            follows = shell[i] if i < n else " "
            # `'..."'"$KEY"'"...'`, `'...'$KEY'...'`: a variable spliced in on purpose, not a quote the shell drops
            spliced = follows == '"' or (follows == "$" and not MACRO_EXPANSION.match(shell, i))
            if follows not in _SPACE and follows not in _BREAK and not spliced:
                i = _dropped_quote(shell, close, builder, word)
            continue
        if c == '"':
            i = _double(shell, i, builder, word)
            continue
        if c == "$" and shell.startswith("'", i + 1):
            i = _ansi_c(shell, i, builder, word)
            continue
        after = _dollar(shell, i, builder, word, quoted=False) if c == "$" else None
        if c == "`" and _value_goes_here(builder):
            after = _substituted_value(shell, i, builder)
        if after is not None:
            i = after
            continue
        builder.copy(c, i)
        i += 1
    word.text, word.mapping = builder.build(end=i)
    return word, i


_ANSI_C_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b",
                   "f": "\f", "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}
_ANSI_C_NUMBER = LazyPattern(r"x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}")


def _ansi_c(shell: str, i: int, builder: TextBuilder, word: Word) -> int:
    """A ``$'...'`` section at ``i`` (bash's ANSI-C quoting): ``\\'`` is a quote, ``\\n`` a line break, and
    nothing is expanded; where the word goes on."""
    j, n = i + 2, len(shell)
    while j < n:
        c = shell[j]
        if c == "'":
            return j + 1
        if c == "\\" and j + 1 < n:
            number = _ANSI_C_NUMBER.match(shell, j + 1)
            if number is not None:
                digits = number.group()
                code = int(digits, 8) if digits[0] in "01234567" else int(digits[1:], 16)
                builder.stand_for(chr(code) if code <= 0x10FFFF else "\ufffd", j, number.end())
                j = number.end()
                continue
            escaped = shell[j + 1]
            builder.stand_for(_ANSI_C_ESCAPES.get(escaped, "\\" + escaped), j, j + 2)
            j += 2
            continue
        builder.copy(c, j)
        j += 1
    word.problems.append(_unclosed(i + 1, "'"))
    return n


# An environment variable as deployments name them (`${CLOSEIO_API_KEY}`, `$CE_USER_SECRET`), not a poller macro
_ENVIRONMENT_VARIABLE = LazyPattern(r"\$\{(?P<braced>[A-Z][A-Z0-9_]*)\}|\$(?P<bare>[A-Z][A-Z0-9_]+)(?![A-Za-z0-9_])")


def _unexpanded(shell: str, start: int, end: int, *, heredoc: str = "") -> Iterator[Problem]:
    """CE028 for each environment variable inside the single-quoted section ``[start, end)`` (or a here-document whose
    delimiter is quoted, ``heredoc`` its opening: `<<'EOF'`): the shell sends its name, not its value."""
    for match in _ENVIRONMENT_VARIABLE.finditer(shell, start, end):
        name = match.group("braced") or match.group("bare")
        spliced = f"'\"${name}\"'"
        where = f"in a here-document whose delimiter is quoted (`{heredoc}`)" if heredoc else "inside '...'"
        yield Problem(VARIABLE_NOT_EXPANDED.code, f"the shell does not expand {match.group()} {where}: the command sends "
                      "the variable's name, not its value, and the platform stores that text", match.start(), match.end(),
                      QUOTED_HEREDOC_HELP if heredoc else f"close the quotes around it: {spliced}")


QUOTED_HEREDOC_HELP = "write the delimiter bare (`<<EOF`) and each poller macro's `$` as `\\$`"


def _single(shell: str, j: int, builder: TextBuilder) -> int:
    """Copy a '...' section whose content starts at ``j``; the offset of its closing quote, or -1.

    ``'\\''`` and ``'"'"'`` (close, a quote, reopen) are one ``'`` standing for all of their characters.
    """
    while True:
        close = shell.find("'", j)
        if close < 0:
            builder.copy(shell[j:], j)
            return -1
        builder.copy(shell[j:close], j)
        idiom = next((len(form) for form in ("'\\''", "'\"'\"'") if shell.startswith(form, close)), 0)
        if not idiom:
            return close
        builder.stand_for("'", close, close + idiom)
        j = close + idiom


def _expansion_end(shell: str, start: int, end: int) -> int:
    """The offset after the ``}`` that closes a ``${`` whose inside starts at ``start`` (a ``}`` inside quotes
    closes nothing), or -1 before ``end``."""
    quote = ""
    for at in range(start, end):
        char = shell[at]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "}":
            return at + 1
    return -1


def _dropped_quote(shell: str, close: int, builder: TextBuilder, word: Word) -> int:
    """A ``'`` inside a '...' body closed the quoting, and the word goes on unquoted up to the next ``'``.

    The body is rebuilt as its author meant it (the quotes kept) and the mistake reported once a
    line: the quotes after the first one on a line are its consequence.  Returns where the word
    goes on.
    """
    n = len(shell)
    line, counted = shell.count("\n", 0, close), close
    line_end = _line_end(shell, close)
    while True:
        line, counted = line + shell.count("\n", counted, close), close
        # the author's quoted text goes on to the next ' of the line, spaces included (the shell would split there)
        if close >= line_end:
            line_end = _line_end(shell, close)
        reopen = shell.find("'", close + 1, line_end)
        if shell.startswith("${", close + 1):  # the shell reads `${...}` to its `}`, quotes inside it its own
            brace = _expansion_end(shell, close + 3, line_end)
            if brace > reopen >= 0:
                later = shell.find("'", brace, line_end)
                reopen = later if later >= 0 else -1
        if reopen < 0:
            reopen = close + 1
            while reopen < n and shell[reopen] not in "'" + _SPACE + _BREAK:
                reopen += 1
        unquoted = shell[close + 1:reopen]
        builder.copy("'", close)
        builder.copy(unquoted, close + 1)
        end = reopen + 1 if reopen < n and shell[reopen] == "'" else reopen
        if end > reopen:
            builder.copy("'", reopen)
        shown = shell[close:end]
        if unquoted.startswith("$"):
            word.problems.append(_expansion(shown, close, end, quoted=False, split=any(c in unquoted for c in _SPACE)))
        elif line not in word.quote_lines:
            word.quote_lines.add(line)
            word.problems.append(Problem(
                SHELL_QUOTE.code, f"the shell drops the quotes of {shown}: a ' inside '...' ends the shell's quoting, so "
                         f"the platform receives {shown.replace(chr(39), '')}",
                close, end, "write a quote inside '...' as '\\''"))
        if end == reopen:  # the unquoted text ended the word
            return end
        close = _single(shell, end, builder)
        if close < 0:
            word.problems.append(_unclosed(reopen, "'"))
            return n
        follows = shell[close + 1] if close + 1 < n else " "
        if follows in _SPACE or follows in _BREAK:
            return close + 1


def _continuation(shell: str, at: int, *, blanks: bool = False) -> int:
    """The length of a backslash-newline at ``at`` (the shell removes it), else 0; ``blanks``: also with blanks (and
    a comment) between them, and with empty or comment lines after it before a line that goes on with the command,
    the command as it was meant (CE025 reports them)."""
    length = 3 if shell.startswith("\\\r\n", at) else 2 if shell.startswith(("\\\n", "\\\r"), at) else 0
    if not blanks:
        return length
    blanked = not length and shell.startswith((" ", "\t"), at + 1)
    if blanked:
        match = _BLANKS_TO_LINE_END.match(shell, at + 1)
        length = match.end() - at if match is not None else 0
    if length:
        broken = _BROKEN_LINES.match(shell, at + length)
        end = broken.end() if broken is not None else at + length
        if _CONTINUED.match(shell, end):
            return end - at
    return 0 if blanked else length


_BLANKS_TO_LINE_END = LazyPattern(r"[ \t]+(?:#[^\r\n]*)?(?:\r\n|\r|\n)")
_BROKEN_LINES = LazyPattern(r"(?>(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*)")


def _line_end(shell: str, at: int) -> int:
    ends = [i for i in (shell.find("\n", at), shell.find("\r", at)) if i >= 0]
    return min(ends) if ends else len(shell)


def _unclosed(at: int, quote: str) -> Problem:
    return Problem(SHELL_QUOTE.code, f"this {quote} opens a shell quote that never closes", at, at + 1,
                        "close the quote at the end of the body")


def _double(shell: str, i: int, builder: TextBuilder, word: Word) -> int:
    """A ``"..."`` section starting at ``i``; returns the offset after its closing quote."""
    n = len(shell)
    j = i + 1
    while j < n:
        c = shell[j]
        if c == '"':
            return j + 1
        if c == "\\" and j + 1 < n:
            following = shell[j + 1]
            if following in "\r\n":
                j += _continuation(shell, j)
                continue
            if following in '"\\$`':
                builder.stand_for(following, j, j + 2)
                j += 2
                continue
        after = _dollar(shell, j, builder, word, quoted=True) if c == "$" else None
        if c == "`" and _value_goes_here(builder):
            after = _substituted_value(shell, j, builder)
        if after is not None:
            j = after
            continue
        builder.copy(c, j)
        j += 1
    word.problems.append(_unclosed(i, '"'))
    return n


def _dollar(shell: str, i: int, builder: TextBuilder, word: Word, *, quoted: bool) -> int | None:
    """A ``$`` at ``i`` that the shell expands, kept as written; where the word goes on.  A poller macro the shell
    would expand is reported (CE020); a variable (``$KEY``, ``${POLL_MINUTES}``) is expanded on purpose, and the
    body is checked with the reference in its place, as a ``.json`` file holding one is."""
    match = _NAME.match(shell, i)
    if match is None:
        return None
    if MACRO_EXPANSION.match(shell, i):
        word.problems.append(_expansion(match.group(), match.start(), match.end(), quoted=quoted))
    elif _value_goes_here(builder):  # where the body's value goes (`"enabled": $ENABLED`)
        if shell.startswith("$(", i):
            return _substituted_value(shell, i, builder)
        builder.stand_for(json.dumps(match.group()), i, match.end())  # (read as a `.json` file's `${NAME}` is)
        return match.end()
    builder.copy(match.group(), i)
    return match.end()


# What comes right before a JSON value: a command's output or a variable written there is the value
_VALUE_STARTS = frozenset(":[,")


def _value_goes_here(builder: TextBuilder) -> bool:
    """Whether the body built so far ends where a JSON value goes (`"enabled": `), not inside a string
    (`"http://localhost:`, where a variable is part of the string)."""
    return builder.last_visible() in _VALUE_STARTS and not builder.in_string()


def _substituted_value(shell: str, i: int, builder: TextBuilder) -> int:
    """A command substitution at ``i`` (`$(cat poller.json)`, `` `cat poller.json` ``, `$((n * 60))`) written where
    the body's value goes: the shell puts the command's output there, which the page does not show, so it is read
    as a value left out (`...`); where the word goes on."""
    backtick = shell[i] == "`"
    inner = i + (1 if backtick else 2)
    close = min(_substitution_end(shell, inner, backtick=backtick), len(shell) - 1)  # (`$((n))` too: its parentheses nest)
    builder.stand_for("...", i, close + 1)
    return close + 1


# A poller macro, which only the platform substitutes: `${gmtDate:...}`, `${epoch}`, `${now:...}`
# (also misspelt, `${DateTimeZone:`, and a format or number in braces, `${yyyy-MM-dd}`, `${518862600}`: the shell
# removes them all the same; `${NAME:-default}` is the shell's own)
MACRO_EXPANSION = LazyPattern(r"\$\{(?:(?i:gmtDate|date|dateTimeZone|now|nowTimeZone|epoch|milliseconds)(?![A-Za-z0-9_])"
                              r"|[A-Za-z]+:(?![-=+?])|[0-9]+\}|[yMdHhmsSX]+[-/.: ])")


def _expansion(shown: str, start: int, end: int, *, quoted: bool, split: bool = False) -> Problem:
    where = 'inside "..."' if quoted else "outside the shell's quotes"
    also = "; the space in it also splits the body into two arguments" if split else ""
    text = shown.strip(chr(39))
    close = _expansion_end(text, 2, len(text)) if text.startswith("${") else -1
    text = text[:close] if close > 0 else text  # the expansion, not an escaped quote after it (`}\'`)
    return Problem(
        SHELL_EXPANSION.code, f"the shell expands {text} {where}: curl sends what the shell makes of it "
                 f"(usually nothing), not the macro{also}",
        start, end, "write a quote inside '...' as '\\'' so the macro stays inside the single quotes"
        if not quoted else "quote the body with '...' (and write its quotes as '\\''), or escape the $ as \\$")
