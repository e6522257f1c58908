"""The one adapter between the language server and the checker: what ``ce-validator check FILE`` reports.

The steps are those of :func:`validator.check` (``validator/api.py``) for an unsaved buffer: the
configuration found for the file (the nearest ``.ce-validator.toml`` or ``pyproject.toml`` with
``[tool.ce-validator]``), its excludes and options (``Config.options``), the engine
(``inspect_source``: findings with secret values scrubbed, and the document's secrets, which hovers
are scrubbed with too), then its selection and severities (``Config.apply``).  The source and the
secrets are kept for hovers, which ``validator.check`` does not return.  A Markdown page (``.md``,
``.markdown``) is checked block by block by ``validator.pages``, as ``check`` does, and its blocks are kept for hovers.  A configuration
or setup error becomes one finding at the top of the file, so the editor shows why nothing else is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding
from ..inputs import reads_as_page

if TYPE_CHECKING:  # pragma: no cover
    from ..config import Config
    from ..masking import Secrets
    from ..options import Options
    from ..pages import PageCheck
    from ..source import Source

__all__ = ["Checked", "check_text"]

SETUP_ERROR = ""  # not a rule (no code): the configuration or the element docs cannot be used


@dataclass
class Checked:
    """The result of checking one editor buffer."""

    text: str
    path: str | None
    findings: list[Finding] = field(default_factory=list)
    source: Source | None = None
    config: Config | None = None
    options: Options | None = None
    secrets: Secrets | None = field(default=None, repr=False, compare=False)
    page: PageCheck | None = field(default=None, repr=False, compare=False)  # a Markdown page's blocks, for hovers

    def scrub(self, text: str) -> str:
        """``text`` (a hover) with every secret value of the file replaced by ``****``."""
        if self.secrets is None:
            from ..engine import secrets_of
            from ..options import Options

            if self.page is not None:
                self.secrets = self.page.secrets()
            elif self.source is None:
                return text
            else:
                self.secrets = secrets_of(self.source, self.options or Options())
        return self.secrets.scrub(text) or text


def _setup_finding(message: str, path: str | None) -> Finding:
    return Finding(rule=SETUP_ERROR, severity="error", message=message, path=path, pointer="", line=1, column=1,
                   end_line=1, end_column=1)


#: The editors' language ids of documents read as pages, whatever their name (an untitled Markdown buffer).
PAGE_LANGUAGES = frozenset({"markdown", "mdx"})


def check_text(text: str, path: str | None, *, language: str | None = None) -> Checked:
    """Check the unsaved ``text`` of the file at ``path`` (None: untitled, with the current folder's configuration).

    ``language`` is the editor's language id of the document: a page (:data:`PAGE_LANGUAGES`) is read as one,
    and so is a document the command reads as one (a ``README`` without a suffix)."""
    from ..config import ConfigError, ConfigResolver
    from ..engine import inspect_source
    from ..options import SetupError
    from ..source import load_source

    result = Checked(text=text, path=path)
    try:
        config = ConfigResolver().for_path(path)  # a fresh resolver: the configuration may have changed
    except ConfigError as exc:
        result.findings = [_setup_finding(f"configuration error: {exc}", path)]
        return result
    result.config = config
    if path is not None and config.is_excluded(path):
        return result
    options = config.options()
    unusable = options.unusable_folder()
    if unusable is not None:
        result.findings = [_setup_finding(unusable, path)]
        return result
    result.options = options
    if options.element_docs:
        from ..elements import forget_changed_docs

        forget_changed_docs()  # (the docs exported again since the last check are read again)
    try:
        if language in PAGE_LANGUAGES or reads_as_page(path, text):
            from ..pages import check_page

            result.page = check_page(text, path=path, options=options)
            findings = result.page.findings
        else:
            source = load_source(text, path=path)
            result.source = source
            inspected = inspect_source(source, options=options)
            findings = inspected.findings
            if inspected.findings:  # the secrets are looked for only when there is something to show
                result.secrets = inspected.secrets
    except SetupError as exc:
        result.findings = [_setup_finding(str(exc), path)]
        return result
    result.findings = config.apply(findings, path=path)
    return result


