"""The prep checklist for one meeting: which steps are done and what is left.

Steps follow the preparation order: occupation, employer research, contact, request,
introduction, questions, date. Each has a short hint that says where it stands or what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from . import introduction as intro
from .questions import plan_message
from .records import Contact, Interview, InterviewStatus, Occupation, Organization, Profile
from .timefmt import full_datetime

RESEARCH_FIELDS = ("strengths", "culture", "achievements", "news", "position", "website")
AGREED = frozenset({InterviewStatus.SCHEDULED, InterviewStatus.LIVE, InterviewStatus.DONE})


@dataclass(frozen=True)
class Step:
    label: str
    done: bool
    hint: str


def research_filled(organization: Organization) -> int:
    """How many of the research card's main fields hold something."""
    return sum(1 for name in RESEARCH_FIELDS if str(getattr(organization, name)).strip())


def checklist(
    interview: Interview,
    profile: Profile,
    occupation: Occupation | None,
    organization: Organization | None,
    contact: Contact | None,
    *,
    zone: tzinfo | None = None,
) -> list[Step]:
    """The prep steps, done or not; moments are shown in `zone` (the viewer's clock)."""
    steps = []
    if occupation is not None and occupation.title.strip():
        steps.append(Step("Occupation", True, occupation.title))
    else:
        steps.append(Step("Occupation", False, "Choose the occupation this meeting explores."))

    if organization is None:
        steps.append(Step("Research", False, "Link the meeting to an employer first."))
    else:
        filled = research_filled(organization)
        hint = f"{filled} of {len(RESEARCH_FIELDS)} research notes on {organization.name}."
        if not filled:
            hint = f"Research {organization.name}: strengths, culture, news, website…"
        steps.append(Step("Research", filled > 0, hint))

    if contact is not None:
        steps.append(Step("Contact", True, contact.name))
    elif interview.contact_name:  # chosen, and since deleted: their name stays on the meeting
        steps.append(Step("Contact", True, f"{interview.contact_name} (no longer in contacts)"))
    else:
        steps.append(Step("Contact", False, "Choose who to meet."))

    request = interview.request
    if request.reply:
        steps.append(Step("Request", True, f"Sent; they {request.reply}."))
    elif request.sent is not None:
        steps.append(
            Step("Request", True, f"Sent {full_datetime(request.sent, zone)}; no reply yet.")
        )
    elif interview.status in AGREED:
        steps.append(Step("Request", True, "Arranged without a written request."))
    elif request.email.strip() or request.phone_script.strip():
        steps.append(Step("Request", False, "Written; mark it sent once it is out."))
    else:
        steps.append(Step("Request", False, "Write the email or phone script and send it."))

    seconds = intro.spoken_seconds(profile.introduction)
    steps.append(
        Step(
            "Intro",
            intro.in_range(seconds),
            intro.estimate(profile.introduction),
        )
    )

    count = len(interview.questions)
    ok, message = plan_message(count)
    steps.append(Step("Questions", ok, message))

    if interview.when is not None:
        steps.append(Step("Date", True, full_datetime(interview.when, zone)))
    else:
        steps.append(Step("Date", False, "Set the date and time once they agree."))
    return steps


def left(steps: list[Step]) -> list[Step]:
    return [step for step in steps if not step.done]
