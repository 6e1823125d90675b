"""Importing contacts: the plan before anything is written, matching, and one batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.domain.records import Contact, ContactSource, FoundThrough, Organization
from infoview_tui.exchange.contacts_file import read_contacts
from infoview_tui.exchange.import_plan import Action, MatchBy, url_key
from infoview_tui.services import imports

from .store_helpers import START, crash_image

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


@pytest.fixture
def store(open_store, data_path):
    s = open_store(data_path)
    s.organizations.save(Organization(name="Harbourside Cancer Research Centre", rank=1))
    s.organizations.save(Organization(name="Meridian Biologics", rank=2))
    s.organizations.save(Organization(name="Metal Works", rank=3))
    return s


def linkedin():
    return imports.read_contacts(FIXTURES / "Connections.csv")


def test_the_plan_says_what_will_happen_and_writes_nothing(store):
    before = json.dumps(store.documents("contacts"))
    plan = imports.plan_contacts(store, linkedin(), START)
    assert plan.counts() == (6, 0, 0, 4)  # new, updated, up to date, skipped
    assert json.dumps(store.documents("contacts")) == before
    reasons = {s.where: s.reason for s in plan.skipped}
    assert reasons == {
        "row 8": "blank row",
        "row 9": "blank row",
        "row 10": "no name (Acme Corp)",
        "row 13": "same person as row 5 (same profile URL)",
    }
    text = "\n".join(plan.report(limit=None))
    assert "10 entries: 6 new, 0 to update, 0 already up to date, 4 skipped." in text
    assert "rows 8, 9: blank row" in text and "31 Fab 2020" in text


def test_applying_marks_source_and_day_and_links_employers_strictly(store, clock):
    outcome = imports.apply_contacts(store, imports.plan_contacts(store, linkedin(), START), START)
    assert outcome.message.startswith("Imported 6 new contacts, updated 0")
    people = {c.name: c for c in store.contacts.all()}
    ada = people["Ada Okafor"]
    assert ada.source is ContactSource.LINKEDIN and ada.imported == START.date()
    assert ada.created == START and ada.found_through is FoundThrough.PROFESSIONAL
    assert ada.organization_id == 1  # same name as the employer on my list
    assert ada.linkedin == "https://www.linkedin.com/in/ada-okafor-12345"
    assert people["Zoë Lefèvre"].organization_id == 2  # "Meridian Biologics, Inc."
    assert people["Zoë Lefèvre"].company == "Meridian Biologics, Inc."
    assert people["李 娜"].organization_id is None  # not on my list: the company is kept
    assert people["李 娜"].company == "Coastal University Hospital"


def test_never_a_substring_match_for_employers(store):
    contents = read_contacts(b"Name,Company\nMo,Meta\nJo,Metal Works Ltd\n", "a.csv")
    imports.apply_contacts(store, imports.plan_contacts(store, contents, START), START)
    people = {c.name: c for c in store.contacts.all()}
    assert people["Mo"].organization_id is None
    assert people["Jo"].organization_id == 3


def test_importing_the_same_file_twice_adds_nothing(store):
    for path in (
        "Connections.csv",
        "Basic_LinkedInDataExport_12-03-2026.zip",
        "people.csv",
        "contacts.vcf",
        "Connections-2017.csv",
    ):
        contents = imports.read_contacts(FIXTURES / path)
        imports.apply_contacts(store, imports.plan_contacts(store, contents, START), START)
        count = len(store.contacts)
        again = imports.plan_contacts(store, imports.read_contacts(FIXTURES / path), START)
        assert again.new == [] and again.updated == [], (path, again.report(None))
        imports.apply_contacts(store, again, START)
        assert len(store.contacts) == count


def test_matching_order_url_then_email_then_name_and_employer(store):
    store.contacts.save(Contact(name="Someone Else", linkedin="linkedin.com/in/kevinliu"))
    store.contacts.save(Contact(name="Zoe L.", email="ZOE.LEFEVRE@example.org"))
    store.contacts.save(
        Contact(name="Marcus O'Doyle", company="Riverside Children's Research Institute Inc.")
    )
    store.contacts.save(Contact(name="Ada Okafor"))  # no employer: not the same as Harbourside's
    plan = imports.plan_contacts(store, linkedin(), START)
    by = {row.person.name: (row.action, row.by) for row in plan.rows}
    assert by["Kevin Liu"] == (Action.UPDATE, MatchBy.URL)
    assert by["Zoë Lefèvre"] == (Action.UPDATE, MatchBy.EMAIL)
    assert by["Marcus O'Doyle"][1] is MatchBy.NAME
    assert by["Ada Okafor"] == (Action.NEW, None)
    ada = next(r for r in plan.rows if r.person.name == "Ada Okafor")
    assert "already have a contact called Ada Okafor" in ada.note


def test_an_update_fills_gaps_and_keeps_what_i_typed(store):
    mine = store.contacts.save(
        Contact(
            name="Kevin Liu", job_title="Coordinator", linkedin="https://linkedin.com/in/kevinliu"
        )
    )
    plan = imports.plan_contacts(store, linkedin(), START)
    (row,) = plan.updated
    assert row.contact.id == mine.id
    assert row.contact.job_title == "Coordinator"  # typed by me: kept, and said
    assert any("job title differs" in k for k in row.kept)
    assert row.contact.email == "kevin.liu@cedarvalley.example"  # was empty: filled
    assert row.contact.source is ContactSource.TYPED  # still mine
    imports.apply_contacts(store, plan, START)
    assert store.contacts.get(mine.id).email == "kevin.liu@cedarvalley.example"


def test_a_newer_export_from_the_same_source_moves_people_on(store):
    head = b"First Name,Last Name,Company,Position,Connected On\n"
    first = read_contacts(head + b"Ana,Diaz,Meridian Biologics,Nurse,1 Jan 2024\n", "C.csv")
    imports.apply_contacts(store, imports.plan_contacts(store, first, START), START)
    (ana,) = store.contacts.all()
    assert ana.organization_id == 2
    later = read_contacts(head + b"Ana,Diaz,Lumen Labs,Lead nurse,1 Jan 2024\n", "C.csv")
    plan = imports.plan_contacts(store, later, START)
    # Same name but another employer: the strict rule does not call her the same person.
    assert [r.action for r in plan.rows] == [Action.NEW]
    with_email = read_contacts(
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"Ana,Diaz,ana@x.example,Meridian Biologics,Nurse,1 Jan 2024\n",
        "Connections.csv",
    )
    imports.apply_contacts(store, imports.plan_contacts(store, with_email, START), START)
    moved = read_contacts(
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"Ana,Diaz,ana@x.example,Lumen Labs,Lead nurse,1 Jan 2024\n",
        "Connections.csv",
    )
    plan = imports.plan_contacts(store, moved, START)
    (row,) = plan.updated
    assert row.contact.job_title == "Lead nurse" and row.contact.company == "Lumen Labs"
    assert row.contact.organization_id is None
    assert any("no longer linked" in c for c in row.changes)


def test_the_import_is_one_batch_all_or_nothing(store, data_path, tmp_path):
    store.flush()
    lines_before = data_path.with_name(data_path.name + ".journal").read_bytes().count(b"\n")
    imports.apply_contacts(store, imports.plan_contacts(store, linkedin(), START), START)
    store.flush()
    journal = data_path.with_name(data_path.name + ".journal").read_bytes()
    assert journal.count(b"\n") == lines_before + 1  # one line for the six contacts
    assert json.loads(journal.splitlines()[-1])["b"]


def test_an_error_half_way_undoes_the_import(store, monkeypatch):
    count = len(store.contacts)
    real = store.contacts.save
    calls = []

    def failing(contact):
        calls.append(contact)
        if len(calls) == 3:
            raise OSError("disk on fire")
        return real(contact)

    monkeypatch.setattr(store.contacts, "save", failing)
    with pytest.raises(OSError):
        imports.apply_contacts(store, imports.plan_contacts(store, linkedin(), START), START)
    monkeypatch.undo()
    assert len(store.contacts) == count
    assert store.contacts.all() == [
        c for c in store.contacts.all() if c.source is not ContactSource.LINKEDIN
    ]


def test_a_kill_after_the_import_keeps_all_of_it(store, data_path, tmp_path):
    imports.apply_contacts(store, imports.plan_contacts(store, linkedin(), START), START)
    store.flush()
    image = crash_image(data_path, tmp_path / "after-kill")
    from infoview_tui.store.store import Store

    reopened = Store.open(image, FakeClock(START))
    try:
        assert len([c for c in reopened.contacts.all() if c.source is ContactSource.LINKEDIN]) == 6
    finally:
        reopened.close()


def test_a_vcard_export_imported_again_updates_instead_of_doubling(store):
    from infoview_tui.services.exports import export_vcf

    store.contacts.save(Contact(name="Ana Díaz", email="ana@x.example", job_title="Nurse"))
    store.contacts.save(Contact(name="Bo"))  # nothing to match on but the name
    data = export_vcf(store, START).value.data
    plan = imports.plan_contacts(store, read_contacts(data, "infoview.vcf"), START)
    assert plan.new == [] and plan.updated == []
    assert {row.by for row in plan.unchanged} == {MatchBy.UID}
    changed = data.replace(b"TITLE:Nurse", b"TITLE:Head nurse")
    plan = imports.plan_contacts(store, read_contacts(changed, "infoview.vcf"), START)
    assert [r.by for r in plan.rows if r.kept] == [MatchBy.UID]  # mine, typed: kept and said


def test_apply_plans_again_against_the_contacts_as_they_are_now(store):
    plan = imports.plan_contacts(store, linkedin(), START)
    store.contacts.save(Contact(name="Kevin Liu", linkedin="https://www.linkedin.com/in/kevinliu"))
    outcome = imports.apply_contacts(store, plan, START)
    assert "changed since the preview" in outcome.message
    assert len([c for c in store.contacts.all() if c.name == "Kevin Liu"]) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.linkedin.com/in/Ada/", "linkedin.com/in/ada"),
        ("http://uk.linkedin.com/in/ada?trk=x", "https://www.linkedin.com/in/ada"),
        ("https://www.linkedin.com/in/zo%C3%AB", "https://linkedin.com/in/zoë"),
    ],
)
def test_profile_urls_compare_as_the_same_profile(a, b):
    assert url_key(a) == url_key(b)


def test_apply_uses_the_preview_when_nothing_changed_since(store):
    plan = imports.plan_contacts(store, linkedin(), START)
    outcome = imports.apply_contacts(store, plan, START)
    assert outcome.value is plan and "changed since" not in outcome.message
