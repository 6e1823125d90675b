"""Where infoview's files live: the user's data file and the stylesheets."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "infoview"
DATA_FILENAME = "infoview.json"
ENV_DATA = "INFOVIEW_DATA"
NEW_FILE = "New data file created at {path}"  # said by the app and the commands that make one


def default_data_path() -> Path:
    """The per-user data file: $INFOVIEW_DATA, else the platform's user data directory."""
    env = os.environ.get(ENV_DATA)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # deferred: only needed when no path was given

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DATA_FILENAME


def styles_dir() -> Path:
    """The folder of .tcss files, in a built wheel (inside the package) or a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "styles", here.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate
    raise FileNotFoundError("infoview's stylesheets are missing; reinstall infoview")


def stylesheet(name: str) -> Path:
    return styles_dir() / name
