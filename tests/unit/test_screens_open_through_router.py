"""Screens open other screens through screens/router.py only (read from the source).

The router imports each screen's module where it opens it; no other module in screens/ may
import one of those modules, or a screen would again be opened two ways (and the imports
would grow cycles).
"""

from __future__ import annotations

import ast
from pathlib import Path

import infoview_tui

SCREENS = Path(infoview_tui.__file__).parent / "screens"


def _imported(path: Path) -> set[str]:
    """The modules under screens/ that `path` imports from (relative imports), dotted from
    screens/: "people.contact_form"."""
    package = list(path.relative_to(SCREENS).parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            up = node.level - 1
            if up > len(package):
                continue  # above screens/: dialogs, domain, services, ...
            parts = package[: len(package) - up] + (node.module or "").split(".")
            found.add(".".join(p for p in parts if p))
    return found


def test_no_screen_imports_a_screen_the_router_opens():
    routed = _imported(SCREENS / "router.py")
    assert {"people.contact_form", "meet.screen", "plan.screen"} <= routed
    found = []
    for path in sorted(SCREENS.rglob("*.py")):
        if path.name == "router.py":
            continue
        own = ".".join(path.relative_to(SCREENS).with_suffix("").parts)
        for module in sorted(_imported(path) & routed - {own}):
            found.append(f"screens/{path.relative_to(SCREENS)} imports {module}")
    assert found == [], "open it with a router function instead:\n" + "\n".join(found)
