"""The meeting's questions: the current one large, the next visible, asked ones ticked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import Static

from ..domain.meeting import Pace, current_question, upcoming_question
from ..domain.records import Interview


def plan_lines(interview: Interview) -> str:
    lines = []
    for i, q in enumerate(interview.questions):
        if i == interview.session.current and not q.asked and not q.skipped:
            mark = "[b $accent]▶[/]"
        elif q.asked:
            mark = "[$success]✓[/]"
        elif q.skipped:
            mark = "[dim]–[/]"
        else:
            mark = " "
        text = escape(q.text)
        if q.asked or q.skipped:
            text = f"[dim]{text}[/]"
        lines.append(f"{mark} {i + 1}. {text}")
    return "\n".join(lines) or "[dim]No questions planned: ctrl+t adds one.[/]"


class QuestionPanel(Vertical):
    DEFAULT_CSS = """
    QuestionPanel { height: auto; }
    QuestionPanel #now { text-style: bold; }
    QuestionPanel #next, QuestionPanel #pace { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="now")
        yield Static("", id="next")
        yield Static("", id="pace")

    def show(self, interview: Interview, pace: Pace) -> None:
        current = current_question(interview)
        upcoming = upcoming_question(interview)
        if current is None:
            now = "No question yet: ctrl+t to add one."
        elif current.asked or current.skipped:
            now = "All questions covered. Time for: who else should I talk to?"
        else:
            now = f"Now: {escape(current.text)}"
        self.query_one("#now", Static).update(now)
        nxt = f"Next: {escape(upcoming.text)}" if upcoming else "Next: (none left)"
        self.query_one("#next", Static).update(nxt)
        warn = "[$warning]" if pace.over_budget else ""
        self.query_one("#pace", Static).update(f"{warn}Pace: {escape(pace.hint())}")
