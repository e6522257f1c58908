"""Limits of what the loader accepts."""

from __future__ import annotations

import sys

MAX_DEPTH = 1000
"""Deepest nesting accepted (Jackson's default ``maxNestingDepth`` since 2.15 is 1000)."""

MAX_STREAM_BYTES = 256 * 1024 * 1024
"""Most of standard input read (a stream may never end: ``< /dev/zero``); a named file is read whole."""

# Up to 3.11 the C decoder counts its nesting against the recursion limit, so whatever it decodes
# is shallower than that; from 3.12 it has its own, higher limit, and the depth is checked.
_C_DEPTH_BOUNDED = sys.version_info < (3, 12)

_BIG_INT_DIGITS = 100_000  # beyond this an integer is kept as a float (inf), with CE017
