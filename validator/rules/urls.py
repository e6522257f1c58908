"""Poller URLs (CE6xx): the URL template, its macros and its CEQL ``where`` filter.

The grammars in :mod:`validator.urls` read each poller ``url`` once per check and return
:class:`~validator.urls.facts.UrlFact` s (what is wrong, where); this module owns the rules,
decides which rule and severity each :class:`~validator.urls.facts.Flaw` is reported as, and
places the findings in the file.  Two facts are reported only on request: a macro printing
'+' into the query (CE616) unless the encode-values assumption is on, and raw spaces (CE617,
opt-in: ``--select CE617``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..findings import Applicability, Edit, Finding, Fix, Problem, Severity
from ..urls.facts import Flaw, UrlFact
from ..urls.template import compared_field
from .base import Rule
from .dates import DATE_FORMAT_NOT_A_PATTERN, DATE_PATTERN_INVALID, condition_field, dated_side

if TYPE_CHECKING:
    from ..engine import Context
    from ..urls.template import UrlTemplate

__all__ = ["FLAW_RULES", "RULES", "URL_RAW_SPACE", "check", "rule_of", "url_problems"]


def _poller(url: str) -> str:
    """A complete poller configuration whose only questionable part is ``url``."""
    entry = {
        "url": url,
        "idField": "id",
        "datesConfiguration": {
            "updatedDateField": "updated_at",
            "updatedDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "updatedDateTimezone": "GMT",
            "createdDateField": "created_at",
            "createdDateFormat": "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "createdDateTimezone": "GMT",
        },
    }
    return json.dumps({"contacts": entry}, indent=2)


_GOOD = _poller("/hubs/crm/contacts?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")


def _rule(code: str, name: str, severity: Severity, summary: str, description: str, bad_url: str,
          good_url: str | None = None, *, opt_in: bool = False) -> Rule:
    return Rule(code, name, severity, summary, description.strip(), _poller(bad_url),
                _poller(good_url) if good_url else _GOOD, opt_in=opt_in)


MACRO_UNKNOWN_DESCRIPTOR = _rule("CE601", "macro-unknown-descriptor", "error", "unknown macro descriptor (did you mean ...?)", """
The platform substitutes only `gmtDate`, `date`, `dateTimeZone`, `now`, `nowTimeZone`, `epoch` and
`milliseconds`, spelled exactly so: `${DateTimeZone:PST:...}` (capital D, 8 times in Cloud Elements' own
docs) is sent to the vendor unchanged.  Fix the spelling the message suggests.  An all-capitals name
such as `${API_KEY}` is reported as info only, in case a deployment tool fills it in.
""", "/hubs/employee/employees?where=updated_date__gte='${DateTimeZone:PST:yyyy-MM-dd'T'HH:mm:ss}'",
      "/hubs/employee/employees?where=updated_date__gte='${dateTimeZone:PST:yyyy-MM-dd'T'HH:mm:ss}'")

MACRO_MISSING_DESCRIPTOR = _rule("CE602", "macro-missing-descriptor", "error", "a date pattern inside ${...} without a descriptor", """
`${yyyy-MM-dd'T'HH:mm:ss'Z'}` has no descriptor, so the platform does not know it is a date macro and sends
it unchanged.  Write `${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}` (last poll time in GMT), or `dateTimeZone:ZONE:`.
""", "/hubs/general/payments?where=begin_time='${yyyy-MM-dd'T'HH:mm:ss'Z'}'")

MACRO_NUMBER = _rule("CE603", "macro-number", "error", "a number inside ${...} instead of a macro", """
`${518862600}` is a number, not a macro: the platform sends it as is and the poller always asks for the
same moment.  Use `${epoch:s}` (epoch seconds) or `${epoch}` (milliseconds) for the last poll time.
""", "/hubs/marketing/contacts?where=lastUpdatedAt>='${518862600}'",
      "/hubs/marketing/contacts?where=lastUpdatedAt>='${epoch:s}'")

MACRO_FORMAT_NOT_A_DATE = _rule("CE604", "macro-format-not-a-date", "error", "a macro format that is prose, a number, empty or has no field", """
A date macro's format must be a `SimpleDateFormat` pattern with at least one date field.  Prose such as
`${date:10 digit integer Unix time}`, a number, or an empty format prints the same text on every poll (or
does not compile).  strftime's `%s` (epoch seconds) is no such pattern either.  For epoch seconds use
`${epoch:s}` (`${epoch}` for milliseconds); otherwise write the pattern the vendor expects.
""", "/hubs/marketing/contacts?where=lastUpdatedAt>='${date:10 digit integer Unix time}'",
      "/hubs/marketing/contacts?where=lastUpdatedAt>='${epoch:s}'")

MACRO_MALFORMED = _rule("CE605", "macro-malformed", "error", "a malformed macro: unterminated ${, missing { or $, missing format", """
A macro is `${descriptor:arguments}`.  An unterminated `${`, a `$` that lost its `{`
(`'$yyyy-MM-dd'T'HH:mm:ss'Z'}'`), a `{` that lost its `$` (`'{gmtDate:yyyy-MM-dd}'`: the vendor gets the
text), parentheses for braces (`$(gmtDate:yyyy-MM-dd)`, fixed safely), `%` or `#` for the `$`
(`%{gmtDate:yyyy-MM-dd}`, fixed safely), a percent-encoded `%24%7B...%7D` (copied
from a browser or Postman, fixed safely), an empty `${}`, `${gmtDate}` without a format or
`${dateTimeZone:FORMAT}` without a zone are not substituted, nor is a zone given to a macro that takes none
(`${gmtDate:America/Denver:...}`, `${date:yyyy-MM-dd HH:mm:ss:America/Denver}`: `${dateTimeZone:ZONE:FORMAT}` was
meant, the zone first; fixed on request).  A doubled `$$` before a macro (an escape for
Terraform, make or docker-compose) leaves a `$` before the date unless such a tool reads the file first: a
warning, fixed only on request.
""", "/hubs/crm/contacts?where=updated_at>='$yyyy-MM-dd'T'HH:mm:ss'Z'}'")

MACRO_TEMPLATE_LEFTOVER = _rule("CE606", "macro-template-leftover", "error", "#{'$'}{...}: a templating escape left in the URL", """
`#{'$'}{gmtDate:...}` is how a template engine (FreeMarker, Thymeleaf) writes a literal `${`; copied
unrendered into a body it is not a macro, and the vendor receives the text.  Write `${gmtDate:...}`.
""", "/hubs/finance/bills?where=TimeModified >= '#{'$'}{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
      "/hubs/finance/bills?where=TimeModified >= '${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

MACRO_PLACEHOLDER_ZONE = _rule("CE607", "macro-placeholder-zone", "warning", "a placeholder such as {TimeZone} as a macro's zone", """
`${dateTimeZone:{TimeZone}:...}` carries an unfilled placeholder as its zone.  Unless something replaces it
before the poll runs, Java's `TimeZone.getTimeZone("{TimeZone}")` silently answers GMT.  Put the vendor
account's zone id (`America/Los_Angeles`, `GMT`...).  A deployment tool's reference as the zone
(`${dateTimeZone:${VENDOR_TZ}:...}`, `$(VendorTz)`, `__VENDOR_TZ__`) is read the same way.
""", "/hubs/crm/contacts?where='Modified Time'>'${dateTimeZone:{TimeZone}:yyyy-MM-dd HH:mm:ss}'",
      "/hubs/crm/contacts?where='Modified Time'>'${dateTimeZone:GMT:yyyy-MM-dd HH:mm:ss}'")

MACRO_UNKNOWN_ZONE = _rule("CE608", "macro-unknown-zone", "error", "a zone Java does not know (silently GMT)", """
Java's `TimeZone.getTimeZone` answers GMT for any id it does not know (ids are case-sensitive: `utc`,
`America/new_york`, `UTC+05:30` are unknown), so the macro prints GMT time under another name.  Use a
known id; the message suggests the closest one.  An id meant as UTC (`utc`, `Z`) is a warning: GMT prints
the same.  Offsets written as `-8:00` are documented by Cloud Elements and accepted.
""", "/hubs/crm/contacts?where=updated>'${dateTimeZone:America/Denvr:yyyy-MM-dd HH:mm:ss}'",
      "/hubs/crm/contacts?where=updated>'${dateTimeZone:America/Denver:yyyy-MM-dd HH:mm:ss}'")

EPOCH_BAD_UNIT = _rule("CE609", "epoch-bad-unit", "warning", "${epoch:UNIT} with a unit other than s, ms, us", """
`${epoch}` is the last poll time in epoch milliseconds; `${epoch:s}`, `${epoch:ms}` and `${epoch:us}` give
seconds, milliseconds and microseconds.  Any other unit (`${epoch:0}`) is not documented: what the
platform prints for it is unknown.
""", "/hubs/payment/events?where=created>'${epoch:sec}'", "/hubs/payment/events?where=created>'${epoch:s}'")

URL_STRAY_QUOTE = _rule("CE610", "url-stray-quote", "error", "a quote outside any macro or CEQL string", """
A quote in the path, or an unpaired quote in a query value other than `where`, is sent to the vendor
as part of the value (`&updateKey={updateKey}'` asks for a key ending in a quote).  Remove it.  So is the
backslash of a quote escaped for a shell or a programming language next to a macro (`>=\\'${gmtDate:...}\\'`):
removed safely.  Inside a value (`'O\\'Brien'`) it may be the vendor's own escape, and is left alone.
""", "/hubs/general/contacts'", "/hubs/general/contacts")

URL_STRAY_BRACE = _rule("CE611", "url-stray-brace", "error", "a brace outside any macro or {variable}", """
`{name}` is a path variable and `${...}` a macro; any other brace (`/contacts}`) is sent as is.
""", "/hubs/general/contacts}", "/hubs/general/contacts")

URL_WHITESPACE = _rule("CE612", "url-whitespace", "error", "whitespace at the start or end of the URL, a control character or a space that is not ASCII", """
A URL that starts with a space (` /hubs/...`) or holds a tab or newline (also at its end) is not a valid
request path.  Spaces at the end are reported as info: they are sent as `%20`, which most vendors ignore.  A
no-break, thin or zero-width space inside the URL (pasted from a web page or a document) is sent as it is, and
the vendor reads no separator there: each is fixed safely (an ASCII space, or nothing for a zero-width one).
A space in the path before its `?` or beside a `/` (`/hubs/finance/customers ?where=...`) is sent with the path
(`/customers%20`), which names no resource unless the vendor ignores it: a warning, removed by a safe fix.
""", " /hubs/crm/contacts", "/hubs/crm/contacts")

URL_MISSING_SLASH = _rule("CE613", "url-missing-slash", "error", "the URL does not start with '/'", """
Poller URLs are relative to the hub (`/hubs/crm/contacts`) or to the vendor's base URL (`/invoices`);
without the leading `/` the path is joined to the base URL without a separator.
""", "hubs/employee/timesheets", "/hubs/employee/timesheets")

URL_PLUS_UNENCODED = _rule("CE616", "url-plus-unencoded", "warning", "a macro prints '+' into a query that is not encoded", """
`Z` always prints a sign (`+0000` in GMT), `X` prints `+hh:mm` east of GMT, and `z` prints `GMT+05:30` for
custom zones.  The platform's examples never percent-encode the substituted value, and a raw `+` in a
query string is read as a space by most servers, so the vendor sees `2024-01-05T10:00:00 0000`.  Use `X`
(which prints `Z` at offset zero) or a literal `'Z'` for GMT.  An offset written after the macro
(`'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}+00:00'`) sends its `+` the same way: write it `%2B00:00`.  Off when the
encode-values assumption is on.
""", "/hubs/crm/contacts?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssZ}'",
      "/hubs/crm/contacts?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'")

URL_HTML_ENTITY = _rule("CE618", "url-html-entity", "error", "an HTML entity (&apos;, &quot;) in the URL", """
`&apos;` is what an HTML page shows for `'`; copied into a URL it is sent as is, and its `&` splits the
query into two parameters.  Write the character itself.
""", "/hubs/crm/contacts?where=update_time >= &apos;${gmtDate:yyyy-MM-dd HH:mm:ss}&apos;",
      "/hubs/crm/contacts?where=update_time >= '${gmtDate:yyyy-MM-dd HH:mm:ss}'")

CEQL_UNBALANCED_QUOTE = _rule("CE620", "ceql-unbalanced-quote", "error", "a CEQL string whose quote never closes", """
In the `where` value, every string opens and closes with `'`.  The Sage One page's
`... and attributes='created_at,updated_at` never closes its last quote; the element's own definition does.
Quotes inside a macro's format (`${date:yyyy-MM-dd'T'HH:mm:ss'Z'}`) do not count: the macro is replaced first.
But a doubled `''` in that format prints a `'` into the filter (`ss''Z''` sends `05'+0000'`), which ends the
string the date is in: reported, with `'Z'` for `''Z''` as an unsafe fix.
""", "/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and "
      "attributes='created_at,updated_at",
      "/hubs/finance/customers?where=lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and "
      "attributes='created_at,updated_at'")

CEQL_DANGLING_OPERATOR = _rule("CE621", "ceql-dangling-operator", "error", "a CEQL operator with nothing on one side, or none at all", """
`updated >` at the end of the filter, `and` with no condition after it, `in` without a list, `is`
without `null`, a field with its value and no operator between them (`LastModifiedDate'${gmtDate:...}'`):
the vendor rejects the filter.
""", "/hubs/crm/contacts?where=updated_at >", None)

CEQL_EMPTY_WHERE = _rule("CE622", "ceql-empty-where", "error", "an empty where=", """
`?where=` with nothing after it sends an empty filter; give a condition or remove the parameter.
""", "/hubs/crm/contacts?where=", None)

CEQL_UNBALANCED_PARENTHESIS = _rule("CE623", "ceql-unbalanced-parenthesis", "error", "a CEQL parenthesis that is never closed or closes nothing", """
Every `(` in the `where` value needs its `)`.
""", "/hubs/crm/contacts?where=(updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'", None)

CEQL_UNQUOTED_DATE = _rule("CE624", "ceql-unquoted-date", "info", "a date macro outside quotes in the where value", """
515 of 521 date macros in Cloud Elements' examples sit inside single quotes: a rendered date
(`2024-01-05T10:00:00Z`) is not a CEQL number.  Quote it unless the vendor's filter expects it bare.
""", "/hubs/ecommerce/orders?where=min_date_modified=${date:yyyy-MM-dd'T'HH:mm:ss'Z'}",
      "/hubs/ecommerce/orders?where=min_date_modified='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

URL_UNKNOWN_HUB = _rule("CE625", "url-unknown-hub", "warning", "a hub name close to a known one (typo)", """
Hub-relative URLs read `/hubs/<hub>/<resource>`; a hub that is not known but one letter or two away from a
known hub (`docuemnts`) is a typo, and so is `/hub/<known hub>/` for `/hubs/`, or either in capitals (`/Hubs/`,
`/hubs/CRM/`; these fixed safely).  Unknown hubs far from any known one are not reported.
""", "/hubs/docuemnts/documents", "/hubs/documents/documents")

URL_QUERY_IN_PATH = _rule("CE626", "url-query-in-path", "warning", "a path segment name=value where a query was meant", """
`/hubs/crm/clients/startingFrom=${epoch}` puts a parameter in the path: the URL has no `?`, so the vendor sees a
path segment.  Write `/clients?startingFrom=${epoch}`.
Only hub-relative URLs are checked: a vendor's own paths may hold `=`.
""", "/hubs/crm/clients/startingFrom=${epoch}", "/hubs/crm/clients?startingFrom=${epoch}")

URL_EMPTY_SEGMENT = _rule("CE641", "url-empty-segment", "warning", "'//' in the path of a poller URL", """
`/hubs/crm//contacts` or `//contacts`, most often a template's base path ending in `/` joined to a path starting
with one: the empty segment makes another path than the one meant (most vendors answer 404, and the poller finds
nothing), and a URL starting with `//` reads as a host.  The fix writes one `/` (unsafe: check the path the vendor
documents).
""", "/hubs/crm//contacts", "/hubs/crm/contacts")

URL_FIXED_DATE = _rule("CE627", "url-fixed-date", "warning", "a where filter on a fixed date and no macro at all", """
`?where=mdate>=2017-02-28T16:11:29-06:00` never moves: every poll asks for everything changed since that
date, and the poller reports the same records again and again.  Use a macro for the last poll time.
""", "/hubs/marketing/deals?where=mdate>=2017-02-28T16:11:29-06:00",
      "/hubs/marketing/deals?where=mdate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'")

URL_TEMPLATE_PLACEHOLDER = _rule("CE640", "url-template-placeholder", "warning", "a template tool's placeholder where the where filter's last poll time belongs", """
`?where=updated>'{since}'` (Python's `str.format`), `'%s'` or `'%(since)s'` is what a script or template
leaves when it is not run over the body, or is run over another one, and `$since` what a shell, PowerShell or
PHP leaves when single quotes kept it from expanding: the vendor
receives the placeholder as it is, and the filter never moves.  The platform fills in its own macros only.
""", "/hubs/crm/contacts?where=updated>'{since}'",
    "/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

URL_EMPTY_COMPARISON = _rule("CE628", "url-empty-comparison", "warning", "a where filter compares with an empty string", """
`?where=updated>=''` compares with nothing: this is what is left when a shell expands `'${gmtDate:...}'`
inside `curl -d '...'` (the inner single quotes end the shell's quoting, and `${gmtDate:...}` is an empty
shell variable). Put the macro back, and send the body from a file (`curl -d @body.json`). A date macro quoted
twice (`>=''${gmtDate:...}''`) compares with `''` too, and its date follows outside any string: quote it once
(fixed safely).
""", "/hubs/crm/contacts?where=updated>=''",
    "/hubs/crm/contacts?where=updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

URL_DOUBLE_ENCODED = _rule("CE629", "url-double-encoded", "error", "a percent-escape encoded twice (%253E, %2527)", """
`%25` is the escape of `%` itself, so `%253E` reaches the vendor as the three characters `%3E`, not as `>`:
the filter compares with the wrong text or does not parse.  It is what an encoder run over an already
encoded URL produces.  Write the character itself (the platform's examples never encode), or `%3E` once.
""", "/hubs/crm/contacts?where=lastmodifieddate%253E%2527${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}%2527",
    "/hubs/crm/contacts?where=lastmodifieddate>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

CEQL_DOUBLE_EQUALS = _rule("CE630", "ceql-double-equals", "error", "== in a where filter (CEQL equality is =)", """
CEQL compares with `=`, `!=`, `<`, `<=`, `>`, `>=`, `like`, `in` and `is [not] null` (SQL's `<>` is not among the
operators the platform documents: CE639); `==` is a
programming-language habit the vendor's filter does not accept.  Write `=`; for JavaScript's `===` and `!==`,
`=` and `!=`.
""", "/hubs/crm/contacts?where=status=='active' and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
    "/hubs/crm/contacts?where=status='active' and updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

CEQL_AMPERSAND_JOIN = _rule("CE631", "ceql-ampersand-join", "error", "'&' joins conditions inside a where filter", """
The `where` value ends at the first `&` outside its quotes: in
`?where=updated>'${gmtDate:...}'&status='open'` the second condition is sent as another query parameter
(`status` with the value `'open'`), which the hub does not read as a filter.  CEQL joins conditions with
` and ` (or ` or `).  Reported when what follows `&` is a condition: an operator other than `=` in the
name (`b>'x'`), spaces, or a quoted value or macro (`b='x'`, `b='${epoch}'`); ordinary parameters such as
`&pageSize=100` are not, nor a macro unquoted (`&since=${epoch:s}`: a parameter some APIs read).
""", "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'&status='open'",
    "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and status='open'")

CEQL_MISSING_CONJUNCTION = _rule("CE636", "ceql-missing-conjunction", "error", "two conditions in a where filter with no and/or between them", """
CEQL joins conditions with ` and ` or ` or `: in `where=updated>'${gmtDate:...}' attributes='a,b'` the second
condition follows the first with nothing between them, and the vendor rejects the filter.  Reported only
when the filter reads as conditions once a conjunction is put between them; the fix writes ` and `
(unsafe: ` or ` may be what was meant).
""", "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' attributes='created_at'",
    "/hubs/finance/customers?where=lastModifiedDate>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and "
    "attributes='created_at,updated_at'")

CEQL_UNREADABLE = _rule("CE639", "ceql-unreadable", "warning", "a where filter that does not read as CEQL conditions", """
A `where` value is conditions (`field>='value'`, `field like 'a%'`, `field in ('a','b')`, `field is null`)
joined with `and` or `or`, in parentheses as needed.  A filter that does not read so is passed to the vendor,
which rejects it, and the poller gets nothing: another language's operator (`updated gte '...'`: CEQL writes
`>=`; fixed on request), `between`, a comma or semicolon between conditions (fixed on request to ` and `; before
a query parameter, a name and a value neither quoted nor a CEQL literal, `;pageSize=200`, to `&`), an `&`
encoded as `%26` outside a string (the server decodes it inside the filter: fixed on request to ` and `, or to `&`
before a parameter, `'...'%26pageSize=200`), the hub's own parameter written as a condition (`and pageSize=200`,
so `nextPage`, `orderBy`: no record's field; the `and` before the last condition fixed on request to `&`), a field name
with a space, a misspelt conjunction (`orr`), a character CEQL has no use for (`! =`), a quoted value alone where a
condition belongs (`'x' and ...`) or after a condition's value (`a='b' 'c'`), a value of two words not quoted
(`status=Closed Won`), empty parentheses (`and ()`), an empty list (`in ()`), and a field name in quotes
compared with a macro (`'updated_at' > '${gmtDate:...}'`: two texts compared, no record's date).  The finding points at
the first token that does not fit.  Reported only when no other rule explains the filter (an unbalanced quote
or parenthesis, a missing value, a malformed macro), and never for a percent-encoded filter (decoded before
it is read; its `%26` aside), a function (`lower(name) = 'x'`) or a clause of the vendor's own (`limit 10`); `ORDER BY` after the
conditions is reported (CEQL filters; the `orderBy` parameter sorts).  Autocorrect's
symbols (`≥`, `≤`, `≠`) are reported wherever they are, also glued to the field (`updated≥'...'`) and in an
encoded filter, each with its ASCII operator as a fix on request.
""", "/hubs/crm/contacts?where=updated_at gte '${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
    "/hubs/crm/contacts?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

URL_ABSOLUTE = _rule("CE632", "url-absolute", "warning", "an absolute vendor URL (https://api.vendor.com/...)", """
A poller `url` is a path the platform joins to the element's base URL: the hub path
(`/hubs/crm/contacts`, normalised by the hub for every element) or the vendor's own path (`/invoices`).
Every documented poller is written so; an absolute `https://api.hubapi.com/crm/v3/...` copied from the
vendor's API reference is assumed to be joined like any other path, which gives no valid URL.  Write the
hub path, or the vendor path without scheme and host.
""", "https://api.hubapi.com/crm/v3/objects/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
    "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

MACRO_FORMAT_SPACE = _rule("CE633", "macro-format-space", "warning", "whitespace at the edge of a macro's format or zone", """
`${gmtDate: yyyy-MM-dd'T'HH:mm:ss'Z'}` has a space after the colon: Java's `SimpleDateFormat` keeps it as
literal text, so the vendor receives `' 2024-01-05T10:00:00Z'`, which most date parsers reject.  A space
around a zone (`${dateTimeZone: America/Denver:...}`) makes the id unknown to Java, which then silently uses
GMT.  Remove the whitespace; spaces inside a pattern (`yyyy-MM-dd HH:mm:ss`) are fine.
""", "/hubs/crm/contacts?where=updated_at>'${gmtDate: yyyy-MM-dd'T'HH:mm:ss'Z'}'")

URL_QUERY_SEPARATOR = _rule("CE634", "url-query-separator", "error", "'?' and '&' swapped: a second '?', or a query starting with '&'", """
The query starts with one `?`; its parameters are separated by `&`.  A second `?`
(`?where=...?pageSize=100`) is sent as part of the value before it, and a query that starts with `&`
(`/contacts&where=...`) is read as part of the path, and a `;` before `where=` (`?pageSize=200;where=...`, as
some other tools separate parameters) makes the filter part of the value before it: the hub gets none (the
fix, unsafe, writes `&`).  A `#` typed for the `?` (`/contacts#where=...`) starts the
URL's fragment, which is never sent: the vendor gets no query; the fix (unsafe) writes `?`.
""", "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'?pageSize=100",
    "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'&pageSize=100")

URL_WHERE_MISSPELLED = _rule("CE635", "url-where-misspelled", "warning", "a hub URL's filter under a misspelled where (Where, were)", """
On a hub URL (`/hubs/...`) the CEQL filter is the `where` parameter, lower case.  `?Where=...`,
`?WHERE=...` or `?were=...` holding a comparison is passed on as an unknown parameter, so the poller asks
for every record on each run.  So is a filter written without `where=` at all (`?updated_at>='${gmtDate:...}'`:
a parameter named `updated_at>`); the fix (unsafe) writes `where=` before it.  Reported only on hub URLs without a
`where` parameter.
""", "/hubs/crm/contacts?Where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

CEQL_WHERE_TWICE = _rule("CE637", "ceql-where-twice", "warning", "a second where= parameter", """
A poller URL has one CEQL filter, the `where` parameter.  A second `&where=...` does not add its conditions:
which of the two the hub reads is not documented, so one filter is dropped, and the poller either asks for
every record or ignores the last poll time.  Join the conditions with ` and ` in one `where`.  So is a
`where=` written again inside the filter (`where=where=...`, `... and where=status='open'`): the vendor reads a
field named `where`; the fix removes it (safe).
""", "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'&where=status='open'",
    "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and status='open'")

CEQL_NOT_SINGLE_QUOTED = _rule("CE638", "ceql-not-single-quoted", "warning", "a CEQL value in double quotes", """
CEQL writes string values in single quotes (`status='open'`), as every documented filter does.  A value in
double quotes (`updated_at>"${gmtDate:...}"`) is not documented: in SQL, which CEQL follows, double quotes
name a field, so the vendor may compare with a field called like the date, or reject the filter.  So do
backquotes, reported around a macro only: they name fields (`` `Modified Time` ``) and wrap vendors' own
expressions, never the last poll time.  The fix writes single quotes (unsafe: it changes what is sent).  A
macro quoted twice (`'"${gmtDate:...}"'`) sends the inner quotes as part of the date: the fix removes them.
""", "/hubs/crm/contacts?where=updated_at>\"${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}\"")

CEQL_AND_OR_MIXED = _rule("CE642", "ceql-and-or-mixed", "warning",
                          "`and` and `or` side by side, without parentheses, around the last poll time", """
`status='UNPAID' or status='PART_PAID' and updated>'${gmtDate:...}'`: in SQL, which CEQL follows, `and` binds
before `or`, so the date condition filters only the conditions joined to it with `and`, and every poll returns
every record the other side of `or` matches (every unpaid invoice, each time, as an event).  How CEQL groups
them is not documented, which is one more reason to say it.  Put the `or` conditions in parentheses:
`(status='UNPAID' or status='PART_PAID') and updated>'${gmtDate:...}'`.
""", "/hubs/finance/invoices?where=status='UNPAID' or status='PART_PAID' and updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
    "/hubs/finance/invoices?where=(status='UNPAID' or status='PART_PAID') and updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

CEQL_OR_WITHOUT_LAST_POLL = _rule("CE646", "ceql-or-without-last-poll", "warning",
                                  "an `or` whose other side does not compare the last poll time", """
`updated>'${gmtDate:...}' or status='open'`: the last poll time bounds only its side of the `or`, so every poll
returns every record the other side matches (every open record, each time, as an event).  A condition meant to
narrow the records joins with `and`; an `or` is right when each of its sides compares the last poll time
(`updated>'${...}' or created>'${...}'`).  `and` beside the `or` without parentheses is CE642's.  An `or` in
parentheses under `not` narrows the records (`not (updated<='${...}' or deleted=true)`): neither rule reports it;
an `and` there widens them (`not (updated<='${...}' and status='x')` is `updated>'${...}' or status!='x'`): CE646.
""", "/hubs/crm/leads?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' or status='open'",
    "/hubs/crm/leads?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and status='open'")

MACRO_ARITHMETIC = _rule("CE643", "url-macro-arithmetic", "error", "a sum written after a macro", """
`'${epoch}/1000'` or `${epoch:s}*1000`: the platform substitutes the macro and computes nothing, so the vendor gets
`1720173600000/1000`, which it cannot read as a time (most reject the filter, some match every record or none).
The macro's unit is the only scaling there is: `${epoch:s}` for seconds, `${epoch:ms}` for milliseconds,
`${epoch:us}` for microseconds.  The fix writes the unit the sum meant (unsafe: check the unit the vendor reads).
So for a date macro: `'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}-60000'` sends `2024-01-05T10:00:00Z-60000`, which is no
date (an overlap with the last poll cannot be written in the URL), and so is a sum after the value's closing quote
(`'${gmtDate:...}'-3600`), where the CEQL condition cannot go on; the fix removes the sum (unsafe: the overlap
goes).  An offset written after the date inside the quotes (`...ss}+00:00'`, `-0500`) is not a sum.
""", "/hubs/social/conversations?where=startEpoch>'${epoch}/1000'", "/hubs/social/conversations?where=startEpoch>'${epoch:s}'")

CEQL_AMPERSAND_IN_STRING = _rule("CE644", "ceql-ampersand-in-string", "warning", "an `&` or `#` inside a quoted CEQL string", """
`where=lead_name='Smith & Sons' and updated>'${gmtDate:...}'`: a query's `&` separates parameters, and neither
the platform nor the vendor's server knows CEQL's quotes, so the filter ends at `'Smith ` (a string that never
closes) and ` Sons' and updated>...` arrives as another parameter: the vendor rejects the filter or ignores the
date.  Write the `&` percent-encoded, `%26` (the fix, unsafe: it assumes the platform sends the URL's text as it
is, as its examples suggest).  So for `#` (`reference='INV#100'`): it starts the URL's fragment, which no
request sends, so the filter ends at `'INV`; write `%23`.
""", "/hubs/crm/accounts?where=name='Smith & Sons' and updated>'${gmtDate:yyyy-MM-dd}'",
    "/hubs/crm/accounts?where=name='Smith %26 Sons' and updated>'${gmtDate:yyyy-MM-dd}'")

URL_MACRO_IN_HUB_PATH = _rule("CE645", "url-macro-in-hub-path", "warning", "the last poll time in a hub URL's path", """
A hub's path names the resource and, after it, one record by its id (`/hubs/finance/customers/{id}`).  A date macro
there (`/hubs/finance/customers/${gmtDate:yyyy-MM-dd}`) is sent as that id: the hub asks the vendor for the
customer whose id is the date, and the poller gets nothing (or an error) on every run.  The last poll time filters
in the query: `?where=updated_at>='${gmtDate:...}'`.  Not reported in the `general` hub, whose resources an element
defines itself, nor on a vendor's own path (`/changes/since/${date:...}`).
""", "/hubs/finance/customers/${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}",
    "/hubs/finance/customers?where=updated_at>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'")

# Opt-in: on only when `select` names the code (`--select CE617`, or `--report-spaces`).
URL_RAW_SPACE = _rule("CE617", "url-raw-space", "info", "a raw space in the URL (opt-in: --select CE617)", """
How the platform encodes spaces is not documented; 208 URLs of its own element definitions hold raw
spaces and work, so this is off by default and info when asked for (`check --select CE617`, or
`--report-spaces`).
""", "/hubs/crm/contacts?where=updated_at >= '${gmtDate:yyyy-MM-dd HH:mm:ss}'", opt_in=True)

RULES: list[Rule] = [
    MACRO_UNKNOWN_DESCRIPTOR, MACRO_MISSING_DESCRIPTOR, MACRO_NUMBER, MACRO_FORMAT_NOT_A_DATE, MACRO_MALFORMED,
    MACRO_TEMPLATE_LEFTOVER, MACRO_PLACEHOLDER_ZONE, MACRO_UNKNOWN_ZONE, EPOCH_BAD_UNIT, URL_STRAY_QUOTE,
    URL_STRAY_BRACE, URL_WHITESPACE, URL_MISSING_SLASH, URL_PLUS_UNENCODED, URL_RAW_SPACE, URL_HTML_ENTITY,
    CEQL_UNBALANCED_QUOTE, CEQL_DANGLING_OPERATOR, CEQL_EMPTY_WHERE, CEQL_UNBALANCED_PARENTHESIS, CEQL_UNQUOTED_DATE,
    URL_UNKNOWN_HUB, URL_QUERY_IN_PATH, URL_EMPTY_SEGMENT, URL_FIXED_DATE, URL_EMPTY_COMPARISON, URL_DOUBLE_ENCODED, CEQL_DOUBLE_EQUALS,
    CEQL_AMPERSAND_JOIN, URL_ABSOLUTE, MACRO_FORMAT_SPACE, URL_QUERY_SEPARATOR, URL_WHERE_MISSPELLED,
    CEQL_MISSING_CONJUNCTION, CEQL_WHERE_TWICE, CEQL_NOT_SINGLE_QUOTED, CEQL_UNREADABLE, URL_TEMPLATE_PLACEHOLDER,
    CEQL_AND_OR_MIXED, MACRO_ARITHMETIC, CEQL_AMPERSAND_IN_STRING, URL_MACRO_IN_HUB_PATH, CEQL_OR_WITHOUT_LAST_POLL,
]

#: The rule each flaw is reported as, and the severity when it is not the rule's own.
FLAW_RULES: dict[Flaw, tuple[Rule | str, Severity | None]] = {
    Flaw.MACRO_UNKNOWN_DESCRIPTOR: (MACRO_UNKNOWN_DESCRIPTOR, None),
    Flaw.MACRO_ENV_REFERENCE: (MACRO_UNKNOWN_DESCRIPTOR, "info"),
    Flaw.MACRO_MISSING_DESCRIPTOR: (MACRO_MISSING_DESCRIPTOR, None),
    Flaw.MACRO_NUMBER: (MACRO_NUMBER, None),
    Flaw.MACRO_FORMAT_NOT_A_DATE: (MACRO_FORMAT_NOT_A_DATE, None),
    Flaw.MACRO_FORMAT_INVALID: (DATE_PATTERN_INVALID, None),
    Flaw.MACRO_FORMAT_STRFTIME: (DATE_FORMAT_NOT_A_PATTERN, None),
    Flaw.MACRO_MALFORMED: (MACRO_MALFORMED, None),
    Flaw.MACRO_DOUBLED_DOLLAR: (MACRO_MALFORMED, "warning"),  # right in a template Terraform or compose expands
    Flaw.MACRO_TEMPLATE_LEFTOVER: (MACRO_TEMPLATE_LEFTOVER, None),
    Flaw.MACRO_PLACEHOLDER_ZONE: (MACRO_PLACEHOLDER_ZONE, None),
    Flaw.MACRO_UNKNOWN_ZONE: (MACRO_UNKNOWN_ZONE, None),
    Flaw.MACRO_UNKNOWN_UTC_ZONE: (MACRO_UNKNOWN_ZONE, "warning"),  # as CE501 says of `utc` in datesConfiguration
    Flaw.EPOCH_BAD_UNIT: (EPOCH_BAD_UNIT, None),
    Flaw.MACRO_ARITHMETIC: (MACRO_ARITHMETIC, None),
    Flaw.CEQL_AMPERSAND_IN_STRING: (CEQL_AMPERSAND_IN_STRING, None),
    Flaw.MACRO_IN_HUB_PATH: (URL_MACRO_IN_HUB_PATH, None),
    Flaw.STRAY_QUOTE: (URL_STRAY_QUOTE, None),
    Flaw.STRAY_BRACE: (URL_STRAY_BRACE, None),
    Flaw.WHITESPACE: (URL_WHITESPACE, None),
    Flaw.TRAILING_WHITESPACE: (URL_WHITESPACE, "info"),
    Flaw.PATH_SPACE: (URL_WHITESPACE, "warning"),
    Flaw.MISSING_SLASH: (URL_MISSING_SLASH, None),
    Flaw.PLUS_UNENCODED: (URL_PLUS_UNENCODED, None),
    Flaw.RAW_SPACE: (URL_RAW_SPACE, "info"),
    Flaw.HTML_ENTITY: (URL_HTML_ENTITY, None),
    Flaw.UNKNOWN_HUB: (URL_UNKNOWN_HUB, None),
    Flaw.QUERY_IN_PATH: (URL_QUERY_IN_PATH, None),
    Flaw.EMPTY_SEGMENT: (URL_EMPTY_SEGMENT, None),
    Flaw.FIXED_DATE: (URL_FIXED_DATE, None),
    Flaw.EMPTY_COMPARISON: (URL_EMPTY_COMPARISON, None),
    Flaw.TEMPLATE_PLACEHOLDER: (URL_TEMPLATE_PLACEHOLDER, None),
    Flaw.CEQL_UNBALANCED_QUOTE: (CEQL_UNBALANCED_QUOTE, None),
    Flaw.CEQL_DANGLING_OPERATOR: (CEQL_DANGLING_OPERATOR, None),
    Flaw.CEQL_EMPTY_WHERE: (CEQL_EMPTY_WHERE, None),
    Flaw.CEQL_UNBALANCED_PARENTHESIS: (CEQL_UNBALANCED_PARENTHESIS, None),
    Flaw.CEQL_UNQUOTED_DATE: (CEQL_UNQUOTED_DATE, None),
    Flaw.DOUBLE_ENCODED: (URL_DOUBLE_ENCODED, None),
    Flaw.CEQL_DOUBLE_EQUALS: (CEQL_DOUBLE_EQUALS, None),
    Flaw.CEQL_AMPERSAND_JOIN: (CEQL_AMPERSAND_JOIN, None),
    Flaw.CEQL_MISSING_CONJUNCTION: (CEQL_MISSING_CONJUNCTION, None),
    Flaw.CEQL_UNREADABLE: (CEQL_UNREADABLE, None),
    Flaw.ABSOLUTE_URL: (URL_ABSOLUTE, None),
    Flaw.MACRO_FORMAT_SPACE: (MACRO_FORMAT_SPACE, None),
    Flaw.QUERY_SEPARATOR: (URL_QUERY_SEPARATOR, None),
    Flaw.WHERE_MISSPELLED: (URL_WHERE_MISSPELLED, None),
    Flaw.WHERE_TWICE: (CEQL_WHERE_TWICE, None),
    Flaw.CEQL_NOT_SINGLE_QUOTED: (CEQL_NOT_SINGLE_QUOTED, None),
    Flaw.CEQL_AND_OR_MIXED: (CEQL_AND_OR_MIXED, None),
    Flaw.CEQL_OR_WITHOUT_LAST_POLL: (CEQL_OR_WITHOUT_LAST_POLL, None),
    Flaw.INTERNAL_ERROR: ("CE099", "info"),  # syntax.py's internal-error rule
}


#: How safe each fact's ``replacement`` is to apply (ruff's applicability); flaws not listed have no fix.
FIX_APPLICABILITY: dict[Flaw, Applicability] = {
    Flaw.CEQL_DOUBLE_EQUALS: "safe",  # '==' -> '='
    Flaw.MACRO_FORMAT_SPACE: "safe",  # the whitespace removed
    Flaw.DOUBLE_ENCODED: "unsafe",  # '%253E' -> '%3E': whether the platform encodes again is undocumented
    Flaw.CEQL_AMPERSAND_JOIN: "unsafe",  # '&' -> ' and ': the condition becomes part of the filter
    Flaw.QUERY_SEPARATOR: "unsafe",  # '?' <-> '&'
    Flaw.MACRO_MALFORMED: "safe",  # '$(gmtDate:...)' -> '${gmtDate:...}'
    Flaw.MACRO_FORMAT_STRFTIME: "unsafe",  # '%Y-%m-%d' -> 'yyyy-MM-dd', as CE402's fix of a records' format
    Flaw.MACRO_DOUBLED_DOLLAR: "unsafe",  # '$$' -> '$': wrong if a template tool reads the file first
    Flaw.STRAY_QUOTE: "safe",  # "\\'" -> "'", the only such fact with a replacement
    Flaw.UNKNOWN_HUB: "safe",  # '/hub/' -> '/hubs/', '/Hubs/' and '/hubs/CRM/' in lower case: the facts with a replacement
    Flaw.WHITESPACE: "safe",  # a no-break space -> ' ', a zero-width one removed: the only such facts with one
    Flaw.PATH_SPACE: "safe",  # the space removed
}


def fix_of(fact: UrlFact) -> Fix | None:
    """The machine-applicable fix of ``fact`` (offsets into the URL), or None."""
    if fact.fix is not None:
        return fact.fix
    applicability = FIX_APPLICABILITY.get(fact.flaw)
    if fact.replacement is None or applicability is None:
        return None
    return Fix(fact.help or "apply the suggested edit", (Edit(fact.start, fact.end, fact.replacement),),
               applicability)


def rule_of(fact: UrlFact) -> tuple[Rule, Severity | None]:
    """The rule ``fact`` is reported as, and its severity when it is not the rule's default."""
    rule, severity = FLAW_RULES[fact.flaw]
    if isinstance(rule, str):
        from . import rule_for

        rule = rule_for(rule)
    return rule, severity


def url_problems(template: UrlTemplate | str, *, encode_values: bool = False, server_zone: str = "GMT",
                 report_spaces: bool = False, facts: list[UrlFact] | None = None) -> list[Problem]:
    """The facts of ``template`` (or of ``facts``) as :class:`Problem` s with rule codes, sorted by position.

    ``encode_values``: whether the platform percent-encodes substituted values (undocumented;
    default False, as no example encodes anything): when False, a macro that prints '+' in the
    query is reported (CE616).  ``report_spaces``: report raw spaces (CE617, info); off by
    default because 208 working URLs of the platform's own element definitions contain them.
    """
    if isinstance(template, str) and (facts is None or report_spaces):
        from ..urls.template import parse_url_template

        template = parse_url_template(template, server_zone=server_zone)
    if facts is None:
        facts = [] if isinstance(template, str) else template.facts
    if report_spaces and not isinstance(template, str):  # (found only when asked for: not among its facts)
        facts = facts + template.raw_spaces()
    problems = []
    for fact in facts:
        if (fact.flaw is Flaw.PLUS_UNENCODED and encode_values) or (fact.flaw is Flaw.RAW_SPACE and not report_spaces):
            continue
        rule, severity = rule_of(fact)
        problems.append(Problem(rule.code, fact.message, fact.start, fact.end, fact.help, severity, fix_of(fact)))
    problems.sort(key=lambda p: (p.start, p.end, p.rule))
    return problems


def check(ctx: Context) -> Iterator[Finding]:
    """Every poller ``url``: its facts placed in the file (inside a stringified poller too)."""
    from ..urls.template import parse_url_template

    encode_values, report_spaces = ctx.options.encode_values, ctx.enabled(URL_RAW_SPACE.code)
    for entry in ctx.entries():
        if not isinstance(entry.value, dict):
            continue
        url = entry.value.get("url")
        if not isinstance(url, str) or not url:
            continue
        pointer = entry.child("url")
        template = parse_url_template(url, server_zone=ctx.options.server_zone)
        for fact in template.facts + template.raw_spaces() if report_spaces else template.facts:
            if fact.flaw is Flaw.PLUS_UNENCODED and encode_values:
                continue
            rule, severity = rule_of(fact)
            help_, fix = fact.help, fix_of(fact)
            if fact.flaw is Flaw.MACRO_ARITHMETIC and fix is not None and _read_in_milliseconds(entry.value, template,
                                                                                               fact.start):
                # (`${epoch}/1000` on a field `datesConfiguration` reads as milliseconds: `${epoch:s}` is CE414's)
                kept = "${epoch}" + ("'" if "'" in url[fact.start:fact.end] else "")  # (`'${epoch}'/1000`)
                help_ = "remove the sum: `datesConfiguration` reads the field as `milliseconds`, which `${epoch}` sends"
                fix = Fix("write `${epoch}`", (Edit(fact.start, fact.end, kept),), "unsafe")
            yield ctx.finding(rule, fact.message, source=entry.source, pointer=pointer, sub=(fact.start, fact.end),
                              help=help_, severity=severity, fix=fix)


def _read_in_milliseconds(entry: dict[str, object], template: "UrlTemplate", start: int) -> bool:
    """Whether the field compared with the macro at ``start`` is one ``datesConfiguration`` reads as milliseconds."""
    config = entry.get("datesConfiguration")
    macro = next((macro for macro in template.macros if macro.start == start), None)
    field = (condition_field(template, macro) or compared_field(template.text, start)) \
        if isinstance(config, dict) and macro is not None else None
    side = dated_side(config, field) if isinstance(config, dict) and field else None
    return side is not None and isinstance(config, dict) and config.get(f"{side}DateFormat") == "milliseconds"
