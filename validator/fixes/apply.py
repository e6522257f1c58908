"""Applying edits to a text, round after round, until the text is fixed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..findings import Edit, Finding, Fix, edited
from ..source.codes import DUPLICATE_KEY

MAX_ROUNDS = 100
"""Rounds before :func:`fix_text` gives up: a body's comments and trailing or missing commas are said 50 at a time
(each found by one more parse), any other JSON syntax error one at a time, so such a file takes one round each."""

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class FixResult:
    """What :func:`fix_text` did: the new ``text``, the ``applied`` findings (each with its fix) in
    the order applied, the number of ``rounds`` run and whether it stopped at a fixed point (``settled``)."""

    text: str
    applied: tuple[Finding, ...] = ()
    rounds: int = 0
    settled: bool = True
    skipped_secret: tuple[Finding, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def selected(findings: Iterable[Finding], *, unsafe: bool) -> list[Finding]:
    """The findings whose fix is applied: safe fixes, and unsafe ones with ``unsafe``."""
    return [f for f in findings if f.fix is not None and f.fix.edits
            and (unsafe or f.fix.applicability == "safe")]


def _overlaps(edit: Edit, taken: Sequence[Edit]) -> bool:
    for other in taken:
        if edit.start < other.end and other.start < edit.end:
            return True
        # two insertions at one point, or an insertion inside a replaced span: order is ambiguous
        if edit.start == edit.end and other.start < edit.start < other.end:
            return True
        if other.start == other.end and edit.start < other.start < edit.end:
            return True
        if edit.start == edit.end == other.start == other.end:
            return True
    return False


def _touches(edit: Edit, spans: Sequence[Span]) -> bool:
    """Whether ``edit`` changes a protected span: removing one whole (a comment holding a password) changes none."""
    return any((edit.start < end and start < edit.end or start < edit.start < end)
               and (edit.replacement != "" or not edit.start <= start <= end <= edit.end) for start, end in spans)


def _valid(fix: Fix, length: int) -> bool:
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    if any(not 0 <= e.start <= e.end <= length for e in edits):
        return False
    return not any(_overlaps(e, edits[:i]) for i, e in enumerate(edits))


def apply_fixes(text: str, findings: Sequence[Finding], *,
                protected: Sequence[Span] = ()) -> tuple[str, list[Finding], list[Finding]]:
    """Apply the fixes of ``findings`` (in order) to ``text``.

    A fix is applied whole or not at all; one that overlaps a fix already taken waits for the
    next round.  A fix touching a ``protected`` span (a secret's value) is never applied.
    Returns the new text, the findings applied, and those refused for touching a protected span.
    """
    taken: list[Edit] = []
    applied: list[Finding] = []
    refused: list[Finding] = []
    seen: set[tuple[Edit, ...]] = set()
    for finding in findings:
        fix = finding.fix
        if fix is None or not fix.edits or not _valid(fix, len(text)):
            continue
        if any(_touches(edit, protected) for edit in fix.edits):
            refused.append(finding)
            continue
        key = tuple(sorted(fix.edits, key=lambda e: (e.start, e.end, e.replacement)))
        if key in seen:  # the same edit reported twice (one mistake, two findings)
            continue
        if any(_overlaps(edit, taken) for edit in fix.edits):
            continue
        seen.add(key)
        taken.extend(fix.edits)
        applied.append(finding)
    return (edited(text, taken) if taken else text), applied, refused


def _duplicate_keys(findings: Sequence[Finding]) -> int:
    return sum(1 for finding in findings if finding.rule == DUPLICATE_KEY)


def fix_text(text: str, check: Callable[[str], list[Finding]], *, unsafe: bool = False,
             protected: Callable[[str], Sequence[Span]] | None = None,
             max_rounds: int = MAX_ROUNDS) -> FixResult:
    """Check ``text``, apply the selected fixes, and repeat until no fix applies (or ``max_rounds``).

    ``check`` returns the findings of a text; ``protected`` the spans (offsets) of its secret values.
    A round that would bring back a text seen before stops the loop (two fixes undoing each other).
    Fixes that do not overlap may still clash: two giving one object the same key (a key moved out of another
    object, a key renamed) write it twice; a round whose fixes bring a duplicate key the text had fewer of
    applies its first fix alone, and the others are found again, or not, on the new text.
    """
    applied: list[Finding] = []
    refused: list[Finding] = []
    seen = {text}
    found = check(text)
    for rounds in range(1, max_rounds + 1):
        findings = selected(found, unsafe=unsafe)
        if not findings:
            return FixResult(text, tuple(applied), rounds - 1, True, tuple(refused))
        spans = protected(text) if protected is not None else ()
        new, done, refused_now = apply_fixes(text, findings, protected=spans)
        found_new = check(new) if done and new != text else []
        if len(done) > 1 and _duplicate_keys(found_new) > _duplicate_keys(found):
            new, done, refused_now = apply_fixes(text, done[:1], protected=spans)
            found_new = check(new)
        found = found_new
        refused.extend(f for f in refused_now if f not in refused)
        if not done or new == text:
            return FixResult(text, tuple(applied), rounds - 1, True, tuple(refused))
        if new in seen:
            return FixResult(text, tuple(applied), rounds, False, tuple(refused))
        seen.add(new)
        applied.extend(done)
        text = new
    return FixResult(text, tuple(applied), max_rounds, False, tuple(refused))
