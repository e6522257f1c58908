"""The library entry points: what ``ce-validator check`` does, for one document.

``check(Path("body.json"))`` finds the configuration for that file (``[tool.ce-validator]`` in the
nearest ``pyproject.toml``, or ``.ce-validator.toml``) and applies it exactly as the command does:
the options it sets (server zone, element docs and overlays, opt-in rules), the selection, ignores,
per-file and pointer ignores, severity overrides and excludes.  ``config=None`` checks with the
defaults; ``config=Path("ci.toml")`` (or a loaded :class:`~validator.config.Config`) uses that one.

A ``str`` is always JSON text and a path is a :class:`pathlib.Path` (or any ``os.PathLike``):
nothing is guessed.  Findings come back sorted, with secret values scrubbed from their messages.

Errors: :class:`OSError` when a path cannot be read; :class:`~validator.config.ConfigError` for a
broken configuration; :class:`~validator.options.SetupError` when element docs or an overlay named
by the options or configuration cannot be used (a folder that is not one, too); :class:`ValueError` for an unknown
``kind``, a ``str`` that names a file, or a decoded document JSON cannot hold (a set, a tuple key, a cycle);
:class:`TypeError` for a ``document`` of another type.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal, Mapping, Sequence, TypedDict, Union, Unpack

# Imported at run time, not only for type checkers: typing.get_type_hints (pydantic, documentation tools)
# resolves the names of the public signatures.  check() needs these modules anyway.
from .config import Config, ConfigResolver, options_of
from .findings import Finding
from .kinds import Kind, checked_kind
from .options import Options, SetupError, options_or_none

__all__ = ["Document", "check", "check_file"]

Document = Union[Mapping[str, Any], Sequence[Any], str, bytes, "os.PathLike[str]"]
"""What :func:`check` takes: a decoded document, JSON text (``str`` or ``bytes``), or a path."""

ConfigChoice = Union[Literal["auto"], None, Config, str, "os.PathLike[str]"]


class _CheckKeywords(TypedDict, total=False):
    """The keyword arguments :func:`check_file` passes on to :func:`check` (its ``path`` is the file)."""

    kind: Kind | Literal["auto"]
    options: Options | None
    config: ConfigChoice


def check(
    document: Document,
    *,
    kind: Kind | Literal["auto"] = "auto",
    path: str | os.PathLike[str] | None = None,
    options: Options | None = None,
    config: ConfigChoice = "auto",
) -> list[Finding]:
    """Check one document as ``ce-validator check`` would, and return its findings.

    ``document`` is a ``dict``/``list``, JSON text (``str``/``bytes``) or a path (``Path``); a ``dict``/``list``'s
    findings are placed (lines, columns, fix edits) in ``json.dumps(document, indent=2, ensure_ascii=False)``.
    ``path`` is the path to show (and to find the configuration for) when ``document`` is not a path.
    ``config``: ``"auto"`` (default) finds the configuration for the path as the command does (for text
    without ``path``: the current folder's); ``None`` uses none; a path or a ``Config`` uses that one.
    ``options`` replaces the options the configuration would set (the selection still applies).
    """
    from .engine import check_source, read_document
    from .inputs import reads_as_page
    from .source import load_source

    kind = checked_kind(kind)
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"check()'s path must be a str, a path or None, not {type(path).__name__}")
    options = options_or_none(options)
    data, shown = read_document(document, path)
    resolved = _config(config, shown)
    if resolved is not None and shown is not None and resolved.is_excluded(shown):
        return []
    if options is None:
        options = options_of(resolved) if resolved is not None else None
    elif resolved is not None:  # the selection still applies: the opt-in rules it turns on stay on
        options = replace(options, opt_in=options.opt_in | options_of(resolved).opt_in)
    unusable = options.unusable_folder() if options is not None else None
    if unusable is not None:
        raise SetupError(unusable)
    decoded = not isinstance(document, (str, bytes, os.PathLike))  # a dict or list: a body, whatever its shown name
    if not decoded and reads_as_page(shown, data):  # a Markdown page, as the command reads it (validator.pages)
        from .pages import check_page

        findings = check_page(data, path=shown, kind=kind, options=options).findings
    else:
        findings = check_source(load_source(data, path=shown), kind=kind, options=options)
    return resolved.apply(findings, path=shown) if resolved is not None else findings


def check_file(path: str | os.PathLike[str], **keywords: Unpack[_CheckKeywords]) -> list[Finding]:
    """:func:`check` of the file at ``path`` (a ``str`` is a path here)."""
    if not isinstance(path, (str, os.PathLike)) or isinstance(os.fspath(path), bytes):
        raise TypeError(f"check_file() takes a file's path (a str or a Path), not {type(path).__name__}")
    return check(Path(path), **keywords)


def _config(choice: ConfigChoice, shown: str | None) -> Config | None:
    if choice is None:
        return None
    if isinstance(choice, Config):
        return choice
    if not isinstance(choice, (str, os.PathLike)):
        raise TypeError(f"config must be \"auto\", None, a path or a validator.Config, not {type(choice).__name__}")
    explicit = None if choice == "auto" else Path(os.fspath(choice))
    return ConfigResolver(explicit=explicit).for_path(shown)
