"""The services the screens call for every change they make, without a terminal.

Each test opens a real store on tmp_path and a fake clock, acts through the service, then reads
back what a restart would find (the file, through a second read-only store). Operations that
change several records must do it as one batch: one journal line, so a crash keeps all of them
or none (`store.change_count` counts journal lines; a batch counts once).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta

import pytest

from infoview_tui.domain.question_bank import builtin_questions
from infoview_tui.domain.records import (
    Capture,
    CaptureKind,
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Note,
    Occupation,
    Organization,
    Profile,
    Session,
)
from infoview_tui.domain.validation import MAX_NAME
from infoview_tui.services import (
    employers,
    followups,
    leads,
    meetings,
    occupations,
    people,
    profile,
    questions,
)
from infoview_tui.store.store import Store

from .conftest import START

TODAY = START.date()  # Thursday 3 December 2026


@contextmanager
def one_batch(store: Store) -> Iterator[None]:
    """What runs inside reaches the journal as exactly one line."""
    before = store.change_count
    yield
    assert store.change_count - before == 1


# ----- meetings: the ones without a test of their own before ------------------------------------


def test_ending_a_meeting_keeps_the_half_typed_note_and_sets_the_thank_you_due(
    store, data_path, open_store
):
    ada = store.contacts.save(Contact(name="Ada", cadence_days=30))
    started = START - timedelta(minutes=20)
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id,
            status=InterviewStatus.LIVE,
            session=Session(started=started, current_since=0.0),
            notes=[Note(text="Night shifts rotate", elapsed=60.0)],
            draft=Note(text="Ask about the\x07 union ", elapsed=900.0, question="Q2"),
        )
    )
    with one_batch(store):
        outcome = meetings.end_meeting(store, meeting, START)
    assert outcome.message == "Meeting ended and saved. A thank-you is due within two days."
    ended = outcome.value
    assert ended.status is InterviewStatus.DONE and ended.draft is None
    assert ended.session.ended == START
    assert [n.text for n in ended.notes] == ["Night shifts rotate", "Ask about the union"]
    # On disk when it returns: no flush here, the service waited for the journal.
    saved = Store.open(data_path, store.clock, readonly=True)
    assert saved.interviews.get(meeting.id).status is InterviewStatus.DONE
    assert saved.contacts.get(ada.id).last_contact == START
    thanks = [f for f in saved.followups.all() if f.kind is FollowUpKind.THANK_YOU]
    assert [(f.due, f.interview_id) for f in thanks] == [(TODAY + timedelta(days=1), meeting.id)]
    check_in = [f for f in saved.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH]
    assert [f.due for f in check_in] == [date(2027, 1, 3)]  # monthly: a calendar month on


def test_ending_a_meeting_twice_adds_no_second_thank_you(store, reread):
    meeting = store.interviews.save(Interview(status=InterviewStatus.LIVE))
    ended = meetings.end_meeting(store, meeting, START).value
    meetings.end_meeting(store, ended, START + timedelta(minutes=1))
    assert len([f for f in reread().followups.all() if f.kind is FollowUpKind.THANK_YOU]) == 1


def test_meeting_now_starts_on_the_spot_with_default_questions(store, reread):
    org = store.organizations.save(Organization(name="Cedar Valley"))
    ada = store.contacts.save(Contact(name="Ada", organization_id=org.id))
    outcome = meetings.meet_now(store, ada.id, START)
    assert outcome.message == "Meeting Ada now."
    assert outcome.value is not None
    kept = reread().interviews.get(outcome.value.id)
    assert kept.on_the_spot and kept.when == START and kept.session.started is None
    assert (kept.contact_id, kept.organization_id, kept.status) == (
        ada.id, org.id, InterviewStatus.SCHEDULED,
    )  # fmt: skip
    assert len(kept.questions) == 5


def test_meeting_now_with_a_contact_deleted_meanwhile_says_so(store, reread):
    outcome = meetings.meet_now(store, 99, START)
    assert (outcome.value, outcome.message) == (None, "That contact no longer exists.")
    assert reread().interviews.all() == []


def test_a_date_set_while_the_request_waits_means_yes_and_closes_the_wait(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    sent = meetings.mark_request_sent(store, store.interviews.save(Interview(contact_id=ada.id)),
                                      START).value  # fmt: skip
    when = START + timedelta(days=7)
    changed = meetings.set_date(store, sent, when, START + timedelta(days=1))
    assert (changed.when, changed.status) == (when, InterviewStatus.SCHEDULED)
    saved = reread()
    assert saved.interviews.get(sent.id).when is None  # the plan saves the meeting itself
    assert all(f.done is not None for f in saved.followups.all())


def test_clearing_a_date_or_dating_a_held_meeting_changes_only_the_date(store, reread):
    meeting = store.interviews.save(Interview(status=InterviewStatus.IDEA))
    assert meetings.set_date(store, meeting, None, START).status is InterviewStatus.IDEA
    done = store.interviews.save(Interview(status=InterviewStatus.DONE))
    moved = meetings.set_date(store, done, START - timedelta(days=3), START)
    assert moved.status is InterviewStatus.DONE
    assert reread().followups.all() == []


def test_the_plan_saves_the_meeting_and_the_introduction_as_one(store, reread):
    meeting = store.interviews.save(Interview(place="Their office"))
    edited = replace(meeting, place="The café downstairs")
    with one_batch(store):
        outcome = meetings.save_plan(store, edited, "I coordinate clinical trials.")
    assert outcome.value.place == "The café downstairs"
    saved = reread()
    assert saved.interviews.get(meeting.id).place == "The café downstairs"
    assert saved.profile().introduction == "I coordinate clinical trials."
    before = store.change_count
    meetings.save_plan(store, outcome.value, "I coordinate clinical trials.")
    assert store.change_count == before  # nothing changed, nothing written


def test_a_meeting_as_edited_is_saved(store, reread):
    meeting = store.interviews.save(Interview())
    outcome = meetings.save_meeting(store, replace(meeting, place="Room 4"))
    assert reread().interviews.get(meeting.id).place == "Room 4" == outcome.value.place


def test_bulk_meeting_changes_are_one_batch(store, reread):
    org = store.organizations.save(Organization(name="Cedar Valley"))
    ada = store.contacts.save(Contact(name="Ada", organization_id=org.id))
    store.contacts.save(Contact(name="Lucy", organization_id=org.id))
    meeting = store.interviews.save(Interview(contact_id=ada.id, organization_id=org.id))
    with one_batch(store):
        sent = meetings.mark_request_sent(store, meeting, START).value
    with one_batch(store):
        meetings.record_reply(store, sent, "accepted", START)
    for item in store.followups.all():
        store.followups.delete(item.id)
    store.followups.save(FollowUp(title="Thanked", interview_id=meeting.id, done=START))
    with one_batch(store):
        meetings.delete_meeting(store, meeting.id)
    assert [f.interview_id for f in reread().followups.all()] == [None]  # the done one


# ----- the question bank ------------------------------------------------------------------------


def test_a_first_plan_fills_the_built_in_bank_once_in_one_batch(store, reread):
    with one_batch(store):
        outcome = questions.ensure_bank(store)
    assert [q.text for q in outcome.value] == [q.text for q in builtin_questions()]
    before = store.change_count
    questions.ensure_bank(store)
    assert store.change_count == before
    assert len(reread().questions.all()) == len(builtin_questions())


def test_an_own_question_joins_the_bank(store, reread):
    outcome = questions.add_own(store, "What surprised you in your first year?")
    assert outcome.value.id is not None
    kept = reread().questions.get(outcome.value.id)
    assert (kept.text, kept.source, kept.why) == (
        "What surprised you in your first year?", "own", "My own question.",
    )  # fmt: skip


# ----- the profile ------------------------------------------------------------------------------


def test_the_bell_and_the_wrap_up_length_turn_over(store, reread):
    assert profile.toggle_bell(store).message == "Bell on at phase changes."
    assert profile.toggle_bell(store).message == "Bell off."
    lengths = [profile.next_wrap_length(store).value.wrap_minutes for _ in range(4)]
    assert lengths == [5, 2, 3, 5]  # from the default 3
    assert profile.next_wrap_length(store).message == (
        "Wrap-up now starts 2 minutes before the end."
    )
    saved = reread().profile()
    assert (saved.meeting_bell, saved.wrap_minutes) == (False, 2)


def test_energy_settings_change_only_the_pace(store, reread):
    store.save_profile(Profile(name="Sam", introduction="Hello", wrap_minutes=5))
    outcome = profile.set_pace(store, 2, [5, 6])
    assert outcome.message == "Energy settings kept."
    saved = reread().profile()
    assert (saved.weekly_meeting_cap, saved.rest_days) == (2, [5, 6])
    assert (saved.name, saved.introduction, saved.wrap_minutes) == ("Sam", "Hello", 5)


def test_the_me_form_is_saved(store, reread):
    profile.save_profile(store, Profile(name="Sam", values="Calm"))
    assert reread().profile().values == "Calm"


# ----- employers --------------------------------------------------------------------------------


def _three(store: Store) -> list[Organization]:
    return [store.organizations.save(Organization(name=n, rank=i))
            for i, n in enumerate(("Ash", "Birch", "Cedar"), 1)]  # fmt: skip


def test_moving_ranking_and_practice_are_one_batch_each(store, reread):
    ash, birch, cedar = _three(store)
    with one_batch(store):
        employers.move(store, cedar.id, -2)
    with one_batch(store):
        outcome = employers.set_ranked(store, ash.id, False)
    assert outcome.message == "Ash is off the ranked list."
    with one_batch(store):
        employers.set_practice(store, birch.id, True)
    assert employers.set_ranked(store, ash.id, True).message == "Ash is ranked 3."
    saved = {o.name: (o.rank, o.practice) for o in reread().organizations.all()}
    assert saved == {"Cedar": (1, False), "Birch": (2, True), "Ash": (3, False)}


def test_a_new_employer_goes_to_the_bottom_of_the_ranking(store, reread):
    _three(store)
    with one_batch(store):
        outcome = employers.add_employer(store, "  Dogwood  ")
    assert outcome.value is not None
    assert (outcome.value.name, outcome.value.rank) == ("Dogwood", 4)
    assert reread().organizations.get(outcome.value.id).rank == 4


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "An employer needs a name."),
        ("x" * (MAX_NAME + 1), f"Names are limited to {MAX_NAME} characters."),
        ("ASH", "Ash is already on your list; use another name."),
    ],
)
def test_a_new_employer_with_an_unusable_name_is_refused(store, reread, name, message):
    _three(store)
    outcome = employers.add_employer(store, name)
    assert (outcome.value, outcome.message) == (None, message)
    assert len(reread().organizations.all()) == 3


def test_competitors_join_the_list_unranked_in_one_batch(store, reread):
    with one_batch(store):
        outcome = employers.add_competitors(store, ["Elm", "x" * (MAX_NAME + 1), "Fir"])
    assert [o.name for o in outcome.value] == ["Elm", "Fir"]
    assert outcome.message == "Added to my list, not ranked: Elm, Fir."
    assert sorted((o.name, o.rank) for o in reread().organizations.all()) == [
        ("Elm", None), ("Fir", None),
    ]  # fmt: skip


def test_an_employer_card_is_saved(store, reread):
    org = store.organizations.save(Organization(name="Ash"))
    employers.save_employer(store, replace(org, why="Close to home"))
    assert reread().organizations.get(org.id).why == "Close to home"


def test_deleting_an_employer_is_one_batch(store, reread):
    ash, birch, _cedar = _three(store)
    store.contacts.save(Contact(name="Ada", organization_id=ash.id))
    store.interviews.save(Interview(organization_id=ash.id))
    with one_batch(store):
        employers.delete_employer(store, ash.id)
    assert reread().organizations.get(birch.id).rank == 1


# ----- occupations ------------------------------------------------------------------------------


def test_the_first_occupation_is_current_and_a_bad_title_is_refused(store, reread):
    first = occupations.add_occupation(store, " Lab technician ").value
    second = occupations.add_occupation(store, "Coordinator").value
    assert first is not None and second is not None
    assert (first.title, first.current, second.current) == ("Lab technician", True, False)
    refused = occupations.add_occupation(store, "  ")
    assert refused.value is None and refused.message.startswith("An occupation needs a title")
    assert len(reread().occupations.all()) == 2


def test_making_an_occupation_current_is_one_batch(store, reread):
    first = store.occupations.save(Occupation(title="Lab technician", current=True))
    second = store.occupations.save(Occupation(title="Coordinator"))
    with one_batch(store):
        outcome = occupations.make_current(store, second.id)
    assert outcome.message == "Coordinator is the current occupation."
    saved = reread()
    assert (saved.occupations.get(first.id).current, saved.occupations.get(second.id).current) == (
        False, True,
    )  # fmt: skip


def test_an_occupation_as_edited_is_saved(store, reread):
    job = store.occupations.save(Occupation(title="Coordinator"))
    occupations.save_occupation(store, replace(job, perceptions="Mostly desk work"))
    assert reread().occupations.get(job.id).perceptions == "Mostly desk work"


# ----- people -----------------------------------------------------------------------------------


def test_a_contact_at_a_new_organisation_is_saved_with_it_as_one(store, reread):
    with one_batch(store):
        outcome = people.save_contact(
            store, Contact(name="Ada"), START, new_organization="Harbour Health"
        )
    assert outcome.message == "Saved Ada."
    saved = reread()
    ada = saved.contacts.get(outcome.value.id)
    org = saved.organizations.get(ada.organization_id)
    assert (org.name, org.rank) == ("Harbour Health", None)


def test_a_contact_edited_keeps_its_id(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    outcome = people.save_contact(store, replace(ada, email="ada@example.org"), START)
    assert outcome.value.id == ada.id
    assert [c.email for c in reread().contacts.all()] == ["ada@example.org"]


def test_deleting_a_contact_is_one_batch(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    store.contacts.save(Contact(name="Bo", introduced_by_id=ada.id))
    store.interviews.save(Interview(contact_id=ada.id))
    store.followups.save(FollowUp(title="Nudge Ada", contact_id=ada.id))
    with one_batch(store):
        people.delete_contact(store, ada.id)
    assert [c.name for c in reread().contacts.all()] == ["Bo"]


# ----- leads ------------------------------------------------------------------------------------


def test_accepting_a_referral_is_one_batch(store, reread):
    kevin = store.contacts.save(Contact(name="Kevin"))
    meeting = store.interviews.save(
        Interview(
            contact_id=kevin.id,
            captures=[Capture(kind=CaptureKind.REFERRAL, text="Priya", organization="Harbour")],
        )
    )
    with one_batch(store):
        leads.accept_referral(store, meeting, 0, START)
    saved = reread()
    assert sorted(c.name for c in saved.contacts.all()) == ["Kevin", "Priya"]
    assert [o.name for o in saved.organizations.all()] == ["Harbour"]


# ----- follow-ups and staying in touch ----------------------------------------------------------


def test_logging_a_contact_moves_last_contact_and_the_next_check_in(store, reread):
    ada = store.contacts.save(Contact(name="Ada", cadence_days=14))
    followups.set_rhythm(store, ada.id, 14, START - timedelta(days=20))
    with one_batch(store):
        outcome = followups.log_contact(store, ada.id, START)
    assert outcome.message == "In touch with Ada; next check-in Thu 17 Dec (every 14 days)."
    saved = reread()
    assert saved.contacts.get(ada.id).last_contact == START
    assert [f.due for f in saved.followups.all() if f.is_open] == [date(2026, 12, 17)]


def test_logging_an_earlier_contact_never_moves_last_contact_back(store, reread):
    ada = store.contacts.save(Contact(name="Ada", last_contact=START))
    followups.log_contact(store, ada.id, START - timedelta(days=3))
    assert reread().contacts.get(ada.id).last_contact == START


def test_logging_a_contact_without_a_rhythm_or_a_contact(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    assert followups.log_contact(store, ada.id, START).message == "In touch with Ada."
    assert reread().followups.all() == []
    gone = followups.log_contact(store, 99, START)
    assert (gone.value, gone.message) == (None, "That contact no longer exists.")


def test_an_item_the_snooze_dialog_moved_is_kept_where_it_went(store, reread):
    item = store.followups.save(FollowUp(title="Call Carla", due=TODAY))
    outcome = followups.moved_to(store, replace(item, due=TODAY + timedelta(days=5)), START)
    assert outcome.message == "Snoozed to Tue 8 Dec, in 5 days: Call Carla"
    assert reread().followups.get(item.id).due == date(2026, 12, 8)


def test_a_next_step_becomes_a_follow_up_once(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    meeting = store.interviews.save(Interview(contact_id=ada.id))
    outcome = followups.add_next_step(store, meeting, "Read the annual report ", "Ada", START)
    assert outcome.message == "Follow-up added, due Thu 10 Dec."
    again = followups.add_next_step(store, meeting, "Read the annual report", "Ada", START)
    assert (again.value, again.message) == (None, "That step is already a follow-up item.")
    items = reread().followups.all()
    assert [(f.kind, f.title, f.interview_id, f.created) for f in items] == [
        (FollowUpKind.NEXT_STEP, "Read the annual report", meeting.id, START),
    ]


def test_a_low_energy_day_moves_everything_in_one_batch(store, reread):
    store.followups.save(FollowUp(title="Call Carla", due=TODAY))
    store.followups.save(FollowUp(title="Tidy notes", due=TODAY - timedelta(days=1)))
    plan = followups.low_energy_plan(store, START)
    with one_batch(store):
        followups.apply_low_energy(store, plan, START)
    assert {f.due for f in reread().followups.all()} == {date(2026, 12, 4)}


def test_finishing_a_check_in_and_its_contact_are_one_batch(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    followups.set_rhythm(store, ada.id, 30, START - timedelta(days=40))
    check_in = next(f for f in store.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH)
    with one_batch(store):
        followups.complete(store, check_in.id, START)
    assert reread().contacts.get(ada.id).last_contact == START
