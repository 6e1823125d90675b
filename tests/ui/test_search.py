"""The search screen: type words, see where each hit is, open it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoview_tui.dialogs.contact_card import ContactCard
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    Interview,
    InterviewStatus,
    Note,
    Organization,
)
from infoview_tui.screens.followups.queue import QueueScreen
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.people.contacts import ContactsScreen
from infoview_tui.screens.plan.screen import PlanScreen
from infoview_tui.screens.prepare.employer_card import EmployerCardScreen
from infoview_tui.screens.search import SearchScreen
from infoview_tui.store.store import Store

from .conftest import NOW, shown


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    cedar = store.organizations.save(Organization(name="Cedar Valley Clinic"))
    jose = store.contacts.save(
        Contact(name="José Álvarez", job_title="Research nurse", organization_id=cedar.id)
    )
    plan = store.interviews.save(
        Interview(
            contact_id=jose.id, status=InterviewStatus.SCHEDULED, when=NOW + timedelta(days=2),
            notes=[Note("Ask about the night rota", elapsed=0)],
        )
    )  # fmt: skip
    item = store.followups.save(FollowUp(title="Send José the rota article", due=NOW.date()))
    return {"cedar": cedar.id, "jose": jose.id, "plan": plan.id, "item": item.id}  # type: ignore[dict-item]


async def open_search(pilot) -> SearchScreen:
    pilot.app.push_screen(SearchScreen())
    screen = await shown(pilot, SearchScreen)
    assert isinstance(screen, SearchScreen)
    return screen


async def test_accents_ignored_hits_say_where_and_enter_opens_a_contact(run_app, ids, screen_text):
    async with run_app() as pilot:
        await open_search(pilot)
        await pilot.press(*"jose")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "2 matches." in text
        assert "José Álvarez" in text and "name" in text and "follow-up" in text
        await pilot.press("enter")  # to the results; the first is the name match
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactCard)
        card = str(pilot.app.screen.query_one("#card-text").render())
        assert "Research nurse" in card and "Cedar Valley Clinic" in card


async def test_a_single_hit_opens_on_enter_meetings_on_their_plan(run_app, ids):
    async with run_app() as pilot:
        await open_search(pilot)
        await pilot.press(*"night rota", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlanScreen)


async def test_employers_and_follow_ups_open_where_they_live(run_app, ids):
    async with run_app() as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"valley clinic")
        await pilot.pause()
        assert [h.kind.value for h in screen.hits] == ["employer", "contact"]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EmployerCardScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash", *[" "], "ctrl+u")  # back to the words, clear them
        await pilot.press(*"article", "enter")
        await pilot.pause()
        await pilot.pause()
        queue = pilot.app.screen
        assert isinstance(queue, QueueScreen)
        assert queue.current is not None and queue.current.id == ids["item"]


async def test_nothing_found_says_so_and_one_escape_leaves(run_app, ids, screen_text):
    async with run_app() as pilot:
        await open_search(pilot)
        await pilot.press(*"zebra")
        await pilot.pause()
        assert "Nothing matches every word" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        await pilot.press("c")  # the next key is a command again, not typed into the box
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)
