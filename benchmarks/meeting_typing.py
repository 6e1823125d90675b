"""Typing in a live meeting: keystroke-to-screen latency and the longest frame gap.

    python benchmarks/meeting_typing.py [--keys 300] [--interval 0.03] [--rounds 3]

Runs the real app in a pseudo-terminal (80×24) on two stores, in one run and interleaved:
an empty store with one live meeting, and a store at ten times heavy use (2,000 meetings,
30,000 contacts, 20,000 follow-ups; made by gen_store.py) with the same live meeting. It types
a burst of notes (a key every --interval seconds, enter every 40 keys) and records:
- latency: from writing a key to the pty until the app next writes to the terminal;
- frame gap: the longest stretch without output while keys keep arriving.
It prints medians, p95 and maxima for both stores and the ratios large/empty (target: the
longest frame gap within 10 %).
"""

from __future__ import annotations

import argparse
import fcntl
import itertools
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[0] = str(REPO)  # the repo, not this folder: no script here may shadow the stdlib

from infoview_tui.clock import Clock  # noqa: E402
from infoview_tui.domain.records import (  # noqa: E402
    Contact,
    Interview,
    InterviewStatus,
    PlannedQuestion,
    Session,
)
from infoview_tui.store.store import Store  # noqa: E402

LARGE = HERE / "data" / "large.json"


def with_live_meeting(source: Path | None, target: Path) -> None:
    """Copy `source` (or start empty) to `target` and add one live meeting to resume."""
    if source is not None:
        shutil.copy(source, target)
    clock = Clock()
    store = Store.open(target, clock)
    person = store.contacts.save(Contact(name="Benchmark Person"))
    store.interviews.save(
        Interview(
            contact_id=person.id,
            status=InterviewStatus.LIVE,
            session=Session(started=clock.now() - timedelta(seconds=30)),
            questions=[PlannedQuestion(text=f"Question {i}") for i in range(1, 6)],
        )
    )
    store.close()


class Pty:
    def __init__(self, args: list[str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "infoview_tui", *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.fd = master
        self.seen = b""

    def read(self, timeout: float) -> tuple[float, bytes] | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return None
        self.seen = (self.seen + data)[-200_000:]
        return time.perf_counter(), data

    def wait_for(self, marker: bytes, timeout: float = 60) -> None:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            self.read(0.05)
            if marker in self.seen:
                return
        raise RuntimeError(f"{marker!r} never appeared")

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.fd)


def type_burst(data_file: Path, keys: int, interval: float) -> dict[str, list[float]]:
    term = Pty(["--data", str(data_file)])
    try:
        term.wait_for(b"Resume")
        os.write(term.fd, b"y")
        term.wait_for(b"Type a note")
        # Let the first frames and the store load settle before measuring.
        settle = time.perf_counter() + 1.0
        while time.perf_counter() < settle:
            term.read(0.05)
        latencies: list[float] = []
        outputs: list[float] = []
        text = "the quick brown fox jumps over the lazy dog, and notes it down "
        start = time.perf_counter()
        for i in range(keys):
            key = "\r" if i % 40 == 39 else text[i % len(text)]
            sent = time.perf_counter()
            os.write(term.fd, key.encode())
            first = None
            next_key = start + (i + 1) * interval
            while True:
                got = term.read(max(0.0, next_key - time.perf_counter()))
                if got is None:
                    break
                outputs.append(got[0])
                if first is None:
                    first = got[0]
            if first is not None:
                latencies.append(first - sent)
        end = time.perf_counter()
        # Drain: the last key's echo counts too.
        while (got := term.read(0.3)) is not None:
            outputs.append(got[0])
        stamps = [start, *outputs]
        gaps = [b - a for a, b in itertools.pairwise(stamps) if b <= end]
        return {"latency": latencies, "gap": gaps}
    finally:
        term.stop()


def describe(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[int(len(ms) * 0.95) - 1] if ms else float("nan")
    return f"median {statistics.median(ms):6.1f} ms  p95 {p95:6.1f} ms  max {ms[-1]:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--interval", type=float, default=0.03)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not LARGE.exists():
        print("building the large store with gen_store.py …", flush=True)
        subprocess.run([sys.executable, str(HERE / "gen_store.py"), str(LARGE)], check=True)
    results: dict[str, dict[str, list[float]]] = {
        "empty": {"latency": [], "gap": [], "max_gap": []},
        "large": {"latency": [], "gap": [], "max_gap": []},
    }
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(args.rounds):
            for name, source in (("empty", None), ("large", LARGE)):
                target = Path(tmp) / f"{name}-{round_no}.json"
                with_live_meeting(source, target)
                run = type_burst(target, args.keys, args.interval)
                results[name]["latency"] += run["latency"]
                results[name]["gap"] += run["gap"]
                results[name]["max_gap"].append(max(run["gap"]))
                print(f"round {round_no + 1} {name:5}: longest gap {max(run['gap']) * 1000:.1f} ms")
    print()
    for name in ("empty", "large"):
        print(f"{name:5} latency  {describe(results[name]['latency'])}")
        print(f"{name:5} gaps     {describe(results[name]['gap'])}")
    lat = statistics.median(results["large"]["latency"]) / statistics.median(
        results["empty"]["latency"]
    )
    gap = statistics.median(results["large"]["max_gap"]) / statistics.median(
        results["empty"]["max_gap"]
    )
    print(f"\nratio large/empty, median keystroke-to-screen latency: {lat:.2f}")
    print(f"ratio large/empty, longest frame gap while typing (median of rounds): {gap:.2f}")
    print("target: longest frame gap within 1.10")


if __name__ == "__main__":
    main()
