"""Contacts, driven like a user: keys in, then what is on screen and what reached the file."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.widgets import Input, Select, Static, TextArea

from infoview_tui.dialogs.confirm import ConfirmScreen
from infoview_tui.domain.records import (
    Contact,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    InterviewStatus,
    Organization,
)
from infoview_tui.screens.home.screen import HomeScreen
from infoview_tui.screens.people.contact_form import ContactFormScreen
from infoview_tui.screens.people.contacts import ContactsScreen
from infoview_tui.widgets.record_table import RecordTable

from .conftest import record_notifications, shown


async def open_contacts(pilot) -> ContactsScreen:
    await pilot.press("c")
    screen = await shown(pilot, ContactsScreen)
    assert isinstance(screen, ContactsScreen)
    return screen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def fill(pilot, selector: str, text: str) -> None:
    """Move to a field, empty it (focusing selects nothing) and paste into it.

    Pasting is how most long text arrives, and each pilot key press costs ~70 ms.
    """
    field = pilot.app.screen.query_one(selector)
    field.focus()
    await pilot.pause()
    if isinstance(field, Input):
        await pilot.press("end", "ctrl+u")
    field.post_message(events.Paste(text))
    await pilot.pause()


def shown_names(screen: ContactsScreen) -> list[str]:
    table = screen.query_one(RecordTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def detail(screen: ContactsScreen) -> str:
    """The detail panel: its title (the name) and its text."""
    title = screen.query_one("#contact-detail").border_title
    return f"{title}\n{screen.query_one('#contact-detail-text', Static).visual}"


def error_text(form: ContactFormScreen, field: str) -> str:
    error = form.query_one(f"#{field}-error", Static)
    return str(error.visual) if error.display else ""


def seed(store) -> dict[str, int]:
    harbour = store.organizations.save(Organization(name="Harbour Health", rank=1))
    ada = store.contacts.save(
        Contact(name="Ada Lovelace", job_title="Data analyst", organization_id=harbour.id)
    )
    return {"harbour": harbour.id, "ada": ada.id}


# ----- adding ---------------------------------------------------------------------------------


async def test_add_contact_with_new_organisation_and_introducer(run_app, store, reopen, clock):
    NOW = clock.now()
    ids = seed(store)
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ContactFormScreen)
        assert form.focused.id == "name"
        await type_text(pilot, "Bea Quist")
        await pilot.press("tab")
        await type_text(pilot, "Nurse")
        await pilot.press("tab")
        await fill(pilot, "#organisation", "Northwind Clinic")
        await fill(pilot, "#email", "bea@northwind.example")
        await fill(pilot, "#introduced_by", "ada lovelace")  # any case matches
        await pilot.press("tab", "space")  # "the introducer will ask them first"
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is screen
        assert shown_names(screen) == ["Ada Lovelace", "Bea Quist"]
        assert screen.query_one(RecordTable).highlighted_id is not None
        assert screen.query_one("#contact-detail").border_title == "Bea Quist"
        assert "Introduced by: Ada Lovelace (will ask them first" in detail(screen)
        assert "Role: Nurse at Northwind Clinic" in detail(screen)
        await pilot.press("up")
        assert "Introduced: Bea Quist" in detail(screen)  # the referral chain, seen from Ada

        store.flush()
        saved = reopen()
        (bea,) = [c for c in saved.contacts.all() if c.name == "Bea Quist"]
        org = saved.organizations.get(bea.organization_id)
        assert org is not None and org.name == "Northwind Clinic" and org.rank is None
        assert bea.job_title == "Nurse"
        assert bea.email == "bea@northwind.example"
        assert bea.introduced_by_id == ids["ada"]
        assert bea.introducer_asks_first is True and bea.may_use_name is False
        assert bea.created == NOW
        assert len(saved.organizations) == 2


async def test_existing_organisation_is_linked_whatever_its_case(run_app, store, reopen):
    ids = seed(store)
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Cy")
        await fill(pilot, "#organisation", "harbour HEALTH")
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.flush()
        saved = reopen()
        (cy,) = [c for c in saved.contacts.all() if c.name == "Cy"]
        assert cy.organization_id == ids["harbour"]
        assert len(saved.organizations) == 1


async def test_empty_name_is_refused_next_to_the_field_and_nothing_is_saved(
    run_app, store, reopen, screen_text
):
    seed(store)
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "   ")  # only spaces: still no name
        await fill(pilot, "#organisation", "Brand New Org")  # must not be created half-way
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is form  # still open, nothing lost
        assert "needs a name" in error_text(form, "name")
        assert form.focused.id == "name"
        assert form.query_one("#organisation", Input).value == "Brand New Org"
        assert "A contact needs a name." in screen_text(pilot.app)
        store.flush()
        saved = reopen()
        assert len(saved.contacts) == 1
        assert [o.name for o in saved.organizations.all()] == ["Harbour Health"]


async def test_bad_email_and_unknown_introducer_are_shown_where_they_are(run_app, store, reopen):
    seed(store)
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "Dee")
        await fill(pilot, "#email", "dee at home")
        await fill(pilot, "#introduced_by", "Nobody Known")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is form
        assert "email address" in error_text(form, "email")
        assert "No contact has that name" in error_text(form, "introduced_by")
        assert error_text(form, "name") == ""
        assert form.focused.id == "email"  # the first problem, in screen order
        assert len(store.contacts) == 1

        # Fixing both clears the messages and saves.
        await fill(pilot, "#email", "dee@example.org")  # the email field: cleared, retyped
        form.query_one("#introduced_by").focus()
        await pilot.press("end", "ctrl+u")  # focusing selects nothing: this empties it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)
        store.flush()
        (dee,) = [c for c in reopen().contacts.all() if c.name == "Dee"]
        assert dee.email == "dee@example.org" and dee.introduced_by_id is None


async def test_enter_in_a_one_line_field_moves_on_and_keeps_the_form(run_app, store):
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "Eve")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form
        assert form.focused.id == "job_title"
        assert form.query_one("#name", Input).value == "Eve"
        assert len(store.contacts) == 0


# ----- editing --------------------------------------------------------------------------------


async def test_edit_changes_persist(run_app, store, reopen):
    ids = seed(store)
    store.contacts.save(Contact(name="Bo Chen", found_through=FoundThrough.FRIEND))
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        assert "Ada Lovelace" in detail(screen)
        await pilot.press("enter")  # enter opens the highlighted contact, like e
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, ContactFormScreen)
        assert form.query_one("#name", Input).value == "Ada Lovelace"
        assert form.query_one("#organisation", Input).value == "Harbour Health"
        await pilot.press("tab", "ctrl+u")  # into the job title (the cursor at its end): empty it
        await type_text(pilot, "Head")
        form.query_one("#notes", TextArea).focus()
        await type_text(pilot, "Early")
        await pilot.press("enter")
        await type_text(pilot, "Call")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is screen
        assert screen.query_one(RecordTable).highlighted_id == ids["ada"]
        assert "Role: Head at Harbour Health" in detail(screen)
        await pilot.press("e")
        await pilot.pause()
        assert pilot.app.screen.query_one("#job_title", Input).value == "Head"
        await pilot.press("escape")  # nothing changed: closes without asking
        await pilot.pause()
        assert pilot.app.screen is screen

    saved = reopen()  # the app closed the store: everything is in the file
    ada = saved.contacts.get(ids["ada"])
    assert ada.job_title == "Head"
    assert ada.notes == "Early\nCall"
    assert ada.organization_id == ids["harbour"]
    assert len(saved.organizations) == 1


async def test_odd_text_is_kept_exactly_and_shown_literally(run_app, store, reopen, screen_text):
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "[b]Zoë[/b] ")
        # Pilot cannot press an emoji key; a terminal sends it like a paste.
        form.query_one("#name", Input).post_message(events.Paste("😀 Ünal"))
        # A paste with newlines and a control character into a one-line field: kept, joined.
        await fill(pilot, "#job_title", "Senior\nengineer \x07[red]x[/red]")
        await fill(pilot, "#organisation", "Café [i]Crème[/i] & Co")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert pilot.app.screen is screen
        text = screen_text(pilot.app)
        assert "[b]Zoë[/b] 😀 Ünal" in text  # in the detail's title, not bold
        assert shown_names(screen) == ["[b]Zoë[/b] 😀 Ünal"]
        assert "[b]Zoë[/b] 😀 …" in text  # in the table, cut to the column
        assert "Role: Senior engineer [red]x[/red] at Café [i]Crème[/i] & Co" in detail(screen)
        assert "Senior engineer [red]x[/red]" in text
        store.flush()
        (zoe,) = reopen().contacts.all()
        assert zoe.name == "[b]Zoë[/b] 😀 Ünal"
        assert zoe.job_title == "Senior engineer [red]x[/red]"  # the bell character is gone
        (org,) = reopen().organizations.all()
        assert org.name == "Café [i]Crème[/i] & Co"


async def test_a_very_long_name_is_refused_but_long_notes_are_kept(run_app, store, reopen):
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#name", Input).post_message(events.Paste("N" * 250))
        form.query_one("#notes", TextArea).text = "note " * 3000
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "limited to 200" in error_text(form, "name")
        form.query_one("#name", Input).value = "Nia Long"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)
        store.flush()
        (nia,) = reopen().contacts.all()
        assert nia.notes == ("note " * 3000).strip()


# ----- leaving the form -----------------------------------------------------------------------


async def test_escape_with_unsaved_typing_asks_before_discarding(
    run_app, store, reopen, screen_text
):
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "Half")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Discard changes?" in screen_text(pilot.app)
        await pilot.press("n")  # keep editing: the text is still there
        await pilot.pause()
        assert pilot.app.screen is form
        assert form.query_one("#name", Input).value == "Half"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert shown_names(screen) == []
        assert len(store.contacts) == 0
        # An untouched form closes at once.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen


# ----- deleting -------------------------------------------------------------------------------


async def test_delete_asks_says_what_happens_and_unlinks(
    run_app, store, reopen, screen_text, clock
):
    NOW = clock.now()
    ids = seed(store)
    bo = store.contacts.save(Contact(name="Bo Chen", introduced_by_id=ids["ada"]))
    cy = store.contacts.save(Contact(name="Cy Ortiz", introduced_by_id=ids["ada"]))
    today = NOW.date()
    store.followups.save(FollowUp(title="Thank Ada", due=today, contact_id=ids["ada"]))
    done = store.followups.save(
        FollowUp(title="Old", due=today - timedelta(days=9), contact_id=ids["ada"], done=NOW)
    )
    meeting = store.interviews.save(
        Interview(contact_id=ids["ada"], status=InterviewStatus.DONE, when=NOW)
    )
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        assert screen.query_one(RecordTable).highlighted_id == ids["ada"]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Delete Ada Lovelace?" in screen_text(pilot.app)
        text = str(pilot.app.screen.query_one("#confirm-message", Static).visual)
        assert "Ada Lovelace introduced 2 people; they stay, and still say Ada Lovelace" in text
        assert "1 open follow-up for Ada Lovelace is removed." in text
        assert "1 meeting with Ada Lovelace is kept" in text

        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert shown_names(screen) == ["Ada Lovelace", "Bo Chen", "Cy Ortiz"]
        assert store.contacts.get(ids["ada"]) is not None

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert shown_names(screen) == ["Bo Chen", "Cy Ortiz"]
        assert "Introduced by: Ada Lovelace (no longer in your contacts)" in detail(screen)

        store.flush()
        saved = reopen()
        assert saved.contacts.get(ids["ada"]) is None
        assert saved.contacts.get(bo.id).introduced_by_id is None
        assert saved.contacts.get(cy.id).introduced_by_id is None
        assert [f.id for f in saved.followups.all()] == [done.id]
        assert saved.followups.get(done.id).contact_id is None  # history, unlinked
        assert saved.interviews.get(meeting.id).contact_name == "Ada Lovelace"


async def test_delete_of_someone_unlinked_says_so(run_app, store, screen_text):
    seed(store)
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "Nothing else refers to them." in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(store.contacts) == 1


# ----- the filter -----------------------------------------------------------------------------


async def test_filter_narrows_rows_by_name_organisation_or_title(run_app, store, screen_text):
    acme = store.organizations.save(Organization(name="Acme Works"))
    for name, title, org in (
        ("Ada Lovelace", "Analyst", None),
        ("Bo Chen", "Welder", acme.id),
        ("Cy Ortiz", "Nurse", None),
        ("Dee Park", "Analyst", acme.id),
    ):
        store.contacts.save(Contact(name=name, job_title=title, organization_id=org))
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        assert len(shown_names(screen)) == 4
        await pilot.press("slash")
        assert screen.focused.id == "contacts-filter"
        await type_text(pilot, "acme")  # "a" types; it does not open the form
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)
        assert shown_names(screen) == ["Bo Chen", "Dee Park"]
        assert "2 of 4" in screen_text(pilot.app)
        await type_text(pilot, " analyst")  # every word must match
        await pilot.pause()
        assert shown_names(screen) == ["Dee Park"]
        assert "Dee Park" in detail(screen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "zzz")
        await pilot.pause()
        assert shown_names(screen) == []
        assert "No contact matches" in detail(screen)

        await pilot.press("escape")  # clears the filter, back to the table
        await pilot.pause()
        assert len(shown_names(screen)) == 4
        assert screen.query_one("#contacts-filter", Input).value == ""
        assert isinstance(screen.focused, RecordTable)
        await pilot.press("escape")  # and now back home
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_an_empty_list_invites_the_first_contact(run_app, store):
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        assert "No contacts yet. Press a to add" in detail(screen)
        await pilot.press("e", "d")  # nothing to edit or delete: nothing happens
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_contacts_and_form_fit_80_by_24(run_app, store, screen_text):
    ids = seed(store)
    store.contacts.save(Contact(name="Bo Chen", introduced_by_id=ids["ada"]))
    async with run_app() as pilot:
        await open_contacts(pilot)
        text = screen_text(pilot.app)
        for shown in ("Name", "Stage", "Ada Lovelace", "Harbour Health", "to approach"):
            assert shown in text
        for key in ("a Add", "e Edit", "d Delete", "/ Filter", "n Network", "esc Back", "? Help"):
            assert key in text  # the footer
        assert "Introduced: Bo Chen" in text  # the detail panel
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(pilot.app)
        for label in ("Name *", "Organisation", "Found through", "Introduced by", "Notes"):
            assert label in text
        assert "^s Save" in text


async def test_cadence_and_last_contact_show_in_the_detail(run_app, store, clock):
    NOW = clock.now()
    store.contacts.save(
        Contact(
            name="Ada Lovelace",
            cadence_days=30,
            last_contact=NOW - timedelta(days=3),
            created=NOW - timedelta(days=40),
        )
    )
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        text = detail(screen)
        assert "Stay in touch: monthly" in text  # the app's word for it everywhere
        assert f"Last contact: Sun {date(2026, 11, 22).day} Nov" in text
        assert "Added: 16 Oct 2026" in text


async def test_a_long_list_scrolls_to_its_last_row(run_app, store, screen_text):
    for i in range(60):
        store.contacts.save(Contact(name=f"Person {i:02}", job_title="Analyst"))
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        assert "Person 00" in screen_text(pilot.app)
        assert "Person 59" not in screen_text(pilot.app)
        await pilot.press("ctrl+end")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Person 59" in text and "Person 00" not in text
        assert screen.query_one("#contact-detail").border_title == "Person 59"
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.query_one(RecordTable).cursor_row < 59


def check_ins(store) -> list[FollowUp]:
    return [f for f in store.followups.all() if f.kind is FollowUpKind.STAY_IN_TOUCH and f.is_open]


async def choose_rhythm(pilot, presses: int) -> None:
    """Open the form's rhythm list and move `presses` down (negative: up) from the current."""
    pilot.app.screen.query_one("#cadence").focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*(["down"] * presses if presses > 0 else ["up"] * -presses), "enter")
    await pilot.pause()


async def test_the_rhythm_is_set_changed_and_stopped_from_the_contact(run_app, store, reopen):
    ids = seed(store)
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        said = record_notifications(pilot.app)
        await pilot.press("e")
        await pilot.pause()
        await choose_rhythm(pilot, 1)  # None -> Monthly
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "Stay in touch: monthly" in detail(screen)
        assert said[-1] == "Saved Ada Lovelace. Next check-in Fri 25 Dec (monthly)."
        store.flush()
        (item,) = check_ins(reopen())
        assert item.due == date(2026, 12, 25) and item.contact_id == ids["ada"]

        await pilot.press("e")  # a rhythm of my own: every 45 days
        await pilot.pause()
        await fill(pilot, "#cadence_days", "45")
        assert pilot.app.screen.query_one("#cadence", Select).value == "custom"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Stay in touch: every 45 days" in detail(screen)
        store.flush()
        (moved,) = check_ins(reopen())
        assert (moved.id, moved.due) == (item.id, date(2027, 1, 9))

        await pilot.press("e")  # the form shows the rhythm as saved; None stops it
        await pilot.pause()
        form = pilot.app.screen
        assert form.query_one("#cadence", Select).value == "custom"
        assert form.query_one("#cadence_days", Input).value == "45"
        await choose_rhythm(pilot, -4)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert said[-1] == "Saved Ada Lovelace. No rhythm: no more check-ins."
        assert "Stay in touch" not in detail(screen)
        store.flush()
        disk = reopen()
        assert check_ins(disk) == []
        assert disk.contacts.get(ids["ada"]).cadence_days is None


async def test_a_new_contact_can_start_with_a_rhythm(run_app, store, reopen):
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Bea Quist")
        await choose_rhythm(pilot, 2)  # every 2 months
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.flush()
        disk = reopen()
        (bea,) = disk.contacts.all()
        assert bea.cadence_days == 60
        (item,) = check_ins(disk)
        assert (item.contact_id, item.due) == (bea.id, date(2027, 1, 25))


async def test_a_bad_number_of_days_is_refused_beside_the_field(run_app, store, reopen):
    seed(store)
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        await fill(pilot, "#cadence_days", "every week")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "number of days from 1 to 3650" in error_text(form, "cadence_days")
        assert form.focused is form.query_one("#cadence_days")
        store.flush()
        assert check_ins(reopen()) == []


def two_beths(store) -> dict[str, int]:
    meridian = store.organizations.save(Organization(name="Meridian Biologics"))
    harbour = store.organizations.save(Organization(name="Harbour Health"))
    first = store.contacts.save(
        Contact(name="Beth Nakamura", job_title="Clinical research associate",
                organization_id=meridian.id)
    )  # fmt: skip
    second = store.contacts.save(
        Contact(name="Béth  nakamura", job_title="Nurse", organization_id=harbour.id)
    )
    return {"first": first.id, "second": second.id}


async def test_a_second_contact_with_the_same_name_is_asked_about_and_can_be_kept(
    run_app, store, reopen
):
    meridian = store.organizations.save(Organization(name="Meridian Biologics"))
    store.contacts.save(
        Contact(name="Beth Nakamura", job_title="Clinical research associate",
                organization_id=meridian.id)
    )  # fmt: skip
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        said = record_notifications(pilot.app)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "beth nakamurá")  # case and accents aside, the same name
        await pilot.press("ctrl+s")
        await pilot.pause()
        asked = pilot.app.screen
        assert isinstance(asked, ConfirmScreen)
        assert "Beth Nakamura: Clinical research associate at Meridian Biologics" in asked.message
        await pilot.press("n")  # go back: the form as it was, nothing saved
        await pilot.pause()
        assert pilot.app.screen is form
        assert form.query_one("#name", Input).value == "beth nakamurá"
        assert len(store.contacts) == 1

        await fill(pilot, "#job_title", "Nurse")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")  # keep both, deliberately
        await pilot.pause()
        assert pilot.app.screen is screen
        assert said[-1] == "Saved beth nakamurá."
        store.flush()
        assert sorted(c.job_title for c in reopen().contacts.all()) == [
            "Clinical research associate", "Nurse",
        ]  # fmt: skip

        await pilot.press("e")  # editing either one later asks nothing more
        await pilot.pause()
        await fill(pilot, "#phone", "555 0100")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_introduced_by_a_shared_name_offers_a_choice(run_app, store, reopen, screen_text):
    from infoview_tui.dialogs.choose_contact import ChooseContact

    beths = two_beths(store)
    async with run_app() as pilot:
        screen = await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Cy Park")
        await fill(pilot, "#introduced_by", "beth nakamura")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChooseContact)  # a choice, not a refusal
        text = screen_text(pilot.app)
        assert "Beth Nakamura · Clinical research associate at Meridian Biologics" in text
        assert "Béth  nakamura · Nurse at Harbour Health" in text
        labels = [str(o.prompt) for o in pilot.app.screen.query_one("#choose-list").options]
        nurse = next(i for i, label in enumerate(labels) if "Nurse" in label)
        await pilot.press(*["down"] * nurse, "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        store.flush()
        (cy,) = [c for c in reopen().contacts.all() if c.name == "Cy Park"]
        assert cy.introduced_by_id == beths["second"]

        await pilot.press("e")  # the form shows who it is, and keeps them on the next save
        await pilot.pause()
        await fill(pilot, "#phone", "555 0100")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        store.flush()
        assert reopen().contacts.get(cy.id).introduced_by_id == beths["second"]


async def test_escape_from_the_introducer_choice_goes_back_to_the_form(run_app, store):
    two_beths(store)
    async with run_app() as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        await type_text(pilot, "Cy Park")
        await fill(pilot, "#introduced_by", "Beth Nakamura")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is form
        assert form.focused is form.query_one("#introduced_by")
        assert len(store.contacts) == 2
