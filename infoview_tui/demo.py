"""Deterministic sample data for `infoview --demo`, the tests and the screenshots.

`build_demo(store, now)` fills an empty store with one person's search (the words are in
`demo_texts`), with every date placed relative to `now`: the same `now` always gives the same
data. The story, as of `now`: three meetings held (a practice one, a full one with a
reflection, and one on the spot by phone), two scheduled (tomorrow at 14:00 and in a week), one
request waiting for a reply, one idea, one declined, one cancelled; follow-ups overdue, due
today, this week, later and done.

`open_demo_copy(clock)` builds the same data in a throwaway folder, so the user's own data
file is never touched.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import demo_texts as texts
from .domain import rhythm
from .domain.question_bank import builtin_questions, default_plan
from .domain.records import (
    Capture,
    Contact,
    Decision,
    Demand,
    DemandCheck,
    DemandKind,
    EnergyCost,
    Flexibility,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Note,
    Occupation,
    Organization,
    PlannedQuestion,
    Profile,
    Question,
    Reflection,
    Request,
    Session,
)
from .domain.timefmt import short_date

if TYPE_CHECKING:
    from .clock import Clock
    from .store.store import Store

DEMO_FILENAME = "infoview-demo.json"


# ----- dates ----------------------------------------------------------------------------------


def add_business_days(day: date, count: int) -> date:
    """`day` moved by `count` weekdays (negative goes back); weekends are skipped."""
    step = 1 if count >= 0 else -1
    while count:
        day += timedelta(days=step)
        if day.weekday() < 5:
            count -= step
    return day


def _meeting_day(day: date) -> date:
    """The last weekday on or before `day` that is not one of Maya's rest days."""
    while day.weekday() >= 5 or day.weekday() in texts.REST_DAYS:
        day -= timedelta(days=1)
    return day


@dataclass(frozen=True)
class _Timeline:
    """When everything happened, relative to now."""

    now: datetime

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.now.tzinfo)

    def days_ago(self, days: int, hour: int = 19, minute: int = 0) -> datetime:
        return self.at(self.today - timedelta(days=days), hour, minute)

    def before(self, moment: datetime, days: int, hour: int, minute: int = 0) -> datetime:
        return self.at(moment.date() - timedelta(days=days), hour, minute)

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def practice(self) -> datetime:
        return self.at(_meeting_day(self.today - timedelta(days=24)), 10)

    @property
    def daniel(self) -> datetime:
        return self.at(_meeting_day(self.today - timedelta(days=9)), 10, 30)

    @property
    def sofia(self) -> datetime:  # the on-the-spot phone call
        return self.at(_meeting_day(self.today - timedelta(days=3)), 11, 15)

    @property
    def cancelled(self) -> datetime:
        return self.at(_meeting_day(self.today - timedelta(days=6)), 13)

    @property
    def tomorrow(self) -> datetime:
        return self.at(self.today + timedelta(days=1), 14)

    @property
    def next_week(self) -> datetime:
        return self.at(self.today + timedelta(days=7), 10)

    @property
    def request_sent(self) -> datetime:  # to Kevin, still waiting
        return self.at(add_business_days(self.today, -2), 9, 40)

    def thanked(self, meeting: datetime) -> datetime:
        """Thank-you notes went out the morning after."""
        return self.at(meeting.date() + timedelta(days=1), 9, 15)


# ----- building -------------------------------------------------------------------------------


@dataclass
class _Ids:
    """Stored ids by demo key, so later records can point at earlier ones."""

    questions: dict[str, Question]  # saved, with their ids
    occupations: dict[str, int]
    organizations: dict[str, int]
    contacts: dict[str, int]
    interviews: dict[str, int]


def build_demo(store: Store, now: datetime) -> None:
    """Fill an empty `store` with the demo data set, dated relative to `now` (tz-aware)."""
    if now.tzinfo is None:
        raise ValueError("build_demo needs a timezone-aware now")
    repos = (
        store.contacts, store.organizations, store.occupations,
        store.interviews, store.followups, store.questions,
    )  # fmt: skip
    if any(len(repo) for repo in repos):
        raise ValueError("the demo data set only goes into an empty store")
    tl = _Timeline(now)
    store.save_profile(_profile())
    ids = _Ids(
        questions=_save_questions(store),
        occupations=_save_occupations(store),
        organizations=_save_organizations(store),
        contacts={},
        interviews={},
    )
    ids.contacts = _save_contacts(store, tl, ids)
    ids.interviews = _save_interviews(store, tl, ids)
    _save_followups(store, tl, ids)


class _Saved(Protocol):
    id: int | None


def _id(record: _Saved) -> int:
    """The id a record got when it was saved."""
    assert record.id is not None
    return record.id


def _profile() -> Profile:
    return Profile(
        **texts.PROFILE,
        weekly_meeting_cap=texts.WEEKLY_MEETING_CAP,
        rest_days=list(texts.REST_DAYS),
    )


def _save_questions(store: Store) -> dict[str, Question]:
    """The built-in bank (keyed as in `demo_texts`), then my own questions."""
    bank = builtin_questions()
    keys = [*texts.ARTICLE_KEYS, *(q.topic for q in bank[len(texts.ARTICLE_KEYS) :])]
    own = [
        Question(text=t, why=w, source="own", topic=topic)
        for _k, topic, t, w in texts.OWN_QUESTIONS
    ]
    keys += [key for key, *_ in texts.OWN_QUESTIONS]
    return {key: store.questions.save(q) for key, q in zip(keys, bank + own, strict=True)}


def _save_occupations(store: Store) -> dict[str, int]:
    ids: dict[str, int] = {}
    for key, title, current, perceptions, demands, notes in texts.OCCUPATIONS:
        record = Occupation(
            title=title,
            perceptions=perceptions,
            demands=[Demand(kind, text) for kind, text in demands],
            notes=notes,
            current=current,
        )
        ids[key] = _id(store.occupations.save(record))
    return ids


def _save_organizations(store: Store) -> dict[str, int]:
    """Save every employer, then link competitors (which needs everyone's id)."""
    ids: dict[str, int] = {}
    saved: dict[str, Organization] = {}
    rank = 0
    for spec in texts.ORGANIZATIONS:
        if not spec.get("unranked"):
            rank += 1
        record = Organization(
            name=spec["name"],
            rank=None if spec.get("unranked") else rank,
            why=spec["why"],
            practice=spec.get("practice", False),
            website=spec.get("website", ""),
            strengths=spec.get("strengths", ""),
            culture=spec.get("culture", ""),
            achievements=spec.get("achievements", ""),
            news=spec.get("news", ""),
            position=spec.get("position", ""),
            flexibility=Flexibility(*spec.get("flexibility", ())),
            hires=spec.get("hires", False),
        )
        saved[spec["key"]] = store.organizations.save(record)
        ids[spec["key"]] = _id(saved[spec["key"]])
    for spec in texts.ORGANIZATIONS:
        if spec["competitors"]:
            record = saved[spec["key"]]
            record.competitor_ids = [ids[key] for key in spec["competitors"]]
            store.organizations.save(record)
    return ids


def _save_contacts(store: Store, tl: _Timeline, ids: _Ids) -> dict[str, int]:
    # People met: the last contact was the thank-you note (or the call itself).
    last_contact = {
        "marisol": tl.thanked(tl.practice),
        "daniel": tl.thanked(tl.daniel),
        "sofia": tl.sofia + timedelta(minutes=14),
    }
    contact_ids: dict[str, int] = {}
    for spec in texts.CONTACTS:
        key = spec["key"]
        last = last_contact.get(key)
        if last is None and "last" in spec:
            last = tl.days_ago(spec["last"], 18, 30)
        record = Contact(
            name=spec["name"],
            job_title=spec["title"],
            organization_id=ids.organizations.get(spec.get("org", "")),
            email=spec.get("email", ""),
            phone=spec.get("phone", ""),
            linkedin=spec.get("linkedin", ""),
            found_through=spec["found"],
            introduced_by_id=contact_ids.get(spec.get("by", "")),
            introducer_asks_first=spec.get("asks_first", False),
            may_use_name=spec.get("may_use_name", False),
            cadence_days=spec.get("cadence"),
            last_contact=last,
            notes=spec["notes"],
            created=tl.days_ago(spec["added"], 20, 10),
        )
        contact_ids[key] = _id(store.contacts.save(record))
    return contact_ids


# ----- meetings -------------------------------------------------------------------------------


def _first_name(contact_key: str) -> str:
    return next(c["name"] for c in texts.CONTACTS if c["key"] == contact_key).split()[0]


def _request(contact_key: str, sent: datetime | None, reply: str = "") -> Request:
    """The request email and phone script for one contact, from the templates in demo_texts."""
    subject, connection, connection_short = texts.CONNECTIONS[contact_key]
    first = _first_name(contact_key)
    return Request(
        email=texts.REQUEST_EMAIL.format(subject=subject, first=first, connection=connection),
        phone_script=texts.PHONE_SCRIPT.format(first=first, connection_short=connection_short),
        sent=sent,
        reply=reply,
        reply_at=None if not reply or sent is None else sent + timedelta(hours=26),
    )


def _plan(
    ids: _Ids, keys: tuple[str, ...], asked: int = 0, skipped: tuple[str, ...] = ()
) -> list[PlannedQuestion]:
    """Planned questions in order; the first `asked` were asked, unless skipped."""
    return [
        PlannedQuestion(
            text=ids.questions[key].text,
            question_id=ids.questions[key].id,
            asked=i < asked and key not in skipped,
            skipped=key in skipped,
        )
        for i, key in enumerate(keys)
    ]


def _on_the_spot_plan(ids: _Ids) -> list[PlannedQuestion]:
    plan = default_plan(list(ids.questions.values()))
    for planned in plan:
        planned.asked = True
    return plan


def _held(
    ids: _Ids,
    meeting: str,
    questions: list[PlannedQuestion],
    started: datetime,
    minutes: float,
    paused: float = 0.0,
) -> dict[str, Any]:
    """Plan, session, notes and captures of a meeting that has been held."""
    notes = [Note(text, float(at), ids.questions[q].text) for at, q, text in texts.NOTES[meeting]]
    captures = [
        Capture(kind, text, organization, may_use_name, float(at), handled=True)
        for at, kind, text, organization, may_use_name in texts.CAPTURES[meeting]
    ]
    captures.sort(key=lambda c: c.elapsed)
    session = Session(
        started=started,
        paused_seconds=paused,
        ended=started + timedelta(minutes=minutes, seconds=paused),
        current=len(questions) - 1,
    )
    return {"questions": questions, "session": session, "notes": notes, "captures": captures}


def _demand_text(which: DemandKind | str) -> str:
    """A reflection's demand: the current occupation's demand of that kind (as the After
    screen starts a reflection from them), or one the meeting added, as written."""
    if isinstance(which, DemandKind):
        current = next(o for o in texts.OCCUPATIONS if o[2])
        return next(text for kind, text in current[4] if kind is which)
    return which


def _reflection(spec: dict[str, Any], meeting: datetime, decision: Decision) -> Reflection:
    return Reflection(
        **{k: v for k, v in spec.items() if k not in ("demands", "next_steps", "thank_you")},
        demands=[
            DemandCheck(_demand_text(which), can, note) for which, can, note in spec["demands"]
        ],
        next_steps=list(spec["next_steps"]),
        thank_you=spec["thank_you"].format(day=f"{meeting:%A}"),
        decision=decision,
    )


def _energy(meeting: str, recorded: datetime) -> EnergyCost:
    cost, feeling = texts.ENERGY[meeting]
    return EnergyCost(cost, feeling, recorded)


def _save_interviews(store: Store, tl: _Timeline, ids: _Ids) -> dict[str, int]:
    def meeting(contact_key: str, org_key: str, status: InterviewStatus, created: datetime,
                **fields: Any) -> Interview:  # fmt: skip
        return Interview(
            contact_id=ids.contacts[contact_key],
            organization_id=ids.organizations[org_key],
            occupation_id=ids.occupations["crc"],
            status=status,
            created=created,
            **fields,
        )

    done, scheduled = InterviewStatus.DONE, InterviewStatus.SCHEDULED
    practice, daniel, sofia = tl.practice, tl.daniel, tl.sofia
    # fmt: off
    records = {
        # Three held meetings: a practice one, a full one with a reflection, one on the spot.
        "practice": meeting(
            "marisol", "eastgate", done, tl.before(practice, 9, 20),
            when=practice, place="Eastgate Family Health Team, staff room",
            request=_request("marisol", tl.before(practice, 8, 11), "accepted"),
            reflection=_reflection(texts.REFLECTION_PRACTICE, practice, Decision.MAYBE),
            energy=_energy("practice", practice + timedelta(hours=5)),
            **_held(ids, "practice",
                    _plan(ids, ("background", "day", "likes", "start", "referrals", "again"), 6),
                    practice + timedelta(minutes=2), 15.5),
        ),
        "daniel": meeting(
            "daniel", "coastal", done, tl.before(daniel, 7, 21),
            when=daniel, place="Coastal University Hospital, Clinical Research Unit, 3rd floor",
            request=_request("daniel", tl.before(daniel, 6, 21, 40), "accepted"),
            reflection=_reflection(texts.REFLECTION_DANIEL, daniel, Decision.PURSUE),
            energy=_energy("daniel", daniel + timedelta(hours=6)),
            # "flexibility" was added during the meeting; "employers" was skipped for time.
            **_held(ids, "daniel",
                    _plan(ids, ("background", "day", "likes", "titles", "employers",
                                "flexibility", "referrals", "again"), 8, skipped=("employers",)),
                    daniel + timedelta(minutes=3), 18, paused=45),
        ),
        "sofia": meeting(
            "sofia", "harbourside", done, sofia,
            when=sofia, place="Phone call", on_the_spot=True,
            energy=_energy("sofia", sofia + timedelta(hours=2)),
            # Started at once when she said now was good: the bank's default plan.
            **_held(ids, "sofia", _on_the_spot_plan(ids), sofia, 14),
        ),
        # Ahead: tomorrow at 14:00, and a week from today.
        "beth": meeting(
            "beth", "meridian", scheduled, tl.days_ago(6),
            when=tl.tomorrow, place="Meridian Biologics, café on the 2nd floor",
            request=_request("beth", tl.days_ago(5, 8, 50), "accepted"),
            questions=_plan(ids, ("trends", "day", "insights", "titles", "referrals")),
        ),
        "marcus": meeting(
            "marcus", "riverside", scheduled, tl.days_ago(4),
            when=tl.next_week,
            place="Riverside Children's Research Institute, research office, room 2.14",
            request=_request("marcus", tl.days_ago(3, 9, 5), "accepted"),
            questions=_plan(ids, ("day", "flexibility", "first_year", "referrals")),
        ),
        # Waiting for a reply since two business days ago.
        "kevin": meeting(
            "kevin", "cedar", InterviewStatus.REQUESTED, tl.request_sent - timedelta(hours=1),
            request=_request("kevin", tl.request_sent),
            questions=_plan(ids, ("background", "day", "likes", "start", "referrals")),
        ),
        # Only an idea so far: Joelle is asking Hannah first.
        "hannah": meeting(
            "hannah", "northshore", InterviewStatus.IDEA, tl.days_ago(1, 20, 30),
            questions=_plan(ids, ("day", "flexibility", "advice")),
        ),
        "ravi": meeting(
            "ravi", "lumen", InterviewStatus.DECLINED, tl.days_ago(17),
            request=_request("ravi", tl.days_ago(16, 10, 20), "declined"),
            questions=_plan(ids, ("day", "trends", "titles")),
        ),
        "farah": meeting(
            "farah", "westbrook", InterviewStatus.CANCELLED, tl.days_ago(14),
            when=tl.cancelled, place="Westbrook Community Health Centre, main lobby",
            request=_request("farah", tl.days_ago(13, 11), "accepted"),
            questions=_plan(ids, ("background", "day", "first_year", "referrals")),
        ),
    }
    # fmt: on
    return {key: _id(store.interviews.save(record)) for key, record in records.items()}


# ----- follow-ups ----------------------------------------------------------------------------


def _save_followups(store: Store, tl: _Timeline, ids: _Ids) -> None:
    c, iv, org = ids.contacts, ids.interviews, ids.organizations
    today = tl.today
    day = timedelta(days=1)

    def when(moment: datetime) -> str:
        return short_date(moment.date(), today)

    def item(kind: FollowUpKind, title: str, due: date, reason: str, created: datetime,
             done: datetime | None = None, **links: int) -> FollowUp:  # fmt: skip
        return FollowUp(kind=kind, title=title, due=due, reason=reason, created=created,
                        done=done, contact_id=links.get("contact_id"),
                        interview_id=links.get("interview_id"),
                        organization_id=links.get("organization_id"))  # fmt: skip

    sofia_end = tl.sofia + timedelta(minutes=14)
    items = [
        # Overdue.
        item(FollowUpKind.THANK_YOU, "Thank Sofia Marchetti for the call",
             tl.sofia.date() + 2 * day,
             f"Meeting on {when(tl.sofia)}: a thank-you within two days.", sofia_end,
             contact_id=c["sofia"], interview_id=iv["sofia"]),
        # Due today.
        item(FollowUpKind.NEXT_STEP, "Send Daniel the clinic scheduling template", today,
             "Offered in our meeting: something useful back, not just a favour asked.",
             tl.daniel + timedelta(hours=3), contact_id=c["daniel"], interview_id=iv["daniel"]),
        item(FollowUpKind.REACH_OUT, "Contact Tom Becker at Pacific Trials Network", today,
             "Referral from the call with Sofia; she'd rather I didn't use her name.", sofia_end,
             contact_id=c["tom"], interview_id=iv["sofia"], organization_id=org["pacific"]),
        # This week.
        item(FollowUpKind.ANOTHER_CONTACT, "No reply from Kevin? Write to Lucy Park",
             add_business_days(tl.request_sent.date(), 3),
             "Three business days without a reply: approach another contact at Cedar Valley.",
             tl.request_sent, contact_id=c["lucy"], interview_id=iv["kevin"],
             organization_id=org["cedar"]),
        item(FollowUpKind.NUDGE, "A friendly reminder to Kevin Liu",
             add_business_days(tl.request_sent.date(), 7),
             "Seven business days without a reply: one short, polite nudge.",
             tl.request_sent, contact_id=c["kevin"], interview_id=iv["kevin"]),
        item(FollowUpKind.OTHER, "Ask Joelle to check with Hannah first", today + 2 * day,
             "Joelle offered to ask Hannah before I write to her.", tl.days_ago(1, 20, 30),
             contact_id=c["joelle"], interview_id=iv["hannah"]),
        item(FollowUpKind.NEXT_STEP, "Read up on Riverside's asthma study before meeting Marcus",
             tl.next_week.date() - 2 * day,
             f"Preparation for the meeting on {when(tl.next_week)}.", tl.days_ago(2),
             contact_id=c["marcus"], interview_id=iv["marcus"]),
        # Later.
        item(FollowUpKind.NEXT_STEP, "Finish the online GCP course", today + 21 * day,
             "Reflection after meeting Daniel: needed before any research job.",
             tl.daniel + timedelta(hours=6), interview_id=iv["daniel"]),
        item(FollowUpKind.NEXT_STEP, "Look at Summit Dermatology Research's postings",
             today + 10 * day, "Lead from Daniel: they hire people from clinic front offices.",
             tl.daniel + timedelta(hours=6), interview_id=iv["daniel"],
             organization_id=org["summit"]),
        # Done.
        item(FollowUpKind.THANK_YOU, "Thank Marisol Vega", tl.practice.date() + 2 * day,
             f"Meeting on {when(tl.practice)}: a thank-you within two days.",
             tl.practice + timedelta(minutes=20), done=tl.thanked(tl.practice),
             contact_id=c["marisol"], interview_id=iv["practice"]),
        item(FollowUpKind.REACH_OUT, "Email Kevin Liu at Cedar Valley",
             tl.practice.date() + 3 * day, "Referral from Marisol; she's happy for me to use "
             "her name.", tl.practice + timedelta(minutes=20), done=tl.request_sent,
             contact_id=c["kevin"], interview_id=iv["practice"]),
        item(FollowUpKind.THANK_YOU, "Thank Daniel Okoye", tl.daniel.date() + 2 * day,
             f"Meeting on {when(tl.daniel)}: a thank-you within two days.",
             tl.daniel + timedelta(minutes=25), done=tl.thanked(tl.daniel),
             contact_id=c["daniel"], interview_id=iv["daniel"]),
        item(FollowUpKind.REACH_OUT, "Contact Sofia Marchetti at Harbourside",
             tl.daniel.date() + 3 * day, "Referral from Daniel; he said to use his name.",
             tl.daniel + timedelta(minutes=25), done=tl.sofia,
             contact_id=c["sofia"], interview_id=iv["daniel"],
             organization_id=org["harbourside"]),
    ]  # fmt: skip
    # Staying in touch: each rhythm's one check-in, made by the app's own rule (a step after
    # the last contact, off the rest days), as logging that contact would have made it.
    rest = store.profile().rest_days
    for key in sorted(c, key=lambda k: c[k]):
        contact = store.contacts.get(c[key])
        assert contact is not None
        check_in = rhythm.next_touch_item(contact, [], rest, today=today)
        if check_in is not None:
            items.append(replace(check_in, created=contact.last_contact or tl.now))
    for record in items:
        store.followups.save(record)


# ----- a throwaway copy -----------------------------------------------------------------------


def open_demo_copy(clock: Clock) -> tuple[Path, tempfile.TemporaryDirectory[str]]:
    """Build the demo in a new temp folder; returns the data file (closed) and the folder.

    The caller reopens the file and cleans the folder up when done (`folder.cleanup()`).
    """
    from .store.store import Store  # deferred: TinyDB is only needed once we build

    folder = tempfile.TemporaryDirectory(prefix="infoview-demo-")
    try:
        path = Path(folder.name) / DEMO_FILENAME
        store = Store.open(path, clock)
        try:
            build_demo(store, clock.now())
        finally:
            store.close()
    except BaseException:
        folder.cleanup()
        raise
    return path, folder
