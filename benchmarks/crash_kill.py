"""kill -9 at random moments of opening, journal appends and full saves; count what is lost.

    python benchmarks/crash_kill.py [--kills 201] [--scale 10] [--seed N] [--keep]

A child process opens a copy of the 10x store (made by gen_store.py), then saves new contacts
one at a time: each is acknowledged (a line on stdout) only once `store.flush()` returned with
nothing left unsaved. Every few changes it also rewrites the whole file (`save_now()`). Each
round aims its kill at one of three phases in turn, at a random moment within it:

- open: while the child opens the file (which also folds the journal the last kill left),
- appends: while it saves and acknowledges changes one by one,
- full saves: while it rewrites the whole file.

After each kill the parent looks at what is on disk, as the next start would: the file must
open (else it counts as corrupt), and every acknowledged change must be in it (else it is
lost). It also counts the temp files a kill left behind, and whether the next open cleared
them. It prints those counts, and exits 1 if any file was corrupt or any write lost.

`--scale 0` uses a tiny store (the fast version in tests/unit/test_crash_kill.py).
"""

from __future__ import annotations

import os
import sys

if __name__ == "__main__":  # run from a checkout: import from the repo root
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import json
import random
import shutil
import signal
import subprocess
import textwrap
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from infoview_tui.clock import FakeClock
from infoview_tui.domain.codec import encode
from infoview_tui.domain.records import Contact
from infoview_tui.store.atomic import TEMP_MARK, write_atomic
from infoview_tui.store.schema import empty_data

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PHASES = ("open", "appends", "full saves")
CLOCK = FakeClock(datetime(2026, 12, 3, 9, 0, tzinfo=UTC))  # the parent's opens only

CHILD = """
    import sys, time
    from infoview_tui.clock import Clock
    from infoview_tui.domain.records import Contact
    from infoview_tui.store.store import Store

    def say(line):  # one write: a kill never leaves half a line
        sys.stdout.write(line + "\\n")
        sys.stdout.flush()

    path, start, full_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

    from infoview_tui.store import store as store_module  # to say when the rewrite begins
    write_atomic = store_module.write_atomic

    def telling(target, data):
        if target.name == "infoview.json":
            say("writing")
        return write_atomic(target, data)

    store_module.write_atomic = telling
    say("opening")
    store = Store.open(path, Clock())
    say("ready")
    i = start
    while True:
        store.contacts.save(Contact(name=f"w{i}", notes="typed " * 20))
        store.flush()
        if store.unsaved_changes == 0:
            say(f"ack {i}")  # only now is change i promised to be on disk
        i += 1
        if i % full_every == 0:
            say("full")
            store.save_now()
            say("saved")
"""


@dataclass
class Counts:
    kills: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PHASES, 0))
    before_ready: int = 0  # open-phase kills that landed before the store was open
    during_temp: int = 0  # kills that left a temp file (landed inside an atomic write)
    corrupt: int = 0
    acked: int = 0
    lost: int = 0
    temp_left: int = 0  # temp files found right after kills
    temp_after_open: int = 0  # temp files still there after the next open
    problems: list[str] = field(default_factory=list)


def tiny_store(path: Path) -> None:
    data = empty_data("0000000000000000")
    for i in range(1, 101):
        data["contacts"][str(i)] = encode(Contact(name=f"seed {i}", notes="x " * 50))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data).encode())


def prepare(folder: Path, scale: int) -> Path:
    """A fresh copy of the store to be killed over, in `folder`."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    path = folder / "infoview.json"
    if scale == 0:
        tiny_store(path)
        return path
    source = HERE / "data" / ("large.json" if scale == 10 else f"scale-{scale}.json")
    if not source.exists():
        sys.path.insert(0, str(HERE))
        from gen_store import generate

        generate(source, scale)
    shutil.copyfile(source, path)
    os.chmod(path, 0o600)
    return path


def start_child(path: Path, start: int, full_every: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(path), str(start), str(full_every)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def read_line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line:
        child.kill()
        _, err = child.communicate(timeout=60)
        raise SystemExit(f"the child stopped by itself:\n{err}")
    return line.strip()


def read_until(child: subprocess.Popen[str], word: str, acked: set[int]) -> None:
    """Read the child's lines up to `word`, noting the acknowledgements on the way."""
    while (line := read_line(child)) != word:
        if line.startswith("ack "):
            acked.add(int(line.split()[1]))


def kill9(child: subprocess.Popen[str]) -> list[str]:
    """SIGKILL the child; returns the whole lines it printed that were not read yet."""
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    if child.returncode != -signal.SIGKILL:
        raise SystemExit(f"the child had stopped by itself:\n{err}")
    return out.split("\n")[:-1]  # the last piece has no newline: not a whole line


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if TEMP_MARK in p.name]


def on_disk(path: Path) -> set[str] | None:
    """The contact names the next start would see; None if the file does not open."""
    from infoview_tui.store.store import Store

    try:
        store = Store.open(path, CLOCK, readonly=True)
        return {doc.get("name", "") for doc in store._data["contacts"].values()}
    except Exception:
        return None


def run(kills: int, scale: int, seed: int, folder: Path, verbose: bool = True) -> Counts:
    rng = random.Random(seed)
    path = prepare(folder, scale)
    counts = Counts()
    acked: set[int] = set()
    next_name = 0
    timings = {"open": 0.05, "full": 0.05, "write": 0.01}  # learnt as the rounds go
    full_every = 25
    started = time.monotonic()
    for round_ in range(kills):
        phase = PHASES[round_ % len(PHASES)]
        child = start_child(path, next_name, full_every)
        assert read_line(child) == "opening"
        t0 = time.monotonic()
        rest: list[str] = []
        if phase == "open":
            time.sleep(rng.uniform(0, 1.2 * timings["open"]))
            rest = kill9(child)
            if "ready" not in rest:
                counts.before_ready += 1
            else:  # the open was quicker than thought: aim the next one earlier
                timings["open"] *= 0.7
        else:
            read_until(child, "ready", acked)
            timings["open"] = 0.5 * timings["open"] + 0.5 * (time.monotonic() - t0)
            if phase == "appends":
                for _ in range(rng.randint(1, 12)):
                    line = read_line(child)
                    if line.startswith("ack"):
                        acked.add(int(line.split()[1]))
                time.sleep(rng.uniform(0, 0.004))
                rest = kill9(child)
            else:
                read_until(child, "full", acked)
                # Every other kill is aimed at the file write itself (temp file, fsync,
                # rename), the rest anywhere in the save (serialising takes most of it).
                step = "write" if counts.kills[phase] % 2 else "full"
                if step == "write":
                    read_until(child, "writing", acked)
                t1 = time.monotonic()
                time.sleep(rng.uniform(0, 1.2 * timings[step]))
                rest = kill9(child)
                if "saved" in rest:  # over before the kill: aim the next one a little earlier
                    timings[step] = 0.8 * timings[step] + 0.2 * (time.monotonic() - t1)
                else:  # still saving: it takes at least this long
                    timings[step] = max(timings[step], 1.3 * (time.monotonic() - t1))
        for line in rest:
            if line.startswith("ack"):
                acked.add(int(line.split()[1]))
        counts.kills[phase] += 1
        left = temp_files(folder)
        counts.temp_left += len(left)
        counts.during_temp += bool(left)
        names = on_disk(path)
        if names is None:
            counts.corrupt += 1
            counts.problems.append(f"kill {round_ + 1} ({phase}): the file does not open")
            break
        missing = {i for i in acked if f"w{i}" not in names}
        if missing:
            counts.lost += len(missing)
            counts.problems.append(f"kill {round_ + 1} ({phase}): lost {sorted(missing)[:5]}")
            acked -= missing
        made = [int(n[1:]) for n in names if n.startswith("w") and n[1:].isdigit()]
        next_name = max(made, default=-1) + 1
        full_every = rng.randint(5, 40)
        if verbose and (round_ + 1) % 10 == 0:
            print(
                f"  {round_ + 1:4d} kills, {len(acked):5d} acknowledged so far, "
                f"{time.monotonic() - started:6.1f} s",
                flush=True,
            )
    counts.acked = len(acked) + counts.lost
    # The next open clears what the kills left behind.
    from infoview_tui.store.store import Store

    Store.open(path, CLOCK).close()
    counts.temp_after_open = len(temp_files(folder))
    return counts


def report(counts: Counts) -> str:
    k = counts.kills
    lines = [
        f"kills: {sum(k.values())} (open {k['open']}, {counts.before_ready} of them before it "
        f"finished; appends {k['appends']}; full saves {k['full saves']}); "
        f"{counts.during_temp} landed inside an atomic write",
        f"corrupt files: {counts.corrupt}",
        f"acknowledged writes: {counts.acked}, lost: {counts.lost}",
        f"temp files left by the kills: {counts.temp_left}; "
        f"left after the next open: {counts.temp_after_open}",
    ]
    lines += [f"  problem: {p}" for p in counts.problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=201, help="how many kills (default 201)")
    parser.add_argument("--scale", type=int, default=10, help="10: the 10x store; 0: tiny")
    parser.add_argument("--seed", type=int, default=None, help="for the kill moments")
    parser.add_argument("--folder", type=Path, default=HERE / "data" / "crash")
    parser.add_argument("--keep", action="store_true", help="keep the folder afterwards")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"crash_kill: {args.kills} kills, scale {args.scale}, seed {seed}", flush=True)
    started = time.monotonic()
    counts = run(args.kills, args.scale, seed, args.folder)
    print(report(counts))
    print(f"took {time.monotonic() - started:.0f} s")
    if not args.keep:
        shutil.rmtree(args.folder, ignore_errors=True)
    return 1 if counts.corrupt or counts.lost or counts.temp_after_open else 0


if __name__ == "__main__":
    sys.exit(main())
