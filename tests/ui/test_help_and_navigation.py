"""Getting around: contacts and back, help, the command palette, a tiny terminal, a bad file."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import Static

from infoview_tui.launch import build_app
from infoview_tui.screens.fatal import FatalScreen
from infoview_tui.screens.help import HelpScreen
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.people.contact_form import ContactFormScreen
from infoview_tui.screens.people.contacts import ContactsScreen
from infoview_tui.screens.too_small import TooSmallScreen
from infoview_tui.store.store import Store


async def test_c_opens_contacts_and_escape_returns_home(run_app, screen_text):
    async with run_app() as pilot:
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)
        assert "a Add e Edit" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is home
        assert "c People" in screen_text(pilot.app)


def help_keys(app) -> str:
    return str(app.screen.query_one("#help-keys", Static).visual)


async def test_help_lists_the_keys_of_the_screen_it_was_opened_from(run_app, screen_text):
    async with run_app() as pilot:
        await pilot.press("c")
        await pilot.pause()
        contacts = pilot.app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        keys = help_keys(pilot.app)
        assert "Add: Someone you could talk to" in keys
        assert "Delete: Delete the highlighted contact (asks first)" in keys
        assert "Filter: Filter by name, organisation or job title" in keys
        assert "Back: Clear the filter, or go back to home" in keys
        assert "Keys: Contacts" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is contacts

        await pilot.press("escape")  # home's help is home's own
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        keys = help_keys(pilot.app)
        assert "People: Contacts: who I might talk to" in keys
        assert "Someone you could talk to" not in keys  # the contacts list's add


async def palette_prompts(pilot, search: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*search)
    await pilot.app.workers.wait_for_complete()  # the palette searches on a worker
    await pilot.pause()  # and then shows what it found
    options = pilot.app.screen.query_one(CommandList).options
    return [str(option.prompt) for option in options]


async def test_the_palette_offers_the_current_screens_actions(run_app):
    async with run_app() as pilot:
        prompts = await palette_prompts(pilot, "add")
        assert not any("Someone you could talk to" in p for p in prompts)  # not on home
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        prompts = await palette_prompts(pilot, "add")
        assert any("Someone you could talk to" in p for p in prompts), prompts
        await pilot.press("enter")  # runs it, as pressing a would
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactFormScreen)


async def test_a_small_terminal_says_so_and_resizing_back_returns(run_app, screen_text):
    async with run_app() as pilot:
        await pilot.press("c")
        await pilot.pause()
        contacts = pilot.app.screen
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)
        assert "Terminal too small: 60×20." in screen_text(pilot.app)
        await pilot.press("a")  # the screen underneath takes no keys meanwhile
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pilot.app.screen is contacts


async def test_a_damaged_file_is_named_and_left_untouched(tmp_path, clock, screen_text):
    path = tmp_path / "infoview.json"
    path.write_text("not json")
    before = path.read_bytes()
    app = build_app(clock, opener=lambda: Store.open(path, clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FatalScreen)
        message = str(app.screen.query_one("#fatal-message", Static).visual)
        assert str(path) in message
        assert "infoview cannot open your data" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 2
    assert path.read_bytes() == before


async def test_the_palette_and_help_list_each_action_once(run_app):
    async with run_app() as pilot:
        app = pilot.app
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert len(titles) == len(set(titles)), titles
        assert titles.count("Quit") == 1
        assert sum(title in ("Find", "Search") for title in titles) == 1, titles
        assert "Keys" not in titles  # Textual's own key panel: Help already lists the keys
        (quit_command,) = [c for c in commands if c.title == "Quit"]
        assert "key: q, ^q" in quit_command.help

        await pilot.press("question_mark")
        await pilot.pause()
        lines = help_keys(app).splitlines()
        assert sum("Quit" in line for line in lines) == 1, lines
        assert sum("Find" in line or "Search" in line for line in lines) == 1, lines


async def test_the_palette_screenshot_is_saved_beside_the_data_file(
    run_app, data_path, screen_text
):
    import stat

    from .conftest import record_notifications

    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        prompts = await palette_prompts(pilot, "screenshot")
        assert prompts, prompts
        await pilot.press("enter")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        (picture,) = data_path.parent.glob("*.svg")
        assert stat.S_IMODE(picture.stat().st_mode) == 0o600
        svg = picture.read_text(encoding="utf-8")
        assert (
            "Next&#160;meeting" in svg and "screenshot" not in svg.casefold()
        )  # home, not the palette
        assert any(str(picture) in message for message in said), said


async def test_a_long_help_line_wraps_under_its_description(run_app, screen_text):
    async with run_app() as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        lines = screen_text(pilot.app).splitlines()
        (row,) = [i for i, line in enumerate(lines) if "People: Contacts: who I might" in line]
        text_at = lines[row].index("People")
        inside = lines[row + 1][lines[row].index("│") + 1 :]
        continued_at = lines[row].index("│") + 1 + len(inside) - len(inside.lstrip())
        assert continued_at == text_at, lines[row : row + 2]


async def test_starting_in_a_small_terminal_says_so(run_app, screen_text):
    async with run_app(size=(70, 20)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)
        assert "Terminal too small: 70×20." in screen_text(pilot.app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_search_palette_and_help_wait_while_the_terminal_is_too_small(run_app, screen_text):
    async with run_app(size=(70, 20)) as pilot:
        await pilot.pause()
        for key in ("ctrl+k", "ctrl+p", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, TooSmallScreen), key
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is home
        assert "too small" not in screen_text(pilot.app)


async def test_a_screen_opened_while_too_small_waits_under_the_message(run_app, screen_text):
    from infoview_tui.dialogs.confirm import ConfirmScreen

    async with run_app() as pilot:
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        pilot.app.push_screen(ConfirmScreen("Keep mine?", "Asked while the window was small."))
        await pilot.pause()
        assert isinstance(pilot.app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "too small" not in screen_text(pilot.app)


async def test_a_new_data_file_is_announced_once(tmp_path, clock):
    from .conftest import record_notifications

    path = tmp_path / "fresh.json"
    for first in (True, False):
        app = build_app(clock, data=path)
        said = record_notifications(app)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause()  # the switch from the loading screen to home
            assert isinstance(app.screen, HomeScreen), app.screen
            await pilot.press("ctrl+q")
            await pilot.pause()
        announced = f"New data file created at {path}" in said
        assert announced is first, said
