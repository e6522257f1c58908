"""RFC 6901 JSON pointer tokens."""

from __future__ import annotations

import re


def _split_pointer(pointer: str) -> list[str]:
    """RFC 6901 reference tokens of ``pointer``; ``ValueError`` when it is malformed."""
    if pointer == "":
        return []
    if not isinstance(pointer, str) or not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer (must be empty or start with '/'): {pointer!r}")
    tokens = pointer[1:].split("/")
    if "~" in pointer:
        out = []
        for token in tokens:
            if re.search(r"~(?![01])", token):
                raise ValueError(f"invalid '~' escape in JSON pointer {pointer!r}")
            out.append(token.replace("~1", "/").replace("~0", "~"))
        return out
    return tokens


def _escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
