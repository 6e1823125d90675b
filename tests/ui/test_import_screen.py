"""The import screen, driven with keys at 80×24: the path typed, the preview read, one key to
import, and what reached the file. Reading and matching run on a worker thread."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Select

from infoview_tui.clock import FakeClock
from infoview_tui.dialogs.columns import ColumnsDialog
from infoview_tui.domain.records import Contact, ContactSource, Organization
from infoview_tui.launch import build_app
from infoview_tui.screens.people.contacts import ContactsScreen
from infoview_tui.screens.people.import_contacts import ImportScreen
from infoview_tui.services import imports
from infoview_tui.widgets.path_input import PathInput

from .conftest import NOW, record_notifications, store_opened, worked

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exchange"


async def open_import(pilot) -> ImportScreen:
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ContactsScreen)
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportScreen)
    return pilot.app.screen


async def preview(pilot, path: Path | str) -> None:
    """Paste the path into the field (as most paths arrive), press enter, wait for the worker."""
    field = pilot.app.screen.query_one("#import-path", PathInput)
    field.focus()
    field.value = ""
    await pilot.pause()
    field.post_message(events.Paste(str(path)))
    await pilot.pause()
    await pilot.press("enter")
    await worked(pilot)


def status(screen: ImportScreen) -> str:
    return str(screen.query_one("#import-status").render())


async def test_a_linkedin_export_is_previewed_then_imported_in_one_key(
    run_app, store, reopen, screen_text
):
    harbour = store.organizations.save(Organization(name="Harbourside Cancer Research Centre"))
    store.contacts.save(Contact(name="Kevin Liu", company="Cedar Valley Diabetes Research Clinic"))
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        screen = await open_import(pilot)
        await preview(pilot, FIXTURES / "Connections.csv")
        text = screen_text(pilot.app)
        assert "5 new, 1 to update, 0 up to date, 4 skipped" in status(screen)
        assert "Nothing is written until ctrl+s" in status(screen)
        # The rows, in the file's order, with what happens to each and why.
        assert "Ada Okafor" in text and "new" in text
        assert "row 8" in text and "blank row" in text
        assert "no name (Acme Corp)" in text
        detail = str(screen.query_one("#import-detail-text").render())
        assert "Matched to contacts you have: 1 by name and employer." in detail
        assert "Skipped: rows 8, 9: blank row; row 10: no name (Acme Corp)" in detail
        assert "row 13: same person as row 5" in detail
        # The same person twice and the date LinkedIn would never write are both said.
        await pilot.press("end")
        await pilot.pause()
        await pilot.press("up")  # row 13: Marcus O'Doyle's bad date is on row 12
        await pilot.press("up")
        await pilot.pause()
        assert "'31 Fab 2020' was not understood" in str(
            screen.query_one("#import-detail-text").render()
        )
        store.flush()
        assert [c.name for c in reopen().contacts.all()] == ["Kevin Liu"]  # nothing yet

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ContactsScreen)
        assert "Imported 5 new contacts, updated 1" in said[-1]
        assert "6 contacts" in screen_text(pilot.app)
        store.flush()
        disk = reopen()
        names = sorted(c.name for c in disk.contacts.all())
        assert names == ["Ada Okafor", "Kevin Liu", "Marcus O'Doyle", "Priya Raman",
                         "Zoë Lefèvre", "李 娜"]  # fmt: skip
        ada = next(c for c in disk.contacts.all() if c.name == "Ada Okafor")
        assert ada.source is ContactSource.LINKEDIN and ada.imported == NOW.date()
        assert ada.organization_id == harbour.id

        # The same file again: the preview says it adds nothing, and ctrl+s does nothing.
        await pilot.press("i")
        await pilot.pause()
        screen = pilot.app.screen
        await preview(pilot, FIXTURES / "Connections.csv")
        assert "Importing it again adds nothing" in status(screen)
        assert "0 new, 0 to update, 6 already up to date" in str(
            screen.query_one("#import-detail-text").render()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen  # nothing to import: it stays
        store.flush()
        assert len(reopen().contacts.all()) == 6


async def test_the_zip_and_a_vcard_file_import_as_they_are(run_app, store, reopen):
    async with run_app() as pilot:
        screen = await open_import(pilot)
        await preview(pilot, FIXTURES / "Basic_LinkedInDataExport_12-03-2026.zip")
        assert "6 new" in status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        screen = pilot.app.screen
        await preview(pilot, FIXTURES / "contacts.vcf")
        assert "new" in status(screen) and "skipped" in status(screen)
        assert screen.check_action("columns", ()) is None  # a vCard names its own fields
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.flush()
        sources = {c.source for c in reopen().contacts.all()}
        assert sources == {ContactSource.LINKEDIN, ContactSource.VCARD}


async def test_files_that_cannot_be_imported_are_said_under_the_path(
    run_app, store, tmp_path, screen_text
):
    (tmp_path / "inbox").mkdir()
    shutil.copy(FIXTURES / "Connections.csv", tmp_path / "inbox" / "Connections.csv")
    (tmp_path / "inbox" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "empty.csv").write_bytes(b"")
    async with run_app() as pilot:
        screen = await open_import(pilot)
        await preview(pilot, tmp_path / "nowhere.csv")
        assert f"There is no file {tmp_path / 'nowhere.csv'}." in status(screen)
        assert screen.query_one("#import-status").has_class("-error")
        await preview(pilot, tmp_path / "inbox")
        assert "is a folder; give the file itself" in status(screen)
        assert "Contacts files in it: Connections.csv." in status(screen)
        await preview(pilot, tmp_path / "empty.csv")
        assert "empty.csv is empty." in status(screen)
        await preview(pilot, tmp_path / "inbox" / "photo.png")
        assert "No column" in status(screen) or "could not be read" in status(screen)
        while isinstance(pilot.app.screen, ColumnsDialog):
            await pilot.press("escape")
            await pilot.pause()
        assert "Traceback" not in screen_text(pilot.app)
        assert screen.check_action("apply", ()) is None  # nothing to import: shown dimmed
        store.flush()
        assert len(store.contacts.all()) == 0


async def test_a_csv_without_a_names_column_asks_which_column_holds_what(
    run_app, store, reopen, tmp_path
):
    odd = tmp_path / "odd.csv"
    odd.write_text("Who,Org,Mail\nAda Okafor,Harbour Health,ada@example.org\nBen Li,,\n")
    async with run_app() as pilot:
        screen = await open_import(pilot)
        await preview(pilot, odd)
        dialog = pilot.app.screen
        assert isinstance(dialog, ColumnsDialog)
        assert "No column of odd.csv is recognised as names" in status(screen)
        # What infoview guessed is chosen already: Org is the company, Mail the email.
        assert dialog.query_one("#column-1", Select).value == "company"
        assert dialog.query_one("#column-2", Select).value == "email"
        await pilot.press("ctrl+s")  # still no column of names: refused, saying so
        await pilot.pause()
        assert "Choose the column of names" in str(dialog.query_one("#columns-error").render())
        dialog.query_one("#column-0", Select).value = "name"
        await pilot.press("ctrl+s")
        await worked(pilot)
        assert pilot.app.screen is screen
        assert "2 new" in status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        store.flush()
        (ada,) = [c for c in reopen().contacts.all() if c.name == "Ada Okafor"]
        assert ada.email == "ada@example.org" and ada.company == "Harbour Health"


async def test_reading_runs_off_the_screen_so_keys_still_work(run_app, store, monkeypatch):
    """A large file is read on a worker thread: while it reads, the screen takes keys."""
    release = threading.Event()
    threads = []
    real = imports.read_contacts

    def slow(path, mapping=None):
        threads.append(threading.current_thread())
        release.wait(10)
        return real(path, mapping)

    monkeypatch.setattr(imports, "read_contacts", slow)
    async with run_app() as pilot:
        screen = await open_import(pilot)
        field = screen.query_one("#import-path", PathInput)
        field.post_message(events.Paste(str(FIXTURES / "Connections.csv")))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Reading Connections.csv" in status(screen)
        await pilot.press("ctrl+f", "end", "x")  # typing goes on while the file is read
        await pilot.pause()
        assert field.value.endswith("Connections.csvx")
        release.set()
        await worked(pilot)
        assert threads and threads[0] is not threading.main_thread()
        assert "6 new" in status(screen)


async def test_tab_completes_the_path(run_app, store, tmp_path):
    (tmp_path / "Downloads").mkdir()
    shutil.copy(FIXTURES / "Connections.csv", tmp_path / "Downloads" / "Connections.csv")
    async with run_app() as pilot:
        screen = await open_import(pilot)
        field = screen.query_one("#import-path", PathInput)
        field.post_message(events.Paste(str(tmp_path / "Dow")))
        await worked(pilot)
        await pilot.press("tab")
        await worked(pilot)
        assert field.value == f"{tmp_path}/Downloads/"
        await pilot.press("C")
        await worked(pilot)
        await pilot.press("tab")
        await worked(pilot)
        assert field.value == f"{tmp_path}/Downloads/Connections.csv"
        await pilot.press("enter")
        await worked(pilot)
        assert "6 new" in status(screen)


async def test_import_from_the_palette_on_the_demo(tmp_path):
    clock = FakeClock(NOW)
    app = build_app(clock, demo_in=tmp_path, autosave_after=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await store_opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Import contacts")
        await worked(pilot)  # the palette searches on a worker
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        before = len(app.store.contacts)
        await preview(pilot, FIXTURES / "Connections.csv")
        assert "new" in status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)  # opened to show who came in
        assert len(app.store.contacts) > before


@pytest.mark.parametrize(
    "pasted",
    [
        "x" * 100_000,  # a whole document pasted by mistake
        "~/Downloads/\nConnections.csv\n",  # lines joined: a path that is not there
        "👩‍👩‍👧‍👦 contacts.csv",  # emoji with joiners
        "a\x00b/Connections.csv",  # a NUL byte, which no path may hold
        "/" + "y" * 300 + "/Connections.csv",  # a name longer than any file system allows
    ],
)
async def test_odd_paths_get_a_message_never_a_crash(run_app, store, pasted, screen_text):
    async with run_app() as pilot:
        screen = await open_import(pilot)
        await preview(pilot, pasted)
        assert status(screen)  # said, under the path
        assert screen.query_one("#import-status").has_class("-error")
        assert pilot.app.is_running and "Traceback" not in screen_text(pilot.app)
        await pilot.press("ctrl+f", "tab")  # completion of an odd path: nothing, no crash
        await worked(pilot)
        assert pilot.app.is_running


async def test_on_a_read_only_file_the_preview_shows_and_the_import_is_refused(data_path, clock):
    import stat as stat_module

    from infoview_tui.store.store import Store

    Store.open(data_path, clock).close()
    data_path.chmod(0o400)
    before = data_path.read_bytes()
    app = build_app(clock, opener=lambda: Store.open(data_path, clock))
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await store_opened(pilot)
        screen = await open_import(pilot)
        await preview(pilot, FIXTURES / "Connections.csv")
        assert "6 new" in status(screen)  # reading is allowed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "read-only" in said[-1]
        assert pilot.app.screen is screen
    assert data_path.read_bytes() == before
    assert stat_module.S_IMODE(data_path.stat().st_mode) == 0o400


async def test_three_thousand_connections_are_previewed_and_imported(run_app, store, tmp_path):
    rows = [
        f"First{n},Last{n},https://www.linkedin.com/in/person-{n},,Company {n % 40},Nurse,"
        f"{n % 28 + 1} Jul 2025"
        for n in range(3_000)
    ]
    big = tmp_path / "Connections.csv"
    big.write_text(
        'Notes:\r\n"About your data."\r\n\r\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        + "\r\n".join(rows)
        + "\r\n",
        encoding="utf-8-sig",
    )
    async with run_app() as pilot:
        screen = await open_import(pilot)
        await preview(pilot, big)
        assert "3,000 new" in status(screen)
        assert screen.query_one("#import-rows").row_count == 3_000
        await pilot.press("v")  # only the skipped: none
        await pilot.press("v", "v", "v")
        await pilot.pause()
        assert "No row is skipped." in str(screen.query_one("#import-detail-text").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(store.contacts) == 3_000
