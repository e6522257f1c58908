"""``Options``: the assumptions and inputs a check runs with (kept apart so the cached path stays light)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    """Assumptions about undocumented platform behaviour, and where element definitions are."""

    server_zone: str = "GMT"  # the zone ${date:...} uses (documented as GMT on the platform's servers)
    encode_values: bool = False  # whether the platform percent-encodes substituted values (undocumented)
    timestamp_unit: str = "s"  # what the `timestamp` date format reads: epoch "s" or "ms" (undocumented)
    element_docs: tuple[str, ...] = ()
    element: str | None = None  # the element of a bare configuration or poller file (instance bodies name theirs)
    element_schemas: tuple[str, ...] = ()  # folders of the user's own element overlays (<key>.schema.json)
    opt_in: frozenset[str] = frozenset()  # codes of opt-in rules that `select` turned on (CE617...)

    def unusable_folder(self) -> str | None:
        """Why a folder of element docs or overlays named here cannot be read (``None`` when each is a folder)."""
        missing = next((d for d in (*self.element_docs, *self.element_schemas) if not os.path.isdir(d)), None)
        return None if missing is None else f"{missing}: not a directory (element-docs / element-schemas)"


class SetupError(Exception):
    """An input the user named (element docs, an overlay schema) cannot be used: a usage error, exit 2."""
