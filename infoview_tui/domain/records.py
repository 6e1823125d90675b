"""Plain records for the whole workflow, from preparation to staying in touch.

They are dataclasses with no behaviour beyond small derived properties; rules live in the other
domain modules and storage in `infoview_tui.store`. Datetimes are timezone-aware; dates are
plain calendar days. `id` is None until a record has been stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

DEFAULT_MEETING_MINUTES = 15


class FoundThrough(StrEnum):
    """How a contact was found; the article's four routes plus the ones real life adds."""

    FAMILY = "family"
    FRIEND = "friend"
    FORMER_COWORKER = "former co-worker"
    PROFESSIONAL = "professional community"
    REFERRAL = "referral"
    OTHER = "other"


class DemandKind(StrEnum):
    PHYSICAL = "physical"
    SCHEDULE = "schedule"
    STRESS = "stress"
    TRAINING = "training"
    OTHER = "other"


class CanMeet(StrEnum):
    UNKNOWN = ""
    YES = "yes"
    WITH_ACCOMMODATION = "with accommodation"
    NO = "no"


class InterviewStatus(StrEnum):
    """Where a meeting stands. Order matters: it is the order of the journey."""

    IDEA = "idea"  # a meeting I want, nothing asked yet
    REQUESTED = "requested"  # request sent, waiting for a reply
    SCHEDULED = "scheduled"  # a date is agreed
    LIVE = "live"  # the meeting is running (or was, when the app stopped)
    DONE = "done"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class CaptureKind(StrEnum):
    REFERRAL = "referral"
    LEAD = "lead"
    JOB_TITLE = "job title"
    OBSERVATION = "observation"
    OFFER = "offer"


class FollowUpKind(StrEnum):
    THANK_YOU = "thank-you"
    NUDGE = "nudge"  # polite reminder after a request with no reply
    ANOTHER_CONTACT = "another contact"  # approach someone else at the employer
    REACH_OUT = "reach out"  # contact a referral
    STAY_IN_TOUCH = "stay in touch"
    NEXT_STEP = "next step"  # from a reflection
    OTHER = "other"


class ContactSource(StrEnum):
    """Where a contact came from: typed in, or which kind of file imported them."""

    TYPED = ""
    LINKEDIN = "linkedin"  # a LinkedIn connections export (Connections.csv, or its ZIP)
    CSV = "csv"  # a spreadsheet saved as CSV, with a header row
    VCARD = "vcard"  # an address book's .vcf


class Decision(StrEnum):
    UNDECIDED = ""
    PURSUE = "pursue"
    MAYBE = "maybe"
    DROP = "drop"


@dataclass
class Profile:
    """Me. `work_ability` and `disclosure_plan` are private: never exported unless asked."""

    name: str = ""
    interests: str = ""
    values: str = ""
    needs: str = ""
    skills: str = ""
    work_ability: str = ""
    disclosure_plan: str = ""
    introduction: str = ""
    weekly_meeting_cap: int | None = None
    rest_days: list[int] = field(default_factory=list)  # 0 = Monday
    day_first: bool = True  # how "3/12" is read: 3 December (True) or March 12
    wrap_minutes: int = 3  # the meeting's wrap-up phase: the last few minutes
    meeting_bell: bool = False  # ring the terminal bell when a meeting's phase changes


PRIVATE_PROFILE_FIELDS = ("work_ability", "disclosure_plan")


@dataclass
class Demand:
    kind: DemandKind = DemandKind.OTHER
    text: str = ""


@dataclass
class Occupation:
    id: int | None = None
    title: str = ""
    perceptions: str = ""  # written before any meeting, compared with the insider's view after
    demands: list[Demand] = field(default_factory=list)
    notes: str = ""
    current: bool = False
    keywords: list[str] = field(default_factory=list)  # job titles to search for, from meetings


@dataclass
class Flexibility:
    hours: str = ""
    part_time: str = ""
    remote: str = ""
    accommodation: str = ""


@dataclass
class Organization:
    id: int | None = None
    name: str = ""
    rank: int | None = None  # 1 is the top; None is not on the ranked list
    why: str = ""
    practice: bool = False  # a lower-interest target for a first, practice meeting
    website: str = ""
    strengths: str = ""
    culture: str = ""
    achievements: str = ""
    news: str = ""
    position: str = ""
    competitor_ids: list[int] = field(default_factory=list)
    # Competitors named on the card that are not (yet) employers on my list: kept as typed.
    other_competitors: list[str] = field(default_factory=list)
    flexibility: Flexibility = field(default_factory=Flexibility)
    hires: bool = False  # known to hire in the field (a lead from a meeting)


@dataclass
class Contact:
    id: int | None = None
    name: str = ""
    job_title: str = ""
    organization_id: int | None = None
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    found_through: FoundThrough = FoundThrough.OTHER
    introduced_by_id: int | None = None
    introducer_name: str = ""  # kept when the introducer is deleted: who sent me, in words
    introducer_asks_first: bool = False  # ask the introducer to check with them first
    may_use_name: bool = False  # the introducer allows me to mention their name
    cadence_days: int | None = None  # stay-in-touch rhythm; None is no rhythm
    last_contact: datetime | None = None
    notes: str = ""
    created: datetime | None = None
    # From an import (all empty for a contact typed in):
    company: str = ""  # the employer as the file wrote it (linked or not to an employer)
    other_emails: list[str] = field(default_factory=list)  # beyond `email`, matched on import
    source: ContactSource = ContactSource.TYPED
    imported: date | None = None  # the day an import added them
    connected_on: date | None = None  # LinkedIn's "Connected On"
    uid: str = ""  # the vCard UID they came with: a re-import of that card updates them


@dataclass
class EventStamp:
    """What a calendar export knows of a record's event: a digest of the fields that make the
    event (its time, length, status, title) and how often they changed. The store restamps it
    on every save (domain/event_stamp.py), so an export reads SEQUENCE without writing."""

    digest: str = ""
    sequence: int = 0


@dataclass
class Question:
    id: int | None = None
    text: str = ""
    why: str = ""
    source: str = "own"  # "article", "tiara" or "own"
    topic: str = ""


@dataclass
class Request:
    email: str = ""
    phone_script: str = ""
    sent: datetime | None = None
    reply: str = ""  # "", "accepted" or "declined"
    reply_at: datetime | None = None


@dataclass
class PlannedQuestion:
    text: str = ""
    question_id: int | None = None
    asked: bool = False
    skipped: bool = False


@dataclass
class Session:
    """The live timer, stored so a restart shows the true elapsed time.

    Elapsed time is always computed: (now or end) - started - banked pauses - open pause.
    """

    started: datetime | None = None
    paused_at: datetime | None = None
    paused_seconds: float = 0.0
    ended: datetime | None = None
    current: int = 0  # index into the plan's questions
    current_since: float = 0.0  # elapsed seconds when the current question came up


@dataclass
class Note:
    text: str = ""
    elapsed: float = 0.0  # seconds into the meeting
    question: str = ""  # the question current when it was written


@dataclass
class Capture:
    kind: CaptureKind = CaptureKind.OBSERVATION
    text: str = ""  # the name, organisation, title, observation or offer
    organization: str = ""  # for a referral: where they work
    may_use_name: bool = False  # for a referral: may I say the interviewee sent me
    elapsed: float = 0.0
    handled: bool = False  # turned into a contact, employer or follow-up


@dataclass
class DemandCheck:
    text: str = ""
    can_meet: CanMeet = CanMeet.UNKNOWN
    note: str = ""  # what the insider said about it, or why I think I can (or cannot) meet it


@dataclass
class Reflection:
    interests: str = ""
    interests_fit: int | None = None  # 1 (poor) to 5 (strong)
    values: str = ""
    values_fit: int | None = None
    needs: str = ""
    needs_fit: int | None = None
    skills: str = ""
    skills_fit: int | None = None
    reality: str = ""  # the insider's view, beside my perceptions
    demands: list[DemandCheck] = field(default_factory=list)
    decision: Decision = Decision.UNDECIDED
    training: str = ""
    next_steps: list[str] = field(default_factory=list)
    thank_you: str = ""  # the draft
    learned: str = ""  # the one specific thing to mention in the thank-you


@dataclass
class EnergyCost:
    """What a meeting cost me, written after it: private, like the work-ability notes."""

    cost: int | None = None  # 1 (hardly anything) to 5 (wiped out)
    feeling: str = ""  # how I feel now, in my words
    recorded: datetime | None = None


@dataclass
class Interview:
    id: int | None = None
    contact_id: int | None = None
    contact_name: str = ""  # kept when the contact is deleted: whom the meeting was with
    organization_id: int | None = None
    occupation_id: int | None = None
    status: InterviewStatus = InterviewStatus.IDEA
    when: datetime | None = None
    place: str = ""
    minutes: int = DEFAULT_MEETING_MINUTES
    on_the_spot: bool = False
    request: Request = field(default_factory=Request)
    questions: list[PlannedQuestion] = field(default_factory=list)
    session: Session = field(default_factory=Session)
    notes: list[Note] = field(default_factory=list)
    draft: Note | None = None  # the note being typed, saved so a crash keeps it
    captures: list[Capture] = field(default_factory=list)
    reflection: Reflection | None = None
    created: datetime | None = None
    event: EventStamp | None = None  # for calendar exports; set by the store on save
    energy: EnergyCost | None = None  # private: in no export unless asked for


# Fields of a meeting that are as private as the work-ability notes.
PRIVATE_INTERVIEW_FIELDS = ("energy",)


@dataclass
class FollowUp:
    id: int | None = None
    kind: FollowUpKind = FollowUpKind.OTHER
    title: str = ""
    due: date | None = None
    contact_id: int | None = None
    interview_id: int | None = None
    organization_id: int | None = None
    reason: str = ""  # why it exists: the rule or meeting that made it
    done: datetime | None = None
    created: datetime | None = None
    event: EventStamp | None = None  # for calendar exports; set by the store on save

    @property
    def is_open(self) -> bool:
        return self.done is None


RECORD_TYPES: tuple[type, ...] = (Occupation, Organization, Contact, Question, Interview, FollowUp)
