"""The rules behind Network, Progress, What I have learned and Planned vs held: pure functions
over records built in each test (domain/network.py, progress.py, learned.py, held.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from infoview_tui.domain import held, learned, network, progress
from infoview_tui.domain.records import (
    CanMeet,
    Capture,
    CaptureKind,
    Contact,
    ContactSource,
    Decision,
    Demand,
    DemandCheck,
    DemandKind,
    EnergyCost,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    InterviewStatus,
    Note,
    Occupation,
    Organization,
    PlannedQuestion,
    Reflection,
    Session,
)
from infoview_tui.domain.summary import ContactStage

NOW = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)  # a Tuesday
TODAY = NOW.date()


def person(cid: int, name: str, by: int | None = None, **fields) -> Contact:
    return Contact(id=cid, name=name, introduced_by_id=by, **fields)


def held_meeting(iid: int, contact_id: int | None, day: date, **fields) -> Interview:
    start = datetime.combine(day, datetime.min.time(), tzinfo=UTC).replace(hour=10)
    session = fields.pop("session", Session(started=start, ended=start + timedelta(minutes=15)))
    return Interview(
        id=iid, contact_id=contact_id, status=InterviewStatus.DONE, when=start,
        session=session, **fields,
    )  # fmt: skip


# ----- network ------------------------------------------------------------------------------


@pytest.fixture
def web() -> network.Network:
    """Me → Ann (friend) → Bo → Cy; Ann → Dee; Eve (family); Fay imported from LinkedIn."""
    contacts = [
        person(1, "Ann", found_through=FoundThrough.FRIEND, organization_id=10),
        person(2, "Bo", 1, found_through=FoundThrough.REFERRAL, organization_id=10),
        person(3, "Cy", 2, found_through=FoundThrough.REFERRAL),
        person(4, "Dee", 1, found_through=FoundThrough.REFERRAL, company="Acme Ltd"),
        person(5, "Eve", found_through=FoundThrough.FAMILY),
        person(6, "Fay", source=ContactSource.LINKEDIN, company="Acme Ltd"),
    ]
    interviews = [
        held_meeting(1, 2, TODAY - timedelta(days=3)),
        Interview(id=2, contact_id=3, status=InterviewStatus.REQUESTED),
    ]
    orgs = [Organization(id=10, name="Harbour Health")]
    return network.build_network(contacts, interviews, orgs)


def test_the_tree_hangs_each_person_from_who_introduced_them(web):
    assert web.groups() == [("family", 1), ("friend", 1), ("linkedin", 1)]  # the set order
    assert web.group("friend") == [1]
    assert web.introduced_by(1) == [2, 4]  # Bo first: more people reached through him
    assert web.introduced_by(2) == [3]
    assert web.chain(3) == [1, 2, 3]
    assert web.chain(5) == [5]
    assert web.reach == {1: 3, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0}


def test_stages_and_employers_come_from_the_records(web):
    stages = {cid: p.stage for cid, p in web.people.items()}
    assert stages[2] is ContactStage.MET and stages[3] is ContactStage.REQUESTED
    assert stages[1] is ContactStage.TO_APPROACH
    assert web.people[1].employer == "Harbour Health" and web.people[1].organization_id == 10
    assert web.people[4].employer == "Acme Ltd" and web.people[4].organization_id is None
    # Busiest first; a tie goes to an employer on my list before a company an import named.
    assert web.employers() == [("Harbour Health", 10, [1, 2]), ("Acme Ltd", None, [4, 6])]


def test_door_openers_are_counted_directly_and_in_all(web):
    doors = web.door_openers()
    assert [(d.contact_id, d.introduced, d.reached) for d in doors] == [(1, 2, 3), (2, 1, 1)]


def test_a_filter_keeps_the_chain_that_led_to_each_match(web):
    met = web.matching(stage=ContactStage.MET)
    assert met == {2}
    assert web.with_chains(met) == {1, 2}
    assert web.groups(web.with_chains(met)) == [("friend", 1)]
    assert web.group("family", web.with_chains(met)) == []
    assert web.matching(organization_id=10) == {1, 2}
    assert web.matching(stage=ContactStage.MET, organization_id=99) == set()


def test_a_loop_of_introducers_is_cut_and_nobody_is_lost():
    contacts = [person(1, "A", 3), person(2, "B", 1), person(3, "C", 2), person(4, "D", 4)]
    net = network.build_network(contacts, [], [])
    assert net.introduced_by(None) == [1, 4]  # the loop's lowest id, and a self-introducer
    assert net.chain(3) == [1, 2, 3]
    assert sum(1 + net.reach[r] for r in net.introduced_by(None)) == 4


def test_an_introducer_no_longer_on_the_list_is_named_from_the_kept_name():
    contacts = [person(1, "A", 99, introducer_name="Gone Person")]
    net = network.build_network(contacts, [], [])
    assert net.people[1].introducer_id is None
    assert net.people[1].introducer_name == "Gone Person"


def test_a_long_chain_needs_no_recursion():
    contacts = [person(i, f"P{i}", i - 1 if i > 1 else None) for i in range(1, 5001)]
    net = network.build_network(contacts, [], [])
    assert len(net.chain(5000)) == 5000
    assert net.reach[1] == 4999


# ----- planned vs held ----------------------------------------------------------------------


def test_planned_vs_held_counts_questions_time_and_captures():
    start = NOW - timedelta(hours=1)
    iv = Interview(
        minutes=15,
        questions=[
            PlannedQuestion("a", asked=True), PlannedQuestion("b", asked=True),
            PlannedQuestion("c", skipped=True), PlannedQuestion("d"),
        ],
        session=Session(started=start, ended=start + timedelta(minutes=19), paused_seconds=60),
        captures=[Capture(CaptureKind.REFERRAL, "Ann"), Capture(CaptureKind.REFERRAL, "Bo"),
                  Capture(CaptureKind.OFFER, "a template")],
    )  # fmt: skip
    result = held.planned_vs_held(iv)
    assert (result.planned, result.asked, result.skipped) == (4, 2, 1)
    assert result.not_reached == ["d"]
    assert result.minutes_held == 18 and result.minutes_over == 3
    assert result.line() == (
        "4 questions planned: 2 asked, 1 skipped, 1 not reached · 18 of 15 minutes (3 over) · "
        "3 captures (2 referrals, 1 offer)"
    )


def test_planned_vs_held_says_under_on_time_and_never_started():
    start = NOW - timedelta(hours=1)
    short = Interview(
        minutes=30, session=Session(started=start, ended=start + timedelta(minutes=22))
    )
    assert held.planned_vs_held(short).time_words() == "22 of 30 minutes (8 under)"
    exact = Interview(
        minutes=15, session=Session(started=start, ended=start + timedelta(minutes=15))
    )
    assert held.planned_vs_held(exact).time_words() == "15 of 15 minutes (on time)"
    never = held.planned_vs_held(Interview())
    assert never.time_words() == "The timer was never started."
    assert never.questions_words() == "No questions were planned."
    running = Interview(session=Session(started=start))
    assert held.planned_vs_held(running, NOW).minutes_held == 60


# ----- progress -----------------------------------------------------------------------------


def test_meetings_a_week_planned_and_held():
    monday = TODAY - timedelta(days=TODAY.weekday())
    interviews = [
        held_meeting(1, 1, monday),  # this week, held as planned
        held_meeting(2, 1, monday - timedelta(days=7), on_the_spot=True),  # held, never planned
        # Next week:
        Interview(id=3, status=InterviewStatus.SCHEDULED, when=NOW + timedelta(days=7)),
        Interview(id=4, status=InterviewStatus.CANCELLED, when=NOW - timedelta(days=14)),
        Interview(id=5, status=InterviewStatus.IDEA),
    ]
    weeks = {w.week: w for w in progress.meetings_by_week(interviews, TODAY)}
    assert (weeks[monday].planned, weeks[monday].held, weeks[monday].taken) == (1, 1, 1)
    last = weeks[monday - timedelta(days=7)]
    assert (last.planned, last.held) == (0, 1)
    assert weeks[monday + timedelta(days=7)].planned == 1
    assert weeks[monday - timedelta(days=14)].planned == 1  # called off, but it was planned
    assert len(weeks) == progress.PAST_WEEKS + 1 + progress.AHEAD_WEEKS


def test_people_by_month_and_how_they_were_found():
    contacts = [
        person(1, "A", found_through=FoundThrough.FRIEND, created=NOW),
        person(2, "B", found_through=FoundThrough.FRIEND, created=NOW - timedelta(days=40)),
        person(3, "C", source=ContactSource.LINKEDIN, imported=TODAY),
        person(4, "D", created=NOW - timedelta(days=400)),
        person(5, "E"),  # no known day
    ]
    months, older = progress.contacts_by_month(contacts, TODAY)
    assert older == 2
    by_month = {m.month: m.by_group for m in months}
    assert by_month[date(2026, 12, 1)] == {"friend": 1, "linkedin": 1}
    assert by_month[date(2026, 10, 1)] == {"friend": 1}
    assert months[0].month == date(2026, 7, 1)


def test_thank_yous_in_time_late_and_still_waiting():
    meetings = [
        held_meeting(1, 1, TODAY - timedelta(days=10)),  # sent the next day: in time
        held_meeting(2, 1, TODAY - timedelta(days=10)),  # sent 5 days later: late
        held_meeting(3, 1, TODAY - timedelta(days=10)),  # never sent: late
        held_meeting(4, 1, TODAY - timedelta(days=1)),  # not sent yet, still in its window
    ]
    base = datetime.combine(TODAY - timedelta(days=10), datetime.min.time(), tzinfo=UTC)
    items = [
        FollowUp(kind=FollowUpKind.THANK_YOU, interview_id=1, done=base + timedelta(days=1)),
        FollowUp(kind=FollowUpKind.THANK_YOU, interview_id=2, done=base + timedelta(days=5)),
        FollowUp(kind=FollowUpKind.THANK_YOU, interview_id=3),
    ]
    rate = progress.thank_you_rate(meetings, items, TODAY)
    assert (rate.in_time, rate.total, rate.waiting) == (1, 3, 1)
    assert rate.words("Thank-yous") == "Thank-yous: 1 of 3 in time (33%); 1 not due yet."


def test_follow_ups_done_on_their_day():
    due = TODAY - timedelta(days=5)
    at = datetime.combine(due, datetime.min.time(), tzinfo=UTC)
    items = [
        FollowUp(due=due, done=at),  # on the day
        FollowUp(due=due, done=at + timedelta(days=2)),  # late
        FollowUp(due=due),  # open and late
        FollowUp(due=TODAY + timedelta(days=3)),  # not due yet
        FollowUp(),  # no day: not counted
    ]
    rate = progress.on_time_rate(items, TODAY)
    assert (rate.in_time, rate.total, rate.waiting) == (1, 3, 1)
    assert progress.Rate(0, 0).words("X") == "X: none due yet."


def test_fit_by_occupation_averages_each_area_over_the_reflections_that_scored_it():
    occupations = [
        Occupation(id=1, title="Coordinator", current=True),
        Occupation(id=2, title="Nav"),
    ]
    keen = Reflection(interests_fit=4, values_fit=5, decision=Decision.PURSUE)
    unsure = Reflection(interests_fit=2, decision=Decision.MAYBE)
    meetings = [
        held_meeting(1, 1, TODAY, occupation_id=1, reflection=keen),
        held_meeting(2, 1, TODAY, occupation_id=1, reflection=unsure),
        held_meeting(3, 1, TODAY, occupation_id=1),
    ]
    fits = progress.fit_by_occupation(occupations, meetings)
    assert [f.title for f in fits] == ["Coordinator", "Nav"]
    first = fits[0]
    assert (first.held, first.reflected) == (3, 2)
    assert first.fit == {"interests": 3.0, "values": 5.0}
    assert first.overall == 4.0
    assert first.decisions == {Decision.PURSUE: 1, Decision.MAYBE: 1}
    assert fits[1].held == 0 and fits[1].overall is None


def test_energy_by_week_and_the_lighter_week_hint():
    def costly(iid: int, days_ago: int, cost: int | None) -> Interview:
        energy = EnergyCost(cost=cost) if cost else None
        return held_meeting(iid, 1, TODAY - timedelta(days=days_ago), energy=energy)

    calm = [costly(1, 2, 3), costly(2, 3, 4)]
    assert progress.lighter_week_hint(calm, TODAY, 2) == ""
    heavy = [costly(1, 2, 4), costly(2, 3, 4)]
    hint = progress.lighter_week_hint(heavy, TODAY, 2)
    assert "cost a lot (4 and 4 of 5)" in hint and "cap is 2" in hint
    assert progress.lighter_week_hint([costly(1, 1, 5)], TODAY, None) != ""
    assert progress.lighter_week_hint([costly(1, 9, 5)], TODAY, None) == ""  # over a week ago
    weeks = {w.week: w for w in progress.energy_by_week([*heavy, costly(3, 2, None)], TODAY)}
    last_week = weeks[date(2026, 11, 30)]  # Sat 5 and Sun 6 Dec
    assert (last_week.held, last_week.costs, last_week.mean) == (3, (4, 4), 4.0)
    assert weeks[date(2026, 12, 7)].held == 0 and weeks[date(2026, 12, 7)].mean is None


def test_progress_lines_say_every_figure_in_words():
    contacts = [person(1, "A", created=NOW), person(2, "B", created=NOW)]
    meetings = [held_meeting(1, 1, TODAY - timedelta(days=1), energy=EnergyCost(cost=2))]
    p = progress.build_progress(contacts, meetings, [], [], 2, TODAY)
    assert p.people == 2 and p.met == 1
    assert set(p.lines) == {"meetings", "people", "follow", "fit", "energy"}
    assert "1 of 2 meetings this week" in progress.summary_line(p)
    assert "1 of 2 people met" in progress.summary_line(p)
    assert any("on average 2.0 of 5" in line for line in p.lines["energy"])
    assert progress.home_line(contacts, meetings, 2, TODAY) == (
        "1 of 2 meetings this week · 1 of 2 people met"
    )


# ----- what I have learned -------------------------------------------------------------------


def test_learned_puts_every_meeting_about_the_occupation_side_by_side():
    occ = Occupation(
        id=1, title="Coordinator", perceptions="Desk work, 9 to 5.",
        demands=[Demand(DemandKind.PHYSICAL, "On my feet"), Demand(DemandKind.SCHEDULE, "Early")],
    )  # fmt: skip
    people = [person(1, "Ann"), person(2, "Bo", organization_id=10)]
    orgs = [Organization(id=10, name="Harbour")]
    q = "What is a day like?"
    first = held_meeting(
        1, 1, TODAY - timedelta(days=9), occupation_id=1,
        notes=[Note("Mostly walking", 60, q), Note("", 70, q), Note("Aside", 80, "")],
        captures=[Capture(CaptureKind.JOB_TITLE, "Research assistant")],
        reflection=Reflection(
            reality="Half the day on my feet.", training="GCP first.", decision=Decision.MAYBE,
            demands=[DemandCheck("On my feet", CanMeet.WITH_ACCOMMODATION, "a stool helps"),
                     DemandCheck("Early", CanMeet.UNKNOWN)],
        ),
    )  # fmt: skip
    second = held_meeting(
        2, 2, TODAY - timedelta(days=2), occupation_id=1,
        notes=[Note("Clinic, then the lab", 90, "what is a day like")],
        reflection=Reflection(
            demands=[DemandCheck("on my  feet", CanMeet.YES), DemandCheck("Evenings", CanMeet.NO)],
            decision=Decision.PURSUE,
        ),
    )  # fmt: skip
    other = held_meeting(3, 1, TODAY, occupation_id=2, reflection=Reflection(reality="Other"))
    no_occupation = held_meeting(4, 1, TODAY)
    result = learned.learned_about(occ, [second, other, first, no_occupation], people, orgs)
    assert [v.name for v in result.voices] == ["Ann", "Bo"]  # the order they were held
    assert result.voices[1].employer == "Harbour"
    assert [s.text for s in result.realities] == ["Half the day on my feet."]
    feet, early, evenings = result.demands
    assert feet.kind == "physical"
    assert [(v.name, c, n) for v, c, n in feet.answers] == [
        ("Ann", CanMeet.WITH_ACCOMMODATION, "a stool helps"), ("Bo", CanMeet.YES, ""),
    ]  # fmt: skip
    assert feet.tally() == "yes 1, with accommodation 1"
    assert early.answers == [] and early.tally() == "not judged yet"
    assert evenings.kind == "" and evenings.answers[0][1] is CanMeet.NO  # a meeting added it
    (question,) = result.questions
    assert [(s.voice.name, s.text) for s in question.answers] == [
        ("Ann", "Mostly walking"), ("Bo", "Clinic, then the lab"),
    ]  # fmt: skip
    assert [s.text for s in result.job_titles] == ["Research assistant"]
    assert [s.text for s in result.training] == ["GCP first."]
    assert [d for _, d in result.decisions] == [Decision.MAYBE, Decision.PURSUE]
    assert result.unlinked == 1
    assert learned.can_i(result) == (
        "Of the demands, by my latest judgement: 1 I can meet, 1 I cannot, 1 not judged yet."
    )


def test_learned_about_an_occupation_with_no_meeting_yet():
    occ = Occupation(id=1, title="Navigator")
    result = learned.learned_about(occ, [], [], [])
    assert result.empty and result.questions == [] and result.demands == []
    assert learned.can_i(result).startswith("No demands written down yet")


def test_a_deleted_interviewee_is_named_from_the_meeting():
    occ = Occupation(id=1, title="X")
    gone = held_meeting(1, 42, TODAY, occupation_id=1, contact_name="Dana Gone")
    result = learned.learned_about(occ, [gone], [], [])
    assert result.voices[0].name == "Dana Gone"


def test_the_first_level_counts_as_the_whole_network_does(web):
    contacts = [
        person(1, "Ann", found_through=FoundThrough.FRIEND),
        person(2, "Bo", 1),
        person(3, "Cy", 99, found_through=FoundThrough.REFERRAL),  # introducer not on the list
        person(4, "Dee", source=ContactSource.LINKEDIN),
    ]
    total, groups = network.first_level(contacts)
    assert total == 4
    assert groups == network.build_network(contacts, [], []).groups()
    assert groups == [("friend", 1), ("referral", 1), ("linkedin", 1)]
