"""The words in the home screen's panels, built from the store once the data is there.

Kept apart from the screen so that the first frame imports no domain code at all.
"""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content
from textual.markup import escape

from ...domain.records import FollowUp, InterviewStatus
from ...domain.summary import ContactStage, HomeSummary
from ...domain.timefmt import full_datetime, relative_day, until
from ...widgets.hanging import Hanging

MAX_DUE_LINES = 8


class HomePanels:
    """Text for each panel; user text escaped, so brackets never turn into styles."""

    def __init__(self, store) -> None:
        self.store = store

    def who(
        self,
        contact_id: int | None,
        organization_id: int | None,
        markup: bool = True,
        *,
        kept: str = "",
    ) -> str:
        """'Name (Organisation)'; escaped for markup unless `markup` is False. `kept` is the
        name a meeting kept when its contact was deleted."""
        contact = self.store.contacts.get(contact_id)
        org = self.store.organizations.get(organization_id)
        if org is None and contact is not None:
            org = self.store.organizations.get(contact.organization_id)
        if contact is not None:
            name = contact.name
        elif kept:
            name = kept
        elif contact_id is not None:
            name = "a contact since deleted"
        else:
            name = "someone not yet chosen"
        text = f"{name} ({org.name})" if org else name
        return escape(text) if markup else text

    def next_text(self, summary: HomeSummary, now: datetime) -> str:
        lines = []
        if summary.live_meeting is not None:
            live = summary.live_meeting
            lines += [
                "[b $warning]A meeting is still open[/] (m resumes it)",
                f"with {self.who(live.contact_id, live.organization_id, kept=live.contact_name)}",
                "",
            ]
        meeting = summary.next_meeting
        if meeting is None or meeting.when is None:
            lines.append("[dim]No meeting scheduled yet.[/]")
        else:
            when = full_datetime(meeting.when, now.tzinfo)
            who = self.who(meeting.contact_id, meeting.organization_id, kept=meeting.contact_name)
            lines += [
                f"[b]{when}[/]  [dim]{until(meeting.when, now)}[/]",
                f"with {who}",
                f"[dim]{escape(meeting.place or 'place to be agreed')} · {meeting.minutes} min[/]",
            ]
        return "\n".join(lines)

    def due_line(self, item: FollowUp, today: date) -> str:
        contact = self.store.contacts.get(item.contact_id)
        first = contact.name.split()[0] if contact and contact.name.split() else ""
        named = bool(first) and first in item.title
        who = f" [dim]· {escape(contact.name)}[/]" if contact and not named else ""
        when = relative_day(item.due, today) if item.due else ""
        return f"{escape(item.title)}{who} [dim]({when})[/]"

    def due_text(self, summary: HomeSummary, now: datetime) -> str | Hanging:
        """The section titles, and under each its items; a long item wraps under itself."""
        today = now.date()
        if not summary.overdue and not summary.today:
            return "[dim]Nothing due today. Rest is part of the plan.[/]"
        rows: list[tuple[Content, Content]] = []
        item = Content("  ")
        for label, items, style in (
            ("Overdue", summary.overdue, "$error"),
            ("Today", summary.today, "$accent"),
        ):
            if not items:
                continue
            rows.append((Content(""), Content.from_markup(f"[b {style}]{label} ({len(items)})[/]")))
            shown = items[: max(1, MAX_DUE_LINES // 2)]
            rows += [(item, Content.from_markup(self.due_line(i, today))) for i in shown]
            if len(items) > len(shown):
                more = f"[dim]… and {len(items) - len(shown)} more[/]"
                rows.append((item, Content.from_markup(more)))
        return Hanging(rows)

    @staticmethod
    def contact_text(summary: HomeSummary) -> str:
        lines = [f"[b]{summary.contacts_total}[/] in all"]
        for stage in ContactStage:
            lines.append(f"  {stage.value:<12} {summary.contacts_by_stage.get(stage, 0):>5}")
        return "\n".join(lines)

    @staticmethod
    def meeting_text(summary: HomeSummary) -> str:
        lines = [f"[b]{summary.meetings_total}[/] in all"]
        for status in InterviewStatus:
            count = summary.meetings_by_status.get(status, 0)
            if count:
                lines.append(f"  {status.value:<12} {count:>5}")
        return "\n".join(lines)
