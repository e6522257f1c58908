"""File and JSON syntax: what stops a file from being read as a Cloud Elements body at all.

CE001-CE018 come from the JSON reader (``validator.source``), which reports the
first place where the text stops being JSON with an explanation of the usual
causes (trailing commas, comments, smart quotes, the shell's ``'\\''``...).

CE090 not-cloud-elements
    The file is JSON (or, when it is not, does not look like a Cloud Elements body) but
    is neither an instance body, a configuration object nor a poller configuration. It is
    skipped with an info line, so a pre-commit hook can run on every ``*.json`` file.
    Use ``--kind`` to check such a file anyway.

CE099 internal-error
    A check crashed on this file: a bug in ce-validator, reported as a finding so that the
    other checks' findings still reach you. Please report it.
"""

from __future__ import annotations

from ..source import RULES as _SOURCE_RULES
from .base import Rule

RULES: list[Rule] = [Rule(**entry) for entry in _SOURCE_RULES] + [
    Rule(
        code="CE090",
        name="not-cloud-elements",
        severity="info",
        summary="not a Cloud Elements body: skipped",
        description="The file is neither an instance body, a configuration object nor a poller configuration, "
                    "so nothing is checked. Use `--kind instance|configuration|poller` to check it anyway.",
        bad='{"name": "my-app", "version": "1.0.0"}',
        good='{"element": {"key": "myelement"}, "configuration": {}}',
    ),
    Rule(
        code="CE099",
        name="internal-error",
        severity="error",
        summary="a check crashed on this file (a bug in ce-validator)",
        description="One of ce-validator's checks raised an exception on this file. The other checks still ran. "
                    "Please report it with the file (mask any secrets); the message names the check.",
        bad="",
        good='{"element": {"key": "myelement"}, "configuration": {}}',
    ),
]
