"""Names compared and sorted the way people read them: case, accents and spacing aside.

"zoe" finds Zoë, "Élodie" sorts with the E's (before Zoë, not after it), and two names that
differ only in case, accents or spaces are the same name.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Text for matching: lower case, accents and other combining marks removed."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).casefold()  # Hangul and the like recompose


def name_key(name: str) -> str:
    """One spelling for a name: folded, spaces collapsed; equal keys mean the same name."""
    return " ".join(fold(name).split())  # folding can leave spaces ("¯" is a space + mark)


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical as a reader expects: accents sort with their letter, ties by the name."""
    return (name_key(name), name.casefold())
