"""The live meeting's time, phases, pace and question moves, on a fake timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from infoview_tui.domain import meeting as m
from infoview_tui.domain.records import Interview, PlannedQuestion, Session

T0 = datetime(2026, 12, 3, 14, 0, tzinfo=timezone(timedelta(hours=-8)))


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def interview(n_questions: int = 4, minutes: int = 15) -> Interview:
    qs = [PlannedQuestion(text=f"Q{i + 1}") for i in range(n_questions)]
    return Interview(minutes=minutes, questions=qs, session=m.start(Session(), T0))


def test_elapsed_is_wall_time_less_pauses():
    s = m.start(Session(), T0)
    assert m.elapsed(s, at(90)) == 90
    s = m.pause(s, at(100))
    assert m.elapsed(s, at(400)) == 100  # the open pause does not count
    s = m.resume(s, at(400))
    assert s.paused_seconds == 300
    assert m.elapsed(s, at(460)) == 160
    s = m.end(s, at(500))
    assert m.elapsed(s, at(9999)) == 200  # frozen once ended


def test_elapsed_survives_a_restart_because_it_is_stored_not_counted():
    s = m.start(Session(), T0)
    # The app was killed after 5 minutes and reopened 3 minutes later: the meeting went on.
    assert m.elapsed(s, at(8 * 60)) == 8 * 60


def test_ending_while_paused_banks_the_pause_and_a_clock_set_back_never_goes_negative():
    s = m.pause(m.start(Session(), T0), at(60))
    s = m.end(s, at(120))
    assert s.paused_at is None and m.elapsed(s, at(999)) == 60
    assert m.elapsed(m.start(Session(), T0), at(-30)) == 0


@pytest.mark.parametrize(
    ("seconds", "phase"),
    [
        (0, m.Phase.ON_TRACK),
        (11 * 60 + 59, m.Phase.ON_TRACK),
        (12 * 60 + 1, m.Phase.WRAP_UP),
        (15 * 60 - 1, m.Phase.WRAP_UP),
        (15 * 60, m.Phase.TIME_UP),
        (15 * 60 + 59, m.Phase.TIME_UP),
        (16 * 60 + 1, m.Phase.OVERTIME),
    ],
)
def test_phases_follow_the_planned_length(seconds, phase):
    view = m.timer_view(m.start(Session(), T0), 15, at(seconds))
    assert view.phase is phase
    assert view.remaining == 15 * 60 - seconds


def test_wrap_up_never_takes_more_than_half_of_a_short_meeting():
    s = m.start(Session(), T0)
    assert m.timer_view(s, 4, at(60)).phase is m.Phase.ON_TRACK
    assert m.timer_view(s, 4, at(2 * 60 + 1)).phase is m.Phase.WRAP_UP


def test_not_started_and_ended_phases():
    assert m.timer_view(Session(), 15, T0).phase is m.Phase.NOT_STARTED
    ended = m.end(m.start(Session(), T0), at(30))
    assert m.timer_view(ended, 15, at(60)).phase is m.Phase.ENDED


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "00:00"), (59.9, "00:59"), (61, "01:01"), (3725, "1:02:05")]
)
def test_clock_text(seconds, text):
    assert m.clock_text(seconds) == text
    assert m.clock_text(-seconds) == text


def test_marking_asked_ticks_and_moves_on_and_skipping_is_remembered():
    iv = interview(3)
    iv = m.mark_current(iv, 100, asked=True)
    assert iv.questions[0].asked and iv.session.current == 1 and iv.session.current_since == 100
    iv = m.mark_current(iv, 200, asked=False)
    assert iv.questions[1].skipped and not iv.questions[1].asked
    assert m.current_question(iv).text == "Q3"
    assert m.upcoming_question(iv) is None  # nothing else open
    iv = m.mark_current(iv, 300, asked=True)
    assert m.open_indexes(iv.questions) == []


def test_next_open_wraps_round_to_questions_passed_over():
    iv = m.move_to(interview(4), 2, 10)
    assert m.upcoming_question(iv).text == "Q4"
    iv = m.mark_current(m.move_to(iv, 3, 20), 30, asked=True)
    assert m.current_question(iv).text == "Q1"  # wrapped round


def test_add_question_goes_after_the_current_and_into_an_empty_plan():
    iv = m.add_question(interview(2), "New", 50)
    assert [q.text for q in iv.questions] == ["Q1", "New", "Q2"]
    empty = m.add_question(replace(interview(0)), "Only", 5)
    assert m.current_question(empty).text == "Only"


def test_reorder_keeps_the_current_question_current():
    iv = m.reorder(interview(3), 0, +1)
    assert [q.text for q in iv.questions] == ["Q2", "Q1", "Q3"]
    assert m.current_question(iv).text == "Q1"
    assert m.reorder(iv, 0, -1) is iv  # nothing above the first


def test_pace_shares_time_before_wrap_up_and_warns_gently_when_one_question_overruns():
    iv = interview(4)  # 12 minutes before wrap-up: 3 minutes per question
    p = m.pace(iv, at(60))
    assert p.open_questions == 4 and p.per_question == pytest.approx(165)
    assert not p.over_budget
    p = m.pace(iv, at(4 * 60))
    assert p.over_budget and "had its share" in p.hint()
    moved = m.mark_current(iv, 4 * 60, asked=True)
    assert not m.pace(moved, at(4 * 60 + 10)).over_budget
    assert m.pace(moved, at(13 * 60)).hint().startswith("Past wrap-up")


def test_a_start_on_another_day_than_planned_is_said_in_the_start_s_own_day():
    planned = datetime(2026, 12, 9, 14, 0, tzinfo=timezone(timedelta(hours=-8)))
    early = datetime(2026, 12, 8, 10, 0, tzinfo=timezone(timedelta(hours=-8)))
    assert m.started_off_plan(Interview(when=planned), early) == (
        "Planned for Wed 9 Dec 2026, 14:00; held today."
    )
    assert m.started_off_plan(Interview(when=planned), planned - timedelta(hours=3)) == ""
    # days are compared where the person is now: 14:00 at -08:00 is 23:00 the same day at +01:00
    berlin = timezone(timedelta(hours=1))
    assert m.started_off_plan(Interview(when=planned), planned.astimezone(berlin)) == ""
    assert m.started_off_plan(Interview(when=None), early) == ""


@pytest.mark.parametrize(
    ("minutes", "wrap", "said"),
    [
        (15, 3, "Wrap-up set to 3 minutes: it starts 3 minutes before the end."),
        (
            2, 5,
            "Wrap-up set to 5 minutes. In this 2-minute meeting it starts 1 minute before the "
            "end (never more than half the meeting).",
        ),
        (
            5, 3,
            "Wrap-up set to 3 minutes. In this 5-minute meeting it starts 2½ minutes before "
            "the end (never more than half the meeting).",
        ),
    ],
)  # fmt: skip
def test_the_wrap_up_notice_says_when_it_really_starts(minutes, wrap, said):
    assert m.wrap_notice(minutes, wrap) == said
    assert m.wrap_seconds(minutes, wrap) == min(wrap * 60, minutes * 30)
