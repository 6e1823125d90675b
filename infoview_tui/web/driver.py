"""Textual's web driver, as a browser tab's app process uses it.

Two things beyond Textual's own `WebDriver`:
- it records that an app started, so a tab whose app never started (the file is already
  open elsewhere) can show why instead of a blank page;
- when the server goes away (killed, or its terminal closed), the end of standard input or
  a broken pipe is taken as the tab closing: the app quits through its normal path, which
  saves everything, instead of running on with nobody to see it and holding the file's lock,
  or crashing on its next write.
"""

from __future__ import annotations

import os
import signal

from textual.drivers.web_driver import WebDriver


class TabDriver(WebDriver):
    started = False
    """Set once any app in this process has started under this driver."""

    _gone = False

    def start_application_mode(self) -> None:
        TabDriver.started = True
        super().start_application_mode()

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # input ended while the app runs
            self._server_gone()

    def write(self, data: str) -> None:
        try:
            super().write(data)
        except BrokenPipeError:
            self._server_gone()

    def write_meta(self, data: dict[str, object]) -> None:
        try:
            super().write_meta(data)
        except BrokenPipeError:
            self._server_gone()

    def write_binary_encoded(self, data: tuple[str | bytes, ...]) -> None:
        try:
            super().write_binary_encoded(data)
        except BrokenPipeError:
            self._server_gone()

    def _server_gone(self) -> None:
        """Quit as if the tab had closed. SIGTERM is what WebDriver already turns into a clean
        exit, on the app's own loop, from any thread."""
        if not self._gone and not self.exit_event.is_set():
            self._gone = True
            os.kill(os.getpid(), signal.SIGTERM)
