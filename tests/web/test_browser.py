"""End to end in a real headless Chromium: `infoview serve` on a fresh file, a person's first
meeting typed in the page, the tab closed, the file checked. Also: no token, 403; a second
tab, the terminal's "already open"; nothing the page asks for leaves the machine.

The screenshot of the page goes to screenshots/browser-test.png (not kept in git; the README's
picture is made by screenshots/make_browser.py).
"""

from __future__ import annotations

import os
import time
from urllib.parse import urlsplit

import pytest

from infoview_tui.clock import Clock
from infoview_tui.store.store import Store

from .browser import CHROMIUM_ARGS, PageTab, find_chromium, why_no_browser
from .served import REPO, Served, wait_until

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="flock, signals and exec are POSIX"),
]

SCREENSHOT = REPO / "screenshots" / "browser-test.png"


@pytest.fixture
def browser():
    """Headless Chromium. Without one the test skips, saying why; under `.ci/run`, which
    installs one and sets INFOVIEW_REQUIRE_BROWSER, it fails instead."""
    missing = why_no_browser()
    if missing and os.environ.get("INFOVIEW_REQUIRE_BROWSER"):
        pytest.fail(f"the browser test must run here: {missing}")
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=find_chromium(), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


def test_a_meeting_typed_in_the_browser_is_in_the_file_once_the_tab_closes(browser, tmp_path):
    started = time.monotonic()
    path = tmp_path / "infoview.json"
    served = Served("--data", str(path), cwd=tmp_path).wait_ready()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        asked: list[str] = []
        context.on("request", lambda request: asked.append(request.url))

        # Without the token, or with a wrong one: 403, and no app starts.
        bare = context.new_page()
        assert bare.goto(served.url("/")).status == 403
        wrong = served.token[:-1] + ("B" if served.token.endswith("A") else "A")
        assert bare.goto(served.url("/?token=" + wrong)).status == 403
        bare.close()
        assert served.tab_processes() == []

        tab = PageTab(context, served.address)
        assert tab.response.status == 200
        tab.wait_for("0 in all")
        # The page gives the app the keyboard at once (no click needed): its keys show.
        tab.wait_for("c People m Meet")
        tab.press("c")
        tab.wait_for("a Add e Edit")
        tab.press("a")
        tab.wait_for("New contact")
        tab.type("Ada Okafor")
        tab.press("Control+s")
        tab.wait_for("Saved Ada Okafor")
        tab.press("m")  # meet now, on the spot
        tab.wait_for("Type a note")
        tab.press("Escape")  # out of the notes line
        # A key within ~0.1 s of escape reads as alt+key (a terminal's rule): pause as hands do.
        tab.page.wait_for_timeout(400)
        tab.press("s")  # start the clock
        tab.wait_for("on track")
        tab.press("Enter")  # back to the notes line
        tab.type("Started as a ward clerk, then trained on the job")
        tab.press("Enter")
        tab.type("Night shifts twice a month; the team covers for illness")
        tab.press("Enter")
        tab.wait_for("Night shifts twice a month")
        (app,) = served.tab_processes()
        # Only the server listens, on loopback; the tab's app has no socket of its own.
        assert served.listening() == {("127.0.0.1", served.port)}
        tab.screenshot(SCREENSHOT)

        second = PageTab(context, served.address)
        screen = second.wait_for("already open on this data file")
        assert f"(process {app.pid})" in screen and "Switch to that window" in screen
        second.screenshot(tmp_path.parent / "second-tab.png")

        tab.close()
        wait_until(lambda: not app.is_running(), what="the closed tab's app ended")
        store = Store.open(path, Clock(), readonly=True)
        (meeting,) = store.interviews.all()
        assert [note.text for note in meeting.notes] == [
            "Started as a ward clerk, then trained on the job",
            "Night shifts twice a month; the team covers for illness",
        ]
        assert [c.name for c in store.contacts.all()] == ["Ada Okafor"]
        # Saved as quitting saves: the file holds everything; no journal, no lock file.
        assert sorted(p.name for p in tmp_path.iterdir()) == ["infoview.backups", "infoview.json"]

        second.close()
        # Nothing the page asked for left this machine, and the page broke no rule of its CSP.
        hosts = {urlsplit(url).netloc for url in asked if not url.startswith("data:")}
        assert hosts == {f"127.0.0.1:{served.port}"}
        assert not [line for line in tab.console + second.console if "Content Security" in line]
        context.close()

        assert served.stop() == 0
        assert "Traceback" not in served.stdout + served.stderr
    finally:
        served.close()
    assert time.monotonic() - started < 60


def test_a_file_the_app_delivers_downloads_through_the_token_and_only_with_it(browser, tmp_path):
    from .deliver_app import NOTE

    served = Served("serve", cwd=tmp_path, command=("tests.web.deliver_app",)).wait_ready()
    try:
        context = browser.new_context(viewport={"width": 1024, "height": 600})
        downloads = []

        def keep(download) -> None:  # Playwright takes no builtin method as a handler
            downloads.append(download)

        # Every page of the context: textual.js opens the download link in a new tab.
        context.on("page", lambda page: page.on("download", keep))
        tab = PageTab(context, served.address)
        tab.wait_for("press d to download")
        tab.wait_for("d Deliver")
        tab.press("d")
        for _ in range(400):  # Playwright delivers events only while it is called
            if downloads:
                break
            tab.page.wait_for_timeout(50)
        assert len(downloads) == 1, tab.text()
        (download,) = downloads
        assert download.suggested_filename == "thank-you-ada.txt"
        assert open(download.path(), encoding="utf-8").read() == NOTE  # noqa: SIM115
        assert f"instance={served.token}" in download.url
        tab.wait_for("delivered")
        # The same link without the token: 403, whatever the key.
        key_path = download.url.split(f":{served.port}", 1)[1].split("?", 1)[0]
        assert served.get(key_path)[0] == 403
        context.close()
    finally:
        served.close()


def test_a_thank_you_and_an_export_saved_in_the_browser_arrive_as_downloads(browser, tmp_path):
    """Issue 14: every file the app saves is offered as a download in the browser. The
    served app's own keys (ctrl+s on the thank-you, x for the meeting as Markdown)
    reach the browser through the token-guarded link, with the content the app made."""
    from datetime import timedelta

    from infoview_tui.domain import after
    from infoview_tui.domain.records import (
        Contact,
        Interview,
        InterviewStatus,
        Note,
        Profile,
        Reflection,
        Session,
    )

    path = tmp_path / "infoview.json"
    store = Store.open(path, Clock())
    now = Clock().now()
    profile = Profile(name="Sam Rivera", work_ability="SENTINEL-private-3b1d")
    store.save_profile(profile)
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id, status=InterviewStatus.DONE, when=now - timedelta(hours=2),
            session=Session(started=now - timedelta(hours=2), ended=now - timedelta(hours=1)),
            notes=[Note("Night shifts twice a month", 90)],
            reflection=Reflection(learned="Night shifts twice a month"),
        )
    )  # fmt: skip
    store.followups.save(after.thank_you_item(meeting, ada, now - timedelta(hours=1), []))
    store.close()
    draft = after.thank_you_draft(meeting, ada, profile, "Night shifts twice a month") + "\n"
    day = after.meeting_day(meeting)
    assert day is not None

    served = Served("--data", str(path), cwd=tmp_path).wait_ready()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        downloads = []

        def keep(download) -> None:  # Playwright takes no builtin method as a handler
            downloads.append(download)

        context.on("page", lambda page: page.on("download", keep))
        tab = PageTab(context, served.address)
        tab.wait_for("c People m Meet")
        tab.press("a")  # after the latest meeting: the thank-you
        tab.wait_for("Dear Ada,")

        def next_download(count: int):
            for _ in range(400):  # Playwright delivers events only while it is called
                if len(downloads) >= count:
                    return downloads[count - 1]
                tab.page.wait_for_timeout(50)
            raise AssertionError(f"no download; screen:\n{tab.text()}")

        tab.press("Control+s")
        note = next_download(1)
        assert note.suggested_filename == f"thank-you-ada-okafor-{day.isoformat()}.txt"
        assert open(note.path(), encoding="utf-8").read() == draft  # noqa: SIM115
        assert f"instance={served.token}" in note.url
        tab.wait_for("Your browser is downloading")

        tab.press("x")  # this meeting as Markdown (the cursor is on the notes, not in text)
        tab.wait_for("Your browser will download it.")
        tab.press("Enter")
        markdown = next_download(2)
        assert markdown.suggested_filename == f"infoview-meeting-ada-okafor-{meeting.id}.md"
        text = open(markdown.path(), encoding="utf-8").read()  # noqa: SIM115
        assert "Ada Okafor" in text and "Night shifts twice a month" in text
        assert "SENTINEL-private-3b1d" not in text  # not ticked: not in the file
        tab.close()
        context.close()
        assert served.stop() == 0
        # Downloads, not files: nothing was written beside the data file.
        assert sorted(p.name for p in tmp_path.iterdir()) == ["infoview.backups", "infoview.json"]
        assert "Traceback" not in served.stdout + served.stderr
    finally:
        served.close()
