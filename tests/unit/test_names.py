"""Names as people read them: accents and case aside when matching, accents with their letter
when sorting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from infoview_tui.domain.names import fold, name_key, sort_key


def test_accents_case_and_spacing_do_not_make_another_name():
    assert name_key("  Zoë   Ünal ") == name_key("zoe unal") == "zoe unal"
    assert name_key("Ölwerk") == name_key("OLWERK")
    assert fold("Straße") == "strasse"


def test_sorting_puts_accented_names_with_their_letter():
    names = ["Zoë", "Élodie", "bo", "Eve", "Ana", "Émile", "zack"]
    assert sorted(names, key=sort_key) == ["Ana", "bo", "Élodie", "Émile", "Eve", "zack", "Zoë"]


def test_names_without_latin_letters_keep_their_own_spelling():
    assert name_key("محمد رضا") == "محمد رضا"
    assert name_key("김민지") == "김민지"


def suggest(names: list[str], typed: str) -> str | None:
    import asyncio

    from infoview_tui.dialogs.choose_contact import NameSuggester

    return asyncio.run(NameSuggester(names).get_suggestion(typed))


def test_completion_ignores_case_and_accents_and_follows_a_space_to_the_surname():
    names = ["Zoey Park", "Zoë Ångström", "Élodie Roy"]
    assert suggest(names, "zoe") == "Zoey Park"  # the first that fits, in list order
    assert suggest(names, "zoe ") == "Zoë Ångström"
    assert suggest(names, "ZOE  ang") == "Zoë Ångström"
    assert suggest(names, "elo") == "Élodie Roy"
    assert suggest(names, "") is None and suggest(names, "x") is None


@given(st.text(min_size=1, max_size=30))
def test_every_name_is_completed_from_any_start_of_it_typed_without_accents(name):
    key = name_key(name)
    for end in range(1, len(key) + 1):
        assert name_key(suggest([name], key[:end]) or "") == key
