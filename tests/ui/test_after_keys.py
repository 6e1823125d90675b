"""The After screen's keys as a terminal delivers them: a quick burst arrives all at once,
before the first key is handled. A key is a command or text by where focus is when it is
typed, so a digit meant for a field stays in it and one meant as a command never reaches it.

The clock (conftest) is Wednesday 25 November 2026, 09:00 UTC.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Select, TabbedContent

from infoview_tui.screens.after.screen import AfterScreen

from . import test_after_screen
from .test_after_screen import open_after

ids = test_after_screen.ids  # the fixture: a finished meeting with notes and captures

CHARACTERS = {"escape": "\x1b", "tab": "\t", "shift+tab": None}


async def burst(pilot, *keys: str) -> None:
    """Keys typed quickly: all are queued before the app handles the first."""
    for key in keys:
        pilot.app.post_message(events.Key(key, CHARACTERS.get(key, key)))
    await pilot.pause()
    await pilot.pause()


def part(screen: AfterScreen) -> str:
    return screen.query_one(TabbedContent).active


async def test_a_part_key_right_after_leaving_custom_days_is_not_typed(run_app, ids, store, reopen):
    """The bug: a '1' after escape in the custom-days box saved "every 101 days"."""
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("4", "tab", "1", "0")  # part 4, into "custom: every", 10 days
        await pilot.pause()
        assert screen.query_one("#custom-days").value == "10"
        await burst(pilot, "escape", "1")  # out of the field, then part 1
        assert screen.query_one("#custom-days").value == "10"
        assert part(screen) == "tab-thanks"
        assert screen.focused is screen.query_one("#notes")
        store.flush()
        assert reopen().contacts.get(ids["ada"]).cadence_days == 10


async def test_a_part_key_right_after_leaving_learned_is_not_typed(run_app, ids, store, reopen):
    """The bug: a '4' after escape in "One thing I learned" replaced the sentence."""
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("enter", "tab")  # the first note is the thing learned; into its field
        await pilot.pause()
        draft = screen.query_one("#draft").text
        await burst(pilot, "escape", "4")
        assert screen.query_one("#learned").value == "Most research is remote now"
        assert screen.query_one("#draft").text == draft
        assert part(screen) == "tab-touch"
        store.flush()
        saved = reopen().interviews.get(ids["iv"]).reflection
        assert saved.learned == "Most research is remote now"
        assert saved.thank_you == draft


async def test_digits_right_after_entering_a_field_are_typed_into_it(run_app, ids, store, reopen):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("4")  # on the rhythm choices: 1-4 and i are commands here
        await pilot.pause()
        await burst(pilot, "tab", "1", "4")  # into the box, then 14
        assert screen.query_one("#custom-days").value == "14"
        assert part(screen) == "tab-touch"
        store.flush()
        assert reopen().contacts.get(ids["ada"]).cadence_days == 14


async def test_i_right_after_entering_a_field_is_typed_not_logged(run_app, ids, store, reopen):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("2")  # the interests rating
        await pilot.pause()
        await burst(pilot, "tab", "i", "1")
        assert screen.query_one("#say-interests").value == "i1"
        assert part(screen) == "tab-reflect"
        store.flush()
        disk = reopen()
        assert disk.contacts.get(ids["ada"]).last_contact is None  # nothing logged
        assert disk.interviews.get(ids["iv"]).reflection.interests == "i1"


async def test_keys_in_order_across_parts(run_app, ids, store, reopen):
    """Part 4, into the box, 30, out, part 2: each key acts where the one before left focus."""
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await burst(pilot, "4", "tab", "3", "0", "escape", "2")
        assert part(screen) == "tab-reflect"
        assert screen.focused is screen.query_one("#fit-interests")
        store.flush()
        assert reopen().contacts.get(ids["ada"]).cadence_days == 30


async def test_escape_in_an_open_menu_closes_it_and_stays(run_app, ids):
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("2", "enter")  # the interests rating's menu opens
        await pilot.pause()
        rating = screen.query_one("#fit-interests", Select)
        assert rating.expanded
        await pilot.press("3")  # typed into the menu's search, not part 3
        await pilot.pause()
        assert part(screen) == "tab-reflect"
        await pilot.press("escape")
        await pilot.pause()
        assert not rating.expanded
        assert pilot.app.screen is screen


async def test_text_typed_right_before_leaving_the_screen_is_kept(run_app, ids, store, reopen):
    """Typing, then escape twice in one burst: the second escape waits for what was typed
    (the screen stays); the next one leaves, everything kept."""
    async with run_app() as pilot:
        screen = await open_after(pilot, ids["iv"])
        await pilot.press("2")
        screen.query_one("#reality").focus()
        await pilot.pause()
        await burst(pilot, *"Calm", "escape", "escape")
        assert pilot.app.screen is screen
        await pilot.press("4", "tab")
        await burst(pilot, "1", "7", "ctrl+n", "escape")  # out of the field by another key
        assert pilot.app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, AfterScreen)
        store.flush()
        disk = reopen()
        assert disk.interviews.get(ids["iv"]).reflection.reality == "Calm"
        assert disk.contacts.get(ids["ada"]).cadence_days == 17
