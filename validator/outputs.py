"""Where ``ce-validator check`` writes its reports: one or more formats, to standard output or files.

``--output-format FORMAT[:FILE]`` is repeatable, so one run writes every report a CI job
needs (``--output-format text --output-format junit:reports/junit.xml --output-format
gitlab:gl-code-quality-report.json``).  At most one format goes to standard output (no file, or ``-``);
``-o/--output-file FILE`` sends that one to a file instead.  ``--statistics`` replaces the
standard-output report by a count of findings per rule; ``-q`` drops the summary and the
skipped-file lines of ``text`` and ``concise``.  Report paths are relative to :func:`project_root`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .lazy_pattern import LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    from .findings import Finding
    from .reporters import FileReport

ROOT_VARIABLES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")  # GitHub Actions, GitLab CI
STDOUT = "-"  # as a report's FILE (`sarif:-`, `-o -`): standard output, as PATH `-` is standard input
_ANSI = LazyPattern(r"\x1b\[[0-9;]*m")


class OutputError(Exception):
    """A bad ``--output-format``/``--output-file``/``--root`` value, or a report that cannot be written."""


class Target(NamedTuple):
    """One report: ``format`` (a name in :data:`validator.reporters.REPORTERS`) written to ``file`` (None: stdout)."""

    format: str
    file: str | None = None


def plan_targets(specs: Sequence[str] | None, *, output_file: str | None = None, configured: str | None = None,
                 env: Mapping[str, str] | None = None) -> list[Target]:
    """The reports to write, from ``--output-format`` values (``FORMAT`` or ``FORMAT:FILE``) and ``-o``.

    Without ``specs`` the configured format (``format`` in the configuration) or the default
    (``github`` under GitHub Actions, else ``text``) goes to standard output.  Raises
    :class:`OutputError` for an unknown format, two formats on standard output or one file twice.
    """
    from .reporters import REPORTERS, default_format

    targets: list[Target] = []
    for spec in specs or [configured or default_format(env)]:
        name, colon, file = spec.partition(":")
        if name not in REPORTERS:
            raise OutputError(f"unknown format {name!r}: choose from {', '.join(REPORTERS)}")
        if colon and not file:
            raise OutputError(f"{spec!r}: give a file after the colon, as in {name}:reports/{name}.out")
        targets.append(Target(name, None if file == STDOUT else file or None))
    on_stdout = [i for i, t in enumerate(targets) if t.file is None]
    if len(on_stdout) > 1:
        raise OutputError("only one format can go to standard output: give the others a file (FORMAT:FILE)")
    if output_file and output_file != STDOUT:
        if not on_stdout:
            raise OutputError("--output-file: every format already names its file")
        targets[on_stdout[0]] = Target(targets[on_stdout[0]].format, output_file)
    written = [os.path.abspath(t.file) for t in targets if t.file]
    twice = next((f for f, n in Counter(written).items() if n > 1), None)
    if twice:
        raise OutputError(f"{twice}: two reports would be written to this file")
    return targets


def project_root(cli_root: str | None, env: Mapping[str, str] | None = None) -> str | None:
    """The folder report paths are relative to: ``--root``, else the CI's workspace variable, else None (cwd)."""
    env = os.environ if env is None else env
    if cli_root is not None:
        if not os.path.isdir(cli_root):
            raise OutputError(f"{cli_root}: the root is not a directory")
        return cli_root
    return next((env[name] for name in ROOT_VARIABLES if env.get(name) and os.path.isdir(env[name])), None)


def statistics(findings: Sequence[Finding], *, files: Sequence[FileReport] = (),
               rules: Mapping[str, Any] | None = None, as_json: bool = False) -> str:
    """How many findings each rule has at each severity, most first: ``  12  CE601  error    url-unbalanced-quote``."""
    from .findings import SEVERITIES
    from .reporters._common import ordered

    # a row per rule and severity: a rule's findings may differ (CE501 is a warning for a misspelt UTC)
    counts = Counter((f.rule, f.severity) for f in ordered(findings, files))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], SEVERITIES.index(item[0][1])))

    def name(code: str) -> str:
        rule = (rules or {}).get(code)
        return str(getattr(rule, "name", "")) if rule is not None else ""

    if as_json:
        return json.dumps([{"code": code, "name": name(code) or None, "severity": severity, "count": n}
                           for (code, severity), n in rows], indent=2) + "\n"
    width = len(str(rows[0][1])) if rows else 1
    return "".join(f"{n:>{width}}  {code}  {severity:<7}  {name(code)}".rstrip() + "\n" for (code, severity), n in rows)


def quieten(output: str, *, files: Sequence[FileReport], summary_line: str) -> str:
    """``text``/``concise`` output without its summary and skipped-file lines (``-q``)."""
    from .reporters._common import shown

    skips = {f"{shown(report.path)}: skipped: {report.skipped}" for report in files if report.skipped is not None}
    kept = [line for line in output.splitlines() if _ANSI.sub("", line) not in skips | {summary_line}]
    while kept and not kept[-1].strip():
        kept.pop()
    return "".join(line + "\n" for line in kept)


_JSON_FORMATS = frozenset({"json", "sarif", "gitlab"})
_XML_FORMATS = frozenset({"junit"})
_BEYOND_ASCII = LazyPattern(r"[^\x00-\x7f]+")


def for_stream(format_name: str, output: str, encoding: str | None) -> str:
    """A report as a standard output of ``encoding`` carries it: JSON must be UTF-8 (RFC 8259) and the JUnit report
    says it is, so on a stream of another encoding (Windows writes a redirected `> report.json` in its code page) each
    character beyond ASCII is written as the format's own escape (`\\u00fc`, `&#252;`), which reads the same in
    UTF-8 and in every code page; the other formats are for people, and go out as the stream writes them."""
    if output.isascii() or format_name not in _JSON_FORMATS | _XML_FORMATS or _is_utf8(encoding):
        return output
    if format_name in _XML_FORMATS:
        return output.encode("ascii", "xmlcharrefreplace").decode("ascii")
    # (beyond ASCII is only ever inside a JSON string, where an escape means the character)
    return _BEYOND_ASCII.sub(lambda run: json.dumps(run.group())[1:-1], output)


def json_for(stream: Any, value: Any, *, sort_keys: bool = True) -> str:
    """``value`` as a command's JSON document on ``stream`` (2-space indent, characters as they are, or escaped
    where the stream is not UTF-8: :func:`for_stream`): `render`, `simulate` and `date` print theirs so."""
    return for_stream("json", json.dumps(value, indent=2, sort_keys=sort_keys, ensure_ascii=False),
                      getattr(stream, "encoding", None))


def _is_utf8(encoding: str | None) -> bool:
    import codecs

    if encoding is None:  # (a stream that takes text alone: a test's capture)
        return True
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def emit(targets: Sequence[Target], findings: Sequence[Finding], *, files: Sequence[FileReport],
         rules: Mapping[str, Any], tool_version: str, color: bool, root: str | None, quiet: bool = False,
         show_statistics: bool = False, stdout_encoding: str | None = None) -> tuple[str, list[str]]:
    """Render every target: the text for standard output (a stream of ``stdout_encoding``: see :func:`for_stream`),
    and the problems writing files (empty when none)."""
    from .reporters import get_reporter
    from .reporters._common import count, summary

    stdout = ""
    problems: list[str] = []
    for target in targets:
        to_stdout = target.file is None
        if to_stdout and show_statistics:
            stdout = statistics(findings, files=files, rules=rules, as_json=target.format == "json")
            continue
        output = get_reporter(target.format).render(findings, files=files, rules=rules, tool_version=tool_version,
                                                    color=color and to_stdout, root=root)
        if quiet and target.format in ("text", "concise"):
            output = quieten(output, files=files, summary_line=summary(count(findings, files)))
        if to_stdout:
            stdout = for_stream(target.format, output, stdout_encoding)
            continue
        assert target.file is not None
        try:
            path = Path(target.file)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(output, encoding="utf-8")
        except OSError as exc:
            problems.append(f"{target.file}: cannot write the {target.format} report: {exc.strerror or exc}")
    return stdout, problems


def show_settings(config: Any, *, targets: Sequence[Target], root: str | None, args: Any = None) -> str:
    """The settings in effect (``--show-settings``), one ``name = value`` line each, values as TOML/JSON."""
    def toml(value: Any) -> str:
        if value is None:
            return '""  # not set'
        if isinstance(value, Mapping):
            return "{" + ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items()) + "}"
        if isinstance(value, tuple):
            value = list(value)
        if hasattr(value, "isoformat"):
            return str(value.isoformat())
        return json.dumps(value, ensure_ascii=False)

    pointer_ignores = [f"{p.glob}#{p.pointer}:{p.code}" for p in config.pointer_ignores]
    rows: list[tuple[str, Any]] = [
        ("config-file", str(config.path) if config.path else None),
        ("root", os.path.abspath(root or os.getcwd())),
        ("select", config.cli_select if config.cli_select is not None else (config.select or ("CE",))),
        ("ignore", (*config.ignore, *config.cli_ignore, *pointer_ignores)),
        ("per-file-ignores", {glob: list(codes) for glob, codes in config.per_file_ignores}),
        ("severity", {**config.severity, **config.cli_severity}),
        ("strict", config.strict),
        ("min-severity", config.min_severity),
        ("output", [f"{t.format}:{t.file}" if t.file else f"{t.format} (standard output)" for t in targets]),
        ("server-zone", config.server_zone),
        ("encode-values", config.encode_values),
        ("timestamp-unit", config.timestamp_unit),
        ("at", config.at),
        ("element-docs", config.element_docs),
        ("element-schemas", config.element_schemas),
        ("exclude", config.exclude),
        ("extend-exclude", config.extend_exclude),
        ("respect-gitignore", bool(getattr(args, "respect_gitignore", True))),
        ("baseline", getattr(args, "baseline", None)),
        ("exit-zero", bool(getattr(args, "exit_zero", False))),
    ]
    from .masking import as_shown

    # (paths and values the user wrote: a folder `https://user:password@host/...` shows no password)
    return "".join(f"{name} = {as_shown(toml(value))}\n" for name, value in rows)
