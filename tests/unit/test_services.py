"""The services, without a terminal: what each operation changes in the store, and what it says.

Each test opens a real store on tmp_path, acts through the service, then reads back what a
person would find after a restart (the file, through a second read-only store).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from infoview_tui.domain.records import (
    Capture,
    CaptureKind,
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
    Profile,
)
from infoview_tui.services import employers, followups, leads, meetings, people
from infoview_tui.store.store import Store

from .conftest import START

TODAY = START.date()  # Thursday 3 December 2026


# ----- employers ---------------------------------------------------------------------------------


def test_deleting_an_employer_unlinks_everything_first_and_closes_the_ranks(store, reread):
    top = store.organizations.save(Organization(name="Cedar Valley", rank=1))
    second = store.organizations.save(
        Organization(name="Nordlicht", rank=2, competitor_ids=[top.id])
    )
    ada = store.contacts.save(Contact(name="Ada", organization_id=top.id))
    meeting = store.interviews.save(Interview(contact_id=ada.id, organization_id=top.id))
    item = store.followups.save(FollowUp(title="Write", organization_id=top.id))

    effects = employers.deletion_effects(store, top.id)
    assert "1 contact at Cedar Valley stays, without an employer." in effects
    assert "1 meeting keeps its notes but no longer name the employer." in effects
    assert "It is dropped from the competitors on 1 card." in effects
    assert "The employers ranked below it move up one place." in effects

    outcome = employers.delete_employer(store, top.id)
    assert outcome.message == "Deleted Cedar Valley."
    saved = reread()
    assert saved.organizations.get(top.id) is None
    assert saved.organizations.get(second.id).rank == 1
    assert saved.organizations.get(second.id).competitor_ids == []
    assert saved.contacts.get(ada.id).organization_id is None
    assert saved.interviews.get(meeting.id).organization_id is None
    assert saved.followups.get(item.id).organization_id is None


# ----- people ------------------------------------------------------------------------------------


def test_deleting_a_contact_leaves_their_name_and_no_id_that_points_at_nothing(store, reread):
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    bo = store.contacts.save(Contact(name="Bo", introduced_by_id=ada.id))
    meeting = store.interviews.save(Interview(contact_id=ada.id))
    open_item = store.followups.save(FollowUp(title="Nudge Ada", contact_id=ada.id))
    done_item = store.followups.save(FollowUp(title="Thank Ada", contact_id=ada.id, done=START))
    effects = people.deletion_effects(store, ada.id)
    assert (
        "Ada Okafor introduced 1 person; they stay, and still say Ada Okafor introduced them."
        in effects
    )
    assert "1 open follow-up for Ada Okafor is removed." in effects
    assert "1 meeting with Ada Okafor is kept, with their notes and Ada Okafor's name." in effects
    assert "1 done follow-up stays." in effects
    assert people.delete_contact(store, ada.id).message == "Deleted Ada Okafor."
    saved = reread()
    assert saved.contacts.get(ada.id) is None
    bo_now = saved.contacts.get(bo.id)
    assert (bo_now.introduced_by_id, bo_now.introducer_name) == (None, "Ada Okafor")
    kept = saved.interviews.get(meeting.id)
    assert (kept.contact_id, kept.contact_name) == (None, "Ada Okafor")
    assert saved.followups.get(open_item.id) is None
    assert saved.followups.get(done_item.id).contact_id is None


def open_check_ins(store: Store) -> list[FollowUp]:
    return [f for f in store.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH and f.is_open]


def test_a_rhythm_set_changed_and_stopped_from_the_contact_keeps_one_check_in(store, reread):
    outcome = people.save_contact(store, Contact(name="Ada", cadence_days=30), START)
    ada = outcome.value
    assert outcome.message == "Saved Ada. Next check-in Sun 3 Jan 2027 (monthly)."
    (first,) = open_check_ins(reread())
    assert (first.due, first.contact_id) == (date(2027, 1, 3), ada.id)

    outcome = people.save_contact(store, replace(ada, cadence_days=45), START)
    assert outcome.message == "Saved Ada. Next check-in Sun 17 Jan 2027 (every 45 days)."
    (moved,) = open_check_ins(reread())
    assert (moved.id, moved.due) == (first.id, date(2027, 1, 17))  # moved, not doubled

    outcome = people.save_contact(store, replace(ada, cadence_days=None), START)
    assert outcome.message == "Saved Ada. No rhythm: no more check-ins."
    saved = reread()
    assert open_check_ins(saved) == []
    assert saved.followups.get(first.id).done == START
    assert saved.contacts.get(ada.id).cadence_days is None


def test_saving_a_contact_with_the_same_rhythm_leaves_its_snoozed_check_in(store, reread):
    ada = people.save_contact(store, Contact(name="Ada", cadence_days=30), START).value
    (item,) = open_check_ins(store)
    followups.snooze(store, item.id, "w", START)  # a week later than the rhythm said
    outcome = people.save_contact(store, replace(ada, email="ada@example.org"), START)
    assert outcome.message == "Saved Ada."
    assert reread().followups.get(item.id).due == date(2027, 1, 10)


def test_a_new_employer_named_on_a_contact_is_saved_with_it(store, reread):
    outcome = people.save_contact(store, Contact(name="Bo"), START, new_organization="Northwind")
    saved = reread()
    org = saved.organizations.get(outcome.value.organization_id)
    assert org is not None and org.name == "Northwind" and org.rank is None


def test_people_with_the_same_name_are_found_whatever_case_accents_and_spaces(store):
    beth = store.contacts.save(Contact(name="Beth Nakamura"))
    zoe = store.contacts.save(Contact(name="Zoë  Ångström"))
    assert [c.id for c in people.same_name(store, "beth nakamura")] == [beth.id]
    assert [c.id for c in people.same_name(store, "ZOE ANGSTROM")] == [zoe.id]
    assert people.same_name(store, "Beth Nakamura", except_id=beth.id) == []
    assert people.same_name(store, "Beth") == []


# ----- meetings ----------------------------------------------------------------------------------


def test_a_new_meeting_is_about_the_current_occupation_at_their_workplace(store, reread):
    org = store.organizations.save(Organization(name="Cedar Valley"))
    job = store.occupations.save(Occupation(title="Coordinator", current=True))
    ada = store.contacts.save(Contact(name="Ada", organization_id=org.id))
    meeting = meetings.new_meeting(store, ada.id, START).value
    assert meeting is not None
    kept = reread().interviews.get(meeting.id)
    assert (kept.occupation_id, kept.organization_id, kept.place, kept.status) == (
        job.id, org.id, "their workplace: Cedar Valley", InterviewStatus.IDEA,
    )  # fmt: skip


def test_marking_a_request_sent_starts_the_3_and_7_business_day_follow_ups(store, reread):
    org = store.organizations.save(Organization(name="Cedar Valley"))
    ada = store.contacts.save(Contact(name="Ada Okafor", organization_id=org.id))
    lucy = store.contacts.save(Contact(name="Lucy Park", organization_id=org.id))
    meeting = store.interviews.save(Interview(contact_id=ada.id, organization_id=org.id))
    outcome = meetings.mark_request_sent(store, meeting, START)
    assert outcome.value.status is InterviewStatus.REQUESTED
    assert outcome.message == (
        "Marked sent. No reply by Tue 8 Dec: try someone else; by Mon 14 Dec: a friendly nudge."
    )
    items = sorted(reread().followups.all(), key=lambda f: f.due)
    assert [(f.kind, f.due, f.contact_id) for f in items] == [
        (FollowUpKind.ANOTHER_CONTACT, date(2026, 12, 8), lucy.id),
        (FollowUpKind.NUDGE, date(2026, 12, 14), ada.id),
    ]
    again = meetings.mark_request_sent(store, outcome.value, START + timedelta(days=1))
    assert again.message.startswith("Already marked sent on Thu 3 Dec 2026")
    assert len(reread().followups.all()) == 2


def test_a_reply_closes_the_wait_and_sets_the_status(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    meeting = store.interviews.save(Interview(contact_id=ada.id))
    sent = meetings.mark_request_sent(store, meeting, START).value
    outcome = meetings.record_reply(store, sent, "accepted", START + timedelta(days=1))
    assert outcome.value.status is InterviewStatus.SCHEDULED
    assert outcome.message == "They said yes. 2 follow-ups closed. Now set the date."
    assert all(f.done is not None for f in reread().followups.all())
    declined = meetings.record_reply(store, outcome.value, "declined", START)
    assert declined.value.status is InterviewStatus.DECLINED


def test_deleting_a_meeting_drops_its_open_items_and_keeps_done_ones_unlinked(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    meeting = store.interviews.save(Interview(contact_id=ada.id))
    open_item = store.followups.save(FollowUp(title="Nudge", interview_id=meeting.id))
    done_item = store.followups.save(FollowUp(title="Thanked", interview_id=meeting.id, done=START))
    assert "Its 1 open follow-up go too." in meetings.deletion_effects(store, meeting.id)
    assert meetings.delete_meeting(store, meeting.id).message == "Deleted the meeting with Ada."
    saved = reread()
    assert saved.interviews.get(meeting.id) is None
    assert saved.followups.get(open_item.id) is None
    assert saved.followups.get(done_item.id).interview_id is None


# ----- leads -------------------------------------------------------------------------------------


def test_a_meeting_with_someone_since_deleted_still_names_them(store, reread):
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    meeting = store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.DONE, when=START,
                  captures=[Capture(CaptureKind.REFERRAL, "Ben Li", may_use_name=True),
                            Capture(CaptureKind.LEAD, "Northwind Labs")])
    )  # fmt: skip
    people.delete_contact(store, ada.id)
    meeting = store.interviews.get(meeting.id)
    leads.accept_referral(store, meeting, 0, START)
    leads.accept_lead(store, store.interviews.get(meeting.id), 1)
    saved = reread()
    (ben,) = [c for c in saved.contacts.all() if c.name == "Ben Li"]
    assert (ben.introduced_by_id, ben.introducer_name) == (None, "Ada Okafor")
    assert ben.notes.startswith("Suggested by Ada Okafor in the meeting on")
    (reach,) = [f for f in saved.followups.all() if f.contact_id == ben.id]
    assert "referred by Ada Okafor" in reach.reason
    (lead,) = [o for o in saved.organizations.all() if o.name == "Northwind Labs"]
    assert "Ada Okafor" in lead.why
    assert meetings.delete_meeting(store, meeting.id).message == (
        "Deleted the meeting with Ada Okafor."
    )


def test_a_referral_becomes_a_contact_at_a_new_employer_with_a_reach_out(store, reread):
    kevin = store.contacts.save(Contact(name="Kevin Liu"))
    meeting = store.interviews.save(
        Interview(
            contact_id=kevin.id,
            captures=[Capture(kind=CaptureKind.REFERRAL, text="Priya Shah",
                              organization="Harbour Health", may_use_name=True)],
        )
    )  # fmt: skip
    assert leads.existing_contact(store, meeting, 0) is None
    outcome = leads.accept_referral(store, meeting, 0, START)
    assert outcome.message == "Priya Shah added to contacts, with a reach-out item."
    assert outcome.value.captures[0].handled
    saved = reread()
    priya = next(c for c in saved.contacts.all() if c.name == "Priya Shah")
    assert (priya.introduced_by_id, priya.may_use_name) == (kevin.id, True)
    org = saved.organizations.get(priya.organization_id)
    assert org is not None and org.name == "Harbour Health"
    reach = next(f for f in saved.followups.all() if f.kind is FollowUpKind.REACH_OUT)
    assert reach.contact_id == priya.id and reach.due == date(2026, 12, 7)
    assert saved.interviews.get(meeting.id).captures[0].handled


def test_a_lead_already_listed_is_marked_hiring_not_added_twice(store, reread):
    store.organizations.save(Organization(name="Harbour Health", rank=3))
    meeting = store.interviews.save(
        Interview(captures=[Capture(kind=CaptureKind.LEAD, text="harbour health")])
    )
    outcome = leads.accept_lead(store, meeting, 0)
    assert outcome.message == "Harbour Health was listed already: marked as hiring."
    orgs = reread().organizations.all()
    assert len(orgs) == 1 and orgs[0].hires and orgs[0].rank == 3


def test_a_job_title_becomes_a_keyword_of_the_occupation(store, reread):
    job = store.occupations.save(Occupation(title="Coordinator", current=True))
    meeting = store.interviews.save(
        Interview(occupation_id=job.id,
                  captures=[Capture(kind=CaptureKind.JOB_TITLE, text="Study coordinator")])
    )  # fmt: skip
    assert leads.keep_job_title(store, meeting, 0).message == "Kept as a keyword for Coordinator."
    assert reread().occupations.get(job.id).keywords == ["Study coordinator"]


# ----- follow-ups and staying in touch ----------------------------------------------------------


def test_ending_a_meeting_counts_as_contact_and_moves_the_check_in(store, reread):
    from infoview_tui.domain.records import Session

    ada = store.contacts.save(Contact(name="Ada"))
    followups.set_rhythm(store, ada.id, 30, START - timedelta(days=20))
    (check_in,) = [f for f in store.followups.all() if f.is_open]
    assert check_in.due == date(2026, 12, 13)  # a month after it was set
    meeting = store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.LIVE,
                  session=Session(started=START - timedelta(minutes=15)))
    )  # fmt: skip
    meetings.end_meeting(store, meeting, START)
    saved = reread()
    assert saved.contacts.get(ada.id).last_contact == START
    open_items = {f.kind: f for f in saved.followups.all() if f.is_open}
    assert open_items.keys() == {FollowUpKind.STAY_IN_TOUCH, FollowUpKind.THANK_YOU}
    moved = open_items[FollowUpKind.STAY_IN_TOUCH]
    assert (moved.id, moved.due) == (check_in.id, date(2027, 1, 3))  # a month after the meeting


def test_finishing_a_check_in_counts_as_contact_and_schedules_the_next(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    ada = followups.set_rhythm(store, ada.id, 30, START - timedelta(days=40)).value
    check_in = next(f for f in store.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH)
    outcome = followups.complete(store, check_in.id, START)
    assert outcome.message == (
        "Done: Get in touch with Ada. In touch with Ada; next check-in Sun 3 Jan 2027 (monthly)."
    )
    saved = reread()
    assert saved.contacts.get(ada.id).last_contact == START
    open_items = [f for f in saved.followups.all() if f.is_open]
    assert [(f.kind, f.due) for f in open_items] == [(FollowUpKind.STAY_IN_TOUCH, date(2027, 1, 3))]


def test_sending_a_thank_you_counts_as_contact(store, reread):
    ada = store.contacts.save(Contact(name="Ada", cadence_days=60))
    thanks = store.followups.save(
        FollowUp(kind=FollowUpKind.THANK_YOU, title="Thank Ada", contact_id=ada.id)
    )
    followups.complete(store, thanks.id, START)
    saved = reread()
    assert saved.contacts.get(ada.id).last_contact == START
    assert [f.due for f in saved.followups.all() if f.is_open] == [date(2027, 2, 3)]


def test_finishing_an_ordinary_item_is_not_contact(store, reread):
    ada = store.contacts.save(Contact(name="Ada", cadence_days=30))
    step = store.followups.save(
        FollowUp(kind=FollowUpKind.NEXT_STEP, title="Read the report", contact_id=ada.id)
    )
    assert followups.complete(store, step.id, START).message == "Done: Read the report"
    assert reread().contacts.get(ada.id).last_contact is None


def test_stopping_a_rhythm_closes_its_check_in(store, reread):
    ada = store.contacts.save(Contact(name="Ada"))
    followups.set_rhythm(store, ada.id, 30, START)
    outcome = followups.set_rhythm(store, ada.id, None, START)
    assert outcome.message == "No rhythm with Ada: no more check-ins."
    assert all(not f.is_open for f in reread().followups.all())


def test_snooze_add_and_reopen(store, reread):
    store.save_profile(Profile(rest_days=[5, 6]))
    item = followups.add(store, "Send Ada the article", TODAY, START).value
    moved = followups.snooze(store, item.id, "1", START)
    assert moved.message == "Snoozed to Fri 4 Dec, tomorrow: Send Ada the article"
    moved = followups.snooze(store, item.id, "w", START)
    assert moved.value.due == date(2026, 12, 11)  # a week after Friday, not after today
    followups.complete(store, item.id, START)
    assert followups.reopen(store, item.id).message == "Back on the list: Send Ada the article"
    assert reread().followups.get(item.id).done is None


def test_a_low_energy_day_asks_naming_what_moves_then_says_what_moved(store, reread):
    store.followups.save(FollowUp(title="Call Carla", due=TODAY))
    store.followups.save(FollowUp(title="Tidy notes", due=TODAY - timedelta(days=1)))
    store.followups.save(FollowUp(title="Long overdue", due=TODAY - timedelta(days=5)))
    plan = followups.low_energy_plan(store, START)
    assert "Move 2 items due today (or a little late) to Fri 4 Dec" in plan.question
    assert "Call Carla and Tidy notes" in plan.question
    outcome = followups.apply_low_energy(store, plan, START)
    assert outcome.message == "Moved 2 items to Fri 4 Dec: Call Carla and Tidy notes. Rest well."
    dues = {f.title: f.due for f in reread().followups.all()}
    assert dues == {
        "Call Carla": date(2026, 12, 4),
        "Tidy notes": date(2026, 12, 4),
        "Long overdue": TODAY - timedelta(days=5),
    }
