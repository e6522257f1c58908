"""Characters a reader cannot see: named, so a message can say what is there (a key or a field path pasted from a
page or a chat with a no-break space, a zero-width space or a byte order mark in it)."""

from __future__ import annotations

_INVISIBLE = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp"})  # format and control characters, spaces and separators


def _run(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


# The spaces other than ' ' a web page, a word processor or a chat writes (no-break, en to hair, narrow no-break,
# ideographic) and Unicode's line and paragraph separators: a text read as JSON, a URL or a pattern has none of them.
ODD_SPACES = "\u00a0\u1680" + _run(0x2000, 0x200A) + "\u2028\u2029\u202f\u205f\u3000"
# The format characters no one sees, pasted with a text: a soft hyphen, zero-width spaces and joiners, direction
# marks and embeddings, a word joiner, a byte order mark.
INVISIBLES = ("\u00ad\u061c\u180e" + _run(0x200B, 0x200F) + _run(0x202A, 0x202E) + _run(0x2060, 0x2064)
              + _run(0x2066, 0x2069) + "\ufeff")


def joins_its_text(text: str, at: int) -> bool:
    """Whether the joiner at ``at`` (zero-width joiner or non-joiner) stands between two visible characters of a
    script other than ASCII: part of the text as it is written (an emoji sequence, a Persian word), not pasted in."""
    around = text[at - 1:at + 2:2] if at else ""
    return text[at:at + 1] in ("\u200c", "\u200d") and len(around) == 2 and all(
        not char.isascii() and char.isprintable() and not char.isspace() for char in around)


def char_named(char: str, *, unnamed: str = "control character") -> tuple[str, str]:
    """An invisible character's name and code point: ``("a zero width space", "U+200B")``."""
    import unicodedata

    name = {"\t": "tab", "\n": "line break", "\r": "carriage return"}.get(char) or \
        unicodedata.name(char, "").lower() or unnamed
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}", f"U+{ord(char):04X}"


def space_named(spaces: str) -> str:
    """`a space`, or the invisible character said by its name and code point (`a no-break space (U+00A0)`)."""
    if set(spaces) == {" "}:
        return "a space" if len(spaces) == 1 else "spaces"
    import unicodedata

    char = next(char for char in spaces if char != " ")
    if char == "\t":
        return "a tab"
    name, point = char_named(char, unnamed="white space" if unicodedata.category(char)[0] == "Z" else
                             "control character")  # (NUL has no name, and is no space)
    return f"{name} ({point})"


def invisible_at(text: str) -> int | None:
    """Where ``text`` holds an invisible character (a format or control character, a space other than ' '), or None."""
    if text.isascii() and text.isprintable():
        return None
    import unicodedata

    return next((i for i, char in enumerate(text) if char != " " and unicodedata.category(char) in _INVISIBLE), None)


def invisible_in(text: str) -> str:
    """` (it holds a zero width space, U+200B)` for a name with an invisible character, else ``""``."""
    at = invisible_at(text)
    if at is None:
        return ""
    name, point = char_named(text[at])
    return f" (it holds {name}, {point})"


def visible(text: str) -> str:
    """``text`` as its writer saw it: without format and control characters (a zero-width space, a byte order
    mark), other spaces as ``' '``, and without the spaces around it."""
    if invisible_at(text) is None:
        return text.strip(" ")
    import unicodedata

    return "".join(" " if unicodedata.category(char)[0] == "Z" else char for char in text
                   if unicodedata.category(char) not in ("Cf", "Cc")).strip(" ")


def look_alike_in(written: str, meant: str) -> str:
    """` (its `е` is U+0435, a Cyrillic letter, not the Latin `e`)` when ``written`` differs from ``meant`` only by
    letters of another script that look the same (a key pasted from a page), else ``""``."""
    if written.isascii() or len(written) != len(meant):
        return ""
    pairs = [(w, m) for w, m in zip(written, meant) if w != m]
    if not pairs or not all(not w.isascii() and m.isascii() and w.isalpha() for w, m in pairs):
        return ""
    import unicodedata

    w, m = pairs[0]
    script = unicodedata.name(w, "").split(" ")[0].capitalize() or "another"
    return f" (its `{w}` is U+{ord(w):04X}, a {script} letter, not the Latin `{m}`)"
