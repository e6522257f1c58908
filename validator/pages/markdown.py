"""Code blocks of a Markdown page, cut out with their positions in the page.

What is a block
---------------
Every fenced code block (```` ``` ```` or ``~~~``, at any indentation, inside list items and
block quotes, a longer fence holding shorter ones) as CommonMark defines it: the page is parsed
by ``markdown-it-py`` (CommonMark compliant, well kept), which knows what a hand-written scanner
gets wrong (a fence inside an indented code block or an HTML block is not a fence; a list item's
continuation indentation; block-quote markers).  A block's text is the page's own text of its
content lines, less what the container takes (the fence's indentation, ``> `` markers), so a
block saved to a ``.json`` file gives the same findings, moved by the block's position.  A tab
counts as a tab stop for indentation (CommonMark) and is removed whole.  An indented (4-space) code
block is read too, as a block without a language (a curl command line in one as a ``console`` block, and
one that opens with a fence line as the fenced block its author meant).  What documentation tools write around a
block is read as they render it: Jekyll's ``{% highlight json %}`` ... ``{% endhighlight %}`` (and Hugo's
``{{< highlight json >}}``) is a fenced block, a MyST directive's ``{code-block} json`` a ``json`` one
(a MyST directive of Markdown written as a fence, ``{note}``, ``{admonition} Title``, is a container), a
block right under an MkDocs admonition or content tab (``!!! note``, ``??? tip``, ``=== "Tab"``) or an MDX
component's tag (Docusaurus' ``<TabItem value="json">``) is read as a block, not as the text of a paragraph or an
HTML block.  An HTML block's ``<pre>`` (``<pre><code class="language-json">``, as a page exported from a wiki holds
its bodies) is a block too: its entities stand for their characters and a highlighter's tags are left out.

Front matter and Liquid
-----------------------
A page may start with YAML front matter (``---`` ... ``---``; Hugo's TOML, ``+++`` ... ``+++``).  Its top-level
``key: value`` (``key = "value"``) scalars are the page's variables: in a block, ``{{ page.key }}`` (also ``{{page.key}}``) is
replaced by the value, which stands for the whole tag in the page (see
:mod:`validator.pages.positions`), so the element key drives element checks and no column of
the rest of the line moves.  ``{% raw %}`` / ``{% endraw %}`` tags are removed (Jekyll does).
Every other Liquid tag (``{{ site.console }}``, ``{{ page.x | downcase }}``, ``{% include %}``,
a variable the page does not define) stays in the text and is checked as a placeholder.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from collections.abc import Iterator
from typing import Any

from ..lazy_pattern import LazyPattern
from .curl import CURL_WORD, HTTPIE_COMMAND
from .positions import PositionMap, TextBuilder, line_starts


_LINE = LazyPattern(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FRONT_OPEN = LazyPattern(r"(---|\+\+\+)[ \t]*$")
_FRONT_CLOSE = LazyPattern(r"(?:---|\.\.\.)[ \t]*$")
_FRONT_ENTRY = LazyPattern(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)")  # (the value's end blanks: stripped after)
# Hugo's TOML front matter (`+++` ... `+++`): `elementKey = "sfdc"`; a `[table]` line starts keys that are not top-level
_TOML_CLOSE = LazyPattern(r"\+\+\+[ \t]*$")
_TOML_ENTRY = LazyPattern(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*)")
_LIQUID = LazyPattern(r"\{\{-?[ \t]*page\.([A-Za-z_][A-Za-z0-9_-]*)[ \t]*-?\}\}|\{%-?[ \t]*(?:raw|endraw)[ \t]*-?%\}"
                      # another tag holding a `"` (a filter's argument, Hugo's `{{< param "key" >}}`): the site renders it
                      r"|(?P<quoted>(?<!\$)\{\{[^{}\"\r\n]*+\"[^{}\r\n]*+\}\}|\{%[^%{}\"\r\n]*+\"[^%{}\r\n]*+%\})")
_BARE_QUOTE = LazyPattern(r'(?<!\\)"')


@dataclass(frozen=True, slots=True)
class Block:
    """One code block: its text as checked, where it is, and how to map offsets back.

    ``text`` is the content with the container's indentation removed and the page's Liquid
    variables substituted; ``raw`` the same before substitution; ``info`` the fence's
    language (lower case, ``""`` when none); ``line`` the page line (1-based) of the opening
    fence (of the first line of an indented block); ``content_line`` the page line of the first content line.
    """

    text: str
    raw: str
    info: str
    line: int
    content_line: int
    mapping: PositionMap = field(repr=False)
    skip: bool = False  # a counter-example (labelled wrong) or a `<!-- ce-validator: skip -->` block
    ignore: frozenset[str] = frozenset()  # rule codes (or prefixes) a `<!-- ce-validator: ignore ... -->` names
    file: str = ""  # the file the block is, as the page names it (`title="instance.json.tftpl"`, a label line)
    escaped: bool = False  # written in a JSON string (ReadMe's `[block:code]`): no edit of it is the page's
    unclosed: str = ""  # the fence (```) of a block never closed: it runs to the page's end

    def to_page(self, offset: int, *, end: bool = False) -> int:
        """The page offset of an offset into :attr:`text` (``end=True`` for the end of a range)."""
        return self.mapping.to_page(offset, end=end)


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page: its text, its front-matter variables and its fenced blocks."""

    text: str
    variables: dict[str, str]
    blocks: tuple[Block, ...]


def parse_page(text: str) -> Page:
    """Parse the Markdown ``text`` of a page (already decoded)."""
    lines = _LINE.findall(text)
    if lines and lines[-1] == "":
        lines.pop()
    starts = line_starts(text)
    variables, front_end = _front_matter(lines)
    # markdown-it sees the front matter as blank lines, so its line numbers stay the page's.
    body = "\n" * front_end + "".join(lines[front_end:])
    if "!!!" in body or "???" in body or "===" in body or "{%" in body or "{{<" in body or "{{%" in body \
            or "`{" in body or "~{" in body or "{/*" in body or "{::" in body or "%%" in body \
            or "<" in body and _COMPONENT_START.search(body):
        body = _as_rendered(body)
    return Page(text=text, variables=variables,
                blocks=tuple(_blocks(text, lines, starts, body, variables)))


# An admonition or a content tab of MkDocs (Python-Markdown's `!!! note "Title"`, pymdownx's collapsible `??? note`
# and `=== "Tab"`), as those extensions read them: its content is the lines indented four spaces under it.
_ADMONITION = LazyPattern(r"(?P<indent>[ \t]*+)(?:(?:!!!|\?\?\?\+?)[ \t]*+(?P<type>[\w\-]++)(?:[ \t]++[\w\-]++)*"  # (no possessive group: 3.11.2)
                         r"(?:[ \t]++\"(?P<title>[^\"\r\n]*+)\")?|===[+!]?[ \t]++\"(?P<tab>[^\"\r\n]*+)\")[ \t]*+(?:\r?\n)?")
# A line that is only an MDX component's tag (Docusaurus' `<Tabs>`, `<TabItem value="json">`): MDX reads a fence right
# under it as a code block, where CommonMark would take it into an HTML block.  (A component's name
# starts with a capital and has a small letter; an HTML tag's, `<details>` or `<DIV>`, keeps CommonMark's reading.)
_COMPONENT_START = LazyPattern(r"(?m)^[ \t]*</?[A-Z]")
_COMPONENT_LINE = LazyPattern(r"[ \t]{0,3}+</?[A-Z](?=[\w.]*?[a-z])[\w.]*+(?:[ \t]++[^<>\r\n]*+)?>[ \t]*+(?:\r?\n)?")
# (`<TABLE>` is HTML; one indented four spaces or more is left as it is: blank, it would make what follows an
# indented code block)
# Jekyll's highlighted block: `{% highlight json linenos %}` ... `{% endhighlight %}`
# and Hugo's shortcode: `{{< highlight json "linenos=table" >}}` ... `{{< /highlight >}}` (or `{{% ... %}}`)
_HIGHLIGHT = LazyPattern(r"(?P<indent>[ \t]*+)(?:\{%-?[ \t]*+highlight[ \t]++(?P<language>[\w+\-]++)[^%\r\n]*+%\}"
                        r"|\{\{[<%][ \t]*+highlight[ \t]++(?P<hugo>[\w+\-]++)[^>%\r\n]*+[>%]\}\})[ \t]*+(?:\r?\n)?")
_HIGHLIGHT_END = LazyPattern(r"[ \t]*+(?:\{%-?[ \t]*+endhighlight[ \t]*+-?%\}|\{\{[<%][ \t]*+/highlight[ \t]*+[>%]\}\})"
                            r"[ \t]*+(?:\r?\n)?")
# A fence as CommonMark reads one: indented three spaces at most, a backtick fence's info string holding no backtick
_FENCE_START = LazyPattern(r" {0,3}+(?P<fence>`{3,}+(?=[^`\r\n]*+(?:\r?\n)?$)|~{3,}+)")
# A comment the documentation tool drops, with what it holds, opened on a line of its own: Liquid's (Jekyll's)
# `{% comment %}` ... `{% endcomment %}`, kramdown's `{::comment}` ... `{:/comment}`, MDX's `{/*` ... `*/}`, Obsidian's
# `%%` ... `%%`; and the line that closes each
_HIDDEN_START = LazyPattern(r"[ \t]*+(?:(?P<liquid>\{%-?[ \t]*+comment[ \t]*+-?%\})|(?P<kramdown>\{::comment\})"
                            r"|(?P<mdx>\{/\*)|(?P<obsidian>%%))")
_HIDDEN_END = {"liquid": LazyPattern(r"\{%-?[ \t]*+endcomment[ \t]*+-?%\}"),
               "kramdown": LazyPattern(r"\{:/(?:comment)?\}"), "mdx": LazyPattern(r"\*/[ \t]*+\}"),
               # (Obsidian's at a line's start or end: `for %%f in ...` in a batch file's block closes nothing)
               "obsidian": LazyPattern(r"^[ \t]*+%%|%%[ \t]*+$", re.MULTILINE)}


def _as_rendered(body: str) -> str:
    """``body`` as the documentation tool that renders it reads it, for markdown-it: an admonition's or a content
    tab's line blank and its content indented as the line was (a fenced block right under `!!! note` is otherwise a
    paragraph's text), an MDX component's tag line blank, and Jekyll's `{% highlight json %}` ... `{% endhighlight %}`
    written as a fence.  Nothing inside a fenced block is touched (a page may show such source in a ```` ```markdown
    ```` block); every line stays where it is, and a block's content is found in the page's own lines."""
    lines = body.splitlines(keepends=True)
    opened: list[tuple[str, str]] = []  # each admonition open: (its content's prefix in the page, its indent once read)
    fence: tuple[str, int, int] | None = None  # the open fence's character, length, and the admonitions it is in
    directives: list[tuple[str, int]] = []  # each MyST directive open whose content is Markdown: its fence
    options = False  # the lines right under a directive's fence: its options (`:class: danger`), not its content
    run = [0, 0, -1]  # the run of tag lines last read by _fence_below: its start, its end, its last tag tab-indented
    hidden: LazyPattern[str] | None = None  # the end of the comment open (`{% endcomment %}`): the lines up to it are dropped
    last_end: dict[str, int] = {}  # each comment kind's last closing line (one never closed hides nothing)
    for index, line in enumerate(lines):
        if hidden is not None:
            if hidden.search(line) is not None:
                hidden = None
            lines[index] = line[len(line.rstrip("\r\n")):]
            continue
        if line.strip():
            while opened and _content_cut(line, opened[-1][0]) is None:
                opened.pop()
                if fence is not None and fence[2] > len(opened):
                    fence = None  # (its container ended: so did it)
        text, cut, ending = line, 0, line[len(line.rstrip("\r\n")):]
        if opened:
            prefix, indent = opened[-1]
            cut = _content_cut(line, prefix) or len(line)
            text = indent + line[cut:] if line.strip() else ending
        if options:
            options = _MYST_OPTION.fullmatch(text.rstrip("\r\n")) is not None
            if options:
                lines[index] = ending
                continue
        if fence is None and directives and _closes(text, directives[-1]):
            directives.pop()
            lines[index] = ending  # (a directive's closing fence: its content ends, it is no code block's)
            continue
        if fence is not None:
            if fence[0] == "{":
                closing = _HIGHLIGHT_END.fullmatch(text)
                text = _indent_of(text) + "```" + ending if closing else text
            else:
                closing = _FENCE_START.match(text)
                closing = closing if closing and closing.group("fence")[0] == fence[0] and \
                    len(closing.group("fence")) >= fence[1] and not text[closing.end():].strip() else None
            if closing:
                fence = None
        elif (comment := _HIDDEN_START.match(text)) is not None \
                and _HIDDEN_END[kind := comment.lastgroup or ""].search(text, comment.end()) is None \
                and index < _last_line(lines, _HIDDEN_END[kind], kind, last_end):
            hidden, text = _HIDDEN_END[kind], ending
        elif (start := _FENCE_START.match(text)) is not None:
            if _MYST_CONTAINER.match(text, start.end()) is not None:
                directives.append((start.group("fence")[0], len(start.group("fence"))))
                text, options = ending or "\n", True  # (its content is the page's Markdown: its blocks are blocks)
            else:
                fence = (start.group("fence")[0], len(start.group("fence")), len(opened))
        elif (highlight := _HIGHLIGHT.fullmatch(text)) is not None:
            text = highlight.group("indent") + "```" + (highlight.group("language") or highlight.group("hugo")) + ending
            fence = ("{", 0, len(opened))
        elif (header := _ADMONITION.fullmatch(text)) is not None:
            read = opened[-1][1] if opened else ""
            if header.group("indent").startswith(read):  # (its content's prefix: the page's, up to its own indent)
                opened.append((line[:cut] + header.group("indent")[len(read):], header.group("indent")))
                text = ending or "\n"
        elif _COMPONENT_LINE.fullmatch(text) and (below := _fence_below(lines, index, run)) is not None:
            # blank, as MDX reads it; above a fence indented as code, an empty HTML comment instead, which ends the
            # indented block above (blank, it would join the fences of two tabs into one indented block)
            text = ending if _FENCE_START.match(below) else _indent_of(text) + "<!---->" + (ending or "\n")
        lines[index] = text
    return "".join(lines)


def _last_line(lines: list[str], pattern: LazyPattern[str], kind: str, found: dict[str, int]) -> int:
    """The index of the last of ``lines`` where ``pattern`` matches (-1 for none), looked for once a ``kind``."""
    if kind not in found:
        found[kind] = next((index for index in range(len(lines) - 1, -1, -1) if pattern.search(lines[index])), -1)
    return found[kind]


def _closes(text: str, directive: tuple[str, int]) -> bool:
    """Whether ``text`` is the closing fence of the MyST directive whose opening fence is ``directive``."""
    closing = _FENCE_START.match(text)
    return closing is not None and closing.group("fence")[0] == directive[0] \
        and len(closing.group("fence")) >= directive[1] and not text[closing.end():].strip()


def _fence_below(lines: list[str], index: int, run: list[int]) -> str | None:
    """The fence line right below the MDX component tags starting at ``lines[index]`` (`<TabItem value="json">` then
    ```` ```json ````), else None: only above a fence are they read as MDX reads them; other JSX keeps CommonMark's
    reading.  ``run`` keeps the run of tags read last, so each of its lines is read once (a page of tags was
    quadratic)."""
    if not run[0] <= index < run[1]:
        run[:] = [index, index, -1]
        while run[1] < len(lines) and _COMPONENT_LINE.fullmatch(lines[run[1]]):
            if "\t" in _indent_of(lines[run[1]]):
                run[2] = run[1]
            run[1] += 1
    end = run[1]
    # (a tag indented by a tab: as an HTML comment it would be indented code, so CommonMark's reading)
    tabbed = run[2] >= index
    if end == len(lines) or _MDX_FENCE.match(lines[end]) is None:
        return None
    return lines[end] if not tabbed or _FENCE_START.match(lines[end]) else None


# A fence as MDX reads one: indented as deep as it likes (MDX has no indented code), as under `  <TabItem>` (by
# spaces: one indented by tabs keeps CommonMark's reading, as markdown-it would not find the fence in its code block)
_MDX_FENCE = LazyPattern(r" *(?:`{3,}|~{3})")


def _content_cut(line: str, prefix: str) -> int | None:
    """Where the content of an admonition whose content's prefix is ``prefix`` starts in ``line`` (four columns past
    it, a tab to the next stop of four), or None when ``line`` is not indented so."""
    if not line.startswith(prefix):
        return None
    column, index = 0, len(prefix)
    while column < 4 and index < len(line) and line[index] in " \t":
        column = column + 1 if line[index] == " " else column + 4 - column % 4
        index += 1
    return index if column >= 4 else None


def _indent_of(text: str) -> str:
    return text[:len(text) - len(text.lstrip(" \t"))]


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The front matter's top-level scalars and the number of lines it takes (0 without one)."""
    opening = _FRONT_OPEN.match(lines[0].rstrip("\r\n")) if lines else None
    if opening is None:
        return {}, 0
    toml = opening.group(1) == "+++"
    closing, entries = (_TOML_CLOSE, _TOML_ENTRY) if toml else (_FRONT_CLOSE, _FRONT_ENTRY)
    variables: dict[str, str] = {}
    top_level = True
    for index in range(1, len(lines)):
        line = lines[index].rstrip("\r\n")
        if closing.match(line):
            return variables, index + 1
        top_level = top_level and not (toml and line.lstrip().startswith("["))
        entry = entries.fullmatch(line) if top_level else None
        if entry is not None:
            value = _scalar(entry.group(2).rstrip(" \t"))
            if value is not None:
                variables[entry.group(1)] = value
    return {}, 0  # no closing line: not front matter


def _scalar(raw: str) -> str | None:
    """A YAML plain or quoted scalar on one line; ``None`` for anything else (a map, a list, a block)."""
    if not raw or raw[0] in "[{|>&*!%@`#":
        return None
    if raw[0] in "'\"":
        quote = raw[0]
        end = raw.rfind(quote)
        if end <= 0 or raw[end + 1:].strip() and not raw[end + 1:].lstrip().startswith("#"):
            return None
        inner = raw[1:end]
        return inner.replace("''", "'") if quote == "'" else inner.replace('\\"', '"').replace("\\\\", "\\")
    comment = re.search(r"[ \t]#", raw)
    return (raw[:comment.start()] if comment else raw).rstrip()


@lru_cache(maxsize=1)
def _parser() -> Any:
    """A CommonMark block parser (markdown-it-py); inline parsing is not needed to find code blocks."""
    from markdown_it import MarkdownIt

    # (past its nesting limit, markdown-it reads no more of the page: the preset's 20 is a list ten levels deep, which
    # pages reach; 300 levels stay well inside Python's recursion limit)
    return MarkdownIt("commonmark", {"maxNesting": _DEEPEST_NESTING}).disable(["inline", "text_join"], ignoreInvalid=True)


_DEEPEST_NESTING = 300


def _blocks(text: str, lines: list[str], starts: list[int], body: str, variables: dict[str, str]) -> list[Block]:
    found = []
    contained = _container_titles(lines) if any(opening in text for opening in _CONTAINER_OPENINGS) else []
    body_lines = body.splitlines(keepends=True)
    tokens = _parser().parse(body)
    if "<CodeBlock" in text:  # (Docusaurus' component, its content a template literal: read outside fenced blocks)
        fenced = [token.map for token in tokens if token.type in ("fence", "code_block") and token.map is not None]
        found.extend(_code_block_components(text, lines, starts, fenced, contained, variables))
    if "[block:code]" in text:  # (ReadMe's code block: its codes are JSON strings)
        fenced = [token.map for token in tokens if token.type in ("fence", "code_block") and token.map is not None]
        found.extend(_readme_blocks(text, lines, starts, fenced, contained, variables))
    for token in tokens:
        if token.type == "html_block" and token.map is not None and "<pre" in token.content.lower():
            found.extend(_pre_blocks(text, lines, starts, token.map, contained, variables))
            continue
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        first, last = token.map
        top = first  # the block's first page line: what is written above it is said of it
        content = token.content.split("\n") if token.content else []
        if content and content[-1] == "":  # the last line's end (none at the end of a page without one)
            content.pop()
        indented = token.type == "code_block"  # no fence line: the content starts on the block's first line
        info, label = _unnamed_language(language_of(token.info), token.content), first + 1  # (named by its fence's line)
        if indented:
            first -= 1
        # a fenced block indented four spaces too many, or wrapped in a fence that names no language (`~~~~` around
        # ```` ```json ````): read as its author meant it
        fence = _FENCE_LINE.match(content[0]) if content and (indented or info in PLAIN_TEXT_LANGUAGES) else None
        if fence is not None and not indented and [index for index, line in enumerate(content) if
                                                    _FENCE_LINE.match(line)] != [0, len(content) - 1]:
            info = "markdown"  # a wrapper around more than one block: a page's source, shown
        elif fence is not None:
            first, content, info = first + 1, content[1:], language_of(fence.group(2))
            # (it ends at its closing fence: an indented block may go on past it, `    </TabItem>` under MDX tabs)
            closing = [index for index, line in enumerate(content) if line.strip() == fence.group(1)]
            if closing:
                del content[closing[0]:]
        elif indented:
            info, label = _unnamed_language("", token.content), first + 2  # (it names no language)
        closed = not indented and first + 1 + len(content) < last
        options = _myst_options(content) if not indented and _MYST_DIRECTIVE.match(token.info) else 0
        builder = TextBuilder()
        for index, inner in enumerate(content):
            if index < options:
                continue  # (the directive's, not the block's)
            number = first + 1 + index
            if number >= len(lines):
                break
            whole = lines[number]
            line = whole.rstrip("\r\n")
            cut = _cut(line, inner)
            builder.copy(whole[cut:], starts[number] + cut)
        if closed and last - 1 < len(lines):
            fence_line = body_lines[last - 1].rstrip("\r\n")  # (as markdown-it read it: `{% endhighlight %}` is ```)
            end = starts[last - 1] + len(fence_line.rstrip().rstrip(token.markup[0]))
        else:
            after = first + 1 + len(content)
            end = starts[after] if after < len(starts) else len(text)
        raw, mapping = builder.build(end=end)
        substituted, mapping = _substitute(raw, mapping, variables)
        titles = contained[top] if contained and top < len(contained) else ()
        named = _FENCE_TITLE.search(token.info) if "title=" in token.info or "name=" in token.info else None
        if named is not None:  # (```` ```json title="wrong-poller.json" ````: a file's name as the block's title)
            titles = (_file_title(named.group(1)), *titles)
        tab = _FENCE_LABEL.search(token.info) if "[" in token.info else None
        if tab is not None:  # (VitePress' ```` ```json [Wrong] ````: the block's tab in a code group)
            titles = (_tab_title("tab", tab.group(1)), *titles)
        words = _FENCE_WORDS.fullmatch(token.info.strip()) if not indented else None
        if words is not None:  # (Mintlify's ```` ```json Wrong ````: a `<CodeGroup>`'s tab)
            titles = (words.group(1), *titles)
        skip, ignore = _reader_notes(lines, top, titles)
        skip = skip or _labelled_inside(substituted) or (closed and _labelled_below(lines, last))
        found.append(Block(text=substituted, raw=raw, info=info, line=label, content_line=first + 2,
                           mapping=mapping, skip=skip, ignore=ignore,
                           file=_file_named(token.info, named, lines, top) if not indented else "",
                           unclosed=token.markup if not indented and not closed and not fence else ""))
    return found


# An HTML code block (`<pre><code class="language-json">...</code></pre>`, as a page exported from a wiki or written
# in HTML holds one): its language from the class a highlighter reads (`language-json`, `lang-json`, `json`) or a
# `lang`/`data-lang` attribute.  Its content is HTML: a tag inside it (a highlighter's `<span>`) is left out and an
# entity (`&quot;`, `&lt;`, `&#39;`) stands for its character.
_PRE = LazyPattern(r"<pre\b(?P<pre>[^<>\r\n]{0,1000}+)>(?:\s*+<code\b(?P<code>[^<>\r\n]{0,1000}+)>)?", re.IGNORECASE)
_PRE_END = LazyPattern(r"(?:</code>\s*+)?</pre>", re.IGNORECASE)
_ATTRIBUTE = LazyPattern(r"(?P<name>[\w-]++)\s*+=\s*+(?:\"(?P<double>[^\"]*+)\"|'(?P<single>[^']*+)'|(?P<bare>[^\s\"'>]++))")
_PRE_LANGUAGES = frozenset({"json", "json5", "jsonc", "javascript", "js", "bash", "sh", "shell", "console", "http",
                            "powershell", "ps1", "text", "plain"})


def _pre_language(attributes: str) -> str:
    """The language a highlighter reads from a `<pre>`'s or `<code>`'s attributes (`class="language-json"`,
    `class="hljs json"`, `lang="json"`, `data-lang="json"`), or ``""``."""
    for attribute in _ATTRIBUTE.finditer(attributes):
        name = attribute.group("name").lower()
        value = attribute.group("double") or attribute.group("single") or attribute.group("bare") or ""
        words = value.lower().split() if name == "class" else [value.lower()] if name in ("lang", "data-lang") else []
        for word in words:
            word = word.removeprefix("language-").removeprefix("lang-")
            if word in _PRE_LANGUAGES:
                return word
    return ""


def _pre_blocks(text: str, lines: list[str], starts: list[int], lines_range: list[int],
                contained: list[tuple[str, ...]], variables: dict[str, str]) -> list[Block]:
    """The ``<pre>`` code blocks of the HTML block on page lines ``lines_range`` (markdown-it's map)."""
    import html

    first, last = lines_range
    begin = starts[first] if first < len(starts) else len(text)
    finish = starts[last] if last < len(starts) else len(text)
    found: list[Block] = []
    first_line = lines[first] if first < len(lines) else ""
    if first_line[:first_line.find("<")].lstrip().startswith(">"):
        return found  # in a block quote, whose `>` markers the raw text keeps: not read
    at = begin
    while (pre := _PRE.search(text, at, finish)) is not None:
        closing = _PRE_END.search(text, pre.end(), finish)
        if closing is None:
            break  # (nor does any later one close: the rest is read once)
        at = closing.end()
        if text.rfind("<!--", begin, pre.start()) > text.rfind("-->", begin, pre.start()):
            continue  # commented out: the reader never sees it
        language = _pre_language(pre.group("code") or "") or _pre_language(pre.group("pre"))
        start, end = pre.end(), closing.start()
        if text.startswith("\r\n", start):
            start += 2
        elif text[start:start + 1] == "\n":  # (HTML drops the line break right after `<pre>`)
            start += 1
        pieces = ((*piece.span(), html.unescape(piece.group()) if piece.group()[0] == "&" else "")
                  for piece in _HTML_PIECE.finditer(text, start, end))
        block = _block_between(text, start, end, pieces, language=language, top=bisect_right(starts, pre.start()) - 1,
                               lines=lines, starts=starts, contained=contained, variables=variables)
        if block is not None:
            found.append(block)
    return found


def _block_between(text: str, start: int, end: int, pieces: Iterator[tuple[int, int, str]], *, language: str,
                   top: int, lines: list[str], starts: list[int], contained: list[tuple[str, ...]],
                   variables: dict[str, str], title: str = "") -> Block | None:
    """The block whose content is the page's ``[start, end)`` with each piece ``(start, end, stands for)`` read as
    what it stands for (an HTML entity's character, a template literal's escape); None when it holds nothing."""
    builder, copied = TextBuilder(), start
    for piece_start, piece_end, meant in pieces:
        builder.copy(text[copied:piece_start], copied)
        if meant:
            builder.stand_for(meant, piece_start, piece_end)
        copied = piece_end
    builder.copy(text[copied:end], copied)
    raw, mapping = builder.build(end=end)
    if not raw.strip():
        return None
    substituted, mapping = _substitute(raw, mapping, variables)
    titles = contained[top] if contained and top < len(contained) else ()
    skip, ignore = _reader_notes(lines, top, (_file_title(title), *titles) if title else titles)
    return Block(text=substituted, raw=raw, info=language_of(language), line=top + 1,
                 content_line=bisect_right(starts, start), mapping=mapping, skip=skip, ignore=ignore)


def _file_title(title: str) -> str:
    """A block's title as a label reads it: a file's name in words (`wrong-poller.json` → `wrong poller`)."""
    return " ".join(title.rsplit(".", 1)[0].replace("-", " ").replace("_", " ").split())


# Docusaurus' `<CodeBlock language="json" title="x">{`...`}</CodeBlock>`: its content a JavaScript template literal,
# in which a backslash escapes (`\``, `\${`, `\"`, `\n` a line break) and an unescaped `${` interpolates
_CODE_BLOCK = LazyPattern(r"<CodeBlock\b(?P<attributes>[^<>]{0,1000}+)>[ \t]*+\r?\n?[ \t]*+\{`")
_CODE_BLOCK_END = LazyPattern(r"(?<!\\)`\}\s*+</CodeBlock>")
_TEMPLATE_ESCAPE = LazyPattern(r"\\(.)", re.S)
_TEMPLATE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\n": ""}  # (a backslash before a line break continues it)
_INTERPOLATION = LazyPattern(r"(?<!\\)(?:\\\\)*\$\{")


def _code_block_components(text: str, lines: list[str], starts: list[int], fenced: list[list[int]],
                           contained: list[tuple[str, ...]], variables: dict[str, str]) -> list[Block]:
    """The `<CodeBlock>` components of an MDX page (outside fenced blocks, which may show one as source)."""
    found: list[Block] = []
    at = 0
    while (component := _CODE_BLOCK.search(text, at)) is not None:
        closing = _CODE_BLOCK_END.search(text, component.end())
        if closing is None:
            break
        at = closing.end()
        top = bisect_right(starts, component.start()) - 1
        if any(first <= top < last for first, last in fenced):
            continue
        attributes = {attribute.group("name"): attribute.group("double") or attribute.group("single") or ""
                      for attribute in reversed(list(_ATTRIBUTE.finditer(component.group("attributes"))))}
        language = attributes.get("language", "")
        start, end = component.end(), closing.start()
        if _INTERPOLATION.search(text, start, end):
            continue  # (JavaScript fills `${name}` in: what the page shows is not written here)
        escapes = ((*escape.span(), _TEMPLATE_ESCAPES.get(escape.group(1), escape.group(1)))
                   for escape in _TEMPLATE_ESCAPE.finditer(text, start, end))
        block = _block_between(text, start, end, escapes, language=language, top=top, lines=lines, starts=starts,
                               contained=contained, variables=variables, title=attributes.get("title", ""))
        if block is not None:
            found.append(block)
    return found


# ReadMe's (readme.io) code block, `[block:code]` then a JSON object `{"codes": [{"code": "...", "language": "json"}]}` then
# `[/block]`, each at a line's start: each code is a block of its language, written in a JSON string
_README_START = LazyPattern(r"^\[block:code\][ \t]*+\r?$", re.M)
_README_END = LazyPattern(r"^\[/block\][ \t]*+\r?$", re.M)
_JSON_ESCAPE = LazyPattern(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(.)", re.S)
_JSON_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


def _readme_blocks(text: str, lines: list[str], starts: list[int], fenced: list[list[int]],
                   contained: list[tuple[str, ...]], variables: dict[str, str]) -> list[Block]:
    """The codes of ReadMe's `[block:code]` blocks (outside fenced blocks, which may show one as source), each read
    from its JSON string: an escape stands for its character, so findings are placed where the page writes it."""
    from ..source import load_source

    found: list[Block] = []
    at = 0
    while (opening := _README_START.search(text, at)) is not None:
        closing = _README_END.search(text, opening.end())
        if closing is None:
            break
        at = closing.end()
        top = bisect_right(starts, opening.start()) - 1
        if any(first <= top < last for first, last in fenced):
            continue
        inside = load_source(text[opening.end():closing.start()])
        codes = inside.value.get("codes") if inside.valid and isinstance(inside.value, dict) else None
        for index, code in enumerate(codes if isinstance(codes, list) else []):
            if not isinstance(code, dict) or not isinstance(code.get("code"), str):
                continue
            given = code.get("language")
            language = given if isinstance(given, str) else ""
            start, end = inside.span(f"/codes/{index}/code")
            start, end = opening.end() + start + 1, opening.end() + end - 1  # (the string's characters)
            escapes = ((*escape.span(), _json_unescaped(escape)) for escape in _JSON_ESCAPE.finditer(text, start, end))
            block = _block_between(text, start, end, escapes, language=language, top=top, lines=lines,
                                   starts=starts, contained=contained, variables=variables)
            if block is not None:
                found.append(replace(block, escaped=True, line=block.content_line))  # (each code named by its line)
    return found


def _json_unescaped(escape: re.Match[str]) -> str:
    """The character a JSON string's escape stands for (a surrogate pair's one character)."""
    high, low, unit, char = escape.groups()
    if high is not None:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
    if unit is not None:
        return chr(int(unit, 16))
    return _JSON_ESCAPES.get(char, char)


# A sentence under a block that calls it a mistake, pointing back at it: `The example above is wrong`, `*This body
# doesn't work: ...*` (not under a condition: `The request above fails with 401 when ...`)
_SAID_BELOW = LazyPattern(r"(?![^\r\n]*\b(?:when|if|unless|until|without)\b)[\s>*_]*(?:\u261d\ufe0f?\s*)?(?:(?:the|this|that)\s+(?:(?:example|body|block|snippet|request|"
                         r"config\w*|poller|code|version)\s+)?(?:above|shown\s+above)|(?:the\s+)?above(?:\s+(?:example|"
                         r"body|block|snippet|request|config\w*|poller|code))?)\s+(?:is\s+(?:also\s+)?(?:wrong|broken|"
                         r"incorrect|invalid|a\s+mistake)|(?:does\s+not|doesn't|won't|will\s+not)\s+work|fails)\b",
                         re.IGNORECASE)


def _labelled_below(lines: list[str], after: int) -> bool:
    """Whether the first line of text under a block's closing fence (``lines[after]`` on, a blank line allowed) says
    the block above is a mistake."""
    for line in lines[after:after + 2]:
        if line.strip():
            return _SAID_BELOW.match(line) is not None
    return False


_FIRST_COMMENT = LazyPattern(r"[ \t]*(?:#|//)[ \t]*(?P<label>[^\r\n]{1,200})")


def _labelled_inside(text: str) -> bool:
    """Whether a block's first line is a comment labelling it a mistake (`# Wrong: the shell eats the quotes`,
    `// ❌ don't do this`), as a line above it would."""
    comment = _FIRST_COMMENT.match(text)
    return comment is not None and _judged(comment.group("label"), titled=True) is True


# What the page says of the block below: a directive in an HTML comment, or a label saying it shows a mistake
# (`❌ Wrong:`, `**Incorrect**`, `Don't do this:`).  A counter-example is not the reader's to copy: checking it would
# fail the page for teaching, and fixing it would make it show the right body under a "wrong" label.
# (in MDX, which refuses an HTML comment, in its JavaScript comment: `{/* ce-validator: skip */}`)
_DIRECTIVE = LazyPattern(r"(?:<!--|\{/\*)\s*ce-validator:\s*(?P<verb>skip|ignore)\b(?P<codes>[^>]{0,500}?)(?:-->|\*/\s*\})",
                         re.IGNORECASE)
_RULE_CODE = LazyPattern(r"CE\d{1,3}", re.IGNORECASE)  # a code, or a code's prefix
# or a rule's name; each a whole word: a typo's remains (`CE7O1`, a letter O; `CE6201`) name nothing, where a code
# read from their start (`CE7`, `CE620`) silenced a whole family unseen
_CODE = LazyPattern(r"(?<![A-Za-z0-9])(?:" + _RULE_CODE.pattern + r"|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![A-Za-z0-9])",
                    re.IGNORECASE)
_CROSS = LazyPattern("[\u274c\u274e\u2717\u2718\u2716\u26d4\U0001f6ab\U0001f44e\U0001f6d1]")
_TICK = LazyPattern("[\u2705\u2714\u2611\U0001f44d]")
# A label that says the block below is a mistake, and only that: `Wrong:`, `Incorrect example`, `Bad (fails):`,
# `**Bad** – fails at run time:`, `Before:`, `Don't do this:`, `Anti-pattern:`, `This will NOT work:`, `Example of a
# broken poller:`, `Warning: the following example is wrong ...`, `Common mistake:`, `Avoid:`, `Don't do this: the
# pattern does not compile.`, `This fails:`, `Old (broken):`, `Here is the mistake:` (not `Don't forget to set the
# callback URL:`, nor a heading that titles a section:
# `## Fixing broken pollers`).  Read with its emphasis marks removed, its last sentence only.
_MISTAKE = (r"(?:wrong|incorrect|bad|invalid|broken|buggy|faulty|failing|mistaken|erroneous|anti-?pattern|counter-?\s?example"
            r"|not\s+like\s+this|not\s+working|non-?working"  # (`NOT like this (unquoted):`, `Non-working example:`)
            r"|(?:a\s+)?(?:(?:common|typical|classic|frequent)\s+)?(?:mistake|pitfall)"
            # (and in the languages documentation is written in: `Falsch`, `Incorrecto`, `Faux`, `错误示例`)
            r"|falsch(?:e[rsn]?)?|fehlerhaft(?:e[rsn]?)?|incorrect[oae]|err[oó]ne[oa]|faux|fausse|mauvaise?|errad[oa]"
            r"|incorret[oa]|sbagliat[oa]|fout(?:ief)?|onjuist|неправильн\w*|неверн\w*|ошибочн\w*|ошибка|плох\w*|źle|błędn\w*"
            r"|niepoprawn\w*|fel(?:aktig[at]?)?|(?:错误|錯誤|間違った|間違い|誤った|誤り|誤|悪い|ＮＧ|NG|잘못된|틀린)"
            r"(?:示例|範例|范例|の?例|の?設定|写法|寫法|예시?|\s*예)?)"
            r"(?:[ \t]*+#\d{1,3}(?!\d))?"  # (numbered: `Mistake #1:`)
            r"(?!\s*-\s*free\b)")  # (`Mistake-free example:` says the block holds none)
# `Before`, `Before the fix`, and in other languages (`Vorher`, `Avant`, `変更前`): the state a fix changed
_BEFORE = (r"(?:before(?:\s+(?:the\s+)?fix(?:ing)?)?|what\s+(?:we|i)\s+had(?:\s+before(?:\s+(?:the\s+)?fix(?:ing)?)?)?|vorher|avant(?:\s+la\s+correction)?|antes|prima|変更前|修正前"
           r"|修改前|修复前|修復前|이전)")
_BEFORE_START = LazyPattern(_BEFORE, re.IGNORECASE)
# (`Also wrong`, `Old, broken`, `The wrong way`)
_MISTAKE_HEAD = r"(?:(?:also|old|previous|original|the|an?)[,\s]+)?"
_WHAT = (r"(?:(?:example|way|version|config\w*|request|usage|value|pattern|format|url|poller|code|snippet|json"
         r"|beispiel|exemple|ejemplo|esempio|exemplo|voorbeeld|пример|przykład|exempel)s?|body|bodies)")  # (`Bad examples`)
_OF_WHAT = rf"(?:\s+{_WHAT})?"
_WHY = r"(?:\s*+:?+\s*+\([^)]{0,60}\))?"  # (`Wrong (the quote never closes)`, `Wrong: (missing quote)`)
# A dash before a reason (`Wrong - the quote...`, `Wrong—the quote...`): a hyphen with a blank beside it, not one
# joining a word (`Mistake-proofing your setup`, `Broken-link checker`, `wrong-headed` title what follows)
_DASH = r"(?:\s*[\u2013\u2014]|\s+-|-(?=\s))\s*"
# (a reason after a mistake's label, `Wrong - the quote never closes`, that is not advice on doing it right)
# (`do not use` forbids, as `do not copy` does: no advice)
_NO_ADVICE = (r"(?!.*\b(?:(?<!not\s)(?<!n't\s)use|instead|correct|right|should|make sure|like this|how|fix\w*|solution|set|add"
              r"|write|replace|change)\b)")
# a mistake's label, then a reason after a colon that gives no advice (`Broken: ...`)
_COLON_LABEL = rf"{_MISTAKE_HEAD}{_MISTAKE}{_OF_WHAT}{_WHY}\s*:\s*{_NO_ADVICE}"
# a reason that says what fails (`Broken: the date has no quotes`), not what a section is about
_FAILS = (r"(?=.*\b(?:no|not|missing|never|without|fails?|breaks?|wrong|broken|invalid|unclosed|can't|cannot|doesn't"
          r"|isn't|won't|twice|rejects?|refuses?|ignores?|drops?|loses?|forg[eo]t\w*|unquoted|unescaped|unencoded"
          r"|misspel\w*|typo)\b)")
# (the label's own colon, or a dash with blanks around it: `Never-ending sync:` is no `Never`)
_REASON = rf"(?:\s*:|\s+[-\u2013\u2014])\s*{_NO_ADVICE}[^\r\n]{{1,80}}"
_WRONG = LazyPattern(
    rf"(?:{_MISTAKE_HEAD}{_MISTAKE}|{_BEFORE}){_OF_WHAT}{_WHY}"
    # the noun first (`Exemple incorrect`, `Ejemplo incorrecto`, `Example (wrong)`)
    rf"|{_WHAT}(?:\s+|{_DASH}){_MISTAKE}{_WHY}"
    # what holds the mistake (`Example with the bug`, `Version with a typo`)
    r"|" + _WHAT + r"\s+with\s+(?:the|a|an)\s+(?:bug|mistake|typo|error)"
    # where the mistake was seen (`Broken example from ticket 5521`)
    rf"|{_MISTAKE_HEAD}{_MISTAKE}\s+{_WHAT}\s+(?:from|in|seen\s+in|reported\s+in|taken\s+from)\s+{_NO_ADVICE}[^\r\n]{{1,60}}"
    rf"|{_MISTAKE_HEAD}{_MISTAKE}{_OF_WHAT}{_WHY}{_DASH}{_NO_ADVICE}[^\r\n]{{1,80}}"
    rf"|(?:don'?t|do not|never|avoid)(?:\s+(?:do|write|copy|use)(?:\s+(?:this|that|it)(?:\s+one)?)?)?{_WHY}"
    # with a reason: `Don't (do this)`, `Never do this`; `Avoid` or `Never` alone when the reason says the example
    # fails (`Avoid — this fails at run time`; `Avoid: missed records, this poller resumes...` is advice)
    rf"|(?:(?:don'?t|do not)(?:\s+(?:do|write|copy|use)\s+(?:this|that|it)(?:\s+one)?)?|(?:never|avoid)\s+(?:do|write|copy|use)"
    rf"\s+(?:this|that|it)(?:\s+one)?){_WHY}(?:{_REASON}|\s*,\s*{_NO_ADVICE}[^\r\n]{{1,80}})"
    # a sentence forbidding what the block shows right after it (`Don't put X inside Y, like this:`); not `Don't
    # forget ...`, nor advice in a second clause (`Don't hard-code it, reference a variable like this:`)
    r"|(?:don'?t|do\s+not|never)\s+(?!forget|miss\b|panic|worry|hesitate|be\b)(?:[^\r\n;:]{0,120}?,|[^\r\n,;:]{1,120}?)"
    r"\s*(?:like\s+(?:this|so)|as\s+(?:here|below))\s*:?\s*$"
    rf"|(?:never|avoid)(?:\s+(?:this|that))?{_WHY}(?=.*\b(?:this|that|it)\s+(?:also\s+)?(?:fails|breaks|is\s+{_MISTAKE}"
    rf"|will\s+not|won't|does\s+not|doesn't)\b){_REASON}"
    r"|avoid this|(?:(?:this|here)\s+is\s+|here's\s+)?what\s+not\s+to\s+do"
    r"|nicht\s+so|so\s+nicht|(?:à\s+|a\s+)?ne\s+pas\s+faire|no\s+(?:hagas|hacer)(?:\s+esto)?|não\s+fa(?:ça|zer)(?:\s+isso)?"
    r"|non\s+fare(?:\s+così)?|niet\s+doen|так\s+не\s+делайте|не\s+делайте\s+так"
    # a sentence in another language saying the example does not work (`Beispiel, das nicht funktioniert`,
    # `この設定は動きません`): its subject an example's word, and no condition anywhere (`..., si le poller ne
    # fonctionne pas :` is advice)
    r"|(?![^\r\n]*\b(?:wenn|falls|si|se|als|если|jeśli|om|quand|cuando|quando|когда|if|when)\b)"
    r"[^\r\n]{0,30}?(?:beispiel|exemple|ejemplo|esempio|exemplo|voorbeeld|пример|przykład|exempel|設定|例)"
    r"[^\r\n]{0,40}?(?:funktioniert\s+nicht|nicht\s+funktioniert|ne\s+(?:fonctionne|marche)\s+pas|no\s+funciona"
    r"|não\s+funciona|non\s+funziona|werkt\s+niet|не\s+работает|nie\s+działa|fungerar\s+inte|動きません|動作しません"
    r"|動かない|不起作用|无法工作|無法運作|작동하지\s*않(?:습니다|음)?)"
    rf"|(?:(?:this|that|it)(?:\s+one)?\s+|(?:an?\s+)?example\s+(?:that|which)\s+|the\s+following(?:\s+{_WHAT})?\s+)?"
    r"(?:(?:will|would|does|did|can)\s*"
    rf"(?:not|n't)|won't)\s+work(?:\s+either)?{_WHY}"
    # a mistake's label with its reason after a colon (`Broken: the date has no quotes`), not advice
    rf"|{_COLON_LABEL}{_FAILS}[^\r\n]{{1,80}}"
    rf"|(?:(?:this|that|it|the\s+following)(?:\s+(?:one|{_WHAT}))?\s+(?:also\s+)?|(?:both\s+of\s+)?these\s+(?:both\s+)?)?"
    rf"(?:(?:will|would)\s+(?:fail|break)|fails?|breaks|is\s+(?:also\s+)?{_MISTAKE}|(?:is|gets|will\s+be)\s+rejected)"
    # (and what it does: `This example is incorrect and will fail`)
    r"(?:\s+and\s+(?:(?:will|would)\s+(?:fail|break|not\s+work)|fails|breaks|(?:does\s+not|doesn't|won't)\s+work))?"
    r"(?:\s*[;,]\s*(?:do\s+not|don'?t)\s+(?:copy|use)(?:\s+(?:this|it))?)?"
    r"(?:\s+(?:at\s+run\s*time|at\s+runtime|on\s+the\s+platform|in\s+production|when\s+polled|silently"
    r"|the\s+poller|with\s+(?:an?\s+)?(?:\d{3}|error|http)[^\r\n]{0,60}))?"
    # (and why: `This is wrong because Denver is not UTC`)
    rf"(?:\s+(?:because|since|as)\s+{_NO_ADVICE}[^\r\n]{{1,80}})?"
    rf"{_WHY}|(?:(?:here\s+is|here's)\s+)?the\s+mistake|(?:here\s+is|here's)\s+(?:the|a|an)\s+{_MISTAKE}{_OF_WHAT}"
    # (and who wrote it or where it was seen: `Here's the broken config we had`, `... from the ticket`)
    rf"(?:\s+(?:we|i|they|you|someone|that|which|from|in|seen\s+in|reported\s+in|taken\s+from)\s+{_NO_ADVICE}[^\r\n]{{1,60}})?"
    rf"|(?!(?:the\s+)?(?:fix|fixed|correct|right|after)\b){_NO_ADVICE}"
    r"[^()\r\n]{1,60}?\((?:(?:this|it)(?:\s+one)?\s+(?:is\s+)?)?(?:also\s+)?(?:broken|buggy|faulty|wrong|incorrect|invalid|fails|failed"
    r"|has\s+an?\s+(?:bug|typo|mistake|error)"
    r"|does\s+not\s+(?:work|parse)|doesn't\s+(?:work|parse)|will\s+not\s+(?:work|parse)|won't\s+(?:work|parse)|will\s+fail"
    r"|(?:do\s+not|don'?t)\s+(?:copy|use)(?:\s+(?:this|it))?)(?:\s*[,;]\s*(?:do\s+not|don'?t)\s+(?:copy|use)(?:\s+(?:this|it))?)?"
    rf"(?:\s*:\s*{_NO_ADVICE}[^()\r\n]{{1,80}})?\)"  # (and why: `(broken: the quotes end the shell string)`)
    rf"(?:\s+{_WHAT})?"
    # a sentence saying the example fails (`Example of what most write first, which fails because ...`)
    rf"|(?:(?:an?\s+)?example|here\s+is|here's|this\s+is|what)\b[^\r\n]{{0,120}}?,?\s+(?:which|that)\s+"
    rf"(?:fails|breaks|does\s+not\s+work|doesn't\s+work|is\s+{_MISTAKE})"
    rf"(?:\s+(?:because|since|as|when|at\s+run\s*time|on\s+the\s+platform)\b{_NO_ADVICE}[^\r\n]{{0,120}})?"
    rf"|(?:(?:warning|note|caution)\s*:\s*)?the following{_OF_WHAT}\s+is\s+{_MISTAKE}"
    rf"(?:(?:{_DASH}|\s*[:,;]\s*)[^\r\n]{{0,120}}|\s+(?:and|because|as|since|:)\s+[^\r\n]{{0,120}}|\s*\([^)]{{0,60}}\))?"
    rf"|(?:an?\s+)?example\s+of\s+(?:an?\s+)?{_MISTAKE}(?:\s+[\w.-]+){{1,2}}{_WHY}"
    # what the platform answers to it (`The platform rejects this:`, `The API refuses it with a 400:`)
    r"|(?:the\s+)?(?:platform|api|server|cloud\s+elements)\s+(?:rejects|refuses)\s+(?:this|it|the\s+following)"
    rf"(?:\s+with\s+(?:an?\s+)?(?:\d{{3}}|error){_NO_ADVICE}[^\r\n]{{0,60}})?"
    # a changelog quoting what it replaced: `The old example was:`, `The previous poller read:`
    rf"|(?:the\s+)?(?:old|previous|original|former){_OF_WHAT}\s+(?:was|read|looked\s+like\s+this){_WHY}",
    re.IGNORECASE)
# (and other tools' comments, which the rendered page drops: `<!-- prettier-ignore -->`, `<!-- markdownlint-disable
# MD040 -->`, MDX's `{/* prettier-ignore */}`; an anchor, `<a name="wrong"></a>`)
_ONLY_TAGS = LazyPattern(r"(?:</?(?:div|span|p|a)\b[^<>]*+>\s*|<!--(?>(?:[^-]|-(?!->))*)-->\s*|\{/\*(?>(?:[^*]|\*(?!/))*)\*/\}\s*)+",
                         re.IGNORECASE)
_SENTENCE_END = LazyPattern(r"(?<=[.!?])\s+(?=[A-Z])")
# A mistake's label with whatever reason after its colon, as a container's title has it
_WRONG_TITLE = LazyPattern(rf"{_COLON_LABEL}[^\r\n]{{1,80}}", re.IGNORECASE)
# ... or a question why it fails, an FAQ's `<summary>Why do I get 400 with this body?</summary>` (a container's title
# only: a heading or a paragraph asking it may head a section or an answer, helper-137)
_WHY_IT_FAILS = LazyPattern(r"why\s+(?:do|does|did|am|is|are|would|will)\b[^\r\n?]{0,80}?\b(?:[45]\d\d|errors?|fail\w*"
                            r"|reject\w*|refuse\w*|wrong|broken|not\s+work\w*|doesn't\s+work)\b[^\r\n?]{0,80}\??",
                            re.IGNORECASE)
# a courtesy before an order not to (`Please don't`, `Please, never`)
_COURTESY = LazyPattern(r"please\s*,?\s+(?=(?:don'?t|do\s+not|never|avoid)\b)", re.IGNORECASE)
# `Before (broken)`: a before that says it is the broken one
_SAID_BROKEN = LazyPattern(rf"\(\s*(?:{_MISTAKE}|fails?|does\s+not\s+work)\b", re.IGNORECASE)
# (`**Wrong:** `, `__Wrong__: `, in a list item `- **Wrong:** `)
_BOLD_LABEL = LazyPattern(r"[ \t>]*(?:[-+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)[^*_:\r\n]{1,40}:?(?:\*\*|__):?[ \t]")
_SHOWN_BELOW = LazyPattern(r"\b(?:as\s+(?:below|follows|shown|here|in\s+th(?:is|e\s+following))|below|the\s+following)\b",
                           re.IGNORECASE)
_EMPHASIS = LazyPattern(r"[*`]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_CALLOUT = LazyPattern(r"[\s>]*\[!([A-Za-z]+)\][+-]?[ \t]*")
_LABEL_HEAD = LazyPattern(r"[\s>*_\-+|]*(?:\d+[.)]\s*)?")
_LABEL_TAIL = " \t*_:.!\uff1a\u2013\u2014"  # (and a full-width colon, `错误示例：`, a dash, `Incorrect —`)
# a warning sign beside the label (`**Incorrect** ⚠️`), or a traffic light's colour (`🔴 Wrong:`, `🟢 Right:`), which
# says no more than it
_NO_SIGNS = str.maketrans("", "", "\u26a0\ufe0f\U0001f6a8\u2757\u2755\U0001f534\U0001f7e0\U0001f7e1\U0001f7e2")
# a Japanese or Chinese label's full-width colon and parentheses, read as theirs (`誤った例（月が小文字）：`)
_FULL_WIDTH = str.maketrans("\uff1a\uff08\uff09", ":()")


def _reader_notes(lines: list[str], fence: int, titles: tuple[str, ...] = ()) -> tuple[bool, frozenset[str]]:
    """``(skip, ignored codes or names)`` for the block whose first line is ``lines[fence]``: directives right above
    it, and the line of text above them as its label, which makes the block a counter-example when it is only a
    mistake's label (:data:`_WRONG`) or a cross mark (❌) without a tick; a label that says nothing either way (a
    sentence: `The poller, as most people first write it:`) leaves it to the title of the tab, admonition, container
    or `<details>` the block is in (``titles``, innermost first: `=== "❌ Wrong"`)."""
    directives: list[re.Match[str]] = []
    label = None
    titled = False
    index = fence - 1
    reach = 4  # lines looked at above the block; a wiki export's tags between (`</div>`, `<div class="x">`) and the
    # blank lines around them are not counted
    while index >= 0 and fence - index <= reach:
        line = lines[index].strip().lstrip(">").strip()
        index -= 1
        if line.startswith(("```", "~~~")):
            break  # another block's fence: nothing between says anything of this one
        if line and _ONLY_TAGS.fullmatch(line) and _DIRECTIVE.search(line) is None:
            reach += 2
            continue
        if not line:
            continue
        if _SETEXT_UNDERLINE.fullmatch(line) and index >= 0 and lines[index].strip():
            line = "# " + lines[index].strip().lstrip(">").strip()  # a heading underlined (`Wrong` then `-----`)
            index -= 1
        directive = _DIRECTIVE.search(line)
        if directive is None:
            title = _title_of(line)
            titled = title is not None
            label = title if title is not None else line
            above = lines[index].strip().lstrip(">").strip() if index >= 0 else ""
            directives.extend(match for match in [_DIRECTIVE.search(above)] if match is not None)  # above the label
            break
        directives.append(directive)
    skip = any(match.group("verb").lower() == "skip" for match in directives)
    ignore = frozenset(code.upper() if _RULE_CODE.fullmatch(code) else code.lower()
                       for match in directives if match.group("verb").lower() == "ignore"
                       for code in _CODE.findall(match.group("codes")))
    if not skip:
        said = _judged(label, titled=titled) if label is not None else None
        if said is None:
            for title in titles:  # (a section's heading, `# ...`, says it as a heading right above would)
                if title.startswith("# ") and _ANSWER_STATUS.search(title) is not None:
                    continue  # (`## Bad Request (400)`: a section on the answer, whose bodies are to check)
                said = _judged(title, titled=not title.startswith("# "))
                if said is not None:
                    break
        skip = said is True
    return skip, ignore


def _title_of(line: str) -> str | None:
    """The title ``line`` gives the blocks under it when it opens an admonition, a tab or a container (`=== "Wrong"`,
    `!!! danger "Don't"`, `:::danger Wrong`, `<TabItem label="Wrong">`, `{% tab title="Wrong" %}`, `{{< tab "Wrong" >}}`), else None."""
    admonition = _ADMONITION.fullmatch(line)
    if admonition is not None:
        return _admonition_title(admonition)
    for kind, opening, _closing in _PAIRED:
        opened = opening.match(line) if kind != "details" else None  # (a `<details>`'s title is its `<summary>`)
        if opened is not None:
            if kind == "tab" and opened.group("label") is None and opened.group("single") is None:
                return None  # (titled by its value: the `<Tabs values={[...]}>` it is in may label that value)
            return _tab_title(kind, _opening_title(opened))
    return None


# MkDocs Material's admonition types for a failure (`!!! failure`, `??? fail "Ticket 5521"`): the box says the blocks
# in it are a mistake's when its title says nothing either way (not `danger` nor `bug`: a warning about a right body,
# a bug's workaround)
_MISTAKE_TYPES = frozenset({"failure", "fail", "missing"})


def _admonition_title(admonition: re.Match[str]) -> str:
    """The title an admonition or a content tab gives the blocks in it; a failure's box (its type) with a title that
    says nothing either way, and a `Before` tab, are titled as a mistake."""
    tab = admonition.group("tab")
    if tab is not None and _BEFORE_START.fullmatch(tab.strip(" *_")) is not None:
        return "Wrong"  # a tab of `=== "Before"`, `=== "After"`: a body's two states, not a section of steps
    title = admonition.group("title") or tab or ""
    if (admonition.group("type") or "").lower() in _MISTAKE_TYPES and _judged(title, titled=True) is None:
        return "Wrong"
    return title


# The paired containers that are tabs: a tab titled `Before` holds a body's broken state, as `=== "Before"` does
_TAB_KINDS = frozenset({"tab", "gitbook", "hugo"})


def _tab_title(kind: str, title: str) -> str:
    """``title`` as a container of ``kind`` gives it its blocks: a tab's `Before` says `Wrong`."""
    return "Wrong" if kind in _TAB_KINDS and _BEFORE_START.fullmatch(title.strip(" *_")) is not None else title


def _opening_title(opened: re.Match[str]) -> str:
    """The title an opening line of :data:`_PAIRED` writes (`:::danger Wrong`, `:::caution[Don't]`, `label="..."`)."""
    named = opened.groupdict()
    return (named.get("label") or named.get("single") or named.get("title") or named.get("value")
            or named.get("value_single") or "").strip()


_LONGEST_LABEL = 400  # (the longest a label's sentence runs: its patterns allow 120 characters of reason at most)


def _judged(label: str, *, titled: bool) -> bool | None:
    """What a label says of the block under it: True for a mistake's, False for a right one's (`✅`, `Right:`, `Fixed`),
    None for neither (a sentence).  A heading, or a title, says it only when it is a label and nothing else (`### Don't`;
    `### Before` may title a section of steps, `:::note Never` a rule to keep)."""
    label = _SHORTCODE.sub(lambda code: _SHORTCODES[code.group(1).lower()], _HTML_TAG.sub("", label)).strip()
    callout = _CALLOUT.match(label)
    if callout is not None:  # GitHub's alert, Obsidian's callout: `> [!failure] Wrong`, `> [!CAUTION]`
        label = label[callout.end():]
        if not label.strip(_LABEL_TAIL) and callout.group(1).lower() in _MISTAKE_TYPES:
            return True  # (a failure's box, as MkDocs' `!!! failure`)
    text = label[_LABEL_HEAD.match(label).end():].rstrip(_LABEL_TAIL)  # type: ignore[union-attr]
    if _CROSS.search(text):  # a mark says it, whatever the words (also in a heading: `### ❌ Wrong`)
        return _TICK.search(text) is None
    if _TICK.search(text):
        return False
    # the sentence right above the block (`2. Look at the window. Before (the quote was missing):`)
    heading = titled or label.startswith("#")
    plain = _EMPHASIS.sub("", text.lstrip("#")).replace("\u2019", "'").translate(_NO_SIGNS).translate(_FULL_WIDTH) \
        .strip(_LABEL_TAIL)  # (`Don’t`; `Wrong ⚠️ - ...`)
    said = " ".join(_SENTENCE_END.split(plain)[-1].split()).strip(_LABEL_TAIL)  # (blanks read as one: no run of
    # them for the patterns below to try at each length)
    said = _COURTESY.sub("", said, count=1)  # (`Please don't do this:` forbids as `Don't do this:` does)
    if len(said) > _LONGEST_LABEL:
        return None  # a paragraph, not a label
    if _FIXED.search(said):
        return False  # `Wrong (fixed):`, `Before (now fixed):`: the block shows it mended
    if _WRONG.fullmatch(said) is not None and not (heading and (_BEFORE_START.match(said) is not None
                                                                 and not _SAID_BROKEN.search(said)
                                                                 or said.lower() == "never")):
        return True
    if titled and (_WRONG_TITLE.fullmatch(said) is not None or _WHY_IT_FAILS.fullmatch(said) is not None):
        return True  # a container's title, a label and nothing else (`<summary>Wrong: a callback on localhost`)
    if _BOLD_LABEL.match(label) and _WRONG_TITLE.fullmatch(said) is not None and _SHOWN_BELOW.search(said) is None:
        return True  # a label set in bold, then what is wrong (`**Wrong:** lower-case `mm` for the month.`; not
        # `**Broken URL:** percent-encode the quotes, as in this body:`)
    return False if _RIGHT.match(said) else None


def _container_titles(lines: list[str]) -> list[tuple[str, ...]]:
    """For each line of a page, the titles of the tabs, admonitions, containers and `<details>` it is in, innermost
    first (one pass down the page): an MkDocs one holds the lines indented under it, the others run to their closing
    line; what a fenced block holds opens and closes nothing."""
    stack: list[list[Any]] = []  # [kind, title (None: a <details> before its <summary>), indent]
    titles: tuple[str, ...] = ()
    out: list[tuple[str, ...]] = []
    code: str | None = None  # the fence of the code block the line is in
    for number, line in enumerate(lines):
        stripped = line.strip().lstrip(">").strip()
        depth = len(stack)
        while stack and stack[-1][0] == "callout" and not line.lstrip().startswith(">"):
            stack.pop()  # (a callout is its block quote: a line outside it ends it)
        if stripped:
            indent = _columns(line)
            while stack and stack[-1][0] == "mkdocs" and indent <= stack[-1][2]:
                stack.pop()  # a line no longer indented under it
        if len(stack) != depth:
            titles = tuple(entry[1] or "" for entry in reversed(stack))
        out.append(titles)
        if not stripped:
            continue
        if code is not None:
            if stripped.startswith(code) and not stripped.strip(code[0]):
                code = None
            continue
        if stack and stack[-1][0] == "myst" and stripped == stack[-1][3]:
            stack.pop()  # (a MyST directive's closing fence)
            titles = tuple((entry[1] or "").strip() for entry in reversed(stack))
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:len(stripped) - len(stripped.lstrip(stripped[0]))]
            directive = _MYST_CONTAINER.match(stripped, len(fence))
            if directive is not None and len(stack) < _DEEPEST_CONTAINER:
                stack.append(["myst", (directive.group("title") or "").strip(), indent, fence])
                titles = tuple((entry[1] or "").strip() for entry in reversed(stack))
            elif directive is None:
                code = stripped[:3]
            continue
        depth = len(stack)
        retitled = False
        if stripped.startswith("#") and indent == 0:
            stack.clear()  # a heading: another section, titled by it (`### ❌ Incorrect`, then a sentence, then the block)
            heading = _ATX_HEADING.fullmatch(stripped)
            if heading is not None:
                stack.append(["heading", "# " + (heading.group(1) or "").rstrip(" \t"), indent])  # (judged as a heading is)
            retitled = True
        elif depth < _DEEPEST_CONTAINER and (stripped[0] in "[!?=:<{" or "<summary" in stripped):
            # (past it, a page of unclosed `<details>`: no nesting to follow; a line of prose opens nothing)
            if stripped.startswith("<") and ">" not in stripped and _TAG_START.match(stripped):
                stripped = _tag_over_lines(lines, number)  # (`<Tabs` then its attributes, one a line, then `]}>`)
            retitled = _opened_or_closed(stack, stripped, indent)
        if retitled or len(stack) != depth:
            titles = tuple((entry[1] or "").strip() for entry in reversed(stack))
    return out


def _opened_or_closed(stack: list[list[Any]], stripped: str, indent: int) -> bool:
    """Open or close on ``stack`` the container whose line ``stripped`` is; whether a `<details>` got its title."""
    callout = _CALLOUT.match(stripped) if stripped.startswith("[!") else None
    if callout is not None:  # (GitHub's alert, Obsidian's callout: its title, or a failure's type)
        title = stripped[callout.end():].strip()
        stack.append(["callout", "Wrong" if not title and callout.group(1).lower() in _MISTAKE_TYPES else title, indent])
        return False
    admonition = _ADMONITION.fullmatch(stripped)
    if admonition is not None:
        stack.append(["mkdocs", _admonition_title(admonition), indent])
        return False
    for kind, opening, closing in _PAIRED:
        if closing.fullmatch(stripped):
            # (a Hugo shortcode or a component closes the last one of its name: `{{< /tab >}}` closes the tab, and
            # with it a `{{< hint >}}` inside whose closing shortcode ended a line of text)
            name = _container_name(kind, stripped)
            at = next((k for k in range(len(stack) - 1, -1, -1)
                       if stack[k][0] == kind and (name is None or stack[k][3] == name)), None)
            if at is not None:
                del stack[at:]
        elif (opened := opening.match(stripped)) is not None:
            given = None if kind == "details" else _tab_title(kind, _opening_title(opened))
            name = _container_name(kind, stripped)
            if kind == "tab" and opened.group("label") is None and opened.group("single") is None:
                given = _tab_title(kind, _labelled_value(stack, given or ""))
            elif kind == "hugo" and name == "tab" and not given:
                given = _tab_title(kind, _item_title(stack))
            stack.append([kind, given, indent, name, _tab_labels(kind, stripped), 0])
    summary = _SUMMARY.search(stripped)
    if summary is None:
        return False
    waiting = next((entry for entry in reversed(stack) if entry[0] == "details" and entry[1] is None), None)
    if waiting is None:
        return False
    waiting[1] = summary.group(1)
    return True


_DEEPEST_CONTAINER = 16
# The name of a Hugo shortcode or of an MDX component, opening or closing (`{{< /tab >}}`, `<Tabs`, `</Tabs>`)
_CONTAINER_NAME = LazyPattern(r"(?:\{\{[<%]-?[ \t]*+|<)/?([\w.\-]++)")
# An MDX component's tag left open at its line's end (`<Tabs` or `<Tabs defaultValue="a"`, its `>` lines below)
_TAG_START = LazyPattern(r"<[A-Z][\w.]*+(?:[ \t][^<>]*+)?")
_LONGEST_TAG = 60  # lines a component's tag runs over at most (Docusaurus' `values={[...]}`, one tab a line)
# An old Docusaurus `<Tabs values={[{label: 'Wrong', value: 'bad'}, ...]}>`: each tab's label, by its value
_TAB_ITEMS = LazyPattern(r"\bitems[ \t]*+=[ \t]*+(?:\"([^\"\r\n]{0,400}+)\"|'([^'\r\n]{0,400}+)')")
_TAB_ENTRY = LazyPattern(r"\{([^{}]{0,400}+)\}")
_TAB_LABEL = LazyPattern(r"\blabel[ \t]*+:[ \t]*+(?:'([^'\r\n]{0,200}+)'|\"([^\"\r\n]{0,200}+)\"|`([^`\r\n]{0,200}+)`)")
_TAB_VALUE = LazyPattern(r"\bvalue[ \t]*+:[ \t]*+(?:'([^'\r\n]{0,200}+)'|\"([^\"\r\n]{0,200}+)\"|`([^`\r\n]{0,200}+)`)")


def _container_name(kind: str, line: str) -> str | None:
    """The name a Hugo shortcode's or an MDX component's line gives (its closing line closes the last of that name)."""
    if kind not in ("hugo", "component"):
        return None
    named = _CONTAINER_NAME.match(line)
    return named.group(1) if named is not None else None


def _tag_over_lines(lines: list[str], number: int) -> str:
    """The MDX tag starting on ``lines[number]`` and closing with a `>` at a later line's end, as one line (that line
    alone when no `>` ends one soon)."""
    for end in range(number + 1, min(len(lines), number + _LONGEST_TAG)):
        piece = lines[end].strip()
        if "<" in piece:
            break  # (another tag: this one was no component's)
        if piece.endswith(">"):
            return " ".join(line.strip() for line in lines[number:end + 1])
    return lines[number].strip()


def _tab_labels(kind: str, tag: str) -> dict[str, str] | list[str] | None:
    """An old Docusaurus `<Tabs values={[{label: 'Wrong', value: 'bad'}]}>`'s labels by value, or Hextra's `{{< tabs
    items="Wrong,Right" >}}` labels in the order of its tabs, else None."""
    if kind == "hugo":
        items = _TAB_ITEMS.search(tag) if "items" in tag else None
        return [item.strip() for item in (items.group(1) or items.group(2)).split(",")] if items is not None else None
    if kind != "component" or "values=" not in tag:
        return None
    labels = {}
    for entry in _TAB_ENTRY.finditer(tag):
        label, value = _TAB_LABEL.search(entry.group(1)), _TAB_VALUE.search(entry.group(1))
        if label is not None and value is not None:
            labels[next(part for part in value.groups() if part is not None)] = \
                next(part for part in label.groups() if part is not None)
    return labels


def _item_title(stack: list[list[Any]]) -> str:
    """The title of Hextra's untitled `{{< tab >}}`: the next of its `{{< tabs items="..." >}}`'s items, or none."""
    for entry in reversed(stack):
        if entry[0] == "hugo" and entry[3] == "tabs":
            items, entry[5] = entry[4], entry[5] + 1
            return str(items[entry[5] - 1]) if isinstance(items, list) and entry[5] <= len(items) else ""
    return ""


def _labelled_value(stack: list[list[Any]], value: str) -> str:
    """A `<TabItem value="...">` without a label shows the label its `<Tabs values={[...]}>` gives that value, or the value."""
    for entry in reversed(stack):
        if entry[0] == "component" and isinstance(entry[4], dict):
            return str(entry[4].get(value, value))
    return value


def _columns(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


_CONTAINER_OPENINGS = ("!!!", "???", "===", ":::", "<TabItem", "<details", "<DETAILS", "{% tab", "{%- tab", "{{<", "{{%",
                       "`{", "~{",
                       " title=", " label=", "#",
                       "[!")
# (a label pasted from an HTML export, `<p><strong>Wrong:</strong></p>`, or `<summary>Wrong</summary>`)
_HTML_TAG = LazyPattern(r"</?[A-Za-z][\w\-]*+(?:[ \t/][^<>\r\n]*+)?>")  # (`<br/>`, as XHTML writes it, too)
# In a `<pre>`'s content: a tag (not `a <= b`), or an entity standing for its character
_HTML_PIECE = LazyPattern(_HTML_TAG.pattern + r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SUMMARY = LazyPattern(r"<summary\b[^>]*+>(.*?)(?:</summary>|$)", re.IGNORECASE)
# GitHub's and GitLab's shortcodes for the marks
_FENCE_TITLE = LazyPattern(r"\b(?:title|filename)=[\"']([^\"'\r\n]{1,200})[\"']")  # (`filename=`: Nextra's)
# Mintlify's title of a block, its tab's in a `<CodeGroup>`: the words after the language (```` ```json Wrong ````)
_FENCE_WORDS = LazyPattern(r"[\w+#.\-]++[ \t]++([^=\[\]{}\"`\r\n]{1,200}+)")
# VitePress' title of a block, its tab's in a code group, after the language and a blank (```` ```json [Wrong] ````)
_FENCE_LABEL = LazyPattern(r"(?<=[ \t])\[([^\[\]\r\n]{1,200})\]")
# A file's name after the language, as Qiita and Zenn write it (`json:instance.json.tftpl`)
_FENCE_FILE = LazyPattern(r"[A-Za-z0-9_+#-]++:([\w.\-/]{1,200})")
# A line that is only a file's name, as a page labels the block under it (`` `instance.json.tftpl`: ``,
# `**File:** instance.json.j2`)
_FILE_LABEL = LazyPattern(r"[ \t]*+(?:[-*+][ \t]++|\d{1,9}[.)][ \t]++)?(?:[*_]*+(?:File(?:name)?|Datei)[*_]*+[ \t]*+:[*_]*+[ \t]*+)?"
                          r"[*_`\"]*+([\w\-/]++(?:\.[\w\-]++)+)[*_`\"]*+[ \t]*+:?[ \t]*+", re.IGNORECASE)
_SETEXT_UNDERLINE = LazyPattern(r"=+|-{2,}")
# (`### Wrong ###`: its closing marks, after a blank, of a line stripped of its trailing blanks; the blanks before them
# are left in the title for its reader to strip: matched here, a run of blanks was read again from each of its blanks)
# An HTTP answer's status in a section's heading (`## Bad Request (400)`, `### 401 Unauthorized`)
_ANSWER_STATUS = LazyPattern(r"\bbad\s+request\b|(?<![\w.])[45]\d\d(?![\w.])", re.IGNORECASE)
_ATX_HEADING = LazyPattern(r"#{1,6}(?:[ \t]++(.*?))?(?:(?<=[ \t])#++)?")
_SHORTCODES = {"x": "\u274c", "no_entry": "\u26d4", "no_entry_sign": "\U0001f6ab", "-1": "\U0001f44e",
               "thumbsdown": "\U0001f44e", "heavy_multiplication_x": "\u2716", "white_check_mark": "\u2705",
               "heavy_check_mark": "\u2714", "ballot_box_with_check": "\u2611", "+1": "\U0001f44d",
               "thumbsup": "\U0001f44d"}
_SHORTCODE = LazyPattern(r":(" + "|".join(re.escape(code) for code in _SHORTCODES) + r"):", re.IGNORECASE)
_FIXED = LazyPattern(r"\((?:now\s+)?(?:fixed|corrected|mended)\)|\b(?:fixed|corrected)$", re.IGNORECASE)
# A label of the right way: `Right`, `Correct:`, `Good example`, `After:`, `Fixed`, `Do this:`, `The fix:`
_RIGHT = LazyPattern(r"(?:the\s+)?(?:right|correct(?:ed)?|good|better|after|fixed|recommended|working|valid|fix|solution"
                    r"|richtig|korrekt|correct[oa]|corret[oa]|giust[oa]|goed|juist|\u6b63\u786e|\u6b63\u78ba|\u6b63\u3057\u3044"
                    r"|do\s+(?:this|it\s+like\s+this)|use\s+this|instead)\b", re.IGNORECASE)
# An attribute's value in either quotes, holding the other (`label="Don't"`, whose apostrophe ended the title at `Don`)
_QUOTED_TITLE = r"(?:\"(?P<label>[^\"\r\n]*+)\"|'(?P<single>[^'\r\n]*+)')"
# Hugo's shortcodes that hold a page's blocks between their opening and closing lines (named once for both)
_HUGO_PAIRED = r"(?:tabs?|tabpane|alert|details|notice|hint|expand|callout|admonition)"
# The containers that run to a closing line: (kind, its opening line's start, its closing line)
_PAIRED = (
    ("container", LazyPattern(r":::++[ \t]*+(?:[A-Za-z][\w\-]*+|\{[A-Za-z][\w\-]*+\})(?:\[(?P<label>[^\]\r\n]*+)\]|[ \t]++(?P<title>[^{\r\n]*+))?"),
     LazyPattern(r":::++[ \t]*+")),
    # (a TabItem without a label shows its value as one: `<TabItem value="wrong">`)
    ("tab", LazyPattern(r"<TabItem\b(?:[^>]*?\blabel=" + _QUOTED_TITLE + r"|(?![^>]*?\blabel=)[^>]*?\bvalue="
                        r"(?:\"(?P<value>[^\"\r\n]{0,200})\"|'(?P<value_single>[^'\r\n]{0,200})'))?"),
     LazyPattern(r"</TabItem>[ \t]*+")),
    # another MDX component's tag alone on its line, titled by its `title` or `label` (Mintlify's `<Tab title="Wrong">`,
    # `<Accordion title=...>`, Docusaurus' `<Admonition type="danger" title=...>`), or untitled (`<Tabs>`): each
    # closing tag closes the last one open; a self-closing one (`<Card ... />`, its `/` right before the `>`) opens none
    ("component", LazyPattern(r"<(?!TabItem\b)[A-Z][\w.]*+(?![^<>]*+(?<=/)>)(?=[^<>]*+>[ \t]*+$)"
                              r"(?:[^<>]*?\b(?:title|label)=" + _QUOTED_TITLE + ")?"),
     LazyPattern(r"</(?!TabItem\b)[A-Z][\w.]*+>[ \t]*+")),
    # (one closed on its line, `{% tab title="x" %}text{% endtab %}`, holds nothing below)
    ("gitbook", LazyPattern(r"\{%-?[ \t]*+tab\b(?![^\r\n]*?\{%-?[ \t]*+endtab\b)(?:[ \t]++title=" + _QUOTED_TITLE + ")?"),
     LazyPattern(r"\{%-?[ \t]*+endtab[ \t]*+-?%\}")),
    # Hugo's paired shortcodes that hold a page's blocks, titled by a `title`, `header` or `name` or by their first
    # quoted argument after bare words: `{{< tab "Wrong" >}}` (Hugo Book), `{{< tab header="Wrong" >}}` (Docsy),
    # `{{% notice warning "Don't" %}}` (Relearn), `{{< details "Wrong" >}}`; one closing on its line (`/>}}`, `{{< /x >}}`)
    # opens none
    ("hugo", LazyPattern(r"\{\{[<%]-?[ \t]*+" + _HUGO_PAIRED + r"(?![\w\-])"
                         r"(?![^\r\n]*?(?:/[>%]\}\}|\{\{[<%]-?[ \t]*+/))(?:(?:[^\r\n]*?\b(?:title|header|name)[ \t]*+=[ \t]*+|(?>(?:[ \t]++[\w\-]++)*)[ \t]++)"
                         r"(?:\"(?P<label>[^\"\r\n]{0,200})\"|'(?P<single>[^'\r\n]{0,200})'))?"),
     LazyPattern(r"\{\{[<%]-?[ \t]*+/" + _HUGO_PAIRED + r"[ \t]*+-?[>%]\}\}[ \t]*+")),
    ("details", LazyPattern(r"<details\b(?P<label>)", re.IGNORECASE), LazyPattern(r"</details>[ \t]*+", re.IGNORECASE)),
)


# An indented block has no info string: one holding a command line (`curl ...`, `$ curl ...`) is read as a shell
# block, and one that opens with a fence line is the fenced block its author meant (indented four spaces too many).
_FENCE_LINE = LazyPattern(r"(`{3,}|~{3,})[ \t]*([^`]*)$")
_COMMAND_LINE = LazyPattern(r"^[ \t]*(?:\$[ \t]+)?(?:" + CURL_WORD + r"(?=[ \t]|\\?$)|" + HTTPIE_COMMAND
                            + r"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|https?://|:\d|localhost\b)[ \t])", re.M)
# What a fence is tagged when its author names no language of its own (a request or a response in one is read as
# HTTP, a curl command as a shell's)
PLAIN_TEXT_LANGUAGES: frozenset[str] = frozenset({"", "text", "txt", "plain", "plaintext", "none"})
_UNNAMED = PLAIN_TEXT_LANGUAGES | {"http"}  # (a curl command in an `http` block is a shell's too)


def _file_named(info: str, titled: re.Match[str] | None, lines: list[str], top: int) -> str:
    """The file a fenced block is, as the page names it: its fence's `title="..."` or `json:name`, else the line above
    it when that line is only a file's name (blank lines between)."""
    if titled is not None:
        return titled.group(1).strip()
    after = _FENCE_FILE.match(info.strip())
    if after is not None:
        return after.group(1)
    above = top - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    label = _FILE_LABEL.fullmatch(lines[above].rstrip("\r\n")) if above >= 0 and len(lines[above]) <= 300 else None
    return label.group(1) if label is not None else ""


def _unnamed_language(info: str, raw: str) -> str:
    """A block's language: ``info``, or ``console`` for a block that names none (an indented one, a bare fence, or
    ``text``, ``http``) holding a curl command on any line (after an `export`, a comment or a heredoc), or starting
    with a shell's `$ ` prompt (a transcript: only what its `$ cat` prints is a file's)."""
    if info in _UNNAMED and _PROMPT.match(raw):  # a terminal transcript, whatever it runs: its output is no body
        return "console"
    return "console" if info in _UNNAMED and ("curl" in raw or "http" in raw or "xh" in raw) \
        and _COMMAND_LINE.search(raw) else info


_PROMPT = LazyPattern(r"\s*+\$[ \t]++\S")  # a shell's prompt on the first line (`$ ce-validator check x.json`)


# The language that starts a fence's info string: `json`, `{.json}`, `json:poller.json` (Qiita, Zenn), `json{2}`
# (highlighted lines), `json title="x"`.
_LANGUAGE = LazyPattern(r"[{.\s]*([A-Za-z0-9_+#-]*)")
# A Confluence page exported by pandoc: `{.syntaxhighlighter-pre syntaxhighlighter-params="brush: js; ..."}`
_BRUSH = LazyPattern(r"brush:\s*([A-Za-z0-9_+#-]+)")


# A MyST (Sphinx) directive's fence: ```` ```{code-block} json ````; its options (`:caption: x`, or a YAML block between
# `---` lines) open its content.
_MYST_DIRECTIVE = LazyPattern(r"[ \t]*+\{(?:code-block|code|sourcecode|code-cell)\}[ \t]*+([A-Za-z0-9_+#-]*)")
_MYST_OPTION = LazyPattern(r"[ \t]*+:[\w\-]++:(?:[ \t][^\r\n]*+)?")
# A MyST directive whose content is Markdown (```` ```{note} ````, ```` ````{admonition} Wrong ````, ```` ```{tab-item} JSON
# ````): a container, as `:::{note}` is; what follows its name is its title
_MYST_CONTAINER = LazyPattern(r"[ \t]*+\{(?:admonition|attention|caution|danger|error|hint|important|note|seealso|tip"
                              r"|warning|dropdown|tab-item|tab-set|card|grid|grid-item|grid-item-card|div|topic|sidebar"
                              r"|margin|versionadded|versionchanged|deprecated|epigraph|pull-quote|container)\}"
                              r"(?P<title>[ \t][^\r\n]*+)?[ \t]*+(?:\r?\n)?$")


def _myst_options(content: list[str]) -> int:
    """How many of a MyST directive block's first lines are its options."""
    if content and content[0].strip() == "---":
        close = next((index for index in range(1, len(content)) if content[index].strip() == "---"), None)
        return close + 1 if close is not None else 0
    count = 0
    while count < len(content) and _MYST_OPTION.fullmatch(content[count]):
        count += 1
    return count


def language_of(info: str) -> str:
    """The language a fence's info string names, in lower case ("" for none)."""
    directive = _MYST_DIRECTIVE.match(info)
    if directive is not None:
        return directive.group(1).lower()
    match = _LANGUAGE.match(info)
    language = match.group(1).lower() if match else ""
    if language == "syntaxhighlighter-pre":
        brush = _BRUSH.search(info)
        return brush.group(1).lower() if brush else ""
    return language


def _cut(line: str, inner: str) -> int:
    """How many leading characters of the page ``line`` its container takes, given markdown-it's ``inner``."""
    if line.endswith(inner):
        return len(line) - len(inner)
    for spaces in (1, 2, 3):  # markdown-it wrote the rest of a partly used tab as spaces: the tab goes, whole
        rest = inner[spaces:]
        if inner[:spaces] == " " * spaces and line.endswith(rest) and line[:len(line) - len(rest)].endswith("\t"):
            return len(line) - len(rest)  # (the blanks written after the tab are the block's own)
    stripped = inner.lstrip(" ")
    if line.endswith(stripped):
        return len(line) - len(stripped)
    return max(len(line) - len(inner), 0)


def _substitute(text: str, mapping: PositionMap, variables: dict[str, str]) -> tuple[str, PositionMap]:
    """``text`` with the page's variables substituted, ``{% raw %}`` tags removed and the quotes of another tag
    read as a placeholder's, and its map."""
    if "{" not in text:
        return text, mapping
    builder = TextBuilder()
    done = 0
    changed = False
    raw = False
    for match in _LIQUID.finditer(text):
        name, quoted = match.group(1), match.group("quoted")
        if name is not None and name not in variables or quoted is not None and raw:
            continue  # (inside `{% raw %}` a tag is the page's text)
        builder.copy(text[done:match.start()], done)
        if name is not None:
            builder.stand_for(variables[name], match.start(), match.end())
        elif quoted is not None:  # the placeholder it is: its quotes escaped in a JSON string, left out elsewhere
            meant = _BARE_QUOTE.sub('\\\\"' if builder.in_string() else "", quoted)  # (`\"`, escaped already, kept)
            builder.stand_for(meant, match.start(), match.end())
        else:
            raw = "endraw" not in match.group()
            builder.skip_to(match.end())
        done = match.end()
        changed = True
    if not changed:
        return text, mapping
    builder.copy(text[done:], done)
    substituted, inner = builder.build(end=len(text))
    return substituted, inner.then(mapping)
