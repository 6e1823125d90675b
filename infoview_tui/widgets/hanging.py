"""Lines with a hanging indent: a line too long for its panel goes on under its own text, not
at the panel's edge (a due item under its title, a help line under its description)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """Rows of (head, body): the body wraps in the column after its head.

    A head of spaces indents a whole item ("  Call Ada"); a key column ("   c  ") keeps the
    descriptions in a column of their own. A row with no head wraps at the left edge.
    """

    def __init__(self, rows: list[tuple[Content, Content]]) -> None:
        self.rows = rows

    def lines(self, width: int) -> list[Content]:
        out: list[Content] = []
        for head, body in self.rows:
            hang = head.cell_length
            if width - hang < 10:  # too narrow to hang: wrap at the edge instead
                out += (head + body).wrap(max(1, width))
                continue
            wrapped = body.wrap(width - hang) or [Content("")]
            out.append(head + wrapped[0])
            out += [Content(" " * hang) + line for line in wrapped[1:]]
        return out

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widest = max(((head + body).cell_length for head, body in self.rows), default=0)
        return min(widest, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))

    def __str__(self) -> str:
        return self.plain

    @property
    def plain(self) -> str:
        """The text without styles, unwrapped (for tests and search)."""
        return "\n".join((head + body).plain for head, body in self.rows)
