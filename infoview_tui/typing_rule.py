"""Typing and keys: the one rule every screen and dialog follows.

1. Letter and number keys are commands only when the cursor is not in text. While it is in
   a field (a one-line input or a text box), every letter, digit and sign is typed, also
   when the same key is a command elsewhere on the screen. Keys with ctrl, escape, tab,
   the arrows and enter keep their meaning there (escape leaves the field).
2. Text that cannot be edited cannot take focus and does not look like a field: read-only
   boxes are `ReadOnlyBox`es, never focused; the screen scrolls them with its own keys
   (ctrl+↑/↓ or alt+↑/↓ beside other controls; the arrows and page keys on a page that is
   only the box, like help).
3. A filled field keeps its text when tabbed into: the cursor goes in, nothing is selected
   (every one-line field is a `TextInput`, with Textual's select-on-focus off).
4. ctrl+z undoes the last edit in a field; ctrl+y (or ctrl+shift+z) redoes it. In the
   meeting's notes line ctrl+y captures a job title, so redo is ctrl+shift+z there.

How it holds: Textual gives a key to the focused widget before the screen's bindings, and
fields take every printable key, so a screen's letter keys cannot fire while someone types.
Only keys bound with `priority` are seen first; those (the After screen's part keys) check
`is_text(screen.focused)` and stand aside. tests/ui/test_typing_rule.py walks every screen
and dialog and checks points 2 and 3.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, TextArea

RULE = (
    "Letters and numbers are commands only when the cursor is not in a field; in a field "
    "they are typed. escape leaves a field, tab moves to the next. ctrl+z undoes the last "
    "edit in a field, ctrl+y redoes it (ctrl+shift+z in a meeting's notes line)."
)


def is_text(widget: Widget | None) -> bool:
    """Keys typed now go into text: a field that can be edited has focus."""
    if isinstance(widget, Input):
        return True
    return isinstance(widget, TextArea) and not widget.read_only


class ReadOnlyBox(VerticalScroll, can_focus=False):
    """Text to read, not to edit: never takes focus (rule 2). The screen showing one scrolls
    it with `scroll_keys` (beside other controls) or `page_keys` (a page that is only the
    box), and an `action_scroll_box` that calls `scroll_box`."""


def scroll_keys(box_id: str, what: str = "the box") -> list[BindingType]:
    """ctrl+↑/↓ (alt+↑/↓ where the system takes those) scroll `#box_id` by a page, wherever
    the cursor is on the screen."""
    return [
        Binding("ctrl+up,alt+up", f"scroll_box('{box_id}', 'page_up')", "Scroll up", show=False,
                key_display="^↑", id=f"scroll.{box_id}.up", tooltip=f"Scroll {what} up"),
        Binding("ctrl+down,alt+down", f"scroll_box('{box_id}', 'page_down')", "Scroll down",
                show=False, key_display="^↓", id=f"scroll.{box_id}.down",
                tooltip=f"Scroll {what} down"),
    ]  # fmt: skip


def page_keys(box_id: str) -> list[BindingType]:
    """The arrows, page up/down, home and end scroll `#box_id`: for a page with nothing
    else to move between."""
    moves = {"up": "up", "down": "down", "pageup": "page_up", "pagedown": "page_down",
             "home": "home", "end": "end"}  # fmt: skip
    return [
        Binding(key, f"scroll_box('{box_id}', '{how}')", how.replace("_", " "), show=False)
        for key, how in moves.items()
    ]


def scroll_box(box: Widget, how: str) -> None:
    """Scroll a read-only box (the action behind `scroll_keys` and `page_keys`)."""
    moves = {
        "up": box.scroll_up,
        "down": box.scroll_down,
        "page_up": box.scroll_page_up,
        "page_down": box.scroll_page_down,
        "home": box.scroll_home,
        "end": box.scroll_end,
    }
    moves[how](animate=False)
