"""Runs the JSON Schemas (``validator.schemas``) over the document and each stringified poller."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding
from . import rule_for

if TYPE_CHECKING:
    from ..engine import Context


def check(ctx: Context) -> Iterator[Finding]:
    from ..schemas import validate

    yield from _misspelt_top_level_keys(ctx)
    element = ctx.options.element or ctx.element_key
    for problem in validate(ctx.value, schema=ctx.kind, element=element, overlay_dirs=ctx.options.element_schemas):
        yield ctx.finding(rule_for(problem.rule), problem.message, pointer=problem.pointer, key=problem.key, help=problem.help,
                          severity=problem.severity)
    for ref, source in ctx.pollers:
        if not ref.stringified or source.value is None:
            continue
        for problem in validate(source.value, schema="poller"):
            yield ctx.finding(rule_for(problem.rule), problem.message, source=source, pointer=problem.pointer, key=problem.key,
                              help=problem.help, severity=problem.severity)


def _misspelt_top_level_keys(ctx: Context) -> Iterator[Finding]:
    """`configuraton`, `providerdata`: the instance schema admits other keys (responses carry many), so only a
    near miss of a body key is reported."""
    if ctx.kind != "instance" or not isinstance(ctx.value, dict):
        return
    import difflib

    from ..kinds import escape_pointer_token
    from ..schemas import load_schema

    by_lower = {k.lower(): k for k in load_schema("instance").get("properties", {})}
    for key in ctx.value:
        if key in by_lower.values() or not isinstance(key, str) or "." in key:
            continue  # a dotted key is a configuration key out of place: CE106's case
        near = difflib.get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.8)
        if near:
            yield ctx.finding(rule_for("CE101"), f"unknown key `{key}` in the instance body",
                              pointer=f"/{escape_pointer_token(key)}", key=True,
                              help=f"did you mean `{by_lower[near[0]]}`?")
