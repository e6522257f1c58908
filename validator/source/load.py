"""``load_source``: bytes or text to a :class:`Source`, decoding the encoding first."""

from __future__ import annotations

from ..findings import Problem
from .codes import _SEVERITY, BYTE_ORDER_MARK
from .document import Source
from .parse import _analyse

# Loading


def load_source(data: str | bytes, *, path: str | None = None) -> Source:
    """Decode ``data`` (bytes or text) and parse it as JSON; never raises for any input.

    Problems (syntax, duplicates, encoding) are in ``Source.problems``; ``Source.value`` is
    ``None`` when the text is not a JSON document.
    """
    notes: list[tuple[str, str, int, int, str | None]] = []
    binary_at: int | None = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, notes, binary_at = _decode(bytes(data))
    elif isinstance(data, str):
        text = data
        if text.startswith("\ufeff"):
            text = text[1:]
            notes.append((BYTE_ORDER_MARK, "the text starts with a byte order mark (U+FEFF); accepted, "
                          "but some JSON tools reject it", 0, 0, "save the file as UTF-8 without a BOM"))
        nul = text.find("\x00")
        if nul >= 0:
            binary_at = nul
    else:
        raise TypeError(f"load_source() takes str or bytes, not {type(data).__name__}")
    source = Source(text, path=path)
    for rule, message, start, end, fix in notes:
        source.problems.append(Problem(rule, message, start, end, fix, _SEVERITY[rule]))
    if binary_at is not None:
        source.problems.append(Problem(
            "CE013", f"not a text file: NUL character at line {source.line_col(binary_at)[0]}, "
                     f"column {source.line_col(binary_at)[1]}", binary_at, binary_at + 1,
            "check that this is the JSON file you meant; binary files cannot be checked", "error"))
        return source
    try:
        _analyse(source)
    except Exception as error:  # a last guard: a linter must report, never crash
        source.value, source.valid = None, False
        source.problems.append(Problem(
            "CE001", f"internal error while reading the JSON ({type(error).__name__}: {error}); please report it",
            0, 0, None, "error"))
    return source


_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
)


def bom_codec(data: bytes) -> tuple[str, int] | None:
    """The codec the byte order mark that starts ``data`` names (UTF-8, UTF-16 or UTF-32) and the mark's length,
    else None."""
    return next(((name, len(bom)) for bom, name, _shown in _BOMS if data.startswith(bom)), None)


def unmarked_wide_text(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 ``data`` without a byte order mark, recognised as :func:`load_source` does (the
    NUL pattern of RFC 4627), else None."""
    if bom_codec(data) is not None or b"\x00" not in data[:4]:
        return None
    text, _notes, nul = _decode(data)
    return text if nul is None else None


def _decode(data: bytes) -> tuple[str, list[tuple[str, str, int, int, str | None]], int | None]:
    """Text, notes (offsets into the text) and the offset of a NUL (binary) if any."""
    notes: list[tuple[str, str, int, int, str | None]] = []
    codec, label, body = "utf-8", "UTF-8", data
    for bom, name, shown in _BOMS:
        if data.startswith(bom):
            codec, label, body = name, shown, data[len(bom):]
            if name == "utf-8":
                notes.append((BYTE_ORDER_MARK, "the file starts with a UTF-8 byte order mark; accepted, "
                              "but some JSON tools reject it", 0, 0, "save the file as UTF-8 without a BOM"))
            else:
                notes.append(("CE015", f"the file is encoded as {shown}; JSON exchanged between systems "
                              "must be UTF-8 (RFC 8259, section 8.1)", 0, 0, "save the file as UTF-8"))
            break
    else:
        if b"\x00" in data[:4] and len(data) >= 2:
            head = data[:4]
            guess = None
            if len(head) >= 4 and head[:3] == b"\x00\x00\x00" and head[3]:
                guess = ("utf-32-be", "UTF-32 BE")
            elif len(head) >= 4 and head[0] and head[1:4] == b"\x00\x00\x00":
                guess = ("utf-32-le", "UTF-32 LE")
            elif head[0] == 0 and head[1] and (len(head) < 4 or (head[2] == 0 and head[3])):
                guess = ("utf-16-be", "UTF-16 BE")  # RFC 4627: 00 xx 00 xx (a lone leading NUL is binary)
            elif head[0] and head[1] == 0 and (len(head) < 4 or (head[2] and head[3] == 0)):
                guess = ("utf-16-le", "UTF-16 LE")
            if guess is not None:
                try:
                    text = data.decode(guess[0])
                except UnicodeDecodeError:
                    text = None
                if text is not None and "\x00" not in text:
                    notes.append(("CE015", f"the file is encoded as {guess[1]} (without a byte order mark); "
                                  "JSON exchanged between systems must be UTF-8 (RFC 8259, section 8.1)",
                                  0, 0, "save the file as UTF-8"))
                    return text, notes, None
    if codec == "utf-8":
        nul = body.find(b"\x00")
        if nul >= 0:
            text = body.decode("utf-8", "replace")
            return text, notes, len(body[:nul].decode("utf-8", "replace"))
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        text = body.decode(codec, "replace")
        offset = len(body[:error.start].decode(codec, "replace"))
        bad = body[error.start:error.end]
        byte_offset = error.start + (len(data) - len(body))
        hint = ("the file was probably saved as Latin-1 or Windows-1252; re-save it as UTF-8"
                if codec == "utf-8" else "re-save the file as UTF-8")
        shown = " ".join(f"0x{b:02X}" for b in bad[:4])
        notes.append(("CE012", f"invalid {label}: byte {shown} at byte offset {byte_offset} "
                      f"({error.reason}); shown as U+FFFD", offset, offset + 1, hint))
    nul = text.find("\x00")
    return text, notes, (nul if nul >= 0 else None)
