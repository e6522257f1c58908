"""What the commands share: reading a named input (a file or ``-``) and the usage error (exit 2) it raises."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from ..elements import ElementDocs
    from ..source import Source


class UsageError(Exception):
    """An input or option the user gave cannot be used: reported on stderr, exit 2."""


def read_stdin() -> bytes:
    """Standard input's bytes, at most :data:`validator.source.limits.MAX_STREAM_BYTES`; :class:`UsageError` when it
    is closed, unreadable or larger."""
    from ..source.limits import MAX_STREAM_BYTES

    if sys.stdin is None or sys.stdin.closed:
        raise UsageError("<stdin>: standard input is closed")
    try:
        data = sys.stdin.buffer.read(MAX_STREAM_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise UsageError(f"<stdin>: cannot read: {exc}") from None
    if len(data) > MAX_STREAM_BYTES:
        raise UsageError(f"<stdin>: standard input holds more than {MAX_STREAM_BYTES // (1024 * 1024)} MiB: save it to "
                         "a file and name the file")
    return data


def read_text(name: str) -> str:
    """The text of file ``name`` (UTF-8, or UTF-16 or UTF-32 after its byte order mark; the mark dropped), or standard
    input for ``-``; raises :class:`UsageError`."""
    try:
        if name == "-":
            data = read_stdin()
        else:
            data = _read_file(name)
    except (OSError, ValueError) as exc:
        import os

        if name != "-" and os.path.isdir(name):  # (Windows says PermissionError for a folder)
            raise UsageError(f"{name}: a folder, not a file: name a file in it") from None
        raise UsageError(f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    from ..source.load import bom_codec, unmarked_wide_text

    wide = unmarked_wide_text(data)  # (UTF-16 and UTF-32 with their mark or without, as `check` reads them)
    if wide is not None:
        return wide
    codec, skip = bom_codec(data) or ("utf-8", 0)
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not {codec.upper().replace('-BE', '').replace('-LE', '')} text (byte "
                         f"{exc.start + skip})") from None


def _read_file(name: str) -> bytes:
    """The bytes of file ``name``.  A device is refused before it is read (``/dev/zero`` never ends); a pipe is read
    (``--records <(curl ...)``), and a named pipe nothing writes to within :data:`PIPE_WAIT` is a
    :class:`UsageError`, where opening it would wait forever."""
    import os
    import stat

    mode = os.stat(name).st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise UsageError(f"{name}: not a regular file")
    if not stat.S_ISFIFO(mode):
        with open(name, "rb") as handle:
            return handle.read()
    import time

    descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK)  # (a blocking open waits for a writer, maybe forever)
    with os.fdopen(descriptor, "rb") as handle:
        os.set_blocking(descriptor, True)  # a writer there: wait for what it writes
        deadline = time.monotonic() + PIPE_WAIT
        data = handle.read()
        while not data and time.monotonic() < deadline:  # no writer yet: give one the time to come
            time.sleep(0.05)
            data = handle.read()
        if not data:
            raise UsageError(f"{name}: a named pipe that nothing wrote to within {PIPE_WAIT:g} s")
        return data


#: Seconds a named pipe is given for a writer to come before it is read as empty.
PIPE_WAIT = 5.0


def declared_keys(source: Source, element_docs: Sequence[str] | None, element: str | None) -> frozenset[str]:
    """The keys the definition of ``source``'s element in ``element_docs`` types ``PASSWORD``
    (:func:`validator.engine.declared_keys`): what ``render`` and ``simulate`` mask besides the keys the vocabulary
    knows, as ``check`` does."""
    if not element_docs:
        return frozenset()
    from ..engine import declared_keys as keys_of
    from ..options import Options

    return keys_of(source, Options(element_docs=tuple(element_docs), element=element))


def read_source(name: str, text: str | None = None, *, element_docs: Sequence[str] | None = None,
                element: str | None = None) -> Source:
    """File ``name`` (or ``text``) loaded as ``check`` loads it: any depth or size without a traceback.

    :class:`UsageError` names the first syntax problem of a file that is not valid JSON, as ``check``
    reports it (the secrets it may quote masked, also the values of the keys its element's definition in
    ``element_docs`` types ``PASSWORD``).
    """
    from ..source import load_source

    source = load_source(read_text(name) if text is None else text, path=name)
    if not source.valid:
        problem = next((p for p in source.problems if p.severity != "info"), None)
        if problem is None:
            raise UsageError(f"{name}: not valid JSON")
        from ..masking import problem_message

        line, column = source.line_col(problem.start)
        message = problem_message(source, problem.message, problem.start, problem.end,
                                  extra_keys=declared_keys(source, element_docs, element))
        raise UsageError(f"{name}:{line}:{column}: {problem.rule} {message} (run `ce-validator check {name}`)")
    return source


def read_json(name: str, text: str | None = None) -> Any:
    """The JSON value of file ``name`` (or ``text``): :func:`read_source`'s value."""
    return read_source(name, text).value


def element_docs(directories: list[str] | tuple[str, ...], key: str | None, document: Any, *,
                 option: str) -> tuple[str, ElementDocs | None]:
    """``(key, docs)`` of the element named by ``key``, or else by ``document``'s ``element.key``.

    ``docs`` is :func:`validator.elements.find_element`'s answer (``None`` when the folders lack it).
    :class:`UsageError` when no key is known or the folders cannot be read; ``option`` names the option
    that needs them (``--default``, ``--element-docs``).
    """
    from ..elements import ElementDocsError, find_element

    if key is None and isinstance(document, dict) and isinstance(document.get("element"), dict):
        key = document["element"].get("key")
    if not isinstance(key, str) or not key:
        raise UsageError(f"{option} needs --element KEY (or a FILE whose element.key names it)")
    try:
        return key, find_element(tuple(directories), key)
    except ElementDocsError as exc:
        raise UsageError(str(exc)) from None


def page_documents(name: str, text: str) -> list[tuple[str, Any, str]]:
    """``(block label, value, text)`` of each Cloud Elements body of the Markdown page ``text`` that is valid JSON
    (``/L75``: the page line of its block, see :mod:`validator.pages`); :class:`UsageError` when there is none."""
    import json

    from ..kinds import detect_kind
    from ..pages import documents

    found = []
    for document, _strict, _problems in documents(text, path=name):
        try:
            value = json.loads(document.text)
        except (ValueError, RecursionError):  # (nested deeper than Python's parser goes: no body to render)
            continue
        if detect_kind(value) is not None:
            found.append((document.label, value, document.text))
        else:  # a bulk file's or a Postman collection's, in a block: its bodies, as `check` reads them
            found.extend((document.label, body, json.dumps(body, indent=2, ensure_ascii=False))
                         for _pointer, body in bodies_within(value))
    if not found:
        raise UsageError(f"{name}: no code block of this page holds a Cloud Elements body that is valid JSON "
                         f"(run `ce-validator check {name}`)")
    return sorted(found, key=lambda each: _block_line(each[0]))  # (in page order: a `<CodeBlock>` is read apart)


def _block_line(label: str) -> int:
    """The page line of a block's label (``/L75``: 75)."""
    return int(label[2:]) if label[2:].isdigit() else 0


def bodies_within(document: Any) -> list[tuple[str, Any]]:
    """``(pointer, body)`` of the bodies a file holds as `check` reads them, when it is no body itself: each of a bulk
    file's, and each raw body of a Postman collection's requests (none for anything else)."""
    import json

    from ..kinds import bulk_items, detect_kind, postman_bodies, resolve_pointer

    if detect_kind(document) is not None:
        return []
    bodies = [(pointer, resolve_pointer(document, pointer)) for pointer in bulk_items(document)]
    for pointer in postman_bodies(document) if not bodies else ():
        try:
            bodies.append((pointer, json.loads(resolve_pointer(document, pointer))))
        except (TypeError, ValueError, RecursionError):
            continue  # a body that is not JSON (or nested past what the parser reads): `check` reports it
    return bodies
