"""`infoview serve` without a browser: the token, 403, loopback only, one writer per file,
closing a tab saves, a killed server loses nothing. (The browser itself: test_browser.py.)"""

from __future__ import annotations

import io
import json
import logging
import os
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from infoview_tui.clock import Clock
from infoview_tui.store.lock import DataLock
from infoview_tui.store.store import Store

from .served import REPO, Served, SocketTab, wait_until

pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock, signals and exec are POSIX")


@pytest.fixture
def served(tmp_path):
    """A server on a fresh data file; stopped (and its tabs ended) after the test."""
    server = Served("--data", str(tmp_path / "infoview.json"), cwd=tmp_path)
    try:
        yield server.wait_ready()
    finally:
        server.close()


def saved(path: Path) -> Store:
    return Store.open(path, Clock(), readonly=True)


def files_beside(path: Path) -> list[str]:
    """A clean close leaves the data file and its backups: no journal, no lock file."""
    return sorted(p.name for p in path.parent.iterdir())


def test_help_says_what_it_does_and_how_it_keeps_the_data_private():
    result = subprocess.run(
        [sys.executable, "-m", "infoview_tui", "serve", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    help_text = " ".join(result.stdout.split())
    for promise in (
        "127.0.0.1 only",
        "random token",
        "403 Forbidden",
        "--port N",
        "--data PATH",
        "already open",
        "Closing a tab saves",
        "Ctrl+C stops the server",
        "command palette (ctrl+p)",
    ):
        assert promise in help_text, promise


@pytest.mark.slow
def test_the_address_carries_a_new_token_each_start_and_only_loopback_listens(served, tmp_path):
    assert len(served.token) >= 40  # 32 random bytes
    assert served.listening() == {("127.0.0.1", served.port)}
    again = Served("--demo", cwd=tmp_path)
    try:
        again.wait_ready()
        assert again.token != served.token
        assert again.listening() == {("127.0.0.1", again.port)}
    finally:
        again.close()


@pytest.mark.slow
def test_every_route_but_the_static_files_needs_the_token(served):
    token = served.token
    forbidden = [
        "/",
        "/?token=",
        "/?token=" + token[:-1],
        "/?token=" + token + "x",
        "/?token=%C3%A9t%C3%A9",  # not ASCII: still a plain 403
        f"/?instance={token[::-1]}",
        "/ws",
        "/ws/" + token[:-1],
        "/download/0123456789abcdef",
        "/download/0123456789abcdef?instance=nope",
        "/static/",  # no listing of the package's files
        "/anything/else",
    ]
    for path in forbidden:
        status, _, body = served.get(path)
        assert status == 403, path
        assert token not in body
    status, headers, page = served.get("/?token=" + token)
    assert status == 200
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert f"/ws/{token}" in page
    # With the token, a download that does not exist is simply not found.
    assert served.get(f"/download/0123456789abcdef?instance={token}")[0] == 404
    # What holds nothing personal stays open: textual-serve's script, style and fonts.
    for path in ("/static/js/textual.js", "/static/css/xterm.css", "/infoview.js"):
        assert served.get(path)[0] == 200, path


@pytest.mark.slow
def test_the_page_asks_nothing_of_any_other_host(served):
    _, headers, page = served.get("/?token=" + served.token)
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "http" not in page  # every address in it is on this server: /static/..., /ws/...
    assert "//" not in page.replace(f"ws://127.0.0.1:{served.port}/ws/", "")


@pytest.mark.slow
async def test_a_websocket_from_another_site_is_refused(served):
    import aiohttp

    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(
                f"ws://127.0.0.1:{served.port}/ws/{served.token}",
                headers={"Origin": "http://evil.example"},
            )
    assert refused.value.status == 403
    assert served.tab_processes() == []  # no app was started for it


@pytest.mark.slow
async def test_a_second_tab_is_told_and_closing_the_first_saves_as_quitting(served, tmp_path):
    path = tmp_path / "infoview.json"
    async with SocketTab(served) as first:
        await first.wait_for("0 in all")
        await first.type("i")
        await first.wait_for("Interests")
        await first.type("gardening, data")
        await first.wait_for("gardening, data")
        (app,) = served.tab_processes()
        assert served.listening() == {("127.0.0.1", served.port)}  # the tab's app listens nowhere

        async with SocketTab(served) as second:
            screen = await second.wait_for("already open on this data file")
            assert f"(process {app.pid})" in screen
            assert "Switch to that window" in screen  # the words the terminal prints
        await first.close()
    wait_until(lambda: not app.is_running(), what="the first tab's app ended")
    assert saved(path).profile().name == "gardening, data"  # typed into My name, where Me opens
    assert files_beside(path) == ["infoview.backups", "infoview.json"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # What a tab's process says for the terminal is passed on there.
    wait_until(lambda: "already open" in served.stderr, what="the refusal passed on")
    assert "Traceback" not in served.stdout + served.stderr


@pytest.mark.slow
async def test_a_reload_finds_the_file_free_again(served, tmp_path):
    """The old tab's app may still be saving when the reloaded page asks: it waits its turn."""
    async with SocketTab(served) as before:
        await before.wait_for("0 in all")
        await before.type("i")
        await before.wait_for("Interests")
        await before.type("before the reload")
        await before.wait_for("before the reload")
        await before.close()
        async with SocketTab(served) as after:
            await after.wait_for("0 in all")
            await after.type("i")
            await after.wait_for("before the reload")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
async def test_stopping_or_killing_the_server_leaves_every_tab_saved(served, tmp_path, signum):
    path = tmp_path / "infoview.json"
    async with SocketTab(served) as tab:
        await tab.wait_for("0 in all")
        await tab.type("i")
        await tab.wait_for("Interests")
        await tab.type("typed just before")
        await tab.wait_for("typed just before")
        (app,) = served.tab_processes()
        served.proc.send_signal(signum)
        served.proc.wait(60)
        # Killed, the server cannot ask: the app sees its input end and quits as from ctrl+q.
        wait_until(lambda: not app.is_running(), what="the tab's app ended")
    assert saved(path).profile().name == "typed just before"  # into My name, where Me opens
    assert files_beside(path) == ["infoview.backups", "infoview.json"]
    if signum == signal.SIGINT:
        assert served.proc.returncode == 0
        assert "Closing 1 open tab" in served.stdout


@pytest.mark.slow
def test_a_file_already_open_is_refused_before_serving(tmp_path):
    path = tmp_path / "infoview.json"
    lock = DataLock(path)
    lock.acquire()  # as a terminal infoview holds it
    try:
        result = subprocess.run(
            [sys.executable, "-m", "infoview_tui", "serve", "--data", str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=subprocess.DEVNULL,
            timeout=30,
        )
    finally:
        lock.release()
    assert result.returncode == 3
    assert "already open on this data file" in result.stderr
    assert "token" not in result.stdout


@pytest.mark.slow
def test_a_folder_or_a_busy_port_is_a_plain_message(tmp_path):
    def serve(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "infoview_tui", "serve", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=subprocess.DEVNULL,
            timeout=30,
        )

    folder = tmp_path / "notes"
    folder.mkdir()
    result = serve("--data", str(folder))
    assert result.returncode == 2 and "is a folder" in result.stderr

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--demo", "--port", str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1 port {port}" in result.stderr
    assert "Traceback" not in result.stderr

    result = serve("--port", "70000")
    assert result.returncode == 2 and "not a port number" in result.stderr


def test_the_server_log_never_shows_an_exception_s_details():
    from infoview_tui.web.server import log_handler

    logged = io.StringIO()
    logger = logging.getLogger("infoview.test.serve")
    logger.addHandler(log_handler(logged))
    try:
        raise ValueError("Ada Okafor said her manager is leaving")
    except ValueError:
        logger.exception("while relaying a tab")
    finally:
        logger.handlers.clear()
    assert "ValueError" in logged.getvalue()
    assert "Ada" not in logged.getvalue() and "Traceback" not in logged.getvalue()


def test_a_tab_s_crash_report_goes_to_a_private_file_beside_the_data_not_the_terminal(
    capsys, tmp_path
):
    from infoview_tui.web.tab import _pass_on

    argv = ["--data", str(tmp_path / "infoview.json")]
    _pass_on("infoview: the data file was changed by another program.\n", argv)
    assert capsys.readouterr().err == "infoview: the data file was changed by another program.\n"

    _pass_on("Traceback (most recent call last)\n  note = 'my diagnosis'\nKeyError: 3\n", argv)
    said = capsys.readouterr().err
    assert "diagnosis" not in said
    (report,) = tmp_path.glob("infoview.crash-*.txt")
    assert str(report) in said
    assert "my diagnosis" in report.read_text()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600


async def test_the_notice_shows_the_terminal_s_words_and_closes_on_q():
    from infoview_tui.web.notice import NoticeApp

    message = "infoview: infoview is already open on this data file (process 7).\n  file: /x"
    app = NoticeApp(message)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = str(app.query_one("#notice-message").render())
        assert shown.startswith("infoview is already open on this data file (process 7).")
        assert "Reload this page" in shown
        await pilot.press("q")
    assert app.return_code == 0


def test_each_tab_runs_this_python_and_this_infoview():
    from infoview_tui.web.server import tab_command

    command = tab_command(["--data", "/tmp/a file's name.json"])
    assert command.startswith("exec ")  # the app is the server's own child
    assert json.dumps(sys.executable)[1:-1] in command
    assert "-m infoview_tui.web.tab --data '/tmp/a file'\"'\"'s name.json'" in command
