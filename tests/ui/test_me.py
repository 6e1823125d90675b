"""Me: typed text reaches the file on leaving, on quitting and across a restart."""

from __future__ import annotations

import threading

from textual import events
from textual.widgets import RadioButton, TextArea

from infoview_tui.domain.records import Profile
from infoview_tui.launch import build_app
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.loading import LoadingScreen
from infoview_tui.screens.prepare.me import PRIVATE_TITLE, MeScreen
from infoview_tui.store.store import Store

from .conftest import shown

ODD = "Zürich · 東京 · [b]not bold[/b] · " + "long " * 400


async def open_me(pilot) -> MeScreen:
    pilot.app.push_screen(MeScreen())
    screen = await shown(pilot, MeScreen)
    assert isinstance(screen, MeScreen)
    return screen


async def paste(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector)
    field.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))  # as a terminal delivers it: to the focus
    await pilot.pause()


async def test_typed_fields_reach_the_file_when_leaving(run_app, store, reopen, screen_text):
    store.save_profile(Profile(introduction="Hello, I am Sam.", interests="old"))
    async with run_app() as pilot:
        screen = await open_me(pilot)
        assert screen.query_one("#interests", TextArea).text == "old"
        await pilot.press("tab")  # from My name to Interests
        await pilot.press("end", *" & gardens")  # typed after the old text
        await paste(pilot, "#work_ability", ODD)
        assert PRIVATE_TITLE in screen_text(pilot.app)  # scrolled into view, marked private
        await paste(pilot, "#disclosure_plan", "Say nothing about health.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)

        store.flush()
        saved = reopen().profile()
        assert saved.interests == "old & gardens"
        assert saved.work_ability == ODD.strip()
        assert saved.disclosure_plan == "Say nothing about health."
        assert saved.introduction == "Hello, I am Sam."  # part B's field is left alone


async def test_markup_is_shown_literally(run_app, store, screen_text):
    store.save_profile(Profile(skills="[b]bold?[/b] [red]no[/red]"))
    async with run_app() as pilot:
        await open_me(pilot)
        await paste(pilot, "#skills", "")  # scroll it into view
        assert "[b]bold?[/b] [red]no[/red]" in screen_text(pilot.app)


async def test_day_order_setting_is_saved(run_app, store, reopen):
    assert store.profile().day_first is True
    async with run_app() as pilot:
        screen = await open_me(pilot)
        assert screen.query_one("#day-first", RadioButton).value is True
        screen.query_one("#day_first").focus()
        await pilot.press("down", "enter")  # the second choice: month first
        await pilot.pause()
        assert screen.query_one("#month-first", RadioButton).value is True
        await pilot.press("escape")
        await pilot.pause()
        store.flush()
        assert reopen().profile().day_first is False


async def test_quitting_on_the_screen_saves_and_a_restart_shows_it(
    run_app, store, reopen, data_path, clock
):
    async with run_app() as pilot:
        await open_me(pilot)
        await paste(pilot, "#values", "Honesty; a team that shares the load")
        await paste(pilot, "#needs", "Mornings only")
        await pilot.press("ctrl+q")  # straight out, no debounce wait, no prompt
        await pilot.pause()
    assert reopen().profile().values == "Honesty; a team that shares the load"

    again = Store.open(data_path, clock)
    async with run_app(build_app(clock, store=again)) as pilot:
        screen = await open_me(pilot)
        assert screen.query_one("#values", TextArea).text == "Honesty; a team that shares the load"
        assert screen.query_one("#needs", TextArea).text == "Mornings only"


async def test_keys_pressed_while_the_data_opens_change_nothing(store, reopen, clock):
    """Until the file is open only the loading screen exists: an area key does nothing, and
    no screen can save an empty form over what is stored."""
    store.save_profile(Profile(interests="kept"))
    store.flush()
    opened = threading.Event()

    def slow_open():
        opened.wait(10)
        return store

    app = build_app(clock, opener=slow_open)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert not app.has_store
        await pilot.press("i", "escape", "q")
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        opened.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeScreen)
        assert screen.query_one("#interests", TextArea).text == "kept"
        await pilot.press("escape")
        await pilot.pause()
    assert reopen().profile().interests == "kept"


async def test_my_name_is_at_the_top_and_reaches_the_file(run_app, store, reopen, screen_text):
    long = "Medicine and science explained in plain words; " * 6  # wraps over several lines
    store.save_profile(Profile(interests=long, values=long, needs=long))
    async with run_app() as pilot:
        screen = await open_me(pilot)
        await pilot.pause()
        shown = screen_text(pilot.app).splitlines()
        assert "About me" in shown[1]  # opened at the top, not scrolled past it
        assert any("My name" in line for line in shown[:6])
        assert screen.focused is screen.query_one("#name")
        await pilot.press(*"Sam Rivera ")
        await pilot.press("escape")
        await pilot.pause()
        store.flush()
        saved = reopen().profile()
        assert saved.name == "Sam Rivera"
        assert saved.interests == long.strip()
