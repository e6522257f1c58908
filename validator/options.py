"""``Options``: the assumptions and inputs a check runs with (kept apart so the cached path stays light)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    """Assumptions about undocumented platform behaviour, and where element definitions are."""

    server_zone: str = "GMT"  # the zone ${date:...} uses (documented as GMT on the platform's servers)
    encode_values: bool = False  # whether the platform percent-encodes substituted values (undocumented)
    element_docs: tuple[str, ...] = ()
    element: str | None = None  # the element of a bare configuration or poller file (instance bodies name theirs)
    report_spaces: bool = False  # CE617: raw spaces in URLs (the platform's encoding is undocumented; they work)
