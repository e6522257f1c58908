"""Edits that change a document's structure (rename a key, replace a value, move a member).

Each function takes a :class:`~validator.source.Source` (the file, or a stringified poller inside
it) and JSON pointers into it, and returns file :class:`~validator.findings.Edit`\\ s (re-escaped
inside an embedded string), or ``None`` when the place cannot be found.  Layout is kept: a member
moved into an object takes the indentation and the `:` spacing of that object's members.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..findings import Edit
from ..source.pointers import _escape_token, _split_pointer

if TYPE_CHECKING:  # pragma: no cover
    from ..source.document import Source

Members = list[tuple[str, int, int, int, int]]  # (key, key start, key end, value start, value end)


def _node(source: Source, pointer: str) -> tuple[int, int, int, int] | None:
    """(key start, key end, value start, value end) of the node at ``pointer`` (local offsets); the key
    span is (-1, -1) for the root or an array element."""
    if not source.valid:
        return None
    found, key_span, (vs, ve) = source._locate(_split_pointer(pointer))
    if not found:
        return None
    ks, ke = key_span if key_span is not None else (-1, -1)
    return ks, ke, vs, ve


def _members(source: Source, pointer: str) -> tuple[int, Members] | None:
    node = _node(source, pointer)
    if node is None or source.text[node[2]] != "{":
        return None
    return node[2], source._enumerate(node[2])[1]


def rename_key(source: Source, pointer: str, new: str) -> Edit | None:
    """Write ``new`` as the key of the member at ``pointer``."""
    node = _node(source, pointer)
    if node is None or node[0] < 0:
        return None
    return source.edit(node[0], node[1], json.dumps(new, ensure_ascii=False))


def replace_value(source: Source, pointer: str, json_text: str) -> Edit | None:
    """Write ``json_text`` (JSON text) as the value at ``pointer``."""
    node = _node(source, pointer)
    if node is None:
        return None
    return source.edit(node[2], node[3], json_text)


def replace_member(source: Source, pointer: str, member: str) -> Edit | None:
    """Write ``member`` (``"key": value`` text) in place of the member at ``pointer``."""
    node = _node(source, pointer)
    if node is None or node[0] < 0:
        return None
    return source.edit(node[0], node[3], member)


def member_text(source: Source, pointer: str) -> str | None:
    """The member at ``pointer`` as written (``"key": value``)."""
    node = _node(source, pointer)
    if node is None or node[0] < 0:
        return None
    return str(source.text[node[0]:node[3]])


def remove_member(source: Source, parent: str, key: str) -> Edit | None:
    """Delete the member ``key`` of the object at ``parent``, with its comma."""
    found = _members(source, parent)
    if found is None:
        return None
    opener, members = found
    index = next((i for i, m in enumerate(members) if m[0] == key), None)
    if index is None:
        return None
    if index + 1 < len(members):  # up to the next key: the comma and the line break go too
        start, end = members[index][1], members[index + 1][1]
    elif index > 0:  # the last one: from the end of the previous value, so no comma dangles
        start, end = members[index - 1][4], members[index][4]
    else:
        start, end = opener + 1, members[index][4]
    return source.edit(start, end, "")


def insert_member(source: Source, parent: str, member: str, *, before: str | None = None) -> Edit | None:
    """Add ``member`` (``"key": value`` text) to the object at ``parent``: before the member ``before``
    when given and present, else after the last member; spaced like the object's other members."""
    found = _members(source, parent)
    if found is None:
        return None
    opener, members = found
    text = source.text
    if not members:
        closer = text.index("}", opener)
        inside = text[opener + 1:closer]
        if "\n" in inside or "\r" in inside:  # `{` and `}` on lines of their own: the member on one between them
            newline = "\r\n" if "\r\n" in inside else "\n" if "\n" in inside else "\r"
            closer_indent = inside[max(inside.rfind("\n"), inside.rfind("\r")) + 1:]
            if not closer_indent.strip(" \t"):
                return source.edit(opener + 1, opener + 1, newline + closer_indent + _indent_step(text) + member)
        return source.edit(opener + 1, opener + 1, member)
    if len(members) > 1:  # what separates two members here: `,` and a line break with indentation
        gap = text[members[-2][4]:members[-1][1]]
    else:
        gap = "," + text[opener + 1:members[0][1]]
        if "\n" not in gap and "\r" not in gap:
            gap = ", "
    gap = gap if gap.lstrip(" \t\r\n").startswith(",") else "," + gap
    indent_gap = gap[gap.index(",") + 1:]
    target = next((m for m in members if m[0] == before), None) if before is not None else None
    if target is not None:
        return source.edit(target[1], target[1], member + "," + indent_gap)
    return source.edit(members[-1][4], members[-1][4], "," + indent_gap + member)


def _indent_step(text: str) -> str:
    """What the document indents a level by: the blanks opening its first indented line (two spaces if none)."""
    for line in text.splitlines()[1:]:
        blanks = line[:len(line) - len(line.lstrip(" \t"))]
        if blanks and line.strip():
            return blanks
    return "  "


def move_member(source: Source, pointer: str, parent: str, *, before: str | None = None) -> tuple[Edit, Edit] | None:
    """Move the member at ``pointer`` into the object at ``parent``: a deletion and an insertion."""
    tokens = _split_pointer(pointer)
    if not tokens:
        return None
    text = member_text(source, pointer)
    if text is None:
        return None
    old_parent = "".join("/" + _escape_token(t) for t in tokens[:-1])
    removal = remove_member(source, old_parent, tokens[-1])
    insertion = insert_member(source, parent, _reindent(source, pointer, parent, _respace(source, parent, text)),
                              before=before)
    if removal is None or insertion is None:
        return None
    if removal.start < insertion.start < removal.end:
        return None
    return removal, insertion


def line_indent(text: str, at: int, *, leading: bool = False) -> str | None:
    """The whitespace from the start of the line to ``at``; None when something else precedes ``at``.  With
    ``leading``, the blanks that open the line of ``at``, whatever follows them."""
    start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    indent = text[start:at]
    if leading:
        return indent[:len(indent) - len(indent.lstrip(" \t"))]
    return indent if not indent.strip(" \t") else None


def _reindent(source: Source, pointer: str, parent: str, member: str) -> str:
    """``member`` (several lines) with its continuation lines indented for its new place."""
    if "\n" not in member and "\r" not in member:
        return member
    node, found = _node(source, pointer), _members(source, parent)
    if node is None or not found or not found[1]:
        return member
    old = line_indent(source.text, node[0])
    new = line_indent(source.text, found[1][-1][1])
    if old is None or new is None or old == new:
        return member
    lines = member.splitlines(keepends=True)
    shifted = [lines[0]]
    for line in lines[1:]:
        shifted.append(new + line[len(old):] if line.startswith(old) else line)
    return "".join(shifted)


def _respace(source: Source, parent: str, member: str) -> str:
    """``member`` with the `:` spacing the members of ``parent`` use."""
    found = _members(source, parent)
    if not found or not found[1]:
        return member
    _, members = found
    _, _, ke, vs, _ = members[0]
    colon = source.text[ke:vs]
    if "\n" in colon or "\r" in colon:
        return member
    try:
        end = _member_key_end(member)
    except ValueError:
        return member
    rest = member[end:].lstrip(" \t")
    return member[:end] + colon + rest[1:].lstrip(" \t") if rest.startswith(":") else member


def _member_key_end(member: str) -> int:
    """Offset just after the closing quote of the key that starts ``member``."""
    i = 1
    while i < len(member):
        if member[i] == "\\":
            i += 2
            continue
        if member[i] == '"':
            return i + 1
        i += 1
    raise ValueError("unterminated key")
