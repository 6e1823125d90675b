"""The fast version of benchmarks/crash_kill.py: 21 random SIGKILLs across opening, journal
appends and full saves of a small store. Nothing corrupt, no acknowledged write lost, no temp
file left once the store has been opened again."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX"),
]

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "crash_kill.py"


def load_script():
    spec = importlib.util.spec_from_file_location("crash_kill", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_kill"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_random_kills_across_open_appends_and_full_saves_lose_nothing(tmp_path):
    crash_kill = load_script()
    seed = int(os.environ.get("INFOVIEW_SEED", "20261130"))  # the same kills every run
    counts = crash_kill.run(21, 0, seed, tmp_path / "crash", verbose=False)
    summary = f"seed {seed}:\n{crash_kill.report(counts)}"
    assert counts.kills == {"open": 7, "appends": 7, "full saves": 7}, summary
    assert counts.corrupt == 0, summary
    assert counts.acked > 21 and counts.lost == 0, summary
    assert counts.temp_after_open == 0, summary
