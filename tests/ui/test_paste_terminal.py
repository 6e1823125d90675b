"""A paste with escape sequences in it, typed into the real `infoview` through a pty.

The bug: Textual's parser sent what followed an escape as key presses and the paste's start
last: `one\\x1b[31mtwo three` was saved as `^[31mtwo threeone`, and a line break after an
escape arrived as an enter. The paste must arrive whole, in order, without the sequences.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from infoview_tui.clock import Clock
from infoview_tui.store.store import Store

from .terminal import Terminal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="a pty"),
]

PASTE = "\x1b[200~one\x1b[31mtwo\x1b[0m th\x1b]0;title\x07ree\x1b[201~"


def test_a_pasted_escape_sequence_keeps_the_text_in_order(tmp_path):
    path = tmp_path / "infoview.json"
    Store.open(path, Clock()).close()
    term = Terminal("--data", str(path))
    try:
        term.wait_for("0 in all")
        term.type("c")
        term.wait_for("filter by name")
        term.type("a")
        term.wait_for("New contact")
        term.type(PASTE[:20])  # split across two reads, as a terminal may send it
        term.pump(0.1)
        term.type(PASTE[20:])
        term.wait_for("onetwo three")
        term.type("\x13")  # ctrl+s saves the contact
        term.wait_for("Saved onetwo three")
        term.type("\x11")  # ctrl+q saves and quits
        end = time.monotonic() + 15
        while term.proc.poll() is None and time.monotonic() < end:
            term.pump(0.05)
    finally:
        term.close()
    names = [c["name"] for c in json.loads(path.read_text())["contacts"].values()]
    assert names == ["onetwo three"]
