"""Peak memory of the running app: a bare Textual app, infoview on heavy use (1x) and on ten
times heavy use (10x), in one run.

    python benchmarks/memory.py [--rounds 3]

Each case is started in a pseudo-terminal of 80x24 as a person would start it; once its home
screen shows data (the marker "Next meeting"; the bare app's own marker) and a second has
passed for the store to finish warming, the kernel's record of the process's peak resident
memory (VmHWM in /proc/<pid>/status) is read and the process killed. Medians in MB, and the
ratios 1x/bare and 10x/1x (the data's own cost), are printed.
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import contextlib
import fcntl
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import termios
import time
from pathlib import Path

from benchmarks.startup import ALT_SCREEN, BARE_APP, BARE_MARKER

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RUNS = DATA / "run" / "memory"


def peak_mb(argv: list[str], marker: bytes, env: dict[str, str], settle: float = 1.0) -> float:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise RuntimeError(f"{argv[-1]} exited: {bytes(output[-400:])!r}")
                output += chunk
                start = output.find(ALT_SCREEN)
                if start >= 0 and output.find(marker, start) >= 0:
                    break
        else:
            raise RuntimeError(f"no {marker!r} from {argv}")
        end = time.monotonic() + settle
        while time.monotonic() < end:  # keep reading: a full pty would stall the app
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):
                    os.read(master, 1 << 16)
        status = Path(f"/proc/{proc.pid}/status").read_text()
        kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
        return kb / 1024
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        os.close(master)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    from benchmarks.gen_store import generate

    sources = {"1x": DATA / "heavy.json", "10x": DATA / "large.json"}
    for scale, path in ((1, sources["1x"]), (10, sources["10x"])):
        if not path.exists():
            print(f"generating {path.name} (scale {scale}) ...", flush=True)
            generate(path, scale=scale)
    env = {**os.environ, "TERM": "xterm-256color", "INFOVIEW_DATA": str(RUNS / "unused.json")}
    python = sys.executable
    results: dict[str, list[float]] = {"bare": [], "1x": [], "10x": []}
    for n in range(rounds):
        for name in results:
            if name == "bare":
                argv, marker = [python, "-c", BARE_APP], BARE_MARKER.encode()
            else:
                target = RUNS / name / "infoview.json"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(sources[name], target)
                target.with_name(target.name + ".journal").unlink(missing_ok=True)
                argv = [python, "-m", "infoview_tui", "--data", str(target)]
                marker = b"Next meeting"
            results[name].append(peak_mb(argv, marker, env))
        print(
            f"round {n + 1}/{rounds}: "
            + "  ".join(f"{k} {v[-1]:.0f} MB" for k, v in results.items())
        )
    med = {name: statistics.median(values) for name, values in results.items()}
    print("\npeak resident memory, median (MB)")
    for name, value in med.items():
        print(f"  {name:5} {value:6.1f}")
    print(f"  1x/bare {med['1x'] / med['bare']:.2f}   10x/1x {med['10x'] / med['1x']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
