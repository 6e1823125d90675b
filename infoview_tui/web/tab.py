"""One browser tab's process: the `infoview` command itself, under Textual's web driver.

    python -m infoview_tui.web.tab --data PATH     (started by `infoview serve`, one per tab)

It runs exactly what `infoview --data PATH` runs (the same lock, the same app, the same save
on quitting), with three differences that only a browser needs:
- a refusal that comes before the app (the file is already open in another tab or a
  terminal) is shown in the tab, in the words the terminal prints, rather than a blank page;
- what the CLI says on stderr (a problem saving at the end, say) reaches the server's
  terminal; a crash's details go to a private report beside the data file, as in a terminal
  (crash.py), and only its path is passed on;
- the server going away quits the app cleanly (see `driver`), and so does a hang-up.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
import time
from pathlib import Path

DRIVER = "infoview_tui.web.driver:TabDriver"
SAID = "infoview_said"  # a message for the server's terminal (see server.TabService)
# A tab opened right after another closed (a reload) may find the file still locked for the
# moment the other app takes to save and exit: ask again for this long before saying so.
LOCK_PATIENCE = 3.0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Textual reads this once, when first imported (nothing above imports it).
    os.environ["TEXTUAL_DRIVER"] = DRIVER
    if hasattr(signal, "SIGHUP"):
        # The server's terminal closing must not kill the app mid-save: the server dies of the
        # hang-up, the end of input follows, and the app quits through its normal path.
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said):
            code = _run(argv, said)
    except Exception as err:  # a bug: the details may hold personal data, so to a report
        from .. import crash

        report = _report(err, argv)
        said.write(f"infoview: a browser tab's app {crash.crash_line(err, report)}\n")
        code = 1
    _pass_on(said.getvalue(), argv)
    return code


def _report(error: BaseException | str, argv: list[str]) -> Path | None:
    """A private report beside the data file (the temp folder for the demo), as the
    terminal app writes one; its path."""
    from .. import crash
    from ..clock import Clock

    beside = crash.report_beside(argv)
    return crash.write_report(
        error,
        beside=beside,
        now=Clock().now(),
        private=crash.private_texts_in_file(beside),
        where="a browser tab (infoview serve)",
    )


def _run(argv: list[str], said: io.StringIO) -> int:
    from ..cli import main as infoview
    from ..store.errors import FileLocked
    from .driver import TabDriver
    from .notice import NoticeApp

    deadline = time.monotonic() + LOCK_PATIENCE
    while True:
        said.seek(0)
        said.truncate()
        code = infoview(argv)
        if TabDriver.started or code != FileLocked.exit_code or time.monotonic() > deadline:
            break
        time.sleep(0.25)
    if not TabDriver.started and code != 0:
        # Refused before the app began: say why in the tab (and here, below).
        NoticeApp(said.getvalue().strip()).run()
    return code


def _pass_on(text: str, argv: list[str]) -> None:
    """Hand the server what this process wrote to stderr, for its terminal: as it is, but
    for a traceback something printed (it may quote personal data), kept in a private report
    beside the data file."""
    if not text:
        return
    if "Traceback" in text:
        report = _report(text, argv)
        where = f"Details for a bug report are in {report}" if report else "No report was kept"
        text = f"infoview: a browser tab's app stopped on an unexpected problem. {where}.\n"
    text = text if text.endswith("\n") else text + "\n"
    with contextlib.suppress(OSError):  # the server may be gone
        if _app_started():
            # textual-serve reads stderr only until the app's output ends, and may miss what
            # comes last: say it in the app's own stream, which it reads to the end.
            message = json.dumps({"type": SAID, "text": text}).encode("utf-8")
            packet = b"M" + len(message).to_bytes(4, "big") + message
            os.write(1, packet)  # standard output: the stream the web driver writes to
        else:
            sys.stderr.write(text)
            sys.stderr.flush()


def _app_started() -> bool:
    driver = sys.modules.get("infoview_tui.web.driver")
    return bool(driver and driver.TabDriver.started)


if __name__ == "__main__":
    sys.exit(main())
