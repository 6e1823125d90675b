"""Which keys help and the command palette list for a screen, in a useful order."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.actions import parse
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass
class Listed:
    """One action, once: the binding that names it, and every binding that runs it."""

    active: ActiveBinding
    bindings: list[Binding] = field(default_factory=list)

    @property
    def binding(self) -> Binding:
        return self.active.binding


def listed_bindings(screen: Screen) -> list[Listed]:
    """The screen's own actions (bindings with an id) first, then other shown keys.

    An action on two keys (home's `q` and the app's ctrl+q both quit) is listed once, with
    both keys. Left out: Textual's system keys and a focused widget's hidden internals
    (cursor up, ...), which would push the screen's actions below the fold at 80×24.
    """
    own: list[Listed] = []
    others: list[Listed] = []
    found: dict[tuple[int, str, tuple[object, ...]], Listed] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        if binding.id is None and not binding.show:
            continue
        target = _target(screen, active.node, binding.action)
        listed = found.get(target)
        if listed is not None:
            if binding not in listed.bindings:
                listed.bindings.append(binding)
            continue
        listed = found[target] = Listed(active, [binding])
        (own if binding.id else others).append(listed)
    return own + others


def _target(screen: Screen, node: DOMNode, action: str) -> tuple[int, str, tuple[object, ...]]:
    """What an action string runs: the node it runs on, its name and its arguments."""
    namespace, name, arguments = parse(action)
    runs_on = {"app": screen.app, "screen": screen}.get(namespace, node)
    return id(runs_on), name, arguments
