"""The shape of every lexer here: one pyparsing token that reads a run of pieces, each found by one step.

The URL pieces (``validator.urls.pieces``), the CEQL tokens (``validator.urls.ceql``) and the pieces of a
SimpleDateFormat pattern (``validator.dates.tokens``) are each read this way: a step is one regex match (or
one scan), so no alternative is tried and failed, and a piece costs one match.

A lexer reads a whole text with its own loop (:meth:`RunToken.scan`), which is all the token's ``parseImpl`` does:
pyparsing, whose import costs about as much as checking 50 bodies, is imported only where the token itself is
asked for (:attr:`RunToken.token`, for a grammar or for ``parse_string``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Callable, Generic, Optional, TypeVar

Piece = TypeVar("Piece")
Step = Callable[[str, int], Optional[tuple[Piece, int]]]
"""``step(text, loc)``: the piece found at ``loc`` and where the next one starts (after ``loc``), or None to stop."""


def _run(step: Step[Piece], text: str, loc: int) -> tuple[int, list[Piece]]:
    """Every piece ``step`` finds from ``loc`` to the end of ``text`` (or to where it stops), and where it ended."""
    found = []
    while loc < len(text):
        taken = step(text, loc)
        if taken is None:
            break
        piece, loc = taken
        found.append(piece)
    return loc, found


class RunToken(Generic[Piece]):
    """A run of pieces, each found by ``step`` from where the previous one ended; whitespace is the step's business,
    and offsets are code points of the text."""

    def __init__(self, step: Step[Piece], *, what: str) -> None:
        self._step = step
        self._what = what

    def scan(self, text: str) -> list[Piece]:
        """Every piece of ``text`` from its start, as ``token.parse_string(text).as_list()`` gives them, without
        parse_string's work per call (packrat reset, results wrapped and unwrapped), which a token that reads the
        whole text on its own has no use for: about half a short filter's lexing."""
        return _run(self._step, text, 0)[1]

    @cached_property
    def token(self) -> Any:
        """The run as a pyparsing token (its result: every piece from where it starts to where the step stops)."""
        import pyparsing as pp

        step, what = self._step, self._what

        class _Run(pp.Token):
            def __init__(self) -> None:
                super().__init__()
                self.errmsg = f"expected {what}"
                self.mayIndexError = False
                self.mayReturnEmpty = True

            def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> tuple[int, Any]:
                return _run(step, instring, loc)

        token = _Run().leave_whitespace()
        token.parse_with_tabs()  # a tab is a character like any other: offsets must not shift
        return token


def run_token(step: Step[Piece], *, what: str) -> RunToken[Piece]:
    """The lexer whose pieces are every one ``step`` finds (``what`` names a piece in pyparsing's error)."""
    return RunToken(step, what=what)
