"""Checkboxes and radio buttons that read the same without colour: off is an empty box.

Textual draws `▐X▌` (and `▐●▌`) in both states and tells them apart by colour alone, which
a tired eye, a colour-blind one or a NO_COLOR terminal cannot see: a contact was saved as
"won't ask first" because an off box looked ticked. Here the mark is drawn only when on.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """`▐X▌` when ticked, `▐ ▌` when not."""

    @property  # read by Textual's toggle button on every render
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "


class Choice(RadioButton):
    """`▐●▌` when chosen, `▐ ▌` when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "
