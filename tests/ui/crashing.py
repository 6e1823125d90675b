"""The real `infoview` with one thing made to fail, for the crash-privacy tests.

    python -m tests.ui.crashing screen|worker|queue|export|import [infoview arguments...]

`screen`: marking a follow-up done (`d` on Follow-ups) raises inside the screen's handler, with
the follow-up and the profile's private fields in local variables and in the exception's
message, as a real bug would have them. `worker`: the same key starts a thread worker that
fails so. `queue`, `export`, `import`: that command fails so, once it has read the file.
Everything else is the real program.
"""

from __future__ import annotations

import sys
from typing import Any


def failing(store: Any, item_id: int, *_args: Any) -> Any:
    item = store.followups.get(item_id)
    profile = store.profile()
    private = (profile.work_ability, profile.disclosure_plan)
    raise ValueError(f"could not finish {item.title!r} for {private!r}")


def main() -> int:
    where, argv = sys.argv[1], sys.argv[2:]
    from infoview_tui import cli
    from infoview_tui.services import followups

    if where == "screen":
        followups.complete = failing
    elif where == "worker":
        from infoview_tui.screens.followups.queue import QueueScreen

        def action_done(self: QueueScreen) -> None:
            item = self.current
            assert item is not None and item.id is not None
            self.run_worker(lambda: failing(self.store, item.id), thread=True)

        QueueScreen.action_done = action_done  # type: ignore[method-assign]
    elif where == "queue":
        from infoview_tui import queue_cli

        queue_cli.run = failing_command
    elif where in ("export", "import"):
        from infoview_tui import cli_exchange

        setattr(cli_exchange, f"_{where}", failing_command)
    return cli.main(argv)


def failing_command(argv: list[str], clock: Any) -> int:
    from infoview_tui.crash import report_beside
    from infoview_tui.store.store import Store

    path = report_beside(argv)
    assert path is not None
    store = Store.open(path, clock, readonly=True)
    item = store.followups.all()[0]
    return int(failing(store, item.id))


if __name__ == "__main__":
    sys.exit(main())
