"""Names as people read them: accents and case aside when matching, accents with their letter
when sorting."""

from __future__ import annotations

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
