"""Part 3 of the after-meeting screen, the leads: each referral, lead and job title captured
during the meeting, to act on, and the search keywords."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static, TabPane
from textual.widgets.option_list import Option

from ...domain.records import Capture, CaptureKind

LEAD_KINDS = (CaptureKind.REFERRAL, CaptureKind.LEAD, CaptureKind.JOB_TITLE)


class LeadList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Act on it", id="after.lead.act",
                tooltip="Referral: add as contact · lead: add employer · title: keep keyword"),
    ]  # fmt: skip


class LeadsPane(TabPane):
    """The leads: shows the meeting's referrals, leads and job titles (✓ once acted on) and
    the keywords; enter on one posts `LeadChosen` and the screen acts on it."""

    @dataclass
    class LeadChosen(Message):
        index: int  # the capture's place among the meeting's captures

    def __init__(self, *, id: str = "tab-leads") -> None:
        super().__init__("3 Leads", id=id)
        self._indexes: list[int] = []  # the captures shown, row by row

    def compose(self) -> ComposeResult:
        yield LeadList(id="leads")
        yield Static("", id="keywords")

    def show(self, captures: list[Capture], keywords: list[str]) -> None:
        """The meeting's captures (those that are leads are listed) and the search keywords."""
        self._indexes = [i for i, c in enumerate(captures) if c.kind in LEAD_KINDS]
        listing = self.query_one(LeadList)
        old = listing.highlighted
        listing.clear_options()
        options = []
        for index in self._indexes:
            capture = captures[index]
            extra = ""
            if capture.kind is CaptureKind.REFERRAL:
                extra = f" · {capture.organization}" if capture.organization else ""
                extra += " · may use their name" if capture.may_use_name else ""
            mark = "✓ " if capture.handled else "→ "
            options.append(
                Option(
                    Content.assemble(
                        (mark, "bold"), (f"{capture.kind.value}: ", "italic"), capture.text, extra
                    )
                )
            )
        listing.add_options(options or [Option("No referrals, leads or titles.", disabled=True)])
        if options:
            listing.highlighted = max(0, min(old or 0, len(options) - 1))
        self.query_one("#keywords", Static).update(
            Content(
                "Search keywords: " + (", ".join(keywords) if keywords else "none yet")
                + "\nenter: referral → contact + reach-out · lead → employer · title → keyword"
            )
        )  # fmt: skip

    @property
    def entry(self) -> Widget:
        """Where the cursor goes on coming to this part: the list."""
        return self.query_one(LeadList)

    @on(OptionList.OptionSelected, "#leads")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._indexes):
            self.post_message(self.LeadChosen(self._indexes[event.option_index]))
