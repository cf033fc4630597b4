import pytest

from search.query import EMPTY, NO_WORDS, TOO_LONG, QueryProblem, parse


def test_words_must_all_match_and_are_quoted_for_fts5():
    query = parse("Acne  scars")

    assert query.groups == (("acne",), ("scars",))
    assert query.as_fts5() == '("acne") AND ("scars")'
    assert query.wanted_websearch() == '"acne" "scars"'
    assert query.unwanted_websearch() == ""


def test_quotes_make_a_phrase_and_an_unclosed_quote_runs_to_the_end():
    assert parse('"rolling scars" laser').groups == (("rolling scars",), ("laser",))
    assert parse('laser "rolling scars').groups == (("laser",), ("rolling scars",))


def test_a_minus_sign_excludes_a_word_or_a_phrase():
    query = parse('scars -laser -"chemical peel"')

    assert query.excluded == ("laser", "chemical peel")
    assert query.as_fts5() == '((("scars")) NOT "laser") NOT "chemical peel"'
    assert query.wanted_websearch() == '"scars"'
    assert query.any_word_websearch() == '"scars"'
    assert query.unwanted_websearch() == '"laser" or "chemical peel"'


def test_or_joins_the_terms_on_either_side():
    query = parse("prp OR fillers lips")

    assert query.groups == (("prp", "fillers"), ("lips",))
    assert query.as_fts5() == '("prp" OR "fillers") AND ("lips")'
    assert query.wanted_websearch() == '"prp" or "fillers" "lips"'
    assert query.any_word_websearch() == '"prp" or "fillers" or "lips"'


def test_engine_syntax_is_only_ever_text():
    query = parse('NEAR(scars, 2) title:acne scar* ^peel AND "x""y"')

    assert query.groups == (
        ("near scars",),
        ("2",),
        ("title acne",),
        ("scar",),
        ("peel",),
        ("and",),
        ("x",),
        ("y",),
    )
    assert all(term.replace(" ", "").isalnum() for group in query.groups for term in group)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", EMPTY),
        (" \t\n", EMPTY),
        ("\x00\x01", EMPTY),
        ("?!…", NO_WORDS),
        ("-scars", NO_WORDS),
        ("or", NO_WORDS),
        ("a" * 201, TOO_LONG),
    ],
)
def test_unsearchable_text_says_why(text, reason):
    with pytest.raises(QueryProblem) as problem:
        parse(text)

    assert problem.value.reason == reason


def test_control_characters_and_highlight_markers_are_dropped():
    assert parse("sc\x00ars \ue000peel\ue001").groups == (("sc",), ("ars",), ("peel",))
