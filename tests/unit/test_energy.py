"""What a meeting cost: recorded by a service, private in every export unless asked for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infoview_tui.demo import build_demo
from infoview_tui.domain.records import EnergyCost, Interview, InterviewStatus
from infoview_tui.services import energy, exports

from .store_helpers import START

FEELING = "SENTINEL-FEELING-5e1d"


@pytest.fixture
def demo(open_store, data_path):
    store = open_store(data_path)
    build_demo(store, START)
    return store


def test_record_energy_keeps_the_cost_and_the_feeling_with_the_screens_edits(open_store, data_path):
    store = open_store(data_path)
    meeting = store.interviews.save(Interview(status=InterviewStatus.DONE, place="Cafe"))
    edited = replace(meeting, place="Cafe on 2nd")  # typed on the screen, not saved yet
    outcome = energy.record_energy(store, edited, 4, "  tired\x07 but glad ", START)
    saved = store.interviews.get(meeting.id)
    assert saved is not None
    assert saved.energy == EnergyCost(cost=4, feeling="tired but glad", recorded=START)
    assert saved.place == "Cafe on 2nd"
    assert outcome.value == saved
    assert "a lot (4 of 5)" in outcome.message and "privately" in outcome.message
    with pytest.raises(ValueError):
        energy.record_energy(store, saved, 6, "", START)


def test_describe_says_the_cost_in_words():
    assert energy.describe(None) == ""
    assert energy.describe(EnergyCost(cost=5)) == "Cost me everything I had (5 of 5)"
    assert energy.describe(EnergyCost(cost=2, feeling="fine")) == "Cost me a little (2 of 5): fine"


def _with_feeling(store) -> None:
    for iv in store.interviews.all():
        if iv.status is InterviewStatus.DONE:
            store.interviews.save(replace(iv, energy=EnergyCost(cost=3, feeling=FEELING)))


def test_energy_is_in_no_export_unless_asked(demo):
    _with_feeling(demo)
    plain = {
        "md": exports.export_md(demo, START).value.data,
        "md one": exports.export_md(demo, START, meeting="Daniel").value.data,
        "json": exports.export_json(demo, START).value.data,
        "ics": exports.export_ics(demo, START).value.data,
        "vcf": exports.export_vcf(demo, START).value.data,
        "activity": exports.export_activity(demo, START).value.data,
    }
    for kind, data in plain.items():
        assert FEELING.encode() not in data, kind
        assert b'"energy"' not in data, kind
    asked = {
        "md": exports.export_md(demo, START, include_private=True).value.data,
        "md one": exports.export_md(demo, START, meeting="Daniel", include_private=True).value.data,
        "json": exports.export_json(demo, START, include_private=True).value.data,
    }
    for kind, data in asked.items():
        assert FEELING.encode() in data, kind


def test_the_markdown_sets_the_meeting_against_its_plan_and_keeps_demand_notes(demo):
    text = exports.export_md(demo, START, meeting="Daniel").value.data.decode()
    section = text.split("## Planned and held", 1)[1].split("\n## ", 1)[0]
    assert "- Questions: 8 questions planned: 7 asked, 1 skipped" in section
    assert "- Time: 18 of 15 minutes (3 over)" in section
    assert "- Captured: 6 captures (1 referral, 1 lead, 2 job titles" in section
    assert "| The job's demands | Can I meet it? | What was said |" in text
    assert "a stool in the visit room would do it" in text
