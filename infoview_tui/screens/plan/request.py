"""The plan's request sections, Email and Phone: the text to send or say, where the request
stands, and for the email the coach's check, live as it is typed.

Each is a `RequestPane`: the screen gives it the text and the request's state through `show`
and `show_status`, and the pane posts `TextEdited` as the person types. Marking the request
sent, a reply and a fresh draft are the screen's keys (services.meetings): sending starts the
business-day follow-ups (domain/request.py); a reply, accepted or declined, closes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TabPane, TextArea

from ...domain import request as rq
from ...domain.records import Contact, Request
from ...domain.timefmt import full_datetime, local_day, short_date
from ...domain.validation import clean_text

Kind = Literal["email", "phone"]


def status_text(request: Request, now: datetime) -> str:
    """Where the request stands, with the keys that move it on (times on the viewer's clock)."""
    today, zone = now.date(), now.tzinfo
    if request.reply:
        reply_day = local_day(request.reply_at, zone) if request.reply_at else None
        when = f" on {short_date(reply_day, today)}" if reply_day else ""
        return f"They {request.reply}{when}."
    if request.sent is not None:
        return f"Sent {full_datetime(request.sent, zone)}; waiting. ctrl+l yes · ctrl+n declined."
    return "Not sent yet. Edit freely; ctrl+t once it is out."


class RequestPane(TabPane):
    """The request email (with the coach's check) or the phone script."""

    @dataclass
    class TextEdited(Message):
        field: str  # the Request field: "email" or "phone_script"
        text: str  # as typed, cleaned

    def __init__(self, kind: Kind) -> None:
        super().__init__("Email" if kind == "email" else "Phone", id=kind)
        self.kind: Kind = kind
        self.field = "email" if kind == "email" else "phone_script"
        self._contact: Contact | None = None
        self._introducer: Contact | None = None
        self._loading = 0  # TextArea.Changed events still to come from loading texts

    def compose(self) -> ComposeResult:
        yield Static("", classes="request-status")
        if self.kind == "email":
            with Horizontal(classes="request-row"):
                yield TextArea(id="email-text", soft_wrap=True, compact=True)
                with VerticalScroll(id="email-checks-box", can_focus=False):
                    yield Static("", id="email-checks")
        else:
            yield TextArea(id="phone-text", soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        if self.kind == "email":
            self.query_one("#email-checks-box").border_title = "Coach's check"

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    # ----- showing ------------------------------------------------------------------------------

    def show(self, text: str, contact: Contact | None, introducer: Contact | None) -> None:
        """The text as kept, and who it goes to and who introduced us (for the coach's check)."""
        self._contact = contact
        self._introducer = introducer
        area = self.area
        if area.text != text:
            self._loading += 1
            area.load_text(text)
        self._check(text)

    def show_status(self, request: Request, now: datetime, extra: str = "", note: str = "") -> None:
        """Where the request stands and `extra` (what just happened); `note` on a line below."""
        text = f"{status_text(request, now)} {extra}".strip()
        if note:
            text += f"\n{note}"
        self.query_one(".request-status", Static).update(Content(text))

    def _check(self, text: str) -> None:
        if self.kind != "email":
            return
        results = rq.check_email(text, self._contact, self._introducer)
        parts: list[str | tuple[str, str]] = [
            (f"{sum(c.met for c in results)} of {len(results)} met\n", "bold")
        ]
        for check in results:
            mark = ("✓ ", "bold $success") if check.met else ("✗ ", "bold $error")
            parts += [mark, (check.label, "bold"), "\n", (f"  {check.hint}\n", "dim")]
        self.query_one("#email-checks", Static).update(Content.assemble(*parts))

    # ----- changing -----------------------------------------------------------------------------

    def redraft(self, text: str, focus: bool = True) -> None:
        """A fresh draft replaces the text, as an edit (it is kept like typing)."""
        area = self.area
        area.load_text(text)
        if focus:
            area.focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = clean_text(event.text_area.text)
        if self._loading:
            self._loading -= 1
            self._check(text)
            return
        self._check(text)
        self.post_message(self.TextEdited(self.field, text))
