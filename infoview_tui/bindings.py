"""Which keys help and the command palette list for a screen, in a useful order."""

from __future__ import annotations

from textual.binding import ActiveBinding
from textual.screen import Screen


def listed_bindings(screen: Screen) -> list[tuple[str, ActiveBinding]]:
    """The screen's own actions (bindings with an id) first, then other shown keys.

    Left out: Textual's system keys and a focused widget's hidden internals (cursor up, ...),
    which would push the screen's actions below the fold at 80×24.
    """
    own: list[tuple[str, ActiveBinding]] = []
    others: list[tuple[str, ActiveBinding]] = []
    seen: set[tuple[str, int]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        if binding.id is None and not binding.show:
            continue
        marker = (binding.action, id(active.node))
        if marker in seen:
            continue
        seen.add(marker)
        (own if binding.id else others).append((key, active))
    return own + others
