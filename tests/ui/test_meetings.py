"""The meetings list: every meeting, a new one from a contact's name, delete with a question."""

from __future__ import annotations

from datetime import timedelta

import pytest

from infoview_tui.dialogs.choose_contact import ChooseContact
from infoview_tui.dialogs.contact_picker import ContactPicker
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
)
from infoview_tui.screens.plan.meetings import MeetingsScreen
from infoview_tui.screens.plan.screen import PlanScreen
from infoview_tui.store.store import Store

from .conftest import NOW, shown


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    occupation = store.occupations.save(Occupation(title="Lab technician", current=True))
    cedar = store.organizations.save(Organization(name="Cedar Valley"))
    kevin = store.contacts.save(Contact(name="Kevin Liu", organization_id=cedar.id))
    store.contacts.save(Contact(name="Sam Lee"))
    store.contacts.save(Contact(name="Sam Lee", organization_id=cedar.id))
    done = store.interviews.save(
        Interview(
            contact_id=kevin.id, organization_id=cedar.id, status=InterviewStatus.DONE,
            when=NOW - timedelta(days=20),
        )
    )  # fmt: skip
    soon = store.interviews.save(
        Interview(
            contact_id=kevin.id, organization_id=cedar.id, status=InterviewStatus.SCHEDULED,
            when=NOW + timedelta(days=1, hours=5),
        )
    )  # fmt: skip
    store.followups.save(FollowUp(kind=FollowUpKind.NUDGE, interview_id=soon.id))
    store.followups.save(FollowUp(kind=FollowUpKind.THANK_YOU, interview_id=soon.id, done=NOW))
    return {
        "kevin": kevin.id, "cedar": cedar.id, "done": done.id, "soon": soon.id,
        "occupation": occupation.id,
    }  # fmt: skip


async def open_meetings(pilot) -> MeetingsScreen:
    pilot.app.push_screen(MeetingsScreen())
    screen = await shown(pilot, MeetingsScreen)
    assert isinstance(screen, MeetingsScreen)
    return screen


async def test_lists_every_meeting_ahead_first(run_app, ids, screen_text):
    async with run_app() as pilot:
        screen = await open_meetings(pilot)
        assert screen.table.row_ids == [ids["soon"], ids["done"]]
        text = screen_text(pilot.app)
        assert "Thu 26 Nov 2026, 14:00" in text and "scheduled" in text
        assert "Kevin Liu" in text and "Cedar Valley" in text
        assert "Prep " in text and "New meeting" in text


async def test_new_meeting_from_a_contact_name(run_app, store, reopen, ids):
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactPicker)
        await pilot.press(*"kev", "right", "enter")  # → takes the suggestion
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlanScreen)
        await pilot.press("escape")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MeetingsScreen)
        assert len(screen.table.row_ids) == 3
        store.flush()
        new = [iv for iv in reopen().interviews.all() if iv.id not in (ids["soon"], ids["done"])]
        assert len(new) == 1
        meeting = new[0]
        assert (meeting.contact_id, meeting.organization_id) == (ids["kevin"], ids["cedar"])
        assert meeting.status == InterviewStatus.IDEA
        assert meeting.occupation_id == ids["occupation"]
        assert meeting.place == "their workplace: Cedar Valley"
        assert meeting.minutes == 15 and meeting.created == NOW
        assert "Hi Kevin," in meeting.request.email


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the name of someone in your contacts."),
        ("Nobody Here", "No contact called 'Nobody Here'. Add them under Contacts first."),
        ("zz", "No contact called 'zz'. Add them under Contacts first."),
    ],
)
async def test_picker_says_why_a_name_is_not_taken(run_app, store, ids, typed, message):
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*typed, "enter")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, ContactPicker)
        assert message in str(picker.query_one("#pick-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(store.interviews) == 2  # nothing made


async def test_a_name_typed_without_its_accents_is_found(run_app, store, reopen, ids):
    zoe = store.contacts.save(Contact(name="Zoë Ünal"))
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"zoe  unal", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlanScreen)
        store.flush()
        assert [iv.contact_id for iv in reopen().interviews.all()][-1] == zoe.id


async def test_same_names_are_told_apart_by_employer(run_app, store, ids):
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("a")
        await pilot.pause()
        pilot.app.screen.query_one("#pick-name").value = "sam lee  ·  CEDAR valley"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlanScreen)
        assert len(store.interviews) == 3


async def test_delete_asks_and_removes_open_follow_ups(run_app, store, reopen, ids):
    async with run_app() as pilot:
        screen = await open_meetings(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # kept
        await pilot.pause()
        assert screen.table.row_ids == [ids["soon"], ids["done"]]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.table.row_ids == [ids["done"]]
        store.flush()
        saved = reopen()
        assert saved.interviews.get(ids["soon"]) is None
        assert saved.contacts.get(ids["kevin"]) is not None
        items = saved.followups.all()
        assert [(f.kind, f.interview_id) for f in items] == [(FollowUpKind.THANK_YOU, None)]


async def test_open_plan_with_enter(run_app, ids):
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlanScreen) and screen.interview_id == ids["done"]


async def test_a_name_two_contacts_share_offers_a_choice_told_apart_by_employer(
    run_app, store, reopen, ids, screen_text
):
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"sam lee", "enter")
        await pilot.pause()
        chooser = pilot.app.screen
        assert isinstance(chooser, ChooseContact)  # a choice, not a refusal
        text = screen_text(pilot.app)
        assert "Sam Lee · works at Cedar Valley" in text
        assert "Sam Lee · no job title or employer yet" in text
        await pilot.press("escape")  # back to the name, nothing made
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactPicker)
        assert len(store.interviews) == 2
        await pilot.press("enter")
        await pilot.pause()
        labels = [str(o.prompt) for o in pilot.app.screen.query_one("#choose-list").options]
        await pilot.press(*["down"] * labels.index("Sam Lee · works at Cedar Valley"), "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlanScreen)
        store.flush()
        meeting = reopen().interviews.all()[-1]
        chosen = reopen().contacts.get(meeting.contact_id)
        assert (chosen.name, chosen.organization_id) == ("Sam Lee", ids["cedar"])


async def test_a_first_name_without_accents_is_suggested_and_taken(
    run_app, store, reopen, ids, screen_text
):
    zoe = store.contacts.save(Contact(name="Zoë Ångström"))
    async with run_app() as pilot:
        await open_meetings(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"zoe")
        await pilot.pause()
        assert "zoe Ångström" in screen_text(pilot.app)  # what I typed, then the grey rest
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PlanScreen)
        store.flush()
        assert reopen().interviews.all()[-1].contact_id == zoe.id
