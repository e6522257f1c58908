"""Documentation pages: the Cloud Elements bodies inside a Markdown page, checked where they are.

``check`` reads ``.md`` and ``.markdown`` files as pages (:mod:`validator.pages.markdown` finds
the fenced code blocks, :mod:`validator.pages.curl` the curl bodies of shell blocks).  Each block
is a document for the engine, exactly as if it were saved to a ``.json`` file; every finding is
moved to its page line and column (indentation and block-quote markers removed from the block
are added back, a substituted Liquid variable spans its tag).

Which blocks
------------
* a block without a language, or tagged ``json``, ``jsonc``, ``json5``, ``text``, ``txt``,
  ``plain``, ``plaintext``, ``http``: checked; if it is not valid JSON it is reported only when
  it looks like a Cloud Elements body, as for a ``.json`` file;
* in an ``http`` block (also ``rest``, and an untagged block starting with a request line; a ``.http`` or ``.rest``
  file is one such block, as a ``.sh`` or ``.ps1`` script named on the command line is one shell or PowerShell
  block), each request's body (after its headers and a blank line; before the request line,
  variables, comments and a pre-request script ``< {% ... %}`` are the client's): it ends at a ``###``, at a
  response shown after it (``HTTP/1.1 200 OK``), or at the HTTP client's lines (a ``> {% ... %}`` handler,
  ``>> file``, ``<> file``); a ``{{variable}}``, in a string or where a value goes, is the client's to fill (not CE701);
  a ``json``, ``jsonc`` or ``json5`` block starting with a request line (``POST /elements/api-v2/instances``) or a
  response's status line shows a request or a response: its body is checked (not the client's rules, CE026, CE027);
* ``bash``, ``sh``, ``shell``, ``zsh``, ``console``, ``curl``: the ``curl -d`` bodies are checked, and in a terminal
  transcript (``$ `` prompts) the output of a command printing a JSON file (``$ cat instance.json``);
* ``powershell``, ``pwsh``, ``ps1``: the JSON bodies written as here-strings (:mod:`validator.pages.powershell`);
* a ``json``, ``jsonc`` or ``json5`` block that holds a command (``curl ...``, a transcript's ``$ `` prompt) is read
  as a shell's block, its tab's language copied; one that shows its bodies under label lines (``Request:``,
  ``instance.json:``) has each body checked;
* any other language (``javascript``, ``java``, ``xml``, ``yaml``, ...): checked only when the
  block is valid JSON (a body tagged with the wrong language); code in that language is skipped;
* in a ``jsonc`` or ``json5`` block, ``//`` and ``/* */`` comments are part of the language: they are
  read as spaces, so the block's other mistakes are reported where they are (a ``.jsonc`` or ``.json5`` file
  named on the command line is one such block); the rest of JSON5 (a key without quotes, single quotes, a
  trailing comma) is reported, as the platform reads JSON;
* a body shown in two ``json`` (``jsonc``, ``json5``) blocks or more one after the other, prose between (the first
  leaves objects open that the last closes, and none is JSON alone), is one body, each piece placed where it is (the
  pieces of a counter-example are skipped with its first);
* an empty block, and a fragment that is not JSON (it elides with ``...``, or shows an object's
  members without the object's braces: ``"event.poller.configuration": {...}``), are skipped: their
  syntax is not the reader's to copy;
* a block the page labels as a mistake (a line right above it that is only ``Wrong:``, ``Incorrect example:``,
  ``Before:``, ``Don't do this:``, an admonition, container or tab titled so, ``:::danger Wrong``, or carries a ❌
  without a ✅), or marks ``<!-- ce-validator: skip -->`` (in MDX ``{/* ce-validator: skip */}``), is a
  counter-example: neither checked nor fixed; ``<!-- ce-validator: ignore CE620 ceql-empty-where -->`` ignores
  those rules (codes, prefixes or names) in the block below (:func:`validator.pages.markdown.parse_page` reads
  both);
* a block that is not a Cloud Elements document is skipped silently (no CE090 for it); a page
  with no Cloud Elements block at all is skipped, with the reason (CE090, info), like a
  ``package.json``.

Pointers
--------
A finding's pointer is the pointer inside its block, prefixed with ``/L<line>``, the page line of
the block's opening fence (of the body, for a curl body): ``/L75/configuration/oauth.api.key``.
So ``ignore = ["docs/events.md#/L75/configuration:CE701"]`` ignores a rule in one block.

Placeholders are expected
-------------------------
A documentation page is a template for its reader: ``<CLIENT_SECRET>``, ``{{ site.x }}`` and a
masked ``xxxxxxxx`` are what it should show, not values left behind by mistake, so in a page
CE701 (placeholder-unfilled) and CE702 (masked-value) are reported as **info** (see
:data:`TEMPLATE_RULES`), and so is CE006 for an unquoted placeholder standing for a value JSON writes bare
(``<true|false>``, ``<number>``: filled in, the body parses); ``--strict`` does not fail on them.  A project that wants them as
warnings in pages too sets their severity in its configuration (``[tool.ce-validator.severity]``).
A real-looking secret in a page (CE75x) keeps its severity: a published page is public.

Secrets
-------
Each document's findings are scrubbed by the engine; :meth:`PageCheck.masked_text` masks every
document's secret values at their page positions (a value written with ``'\''`` in a curl body, or
substituted from front matter, is masked where the page holds it) and whatever
:func:`validator.masking.find_secrets` finds in the page's own text.  A CE020/CE021 message that would
quote shell text inside a secret value does not quote it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..inputs import PAGE_SUFFIXES, is_page, one_block_language, template_syntax
from .markdown import PLAIN_TEXT_LANGUAGES, Block, Page, parse_page
from .cmd import CMD_LANGUAGES, cmd_bodies
from .curl import QUOTED_HEREDOC_HELP, SHELL_EXPANSION, SHELL_QUOTE, VARIABLE_NOT_EXPANDED, Body
from .powershell import POWERSHELL_LANGUAGES, powershell_bodies
from .positions import PositionMap, TextBuilder, line_col, line_starts, offset_of

# At run time, not only for type checkers: typing.get_type_hints resolves what check_page and PageCheck name.
from ..lazy_pattern import LazyPattern
from ..findings import Edit, Finding, Fix, Problem
from ..masking import MaskedText, Secrets
from ..options import Options, options_or_none
from ..source.codes import BYTE_ORDER_MARK
from ..vocabulary.placeholders import stands_for_a_literal

from ..rules.base import Rule

__all__ = [
    "PAGE_SUFFIXES",
    "TEMPLATE_RULES",
    "Block",
    "Document",
    "Page",
    "PageCheck",
    "check_page",
    "is_page",
    "parse_page",
]

TEMPLATE_RULES: frozenset[str] = frozenset({"CE701", "CE702"})
"""Rules reported as info in a page: placeholders and masks are what a documentation page shows
(``validator.rules.placeholders``: PLACEHOLDER_UNFILLED, MASKED_VALUE)."""

Span = tuple[int, int, int, int]  # (line, column, end_line, end_column), 1-based, end exclusive

_MISMATCH_PAGE = ('---\ntitle: Sage One events\nelementKey: sageone\n---\n\n```json\n'
                  '{"element": {"key": "%s"}, "name": "events", "configuration": {"oauth.api.key": "${SAGE_KEY}", '
                  '"oauth.api.secret": "${SAGE_SECRET}", "signature.secret": "${SAGE_SIGNATURE_SECRET}", '
                  '"apim.subscription.key": "${SAGE_APIM_KEY}"}}\n```\n')

PAGE_ELEMENT_MISMATCH = Rule(
    code="CE022",
    name="page-element-mismatch",
    severity="warning",
    summary="a body's element key differs from the page's `elementKey`",
    description="A documentation page names its element in its front matter (`elementKey: sageone`), and its "
                "bodies create instances of it, often through `{{page.elementKey}}`.  A body with another key "
                "(`\"key\": \"hubspot\"` on the Sage One page) was copied from another element's page: readers "
                "who follow it create the wrong element's instance, with that element's configuration keys.  "
                "(The domain notes an Eloqua page posting `sageone`.)  Keys of one vendor's family, which begin "
                "alike (`sfdcdocuments` and `sfdcmarketingcloud`, `netsuiteerp` and `netsuitecrm`), are not "
                "compared: Cloud Elements' pages show those side by side on purpose.\n\n**Fix:** write the page's element key, "
                "or `{{page.elementKey}}`; the fix (unsafe) writes the key.",
    bad=_MISMATCH_PAGE % "hubspot",
    good=_MISMATCH_PAGE % "sageone",
)
HTTP_BLANK_LINE = Rule(
    code="CE026",
    name="http-body-without-blank-line",
    severity="warning",
    summary="An HTTP request's body follows its headers without a blank line",
    description="In an HTTP message a blank line ends the headers; the lines after it are the body. Without one, "
                "the body's first line is read as one more header: an HTTP client (VS Code's REST Client, the "
                "JetBrains HTTP client) sends the request without its body, or refuses it. The body is still "
                "checked as it was meant.\n\n**Fix:** a blank line after the last header; the fix (safe) adds it.",
    bad="```http\nPOST /elements/api-v2/instances HTTP/1.1\nContent-Type: application/json\n"
        "{\"element\": {\"key\": \"myelement\"}, \"configuration\": {}}\n```\n",
    good="```http\nPOST /elements/api-v2/instances HTTP/1.1\nContent-Type: application/json\n\n"
         "{\"element\": {\"key\": \"myelement\"}, \"configuration\": {}}\n```\n",
)
RULES: list[Rule] = [PAGE_ELEMENT_MISMATCH, HTTP_BLANK_LINE]

JSON_LANGUAGES: frozenset[str] = frozenset({"", "json", "jsonc", "json5", "jsonl", "ndjson", "jsonlines", "text", "txt",
                                            "plain", "plaintext", "http", "none"})  # (JSON lines: a body a line)
NO_BODY = "no Cloud Elements body in this page's code blocks"
NO_BODY_IN_FILE = "no Cloud Elements body in this file"  # (a request file or a script, read as one block)
ENCODING_RULES = frozenset({"CE012", "CE013", "CE015"})  # about the page's bytes, reported for the page

@dataclass(frozen=True, slots=True)
class Document:
    """One checked document of a page: a block, or a curl body in a shell block."""

    label: str  # the pointer prefix, "/L75"
    text: str
    mapping: PositionMap
    source: Any  # validator.source.Source of ``text``
    shell: bool = False  # a curl body: its text is shell-quoted in the page
    verbatim: bool = False  # a curl body the page holds as the command reads it (a quoted here-document): fixed there
    language: str = ""  # the block's info string, in lower case ("http" for the body of a request)
    ignore: frozenset[str] = frozenset()  # codes (or prefixes) the page says to ignore in this block
    template: str | None = None  # what the tool of the template the page names the block fills (`{{`, `$${`)
    escaped: bool = False  # written in a JSON string in the page (ReadMe's `[block:code]`): no fix is moved to it
    unclosed: str = ""  # the fence (```) of the block, when it is never closed


@dataclass(slots=True)
class PageCheck:
    """The findings of one page (page positions, secret values scrubbed) and the documents they came from."""

    text: str
    findings: list[Finding]
    documents: list[Document] = field(default_factory=list)
    options: Options | None = None
    found: Secrets | None = field(default=None, repr=False)  # (worked out once: for the findings, then the excerpts)

    def secrets(self) -> Secrets:
        """The page's secrets, in page offsets: each document's (:func:`validator.engine.secrets_of`), moved
        through its map, and what :func:`validator.masking.find_secrets` finds in the page's own text
        (``"password": "..."`` in a block that is not a Cloud Elements body)."""
        from ..masking import find_secrets
        from ..source import load_source

        if self.found is not None:
            return self.found
        page = find_secrets(load_source(self.text))
        spans = set(page.spans)
        values = set(page.values)
        for document in self.documents:
            own = _document_secrets(document, self.options)
            spans.update(_page_ranges(document, own.spans))
            values.update(own.values)
        self.found = Secrets(spans=tuple(sorted(spans)), values=tuple(sorted(values, key=len, reverse=True)))
        return self.found

    def masked_text(self) -> MaskedText:
        """The page's text with every secret masked: the only text outputs may show."""
        return self.secrets().mask(self.text)


def check_page(data: str | bytes, *, path: str | os.PathLike[str] | None = None, kind: str = "auto",
               options: Options | None = None) -> PageCheck:
    """Check every Cloud Elements body of the Markdown page ``data``; findings are in page positions.

    ``path`` (a ``str`` or a ``Path``, as :func:`validator.check` takes it) is the path the findings show."""
    from ..engine import check_source, fills_client_variable, fills_template
    from ..kinds import checked_kind
    from ..source import load_source

    if not isinstance(data, (str, bytes)):
        raise TypeError(f"check_page() takes the page's text (str or bytes), not {type(data).__name__}")
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"check_page()'s path must be a str, a path or None, not {type(path).__name__}")
    path = os.fspath(path) if path is not None else None
    checked_kind(kind)  # (an unknown kind is refused at once, not only when a block holds a body)
    options = options_or_none(options)
    text = _decode(data)
    result = PageCheck(text=text or "", findings=[], options=options)
    if text is None:  # not UTF-8, or not text: the encoding problems as a .json file has them, then the page
        loaded = load_source(data, path=path)
        page_problems = [p for p in loaded.problems if p.rule in ENCODING_RULES]
        result.text = text = loaded.text
        result.findings = [replace(f, message=f.message.split(";")[0] + "; documentation tools read a page as UTF-8, "
                                   "and a body copied from it is sent as JSON, which must be UTF-8 (RFC 8259, section "
                                   "8.1)") if f.rule == "CE015" else f
                           for f in check_source(loaded, kind="instance", options=options) if f.rule in ENCODING_RULES]
        if any(p.rule == "CE013" for p in page_problems):
            stray = text.count("\x00") if len(text) > 2 * _STRAY_NULS else _STRAY_NULS + 1
            if stray > _STRAY_NULS or any(p.rule in ("CE012", "CE015") for p in page_problems):
                return result  # binary: nothing to read
            # a page of text with a stray NUL or two (a paste, an editor's slip): said at each, and the rest read
            result.findings = [replace(f, message="a NUL character (U+0000) in the page: most tools take the file for "
                                       "binary", help="remove it") if f.rule == "CE013" else f for f in result.findings]
            result.text = text = text.replace("\x00", " ")
    starts = line_starts(text)
    try:
        page = _page_of(text, path)
        found_documents = list(_page_documents(page, starts))
    except Exception as exc:  # noqa: BLE001 - a linter reports, never crashes; the page's findings say so
        result.findings.append(_finding("CE099", f"internal error while reading the Markdown page: "
                                        f"{type(exc).__name__}: {exc}"[:300] + "; please report it with this page",
                                        path, "", (1, 1, 1, 2)))
        return result
    for document, strict, shell_problems in found_documents:
        if not document.text.strip():
            continue  # an empty block shows nothing to check
        bom_at = None
        if document.text.startswith("\ufeff"):  # the loader drops it, so its offsets would all be one short
            bom_at = document.mapping.to_page(0)
            mapping = document.mapping
            document = replace(document, text=document.text[1:],
                               mapping=PositionMap(mapping.starts[1:], mapping.ends[1:], mapping.outer))
        # (with the mark, the loader's note of it, CE014, placed at the mark below)
        loaded = load_source(document.text if bom_at is None else "\ufeff" + document.text, path=path)
        elided: list[tuple[int, int]] = []
        if strict and _json_like(document) and _ELISION.search(document.text):
            repaired, elided = _without_elisions(document.text)  # a body shown in part: what it shows is checked
            shown = load_source(repaired, path=path)
            # (only placeholders stand for members, or, the dots gone, the rest is a body with a placeholder value
            # (`<minutes>`), read around as a whole body's: the mistakes the rest holds are the reader's to copy)
            if shown.valid or not _partial(document.text) or not _partial(repaired):
                loaded, document = shown, replace(document, text=repaired)
            else:
                elided = []  # (something else is wrong with it: read as before)
        if not loaded.valid and (not strict or _partial(document.text) or not _json_like(document)):
            continue  # code in another language, a fragment (marked with `...`, or members without their braces), or
            # an untagged block of something else (a folder tree whose comment names a key)
        found = check_source(loaded, kind=kind, options=options)  # secret values already scrubbed
        if elided:
            found = [f for f in found if _shown_in_part(f, elided, line_starts(document.text))]
        if document.language == "http":  # a request's `{{name}}` is the client's variable, filled before it sends
            found = [f for f in found if not fills_client_variable(f)]
        if document.template is not None:  # a block the page names a template (`instance.json.tftpl`), as its file
            found = [f for f in found if not fills_template(f, document.template)]
        if document.ignore:
            found = [f for f in found if not _ignored(f.rule, document.ignore)]
        if document.unclosed and not document.shell:  # the text after the body is the block's too: its fence is the mistake
            found = [replace(f, help=_never_closed(document.unclosed)) if f.rule == "CE001" and _AFTER_THE_END in f.message
                     else f for f in _after_the_body(found, document.text, document.unclosed)]
        if not document.shell:  # a block that is one poller entry shows what an entry looks like: no resource map
            found = [f for f in found if f.rule != "CE106" or f.pointer]
        if any(f.rule == "CE090" for f in found):
            continue
        document = replace(document, source=loaded)
        result.documents.append(document)
        own = line_starts(document.text)
        moved = [_moved(f, document, own, starts, text) for f in found]
        if bom_at is not None:
            line, column = line_col(starts, bom_at)
            moved = [replace(f, line=line, column=column, end_line=line, end_column=column + 1)
                     if f.rule == BYTE_ORDER_MARK else f for f in moved]
        result.findings.extend(moved)
        if document.ignore:
            shell_problems = [p for p in shell_problems if not _ignored(p[0].rule, document.ignore)]
        if shell_problems:
            secret = _page_ranges(document, _document_secrets(document, options).spans)
            result.findings.extend(_shell_finding(p, document, starts, path, secret) for p in shell_problems)
    result.findings.extend(_block_findings(page, starts, path))
    reported = {(f.line, f.column, f.end_line, f.end_column) for f in result.findings if f.rule == "CE751"}
    result.findings.extend(f for f in _committed_credentials(text, starts, path)  # (not again where a body's said it)
                           if (f.line, f.column, f.end_line, f.end_column) not in reported)
    result.findings.extend(_element_mismatches(page, result.documents, starts, path))
    if not result.documents and not result.findings:
        skipped = sum(block.skip for block in page.blocks)
        said = NO_BODY_IN_FILE if path is not None and one_block_language(path) is not None else NO_BODY
        reason = said if not skipped else (f"{said} (and {skipped} labelled as a mistake or marked "
                                           "`<!-- ce-validator: skip -->`: not checked)")
        result.findings.append(_finding("CE090", reason, path, "", (1, 1, 1, 2)))
    if any(f.rule != "CE090" for f in result.findings):  # a secret found anywhere on the page is none of a block's
        # findings' to quote (the front matter's token, an `export` line's value, a labelled key)
        secrets = result.secrets()
        if secrets.values:
            result.findings = [secrets.scrub_finding(f) for f in result.findings]
    result.findings.sort(key=lambda f: f.sort_key())
    return result


_AFTER_THE_END = "after the end of the document"  # (CE001's words for text after a body: source.diagnose)


def _never_closed(fence: str) -> str:
    return (f"the code block's {fence} is never closed, so the rest of the page is shown as its code: close it after "
            f"the body with {fence} on a line of its own, indented three spaces at most")


def _after_the_body(found: list[Finding], text: str, fence: str) -> list[Finding]:
    """``found`` in a block whose ``fence`` never closes, with a "comment" after the body's end (the page's next
    heading, `## Next steps`, read as the block's code) said to be the page's text, without the comment's fix (which
    deleted the heading)."""
    at = len(text) - len(text.lstrip())
    try:
        end = json.JSONDecoder().raw_decode(text, at)[1]
    except (ValueError, RecursionError):
        return found
    starts = line_starts(text)
    return [replace(f, rule="CE001", message=f"unexpected `{text[start]}` {_AFTER_THE_END}: the page's text below the "
                    "body is read as the block's code", help=_never_closed(fence), fix=None)
            if f.rule == "CE003" and (start := offset_of(starts, f.line, f.column)) >= end else f for f in found]


def _ignored(code: str, ignore: frozenset[str]) -> bool:
    """Whether a page's `<!-- ce-validator: ignore ... -->` names ``code``: by code, a code's prefix or the rule's
    name.  Never CE090 (whether a block is a Cloud Elements body at all)."""
    if code == "CE090":
        return False
    if any(code.startswith(token) for token in ignore if token.startswith("CE")):
        return True
    if any(not token.startswith("CE") for token in ignore):
        from ..rules import registry

        rule = registry().get(code)
        return rule is not None and rule.name in ignore
    return False


def _block_findings(page: Page, starts: list[int], path: str | None) -> Iterator[Finding]:
    """The mistakes of a block that are in no body: a shell command's (CE024, CE025), an HTTP request's (CE026).
    Their messages quote only a file's name; their fixes are edits of the page."""
    from .curl import SHELL_LANGUAGES, command_problems, console_input
    from .powershell import POWERSHELL_LANGUAGES
    from .powershell import command_problems as powershell_problems

    for block in page.blocks:
        if block.skip:
            continue
        if block.info in SHELL_LANGUAGES or _shows_a_command(block):
            problems = command_problems(console_input(block.text) or block.text)
        elif block.info in POWERSHELL_LANGUAGES:
            problems = list(powershell_problems(block.text))
        elif is_http_block(block.info, block.text):
            # (an indented request's header lines are read without the indentation they share: its bodies are
            # checked, its own mistakes are not reported, as their fixes could not be placed; nor are those of a
            # request a `json` block shows, which is no HTTP client's file)
            problems = _http_problems(block.text) if _common_indent(block.text) == "" \
                and block.info not in _SHOWN_AS_JSON else []
        else:
            continue
        for problem in problems:
            if block.ignore and _ignored(problem.rule, block.ignore):
                continue
            start, end = block.to_page(problem.start), block.to_page(problem.end, end=True)
            line, column = line_col(starts, start)
            end_line, end_column = line_col(starts, max(end, start + 1))
            found = _finding(problem.rule, problem.message, path, f"/L{block.line}",
                             (line, column, end_line, end_column), help=problem.help)
            yield replace(found, fix=_block_fix(problem.fix, block, page.text))


def _block_fix(fix: Fix | None, block: Any, page: str) -> Fix | None:
    """A block's own ``fix`` (edits of its text) as edits of the page: a line it writes gets the container's marks
    of the line it starts on (a list item's indentation, a block quote's `>`), without which the line would end
    the list item or the quote, and the block with it (CE027's `Content-Type` line under an indented request)."""
    if fix is None:
        return None
    edits = []
    for e in fix.edits:
        replacement = e.replacement
        if _LINE_BREAK.search(replacement):
            line = max(block.text.rfind("\n", 0, e.start), block.text.rfind("\r", 0, e.start)) + 1
            at = block.to_page(line)
            marks = page[max(page.rfind("\n", 0, at), page.rfind("\r", 0, at)) + 1:at]
            if not _CONTAINER_MARKS.fullmatch(marks):
                return None
            parts, start = [], 0
            for match in _LINE_BREAK.finditer(replacement):
                parts += [replacement[start:match.start()], match.group()]
                start = match.end()
                # (a blank line with the marks' blanks would carry trailing blanks; a quote's `>` it keeps)
                parts.append(marks if _LINE_BREAK.match(replacement, start) is None and start < len(replacement)
                             else marks.rstrip(" \t"))
            replacement = "".join(parts) + replacement[start:]
        edits.append(Edit(block.to_page(e.start), block.to_page(e.end, end=True) if e.end > e.start
                          else block.to_page(e.start), replacement))
    return Fix(fix.message, tuple(edits), fix.applicability)


def _committed_credentials(text: str, starts: list[int], path: str | None) -> Iterator[Finding]:
    """CE751 for the platform's own credentials written in the page outside any body (a curl's or an HTTP
    request's `Authorization: User ..., Organization ..., Element ...`): the page lives in git too."""
    from ..masking import platform_credentials
    from ..rules.secrets import FIX, MESSAGE, SECRET_COMMITTED, is_real_looking

    for start, end in platform_credentials(text):
        if is_real_looking(text[start:end]):
            line, column = line_col(starts, start)
            end_line, end_column = line_col(starts, end)
            yield _finding(SECRET_COMMITTED, MESSAGE, path, f"/L{line}", (line, column, end_line, end_column),
                           help=FIX)


_STRAY_NULS = 3  # (more NUL characters than this in a page: a binary file, not a slip)


def _decode(data: str | bytes) -> str | None:
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            return None
    return None if "\x00" in text else text


def documents(text: str, *, path: str | None = None) -> Iterator[tuple[Document, bool, list[tuple[Problem, int, int]]]]:
    """Every candidate document of the page ``text``: ``(document, strict, shell problems)``.

    ``strict`` is false for a block in another language (checked only when it is valid JSON);
    shell problems are ``(Problem, page start, page end)`` (CE020, CE021).  ``Document.source`` is ``None``.
    ``path`` names the file: one read as one block of its language (``.jsonc``, ``.http``, ``.sh``) is that block.
    """
    yield from _page_documents(_page_of(text, path), line_starts(text))


def _page_of(text: str, path: str | None) -> Page:
    """The page ``text`` as Markdown, or as one block of its language when ``path`` names it so (``.jsonc``, ``.http``)."""
    language = one_block_language(path) if path is not None else None
    return parse_page(text) if language is None else _one_block(text, language)


def _page_documents(page: Page, starts: list[int]) -> Iterator[tuple[Document, bool, list[tuple[Problem, int, int]]]]:
    for block in _halves_joined(page.blocks):
        if block.skip:
            continue
        template = template_syntax(block.file) if block.file else None
        for document, strict, problems in _documents(block, starts):
            if block.ignore or template is not None or block.escaped or block.unclosed:
                document = replace(document, ignore=block.ignore, template=template, escaped=block.escaped,
                                   unclosed=block.unclosed)
            yield document, strict, problems


_SPLIT_LANGUAGES = frozenset({"json", "jsonc", "json5"})


def _halves_joined(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """``blocks``, with a body the page shows in two blocks or more, prose between (the element and its login, `then
    the events part`, `and finally the poller, which closes the configuration:`), read as one block: the first leaves
    objects open, the middle ones (no JSON alone) stay inside them, the last closes them."""
    depths = [_depths(block) if block.info in _SPLIT_LANGUAGES else (0, 0) for block in blocks]  # (each read once)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        count = _pieces(blocks, depths, index)
        if count > 1:
            yield _joined(blocks[index:index + count])
            index += count
        else:
            yield block
            index += 1


_MOST_PIECES = 12  # (a body told in more pieces is no page's; the bound keeps a page of open blocks linear)


def _pieces(blocks: tuple[Block, ...], depths: list[tuple[int, int]], index: int) -> int:
    """How many blocks from ``blocks[index]`` are the pieces of one body (1: the block alone); ``depths`` holds each
    block's :func:`_depths`."""
    first = blocks[index]
    if not _splittable(first, first):
        return 1
    lowest, opened = depths[index]
    if lowest < 0 or opened <= 0:
        return 1
    for at in range(index + 1, min(len(blocks), index + _MOST_PIECES)):
        piece = blocks[at]
        if not _splittable(piece, first):
            return 1
        lowest, ended = depths[at]
        if opened + ended == 0 and lowest == ended:  # (a middle piece that is JSON alone is a body of its own)
            return 1 if any(_is_json(middle.text) for middle in blocks[index + 1:at]) else at - index + 1
        if opened + lowest <= 0:  # (closes what was not opened)
            return 1
        opened += ended
    return 1


def _splittable(block: Block, first: Block) -> bool:
    """Whether ``block`` may be a piece of a body whose first piece is ``first`` (a counter-example's first piece takes
    the rest with it, skipped too)."""
    return not (block.skip and block is not first or block.escaped or first.info not in _SPLIT_LANGUAGES
                or block.info != first.info)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _depths(block: Block) -> tuple[int, int]:
    """The lowest depth of brackets ``block`` reaches (outside strings and comments) and the depth it ends at."""
    return _bracket_depths(_blank_comments(block.text) if block.info in COMMENTED_LANGUAGES else block.text)


def _bracket_depths(text: str) -> tuple[int, int]:
    """The lowest depth of brackets ``text`` reaches outside strings, and the depth it ends at."""
    depth = lowest = 0
    for match in _BRACKET_OR_STRING.finditer(text):
        token = match.group(0)
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
            lowest = min(lowest, depth)
    return lowest, depth


def _joined(pieces: tuple[Block, ...]) -> Block:
    """One block of the pieces of a body: each piece's text in turn, each character where it is in the page (no edit
    spans the prose between them)."""
    builder = TextBuilder()
    last = pieces[-1]
    for piece, after in zip(pieces, pieces[1:] + (None,)):
        mapping = piece.mapping
        for at, char in enumerate(piece.text):
            builder.stand_for(char, mapping.to_page(at), mapping.to_page(at + 1, end=True))
        if after is not None and not piece.text.endswith(("\n", "\r")):
            builder.stand_for("\n", mapping.to_page(len(piece.text)), after.mapping.to_page(0))
    text, mapping = builder.build(end=last.mapping.to_page(len(last.text)))
    raw = "".join(piece.raw + ("" if piece.raw.endswith(("\n", "\r")) or piece is last else "\n") for piece in pieces)
    return replace(pieces[0], text=text, raw=raw, mapping=mapping,
                   ignore=frozenset().union(*(piece.ignore for piece in pieces)), file="")


def _siblings(key: str, other: str) -> bool:
    """Keys of one vendor's family (`sfdcdocuments`, `sfdcmarketingcloud`; `netsuiteerp`, `netsuitecrm`): a page
    of one shows the others' bodies on purpose ("the key is the only difference")."""
    return key[:4].lower() == other[:4].lower()


def _element_mismatches(page: Page, checked: list[Document], starts: list[int], path: str | None) -> Iterator[Finding]:
    """CE022 for each body whose `element.key` is not the page's front-matter `elementKey`."""
    from ..vocabulary.placeholders import find_placeholders

    meant = page.variables.get("elementKey", "").strip()
    if not meant or find_placeholders(meant):
        return
    for document in checked:
        value = document.source.value
        element = value.get("element") if isinstance(value, dict) else None
        key = element.get("key") if isinstance(element, dict) else None
        if not isinstance(key, str) or not key.strip() or key.strip() == meant or find_placeholders(key) \
                or _siblings(key.strip(), meant):
            continue
        start, end = document.source.span("/element/key")
        page_start, page_end = document.mapping.to_page(start), document.mapping.to_page(end, end=True)
        line, column = line_col(starts, page_start)
        end_line, end_column = line_col(starts, page_end)
        fix = _page_fix(Fix(f"write `{meant}`", (Edit(start + 1, end - 1, meant),), "unsafe"), document)
        yield replace(_finding(PAGE_ELEMENT_MISMATCH, f"this body creates an instance of `{key}`, but the page is "
                               f"about `{meant}` (its front matter's `elementKey`): copied from another element's "
                               "page?", path, f"{document.label}/element/key", (line, column, end_line, end_column),
                               help=f"write \"{meant}\", or {{{{page.elementKey}}}}"), fix=fix)


def _shell_documents(block: Block, page_starts: list[int],
                     bodies: list[Body]) -> Iterator[tuple[Document, bool, list[tuple[Problem, int, int]]]]:
    """The bodies a shell, PowerShell or command-prompt block sends, each with its shell's problems in page offsets."""
    for body in bodies:
        line = line_col(page_starts, block.to_page(body.start))[0]
        problems = [(p, block.to_page(p.start), block.to_page(p.end, end=True)) for p in body.problems]
        yield (Document(label=f"/L{line}", text=body.text, mapping=body.mapping.then(block.mapping), source=None,
                        shell=True, verbatim=body.literal), True, problems)


def _documents(block: Block, page_starts: list[int]) -> Iterator[tuple[Document, bool, list[tuple[Problem, int, int]]]]:
    """(document, strict, shell problems) for each thing to check in ``block``."""
    from .curl import SHELL_LANGUAGES, console_input, curl_bodies, printed_files

    if block.info in SHELL_LANGUAGES or _shows_a_command(block):
        transcript = console_input(block.text)
        for start, end in printed_files(block.text):  # a transcript's `$ cat instance.json` (`PS C:\> Get-Content ...`)
            shown, mapping = _piece(block.text, start, end)
            line = line_col(page_starts, block.to_page(start))[0]
            yield Document(label=f"/L{line}", text=shown, mapping=mapping.then(block.mapping), source=None), True, []
        yield from _shell_documents(block, page_starts, curl_bodies(
            block.text if transcript is None else transcript, transcript=transcript is not None))
        return
    if block.info in CMD_LANGUAGES:
        yield from _shell_documents(block, page_starts, cmd_bodies(block.text))
        return
    if block.info in POWERSHELL_LANGUAGES:
        yield from _shell_documents(block, page_starts, powershell_bodies(block.text))
        return
    if is_http_block(block.info, block.text):
        text, block_mapping = _dedented(block.text, block.mapping)
        messages = [(cut, _body_end(text, cut, end)) for start, end in _http_messages(text)
                    if (cut := _http_body(text, start, end)) is not None]
        for cut, end in messages:  # an HTTP request or response: its body, after the start line and the headers
            message_body, mapping = _piece(text, cut, end)
            mapping = mapping.then(block_mapping)
            if "${" in message_body or "{{" in message_body:  # the client's variables, filled before it sends
                message_body, mapping = _quoted_placeholders(message_body, mapping)
            message_body = _blank_comments(message_body) if block.info in COMMENTED_LANGUAGES \
                else _blank_directives(message_body)
            line = line_col(page_starts, block_mapping.to_page(cut))[0]
            shown = block.info if block.info in _SHOWN_AS_JSON else "http"  # (a page's `{{x}}` there: no client's)
            if message_body.strip():
                yield (Document(label=f"/L{line}", text=message_body, mapping=mapping, source=None, language=shown), True,
                       [])
        if messages:
            return
    if block.info in PLAIN_TEXT_LANGUAGES and _REPORT_LINE.match(block.text.lstrip()):
        return  # a linter's report (`file:line:col: CODE ...`, as check prints it): its excerpts quote a body's lines
    text = _blank_comments(block.text) if block.info in COMMENTED_LANGUAGES else _blank_directives(block.text)
    if "{%" in text and _TEMPLATE_STATEMENT.search(text):
        return  # a Jinja template (`{% if %}` ... `{% else %}`): what it renders is not written here to check
    if block.info in JSON_LANGUAGES and block.info not in COMMENTED_LANGUAGES and ("/" in text or "#" in text):
        text, values = _labels_blanked(text)  # (its values read once, with its comments blanked)
    else:
        values = _alternatives(text) if block.info in JSON_LANGUAGES else []
    if not values and block.info in _JSON_LINES:
        values = _lines_of_objects(text)
    for start, end in values:  # (`Option A` then `Option B`: two bodies shown one after the other, each checked)
        shown, mapping = _piece(text, start, end)
        line = line_col(page_starts, block.to_page(start))[0]
        yield (Document(label=f"/L{line}", text=shown, mapping=mapping.then(block.mapping), source=None,
                        language=block.info), True, [])
    if values:
        return
    mapping = block.mapping
    if "${" in text or "{{" in text:
        text, mapping = _quoted_placeholders(text, mapping)
    yield (Document(label=f"/L{block.line}", text=text, mapping=mapping, source=None, language=block.info),
           block.info in JSON_LANGUAGES, [])


_REPORT_LINE = LazyPattern(r"\S+?:\d++:\d++: ")  # a finding's first line, as linters and compilers print it

_HASH_LINE = LazyPattern(r"^[ \t]*+#[^\r\n]*+", re.M)


def _labels_blanked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A JSON block whose comments outside its values are labels (`// Option A: polling` above one body and `//
    Option B` above the next, `// instance.json` or `# PATCH /instances/{id}` above the one), with those comments written as spaces, and the
    spans of its values when it shows two or more; a comment inside a value is the body's, left for the engine to
    report (CE003) around.  The block as it is, and no values, when its values are not JSON once its comments are
    blanked."""
    read = _blank_comments(text)
    if "#" in read:  # (and a shell's `# PATCH /instances/{id}` on a line of its own, which no JSON value holds)
        read = _HASH_LINE.sub(lambda line: " " * len(line.group()), read)
    values = _alternatives(read)
    spans = values or _whole_value(read)
    if not spans:
        return text, []
    pieces, at = [], 0
    for start, end in spans:
        pieces += [read[at:start], text[start:end]]
        at = end
    pieces.append(read[at:])
    return "".join(pieces), values


_JSON_LINES = frozenset({"jsonl", "ndjson", "jsonlines"})


def _lines_of_objects(text: str) -> list[tuple[int, int]]:
    """The spans of a JSON Lines block's lines when each that is not blank starts an object: one document each, so
    that one line's mistake is reported there and the others are still checked; else none."""
    spans, at = [], 0
    for line in text.split("\n"):  # (not splitlines: a JSON string may hold U+2028)
        body = line.strip()
        if body:
            if body[:1] != "{":
                return []
            start = at + len(line) - len(line.lstrip())
            spans.append((start, start + len(body)))
        at += len(line) + 1
    return spans if len(spans) > 1 else []


def _whole_value(text: str) -> list[tuple[int, int]]:
    """The span of the one JSON value ``text`` holds between blanks, else none."""
    at = len(text) - len(text.lstrip())
    try:
        _value, end = json.JSONDecoder().raw_decode(text, at)
    except (ValueError, RecursionError):
        return []
    return [(at, end)] if not text[end:].strip() else []


def _alternatives(text: str) -> list[tuple[int, int]]:
    """The spans of the JSON objects a block shows one after another, with nothing but blanks (and blanked comments)
    between them: two or more, each valid JSON on its own (else none: a body with a typo is read whole); or one or
    more, each under a label line of its own (`Request:`, `instance.json:`, `Response (200):`), which no JSON holds."""
    stripped = text.lstrip()
    if not stripped.startswith("{") and (text.count("{") < 1 or _LABEL_LINE.match(text, len(text) - len(stripped)) is None):
        return []
    decoder = json.JSONDecoder()
    spans = []
    labelled = False
    at = len(text) - len(stripped)
    while at < len(text):
        label = _LABEL_LINE.match(text, at)
        if label is not None:
            labelled = True
            at = len(text) - len(text[label.end():].lstrip())
            if at >= len(text) or text[at] != "{":
                return []
        try:
            value, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):  # (nested past Python's parser: read whole, as any block)
            return []
        if not isinstance(value, dict):
            return []
        spans.append((at, end))
        rest = text[end:].lstrip()
        if rest and not rest.startswith("{") and _LABEL_LINE.match(text, len(text) - len(rest)) is None:
            return []
        at = len(text) - len(rest)
    return spans if len(spans) > 1 or labelled and spans else []


# A line that labels the value below it (`Request:`, `instance.json:`, `Response (200 OK):`): a few words or a file's
# name and a colon, alone on the line
_LABEL_LINE = LazyPattern(r"[A-Za-z][\w.\-/() ]{0,60}+(?<! ):[ \t]*+(?:\r\n|\r|\n)")


COMMENTED_LANGUAGES: frozenset[str] = frozenset({"jsonc", "json5"})
_JSON_STRING = r'"(?:[^"\\\r\n]|\\.)*"'  # one line's string, escapes and all
# ... or one never closed, to its line's end: skipped whole, not tried again from each `"` it holds
_STRING_TO_LINE_END = r'"(?:[^"\\\r\n]|\\.)*+(?:"|(?=[\r\n])|\Z)'
_STRING_OR_COMMENT = LazyPattern(_STRING_TO_LINE_END + r"|(//[^\r\n]*|/\*(?:[^*]|\*(?!/))*\*/)")


# A template's statement alone on its line (Jinja, Liquid: `{% if env == 'prod' %}`)
_TEMPLATE_STATEMENT = LazyPattern(r"^[ \t]*+\{%[^\r\n]*?%\}[ \t]*+,?[ \t]*+\r?$", re.M)  # (possessive: blanks read once)
# A placeholder written where a value goes, unquoted (`"refresh_interval": ${REFRESH_MINUTES},`, `: {{ n }}`): a
# template a tool renders (envsubst, Jinja) before the body is sent
_UNQUOTED_PLACEHOLDER = LazyPattern(_STRING_TO_LINE_END + r"|(?<=[:\[,])([ \t]*)(\$\{[A-Za-z_][\w.\-]*\}|\{\{[^{}\r\n]{1,80}\}\})"
                                   r"(?=[ \t]*[,}\]\r\n])")


def _piece(text: str, start: int, end: int) -> tuple[str, PositionMap]:
    """``text[start:end]`` and the map of its offsets to ``text``'s."""
    builder = TextBuilder()
    builder.copy(text[start:end], start)
    return builder.build(end=end)


def _quoted_placeholders(text: str, mapping: PositionMap) -> tuple[str, PositionMap]:
    """``text`` with each placeholder written unquoted where a value goes read as the string it stands for (each
    position kept: the quoted text stands for the placeholder in the page), so the rest of the block is checked."""
    builder = TextBuilder()
    at = 0
    for match in _UNQUOTED_PLACEHOLDER.finditer(text):
        if match.group(2) is None:
            continue  # a string
        builder.copy(text[at:match.start(2)], at)
        builder.stand_for(json.dumps(match.group(2)), match.start(2), match.end(2))
        at = match.end(2)
    if at == 0:
        return text, mapping
    builder.copy(text[at:], at)
    quoted, inner = builder.build(end=len(text))
    return quoted, inner.then(mapping)


# A documentation tool's directive written as a comment, which it removes from the page it renders: Docusaurus'
# `// highlight-next-line` (`highlight-start`, `highlight-end`; in any comment style, on a line of its own), MkDocs
# Material's code annotation `// (1)!` (at a line's end; without its `!` the comment stays in the page), and Shiki's
# notation (VitePress) at a line's end: `// [!code ++]`, `// [!code highlight]`, `/* [!code focus] */`; a line marked
# `// [!code --]` is shown as removed, so the body to copy is without it (the whole line goes).
_SHIKI = r"(?://[ \t]*+\[!code[ \t]++{0}(?::\d{{1,4}})?\]|/\*[ \t]*+\[!code[ \t]++{0}(?::\d{{1,4}})?\][ \t]*+\*/)[ \t]*+(?=\r?$)"
_DIRECTIVE_COMMENT = LazyPattern(r"(?m)^[^\r\n]*?" + _SHIKI.format("--")
                                 + r"|^[ \t]*+(?://|#|/\*|\{/\*|<!--)[ \t]*+highlight-(?:next-line|start|end)[ \t]*+"
                                 r"(?:\*/\}?|-->)?[ \t]*+(?=\r?$)|//[ \t]*+\(\d{1,3}\)![ \t]*+(?=\r?$)|"
                                 + _SHIKI.format(r"(?:\+\+|highlight|hl|focus|warning|error|word:[^\]\r\n]{1,100}+)"))


def _blank_directives(text: str) -> str:
    """A block with its documentation tool's directive comments written as spaces (every position kept): the reader
    copies the block without them."""
    if "highlight-" not in text and "//" not in text and "[!code" not in text:
        return text
    return _DIRECTIVE_COMMENT.sub(lambda m: " " * len(m.group(0)), text)


def _blank_comments(text: str) -> str:
    """A ``jsonc``/``json5`` block with its ``//`` and ``/* */`` comments (outside strings) written as spaces: the
    comments are the block's language, and every position stays where it is."""
    if "/" not in text:
        return text
    # a `/*` after the last `*/` never closes: the comment pattern is not tried there (from each such `/*` it would
    # read to the end, again and again), and what follows is left as it is, for the parser to report
    last_close = text.rfind("*/")
    unclosed = text.find("/*", last_close + 2 if last_close != -1 else 0)
    head, tail = (text[:unclosed], text[unclosed:]) if unclosed != -1 else (text, "")
    def blanked(comment: re.Match[str]) -> str:  # (a line that is only a comment eliding, `// ...`, is kept: it
        # says the body is shown in part, which the elision's reading takes from it; so is one standing for an
        # object's contents, `{ /* ... */ }`, `{ // ...`)
        if comment.group(1) is None or _ELIDING_COMMENT.match(comment.group(1)) \
                and head[head.rfind("\n", 0, comment.start()) + 1:comment.start()].rstrip()[-1:] in ("", ",", "{", "["):
            return comment.group(0)
        return re.sub(r"[^\r\n]", " ", comment.group(0))

    return _STRING_OR_COMMENT.sub(blanked, head) + tail


# (what a comment names as left out: `credentials`, `the OAuth keys`, `element configuration`; where the reader writes
# them, only what is many (`// your key here` points at the member below, as `"oauth.api.key": "<key>"` would))
_ELIDED_NOUNS = (r"(?:credentials?|keys?|fields?|settings|secrets?|tokens?|auth\w*|config\w*|values|properties|members"
                 r"|entries|options|resources?|pollers?)")
_ELIDED_MANY = (r"(?:credentials|keys|fields|settings|secrets|tokens|config\w*|values|properties|members|entries|options"
                r"|resources|pollers)")
# (words that say a comment stands for what is left out: `// other keys`, `/* omitted for brevity */`, `// etc.`)
_ELIDING_WORDS = (r"(?:\(?(?:\.\.\.|…)|(?i:(?:and\s+)?(?:the\s+)?(?:other|more|remaining|additional|further)\s+(?:keys?|fields?"
                  r"|properties|members|resources?|entries|settings|options|values|pollers?|config\w*)\b"
                  r"|(?:the\s+)?rest\s+of\b|omitted|elided|truncated|abridged|\[?snip\b|etc\b|same\s+as\s+(?:above|before)\b"
                  r"|and\s+so\s+on"
                  # what the page showed earlier, named and referred to (`// oauth keys and event keys as above`)
                  r"|[\w.\- ,&]{1,80}?\s+(?:as|see)\s+(?:above|before|earlier|previously)\b"
                  # ... or what another page shows (`/* credentials: see the setup page */`, `// keys as in the
                  # Authenticate step`), named (not a pointer beside a member: `// the callback URL: see the Events page`)
                  r"|(?:[\w.\- ,&]{0,60}?\b" + _ELIDED_NOUNS + r"\b[\w.\- ,&]{0,20}?:?\s+)"
                  r"(?:see|as\s+(?:on|in)|from)\s+(?:the\s+)?[\w.\-/# ]{0,60}?\b(?:page|section|step|guide)\b"
                  # ... or where the reader writes them (`// your credentials here`, `// element keys go here`, `/* add
                  # your OAuth keys here */`, `// <element configuration>`): named, as a placeholder is
                  r"|[\w.\-' ,&]{0,60}?\b" + _ELIDED_MANY + r"\b[\w.\-' ,&]{0,20}?\s+(?:go(?:es)?\s+)?here\b"
                  r"|<[\w.\-' ,&]{0,60}?\b" + _ELIDED_MANY + r"\b[\w.\-' ,&]{0,20}>))")
_ELIDING_COMMENT = LazyPattern(r"(?://|/\*)[ \t]*" + _ELIDING_WORDS)


# `POST /elements/api-v2/instances HTTP/1.1`, or a response's `HTTP/1.1 200 OK`
_HTTP_START = LazyPattern(r"[ \t]*(?:[A-Z]{3,10} +\S+(?: +HTTP/[\d.]+)?|HTTP/[\d.]+ +\d{3}\b[^\r\n]*)[ \t]*(?:\r\n|\r|\n|$)")


HTTP_LANGUAGES: frozenset[str] = frozenset({"http", "rest"})  # (REST Client's `.http` and `.rest` files)
# a request line as HTTP clients write it, which no JSON document or prose starts with
_REQUEST_START = LazyPattern(r"[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) +(?:/|https?://|\{\{)\S*(?: +HTTP/[\d.]+)?"
                            r"[ \t]*\r?$", re.M)  # (`\r?`: a page or a request file saved with CRLF line ends)


# A block tagged as JSON that holds a command (`curl -X POST ... -d '{...}'`, a transcript's `$ cat instance.json`):
# a shell's block, as its tab's language was copied (no JSON document starts so)
_COMMAND_START = LazyPattern(r"\s*+(?:curl[ \t]|\$[ \t]++\S)")


def _shows_a_command(block: Block) -> bool:
    return block.info in _SHOWN_AS_JSON and _COMMAND_START.match(block.text) is not None


# A block tagged as JSON that shows a request (`POST /elements/api-v2/instances`, then its body) or a response
# (`HTTP/1.1 200 OK`, its headers, its body): its body is checked, not its start line as a bare word (CE006)
_SHOWN_AS_JSON = frozenset({"json", "jsonc", "json5"})


def is_http_block(info: str, text: str) -> bool:
    """Whether a block is HTTP requests: tagged ``http`` or ``rest``, or shown as plain text (an indented block, a
    bare fence, ``text``) or as JSON starting with a request line (or a response's status line) after the client's
    variables and comments."""
    if info in HTTP_LANGUAGES:
        return True
    if info not in PLAIN_TEXT_LANGUAGES and info not in _SHOWN_AS_JSON \
            or not text.lstrip()[:1].isupper() and text.lstrip()[:1] not in ("@", "#", "/", "<"):
        return False
    prelude = _PRELUDE.match(text)
    at = prelude.end() if prelude else 0
    if _REQUEST_START.match(text, at) is not None:
        return True
    # (or a response's status line, `HTTP/1.1 400 Bad Request`, which no JSON document starts with)
    return text[at:].lstrip(" \t").startswith("HTTP/") and _HTTP_START.match(text, at) is not None


def _one_block(text: str, language: str) -> Page:
    """A file read as one code block (a ``.http`` file of requests, a ``.sh`` script): a page whose one block, in
    ``language``, is the whole file."""
    everywhere = PositionMap(tuple(range(len(text) + 1)), tuple(range(1, len(text) + 1)))
    return Page(text=text, variables={}, blocks=(Block(text=text, raw=text, info=language, line=1, content_line=1,
                                                      mapping=everywhere),))


def _common_indent(text: str) -> str:
    """The blanks every line of ``text`` that is not blank starts with."""
    indents = [line[:len(line) - len(line.lstrip(" \t"))] for line in text.splitlines() if line.strip()]
    return os.path.commonprefix(indents) if indents else ""


def _dedented(text: str, mapping: PositionMap) -> tuple[str, PositionMap]:
    """``text`` without the indentation its lines share (a request indented one level more than a list item's code
    block needs), and the map of its offsets to the page."""
    indent = _common_indent(text)
    if not indent:
        return text, mapping
    builder = TextBuilder()
    at = 0
    for line in text.splitlines(keepends=True):
        skip = len(indent) if line.startswith(indent) else 0
        builder.copy(line[skip:], at + skip)
        at += len(line)
    dedented, inner = builder.build(end=len(text))
    return dedented, inner.then(mapping)


def _http_messages(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each HTTP message of an ``http`` block: split at `###` lines (REST Client's and the JetBrains
    client's separators), each after its variable definitions (`@host = ...`) and comment lines."""
    bounds = [0, *(m for separator in _SEPARATOR.finditer(text) for m in (separator.start(), separator.end())),
              len(text)]
    messages = []
    for start, end in zip(bounds[::2], bounds[1::2]):
        prelude = _PRELUDE.match(text, start, end)
        if prelude is not None:
            start = prelude.end()
        # a response shown after its request, in the same block with no `###` (`HTTP/1.1 200 OK`): a message of its own
        for response in _RESPONSE_LINE.finditer(text, start + 1, end):
            if text[start:response.start()].strip():
                messages.append((start, response.start()))
            start = response.start()
        if start < end and text[start:end].strip():
            messages.append((start, end))
    return messages


def _body_end(text: str, start: int, end: int) -> int:
    """Where the body of a message starting at ``start`` ends: at the end of the message, or at the first line after
    it that is the HTTP client's, not the request's (a response handler `> {% ... %}` or `> script.js`, the response
    saved `>> file` or `>>! file`, compared `<> file`; no line of a JSON body starts with `>` or `<>`)."""
    handler = _CLIENT_LINE.search(text, start, end)
    return handler.start() if handler else end


_SEPARATOR = LazyPattern(r"^###[^\r\n]*(?:\r\n|\r|\n|$)", re.M)
_RESPONSE_LINE = LazyPattern(r"^[ \t]*HTTP/\d+(?:\.\d+)? +\d{3}\b", re.M)
_CLIENT_LINE = LazyPattern(r"^[ \t]*(?:>>!?|<>|>)[ \t]", re.M)
# before a request: variables (`@host = ...`), comments, a pre-request script (`< {% ... %}`, `< ./prepare.js`)
_PRELUDE = LazyPattern(r"(?:[ \t]*(?:@[\w.\-]+[ \t]*=[^\r\n]*|#[^\r\n]*|//[^\r\n]*"
                      r"|<[ \t]*\{%[^%]*(?:%(?!\})[^%]*)*%\}[^\r\n]*|<[ \t]+[^\r\n{]+)?(?:\r\n|\r|\n))+")


def _http_body(text: str, start: int, end: int) -> int | None:
    """Where the body of the HTTP message ``text[start:end]`` begins (after the header lines and a blank line; the
    end for a message with none), or ``None`` when it does not start as an HTTP message."""
    first = _HTTP_START.match(text, start, end)
    if first is None:
        return None
    at = _headers_end(text, first.end(), end)
    blank = _BLANK.match(text, at, end)
    return blank.end() if blank else at


def _headers_end(text: str, at: int, end: int) -> int:
    """Where the header lines starting at ``at`` end: header lines, and the lines REST Client allows among them (a
    query continued on its own line, `    &pageSize=5`; a `#` or `//` comment).  Each line matched in place, so a long
    line that is no header costs one look."""
    header = False
    while at < end:
        line = _HEADER_LINE.match(text, at, end) or _REQUEST_LINE_PART.match(text, at, end) or (
            _FOLDED_LINE.match(text, at, end) if header else None)  # (a header continued on an indented line)
        if line is None or line.end() == at:
            return at
        header = line.re is not _REQUEST_LINE_PART.compiled
        at = line.end()
    return at


def _http_problems(text: str) -> list[Problem]:
    """CE026 for each request of an ``http`` block whose body follows its last header line with no blank line;
    CE027 for a JSON body sent to the platform with headers but no `Content-Type`."""
    problems: list[Problem] = []
    for start, end in _http_messages(text):
        first = _HTTP_START.match(text, start, end)
        if first is None or text[start:end].lstrip().startswith("HTTP/"):  # a response is shown, not sent
            continue
        at = last_header_end = _headers_end(text, first.end(), end)
        problems.extend(_untyped_json(text, first, at, end))
        if at >= end or _BLANK.match(text, at, end) or not text[at:end].strip():
            continue
        line_end = len(text[:last_header_end].rstrip("\r\n"))
        newline = text[line_end:last_header_end] or "\n"
        problems.append(Problem(HTTP_BLANK_LINE.code, "no blank line between the headers and the body: an HTTP client "
                                "reads this line as one more header, and sends the request without its body", at,
                                at + 1, "add a blank line after the last header",
                                fix=Fix("add a blank line after the last header", (Edit(line_end, line_end, newline),),
                                        "safe")))
    return problems


def _untyped_json(text: str, first: re.Match[str], headers_end: int, end: int) -> Iterator[Problem]:
    """CE027 when the request ``first`` starts sends a JSON body to the platform under header lines (an
    `Authorization`, say) of which none is its `Content-Type`.  (A request shown with no header at all is an outline.)"""
    from .curl import (CONTENT_TYPE_HEADER, JSON_AS_FORM, PLATFORM_ADDRESS, misspelt_content_type, misspelt_type_problem,
                       other_media_type, other_type_problem)

    lines = list(_HEADER_LINE.finditer(text, first.end(), headers_end))
    headers = [line.group() for line in lines]
    body = text[headers_end:end].lstrip()
    if not headers or body[:1] not in ("{", "["):
        return
    if not PLATFORM_ADDRESS.search(first.group()) and not any(PLATFORM_ADDRESS.search(h) for h in headers):
        return
    typed = [line for line in lines if line.group().lower().startswith("content-type")]
    if typed:
        span = other_media_type(typed[-1].group())
        if span is not None:
            at, stop = typed[-1].start() + span[0], typed[-1].start() + span[1]
            yield other_type_problem(text[at:stop], at, stop)
        return
    for line in reversed(lines):
        span = misspelt_content_type(line.group())
        if span is not None:
            at, stop = line.start() + span[0], line.start() + span[1]
            yield misspelt_type_problem(text[at:stop], at, stop)
            return
    line_end = len(text[:headers_end].rstrip("\r\n"))
    newline = text[line_end:headers_end] or "\n"
    method = first.group().lstrip(" \t")
    at = first.start() + len(first.group()) - len(method)
    yield Problem(JSON_AS_FORM.code, "a JSON body with no `Content-Type` header: the request says nothing of its "
                  "type, and the platform's API reads JSON and refuses it", at, at + len(method.split(" ", 1)[0]),
                  f"add the header `{CONTENT_TYPE_HEADER}`",
                  fix=Fix(f"add the header `{CONTENT_TYPE_HEADER}`",
                          (Edit(line_end, line_end, newline + CONTENT_TYPE_HEADER),), "safe"))


_HEADER_LINE = LazyPattern(r"[\w-]{1,100}:[^\r\n]*(?:\r\n|\r|\n|$)")
# A header's value continued on the next line, indented (`Authorization: User x,` then `    Organization y`)
_FOLDED_LINE = LazyPattern(r"[ \t]+[^\s{\[\"][^\r\n]*(?:\r\n|\r|\n|$)")
_REQUEST_LINE_PART = LazyPattern(r"(?:[ \t]+[?&][^\r\n]*|[ \t]*(?:#|//)[^\r\n]*)(?:\r\n|\r|\n|$)")
_BLANK = LazyPattern(r"[ \t]*(?:\r\n|\r|\n)")


# The dots that elide, alone on a line: `...` (more dots, `....`), `…`, a vertical `⋮`, in brackets (`[...]`, `(…)`), or
# spaced (`. . .`); words may follow (`... other keys`, `... // more`)
_DOTS = r"(?:\.{3,}+|…|⋮|\[(?:\.{3,}+|…)\]|\((?:\.{3,}+|…)\)|\.(?:[ \t]\.){2,}+)"
# `...` that elides: alone on a line (with a comma), standing for a container's contents (`{ ... }`, `[…]`),
# for the members after one (`"a": 1, ... }`), or for a member's value (`"oauth.api.key": ...,`)
# (a page saved with CRLF line ends too: `$` does not match before a `\r`)
_ELISION = LazyPattern(r"^[ \t]*(?P<line>" + _DOTS + r"(?:[ \t]*+(?://|#)?[ \t]*+[A-Za-z][^\"{}\[\]\r\n]*+)?)"
                      r"(?P<line_comma>,?)[ \t]*\r?$"
                      # (or a placeholder alone on a line, where members go: `<your credentials>,`)
                      r"|^[ \t]*(?P<angled><[A-Za-z][^<>\"\r\n]{0,100}>)(?P<angled_comma>,?)[ \t]*\r?$"
                      r"|[{\[][ \t]*(?P<contents>\.\.\.|…)[ \t]*[}\]]"
                      r"|(?P<after>[,:])[ \t]*(?P<rest>\.\.\.|…|(?<=:)[ \t]*\"(?:\.\.\.|…)\")[ \t]*(?=[}\]]|,|\r?$)"
                      # (or a comment that elides: `// ...`, `// ... other keys`, `/* ... */`, `// other keys`, also after
                      # a member: `"oauth.api.key": "<key>", // etc.`)
                      rf"|^[ \t]*(?P<comment>(?://|#)[ \t]*{_ELIDING_WORDS}[^\r\n]*)\r?$"
                      rf"|,[ \t]*(?P<trailing>//[ \t]*{_ELIDING_WORDS}[^\r\n]*)\r?$"
                      # (or right after an object's or a list's opening: `"customers": { // ...`)
                      rf"|[{{\[][ \t]*(?P<opened>//[ \t]*{_ELIDING_WORDS}[^\r\n]*)\r?$"
                      rf"|(?P<block>/\*[ \t]*{_ELIDING_WORDS}[^*\r\n]*\*/)",
                      re.M)


# What a body shown in part cannot be told: that a key is missing (it may be among what `...` leaves out), nor how
# to write what no one sends as it is (its comments, a comma before what is left out)
_ABSENCE_RULES = frozenset({"CE002", "CE003", "CE103", "CE105", "CE201", "CE204", "CE304", "CE305", "CE306", "CE412",
                            "CE506", "CE508", "CE910", "CE920"})


def _shown_in_part(finding: Finding, elided: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether a finding of a body with elisions stands: not one of a missing key, nor at what the dots stand for."""
    if finding.rule in _ABSENCE_RULES or finding.rule == "CE107" and not finding.pointer.endswith("/idField"):
        # (CE107 at the entry: its idField is missing; at the idField: empty)
        return False
    start = offset_of(starts, finding.line, finding.column)
    end = offset_of(starts, finding.end_line, finding.end_column)
    return not any(s < max(end, start + 1) and start < e for s, e in elided)


def _without_elisions(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with what elides made JSON again, every character in its place (so findings keep their columns): a
    line or comment of ``...`` blanked (and the comma before it when nothing follows), ``{ ... }`` emptied, and a
    member's ``...`` value written as a string of its length; and the places elided, where no finding is kept."""
    chars = list(text)
    elided: list[tuple[int, int]] = []

    def blank(start: int, end: int) -> None:
        for at in range(start, end):
            if chars[at] not in "\r\n":
                chars[at] = " "

    # (the blanks looked back over are not looked over again: the last elision blanked, and the first character
    # before it that was no blank; each `...` line looking back over all the lines blanked before it was quadratic)
    last: list[int] = [-1, -1]

    def comma_before_a_close(start: int, end: int) -> None:  # `"a": 1,` then `...` then `}`: the comma goes too
        after = end
        while after < len(chars) and chars[after] in " \t\r\n":
            after += 1
        before = start - 1
        while before >= 0 and chars[before] in " \t\r\n":
            before = last[1] if before == last[0] - 1 else before - 1
        if (after >= len(chars) or chars[after] in "}]") and before >= 0 and chars[before] == ",":
            chars[before] = " "
        last[:] = [start, before]

    for match in _ELISION.finditer(text):
        group = (match.lastgroup or "").removesuffix("_comma")
        start, end = match.span(group)
        end = match.end(f"{group}_comma") if group in ("line", "angled") else end
        if group == "rest" and match.group("after") == ":":
            chars[start:end] = list("0".ljust(end - start))  # a value of the dots' length, which no message names
        else:  # the dots go, and (but inside `{ ... }`) the comma before them when nothing follows
            blank(start, end)
            if group != "contents":  # (`{ /* ... */ }` has no comma before it)
                comma_before_a_close(start, end)
        elided.append((start, end))
    return "".join(chars), elided
_BRACKET_OR_STRING = LazyPattern(_STRING_TO_LINE_END + r"|[{}\[\]]")  # (a string never closed: its line's rest)
# Members shown without the braces of their object: `"event.poller.configuration": { ... }`
_MEMBERS = LazyPattern(r"[ \t\r\n]*" + _JSON_STRING + r"[ \t\r\n]*:")


# An untagged block that is not JSON is read as a broken body only when it is written as JSON is: it opens an object
# or an array, or holds a quoted key and its colon.
_OPENS_JSON = LazyPattern(r'\s*[{\[]|[^\r\n]*"[^"\r\n]+"[ \t]*:')
_TAGGED_JSON = frozenset({"json", "jsonc", "json5", "jsonl", "ndjson", "jsonlines"})


def _json_like(document: Document) -> bool:
    return document.language in _TAGGED_JSON or document.shell or any(
        _OPENS_JSON.match(line) for line in document.text.splitlines())


def _partial(text: str) -> bool:
    """Whether a block that is not JSON is a documentation fragment, whose syntax is not the reader's to copy: it
    elides part of itself with ``...`` (a placeholder where members go, `<your credentials>`, is no such mark: what
    else the body shows is written to be copied), or shows an object's members without its braces."""
    return any(match.group("angled") is None and not (match.group("rest") or "").lstrip().startswith('"')
               for match in _ELISION.finditer(text)) \
        or (_MEMBERS.match(text) is not None and _balanced(text))  # (a `"..."` value is JSON: no fragment's mark)


def _balanced(text: str) -> bool:
    """Whether the braces and brackets outside strings pair up: members shown alone, not a whole body that lost
    its opening ``{`` (which ends with a ``}`` closing nothing)."""
    lowest, depth = _bracket_depths(text)
    return lowest == 0 and depth == 0


def _moved(finding: Finding, document: Document, starts: list[int], page_starts: list[int],
           page: str | None = None) -> Finding:
    """``finding`` (placed in the document's text, whose lines start at ``starts``) placed in the page (whose text,
    ``page``, lets a fix over lines be moved too)."""
    start = offset_of(starts, finding.line, finding.column)
    end = offset_of(starts, finding.end_line, finding.end_column)
    page_start = document.mapping.to_page(start)
    page_end = max(document.mapping.to_page(end, end=True), page_start) if end > start else page_start
    line, column = line_col(page_starts, page_start)
    end_line, end_column = line_col(page_starts, page_end)
    if (end_line, end_column) == (line, column):
        end_column += 1
    elif finding.end_line == finding.line and (end_line, end_column) == (line + 1, 1):  # a line's end (a missing `,`)
        end_line, end_column = line, column + max(finding.end_column - finding.column, 1)
    severity = "info" if finding.rule in TEMPLATE_RULES or finding.rule == "CE006" and stands_for_a_literal(
        document.text[start:end]) else finding.severity  # (`<true|false>`: a template's, as `"<CLIENT_ID>"` is)
    message = _relocate(finding.message, document.mapping, starts, page_starts)
    return replace(finding, message=message, pointer=document.label + finding.pointer, line=line, column=column,
                   end_line=end_line, end_column=end_column, severity=severity,
                   fix=_page_fix(finding.fix, document, page))


def _page_fix(fix: Fix | None, document: Document, page: str | None = None) -> Fix | None:
    """``fix`` (edits of the document's text) as edits of the page; ``None`` when it cannot be one.

    An edit is moved only where the page holds the document's text character for character (but for the
    container's marks that open each line: a list item's indentation, a block quote's `>`); a line its
    replacement starts is given those marks, which needs the ``page``'s text.  A curl body's replacement would
    need the shell's quoting (but a here-document with a quoted delimiter is read as the page writes it).
    """
    if fix is None or document.shell and not document.verbatim or document.escaped:
        return None
    from ..findings import Edit

    edits = []
    for edit in fix.edits:
        if _LINE_BREAK.search(edit.replacement) or _LINE_BREAK.search(document.text, edit.start, edit.end):
            moved = _page_edit_over_lines(edit, document, page)
            if moved is None:
                return None
            edits.append(moved)
            continue
        if not document.mapping.copied(edit.start, edit.end) or not _holds(document, page, edit.start, edit.end):
            return None
        start = document.mapping.to_page(edit.start)
        end = document.mapping.to_page(edit.end, end=True) if edit.end > edit.start else start
        edits.append(Edit(start, end, edit.replacement))
    return Fix(fix.message, tuple(edits), fix.applicability)


_LINE_BREAK = LazyPattern(r"\r\n?|\n")
_CONTAINER_MARKS = LazyPattern(r"[ \t>]*")  # what a list item or a block quote puts before each line of its block


def _page_edit_over_lines(edit: Edit, document: Document, page: str | None) -> Edit | None:
    """``edit``, which removes or writes line breaks, as an edit of the page: the page text it replaces is the
    document's with the container's marks of the lines in between, and each line it writes gets the marks of the
    line it starts on.  ``None`` where the page holds anything else there (a substitution, a tag)."""
    mapping, text = document.mapping, document.text
    start, end = edit.start, edit.end
    if page is None or not 0 <= start <= end <= len(text) or (start == end and not mapping.copied(start, start)):
        return None
    after = None  # where the character before ends in the page
    for i in range(start, end):
        if not mapping.copied(i, i + 1):
            return None
        at = mapping.to_page(i)
        if page[at] != text[i]:  # a jsonc block's comment, read as spaces: a fix would take it away
            return None
        if after is not None and at != after and not (
                text[i - 1] in "\r\n" and _CONTAINER_MARKS.fullmatch(page, after, at)):
            return None
        after = at + 1
    line = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    at = mapping.to_page(line)
    marks = page[max(page.rfind("\n", 0, at), page.rfind("\r", 0, at)) + 1:at]
    if not _CONTAINER_MARKS.fullmatch(marks):
        return None
    line_end = _LINE_BREAK.search(text, end)
    if not _holds(document, page, end, line_end.start() if line_end else len(text)):
        return None  # (a comment after the edit would be left beside another member)
    page_start = mapping.to_page(start)
    if end == start:
        page_end = page_start
    elif text[end - 1] in "\r\n":  # the edit ends where a line starts: before its marks, which stay
        page_end = mapping.to_page(end)
    else:
        page_end = mapping.to_page(end, end=True)
    # (blanks before a line break are a comment's, read as spaces, in the gap the fix copied)
    parts, at = [], 0
    for match in _LINE_BREAK.finditer(edit.replacement):
        parts += [edit.replacement[at:match.start()].rstrip(" \t"), match.group(), marks]
        at = match.end()
    return Edit(page_start, page_end, "".join(parts) + edit.replacement[at:])


def _holds(document: Document, page: str | None, start: int, end: int) -> bool:
    """Whether the page holds the document's characters ``[start, end)`` as they are (not a jsonc block's comment
    read as spaces, nor a part a body shown in part left out); each must be copied."""
    if page is None:
        return True
    mapping, text = document.mapping, document.text
    return all(mapping.copied(i, i + 1) and page[mapping.to_page(i)] == text[i] for i in range(start, end))


_PLACE = LazyPattern(r"\bline (\d+), column (\d+)|\bend of line (\d+)\b")


def _relocate(message: str, mapping: PositionMap, starts: list[int], page_starts: list[int]) -> str:
    """``message`` with the places it names (``line 3, column 7``: the JSON reader's) moved to the page."""
    def moved(match: re.Match[str]) -> str:
        if match.group(3) is not None:
            line = line_col(page_starts, mapping.to_page(offset_of(starts, int(match.group(3)), 1)))[0]
            return f"end of line {line}"
        place = mapping.to_page(offset_of(starts, int(match.group(1)), int(match.group(2))))
        line, column = line_col(page_starts, place)
        return f"line {line}, column {column}"

    return _PLACE.sub(moved, message) if "line " in message else message


def _document_secrets(document: Document, options: Options | None) -> Secrets:
    from ..engine import secrets_of

    return secrets_of(document.source, options or Options())


def _page_ranges(document: Document, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of the document's text as ranges of the page."""
    return [(document.mapping.to_page(s), document.mapping.to_page(e, end=True)) for s, e in spans]


def _shell_finding(problem: tuple[Problem, int, int], document: Document, page_starts: list[int],
                   path: str | None, secret: list[tuple[int, int]]) -> Finding:
    shell, start, end = problem
    line, column = line_col(page_starts, start)
    end_line, end_column = line_col(page_starts, max(end, start + 1))
    message, help = shell.message, shell.help
    if any(s < end and start < e for s, e in secret):  # the message quotes shell text, never a secret's
        message = _SECRET_SHELL_WORDING.get(shell.rule, "the shell changes this secret value: it is not sent as written")
        if shell.rule == VARIABLE_NOT_EXPANDED.code and shell.help == QUOTED_HEREDOC_HELP:  # (no quotes to close)
            message = ("the shell does not expand the variable inside this secret value in a here-document whose "
                       "delimiter is quoted: curl sends its name, not its value")
        elif shell.rule == VARIABLE_NOT_EXPANDED.code:  # (its help names the variable: here a piece of the secret)
            help = "close the single quotes around the variable and quote it for the shell: '\"$NAME\"'"
    return _finding(shell.rule, message, path, document.label, (line, column, end_line, end_column), help=help)


# What a shell problem inside a secret value says without quoting the value (a `$NAME` in it is part of it).
_SECRET_SHELL_WORDING = {
    SHELL_EXPANSION.code: "the shell expands a `$` inside this secret value: what is sent is what the shell makes of "
                          "it, not the value as written",
    SHELL_QUOTE.code: "the shell's quoting changes this secret value: a ' inside '...' ends the quoting",
    VARIABLE_NOT_EXPANDED.code: "the shell does not expand the variable inside this secret value's single quotes: "
                                "curl sends its name, not its value",
}


def _finding(rule: Rule | str, message: str, path: str | None, pointer: str, span: Span, *,
             help: str | None = None) -> Finding:
    from ..masking import printable
    from ..rules import rule_for

    if isinstance(rule, str):
        rule = rule_for(rule)
    line, column, end_line, end_column = span
    return Finding(rule=rule.code, severity=rule.severity, message=message, path=printable(path) if path else path,
                   pointer=pointer, line=line, column=column, end_line=end_line, end_column=end_column, help=help)
