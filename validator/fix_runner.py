"""``check --fix`` / ``--unsafe-fixes`` / ``--diff`` for one file: fix its text, then check what is left.

Kept apart from ``check_runner`` (which calls :func:`fix_file` for each input when fixing) so the
plain check path never imports it.  Nothing here prints: the caller writes the diff and the report.
"""

from __future__ import annotations

from codecs import BOM_UTF8
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .findings import Finding
from .fixes import FixResult, UnfixableEncoding, decode, encode, fix_text, unified_diff


@dataclass(frozen=True, slots=True)
class FileFix:
    """The outcome for one file: its ``result`` (``None`` when it could not be fixed, ``reason`` says
    why), the bytes to write (``data``, ``None`` when nothing changes) and the ``diff`` text."""

    result: FixResult | None
    data: bytes | None
    diff: str
    reason: str | None = None


def fix_file(data: bytes, *, shown: str, kind: str, options: Any, keep: Callable[[list[Finding]], list[Finding]],
             unsafe: bool) -> FileFix:
    """Fix the file whose bytes are ``data``; ``keep`` filters findings as the configuration does."""
    from .engine import check_source, secrets_of
    from .inputs import reads_as_page
    from .source import load_source

    if reads_as_page(shown, data):
        return _fix_page(data, shown=shown, kind=kind, options=options, keep=keep, unsafe=unsafe)
    if kind == "auto":
        from .kinds import clearly_not_cloud_elements

        if clearly_not_cloud_elements(data):  # skipped unparsed by the check (a large package-lock.json): no fix
            return FileFix(None, None, "")
    loaded = load_source(data, path=shown)
    try:
        encoded = decode(data, loaded.text)
    except UnfixableEncoding as exc:
        return FileFix(None, None, "", str(exc))
    cache: dict[str, Any] = {loaded.text: loaded}

    def load(text: str) -> Any:
        found = cache.get(text)
        if found is None:
            found = cache[text] = load_source(text, path=shown)
        return found

    def check(text: str) -> list[Finding]:
        return keep(check_source(load(text), kind=kind, options=options))

    def protected(text: str) -> Sequence[tuple[int, int]]:
        # the engine already drops a fix that edits a secret; this keeps it so whatever a rule returns
        return secrets_of(load(text), options).spans

    result = fix_text(loaded.text, check, unsafe=unsafe, protected=protected)
    if result.text == loaded.text:
        return FileFix(result, None, "")
    if loaded.valid and not load(result.text).valid:  # a last guard: fixes never break a valid document
        return FileFix(None, None, "", "the fixes would make the JSON invalid; nothing changed (please report it)")
    if _unrecognised(check(result.text)) and not _unrecognised(check(loaded.text)):
        return FileFix(None, None, "", _NO_LONGER_RECOGNISED)
    return FileFix(result, encode(result.text, encoded),
                   _masked_diff(shown, loaded.text, secrets_of(loaded, options), result.text,
                                secrets_of(load(result.text), options), _mark(encoded)))


_NO_LONGER_RECOGNISED = ("the fixes would leave a file that is no longer read as a Cloud Elements body (it would be "
                         "skipped, and pass); nothing changed: fix it by hand")


def _unrecognised(findings: Sequence[Finding]) -> bool:
    """Whether a check skipped the text as not Cloud Elements (CE090)."""
    from .engine import NOT_CLOUD_ELEMENTS

    return any(f.rule == NOT_CLOUD_ELEMENTS for f in findings)


def _fix_page(data: bytes, *, shown: str, kind: str, options: Any, keep: Callable[[list[Finding]], list[Finding]],
              unsafe: bool) -> FileFix:
    """Fix a Markdown page: its findings' fixes are already moved to page offsets (``validator.pages``)."""
    from .pages import PageCheck, check_page

    first = check_page(data, path=shown, kind=kind, options=options)
    try:
        encoded = decode(data, first.text)
    except UnfixableEncoding as exc:
        return FileFix(None, None, "", str(exc))
    cache: dict[str, PageCheck] = {first.text: first}

    def load(text: str) -> PageCheck:
        found = cache.get(text)
        if found is None:
            found = cache[text] = check_page(text, path=shown, kind=kind, options=options)
        return found

    result = fix_text(first.text, lambda text: keep(load(text).findings), unsafe=unsafe,
                      protected=lambda text: load(text).secrets().spans)
    if result.text == first.text:
        return FileFix(result, None, "")
    if len(load(result.text).documents) < len(first.documents):  # (a page whose mistakes were in no body, a curl
        return FileFix(None, None, "", _NO_LONGER_RECOGNISED)     # command's or an HTTP block's, has none to lose)
    return FileFix(result, encode(result.text, encoded),
                   _masked_diff(shown, first.text, first.secrets(), result.text, load(result.text).secrets(),
                                _mark(encoded)))


def _mark(encoded: Any) -> str:
    """A UTF-8 byte order mark as the diff's first character: the file's first line holds it, and ``patch`` or
    ``git apply`` finds no line without it (as ``git diff`` shows it). A UTF-16 file's diff applies to no file."""
    return "\ufeff" if encoded.bom == BOM_UTF8 else ""


def _masked_diff(shown: str, before: str, before_secrets: Any, after: str, after_secrets: Any, mark: str = "") -> str:
    """The diff of the file's lines, masked as every output is: each side with its own secrets and with the
    other's values, since a fix may move a secret out of what marks it (``&apiKey=`` becomes `` and apiKey=``);
    ``mark`` (the byte order mark the decoded texts lack) opens both sides."""
    from .masking import secrets_alike

    masks = secrets_alike((before, after), (before_secrets, after_secrets))
    return unified_diff(shown, mark + masks[0].mask(before), mark + masks[1].mask(after))


@dataclass
class Summary:
    """What a ``--fix``/``--diff`` run did over all files, for the command to print."""

    diff: str = ""
    fixed: int = 0  # findings whose fix was applied (or would be, with --diff)
    files: int = 0  # files changed (or that would change)
    notes: list[str] | None = None
    errors: list[str] | None = None  # files that could not be written (their findings are still reported)

    def note(self, text: str) -> None:
        if self.notes is None:
            self.notes = []
        self.notes.append(text)


def execute(jobs: list[tuple[Any, Any, Any]], kind: str, read: Callable[[Any], bytes], *, write: bool,
            unsafe: bool, summary: Summary) -> Iterator[tuple[str, object]]:
    """Like ``check_runner._execute``, fixing each file first: ``("ok", (findings, report))`` per job,
    the findings being those left after the fixes; ``("input-error", message)`` for an unreadable input."""
    from .check_runner import _check_one
    from .fixes import write_atomic
    from .inputs import InputError
    from .options import SetupError

    for item, config, options in jobs:
        try:
            data = read(item)
        except InputError as exc:
            yield "input-error", str(exc)
            continue
        def keep(found: list[Finding], path: str = item.shown, config: Any = config) -> list[Finding]:
            return list(config.apply(found, path=path))

        try:
            outcome = fix_file(data, shown=item.shown, kind=kind, options=options, unsafe=unsafe, keep=keep)
        except SetupError as exc:
            yield "setup-error", str(exc)
            continue
        if outcome.reason is not None:
            summary.note(f"ce-validator: {item.shown}: not fixed: {outcome.reason}")
        if outcome.result is not None and outcome.result.skipped_secret:
            summary.note(f"ce-validator: {item.shown}: {len(outcome.result.skipped_secret)} fix(es) not applied: "
                         "they would change a secret's value")
        if outcome.result is not None and not outcome.result.settled:
            summary.note(f"ce-validator: {item.shown}: fixes did not settle after {outcome.result.rounds} "
                         "rounds; check the result")
        if outcome.data is not None and outcome.result is not None:
            written = False
            if write:
                if item.path is None:
                    yield "input-error", f"{item.shown}: --fix cannot rewrite standard input; use --diff"
                    continue
                try:
                    write_atomic(item.path, outcome.data, expected=data)
                    written = True
                except OSError as exc:  # the file is as it was: its findings are reported, and the run fails
                    summary.errors = [*(summary.errors or ()), f"{item.shown}: cannot write the fixes: "
                                      f"{exc.strerror or exc}"]
            if written or not write:
                summary.diff += outcome.diff
                summary.fixed += len(outcome.result.applied)
                summary.files += 1
            if written:
                data = outcome.data
        try:
            yield "ok", _check_one(data, item.shown, kind, options, {}, None)
        except SetupError as exc:
            yield "setup-error", str(exc)
