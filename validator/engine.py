"""The core: a source goes through kinds, schemas and rules, and comes out as sorted findings.

``check`` is the library entry point; the ``check`` command and the tests call it.
Nothing here prints.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from .findings import Edit, Finding, Fix, Problem, Severity, edited
from .inputs import code_language, template_syntax
from .json_text import indented
from .kinds import (
    POLLER_KEY,
    Kind,
    PollerRef,
    bulk_items,
    checked_kind,
    configuration_pointer,
    detect_kind,
    escape_pointer_token,
    find_pollers,
    looks_like_cloud_elements,
    poller_entries,
    postman_bodies,
    resolve_pointer,
)
from .lazy_pattern import LazyPattern
from .masking import MaskedText, Secrets, find_secrets
from .options import Options, SetupError
from .rules import checkers, rule_for
from .rules.base import Rule
from .source.codes import MISSING_COMMA
from .vocabulary.placeholders import find_placeholders, is_env_reference, placeholder_at

if TYPE_CHECKING:
    from .source import Source

SCHEMA_CHECK = "validator.rules.schema_check"
NOT_CLOUD_ELEMENTS = "CE090"
INTERNAL_ERROR = "CE099"
# Problems that make any *.json file unusable, Cloud Elements body or not: empty, bad encoding, binary.
UNREADABLE = frozenset({"CE010", "CE012", "CE013"})


class Entry(NamedTuple):
    """One poller resource: ``name``, its ``value``, and where it is (``pointer`` inside ``source``)."""

    name: str
    value: Any
    source: Source  # the file, or the decoded poller string
    pointer: str

    def child(self, *keys: str) -> str:
        return "/".join((self.pointer, *map(escape_pointer_token, keys)))

    @property
    def called(self) -> str:
        """How a message names the entry: `` `customers` ``, or "the entry" for a lone one (a file of one entry, which
        has no resource name)."""
        return f"`{self.name}`" if self.name else "the entry"

    @property
    def the_entry(self) -> str:
        """"the entry `customers`", or "the entry" for a lone one."""
        return f"the entry `{self.name}`" if self.name else "the entry"


@dataclass
class Context:
    """What a rule sees: the document, its kind and pollers, and ``finding`` to report with a position."""

    source: Source
    value: Any
    kind: Kind
    options: Options
    pollers: list[tuple[PollerRef, Source]] = field(default_factory=list)  # (ref, Source holding the poller map)
    _entries: list[Entry] | None = field(default=None, init=False, repr=False, compare=False)
    # where the findings placed at a member's key are (pointer, line, column): see `_not_superseded`
    keyed: set[tuple[str, int, int]] = field(default_factory=set, init=False, repr=False, compare=False)

    @property
    def path(self) -> str | None:
        return self.source.path

    @property
    def configuration(self) -> dict[str, Any] | None:
        pointer = configuration_pointer(self.value, self.kind)
        if pointer is None:
            return None
        configuration: dict[str, Any] | None = self.value if pointer == "" else self.value.get("configuration")
        return configuration

    @property
    def configuration_pointer(self) -> str | None:
        return configuration_pointer(self.value, self.kind)

    @property
    def element_key(self) -> str | None:
        if self.kind != "instance" or not isinstance(self.value, dict):
            return None
        element = self.value.get("element")
        key = element.get("key") if isinstance(element, dict) else None
        return key if isinstance(key, str) else None

    @property
    def element(self) -> str | None:
        """The element the document is checked against: see :func:`element_of`."""
        return element_of(self.element_key, self.options)

    def entries(self) -> Iterator[Entry]:
        """Every poller resource whose entry is an object (:func:`validator.kinds.poller_entries`); found once
        per check, for all the rules that ask."""
        if self._entries is None:
            self._entries = list(self._find_entries())
        return iter(self._entries)

    def _find_entries(self) -> Iterator[Entry]:
        sources = {ref: source for ref, source in self.pollers}

        def decoded(value: Any, ref: PollerRef) -> Any:
            return sources[ref].value if ref.stringified else resolve_pointer(value, ref.pointer)

        for entry in poller_entries(self.value, self.kind, decode=decoded):
            yield Entry(entry.name, entry.value, sources[entry.ref], entry.inner)

    def display_pointer(self, source: Source, pointer: str) -> str:
        """The pointer shown to users: a pointer inside a stringified poller is prefixed with the string's."""
        for ref, poller_source in self.pollers:
            if ref.stringified and poller_source is source:
                return ref.pointer + pointer
        return pointer

    def enabled(self, code: str) -> bool:
        """Whether the opt-in rule ``code`` is turned on (``select`` names it); other rules always run."""
        return code in self.options.opt_in

    def finding(
        self,
        rule: Rule,
        message: str,
        *,
        source: Source | None = None,
        pointer: str = "",
        key: bool = False,
        sub: tuple[int, int] | None = None,
        help: str | None = None,
        severity: Severity | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding at ``pointer`` of ``source`` (default: the file); ``sub`` is a decoded range inside a string.

        ``fix`` edits the string at ``pointer`` (offsets into its decoded value) when ``sub`` is given,
        else the file's text.
        """
        source = source or self.source
        if sub is not None:
            start, end = source.string_span(pointer, sub[0], sub[1])
        else:
            start, end = source.span(pointer, key=key)
        if fix is not None and sub is not None:
            fix = self._string_fix(fix, source, pointer)
        found = self.place(rule, message, start, end, pointer=self.display_pointer(source, pointer), help=help,
                           severity=severity, fix=fix)
        if key and sub is None:
            self.keyed.add((found.pointer, found.line, found.column))
        return found

    def problem(self, problem: Problem, *, source: Source | None = None, pointer: str = "",
                value: str | None = None) -> Finding:
        """Place a :class:`Problem` found inside the string value at ``pointer``.

        With ``value``, the string it was found in, a problem spanning all of it (and with no fix) points at the
        whole JSON string, quotes included.
        """
        if value is not None and problem.start <= 0 and problem.end >= len(value) and problem.fix is None:
            return self.finding(rule_for(problem.rule), problem.message, source=source, pointer=pointer,
                                help=problem.help, severity=problem.severity)
        return self.finding(rule_for(problem.rule), problem.message, source=source, pointer=pointer,
                            sub=(problem.start, problem.end), help=problem.help, severity=problem.severity,
                            fix=problem.fix)

    def place(self, rule: Rule | str, message: str, start: int, end: int, *, pointer: str = "",
              help: str | None = None, severity: Severity | None = None, fix: Fix | None = None) -> Finding:
        """A finding at file offsets ``[start, end)``; ``rule`` is a rule or the code a lower layer reported."""
        if isinstance(rule, str):
            rule = rule_for(rule)
        line, column = self.source.line_col(start)
        end_line, end_column = self.source.line_col(max(end, start))
        if (end_line, end_column) == (line, column):
            end_column += 1
        return Finding(rule=rule.code, severity=severity or rule.severity, message=message, path=self.path,
                       pointer=pointer, line=line, column=column, end_line=end_line, end_column=end_column,
                       help=help, fix=fix)

    def _string_fix(self, fix: Fix, source: Source, pointer: str) -> Fix | None:
        """``fix`` (offsets into the decoded string at ``pointer``) as edits of the file's text, re-escaped.

        Inside a stringified poller the string is escaped twice; each edit's replacement is escaped
        as its place requires.  ``None`` when an edit cannot be placed.
        """
        edits = []
        for edit in fix.edits:
            try:
                start, end = source.string_span(pointer, edit.start, edit.end)
                replacement = source.escape_for_file(pointer, edit.replacement)
            except (KeyError, ValueError, AttributeError):
                return None
            edits.append(Edit(start, end, replacement))
        return Fix(fix.message, tuple(edits), fix.applicability)


def read_document(document: Any, path: str | os.PathLike[str] | None = None) -> tuple[str | bytes, str | None]:
    """The text of ``document`` and the path to show for it.

    A ``dict``/``list`` (any mapping or sequence) is serialised, ``str``/``bytes`` are JSON text, an ``os.PathLike``
    is read; a decoded document JSON cannot hold (a set, a tuple key, a cycle) is a :class:`ValueError`.
    A ``str`` is never taken for a path; one that names an existing file (and is not JSON) is a
    :class:`ValueError` that says to pass ``Path(...)``.  ``OSError`` when a path cannot be read.
    """
    shown = os.fspath(path) if path is not None else None
    if isinstance(document, os.PathLike):
        return _read_named_file(Path(document)), shown or os.fspath(document)
    if isinstance(document, (bytes, str)):
        if isinstance(document, str) and _names_a_file(document):
            raise ValueError(f"a str is read as JSON text, and {document!r} is a file: pass Path({document!r}) "
                             "or use validator.check_file()")
        if isinstance(document, str) and path is None and _looks_like_a_file_name(document):
            # (no JSON text is a bare name; with `path` given, the str is that file's content, whatever it says)
            raise ValueError(f"a str is read as JSON text, and {document!r} is a file's name (no such file here): "
                             "pass Path(...) or use validator.check_file() to check a file")
        return document, shown
    if isinstance(document, (Mapping, Sequence)) and not isinstance(document, (bytearray, memoryview)):
        try:
            return indented(document, ensure_ascii=False), shown
        except (TypeError, ValueError, RecursionError) as exc:  # a set, a tuple key, a cycle, nesting past Python's
            reason = "it is nested deeper than Python writes" if isinstance(exc, RecursionError) else str(exc)
            raise ValueError(f"the document cannot be written as JSON: {reason}") from None
    raise TypeError(f"check() takes a dict, JSON text, bytes or a path, not {type(document).__name__}")


def _read_named_file(path: Path) -> bytes:
    """The bytes of the file at ``path``; a device, socket or named pipe is an :class:`OSError` before it is read,
    as ``check`` refuses it (``/dev/zero`` never ends; a pipe nothing writes to is waited on forever)."""
    import stat

    mode = path.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # (a folder: read_bytes' own IsADirectoryError)
        raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
    return path.read_bytes()


_FILE_ENDINGS = (".json", ".jsonc", ".json5", ".jsonl", ".md", ".markdown", ".mdx", ".http", ".rest", ".txt")


def _one_line_not_json(text: str, limit: int) -> str | None:
    """``text`` stripped when it is one line of at most ``limit`` characters that does not start as JSON does."""
    stripped = text.strip()
    return stripped if 0 < len(stripped) <= limit and "\n" not in stripped and stripped[0] not in "{[\"" else None


def _looks_like_a_file_name(text: str) -> bool:
    """Whether ``text`` is a file's name, not JSON text (`bodies/x.json`, `C:\\x (1).json`, with blanks around)."""
    stripped = _one_line_not_json(text, 1000)
    return stripped is not None and stripped.lower().endswith(_FILE_ENDINGS)


def _names_a_file(text: str) -> bool:
    return _one_line_not_json(text, 4095) is not None and "\n" not in text and os.path.isfile(text)


def check(
    document: Any,
    *,
    kind: Kind | str = "auto",
    path: str | os.PathLike[str] | None = None,
    options: Options | None = None,
) -> list[Finding]:
    """Check one document with ``options`` and no configuration file (the engine's own entry point).

    :func:`validator.check` (``validator.api``) is what the command does: it also applies the
    configuration found for the path.  ``document`` is read by :func:`read_document`.
    """
    from .source import load_source

    data, shown = read_document(document, path)
    return check_source(load_source(data, path=shown), kind=kind, options=options)


class CheckedDocument(NamedTuple):
    """One checked document: its ``findings`` (secret values scrubbed) and its ``secrets``."""

    findings: list[Finding]
    secrets: Secrets
    source: Source

    def masked_text(self) -> MaskedText:
        """The document's text with every secret masked: the only text outputs may show."""
        return self.secrets.mask(self.source.text)


def check_source(loaded: Source, *, kind: Kind | str = "auto", options: Options | None = None) -> list[Finding]:
    """Check an already loaded :class:`validator.source.Source`; secret values are scrubbed from messages."""
    return inspect_source(loaded, kind=kind, options=options).findings


def inspect_source(loaded: Source, *, kind: Kind | str = "auto", options: Options | None = None) -> CheckedDocument:
    """Check ``loaded`` and keep what outputs need: scrubbed findings and the document's secrets.

    The secrets are looked for only when there is a finding to show.
    """
    options = options or Options()
    held: list[Source] = []  # the stringified pollers, parsed once: held until their secrets are found too
    template = template_syntax(loaded.path)
    filled: list[tuple[int, int]] = []
    if template is not None and (not loaded.valid or template == "$${"):  # (Terraform's `${x}` in a valid file's
        loaded, filled = _as_rendered(loaded, template)  # string, which a rule would read as a poller macro, too)
        if _unrendered(loaded):  # said, not passed: the file is not checked
            stub = Context(source=loaded, value=None, kind="instance", options=options)
            return CheckedDocument([stub.place(NOT_CLOUD_ELEMENTS, "not checked: a template statement inside a "
                                               "line, which this tool does not render (it reads a line that is only "
                                               f"a statement, and `{_EXPRESSION_SHAPE[template]}` values); check the "
                                               "rendered body", 0, 0,
                                               severity="info")], secrets_of(loaded, options), loaded)
    checked, unquoted = _read_around(loaded) if not loaded.valid and template is None \
        and looks_like_cloud_elements(loaded.text) else (loaded, [])  # (another tool's JSONC, `.vscode/sftp.json`)
    findings = _run(checked, kind, options, held)
    if unquoted and any(f.rule == NOT_CLOUD_ELEMENTS for f in findings):  # (a package.json's trailing comma: not ours)
        checked, unquoted = loaded, []
        findings = _run(loaded, kind, options, held)
    if unquoted:  # each mistake said once, as the syntax mistake it is; what the rest holds checked around it, with
        # no fix of its own (an edit made on the text read would write a placeholder as it was read: `"<econd>"`;
        # once the mistakes' own fixes are made, the next round of `--fix` reads the file whole)
        placing = _placing_context(checked, options)
        findings = _dedupe(sorted([replace(f, fix=None) for f in findings
                                   if not any(p.start <= checked.offset_at(f.line, f.column) < p.end
                                              for p in unquoted if p.rule not in _AS_FIXED)]
                                  + [placing.place(p.rule, p.message, p.start, p.end, help=p.help, severity=p.severity,
                                                   fix=p.fix) for p in (*unquoted, *loaded.problems)],
                                  key=Finding.sort_key))
    if template is not None:  # (what the tool fills is its: a value it stands for is not judged either)
        findings = [f for f in findings if not fills_template(f, template)
                    and not any(start <= loaded.offset_at(f.line, f.column) < end for start, end in filled)]
    if not findings:
        return CheckedDocument(findings, Secrets(), loaded)
    secrets = secrets_of(loaded, options)
    if not secrets.spans:
        return CheckedDocument([secrets.scrub_finding(f) for f in findings], secrets, loaded)
    text, offset_at = loaded.text, loaded.offset_at
    return CheckedDocument([secrets.scrub_finding(f, text=text, place=(offset_at(f.line, f.column),
                                                                       offset_at(f.end_line, f.end_column)))
                            for f in findings], secrets, loaded)


# One body that reaches every lazily built piece: the schemas and an element overlay, the URL and CEQL
# grammars, a date pattern in a zone, the rule modules.
_WARM_UP_BODY: dict[str, Any] = {
    "element": {"key": "sageone"}, "name": "warm-up",
    "configuration": {
        "event.notification.enabled": True, "event.vendor.type": "polling",
        "event.notification.callback.url": "https://example.com/events",
        "event.poller.configuration": {"contacts": {
            "url": "/hubs/crm/contacts?where=updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", "idField": "id",
            "datesConfiguration": {"updatedDateField": "updated", "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
                                   "updatedDateTimezone": "America/New_York"}}}}}


def warm_up() -> None:
    """Build what a first check builds (grammars, compiled schemas, rule modules), so that processes forked
    afterwards share it instead of each building it again."""

    from .source import load_source

    check_source(load_source(json.dumps(_WARM_UP_BODY, indent=2), path="warm-up.json"))


def secrets_of(loaded: Any, options: Options) -> Secrets:
    """The secrets of ``loaded``, with the keys its element's definition types ``PASSWORD``."""
    extra = declared_keys(loaded, options)
    found = find_secrets(loaded, extra_keys=extra)
    read, unquoted = _read_around(loaded) if not loaded.valid else (loaded, [])
    if not unquoted or read is loaded:
        return found
    # a body read around its unquoted placeholders: its secrets as the parsed body shows them too (the same length,
    # so the same places), for the findings read from it quote what the text scan alone would not know for one
    parsed = find_secrets(read, extra_keys=extra)
    return Secrets(spans=tuple(sorted(set(found.spans) | set(parsed.spans))),
                   values=tuple(sorted(set(found.values) | set(parsed.values), key=len, reverse=True)))


def declared_keys(loaded: Any, options: Options) -> frozenset[str]:
    """The configuration keys the definition of ``loaded``'s element (:func:`element_of`) types ``PASSWORD``: secrets
    whatever their names (`acme.site.value`); none without element docs.  What ``check``, ``render`` and ``simulate``
    mask besides the keys the vocabulary knows."""
    if not options.element_docs:  # the element module is loaded only for element docs
        return frozenset()
    from .elements import ElementDocsError, declared_secret_keys

    try:
        return declared_secret_keys(options.element_docs, element_of(_element_key(loaded), options))
    except (ElementDocsError, SetupError, OSError, ValueError):
        return frozenset()


def element_of(named: str | None, options: Options) -> str | None:
    """The element a document is checked against: the key its instance body names (``named``), else
    ``options.element`` (``--element``: the element of bare configuration and poller files, and of a body whose key
    is a placeholder, ``{{page.elementKey}}``, or its deployment's variable, ``${ELEMENT_KEY}``), so that one
    ``--element`` over a folder of bodies leaves each body's own element alone."""
    if named and not find_placeholders(named) and not is_env_reference(named):
        return named
    return options.element or named


def _of_the_named_element(value: Any, options: Options) -> bool:
    """Whether ``value`` is a bare configuration of the element ``--element`` names, by keys only its docs tell: each
    key one the element declares (Chargebee's `site`, `username`, `password`), or a dotted key of its own among them
    (Zoho's `crm.zohocrm.username` beside a misspelt `crm.zohocrm.pasword`).  The keys that make a configuration of
    any element (`event.*`, `oauth.*`) are :func:`detect_kind`'s; without a named element, or its definition, a file
    of other keys is not ours (a `settings.json` of `editor.fontSize`)."""
    if not options.element or not options.element_docs or not isinstance(value, dict) or not value \
            or not all(isinstance(key, str) for key in value):
        return False
    from .elements import find_element
    from .kinds import is_dotted_key

    docs = find_element(options.element_docs, options.element)
    if docs is None or docs.definition is None:
        return False
    declared = docs.definition.configuration
    return all(key in declared for key in value) or any(is_dotted_key(key) and key in declared for key in value)


_ELEMENT_KEY = LazyPattern(r'"element"\s*:\s*\{[^{}]*?"key"\s*:\s*"([^"\\]{1,100})"')


def _element_key(loaded: Any) -> str | None:
    """The element key a body names: from its value, or read from the text of a body that is not valid JSON."""
    value = loaded.value
    if isinstance(value, dict):
        element = value.get("element")
        key = element.get("key") if isinstance(element, dict) else None
        return key if isinstance(key, str) else None
    found = _ELEMENT_KEY.search(loaded.text)
    return found.group(1) if found else None


def _run(loaded: Any, kind: Kind | str, options: Options, held: list[Source]) -> list[Finding]:
    kind = checked_kind(kind)
    findings: list[Finding] = []
    stub = Context(source=loaded, value=loaded.value, kind="instance", options=options)
    if loaded.value is None and not loaded.valid:  # (a document `null` is JSON: checked as the kind it is read as)
        unreadable = any(p.rule in UNREADABLE for p in loaded.problems)
        language = code_language(loaded.path) if loaded.path and kind == "auto" else None
        if language is not None and not unreadable:  # (a body inside code is the code's: its quotes are not JSON's)
            return [stub.place(NOT_CLOUD_ELEMENTS, f"a {language} file, not valid JSON: ce-validator checks JSON "
                               "bodies and Markdown pages, not code", 0, 0, severity="info")]
        if kind == "auto" and not unreadable and not looks_like_cloud_elements(loaded.text):
            why = ("nested deeper than the platform reads" if any(p.rule == "CE018" for p in loaded.problems)
                   else "not valid JSON")  # (a deep document may be valid JSON: it is its depth that is refused)
            return [stub.place(NOT_CLOUD_ELEMENTS, f"{why}, and not a Cloud Elements body", 0, 0,
                               severity="info")]
        return sorted((stub.place(p.rule, p.message, p.start, p.end, help=p.help, severity=p.severity, fix=p.fix)
                       for p in loaded.problems), key=Finding.sort_key)
    for p in loaded.problems:
        findings.append(stub.place(p.rule, p.message, p.start, p.end, help=p.help, severity=p.severity, fix=p.fix))
    inner, strings = _unwrapped(loaded) if loaded.root is loaded else (loaded, 0)
    if strings:  # a file holding a JSON string of a document (a poller configuration's value), or of such a string
        inner_kind = (detect_kind(inner.value) if kind == "auto" else kind) if inner.valid else None
        if inner_kind is not None:
            held.append(inner)
            findings.extend(_run(inner, inner_kind, options, held))
            if strings > 1:  # (the platform reads one string's content, and finds a string again)
                findings.append(stub.place(rule_for("CE102"), "the file is a JSON string holding a JSON string of "
                                           f"the document (serialised {strings} times): the platform receives a "
                                           "string, not the object", 0, 1,
                                           help="write the object itself (serialise it once)"))
            elif inner_kind == "instance":
                findings.append(stub.place(rule_for("CE102"), "the instance body is written as a JSON string holding "
                                           "it: the platform receives a string, not the body", 0, 1,
                                           help="write the object itself (the string's content, unquoted)"))
            return _dedupe(sorted(findings, key=Finding.sort_key))

    detected = detect_kind(loaded.value) if kind == "auto" else kind
    if detected is None and kind == "auto" and _of_the_named_element(loaded.value, options):
        detected = "configuration"
    bulk = bulk_items(loaded.value) if detected is None and kind == "auto" else []
    requests = postman_bodies(loaded.value) if detected is None and kind == "auto" and not bulk else []
    if requests:  # a Postman collection: each request's raw body, at its place in the string (CE090 for others)
        from .rules.secrets import committed_headers

        for pointer in requests:
            findings.extend(_under(finding, pointer) for finding in _run(loaded.embedded(pointer), "auto", options, held)
                            if finding.rule != NOT_CLOUD_ELEMENTS and not fills_client_variable(finding))
        findings.extend(committed_headers(stub))  # the platform's credentials in its requests' headers
        return _dedupe(sorted(findings, key=Finding.sort_key))
    if bulk:  # several instance bodies in one file (a seed list): each checked as if alone, at its place
        for pointer in bulk:
            findings.extend(_under(finding, pointer)
                            for finding in _run(loaded.embedded(pointer), "instance", options, held))
        return _dedupe(sorted(findings, key=Finding.sort_key))
    if detected is None:  # skipped: what its parse noticed (a duplicate key in a package.json) is not ours to say
        return [stub.place(NOT_CLOUD_ELEMENTS, "not a Cloud Elements instance body, configuration or "
                           "poller configuration", 0, 0, severity="info")]

    ctx = Context(source=loaded, value=loaded.value, kind=detected, options=options)
    if not isinstance(loaded.value, dict):  # only with an explicit --kind: the schema says what is wrong
        from .rules.schema_check import check as schema_check

        findings.extend(schema_check(ctx))
        return _dedupe(sorted(findings, key=Finding.sort_key))
    for ref in find_pollers(loaded.value, detected):
        if ref.stringified:
            embedded = loaded.embedded(ref.pointer)
            held.append(embedded)
            ctx.pollers.append((ref, embedded))
            if not embedded.valid and embedded.text.lstrip()[:1] not in ("{", "[", '"', ""):
                # `"customers"`: a resource's name, not the map written as a JSON string; its JSON errors say nothing
                findings.append(ctx.finding(rule_for("CE102"), f"`{POLLER_KEY}` holds the text "
                                            f"`{embedded.text.strip()[:40]}`, not a map of resources to poller entries "
                                            "(an object, or that object written as a JSON string)",
                                            pointer=ref.pointer, help='write {"<resource>": {"url": "/hubs/...", '
                                            '"idField": "..."}}'))
                continue
            for p in embedded.problems:
                findings.append(ctx.place(p.rule, p.message, p.start, p.end, pointer=ref.pointer, help=p.help,
                                          severity=p.severity, fix=p.fix))
        else:
            ctx.pollers.append((ref, loaded))

    from .urls.template import parse_scope

    schema_found: list[Finding] = []
    with parse_scope():  # every rule reading a poller URL shares one parse of it during this check
        for run in checkers():
            try:
                (schema_found if run.__module__ == SCHEMA_CHECK else findings).extend(run(ctx))
            except SetupError:
                raise  # the user's element docs or overlay cannot be used: the caller reports it (exit 2)
            except Exception as exc:  # noqa: BLE001 - one rule's bug must not cost the user every other finding
                findings.append(ctx.place(INTERNAL_ERROR, f"internal error in {run.__module__}: "
                                          f"{type(exc).__name__}: {exc}"[:300] + "; please report it with this file",
                                          0, 0))
    return _dedupe(sorted(findings + _not_superseded(schema_found, findings, ctx.keyed), key=Finding.sort_key))


# An HTTP client (Postman, VS Code's REST Client, the JetBrains client) substitutes `{{name}}` (its variables) before it
# sends a request: in the body it sends such a placeholder is filled, not left (the placeholder rules and the parser
# quote it in their messages).
_CLIENT_VARIABLE_RULES = frozenset({"CE701", "CE702", "CE006"})


def _unwrapped(loaded: Source) -> tuple[Source, int]:
    """The document inside the JSON strings ``loaded`` is (a body serialised twice: ``JSON.stringify`` of its
    ``JSON.stringify``), and how many strings it is in; ``(loaded, 0)`` when it is no string of a document."""
    inner, strings = loaded, 0
    while strings < 3 and inner.valid and isinstance(inner.value, str) \
            and inner.value.lstrip()[:1] in ("{", "[", '"'):
        inner, strings = inner.embedded(""), strings + 1
    if not isinstance(inner.value, (dict, list)) or not inner.valid:
        return (loaded, 0) if strings != 1 else (inner, 1)  # (one string: checked as before, a syntax error too)
    return inner, strings


def fills_client_variable(finding: Finding) -> bool:
    """Whether ``finding`` reports a ``{{name}}`` that the HTTP client sending the body fills (a Postman collection's
    request, a request of a ``.http`` file or an ``http`` block): not a mistake there."""
    return finding.rule in _CLIENT_VARIABLE_RULES and "`{{" in finding.message


# A line that is only a template's statement: Jinja's `{% if x %}`, Go's `{{- if .Values.x }}`, `{{ end }}`, Terraform's
# `%{ for r in resources ~}`
_STATEMENT_LINE = LazyPattern(r"(?m)^[ \t]*+(?:\{%[^\r\n]*?%\}|\{\{-?[ \t]*+(?:if|else|end|range|with|define|template|"
                              r"block)\b[^\r\n]*?\}\}|%\{~?[ \t]*+(?:for|endfor|if|else|endif)\b[^\r\n]*?\})[ \t]*+\r?$")
# What a template's tool replaces, wherever it is written (inside a JSON string or not: it renders text): a comment,
# which renders to nothing (Jinja's `{# ... #}`, Go's `{{- /* ... */ -}}`), and an expression, whose quotes are its own
# (`"{{ include "chart.fullname" . }}-x"`, `${lookup(var.m, "k")}`); and envsubst's `${NAME}` in either family's file
# (none reads past the next one's opening: a text of openings is read once)
_TEMPLATE_COMMENT = {"{{": r"\{#(?:[^#{]|#(?!\})|\{(?!#)){0,2000}#\}"
                           r"|\{\{-?[ \t]*+/\*(?:[^*{]|\*(?!/)|\{(?!\{)){0,2000}\*/[ \t]*+-?\}\}", "$${": r"(?!)"}
_TEMPLATE_EXPRESSION = {"{{": r"\{\{(?:[^{}\r\n]|\}(?!\})|\{(?!\{)){0,500}\}\}|\$\{[A-Za-z_][\w.\-]{0,100}+\}",
                        "$${": r"(?<!\$)\$\{(?:[^{}\r\n]|\{[^{}\r\n]{0,200}+\}){0,500}\}"}
_EXPRESSION_SHAPE = {"{{": "{{ ... }}", "$${": "${ ... }"}
_TEMPLATE_PARTS = {syntax: LazyPattern(f"(?P<comment>{_TEMPLATE_COMMENT[syntax]})|{expression}")
                   for syntax, expression in _TEMPLATE_EXPRESSION.items()}
# A JSON string (its expressions already written without quotes), or an expression outside one, which stands for a value
# (a string never closed is read to its line's end: skipped once, not tried again from each `"` inside it)
_STRING_OR_EXPRESSION = {syntax: LazyPattern(r'"(?:[^"\\\r\n]|\\.)*+(?:"|(?=[\r\n])|\Z)|' + expression)
                         for syntax, expression in _TEMPLATE_EXPRESSION.items()}


_BLANKED = LazyPattern(r"[^\r\n]")  # (a comment over lines blanked with its line breaks kept)




def _as_rendered(loaded: Source, syntax: str) -> tuple[Source, list[tuple[int, int]]]:
    """A template's body read as its tool renders it, and the spans it filled (a finding there is not the file's):
    a line that is only a statement (`{% if x %}`, `%{ for r in rs ~}`) and a comment are read as blanks, an
    expression's own quotes as apostrophes, and each expression outside a string (Helm's `"enabled": {{ .Values.x }}`,
    Terraform's `${jsonencode(poller)}`) stands for a value, written as a string of its own length, so that the rest
    of the file is read and checked (positions and lines unchanged); ``loaded`` itself when nothing is rewritten."""
    from .source import load_source

    text = loaded.text
    expressions: list[tuple[int, int]] = []  # (what the tool fills: a finding inside one is not the file's)
    statements = [match.span() for match in _STATEMENT_LINE.finditer(text)]
    for start, end in statements:
        text = text[:start] + " " * (end - start - (text[end - 1] == "\r")) + text[end - (text[end - 1] == "\r"):]
    pieces, at = [], 0
    for part in _TEMPLATE_PARTS[syntax].finditer(text):
        written = part.group()
        pieces += [text[at:part.start()], _BLANKED.sub(" ", written) if part.group("comment") is not None
                   else written.replace("\\", "/").replace('"', "'")]
        if part.group("comment") is None:
            expressions.append(part.span())
        at = part.end()
    text = "".join(pieces) + text[at:]
    values = [match.span() for match in _STRING_OR_EXPRESSION[syntax].finditer(text) if match.group()[:1] != '"']
    if text == loaded.text and not values:
        return loaded, expressions
    pieces, at = [], 0
    for start, end in values:
        pieces += [text[at:start], '"', text[start + 1:end - 1], '"']
        at = end
    pieces.append(text[at:])
    return load_source("".join(pieces), path=loaded.path), statements + values + expressions


_MOST_READ_AROUND = 50  # (each is found by parsing again: a template of hundreds is read as the syntax error it is)
# Past that many, the comments, commas and quotes found so far are still said, each with its fix (a fix run takes them
# 50 a round); the rest of such a body is not checked.
_SAID_PAST_THE_MOST = frozenset({"CE003", "CE002", "CE001", "CE004", "CE005"})
# The syntax mistakes a body is read around: an unquoted placeholder, a comment, a trailing comma, a missing comma,
# typographic or single quotes
_READ_AROUND = frozenset({"CE006", "CE003", "CE002", "CE001", "CE004", "CE005"})
_AS_FIXED = frozenset({"CE004", "CE005"})  # (read as their fix writes them: what the string holds is checked too)
_PYTHON_WORDS = {"True": "true", "False": "false", "None": "null"}  # (a value pasted from Python, read as its JSON)


def readable(loaded: Source) -> Source:
    """``loaded``, or, when its only syntax mistakes are those a check reads around (a comment, a trailing or missing
    comma, an unquoted placeholder: what a body being typed in an editor often holds), the body read around them,
    at the same offsets; for what needs the parsed document (an editor's hovers)."""
    if loaded.valid or not looks_like_cloud_elements(loaded.text):
        return loaded
    return _read_around(loaded)[0]


@lru_cache(maxsize=8)  # (asked by the check and again by its secrets, of the same source)
def _read_around(loaded: Source) -> tuple[Source, list[Problem]]:
    """A body whose only syntax mistakes are unquoted placeholders (`"enabled": <true|false>`, as Cloud Elements'
    own templates write them), Python's `True`, `False`, `None`, comments, trailing commas and missing commas, read with
    each placeholder written as a string of its own length (`"<rue|fals>"`: still a placeholder), each Python word as
    its JSON, each comment and trailing comma as blanks, a blank before a value whose comma is missing as that comma,
    typographic and single quotes as straight double ones (positions unchanged), and the problem of each;
    ``loaded`` and none when anything else is wrong.  A parse stops at the first mistake, so each costs one more: past
    :data:`_MOST_READ_AROUND`, ``loaded`` with the mistakes found so far (a template's placeholders: none)."""
    from .source import load_source

    source, problems, templated = loaded, list[Problem](), False
    for _ in range(_MOST_READ_AROUND):
        if source.valid:
            return (source, problems) if problems else (loaded, [])
        text = source.text
        problem = next((p for p in source.problems if p.rule in _READ_AROUND), None)
        if problem is None:
            return loaded, []
        written = text[problem.start:problem.end]
        if problem.rule == "CE006" and written in _PYTHON_WORDS:
            read = _PYTHON_WORDS[written]  # (`True` as `true`: the JSON meant, the same length but `False`'s `false`)
        elif problem.rule == "CE006":
            angled = written[:1] == "<" and written[-1:] == ">"
            if not (angled or written[:2] == "{{" and written[-2:] == "}}") or len(written) < 5 \
                    or placeholder_at(text, problem.start) != problem.end or any(c in written for c in '"\\\r\n'):
                return loaded, []
            # `<abc>` as `"<b>"`, `{{x.y}}` as `"{x.y}"`: the same length, and a placeholder still
            read = '"<' + written[2:-2] + '>"' if angled else '"' + written[1:-1] + '"'
            templated = True
        elif problem.rule == "CE003" and written[:2] in ("//", "/*") or problem.rule == "CE002" and written == ",":
            read = "".join(c if c in "\r\n" else " " for c in written)
        elif problem.rule in ("CE004", "CE005") and problem.fix is not None \
                and all(len(edit.replacement) == edit.end - edit.start for edit in problem.fix.edits):
            # `“name”`, `'name'`: read as their fix writes them, one quote for one (a garbled `â€œ` is not read)
            problems.append(problem)
            source = load_source(edited(text, problem.fix.edits), path=loaded.path)
            continue
        elif problem.rule == "CE001" and not written and problem.message.startswith(MISSING_COMMA):
            # `"GB" "x": 1`: a blank between the two values read as the comma (`"GB","x": 1`), lines unchanged
            gap = text[problem.start:problem.start + 200]
            blank = next((i for i, c in enumerate(gap[:len(gap) - len(gap.lstrip())]) if c in " \t"), None)
            if blank is None:
                return loaded, []
            problems.append(problem)
            at = problem.start + blank
            source = load_source(text[:at] + "," + text[at + 1:], path=loaded.path)
            continue
        else:
            return loaded, []
        problems.append(problem)
        source = load_source(text[:problem.start] + read + text[problem.end:], path=loaded.path)
    if source.valid:
        return source, problems
    # (a Python word is said as a comma is, with its fix: it is no template's)
    return (loaded, problems) if not templated and all(p.rule in _SAID_PAST_THE_MOST or p.rule == "CE006"
                                                       for p in problems) else (loaded, [])


def _placing_context(source: Source, options: Options) -> Context:
    """A context to place findings of ``source`` with, before its kind is known."""
    return Context(source=source, value=source.value, kind="instance", options=options)


def _unrendered(rendered: Source) -> bool:
    """Whether a template read as rendered still stops at a statement of its tool (`"a": 1{% if x %},` in a line,
    Terraform's `}%{ if i < n },%{ endif }`)."""
    text = rendered.text
    return not rendered.valid and any(text.startswith(("{%", "{{", "%{"), p.start) for p in rendered.problems)


def fills_template(finding: Finding, syntax: str) -> bool:
    """Whether ``finding`` reports what a template tool fills or escapes in a file named as its template
    (:data:`validator.inputs.TEMPLATE_SUFFIXES`): a ``{{ ... }}`` it fills, Terraform's ``$${`` escape."""
    if syntax == "{{":
        return fills_client_variable(finding)
    return finding.rule == "CE605" and "'$$'" in finding.message


def _under(finding: Finding, pointer: str) -> Finding:
    """A finding of one body of a bulk file, its pointer from the file's root."""
    return replace(finding, pointer=pointer + finding.pointer)


def _not_superseded(schema_found: list[Finding], specific: list[Finding],
                    keyed: set[tuple[str, int, int]]) -> list[Finding]:
    """Schema findings, less those at a pointer where a more specific rule reports.

    A constraint that a rule owns is reported by the schema under that rule's code (``x-rule``),
    so which of the two speaks never changes which code an ignore entry must name.  A note (info) replaces nothing:
    CE910's "differs from the element's default" is no word on the entry's missing `url`.  A finding at a member's
    key (``keyed``) replaces only the schema's word on that key (CE101's near miss), not on its value:
    `"sfdc.event.objects": ["Account"]` in a Close.io body is another element's key (CE901, a warning) and a value no
    configuration holds (CE102, an error).
    """
    pointers: set[str] = set()
    keys: set[tuple[str, int, int]] = set()
    for f in specific:
        if f.rule in _BESIDE_SCHEMA or f.severity == "info":
            continue
        place = (f.pointer, f.line, f.column)
        if place in keyed:
            keys.add(place)
        else:
            pointers.add(f.pointer)
    return [f for f in schema_found if f.pointer not in pointers and (f.pointer, f.line, f.column) not in keys]


# Rules that say another thing than the schema of the same value, which both stand: a secret written in the file
# (CE751) is where it is as well as misplaced (CE106) or of another type
_BESIDE_SCHEMA = frozenset({"CE751"})


# Findings of one rule at one place shown at most (a URL of 100,000 `=` has as many CE621s); the rest are counted
MAX_PER_PLACE = 50


def not_shown(rule: str, count: int) -> str:
    """What stands for the ``count`` findings of ``rule`` at one place beyond the first :data:`MAX_PER_PLACE`."""
    return f"{count - MAX_PER_PLACE} more {rule} findings here are not shown (the first {MAX_PER_PLACE} are)"


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    per_place: dict[tuple[str, str], int] = {}
    unique = []
    for finding in findings:
        marker = (finding.rule, finding.line, finding.column, finding.message)
        if marker in seen:
            continue
        seen.add(marker)
        place = (finding.rule, finding.pointer)
        count = per_place[place] = per_place.get(place, 0) + 1
        if count <= MAX_PER_PLACE:
            unique.append(finding)
    for (rule, pointer), count in per_place.items():
        if count > MAX_PER_PLACE:
            last = next(f for f in reversed(unique) if f.rule == rule and f.pointer == pointer)
            unique.insert(unique.index(last) + 1, replace(
                last, message=not_shown(rule, count), help=None, fix=None, severity="info"))
    return unique
