"""Runs the JSON Schemas (``validator.schemas``) over the document and each stringified poller."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from ..findings import Applicability, Edit, Finding, Fix
from ..fixes.structure import move_member, rename_key, replace_value
from ..kinds import POLLER_KEY, detect_kind, escape_pointer_token, is_dotted_key, may_be_an_update, sends_part
from ..schemas import POLLS_NOTHING, misfit, near_common_key, near_event_key, suggest_key, top_level_properties, validate
from . import rule_for
from .notifications import is_response
from ..vocabulary.characters import invisible_at, look_alike_in, space_named, visible
from .poller import DATE_KEYS, DATES, ENTRY_KEYS, is_dates_among_resources

if TYPE_CHECKING:
    from ..engine import Context, Entry
    from ..schemas import SchemaProblem
    from ..source.document import Source


def check(ctx: Context) -> Iterator[Finding]:
    yield from _misspelt_top_level_keys(ctx)
    misplaced = set()
    for finding in _misspelt_event_keys(ctx):
        misplaced.add(finding.pointer)
        yield finding
    stray = _dates_among_resources(ctx)
    yield from (_stray_dates(ctx, entry) for entry in stray.values())
    element = ctx.element
    response = is_response(ctx.value)
    update = sends_part(ctx.value, ctx.kind)
    problems = validate(ctx.value, schema=ctx.kind, element=element, overlay_dirs=ctx.options.element_schemas)
    if ctx.kind == "poller" and isinstance(ctx.value, dict) and any(p.rule == "CE106" and not p.pointer for p in problems):
        problems += _lone_entry_problems(ctx.value)
    for problem in problems:
        if problem.rule == "CE102" and problem.pointer in misplaced:
            continue  # an object under a misspelt or misplaced key: the key is the mistake, said once
        if _of_stray(problem, ctx.source, stray):
            continue  # a `datesConfiguration` among the resources: no entry without its url, but CE106's
        if response and problem.rule == "CE105":
            continue  # the platform's answer (`POST /instances` sends back id, token, createdDate): not a body to send
        if update and (problem.rule == "CE105" or problem.rule == "CE103" and problem.pointer == ""):
            continue  # `PATCH /instances/{id}` names no element, and sends only the keys it changes (so does a
            # configuration object of event keys)
        if problem.rule == "CE103" and problem.pointer == "" and "`element`" in problem.message \
                and _may_update(ctx):  # (a rename with new credentials: an update, or a new body missing it)
            yield ctx.finding(rule_for("CE103"), "missing key `element`: a new instance's body names its element "
                              "(`POST /instances` refuses it without); an update (`PATCH /instances/{id}`) needs none",
                              help='add "element": {"key": "<element key>"}, unless this body updates an instance',
                              severity="warning")
            continue
        yield ctx.finding(rule_for(problem.rule), problem.message, pointer=problem.pointer, key=problem.key, help=problem.help,
                          severity=problem.severity, fix=_fix(problem, ctx.source))
    for entry in ctx.entries():
        if isinstance(entry.value, dict):
            yield from _without_id(ctx, entry)
    for ref, source in ctx.pollers:
        if not ref.stringified or source.value is None:
            continue
        for problem in validate(source.value, schema="poller"):
            if _of_stray(problem, source, stray):
                continue
            message, severity = problem.message, problem.severity
            if problem.rule == "CE106" and not problem.pointer:  # a single entry where the body's resource map belongs
                message, severity = message + POLLS_NOTHING, "error"
            yield ctx.finding(rule_for(problem.rule), message, source=source, pointer=problem.pointer, key=problem.key,
                              help=problem.help, severity=severity, fix=_fix(problem, source))


def _lone_entry_problems(entry: dict[str, Any]) -> list[SchemaProblem]:
    """The problems of a file of one poller entry (CE106's lone entry) as a named entry's: the schema reads the file as
    a map of resources, so the mistakes of its keys (`idFeild`, `"pageSize": "200"`) were said by none."""
    return [problem._replace(pointer=problem.pointer[1:]) for problem in validate({"": entry}, schema="poller")]


def _dates_among_resources(ctx: Context) -> dict[tuple[int, str], Entry]:
    """The `datesConfiguration` objects written beside the resources (an entry's brace closed a member early), by
    (source, pointer)."""
    return {(id(entry.source), entry.pointer): entry for entry in ctx.entries() if is_dates_among_resources(entry)}


def _of_stray(problem: SchemaProblem, source: Source, stray: dict[tuple[int, str], Entry]) -> bool:
    """Whether ``problem`` is the schema's reading of a stray `datesConfiguration` as an entry (its url missing, its
    date keys out of a `datesConfiguration`)."""
    return bool(stray) and (problem.rule == "CE103" and (id(source), problem.pointer) in stray
                            or problem.rule == "CE106" and (id(source), problem.pointer.rsplit("/", 1)[0]) in stray)


def _stray_dates(ctx: Context, stray: Entry) -> Finding:
    parent = stray.pointer.rsplit("/", 1)[0]
    undated = [entry for entry in ctx.entries() if entry.source is stray.source and entry.name != DATES
               and entry.pointer.rsplit("/", 1)[0] == parent and isinstance(entry.value, dict)
               and DATES not in entry.value]
    edits = move_member(stray.source, stray.pointer, undated[0].pointer) if len(undated) == 1 else None
    target = f"the entry `{undated[0].name}`" if len(undated) == 1 else "each entry that it dates"
    return ctx.finding(rule_for("CE106"), f"`{DATES}` among the resources of `{POLLER_KEY}`: the platform reads it as "
                       f"a resource of its own, with no url, and "
                       + (f"`{undated[0].name}` is left without dates" if len(undated) == 1 else "dates no entry"),
                       source=stray.source,
                       pointer=stray.pointer, key=True, severity="error", help=f"move it into {target}",
                       fix=Fix(f"move `{DATES}` into {target}", edits) if edits else None)


def _without_id(ctx: Context, entry: Entry) -> Iterator[Finding]:
    """CE107: no `idField` in a non-empty entry (an empty one is CE103's), or an empty one the element's own default
    poller does not give the resource."""
    where = f"poller entry `{entry.name}`"
    if not entry.name:
        return  # (a lone entry where the map of resources belongs: CE106's)
    if "idField" not in entry.value:
        # (an entry without its `url` either is CE103's, which names both; one with the key misspelt is CE101's)
        if "url" in entry.value and not any(isinstance(key, str) and key != "idField"
                                            and suggest_key(key, ["idField"]) == "idField" for key in entry.value):
            yield ctx.finding(rule_for("CE107"), f"no `idField` in {where}: its events carry no `objectId`",
                              source=entry.source, pointer=entry.pointer, help=_ID_FIELD_FIX)
    elif entry.value["idField"] == "" and not _element_leaves_the_id_empty(ctx, entry.name):
        yield ctx.finding(rule_for("CE107"), f"`idField` in {where} is empty", source=entry.source,
                          pointer=entry.child("idField"), help=_ID_FIELD_FIX)


def _element_leaves_the_id_empty(ctx: Context, resource: str) -> bool:
    """Whether the element's own default poller (with ``--element-docs``) gives ``resource`` an empty ``idField``, as
    Chargebee's and LinkedIn's do: their event hook sets each event's id."""
    if not ctx.options.element_docs or not ctx.element:
        return False
    from ..elements import default_poller

    entry = default_poller(tuple(ctx.options.element_docs), ctx.element).get(resource)
    return isinstance(entry, dict) and entry.get("idField") == ""


_ID_FIELD_FIX = "set it to the path of each record's id, such as `\"id\"`: events carry it as `objectId`"


def _may_update(ctx: Context) -> bool:
    """Whether a body without `element` may as well update an instance as create one (:func:`may_be_an_update`), in a
    file of its own: an item of a seed list, or a page's request, says it creates one."""
    whole_file = ctx.source.root is ctx.source and not (ctx.path or "").lower().endswith((".md", ".markdown", ".mdx"))
    return whole_file and may_be_an_update(ctx.value)


def _fix(problem: Any, source: Any) -> Fix | None:
    """The edits of a schema problem's ``action`` in ``source``'s text."""
    if problem.action is None:
        return None
    what, argument = problem.action
    applicability: Applicability = "unsafe" if problem.unsafe else "safe"
    edits: Edit | tuple[Edit, ...] | None
    if what == "value":
        edits, message = replace_value(source, problem.pointer, argument), f"write `{argument}`"
    elif what == "rename":
        edits, message = rename_key(source, problem.pointer, argument), f"rename the key to `{argument}`"
    elif what == "move":
        edits, message = move_member(source, problem.pointer, argument), "move it where it belongs"
    else:
        return None
    if edits is None:
        return None
    return Fix(message, edits if isinstance(edits, tuple) else (edits,), applicability)


_ELEMENT_NAMED = frozenset({"key", "id", "configuration"})  # (an element a body names, and the settings put in it)


def _misspelt_top_level_keys(ctx: Context) -> Iterator[Finding]:
    """`configuraton`, `providerdata`: the instance schema admits other keys (responses carry many), so only a
    near miss of a body key is reported."""
    if ctx.kind != "instance" or not isinstance(ctx.value, dict):
        return
    known = top_level_properties("instance")
    element = ctx.value.get("element")
    inner = element.get("configuration") if isinstance(element, dict) and element.keys() <= _ELEMENT_NAMED else None
    moved = False  # (CE106 moves element's configuration out: then no key is renamed to `configuration` too)
    if isinstance(inner, dict) and not is_response(ctx.value) and detect_kind(inner) == "configuration" \
            and any(isinstance(k, str) and is_dotted_key(k) for k in inner):
        # (the platform's answer carries the whole element, its definition's configuration too)
        beside = "configuration" in ctx.value  # (then its keys go into that one, by hand: no second `configuration`)
        move = None if beside else move_member(ctx.source, "/element/configuration", "")
        moved = move is not None
        yield ctx.finding(rule_for("CE106"), "`configuration` is inside `element`: the platform reads the instance's "
                          "settings only from the body's own `configuration`, so these are ignored",
                          pointer="/element/configuration", key=True, severity="error",
                          help="move its keys into the body's `configuration`, and remove this one" if beside
                          else "move it out of `element`, next to it",
                          fix=Fix("move it out of `element`", move, "safe") if move else None)
    for key in ctx.value:
        if not isinstance(key, str) or key in known or "." in key:
            continue  # a dotted key is a configuration key out of place: CE106's case
        if visible(key) in known:  # `"\ufeffname"`, `"tags "`: a body key pasted with a space or an invisible character
            yield _pasted_with(ctx, ctx.value, key, f"/{escape_pointer_token(key)}")
            continue
        guess, why = _near_body_key(key.lower()), ""
        setting = next((k for k in ctx.value[key] if isinstance(k, str) and is_dotted_key(k)), None) \
            if guess is None and "configuration" not in ctx.value and detect_kind(ctx.value[key]) == "configuration" \
            else None
        if setting is not None:  # `"config": {"oauth.api.key": ...}`: the settings under a name the platform ignores
            guess = "configuration"
            why = f" It holds the instance's settings (`{setting}`), which the platform reads only under `configuration`"
        if guess is not None:
            pointer = f"/{escape_pointer_token(key)}"
            takes = misfit(known.get(guess), ctx.value[key])  # (`"elementKey": "sageone"`: `element` takes an object)
            rename = rename_key(ctx.source, pointer, guess) if guess not in ctx.value and takes is None \
                and not (moved and guess == "configuration") else None  # (CE106's move writes that key already)
            yield ctx.finding(rule_for("CE101"), f"unknown key `{key}` in the instance body", pointer=pointer, key=True,
                              help=f"did you mean `{guess}`?{look_alike_in(key, guess)}{why}"
                              + (f" It takes {takes}" if takes else ""),
                              fix=Fix(f"rename the key to `{guess}`", (rename,), "unsafe") if rename else None)


def _pasted_with(ctx: Context, members: dict[str, Any], key: str, pointer: str) -> Finding:
    """CE101 for ``key`` of ``members`` written with a space or an invisible character around or inside its name
    (``visible(key)`` differs), which the platform reads as part of the name; the safe fix writes the name seen."""
    seen = visible(key)
    at = invisible_at(key)
    what = space_named(key[at]) if at is not None else \
        "a space after it" if key.startswith(seen) else "a space before it" if key.endswith(seen) else "spaces"
    rename = rename_key(ctx.source, pointer, seen) if " " not in seen and seen not in members and \
        sum(1 for other in members if isinstance(other, str) and visible(other) == seen) == 1 else None
    return ctx.finding(rule_for("CE101"), f"the key `{seen}` is written with {what}, which the platform reads "
                       "as part of the key's name: it ignores the key", pointer=pointer, key=True,
                       help=f"write the key without it: `{seen}`",
                       fix=Fix(f"rename the key to `{seen}`", (rename,), "safe") if rename else None)


@lru_cache(maxsize=4096)
def _near_body_key(lowered: str) -> str | None:
    """The instance body key ``lowered`` is a near miss of (responses repeat their keys across files)."""
    import difflib

    from ..vocabulary.spelling import one_edit_away

    
    by_lower = {k.lower(): k for k in top_level_properties("instance")}
    near = difflib.get_close_matches(lowered, list(by_lower), n=1, cutoff=0.8)
    if not near and len(lowered) >= 4:  # (a short key's slip scores low: `nmae`, `tagz`)
        near = [key for key in by_lower if len(key) >= 4 and one_edit_away(lowered, key)][:1]
    return by_lower[near[0]] if near else None


_ENTRY_OR_DATE_KEYS = frozenset(ENTRY_KEYS + DATE_KEYS)
_BARE_ENTRY_KEYS = _ENTRY_OR_DATE_KEYS - {"url", "pageSize"}


def _event_key_meant(key: Any, value: Any, configuration: dict[str, Any], documented: Any) -> str | None:
    """The documented `event.*` key ``key`` misspells, or, for an object under an undocumented `event.poller...` key
    (`event.poller.config`), the one configuration key that holds an object."""
    if not isinstance(key, str):
        return None
    guess = near_event_key(key)
    if guess is None and isinstance(value, (dict, list)) and key.lower().startswith("event.poller") \
            and key not in documented and POLLER_KEY not in configuration:
        guess = POLLER_KEY
    return guess


def _common_keys_judged(ctx: Context) -> bool:
    """Whether a common key written with another case or separators (`oauth.api_key`) is CE101's: not where the
    element check reads the configuration against the element's definition (CE901 names the key meant), nor in a
    response, whose keys are those the element declares."""
    if is_response(ctx.value):
        return False
    if not ctx.options.element_docs or not ctx.element:
        return True
    from ..elements import ElementDocsError, find_element

    try:
        docs = find_element(ctx.options.element_docs, ctx.element)
    except ElementDocsError:
        return True
    return docs is None or docs.definition is None


def _misspelt_event_keys(ctx: Context) -> Iterator[Finding]:
    """`event.poller.refresh.interval`, `event.notification.callbak.url`: configuration keys are free-form (each
    element declares its own, some of them `event.*` too), so only a near miss of a documented `event.*` key is
    reported, and a documented common key written with another case or separators (`oauth.api_key`). The platform
    ignores the misspelt key: the interval stays at its default, the callback is unset."""
    if ctx.kind == "instance" and isinstance(ctx.value, dict):
        configuration, base = ctx.value.get("configuration"), "/configuration"
    elif ctx.kind == "configuration":
        configuration, base = ctx.value, ""
    else:
        return
    if not isinstance(configuration, dict):
        return
    documented = top_level_properties("configuration")
    guesses = {key: _event_key_meant(key, value, configuration, documented) for key, value in configuration.items()}
    if _common_keys_judged(ctx):
        guesses.update({key: near_common_key(key) for key, guess in guesses.items()
                        if guess is None and isinstance(key, str) and not key.startswith("event.")})
    meant = [guess for guess in guesses.values() if guess is not None]  # (most bodies: none, so none twice)
    meant_twice = {guess for guess, keys in Counter(meant).items() if keys > 1} if len(meant) > 1 else set()
    for key, value in configuration.items():
        nested = isinstance(value, (dict, list))
        if nested and key in (DATES, "configuration"):  # a poller's or a body's object, a level too deep
            yield ctx.finding(rule_for("CE106"), f"`{DATES}` belongs in each entry of `{POLLER_KEY}`, not in "
                              "`configuration`: the platform does not read it here" if key == DATES else
                              "`configuration` inside `configuration`: the platform reads only the outer one's keys, "
                              "so the keys of this one are ignored", pointer=f"{base}/{key}", key=True,
                              severity="error", help=f'write it in each entry: {{"contacts": {{"url": ..., "{DATES}": '
                              '{...}}}' if key == DATES else "move its keys up into the outer `configuration`, and "
                              "remove this one")
            continue
        seen = visible(key) if isinstance(key, str) else key
        if seen != key and seen:  # `"\ufeffoauth.api.key"`, `"event.notification.enabled "`: pasted with it
            yield _pasted_with(ctx, configuration, key, f"{base}/{escape_pointer_token(key)}")
            continue
        guess = guesses[key]
        entry_key = key[len("event.poller."):] if isinstance(key, str) and key.startswith("event.poller.") else \
            key if key in _BARE_ENTRY_KEYS else None  # (`url` and `pageSize` alone may be an element's own keys)
        if guess is None and entry_key in _ENTRY_OR_DATE_KEYS:  # `event.poller.pollDelay`: an entry's key
            where = "each entry" if entry_key in ENTRY_KEYS else "each entry's `datesConfiguration`"
            yield ctx.finding(rule_for("CE101"), f"unknown key `{key}` in `configuration`: the platform ignores it; "
                              f"`{entry_key}` is set in {where} of `event.poller.configuration`",
                              pointer=f"{base}/{escape_pointer_token(key)}", key=True,
                              help=f'write "{entry_key}" in {where}: {{"contacts": {{"url": ..., '
                                   f'"{entry_key}": ...}}}}' if entry_key in ENTRY_KEYS else
                              f'write "{entry_key}" in {where}')
            continue
        if guess is None:
            continue
        pointer = f"{base}/{escape_pointer_token(key)}"
        # (two keys meaning one: renamed alike, they would make a duplicate, and one of them would be lost)
        rename = rename_key(ctx.source, pointer, guess) if guess not in configuration and guess not in meant_twice \
            else None
        yield ctx.finding(rule_for("CE101"), f"unknown key `{key}` in `configuration`: the platform ignores it"
                          + (f"{' and the resources it holds' if guess == POLLER_KEY else ''}, and a configuration "
                             "value is a string, a boolean or a number" if nested else ""),
                          pointer=pointer, key=True, help=f"did you mean `{guess}`?{look_alike_in(key, guess)}",
                          severity="error" if nested else None,
                          fix=Fix(f"rename the key to `{guess}`", (rename,), "unsafe") if rename else None)
