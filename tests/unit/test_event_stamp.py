"""SEQUENCE for calendar exports: kept on the record by every save, read by exports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from infoview_tui.domain.codec import encode
from infoview_tui.domain.event_stamp import event_digest, restamp, sequence_now
from infoview_tui.domain.records import (
    EventStamp,
    FollowUp,
    Interview,
    InterviewStatus,
    Note,
)

from .store_helpers import START


def meeting() -> Interview:
    return Interview(id=3, contact_id=1, status=InterviewStatus.SCHEDULED, when=START, place="Lab")


def test_a_new_record_starts_at_zero_and_unchanged_saves_keep_the_count():
    first = restamp(meeting(), None)
    assert first.event == EventStamp(event_digest(first), 0)
    again = restamp(first, encode(first))
    assert again.event == first.event


def test_the_count_rises_once_per_change_of_the_event_only():
    saved = restamp(meeting(), None)
    moved = restamp(replace(saved, when=START + timedelta(hours=1)), encode(saved))
    assert moved.event is not None and moved.event.sequence == 1
    # Notes typed during the meeting, or it going live and done, are not calendar changes.
    live = replace(moved, status=InterviewStatus.LIVE, notes=[Note("hello", 3.0)])
    assert restamp(live, encode(moved)).event == moved.event
    cancelled = restamp(replace(moved, status=InterviewStatus.CANCELLED), encode(moved))
    assert cancelled.event is not None and cancelled.event.sequence == 2


def test_the_stored_count_wins_over_a_stale_copy():
    saved = restamp(meeting(), None)
    newer = restamp(replace(saved, place="Café"), encode(saved))  # 1
    stale = replace(saved, place="Office")  # a screen's copy from before, with count 0
    assert restamp(stale, encode(newer)).event.sequence == 2  # type: ignore[union-attr]


def test_records_from_before_stamps():
    old = encode(meeting())
    old.pop("event")
    same = restamp(meeting(), old)
    assert same.event is not None and same.event.sequence == 0
    changed = restamp(replace(meeting(), minutes=30), old)
    assert changed.event is not None and changed.event.sequence == 1


def test_an_export_sees_a_change_made_without_a_stamp():
    saved = restamp(meeting(), None)
    assert sequence_now(saved) == 0
    assert sequence_now(replace(saved, place="Elsewhere")) == 1  # edited by hand
    assert sequence_now(meeting()) == 0  # never stamped


def test_follow_ups_count_title_due_and_done():
    item = restamp(FollowUp(id=1, title="Call Ada", due=date(2026, 12, 4)), None)
    assert restamp(replace(item, reason="why"), encode(item)).event == item.event
    moved = restamp(replace(item, due=date(2026, 12, 5)), encode(item))
    assert moved.event is not None and moved.event.sequence == 1


def test_the_store_stamps_on_every_save(open_store, data_path):
    store = open_store(data_path)
    saved = store.interviews.save(replace(meeting(), id=None))
    assert saved.event is not None and saved.event.sequence == 0
    moved = store.interviews.save(replace(saved, when=START + timedelta(days=1)))
    assert moved.event is not None and moved.event.sequence == 1
    assert store.interviews.get(saved.id).event == moved.event  # in the document too
    item = store.followups.save(FollowUp(title="x", due=date(2026, 12, 4)))
    assert item.event is not None and item.event.sequence == 0


def test_every_file_gets_its_own_id_and_keeps_it(open_store, data_path, tmp_path):
    store = open_store(data_path)
    own = store.store_id
    assert len(own) == 16
    store.close()
    assert open_store(data_path).store_id == own
    other = open_store(tmp_path / "other.json")
    assert other.store_id != own


def test_a_file_from_before_ids_gets_one_at_its_next_full_save(open_store, data_path):
    import json

    store = open_store(data_path)
    store.close()
    data = json.loads(data_path.read_text())
    del data["meta"]["1"]["store_id"]
    data_path.write_text(json.dumps(data))
    store = open_store(data_path)
    assert store.store_id == ""
    store.save_now()
    assert store.store_id != ""
    assert json.loads(data_path.read_text())["meta"]["1"]["store_id"] == store.store_id
