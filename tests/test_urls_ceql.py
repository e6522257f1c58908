"""The CEQL where grammar: structure, tolerance, and the mistakes it reports at their column."""

from __future__ import annotations

import pytest

from validator.rules.urls import url_problems
from validator.urls.ceql import parse_where


def where_problems(text: str, offset: int = 0):
    clause = parse_where(text, offset=offset)
    return sorted(url_problems(text, facts=clause.facts), key=lambda p: (p.start, p.rule))


def conditions(text: str) -> list[tuple[str, str, list[str]]]:
    clause = parse_where(text)
    assert clause.parsed, (text, where_problems(clause.text, clause.offset))
    return [(c.field.value, c.operator, [v.text for v in c.values]) for c in clause.conditions]


def problems(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(p.rule, p.start, p.end) for p in where_problems(text, offset=offset)]


@pytest.mark.parametrize("op", ["=", "!=", "<>", "<", "<=", ">", ">="])
def test_comparison_operators(op: str) -> None:
    assert conditions(f"updated{op}'${{gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}}'") == [
        ("updated", op, ["'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"])]


def test_keywords_are_case_insensitive() -> None:
    assert conditions("a = 1 AND b LIKE 'x%' Or NOT c In ('p', 'q') and d IS NOT NULL and e is null") == [
        ("a", "=", ["1"]), ("b", "like", ["'x%'"]), ("c", "in", ["'p'", "'q'"]), ("d", "is not null", []),
        ("e", "is null", [])]


def test_not_like_and_not_in() -> None:
    assert conditions("a not like 'x' and b not in (1, 2)") == [("a", "not like", ["'x'"]), ("b", "not in", ["1", "2"])]


def test_parentheses() -> None:
    assert conditions("(a='1' or b='2') and (c>3)") == [("a", "=", ["'1'"]), ("b", "=", ["'2'"]), ("c", ">", ["3"])]


def test_values() -> None:
    assert conditions("a=true and b=false and c=null and d=-1.5 and e=${epoch} and f='it''s'") == [
        ("a", "=", ["true"]), ("b", "=", ["false"]), ("c", "=", ["null"]), ("d", "=", ["-1.5"]),
        ("e", "=", ["${epoch}"]), ("f", "=", ["'it''s'"])]
    clause = parse_where("f='it''s'")
    assert clause.conditions[0].values[0].value == "it's"
    kinds = [c.values[0].kind for c in parse_where("a=true and b=null and d=2 and e=${epoch} and f='x'").conditions]
    assert kinds == ["boolean", "null", "number", "macro", "string"]


@pytest.mark.parametrize(
    "text, field",
    [
        ("'Modified Time'>'${dateTimeZone:GMT:yyyy-MM-dd HH:mm:ss}'", "Modified Time"),
        ("metaData.lastUpdatedTime>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'", "metaData.lastUpdatedTime"),
        ("Transaction_Log_Criteria.Transaction_Date_Range_Data.Updated_From='x'",
         "Transaction_Log_Criteria.Transaction_Date_Range_Data.Updated_From"),
        ("`Modified Time` > 5", "Modified Time"),
        ("properties['last modified']>5", "properties['last modified']"),
        ("<UpdateColumnName>>='${gmtDate:yyyy-MM-dd'T'HH:mm:ssXXX}'", "<UpdateColumnName>"),
        (" transaction_date_time_updated>='${date:yyyy-MM-dd'T'HH:mm:ss}'", "transaction_date_time_updated"),
    ],
)
def test_field_names(text: str, field: str) -> None:
    clause = parse_where(text)
    assert clause.parsed and where_problems(clause.text, clause.offset) == []
    assert clause.conditions[0].field.value == field


def test_tolerant_of_vendor_syntax() -> None:
    for text in ["updatedColumnName >= `to_timestamp('${gmtDate:yyyy-MM-dd HH:mm:ss}','YYYY-MM-DD HH24:MI:SS\"Z\"')`",
                 "mdate>=2017-02-28T16:11:29-06:00", "q='<PUT USERNAME HERE>'", "lastModifiedDate>${epoch}",
                 "StartDate>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' "]:
        assert where_problems(text) == [], text


def test_offsets_are_url_offsets() -> None:
    url = "/hubs/crm/a?where=x='1' and b>'2'"
    offset = url.index("where=") + 6
    clause = parse_where(url[offset:], offset=offset)
    first, second = clause.conditions
    assert url[first.start:first.end] == "x='1'"
    assert url[second.field.start:second.field.end] == "b"
    assert url[second.values[0].start:second.values[0].end] == "'2'"


def test_macro_quotes_do_not_count() -> None:
    assert problems("a>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and b='${gmtDate:''}'") == []


def test_unbalanced_quote_at_the_opening_quote() -> None:
    text = "lastModifiedDate>='${date:yyyy-MM-dd'T'HH:mm:ss'Z'}' and attributes='created_at,updated_at"
    assert problems(text, offset=100) == [("CE620", 100 + text.index("'created"), 101 + text.index("'created"))]


def test_doubled_closing_quote() -> None:
    text = "lastActivityDate>='${date:yyyy-MM-dd'T'HH:mm:ssZ}''"
    assert problems(text) == [("CE620", len(text) - 1, len(text))]
    (found,) = where_problems(text)  # (in the corpus: its fix was to close the quote it doubles with a third)
    assert found.fix is not None and found.fix.applicability == "safe"
    assert [(e.start, e.end, e.replacement) for e in found.fix.edits] == [(len(text) - 1, len(text), "")]


def test_a_quote_alone_at_the_end_is_not_closed_by_another() -> None:
    """helper-88: CE620's safe fix wrote a second `'` after a last quote whose opening one was missing (`''`, and the
    filter passed); a quote right after a macro with none before it is told, and fixed, as the one before it."""
    text = "date_updated>${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'"
    (found,) = [p for p in where_problems(text) if p.rule == "CE620"]
    assert found.start == len(text) - 1 and "before the macro is missing" in found.message
    assert found.fix is not None and found.fix.applicability == "safe"
    (edit,) = found.fix.edits
    assert text[:edit.start] + edit.replacement + text[edit.end:] == "date_updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'"
    for unknown in ("status='active and updated>'${gmtDate:yyyy-MM-dd}'", "a='${gmtDate:yyyy}'' and b='c'"):
        (found,) = [p for p in where_problems(unknown) if p.rule == "CE620"]
        assert found.fix is None and found.start == len(unknown) - 1, unknown
    # a typographic quote before the macro is CE610's, whose fix makes the pair
    assert [p.rule for p in where_problems("d>\u2019${gmtDate:yyyy-MM-dd}'") if p.rule == "CE620"] == []


def test_unbalanced_backtick() -> None:
    assert [p[0] for p in problems("a > `x")] == ["CE620"]


@pytest.mark.parametrize(
    "text, token",
    [("updated >", ">"), ("> 5", ">"), ("a = 1 and", "and"), ("or a = 1", "or"), ("a = 1 and and b = 2", "and"),
     ("a like", "like"), ("a in 5", "in"), ("a is 5", "is"), ("a = 1 and not", "not"), ("a = and b = 2", "=")],
)
def test_dangling_operators(text: str, token: str) -> None:
    found = where_problems(text)
    assert [p.rule for p in found] == ["CE621"]
    assert text[found[0].start:found[0].end] == token


def test_unbalanced_parentheses() -> None:
    assert problems("(a=1") == [("CE623", 0, 1)]
    assert problems("a=1)") == [("CE623", 3, 4)]
    assert problems("((a=1)") == [("CE623", 0, 1)]
    # helper-150: CE623 said what was wrong and never how to mend it
    assert [p.help for p in where_problems("(a=1")] == ["write `)` after the last condition it groups, or remove it"]
    assert [p.help for p in where_problems("a=1)")] == [
        "remove it, or write the `(` it closes before the conditions it groups"]


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_where(text: str) -> None:
    assert [p.rule for p in where_problems(text, offset=7)] == ["CE622"]
    assert where_problems(text, offset=7)[0].start == 7


def test_unquoted_date_macro_is_info() -> None:
    found = where_problems("min_date_modified=${date:yyyy-MM-dd'T'HH:mm:ssXXX}")
    assert [p.rule for p in found] == ["CE624"]
    assert where_problems("x>${epoch:s}") == []
    # a user's trial: quotes written percent-encoded are quotes to the server, which decodes them first
    assert where_problems("updated_at%3E%27${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}%27") == []
    # (one side only: the server decodes a quote that never closes, CE620, helper-172; it was CE624, "not inside quotes")
    assert [p.rule for p in where_problems("a>%27${gmtDate:yyyy-MM-dd}")] == ["CE620"]


def test_deep_nesting_is_not_an_internal_error() -> None:
    clause = parse_where("(" * 3000 + "a=1" + ")" * 3000)
    assert where_problems(clause.text, clause.offset) == [] and not clause.parsed


def test_unknown_structure_is_not_an_error() -> None:
    for text in ("a = 'x' b", "f(a) = 'x'"):  # two conditions without and/or are CE636; `order by`, CE639's
        clause = parse_where(text)
        assert where_problems(clause.text, clause.offset) == [] and not clause.parsed, text


def test_never_raises() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(["a", "b.c", "'x'", "'", "(", ")", " and ", " or ", " not ", "=", ">=", " like ",
                              " in ", " is ", " null", "${epoch}", "${date:yyyy'T'}", "`", "\"", ",", "5", " ", "\t"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(pieces, max_size=14).map("".join))
    def check(text: str) -> None:
        clause = parse_where(text, offset=3)
        for p in where_problems(clause.text, clause.offset):
            assert p.rule != "CE699", (text, p)
            assert 3 <= p.start <= p.end <= 3 + len(text)

    check()


@pytest.mark.parametrize(("where", "second"), [
    ("lastModifiedDate>='${gmtDate:yyyy-MM-dd}' attributes='created_at,updated_at'", "attributes"),
    ("a='1' b='2'", "b"),
    ("a='1'b='2'", "b"),
    ("a in ('1','2') b is null", "b"),
    ("a='1' not b like '%x%'", "not"),
    ("a='1' (b='2' or c=3)", "("),
])
def test_two_conditions_without_and_or(where: str, second: str) -> None:
    (found,) = problems(where)
    assert found[0] == "CE636"
    assert where[found[1]:found[2]] == second
    (fact,) = [f for f in parse_where(where).facts if f.flaw.name == "CEQL_MISSING_CONJUNCTION"]
    (edit,) = fact.fix.edits
    joined = where[:edit.start] + edit.replacement + where[edit.end:]
    assert parse_where(joined).parsed and not problems(joined), joined
    assert fact.fix.applicability == "unsafe"


@pytest.mark.parametrize("where", ["a='1' and b='2'", "a='1' or not b='2'", "(a='1') and (b='2' or c=3)",
                                   "a='1' order by b", "a b c", "'x' 'y'", "a='1'?pageSize=100"])
def test_no_missing_conjunction_where_none_is_missing(where: str) -> None:
    """Only a filter that reads as conditions once joined draws CE636; what the grammar does not know stays quiet."""
    assert "CE636" not in [code for code, *_ in problems(where)]


@pytest.mark.parametrize(("where", "rule", "fixed"), [
    # a fresh trial (helper-71)
    ("status in ('UNPAID' 'PART_PAID')", "CE639", "status in ('UNPAID', 'PART_PAID')"),
    ("id in (1 2, 3)", "CE639", "id in (1, 2, 3)"),
    ("a>'1' and attributes='created_at,updated_at';", "CE639", "a>'1' and attributes='created_at,updated_at'"),
    ("a>'1' ;", "CE639", "a>'1'"),
    # helper-172: a comma after the last value, or a `;` between two, drew nothing
    ("a>'1' and status in ('open','paid',)", "CE639", "a>'1' and status in ('open','paid')"),
    ("id in (1, 2, 3,) and a>'1'", "CE639", "id in (1, 2, 3) and a>'1'"),
    ("a>'1' and status in ('open';'paid')", "CE639", "a>'1' and status in ('open','paid')"),
    ("a>'1' and status in ('open' ; 'paid')", "CE639", "a>'1' and status in ('open' , 'paid')"),
])
def test_a_list_without_its_comma_or_a_closing_semicolon(where, rule, fixed):
    url = "/hubs/crm/a?where=" + where
    found = [p for p in url_problems(url) if p.rule == rule]
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.applicability == "safe", found
    edits = sorted(found[0].fix.edits, key=lambda e: e.start, reverse=True)
    for edit in edits:
        url = url[:edit.start] + edit.replacement + url[edit.end:]
    assert url == "/hubs/crm/a?where=" + fixed
    assert not [p for p in url_problems(url) if p.rule in ("CE639", "CE620")]


def test_an_apostrophe_inside_a_ceql_string_is_named_not_closed():
    """A fresh trial (helper-71): `'O'Reilly Media'` drew CE620 at the last quote, whose safe fix wrote a fourth quote;
    the apostrophe is what ends the string, and no fix knows what the element reads for it."""
    url = "/hubs/crm/a?where='Account Name'!='O'Reilly Media' and x>'${gmtDate:yyyy-MM-dd}'"
    [found] = [p for p in url_problems(url) if p.rule == "CE620"]
    assert found.start == url.index("O'R") + 1 and found.fix is None and "apostrophe" in found.message
    plain = [p for p in url_problems("/hubs/crm/a?where=name='abc") if p.rule == "CE620"]
    assert plain and plain[0].fix is not None and plain[0].fix.applicability == "safe"  # a string left open: closed


def test_a_list_written_as_an_unquoted_value():
    """A fresh trial (helper-71): `attributes=created_at,updated_at` drew "a comma between conditions" and an `and`."""
    url = "/hubs/finance/customers?where=updated>='${date:yyyy-MM-dd}' and attributes=created_at,updated_at"
    [found] = [p for p in url_problems(url) if p.rule == "CE639"]
    assert "`created_at,updated_at`" in found.message and found.help == "quote the value: `'created_at,updated_at'`"
    assert [p.rule for p in url_problems("/hubs/a/b?where=a='1', b='2'")] == ["CE639"]  # two conditions: as before
    assert "between conditions" in url_problems("/hubs/a/b?where=a='1', b='2'")[0].message


def test_a_value_alone_or_a_second_value():
    """A trial (helper-83): a string where a condition belongs (`'x' and ...`) and a second value after a condition
    (`a='b' 'c'`) drew nothing."""
    alone = "/hubs/x?where='x' and u>'${gmtDate:yyyy-MM-dd}'"
    [found] = [p for p in url_problems(alone) if p.rule == "CE639"]
    assert alone[found.start:found.end] == "'x'" and "alone where a condition belongs" in found.message
    second = "/hubs/y?where=a='b' 'c' and u>'${gmtDate:yyyy-MM-dd}'"
    [found] = [p for p in url_problems(second) if p.rule == "CE639"]
    assert second[found.start:found.end] == "'c'" and "in ('b', 'c')" in found.help
    for fine in ("/hubs/x?where=active and u>'${gmtDate:yyyy-MM-dd}'", "/hubs/x?where=a in ('b', 'c')",
                 "/hubs/x?where=(u>'${gmtDate:yyyy-MM-dd}')"):
        assert "CE639" not in [p.rule for p in url_problems(fine)], fine


def test_a_second_value_after_any_value_and_a_sum_fixed_to_the_named_unit():
    """A re-check (helper-86): a second value after `)`, a number or `true` drew nothing; CE643's fix wrote seconds for
    a field that names milliseconds in an `in (...)` list (CE414 followed)."""
    for url in ("/hubs/y?where=s in ('open') 'closed'", "/hubs/y?where=n>=5 'x'", "/hubs/y?where=b=true 'x'"):
        assert "CE639" in [p.rule for p in url_problems(url)], url
    [found] = [p for p in url_problems("/hubs/crm/i?where=timeMs in ('${epoch}/1000')") if p.rule == "CE643"]
    assert found.fix is not None and found.fix.edits[0].replacement == "${epoch:ms}"
    [found] = [p for p in url_problems("/hubs/crm/i?where=startEpochMillis='${epoch}/1000'") if p.rule == "CE643"]
    assert found.fix is not None and found.fix.edits[0].replacement == "${epoch:ms}"
    [found] = [p for p in url_problems("/hubs/crm/i?where=updated>'${epoch}/1000'") if p.rule == "CE643"]
    assert found.fix is not None and found.fix.edits[0].replacement == "${epoch:s}"  # no unit named: the sum's


@pytest.mark.parametrize("text", [
    "updated>=%27${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'",
    "updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}%27",
    "updated>=%27${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and name='x'",
    "name='x' and updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}%27",
])
def test_a_quote_written_encoded_pairs_with_one_written_as_it_is(text: str) -> None:
    """helper-91: `%27${...}'` was CE620 ("the quote before the macro is missing"), and its safe fix wrote a `'` after
    the `%27`: the server decodes `%27` before CEQL is read, so the two make a pair."""
    assert problems(text) == []
    assert parse_where(text).parsed


def test_a_mixed_filter_still_tells_a_quote_that_never_closes() -> None:
    text = "updated>=%27${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}%27 and name='x"
    assert problems(text) == [("CE620", text.rindex("'"), text.rindex("'") + 1)]


def test_typographic_quotes_around_a_value_and_a_macro_are_fixed_to_ascii() -> None:
    """helper-91: the closing quote of `‘open’` was not reported, and no typographic quote had a fix."""
    from validator.urls.template import parse_url_template

    url = "/hubs/crm/contacts?where=updated>=\u2018${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}\u2019 and status=\u2018open\u2019"
    found = [p for p in url_problems(url, facts=parse_url_template(url).facts) if p.rule == "CE610"]
    fixed = url
    for problem in sorted(found, key=lambda p: -p.start):
        assert problem.fix is not None and problem.fix.applicability == "safe", problem
        for edit in sorted(problem.fix.edits, key=lambda e: -e.start):
            fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
    assert fixed == "/hubs/crm/contacts?where=updated>='${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}' and status='open'"


@pytest.mark.parametrize("where", ["updated>='${gmtDate:yyyy-MM-dd}' ORDER BY updated", "a='1' order by b desc"])
def test_order_by_inside_the_where_filter(where):
    """helper-106: `... ORDER BY lastModifiedDate` inside `where` passed silently; CEQL sorts with `orderBy`."""
    url = "/hubs/crm/a?where=" + where
    (found,) = [p for p in url_problems(url) if p.rule == "CE639"]
    assert url[found.start:found.end].lower().startswith("order by") and "orderBy" in (found.help or "")
    assert not [p for p in url_problems("/hubs/crm/a?where=a='1'&orderBy=b") if p.rule == "CE639"]


@pytest.mark.parametrize(("where", "glued"), [
    ("updated>'${gmtDate:yyyy-MM-dd'T'HH:mm:ss}'Z", "Z"),  # the zone's letter written after the quote
    ("status='open'x and updated>'${gmtDate:yyyy-MM-dd}'", "x"),
    ("updated>'${gmtDate:yyyy-MM-dd}' and n='1'2", "2"),
])
def test_a_word_glued_to_a_closing_quote(where: str, glued: str) -> None:
    """helper-164: `updated>'${gmtDate:...}'Z` (a `Z` after the string's closing quote, not inside it) drew nothing:
    the vendor reads a word where `and` or `or` belongs. A word after a blank stays a vendor's clause (`limit 10`)."""
    url = "/hubs/crm/a?where=" + where
    (found,) = [p for p in url_problems(url) if p.rule == "CE639"]
    assert url[found.start:found.end] == glued and "glued to the closing quote" in found.message, found
    for fine in ("a='1'and b='2'", "a='1'or b='2'", "a='it''s'", "a='1' limit 10", "a>${epoch:s}000"):
        assert not [p for p in url_problems("/hubs/crm/a?where=" + fine) if p.rule == "CE639"], fine


@pytest.mark.parametrize("after", ["#frag", "#", "#top and b='2'"])
def test_a_fragment_after_a_closing_quote_is_said_to_be_cut_off(after: str) -> None:
    """helper-200's list: `'...'#frag` was told to move `#frag` inside the quotes, where a `#` cuts the filter itself
    (CE644); a URL's `#` starts its fragment, which is never sent."""
    url = "/hubs/crm/a?where=updated>'${gmtDate:yyyy-MM-dd}'" + after
    (found,) = [p for p in url_problems(url) if p.rule == "CE639"]
    assert "starts the URL's fragment, which is never sent" in found.message and "inside" not in (found.help or "")
    assert url[found.start:found.end] == after.split(" ")[0]


@pytest.mark.parametrize(("where", "help_"), [
    ("updated>>'${gmtDate:yyyy-MM-dd}'", "write the value after it"),
    ("updated>'${gmtDate:yyyy-MM-dd}' and", "remove the `and`, or write the condition it joins after it"),
    ("and updated>'${gmtDate:yyyy-MM-dd}'", "remove the `and`, or write the condition it joins before it"),
    ("(>'${gmtDate:yyyy-MM-dd}')", "write the field it compares before it"),
])
def test_a_dangling_operator_says_how_to_mend_it(where: str, help_: str) -> None:
    """helper-164: CE621 (`updated>>'...'`, a trailing `and`) said what dangles and no help."""
    found = [p for p in url_problems("/hubs/crm/a?where=" + where) if p.rule == "CE621"]
    assert found and all(p.help for p in found) and any(help_ in (p.help or "") for p in found), found


_LAST_POLL = "'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"


@pytest.mark.parametrize("where", [
    f"updated_at>={_LAST_POLL}+and+status='open'",
    f"updated_at+>=+{_LAST_POLL}+and+status+in+('a','b')",
    f"name='a+b'+and+updated_at>{_LAST_POLL}",
    f"(updated_at>{_LAST_POLL}+or+created_at>{_LAST_POLL})+and+amount>+5",
])
def test_a_plus_between_words_is_a_space(where: str) -> None:
    """helper-172: a filter copied from an encoded URL writes its spaces as `+` (`'${...}'+and+status='open'`), which
    the server decodes to spaces, as CE616 reads a `+` a macro prints: it drew CE639 ("`+and+status` glued to the
    closing quote"), and the mistakes behind a `+and+` were not read."""
    url = "/hubs/crm/a?where=" + where
    assert not [p for p in url_problems(url) if p.rule.startswith("CE6")], url_problems(url)
    assert parse_where(where).parsed


@pytest.mark.parametrize(("where", "rule", "at"), [
    (f"updated_at>={_LAST_POLL}+and+and+status='open'", "CE621", "and"),
    (f"updated_at>{_LAST_POLL}+and+status='open'+or+status='paid'", "CE642", "or"),
])
def test_mistakes_behind_a_plus_are_read(where: str, rule: str, at: str) -> None:
    url = "/hubs/crm/a?where=" + where
    found = [p for p in url_problems(url) if p.rule == rule]
    assert found and url[found[0].start:found[0].end] == at, url_problems(url)
    assert not [p for p in url_problems(url) if p.rule == "CE639"]


@pytest.mark.parametrize(("where", "unquoted"), [
    ("updated>${gmtDate:yyyyMMddHHmmss}", False),
    ("updated>${dateTimeZone:America/Denver:yyyyMMddHHmmssSSS} and a='1'", False),
    ("updated>${gmtDate:yyyyMMdd'T'HHmmss}", True),
    ("updated>${gmtDate:yyyyMMMdd}", True),  # (`MMM`: a month's name)
    ("updated>${gmtDate:yyyy-MM-dd}", True),
])
def test_an_unquoted_macro_printing_digits_alone_is_a_number(where: str, unquoted: bool) -> None:
    """helper-172: `updated>${gmtDate:yyyyMMddHHmmss}` drew CE624, "the rendered date (with '-', ':' or spaces) is not
    a CEQL number": it prints digits alone, the number a vendor holding its dates as numbers compares."""
    found = [p for p in url_problems("/hubs/crm/a?where=" + where) if p.rule == "CE624"]
    assert bool(found) is unquoted, found


@pytest.mark.parametrize(("where", "fixed"), [
    ("updated>=%27${gmtDate:yyyy-MM-dd}", "updated>=%27${gmtDate:yyyy-MM-dd}%27"),
    ("updated>=${gmtDate:yyyy-MM-dd}%27 and a=%27b%27", "updated>=%27${gmtDate:yyyy-MM-dd}%27 and a=%27b%27"),
])
def test_an_encoded_quote_on_one_side_of_a_macro(where: str, fixed: str) -> None:
    """helper-172: `>=%27${gmtDate:...}` (the closing `%27` left out) drew CE624, "the date macro is not inside
    quotes", where a quote the server decodes opens and never closes."""
    url = "/hubs/crm/a?where=" + where
    (found,) = [p for p in url_problems(url) if p.rule.startswith("CE6")]
    assert found.rule == "CE620" and url[found.start:found.end] == "%27", found
    (edit,) = found.fix.edits
    assert url[:edit.start] + edit.replacement + url[edit.end:] == "/hubs/crm/a?where=" + fixed
    assert not [p for p in url_problems("/hubs/crm/a?where=" + fixed) if p.rule.startswith("CE6")]


def _fixed(url: str, rule: str) -> tuple[str, str]:
    """The one finding of ``rule`` for ``url`` applied (its message, the URL it makes)."""
    [found] = [p for p in url_problems(url) if p.rule == rule]
    assert found.fix is not None and found.fix.applicability == "unsafe", found
    for edit in sorted(found.fix.edits, key=lambda e: e.start, reverse=True):
        url = url[:edit.start] + edit.replacement + url[edit.end:]
    return found.message, url


MACRO = "'${gmtDate:yyyy-MM-dd'T'HH:mm:ss'Z'}'"


@pytest.mark.parametrize("separator", [";", ",", " ; ", "%26"])
def test_a_parameter_after_a_separator_in_the_filter_is_given_its_ampersand(separator):
    """A fresh trial (helper-200): `where=updated>'...';pageSize=200` drew "a semicolon between conditions" and a fix
    that wrote ` and pageSize=200`, a condition on a field `pageSize`; `'...'%26pageSize=200` (the `&` encoded, which
    the server decodes inside the filter) drew nothing."""
    message, fixed = _fixed(f"/hubs/crm/a?where=updated>{MACRO}{separator}pageSize=200", "CE639")
    assert "`pageSize=200`, a query parameter" in message
    assert fixed == f"/hubs/crm/a?where=updated>{MACRO}{separator.replace(separator.strip(), '&')}pageSize=200"


@pytest.mark.parametrize(("after", "joined"), [("%26status='open'", " and status='open'"),
                                               (" %26 status='open'", " and status='open'")])
def test_an_encoded_ampersand_between_conditions(after, joined):
    """A fresh trial (helper-200): an `&` encoded as `%26` between two conditions passed: decoded inside the filter,
    CEQL cannot read it (`and` joins conditions); a `%26` inside a string is a value's `&` (CE644's advice)."""
    message, fixed = _fixed(f"/hubs/crm/a?where=updated>{MACRO}{after}", "CE639")
    assert "encoded `&`" in message and fixed == f"/hubs/crm/a?where=updated>{MACRO}{joined}"
    assert not url_problems(f"/hubs/crm/a?where=updated>{MACRO} and name='A%26B'")


@pytest.mark.parametrize("url", [f"/hubs/crm/a?where=updated>{MACRO};status='x'",
                                 f"/hubs/crm/a?where=updated>{MACRO};isDeleted=false"])
def test_a_condition_after_a_semicolon_is_still_joined_with_and(url):
    """A quoted value or a CEQL literal after the `;` makes a condition: ` and ` is still the fix."""
    message, fixed = _fixed(url, "CE639")
    assert "between conditions" in message and f"{MACRO} and " in fixed


def test_a_semicolon_before_where_in_the_query():
    """A fresh trial (helper-200): `?pageSize=200;where=...` passed: the filter is the value of `pageSize`, no where."""
    url = f"/hubs/crm/a?pageSize=200;where=updated>{MACRO}"
    [found] = [p for p in url_problems(url) if p.rule == "CE634"]
    assert (found.start, found.end) == (url.index(";"), url.index(";") + 1) and "'pageSize'" in found.message
    assert found.fix is not None and found.fix.edits[0].replacement == "&"


def test_a_hub_parameter_written_as_a_condition_of_the_filter():
    """A fresh trial (helper-200): `where=updated>'...' and pageSize=200` passed, and `'...' pageSize=200` drew CE636,
    whose fix wrote that `and`: `pageSize` (so `nextPage`, `orderBy`) is the hub's own parameter, no record's field."""
    message, fixed = _fixed(f"/hubs/crm/a?where=updated>{MACRO} and pageSize=200", "CE639")
    assert "`pageSize` is the hub's own query parameter" in message
    assert fixed == f"/hubs/crm/a?where=updated>{MACRO}&pageSize=200"
    message, fixed = _fixed(f"/hubs/crm/a?where=updated>{MACRO} pageSize=200", "CE639")
    assert message.startswith("a space before `pageSize=200`") and fixed == f"/hubs/crm/a?where=updated>{MACRO}&pageSize=200"
    first = [p for p in url_problems(f"/hubs/crm/a?where=orderBy='updated' and updated>{MACRO}") if p.rule == "CE639"]
    assert len(first) == 1 and first[0].fix is None  # (not last, or quoted: said, no fix)
    assert not url_problems(f"/hubs/crm/a?where=updated>{MACRO} and pageSizeLimit=200")  # a field of the records
    assert [p.rule for p in url_problems(f"/hubs/crm/a?where=updated>{MACRO} status=200")] == ["CE636"]  # as before


def test_a_spaced_comma_before_a_condition_like_parameter_stays_a_conjunction():
    """`'...', b=2` is written as a list of conditions (SQL's habit): ` and ` is the fix unless the name is the
    hub's own parameter; glued (`'...',b=2`) it reads as a URL's parameter."""
    assert _fixed(f"/hubs/crm/a?where=updated>{MACRO}, b=2", "CE639")[1] == f"/hubs/crm/a?where=updated>{MACRO} and  b=2"
    assert _fixed(f"/hubs/crm/a?where=updated>{MACRO},b=2", "CE639")[1] == f"/hubs/crm/a?where=updated>{MACRO}&b=2"
