"""ce-validator: catch mistakes in Cloud Elements instance bodies and event-poller configurations.

The public API is imported lazily, so ``import validator`` costs almost nothing.
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 11):  # said before a possessive repeat or tomllib fails far from the cause
    _OLD = (f"ce-validator needs Python 3.11 or newer, and this is Python {sys.version.split()[0]}: install it with "
            "Python 3.11 or newer (python3.11 -m pip install ...)")
    _RUN_AS = (getattr(sys, "argv", None) or [""])[0].replace("\\", "/").rsplit("/", 1)[-1]
    if _RUN_AS == "-m" or _RUN_AS.startswith("ce-validator"):  # the command (`-m` while the package is imported)
        sys.stderr.write(f"ce-validator: error: {_OLD}\n")
        raise SystemExit(2)
    raise ImportError(_OLD)

from ._version import __version__  # noqa: E402

TYPE_CHECKING = False  # not typing's: importing typing costs 4 ms of every run of the command

_EXPORTS = {
    "compile_pattern": "validator.dates.pattern",
    "format_date": "validator.dates.pattern",
    "DatePattern": "validator.dates.pattern",
    "PatternError": "validator.dates.tokens",
    "DateParseError": "validator.dates.parse",
    "resolve_zone": "validator.dates.zones",
    "ZoneResolution": "validator.dates.zones",
    "render_url": "validator.urls.render",
    "RenderedUrl": "validator.urls.render",
    "parse_url_template": "validator.urls.template",
    "check": "validator.api",
    "check_file": "validator.api",
    "check_page": "validator.pages",
    "Options": "validator.options",
    "SetupError": "validator.options",
    "UnknownZoneWarning": "validator.options",
    "Config": "validator.config",
    "ConfigError": "validator.config",
    "load_config": "validator.config",
    "UnknownRuleError": "validator.rules",
    "Fix": "validator.findings",
    "Edit": "validator.findings",
    "Finding": "validator.findings",
    "Problem": "validator.findings",
}

__all__ = [
    "__version__",
    "Config",
    "ConfigError",
    "DateParseError",
    "DatePattern",
    "Edit",
    "Finding",
    "Fix",
    "Options",
    "PatternError",
    "Problem",
    "RenderedUrl",
    "SetupError",
    "UnknownRuleError",
    "UnknownZoneWarning",
    "ZoneResolution",
    "check",
    "check_file",
    "check_page",
    "compile_pattern",
    "format_date",
    "load_config",
    "parse_url_template",
    "render_url",
    "resolve_zone",
]

if TYPE_CHECKING:  # pragma: no cover
    from .dates.parse import DateParseError
    from .dates.pattern import DatePattern, compile_pattern, format_date
    from .dates.tokens import PatternError
    from .dates.zones import ZoneResolution, resolve_zone
    from .api import check, check_file
    from .config import Config, ConfigError, load_config
    from .findings import Edit, Finding, Fix, Problem
    from .options import Options, SetupError, UnknownZoneWarning
    from .pages import check_page
    from .rules import UnknownRuleError
    from .urls.render import RenderedUrl, render_url
    from .urls.template import parse_url_template


def __getattr__(name: str) -> object:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'validator' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
