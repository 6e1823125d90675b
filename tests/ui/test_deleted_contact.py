"""A deleted contact leaves their name on the meetings held with them (Interview.contact_name):
every screen that names a meeting's person uses it, never "someone" or "not chosen"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoview_tui.domain.records import (
    Contact,
    Interview,
    InterviewStatus,
    Note,
    Session,
)
from infoview_tui.screens.after.screen import AfterScreen
from infoview_tui.screens.plan.screen import PlanScreen
from infoview_tui.services import people

# The conftest clock: Wednesday 25 November 2026, 09:00 UTC.


@pytest.fixture
def ids(store, clock) -> dict[str, int]:
    now = clock.now()
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    held = store.interviews.save(
        Interview(
            contact_id=ada.id, status=InterviewStatus.DONE, when=now - timedelta(days=1),
            session=Session(started=now - timedelta(days=1), ended=now - timedelta(hours=23)),
            notes=[Note("They hire from bootcamps")],
        )
    )  # fmt: skip
    ahead = store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.SCHEDULED,
                  when=now + timedelta(days=1, hours=5), place="Harbour Health")
    )  # fmt: skip
    people.delete_contact(store, ada.id)
    assert store.interviews.get(held.id).contact_id is None
    return {"held": held.id, "ahead": ahead.id}


async def test_the_after_screen_names_them(run_app, ids):
    async with run_app() as pilot:
        screen = AfterScreen(ids["held"])
        pilot.app.push_screen(screen)
        await pilot.pause()
        assert screen.sub_title.startswith("After the meeting with Ada Okafor")
        assert screen.query_one("#draft").text.startswith("Dear Ada,")
        touch = str(screen.query_one("#touch-info").render())
        assert touch == "Ada Okafor is no longer in your contacts: no rhythm to keep."


async def test_the_plan_names_them_and_does_not_ask_to_choose_someone(run_app, ids):
    async with run_app() as pilot:
        screen = PlanScreen(ids["ahead"])
        pilot.app.push_screen(screen)
        await pilot.pause()
        await pilot.pause()
        assert screen.sub_title.startswith("Plan: Ada Okafor")
        checklist = str(screen.query_one("#checklist").render())
        assert "✓ Contact" in checklist
        assert "Choose who to meet" not in checklist


async def test_home_names_them_for_the_next_meeting(run_app, ids, screen_text):
    async with run_app() as pilot:
        text = screen_text(pilot.app)
        assert "with Ada Okafor" in text
        assert "not yet chosen" not in text


async def test_the_meeting_screen_names_them(run_app, ids):
    from infoview_tui.screens import router

    async with run_app() as pilot:
        router.open_live(pilot.app, ids["ahead"])
        await pilot.pause()
        await pilot.pause()
        assert "With Ada Okafor" in str(pilot.app.screen.query_one("#meet-plan").border_title)
