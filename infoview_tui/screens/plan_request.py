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

from ..domain import request as rq
from ..domain.records import InterviewStatus
from ..domain.timefmt import full_datetime, short_date

BEFORE_AGREED = frozenset({InterviewStatus.IDEA, InterviewStatus.REQUESTED})


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
            today = self._now().date()
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
        if self.interview.request.sent is not None:
            self.notify(f"Already marked sent on {full_datetime(self.interview.request.sent)}.")
            return
        now = self._now()
        status = self.interview.status
        if status == InterviewStatus.IDEA:
            status = InterviewStatus.REQUESTED
        self._changed(
            replace(
                self.interview, status=status, request=replace(self.interview.request, sent=now)
            ),
            now=True,
        )
        others = sorted(
            (
                c for c in self.store.contacts.all()
                if c.organization_id is not None
                and c.organization_id == self.interview.organization_id
                and c.id != self.contact.id
            ),
            key=lambda c: (c.name.casefold(), c.id or 0),
        )  # fmt: skip
        items = rq.request_followups(
            self.interview, self.contact, now,
            other=others[0] if others else None,
            organization_name=self.organization.name if self.organization else "",
        )  # fmt: skip
        for item in items:
            self.store.followups.save(item)
        self.refresh_all()
        self.notify(
            f"Marked sent. No reply by {short_date(items[0].due, now.date())}: try someone else; "  # type: ignore[arg-type]
            f"by {short_date(items[1].due, now.date())}: a friendly nudge.",  # type: ignore[arg-type]
            markup=False,
            timeout=6,
        )

    def _close_request_followups(self) -> int:
        closed = rq.close_on_reply(self.store.followups.all(), self.interview_id, self._now())
        for item in closed:
            self.store.followups.save(item)
        return len(closed)

    def action_reply(self, reply: str) -> None:
        if self.interview is None:
            return
        now = self._now()
        status = self.interview.status
        if reply == "accepted" and status in BEFORE_AGREED:
            status = InterviewStatus.SCHEDULED
        elif reply == "declined" and status in (*BEFORE_AGREED, InterviewStatus.SCHEDULED):
            status = InterviewStatus.DECLINED
        request = replace(self.interview.request, reply=reply, reply_at=now)
        self._changed(replace(self.interview, status=status, request=request), now=True)
        closed = self._close_request_followups()
        self.refresh_all()
        done = f" {closed} follow-up{'s' if closed != 1 else ''} closed." if closed else ""
        if reply == "accepted" and self.interview.when is None:
            self.notify(f"They said yes.{done} Now set the date.", timeout=5)
            self.query_one(TabbedContent).active = "schedule"
            self.query_one("#when").focus()
        else:
            self.notify(f"Noted: {reply}.{done}", timeout=4)

    def action_regenerate(self) -> None:
        from .confirm import ConfirmScreen

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
