"""Markdown pages: blocks found where CommonMark puts them, findings placed at page positions.

The property test builds pages from pieces and records, for every character of every block,
where it is in the page; the findings of a page must equal the findings of each block saved
alone, moved through that record (an oracle independent of validator.pages.positions).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from functools import partial
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from validator.engine import check_source
from validator.fixes.apply import apply_fixes
from validator.pages import NO_BODY, TEMPLATE_RULES, check_page, parse_page
from validator.pages.curl import curl_bodies
from validator.source import load_source

SEED = "seed/sageone-events.md"


# ---------------------------------------------------------------------------------------------
# The seed page


def test_seed_page_reports_the_unclosed_quote_twice_and_not_the_liquid_key(shared):
    page = (shared / SEED).read_bytes()
    findings = check_page(page, path="events.md").findings
    unclosed = [(f.line, f.column) for f in findings if f.rule == "CE620"]
    assert unclosed == [(95, 118), (150, 114)]
    assert all(f.severity == "error" for f in findings if f.rule == "CE620")
    assert not [f for f in findings if "elementKey" in f.message or f.line == 78]
    assert not [f for f in findings if f.line == 81 and "elementKey" in f.message]
    # placeholders are info in a page, and each finding names its block
    assert {f.severity for f in findings if f.rule in TEMPLATE_RULES} == {"info"}
    assert {f.pointer.split("/")[1] for f in findings} == {"L75", "L130"}


def test_seed_page_element_key_comes_from_front_matter(shared):
    page = parse_page((shared / SEED).read_text(encoding="utf-8"))
    assert page.variables["elementKey"] == "sageone"
    first = page.blocks[0]
    assert json.loads(first.text)["element"]["key"] == "sageone"
    start = first.text.index("sageone")
    # the value stands for the whole tag, and the rest of the line keeps its columns
    assert page.text[first.to_page(start):first.to_page(start + 7, end=True)] == "{{page.elementKey}}"
    quote = first.text.index('"', start + 7)
    assert page.text[first.to_page(quote)] == '"'


# ---------------------------------------------------------------------------------------------
# Blocks: containers, fences, tabs, CRLF


def _blocks(text: str) -> list[tuple[str, str]]:
    return [(b.info, b.text) for b in parse_page(text).blocks]


def test_blocks_in_lists_quotes_and_longer_fences():
    page = ("1. Step:\n\n    ```json\n    {\"a\": 1}\n      \"b\"\n    ```\n"
            "> ~~~\n> {}\n> ~~~\n"
            "````md\n```json\n{}\n```\n````\n"
            "    ```json\n    indented code, not a fence\n    ```\n")
    assert _blocks(page) == [("json", '{"a": 1}\n  "b"\n'), ("", "{}\n"), ("md", "```json\n{}\n```\n"),
                             ("json", "indented code, not a fence\n")]  # indented: read as its author meant it


def test_an_indented_code_block_is_read_as_a_block_without_a_language():
    """The known gap of the last stop: a body in a 4-space indented block (older Markdown, some wiki exports) was
    not read; a curl command in one is read as a console block."""
    page = ("Create it:\n\n"
            "    {\"element\": {\"key\": \"closeio\"}, \"name\": \"c\",\n"
            "     \"configuration\": {\"username\": \"${CLOSEIO_KEY}\", \"event.poller.refresh_interval\": \"ten\"}}\n"
            "\nor:\n\n"
            "    $ curl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
            "        -d '{\"element\": {\"key\": \"closeio\"}, \"name\": \"c\", \"configuration\": "
            "{\"username\": \"${CLOSEIO_KEY}\", \"event.poller.refresh_interval\": \"ten\"}}'\n"
            "\n- a list item\n\n      {\"just\": \"json\"}\n")
    blocks = parse_page(page).blocks
    assert [(b.info, b.line, b.content_line) for b in blocks] == [("", 3, 3), ("console", 8, 8), ("", 13, 13)]
    found = [(f.rule, f.line, f.column, f.pointer) for f in check_page(page, path="p.md").findings if f.rule == "CE206"]
    indented_fence = "# t\n\n    ```json\n    {\"a\": 1,}\n    ```\n"  # a fence indented four spaces too many
    [block] = parse_page(indented_fence).blocks
    assert (block.info, block.line, block.content_line, block.text) == ("json", 3, 4, '{"a": 1,}\n')
    assert indented_fence[block.to_page(block.text.index(","))] == ","
    lines = page.splitlines()
    assert found == [("CE206", 4, lines[3].index('"ten"') + 1, "/L3/configuration/event.poller.refresh_interval"),
                     ("CE206", 9, lines[8].index('"ten"') + 1, "/L9/configuration/event.poller.refresh_interval")]


def test_tab_indentation_is_removed_whole_and_crlf_kept():
    page = "- item\r\n\r\n\t```json\r\n\t{\"a\":\r\n\t  1}\r\n\t```\r\n"
    [(info, text)] = _blocks(page)
    assert (info, text) == ("json", '{"a":\r\n  1}\r\n')


def test_unclosed_fence_runs_to_the_end():
    [(_, text)] = _blocks("```json\n{\"a\": \n")
    assert text == '{"a": \n'


def test_front_matter_scalars_and_liquid():
    page = parse_page("---\nelementKey: 'hub spot'\nlist: [1]\nn: 3 # comment\n---\n```json\n"
                      '{"k": "{{ page.elementKey }}", "s": "{{site.x}}", "u": "{{page.undefined}}",'
                      ' "n": "{{page.n}}"}\n```\n')
    assert page.variables == {"elementKey": "hub spot", "n": "3"}
    assert json.loads(page.blocks[0].text) == {"k": "hub spot", "s": "{{site.x}}", "u": "{{page.undefined}}",
                                               "n": "3"}


def test_raw_tags_are_removed():
    page = parse_page('```json\n{% raw %}\n{"element": {"key": "x"}}\n{% endraw %}\n```\n')
    assert json.loads(page.blocks[0].text) == {"element": {"key": "x"}}


def test_a_template_tag_holding_double_quotes_is_a_placeholder_not_broken_json():
    """h195: a Jekyll filter's argument (`{{ page.elementKey | default: "sageone" }}`), an `{% include %}` with one and
    Hugo's `{{< param "key" >}}` are rendered away by the site, but their `"` ended the JSON string: CE001, an error
    on a correct page; inside `{% raw %}` the tag is the page's own text, and still breaks the JSON."""
    page = ('---\nelementKey: egnyte\n---\n```json\n{"element": {"key": "{{ page.elementKey | default: "egnyte" }}"},\n'
            ' "configuration": {"oauth.api.key": "{{< param "egnyteKey" >}}", "name": "{% include n.md a="b" %}",\n'
            ' "event.notification.enabled": false}}\n```\n')
    findings = check_page(page).findings
    assert [(f.rule, f.line, f.column, f.end_column) for f in findings if f.rule != "CE701"] == []
    key = next(f for f in findings if f.pointer.endswith("/oauth.api.key"))
    assert (key.line, key.column, key.end_column) == (6, 38, 63)
    assert json.loads(parse_page(page).blocks[0].text)["element"]["key"] == '{{ page.elementKey | default: "egnyte" }}'
    raw = '```json\n{% raw %}\n{"element": {"key": "{{ x | default: "y" }}"}}\n{% endraw %}\n```\n'
    assert "CE001" in {f.rule for f in check_page(raw).findings}
    # a tag whose quotes the page escaped for JSON already is read as written (its `\"` not escaped twice)
    escaped = '```json\n{"element": {"key": "{{ x | default: \\"y\\" }}"}, "name": "{{ "n" }}"}\n```\n'
    assert json.loads(parse_page(escaped).blocks[0].text)["element"]["key"] == '{{ x | default: "y" }}'


# ---------------------------------------------------------------------------------------------
# Which blocks are checked


def test_non_cloud_elements_blocks_are_skipped_and_a_page_without_one_is_skipped():
    page = '# Title\n\n```json\n{"name": "app", "version": "1"}\n```\n\n```yaml\na: [\n```\n'
    assert [(f.rule, f.message, f.severity) for f in check_page(page).findings] == [("CE090", NO_BODY, "info")]


def test_other_languages_are_checked_only_when_they_are_json():
    body = '{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": "15",}}'
    js = f"```javascript\n{body}\n```\n"
    assert [f.rule for f in check_page(js).findings] == ["CE090"]
    assert "CE002" in {f.rule for f in check_page(js.replace("javascript", "json")).findings}


@pytest.mark.parametrize("info", ["json:poller.json", "json{2}", "{.json}", "JSON title=\"x\"",
                                  '{.syntaxhighlighter-pre syntaxhighlighter-params="brush: json; gutter: false"}',
                                  "{.syntaxhighlighter-pre}"])
def test_the_language_starts_the_info_string(info):
    """A user's trial of pages: Qiita/Zenn's `json:file`, highlighted lines `json{2}` and a Confluence export's
    block were read as other languages, and a trailing comma in their JSON was not reported."""
    body = '{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": "15",}}'
    assert "CE002" in {f.rule for f in check_page(f"```{info}\n{body}\n```\n").findings}


def test_empty_blocks_and_fragments_of_members_are_not_errors():
    """What a user's trial found failing correct pages: an empty block (CE010), members shown without their
    object's braces (CE001), `...` standing for the rest of a line's members (CE001)."""
    page = ("```json\n```\n\n```\n\n```\n\n"
            '```json\n"event.poller.configuration": {\n  "contacts": {"url": "/hubs/crm/contacts", "idField": "id"}\n}\n```\n\n'
            '```json\n{"element": {"key": "sageone"},\n "configuration": { "event.poller.refresh_interval": 15, ... }}\n```\n'
            # helper-103: `...` standing for a member's value
            '```json\n{\n  "element": {"key": "sfdc"},\n  "configuration": {\n    "oauth.api.key": ...,\n'
            '    "event.notification.enabled": true\n  }\n}\n```\n')
    # (a body with `...` is read as what it shows since helper-111: nothing in these is wrong)
    assert [f.rule for f in check_page(page).findings if f.rule != "CE090"] == []
    # a whole body that lost its opening `{` is not a fragment: its `}` closes nothing (a review's regression)
    lost = '```json\n  "element": {"key": "hubspot"},\n  "configuration": {"a": 1},\n  "name": "x"\n}\n```\n'
    assert "CE001" in {f.rule for f in check_page(lost).findings}
    # a body the page means as a whole is still checked: a string that merely holds `...` elides nothing
    whole = '```json\n{"element": {"key": "sageone"}, "name": "Loading...", "configuration": {"a": 1,}}\n```\n'
    assert "CE002" in {f.rule for f in check_page(whole).findings}


def test_comments_in_a_jsonc_block_are_its_language_and_hide_nothing():
    body = ('{\n  "element": {"key": "shopify"}, // your element\n  "configuration": { /* the poller */\n'
            '    "event.poller.configuration": {"orders": {"url": "/hubs/ecommerce/orders?where=u>\'${gmtDat:yyyy}\'",'
            ' "idField": "id"}}}\n}')
    jsonc = check_page(f"# Orders\n\n```jsonc\n{body}\n```\n").findings
    assert "CE003" not in {f.rule for f in jsonc}
    hit = next(f for f in jsonc if f.rule == "CE601")
    assert (hit.line, hit.column) == (7, body.splitlines()[3].index("gmtDat") + 1)
    # the same block tagged json: the comments are the mistake, as in a .json file
    assert "CE003" in {f.rule for f in check_page(f"```json\n{body}\n```\n").findings}
    # `//` inside a string is not a comment
    url = '{"element": {"key": "sageone"}, "configuration": {"event.notification.callback.url": "https://x.io//a"}}'
    assert check_page(f"```jsonc\n{url}\n```\n").findings == check_page(f"```json\n{url}\n```\n").findings


# ---------------------------------------------------------------------------------------------
# curl bodies


def test_curl_body_through_shell_quoting_with_positions():
    page = ("```bash\ncurl -X POST https://x/instances \\\n  -d '{\"element\": {\"key\": \"sageone\"},\n"
            "  \"configuration\": {\"event.poller.configuration\": {\"c\": {\"url\": "
            "\"/hubs/finance/customers?where=updated='\\''${gmtDate:yyyy-MM-dd}\", \"idField\": \"id\"}}}}'\n```\n")
    findings = check_page(page).findings
    [unclosed] = [f for f in findings if f.rule == "CE620"]
    lines = page.split("\n")
    line = lines[unclosed.line - 1]
    # the unclosed quote is the first '\'' of the page, a four-character span
    assert line[unclosed.column - 1:unclosed.end_column - 1] == "'\\''"
    assert unclosed.pointer.startswith("/L3/configuration/event.poller.configuration/c/url")


def test_curl_shell_expansion_and_dropped_quotes_are_reported():
    page = ("```sh\ncurl -d '{\"configuration\": {\"event.poller.configuration\": {\"c\": {\"url\": "
            "\"/hubs/x/y?where=d='${gmtDate:yyyy-MM-dd}'\", \"idField\": \"id\", \"datesConfiguration\": "
            "{\"updatedDateFormat\": \"yyyy-MM-dd'T'HH:mm:ss\"}}}}}'\n```\n")
    findings = check_page(page).findings
    by_rule = {f.rule: f for f in findings}
    line = page.split("\n")[1]
    expansion = by_rule["CE020"]
    assert line[expansion.column - 1:expansion.end_column - 1] == "'${gmtDate:yyyy-MM-dd}'"
    dropped = by_rule["CE021"]
    assert line[dropped.column - 1:dropped.end_column - 1] == "'T'"
    # the body is checked as its author meant it: no date-format finding for the dropped quotes
    assert not [f for f in findings if f.rule.startswith("CE4") and f.severity == "error"]


def test_quotes_inside_an_expanded_macro_are_the_expansion_s():
    """A trial of pages (helper-55): `'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'` in a '...' body drew CE020 for
    `${gmtDate:yyyy-MM-dd` and CE021 for `'HH:mm:ss'`; the shell reads the whole `${...}` to its `}` (and
    expands it to nothing), so it is one CE020 over the macro."""
    page = ("```sh\ncurl -d '{\"configuration\": {\"event.poller.configuration\": {\"c\": {\"url\": "
            "\"/hubs/x/y?where=d>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'\", \"idField\": \"id\"}}}}'\n```\n")
    findings = [f for f in check_page(page).findings if f.rule in ("CE020", "CE021")]
    line = page.split("\n")[1]
    assert [(f.rule, line[f.column - 1:f.end_column - 1]) for f in findings] == \
        [("CE020", "'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")]


@pytest.mark.parametrize("shell, expected", [
    ("curl -d '{\"a\": 1}'", ['{"a": 1}']),
    ("curl --data='{\"a\": 1}'", ['{"a": 1}']),
    ("curl -d'{\"a\": 1}'", ['{"a": 1}']),
    ('curl --data-raw "{\\"a\\": \\"\\$x\\"}"', ['{"a": "$x"}']),
    ("curl -d @body.json", []),
    ("echo -d '{}'", []),
    ("curl x; echo -d '{}'", []),
    ("# curl -d '{}'\ncurl -X POST \\\n -d \\\n '{\"a\":\n 1}'", ['{"a":\n 1}']),
    ("curl -d 'it'\"'\"'s'", ["it's"]),
    # a user's trial of pages: bash's $'...' (\\' is a quote, nothing expanded) and here-documents
    ("curl --data $'{\"a\": \"x>\\'${gmtDate:yyyy}\\'\\n\"}'", ['{"a": "x>\'${gmtDate:yyyy}\'\n"}']),
    ("curl -X POST u \\\n  -d @- <<'JSON'\n{\"a\": \"${x}\"}\nJSON\necho done", ['{"a": "${x}"}']),
    ("curl --data-binary @- <<-EOF\n\t{\"a\": 1}\n\tEOF\n", ['\t{"a": 1}']),
    ("cat <<'JSON'\n{\"a\": 1}\nJSON\n", []),
    # the known gap of the last stop: a body given to a variable first
    ("BODY='{\"a\": 1}'; curl -d \"$BODY\" u", ['{"a": 1}']),
    ("export B='{\"a\": 2}'\ncurl --data ${B} u", ['{"a": 2}']),
    ("curl -d \"$NOPE\" u\nNOPE='{}'", []),
    ("B=$(jq -n '{a: $k}')\ncurl -d \"$B\" u", []),  # built by a command: not written out here
])
def test_curl_body_forms(shell, expected):
    assert [b.text for b in curl_bodies(shell)] == expected


def test_a_here_document_with_a_bare_delimiter_expands_the_macro():
    """`<< EOF` (not `<<'EOF'`): the shell expands `${gmtDate:...}` in the body, as in "..." (CE020)."""
    (body,) = curl_bodies("curl -d @- << EOF\n{\"u\": \"x>'${gmtDate:yyyy-MM-dd}'\"}\nEOF\n")
    assert [p.rule for p in body.problems] == ["CE020"]
    (quoted,) = curl_bodies("curl -d @- <<'EOF'\n{\"u\": \"x>'${gmtDate:yyyy-MM-dd}'\"}\nEOF\n")
    assert quoted.problems == ()
    # a review: `\$` in a bare here-document is a plain `$`: the macro reaches the platform
    (escaped,) = curl_bodies("curl -d @- <<EOF\n{\"u\": \"x>'\\${gmtDate:yyyy-MM-dd}'\"}\nEOF\n")
    assert escaped.problems == () and escaped.text == '{"u": "x>\'${gmtDate:yyyy-MM-dd}\'"}'


def test_a_terminal_transcript_is_read_without_its_prompts_and_output():
    """The known gap of the last stop: a console block's `> ` continuation prompts (an open quote, a here-document)
    were read as part of the body, which was then skipped."""
    from validator.pages.curl import console_input

    console = ("user@host:~$ curl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
               ">   -H 'Content-Type: application/json' \\\n"
               ">   -d '{\"name\": \"c\",\n"
               "> \"element\": {\"key\": \"closeio\"}}'\n"
               "{\"id\": 12, \"note\": \"it's created\"}\n"
               "$ curl -d @- u <<'JSON'\n"
               "> {\"name\": \"d\"}\n"
               "> JSON\n"
               "$ echo it's 5 > out\n")
    transcript = console_input(console)
    assert transcript is not None and len(transcript) == len(console)
    assert [b.text for b in curl_bodies(transcript, transcript=True)] == [
        '{"name": "c",\n  "element": {"key": "closeio"}}', '  {"name": "d"}']
    assert "it's created" not in transcript and ">" not in transcript.replace("> out", "")  # output, prompts
    assert console_input("curl -d '{\"a\": 1}'\n> out.txt\n") is None  # a script: no prompts
    # a review: `100% done` (or curl's own progress meter) in a script made it a transcript, and its curl output
    assert console_input("#!/bin/bash\necho go\n100% done\n  % Total    % Received\ncurl -d '{}' u\n") is None
    page = "```console\n" + console.replace('"c"', '{"x": 1}') + "```\n"
    [finding] = [f for f in check_page(page).findings if f.rule.startswith("CE1")]
    assert (finding.line, finding.pointer) == (4, "/L4/name")


def test_unclosed_shell_quote():
    [body] = curl_bodies("curl -d '{\"a\": 1}\n")
    assert [p.rule for p in body.problems] == ["CE021"]


# ---------------------------------------------------------------------------------------------
# Secrets stay masked


def test_secrets_are_masked_in_page_positions():
    secret = "Sup3rS3cretValue9"
    page = ("---\nk: sageone\n---\n- step\n\n  ```json\n  {\"element\": {\"key\": \"{{page.k}}\"}, \"configuration\": "
            f"{{\"oauth.api.secret\": \"{secret}\", \"country\": 1}}}}\n  ```\n\n"
            "```bash\ncurl -d '{\"element\": {\"key\": \"sageone\"}, \"configuration\": "
            f"{{\"signature.secret\": \"{secret[:6]}'\\''{secret[6:]}\", \"country\": 1}}}}'\n```\n")
    checked = check_page(page)
    assert checked.findings
    masked = checked.masked_text()
    assert len(masked) == len(page) and secret not in masked and secret[6:] not in masked
    assert masked.replace("*", "") == page.replace(secret, "").replace(f"{secret[:6]}'\\''{secret[6:]}", "")


# ---------------------------------------------------------------------------------------------
# Property: a page's findings are its blocks' findings, moved


BODIES = [
    ('{\n  "element": {"key": "sageone"},\n  "configuration": {\n    "event.poller.refresh_interval": "15",\n'
    '    "event.poller.configuration": {"customers": {"url": "/hubs/finance/customers?where=d>=\'${date:yyyy-MM-dd}",'
    ' "idField": "id",\n      "datesConfiguration": {"updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssZZZ",'
    ' "updatedDateField": "u"}}}\n  },\n  "name": "<INSTANCE_NAME>"\n}\n'),
    ('{\n\t"element": {"key": "{{page.elementKey}}"},\n\t"providerData": {"code": "xxxxxxxxxxxx"},\n'
    '\t"configuration": {"oauth.api.secret": "abcDEF123ghiJKL456", "event.notification.enabled": "yes"},\n}\n'),
    ('{"customers": {"url": "/hubs/crm/contacts?where=updated=\'${gmtDate:yyyy-MM-dd HH:mm:ss}\'", '
    '"idField": "id", "pageSize": 0}}\n'),
    '{"name": "my-app", "version": "1.0.0"}\n',
    '{\n  "element": {"key": "hubspot"},\n  // a comment\n  "configuration": {}\n}\n',
    'not json at all\n',
]
LIQUID = ["{{page.elementKey}}", "{{ page.elementKey }}", "{{site.console}}"]


class PageBuilder:
    """Builds a page and records where each character of each block's text came from."""

    def __init__(self, eol: str) -> None:
        self.eol = eol
        self.text = ""
        self.blocks: list[tuple[str, list[tuple[int, int]], int]] = []  # (text, origin per char + end, label line)

    def line(self, text: str) -> None:
        self.text += text + self.eol

    @property
    def line_number(self) -> int:
        return self.text.count("\n") + 1


def _add_block(page: PageBuilder, body: str, *, prefix: str, first: str, fence: str, info: str,
               variables: dict[str, str], curl: bool) -> None:
    """A fenced block of ``body`` in a container whose lines start with ``prefix`` (``first`` on the fence).

    In a shell block the body is the argument of ``curl -d '...'``, its quotes written ``'\\''``.
    """
    label = page.line_number
    page.line(first + fence + info)
    if curl:
        page.line(prefix + "curl -X POST https://api.example.com/instances -H 'Content-Type: application/json' \\")
        label = page.line_number
    text, origin = "", []
    body_lines = body.split("\n")[:-1]
    for index, raw in enumerate(body_lines):
        lead = "  -d '" if curl and index == 0 else ""
        tail = "'" if curl and index == len(body_lines) - 1 else ""
        written = lead + (raw.replace("'", "'\\''") if curl else raw) + tail
        at = len(page.text) + len(prefix) + len(lead)
        i = 0
        while i < len(raw):
            tag = next((t for t in LIQUID if raw.startswith(t, i)), None)
            if tag is not None and "page.elementKey" in tag and "elementKey" in variables:
                value = variables["elementKey"]
                text += value
                origin += [(at, at + len(tag))] * len(value)
                at += len(tag)
                i += len(tag)
            else:
                width = 4 if curl and raw[i] == "'" else 1
                text += raw[i]
                origin.append((at, at + width))
                at += width
                i += 1
        if tail:
            eof = at + 1  # after the closing quote
        else:
            for char in page.eol:
                text += char
                origin.append((at, at + 1))
                at += 1
        page.line(prefix + written)
    if not curl:
        eof = len(page.text) + len(first)
    page.line(first + fence)
    origin.append((eof, eof))
    page.blocks.append((text, origin, label))


@st.composite
def pages(draw):
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    page = PageBuilder(eol)
    variables = {}
    if draw(st.booleans()):
        variables = {"elementKey": draw(st.sampled_from(["sageone", "hubspot", "k"]))}
        page.line("---")
        page.line(f"elementKey: {variables['elementKey']}")
        page.line("title: Events")
        page.line("---")
    for _ in range(draw(st.integers(1, 4))):
        body = draw(st.sampled_from(BODIES))
        if draw(st.booleans()):  # a mistake of hypothesis' choosing: one character removed
            at = draw(st.integers(0, len(body) - 2))
            body = body[:at] + body[at + 1:]
        container = draw(st.sampled_from(["top", "indent", "list", "ordered", "quote", "tab", "part-tab"]))
        curl = draw(st.booleans()) and "tab" not in container
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        info = "bash" if curl else draw(st.sampled_from(["json", "", "JSON", "json title=x"]))
        page.line("")
        page.line("Some text.")
        page.line("")
        if container == "top":
            prefix = first = ""
        elif container == "indent":
            prefix = first = " " * draw(st.integers(1, 3))
        elif container == "list":
            page.line("- Item:")
            page.line("")
            prefix = first = "  "
        elif container == "ordered":
            page.line("1. Construct a body:")
            page.line("")
            prefix = first = "    "
        elif container == "quote":
            prefix = first = "> "
        elif container == "tab":
            page.line("- Item:")
            page.line("")
            prefix = first = "\t"
        else:  # the fence takes two columns of indentation, a tab gives four: CommonMark keeps two as spaces
            first, prefix = "  ", "\t"
        _add_block(page, body, prefix=prefix, first=first, fence=fence, info=info, variables=variables, curl=curl)
        if fence == "````" and draw(st.booleans()):
            page.line("````md")
            page.line("```json")
            page.line("{}")
            page.line("```")
            page.line("````")
            page.blocks.append(("```json\n{}\n```\n".replace("\n", eol), [], 0))
    return page


def _line_col(text: str, offset: int) -> tuple[int, int]:
    from validator.source import Source

    return Source(text).line_col(offset)


def _pairs_up(text: str) -> bool:
    """Whether the brackets outside strings pair up (members alone, not a body that lost its opening brace)."""
    outside = re.sub(r'"(?:[^"\\\n]|\\.)*"', "", text)
    depth = 0
    for char in outside:
        depth += {"{": 1, "[": 1, "}": -1, "]": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _expected(page: PageBuilder) -> list[tuple]:
    found = []
    checked = 0
    for text, origin, label in page.blocks:
        if not origin:  # the block inside a ````md block: Markdown, not a body
            continue
        loaded = load_source(text)
        if not loaded.valid and re.match(r'\s*"[^"]*"\s*:', text) and _pairs_up(text):
            continue  # an object's members shown without its braces: a page's fragment (a .json file's CE001)
        findings = check_source(loaded)
        if any(f.rule == "CE090" for f in findings):
            continue
        checked += 1
        starts = [0]
        for index, char in enumerate(text):
            if char == "\n" or (char == "\r" and text[index + 1:index + 2] != "\n"):
                starts.append(index + 1)
        for f in findings:
            start = starts[f.line - 1] + f.column - 1
            end = starts[f.end_line - 1] + f.end_column - 1
            page_start = origin[min(start, len(origin) - 1)][0]
            page_end = origin[min(end, len(origin) - 1) - 1][1] if end > start else page_start
            line, column = _line_col(page.text, page_start)
            end_line, end_column = _line_col(page.text, max(page_end, page_start))
            if (end_line, end_column) == (line, column):
                end_column += 1
            elif f.end_line == f.line and (end_line, end_column) == (line + 1, 1):  # a line's end: kept on its line
                end_line, end_column = line, column + max(f.end_column - f.column, 1)
            severity = "info" if f.rule in TEMPLATE_RULES else f.severity
            message = _PLACE.sub(partial(_moved_place, text=page.text, starts=starts, origin=origin), f.message)
            found.append((f.rule, severity, message, f"/L{label}{f.pointer}", line, column, end_line, end_column,
                          f.help))
    if not checked:
        found.append(("CE090", "info", NO_BODY, "", 1, 1, 1, 2, None))
    return sorted(found, key=lambda t: (t[4], t[5], t[0], t[2]))


_PLACE = re.compile(r"\bline (\d+), column (\d+)|\bend of line (\d+)\b")


def _moved_place(match, *, text: str, starts: list[int], origin: list[tuple[int, int]]) -> str:
    """A place a message names, in the block, moved to the page."""
    if match.group(3) is not None:
        offset = starts[int(match.group(3)) - 1]
        return f"end of line {_line_col(text, origin[min(offset, len(origin) - 1)][0])[0]}"
    offset = starts[int(match.group(1)) - 1] + int(match.group(2)) - 1
    line, column = _line_col(text, origin[min(offset, len(origin) - 1)][0])
    return f"line {line}, column {column}"


def _shown(findings) -> list[tuple]:
    rows = [(f.rule, f.severity, f.message, f.pointer, f.line, f.column, f.end_line, f.end_column, f.help)
            for f in findings]
    return sorted(rows, key=lambda t: (t[4], t[5], t[0], t[2]))


def _read_as_one(page: PageBuilder) -> bool:
    """Whether the page reader read two blocks as one body shown in pieces (one lost its closing brace, the next its
    opening one): tested on its own (test_the_rest_of_a_counter_example_shown_in_pieces_is_not_checked and above)."""
    from validator.pages import documents

    sizes = {f"/L{label}": len(text) for text, origin, label in page.blocks if origin}
    return any(len(document.text) > sizes.get(document.label, len(document.text))
               for document, _strict, _problems in documents(page.text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_page_findings_are_block_findings_moved(page):
    assume(not _read_as_one(page))  # (one body from two blocks: not the blocks' findings moved, by design)
    # CE022 compares a block with the page's front matter: a page's own finding, tested on its own
    findings = [f for f in check_page(page.text).findings if f.rule != "CE022"]
    assert _shown(findings) == _expected(page)
    _fixes_edit_the_block(page.text, findings)


def test_two_blocks_that_lost_complementary_braces_are_one_body():
    """The property test's excluded case (helper-224: it failed about one run in three): a block that lost its last
    `}` and the next that lost its first `{` are read as one body, its findings under the first block's label."""
    body = BODIES[0]
    page = PageBuilder("\n")
    for block in (body[:-2] + body[-1:], body[1:]):
        page.line("")
        page.line("Some text.")
        page.line("")
        _add_block(page, block, prefix="", first="", fence="```", info="json", variables={}, curl=False)
    assert _read_as_one(page)
    findings = check_page(page.text).findings
    assert findings and {f.pointer.split("/")[1] for f in findings} == {"L4"}


def _apply(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def _fixes_edit_the_block(text: str, findings) -> None:
    """A fix moved to the page, applied to the page, edits the block as the block's own fix edits it."""
    from validator.pages import documents

    blocks = {document.label: document for document, _strict, _problems in documents(text)}
    for finding in findings:
        if finding.fix is None:
            continue
        label = "/" + finding.pointer.split("/")[1]
        block = blocks[label]
        [own] = [f for f in check_source(load_source(block.text))
                 if (f.rule, f.message, label + f.pointer) == (finding.rule, finding.message, finding.pointer)]
        edited = {d.label: d for d, _strict, _problems in documents(_apply(text, finding.fix.edits))}
        assert edited[label].text == _apply(block.text, own.fix.edits)


def test_page_findings_without_a_mistake_are_exactly_placed():
    page = PageBuilder("\r\n")
    page.line("---")
    page.line("elementKey: sageone")
    page.line("---")
    _add_block(page, BODIES[1], prefix="> ", first="> ", fence="~~~", info="json", variables={"elementKey": "sageone"},
               curl=False)
    _add_block(page, BODIES[0], prefix="  ", first="  ", fence="```", info="bash", variables={}, curl=True)
    found = check_page(page.text).findings
    assert _shown(found) == _expected(page)
    assert {f.rule for f in found} >= {"CE002", "CE620"}


def test_template_rules_are_the_placeholder_rules():
    from validator.rules.placeholders import MASKED_VALUE, PLACEHOLDER_UNFILLED

    assert TEMPLATE_RULES == {PLACEHOLDER_UNFILLED.code, MASKED_VALUE.code}


def test_fixes_move_to_the_page_where_the_page_holds_the_text():
    from validator.findings import Edit, Finding, Fix
    from validator.pages import _moved
    from validator.pages.positions import line_starts

    page = '---\nk: sageone\n---\n- item\n\n  ```json\n  {"element": {"key": "{{page.k}}"},\n   "a": 1,}\n  ```\n'
    checked = check_page(page)
    [document] = checked.documents
    text = document.text
    comma = text.rindex(",")
    key = text.index("sageone")

    def moved(*edits: Edit):
        finding = Finding("CE002", "error", "m", None, "", 1, 1, 1, 2, fix=Fix("remove", edits))
        return _moved(finding, document, line_starts(text), line_starts(page), page).fix

    fix = moved(Edit(comma, comma + 1, ""))
    assert fix is not None and [(page[e.start:e.end], e.replacement) for e in fix.edits] == [(",", "")]
    insert = moved(Edit(comma, comma, " "))
    assert insert is not None and insert.edits[0].start == page.rindex(",") == insert.edits[0].end
    assert moved(Edit(key, key + 7, "hubspot")) is None  # the page holds {{page.k}} there
    line = moved(Edit(comma, comma + 1, ",\n"))  # a new line gets the list item's indentation
    assert line is not None and line.edits[0].replacement == ",\n  "
    across = moved(Edit(text.index("},") + 1, comma, ""))  # over lines: the page's indentation between goes too
    assert across is not None and page[across.edits[0].start:across.edits[0].end] == ',\n   "a": 1'
    assert moved(Edit(key, text.index("\n", key), "x")) is None  # the page holds {{page.k}} there


@pytest.mark.parametrize("marks", ["", "  ", "> ", "  > "])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_fix_over_lines_is_made_in_a_page_as_in_a_file(marks, newline):
    """CE302's moves were not offered in pages (nor in a .jsonc file, a page of one block): --fix stopped after
    wrapping one key in a new `datesConfiguration`, and left the others beside it."""
    body = json.dumps({"deals": {"url": "/hubs/crm/deals", "idField": "id", "updatedDateField": "updated",
                                 "updatedDateFormat": "yyyy-MM-dd", "createdDateField": "created",
                                 "createdDateFormat": "yyyy-MM-dd"},
                       "contacts": {"url": "/hubs/crm/contacts", "idField": "id", "updatedDateTimezone": "GMT",
                                    "datesConfiguration": {"updatedDateField": "u", "updatedDateFormat": "yyyy-MM-dd",
                                                           "createdCheckTolerance": 10}}}, indent=2)
    expected = _fix(body.encode(), "x.json")
    assert expected != body.encode() and b"updatedDateFormat" in expected
    quoted = "".join(marks + line if line.strip() or ">" in marks else line for line in (body + "\n").splitlines(True))
    page = (f"# Poller{newline}{newline}{marks}```json{newline}" + quoted.replace("\n", newline)
            + f"{marks}```{newline}{newline}The end.{newline}")
    fixed = _fix(page.encode(), "x.md").decode()
    block = fixed.split("```json" + newline, 1)[1].split(marks + "```", 1)[0]
    assert fixed.startswith(f"# Poller{newline}{newline}{marks}```json{newline}")
    assert fixed.endswith(f"{marks}```{newline}{newline}The end.{newline}")
    assert newline == "\r\n" or "\r" not in fixed
    assert block.replace(newline, "\n") == "".join(
        marks + line if line.strip() or ">" in marks else line for line in (expected.decode() + "\n").splitlines(True))


def test_a_fix_over_lines_leaves_a_jsonc_comment_where_it_is():
    """A jsonc block's comments are read as spaces: a move over one took it away (`/* zone */`), one after the
    moved member was left beside another, and the gap the insertion copied wrote the comment's spaces."""
    commented = ('{\n  "contacts": {\n    "url": "/hubs/crm/contacts", // the list\n    "idField": "id",\n'
                 '    "updatedDateTimezone": /* zone */ "GMT", // misplaced\n    "datesConfiguration": {\n'
                 '      "updatedDateField": "u",\n      "updatedDateFormat": "yyyy-MM-dd",\n'
                 '      "createdCheckTolerance": 10 // tolerance\n    }\n  }\n}\n')
    assert _fix(commented.encode(), "x.jsonc") == commented.encode()
    plain = commented.replace(" /* zone */", "").replace(" // misplaced", "").replace(" // tolerance", "")
    fixed = _fix(plain.encode(), "x.jsonc").decode()
    assert "// the list" in fixed and " \n" not in fixed
    assert json.loads(fixed.replace(" // the list", "")) == json.loads(_fix(plain.replace(" // the list", "").encode(),
                                                                             "x.json"))


def _fix(data: bytes, shown: str) -> bytes:
    from validator.fix_runner import fix_file
    from validator.options import Options

    outcome = fix_file(data, shown=shown, kind="auto", options=Options(), keep=lambda found: found, unsafe=False)
    return data if outcome.data is None else outcome.data


def test_a_byte_order_mark_opening_a_block_shifts_no_finding_nor_fix():
    # the loader drops a leading U+FEFF: the block's offsets were one short, and --fix wrote `"yyyy-MM-dd5, "...`
    body = ('{"a": {"url": "/hubs/crm/x", "idField": "id", "datesConfiguration": {"updatedDateField": "u", '
            '"updatedDateFormat": "yyyy-MM-dd", "createdCheckTolerance": 5}}}')
    page = "```json\n\ufeff" + body + "\n```\n"
    found = check_page(page).findings
    bom = next(f for f in found if f.rule == "CE014")
    assert (bom.line, bom.column) == (2, 1)
    moved = next(f for f in found if f.rule == "CE302")
    line = page.splitlines()[1]
    assert moved.column == line.index('"createdCheckTolerance"') + 1
    fixed, applied, _ = apply_fixes(page, [moved])
    assert applied and fixed == page.replace(', "createdCheckTolerance": 5}}}', '}, "createdCheckTolerance": 5}}')


def test_template_rules_keep_their_severity_outside_pages():
    from validator.engine import check

    assert {f.severity for f in check(BODIES[0]) if f.rule in TEMPLATE_RULES} == {"warning"}


def test_findings_keep_fields_other_than_position():
    fence = "```json\n"
    page = fence + BODIES[0] + "```\n"
    block = [replace(f, line=0, column=0, end_line=0, end_column=0, pointer=f.pointer[3:],
                     severity="warning" if f.rule in TEMPLATE_RULES else f.severity, fix=_shifted(f.fix, -len(fence)))
             for f in check_page(page).findings]
    alone = [replace(f, line=0, column=0, end_line=0, end_column=0) for f in check_source(load_source(BODIES[0]))]
    assert block == alone


def _shifted(fix, by: int):
    """``fix`` with its edits moved by ``by`` characters (a block at the top of a page moves by its fence line)."""
    from validator.findings import Edit, Fix

    if fix is None:
        return None
    return Fix(fix.message, tuple(Edit(e.start + by, e.end + by, e.replacement) for e in fix.edits), fix.applicability)


# ---------------------------------------------------------------------------------------------
# The real command


def test_cli_checks_the_seed_page(shared):
    from clirun import run_cli

    result = run_cli("check", "--format", "concise", str(shared / SEED))
    assert result.code == 1, result.err
    placed = [line.split(": ", 1)[0].rsplit(":", 2)[1:] + [line.split(": ", 2)[1].split()[0]]
              for line in result.out.splitlines() if ": CE" in line]
    assert ["95", "118", "CE620"] in placed and ["150", "114", "CE620"] in placed
    assert not [p for p in placed if p[0] == "78"]
    assert "Traceback" not in result.err


SECRET = "q7Zr9TpL2mWx8Kv4"
PAGE = ("---\nelementKey: sageone\n---\n# Events\n\n1. Create the instance:\n\n"
        "    ```json\n    {\n      \"element\": {\"key\": \"{{page.elementKey}}\"},\n"
        f"      \"configuration\": {{\"oauth.api.secret\": \"{SECRET}\", \"event.poller.refresh_interval\": \"15\",}}\n"
        "    }\n    ```\n\n"
        "```bash\ncurl -X POST https://api.example.com/elements/api-v2/instances \\\n"
        f"  -d '{{\"element\": {{\"key\": \"<ELEMENT_KEY>\"}}, \"configuration\": {{\"signature.secret\": \"{SECRET}'\\''\",\n"
        "  \"event.poller.configuration\": {\"c\": {\"url\": \"/hubs/x/y?where=d='${gmtDate:yyyy-MM-dd}'\", "
        "\"idField\": \"id\"}}}}'\n```\n")


def test_cli_walks_directories_for_pages_and_masks_secrets(tmp_path, capsys, monkeypatch):
    from clirun import run_cli, run_main

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "events.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "readme.markdown").write_text("# Nothing\n\n```js\nlet a = 1;\n```\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1"}', encoding="utf-8")
    text_output = run_cli("check", str(tmp_path), cwd=tmp_path).out  # the real command once, the rest in-process
    assert "events.md:17:" in text_output and '"signature.secret": "****' in text_output  # excerpt shown, masked
    monkeypatch.chdir(tmp_path)
    runs = {output: run_main(capsys, "check", "--no-cache", "--format", output, str(tmp_path))
            for output in ("text", "concise", "json", "github", "sarif", "junit", "gitlab")}
    for output, result in runs.items():
        assert result.code == 1, (output, result.err)
        assert SECRET not in result.out and SECRET not in result.err, output
        assert "events.md" in result.out
    findings = json.loads(runs["json"].out)
    rows = findings if isinstance(findings, list) else findings.get("findings", findings)
    text = json.dumps(rows)
    assert '"/L8"' in text and '"/L17/configuration' in text and "CE020" in text and "CE002" in text
    concise = runs["concise"].out
    assert "2 skipped" in concise or "(2 skipped)" in concise, concise


def test_cli_pointer_ignores_reach_one_block(tmp_path):
    from clirun import run_cli

    (tmp_path / "events.md").write_text(PAGE, encoding="utf-8")
    first = run_cli("check", "--format", "concise", "events.md", cwd=tmp_path)
    assert "CE002" in first.out
    (tmp_path / ".ce-validator.toml").write_text('ignore = ["events.md#/L8:CE002"]\n', encoding="utf-8")
    second = run_cli("check", "--format", "concise", "events.md", cwd=tmp_path)
    assert "CE002" not in second.out and "CE020" in second.out


def test_cli_page_with_parallel_workers_masks_secrets(tmp_path):
    from clirun import run_cli

    for index in range(3):
        (tmp_path / f"p{index}.md").write_text(PAGE, encoding="utf-8")
    result = run_cli("check", str(tmp_path), cwd=tmp_path, env={"CE_VALIDATOR_JOBS": "2"})
    assert result.code == 1 and SECRET not in result.out


def test_corpus_bodies_in_list_items_give_their_findings_moved(corpus):
    """Bodies Cloud Elements published in fenced blocks, put back in a list item of a page.

    A quarter of them keeps the suite fast; ``CE_PAGES_ALL=1`` runs every one.
    """
    records = [r for r in corpus if r["container"] == "md-fenced"]
    assert len(records) > 500
    for record in records if os.environ.get("CE_PAGES_ALL") else records[::4]:
        text = record["text"].replace("\r\n", "\n")
        if not text.endswith("\n"):
            text += "\n"
        page = PageBuilder("\n")
        page.line("---")
        page.line("title: Events")
        page.line("---")
        page.line("1. Construct a JSON body:")
        page.line("")
        _add_block(page, text, prefix="    ", first="    ", fence="```", info="json", variables={}, curl=False)
        if any(f.rule == "CE006" and f.message.startswith("unfilled placeholder") for f in check_source(load_source(text))):
            # a template's unquoted placeholder (`"id": {{page.elementId}}`): a page reads it as the value it stands
            # for and checks the rest, where a .json file stops at it
            assert "CE006" not in {f.rule for f in check_page(page.text).findings}, record["id"]
            continue
        assert _shown(check_page(page.text).findings) == _expected(page), record["id"]


# ---------------------------------------------------------------------------------------------
# Hostile and odd pages: a finding, never a crash


def test_odd_pages():
    assert [f.rule for f in check_page("").findings] == ["CE090"]
    no_newline = check_page('```json\n{"element": {"key": "x"},}').findings
    assert [(f.rule, f.line) for f in no_newline] == [("CE002", 2)]
    lone_cr = check_page('```json\r{"element": {"key": "x"},}\r```\r').findings
    assert [(f.rule, f.line, f.column) for f in lone_cr] == [("CE002", 2, 25)]
    utf16 = check_page('```json\n{"element": {"key": "x"},}\n```\n'.encode("utf-16")).findings
    assert [(f.rule, f.line) for f in utf16] == [("CE015", 1), ("CE002", 2)]
    assert "documentation tools read a page as UTF-8" in utf16[0].message  # (a page's, not a JSON file's: helper-175)
    latin1 = check_page(b'```json\n{"element": {"key": "x\xff"},}\n```\n').findings
    assert [(f.rule, f.line, f.column) for f in latin1] == [("CE012", 2, 23), ("CE002", 2, 26)]
    assert [f.rule for f in check_page(b"```json\n{}\x00\n```\n").findings] == ["CE013"]


def test_many_dropped_quotes_are_one_finding_a_line_and_no_recursion():
    page = "```bash\ncurl -d '{\"configuration\": {\"event.notification.callback.url\": \"" + "x'y'z" * 5000 + "\"}}'\n```\n"
    findings = check_page(page).findings
    assert [f.rule for f in findings if f.rule.startswith("CE02")] == ["CE021"]


def test_corpus_curl_payloads_through_the_shell(corpus):
    """The text between the quotes of every published ``curl -d '...'``, put back between them.

    Valid JSON as written stays valid through the shell's quoting (``'\\''`` is a quote), and every
    ``'${...}'`` that the shell expands is reported.
    """
    records = [r for r in corpus if r["container"] == "md-fenced/curl-payload"]
    assert len(records) > 100
    expanded = 0
    for record in records:
        page = f"```bash\ncurl -X POST https://api.example.com/instances \\\n  -d '{record['text']}'\n```\n"
        rules = {f.rule for f in check_page(page).findings}
        if record["valid_json"]:
            assert not rules & {"CE001", "CE006", "CE007", "CE008", "CE090"}, record["id"]
        if re.search(r"[^\\]'\$\{", record["text"].replace("'\\''", "")):
            assert "CE020" in rules, record["id"]
            expanded += 1
    assert expanded >= 20


def test_cli_render_on_a_page(shared):
    from clirun import run_cli

    result = run_cli("render", str(shared / SEED), "--at", "2024-01-01T00:00:00Z", "--format", "json")
    assert result.code == 0, result.err
    resources = json.loads(result.out)["resources"]
    assert [r["pointer"] for r in resources] == ["/L75/configuration/event.poller.configuration/customers",
                                                 "/L130/configuration/event.poller.configuration/customers"]
    assert all("2024-01-01T00:00:00Z" in r["url"] for r in resources)
    text = run_cli("render", str(shared / SEED), "--at", "2024-01-01T00:00:00Z")
    assert "customers (code block at line 75)" in text.out and "customers (code block at line 130)" in text.out


def test_cli_render_on_a_page_without_a_body(tmp_path):
    from clirun import run_cli

    (tmp_path / "notes.md").write_text("# Notes\n\n```json\n{\"a\": 1}\n```\n", encoding="utf-8")
    result = run_cli("render", str(tmp_path / "notes.md"))
    assert result.code == 2 and "no code block of this page holds a Cloud Elements body" in result.err
    assert "Traceback" not in result.err


def test_cli_placeholders_are_info_in_pages_unless_configured(tmp_path):
    from clirun import run_cli

    page = '```json\n{"element": {"key": "myelement"}, "configuration": {"country": "<COUNTRY_CODE>"}}\n```\n'
    (tmp_path / "events.md").write_text(page, encoding="utf-8")
    info = run_cli("check", "--format", "concise", "--strict", "events.md", cwd=tmp_path)
    assert info.code == 0 and "CE701 [info]" in info.out, info.out
    (tmp_path / ".ce-validator.toml").write_text('[severity]\nCE701 = "warning"\n', encoding="utf-8")
    warning = run_cli("check", "--format", "concise", "--strict", "events.md", cwd=tmp_path)
    assert warning.code == 1 and "CE701 [warning]" in warning.out, warning.out


def test_cli_standard_input_named_as_a_page():
    from clirun import run_cli

    page = b'1. Body:\n\n   ```json\n   {"element": {"key": "x"}, "configuration": {},}\n   ```\n'
    result = run_cli("check", "--format", "concise", "--stdin-filename", "docs/p.md", "-", stdin=page)
    assert result.code == 1 and "docs/p.md:4:49: CE002" in result.out, result.out


def test_library_check_reads_a_page_as_the_command_does(tmp_path):
    from pathlib import Path

    import validator

    page = '1. Body:\n\n   ```json\n   {"element": {"key": "x"}, "configuration": {},}\n   ```\n'
    (tmp_path / "p.md").write_text(page, encoding="utf-8")
    from_path = validator.check(Path(tmp_path / "p.md"), config=None)
    from_text = validator.check(page, path="p.md", config=None)
    assert [(f.rule, f.line, f.column, f.pointer) for f in from_path] == [("CE002", 4, 49, "/L3")]
    assert [(f.rule, f.line, f.column) for f in from_text] == [("CE002", 4, 49)]
    assert [f.rule for f in validator.check_page(page).findings] == ["CE002"]


def test_shell_messages_never_quote_a_secret():
    page = ("```bash\ncurl -d '{\"element\": {\"key\": \"sageone\"}, \"configuration\": "
            "{\"oauth.api.secret\": \"s3cr'Xq7'et99\"}}'\n```\n")
    findings = check_page(page).findings
    [dropped] = [f for f in findings if f.rule == "CE021"]
    assert "Xq7" not in dropped.message and "s3cr" not in dropped.message
    assert all("Xq7" not in f.message for f in findings)


def test_finding_at_the_end_of_a_one_line_curl_body():
    page = "```bash\ncurl -d '{\"element\": {\"key\": \"x\"}, \"configuration\": {'\n```\n"
    [finding] = [f for f in check_page(page).findings if f.rule == "CE001"]
    end = page.split("\n")[1].rindex("'") + 1  # the page column after the body's closing quote
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, end + 1, 2, end + 2)


_SAGE_BODY = json.dumps({"element": {"key": "sageone"}, "name": "sage",
                         "configuration": {"oauth.api.key": "${K}", "oauth.api.secret": "${S}", "signature.secret": "${G}",
                                           "apim.subscription.key": "${A}", "event.poller.refresh_interval": "x"}},
                        indent=2)


def test_an_http_block_is_checked_from_its_body():
    """```http: the request line and headers are HTTP, the JSON starts after the blank line."""
    page = ("# Create\n\n```http\nPOST /elements/api-v2/instances HTTP/1.1\nHost: api.cloud-elements.com\n"
            "Content-Type: application/json\n\n" + _SAGE_BODY + "\n```\n")
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found  # the body's own mistake, and no CE006 on `POST`
    (finding,) = found
    line = page.splitlines()[finding.line - 1]
    assert '"event.poller.refresh_interval": "x"' in line and line[finding.column - 1:].startswith('"x"')
    response = "# Answer\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": 1}\n```\n"
    assert [f.rule for f in check_page(response, path="p.md").findings] == ["CE090"]
    no_body = "# Delete\n\n```http\nDELETE /elements/api-v2/instances/12 HTTP/1.1\nHost: x\n```\n"
    assert [f.rule for f in check_page(no_body, path="p.md").findings] == ["CE090"]


@pytest.mark.parametrize("after", [
    "> {%\n  client.global.set(\"id\", response.body.id);\n%}\n",  # a response handler (JetBrains, REST Client)
    "> ./save-id.js\n",
    ">> created.json\n",  # the response saved
    ">>! created.json\n",
    "<> previous-answer.json\n",  # compared with an earlier response
    "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": 428761, \"element\": {\"key\": \"sageone\"}}\n",
])
def test_an_http_request_followed_by_what_the_client_does_with_the_answer(after):
    """What follows a request's body in the same message (a handler, a file the response goes to, the response
    shown) is the HTTP client's, not the body's: no CE001 at it, and the body's own mistake still found in place."""
    page = ("# Create\n\n```http\nPOST /elements/api-v2/instances HTTP/1.1\nHost: api.cloud-elements.com\n"
            "Content-Type: application/json\n\n" + _SAGE_BODY + "\n\n" + after + "```\n")
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    line = page.splitlines()[found[0].line - 1]
    assert line[found[0].column - 1:].startswith('"x"')


_REQUEST = ("POST /elements/api-v2/instances HTTP/1.1\nHost: api.cloud-elements.com\n"
            "Content-Type: application/json\n\n")


@pytest.mark.parametrize("block", [
    "```rest\n" + _REQUEST + "{body}\n```\n",  # REST Client's other name
    "```\n" + _REQUEST + "{body}\n```\n",  # a bare fence
    "\n".join("    " + line if line else "" for line in (_REQUEST + "{body}").split("\n")) + "\n",  # indented
    "1. Send it:\n\n" + "\n".join("        " + line if line else "" for line in (_REQUEST + "{body}").split("\n"))
    + "\n",  # in a list item, indented one space more than its code block needs
])
def test_an_untagged_or_rest_block_holding_a_request_is_read_as_http(block):
    """A request written in a block without the `http` tag (a bare fence, an indented block, also one level deeper
    than a list item needs) or tagged `rest` is read as HTTP: its body checked in place, no CE006 at `POST`."""
    page = "# Create\n\n" + block.replace("{body}", _SAGE_BODY.replace("\n", "\n" + _indent_of(block)))
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    assert page.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')


def _indent_of(block: str) -> str:
    request_line = next(line for line in block.splitlines() if "POST" in line)
    return request_line[:len(request_line) - len(request_line.lstrip())]


def test_an_http_body_s_unquoted_client_variable_is_filled_not_a_syntax_error():
    """`"event.poller.refresh_interval": {{interval}}` in an http block: REST Client fills the variable before it
    sends, as a template tool fills a json block's; the rest of the body is checked (no CE006)."""
    body = _SAGE_BODY.replace('"x"', "{{interval}}", 1)
    page = "# Create\n\n```http\n" + _REQUEST + body + '\n```\n'
    found = check_page(page, path="p.md").findings
    assert not [f for f in found if f.severity == "error"], found


@pytest.mark.parametrize("before", [
    "< {%\n  request.variables.set(\"name\", \"sage-\" + Date.now());\n%}\n",  # a pre-request script
    "< ./prepare.js\n",
    "@host = api.cloud-elements.com\n# create the instance\n",
])
def test_an_http_request_after_what_the_client_does_first(before):
    """A pre-request script (JetBrains' `< {% ... %}`), variables and comments come before the request line: the
    request's body is checked, with no CE001 at the script."""
    page = ("# Create\n\n```http\n" + before + "POST /elements/api-v2/instances HTTP/1.1\nHost: api.cloud-elements.com\n"
            "Content-Type: application/json\n\n" + _SAGE_BODY + "\n```\n")
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    assert page.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')


@pytest.mark.parametrize("block", [
    '"event.poller.configuration": {\n  "customers": { ... }\n}',
    '{\n  "element": {"key": "sageone"},\n  "configuration": {\n    ...\n  }\n}',
    '{\n  "configuration": {\n    "oauth.api.key": "${K}",\n    …\n  }\n}',
])
def test_a_fragment_marked_with_an_ellipsis_is_not_a_body_to_fix(block):
    """Nothing it leaves out is missing; what it shows is read (helper-111), and is right here."""
    assert [rule for rule in _json_block_rules(block) if rule != "CE090"] == []


@pytest.mark.parametrize("elision", ["    ...\n", "    \u2026\n", "    // ... the other keys\n", "    ...,\n",
                                     # helper-165: a placeholder where members go stands for them as `...` does
                                     "    <your credentials>,\n", "    <element configuration>,\r\n",
                                     # helper-173: more dots, a vertical ellipsis, dots in parentheses or spaced, and
                                     # words after them were CE001 (or CE003) on a correct body shown in part
                                     "    ....\n", "    \u22ee\n", "    (...)\n", "    (\u2026),\n", "    . . .\n",
                                     "    ... other configuration keys ...\n", "    ... // more\n", "    ...etc\n",
                                     "    // (...)\n"])
def test_what_a_body_with_an_ellipsis_shows_is_checked(elision):
    """helper-111: a body with `...` was skipped whole, and the unclosed quote it shows (the seed page's mistake) went
    unreported; what the dots leave out (the callback, the element's keys) is not reported missing."""
    block = ('{\n  "element": {"key": "sageone"},\n  "configuration": {\n' + elision +
             '    "event.notification.enabled": true,\n    "event.poller.configuration": {"customers": {\n'
             '      "url": "/hubs/finance/customers?where=lastModifiedDate>=\'${gmtDate:yyyy-MM-dd}",\n'
             '      "idField": "id", "datesConfiguration": { ... }}}\n  }\n}')
    page = f"# Body\n\n```json\n{block}\n```\n"
    found = check_page(page, path="p.md").findings
    assert [(f.rule, f.line) for f in found] == [("CE620", 10)], found
    assert page.splitlines()[found[0].line - 1][found[0].column - 1] == "'"


@pytest.mark.parametrize("elision", ["    /* ... */\n", "    /* \u2026 */\n", "    [...]\n", "    // other keys\n",
                                     "    /* omitted for brevity */\n", "    // etc.\n", "    // rest of the config\n",
                                     "    <other keys>\n"])
@pytest.mark.parametrize("language", ["json", "jsonc"])
def test_a_comment_or_brackets_standing_for_left_out_keys_after_a_comma(elision, language):
    """Documentation pages (helper-126): after the last key's comma, `/* ... */` and `[...]` made the block skipped whole
    (its unclosed quote unreported), `// other keys` was CE003 and, in jsonc, a trailing comma that hid the mistake."""
    block = ('{\n  "customers": {\n    "url": "/hubs/finance/customers?where=lastModifiedDate>=\'${gmtDate:yyyy-MM-dd}",\n'
             '    "idField": "id",\n' + elision + '  }\n}')
    found = check_page(f"# Body\n\n```{language}\n{block}\n```\n", path="p.md").findings
    assert [(f.rule, f.line) for f in found] == [("CE620", 6)], found


def test_a_comment_that_is_no_elision_is_still_reported_in_a_json_block():
    block = '{\n  "customers": {\n    "url": "/hubs/finance/customers",\n    // TODO: add invoices\n    "idField": "id"\n  }\n}'
    assert "CE003" in _json_block_rules(block)


def test_a_placeholder_for_a_value_is_still_one_to_quote():
    """A placeholder alone on a line stands for members left out; one written as a member's value is not quoted, and
    the reader who fills it in writes JSON that does not parse (CE006), whatever members are left out."""
    block = '{\n  "element": {"key": "sageone"},\n  "configuration": {\n    <your credentials>,\n' \
            '    "oauth.api.key": <your key>\n  }\n}'
    assert _json_block_rules(block) == ["CE006"]


def test_a_member_value_elided_draws_nothing_at_the_dots():
    block = '{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": ..., "event.notification.enabled": …}}'
    assert [rule for rule in _json_block_rules(block) if rule != "CE090"] == []


def _json_block_rules(block: str) -> list[str]:
    """The rules a page drawing ``block`` as its one ```json block reports."""
    return [f.rule for f in check_page(f"# Body\n\n```json\n{block}\n```\n", path="p.md").findings]


def test_an_ellipsis_inside_a_string_does_not_make_a_fragment():
    assert "CE090" not in _json_block_rules('{"element": {"key": "sageone"}, "name": "wait...", "configuration": {,}}')


def test_the_platform_s_answer_is_not_a_body_missing_its_keys():
    """`POST /instances` answers with id, token, createdDate...: no configuration, and no CE105 for it."""
    answer = {"id": 428761, "token": "${CE_ELEMENT_TOKEN}", "element": {"id": 3458, "key": "sageone"},
              "createdDate": "2024-01-05T10:00:00Z", "valid": True, "disabled": False, "eventsEnabled": True}
    found = check_source_text(json.dumps(answer, indent=2))
    assert "CE105" not in [f.rule for f in found], found


def check_source_text(text: str) -> list:
    from validator.source import load_source

    return check_source(load_source(text, path="answer.json"))


@pytest.mark.parametrize("block", [
    '{"element": {"key": "sageone"}, "name": "Say "hi ... there", "configuration": {}}',
    "{'element': {'key': 'sageone'}, 'name': 'Wait ... for it'}",
    '{\n  "element": {"key": "sageone"}\n  // see the Sage docs ...\n  "name": "x"\n}',
])
def test_an_ellipsis_in_a_broken_body_does_not_hide_its_error(block):
    rules = _json_block_rules(block)
    assert "CE090" not in rules and any(r.startswith("CE0") for r in rules), rules


def test_an_http_block_without_a_blank_line_before_its_body():
    """The body is read as it was meant, and the missing blank line is CE026 (a trial, helper-64: an HTTP client
    sends `{` as a header), with a fix that adds it after the last header."""
    page = ("# Create\n\n```http\nPOST /elements/api-v2/instances\nContent-Type: application/json\n"
            + _SAGE_BODY + "\n```\n")
    findings = check_page(page, path="p.md").findings
    assert [f.rule for f in findings] == ["CE026", "CE206"]
    (blank,) = [f for f in findings if f.rule == "CE026"]
    assert (blank.line, blank.column, blank.pointer) == (6, 1, "/L3")
    mended = apply_fixes(page, [f for f in findings if f.rule == "CE026"])[0]
    assert "application/json\n\n{" in mended
    assert [f.rule for f in check_page(mended, path="p.md").findings] == ["CE206"]
    gap = _SAGE_BODY.replace('"name": "sage",', '"name": "sage",\n')
    page = "# Create\n\n```http\nPOST /elements/api-v2/instances\n" + gap + "\n```\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE026", "CE206"]
    response = "# Answer\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n{\"id\": 1}\n```\n"
    assert "CE026" not in {f.rule for f in check_page(response, path="p.md").findings}
    crlf = page.replace("\n", "\r\n")
    (fixable,) = [f for f in check_page(crlf, path="p.md").findings if f.rule == "CE026"]
    assert fixable.fix is not None and fixable.fix.edits[0].replacement == "\r\n"


@pytest.mark.parametrize("marks", ["   ", "  ", "> ", ">", "> - "])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_header_or_blank_line_a_fix_adds_to_a_request_in_a_list_or_a_quote_keeps_it_there(marks, newline):
    """helper-159: CE027's `Content-Type` line under a request in a list item was written without the item's
    indentation (and CE026's blank line in a block quote without its `>`): the line ended the item and the block, so
    --fix refused every fix of the page with "no longer read as a Cloud Elements body"."""
    lead = "1. Send it:\n\n" if marks.strip() in ("", "-") else ""
    if marks == "> - ":
        lines = ["> - Send it:", ">", "> " + "  ```http"]
        marks = ">   "
    else:
        lines = [marks + "```http"]
    request = ["POST /elements/api-v2/instances HTTP/1.1", "Authorization: User x",
               '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.notification.enabled": false}}']
    page = lead + newline.join(lines + [marks + line for line in request] + [marks + "```", ""])
    fixed = _fix(page.encode(), "p.md").decode()
    assert fixed.replace(newline, "\n").endswith("\n".join(
        [marks + "Authorization: User x", marks + "Content-Type: application/json", marks.rstrip(), marks + request[2],
         marks + "```", ""])), fixed
    assert not {"CE026", "CE027"} & {f.rule for f in check_page(fixed, path="p.md").findings}


_CURL = "```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"


@pytest.mark.parametrize("option", ["-d instance.json", "--data-binary 'bodies/sage one.json'", "--data=./x.json",
                                    "-dinstance.json", "--json ../instance.json5"])
def test_curl_given_a_file_name_without_at_sends_the_name(option):
    """A trial (helper-64): `-d instance.json` sends those 13 characters; the page was skipped as having no body."""
    page = _CURL + "  -H 'Content-Type: application/json' \\\n  " + option + "\n```\n"
    (found,) = check_page(page, path="p.md").findings
    name = option.split(maxsplit=1)[-1].strip("'").split("=", 1)[-1].removeprefix("-d")
    assert (found.rule, found.severity, found.line, found.pointer) == ("CE024", "error", 4, "/L1")
    assert f"`{name}`" in found.message and found.help == f"write `@{name}`"
    mended = apply_fixes(page, [found])[0]
    assert "@" + name in mended.replace("'@", "@'").replace("@'", "'@") or "'@" + name in mended
    assert [f.rule for f in check_page(mended, path="p.md").findings] == ["CE090"]


@pytest.mark.parametrize("option", ["-d @instance.json", "-d 'name=value.json'", "-d \"$BODY\"", "-F file=@x.json",
                                    "-d '{\"a\": \"x.json\"}'", "-o out.json", "-d -"])
def test_curl_given_a_file_with_at_or_other_data_is_left_alone(option):
    page = _CURL + "  " + option + "\n```\n"
    assert "CE024" not in {f.rule for f in check_page(page, path="p.md").findings}


def test_a_blank_after_a_line_s_backslash_ends_the_command():
    """A trial (helper-64): `\\ ` at a line's end runs the next lines as commands of their own; the page was
    skipped.  The body is read as it was meant, and the fix removes the blanks."""
    body = '{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": 15}, "name": "s"}'
    page = _CURL.replace("\\\n", "\\ \t\n") + "  -H 'Content-Type: application/json' \\\n  -d '" + body + "'\n```\n"
    findings = check_page(page, path="p.md").findings
    meant = [f.rule for f in check_page(page.replace("\\ \t\n", "\\\n"), path="p.md").findings]
    assert meant and "CE090" not in meant and [f.rule for f in findings] == ["CE025", *meant]
    blank = findings[0]
    assert (blank.line, blank.column, blank.end_column, blank.severity) == (2, 71, 74, "error")
    mended = apply_fixes(page, [blank])[0]
    assert mended == page.replace("\\ \t\n", "\\\n")
    assert [f.rule for f in check_page(mended, path="p.md").findings] == meant
    # a backslash and blanks inside a quoted body, or before a line that does not go on with the command
    quoted = _CURL + "  -d '{\"note\": \"a \\ \n b\"}'\n```\n"
    ended = "```bash\necho done \\ \n\nls\n```\n"
    for other in (quoted, ended):
        assert "CE025" not in {f.rule for f in check_page(other, path="p.md").findings}


@pytest.mark.parametrize(("broken", "line", "column"), [
    ("\\\n  # authenticate as the org\n", 3, 3), ("\\\n\n", 2, 71), ("\\ # auth\n", 2, 71),
    ("\\\n  # one\n\n  # two\n", 3, 3)])
def test_a_comment_or_an_empty_line_after_a_line_s_backslash_ends_the_command(broken, line, column):
    """h224: a comment line (or an empty one) right after a line's closing `\\`, or a comment after its blank, ends
    the command as bash reads it, and the lines below ran on their own; the page was skipped as holding no body.  The
    body is read as it was meant, and the fix removes what broke the command."""
    body = '{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": "15m"}, "name": "s"}'
    meant_page = _CURL + "  -H 'Content-Type: application/json' \\\n  -d '" + body + "'\n```\n"
    page = meant_page.replace("\\\n", broken, 1)
    assert page != meant_page
    meant = [f.rule for f in check_page(meant_page, path="p.md").findings]
    assert "CE206" in meant
    findings = check_page(page, path="p.md").findings
    assert [f.rule for f in findings] == ["CE025", *meant]
    assert (findings[0].line, findings[0].column) == (line, column)
    mended = apply_fixes(page, [findings[0]])[0]
    assert mended == meant_page
    # a comment or an empty line before what is no option of the command: the next command
    for other in ("```bash\necho done \\\n# next\nls -l\n```\n", "```bash\necho done \\\n\nls\n```\n"):
        assert "CE025" not in {f.rule for f in check_page(other, path="p.md").findings}


@pytest.mark.parametrize("end", ["\\\n\n", "\\ \n\n", "\\\n# note\n"])
@pytest.mark.parametrize("opening", ["cat <<EOF", "cat <<'EOF' > notes.txt", "cat <<-EOF"])
def test_a_backslash_in_a_here_document_is_its_text(opening, end):
    """A review (helper-227): a here-document's line ending with `\\`, then an empty line (or a blank after the
    backslash) and `-x`, drew CE025, though its lines are text the command reads, not commands."""
    body = '{"element": {"key": "hubspot"}, "name": "x", "configuration": {"event.poller.refresh_interval": "15m"}}'
    page = ("```bash\n" + opening + "\nline " + end + "-x\nEOF\n" + _CURL.split("\n", 1)[1]
            + "  -H 'Content-Type: application/json' \\\n  -d '" + body + "'\n```\n")
    found = [f.rule for f in check_page(page, path="p.md").findings]
    assert "CE206" in found and "CE025" not in found, found
    # after the here-document's end, the commands are read again
    broken = page.replace("application/json' \\\n", "application/json' \\ \n")
    assert broken != page and "CE025" in {f.rule for f in check_page(broken, path="p.md").findings}


@pytest.mark.parametrize("before", ['grep -q ok <<< "$STATUS"', "# write the body with cat <<EOF first",
                                    'echo "use <<EOF here"', "echo 'a <<EOF b'", "echo x # then cat <<EOF"])
def test_a_here_document_opening_quoted_commented_or_a_here_string_hides_no_line(before):
    """A review (h228): a `<<<` here-string, or a `<<EOF` in quotes or a comment, opens no here-document; since
    6949c14 CE025 took every line below it for a here-document's text and reported nothing."""
    page = ("```bash\n" + before + "\n" + _CURL.split("\n", 1)[1] + "  -H 'Content-Type: application/json' \\ \n"
            "  -d @instance.json\n```\n")
    assert "CE025" in {f.rule for f in check_page(page, path="p.md").findings}


@pytest.mark.parametrize(("delimiter", "codes"), [("'JSON'", set()), ("JSON", {"CE020"})])
def test_a_here_document_given_through_a_command_substitution_is_the_body(delimiter, codes):
    """A fresh trial's false alarm (helper-66): `-d "$(cat <<'JSON' ... JSON)"` drew CE006 for the `$` of `$(`."""
    body = ('{"element": {"key": "sageone"}, "name": "s", "configuration": {"event.poller.configuration": '
            '{"customers": {"url": "/hubs/finance/customers?where=a>=\'${gmtDate:yyyy-MM-dd}\'", "idField": "id"}}}}')
    page = _CURL + f"  -d \"$(cat <<{delimiter}\n{body}\nJSON\n)\"\n```\n"
    found = {f.rule for f in check_page(page, path="p.md").findings}
    assert "CE006" not in found and "CE090" not in found and found & {"CE020"} == codes, found
    assert [b.text for b in curl_bodies(page.split("\n", 1)[1].rsplit("```", 1)[0])] == [body]


def test_an_untagged_block_of_something_else_is_not_a_broken_body():
    """A trial of pages (helper-55): a folder tree whose comment names `event.poller.configuration` drew CE006 for
    its first word; a broken body in an untagged block is still reported."""
    tree = "# x\n\n```\ninstances/\n  pollers/\n    quickbooks.json    # event.poller.configuration only\n```\n"
    assert [f.rule for f in check_page(tree).findings] == ["CE090"]
    broken = '```\n{"element": {"key": "sageone"}, "configuration": {"event.poller.refresh_interval": "15",}}\n```\n'
    assert "CE002" in {f.rule for f in check_page(broken).findings}
    lost = '```\n  "element": {"key": "hubspot"},\n  "configuration": {"a": 1},\n  "name": "x"\n}\n```\n'
    assert "CE001" in {f.rule for f in check_page(lost).findings}


@pytest.mark.parametrize("page", [
    "# Events\n\n1. Create the instance:\n\n   ```json\n   {\"a\": 1}\n   ```\n",
    "# Events\n\n> **Note**\n> ```json\n> {\"a\": 1}\n> ```\n",
    "- step\n  - nested\n    ~~~\n    {}\n    ~~~\n",
    "---\ntitle: Events\n---\n\nNo code here.\n",
    "# Events\n\nThe body:\n\n    {\"element\": {\"key\": \"x\"}}\n",
])
def test_a_page_without_a_fence_at_its_margin_is_read_as_a_page(page):
    """A trial of pages (helper-55): piped in or without a suffix, pages whose fences are in list items or block
    quotes, with front matter, or with indented blocks only, were read as JSON (CE001 for `---`, CE003 for `#`)."""
    from validator.inputs import reads_as_page

    assert reads_as_page(None, page) and reads_as_page("README", page.encode())
    assert not reads_as_page("body.json", page)
    for json_text in ('# a comment\n{"element": {"key": "sageone"}}\n', '{"a": "```"}', "[1,\n\n    [2]]"):
        assert not reads_as_page(None, json_text), json_text


def test_a_page_on_standard_input_or_without_a_suffix_is_read_as_a_page(tmp_path):
    """A user's trial: a page piped in was read as JSON (CE003 for its heading) and --diff offered to delete
    the heading."""
    from clirun import run_cli

    page = ("# Orders\n\nPoll orders:\n\n```json\n{\"element\": {\"key\": \"shopify\"}, \"configuration\": "
            "{\"event.poller.configuration\": {\"o\": {\"url\": \"/hubs/ecommerce/orders?where=u>'${gmtDat:yyyy}'\", "
            "\"idField\": \"id\"}}}}\n```\n")
    piped = run_cli("check", "--format", "concise", "-", stdin=page.encode())
    assert "CE601" in piped.out and "CE003" not in piped.out, piped
    assert "-# Orders" not in run_cli("check", "--diff", "-", stdin=page.encode()).out
    (tmp_path / "README").write_text(page, encoding="utf-8")
    assert "CE601" in run_cli("check", "--format", "concise", str(tmp_path / "README")).out
    # JSON stays JSON: a .json name, or text that starts as JSON does, even with a fence inside a string
    (tmp_path / "body.json").write_text(page, encoding="utf-8")
    assert "CE003" in run_cli("check", "--format", "concise", str(tmp_path / "body.json")).out
    broken = '# a comment\n{"element": {"key": "sageone"}}\n'
    assert "CE003" in run_cli("check", "--format", "concise", "-", stdin=broken.encode()).out


def test_the_platforms_credentials_written_in_a_page_are_reported_and_masked():
    """A user's trial of pages: `Authorization: User ..., Organization ..., Element ...` with real-looking values in
    an http block or a curl header was masked but never reported (CE751 reported a token inside a body only)."""
    user, organization, element = "Qw8rT2yU6iO0pA4sD8fG2hJ6kL0zX4cV=", "9b1e2c7d4f6a8b0c1d2e3f4a5b6c7d8e", "k2Qe0fH7jL3n="
    page = ("```http\nPATCH /elements/api-v2/instances/412377 HTTP/1.1\n"
            f"Authorization: User {user}, Organization {organization}, Element {element}\n"
            'Content-Type: application/json\n\n{"configuration": {"event.poller.refresh_interval": "15"}}\n```\n\n'
            "```bash\ncurl -H 'Authorization: User <USER_SECRET>, Organization <ORGANIZATION_SECRET>' https://x\n```\n")
    findings = check_page(page).findings
    hits = [f for f in findings if f.rule == "CE751"]
    assert [(f.line, f.column) for f in hits] == [(3, 21), (3, 69), (3, 111)]
    assert all(value not in f.message + (f.help or "") for f in findings for value in (user, organization))


def test_an_element_token_beside_a_user_and_an_organization_given_by_reference_is_reported():
    """helper-173: `User $U, Organization $O, Element <a real token>` (a transcript reading an instance's
    configuration) masked the token but never reported it; a reference or a placeholder in its place says nothing."""
    token = "Zq8w7e6r5t4y3u2i1o0pAsDfGhJkLzXcVbNm1234567="
    page = ("```console\n$ curl -s \"$CE/instances/98765/configuration\" -H \"Authorization: User $U, Organization $O, "
            f"Element {token}\"\n```\n")
    (hit,) = [f for f in check_page(page).findings if f.rule == "CE751"]
    assert (hit.line, hit.column, hit.end_column) == (2, page.splitlines()[1].index(token) + 1,
                                                      page.splitlines()[1].index(token) + 1 + len(token))
    for shown in ("$ELEMENT_TOKEN", "<element token>", "{{elementToken}}", "Builder"):
        assert check_page(page.replace(token, shown)).findings[0].rule == "CE090"


def test_a_variable_spliced_into_a_curl_body_is_meant():
    """A user's trial of correct pages: `'..."'"$KEY"'"...'` (the shell's way to put a variable in a single-quoted
    body) drew CE021 and CE001, and `\\"$POLL_MINUTES\\"` in a double-quoted one CE020 and CE206; the shell sends
    the variables' values.  Only a poller macro the shell would expand is CE020."""
    page = ("```bash\ncurl -d '{\"element\":{\"key\":\"closeio\"},\"configuration\":{\"username\":\"'\"$CLOSEIO_KEY\"'\"}"
            ",\"name\":\"closeio\"}'\n```\n\n```bash\ncurl -X PATCH https://x -d \"{\\\"configuration\\\": "
            "{\\\"event.poller.refresh_interval\\\": \\\"$POLL_MINUTES\\\"}}\"\n```\n")
    assert [f.rule for f in check_page(page).findings if f.rule != "CE105"] == []


@pytest.mark.parametrize("macro", ["${DateTimeZone:PST:yyyy-MM-dd}", "${Date:yyyy-MM-dd}", "${518862600}",
                                   "${yyyy-MM-dd}"])
def test_a_misspelt_macro_the_shell_expands_is_still_ce020(macro):
    """A review: narrowing CE020 to the exact descriptors let the common misspellings through; the shell removes
    them all the same.  The shell's own `${NAME:-default}` stays a variable."""
    (body,) = curl_bodies(f"curl -d '{{\"u\": \"x>'{macro}'\"}}'")
    assert "CE020" in [p.rule for p in body.problems]
    (spliced,) = curl_bodies('curl -d "{\\"u\\": \\"${POLL:-15}\\"}"')
    assert spliced.problems == ()


# ---------------------------------------------------------------------------------------------
# CE022: a body copied from another element's page

_FRONT = "---\ntitle: Events\nelementKey: {page}\n---\n\nCreate the instance:\n\n"


def test_a_body_for_another_element_than_the_page_is_reported_at_its_key():
    """From a trial, and the domain's note of an Eloqua page posting `sageone`."""
    page = _FRONT.format(page="hubspot") + '> ```json\n> {"element": {"key": "sageone"}, "name": "x"}\n> ```\n'
    findings = [f for f in check_page(page, path="events.md").findings if f.rule == "CE022"]
    (finding,) = findings
    line = page.splitlines()[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == '"sageone"'
    assert finding.severity == "warning" and "`hubspot`" in finding.message and finding.pointer.endswith("/element/key")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    (edit,) = finding.fix.edits
    assert page[:edit.start] + edit.replacement + page[edit.end:] == page.replace('"sageone"', '"hubspot"')


@pytest.mark.parametrize(("front", "key"), [
    ("hubspot", "hubspot"), ("hubspot", "{{page.elementKey}}"), ("{{ site.key }}", "sageone"),
    ("hubspot", "<ELEMENT_KEY>"),
    # a review: Cloud Elements' pages show a family's keys side by side ("the key is the only difference")
    ("sfdcdocuments", "sfdcmarketingcloud"), ("netsuiteerp", "netsuitecrm"), ("hubspot", "hubspotcrm"),
])
def test_a_body_of_the_page_s_element_draws_no_ce022(front, key):
    page = _FRONT.format(page=front) + '```json\n{"element": {"key": "' + key + '"}, "name": "x"}\n```\n'
    assert not [f for f in check_page(page).findings if f.rule == "CE022"]
    bare = '```json\n{"element": {"key": "sageone"}, "name": "x"}\n```\n'  # no front matter: nothing to compare
    assert not [f for f in check_page(bare).findings if f.rule == "CE022"]



def test_hugo_s_toml_front_matter_names_the_page_s_element():
    """helper-152: a Hugo page's `+++` front matter (`elementKey = "sfdc"`) was not read, so a body of another
    element drew no CE022 (and the TOML lines were the page's text); a key under a `[table]` is not top-level."""
    body = '```json\n{"element": {"key": "hubspot"}, "name": "x"}\n```\n'
    page = '+++\ntitle = "Events"\nelementKey = "sfdc"  # the page\'s element\n+++\n\n' + body
    (found,) = [f for f in check_page(page, path="events.md").findings if f.rule == "CE022"]
    assert (found.line, found.column) == (7, 21) and "about `sfdc`" in found.message
    same = page.replace('"sfdc"', "'hubspot'")
    assert not [f for f in check_page(same, path="events.md").findings if f.rule == "CE022"]
    nested = '+++\ntitle = "Events"\n[params]\nelementKey = "sfdc"\n+++\n\n' + body
    assert not [f for f in check_page(nested, path="events.md").findings if f.rule == "CE022"]

def test_the_seed_page_draws_no_ce022(shared):
    assert not [f for f in check_page((shared / SEED).read_bytes()).findings if f.rule == "CE022"]


def test_a_curl_data_urlencode_body_is_checked_and_reported():
    """A second trial: `curl --data-urlencode '{...}'` percent-encodes the JSON, and the page was skipped."""
    page = ("```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
            "  --data-urlencode '{\"element\": {\"key\": \"sageone\"}, \"name\": \"x\", \"configuration\": "
            "{\"event.poller.refresh_interval\": \"often\"}}'\n```\n")
    findings = check_page(page).findings
    (encoded,) = [f for f in findings if f.rule == "CE023"]
    line = page.splitlines()[encoded.line - 1]
    assert line[encoded.column - 1:encoded.end_column - 1] == "--data-urlencode" and encoded.severity == "error"
    assert "CE206" in {f.rule for f in findings}, "the body is still checked"
    plain = page.replace("--data-urlencode", "-d")
    assert not [f for f in check_page(plain).findings if f.rule == "CE023"]
    # a fresh-mistake trial (helper-133): a file's JSON is percent-encoded as well
    from_file = ("```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
                 "  -H 'Content-Type: application/json' --data-urlencode @instance.json\n```\n")
    (encoded,) = [f for f in check_page(from_file).findings if f.rule == "CE023"]
    assert "`instance.json`" in encoded.message and encoded.severity == "error"
    assert not [f for f in check_page(from_file.replace("--data-urlencode", "--data-binary")).findings
                if f.rule == "CE023"]


# ---------------------------------------------------------------------------------------------
# What the page says of a block: counter-examples and directives

_WRONG_URL = "/hubs/crm/contacts?where=updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}"  # the quote never closes
_COUNTER = '```json\n{"contacts": {"url": "%s", "idField": "id"}}\n```\n' % _WRONG_URL


@pytest.mark.parametrize("label", ["**❌ Wrong** (the quote is never closed, do not copy):", "Incorrect:",
                                   "> ### ✗ Don't do this", "1. Before:", "Bad example", "Avoid this:",
                                   "**Wrong (fails at run time):**", "Don't copy this:",
                                   "**❌ Wrong:**\n<!-- ce-validator: ignore CE412 -->",
                                   # a false-alarm hunt (helper-68): labels other people write
                                   "**Don't:**", "**Bad** \u2013 fails at run time:", "Anti-pattern:", "_Wrong_",
                                   "This will NOT work:", "**Before** (broken):", "It won't work:",
                                   "> **Warning:** the following example is wrong \u2014 the last quote never closes.",
                                   "Example of a broken poller:", "The following body is invalid:",
                                   # a new user's trial (helper-70)
                                   "Common mistake (copied from the Close.io default):", "Avoid:", "### Don't",
                                   # fresh pages (h216): a numbered mistake, the state before a fix, a reason
                                   # in parentheses saying it failed or has a bug
                                   "**Mistake #1:** the quote is never closed", "What we had before the fix:",
                                   "Our first attempt (it failed):",
                                   "Original snippet from the vendor docs (has a bug):",
                                   "2. Look at the poller's date window. Before (the quote was missing):",
                                   # a review (helper-69): a typographic apostrophe
                                   "**Don\u2019t:**", "This won\u2019t work:",
                                   # a false-alarm hunt (helper-82): Docusaurus' containers, a label with its reason
                                   ":::danger Wrong", ":::caution[Don't do this]", ":::warning Bad example {#bad}",
                                   "Don't do this: the date pattern does not compile.",
                                   "> [!WARNING]\n> Don't do this: the date pattern does not compile.",
                                   "**Avoid** \u2014 this fails at run time:",
                                   # three teams' repositories (helper-85)
                                   "This fails:", "Old (broken):", "**Incorrect** \u26a0\ufe0f", "What we had (broken):",
                                   "Here is the mistake:", "The Sage One docs show this (broken):",
                                   # a re-check (helper-86)
                                   "Never do this - it breaks paging:", "Never use this: it fails.",
                                   "This fails at run time:", "This also fails:", "Here is the broken config:",
                                   "What not to do:", "Wrong \u26a0\ufe0f - the quote never closes:",
                                   # documentation pages in many dialects (helper-88): the documented forms with more
                                   # after them, HTML and shortcode marks, more words
                                   "Warning: the following example is wrong and fails at run time:",
                                   "Example of a broken poller (the quote never closes):",
                                   "<details><summary>Wrong</summary>", ":x: Wrong", ":x:", "<p><strong>Wrong:</strong></p>",
                                   "<b>Wrong:</b>", "Wrong: (missing quote)", "Does not work:", "Doesn't work:",
                                   "Won't work:", "**Also wrong** \u2013 the quote never closes", "Old, broken:",
                                   "Buggy example:", "The wrong way:", "Fails with 400:",
                                   "- Pardot: the date macro used `YYYY` (week year). The old example was:",
                                   "The previous poller read:",
                                   # documentation pages (helper-103)
                                   "This example is wrong:", "Do not use:", "The documentation used to show this "
                                   "(broken) body:", "Here is the same with the hours wrong (this one is also wrong, "
                                   "do not copy):", "Example of what most people write first, which fails because the "
                                   "macro has no descriptor:", '**Incorrect example**\n\n</div>\n\n<div class="x">',
                                   # documentation pages (helper-118): a reason in parentheses, where it was seen,
                                   # "will fail", other languages
                                   "<details><summary>What we had first (does not work)</summary>",
                                   "<details><summary>Broken example from ticket 5521</summary>",
                                   "This will fail:", "Before the fix:", "**Incorrecto:**", "**Falsch:**",
                                   "\u9519\u8bef\u793a\u4f8b\uff1a", "<p><strong>Falsch:</strong></p>",
                                   # documentation pages (helper-126): more languages, a heading underlined, a
                                   # `Before` tab of Docusaurus, a fence's title
                                   "悪い例:", "間違った例：", "誤：", "変更前:", "NG例:", "잘못된 예:", "錯誤範例：",
                                   "Неправильно:", "Źle:", "Fel:", "Falsches Beispiel:", "Nicht so:", "So nicht:",
                                   "Beispiel, das nicht funktioniert:", "Vorher:", "Avant :", "Exemple incorrect :",
                                   "Mauvais exemple :", "À ne pas faire :", "Exemple qui ne fonctionne pas :",
                                   "Ejemplo incorrecto:", "Não faça isso:", "この設定は動きません:", '=== "Vorher (falsch)"',
                                   "Wrong\n-----", "> [!WARNING]\n> This example is broken; do not copy it.",
                                   "This is what NOT to do:", "Common mistake: forgetting the closing quote",
                                   "Here's the broken config we had in prod:",
                                   '<Tabs>\n<TabItem value="before" label="Before">',
                                   # helper-129: a label and what is wrong, a sentence forbidding what follows
                                   "**Wrong:** a date format with an unquoted T.",
                                   "Don't put `createdCheckTolerance` inside `datesConfiguration`, like this:",
                                   "Don't write the offset as `Z`, `z` or `X`, like this:",  # (helper-132)
                                   "誤った例：", "誤った設定：", "間違った設定:",  # (helper-188)
                                   "**Wrong:** lower-case `mm` for the month.", "- __Bad__: the month in lower case",
                                   "誤った例（月が小文字）：", "**誤り：** 月が小文字", "悪い例（動きません）:",
                                   "Without the escaping (this does not parse):",
                                   "Without the escaping (this does not work):",
                                   # h195: where the mistake was seen, after `Here is`
                                   "Here is the broken config from the ticket:", "Here's a wrong poller seen in prod:",
                                   # helper-208: a reason forbidding its use, a squared cross, a traffic light
                                   "Legacy format (do not use):", "Old body (don't use this):", "\u274e Wrong:",
                                   "\U0001f534 Wrong:",
                                   # helper-208's list: a courtesy before the order, a second verb after the mistake
                                   "Please don't do this:", "Please, never do this:",
                                   "This example is incorrect and will fail:", "This body is wrong and fails:"])
def test_a_block_labelled_as_a_mistake_is_neither_checked_nor_fixed(label):
    """A trial's false alarm: a page teaching a mistake failed, and `--fix` mended the "wrong" block."""
    right = _COUNTER.replace("'Z'}\"", "'Z'}'\"")
    page = f"# Quoting the macro\n\n{label}\n\n{_COUNTER}\n**✅ Right:**\n\n{right}"
    assert "CE620" not in {f.rule for f in check_page(right, path="p.md").findings}
    findings = check_page(page, path="p.md").findings
    assert not [f for f in findings if f.rule == "CE620"], findings


@pytest.mark.parametrize("label", ["The poller:", "Wrong formats are the most common mistake; this one is right:",
                                   "✅ Correct", "After the fix:", "A bad request returns 400, so send this:",
                                   "Before you start, create the instance:", "Set the interval; the platform says "
                                   "nothing when it is wrong:",
                                   # a review (helper-63): ordinary sentences and headings are no mistake's label
                                   "Don't forget to set the callback URL:", "Avoid polling too often; send this body:",
                                   "Don't forget to set the callback URL, like this:",
                                   # helper-130: advice, then the right way shown
                                   "Don't hard-code the secret, reference an environment variable like this:",
                                   "Never paste the key into the file; use a variable as below:",
                                   "Don't worry if your body looks like this:",
                                   "Please use this body:", "This example is correct and will work:",
                                   "Do not change the other keys; the full body looks like this:",
                                   "Don't hesitate to copy it, like this:",
                                   "Invalid values return 400. Send:", "Do not share this body, it holds your keys:",
                                   "not wrong:", "## Fixing broken pollers", "### Troubleshooting invalid dates",
                                   "## Common mistakes and how to avoid them", "## Don't miss events",
                                   "Bad request answers look like this; the body to send:", "Before: create the element.",
                                   "This works:", "The following example is right:", "An example of a working poller:",
                                   "Don't panic: this body is fine", "### Before",
                                   "The window was wrong. Send this instead:",
                                   # a review (helper-69): a mistake's word, then how to do it right
                                   "Bad request: make sure the body looks like this:", "Wrong \u2014 use this instead:",
                                   "Anti-pattern: polling every minute; do it like this:",
                                   # a container's type alone, or a title that is no mistake's label (helper-82)
                                   ":::danger", ":::tip Example", ":::note[The poller]",
                                   "Don't do this: use the macro instead:",
                                   "This fails over to the second region:", "The poller (broken into two parts):",
                                   # a review (helper-84): a word that starts a label, and advice, and titles
                                   "Never-ending sync:", "Avoid: missed records, this poller resumes where it left off.",
                                   ":::tip Before", ":::note Never", ":::info Before you start",
                                   "Fix for the paging (broken):", "Avoid: broken pagination, this poller pages by cursor:",
                                   # the block shown mended (helper-88)
                                   "Wrong (fixed):", "Broken poller (fixed):", "Before (now fixed):",
                                   "Example of a broken poller fixed:", ":white_check_mark: Right",
                                   # (helper-103's labels, nearly)
                                   "An example, which fails over to the second region:", "Do not use a webhook here:",
                                   "This example is right:", "Here is the same (the one we use):",
                                   # a review (helper-105): advice that names a broken example
                                   "The working poller, replacing the one that breaks:",
                                   "Use this instead of the (broken) example:", "Replace the URL that fails:",
                                   "Quote the date, unlike the old filter which fails at run time:",
                                   # (helper-118's languages, right)
                                   "**Richtig:**", "Correcto:", "\u6b63\u786e\u793a\u4f8b\uff1a", "Errata:",
                                   # (helper-126's languages: a condition is no label; a section titled before)
                                   "Wenn der Poller nicht funktioniert:", "Si no funciona, envíe:", "## Vorher",
                                   ":::note Vorher", "Richtig\n-------", "Abschnitt\n---------",
                                   # (a review, helper-127: advice and section titles that say something does not work)
                                   "Utilisez cette configuration si le poller ne fonctionne pas :",
                                   "## Fehlerbehebung: Der Poller funktioniert nicht", "## Mi poller no funciona",
                                   "Verwenden Sie diese Konfiguration, wenn der Standard nicht funktioniert:",
                                   "Here's the broken config we had, and the fix we applied:",
                                   "正しい例（本番環境）：", "設定例：", "With the escaping (this works):"])  # (helper-188)
def test_a_block_not_labelled_as_a_mistake_is_checked(label):
    page = f"# Events\n\n{label}\n\n{_COUNTER}"
    assert [f.rule for f in check_page(page, path="p.md").findings if f.rule == "CE620"] == ["CE620"]


@pytest.mark.parametrize("title", ["wrong.json", "❌ broken-poller.json", "invalid_poller.json"])
def test_a_fence_titled_as_a_mistake_is_not_checked(title):
    """Documentation pages (helper-126): a block's title in its fence named the file a mistake's."""
    block = _COUNTER.replace("```json", f'```json title="{title}"', 1)
    assert block != _COUNTER
    assert not [f for f in check_page(f"# Events\n\n{block}", path="p.md").findings if f.rule == "CE620"]
    plain = _COUNTER.replace("```json", '```json title="poller.json"', 1)
    assert [f.rule for f in check_page(f"# Events\n\n{plain}", path="p.md").findings if f.rule == "CE620"] == ["CE620"]


def test_directives_above_a_block_skip_it_or_ignore_rules_in_it():
    skipped = f"<!-- ce-validator: skip -->\n{_COUNTER}"
    assert not [f for f in check_page(skipped, path="p.md").findings if f.rule == "CE620"]
    above_label = f"<!-- ce-validator: skip -->\nThe poller:\n\n{_COUNTER}"
    assert not [f for f in check_page(above_label, path="p.md").findings if f.rule == "CE620"]
    assert {f.rule for f in check_page(_COUNTER, path="p.md").findings} == {"CE620", "CE412"}
    ignored = f"<!-- ce-validator: ignore CE620 -->\n\n{_COUNTER}"
    assert {f.rule for f in check_page(ignored, path="p.md").findings} == {"CE412"}
    by_prefix = f"<!-- ce-validator: ignore ce41 -->\n\n{_COUNTER}"
    assert {f.rule for f in check_page(by_prefix, path="p.md").findings} == {"CE620"}
    assert "CE620" in {f.rule for f in check_page(f"{_COUNTER}\n<!-- ce-validator: skip -->\n", path="p.md").findings}
    below_other = f"<!-- ce-validator: skip -->\n```json\n{{}}\n```\n{_COUNTER}"  # said of the block above
    assert "CE620" in {f.rule for f in check_page(below_other, path="p.md").findings}
    by_name = f"<!-- ce-validator: ignore ceql-unbalanced-quote -->\n\n{_COUNTER}"  # a rule's name (a review)
    assert {f.rule for f in check_page(by_name, path="p.md").findings} == {"CE412"}
    alone = check_page(f"Wrong:\n\n{_COUNTER}", path="p.md").findings  # said, not silently dropped
    assert [f.rule for f in alone] == ["CE090"] and "1 labelled as a mistake" in alone[0].message



def test_a_mistyped_code_in_an_ignore_directive_silences_no_family():
    """helper-167: `ignore CE62O` (a letter O) was read as the prefix `CE62` and `ignore CE6201` as `CE620`: a typo
    silenced a whole family of rules, unseen (the configuration refuses such an entry outright)."""
    for typo in ("CE62O", "CE6201", "CE6OO", "CE412x"):
        page = f"<!-- ce-validator: ignore {typo} -->\n\n{_COUNTER}"
        assert {f.rule for f in check_page(page, path="p.md").findings} == {"CE620", "CE412"}, typo
    listed = f"<!-- ce-validator: ignore CE620, ceql-empty-where: the docs' own typo -->\n\n{_COUNTER}"
    assert {f.rule for f in check_page(listed, path="p.md").findings} == {"CE412"}


def test_mdx_writes_its_directives_in_a_javascript_comment():
    """helper-152: MDX (Docusaurus 2 and 3) refuses an HTML comment, so a `.mdx` page could not say
    `<!-- ce-validator: skip -->`; its comment, `{/* ce-validator: skip */}`, was not read as the directive."""
    skipped = f"{{/* ce-validator: skip */}}\n{_COUNTER}"
    assert not [f for f in check_page(skipped, path="p.mdx").findings if f.rule == "CE620"]
    ignored = f"{{/*ce-validator: ignore CE620*/}}\n\n{_COUNTER}"
    assert {f.rule for f in check_page(ignored, path="p.mdx").findings} == {"CE412"}
    other = f"{{/* TODO: shorten this */}}\n{_COUNTER}"  # another comment says nothing of the block
    assert {f.rule for f in check_page(other, path="p.mdx").findings} == {"CE620", "CE412"}

def test_an_expansion_s_message_quotes_the_expansion_not_the_escape_after_it():
    """A trial (helper-64): `=\\'${gmtDate:yyyy-MM-dd}\\'` in a '...' body was quoted as `${gmtDate:yyyy-MM-dd}\\`."""
    body = ('{"element": {"key": "sageone"}, "name": "s", "configuration": {"event.poller.configuration": {"c": '
            '{"url": "/hubs/finance/customers?where=d>=\\\\\'${gmtDate:yyyy-MM-dd}\\\\\'", "idField": "id"}}}}')
    page = "```bash\ncurl -X POST https://x.example/instances -d '" + body + "'\n```\n"
    (hit,) = [f for f in check_page(page, path="p.md").findings if f.rule == "CE020"]
    assert "expands ${gmtDate:yyyy-MM-dd} outside" in hit.message, hit.message


_PS_BODY = ('{\n  "element": {"key": "sageone"},\n  "name": "s",\n  "configuration": {\n    "event.poller.configuration": '
            '{"customers": {"url": "/hubs/finance/customers?where=a>=\'${gmtDate:yyyy-MM-dd}\'", "idField": "id"}}\n'
            '  }\n}')


@pytest.mark.parametrize(("opening", "closing", "body", "codes"), [
    ("@'", "'@", _PS_BODY, set()),  # literal: as written
    ('@"', '"@', _PS_BODY, {"CE020"}),  # expanding: PowerShell takes the macro for a variable
    ('@"', '"@', _PS_BODY.replace("${gmtDate", "`${gmtDate"), set()),  # escaped with PowerShell's backtick
    ('@"', '"@', _PS_BODY.replace("${gmtDate", "`${gmtDate").replace('"name": "s"', '"name": "$env:INSTANCE_NAME"'),
     set()),  # a variable, substituted on purpose
])
def test_a_powershell_here_string_is_a_body(opening, closing, body, codes):
    """A trial (helper-64): PowerShell pages were skipped whole, and `@"..."@` loses the macro."""
    page = f"# Create\n\n```powershell\n$body = {opening}\n{body}\n{closing}\nInvoke-RestMethod -Method Post -Body $body\n```\n"
    findings = check_page(page, path="p.md").findings
    assert {f.rule for f in findings} & {"CE020", "CE006", "CE001"} == codes, findings
    assert "CE090" not in {f.rule for f in findings}
    if codes:
        (expanded,) = [f for f in findings if f.rule == "CE020"]
        line = page.splitlines()[expanded.line - 1]
        assert line[expanded.column - 1:].startswith("${gmtDate:yyyy-MM-dd}") and "@'...'@" in (expanded.help or "")


def test_a_powershell_body_s_mistake_is_found_where_it_is():
    broken = _PS_BODY.replace('"idField": "id"}}', '"idField": "id",}}')
    page = f"```ps1\n$b = @'\n{broken}\n'@\n```\n"
    (comma,) = [f for f in check_page(page, path="p.md").findings if f.rule == "CE002"]
    assert page.splitlines()[comma.line - 1][comma.column - 1] == ","
    assert [f.rule for f in check_page("```powershell\n$m = @\"\nHello $name\n\"@\n```\n", path="p.md").findings] == [
        "CE090"]


def test_a_rest_client_block_is_read_request_by_request():
    """A new user's trial (helper-70): a VS Code REST Client block (`@host = ...` variables, `###` separators) drew
    CE001 for its `@`, and the mistake of its third request went unseen."""
    body = _SAGE_BODY.replace('"name": "sage",', '"name": "sage", "bad": ,')
    page = ("# Requests\n\n```http\n@host = https://api.example/elements/api-v2\n@auth = User {{u}}, Organization {{o}}\n\n"
            "### List\nGET {{host}}/instances\nAuthorization: {{auth}}\n\n"
            "### Create\n# @name create\nPOST {{host}}/instances\nContent-Type: application/json\n\n" + _SAGE_BODY + "\n\n"
            "### Patch\nPATCH {{host}}/instances/{{id}}\nContent-Type: application/json\n" + body + "\n```\n")
    rules = [f.rule for f in check_page(page, path="p.md").findings]
    assert "CE001" in rules or "CE006" in rules  # the third request's broken body, read
    assert "CE026" in rules and rules.count("CE206") == 1, rules  # the second body read; the patch lacks its blank line
    first_body_line = page.splitlines().index(_SAGE_BODY.splitlines()[0]) + 1
    assert any(f.rule == "CE206" and f.line >= first_body_line for f in check_page(page, path="p.md").findings)


def test_a_template_s_unquoted_placeholder_is_read_as_its_value_and_a_jinja_template_is_left_alone():
    """A new user's trial (helper-70): `"refresh_interval": ${REFRESH_MINUTES},` in a page's template drew CE006 and
    hid the rest of the block; a block with `{% if %}` lines drew CE006 for them."""
    body = ('{\n  "element": {"key": "sageone"},\n  "name": {{ name }},\n  "configuration": {\n'
            '    "event.poller.refresh_interval": ${REFRESH_MINUTES},\n    "event.notification.callback.url": "hooks.acme.io"\n  }\n}')
    page = f"# Template\n\n```json\n{body}\n```\n"
    findings = check_page(page, path="p.md").findings
    assert "CE006" not in {f.rule for f in findings}, findings
    (scheme,) = [f for f in findings if f.rule == "CE202"]  # the mistake after the placeholders, at its place
    assert page.splitlines()[scheme.line - 1][scheme.column - 1:].startswith('"hooks.acme.io"')
    jinja = body.replace('    "event.poller.refresh_interval": ${REFRESH_MINUTES},\n',
                         "{% if prod %}\n    \"event.poller.refresh_interval\": \"5\",\n{% else %}\n"
                         "    \"event.poller.refresh_interval\": \"60\",\n{% endif %}\n")
    assert [f.rule for f in check_page(f"```json\n{jinja}\n```\n", path="p.md").findings] == ["CE090"]
    # a .json file is no template: its unquoted placeholder is still CE006
    from validator import check
    assert "CE006" in {f.rule for f in check(body)}


def test_data_raw_given_a_file_name_is_told_of_data_binary():
    """A review (helper-69): CE024 told `--data-raw instance.json` to write `@`, which `--data-raw` sends as it is."""
    page = _CURL + "  --data-raw instance.json\n```\n"
    (found,) = check_page(page, path="p.md").findings
    assert found.rule == "CE024" and found.fix is None and found.help == "write `--data-binary @instance.json`"


def test_a_transcript_s_blank_after_its_backslash_is_found_too():
    """A review (helper-69): in a `$ ` transcript, a line ending `\\ ` made the next line output: neither CE025 nor the
    CE024 of the option on it was found."""
    page = "```console\n$ curl -X POST https://api.example/instances \\ \n> -d instance.json\n```\n"
    assert [(f.rule, f.line) for f in check_page(page, path="p.md").findings] == [("CE025", 2), ("CE024", 3)]


_CE = "https://api.cloud-elements.com/elements/api-v2/instances"


@pytest.mark.parametrize(("command", "reported"), [
    (f"curl -X POST {_CE} -d @instance.json", True),
    (f"curl -X POST {_CE} \\\n  -H 'Authorization: User $U, Organization $O' \\\n  --data-binary '{{\"a\": 1}}'", True),
    (f"curl {_CE} --data-raw='[1]'", True),
    ('curl -X POST "$CE_URL/instances" -d @-', True),
    (f"curl -X POST {_CE} -H 'Content-Type: application/json' -d @instance.json", False),
    (f"curl -X POST {_CE} -d @instance.json -H 'content-type:application/json'", False),  # a header after the body
    (f"curl -X POST {_CE} -HContent-Type:application/json -d @instance.json", False),
    (f"curl -X POST {_CE} --json @instance.json", False),  # curl 7.82: the type set
    (f"curl -X POST {_CE} -H @headers.txt -d @instance.json", False),  # headers from a file: unknown
    (f'curl -X POST {_CE} -H "$JSON_HEADER" -d @instance.json', False),
    (f"curl -X POST {_CE} $CURL_OPTS -d @instance.json", False),
    (f"curl -K ce.curlrc {_CE} -d @instance.json", False),
    ('curl -X POST "$BASE" -d @instance.json', False),  # an address that may be anyone's
    ("curl -X POST https://example.com/hooks -d '{\"a\": 1}'", False),  # not the platform
    (f"curl {_CE} -d 'name=x&key=y'", False),  # a form
    (f"curl {_CE} -d @notes.txt", False),
    # a header naming another type (a trial, helper-71)
    (f"curl {_CE} -H 'Content-Type: application/x-www-form-urlencoded' -d @instance.json", True),
    (f'curl {_CE} -H "Content-Type: text/plain; charset=utf-8" -d @instance.json', True),
    (f"curl {_CE} -H 'Content-Type: application/vnd.api+json' -d @instance.json", False),
    (f'curl {_CE} -H "Content-Type: $CONTENT_TYPE" -d @instance.json', False),
    # a false-alarm hunt (helper-73): short options bundled (curl reads `-sH` as `-s -H`); the platform named only in
    # a body sent elsewhere
    (f"curl -sH 'Content-Type: application/json' {_CE} -d @instance.json", False),
    (f"curl -sSH 'Content-Type: application/json' -X POST {_CE} -d @instance.json", False),
    (f"curl -kH'Content-Type: application/json' {_CE} -d @instance.json", False),
    (f"curl -sd @instance.json {_CE}", True),
    ("curl -X POST https://api.github.com/repos/acme/ce/dispatches -d '{\"event_type\": \"deploy\", "
     "\"client_payload\": {\"url\": \"https://api.cloud-elements.com/elements/api-v2/instances\"}}'", False),
    (f"curl --url {_CE} -d @instance.json", True),
])
def test_a_json_body_without_its_content_type(command, reported):
    """CE027: `curl -d` sends a JSON body as a form unless a header says otherwise; the platform's API refuses it."""
    page = f"```bash\n{command}\n```\n"
    found = [f for f in check_page(page, path="p.md").findings if f.rule == "CE027"]
    assert bool(found) == reported, (command, found)
    if reported:
        assert found[0].severity == "warning" and found[0].fix is not None
        fixed = apply_fixes(page, found)[0]
        assert not [f for f in check_page(fixed, path="p.md").findings if f.rule == "CE027"], fixed


@pytest.mark.parametrize(("request_text", "reported"), [
    ("POST /elements/api-v2/instances HTTP/1.1\nAuthorization: User {{u}}, Organization {{o}}\n\n{\"a\": 1}", True),
    ("POST /elements/api-v2/instances HTTP/1.1\nAuthorization: x\nContent-Type: application/json\n\n{\"a\": 1}", False),
    ("POST /instances\n\n{\"a\": 1}", False),  # an outline: no header at all
    ("POST https://example.com/hooks\nAuthorization: x\n\n{\"a\": 1}", False),
    ("HTTP/1.1 200 OK\nX-Request: /instances\n\n{\"a\": 1}", False),  # a response
    ("POST /elements/api-v2/instances\nContent-Type: application/x-www-form-urlencoded\n\n{\"a\": 1}", True),
    ("POST /elements/api-v2/instances\nContent-Type: {{type}}\n\n{\"a\": 1}", False),
])
def test_an_http_request_with_a_json_body_and_no_content_type(request_text, reported):
    page = f"```http\n{request_text}\n```\n"
    found = [f for f in check_page(page, path="p.md").findings if f.rule == "CE027"]
    assert bool(found) == reported, (request_text, found)
    if reported:
        fixed = apply_fixes(page, found)[0]
        assert "Content-Type: application/json\n\n{" in fixed and "urlencoded" not in fixed


def test_a_blank_after_powershell_s_continuation_backtick():
    """A fresh trial (helper-71): `` ` `` and a space at a line's end ends the command (the shell's CE025); it passed."""
    page = ("```powershell\nInvoke-RestMethod -Method Post `\n  -Uri \"$ceBase/instances\" ` \n"
            "  -ContentType \"application/json\" `\n  -InFile .\\instance.json\n```\n")
    [found] = [f for f in check_page(page, path="p.md").findings if f.rule == "CE025"]
    assert (found.line, found.column) == (3, 28) and found.fix is not None and found.fix.applicability == "safe"
    fixed = apply_fixes(page, [found])[0]
    assert "` \n" not in fixed and not [f for f in check_page(fixed, path="p.md").findings if f.rule == "CE025"]
    here = "```powershell\n$body = @'\n{\"a\": \"x ` \n  -y\"}\n'@\n```\n"  # inside a here-string: text
    assert not [f for f in check_page(here, path="p.md").findings if f.rule == "CE025"]
    # a false-alarm hunt (helper-73): in a `<# ... #>` help comment, and in a string running over lines
    for text in ("<#\n.EXAMPLE\n  Invoke-Thing ` \n  -Path x\n#>\nGet-Date", "$note = \"line one ` \n-- two\"\nGet-Date",
                 "# a comment ` \n-Path x"):
        assert not [f for f in check_page(f"```powershell\n{text}\n```\n", path="p.md").findings
                    if f.rule == "CE025"], text


def test_unclosed_here_documents_and_here_strings_are_read_once():
    """A hostile-input hunt (helper-72): each of N unclosed `curl -d @- <<E` made a body running to the block's end
    (and each of N `@'` openings before one closing), so time and memory grew with N squared; the shell and
    PowerShell read what follows an unclosed opening as its text."""
    from validator.pages.powershell import powershell_bodies

    assert len(curl_bodies("curl -d @- <<E\n" * 2000)) == 1
    assert len(powershell_bodies("@'\n{\n" * 2000 + "'@\n")) == 1
    assert powershell_bodies("@'\n" * 2000) == []
    two = "curl -d @- <<'A'\n{\"a\": 1}\nA\ncurl -d @- <<'B'\n{\"b\": 2}\nB\n"
    assert [body.text for body in curl_bodies(two)] == ['{"a": 1}', '{"b": 2}']


@pytest.mark.parametrize("name", ["create.http", "Create.REST"])
def test_a_file_of_http_requests_is_read_as_one_http_block(name):
    """REST Client's and the JetBrains client's own files (`.http`, `.rest`): variables, `###` separators, comments,
    handlers and bodies read as in an http block (CE003 at `###` before), each body checked in place."""
    text = ("@host = https://api.cloud-elements.com\n\n### Create\n# @name create\nPOST {{host}}/elements/api-v2/instances\n"
            "Content-Type: application/json\n\n" + _SAGE_BODY + "\n\n> {%\n  client.global.set(\"id\", response.body.id);\n"
            "%}\n\n### Read it\nGET {{host}}/elements/api-v2/instances/{{id}}\n")
    found = check_page(text, path=name).findings
    assert [f.rule for f in found] == ["CE206"], found
    assert text.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    from validator.inputs import is_page

    assert is_page(name) and not is_page("create.json")


# A provisioning script's PowerShell body, sent with Invoke-RestMethod (`{body}`: the body)
_PS_SCRIPT = ("$body = @'\n{body}\n'@\nInvoke-RestMethod -Method Post -Uri "
              "https://api.cloud-elements.com/elements/api-v2/instances -ContentType 'application/json' -Body $body\n")


@pytest.mark.parametrize(("name", "script"), [
    ("create.sh", "#!/bin/sh\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
     "  -H 'Content-Type: application/json' \\\n  -d @- <<'JSON'\n{body}\nJSON\n"),
    ("Create.PS1", _PS_SCRIPT),
])
def test_a_script_named_on_the_command_line_is_read_for_its_bodies(name, script):
    """A provisioning script (`.sh`, `.ps1`) is read as one shell or PowerShell block: the body its curl or
    Invoke-RestMethod sends is checked in place (it was skipped as code); a script sending nothing to the platform
    is skipped with CE090 (info)."""
    text = script.replace("{body}", _SAGE_BODY)
    found = check_page(text, path=name).findings
    unexpanded = [f for f in found if f.rule == "CE028"]  # (`${K}` in `<<'JSON'`: sent as written, helper-128)
    assert len(unexpanded) == (4 if name.endswith(".sh") else 0), unexpanded
    found = [f for f in found if f.rule != "CE028"]
    assert [f.rule for f in found] == ["CE206"], found
    assert text.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    other = check_page("#!/bin/sh\nset -e\ncurl -s https://example.com/health\necho done\n", path=name).findings
    assert [(f.rule, f.severity) for f in other] == [("CE090", "info")], other


@pytest.mark.parametrize("name", ["instance.jsonc", "Instance.JSON5"])
def test_a_json_file_with_comments_is_read_as_its_language(name, tmp_path):
    """A `.jsonc` or `.json5` body (a new user's trial, helper-75): its `//` and `/* */` comments are its language's and
    read as spaces, so its own mistakes are reported in place (each comment was CE003, an error, and nothing else
    was checked); a mistake in its JSON is still an error; in a `.json` file a comment is still CE003."""
    import validator

    commented = ("// Sage One, polling every five minutes\n" + _SAGE_BODY.replace(
        '"name": "sage",', '/* the instance\'s name */ "name": "sage", // shown in the UI'))
    found = check_page(commented, path=name).findings
    assert [f.rule for f in found] == ["CE206"], found
    assert commented.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    path = tmp_path / name
    path.write_text(commented, encoding="utf-8")
    assert [f.rule for f in validator.check(path)] == ["CE206"]
    broken = commented.replace('"name": "sage",', '"name": "sage"')  # (a comma missing: the rest read around it)
    assert [f.rule for f in check_page(broken, path=name).findings if f.severity == "error"] == ["CE001", "CE206"]
    plain = tmp_path / "instance.json"
    plain.write_text(commented, encoding="utf-8")
    assert "CE003" in {f.rule for f in validator.check(plain)}


@pytest.mark.parametrize("name", ["seed.jsonl", "Seed.NDJSON"])
def test_a_json_lines_file_is_one_document_a_line(name, tmp_path):
    """A false-alarm hunt (helper-134): a `.jsonl` seed file named on the command line was CE001 ("a file holds one
    document"); each line is a body, and a line's own mistake leaves the others checked."""
    import validator

    good = '{"element": {"key": "closeio"}, "name": "a", "configuration": {"event.vendor.type": "webhok"}}'
    path = tmp_path / name
    path.write_text(good + "\n" + good.replace('"a"', '"b"').rstrip("}") + "\n", encoding="utf-8")
    assert [(f.rule, f.line) for f in validator.check(path)] == [("CE203", 1), ("CE001", 2)]


def test_a_requests_client_variables_are_filled_not_left():
    """`{{name}}` in the body of an http block or a `.http` file is the client's variable (REST Client, the JetBrains
    client), filled before it sends: not CE701 (an info line each, worded as unfilled); in a json block it still is."""
    body = _SAGE_BODY.replace('"${K}"', '"{{clientId}}"').replace('"sage"', '"{{instanceName}}"')
    request = "POST https://api.cloud-elements.com/elements/api-v2/instances\nContent-Type: application/json\n\n" + body
    for text, name in ((f"```http\n{request}\n```\n", "p.md"), (request, "create.http")):
        assert [f.rule for f in check_page(text, path=name).findings] == ["CE206"], name
    in_json = [(f.rule, f.severity) for f in check_page(f"```json\n{body}\n```\n", path="p.md").findings]
    assert in_json.count(("CE701", "info")) == 2, in_json


@pytest.mark.parametrize("header", ['!!! note "Create the instance"', "??? example", "???+ tip", '=== "curl"'])
def test_a_block_inside_an_admonition_or_a_tab_is_checked(header):
    """MkDocs' admonitions and content tabs (a false-alarm hunt, helper-77): a fenced block right under `!!! note` was
    read as the text of a paragraph, so a broken body in it went unreported; nested ones too."""
    body = _SAGE_BODY.replace("\n", "\n    ")
    page = f"# Events\n\n{header}\n    ```json\n    {body}\n    ```\n\nAfter.\n"
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    assert page.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    nested = f"{header}\n    !!! warning\n        ```json\n        {body.replace(chr(10), chr(10) + '    ')}\n        ```\n"
    found = check_page(nested, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    assert nested.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    prose = "!!! IMPORTANT: read this\n    Then the body:\n\n```json\n" + _SAGE_BODY + "\n```\n"
    assert [f.rule for f in check_page(prose, path="p.md").findings] == ["CE206"]


def test_what_documentation_tools_write_around_a_block_is_read_as_they_render_it(tmp_path):
    """A documentation-pages trial (helper-79): Jekyll's `{% highlight json %}` and a fence right under Docusaurus'
    `<TabItem>` were not read (a broken body went unreported), and `.mdx` pages were left out of a folder's walk."""
    jekyll = "# Events\n\n{% highlight json linenos %}\n" + _SAGE_BODY + "\n{% endhighlight %}\n"
    tabs = '<Tabs>\n<TabItem value="json" label="JSON">\n```json\n' + _SAGE_BODY + "\n```\n</TabItem>\n</Tabs>\n"
    for page, name in ((jekyll, "p.md"), (tabs, "p.mdx"), (tabs, "p.md")):
        found = check_page(page, path=name).findings
        assert [f.rule for f in found] == ["CE206"], (name, found)
        assert page.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    html = "<details>\n```json\n" + _SAGE_BODY + "\n```\n</details>\n"  # an HTML block, as CommonMark (GitHub) reads it
    assert [f.rule for f in check_page(html, path="p.md").findings] == ["CE090"]
    (tmp_path / "events.mdx").write_text(tabs, encoding="utf-8")
    from clirun import run_cli

    result = run_cli("check", "--no-cache", "--format", "concise", str(tmp_path))
    assert result.code == 1 and "events.mdx" in result.out and "CE206" in result.out, result


@pytest.mark.parametrize(("directive", "own_line"), [
    ("// highlight-next-line", True), ("/* highlight-next-line */", True), ("// highlight-start", True),
    ("# highlight-next-line", True), ("{/* highlight-end */}", True), ("// (1)!", False), ("// (12)!", False)])
def test_a_documentation_tools_directive_comment_is_not_a_json_comment(directive, own_line):
    """Docusaurus' `// highlight-next-line` (any comment style, on a line of its own) and MkDocs Material's annotation
    `// (1)!` (at a line's end) in a `json` block (helper-79, helper-80): the rendered page drops them, so the reader
    copies valid JSON; they drew CE003 (an error), which --fix removed.  What the tools leave in the page is still
    CE003: a highlight directive after a value, an annotation without its `!`, any other comment."""
    placed = f'  {directive}\n  "name": "sage",' if own_line else f'  "name": "sage", {directive}'
    body = _SAGE_BODY.replace('  "name": "sage",', placed)
    assert directive in body
    found = check_page(f"```json\n{body}\n```\n", path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    for kept in ('"name": "sage", // the name', '"name": "sage", // (1)', '"name": "sage", // highlight-next-line'):
        other = check_page("```json\n" + _SAGE_BODY.replace('"name": "sage",', kept) + "\n```\n", path="p.md").findings
        assert "CE003" in {f.rule for f in other}, kept
    request = ("```http\nPOST https://api.cloud-elements.com/elements/api-v2/instances\nContent-Type: application/json\n\n"
               + body + "\n```\n")
    assert [f.rule for f in check_page(request, path="p.md").findings] == ["CE206"]


@pytest.mark.parametrize("notation", ["// [!code ++]", "// [!code highlight]", "// [!code focus]", "/* [!code warning] */",
                                      "// [!code hl:2]", "// [!code error]"])
def test_a_shiki_notation_comment_is_not_a_json_comment(notation):
    """helper-208: VitePress (Shiki) marks a line with a comment it drops from the rendered page (`// [!code ++]`,
    `// [!code highlight]`); each drew CE003 (an error), which --fix removed.  A line marked `// [!code --]` is shown
    as removed: the body the reader copies is without it (its key is not a duplicate of the line that replaces it)."""
    body = _SAGE_BODY.replace('  "name": "sage",', f'  "name": "sage", {notation}')
    assert notation in body
    found = check_page(f"```json\n{body}\n```\n", path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    replaced = _SAGE_BODY.replace('  "name": "sage",', '  "name": "old", // [!code --]\n  "name": "sage", // [!code ++]')
    found = check_page(f"```json\n{replaced}\n```\n", path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    other = check_page("```json\n" + _SAGE_BODY.replace('"name": "sage",', '"name": "sage", // [!code]') + "\n```\n",
                       path="p.md").findings
    assert "CE003" in {f.rule for f in other}


def test_a_shell_or_powershell_variable_that_starts_a_value_is_a_reference():
    """helper-79: `"$CALLBACK_BASE/hooks"` in an unquoted heredoc and `"$env:CALLBACK_BASE/hooks"` in an `@"..."@`
    here-string drew CE202 (not an absolute URL); `${env:X}` there drew CE020 (PowerShell's own drive, expanded on
    purpose).  A poller macro in an `@"..."@` here-string is still CE020."""
    shell = ("```bash\ncurl -X POST \"$CE_API/instances\" -H \"Content-Type: application/json\" -d @- <<EOF\n{\"element\": {\"key\": \"egnyte\"}, \"name\": \"e\",\n"
             " \"configuration\": {\"event.notification.enabled\": true,\n"
             "  \"event.notification.callback.url\": \"$CALLBACK_BASE/hooks/egnyte\"}}\nEOF\n```\n")
    assert [f.rule for f in check_page(shell, path="p.md").findings if f.severity != "info"] == []
    powershell = ('```powershell\n$body = @"\n{"element": {"key": "egnyte"}, "name": "e",\n'
                  ' "configuration": {"event.notification.enabled": true,\n'
                  '  "event.notification.callback.url": "$env:CALLBACK_BASE/hooks/egnyte",\n'
                  '  "oauth.callback.url": "${env:CALLBACK_BASE}/oauth"}}\n"@\n```\n')
    assert [f.rule for f in check_page(powershell, path="p.md").findings if f.severity != "info"] == []
    macro = powershell.replace("${env:CALLBACK_BASE}/oauth", "https://x.example.com/${gmtDate:yyyy}")
    assert "CE020" in {f.rule for f in check_page(macro, path="p.md").findings}


def test_a_transcripts_printed_json_file_is_read():
    """helper-79: a `console` block showing the body as `$ cat instance.json`'s output, then sending it with
    `-d @instance.json`, was skipped; what is printed is the file.  Other output is not read."""
    page = ("```console\n$ cat instance.json\n" + _SAGE_BODY + "\n$ curl -X POST \"$CE_API/instances\" "
            "-H 'Content-Type: application/json' -d @instance.json\n{\"id\": 123}\n```\n")
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found] == ["CE206"], found
    assert page.splitlines()[found[0].line - 1][found[0].column - 1:].startswith('"x"')
    missing = "```console\n$ cat instance.json\ncat: instance.json: No such file or directory\n$ ls\n```\n"
    assert [f.rule for f in check_page(missing, path="p.md").findings] == ["CE090"]



def test_what_a_page_shows_inside_a_fence_is_not_read_as_the_tools_markup():
    """helper-78: a page showing an admonition's source in a ```` ```markdown ```` block had it opened, which closed
    the fence early (a false CE006 on the prose after, the next body's CE002 lost); `!!! IMPORTANT: ...` is no
    admonition (MkDocs reads `!!! type "title"`), and hid the indented block under it."""
    page = ("# Writing docs\n\n```markdown\n!!! note\n    ```json\n    {\"element\": {\"key\": \"sageone\"}}\n    ```\n```\n\n"
            "The body:\n\n```json\n" + _SAGE_BODY.replace('"name": "sage",', '"name": "sage",,') + "\n```\n")
    found = check_page(page, path="p.md").findings
    assert [f.rule for f in found if f.severity == "error"] == ["CE001"] or "CE006" not in {f.rule for f in found}, found
    assert not [f for f in found if f.line < 10], found
    prose = "!!! IMPORTANT: read this first\n\n    " + _SAGE_BODY.replace("\n", "\n    ") + "\n"
    assert [f.rule for f in check_page(prose, path="p.md").findings] == ["CE206"]


_BROKEN = '{"element": {"key": "sageone"}, "name": "x",\n "configuration": {"event.poller.refresh_interval": "15",}}'


@pytest.mark.parametrize("page", [
    # a fence indented four spaces inside a block that shows Markdown source does not close it
    "```markdown\n1. Post the body:\n\n    ```json\n    {}\n    ```\n```\n\n!!! note \"The body\"\n    ```json\n    BODY\n    ```\n",
    # a backtick fence's info string holds no backtick: prose quoting ```json``` opens no block
    "```json``` blocks are checked.\n\n!!! note \"The body\"\n    ```json\n    BODY\n    ```\n",
    # content indented by blanks and a tab to the fourth column; a new set of tabs (`===!`)
    "!!! note \"Body\"\n\t```json\n\tBODY\n\t```\n",
    "===! \"JSON\"\n    ```json\n    BODY\n    ```\n",
])
def test_admonition_content_is_found_as_mkdocs_reads_it(page):
    """A re-check of the day's page handling (helper-80): each of these pages had its body skipped (CE002 lost)."""
    page = page.replace("BODY", _BROKEN.replace("\n", "\n" + ("\t" if "\t```" in page else "    ")))
    assert "CE002" in {f.rule for f in check_page(page, path="p.md").findings}, page


@pytest.mark.parametrize("prompt", ["$", "me@box:~/ce$", "%", "PS C:\\ce>"])
def test_a_printed_file_ends_at_the_next_prompt(prompt):
    """helper-80: a transcript ending with an empty prompt (`me@box:~/ce$`) had the prompt read into the printed body
    (CE001); a PowerShell or cmd.exe prompt printing the file (`PS C:\\ce> Get-Content instance.json`) was not read."""
    command = "Get-Content instance.json" if prompt.startswith("PS") else "cat instance.json"
    first = prompt if prompt.startswith("PS") else "$"
    page = f"```console\n{first} {command}\n{_SAGE_BODY}\n{prompt}\n```\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE206"], page


@pytest.mark.parametrize("title", ['=== "Wrong"', '!!! failure "Wrong"', '!!! danger "Don\'t do this"',
                                   '<TabItem value="bad" label="Wrong">'])
def test_a_tab_or_admonition_titled_as_a_mistake_is_a_counter_example(title):
    """helper-80: a body under `=== "Wrong"` (or a `<TabItem label="Wrong">`) was checked and "fixed", where a
    `Wrong:` line above a block makes it a counter-example."""
    indent = "" if title.startswith("<") else "    "
    page = f"{title}\n{indent}```json\n{indent}{_BROKEN.replace(chr(10), chr(10) + indent)}\n{indent}```\n"
    found = check_page(page, path="p.mdx").findings
    assert [f.rule for f in found] == ["CE090"] and "labelled as a mistake" in found[0].message, found
    right = page.replace("Wrong", "Right").replace("Don't do this", "Right")
    assert "CE002" in {f.rule for f in check_page(right, path="p.mdx").findings}


@pytest.mark.parametrize(("opening", "closing"), [
    ('<Tabs>\n<Tab title="Wrong">', "</Tab>\n</Tabs>"),  # Mintlify
    ('<Admonition type="danger" title="Don\'t do this">', "</Admonition>"),  # Docusaurus
    ('<Accordion title="Wrong">\n<CodeGroup>', "</CodeGroup>\n</Accordion>"),
    ("<Tabs>\n<Tab label='Wrong'>", "</Tab>\n</Tabs>"),
])
def test_an_mdx_component_titled_as_a_mistake_holds_a_counter_example(opening, closing):
    """helper-201: only Docusaurus' `<TabItem label=...>` titled the blocks in it; under Mintlify's `<Tab title="Wrong">`
    or a Docusaurus `<Admonition title="Don't do this">` the counter-example was checked and "fixed"."""
    page = f"{opening}\n\n```json\n{_BROKEN}\n```\n\n{closing}\n"
    assert [f.rule for f in check_page(page, path="p.mdx").findings] == ["CE090"], page
    right = page.replace("Wrong", "Right").replace("Don't do this", "Tip")
    assert "CE002" in {f.rule for f in check_page(right, path="p.mdx").findings}, right
    # (a block after the component closes is checked)
    after = f"{page}\nThe body:\n\n```json\n{_BROKEN}\n```\n"
    assert "CE002" in {f.rule for f in check_page(after, path="p.mdx").findings}, after


@pytest.mark.parametrize("page", [
    # a self-closing tag titled so (a link card), above the body
    f'<Card title="Wrong" href="/troubleshooting" />\n\nThe body:\n\n```json\n{_BROKEN}\n```\n',
    # a self-closing tag inside a tab titled so: the tab's closing tag closes the tab, and the body after it is checked
    f'<Tab title="Wrong">\n<Badge text="old"/>\n\n```json\n{_BROKEN}\n```\n\n</Tab>\n\nThe body:\n\n```json\n{_BROKEN}\n```\n',
])
def test_a_self_closing_mdx_component_opens_nothing(page):
    """helper-204: a self-closing tag (`<Card title="Wrong" ... />`, `<Badge .../>`) was read as a component left open
    (its `/>` never seen): the bodies below it were counter-examples, unchecked, to the next heading."""
    assert "CE002" in {f.rule for f in check_page(page, path="p.mdx").findings}, page


@pytest.mark.parametrize(("opening", "closing"), [
    ('<Tabs>\n<TabItem value="bad" label="Don\'t">', "</TabItem>\n</Tabs>"),
    ('{% tabs %}\n{% tab title="Don\'t do this" %}', "{% endtab %}\n{% endtabs %}"),
])
def test_a_tab_title_holding_the_other_quote_is_read_whole(opening, closing):
    """helper-201: `<TabItem label="Don't">` was titled `Don` (the apostrophe ended it), so its counter-example was
    checked and "fixed" by --fix."""
    page = f"{opening}\n\n```json\n{_BROKEN}\n```\n\n{closing}\n"
    assert [f.rule for f in check_page(page, path="p.mdx").findings] == ["CE090"], page


@pytest.mark.parametrize(("opening", "closing", "indent"), [
    ('=== "\u274c Wrong"', "", "    "), ('!!! danger "Don\'t do this"', "", "    "), (":::danger Wrong", ":::", ""),
    ('<Tabs>\n  <TabItem value="wrong" label="Wrong">', "  </TabItem>\n</Tabs>", ""),
    ("<details>\n<summary>\u274c Wrong</summary>", "</details>", ""), ("<details><summary>Wrong</summary>", "</details>", ""),
    ('{% tabs %}\n{% tab title="Wrong" %}', "{% endtab %}\n{% endtabs %}", ""), (":::{danger} Wrong", ":::", ""),
    # (helper-208: Hugo's tab shortcodes, as Hugo Book, Docsy and Relearn write them)
    ('{{< tabs "poller" >}}\n{{< tab "Wrong" >}}', "{{< /tab >}}\n{{< /tabs >}}", ""),
    ('{{< tabpane >}}\n{{< tab header="Wrong" lang="json" >}}', "{{< /tab >}}\n{{< /tabpane >}}", ""),
    ('{{% tabs %}}\n{{% tab title="Wrong" %}}', "{{% /tab %}}\n{{% /tabs %}}", ""),
    ('{{< alert color="warning" title="Wrong" >}}', "{{< /alert >}}", ""), ('{{< details "Wrong" >}}', "{{< /details >}}", ""),
    ('{{% notice warning "Don\'t do this" %}}', "{{% /notice %}}", ""),
])
def test_a_block_in_a_container_titled_as_a_mistake_is_a_counter_example_below_a_sentence(opening, closing, indent):
    """helper-88: a title counted only when it was the line right above the fence; real pages put a sentence between
    (`The poller, as most people first write it:`), and the counter-example was checked and "fixed"."""
    block = _COUNTER.replace("\n", "\n" + indent).rstrip(" ")
    page = f"# Zoho\n\n{opening}\n\n{indent}The poller, as most people first write it:\n\n{indent}{block}\n{closing}\n"
    found = check_page(page, path="p.mdx").findings
    assert [f.rule for f in found] == ["CE090"], (page, found)
    # the same container titled right, or a block after it closes, is checked
    right = page.replace("\u274c Wrong", "\u2705 Right").replace("Wrong", "Right").replace("Don't do this", "Tip")
    assert "CE620" in {f.rule for f in check_page(right, path="p.mdx").findings}, right
    if closing:
        after = f"{page}\nThe poller:\n\n{_COUNTER}"
        assert "CE620" in {f.rule for f in check_page(after, path="p.mdx").findings}, after


@pytest.mark.parametrize("heading", ["### \u274c Incorrect", "### Wrong", "## Incorrect example ##",
                                     # (helper-208: in the plural, as a section of them is headed)
                                     "## Bad examples", "### Wrong bodies", "## Invalid URLs"])
def test_a_section_headed_as_a_mistake_holds_counter_examples_below_a_sentence(heading):
    """helper-201: `### ❌ Incorrect`, then a sentence saying what is wrong, then the block: only a heading right above
    the block made it a counter-example, so this one was checked and "fixed"."""
    page = f"# Dates\n\n{heading}\n\nThe quote after the date never closes:\n\n{_COUNTER}\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"], page
    # (the next section, a right label inside the section, and a question or a section of steps are checked)
    for checked in (f"{page}\n### \u2705 Correct\n\nThe same poller:\n\n{_COUNTER}\n",
                    page.replace("The quote after the date never closes:", "\u2705 Right:"),
                    page.replace(heading, "## Why are errors reported twice?"), page.replace(heading, "### Before"),
                    # (helper-204: a section on the vendor's answer, whose body under a sentence is one to check)
                    page.replace(heading, "## Bad Request (400)"), page.replace(heading, "### 400 Bad request")):
        assert "CE620" in {f.rule for f in check_page(checked, path="p.md").findings}, checked


@pytest.mark.parametrize(("opening", "closing"), [
    ('{% tabs %}\n{% tab title="Before" %}', "{% endtab %}\n{% endtabs %}"),
    ('{{< tabs "poller" >}}\n{{< tab "Before" >}}', "{{< /tab >}}\n{{< /tabs >}}"),
])
def test_a_before_tab_of_gitbook_or_hugo_is_a_counter_example(opening, closing):
    """helper-208: `=== "Before"` and `<TabItem label="Before">` hold a body's broken state, but GitBook's
    `{% tab title="Before" %}` was read as a section of steps, so its body was checked and "fixed"."""
    page = f"{opening}\n\n{_COUNTER}\n{closing}\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"], page


@pytest.mark.parametrize(("tab", "checked"), [('<TabItem value="wrong">', False), ("<TabItem value='before'>", False),
                                              ('<TabItem value="right">', True),
                                              ('<TabItem value="wrong" label="\u2705 Fixed">', True)])
def test_a_tab_item_without_a_label_is_titled_by_its_value(tab, checked):
    """helper-208: Docusaurus shows a `<TabItem>`'s value as its label when it has none; `<TabItem value="wrong">`
    was untitled, so its counter-example was checked and "fixed"."""
    page = f"<Tabs>\n{tab}\n\nThe poller:\n\n{_COUNTER}\n</TabItem>\n</Tabs>\n"
    assert ("CE620" in {f.rule for f in check_page(page, path="p.mdx").findings}) is checked, page


@pytest.mark.parametrize(("info", "checked"), [("json Wrong", False), ("json \u274c Don't", False),
                                               ("json Right", True), ("json showLineNumbers", True),
                                               ('json filename="wrong.json"', False), ('json filename="instance.json"', True)])
def test_a_fence_titled_after_its_language_as_a_mistake_is_a_counter_example(info, checked):
    """helper-208: Mintlify titles a block (a tab of a `<CodeGroup>`) with the words after its language
    (```` ```json Wrong ````), Nextra with `filename="..."`; neither was read, so the counter-example was checked."""
    page = f"<CodeGroup>\n{_COUNTER.replace('```json', '```' + info, 1)}</CodeGroup>\n"
    assert ("CE620" in {f.rule for f in check_page(page, path="p.mdx").findings}) is checked, page


@pytest.mark.parametrize("label", ["\u274c Wrong", "Don't", "Before"])
def test_a_vitepress_fence_label_titled_as_a_mistake_is_a_counter_example(label):
    """helper-208: VitePress titles a block of a code group in its fence (```` ```json [❌ Wrong] ````), as
    Docusaurus does with `title="..."`; the label was not read, so the counter-example was checked and "fixed"."""
    page = f"::: code-group\n\n{_COUNTER.replace('```json', f'```json [{label}]', 1)}\n:::\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"], page
    right = page.replace(f"[{label}]", "[\u2705 Right]")
    assert "CE620" in {f.rule for f in check_page(right, path="p.md").findings}, right


@pytest.mark.parametrize("line", ['{{< details "Wrong" >}}See the old page.{{< /details >}}',
                                  '{% tab title="Wrong" %}see the old page{% endtab %}'])
def test_a_shortcode_closed_on_its_own_line_holds_no_block_below(line):
    """helper-208: a Hugo or GitBook container opened and closed on one line was left open (its closing tag is read
    only on a line of its own), so every block below it was a counter-example, unchecked, to the next heading."""
    page = f"# Events\n\n{line}\n\nThe poller:\n\n{_COUNTER}"
    assert "CE620" in {f.rule for f in check_page(page, path="p.md").findings}, page


def test_a_right_label_inside_a_wrong_container_is_checked():
    page = f':::danger Wrong\n\n**\u2705 Right:**\n\n{_COUNTER}\n:::\n'
    assert "CE620" in {f.rule for f in check_page(page, path="p.md").findings}
    nested = f'!!! danger "Wrong"\n\n    === "Tab"\n\n        {_COUNTER.replace(chr(10), chr(10) + "        ")}\n'
    assert [f.rule for f in check_page(nested, path="p.md").findings] == ["CE090"]


@pytest.mark.parametrize("fence", ["```{code-block} json\n:caption: The poller\n:linenos:\n", "```{code} json\n",
                                   "```{sourcecode} json\n---\ncaption: x\n---\n"])
def test_a_myst_code_directive_is_a_block_of_its_language(fence):
    """helper-88: Sphinx MyST's ```` ```{code-block} json ```` was an unknown language, and its options made it no JSON."""
    page = f"# Events\n\n{fence}{_BROKEN}\n```\n"
    found = check_page(page, path="p.md").findings
    (trailing,) = [f for f in found if f.rule == "CE002"]
    assert page.splitlines()[trailing.line - 1][trailing.column - 1] == ","


@pytest.mark.parametrize("opening, closing", [("```{note}\n", "```"), ("````{admonition} Example\n:class: tip\n\n", "````"),
                                              ("~~~{tab-item} JSON\n", "~~~"), ("```{dropdown} Full body\n---\nopen: true\n---\n", "```")])
def test_a_block_inside_a_myst_directive_fenced_with_backticks_is_checked(opening, closing):
    """helper-173: MyST's directives written as fences (```` ```{note} ````, ```` ````{admonition} Title ````) hold
    Markdown, whose blocks Sphinx renders; their bodies were read as the directive's code and never checked."""
    inner = "~~~json" if opening[0] == "`" else "```json"
    page = f"# Events\n\n{opening}Post this:\n\n{inner}\n{_BROKEN}\n{inner[:3]}\n{closing}\n\nAfter.\n"
    (trailing,) = [f for f in check_page(page, path="p.md").findings if f.rule == "CE002"]
    assert page.splitlines()[trailing.line - 1][trailing.column - 1] == ","
    # one titled as a mistake holds a counter-example; one shown inside a `markdown` block is source
    wrong = page.replace("{note}", "{admonition} Wrong").replace("Example", "Wrong").replace("JSON", "Wrong") \
        .replace("Full body", "Wrong")
    assert [f.rule for f in check_page(wrong, path="p.md").findings] == ["CE090"]
    source = f"# Events\n\n`````markdown\n{page}`````\n"
    assert [f.rule for f in check_page(source, path="p.md").findings] == ["CE090"]


@pytest.mark.parametrize("above, checked", [
    ("> [!failure] Wrong\n> Here it is:\n>\n", False), ("> [!fail]\n>\n", False),
    ("> [!CAUTION] Broken: the quote never closes\n>\n", False), ("> [!WARNING]\n> Wrong:\n>\n", False),
    ("> [!CAUTION]\n> Do not copy this one, the quote never closes:\n>\n", False),
    ("> [!NOTE]\n> The poller:\n>\n", True), ("> [!TIP] Right\n>\n", True), ("> [!failure] Wrong\n> Broken.\n\nThe poller:\n\n", True)])
def test_a_callout_titled_as_a_mistake_holds_a_counter_example(above, checked):
    """helper-173: GitHub's alerts and Obsidian's callouts (`> [!failure] Wrong`) title the block quote they open, as
    an admonition does; `Do not copy this one, ...` labels a counter-example as `Don't copy this:` does.  A block
    after the quote has ended is no longer in it."""
    block = '```json\n{"customers": {"url": "/hubs/finance/customers?where=x>\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}\n```\n'
    quoted = block if above.endswith("\n\n") else "".join(f"> {line}\n" for line in block.splitlines())
    page = f"# Events\n\n{above}{quoted}"
    assert ("CE620" in {f.rule for f in check_page(page, path="p.md").findings}) is checked


@pytest.mark.parametrize("between", ["<!-- prettier-ignore -->", "<!-- markdownlint-disable-next-line MD040 -->",
                                     "{/* prettier-ignore */}", '<a name="wrong-example"></a>'])
def test_another_tools_comment_between_a_label_and_its_block_hides_neither(between):
    """helper-173: `Wrong:`, then `<!-- prettier-ignore -->` right above the block, made the comment the block's label,
    and the counter-example was checked; the rendered page drops the comment.  Our own directive there still counts."""
    block = '```json\n{"customers": {"url": "/hubs/finance/customers?where=x>\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}\n```\n'
    assert [f.rule for f in check_page(f"# x\n\nWrong:\n\n{between}\n{block}", path="p.md").findings] == ["CE090"]
    assert "CE620" in {f.rule for f in check_page(f"# x\n\nThe poller:\n\n{between}\n{block}", path="p.md").findings}
    ignored = check_page(f"# x\n\nThe poller:\n\n<!-- ce-validator: ignore CE412 -->\n{between}\n{block}", path="p.md")
    assert [f.rule for f in ignored.findings] == ["CE620"]


def test_a_readme_code_block_is_read_from_its_json_strings():
    """helper-173: ReadMe's `[block:code]` keeps each code in a JSON string (`"code": "{\\n  \\"element\\": ..."`); its
    bodies were never checked.  Each code is a block of its language, a finding placed at the page's characters
    (through the string's escapes), and no fix is made in the string (what it writes would need escaping)."""
    code = ('{\\n  \\"element\\": {\\"key\\": \\"sageone\\"},\\n  \\"name\\": \\"\\u00e9t\\u00e9\\",\\n  '
            '\\"configuration\\": {\\"event.poller.configuration\\": {\\"customers\\": {\\"url\\": '
            '\\"/hubs/finance/customers?where=d>=\'${gmtDate:yyyy-MM-dd}\\", \\"idField\\": \\"id\\"}}}\\n}')
    page = ("---\ntitle: Events\n---\nUse this body:\n\n[block:code]\n{\n  \"codes\": [\n    {\n"
            f'      "code": "{code}",\n      "language": "json"\n    }}\n  ]\n}}\n[/block]\n')
    findings = check_page(page, path="p.md").findings
    (quote,) = [f for f in findings if f.rule == "CE620"]
    assert (quote.line, quote.pointer.split("/")[1]) == (10, "L10")
    assert page.splitlines()[9][quote.column - 1:quote.column + 1] == "'$"
    assert apply_fixes(page, findings)[0] == page
    # shown as source in a fenced block, it is no block of its own
    assert "CE620" not in {f.rule for f in check_page(f"```markdown\n{page}```\n", path="p.md").findings}


def test_a_hugo_highlight_shortcode_is_a_block():
    """helper-88: Jekyll's `{% highlight json %}` was read, Hugo's `{{< highlight json >}}` was not."""
    for opening, closing in (('{{< highlight json "linenos=table" >}}', "{{< /highlight >}}"),
                             ("{{% highlight json %}}", "{{% /highlight %}}")):
        page = f"# Events\n\n{opening}\n{_BROKEN}\n{closing}\n"
        found = check_page(page, path="p.md").findings
        (trailing,) = [f for f in found if f.rule == "CE002"]
        assert page.splitlines()[trailing.line - 1][trailing.column - 1] == ","


def test_a_missing_comma_at_a_line_end_of_a_block_stays_on_its_line():
    """helper-88: in a page, CE001's place at a line's end ran to the next line (GitHub's annotation lost its column)."""
    body = '{\n  "a": {"url": "/hubs/crm/x", "idField": "id"}\n  "b": {"url": "/hubs/crm/y", "idField": "id"}\n}'
    (alone,) = [f for f in check_source(load_source(body)) if f.rule == "CE001"]
    (paged,) = [f for f in check_page(f"# x\n\n```json\n{body}\n```\n", path="p.md").findings if f.rule == "CE001"]
    assert (paged.line - 3, paged.column, paged.end_line - 3, paged.end_column) == \
        (alone.line, alone.column, alone.end_line, alone.end_column)


def test_jsx_nested_under_a_component_keeps_commonmarks_reading():
    """helper-80: `<Tabs>` blank made the `<TabItem>` indented four spaces under it an indented code block, read as a
    broken body (CE001 at `<`); only component tags right above a fence are read as MDX reads them."""
    page = ('<Tabs>\n    <TabItem value="json">\n        ```json\n        ' + _SAGE_BODY.replace("\n", "\n        ")
            + "\n        ```\n    </TabItem>\n</Tabs>\n")
    assert [f.severity for f in check_page(page, path="p.mdx").findings] == ["info"]


def test_fences_indented_under_tab_items_are_read_as_mdx_reads_them():
    """helper-152: Docusaurus tabs written without blank lines, each fence indented four spaces under its
    `  <TabItem>` (MDX has no indented code: a fence there is a fence), were not read at all (a broken body went
    unreported); with the tag lines blank, two tabs' fences made one indented block (CE001 at the second fence)."""
    body = _SAGE_BODY.replace("\n", "\n    ")
    page = ('<Tabs>\n  <TabItem value="json" label="JSON">\n    ```json\n    ' + body + '\n    ```\n  </TabItem>\n'
            '  <TabItem value="again" label="Again">\n    ```json\n    ' + body + "\n    ```\n  </TabItem>\n</Tabs>\n")
    for name in ("p.mdx", "p.md"):
        found = check_page(page, path=name).findings
        assert [f.rule for f in found] == ["CE206", "CE206"], (name, found)
        for finding in found:
            assert page.splitlines()[finding.line - 1][finding.column - 1:].startswith('"x"')
    listed = ('- Create it:\n  <TabItem value="json">\n    ```json\n    ' + body + '\n    ```\n  </TabItem>\n'
              '  <TabItem value="again">\n    ```json\n    ' + body + "\n    ```\n  </TabItem>\n- Then save the token.\n")
    found = check_page(listed, path="p.mdx").findings
    assert [f.rule for f in found] == ["CE206", "CE206"], found
    assert all(listed.splitlines()[f.line - 1][f.column - 1:].startswith('"x"') for f in found)
    # an indented block going on past the closing fence (`    </TabItem>`) ends at it; tags indented by a tab keep
    # CommonMark's reading (a comment there would be indented code: CE001 at `<` was said)
    deep = page.replace("  </TabItem>", "    </TabItem>")
    assert [f.rule for f in check_page(deep, path="p.mdx").findings] == ["CE206", "CE206"]
    for tabbed in (page.replace("  <TabItem", "\t<TabItem"), page.replace("\n    ", "\n\t\t").replace("  <", "\t<")):
        assert [f.severity for f in check_page(tabbed, path="p.mdx").findings] == ["info"], tabbed


@pytest.mark.parametrize(("name", "script"), [
    ("create.sh", "curl -X POST https://api.cloud-elements.com/elements/api-v2/instances -H 'Content-Type: "
     "application/json' -d @- <<'JSON'\n{body}\nJSON\n"),
    ("Create.ps1", _PS_SCRIPT),
])
def test_a_scripts_broken_body_is_reported(name, script):
    """Read-through: a script's documents have the script's path, and the code files' skip (a `.sh` file not valid JSON
    is shell code, CE090) took each broken body for code and dropped it silently; scripts read as one block are not
    code files."""
    from validator.inputs import CODE_SUFFIXES, ONE_BLOCK_SUFFIXES

    broken = _SAGE_BODY.replace('"name": "sage",', '"name": "sage",,')
    found = check_page(script.replace("{body}", broken), path=name).findings
    assert "CE001" in {f.rule for f in found}, found
    assert not set(CODE_SUFFIXES) & set(ONE_BLOCK_SUFFIXES)


_BROKEN_INTERVAL = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "abc"}}'


@pytest.mark.parametrize("page", [
    '# Patch\n\n```json\n{\n  "configuration": {\n    ...,\n    "event.poller.refresh_interval": "15"\n  }\n}\n```\n',
    f"```\nPOST /elements/api-v2/instances\nContent-Type: application/json\n\n{_BROKEN_INTERVAL}\n```\n",
    f"```json\n{{% if prod %}}\n{_BROKEN_INTERVAL}\n{{% endif %}}\n```\n",
    f'```json\n// highlight-next-line\n{_BROKEN_INTERVAL}\n```\n',
    f"```bash\ncurl -X POST https://x.example/instances -d @- <<'EOF'\n{_BROKEN_INTERVAL}\nEOF\n```\n",
    f"```console\n$ cat instance.json\n{_BROKEN_INTERVAL}\n$ \n```\n",  # an empty prompt (helper-86)
])
def test_a_page_saved_with_crlf_line_ends_reads_as_with_lf(page):
    """A trial of three teams' repositories (helper-85): a line that is only `...` was skipped with LF line ends and
    CE001 with CRLF; so was an untagged HTTP request's body (its request line unread)."""
    lf = [(f.rule, f.line, f.column) for f in check_page(page, path="p.md").findings]
    crlf = [(f.rule, f.line, f.column) for f in check_page(page.replace("\n", "\r\n"), path="p.md").findings]
    assert crlf == lf and "CE001" not in {rule for rule, _, _ in lf}, (lf, crlf)


def test_the_containers_a_block_is_in_are_read_in_one_pass_of_bounded_depth():
    """The titles of the containers around each block come from one pass down the page (a first version looked back
    200 lines for each block); a page of thousands of unclosed `<details>` keeps at most a few of them, not all (each
    line would carry them all: 15 s for 3,000)."""
    from validator.pages.markdown import _DEEPEST_CONTAINER, _container_titles

    lines = ["<details>\n", "<summary>x</summary>\n", "\n", "Text:\n", "\n", "```json\n", "{}\n", "```\n"] * 3000
    titles = _container_titles(lines)
    assert len(titles) == len(lines) and max(map(len, titles)) == _DEEPEST_CONTAINER
    nested = ['!!! danger "Wrong"\n', "\n", '    === "Tab"\n', "\n", "        ```json\n", "        {}\n",
              "        ```\n", "\n", "Outside\n"]
    assert _container_titles(nested)[4] == ("Tab", "Wrong") and _container_titles(nested)[8] == ()


# ---------------------------------------------------------------------------------------------
# HTML code blocks


_PRE_BODY = ('{"element": {"key": "sageone"}, "name": "x", "configuration": {"oauth.api.key": "k", '
             '"oauth.api.secret": "${S}", "signature.secret": "${T}", "apim.subscription.key": "${U}", '
             '"event.poller.refresh_interval": "fifteen"}}')


@pytest.mark.parametrize("opening, closing", [
    ('<pre><code class="language-json">', "</code></pre>"),
    ('<pre class="code"><code class="hljs json">', "</code></pre>"),
    ('<pre lang="json">', "</pre>"),
    ("<pre>\n", "\n</pre>"),
])
def test_an_html_code_block_is_checked_at_its_page_place(opening, closing):
    """A page exported from a wiki, or written in HTML, holds its bodies in `<pre>`: entities stand for their
    characters (`&quot;`), a highlighter's tags are left out, and a finding is on the page's own character."""
    import html

    escaped = html.escape(_PRE_BODY, quote=True).replace("&#x27;", "&#39;")
    highlighted = escaped.replace("&quot;name&quot;", '<span class="hljs-attr">&quot;name&quot;</span>')
    page = f"# Instances\n\n<p>Create one:</p>\n{opening}{highlighted}{closing}\n"
    found = [(f.rule, f.line, f.column, f.end_column) for f in check_page(page, path="p.md").findings]
    line = page.split("\n").index(next(x for x in page.split("\n") if "fifteen" in x)) + 1
    column = page.split("\n")[line - 1].index("&quot;fifteen&quot;") + 1
    assert found == [("CE206", line, column, column + len("&quot;fifteen&quot;"))], found


def test_html_blocks_that_hold_no_body_or_a_labelled_mistake_say_nothing():
    page = ("# Layout\n\n<pre>\nmy-repo/\n  instances/\n    sageone.json\n</pre>\n\n"
            "<pre><code>$ ce-validator check instances/\nFound 0 errors\n</code></pre>\n\n"
            "<p><strong>Wrong:</strong></p>\n<pre><code class=\"language-json\">"
            + html_escaped(_PRE_BODY) + "</code></pre>\n")
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"]


def html_escaped(text: str) -> str:
    import html

    return html.escape(text, quote=True)


@pytest.mark.parametrize("command", [
    "INSTANCE=$(curl -s -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
    "  -H 'Content-Type: application/json' \\\n  -d '{BODY}')\necho \"$INSTANCE\" | jq .id",
    "ID=`curl -s -H 'Content-Type: application/json' -d '{BODY}' https://x/instances`",
    "echo \"$(curl -s -H 'Content-Type: application/json' -d '{BODY}' https://x/instances | jq -r .id)\"",
])
def test_a_curl_command_inside_a_command_substitution_has_its_body_checked(command):
    """`ID=$(curl ... -d '{...}')` keeps the instance's id: the command inside is curl's, and so is its body."""
    body = '{"element": {"key": "sageone"}, "name": "x)", "configuration": {"event.poller.refresh_interval": "ten"}}'
    page = "# Create\n\n```bash\n" + command.replace("{BODY}", body) + "\n```\n"
    findings = [f for f in check_page(page, path="p.md").findings if f.rule == "CE206"]
    assert len(findings) == 1, findings
    line = page.split("\n")[findings[0].line - 1]
    assert line[findings[0].column - 1:findings[0].end_column - 1] == '"ten"'



@pytest.mark.parametrize("label", ["## Why are errors reported twice?\n", "Why does the poller fail to pick up deletes?\n",
                                   # helper-173: what makes more labels of a mistake leaves these alone
                                   "The following works:\n", "Fix the failing example like this:\n",
                                   "Failing tests are listed below:\n", "The body (broken: use the one below instead):\n",
                                   # helper-201: a pitfall's advice, or a section of them, leaves the body checked
                                   "Pitfall: the date must be quoted, like this:\n", "## Common pitfalls\n",
                                   "This will break if you omit the quote, so write:\n",
                                   # helper-201's list: `-free` says the block holds none
                                   "Mistake-free example:\n", "Pitfall-free:\n", "Error-free config:\n",
                                   "A bug-free poller:\n",
                                   # h219: a hyphen joining a word is no dash before a reason (`Wrong - ...`)
                                   "## Mistake-proofing your setup\n", "**Mistake-proofing:**\n",
                                   "## Bad-request handling\n", "The following example is wrong-headed\n"])
def test_a_question_heading_a_section_or_a_paragraph_leaves_the_block_checked(label):
    """A review (helper-137): an FAQ's question as a heading or a paragraph above a body skipped it; only a container's
    title (`<summary>Why do I get 400 with this body?</summary>`) labels a counter-example so."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    page = f"# FAQ\n\n{label}\n```json\n{body}\n```\n"
    assert "CE206" in {f.rule for f in check_page(page, path="p.md").findings}


@pytest.mark.parametrize("label", ["<details><summary>Example that does not work</summary>\n",
                                   "This one **won't work** either:\n", '!!! failure "Broken: the date has no quotes"\n',
                                   # a false-alarm hunt (helper-134)
                                   "The following will fail:\n", "This is wrong because Denver is not UTC:\n",
                                   "Incorrect \u2014\n", "What we had (fails with 400):\n", "Erroneous example:\n",
                                   "Example with the bug:\n", "\u041e\u0448\u0438\u0431\u043a\u0430:\n",
                                   "<details><summary>Why do I get 400 with this body?</summary>\n",
                                   # helper-173
                                   "The following won't work:\n", "Typical mistake:\n", "Failing example:\n",
                                   "The platform rejects this:\n", "The API refuses it with a 400:\n",
                                   "Invalid JSON (trailing comma):\n",
                                   "A version someone pasted in Slack (broken: the `'` inside end the shell string):\n",
                                   # helper-201
                                   "Common pitfall:\n", "**Pitfall**\n", "This will break:\n",
                                   "Original (buggy) config:\n",
                                   # h224: a negation, a dash before the mistake's word, a rejection
                                   "**NOT like this** (missing quotes around the date):\n",
                                   "**Not like this:** the date is not quoted.\n", "Not working example:\n",
                                   "Non-working example:\n", "Example - broken:\n",
                                   "The following body will be rejected:\n", "This request is rejected with a 400:\n"])
def test_more_labels_of_a_counter_example_leave_it_unchecked(label):
    """helper-92, helper-134: these labels, which the documented ones resemble, left the block below them checked."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    indent = "    " if label.startswith("!!!") else ""
    page = f"# Pollers\n\n{label}\n{indent}```json\n{indent}{body}\n{indent}```\n"
    assert [f.rule for f in check_page(page, path="p.md").findings if f.rule != "CE090"] == []
    right = page.replace(label, "A working example:\n")
    assert "CE206" in {f.rule for f in check_page(right, path="p.md").findings}


@pytest.mark.parametrize("label", ["The API refuses it with a 400 when the key is missing; send this instead:\n",
                                   "The platform rejects it with an error unless you use this body:\n"])
def test_what_the_platform_rejects_then_advice_labels_a_body_to_copy(label):
    """`The API refuses it with a 400:` labels a counter-example; with advice after it (`...; send this instead:`) the
    block below is the body to copy, and its mistakes are reported."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    page = f"# Pollers\n\n{label}\n```json\n{body}\n```\n"
    assert "CE206" in {f.rule for f in check_page(page, path="p.md").findings}


def _lines_run(name: str, call: Callable[[], object]) -> int:
    """How many lines of the functions named ``name`` run during ``call()`` (counted, not timed)."""
    import sys

    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_name == name else None

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def test_many_elisions_are_read_in_linear_time():
    """Each `...` line looked back over every line blanked before it for a comma to drop: 6,000 of them (24 KB) took
    24 s, 200 KB of `... more keys` lines two minutes. Twice the lines now run twice the reading's lines, not four
    times (counted, not timed)."""
    def page(lines: int) -> str:
        return "# x\n\n```json\n{\n  \"a\": 1,\n" + "  ... more keys\n" * lines + "}\n```\n"

    runs = [_lines_run("comma_before_a_close", lambda n=n: check_page(page(n), path="p.md")) for n in (300, 600)]
    assert runs[1] < 2.2 * runs[0], runs
    assert [f.rule for f in check_page(page(13_000), path="p.md").findings if f.rule != "CE090"] == []


def test_a_body_that_elides_with_a_comment_is_a_fragment():
    """helper-92: `// ...` in a `json` block was CE003, an error, where `...` alone makes the block a fragment."""
    page = ('# x\n\n```json\n{\n  "element": {"key": "sageone"},\n  // ... other keys\n  "configuration": {\n'
            '    /* ... */\n    "event.vendor.type": "webhook"\n  }\n}\n```\n')
    assert [f.rule for f in check_page(page, path="p.md").findings if f.rule != "CE090"] == []
    # (a comment that says nothing is left out; `// the other keys` elides, as helper-126's pages write it)
    commented = page.replace("... other keys", "see the element docs").replace("/* ... */", "/* none */")
    assert "CE003" in {f.rule for f in check_page(commented, path="p.md").findings}
    # a false-alarm hunt (helper-134): what the page showed earlier, named (`// oauth keys and event keys as above`)
    referred = page.replace("... other keys", "oauth keys and event keys as above").replace("/* ... */", "")
    assert [f.rule for f in check_page(referred, path="p.md").findings if f.rule != "CE090"] == []


def test_a_substitution_in_a_comment_or_single_quotes_is_no_command_and_a_nested_one_is():
    """helper-94: `$(...)` in a `#` comment, in `echo '...'` or in the body's own JSON string was read as a command
    (four CE024 errors, and --fix wrote into the comment and the string); `$(echo $(curl ...))` was not read."""
    url = "https://api.cloud-elements.com/elements/api-v2/instances"
    page = ("# x\n\n```bash\n# To debug, run ID=$(curl -d body.json " + url + ") by hand\n"
            "echo 'ID=$(curl -d body.json " + url + ")'\n"
            "curl -X POST -H 'Content-Type: application/json' " + url + " -d '{\"name\": \"run `curl -d x.json u` "
            "here\", \"element\": {\"key\": \"hubspot\"}, \"configuration\": {}}'\n```\n")
    assert [f.rule for f in check_page(page, path="p.md").findings if f.severity == "error"] == []
    nested = ("# x\n\n```bash\nOUT=$(echo $(curl -X POST -H 'Content-Type: application/json' " + url + " -d "
              "'{\"element\": {\"key\": \"hubspot\"}, \"name\": \"y\", \"configuration\": "
              "{\"event.poller.refresh_interval\": \"y\"}}'))\n```\n")
    assert "CE206" in {f.rule for f in check_page(nested, path="p.md").findings}


def test_an_html_code_block_in_a_quote_or_a_comment_is_left_and_a_comparison_is_no_tag():
    """helper-94: a `<pre>` in a block quote kept its `>` markers (a false CE001), one commented out was checked, and
    `a <= b` ... `c >= d` was taken for a tag and left out with everything between."""
    quoted = ('# x\n\n> <pre><code class="language-json">\n> {"element": {"key": "hubspot"}, "name": "a", '
              '"configuration": {"event.poller.refresh_interval": 5}}\n> </code></pre>\n')
    assert [f.rule for f in check_page(quoted, path="p.md").findings if f.severity == "error"] == []
    commented = ('# x\n\n<!--\n<pre><code class="language-json">\n{"element": {"key": "hubspot"}, "name": "c", '
                 '"configuration": {"event.poller.refresh_interval": "old"}}\n</code></pre>\n-->\n')
    assert [f.rule for f in check_page(commented, path="p.md").findings if f.rule != "CE090"] == []
    compared = ('# x\n\n<pre><code class="language-json">{"a": {"url": "/hubs/crm/contacts?where=count <= 5"},\n'
                ' "b": {"url": "/hubs/crm/deals?where=amount >= 100", "idField": 7}}</code></pre>\n')
    found = [(f.pointer, f.line) for f in check_page(compared, path="p.md").findings if f.severity != "info"]
    assert any(pointer.endswith("/b/idField") and line == 4 for pointer, line in found), found


@pytest.mark.parametrize("label", [
    "Wrong value: set it to a whole number of minutes, as below:", "Bad config: add `idField` to every resource:",
    "Invalid value: write the interval in minutes:", "Incorrect format: replace the space with %20 and quote the date:",
    "### Broken: connections after the 2.4 upgrade", "Broken URL: percent-encode the quotes, as in this body:",
    "Wrong value - fix it as below:",
    # (helper-188: a label in bold, then what to do)
    "**Wrong value:** set it to a whole number of minutes, as below:",
    "**Broken URL:** percent-encode the quotes, as in this body:", "**Invalid:** the interval below is in minutes:",
])
def test_a_label_that_gives_the_fix_or_titles_a_section_leaves_the_block_checked(label):
    """helper-94: `Broken: <reason>` was taken for a counter-example's label whatever the reason said, so a label giving
    the fix (and a section's heading) left a body with a real mistake unchecked."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    page = f"# Pollers\n\n{label}\n\n```json\n{body}\n```\n"
    assert "CE206" in {f.rule for f in check_page(page, path="p.md").findings}


@pytest.mark.parametrize("page", [
    "<details>\n<summary>Wrong: a callback on localhost</summary>\n\n```json\n{BODY}\n```\n</details>\n",
    '=== "Before (broken)"\n\n    ```json\n    {BODY}\n    ```\n\n=== "After"\n\n    ```json\n    {GOOD}\n    ```\n',
    "```json\n// Wrong: the callback is the machine itself\n{BODY}\n```\n",
    "```bash\n# Wrong: the shell eats the quotes around the macro\ncurl -X POST https://api.cloud-elements.com/"
    "elements/api-v2/instances -H 'Content-Type: application/json' -d '{BODY}'\n```\n",
])
def test_a_counter_example_titled_or_labelled_in_its_own_first_line_is_left(page):
    """helper-98: `<summary>Wrong: reason</summary>`, a `Before (broken)` tab and a block whose first line is a comment
    calling it wrong were checked (CE210, CE020 errors)."""
    body = ('{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.notification.enabled": true, '
            '"event.notification.callback.url": "http://localhost:8080/events"}}')
    good = body.replace("http://localhost:8080", "https://acme.example")
    text = "# Events\n\n" + page.replace("{BODY}", body).replace("{GOOD}", good)
    assert [f.rule for f in check_page(text, path="p.md").findings if f.severity == "error"
            and f.rule in ("CE210", "CE202", "CE020")] == []


def test_a_header_folded_onto_an_indented_line_is_one_header_not_a_body():
    """helper-100: CE026's fix wrote a blank line between `Authorization: User x,` and its indented continuation, which
    then read as the body (and its organization secret was printed in CE006's excerpt)."""
    page = ("POST https://api.cloud-elements.com/elements/api-v2/instances\nAuthorization: User Zq1541kX7vW2pR9tLmN4,\n"
            "    Organization 7f3a9c2e4b6d8f0a1c3e5b7d9f1a3c5e\nContent-Type: application/json\n\n"
            '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}\n')
    rules = {f.rule for f in check_page(page, path="create.http").findings}
    assert "CE026" not in rules and "CE006" not in rules and "CE206" in rules, rules


_SHELLED = ("curl -X POST \"$CE/instances\" -H 'Content-Type: application/json' "
            "-d '{\"a\": {\"url\": \"/hubs/crm/a?where=x>'${gmtDate:yyyy-MM-dd}'\", \"idField\": \"id\"}}'")


@pytest.mark.parametrize("page", [
    "```\n" + _SHELLED + "\n```\n",  # a bare fence
    "```text\n" + _SHELLED + "\n```\n",
    "```\n$ " + _SHELLED + "\n```\n",  # a terminal's prompt
    "Run:\n\n    export CE=https://api.cloud-elements.com/elements/api-v2\n    " + _SHELLED + "\n",
    "Run:\n\n    # create the instance\n    " + _SHELLED + "\n",
])
def test_a_curl_command_in_a_block_naming_no_shell_is_read_as_one(page):
    """helper-103: a curl command in a bare or `text` fence, or in an indented block whose first line is not the
    command (an `export`, a comment), was read as JSON: CE006 for `curl` and the body's CE020 lost."""
    findings = check_page(page, path="p.md").findings
    (hit,) = [f for f in findings if f.rule == "CE020"]
    line = page.splitlines()[hit.line - 1]
    assert line[hit.column - 1:].startswith("'${gmtDate") and "CE006" not in {f.rule for f in findings}


def test_xhtml_breaks_in_a_pre_and_a_response_in_a_text_block_are_not_bodies_gone_wrong():
    """helper-103: `<br/>` in a `<pre>` was CE006 (an unfilled placeholder); an error response shown in a `text`
    block (`HTTP/1.1 400 Bad Request` above its JSON) was CE006 for `HTTP`."""
    pre = '<pre>{<br/>  "a": {"url": "/hubs/crm/a", "idField": "id"}<br/>}</pre>\n'
    assert not [f for f in check_page(pre, path="p.md").findings if f.severity == "error"]
    response = '```text\nHTTP/1.1 400 Bad Request\n{"message": "event.poller.configuration is invalid"}\n```\n'
    assert [f.rule for f in check_page(response, path="p.md").findings] == ["CE090"]


def test_data_raw_given_a_file_with_an_at_sends_the_name():
    """helper-103: `--data-raw @instance.json` was silent, while `-d instance.json` is CE024: `--data-raw` never
    reads a file; the fix writes `--data-binary`."""
    page = '```bash\ncurl -X POST "$CE/instances" -H "Content-Type: application/json" \\\n  --data-raw "@instance.json"\n```\n'
    (hit,) = check_page(page, path="p.md").findings
    assert (hit.rule, hit.line, hit.column) == ("CE024", 3, page.splitlines()[2].index("@") + 1)
    mended = apply_fixes(page, [hit])[0]
    assert mended == page.replace("--data-raw", "--data-binary")
    assert [f.rule for f in check_page(mended, path="p.md").findings] == ["CE090"]  # the file is not in the page


@pytest.mark.parametrize("opening", ["cat > body.json <<'EOF'", "cat <<'EOF' > instances/body.json", "tee body.json <<'EOF' >/dev/null",
                                     "cat >> \"$DIR/body.json\" <<'EOF'"])
def test_a_here_document_written_to_a_json_file_is_a_body(opening):
    """helper-103: a body written to a file first (`cat > body.json <<'EOF'`, `tee`), then sent with
    `curl -d @body.json`, was not read; in an indented block one blank too deep, its end line is shifted too."""
    body = '{"j2": {"url": "/hubs/crm/j?where=updated>\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}'
    curl = "curl -X POST \"$CE/instances\" -H 'Content-Type: application/json' -d @body.json"
    for page in (f"```bash\n{opening}\n{body}\nEOF\n{curl}\n```\n",
                 f"1. Write it:\n\n        {opening}\n        {body}\n        EOF\n        {curl}\n"):
        (hit,) = [f for f in check_page(page, path="p.md").findings if f.severity == "error"]
        line = page.splitlines()[hit.line - 1]
        assert hit.rule == "CE620" and line[hit.column - 1] == "'" and line.lstrip().startswith("{")
    echoed = f"```bash\ncat > notes.txt <<'EOF'\n{body}\nEOF\n```\n"  # not a JSON file: not a body
    assert not [f for f in check_page(echoed, path="p.md").findings if f.severity == "error"]


def test_powershell_double_quoted_body_expands_a_macro():
    """A fresh-mistake trial (helper-133): `-Body "{`"a`": ...}"` (a double-quoted string, its quotes escaped with
    backticks or doubled) was not read: PowerShell takes a macro's `${date:...}` there for a variable."""
    for quote in ('`"', '""'):
        body = "{Qa Q: {Qurl Q: Q/hubs/crm/a?where=x>'${date:yyyy-MM-dd}'Q, QidField Q: 7}}".replace(" Q", "Q").replace(
            "Q", quote)
        page = f"```powershell\nInvoke-RestMethod -Method Post -Uri $u -ContentType 'application/json' -Body \"{body}\"\n```\n"
        found = check_page(page, path="p.md").findings
        (expanded,) = [f for f in found if f.rule == "CE020"]
        line = page.splitlines()[expanded.line - 1]
        assert line[expanded.column - 1:].startswith("${date:") and '"..." string' in expanded.message
        assert "CE102" in {f.rule for f in found}, found  # (the body read: `idField` a number)


def test_powershell_single_quoted_body_with_an_undoubled_quote_says_where_the_string_ends():
    """helper-147: a `'` left undoubled in `-Body '{...}'` (the macro's `>='${gmtDate`) ends PowerShell's string; it was
    reported as CE007 at the start of the URL value ("the file ends inside it"), now CE021 at that quote, with the
    body read to the argument's end as meant (its own mistakes found) and no finding once each quote is doubled."""
    url = "/hubs/finance/customers?where=updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss}' and name='x'"
    body = ('{\n  "element": {"key": "sageone"},\n  "configuration": {"event.poller.configuration": {"customers": '
            '{\n    "url": "' + url + '",\n    "idField": "id", "filterByUpdatedDate": "false"}}}\n}')
    page = ("```powershell\nInvoke-RestMethod -Method Post -Uri $uri -ContentType 'application/json' -Body '" + body
            + "'\n```\n")
    found = [f for f in check_page(page, path="p.md").findings if f.rule in ("CE007", "CE021", "CE102")]
    lines = page.splitlines()
    quote, false = lines[4].index("='$") + 2, lines[5].index('"false"') + 1
    assert [(f.rule, f.line, f.column) for f in found] == [("CE021", 5, quote), ("CE102", 6, false)], found
    assert "write each ' twice" in (found[0].help or "")
    doubled = page.replace(body, body.replace("'", "''"))
    assert [f.rule for f in check_page(doubled, path="p.md").findings
            if f.rule in ("CE007", "CE021", "CE102")] == ["CE102"]


def test_powershell_single_quoted_body_and_a_body_sent_without_a_content_type():
    """helper-103: `-Body '{...}'` (a single-quoted string, `''` a quote) was not read, and `Invoke-RestMethod -Method
    Post -Body $body` with no `-ContentType` (PowerShell then sends a form) was silent."""
    inline = ("```powershell\nInvoke-RestMethod -Method Post -Uri $uri -ContentType 'application/json' -Body "
              "'{\"a\": {\"url\": \"/hubs/crm/a?where=x>''${gmtDate:yyyy-MM-dd}\", \"idField\": \"id\"}}'\n```\n")
    (hit,) = [f for f in check_page(inline, path="p.md").findings if f.severity == "error"]
    line = inline.splitlines()[hit.line - 1]
    assert hit.rule == "CE620" and line[hit.column - 1:hit.column + 1] == "''"
    formless = ("```powershell\n$uri = \"https://api.cloud-elements.com/elements/api-v2/instances\"\n$body = @'\n"
                "{\"element\": {\"key\": \"sageone\"}, \"name\": \"x\", \"configuration\": {}}\n'@\n"
                "Invoke-RestMethod -Method Post -Uri $uri `\n  -Body $body\n```\n")
    (form,) = [f for f in check_page(formless, path="p.md").findings if f.rule == "CE027"]
    assert (form.line, form.column) == (7, 3)
    mended = apply_fixes(formless, [form])[0]
    assert "-ContentType 'application/json' -Body $body" in mended
    assert not [f for f in check_page(mended, path="p.md").findings if f.rule == "CE027"]
    unknown = formless.replace("https://api.cloud-elements.com/elements/api-v2/instances", "https://crm.example.com/x")
    assert not [f for f in check_page(unknown, path="p.md").findings if f.rule == "CE027"]  # another API's request
    # helper-109: another host's form post in a block that also calls the platform; parameters splatted, a default set
    oauth = ("```powershell\n$token = Invoke-RestMethod -Method Post -Uri https://login.salesforce.com/services/oauth2/token "
             "-Body $form\n" + formless.split("\n", 1)[1])
    assert [f.line for f in check_page(oauth, path="p.md").findings if f.rule == "CE027"] == [8]
    for setting in ("Invoke-RestMethod -Method Post -Uri $uri @common -Body $body",
                    "$PSDefaultParameterValues['Invoke-RestMethod:ContentType'] = 'application/json'\n"
                    "Invoke-RestMethod -Method Post -Uri $uri -Body $body"):
        page = formless.replace("Invoke-RestMethod -Method Post -Uri $uri `\n  -Body $body", setting)
        assert not [f for f in check_page(page, path="p.md").findings if f.rule == "CE027"], setting


@pytest.mark.parametrize("outer", ["~~~~~", "````", "````text"])
def test_a_fence_wrapped_in_a_fence_that_names_no_language_is_read_as_its_own_block(outer):
    """helper-111: ```` ```json ```` inside `~~~~~` was read as JSON from its fence line: a false CE001, the real
    mistake inside unread."""
    close = outer.rstrip("text")
    page = (f"# x\n\n{outer}\n```json\n"
            "{\"customers\": {\"url\": \"/hubs/finance/customers?where=x>'${dat:yyyy-MM-dd}'\", \"idField\": \"id\"}}\n"
            f"```\n{close}\n")
    findings = check_page(page.encode(), path="p.md").findings
    assert [(f.rule, f.line, f.column) for f in findings] == [("CE601", 5, 59)]


def test_a_fence_wrapped_in_a_markdown_fence_is_markdown_source():
    page = ("# x\n\n````markdown\n```json\n{\"customers\": {\"url\": \"/x?where=a>'${dat:yyyy}'\", \"idField\": \"id\"},, }\n"
            "```\n````\n")
    assert [f.rule for f in check_page(page.encode(), path="p.md").findings] == ["CE090"]


def test_a_block_of_one_poller_entry_shows_an_entry_and_draws_no_ce106():
    """helper-111: "A single poller entry on its own:" drew CE106 (it holds a single entry); a curl body sending one is
    still judged."""
    page = ("# x\n\nA single poller entry on its own:\n\n```json\n"
            '{"url": "/hubs/crm/contacts?where=a>1", "idField": "id"}\n```\n')
    assert not [f for f in check_page(page.encode(), path="p.md").findings if f.rule == "CE106"]


def test_an_environment_variable_in_a_single_quoted_curl_body_is_sent_as_its_name():
    """helper-110: `-d '{"username": "${CLOSEIO_API_KEY}"}'` passed; the shell expands nothing inside '...', so the
    platform stores the text `${CLOSEIO_API_KEY}` as the credential."""
    page = ("```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
            "  -H 'Content-Type: application/json' \\\n"
            "  -d '{\"element\": {\"key\": \"closeio\"}, \"configuration\": {\"username\": \"${CLOSEIO_API_KEY}\", "
            "\"password\": \"$CLOSE_PW\"}, \"name\": \"x\"}'\n```\n")
    found = [(f.rule, f.line, f.column, f.end_column) for f in check_page(page.encode(), path="p.md").findings
             if f.rule == "CE028"]
    line = page.splitlines()[3]
    assert found == [("CE028", 4, line.index("${CLOSEIO") + 1, line.index("${CLOSEIO") + 19),
                     ("CE028", 4, line.index("$CLOSE_PW") + 1, line.index("$CLOSE_PW") + 10)]
    # spliced in on purpose, a macro for the platform, a lower-case name, and a .json file: nothing
    for body in ("'{\"username\": \"'\"$CLOSEIO_API_KEY\"'\"}'", "'{\"a\": {\"url\": \"/x?where=a>${gmtDate:yyyy}\"}}'",
                 "\"{\\\"username\\\": \\\"${CLOSEIO_API_KEY}\\\"}\""):
        quiet = f"```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances -d {body}\n```\n"
        assert not [f for f in check_page(quiet.encode(), path="p.md").findings if f.rule == "CE028"], body


def test_an_environment_variable_in_a_single_quoted_curl_header_is_sent_as_its_name():
    """helper-173: `-H 'Authorization: User $CE_USER, Organization $CE_ORG'` passed; the request carries the names."""
    page = ("```bash\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
            "  -H 'Authorization: User $CE_USER, Organization ${CE_ORG}' -H 'Content-Type: application/json' \\\n"
            "  -d @instance.json\n```\n")
    found = [(f.rule, f.line, f.column, f.end_column, f.severity) for f in check_page(page.encode(), path="p.md").findings
             if f.rule == "CE028"]
    line = page.splitlines()[2]
    assert found == [("CE028", 3, line.index("$CE_USER") + 1, line.index("$CE_USER") + 9, "warning"),
                     ("CE028", 3, line.index("${CE_ORG}") + 1, line.index("${CE_ORG}") + 10, "warning")]
    (first, _) = [f for f in check_page(page.encode(), path="p.md").findings if f.rule == "CE028"]
    assert "curl sends the variable's name in the header" in first.message
    assert first.help == "close the quotes around it: '\"$CE_USER\"'"
    # in double quotes, glued to -H, spliced in, or a lower-case word: expanded or no variable of the environment's
    for header in ('-H "Authorization: User $CE_USER, Organization $CE_ORG"', "-H'Authorization: User '\"$U\"",
                   "-H 'X-Trace: $trace'"):
        quiet = f"```bash\ncurl https://api.cloud-elements.com/elements/api-v2/instances {header}\n```\n"
        assert not [f for f in check_page(quiet.encode(), path="p.md").findings if f.rule == "CE028"], header


def test_a_postman_collection_in_a_page_reports_each_credential_once():
    """helper-111: a collection's `Authorization: User ..., Organization ...` header in a page drew CE751 twice at each
    place, once from the body and once from the page's text."""
    collection = {"info": {"name": "CE", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                  "item": [{"name": "create", "request": {"method": "POST", "header": [
                      {"key": "Authorization", "value": "User pQ3rT8vW2xYz5AbC9dEf1GhJ4kLm7NoP0qRs6TuV=, "
                                                        "Organization 9f8e7d6c5b4a39281706f5e4d3c2b1a0"}],
                      "body": {"mode": "raw", "raw": json.dumps({"element": {"key": "sageone"},
                                                                 "configuration": {"oauth.api.key": "{{clientId}}"}})},
                      "url": "https://api.cloud-elements.com/elements/api-v2/instances"}}]}
    page = "# x\n\n```json\n" + json.dumps(collection, indent=2) + "\n```\n"
    found = [(f.line, f.column) for f in check_page(page.encode(), path="p.md").findings if f.rule == "CE751"]
    assert len(found) == 2 and len(set(found)) == 2


@pytest.mark.parametrize("uri", ['"$ceBase/instances"', "'$ceBase/elements/api-v2/instances'", "$ceBase/instances",
                                 '"$uri"'])
def test_powershell_posting_to_a_variable_s_instances_path_says_ce027(uri):
    """helper-111: `-Uri "$ceBase/instances"` drew no CE027 (the quotes were read as part of the address, and a
    variable with a path as a variable set above)."""
    page = ("```powershell\n$uri = 'https://api.cloud-elements.com/elements/api-v2/instances'\n"
            "$headers = @{ Authorization = \"User $u, Organization $o\" }\n$body = @'\n"
            '{"element": {"key": "zohocrm"}, "configuration": {}, "name": "z"}\n'
            f"'@\nInvoke-RestMethod -Method Post -Uri {uri} -Headers $headers -Body $body\n```\n")
    assert [f.rule for f in check_page(page.encode(), path="p.md").findings if f.rule == "CE027"] == ["CE027"]


def test_a_docusaurus_code_block_component_is_read_and_its_escapes_kept_in_place():
    """helper-111: `<CodeBlock language="json">{`...`}</CodeBlock>` (MDX) was never checked; its content is a template
    literal, where `\\${` is `${`; one shown inside a fenced block is source, not read."""
    page = ("# Deals\n\n<CodeBlock language=\"json\" title=\"poller.json\">\n{`{\n  \"deals\": {\n"
            "    \"url\": \"/hubs/marketing/deals?where=a='\\${gmtDat:yyyy-MM-dd}'\",\n    \"idField\": \"dealId\",\n"
            "    \"datesConfiguration\": {\"updatedDateField\": \"x\", \"updatedDateFormat\": \"milisseconds\", "
            "\"createdDateField\": \"y\", \"createdDateFormat\": \"milliseconds\"}\n  }\n}`}\n</CodeBlock>\n\n"
            "```mdx\n<CodeBlock language=\"json\">\n{`{\"deals\": {\"url\": \"/x?where=a>'${gmtDat:y}'\", \"idField\": \"i\"}}`}"
            "\n</CodeBlock>\n```\n")
    found = check_page(page.encode(), path="p.mdx").findings
    lines = page.splitlines()
    assert [(f.rule, f.line) for f in found] == [("CE601", 6), ("CE402", 8)], found
    macro = found[0]
    assert lines[macro.line - 1][macro.column - 1:].startswith("gmtDat")
    assert lines[macro.line - 1][macro.column - 3:macro.column - 1] == "${"  # after the `\` that escapes the `$`


@pytest.mark.parametrize("command", ["curl.exe", "C:/Windows/System32/curl.exe"])
def test_windows_curl_exe_is_curl(command):
    """helper-111: `curl.exe -d '{...}'` (Windows' curl, in a bash block) was not read."""
    page = (f"```bash\n{command} -X POST https://api.cloud-elements.com/elements/api-v2/instances "
            "-H 'Content-Type: application/json' -d '{\"element\": {\"key\": \"egnyte\"}, \"configuration\": "
            "{\"event.poller.refresh_interval\": \"fifteen\"}, \"name\": \"e\"}'\n```\n")
    assert [f.rule for f in check_page(page.encode(), path="p.md").findings] == ["CE206"]


@pytest.mark.parametrize("block", [
    # helper-115: a format, a zone or a login the dots may hold was reported missing (CE304, CE506, CE920), and the
    # stand-in for an elided value was named in messages (CE022 "an instance of `_`")
    '{\n  "contacts": {\n    "url": "/hubs/crm/contacts?where=updated_at>\'${dateTimeZone:America/Los_Angeles:yyyy-MM-dd '
    'HH:mm:ss}\'",\n    "idField": "id",\n    "datesConfiguration": {\n      "updatedDateField": "updated_at",\n'
    '      ...\n    }\n  }\n}',
    '{\n  "element": {"key": ...},\n  "configuration": {\n    "oauth.api.key": "${K}",\n    ...\n  }\n}',
    # a `"..."` value stands for one left out as well
    '{"element": {"key": "sageone"}, "configuration": {"event.notification.enabled": true, '
    '"event.notification.callback.url": "https://example.com/a", "event.poller.configuration": "..."}}',
])
def test_a_body_shown_in_part_is_not_told_what_its_dots_may_hold(block):
    assert [rule for rule in _json_block_rules(block) if rule != "CE090"] == []


def test_powershell_headers_set_in_another_block_may_hold_the_content_type():
    """helper-115: `-Headers $headers`, set with `"Content-Type" = "application/json"` in the block above, drew CE027;
    headers the block does not set are taken to set it, as curl's read from a variable are."""
    page = ("```powershell\n$headers = @{ Authorization = \"User $u\"; \"Content-Type\" = \"application/json\" }\n```\n\n"
            "```powershell\n$body = @'\n{\"element\": {\"key\": \"zohocrm\"}, \"configuration\": {}, \"name\": \"z\"}\n'@\n"
            "Invoke-RestMethod -Uri \"$ceBase/instances\" -Method Post -Headers $headers -Body $body\n```\n")
    assert not [f for f in check_page(page.encode(), path="p.md").findings if f.rule == "CE027"]


def test_a_wrapper_around_more_than_one_block_is_a_page_s_source():
    """helper-115: `~~~~` around a ```json block, a sentence and another block drew a false CE001 at the inner
    closing fence; only a wrapper around one block is read as that block."""
    page = ("# x\n\n~~~~\n```json\n{\"element\": {\"key\": \"hubspot\"}, \"name\": \"x\"}\n```\n\nThen the response:\n\n"
            "```json\n{\"id\": 1}\n```\n~~~~\n")
    assert [f.rule for f in check_page(page.encode(), path="p.md").findings] == ["CE090"]


@pytest.mark.parametrize(("title", "checked"), [("\u274c Wrong", False), ("wrong-poller.json", False),
                                                ("poller.json", True), ("\u2705 Right", True)])
def test_a_code_block_component_titled_as_a_mistake_is_a_counter_example(title, checked):
    """helper-208: `<CodeBlock language="json" title="❌ Wrong">` titles its block as a fence's `title="..."` does;
    its title was not read, so the counter-example was checked and "fixed"."""
    body = _COUNTER.split("\n")[1].replace("${", "\\${")  # (`\${` in a template literal: no interpolation)
    page = f'# Deals\n\n<CodeBlock language="json" title="{title}">\n{{`{body}`}}\n</CodeBlock>\n'
    assert ("CE620" in {f.rule for f in check_page(page, path="p.mdx").findings}) is checked, page


def test_a_code_block_component_that_interpolates_is_not_read_and_its_escapes_are_javascript_s():
    """helper-115: an unescaped `${API_KEY}` in the template literal is JavaScript's interpolation (the page shows the
    value), not a shell variable (CE028 was said); `\\"` and `\\n` are JavaScript's escapes, not JSON's."""
    interpolated = ("<CodeBlock language=\"bash\">\n{`curl -X POST https://api.cloud-elements.com/elements/api-v2/instances"
                    " -H 'Content-Type: application/json' -d '{\"element\": {\"key\": \"closeio\"}, \"name\": \"c\", "
                    "\"configuration\": {\"username\": \"${API_KEY}\"}}'`}\n</CodeBlock>\n")
    assert [f.rule for f in check_page(interpolated.encode(), path="p.mdx").findings] == ["CE090"]
    escaped = ("<CodeBlock language=\"json\">\n{`{\\\"element\\\": {\\\"key\\\": \\\"sageone\\\"},\\n \\\"configuration\\\": "
               "{\\\"event.poller.refresh_interval\\\": \\\"x\\\"}}`}\n</CodeBlock>\n")
    assert "CE206" in {f.rule for f in check_page(escaped.encode(), path="p.mdx").findings}


def test_a_jsonc_comment_line_that_elides_makes_the_body_one_shown_in_part():
    """helper-115: in a `jsonc` block, `// ... createdDateField, createdDateFormat` after a member's comma drew CE002
    (the comment was read as spaces, leaving the comma before `}`)."""
    block = ('{"contacts": {"url": "/hubs/crm/contacts", "idField": "id", "datesConfiguration": {\n'
             '  "updatedDateField": "updated_at",\n  "updatedDateFormat": "yyyy-MM-dd\'T\'HH:mm:ssXXX",\n'
             '  // ... createdDateField, createdDateFormat\n}}}')
    page = f"# x\n\n```jsonc\n{block}\n```\n"
    assert [f.rule for f in check_page(page.encode(), path="p.md").findings if f.rule != "CE090"] == []


_TEMPLATE_MACROS = """# Poller template

Fill in `<DATE_FORMAT>` and `<TIMEZONE>`.

```json
{
  "<RESOURCE>": {
    "url": "/hubs/crm/<RESOURCE>?where=<DATE_FIELD>>='${dateTimeZone:<TIMEZONE>:<DATE_FORMAT>}' and b>'${gmtDate:{{ fmt }}}'",
    "idField": "id"
  }
}
```
"""


def test_a_placeholder_as_a_macro_s_format_or_zone_is_a_template_s_not_a_broken_pattern():
    """helper-118: `${gmtDate:{{ fmt }}}` drew CE401 and `${dateTimeZone:<TIMEZONE>:<DATE_FORMAT>}` CE604 and CE607
    (errors), where the same placeholders as plain values are CE701, info in a page."""
    findings = check_page(_TEMPLATE_MACROS, path="t.md").findings
    line = _TEMPLATE_MACROS.splitlines()[7]
    shown = {(f.rule, f.severity, line[f.column - 1:f.end_column - 1]) for f in findings if f.line == 8}
    assert {("CE701", "info", "<TIMEZONE>"), ("CE701", "info", "<DATE_FORMAT>"), ("CE701", "info", "{{ fmt }}")} <= shown
    assert all(f.severity == "info" for f in findings), findings
    text = '{"c": {"url": "/hubs/crm/c?where=a>\'${gmtDate:<DATE_FORMAT>}\'", "idField": "id"}}'
    found = {(f.rule, f.severity) for f in check_source(load_source(text.encode()))}
    assert ("CE701", "warning") in found and not any(severity == "error" for _, severity in found), found


@pytest.mark.parametrize(("opening", "checked"), [('!!! failure', False), ('??? fail "Ticket 5521"', False),
                                                  ('??? bug "Ticket 5521"', True), ('!!! bug', True),
                                                  ('??? failure "What most people write first (does not work)"', False),
                                                  ('=== "Before"', False), ('!!! warning "This will fail"', False),
                                                  ('!!! danger', True), ('=== "After"', True), ('!!! note', True),
                                                  ('!!! failure "Fixed"', True)])
def test_a_failure_s_box_and_a_before_tab_hold_counter_examples(opening, checked):
    """helper-118: MkDocs' failure boxes, and a `Before` tab, show a mistake (a danger box may warn about a right body,
    a bug's box show its workaround: helper-123)."""
    indented = "".join("    " + line if line.strip() else line for line in _COUNTER.splitlines(keepends=True))
    page = f"# Events\n\n{opening}\n\n{indented}"
    assert bool([f for f in check_page(page, path="p.md").findings if f.rule == "CE620"]) is checked


@pytest.mark.parametrize("depth", [10, 40, 600])
def test_a_deeply_nested_list_does_not_end_the_reading_of_a_page(depth):
    """markdown-it reads no more of a page past its nesting limit (its preset's: a list ten levels deep), so every
    block after a deep list went unread (a trial, helper-126); a hostile depth is read as far as the limit, without
    a crash."""
    deep = "".join("  " * level + "- level\n" for level in range(depth))
    page = f"# Deep\n\n{deep}\nBack at the top.\n\n```json\n{{\"element\": {{\"key\": \"sageone\"}}, \"name\": \"x\",}}\n```\n"
    rules = [f.rule for f in check_page(page, path="p.md").findings]
    if depth < 300:
        assert any(rule.startswith("CE0") and rule != "CE090" for rule in rules), rules  # the trailing comma


@pytest.mark.parametrize("language", ["json", "jsonc", "jsonl", "ndjson"])
def test_two_bodies_shown_one_after_another_in_one_block_are_each_checked(language):
    """Documentation pages (helper-126): `Option A` then `Option B` in one block was CE001 (a second JSON value), and
    neither body was checked; each is read on its own, at its own lines.  A JSON-lines block (helper-129) was skipped
    as another language's."""
    first = '{"a": {"url": "/hubs/crm/a?where=m>=\'${date:yyyy-MM-dd}\'", "idField": "id"}}'
    second = '{"a": {"url": "/hubs/crm/a?where=m>=\'${gmtDate:yyyy-MM-dd}", "idField": "id"}}'  # (its quote never closes)
    comment = "// Option B\n" if language == "jsonc" else "\n"
    page = f"# Variants\n\n```{language}\n{first}\n{comment}{second}\n```\n"
    found = check_page(page, path="p.md").findings
    assert not [f for f in found if f.rule == "CE001"], found
    assert [(f.rule, f.line) for f in found if f.severity == "error"] == [("CE620", 6)], found


def test_comments_outside_a_json_block_s_bodies_are_labels():
    """Documentation pages: `// Option A` above one body and `// Option B` above the next was CE003, and neither body
    was checked; a comment outside the block's values labels them, and one inside a body is the body's (CE003, the
    rest checked around it)."""
    first = '{"event.notification.enabled": true, "event.vendor.type": "pollin"}'
    second = '{"event.notification.enabled": true, "event.vendor.type": "webhok"}'
    page = f"# Variants\n\n```json\n// Option A: polling\n{first}\n/* Option B */\n{second}\n```\n"
    found = [(f.rule, f.line) for f in check_page(page, path="p.md").findings]
    assert found == [("CE203", 5), ("CE203", 7)], found
    labelled = f"# One\n\n```json\n// instance.json\n{first}\n```\n"
    assert [(f.rule, f.line) for f in check_page(labelled, path="p.md").findings] == [("CE203", 5)]
    inside = f"# One\n\n```json\n// instance.json\n{first[:-1]} // polls\n}}\n```\n"
    assert [(f.rule, f.line) for f in check_page(inside, path="p.md").findings] == [("CE203", 5), ("CE003", 5)]


_SENT_BODY = ('{\n  "element": {"key": "sageone"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
              '    "event.poller.refresh_interval": "0.5"\n  }\n}')


@pytest.mark.parametrize(("before", "after"), [
    ("http POST https://api.cloud-elements.com/elements/api-v2/instances \\\n  Authorization:\"User $U, Organization $O\""
     " <<'JSON'\n", "\nJSON\n"),
    ("BODY=$(cat <<'EOF2'\n", "\nEOF2\n)\ncurl -X POST \"$CE_URL/instances\" -H 'Content-Type: application/json' "
     "-d \"$BODY\"\n"),
])
def test_a_body_sent_by_httpie_or_kept_in_a_variable_is_checked(before, after):
    """Documentation pages (helper-126): HTTPie's here-document and one kept in a variable for curl were not read."""
    page = f"# Create\n\n```bash\n{before}{_SENT_BODY}{after}```\n"
    found = [(f.rule, f.line) for f in check_page(page, path="p.md").findings if f.rule == "CE206"]
    assert found == [("CE206", 4 + before.count("\n") + 4)], found


@pytest.mark.parametrize("fence", ["", "text", "http"])
def test_an_untagged_httpie_command_is_a_shell_s(fence):
    """Documentation pages (helper-174): an HTTPie command in a block that names no language (its JSON fields
    `element:='{"key": ...}'`) was read as a broken body, CE006 on `http`; its here-document's body is checked."""
    fields = ("http POST https://api.cloud-elements.com/elements/api-v2/instances \\\n"
              "  Authorization:\"User $U, Organization $O\" element:='{\"key\": \"sageone\"}' name=sage\n")
    page = f"# Create\n\n```{fence}\n{fields}```\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"]  # (no body on the page)
    sent = f"# Create\n\n```{fence}\nhttps PUT api.example.com/instances/1 <<'JSON'\n{_SENT_BODY}\nJSON\n```\n"
    found = [(f.rule, f.line) for f in check_page(sent, path="p.md").findings if f.rule == "CE206"]
    assert found == [("CE206", 9)], found


def _greedy_nesting(tree: Any, inside: bool = False) -> bool:
    """Whether a parsed regex holds a greedy or lazy repeat inside another repeat or around one: the shape whose
    ways of splitting a text the engine tries one by one (a possessive repeat tries one)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    for op, arg in tree:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            greedy = op is not sre.POSSESSIVE_REPEAT
            if greedy and (inside or _greedy_nesting(arg[2], True) or any(
                    o in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) for o, _ in arg[2])):
                return True
            if _greedy_nesting(arg[2], inside or greedy):
                return True
        elif op is sre.SUBPATTERN and _greedy_nesting(arg[3], inside):
            return True
        elif op is sre.BRANCH and any(_greedy_nesting(branch, inside) for branch in arg[1]):
            return True
        elif op is sre.ATOMIC_GROUP and _greedy_nesting(arg, inside):
            return True
    return False


@pytest.mark.parametrize("fence", ["", "bash"])
def test_an_httpie_command_of_many_options_is_read_in_linear_time(fence):
    """An HTTPie command's options (`--a --a ...`, each `-` + `-a` or `--` + `a`) were tried every way they split
    before the method that did not follow: 22 options took 6 s, each one more doubled it. Its pattern now reads each
    option one way (no greedy repeat nested in another: counted from the pattern, not timed)."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    from validator.pages.curl import HTTPIE_COMMAND

    assert not _greedy_nesting(sre_parse.parse(HTTPIE_COMMAND))
    assert _greedy_nesting(sre_parse.parse(r"(?:https?|xhs?)[ \t]+(?:--?[\w-]+(?:=\S+)?[ \t]+)*"))  # (the old one)
    page = f"# x\n\n```{fence}\nhttp {'--a ' * 200}zzz\n```\n"
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"]


def test_a_body_sent_by_wget_is_checked():
    body = " ".join(_SENT_BODY.split())
    page = (f"# Create\n\n```sh\nwget --method=POST --header='Content-Type: application/json' \\\n  --body-data='{body}' \\\n"
            "  https://api.cloud-elements.com/elements/api-v2/instances\n```\n")
    found = [(f.rule, f.line) for f in check_page(page, path="p.md").findings if f.rule == "CE206"]
    assert found == [("CE206", 5)], found
    spaced = page.replace("--body-data='", "--post-data '")
    assert [f.rule for f in check_page(spaced, path="p.md").findings if f.rule == "CE206"] == ["CE206"]


def test_a_stray_nul_in_a_page_is_said_and_the_page_still_read():
    """Documentation pages (helper-126): one NUL in the prose made the page "not a text file", its mistakes unread; a
    file of many NULs is still binary."""
    page = ("# Events\n\nA stray\x00 byte.\n\n" + _COUNTER).encode()
    found = check_page(page, path="p.md").findings
    assert [(f.rule, f.line) for f in found if f.severity == "error"] == [("CE013", 3), ("CE620", 6)], found
    binary = b"\x00" * 40 + page
    assert [f.rule for f in check_page(binary, path="p.md").findings] == ["CE013"]


@pytest.mark.parametrize("comment", ["// REST resource polled below; see the Sage docs for its fields",
                                     "// more details on refresh intervals in the wiki"])
def test_an_explaining_comment_is_no_elision(comment):
    """A review (helper-127): `// REST ...` and `// more details ...` were read as keys left out, which hid CE105 (a
    missing key) in a jsonc block."""
    block = ('{\n  "element": {"key": "sageone"},\n  "configuration": {\n    "event.notification.enabled": true,\n'
             f'    {comment}\n    "event.poller.refresh_interval": "15"\n  }}\n}}')
    found = check_page(f"# Body\n\n```jsonc\n{block}\n```\n", path="p.md").findings
    assert "CE105" in {f.rule for f in found}, found



def test_an_environment_variable_in_a_quoted_here_document_is_sent_as_written():
    """helper-128: `curl --data @- <<'EOF'` around `"oauth.api.key": "${SAGE_API_KEY}"` passed; a quoted delimiter
    expands nothing, as single quotes do (CE028). A here-document written to a file is left alone (a deployment may
    fill it in), and a poller macro is the platform's."""
    body = '{"element": {"key": "sageone"}, "configuration": {"oauth.api.key": "${SAGE_API_KEY}"}, "name": "x"}'
    page = f"# Create\n\n```bash\ncurl -X POST https://x.example/instances --data @- <<'EOF'\n{body}\nEOF\n```\n"
    (hit,) = [f for f in check_page(page, path="p.md").findings if f.rule == "CE028"]
    assert page.splitlines()[hit.line - 1][hit.column - 1:].startswith("${SAGE_API_KEY}")
    assert "(`<<'EOF'`)" in hit.message
    other = page.replace("<<'EOF'", '<<"JSON"').replace("\nEOF\n", "\nJSON\n")
    (hit,) = [f for f in check_page(other, path="p.md").findings if f.rule == "CE028"]
    assert '(`<<"JSON"`)' in hit.message, hit.message  # (the delimiter as written: helper-130)
    to_file = f"# Create\n\n```bash\ncat > body.json <<'EOF'\n{body}\nEOF\n```\n"
    assert not [f for f in check_page(to_file, path="p.md").findings if f.rule == "CE028"]


@pytest.mark.parametrize(("below", "skipped"), [("*The example above is wrong: the `T` must be quoted.*", True),
                                                ("This body above doesn't work.", True), ("☝️ The above fails", True),
                                                ("The example above is right; the one below is wrong:", False),
                                                ("Send the body above.", False),
                                                ("The request above fails with 401 when the key is wrong.", False)])
def test_a_sentence_under_a_block_calling_it_a_mistake(below, skipped):
    """helper-129: "The example above is wrong" under a block was not read: its mistake failed the page."""
    page = ("# Gotchas\n\n```json\n{\"contacts\": {\"url\": \"/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-ddTHH:mm:ss}'\""
            ", \"idField\": \"id\"}}\n```\n\n" + below + "\n")
    rules = [f.rule for f in check_page(page, path="p.md").findings]
    assert ("CE401" not in rules) == skipped, rules


_CMD_BODY = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "often"}}'


@pytest.mark.parametrize("language", ["bat", "cmd"])
@pytest.mark.parametrize("escape", ['\\"', '""'])
def test_a_curl_body_at_the_windows_command_prompt_is_read_as_curl_exe_gets_it(language, escape):
    """helper-129: a ```bat or ```cmd block's `curl -d "{\\"element\\": ...}"` was skipped (exit 0) as another
    language's; it is read as curl.exe receives it, each finding at its page character."""
    written = _CMD_BODY.replace('"', escape)
    page = (f"# Windows\n\n```{language}\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances ^\n"
            f'  -H "Content-Type: application/json" ^\n  -d "{written}"\n```\n')
    (hit,) = [f for f in check_page(page, path="p.md").findings if f.rule == "CE206"]
    assert page.splitlines()[hit.line - 1][hit.column - 1:].startswith(escape + "often")


def test_a_curl_body_in_single_quotes_at_the_windows_command_prompt():
    """cmd has no single quotes: a body copied from a bash page reaches curl.exe cut and without its double quotes."""
    page = f"# Windows\n\n```cmd\ncurl -X POST https://x.example/instances -d '{_CMD_BODY}'\n```\n"
    found = check_page(page, path="p.md").findings
    (quoted,) = [f for f in found if f.rule == "CE029"]
    assert (quoted.line, quoted.column, quoted.severity) == (4, 45, "error")
    after = f"# Windows\n\n```cmd\ncurl -X POST https://x.example/instances -d '{_CMD_BODY}' -H 'X: y'\n```\n"
    assert "CE001" not in {f.rule for f in check_page(after, path="p.md").findings}  # (the body ends at its `}'`)
    assert "CE206" in {f.rule for f in found}  # (the body checked as meant)
    other = "# Windows\n\n```bat\n@echo off\nset X=1\necho \"{not a body}\"\n```\n"
    assert [f.rule for f in check_page(other, path="p.md").findings] == ["CE090"]
    # (helper-132: a comment's, an echo's or bash's curl runs nothing at the prompt)
    for line in ("REM curl -d '{\"element\": {\"key\": \"x\"}}'", ":: curl -d '{\"a\": 1}'", "echo curl -d '{\"a\": 1}'",
                 "wsl curl -X POST https://x.example/i -d '{\"element\": {\"key\": \"x\"}}'"):
        quiet = f"# Windows\n\n```cmd\n{line}\n```\n"
        assert "CE029" not in {f.rule for f in check_page(quiet, path="p.md").findings}, line


def test_a_command_prompt_script_named_on_the_command_line_is_read_for_its_bodies():
    """A `.bat` or `.cmd` file is read as one command-prompt block, as a `.sh` is as a shell block."""
    written = _CMD_BODY.replace('"', '\\"')
    text = f'@echo off\r\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances -d "{written}"\r\n'
    for name in ("create.bat", "Create.CMD"):
        found = check_page(text, path=name).findings
        assert [f.rule for f in found if f.severity == "error"] == ["CE105", "CE206"], found  # (sageone's keys)


_TEMPLATE_BODY = ("{\"element\": {\"key\": \"closeio\"}, \"name\": \"c\", \"configuration\": {\"username\": \"${key}\", "
                  "\"event.notification.enabled\": true, \"event.notification.callback.url\": \"https://e.example.com/cb\", "
                  "\"event.poller.configuration\": {\"contacts\": {\"url\": "
                  "\"/hubs/crm/contacts?where=date_updated>'$${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSXXX}'\", \"idField\": \"id\"}}}}")


@pytest.mark.parametrize(("above", "info", "reported"), [
    ("", 'json title="instance.json.tftpl"', set()),
    ("", "json:instance.json.tftpl", set()),
    ("`instance.json.tftpl`:", "json", set()),
    ("**File:** `templates/instance.json.tftpl`", "json", set()),
    # a block the page names no template: Terraform's escape is the platform's `$` before the date
    ("The body:", "json", {"CE605"}),
    ('`instance.json`:', "json", {"CE605"}),
])
def test_a_block_the_page_names_a_template_is_read_as_that_file(above, info, reported):
    """A false-alarm hunt (helper-139): a page showing a Terraform template (`instance.json.tftpl`, by its fence's title
    or the label above it) drew CE605 at each `$${`, which `templatefile` turns into the platform's `${`; the same text
    in a file of that name is not reported."""
    page = f"# Terraform\n\n{above}\n\n```{info}\n{_TEMPLATE_BODY}\n```\n"
    found = {f.rule for f in check_page(page).findings if f.severity != "info"}
    assert found == reported


def test_a_block_describing_the_keys_types_is_no_body_with_wrong_values():
    """A false-alarm hunt (helper-139): a page's block listing each key's type (`"event.notification.enabled":
    "boolean"`, `"event.poller.refresh_interval": "number (minutes)"`) drew CE104, CE206 and CE102 (errors) and CE202;
    each value stands for one, as `<minutes>` does (CE701, info in a page)."""
    page = ('# Keys\n\n```json\n{"event.notification.enabled": "boolean", "event.notification.callback.url": '
            '"string (URL)", "event.poller.refresh_interval": "number (minutes)", "event.poller.configuration": '
            '"JSON object"}\n```\n')
    assert {(f.rule, f.severity) for f in check_page(page).findings} == {("CE701", "info")}


@pytest.mark.parametrize("data", [
    '"{\\"configuration\\": {\\"event.notification.enabled\\": $ENABLED, \\"event.poller.refresh_interval\\": ${MINUTES}}}"',
    '"{\\"configuration\\": {\\"event.poller.configuration\\": $(jq -Rs . <<<\\"$POLLER\\")}}"',
    '"{\\"configuration\\": {\\"event.poller.configuration\\": `cat poller.json`}}"',
    '\'{"configuration": {"event.poller.configuration": \'"$(cat poller.json)"\'}}\'',
    '"{\\"configuration\\": {\\"event.poller.refresh_interval\\": $((HOURS * 60)), \\"event.notification.enabled\\": true}}"',
    # (helper-146) a variable inside a string after its `:` or `,` is part of the string, no value of its own
    '"{\\"configuration\\": {\\"oauth.callback.url\\": \\"http://localhost:$PORT/callback\\"}}"',
    '"{\\"configuration\\": {\\"event.notification.callback.url\\": \\"https://$HOST:$PORT/cb\\"}}"',
    '\'{"configuration": {"oauth.callback.url": "http://localhost:\'"$PORT"\'/cb"}}\'',
    '"{\\"configuration\\": {\\"event.notification.callback.url\\": \\"https://hooks.example.com/ce,$SUFFIX\\"}}"',
    '"{\\"configuration\\": {\\"event.notification.callback.url\\": \\"https://h.example.com/\\\\\\":$X\\"}}"',
])
def test_a_shell_s_expansion_where_a_value_goes_is_that_value(data):
    """A false-alarm hunt (helper-139): in a double-quoted curl body (or one spliced between single quotes), the shell
    puts a variable's value or a command's output where a JSON value goes (`"enabled": $ENABLED`, `$(cat poller.json)`,
    backticks): CE006 or CE001 (errors) at its `$`.  A variable is read as the reference it is, a command's output as a
    value the page leaves out."""
    page = ("```bash\ncurl -X PATCH \"$CE_BASE/instances/$ID\" -H \"Authorization: $CE_AUTH\" "
            f"-H 'Content-Type: application/json' \\\n  -d {data}\n```\n")
    assert [(f.rule, f.message) for f in check_page(page).findings if f.severity != "info"] == []


def test_a_variable_in_a_single_quoted_body_is_still_its_name():
    """(helper-139) The shell expands nothing inside '...': the platform gets `$ENABLED` itself, no JSON value."""
    page = ("```bash\ncurl -X PATCH \"$CE_BASE/instances/$ID\" -H 'Content-Type: application/json' \\\n"
            "  -d '{\"configuration\": {\"event.notification.enabled\": $ENABLED}}'\n```\n")
    assert {f.rule for f in check_page(page).findings} >= {"CE006", "CE028"}


@pytest.mark.parametrize("comment", ["/* credentials: see the setup page */", "// the OAuth keys, see the Authenticate step",
                                     "// keys as in the API Provider Setup section"])
def test_a_comment_sending_the_reader_to_another_page_elides(comment):
    """A false-alarm hunt (helper-139): a `jsonc` body whose comment stands for the keys another page shows
    (`/* credentials: see the setup page */`) drew CE105 (an error) for each of them, as `// ... as above` does not."""
    page = ("```jsonc\n{\n  \"element\": {\"key\": \"sageone\"},\n  \"configuration\": {\n    " + comment + "\n"
            "    \"event.notification.enabled\": true,\n    \"event.notification.callback.url\": \"https://mycoolapp.com/e\"\n"
            "  },\n  \"name\": \"s\"\n}\n```\n")
    assert [f.rule for f in check_page(page).findings if f.severity != "info"] == []
    # (a comment saying something else leaves the body whole: its keys are missing; so does a pointer beside a member,
    # helper-146)
    for other in ("// events on", "// the callback URL below: see the Events page"):
        said = page.replace(comment, other)
        assert "CE105" in {f.rule for f in check_page(said).findings}, other


def test_a_tab_partly_used_by_an_indented_fence_leaves_the_blanks_after_it():
    """Hypothesis found it: in a fence indented two spaces, a line `<tab>  "element": ...` lost its two blanks too,
    so a block missing a comma was read unindented, and its other findings (CE105, CE620, ...) were lost."""
    from validator.pages import documents

    body = ['{', '  "element": {"key": "sageone"},', '  "configuration": {', '    "event.poller.refresh_interval": "15",',
            '    "event.poller.configuration": {"customers": {"url": "/hubs/finance/customers?where=d>=\'${date:'
            'yyyy-MM-dd}", "idField": "id"', '      "datesConfiguration": {"updatedDateFormat": "yyyy-MM-dd", '
            '"updatedDateField": "u"}}}', '  }', '}']
    page = "  ```json\n" + "".join(f"\t{line}\n" for line in body) + "  ```\n"
    (document, _strict, _problems), = documents(page)
    assert document.text == "\n".join(body) + "\n"
    alone = check_source(load_source(document.text))
    assert [(f.rule, f.line + 1, f.column + 1) for f in alone] == \
        [(f.rule, f.line, f.column) for f in check_page(page).findings]
    assert {"CE001", "CE105", "CE620"} <= {f.rule for f in alone}


@pytest.mark.parametrize("comment", ["// your credentials here", "// add your OAuth keys here",
                                     "/* element configuration goes here */", "// <element configuration>",
                                     "/* credentials from the Authenticate section */"])
def test_a_comment_saying_where_the_keys_go_elides(comment):
    """A false-alarm hunt (helper-165): a body whose comment stands where the reader writes the keys (`// your
    credentials here`) drew CE105 (an error) for each of them; a pointer at one member (`// your key here`) does not
    elide."""
    page = ("```jsonc\n{\n  \"element\": {\"key\": \"sageone\"},\n  \"configuration\": {\n    " + comment + "\n"
            "    \"event.notification.enabled\": true,\n    \"event.notification.callback.url\": \"https://mycoolapp.com/e\"\n"
            "  },\n  \"name\": \"s\"\n}\n```\n")
    assert [f.rule for f in check_page(page).findings if f.severity != "info"] == []
    for other in ("// your key here", "// <key>", "// the callback URL goes here"):
        assert "CE105" in {f.rule for f in check_page(page.replace(comment, other)).findings}, other


def test_a_comment_eliding_after_a_member_or_in_a_crlf_page_elides():
    """helper-165: `"oauth.api.key": "<key>", // etc.` drew CE105 for the keys the comment stands for, and a page
    saved with CRLF line ends read its `// ... other keys` line as a comment (CE003) and its body as whole (CE105,
    CE201): three errors where the same page with LF ends has none."""
    page = ("```json\n{\n  \"element\": {\"key\": \"sageone\"},\n  \"configuration\": {\n    // ... other keys\n"
            "    \"event.notification.enabled\": true\n  }\n}\n```\n")
    assert [f.rule for f in check_page(page).findings] == []
    assert [f.rule for f in check_page(page.replace("\n", "\r\n")).findings] == []
    for language in ("json", "jsonc"):
        trailing = page.replace("// ... other keys\n", "\"oauth.api.key\": \"${KEY}\", // etc.\n").replace(
            "```json", "```" + language)
        assert [f.rule for f in check_page(trailing).findings] == [], language
        # (the comma before a trailing comment that elides the last members goes with them)
        last = trailing.replace("    \"event.notification.enabled\": true\n", "").replace(
            "\"oauth.api.key\": \"${KEY}\", // etc.", "\"event.notification.enabled\": false, // etc.")
        assert [f.rule for f in check_page(last).findings] == [], language
        # (a trailing comment saying something else is a comment)
        said = trailing.replace("// etc.", "// from the provider")
        assert "CE105" in {f.rule for f in check_page(said).findings}, language


@pytest.mark.parametrize("contents", ["{ /* ... */ }", "{ // ...\n      }", "{ // other keys as above\n      }",
                                      "[ /* ... */ ]"])
@pytest.mark.parametrize("language", ["json", "jsonc"])
def test_a_comment_standing_for_an_object_s_contents_elides(contents, language):
    """helper-201: in a `jsonc` block, `"customers": { /* ... */ }` drew CE301 (an empty stub) and CE105 (the keys it
    leaves out), where a `json` block read it as `{ ... }`; `{ // ...` on its line drew them in either language (and
    CE003 in `json`)."""
    page = (f"```{language}\n{{\n  \"element\": {{\"key\": \"sageone\"}},\n  \"configuration\": {{\n"
            "    \"event.notification.enabled\": true,\n    \"event.notification.callback.url\": \"https://a.example/x\",\n"
            f"    \"event.poller.configuration\": {{\n      \"customers\": {contents}\n    }}\n  }}\n}}\n```\n")
    assert [f.rule for f in check_page(page).findings] == [], page
    # (a comment saying something else leaves the object empty)
    said = page.replace("...", "TODO").replace("other keys as above", "TODO")
    assert {"CE301", "CE102"} & {f.rule for f in check_page(said).findings}, said


def test_a_json_block_showing_a_request_or_a_response_checks_its_body():
    """A false-alarm hunt (helper-165): a `json` block that shows the request (`POST /elements/api-v2/instances`, then
    the body) or the response (`HTTP/1.1 200 OK`, headers, body) drew CE006 (an error) on its start line, and its body
    went unchecked; its body is checked where it is, and no HTTP client's rule (CE026) is asked of it."""
    page = ("```json\nPOST /elements/api-v2/instances\n{\n  \"element\": {\"key\": \"closeio\"},\n"
            "  \"configuration\": {\"username\": \"{{closeKey}}\", \"event.vendor.type\": \"webhooks\"}\n}\n```\n\n"
            "```jsonc\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  // the instance\n  \"id\": 1,\n"
            "  \"configuration\": {\"event.notification.callback.url\": \"https;//x.example.com\"}\n}\n```\n")
    found = [(f.rule, f.line, f.column, f.pointer) for f in check_page(page).findings]
    assert found == [("CE701", 5, 34, "/L3/configuration/username"), ("CE203", 5, 70, "/L3/configuration/event.vendor.type"),
                     ("CE209", 16, 57, "/L13/configuration/event.notification.callback.url")]
    # (a JSON document that holds such a word is read as JSON)
    assert [f.rule for f in check_page("```json\n{\"POST\": \"/instances\"}\n```\n").findings] == ["CE090"]


def test_a_json_block_holding_a_command_or_labelled_values_checks_its_bodies():
    """A false-alarm hunt (helper-165): a `json` block holding the curl command (its tab's language copied), a
    transcript's `$ cat instance.json`, or a body under a label line (`Request:`, `instance.json:`) drew CE006 (an
    error, a bare word) on its first line, and its bodies went unchecked."""
    curl = ("```json\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances -H 'Content-Type: "
            "application/json' -d '{\"element\": {\"key\": \"closeio\"}, \"configuration\": {\"username\": \"x\", "
            "\"event.vendor.type\": \"webhooks\"}}'\n```\n")
    assert [(f.rule, f.line, f.column) for f in check_page(curl).findings] == [("CE203", 2, 199)]
    shown = ("```json\n$ cat instance.json\n{\"element\": {\"key\": \"closeio\"}, \"configuration\": {\"username\": \"x\", "
             "\"event.poller.refresh_interval\": \"300\"}}\n```\n")
    assert [(f.rule, f.line, f.column) for f in check_page(shown).findings] == [("CE211", 3, 102)]
    labelled = ("```json\nRequest:\n{\"element\": {\"key\": \"closeio\"}, \"configuration\": {\"username\": \"x\", "
                "\"event.vendor.type\": \"webhooks\"}}\n\nResponse (200):\n{\"id\": 12, \"element\": {\"key\": "
                "\"closeio\"}}\n```\n")
    assert [(f.rule, f.line, f.column, f.pointer) for f in check_page(labelled).findings] == [
        ("CE203", 3, 89, "/L3/configuration/event.vendor.type")]
    # (nor does a shell's comment line above the body, `# PATCH /instances/{id}`, as `// PATCH ...` does not; one
    # inside the body is the body's)
    hashed = "```json\n# PATCH /instances/{id}\n{\"configuration\": {\"event.poller.refresh_interval\": \"ten\"}}\n```\n"
    assert [(f.rule, f.line) for f in check_page(hashed).findings] == [("CE206", 3)]
    inside = "```json\n{\"configuration\": {\n# the interval\n\"event.poller.refresh_interval\": \"15\"}}\n```\n"
    assert [(f.rule, f.line) for f in check_page(inside).findings] == [("CE003", 3)]
    # (a body written after a key of its own, as YAML would, is no label's: the block is read whole)
    keyed = "```json\nelement: {\"key\": \"closeio\"}\n```\n"
    assert "CE006" in {f.rule for f in check_page(keyed).findings}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_body_split_over_two_blocks_with_prose_between_is_read_as_one(newline):
    """helper-173: a page showing the element and its login in one block and, after a sentence, the events part that
    closes the configuration; each half alone is no JSON (CE001 twice, a false alarm): together they are one body,
    checked where each piece is, and fixed in place."""
    page = ("# Create\n\nFirst the element and the login:\n\n```json\n{\n  \"element\": {\"key\": \"closeio\"},\n"
            "  \"configuration\": {\n    \"username\": \"${CLOSE_KEY}\",\n```\n\nthen the events part:\n\n```json\n"
            "    \"event.notification.enabled\": true,\n"
            "    \"event.notification.callback.url\": \"https://x.example.com/e\",\n"
            "    \"event.poller.refresh_interval\": \"15\",\n  },\n  \"name\": \"x\"\n}\n```\n").replace("\n", newline)
    findings = check_page(page, path="p.md").findings
    assert [(f.rule, f.line, f.column, f.pointer) for f in findings] == [("CE002", 17, 42, "/L5")]
    mended = apply_fixes(page, findings)[0]
    assert mended == page.replace('"15",', '"15"')
    assert check_page(mended, path="p.md").findings == []
    # a mistake in the first half is placed there too
    first = page.replace('"closeio"', '"closeio",')
    assert [(f.rule, f.line) for f in check_page(first, path="p.md").findings] == [("CE002", 7), ("CE002", 17)]
    # two whole bodies, or a second half that closes more than the first opened, are read as before
    lost = page.replace("  },", "  }},")
    assert {f.rule for f in check_page(lost, path="p.md").findings} == {"CE001"}


def test_a_body_split_over_three_blocks_with_prose_between_is_read_as_one():
    """helper-188: the element and login, then (after a sentence) the events keys, then the poller that closes the body:
    three pieces, the middle one no JSON alone; read two by two, each drew CE001 (a false alarm, two errors), and the
    date pattern's mistake in the last piece went unreported."""
    page = ("Start:\n\n```json\n{\n  \"element\": {\"key\": \"closeio\"},\n  \"configuration\": {\n"
            "    \"username\": \"${CLOSE_KEY}\",\n```\n\nThen the events:\n\n```json\n"
            "    \"event.notification.enabled\": true,\n    \"event.poller.refresh_interval\": \"15\",\n```\n\n"
            "Finally the poller:\n\n```json\n    \"event.poller.configuration\": {\"contacts\": {\"url\": "
            "\"/hubs/crm/contacts\", \"idField\": \"id\", \"datesConfiguration\": {\"updatedDateField\": \"u\", "
            "\"updatedDateFormat\": \"YYYY-MM-dd\"}}}\n  },\n  \"name\": \"x\"\n}\n```\n")
    findings = check_page(page, path="p.md").findings
    line = page.splitlines()[20 - 1]
    assert {f.rule for f in findings} == {"CE201", "CE306", "CE417", "CE407"}  # (the body's own, no CE001)
    assert [(f.line, f.column, f.pointer.split("/")[1]) for f in findings if f.rule == "CE407"] == [
        (20, line.index("YYYY") + 1, "L3")]
    # a whole body between the pieces is a body of its own: the pieces are read as before
    apart = page.replace('    "event.notification.enabled": true,\n    "event.poller.refresh_interval": "15",\n',
                         '{"configuration": {"event.notification.enabled": true}}\n')
    assert "CE001" in {f.rule for f in check_page(apart, path="p.md").findings}


@pytest.mark.parametrize("page", [
    f"```bash\ncurl -X POST {_CE} \\\n  -H 'Contet-Type: application/json' \\\n  -d @instance.json\n```\n",
    f"```bash\ncurl -X POST {_CE} \\\n  -H \"content_type: application/json\" \\\n  -d @instance.json\n```\n",
    "```http\nPOST /elements/api-v2/instances\nAuthorization: User {{u}}, Organization {{o}}\n"
    "Content-Tpye: application/json\n\n{\"a\": 1}\n```\n",
])
def test_a_json_body_whose_content_type_header_is_misspelt(page):
    """helper-188: a runbook's `-H 'Contet-Type: application/json'` was reported as no header at all (at `-d`), and
    the fix added a second header beside the misspelt one; the finding is the header's name, and the fix spells it."""
    [found] = [f for f in check_page(page, path="p.md").findings if f.rule == "CE027"]
    line = page.splitlines()[found.line - 1]
    name = line[found.column - 1:found.end_column - 1]
    assert name.lower() != "content-type" and name.lower()[:4] == "cont", found
    assert found.fix is not None and found.fix.applicability == "safe" and f"`{name}`" in found.message
    fixed = apply_fixes(page, [found])[0]
    assert fixed == page.replace(name, "Content-Type", 1)
    assert not [f for f in check_page(fixed, path="p.md").findings if f.rule == "CE027"]


def test_a_page_of_blocks_that_never_close_is_read_in_linear_work(monkeypatch):
    """helper-188: reading a body's pieces from each block onwards read the blocks after it again (their brackets, and
    whether each is JSON alone): a page of 3,000 blocks each opening an object took a minute.  Each block's brackets
    are read once, and no piece is parsed until a block closes the body."""
    import validator.pages as pages

    depths, parsed = [], []
    real_depths, real_json = pages._depths, pages._is_json
    monkeypatch.setattr(pages, "_depths", lambda block: depths.append(block) or real_depths(block))
    monkeypatch.setattr(pages, "_is_json", lambda text: parsed.append(text) or real_json(text))
    page = "".join(f'x\n\n```json\n{{"a{i}": [\n```\n' for i in range(300))
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"]
    assert len(depths) == 300 and parsed == []


@pytest.mark.parametrize(("placeholder", "severity"), [
    ("<true|false>", "info"), ("<true or false>", "info"), ("<boolean>", "info"), ("<number>", "info"),
    ("<minutes>", "info"), ("<TRUE/FALSE>", "info"),
    ("<your key>", "error"), ("<string>", "error"), ("<CALLBACK_URL>", "error"),
])
def test_an_unquoted_placeholder_standing_for_a_literal_is_a_template_s(placeholder, severity):
    """helper-188: a page written as Cloud Elements' templates are (`"event.notification.enabled": <true|false>`) drew
    an error beside `"<CLIENT_ID>"`'s info: filled in, it parses (`true`), as the quoted one is filled in.  One standing
    for a string is still an error: the reader who fills it in writes a string without its quotes."""
    page = ('```json\n{"element": {"key": "closeio"}, "name": "x", "configuration": {"username": "<API_KEY>", '
            f'"event.notification.enabled": {placeholder}}}}}\n```\n')
    [found] = [f for f in check_page(page, path="p.md").findings if f.rule == "CE006"]
    assert found.severity == severity
    assert page.splitlines()[1][found.column - 1:found.end_column - 1] == placeholder


@pytest.mark.parametrize("label", ["Wrong:", "<!-- ce-validator: skip -->"])
def test_the_rest_of_a_counter_example_shown_in_pieces_is_not_checked(label):
    """helper-188: a wrong body shown in two blocks, prose between, its first labelled `Wrong:`: the first was skipped
    and the second, alone, drew CE001 (an error on a page quoting a mistake on purpose); the rest goes with the first."""
    page = (f"# x\n\n{label}\n\n```json\n{{\n  \"configuration\": {{\n    \"event.poller.refresh_interval\": \"ten\",\n"
            "```\n\nand the rest of it:\n\n```json\n    \"event.notification.enabled\": true\n  }\n}\n```\n")
    assert [f.rule for f in check_page(page, path="p.md").findings] == ["CE090"]
    # unlabelled, the two pieces are one body, checked
    shown = page.replace(label, "The body:")
    assert [f.rule for f in check_page(shown, path="p.md").findings] == ["CE206"]


def test_a_powershell_environment_variable_in_a_literal_string_is_sent_as_its_name():
    """helper-188: `"username": "${env:CLOSE_KEY}"` in `@'...'@` (or `-Body '...'`) is sent as written, PowerShell
    expanding nothing there; as curl's `'...'` (CE028), the platform stores the name.  Not when the script fills it in
    itself, nor in `@"..."@`, which expands it."""
    send = "Invoke-RestMethod -Method Post -Uri https://api.cloud-elements.com/elements/api-v2/instances " \
           "-ContentType 'application/json' -Body $body\n"
    body = '{"element": {"key": "closeio"}, "name": "x", "configuration": {"username": "%s"}}'
    for variable in ("${env:CLOSE_KEY}", "$env:CLOSE_KEY", "$Env:CLOSE_KEY"):
        page = f"```powershell\n$body = @'\n{body % variable}\n'@\n{send}```\n"
        [found] = [f for f in check_page(page, path="p.md").findings if f.rule == "CE028"]
        assert (found.line, page.splitlines()[2][found.column - 1:found.end_column - 1]) == (3, variable)
        single = f"```powershell\nirm -Method Post -Uri https://api.cloud-elements.com/elements/api-v2/instances " \
                 f"-ContentType 'application/json' -Body '{body % variable}'\n```\n"
        assert [f.rule for f in check_page(single, path="p.md").findings] == ["CE028"]
        expanding = page.replace("@'", '@"').replace("'@", '"@')
        assert [f.rule for f in check_page(expanding, path="p.md").findings] == []
        filled = page.replace(send, "$body = $ExecutionContext.InvokeCommand.ExpandString($body)\n" + send)
        assert [f.rule for f in check_page(filled, path="p.md").findings] == []


@pytest.mark.parametrize("fence", ["```text", "```", "~~~txt"])
def test_a_block_of_a_linter_s_report_is_no_body(fence: str) -> None:
    """The README's own "What the first command prints" (ce-validator's text report, its excerpt quoting a poller's
    `"url": ...` line) was read as a broken body: CE006 at its first line."""
    report = ("examples/sageone-polling.json:20:115: CE620 unbalanced quote: this ' never closes\n"
              "   |\n"
              "20 |         \"url\": \"/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' "
              "and attributes='created_at,updated_at\",\n"
              "   |                                                  ^ error\n"
              "   = help: close the value with '\n\n"
              "Found 1 error in 2 files.\n")
    close = fence[:3]
    page = f"# Quickstart\n\nWhat the command prints:\n\n{fence}\n{report}{close}\n"
    assert [f.rule for f in check_page(page, path="README.md").findings] == ["CE090"]
    concise = "instances/sage.json:20:115: CE620 [error] unbalanced quote: this ' never closes\n"
    assert [f.rule for f in check_page(f"{fence}\n{concise}{close}\n", path="x.md").findings] == ["CE090"]


@pytest.mark.parametrize("fence", ["```", "```text"])
def test_a_transcript_of_another_command_is_read_as_a_console_s(fence: str) -> None:
    """A bare fence showing `$ ce-validator check --format json x.json` and the report it printed drew CE006 at the
    `$`: a `$ ` prompt starts a terminal transcript, whose output is not a body (only `$ cat`'s is a file's)."""
    page = (f"{fence}\n$ ce-validator check --format json x.json\n{{\n  \"version\": 1,\n  \"findings\": [{{\"rule\": "
            "\"CE620\", \"pointer\": \"/configuration/event.poller.configuration/customers/url\"}]\n}\n```\n")
    assert [f.rule for f in check_page(page, path="x.md").findings] == ["CE090"]
    shown = (f"{fence}\n$ cat instance.json\n{{\"element\": {{\"key\": \"sageone\"}}, \"configuration\": "
             "{\"event.poller.refresh_interval\": \"fifteen\"}}\n```\n")
    assert "CE090" not in [f.rule for f in check_page(shown, path="x.md").findings]


@pytest.mark.parametrize("closing", ["", "    ```\n", "~~~\n"])
def test_text_after_a_block_never_closed_is_said_as_the_fence_s_mistake(closing: str) -> None:
    """helper-196: a ```json block never closed (no fence, one indented four spaces, ~~~ under ```) ran on into the
    prose below, and the page said only 'unexpected `S` after the end of the document', which names no fence."""
    body = '{"element": {"key": "sageone"}, "name": "x"}'
    page = f"# Setup\n\n```json\n{body}\n{closing}\nSend it, then:\n\n## Next\n"
    (found,) = [f for f in check_page(page).findings if f.rule == "CE001"]
    assert found.help is not None and found.help.startswith("the code block's ``` is never closed")
    closed = check_page(f"# Setup\n\n```json\n{body}\n```\n\nSend it.\n").findings
    assert not [f for f in closed if f.rule == "CE001"]
    missing_brace = check_page(f"# Setup\n\n```json\n{body[:-1]}\n\nSend it.\n").findings
    assert not [f for f in missing_brace if f.help and "never closed" in f.help]


@pytest.mark.parametrize("language", ["json", "jsonc"])
@pytest.mark.parametrize("below", ["## Next steps", "# Next steps"])
def test_a_heading_after_a_block_never_closed_is_not_a_comment_to_remove(language: str, below: str) -> None:
    """helper-201: a ```json block never closed ran on into the page's next heading, `## Next steps`, which was CE003
    (a `#` comment) with a fix that removed it: --fix deleted the page's heading, and the message named no fence."""
    body = '{"element": {"key": "sageone"}, "name": "x"}'
    page = f"# Setup\n\n```{language}\n{body}\n\n{below}\n\nCall `GET /instances/{{id}}`.\n"
    (found,) = [f for f in check_page(page).findings if f.rule in ("CE001", "CE003")]
    assert (found.rule, found.line, found.fix) == ("CE001", 6, None), found
    assert found.help is not None and found.help.startswith("the code block's ``` is never closed"), found
    closed = page.replace(f"{body}\n\n", f"{body}\n```\n\n")
    assert [f.rule for f in check_page(closed).findings if f.rule in ("CE001", "CE003")] == [], closed


@pytest.mark.parametrize("language", ["sh-session", "shell-script", "ksh"])
def test_a_curl_command_in_a_shell_block_named_as_highlighters_name_it_is_read(language: str) -> None:
    """helper-201: Prism's (Docusaurus') `sh-session`, Linguist's `shell-script` and Pygments' `ksh` name a shell's
    block; its curl body was not read (a page with a broken body was skipped as holding none)."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    page = (f"```{language}\ncurl -X POST https://api.cloud-elements.com/elements/api-v2/instances "
            f"-H 'Content-Type: application/json' -d '{body}'\n```\n")
    assert "CE206" in {f.rule for f in check_page(page, path="p.md").findings}, page


@pytest.mark.parametrize(("opening", "closing", "path"), [
    ("{% comment %}", "{% endcomment %}", "p.md"), ("{%- comment -%}", "{%- endcomment -%}", "p.md"),
    ("{::comment}", "{:/comment}", "p.md"), ("{/*", "*/}", "p.mdx"), ("{/* an old example:", "  */}", "p.mdx"),
    ("%% the old poller", "%%", "p.md"),
])
def test_a_block_inside_a_comment_the_page_drops_is_not_checked(opening: str, closing: str, path: str) -> None:
    """helper-201: a block commented out by Jekyll's `{% comment %}`, kramdown's `{::comment}`, MDX's `{/* ... */}`
    (MDX has no HTML comment) or Obsidian's `%%` is not on the rendered page, and was checked (and fixed) as one of its bodies."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    block = f"```json\n{body}\n```\n"
    page = f"# Old\n\n{opening}\n{block}{closing}\n\nThe body:\n\n{block}"
    found = check_page(page, path=path).findings
    assert [(f.rule, f.line) for f in found if f.rule == "CE206"] == [("CE206", page.count("\n") - 1)], (page, found)
    # (a comment never closed hides nothing; one closed on its line is no comment around a block)
    for shown in (page.replace(closing, "text"), page.replace(f"{opening}\n", f"{opening} x {closing}\n")):
        assert [f.rule for f in check_page(shown, path=path).findings].count("CE206") == 2, shown


def test_a_batch_file_s_doubled_percent_closes_no_obsidian_comment() -> None:
    """helper-204: `for %%f in ...` in a batch file's block closed a `%%` line far above it (one that opened no
    comment, never closed), so the body between went unchecked; Obsidian's `%%` ends a comment at a line's start or
    end."""
    body = '{"element": {"key": "sageone"}, "name": "x", "configuration": {"event.poller.refresh_interval": "ten"}}'
    page = (f"# A\n\n%% draft\n\n```json\n{body}\n```\n\n```bat\nfor %%f in (*.json) do curl -d @%%f\n```\n")
    assert "CE206" in {f.rule for f in check_page(page, path="p.md").findings}, page


@pytest.mark.parametrize(("value", "expected"), [("<minutes>", ("CE620", 10)), ("{{refresh_interval}}", ("CE620", 10)),
                                               ("YOUR_INTERVAL", ("CE006", 8))])  # (a bare word: not read around)
def test_a_body_shown_in_part_with_an_unquoted_placeholder_is_checked(value, expected):
    """h194: a body with `...` and an unquoted placeholder value (`"event.poller.refresh_interval": <minutes>`) was
    skipped whole, each alone being read: the dots gone, the rest was not JSON, and its unclosed quote passed."""
    block = ('{\n  "element": {"key": "sageone"},\n  "configuration": {\n    ...\n'
             f'    "event.poller.refresh_interval": {value},\n'
             '    "event.poller.configuration": {"customers": {\n'
             '      "url": "/hubs/finance/customers?where=lastModifiedDate>=\'${gmtDate:yyyy-MM-dd}",\n'
             '      "idField": "id"}}\n  }\n}')
    found = check_page(f"# Body\n\n```json\n{block}\n```\n", path="p.md").findings
    assert expected in [(f.rule, f.line) for f in found], found


@pytest.mark.parametrize("tabs", [
    "<Tabs\n  defaultValue=\"fixed\"\n  values={[\n    {label: 'Wrong', value: 'orig'},\n    {label: 'Right', value: 'fixed'},\n  ]}>",
    "<Tabs defaultValue=\"fixed\" values={[{label: \"\u274c Don't\", value: \"orig\"}, {value: 'fixed', label: 'Fixed'}]}>",
])
def test_an_old_docusaurus_tab_is_titled_by_the_label_its_tabs_give_its_value(tabs):
    """h216: Docusaurus 1-2's `<Tabs values={[{label: 'Wrong', value: 'orig'}, ...]}>` labels its `<TabItem value="orig">`;
    the labels were not read (and a `<Tabs` tag over lines not seen), so the counter-example was checked and "fixed"."""
    page = f'{tabs}\n<TabItem value="orig">\n\n{_COUNTER}\n</TabItem>\n<TabItem value="fixed">\n\nThe poller:\n\n{_COUNTER}\n</TabItem>\n</Tabs>\n'
    found = check_page(page, path="p.mdx").findings
    assert {f.line for f in found if f.rule == "CE620"} == {page.splitlines().index("The poller:") + 4}, found
    # (a value its Tabs do not label is the tab's title, as Docusaurus shows it: `orig` says nothing either way)
    unlabelled = page.replace("value: 'orig'", "value: 'other'").replace('value: "orig"', 'value: "other"')
    assert len([f for f in check_page(unlabelled, path="p.mdx").findings if f.rule == "CE620"]) == 2


def test_a_hugo_shortcode_closes_the_last_one_of_its_name():
    """h216: `{{< /tab >}}` closed the last Hugo shortcode whatever its name: a `{{< hint >}}` in a `Wrong` tab whose
    `{{< /hint >}}` ended a line of text stayed open, the tab's closing closed it instead, and every block of the next
    tabs (`JSON`) was read inside the `Wrong` one, unchecked."""
    page = (f'{{{{< tabs "x" >}}}}\n{{{{< tab "Wrong" >}}}}\n{{{{< hint warning >}}}}\nThe quote is missing. {{{{< /hint >}}}}\n\n'
            f'{_COUNTER}{{{{< /tab >}}}}\n{{{{< tab "JSON" >}}}}\n\n{_COUNTER}{{{{< /tab >}}}}\n{{{{< /tabs >}}}}\n')
    found = check_page(page, path="p.md").findings
    assert {f.line for f in found if f.rule == "CE620"} == {page.splitlines().index('{{< tab "JSON" >}}') + 4}, found


_PS_TEXT = "$body = @'\n{\"element\": {\"key\": \"closeio\"}, \"name\": \"close\"}\n'@\n"
_PS_SEND = ("Invoke-RestMethod -Method Post -Uri https://api.cloud-elements.com/elements/api-v2/instances "
            "-ContentType 'application/json' -Body ")


@pytest.mark.parametrize(("script", "reported"), [
    (f"{_PS_TEXT}{_PS_SEND}($body | ConvertTo-Json)\n", True),
    (f"{_PS_TEXT}$json = ConvertTo-Json -Depth 10 -InputObject $body\n{_PS_SEND}$json\n", True),
    ("$body = '{\"element\": {\"key\": \"closeio\"}}'\n" + f"{_PS_SEND}(ConvertTo-Json $body)\n", True),
    # (sent as it is, made an object first, set to a hashtable since, or only named in a comment or a string)
    (f"{_PS_TEXT}{_PS_SEND}$body\n", False),
    (f"{_PS_TEXT}{_PS_SEND}($body | ConvertFrom-Json | ConvertTo-Json -Depth 10)\n", False),
    (f"{_PS_TEXT}$body = @{{ element = @{{ key = 'closeio' }} }}\n{_PS_SEND}($body | ConvertTo-Json)\n", False),
    (f"{_PS_TEXT}# not ($body | ConvertTo-Json)\n{_PS_SEND}$body\n", False),
    (f"{_PS_TEXT}Write-Host 'never $body | ConvertTo-Json'\n{_PS_SEND}$body\n", False),
    # (h219: piped to ConvertFrom-Json where it is set, an object; a format string, no JSON)
    (f"{_PS_TEXT[:-1]} | ConvertFrom-Json\n{_PS_SEND}($body | ConvertTo-Json -Depth 10)\n", False),
    ("$body = '{\"element\": {\"key\": \"closeio\"}}' | ConvertFrom-Json\n"
     f"{_PS_SEND}($body | ConvertTo-Json -Depth 10)\n", False),
    ("$label = '{0}-poller' -f $env:STAGE\n$json = ConvertTo-Json -InputObject $label\n", False),
    ("$body = '{{\"name\": \"{0}\"}}' -f $name\n" + f"{_PS_SEND}($body | ConvertTo-Json)\n", True),
])
def test_powershell_json_text_given_to_convertto_json_is_reported(script, reported):
    """h216: `$body = @'{...}'@` then `-Body ($body | ConvertTo-Json)` sends one JSON string, the body's text quoted
    and escaped, which the platform refuses; the page passed."""
    page = f"```powershell\n{script}```\n"
    found = [f for f in check_page(page, path="p.md").findings if f.rule == "CE030"]
    assert bool(found) is reported, (page, found)
    if reported:
        line = page.splitlines()[found[0].line - 1]
        assert line[found[0].column - 1:found[0].end_column - 1] == "ConvertTo-Json", found


@pytest.mark.parametrize(("items", "checked"), [('"Wrong,Right"', (1,)), ("'\u274c Before, \u2705 After'", (1,)),
                                                 ('"JSON,YAML"', (0, 1)), ('"Right,Wrong"', (0,))])
def test_a_hextra_tab_is_titled_by_its_place_in_the_tabs_items(items, checked):
    """h216: Hextra titles its untitled `{{< tab >}}`s by the `{{< tabs items="Wrong,Right" >}}` in order; the items were
    not read, so the counter-example was checked and "fixed"."""
    page = (f"{{{{< tabs items={items} >}}}}\n\n{{{{< tab >}}}}\n{_COUNTER}{{{{< /tab >}}}}\n"
            f"{{{{< tab >}}}}\n{_COUNTER}{{{{< /tab >}}}}\n\n{{{{< /tabs >}}}}\n")
    found = [f.line for f in check_page(page, path="p.md").findings if f.rule == "CE620"]
    blocks = [index + 2 for index, line in enumerate(page.splitlines()) if line.startswith("```json")]
    assert found == [blocks[tab] for tab in checked], found


def test_a_line_of_many_quoted_here_document_openings_is_read_once_per_opening_asked(monkeypatch):
    """A review (h228): each `<<EOF` of a line is asked about from the line's start (in quotes? in a comment?); a
    hostile line of 20,000 quoted ones was read 20,000 times over (quadratic).  Only the first few are asked."""
    from validator.pages import curl

    calls: list[int] = []
    real = curl._open_at_end

    def counted(line: str, quote: str) -> tuple[str, bool]:
        calls.append(len(line))
        return real(line, quote)

    monkeypatch.setattr(curl, "_open_at_end", counted)
    shell = "echo '" + "<<EOF " * 20_000 + "'\ncurl https://api.cloud-elements.com/x \\ \n  -x\n"
    assert [p.rule for p in curl._blanks_after_continuations(shell)] == ["CE025"]
    assert sum(calls) < 40 * len(shell)
