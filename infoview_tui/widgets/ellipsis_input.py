"""A one-line field that shows "…" where its text is cut, while the cursor is elsewhere."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.strip import Strip

from .one_line_input import OneLineInput


class EllipsisInput(OneLineInput):
    """Textual's Input cuts a long value at its edge without a mark, so a cut sentence reads
    as a whole one. Out of focus this one ends in "…"; in focus it shows the text as typed."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        width = self.scrollable_content_region.width
        if y or self.has_focus or self.password or self.scroll_offset.x or width < 2:
            return strip
        if cell_len(self.value) <= width:
            return strip
        last = strip.crop(width - 1, width)
        style = next(iter(last), Segment("")).style
        return Strip.join([strip.crop(0, width - 1), Strip([Segment("…", style)])])
