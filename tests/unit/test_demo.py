"""The demo data set: deterministic, complete (every state a screen can show), and harmless
(it never touches the user's own data file)."""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.demo import DEMO_FILENAME, add_business_days, build_demo, open_demo_copy
from infoview_tui.domain.records import (
    CanMeet,
    CaptureKind,
    Contact,
    FoundThrough,
    InterviewStatus,
)
from infoview_tui.domain.summary import Due, due_bucket
from infoview_tui.paths import ENV_DATA

from .store_helpers import START, snapshot_dir

# Seven consecutive days: the business-day and rest-day rules must hold whatever today is.
WEEK = [START + timedelta(days=n) for n in range(7)]


def _without_revisions(raw: bytes) -> bytes:
    """The file's bytes with the random revision, journal and file ids masked (all that may
    differ: every file gets its own `store_id`)."""
    info = json.loads(raw)["meta"]["1"]
    for key in ("revision", "previous_revision", "folds", "store_id"):
        if key in info:
            raw = raw.replace(info[key].encode(), b"REVISION")
    return raw


def _built(open_store, path: Path, now: datetime):
    store = open_store(path, clock=FakeClock(now))
    build_demo(store, now)
    return store


def test_same_now_gives_the_same_file(open_store, tmp_path: Path) -> None:
    for name in ("a", "b"):
        _built(open_store, tmp_path / name / "demo.json", START).close()
    first = (tmp_path / "a" / "demo.json").read_bytes()
    second = (tmp_path / "b" / "demo.json").read_bytes()
    assert len(first) > 20_000  # a real data set, not an empty file
    assert _without_revisions(first) == _without_revisions(second)


def test_dates_follow_now(open_store, tmp_path: Path) -> None:
    later = START + timedelta(days=40)
    store = _built(open_store, tmp_path / "demo.json", later)
    stamps = [c.created for c in store.contacts.all()] + [f.created for f in store.followups.all()]
    assert all(later - timedelta(days=60) < s <= later for s in stamps)


def test_only_fills_an_empty_store(open_store, tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo.json")
    store.contacts.save(Contact(name="Someone real"))
    with pytest.raises(ValueError, match="empty store"):
        build_demo(store, START)


@pytest.mark.parametrize("now", WEEK, ids=lambda d: f"{d:%a}")
def test_every_meeting_state_and_due_bucket(open_store, tmp_path: Path, now: datetime) -> None:
    store = _built(open_store, tmp_path / "demo.json", now)
    meetings = store.interviews.all()
    by_status = Counter(iv.status for iv in meetings)
    assert by_status[InterviewStatus.LIVE] == 0
    assert by_status[InterviewStatus.IDEA] >= 1
    assert by_status[InterviewStatus.REQUESTED] >= 1
    assert by_status[InterviewStatus.SCHEDULED] == 2
    assert by_status[InterviewStatus.DONE] == 3
    assert by_status[InterviewStatus.DECLINED] == 1

    buckets = Counter(due_bucket(item, now.date()) for item in store.followups.all())
    assert buckets[Due.OVERDUE] == 2
    assert buckets[Due.TODAY] == 2
    assert buckets[Due.WEEK] >= 1
    assert buckets[Due.LATER] >= 1
    assert buckets[Due.DONE] >= 1
    assert all(item.reason and item.title for item in store.followups.all())

    scheduled = sorted(
        (iv.when for iv in meetings if iv.status == InterviewStatus.SCHEDULED and iv.when),
    )
    assert scheduled[0].date() == now.date() + timedelta(days=1)
    assert (scheduled[0].hour, scheduled[0].minute) == (14, 0)
    assert 5 <= (scheduled[1].date() - now.date()).days <= 8

    (requested,) = [iv for iv in meetings if iv.status == InterviewStatus.REQUESTED]
    assert requested.request.email and requested.request.phone_script
    assert requested.request.sent.date() == add_business_days(now.date(), -2)


def test_held_meetings_have_notes_captures_and_a_reflection(open_store, tmp_path: Path) -> None:
    store = _built(open_store, tmp_path / "demo.json", START)
    held = [iv for iv in store.interviews.all() if iv.status == InterviewStatus.DONE]
    assert sum(iv.on_the_spot for iv in held) == 1
    kinds = {capture.kind for iv in held for capture in iv.captures}
    assert kinds == set(CaptureKind)
    referrals = [c for iv in held for c in iv.captures if c.kind == CaptureKind.REFERRAL]
    assert all(c.organization for c in referrals)
    assert {c.may_use_name for c in referrals} == {True, False}
    for iv in held:
        assert iv.session.started and iv.session.ended and iv.session.ended > iv.session.started
        assert iv.when is not None and iv.when <= START
        planned = {q.text for q in iv.questions}
        elapsed = [note.elapsed for note in iv.notes]
        assert len(iv.notes) >= 5 and elapsed == sorted(elapsed) and elapsed[0] > 0
        assert all(note.question in planned for note in iv.notes)

    reflections = [iv.reflection for iv in held if iv.reflection is not None]
    assert reflections
    full = max(reflections, key=lambda r: len(r.demands))
    assert {check.can_meet for check in full.demands} == {
        CanMeet.YES,
        CanMeet.WITH_ACCOMMODATION,
        CanMeet.NO,
    }
    assert full.reality and full.training and full.next_steps and full.thank_you
    assert None not in (full.interests_fit, full.values_fit, full.needs_fit, full.skills_fit)


def test_people_and_referral_chains(open_store, tmp_path: Path) -> None:
    store = _built(open_store, tmp_path / "demo.json", START)
    contacts = {c.id: c for c in store.contacts.all()}
    assert len(contacts) >= 12
    routes = {c.found_through for c in contacts.values()}
    assert {
        FoundThrough.FAMILY,
        FoundThrough.FRIEND,
        FoundThrough.FORMER_COWORKER,
        FoundThrough.PROFESSIONAL,
    } <= routes

    def chain_length(contact: Contact) -> int:
        length = 1
        while contact.introduced_by_id is not None:
            contact = contacts[contact.introduced_by_id]
            length += 1
        return length

    assert max(chain_length(c) for c in contacts.values()) >= 3
    introduced = [c for c in contacts.values() if c.introduced_by_id is not None]
    assert {c.may_use_name for c in introduced} == {True, False}
    assert sum(c.introducer_asks_first for c in contacts.values()) == 1


def test_preparation_is_filled_in(open_store, tmp_path: Path) -> None:
    store = _built(open_store, tmp_path / "demo.json", START)
    profile = store.profile()
    for name in ("interests", "values", "needs", "skills", "work_ability", "disclosure_plan"):
        assert getattr(profile, name), name
    assert 37 <= len(profile.introduction.split()) <= 75  # 15-30 s spoken
    assert profile.weekly_meeting_cap == 2 and len(profile.rest_days) == 1

    occupations = store.occupations.all()
    (current,) = [o for o in occupations if o.current]
    assert len(occupations) == 2 and current.perceptions
    assert {"physical", "schedule", "stress", "training"} <= {d.kind.value for d in current.demands}

    orgs = {o.id: o for o in store.organizations.all()}
    ranked = sorted(o.rank for o in orgs.values() if o.rank is not None)
    assert ranked == list(range(1, 11))
    assert sum(o.practice for o in orgs.values()) == 1
    unranked = [o for o in orgs.values() if o.rank is None]
    assert len(unranked) == 2 and sum(o.hires for o in unranked) == 1
    for org in orgs.values():
        assert all(other in orgs and other != org.id for other in org.competitor_ids)
        if org.rank is not None:
            assert org.why and org.website and org.strengths and org.position
            assert org.flexibility.hours
    assert any(o.competitor_ids for o in orgs.values() if o.rank is not None)

    sources = Counter(q.source for q in store.questions.all())
    assert sources == {"article": 9, "tiara": 5, "own": 2}
    assert all(q.why for q in store.questions.all())


def test_open_demo_copy_stays_in_its_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "mine" / "infoview.json"
    own.parent.mkdir()
    own.write_text('{"meta": {"1": {"schema_version": 1}}}')
    monkeypatch.setenv(ENV_DATA, str(own))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_root))
    before = snapshot_dir(tmp_path)

    path, folder = open_demo_copy(FakeClock(START))
    try:
        root = Path(folder.name)
        assert path == root / DEMO_FILENAME and path.is_file()
        assert root.parent == temp_root
        after = snapshot_dir(tmp_path)
        added = {name for name in after if name not in before}
        changed = {name for name in before if after.get(name) != before[name]}
        inside = str(root.relative_to(tmp_path))
        assert all(name == inside or name.startswith(inside + os.sep) for name in added)
        assert changed <= {"tmp"}  # the temp root's mtime moved; nothing else did
        assert json.loads(path.read_bytes())["contacts"]  # closed with everything saved
    finally:
        folder.cleanup()
    assert not root.exists()
    assert snapshot_dir(tmp_path).keys() == before.keys()


@pytest.mark.parametrize("now", WEEK, ids=lambda d: f"{d:%a}")
def test_every_rhythm_has_its_one_check_in_as_the_app_would_make_it(
    open_store, tmp_path: Path, now: datetime
) -> None:
    """The rule in domain/rhythm.py: each contact with a rhythm has one open check-in, due a
    step after the last contact, off the rest days, worded as the app words it."""
    from infoview_tui.domain import rhythm
    from infoview_tui.domain.records import FollowUpKind

    store = _built(open_store, tmp_path / "demo.json", now)
    rest = store.profile().rest_days
    items = store.followups.all()
    with_rhythm = 0
    for contact in store.contacts.all():
        open_items = [
            f for f in items
            if f.kind is FollowUpKind.STAY_IN_TOUCH and f.contact_id == contact.id and f.is_open
        ]  # fmt: skip
        if contact.cadence_days is None:
            assert open_items == [], contact.name
            continue
        with_rhythm += 1
        (item,) = open_items
        made = rhythm.next_touch_item(contact, [], rest, today=now.date())
        assert made is not None
        assert (item.title, item.due, item.reason) == (made.title, made.due, made.reason)
        assert item.due.weekday() not in rest, contact.name
        assert rhythm.describe(contact.cadence_days) in item.reason
    assert with_rhythm == 5
    every = [f.reason for f in items if "every" in f.reason.casefold()]
    assert all("Every 30 days" not in r and "Every 60 days" not in r for r in every), every
