"""On a read-only file, keys that would change something are refused by one list in
`infoview_tui.read_only`. Every key of the app must be on it or on the list of keys that only
read, so that a new key cannot slip past it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding

import infoview_tui.dialogs
import infoview_tui.screens
import infoview_tui.widgets
from infoview_tui.app import InfoviewApp
from infoview_tui.read_only import EDITS, READS, is_edit


def all_bindings() -> list[tuple[type, Binding]]:
    found = [(InfoviewApp, b) for b in InfoviewApp.BINDINGS if isinstance(b, Binding)]
    for package in (infoview_tui.screens, infoview_tui.dialogs, infoview_tui.widgets):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__:
                    continue
                for binding in cls.__dict__.get("BINDINGS", []) or []:
                    if isinstance(binding, Binding):
                        found.append((cls, binding))
    return found


def test_every_key_is_either_an_edit_or_a_read():
    ids = {binding.id for _cls, binding in all_bindings() if binding.id}
    assert not EDITS & READS
    assert ids - EDITS - READS == set(), "put each new key id in EDITS or READS"
    assert (EDITS | READS) - ids == set(), "ids that no longer exist"


def test_a_key_is_found_by_its_action_on_its_own_class():
    from infoview_tui.screens.after.reflection import StepList
    from infoview_tui.screens.meet.screen import MeetingScreen
    from infoview_tui.screens.people.contacts import ContactsScreen

    assert is_edit(ContactsScreen(), "add")
    assert not is_edit(ContactsScreen(), "filter")
    assert is_edit(MeetingScreen(1), "jump(3)")
    assert not is_edit(MeetingScreen(1), "tips")
    assert is_edit(StepList(), "screen.add_step")
