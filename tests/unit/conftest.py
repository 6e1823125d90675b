"""Fixtures for the store tests: a fake clock and stores that are always closed afterwards."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from infoview_tui.clock import FakeClock

from .store_helpers import START

__all__ = ["START"]  # some tests import it from here


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "infoview.json"


@pytest.fixture
def open_store(clock: FakeClock) -> Iterator[Callable[..., Any]]:
    """Store.open, with every store it opened closed at the end even if the test failed."""
    from infoview_tui.store.store import Store

    opened: list[Store] = []

    def _open(path: Path, **kwargs: Any) -> Store:
        kwargs.setdefault("clock", clock)
        store = Store.open(path, kwargs.pop("clock"), **kwargs)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        with contextlib.suppress(Exception):  # a test that broke the store on purpose
            store.close()


@pytest.fixture
def store(open_store: Callable[..., Any], data_path: Path) -> Any:
    """An open store on a new file (a module may give its own, with records in it)."""
    return open_store(data_path)


@pytest.fixture
def reread(data_path: Path, store: Any) -> Callable[[], Any]:
    """What reached the file, as a fresh read-only store."""
    from infoview_tui.store.store import Store

    def read() -> Store:
        store.flush()
        return Store.open(data_path, store.clock, readonly=True)

    return read
