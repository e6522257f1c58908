"""A schema compiled into one yes/no check, so that a valid document costs no jsonschema descent (nor import).

Most documents a check sees are valid against the schema (793 of 856 validations of 1,000 corpus bodies): for
them jsonschema walked the whole schema to yield nothing, and was a fifth of a corpus body's check; a one-file
check imported it (with ``referencing`` and ``attrs``) for that.  :func:`compile_gate` turns a Draft 2020-12
schema into nested closures that answer only "would jsonschema yield no error?".  ``True`` is that answer;
``False`` means "ask jsonschema", which then finds and explains the errors as before.  So jsonschema stays the
one judge of what is wrong and how it is said; the gate only recognises what it would pass.

The gate follows jsonschema's own reading of each keyword: ``type`` through its type checker (``1.0`` is an
integer, ``true`` is not a number), ``enum`` and ``const`` through its equality (``true`` is not ``1``),
``pattern`` as an unanchored :func:`re.search`, ``additionalProperties`` against the ``patternProperties``
joined into one pattern.  A schema it cannot follow exactly gives no gate (``None``), and validation goes
through jsonschema alone: a keyword it does not know the assertion of (``format``, ``uniqueItems``,
``contains``, ``unevaluated*``, ``$dynamicRef``), a reference that is not a JSON pointer into the same
document, an inner ``$id``, another draft's ``$schema``, a pattern Python cannot compile.  The tests compare
it with jsonschema on the corpus, its mutations and generated schemas.

``excused`` widens the answer to "would every error jsonschema yields be one the caller drops?": a value keyword's
(``type``, ``enum``, ``const``, ``pattern``, bounds, lengths) on a value ``excused`` accepts, such as a placeholder
(``<API_KEY>``, which the placeholder rules report).  Such an error is yielded at its own keyword only where the
keyword's subschema is descended into (``properties``, ``items``, ``allOf``, ``$ref``, ``then``...); inside
``anyOf``, ``oneOf``, ``not``, an ``if`` or ``propertyNames`` a failure decides another keyword's error, so there
the gate stays exact.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Protocol
from urllib.parse import unquote

from .lazy_pattern import ByScript

Check = Callable[[Any], bool]

__all__ = ["JSON_TYPES", "Check", "Searcher", "compile_gate", "equal", "narrow_classes", "resolve_pointer", "schema_pattern"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Keywords jsonschema's Draft 2020-12 validator asserts with, which the gate does not follow.
_UNFOLLOWED = frozenset({"$dynamicRef", "format", "uniqueItems", "contains", "minContains", "maxContains",
                         "unevaluatedItems", "unevaluatedProperties", "$recursiveRef"})

# JSON Schema's types as jsonschema's Draft 2020-12 type checker reads them.
JSON_TYPES: dict[str, Check] = {
    "string": lambda value: isinstance(value, str),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "integer": lambda value: (isinstance(value, int) and not isinstance(value, bool))
    or (isinstance(value, float) and value.is_integer()),
}
_PYTHON_TYPES: dict[str, type] = {"string": str, "object": dict, "array": list, "boolean": bool, "null": type(None)}


class _Unfollowed(LookupError):
    """Something in the schema the gate cannot answer for exactly: no gate."""


def resolve_pointer(root: Any, ref: Any) -> Any:
    """The part of the schema document ``root`` that ``ref`` (``#/$defs/name``) points at, as jsonschema finds it;
    raises (:class:`LookupError`, :class:`ValueError`...) for a reference the gate does not follow."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise _Unfollowed("a reference outside this document")
    fragment = ref[1:]
    if fragment and not fragment.startswith("/"):
        raise _Unfollowed("an anchor")
    node = root
    # as `referencing` reads a pointer: the whole fragment percent-decoded first (so `%2F` separates), then
    # split; a schema with its own `$id` on the way changes the base, which the gate does not follow
    for token in unquote(fragment).split("/")[1:]:
        if isinstance(node, dict) and "$id" in node and node is not root:
            raise _Unfollowed("a pointer through an inner $id")
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def compile_gate(schema: Any, *, fragment: str = "", excused: Check | None = None) -> Check | None:
    """A check that is true exactly when jsonschema's Draft 2020-12 validator finds no error in a value (with
    ``excused``: none but value keywords' errors on values it accepts, see the module's notes).

    ``schema`` is a whole schema document; ``fragment`` (``#/$defs/configuration``) names the part of it to
    validate with, as in a ``$ref``.  ``None`` when the schema uses something the gate does not follow.
    Values are what :func:`json.loads` returns.
    """
    if isinstance(schema, dict) and schema.get("$schema", _DIALECT) != _DIALECT:
        return None
    try:
        compiler = _Compiler(schema, excused)
        check = compiler.compile(compiler.resolve(fragment or "#"), exact=excused is None)
    except (_Unfollowed, re.error, RecursionError, TypeError, ValueError, KeyError, IndexError, AttributeError,
            OverflowError):
        return None

    def gate(value: Any) -> bool:
        try:
            return check(value)
        except RecursionError:  # a reference cycle that never descends (jsonschema recurses too), or a
            return False  # document nested deeper than the stack: jsonschema decides, as it did
    return gate


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def every(value: Any) -> bool:
        for check in checks:
            if not check(value):
                return False
        return True

    return every


def equal(one: Any, two: Any) -> bool:
    """jsonschema's equality of JSON values: ``1 == 1.0``, but a boolean equals only itself."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return len(one) == len(two) and all(key in two and equal(item, two[key]) for key, item in one.items())
    if isinstance(one, bool) or isinstance(two, bool):
        return False  # not the same object, so not the same boolean
    return bool(one == two)


class _Compiler:
    def __init__(self, root: Any, excused: Check | None = None) -> None:
        self.root = root
        self.excused = excused
        # by (schema, exact): a schema compiled where its value keywords' errors are excused, and where not
        self.done: dict[tuple[int, bool], Check] = {}
        self.pending: dict[tuple[int, bool], list[Check]] = {}  # a schema being compiled: cells for references back

    def compile(self, schema: Any, *, exact: bool) -> Check:
        """The check of ``schema``; ``exact``: one where no error is excused (under ``anyOf``, ``not``...)."""
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise _Unfollowed("a schema is an object or a boolean")
        key = (id(schema), exact)
        found = self.done.get(key)
        if found is not None:
            return found
        if key in self.pending:  # a reference back into a schema being compiled: bound once it is
            cell = self.pending[key]
            return lambda value: cell[0](value)
        if "$id" in schema and schema is not self.root:
            raise _Unfollowed("an inner $id changes where references point")
        self.pending[key] = cell = []
        check = self._schema(schema, exact=exact)
        cell.append(check)
        del self.pending[key]
        self.done[key] = check
        return check

    def _schema(self, schema: dict[str, Any], *, exact: bool) -> Check:
        unfollowed = _UNFOLLOWED.intersection(schema)
        if unfollowed:
            raise _Unfollowed(", ".join(sorted(unfollowed)))
        checks = self._values(schema)
        excused = None if exact else self.excused
        if excused is not None and checks:
            values = _all(checks)
            checks = [lambda value: values(value) or excused(value)]
        checks.extend(self._array(schema, exact=exact))
        obj = self._object(schema, exact=exact)
        if obj is not None:
            checks.append(obj)
        if "$ref" in schema:
            checks.append(self.compile(self.resolve(schema["$ref"]), exact=exact))
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                checks.append(self._combined(keyword, schema[keyword], exact=exact))
        if "not" in schema:
            negated = self.compile(schema["not"], exact=True)
            checks.append(lambda value: not negated(value))
        if "if" in schema:
            condition = self.compile(schema["if"], exact=True)
            then = self.compile(schema.get("then", True), exact=exact)
            otherwise = self.compile(schema.get("else", True), exact=exact)
            checks.append(lambda value: then(value) if condition(value) else otherwise(value))
        return _all(checks)

    def _values(self, schema: dict[str, Any]) -> list[Check]:
        """The checks of the value keywords, whose errors ``excused`` may excuse."""
        checks: list[Check] = []
        if "type" in schema:
            checks.append(self._type(schema["type"]))
        if "enum" in schema:
            options = list(schema["enum"])
            checks.append(lambda value: any(equal(option, value) for option in options))
        if "const" in schema:
            constant = schema["const"]
            checks.append(lambda value: equal(value, constant))
        checks.extend(self._string(schema))
        checks.extend(self._number(schema))
        return checks

    def resolve(self, ref: Any) -> Any:
        return resolve_pointer(self.root, ref)

    def _type(self, expected: Any) -> Check:
        names = [expected] if isinstance(expected, str) else list(expected)
        if not all(isinstance(name, str) and name in JSON_TYPES for name in names):
            raise _Unfollowed("an unknown type")
        # the types that are Python classes in one isinstance; the numbers' own checks beside (a bool is no number)
        python = tuple(_PYTHON_TYPES[name] for name in names if name in _PYTHON_TYPES)
        checks = [JSON_TYPES[name] for name in dict.fromkeys(names) if name not in _PYTHON_TYPES]
        if not checks:
            return lambda value: isinstance(value, python)
        if not python and len(checks) == 1:
            return checks[0]
        return lambda value: isinstance(value, python) or any(check(value) for check in checks)

    def _string(self, schema: dict[str, Any]) -> Iterable[Check]:
        if "pattern" in schema:
            pattern = schema_pattern(schema["pattern"])
            yield lambda value: not isinstance(value, str) or pattern.search(value) is not None
        yield from _sizes(schema, "minLength", "maxLength", str)

    def _number(self, schema: dict[str, Any]) -> Iterable[Check]:
        is_number = JSON_TYPES["number"]
        # each bound as jsonschema fails it (`value < minimum`), negated: a NaN passes as it does there
        for keyword, fails in (("minimum", operator.lt), ("maximum", operator.gt),
                               ("exclusiveMinimum", operator.le), ("exclusiveMaximum", operator.ge)):
            if keyword in schema:
                if not is_number(schema[keyword]):
                    raise _Unfollowed(f"{keyword} is not a number")
                yield _within(fails, schema[keyword])
        if "multipleOf" in schema:
            divisor = schema["multipleOf"]
            if not (isinstance(divisor, int) and not isinstance(divisor, bool) and divisor > 0):
                raise _Unfollowed("a multipleOf that is not a whole number")  # jsonschema's float arithmetic
            yield lambda value: not is_number(value) or not value % divisor

    def _array(self, schema: dict[str, Any], *, exact: bool) -> Iterable[Check]:
        yield from _sizes(schema, "minItems", "maxItems", list)
        prefix = [self.compile(item, exact=exact) for item in schema.get("prefixItems", [])]
        items = self.compile(schema["items"], exact=exact) if "items" in schema else _always
        if prefix or items is not _always:
            yield lambda value: not isinstance(value, list) or (
                all(check(item) for check, item in zip(prefix, value))
                and all(items(item) for item in value[len(prefix):]))

    def _object(self, schema: dict[str, Any], *, exact: bool) -> Check | None:
        keywords = ("properties", "patternProperties", "additionalProperties", "propertyNames", "required",
                    "minProperties", "maxProperties", "dependentRequired", "dependentSchemas")
        if not any(keyword in schema for keyword in keywords):
            return None
        properties = {name: self.compile(sub, exact=exact) for name, sub in dict(schema.get("properties", {})).items()}
        named = {name: check for name, check in properties.items() if check is not _always}
        patterns = [(schema_pattern(pattern), self.compile(sub, exact=exact))
                    for pattern, sub in dict(schema.get("patternProperties", {})).items()]
        joined = schema_pattern("|".join(schema["patternProperties"])) if patterns else None
        extra = self.compile(schema["additionalProperties"], exact=exact) if "additionalProperties" in schema else None
        if extra is _always:
            extra = None
        names = self.compile(schema["propertyNames"], exact=True) if "propertyNames" in schema else None
        if names is _always:
            names = None
        required = tuple(schema.get("required", ()))
        least = _count(schema.get("minProperties", 0))
        most = _count(schema["maxProperties"]) if "maxProperties" in schema else None
        # (tuples of pairs, read in a loop: an object without them, most, costs no call for them)
        needs = tuple((name, tuple(others)) for name, others in dict(schema.get("dependentRequired", {})).items())
        depends = tuple((name, self.compile(sub, exact=exact))
                        for name, sub in dict(schema.get("dependentSchemas", {})).items())
        per_key = bool(patterns) or extra is not None or names is not None
        matching = _key_matcher(patterns, joined) if joined is not None else None

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name in required:
                if name not in value:
                    return False
            if len(value) < least or (most is not None and len(value) > most):
                return False
            if per_key:
                for key, item in value.items():
                    found, by_pattern = matching(key) if matching is not None else _NO_PATTERN
                    if key in properties:
                        sub = named.get(key)
                        if sub is not None and not sub(item):
                            return False
                    elif extra is not None and not found and not extra(item):
                        return False
                    for sub in by_pattern:
                        if not sub(item):
                            return False
                    if names is not None and not names(key):
                        return False
            elif len(named) <= len(value):
                for name, sub in named.items():
                    if name in value and not sub(value[name]):
                        return False
            else:
                for key, item in value.items():
                    sub = named.get(key)
                    if sub is not None and not sub(item):
                        return False
            for name, others in needs:
                if name in value and not all(other in value for other in others):
                    return False
            for name, sub in depends:
                if name in value and not sub(value):
                    return False
            return True

        return check

    def _combined(self, keyword: str, schemas: Any, *, exact: bool) -> Check:
        # (allOf's errors are its subschemas' own; anyOf's and oneOf's are theirs, whatever failed inside)
        exact = exact or keyword != "allOf"
        checks = [self.compile(sub, exact=exact) for sub in list(schemas)]
        if not checks:  # jsonschema: allOf [] passes, anyOf [] and oneOf [] fail
            return _always if keyword == "allOf" else _never
        if keyword == "allOf":
            return _all(checks)
        if keyword == "anyOf":
            return lambda value: any(check(value) for check in checks)
        return lambda value: sum(1 for check in checks if check(value)) == 1


_NO_PATTERN: tuple[bool, tuple[Check, ...]] = (False, ())


def _key_matcher(patterns: list[tuple[Searcher, Check]],
                 joined: Searcher) -> Callable[[str], tuple[bool, tuple[Check, ...]]]:
    """What ``patternProperties`` say of a key: whether the patterns joined find it (as jsonschema asks for
    ``additionalProperties``), and the checks of those that do; asked once per key and gate, as the same keys come
    back in every body."""
    @lru_cache(maxsize=4096)
    def matching(key: str) -> tuple[bool, tuple[Check, ...]]:
        return joined.search(key) is not None, tuple(sub for pattern, sub in patterns if pattern.search(key))

    return matching


class Searcher(Protocol):
    def search(self, text: str) -> re.Match[str] | None: ...


@lru_cache(maxsize=256)
def schema_pattern(source: str) -> Searcher:
    """A schema's pattern compiled (for the gate and for :mod:`validator.schema_errors`), in a narrow form too when its classes list characters past U+00FF (`\\ufeff`, the
    spaces ECMA's `\\s` reads and Python's does not): Python compiles such a class into a map of 65,536 characters
    (2 M instructions), a text holding none of them (almost every text) is read without it.  Raises :class:`re.error`
    as :func:`re.compile` does."""
    narrowed = narrow_classes(source)
    if narrowed is None:
        return re.compile(source)
    narrow, marks = narrowed
    re.compile(narrow)  # (an error in the source is one in the narrow form: raised here, as before)
    return ByScript(source, narrow, marks=marks)


_CLASS_ATOM = re.compile(r"\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})|\\([dDsSwW])|\\([ntrfv])|\\([^0-9A-Za-z])|([^\\\[\]])",
                         re.DOTALL)
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


def narrow_classes(source: str) -> tuple[str, str] | None:
    """``source`` without the characters past U+00FF its character classes list, and those characters: a pattern that
    finds in a text holding none of them what ``source`` finds (each class then holds Latin-1 only).  None when no class
    lists one, or a class is written in a way this reading does not follow (inline flags, a range across U+00FF, an
    escape it does not know, a class in a class): then ``source`` is the only form."""
    if re.search(r"\(\?[aiLmsux-]", source):
        return None  # (a letter's cases, a verbose pattern: classes read otherwise)
    out: list[str] = []
    marks: list[str] = []
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            out.append(source[at:at + 2])
            at += 2
        elif char == "[":
            narrowed = _narrow_class(source, at, marks)
            if narrowed is None:
                return None
            text, at = narrowed
            out.append(text)
        else:
            out.append(char)
            at += 1
    return ("".join(out), "".join(dict.fromkeys(marks))) if marks else None


def _narrow_class(source: str, start: int, marks: list[str]) -> tuple[str, int] | None:
    """The class that starts at ``start`` without its characters past U+00FF (added to ``marks``), and where it ends."""
    at = start + 1
    negated = source.startswith("^", at)
    at += negated
    if source.startswith("]", at):
        return None  # (Python's literal `]`, ECMA's empty class)
    kept: list[str] = []
    while not source.startswith("]", at):
        atom = _CLASS_ATOM.match(source, at)
        if atom is None:
            return None
        at, low = atom.end(), _code_point(atom)
        high = low
        if source.startswith("-", at) and not source.startswith("-]", at):
            end = _CLASS_ATOM.match(source, at + 1)
            if end is None or low is None or _code_point(end) is None:
                return None
            at, high = end.end(), _code_point(end)
        if low is None or high is None:  # (`\\s`, `\\w`: kept as written)
            kept.append(atom.group())
        elif low <= high <= 0xFF:  # (written as escapes: a `^` or `-` first or after a removed one stays a character)
            kept.append(f"\\x{low:02x}" if high == low else f"\\x{low:02x}-\\x{high:02x}")
        elif 0xFF < low <= high and high - low < 64:
            marks.extend(map(chr, range(low, high + 1)))
        else:
            return None  # (a range across U+00FF, a wide one, a reversed one)
    if not kept:  # only wide characters: a class that matches nothing (or, negated, anything)
        return ("[\\s\\S]" if negated else "[^\\s\\S]"), at + 1
    return f"[{'^' if negated else ''}{''.join(kept)}]", at + 1


def _code_point(atom: re.Match[str]) -> int | None:
    """The character a class atom stands for, or None for a category (`\\s`)."""
    hex4, hex2, category, control, escaped, plain = atom.groups()
    if category is not None:
        return None
    if hex4 is not None or hex2 is not None:
        return int(hex4 or hex2, 16)
    return ord(_ESCAPED[control] if control is not None else escaped if escaped is not None else plain)


def _sizes(schema: dict[str, Any], least_keyword: str, most_keyword: str,
           kind: type[str] | type[list[Any]]) -> Iterator[Check]:
    """The checks of a least and a greatest length (``minLength``/``maxLength``, ``minItems``/``maxItems``), which
    jsonschema applies to values of ``kind`` only."""
    if least_keyword in schema:
        least = _count(schema[least_keyword])
        yield lambda value: not isinstance(value, kind) or len(value) >= least
    if most_keyword in schema:
        most = _count(schema[most_keyword])
        yield lambda value: not isinstance(value, kind) or len(value) <= most


def _within(fails: Callable[[Any, Any], bool], bound: Any) -> Check:
    is_number = JSON_TYPES["number"]
    return lambda value: not is_number(value) or not fails(value, bound)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
        raise _Unfollowed("a length that is not a whole number")  # (a schema check refuses it anyway)
    return int(value)
