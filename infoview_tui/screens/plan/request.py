"""The request part of the plan screen: the live email check, the request's status line, and
the keys for sent, a reply, and a fresh draft.

A mixin for `PlanScreen` (which owns the meeting, the contact, the store and saving); kept here
so the screen module stays about layout, loading and saving. Sending starts the business-day
follow-ups (domain/request.py); a reply, accepted or declined, closes them.
"""

from __future__ import annotations

from dataclasses import replace

from textual.content import Content
from textual.widgets import Static, TabbedContent, TextArea

from ...domain import request as rq
from ...domain.records import Interview
from ...domain.timefmt import full_datetime, short_date
from ...services import Outcome, meetings

BEFORE_AGREED = meetings.BEFORE_AGREED


class RequestActions:
    """Request keys and views; expects PlanScreen's `interview`, `contact`, `organization`,
    `introducer`, `store`, `_now`, `_changed`, `_draft` and `refresh_all`."""

    def refresh_checks(self) -> None:
        if self.interview is None:
            return
        results = rq.check_email(self.interview.request.email, self.contact, self.introducer)
        parts: list[str | tuple[str, str]] = [
            (f"{sum(c.met for c in results)} of {len(results)} met\n", "bold")
        ]
        for check in results:
            mark = ("✓ ", "bold $success") if check.met else ("✗ ", "bold $error")
            parts += [mark, (check.label, "bold"), "\n", (f"  {check.hint}\n", "dim")]
        self.query_one("#email-checks", Static).update(Content.assemble(*parts))

    def refresh_request_status(self) -> None:
        if self.interview is None:
            return
        request = self.interview.request
        if request.reply:
            today = self.now().date()
            when = f" on {short_date(request.reply_at.date(), today)}" if request.reply_at else ""
            text = f"They {request.reply}{when}."
        elif request.sent is not None:
            text = f"Sent {full_datetime(request.sent)}; waiting. ctrl+o yes · ctrl+n declined."
        else:
            text = "Not sent yet. Edit freely; ctrl+s once it is out."
        for status in self.query(".request-status").results(Static):
            status.update(Content(text))

    def action_mark_sent(self) -> None:
        if self.interview is None or self.contact is None:
            return
        self._adopt(meetings.mark_request_sent(self.store, self.interview, self.now()), 6)

    def _adopt(self, outcome: Outcome[Interview], timeout: float) -> None:
        """Hold the meeting as the service saved it (this screen's edits included)."""
        self.interview = outcome.value
        self.refresh_all()
        self.notify(outcome.message, markup=False, timeout=timeout)

    def _close_request_followups(self) -> int:
        return meetings.close_request_followups(self.store, self.interview_id, self.now())

    def action_reply(self, reply: str) -> None:
        if self.interview is None:
            return
        self._adopt(meetings.record_reply(self.store, self.interview, reply, self.now()), 5)
        if reply == "accepted" and self.interview.when is None:
            self.query_one(TabbedContent).active = "schedule"
            self.query_one("#when").focus()

    def action_regenerate(self) -> None:
        from ...dialogs.confirm import ConfirmScreen

        if self.contact is None or self.interview is None:
            return
        email = self.section == "email"
        what = "email" if email else "phone script"

        def answered(yes: bool | None) -> None:
            if not yes or self.interview is None:
                return
            profile = replace(self.store.profile(), introduction=self.introduction)
            template = rq.email_draft if email else rq.phone_script
            area = self.query_one("#email-text" if email else "#phone-text", TextArea)
            area.load_text(self._draft(template, profile))  # its Changed event saves it
            area.focus()

        self.app.push_screen(
            ConfirmScreen(
                f"Redraft the {what}?",
                f"The {what} is replaced by a fresh draft from the template, filled from the "
                "contact, employer, occupation and your introduction. Your edits to it are lost.",
                yes="Redraft",
                no="Keep mine",
            ),
            answered,
        )
