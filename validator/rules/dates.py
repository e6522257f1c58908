"""Date formats of poller entries and URL macros (CE4xx).

``updatedDateFormat`` and ``createdDateFormat`` in ``datesConfiguration`` tell the platform how
to *parse* the record's dates; the pattern of a URL macro (``${gmtDate:FMT}``, ``${date:FMT}``,
``${dateTimeZone:ZONE:FMT}``) tells it how to *print* the last poll time into the query.  Both are
``java.text.SimpleDateFormat`` patterns, read with ``Locale.US``, except two special format
tokens: ``milliseconds`` (epoch milliseconds, documented) and ``timestamp`` (undocumented).
Each finding points at the offending letters inside the string.

Rules:

* **CE401** `date-pattern-invalid` (error): the pattern does not compile; Java's message at the
  column Java stops (an unquoted letter such as `T`, an unterminated quote, `XXXX`).  For URL macros
  this is reported by the URL grammar under the same code.  The configuration's date masks
  (`bulk.query.date_mask`) are checked too: a pattern Java refuses (CE401), or a field misread (CE407, CE408,
  CE415, CE416).
* **CE402** `date-format-not-a-pattern` (error): prose, a number or nothing instead of a pattern
  (`10 digit integer Unix time`, `518862600`, `key`).
* **CE403** `date-format-timestamp` (warning): the undocumented token `timestamp`.  `milliseconds`
  is documented and raises nothing.
* **CE404** `date-formats-differ` (warning): `createdDateFormat` differs from `updatedDateFormat`
  while both read the same field.
* **CE405** `date-pattern-fraction` (warning): `SSSS`+ (`SSSSSS`): `S` is a count of milliseconds, not
  a fraction: `.123456` parses as 123,456 ms (+2 min), and 123 ms prints `.000123`.  Also `.S` and `.SS`
  in a URL macro (5 ms prints `.5`, read as 500 ms; `.SS` prints `.05`, read as 50 ms).  And a decimal point
  after the seconds with no fraction after it (`ss.'Z'`, error): the macro prints `10:00:07.Z`, and no record's
  date is read, with milliseconds or without (at the pattern's end, a warning: a date without a fraction is
  not read, one with it loses its milliseconds).
* **CE406** `date-pattern-12-hour` (warning): `hh` or `KK` without `a`: 1 PM and 1 AM look alike; `KK` with `a`
  prints noon's hour as 0; `HH` with
  `a`: 15:30 prints as `15:30 PM`, and a record's `03:30 PM` is read as 03:30.
* **CE407** `date-pattern-week-year` (warning): `YYYY` (week-based year) with `MM`/`dd`: a URL macro is wrong
  from late December (2024-12-30 prints `2025-12-30`); a format that reads dates (error) reads every date as
  the first day of its week-based year (2024-06-15 is read as 2023-12-31).  And the other half of the slip:
  `yyyy` (the calendar year) with `ww` (the week) in a URL macro, which writes 2024-12-30 as `2024-01`, a year
  early; fixed on request (unsafe): `YYYY`.  (A records' format is not told: Java's lenient parse reads `yyyy-ww` as
  it reads `YYYY-ww`.)
* **CE408** `date-pattern-day-of-year` (error): `DD` (day of year) with `MM` and no `dd`: wrong from
  February on (5 February prints `2024-02-36`; `2024-07-20` is read as 20 January).
* **CE409** `date-pattern-three-letter-year` (info): `yyy`; Java prints the full year anyway, but
  it is almost certainly a typo of `yyyy`.
* **CE410** `date-pattern-literal-z` (error): a quoted `'Z'` (or `'UTC'`, `'GMT'`) with a zone that is
  not always UTC: the wall time of that zone is labelled UTC.  The zone is the entry's
  `updatedDateTimezone`/`createdDateTimezone`, the macro's own zone for `${dateTimeZone:...}`,
  GMT for `${gmtDate:...}`, and the server zone for `${date:...}` (documented as GMT; the
  `server_zone` option).  Also the same text written after a macro's closing brace
  (`'${dateTimeZone:Europe/Paris:...ss}Z'`).
* **CE411** `date-pattern-fixed-offset` (error): a hard-coded offset literal (`-0800`, `+05:30`) next
  to a zone with daylight time (`PST`), or one that is not the zone's offset; also one written after a
  macro's closing brace (`'${dateTimeZone:America/New_York:...ss}-05:00'`).
* **CE412** `date-macro-without-dates-configuration` (info): the URL filters by the last poll time,
  but the entry has no `datesConfiguration`, so record dates are not compared with it.
  (Many of the platform's own event-feed resources do this on purpose.)
* **CE413** `date-macro-format-differs` (info): a macro prints the date differently from the
  entry's `updatedDateFormat`.  Often intended: a vendor's query format may differ from the format
  of its records; with `--element-docs`, a pairing the element's own default poller uses is not reported.
* **CE414** `date-macro-epoch-unit` (error): the `where` compares a date field with `${epoch:s}`
  (seconds) or `${epoch:us}` (microseconds) while `datesConfiguration` reads that same field as
  `milliseconds`: one of the two views is off by a factor of 1000 (seconds: every poll matches every
  record; microseconds: none ever matches).  Also where the vendor's parameter names its unit and the
  macro sends another (`startEpochMillis='${epoch:s}'`, `since_seconds='${epoch}'`), and where the field is
  read as the undocumented `timestamp` and the macro sends another unit than the `timestamp-unit` option says it
  holds (epoch seconds by default: `${epoch}` against it is off by 1000).
* **CE415** `date-pattern-month-minute-swapped` (error): `mm` (minutes) between date fields
  (`yyyy-mm-dd`) or `MM` (month) between time fields (`HH:MM:ss`).
* **CE416** `date-pattern-field-repeated` (error): one field written twice, typically `ss.sss` for
  milliseconds (`sss` is the second again: parsing `.123` sets the second to 123, +2 min), also in two of
  its letters (`HH:mm:kk`: `H`, `k`, `K` and `h` are all the hour).
* **CE417** `date-pattern-not-an-instant` (error): a pattern without a year, a month and day, or
  only a time: record dates parse in January 1970 (so every record looks older than the last poll
  and is ignored), and a URL filter cannot name the last poll time.  The macros of one URL count
  together (`date=${gmtDate:yyyy-MM-dd}&time=${gmtDate:HH:mm:ss}` is fine).  A record format with a
  date but no time is info: records are dated midnight, so (as the platform documents comparing the
  updated date with the last poll time) a record changed later on the day of a poll looks older
  than that poll.
* **CE419** `date-filter-backwards` (error): the `where` compares a record's date the wrong way:
  `updated_at < '${gmtDate:...}'` (changes before the last poll) or `updated_at > '${now:...}'` (changes after
  the run), or `updated_at != '${gmtDate:...}'` (every record, on every poll); also with the macro written first
  (`'${gmtDate:...}' > updated_at`), and under `not` as the filter asks it (`not (updated_at > '${gmtDate:...}')`
  is reported; `not updated_at < '${gmtDate:...}'` is the right way round).  Only the dates
  ``datesConfiguration`` reads (without one, fields named like updated/modified).
  Also a vendor window's bounds swapped: `startDate='${now:...}'` or `endDate='${gmtDate:...}'` (the hub
  passes `=` to a parameter whose name says which end it sets).
* **CE418** `date-pattern-hour-1-24` (warning): `kk` in a URL macro: Java prints the hour after midnight
  as 24 (00:30 is sent as `24:30`), which vendors reject or read as the next day.
* **CE420** `date-pattern-two-digit-year` (warning): `yy` in a URL macro: the last poll time is sent with a
  two-digit year (`24-03-05`).  Reading records with `yy` is fine (Java reads `2024` as `24` when a separator
  follows), and an
  entry whose records are read with `yy` (Oracle's `dd-MMM-yy`) is taken to speak two-digit years.
* **CE421** `date-pattern-literal-case` (warning): a quoted lowercase `'t'` or `'z'` in a format that reads
  record dates: Java matches a literal letter case by case, so `2024-03-05T10:00:00Z` does not parse.
* **CE422** `date-pattern-offset-hours-only` (warning): a single `X` in a zone whose offset has minutes
  (`Asia/Kolkata` +05:30, `America/St_Johns` -03:30, `Asia/Kathmandu` +05:45): Java prints `+05` and reads
  `+05:30` as `+05:00`, so the time is 30 or 45 minutes off.
* **CE423** `date-fields-swapped` (warning): `updatedDateField` names a creation date and `createdDateField` an
  update (`"updatedDateField": "created_date", "createdDateField": "updated_date"`).
* **CE424** `date-filter-created-only` (info): the `where` compares only the created date with the last poll
  time, while `datesConfiguration` reads another updated date: changes to older records are never fetched.
* **CE425** `date-macro-epoch-text-field` (warning): the `where` compares a field with `${epoch...}` (a number)
  while `datesConfiguration` reads that field as a text date (`yyyy-MM-dd'T'HH:mm:ssXXX`): the vendor compares a
  date string with a number.  Every Cloud Elements example that filters a read field with `${epoch}` reads it
  as `milliseconds`.
* **CE426** `date-pattern-typographic` (error): a typographic dash (`–`, `—`, `−`), a space that is not ASCII
  (no-break, thin) or an invisible character (a zero-width space, a soft hyphen) in a date pattern, pasted from a document or a chat: it is printed, and must be read, as that
  character, so the vendor gets `2024–01–02` and no record's `2024-01-02` is read.  Fixed safely.
* **CE427** `date-pattern-foreign-syntax` (error): another library's syntax in a SimpleDateFormat pattern: an
  optional section in brackets (`ss[.SSS]`, java.time's `DateTimeFormatter`) or double quotes (`"yyyy-MM-dd"`,
  `yyyy-MM-dd"T"HH`): SimpleDateFormat prints and expects `[`, `]` and `"` as they are (the JDK reads no
  `2024-01-02T10:00:00.123+00:00` with `ss[.SSS]XXX`).  Fixed on request (unsafe): the brackets removed, the
  pattern's outer double quotes removed, or inner ones written as `'`.  So is a backslash before a quote
  (`yyyy-MM-dd\\'T\\'HH`, a shell's or a language's escape kept in the pattern) or punctuation (`yyyy\\-MM\\-dd`, a
  regex's), fixed safely (removed), and a `\\u0054` escaped once too often (`u` is the day of the week), fixed
  safely (the character itself: `'T'`).
* **CE428** `date-pattern-year-day-month` (warning): the day between the year and the month (`yyyy-dd-MM`),
  which no calendar writes: 5 January is read (or sent) as 1 May.  Fixed on request (unsafe): the two swapped.
* **CE429** `date-pattern-zone-twice` (error): an `X` offset field beside a quoted `'Z'` (`...SSSXXX'Z'`) or offset
  (`Z'+0000'`): the zone is written twice (`ZZ` at UTC), and no record's date is read.  (`'GMT'Z` and `Z 'UTC'` are
  formats of their own.)  Fixed on request (unsafe): the literal removed.  Also a zone written in the URL after a
  macro whose format ends with one (`'${gmtDate:...XXX}+00:00'`, `'${gmtDate:...'Z'}Z'`); fixed (safe): removed.
* **CE430** `date-pattern-edge-space` (warning): a records' date format that starts or ends with whitespace
  (`"yyyy-MM-dd HH:mm:ss "`): Java expects it in every record's date, so a date without it is not read.  Fixed
  (safe): the whitespace removed.  (A URL macro's format: CE633.)
* **CE431** `date-pattern-field-width` (warning): a number in a URL macro printed in another width than the
  date's other numbers, or unpadded beside ISO 8601's `'T'`: `HH:m:ss` sends `10:4:05`, `HH:mm:sss` sends
  `10:04:005`, `yyyy-MM-dd'T'H:mm:ss` sends `T9:04:05`.  Fixed on request (unsafe).
* **CE432** `date-pattern-date-into-time` (warning): the day run into the hour (`yyyy-MM-ddHH:mm:ss`, the `'T'` or
  the space left out) in a pattern whose date and time are written with separators: a URL macro sends
  `2024-07-0510:00:00`, and Java reads no record's `2024-07-05T10:00:00` with it.  (`yyyyMMddHHmmss`, with no separator
  anywhere, is a format of its own.)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Sequence

from ..dates import SPECIAL_FORMATS
from ..dates.pattern import compile_pattern, format_date
from ..dates.tokens import (STRFTIME_READING, PatternError, is_description, quote_look_alike, standard_pattern,
                            strftime_meant)
from ..dates.zones import is_utc, resolve_zone
from ..findings import Edit, Finding, Fix, Problem
from ..kinds import escape_pointer_token
from ..lazy_pattern import LazyPattern
from ..urls.ceql import Condition
from ..urls.pieces import MACRO_START
from ..urls.template import NAME_WORDS, ODD_SPACE, UrlTemplate, named_epoch_unit, parse_url_template
from ..vocabulary.characters import INVISIBLES, ODD_SPACES
from ..vocabulary.placeholders import contains_env_reference, find_placeholders, is_env_reference
from .base import Rule, once_per_arguments

FORMAT_KEYS: tuple[tuple[str, str, str], ...] = (
    ("updatedDateFormat", "updatedDateTimezone", "updatedDateField"),
    ("createdDateFormat", "createdDateTimezone", "createdDateField"),
)
_SAMPLES_MS: tuple[int, ...] = (1704448800123, 1720173605007, 1735569000450)  # Jan, Jul, Dec 30 2024
_OFFSET_LITERAL = re.compile(r"(?<![\d:])([+-])(\d{2}):?(\d{2})(?![\d:])")


def has_offset_literal(pattern: Any) -> bool:
    """Whether a compiled pattern writes an offset as literal text (`...ss-05:00`): CE411 judges it against the zone."""
    return any(not token.is_field and _OFFSET_LITERAL.search(token.text) for token in pattern.tokens)
_UTC_LITERALS = frozenset({"Z", "UTC", "GMT"})
# A name for epoch time written as a records' format (`epochMillis`, `timestamp_ms`, `EPOCH`): Java refuses its
# letters, and no single one of them is the mistake.  (A name, then a word in it: two linear reads, where one pattern
# with a run on either side of the word backtracks over each of its occurrences.)
_NAME = LazyPattern(r"[A-Za-z_-]++")
_EPOCH_WORD = LazyPattern(r"(?i)unix|epoch|milli|timestamp")


def _epoch_name(text: str) -> bool:
    return _NAME.fullmatch(text) is not None and _EPOCH_WORD.search(text) is not None

_EPOCH_HINT = ("`milliseconds` if the field holds epoch milliseconds (13 digits); no documented format reads "
               "epoch seconds (10 digits)")
def _poller(dates: str, url: str | None = None, extra: str = "") -> str:
    """A poller entry of a rule's example; the URL sends the time as the records' ISO dates are read (an `${epoch}`
    compared with them would draw CE425 in every passing example)."""
    import json

    url = _ISO_URL if url is None else url
    entry = '{"url": ' + json.dumps(url) + ', "idField": "id"' + (", " + dates if dates else "") + extra + "}"
    return '{"contacts": ' + entry + "}"


def _dates(updated: str, created: str | None = None, zone: str | None = None, field: str = "updated_at") -> str:
    import json

    created = updated if created is None else created
    parts = [f'"updatedDateField": "{field}"', f'"updatedDateFormat": {json.dumps(updated)}']
    if zone is not None:
        parts.append(f'"updatedDateTimezone": {json.dumps(zone)}')
    parts += [f'"createdDateField": "{"created_at" if field == "updated_at" else field}"',
              f'"createdDateFormat": {json.dumps(created)}']
    if zone is not None:
        parts.append(f'"createdDateTimezone": {json.dumps(zone)}')
    return '"datesConfiguration": {' + ", ".join(parts) + "}"


_ISO = "yyyy-MM-dd'T'HH:mm:ssXXX"
_ISO_MS = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"
_ISO_URL = "/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"

DATE_PATTERN_INVALID = Rule("CE401", "date-pattern-invalid", "error", "date pattern does not compile (Java's message, at the column)",
     "SimpleDateFormat rejects the pattern when the poller starts: an unquoted letter outside "
     "`GyMdkHmsSEDFwWahKzZYuXL` (`T` must be written `'T'`), a quote that is never closed, or an `X` run "
     "longer than 3.\n\n**Fix:** quote literal text (`yyyy-MM-dd'T'HH:mm:ss`), close or remove the stray "
     "quote, write `XXX` for `+HH:MM`.",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ssXXX'")), good=_poller(_dates(_ISO)))

DATE_FORMAT_NOT_A_PATTERN = Rule("CE402", "date-format-not-a-pattern", "error", "prose or a number instead of a date pattern",
     "A description (`10 digit integer Unix time`), a sample value (`518862600`) or a word (`key`) is not a "
     "SimpleDateFormat pattern: the platform cannot read any date with it.  Nor can it with an empty format, "
     "which Java compiles but which reads nothing, or with a strftime pattern (`%Y-%m-%d %H:%M:%S`, from "
     "Python, C or PHP), whose `%` signs Java takes as text and whose letters it reads its own way (`%M` is "
     "the month); for that one the fix (unsafe) writes the SimpleDateFormat pattern.\n\n**Fix:** write the pattern of "
     "the vendor's dates (`yyyy-MM-dd'T'HH:mm:ssXXX`), or `milliseconds` for epoch milliseconds.",
     bad=_poller(_dates("%Y-%m-%d %H:%M:%S")), good=_poller(_dates("yyyy-MM-dd HH:mm:ss")))

DATE_FORMAT_TIMESTAMP = Rule("CE403", "date-format-timestamp", "warning", "undocumented special format `timestamp`",
     "Cloud Elements documents one special date format, `milliseconds` (epoch milliseconds). `timestamp` "
     "appears in a few element definitions but is not documented, so what it reads is unknown.\n\n"
     "**Fix:** write `milliseconds` if the field holds epoch milliseconds, or the SimpleDateFormat pattern "
     "of the field.",
     bad=_poller(_dates("timestamp")), good=_poller(_dates("milliseconds")))

DATE_FORMATS_DIFFER = Rule("CE404", "date-formats-differ", "warning", "created and updated formats differ for the same field",
     "`createdDateField` and `updatedDateField` name the same field, but their formats differ: one "
     "value cannot match both patterns, so one of the two dates is misread.\n\n**Fix:** use the same "
     "format for both.",
     bad=_poller(_dates(_ISO, "yyyy-MM-dd HH:mm:ss", field="lastModified")),
     good=_poller(_dates(_ISO, field="lastModified")))

DATE_PATTERN_FRACTION = Rule("CE405", "date-pattern-fraction", "warning", "`SSSSSS`: S counts milliseconds, it is not a fraction",
     "In SimpleDateFormat `S` is the millisecond as an integer, whatever the count.  Parsing "
     "`.123456` with `SSSSSS` gives 123,456 ms, i.e. +2 min 3.456 s, and no SimpleDateFormat pattern reads "
     "microseconds; printing 123 ms with `SSSSSS` gives `.000123`.  In a URL macro, `.S` prints 5 ms as "
     "`.5`, read as 500 ms (`.SS` sends `.05`, 50 ms): a last-poll filter up to a second late misses records.  `S` where the seconds belong (`HH:mm:SS`) is an error: 10:00:07.123 prints "
     "`10:00:123`, and `10:00:07` is read as 7 ms past 10:00.  So is .NET's fraction `FFF` after the seconds: "
     "Java's `F` is the day of the week in the month (`.001` on the first Friday).\n\n**Fix:** in a URL macro, `SSS` (or `SSS'000'` to print "
     "microseconds); `--fix` makes that change.  A format that reads dates reads `SSS` exactly as it reads "
     "`SSSSSS`, so there it has no automatic fix: only a vendor sending milliseconds is read right.",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")), good=_poller(_dates("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")))

DATE_PATTERN_12_HOUR = Rule("CE406", "date-pattern-12-hour", "warning", "`hh`/`KK` (12-hour clock) without `a` (AM/PM), or `HH` or `KK` with it",
     "`hh` is the hour 1-12 and `KK` 0-11: without the AM/PM marker `a`, 01:30 and 13:30 read and print "
     "alike, so afternoon times are 12 hours off.  `HH` with `a` is the other half of the same slip: 15:30 prints "
     "as `15:30 PM`, and a record's `03:30 PM` is read as 03:30.  `KK` with `a` counts the hour after noon as 0: "
     "12:30 PM prints as `00:30 PM`, and a record's `12:30 PM` is read as 00:30 the next day (the JDK does "
     "both).\n\n**Fix:** `HH` (0-23) without `a`, or `hh` with it.",
     bad=_poller(_dates("MM/dd/yyyy hh:mm:ss")), good=_poller(_dates("MM/dd/yyyy hh:mm:ss a")))

DATE_PATTERN_WEEK_YEAR = Rule("CE407", "date-pattern-week-year", "warning", "`YYYY` (week-based year) with month and day",
     "`Y` is the year of the week (US weeks start on Sunday): from the Sunday of the last week of December "
     "it is already next year, so 2024-12-30 prints `2025-12-30`.  Reading is worse (an error): with `Y`, "
     "Java takes the week-based year and ignores the month and day, so every date is read as the first day "
     "of its week-based year (`2024-06-15` is read as 2023-12-31).  The other way round, `yyyy` (the calendar "
     "year) with `ww` (the week of the week-based year) writes 2024-12-30 as `2024-01`, a year early (in a URL "
     "macro: reading, Java's lenient parse takes `yyyy-ww` and `YYYY-ww` alike).\n\n"
     "**Fix:** `yyyy` with a month and day, `YYYY` with a week (the fix, unsafe, writes it).",
     bad=_poller(_dates("YYYY-MM-dd'T'HH:mm:ssXXX")), good=_poller(_dates(_ISO)))

DATE_PATTERN_DAY_OF_YEAR = Rule("CE408", "date-pattern-day-of-year", "error", "`DD` (day of year) with a month",
     "`D` is the day of the year: 5 February is day 36, so `yyyy-MM-DD` prints `2024-02-36`; reading, "
     "Java takes the day of the year over the month, so `2024-07-20` is read as 20 January.\n\n"
     "**Fix:** `dd` for the day of the month.",
     bad=_poller(_dates("yyyy-MM-DD HH:mm:ss")), good=_poller(_dates("yyyy-MM-dd HH:mm:ss")))

DATE_PATTERN_THREE_LETTER_YEAR = Rule("CE409", "date-pattern-three-letter-year", "info", "`yyy`: a typo of `yyyy`",
     "SimpleDateFormat prints the full year for any count of `y` except 2, so `yyy` works like `yyyy`; "
     "it is almost certainly a typo, and java.time would pad to 3 digits instead.\n\n**Fix:** `yyyy`.",
     bad=_poller(_dates("MM/dd/yyy HH:mm:ss")), good=_poller(_dates("MM/dd/yyyy HH:mm:ss")))

DATE_PATTERN_LITERAL_Z = Rule("CE410", "date-pattern-literal-z", "error", "a literal 'Z' with a zone other than GMT/UTC",
     "`'Z'` in quotes is only the letter Z: the date is the wall time of the zone, labelled as UTC.  "
     "Printed by `${dateTimeZone:America/Denver:...'Z'}` it tells the vendor a time 6-7 hours off; "
     "parsed with `updatedDateTimezone` `PST`, `10:00Z` is read as 10:00 Pacific time.\n\n"
     "**Fix:** `XXX` prints and reads the real offset (and accepts `Z`), or use GMT "
     "(`${gmtDate:...}`, `\"updatedDateTimezone\": \"GMT\"`).",
     bad=_poller(_dates(_ISO_MS), url="/hubs/crm/contacts?where=updated>"
                 "'${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}'"),
     good=_poller(_dates(_ISO_MS), url="/hubs/crm/contacts?where=updated>"
                  "'${dateTimeZone:America/Denver:yyyy-MM-dd'T'HH:mm:ss.SSSXXX}'"))

DATE_PATTERN_FIXED_OFFSET = Rule("CE411", "date-pattern-fixed-offset", "error", "hard-coded offset literal next to a zone with daylight time",
     "A literal offset such as `-0800` is printed (or expected) whatever the date: next to `PST`, which is "
     "`-0700` in summer, the text is wrong half of the year; next to a zone with another offset it is "
     "always wrong.\n\n**Fix:** the field `Z` (`-0800`/`-0700`) or `XXX` (`-08:00`) prints the real offset.",
     bad=_poller(_dates("yyyy-MM-dd HH:mm:ss Z"),
                 url="/hubs/crm/contacts?where=modified='${dateTimeZone:PST:yyyy-MM-dd HH:mm:ss -0800}'"),
     good=_poller(_dates("yyyy-MM-dd HH:mm:ss Z"),
                  url="/hubs/crm/contacts?where=modified='${dateTimeZone:PST:yyyy-MM-dd HH:mm:ss Z}'"))

DATE_MACRO_WITHOUT_DATES_CONFIGURATION = Rule("CE412", "date-macro-without-dates-configuration", "info",
     "the URL filters by the last poll time but the entry has no datesConfiguration",
     "The URL asks the vendor for records changed since the last poll, but without `datesConfiguration` the "
     "platform cannot compare record dates with the last poll time nor tell created from updated records.  "
     "A resource that is itself an event feed may not need it.\n\n**Fix:** add `datesConfiguration` with "
     "the record's updated and created date fields and formats.",
     bad=_poller(""), good=_poller(_dates(_ISO)))

DATE_MACRO_FORMAT_DIFFERS = Rule("CE413", "date-macro-format-differs", "info",
     "a date macro prints another format than the entry's updatedDateFormat",
     "The URL sends the last poll time in one format and the records' updated dates are read with another. "
     "This is often right (a vendor's query syntax may differ from its record format), so it is only "
     "information: check the vendor's documentation.\n\n**Fix:** if the vendor expects the record format in "
     "the query, use the same pattern in both places.",
     bad=_poller(_dates("yyyy-MM-dd HH:mm:ss"), url=_ISO_URL), good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_MACRO_EPOCH_UNIT = Rule("CE414", "date-macro-epoch-unit", "error",
     "the URL sends epoch seconds (or microseconds) for a field the records hold in milliseconds",
     "`${epoch:s}` prints the last poll time in epoch seconds (10 digits), `${epoch:us}` in microseconds "
     "(16 digits); `${epoch}` and `${epoch:ms}` print milliseconds (13 digits).  When the `where` compares "
     "the entry's date field with one of them while `datesConfiguration` reads the same field as "
     "`milliseconds`, the two views disagree by a factor of 1000: compared with seconds every record "
     "matches on every poll; compared with microseconds none ever does.\n\n**Fix:** `${epoch}` "
     "(milliseconds) for a field in milliseconds; if the field really holds seconds, no documented "
     "`updatedDateFormat` reads it.  A field read as the undocumented `timestamp` holds what the `timestamp-unit` "
     "option says (epoch seconds by default, as its users filter with `${epoch:s}`): another unit sent for it is "
     "reported too.",
     bad=_poller(_dates("milliseconds", field="updated"),
                 url="/hubs/crm/contacts?where=updated>'${epoch:s}'"),
     good=_poller(_dates("milliseconds", field="updated"),
                  url="/hubs/crm/contacts?where=updated>'${epoch}'"))

DATE_PATTERN_MONTH_MINUTE_SWAPPED = Rule("CE415", "date-pattern-month-minute-swapped", "error",
     "`mm` (minutes) where the month belongs, or `MM` (month) where the minutes belong",
     "Case matters in SimpleDateFormat: `MM` is the month and `mm` the minute.  `yyyy-mm-dd` prints the "
     "minute between year and day (10:07 on 5 January prints `2024-07-05`), and parses the month into the "
     "minutes (every date lands in January); `HH:MM:ss` prints the month as the minute.\n\n"
     "**Fix:** `yyyy-MM-dd` for dates, `HH:mm:ss` for times.",
     bad=_poller(_dates("yyyy-mm-dd'T'HH:mm:ssXXX")), good=_poller(_dates(_ISO)))

DATE_PATTERN_FIELD_REPEATED = Rule("CE416", "date-pattern-field-repeated", "error",
     "a field written twice, such as `ss.sss` for milliseconds",
     "Each letter is one field: `sss` after `ss.` is the second again, not the millisecond (`SSS`).  "
     "Printing, the second appears twice (`10:00:05.005`); parsing, the later field wins, so `.123` sets "
     "the second to 123 (+2 minutes, lenient) and the real second is lost.  A run of one letter in two cases "
     "(`Dd`, `yY`, `Hh`: the shift key held for part of it) is two fields too: `yyyy-MM-Dd` prints `2024-03-655`."
     "\n\n**Fix:** write each field once; milliseconds are `SSS`.",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ss.sssXXX")), good=_poller(_dates(_ISO_MS)))

DATE_PATTERN_NOT_AN_INSTANT = Rule("CE417", "date-pattern-not-an-instant", "error",
     "a date pattern without a year, a month and day, or a time of day",
     "A record date is compared with the last poll time, and a URL filter names it: both need a full "
     "date.  Without a year (`MM/dd HH:mm`), a month and day (`yyyy HH:mm`) or with only a time "
     "(`HH:mm:ss`), Java fills the missing fields from 1 January 1970, so every record looks older than "
     "the last poll and is ignored, and the vendor gets a filter that matches any year.  The macros of one "
     "URL count together (a date parameter and a time parameter are fine; so is a year and a week, `YYYY-'W'ww`, "
     "a vendor's week filter).  A record format with a date "
     "but no time is reported as info: the records are dated midnight, so a record changed later on the "
     "day of a poll looks older than that poll (this assumes the platform compares the updated date with "
     "the last poll time, as documented).\n\n**Fix:** the full pattern of the vendor's dates, e.g. "
     "`yyyy-MM-dd'T'HH:mm:ssXXX`.",
     bad=_poller(_dates("MM/dd HH:mm:ss")), good=_poller(_dates("MM/dd/yyyy HH:mm:ss")))

DATE_PATTERN_HOUR_1_24 = Rule("CE418", "date-pattern-hour-1-24", "warning", "`kk` (hour 1-24) in a URL macro",
     "`k` is the hour 1-24: Java prints the hour after midnight as 24, so at 00:30 a macro sends `24:30` of the "
     "same day.  Vendors reject that time or read it as the next day, and that hour's filter then names a time a "
     "day ahead, which no record has reached.  Reading a record's date with `kk` is fine (Java reads `00` and "
     "`24` alike), so only URL macros are reported.\n\n**Fix:** `HH` (0-23); the fix is safe (the two print "
     "alike at every other hour).",
     bad=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'kk:mm:ss'Z'}'"),
     good=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"))

DATE_PATTERN_TWO_DIGIT_YEAR = Rule("CE420", "date-pattern-two-digit-year", "warning", "`yy` (a two-digit year) in a URL macro",
     "`yy` prints the year with two digits: the last poll time of 5 March 2024 is sent as `24-03-05`.  A vendor "
     "reads that as the year 24, rejects it, or guesses a century; ISO 8601 dates carry four.  Reading a record's "
     "date with `yy` is fine (Java reads a four-digit year with `yy` too, when a separator follows it), so only URL "
     "macros are reported, and not when the "
     "entry reads its records' dates with `yy` too (Oracle's `dd-MMM-yy`): that vendor writes two digits.\n\n**Fix:** "
     "`yyyy`, unless the vendor's documentation asks for two digits (the fix is unsafe for that reason).",
     bad=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated_at>'${gmtDate:yy-MM-dd'T'HH:mm:ssXXX}'"),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_LITERAL_CASE = Rule("CE421", "date-pattern-literal-case", "warning",
     "a lowercase literal `'t'` or `'z'` in a format that reads record dates",
     "Java's SimpleDateFormat matches quoted text case by case: with `yyyy-MM-dd'T'HH:mm:ss'z'` the date "
     "`2024-03-05T10:00:00Z` stops at its `Z`, so it does not parse and the record's date cannot be compared "
     "with the last poll time; `'t'` does the same to the `T` of ISO dates.  Printing is not reported: ISO "
     "readers accept the lowercase letters.\n\n**Fix:** `'T'` and `'Z'` as the vendor writes them (unsafe: "
     "a vendor that really writes lowercase letters needs the pattern as it is).",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ss'z'", zone="GMT")),
     good=_poller(_dates("yyyy-MM-dd'T'HH:mm:ss'Z'", zone="GMT")))

DATE_FILTER_BACKWARDS = Rule("CE419", "date-filter-backwards", "error",
     "the where filter compares a record's date the wrong way with the last poll time or the run time",
     "A poller asks the vendor for the records changed since the last poll: `updated_at > '${gmtDate:...}'`.  "
     "`updated_at < '${gmtDate:...}'` (or `<=`) asks for the records changed *before* it, so no change is ever "
     "seen after the first poll, and with a `>` on the same date the window is empty.  `updated_at > "
     "'${now:...}'` asks for records changed after the poller runs: none.  Only the date fields the entry's "
     "`datesConfiguration` reads are judged (without one, a field named like `updated`/`modified`); a "
     "condition on another date (`dueDate < '${gmtDate:...}'`), or on the created date (`created_at < "
     "'${gmtDate:...}'`: changes to records created before the last poll), is your business.\n\n**Fix:** `>` (or `>=`) "
     "the last poll time; `<` only with `${now:...}`, as an upper bound.",
     bad=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated_at<'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"),
     good=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}' "
                                    "and updated_at<'${now:yyyy-MM-dd'T'HH:mm:ssXXX}'"))

DATE_PATTERN_OFFSET_HOURS_ONLY = Rule("CE422", "date-pattern-offset-hours-only", "warning",
     "a single `X` (offset hours only) in a zone whose offset has minutes (+05:30, -03:30, +05:45)",
     "`X` is the ISO 8601 offset with its hours only.  In a zone whose offset has minutes, Java drops them: "
     "`${dateTimeZone:Asia/Kolkata:...X}` sends `+05` for +05:30, so the last poll time the vendor reads is 30 "
     "minutes off (records changed in that half hour are missed or polled twice), and a record format with `X` "
     "reads `+05:30` as `+05:00` (Java stops at the colon), so every record date is 30 minutes off.  GMT and "
     "zones on whole hours are not reported.\n\n**Fix:** `XXX` (`+05:30`), or `Z` (`+0530`); the fix writes "
     "`XXX` and is unsafe, as the text sent or read changes.",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ssXXX", zone="Asia/Kolkata"),
                 url="/hubs/crm/contacts?where=updated_at>'${dateTimeZone:Asia/Kolkata:yyyy-MM-dd'T'HH:mm:ssX}'"),
     good=_poller(_dates("yyyy-MM-dd'T'HH:mm:ssXXX", zone="Asia/Kolkata"),  # (the URL in GMT: no `+` to encode)
                  url="/hubs/crm/contacts?where=updated_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"))

DATE_FIELDS_SWAPPED = Rule("CE423", "date-fields-swapped", "warning",
     "updatedDateField names a creation date and createdDateField an update date",
     "The poller compares each record's updated date with the last poll time to find changes, and calls a "
     "record created when its created date is as recent as its updated date.  With the two fields swapped "
     "(`\"updatedDateField\": \"created_date\"`, `\"createdDateField\": \"updated_date\"`), a change to an "
     "older record is not after the last poll (its creation date is old) and is dropped, and new records are "
     "told from changed ones the wrong way round.  Reported only when both names say so (`creat` in the "
     "updated field; `updat` or `modif`, or the word `change(d)` or `edit(ed)`, in the created one).\n\n**Fix:** swap the two "
     "fields (and their formats, if they differ).",
     bad=_poller(_dates(_ISO).replace("updated_at", "@").replace("created_at", "updated_at").replace("@", "created_at")),
     good=_poller(_dates(_ISO)))

DATE_FILTER_CREATED_ONLY = Rule("CE424", "date-filter-created-only", "info",
     "the where filter compares only the created date with the last poll time",
     "The `where` decides which records each poll fetches.  Filtering on the created date alone "
     "(`created_at > '${gmtDate:...}'`) fetches the records created since the last poll: a change to an older "
     "record is never fetched, so no update event is sent, although `datesConfiguration` reads an updated "
     "date.  Reported as information: a vendor whose API filters only on creation leaves no choice, and a "
     "resource meant for new records only may do it on purpose.\n\n**Fix:** filter on the updated date "
     "(`updated_at > '${gmtDate:...}'`), which also holds new records.",
     bad=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=created_at>'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'"),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_MACRO_EPOCH_TEXT_FIELD = Rule("CE425", "date-macro-epoch-text-field", "warning",
     "the URL compares a field with `${epoch}` (a number) that the records hold as a text date",
     "`${epoch}` prints the last poll time as a number of milliseconds (`${epoch:s}` seconds).  When the `where` "
     "compares the entry's date field with it while `datesConfiguration` reads that same field with a text "
     "pattern (`yyyy-MM-dd'T'HH:mm:ssXXX`), the records hold the date as text, and the vendor is asked to "
     "compare a date string with a number: it rejects the filter, or compares text and matches every record "
     "or none.  Every Cloud Elements example that filters a field its `datesConfiguration` reads with "
     "`${epoch}` reads that field as `milliseconds` (32 entries).\n\n**Fix:** print the last poll time as the "
     "records write it: `${gmtDate:<the field's format>}`; the fix (unsafe) writes that.",
     bad=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated_at>'${epoch}'"),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_TYPOGRAPHIC = Rule("CE426", "date-pattern-typographic", "error",
     "a typographic dash or a space that is not ASCII in a date pattern",
     "A date pattern pasted from a document, a web page or a chat may hold a typographic dash (`–`, `—`, `−`) or a "
     "no-break or thin space where `-` or a space was meant.  SimpleDateFormat prints such a character as it is "
     "and expects it where it reads: the URL sends `2024–01–02`, and a record's `2024-01-02` is not read at all.\n\n"
     "**Fix:** write the ASCII `-` or space; the fix (safe) does.",
     bad=_poller(_dates("yyyy\u2013MM\u2013dd'T'HH:mm:ssXXX"), url=_ISO_URL),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_FOREIGN_SYNTAX = Rule("CE427", "date-pattern-foreign-syntax", "error",
     "an optional section `[...]`, double quotes or a backslash escape in a SimpleDateFormat pattern",
     "SimpleDateFormat has no optional sections and quotes literal text with `'` only. `[` and `]` (optional "
     "sections of java.time's `DateTimeFormatter`, `yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX`) and `\"` are characters like "
     "`-`: printed as they are, and expected where a date is read, so a record's `2024-01-02T10:00:00.123+00:00` "
     "is not read at all (the JDK reads none), and a URL sends `[.123]` or `\"2024-01-02\"`.  So is `\\` before a "
     "quote or punctuation (`yyyy-MM-dd\\'T\\'HH:mm:ss`, `yyyy\\-MM\\-dd`: an escape from a shell, a string or a "
     "regex): SimpleDateFormat has no escape but the quote, and the fix (safe) removes the backslashes (a `\\u0054` "
     "escaped once too often, whose `u` is the day of the week, it writes as the character: `'T'`).  And `''` outside quoted text in a records' format "
     "(`...ss''`, SQL's escape): a `'` each record's date must hold, which none does.\n\n"
     "**Fix:** remove the brackets (SimpleDateFormat cannot read a fraction that is sometimes absent: read the "
     "form the vendor always writes), remove double quotes around the whole pattern, and quote literal letters "
     "with `'`. The fix (unsafe) does each.",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX"), url=_ISO_URL),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_YEAR_DAY_MONTH = Rule("CE428", "date-pattern-year-day-month", "warning",
     "the day between the year and the month (`yyyy-dd-MM`)",
     "No calendar writes a date year, day, month: `yyyy-dd-MM` is `yyyy-MM-dd` with its last two fields swapped.  "
     "Reading `2024-01-05`, it takes 1 May for 5 January (and `2024-01-13` for the first day of a thirteenth month, "
     "which lenient Java rolls into the next year); printing, it sends the vendor 1 May.\n\n"
     "**Fix:** write the month before the day; the fix (unsafe: check the vendor's dates) swaps them.",
     bad=_poller(_dates("yyyy-dd-MM'T'HH:mm:ssXXX"), url=_ISO_URL),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_ZONE_TWICE = Rule("CE429", "date-pattern-zone-twice", "error",
     "the zone written twice: an `X` offset field beside a literal `'Z'`, or a zone after a macro that writes one",
     "`X` (`X`, `XX`, `XXX`) writes the offset, and `Z` itself at UTC; a quoted `'Z'` right after (or before) it "
     "writes the letter once more: `yyyy-MM-dd'T'HH:mm:ss.SSSXXX'Z'` sends `2024-01-05T10:00:00.000ZZ` (or `+01:00Z`), which "
     "no vendor reads, and reads a record's date only if it ends so.  So does a quoted offset beside `X` or `Z` "
     "(`Z'+0000'` writes `+0000+0000`), and a zone written in the URL right after a macro whose format ends with one "
     "(`'${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}+00:00'` sends `...Z+00:00`).\n\n"
     "**Fix:** keep one: the field (`XXX` reads `Z` and any offset) or, in GMT, the literal; the fix (unsafe) "
     "removes the literal; after a macro (safe), the zone written after it.",
     bad=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSXXX'Z'}'"),
     good=_poller(_dates(_ISO), url="/hubs/crm/contacts?where=updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss.SSSXXX}'"))

DATE_PATTERN_EDGE_SPACE = Rule("CE430", "date-pattern-edge-space", "warning",
     "whitespace at the start or end of a records' date format",
     "A space in a SimpleDateFormat pattern is text the date must hold: `\"yyyy-MM-dd HH:mm:ss \"` reads "
     "`2024-01-05 10:00:00 ` only, so a record's `2024-01-05 10:00:00` is not read (the JDK rejects it), and the "
     "poller takes no record's date.  Usually a space typed or pasted with the pattern.\n\n"
     "**Fix:** remove it; the fix (safe) does.  (Whitespace at the edge of a URL macro's format is CE633.)",
     bad=_poller(_dates("yyyy-MM-dd'T'HH:mm:ssXXX "), url=_ISO_URL),
     good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_FIELD_WIDTH = Rule("CE431", "date-pattern-field-width", "warning",
     "a URL macro prints a number unpadded (`m`) or in three digits (`sss`) beside two-digit ones",
     "SimpleDateFormat pads a number to the count of its letters: beside `HH` and `ss`, `m` prints the minute "
     "unpadded (`10:4:05`), and `sss` prints the second in three digits (`10:04:005`).  A vendor reading ISO 8601 "
     "dates rejects both, or misreads them.  An unpadded hour, day or month is a format of its own (`M/d/yyyy "
     "h:mm a`), but not beside ISO 8601's `'T'`: `yyyy-MM-dd'T'H:mm:ss` sends `T9:04:05`, nor beside a two-digit one "
     "in a year-first date: `yyyy-MM-d` sends `2024-01-5`.  Reading a record's date "
     "is not reported: Java reads `4` and `04` alike.\n\n**Fix:** two letters for each number (`HH:mm:ss`; the fix is unsafe, as a vendor may want "
     "numbers unpadded).",
     bad=_poller(_dates(_ISO), url=_ISO_URL.replace("HH:mm:ss", "HH:m:ss")), good=_poller(_dates(_ISO), url=_ISO_URL))

DATE_PATTERN_DATE_INTO_TIME = Rule("CE432", "date-pattern-date-into-time", "warning",
     "the day run into the hour (`yyyy-MM-ddHH:mm:ss`) in a date and time written with separators",
     "A pattern that writes its date and its time with separators but none between the day and the hour "
     "(`yyyy-MM-ddHH:mm:ss`) has lost its `'T'` or its space: a URL macro sends `2024-07-0510:00:00`, which no vendor "
     "reads, and Java reads no record's `2024-07-05T10:00:00` with it (the JDK rejects it at the `T`).  A pattern "
     "with no separator anywhere (`yyyyMMddHHmmss`) is a format of its own and is not reported.\n\n"
     "**Fix:** write what the vendor's dates hold between the two: `'T'` for ISO 8601 (`yyyy-MM-dd'T'HH:mm:ss`), "
     "or a space.",
     bad=_poller(_dates("yyyy-MM-ddHH:mm:ssXXX"), url=_ISO_URL),
     good=_poller(_dates(_ISO), url=_ISO_URL))

RULES: list[Rule] = [
    DATE_PATTERN_INVALID, DATE_FORMAT_NOT_A_PATTERN, DATE_FORMAT_TIMESTAMP, DATE_FORMATS_DIFFER,
    DATE_PATTERN_FRACTION, DATE_PATTERN_12_HOUR, DATE_PATTERN_WEEK_YEAR, DATE_PATTERN_DAY_OF_YEAR,
    DATE_PATTERN_THREE_LETTER_YEAR, DATE_PATTERN_LITERAL_Z, DATE_PATTERN_FIXED_OFFSET,
    DATE_MACRO_WITHOUT_DATES_CONFIGURATION, DATE_MACRO_FORMAT_DIFFERS, DATE_MACRO_EPOCH_UNIT,
    DATE_PATTERN_MONTH_MINUTE_SWAPPED, DATE_PATTERN_FIELD_REPEATED, DATE_PATTERN_NOT_AN_INSTANT,
    DATE_PATTERN_HOUR_1_24, DATE_FILTER_BACKWARDS, DATE_PATTERN_TWO_DIGIT_YEAR, DATE_PATTERN_LITERAL_CASE,
    DATE_PATTERN_OFFSET_HOURS_ONLY, DATE_FIELDS_SWAPPED, DATE_FILTER_CREATED_ONLY, DATE_MACRO_EPOCH_TEXT_FIELD,
    DATE_PATTERN_TYPOGRAPHIC, DATE_PATTERN_FOREIGN_SYNTAX, DATE_PATTERN_YEAR_DAY_MONTH, DATE_PATTERN_ZONE_TWICE,
    DATE_PATTERN_EDGE_SPACE, DATE_PATTERN_FIELD_WIDTH, DATE_PATTERN_DATE_INTO_TIME,
]


class _Zone(NamedTuple):
    """The zone a pattern is read or printed in, as written (``label``) and as Java resolves it (``id``)."""

    label: str
    id: str


def _shift(problem: Problem, base: int) -> Problem:
    fix = problem.fix
    if fix is not None:
        fix = Fix(fix.message, tuple(Edit(e.start + base, e.end + base, e.replacement) for e in fix.edits),
                  fix.applicability)
    return Problem(problem.rule, problem.message, problem.start + base, problem.end + base, problem.help,
                   problem.severity, fix)


# Dashes and spaces a document or a chat puts where `-` or a space was typed.
# (and characters no one sees, pasted with the text: a zero-width space or joiner, a soft hyphen, a BOM)
_TYPOGRAPHIC = LazyPattern(f"[\u2010-\u2015\u2212{ODD_SPACES}{INVISIBLES}]")
_INVISIBLE = frozenset(INVISIBLES)


def _full_width_text(text: str) -> bool:
    """Whether the pattern ``text`` holds wide or full-width characters other than the ideographic space (`年`)."""
    import unicodedata

    return any(char != "\u3000" and unicodedata.east_asian_width(char) in ("W", "F") for char in text)


def _typographic(text: str, *, printing: bool) -> Iterator[Problem]:
    """CE426 for each typographic dash, space that is not ASCII, or invisible character in the pattern ``text``."""
    for match in _TYPOGRAPHIC.finditer(text):
        char = match.group(0)
        if printing and ODD_SPACE.fullmatch(char):
            continue  # in a URL's macro, the URL's own odd space (CE612) says it
        if char == "\u3000" and _full_width_text(text):
            continue  # (`yyyy年MM月dd日　HH:mm`: the ideographic space of the text around it, as the records write it)
        if char in _INVISIBLE:
            effect = "the URL sends it" if printing else "a record's date, which does not hold it, is not read"
            yield Problem(DATE_PATTERN_TYPOGRAPHIC.code, f"an invisible character (U+{ord(char):04X}) in the pattern is "
                          f"{'printed' if printing else 'expected'} as it is: {effect}", match.start(), match.end(),
                          help="remove it", fix=Fix("remove the invisible character",
                                                    (Edit(match.start(), match.end(), ""),), "safe"))
            continue
        meant = " " if char.isspace() else "-"
        # (the example shows the character where it was found: between the date and the time, or in the date)
        example = "2024-01-02{0}10:00" if meant == " " else "2024{0}01{0}02"
        effect = (f"the URL sends `{example.format(char)}`" if printing
                  else f"a record's `{example.format(meant)}` is not read")
        yield Problem(DATE_PATTERN_TYPOGRAPHIC.code, f"`{char}` (U+{ord(char):04X}) in the pattern is "
                      f"{'printed' if printing else 'expected'} as it is, not as `{meant}`: {effect}",
                      match.start(), match.end(), help=f"write `{meant}`",
                      fix=Fix(f"write `{meant}`", (Edit(match.start(), match.end(), meant),), "safe"))


def _unquoted(tokens: Any, wanted: str) -> list[int]:
    """The offsets of the characters of ``wanted`` in the pattern's literal text outside quotes (the tokenizer's
    reading of ``'...'`` and ``''``)."""
    return [token.start + at for token in tokens if token.kind == "literal" and not token.quoted
            for at, char in enumerate(token.text) if char in wanted]


def _foreign_syntax(text: str, tokens: Any, *, printing: bool) -> Iterator[Problem]:
    """CE427 for an optional section ``[...]``, for double quotes outside the pattern's quoted text, and for a
    backslash written as an escape."""
    brackets = _unquoted(tokens, "[]") if "[" in text or "]" in text else []
    if brackets == [0, len(text) - 1]:
        brackets = []  # `[dd/MMM/yyyy:HH:mm:ss Z]`: a log's date, its brackets part of the text on purpose
    if brackets:
        start, end = brackets[0], brackets[-1] + 1
        effect = ("the URL sends the brackets" if printing else "a record's date without them is not read")
        yield Problem(DATE_PATTERN_FOREIGN_SYNTAX.code, "`[...]` is an optional section of java.time's "
                      "DateTimeFormatter; SimpleDateFormat has none and takes `[` and `]` as characters to "
                      f"{'print' if printing else 'find'}: {effect}", start, end,
                      help="remove `[` and `]` (and read the form the vendor always writes)",
                      fix=Fix("remove `[` and `]`", tuple(Edit(at, at + 1, "") for at in brackets), "unsafe"))
    quotes = _unquoted(tokens, '"') if '"' in text else []
    if quotes:
        outer = len(quotes) == 2 and quotes[0] == 0 and quotes[1] == len(text) - 1
        effect = ("the URL sends `\"2024-01-02...\"`" if printing and outer else
                  "the URL sends the `\"`" if printing else "a record's date is not read: it holds no `\"`")
        yield Problem(DATE_PATTERN_FOREIGN_SYNTAX.code, "`\"` is not SimpleDateFormat's quote (`'` is): it is a "
                      f"character to {'print' if printing else 'find'}, so {effect}", quotes[0], quotes[-1] + 1,
                      help="remove the double quotes around the pattern" if outer else "quote literal text with `'`",
                      fix=Fix("remove the double quotes" if outer else "write `'`",
                              tuple(Edit(at, at + 1, "" if outer else "'") for at in quotes), "unsafe"))


    # (an unquoted backslash right before a quote says the writer meant an escape; one in quoted text, `'\'`, is
    # a literal backslash on purpose)
    escaping = "\\'" in text and any(text[at + 1:at + 2] == "'" for at in _unquoted(tokens, "\\"))
    escapes = list(_BACKSLASH_BEFORE.finditer(text)) if escaping else []
    if escapes:  # `yyyy-MM-dd\'T\'HH:mm:ss`: a shell's or a language's escape, written into the pattern
        effect = "the URL sends the `\\`" if printing else "a record's date is not read: it holds no `\\`"
        edits = tuple(Edit(m.start(), m.end(), "") for m in escapes)
        yield Problem(DATE_PATTERN_FOREIGN_SYNTAX.code, "`\\` is no escape in SimpleDateFormat (literal text is "
                      f"quoted with `'` alone): it is a character to {'print' if printing else 'find'}, so {effect}",
                      escapes[0].start(), escapes[-1].end() + 1, help="remove the backslashes",
                      fix=Fix("remove the backslashes", edits, "safe"))
    if "\\" in text:
        yield from _backslash_escapes(text, tokens, printing=printing)


def _backslash_escapes(text: str, tokens: Any, *, printing: bool) -> Iterator[Problem]:
    """CE427 for a backslash written as an escape before punctuation (`yyyy\\-MM\\-dd`) or as a `\\uXXXX` escape
    (`dd\\u0054HH`), outside quoted text: SimpleDateFormat prints and expects the backslash."""
    unquoted = set(_unquoted(tokens, "\\"))
    found = [m for m in _BACKSLASH_ESCAPE.finditer(text) if m.start() in unquoted]
    if not found:
        return
    edits = []
    quoting = _quotes_escaped(text, found)
    for match in found:
        code, letter = match.group("code"), match.group("letter")
        if letter is not None:
            edits.append(Edit(match.start(), match.end(), f"'{letter}'"))
        elif code is None:
            edits.append(Edit(match.start(), match.start() + 1, ""))
        else:
            char = chr(int(code[1:], 16))
            edits.append(Edit(match.start(), match.end(), char if quoting else f"'{char}'" if char.isalpha() else
                              "''" if char == "'" else char))
    effect = "the URL sends the `\\`" if printing else "a record's date is not read: it holds no `\\`"
    unicode = any(m.group("code") for m in found)
    letters = [m.group("letter") for m in found if m.group("letter")]
    yield Problem(DATE_PATTERN_FOREIGN_SYNTAX.code, "`\\` is no escape in SimpleDateFormat (literal text is quoted "
                  f"with `'` alone): it is a character to {'print' if printing else 'find'}, so {effect}"
                  + (" (and `\\u` escapes a character once too often: `u` is the day of the week)" if unicode else "")
                  + (f" (and `{letters[0]}` after it is still a pattern letter, not the letter itself)" if letters else ""),
                  found[0].start(), found[-1].end(), help=f"quote the letter: `'{letters[0]}'`" if letters
                  else "remove the backslashes" if not unicode else "write the character itself, a letter quoted (`'T'`)",
                  fix=Fix("remove the backslashes" if not unicode and not letters
                          else "write the escaped characters themselves", tuple(edits),
                          "unsafe" if letters else "safe"))  # (`\Z` -> `'Z'`: the offset's field becomes a letter)


def _quotes_escaped(text: str, found: list[re.Match[str]]) -> bool:
    """Whether the `\\uXXXX` escapes ``found`` in ``text`` include a quote and the pattern compiles with each written
    as its character (`dd\\u0027T\\u0027HH` is `dd'T'HH`, quotes and all, escaped once too often)."""
    codes = [m.group("code") for m in found]
    if "u0027" not in codes:
        return False
    meant = list(text)
    for match in reversed(found):
        code = match.group("code")
        if code is not None:
            meant[match.start():match.end()] = chr(int(code[1:], 16))
    try:
        compile_pattern("".join(meant))
    except PatternError:
        return False
    return True


def _quote_escaped_too_often(fmt: str) -> Problem | None:
    """CE427 for a pattern Java rejects that compiles once its `\\uXXXX` escapes, a quote among them, are read."""
    found = [m for m in _BACKSLASH_ESCAPE.finditer(fmt) if m.group("code")]
    if not found or not _quotes_escaped(fmt, found):
        return None
    edits = tuple(Edit(m.start(), m.end(), chr(int(m.group("code")[1:], 16))) for m in found)
    return Problem(DATE_PATTERN_FOREIGN_SYNTAX.code, "`\\u` escapes a character once too often: SimpleDateFormat "
                   "reads `\\`, the day of the week `u` and digits, so Java rejects the pattern", found[0].start(),
                   found[-1].end(), help="write the characters themselves (`'T'`)",
                   fix=Fix("write the escaped characters themselves", edits, "safe"))


# A backslash (or a run of them) before a quote: an escape the pattern's writer meant (`yyyy\MM` may be a separator)
_BACKSLASH_BEFORE = LazyPattern(r"(?<!\\)\\++(?=')")  # (from a run's start: each run is read once)
# A backslash before punctuation or a space (`yyyy\-MM\-dd`, a regex's escape), or a `\u0054` escaped once too often
# (a language's escape of `T`, left for SimpleDateFormat to read as `\`, the day-of-week `u` and `0054`)
# or before a lone zone letter (`ss\Z`, meant as UTC's literal `Z`: SimpleDateFormat prints `\` and then the offset;
# `yyyy\MM\dd` is a separator, the vendor's own)
_BACKSLASH_ESCAPE = LazyPattern(r"\\(?:(?P<code>u[0-9A-Fa-f]{4})|[^\w\\'\r\n]|(?P<letter>[zZX])(?![A-Za-z]))")


def _year_day_month(fields: list[Any]) -> Iterator[Problem]:
    """CE428 for a year, then the day, then the month (`yyyy-dd-MM`)."""
    for year, day, month in zip(fields, fields[1:], fields[2:]):
        if year.letter in "yY" and day.letter == "d" and month.letter in "ML" and month.count <= 2:  # (`MMM`: a name)
            yield Problem(DATE_PATTERN_YEAR_DAY_MONTH.code, f"`{day.text}` (the day) between the year and `{month.text}` "
                          "(the month): no calendar writes year, day, month, so 5 January is taken for 1 May",
                          day.start, month.end, help=f"write `{month.text}` before `{day.text}`",
                          fix=Fix(f"write `{month.text}` before `{day.text}`",
                                  (Edit(day.start, day.end, month.text), Edit(month.start, month.end, day.text)),
                                  "unsafe"))


def _date_into_time(tokens: Sequence[Any], *, printing: bool) -> Iterator[Problem]:
    """CE432 for the day's field right before the hour's (`ddHH`) with separators on both sides (`-ddHH:`)."""
    for before, day, hour, after in zip(tokens, tokens[1:], tokens[2:], tokens[3:]):
        if (day.is_field and day.letter == "d" and hour.is_field and hour.letter in "HhKk"
                and not before.is_field and not after.is_field):
            day_shown, hour_shown = "5".zfill(day.count), "10".zfill(hour.count)  # (5 July, 10:00)
            effect = (f"the macro sends the two run together (`{day_shown}` and `{hour_shown}`: "
                      f"`{day_shown}{hour_shown}`)" if printing else
                      "Java skips a blank between the day and the hour (a record's `2024-07-05 10:00` is read) but "
                      "stops at ISO 8601's `'T'` there (`2024-07-05T10:00`)")
            yield Problem(DATE_PATTERN_DATE_INTO_TIME.code, f"`{day.text}{hour.text}`: the day runs into the hour, "
                          f"though the date and the time are written with separators: {effect}", day.start,
                          hour.end, help=f"write what the vendor's dates hold between them: `{day.text}'T'{hour.text}` "
                          f"(ISO 8601) or `{day.text} {hour.text}`")


def _edge_space(text: str) -> Iterator[Problem]:
    """CE430 for whitespace at the start or the end of a records' date format."""
    for start, end, where in ((0, len(text) - len(text.lstrip()), "starts"), (len(text.rstrip()), len(text), "ends")):
        if start < end:
            yield Problem(DATE_PATTERN_EDGE_SPACE.code, f"the format {where} with whitespace, which Java expects in "
                          "every record's date: a date without it is not read", start, end,
                          help="remove the whitespace", fix=Fix("remove the whitespace", (Edit(start, end, ""),), "safe"))


_OFFSET_WRITTEN = r"[+-]\d\d(?::?\d\d)?"  # an offset written as text: `+0000`, `+00:00`, `-05`
_OFFSET_TEXT = LazyPattern(_OFFSET_WRITTEN)


def _is_offset_text(text: str) -> bool:
    """Whether ``text`` is an offset written out (`+0000`, `+00:00`, `-05`)."""
    return text[:1] in ("+", "-") and _OFFSET_TEXT.fullmatch(text) is not None


def _is_zone_text(text: str) -> bool:
    """Whether ``text`` is a zone written out: the letter, a name or an offset.  (No pattern for most literals.)"""
    return text in ("Z", "UTC", "GMT") or _is_offset_text(text)


def _quote_to_find(tokens: Sequence[Any]) -> Iterator[Problem]:
    """CE427 for `''` outside quoted text in a records' format (`...ss''`, `''Z''`): SimpleDateFormat's own quote
    character, which the record's date must then hold (an escape of SQL's or a language's, written into it)."""
    for token in tokens:
        if token.kind == "literal" and not token.quoted and token.text == "'":
            yield Problem(DATE_PATTERN_FOREIGN_SYNTAX.code, "`''` is a `'` to find in SimpleDateFormat: a record's date "
                          "is read only if it holds one here", token.start, token.end,
                          help="remove `''` (quote letters with one `'` on each side: `'T'`)")


def _zone_twice(tokens: Sequence[Any], *, printing: bool) -> Iterator[Problem]:
    """CE429 for a quoted `'Z'` (or `'UTC'`, `'GMT'`, an offset `'+0000'`) right beside an `X` field (`XXX'Z'`), which
    writes `Z` itself at UTC, and for a quoted offset or `'Z'` beside a `Z` field (`Z'+0000'`, `'Z'Z`: `Z+0000`, which
    Java reads from no record ending in `Z`).  (`'GMT'Z`, JavaScript's
    `GMT+0100`, and `Z 'UTC'`, Go's `+0000 UTC`, are formats of their own.)"""
    for index, token in enumerate(tokens):
        literal = token.text
        if token.kind != "literal" or not token.quoted or not _is_zone_text(literal):
            continue
        offset = _is_offset_text(literal)
        zone = next((t for t in (tokens[index - 1] if index else None, tokens[index + 1] if index + 1 < len(tokens)
                                 else None) if t is not None and t.is_field
                     and (t.letter == "X" or (offset or literal == "Z") and t.letter == "Z")), None)
        if zone is None:
            continue
        own, elsewhere = ("Z", "+01:00") if zone.letter == "X" else ("+0000", "+0100")  # what the field writes
        first = index and zone is tokens[index - 1]
        both, both_elsewhere = (f"{own}{literal}", f"{elsewhere}{literal}") if first else (f"{literal}{own}",
                                                                                         f"{literal}{elsewhere}")
        effect = (f"the URL sends the zone twice (`{both}` at UTC, `{both_elsewhere}` elsewhere)" if printing
                  else f"a record's date is read only if it carries the zone twice (`{both}`)")
        yield Problem(DATE_PATTERN_ZONE_TWICE.code, f"`{zone.text}` writes the zone (`{own}` at UTC), and `'{literal}'` "
                      f"writes it once more: {effect}", token.start, token.end,
                      help=f"remove `'{literal}'` (`{zone.text}` reads `{own}` and any offset)",
                      fix=Fix(f"remove `'{literal}'`", (Edit(token.start, token.end, ""),), "unsafe"))


def _replace(token: Any, replacement: str, *, unsafe: bool = False) -> Fix:
    """A fix writing ``replacement`` in place of ``token``'s letters."""
    return Fix(f"write `{replacement}`", (Edit(token.start, token.end, replacement),),
               "unsafe" if unsafe else "safe")


def _show(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _is_number(text: str) -> bool:
    stripped = text.strip().strip("'\"").strip()
    return bool(stripped) and stripped.replace(".", "", 1).isdigit()


_MACRO_AS_FORMAT = LazyPattern(r"'?\$\{(?P<kind>(?i:gmtDate|date|now|epoch|milliseconds|(?:dateTimeZone|nowTimeZone):[^:}]*))"
                               r"(?::(?P<pattern>[^}]+))?\}'?")


@once_per_arguments
def compile_problems(fmt: str) -> list[Problem]:
    """CE401/CE402/CE403 for one ``*DateFormat`` value (offsets into ``fmt``); [] when it compiles."""

    if fmt in SPECIAL_FORMATS:
        if SPECIAL_FORMATS[fmt]:
            return []
        return [Problem(DATE_FORMAT_TIMESTAMP.code, "`timestamp` is not a documented date format: Cloud Elements documents only "
                                 "`milliseconds` (epoch milliseconds) and SimpleDateFormat patterns",
                        0, len(fmt), help="`milliseconds` for epoch milliseconds, or the field's pattern")]
    if not fmt.strip():
        return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} is {'only spaces' if fmt else 'empty'}: "
                        "Java compiles it, but it "
                        "reads no date, so every record's date is rejected", 0, len(fmt),
                        help="the SimpleDateFormat pattern of the field, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`, or "
                        "`milliseconds`")]
    strftime = _strftime(fmt) if "%" in fmt else None
    if strftime is not None:
        return [strftime]
    near = fmt.strip().strip("'\"").strip()
    if near.lower() in SPECIAL_FORMATS:
        token = near.lower()
        if near == token:
            at = fmt.index(token)
            at = at - 1 if at else at + len(token)  # the first stray character
            what = f"with a stray {fmt[at]!r}"
            end = at + 1
        else:
            what, at, end = "spelt with capitals", 0, len(fmt)
        return [Problem(DATE_PATTERN_INVALID.code, f"date format {_show(fmt)} is the special format `{token}` {what}: it is then "
                                 "not the special format, and Java rejects it as a SimpleDateFormat pattern",
                        at, end, help=f"write `{token}`")]
    macro = _MACRO_AS_FORMAT.fullmatch(fmt.strip()) if "${" in fmt else None
    if macro is not None:  # `${gmtDate:yyyy-MM-dd}`, `${epoch}` copied from the URL
        pattern, kind = macro.group("pattern"), macro.group("kind").lower()
        help = (f"write the pattern alone: `{pattern}`" if pattern and kind not in ("epoch", "milliseconds") else
                "`milliseconds` for epoch milliseconds" if kind in ("epoch", "milliseconds") else
                "the field's SimpleDateFormat pattern, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")
        return [Problem(DATE_PATTERN_INVALID.code, f"date format {_show(fmt)} is a URL macro, not a SimpleDateFormat "
                        "pattern: a `*DateFormat` reads the records' dates, and Java does not compile it", 0, len(fmt),
                        help=help)]
    try:
        compiled = compile_pattern(fmt)
    except PatternError as exc:
        if _is_number(fmt):
            return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} is a number, not a SimpleDateFormat pattern",
                            0, len(fmt), help=_EPOCH_HINT)]
        if "/" in fmt or fmt.strip().isalpha() and fmt.strip().isupper():
            zone = fmt.strip()
            if resolve_zone(zone).known:  # `GMT`, `America/Denver`: the zone, written where the pattern goes
                return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} is a time zone id, not a "
                                "SimpleDateFormat pattern: a zone goes in the `*DateTimezone` beside it", 0, len(fmt),
                                help="the SimpleDateFormat pattern of the field, e.g. `yyyy-MM-dd'T'HH:mm:ss`, here, "
                                f"and `\"{zone}\"` in `updatedDateTimezone` (or `createdDateTimezone`)")]
        meant = standard_pattern(fmt)
        if meant is not None:  # `ISO8601`, `RFC 3339`, `RFC1123`: a standard's name where its pattern goes
            return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} is a standard's name, not a "
                            "SimpleDateFormat pattern: Java does not compile it", 0, len(fmt),
                            help=f"the pattern it names: `{meant}` (with `.SSS` before the zone if the dates carry "
                                 "milliseconds)" if "EEE" not in meant else f"the pattern it names: `{meant}`")]
        epoch_name = _epoch_name(fmt.strip())
        if epoch_name or is_description(fmt):
            what = "a description" if " " in fmt.strip() else "a word"
            hint = (_EPOCH_HINT if epoch_name or re.search(r"(?i)unix|epoch|milli|second|digit|integer", fmt)
                    else "the SimpleDateFormat pattern of the field, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")
            return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} is {what}, not a SimpleDateFormat pattern",
                            0, len(fmt), help=hint)]
        escaped = _quote_escaped_too_often(fmt) if "\\u" in fmt else None
        if escaped is not None:
            return [escaped]
        start = exc.column - 1
        return [Problem(DATE_PATTERN_INVALID.code, f"date format {_show(fmt)} does not compile: {exc.message}"
                        + quote_look_alike(fmt, exc.column), start, start + 1, help=exc.help)]
    if not any(token.is_field for token in compiled.tokens):
        if _is_number(fmt):
            return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} is a number, not a "
                            "SimpleDateFormat pattern", 0, len(fmt), help=_EPOCH_HINT)]
        return [Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"date format {_show(fmt)} holds no date field, only literal "
                        "text: Java compiles it, but it reads no date", 0, len(fmt),
                        help="the SimpleDateFormat pattern of the field, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`; letters in "
                        "quotes are text, not fields")]
    return []


def _zone_of(zone_id: str) -> Any:

    return resolve_zone(zone_id).zone


def _fmt_offset(ms: int) -> str:
    sign = "-" if ms < 0 else "+"
    h, m = divmod(abs(ms) // 60_000, 60)
    return f"{sign}{h:02d}:{m:02d}"


_WIDTH_UNITS = {"d": "day", "H": "hour", "h": "hour", "m": "minute", "s": "second", "M": "month"}


def _iso_layout(tokens: Any) -> bool:
    """Whether a pattern writes ISO 8601's `'T'` between a date and a time (`yyyy-MM-dd'T'HH:mm:ss`), whose numbers
    all have two digits."""
    return any(not t.is_field and t.text == "T" and 0 < i < len(tokens) - 1 for i, t in enumerate(tokens))


def _field_widths(fields: list[Any], *, iso: bool = False) -> Iterator[Problem]:
    """CE431: a number printed in three digits or more (`sss`), or a minute or second unpadded beside a two-digit time
    field (`HH:m:ss`).  (An unpadded day, month or hour is a format of its own: `d MMM yyyy`, `M/d/yyyy h:mm a`; not
    beside ISO 8601's `'T'`, ``iso``: `yyyy-MM-dd'T'H:mm:ss` sends `T9:05:00`.)"""
    clock = any(t.letter in "Hhms" and t.count == 2 for t in fields)
    # a year-first date with its month or day in two digits (`yyyy-MM-d`): ISO 8601's order, one field left unpadded
    year_first = bool(fields) and fields[0].letter == "y" and fields[0].count >= 4 and \
        any(t.letter in "Md" and t.count == 2 for t in fields)
    letters = Counter(t.letter for t in fields)  # (counted once: a pattern of 10,000 fields asked the list each time)
    hours = "H" in letters or "h" in letters or "k" in letters or "K" in letters
    for token in fields:
        unit = _WIDTH_UNITS.get(token.letter)
        if unit is None or letters[token.letter] > 1 or token.letter == "m" and (token.count >= 3 or not hours) \
                or token.letter == "M" and token.count > 1:  # (`MMM`: the month's name)
            continue  # a field written twice (`ss.sss`: CE416's), minutes where the month was meant (CE415's)
        if token.count == 1 and token.letter in "ms" and clock:
            effect = "without padding: 4 is sent as `4`, where the time's other numbers have two digits (`04`)"
        elif token.count == 1 and token.letter in "dM" and year_first:
            effect = "without padding: 4 is sent as `4`, where the year-first date's other numbers have two digits (`04`)"
        elif token.count == 1 and iso and token.letter in "dMHms":
            effect = "without padding: 4 is sent as `4`, where ISO 8601 (the pattern's `'T'`) writes two digits (`04`)"
        elif token.count >= 3:
            effect = f"with {token.count} digits: 5 is sent as `{_shorten('5'.zfill(token.count))}`"
        else:
            continue
        yield Problem(DATE_PATTERN_FIELD_WIDTH.code, f"`{_shorten(token.text)}` prints the {unit} {effect}",
                      token.start, token.end, help=f"`{token.letter * 2}`", fix=_replace(token, token.letter * 2, unsafe=True))


def _shorten(text: str, limit: int = 12) -> str:
    """A run of letters or digits (or what a pattern prints) as a message shows it: a long one by its ends."""
    return text if len(text) <= limit else f"{text[:limit - 6]}...{text[-3:]}"


def pattern_problems(pattern: Any, *, zone: _Zone | None, printing: bool) -> list[Problem]:
    """CE405-CE411 for a compiled pattern (offsets into the pattern text).

    ``printing``: the pattern prints the last poll time (a URL macro), else it parses record dates.
    ``zone``: where the pattern is printed or parsed, None when unknown.
    """
    return _problems_of_pattern(pattern.text, zone=zone, printing=printing)


@once_per_arguments
def _problems_of_pattern(text: str, *, zone: _Zone | None, printing: bool) -> list[Problem]:

    if "%" in text:
        strftime = _strftime(text)
        if strftime is not None:
            return [strftime]  # (its letters' other readings would only repeat the one mistake)
    pattern = compile_pattern(text)
    tokens = pattern.tokens
    fields = [t for t in tokens if t.is_field]
    letters = {t.letter for t in fields}
    problems: list[Problem] = _swapped_and_repeated(pattern, printing=printing)
    if not text.isascii():
        problems.extend(_typographic(text, printing=printing))
    if "[" in text or "]" in text or '"' in text or "\\" in text:
        problems.extend(_foreign_syntax(text, tokens, printing=printing))
    problems.extend(_year_day_month(fields))
    problems.extend(_date_into_time(tokens, printing=printing))
    if not printing and text != text.strip():
        problems.extend(_edge_space(text))
    if "'" in text:
        problems.extend(_zone_twice(tokens, printing=printing))
        if not printing and "''" in text:
            problems.extend(_quote_to_find(tokens))
    swapped_seconds = _seconds_after_dot(tokens) if "s" in letters and "S" in letters else None
    for i, token in enumerate(tokens):
        if not token.is_field:
            if token.text == "." and i and tokens[i - 1].is_field and tokens[i - 1].letter == "s" and not (
                    i + 1 < len(tokens) and tokens[i + 1].is_field and tokens[i + 1].letter in "SsFu"):
                # `ss.'Z'`, `ss.XXX`: a decimal point and no fraction after it
                last = i + 1 == len(tokens)  # (Java reads a date's rest after the pattern's end: `.123` ignored)
                effect = (f"the macro prints `{_printed(pattern, _JANUARY_5_10_00_07_123)}`" if printing else
                          "a record's date without a fraction is not read, and one with it loses its milliseconds"
                          if last else "no record's date is read, with milliseconds or without")
                problems.append(Problem(DATE_PATTERN_FRACTION.code, "a decimal point after the seconds and no "
                                        f"fraction after it: {effect}", token.start, token.end,
                                        severity="warning" if last and not printing else "error",
                                        help="`ss.SSS` for milliseconds, or remove the `.`"))
            continue
        after_dot = i > 0 and not tokens[i - 1].is_field and tokens[i - 1].text.endswith((".", ","))
        # (a fraction's place: right after the seconds' dot, where .NET's `FFF` and PHP's `u` are written)
        after_seconds = after_dot and i > 1 and tokens[i - 2].is_field and tokens[i - 2].letter in "sS"
        if token.letter == "S" and token.count >= 4:
            if printing:
                padded = _shorten("123".zfill(token.count))
                message = (f"`{_shorten(token.text)}` prints the millisecond zero-padded to {token.count:,} digits, "
                           f"not a fraction: 123 ms prints `{padded}`, which the vendor reads as 0.{padded} s")
                fix = "`SSS` for milliseconds, `SSS'000'` to print microseconds"
            else:
                digits = "123456"[:token.count].ljust(min(token.count, 9), "0")  # (a long run: its first digits)
                message = (f"`{_shorten(token.text)}` reads the digits as a count of milliseconds, not a fraction: "
                           f"`.{digits}` parses as {int(digits):,} ms; no SimpleDateFormat pattern reads "
                           "microseconds")
                fix = ("ask the vendor for milliseconds; `SSS` reads them the same way, so it would only hide "
                       "this warning")
            problems.append(Problem(DATE_PATTERN_FRACTION.code, message, token.start, token.end, help=fix,
                                    fix=_replace(token, "SSS") if printing else None))
        elif token.letter == "S" and _after_minutes(tokens, i) and (
                "s" not in letters or swapped_seconds is not None):
            effect = (f"10:00:07.123 prints as `{_printed(pattern, _JANUARY_5_10_00_07_123)}`" if printing
                      else "`10:00:07` is read as 10:00 and 7 milliseconds, and the seconds are lost"
                      if swapped_seconds is None else "`10:00:07.123` is read as 10:02:03.007")
            problems.append(Problem(DATE_PATTERN_FRACTION.code, f"`{token.text}` after the minutes is the millisecond, "
                                    f"not the second: {effect}", token.start, token.end, severity="error",
                                    help="`" + "s" * token.count + "` for the seconds",
                                    fix=_replace(token, "s" * token.count, unsafe=True)))
            if swapped_seconds is not None:  # `HH:mm:SS.sss`: the two fields swapped
                problems.append(Problem(DATE_PATTERN_FRACTION.code, f"`{swapped_seconds.text}` after the dot is the "
                                        "second, not the millisecond: the seconds and milliseconds are swapped",
                                        swapped_seconds.start, swapped_seconds.end, severity="error",
                                        help="`" + "S" * max(swapped_seconds.count, 3) + "` for the milliseconds",
                                        fix=_replace(swapped_seconds, "S" * max(swapped_seconds.count, 3),
                                                     unsafe=True)))
        elif token.letter == "F" and after_seconds:
            # .NET's `fff`/`FFF` fraction; Java's `F` is the day of the week in the month (the 6th: `1`)
            effect = (f"10:00:07.123 on 5 January prints as `{_printed(pattern, _JANUARY_5_10_00_07_123)}`" if printing
                      else "a record's `.123` is read as a day of the week in the month, and its milliseconds are lost")
            problems.append(Problem(DATE_PATTERN_FRACTION.code, f"`{token.text}` after the seconds is Java's day of the week "
                                    "in the month (5 January 2024, the month's first Friday: 1), not a fraction of a "
                                    f"second as in .NET: {effect}", token.start, token.end, severity="error",
                                    help="`" + "S" * max(token.count, 3) + "` for the milliseconds",
                                    fix=_replace(token, "S" * max(token.count, 3), unsafe=not printing)))
        elif token.letter == "u" and after_seconds:
            # PHP's `u` (microseconds); Java's `u` is the day number of the week, which a parse reads and drops
            effect = (f"10:00:07.123 on 5 January prints as `{_printed(pattern, _JANUARY_5_10_00_07_123)}`" if printing
                      else "a record's `.123456` is read as a day of the week, and its milliseconds are lost")
            problems.append(Problem(DATE_PATTERN_FRACTION.code, f"`{_shorten(token.text)}` after the seconds is Java's day "
                                    "number of the week (5 January 2024, a Friday: 5), not microseconds as in PHP: "
                                    f"{effect}", token.start, token.end, severity="error",
                                    help="`SSS` for the milliseconds (no SimpleDateFormat pattern reads microseconds)",
                                    fix=_replace(token, "SSS") if printing else None))
        elif token.letter == "S" and token.count < 3 and printing and after_dot:
            shown, read = (".5", "500 ms") if token.count == 1 else (".05", "50 ms")
            problems.append(Problem(DATE_PATTERN_FRACTION.code, f"`{token.text}` prints the millisecond without padding to 3 digits: "
                                             f"5 ms prints `{shown}`, which the vendor reads as {read}: the time sent "
                                             "is up to a second off (a last-poll filter that late misses records)",
                                    token.start, token.end, help="`SSS`", fix=_replace(token, "SSS")))
        elif token.letter in "hK" and "a" not in letters:
            hour_range = "1-12" if token.letter == "h" else "0-11"
            effect = ("13:30 prints as 01:30, so afternoon times are sent 12 hours early" if printing
                      else "12:30 is read as 00:30, and a 12-hour clock's 01:30 PM as 01:30: 12 hours early")
            problems.append(Problem(DATE_PATTERN_12_HOUR.code, f"`{token.text}` is the hour {hour_range} but the pattern has no AM/PM "
                                             f"marker `a`: {effect}",
                                    token.start, token.end, help="`HH` (0-23), or add ` a`",
                                    fix=_replace(token, "H" * token.count, unsafe=True)))
        elif token.letter == "K" and "a" in letters:
            effect = ("12:30 PM prints as `00:30 PM`, which a vendor rejects or reads as 00:30" if printing
                      else "a record's `12:30 PM` is read as 00:30 the next day: 12 hours late")
            problems.append(Problem(DATE_PATTERN_12_HOUR.code, f"`{token.text}` is the hour 0-11: with `a`, the hour "
                                    f"after noon is 0, not 12 ({effect})", token.start, token.end,
                                    help="`" + "h" * token.count + "` (1-12) with `a`",
                                    fix=_replace(token, "h" * token.count, unsafe=True)))
        elif token.letter == "H" and "a" in letters and not letters & {"h", "K"}:
            effect = ("15:30 prints as `15:30 PM`, which a vendor rejects or reads as a 12-hour time" if printing
                      else "a record's `03:30 PM` is read as 03:30, 12 hours early")
            problems.append(Problem(DATE_PATTERN_12_HOUR.code, f"`{token.text}` is the hour 0-23, but the pattern also has "
                                    f"the AM/PM marker `a`: {effect}", token.start, token.end,
                                    help="`hh` (1-12) with `a`, or `HH` without it",
                                    fix=_replace(token, "h" * token.count, unsafe=True)))
        elif token.letter == "k" and printing and not letters & {"H", "K", "h"}:  # (with another hour: CE416's)
            problems.append(Problem(DATE_PATTERN_HOUR_1_24.code, f"`{token.text}` is the hour 1-24: the first hour after "
                                    "midnight prints as 24 (00:30 is sent as 24:30), which vendors reject or read as the "
                                    "next day, so that hour's filter is a day ahead",
                                    token.start, token.end, help="`HH` (0-23)",
                                    fix=_replace(token, "H" * token.count)))
        elif token.letter == "Y" and letters & {"M", "L", "d"} and "w" not in letters:
            message = (f"`{token.text}` is the week-based year: with a month and day it is wrong at the end of "
                       "December (2024-12-30 is `2025-12-30`)" if printing else
                       f"`{token.text}` is the week-based year: Java then ignores the month and day and reads every "
                       "date as the first day of its week-based year (2024-06-15 is read as 2023-12-31)")
            problems.append(Problem(DATE_PATTERN_WEEK_YEAR.code, message, token.start, token.end,
                                    help="`" + "y" * token.count + "`", severity=None if printing else "error",
                                    fix=_replace(token, "y" * token.count)))
        elif token.letter == "y" and printing and "w" in letters and not letters & {"M", "L", "d", "D", "Y"}:
            # (reading, Java's lenient parse takes `yyyy-ww` and `YYYY-ww` alike: `2025-01` is 2024-12-29 with both)
            problems.append(Problem(DATE_PATTERN_WEEK_YEAR.code, f"`{token.text}` is the calendar year, with `w`, the week "
                                    "of the week-based year: the pattern prints the last days of December with week 1 "
                                    "and the year that ends (2024-12-30 is `2024-01`, a year early)", token.start, token.end,
                                    help="`" + "Y" * token.count + "` (the week-based year)",
                                    fix=_replace(token, "Y" * token.count, unsafe=True)))
        elif token.letter == "D" and letters & {"M", "L"} and "d" not in letters:
            effect = ("5 February prints as day 36" if printing else
                      "Java reads the day of the year over the month, so 2024-07-20 is read as 20 January")
            problems.append(Problem(DATE_PATTERN_DAY_OF_YEAR.code, f"`{token.text}` is the day of the year, not of the month: "
                                             f"{effect}",
                                    token.start, token.end, help="`" + "d" * min(token.count, 2) + "`",
                                    fix=_replace(token, "d" * min(token.count, 2))))
        elif token.letter == "y" and token.count == 2 and printing:
            problems.append(Problem(DATE_PATTERN_TWO_DIGIT_YEAR.code, "`yy` prints the year with two digits (2024 is "
                                    "sent as `24`): the vendor reads the year 24, rejects it, or guesses a century",
                                    token.start, token.end, help="`yyyy`", fix=_replace(token, "yyyy", unsafe=True)))
        elif token.letter == "y" and token.count == 3:
            problems.append(Problem(DATE_PATTERN_THREE_LETTER_YEAR.code, "`yyy` is a three-letter year: Java prints the full year anyway, but "
                                             "this is almost certainly a typo of `yyyy`",
                                    token.start, token.end, help="`yyyy`"))
    if printing:  # (the seconds written where the milliseconds go, `SS.sss`: CE405 says it, once)
        problems.extend(_field_widths([t for t in fields if t is not swapped_seconds], iso=_iso_layout(tokens)))
    else:
        problems.extend(_literal_case(pattern.text, tokens))
    if zone is None:
        return problems
    zone_obj = _zone_of(zone.id)
    utc = is_utc(zone.id)
    for token in tokens:
        if token.is_field and token.letter == "X" and token.count == 1:
            problems.extend(_offset_hours_only(token, zone, zone_obj, printing=printing))
        if token.is_field:
            continue
        literal = token.text.strip()
        if token.quoted and literal in _UTC_LITERALS and not utc and not any(
                t.is_field and t.letter in "XxZz" for t in tokens):  # the offset is written too (`'GMT'Z`: `GMT+0100`)
            if printing:
                message = (f"`'{literal}'` is a literal: the macro prints {zone.label} wall time labelled as UTC, "
                           "so the vendor gets a time off by the zone's offset")
                fix = "`XXX` to print the real offset, or `${gmtDate:...}`"
            else:
                example = "10:00Z" if literal == "Z" else f"10:00 {literal}"
                message = (f"`'{literal}'` is a literal: dates such as `{example}` are read as {zone.label} wall "
                           "time, off by the zone's offset")
                # (`XXX` reads `Z` and offsets, not the word `UTC`; `z` reads the word, and offsets after it)
                fix = ("`XXX` to read the offset (it accepts `Z`), or set the zone to `GMT`" if literal == "Z" else
                       f"`z` to read the zone `{literal}` names, or set the zone to `GMT`")
            exact = token.text in (f"'{literal}'", literal)  # no spaces inside the quotes to keep
            replacement = "XXX" if printing or literal == "Z" else "z"
            if printing and literal != "Z":
                fix, exact = "`${gmtDate:...}` (UTC, which its `'" + literal + "'` then tells the truth about)", False
            if printing and any(zone_obj.offsets_at(ms)[0] > 0 for ms in _SAMPLES_MS):
                # `XXX` would print `+01:00` into the query, which arrives as a space (CE616): no edit to offer
                fix, exact = "`${gmtDate:...}` (UTC, which its `'Z'` then tells the truth about)", False
            problems.append(Problem(DATE_PATTERN_LITERAL_Z.code, message, token.start, token.end, help=fix,
                                    fix=_replace(token, replacement, unsafe=True) if exact else None))
            continue
        for m in _OFFSET_LITERAL.finditer(token.text):
            sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3))
            if hours > 23 or minutes > 59:
                continue
            literal_ms = (1 if sign == "+" else -1) * (hours * 60 + minutes) * 60_000
            base = token.start + (1 if token.quoted else 0)
            start, end = base + m.start(), base + m.end()
            offsets = {zone_obj.offsets_at(ms)[0] for ms in _SAMPLES_MS}
            real = _fmt_offset(zone_obj.offsets_at(_SAMPLES_MS[0])[0])  # (January's: `-08:00` for PST)
            fix = f"`Z` (`{real.replace(':', '')}`) or `XXX` (`{real}`) for the real offset"
            if zone_obj.uses_daylight and len(offsets) > 1:
                shown = " and ".join(_fmt_offset(o) for o in sorted(offsets))
                problems.append(Problem(DATE_PATTERN_FIXED_OFFSET.code, f"hard-coded offset `{m.group(0)}` next to {zone.label}, which "
                                                 f"switches between {shown}: wrong for part of the year",
                                        start, end, help=fix))
            elif literal_ms not in offsets:
                shown = _fmt_offset(next(iter(offsets)))
                problems.append(Problem(DATE_PATTERN_FIXED_OFFSET.code, f"hard-coded offset `{m.group(0)}` next to {zone.label}, whose "
                                                 f"offset is {shown}", start, end, help=fix))
    return problems


def _offset_hours_only(token: Any, zone: Any, zone_obj: Any, *, printing: bool) -> list[Problem]:
    """CE422: a single `X` in a zone whose offset has minutes (in January or July)."""
    split = sorted({offset for offset in (zone_obj.offsets_at(ms)[0] for ms in _SAMPLES_MS) if offset % 3_600_000})
    if not split:
        return []
    offset = _fmt_offset(split[0])
    minutes = (abs(split[0]) // 60_000) % 60
    if printing:
        message = (f"`X` prints the offset's hours only: {zone.label}'s {offset} is sent as {offset[:3]}, so the "
                   f"last poll time the vendor reads is {minutes} minutes off")
    else:
        message = (f"`X` reads the offset's hours only: a date with {zone.label}'s offset {offset} is read as "
                   f"{offset[:3]}:00 (Java stops at the colon), {minutes} minutes off")
    return [Problem(DATE_PATTERN_OFFSET_HOURS_ONLY.code, message, token.start, token.end,
                    help="`XXX` (`" + offset + "`)", fix=_replace(token, "XXX", unsafe=True))]


def _strftime(text: str) -> Problem | None:
    """CE402 for a strftime pattern (`%Y-%m-%d %H:%M:%S`): Java writes its `%` signs as text and reads each letter
    its own way (`%M` is the month, `%S` milliseconds)."""
    meant = strftime_meant(text)
    if meant is None:
        return None
    return Problem(DATE_FORMAT_NOT_A_PATTERN.code, f"{_show(text)} {STRFTIME_READING}", 0, len(text),
                   help=f"`{meant}`" if meant else "write the SimpleDateFormat pattern: `yyyy-MM-dd HH:mm:ss`",
                   fix=Fix(f"write `{meant}`", (Edit(0, len(text), meant),), "unsafe") if meant else None)


@lru_cache(maxsize=256)
def _day_month_order(text: str) -> int:
    """1 when a pattern writes the month's number before the day with no year ahead of them (`MM/dd/yyyy`), -1 the
    day first (`dd/MM/yyyy`), 0 otherwise: a named month (`MMM`) or a year first (`yyyy-MM-dd`, ISO's order,
    which no one reads another way) leaves no doubt."""
    fields = [t for t in compile_pattern(text).tokens if t.is_field]
    month = next((i for i, t in enumerate(fields) if t.letter in "ML" and t.count <= 2), None)
    day = next((i for i, t in enumerate(fields) if t.letter == "d"), None)
    year = next((i for i, t in enumerate(fields) if t.letter in "yYu"), len(fields))
    if month is None or day is None or year < min(month, day):
        return 0
    return 1 if month < day else -1


def reads_two_digit_years(formats: Iterable[Any]) -> bool:
    """Whether one of the record formats given reads the year with two digits (`yy`): such a vendor writes its
    dates so (Oracle's `dd-MMM-yy`), and a URL macro's `yy` (CE420) is then its language."""
    for text in formats:
        if isinstance(text, str) and text not in SPECIAL_FORMATS and not compile_problems(text):
            if any(t.is_field and t.letter == "y" and t.count == 2 for t in compile_pattern(text).tokens):
                return True
    return False


def _literal_case(text: str, tokens: Any) -> Iterator[Problem]:
    """CE421: a quoted lowercase `'t'`/`'z'` where ISO dates write the capital, in a format that reads dates."""
    for token in tokens:
        if token.is_field or not token.quoted or token.text not in ("t", "z"):
            continue
        capital = token.text.upper()
        as_written = text[token.start:token.end] == f"'{token.text}'"
        yield Problem(DATE_PATTERN_LITERAL_CASE.code,
                      f"`'{token.text}'` matches only a lowercase {token.text}: Java compares quoted letters case by "
                      f"case, so a date such as `2024-03-05T10:00:00Z` does not parse at its `{capital}`",
                      token.start, token.end, help=f"`'{capital}'`, as ISO dates write it",
                      fix=_replace(token, f"'{capital}'", unsafe=True) if as_written else None)


_JANUARY_5_10_07 = 1_704_449_220_000  # 2024-01-05T10:07:00Z, in epoch milliseconds
_JANUARY_5_10_00_05 = 1_704_448_805_000  # 2024-01-05T10:00:05Z
_JANUARY_5_10_00_07_123 = 1_704_448_807_123  # 2024-01-05T10:00:07.123Z


def _printed(pattern: Any, instant: int) -> str:
    """What ``pattern`` prints for ``instant`` in GMT, as Java does, cut to a message's length."""
    return _shorten(pattern.format(instant, "GMT"), 40)


def _seconds_after_dot(tokens: Any) -> Any:
    """The pattern's one run of `s`, when it follows a dot after an `S` run (`HH:mm:SS.sss`: the two swapped)."""
    runs = [i for i, token in enumerate(tokens) if token.is_field and token.letter == "s"]
    if len(runs) != 1 or runs[0] < 2:
        return None
    i = runs[0]
    before, field = tokens[i - 1], tokens[i - 2]
    swapped = not before.is_field and before.text in (".", ",") and field.is_field and field.letter == "S"
    return tokens[i] if swapped else None


def _after_minutes(tokens: Any, index: int) -> bool:
    """Whether the field at ``index`` follows the minutes with a ``:`` between (``HH:mm:SS``), where seconds go."""
    return index >= 2 and not tokens[index - 1].is_field and tokens[index - 1].text == ":" and \
        tokens[index - 2].is_field and tokens[index - 2].letter == "m"


def _swapped_and_repeated(pattern: Any, *, printing: bool) -> list[Problem]:
    """CE415 (month and minute swapped) and CE416 (a field written twice) of a compiled pattern."""
    facts = pattern.facts
    problems: list[Problem] = []
    meant = {id(t): letter for t, letter in ((facts.minute_as_month, "M"), (facts.month_as_minute, "m"))
             if t is not None}  # a swapped field counts as the field that was meant
    if facts.minute_as_month is not None:
        token = facts.minute_as_month
        effect = (f"prints the minute where the month belongs (10:07 on 5 January 2024 prints "
                  f"`{_printed(pattern, _JANUARY_5_10_07)}`)" if printing
                  else "reads the month into the minutes: every date lands in January")
        problems.append(Problem(DATE_PATTERN_MONTH_MINUTE_SWAPPED.code,
                                f"`{token.text}` is the minute, between date fields: the pattern {effect}",
                                token.start, token.end, help="`" + "M" * token.count + "` for the month",
                                fix=_replace(token, "M" * token.count)))
    if facts.month_as_minute is not None:
        token = facts.month_as_minute
        effect = ("prints the month where the minutes belong" if printing
                  else "reads the minutes as a month (lenient: a minute of 45 moves the date 3 years ahead)")
        problems.append(Problem(DATE_PATTERN_MONTH_MINUTE_SWAPPED.code,
                                f"`{token.text}` is the month, between time fields: the pattern {effect}",
                                token.start, token.end, help="`" + "m" * token.count + "` for the minutes",
                                fix=_replace(token, "m" * token.count)))
    tokens = pattern.tokens
    seen: dict[str, Any] = {}  # each field's first token, by the field (the hour's four letters are one field)
    for i, token in enumerate(tokens):
        if not token.is_field:
            continue
        before = tokens[i - 1] if i else None
        if before is not None and before.is_field and before.letter != token.letter and \
                before.letter.lower() == token.letter.lower() in _MIXED_CASE_MEANT:  # `Dd`: shift held for part of it
            meant_run = _MIXED_CASE_MEANT.get(token.letter.lower(), "one field")
            problems.append(Problem(DATE_PATTERN_FIELD_REPEATED.code,
                                    f"`{before.text}{token.text}` mixes `{before.letter}` and `{token.letter}`: Java "
                                    f"reads two fields, {_FIELD_NAMES.get(before.letter, before.letter)} then "
                                    f"{_FIELD_NAMES.get(token.letter, token.letter)}, and "
                                    + ("prints both" if printing else "the later one wins"),
                                    before.start, token.end, help=f"write {meant_run}"))
            seen.update({_ONE_FIELD.get(before.letter, before.letter): before,
                         _ONE_FIELD.get(token.letter, token.letter): token})
            continue
        letter = meant.get(id(token), token.letter)
        letter = _ONE_FIELD.get(letter, letter)
        if letter in seen and id(token) not in meant:
            mend: Fix | None = None
            after_dot = i > 0 and not tokens[i - 1].is_field and tokens[i - 1].text.endswith((".", ","))
            if token.letter == "s" and after_dot:
                message = (f"`{token.text}` after the dot is the second again, not the millisecond: "
                           + (f"it prints the second twice (10:00:05 prints `{_printed(pattern, _JANUARY_5_10_00_05)}`)"
                              if printing
                              else "`.123` sets the second to 123 (+2 minutes) and the real second is lost"))
                fix = "`" + "S" * max(token.count, 3) + "` for milliseconds"
                mend = _replace(token, "S" * max(token.count, 3))
            elif seen[letter].letter != token.letter:  # `HH:mm:kk`: the hour in another letter
                first = seen[letter]
                named = _FIELD_NAMES.get(token.letter)
                message = (f"`{token.text}` is {named}, a field written earlier as `{first.text}`: " if named else
                           f"`{token.text}` repeats the field written earlier as `{first.text}`: ") + (
                    "it prints it twice" if printing else "the later one wins when parsing, and the first is lost")
                fix = "write each field once" + ("; `ss` for the seconds" if token.letter in "kKh" and i > 1
                                                 and tokens[i - 1].text.endswith(":") else "")
            else:
                message = (f"`{token.text}` repeats a field written earlier in the pattern: "
                           + ("it prints the same value twice" if printing
                              else "the later one wins when parsing, so the first is ignored"))
                fix = "write each field once"
            problems.append(Problem(DATE_PATTERN_FIELD_REPEATED.code, message, token.start, token.end, help=fix,
                                    fix=mend))
        seen.setdefault(letter, token)
    return problems


# Letters that write the same field (`H`, `k`, `K`, `h`: the hour; `L`: the month standing alone; `u`: the day of
# the week as a number): one of them twice is a field written twice
_ONE_FIELD = {"k": "H", "K": "H", "h": "H", "L": "M", "u": "E"}


# What a run of one letter in two cases (`Dd`, `yY`) most likely meant, for the letters whose two cases never
# stand side by side on purpose (`ssSSS`, `MMmm` do: seconds then milliseconds), and the fields' names.
_MIXED_CASE_MEANT = {"d": "`dd` (the day of the month)", "y": "`yyyy`", "h": "`HH` (0-23)", "k": "`HH` (0-23)",
                     "w": "`ww`"}
_FIELD_NAMES = {"D": "the day of the year", "d": "the day of the month", "Y": "the week-based year", "y": "the year",
                "H": "the hour 0-23", "h": "the hour 1-12", "K": "the hour 0-11", "k": "the hour 1-24",
                "W": "the week of the month", "w": "the week of the year"}


def missing_parts(letters: set[str] | frozenset[str]) -> list[str]:
    """What a set of pattern letters lacks to name a day: ``year``, ``month``, ``day`` (empty when complete)."""
    missing = []
    if not letters & {"y", "Y"}:
        missing.append("year")
    if "D" in letters or (letters & {"w", "W"} and letters & {"E", "u", "F"}):
        return missing
    if not letters & {"M", "L"}:
        missing.append("month")
    if not letters & {"d", "F"} or ("F" in letters and not letters & {"d", "E", "u"}):
        missing.append("day")
    return missing


def _instant_problem(pattern: Any, *, printing: bool) -> Problem | None:
    """CE417 for a record format: what it lacks to identify an instant (info when only the time)."""
    fields = [t for t in pattern.tokens if t.is_field]
    if not fields:
        return None  # only literals: CE402's (a number or a word), not a date pattern at all
    letters = {t.letter for t in fields}
    facts = pattern.facts
    if facts.minute_as_month is not None:  # CE415 reports the swap; count the field as what was meant
        letters.add("M")
    if facts.month_as_minute is not None:
        letters.add("m")
    whole = (0, len(pattern.text))
    if "w" in letters and letters & {"y", "Y"} and not letters & {"D", "d", "M", "L", "E", "u", "F"}:
        # a week of the year and no day in it: Java takes the week's first day (`2024-23` is 2 June 2024)
        effect = ("the vendor gets the last poll time as a week, up to a week before it, or a year off at New Year "
                  "where `yyyy` (the calendar year) stands beside `ww`" if printing else
                  "Java dates each record the first day of its week, up to six days before it changed, so a change "
                  "made since the last poll looks older than it and is ignored")
        return Problem(DATE_PATTERN_NOT_AN_INSTANT.code, f"the pattern names a week (`w`), not a day: {effect}", *whole,
                       help="the full pattern of the vendor's dates, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")
    missing = missing_parts(letters)
    if missing == ["month", "day"] and not printing and letters & {"W", "F", "E", "u"}:
        # no month either: Java takes January (`yyyy-W` reads `2024-3` as 14 January 2024)
        day = ("the Sunday of that week of the month" if "W" in letters else "a day of the week alone (`F`: the nth "
               "Sunday; `E`, `u`: January's first such day)")
        return Problem(DATE_PATTERN_NOT_AN_INSTANT.code, "the pattern has no month and no day of the month: Java dates "
                       f"each record in January, on {day}, up to eleven months before it changed, so a change made since "
                       "the last poll looks older than it and is ignored", *whole,
                       help="the full pattern of the vendor's dates, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")
    if missing == ["day"] and not printing and letters & {"W", "F", "E", "u"}:
        # a week or a weekday of the month and no day of it: Java takes a day of that week, not 1 January 1970's
        # (`yyyy-MM-W` reads `2024-03-2` as Sunday 3 March, `yyyy-MM-EEE` reads `2024-07-Sat` as 6 July)
        effect = ("Java dates each record the first day (Sunday) of its week of the month, up to six days before it "
                  "changed, so a change made since the last poll looks older than it and is ignored" if "W" in letters
                  else "Java dates each record by a day of the week alone (`F`: the nth Sunday; `E`, `u`: the month's first "
                  "such day), days or weeks from the day it changed")
        return Problem(DATE_PATTERN_NOT_AN_INSTANT.code, f"the pattern has no day of the month: {effect}", *whole,
                       help="the full pattern of the vendor's dates, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")
    if missing:
        what = " and ".join(missing) if len(missing) < 3 else "date"
        effect = ("the vendor gets a filter without a " + what if printing else
                  f"record dates are read with the {what} of 1 January 1970, so every record looks older "
                  "than the last poll and is ignored")
        why = ("" if "year" not in missing or "u" not in letters else
               " (`u` is the day of the week in SimpleDateFormat: java.time's year `uuuu` is `yyyy` here)")
        return Problem(DATE_PATTERN_NOT_AN_INSTANT.code, f"the pattern has no {what}{why}: {effect}", *whole,
                       help="`yyyy` for the year" if why else
                       "the full pattern of the vendor's dates, e.g. `yyyy-MM-dd'T'HH:mm:ssXXX`")
    if not printing and not letters & {"H", "h", "k", "K"}:
        return Problem(DATE_PATTERN_NOT_AN_INSTANT.code,
                       "the pattern has a date but no time: records are dated midnight, so a record changed later "
                       "on the day of a poll looks older than that poll and is ignored (assuming the platform "
                       "compares the updated date with the last poll time, as documented); if the field "
                       "carries a time, read it", *whole,
                       help="add the time of the vendor's dates (`yyyy-MM-dd'T'HH:mm:ssXXX`) if it has one",
                       severity="info")
    return None


@once_per_arguments
def format_problems(fmt: str, *, zone_id: str | None = None, updated: bool = True) -> list[Problem]:
    """Every CE4xx problem of one record date format parsed in ``zone_id``.

    ``updated``: the format is ``updatedDateFormat`` (the date compared with the last poll time),
    else ``createdDateFormat``, whose lack of a time only affects created/updated labels.
    """

    problems = compile_problems(fmt)
    if problems or fmt in SPECIAL_FORMATS:
        return problems
    zone = _Zone(f"`{zone_id}`", zone_id) if zone_id is not None else None
    pattern = compile_pattern(fmt)
    problems = pattern_problems(pattern, zone=zone, printing=False)
    instant = _instant_problem(pattern, printing=False)
    if instant is not None and instant.severity == "info" and not updated:
        instant = None
    return problems + ([instant] if instant is not None else [])


def macro_zone_of(macro: Any, server_zone: str) -> _Zone:
    """The zone a date macro prints in: GMT for gmtDate, its own for dateTimeZone, else the server zone."""
    return _macro_zone(macro.kind, macro.zone, server_zone)


@lru_cache(maxsize=1024)
def _macro_zone(kind: str, zone: str | None, server_zone: str) -> _Zone:
    if kind == "gmtDate":
        return _Zone("GMT", "GMT")
    if zone is not None:
        zone_id = zone.strip()
        if re.fullmatch(r"[+-]\d{1,2}(?::?\d{2})?", zone_id):
            zone_id = "GMT" + zone_id
        return _Zone(f"`{zone}`", zone_id)
    return _Zone(f"the server zone `{server_zone}`", server_zone)


@lru_cache(maxsize=2048)
def _same_output(first: str, second: str, zone_id: str) -> bool:
    """Whether two patterns print the same text at a few sample instants in ``zone_id``, or in UTC the same text
    but for how they write UTC at its end (`Z`, `+0000`, `+00:00`: Salesforce's `'Z'` sent, `Z` read)."""
    if first == second:
        return True
    try:
        printed = [(format_date(first, ms, zone_id), format_date(second, ms, zone_id)) for ms in _SAMPLES_MS]
    except Exception:  # noqa: BLE001 - a pattern the formatter cannot print is simply "different"
        return False
    if all(one == other for one, other in printed):
        return True
    return all(_UTC_DESIGNATOR.sub("", one) == _UTC_DESIGNATOR.sub("", other) and _UTC_DESIGNATOR.search(one)
               and _UTC_DESIGNATOR.search(other) for one, other in printed)


# UTC written at the end of a printed date, as `'Z'`, `X`, `Z` and `XXX` print it there
_UTC_DESIGNATOR = re.compile(r"(?:Z|[+-]00(?::?00)?)\Z")


@lru_cache(maxsize=1024)
def filled_later(fmt: str) -> bool:
    """Whether a format is a placeholder (CE701's) or the deployment's reference (`${DATE_FORMAT}`, `$(DateFormat)`,
    Helm's `{{ .Values.x }}`): filled in before the body is sent, no pattern to read.  A poller macro (`${epoch}`,
    `${gmtDate:...}`) has a reference's shape, and is CE401's."""
    if find_placeholders(fmt, date_format=True):
        return True
    return (is_env_reference(fmt) or contains_env_reference(fmt)) and MACRO_START.search(fmt) is None


def _named(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _filters_by_update(entry: dict[str, Any]) -> bool:
    flag = entry.get("filterByUpdatedDate", True)
    return not (flag is False or (isinstance(flag, str) and flag.strip().lower() == "false"))


def _entry_findings(ctx: Any, entry: Any) -> Iterator[Finding]:
    value = entry.value
    config = value.get("datesConfiguration")
    config = config if isinstance(config, dict) else None
    swapped = config is not None and _swapped_fields(config.get("updatedDateField"), config.get("createdDateField"))
    # (updated and created fields swapped: CE423, which CE424 then leaves alone)
    if config is not None:
        formats: dict[str, str] = {}
        for format_key, zone_key, field_key in FORMAT_KEYS:
            fmt = config.get(format_key)
            if not isinstance(fmt, str) or filled_later(fmt):
                continue
            if not fmt.strip() and not _named(config.get(field_key)):
                continue  # a blank field and format (element definitions ship them): no date is read at all
            formats[format_key] = fmt
            zone = config.get(zone_key)
            zone_id = zone if isinstance(zone, str) and not find_placeholders(zone) else None
            for problem in format_problems(fmt, zone_id=zone_id, updated=format_key == "updatedDateFormat"):
                yield ctx.problem(problem, source=entry.source, pointer=entry.child("datesConfiguration", format_key),
                                  value=fmt)
        updated, created = formats.get("updatedDateFormat"), formats.get("createdDateFormat")
        field_u, field_c = config.get("updatedDateField"), config.get("createdDateField")
        if swapped and isinstance(field_u, str) and isinstance(field_c, str):
            yield ctx.finding(DATE_FIELDS_SWAPPED, f"`updatedDateField` names {_show(field_u)}, a creation date, and "
                              f"`createdDateField` {_show(field_c)}, an update: the fields are swapped, so changes to "
                              "older records are dropped as not after the last poll",
                              source=entry.source, pointer=entry.child("datesConfiguration", "updatedDateField"),
                              help=f"swap them: \"updatedDateField\": {json.dumps(field_c)}, "
                                   f"\"createdDateField\": {json.dumps(field_u)}")
        if (updated and created and updated != created and isinstance(field_u, str) and field_u.strip()
                and field_u == field_c and not compile_problems(updated) and not compile_problems(created)):
            yield ctx.finding(DATE_FORMATS_DIFFER, f"createdDateFormat {_show(created)} differs from updatedDateFormat "
                                       f"{_show(updated)}, but both read the field {_show(field_u)}: one of them "
                                       "misreads it",
                              source=entry.source, pointer=entry.child("datesConfiguration", "createdDateFormat"),
                              help=f"use {_show(updated)} for both, or the format the field really has")

    url = value.get("url")
    if not isinstance(url, str) or "${" not in url:
        return
    template = parse_url_template(url, server_zone=ctx.options.server_zone)
    macros = template.macros
    if any(macro.kind == "epoch" for macro in macros):
        if config is not None:
            yield from _epoch_unit_findings(ctx, entry, template, config)
        yield from _epoch_name_findings(ctx, entry, template, config)
    elif config is not None and any(macro.kind == "milliseconds" for macro in macros):
        yield from _epoch_unit_findings(ctx, entry, template, config)
    yield from _macro_instant_findings(ctx, entry, macros)
    yield from _backwards_filter_findings(ctx, entry, template, config)
    if config is not None and not swapped:
        yield from _created_only_findings(ctx, entry, template, config)
    poll_macros = [m for m in macros if not m.uses_now]
    if poll_macros and "datesConfiguration" not in value and _filters_by_update(value) \
            and not _undated_by_default(ctx, entry.name, url):
        first = poll_macros[0]
        yield ctx.finding(DATE_MACRO_WITHOUT_DATES_CONFIGURATION, "the URL filters by the last poll time, but the entry has no datesConfiguration: "
                                   "record dates are not compared with it, nor created told from updated",
                          source=entry.source, pointer=entry.child("url"), sub=(first.start, first.end),
                          help="add datesConfiguration with the record's updated/created fields and formats")
    updated_format = config.get("updatedDateFormat") if config else None
    if isinstance(updated_format, str) and filled_later(updated_format):
        updated_format = None
    for problem in macro_pattern_problems(template, server_zone=ctx.options.server_zone, dates=config):
        yield ctx.problem(problem, source=entry.source, pointer=entry.child("url"))
    for macro in macros:
        if macro.pattern is None or macro.format is None or macro.format_start is None:
            continue
        zone = macro_zone_of(macro, ctx.options.server_zone)
        yield from _zone_after_macro(ctx, entry, url, macro, zone)
        if (not macro.uses_now and isinstance(updated_format, str) and updated_format
                and updated_format not in SPECIAL_FORMATS and not compile_problems(updated_format)
                and not _same_output(macro.format, updated_format, zone.id)
                and (macro.format, updated_format) not in _default_pairs(ctx)):
            field = condition_field(template, macro)
            other_order = (config is not None and field is not None and dated_side(config, field) == "updated"
                           and _day_month_order(macro.format) * _day_month_order(updated_format) < 0)
            yield ctx.finding(DATE_MACRO_FORMAT_DIFFERS, f"the URL sends the last poll time as {_show(macro.format)}, but records' "
                                       f"updated dates are read as {_show(updated_format)}: " + (
                                  "the day and the month are in the other order, so one of the two is wrong (5 March "
                                  "read the other way is 3 May)" if other_order else
                                  "check the vendor expects this format in the query"),
                              source=entry.source, pointer=entry.child("url"),
                              sub=(macro.format_start, macro.format_start + len(macro.format)),
                              severity="warning" if other_order else None,
                              help="put the day and the month in the order the vendor writes them, in both"
                              if other_order else f"if the vendor's query takes the records' format, write "
                              f"{_show(updated_format)} in the macro; if it takes this one, leave it")


def macro_pattern_problems(template: UrlTemplate, *, server_zone: str, dates: Mapping[str, Any] | None) -> list[Problem]:
    """CE405-CE411 (and CE420) of each date macro's pattern in ``template`` (a parsed poller URL), at their offsets in
    the URL, as `check` reports them for the entry whose ``datesConfiguration`` is ``dates``: what `render` lists
    beside the URL's own problems (a `hh` with no `a` prints 13:30 as 01:30)."""
    problems: list[Problem] = []
    for macro in template.macros:
        if macro.pattern is None or macro.format is None or macro.format_start is None:
            continue
        for problem in pattern_problems(macro.pattern, zone=macro_zone_of(macro, server_zone), printing=True):
            if problem.rule == DATE_PATTERN_TWO_DIGIT_YEAR.code and dates and reads_two_digit_years(
                    dates.get(key) for key in ("updatedDateFormat", "createdDateFormat")):
                continue  # the vendor writes its own dates so (Oracle's `dd-MMM-yy`): it reads them so too
            problems.append(_shift(problem, macro.format_start))
    return problems


# A zone written right after a macro, up to the value's closing quote (`'${gmtDate:...XXX}+00:00'`)
_ZONE_BEFORE_QUOTE = LazyPattern(r"(?:Z|UTC|GMT|" + _OFFSET_WRITTEN + r")(?=['\"&]|%27|%22|$)")  # (or the URL's end)


def _zone_after_macro(ctx: Any, entry: Any, url: str, macro: Any, zone: _Zone) -> Iterator[Finding]:
    """CE429 for a zone written after a macro whose format ends with one (`'${gmtDate:...'Z'}Z'`,
    `'${gmtDate:...XXX}+00:00'`): the vendor is sent the zone twice; after one whose format writes none, CE410 and
    CE411 as for the same text quoted inside the format (`'${dateTimeZone:Europe/Paris:...ss}Z'`: Paris time
    labelled as UTC)."""
    if url[macro.end:macro.end + 1] not in ("Z", "U", "G", "+", "-"):  # (most macros: the closing quote; no pattern)
        return
    written = _ZONE_BEFORE_QUOTE.match(url, macro.end)
    if written is None or not macro.pattern.tokens:
        return
    start, end = written.span()
    last = macro.pattern.tokens[-1]
    if not (last.is_field and last.letter in "XZz" or not last.is_field and last.quoted and _is_zone_text(last.text)):
        inside = compile_pattern(f"{macro.format}'{written.group()}'")  # (the same text, as the format would quote it)
        for problem in pattern_problems(inside, zone=zone, printing=True):
            if problem.rule in (DATE_PATTERN_LITERAL_Z.code, DATE_PATTERN_FIXED_OFFSET.code) \
                    and problem.start >= len(macro.format):
                rule = DATE_PATTERN_LITERAL_Z if problem.rule == DATE_PATTERN_LITERAL_Z.code else DATE_PATTERN_FIXED_OFFSET
                yield ctx.finding(rule, f"`{written.group()}` written after the macro: "
                                  + problem.message.replace(f"`'{written.group()}'` is a literal: ", ""),
                                  source=entry.source, pointer=entry.child("url"), sub=(start, end), help=problem.help)
        return
    own = last.text if not last.is_field else {"X": "Z", "Z": "+0000", "z": "GMT"}[last.letter]
    yield ctx.finding(DATE_PATTERN_ZONE_TWICE, f"the macro's format ends with the zone (`{own}` at UTC), and "
                      f"`{written.group()}` after it writes it once more: the vendor is sent `...{own}{written.group()}`",
                      source=entry.source, pointer=entry.child("url"), sub=(start, end),
                      help=f"remove `{written.group()}` (the format writes the zone)",
                      fix=Fix(f"remove `{written.group()}`", (Edit(start, end, ""),), "safe"))


def _documented_element(ctx: Any) -> str | None:
    """The element whose default poller is ground truth: the body's (or ``--element``), with ``--element-docs``."""
    return ctx.element if ctx.options.element_docs else None


def _default_pairs(ctx: Any) -> frozenset[tuple[str, str]]:
    """(URL macro format, updatedDateFormat) of each entry of the element's own default poller, with
    ``--element-docs``: ground truth, so CE413 does not question a pairing the element itself ships."""
    key = _documented_element(ctx)
    return _pairs_of_default(tuple(ctx.options.element_docs), key) if key else frozenset()


def _undated_by_default(ctx: Any, name: str, url: str) -> bool:
    """Whether the element's own default poller leaves the entry ``name`` (``url``) undated (see below)."""
    undated, every = _default_undated(ctx)
    return every or name in undated or url.partition("?")[0] in undated


def _default_undated(ctx: Any) -> tuple[frozenset[str], bool]:
    """The names and URL paths of the element's own default poller entries that have no datesConfiguration (event
    feeds such as Adobe Sign's `agreementAssetEvents`), with ``--element-docs``: CE412 does not question an entry of
    that resource, whatever its query (the docs' own examples drop a condition or add one), nor any entry of an
    element whose default entries are all so (Lithium's feeds)."""
    key = _documented_element(ctx)
    if not key:
        return frozenset(), False
    poller = _default_poller(tuple(ctx.options.element_docs), key)
    undated = [(name, entry["url"]) for name, entry in poller.items() if isinstance(entry, dict)
               and isinstance(entry.get("url"), str) and "datesConfiguration" not in entry]
    every = len(undated) >= 2 and len(undated) == len(poller)  # (an element of event feeds: one entry says less)
    return frozenset(name for name, _ in undated) | frozenset(url.partition("?")[0] for _, url in undated), every


def _default_poller(directories: tuple[str, ...], key: str) -> dict[str, Any]:
    from ..elements import default_poller

    return default_poller(directories, key)


@lru_cache(maxsize=16)
def _pairs_of_default(directories: tuple[str, ...], key: str) -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for entry in _default_poller(directories, key).values():
        dates = entry.get("datesConfiguration") if isinstance(entry, dict) else None
        if not isinstance(dates, dict) or not isinstance(entry.get("url"), str):
            continue
        updated = dates.get("updatedDateFormat")
        if isinstance(updated, str):
            pairs.update((macro.format, updated) for macro in parse_url_template(entry["url"]).macros
                         if macro.format is not None)
    return frozenset(pairs)


def field_name(path: str) -> str:
    """A field path as the vendor names it: ``['Modified Time']`` is ``Modified Time``."""
    text = path.strip()
    if text[:1] != "[":
        return text
    match = re.fullmatch(r"\[\s*(['\"])(.*)\1\s*\]", text)
    return match.group(2) if match else text


def _holding(template: Any, macro: Any) -> tuple[Any, Any] | None:
    """``(condition, value)``: the ``where`` condition that compares with ``macro``, and its value holding it."""
    for condition in template.where.conditions if template.where is not None else ():
        for value in condition.values:
            if value.start <= macro.start and macro.end <= value.end:
                return condition, value
    return None


def condition_field(template: Any, macro: Any) -> str | None:
    """The field a ``where`` condition compares with ``macro`` (``updated_at > '${...}'``), or None."""
    held = _holding(template, macro)
    return field_name(held[0].field.value) if held is not None else None


def dated_side(config: dict[str, Any], field: str) -> str | None:
    """``updated`` or ``created``: which date of ``datesConfiguration`` reads ``field`` (updated first).

    A record path names the field by its last step too: HubSpot filters on ``lastmodifieddate`` and reads
    ``properties.lastmodifieddate``."""
    for exact in (True, False):
        for side in ("updated", "created"):
            named = config.get(f"{side}DateField")
            if isinstance(named, str) and (field_name(named) if exact else named.rsplit(".", 1)[-1]) == field:
                return side
    return None


# A pattern's RFC 822 offset letters outside its quotes: `Z` prints `+0000`, whose `+` a query reads as a space
# (CE616); in a `${gmtDate:...}` `XXX` prints `Z`, the same instant
_OFFSET_LETTERS = LazyPattern(r"'[^']*'|Z+")


def _as_iso_offset(match: re.Match[str]) -> str:
    return match.group() if match.group()[0] == "'" else "XXX"


_EPOCH_DIGITS = {"s": "seconds (10 digits)", "us": "microseconds (16 digits)"}
_EPOCH_UNITS = {"s": "seconds", "ms": "milliseconds", "us": "microseconds"}


def _epoch_unit_findings(ctx: Any, entry: Any, template: Any, config: dict[str, Any]) -> Iterator[Finding]:
    for macro in template.macros:
        if macro.kind not in ("epoch", "milliseconds"):  # (`${milliseconds}`: the epoch in milliseconds too)
            continue
        field = condition_field(template, macro)
        side = dated_side(config, field) if field else None
        fmt = config.get(f"{side}DateFormat") if side else None
        if isinstance(fmt, str) and fmt.strip() and fmt not in SPECIAL_FORMATS and not compile_problems(fmt) \
                and not find_placeholders(fmt, date_format=True) and compile_pattern(fmt).facts.has_date:
            meant = f"${{gmtDate:{_OFFSET_LETTERS.sub(_as_iso_offset, fmt)}}}"
            held = _holding(template, macro)
            if held is not None and (held[1].start, held[1].end) == (macro.start, macro.end):
                meant = f"'{meant}'"  # a number needs no quotes, a date does (CE624)
            other = "created" if side == "updated" else "updated"
            if config.get(f"{other}DateField") == config.get(f"{side}DateField") \
                    and config.get(f"{other}DateFormat") == "milliseconds":  # (the same field read as a number too:
                # the text format is the slip, not the macro: helper-131's LinkedIn `timestamp`)
                help, fix = f"`\"{side}DateFormat\": \"milliseconds\"`, as `{other}DateFormat` reads `{field}`", None
            else:
                help = f"`{meant}`, the records' own format"
                fix = Fix(f"write `{meant}`", (Edit(macro.start, macro.end, meant),), "unsafe")
            yield ctx.finding(DATE_MACRO_EPOCH_TEXT_FIELD,
                              f"the URL compares `{field}` with `{macro.text}`, a number of "
                              f"{_EPOCH_UNITS.get(macro.unit or 'ms', 'milliseconds')}, but `{side}DateFormat` reads "
                              f"`{field}` as text ({_show(fmt)}): the vendor is asked to compare a date string with "
                              "a number", source=entry.source, pointer=entry.child("url"),
                              sub=(macro.start, macro.end), help=help, fix=fix)
            continue
        sent = _sent_unit(template, macro)
        read = config.get(f"{side}DateFormat") if side is not None else None
        if read == "timestamp" and sent in _EPOCH_UNITS:  # (undocumented: read in the `timestamp_unit` option's unit)
            held = ctx.options.timestamp_unit
            if sent == held:
                continue
            effect = ("every record matches on every poll" if _UNITS_UP.index(sent) < _UNITS_UP.index(held)
                      else "no record ever matches")
            yield ctx.finding(DATE_MACRO_EPOCH_UNIT,
                              f"the URL compares `{field}` with `{template.text[macro.start:macro.end]}`, epoch "
                              f"{_EPOCH_UNITS[sent]}, but `{side}DateFormat` reads `{field}` as `timestamp`, epoch "
                              f"{_EPOCH_UNITS[held]} (assumed: the `timestamp-unit` option): off by a factor of "
                              f"{1000 ** abs(_UNITS_UP.index(sent) - _UNITS_UP.index(held))}, {effect}",
                              source=entry.source, pointer=entry.child("url"), sub=(macro.start, macro.end),
                              help=f"`${{epoch:{held}}}` for a field in epoch {_EPOCH_UNITS[held]}, or set "
                                   "`timestamp-unit` to the unit the field holds")
            continue
        if sent not in _EPOCH_DIGITS:
            continue
        if read != "milliseconds":
            continue
        effect = "every record matches on every poll" if sent == "s" else "no record ever matches"
        # (`'${epoch}000'`: the zeros written after it make microseconds)
        zeros = len(template.text) - macro.end - len(template.text[macro.end:].lstrip("0")) \
            if sent != (macro.unit or "ms") else 0
        written = template.text[macro.start:macro.end + zeros]
        yield ctx.finding(DATE_MACRO_EPOCH_UNIT,
                          f"the URL compares `{field}` with `{written}`, epoch {_EPOCH_DIGITS[sent]}, but "
                          f"`{side}DateFormat` reads `{field}` as `milliseconds`: off by a factor of 1000, "
                          f"{effect}", source=entry.source, pointer=entry.child("url"),
                          sub=(macro.start, macro.end + zeros),
                          help="`${epoch}` alone for a field in milliseconds" if zeros
                          else "`${epoch}` for a field in milliseconds")


_THOUSAND_AFTER = LazyPattern(r"000(?![0-9])")
_UNITS_UP = ("s", "ms", "us")


def _units_up(unit: str, steps: int) -> str | None:
    """The epoch unit ``steps`` thousandfold finer than ``unit`` (microseconds at most), or None for no unit of ours."""
    return _UNITS_UP[min(_UNITS_UP.index(unit) + steps, len(_UNITS_UP) - 1)] if unit in _UNITS_UP else None


def thousand_after(url: str, macro: Any) -> bool:
    """Whether three zeros are written right after an epoch macro (`${epoch:s}000`), which then sends the next unit."""
    return _THOUSAND_AFTER.match(url, macro.end) is not None


def epoch_unit_sent(url: str, macro: Any) -> str:
    """The unit an epoch macro sends in ``url``: its own, or the next one up with three zeros written after it
    (`${epoch:s}000` sends milliseconds, `${epoch}000` microseconds)."""
    unit = macro.unit or "ms"
    return (_units_up(unit, 1) or unit) if thousand_after(url, macro) else unit


_VALUE_QUOTES = LazyPattern(r"^(?:['\"]|%2[27])?\s*+|\s*+(?:['\"]|%2[27])?$")


def _sent_unit(template: Any, macro: Any) -> str | None:
    """The unit the value holding an epoch macro sends: its own, or one up for each three zeros written after it
    (`'${epoch:s}000'` sends milliseconds, `'${epoch:s}000000'` microseconds); None for a value holding more than
    the macro and its zeros (`'${epoch}123'`); a fraction written after it (`${epoch:s}.000`) leaves its unit.  Quotes,
    encoded or not, and blanks around it aside."""
    held = _holding(template, macro)
    unit = macro.unit or "ms"
    if held is None:
        return epoch_unit_sent(template.text, macro)
    inside = _VALUE_QUOTES.sub("", template.text[held[1].start:held[1].end])
    written = template.text[macro.start:macro.end]
    zeros = inside[len(written):] if inside.startswith(written) else None
    if zeros is not None and zeros[:1] == "." and zeros[1:].isdigit():  # `${epoch:s}.000`: a fraction, the same unit
        return unit
    if zeros is None or zeros.strip("0") or len(zeros) % 3:
        return None
    return _units_up(unit, len(zeros) // 3)


def _epoch_name_findings(ctx: Any, entry: Any, template: Any, config: dict[str, Any] | None) -> Iterator[Finding]:
    """CE414 where the vendor's parameter names its unit (`startEpochMillis='${epoch:s}'`) and no
    ``datesConfiguration`` reads the field as ``milliseconds`` (that is the check above)."""
    for macro in template.macros:
        if macro.kind not in ("epoch", "milliseconds"):  # (`${milliseconds}`: the epoch in milliseconds too)
            continue
        field = condition_field(template, macro)
        if not field or (config is not None and dated_side(config, field) is not None
                         and config.get(f"{dated_side(config, field)}DateFormat") == "milliseconds"):
            continue
        if not _whole_value(template, macro):
            continue  # `'${epoch:s}000'`: seconds written out as milliseconds, on purpose
        field_unit = named_epoch_unit(field)
        unit = macro.unit or "ms"  # `${epoch}` prints milliseconds
        if field_unit == "ms" and unit in ("s", "us"):
            named, sent = "milliseconds", _EPOCH_DIGITS[unit]
            effect = "every record matches on every poll" if unit == "s" else "no record ever matches"
            fix = "`${epoch:ms}`"
        elif field_unit == "s" and unit in ("ms", "us"):
            named, sent = "seconds", "milliseconds" if unit == "ms" else _EPOCH_DIGITS[unit]
            effect = "the filter names a time thousands of years ahead, and no record ever matches"
            fix = "`${epoch:s}`"
        else:
            continue
        yield ctx.finding(DATE_MACRO_EPOCH_UNIT,
                          f"`{field}` takes epoch {named}, by its name, but `{macro.text}` sends epoch {sent}: off by "
                          f"a factor of 1000 or more, {effect}", source=entry.source, pointer=entry.child("url"),
                          sub=(macro.start, macro.end), help=fix)


def _whole_value(template: Any, macro: Any) -> bool:
    """Whether ``macro`` is the whole value its ``where`` condition compares with (quotes aside)."""
    held = _holding(template, macro)
    if held is None:
        return False
    value = held[1]
    quotes = 2 if value.kind == "string" else 0
    return bool(value.end - value.start - quotes == macro.end - macro.start)


@lru_cache(maxsize=1024)
def _missing_together(patterns: tuple[Any, ...]) -> tuple[str, ...]:
    """:func:`missing_parts` of the fields of ``patterns`` taken together (none without a field)."""
    letters: set[str] = set()
    for pattern in patterns:
        facts = pattern.facts
        letters |= {t.letter for t in facts.fields}
        if facts.minute_as_month is not None:
            letters.add("M")
    return tuple(missing_parts(letters)) if letters else ()


def _macro_instant_findings(ctx: Any, entry: Any, macros: list[Any]) -> Iterator[Finding]:
    """CE417 for the poll-time macros of one URL, taken together."""
    polled = [m for m in macros if not m.uses_now]
    dated = [m for m in polled if m.pattern is not None and m.format is not None and m.format_start is not None]
    if not dated or len(dated) < len(polled):
        return  # an epoch macro (or legacy ${date}) names the instant; a broken macro is CE6xx's
    missing = _missing_together(tuple(macro.pattern for macro in dated))
    if not missing:
        return
    if "year" not in missing and any(token.is_field and token.letter == "w" for macro in dated
                                     for token in macro.pattern.tokens):
        return  # a week of the year (`YYYY-'W'ww`): a vendor's week filter, chosen so
    first = dated[0]
    what = " and ".join(missing) if len(missing) < 3 else "date"
    year_as_day = "year" in missing and any(token.is_field and token.letter == "u"
                                            for macro in dated for token in macro.pattern.tokens)
    yield ctx.finding(DATE_PATTERN_NOT_AN_INSTANT,
                      f"the URL sends the last poll time without a {what}"
                      + (" (`u` is the day of the week in SimpleDateFormat: java.time's year `uuuu` is `yyyy` here)"
                         if year_as_day else "")
                      + f": the vendor cannot tell which {'day' if 'day' in missing or len(missing) == 3 else what} "
                      "is meant", source=entry.source, pointer=entry.child("url"),
                      sub=(first.format_start, first.format_start + len(first.format)),
                      help="`yyyy` for the year" if year_as_day else
                      "print the full date, e.g. `${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}`")


# A field named as a record's update stamp, when no datesConfiguration says which field that is; and one named
# as its creation stamp.
_UPDATE_STAMP = LazyPattern(r"(?i).*(?:updated|modified|changed)")
_SAYS_UPDATED = ("updat", "modif")  # inside a run of letters too (`lastmodifieddate`)
_UPDATE_WORDS = frozenset({"changed", "change", "edited", "edit"})  # only as words (`exchangeDate` is not)


def _says_created(name: str) -> bool:
    return "creat" in name.lower()


def _says_updated(name: str) -> bool:
    lowered = name.lower()
    return any(part in lowered for part in _SAYS_UPDATED) or any(
        word.lower() in _UPDATE_WORDS for word in NAME_WORDS.findall(name))


def _swapped_fields(updated: Any, created: Any) -> bool:
    """Whether `updatedDateField` names a creation date and `createdDateField` an update (by their last steps)."""
    if not isinstance(updated, str) or not isinstance(created, str) or not _says_created(updated):
        return False  # (the quick test first: it runs for every entry)
    last_u, last_c = field_name(updated).rsplit(".", 1)[-1], field_name(created).rsplit(".", 1)[-1]
    return (_says_created(last_u) and not _says_updated(last_u)
            and _says_updated(last_c) and not _says_created(last_c))


def _created_only_findings(ctx: Any, entry: Any, template: Any, config: dict[str, Any]) -> Iterator[Finding]:
    """CE424: every last-poll filter of the URL is on the created date, and another updated date is read."""
    updated, created = config.get("updatedDateField"), config.get("createdDateField")
    if not isinstance(updated, str) or not updated.strip() or not isinstance(created, str) or updated == created:
        return
    where = template.where
    if where is None or field_name(created).rsplit(".", 1)[-1] not in where.text:
        return  # the created date is not in the filter at all (the quick test: it runs for every entry)
    held = [(macro, _holding(template, macro)) for macro in template.macros if not macro.uses_now]
    bounds = [(macro, field_name(pair[0].field.value)) for macro, pair in held
              if pair is not None and pair[0].operator in (">", ">=")]  # a lower bound: what the poll fetches
    if not bounds or {dated_side(config, field) for _, field in bounds} != {"created"}:
        return
    macro, field = bounds[0]
    yield ctx.finding(DATE_FILTER_CREATED_ONLY, f"the URL fetches the records whose `{field}` (the created date) is "
                      "after the last poll: a change to an older record is never fetched, so no update event is "
                      f"sent, although `updatedDateField` reads {_show(updated)}",
                      source=entry.source, pointer=entry.child("url"), sub=(macro.start, macro.end),
                      help=f"filter on {_show(field_name(updated).rsplit('.', 1)[-1])} instead, which new records "
                           "also match")


def _backwards_filter_findings(ctx: Any, entry: Any, template: Any, config: dict[str, Any] | None) -> Iterator[Finding]:
    """CE419: a condition on a record's date that no record changed since the last poll can meet."""
    where = template.where
    if where is None:
        return
    by_start = {macro.start: macro for macro in template.macros}
    pairs = [(written, asked) for written in map(_field_first, where.conditions)
             if (asked := _as_asked(written)) is not None]  # (each as written, and as the filter asks it)
    for written, condition in pairs:
        if len(condition.values) == 1 and condition.operator == "=":
            yield from _swapped_bound(ctx, entry, condition, by_start)
            continue
        if len(condition.values) != 1 or condition.operator not in ("<", "<=", ">", ">=", "!=", "<>"):
            continue
        value = condition.values[0]
        macro = by_start.get(value.start + (1 if value.kind == "string" else 0))
        if macro is None or value.kind not in ("string", "macro") or macro.kind not in _POLL_OR_RUN_KINDS:
            continue
        if condition.operator in ("!=", "<>"):  # `updated_at != last poll`: every record but one instant's (unless
            # another condition bounds the filter by the last poll: `updated_at > '...' and created_at != '...'`)
            field = field_name(condition.field.value)
            bounded = any(other is not condition and other.operator in (">", ">=") and len(other.values) == 1
                          and (found := by_start.get(other.values[0].start + (other.values[0].kind == "string")))
                          is not None and not found.uses_now for _, other in pairs)
            if not macro.uses_now and not bounded and ((config is not None and dated_side(config, field) is not None)
                                                       or _UPDATE_STAMP.match(field)):
                yield ctx.finding(DATE_FILTER_BACKWARDS, f"`{_said(written, field)}` the last poll time matches "
                                  "every record not changed at that very instant: each poll fetches them all again",
                                  source=entry.source, pointer=entry.child("url"), sub=(condition.start, condition.end),
                                  help=f"`{field} >` the last poll time")
            continue
        before = condition.operator.startswith("<")
        if before == macro.uses_now:
            continue  # `> last poll`, `< now`: the right way round (most filters: decided before any field lookup)
        field = field_name(condition.field.value)
        dated = dated_side(config, field) if config is not None else None
        if dated is None and _UPDATE_STAMP.match(field):  # (also when datesConfiguration reads another field:
            dated = "updated"  # Sage One's own poller filters on `lastModifiedDate` and reads `updated_at`)
        if dated is None or (before and dated != "updated"):
            continue  # another date (`dueDate < ...`), or `created_at <` the last poll (changes to older records)
        if macro.uses_now and not before:
            message = (f"`{_said(written, field)}` the time the poller runs: no record was changed after that, so "
                       "the filter matches nothing")
            fix = f"compare with the last poll time, `{field} > '${{gmtDate:...}}'`"
        elif not macro.uses_now and before:
            message = (f"`{_said(written, field)}` the last poll time asks for records changed before the last "
                       "poll, never for those changed since")
            fix = f"`{field} >` the last poll time (`<` only with `${{now:...}}`, as an upper bound)"
        else:
            continue
        if written.negated:
            fix = f"remove the `not`, which turns the comparison round: {fix}"
        yield ctx.finding(DATE_FILTER_BACKWARDS, message, source=entry.source, pointer=entry.child("url"),
                          sub=(condition.start, condition.end), help=fix)


_POLL_OR_RUN_KINDS = frozenset({"gmtDate", "date", "dateTimeZone", "epoch", "milliseconds", "now", "nowTimeZone"})
_MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "!=": "!=", "<>": "<>"}
# what a comparison under `not` asks for: `not a < x` is `a >= x`
_OPPOSITE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "!=", "!=": "=", "<>": "="}


def _as_asked(condition: Condition) -> Condition | None:
    """The comparison a condition under `not` asks for (`not a < x`: `a >= x`); None for a negated one with no
    opposite comparison (`not a like x`)."""
    if not condition.negated:
        return condition
    if condition.operator not in _OPPOSITE:
        return None
    return Condition(condition.field, _OPPOSITE[condition.operator], condition.values, condition.start, condition.end)


def _said(condition: Condition, field: str) -> str:
    """The comparison as the filter writes it (`updated_at <`, `not updated_at >`), the macro on the right."""
    return f"{'not ' if condition.negated else ''}{field} {condition.operator}"


def _field_first(condition: Condition) -> Condition:
    """``'${...}' >= updated_at`` read as ``updated_at <= '${...}'``: a macro compared with a field written after it."""
    value = condition.values[0] if len(condition.values) == 1 else None
    if value is None or value.kind != "word" or condition.field.kind not in ("string", "macro") \
            or condition.operator not in _MIRRORED or "${" not in condition.field.text:
        return condition
    return Condition(value, _MIRRORED[condition.operator], (condition.field,), condition.start, condition.end,
                     condition.negated)

# The words of a vendor parameter that bounds a time window (`startDate`, `modified_since`; `endDate`, `until`): the
# hub passes `field='${...}'` to it, so `=` here means "from" or "up to".
_LOWER_BOUND = frozenset({"start", "from", "since", "after", "begin", "min"})
_UPPER_BOUND = frozenset({"end", "to", "until", "before", "max"})


def _bound(field: str) -> str | None:
    """``lower`` or ``upper`` when the field's name says which end of a window it sets, else None."""
    words = {word.lower() for word in NAME_WORDS.findall(field)}
    lower, upper = bool(words & _LOWER_BOUND), bool(words & _UPPER_BOUND)
    return "lower" if lower and not upper else "upper" if upper and not lower else None


def _swapped_bound(ctx: Any, entry: Any, condition: Any, by_start: dict[int, Any]) -> Iterator[Finding]:
    """CE419 for `startDate='${now}'` or `endDate='${gmtDate:...}'`: a window whose start is the run time, or whose
    end is the last poll, holds no change made since the last poll."""
    value = condition.values[0]
    macro = by_start.get(value.start + (1 if value.kind == "string" else 0))
    if macro is None or value.kind not in ("string", "macro") or macro.kind not in _POLL_OR_RUN_KINDS:
        return
    field = field_name(condition.field.value)
    bound = _bound(field)
    if bound == "lower" and macro.uses_now:
        message = (f"`{field}` starts the window at the time the poller runs: no record was changed after that, so "
                   "the filter matches nothing")
        fix = f"`{field}='${{gmtDate:...}}'` (the last poll time); `${{now:...}}` belongs to the window's end"
    elif bound == "upper" and not macro.uses_now:
        message = (f"`{field}` ends the window at the last poll time: changes made since are never asked for")
        fix = f"`{field}='${{now:...}}'` (the run time); the last poll time belongs to the window's start"
    else:
        return
    yield ctx.finding(DATE_FILTER_BACKWARDS, message, source=entry.source, pointer=entry.child("url"),
                      sub=(condition.start, condition.end), help=fix)


# A field read as another (the week-based year, the minutes for the month, one field twice, the day of the year)
_MISREAD_FIELDS = frozenset({DATE_PATTERN_WEEK_YEAR.code, DATE_PATTERN_MONTH_MINUTE_SWAPPED.code,
                             DATE_PATTERN_FIELD_REPEATED.code, DATE_PATTERN_DAY_OF_YEAR.code})


def is_date_mask_key(key: str) -> bool:
    """Whether a configuration key holds a date pattern (`bulk.query.date_mask`): its `XXXX` is no mask of a value."""
    return key.lower().endswith("date_mask")


def check(ctx: Any) -> Iterator[Finding]:
    """CE4xx over every poller entry: its datesConfiguration formats and its URL's date macros; and the date masks
    of the configuration (`bulk.query.date_mask`, a records' format as `*DateFormat` is)."""
    for entry in ctx.entries():
        if isinstance(entry.value, dict):
            yield from _entry_findings(ctx, entry)
    configuration, pointer = ctx.configuration, ctx.configuration_pointer
    for key, fmt in configuration.items() if isinstance(configuration, dict) and pointer is not None else ():
        if isinstance(key, str) and is_date_mask_key(key) and isinstance(fmt, str) and fmt.strip() \
                and not find_placeholders(fmt, date_format=True) and not contains_env_reference(fmt):
            # (a mask prints the bulk query's dates: a date alone may be meant, elements ship `.S'Z'`, and the
            # platform's answers a word, `key`: only a pattern Java refuses, or a field misread, is said)
            compiled = compile_problems(fmt)
            problems = [problem for problem in compiled if problem.rule == DATE_PATTERN_INVALID.code] \
                if compiled or fmt in SPECIAL_FORMATS else \
                [problem for problem in pattern_problems(compile_pattern(fmt), zone=None, printing=True)
                 if problem.rule in _MISREAD_FIELDS]
            for problem in problems:
                yield ctx.problem(problem, pointer=f"{pointer}/{escape_pointer_token(key)}", value=fmt)
