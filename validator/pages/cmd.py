"""curl bodies in Windows command-prompt blocks (```` ```bat ````, ```` ```cmd ````), read as curl.exe receives them.

cmd.exe hands curl its command line as written, and curl splits it as Windows programs do: a double-quoted
argument may hold ``\\"`` (a quote) and ``""`` (a quote); a backslash is itself unless quotes follow it.  So
``-d "{\\"element\\": {\\"key\\": \\"sageone\\"}}"`` sends ``{"element": {"key": "sageone"}}``, which is checked as
that body, each finding at the page character it came from.  A poller macro (``${gmtDate:...}``) is the
platform's: cmd expands ``%NAME%``, not ``${...}``.

Single quotes are no quotes to cmd or curl: ``-d '{"element": ...}'``, a body copied from a bash page, reaches curl
cut at its blanks and stripped of its double quotes (CE029); the body is still checked as it was meant.  Lines
continue after a ``^`` at their end (outside quotes); a command is curl's when curl is what its line runs.
"""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern
from ..findings import Problem
from ..rules.base import Rule
from .curl import Body
from .positions import TextBuilder

CMD_LANGUAGES: frozenset[str] = frozenset({"bat", "cmd", "batch", "batchfile", "dos", "winbatch"})

SINGLE_QUOTES_IN_CMD = Rule(
    code="CE029",
    name="cmd-single-quotes",
    severity="error",
    summary="A curl body in single quotes at the Windows command prompt: cmd has no single quotes",
    description="cmd.exe and curl.exe read only double quotes: `-d '{\"element\": {\"key\": \"sageone\"}}'`, written as "
            "in bash, reaches curl cut at its blanks, each piece an argument of its own, and the body's double quotes "
            "are taken as quoting and dropped: the platform gets `'{element:` and answers that it is not JSON.  The "
            "body is still checked as it was meant.\n\n**Fix:** double quotes around the body and `\\\"` for each "
            "quote inside it (`-d \"{\\\"element\\\": {\\\"key\\\": \\\"sageone\\\"}}\"`), or the body in a file "
            "(`-d @instance.json`).",
    bad="```bat\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances -H \"Content-Type: "
        "application/json\" -d '{\"element\": {\"key\": \"sageone\"}, \"name\": \"sage\"}'\n```\n",
    good="```bat\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances -H \"Content-Type: "
         "application/json\" -d @instance.json\n```\n",
)
RULES: list[Rule] = [SINGLE_QUOTES_IN_CMD]

# A curl command's data option and where its argument starts (`-d "`, `--data-raw '`, `--data-binary="`)
_DATA = LazyPattern(r"(?<![^ \t])(?:-d|--data(?:-raw|-binary|-ascii)?|--json)(?:[ \t]+|=)(?=[\"'])")
# curl as the command a line runs (`curl ...`, `@curl.exe ...`, `call curl ...`), not a word of a `REM` or `::`
# comment, an `echo` or another program's arguments (`wsl curl ...` runs bash, where single quotes are right)
_JSON_END_QUOTE = LazyPattern(r"[}\]][ \t]*'")
_CURL = LazyPattern(r"(?i)[ \t]*@?(?:call[ \t]+)?curl(?:\.exe)?[ \t]")


def cmd_bodies(script: str) -> list[Body]:
    """The bodies of the curl commands of the command-prompt text ``script``."""
    bodies = []
    for start, end in _commands(script):
        if _CURL.match(script, start, end) is None:
            continue
        at = start
        while (option := _DATA.search(script, at, end)) is not None:
            opening = option.end()
            single = script[opening] == "'"
            body = _single_quoted(script, opening, end) if single else _double_quoted(script, opening, end)
            if body is not None and body.text.lstrip()[:1] in ("{", "["):
                bodies.append(body)
            if single:
                break  # (it runs to the command's last quote: a CEQL filter's quotes are in it)
            at = body.mapping.ends[-1] if body is not None and body.mapping.ends else opening + 1
    return bodies


def _commands(script: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each command: a line, and the lines a ``^`` at its end continues it on."""
    found = []
    start = 0
    for line in re.finditer(r"[^\r\n]*(?:\r?\n|$)", script):
        if not line.group():
            break
        text = line.group().rstrip("\r\n")
        if text.endswith("^") and not text.endswith("^^"):
            continue  # (the next line goes on with this command)
        found.append((start, line.start() + len(text)))
        start = line.end()
    return found


def _double_quoted(script: str, opening: int, end: int) -> Body | None:
    """The argument that starts with the quote at ``opening``, as curl.exe receives it: ``\\"`` and ``""`` are a
    quote, ``2n`` backslashes before a quote ``n`` of them, the quote then closing the argument."""
    builder = TextBuilder()
    at = opening + 1
    while at < end:
        char = script[at]
        if char == "\\":
            run = at
            while run < end and script[run] == "\\":
                run += 1
            count = run - at
            if run < end and script[run] == '"':
                if count > 1:
                    builder.stand_for("\\" * (count // 2), at, at + count - count % 2)
                if count % 2:
                    builder.stand_for('"', run - 1, run + 1)
                    at = run + 1
                    continue
                at = run  # (an even run: the quote closes)
                continue
            builder.copy(script[at:run], at)
            at = run
            continue
        if char == '"':
            if script[at + 1:at + 2] == '"':  # `""` inside quotes: a quote
                builder.stand_for('"', at, at + 2)
                at += 2
                continue
            break
        if char in "\r\n":  # (a line continued with `^`: the break is no part of the argument)
            at += 1
            continue
        builder.copy(char, at)
        at += 1
    text, mapping = builder.build(end=at)
    return Body(text=text, mapping=mapping, start=opening + 1, problems=()) if text else None


def _single_quoted(script: str, opening: int, end: int) -> Body | None:
    """A body written between single quotes, as a bash page writes it: checked as meant, with CE029.  It ends at the
    first quote after a closing brace or bracket (a CEQL filter's quotes are inside it), else at the line's last."""
    closing = _JSON_END_QUOTE.search(script, opening + 1, end)
    close = closing.start() + 1 if closing is not None else script.rfind("'", opening + 1, end)
    if close <= opening + 1:
        return None
    builder = TextBuilder()
    builder.copy(script[opening + 1:close], opening + 1)
    text, mapping = builder.build(end=close)
    problem = Problem(SINGLE_QUOTES_IN_CMD.code, "single quotes around a curl body at the Windows command prompt: cmd "
                      "and curl.exe read only double quotes, so curl gets the body cut at its blanks and without its "
                      "double quotes, which the platform cannot read", opening, opening + 1,
                      help='double quotes around the body, with \\" for each quote inside it, or -d @instance.json')
    return Body(text=text, mapping=mapping, start=opening + 1, problems=(problem,))
