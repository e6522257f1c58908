"""Load JSON text, keeping the position of every key and value.

Why a decoder of our own for positions
--------------------------------------
The value is decoded by the standard library's :mod:`json`: C speed, well kept, strict RFC 8259
once ``parse_constant`` rejects ``NaN``/``Infinity``; ``object_pairs_hook`` sees duplicate keys,
and the last value wins, as in Jackson.  It gives no positions, and the libraries that do are
slow, unmaintained or heavy: ``json-source-map`` (last release 2022-12, a pure-Python recursive
descent that builds an entry for every value up front, so a 50 MB file is slow and deep nesting
raises ``RecursionError``), ``lark`` (a general Earley/LALR parser, many times slower than the C
decoder, with recursive tree walks), ``tree-sitter-json`` (0.24, 2024-11: fast and
error-tolerant, but a native grammar plus the ``tree-sitter`` binding for a concrete syntax tree
that neither decodes values and escapes nor explains an error beyond an ``ERROR`` node) and the
JSONC/JSON5 document libraries (new, and lenient dialects where strict JSON is needed).

A linter's common case is a clean file in a pre-commit hook, where no position is ever asked
for; so positions are computed **lazily**: the first :meth:`Source.span` builds a
bracket-matching table in one regex pass (strings skipped as whole tokens), and each object or
array on the way to a pointer is enumerated once and cached.  Nothing recurses: a file nested
100,000 levels deep is reported (CE018), not a crash.  When the stdlib parser fails, the
position it gives (the first place where the text cannot be JSON) is explained from the text
around it (trailing comma, comment, smart quotes, the shell's ``'\\''``, ...).  When it cannot
finish (nesting beyond the C recursion limit, integers over Python's ``int_max_str_digits``),
an iterative parser of this module decodes the text instead.

Offsets and lines
-----------------
Every offset this module returns is a 0-based code-point offset into the text of the
**outermost file** (``Source.root.text``), also for an :meth:`Source.embedded` document
(a JSON string inside a JSON string, to any depth): its ``text`` is the decoded string, but
its problems, spans and ``line_col`` are those of the file.  ``line_col`` counts lines the way
editors do: ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line (VS Code and Python's
``splitlines`` agree on a lone ``\\r``); columns count code points, a tab is one column.

Encodings
---------
Bytes are decoded as UTF-8.  A UTF-8 byte order mark is accepted and dropped from ``text``
(an info problem, CE014, since some tools reject it); so is a leading U+FEFF in ``str`` input.
UTF-16 and UTF-32 (with a BOM, or recognised by the RFC 4627 NUL pattern) are decoded, with a
warning (CE015: RFC 8259 requires UTF-8 between systems).  Invalid UTF-8 is an error (CE012) at
the first bad byte; the text is decoded with U+FFFD in its place and still parsed, so the rest
of the file is checked.  A NUL character means "not a text file" (CE013) and nothing is parsed.
Nesting deeper than :data:`MAX_DEPTH` is an error (CE018) and gives ``value=None``, so later
(recursive) stages never see such a document.
"""

from .codes import RULES
from .document import Source
from .limits import MAX_DEPTH
from .load import load_source

__all__ = ["MAX_DEPTH", "RULES", "Source", "load_source"]
