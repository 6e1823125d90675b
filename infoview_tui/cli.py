"""The `infoview` command: parse arguments, take the file lock, start the app.

Kept light on imports: Textual is imported only once we know the app will run, and the
store (TinyDB) only on the app's worker thread, after the first frame.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .cli_common import DEFAULT_FILE, Parser, chosen_data_path, data_path_problem, split_command
from .paths import ENV_DATA, default_data_path

if TYPE_CHECKING:
    from .app import InfoviewApp
    from .clock import Clock


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="infoview",
        description=(
            "A keyboard-driven companion for informational interviews: prepare, meet, "
            "follow up. Everything stays in one JSON file on this computer."
        ),
        epilog=(
            "Commands (each has --help with examples): "
            "infoview queue [--json] [--all] prints the follow-ups overdue and due today "
            "without opening the app; "
            "infoview import contacts FILE [--dry-run] imports a LinkedIn export, CSV or vCard; "
            "infoview import json FILE restores an export into an empty file; "
            "infoview export md|json|ics|vcf|activity [-o PATH|-] writes your data for other "
            "programs; infoview serve [--port N] opens the same app in a browser on this "
            "computer. Every option works before or after the command. "
            "Examples: infoview --demo; infoview --data ~/sync/infoview.json; "
            "infoview queue --all; infoview export ics -o ~/infoview.ics --force. "
            f"Data file: --data, else ${ENV_DATA}, else {DEFAULT_FILE}"
        ),
    )
    parser.add_argument("--version", action="version", version=f"infoview {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data", metavar="PATH", type=Path, help="the data file to open")
    where.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway copy of sample data (your own file is not touched)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        return _main(argv)
    except KeyboardInterrupt:
        from .crash import say_on_stderr

        say_on_stderr("interrupted.")
        return 130
    except Exception as err:  # what nothing below foresaw: never a traceback (personal data)
        return _crashed(err, argv)


def _crashed(err: Exception, argv: list[str]) -> int:
    """One calm line and a private report beside the data file (see crash.py); exit 1."""
    from . import crash
    from .clock import Clock

    beside = crash.report_beside(argv)
    command, _rest = split_command(argv)
    report = crash.write_report(
        err,
        beside=beside,
        now=Clock().now(),
        private=crash.private_texts_in_file(beside),
        where=f"the command line (infoview {command or 'app'})",
    )
    crash.say_on_stderr(crash.crash_line(err, report, "What was saved before stays saved"))
    return 1


def _main(argv: list[str]) -> int:
    command, rest = split_command(argv)
    if command is not None:  # no Textual for these: they print and exit
        from .cli_common import safe_streams

        safe_streams()
        clock = _clock()
        if clock is None:
            return 2
        if command == "queue":  # a read-only glance: no lock
            from .queue_cli import run

            return run(rest, clock)
        if command == "serve":  # the app in a browser: textual-serve, loaded only for this
            from .web.server import main as serve

            return serve(rest)
        from . import cli_exchange

        if command == "import":
            return cli_exchange.run_import(rest, clock)
        return cli_exchange.run_export(rest, clock)
    if {"-h", "--help", "--version"} & set(argv):
        from .cli_common import safe_streams

        safe_streams()  # help text must not crash on an ASCII terminal either
    args = build_parser().parse_args(argv)
    if os.environ.get("TERM") == "dumb":
        print(
            "infoview: this terminal (TERM=dumb) cannot show a full-screen app; "
            "`infoview queue` prints what is due as plain text.",
            file=sys.stderr,
        )
        return 1
    clock = _clock()
    if clock is None:
        return 2
    if args.demo:
        return _run_demo(clock)
    given = (args.data or default_data_path()).expanduser().absolute()
    from .store.access import read_only_reason, real_path
    from .store.atomic import make_private_dirs
    from .store.errors import StoreError
    from .store.lock import DataLock

    path = real_path(given)  # a symlink (into a sync folder) is used through its target
    problem = data_path_problem(path, make_folder=not chosen_data_path(args.data))
    if problem:
        print(f"infoview: {problem}", file=sys.stderr)
        return 2
    from .launch import build_app

    if read_only_reason(path) is not None:
        # Opened read-only by the store: nothing is written, so no lock (and no lock file).
        return _run(build_app(clock, data=path, subtitle=str(given)))
    lock = DataLock(path)
    try:
        make_private_dirs(path.parent)
        lock.acquire()  # before any UI: a second instance says so and changes nothing
    except StoreError as err:
        print(f"infoview: {err}", file=sys.stderr)
        return err.exit_code
    except OSError as err:
        print(f"infoview: cannot use {given}: {err.strerror}", file=sys.stderr)
        return 2

    try:
        return _run(build_app(clock, data=path, lock=lock, subtitle=str(given)))
    finally:
        lock.release()


def _clock() -> Clock | None:
    """The real clock, or the day $INFOVIEW_NOW names; None after saying why it is unreadable."""
    from .clock import clock_from_env

    try:
        return clock_from_env()
    except ValueError as err:
        print(f"infoview: {err}", file=sys.stderr)
        return None


def _run_demo(clock: Clock) -> int:
    import tempfile

    from .launch import build_app

    with tempfile.TemporaryDirectory(prefix="infoview-demo-") as folder:
        return _run(build_app(clock, demo_in=Path(folder)))


def _run(app: InfoviewApp) -> int:
    import contextlib

    app.run()
    # The terminal may be gone (its window closed: SIGHUP): then there is no one to tell.
    with contextlib.suppress(OSError):
        if app.close_note:
            print(f"infoview: {app.close_note}", file=sys.stderr)
        if app.close_problem:
            print(f"infoview: {app.close_problem}", file=sys.stderr)
    if app.close_problem:
        return app.return_code or 1
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
