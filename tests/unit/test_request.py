"""The request: templates, the coach's email check (many texts), and the follow-up rule."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from infoview_tui.demo_texts import CONNECTIONS, REQUEST_EMAIL
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    Occupation,
    Organization,
)
from infoview_tui.domain.request import (
    check_email,
    close_on_reply,
    email_body,
    email_draft,
    job_asks,
    phone_script,
    request_followups,
    sentences,
)

GORD = Contact(id=1, name="Gord McAllister")
KEVIN = Contact(id=2, name="Kevin Liu", organization_id=7, introduced_by_id=1, may_use_name=True)
CEDAR = Organization(id=7, name="Cedar Valley Hospital")
CRC = Occupation(id=3, title="Clinical research coordinator")
INTRO = (
    "Hi, I'm Maya Lindgren. For nine years I kept a busy family clinic running. I'm now "
    "exploring clinical research coordination."
)

GOOD = """Subject: Gord suggested I write

Hi Kevin,

Gord McAllister suggested I contact you; he says your studies at Cedar Valley are run well.
I'm exploring clinical research coordination, and I'd value your advice. Would you have 15
minutes in the coming weeks, at a time that suits you, ideally at your workplace?

Thank you,
Maya Lindgren
604-555-0100"""


def checks(text: str, introducer: Contact | None = GORD) -> dict[str, bool]:
    return {c.label: c.met for c in check_email(text, KEVIN, introducer)}


def hints(text: str, introducer: Contact | None = GORD) -> dict[str, str]:
    return {c.label: c.hint for c in check_email(text, KEVIN, introducer)}


# ----- reading an email --------------------------------------------------------------------------


def test_body_leaves_out_subject_greeting_and_sign_off():
    body = email_body(GOOD)
    assert body.startswith("Gord McAllister suggested")
    assert body.endswith("ideally at your workplace?")
    assert "Subject" not in body and "604-555" not in body and "Hi Kevin" not in body


def test_a_greeting_that_runs_on_into_the_message_is_kept():
    body = email_body("Hi Kevin, Gord suggested I write to you about your work at Cedar Valley.")
    assert body.startswith("Hi Kevin, Gord")


def test_sentences_split_on_stops_and_blank_lines():
    assert sentences("One. Two? Three!\n\nFour\n\nFive.") == [
        "One.",
        "Two?",
        "Three!",
        "Four",
        "Five.",
    ]


# ----- the check, point by point -----------------------------------------------------------------


def test_a_good_email_meets_every_point():
    assert all(checks(GOOD).values()), hints(GOOD)


def test_every_demo_request_email_passes():
    for key, (subject, connection, _short) in CONNECTIONS.items():
        text = REQUEST_EMAIL.format(subject=subject, first="Sam", connection=connection)
        result = check_email(text, KEVIN, None)
        assert all(c.met for c in result), (key, [(c.label, c.hint) for c in result if not c.met])


def test_the_empty_email_meets_nothing():
    result = check_email("", KEVIN, GORD)
    assert [c.met for c in result] == [False] * 5
    assert result[0].hint == "Write the email first."


@pytest.mark.parametrize(
    ("count", "met"), [(1, True), (99, True), (100, True), (101, False), (250, False)]
)
def test_length_is_about_100_words_or_fewer(count, met):
    text = " ".join(["word"] * count)
    assert checks(text)["100 words or fewer"] is met


def test_length_hint_says_how_much_to_cut():
    text = "Gord suggested I write. " + " ".join(["more"] * 120) + "."
    assert hints(text)["100 words or fewer"] == "124 words: cut about 24."


def test_subject_and_signature_do_not_count_towards_the_length():
    text = GOOD.replace("Maya Lindgren", "Maya " + "Lindgren " * 80)
    assert checks(text)["100 words or fewer"]


def test_non_ascii_words_count_once_each():
    assert hints("Zoë Müller-Lüdenscheidt suggéré naïve café.")["100 words or fewer"] == (
        "5 words."
    )


@pytest.mark.parametrize(
    ("opening", "met"),
    [
        ("Gord McAllister suggested I write to you. I am exploring research.", True),
        ("I am exploring research. Gord thought you would be the person to ask.", True),
        ("I am exploring research. I enjoy data. McAllister told me about you.", False),
        ("We met at the clinical research meetup last week.", True),
        ("We are both members of the Society of Clinical Research Associates.", True),
        ("I found your profile online. I am exploring research.", False),
        ("A mutual friend passed on your name.", True),
    ],
)
def test_connection_is_stated_in_the_first_two_sentences(opening, met):
    assert checks(opening + " Would you have 15 minutes?")["Connection first"] is met


def test_connection_without_an_introducer_needs_something_shared():
    assert not checks("I read your article. Would you have time?", None)["Connection first"]
    assert checks("We're fellow alumni of Langara. Could we talk?", None)["Connection first"]


def test_connection_hint_names_the_introducer():
    assert (
        "Name Gord McAllister"
        in hints("Hello there. Would you have 15 minutes?")["Connection first"]
    )


def test_a_short_introducer_name_part_is_not_matched_inside_words():
    al = Contact(id=9, name="Al Bo")
    result = check_email("I always like your work. Would you have time?", KEVIN, al)
    assert not result[1].met


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("Would you have 15 minutes to talk?", True),
        ("Could we meet for coffee sometime?", True),
        ("Would a short call next week suit you?", True),
        ("Might you be available for a brief chat?", True),
        ("I would like 15 minutes of your time.", False),
        ("Please let me know when you have time to meet.", False),
        ("How are you?", False),  # a question, but not asking for time
        ("Would you have a moment to talk?\n\nThanks,\nMaya", True),
    ],
)
def test_the_ask_is_a_question_for_time(text, met):
    assert checks(text)["Ask as a question"] is met


JOB_ASKS = [
    "I'm looking for a job in clinical research.",
    "I am looking for a new position.",
    "I'd like to apply for the coordinator position.",
    "I am hoping to find a role on your team.",
    "I am seeking employment in research.",
    "Do you have any openings?",
    "Are there any open positions at Cedar Valley?",
    "Do you know of any job vacancies?",
    "Are any roles available right now?",
    "I saw there are positions available in your unit.",
    "Is your unit hiring?",
    "Are you hiring this spring?",
    "I hope you will consider hiring me.",
    "I would love to work for you.",
    "I'd love to join your team.",
    "Might there be a position for me?",
    "Could you help me find a job?",
    "Please find my CV attached.",
    "I have attached my resume.",
    "My résumé is below.",
    "My resume is attached.",
    "Now I'm looking for work.",  # "now" is not a negation
]
NOT_JOB_ASKS = [
    "I'd love to hear about the job you do.",
    "What is your job like day to day?",
    "Your position in the research unit sounds interesting.",
    "I'm not looking for a job; I'd value your advice.",
    "I am not asking for a job, only for your advice.",
    "I'm not, of course, looking for a position.",
    "Which job titles should I search for?",
    "How did you get hired into research?",
    "The opening of your new lab was in the news.",
    "I'm looking for advice about the work you do.",
    "I'd like to resume our conversation from the meetup.",
    "How is the job market in this field?",
    "Your work on diabetes studies is well known.",
    "Are there any job titles I should know?",
]


@pytest.mark.parametrize("sentence", JOB_ASKS)
def test_job_asks_are_flagged(sentence):
    assert job_asks(sentence), sentence
    assert not checks(f"Gord suggested I write. {sentence} Could we talk?")["Advice, never a job"]


@pytest.mark.parametrize("sentence", NOT_JOB_ASKS)
def test_job_words_that_are_not_asks_pass(sentence):
    assert job_asks(sentence) == [], sentence
    assert checks(f"Gord suggested I write. {sentence} Could we talk?")["Advice, never a job"]


def test_job_hint_quotes_the_phrase():
    assert hints("Do you have any openings? Could we talk?")["Advice, never a job"] == (
        'Sounds like a job request: "any openings".'
    )


def test_curly_apostrophes_read_like_straight_ones():
    assert job_asks("I’m not looking for a job.") == []
    assert job_asks("I’m looking for a job.")


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("I want to tell you about me and my plans. I hope you can help.", False),  # 2 vs 4
        ("Your work interests me. Would you tell me about your day?", True),  # 3 vs 2
        ("I'd value your advice. I hope to hear from you.", False),  # 2 vs 2: not more
        ("You've built a strong unit; you'd know the field. I'm curious.", True),
    ],
)
def test_more_about_them_than_me(text, met):
    assert checks(text)["About them, not me"] is met


def test_about_them_hint_shows_the_counts():
    assert hints("I like my work. You too?")["About them, not me"].startswith(
        "you/your 1 · I/me/my 2"
    )


# ----- the templates -----------------------------------------------------------------------------


def test_email_draft_is_filled_and_passes_the_check():
    text = email_draft(KEVIN, CEDAR, CRC, GORD, INTRO, "Maya Lindgren")
    assert text.startswith("Subject: Gord McAllister suggested I write")
    assert "Hi Kevin," in text
    assert "Cedar Valley Hospital" in text and "clinical research coordinator" in text
    assert "15 minutes" in text and "time that suits you" in text
    assert "For nine years I kept a busy family clinic running." in text  # not "Hi, I'm Maya"
    assert text.rstrip().endswith("Maya Lindgren")
    result = check_email(text, KEVIN, GORD)
    assert all(c.met for c in result), [(c.label, c.hint) for c in result]


@pytest.mark.parametrize("found", list(FoundThrough))
def test_email_draft_without_introducer_passes_except_for_strangers(found):
    contact = Contact(id=5, name="Ana", found_through=found)
    text = email_draft(contact, CEDAR, CRC, None, INTRO)
    met = {c.label: c.met for c in check_email(text, contact, None)}
    assert met.pop("Connection first") is (found != FoundThrough.OTHER)
    assert all(met.values()), met


def test_email_draft_leaves_out_an_introduction_sentence_that_would_make_it_long():
    long_intro = " ".join(["word"] * 60) + "."
    text = email_draft(KEVIN, CEDAR, CRC, GORD, long_intro)
    assert "word word" not in text
    assert check_email(text, KEVIN, GORD)[0].met


def test_email_draft_keeps_the_introducer_unnamed_without_permission():
    contact = Contact(id=5, name="Ana", introduced_by_id=1, may_use_name=False)
    text = email_draft(contact, None, None, GORD, "")
    assert "Gord" not in text and "mutual acquaintance" in text
    assert "at your workplace" in text and "a change of career" in text
    assert all(c.met for c in check_email(text, contact, GORD))


def test_email_draft_with_an_empty_name():
    text = email_draft(Contact(name=""), None, None, None, "")
    assert "Hi there," in text


def test_phone_script_holds_the_whole_introduction_and_the_ask():
    text = phone_script(KEVIN, CEDAR, CRC, GORD, INTRO, "Maya Lindgren")
    assert text.startswith("Hi Kevin, this is Maya Lindgren. Gord McAllister gave me your name.")
    assert " ".join(INTRO.split()) in text
    assert "15 minutes" in text and "ideally at Cedar Valley Hospital" in text
    assert "right away" in text  # ready for a meeting on the spot
    assert "not after a job" in text


def test_phone_script_without_introduction_leaves_a_placeholder():
    text = phone_script(KEVIN, None, CRC, None, "")
    assert "[My introduction" in text and "clinical research coordinator" in text


# ----- follow-ups --------------------------------------------------------------------------------

MEETING = Interview(id=11, contact_id=2, organization_id=7)


@pytest.mark.parametrize(
    ("sent", "another", "nudge"),
    [
        (datetime(2026, 11, 23, 10, tzinfo=UTC), date(2026, 11, 26), date(2026, 12, 2)),  # Mon
        (datetime(2026, 11, 25, 16, tzinfo=UTC), date(2026, 11, 30), date(2026, 12, 4)),  # Wed
        (datetime(2026, 11, 27, 9, tzinfo=UTC), date(2026, 12, 2), date(2026, 12, 8)),  # Fri
        (datetime(2026, 11, 28, 9, tzinfo=UTC), date(2026, 12, 2), date(2026, 12, 8)),  # Sat
        (datetime(2026, 12, 30, 9, tzinfo=UTC), date(2027, 1, 4), date(2027, 1, 8)),  # year end
    ],
)
def test_followups_follow_the_business_day_rule(sent, another, nudge):
    items = request_followups(MEETING, KEVIN, sent, organization_name="Cedar Valley Hospital")
    assert [i.kind for i in items] == [FollowUpKind.ANOTHER_CONTACT, FollowUpKind.NUDGE]
    assert [i.due for i in items] == [another, nudge]
    assert all(i.interview_id == 11 and i.organization_id == 7 and i.created == sent for i in items)
    assert items[1].contact_id == KEVIN.id
    assert items[0].contact_id is None
    assert items[0].title == "No reply from Kevin? Find someone else at Cedar Valley Hospital"
    assert "Three business days" in items[0].reason and "Seven" in items[1].reason


def test_another_contact_is_named_when_known():
    lucy = Contact(id=4, name="Lucy Park", organization_id=7)
    items = request_followups(MEETING, KEVIN, datetime(2026, 11, 23, tzinfo=UTC), other=lucy)
    assert items[0].contact_id == 4
    assert items[0].title == "No reply from Kevin? Write to Lucy Park"


def test_a_reply_closes_only_this_meetings_open_request_items():
    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    sent = datetime(2026, 11, 23, tzinfo=UTC)
    mine = [replace_id(i, n) for n, i in enumerate(request_followups(MEETING, KEVIN, sent), 1)]
    other_meeting = FollowUp(id=20, kind=FollowUpKind.NUDGE, interview_id=12)
    thank_you = FollowUp(id=21, kind=FollowUpKind.THANK_YOU, interview_id=11)
    already = FollowUp(id=22, kind=FollowUpKind.NUDGE, interview_id=11, done=sent)
    closed = close_on_reply([*mine, other_meeting, thank_you, already], 11, now)
    assert [i.id for i in closed] == [1, 2]
    assert all(i.done == now for i in closed)
    assert mine[0].done is None  # the input is left as it was


def replace_id(item: FollowUp, new_id: int) -> FollowUp:
    from dataclasses import replace

    return replace(item, id=new_id)
