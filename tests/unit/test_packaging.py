"""The stylesheets load from a source checkout (editable install) and from a built wheel."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from infoview_tui import paths

REPO = Path(__file__).resolve().parents[2]


def referenced_stylesheets() -> set[str]:
    names = set()
    for source in (REPO / "infoview_tui").rglob("*.py"):
        names |= set(re.findall(r'stylesheet\("([\w.-]+\.tcss)"\)', source.read_text()))
    return names


def test_every_referenced_stylesheet_exists_in_the_checkout():
    names = referenced_stylesheets()
    assert "app.tcss" in names and "home.tcss" in names
    assert paths.styles_dir() == REPO / "styles"
    missing = [n for n in names if not (REPO / "styles" / n).is_file()]
    assert not missing


@pytest.mark.slow
def test_a_built_wheel_carries_and_finds_the_stylesheets(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = tmp_path.glob("infoview-*.whl")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    for name in referenced_stylesheets():
        assert (unpacked / "infoview_tui" / "styles" / name).is_file(), name
    # Every module of the checkout is in the wheel (a package left out of pyproject's list
    # installs fine and fails on its first import), and so is every file `infoview serve`
    # reads beside its code.
    for source in (REPO / "infoview_tui").rglob("*"):
        if source.suffix in (".py", ".html", ".js") and "__pycache__" not in source.parts:
            assert (unpacked / source.relative_to(REPO)).is_file(), source.relative_to(REPO)
    # The installed layout resolves to the copy inside the package, not to a checkout.
    probe = subprocess.run(
        [sys.executable, "-c", "from infoview_tui import paths; print(paths.styles_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
    )
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == unpacked / "infoview_tui" / "styles"
