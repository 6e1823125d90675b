"""Run the real `infoview` in a pseudo-terminal and read its screen, as a person would."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pyte

REPO = Path(__file__).resolve().parents[2]


class Terminal:
    def __init__(
        self,
        *args: str,
        size: tuple[int, int] = (80, 24),
        env: dict | None = None,
        module: str = "infoview_tui",
    ):
        cols, rows = size
        self.raw = bytearray()  # everything the program wrote to the terminal
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(cols),
            "LINES": str(rows),
            "PYTHONPATH": str(REPO),
            **(env or {}),
        }
        environment.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, timeout: float = 0.05) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            with contextlib.suppress(OSError):
                chunk = os.read(self.master, 65536)
                self.raw += chunk
                self.stream.feed(chunk)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """Read output until `text` is on screen; the deadline only guards a hung app."""
        import time  # the deadline for a real process, not the app's clock

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump()
            if text in self.text():
                return self.text()
            if self.proc.poll() is not None:
                self.pump()
                break
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.text()}")

    def drain(self) -> None:
        """Read everything still waiting (after the program ended)."""
        before = -1
        while len(self.raw) != before:
            before = len(self.raw)
            self.pump(0.2)

    def after_the_app(self) -> str:
        """What was written once the app left the full screen (its last words, a traceback)."""
        return bytes(self.raw).rsplit(b"\x1b[?1049l", 1)[-1].decode(errors="replace")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill9(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        os.close(self.master)

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        with contextlib.suppress(OSError):
            os.close(self.master)
