"""The plan screen, driven from the keyboard: what is typed reaches the file, across a restart.

The clock (conftest) is Wednesday 25 November 2026, 09:00 UTC.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual import events
from textual.widgets import TabbedContent, TextArea

from infoview_tui.domain.question_bank import builtin_questions
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
    Profile,
)
from infoview_tui.launch import build_app
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.plan.screen import PlanScreen
from infoview_tui.store.store import Store

from .conftest import NOW, record_notifications
from .conftest import shown as on_top

INTRO = " ".join(["word"] * 50)  # 20 seconds


@pytest.fixture
def meeting_id(store: Store) -> int:
    store.save_profile(Profile(name="Maya Lindgren", introduction=INTRO))
    store.occupations.save(Occupation(title="Clinical research coordinator", current=True))
    org = store.organizations.save(Organization(name="Cedar Valley", culture="Calm, careful."))
    gord = store.contacts.save(Contact(name="Gord McAllister"))
    kevin = store.contacts.save(
        Contact(
            name="Kevin Liu", organization_id=org.id, introduced_by_id=gord.id, may_use_name=True
        )
    )
    store.contacts.save(Contact(name="Lucy Park", organization_id=org.id))
    meeting = store.interviews.save(
        Interview(contact_id=kevin.id, organization_id=org.id, created=NOW)
    )
    return meeting.id  # type: ignore[return-value]


async def open_plan(pilot, meeting_id: int) -> PlanScreen:
    pilot.app.push_screen(PlanScreen(meeting_id))
    screen = await on_top(pilot, PlanScreen)
    assert isinstance(screen, PlanScreen)
    return screen


async def open_when(pilot, meeting_id: int) -> PlanScreen:
    """The plan, on its Schedule section, with the cursor in When."""
    screen = await open_plan(pilot, meeting_id)
    await section(pilot, "schedule")
    screen.query_one("#when").focus()
    return screen


async def section(pilot, name: str) -> None:
    pilot.app.screen.query_one(TabbedContent).active = name
    await pilot.pause()


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def paste(pilot, text: str) -> None:
    """Text arriving as a terminal delivers a paste: to the focused widget (quicker than keys)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def until(pilot, condition, turns: int = 250) -> None:
    """Let the app run, one idle turn at a time, until `condition()` holds: a repaint timer
    ticks when the loop gets to it, later on a loaded machine. Fails after `turns` turns."""
    for _ in range(turns):
        if condition():
            return
        await pilot.pause()
    assert condition()


async def leave(pilot) -> None:
    """Escape to the section tabs, then escape out of the screen."""
    for _ in range(3):
        if isinstance(pilot.app.screen, PlanScreen):
            await pilot.press("escape")
            await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_opening_drafts_the_request_and_seeds_the_bank(run_app, store, reopen, meeting_id):
    async with run_app() as pilot:
        await open_plan(pilot, meeting_id)
        assert "✗ Request" in shown(pilot.app, "#checklist")
        assert "✓ Intro" in shown(pilot.app, "#checklist")
        assert "5 of 5 met" in shown(pilot.app, "#email-checks")
        await leave(pilot)
        store.flush()
        saved = reopen().interviews.get(meeting_id)
        assert saved.request.email.startswith("Subject: Gord McAllister suggested I write")
        assert "Hi Kevin," in saved.request.email
        assert "Gord McAllister gave me your name." in saved.request.phone_script
        assert saved.place == "their workplace: Cedar Valley"
        assert saved.occupation_id is not None  # the current occupation
        assert [q.text for q in reopen().questions.all()] == [q.text for q in builtin_questions()]


async def test_the_bank_is_seeded_only_once(run_app, store, meeting_id):
    async with run_app() as pilot:
        await open_plan(pilot, meeting_id)
        await leave(pilot)
        await open_plan(pilot, meeting_id)
        assert len(store.questions) == len(builtin_questions())


async def test_typed_email_is_checked_live_and_reaches_the_file(run_app, store, reopen, meeting_id):
    async with run_app() as pilot:
        screen = await open_plan(pilot, meeting_id)
        area = screen.query_one("#email-text", TextArea)
        area.focus()
        await pilot.press("f7", *"Do you have")  # f7 selects all; typing replaces it
        await paste(pilot, " any openings? I want a job.")
        checks = shown(pilot.app, "#email-checks")
        assert "✗ Advice, never a job" in checks
        assert 'Sounds like a job request: "any openings"' in checks
        assert "✗ Connection first" in checks
        await pilot.press("end", "space", "Z", "o")
        await paste(pilot, "ë says hi [b]x[/b]")
        await leave(pilot)
        store.flush()
        saved = reopen().interviews.get(meeting_id).request.email
        assert saved == "Do you have any openings? I want a job. Zoë says hi [b]x[/b]"


async def test_sent_creates_follow_ups_and_a_reply_closes_them(
    run_app, store, reopen, clock, meeting_id
):
    async with run_app() as pilot:
        await open_plan(pilot, meeting_id)
        await pilot.press("ctrl+t")
        await pilot.pause()
        store.flush()
        saved = reopen()
        meeting = saved.interviews.get(meeting_id)
        assert meeting.status == InterviewStatus.REQUESTED
        assert meeting.request.sent == NOW
        items = sorted(saved.followups.all(), key=lambda f: f.due)
        assert [(f.kind, f.due) for f in items] == [
            (FollowUpKind.ANOTHER_CONTACT, date(2026, 11, 30)),  # Wed + 3 business days
            (FollowUpKind.NUDGE, date(2026, 12, 4)),  # Wed + 7
        ]
        lucy = next(c for c in saved.contacts.all() if c.name == "Lucy Park")
        assert items[0].contact_id == lucy.id and items[0].title.endswith("Write to Lucy Park")
        assert "Sent Wed 25 Nov 2026, 09:00" in shown(pilot.app, ".request-status")

        clock.advance(hours=26)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert pilot.app.screen.query_one(TabbedContent).active == "schedule"  # date next
        store.flush()
        saved = reopen()
        meeting = saved.interviews.get(meeting_id)
        assert meeting.status == InterviewStatus.SCHEDULED
        assert (meeting.request.reply, meeting.request.reply_at) == ("accepted", clock.now())
        assert all(f.done == clock.now() for f in saved.followups.all())


async def test_a_decline_is_recorded(run_app, store, reopen, meeting_id):
    store.followups.save(FollowUp(kind=FollowUpKind.THANK_YOU, interview_id=meeting_id))
    async with run_app() as pilot:
        await open_plan(pilot, meeting_id)
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+n")
        await pilot.pause()
        store.flush()
        saved = reopen()
        assert saved.interviews.get(meeting_id).status == InterviewStatus.DECLINED
        kinds = {f.kind: f.is_open for f in saved.followups.all()}
        assert kinds == {
            FollowUpKind.THANK_YOU: True,  # not a request follow-up: left alone
            FollowUpKind.ANOTHER_CONTACT: False,
            FollowUpKind.NUDGE: False,
        }


async def test_introduction_estimate_and_rehearsal_stopwatch(
    run_app, store, reopen, clock, meeting_id
):
    async with run_app() as pilot:
        screen = await open_plan(pilot, meeting_id)
        await section(pilot, "intro-tab")
        area = screen.query_one("#intro", TextArea)
        area.focus()
        await pilot.press("f7", "H", "i")
        await paste(pilot, ", I'm Maya. I ran a clinic.")
        assert "7 words ≈ 3 s: 12 s short of 15 s" in shown(pilot.app, "#intro-estimate")
        assert "✗ Intro" in shown(pilot.app, "#checklist")

        await pilot.press("ctrl+f")
        clock.advance(seconds=12.3)
        # The next repaint shows the time from the clock, whenever that repaint comes.
        await until(pilot, lambda: "12.3 s" in shown(pilot.app, "#stopwatch"))
        clock.advance(seconds=9.9)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "22 s: inside 15–30 s. Good." in shown(pilot.app, "#stopwatch")
        await pilot.press("ctrl+f")
        clock.advance(seconds=41)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "41 s: 11 s over 30 s" in shown(pilot.app, "#stopwatch")
        await leave(pilot)
        store.flush()
        assert reopen().profile().introduction == "Hi, I'm Maya. I ran a clinic."
        assert reopen().profile().name == "Maya Lindgren"  # the rest of the profile kept


async def test_questions_pick_order_add_and_count(run_app, store, reopen, meeting_id):
    async with run_app() as pilot:
        screen = await open_plan(pilot, meeting_id)
        await section(pilot, "questions")
        screen.query_one("#bank").focus()
        await pilot.pause()
        await pilot.press("space", "down", "space")
        await pilot.pause()
        assert "2 questions planned: pick at least 3" in shown(pilot.app, "#plan-count")
        await pilot.press("down", "enter")  # enter picks too
        await pilot.pause()
        assert "3 questions planned: a good number" in shown(pilot.app, "#plan-count")
        await pilot.press("shift+up")  # the third question moves up to second
        await pilot.press("a")
        await paste(pilot, "Ça va, the commute?")
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("up", "space")
        await pilot.pause()
        assert "7 questions planned: too many for 15 minutes" in shown(pilot.app, "#plan-count")
        screen.query_one("#planned").focus()
        await pilot.press("end", "space")  # in the plan list, space takes one out
        await pilot.pause()
        await leave(pilot)
        store.flush()
        saved = reopen()
        bank = {q.id: q for q in saved.questions.all()}
        plan = saved.interviews.get(meeting_id).questions
        builtin = builtin_questions()
        assert [p.text for p in plan[:4]] == [
            builtin[0].text, builtin[2].text, builtin[1].text, "Ça va, the commute?"
        ]  # fmt: skip
        assert len(plan) == 6
        assert all(bank[p.question_id].text == p.text for p in plan)
        assert bank[plan[3].question_id].source == "own"


async def test_schedule_reads_dates_as_typed_and_refuses_bad_ones(
    run_app, store, reopen, meeting_id
):
    async with run_app() as pilot:
        screen = await open_when(pilot, meeting_id)
        await pilot.press(*"Thu 2pm")
        await pilot.pause()
        assert "→ Thu 26 Nov 2026, 14:00" in shown(pilot.app, "#when-preview")
        store.flush()
        assert reopen().interviews.get(meeting_id).when is None  # shown, not yet kept
        await pilot.press("enter")
        await pilot.pause()
        store.flush()
        kept = reopen().interviews.get(meeting_id)
        assert kept.when == datetime(2026, 11, 26, 14, 0, tzinfo=NOW.tzinfo)
        assert kept.status == InterviewStatus.SCHEDULED

        when = screen.query_one("#when")
        for text, message in (
            ("2026-11-20 10:00", "Fri 20 Nov 2026, 10:00 has already passed"),
            ("blah", "Not sure what 'blah' means"),
            ("10:3000000000000000000000000000000", "is not a time of day"),
        ):
            when.value = ""
            await paste(pilot, text)
            await pilot.press("enter")
            await pilot.pause()
            assert message in shown(pilot.app, "#when-preview")
            store.flush()
            assert reopen().interviews.get(meeting_id).when == kept.when  # nothing half-way

        screen.query_one("#minutes").value = ""
        screen.query_one("#minutes").focus()
        await pilot.press(*"abc")
        await pilot.pause()
        assert "Type the planned length in minutes" in shown(pilot.app, "#minutes-error")
        screen.query_one("#minutes").value = ""
        await pilot.press(*"20")
        screen.query_one("#place").focus()
        await pilot.press("end")
        await paste(pilot, ", 3rd floor")
        await leave(pilot)
        store.flush()
        saved = reopen().interviews.get(meeting_id)
        assert saved.minutes == 20
        assert saved.place == "their workplace: Cedar Valley, 3rd floor"
        assert saved.when == kept.when


async def test_the_preview_never_promises_what_enter_refuses(run_app, store, reopen, meeting_id):
    async with run_app() as pilot:
        screen = await open_when(pilot, meeting_id)
        for typed, said in (
            ("2026-11-20 10:00", "Fri 20 Nov 2026, 10:00 has already passed"),
            ("thu", "Thu 26 Nov 2026: at what time?"),  # a day alone is not 09:00
            ("today", "Wed 25 Nov 2026: at what time?"),
        ):
            screen.query_one("#when").value = ""
            await pilot.press(*typed)
            await pilot.pause()
            before = shown(pilot.app, "#when-preview")
            assert said in before and "enter keeps it" not in before
            await pilot.press("enter")
            await pilot.pause()
            assert said in shown(pilot.app, "#when-preview")
            store.flush()
            assert reopen().interviews.get(meeting_id).when is None


async def test_what_the_reader_assumed_is_shown_before_enter(run_app, store, reopen, meeting_id):
    async with run_app() as pilot:
        await open_when(pilot, meeting_id)
        await pilot.press(*"fri at 2")
        await pilot.pause()
        preview = shown(pilot.app, "#when-preview")
        assert "→ Fri 27 Nov 2026, 14:00" in preview
        assert "Read 2 as 14:00; for the other, type 2am." in preview
        await pilot.press("enter")
        await pilot.pause()
        store.flush()
        assert reopen().interviews.get(meeting_id).when == datetime(
            2026, 11, 27, 14, tzinfo=NOW.tzinfo
        )


async def test_leaving_with_an_unreadable_date_says_the_old_one_was_kept(
    run_app, store, reopen, meeting_id
):
    async with run_app() as pilot:
        screen = await open_when(pilot, meeting_id)
        await pilot.press(*"thu 2pm", "enter")
        await pilot.pause()
        screen.query_one("#when").value = ""
        await pilot.press(*"thurdsay 3pm")
        said = record_notifications(pilot.app)
        await leave(pilot)
        assert not isinstance(pilot.app.screen, PlanScreen)
        assert any(
            "'thurdsay 3pm' could not be kept, so the meeting keeps Thu 26 Nov 2026, 14:00" in m
            for m in said
        ), said
        store.flush()
        assert reopen().interviews.get(meeting_id).when == datetime(
            2026, 11, 26, 14, tzinfo=NOW.tzinfo
        )


async def test_quitting_with_an_unreadable_date_asks_first(run_app, store, reopen, meeting_id):
    """ctrl+q with "blah 3pm" in When: the person is told the meeting keeps its old date
    before the app closes, and can go back to fix it."""
    from infoview_tui.dialogs.confirm import ConfirmScreen

    async with run_app() as pilot:
        screen = await open_when(pilot, meeting_id)
        await pilot.press(*"thu 2pm", "enter")
        await pilot.pause()
        screen.query_one("#when").value = ""
        await pilot.press(*"blah 3pm", "ctrl+q")
        await pilot.pause()
        asked = pilot.app.screen
        assert isinstance(asked, ConfirmScreen) and not pilot.app.exiting
        text = str(asked.query_one("#confirm-message").render())
        assert "The date 'blah 3pm' could not be kept" in text
        assert "the meeting keeps Thu 26 Nov 2026, 14:00" in text
        assert "Quit anyway" in str(asked.query_one("#confirm-keys").render())

        await pilot.press("n")  # go back: to the date, to fix it
        await pilot.pause()
        assert pilot.app.screen is screen and not pilot.app.exiting
        assert screen.focused is screen.query_one("#when")

        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.exiting
    store.flush()
    assert reopen().interviews.get(meeting_id).when == datetime(2026, 11, 26, 14, tzinfo=NOW.tzinfo)


async def test_quitting_with_a_good_date_typed_asks_nothing(run_app, store, reopen, meeting_id):
    async with run_app() as pilot:
        await open_when(pilot, meeting_id)
        await pilot.press(*"thu 2pm", "ctrl+q")
        await pilot.pause()
        assert pilot.app.exiting
    store.flush()
    assert reopen().interviews.get(meeting_id).when == datetime(2026, 11, 26, 14, tzinfo=NOW.tzinfo)


async def test_day_first_setting_reads_3_12(run_app, store, reopen, meeting_id):
    store.save_profile(Profile(day_first=False))
    async with run_app() as pilot:
        await open_when(pilot, meeting_id)
        await pilot.press(*"3/12 10am", "tab")  # leaving the field keeps a good date
        await pilot.pause()
        store.flush()
        when = reopen().interviews.get(meeting_id).when
        assert (when.month, when.day, when.hour) == (3, 12, 10)
        assert when.year == 2027


async def test_everything_is_there_after_a_restart(data_path, store, clock, meeting_id):
    app = build_app(clock, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = await open_plan(pilot, meeting_id)
        screen.query_one("#email-text").focus()
        await pilot.press("f7")
        await paste(pilot, "Gord suggested I write. Could we talk for 15 minutes?")
        await section(pilot, "schedule")
        screen.query_one("#when").focus()
        await pilot.press(*"tomorrow 10:30")
        # Quit without leaving the field: the date is kept on the way out.
        await pilot.press("ctrl+q")
        await pilot.pause()

    again = Store.open(data_path, clock)
    app = build_app(clock, store=again)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = await open_plan(pilot, meeting_id)
        email = screen.query_one("#email-text", TextArea).text
        assert email == "Gord suggested I write. Could we talk for 15 minutes?"
        assert screen.query_one("#when").value == "Thu 26 Nov 2026, 10:30"
        assert "✓ Date" in shown(pilot.app, "#checklist")


async def test_it_fits_80x24(run_app, meeting_id, screen_text):
    async with run_app() as pilot:
        await open_plan(pilot, meeting_id)
        text = screen_text(pilot.app)
        assert "✓ Occupation ✓ Research ✓ Contact ✗ Request ✓ Intro ✗ Questions ✗ Date" in text
        assert "Email  Phone  Introduction  Questions  Schedule" in text
        assert "^t Sent" in text  # the request keys are in the footer
