"""Checkboxes read right without colour: off is an empty box, on is ticked. What a person
sees is taken as plain text (screen_text), as on a NO_COLOR terminal.

The bug: every checkbox showed ▐X▌ and only the colour differed; a contact was saved as
"won't ask first; don't mention them" by mistake.
"""

from __future__ import annotations

from infoview_tui.dialogs.capture import CaptureScreen
from infoview_tui.dialogs.energy import EnergyScreen
from infoview_tui.domain.records import CaptureKind, Profile
from infoview_tui.screens.people.contact_form import ContactFormScreen

OFF, ON = "▐ ▌", "▐X▌"


def line_with(text: str, screen: str) -> str:
    return next(line for line in screen.splitlines() if text in line)


async def test_the_contact_form_checkboxes_show_off_as_empty(run_app, store, reopen, screen_text):
    async with run_app() as pilot:
        pilot.app.push_screen(ContactFormScreen())
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert f"{OFF} The introducer will ask them first" in shown
        assert f"{OFF} I may mention the introducer's name" in shown
        pilot.app.screen.query_one("#may_use_name").focus()
        await pilot.press("space")
        await pilot.pause()
        assert f"{ON} I may mention the introducer's name" in screen_text(pilot.app)


async def test_capture_and_energy_checkboxes_show_off_as_empty(run_app, screen_text):
    async with run_app() as pilot:
        pilot.app.push_screen(CaptureScreen(CaptureKind.REFERRAL, 0, "Ada"))
        await pilot.pause()
        assert f"{OFF} I may say Ada sent me" in screen_text(pilot.app)
        pilot.app.pop_screen()
        pilot.app.push_screen(EnergyScreen(Profile(rest_days=[2])))
        await pilot.pause()
        days = line_with("Mon", screen_text(pilot.app))
        assert f"{OFF} Mon" in days and f"{ON} Wed" in days
