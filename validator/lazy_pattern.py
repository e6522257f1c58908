"""Regular expressions compiled on first use.

Compiling a pattern runs Python code (``re._parser``, ``re._compiler``): the package's hundred-odd module-level
patterns cost about 9 ms of a one-file check.  The patterns only some inputs need (a file with findings, text
that is not JSON, a credential, a rare URL mistake) are :class:`LazyPattern`\\ s, about 4 ms of them; those
every check uses stay compiled at import, and so do those a hot loop matches with again and again (the loader's
``_WS``, ``_MEMBER``, ``_STRING``, ``_SCALAR``).  A :class:`ByScript` pattern has a narrow form besides, which an
ASCII text is read with: it compiles without a map of every character.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, Callable, Generic, Iterator, Sequence


_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


class LazyPattern(Generic[AnyStr]):
    """``re.compile(source, flags)``, done at the first use of one of the pattern methods below.

    The methods are the compiled pattern's own, set on first use (``__getattr__`` is asked only while they are
    unset): a hot loop calls the regex engine directly, through no Python frame of this class.
    """

    __slots__ = ("_source", "_flags", "_compiled", *_METHODS)

    match: Callable[..., re.Match[AnyStr] | None]  # (string, pos=0, endpos=maxsize)
    fullmatch: Callable[..., re.Match[AnyStr] | None]
    search: Callable[..., re.Match[AnyStr] | None]
    finditer: Callable[..., Iterator[re.Match[AnyStr]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., AnyStr]  # (repl, string, count=0)
    split: Callable[..., list[AnyStr | Any]]  # (string, maxsplit=0)

    def __init__(self, source: AnyStr, flags: int = 0) -> None:
        self._source: AnyStr = source
        self._flags = flags
        self._compiled: re.Pattern[AnyStr] | None = None

    @property
    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        if name not in _METHODS:
            raise AttributeError(name)
        return getattr(self.compiled, name)

    @property
    def pattern(self) -> AnyStr:
        """The source, as ``re.Pattern.pattern``."""
        return self._source

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def tree_of(shapes: "Sequence[tuple[str, str]]", *, after_first: str = "") -> str:
    """A pattern that matches any of ``shapes``, each a literal beginning and the pattern that follows it, written
    as a tree of the beginnings (``g(?:h[pousr]_...|l(?:pat-...|rt-...))``).  The regex engine tries an
    alternation's branches one by one at each place of a text, so fifty flat branches cost fifty tries a
    character; the tree costs a few, and a pattern that starts with it is scanned for its first characters in C.
    ``after_first``: a pattern placed after the first character (a look-behind at what precedes a match, which
    written before it would stop that scan)."""
    def branch(items: "list[tuple[str, str]]", depth: int) -> str:
        ending = [f"(?:{tail})" if "|" in tail else tail for literal, tail in items if len(literal) == depth]
        following: dict[str, list[tuple[str, str]]] = {}
        for literal, tail in items:
            if len(literal) > depth:
                following.setdefault(literal[depth], []).append((literal, tail))
        branches = ending + [re.escape(char) + (after_first if depth == 0 else "") + branch(rest, depth + 1)
                             for char, rest in following.items()]
        return branches[0] if len(branches) == 1 and not ending else "(?:" + "|".join(branches) + ")"

    return branch(list(shapes), 0)


class ByScript:
    """A pattern in two forms: ``wide``, and ``narrow``, which finds the same in an ASCII text (most texts) and compiles
    in a fraction of the time: without what only a text beyond ASCII holds (a full-width colon, curly quotes, accented
    words), or (``narrow`` not given) the same pattern with ASCII's letter cases.  Python compiles a character class
    holding a character past U+00FF, or a letter read in any case (`ſ`, `K`, `ı`, `İ` with it), into a map of 65,536
    characters: 2 M instructions a class.  (A pattern with `\\s`, which ASCII's rules read otherwise for `\\x1c` to
    `\\x1f`, needs its ``narrow`` form written.)  ``marks``: the characters only the wide form reads, when the narrow
    one is the wide one without them; a text beyond ASCII holding none of them is read with the narrow form too.  Each
    form is compiled on its first use."""

    __slots__ = ("wide", "narrow", "marks")

    def __init__(self, wide: str, narrow: str | None = None, flags: int = 0, *, marks: str = "") -> None:
        self.wide = LazyPattern(wide, flags)
        self.narrow = LazyPattern(wide, flags | re.ASCII) if narrow is None else LazyPattern(narrow, flags)
        self.marks = frozenset(marks)

    def form(self, text: str) -> LazyPattern[str]:
        """The form ``text`` is read with."""
        # (a set asked of the text's characters in one pass: a CEQL filter with its macros masked is never ASCII)
        return self.narrow if text.isascii() or self.marks and self.marks.isdisjoint(text) else self.wide

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.form(text).match(text, *bounds)

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.form(text).finditer(text, *bounds)

    def findall(self, text: str) -> list[Any]:
        return self.form(text).findall(text)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.form(text).search(text, *bounds)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.form(text).fullmatch(text)
