"""Runs the JSON Schemas (``validator.schemas``) over the document and each stringified poller."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding


def check(ctx) -> Iterator[Finding]:
    from ..schemas import validate

    element = ctx.options.element or ctx.element_key
    for problem in validate(ctx.value, schema=ctx.kind, element=element, overlay_dirs=ctx.options.element_schemas):
        yield ctx.finding(problem.rule, problem.message, pointer=problem.pointer, key=problem.key, fix=problem.fix,
                          severity=problem.severity)
    for ref, source in ctx.pollers:
        if not ref.stringified or source.value is None:
            continue
        for problem in validate(source.value, schema="poller"):
            yield ctx.finding(problem.rule, problem.message, source=source, pointer=problem.pointer, key=problem.key,
                              fix=problem.fix, severity=problem.severity)
