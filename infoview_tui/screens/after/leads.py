"""The leads part of the after-meeting screen: act on each referral, lead and job title
captured during the meeting, and see the search keywords."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static, TabPane
from textual.widgets.option_list import Option

from ...domain import after
from ...domain.records import CaptureKind, Interview
from ...services import Outcome, leads

LEAD_KINDS = (CaptureKind.REFERRAL, CaptureKind.LEAD, CaptureKind.JOB_TITLE)


class LeadList(OptionList):
    BINDINGS = [
        Binding("enter", "screen.act_on_lead", "Act on it", id="after.lead.act",
                tooltip="Referral: add as contact · lead: add employer · title: keep keyword"),
    ]  # fmt: skip


class AfterLeads(Screen[None]):
    """Part 3 of `AfterScreen`: the leads.

    A `Screen` subclass only so Textual collects its `@on` handlers; `AfterScreen` inherits
    it and provides the shared state (`interview`, `contact`, `occupation`, `store`) and
    helpers (`_now`, `_reflection`, `_edit`, `_highlighted`, `save`).
    """

    def compose_leads(self) -> ComposeResult:
        with TabPane("3 Leads", id="tab-leads"):
            yield LeadList(id="leads")
            yield Static("", id="keywords")

    def _lead_indexes(self) -> list[int]:
        assert self.interview is not None
        return [i for i, c in enumerate(self.interview.captures) if c.kind in LEAD_KINDS]

    def refresh_leads(self, highlight: int | None = None) -> None:
        assert self.interview is not None
        listing = self.query_one("#leads", LeadList)
        old = listing.highlighted
        listing.clear_options()
        options = []
        for index in self._lead_indexes():
            capture = self.interview.captures[index]
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
        target = highlight if highlight is not None else (old or 0)
        if options:
            listing.highlighted = max(0, min(target, len(options) - 1))
        words = after.job_titles(self.interview)
        if self.occupation is not None:
            words = after.unique_words([*self.occupation.keywords, *words])
        self.query_one("#keywords", Static).update(
            Content(
                "Search keywords: " + (", ".join(words) if words else "none yet")
                + "\nenter: referral → contact + reach-out · lead → employer · title → keyword"
            )
        )  # fmt: skip

    def action_act_on_lead(self) -> None:
        assert self.interview is not None
        indexes = self._lead_indexes()
        row = self._highlighted("#leads", len(indexes))
        if row is None:
            return
        index = indexes[row]
        capture = self.interview.captures[index]
        if capture.handled:
            self.notify("Already done.")
            return
        if capture.kind is CaptureKind.REFERRAL:
            self._referral(index, row)
        elif capture.kind is CaptureKind.LEAD:
            self._lead(index, row)
        else:
            self._keyword(index, row)

    def _done(self, outcome: Outcome[Interview], row: int) -> None:
        """Hold the meeting as the service saved it (this screen's edits included)."""
        self.interview = outcome.value
        if self.interview.occupation_id is not None:
            self.occupation = self.store.occupations.get(self.interview.occupation_id)
        self.refresh_leads(row)
        self.notify(Content(outcome.message))

    def _referral(self, index: int, row: int) -> None:
        from ...dialogs.confirm import ConfirmScreen

        assert self.interview is not None
        existing = leads.existing_contact(self.store, self.interview, index)

        def add(sure: bool | None) -> None:
            if sure and self.interview is not None:
                self._done(
                    leads.accept_referral(self.store, self.interview, index, self.now()), row
                )

        if existing is None:
            add(True)
        else:
            self.app.push_screen(
                ConfirmScreen(
                    "Already a contact?",
                    f"{existing.name} is already in your contacts. Add another contact anyway?",
                    yes="Add another",
                ),
                add,
            )

    def _lead(self, index: int, row: int) -> None:
        assert self.interview is not None
        self._done(leads.accept_lead(self.store, self.interview, index), row)

    def _keyword(self, index: int, row: int) -> None:
        assert self.interview is not None
        self._done(leads.keep_job_title(self.store, self.interview, index), row)
