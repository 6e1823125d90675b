"""The `infoview` command: parse arguments, take the file lock, start the app.

Kept light on imports: Textual is imported only once we know the app will run, and the
store (TinyDB) only on the app's worker thread, after the first frame.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .paths import ENV_DATA, default_data_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infoview",
        description=(
            "A keyboard-driven companion for informational interviews: prepare, meet, "
            "follow up. Everything stays in one JSON file on this computer."
        ),
        epilog=(
            "infoview queue [--data PATH] [--json] [--all] prints the follow-ups overdue and "
            "due today without opening the app (see infoview queue --help). "
            f"Data file: --data, else ${ENV_DATA}, else {default_data_path()}"
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
    if argv[:1] == ["queue"]:  # a read-only glance: no Textual, no lock
        from .clock import Clock
        from .queue_cli import run

        return run(argv[1:], Clock())
    if argv[:1] == ["serve"]:  # the app in a browser: textual-serve, loaded only for this
        from .web.server import main as serve

        return serve(argv[1:])
    args = build_parser().parse_args(argv)
    from .clock import Clock

    clock = Clock()
    if args.demo:
        return _run_demo(clock)
    given = (args.data or default_data_path()).expanduser().absolute()
    from .store.access import read_only_reason, real_path
    from .store.atomic import make_private_dirs
    from .store.errors import StoreError
    from .store.lock import DataLock

    path = real_path(given)  # a symlink (into a sync folder) is used through its target
    if path.is_dir():
        print(
            f"infoview: {given} is a folder, not a data file. Give a file path with --data.",
            file=sys.stderr,
        )
        return 2
    if read_only_reason(path) is not None:
        # Opened read-only by the store: nothing is written, so no lock (and no lock file).

        def read_only_opener():
            from .store.store import Store

            return Store.open(path, clock)

        return _run_app(read_only_opener, clock, subtitle=str(given))
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

    def opener():
        from .store.store import Store

        return Store.open(path, clock, lock=lock)

    try:
        return _run_app(opener, clock, subtitle=str(given))
    finally:
        lock.release()


def _run_demo(clock) -> int:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="infoview-demo-") as folder:
        path = Path(folder) / "infoview-demo.json"

        def opener():
            from .demo import build_demo
            from .store.store import Store

            store = Store.open(path, clock)
            if not len(store.contacts):
                build_demo(store, clock.now())
            return store

        return _run_app(opener, clock, subtitle="demo · sample data, not saved")


def _run_app(opener, clock, subtitle: str) -> int:
    from .app import InfoviewApp

    app = InfoviewApp(opener, clock, subtitle=subtitle)
    app.run()
    if app.close_note:
        print(f"infoview: {app.close_note}", file=sys.stderr)
    if app.close_problem:
        print(f"infoview: {app.close_problem}", file=sys.stderr)
        return app.return_code or 1
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
