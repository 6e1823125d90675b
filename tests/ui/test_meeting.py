"""The live meeting screen, driven like a user with a fake clock that the test moves."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.domain.records import (
    CaptureKind,
    Contact,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Organization,
    PlannedQuestion,
)
from infoview_tui.launch import build_app
from infoview_tui.screens.after.screen import AfterScreen
from infoview_tui.screens.meet.screen import MeetingScreen
from infoview_tui.store.store import Store

NOW = datetime(2026, 12, 3, 13, 58, tzinfo=timezone(timedelta(hours=-8)))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "infoview.json"


@pytest.fixture
def meeting_id(path: Path, clock: FakeClock) -> int:
    store = Store.open(path, clock)
    org = store.organizations.save(Organization(name="Harbour Health"))
    ada = store.contacts.save(Contact(name="Ada Okafor", organization_id=org.id))
    iv = store.interviews.save(
        Interview(
            contact_id=ada.id,
            organization_id=org.id,
            status=InterviewStatus.SCHEDULED,
            when=NOW + timedelta(minutes=2),
            questions=[PlannedQuestion(text=t) for t in ("How did you start?", "A typical day?")],
        )
    )
    store.close()
    return iv.id


def reopen(path: Path, clock: FakeClock) -> Store:
    return Store.open(path, clock, readonly=True)


async def open_meeting(path: Path, clock: FakeClock):
    store = Store.open(path, clock)
    app = build_app(clock, store=store)
    return app, store


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def digits(app) -> str:
    return app.screen.query_one("Countdown Digits").value


async def start(pilot, app) -> MeetingScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("m")  # home: open the next scheduled meeting
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    assert digits(app) == "15:00"
    await pilot.press("enter")  # start the clock
    await pilot.pause()
    return screen


async def test_phases_change_at_the_right_moments_from_the_clock(path, clock, meeting_id):
    app, _ = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        assert "on track" in shown(app, "#phase")
        for seconds, phase, big in [
            (90, "on track", "13:30"),
            (12 * 60 + 1, "wrap-up", "02:59"),
            (15 * 60, "time is up", "00:00"),
            (15 * 60 + 30, "time is up", "+00:30"),
            (16 * 60 + 5, "overtime", "+01:05"),
        ]:
            clock.set(NOW + timedelta(seconds=seconds))
            screen.refresh_clock()
            await pilot.pause()
            assert phase in shown(app, "#phase"), seconds
            assert digits(app) == big
    saved = reopen(path, clock).interviews.get(meeting_id)
    assert saved.session.started == NOW and saved.status is InterviewStatus.LIVE


async def test_notes_are_stamped_with_the_time_typing_began_and_the_question(
    path, clock, meeting_id
):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        clock.advance(65)
        await pilot.press(*"Started in a lab")
        await pilot.pause()
        clock.advance(20)  # finished typing 20 s later: the stamp is when the thought began
        await pilot.press("enter")
        await pilot.pause()
        assert "01:05 Started in a lab" in " ".join(
            str(s.render()) for s in screen.query("NotesLog Static")
        )
        await pilot.press("ctrl+n")  # asked: next question
        clock.advance(30)
        await pilot.press(*"[b]not bold[/b] ünïcode")
        await pilot.press("enter")
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
    first, second = saved.notes
    assert (first.text, first.elapsed, first.question) == (
        "Started in a lab",
        65,
        "How did you start?",
    )
    assert second.text == "[b]not bold[/b] ünïcode" and second.question == "A typical day?"
    assert saved.questions[0].asked and saved.session.current == 1


async def test_a_half_typed_note_reaches_the_file_at_a_question_change(path, clock, meeting_id):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, app)
        await pilot.press(*"half a thou")
        await pilot.press("ctrl+g")  # skip: a question change saves at once
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
        assert saved.draft is not None and saved.draft.text == "half a thou"
        assert saved.questions[0].skipped


async def test_pause_banks_time_and_the_clock_stops(path, clock, meeting_id):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        clock.advance(60)
        await pilot.press("escape", "p")  # leave the notes line, pause
        clock.advance(300)
        screen.refresh_clock()
        await pilot.pause()
        assert "PAUSED" in shown(app, "#phase") and digits(app) == "14:00"
        await pilot.press("p")
        clock.advance(30)
        screen.refresh_clock()
        await pilot.pause()
        assert digits(app) == "13:30"
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
    assert saved.session.paused_seconds == 300 and saved.session.paused_at is None


async def test_pace_hint_warns_gently_when_one_question_eats_the_budget(path, clock, meeting_id):
    app, _store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        clock.advance(60)
        screen.refresh_clock()
        await pilot.pause()
        assert "2 left · about 05:30 each" in shown(app, "#pace")
        clock.advance(7 * 60)  # 8 minutes on the first of two questions (budget 6)
        screen.refresh_clock()
        await pilot.pause()
        assert "had its share" in shown(app, "#pace")


async def test_referral_capture_is_listed_and_stored_and_focus_returns_to_notes(
    path, clock, meeting_id
):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        clock.advance(200)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*"Sam Lee", "enter", *"Tidewater Labs", "tab", "space", "enter")
        await pilot.pause()
        assert app.screen is screen and app.screen.focused.id == "note"
        assert "referral:" in " ".join(str(s.render()) for s in screen.query("NotesLog Static"))
        await pilot.press("ctrl+o", *"Open plan, quiet", "enter")
        await pilot.pause()
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
    referral, observation = saved.captures
    assert referral.kind is CaptureKind.REFERRAL and referral.text == "Sam Lee"
    assert referral.organization == "Tidewater Labs" and referral.may_use_name
    assert referral.elapsed == 200
    assert observation.kind is CaptureKind.OBSERVATION and observation.text == "Open plan, quiet"


async def test_an_empty_capture_is_refused_in_place_and_escape_keeps_nothing(
    path, clock, meeting_id
):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, app)
        await pilot.press("ctrl+y", "enter")
        await pilot.pause()
        assert "Type something" in shown(app, "#capture-error")
        await pilot.press("escape")
        await pilot.pause()
        store.flush()
        assert reopen(path, clock).interviews.get(meeting_id).captures == []


async def test_add_a_question_on_the_fly_goes_next(path, clock, meeting_id):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, app)
        await pilot.press("ctrl+t", *"What surprised you?", "enter")
        await pilot.pause()
        assert "What surprised you?" in shown(app, "#next")
        store.flush()
        saved = reopen(path, clock).interviews.get(meeting_id)
    assert [q.text for q in saved.questions][1] == "What surprised you?"


async def test_end_asks_first_then_marks_done_and_keeps_the_half_typed_note(
    path, clock, meeting_id
):
    app, _store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, app)
        clock.advance(14 * 60)
        await pilot.press(*"last words", "escape", "e")
        await pilot.pause()
        await pilot.press("n")  # not yet: back to the notes line
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.focused.id == "note"
        await pilot.press("escape", "e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AfterScreen)  # straight on to thank-you and reflection
        view = reopen(path, clock)
        saved = view.interviews.get(meeting_id)
    assert saved.status is InterviewStatus.DONE
    assert saved.session.ended == NOW + timedelta(minutes=14)
    assert [n.text for n in saved.notes] == ["last words"] and saved.draft is None
    (thanks,) = [f for f in view.followups.all() if f.kind is FollowUpKind.THANK_YOU]
    assert thanks.interview_id == meeting_id and thanks.is_open
    assert 0 < (thanks.due - NOW.date()).days <= 2
    assert view.contacts.get(saved.contact_id).last_contact == saved.session.ended


async def test_reopening_after_a_quit_offers_to_resume_at_the_true_elapsed_time(
    path, clock, meeting_id
):
    app, _ = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, app)
        clock.advance(100)
    # Closed for 5 minutes: the meeting went on without the app.
    clock.advance(300)
    app, _store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "06:40 in" in str(app.screen.query_one("Static").render())
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert digits(app) == "08:20"


async def test_on_the_spot_from_a_contact_starts_with_default_questions(path, clock, meeting_id):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("m")  # Ada is the only contact, highlighted
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert "How did you come into this line of work?" in shown(app, "#now")
        await pilot.press("enter")
        clock.advance(42)
        await pilot.press(*"Now is good, she said", "enter")
        await pilot.pause()
        store.flush()
        spot = reopen(path, clock).interviews.get(screen.interview_id)
    assert spot.on_the_spot and spot.status is InterviewStatus.LIVE
    assert spot.contact_id is not None and len(spot.questions) == 5
    assert spot.notes[0].text == "Now is good, she said" and spot.notes[0].elapsed == 42


async def test_leaving_an_on_the_spot_meeting_never_started_leaves_nothing_behind(
    path, clock, meeting_id
):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)
        store.flush()
        assert [iv.id for iv in reopen(path, clock).interviews.all()] == [meeting_id]


async def test_the_wrap_up_length_is_a_setting_that_moves_the_phase(path, clock, meeting_id):
    app, store = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app)
        clock.advance(11 * 60)  # 4 minutes left: on track with the default 3-minute wrap-up
        screen.refresh_clock()
        await pilot.pause()
        assert "on track" in shown(app, "#phase")
        await pilot.press("escape", "W")  # 3 -> 5 minutes
        await pilot.pause()
        assert "wrap-up" in shown(app, "#phase")
        store.flush()
        assert reopen(path, clock).profile().wrap_minutes == 5
        await pilot.press("W")  # 5 -> back to 2
        await pilot.pause()
        assert "on track" in shown(app, "#phase")


async def test_starting_on_another_day_says_so_and_the_list_shows_the_day_held(
    path, clock, screen_text
):
    from infoview_tui.screens.plan.meetings import MeetingsScreen
    from infoview_tui.widgets.record_table import RecordTable

    from .conftest import record_notifications

    store = Store.open(path, clock)
    beth = store.contacts.save(Contact(name="Beth Nakamura"))
    planned = datetime(2026, 12, 4, 14, 0, tzinfo=NOW.tzinfo)  # tomorrow, Friday
    iv = store.interviews.save(
        Interview(contact_id=beth.id, status=InterviewStatus.SCHEDULED, when=planned)
    )
    app = build_app(clock, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        said = record_notifications(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("m", "s")  # home: the next meeting; start it today
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "Planned for Fri 4 Dec 2026, 14:00; held today." in said
        app.screen.end_meeting()
        await pilot.pause()
        app.push_screen(MeetingsScreen())
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[:2] == ["Thu 3 Dec 2026, 13:58", "done"]
    assert reopen(path, clock).interviews.get(iv.id).when == planned  # the plan is kept


async def test_starting_on_the_planned_day_says_nothing_about_it(path, clock, meeting_id):
    from .conftest import record_notifications

    app, _ = await open_meeting(path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        said = record_notifications(app)
        await start(pilot, app)
        assert not any("Planned for" in message for message in said)


async def test_the_meeting_s_words_say_what_really_happens(path, clock, screen_text):
    from infoview_tui.screens.help import HelpScreen

    from .conftest import record_notifications

    store = Store.open(path, clock)
    cy = store.contacts.save(Contact(name="Cy Ortiz"))
    store.interviews.save(
        Interview(
            contact_id=cy.id, status=InterviewStatus.SCHEDULED, when=NOW, minutes=2
        )  # a 2-minute meeting: wrap-up is never more than half of it
    )
    app = build_app(clock, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        said = record_notifications(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("m", "s", "escape", "W")  # 3 -> 5 minutes
        await pilot.pause()
        assert said[-1] == (
            "Wrap-up set to 5 minutes. In this 2-minute meeting it starts 1 minute before "
            "the end (never more than half the meeting)."
        )
        await pilot.press("W")  # 5 -> 2
        await pilot.pause()
        assert said[-1].startswith("Wrap-up set to 2 minutes. In this 2-minute meeting it ")
        assert "1 minute before" in said[-1]

        footer = screen_text(app).splitlines()[-1]
        assert "p Pause" in footer
        await pilot.press("p")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "p Resume" in footer and "Pause" not in footer
        await pilot.press("p")
        await pilot.pause()
        assert "p Pause" in screen_text(app).splitlines()[-1]

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").visual)
        assert "Note an observation" in keys and "Note an offer" in keys
        assert "Note a referral" in keys and " a observation" not in keys
