"""The language server (pygls, over stdio): diagnostics, hovers and quick fixes for the files an editor opens.

* diagnostics when a document is opened, changed and saved: the findings ``ce-validator check``
  reports for the file (same configuration discovery, codes, messages and ranges), with the rule's
  code, the fix hint, and ranges in UTF-16 units (``positions.py``); changes come whole (full sync: pygls
  splits lines at U+2028, which JSON strings may hold, so a ranged change could land a line off), and of a burst
  of them (typing) only the last is checked (:data:`CHANGE_DELAY`);
  a document is a page by its name or content, as ``check`` reads it, or by its language id (``markdown``);
* hover: macros, date patterns and zones (``hover.py``), and the documentation of a finding's rule;
* code actions: a finding's structured fix (``Finding.fix`` with ``edits``) as a quick fix, and, asked for by kind
  (``source.fixAll``), the text ``check --fix`` writes as one action (:func:`fix_all`);
* a changed ``.ce-validator.toml`` or ``pyproject.toml`` (``workspace/didChangeWatchedFiles``, registered
  where the client supports it) checks every open document again.

Findings of a document are computed once per version and kept until it changes or closes.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from dataclasses import dataclass
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import unquote, urlparse

from .._version import __version__
from ..source.codes import BYTE_ORDER_MARK
from .checking import Checked, check_text
from .positions import LineIndex

if TYPE_CHECKING:  # pragma: no cover
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    from ..findings import Finding

__all__ = ["build_server", "code_actions", "diagnostics", "fix_all", "path_of"]

NAME = "ce-validator"
CONFIG_FILES = (".ce-validator.toml", "pyproject.toml")  # where validator/config.py looks
_SEVERITY = {"error": 1, "warning": 2, "info": 3}  # lsp.DiagnosticSeverity


@dataclass
class _State:
    version: int | None
    checked: Checked
    index: LineIndex


def path_of(uri: str) -> str | None:
    """The local path of a ``file:`` URI (None for an untitled buffer or another scheme)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/... on Windows
        path = path[1:]
    return path


def _range(index: LineIndex, finding: Finding) -> lsp.Range:
    from lsprotocol import types as lsp

    start = index.from_line_column(finding.line, finding.column)
    end = index.from_line_column(finding.end_line, finding.end_column)
    if finding.rule == BYTE_ORDER_MARK and index.bom:
        start, end = (0, 0), (0, index.bom)  # the mark itself, before what findings count
    end = max(end, start)
    return lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end))


def diagnostics(checked: Checked, index: LineIndex) -> list[lsp.Diagnostic]:
    """The findings of ``checked`` as LSP diagnostics."""
    from lsprotocol import types as lsp

    from ..engine import NOT_CLOUD_ELEMENTS

    out = []
    for finding in checked.findings:
        message = checked.scrub(finding.message)
        if finding.help:
            message += f"\nhelp: {checked.scrub(finding.help)}"
        out.append(lsp.Diagnostic(
            range=_range(index, finding),
            message=message,
            # a file that is not Cloud Elements (package.json) is said as a hint: shown in place, not in the list
            # of problems every such file would crowd
            severity=lsp.DiagnosticSeverity.Hint if finding.rule == NOT_CLOUD_ELEMENTS else
            lsp.DiagnosticSeverity(_SEVERITY.get(finding.severity, 1)),
            code=finding.rule or None,  # a setup error has no rule code
            source=NAME,
            data={"pointer": finding.pointer},
        ))
    return out


def code_actions(uri: str, checked: Checked, index: LineIndex, wanted: lsp.Range) -> list[lsp.CodeAction]:
    """Quick fixes for the findings overlapping ``wanted`` that carry a :class:`~validator.findings.Fix`.

    The fix's edits are code-point offsets into the file's text; a safe fix is the preferred action.
    """
    from lsprotocol import types as lsp

    actions = []
    for finding in checked.findings:
        fix = finding.fix
        if fix is None or not fix.edits:
            continue
        found = _range(index, finding)
        if (found.end.line, found.end.character) < (wanted.start.line, wanted.start.character) or \
                (found.start.line, found.start.character) > (wanted.end.line, wanted.end.character):
            continue
        text_edits = []
        for edit in fix.edits:
            start, end = index.position(edit.start), index.position(edit.end)
            text_edits.append(lsp.TextEdit(range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)),
                                           new_text=edit.replacement))
        safe = fix.applicability == "safe"
        diagnostic = diagnostics(_only(checked, finding), index)[0]
        actions.append(lsp.CodeAction(
            title=f"{finding.rule}: {checked.scrub(fix.message)}" + ("" if safe else " (unsafe)"),
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=safe,
            edit=lsp.WorkspaceEdit(changes={uri: text_edits}),
        ))
    return actions


#: The kind of the action that applies every safe fix at once (``source.fixAll``, which an editor asks for on save).
FIX_ALL = f"source.fixAll.{NAME}"


def fix_all(uri: str, checked: Checked, index: LineIndex) -> lsp.CodeAction | None:
    """The text ``check --fix`` writes for this buffer, as one action replacing it (None: no safe fix changes it).

    Fixes are applied as ``--fix`` applies them (``fix_runner.fix_file``: rounds, conflicts, secrets left alone,
    a page block by block) with the buffer's configuration, not one finding's alone."""
    from lsprotocol import types as lsp

    from ..fix_runner import fix_file
    from ..inputs import reads_as_page

    config, options = checked.config, checked.options
    if config is None or options is None or not any(
            f.fix is not None and f.fix.edits and f.fix.applicability == "safe" for f in checked.findings):
        return None
    try:
        data = index.text.encode("utf-8")  # (the byte order mark, which findings do not count, stays where it is)
    except UnicodeEncodeError:  # a lone surrogate a client sent (`"\ud800"` in its JSON): no file holds that text
        return None
    shown = checked.path or ("untitled.md" if checked.page is not None else "untitled.json")
    if (checked.page is not None) != reads_as_page(shown, data):
        return None  # (a page by its language id alone: `--fix` would read it otherwise)
    outcome = fix_file(data, shown=shown, kind="auto", options=options, unsafe=False,
                       keep=lambda found: list(config.apply(found, path=checked.path)))
    if outcome.data is None or outcome.result is None:
        return None
    start, end = index.position(0), index.position(len(index.text))
    count = len(outcome.result.applied)
    return lsp.CodeAction(
        title=f"{NAME}: apply the {count} safe fix{'es' if count > 1 else ''} (as `ce-validator check --fix`)",
        kind=FIX_ALL,
        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(
            range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)),
            new_text=outcome.data.decode("utf-8"))]}))


def _wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a code action of ``kind`` is asked for (LSP: a kind is asked for by itself or by a prefix of it)."""
    return only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)


def _only(checked: Checked, finding: Finding) -> Checked:
    from dataclasses import replace

    return replace(checked, findings=[finding])


def _is_open(workspace: Any, uri: str) -> bool:
    """Whether the client opened ``uri``: pygls keeps documents by their unquoted URI (VS Code writes a space as
    ``%20``, a drive's colon as ``%3A``), so a document looked up as the client names it was never found."""
    return unquote(uri) in workspace.text_documents


def _encoding(workspace: Any) -> str:
    """The position encoding negotiated at initialize: pygls keeps the client's string (``"utf-8"``), or its own
    enum member when the client named none, whose ``str()`` is no encoding's name."""
    chosen = workspace.position_encoding
    return str(getattr(chosen, "value", chosen) or "utf-16")


def _answer_no_request(protocol: Any, code: int, message: str) -> None:
    """JSON-RPC's error to a message whose id cannot be read (not JSON, or no request): `"id": null`, written as a
    dict, since the protocol's own response leaves out the `null` JSON-RPC asks for."""
    protocol._send_data({"jsonrpc": "2.0", "id": None, "error": {"code": code, "message": message}})


def _protocol_class() -> type[Any]:
    """pygls' protocol, answering a request whose parameters it cannot read (a negative position, a number for a
    document) with InvalidParams, as JSON-RPC asks, instead of dropping it and leaving the client waiting; and a
    request before `initialize` (ServerNotInitialized) or after `shutdown` (InvalidRequest) likewise."""
    from lsprotocol import types as lsp
    from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest, JsonRpcServerNotInitialized
    from pygls.protocol import LanguageServerProtocol, lsp_method

    from .positions import LineIndex

    class Protocol(LanguageServerProtocol):
        _initialized_seen = False  # (pygls answers a request before `initialize` with a traceback)

        def structure_message(self, data: dict[str, Any]) -> Any:
            if isinstance(data, dict) and "jsonrpc" in data:
                ident = data.get("id")
                if isinstance(ident, (dict, list, bool)):  # JSON-RPC's ids are strings, numbers or null (an object
                    # was a TypeError whose traceback went to the client in the error's data)
                    _answer_no_request(self, JsonRpcInvalidRequest.CODE, "the id must be a string or a number")
                    return data
                if "method" in data and "params" not in data and self.get_message_type(data["method"]) is None:
                    data = {**data, "params": None}  # (params may be left out: an unknown method, not an internal
                    # error, as pygls' message type requires them)
            try:
                return super().structure_message(data)
            except JsonRpcException as error:
                if not isinstance(data, dict) or "method" not in data:
                    raise
                if "id" not in data:  # a notification is never answered, nor worth a pop-up: said on stderr
                    sys.stderr.write(f"ce-validator lsp: warning: {data['method']!r}: its params cannot be read: "
                                     "ignored\n")
                    return data
                self._send_response(data["id"], None, error.to_response_error())
                return data  # answered: handle_message drops what has no `jsonrpc` attribute

        def handle_message(self, message: Any) -> Any:
            if isinstance(message, dict):
                return None
            if not hasattr(message, "jsonrpc"):  # JSON, but no message (`[1, 2]`, `"hello"`): JSON-RPC's Invalid
                # Request, to `"id": null` (helper-137: a pop-up and no answer)
                _answer_no_request(self, JsonRpcInvalidRequest.CODE, "the message is not a JSON-RPC request object")
                return None
            method, ident = getattr(message, "method", None), getattr(message, "id", None)
            if method is not None and ident is not None:  # a request: answered, as LSP asks, never left waiting
                if self._shutdown and method != lsp.EXIT:
                    self._send_response(ident, None, JsonRpcInvalidRequest(
                        "the server is shutting down: only `exit` is read now").to_response_error())
                    return None
                if not self._initialized_seen and method != lsp.INITIALIZE:
                    self._send_response(ident, None, JsonRpcServerNotInitialized(
                        "the server is not initialized: send `initialize` first").to_response_error())
                    return None
                if method == lsp.INITIALIZE:
                    self._initialized_seen = True
            return super().handle_message(message)

        @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
        def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Any:
            # A ranged change from a client that sends one though the server takes whole texts: applied where it
            # is, by the document's own lines (pygls would take the fragment for the whole text, and its incremental
            # sync breaks lines at U+2028, which a JSON string may hold).  One for a document never opened: dropped.
            if not _is_open(self.workspace, params.text_document.uri):
                return
            if any(isinstance(change, lsp.TextDocumentContentChangePartial) for change in params.content_changes):
                text = self.workspace.get_text_document(params.text_document.uri).source
                encoding = _encoding(self.workspace)
                for change in params.content_changes:
                    if isinstance(change, lsp.TextDocumentContentChangePartial):
                        index = LineIndex(text, encoding)
                        start = index.offset(change.range.start.line, change.range.start.character)
                        end = max(start, index.offset(change.range.end.line, change.range.end.character))
                        text = ("\ufeff" if index.bom else "") + index.text[:start] + change.text + index.text[end:]
                    else:
                        text = change.text
                params.content_changes = [lsp.TextDocumentContentChangeWholeDocument(text=text)]
            elif not params.content_changes:  # no change, a new version all the same (pygls sets it per change)
                self.workspace.get_text_document(params.text_document.uri).version = params.text_document.version
            yield from super().lsp_text_document__did_change(params)

    return Protocol


#: Seconds a change waits before it is checked: a later change in that time replaces it.
CHANGE_DELAY = 0.15


def build_server(ending: dict[str, int] | None = None) -> LanguageServer:
    """A server with every feature registered; ``start_io()`` runs it.  ``ending["code"]`` is set when the client
    says exit: 0 after a shutdown request, else 1 (as the protocol asks)."""
    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer

    server = LanguageServer(NAME, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full,
                            protocol_cls=_protocol_class())
    states: dict[str, _State] = {}
    reported = server.report_server_error

    def report_server_error(error: Exception, source: Any) -> None:
        # a message that is not JSON: JSON-RPC's Parse error, answered to no id (none can be read), not a pop-up
        if isinstance(error, (json.JSONDecodeError, UnicodeDecodeError, RecursionError)):  # (nested past Python's
            # decoder: a pop-up "maximum recursion depth exceeded" before)
            from pygls.exceptions import JsonRpcParseError

            _answer_no_request(server.protocol, JsonRpcParseError.CODE, f"the message is not JSON: {error}")
            return
        reported(error, source)

    server.report_server_error = report_server_error  # type: ignore[method-assign]

    def is_open(uri: str) -> bool:
        return _is_open(server.workspace, uri)

    @server.feature(lsp.EXIT)
    def exiting(params: None) -> None:
        if ending is not None:
            ending["code"] = 0 if getattr(server.protocol, "_shutdown", False) else 1

    def refresh(uri: str) -> _State:
        document = server.workspace.get_text_document(uri)
        state = states.get(uri)
        if state is None or state.version != document.version or state.checked.text != document.source:
            text = document.source
            encoding = _encoding(server.workspace)
            state = _State(document.version, check_text(text, path_of(uri), language=document.language_id),
                           LineIndex(text, encoding))
            states[uri] = state
        return state

    def publish(uri: str) -> None:
        state = refresh(uri)
        server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=state.version, diagnostics=diagnostics(state.checked, state.index)))

    @server.feature(lsp.INITIALIZED)
    def initialized(params: lsp.InitializedParams) -> None:
        # ask to hear of configuration files, where the client watches files for its servers
        workspace = server.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        server.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="ce-validator-configuration", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(params: lsp.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.rsplit("/", 1)[-1] in CONFIG_FILES for change in params.changes):
            states.clear()  # every open document is checked again with the new configuration
            for document in list(server.workspace.text_documents.values()):
                publish(document.uri)  # (the URI as the client wrote it: the workspace's keys are unquoted)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        # typing sends a change per keystroke: each waits a moment, and only the last of a burst is checked
        uri, version = params.text_document.uri, params.text_document.version
        await asyncio.sleep(CHANGE_DELAY)
        if is_open(uri) and server.workspace.get_text_document(uri).version == version:
            publish(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        states.pop(params.text_document.uri, None)  # the configuration next to it may have changed too
        if is_open(params.text_document.uri):  # (a client's save of a document it never opened: nothing to check)
            publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        states.pop(params.text_document.uri, None)
        server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                               diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(params: lsp.HoverParams) -> lsp.Hover | None:
        from .hover import hover_markdown

        if not is_open(params.text_document.uri):
            return None  # (a document the client never opened: nothing is known of it)
        state = refresh(params.text_document.uri)
        index = state.index
        offset = index.offset(params.position.line, params.position.character)
        position = (params.position.line, params.position.character)
        here = []
        for finding in state.checked.findings:
            found = _range(index, finding)
            if (found.start.line, found.start.character) <= position <= (found.end.line, found.end.character):
                here.append(finding)
        result = hover_markdown(state.checked, offset, findings_here=here)
        if result is None:
            return None
        text, span = result
        text = state.checked.scrub(text)
        shown = None
        if span is not None:
            start, end = index.position(span[0]), index.position(span[1])
            shown = lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end))
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text), range=shown)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        if not is_open(params.text_document.uri):
            return []
        state = refresh(params.text_document.uri)
        only = params.context.only
        found = code_actions(params.text_document.uri, state.checked, state.index, params.range) \
            if _wanted(only, lsp.CodeActionKind.QuickFix) else []
        if only is not None and _wanted(only, FIX_ALL):  # (asked for by name: it checks the text again, round by round)
            every = fix_all(params.text_document.uri, state.checked, state.index)
            found += [every] if every is not None else []
        return found

    return server


# A header's name in any case, blanks around its colon optional (as HTTP, whose framing LSP borrows, allows)
_HEADER = re.compile(rb"(?i:content-length[ \t]*:[ \t]*(?P<length>\d{1,12})|content-type[ \t]*:[^\r\n]*)?[ \t]*\r?\n")


class _FramedInput:
    """Standard input as pygls reads it (header lines, then a body of the length announced), refusing what would
    take the server down or lose the framing: a header that is none (`Content-Length: -5`) and a body larger than
    :data:`validator.source.limits.MAX_STREAM_BYTES`.  Either ends the input, with a message on standard error."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.failed = False

    def readline(self) -> bytes:
        line = self.stream.readline(64 * 1024)
        if not line:
            return line
        header = _HEADER.fullmatch(line)
        if header is None:
            return self._fail(f"not a message header: {line[:80]!r}")
        length = header.group("length")  # (written as pygls reads it: that spelling only)
        return b"Content-Length: " + str(int(length)).encode() + b"\r\n" if length is not None else line

    def read(self, size: int = -1) -> bytes:
        from ..source.limits import MAX_STREAM_BYTES  # as standard input for `check -`: no editor's document is larger

        if size > MAX_STREAM_BYTES:
            return self._fail(f"a message of {size:,} bytes, more than {MAX_STREAM_BYTES:,}")
        return self.stream.read(size)

    def _fail(self, why: str) -> bytes:
        self.failed = True
        sys.stderr.write(f"ce-validator lsp: error: {why}: the messages cannot be read on; stopping\n")
        sys.stderr.flush()
        return b""


def serve() -> int:
    """Run the server over standard input and output until the client says exit (which ends the process: 0 after a
    shutdown request, else 1); 1 when the input cannot be read as messages, 0 when it ends."""
    _quiet_library_logs()
    framed = _FramedInput(sys.stdin.buffer)
    ending: dict[str, int] = {}
    build_server(ending).start_io(stdin=framed)  # type: ignore[arg-type]
    return 1 if framed.failed else ending.get("code", 0)


def _quiet_library_logs() -> None:
    """pygls' warnings and errors as one line each on standard error (an editor's log of the server): what it logged
    was a Python traceback for each message it could not read or run."""
    import logging

    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            first = (record.getMessage().splitlines() or [""])[0]
            return f"ce-validator lsp: {record.levelname.lower()}: {first}"[:500]

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    library = logging.getLogger("pygls")
    library.addHandler(handler)
    library.setLevel(logging.WARNING)
    library.propagate = False
