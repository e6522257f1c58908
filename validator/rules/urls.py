"""Runs the URL template and CEQL grammars (``validator.urls``) over every poller ``url``."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding


def check(ctx) -> Iterator[Finding]:
    from ..urls.template import parse_url_template

    for entry in ctx.entries():
        if not isinstance(entry.value, dict):
            continue
        url = entry.value.get("url")
        if not isinstance(url, str) or not url:
            continue
        pointer = entry.child("url")
        template = parse_url_template(url, encode_values=ctx.options.encode_values,
                                      server_zone=ctx.options.server_zone, report_spaces=ctx.enabled("CE617"))
        for problem in template.problems:
            yield ctx.problem(problem, source=entry.source, pointer=pointer)
