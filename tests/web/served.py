"""`infoview serve` as a person starts it: a real process, the address it prints, the sockets
it listens on, and tabs that talk to it over its websocket the way textual.js does."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pyte

REPO = Path(__file__).resolve().parents[2]
ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)")


def wait_until(condition, timeout: float = 15, what: str = "condition") -> None:
    """Poll a real process's effect; the deadline only guards a hang."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} never became true")


class Served:
    """`python -m infoview_tui serve ARGS` in its own session, its output collected.
    (`command` runs another server module the same way, e.g. a test app's.)"""

    def __init__(
        self, *args: str, cwd: Path, command: tuple[str, ...] = ("infoview_tui", "serve")
    ) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", *command, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        self._out: list[str] = []
        self._err: list[str] = []
        for stream, into in ((self.proc.stdout, self._out), (self.proc.stderr, self._err)):
            threading.Thread(target=self._collect, args=(stream, into), daemon=True).start()
        self.port = 0
        self.token = ""

    @staticmethod
    def _collect(stream, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    @property
    def stdout(self) -> str:
        return "".join(self._out)

    @property
    def stderr(self) -> str:
        return "".join(self._err)

    def wait_ready(self, timeout: float = 20) -> Served:
        wait_until(
            lambda: ADDRESS.search(self.stdout) is not None or self.proc.poll() is not None,
            timeout,
            "the address",
        )
        found = ADDRESS.search(self.stdout)
        assert found, f"no address printed:\n{self.stdout}\n{self.stderr}"
        self.port, self.token = int(found[1]), found[2]
        return self

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
        """Status, headers and body of a GET on loopback (a 403 is an answer, not an error)."""
        request = urllib.request.Request(self.url(path), headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read().decode()

    def processes(self) -> list[psutil.Process]:
        """The server and every tab's app."""
        server = psutil.Process(self.proc.pid)
        return [server, *server.children(recursive=True)]

    def tab_processes(self) -> list[psutil.Process]:
        return psutil.Process(self.proc.pid).children(recursive=True)

    def listening(self) -> set[tuple[str, int]]:
        """Every address a process of this server listens on (TCP, IPv4 and IPv6)."""
        found = set()
        for process in self.processes():
            with contextlib.suppress(psutil.NoSuchProcess):
                for conn in process.net_connections(kind="inet"):
                    if conn.status == psutil.CONN_LISTEN:
                        found.add((conn.laddr.ip, conn.laddr.port))
        return found

    def stop(self, signum: int = signal.SIGINT, timeout: float = 60) -> int:
        self.proc.send_signal(signum)
        return self.proc.wait(timeout)

    def close(self) -> None:
        """Whatever the test did: nothing of this server is left running."""
        if self.proc.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.stop(signal.SIGTERM, timeout=30)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # tabs are in the server's group
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


class SocketTab:
    """A browser tab without a browser: the websocket protocol textual.js speaks, the
    terminal output read with pyte. For tests that must run where no browser is installed."""

    def __init__(self, served: Served, size: tuple[int, int] = (100, 30)) -> None:
        self.served = served
        self.cols, self.rows = size
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)
        self.texts: list[list] = []

    async def __aenter__(self) -> SocketTab:
        import aiohttp

        self._session = aiohttp.ClientSession()
        served = self.served
        self.ws = await self._session.ws_connect(
            f"ws://127.0.0.1:{served.port}/ws/{served.token}?width={self.cols}&height={self.rows}"
        )
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        import aiohttp

        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.stream.feed(message.data)
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(json.loads(message.data))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    async def wait_for(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.text():
                return self.text()
            await asyncio.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.text()}")

    async def type(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))

    async def close(self) -> None:
        await self.ws.close()
        await self._session.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader

    async def __aexit__(self, *exc) -> None:
        if not self.ws.closed:
            await self.close()
        elif not self._session.closed:
            await self._session.close()
