"""`infoview serve`: textual-serve, tightened for a person's private notes.

textual-serve starts one app process per browser tab and has no authentication; its page
loads a web font from elsewhere, and its log prints tracebacks with local variables. Here:
- it listens on 127.0.0.1 only, on the port asked for or any free one;
- a random token (new at every start) is part of the printed address; the page, the
  websocket and downloads answer 403 without it (compared in constant time). Only
  textual-serve's own static files (script, stylesheet, fonts) are open: they hold nothing
  of the person's;
- the page is our own (`index.html`): everything it needs comes from this server, and its
  Content-Security-Policy lets the browser fetch nothing from anywhere else;
- the log says what failed, never the traceback or the message of an exception;
- each tab runs `python -m infoview_tui.web.tab` (the `infoview` command itself); stopping
  the server first lets every open tab's app save and quit.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hmac
import json
import logging
import os
import secrets
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable
from html import escape
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TextIO
from urllib.parse import urlencode

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .tab import SAID

LOOPBACK = "127.0.0.1"
TAB_MODULE = "infoview_tui.web.tab"
CLOSE_PATIENCE = 120.0  # seconds the open tabs get to save when the server stops
BROWSER_MESSAGES = ("stdin", "resize", "ping", "blur", "focus")  # what `relay` passes on

log = logging.getLogger("infoview.serve")

DESCRIPTION = """\
Serve infoview to a web browser on this computer: the same app, every screen, in a browser
tab instead of a terminal (for a bigger screen, or for anyone who would rather not use a
terminal). It prints an address and opens nothing else: open that address in a browser on
this computer.

Private by design: the server listens on 127.0.0.1 only, so no other computer can reach it,
and the address carries a random token, new at every start, without which the server answers
403 Forbidden, so other people using this computer cannot open your data either. Nothing the
page needs comes from the internet.
"""

EPILOG = """\
Each tab runs its own infoview. One at a time can change the data file: a second tab, or a
tab opened while infoview runs in a terminal on the same file, says that infoview is already
open there, as the terminal does. Closing a tab saves, as quitting does (ctrl+q). Ctrl+C
stops the server after the open tabs have saved. If the server is killed, its tabs' apps
notice, save and quit by themselves; if they are killed too, the journal keeps what was
typed, as when the terminal app is killed.

Files infoview saves (a thank-you note, a meeting as Markdown, a calendar file, vCards) are
offered as downloads in the browser instead of being written beside the data file; the app
says so. Downloads go through this server and need the token too.

A browser keeps a few keys for itself (Chrome and Firefox: ctrl+n, ctrl+t, ctrl+w): in a
meeting, choose "Next" or "Add Q" in the command palette (ctrl+p) instead.
"""


def build_parser() -> argparse.ArgumentParser:
    from ..paths import ENV_DATA, default_data_path

    parser = argparse.ArgumentParser(
        prog="infoview serve",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--data",
        metavar="PATH",
        type=Path,
        help=f"the data file to open (else ${ENV_DATA}, else {default_data_path()})",
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help="sample data instead: each tab opens its own throwaway copy",
    )
    parser.add_argument(
        "--port",
        metavar="N",
        type=_port,
        default=0,
        help="the port on 127.0.0.1 to listen on (default: any free port)",
    )
    return parser


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return port


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.demo:
        tab_args, about = ["--demo"], "sample data (each tab its own copy, not saved)"
    else:
        from ..paths import default_data_path

        given = (args.data or default_data_path()).expanduser().absolute()
        refusal = _refusal(given)
        if refusal is not None:
            message, code = refusal
            print(f"infoview: {message}", file=sys.stderr)
            return code
        tab_args, about = ["--data", str(given)], str(given)
    server = InfoviewServer(tab_command(tab_args), token=secrets.token_urlsafe(32), port=args.port)
    server.about = about
    return server.run()


def _refusal(given: Path) -> tuple[str, int] | None:
    """Why tabs could not open `given` (as `infoview --data` would say it), checked once now
    so the person hears it here rather than in every tab; None when they can."""
    from ..store.access import read_only_reason, real_path
    from ..store.atomic import make_private_dirs
    from ..store.errors import StoreError
    from ..store.lock import DataLock

    path = real_path(given)
    if path.is_dir():
        return f"{given} is a folder, not a data file. Give a file path with --data.", 2
    if read_only_reason(path) is not None:
        return None  # each tab opens it read-only and says so
    lock = DataLock(path)
    try:
        make_private_dirs(path.parent)
        lock.acquire()  # held for a moment only: each tab takes it for itself
    except StoreError as err:
        return str(err), err.exit_code
    except OSError as err:
        return f"cannot use {given}: {err.strerror}", 2
    lock.release()
    return None


def tab_command(tab_args: list[str]) -> str:
    """The shell command textual-serve runs for each tab: this Python, this infoview."""
    argv = [sys.executable, "-m", TAB_MODULE, *tab_args]
    if os.name == "nt":  # pragma: no cover - cmd.exe
        import subprocess

        return subprocess.list2cmdline(argv)
    # exec: the app is the server's own child, so it sees the server go (end of its input).
    return "exec " + shlex.join(argv)


class _NoDetails(logging.Formatter):
    """One line per problem. An exception's traceback and message stay out: textual-serve
    relays keystrokes and the app's screen, so either may quote personal data."""

    def format(self, record: logging.LogRecord) -> str:
        level = record.levelname.lower()
        if record.exc_info and record.exc_info[0] is not None:
            kind = record.exc_info[0].__name__
            return f"infoview serve: {level}: {kind} (details withheld: they may hold your data)"
        return f"infoview serve: {level}: {record.getMessage()}"


def log_handler(stream: TextIO) -> logging.Handler:
    """What the server logs (aiohttp's and textual-serve's loggers too), one plain line each."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_NoDetails())
    return handler


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class InfoviewServer(Server):
    """textual-serve's Server on loopback, behind a token; see the module's docstring."""

    def __init__(self, command: str, *, token: str, port: int = 0) -> None:
        super().__init__(command, host=LOOPBACK, port=port, title="infoview")
        self.token = token
        self.about = ""
        here = files(__package__)
        self._page = Template(here.joinpath("index.html").read_text("utf-8"))
        self._script = here.joinpath("page.js").read_text("utf-8")
        self._tabs: set[AppService] = set()

    # ----- who may ask -------------------------------------------------------------------

    def has_token(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Everything but the static files (textual-serve's and our page script: nothing
        personal) needs the token: in the page's query,
        the websocket's path, or a download's `instance` (textual.js adds that itself)."""
        if request.path.startswith("/static/") or request.path == "/infoview.js":
            return await handler(request)
        given = (
            request.match_info.get("token")
            or request.query.get("token")
            or request.query.get("instance")
            or ""
        )
        if not self.has_token(given):
            return _forbidden()
        response = await handler(request)
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    def _same_origin(self, request: web.Request) -> bool:
        """A websocket opened by our own page (or by a program, which sends no Origin)."""
        origin = request.headers.get("Origin")
        ours = {f"http://{host}:{self.port}" for host in (LOOPBACK, "localhost")}
        return origin is None or origin in ours

    # ----- routes ------------------------------------------------------------------------
    # Our own aiohttp application and message relay, on textual-serve's public parts only
    # (AppService, DownloadManager, handle_download, its static files): its Server builds
    # its application and reads the browser's messages in private methods (`_make_app`,
    # `_process_messages`), which a release may change without notice. The messages its
    # page sends are checked against BROWSER_MESSAGES by tests/web/test_serve_protocol.py.

    async def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.get("/infoview.js", self.handle_script, name="script"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    async def handle_index(self, request: web.Request) -> web.Response:
        font_size = max(6, min(to_int(request.query.get("fontsize", "16"), 16), 64))
        query = {"token": self.token, **({"fontsize": font_size} if font_size != 16 else {})}
        websocket_url = f"ws://{LOOPBACK}:{self.port}/ws/{self.token}"
        page = self._page.substitute(
            page_url=escape("/?" + urlencode(query)),
            websocket_url=escape(websocket_url),
            font_size=font_size,
        )
        policy = (
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
            f"connect-src 'self' ws://{LOOPBACK}:{self.port} ws://localhost:{self.port}; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        )
        return web.Response(
            text=page, content_type="text/html", headers={"Content-Security-Policy": policy}
        )

    async def handle_script(self, request: web.Request) -> web.Response:
        return web.Response(text=self._script, content_type="text/javascript")

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's, plus: the page's origin is checked, the token is handed to the
        page for download links, and the tab's app is remembered so stopping can save it."""
        if not self._same_origin(request):
            raise web.HTTPForbidden(text="403: Forbidden\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        # textual.js adds `?instance=<this>` to the download links it opens.
        await websocket.send_json(["instance_id", self.token])

        async def close() -> None:
            await websocket.close()

        app_service = TabService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=False,
        )
        self._tabs.add(app_service)
        try:
            await app_service.start(width, height)
            await relay(websocket, app_service)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("a browser tab's connection failed")
        finally:
            # The tab closed (or the server stops): textual-serve asks the app to quit, which
            # saves as quitting does, and waits for it to end.
            await app_service.stop()
            self._tabs.discard(app_service)
            await websocket.close()
        return websocket

    # ----- running -----------------------------------------------------------------------

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, handlers=[log_handler(sys.stderr)], force=True)

    def run(self) -> int:
        self.initialize_logging()
        try:
            return asyncio.run(self._serve())
        except KeyboardInterrupt:  # pragma: no cover - where signals cannot be handled
            return 130
        except OSError as err:  # the port
            print(
                f"infoview: cannot listen on {LOOPBACK} port {self.port}: "
                f"{err.strerror or err}. Choose another with --port, or leave --port out to "
                "use any free port.",
                file=sys.stderr,
            )
            return 2

    async def _serve(self) -> int:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # pragma: no cover - Windows
                loop.add_signal_handler(signum, stop.set)
        runner = web.AppRunner(await self.make_app(), access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, LOOPBACK, self.port).start()
        except OSError:
            await runner.cleanup()
            raise
        self.port = runner.addresses[0][1]
        self._say_where()
        await stop.wait()
        if self._tabs:
            print(f"Closing {len(self._tabs)} open tab(s): saving first…", flush=True)
            await asyncio.wait(
                [asyncio.create_task(tab.stop()) for tab in self._tabs], timeout=CLOSE_PATIENCE
            )
        await runner.cleanup()
        print("infoview serve has stopped.", flush=True)
        return 0

    @property
    def address(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/?{urlencode({'token': self.token})}"

    def _say_where(self) -> None:
        print(
            f"infoview is served at this address, for a browser on this computer only:\n\n"
            f"    {self.address}\n\n"
            f"Data: {self.about}\n"
            "Keep the address to yourself: anyone with it can open your data. It changes at "
            "every start.\nClosing a tab saves, as quitting does. Ctrl+C stops the server "
            "(open tabs save first).",
            flush=True,
        )


async def relay(websocket: web.WebSocketResponse, app_service: AppService) -> None:
    """What the page sends, to the tab's app: keys and pastes, its size, focus; a ping is
    answered. Anything else (or not JSON) is ignored, as textual-serve ignores it."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except ValueError:
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await app_service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            width, height = to_int(str(data.get("width")), 80), to_int(str(data.get("height")), 24)
            await app_service.set_terminal_size(width, height)
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await app_service.blur()
        elif kind == "focus":
            await app_service.focus()


class TabService(AppService):
    """textual-serve's link to one tab's app, which also hears what the app's process says
    for the person at the server's terminal once the app has ended (see tab._pass_on)."""

    async def on_meta(self, data: bytes) -> None:
        meta = json.loads(data)
        if isinstance(meta, dict) and meta.get("type") == SAID:
            print(str(meta.get("text", "")), end="", file=sys.stderr, flush=True)
        else:
            await super().on_meta(data)


def _forbidden() -> web.Response:
    return web.Response(
        status=403,
        text="403: Forbidden. Open the address `infoview serve` printed, token and all.\n",
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )
