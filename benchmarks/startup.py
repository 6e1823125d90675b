"""Cold start to first frame, as a person sees it, compared in one run.

    python benchmarks/startup.py [--rounds 15] [--marker infoview]

Each command is started in a pseudo-terminal (80x24, TERM=xterm-256color) as its own session,
the way a terminal emulator starts it. The clock starts just before the process is spawned and
stops when the terminal output, after the switch to the alternate screen, contains the marker
word: that is the first frame on screen. Then the whole process group is killed and reaped
before the next start. Nothing is stripped from the output; the marker must be one word that the
first frame always shows.

Four cases, interleaved (bare, demo, empty, large, bare, demo, ...) so that drift in machine
load hits them all alike, after one untimed warm-up round (bytecode, disk cache):

- bare:  a minimal Textual app (`python -c`) whose only widget shows BAREMARK
- demo:  `python -m infoview_tui --demo`
- empty: `python -m infoview_tui --data <empty store>`
- large: `python -m infoview_tui --data <gen_store.py output, ten times heavy use>`

Bytecode as installed: pip compiles a package's modules when it installs it (Textual's were),
so by default infoview's are compiled before the runs and every case starts from bytecode.
Where PYTHONDONTWRITEBYTECODE is set (it is on the machine the audits ran on) an editable
checkout compiles each of its modules from source at every start while Textual's come compiled;
`--from-source` measures that (about 7 ms more here).

Data files live in benchmarks/data/ (git-ignored): the large one is generated there if missing,
and each run gets a fresh copy of its file (the app may rewrite it when it closes; a killed app
leaves it as it was). Each run also gets an empty TMPDIR there, since a killed `--demo` cannot
remove its temp folder. Reported: medians in ms and the ratios demo/bare and empty/bare (target
<= 1.10: infoview's first frame costs little beyond Textual's own) and large/empty (target
<= 1.05: the file's size never delays the first frame).
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

# Run from a checkout: import from the repo root, not from this folder, so no script here
# can ever shadow a standard-library module.
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[0] = REPO

import argparse
import compileall
import contextlib
import fcntl
import json
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import termios
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from infoview_tui.clock import monotonic

DATA = Path(REPO) / "benchmarks" / "data"
RUNS = DATA / "run"
ALT_SCREEN = b"\x1b[?1049h"  # Textual switches to the alternate screen before painting
BARE_MARKER = "BAREMARK"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("{BARE_MARKER}")

Bare().run()
"""
TARGETS = (("demo", "bare", 1.10), ("empty", "bare", 1.10), ("large", "empty", 1.05))


class NoFrame(Exception):
    """The marker never appeared: the process exited or the time ran out."""

    def __init__(self, why: str, output: bytes) -> None:
        tail = output[-600:].decode(errors="replace")
        super().__init__(f"{why}; last output: {tail!r}")


@dataclass
class Case:
    name: str
    argv: list[str]
    marker: bytes
    prepare: Callable[[], None] = lambda: None
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # the process's CPU seconds, to its kill
    failure: str | None = None


def _as_controlling_tty() -> None:
    """In the child, after setsid: make the pty its controlling terminal, as a terminal would."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _stop(proc: subprocess.Popen[bytes]) -> float:
    """Kill the whole process group and wait, so the file lock is free for the next run; the
    CPU seconds the process used (user + system), from the kernel's account of it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.returncode is not None:  # reaped already (it exited by itself)
        return 0.0
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status  # reaped here: Popen must not wait for it again
    return usage.ru_utime + usage.ru_stime


def first_frame(
    argv: list[str],
    marker: bytes,
    env: dict[str, str],
    timeout: float,
    size: tuple[int, int] = (80, 24),
) -> tuple[float, float]:
    """Seconds from spawning `argv` in a pty to `marker` on the (alternate) screen, and the CPU
    seconds the process had used when it was killed right after (less sensitive to the
    machine's load than the wall time; a little beyond the frame: the kill takes a moment,
    and infoview starts opening its data just after the frame)."""
    master, slave = pty.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    output = bytearray()
    started = monotonic()
    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=REPO,
        env=env,
        start_new_session=True,
        preexec_fn=_as_controlling_tty,
    )
    os.close(slave)
    elapsed: float | None = None
    try:
        deadline = started + timeout
        while True:
            remaining = deadline - monotonic()
            if remaining <= 0:
                raise NoFrame(f"no {marker.decode()!r} within {timeout:g} s", bytes(output))
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: every copy of the pty's other end is closed
                chunk = b""
            if not chunk:
                raise NoFrame(f"exited with {proc.wait()}", bytes(output))
            output += chunk
            screen = output.find(ALT_SCREEN)
            if screen >= 0 and output.find(marker, screen) >= 0:
                elapsed = monotonic() - started
                break
    finally:
        cpu = _stop(proc)
        os.close(master)
    assert elapsed is not None  # the loop ends with the frame, or raises
    return elapsed, cpu


def _fresh_copy(source: Path, target: Path) -> Callable[[], None]:
    """A function that puts an untouched copy of `source` at `target` before a run."""

    def prepare() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
        target.with_name(target.name + ".journal").unlink(missing_ok=True)

    return prepare


def _data_files(scale: int) -> tuple[Path, Path]:
    """The empty and large source stores, created if missing."""
    from infoview_tui.store.atomic import write_atomic
    from infoview_tui.store.schema import empty_data

    DATA.mkdir(parents=True, exist_ok=True)
    empty = DATA / "empty.json"
    if not empty.exists():
        write_atomic(empty, json.dumps(empty_data("0" * 16)).encode())
    large = DATA / "large.json"
    if not large.exists():
        from benchmarks.gen_store import generate

        print(f"generating {large.relative_to(REPO)} (scale {scale}) ...", flush=True)
        stats = generate(large, scale=scale)
        print(f"  {stats['bytes'] / 1e6:.1f} MB in {stats['build'] + stats['write']:.1f} s")
    return empty, large


def build_cases(args: argparse.Namespace) -> list[Case]:
    python = sys.executable
    app = [python, "-m", "infoview_tui"]
    cases = [Case("bare", [python, "-c", BARE_APP], BARE_MARKER.encode())]
    wanted = set(args.cases.split(","))
    if not (Path(REPO) / "infoview_tui" / "__main__.py").exists():
        print("infoview_tui/__main__.py is missing: measuring the bare app only")
        return cases
    marker = args.marker.encode()
    cases.append(Case("demo", [*app, "--demo"], marker))
    if wanted & {"empty", "large"}:
        empty, large = _data_files(args.scale)
        for name, source in (("empty", empty), ("large", large)):
            target = RUNS / name / "infoview.json"
            prepare = _fresh_copy(source, target)
            cases.append(Case(name, [*app, "--data", str(target)], marker, prepare))
    return [case for case in cases if case.name in wanted]


def _bytecode(env: dict[str, str], from_source: bool) -> None:
    """Every case from bytecode, as installed; or infoview compiled from source at each start."""
    package = Path(REPO) / "infoview_tui"
    if from_source:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for cache in package.rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compileall.compile_dir(package, quiet=1)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    for name in ("COLUMNS", "LINES"):
        env.pop(name, None)
    env["TERM"] = "xterm-256color"
    # Should a case ever fall back to the default data file, it is this one, never the user's.
    env["INFOVIEW_DATA"] = str(RUNS / "default" / "infoview.json")
    # A killed --demo cannot remove its temp folder: keep those here, emptied between runs.
    env["TMPDIR"] = str(RUNS / "tmp")
    return env


def _empty_tmp() -> None:
    shutil.rmtree(RUNS / "tmp", ignore_errors=True)
    (RUNS / "tmp").mkdir(parents=True)


def run(cases: list[Case], rounds: int, warmup: int, timeout: float, from_source: bool) -> None:
    env = _env()
    _bytecode(env, from_source)
    for number in range(warmup + rounds):
        for case in cases:
            if case.failure:
                continue
            case.prepare()
            _empty_tmp()
            try:
                elapsed, cpu = first_frame(case.argv, case.marker, env, timeout)
            except NoFrame as err:
                case.failure = str(err)
                print(f"  {case.name}: FAILED: {err}", file=sys.stderr)
                continue
            if number >= warmup:
                case.times.append(elapsed)
                case.cpu.append(cpu)
        if number >= warmup:
            done = number - warmup + 1
            line = "  ".join(f"{c.name} {c.times[-1] * 1000:4.0f}" for c in cases if c.times)
            print(f"round {done:2}/{rounds}: {line} ms", flush=True)


def report(cases: list[Case]) -> None:
    medians = {c.name: statistics.median(c.times) for c in cases if c.times}
    print(f"\nfirst frame, median of {max((len(c.times) for c in cases), default=0)} (ms)")
    for case in cases:
        if case.failure:
            print(f"  {case.name:6} failed: {case.failure}")
            continue
        lo, hi = min(case.times) * 1000, max(case.times) * 1000
        print(f"  {case.name:6} {medians[case.name] * 1000:6.0f}   (min {lo:.0f}, max {hi:.0f})")
    print()
    cpu = {c.name: statistics.median(c.cpu) for c in cases if c.cpu}
    for top, bottom, target in TARGETS:
        if top in medians and bottom in medians:
            ratio = medians[top] / medians[bottom]
            verdict = "ok" if ratio <= target else "OVER TARGET"
            print(
                f"  {top}/{bottom}: {ratio:.2f}  (target <= {target:.2f}: {verdict});"
                f"  CPU {cpu[top] * 1000:.0f}/{cpu[bottom] * 1000:.0f} ms = "
                f"{cpu[top] / cpu[bottom]:.2f}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds (default 15)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument(
        "--marker",
        default="infoview",
        help="a word infoview's first frame always shows (default: the header title)",
    )
    parser.add_argument(
        "--cases", default="bare,demo,empty,large", help="which cases, comma-separated"
    )
    parser.add_argument("--scale", type=int, default=10, help="size of a generated large store")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for a frame")
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="infoview compiles its modules from source at each start (PYTHONDONTWRITEBYTECODE)",
    )
    args = parser.parse_args(argv)
    cases = build_cases(args)
    code = "infoview from source" if args.from_source else "bytecode, as installed"
    print(f"{len(cases)} cases, {args.warmup} warm-up + {args.rounds} rounds, interleaved ({code})")
    try:
        run(cases, args.rounds, args.warmup, args.timeout, args.from_source)
    finally:
        _empty_tmp()
    report(cases)
    return 2 if any(c.failure for c in cases) else 0


if __name__ == "__main__":
    sys.exit(main())
