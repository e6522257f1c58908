"""Near misses of the documented ``event.*`` configuration keys (``event.poller.refresh.interval``).

One owner for CE101's hint (:mod:`validator.rules.schema_check`) and for masking, which hides the value of a
misspelt secret key (``event.notification.signature`` for ``event.notification.signature.key``) as it hides the
key's own.  The documented keys are the configuration schema's ``properties``.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

__all__ = ["near_event_key"]


def _separators_dropped(key: str) -> str:
    return "".join(c for c in key.lower() if c not in "._- ")


@lru_cache(maxsize=4096)
def near_event_key(key: str) -> str | None:
    """The documented ``event.*`` key that ``key`` misspells: the same but for case and separators
    (``event.poller.refresh.interval``), else a close spelling (``event.notification.callbak.url``); None for a
    documented key or one that is not near any."""
    if key[:5].lower() != "event":
        return None
    from ..schemas import top_level_properties

    known = [name for name in top_level_properties("configuration") if name.startswith("event.")]
    if key in known:
        return None
    for name in known:
        if _separators_dropped(name) == _separators_dropped(key):
            return name
    by_lower = {name.lower(): name for name in known}
    near = difflib.get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.9)
    return by_lower[near[0]] if near else None
