"""The shape of every lexer here: one pyparsing token that reads a run of pieces, each found by one step.

The URL pieces (``validator.urls.pieces``), the CEQL tokens (``validator.urls.ceql``) and the pieces of a
SimpleDateFormat pattern (``validator.dates.tokens``) are each read this way: a step is one regex match (or
one scan), so no alternative is tried and failed, and a piece costs one match.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

Piece = TypeVar("Piece")
Step = Callable[[str, int], Optional[tuple[Piece, int]]]
"""``step(text, loc)``: the piece found at ``loc`` and where the next one starts (after ``loc``), or None to stop."""


def run_token(step: Step[Any], *, what: str) -> Any:
    """A pyparsing token whose result is every piece ``step`` finds from where it starts to the end (or to
    where ``step`` stops); whitespace is the step's business, and offsets are code points of the text.

    ``token.scan(text)`` reads a whole text with the token alone (what ``parse_string(text).as_list()`` returns)."""
    import pyparsing as pp

    class _Run(pp.Token):
        def __init__(self) -> None:
            super().__init__()
            self.errmsg = f"expected {what}"
            self.mayIndexError = False
            self.mayReturnEmpty = True

        def parseImpl(self, instring: str, loc: int, do_actions: bool = True) -> tuple[int, Any]:
            found = []
            while loc < len(instring):
                taken = step(instring, loc)
                if taken is None:
                    break
                piece, loc = taken
                found.append(piece)
            return loc, found

        def scan(self, text: str) -> list[Any]:
            """Every piece of ``text`` from its start, as ``parse_string(text).as_list()`` gives them, without
            parse_string's work per call (packrat reset, results wrapped and unwrapped), which a token that reads
            the whole text on its own has no use for: about half a short filter's lexing."""
            return self.parseImpl(text, 0)[1]  # type: ignore[no-any-return]

    token = _Run().leave_whitespace()
    token.parse_with_tabs()  # a tab is a character like any other: offsets must not shift
    return token
