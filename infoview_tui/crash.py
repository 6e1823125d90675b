"""When something unforeseen fails: a private report for a bug, and one calm line.

Python's and Textual's crash reports put local variables and exception messages on the
terminal, and those hold what the person typed: names, notes, follow-ups, health details.
Here instead the terminal gets one line saying where the report is, and the report goes to a
file readable only by its owner, beside the data file (`infoview.crash-<time>.txt`; in the
system temp folder when no data file is known, or its folder refuses). It holds the exception's
type, its message, and each frame's file, line, function and line of code: never a local
variable, and never the contents of the private fields (the profile's work-ability notes and
disclosure plan), which are blanked out of every message.

Used by the app (any exception that escapes a screen, a dialog, a worker or a timer), by the
shell commands, and by a browser tab's process. Imports nothing heavy: it runs when things
have already gone wrong.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import sys
import traceback
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

REPORT_MARK = ".crash-"
if TYPE_CHECKING:
    from .store.store import Store

BLANKED = "[private]"
_WORD = re.compile(r"\w[\w'’-]*\w")
MIN_WORD = 4  # shorter words say little on their own and are everywhere in code


def report_name(beside: Path | None, now: datetime) -> str:
    stem = beside.stem if beside is not None else "infoview"
    return f"{stem}{REPORT_MARK}{now:%Y%m%d-%H%M%S}.txt"


def scrub(text: str, private: Iterable[str], *, words: bool = True) -> str:
    """`text` with every private value blanked out: whole, line by line, sentence by
    sentence, and (with `words`) each longer word of it, also as repr() and JSON escape
    them, so a message that quotes part of a field gives nothing of it away."""
    pieces: set[str] = set()
    for value in private:
        if not isinstance(value, str) or not value.strip():
            continue
        parts = {value, *value.splitlines(), *re.split(r"(?<=[.;:!?])\s+", value)}
        if words:
            parts.update(w for w in _WORD.findall(value) if len(w) >= MIN_WORD)
        for part in parts:
            part = part.strip()
            if len(part) < MIN_WORD and part != value.strip():
                continue
            pieces.update({part, repr(part)[1:-1], json.dumps(part)[1:-1]})
    for piece in sorted((p for p in pieces if p), key=len, reverse=True):
        text = text.replace(piece, BLANKED)
    return text


def _message(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:  # a broken __str__ must not hide the report
        return "(the message could not be read)"


def describe(error: BaseException, private: Iterable[str] = ()) -> str:
    """The exception and the ones it came from, frames and messages, without local variables
    or private contents."""
    private = list(private)
    blocks: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines = ["Traceback (most recent call last; no local variables are kept):"]
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {scrub(frame.line.strip(), private, words=False)}")
        message = scrub(_message(current), private)
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        lines.append(f"{kind}: {message}" if message else kind)
        for note in getattr(current, "__notes__", None) or []:
            lines.append(f"  note: {scrub(str(note), private)}")
        blocks.append("\n".join(lines))
        if current.__cause__ is not None:
            blocks.append("The exception above was the direct cause of the one below.")
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            blocks.append("The one below happened while handling the exception above.")
            current = current.__context__
        else:
            current = None
    return "\n\n".join(reversed(blocks))


def _header(now: datetime, where: str) -> str:
    from . import __version__

    return "\n".join(
        [
            "infoview crash report",
            f"when: {now.isoformat(timespec='seconds')}",
            f"where: {where}",
            f"infoview {__version__}, Python {platform.python_version()}, {platform.platform()}",
            "Local variables and the contents of the private fields (work-ability notes, "
            "disclosure plan) are not in this report. Other messages may name records: read "
            "it before you share it.",
        ]
    )


def _create(path: Path, text: str) -> Path:
    """Write a new file readable by its owner only; never over an existing one."""
    candidate, n = path, 1
    while True:
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            n += 1
            candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as out:
        out.write(text)
    return candidate


def write_report(
    error: BaseException | str,
    *,
    beside: Path | None,
    now: datetime,
    private: Iterable[str] = (),
    where: str = "",
) -> Path | None:
    """Write the report (an exception, or text such as a traceback another part printed) and
    return its path: beside the data file `beside`, else in the temp folder; None if neither
    would take it (the caller still says one calm line)."""
    private = list(private)
    body = describe(error, private) if isinstance(error, BaseException) else scrub(error, private)
    text = f"{_header(now, where or 'infoview')}\n\n{body}\n"
    import tempfile

    folders = [beside.parent] if beside is not None else []
    folders.append(Path(tempfile.gettempdir()))
    name = report_name(beside, now)
    for folder in folders:
        with contextlib.suppress(OSError):
            return _create(folder / name, text)
    return None


def private_texts_of(profile: object) -> list[str]:
    """The private fields' contents of a Profile (see domain.records.PRIVATE_PROFILE_FIELDS)."""
    from .domain.records import PRIVATE_PROFILE_FIELDS

    return [str(getattr(profile, name, "") or "") for name in PRIVATE_PROFILE_FIELDS]


def private_texts_of_store(store: Store) -> list[str]:
    """Every private text an open store holds: the profile's private fields and what each
    meeting cost me in my words (its energy `feeling`, as private as the notes)."""
    texts = private_texts_of(store.profile())
    with contextlib.suppress(Exception):
        for interview in store.interviews.all():
            if interview.energy is not None and interview.energy.feeling:
                texts.append(interview.energy.feeling)
    return texts


def private_texts_in_file(path: Path | None) -> list[str]:
    """The private fields as the data file holds them ([] when it cannot be read)."""
    if path is None:
        return []
    try:
        from .store.glance import glance

        return private_texts_of(glance(path).profile())
    except Exception:  # reading the file is part of what may have failed
        return []


def crash_line(error: BaseException, report: Path | None, saved: str | None = None) -> str:
    """The one line for the terminal (after "infoview: "): what kind of problem, what became
    of the data, and where the report is. Never the message (it may quote the person's data)."""
    kind = type(error).__name__
    data = saved.rstrip(".") + "." if saved else "Everything you typed was saved."
    where = (
        f"A report for a bug (no local variables, no private notes) is in {report}."
        if report is not None
        else "No report could be written (the disk refused)."
    )
    return f"stopped on an unexpected problem ({kind}). {data} {where}"


def report_beside(argv: list[str]) -> Path | None:
    """The data file a command line names (--data, $INFOVIEW_DATA, else the usual file), for
    a report beside it; None with --demo (its folder is gone by the time anyone looks)."""
    if "--demo" in argv:
        return None
    given: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--data" and i + 1 < len(argv):
            given = argv[i + 1]
        elif arg.startswith("--data="):
            given = arg.split("=", 1)[1]
    try:
        from .paths import default_data_path

        return (Path(given) if given is not None else default_data_path()).expanduser().absolute()
    except Exception:
        return None


def say_on_stderr(line: str) -> None:
    """One line on stderr; a terminal that is gone is no reason for another traceback."""
    with contextlib.suppress(Exception):
        sys.stderr.write(f"infoview: {line}\n")
        sys.stderr.flush()
