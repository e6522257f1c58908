"""The invisible characters a message names (``validator.vocabulary.characters``)."""

from __future__ import annotations

import pytest

from validator.vocabulary.characters import invisible_at, invisible_in, space_named, visible


@pytest.mark.parametrize(("spaces", "said"), [
    (" ", "a space"), ("  ", "spaces"), ("\u00a0", "a no-break space (U+00A0)"),
    ("\u200b", "a zero width space (U+200B)"),
    ("\x00", "a control character (U+0000)"), ("\t", "a tab"),  # a trial (helper-83): it was "a white space (U+0000)"
])
def test_a_character_is_named_as_what_it_is(spaces: str, said: str) -> None:
    assert space_named(spaces) == said


def test_what_a_writer_saw() -> None:
    assert visible("\ufeffoauth.api.key ") == "oauth.api.key"
    assert visible("event.poller\u00a0refresh") == "event.poller refresh"  # a space it looked like
    assert visible("plain") == "plain" and invisible_at("plain") is None
    assert invisible_at("a\u200bb") == 1 and invisible_in("a\u200bb") == " (it holds a zero width space, U+200B)"


def test_an_invisible_character_is_named_with_its_article_and_a_tab_as_a_tab():
    """helper-97: `a ideographic space`; a tab was `a control character` in CE101's message and `a tab` in its help."""
    from validator.vocabulary.characters import char_named

    assert char_named("\u3000") == ("an ideographic space", "U+3000")
    assert char_named("\t") == ("a tab", "U+0009")


def test_letters_of_another_script_that_look_latin_are_named():
    """helper-117: a Cyrillic `е` in `еlement` read "unknown key `еlement`; did you mean `element`?"."""
    from validator.engine import check
    from validator.vocabulary.characters import look_alike_in

    assert look_alike_in("\u0435lement", "element") == " (its `\u0435` is U+0435, a Cyrillic letter, not the Latin `e`)"
    assert look_alike_in("elemnt", "element") == "" and look_alike_in("elements", "element") == ""
    body = '{"\u0435lement": {"key": "sageone"}, "name": "x", "configuration": {"oauth.api.key": "a"}}'
    assert any("Cyrillic" in (f.help or "") for f in check(body) if f.rule == "CE101")
    url = "/hubs/crm/c?where=a>'${gmtD\u0430te:yyyy-MM-dd}'"
    [hit] = [f for f in check('{"c": {"url": "' + url + '", "idField": "id"}}') if f.rule == "CE601"]
    assert "Cyrillic" in hit.message and hit.fix is not None and hit.fix.edits[0].replacement == "gmtDate"
