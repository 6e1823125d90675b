"""The first run, as a person starts it: the real `infoview` in a pseudo-terminal."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from .terminal import Terminal

pytestmark = pytest.mark.slow


def test_the_first_run_makes_the_default_folder_and_says_so(tmp_path: Path):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"), "INFOVIEW_DATA": ""}
    term = Terminal(env=env)
    folder = tmp_path / "share" / "infoview"
    try:
        term.wait_for("New data file created at")
        term.type("q")
        end = time.monotonic() + 15  # guards a hung app only
        while term.proc.poll() is None and time.monotonic() < end:
            term.pump()
        assert term.proc.returncode == 0, term.text()
    finally:
        term.close()
    data = folder / "infoview.json"
    assert stat.S_IMODE(data.stat().st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
