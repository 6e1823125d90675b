"""Occupations, driven like a user: add, edit, demands, current, delete; then the file."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, OptionList, Select, TextArea

from infoview_tui.dialogs.confirm import ConfirmScreen
from infoview_tui.domain.records import Demand, DemandKind, Interview, Occupation
from infoview_tui.launch import build_app
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.prepare.occupation import DemandRow, OccupationScreen
from infoview_tui.store.store import Store

from .conftest import shown

ODD = "Ärztin · 看護師 · [b]literal[/b] " + "x" * 3000


async def open_screen(pilot) -> OccupationScreen:
    pilot.app.push_screen(OccupationScreen())
    screen = await shown(pilot, OccupationScreen)
    assert isinstance(screen, OccupationScreen)
    return screen


async def paste(pilot, text: str) -> None:
    pilot.app.post_message(events.Paste(text))  # to the focused field, as a terminal does
    await pilot.pause()


def by_title(store: Store) -> dict[str, Occupation]:
    return {o.title: o for o in store.occupations.all()}


async def test_add_first_occupation_type_everything_and_leave(run_app, store, reopen):
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Lab tech", "enter")
        await pilot.pause()
        assert screen.focused.id == "occ-perceptions"
        await paste(pilot, ODD)
        await pilot.press("ctrl+n")  # a demand: physical by default
        await pilot.pause()
        await pilot.press(*"Standing")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await paste(pilot, "Night shifts?")
        row = screen.query(DemandRow).last()
        row.query_one(Select).value = DemandKind.SCHEDULE  # as picking it from the list does
        await pilot.pause()
        await pilot.press("escape", "escape")  # field -> list -> leave
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)

        store.flush()
        (saved,) = reopen().occupations.all()
        assert saved.title == "Lab tech"
        assert saved.current is True  # the first one is current
        assert saved.perceptions == ODD
        assert saved.demands == [
            Demand(DemandKind.PHYSICAL, "Standing"),
            Demand(DemandKind.SCHEDULE, "Night shifts?"),
        ]


async def test_empty_title_is_refused_next_to_the_field_and_old_title_kept(
    run_app, store, reopen, screen_text
):
    store.occupations.save(Occupation(title="Archivist", current=True, perceptions="dusty"))
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        await pilot.press("enter")  # from the list into the title
        assert screen.focused.id == "occ-title"
        await pilot.press("ctrl+u", *"   ")
        await pilot.pause()
        assert "needs a title" in screen_text(pilot.app)
        screen.query_one("#occ-perceptions").focus()
        await pilot.press("end")
        await paste(pilot, " and quiet")
        await pilot.press("escape", "escape")
        await pilot.pause()
        store.flush()
        (saved,) = reopen().occupations.all()
        assert saved.title == "Archivist"  # not blanked
        assert saved.perceptions == "dusty and quiet"  # the rest was kept


async def test_make_current_clears_the_old_one(run_app, store, reopen):
    store.occupations.save(Occupation(title="Archivist", current=True))
    store.occupations.save(Occupation(title="Baker"))
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        assert screen.query_one("#occ-title", Input).value == "Archivist"
        await pilot.press("down")
        await pilot.pause()
        assert screen.query_one("#occ-title", Input).value == "Baker"
        await pilot.press("c")
        await pilot.pause()
        store.flush()
        saved = by_title(reopen())
        assert saved["Baker"].current and not saved["Archivist"].current
        prompts = [
            str(screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(2)
        ]
        assert prompts == ["  Archivist", "● Baker"]


async def test_switching_occupation_saves_the_one_left(run_app, store, reopen):
    store.occupations.save(Occupation(title="Archivist", current=True))
    store.occupations.save(Occupation(title="Baker"))
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        screen.query_one("#occ-notes").focus()
        await pilot.press(*"dust")
        screen.query_one(OptionList).focus()
        await pilot.press("down")  # at once, before the half-second save
        await pilot.pause()
        assert screen.query_one("#occ-notes", TextArea).text == ""
        store.flush()
        assert by_title(reopen())["Archivist"].notes == "dust"


async def test_remove_a_demand(run_app, store, reopen):
    demands = [Demand(DemandKind.STRESS, "deadlines"), Demand(DemandKind.TRAINING, "a course")]
    store.occupations.save(Occupation(title="Archivist", current=True, demands=demands))
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        screen.query(DemandRow).first().query_one(Input).focus()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(screen.query(DemandRow)) == 1
        store.flush()
        (saved,) = reopen().occupations.all()
        assert saved.demands == [Demand(DemandKind.TRAINING, "a course")]


async def test_rename_and_delete_with_confirmation(run_app, store, reopen):
    first = store.occupations.save(Occupation(title="Archivist", current=True))
    store.occupations.save(Occupation(title="Baker"))
    store.interviews.save(Interview(occupation_id=first.id))
    async with run_app() as pilot:
        await open_screen(pilot)
        await pilot.press("r")
        await pilot.pause()  # the prompt opens on the next frame
        await pilot.press("ctrl+u", *"Keeper", "enter")
        await pilot.pause()
        store.flush()
        assert "Keeper" in by_title(reopen())

        # The list is by title (Baker, Keeper); the renamed one stays highlighted.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "1 meeting" in pilot.app.screen.message
        await pilot.press("y")
        await pilot.pause()
        store.flush()
        saved = reopen()
        assert [(o.title, o.current) for o in saved.occupations.all()] == [("Baker", True)]
        assert saved.interviews.all()[0].occupation_id is None


async def test_quit_then_restart_shows_what_was_typed(run_app, store, reopen, data_path, clock):
    store.occupations.save(Occupation(title="Archivist", current=True))
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        screen.query_one("#occ-perceptions").focus()
        await paste(pilot, "Quiet rooms, careful hands")
        await pilot.press("ctrl+q")
        await pilot.pause()

    again = Store.open(data_path, clock)
    async with run_app(build_app(clock, store=again)) as pilot:
        screen = await open_screen(pilot)
        text = screen.query_one("#occ-perceptions", TextArea).text
        assert text == "Quiet rooms, careful hands"


async def test_a_demand_too_long_for_its_row_ends_in_an_ellipsis(run_app, store, screen_text):
    text = "Time on my feet: walking between clinics, standing at the bench for hours"
    store.occupations.save(
        Occupation(title="Lab tech", current=True, demands=[Demand(DemandKind.PHYSICAL, text)])
    )
    async with run_app() as pilot:
        screen = await open_screen(pilot)
        (line,) = [row for row in screen_text(pilot.app).splitlines() if "Time on my feet" in row]
        assert line.rstrip().endswith("…"), line
        field = screen.query_one(DemandRow).query_one(Input)
        field.focus()  # typing in it: the text itself, no mark in the way
        await pilot.pause()
        (line,) = [row for row in screen_text(pilot.app).splitlines() if "physical" in row]
        assert "…" not in line, line
