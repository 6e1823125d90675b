"""Home: the next meeting, what is due, and the counts, from a store filled in the test."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    Interview,
    InterviewStatus,
    Organization,
)
from infoview_tui.screens.home.screen import HomeScreen


def panel(screen: HomeScreen, panel_id: str) -> str:
    return str(screen.query_one(f"#{panel_id}", Static).visual)


async def test_home_shows_next_meeting_due_items_and_counts(run_app, store, clock, screen_text):
    now = clock.now()
    today = now.date()
    harbour = store.organizations.save(Organization(name="Harbour Health"))
    ada = store.contacts.save(Contact(name="Ada Lovelace", organization_id=harbour.id))
    bo = store.contacts.save(Contact(name="Bo Chen"))
    store.contacts.save(Contact(name="Cy Ortiz"))
    tomorrow_ten = (now + timedelta(days=1)).replace(hour=10, minute=0)
    store.interviews.save(
        Interview(
            contact_id=ada.id,
            organization_id=harbour.id,
            status=InterviewStatus.SCHEDULED,
            when=tomorrow_ten,
            place="Harbour Health, 2nd floor",
        )
    )
    store.interviews.save(  # later than tomorrow: not the next one
        Interview(contact_id=bo.id, status=InterviewStatus.SCHEDULED, when=now + timedelta(days=9))
    )
    store.interviews.save(
        Interview(contact_id=bo.id, status=InterviewStatus.DONE, when=now - timedelta(days=2))
    )
    store.followups.save(
        FollowUp(title="Send thank-you note", due=today - timedelta(days=1), contact_id=bo.id)
    )
    store.followups.save(FollowUp(title="Nudge Harbour", due=today))
    store.followups.save(FollowUp(title="Not yet", due=today + timedelta(days=5)))
    store.followups.save(FollowUp(title="Long done", due=today - timedelta(days=3), done=now))

    async with run_app() as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, HomeScreen)
        next_text = panel(screen, "next")
        assert "Thu 26 Nov 2026, 10:00" in next_text
        assert "tomorrow" in next_text
        assert "with Ada Lovelace (Harbour Health)" in next_text
        assert "Harbour Health, 2nd floor · 15 min" in next_text

        due = panel(screen, "due")
        assert "Overdue (1)" in due and "Send thank-you note · Bo Chen (yesterday)" in due
        assert "Today (1)" in due and "Nudge Harbour" in due
        assert "Not yet" not in due and "Long done" not in due

        contacts = panel(screen, "contact-stats")
        assert "3 in all" in contacts
        counts = {line.split()[0]: line.split()[-1] for line in contacts.splitlines()[1:]}
        assert counts == {"to": "1", "requested": "0", "scheduled": "1", "met": "1"}
        assert "3 in all" in panel(screen, "meeting-stats")

        text = screen_text(pilot.app)
        assert "Due (2)" in text  # the panel's title counts overdue and today
        assert "c People" in text


async def test_an_empty_store_says_so_calmly(run_app, store):
    async with run_app() as pilot:
        screen = pilot.app.screen
        assert "No meeting scheduled yet." in panel(screen, "next")
        assert "Nothing due today" in panel(screen, "due")
        assert "0 in all" in panel(screen, "contact-stats")


async def test_home_counts_follow_what_contacts_changed(run_app, store):
    store.contacts.save(Contact(name="Ada Lovelace"))
    async with run_app() as pilot:
        screen = pilot.app.screen
        assert "1 in all" in panel(screen, "contact-stats")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "0 in all" in panel(screen, "contact-stats")


async def test_a_long_due_item_wraps_under_its_own_title(run_app, store, clock, screen_text):
    today = clock.now().date()
    store.followups.save(
        FollowUp(title="Write to Lucy Park at Cedar Valley about the research team", due=today)
    )
    async with run_app() as pilot:
        lines = screen_text(pilot.app).splitlines()
        (row,) = [i for i, line in enumerate(lines) if "Write to Lucy" in line]
        title_at = lines[row].index("Write")
        edge = lines[row].rindex("│", 0, title_at)  # the Due panel's left border
        inside = lines[row + 1][edge + 1 : -1]
        continued_at = edge + 1 + len(inside) - len(inside.lstrip())
        assert inside.strip() and "Write" not in inside, lines[row : row + 2]  # it wrapped
        assert continued_at == title_at, lines[row : row + 2]
