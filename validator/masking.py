"""Secrets never leave the engine: the one place where what must not be shown is found and hidden.

:func:`find_secrets` returns the :class:`Secrets` of a loaded document: the file offsets of every
secret value, and the values themselves (as written and decoded).  From it come the
:class:`MaskedText` that excerpts are cut from (each secret character replaced by ``*``, so
columns stay where they were) and scrubbed findings (each secret value in a message or hint
replaced by ``****``).  The engine scrubs its findings before it returns them, so the library,
the cache and every reporter only ever see scrubbed findings; :class:`validator.reporters.FileReport`
takes only a :class:`MaskedText`.

What is secret (:mod:`validator.vocabulary.secrets`): every scalar under a secret or one-time key, or under a key
the element's definition types ``PASSWORD`` (``extra_keys``), whatever its type and quoting (``"x"``, ``'x'``, smart
quotes, unquoted, inside a stringified poller, in a file that is not valid JSON; a header's bare value,
``Authorization: User x, Organization y``, runs past its commas), and in any string value the credentials of a URL:
query parameters (``?apiKey=...``, ``&access_token=...``, ``#apiKey=...``, ``;jsessionid=...``, ``/apikey=...``, a
percent-encoded name such as ``api%5Fkey``) and the password of ``//user:password@`` (also one holding an unencoded
``/``, ``?``, ``#``, quote or space, and after ``https:\\``), a connection string's password (to its closing ODBC
brace or quote; Oracle's ``thin:user/password@``).  Known by their shape under any key: tokens a service issues in a
shape of its own (AWS access key ids, GitHub, GitLab, Slack, Stripe and its webhook secrets, Google API keys, OAuth
client secrets and access tokens, SendGrid, npm, Shopify, HubSpot, OpenAI, Telegram bots), HTTP Basic credentials
(also with JSON's escaped ``\\u002B`` or ``\\/``), bearer tokens, JSON Web Tokens (base64url or standard base64), a
private key's body, the Cloud Elements ``User ..., Organization ...`` header (and a part it names by a variable set
on a line of its own before it, ``CE_USER=...``), the token of a webhook URL of a known
service (Slack, Zapier, Discord, Teams, Make, IFTTT, Pipedream); under a username key, a value shaped like an API
key (``live_...``, ``api_...``: some vendors take the key as the Basic username).  In a documentation page: command
lines (``curl -u``, ``-H``, ``--cookie``, ``export NAME=``...), Markdown table rows that give a secret key (``Client
Secret``) its value (when the cell reads like a token or a password, not a key's name), a label in emphasis or code
(``**API key:** ...``), a ``.netrc`` line, PowerShell's ``ConvertTo-SecureString '...'``, Python requests'
``auth=(user, '...')``, Ruby's ``basic_auth``, Guzzle's ``'auth' => [user, '...']``, httpie's bearer ``--auth``, Go's
``SetBasicAuth``, C#'s ``NetworkCredential``, Java's ``setPassword("...")``, PHP's
``CURLOPT_USERPWD``, a subscript assignment (``headers["X-Api-Key"] = "..."``), ``mysql -p...``, ``sshpass -p``,
``setx``, ``aws configure set``, ``gh secret set --body``, ``kubectl --from-literal``, a two-line ``name:``/``value:``
pair and a YAML block scalar.  In a file that is not valid JSON, also a value after ``"key" =`` (``=>``, a full-width
``：``, a Ruby ``:key =>``) or a missing colon, a word shaped like a token in a comment naming a secret (``// API
key: ...``), the rest of a string holding an unescaped quote, and the values of an array under a secret key; there
and in JSON written inside a string, a ``key`` secret by its object's name (``"signature": {"key": ...}``) and the
value of a pair naming a secret (``{"name": "X-Api-Key", "value": ...}``), read from the text as the walk reads them
from the parsed document.

A message that quotes a piece of a secret next to its place (a syntax error's bare word, a shortened string)
has that piece scrubbed too (:meth:`Secrets.scrub_near`).  Shown (:func:`_shown_as_written`): environment references
(``${SAGE_API_SECRET}``), ``<...>``/``{{...}}`` placeholders and masks, which hold nothing secret and which other
findings point into; other tools' references (``${{ secrets.X }}``, ``$Env:X``, ``%(X)s``), code that reads the value
(``os.environ["X"]``), a secret store's address, words for a value left out (``REDACTED``) and a description after a
key's colon (``password: leave blank``).
"""

from __future__ import annotations

import difflib
import json
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple, NewType, Sequence
from urllib.parse import quote, unquote

from .findings import Finding  # at run time: typing.get_type_hints resolves Secrets.scrub_finding
from .lazy_pattern import ByScript, LazyPattern, tree_of
from .vocabulary.characters import INVISIBLES, visible
from .vocabulary.placeholders import (find_placeholders, is_env_reference, is_placeholder_value, is_prose, names_a_variable,
                                      secret_in_brackets)
from .kinds import POLLER_KEY, JsonPath, is_single_entry, pointer_of
from .vocabulary.secrets import (PLATFORM_HEADER_PARTS, PROSE_SECRET_NAMES, is_ambiguous_parameter, is_credential_parameter, is_flag,
                                 is_secret_parameter, may_be_a_credential_parameter, may_hold_a_secret, names_its_key,
                                 reads_like_a_password, secret_kind, unquotable)

if TYPE_CHECKING:  # pragma: no cover
    from .source import Source

__all__ = ["MASK", "MaskedText", "Secrets", "distinctive_values", "find_secrets", "misspelt_secret_key", "name_masker",
           "names_a_secret_store", "printable", "problem_message", "quotable_origin", "secrets_alike", "url_secrets"]


MaskedText = NewType("MaskedText", str)
"""A document's text in which every secret character is ``*`` (line breaks kept)."""

MASK = "****"

# A key in any quoting (also escaped inside a JSON string), then a colon.  A key starts where no word
# character precedes it.  The pattern begins with the key's first letter (the look-behind after it checks
# the character before), so the regex engine skips to the next possible key instead of trying every
# position: 45 % less time than with the quotes and backslashes before the key in the pattern, same keys.
# The run of key characters is possessive: what follows a key is none of them, so giving some back never
# helps, and every word of the file that is not a key fails at once.  (A possessive repeat of one character
# class is safe on CPython 3.11.0-3.11.2; their bugs were in possessive groups, see source/patterns.py.)
_KEY = LazyPattern(r"""(?P<key>(?:[^\W\d]|[$@])(?<![\w.$@\-](?:[^\W\d]|[$@]))[\w.$@\-]{0,199}+)\\*["'“”‘’„\ufffd]?"""
                   r"""[ \t\r\n]*:""")
# The keys _KEY finds, read backwards from their colons (in the reversed text): listing a text's keys this way
# lets the regex engine jump from colon to colon, where a forward scan stops at every letter.  A key starts with
# a letter of any script (`пароль`), `_`, `$` or `@`: not a digit, a dot or a dash.
# (a U+FFFD inside a key is a byte of a file that is not UTF-8, `contrase\ufffda`, and a zero-width character one
# the writer does not see, `pass\u200bword`: the key is read whole)
_ASCII_KEY_BACKWARDS = LazyPattern(r""":[ \t\r\n]*["']?\\*([\w.$@\-]{1,200}+)(?<![\d.\-])(?![\w.$@\-])""")  # (an ASCII text's)
_INVISIBLE_IN_KEY = f"[\ufffd\u034f{INVISIBLES}]{{1,8}}"  # (and a combining grapheme joiner)
# What _KEY_BACKWARDS reads that _ASCII_KEY_BACKWARDS does not (its quotes and invisible characters): a text holding
# none of them is read with the ASCII pattern, the same keys found (the other compiles three maps of 65,536 characters)
_KEY_MARKS = "“”‘’„\ufffd\u034f" + INVISIBLES
_KEY_BACKWARDS = LazyPattern(r""":[ \t\r\n]*["'“”‘’„\ufffd]?\\*((?:""" + _INVISIBLE_IN_KEY + r""")?[\w.$@\-]{1,200}+(?:"""
                             + _INVISIBLE_IN_KEY + r"""[\w.$@\-]{1,200}+){0,4})(?<![\d.\-])(?![\w.$@\-])""")
# Also a key between `\u0022` escapes, in JSON escaped once more than it is read (`\\u0022password\\u0022:`): read
# with a pattern of its own, only in a text that holds one (the alternation would cost every other text).
_ESCAPED_KEY_BACKWARDS = LazyPattern(r""":[ \t\r\n]*(?:["'“”‘’„\ufffd]|2200[uU]\\++)?\\*([\w.$@\-]{1,200}+)"""
                                     r"""(?<![\d.\-])(?![\w.$@\-])""")
# And a key holding a `\uXXXX` escape (`pass\u0077ord`; `pass\\u0077ord` in JSON inside a string), which no
# parse decodes there: read escapes and all, then decoded (not a quote's, `\u0022`, which is before the key).
# Only in a text holding `\u` (no corpus body does).
_UNICODE_KEY_BACKWARDS = LazyPattern(r""":[ \t\r\n]*(?:["'“”‘’„\ufffd]|2200[uU]\\++)?\\*"""
                                     r"""((?>(?:(?!2200|7200)[0-9a-fA-F]{4}[uU]\\++|[\w.$@\-]){1,200}))(?<![\d.\-])(?![\w.$@\-])""")
_KEY_ESCAPE = LazyPattern(r"\\++[uU]([0-9a-fA-F]{4})")
_GAP = LazyPattern(r"(?:[ \t\r\n]|\\+[nrt])+")
# (U+FFFD: a byte of a file that is not UTF-8, most often a Windows-1252 smart quote)
_OPENERS = "\"'“”‘’„\ufffd"
_SMART_CLOSERS = "\"“”‘’„\ufffd"
_BARE_END = LazyPattern(r"[,}\]\r\n]")
# A credential's value may be quoted ('...', "..."; in a file's text the double quote is escaped) or follow
# spaces (or a JSON-escaped tab): the secret is what is inside the quotes, spaces and all.  A parameter may
# follow a `/` (`/contacts/apikey=...`, CE626's mistake).
# An unquoted value ends at a '?' that starts another parameter (`code=SKU-1234??where=...`: two '?' typed).
# (Written as a run of ordinary characters, then each '?' with the run after it: one class repeated, fast.)
# (a `|` with another after it: a legacy line's next fields, `?apikey=K|id|updated_at|...`; one alone is the value's own,
# Facebook's `access_token=<app id>|<app secret>`)
# (Groups repeat greedily, not possessively: CPython 3.11.0-3.11.2 mishandle possessive groups, see
# source/patterns.py; each group starts with a character the runs exclude, so nothing is given back.)
_BARE_VALUE = (r"[^&#;\s'\"?|]*+(?:(?:\?(?!\?{0,8}[\w.\-\[\]%]{1,100}=)|\|(?![^|\s'\"&#;]{0,200}\|))[^&#;\s'\"?|]*+)*")
_QUERY_VALUE = r"\s*(?P<quote>['\"])?(?P<value>(?(quote)[^'\"#;]*|" + _BARE_VALUE + "))"
# (blanks between a name and its `=`, a tab or a no-break space pasted in, are the name's: `&api_key\t=...`)
_NAME_END = r"[ \t\r\n\v\f\u00a0]*+="
# (and after a `,` or a `|`: a parameter glued to a filter, `'...',api_key=...`, or to a legacy line's field)
_QUERY = LazyPattern(r"(?:^|[?&;#/,|])(?P<name>[^=&?#;\s/,|]{1,100})" + _NAME_END + _QUERY_VALUE)
# Read only in a text that holds them (each costs every text a scan): a separator and spaces (`& apikey=`), an
# `&` percent-encoded (`%26api_key=`, in a value or not), and an `=` percent-encoded too (`%26hapikey%3D...`).
_LOOSE_SEPARATORS = ("%26", "& ", "&\t", "? ", "; ")
_LOOSE_QUERY = LazyPattern(r"(?:[?&;#/][ \t]+|%26[ \t]*)(?P<name>[^=&?#;\s/]{1,100})" + _NAME_END + _QUERY_VALUE)
# (also a query inside a query's value, encoded once or twice: `?next=%2Fcb%3Ftoken%3D...`, `%253Ftoken%253D...`)
_ENCODED_SEPARATOR = r"(?:[?&;#/]|%(?:25)?(?:26|3[Ff]|2[Ff]|23))"
# (a name with its own escapes, `api%5Ftoken%3D...`: each `%XX` but the `=`'s is the name's; one reading of each
# `%25XX`, `%25` then two characters, so a run of them is read once)
_ENCODED_QUERY = LazyPattern(r"(?:^|" + _ENCODED_SEPARATOR + r"[ \t]*)(?P<name>(?:[^=&?#;\s/%]|%(?!(?:25)?3[Dd])"
                             r"[0-9A-Fa-f]{2}){1,100})%(?:25)?3[Dd]"
                             + _QUERY_VALUE)
# The separator is part of the match (a look-behind first would leave the regex engine nothing to skip to);
# a value never takes the separator the next parameter starts with.
_TEXT_QUERY_NAME = r"(?P<name>[A-Za-z_%][\w.\-%\[\]]{0,99}+)[ \t]*+="  # (`api_key =...`: sent, and read, all the same)
_TEXT_QUERY_VALUE = (r"(?:[ \t]|\\+[tnr])*(?:\\*(?P<quote>['\"]))?(?P<value>(?(quote)[^'\"#;\\<>]+|"
                     r"(?=[^&#;\s'\"\\<>|`])[^&#;\s'\"\\<>?|`]*+(?:(?:\?(?!\?{0,8}[\w.\-\[\]%]{1,100}=)|\|(?![^|\s'\"&#;]{0,200}\|))"
                     r"[^&#;\s'\"\\<>?|`]*+)*))")  # (a backtick: the end of a page's inline code, `a?x=1`)
_TEXT_QUERY = LazyPattern(r"[?&;#/]" + _TEXT_QUERY_NAME + _TEXT_QUERY_VALUE)
_LOOSE_TEXT_QUERY = LazyPattern(r"(?:[?&;#/][ \t]+|%26[ \t]*)" + _TEXT_QUERY_NAME + _TEXT_QUERY_VALUE)
_ENCODED_TEXT_QUERY = LazyPattern(_ENCODED_SEPARATOR + r"[ \t]*(?P<name>[A-Za-z_][\w.\-\[\]]{0,99}+)%(?:25)?3[Dd]"
                                  + _TEXT_QUERY_VALUE)
# In a file that is not JSON, also a parameter that opens a string (`"api_key=...`, `"Pwd=...;Uid=..."`), which the
# walk of a parsed document reads (every quote of a JSON text would be a place to try).
_STRING_QUERY = LazyPattern(r"[\"'][ \t]*" + _TEXT_QUERY_NAME + _TEXT_QUERY_VALUE)
# The password of a URL's user information (``https://user:password@host``, also after a scheme missing a slash).
# Read as browsers and curl read it: the user name ends at the first ':' (it may hold an '@', an email), the
# password at the last '@' before the host.
# Also where a URL written without its scheme starts (``user:password@host/events``): at the start of the URL, or
# of a quoted string in a text.  Whatever host follows the `@` (`<HOST>`, `${DB_HOST}`, `{{host}}`, `ñandu.example`,
# none at all): the password is the same.
_USERINFO = LazyPattern(r"(?:(?P<schemed>//|\\{1,3}/\\{1,3}/|(?<=[A-Za-z]:)/)|^|(?<=[\"']))[^/\s:'\"?#\\]{0,200}:"
                        r"(?P<value>[^/\s'\"\\]{1,400})@"  # (`https:\/\/`: JSON in a JSON string)
                        # (without a scheme's `//`, what follows reads as a host: not `npm:pkg@^4`, `ref:HEAD@{1}`)
                        r"(?(schemed)|(?=[A-Za-z0-9\[/<%]|[^\x00-\x7f]|\{\{|\$\{|$))")
# What every match of _USERINFO holds, read backwards: an `@` (its value's first), then up to 400 of its value's
# characters, the nearest colon ending them (an email beside no `user:` costs no scan of :data:`_USERINFO`, which is
# tried at every place of a text; each `@` reads back to the one before at most: linear)
_USERINFO_GATE_BACKWARDS = LazyPattern(r"@[^/\s'\"\\@:]{0,400}+:")
# A token written as the user name, with or without an empty password (`https://<api key>:@host`, as some vendors
# take a key for Basic authentication): masked when it has a key's shape.
_USERINFO_USER = LazyPattern(r"(?://|\\{1,3}/\\{1,3}/)(?P<user>[^/\s:'\"?#\\@]{10,200})(?::[^/\s'\"\\@]{0,400})?@"
                             r"(?=[A-Za-z0-9\[])")
# A password holding what ends a host (`/`, `?`, `#`), a quote or a backslash, left unencoded, or after a scheme
# written with backslashes (`https:\\user:pw@host`): no URL reader takes it as one, but it is the password the
# writer meant.  After the scheme only, never a port (`host:8080/x?to=ops@example.com`), and to the first `@`
# before a host (the form above takes a password holding an `@`).  In a file's text the value is read as JSON
# string content (escapes, no bare quote or space); in a decoded string, up to its line's end, spaces and all.
_LOOSE_USERINFO_HEAD = r"(?://|\\{1,3}/\\{1,3}/|(?<=[A-Za-z]:)\\{1,4})[^/\s:'\"?#\\@]{1,200}:(?!\d{1,5}(?:[/?#\s\"'\\]|$))"
# (A value stops before another URL's start: a text of many `//user:` costs each one a few steps, not 400.)
_LOOSE_USERINFO = LazyPattern(_LOOSE_USERINFO_HEAD + r"(?P<value>(?:(?!//|:\\)(?:\\[^\r\n]|[^\s\"\\])){1,400}?)@"
                              r"(?=[^\s\"\\@])")
_LOOSE_DECODED_USERINFO = LazyPattern(_LOOSE_USERINFO_HEAD + r"(?P<value>(?:(?!//|:\\)[^\r\n]){1,400}?)@(?=[^\s\"\\@])")
_ENDS_A_HOST = frozenset("/?#'\"\\ ")


# `//admin:<password>/host`, `//admin:<password>` or `//admin:<password>%40host`: the `@` left out or encoded, so a URL
# reader takes the password for a port (no number: a port is digits).  (`//` or `\/\/` written from a character class:
# the regex engine scans for it in C.)
def _password_for_a_port(*, wide: bool) -> str:
    return (r"[/\\](?:(?<=/)/|(?<=\\)\\{0,2}/\\{1,3}/)[A-Za-z0-9._%+\-]{1,100}:(?!\d{1,5}(?:[/?#;\s\"'\\]|$))"
            r"(?P<value>(?:(?!%40)[^/\s:'\"?#\\@" + (r"\uff20" if wide else "") + r"]){6,200})(?=[/?#\s\"'\\]|%40|$)")


_PASSWORD_FOR_A_PORT = ByScript(_password_for_a_port(wide=True), _password_for_a_port(wide=False), marks="\uff20")

# `//user：password@host`, `//user:password＠host`: a full-width colon or at sign
_FULL_WIDTH_USERINFO = LazyPattern("(?://|\\\\{1,3}/\\\\{1,3}/)[^/\\s'\"?#\\\\@\uff20:\uff1a]{1,200}[:\uff1a]"
                                   "(?P<value>[^/\\s'\"\\\\@\uff20]{1,400})[@\uff20]")
# Credentials on a command line (a curl in a documentation page): `-u user:password` (also glued, `-uuser:pw`;
# httpie's `-a`/`--auth`), `-b`/`--cookie` and its session, `--option value` or `--option=value` for a secret
# option, `-H 'Name: value'` for a secret header (also without its colon), and `NAME=value` for a secret name
# (`export API_SECRET=...`, `-F password=...`, a form body's `client_secret=...`, PowerShell's `$env:NAME = "..."`).
# Every value is read in a look-ahead, so that a credential inside another value (`CURL_ARGS="-u admin:pw"`,
# `--data-urlencode "api_key=..."`) is found on its own.  A quoted value runs to its closing quote, spaces and
# all (`-u 'alice:p4ss w0rd'`, `export AUTHORIZATION="User x, Organization y"`), past escaped quotes, also in
# `$'...'`; a bare one past escaped spaces (`p4ss\ w0rd`).  `-u` takes its whole shell word, whatever its
# quoting (`'admin':'pw'`, `"$USER":pw`, smart quotes), and hides what follows the first colon.  The groups that
# may hold the value are listed in _SHELL_GROUPS.
# Each is bounded, so that a line of thousands of `-u` or `name=` is read in linear time.
_QUOTED = r"""(?:\\[^\r\n]|(?!(?P={}))[^\\\r\n]){{1,8000}}"""
_BARE = r"""(?:\\[^\r\n]|[^\s'"&;\\]){1,1000}"""
_WORD = (r"""(?:\$'(?:\\[^\r\n]|[^'\\\r\n]){0,400}'?|'[^'\r\n]{0,400}'?|\$?"(?:\\[^\r\n]|[^"\\\r\n]){0,400}"?"""
         r"""|“[^”\r\n]{0,400}”?|\\[^\r\n]|[^\s'"\\“]{1,400}){1,20}""")
# (an option's value on the next line, after the shell's continuation: `-u \` then `admin:pw`)
_CONTINUED = r"[ \t]*\\\r?\n[ \t]*"
_SHELL_CREDENTIAL = LazyPattern(
    r"""(?:^|(?<=[\s'"]))(?:(?:-b|--cookie)(?:[ \t]+|=|(?=\S))(?="""
    r"""(?P<q0>['"])(?P<cookie_quoted>""" + _QUOTED.format("q0") + r""")|(?P<cookie>[^\s'"]+))"""
    r"""|(?P<user_option>-u|--user|--proxy-user|-U|-a|--auth|--cert|-E)(?:""" + _CONTINUED + r"""|[ \t]+|=|(?=\S))(?=(?P<userword>"""
    + _WORD + "))"
    r"""|(?:-H|--header)(?:""" + _CONTINUED + r"""|[ \t]+|=)(?=(?P<q5>['"])(?P<header>[A-Za-z][\w-]{0,60})(?:[ \t]*:(?:""" + _CONTINUED + r"""|[ \t]*)|[ \t]+)"""
    r"""(?P<header_value>""" + _QUOTED.format("q5") + "))"
    r"""|--(?P<option>[A-Za-z][\w-]{0,60})(?=(?:=|""" + _CONTINUED + r"""|[ \t]+)"""
    r"""(?:\$?(?P<q3>['"])(?P<optvalue_quoted>""" + _QUOTED.format("q3") + r""")"""
    r"""|(?P<optvalue>[^\s'"\\-](?:\\[^\r\n]|[^\s'"\\])*)))"""
    r"""|\$(?i:env):(?P<psname>[A-Za-z_]\w{0,99})[ \t]*=[ \t]*(?="""
    r"""(?P<q6>['"])(?P<psvalue_quoted>""" + _QUOTED.format("q6") + r""")|(?P<psvalue>""" + _BARE + "))"
    r"""|(?P<assign>[A-Za-z_][\w.\-]{0,99})[ \t]+=[ \t]*(?="""
    r"""(?P<q7>['"])(?P<assign_quoted>""" + _QUOTED.format("q7") + "))"
    r"""|(?P<name>[A-Za-z_][\w.\-]{0,99})="""
    r"""(?=\$?(?P<q4>['"])(?P<value_quoted>""" + _QUOTED.format("q4") + r""")|(?P<value>""" + _BARE + ")))",
    re.M)
_SHELL_GROUPS = {"option": ("optvalue", "optvalue_quoted"), "name": ("value", "value_quoted"),
                 "psname": ("psvalue", "psvalue_quoted"), "user": ("userword",), "cookie": ("cookie", "cookie_quoted"),
                 "header": ("header_value",), "assign": ("assign_quoted",)}
# Where a `name=value` inside a quoted argument ends (`--data 'password=p4ss w0rd&x=1'`).
_ARGUMENT_VALUE_END = {quote: LazyPattern(f"[{quote}&;\r\n]") for quote in "'\""}
# A credential known by its shape, whatever its key: HTTP Basic credentials (`"basic.auth": "Basic dXNlcjpw..."`:
# base64 that decodes to `user:password`, so prose such as `Basic username/password authentication` stays) and
# a JSON Web Token (also after `Bearer`).  A token starts where no other token character precedes it, so that a
# long run of `eyJ-eyJ-...` is read once, not from each of its letters.
# (base64's `+` and `/` also as JSON writes them escaped: .NET's `\u002B`, PHP's `\/`)
_BASE64_RUN = r"(?:[A-Za-z0-9+/]|\\u002[bBfF]|\\/)"
_BASIC_CREDENTIAL = LazyPattern(r"\bBasic[ \t]+(?P<value>" + _BASE64_RUN + r"{8,}+={0,2})(?![\w+/=\-])")
# (a pattern of its own: a literal start lets the regex engine skip ahead, where `(?i:basic)` tries every place)
_BASIC_IN_LOWER_CASE = LazyPattern(r"\bbasic[ \t]+(?P<value>" + _BASE64_RUN + r"{8,}+={0,2})(?![\w+/=\-])")
# (its parts base64url, or standard base64 with `+`, `/` and `=` padding, as some libraries write them)
_JWT = LazyPattern(r"(?<![\w\-])eyJ[\w\-+/]{8,}+={0,2}\.eyJ[\w\-+/]{8,}+={0,2}\.[\w\-+/]*+={0,2}")
# What follows `Token `, the scheme's name, as in an authorization header
_TOKEN_SCHEME = LazyPattern(r"\bToken[ \t]+(?P<value>[A-Za-z0-9._~+/\-]{12,}+=*)")
# A bearer token under any key (`"auth": "Bearer ..."`): letters and digits, as a token has
_BEARER = LazyPattern(r"\b[Bb]earer[ \t]+(?P<value>[A-Za-z0-9._~+/\-]{16,}+=*)")
# The Cloud Elements authorization header, whatever holds it (`export CE_AUTH='User ..., Organization ...'`), its
# parts in any order (`Element x, User y, Organization z`).
# (each part's value, or a reference or placeholder standing for it: `User ${USER_SECRET}, Organization <secret>`;
# `<user secret>`, `[USER_SECRET]`, `YOUR_USER_SECRET`, cmd's `%CE_USER%`, Azure Pipelines' `$(CE_USER)`, a format's
# `{0}` or `%s`)
_CE_PART_VALUE = (r"(?:\$\{[^}\s]{1,80}\}|\$[A-Za-z_]\w*+|\$\([^()\s]{1,80}\)|\{\{[^{}\s]{1,80}\}\}|\{\w{1,40}\}"
                  r"|<[^<>\s](?:[^<>\r\n]{0,78}[^<>\s])?>|\[[^\[\]\s](?:[^\[\]\r\n]{0,78}[^\[\]\s])?\]"
                  r"|%[A-Za-z_]\w{0,79}%|%s|[A-Za-z0-9+/=_]++)")
# A part's name in any case (`authorization: user ..., organization ...`, as some clients write headers); the header
# may be split over lines: by a shell's or PowerShell's continuation (`User x, \` then `Organization y`), a folded
# header line (the next one indented), or a string closed and another opened (`"User x, " +` then `"Organization y"`).
_CE_PART = "(?i:" + "|".join(PLATFORM_HEADER_PARTS) + ")"
_CE_AFTER_PART = r"(?::?+[ \t]++|[ \t]*+[\\`]\r?\n[ \t]*+)"  # (`User: x, Organization: y`, as a note writes it)
_CE_GLUE = r"(?:[ \t]*+(?:[\\`]\r?\n|\r?\n(?=[ \t])|[\"'][ \t]*+\+?[ \t]*+(?:\r?\n)?[ \t]*+[\"'])[ \t]*+)?"
# (or one part a line, as a note lists them: `User: x` then `Organization: y`)
_CE_AUTHORIZATION = LazyPattern(r"\b" + _CE_PART + _CE_AFTER_PART + _CE_PART_VALUE +
                                r"(?:(?:" + _CE_GLUE + r"[ \t]*+," + _CE_GLUE + r"|[ \t]*+\r?\n)[ \t]*+" + _CE_PART
                                + _CE_AFTER_PART + _CE_PART_VALUE + ")+")
_CE_CREDENTIAL = LazyPattern(r"(?P<part>" + _CE_PART + r")" + _CE_AFTER_PART + r"(?P<value>" + _CE_PART_VALUE + ")")
# A private key's body, whatever key holds it: base64 lines and their headers (JSON-escaped too), to its END line.
_PEM = LazyPattern(r"-----BEGIN[A-Z ]{0,30}PRIVATE KEY(?: BLOCK)?-----(?P<value>(?:(?!-----END)[\w+/=\s\\:,.\-])*)")
# An XML element holding a secret (`<password>...</password>`, a SOAP request in a page).
# HTML's own elements whose names are also secret keys: a page's `<code>customers</code>` is not an OAuth code.
_HTML_TAGS = frozenset({"code"})
# (with attributes, `<wsse:Password Type="PasswordText">`, and a value in CDATA)
_XML_ELEMENT = LazyPattern(r"<(?P<tag>[A-Za-z_][\w.\-:]{0,60}+)(?:[ \t][^<>\r\n]{0,200}+)?>"
                           r"(?:<!\[CDATA\[(?P<cdata>[^\]\r\n]{1,400}+)\]\]>|(?P<value>[^<\r\n]{1,400}+))</(?P=tag)>")
_TOKEN_CELL = LazyPattern(r"[^\s*]+")
_SHELL_MARKERS = ("curl", "wget", "export ", "http ", "$env:", "$Env:", "$ENV:", "```", "~~~")
_SECRET_OPTIONS = frozenset({"oauth2-bearer", "pass"})
# Where a bare value ends; a header's (``Authorization: User x, Organization y``) runs on past its commas.
_HEADER_END = ByScript(r"[\"'”’`\r\n]", r"[\"'`\r\n]", marks="”’")  # (a backtick: a JavaScript template's, or a page's inline code)
_SHOWABLE = LazyPattern(r"\s*(?:<<?[^<>]*>>?|\{\{[^{}]*\}\}|\$\{[^{}]*\}|[xX*]{4,})\s*")


# Up to this many values (or spans) a finding is scrubbed by trying each; past it, through a _SecretIndex.
_FEW_VALUES = 16
# A syntax error's place and a secret it quotes may be this far apart (`"secret"x`: the quote between them).
_NEAR = 2
_QUOTED_FRAGMENT = LazyPattern(r"`([^`\n]{1,400})`")
_SINGLE_QUOTED_FRAGMENT = LazyPattern(r"'([^'\n]{1,400})'")


class _SecretIndex:
    """The secrets of a file with many of them (a poller URL with a credential in each of 10,000 entries), so
    that scrubbing a finding costs the length of its message, not the number of secrets times it."""

    __slots__ = ("_by_prefix", "_short", "_rank", "_starts", "_reach", "escaped")

    def __init__(self, values: tuple[str, ...], spans: tuple[tuple[int, int], ...]) -> None:
        self._rank = {value: rank for rank, value in enumerate(values)}
        # first three characters -> length -> the values: a message is looked up at each of its positions,
        # once per length its three characters begin (many values sharing a prefix cost one lookup a length)
        self._by_prefix: dict[str, dict[int, set[str]]] = {}
        self._short: list[str] = []
        self.escaped: list[str] = []  # (written `~1`, `~0` in a pointer)
        for value in self._rank:  # (the values once more: the rank's keys)
            if len(value) >= 3:
                self._by_prefix.setdefault(value[:3], {}).setdefault(len(value), set()).add(value)
            else:
                self._short.append(value)
            if "/" in value or "~" in value:
                self.escaped.append(value)
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def values_in(self, message: str) -> list[str]:
        """The values that occur in ``message``, in the order :attr:`Secrets.values` has them."""
        found = {value for value in self._short if value in message}
        by_prefix = self._by_prefix
        for i in range(len(message) - 2):
            lengths = by_prefix.get(message[i:i + 3])
            if lengths is not None:
                found.update(message[i:i + size] for size, same in lengths.items() if message[i:i + size] in same)
        return sorted(found, key=self._rank.__getitem__)

    def spans_in(self, text: str) -> set[tuple[int, int]]:
        """Where the values occur in ``text``, found in one pass down it."""
        spans = {span for value in self._short for span in _occurrences(text, value)}
        by_prefix = self._by_prefix
        for i in range(len(text) - 2):
            lengths = by_prefix.get(text[i:i + 3])
            if lengths is not None:
                spans.update((i, i + size) for size, same in lengths.items() if text[i:i + size] in same)
        return spans

    def touches(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span: one that starts before ``end`` and ends after ``start``."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start


@dataclass(frozen=True, slots=True)
class Secrets:
    """The secret values of one document: file ``spans`` and the ``values`` as written and decoded."""

    spans: tuple[tuple[int, int], ...] = ()
    values: tuple[str, ...] = ()  # longest first, each at least 3 characters
    names: frozenset[str] = frozenset()  # values the file also writes as plain words outside every secret
    _index: _SecretIndex | None = field(default=None, init=False, repr=False, compare=False)

    def mask(self, text: str) -> MaskedText:
        """``text`` with every character of every span replaced by ``*`` (line breaks kept)."""
        if not self.spans:
            return MaskedText(text)
        chars = list(text)
        reached = 0  # (spans in order, each character masked once however many spans cover it)
        for start, end in sorted(self.spans):
            for index in range(max(start, reached, 0), min(end, len(chars))):
                if chars[index] not in "\r\n":
                    chars[index] = "*"
            reached = max(reached, end)
        return MaskedText("".join(chars))

    def found_in(self, text: str, *, encoded: Callable[[str], Iterable[str]] | None = None) -> Secrets:
        """These secrets where their values occur in another text (a URL rendered from the document), as
        written or percent-encoded (every character, or as ``encoded`` gives a value's forms: the request render
        sends); the spans are offsets into ``text``."""
        spans: set[tuple[int, int]] = set()
        every: set[str] = set()
        for value in self.values:
            every.update({value, quote(value, safe="", errors="surrogatepass")})  # (a JSON escape may decode to a lone surrogate)
            if encoded is not None:
                every.update(encoded(value))
        if len(every) > _FEW_VALUES:  # many secrets (a seed list's): one pass down the text, not one per form
            spans.update(_SecretIndex(tuple(every), ()).spans_in(text))
        else:
            for form in every:
                spans.update(_occurrences(text, form))
        return Secrets(spans=tuple(sorted(spans)), values=self.values)

    def scrub(self, message: str | None) -> str | None:
        """``message`` with every secret value it holds replaced by ``****``, longest first (a shorter value
        is replaced where it is still to be seen: not inside a longer one already masked)."""
        if not message:
            return message
        if "=" in message or "@" in message:  # a URL the message quotes: its credentials by their places, whatever
            message = _url_credentials_masked(message)  # their shape (a short word is no value `values` holds)
        if len(self.values) <= _FEW_VALUES:
            present = [value for value in self.values if value in message]
        else:
            present = self._indexed().values_in(message)
        if "…" in message and len(self.values) <= _FEW_VALUES:
            message = _scrub_cut(message, self.values)
        for value in present:
            if value in self.names:  # kept where the message quotes it alone: it names a thing the file shows
                message = re.sub(re.escape(value), lambda m: m.group() if m.string[m.start() - 1:m.start()] == "`"
                                 and m.string[m.end():m.end() + 1] == "`" else MASK, message)
            elif len(value) >= _REUSED_LENGTH:
                message = message.replace(value, MASK)
            elif value in message:  # a short one only as a whole word: `sage` stays in `sageone`
                message = re.sub(f"(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{{2}})){re.escape(value)}(?![A-Za-z0-9])",
                                 MASK, message)
        return message

    def _touches(self, start: int, end: int) -> bool:
        if len(self.spans) <= _FEW_VALUES:
            return any(s < end and start < e for s, e in self.spans)
        return self._indexed().touches(start, end)

    def _rewrites(self, start: int, end: int, replacement: str) -> bool:
        """Whether an edit changes a secret: it touches one, unless it removes it whole (a comment giving a password,
        which CE003 removes: withheld, it kept every other fix of a body read around its comment from the file)."""
        if not self._touches(start, end):
            return False
        return bool(replacement) or not all(start <= s and e <= end for s, e in self._spans_touching(start, end))

    def _indexed(self) -> _SecretIndex:
        if self._index is None:
            object.__setattr__(self, "_index", _SecretIndex(self.values, self.spans))
        assert self._index is not None
        return self._index

    def scrub_near(self, message: str, text: str, start: int, end: int) -> str:
        """``message``, about ``[start, end)`` of ``text``, with every piece of a secret next to that place that
        it quotes between backticks replaced by ``****``: a syntax error quotes the word the parser read
        (``bare word `Kq9v` ``, the first piece of an unquoted ``Kq9v/w8+T==``) or a shortened string
        (``"Kq9v…stuv"``), which are not the whole value :meth:`scrub` looks for."""
        if '"' in message:
            message = self._scrub_quoted_inside(message, text, start, end)
        if "`" not in message and "'" not in message:
            return message
        # only a finding inside a secret or just beside it: one whose place holds a secret (CE105 on the whole
        # `configuration`) quotes other things, which a secret's piece must not hide (`sageone` in `sageone-9f8e`)
        near = [text[s:e] for s, e in self._spans_touching(start - _NEAR, end + _NEAR)
                if s - _NEAR <= start and end <= e + _NEAR]
        if not near:
            return message
        if "%" in "".join(near):  # (a URL rule quotes a piece as the vendor decodes it: CE629's `the text '%76'`)
            near += [_unquote(raw) for raw in near]

        def hidden(fragment: str) -> str:
            parts = fragment.split("…")
            for index, part in enumerate(parts):
                piece = part.strip("\"' ")
                if len(piece) >= 3 and any(piece in raw for raw in near):
                    parts[index] = part.replace(piece, MASK)
            return "…".join(parts)

        message = _QUOTED_FRAGMENT.sub(lambda m: "`" + hidden(m.group(1)) + "`", message)
        # and a piece a URL rule quotes in single quotes, from a finding inside the secret (CE629's `'%2576'`)
        inside = any(raw in text[start:end] or text[start:end] in raw for raw in near) and start < end
        return _SINGLE_QUOTED_FRAGMENT.sub(lambda m: "'" + hidden(m.group(1)) + "'", message) if inside else message

    def _scrub_quoted_inside(self, message: str, text: str, start: int, end: int) -> str:
        """``message`` with each secret inside ``[start, end)`` that it quotes as a JSON string (``got `{"user":
        "bob", "password": "letmein"}` ``, a message showing the object at its place) written ``"****"``: a short
        plain word is not among the values :meth:`scrub` looks for everywhere."""
        for s, e in self._spans_touching(start, end):
            if start <= s and e <= end:
                for form in _forms(text[s:e]):
                    quoted = json.dumps(form, ensure_ascii=False)
                    if quoted in message:
                        message = message.replace(quoted, f'"{MASK}"')
        return message

    def _spans_touching(self, start: int, end: int) -> list[tuple[int, int]]:
        spans = self.spans
        if len(spans) <= _FEW_VALUES:
            return [(s, e) for s, e in spans if s < end and start < e]
        before = bisect_left(spans, (end, -1))  # spans are sorted: those from here on start at or after `end`
        found = []
        for index in range(before - 1, max(before - _FEW_VALUES, 0) - 1, -1):  # a place has few secrets near it
            s, e = spans[index]
            if start < e:
                found.append((s, e))
        return found

    def _scrub_pointer(self, pointer: str) -> str:
        """``pointer`` with a secret written into a key it names masked (`/configuration/oauth.api.secret=****`)."""
        if not pointer or not self.values:
            return pointer
        values = self.values
        if len(values) > _FEW_VALUES:  # (a seed list of thousands of bodies: each finding must not try them all)
            index = self._indexed()
            values = tuple(dict.fromkeys([*index.values_in(pointer), *index.escaped]))
        for value in values:
            if looked_for_elsewhere(value):
                for form in _pointer_forms(value):
                    if form in pointer:
                        pointer = pointer.replace(form, MASK)
        return pointer

    def scrub_finding(self, finding: Finding, *, text: str | None = None,
                      place: tuple[int, int] | None = None) -> Finding:
        """``finding`` with its message, hint and fix free of secret values (a fix that edits one is dropped),
        and every text :func:`printable`.  Given the document's ``text`` and the finding's ``place`` in it
        (file offsets), the pieces of a secret next to it that it quotes are scrubbed too (:meth:`scrub_near`)."""
        message = self.scrub(finding.message) or ""
        hint = self.scrub(finding.help)
        if text is not None and place is not None and self.spans:
            message = self.scrub_near(message, text, *place)
            hint = self.scrub_near(hint, text, *place) if hint else hint
        message = printable(message)
        hint = printable(hint) if hint else hint
        path = printable_path(finding.path) if finding.path else finding.path
        pointer = printable(self._scrub_pointer(finding.pointer))
        fix = finding.fix
        if fix is not None and any(self._rewrites(edit.start, edit.end, edit.replacement) or self.scrub(
                edit.replacement) != edit.replacement for edit in fix.edits):
            fix = None  # a fix never rewrites, moves or repeats a secret
        elif fix is not None:  # what it says it does may quote the value it leaves alone
            said = self.scrub(fix.message) or ""
            if text is not None and place is not None and self.spans:
                said = self.scrub_near(said, text, *place)
            fix = fix if printable(said) == fix.message else replace(fix, message=printable(said))
        if (message, hint, fix, path, pointer) == (finding.message, finding.help, finding.fix, finding.path,
                                                  finding.pointer):
            return finding
        return replace(finding, message=message, help=hint, fix=fix, path=path, pointer=pointer)


def _pointer_forms(value: str) -> tuple[str, ...]:
    escaped = value.replace("~", "~0").replace("/", "~1")
    return (value,) if escaped == value else (value, escaped)


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    """The places of ``form`` in ``text``, overlapping ones joined: a run of a periodic value (`\\\\\\...`) is one
    span, found in one pass, where one search from each place would take the run's length squared."""
    size = len(form)
    start = text.find(form)
    if start == -1:
        return
    # (no copy of a form whose first character it holds nowhere else overlaps another: most values, read in C)
    period = _period(form) if form[:1] in form[1:] else size
    while start != -1:
        end = start + size
        if period < size:  # occurrences may overlap: take the whole run of the pattern
            while end < len(text) and text[end] == text[end - period]:
                end += 1
        yield start, end
        start = text.find(form, end - size + 1)


def _period(form: str) -> int:
    """The smallest shift at which ``form`` matches itself (its length when none does)."""
    border = [0] * len(form)
    length = 0
    for index in range(1, len(form)):
        while length and form[index] != form[length]:
            length = border[length - 1]
        if form[index] == form[length]:
            length += 1
        border[index] = length
    return len(form) - border[-1] if form else 0


def _scrub_cut(message: str, values: tuple[str, ...]) -> str:
    """``message`` with the start or end of a secret that a shortened quote holds (`"...&apiKey=Zz7Canar…"`,
    `"https://ce:Zz7Can…ments/sage"`) replaced by ``****``: the whole value is not there to be found."""
    parts = message.split("…")
    for index, part in enumerate(parts):
        for value in values:
            if index < len(parts) - 1:  # the text before an ellipsis may end with the start of a value
                cut = next((k for k in range(min(len(part), len(value) - 1), _CUT - 1, -1)
                            if part.endswith(value[:k])), None)
                if cut is not None:
                    part = part[:-cut] + MASK
            if index > 0:  # the text after one may begin with the end of a value
                cut = next((k for k in range(min(len(part), len(value) - 1), _CUT - 1, -1)
                            if part.startswith(value[-k:])), None)
                if cut is not None:
                    part = MASK + part[cut:]
        parts[index] = part
    return "…".join(parts)


# The fewest characters of a secret a shortened quote must hold for them to be hidden.
_CUT = 4

def as_shown(value: str) -> str:
    """A value the user gave (a configuration's, an option's) as a message may quote it: a URL's credentials and a
    token known by its shape (`Bearer ...`, `sk_live_...`, a JSON Web Token) masked, and printable (:func:`printable`)."""
    return printable(str(url_secrets(value).mask(value)))


_WORD_RUN = LazyPattern(r"[^\s\"']+")


def mask_words(text: str) -> str:
    """``text`` (a message of the command line: an error, a warning) with the URL credentials of each of its words
    masked (:func:`url_secrets`), so a path `https://user:password@host/x.json` or a setting it quotes shows no secret;
    each word alone, so the words after a path stay shown; and a scheme's credential, two words (`Bearer <token>`: a
    header given as a zone)."""
    if any(scheme in text for scheme in _SCHEMES):
        text = str(url_secrets(text).mask(text))
    if "=" not in text and "@" not in text and "_" not in text:
        return text
    return _WORD_RUN.sub(lambda word: _masked_word(word.group()), text)


# A message's word that names a file on this machine, maybe with its place (`/etc/passwd:1:`, `secrets\api_key.txt`):
# a separator or an extension, and no scheme; or a file's name and its line (`passwd:1:`, as a message places it)
_FILE_PATH = LazyPattern(r"(?![A-Za-z][\w+.\-]*:/)(?:[A-Za-z]:)?(?=[^:]*(?:[/\\]|\.\w{1,8}(?::|$)))[^:]+(?::\d+){0,2}:?"
                         r"|[\w.\-]+(?::\d{1,7}){1,2}:")


def _masked_word(word: str) -> str:
    """A word of a message with its credentials masked: a URL's (:func:`url_secrets`); a file's path only its
    URL-like credentials (`/tmp/x?token=...`): the path is the user's, and its last part naming a password is no
    `key: value` (`/etc/passwd:1:` is a configuration's place, not a password `1:`)."""
    if _FILE_PATH.fullmatch(word):
        spans = _url_credential_spans(word)
        return str(Secrets(spans=tuple(sorted(set(spans)))).mask(word))
    return str(url_secrets(word).mask(word))


_SCHEMES = ("Bearer ", "bearer ", "Basic ", "basic ", "Token ")


def printable(text: str, *, keep: str = "") -> str:
    """``text`` with each lone surrogate (a ``\\ud800`` escape in JSON, an undecodable byte in a file name) and
    each control character written as its escape, so every output can encode it and no file's text can steer a
    terminal (``ESC [2J``) or a CI log (a newline then ``::error ...``, a workflow command), nor reorder what is
    shown (the bidirectional overrides of "Trojan Source"); nor hide a character that is there (a zero-width space
    inside a key, which a message would show as the key the reader expects).  ``keep``: characters the caller
    escapes its own way (a file name's line break, which a workflow command writes `%0A` and XML `&#10;`)."""
    if text.isprintable():  # neither a surrogate, a control nor a bidirectional format character
        return text
    if keep:
        return _UNPRINTABLE.sub(lambda char: char.group() if char.group() in keep else _escape_char(char), text)
    return _UNPRINTABLE.sub(_escape_char, text)


def printable_path(path: str) -> str:
    """A file name as every report shows it: :func:`printable`, and a backslash of the name's own written `\\x5c`
    where the reports that name files by their real name (GitHub, SARIF, GitLab, JUnit) would read it as one of those
    escapes (:data:`ESCAPES`): a file `a\\x41.json` was named `aA.json`."""
    if "\\" in path and os.sep == "/" and ESCAPES.search(path):  # (on Windows a backslash is the separator)
        path = path.replace("\\", "\\x5c")
    return printable(path)


# The escapes printable() writes: `\x0a` for a control character, `\u202e` for a format character or a byte of a
# name that is not UTF-8 (Python's surrogateescape, U+DC80-U+DCFF)
ESCAPES = LazyPattern(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})")

# Lone surrogates, C0 and C1 controls and DEL, and the invisible format characters (the bidirectional embeddings,
# overrides and isolates among them)
_UNPRINTABLE = LazyPattern(f"[\ud800-\udfff\x00-\x1f\x7f-\x9f{INVISIBLES}]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def problem_message(source: Source, message: str, start: int, end: int, *,
                    extra_keys: frozenset[str] = frozenset()) -> str:
    """The message of a problem at ``[start, end)`` of a file that is not valid JSON, free of its secrets: a bare
    word or a string it quotes may be (a piece of) a secret's value.  For error lines printed outside a report
    (``render``'s, ``simulate``'s records).  ``extra_keys``: as :func:`find_secrets`'s."""
    secrets = find_secrets(source, extra_keys=extra_keys)
    return secrets.scrub_near(secrets.scrub(message) or "", source.text, start, end)


def find_secrets(source: Source, *, extra_keys: frozenset[str] = frozenset()) -> Secrets:
    """The secrets of ``source`` (a loaded file): see the module documentation."""
    text = source.text
    spans: set[tuple[int, int]] = set(_scan_text(text, extra_keys, broken=not source.valid))
    if source.value is not None:
        spans.update(_walk_document(source, source.value, extra_keys))
    values: set[str] = set()
    for start, end in spans:
        raw = text[start:end]
        values.update(_forms(raw))
    ordered = tuple(sorted((v for v in values if len(v) >= 3 and v.lower() not in _PLAIN_VALUES
                            and not (len(v) < _REUSED_LENGTH and v.isalpha())), key=len, reverse=True))
    names = _named_elsewhere(text, [v for v in ordered if v.isalpha() and not looked_for_elsewhere(v)], spans)
    reused = [v for v in ordered if looked_for_elsewhere(v)]
    if reused and len(reused) <= _FEW_REUSED:  # the same value written elsewhere too (`where=pw='<it>'`)
        copies = list(Secrets(values=tuple(reused)).found_in(text).spans) + list(_prefix_copies(text, reused))
        copies += _other_case_copies(text, reused)
        spans.update(copies)
        # a copy written otherwise (percent-encoded in a URL, a prefix) is a value too: a message may quote it
        # (CE202's `write "https://h/cb?x=Kq9v%2F..."`), where only the values are looked for
        others = {text[start:end] for start, end in copies} - set(ordered)
        if others:
            ordered = tuple(sorted(set(ordered) | others, key=len, reverse=True))
    return Secrets(spans=tuple(sorted(spans)), values=ordered, names=names)


def _other_case_copies(text: str, values: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the values written elsewhere in other capitals (a note quoting the password in lower case): all
    but the capitals of the secret.  Only where lowering keeps every offset (`İ` lowers to two characters)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return []
    return [span for value in values for span in _occurrences(lowered, value.lower()) if text[span[0]:span[1]] != value]


def _named_elsewhere(text: str, words: list[str], spans: Iterable[tuple[int, int]]) -> frozenset[str]:
    """The plain words among a text's secret values that it also writes outside every secret as a word of its own
    (`"password": "customers"` beside the resource `customers`): :meth:`Secrets.scrub` leaves such a word where a
    message quotes it alone (`in poller entry `customers``), which masking would make useless.  Past a few such
    words (each costs a pass over the text), none."""
    if not words or len(words) > _FEW_REUSED:
        return frozenset()
    joined: list[tuple[int, int]] = []  # the spans, overlapping ones joined
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    named = set()
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            whole = (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end]))
            index = bisect_right(joined, (at, len(text))) - 1
            if whole and (index < 0 or joined[index][1] < end):
                named.add(word)
                break
            at = text.find(word, end)  # (from its end: a run of one letter is read once, not from each place)
    return frozenset(named)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_DIGIT = LazyPattern(r"\d")
_LETTER = LazyPattern(r"[A-Za-z]")
_PREFIX_LENGTH = 10  # the first characters of a long secret, written elsewhere (`rotated Pf6Rt2Xq9Lm4 on ...`)


def _prefix_copies(text: str, values: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Spans of the first ``_PREFIX_LENGTH`` or more characters of a secret of 16 or more, written elsewhere as a word
    of its own (a note naming the key it rotated): the whole secret there is already found."""
    for value in values:
        if len(value) < 16:
            continue
        head = value[:_PREFIX_LENGTH]
        at = text.find(head)
        while at != -1:
            end = at + _PREFIX_LENGTH
            while end < len(text) and end - at < len(value) and text[end] == value[end - at]:
                end += 1
            piece = text[at:end]
            if end - at < len(value) and (at == 0 or not text[at - 1].isalnum()) \
                    and (end == len(text) or not text[end].isalnum()) and _DIGIT.search(piece) \
                    and _LETTER.search(piece):  # random, not a word (`token_secret_...`)
                yield at, end
            at = text.find(head, end)


# Values a secret key may hold that are not secrets, and that messages say in their own words (`true` or `false`).
# Nor is a short plain word (`code`, a grant's value in a sample) looked for in every message: only in one about
# its own place (scrub_near), as a message elsewhere uses the word for itself (`a variable from code?`).
_PLAIN_VALUES = frozenset({"true", "false", "yes", "no", "null", "none"})

# A distinctive secret value is looked for elsewhere in the text as well (a short one or a plain word would
# mask ordinary text); past this many such values (a file with a credential in each of 10,000 pollers) the
# search is left out, since it would cost their number times the text's length.
_REUSED_LENGTH = 8
_FEW_REUSED = 64


def distinctive_values(source: Source, *, extra_keys: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The secret values of ``source`` (a loaded file) distinctive enough to be masked wherever else they are printed:
    in a URL ``render`` or ``simulate`` builds, a resource's name (:func:`looked_for_elsewhere`).  ``extra_keys``: as
    :func:`find_secrets`'s (the keys the element's definition types ``PASSWORD``)."""
    return tuple(value for value in find_secrets(source, extra_keys=extra_keys).values if looked_for_elsewhere(value))


def looked_for_elsewhere(value: str) -> bool:
    """Whether a secret value is distinctive enough to mask wherever else it occurs: 8 characters or more, and not
    a plain word (`password`, `string`), which ordinary text also holds; a random run of letters is none (a secret
    without a digit, copied into the body's `name`, showed there)."""
    return len(value) >= _REUSED_LENGTH and (not value.isalpha() or _random_letters(value))


def name_masker(values: Sequence[str]) -> Callable[[str], str]:
    """How a poller resource's name or pointer is shown by ``render`` and ``simulate``: its own credentials masked
    (`contacts?apiKey=...` is a name too) and the file's secret ``values`` wherever they occur in it."""
    known = Secrets(values=tuple(sorted(values, key=len, reverse=True)))

    def shown(name: str) -> str:
        return known.scrub(url_secrets(name).mask(name)) or name

    return shown


def secrets_alike(texts: Sequence[str], found: Sequence[Secrets], *,
                  encoded: Callable[[str], Iterable[str]] | None = None) -> list[Secrets]:
    """The secrets of texts made from one another (a file before and after its fixes; a URL template, the URL
    rendered from it and the request sent): each text's own, and every value any of them holds wherever it
    occurs, so that a secret one text marks (``&apiKey='x'``) stays hidden in another that no longer marks it
    (`` and apiKey='x'``, ``%23apiKey=x``); ``encoded`` gives the forms an encoding made of a value (a request's)."""
    values = tuple(sorted({value for secrets in found for value in secrets.values}, key=len, reverse=True))
    distinctive = Secrets(values=tuple(value for value in values if looked_for_elsewhere(value)))
    spans = [set(own.spans) | set(distinctive.found_in(text, encoded=encoded).spans) for text, own in zip(texts, found)]
    for value in values:
        if not looked_for_elsewhere(value):  # a short or plain value (`2024`, `admin`): ordinary text holds it too
            _add_moved_copies(texts, spans, Secrets(values=(value,)), encoded=encoded)
    return [Secrets(spans=tuple(sorted(own)), values=values) for own in spans]


def _add_moved_copies(texts: Sequence[str], spans: list[set[tuple[int, int]]], value: Secrets, *,
                      encoded: Callable[[str], Iterable[str]] | None) -> None:
    """Add to ``spans`` (each text's) the copies of a value that is no distinctive one, in the texts holding more
    copies outside their secrets than another text does: a copy a fix or a render moved out of what marks it;
    those in each text alike (`"year": "2024"` beside a password `2024`, in the lines a diff shows twice) stay shown."""
    loose = [[span for span in value.found_in(text, encoded=encoded).spans
              if not any(start <= span[0] and span[1] <= end for start, end in own)]
             for text, own in zip(texts, spans)]
    fewest = min(len(copies) for copies in loose)
    for own, copies in zip(spans, loose):
        if len(copies) > fewest:
            own.update(copies)


_AUTHORITY_END = re.compile(r"[/?#\s,;|]")


def quotable_origin(url: str) -> str:
    """``scheme://host[:port]`` of the absolute URL ``url`` starts with, as a message may quote it: never the user
    information, nor what may be a password cut at a '/', '?' or '#' it holds (``https://user:pa/ss@host`` gives
    ``https://…``)."""
    scheme, colon, rest = url.partition(":")
    after = rest.lstrip("/")
    scheme += colon + rest[:len(rest) - len(after)]  # (as written: `https:/host`, a slash short, is quoted so)
    authority = _AUTHORITY_END.split(after, maxsplit=1)[0].rpartition("@")[2]
    host, colon, port = authority.partition(":")
    return f"{scheme}{host}{colon}{port}" if not colon or port.isdigit() else f"{scheme}…"


_AUTH_TYPES = frozenset({"oauth", "oauth1", "oauth2", "basic", "bearer", "apikey", "api_key", "hmac", "none", "jwt",
                         "saml", "oauth2password"})


def _query_credential(name: str, value: str) -> bool:
    """Whether a query parameter's value is a credential: by the parameter's name (`apiKey`), or by the value's shape
    under a name only some key's (`license_key=<a random run>`); never an environment reference or a flag's value."""
    if not value or not _may_name_a_credential(name) or _shown_as_written(value.strip("'\"`")) or is_flag(name, value):
        return False
    if is_ambiguous_parameter(name) and ((value.isalpha() and len(value) <= 20 and not _random_letters(value)) or len(value) < 6
                                         or value.lower() in _AUTH_TYPES):
        return False  # `key=lastModifiedDate`, `sign=desc`, `code=US2`, `auth=oauth2`: no credential's length or shape
    if is_credential_parameter(name):
        return True
    if may_be_a_credential_parameter(name):  # a name that says it less surely (`usertoken`, `salt`, `orderKey`): not
        return _SORT_FIELD.fullmatch(value) is None  # a field's name (`orderKey=updated_at`)
    if name.lower() in _SHORT_NAMES:  # `p=Hunter2Prod99` beside `u=ops`; not `p=2`, `t=1700000000`, `s=invoices`
        return reads_like_a_password(value) or _key_shaped(value) and not _HEX.fullmatch(value)  # (a hash's hex: no)
    return _SHAPE_DECIDES.search(name) is not None and _key_shaped(value)


# Names short or plain enough to be anything (a page, a time, a search), a credential's when the value has a
# password's or a key's shape: letters of both cases and digits, eight or more
_SHORT_NAMES = frozenset({"p", "k", "t", "s", "pk", "sk", "hash", "license", "licence", "lic", "serial", "activation"})


_SORT_FIELD = LazyPattern(r"[a-z]+(?:_[a-z]+)+|[a-z]+(?:[A-Z][a-z]+)+(?:[ +](?:asc|desc))?")


@lru_cache(maxsize=4096)  # the same few parameter names in every URL
def _may_name_a_credential(name: str) -> bool:
    """Whether a parameter's value may be a credential by its name (:func:`_query_credential`'s last test)."""
    return is_credential_parameter(name) or may_be_a_credential_parameter(name) or _SHAPE_DECIDES.search(name) is not None \
        or name.lower() in _SHORT_NAMES


# A line of a Markdown table (one holding a `|`), a cell, and the rule under a header
_TABLE_LINE = LazyPattern(r"^(?=[^\r\n]*\|)[ \t>]*(?P<cells>[^\r\n]*)$", re.M)  # (a line without `|` is passed over once)
_TABLE_CELL = LazyPattern(r"[^|]+")
_TABLE_RULE = LazyPattern(r"[\s|:\-]+")


def _table_secrets(text: str, extra_keys: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of secret values in the Markdown tables of ``text``: each cell after one naming a secret key
    (`| oauth.api.secret | Kq9v... |`, also in a far column: `| oauth.api.secret | string | Kq9v... |`), and each cell
    of a column headed as a secret (`Secret`, `Password`, `API key`), when it reads like a token, not documentation
    (`Required`, `<your secret>`)."""
    spans: list[tuple[int, int]] = []
    secret_columns: set[int] = set()
    previous_end = -2
    for row in _TABLE_LINE.finditer(text):
        start, end = row.span("cells")
        first = start if text[start] != "|" else start + 1
        last = end if text[end - 1] != "|" else end - 1
        cells = [(cell.start(), cell.end()) for cell in _TABLE_CELL.finditer(text, first, last)]
        words = [text[a:b].strip().strip("`*").strip() for a, b in cells]
        header = row.start() != previous_end + 1
        previous_end = row.end()
        if _TABLE_RULE.fullmatch(text, start, end):
            continue
        if header:
            secret_columns = {index for index, word in enumerate(words)
                              if text[start] == "|" and secret_kind(word.replace(" ", "_")) == "secret"}
        named = next((index for index, word in enumerate(words) if _table_key_is_secret(word, extra_keys)), None)
        for index, ((a, b), word) in enumerate(zip(cells, words)):
            if ((named is not None and index > named) or (index in secret_columns and not header)) \
                    and _table_value(word):
                at = text.index(word, a, b)
                spans.append((at, at + len(word)))
    return spans


# An HTML table's row and cell tags (their text is read between them, each piece of the text once)
_HTML_TABLE_TAG = LazyPattern(r"<(?P<close>/?)(?P<tag>tr|td|th)\b[^<>]*+>", re.IGNORECASE)
_HTML_TAG = LazyPattern(r"<[^<>]*+>")


def _html_table_secrets(text: str, extra_keys: frozenset[str]) -> list[tuple[int, int]]:
    """The values of an HTML table's row after a cell naming a secret (`<th>Client Secret</th><td>Kq9v...</td>`, a
    page exported from a wiki), when they read like a token (see :func:`_table_secrets`)."""
    spans: list[tuple[int, int]] = []
    named, cell_start = False, -1
    for tag in _HTML_TABLE_TAG.finditer(text):
        name, closing = tag.group("tag").lower(), bool(tag.group("close"))
        if name == "tr":
            named, cell_start = False, -1  # (a row starts, or ends: its cells are read)
        elif not closing:
            cell_start = tag.end()
        elif cell_start != -1:
            word = _HTML_TAG.sub("", text[cell_start:tag.start()]).strip().strip("`*").strip()
            if named and _table_value(word):
                at = text.find(word, cell_start, tag.start())
                if at != -1:
                    spans.append((at, at + len(word)))
            named = named or _table_key_is_secret(word, extra_keys)
            cell_start = -1
    return spans


def _table_value(word: str) -> bool:
    """Whether a table's cell may be a secret's value: a run of 8 or more, not letters alone unless random (a word
    is documentation), that is not documentation either: a key's name
    (`oauth.user.token`), a name in capitals (`TEXTFIELD_32`, `SAGE_API_SECRET`), what stands for a value
    (`vault:secret/sage#key`, a reference, a placeholder)."""
    return _TOKEN_CELL.fullmatch(word) is not None and (looked_for_elsewhere(word) or _random_letters(word)) \
        and not _shown_as_written(word) and not _NAME_LIKE.fullmatch(word) and not find_placeholders(word)


# What a table's cell holds when it names something: a dotted key of words, a name of words in capitals, numbers apart
# (`oauth.user.token`, `TEXTFIELD_128`, `SAGE_API_SECRET`, `API_KEY_V2`)
_NAME_LIKE = LazyPattern(r"[a-z][a-z_]*(?:\.[a-z][a-z_]*)+|[A-Z]{2,}(?:_(?:[A-Z]+|[0-9]{1,4}|[A-Z][0-9]))+")
# A password as people choose them: letters, a digit and a sign (`P4ss!w0rd`, `Tr0ub4dor&3`)
_PASSWORD_LIKE = LazyPattern(r"(?=[^A-Za-z]*[A-Za-z])(?=\D*\d)(?=[\w]*[^\w\s])\S{6,200}")


def _url_credential_spans(url: str) -> list[tuple[int, int]]:
    """The spans of ``url``'s credentials by their places: each query value named as one, each `user:password@`."""
    spans = [_through_spaces(url, match) for match in _parameters(url)
             if _query_credential(match.group("name"), match.group("value"))]
    return spans + _userinfo_spans(url, decoded=True)


def _url_credentials_masked(text: str) -> str:
    """``text`` with the credentials of the URLs it quotes masked: a query value named as one (`?password=kqxwp`) and
    a `user:password@`."""
    spans = sorted(set(_url_credential_spans(text)))
    joined: list[list[int]] = []
    for start, end in spans:
        for mark in "`\"":  # (the message's quote closes the URL or text it quotes: the value read through spaces
            quote = text.find(mark, start, end)  # ran over the sentence after it, `of `x?apiKey=****` has no...`,
            end = end if quote == -1 else quote  # `"oauth.api.secret=****" has no value`)
        while end > start and text[end - 1] in "`'\")>.,;":  # (the message's own quote or sentence after it)
            end -= 1
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        elif start < end:
            joined.append([start, end])
    for start, end in reversed(joined):
        text = text[:start] + MASK + text[end:]
    return text


def url_secrets(url: str) -> Secrets:
    """The credentials in the query of ``url`` (``?apiKey=...``), as :class:`Secrets` of ``url`` itself.

    ``url_secrets(url).mask(url)`` keeps the URL's length, so columns into it stay right.
    """
    spans = _url_credential_spans(url)
    seen = set(spans)
    spans += [span for span in _scan_text(url, frozenset()) if span not in seen]  # `x={"password": "..."}`
    values: set[str] = set()
    for start, end in spans:
        values.update(_forms(url[start:end]))
        values.add(_unquote(url[start:end]))
    return Secrets(spans=tuple(spans), values=tuple(sorted((v for v in values if len(v) >= 3), key=len,
                                                          reverse=True)))


def pasted_secrets(text: str) -> Secrets:
    """The credentials of a value the user pasted (``date --parse``'s, maybe with what followed it: a URL's query, a
    log line's `token=...` after a blank), as :class:`Secrets` of ``text``: :func:`url_secrets` of the whole, and of
    each word alone (as :func:`mask_words` reads a message's), so the mask keeps the text's length."""
    whole = url_secrets(text)
    spans, values = set(whole.spans), set(whole.values)
    for word in _WORD_RUN.finditer(text) if "=" in text or "@" in text or "_" in text else ():
        found = url_secrets(word.group())
        spans.update((word.start() + start, word.start() + end) for start, end in found.spans)
        values.update(found.values)
    return Secrets(spans=tuple(sorted(spans)), values=tuple(sorted(values, key=len, reverse=True)))


def committed_url_secrets(url: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each span of ``url`` holding a lasting secret, as written (CE751): a query value
    whose parameter names one (:func:`validator.vocabulary.secrets.is_secret_parameter`), so a CEQL condition's
    quoted value whose field does (`where=... and api_key='...'`), the password of
    ``//user:password@`` (name ``""``; not one that runs into the query: ``host:3000?to=ops@example.com``), and a
    user name with a token's shape (``//<api key>@host``, name ``""``).
    Environment references and placeholders are left for the caller to judge."""
    spans: list[tuple[int, int, str]] = []
    if any(len(name) <= 100 and is_secret_parameter(name)  # (no longer than _QUERY reads; keeps the cache small)
           for name in _names_before_equals(url)) \
            or "where=" in url and _may_compare_in_ceql(url) and _may_compare_a_credential(url):  # most URLs: no
        # pattern compiled (a filter's condition, `where=... and api_key='...'`, names its credential after `where=`)
        spans += [(*match.span("value"), match.group("name")) for match in _parameters(url)
                  if match.group("value") and is_secret_parameter(match.group("name"))]
    if "@" in url:
        spans += [(*match.span("value"), "") for match in _USERINFO.finditer(url)
                  if not any(char in match.group("value") for char in "?#&=")]
        if "//" in url or ":\\" in url:  # a password holding what ends a host, or after `https:\\`
            spans += [(*match.span("value"), "") for match in _LOOSE_DECODED_USERINFO.finditer(url)
                      if "=" not in match.group("value") and (*match.span("value"), "") not in spans]
        if "/" in url:  # (the token the masking hides as a user name, a key some vendors take for Basic's user)
            spans += [(*span, "") for span in _tokens_as_users(url)]
    return spans


def _names_before_equals(url: str) -> Iterator[str]:
    """What stands before the first ``=`` after each separator of ``url``: the names :data:`_QUERY` reads, and
    more (at C speed: a URL is cut at its separators once)."""
    for piece in url.replace("?", "&").replace(";", "&").replace("#", "&").replace("/", "&").split("&"):
        if "=" in piece:
            yield piece.partition("=")[0]


# A CEQL condition comparing a field with a quoted value (`where=... and apiKey='...'`): a credential when the
# field's name is one, as in a query.
# `=`, `<>`, `like`, `in (`, and the comparisons others write (`≥`, `gte`): a credential compared is shown by none
# (not `>` alone: `<org secret>" -d @a.json` is a placeholder's end)
# (and `>`, `<` when a `'` follows: `secretKey>'...'`; and no operator at all, `password 'x'`, CE621's mistake)
_CEQL_OPERATOR = (r"(?:[ \t]*(?:==?|!=|<>|[\u2265\u2264\u2260]|[<>]=?(?='))|[ \t]+(?i:like|in|gte?|lte?|eq|ne)(?=[ \t(])"
                  r"|[ \t]+(?='))[ \t]*\(?[ \t]*")
# (in a list, `in ('a', 'b')`, the value runs over every item to the list's end: each is the credential's)
_CEQL_NAME = r"(?P<name>[A-Za-z_][\w.\-]{0,99}+)"
# (a field after an encoded blank too: `%20and%20token%3D%27...%27`, a filter encoded as a whole; or an encoded
# bracket, tab or line end: `%28token%3D...`, `%09and%09token`)
_CEQL_FIELD_START = r"(?:(?<![\w.\-])|(?<=%2[08])|(?<=%0[9AaDd]))"
_CEQL_FIELD = _CEQL_FIELD_START + _CEQL_NAME
_CEQL_CONDITION = LazyPattern(_CEQL_FIELD + _CEQL_OPERATOR + r"(?P<quote>')"
                              r"(?P<value>(?:[^'\\]|'')*(?:'[ \t]*,[ \t]*'(?:[^'\\]|'')*)*)")
# and quotes written as HTML entities (`password=&apos;...&apos;`, CE618's mistake), and the condition written the other
# way round (`'...'=password`)
_CEQL_ENTITY = LazyPattern(_CEQL_FIELD + _CEQL_OPERATOR + r"(?P<quote>&apos;|&#0*39;)(?P<value>[^'\"\\&]*+)")
_CEQL_REVERSED = LazyPattern(r"(?P<quote>')(?P<value>[^'\\\r\n]{1,200})'[ \t]*(?:==?|!=|<>)[ \t]*" + _CEQL_NAME
                             + r"(?![\w.\-])")
# and a value in double quotes (CE638's mistake: the vendor gets it all the same)
_CEQL_DOUBLE_QUOTED = LazyPattern(_CEQL_FIELD + _CEQL_OPERATOR + r"(?P<quote>\")"
                                  r"(?P<value>[^\"\\\r\n]*)")
# and one percent-encoded (`password%3D%27...%27`), which the server decodes before it reads the filter; also with
# its quotes left as they are (`password%3D'...'`: JavaScript's encodeURIComponent leaves `'` alone)
_CEQL_ENCODED = LazyPattern(_CEQL_FIELD + r"(?:%20|\+)*+"
                            r"(?:%3[Dd]|(?:%21|!)%3[Dd]|%3[Cc]%3[Ee]|%3[CcEe](?:%3[Dd])?|(?<=%20|..\+)(?i:like|in)(?=%20|\+|%28))"
                            r"(?:%20|\+|%28|\()*+(?P<quote>%2[27]|['\"])"
                            r"(?P<value>(?>(?:(?!%2[27])[^'\"&\s\\])*)(?>(?:(?:%2[27]|['\"])(?:%2[Cc]|,)(?:%20|\+)*+"
                            r"(?:%2[27]|['\"])(?>(?:(?!%2[27])[^'\"&\s\\])*))*))")  # (each item of a list, `in%20(%27a%27%2C%27b%27)`)
# (a condition's value unquoted: `and password=Kq9v...`)
_CEQL_UNQUOTED = LazyPattern(r"(?:(?<=[ \t(])|(?<=where=))" + _CEQL_NAME
                             + r"(?:[ \t]*(?:==?|!=|<>)[ \t]*|[ \t]+(?i:like)[ \t]+)(?P<quote>(?!))?(?P<value>[^'\"\s&)(%=][^\s&)'\"]{0,399})")
_CEQL_FIELDS = LazyPattern(_CEQL_FIELD_START + r"([A-Za-z_][\w.\-]{0,99}+)" + _CEQL_OPERATOR + "['\"]")
_CEQL_GATE = LazyPattern(r"(?:=|<>|[\u2265\u2264\u2260])[ \t]*['\"]|(?i:\b(?:like|in|gte?|lte?|eq|ne))[ \t]*(?:\([ \t]*)?['\"]")  # (blanks around `(` read one way)
# The gate in two, each starting with a character class the regex engine scans for in C (the one pattern above
# is tried at every place of the text: three times slower); the same answers for a text of ASCII characters
# (case folding beyond ASCII, and the signs `≥`, `≤` and `≠`, are the pattern above's).
_CEQL_GATE_SIGN = LazyPattern(r"[=<](?:(?<=<)>)?(?<!<)[ \t]*['\"]")
_CEQL_GATE_WORD = LazyPattern(r"[LlIiGgEeNn](?<!\w[LlIiGgEeNn])(?:(?<=[Ll])(?:[Ii][Kk][Ee]|[Tt][Ee]?)|(?<=[Ii])[Nn]"
                              r"|(?<=[Gg])[Tt][Ee]?|(?<=[Ee])[Qq]|(?<=[Nn])[Ee])[ \t]*(?:\([ \t]*)?['\"]")


def _may_compare_in_ceql(text: str) -> bool:
    """Whether ``text`` may compare a field with a quoted CEQL value: substring tests first, the gate's regex (spaced,
    any case: `password Like '`, `in ( '`) only for the rest."""
    if _may_be_encoded_ceql(text) or "&apos;" in text or "&#" in text:
        return True  # (an encoded filter, or one quoted by HTML entities: its conditions are read by their own pattern)
    if "'" not in text and '"' not in text:
        return False
    return "='" in text or "= '" in text or "<>" in text or ">'" in text or "<'" in text \
        or _compares_with_a_quote(text) or " '" in text and _NO_OPERATOR.search(text) is not None


def _may_be_encoded_ceql(text: str) -> bool:
    """Whether ``text`` may hold a filter percent-encoded in whole or in part (`%27`, `%3D'`, `%20like%20'`)."""
    return "%27" in text or "%22" in text or ("%2" in text or "%3" in text) and ("'" in text or '"' in text)


def _compares_with_a_quote(text: str) -> bool:
    if not text.isascii():
        return _CEQL_GATE.search(text) is not None
    return _CEQL_GATE_SIGN.search(text) is not None or _CEQL_GATE_WORD.search(text) is not None


# (a condition without its operator, `password 'x'`: a word, blanks, a quote)
_NO_OPERATOR = LazyPattern(r"\w[ \t]+'")


# The names before a CEQL operator (:data:`_CEQL_FIELDS`, :data:`_CEQL_UNQUOTED`) and more, read backwards: each such
# name is a whole run of `[\w.\-]` (its first character after none of them, its last before blanks and an operator's
# sign, or a blank), so it is one of the runs this reads in the reversed text after a sign or a blank; the regex engine
# skips in C from sign to sign, where the forward patterns try every place.  (Not a name after an encoded blank,
# `%20token`: a text holding a `%` is read by the patterns themselves.)
# A run of blanks is entered at its first only: from each of them, a long run was read to its end again (quadratic).
_CEQL_NAMES_BACKWARDS = ByScript(r"[=!<>\u2265\u2264\u2260 \t](?<![ \t][ \t])[ \t]*+([\w.\-]{1,100}+)(?![\w.\-])",
                                  r"[=!<> \t](?<![ \t][ \t])[ \t]*+([\w.\-]{1,100}+)(?![\w.\-])", marks="\u2265\u2264\u2260")


def _may_compare_a_credential(text: str) -> bool:
    """False when no CEQL condition of ``text`` compares a field named as a credential (:func:`_credential_field`):
    no name :data:`_CEQL_NAMES_BACKWARDS` reads is one.  A cheap test first, for the conditions' patterns cost a URL
    some 30 us and seldom find one."""
    return "%" in text or any(_credential_field_backwards(name) for name in _CEQL_NAMES_BACKWARDS.findall(text[::-1]))


@lru_cache(maxsize=1024)
def _credential_field_backwards(name: str) -> bool:
    """:func:`_credential_field` of a name read backwards (a CEQL name starts with a letter or `_`)."""
    return (name[-1:] == "_" or name[-1:].isascii() and name[-1:].isalpha()) and _credential_field(name[::-1])


def _ceql_conditions(text: str, *, may_compare: bool | None = None) -> Iterator[re.Match[str]]:
    """The CEQL conditions of ``text`` comparing a field named as a credential with a quoted value: the fields' names
    first (one scan, in C), the matches only when one of them names a credential; ``may_compare``:
    :func:`_may_compare_a_credential` of ``text``, when the caller has it."""
    if (may_compare if may_compare is not None else _may_compare_a_credential(text)) \
            and any(_credential_field(name) for name in _CEQL_FIELDS.findall(text)):
        for pattern in (_CEQL_CONDITION, _CEQL_DOUBLE_QUOTED) if '"' in text else (_CEQL_CONDITION,):
            for match in pattern.finditer(text):
                if _credential_field(match.group("name")):
                    yield match
    if _may_be_encoded_ceql(text):
        yield from (match for match in _CEQL_ENCODED.finditer(text) if _credential_field(match.group("name")))
    if "&apos;" in text or "&#" in text:
        yield from (match for match in _CEQL_ENTITY.finditer(text) if _credential_field(match.group("name")))
    if "'=" in text or "' =" in text or "'!=" in text or "'<>" in text:
        yield from (match for match in _CEQL_REVERSED.finditer(text) if _credential_field(match.group("name")))


@lru_cache(maxsize=1024)
def _written_as_a_secret(value: str) -> bool:
    """Whether an unquoted value reads as a secret written out: letters with digits, or a password's signs (not a
    bind parameter `:password`, `$1`, a column `keys.api_key`, a field name `lastModifiedDate`, a number `30`)."""
    return value[:1] not in (":", "@", "$", "?") and (
        any(char.isdigit() for char in value) and any(char.isalpha() for char in value)
        or _PASSWORD_LIKE.fullmatch(value) is not None)


@lru_cache(maxsize=1024)
def _credential_field(name: str) -> bool:
    """Whether a field a CEQL condition compares holds a credential: a record's field named as a secret
    (`password`, `apiKey`), not one the query words take for a credential only in a URL's query (`code`, `key`,
    `sign`: a product's code, a sort key)."""
    return is_credential_parameter(name) and not is_ambiguous_parameter(name)


def _parameters(text: str) -> Iterator[re.Match[str]]:
    """The query parameters in ``text``: after a separator, also spaced or encoded ones (:data:`_LOOSE_QUERY`),
    those whose ``=`` is percent-encoded, and the quoted values of CEQL conditions."""
    yield from _QUERY.finditer(text)
    may_compare = None
    if _may_compare_in_ceql(text):
        may_compare = _may_compare_a_credential(text)
        yield from _ceql_conditions(text, may_compare=may_compare)
    # a CEQL condition's value left unquoted (`and password=Kq9v...`): the vendor reads it all the same; a value with a
    # key's shape (not `:password`, `$1`, `keys.api_key`, `lastModifiedDate`: a bind parameter or a column in
    # documentation's SQL)
    if ("where" in text or "WHERE" in text or "Where" in text) \
            and (may_compare if may_compare is not None else _may_compare_a_credential(text)):
        yield from (match for match in _CEQL_UNQUOTED.finditer(text)
                    if _credential_field(match.group("name")) and _written_as_a_secret(match.group("value")))
    if any(separator in text for separator in _LOOSE_SEPARATORS):
        yield from _LOOSE_QUERY.finditer(text)
    if _has_encoded_equals(text):
        yield from _ENCODED_QUERY.finditer(text)


def _through_spaces(url: str, match: re.Match[str]) -> tuple[int, int]:
    """The span of a query value, past the spaces it holds when nothing after them up to the next ``&`` or ``#``
    reads as another parameter or condition (``?password=Kq7v pLx9``: the platform sends the space as it is)."""
    start, end = match.span("value")
    if end < len(url) and url[end] in "#;" and end > start and match.group("quote") is None:
        # (`apiKey=ab7H#q9`, `token=HkrbiRET;jSYm`: a key holding a `#` or a `;`, typed unencoded; what follows it is
        # the key's, not a fragment's nor another parameter's, when no `=` says so)
        run = _FRAGMENT_RUN.match(url, end + 1)
        if run is not None and run.end() > end + 1 and "=" not in run.group():
            return start, run.end()
    if end < len(url) and url[end] in _VALUE_STOPS and match.group("quote") is None:
        # (a quote, a tab or a no-break space inside the value: what follows it to the next `&` is the value too)
        stop = min((i for i in (url.find("&", end), url.find("#", end)) if i != -1), default=len(url))
        rest = url[end:stop].rstrip()
        if rest and "=" not in rest and "%3" not in rest and ("'" not in rest or url[end] in "'\""):
            return start, end + len(rest)
    return start, end


_VALUE_STOPS = frozenset(" \t\u00a0'\"")
_FRAGMENT_RUN = LazyPattern(r"[^&\s'\"\\]*+")


def _has_equals(text: str) -> bool:
    """Whether ``text`` may hold a query parameter: an ``=``, one percent-encoded (``%3D``, twice: ``%253D``) or
    typed full-width (``＝``)."""
    return "=" in text or _has_encoded_equals(text) or "\uff1d" in text


def _has_encoded_equals(text: str) -> bool:
    return "%3D" in text or "%3d" in text or "%253" in text


def _unquote(value: str) -> str:
    return unquote(value)


def _showable(value: str) -> bool:
    """An environment reference, or a placeholder or mask that holds no token (`<Kq9vT3pLx8wZ>` may be a real value
    written in the documentation's form).  A deployment tool's reference (`$(X)`, `#{X}`, `{{ .Values.x }}`) is
    masked all the same: what such brackets hold is not always a name (`$(ghp_...)`), and a name masked costs
    nothing."""
    if _TOOL_FORM.match(value) is not None:
        return False  # (also a template's `{{ .x | default "..." }}`, whose literal may be the secret)
    if is_env_reference(value):
        return not _secret_in_reference(value)
    if _SHOWABLE.fullmatch(value) is None or _holds_a_token(value):
        return False
    stripped = value.strip()
    if stripped[:1] == "<":
        return not secret_in_brackets(stripped[1:-1])
    return not (stripped[:2] == "{{" and secret_in_brackets(stripped[2:-2]))  # (`{{Zx9!Pass42}}`, the braces kept)


# (and a Jinja filter giving a default, `{{ secret | default('...') }}`, whose literal may be the secret)
_TOOL_FORM = LazyPattern(r"\s*(?:\$\(|#\{|\{\{-?\s*(?:[.$]|lookup\()|\{[{%][^}]{0,200}\|\s*(?:default|d)\s*\()")


def _secret_in_reference(value: str) -> bool:
    """Whether what reads as an environment reference holds a secret all the same: a default (after `:-`, `-`, `:=`
    or `=`: `${SAGE_KEY:-Kq9vT3pLx8wZ}`), or a name that reads as a value (`$Xk9pQ2mZ7v`, `%hunter2hunter%`: a
    password that starts with `$`; a variable is named in words)."""
    stripped = value.strip()
    if stripped.startswith("${"):  # `${NAME}`, its default after `:-`, `-`, `:=`, `=` (`${KEY-Kq9v...}`), `${env:NAME}`
        named = _BRACED_NAME.match(stripped)
        if named is None:
            return True
        name, default = named.group("name"), named.group("default") or ""
        if default and not _showable(default):
            return True
    else:
        name = stripped.strip("$%").removeprefix("env:")
    digit_runs = len(_DIGIT_RUN.findall(name))
    return digit_runs >= 3 or (digit_runs >= 1 and any(c.islower() for c in name) and any(c.isupper() for c in name)) \
        or not names_a_variable(name) \
        or (len(name) >= _LONG_LOWER_NAME and name.isalpha() and name.islower())  # `$qwertyuiopasdfgh`: masked anyway


# A variable's name in lower-case letters alone is short (`$password`, `$apikey`); a longer run of them may be a
# password that starts with `$`, and a name masked costs nothing
_LONG_LOWER_NAME = 12


_BRACED_NAME = LazyPattern(r"\$\{(?:env:)?(?P<name>[A-Za-z_]\w*)(?:(?::?[-=+?])(?P<default>[^}]*))?\}")


# A key naming a username or login: its value is shown, unless it has the shape of an API key, which some vendors
# take as the Basic username (Close.io's `api_...`, Chargebee's `live_...`, Stripe's `sk_live_...`).
_NESTED_TAILS = frozenset({"key", "id", "token"})
_USERNAME_KEY = ByScript(r"(?i)(?:^|[._-]|(?<=[a-z])(?=[A-Z]))(?:user(?:[._-]?name)?|login(?:[._-]?(?:name|id))?)$")


# A key whose value is a credential only when it has a key's shape: a username (some vendors take the API key as the
# Basic username), and a key named only as some key, auth or one-time code (`mailchimp_key`, `apim.primaryKey`,
# `license_key`, `appkey`, `api.auth`, `mfa.totp`), which names an identifier or a setting as often.
_SHAPE_DECIDES = LazyPattern(r"(?i)(?:key|keys|auth|jwt|totp|otp|mfa)$")


# A piece of every name each of the two reads, in lower case: a key holding none is not searched (most keys)
_USERNAME_PIECES = ("user", "login")
_SHAPE_PIECES = ("key", "auth", "jwt", "otp", "mfa")


def _may_hold(key: str, pieces: tuple[str, ...]) -> bool:
    """Whether ``key`` may hold a match of a case-insensitive pattern each match of which holds one of ``pieces``: an
    ASCII key is told by its lower case; beyond ASCII, the regex engine folds the case its own way (`ſ` is an `s`)."""
    if not key.isascii():
        return True
    lowered = key.lower()
    return any(piece in lowered for piece in pieces)


@lru_cache(maxsize=32768)  # asked of every string's key (the same keys come back in every poller entry); 10,000 pollers fit
def _names_a_user(key: str) -> bool:
    """Whether ``key``'s value is masked when it has a key's shape (:func:`_key_shaped`): a username, or a key named
    only as some key, auth or one-time code (the secret ones by name are :func:`_is_secret`'s)."""
    return _names_a_login(key) or _may_hold(key, _SHAPE_PIECES) and _SHAPE_DECIDES.search(key) is not None


@lru_cache(maxsize=32768)
def _names_a_login(key: str) -> bool:
    """Whether ``key`` names a username or a login (a part of :func:`_names_a_user`)."""
    return _may_hold(key, _USERNAME_PIECES) and _USERNAME_KEY.search(key) is not None
_KEY_PREFIXES = ("live_", "test_", "sk_", "pk_", "rk_", "api_", "key-")
_SPACE = LazyPattern(r"\s")  # (what str.isspace() says a blank is, looked for in C)


def _key_shaped(value: str) -> bool:
    """Whether a username value looks like an API key: a known key prefix before a random run (Close.io's
    `api_<22>.<22>`), a hex key of 16 digits or more, or 20 characters or more of letters with digits scattered
    through them.  Names of
    words (`api_integration_user`, `ServiceAccount2019Prod`), e-mail addresses and short logins are shown."""
    if _CREDENTIAL_PAIR.fullmatch(value) and not is_env_reference(value):
        return True  # `ops:Tr0ub4dor&3`: a user and a password, as Basic authentication joins them
    if len(value) < 16 or _SPACE.search(value) or is_env_reference(value):
        return False
    plain = value.replace("\\", "").replace("'", "")  # a shell-escaped quote inside it (CE008)
    lowered = plain.lower()
    prefix = next((p for p in _KEY_PREFIXES if lowered.startswith(p)), None)
    if prefix is not None:
        return all(_TOKEN_LIKE.fullmatch(part) for part in plain[len(prefix):].split("."))
    if _HEX.fullmatch(plain) and not plain.isdigit() and not plain.isalpha():
        return True  # a hex key (Recurly's, BambooHR's: the key is the Basic username; a 24-digit app key)
    if _VENDOR_KEY_SHAPES.fullmatch(plain):
        return True  # Mailchimp's `<hex 32>-us14`; a base64 key (Azure's storage key); a TOTP seed in base32
    if "@" in plain or "." in plain or not plain.isascii() or not plain.isalnum():
        return False
    # random: letters and digits in many runs (one case or both), not words with a year (`ServiceAccount2019Prod`)
    return len(_DIGIT_RUN.findall(plain)) >= 3 and len(_LETTER_RUN.findall(plain)) >= 3 and (
        len(plain) >= 20 or (any(c.islower() for c in plain) and any(c.isupper() for c in plain)))


# (the password holds a digit or a sign: `updated_at:descending`, a sort, is none)
_CREDENTIAL_PAIR = LazyPattern(r"[A-Za-z0-9._\-]{1,64}:(?!(?:\\{0,3}/){2})(?=[^\s:]*[^\sA-Za-z_:])[^\s:]{6,200}")  # (not
# a scheme's `://`, nor JSON's `:\/\/`)
_HEX = LazyPattern(r"[0-9a-f]{16,128}|[0-9A-F]{16,128}")
_DIGIT_RUN = LazyPattern(r"\d+")
_NO_DIGITS = str.maketrans("", "", "0123456789")
# Five consonants in a row inside a word of lower-case letters (`qcbfqua`), which names seldom have
_CONSONANTS = LazyPattern(r"[bcdfghjklmnpqrstvwxz]{5}")


def _case_changes(text: str) -> int:
    """How often the case changes between one letter of ``text`` and the next."""
    letters = [char for char in text if char.isalpha()]
    return sum(a.islower() != b.islower() for a, b in zip(letters, letters[1:]))


_LOWER_RUN = LazyPattern(r"[a-z]+")


def _random_letters(value: str) -> bool:
    """Whether ``value`` (12 characters or more, letters and maybe digits) is a token's random run, which may hold
    no digit (one in six of 16 random letters and digits), where the shapes that want a digit miss it.  Words and
    names made of them write lower case in runs of two letters or more, and one of four or more (`getAPIKeyFromVault`:
    `get`, `ey`, `rom`, `ault`); a random run of both cases in short ones (`SEKRITXJaAHfpApmU`: `a`, `fp`, `pm`), or in a
    long one holding five consonants in a row (`SEKRITqcbfquaDlF`); letters of one case are random when few of them
    are vowels (`xqzjvkwmtrplbnhd`).  Element keys (`sfdcmarketingcloud`), words (`Rechtsschutzversicherung`) and
    identifiers (`PostgreSQLDatabase`, `ReadMeFirstOrElse`) are not random."""
    letters = value.translate(_NO_DIGITS)
    if len(value) < 12 or not letters.isascii() or not letters.isalpha():
        return False
    if letters.islower() or letters.isupper():  # one case: a fifth of random letters are vowels, two fifths of words'
        return sum(letters.lower().count(vowel) for vowel in "aeiouy") < 0.2 * len(letters)
    runs = [len(run) for run in _LOWER_RUN.findall(letters)]
    return len(runs) >= 3 and sum(runs) < 2.5 * len(runs) and max(runs) < 4 or _case_changes(letters) >= 4 and \
        _CONSONANTS.search(letters) is not None
_LETTER_RUN = LazyPattern(r"[A-Za-z]+")


_VENDOR_KEY_SHAPES = LazyPattern(r"[0-9a-f]{32}-[a-z]{2}\d{1,2}|(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9+/]{40,}={0,2}"
                                 r"|(?=(?:.*\d){2})[A-Z2-7]{16,}={0,6}")


# The secret part of a webhook URL of a known service, in its path or host: whoever has it can post to the
# channel.  A separator may be escaped: `\/` or `\u002f` in JSON, `%2F` in a URL inside a query (`?to=https%3A%2F%2F`).
_SLASH = r"(?:\\{0,3}/|\\{1,3}u002[fF]|%(?:25)?2[fF])"  # JSON in JSON escapes the backslash too; %25 is `%`


def _escaped_slashes(pattern: str) -> str:
    """``pattern`` with each ``/`` outside a character class read as any :data:`_SLASH`."""
    pieces = re.split(r"(\[(?:\\.|[^\]\\])*\])", pattern)  # the odd pieces are the classes
    return "".join(piece if index % 2 else piece.replace("/", _SLASH) for index, piece in enumerate(pieces))


# Each with pieces one of which every match holds, in lower case (no `/`, which may be written escaped): a pattern
# written in any case is tried at every place of a text, so an ASCII text without its pieces is not scanned for it
_WEBHOOK_SECRETS = tuple((pieces, LazyPattern("(?i)" + _escaped_slashes(pattern))) for pieces, pattern in (
    # Slack: services/T../B../TOKEN, workflows/T../A../ID/TOKEN, triggers/...: the last segment
    (("hooks.slack.com",), r"hooks\.slack\.com/(?:services|workflows|triggers)(?:/[A-Za-z0-9]+){1,3}/(?P<value>[A-Za-z0-9]{12,})"
                           r"(?![A-Za-z0-9]|/[A-Za-z0-9])"),
    (("hooks.zapier.com",), r"hooks\.zapier\.com/hooks/catch/\d+/(?P<value>[A-Za-z0-9]{5,})"),  # Zapier
    (("discord",), r"discord(?:app)?\.com/api(?:/v\d+)?/webhooks/\d+/(?P<value>[A-Za-z0-9_\-]{20,})"),  # Discord
    (("incomingwebhook",),  # Microsoft Teams
     r"\.office(?:365)?\.com/webhook(?:b2)?/[^\s\"'/]+/IncomingWebhook/(?P<value>[A-Za-z0-9]{16,})"),
    (("make.com", "integromat.com"),  # Make (Integromat): not each `webhook.url` key's `hook.`
     r"hook\.(?:[a-z0-9]+\.)?(?:make|integromat)\.com/(?P<value>[A-Za-z0-9]{16,})"),
    (("maker.ifttt.com",),  # IFTTT
     r"maker\.ifttt\.com/trigger/[^\s\"'/]+(?:/json)?/with/key/(?P<value>[A-Za-z0-9_\-]{10,})"),
))
# Tokens a service issues in a shape of its own, secret under any key or in prose (`"notes": "old key ghp_..."`):
# AWS access key ids, GitHub, GitLab, Slack, Stripe (also webhook secrets), Google (API keys, OAuth client
# secrets and access tokens), SendGrid, npm, Shopify, HubSpot private apps, OpenAI, Telegram bots, and more below.
# Each is a literal beginning and a long random run.  The shapes are one pattern written as a tree of their beginnings
# (lazy_pattern.tree_of: four times faster than their flat alternation), of the shapes whose beginning the text holds
# (:func:`_issued_token_pattern`); the three that start with a character class are another, searched for only when
# the text holds a piece of them.
_ISSUED_TOKEN_SHAPES = (
    ("AKIA", "[0-9A-Z]{16}"), ("ASIA", "[0-9A-Z]{16}"), ("gh", "[pousr]_[A-Za-z0-9]{36,255}"), ("github_pat_", r"\w{22,255}"),
    ("glpat-", r"[\w\-]{16,255}"), ("glrt-", r"[\w\-]{16,255}"), ("gldt-", r"[\w\-]{16,255}"),
    ("glptt-", r"[\w\-]{16,255}"), ("gloas-", r"[\w\-]{16,255}"), ("xox", r"[abeoprs]-[A-Za-z0-9\-]{10,255}"),
    ("xapp-", r"[A-Za-z0-9\-]{20,255}"), ("sk_live_", "[A-Za-z0-9]{16,255}"), ("sk_test_", "[A-Za-z0-9]{16,255}"),
    ("rk_live_", "[A-Za-z0-9]{16,255}"), ("rk_test_", "[A-Za-z0-9]{16,255}"), ("whsec_", "[A-Za-z0-9+/=]{24,255}"),
    ("ya29.", r"[\w\-]{20,2048}"), ("GOCSPX-", r"[\w\-]{24,64}"), ("AIza", r"[\w\-]{35}"),
    ("SG.", r"[\w\-]{16,64}\.[\w\-]{16,64}"), ("npm_", "[A-Za-z0-9]{36}"), ("shp", "(?:at|ss|ca|pa)_[a-fA-F0-9]{32}"),
    ("pat-", r"(?:na|eu)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    ("sk-", r"(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{32,255}"),
    # (helper-120's: Okta, Atlassian, Vault, DigitalOcean, Linear, Notion, Postman, Doppler, Databricks, Twilio,
    # Mailchimp, Hugging Face, Heroku, Pulumi, Grafana, Brevo, age, Square, Facebook, Dropbox, Salesforce, PayPal,
    # Google (refresh tokens `1//0`, authorization codes `4/0A`), Zoho, Azure AD, Intercom, OpenSSH)
    ("ATATT3x", r"[\w\-=]{20,255}"), ("hv", r"[sbr]\.[\w\-]{20,255}"), ("do", "[por]_v1_[0-9a-f]{64}"),
    ("lin_", "(?:api|oauth)_[A-Za-z0-9]{32,64}"), ("secret_", "[A-Za-z0-9]{30,64}"), ("ntn_", "[A-Za-z0-9]{30,64}"),
    ("PMAK-", "[0-9a-f]{24}-[0-9a-f]{34}"), ("dp.", r"(?:pt|st|ct|sa|scim|audit)\.[\w\-.]{20,255}"),
    ("dapi", r"[0-9a-f]{32}(?:-\d)?"), ("SK", "[0-9a-fA-F]{32}"), ("hf_", "[A-Za-z0-9]{30,64}"),
    ("HRKU-", r"[\w\-]{20,255}"), ("pul-", "[0-9a-f]{40}"), ("glsa_", "[A-Za-z0-9_=+/]{32,255}"),
    ("glc_", "[A-Za-z0-9_=+/]{32,255}"), ("xkeysib-", "[0-9a-f]{64}-[A-Za-z0-9]{16}"),
    ("AGE-SECRET-KEY-1", "[0-9A-Z]{40,70}"), ("key-", "[0-9a-z]{32}"), ("sq0", r"(?:atp|csp)-[\w\-]{22,64}"),
    ("EAA", "[A-Za-z0-9]{20,512}"), ("sl.", r"[\w\-]{40,1500}"), ("00D", r"[A-Za-z0-9]{12,15}![\w.]{20,255}"),
    ("A21AA", r"[\w\-]{50,255}"), ("1//0", r"[\w\-]{40,255}"), ("4/0A", r"[\w\-]{30,255}"), ("1000.", r"[0-9a-f]{32}\.[0-9a-f]{32}"),
    ("dG9rOj", "[A-Za-z0-9+/]{20,255}={0,2}"), ("b3BlbnNzaC1rZXktdjE", "[A-Za-z0-9+/]{50,4096}={0,2}"),
    # (helper-148's: PyPI, Docker Hub, Sentry, GitLab's CI job, feed, mail and agent tokens, 1Password service
    # accounts, Figma, Airtable, New Relic, Supabase, Tailscale, Groq)
    ("pypi-AgEIcHlwaS5vcmc", r"[\w\-]{50,1000}"), ("dckr_pat_", r"[\w\-]{20,64}"), ("sntrys_", "eyJ[A-Za-z0-9_=+/]{50,1000}"),
    ("sntryu_", "[0-9a-f]{64}"), ("glcbt-", r"[\w\-]{16,255}"), ("glft-", r"[\w\-]{16,255}"),
    ("glimt-", r"[\w\-]{16,255}"), ("glagent-", r"[\w\-]{16,255}"), ("ops_", "eyJ[A-Za-z0-9_=+/]{50,2000}"),
    ("figd_", r"[\w\-]{30,64}"), ("pat", r"[A-Za-z0-9]{14}\.[0-9a-f]{64}"), ("NRAK-", "[A-Z0-9]{27}"),
    ("sbp_", "[0-9a-f]{40}"), ("tskey-", r"[\w\-]{20,255}"), ("gsk_", "[A-Za-z0-9]{48,64}"))


@lru_cache(maxsize=256)  # (a few combinations of beginnings in a run: most texts hold one or none)
def _issued_token_pattern(beginnings: frozenset[str]) -> re.Pattern[str]:
    """The pattern of the issued tokens whose literal beginning is one of ``beginnings``: in a text holding only
    these, it finds what the pattern of every shape finds (the others cannot match there), compiled smaller and
    scanned faster (the regex engine skips to a character that can start one of fewer branches)."""
    shapes = [shape for shape in _ISSUED_TOKEN_SHAPES if shape[0] in beginnings]
    return re.compile(r"(?P<value>" + tree_of(shapes, after_first=r"(?<![\w\-].)") + r")(?![\w\-])")


def _issued_token_beginnings(pieces: str) -> frozenset[str]:
    """The literal beginnings of issued tokens that ``pieces`` holds (each looked for only in a text holding its
    rarest character)."""
    return frozenset(beginning for char, beginnings in _ISSUED_TOKEN_GROUPS if char in pieces
                     for beginning in beginnings if beginning in pieces)


_AWS_SECRET_AFTER_ID = LazyPattern(r"(?<![\w\-])(?:AKIA|ASIA)[0-9A-Z]{16}[\s,;:/|\"'=]{1,8}"
                                   r"(?P<value>(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*\d)[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")
# Mailchimp's (`-us6` after it), Azure AD's client secrets (`Q~` inside), Okta's (after `SSWS `)
_ISSUED_TOKEN_INSIDE = LazyPattern(r"(?<![\w\-])(?P<value>[0-9a-f]{32}-us\d{1,2}|[\w\-.~]{1,4}[78]Q~[\w\-.~]{20,40}"
                                   r"|(?<=SSWS )[\w\-]{20,255})(?![\w\-])")


# (a random run without digits, `glrt-YDbTPXgKFZiVnktvH`: its letters in both cases)
_MIXED_CASE = LazyPattern(r"(?=[a-z]*[A-Z])(?=[A-Z]*[a-z])[A-Za-z]{12,}")
# A Telegram bot's token, also in its API's path (`api.telegram.org/bot<token>/sendMessage`)
_TELEGRAM_TOKEN = LazyPattern(r"(?<![\w\-:])(?:bot)?(?P<value>\d{8,10}:AA[\w\-]{33})(?![\w\-])")


# Beginnings holding a digit and a capital of their own: judged without them, or any word after them looks random
_JUDGED_AFTER_BEGINNING = ("4/0A", "1//0")


def _looks_random(token: str) -> bool:
    """Whether an issued token's shape holds what a random one does: letters and digits, or letters in both cases."""
    beginning = next((b for b in _JUDGED_AFTER_BEGINNING if token.startswith(b)), "")
    rest = token[len(beginning):]
    return _TOKEN_LIKE.search(rest) is not None or _MIXED_CASE.search(rest) is not None


def _issued_tokens(text: str, pieces: str) -> Iterator[tuple[int, int]]:
    """Tokens in ``text`` of the shapes their issuers give them; ``pieces``: :func:`_distinct_lines` of it."""
    beginnings = _issued_token_beginnings(pieces)  # (a token holds its beginning: most texts hold none of them)
    patterns: list[re.Pattern[str] | LazyPattern[str]] = [_issued_token_pattern(beginnings)] if beginnings else []
    if "-us" in pieces or "Q~" in pieces or "SSWS" in pieces:
        patterns.append(_ISSUED_TOKEN_INSIDE)
    for pattern in patterns:
        if pieces is not text and pattern.search(pieces) is None:
            continue  # (a long text: its distinct lines hold no token, so it holds none; a token is on one line)
        yield from (match.span("value") for match in pattern.finditer(text) if _looks_random(match.group("value")))
    if ":AA" in pieces:
        yield from (match.span("value") for match in _TELEGRAM_TOKEN.finditer(text))
    if "AKIA" in pieces or "ASIA" in pieces:  # the secret access key written after its id (`AKIA... <40 characters>`)
        yield from (match.span("value") for match in _AWS_SECRET_AFTER_ID.finditer(text))


_PIPEDREAM = LazyPattern(r"(?<![A-Za-z0-9])(?P<value>e[no][a-z0-9]{10,})\.m\.pipedream\.net")


def _webhook_secrets(text: str) -> Iterator[tuple[int, int]]:
    lowered = text.lower() if text.isascii() else None  # (beyond ASCII, case folding is the regex engine's own)
    for pieces, pattern in _WEBHOOK_SECRETS:  # (Slack's documentation writes the token as `XXXXXXXX...`: a mask, shown)
        if lowered is not None and not any(piece in lowered for piece in pieces):
            continue
        yield from (match.span("value") for match in pattern.finditer(text) if not _showable(match.group("value")))
    if "pipedream" in text:
        yield from (match.span("value") for match in _PIPEDREAM.finditer(text))


_WORD_JOINERS = str.maketrans("", "", ".-_")


def _token_as_user(user: str) -> bool:
    """Whether a URL's user name is a token (`https://tHqOgbm8RB4eWpHQ@host`): a key's shape, or 10 characters or
    more of letters and digits whose case changes often (a name in words, `ServiceAccount2019Prod`, changes it
    seldom)."""
    if _key_shaped(user):
        return True
    if len(user) < 10 or not user.isascii() or not user.translate(_WORD_JOINERS).isalnum() or not _DIGIT_RUN.search(user):
        return False  # (`.`, `-` and `_` join a token's pieces too: `Kq8vR2mZ.pL4xN7tW`)
    if len(user) >= 16 and len(_DIGIT_RUN.findall(user)) >= 2 and not user.islower() and not user.isupper():
        return True  # (`SEKRITtou2QA8466`: long, of both cases, digits in two places)
    return _case_changes(user) >= 6


def _tokens_as_users(text: str) -> list[tuple[int, int]]:
    """The spans of the user names in ``text``'s URLs that are tokens (`https://<api key>@host`, `//<token>:@host`)."""
    return [match.span("user") for match in _USERINFO_USER.finditer(text)
            if _token_as_user(match.group("user").removeprefix("<").removesuffix(">"))]  # (`//<token>@`)


def _holds_a_token(value: str) -> bool:
    return any(_TOKEN_LIKE.fullmatch(word) for word in _WORD_SPLIT.split(value))


def _userinfo_spans(text: str, *, decoded: bool = False) -> list[tuple[int, int]]:
    """The password of each ``//user:password@`` in ``text`` (also of a URL without its scheme, and one holding
    what ends a host); ``decoded``: ``text`` is a string's value, not a file's text."""
    encoded = [match.span("value") for match in _ENCODED_USERINFO.finditer(text)] if "%40" in text or "%2540" in text \
        else []
    if "//" in text and ":" in text:  # `//admin:<password>/host`: the `@` missing, the password read as a port
        encoded += [match.span("value") for match in _PASSWORD_FOR_A_PORT.finditer(text)
                    if reads_like_a_password(match.group("value")) and not _showable(match.group("value"))]
    if "@" not in text and "\uff20" not in text:
        return encoded
    found: Iterable[re.Match[str]] = _USERINFO.finditer(text) \
        if _USERINFO_GATE_BACKWARDS.search(text[::-1]) is not None else ()
    spans = encoded + [match.span("value") for match in found
                       if not _showable(match.group("value")) and match.group("value").lower() not in _WORDS_FOR_A_PASSWORD]
    if "/" in text:
        spans += _tokens_as_users(text)
    if "\uff1a" in text or "\uff20" in text:  # a full-width `：` or `＠` (an input method's), read as the ASCII one
        spans += [match.span("value") for match in _FULL_WIDTH_USERINFO.finditer(text)
                  if not _showable(match.group("value")) and match.group("value").lower() not in _WORDS_FOR_A_PASSWORD]
    if ("//" in text or ":\\" in text) and not _ENDS_A_HOST.isdisjoint(text):
        loose = _LOOSE_DECODED_USERINFO if decoded else _LOOSE_USERINFO
        spans += [match.span("value") for match in loose.finditer(text)
                  if match.span("value") not in spans and not _showable(match.group("value"))
                  and match.group("value").lower() not in _WORDS_FOR_A_PASSWORD]
    return spans


# A URL's `user:password@` percent-encoded inside another URL's query (`?callback=https%3A%2F%2Fadmin%3A<pw>%40host`),
# once or twice
_ENCODED_USERINFO = LazyPattern(r"(?i)%(?:25)?2F%(?:25)?2F[^%/?#&\s\"'<>@]{1,100}%(?:25)?3A"
                                r"(?P<value>(?:[^%/?#&\s\"'<>@]|%(?!(?:25)?(?:40|2F|3F|23))[0-9A-F]{2}){1,200})%(?:25)?40")


# What documentation writes where a URL's password goes (`http://username:password@your.server.com`)
_WORDS_FOR_A_PASSWORD = frozenset({"password", "pass", "passwd", "pwd", "secret", "pw", "yourpassword",
                                   "your-password", "your_password", "mypassword"})


# An absolute URL's authority and path, also with its slashes JSON-escaped (`https:\/\/`) or its scheme mistyped
# (`htps://`, `https;//`): found from its `://` (a pattern that starts with the scheme would be tried at every
# letter of every text), the scheme then read backwards
_URL_AUTHORITY = LazyPattern(r"[:;](?:\\?/){2}(?P<host>[^\s\"'<>\\/`|?#]*)(?P<path>[^\s\"'<>`|?#]*)")
_SCHEME_BEFORE = ByScript(r"(?i)(?:^|[^\w.+\-])[a-z][a-z0-9+.\-]{0,15}$")
_PATH_SEGMENT = LazyPattern(r"[^/\\]+")
_UUID = LazyPattern(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_CREDENTIAL_SEGMENTS = frozenset({"token", "tokens", "key", "keys", "apikey", "api_key", "api-key", "secret", "secrets",
                                  "access_token"})
_CALLBACK_KEYS = ("callback.url", "callbackurl", "callback_url", "webhook.url", "webhookurl")
# A path segment named as a credential and the value after it (`/apikey/<token>`), in a URL without its host
_CREDENTIAL_SEGMENT = LazyPattern(r"(?i)/(?P<segment>" + "|".join(map(re.escape, sorted(_CREDENTIAL_SEGMENTS)))
                                  + r")/(?P<value>[^/?#\s]{12,400})")
_GIT_SEGMENTS = frozenset({"commit", "commits", "blob", "tree", "compare", "raw"})  # a commit's SHA follows: public
_PUBLIC_TENANT_HOSTS = ("login.microsoftonline.com", "login.windows.net")  # the directory's id: public
_GIT_HOSTS = ("github.com", "githubusercontent.com", "gitlab.com", "bitbucket.org")  # a hex segment: a commit


def _url_path_tokens(text: str) -> Iterator[tuple[int, int]]:
    """Path segments of absolute URLs that are tokens: a capability URL's (`https://webhook.site/<uuid>`, a random
    key in a callback's path: whoever holds the URL gets the events), and a random value after a segment named as a
    credential (`/token/<value>`); not a commit's SHA, nor a Microsoft directory's id."""
    for slashes in ("//", "\\/\\/"):  # (found with str.find: a regex would be tried at each colon of the text)
        at = text.find(slashes)
        while at != -1:
            # (the scheme asked first: the authority's match runs to the end of a text without blanks, and a text of
            # `://` repeated would be read to its end from each of them)
            match = _URL_AUTHORITY.match(text, at - 1) if at and text[at - 1] in ":;" \
                and _SCHEME_BEFORE.search(text[max(0, at - 18):at - 1]) else None
            if match is None:
                at = text.find(slashes, at + len(slashes))
                continue
            host = match.group("host").lower()
            yield from _path_tokens(text, match.start("path"), match.end("path"),
                                    first_public=host.endswith(_PUBLIC_TENANT_HOSTS), git=host.endswith(_GIT_HOSTS))
            at = text.find(slashes, match.end())


def _credential_after(segment: str, value: str) -> bool:
    """Whether a path segment ``value`` after ``segment`` is a credential: a random run after a segment named as one
    (`/token/<value>`)."""
    return segment.lower() in _CREDENTIAL_SEGMENTS and len(value) >= 12 and _TOKEN_LIKE.fullmatch(value) is not None \
        and (len(_DIGIT_RUN.findall(value)) >= 2 or _random_letters(value))


def _path_tokens(text: str, start: int, end: int, *, first_public: bool = False,
                 git: bool = False) -> Iterator[tuple[int, int]]:
    """The spans of the token segments of the URL path ``text[start:end]`` (see :func:`_url_path_tokens`)."""
    previous = ""
    for index, segment in enumerate(_PATH_SEGMENT.finditer(text, start, end)):
        value = segment.group()
        if len(value) < 8 or value.isalpha():  # (most segments are words, which no shape below takes)
            previous = value
            continue
        if not (index == 0 and first_public) and previous.lower() not in _GIT_SEGMENTS \
                and not (git and _HEX.fullmatch(value)) and (
                _key_shaped(value) or _UUID.fullmatch(value) or _credential_after(previous, value)):
            yield segment.span()
        previous = value


def _holds_a_user_secret(value: str) -> bool:
    """Whether the value after `User` reads as the platform's user secret (or a reference or placeholder standing
    for it), not a word of prose."""
    return len(value) >= 8 and (_DIGIT.search(value) is not None or len(value) >= 20 or value[0] in "$<{"
                                or _random_letters(value))


def _unpadded(value: str) -> str:
    """A base64 token (an element token, `Zq8w...+/...=`) as letters and digits: its padding off, `+` and `/` as
    letters, for the shapes of a token."""
    return value.rstrip("=").replace("+", "A").replace("/", "A")


_FORMAT_SLOT = LazyPattern(r"%s|\{\w{1,40}\}")  # (`String.Format("User {0}, ...")`, `sprintf('User %s, ...')`)


def _stands_for_its_secret(value: str) -> bool:
    """Whether a header part's value is a reference or placeholder standing for its secret (`${u}`, `<user secret>`,
    `[USER_SECRET]`, `YOUR_USER_SECRET`, `%CE_USER%`, `{0}`, `%s`), not a value (nor a token in brackets,
    `{Kq9vT3pLx8wZ}`, nor a deployment tool's reference, whose brackets may hold anything: `$(ghp_...)`)."""
    if _showable(value):
        return True
    if _TOOL_FORM.match(value) is not None or _holds_a_token(value) or is_env_reference(value):
        return False  # (a reference _showable did not show holds a value: `${KEY:-Kq9v...}`)
    return is_placeholder_value(value, credential=True) or _FORMAT_SLOT.fullmatch(value) is not None


# A variable set to a value on a line of its own, as a runbook sets the header's parts before the request: the shell's
# `U=...` (`export U='...'`), REST Client's `@u = ...`, PowerShell's `$u = '...'`, cmd's `set U=...`
_DEFINITION = LazyPattern(r"^[ \t]*+(?:export[ \t]++|set[ \t]++\"?|\$|@)?(?P<name>[A-Za-z_]\w{0,79}+)[ \t]*+=[ \t]*+"
                          r"(?P<quote>['\"]?)(?P<value>[A-Za-z0-9+/=_\-]{1,400}+)(?P=quote)[ \t]*+\"?[ \t]*+(?:\r?\n|\r|$)", re.M)
# (a part's reference to such a variable: `$U`, `${U}`, `{{u}}`, `%U%`)
_REFERENCE_NAME = LazyPattern(r"\$\{?([A-Za-z_]\w*)\}?|\{\{([A-Za-z_]\w*)\}\}|%([A-Za-z_]\w*)%")


class _Part(NamedTuple):
    """A part of the platform's header: its name (`user`), its value and where that value is written."""

    name: str
    value: str
    span: tuple[int, int]


class _Defined(NamedTuple):
    """A variable's definitions in a text, in its order, and where each starts (bisected for each header)."""

    starts: list[int]
    matches: list[re.Match[str]]


def _definitions(text: str) -> dict[str, _Defined]:
    """Each variable's definitions in ``text`` (`U=...`, `@u = ...`), in the text's order."""
    defined: dict[str, _Defined] = {}
    for match in _DEFINITION.finditer(text) if "=" in text else ():
        found = defined.setdefault(match.group("name"), _Defined([], []))
        found.starts.append(match.start())
        found.matches.append(match)
    return defined


def _header_parts(text: str, header: re.Match[str], defined: dict[str, _Defined]) -> list[_Part]:
    """The parts of ``header``, each one given by a variable (`User $U`) read as the value the text last sets it to
    before the header (`U=Zq8w...`), where that value is written: the secret is there, not in the header."""
    parts = []
    for part in _CE_CREDENTIAL.finditer(text, header.start(), header.end()):
        value, span = part.group("value"), part.span("value")
        reference = _REFERENCE_NAME.fullmatch(value) if defined else None
        found = defined.get(reference.group(reference.lastindex or 1)) if reference is not None else None
        # (the places listed once for each name: listed for each part, a page setting `U` and sending it, each
        # 12,000 times, took 12 s)
        before = bisect_left(found.starts, header.start()) if found is not None else 0
        matches = found.matches if found is not None else []
        if before and not _stands_for_its_secret(matches[before - 1].group("value")):
            value, span = matches[before - 1].group("value"), matches[before - 1].span("value")
        parts.append(_Part(part.group("part").lower(), value, span))
    return parts


_CE_PART_NAMES = tuple(part.lower() for part in PLATFORM_HEADER_PARTS)
_CE_PART_FOLLOWERS = (":", " ", "\t", "\\", "`")  # (the first character _CE_AFTER_PART reads)


def _may_hold_a_header_part(text: str) -> bool:
    """Whether ``text`` may hold a part of the platform's header (:data:`_CE_AUTHORIZATION`): its name in any case, then
    what every part's name is followed by (`:`, a blank or a line's continuation).  A text that names `organizations`
    only (a resource, a hub's description) is not scanned, nor is the pattern compiled for it; beyond ASCII, the case
    folding is the regex engine's own."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(part + after in lowered for part in _CE_PART_NAMES for after in _CE_PART_FOLLOWERS)


def platform_credentials(text: str) -> list[tuple[int, int]]:
    """The user secret, organization secret and element token of each Cloud Elements authorization header
    (``User ..., Organization ...[, Element ...]``, in any order) written in ``text``, wherever it is (a header,
    a variable; or the variable a part names, set on a line of its own before the header)."""
    if "rganization" not in text and "RGANIZATION" not in text or not _may_hold_a_header_part(text):
        return []
    spans = []
    defined: dict[str, _Defined] | None = None
    for header in _CE_AUTHORIZATION.finditer(text):
        if defined is None:
            defined = _definitions(text)  # (read once a text, only when it holds a header)
        parts = _header_parts(text, header, defined)
        names = [part.name for part in parts]
        # the user secret is a token (8 characters or more, with a digit or long): `User Management, Organization
        # Settings`, `user accounts, organization settings` and `User: Administrator, Organization: Engineering` are
        # prose
        if any(name == "user" and _holds_a_user_secret(part.value) for name, part in zip(names, parts)) \
                and any(name == "organization" and (not part.value.isalpha() or len(part.value) >= 20)
                        for name, part in zip(names, parts)):  # (`Organization Settings`, `organization defaults`)
            spans += [part.span for part in parts if not _stands_for_its_secret(part.value)]
        else:  # a user secret beside an organization that reads as a word (`Organization x`, `Organization <org>`),
            # an element token beside a user and an organization given by reference (`User $U, Organization $O,
            # Element Zq8w...=`: the token is an instance's own credential, written out all the same); or, the user's
            # a placeholder, the others' secrets written out (`User ${u}, Organization <token>`)
            filled = any(name == "user" and (_stands_for_its_secret(part.value) or _TOOL_FORM.match(part.value))
                         for name, part in zip(names, parts))
            spans += [part.span for name, part in zip(names, parts) if (name in ("user", "element") or filled)
                      and (_TOKEN_LIKE.fullmatch(_unpadded(part.value))
                           or _random_letters(_unpadded(part.value))) and len(part.value) >= 12]
    return list(dict.fromkeys(spans))  # (once each: a variable may give two parts, `User $U, Organization $U`)


def _table_key_is_secret(key: str, extra_keys: frozenset[str]) -> bool:
    """Whether a table row's key names a secret; a spaced one (`Client Secret`) by its last word or two, not by a
    word before (`Password Reset Flow`, `Client Secret Storage` are settings about one)."""
    words = key.split()
    if len(words) <= 1:
        return bool(words) and _is_secret(key, extra_keys)  # (an empty cell: `| |`)
    return _is_secret(words[-1], extra_keys) or (  # `API Key`: two words that name one together
        not _is_secret(words[-2], extra_keys) and _is_secret("_".join(words[-2:]), extra_keys))


def _is_header(key: str) -> bool:
    """A header whose value runs past commas and spaces to the end of its quote or line."""
    lowered = key.lower()
    return "authorization" in lowered or "cookie" in lowered


@lru_cache(maxsize=32768)  # every key of a body with 10,000 pollers (masking asks each twice)
def _is_secret(key: str, extra_keys: frozenset[str]) -> bool:
    if not (key.isascii() and key.isprintable()) or key[:1] == " " or key[-1:] == " ":
        key = visible(key)  # `"apim.subscription.key\u200b"`: the key the writer sees (CE101 names the character)
    if secret_kind(key) is not None or key in extra_keys or may_hold_a_secret(key):
        return True
    if "\ufffd" in key and key.count("\ufffd") <= 2:  # a file that is not UTF-8: `contrase\ufffda` was `contraseña`
        return any(secret_kind(key.replace("\ufffd", letter)) is not None for letter in _LATIN_LETTERS)
    if extra_keys and difflib.get_close_matches(key, extra_keys, n=1, cutoff=0.9):
        return True  # a misspelt PASSWORD key of the element (CE901 names the one meant) holds the secret all the same
    return misspelt_secret_key(key) is not None


def misspelt_secret_key(key: str) -> str | None:
    """The documented secret ``event.*`` key that ``key`` misspells (``event.notification.signature.kye``), else
    None: a misspelt secret key (CE101 names the one meant) holds the secret all the same."""
    if key[:5].lower() != "event":
        return None
    from .schemas import near_event_key

    meant = near_event_key(key)
    return meant if meant is not None and secret_kind(meant) is not None else None


# A quoted value right after a key's colon, on its line (a broken body's: its keys are read from the text)
_QUOTED_VALUE = LazyPattern(r'[ \t]*"([^"\\\r\n]{1,200})"')

# What a Latin-1 or Windows-1252 byte most often stood for in a key (shown as U+FFFD once read as UTF-8)
_LATIN_LETTERS = "ñéèöüäåøóáíúçşłô"

_LONG_TEXT = 65_536  # characters


def _distinct_lines(text: str) -> str:
    """``text`` to ask whether a piece with no line break is in it (the scan asks for some sixty): its distinct
    lines, when it is long; a body repeats most of its lines in every poller entry.  (A piece is in one when it is
    in the other; where a piece is, and what spans lines, is read in ``text``.)"""
    return "\n".join(dict.fromkeys(text.split("\n"))) if len(text) > _LONG_TEXT else text


def _code_not_a_grant(key: str, value: str) -> bool:
    """Whether a `code` key's value is code, not OAuth's one-time code: ReadMe's `[block:code]` keeps each code block
    in a `"code"` string (`"{\\n  \\"name\\": ...}"`), which has blanks or line breaks where a grant has none."""
    return key.lower() == "code" and (any(blank in value for blank in " \t\r\n") or "\\n" in value)


@lru_cache(maxsize=32768)  # (the keys of a batch's bodies repeat: each is judged once, not once per question)
def _key_roles(key: str, extra_keys: frozenset[str]) -> tuple[bool, bool, bool, bool]:
    """What the value after ``key`` in a text may be (:func:`_scan_text`): a secret (:func:`_is_secret`), a login's
    (:func:`_names_a_login`), a user name or key judged by its shape (:func:`_names_a_user`), and whether ``key`` is
    a tail a parent's name makes secret (`"signature": {"key": ...}`)."""
    return _is_secret(key, extra_keys), _names_a_login(key), _names_a_user(key), key.lower() in _NESTED_TAILS


def _scan_text(text: str, extra_keys: frozenset[str], *, broken: bool = False) -> Iterator[tuple[int, int]]:
    """Values after a secret key in ``text``, whatever their quoting: found without parsing, so a file
    that is not valid JSON (or JSON inside a JSON string) is masked too; ``broken``: ``text`` is a file that is
    not valid JSON, read further (:func:`_broken_value`, :func:`_scan_broken`)."""
    # The keys are read backwards from their colons (one pass the regex engine makes from colon to colon), each
    # distinct one is asked about once (the same keys come back in every poller entry), and the places are gone
    # through, in the text's order, only when a secret key is among them.
    backwards = text[::-1]
    # (a long text, a body of many poller entries, has its keys in every entry and seldom a secret among them: its
    # keys are gathered in C, and their places, a tuple each, read only when one is wanted)
    every_place = _key_places(backwards) if broken or len(text) <= _LONG_TEXT else None
    keys = {place[0] for place in every_place} if every_place is not None else _keys_of(backwards)
    # Where no walk of the parsed document reads the structure (a file that is not JSON, JSON inside a string),
    # the text is read for it: a `key` secret by the name of the object it is in (`"signature": {"key": ...}`),
    # and the value of a name/value pair that names a secret (`{"name": "X-Api-Key", "value": ...}`); and the
    # value of a key named only as some key or auth, by its shape (the walk judges those of a parsed document).
    unparsed = broken or '\\"' in text
    secret_keys: set[str] = set()
    user_keys: set[str] = set()
    tails: set[str] = set()
    for key in keys:
        named_secret, login, user, tail = _key_roles(key, extra_keys)
        if named_secret:
            secret_keys.add(key)
        elif login or user and unparsed and not tail:
            user_keys.add(key)
        elif tail:
            tails.add(key)
    nested_keys = tails if unparsed and len(keys) > 1 else set()
    pair_values = keys & _PAIR_VALUES - secret_keys if unparsed and not _PAIR_NAME_SET.isdisjoint(keys) else set()
    pair_names = keys & _PAIR_NAME_SET if pair_values else set()
    wanted = secret_keys | user_keys | nested_keys | pair_values | pair_names
    if every_place is None:
        every_place = _key_places(backwards) if wanted else []
    places = [place for place in every_place if place[0] in wanted] if wanted else []
    structural = nested_keys | pair_values | pair_names
    objects = _objects_of(text, [place[1] for place in places if place[0] in structural]) if structural else {}
    secret_pairs = {objects[key_start] for key, key_start, after_colon in places
                    if key in pair_names and _names_a_secret(text, after_colon, extra_keys)} if pair_names else set()
    secret_pairs.discard(None)
    nested_secret: dict[tuple[int | None, str], bool] = {}  # (object, key): the keys of one object are many
    covered = 0  # in a broken file, the arrays read so far end here: a secret key inside one was read with it
    for key, key_start, after_colon in places:
        if key in nested_keys:
            brace = objects[key_start]
            secret = nested_secret.get((brace, key))
            if secret is None:
                parent = _object_key(text, backwards, brace)
                secret = nested_secret[brace, key] = parent is not None and _is_secret(f"{parent}.{key}", extra_keys)
            if not secret:
                continue
        elif key in pair_values:
            if objects[key_start] not in secret_pairs:
                continue
        elif key not in secret_keys and key not in user_keys:
            continue  # a pair's name: its value is the label, not the secret
        gap = _GAP.match(text, after_colon)
        start = gap.end() if gap else after_colon
        if start == after_colon and text[start:start + 1] in ("'", '"') and text[after_colon - 2] not in ("'", '"') \
                and _quoted_before(text, key_start) == text[start]:
            continue  # the quote that closes the key's own string (`-u "$API_KEY:" https://...`: a name and no password)
        before = text[key_start - 1:key_start] if key_start else ""
        span = _value_extent(text, start, header=_is_header(key), quote=before if before in ("'", '"') else "")
        if key in user_keys:  # a username that is an API key (Close.io's, Chargebee's): masked by its shape
            if span is not None:  # (a string left unclosed runs on to the comma that ends its member: not the key's)
                value = text[span[0]:span[1]].rstrip(", \t") if broken else text[span[0]:span[1]]
                if _key_shaped(value):
                    yield span[0], span[0] + len(value)
            continue
        if span is not None and span[0] < span[1] and not _shown_as_written(text[span[0]:span[1]]) \
                and not names_its_key(text[span[0]:span[1]], key) and not _code_not_a_grant(key, text[span[0]:span[1]]) \
                and not is_flag(key, text[span[0]:span[1]].strip("'\"")) \
                and not (broken and text[start:start + 1] not in _OPENERS and _describes(text[span[0]:span[1]], key)):
            yield span
        if broken and start < len(text) and key_start >= covered:
            extras, covered = _broken_value(text, start, span)
            yield from extras
    if broken:
        yield from _scan_broken(text, extra_keys)
        for key, key_start, after_colon in every_place:  # a secret written into a quoted key (`"oauth.api.secret
            # <token>": ""`), or a key swapped with its value (`"<token>": "oauth.api.secret"`), which the walk of a
            # parsed document reads from its keys (the scan reads a key back to a blank or `=`)
            if len(key) >= 8 and text[key_start - 1:key_start] == '"':
                quoted = _QUOTED_VALUE.match(text, after_colon)
                if quoted is not None and _swapped_with_its_key(key, quoted.group(1), extra_keys):
                    yield key_start, key_start + len(key)
            quote = key_start - 1 if text[key_start - 1:key_start] == "'" \
                else text.rfind('"', max(0, key_start - 200), key_start + 1)  # (a key in single quotes: itself)
            whole = text[quote + 1:key_start + len(key)] if quote >= 0 else ""
            if len(whole) >= 10 and not whole.isalpha() and text.startswith(key, key_start) and '"' not in whole \
                    and "\n" not in whole:
                inside = _secret_in_key(whole, extra_keys)
                if inside is not None:
                    yield quote + 1 + inside[0], quote + 1 + inside[1]
        yield from _keyless_secrets(text, extra_keys)
        yield from _commented_secrets(text, extra_keys)
    yield from _userinfo_spans(text)
    pieces = _distinct_lines(text)  # (asked only whether a piece with no line break is in it)
    if "?" in pieces:  # `?apikey:<token>`, `?apikey＝<token>`, `＆apikey=<token>`: a parameter's `=` or `&` mistyped
        for pattern in (_MISTYPED_EQUALS, _AFTER_A_FULL_WIDTH_AMPERSAND) if "\uff06" in pieces else (_MISTYPED_EQUALS,):
            yield from _mistyped_parameters(text, pattern)
    if "//" in pieces or ":\\/" in pieces:
        yield from _url_path_tokens(text)
    for word, basic in (("Basic", _BASIC_CREDENTIAL), ("basic", _BASIC_IN_LOWER_CASE)):
        if word in pieces:
            yield from (match.span("value") for match in basic.finditer(text) if _is_basic_credential(match.group("value"))
                        or _scheme_credential(match.group("value")))
    if "Token " in pieces:  # `Authorization: Token 9944b0...` (Django REST framework's scheme)
        yield from (match.span("value") for match in _TOKEN_SCHEME.finditer(text)
                    if _scheme_credential(match.group("value")) and not _showable(match.group("value")))
    if "eyJ" in pieces:
        yield from (match.span() for match in _JWT.finditer(text))
    if "earer" in pieces:
        yield from (match.span("value") for match in _BEARER.finditer(text)
                    if (_holds_a_token(match.group("value")) or _random_letters(match.group("value")))
                    and not _showable(match.group("value")))
    yield from _issued_tokens(text, pieces)
    present = frozenset(gate for char, gates in _TABLE_GATE_GROUPS if char in pieces  # (one test of each, not one a
                        for gate in gates if gate in pieces)  # table row)
    if not present.isdisjoint(_SHELL_MARKERS):
        yield from _shell_credentials(text)
    if "POST " in pieces or "PUT " in pieces or "PATCH " in pieces or "GET " in pieces:
        yield from _colonless_headers(text, extra_keys)
    if "PRIVATE KEY" in pieces:
        yield from (match.span("value") for match in _PEM.finditer(text) if match.group("value"))
    if "</" in pieces:
        for match in _XML_ELEMENT.finditer(text):
            group = "value" if match.group("value") is not None else "cdata"
            tag = match.group("tag")
            if tag.lower() not in _HTML_TAGS and _is_secret(tag, extra_keys) and not _shown_as_written(match.group(group)):
                yield match.span(group)
    yield from platform_credentials(text)
    for gates, pattern in _CODE_CREDENTIALS if present else ():  # (most texts hold none of the pieces)
        if not present.isdisjoint(gates) and _may_match(pattern, pieces):
            yield from (match.span("value") for match in pattern.finditer(text) if not _showable(match.group("value")))
    if not present.isdisjoint(_DEFAULT_GATES):
        yield from _literal_defaults(text, extra_keys)
    for gates, pattern in _KEYED_CREDENTIALS if present else ():
        if not present.isdisjoint(gates):
            yield from (match.span("value") for match in pattern.finditer(text)
                        if _is_secret(match.group("key"), extra_keys) and not _shown_as_written(match.group("value")))
    if "hook" in pieces or "ifttt" in pieces or "pipedream" in pieces:
        yield from _webhook_secrets(text)
    if "|" in text:
        yield from _table_secrets(text, extra_keys)
    if broken and text.lstrip()[:1] in ("{", "["):  # a note pasted between a broken body's members (`"x": 1, the
        # password is Kq9v...`): its prose only, the words outside its strings (the body whole is no prose)
        for prose in _LOOSE_PROSE.finditer(text):
            yield from ((prose.start("prose") + start, prose.start("prose") + end)
                        for start, end in _named_in_text(prose.group("prose")))
    elif broken:  # a page's or a note's prose: `- API key: Kq9v...`, an HTML table's `<th>Client Secret</th><td>Kq9v...</td>`
        yield from _named_in_text(text)
        if "</td>" in pieces or "</TD>" in pieces:
            yield from _html_table_secrets(text, extra_keys)
        if "**" in pieces or "__" in pieces or "`" in pieces:
            yield from _labelled_secrets(text, extra_keys)
    if "] =" in pieces or "]=" in pieces:  # `headers["X-Api-Key"] = "..."`, `os.environ["SAGE_API_SECRET"] = "..."`
        yield from (match.span("value") for match in _SUBSCRIPT_ASSIGNMENT.finditer(text)
                    if _is_secret(match.group("key"), extra_keys) and not _showable(match.group("value")))
    if "value:" in pieces or "value=" in pieces:  # a name/value pair on two lines (`- name: SAGE_API_SECRET`, `value: ...`)
        yield from (match.span("value") for match in _NAME_THEN_VALUE.finditer(text)
                    if _is_secret(match.group("key"), extra_keys) and not _showable(match.group("value")))
    if "configure set" in pieces:  # `aws configure set aws_secret_access_key ...`
        yield from (match.span("value") for match in _CONFIGURE_SET.finditer(text)
                    if _is_secret(match.group("key"), extra_keys) and not _showable(match.group("value")))
    queries = [_TEXT_QUERY] if "=" in text else []
    if queries and any(separator in pieces for separator in _LOOSE_SEPARATORS):
        queries.append(_LOOSE_TEXT_QUERY)
    if queries and broken:
        queries.append(_STRING_QUERY)
    if _has_encoded_equals(pieces):
        queries.append(_ENCODED_TEXT_QUERY)
    for query in queries:
        for match in query.finditer(text) if any(_may_name_a_credential(name) for name in
                                                 {found[0] for found in query.findall(text)}) else ():
            if _query_credential(match.group("name"), match.group("value")):
                yield _delimited(text, match)
    if broken and _may_compare_in_ceql(text):  # (a parsed document's: the walk reads them)
        for match in _ceql_conditions(text):
            if not _shown_as_written(match.group("value").strip("'\"")):
                yield _delimited(text, match)


# A line's words after a member of a broken body, or alone on their line, that are no member: a word, a blank, the rest
# of the line (`, the password is Kq9v...`; `token: x,` and `true,` are none)
# (a class first, no `^`: the regex engine skips in C to where one may start; a body opens with `{` or `[`)
_LOOSE_PROSE = LazyPattern(r"[\n,{\[][ \t]*+(?P<prose>[^\W\d_][^\s\"':,{}\[\]]*+[ \t]+[^\r\n]*)")


# A connection string's value in braces (ODBC: `Pwd={a;b}}c}`, a doubled `}` one of its own) or quotes
# (`Password="a;b"`), which may hold the `;` that ends a bare value.
_BRACED = LazyPattern(r"\{(?:[^}\r\n]|\}\})*+\}")


def _delimited(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The span of a query or connection-string match's value, to its closing brace or quote."""
    start, end = match.span("value")
    if text.startswith("{", start):
        braced = _BRACED.match(text, start, start + _QUOTE_REACH)
        return (start, braced.end()) if braced else (start, end)
    quote = match.group("quote")
    if quote and end < len(text) and text[end] not in "\\'\"":
        close = text.find(quote, end, end + _QUOTE_REACH)
        if close != -1 and "\n" not in text[end:close]:
            while close > end and text[close - 1] == "\\":  # (the escape of an escaped quote is not the value's)
                close -= 1
            return start, close
    return start, end


# In a file that is not JSON: a quoted key followed by `=` or, its colon missing, by its quoted value.
# Also a key in single quotes, and the separators other languages or slips put in the colon's place (`=>`, `;`,
# `,`, an input method's full-width `：`), or none before a bare value; and, before a colon, a key holding spaces
# or escapes (`"API Key"`, `"password "`, `"pass\u0077ord"`), which the keys read backwards from their colons
# leave out.
def _broken_key(*, wide: bool) -> str:
    return (r"(?P<quote>[\"'])(?P<key>[A-Za-z_$@][^\"'\r\n:]{0,199}+)(?P=quote)[ \t]*+"
            r"(?:(?P<separator>=>?|" + ("[;,：]" if wide else "[;,]") + r"|[|\-](?=[ \t]*+\"))[ \t]*+"
            r"|(?=" + (r"[\"“']" if wide else r"[\"']") + r")|(?=[A-Za-z0-9]))"
            r"|\"(?P<odd>[^\"\r\n: \t\\]{0,199}+[ \t\\][^\"\r\n:]{0,199}+)\"[ \t]*+(?P<colon>:)[ \t]*+")


_BROKEN_KEY = ByScript(_broken_key(wide=True), _broken_key(wide=False), marks="：“")
# Where a bare value after `NAME=` ends when another assignment or a command follows it on its line
_SHELL_WORD_ENDS = LazyPattern(r"[ \t]+(?=[A-Za-z_][\w.]*=|(?:curl|wget)[ \t]|\./)")
# A key without quotes at a line's start, then `=` or `=>` (a properties or Perl line pasted into the body).
_BARE_BROKEN_KEY = LazyPattern(r"^[ \t]*+(?P<key>[A-Za-z_$@][\w.$@\-]{0,199}+)[ \t]*+=>?[ \t]*+", re.MULTILINE)
# A Ruby symbol's key (`{ :password => "..." }`), anywhere on a line.
_SYMBOL_KEY = LazyPattern(r"(?<![\w:]):(?P<key>[A-Za-z_]\w{0,199}+)[ \t]*+=>[ \t]*+")
_QUOTE_REACH = 300  # how far a quote inside a string is looked past (a hostile line is not read to its end each time)
_LAST_CLOSE = LazyPattern(r"\"(?=[ \t]*+(?:[,}\]\r\n]|$))")
# The pieces of an array or object, read in turn so that a quote is never taken for the wrong string's: its
# strings (`key` set for a key) and bare words are what it holds.
# (a key in typographic quotes, `“type”:`, is a key too: its fix, the quotes made straight, touches no secret)
_INNER_VALUE = ByScript(r"\"(?P<string>(?:\\.|[^\"\\\r\n])*)\"(?P<key>[ \t]*+:)?"
                        r"|[\u201c\u201d\u201e\u2018\u2019][^\u201c\u201d\u201e\u2018\u2019\"\r\n]{0,200}"
                        r"[\u201c\u201d\u201e\u2018\u2019][ \t]*+:|(?P<bare>[^\s,\[\]{}\":]++)|(?s:.)",
                        r"\"(?P<string>(?:\\.|[^\"\\\r\n])*)\"(?P<key>[ \t]*+:)?|(?P<bare>[^\s,\[\]{}\":]++)|(?s:.)",
                        marks="\u201c\u201d\u201e\u2018\u2019")


# A .netrc's line (also echoed: `--netrc-file <(echo '...')`; its `default` entry)
_NETRC_LINE = LazyPattern(
    r"(?m)(?:^[ \t]*|(?<=['\"])(?=(?:machine[ \t]+\S+|default)[ \t]+login[ \t]))(?:machine[ \t]+\S+|default)"
    r"(?:[ \t]+login[ \t]+\S+)?(?:[ \t]+account[ \t]+\S+)?[ \t]+password[ \t]+(?:\\?[\"'])?"
    r"(?P<value>[^\s\"'`\\][^\s\"'`\\]*)")
# SQL's `WITH PASSWORD '...'`, `SET PASSWORD FOR u = '...'`, MySQL 5's `= PASSWORD('...')`
_SQL_PASSWORD = LazyPattern(
    r"(?i)\b(?:(?:with|encrypted|login)[ \t]+password|set[ \t]+password(?:[ \t]+for[ \t]+\S{1,200})?[ \t]*="
    r"(?:[ \t]*password[ \t]*\()?)[ \t]*(?P<q>['\"])(?P<value>[^'\"\r\n]{1,400})(?P=q)")

# Credentials as code and tools write them, in a page or a pasted line: an Oracle thin URL's `user/password@`,
# a `.netrc` line, PowerShell's `ConvertTo-SecureString '...'`, Python requests' `auth=("user", "...")`.
_CODE_CREDENTIALS = (  # (each read only in a text holding one of its pieces: `auth` alone is in most bodies)
    (("thin:",), LazyPattern(r"thin:@?[\w$#.\-]+/(?P<value>[^@\s\"'`;/]+)@")),
    (("machine", "default"), _NETRC_LINE),
    # curl's configuration syntax (`-K <(echo 'user = "admin:..."')`, a .curlrc): `user` holds the password after its `:`
    ((" -K", "--config", "curlrc"), LazyPattern(r"(?:^|(?<=[\s'\"(]))-{0,2}user[ \t]*[=:]?[ \t]+\"?[^:\s\"']+:"
                                             r"(?P<value>[^\s\"']+)")),
    (("SecureString",), LazyPattern(r"ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(?P<quote>['\"])"
                                    r"(?P<value>[^'\"\r\n]+)(?P=quote)")),
    # a Basic credential built in code (`GetBytes("admin:<password>")`, `btoa('u:p')`, `b64encode(b"u:p")`): the
    # password after the user's `:` (helper-135: printed in `--diff`'s context lines)
    (("GetBytes(", "btoa(", "b64encode(", "Buffer.from(", "EncodeToString("), LazyPattern(
        r"(?:GetBytes|btoa|b64encode|Buffer\.from|EncodeToString\(\[\]byte)\([ \t]*[bf]?(?P<quote>['\"])"
        r"[^'\"\r\n:]{1,100}:(?P<value>[^'\"\r\n]{1,200})(?P=quote)")),
    # (and Ruby's `req.basic_auth 'user', '...'`, Net::HTTP's and Faraday's, with or without parentheses; Guzzle's
    # `'auth' => ['user', '...']`)
    (("auth=(", "auth = (", "BasicAuth(", "Credential", "Authentication(", "basic_auth", "auth' =>", "auth'=>",
      'auth" =>', 'auth"=>'), LazyPattern(
        r"\b(?:auth[ \t]*=[ \t]*\(|HTTPBasicAuth\(|SetBasicAuth\(|setBasicAuth\(|NetworkCredential\(|basic_auth(?:[ \t]*\(|[ \t])"
        r"|auth['\"][ \t]*=>[ \t]*(?:\[|array\()"
        r"|PasswordAuthentication\(|UsernamePasswordCredentials\()[ \t]*(?:(?P<q1>['\"])[^'\"\r\n]*(?P=q1)|[A-Za-z_][\w.]{0,100})"
        r"[ \t]*,[ \t]*(?P<q2>['\"])(?P<value>[^'\"\r\n]+)(?P=q2)")),
    # a pair of a user and a password under a credentials key (`'credentials': (svc_user, '...')`)
    (("credentials",), LazyPattern(r"credentials['\"]?[ \t]*[:=][ \t]*[(\[][ \t]*(?:(?P<q1>['\"])[^'\"\r\n]*(?P=q1)"
                                   r"|[A-Za-z_][\w.]{0,100})[ \t]*,[ \t]*(?P<q2>['\"])(?P<value>[^'\"\r\n]+)(?P=q2)")),
    # PHP curl's `CURLOPT_USERPWD, 'user:password'`
    (("USERPWD",), LazyPattern(r"USERPWD[ \t]*,[ \t]*(?P<q>['\"])[^'\":\r\n]*:(?P<value>[^'\"\r\n]+)(?P=q)")),
    # a password glued to mysql's `-p`, or after sshpass's `-p`
    (("mysql",), LazyPattern(r"\bmysql(?:dump|admin)?\b(?:[ \t]+(?!-p)\S{1,200}){0,20}?[ \t]+-p(?P<value>[^\s'\"]{4,200})")),  # (no possessive group: 3.11.2)
    # SQL's `CREATE USER x IDENTIFIED BY '...'` and `WITH PASSWORD '...'`, redis-cli's `-a`, openssl's `-k` and `pass:`
    (("IDENTIFIED", "identified"), LazyPattern(r"(?i)\bidentified\s+(?:with\s+\S{1,100}\s+)?by\s+(?P<q>['\"])"
                                               r"(?P<value>[^'\"\r\n]{1,400})(?P=q)")),  # (MySQL 8's `WITH plugin BY`)
    (("IDENTIFIED", "identified"), LazyPattern(r"(?im)^[ \t]*(?:create|alter|grant)\b[^\r\n]{0,300}?\bidentified[ \t]+by[ \t]+"
                                               r"(?P<value>[^'\"\s;]{1,400})")),  # (unquoted: in a statement, not prose's)
    (("PASSWORD '", "password '", 'PASSWORD "', 'password "', "PASSWORD", "password"), _SQL_PASSWORD),
    (("redis-cli",), LazyPattern(r"\bredis-cli\b(?:[ \t]+(?!-a\b|--pass\b|AUTH\b)\S{1,200}){0,20}?[ \t]+"
                                 r"(?:(?:-a|--pass)[ \t]+|AUTH[ \t]+(?:[^\s'\"]{1,200}[ \t]+)?)['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("REDISCLI_AUTH",), LazyPattern(r"\bREDISCLI_AUTH=['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("openssl",), LazyPattern(r"\bopenssl\b(?:[ \t]+(?!-k\b|-pass(?:in|out)?\b)\S{1,200}){0,20}?[ \t]+"
                               r"(?:-k[ \t]+|-pass(?:in|out)?[ \t]+['\"]?pass:)['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("sshpass",), LazyPattern(r"\bsshpass[ \t]+-p[ \t]*['\"]?(?P<value>[^\s'\"]{4,200})")),
    # a login command's password option (`docker login -u x -p ...`, `az login -p ...`), a keystore's (`keytool
    # -storepass ...`), SQL Server's `sqlcmd -P`, LDAP's `-w`, smbclient's `-U user%password`, `htpasswd -b file user pw`,
    # `zip -P` (helper-120)
    (("login",), LazyPattern(r"\b(?:docker|podman|helm|oras|skopeo|buildah|nerdctl|crane|az|oc|cf)[ \t]+"
                             r"(?:registry[ \t]+)?login\b(?:[ \t]+(?!-p\b|--password\b)\S{1,200}){0,10}?[ \t]+"
                             r"(?:-p|--password)(?:[ \t]+|=)['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("storepass", "keypass"), LazyPattern(r"-(?:src|dest|new)?(?:store|key)pass[ \t]+['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("sqlcmd", "bcp", "osql"), LazyPattern(r"\b(?:sqlcmd|bcp|osql)\b(?:[ \t]+(?!-P)\S{1,200}){0,20}?[ \t]+-P[ \t]*"
                                            r"['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("ldap",), LazyPattern(r"\bldap[a-z]{0,12}\b(?:[ \t]+(?!-w\b)\S{1,200}){0,20}?[ \t]+-w[ \t]+['\"]?"
                            r"(?P<value>[^\s'\"]{1,400})")),
    (("smbclient",), LazyPattern(r"\bsmbclient\b(?:[ \t]+(?!-U)\S{1,200}){0,20}?[ \t]+-U[ \t]*['\"]?[^%\s'\"]{1,100}%"
                                 r"(?P<value>[^\s'\"]{1,400})")),
    (("htpasswd",), LazyPattern(r"\bhtpasswd[ \t]+(?:-[a-zA-Z]+[ \t]+){0,4}?-[a-zA-Z]*b[a-zA-Z]*[ \t]+(?:-[a-zA-Z]+[ \t]+){0,4}?"
                                r"\S{1,300}[ \t]+\S{1,200}[ \t]+['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("zip",), LazyPattern(r"\bzip\b(?:[ \t]+(?!-P)\S{1,200}){0,20}?[ \t]+-P[ \t]*['\"]?(?P<value>[^\s'\"]{1,400})")),
    # a secret store's own command: whatever its name, the value is a secret (`gh secret set X --body "..."`)
    (("secret set",), LazyPattern(r"\bgh[ \t]+secret[ \t]+set[ \t]+\S{1,200}(?:[ \t]+(?!--body|-b\b)\S{1,200}){0,6}[ \t]+"
                                  r"(?:--body|-b)(?:[ \t]+|=)['\"]?(?P<value>[^\s'\"]{1,400})")),
)
# What every match of a pattern above holds (in lower case), where its gates are pieces many bodies hold (`default`,
# a `password` key): a text holding none of it is not scanned (one that is not ASCII is, its case folded otherwise)
_MATCHES_HOLD: dict[LazyPattern[str], tuple[str, ...]] = {_NETRC_LINE: (" password", "\tpassword"),
                                                         _SQL_PASSWORD: (" password", "\tpassword")}


def _may_match(pattern: LazyPattern[str], pieces: str) -> bool:
    """Whether ``pieces`` (:func:`_distinct_lines` of a text) holds what each match of ``pattern`` holds."""
    held = _MATCHES_HOLD.get(pattern)
    if held is None or not pieces.isascii():
        return True
    lowered = pieces.lower()
    return any(piece in lowered for piece in held)


# A setter or a command naming a secret key, then its value: Java's `config.setPassword("...")`, Windows' `setx NAME
# "..."`, kubectl's `--from-literal=api-secret=...`
_KEYED_CREDENTIALS = (
    ((".set",), LazyPattern(r"\.set(?P<key>[A-Z][A-Za-z]{1,60})\([ \t]*(?P<q>['\"])(?P<value>[^'\"\r\n]{1,400})(?P=q)")),
    (("setx",), LazyPattern(r"\bsetx[ \t]+(?P<key>[\w.\-]{1,100})[ \t]+['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("--from-literal",), LazyPattern(r"--from-literal=(?P<key>[\w.\-]{1,100})=['\"]?(?P<value>[^\s'\"]{1,400})")),
    # Heroku's `config:set NAME=value ...` (each pair, in a text holding the command), jq's `--arg name value`
    (("config:set",), LazyPattern(r"(?<=[ \t])(?P<key>[A-Za-z_][\w.\-]{0,99})=['\"]?(?P<value>[^\s'\"]{1,400})")),
    (("--arg",), LazyPattern(r"--arg[ \t]+(?P<key>[\w.\-]{1,100})[ \t]+['\"]?(?P<value>[^\s'\"]{1,400})")),
)

# A query parameter whose `=` is mistyped as `:` or a full-width `＝` (the separator is read with it: a pattern that
# starts with the class is scanned for in C)
_MISTYPED_EQUALS = ByScript("[?&;\uff06](?P<name>[A-Za-z_][\\w.\\-]{0,99})(?::|\uff1d)(?!//)"
                             "(?P<value>[^&#\\s\"'\\\\<>\uff06]{6,400})",
                             "[?&;](?P<name>[A-Za-z_][\\w.\\-]{0,99}):(?!//)(?P<value>[^&#\\s\"'\\\\<>]{6,400})",
                             marks="\uff06\uff1d")
_AFTER_A_FULL_WIDTH_AMPERSAND = LazyPattern("\uff06(?P<name>[A-Za-z_][\\w.\\-]{0,99})="
                                           "(?P<value>[^&#\\s\"'\\\\<>\uff06]{6,400})")
def _mistyped_parameters(text: str, pattern: ByScript | LazyPattern[str]) -> Iterator[tuple[int, int]]:
    """The values of credential parameters whose `=` or `&` ``pattern`` reads mistyped."""
    return (match.span("value") for match in pattern.finditer(text)
            if is_credential_parameter(match.group("name")) and not _shown_as_written(match.group("value")))


# A secret key's empty value, then a string with no colon after it (a key without its value: the secret, moved)
_AFTER_AN_EMPTY_VALUE = LazyPattern(r'"(?P<key>[A-Za-z_][\w.\-]{0,99})"[ \t]*:[ \t]*""[ \t]*,[ \t\r\n]*'
                                    r'"(?P<value>[^"\\\r\n]{1,400})"(?=[ \t\r\n]*[,}])')


def _scan_broken(text: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """A value after `"key" =` (`=>`, `;`, `,`) or after a missing colon, in a file that is not JSON.  A missing
    comma is not taken for a missing colon: `"password" "username": ...` is a value and the next key."""
    for match in _BROKEN_KEY.finditer(text):
        if _is_secret(_written_key(match.group("key") or match.group("odd")), extra_keys):
            span = _value_extent(text, match.end())
            if span is None or span[0] >= span[1] or _shown_as_written(text[span[0]:span[1]]):
                continue
            separator = match.group("separator") or match.group("colon")
            if separator is None and (match.group("key") or "")[:1] == "$":
                continue  # a shell's variable in its quotes (`'"$CLOSEIO_API_KEY"'` in a curl body): a name, no key
            if separator in (None, ",") and _KEY_FOLLOWS.match(text, span[1]):
                continue  # the string after it is the next key: a comma is missing, not a colon
            if separator is None and text[match.end()] not in _OPENERS \
                    and not _holds_a_token(text[span[0]:span[1]]):
                continue  # a word after a quoted name is prose (`the "Client Secret" field`), not a value
            yield span
    if '""' in text:  # `"oauth.api.secret": "", "<the value>",`: the value written after an emptied one, as a key
        for match in _AFTER_AN_EMPTY_VALUE.finditer(text):
            if _is_secret(match.group("key"), extra_keys) and not _shown_as_written(match.group("value")):
                yield match.span("value")
    if "=>" in text and ":" in text:
        for match in _SYMBOL_KEY.finditer(text):
            if _is_secret(match.group("key"), extra_keys):
                span = _value_extent(text, match.end())
                if span is not None and span[0] < span[1] and not _shown_as_written(text[span[0]:span[1]]):
                    yield span
    if "=" in text:
        for match in _BARE_BROKEN_KEY.finditer(text):
            if _is_secret(match.group("key"), extra_keys):
                span = _value_extent(text, match.end())
                if span is not None and text[span[0]:span[0] + 1] not in _OPENERS and text[match.end() - 1] == "=" \
                        and match.end() == match.end("key") + 1:  # a shell's assignment (`NAME=value`, no blanks)
                    command = _SHELL_WORD_ENDS.search(text, span[0], span[1])  # `CE_USER=x CE_ORG=y curl ...`: a
                    if command is not None:  # shell's assignments end at a blank, and the next ones are read too
                        yield from _assignments_after(text, command.start(), span[1], extra_keys)
                        span = (span[0], command.start())
                if span is not None and span[0] < span[1] and not _shown_as_written(text[span[0]:span[1]]):
                    yield span


# A literal given as the default of code that reads a value (`process.env.X || '...'`, `os.getenv("X", "...")`,
# `.orElse("...")`, Ruby's `ENV['X'] ||= '...'` and `ENV.fetch('X', '...')`): the value itself when the line names a
# secret
_DEFAULT_FORMS = (("||", r"\|\|=?"), ("??", r"\?\?"), (" or ", r"\bor\b"), ("orElse(", r"orElse\("),
                  ("getenv(", r"getenv\([^,()\r\n]{1,100},"), (".get(", r"\.get\([^,()\r\n]{1,100},"),
                  (".fetch(", r"\.fetch\([^,()\r\n]{1,100},"))  # (piece, form)
_LITERAL_DEFAULT = LazyPattern(r"(?:" + "|".join(form for _, form in _DEFAULT_FORMS) + r")[ \t]*"
                               r"(?P<q>[\"'])(?P<value>[^\"'\r\n]{1,400})(?P=q)")
_NAME_ON_A_LINE = LazyPattern(r"[A-Za-z_][\w.\-]{0,99}")
_DEFAULT_GATES = tuple(piece for piece, _ in _DEFAULT_FORMS)  # (a text holding none has no such default)
# Every piece the scan asks about before reading a table's patterns, each looked for once in a text
_TABLE_GATES = tuple(dict.fromkeys((*_SHELL_MARKERS, *_DEFAULT_GATES,
                                    *(gate for gates, _ in (*_CODE_CREDENTIALS, *_KEYED_CREDENTIALS) for gate in gates))))
# Characters from the rarest in a body to the commonest: each gate is looked for only in a text holding the first of
# them it holds (a text without a gate's character holds none of the gates under it: one test for many)
_RARE_FIRST = "$`~|?(\"'=>:_-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789zqxjkvbpgwyfmculdhrsnioate ."


def _by_rarest_character(gates: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    grouped: dict[str, list[str]] = {}
    for gate in gates:
        rarest = min(gate, key=lambda char: _RARE_FIRST.find(char) if char in _RARE_FIRST else len(_RARE_FIRST))
        grouped.setdefault(rarest, []).append(gate)
    return tuple((char, tuple(members)) for char, members in grouped.items())


_TABLE_GATE_GROUPS = _by_rarest_character(_TABLE_GATES)
_ISSUED_TOKEN_GROUPS = _by_rarest_character(tuple(beginning for beginning, _ in _ISSUED_TOKEN_SHAPES))


def _literal_defaults(text: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    for match in _LITERAL_DEFAULT.finditer(text):
        line_start = max(text.rfind("\n", 0, match.start()) + 1, match.start() - 300)
        if not _shown_as_written(match.group("value")) and any(
                _is_secret(name.group(), extra_keys) for name in _NAME_ON_A_LINE.finditer(text, line_start, match.start())):
            yield match.span("value")


def _assignments_after(text: str, at: int, end: int, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The secret values of the assignments that follow one on a shell's line (`CE_USER=x CE_ORG=y ./run.sh`)."""
    for match in _NEXT_ASSIGNMENT.finditer(text, at, end):
        if _is_secret(match.group("key"), extra_keys) and not _shown_as_written(match.group("value")):
            yield match.span("value")


_NEXT_ASSIGNMENT = LazyPattern(r"[ \t]+(?P<key>[A-Za-z_][\w.]*)=(?P<value>[^\s'\"]+)")


def _quoted_before(text: str, key_start: int) -> str:
    """The quote that opens right before a key (past a shell's `$`), or ""."""
    at = key_start - 1 if text[key_start - 1:key_start] != "$" else key_start - 2
    return text[at] if at >= 0 and text[at] in ("'", '"') else ""


def _describes(value: str, key: str) -> bool:
    """Whether an unquoted value after a secret's name is a sentence about it (`password: This should always be
    blank`, `oauth.api.secret: Sage One API v3 OAuth API Secret`, `password: leave blank`): two words or more, one
    of them words that sentences and descriptions use, or only the key's own words (`sfdc.session.signature: SFDC Session
    Signature`).  (A passphrase of plain words, `correct horse battery staple`, has neither.)"""
    words = [word.lower().strip(".,;:()") for word in value.split()]
    if len(words) < 2 or any(_TOKEN_LIKE.search(word) or _PASSWORD_LIKE.fullmatch(word) or sum(map(str.isdigit, word)) > 1
                             for word in value.split()):
        return False  # (a secret with a comment after it, `Kq9v...  # the prod one`; a passphrase with a year)
    if set(words) <= set(_KEY_WORDS.split(key.lower())):
        return True
    return sum(word in _DESCRIBING_WORDS for word in words) >= 2


_KEY_WORDS = LazyPattern(r"[._\-\s]+")
_DESCRIBING_WORDS = frozenset({"the", "for", "is", "be", "should", "your", "this", "that", "with", "from", "by", "you",
                               "it", "will", "must", "can", "not", "leave", "blank", "empty", "found", "under", "see",
                               "use", "used", "when", "if", "lasts", "days", "hours", "expires", "returned", "shown",
                               "stored", "rotated", "required", "optional", "needed", "always", "never"})


# A comment in a file that is not JSON (after a space, a comma or at a line's start: `https://` is no comment), and
# the words in it: an old or another environment's value is often left in one (`/* old one was ... */`).
# (each branch starts with its mark, which the regex engine scans for in C; the look-behind after it asks for
# the start of the text, a blank or a comma before it: six times faster than asking first; a `/*` never closed
# near it is its line's rest, as CE003 shows it)
_COMMENT = LazyPattern(r"//(?<![^\s,]//)[^\r\n]*|#(?<![^\s,]#)[^\r\n]*|/\*(?:(?s:.){0,2000}?\*/|[^\r\n]*+)")
_COMMENT_WORD = LazyPattern(r"[A-Za-z][\w.\-]*")
# A comment's word between blanks (its closing `*/` left out after), which a password's shape makes a secret
_BLANK_WORD = LazyPattern(r"(?<!\S)[^\s\"'`]{8,200}+")


def _comment_word(word: re.Match[str]) -> tuple[int, int] | None:
    start, end = word.span()
    text = word.group()
    if text.endswith("*/"):
        end -= 2
        text = text[:-2]
    return (start, end) if "://" not in text and reads_like_a_password(text) else None


_COMMENTED_VALUE = LazyPattern(r"(?<![\w.\-])(?P<name>[A-Za-z][\w.\-]{0,99}+)[ \t]*+(?:[:=]|[ \t]is(?=[ \t]))[ \t]*+"
                               r"(?P<value>[^\s\"'`]{4,200}+)")


# A user and a password written with a slash between them (`ops / Hunter2Prod99`): a password's shape after it
_USER_SLASH_PASSWORD = LazyPattern(r"(?<![\w.@/\-])[\w.@\-]{2,64}[ \t]*/[ \t]*"
                                   r"(?P<value>(?=[^\s/]*\d)(?=[^\s/]*[a-z])(?=[^\s/]*[A-Z])[^\s/,;)\]]{8,200})")
# Words of a comment that give a login's user and password after them (`// sandbox login is ops / Tr0ub4dor3`)
_LOGIN_WORDS = frozenset({"login", "logins", "creds", "credentials", "signin", "sign-in"})


def _commented_secrets(text: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """In a comment that names a secret, or ends a line that does (`# password for staging is ...`,
    `"password": "${PW}" /* old one was ... */`), each word that reads like a token (letters and digits, 8 or
    more); and in any comment, the value of a name ending in `key` when it has a key's shape (`// live key: ...`)."""
    if ("//" not in text and "#" not in text and "/*" not in text) or _COMMENT.search(text) is None:
        return
    # where the words naming a secret are, found once (a hostile one-line file holds many comments); only those on a
    # comment's line before its end are asked about (below, a comment is read for the words that name a secret there)
    lines = _comment_lines(text)
    at = 0
    named: list[int] = []
    judged: dict[str, bool] = {}
    before = ""
    for word in _COMMENT_WORD.finditer(text):
        while at < len(lines) and lines[at][1] <= word.start():
            at += 1
        if at == len(lines) or word.start() < lines[at][0]:
            before = word.group().rstrip(".-")
            continue
        found = judged.get(word.group())
        if found is None:
            found = judged[word.group()] = _is_secret(word.group().rstrip(".-"), extra_keys) \
                or word.group().rstrip(".-").lower() in _LOGIN_WORDS
        if not found and before:  # two words that name one together (`API key`, `access token`)
            pair = f"{before}_{word.group().rstrip('.-')}"
            found = judged.get(pair)
            if found is None:
                found = judged[pair] = _is_secret(pair, extra_keys)
        if found:
            named.append(word.start())
        before = word.group().rstrip(".-")
    if "key" in text.lower():  # a key no word names as a secret, whose value reads like one (`// live key: ...`,
        # `# SAGE_KEY=...`)
        for comment in _COMMENT.finditer(text):
            yield from (value.span("value") for value in _COMMENTED_VALUE.finditer(text, comment.start(), comment.end())
                        if value.group("name").lower().endswith("key") and _key_shaped(value.group("value")))
    if " / " in text or "/" in text and ":" in text:  # `// prod: ops / Hunter2Prod99`: a user and password
        for comment in _COMMENT.finditer(text):
            yield from (pair.span("value") for pair in _USER_SLASH_PASSWORD.finditer(text, comment.start(), comment.end()))
    if not named:
        return
    for comment in _COMMENT.finditer(text):
        line_start = _comment_line_start(text, comment)
        index = bisect_left(named, line_start)
        if index < len(named) and named[index] < comment.end():
            yield from (token.span() for token in _WORD_TOKEN.finditer(text, comment.start(), comment.end()))
            yield from (word.span() for word in _LONG_WORD.finditer(text, comment.start(), comment.end())
                        if _random_letters(word.group()))
            # and a word with a password's punctuation and shape (`/* password 6egS;zxy~Mzan%mT */`: no `:` or `=`)
            yield from (span for span in map(_comment_word, _BLANK_WORD.finditer(text, comment.start(), comment.end()))
                        if span is not None)
            # and the value written after the name, punctuation and all (`# password = Hs6q%$r2Y-a@Bp<u`)
            yield from (value.span("value") for value in _COMMENTED_VALUE.finditer(text, comment.start(), comment.end())
                        if _is_secret(value.group("name"), extra_keys) and not _showable(value.group("value")))


def _comment_line_start(text: str, comment: re.Match[str]) -> int:
    """Where the line of a comment starts: the words naming a secret there are the comment's (bounded: the line before
    it is read as far as :data:`_QUOTE_REACH`)."""
    reach = max(0, comment.start() - _QUOTE_REACH)
    return max(text.rfind("\n", reach, comment.start()) + 1, reach)


def _comment_lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each comment's line up to the comment's end, in order, those that overlap joined."""
    joined: list[tuple[int, int]] = []
    for comment in _COMMENT.finditer(text):
        start = _comment_line_start(text, comment)
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], comment.end()))
        else:
            joined.append((start, comment.end()))
    return joined


def _written_key(key: str) -> str:
    """A key as the platform would read it: escapes decoded (`pass\u0077ord`), spaces around it dropped."""
    if "\\" in key:
        try:
            key = json.loads(f'"{key}"')
        except ValueError:
            return key.strip()  # an escape JSON does not read: the key as written
    return key.strip()


def _broken_value(text: str, start: int, span: tuple[int, int] | None) -> tuple[list[tuple[int, int]], int]:
    """Beyond ``span``, what the value of a secret key written at ``start`` holds in a file that is not JSON: the
    rest of a string that holds an unescaped quote (`"Kq9v"w8Lm"`, but not `"${PW}" "next": ...`, a missing
    comma) and the values of an array; and where an array ends (the keys inside it are read with it)."""
    opener = text[start]
    trailing = _TRAILING_PIECE.match(text, span[1]) if opener == '"' and span is not None and span[1] < len(text) \
        else None
    if trailing is not None:  # `"Sup3r-" "S3cret!xQ9"`, `"Kq9v..." w8Lm...`: the rest of it, split off by a typo
        return [trailing.span("piece")], 0
    continued = _CONTINUED_PIECE.match(text, span[1]) if opener == '"' and span is not None else None
    if continued is not None:
        return [continued.span("piece")], 0
    if opener == '"' and span is not None and _INSIDE_QUOTE.match(text, span[1]):
        newline = text.find("\n", span[1], span[1] + _QUOTE_REACH)
        limit = min(len(text), span[1] + _QUOTE_REACH) if newline == -1 else newline
        later = _LAST_CLOSE.search(text, span[1] + 1, limit)
        if later is None or _KEY_FOLLOWS.search(text, span[1] + 1, later.start() + 1):
            return [], 0  # what follows holds a key: the string was left unclosed, the key is not its text
        return [(span[0], later.start())], 0
    if opener not in "[{" or text.startswith("{{", start):  # (`{{ secrets.X }}`: a template's expression)
        return [], 0
    # braces written for brackets hold it too (`{"Kq9v..."}`, a set's), and so do an object's members, as a parsed
    # document's are all secret under a secret key (`{"type": "string", "value": "Kq9v..."}`), up to a key that is
    # the body's own (a dotted configuration key, `name`, `tags`): an object left unclosed runs on into them
    end = _array_end(text, start, member=_object_member if opener == "{" else None)
    found = []
    comment_end = -1
    member = None  # the key just read, in an object
    for inner in _INNER_VALUE.finditer(text, start + 1, end):
        if inner.start() < comment_end:
            continue
        if inner.group("key") is not None:
            member = inner.group("string")
            continue
        if inner.group("string") is None and inner.group("bare") is None:
            continue  # (a comma, a colon, a blank)
        read, member = member, None
        if read in _KIND_MEMBERS and _names_a_kind(inner.group("string") or inner.group("bare")):
            continue  # (`"authentication": {"type": "oauth2"}`, as the walk of a parsed document shows it)
        bare = inner.group("bare")
        if bare is not None and bare.startswith(("//", "/*", "#")):  # a comment among its members: not a value
            close = text.find("*/", inner.start() + 2) + 2 if bare.startswith("/*") else text.find("\n", inner.start())
            comment_end = len(text) if close in (-1, 1) else close
            continue
        group = "string" if inner.group("string") is not None else "bare"
        if inner.group(group) and inner.group("key") is None and not _showable(inner.group(group)):
            found.append(inner.span(group))
    return found, end


_BRACKET_REACH = 100_000
# How far a bare value runs: a token (and a header such as `Authorization: Bearer <a long JWT>`), not a line.
_BARE_REACH = 1_000
_HEADER_REACH = 8_000


# The keys of an instance body and its configuration's, where an unclosed object's members end
_BODY_KEYS = frozenset({"element", "name", "tags", "configuration", "providerData", "disabled"})


def _object_member(key: str) -> bool:
    """Whether ``key``, in an object under a secret key in a file that is not JSON, may be the object's own."""
    return "." not in key and key not in _BODY_KEYS


def _array_end(text: str, start: int, *, member: Callable[[str], bool] | None = None) -> int:
    """Where the array opening at ``start`` closes (strings skipped), or where it evidently ended unclosed: at a
    bracket that closes what holds it, or before a key; for an object, before a key that ``member`` says is not
    one of its own."""
    depth, index, limit = 0, start, min(len(text), start + _BRACKET_REACH)
    while index < limit:
        char = text[index]
        if char == '"':
            opening = index
            index += 1
            while index < limit and text[index] not in '"\n':
                index += 2 if text[index] == "\\" else 1
            if depth == 1 and _KEY_FOLLOWS.match(text, index) and (member is None
                                                                   or not member(text[opening + 1:index])):
                return opening
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return limit


_KEY_FOLLOWS = LazyPattern(r"\"[ \t]*+:")
# After a value's closing quote, a second string or a bare word before the member's end (a value split by a typo:
# `"Sup3r-" "S3cret"`, `"Sup3r" + "S3cret"`, `"Kq9v..." w8Lm...`); not the next key (`"x" "name": ...`)
_TRAILING_PIECE = LazyPattern(r'"[ \t]*+(?:\+[ \t]*+(?:\r?\n[ \t]*+)?)?(?P<piece>"[^"\\\r\n]{1,400}"|[^\s,}\]":{\[/]{2,400})'
                              r'(?=[ \t]*(?:[,}\]]|\r?\n|$))')
# The line after a string left unclosed, when it ends that string (`"Kq9v...\` or `"Kq9v...` then `w8Lm..."`): the
# value written on over two lines, its second half
_CONTINUED_PIECE = LazyPattern(r'\r?\n[ \t]*+(?P<piece>[^"\\\r\n]{1,400}+)"(?=[ \t]*+(?:[,}\]]|\r?\n|$))')
# A closing quote with a character right after it that no value is followed by: the quote was inside the string.
_INSIDE_QUOTE = LazyPattern(r"\"[^\s\"',}\]:/]")


def _scheme_credential(value: str) -> bool:
    """Whether what follows an authorization scheme's name (`Basic ybUHvzdLXFQrkVarkM`, `Token 9944b09199c6...`) is a
    credential though it decodes to no `user:password`: a token's letters and digits, or a run of twelve or more
    whose letters change case past its first (not a word: `Basic Authentication`)."""
    if _holds_a_token(value):
        return True
    letters = value.rstrip("=")
    return len(letters) >= 12 and letters[1:] != letters[1:].lower() and letters != letters.upper()


def _is_basic_credential(value: str) -> bool:
    """Whether ``value`` is base64 of ``user:password``, as HTTP Basic sends it."""
    import binascii

    if "\\" in value:
        value = value.replace("\\/", "/").replace("\\u002B", "+").replace("\\u002b", "+") \
            .replace("\\u002F", "/").replace("\\u002f", "/")

    if len(value) % 4 == 1:
        return False
    try:  # (padding is often left out)
        decoded = binascii.a2b_base64(value.encode("ascii") + b"=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return False
    return b":" in decoded and not any(byte < 0x20 for byte in decoded)


def _shell_credentials(text: str) -> Iterator[tuple[int, int]]:
    """The credentials of command lines in ``text`` (see :data:`_SHELL_CREDENTIAL`)."""
    curl = "curl" in text  # (asked once: a text may hold thousands of `-b`)
    for match in _SHELL_CREDENTIAL.finditer(text):
        kind = _shell_kind(text, match, curl=curl)
        if kind is None:
            continue
        group = next(name for name in _SHELL_GROUPS[kind] if match.group(name) is not None)
        start, end = match.span(group)
        if kind == "user":
            word = match.group(group)
            colon = word.find(":")
            if colon == -1 and _bearer_auth(text, match, start, end):
                yield _unquoted(text, start, end)  # httpie's `--auth-type=bearer --auth=<token>`: no user, a token
                continue
            if colon == -1 or _URL_START.match(word) or not _takes_credentials(text, match):
                continue  # `-u admin` (curl asks), `-a https://...` (curl's --append), `date -u +%H:%M`
            user_start, user_end = _unquoted(text, start, start + colon)
            if user_start < user_end and _key_shaped(text[user_start:user_end]):
                yield user_start, user_end  # `-u live_<key>:`: the API key is the Basic username
            start, end = _unquoted(text, start + colon + 1, end)
        quote = text[match.start() - 1] if match.start() else ""
        if group == "value" and quote in _ARGUMENT_VALUE_END:  # a name=value inside a quoted argument
            found = _ARGUMENT_VALUE_END[quote].search(text, start)
            end = found.start() if found else len(text)
        if start < end and not _shown_as_written(text[start:end]):
            yield start, end
            if text[end:end + 1] in ("'", '"'):
                yield from _glued_pieces(text, end)


def _bearer_auth(text: str, match: re.Match[str], start: int, end: int) -> bool:
    """Whether httpie's `-a`/`--auth` gives a token on a line that says the scheme is bearer's (`-A bearer`,
    `--auth-type=bearer`)."""
    if match.group("user_option") not in ("-a", "--auth") or not _takes_credentials(text, match):
        return False
    before, after = text[max(0, start - 200):start], text[end:end + 200]  # (near it: a line of thousands stays linear)
    near = before[before.rfind("\n") + 1:] + after.split("\n", 1)[0]
    return ("-A" in near or "--auth-type" in near) and "bearer" in near.lower() \
        and not _shown_as_written(text[start:end].strip("'\""))


# A quoted piece glued on, after a continuation (`'Bearer abc'\` then `'def'`) or at once (`"abc""def"`): the shell
# joins it to the word before
_GLUED_PIECE = LazyPattern(r"""['"](?:\\\r?\n)?(?P<q>['"])(?P<piece>(?:\\[^\r\n]|(?!(?P=q))[^\\\r\n]){1,8000})(?P=q)""")


def _glued_pieces(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The quoted pieces the shell joins to a value that closes its quote at ``at``."""
    for _ in range(20):  # (bounded: a text of thousands of glued pieces is read piece by piece, each once)
        piece = _GLUED_PIECE.match(text, at)
        if piece is None or _shown_as_written(piece.group("piece")):
            return
        yield piece.span("piece")
        at = piece.end() - 1


# An HTTP request's start line (a `.http` file's, a page's), then its header lines, one of them without its colon
_REQUEST_LINE = LazyPattern(r"^[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\S+[^\r\n]*(?:\r?\n|\r)", re.M)
_COLONLESS_HEADER = LazyPattern(r"[ \t]*(?P<key>[A-Za-z][\w-]{1,60})[ \t]+(?P<value>[^\s:][^\r\n]{3,400}?)[ \t]*(?=\r?\n|\r|$)")
_HEADER_LINE = LazyPattern(r"[^\r\n]+(?:\r?\n|\r|$)")


def _colonless_headers(text: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The value of a secret header written without its colon under an HTTP request line (`X-Vendor-Key <key>`)."""
    for request in _REQUEST_LINE.finditer(text):
        at = request.end()
        while (line := _HEADER_LINE.match(text, at)) is not None and line.group().strip():
            header = _COLONLESS_HEADER.match(text, at, line.end())
            key = header.group("key") if header is not None else ""
            if header is not None and (key.lower() in ("authorization", "cookie", "proxy-authorization")
                                       or "-" in key and _is_secret(key, extra_keys)) \
                    and not _shown_as_written(header.group("value")) and _holds_a_token(header.group("value")):
                yield header.span("value")
            at = line.end()


def _shell_kind(text: str, match: re.Match[str], *, curl: bool) -> str | None:
    """Which credential of :data:`_SHELL_GROUPS` ``match`` holds, or None when its name is not a secret's;
    ``curl``: the text runs curl."""
    for kind in ("option", "name", "psname", "assign", "header"):
        name = match.group(kind)
        if name is None:
            continue
        secret = is_credential_parameter(name) or (kind == "option" and name.lower() in _SECRET_OPTIONS) or (
            kind == "header" and (_is_header(name) or may_hold_a_secret(name)))  # (`-H "X-Vendor-Key ..."`)
        return kind if secret else None
    if match.group("cookie") is not None or match.group("cookie_quoted") is not None:
        if text.startswith("-b", match.start()) and not curl:  # wget's -b: in the background
            return None
        return "cookie"  # curl's -b/--cookie: the session (or a cookie jar's file name)
    return "user"


_URL_START = LazyPattern(r"['\"]?[A-Za-z][\w+.\-]*://")
# Commands whose -u/-a is not a user and password (`date -u +"%H:%M"`, `grep -a`, `sudo -u deploy`); any other
# command's is masked (curl's, wget's, httpie's, and one inside a variable: `CURL_ARGS="-u admin:pw"`).
_OTHER_COMMANDS = frozenset({"date", "gdate", "grep", "egrep", "fgrep", "rg", "ls", "ssh", "scp", "sftp", "sudo", "su",
                             "echo", "printf", "ps", "sort", "uniq", "cut", "tr", "sed", "awk", "tar", "cp", "mv", "rm", "ln", "id",
                             "docker", "podman", "kubectl", "git", "ulimit", "set", "umask", "tail", "head", "diff",
                             "xargs", "runuser", "crontab", "top", "kill", "pkill", "who", "nc", "netstat", "lsof"})
_COMMAND = LazyPattern(r"[ \t]*+(?:[A-Za-z_]\w*+=\S*+[ \t]++)*([\w./-]++)")  # no possessive group: 3.11.2


def _takes_credentials(text: str, match: re.Match[str]) -> bool:
    """Whether the command an option belongs to may take a user and password with it (not `date -u`)."""
    at = match.start()
    line_start = text.rfind("\n", max(0, at - 2000), at) + 1
    segment = max(line_start, *(text.rfind(mark, line_start, at) + 1 for mark in ";&|(`"))
    found = _COMMAND.match(text, segment, at)
    return found is None or found.group(1).rsplit("/", 1)[-1] not in _OTHER_COMMANDS \
        or _PASSED_ON.search(text, found.end(), at) is not None


# What makes the options after it another command's: `--`, which ends a command's own options (`set -- --user
# admin:pw`, `kubectl exec pod -- curl -u ...`), or a command that takes credentials (`sudo curl -u ...`)
_PASSED_ON = LazyPattern(r"(?<!\S)(?:--|curl|wget|https?)(?=[ \t])")


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` less the quotes around it (`'pw'`, `"pw"`, `$'pw'`, `“pw”`)."""
    while start < end and text[start] in "$'\"“" and (text[start] != "$" or text[start + 1:start + 2] in ("'", '"')):
        start += 1
    while end > start and text[end - 1] in "'\"”":
        end -= 1
    return start, end


_BRACKET = LazyPattern(r"[{}\[\]]")


def _objects_of(text: str, key_starts: list[int]) -> dict[int, int | None]:
    """For each key written at one of ``key_starts`` (in the text's order): where the object holding it opens
    (its ``{``), or ``None`` when it is in an array or in nothing.  Read from the brackets alone, without parsing
    (a bracket inside a string counts), in one pass over the text."""
    found: dict[int, int | None] = {}
    opened: list[int] = []
    brackets = _BRACKET.finditer(text)
    bracket = next(brackets, None)
    for key_start in key_starts:
        while bracket is not None and bracket.start() < key_start:
            if bracket.group() in "{[":
                opened.append(bracket.start())
            elif opened:
                opened.pop()
            bracket = next(brackets, None)
        found[key_start] = opened[-1] if opened and text[opened[-1]] == "{" else None
    return found


def _object_key(text: str, backwards: str, brace: int | None) -> str | None:
    """The key of the object opening at ``brace`` (`"signature": {` gives `signature`), or ``None``."""
    if brace is None:
        return None
    after = len(text) - brace  # in the reversed text, what is written before the brace
    gap = _GAP.match(backwards, after)
    found = _keys_backwards(backwards).match(backwards, gap.end() if gap else after)
    return found.group(1)[::-1] if found else None


def _names_a_secret(text: str, after_colon: int, extra_keys: frozenset[str]) -> bool:
    """Whether the value written after a pair's name key (`"name": "X-Api-Key"`) is a secret key or header."""
    gap = _GAP.match(text, after_colon)
    span = _value_extent(text, gap.end() if gap else after_colon)
    if span is None or span[0] >= span[1]:
        return False
    label = text[span[0]:span[1]]
    return _is_secret(label, extra_keys) or _is_header(label)


def _key_places(backwards: str) -> list[tuple[str, int, int]]:
    """``(key, start, end)`` of every key :data:`_KEY` finds, in the text's order (``end`` is after the colon);
    ``backwards`` is the text reversed, read from colon to colon in one pass."""
    size = len(backwards)
    pattern, escaped = _key_pattern(backwards)
    if escaped:
        places = [(_unescaped(match.group(1)[::-1]), size - match.end(1), size - match.start())
                  for match in pattern.finditer(backwards)]
    else:
        places = [(match.group(1)[::-1], size - match.end(1), size - match.start()) for match in
                  pattern.finditer(backwards)]
    places.reverse()
    return places


def _keys_of(backwards: str) -> set[str]:
    """The keys of :func:`_key_places`, without their places (the same pass, its keys gathered in C)."""
    pattern, escaped = _key_pattern(backwards)
    found = set(pattern.findall(backwards))
    return {_unescaped(key[::-1]) for key in found} if escaped else {key[::-1] for key in found}


def _key_pattern(backwards: str) -> tuple[LazyPattern[str], bool]:
    """The pattern that reads the keys of the reversed text ``backwards`` (its one group: a key, reversed), and whether
    a key it reads holds escapes to decode (:func:`_unescaped`)."""
    if "2200" in backwards or "u\\" in backwards:
        return (_UNICODE_KEY_BACKWARDS if "u\\" in backwards else _ESCAPED_KEY_BACKWARDS), True
    return _keys_backwards(backwards), False


def _keys_backwards(backwards: str) -> LazyPattern[str]:
    """The pattern reading the keys of ``backwards`` written without escapes."""
    # (most texts are ASCII: no typographic quote or invisible character there to read around)
    return _ASCII_KEY_BACKWARDS if backwards.isascii() or not any(mark in backwards for mark in _KEY_MARKS) \
        else _KEY_BACKWARDS


def _unescaped(key: str) -> str:
    """``key`` without the ``u0022`` left of a ``\\u0022`` before it (the pattern reads it as part of the key),
    and with its own ``\\uXXXX`` escapes decoded."""
    key = key[5:] if key[:5] in ("u0022", "U0022") and len(key) > 5 else key
    return _KEY_ESCAPE.sub(lambda escape: chr(int(escape.group(1), 16)), key) if "\\" in key else key


_STRING_PREFIX = LazyPattern(r"(?i:[fbru]|rb|br|fr|rf)[\"']")
# A YAML block scalar's indicator (`|`, `>-`, `|+2`), after a tag (`!vault |`, an encrypted value), ending its line
_BLOCK_SCALAR = LazyPattern(r"(?P<tag>![\w!]*[ \t]+)?[|>][-+]?[0-9]?[ \t]*(?:#[^\r\n]*)?\r?\n")


_BLOCK_REACH = 16_000


def _block_scalar(text: str, start: int, body: int) -> tuple[int, int] | None:
    """The span of a YAML block scalar's lines: from ``body`` (after its indicator's line), those indented deeper
    than the line of its key (which holds ``start``), blank lines among them."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = len(text[line_start:start]) - len(text[line_start:start].lstrip(" "))
    end = at = body
    limit = min(len(text), body + _BLOCK_REACH)  # (a private key's lines at most: not a whole file nested under keys)
    while at < limit:
        line_end = text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        line = text[at:line_end]
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break
        if line.strip():
            end = line_end - (1 if line.endswith("\r") else 0)
        at = line_end + 1
    first = body + len(text[body:end]) - len(text[body:end].lstrip())
    return (first, end) if first < end else None


# What follows a command line's quoted argument: another option, an address, a continuation, the line's end
_NEXT_ARGUMENT = LazyPattern(r"[ \t]*+(?:-[A-Za-z](?=[ \t])|--[a-z][\w\-]*+|https?://|\\?\r?$|\\?\n)", re.M)


def _value_extent(text: str, start: int, *, header: bool = False, quote: str = "") -> tuple[int, int] | None:
    """``[start, end)`` of the value written at ``start``, quotes excluded ; ``None`` for an object or array.

    ``header``: the value of a header such as ``Authorization: User x, Organization y``, which a bare value's
    comma does not end (a quote or the line does).  ``quote``: the quote the key and its value are written in
    (`-H 'X-Api-Key: x' -H ...`, a header in a shell's quotes), which ends a bare value."""
    prefixed = _STRING_PREFIX.match(text, start)
    if prefixed is not None:  # a string with its prefix (Python's `f"User {X}"`): the string is the value
        start = prefixed.end() - 1
    slashes = 0
    while start + slashes < len(text) and text[start + slashes] == "\\":
        slashes += 1
    if start + slashes >= len(text):
        return None
    opener = text[start + slashes]
    if opener == "{" and text.startswith("{{", start + slashes):  # a template's expression left unquoted (`{{ .x }}`)
        close = text.find("}}", start + slashes, start + slashes + _BARE_REACH)
        newline = text.find("\n", start + slashes, close)
        if close != -1 and newline == -1:
            return start + slashes, close + 2
    if opener in "$#" and text.startswith("{", start + slashes + 1):  # a reference left unquoted, whole: `${X}`,
        # `${{ secrets.X }}`, `#{X}` (a bare value would end at its first `}`)
        double = text.startswith("{{", start + slashes + 1)
        close = text.find("}}" if double else "}", start + slashes, start + slashes + _BARE_REACH)
        newline = text.find("\n", start + slashes, close)
        if close != -1 and newline == -1:
            return start + slashes, close + (2 if double else 1)
    if opener in "{[":
        return None
    if opener in _OPENERS:
        begin = start + slashes + 1
        closers = _SMART_CLOSERS if opener in "“”‘’„\ufffd" else opener
        newline = text.find("\n", begin, begin + _BRACKET_REACH)  # bounded: a one-line file has many values
        limit = min(len(text), begin + _BRACKET_REACH) if newline == -1 else newline
        if slashes == 0 and opener == '"':  # the common case at C speed: no escape before the closing quote
            close = text.find('"', begin, limit)
            if close != -1 and text.find("\\", begin, close) == -1 and text[close - 1] != "`":
                return begin, close
        index = begin
        while index < limit:
            char = text[index]
            if char == "\\" and slashes == 0 or char == "`" and opener == '"' and text[index + 1:index + 2] == '"':
                index += 2  # (an escape: JSON's and the shells' `\"`, PowerShell's `` `" ``)
                continue
            if char in closers and _preceding_slashes(text, index, begin) == slashes \
                    and not (char == "'" and text[index - 1:index].isalpha() and text[index + 1:index + 2].isalpha()):
                return begin, index - slashes  # (an apostrophe between letters, `'it's ...'`, is the value's own)
            index += 1
        return begin, limit - 1 if limit > begin and text[limit - 1] == "\r" else limit  # never closed
    scalar = _BLOCK_SCALAR.match(text, start)
    if scalar is not None:  # YAML's `password: |` (or `>-`): the value is the lines indented under the key's
        encrypted = (scalar.group("tag") or "").strip() == "!vault"  # (Ansible's: encrypted before it was written)
        return None if encrypted else _block_scalar(text, start, scalar.end())
    reach = min(len(text), start + (_HEADER_REACH if header else _BARE_REACH))  # a bare value is a token
    bare_end = (_HEADER_END if header else _BARE_END).search(text, start, reach)
    end = bare_end.start() if bare_end else reach
    while header and quote and end < reach and text[end] in "\r\n" and text[end - 1] == "\\":
        # a header's value in a shell's quotes, its line ended by a backslash: the quotes go on, and so does the value
        more = _HEADER_END.search(text, end + (2 if text.startswith("\r\n", end) else 1), reach)
        end = more.start() if more else reach
    closed = text.find(quote, start, end) if quote else -1
    if closed != -1 and _NEXT_ARGUMENT.match(text, closed + 1):  # (not a quote inside the value: `Kq9v'Zt7...`)
        end = closed
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def _preceding_slashes(text: str, index: int, begin: int) -> int:
    run = 0
    while index - 1 - run >= begin and text[index - 1 - run] == "\\":
        run += 1
    return run


def _walk_document(source: Source, value: Any, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Spans of secrets in a decoded document (and in every stringified poller inside it)."""
    # Containers go on the stack; a member's scalar value is judged where it is met (most of a document).
    stack: list[tuple[Any, JsonPath, bool]] = [(value, None, False)]
    while stack:
        node, path, secret = stack.pop()
        if isinstance(node, list):
            # a pair written as a list (`["X-Api-Key", "..."]`): its second string is secret when the first names one
            pair = len(node) == 2 and isinstance(node[0], str) and isinstance(node[1], str) \
                and (_is_secret(node[0], extra_keys) or _is_header(node[0]))
            stack.extend((child, (index, path), secret or (pair and index == 1)) for index, child in enumerate(node))
            continue
        if not isinstance(node, dict):
            yield from _scalar_spans(source, node, path, secret)
            if not secret and isinstance(node, str) and len(node) >= 12 and (" " in node or "=" in node
                                                                             or not node.isascii()):
                for start, end in _named_in_text(node):  # an array's string (`"tags": ["password is Kq9v..."]`)
                    yield source.string_span(pointer_of(path), start, end)
                header = _header_without_colon(node)
                if header is not None:
                    yield source.string_span(pointer_of(path), *header)
            continue
        # (a label matters only beside a value it may name: the most objects with a `name`, the body itself, have none,
        # and their names, an instance's own, each cost a first question)
        label = None if _PAIR_NAME_SET.isdisjoint(node) or _PAIR_VALUES.isdisjoint(node) else next(
            (node[field] for field in _PAIR_NAMES if isinstance(node.get(field), str)), None)
        pair = label is not None and (_is_secret(label, extra_keys) or _is_header(label))
        # a list of name/value pairs under a secret key (Postman's `"bearer": [{"key": "token", "value": ...,
        # "type": "string"}]`): the values are secret, not the names and types beside them (words, not tokens)
        paired = secret and label is not None and path is not None and isinstance(path[0], int) \
            and not _PAIR_VALUES.isdisjoint(node)
        # a `key` nested under its parent's name is the dotted key it spells (`"signature": {"key": ...}`); only
        # the few words a secret key ends in that are no secret alone (and so few strings for the cache)
        parent = path[0] if path is not None and isinstance(path[0], str) and path[0] != "configuration" else None
        for name, child in node.items():
            text = child if isinstance(child, str) else None
            if text is not None and (name == POLLER_KEY or text[:1] in "{[" and text[:2] != "{{"
                                     and _LOOKS_LIKE_JSON.match(text) is not None):
                yield from _embedded(source, pointer_of((name, path)), extra_keys)  # (and a request's `raw` body)
                if name == POLLER_KEY:
                    continue
            if len(name) >= 10 and not name.isalpha():  # (letters alone: no value joined, no token's digits)
                inside = _secret_in_key(name, extra_keys)
                if inside is None and text is not None and _swapped_with_its_key(name, text, extra_keys):
                    inside = 0, len(name)  # `"<the secret>": "signature.secret"`: the key and its value swapped
                if inside is not None:
                    yield _key_part(source, pointer_of((name, path)), name, *inside)
            # (a pair's name or type is shown when it names, not when a token is written there: `"key": "Kq9v..."`)
            under_secret = (secret and (not paired or name in _PAIR_VALUES or not _names_a_kind(child))
                            and not (name in _KIND_MEMBERS and _names_a_kind(child))) or ((
                _is_secret(name, extra_keys)
                or (parent is not None and name.lower() in _NESTED_TAILS and _is_secret(f"{parent}.{name}", extra_keys))
                or (pair and name in _PAIR_VALUES)) and not is_single_entry(child))  # (`api-keys`: a resource's name)
            if text is None:
                if isinstance(child, (dict, list)):
                    stack.append((child, (name, path), under_secret))
                elif under_secret:
                    yield from _scalar_spans(source, child, (name, path), under_secret)
                continue
            pointer = None
            for start, end in _member_spans(name, text, under_secret):
                pointer = pointer or pointer_of((name, path))
                yield _inside_quotes(source, pointer) if start == _WHOLE else source.string_span(pointer, start, end)


def _member_spans(name: str, text: str, under_secret: bool) -> tuple[tuple[int, int], ...]:
    """Offsets in a string member's decoded ``text`` of the secrets it holds by itself (``(_WHOLE, _WHOLE)``: all of it,
    inside its quotes): what the member's key ``name`` and ``under_secret`` (a secret key's value) make of its text."""
    if len(text) + len(name) > _REMEMBERED_LENGTH:  # (a long key too: a language server keeps the memo for days)
        return _judged_member_spans(name, text, under_secret)
    return _remembered_member_spans(name, text, under_secret)


def _judged_member_spans(name: str, text: str, under_secret: bool) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    if under_secret or _has_equals(text) or "@" in text or _names_a_user(name):
        spans += _text_spans(name, text, under_secret)
    if not under_secret and (name in _CLOSED_VALUE_KEYS or name[-3:].lower() == "url"
                             and name.lower().endswith(_CALLBACK_KEYS) and ":" not in text
                             and text[:1] != "/" and not _HOST.fullmatch(text)) \
            and unquotable(text, closed=name in _CLOSED_VALUE_KEYS) is not None:  # a credential pasted into the
        # wrong field (a URL's: no scheme, path or host name; a relative path's token is its own, below)
        spans.append((_WHOLE, _WHOLE))
    if not under_secret and len(text) >= 12 and (" " in text or "=" in text or not text.isascii()):  # (`密钥：...`,
        # `パスワードはKq9v...`: a name, its particle and the value, no blank between)
        spans += _named_in_text(text)  # `"notes": "rotated, API key: Kq9v..."`
        header = _header_without_colon(text)
        if header is not None:
            spans.append(header)
    if not under_secret and "igest " in text:  # HTTP Digest credentials: the response and the nonces after it
        spans += (digest.span("value") for digest in _DIGEST_CREDENTIALS.finditer(text))
    if text[:1] == "/" and name.lower().endswith(_CALLBACK_KEYS):
        spans += _path_tokens(text, 0, len(text))  # a callback's path without its host
    elif text[:1] == "/" and "/" in text[1:] and _CREDENTIAL_SEGMENT.search(text) is not None:
        spans += (match.span("value") for match in _CREDENTIAL_SEGMENT.finditer(text)  # a relative URL's `/apikey/<token>`
                  if _credential_after(match.group("segment"), match.group("value")))
    return tuple(spans)


# Bodies repeat most of their strings (a template's keys and placeholders in file after file, a value in every poller
# entry): each is judged once per process, but a long one (rarely written twice) is not kept
_remembered_member_spans = lru_cache(maxsize=8192)(_judged_member_spans)
_REMEMBERED_LENGTH = 2048  # characters of a key and its text together
_WHOLE = -1  # the start and end of a span that is the whole string, inside its quotes


# A host name, and maybe its port and path (`app1.mycompany.com`, `hooks2.example.com/in`): a URL written without its
# scheme, no token
HOST_LABELS = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"  # (a host name's labels before its last)
_HOST = LazyPattern(HOST_LABELS + r"[a-z]{2,24}(?::\d{1,5})?(?:/\S*)?")
# Keys whose value is one of a few words or a number: a value there with a password's or a token's shape is a
# credential pasted into the wrong field (`"event.vendor.type": "Hunter2Prod99"`), which no message quotes either
_CLOSED_VALUE_KEYS = frozenset({"event.vendor.type", "event.notification.enabled", "event.poller.refresh_interval",
                                "country", "event.notification.subscription.enabled"})


# An HTTP Digest authorization's parameters (`Digest username="ops", response="6629fa..."`): masked from the scheme
# on, as the response is a password's hash
_DIGEST_CREDENTIALS = LazyPattern(r"(?i)\bDigest[ \t]+(?P<value>[^\r\n]{8,2000})")


# A header written in a string without its colon (`"X-Api-Key Kq9v..."`, `"Authorization Token Kq9v..."`)
_HEADER_IN_A_STRING = LazyPattern(r"(?P<name>[A-Za-z][\w-]{1,60})[ \t]+(?P<value>\S[^\r\n]{5,400})")


def _header_without_colon(text: str) -> tuple[int, int] | None:
    """The value of a secret header written in a string without its colon, when it holds a token."""
    header = _HEADER_IN_A_STRING.fullmatch(text)
    if header is None or not (_is_header(header.group("name")) or _is_secret(header.group("name"), frozenset())):
        return None
    value = header.group("value")
    return header.span("value") if _holds_a_token(value) and not _shown_as_written(value) else None


# A secret's label in emphasis or code, then its value (`**API key:** X`, `**Client Secret**: X`, `` `oauth.api.secret`:
# `X` ``), or a secret's name before its value in code (``password `X` ``)
_LABELLED = LazyPattern(r"(?P<mark>\*\*|__|`)(?P<label>[A-Za-z][\w .\-]{1,60}?)(?::(?P=mark)|(?P=mark)[ \t]*:)[ \t]*"
                        r"(?P<code>`?)(?P<value>[^\s`*]{8,200})"
                        r"|(?i:\b(?P<name>password|passwd|passphrase|secret|api[ _-]?key|token))(?:\*\*|__|\*|_)?[ \t]+`(?P<coded>[^\s`]{8,200})`")
# `headers["X-Api-Key"] = "..."`, `os.environ["SAGE_API_SECRET"] = "..."`, `$config['password'] = '...'`
_SUBSCRIPT_ASSIGNMENT = LazyPattern(r"\[[ \t]*(?P<q>[\"'])(?P<key>[^\"'\]\r\n]{1,100})(?P=q)[ \t]*\][ \t]*=[ \t]*"
                                    r"(?P<q2>[\"'])(?P<value>[^\"'\r\n]{1,400})(?P=q2)")
# A name/value pair written on two lines, as a Kubernetes env list or an XML-ish config writes it
_NAME_THEN_VALUE = LazyPattern(r"\bname[ \t]*[:=][ \t]*[\"']?(?P<key>[\w.\-]{1,100})[\"']?[ \t]*,?\r?\n[ \t]*(?:-[ \t]+)?"
                               r"value[ \t]*[:=][ \t]*[\"']?(?P<value>[^\s\"']{1,400})")
_CONFIGURE_SET = LazyPattern(r"\bconfigure[ \t]+set[ \t]+(?P<key>[\w.\-]{1,100})[ \t]+[\"']?(?P<value>[^\s\"']{1,400})")


def _labelled_secrets(text: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """A page's secrets written after a label in emphasis or code (see :data:`_LABELLED`)."""
    for match in _LABELLED.finditer(text):
        if match.group("coded") is not None:
            value, start = match.group("coded"), match.start("coded")
        else:
            label = "_".join(match.group("label").split())
            if not _is_secret(label, extra_keys) and label.lower().replace("-", "_") not in ("api_key", "access_key"):
                continue
            value, start = match.group("value").rstrip(".,"), match.start("value")
        if len(value) >= 6 and not _shown_as_written(value) and not _URL_START.match(value) \
                and (_TOKEN_LIKE.search(value) or _PASSWORD_LIKE.fullmatch(value) or _random_letters(value)
                     or (match.group("coded") is None and not value.isalpha())  # (`**Secret**: required` is shown)
                     or _SIGNED_PASSWORD.fullmatch(value) and not _READS_AS_CODE.fullmatch(value)):  # (`password
            # `hZea#dQN)TkYJ$Mu``: no digit; not a call or a type, `the token `getToken(Scope=read)``)
            yield start, start + len(value)


# A password with no digit: letters of both cases and a sign that joins no words (not `X-Auth-Token`, a header's name)
_SIGNED_PASSWORD = LazyPattern(r"(?=[^a-z]*+[a-z])(?=[^A-Z]*+[A-Z])(?=[\w.\-/:]*+[^\w\s.\-/:])\S{8,200}+")
# Code a page names after a secret's name, whose brackets are no password's signs: a call (`Secrets.get(Name)`) or a
# generic type (`Map<String,Secret>`)
_READS_AS_CODE = LazyPattern(r"[A-Za-z_$][\w.$]*+(?:\([^()\s]*+\)|<[\w.,]*+(?:<[\w.,]*+>[\w.,]*+)*+>)(?:\.[\w.$]*+(?:\([^()\s]*+\))?)*+;?")


def _prose_value(closing: str = "") -> str:
    """A character of a value written in prose after a secret's name: not a blank, nor what ends a sentence's clause,
    a quote, a tag or a table's cell (`password is X, then ...`); nor ``closing`` quotes.  A password's `#`, `&` and
    `?` are its own (`the password is Zq8v#x`): where they end a URL's parameter, :func:`_prose_cut` cuts there."""
    return r"[^\s,;)\]\"'<>|`" + closing + "]"


# What ends a value read in prose where it is a URL's parameter (its name after a URL's `?`, `&`, `;` or `#`)
_PARAMETER_END = LazyPattern(r"[&?#]")


def _prose_cut(text: str, match: re.Match[str], value: str) -> str:
    """``value`` (read at ``match``'s `value` in ``text``), cut where it ends as a URL's parameter (`?token=X&page=2`,
    `&password=X#top`), and of a sentence's closing `.` or `?`."""
    if text[match.start() - 1:match.start()] in ("?", "&", ";", "#"):
        value = _PARAMETER_END.split(value, 1)[0]
    return value.rstrip(".?")


def _named_after(verbs: str, *, wide: bool = True) -> str:
    """What follows a secret's name, maybe closing its code or emphasis (`**client secret** is`): a colon or `=`
    (also full-width), after what it is for in brackets (`Secret (sandbox): X`), one of ``verbs`` ("is"; the languages' own: `es`, `ist`, `lautet`, `est`, `è`, `är`, `to`, `là`)
    and maybe a colon, a dash, or a particle glued to the name (`は`, `是`, `为`, `는`); then the value, maybe in quotes
    or guillemets.  Not ``wide``: without what only a text beyond ASCII holds (:class:`ByScript`)."""
    colon, dash, particle, opening, closing = (
        (r"[:=\uff1a]", r"[-\u2013\u2014]", r"|[ \t]*[\u306f\u3092\u662f\u4e3a\u70ba\ub294\uc740][ \t]*", r"[\"\u00ab\u201c\u201e]",
         r"\u00bb\u201d\u201c") if wide else (r"[:=]", "-", "", r"\"", ""))
    verbs = verbs if wide else "|".join(verb for verb in verbs.split("|") if verb.isascii())
    return (r")(?:`|\*{1,2})?(?:[ \t]*\([\w .\-]{1,30}\))?(?:[ \t]*" + colon + r"[ \t]*|[ \t]+(?:" + verbs + r")[ \t]*:?[ \t]+"
            r"|[ \t]*" + dash + r"[ \t]*" + particle + r")`?" + opening + r"?[ \t]*"
            r"(?P<value>" + _prose_value(closing) + r"{8,200})")


# A secret named in free text and written after its name (`API key: X`, `pwd=X` after a word, `password is X`,
# `key - X`): masked when the value holds letters and digits (`password is required` is shown).  The verbs are the
# languages' too (`La password è ...`), but for Polish `to`, English's preposition, read after their own names only.
_VERBS = "is|was|es|ist|lautet|hei\u00dft|est|\u00e8|\u00e9|era|\u00e4r|jest|l\u00e0"
_NAMED_SECRETS = (r"(?i)(?<![\w.\-])(?P<name>api[ _-]?key|access[ _-]?key|app[ _-]?key|secret(?:[ _-]?key)?"
                  r"|client[ _-]secret|password|passwd|passphrase|pwd|pw|passcode|token|key")
_NAMED_SECRET = ByScript(_NAMED_SECRETS + _named_after(_VERBS), _NAMED_SECRETS + _named_after(_VERBS, wide=False))
# ... and with what it is for between (`The password for the admin user is X`, `**Organization Secret** for staging:
# X`): one or two words after `for`, `of`, `on` or `in`


def _named_for(*, wide: bool) -> str:
    return (r"(?i)(?<![\w.\-])(?P<name>api[ _-]?key|access[ _-]?key|secret(?:[ _-]?key)?"
            r"|client[ _-]secret|password|passphrase|token)(?:`|\*{1,2})?[ \t]+(?:for|of|on|in)[ \t]+"
            r"(?:the[ \t]+)?[\w\-]{1,30}(?:[ \t]+[\w\-]{1,30})?(?:`|\*{1,2})?"
            r"(?:[ \t]*[:=][ \t]*|[ \t]+is[ \t]+)`?" + (r"[\"\u201c]" if wide else r"\"") + r"?"
            r"(?P<value>" + _prose_value(r"\u201d\u201c" if wide else "") + r"{8,200})")


_NAMED_FOR_SECRET = ByScript(_named_for(wide=True), _named_for(wide=False))
_FOR_NAMES = ("key", "secret", "pass", "token")  # (a piece of each name it reads: most strings hold none)
_NAME_PIECES = (*_FOR_NAMES, "pw")  # (a piece of each name _NAMED_SECRET and _PASSWORD_AFTER_A_BLANK read)
# ... and in the languages pages are written in (`vocabulary.secrets.PROSE_SECRET_NAMES`), read only in a text holding
# one of them, in any case and with any blank between its words (:data:`_ABROAD_FOLDED`)


def _named_abroad(*, wide: bool) -> str:
    return r"(?i)(?<![\w.\-])(?P<name>" + "|".join(
        re.escape(name).replace("\\ ", "[ _-]") for name in sorted(PROSE_SECRET_NAMES, key=len, reverse=True)
        if wide or name.isascii()) + _named_after(_VERBS + "|to", wide=wide)


_NAMED_SECRET_ABROAD = ByScript(_named_abroad(wide=True), _named_abroad(wide=False))
# What the regex engine's case-insensitive reading takes for a letter of a secret's name beyond what str.lower() gives
# (`ſ` for `s`; `ı`, and `İ`, lowered to `i` and a combining dot, for `i`; `σ` for `ς`...), and what a name's space
# is read as (`mot_de_passe`): a text, so folded, that holds no name holds no match of a pattern reading the names
# (tests/test_masking_gates.py asks the regex engine about each letter of the names and every character)
_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0307": None, "\u03c3": "\u03c2", "\u03f0": "\u03ba",
                        "\u0345": "\u03b9", "\u1fbe": "\u03b9", "\u1c82": "\u043e", "_": " ", "-": " "})


def _folded(text: str) -> str:
    lowered = text.lower().replace("_", " ").replace("-", " ")
    return lowered if lowered.isascii() else lowered.translate(_FOLDS)  # (the other folds are of letters beyond ASCII)


_ABROAD_FOLDED = tuple(sorted({_folded(name) for name in PROSE_SECRET_NAMES}))
_COUNTED = LazyPattern(r"\d{1,3}-[^\W\d_]{3,30}")  # a count and its unit (`12-stellig`, `8-characters`)


def _named_in_text(text: str) -> Iterator[tuple[int, int]]:
    if text[:1] == "/" or text.startswith(("http://", "https://")):
        return  # a URL: its credentials are its query's (`_parameters`), read where the walk meets it
    lowered = _folded(text)
    # (a text holding none of the pieces of the English names holds no match of the two patterns that read them)
    named = any(piece in lowered for piece in _NAME_PIECES)
    if " " in text and named:  # `pw Tr0ub4dor3xyz`, `password Hunter2Prod99`, `api key <key>`, `the token <key>`: a
        # name, a blank, the value's shape
        for match in _PASSWORD_AFTER_A_BLANK.finditer(text):
            value = _prose_cut(text, match, match.group("value"))
            if any(_shaped_after_a_blank(form, key=match.group("key") is not None) for form in _judged(value)):
                yield match.start("value"), match.start("value") + len(value)
    if named and "?" in text:  # `What is the api key? It is Kq9v...`: the name asked about, the value in the answer
        for match in _ASKED_THEN_ANSWERED.finditer(text):
            value = _prose_cut(text, match, match.group("value"))
            if any(_shaped_after_a_blank(form, key=True) for form in _judged(value)):
                yield match.start("value"), match.start("value") + len(value)
    abroad = any(name in lowered for name in _ABROAD_FOLDED)
    for match in (*(_NAMED_SECRET.finditer(text) if named else ()), *(_NAMED_SECRET_ABROAD.finditer(text) if abroad else ()),
                  *(_NAMED_FOR_SECRET.finditer(text) if " " in text and any(name in lowered for name in _FOR_NAMES)
                    else ())):
        value = _prose_cut(text, match, match.group("value"))
        if _showable(value) or _URL_START.match(value) or _COUNTED.fullmatch(value):
            continue  # (`12-stellig`, `8-character`: what is said of it)
        if any(_shaped_as_named(form, match.group("name").lower()) for form in _judged(value)):
            yield match.start("value"), match.start("value") + len(value)
    at = 0 if "=" in text or ":" in text or "\uff1a" in text or " to " in text else len(text)
    while (joined := _SECRET_KEY_IN_TEXT.search(text, at)) is not None:
        value = _prose_cut(text, joined, joined.group("value"))
        name = joined.group("name")
        if secret_kind(name) is None or joined.group("to") is not None and "." not in name and "_" not in name \
                and text[joined.start() - 1:joined.start()] != "`":
            at = joined.start("value")  # (`moved: db_password=...`: the value read may hold the name of a secret;
            continue  # `to` after a key's name, not a word's: `Pass the token to MyHttpClient2` is shown)
        at = joined.end()
        if not _showable(value) and not _URL_START.match(value) \
                and any(_TOKEN_LIKE.search(form) or _PASSWORD_LIKE.fullmatch(form) or _random_letters(form)
                        for form in _judged(value)):
            yield joined.start("value"), joined.start("value") + len(value)


def _judged(value: str) -> tuple[str, ...]:
    """The forms of a value read in prose whose shape tells a secret: the value, and what comes before a `#`, `&` or `?`
    in it (`the token is Kq9vT3pL#x`: the part a key's shape is read in; the value is masked whole)."""
    head = _PARAMETER_END.split(value, 1)[0]
    return (value, head) if len(head) < len(value) else (value,)


def _shaped_after_a_blank(value: str, *, key: bool) -> bool:
    """Whether a value written after a secret's name and a blank has a secret's shape: a key's after a key's name
    (`api key <hex 32> rotated`; `the api key ContactsByAccount2` is shown), a password's after a password's."""
    if key:
        return _key_shaped(value) or _random_letters(value)
    return bool(_MIXED_WITH_DIGITS.fullmatch(value) or _random_letters(value)
                or _PASSWORD_LIKE.fullmatch(value) and not _URL_START.match(value))


def _shaped_as_named(value: str, name: str) -> bool:
    """Whether a value written after a secret's ``name`` (lower case) and `is` or a colon has a secret's shape: a
    password of letters, digits and signs (`the password is P4ss!w0rd`); a random value only after a bare `key` or
    `token` (`the element key: onedrivev2` is shown)."""
    if not _TOKEN_LIKE.search(value) and not (name not in _PLAIN_NAMES and _PASSWORD_LIKE.fullmatch(value)) \
            and not _random_letters(value):
        return False
    return name not in _PLAIN_NAMES or bool(_key_shaped(value) or _token_as_user(value)
                                            or _MIXED_WITH_DIGITS.fullmatch(value) or _random_letters(value))


# ... and a secret key's own name joined to its value (`AWS_SECRET_ACCESS_KEY=...`, `db_password: ...`, `` `oauth.api.secret`
# = `...` ``, `` Set `oauth.api.secret` to `...` ``), which the names above, whole words, do not find inside it
def _secret_key_in_text(*, wide: bool) -> str:
    return (r"(?<![\w.\-])(?P<name>[A-Za-z_][\w.\-]{2,99}+)`?"
            r"(?:[ \t]*+" + (r"[:=\uff1a]" if wide else "[:=]") + r"[ \t]*+|(?P<to>[ \t]++to[ \t]++))`?[\"']?"
            r"(?P<value>" + _prose_value() + r"{8,200}+)")


_SECRET_KEY_IN_TEXT = ByScript(_secret_key_in_text(wide=True), _secret_key_in_text(wide=False), marks="\uff1a")

_PLAIN_NAMES = frozenset({"key", "token", "pw", "clave", "schl\u00fcssel"})  # (the last two: "key" in Spanish, German)
_PASSWORD_AFTER_A_BLANK = LazyPattern(r"(?i)(?<![\w.\-])(?:password|passwd|passphrase|passcode|pwd|pw|pass"
                                      r"|(?P<key>(?:api|access|secret)[ _-]?key|client[ _-]secret|(?:(?:api|access)[ _-]?)?token))[ \t]+"
                                      r"(?P<value>" + _prose_value() + r"{8,200})")
# A question naming a secret, then the answer's first words (`It is`, `it's`; three at most) and its value; only a
# value with a key's shape or random letters is taken for one (`... key? It is in Settings.` is shown)
_ASKED_THEN_ANSWERED = LazyPattern(r"(?i)(?<![\w.\-])(?:api[ _-]?key|access[ _-]?key|secret(?:[ _-]?key)?|client[ _-]secret"
                                   r"|password|passphrase|passcode|token)[ \t]*+\?[ \t]++(?:[a-z'\u2019]{1,10}[ \t]++){0,3}"
                                   r"[`\"']?(?P<value>" + _prose_value() + r"{8,200})")  # (and in quotes: It's `<key>`)
_MIXED_WITH_DIGITS = LazyPattern(r"(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)[A-Za-z0-9_\-]{8,}")


_URL_START = LazyPattern(r"[a-z][a-z0-9+.\-]*://|/")


# A key as keys are written: words and dots, no space, `=` or `:` that would join a value to it.
_PLAIN_KEY = LazyPattern(r"[A-Za-z_$@][\w.$@\-]*")
# A secret's name and its value written as one key (a properties line pasted as a key: `"oauth.api.secret=x": ...`).
# (each run of blanks read one way only: `\s*\s+` and `.*?\s*` made a key of 200 KB of spaces take minutes)
_NAME_AND_VALUE = LazyPattern(r"\s*(?P<name>[A-Za-z_$@][\w.$@\-]*)(?:\s*[=:]\s*|\s+)(?P<value>\S(?:.*\S)?)\s*")


@lru_cache(maxsize=32768)  # every key of 10,000 pollers
def _secret_in_key(name: str, extra_keys: frozenset[str]) -> tuple[int, int] | None:
    """The offsets in a key of a secret written into it: the value of `secret.name=value` (or `: value`, or after a
    space) when the name is a secret key's, or the whole key when it has the shape of a token (a key and its value
    swapped)."""
    if _PLAIN_KEY.fullmatch(name):
        if len(name) >= 16 and _key_shaped(name):
            return 0, len(name)
        head, dot, tail = name.rpartition(".")  # `oauth.api.secret.Ks3q...`: the value written on as a segment
        if dot and len(tail) >= 12 and _key_shaped(tail) and _is_secret(head, extra_keys):
            return len(head) + 1, len(name)
        return _glued_to_its_name(name, extra_keys)
    joined = _NAME_AND_VALUE.fullmatch(name)
    if joined is not None and _is_secret(joined.group("name"), extra_keys) and len(joined.group("value")) >= 3 \
            and not _shown_as_written(joined.group("value")) and not _more_of_its_name(name, joined):
        return joined.span("value")
    return (0, len(name)) if _key_shaped(name) else None


# A key's words after a blank (`Signature Secret`, `Secret Key`): letters written as a name writes them, one case or
# a capital first, none of a token's random runs
_NAME_WORDS = LazyPattern(r"(?:[A-Z]?[a-z]+|[A-Z]+)(?:[ \t]+(?:[A-Z]?[a-z]+|[A-Z]+))*")


def _more_of_its_name(name: str, joined: re.Match[str]) -> bool:
    """Whether the `value` a key split at a blank reads is the rest of the key's name (`"Signature Secret": ...`, a
    label naming the secret, no value written into it)."""
    value = joined.group("value")
    return name[joined.end("name"):joined.start("value")].isspace() and _NAME_WORDS.fullmatch(value) is not None \
        and not _random_letters(value)


# Where a secret's name may end in a key its value is glued to (`oauth.api.secretQ7w9...`, `api_keyKq9v...`)
_GLUED_NAME_END = LazyPattern(r"(?i)(?:secret|password|passwd|passphrase|pwd|token|key)")


def _glued_to_its_name(name: str, extra_keys: frozenset[str]) -> tuple[int, int] | None:
    """The offsets in a key of a value glued to a secret's name with nothing between (`oauth.api.secretQ7w9Lm2K...`,
    the `": "` lost): what follows the name's last word, when it looks random, as a token or a key does."""
    for end in sorted((match.end() for match in _GLUED_NAME_END.finditer(name, max(0, len(name) - 210))), reverse=True):
        rest = name[end:]  # (a value of 200 characters at most: a key of a name repeated is read at its end only)
        if len(rest) >= 12 and (_key_shaped(rest) or _random_letters(rest)) and _is_secret(name[:end], extra_keys):
            return end, len(name)
    return None


# A string where an object's key stands, and no colon after it (`"oauth.api.secret Kq9v...",`: the `": "` between a
# key and its value lost), or a bare token left there (`Kq9vT3pL...,`), which the places of keys (each read from its
# colon) do not hold; each run of blanks read once, the string's characters one way
_KEYLESS_STRING = LazyPattern(r'[{,][ \t\r\n]*+(?:"(?P<name>[^"\\\r\n]{10,200})"|(?P<bare>[\w.+/=\-]{16,200}))'
                              r'(?=[ \t]*+[,}\r\n])')


def _keyless_secrets(text: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The value in a key-less string of a broken file that writes a secret key's name and its value, as a key
    written with its value does (:func:`_secret_in_key`: `name=value`, `name value`, a value glued to the name, a
    token alone); and a bare token where a key belongs."""
    for match in _KEYLESS_STRING.finditer(text):
        if match.group("bare") is not None:
            if _key_shaped(match.group("bare")):
                yield match.span("bare")
            continue
        inside = _secret_in_key(match.group("name"), extra_keys)
        if inside is not None and not _shown_as_written(match.group("name")[inside[0]:inside[1]]):
            yield match.start("name") + inside[0], match.start("name") + inside[1]


def _swapped_with_its_key(name: str, value: str, extra_keys: frozenset[str]) -> bool:
    """Whether a member is a secret and its key swapped: the value names a secret key (`signature.secret`) and the
    key has a password's shape (letters of both cases and digits, or signs), no key's.  (The shapes first: a value is
    asked about as a key only beside a key shaped so, not beside each long key, `event.vendor.type`, of each body.)"""
    return " " not in name and _PLAIN_KEY.fullmatch(value) is not None \
        and (_MIXED_WITH_DIGITS.fullmatch(name) is not None or _PASSWORD_LIKE.fullmatch(name) is not None) \
        and _is_secret(value, extra_keys) and not _is_secret(name, extra_keys)


def _key_part(source: Source, pointer: str, name: str, start: int, end: int) -> tuple[int, int]:
    """File offsets of ``[start, end)`` of the key at ``pointer`` (the whole key when it is written with escapes)."""
    key_start, key_end = source.span(pointer, key=True)
    inner = key_start + 1
    if source.root.text[inner:key_end - 1] == name:
        return inner + start, inner + end
    return inner, key_end - 1


def _scalar_spans(source: Source, node: Any, path: JsonPath, secret: bool) -> Iterator[tuple[int, int]]:
    """Spans of secrets in a scalar of the document at ``path``: all of it under a secret key."""
    key = path[0] if path is not None and isinstance(path[0], str) else None
    if isinstance(node, str):
        pointer = pointer_of(path)
        for start, end in _text_spans(key, node, secret):
            yield _inside_quotes(source, pointer) if start == _WHOLE else source.string_span(pointer, start, end)
    elif secret and node is not None and not is_flag(key or "", node):
        yield _inside_quotes(source, pointer_of(path))


def _text_spans(key: str | None, node: str, secret: bool) -> list[tuple[int, int]]:
    """Offsets in a string of the secrets it holds (``(_WHOLE, _WHOLE)``: all of it, under a secret ``key``; ``key``:
    the member's, None for an array's item)."""
    if secret:
        if not node.strip() or _shown_as_written(node) or names_its_key(node, key or "") or is_flag(key or "", node):
            return []
        return [(_WHOLE, _WHOLE)]
    if key is not None and _names_a_user(key) and _key_shaped(node):
        return [(_WHOLE, _WHOLE)]  # a username that is an API key
    spans: list[tuple[int, int]] = []
    if _has_equals(node) or "@" in node:
        if _has_equals(node):
            spans += (_through_spaces(node, match) for match in _parameters(node)
                      if _query_credential(match.group("name"), match.group("value")))
        spans += _userinfo_spans(node, decoded=True)
        if "\uff1d" in node:  # `&api_key＝...` (in the file maybe as `\uff1d`, which the text's scan does not read as
            spans += _mistyped_parameters(node, _MISTYPED_EQUALS)  # the sign)
    return spans


# A name/value pair (`{"name": "x-api-key", "value": "..."}`, headers and parameters as lists): the value is
# secret when the name is a secret key or a credential header.
# (`{"key": ..., "propertyValue": ...}` is how the platform itself lists an instance's configuration.)
_PAIR_NAMES = ("name", "key", "header", "Name", "Key", "Header", "headerName", "HeaderName", "header_name", "headerKey",
               "HeaderKey", "header_key", "field", "Field", "parameter", "Parameter", "param", "paramName",
               "parameterName", "param_name", "property", "Property", "propertyName", "propertyKey", "label", "Label",
               # (helper-135: `{"k": "password", "v": ...}`, `{"type": "password", "value": ...}`, `{"id": ...}`; not
               # a form's `title` and `text`, its captions, helper-137)
               "k", "K", "id", "Id", "type", "Type")
_PAIR_NAME_SET = frozenset(_PAIR_NAMES)
# A member that says what kind of credential an object under a secret key holds (`"authentication": {"type":
# "basic"}`, an element's definition; Postman's `"type": "string"`): a word, not part of the secret
_KIND_MEMBERS = frozenset({"type", "Type"})


def _names_a_kind(value: Any) -> bool:
    """Whether ``value`` is a kind's name (`basic`, `oauth2`, `string`), not a secret written in its place; a login
    method's name shaped as a password is one too (Salesforce's `oauth2Password`)."""
    return isinstance(value, str) and _KIND_WORD.fullmatch(value) is not None and (
        value.lower() in _AUTH_TYPES or not reads_like_a_password(value) and not _holds_a_token(value))


_KIND_WORD = LazyPattern(r"[A-Za-z][\w.\-]{0,40}")
_PAIR_VALUES = frozenset({"value", "Value", "val", "Val", "headerValue", "HeaderValue", "header_value", "defaultValue",
                          "paramValue", "parameterValue", "param_value", "propertyValue", "PropertyValue",
                          "property_value", "v", "V", "content", "Content", "data", "Data"})


@lru_cache(maxsize=4096)  # the same sample values and references come back in file after file
def _shown_as_written(value: str) -> bool:
    """Whether a secret key's value holds nothing secret: an environment reference, a placeholder or mask, or
    documentation standing for the secret; JSON's `null` or a boolean; a hash algorithm's name (`"signature":
    "sha256"` names how a signature is made); where code or a secret store gets it (`os.environ["X"]`,
    `settings.API_SECRET`, `${{ secrets.X }}`, `vault:secret/sage#key`)."""
    return value in _JSON_LITERALS or value.lower() in _ALGORITHMS or _showable(value) or _stands_for_a_value(value) \
        or _references_only(value) or _gets_it_elsewhere(value)


# Where a value written in code or a template comes from, not the value: a reference of a tool whose name is a
# variable's (GitHub Actions' `${{ secrets.X }}`, PowerShell's `$Env:X`, Python's `%(X)s`, a `{X}`, `${X:?message}`;
# not `${X:-default}`, whose default may be the secret, nor `$(X)`, `#{X}`, `${env:X}`, in which a secret may be
# written), code that reads it (`os.environ["X"]`, `settings.API_SECRET`, `getpass.getpass()`: a known root, or a
# call of quoted names alone, nothing after it), a tuple of names (`(username, password)`), or a secret store's
# address (`vault:secret/x#key`, `arn:aws:secretsmanager:...`, `op://...`, `projects/x/secrets/...`); and the words
# documentation writes for a value it leaves out.  Each is told from a password that looks like it (`Jane.Doe1985`,
# `{Kq9vT3pLx8wZ}`, `Welcome(99)Zt!`) by its names: a variable's, not a random run's.
_REFERENCE_FORMS = LazyPattern(
    r"\$?\{\{[ \t]*(?:secrets|env|vars|inputs)\.(?P<a>[A-Za-z_]\w{0,100})[ \t]*\}\}|\$(?i:env):(?P<b>[A-Za-z_]\w{0,100})"
    r"|%\((?P<c>[A-Za-z_]\w{0,100})\)s|\{(?P<d>[A-Za-z_][\w.]{0,100})\}|\$\{(?P<e>[A-Za-z_]\w{0,100})(?::?\?[^{}\r\n]{0,200})?\}")
_SECRET_STORE = LazyPattern(r"(?:vault:|arn:aws:secretsmanager:|arn:aws:ssm:|op://|projects/[\w.\-]+/secrets/)[\w./#:\- ]{1,300}")
_SECRET_STORE_STARTS = ("vault:", "arn:aws:", "op://", "projects/")  # (what every address starts with)
_REFERENCE_STARTS = frozenset("${%")  # (the first character of each of _REFERENCE_FORMS)


def names_a_secret_store(value: str) -> bool:
    """Whether ``value`` is a secret store's address (`op://vault/item/field`, `vault:kv/sage#key`, an ARN), where a
    deployment fetches the secret: no secret itself (CE751 asks this too)."""
    stripped = value.strip()
    return stripped.startswith(_SECRET_STORE_STARTS) and _SECRET_STORE.fullmatch(stripped) is not None

# Code: a known root's attribute path, or an identifier path called or indexed with quoted names (`os.getenv("X")`)
_CODE_ROOTS = frozenset({"os", "process", "settings", "config", "cfg", "conf", "self", "this", "args", "env", "ENV",
                         "System", "Environment", "secrets", "vars", "context", "ctx", "props", "options", "opts",
                         "params", "app", "getpass", "keyring", "input", "Deno", "import"})
_CODE_CALL = LazyPattern(r"(?P<head>[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){0,8})"
                         r"(?:\((?P<args>[^()\r\n]{0,200})\)|\[(?P<index>[^\[\]\r\n]{0,200})\])?")
_QUOTED_NAMES = LazyPattern(r"[ \t]*(?:(?:\"[^\"\r\n]{0,100}\"|'[^'\r\n]{0,100}')[ \t]*(?:,[ \t]*|$))*")
_CODE_TUPLE = LazyPattern(r"\([ \t]*[A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)+[ \t]*\)")  # `(username, password)`
# A variable's name: in capitals, in lower case with underscores, or camelCase, with a digit or two at most
_VARIABLE_NAME = LazyPattern(r"(?=(?:\D*\d){0,2}\D*$)(?:[A-Z][A-Z0-9_.]*|[a-z][a-z0-9_.]*|[a-z]+(?:[A-Z][a-z0-9]*)+)")
_SAYS_NOTHING = frozenset({"redacted", "[redacted]", "(redacted)", "todo", "tbd", "...", "…", "none", "replace-me",
                           "replace_me", "replaceme", "(leave blank)", "leave blank", "n/a"})


def _gets_it_elsewhere(value: str) -> bool:
    stripped = value.strip()
    # (each form is matched only against a value that starts as it does: most values are asked once, and none of
    # them is any of these forms)
    first = stripped[:1]
    if stripped.lower() in _SAYS_NOTHING or first in ("y", "Y") and _YOUR_SOMETHING.fullmatch(stripped):
        return True
    reference = _REFERENCE_FORMS.fullmatch(stripped) if first in _REFERENCE_STARTS else None
    if reference is not None:
        name = next(group for group in reference.groups() if group is not None)
        return _VARIABLE_NAME.fullmatch(name) is not None
    if names_a_secret_store(stripped) or first == "(" and _CODE_TUPLE.fullmatch(stripped):
        return True
    call = _CODE_CALL.fullmatch(stripped)
    if call is None:
        return False
    head = call.group("head")
    if not all(_VARIABLE_NAME.fullmatch(part) for part in head.split(".")):
        return False  # (`Jane.Doe1985`, `S3cret.Pass_77`: a password with a dot)
    inside = call.group("args") if call.group("args") is not None else call.group("index")
    if inside is None:
        return "." in head and head.split(".")[0] in _CODE_ROOTS  # `settings.SAGE_API_SECRET`
    return _QUOTED_NAMES.fullmatch(inside) is not None and not _TOKEN_LIKE.search(inside) \
        and not _PASSWORD_LIKE.search(inside)  # (`os.getenv("X", "Kq9v...")`: a default that is the secret)


# `your-api-secret`, `your_api_key_here`, `YOUR_API_SECRET`: documentation's stand-in for the reader's own value
_YOUR_SOMETHING = ByScript(r"(?i)your[-_ ](?:own[-_ ])?(?:api|app|client|secret|key|token|password|org|user|account"
                            r"|access|private|signing|webhook)(?:[-_ ][a-z]+){0,4}")


# A credential written as references and placeholders between an authorization's own words (`User ${USER_SECRET},
# Organization ${ORG_SECRET}`, `Bearer {{token}}`): nothing secret in it.
_REFERENCE_OR_PLACEHOLDER = LazyPattern(r"\$\{[^}\r\n]{0,200}\}|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|<[^<>\r\n]{1,80}>"
                                        r"|\{\{[^{}\r\n]{1,80}\}\}|\{[A-Za-z_][\w.]{0,80}\}")  # (and Python's `{X}`)
_AUTHORIZATION_WORDS = LazyPattern(r"(?i)(?:\b(?:user|organization|element|bearer|basic|token|digest|apikey)\b|[\s,;:=])*")


def _references_only(value: str) -> bool:
    if "$" not in value and "<" not in value and "{" not in value and "%" not in value:
        return False
    references = _REFERENCE_OR_PLACEHOLDER.findall(value)
    if not references or not all(_a_variable(reference) for reference in references):
        return False
    return _AUTHORIZATION_WORDS.fullmatch(_REFERENCE_OR_PLACEHOLDER.sub(" ", value).strip("'\"")) is not None


def _a_variable(reference: str) -> bool:
    """Whether a reference in a credential (`${USER_SECRET}`, `{ORG_SECRET}`, `$user`, `%TOKEN%`, `<user secret>`,
    `{{token}}`) names a variable, not a value written in its brackets (`{Kq9vT3pLx8wZ}`)."""
    if reference[:1] == "{" and reference[:2] != "{{":  # Python's `{X}`
        return _VARIABLE_NAME.fullmatch(reference[1:-1]) is not None
    return _showable(reference)  # (`$X` and `%X%` may be a value: `$hunter2hunter`)


_JSON_LITERALS = frozenset({"null", "true", "false"})
_ALGORITHMS = frozenset({"md5", "sha1", "sha-1", "sha256", "sha-256", "sha384", "sha512", "sha-512", "hmac-sha1",
                         "hmac-sha256", "hmacsha1", "hmacsha256", "hmac-sha512", "rsa-sha256", "hs256", "hs512", "rs256",
                         "es256"})


def _stands_for_a_value(value: str) -> bool:
    """Whether a secret key's whole value is documentation standing for the secret (`MAGENTO_API_SECRET`, `Your API
    key`, `<CLIENT_SECRET>`): the placeholder rule reports it, and its excerpt must show what it reports."""
    found = find_placeholders(value, credential=True)
    if not found or found[0].start != 0 or found[-1].end != len(value) or any(
            placeholder.kind != "placeholder" for placeholder in found):
        return False
    if "|" in value and _TOOL_FORM.match(value) is not None:
        return False  # a template's default (`{{ secret | default('...') }}`): its literal may be the secret
    # only what no one would take for a password: a sample word (`changeme`, `s3cr3t-Value-42`) may be a weak one,
    # and a token in brackets (`<Kq9vT3pLx8wZ>`) a real one written in the documentation's form
    if _holds_a_token(value):
        return False
    return any(mark in value for mark in "<{&") or _NAMED.fullmatch(value) is not None or is_prose(value)


_WORD_SPLIT = LazyPattern(r"[^A-Za-z0-9]+")
_LONG_WORD = LazyPattern(r"(?<![\w\-])[A-Za-z]{12,200}(?![\w\-])")
_TOKEN_LIKE = LazyPattern(r"(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,}")  # letters and digits
_WORD_TOKEN = LazyPattern(r"(?<![\w\-])" + _TOKEN_LIKE.pattern + r"(?![\w\-])")  # one, as a whole word of a text
_NAMED = LazyPattern(r"[A-Z][A-Z0-9]*(?:[_. ][A-Z0-9]+)+")  # MAGENTO_API_SECRET, OAUTH.USER.TOKEN, USER TOKEN


# JSON written in a string (a Postman request's `raw` body): an object or an array opening with a quoted key or value
_LOOKS_LIKE_JSON = LazyPattern(r"[{\[]\s*\"")


def _embedded(source: Source, pointer: str, extra_keys: frozenset[str]) -> Iterator[tuple[int, int]]:
    try:
        inner = source.embedded(pointer)
    except (KeyError, ValueError):
        return
    if inner.value is not None:
        yield from _walk_document(inner, inner.value, extra_keys)
    elif inner.text.strip():  # JSON in a string that is not valid JSON: read as a broken file's text is
        yield from (inner.file_span(start, end) for start, end in _scan_text(inner.text, extra_keys, broken=True))


def _inside_quotes(source: Source, pointer: str) -> tuple[int, int]:
    start, end = source.span(pointer)
    text = source.root.text
    if end - start >= 2 and text[start] == '"' and text[end - 1] == '"':
        return start + 1, end - 1
    if end - start >= 4 and text[start:start + 2] == '\\"' and text[end - 2:end] == '\\"':
        return start + 2, end - 2
    return start, end


def _forms(raw: str) -> set[str]:
    """A value as written and as decoded (one or more levels of JSON escaping undone), and the pieces of one
    holding a `|` that a message may quote apart: the first (``hapikey=<key>|vid`` in an ``event.poller.urls``
    line, which CE801's help splits) and every distinctive one (``<app id>|<app secret>``)."""
    forms = {raw}
    if "|" in raw:
        pieces = raw.split("|")
        forms.update(piece for index, piece in enumerate(pieces) if index == 0 or looked_for_elsewhere(piece))
    value = raw
    for _ in range(3):
        if "\\" not in value:
            break
        try:
            value = json.loads(f'"{value}"')
        except ValueError:
            break
        forms.add(value)
        # as a message quotes it, serialised again (`\u0022` written, `\"` quoted)
        forms.add(json.dumps(value, ensure_ascii=False)[1:-1])
        forms.add(json.dumps(value)[1:-1])
    return forms
