"""kill -9 in the middle of a real meeting: typed notes survive and the clock is still right."""

from __future__ import annotations

import re
import time
from datetime import timedelta

from infoview_tui.clock import Clock
from infoview_tui.domain.records import (
    Contact,
    Interview,
    InterviewStatus,
    PlannedQuestion,
    Session,
)
from infoview_tui.store.store import Store

from .terminal import Terminal


def wait_until(term: Terminal, condition, timeout: float = 10) -> None:
    """Keep reading the app's output until `condition` holds (the deadline guards a hang)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        term.pump(0.02)
    raise AssertionError("condition never became true")


def shown_elapsed(screen: str) -> int:
    minutes, seconds = re.search(r"(\d\d):(\d\d) in", screen).groups()
    return int(minutes) * 60 + int(seconds)


def test_kill_9_mid_meeting_loses_no_typing_and_the_timer_resumes_true(tmp_path):
    path = tmp_path / "infoview.json"
    clock = Clock()  # a real process runs on real time
    store = Store.open(path, clock)
    ada = store.contacts.save(Contact(name="Ada Okafor"))
    started = clock.now() - timedelta(seconds=125)
    meeting = store.interviews.save(
        Interview(
            contact_id=ada.id,
            status=InterviewStatus.LIVE,
            session=Session(started=started),
            questions=[PlannedQuestion(text="How did you start?"), PlannedQuestion(text="Q2")],
        )
    )
    store.close()
    journal = path.with_name(path.name + ".journal")

    term = Terminal("--data", str(path))
    try:
        term.wait_for("Resume the meeting?")
        term.type("y")
        term.wait_for("Type a note")
        term.type("first note\r")
        term.type("half typed")
        # The autosave writes the half-typed note to the journal within a second.
        wait_until(term, lambda: journal.exists() and b"half typed" in journal.read_bytes(), 3)
        term.kill9()
    finally:
        term.close()

    saved = Store.open(path, clock, readonly=True).interviews.get(meeting.id)
    assert [n.text for n in saved.notes] == ["first note"]
    assert saved.notes[0].question == "How did you start?"
    assert saved.draft is not None and saved.draft.text == "half typed"

    term = Terminal("--data", str(path))
    try:
        screen = term.wait_for("Resume the meeting?")
        truth = (clock.now() - started).total_seconds()
        assert abs(shown_elapsed(screen) - truth) <= 2, screen
        term.type("y")
        screen = term.wait_for("half typed")  # the half-typed note is back in the notes line
        truth = (clock.now() - started).total_seconds()
        assert abs(shown_elapsed(screen) - truth) <= 2, screen
    finally:
        term.close()
