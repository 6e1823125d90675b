"""Stored moments are shown on the viewer's clock, not in the offset they were saved with.

A meeting typed in New York for 21:30 (stored 21:30-05:00) and opened on a laptop in London
is at 02:30 the next day there: every screen that shows it says so, and the person turns up
on the right day.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input, Static

from infoview_tui.clock import FakeClock
from infoview_tui.dialogs.contact_card import ContactCard
from infoview_tui.domain.records import Contact, Interview, InterviewStatus, Request
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.plan.screen import PlanScreen
from infoview_tui.screens.search import SearchScreen

LONDON = ZoneInfo("Europe/London")
NEW_YORK_WINTER = timezone(timedelta(hours=-5))
STORED = datetime(2026, 12, 3, 21, 30, tzinfo=NEW_YORK_WINTER)
SHOWN = "Fri 4 Dec 2026, 02:30"  # in London
SENT = datetime(2026, 11, 26, 20, 15, tzinfo=NEW_YORK_WINTER)  # 01:15 on the 27th in London


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 30, 11, 0, tzinfo=LONDON))  # Monday, in London


@pytest.fixture
def meeting_id(store) -> int:
    ada = store.contacts.save(Contact(name="Ada Okafor", last_contact=SENT))
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id,
            status=InterviewStatus.SCHEDULED,
            when=STORED,
            request=Request(sent=SENT),
        )
    )
    assert meeting.id is not None
    return meeting.id


async def test_home_shows_the_next_meeting_on_the_local_clock(run_app, meeting_id):
    async with run_app() as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, HomeScreen)
        text = str(screen.query_one("#next", Static).visual)
        assert SHOWN in text
        assert "21:30" not in text


async def test_the_meetings_list_and_the_plan_show_the_local_time(run_app, meeting_id, screen_text):
    async with run_app() as pilot:
        await pilot.press("p")
        await pilot.pause()
        listed = screen_text(pilot.app)
        assert SHOWN in listed and "21:30" not in listed

        pilot.app.push_screen(PlanScreen(meeting_id))
        await pilot.pause()
        plan = pilot.app.screen
        assert isinstance(plan, PlanScreen)
        assert plan.query_one("#when", Input).value == SHOWN
        assert "Sent Fri 27 Nov 2026, 01:15; waiting" in screen_text(pilot.app)


async def test_the_card_and_the_contact_list_name_the_local_day(run_app, meeting_id, screen_text):
    async with run_app() as pilot:
        pilot.app.push_screen(SearchScreen())
        await pilot.pause()
        await pilot.pause()
        await pilot.press(*"okafor", "enter")  # the one hit opens
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactCard)
        card = str(pilot.app.screen.query_one("#card-text").render())
        assert "Last contact: Fri 27 Nov 2026, 01:15" in card

        pilot.app.pop_screen()
        pilot.app.pop_screen()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "Last contact: Fri 27 Nov" in screen_text(pilot.app)
