"""Near misses of a word: what a typo makes of it."""

from __future__ import annotations

__all__ = ["one_edit_away", "squashed"]


def one_edit_away(word: str, target: str) -> bool:
    """Damerau-Levenshtein distance at most 1 (a letter added, dropped, changed or two swapped)."""
    if word == target:
        return True
    size, target_size = len(word), len(target)
    if abs(size - target_size) > 1:
        return False
    i = 0  # the first difference: everything before it matches, so the one edit is there
    while i < size and i < target_size and word[i] == target[i]:
        i += 1
    if size > target_size:
        return word[i + 1:] == target[i:]
    if size < target_size:
        return word[i:] == target[i + 1:]
    swapped = i + 1 < size and word[i] == target[i + 1] and word[i + 1] == target[i]
    return word[i + 1:] == target[i + 1:] or (swapped and word[i + 2:] == target[i + 2:])


def squashed(name: str) -> str:
    """``name`` without case, dashes and underscores: one spelling for the styles a field or a path segment is written
    in (``updatedAt``, ``updated_at``, ``Updated-At``; ``/agreementAssetEvents``, ``/agreement-asset-events``)."""
    return name.lower().replace("-", "").replace("_", "")
