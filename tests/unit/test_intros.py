"""Warm introductions: who I know at each ranked employer and in the occupation, how sure,
who introduced them, and asking them for an introduction."""

from __future__ import annotations

from datetime import date

import pytest

from infoview_tui.domain.records import (
    Contact,
    ContactSource,
    FollowUpKind,
    Interview,
    Occupation,
    Organization,
    Profile,
)
from infoview_tui.services.intros import Sureness, ask_for_introduction, warm_introductions

from .store_helpers import START  # Thursday 3 December 2026


@pytest.fixture
def store(open_store, data_path):
    s = open_store(data_path)
    s.organizations.save(Organization(name="Harbour Research Centre", rank=1))  # 1
    s.organizations.save(Organization(name="Meridian Biologics Inc.", rank=2))  # 2
    s.organizations.save(Organization(name="Quiet Labs", rank=3))  # 3
    s.organizations.save(Organization(name="Not Ranked Ltd"))  # 4
    s.occupations.save(
        Occupation(
            title="Clinical research coordinator", current=True, keywords=["Study coordinator"]
        )
    )
    marisol = s.contacts.save(Contact(name="Marisol Vega", job_title="Research nurse"))
    s.contacts.save(Contact(name="Ada Okafor", organization_id=1, introduced_by_id=marisol.id))
    s.contacts.save(
        Contact(
            name="Bo Chen",
            company="Harbour Research Centre Ltd",
            source=ContactSource.LINKEDIN,
            job_title="Study Coordinator",
        )
    )
    s.contacts.save(
        Contact(name="Cy Park", company="Harbour Research", source=ContactSource.LINKEDIN)
    )
    s.contacts.save(
        Contact(
            name="Di Ito",
            company="Meridian Biologics",
            job_title="Senior clinical research coordinator",
        )
    )
    s.contacts.save(Contact(name="Ed Sun", company="Research Centre"))  # generic words only
    s.contacts.save(Contact(name="Fa Lin", company="Metal Biologics"))
    return s


def target(targets, label):
    return next(t for t in targets if t.label == label)


def test_who_i_know_at_each_ranked_employer_surest_first(store):
    targets = warm_introductions(store)
    assert [t.label for t in targets] == [
        "Harbour Research Centre",
        "Meridian Biologics Inc.",
        "Quiet Labs",
        "Clinical research coordinator",
    ]
    harbour = target(targets, "Harbour Research Centre")
    assert [(k.name, k.sureness) for k in harbour.people] == [
        ("Ada Okafor", Sureness.SURE),  # linked to the employer on my list
        ("Bo Chen", Sureness.LIKELY),  # same name, legal suffix aside
        ("Cy Park", Sureness.MAYBE),  # alike: every distinctive word is there
    ]
    ada = harbour.people[0]
    assert ada.introducer == "Marisol Vega" and ada.introducer_id == 1
    assert ada.line() == "Ada Okafor, at Harbour Research Centre (sure; introduced by Marisol Vega)"
    assert "a LinkedIn connection" in harbour.people[1].line()
    assert (
        harbour.next_step
        == "Ask Ada Okafor for an introduction to someone at Harbour Research Centre."
    )
    meridian = target(targets, "Meridian Biologics Inc.")
    assert [(k.name, k.sureness) for k in meridian.people] == [("Di Ito", Sureness.LIKELY)]


def test_no_one_yet_is_said_with_the_next_step(store):
    quiet = target(warm_introductions(store), "Quiet Labs")
    assert quiet.people == [] and quiet.total == 0
    assert quiet.next_step.startswith("No one yet. Next: ask family, friends")
    assert "Importing your LinkedIn" not in quiet.next_step  # some are imported already


def test_no_one_yet_suggests_importing_when_nothing_was(open_store, tmp_path):
    store = open_store(tmp_path / "x.json")
    store.organizations.save(Organization(name="Acme", rank=1))
    (acme,) = warm_introductions(store)
    assert "infoview import contacts" in acme.next_step


def test_the_occupation_met_same_title_and_alike(store):
    store.interviews.save(Interview(contact_id=1, occupation_id=1))  # met Marisol about it
    job = target(warm_introductions(store), "Clinical research coordinator")
    assert [(k.name, k.sureness) for k in job.people] == [
        ("Marisol Vega", Sureness.SURE),
        ("Bo Chen", Sureness.LIKELY),  # a search keyword of the occupation
        ("Di Ito", Sureness.MAYBE),  # "Senior clinical research coordinator"
    ]
    assert job.occupation_id == 1 and job.organization_id is None


def test_asking_for_an_introduction_adds_a_follow_up_once(store):
    store.save_profile(Profile(rest_days=[4]))  # Fridays off: due the Saturday instead
    outcome = ask_for_introduction(store, 2, START, organization_id=1)
    item = outcome.value
    assert item is not None
    assert item.title == "Ask Ada Okafor for an introduction to someone at Harbour Research Centre"
    assert item.kind is FollowUpKind.REACH_OUT and item.contact_id == 2
    assert item.organization_id == 1 and item.due == date(2026, 12, 5)
    assert "introduced to you by Marisol Vega" in item.reason
    assert outcome.message.startswith("Added: Ask Ada Okafor")
    again = ask_for_introduction(store, 2, START, organization_id=1)
    assert again.value is not None and again.value.id == item.id
    assert again.message.startswith("Already on your list")
    assert len(store.followups) == 1


def test_asking_about_the_occupation_and_gone_records(store):
    outcome = ask_for_introduction(store, 4, START, occupation_id=1)
    assert outcome.value is not None
    assert outcome.value.title.endswith("who works as Clinical research coordinator")
    assert ask_for_introduction(store, 99, START, organization_id=1).value is None
    assert ask_for_introduction(store, 2, START, organization_id=99).value is None


def test_many_contacts_at_many_employers(open_store, data_path):
    store = open_store(data_path)
    with store.batch():
        for i in range(1, 51):
            store.organizations.save(Organization(name=f"Employer {i} Research", rank=i))
        for i in range(3_000):
            store.contacts.save(Contact(name=f"P{i}", company=f"Employer {i % 400} Research Inc"))
    targets = warm_introductions(store)
    seventh = target(targets, "Employer 7 Research")
    assert seventh.total == 8 and {k.sureness for k in seventh.people} == {Sureness.LIKELY}
