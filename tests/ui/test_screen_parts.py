"""The parts of the after-meeting screen and the plan's request sections, each alone in a bare
app: a part shows what it is given, says what the person changed with its own messages, and
needs nothing else (no store, no screen). The tests record the messages the parts post."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App, ComposeResult
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import TabbedContent, TabPane

from infoview_tui.domain.records import (
    CanMeet,
    Capture,
    CaptureKind,
    Contact,
    DemandCheck,
    Reflection,
    Request,
)
from infoview_tui.screens.after.leads import LeadsPane
from infoview_tui.screens.after.reflection import ReflectionPane
from infoview_tui.screens.after.thanks import ThanksPane
from infoview_tui.screens.after.touch import TouchPane
from infoview_tui.screens.plan.request import RequestPane

from .conftest import NOW


class Host(App[None]):
    def __init__(self, pane: TabPane) -> None:
        super().__init__()
        self.pane = pane

    def compose(self) -> ComposeResult:
        with TabbedContent():
            yield self.pane


@asynccontextmanager
async def hosted(pane: TabPane, said: list[Message]) -> AsyncIterator[Pilot]:
    """`pane` alone in an app; every message of the parts' own kinds lands in `said`, once."""
    kinds = (
        ThanksPane.ThanksEdited,
        ReflectionPane.ReflectionEdited,
        LeadsPane.LeadChosen,
        TouchPane.RhythmChosen,
        RequestPane.TextEdited,
    )

    def record(message: Message) -> None:
        if isinstance(message, kinds) and not any(m is message for m in said):
            said.append(message)

    async with Host(pane).run_test(size=(80, 24), message_hook=record) as pilot:
        yield pilot


def draft_for(learned: str) -> str:
    return f"Dear Ada, I learned: {learned}."


async def test_thanks_pane_keeps_the_draft_in_step_until_it_is_edited():
    said: list[Message] = []
    pane = ThanksPane(draft_for)
    async with hosted(pane, said) as pilot:
        pane.show(["Remote now", "Bootcamps"], "", "")
        await pilot.pause()
        assert said == []  # showing is not editing
        assert pane.draft == "Dear Ada, I learned: ."
        pane.screen.set_focus(pane.entry)
        await pilot.press("enter")  # the first note is the thing learned
        await pilot.pause()
        assert said == [
            ThanksPane.ThanksEdited(
                {"learned": "Remote now", "thank_you": "Dear Ada, I learned: Remote now."}
            )
        ]
        pane.query_one("#draft").focus()
        await pilot.press("end", "!")
        await pilot.pause()
        edited = "Dear Ada, I learned: Remote now.!"
        assert said[-1] == ThanksPane.ThanksEdited({"thank_you": edited})
        assert pane.draft_edited
        pane.query_one("#notes").focus()
        await pilot.press("down", "enter")  # another note: the edited draft stays as it is
        await pilot.pause()
        assert said[-1] == ThanksPane.ThanksEdited({"learned": "Bootcamps"})
        pane.redraft()
        await pilot.pause()
        assert said[-1] == ThanksPane.ThanksEdited(
            {"thank_you": "Dear Ada, I learned: Bootcamps."}, now=True
        )


async def test_thanks_pane_without_notes_says_so():
    pane = ThanksPane(draft_for)
    async with hosted(pane, []) as pilot:
        pane.show([], "Kept before", "My own draft")
        await pilot.pause()
        assert pane.entry is None  # no list to land on: never a text field
        assert pane.draft == "My own draft"
        assert "no notes were kept" in str(pane.query_one("#pick-label").render())


async def test_reflection_pane_reports_each_change():
    said: list[Message] = []
    pane = ReflectionPane()
    async with hosted(pane, said) as pilot:
        pane.show(Reflection(), [DemandCheck("Travel")], None, set())
        await pilot.pause()
        assert said == []
        assert "has no occupation" in str(pane.query_one("#perceptions").render())
        pane.query_one("#demands").focus()
        await pilot.press("space")
        await pilot.pause()
        assert said == [
            ReflectionPane.ReflectionEdited(
                {"demands": [DemandCheck("Travel", CanMeet.YES)]}, now=True
            )
        ]
        pane.query_one("#reality").focus()
        await pilot.press(*"Busy")
        await pilot.pause()
        assert said[-1] == ReflectionPane.ReflectionEdited({"reality": "Busy"})
        pane.add_step("Email Ben")
        pane.show_follow_ups({"Email Ben"})
        await pilot.pause()
        assert said[-1] == ReflectionPane.ReflectionEdited({"next_steps": ["Email Ben"]}, now=True)
        assert pane.highlighted_step == "Email Ben"
        assert "✓ follow-up" in str(pane.query_one("#steps").render_line(0).text)


async def test_leads_pane_names_the_capture_chosen():
    said: list[Message] = []
    pane = LeadsPane()
    captures = [
        Capture(CaptureKind.OBSERVATION, "Open plan"),
        Capture(CaptureKind.REFERRAL, "Ben Li", organization="City Clinic"),
        Capture(CaptureKind.LEAD, "Northwind Labs", handled=True),
    ]
    async with hosted(pane, said) as pilot:
        pane.show(captures, ["Research ops"])
        pane.entry.focus()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert said == [LeadsPane.LeadChosen(2)]  # its place among all the captures
        assert "Research ops" in str(pane.query_one("#keywords").render())


async def test_touch_pane_reports_the_rhythm_chosen():
    said: list[Message] = []
    pane = TouchPane()
    async with hosted(pane, said) as pilot:
        pane.show(Contact(name="Ada", id=1), ["the reminder"], None)
        await pilot.pause()
        assert said == []  # showing the rhythm is not choosing it
        assert "To share back: the reminder" in str(pane.query_one("#touch-info").render())
        pane.entry.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert said == [TouchPane.RhythmChosen(30)]
        pane.query_one("#custom-days").focus()
        await pilot.press(*"x")
        await pilot.pause()
        assert "number of days" in str(pane.query_one("#custom-error").render())
        await pilot.press("backspace", *"45")
        await pilot.pause()
        assert said[-1] == TouchPane.RhythmChosen(45)
        pane.show(None, [], None)
        await pilot.pause()
        assert "no contact" in str(pane.query_one("#touch-info").render())
        assert pane.query_one("#cadence").disabled


async def test_request_pane_checks_the_email_and_reports_typing():
    said: list[Message] = []
    pane = RequestPane("email")
    kevin = Contact(name="Kevin Liu")
    async with hosted(pane, said) as pilot:
        pane.show("Hi Kevin, could we talk?", kevin, None)
        pane.show_status(Request(sent=NOW), NOW)
        await pilot.pause()
        assert said == []  # loading the text is not typing
        assert "met" in str(pane.query_one("#email-checks").render())
        assert "Sent Wed 25 Nov 2026, 09:00" in str(pane.query_one(".request-status").render())
        pane.area.focus()
        await pilot.press("end", *" Any openings?")
        await pilot.pause()
        assert said[-1] == RequestPane.TextEdited("email", "Hi Kevin, could we talk? Any openings?")
        assert "✗ Advice, never a job" in str(pane.query_one("#email-checks").render())
