"""Employer names compared as people mean them.

`company_key` is the strict comparison used to link an imported person to an employer on my
list: case, accents, punctuation and legal suffixes aside ("ACME, Inc." is "Acme"; "Müller
GmbH & Co. KG" is "Muller"), and nothing else: never a substring ("Meta" is not "Metal Works").
`loose_match` is for warm introductions only, said with less certainty: every distinctive word
of one name is a word of the other ("Harbour Research" and "Harbour Research Centre").
"""

from __future__ import annotations

import re

from ..domain.names import fold

# Legal forms, as single words after punctuation is removed ("S.A." -> "sa", "Pty Ltd" -> two).
LEGAL_WORDS = frozenset(
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh", "mbh", "ag", "kg",
        "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "pty", "plc", "corp", "corporation",
        "co", "company", "oy", "oyj", "ab", "asa", "as", "aps", "kk", "pte", "pvt", "se", "ug",
    }
)  # fmt: skip
# Words too common to tie two employers together on their own (loose matching only).
GENERIC_WORDS = frozenset(
    {
        "the", "of", "and", "for", "at", "in", "group", "services", "service", "solutions",
        "international", "global", "health", "healthcare", "research", "centre", "center",
        "institute", "university", "hospital", "clinic", "foundation", "network", "partners",
        "consulting", "systems", "technologies", "technology", "holdings", "trust", "labs",
        "national", "regional", "city", "county", "council", "department", "team", "de", "la",
    }
)  # fmt: skip
_JOINERS = re.compile(r"[.'’`]")  # S.A. -> SA, O'Neil -> ONeil
_NON_WORD = re.compile(r"[\W_]+")


def words(name: str) -> list[str]:
    """The name's words: folded, '&' read as 'and', punctuation as spaces."""
    text = _JOINERS.sub("", fold(name).replace("&", " and "))
    return _NON_WORD.sub(" ", text).split()


def company_key(name: str) -> str:
    """The strict key: equal keys are the same employer. Legal forms are dropped from the end
    ("Acme Holdings Pty Ltd" -> "acme holdings"), with an "and" that joined them ("& Co"),
    but never the whole name ("Limited" stays "limited")."""
    parts = words(name)
    end = len(parts)
    while end > 1 and (parts[end - 1] in LEGAL_WORDS or parts[end - 1] == "and"):
        end -= 1
    return " ".join(parts[:end])


def loose_match(a: str, b: str) -> bool:
    """Every distinctive word of the shorter name is a word of the longer one, and it has at
    least one (so "Research" alone never matches "Harbour Research")."""
    wa, wb = set(company_key(a).split()), set(company_key(b).split())
    if not wa or not wb:
        return False
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    distinctive = {w for w in small if w not in GENERIC_WORDS and len(w) > 1}
    return bool(distinctive) and small <= large
