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
        assert "a Add contact" in screen_text(pilot.app)
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
        assert "Add contact: Someone you could talk to" in keys
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
        assert "Add contact" not in keys


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
        assert not any("Add contact" in p for p in prompts)  # home has no such action
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        prompts = await palette_prompts(pilot, "add")
        assert any("Add contact" in p for p in prompts), prompts
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
