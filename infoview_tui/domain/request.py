"""Asking for a meeting: the phone script and email templates, the coach's email check, and the
business-day follow-ups a sent request starts.

The templates are our own words: a short introduction, the connection first, a question asking
for 15 minutes at the other person's convenience, ideally at their workplace, for advice and
never for a job.

How the email check reads a text (heuristics, documented so their limits are clear):
- The "Subject:" line, a short greeting line ("Hi Kevin,") and the sign-off (from a short line
  such as "Thank you," to the end) are left out; what remains is the body.
- Words are runs of letters or digits, apostrophes and hyphens kept inside ("I'd", "co-worker").
- Sentences end at ".", "!" or "?" followed by a space, or at a blank line.
- Connection: the introducer's full, first or last name, or a word that shows a shared link
  ("met", "mutual", "fellow", "member", "community", "suggested", ...) in the first two sentences.
- The ask: a sentence ending in "?" that mentions time or a conversation ("minutes", "talk",
  "meet", "coffee", ...).
- A job ask is a job word used as something I want: after a seeking verb ("looking for a job",
  "apply for the position", "seeking a role"), after "any" ("any openings"), before "available"
  or "open" ("positions available"), hiring aimed at me ("are you hiring", "hire me", "work for
  you", "a position for me", "help me find a job"), or a CV/résumé sent along. A negation just
  before it ("I'm not looking for a job") clears it, and job words that describe their work
  ("the job you do", "your position", "job titles") are never asks.
- About them: "you/your/yours/yourself" must outnumber "I/me/my/mine/myself" (contractions such
  as "I'm", "I'd" count as I).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from .dates import add_business_days
from .records import (
    Contact,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    Occupation,
    Organization,
)

MAX_WORDS = 100
LENGTH = "100 words or fewer"
CONNECTION = "Connection first"
QUESTION = "Ask as a question"
ADVICE = "Advice, never a job"
ABOUT = "About them, not me"
ANOTHER_CONTACT_AFTER = 3  # business days without a reply
NUDGE_AFTER = 7
REQUEST_KINDS = frozenset({FollowUpKind.ANOTHER_CONTACT, FollowUpKind.NUDGE})

# ----- small text helpers ------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")
_GREETING = re.compile(r"^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b", re.I)
_SIGN_OFF = re.compile(
    r"^(thank you|thanks|many thanks|with thanks|best|best wishes|all the best|kind regards|"
    r"warm regards|regards|sincerely|yours|cheers|warmly)\b",
    re.I,
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences of `text`, whitespace-collapsed, empty ones dropped."""
    parts = _SENTENCE_END.split(text)
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def email_body(text: str) -> str:
    """The email without its subject line, greeting line and sign-off block."""
    lines = [line for line in text.splitlines() if not line.lower().startswith("subject:")]
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        short = len(words(stripped)) <= 6
        if not any(k.strip() for k in kept) and stripped and short and _GREETING.match(stripped):
            continue  # the greeting line
        if any(k.strip() for k in kept) and short and _SIGN_OFF.match(stripped):
            break  # the sign-off and the signature after it
        kept.append(line)
    return "\n".join(kept).strip()


def _first_name(name: str) -> str:
    return name.split()[0] if name.split() else ""


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


# ----- the templates ---------------------------------------------------------------------------


def _connection(contact: Contact, introducer: Contact | None, org_name: str) -> str:
    """The first sentence: how I come to write to them."""
    if introducer is not None and introducer.name.strip():
        if contact.may_use_name:
            return f"{introducer.name} suggested I get in touch with you."
        return "A mutual acquaintance suggested I get in touch with you."
    at = f" at {org_name}" if org_name else ""
    return {
        FoundThrough.FAMILY: "I hope you are well; our family connection is why I'm writing.",
        FoundThrough.FRIEND: "I hope you are well; I'm writing as a friend with a favour to ask.",
        FoundThrough.FORMER_COWORKER: "We worked together a while back, and I hope you are well.",
        FoundThrough.PROFESSIONAL: "We are both part of the same professional community, "
        "which is how I found your name.",
        FoundThrough.REFERRAL: f"I was given your name as someone who knows the work{at} well.",
    }.get(contact.found_through, f"I came across your name while learning about the work{at}.")


def _spoken_connection(contact: Contact, introducer: Contact | None) -> str:
    if introducer is not None and introducer.name.strip() and contact.may_use_name:
        return f"{introducer.name} gave me your name."
    if introducer is not None:
        return "A mutual acquaintance gave me your name."
    return ""


def _intro_sentence(introduction: str) -> str:
    """The first sentence of my introduction that says more than hello and my name."""
    for sentence in sentences(introduction):
        lowered = sentence.lower()
        if len(words(sentence)) <= 6 and re.search(r"\b(hi|hello|name|i'm|i am)\b", lowered):
            continue
        return sentence
    return ""


def _exploring(occupation: Occupation | None) -> str:
    if occupation is not None and occupation.title.strip():
        return f"work as {_a(occupation.title.strip().lower())}"
    return "a change of career"


def email_draft(
    contact: Contact,
    organization: Organization | None,
    occupation: Occupation | None,
    introducer: Contact | None,
    introduction: str,
    my_name: str = "",
) -> str:
    """A short request email that passes the check when filled from typical data."""
    org_name = organization.name.strip() if organization else ""
    first = _first_name(contact.name) or "there"
    if introducer is not None and introducer.name.strip() and contact.may_use_name:
        subject = f"{introducer.name} suggested I write"
    elif occupation is not None and occupation.title.strip():
        subject = f"15 minutes of advice on {_exploring(occupation)}?"
    else:
        subject = "15 minutes of your advice?"
    body = [
        _connection(contact, introducer, org_name),
        f"I'm exploring {_exploring(occupation)}, and your advice would mean a lot.",
    ]
    place = f" at {org_name}" if org_name else " at your workplace"
    ask = (
        "Would you have 15 minutes, at a time that suits you, to tell me how the work looks "
        f"from where you are? If it's easy for you, I would gladly come to you{place}."
    )
    intro = _intro_sentence(introduction)
    if intro and len(words(" ".join([*body, intro, ask]))) <= MAX_WORDS:
        body.append(intro)  # only when the email stays short with it
    signature = f"\n{my_name.strip()}" if my_name.strip() else ""
    return (
        f"Subject: {subject}\n\nHi {first},\n\n{' '.join(body)}\n\n{ask}\n\n"
        f"Thank you for considering it,{signature}"
    )


def phone_script(
    contact: Contact,
    organization: Organization | None,
    occupation: Occupation | None,
    introducer: Contact | None,
    introduction: str,
    my_name: str = "",
) -> str:
    """What to say on the phone: who I am, why them, the ask, and being ready to talk now."""
    first = _first_name(contact.name) or "there"
    me = f", this is {my_name.strip()}" if my_name.strip() else ""
    opening = " ".join(
        x for x in (f"Hi {first}{me}.", _spoken_connection(contact, introducer)) if x
    )
    org_name = organization.name.strip() if organization else ""
    where = f"at {org_name}" if org_name else "at your workplace"
    intro = " ".join(introduction.split()) or (
        f"[My introduction: who I am and why I'm exploring {_exploring(occupation)}.]"
    )
    return (
        f"{opening} Do you have a moment?\n\n"
        f"{intro}\n\n"
        "I'm not after a job; I'd like to learn from your experience. Could we find 15 "
        f"minutes, whenever suits you, ideally {where}?\n\n"
        "If now is better for you, I'm happy to talk right away."
    )


# ----- the check -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    label: str
    met: bool
    hint: str


_CONNECTION_WORDS = re.compile(
    r"\b(met|meetup|mutual|fellow|members?|both|community|alumni|alumnus|"
    r"association|group|club|network|suggested|recommended|referred|introduced|gave me your name|"
    r"given your name|passed on your name|worked together|our days|our time at|back when we|"
    r"colleagues?|co-workers?|our family|friend|cousin|neighbou?r)\b"
)
_ASK_WORDS = re.compile(
    r"\b(minutes?|time|talk|chat|meet|meeting|conversation|coffee|call|speak|moment|"
    r"available|sit down|get together)\b"
)
_JOB = r"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|roles?|employment|internships?|work)"
_JOB_STRICT = r"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|roles?|internships?)"
_FILLER = r"(?:(?:a|an|any|some|the|new|open|suitable|full[- ]time|part[- ]time|paid|job)\s+)*"
_NOT_DESCRIBING = r"(?!\s+(?:you\b|that you|which you|like yours|titles?\b|market\b))"
_JOB_ASKS = [
    re.compile(p)
    for p in (
        # Seeking verbs: "looking for a job", "apply for the position", "seeking a new role".
        rf"\b(?:looking|searching|hoping|asking|applying|apply|hunting)\s+(?:for|to\s+(?:find|"
        rf"get|land|secure))\s+{_FILLER}(?:[\w-]+\s+)?{_JOB}\b{_NOT_DESCRIBING}",
        rf"\bseek(?:ing)?\s+{_FILLER}{_JOB}\b{_NOT_DESCRIBING}",
        # "any openings", "any open positions", "any job vacancies" (but not "any job titles").
        rf"\bany\s+(?:(?:open|job|current|new)\s+)?{_JOB_STRICT}\b{_NOT_DESCRIBING}",
        # "positions available", "roles open", "open positions".
        rf"\b{_JOB_STRICT}\s+(?:available|open|coming up|opening up)\b",
        rf"\b(?:open|available|vacant)\s+{_JOB_STRICT}\b",
        # Hiring aimed at me.
        r"\b(?:are|is)\s+(?:you|your\s+\w+|the\s+\w+|\w+)\s+(?:hiring|recruiting)\b",
        r"\b(?:hire|hiring|employ|employing|recruit)\s+me\b",
        r"\b(?:give|offer)\s+me\s+(?:a|an)\s+(?:job|position|role|place)\b",
        r"\bwork\s+for\s+(?:you|your\s+(?:team|company|organi[sz]ation))\b",
        r"\bjoin\s+your\s+(?:team|staff|company|organi[sz]ation)\b",
        r"\b(?:job|position|role|opening|place|room)\s+for\s+me\b",
        r"\b(?:help|get)\s+me\s+(?:to\s+)?(?:find|get|land|secure)\s+(?:a|an)\s+(?:job|position|"
        r"role)\b",
        # A CV or résumé sent along.
        r"\b(?:cvs?|curriculum vitae|résumés?)\b",
        r"\b(?:my|attached|attach|attaching|enclosed|enclose|a copy of)\s+(?:my\s+)?resumes?\b",
        r"\bresumes?\s+(?:is\s+)?(?:attached|enclosed)\b",
    )
]
_NEGATION = re.compile(r"(?:\b(?:not|never|no)\b|n't)\s*(?:\S+\s+){0,3}$")
_YOU = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b")
_ME = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b")


def job_asks(text: str) -> list[str]:
    """The phrases in `text` that ask for a job (see the module docstring for the rules)."""
    found = []
    for sentence in sentences(_normalise(text)):
        for pattern in _JOB_ASKS:
            for match in pattern.finditer(sentence):
                before = sentence[: match.start()].replace(",", " ")
                if _NEGATION.search(before):
                    continue  # "I'm not looking for a job"
                found.append(match.group(0))
    return found


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def _names(introducer: Contact | None) -> list[str]:
    if introducer is None or not introducer.name.strip():
        return []
    parts = introducer.name.split()
    return [introducer.name, *(p for p in (parts[0], parts[-1]) if len(p) >= 3)]


def check_email(text: str, contact: Contact | None, introducer: Contact | None) -> list[Check]:
    """The coach's five points, each met or not, with a hint that says what to change."""
    body = email_body(text)
    plain = _normalise(body)
    count = len(words(body))
    parts = sentences(plain)
    empty = count == 0

    if empty:
        length = Check(LENGTH, False, "Write the email first.")
    elif count <= MAX_WORDS:
        length = Check(LENGTH, True, f"{count} words.")
    else:
        length = Check(LENGTH, False, f"{count} words: cut about {count - MAX_WORDS}.")

    opening = " ".join(parts[:2])
    names = [n for n in _names(introducer) if re.search(rf"\b{re.escape(n.lower())}\b", opening)]
    linked = bool(names) or bool(opening and _CONNECTION_WORDS.search(opening))
    if linked:
        hint = f"Mentions {names[0]} early." if names else "Says early how you are connected."
    elif introducer is not None and introducer.name.strip():
        hint = f"Name {introducer.name} (or what you share) in the first two sentences."
    else:
        hint = "Say first how you are connected: someone who suggested them, or a group you share."
    connection = Check(CONNECTION, linked, hint)

    asks = [s for s in parts if s.rstrip("\"')”’").endswith("?") and _ASK_WORDS.search(s)]
    question = Check(
        QUESTION,
        bool(asks),
        "Asks for time as a question."
        if asks
        else 'Ask it as a question, e.g. "Would you have 15 minutes to talk?"',
    )

    job = job_asks(body)
    if empty:
        advice = Check(ADVICE, False, "Write the email first.")
    elif job:
        advice = Check(ADVICE, False, f'Sounds like a job request: "{job[0]}".')
    else:
        advice = Check(ADVICE, True, "Asks for advice, not a job.")

    you, me = len(_YOU.findall(plain)), len(_ME.findall(plain))
    about = Check(
        ABOUT,
        not empty and you > me,
        f"you/your {you} · I/me/my {me}"
        + ("" if you > me or empty else ": turn a sentence about you into one about them."),
    )
    return [length, connection, question, advice, about]


# ----- follow-ups after sending ----------------------------------------------------------------


def request_followups(
    interview: Interview,
    contact: Contact,
    sent: datetime,
    *,
    other: Contact | None = None,
    organization_name: str = "",
) -> list[FollowUp]:
    """The two items a sent request starts: another contact after 3 business days without a
    reply, a polite nudge after 7. `other` is someone else at the employer, when known."""
    day: date = sent.date()
    first = _first_name(contact.name) or "them"
    if other is not None:
        title = f"No reply from {first}? Write to {other.name}"
    elif organization_name:
        title = f"No reply from {first}? Find someone else at {organization_name}"
    else:
        title = f"No reply from {first}? Find someone else to ask"
    where = f" at {organization_name}" if organization_name else ""
    return [
        FollowUp(
            kind=FollowUpKind.ANOTHER_CONTACT,
            title=title,
            due=add_business_days(day, ANOTHER_CONTACT_AFTER),
            contact_id=other.id if other is not None else None,
            interview_id=interview.id,
            organization_id=interview.organization_id,
            reason=f"Three business days without a reply: approach another contact{where}.",
            created=sent,
        ),
        FollowUp(
            kind=FollowUpKind.NUDGE,
            title=f"A friendly reminder to {contact.name or 'them'}",
            due=add_business_days(day, NUDGE_AFTER),
            contact_id=contact.id,
            interview_id=interview.id,
            organization_id=interview.organization_id,
            reason="Seven business days without a reply: one short, polite nudge.",
            created=sent,
        ),
    ]


def close_on_reply(
    items: list[FollowUp], interview_id: int | None, now: datetime
) -> list[FollowUp]:
    """The open request follow-ups of one meeting, closed at `now` (only those: save them).

    A reply, accepted or declined, ends the wait: neither another contact nor a nudge is due.
    """
    return [
        replace(item, done=now)
        for item in items
        if item.interview_id == interview_id and item.is_open and item.kind in REQUEST_KINDS
    ]
