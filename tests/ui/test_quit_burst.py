"""Keys typed right after `q`, in the real app: quitting stays clean, no traceback."""

from __future__ import annotations

import time

from .terminal import Terminal


def test_keys_right_after_quit_open_nothing_and_leave_no_traceback(tmp_path):
    term = Terminal("--data", str(tmp_path / "infoview.json"))
    try:
        term.wait_for("Contacts")
        term.wait_for("in all")  # the data is there
        term.type("qeco")  # quit, then three area keys in the same burst
        end = time.monotonic() + 15
        while term.proc.poll() is None and time.monotonic() < end:
            term.pump(0.05)
        term.pump(0.2)
        assert term.proc.returncode == 0, term.text()
        assert "Traceback" not in term.text() and "NoMatches" not in term.text()
    finally:
        term.close()
