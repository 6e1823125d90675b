"""A glance (infoview queue) reads only the tables it needs, and is never wrong for it: the
same answers as reading the whole file, whatever the file holds."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from infoview_tui.domain.records import Contact, FollowUp, Profile
from infoview_tui.store.errors import FileDamaged
from infoview_tui.store.glance import glance
from infoview_tui.store.schema import FILE_ORDER
from infoview_tui.store.store import Store

from .conftest import START

TODAY = START.date()
TRICKY = 'She said "12":{"name":"Mallory"} \\" and \\\\"7":{ in one note'


def fill(store: Store) -> dict[str, int]:
    store.save_profile(Profile(rest_days=[6]))
    ada = store.contacts.save(Contact(name='Ada "the" Okafor \\ Ltd', notes=TRICKY))
    bo = store.contacts.save(Contact(name="Bo", notes='"7":{"name":"nobody"}'))
    for n in range(12):
        store.contacts.save(Contact(name=f"Filler {n}", notes=TRICKY))
    store.followups.save(FollowUp(title="Thank Ada", due=TODAY, contact_id=ada.id))
    store.followups.save(
        FollowUp(title="Nudge Bo", due=TODAY - timedelta(days=2), contact_id=bo.id)
    )
    store.followups.save(FollowUp(title="Later", due=TODAY + timedelta(days=9), contact_id=bo.id))
    store.followups.save(FollowUp(title="Done", due=TODAY, contact_id=ada.id, done=START))
    assert ada.id is not None and bo.id is not None
    return {"ada": ada.id, "bo": bo.id}


def answers(view, ids) -> tuple:
    due = sorted((f.title, f.due) for f in view.open_followups(TODAY))
    every = sorted(f.title for f in view.open_followups())
    # 7 and 12 are also written, escaped, inside every note: only the real contacts count.
    names = view.contact_names([ids["ada"], ids["bo"], 7, 12, 999])
    return due, every, names, view.profile().rest_days


def test_a_closed_file_is_read_up_to_the_contacts_only(open_store, data_path):
    store = open_store(data_path)
    ids = fill(store)
    store.close()
    assert list(json.loads(data_path.read_bytes())) == list(FILE_ORDER)
    view = glance(data_path)
    assert view.contacts_at > 0  # the contacts were not parsed
    full = Store.open(data_path, store.clock, readonly=True)
    assert answers(view, ids) == answers(full, ids)
    assert answers(view, ids)[2] == {
        ids["ada"]: 'Ada "the" Okafor \\ Ltd', ids["bo"]: "Bo", 7: "Filler 4", 12: "Filler 9",
    }  # fmt: skip


def test_a_file_in_another_order_is_read_whole_and_gives_the_same_answers(open_store, data_path):
    store = open_store(data_path)
    ids = fill(store)
    store.close()
    data = json.loads(data_path.read_bytes())
    reordered = {k: data[k] for k in ("meta", "contacts", "profile", "followups")}
    reordered |= {k: v for k, v in data.items() if k not in reordered}
    data_path.write_text(json.dumps(reordered, indent=1))  # as a person with an editor might
    view = glance(data_path)
    assert view.contacts_at == -1
    assert answers(view, ids) == answers(Store.open(data_path, store.clock, readonly=True), ids)


def test_changes_still_in_the_journal_are_seen(open_store, data_path):
    store = open_store(data_path)
    ids = fill(store)
    store.save_now()
    store.followups.save(FollowUp(title="Just added", due=TODAY, contact_id=ids["bo"]))
    store.contacts.save(Contact(id=ids["bo"], name="Bo Renamed"))
    store.flush()  # the app is still running: these are in the journal only
    view = glance(data_path)
    due = [f.title for f in view.open_followups(TODAY)]
    assert "Just added" in due
    assert view.contact_names([ids["bo"]]) == {ids["bo"]: "Bo Renamed"}


def test_a_damaged_file_is_refused_as_a_full_read_refuses_it(data_path):
    data_path.parent.mkdir(parents=True, exist_ok=True)
    data_path.write_text('{"meta": {"1": {"schema_version": 1}}, "followups": {"x": 3}}')
    with pytest.raises(FileDamaged):
        glance(data_path)
    data_path.write_text('{"meta": {"1": {"schema_version": 1}}, "followups": {"1": ')
    with pytest.raises(FileDamaged):
        glance(data_path)


def test_a_contact_missing_from_the_file_has_no_name(open_store, data_path):
    store = open_store(data_path)
    fill(store)
    store.close()
    assert glance(data_path).contact_names([12345]) == {}


def test_many_names_are_found_through_one_index(open_store, data_path, monkeypatch):
    from infoview_tui.store import glance as module

    store = open_store(data_path)
    ids = fill(store)
    store.close()
    monkeypatch.setattr(module, "FEW", 0)  # every lookup goes through the index
    view = glance(data_path)
    full = Store.open(data_path, store.clock, readonly=True)
    assert answers(view, ids) == answers(full, ids)
    assert view.contact_names(range(1, 20)) == full.contact_names(range(1, 20))


def test_the_tables_between_are_skipped_and_never_mistaken_for_contacts(
    open_store, data_path, monkeypatch
):
    """Organisations are written like contacts (`"<id>":{"name":...`) and sit before them; a
    table infoview does not know is kept, before the contacts, so they stay last."""
    from infoview_tui.domain.records import Organization
    from infoview_tui.store import glance as module

    store = open_store(data_path)
    ids = fill(store)
    for n in range(30):
        store.organizations.save(Organization(name=f"Org {n}", news=',"contacts":{"1":{}}'))
    store.close()
    data = json.loads(data_path.read_bytes())
    data_path.write_text(json.dumps({"plugin": {"1": {"name": "Not a contact"}}} | data))
    store = open_store(data_path)
    store.save_now()  # written back by infoview: the unknown table moves before the contacts
    store.close()
    assert list(json.loads(data_path.read_bytes()))[-2:] == ["plugin", "contacts"]
    full = Store.open(data_path, store.clock, readonly=True)
    for few in (16, 0):  # one by one, and through the index
        monkeypatch.setattr(module, "FEW", few)
        view = glance(data_path)
        assert "organizations" not in view.tables and "interviews" not in view.tables
        assert view.contact_names(range(1, 40)) == full.contact_names(range(1, 40))
        assert answers(view, ids) == answers(full, ids)


def test_contacts_out_of_id_order_are_still_found(open_store, data_path, monkeypatch):
    """Names are searched forward from the last one found (infoview writes contacts in id
    order); a file with them in another order falls back to a search from the start, then to
    an index of them all."""
    from infoview_tui.store import glance as module
    from infoview_tui.store.schema import to_bytes

    store = open_store(data_path)
    ids = fill(store)
    store.close()
    data = json.loads(data_path.read_bytes())
    data["contacts"] = dict(reversed(data["contacts"].items()))
    data_path.write_bytes(to_bytes(data))
    full = Store.open(data_path, store.clock, readonly=True)
    for few in (16, 2, 0):
        monkeypatch.setattr(module, "FEW", few)
        view = glance(data_path)
        assert view.contacts_at > 0
        assert view.contact_names(range(0, 20)) == full.contact_names(range(0, 20))
        assert answers(view, ids) == answers(full, ids)


def busy(meetings) -> list:
    """The meetings that count against the weekly cap."""
    from infoview_tui.domain.followups import BUSY_STATUSES

    return [m for m in meetings if m.status in BUSY_STATUSES]


def meeting_days(meetings) -> list[tuple]:
    """What the pace rules read of each meeting: its status, day and start."""
    return sorted((m.status.value, m.when, m.session.started) for m in meetings)


def add_meetings(store: Store) -> None:
    from infoview_tui.domain.records import Interview, InterviewStatus, Note, Session

    fake = ',"status":"scheduled","when":"2026-12-04T10:00:00+00:00","session":{"started":null'
    store.interviews.save(Interview(status=InterviewStatus.SCHEDULED, when=START, place=fake))
    store.interviews.save(
        Interview(contact_name='Bo "the" \\ Lee', status=InterviewStatus.DONE,
                  session=Session(started=START - timedelta(days=1)), notes=[Note(fake)])
    )  # fmt: skip
    store.interviews.save(Interview(status=InterviewStatus.CANCELLED, when=START))
    store.interviews.save(Interview())  # an idea: no day yet


def test_meetings_are_read_without_parsing_their_table(open_store, data_path, monkeypatch):
    store = open_store(data_path)
    fill(store)
    add_meetings(store)
    store.close()
    full = Store.open(data_path, store.clock, readonly=True)
    view = glance(data_path)
    assert "interviews" not in view.tables
    monkeypatch.setattr(json.JSONDecoder, "raw_decode", None)  # no parsing from here on
    assert meeting_days(view.busy_meetings()) == meeting_days(busy(full.interviews.all()))
    # Asked about some weeks only: those meetings at least, and the same busy weeks.
    from infoview_tui.domain.followups import weeks_over_cap

    this_week, far = date(2026, 11, 30), date(2027, 1, 4)
    assert len(view.busy_meetings([this_week])) == 2 and view.busy_meetings([far]) == []
    for weeks in ({this_week}, {far}, {this_week, far}):
        assert weeks_over_cap(view.busy_meetings(weeks), 1, START.tzinfo, weeks=weeks) == (
            weeks_over_cap(full.interviews.all(), 1, START.tzinfo) & weeks
        )


def test_meetings_written_otherwise_are_parsed_and_still_right(open_store, data_path):
    from infoview_tui.store.schema import to_bytes

    store = open_store(data_path)
    fill(store)
    add_meetings(store)
    store.close()
    full = meeting_days(busy(Store.open(data_path, store.clock, readonly=True).interviews.all()))
    data = json.loads(data_path.read_bytes())
    data["interviews"] = {  # fields in another order, as a hand edit might leave them
        key: dict(reversed(doc.items())) for key, doc in data["interviews"].items()
    }
    data_path.write_bytes(to_bytes(data))
    view = glance(data_path)
    assert view.contacts_at > 0
    assert meeting_days(view.busy_meetings()) == full
    data_path.write_text(json.dumps(data, indent=1))  # and a file read whole
    assert meeting_days(glance(data_path).busy_meetings()) == full
