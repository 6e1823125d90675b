"""One search over everything: accents and case ignored, words ANDed, names first, capped."""

from __future__ import annotations

from datetime import UTC, datetime

from infoview_tui.domain.records import (
    Capture,
    CaptureKind,
    Contact,
    FollowUp,
    Interview,
    Note,
    Organization,
    Reflection,
)
from infoview_tui.domain.search import MAX_HITS, Kind, SearchIndex, fold, search, snippet

WHEN = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def data():
    orgs = [Organization(id=1, name="Cedar Valley Clinic", culture="Quiet, careful, kind.")]
    contacts = [
        Contact(id=1, name="José Álvarez", job_title="Research nurse", organization_id=1),
        Contact(id=2, name="Ada Okafor", job_title="Lab manager", notes="Met at the Köln fair"),
        Contact(id=3, name="Sam Lee", notes="Knows José from school"),
    ]
    interviews = [
        Interview(
            id=7,
            contact_id=2,
            when=WHEN,
            notes=[Note("Night shifts are rare; most work is nine to five.", elapsed=125)],
            captures=[Capture(CaptureKind.REFERRAL, "Priya Raman", organization="Northside Labs")],
            reflection=Reflection(reality="Far more paperwork than I imagined."),
        )
    ]
    followups = [FollowUp(id=4, title="Send Ada the paperwork checklist", reason="promised")]
    return contacts, orgs, interviews, followups


def test_case_and_accents_are_ignored_both_ways():
    assert fold("José ÁLVAREZ") == "jose alvarez"
    hits = search("jose", *data())
    assert [(h.kind, h.record_id) for h in hits][:1] == [(Kind.CONTACT, 1)]
    assert {h.record_id for h in hits if h.kind is Kind.CONTACT} == {1, 3}
    assert [h.record_id for h in search("KOLN", *data())] == [2]
    assert [h.record_id for h in search("álvarez", *data())] == [1]


def test_every_word_must_match_somewhere_in_one_record():
    hits = search("nurse cedar", *data())  # job title and employer of one contact
    assert [(h.kind, h.record_id) for h in hits] == [(Kind.CONTACT, 1)]
    assert search("nurse okafor", *data()) == []


def test_names_come_first_then_the_rest():
    contacts, orgs, interviews, followups = data()
    hits = search("ada", contacts, orgs, interviews, followups)
    assert (hits[0].kind, hits[0].record_id, hits[0].where) == (Kind.CONTACT, 2, "name")
    assert (Kind.FOLLOW_UP, 4) in [(h.kind, h.record_id) for h in hits]


def test_hits_say_where_they_matched_with_a_snippet():
    by_kind = {h.kind: h for h in search("paperwork", *data())}
    meeting = by_kind[Kind.MEETING]
    assert meeting.record_id == 7 and meeting.where == "reflection: reality"
    assert meeting.title == "Meeting with Ada Okafor, Fri 20 Nov 2026"
    assert "paperwork" in meeting.snippet
    assert by_kind[Kind.FOLLOW_UP].where == "follow-up"
    note = search("night shifts", *data())[0]
    assert (note.where, note.snippet) == (
        "note at 2:05", "Night shifts are rare; most work is nine to five.",
    )  # fmt: skip
    capture = search("northside", *data())[0]
    assert capture.where == "referral capture" and "Priya Raman" in capture.snippet
    employer = search("careful", *data())[0]
    assert (employer.kind, employer.title, employer.where) == (
        Kind.EMPLOYER, "Cedar Valley Clinic", "culture",
    )  # fmt: skip


def test_snippet_shows_the_original_text_around_an_accented_match():
    text = "x" * 100 + " the Café Über team " + "y" * 100
    piece = snippet(text, ["uber"], width=30)
    assert "Über" in piece and piece.startswith("…") and piece.endswith("…")


def test_empty_query_finds_nothing_and_results_are_capped():
    contacts = [Contact(id=i, name=f"Person {i}") for i in range(1, 501)]
    index = SearchIndex.build(contacts, [], [], [])
    assert index.find("   ").hits == []
    found = index.find("person")
    assert len(found.hits) == MAX_HITS and found.total == 500


def test_a_meeting_is_named_by_its_day_on_the_viewers_clock():
    """Stored at 21:30-05:00 (New York), it falls on the 4th in London."""
    from datetime import timedelta, timezone
    from zoneinfo import ZoneInfo

    when = datetime(2026, 12, 3, 21, 30, tzinfo=timezone(timedelta(hours=-5)))
    meeting = Interview(id=1, contact_id=1, when=when, place="Riverside Clinic")
    index = SearchIndex.build(
        [Contact(id=1, name="Ada")], [], [meeting], [], zone=ZoneInfo("Europe/London")
    )
    assert index.find("riverside").hits[0].title == "Meeting with Ada, Fri 4 Dec 2026"


def test_a_meeting_with_someone_since_deleted_is_found_under_their_kept_name():
    from infoview_tui.domain.records import Interview
    from infoview_tui.domain.search import SearchIndex

    kept = Interview(id=4, contact_id=None, contact_name="Ada Okafor", notes=[Note("Remote")])
    found = SearchIndex.build([], [], [kept], []).find("remote")
    assert [hit.title for hit in found.hits] == ["Meeting with Ada Okafor"]
