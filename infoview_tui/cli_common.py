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
GLOBAL_WITH_VALUE = ("--data",)
GLOBAL_FLAGS = ("--demo",)
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
    """The command word and its arguments, with global options given before the word moved
    after it (`infoview --data F queue` is `infoview queue --data F`). (None, argv) when the
    arguments name no command (the app itself)."""
    moved: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in COMMANDS:
            return arg, argv[i + 1 :] + moved
        if arg in GLOBAL_WITH_VALUE and i + 1 < len(argv):
            moved += argv[i : i + 2]
            i += 2
            continue
        if arg.split("=", 1)[0] in GLOBAL_WITH_VALUE or arg in GLOBAL_FLAGS:
            moved.append(arg)
            i += 1
            continue
        return None, argv  # anything else before a command word: the app's own options
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
