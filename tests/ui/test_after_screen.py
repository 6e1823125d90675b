"""The after-meeting screen, driven with keys at 80×24; each test checks what reached the file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from infoview_tui.domain import after
from infoview_tui.domain.records import (
    CanMeet,
    Capture,
    CaptureKind,
    Contact,
    Decision,
    Demand,
    DemandKind,
    FollowUpKind,
    FoundThrough,
    Interview,
    InterviewStatus,
    Note,
    Occupation,
    Organization,
    Profile,
    Session,
)
from infoview_tui.screens.after.screen import AfterScreen

from .conftest import shown

# The conftest clock: Wednesday 25 November 2026, 09:00 UTC. The meeting ended an hour ago.


@pytest.fixture
def ids(store, clock):
    """A finished meeting with notes and captures, and its thank-you item; their ids."""
    now = clock.now()
    store.save_profile(Profile(name="Sam Rivera"))
    harbour = store.organizations.save(Organization(name="Harbour Health", rank=1))
    occ = store.occupations.save(
        Occupation(
            title="UX researcher",
            perceptions="Quiet analysis, flexible hours.",
            demands=[Demand(DemandKind.SCHEDULE, "Travel to client sites")],
        )
    )
    ada = store.contacts.save(Contact(name="Ada Okafor", organization_id=harbour.id))
    iv = store.interviews.save(
        Interview(
            contact_id=ada.id,
            organization_id=harbour.id,
            occupation_id=occ.id,
            status=InterviewStatus.DONE,
            session=Session(started=now - timedelta(minutes=75), ended=now - timedelta(hours=1)),
            notes=[Note("Most research is remote now"), Note("They hire from bootcamps")],
            captures=[
                Capture(
                    CaptureKind.REFERRAL, "Ben Li", organization="City Clinic", may_use_name=True
                ),
                Capture(CaptureKind.LEAD, "Northwind Labs"),
                Capture(CaptureKind.JOB_TITLE, "Research ops"),
                Capture(CaptureKind.REFERRAL, "Cara Diaz", organization="harbour health"),
            ],
        )
    )
    thanks = store.followups.save(after.thank_you_item(iv, ada, now - timedelta(hours=1), []))
    return {"iv": iv.id, "ada": ada.id, "occ": occ.id, "harbour": harbour.id, "thanks": thanks.id}


async def open_after(pilot, interview_id: int) -> AfterScreen:
    screen = AfterScreen(interview_id)
    pilot.app.push_screen(screen)
    await shown(pilot, screen)
    return screen


async def test_thank_you_pick_edit_export_and_mark_sent(
    run_app, ids, store, reopen, clock, data_path
):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        draft = screen.query_one("#draft")
        assert "Dear Ada," in draft.text and "Ben Li and Cara Diaz" in draft.text
        await pilot.press("down", "enter")  # the second note is the thing learned
        await pilot.pause()
        assert "They hire from bootcamps" in draft.text
        await pilot.press("tab", "tab", "pagedown", "pagedown", "pagedown", "end", *" Bye")
        await pilot.pause()  # the autosave (no delay in tests)
        store.flush()
        saved = reopen().interviews.get(ids["iv"]).reflection
        assert saved.learned == "They hire from bootcamps"
        assert saved.thank_you.endswith("Sam Rivera Bye")

        await pilot.press("ctrl+s")
        await pilot.pause()
        exported = data_path.parent / "thank-you-ada-okafor-2026-11-25.txt"
        assert exported.read_text(encoding="utf-8") == saved.thank_you + "\n"
        assert str(exported) in str(screen.query_one("#thanks-status").render())

        await pilot.press("ctrl+o")
        await pilot.pause()
        assert pilot.app.clipboard == saved.thank_you

        clock.advance(minutes=5)
        await pilot.press("ctrl+t")
        await pilot.pause()
        store.flush()
        disk = reopen()
        assert disk.followups.get(ids["thanks"]).done == clock.now()
        assert disk.contacts.get(ids["ada"]).last_contact == clock.now()
        assert "Sent Wed 25 Nov" in str(screen.query_one("#thanks-status").render())
        await pilot.press("ctrl+t")  # a second press changes nothing
        await pilot.pause()
        assert len(reopen().followups.all()) == 1


async def test_reflection_is_saved_as_typed_and_next_step_becomes_a_follow_up(
    run_app, ids, store, reopen, screen_text
):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("2")  # reflection: focus on the interests rating
        await pilot.pause()
        assert "Quiet analysis, flexible hours." in screen_text(pilot.app)
        await pilot.press("enter", "down", "down", "down", "enter")  # rating 3... of 5
        await pilot.press("tab", *"Curious")
        await pilot.pause()
        store.flush()
        saved = reopen().interviews.get(ids["iv"]).reflection
        assert saved.interests_fit in (3, 4)  # the menu opens on the blank entry or the first
        assert saved.interests == "Curious"
        # The occupation's demands were copied in on the first edit.
        assert [d.text for d in saved.demands] == ["Travel to client sites"]

        screen.query_one("#reality").focus()
        await pilot.press(*"Busy")
        screen.query_one("#demands").focus()
        await pilot.press("space", "space")  # ? -> can -> with accommodation
        await pilot.press("a", *"Long days", "enter")
        await pilot.pause()
        screen.query_one("#steps").focus()
        await pilot.press("a", *"Email Ben", "enter")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("escape")  # leaves the screen: everything kept
        await pilot.pause()
        assert not isinstance(pilot.app.screen, AfterScreen)
        store.flush()
        disk = reopen()
        saved = disk.interviews.get(ids["iv"]).reflection
        assert saved.reality == "Busy"
        assert [(d.text, d.can_meet) for d in saved.demands] == [
            ("Travel to client sites", CanMeet.WITH_ACCOMMODATION),
            ("Long days", CanMeet.UNKNOWN),
        ]
        assert saved.next_steps == ["Email Ben"]
        steps = [f for f in disk.followups.all() if f.kind is FollowUpKind.NEXT_STEP]
        assert [(f.title, f.due, f.interview_id) for f in steps] == [
            ("Email Ben", date(2026, 12, 2), ids["iv"])
        ]


async def test_decision_is_saved(run_app, ids, store, reopen):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("2")
        screen.query_one("#decision").focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        store.flush()
        decision = reopen().interviews.get(ids["iv"]).reflection.decision
        assert decision in (Decision.PURSUE, Decision.MAYBE)


async def test_leads_become_contacts_employers_and_keywords(run_app, ids, store, reopen, clock):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("enter")  # Ben Li: a new contact at a new employer
        await pilot.press("down", "enter")  # Northwind Labs: a new employer
        await pilot.press("down", "enter")  # Research ops: a keyword
        await pilot.press("down", "enter")  # Cara Diaz: at an employer already listed
        await pilot.pause()
        await pilot.press("up", "up", "up", "enter")  # Ben again: already done, nothing new
        await pilot.pause()
        assert "Research ops" in str(screen.query_one("#keywords").render())
        store.flush()
        disk = reopen()
        people = {c.name: c for c in disk.contacts.all()}
        assert set(people) == {"Ada Okafor", "Ben Li", "Cara Diaz"}
        ben, cara = people["Ben Li"], people["Cara Diaz"]
        assert ben.introduced_by_id == ids["ada"] and ben.may_use_name is True
        assert ben.found_through is FoundThrough.REFERRAL
        assert cara.introduced_by_id == ids["ada"] and cara.may_use_name is False
        orgs = {o.name: o for o in disk.organizations.all()}
        assert set(orgs) == {"Harbour Health", "City Clinic", "Northwind Labs"}
        assert ben.organization_id == orgs["City Clinic"].id
        assert cara.organization_id == ids["harbour"]  # linked, not duplicated
        assert (orgs["Northwind Labs"].rank, orgs["Northwind Labs"].hires) == (None, True)
        assert orgs["Northwind Labs"].why == "suggested by Ada Okafor"
        reach = sorted(
            (f.title, f.due, f.reason)
            for f in disk.followups.all()
            if f.kind is FollowUpKind.REACH_OUT
        )
        assert reach == [
            ("Reach out to Ben Li", date(2026, 11, 27),
             "referred by Ada Okafor in the meeting on Wed 25 Nov 2026"),
            ("Reach out to Cara Diaz", date(2026, 11, 27),
             "referred by Ada Okafor in the meeting on Wed 25 Nov 2026"),
        ]  # fmt: skip
        assert disk.occupations.get(ids["occ"]).keywords == ["Research ops"]
        captures = disk.interviews.get(ids["iv"]).captures
        assert all(c.handled for c in captures)


async def test_a_referral_with_a_known_name_asks_before_adding_another(run_app, ids, store, reopen):
    store.contacts.save(Contact(name="ben li"))
    async with run_app() as pilot:
        await open_after(pilot, ids["iv"])
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # no: nothing added, still to do
        await pilot.pause()
        store.flush()
        disk = reopen()
        assert len(disk.contacts.all()) == 2
        assert disk.interviews.get(ids["iv"]).captures[0].handled is False


async def test_cadence_creates_the_next_check_in_and_logging_moves_it(
    run_app, ids, store, reopen, clock
):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("4")  # focus on the cadence choices, "None" chosen
        await pilot.pause()
        await pilot.press("down", "enter")  # monthly
        await pilot.pause()
        store.flush()
        disk = reopen()
        assert disk.contacts.get(ids["ada"]).cadence_days == 30
        (item,) = [f for f in disk.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH]
        assert item.due == date(2026, 12, 25) and item.is_open

        clock.advance(days=10)
        await pilot.press("i")  # we talked
        await pilot.pause()
        store.flush()
        disk = reopen()
        assert disk.contacts.get(ids["ada"]).last_contact == clock.now()
        moved = disk.followups.get(item.id)
        assert moved.due == date(2027, 1, 5) and moved.is_open
        assert len([f for f in disk.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH]) == 1
        assert "Tue 5 Jan 2027" in str(screen.query_one("#touch-next").render())

        screen.query_one("#custom-days").focus()
        await pilot.press(*"abc")
        await pilot.pause()
        assert "number of days" in str(screen.query_one("#custom-error").render())
        await pilot.press("backspace", "backspace", "backspace", *"14")
        await pilot.pause()
        store.flush()
        disk = reopen()
        assert disk.contacts.get(ids["ada"]).cadence_days == 14
        assert disk.followups.get(item.id).due == date(2026, 12, 19)

        await pilot.press("escape")  # leave the field
        await pilot.press("4", "up", "up", "up", "up", "enter")  # "None" closes the check-in
        await pilot.pause()
        store.flush()
        assert reopen().followups.get(item.id).done == clock.now()


async def test_on_the_spot_meeting_without_occupation_or_notes(
    run_app, store, reopen, clock, screen_text
):
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    iv = store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.DONE, on_the_spot=True,
                  session=Session(started=clock.now(), ended=clock.now()))
    )  # fmt: skip
    async with run_app() as pilot:
        screen = await open_after(pilot, iv.id)
        assert screen.focused is screen.query_one("#learned")  # no notes to pick from
        await pilot.press("escape", "escape")  # out of the field, then off the screen, no edits
        await pilot.pause()
        store.flush()
        assert reopen().interviews.get(iv.id).reflection is None  # looking is not editing

        screen = await open_after(pilot, iv.id)
        await pilot.press("escape", "2")  # out of the "learned" field, then part 2
        await pilot.pause()
        assert "no occupation" in screen_text(pilot.app)
        screen.query_one("#reality").focus()
        await pilot.press(*"Calm")
        screen.query_one("#demands").focus()
        await pilot.press("a", *"Standing", "enter", "space")
        await pilot.pause()
        screen.query_one("#training").focus()
        await pilot.press(*"Course")  # then straight out, before the half-second save
        pilot.app.pop_screen()  # however the screen goes, what was typed is kept
        await pilot.pause()
        store.flush()
        saved = reopen().interviews.get(iv.id).reflection
        assert saved.reality == "Calm"
        assert [(d.text, d.can_meet) for d in saved.demands] == [("Standing", CanMeet.YES)]
        assert saved.training == "Course"


async def test_fits_80_by_24_and_shows_user_text_literally(run_app, store, clock, screen_text):
    ada = store.contacts.save(Contact(name="[b]Ada[/b]"))
    iv = store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.DONE,
                  session=Session(started=clock.now(), ended=clock.now()),
                  notes=[Note("[red]loud[/red] open plan")],
                  captures=[Capture(CaptureKind.LEAD, "[i]Acme[/i]")])
    )  # fmt: skip
    async with run_app() as pilot:
        await open_after(pilot, iv.id)
        text = screen_text(pilot.app)
        assert "[red]loud[/red] open plan" in text
        assert "Dear [b]Ada[/b]," in text
        for part in ("Thank-you", "Reflection", "Leads", "Stay in touch", "Copy", "Sent", "Back"):
            assert part in text
        await pilot.press("3")
        await pilot.pause()
        assert "[i]Acme[/i]" in screen_text(pilot.app)
