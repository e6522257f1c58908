"""``Options``: the assumptions and inputs a check runs with (kept apart so the cached path stays light)."""

from __future__ import annotations

import os
from dataclasses import dataclass

TIMESTAMP_UNITS = ("s", "ms")  # what the `timestamp` date format may read (undocumented: an option)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Assumptions about undocumented platform behaviour, and where element definitions are."""

    server_zone: str = "GMT"  # the zone ${date:...} uses (documented as GMT on the platform's servers)
    encode_values: bool = False  # whether the platform percent-encodes substituted values (undocumented)
    timestamp_unit: str = "s"  # what the `timestamp` date format reads: epoch "s" or "ms" (undocumented)
    element_docs: tuple[str, ...] = ()
    element: str | None = None  # the element of a bare configuration or poller file (instance bodies name theirs)
    element_schemas: tuple[str, ...] = ()  # folders of the user's own element overlays (<key>.schema.json)
    opt_in: frozenset[str] = frozenset()  # codes of opt-in rules that `select` turned on (CE617...)

    def __post_init__(self) -> None:
        # A library caller's slip must be said here: `server_zone=5` made every check an internal error (CE099), and
        # `element_docs="docs"` was read as the folders "d", "o", ...
        if not isinstance(self.server_zone, str):
            raise TypeError(f"Options.server_zone must be a str, not {type(self.server_zone).__name__}")
        if not isinstance(self.encode_values, bool):
            raise TypeError(f"Options.encode_values must be a bool, not {type(self.encode_values).__name__}")
        if self.timestamp_unit not in TIMESTAMP_UNITS:
            raise ValueError(f"Options.timestamp_unit must be one of {', '.join(TIMESTAMP_UNITS)}, "
                             f"not {self.timestamp_unit!r}")
        if self.element is not None and not isinstance(self.element, str):
            raise TypeError(f"Options.element must be a str or None, not {type(self.element).__name__}")
        for name in ("element_docs", "element_schemas"):
            folders = getattr(self, name)
            if isinstance(folders, (str, bytes)) or not isinstance(folders, (tuple, list)) \
                    or not all(isinstance(folder, (str, os.PathLike)) for folder in folders):
                raise TypeError(f"Options.{name} must be a tuple of folder paths, not {folders!r}"[:200])
            object.__setattr__(self, name, tuple(os.fspath(folder) for folder in folders))
        if isinstance(self.opt_in, str) or not isinstance(self.opt_in, (set, frozenset, tuple, list)) \
                or not all(isinstance(code, str) for code in self.opt_in):
            raise TypeError(f"Options.opt_in must be a set of rule codes, not {self.opt_in!r}"[:200])
        object.__setattr__(self, "opt_in", frozenset(self.opt_in))

    def unusable_folder(self) -> str | None:
        """Why a folder of element docs or overlays named here cannot be read (``None`` when each is a folder)."""
        for name, folders in (("element-docs", self.element_docs), ("element-schemas", self.element_schemas)):
            missing = next((folder for folder in folders if not os.path.isdir(folder)), None)
            if missing is not None:
                return f"{missing}: not a directory ({name})"
        return None


class SetupError(Exception):
    """An input the user named (element docs, an overlay schema) cannot be used: a usage error, exit 2."""


class UnknownZoneWarning(UserWarning):
    """``Options.server_zone`` names a zone Java does not know: dates are written in GMT, as Java's
    ``TimeZone.getTimeZone`` falls back to it (a library caller's typo would otherwise pass without a word; the
    command and the language server say it their own way)."""


def options_or_none(value: object) -> Options | None:
    """``value`` when it is an :class:`Options` or None (a library call's ``options``); TypeError otherwise.  An
    unknown ``server_zone`` is warned about (:class:`UnknownZoneWarning`)."""
    if value is not None and not isinstance(value, Options):
        raise TypeError(f"options must be a validator.Options or None, not {type(value).__name__}")
    if value is not None and value.server_zone != "GMT":
        import warnings

        from .dates.zones import unknown_zone_warning

        said = unknown_zone_warning(value.server_zone)
        if said is not None:
            warnings.warn(f"Options.server_zone: {said}", UnknownZoneWarning, stacklevel=3)
    return value
