"""`infoview queue`: what is due, printed for a daily glance without opening the app.

    infoview queue [--data PATH] [--json] [--all]

Prints overdue and today's open follow-ups as plain text and prints nothing at all when
nothing is due (so it can sit in a shell's start-up file); `--all` lists every open item;
`--json` writes one object for scripts. The file is opened read-only: no lock is taken, so a
running app is never blocked or blocked by it, and nothing on disk changes. Imports stay light
(no Textual): this must start about as fast as Python itself.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_common import DEFAULT_FILE, Parser, encodable, fail, missing_file, say
from .paths import ENV_DATA, default_data_path

if TYPE_CHECKING:
    from .clock import Clock
    from .domain.followups import Queue, Section
    from .domain.records import FollowUp
    from .store.glance import Glance


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="infoview queue",
        description=(
            "Print the follow-ups that are overdue or due today, for a daily glance. "
            "Prints nothing when nothing is due. Never changes or locks the data file."
        ),
        epilog=(
            f"Data file: --data, else ${ENV_DATA}, else {DEFAULT_FILE}. Examples: infoview queue; "
            "infoview queue --all --json; infoview --data ~/sync/infoview.json queue. "
            "Exits 2 when the data file is missing or cannot be read."
        ),
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="PATH", type=Path, help="the data file to read")
    source.add_argument("--demo", action="store_true", help="the demo data instead")
    parser.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    parser.add_argument(
        "--all", action="store_true", help="every open item, not only what is due today"
    )
    return parser


def run(argv: list[str], clock: Clock) -> int:
    # A short-lived process that builds millions of objects from the file and frees them all
    # by reference counting: cycle collection would only walk them (a third of the run time).
    gc.disable()
    args = build_parser().parse_args(argv)
    if args.demo:
        from .cli_common import demo_file

        with demo_file(clock) as path:
            return _run(args, path, clock)
    return _run(args, (args.data or default_data_path()).expanduser().absolute(), clock)


def _run(args: argparse.Namespace, path: Path, clock: Clock) -> int:
    now = clock.now()
    store = _open(path, clock)
    if isinstance(store, int):
        return store
    from .domain.dates import week_start
    from .domain.followups import OPEN_SECTIONS, Section, build_queue, flags, weeks_over_cap

    # Only what will be printed is decoded: open items, and for the daily glance only those
    # due by today (a 25 MB store holds 20,000 follow-ups).
    due_by = None if args.all else now.date()
    queue = build_queue(store.open_followups(due_by), now)
    sections = OPEN_SECTIONS if args.all else (Section.OVERDUE, Section.TODAY)
    rows = list(_rows(queue, sections))
    names = _contact_names(store, rows)
    profile = store.profile()
    # The Follow-ups screen's flags, by the same rule: a rest day, a week over the meeting cap.
    cap = profile.weekly_meeting_cap
    busy: set[date] = set()
    if cap is not None and rows:
        weeks = {week_start(item.due) for _, item in rows if item.due is not None}
        busy = weeks_over_cap(store.busy_meetings(weeks), cap, now.tzinfo, weeks=weeks)
    found: dict[int | None, list[str]] = {}
    by_day: dict[date | None, list[str]] = {}  # thousands of items share a few dozen days
    for _, item in rows:
        words = by_day.get(item.due)
        if words is None:
            words = by_day[item.due] = flags(item, profile.rest_days, busy)
        found[item.id] = words
    if args.json:
        payload = _as_json(rows, names, found, now.date())
        text = _json_text(payload, ascii_only=False)
        if not encodable(sys.stdout, text):  # an ASCII or Latin-1 terminal: escape, lose nothing
            text = _json_text(payload, ascii_only=True)
    elif rows:
        text = _as_text(rows, names, found, now.date(), queue)
    else:
        return 0  # nothing due: say nothing
    say(text)  # in what the terminal can show; a closed pipe (| head) is not an error
    return 0


def _open(path: Path, clock: Clock) -> Glance | int:
    """What the queue needs of the file (its follow-ups, profile and a few names), or an exit
    code after saying why not: a file that is missing (never "nothing due": a typo in --data
    must not pass for a quiet day) or unreadable. Only those tables are parsed (glance.py)."""
    if not path.exists():
        return fail(missing_file(path), 2)
    from .store.errors import StoreError
    from .store.glance import glance

    try:
        return glance(path)
    except StoreError as err:
        return fail(str(err), err.exit_code)


def _rows(queue: Queue, sections: tuple[Section, ...]) -> Iterator[tuple[Section, FollowUp]]:
    for section in sections:
        for item in queue.sections[section]:
            yield section, item


def _contact_names(store: Glance, rows: list[tuple[Section, FollowUp]]) -> dict[int, str]:
    """Names of only the contacts the listed items are for (decoding 30,000 would be slow)."""
    ids = {item.contact_id for _, item in rows if item.contact_id is not None}
    return store.contact_names(ids)


def _due_words(day: date | None, today: date) -> str:
    from .domain.timefmt import relative_day, short_date

    if day is None:
        return "no date"
    return f"{short_date(day, today)} ({relative_day(day, today)})"


def _as_text(
    rows: list[tuple[Section, FollowUp]],
    names: dict[int, str],
    found: dict[int | None, list[str]],
    today: date,
    queue: Queue,
) -> str:
    """A heading with counts, then each section: what to do, then for whom and why."""
    from .domain.timefmt import full_date

    counts = ", ".join(
        f"{queue.count(section)} {section.value}" for section in dict.fromkeys(s for s, _ in rows)
    )
    lines = [f"infoview · {full_date(today)}: {counts}"]
    current = None
    # Thousands of items share a few dozen days: word each day once.
    due_words: dict[date | None, str] = {}
    for section, item in rows:
        if section is not current:
            current = section
            lines += ["", f"{section.value.capitalize()} ({queue.count(section)})"]
        words = found.get(item.id)
        flag = f"  [{', '.join(words)}]" if words else ""
        when = due_words.get(item.due)
        if when is None:
            when = due_words[item.due] = _due_words(item.due, today)
        lines.append(f"  {when}  {_one_line(item.title) or '(untitled)'}{flag}")
        name = names.get(item.contact_id) if item.contact_id is not None else None
        detail = [f"for {_one_line(name)}"] if name else []
        if item.reason.strip():
            detail.append(_one_line(item.reason))
        if detail:
            lines.append(f"      {' · '.join(detail)}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """User text on one line, without control characters that could garble a terminal; the
    joiners inside an emoji or a Persian word are kept (they are not spaces)."""
    if not text.isprintable():  # rare: newlines, tabs, escapes, joiners
        from .domain.validation import clean_text

        text = clean_text(text)
    return " ".join(text.split())


def _json_text(payload: dict[str, Any], ascii_only: bool) -> str:
    """One object, an item per line: easy to read and to diff, and written by json's C encoder
    (`indent=` would switch to its Python one, three times slower on thousands of items)."""
    items = payload["items"]
    rest = json.dumps({k: v for k, v in payload.items() if k != "items"}, ensure_ascii=ascii_only)
    if not items:
        return rest[:-1] + ', "items": []}'
    lines = ",\n  ".join(json.dumps(item, ensure_ascii=ascii_only) for item in items)
    return rest[:-1] + ', "items": [\n  ' + lines + "\n]}"


def _as_json(
    rows: list[tuple[Section, FollowUp]],
    names: dict[int, str],
    found: dict[int | None, list[str]],
    today: date,
) -> dict[str, Any]:
    return {
        "today": today.isoformat(),
        "items": [
            {
                "id": item.id,
                "section": section.value,
                "kind": item.kind.value,
                "title": item.title,
                "due": item.due.isoformat() if item.due else None,
                "contact_id": item.contact_id,
                "contact": names.get(item.contact_id) if item.contact_id is not None else None,
                "interview_id": item.interview_id,
                "organization_id": item.organization_id,
                "reason": item.reason,
                "rest_day": "rest day" in found.get(item.id, ()),
                "busy_week": "busy week" in found.get(item.id, ()),
                "flags": found.get(item.id, []),
            }
            for section, item in rows
        ],
    }
