"""Employers and their research cards, driven like a user; then what reached the file."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, TextArea

from infoview_tui.dialogs.confirm import ConfirmScreen
from infoview_tui.domain.records import Contact, Interview, Organization
from infoview_tui.launch import build_app
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.people.contact_form import ContactFormScreen
from infoview_tui.screens.prepare.employer_card import EmployerCardScreen
from infoview_tui.screens.prepare.employers import TOP_LINE, UNRANKED_LINE, EmployersScreen
from infoview_tui.store.store import Store
from infoview_tui.widgets.record_table import RecordTable

from .conftest import shown

ODD = "Stärken: 研究 · [b]not bold[/b] " + "y" * 2000


async def open_list(pilot) -> EmployersScreen:
    pilot.app.push_screen(EmployersScreen())
    screen = await shown(pilot, EmployersScreen)
    assert isinstance(screen, EmployersScreen)
    return screen


async def open_card(pilot, org_id: int) -> EmployerCardScreen:
    pilot.app.push_screen(EmployerCardScreen(org_id))
    screen = await shown(pilot, EmployerCardScreen)
    assert isinstance(screen, EmployerCardScreen)
    return screen


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))  # to the focused field, as a terminal does
    await pilot.pause()


async def fill(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector)
    field.focus()
    await pilot.pause()
    if isinstance(field, Input):
        await pilot.press("ctrl+u")  # empty it first (the text boxes here start empty)
    await paste(pilot, text)


def names(table: RecordTable) -> list[str]:
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def by_name(store: Store) -> dict[str, Organization]:
    return {o.name: o for o in store.organizations.all()}


def seed_many(store: Store, ranked: int, unranked: int = 0) -> list[Organization]:
    orgs = [
        store.organizations.save(Organization(name=f"R{i:02}", rank=i))
        for i in range(1, ranked + 1)
    ]
    orgs += [store.organizations.save(Organization(name=f"U{i}")) for i in range(unranked)]
    return orgs


# ----- the list ----------------------------------------------------------------------------------


async def test_line_after_the_tenth_and_unranked_below(run_app, store, screen_text):
    seed_many(store, 12, 2)
    async with run_app() as pilot:
        screen = await open_list(pilot)
        table = screen.query_one(RecordTable)
        assert table.row_ids.index(TOP_LINE) == 10
        assert table.row_ids.index(UNRANKED_LINE) == 13
        shown = names(table)
        assert shown[:10] == [f"R{i:02}" for i in range(1, 11)]
        assert shown[11:13] == ["R11", "R12"]
        assert shown[14:] == ["U0", "U1"]
        assert "── top ten above ──" in screen_text(pilot.app)


async def test_line_says_how_many_places_are_free(run_app, store, screen_text):
    seed_many(store, 3)
    async with run_app() as pilot:
        screen = await open_list(pilot)
        assert screen.query_one(RecordTable).row_ids[3] == TOP_LINE
        assert "7 of ten places free" in screen_text(pilot.app)


async def test_moving_renumbers_in_the_file(run_app, store, reopen):
    seed_many(store, 11)
    async with run_app() as pilot:
        screen = await open_list(pilot)
        table = screen.query_one(RecordTable)
        table.move_cursor(row=table.row_ids.index(TOP_LINE) + 1)  # R11, below the line
        await pilot.pause()
        await pilot.press("shift+up")  # across the line into the top ten
        await pilot.pause()
        assert names(table)[9] == "R11"
        assert str(table.get_row_at(table.cursor_row)[1]) == "R11"  # the cursor follows
        await pilot.press("K", "K")  # the same, for terminals without shift+arrows
        await pilot.press("J")
        await pilot.pause()
        store.flush()
        ranks = {name: org.rank for name, org in by_name(reopen()).items()}
        assert ranks["R11"] == 9
        assert sorted(ranks.values()) == list(range(1, 12))


async def test_rank_unrank_and_practice_are_saved(run_app, store, reopen):
    seed_many(store, 2, 1)
    async with run_app() as pilot:
        screen = await open_list(pilot)
        table = screen.query_one(RecordTable)
        await pilot.press("r")  # R01 leaves the ranking
        await pilot.pause()
        store.flush()
        assert {n: o.rank for n, o in by_name(reopen()).items()} == {
            "R01": None,
            "R02": 1,
            "U0": None,
        }

        table.move_cursor(row=names(table).index("U0"))
        await pilot.press("r", "p")  # U0 joins at the bottom; it is the practice target
        await pilot.pause()
        table.move_cursor(row=names(table).index("R02"))
        await pilot.press("p")  # only one practice target at a time
        await pilot.pause()
        store.flush()
        saved = by_name(reopen())
        assert saved["U0"].rank == 2 and not saved["U0"].practice
        assert saved["R02"].practice
        assert str(table.get_row_at(table.cursor_row)[3]) == "practice"


async def test_add_opens_the_card_and_typing_reaches_the_file(run_app, store, reopen):
    seed_many(store, 1)
    async with run_app() as pilot:
        await open_list(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Nordlicht", "enter")
        await pilot.pause()
        card = pilot.app.screen
        assert isinstance(card, EmployerCardScreen)
        await fill(pilot, "#card-why", "Close to home")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EmployersScreen)
        assert "Nordlicht" in names(pilot.app.screen.query_one(RecordTable))
        store.flush()
        new = by_name(reopen())["Nordlicht"]
        assert new.rank == 2 and new.why == "Close to home"


async def test_adding_a_name_already_listed_adds_nothing(run_app, store, reopen):
    seed_many(store, 1)
    async with run_app() as pilot:
        await open_list(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"r01", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EmployersScreen)
        store.flush()
        assert len(reopen().organizations) == 1


async def test_delete_says_what_happens_and_unlinks(run_app, store, reopen):
    a, _b, c = seed_many(store, 3)
    store.organizations.save(Organization(id=c.id, name="R03", rank=3, competitor_ids=[a.id]))
    ada = store.contacts.save(Contact(name="Ada", organization_id=a.id))
    store.interviews.save(Interview(contact_id=ada.id, organization_id=a.id))
    async with run_app() as pilot:
        await open_list(pilot)
        await pilot.press("d")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert "1 contact at R01 stays, without an employer" in dialog.message
        assert "1 meeting keeps its notes" in dialog.message
        assert "competitors on 1 card" in dialog.message
        await pilot.press("y")
        await pilot.pause()
        store.flush()
        saved = reopen()
        assert {o.name: o.rank for o in saved.organizations.all()} == {"R02": 1, "R03": 2}
        assert by_name(saved)["R03"].competitor_ids == []
        assert saved.contacts.get(ada.id).organization_id is None
        assert saved.interviews.all()[0].organization_id is None


# ----- the research card -------------------------------------------------------------------------


async def test_card_fields_reach_the_file_literally(run_app, store, reopen, screen_text):
    (org,) = seed_many(store, 1)
    async with run_app() as pilot:
        card = await open_card(pilot, org.id)
        await fill(pilot, "#card-name", "Ölwerk [i]Zürich[/i]")
        await fill(pilot, "#card-strengths", ODD)
        await fill(pilot, "#card-culture", "calm\nkind")
        await fill(pilot, "#card-website", "https://example.org")
        await fill(pilot, "#card-remote", "two days")
        await fill(pilot, "#card-accommodation", "quiet room on request")
        card.query_one("#card-name").focus()
        # Focus scrolls the card back up, which may animate; read the screen once it settles.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert "Ölwerk [i]Zürich[/i]" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        store.flush()
        (saved,) = reopen().organizations.all()
        assert saved.name == "Ölwerk [i]Zürich[/i]"
        assert saved.strengths == ODD
        assert saved.culture == "calm\nkind"
        assert saved.website == "https://example.org"
        assert saved.flexibility.remote == "two days"
        assert saved.flexibility.accommodation == "quiet room on request"
        assert saved.rank == 1  # untouched by the card


async def test_card_refuses_empty_or_taken_name_and_keeps_the_rest(
    run_app, store, reopen, screen_text
):
    a, _b = seed_many(store, 2)
    async with run_app() as pilot:
        await open_card(pilot, a.id)
        await fill(pilot, "#card-name", "r02")
        assert "R02 is already on your list" in screen_text(pilot.app)
        await fill(pilot, "#card-name", "")
        assert "An employer needs a name." in screen_text(pilot.app)
        await fill(pilot, "#card-news", "hiring in spring")
        await pilot.press("escape")
        await pilot.pause()
        store.flush()
        saved = by_name(reopen())
        assert saved["R01"].news == "hiring in spring"
        assert sorted(saved) == ["R01", "R02"]


async def test_competitors_link_known_names_and_offer_to_add_others(
    run_app, store, reopen, screen_text
):
    a, b = seed_many(store, 2)
    async with run_app() as pilot:
        card = await open_card(pilot, a.id)
        field = card.query_one("#card-competitors", Input)
        field.focus()
        await pilot.press(*"r0")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("right")  # accept the completion: R02 (not itself)
        assert field.value == "R02"
        await paste(pilot, ", Acme GmbH")
        await pilot.pause()
        assert "Not on my list: Acme GmbH." in screen_text(pilot.app)
        await pilot.press("escape")  # left with an unknown name: kept as typed
        await pilot.pause()
        store.flush()
        saved = by_name(reopen())["R01"]
        assert saved.competitor_ids == [b.id]
        assert saved.other_competitors == ["Acme GmbH"]

        card = await open_card(pilot, a.id)
        assert card.query_one("#card-competitors", Input).value == "R02, Acme GmbH"
        await pilot.press("ctrl+t")  # add the unknown ones to the list
        await pilot.pause()
        store.flush()
        saved = by_name(reopen())
        assert saved["Acme GmbH"].rank is None
        assert saved["R01"].competitor_ids == [b.id, saved["Acme GmbH"].id]
        assert saved["R01"].other_competitors == []
        assert "Not on my list" not in screen_text(pilot.app)


async def test_card_adds_a_contact_for_this_employer(run_app, store, reopen):
    a, _b = seed_many(store, 2)
    store.contacts.save(Contact(name="Existing", job_title="Nurse", organization_id=a.id))
    async with run_app() as pilot:
        card = await open_card(pilot, a.id)
        contacts = card.query_one(OptionList)
        assert contacts.option_count == 1
        contacts.focus()
        await pilot.press("c")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ContactFormScreen)
        assert form.query_one("#organisation", Input).value == "R01"  # prefilled
        await pilot.press(*"Bea Quist", "ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is card
        assert contacts.option_count == 2
        store.flush()
        (bea,) = [c for c in reopen().contacts.all() if c.name == "Bea Quist"]
        assert bea.organization_id == a.id


async def test_card_quit_and_restart_keeps_everything(run_app, store, reopen, data_path, clock):
    (org,) = seed_many(store, 1)
    async with run_app() as pilot:
        await open_card(pilot, org.id)
        await fill(pilot, "#card-position", "second in the region")
        await fill(pilot, "#card-hours", "9 to 3")
        await pilot.press("ctrl+q")
        await pilot.pause()

    again = Store.open(data_path, clock)
    async with run_app(build_app(clock, store=again)) as pilot:
        card = await open_card(pilot, org.id)
        assert card.query_one("#card-position", TextArea).text == "second in the region"
        assert card.query_one("#card-hours", Input).value == "9 to 3"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_a_new_employer_card_waits_in_why_and_its_title_follows_the_name(
    run_app, store, reopen
):
    seed_many(store, 1)
    async with run_app() as pilot:
        await open_list(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Fresh Labs", "enter")
        await pilot.pause()
        card = pilot.app.screen
        assert isinstance(card, EmployerCardScreen)
        assert card.focused is card.query_one("#card-why")
        await pilot.press(*"Because they do trials")
        await pilot.pause()
        assert card.sub_title == "Fresh Labs"
        card.query_one("#card-name").focus()
        await pilot.pause()
        await pilot.press("end", *" Ltd")
        await pilot.pause()
        assert card.sub_title == "Fresh Labs Ltd"
        await pilot.press("escape")
        await pilot.pause()
        store.flush()
        new = by_name(reopen())["Fresh Labs Ltd"]
        assert new.why == "Because they do trials"


async def test_an_existing_card_opens_on_its_name(run_app, store):
    (org,) = seed_many(store, 1)
    async with run_app() as pilot:
        card = await open_card(pilot, org.id)
        assert card.focused is card.query_one("#card-name")
