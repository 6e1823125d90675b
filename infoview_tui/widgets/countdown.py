"""The big countdown: time left (or time over) in large digits, the phase in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from ..domain.meeting import PHASE_HINT, Phase, TimerView, clock_text

PHASE_CLASSES = {phase: "-" + phase.name.lower().replace("_", "-") for phase in Phase}


class Countdown(Vertical):
    """Shows a TimerView. It never keeps time itself: the screen hands it a fresh view."""

    DEFAULT_CSS = """
    Countdown { height: auto; width: 100%; }
    Countdown Digits { width: auto; }
    Countdown #phase { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("15:00", id="digits")
        yield Static("", id="phase")
        yield Static("", id="phase-hint")

    def show(self, view: TimerView) -> None:
        if view.remaining >= 0:
            big = clock_text(
                view.remaining + 0.999
            )  # a countdown shows 15:00 until a second has passed
        else:
            big = "+" + clock_text(-view.remaining)
        self.query_one(Digits).update(big)
        words = view.phase.value
        if view.paused:
            words += " · PAUSED"
        self.query_one("#phase", Static).update(f"{words} · {clock_text(view.elapsed)} in")
        self.query_one("#phase-hint", Static).update(
            "Paused: the clock is stopped." if view.paused else PHASE_HINT[view.phase]
        )
        for phase, css in PHASE_CLASSES.items():
            self.set_class(phase is view.phase, css)
        self.set_class(view.paused, "-paused")
