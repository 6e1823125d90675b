"""Progress: how far the search has come, as plots in the terminal with their numbers in words.

Five parts, one key each: meetings a week (planned and held, against my weekly cap), people
added by month and how I found them, thank-yous and follow-ups done in time, how each
occupation's reflections scored its fit, and what meetings cost in energy. Each plot
(textual-plotext) has the same figures beside it in words, for a screen reader or a
terminal without colour. The figures are counted on a worker thread (`domain.progress`) and
handed over in a message; the plots are drawn when they arrive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from ...domain.network import GROUP_LABELS
from ...domain.progress import (
    FIT_AREAS,
    Progress,
    WeekCount,
    build_progress,
    home_line,
    meetings_by_week,
    summary_line,
    weeks_lines,
)
from ...paths import stylesheet
from ..base import InfoviewScreen

# Bar fills that tell the series apart without colour too (NO_COLOR, a screen reader's braille).
FILLS = ("█", "░", "▒", "▓", "▚", "▞", "▖", "▗", "▘")

PARTS = (
    ("meetings", "1 Meetings"),
    ("people", "2 People"),
    ("follow", "3 Follow-through"),
    ("fit", "4 Fit"),
    ("energy", "5 Energy"),
)


class ProgressScreen(InfoviewScreen[None]):
    CSS_PATH = stylesheet("progress.tcss")
    BINDINGS = [
        *(
            Binding(str(n), f"show_part({n - 1})", label.split(" ", 1)[1], id=f"progress.{key}",
                    tooltip=f"Show {label.split(' ', 1)[1].lower()}")
            for n, (key, label) in enumerate(PARTS, start=1)
        ),
        Binding("escape", "app.pop_screen", "Back", id="progress.back", tooltip="Back"),
    ]  # fmt: skip

    @dataclass
    class Counted(Message):
        progress: Progress

    def __init__(self) -> None:
        super().__init__()
        self.progress: Progress | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Counting…", id="progress-summary")
        with TabbedContent(id="progress-tabs"):
            for key, label in PARTS:
                with TabPane(label, id=f"part-{key}"), Horizontal(classes="progress-part"):
                    yield PlotextPlot(id=f"plot-{key}", classes="progress-plot")
                    with VerticalScroll(classes="progress-words", can_focus=False):
                        yield Static("", id=f"words-{key}")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "How far I have come"
        self._show_first_part()
        self.call_after_refresh(self._count)  # once the first part is drawn (see network.py)

    def _show_first_part(self) -> None:
        """The meetings a week, plot and words, and the short summary, at once (a quick pass
        over the meetings); the rest is counted on a worker."""
        store = self.store
        now = self.now()
        cap = store.profile().weekly_meeting_cap
        interviews = store.interviews.all()
        weeks = meetings_by_week(interviews, now.date(), now.tzinfo)
        self.query_one("#words-meetings", Static).update(
            Content("\n".join(weeks_lines(weeks, cap, now.date())))
        )
        self._plot_weeks(weeks, cap)
        summary = home_line(store.contacts.all(), interviews, cap, now.date(), now.tzinfo)
        self.query_one("#progress-summary", Static).update(Content(f"{summary} · counting…"))

    def reload_from_store(self) -> None:
        self._count()

    @work(thread=True, exclusive=True, group="progress")
    def _count(self) -> None:
        store = self.store
        now = self.now()
        profile = store.profile()
        progress = build_progress(
            store.contacts.all(),
            store.interviews.all(),
            store.followups.all(),
            store.occupations.all(),
            profile.weekly_meeting_cap,
            now.date(),
            now.tzinfo,
        )
        self.post_message(self.Counted(progress))

    def on_progress_screen_counted(self, message: Counted) -> None:
        p = self.progress = message.progress
        self.query_one("#progress-summary", Static).update(Content(summary_line(p)))
        for key, _label in PARTS:
            self.query_one(f"#words-{key}", Static).update(Content("\n".join(p.lines[key])))
        self._plot_meetings(p)
        self._plot_people(p)
        self._plot_follow(p)
        self._plot_fit(p)
        self._plot_energy(p)

    # ----- the plots ---------------------------------------------------------------------------

    def _plot(self, key: str) -> tuple[PlotextPlot, Any]:
        """The plot widget and its plotext figure, cleared. The figure is typed Any: its
        bundled type hints name `label` and a single marker where plotext takes `labels`
        and one marker per series."""
        plot = self.query_one(f"#plot-{key}", PlotextPlot)
        plot.plt.clear_figure()
        return plot, plot.plt

    def _plot_meetings(self, p: Progress) -> None:
        self._plot_weeks(p.weeks, p.cap)

    def _plot_weeks(self, weeks: list[WeekCount], cap: int | None) -> None:
        """One bar a week: held (full) and planned but not held (light), the cap a line."""
        plot, plt = self._plot("meetings")
        labels = [w.label() for w in weeks]
        held = [w.held for w in weeks]
        waiting = [max(w.planned - w.held, 0) for w in weeks]
        plt.stacked_bar(
            labels, [held, waiting], labels=["held", "planned, not held"], marker=["█", "░"],
            width=0.6,
        )  # fmt: skip
        if cap:
            plt.hline(cap, "red")
        top = max([cap or 0, *(a + b for a, b in zip(held, waiting, strict=True))]) + 1
        plt.ylim(0, max(2, top))
        plt.yticks(list(range(0, max(2, top) + 1)))
        plt.title("Meetings a week" + (f" (cap {cap}: the line)" if cap else ""))
        plot.refresh()

    def _plot_people(self, p: Progress) -> None:
        plot, plt = self._plot("people")
        groups = [g for g in GROUP_LABELS if any(m.by_group.get(g) for m in p.months)]
        labels = [m.label() for m in p.months]
        if groups:
            plt.stacked_bar(
                labels,
                [[m.by_group.get(g, 0) for m in p.months] for g in groups],
                labels=[GROUP_LABELS[g] for g in groups],
                marker=[FILLS[i % len(FILLS)] for i in range(len(groups))],
            )
        else:
            plt.bar(labels, [0 for _ in p.months])
        plt.title("People added, by month and how I found them")
        plot.refresh()

    def _plot_follow(self, p: Progress) -> None:
        plot, plt = self._plot("follow")
        rates = [("Thank-yous", p.thank_yous.share), ("Follow-ups", p.on_time.share)]
        plt.bar(
            [name for name, _ in rates],
            [round(100 * share) if share is not None else 0 for _, share in rates],
            orientation="horizontal",
            width=0.3,
        )
        plt.xlim(0, 100)
        plt.title("Done in time (%)")
        plot.refresh()

    def _plot_fit(self, p: Progress) -> None:
        plot, plt = self._plot("fit")
        scored = [f for f in p.fits if f.fit]
        if scored:
            plt.multiple_bar(
                [a.title() for a in FIT_AREAS],
                [[f.fit.get(a, 0) for a in FIT_AREAS] for f in scored],
                labels=[f.title for f in scored],
                marker=[FILLS[i % len(FILLS)] for i in range(len(scored))],
            )
        else:
            plt.bar([a.title() for a in FIT_AREAS], [0] * len(FIT_AREAS))
        plt.ylim(0, 5)
        plt.yticks(list(range(6)))
        plt.title("Fit with me, 1 to 5, from my reflections")
        plot.refresh()

    def _plot_energy(self, p: Progress) -> None:
        plot, plt = self._plot("energy")
        labels = [f"{w.week.day} {w.week:%b}" for w in p.energy]
        plt.multiple_bar(
            labels,
            [[w.held for w in p.energy], [w.mean or 0 for w in p.energy]],
            labels=["meetings held", "average cost (of 5)"],
            marker=["█", "░"],
            width=0.6,
        )
        plt.ylim(0, 5)
        plt.yticks(list(range(6)))
        plt.title("Meetings held and what they cost")
        plot.refresh()

    # ----- keys --------------------------------------------------------------------------------

    def action_show_part(self, index: int) -> None:
        self.query_one("#progress-tabs", TabbedContent).active = f"part-{PARTS[index][0]}"
