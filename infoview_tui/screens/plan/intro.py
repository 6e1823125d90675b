"""The plan's Introduction section: my 15–30 second introduction, its estimated spoken length,
and a rehearsal stopwatch.

The stopwatch keeps only the moment it started; what it shows is always the clock now minus
that moment (the repaint interval only decides when to draw, so a busy loop never slows it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from ...domain import introduction as intro

REPAINT = 0.1  # seconds between repaints of a running stopwatch


class IntroPane(Vertical):
    @dataclass
    class IntroChanged(Message):
        text: str

    def __init__(self, now: Callable[[], datetime], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._now = now
        self.started: datetime | None = None
        self.last_run: float | None = None
        self._timer: Timer | None = None
        self._loading = False

    def compose(self) -> ComposeResult:
        yield TextArea(
            id="intro",
            soft_wrap=True,
            compact=True,
            placeholder="Who I am and why I'm asking them, in 15 to 30 seconds.",
        )
        yield Static("", id="intro-estimate")
        yield Static("", id="stopwatch")

    def on_mount(self) -> None:
        self._show_stopwatch()

    def show(self, text: str) -> None:
        area = self.query_one("#intro", TextArea)
        if area.text != text:
            self._loading = True
            area.load_text(text)
        self._estimate(text)

    def _estimate(self, text: str) -> None:
        self.query_one("#intro-estimate", Static).update(
            Content.assemble(("Spoken: ", "bold"), intro.estimate(text))
        )

    @on(TextArea.Changed, "#intro")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        self._estimate(text)
        if self._loading:
            self._loading = False
            return
        self.post_message(self.IntroChanged(text))

    # ----- the rehearsal stopwatch --------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.started is not None

    def elapsed(self) -> float:
        if self.started is None:
            return self.last_run or 0.0
        return max(0.0, (self._now() - self.started).total_seconds())

    def toggle(self) -> None:
        """Start a run, or stop it and say whether it landed inside 15–30 seconds."""
        if self.started is None:
            self.started = self._now()
            self.last_run = None
            self._timer = self.set_interval(REPAINT, self._show_stopwatch, name="rehearsal")
        else:
            self.last_run = self.elapsed()
            self.started = None
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
        self._show_stopwatch()

    def _show_stopwatch(self) -> None:
        seconds = self.elapsed()
        watch = self.query_one("#stopwatch", Static)
        if self.running:
            text = Content.assemble(
                ("Rehearsal ", "bold"), (f"{seconds:5.1f} s", "bold reverse"),
                "  speaking… ctrl+f stops",
            )  # fmt: skip
        elif self.last_run is not None:
            ok = intro.in_range(self.last_run)
            text = Content.assemble(
                ("Rehearsal ", "bold"),
                (intro.verdict(self.last_run), "bold $success" if ok else "bold $warning"),
                "  ctrl+f again",
            )
        else:
            text = Content.assemble(
                ("Rehearsal ", "bold"), "ctrl+f starts the stopwatch; say it aloud, ctrl+f stops."
            )
        watch.update(text)
