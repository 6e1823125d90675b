"""Texts the person sends (the request email, the phone script, the thank-you): copied, saved
and signed the same way, on the same keys, in Plan and in After.

The conftest clock: Wednesday 25 November 2026, 09:00 UTC.
"""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest
from textual.widgets import Input, TabbedContent

from infoview_tui.domain import after
from infoview_tui.domain.records import (
    Contact,
    Interview,
    InterviewStatus,
    Note,
    Organization,
    Profile,
    Session,
)
from infoview_tui.screens.after.screen import AfterScreen
from infoview_tui.screens.plan.screen import PlanScreen
from infoview_tui.screens.prepare.me import MeScreen

from .conftest import record_notifications, shown


@pytest.fixture
def plan_id(store, clock) -> int:
    org = store.organizations.save(Organization(name="Cedar Valley"))
    kevin = store.contacts.save(Contact(name="Kevin Liu", organization_id=org.id))
    meeting = store.interviews.save(
        Interview(contact_id=kevin.id, organization_id=org.id, created=clock.now())
    )
    return meeting.id  # type: ignore[return-value]


@pytest.fixture
def held_id(store, clock) -> int:
    now = clock.now()
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id,
            status=InterviewStatus.DONE,
            session=Session(started=now - timedelta(minutes=75), ended=now - timedelta(hours=1)),
            notes=[Note("They hire from bootcamps")],
        )
    )
    store.followups.save(after.thank_you_item(meeting, ada, now - timedelta(hours=1), []))
    return meeting.id  # type: ignore[return-value]


async def open_screen(pilot, screen):
    pilot.app.push_screen(screen)
    await shown(pilot, screen)
    return screen


def keys_for(screen, actions: list[str]) -> dict[str, str]:
    """The key each action is on, as the screen's footer and help list it."""
    found: dict[str, str] = {}
    for key, active in screen.active_bindings.items():
        if active.binding.action in actions:
            found.setdefault(active.binding.action, key)
    return found


async def test_plan_and_after_have_the_same_keys_and_ctrl_s_only_saves(
    run_app, store, reopen, plan_id, held_id
):
    shared = ["copy_text", "save_text", "mark_sent", "redraft", "set_my_name"]
    async with run_app() as pilot:
        plan = await open_screen(pilot, PlanScreen(plan_id))
        plan_keys = keys_for(plan, shared)
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.flush()
        assert reopen().interviews.get(plan_id).request.sent is None  # saved, not "sent"
        plan.dismiss()
        await pilot.pause()
        after_screen = await open_screen(pilot, AfterScreen(held_id))
        assert keys_for(after_screen, shared) == plan_keys
    assert plan_keys == {
        "copy_text": "ctrl+o",
        "save_text": "ctrl+s",
        "mark_sent": "ctrl+t",
        "redraft": "ctrl+r",
        "set_my_name": "ctrl+g",
    }


async def test_the_request_email_and_phone_script_are_copied_and_saved(
    run_app, store, reopen, plan_id, data_path
):
    store.save_profile(Profile(name="Maya Lindgren"))
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        plan = await open_screen(pilot, PlanScreen(plan_id))
        store.flush()
        email = reopen().interviews.get(plan_id).request.email
        assert email.endswith("Maya Lindgren")  # signed with Me's name

        await pilot.press("ctrl+o")
        await pilot.pause()
        assert pilot.app.clipboard == email
        assert "Some terminals block" in said[-1] and str(data_path.parent) in said[-1]

        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = data_path.parent / "request-email-kevin-liu-2026-11-25.txt"
        assert saved.read_text(encoding="utf-8") == email + "\n"
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert str(saved) in said[-1]
        assert str(saved) in str(plan.query_one("#email .request-status").render())

        plan.query_one(TabbedContent).active = "phone"
        await pilot.pause()
        script = reopen().interviews.get(plan_id).request.phone_script
        assert "this is Maya Lindgren" in script
        await pilot.press("ctrl+o", "ctrl+s")
        await pilot.pause()
        assert pilot.app.clipboard == script
        phone = data_path.parent / "phone-script-kevin-liu-2026-11-25.txt"
        assert phone.read_text(encoding="utf-8") == script + "\n"

        await pilot.press("ctrl+t")  # sent, on the key After uses for the thank-you
        await pilot.pause()
        store.flush()
        assert reopen().interviews.get(plan_id).request.sent is not None


async def test_an_unsigned_request_says_so_and_ctrl_g_signs_it(
    run_app, store, reopen, plan_id, screen_text
):
    async with run_app() as pilot:
        plan = await open_screen(pilot, PlanScreen(plan_id))
        assert "Unsigned: Me has no name yet; ctrl+g sets it." in screen_text(pilot.app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        me = pilot.app.screen
        assert isinstance(me, MeScreen)
        assert me.focused is me.query_one("#name", Input)
        await pilot.press(*"Maya Lindgren", "escape")
        await pilot.pause()
        assert pilot.app.screen is plan
        assert "Unsigned" not in screen_text(pilot.app)
        store.flush()
        request = reopen().interviews.get(plan_id).request
        assert request.email.endswith("Thank you for considering it,\nMaya Lindgren")
        assert "this is Maya Lindgren" in request.phone_script


async def test_an_edited_request_is_not_redrafted_when_the_name_is_set(
    run_app, store, reopen, plan_id
):
    async with run_app() as pilot:
        plan = await open_screen(pilot, PlanScreen(plan_id))
        plan.query_one("#email-text").focus()
        await pilot.press(*"My own words. ")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"Maya", "escape")
        await pilot.pause()
        store.flush()
        email = reopen().interviews.get(plan_id).request.email
        assert email.startswith("My own words. Subject:")
        assert email.endswith("Thank you for considering it,")  # not signed over my edit


async def test_an_unsigned_thank_you_says_so_and_ctrl_g_signs_it(
    run_app, store, reopen, held_id, data_path, screen_text
):
    async with run_app() as pilot:
        screen = await open_screen(pilot, AfterScreen(held_id))
        assert "Unsigned: Me has no name yet; ctrl+g sets it." in str(
            screen.query_one("#thanks-status").render()
        )
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeScreen)
        await pilot.press(*"Sam Rivera", "escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        draft = screen.query_one("#draft").text
        assert draft.endswith("With warm thanks,\nSam Rivera")
        assert "Unsigned" not in str(screen.query_one("#thanks-status").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = data_path.parent / "thank-you-ada-okafor-2026-11-25.txt"
        assert saved.read_text(encoding="utf-8") == draft + "\n"
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600


async def test_a_save_that_fails_says_why_and_keeps_the_text(
    run_app, store, reopen, plan_id, data_path
):
    blocker = data_path.parent / "request-email-kevin-liu-2026-11-25.txt"
    blocker.mkdir()  # a folder where the file would go: the rename is refused
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        await open_screen(pilot, PlanScreen(plan_id))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert said[-1].startswith("The request email was not saved:")
        assert blocker.is_dir()
        store.flush()
        assert reopen().interviews.get(plan_id).request.email.startswith("Subject:")
