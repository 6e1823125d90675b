"""Home: the next meeting, what is due, and where the search stands, one key from each area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Footer, Header, Static

from ...dialogs.confirm import ConfirmScreen
from ...domain.meeting import clock_text, elapsed
from ...domain.summary import home_summary, latest_held, live_meeting, next_meeting
from ...paths import stylesheet
from .. import router
from ..base import InfoviewScreen
from .panels import HomePanels


class HomeScreen(InfoviewScreen[None]):
    CSS_PATH = stylesheet("home.tcss")  # loaded when home first shows, after the first frame
    BINDINGS = [
        Binding("c", "area('contacts')", "People", id="home.contacts",
                tooltip="Contacts: who I might talk to, and who introduced whom"),
        Binding("m", "meet", "Meet", id="home.meet",
                tooltip="Open the running meeting, or the next scheduled one"),
        Binding("p", "area('meetings')", "Plan", id="home.plan",
                tooltip="Meetings: plan a request, introduction, questions and date"),
        Binding("a", "after", "After", id="home.after",
                tooltip="Thank-you, reflection and leads for the latest meeting held"),
        Binding("f", "area('queue')", "Due", id="home.queue",
                tooltip="Everything to do: overdue, today, this week, later"),
        Binding("slash", "app.search", "Find", id="home.search",
                tooltip="Names, employers, notes, captures, reflections, follow-ups"),
        Binding("e", "area('employers')", "Employers", id="home.employers",
                tooltip="Ranked employers and their research"),
        Binding("o", "area('occupation')", "Job", id="home.occupation",
                tooltip="The occupation I am exploring: perceptions and demands"),
        Binding("i", "area('me')", "Me", id="home.me",
                tooltip="Interests, values, needs, skills; private notes"),
        # Shown on the line above the footer (the footer's 80 columns are full).
        Binding("n", "area('network')", "Network", id="home.network", show=False,
                tooltip="Who introduced whom, and who opened the most doors"),
        Binding("g", "area('progress')", "Progress", id="home.progress", show=False,
                tooltip="How far I have come: meetings, people, follow-through, fit, energy"),
        Binding("q", "app.quit", "Quit", id="home.quit", tooltip="Save and quit"),
        Binding("r", "refresh", "Refresh", show=False, id="home.refresh"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="home-grid"):
            yield Static("", id="next", classes="panel")
            yield Static("", id="due", classes="panel")
            yield Static("", id="contact-stats", classes="panel")
            yield Static("", id="meeting-stats", classes="panel")
        yield Static("", id="progress-line")
        # Compact, palette hint left out: every area's key must fit in 80 columns.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#next").border_title = "Next meeting"
        self.query_one("#due").border_title = "Due"
        self.query_one("#contact-stats").border_title = "Contacts"
        self.query_one("#meeting-stats").border_title = "Meetings"
        self.refresh_summary()
        self._offer_resume()

    def reload_from_store(self) -> None:
        self.refresh_summary()
        if not router.meeting_open(self.app):
            self._offer_resume()  # not when the data was reloaded under the open meeting

    def _offer_resume(self) -> None:
        """After a crash or a quit mid-meeting, the meeting is still live: offer to go back."""
        store = self.store
        live = live_meeting(store.interviews.all())
        if live is None or live.id is None:
            return
        who = HomePanels(store).who(
            live.contact_id, live.organization_id, markup=False, kept=live.contact_name
        )
        spent = clock_text(elapsed(live.session, self.now()))
        paused = " (paused)" if live.session.paused_at else ""

        live_id = live.id

        def resume(yes: bool | None) -> None:
            if yes:
                self._open_meeting(live_id)

        self.app.push_screen(
            ConfirmScreen(
                "Resume the meeting?",
                f"The meeting with {who} "
                f"is still open: {spent} in{paused}, by the clock. Its notes are kept either way.",
            ),
            resume,
        )

    def on_screen_resume(self) -> None:
        self.refresh_summary()

    def action_refresh(self) -> None:
        self.refresh_summary()

    def action_area(self, area: str) -> None:
        router.open_area(self.app, area)

    def action_after(self) -> None:
        meeting = latest_held(self.store.interviews.all())
        if meeting is None or meeting.id is None:
            self.notify("No meeting held yet: the after-meeting step comes once one has ended.")
            return
        router.open_after(self.app, meeting.id)

    def action_meet(self) -> None:
        store = self.store
        interviews = store.interviews.all()
        now = self.now()
        meeting = live_meeting(interviews) or next_meeting(interviews, now)
        if meeting is None or meeting.id is None:
            self.notify(
                "No meeting scheduled. To meet someone right now, open Contacts (c), "
                "pick them and press m.",
                title="Meet",
            )
            return
        self._open_meeting(meeting.id)

    def _open_meeting(self, interview_id: int) -> None:
        router.open_live(self.app, interview_id)

    def refresh_summary(self) -> None:
        store = self.store
        now = self.now()
        summary = home_summary(
            store.contacts.all(), store.interviews.all(), store.followups.all(), now
        )
        panels = HomePanels(store)
        self.query_one("#next", Static).update(panels.next_text(summary, now))
        self.query_one("#due", Static).update(panels.due_text(summary, now))
        self.query_one("#contact-stats", Static).update(panels.contact_text(summary))
        self.query_one("#meeting-stats", Static).update(panels.meeting_text(summary))
        self.query_one("#due").border_title = f"Due ({len(summary.overdue) + len(summary.today)})"
        from ...domain.progress import home_line

        profile = store.profile()
        line = home_line(
            store.contacts.all(), store.interviews.all(), profile.weekly_meeting_cap,
            now.date(), now.tzinfo,
        )  # fmt: skip
        self.query_one("#progress-line", Static).update(
            Content.assemble(
                ("n", "bold $text"), " network   ", ("g", "bold $text"), f" progress: {line}"
            )
        )
