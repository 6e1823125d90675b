"""Warm introductions on screen: each ranked employer and the job I'm exploring with who I know
there (how sure, introduced by whom), "No one yet" said with the next step, one key to ask for
an introduction (once), enter to open the person. Reached from Employers, the employer card,
the occupation screen and the palette."""

from __future__ import annotations

import pytest

from infoview_tui.clock import FakeClock
from infoview_tui.dialogs.contact_card import ContactCard
from infoview_tui.domain.records import (
    Contact,
    FollowUpKind,
    Occupation,
    Organization,
)
from infoview_tui.launch import build_app
from infoview_tui.screens.prepare.employer_card import EmployerCardScreen
from infoview_tui.screens.prepare.employers import EmployersScreen
from infoview_tui.screens.prepare.introductions import IntroductionsScreen
from infoview_tui.screens.prepare.occupation import OccupationScreen
from infoview_tui.widgets.record_table import RecordTable

from .conftest import NOW, record_notifications, store_opened, worked


@pytest.fixture
def ids(store):
    harbour = store.organizations.save(Organization(name="Harbour Health", rank=1))
    northwind = store.organizations.save(Organization(name="Northwind Labs", rank=2))
    store.organizations.save(Organization(name="Unranked Co"))
    marisol = store.contacts.save(Contact(name="Marisol Vega", job_title="Teacher"))
    ada = store.contacts.save(
        Contact(name="Ada Okafor", job_title="Research nurse", organization_id=harbour.id,
                introduced_by_id=marisol.id)
    )  # fmt: skip
    store.contacts.save(Contact(name="Cara Diaz", company="Harbour Health Inc."))
    store.occupations.save(Occupation(title="Research nurse", current=True))
    return {"harbour": harbour.id, "northwind": northwind.id, "ada": ada.id}


def rows(screen: IntroductionsScreen) -> list[list[str]]:
    table = screen.query_one(RecordTable)
    return [[str(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]


def detail(screen: IntroductionsScreen) -> str:
    return str(screen.query_one("#intros-detail-text").render())


async def test_each_target_with_who_i_know_and_no_one_yet_said_out_loud(run_app, ids, screen_text):
    async with run_app() as pilot:
        await pilot.press("e")  # employers
        await pilot.pause()
        await pilot.press("w")
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, IntroductionsScreen)
        assert rows(screen) == [
            ["── 1. Harbour Health", "", "2 people", ""],
            ["Ada Okafor", "sure", "Research nurse, Harbour Health", "Marisol Vega"],
            ["Cara Diaz", "likely", "Harbour Health Inc.", ""],
            ["── 2. Northwind Labs", "", "no one yet", ""],
            ["No one yet", "", rows(screen)[4][2], ""],
            ["── The job: Research nurse", "", "1 person", ""],
            ["Ada Okafor", "likely", "Research nurse, Harbour Health", "Marisol Vega"],
        ]
        assert rows(screen)[4][2].startswith("No one yet. Next: ask family, friends")
        # The cursor starts on the first person at the employer highlighted on the list.
        assert "Ada Okafor, Research nurse, at Harbour Health (sure; introduced by " in (
            detail(screen)
        )
        text = screen_text(pilot.app)
        assert "a Ask for intro" in text and "esc Back" in text  # the keys, at 80x24
        await pilot.press("down", "down", "down")  # Northwind's "No one yet"
        await pilot.pause()
        assert "Next step: No one yet. Next: ask family, friends and former co-workers" in (
            detail(screen)
        )
        assert "i on the Contacts screen" in detail(screen)
        assert screen.check_action("ask", ()) is None  # no one to ask: dimmed


async def test_a_asks_for_an_introduction_once_and_enter_opens_the_person(
    run_app, ids, store, reopen
):
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        pilot.app.push_screen(IntroductionsScreen(organization_id=ids["harbour"]))
        await worked(pilot)
        await pilot.press("a")
        await pilot.pause()
        title = "Ask Ada Okafor for an introduction to someone at Harbour Health"
        assert said[-1] == f"Added: {title}, due Thu 26 Nov."
        await pilot.press("a")
        await pilot.pause()
        assert said[-1] == f"Already on your list: {title}."
        store.flush()
        items = [f for f in reopen().followups.all() if f.title == title]
        assert len(items) == 1
        (item,) = items
        assert item.kind is FollowUpKind.REACH_OUT and item.contact_id == ids["ada"]
        assert "introduced to you by Marisol Vega" in item.reason
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactCard)


async def test_from_the_employer_card_and_the_occupation_screen(run_app, ids, screen_text):
    async with run_app() as pilot:
        pilot.app.push_screen(EmployerCardScreen(ids["northwind"]))
        await pilot.pause()
        await pilot.press("ctrl+o")
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, IntroductionsScreen)
        assert "── 2. Northwind Labs" in str(
            screen.query_one(RecordTable).get_row_at(screen.query_one(RecordTable).cursor_row)[0]
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        pilot.app.push_screen(OccupationScreen())
        await pilot.pause()
        await pilot.press("w")
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, IntroductionsScreen)
        assert "The job: Research nurse" in str(screen.query_one("#intros-detail").border_title)


async def test_nothing_ranked_and_no_occupation_says_what_to_do(run_app, store, screen_text):
    store.contacts.save(Contact(name="Ada Okafor"))
    async with run_app() as pilot:
        pilot.app.push_screen(IntroductionsScreen())
        await worked(pilot)
        assert "No ranked employers and no current occupation yet" in screen_text(pilot.app)


async def test_on_the_demo_from_the_palette(tmp_path, screen_text):
    app = build_app(FakeClock(NOW), demo_in=tmp_path, autosave_after=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await store_opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Warm introductions")
        await worked(pilot)  # the palette searches on a worker
        await pilot.press("enter")
        await worked(pilot)
        screen = app.screen
        assert isinstance(screen, IntroductionsScreen)
        table = rows(screen)
        assert table[0][0].startswith("── 1. ")
        assert any(row[1] == "sure" for row in table)
        assert "You know someone at" in screen_text(app)


async def test_employers_list_shows_w_in_its_footer_and_help(run_app, ids, screen_text):
    async with run_app() as pilot:
        pilot.app.push_screen(EmployersScreen())
        await pilot.pause()
        await pilot.pause()
        assert "w Intros" in screen_text(pilot.app).splitlines()[-1]
        await pilot.press("question_mark")
        await pilot.pause()
        help_keys = str(pilot.app.screen.query_one("#help-keys").render())
        assert "Warm introductions" in help_keys
