"""Which rules ``check --fix`` can mend, how safely, and what the fix does (shown by ``explain``).

A ``safe`` fix keeps what the author evidently meant and is applied by ``--fix``; an ``unsafe``
one may change behaviour and needs ``--unsafe-fixes`` too.  ``tests/test_cli_fix.py`` checks every entry
against its broken files, and ``tests/test_rules_examples.py`` every rule's failing example against this table.
"""

from __future__ import annotations

from typing import Literal

FixSafety = Literal["safe", "unsafe"]

FIXABLE: dict[str, tuple[FixSafety, str]] = {
    "CE001": ("safe", "writes a no-break, thin or other Unicode space between JSON's tokens as a plain space (a "
                      "zero-width space removed)"),
    "CE002": ("safe", "removes the trailing comma"),
    "CE003": ("safe", "removes the comment (with its line, when the comment is alone on it)"),
    "CE004": ("safe", "replaces the typographic quotes around a key or a value with `\"`"),
    "CE005": ("safe", "writes a key or a value in single quotes in double quotes, where its closing quote is plain"),
    "CE006": ("safe", "writes Python's `True`/`False`/`None` as `true`/`false`/`null` (other cases: no fix)"),
    "CE008": ("safe", "writes the shell's `'\\''` (or `\\'`) as a plain `'`"),
    "CE022": ("unsafe", "writes the page's `elementKey` as the body's element key"),
    "CE024": ("safe", "writes `@` before a file's name given to curl's `-d` (`-d instance.json` → `-d @instance.json`)"),
    "CE025": ("safe", "removes the blanks (and a comment) after a shell line's closing backslash, or an empty or "
                      "comment line right after it"),
    "CE026": ("safe", "adds the blank line between an HTTP request's last header and its body"),
    "CE027": ("safe", "adds the header `Content-Type: application/json` to a curl command or an HTTP request sending a JSON body"),
    "CE101": ("unsafe", ("renames a near-miss key to the key it is close to (safe when only spaces differ); "
                         "not when that key is already set")),
    "CE102": ("safe", "unquotes a quoted boolean (`\"true\"`, `\"False\"`) or whole number (`\"100\"`)"),
    "CE105": ("unsafe", "renames a key written for `configuration` (`config`, `Configuration`) to `configuration`"),
    "CE106": ("safe", "moves the key into the object it belongs in, when that object exists and lacks it"),
    "CE209": ("safe", "writes the URL scheme as it is meant (`htps://` → `https://`); writes `https://` before an OAuth "
                      "callback URL without one (unsafe)"),
    "CE203": ("unsafe", "writes the documented vendor type a near miss means (`webhooks`, `Polling` → `webhook`, `polling`)"),
    "CE207": ("unsafe", "writes an interval given in seconds or milliseconds as the minutes meant, when that is an "
                        "interval people choose (`\"900000\"` → `\"15\"`)"),
    "CE211": ("unsafe", "writes an `event.poller.refresh_interval` of 300, 600, 900 or 1200 as the minutes meant (`\"900\"` → `\"15\"`)"),
    "CE302": ("safe", ("moves the key where it belongs (or removes it when the right place already has the "
                       "same value); a date key with no `datesConfiguration` gets one")),
    "CE303": ("unsafe", "writes a field name with a space bracketed and quoted (`Modified Time` → `['Modified Time']`)"),
    "CE310": ("unsafe", "writes a `pollDelay` or `createdCheckTolerance` of whole thousands as seconds (`60000` → `60`)"),
    "CE402": ("unsafe", "writes a strftime pattern (`%Y-%m-%d %H:%M:%S`) as the SimpleDateFormat pattern it means (`yyyy-MM-dd HH:mm:ss`)"),
    "CE405": ("safe", "writes `SSS` (in a URL macro); `S` where the seconds belong (`HH:mm:SS`) as `ss` is unsafe"),
    "CE406": ("unsafe", "writes `HH` (24-hour clock): check the vendor's times are not 12-hour with AM/PM"),
    "CE407": ("safe", "writes `yyyy`"),
    "CE408": ("safe", "writes `dd` for `DD` (the day of the year) beside a month"),
    "CE415": ("safe", "writes `MM` for `mm` between date fields, and `mm` for `MM` between time fields"),
    "CE416": ("safe", "writes `SSS` for `sss` after the seconds' dot (other fields written twice: no fix)"),
    "CE430": ("safe", "removes whitespace at the start or end of a records' date format"),
    "CE501": ("safe", ("writes the zone id Java knows when the id is only spelt otherwise (`America/New York`, "
                       "`america/new_york`, `utc`); another zone suggested (`EDT` → `America/New_York`): no fix")),
    "CE431": ("unsafe", "writes two letters for a URL macro's number printed unpadded or in three digits (`m`, `sss`)"),
    "CE429": ("unsafe", "removes a quoted `'Z'` beside an `X` or `Z` field, which writes the zone already (`XXX'Z'`)"),
    "CE410": ("unsafe", ("writes `XXX` (the real offset, which also reads `Z`) instead of the literal `'Z'`, and `z`"
                         " (which reads the zone's name) instead of a literal `'UTC'` or `'GMT'` in a records format; "
                         "not in a URL macro east of UTC, where `XXX` would print a `+` into the query")),
    "CE418": ("safe", "writes `HH` for `kk` in a URL macro (the two print alike but for the hour after midnight)"),
    "CE420": ("unsafe", "writes `yyyy` for `yy` in a URL macro (a vendor may document a two-digit year)"),
    "CE421": ("unsafe", "writes a quoted lowercase `'t'`/`'z'` as `'T'`/`'Z'` (a vendor may write the lowercase letter)"),
    "CE422": ("unsafe", "writes a single `X` as `XXX` in a zone whose offset has minutes (`+05:30` rather than `+05`)"),
    "CE425": ("unsafe", "writes `${epoch}` compared with a field the records hold as text as `${gmtDate:<the field's format>}`"),
    "CE426": ("safe", "writes a typographic dash or a space that is not ASCII in a date pattern as `-` or a space, "
                      "and removes an invisible character (a zero-width space, a soft hyphen)"),
    "CE427": ("unsafe", ("removes an optional section's brackets (`[.SSS]` → `.SSS`) and a pattern's outer double "
                         "quotes, and writes inner ones as `'`; removes a backslash before a quote or punctuation "
                         "(safe: `dd\\'T\\'HH` → `dd'T'HH`, `yyyy\\-MM` → `yyyy-MM`) and writes a `\\u0054` "
                         "escaped once too often as the character (safe: `'T'`); writes a backslash before a zone letter as the "
                         "letter quoted (`ss\\Z` → `ss'Z'`)")),
    "CE428": ("unsafe", "writes the month before the day (`yyyy-dd-MM` → `yyyy-MM-dd`): check the vendor's dates"),
    "CE608": ("safe", "writes a macro's zone id as Java knows it when it is only spelt otherwise (`America/New York`); "
                      "another zone suggested: no fix"),
    "CE601": ("safe", ("writes the macro descriptor the platform knows when only its case differs "
                       "(`${DateTimeZone:` → `${dateTimeZone:`); another near spelling is unsafe")),
    "CE605": ("safe", ("writes `$ {gmtDate:...}`, `$(gmtDate:...)`, `%{gmtDate:...}`, `${gmtDate::...}` and a "
                       "percent-encoded `%24%7B...%7D` as `${...}`, `$epoch` (no braces) as `${epoch}`, and a zone written "
                       "after a `dateTimeZone` format first; `$${` as `${` is unsafe (right unless a template "
                       "tool undoes the escape), and so is `:` for another separator after a descriptor "
                       "(`${gmtDate;...}`, `${gmtDate :...}`), doubled braces (`${{gmtDate:...}}`) and a zone given to "
                       "`${gmtDate}`, `${date}` or `${now}`, before or after the format (as `${dateTimeZone:ZONE:FORMAT}`, "
                       "`${nowTimeZone:...}`); other "
                       "malformed macros: no fix")),
    "CE612": ("safe", "writes a no-break or thin space as an ASCII space, removes a zero-width one, and removes a space "
                      "in the path before its `?` or beside a `/`"),
    "CE610": ("safe", "removes the backslash of a quote escaped for a shell (`\\'` → `'`)"),
    "CE625": ("safe", "writes `/hub/<hub>/` as `/hubs/<hub>/` (a misspelt hub name: no fix)"),
    "CE629": ("unsafe", ("decodes a percent-escape encoded twice (`%253E` → `%3E`): whether the platform "
                         "encodes again is undocumented")),
    "CE630": ("safe", "writes `==` as `=`"),
    "CE632": ("safe", "removes the platform's own prefix before a hub path (`/elements/api-v2/hubs/...` → `/hubs/...`), "
                      "with its address (`https://api.cloud-elements.com/elements/api-v2/hubs/...`); "
                      "an absolute vendor URL: no fix"),
    "CE631": ("unsafe", "writes `&` between two conditions as ` and ` (the condition becomes part of the filter)"),
    "CE633": ("safe", "removes the spaces at the edge of the macro's format"),
    "CE634": ("unsafe", "swaps the misplaced `?` and `&`; writes `&` for a `;` before `where=`; writes `?` for a `#` "
                        "typed before the query"),
    "CE635": ("safe", "writes the `=` for the space after `where` (`?where updated>...` → `?where=updated>...`); "
                      "writes `where=` before a filter written without it (unsafe)"),
    "CE636": ("unsafe", "writes ` and ` between the two conditions (` or ` may be what was meant)"),
    "CE637": ("unsafe", "joins a second `&where=` to the first with ` and `, when it follows it directly; removes a "
                        "doubled `where=where=` and a `where=` after `and`/`or` inside the filter (safe)"),
    "CE641": ("unsafe", "writes one `/` for `//` in a poller URL's path"),
    "CE643": ("unsafe", "writes a sum after an epoch macro as the unit it meant (`${epoch}/1000` → `${epoch:s}`), and "
                        "removes a sum after a date macro (`'${gmtDate:...}-60000'`)"),
    "CE644": ("unsafe", "writes an `&` or `#` inside a quoted CEQL string percent-encoded (`'Smith & Sons'` → "
                        "`'Smith %26 Sons'`, `'INV#100'` → `'INV%23100'`)"),
    "CE639": ("unsafe", "writes another language's operator as CEQL's (`gte` → `>=`) and a comma between conditions "
                         "as ` and ` (a `;`, `,` or `%26` before a query parameter, `;pageSize=200`, as `&`, and the `and` before "
                         "the hub's `pageSize`, `nextPage` or `orderBy` written as the last condition); adds the comma between two values of an `in (...)` list and removes a `;` after "
                         "the last condition, and the quotes of a field name compared with a macro (`'updated_at' > '${...}'`) "
                         "(all three safe)"),
    "CE638": ("unsafe", "writes a CEQL value's double quotes as single quotes (not when it holds a `'`); removes the "
                        "double quotes or backquotes around a macro inside single quotes (safe)"),
    "CE620": ("safe", ("closes the `where` value's last string with its quote at the end of the value (unsafe when "
                       "the unclosed string holds spaces or a parenthesis: it may have swallowed other conditions); "
                       "when a string opened before a macro took in the next `and`/`or` condition, closes it right "
                       "after the macro")),
    "CE701": ("safe", "closes an environment reference whose brace never closes (`${NAME` → `${NAME}`)"),
    "CE801": ("unsafe", ("replaces `event.poller.urls` with the equivalent `event.poller.configuration` "
                         "object, when every line converts (not for bare resource names or a line without "
                         "`<xPath>`)")),
    "CE901": ("unsafe", "renames a configuration key to the declared key it is close to, when that key is not set already"),
    "CE916": ("unsafe", "writes the element's option the value is close to (`oauth2password` → `oauth2Password`)"),
    "CE918": ("unsafe", "writes only the piece the URL's template lacks (`https://acme.chargebee.com` → `acme`)"),
}


def describe(code: str) -> str | None:
    """One Markdown line saying whether the rule is fixable, for the rule's documentation."""
    entry = FIXABLE.get(code)
    if entry is None:
        return None
    safety, what = entry
    flag = "`--fix`" if safety == "safe" else "`--fix --unsafe-fixes` (unsafe: review the change)"
    return f"**Fixable** with {flag}: {what}."
