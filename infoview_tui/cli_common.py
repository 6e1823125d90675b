"""What the shell commands share: output that no terminal encoding can crash, one-line
errors, the data file (given, from the environment, or the demo), and global options
written before or after the command word.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .clock import Clock

COMMANDS = ("queue", "import", "export", "serve")
# Every option of any command that takes a value (a test holds this against the parsers): an
# option before the command word is moved after it, with its value.
WITH_VALUE = ("--data", "--port", "-o", "--output", "--from", "--to", "--meeting", "--format",
              "--map")  # fmt: skip
_PLAIN = {"·": "-", "…": "...", "→": "->", "–": "-", "—": "-", "‘": "'", "’": "'",
          "“": '"', "”": '"', "×": "x"}  # fmt: skip


DEFAULT_FILE = "{default-data-file}"  # one word (help is wrapped); the path, once help is shown


class Parser(argparse.ArgumentParser):
    """Help that names the default data file, found only when help is printed: finding it
    imports platformdirs, a few milliseconds of every start that gives --data."""

    def format_help(self) -> str:
        from .paths import default_data_path

        return super().format_help().replace(DEFAULT_FILE, str(default_data_path()))


def split_command(argv: list[str]) -> tuple[str | None, list[str]]:
    """The command word and its arguments, with the options given before the word moved
    after it (`infoview --all --data F queue` is `infoview queue --all --data F`). (None,
    argv) when the arguments name no command (the app itself)."""
    moved: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in COMMANDS:
            return arg, argv[i + 1 :] + moved
        if not arg.startswith("-") or arg == "--":
            return None, argv  # a word that is no command: the app's own (it says what)
        if arg in WITH_VALUE and i + 1 < len(argv):
            moved += argv[i : i + 2]
            i += 2
            continue
        moved.append(arg)
        i += 1
    return None, argv


def safe_streams() -> None:
    """Never crash on output: what the terminal's encoding cannot show is replaced (see
    `plain`) instead of raising UnicodeEncodeError (PYTHONIOENCODING=ascii, a Latin-1
    terminal)."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, AttributeError):
                reconfigure(errors=errors)


def encodable(stream: TextIO, text: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def plain(stream: TextIO, text: str) -> str:
    """`text` as the stream's encoding can show it: accents dropped where the letter exists
    without them (Zoë -> Zoe), a few signs spelled out (· -> -), anything else '?'."""
    if encodable(stream, text):
        return text
    out = []
    for ch in text:
        if encodable(stream, ch):
            out.append(ch)
            continue
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", _PLAIN.get(ch, ch))
            if not unicodedata.combining(c)
        )  # fmt: skip
        out.append(bare if bare and encodable(stream, bare) else "?")
    return "".join(out)


def say(text: str, stream: TextIO | None = None) -> None:
    """Print a line for people, in what the terminal can show; a closed pipe is not an error."""
    stream = stream or sys.stdout
    try:
        stream.write(plain(stream, text) + "\n")
        stream.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stderr.close()


def fail(message: str, code: int = 1) -> int:
    """One line on stderr, and the exit code to return."""
    say(f"infoview: {message}", sys.stderr)
    return code


def data_path(given: Path | None) -> Path:
    from .paths import default_data_path

    return (given or default_data_path()).expanduser().absolute()


def data_path_problem(path: Path, *, make_folder: bool = False) -> str | None:
    """Why `path` cannot be a data file, or None. A missing folder is refused unless
    `make_folder` (the default data folder, made on the first run): a mistyped --data must
    not quietly make folders and an empty file."""
    if path.is_dir():
        return f"{path} is a folder, not a data file. Give a file path with --data."
    if path.exists() and not path.is_file():
        return (
            f"{path} is not a regular file (it is a device, a pipe or the like), so it "
            "cannot hold infoview's data. Give the path of a data file with --data."
        )
    if not make_folder and not path.parent.is_dir():
        return f"There is no folder {path.parent}: check the path, or create it first."
    return None


def chosen_data_path(given: Path | None) -> bool:
    """Whether the person named the data file (--data or $INFOVIEW_DATA), not the default."""
    import os

    from .paths import ENV_DATA

    return given is not None or bool(os.environ.get(ENV_DATA))


def missing_file(path: Path) -> str:
    return (
        f"there is no data file at {path}. infoview creates it the first time it opens; "
        "check --data or INFOVIEW_DATA."
    )


@contextlib.contextmanager
def demo_file(clock: Clock) -> Iterator[Path]:
    """A throwaway data file holding the demo data; gone afterwards."""
    import tempfile

    from .demo import build_demo
    from .store.store import Store

    with tempfile.TemporaryDirectory(prefix="infoview-demo-") as folder:
        path = Path(folder) / "infoview-demo.json"
        store = Store.open(path, clock)
        try:
            build_demo(store, clock.now())
        finally:
            store.close()
        yield path
