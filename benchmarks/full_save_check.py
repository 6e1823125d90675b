"""What the content check costs before each full save of the 10x store.

    python benchmarks/full_save_check.py [--rounds 10]

Before a full save replaces the data file, the store reads the file and hashes it, even when
its stat signature (inode, size, mtime) matches what it last wrote: an edit in place that keeps
the size and puts the mtime back is otherwise invisible (issue 9). Both run on the writer
thread, never the UI thread. In one run, interleaved: the check alone (read + digest of the
file) and a whole full save (check included), medians and the check's share of the save.
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from infoview_tui.clock import FakeClock
from infoview_tui.store.store import Store

HERE = Path(__file__).resolve().parent
LARGE = HERE / "data" / "large.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    from benchmarks.gen_store import NOW, generate

    if not LARGE.exists():
        generate(LARGE)
    clock = FakeClock(NOW)
    checks, saves = [], []
    with tempfile.TemporaryDirectory(prefix="infoview-check-") as folder:
        path = Path(folder) / "large.json"
        shutil.copyfile(LARGE, path)
        store = Store.open(path, clock)
        try:
            contact = store.contacts.all()[0]
            for n in range(rounds):
                store.contacts.save(replace(contact, notes=f"round {n}"))
                store.flush()
                start = time.perf_counter()
                changed = store._writer.call(lambda: store._outside_change(thorough=True))
                checks.append(time.perf_counter() - start)
                assert changed is None
                start = time.perf_counter()
                store.save_now()
                saves.append(time.perf_counter() - start)
                assert store.conflict is None
        finally:
            store.close()
    check, save = statistics.median(checks) * 1000, statistics.median(saves) * 1000
    print(f"rounds: {rounds}; 10x = {LARGE.stat().st_size / 1e6:.0f} MB")
    print(f"content check (read + digest): median {check:.0f} ms (min {min(checks) * 1000:.0f})")
    print(f"full save, check included:     median {save:.0f} ms (min {min(saves) * 1000:.0f})")
    print(f"the check is {check / save:.0%} of a full save, on the writer thread")
    return 0


if __name__ == "__main__":
    sys.exit(main())
