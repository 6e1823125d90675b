"""The follow-up queue screen, driven by keys; each test checks what reached the file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual import events

from infoview_tui.dialogs.add_followup import AddItemScreen
from infoview_tui.dialogs.confirm import ConfirmScreen
from infoview_tui.dialogs.contact_card import ContactCard
from infoview_tui.dialogs.energy import EnergyScreen
from infoview_tui.dialogs.snooze import SnoozeScreen
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Profile,
)
from infoview_tui.screens.followups.queue import QueueScreen
from infoview_tui.store.store import Store

from .conftest import NOW, record_notifications, shown

TODAY = NOW.date()  # Wednesday 25 November 2026


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    store.save_profile(Profile(rest_days=[5, 6], weekly_meeting_cap=1))
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    met = store.interviews.save(
        Interview(contact_id=ada.id, status=InterviewStatus.DONE, when=NOW - timedelta(days=1))
    )
    for offset in (8, 9):  # two meetings next week: over a cap of one
        store.interviews.save(
            Interview(status=InterviewStatus.SCHEDULED, when=NOW + timedelta(days=offset))
        )

    def add(title: str, due: date | None, **kw) -> int:
        saved = store.followups.save(FollowUp(title=title, due=due, **kw))
        assert saved.id is not None
        return saved.id

    return {
        "ada": ada.id, "met": met.id,
        "late": add("Reach out to Priya", TODAY - timedelta(days=1), contact_id=ada.id,
                    kind=FollowUpKind.REACH_OUT, reason="referred by Ada"),
        "thanks": add("Send a thank-you to Ada", TODAY, kind=FollowUpKind.THANK_YOU,
                      contact_id=ada.id, interview_id=met.id, created=NOW - timedelta(days=1),
                      reason="after the meeting with Ada"),
        "touch": add("Check in with Sam", TODAY, kind=FollowUpKind.STAY_IN_TOUCH),
        "sat": add("Tidy my notes", date(2026, 11, 28)),
        "busy": add("Prepare questions", date(2026, 12, 3)),
        "old": add("Finished thing", TODAY, done=NOW - timedelta(days=2)),
    }  # fmt: skip


async def open_queue(pilot, select: int | None = None) -> QueueScreen:
    pilot.app.push_screen(QueueScreen(select=select))
    screen = await shown(pilot, QueueScreen)
    assert isinstance(screen, QueueScreen)
    return screen


def saved_items(reopen) -> dict[int, FollowUp]:
    return {f.id: f for f in reopen().followups.all()}


async def test_sections_in_order_with_counts_and_flags_in_words(run_app, ids, screen_text):
    async with run_app() as pilot:
        screen = await open_queue(pilot)
        shown = [i for i in screen.table.row_ids if i >= 0]
        assert shown == [ids["late"], ids["thanks"], ids["touch"], ids["sat"], ids["busy"],
                         ids["old"]]  # fmt: skip
        text = screen_text(pilot.app)
        for header in ("OVERDUE · 1", "TODAY · 2", "THIS WEEK · 1", "LATER · 1",
                       "RECENTLY DONE · 1"):  # fmt: skip
            assert header in text
        sat_line = next(line for line in text.splitlines() if "Tidy my notes" in line)
        assert "rest day" in sat_line
        busy_line = next(line for line in text.splitlines() if "Prepare questions" in line)
        assert "busy week" in busy_line
        assert "at most 1 meeting a week" in text and "rest days: Sat, Sun" in text
        # The highlighted item says what, for whom and why.
        assert screen.current is not None and screen.current.id == ids["late"]
        assert "for Ada Okafor" in text and "Why: referred by Ada" in text


async def test_done_saves_the_moment_and_the_cursor_moves_to_the_next(run_app, ids, store, reopen):
    async with run_app() as pilot:
        screen = await open_queue(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == ids["thanks"]
        store.flush()
        assert saved_items(reopen)[ids["late"]].done == NOW
        # d on a done item puts it back on the list.
        await open_queue(pilot, select=ids["old"])
        await pilot.press("d")
        await pilot.pause()
        store.flush()
        assert saved_items(reopen)[ids["old"]].done is None


async def test_snooze_one_key_and_a_typed_date(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot, select=ids["touch"])
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SnoozeScreen)
        await pilot.press("1")
        await pilot.pause()
        store.flush()
        assert saved_items(reopen)[ids["touch"]].due == date(2026, 11, 26)

        await open_queue(pilot, select=ids["late"])
        await pilot.press("s", "t", *"2026-11-01", "enter")
        await pilot.pause()
        snooze = pilot.app.screen
        assert isinstance(snooze, SnoozeScreen)
        error = str(snooze.query_one("#snooze-date-preview").render())
        assert "already passed" in error
        for _ in range(10):
            await pilot.press("backspace")
        await pilot.press(*"fri", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        store.flush()
        assert saved_items(reopen)[ids["late"]].due == date(2026, 11, 27)


async def test_a_typed_snooze_day_is_shown_in_full_before_it_is_kept(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot, select=ids["busy"])  # due Thu 3 Dec
        await pilot.press("s", "t", *"next tue")
        await pilot.pause()
        snooze = pilot.app.screen
        assert isinstance(snooze, SnoozeScreen)
        preview = str(snooze.query_one("#snooze-date-preview").render())
        assert "→ Tue 1 Dec 2026 (in 6 days)" in preview  # Tuesday of next week
        assert "That is earlier than it was due (Thu 3 Dec 2026)." in preview
        store.flush()
        assert saved_items(reopen)[ids["busy"]].due == date(2026, 12, 3)  # shown, not kept
        snooze.query_one("#snooze-date").value = ""
        await pilot.press(*"10:3000000000000000000000000000000", "enter")
        await pilot.pause()
        assert pilot.app.screen is snooze  # a message, not a crash
        assert "is not a time of day" in str(snooze.query_one("#snooze-date-preview").render())
        snooze.query_one("#snooze-date").value = ""
        await pilot.press(*"29/2", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        store.flush()
        assert saved_items(reopen)[ids["busy"]].due == date(2028, 2, 29)


async def test_a_day_in_another_year_shows_its_year(run_app, ids, store, screen_text):
    far = store.followups.save(FollowUp(title="Write to Ines again", due=date(2028, 2, 29)))
    async with run_app() as pilot:
        screen = await open_queue(pilot, select=far.id)
        text = screen_text(pilot.app)
        row = next(line for line in text.splitlines() if "Write to Ines again" in line)
        assert "29 Feb '28" in row
        assert screen.current is not None and screen.current.title == "Write to Ines again"
        assert "due Tue 29 Feb 2028, in 461 days" in text


async def test_snooze_escape_changes_nothing(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot)
        await pilot.press("s", "escape")
        await pilot.pause()
        store.flush()
        assert saved_items(reopen)[ids["late"]].due == TODAY - timedelta(days=1)


async def test_the_add_dialog_shows_its_whole_date_help_at_80x24(run_app, ids, screen_text):
    """The help wraps to three lines; the label used to keep two and cut the rule short."""
    from infoview_tui.domain.when_reader import NEXT_RULE

    async with run_app() as pilot:
        await open_queue(pilot)
        await pilot.press("a")
        await shown(pilot, AddItemScreen)
        text = " ".join(screen_text(pilot.app).replace("│", " ").split())
        assert NEXT_RULE in text, text


async def test_add_an_item_by_hand_with_a_typed_day(run_app, ids, store, reopen):
    async with run_app() as pilot:
        screen = await open_queue(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AddItemScreen)
        await pilot.press("enter")  # no title yet: a message, nothing saved
        await pilot.pause()
        assert "Say what to do" in str(pilot.app.screen.query_one("#add-title-error").render())
        await pilot.press(*"Send Ada the article", "tab")
        for _ in range(5):
            await pilot.press("backspace")
        await pilot.press(*"in 2 days", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        store.flush()
        added = [f for f in reopen().followups.all() if f.title == "Send Ada the article"]
        assert len(added) == 1
        assert (added[0].due, added[0].reason, added[0].created) == (
            date(2026, 11, 27), "added by hand", NOW,
        )  # fmt: skip
        assert screen.current is not None and screen.current.id == added[0].id


async def burst(pilot, *keys: str) -> None:
    """Keys typed quickly (or pasted): all are queued before the app handles the first."""
    for key in keys:
        pilot.app.post_message(events.Key(key, "\r" if key == "enter" else key))
    await pilot.pause()
    await pilot.pause()


async def test_a_day_typed_right_after_enter_lands_in_the_day_not_the_title(
    run_app, ids, store, reopen
):
    """The bug: enter in "What to do" and the next letters in one terminal read put the
    letters in the title ("T3fri")."""
    async with run_app() as pilot:
        await open_queue(pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, AddItemScreen)
        await burst(pilot, "T", "3", "enter", "f", "r", "i")
        assert dialog.query_one("#add-title").value == "T3"
        assert dialog.query_one("#add-due").value == "fri"  # typed over the suggested "today"
        await pilot.press("enter")
        await pilot.pause()
        store.flush()
        added = [f for f in reopen().followups.all() if f.title == "T3"]
        assert [f.due for f in added] == [date(2026, 11, 27)]


async def test_a_follow_up_already_late_can_be_recorded_and_says_so(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot)
        said = record_notifications(pilot.app)
        await pilot.press("a")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, AddItemScreen)
        await pilot.press(*"Answer Priya's e-mail", "enter", *"2 days ago")
        await pilot.pause()
        preview = str(dialog.query_one("#add-due-preview").render())
        assert "→ Mon 23 Nov 2026 (2 days ago)" in preview
        assert "This is already overdue." in preview
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        store.flush()
        added = [f for f in reopen().followups.all() if f.title == "Answer Priya's e-mail"]
        assert [f.due for f in added] == [date(2026, 11, 23)]
        assert any("already overdue" in m for m in said), said


@pytest.mark.parametrize(
    ("typed", "due"), [("yesterday", date(2026, 11, 24)), ("last fri", date(2026, 11, 20))]
)
async def test_past_days_people_say_are_accepted_when_adding(
    run_app, ids, store, reopen, typed, due
):
    async with run_app() as pilot:
        await open_queue(pilot)
        await pilot.press("a", *"Call Carla", "enter", *typed, "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        store.flush()
        assert [f.due for f in reopen().followups.all() if f.title == "Call Carla"] == [due]


async def test_snoozing_earlier_than_due_is_said_after_enter_too(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot, select=ids["busy"])  # due Thu 3 Dec
        said = record_notifications(pilot.app)
        await pilot.press("s", "t", *"fri", "enter")  # Fri 27 Nov: earlier
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        assert any(
            "Snoozed to Fri 27 Nov" in m and "earlier than it was due (Thu 3 Dec" in m for m in said
        ), said
        store.flush()
        assert saved_items(reopen)[ids["busy"]].due == date(2026, 11, 27)


async def test_low_energy_day_asks_then_moves_and_says_how_many(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot)
        said = record_notifications(pilot.app)
        await pilot.press("L")
        await pilot.pause()
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen)
        # Overdue by a day and the stay-in-touch move; the thank-you's window allows Thursday.
        assert "Move 3 items" in confirm.message and "Thu 26 Nov" in confirm.message
        assert "Check in with Sam" in confirm.message  # which items, not only how many
        await pilot.press("y")
        await pilot.pause()
        store.flush()
        items = saved_items(reopen)
        assert items[ids["touch"]].due == date(2026, 11, 26)
        assert items[ids["late"]].due == date(2026, 11, 26)
        assert items[ids["thanks"]].due == date(2026, 11, 26)  # met yesterday: still in time
        assert items[ids["sat"]].due == date(2026, 11, 28)  # not due today: untouched
        assert any("Moved 3 items" in m and "Reach out to Priya" in m for m in said), said


async def test_low_energy_no_changes_nothing(run_app, ids, store, reopen):
    async with run_app() as pilot:
        await open_queue(pilot)
        await pilot.press("L", "n")
        await pilot.pause()
        store.flush()
        assert saved_items(reopen)[ids["touch"]].due == TODAY


async def test_energy_settings_reach_the_profile(run_app, ids, store, reopen, screen_text):
    async with run_app() as pilot:
        await open_queue(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EnergyScreen)
        await pilot.press("backspace", *"x", "enter")
        await pilot.pause()
        error = str(pilot.app.screen.query_one("#energy-cap-error").render())
        assert "number of meetings" in error
        await pilot.press("backspace", "3")
        await pilot.press("tab", "tab", "tab", "space")  # Mon, Tue, Wed: tick Wednesday
        await pilot.press("tab", "tab", "tab", "space")  # Thu, Fri, Sat: untick Saturday
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)
        store.flush()
        profile = reopen().profile()
        assert (profile.weekly_meeting_cap, profile.rest_days) == (3, [2, 6])
        assert "rest days: Wed, Sun" in screen_text(pilot.app)


async def test_open_shows_the_meeting_or_the_contact(run_app, ids):
    from infoview_tui.screens.after.screen import AfterScreen

    async with run_app() as pilot:
        await open_queue(pilot, select=ids["thanks"])
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, AfterScreen)
        assert pilot.app.screen.interview_id == ids["met"]
        await pilot.press("escape")
        await pilot.pause()
        await open_queue(pilot, select=ids["late"])
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactCard)
        assert pilot.app.screen.contact.name == "Ada Okafor"


async def test_an_empty_queue_says_what_to_do(run_app, screen_text):
    async with run_app() as pilot:
        await open_queue(pilot)
        assert "Nothing to follow up yet. Press a" in screen_text(pilot.app)
        await pilot.press("d", "s", "o")  # nothing to act on: nothing happens
        await pilot.pause()
        assert isinstance(pilot.app.screen, QueueScreen)


async def test_a_long_section_shows_its_first_rows_and_counts_the_rest(run_app, store, reopen):
    from infoview_tui.screens.followups.queue import SECTION_ROWS

    made = [
        store.followups.save(FollowUp(title=f"Old {n}", due=TODAY - timedelta(days=1))).id
        for n in range(SECTION_ROWS + 200)
    ]
    async with run_app() as pilot:
        screen = await open_queue(pilot)
        assert len([i for i in screen.table.row_ids if i >= 0]) == SECTION_ROWS
        assert f"OVERDUE · {SECTION_ROWS + 200:,}" in str(screen.table.get_row_at(0)[1])
        more = [str(r[1]) for r in (screen.table.get_row_at(SECTION_ROWS + 1),)]
        assert more == ["… 200 more: they move up as you finish these"]
        # Done with the first: the next one moves up, and the count follows.
        await pilot.press("d")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == made[1]
        assert "… 199 more" in str(screen.table.get_row_at(SECTION_ROWS + 1)[1])
        # An item past the first rows can still be opened on (from search).
        target = made[-1]
        screen = await open_queue(pilot, select=target)
        assert screen.current is not None and screen.current.id == target


async def test_done_on_a_check_in_counts_as_contact_and_makes_the_next(
    run_app, store, reopen, clock, screen_text
):
    bo = store.contacts.save(Contact(name="Bo Chen", cadence_days=30))
    check_in = store.followups.save(
        FollowUp(kind=FollowUpKind.STAY_IN_TOUCH, title="Get in touch with Bo Chen", due=TODAY,
                 contact_id=bo.id, reason="stay in touch monthly")
    )  # fmt: skip
    async with run_app() as pilot:
        screen = await open_queue(pilot, select=check_in.id)
        said = record_notifications(pilot.app)
        await pilot.press("d")
        await pilot.pause()
        assert said == [
            "Done: Get in touch with Bo Chen. In touch with Bo Chen; next check-in "
            "Fri 25 Dec (monthly)."
        ]
        store.flush()
        disk = reopen()
        assert disk.contacts.get(bo.id).last_contact == NOW
        assert disk.followups.get(check_in.id).done == NOW
        (following,) = [f for f in disk.followups.all() if f.is_open]
        assert (following.kind, following.due) == (FollowUpKind.STAY_IN_TOUCH, date(2026, 12, 25))
        assert "since the last contact on Wed 25 Nov 2026" in following.reason

        screen.reload(keep=following.id)
        await pilot.press("o")  # the card says the rhythm in the app's words
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactCard)
        text = screen_text(pilot.app)
        assert "Stay in touch: monthly" in text
        assert "Last contact: Wed 25 Nov 2026" in text


async def test_the_cursor_never_rests_on_a_section_header(run_app, ids, store):
    for n in range(30):  # enough rows for PageUp and PageDown to jump
        store.followups.save(FollowUp(title=f"Later thing {n}", due=TODAY + timedelta(days=20)))
    async with run_app() as pilot:
        screen = await open_queue(pilot)
        table = screen.table
        assert table.highlighted_id == ids["late"]  # the first item, under OVERDUE
        await pilot.press("up")  # nothing above but the header: stays
        assert table.highlighted_id == ids["late"]
        await pilot.press("down")  # over the TODAY header to its first item
        assert table.highlighted_id == ids["thanks"]
        await pilot.press("up")
        assert table.highlighted_id == ids["late"]
        for keys in (["end"], ["home"], ["pagedown"], ["pagedown"], ["pageup"], ["end", "up"]):
            await pilot.press(*keys)
            assert table.highlighted_id is not None and table.highlighted_id >= 0, keys
            assert screen.current is not None, keys
        await pilot.press("home")
        assert table.highlighted_id == ids["late"]
        await pilot.press("end")
        assert table.highlighted_id == ids["old"]  # the last row: done, under its header
        # Walking the whole list down and up again lands on items only.
        seen = set()
        for key in ["home"] + ["down"] * 45 + ["up"] * 45:
            await pilot.press(key)
            assert screen.current is not None, key
            seen.add(table.highlighted_id)
        assert len(seen) == 36  # every item once: six and the thirty added
