"""Batches: many changes that reach the journal as one line, so a crash keeps all or none, and
saves that cost the same whatever the table's size."""

from __future__ import annotations

import json

import pytest

from infoview_tui.domain.records import Contact
from infoview_tui.store.journal import journal_path

from .store_helpers import crash_image


def journal_lines(path) -> list[dict]:
    return [json.loads(line) for line in journal_path(path).read_bytes().splitlines()[1:]]


def test_a_batch_is_one_journal_line_and_survives_a_crash_whole(tmp_path, data_path, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Before"))
    with store.batch():
        for n in range(50):
            store.contacts.save(Contact(name=f"Imported {n}"))
    store.flush()
    lines = journal_lines(data_path)
    assert len(lines) == 2 and len(lines[1]["b"]) == 50  # one line for the whole batch
    recovered = open_store(crash_image(data_path, tmp_path / "crashed"))
    assert len(recovered.contacts) == 51


def test_a_batch_torn_by_a_crash_is_not_half_kept(tmp_path, data_path, open_store):
    store = open_store(data_path)
    store.contacts.save(Contact(name="Before"))
    with store.batch():
        for n in range(50):
            store.contacts.save(Contact(name=f"Imported {n}"))
    store.flush()
    journal = journal_path(data_path)
    raw = journal.read_bytes()
    journal.write_bytes(raw[: len(raw) - 200])  # the crash came while the batch was written
    recovered = open_store(crash_image(data_path, tmp_path / "crashed"))
    assert [c.name for c in recovered.contacts.all()] == ["Before"]


def test_an_error_inside_a_batch_undoes_it_and_writes_nothing(data_path, open_store):
    store = open_store(data_path)
    kept = store.contacts.save(Contact(name="Kept"))
    with pytest.raises(ValueError), store.batch():
        store.contacts.save(Contact(name="Half"))
        store.contacts.save(Contact(id=kept.id, name="Changed"))
        store.contacts.delete(kept.id)
        raise ValueError("a bad row")
    assert [c.name for c in store.contacts.all()] == ["Kept"]
    store.flush()
    assert len(journal_lines(data_path)) == 1  # only the first save
    store.close()
    again = open_store(data_path, readonly=True)
    assert [c.name for c in again.contacts.all()] == ["Kept"]


def test_new_ids_stay_unique_across_batches_deletes_and_reopens(data_path, open_store):
    store = open_store(data_path)
    a = store.contacts.save(Contact(name="A"))
    with store.batch():
        b = store.contacts.save(Contact(name="B"))
        store.contacts.delete(b.id)
    c = store.contacts.save(Contact(name="C"))
    assert len({a.id, b.id, c.id}) == 3
    store.close()
    again = open_store(data_path)
    d = again.contacts.save(Contact(name="D"))
    assert d.id not in {a.id, b.id, c.id}


def test_tinydb_itself_reads_the_file(data_path, open_store):
    """The file stays TinyDB's own JSON layout: TinyDB opens it and finds the records."""
    from tinydb import TinyDB

    store = open_store(data_path)
    with store.batch():
        for name in ("Ada", "Bo"):
            store.contacts.save(Contact(name=name))
    store.close()
    db = TinyDB(data_path, access_mode="r")
    try:
        assert sorted(doc["name"] for doc in db.table("contacts").all()) == ["Ada", "Bo"]
    finally:
        db.close()
