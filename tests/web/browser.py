"""A real headless Chromium, driven by Playwright: the system's browser, never one downloaded.

`.ci/run` installs Debian's chromium package; elsewhere set INFOVIEW_CHROMIUM to a Chromium
or Chrome binary. Without one, the browser tests skip and say why.

What the page's terminal shows is read from what the browser receives: every binary frame
of the page's websocket is fed to a VT emulator (pyte), so the test reads the screen the
person sees without depending on how textual.js draws it (a canvas holds no text).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pyte

# As the machine's notes prescribe: nothing in the background may reach for the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    given = os.environ.get("INFOVIEW_CHROMIUM")
    if given:
        return given
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def why_no_browser() -> str | None:
    """None when the browser test can run; else the reason it skips."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if find_chromium() is None:
        return (
            "no Chromium found: install Debian's chromium package (.ci/run does) or set "
            "INFOVIEW_CHROMIUM to a Chromium or Chrome binary"
        )
    return None


class PageTab:
    """A browser tab on infoview: the page, and the screen its terminal shows."""

    def __init__(self, context, url: str) -> None:
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.console: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("websocket", self._watch)
        self.response = self.page.goto(url)

    def _watch(self, websocket) -> None:
        def received(payload) -> None:
            if isinstance(payload, bytes):
                self.stream.feed(payload)

        def sent(payload) -> None:  # the page tells the app its size: the emulator follows
            if isinstance(payload, str) and payload.startswith('["resize"'):
                size = json.loads(payload)[1]
                self.screen.resize(size["height"], size["width"])

        websocket.on("framereceived", received)
        websocket.on("framesent", sent)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.text():
                return self.text()
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames meanwhile
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.text()}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path))

    def close(self) -> None:
        self.page.close(run_before_unload=False)
