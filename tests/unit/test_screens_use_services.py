"""Screens and dialogs change no record themselves: every change goes through services/.

Read from the source (no app is started): any call that writes to the store (`save`, `delete`,
`save_profile`, `batch`, ...) on something reached through `store` or one of its tables is a
screen changing records itself, which the README says none does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import infoview_tui

PACKAGE = Path(infoview_tui.__file__).parent
UI_FOLDERS = ("screens", "dialogs", "widgets")
WRITES = {"save", "delete", "save_profile", "batch", "save_now", "restore", "save_copy"}
STORE_NAMES = {
    "store", "interviews", "contacts", "organizations", "occupations", "followups", "questions",
}  # fmt: skip


def _names(node: ast.expr) -> set[str]:
    """The names along an attribute chain: `self.app.store.contacts` -> {self, app, store, ...}."""
    names = set()
    while isinstance(node, ast.Attribute):
        names.add(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.add(node.id)
    return names


def store_writes(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITES
            and _names(node.func.value) & STORE_NAMES
        ):
            found.append((node.lineno, ast.unparse(node.func)))
    return found


def test_the_check_finds_a_screen_writing_to_the_store():
    source = (
        "def write(self, store):\n"
        "    store.interviews.save(self.interview)\n"
        "    self.store.save_profile(p)\n"
        "    self.app.store.contacts.delete(3)\n"
        "    self.save()\n"
        "    meetings.save_meeting(store, self.interview)\n"
    )
    assert [line for line, _call in store_writes(source)] == [2, 3, 4]


def test_no_screen_dialog_or_widget_writes_to_the_store():
    found = []
    for folder in UI_FOLDERS:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for line, call in store_writes(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(PACKAGE)}:{line} {call}")
    assert found == [], "call a service instead:\n" + "\n".join(found)
