"""What ``check`` reads: a named file or standard input, and the error for one that cannot be read.

Kept below the command layer so that the batch runner (``check_runner``) does not import a command.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from .lazy_pattern import LazyPattern


class InputFile(NamedTuple):
    """A file to check, or standard input."""

    shown: str  # the path as shown to the user
    path: Path | None  # None for standard input


class InputError(Exception):
    """A path that cannot be read; reported on stderr (and in the reports, as a file not checked), exit 2.

    ``path`` is the path as given or found (None when there is none to name)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


#: File names read as Markdown documentation pages (``validator.pages``), any case: also MDX (Docusaurus' pages).
PAGE_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".mdx")


#: Files read as a page holding one code block of their language, when named (a folder's files are its ``*.json``
#: and pages): JSON with comments (a ``.jsonc`` or ``.json5`` body: its comments are its language's, read as
#: spaces), HTTP requests (VS Code's REST Client, the JetBrains HTTP Client), and scripts whose curl or PowerShell
#: calls send bodies.
ONE_BLOCK_SUFFIXES: dict[str, str] = {".jsonc": "jsonc", ".json5": "json5", ".http": "http", ".rest": "http",
                                      ".sh": "sh", ".bash": "bash", ".zsh": "zsh", ".ps1": "powershell", ".bat": "bat",
                                      ".cmd": "cmd", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl"}


def is_page(path: str | None) -> bool:
    """Whether ``path`` is read as a page: a Markdown page (``.md``, ``.markdown``), or a file read as one code block
    (:data:`ONE_BLOCK_SUFFIXES`: ``.http``, ``.sh``, ...); any case."""
    return path is not None and (path.lower().endswith(PAGE_SUFFIXES) or one_block_language(path) is not None)


def suffix(path: str) -> str:
    """A file name's last suffix, in lower case (``.json`` of ``a/B.JSON``; none of ``.env``): ``Path.suffix`` without
    building a ``Path`` (asked of every file checked)."""
    return os.path.splitext(os.path.basename(path))[1].lower()


def within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies inside it (both as written: real paths for links)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def one_block_language(path: str) -> str | None:
    """The language of a file read as one code block (:data:`ONE_BLOCK_SUFFIXES`), else None."""
    return ONE_BLOCK_SUFFIXES.get(suffix(path))


#: Files named as code (a provisioning script building a body, a test fixture's module): what is not valid JSON in
#: them is the language's, not a mistake in a body.  (None of them is read as one block: a document inside a page
#: has the page's path, and a shell script's broken curl body is a mistake to report.)
CODE_SUFFIXES: dict[str, str] = {
    ".py": "Python", ".js": "JavaScript", ".mjs": "JavaScript", ".cjs": "JavaScript", ".ts": "TypeScript",
    ".tsx": "TypeScript", ".jsx": "JavaScript", ".java": "Java", ".kt": "Kotlin", ".groovy": "Groovy", ".go": "Go",
    ".rb": "Ruby", ".php": "PHP", ".cs": "C#", ".psm1": "PowerShell", ".tf": "Terraform", ".yaml": "YAML",
    ".yml": "YAML", ".toml": "TOML", ".xml": "XML", ".html": "HTML", ".properties": "properties", ".ini": "INI",
    ".env": "dotenv"}


def code_language(path: str) -> str | None:
    """The language of a file named as code (:data:`CODE_SUFFIXES`), else None."""
    return CODE_SUFFIXES.get(suffix(path))


#: Templates a tool renders into the body before it is sent (Jinja for Ansible, Go templates for Helm, Handlebars,
#: Mustache, Liquid, Nunjucks; Terraform's ``templatefile``), by their last suffix (``instance.json.j2``): what the
#: tool fills is no unfilled placeholder (``{{ lookup('env', 'KEY') }}``, ``{{ .Values.x }}`` unquoted), and
#: Terraform writes ``$${`` for a ``${`` it must leave.
TEMPLATE_SUFFIXES: dict[str, str] = {
    ".j2": "{{", ".jinja": "{{", ".jinja2": "{{", ".tpl": "{{", ".tmpl": "{{", ".gotmpl": "{{", ".hbs": "{{",
    ".mustache": "{{", ".liquid": "{{", ".njk": "{{", ".ctmpl": "{{", ".tftpl": "$${"}


def template_syntax(path: str | None) -> str | None:
    """What the template tool of a file named as a template (:data:`TEMPLATE_SUFFIXES`) fills or escapes: ``{{`` or
    ``$${``; else None."""
    return TEMPLATE_SUFFIXES.get(suffix(path)) if path else None


#: File names always read as JSON, whatever they hold.
JSON_SUFFIXES: tuple[str, ...] = (".json", ".jsonc", ".json5")


def reads_as_page(shown: str | None, data: bytes | str) -> bool:
    """Whether a document is read as a Markdown page: named so, or (standard input, a ``README`` without a
    suffix) not named as JSON, not starting as JSON does, and holding what no JSON document has: a fenced code
    block (in a list item or a block quote too), front matter, or a JSON block indented under a paragraph."""
    if is_page(shown):
        return True
    if shown is not None and shown.lower().endswith(JSON_SUFFIXES):
        return False
    if isinstance(data, bytes) and (data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]):
        data = _wide_text(data)  # a UTF-16 or UTF-32 page (Windows PowerShell's `>` writes UTF-16), read as check reads it
    head = data[:4096] if isinstance(data, str) else data[:4096].decode("utf-8", "replace")
    if head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[", '"'):
        return False  # (decided on the head: a large JSON document is not decoded here)
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    return _PAGE_SIGN.search(text) is not None


def _wide_text(data: bytes) -> str:
    """The text of UTF-16 or UTF-32 ``data``, with or without a byte order mark, as the loader reads it."""
    from .source.load import bom_codec, unmarked_wide_text

    marked = bom_codec(data)
    if marked is not None:
        return data[marked[1]:].decode(marked[0], "replace")
    return unmarked_wide_text(data) or data.decode("utf-8", "replace")


# What no JSON document holds: a fenced code block (also in a list item or a block quote), front matter, or a
# JSON block indented under a paragraph (an indented code block; not under a `//` comment, a JSONC file's).
_PAGE_SIGN = LazyPattern(r"(?m)^(?:[ \t]*(?:>|[*+\-][ \t]|\d{1,9}[.)][ \t]))*[ \t]*(?:```|~~~)"
                         r"|\A\ufeff?---[ \t]*\r?\n"
                         r"|^(?!//|/\*)[^\s{}\[\]\"][^\r\n]*\r?\n[ \t]*\r?\n(?: {4}|\t)[ \t]*[{\[]")
