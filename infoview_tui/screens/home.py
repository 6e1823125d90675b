"""Home: the next meeting, what is due, and where the search stands, one key from each area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..domain.records import FollowUp, InterviewStatus
from ..domain.summary import ContactStage, HomeSummary, home_summary, live_meeting, next_meeting
from ..domain.timefmt import full_datetime, relative_day, until
from ..messages import StoreReady

MAX_DUE_LINES = 8


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("c", "contacts", "Contacts", id="home.contacts", tooltip="People to talk to"),
        Binding(
            "m",
            "meet",
            "Meet",
            id="home.meet",
            tooltip="Open the running meeting, or the next scheduled one",
        ),
        Binding("q", "app.quit", "Quit", id="home.quit", tooltip="Save and quit"),
        Binding("r", "refresh", "Refresh", show=False, id="home.refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="home-grid"):
            yield Static("Opening your data…", id="next", classes="panel")
            yield Static("", id="due", classes="panel")
            yield Static("", id="contact-stats", classes="panel")
            yield Static("", id="meeting-stats", classes="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#next").border_title = "Next meeting"
        self.query_one("#due").border_title = "Due"
        self.query_one("#contact-stats").border_title = "Contacts"
        self.query_one("#meeting-stats").border_title = "Meetings"
        if self.app.store is not None:  # type: ignore[attr-defined]
            self.refresh_summary()

    def on_store_ready(self, _: StoreReady) -> None:
        self.refresh_summary()
        self._offer_resume()

    def _offer_resume(self) -> None:
        """After a crash or a quit mid-meeting, the meeting is still live: offer to go back."""
        store = self.app.store  # type: ignore[attr-defined]
        live = live_meeting(store.interviews.all())
        if live is None or live.id is None:
            return
        from ..domain.meeting import clock_text, elapsed
        from .confirm import ConfirmScreen

        spent = clock_text(elapsed(live.session, self.app.clock.now()))  # type: ignore[attr-defined]
        paused = " (paused)" if live.session.paused_at else ""

        def resume(yes: bool | None) -> None:
            if yes:
                self._open_meeting(live.id)

        self.app.push_screen(
            ConfirmScreen(
                "Resume the meeting?",
                f"The meeting with {self._who(live.contact_id, live.organization_id, False)} "
                f"is still open: {spent} in{paused}, by the clock. Its notes are kept either way.",
            ),
            resume,
        )

    def on_screen_resume(self) -> None:
        self.refresh_summary()

    def action_refresh(self) -> None:
        self.refresh_summary()

    def action_contacts(self) -> None:
        if self.app.store is None:  # type: ignore[attr-defined]
            self.notify("Still opening your data; one moment.")
            return
        from .contacts import ContactsScreen

        self.app.push_screen(ContactsScreen())

    def action_meet(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            self.notify("Still opening your data; one moment.")
            return
        interviews = store.interviews.all()
        now = self.app.clock.now()  # type: ignore[attr-defined]
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
        from .meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(interview_id))

    def refresh_summary(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        if store is None:
            return
        now = self.app.clock.now()  # type: ignore[attr-defined]
        summary = home_summary(
            store.contacts.all(), store.interviews.all(), store.followups.all(), now
        )
        self.query_one("#next", Static).update(self._next_text(summary, now))
        self.query_one("#due", Static).update(self._due_text(summary, now))
        self.query_one("#contact-stats", Static).update(self._contact_text(summary))
        self.query_one("#meeting-stats", Static).update(self._meeting_text(summary))
        self.query_one("#due").border_title = f"Due ({len(summary.overdue) + len(summary.today)})"

    def _who(self, contact_id: int | None, organization_id: int | None, markup: bool = True) -> str:
        """'Name (Organisation)'; escaped for markup unless `markup` is False."""
        store = self.app.store  # type: ignore[attr-defined]
        contact = store.contacts.get(contact_id)
        org = store.organizations.get(organization_id)
        if org is None and contact is not None:
            org = store.organizations.get(contact.organization_id)
        if contact is not None:
            name = contact.name
        elif contact_id is not None:
            name = "a contact since deleted"
        else:
            name = "someone not yet chosen"
        text = f"{name} ({org.name})" if org else name
        return _escape(text) if markup else text

    def _next_text(self, summary: HomeSummary, now) -> str:
        lines = []
        if summary.live_meeting is not None:
            live = summary.live_meeting
            lines += [
                "[b $warning]A meeting is still open[/]",
                f"with {self._who(live.contact_id, live.organization_id)}",
                "",
            ]
        meeting = summary.next_meeting
        if meeting is None or meeting.when is None:
            lines.append("[dim]No meeting scheduled yet.[/]")
        else:
            lines += [
                f"[b]{full_datetime(meeting.when)}[/]  [dim]{until(meeting.when, now)}[/]",
                f"with {self._who(meeting.contact_id, meeting.organization_id)}",
                f"[dim]{_escape(meeting.place or 'place to be agreed')} · {meeting.minutes} min[/]",
            ]
        return "\n".join(lines)

    def _due_line(self, item: FollowUp, today) -> str:
        store = self.app.store  # type: ignore[attr-defined]
        contact = store.contacts.get(item.contact_id)
        first = contact.name.split()[0] if contact and contact.name.split() else ""
        named = bool(first) and first in item.title
        who = f" [dim]· {_escape(contact.name)}[/]" if contact and not named else ""
        when = relative_day(item.due, today) if item.due else ""
        return f"  {_escape(item.title)}{who} [dim]({when})[/]"

    def _due_text(self, summary: HomeSummary, now) -> str:
        today = now.date()
        if not summary.overdue and not summary.today:
            return "[dim]Nothing due today. Rest is part of the plan.[/]"
        lines: list[str] = []
        for label, items, style in (
            ("Overdue", summary.overdue, "$error"),
            ("Today", summary.today, "$accent"),
        ):
            if not items:
                continue
            lines.append(f"[b {style}]{label} ({len(items)})[/]")
            shown = items[: max(1, MAX_DUE_LINES // 2)]
            lines += [self._due_line(item, today) for item in shown]
            if len(items) > len(shown):
                lines.append(f"  [dim]… and {len(items) - len(shown)} more[/]")
        return "\n".join(lines)

    @staticmethod
    def _contact_text(summary: HomeSummary) -> str:
        lines = [f"[b]{summary.contacts_total}[/] in all"]
        for stage in ContactStage:
            lines.append(f"  {stage.value:<12} {summary.contacts_by_stage.get(stage, 0):>5}")
        return "\n".join(lines)

    @staticmethod
    def _meeting_text(summary: HomeSummary) -> str:
        lines = [f"[b]{summary.meetings_total}[/] in all"]
        for status in InterviewStatus:
            count = summary.meetings_by_status.get(status, 0)
            if count:
                lines.append(f"  {status.value:<12} {count:>5}")
        return "\n".join(lines)


def _escape(text: str) -> str:
    """User text inside markup: brackets must not be read as styles."""
    return escape(text)
