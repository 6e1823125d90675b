"""`infoview import` and `infoview export`: data in and out from the shell.

    infoview import contacts FILE [--dry-run] [--map "Column=field,..."] [--verbose]
    infoview import json FILE [--dry-run]
    infoview export md|json|ics|vcf|activity [-o PATH|-] [--force] [--include-private]
                    [--from DATE] [--to DATE] [--meeting ID] [--todos] [--format csv|md]

Both take --data PATH (or INFOVIEW_DATA, else the usual file) or --demo, before or after the
command. Imports take the app's file lock (a running infoview refuses them with its usual
message) and write in one batch; --dry-run only reads. Exports read the file without locking
(like `infoview queue`) and never change it. Every error is one line and a non-zero exit:
1 for a file or an option that cannot be used, 2 for a data file that cannot be read (as the
app), 3 for a data file in use, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_common import (
    chosen_data_path,
    data_path,
    data_path_problem,
    demo_file,
    fail,
    missing_file,
    say,
)
from .domain.when_reader import NEXT_RULE
from .paths import NEW_FILE

if TYPE_CHECKING:
    from .clock import Clock
    from .store.store import Store

IMPORT_EXAMPLES = """\
examples:
  infoview import contacts ~/Downloads/Connections.csv --dry-run
  infoview import contacts ~/Downloads/Basic_LinkedInDataExport_12-03-2026.zip
  infoview import contacts people.csv --map "Full Name=name,Org=company"
  infoview import contacts phone-contacts.vcf
  infoview --data new.json import json infoview-2026-12-03.json

--dry-run shows what would happen (new, matched and updated, skipped with the row and why)
and writes nothing. People are matched to contacts you have by vCard UID, profile URL, email,
then the same name at the same employer; importing a file twice adds nothing. --map fields:
name, first_name, middle_name, last_name, email, company, job_title, url, phone, notes,
connected_on, ignore.
"""

EXPORT_EXAMPLES = """\
kinds:
  md        meetings as Markdown: plan, questions asked and not, timed notes, captures,
            reflection beside your perceptions (--meeting NUMBER|NAME for one)
  json      the whole store as versioned JSON (restore with 'infoview import json')
  ics       meetings with a date, and open follow-ups as all-day events (--todos: as to-dos)
  vcf       contacts as vCards (stable UIDs: importing them again updates, never doubles)
  activity  dated networking activity (date, what, who, employer, outcome) for work-search
            logs, as CSV (--format md: a Markdown table)

examples:
  infoview export ics -o ~/infoview.ics --force
  infoview export md --meeting "Ada" -o -
  infoview export activity --from 1/11 --to 30/11 -o november.csv
  infoview export json --include-private -o backup.json

Files are written atomically, readable only by you (mode 600), and never over an existing
file unless --force; -o - writes to standard output. Without -o the file goes in the current
folder under a name with today's date. Work-ability notes and the disclosure plan are in no
export unless --include-private (md and json can hold them). Dates in --from/--to are read
like dates in the app, day and month in the order set under Me; for md and activity, which
look back, a date without a year is its last one (--from 25/12 in March: last Christmas).
Weekdays, as in every date field: {next_rule};
last fri = Friday of last week. What was read is printed with the result.
"""


def _common(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data", metavar="PATH", type=Path, help="the data file")
    where.add_argument("--demo", action="store_true", help="use a throwaway copy of the demo data")


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infoview import",
        description="Import contacts (a LinkedIn export, a CSV, vCards) or a whole JSON export.",
        epilog=IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = parser.add_subparsers(dest="kind", metavar="contacts|json")
    kinds.required = True
    contacts = kinds.add_parser(
        "contacts",
        help="people from LinkedIn's Connections.csv or its ZIP, a CSV with a header, a .vcf",
        description="Import people from LinkedIn's export (Connections.csv, or the ZIP as "
        "downloaded), a CSV with a header row, or a vCard file.",
        epilog=IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    contacts.add_argument("file", type=Path, help="the file to import")
    contacts.add_argument("--dry-run", action="store_true", help="show what would happen only")
    contacts.add_argument("--map", metavar="MAP", help='CSV columns to fields: "Org=company,..."')
    contacts.add_argument("--verbose", action="store_true", help="list every row, not 10 of each")
    _common(contacts)
    restore = kinds.add_parser(
        "json",
        help="a whole store from 'infoview export json', into an empty data file",
        description="Restore an 'infoview export json' file into an empty data file.",
        epilog=IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    restore.add_argument("file", type=Path, help="the export to restore")
    restore.add_argument("--dry-run", action="store_true", help="check and count only")
    _common(restore)
    return parser


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infoview export",
        description="Write your data in another format. Reads the data file without changing "
        "or locking it.",
        epilog=EXPORT_EXAMPLES.format(next_rule=NEXT_RULE),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=("md", "json", "ics", "vcf", "activity"), metavar="KIND",
                        help="md, json, ics, vcf or activity (see below)")  # fmt: skip
    parser.add_argument("-o", "--output", metavar="PATH", help="where to write; - for stdout")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="include work-ability notes and the disclosure plan (md, json)",
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help="from this day (md, ics, activity)"
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help="up to this day, included")
    parser.add_argument("--meeting", metavar="ID", help="md: one meeting, by number or name")
    parser.add_argument("--todos", action="store_true", help="ics: follow-ups as VTODOs")
    parser.add_argument("--format", choices=("csv", "md"), help="activity: csv (default) or md")
    _common(parser)
    return parser


@contextmanager
def _source(args: argparse.Namespace, clock: Clock) -> Iterator[Path]:
    if args.demo:
        with demo_file(clock) as path:
            yield path
    else:
        yield data_path(args.data)


def _guarded(run: Any, argv: list[str], clock: Clock, what: str) -> int:
    """Run a command; anything unforeseen is one line, never a traceback (which can print
    personal data), and a private report beside the data file says where (crash.py)."""
    try:
        return int(run(argv, clock))
    except KeyboardInterrupt:
        return fail(f"interrupted; {what}.", 130)
    except Exception as err:
        from . import crash

        beside = crash.report_beside(argv)
        report = crash.write_report(
            err,
            beside=beside,
            now=clock.now(),
            private=crash.private_texts_in_file(beside),
            where=f"the command line (infoview {run.__name__.strip('_')})",
        )
        where = (
            f"A report for a bug (no local variables, no private notes) is in {report}."
            if report is not None
            else "No report could be written (the disk refused)."
        )
        return fail(f"something went wrong ({type(err).__name__}); {what}. {where}", 1)


# ----- import ---------------------------------------------------------------------------------


def run_import(argv: list[str], clock: Clock) -> int:
    return _guarded(_import, argv, clock, "nothing was imported")


def _import(argv: list[str], clock: Clock) -> int:
    args = import_parser().parse_args(argv)
    if args.kind == "contacts":
        return _import_contacts(args, clock)
    return _import_json(args, clock)


def _open_for_writing(path: Path, clock: Clock, *, make_folder: bool = False) -> Store | int:
    """The store with the app's lock held, or an exit code after saying why not. A new file
    is announced; its folder is made only when it is the default one (`make_folder`)."""
    from .store.atomic import make_private_dirs
    from .store.errors import StoreError
    from .store.lock import DataLock
    from .store.store import Store

    problem = data_path_problem(path, make_folder=make_folder)
    if problem:
        return fail(problem, 2)
    lock = DataLock(path)
    try:
        make_private_dirs(path.parent)
        lock.acquire()
        store = Store.open(path, clock, lock=lock)
    except StoreError as err:
        lock.release()
        return fail(str(err), err.exit_code)
    except OSError as err:
        lock.release()
        return fail(f"cannot use {path}: {err.strerror or err}.", 2)
    if store.readonly:
        return fail(
            f"nothing was imported: the data file is read-only ({store.readonly_reason}).", 2
        )
    if store.created:
        say(NEW_FILE.format(path=path))
    return store


def _open_for_reading(path: Path, clock: Clock) -> Store | int:
    from .store.errors import StoreError
    from .store.store import Store

    if not path.exists():
        return fail(missing_file(path), 2)
    try:
        return Store.open(path, clock, readonly=True)
    except StoreError as err:
        return fail(str(err), err.exit_code)


def _close(store: Store) -> int:
    store.close()
    if store.close_problem:
        return fail(store.close_problem, 2)
    return 0


def _import_contacts(args: argparse.Namespace, clock: Clock) -> int:
    from .exchange.import_plan import plan_import
    from .exchange.people import ReadError
    from .services import imports

    now = clock.now()
    try:
        contents = imports.read_contacts(args.file.expanduser(), args.map)
    except ReadError as err:
        return fail(str(err), 1)
    limit = None if args.verbose else 10
    with _source(args, clock) as path:
        if args.dry_run:
            if not path.exists() and not args.demo:
                plan = plan_import(contents, [], [], now)
            else:
                store = _open_for_reading(path, clock)
                if isinstance(store, int):
                    return store
                plan = imports.plan_contacts(store, contents, now)
            for line in plan.report(limit):
                say(line)
            say("")
            say(f"Dry run: nothing was written to {path}.")
            return 0
        store = _open_for_writing(path, clock, make_folder=not chosen_data_path(args.data))
        if isinstance(store, int):
            return store
        try:
            plan = imports.plan_contacts(store, contents, now)
            outcome = imports.apply_contacts(store, plan, now)
        finally:
            code = _close(store)
        for line in outcome.value.report(limit):
            say(line)
        say("")
        say(f"{outcome.message} Saved in {path}.")
        return code


def _import_json(args: argparse.Namespace, clock: Clock) -> int:
    from .exchange.people import ReadError
    from .services import imports

    try:
        restorable = imports.read_export(args.file.expanduser())
    except ReadError as err:
        return fail(str(err), 1)
    with _source(args, clock) as path:
        if args.dry_run:
            if path.exists():
                store = _open_for_reading(path, clock)
                if isinstance(store, int):
                    return store
                plan = imports.plan_restore(store, restorable)
            else:
                plan = imports.RestorePlan(restorable, [])
            for line in plan.report():
                say(line)
            if plan.blockers:
                return 1
            say(f"Dry run: nothing was written to {path}.")
            return 0
        store = _open_for_writing(path, clock, make_folder=not chosen_data_path(args.data))
        if isinstance(store, int):
            return store
        try:
            plan = imports.plan_restore(store, restorable)
            if plan.blockers:
                for line in plan.report():
                    say(line)
                return fail("nothing was imported.", 1)
            outcome = imports.apply_restore(store, plan)
        finally:
            code = _close(store)
        for note in outcome.value.notes:
            say(note)
        say(f"{outcome.message} Saved in {path}.")
        return code


# ----- export ---------------------------------------------------------------------------------


def run_export(argv: list[str], clock: Clock) -> int:
    return _guarded(_export, argv, clock, "nothing was written")


def _day(
    text: str | None, what: str, now: datetime, day_first: bool, looking_back: bool = False
) -> date | str | None:
    """A --from/--to date read as the app reads dates (`looking_back`: a yearless date is the
    last one, as for a report); a message string when it cannot be read."""
    if text is None:
        return None
    from .domain.when_reader import DateError, parse_past_day, parse_when

    try:
        reader = parse_past_day if looking_back else parse_when
        return reader(text, now, day_first=day_first).day
    except DateError as err:
        return f"{what} {text!r}: {err}"


def _period(start: date | None, end: date | None) -> str:
    """The days an export covers, in full: what was made of --from and --to."""
    from .domain.timefmt import full_date

    if start and end:
        return f" From {full_date(start)} to {full_date(end)}."
    if start:
        return f" From {full_date(start)} on."
    return f" Up to {full_date(end)}." if end else ""


def _export(argv: list[str], clock: Clock) -> int:
    args = export_parser().parse_args(argv)
    wrong = [
        (args.meeting is not None and args.kind != "md", "--meeting is for 'export md'"),
        (args.todos and args.kind != "ics", "--todos is for 'export ics'"),
        (args.format is not None and args.kind != "activity", "--format is for 'export activity'"),
        (args.kind in ("json", "vcf") and (args.start or args.end),
         f"--from and --to are not for 'export {args.kind}': it holds everything"),
    ]  # fmt: skip
    for bad, message in wrong:
        if bad:
            return fail(message + ".", 1)
    with _source(args, clock) as path:
        store = _open_for_reading(path, clock)
        if isinstance(store, int):
            return store
        return _write_export(args, store, clock, path)


def _write_export(args: argparse.Namespace, store: Store, clock: Clock, data_file: Path) -> int:
    from .exports import is_data_file, write_new_file
    from .services import exports
    from .services.exports import ExportError

    now = clock.now()
    day_first = store.profile().day_first
    # Meetings and activity are looked back on: "--from 25/12" in March is last Christmas.
    looking_back = args.kind in ("md", "activity")
    start = _day(args.start, "--from", now, day_first, looking_back)
    end = _day(args.end, "--to", now, day_first, looking_back)
    for value in (start, end):
        if isinstance(value, str):
            return fail(value, 1)
    assert not isinstance(start, str) and not isinstance(end, str)
    if looking_back and start and end and end < start:
        # "--from 1/12 --to 31/3" typed in March: the span runs to this month's end. A --to
        # further ahead than a month is more likely the two swapped: that is refused below.
        ahead = _day(args.end, "--to", now, day_first)
        if isinstance(ahead, date) and start <= ahead <= now.date() + timedelta(days=31):
            end = ahead
    if start and end and start > end:
        return fail(f"--from ({start}) is after --to ({end}).", 1)
    try:
        if args.kind == "md":
            outcome = exports.export_md(store, now, meeting=args.meeting, start=start, end=end,
                                        include_private=args.include_private)  # fmt: skip
        elif args.kind == "json":
            outcome = exports.export_json(store, now, include_private=args.include_private)
        elif args.kind == "ics":
            outcome = exports.export_ics(store, now, start=start, end=end, todos=args.todos)
        elif args.kind == "vcf":
            outcome = exports.export_vcf(store, now)
        else:
            md = args.format == "md" or (args.format is None and str(args.output).endswith(".md"))
            outcome = exports.export_activity(store, now, start=start, end=end, markdown_table=md)
    except ExportError as err:
        return fail(str(err), 1)
    export = outcome.value
    if args.output == "-":
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(export.data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            sys.stderr.close()
            return 0
        say(f"infoview: {outcome.message}{_period(start, end)}", sys.stderr)
        return 0
    target = Path(args.output).expanduser() if args.output else Path(export.name)
    target = target.absolute()
    if is_data_file(target, data_file):
        return fail(f"{target} is infoview's own data file (or beside it); choose another.", 1)
    try:
        write_new_file(target, export.data, force=args.force)
    except FileExistsError:
        return fail(f"{target} exists; add --force to replace it.", 1)
    except IsADirectoryError:
        return fail(f"{target} is a folder; give a file name.", 1)
    except OSError as err:
        return fail(f"could not write {target}: {err.strerror or err}.", 1)
    say(f"Wrote {target}: {outcome.message}{_period(start, end)}")
    return 0
