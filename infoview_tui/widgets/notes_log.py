"""Everything written down in a meeting, in order: notes and captures with their times."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from ..domain.meeting import clock_text
from ..domain.records import Capture, CaptureKind, Note

CAPTURE_LABEL = {
    CaptureKind.REFERRAL: "referral",
    CaptureKind.LEAD: "lead",
    CaptureKind.JOB_TITLE: "job title",
    CaptureKind.OBSERVATION: "observed",
    CaptureKind.OFFER: "offer",
}


def capture_text(capture: Capture) -> str:
    text = escape(capture.text)
    if capture.kind is CaptureKind.REFERRAL:
        if capture.organization:
            text += f" ({escape(capture.organization)})"
        text += " · may use their name" if capture.may_use_name else " · ask before naming them"
    return text


class NotesLog(VerticalScroll, can_focus=False):
    """A scrolling list of lines; new ones appear at the bottom and stay in view."""

    DEFAULT_CSS = """
    NotesLog { height: 1fr; }
    NotesLog > Static { height: auto; }
    """

    def show_all(self, notes: list[Note], captures: list[Capture]) -> None:
        self.remove_children()
        entries: list[tuple[float, str]] = [(n.elapsed, self._note(n)) for n in notes]
        entries += [(c.elapsed, self._capture(c)) for c in captures]
        lines = [line for _, line in sorted(entries, key=lambda e: e[0])]
        self.mount_all(Static(line) for line in lines)
        self.call_after_refresh(self.scroll_end, animate=False)

    def _append(self, line: str) -> None:
        self.mount(Static(line))
        self.call_after_refresh(self.scroll_end, animate=False)

    def add_notes(self, notes: list[Note]) -> None:
        """Notes just kept (several for the lines of a paste): one mount, one scroll."""
        self.mount_all(Static(self._note(note)) for note in notes)
        self.call_after_refresh(self.scroll_end, animate=False)

    def add_capture(self, capture: Capture) -> None:
        self._append(self._capture(capture))

    @staticmethod
    def _note(note: Note) -> str:
        return f"[dim]{clock_text(note.elapsed)}[/] {escape(note.text)}"

    @staticmethod
    def _capture(capture: Capture) -> str:
        label = CAPTURE_LABEL[capture.kind]
        stamp = clock_text(capture.elapsed)
        return f"[dim]{stamp}[/] [b $accent]★ {label}:[/] {capture_text(capture)}"
