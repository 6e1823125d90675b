"""Saving a file for the person: the one helper every screen calls (thank-you, exports, ...).

    save_for_person(app, "thank-you-ada-2026-11-25.txt", text, what="The thank-you")

- In a terminal the file is written beside the data file (or in the `folder` given):
  atomically, readable by its owner only, never over an existing file without asking
  (a dialog offers to replace it), and never over the data file or its journal. The app says
  where it went.
- In a browser (`infoview serve`) the file is handed to the browser as a download instead
  (`App.deliver_binary`, through the server's token-guarded download link): the app runs on
  this computer, but the person is looking at the browser, and that is where they expect it.
  The app says so; a download that fails is reported by the app (`on_delivery_failed`).

`then` is called with a `SavedFile` once the file is written or handed over (not when the
person kept an existing file, or when writing failed: the message says why).
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..exports import is_data_file, write_new_file
from ..widgets.path_input import folder_problem

if TYPE_CHECKING:
    from ..app import InfoviewApp
    from ..dialogs.export import ExportChoice
    from ..services import Outcome
    from ..services.exports import Export

# Types a browser knows what to do with; anything else is offered as a plain download.
TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".ics": "text/calendar",
    ".vcf": "text/vcard",
    ".csv": "text/csv",
    ".json": "application/json",
}


@dataclass(frozen=True)
class SavedFile:
    name: str
    path: Path | None  # where it was written; None when the browser downloads it
    message: str  # what the app said: "Saved to /home/me/…" or "Your browser is downloading …"

    @property
    def downloaded(self) -> bool:
        return self.path is None


def in_browser(app: InfoviewApp) -> bool:
    """The app is shown in a browser tab (`infoview serve`), not a terminal."""
    return app.is_web


def mime_type(name: str) -> str:
    kind = TYPES.get(Path(name).suffix.casefold()) or mimetypes.guess_type(name)[0]
    if kind is None:
        return "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


def default_folder(app: InfoviewApp) -> Path:
    """Where files go unless the person types another folder: beside the data file."""
    return app.store.path.parent


def save_for_person(
    app: InfoviewApp,
    name: str,
    data: bytes | str,
    *,
    folder: Path | None = None,
    what: str = "The file",
    detail: str = "",
    then: Callable[[SavedFile], None] | None = None,
) -> None:
    """Save `data` as `name` for the person: a download in a browser, else a file in
    `folder` (the data file's folder by default). Says what happened, where they look;
    `detail` (what the file holds, one sentence) is said with it."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if in_browser(app):
        _deliver(app, name, raw, what, detail, then)
        return
    where = (folder or default_folder(app)).expanduser()
    problem = folder_problem(where)
    if problem is not None:
        _failed(app, f"{what} was not saved. {problem}")
        return
    target = where.absolute() / name
    if is_data_file(target, app.store.path):
        _failed(app, f"{what} was not saved: {target} is infoview's own data file.")
        return
    _write(app, target, raw, what, detail, then, replace=False)


def _write(
    app: InfoviewApp,
    target: Path,
    raw: bytes,
    what: str,
    detail: str,
    then: Callable[[SavedFile], None] | None,
    *,
    replace: bool,
) -> None:
    try:
        write_new_file(target, raw, force=replace)
    except FileExistsError:
        _ask_to_replace(app, target, raw, what, detail, then)
        return
    except IsADirectoryError:
        _failed(app, f"{what} was not saved: {target} is a folder.")
        return
    except OSError as err:
        _failed(app, f"{what} was not saved: {err.strerror or err} ({target}).")
        return
    message = f"Saved to {target}"
    app.notify(_with(message, detail), title="Saved", markup=False, timeout=8)
    if then is not None:
        then(SavedFile(target.name, target, message))


def _ask_to_replace(
    app: InfoviewApp,
    target: Path,
    raw: bytes,
    what: str,
    detail: str,
    then: Callable[[SavedFile], None] | None,
) -> None:
    from ..dialogs.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            _write(app, target, raw, what, detail, then, replace=True)
        else:
            app.notify(f"Nothing saved: {target.name} is kept as it was.", markup=False)

    app.push_screen(
        ConfirmScreen(
            "Replace the file?",
            f"{target} already exists. Replace it with this one?",
            yes="Replace",
            no="Keep it",
        ),
        answered,
    )


def _deliver(
    app: InfoviewApp,
    name: str,
    raw: bytes,
    what: str,
    detail: str,
    then: Callable[[SavedFile], None] | None,
) -> None:
    app.deliver_binary(
        io.BytesIO(raw),
        save_directory=default_folder(app),  # only named to the browser, never written to
        save_filename=name,
        mime_type=mime_type(name),
        name=what,
    )
    message = f"Your browser is downloading {name}"
    app.notify(
        _with(message + " (see its downloads)", detail), title="Download", markup=False, timeout=8
    )
    if then is not None:
        then(SavedFile(name, None, message))


def _with(message: str, detail: str) -> str:
    return f"{message}: {detail}" if detail else f"{message}."


def _failed(app: InfoviewApp, message: str) -> None:
    app.notify(message, title="Not saved", severity="error", markup=False, timeout=10)


def offer_export(
    app: InfoviewApp,
    title: str,
    make: Callable[[ExportChoice], Outcome[Export]],
    *,
    about: str = "",
    private: bool = False,
    todos: bool = False,
) -> None:
    """Say what an export holds and where it goes (ExportDialog), then save it for the person.
    `make` builds the export (a services.exports call) for the choices made; `about` says
    what kind of file it is; `private` and `todos` offer those choices (private notes only
    for an export that can hold them)."""
    from ..dialogs.export import ExportChoice, ExportDialog
    from ..services.exports import ExportError

    try:
        preview = make(ExportChoice())
    except ExportError as err:
        _failed(app, str(err))
        return

    def chosen(choice: ExportChoice | None) -> None:
        if choice is None:
            return
        try:
            outcome = make(choice)  # made again: what the file holds as the person saves it
        except ExportError as err:
            _failed(app, str(err))
            return
        export = outcome.value
        save_for_person(
            app, export.name, export.data, folder=choice.folder, what=title,
            detail=outcome.message.rstrip("."),
        )  # fmt: skip

    app.push_screen(
        ExportDialog(
            title,
            f"{about}\n{preview.message}" if about else preview.message,
            preview.value.name,
            folder=default_folder(app),
            browser=in_browser(app),
            private=private,
            todos=todos,
        ),
        chosen,
    )


def offer_meeting_markdown(app: InfoviewApp, meeting_id: int) -> None:
    """One meeting as Markdown (services.exports.export_md), through the export dialog: from
    the After screen and from the Meetings list alike."""
    from ..services.exports import export_md

    offer_export(
        app,
        "Export this meeting as Markdown",
        about="A Markdown file: the plan, questions asked and not, timed notes, captures, "
        "the reflection beside your earlier perceptions.",
        make=lambda choice: export_md(
            app.store,
            app.clock.now(),
            meeting=str(meeting_id),
            include_private=choice.include_private,
        ),
        private=True,
    )
