"""The prep checklist and the question plan rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infoview_tui.domain.prep import checklist, left
from infoview_tui.domain.questions import move, plan_message, position, remove, toggle
from infoview_tui.domain.records import (
    Contact,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
    PlannedQuestion,
    Profile,
    Question,
    Request,
)

INTRO = " ".join(["word"] * 50)  # 20 s
WHEN = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
Q = [Question(id=i, text=f"Question {i}?") for i in range(1, 9)]


def plan(count: int) -> list[PlannedQuestion]:
    return [PlannedQuestion(text=q.text, question_id=q.id) for q in Q[:count]]


def steps(interview=None, profile=None, occupation=None, organization=None, contact=None):
    return checklist(
        interview or Interview(),
        profile or Profile(),
        occupation,
        organization,
        contact,
    )


def test_a_new_meeting_has_everything_left():
    result = steps()
    assert [s.label for s in result] == [
        "Occupation", "Research", "Contact", "Request", "Intro", "Questions", "Date",
    ]  # fmt: skip
    assert not any(s.done for s in result)
    assert left(result) == result


def test_a_fully_prepared_meeting_has_nothing_left():
    interview = Interview(
        status=InterviewStatus.SCHEDULED,
        when=WHEN,
        questions=plan(4),
        request=Request(email="Hi", sent=WHEN, reply="accepted"),
    )
    result = steps(
        interview,
        Profile(introduction=INTRO),
        Occupation(title="Clinical research coordinator"),
        Organization(name="Cedar Valley", culture="friendly"),
        Contact(name="Kevin Liu"),
    )
    assert left(result) == [], result
    hints = {s.label: s.hint for s in result}
    assert hints["Date"] == "Thu 3 Dec 2026, 14:00"
    assert hints["Request"] == "Sent; they accepted."
    assert hints["Research"] == "1 of 6 research notes on Cedar Valley."
    assert hints["Contact"] == "Kevin Liu"


def test_employer_without_research_is_not_researched():
    (research,) = [
        s for s in steps(organization=Organization(name="Lumen")) if s.label == "Research"
    ]
    assert not research.done and "Research Lumen" in research.hint


def test_whitespace_only_research_does_not_count():
    org = Organization(name="Lumen", news="   ", website="\n")
    (research,) = [s for s in steps(organization=org) if s.label == "Research"]
    assert not research.done


@pytest.mark.parametrize(
    ("interview", "done", "hint"),
    [
        (Interview(), False, "Write the email"),
        (Interview(request=Request(email="Dear Kevin")), False, "Written; mark it sent"),
        (Interview(request=Request(sent=WHEN)), True, "Sent Thu 3 Dec 2026, 14:00; no reply yet."),
        (Interview(request=Request(sent=WHEN, reply="declined")), True, "Sent; they declined."),
        (Interview(status=InterviewStatus.SCHEDULED), True, "Arranged without"),
    ],
)
def test_request_step(interview, done, hint):
    (request,) = [s for s in steps(interview) if s.label == "Request"]
    assert request.done is done
    assert request.hint.startswith(hint)


@pytest.mark.parametrize(
    ("words", "done"), [(0, False), (20, False), (38, True), (75, True), (80, False)]
)
def test_introduction_step(words, done):
    profile = Profile(introduction=" ".join(["word"] * words))
    (step,) = [s for s in steps(profile=profile) if s.label.startswith("Intro")]
    assert step.done is done


@pytest.mark.parametrize(
    ("count", "done"), [(0, False), (2, False), (3, True), (6, True), (7, False)]
)
def test_questions_step(count, done):
    (step,) = [s for s in steps(Interview(questions=plan(count))) if s.label == "Questions"]
    assert step.done is done


# ----- the question plan ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "ok", "text"),
    [
        (0, False, "0 questions planned: pick at least 3"),
        (1, False, "1 question planned: pick at least 3"),
        (2, False, "2 questions planned: pick at least 3"),
        (3, True, "3 questions planned: a good number"),
        (6, True, "6 questions planned: a good number"),
        (7, False, "7 questions planned: too many for 15 minutes; keep 6 at most (drop 1)."),
        (9, False, "9 questions planned: too many for 15 minutes; keep 6 at most (drop 3)."),
    ],
)
def test_plan_message(count, ok, text):
    result_ok, message = plan_message(count)
    assert result_ok is ok
    assert message.startswith(text)


def test_toggle_adds_at_the_end_and_removes():
    picked = toggle(toggle(toggle([], Q[2]), Q[0]), Q[5])
    assert [p.question_id for p in picked] == [3, 1, 6]
    assert picked[0].text == "Question 3?"
    assert [p.question_id for p in toggle(picked, Q[0])] == [3, 6]


def test_toggle_matches_a_plan_entry_without_id_by_text():
    # A plan made before the bank was stored (the on-the-spot default) has no ids.
    loose = [PlannedQuestion(text="Question 2?")]
    assert position(loose, Q[1]) == 0
    assert toggle(loose, Q[1]) == []


def test_move_up_and_down_clamped():
    picked = plan(4)
    moved, at = move(picked, 3, -1)
    assert [p.question_id for p in moved] == [1, 2, 4, 3] and at == 2
    moved, at = move(moved, 0, -1)
    assert [p.question_id for p in moved] == [1, 2, 4, 3] and at == 0
    moved, at = move(moved, 0, 5)
    assert [p.question_id for p in moved] == [2, 4, 3, 1] and at == 3
    assert [p.question_id for p in picked] == [1, 2, 3, 4]  # input unchanged


def test_move_and_remove_out_of_range_change_nothing():
    assert move(plan(2), 5, 1) == (plan(2), 5)
    assert remove(plan(2), -1) == plan(2)
    assert [p.question_id for p in remove(plan(3), 1)] == [1, 3]
