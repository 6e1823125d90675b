"""`infoview serve` on textual-serve's public parts only, and what that asks of textual-serve.

Our server builds its own aiohttp application and relays the page's messages itself (see
web/server.py). These tests fail when textual-serve changes under it: a page that sends a
message the relay does not pass on, or our server reaching into a private part of theirs.
"""

from __future__ import annotations

import ast
import asyncio
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import textual_serve
from aiohttp import WSMsgType
from textual_serve.app_service import AppService
from textual_serve.server import Server

from infoview_tui.web import server as ours

TEXTUAL_JS = Path(textual_serve.__file__).parent / "static" / "js" / "textual.js"


def test_every_message_textual_serve_s_page_sends_is_relayed():
    sent = set(re.findall(r'JSON\.stringify\(\["(\w+)"', TEXTUAL_JS.read_text("utf-8")))
    assert sent, "textual-serve's page script no longer looks as it did: read it again"
    assert sent == set(ours.BROWSER_MESSAGES)


def test_our_server_uses_nothing_private_of_textual_serve():
    theirs = {
        name
        for cls in (Server, AppService)
        for name in vars(cls)
        if name.startswith("_") and not name.startswith("__")
    }
    overridden = {name for name in vars(ours.InfoviewServer) if name in theirs}
    tree = ast.parse(Path(ours.__file__).read_text("utf-8"))
    reached = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)} & theirs
    assert (overridden, reached) == (set(), set())


@dataclass
class Message:
    data: str
    type: WSMsgType = WSMsgType.TEXT


@dataclass
class FakeSocket:
    messages: list[Message]
    sent: list[object] = field(default_factory=list)

    def __aiter__(self):
        async def each():
            for message in self.messages:
                yield message

        return each()

    async def send_json(self, data: object) -> None:
        self.sent.append(data)


@dataclass
class FakeTab:
    calls: list[tuple] = field(default_factory=list)

    async def send_bytes(self, data: bytes) -> bool:
        self.calls.append(("bytes", data))
        return True

    async def set_terminal_size(self, width: int, height: int) -> None:
        self.calls.append(("size", width, height))

    async def blur(self) -> None:
        self.calls.append(("blur",))

    async def focus(self) -> None:
        self.calls.append(("focus",))


def test_the_relay_passes_each_message_on_and_ignores_what_it_cannot_read():
    socket = FakeSocket(
        [
            Message(json.dumps(["stdin", "héllo 👋"])),
            Message(json.dumps(["resize", {"width": 120, "height": 40}])),
            Message(json.dumps(["ping", "1700000000"])),
            Message(json.dumps(["blur"])),
            Message(json.dumps(["focus"])),
            Message("not json"),
            Message(json.dumps({"stdin": "x"})),
            Message(json.dumps([])),
            Message(json.dumps(["stdin", 5])),
            Message("", type=WSMsgType.BINARY),
        ]
    )
    tab = FakeTab()
    asyncio.run(ours.relay(socket, tab))  # type: ignore[arg-type]
    assert tab.calls == [
        ("bytes", "héllo 👋".encode()),
        ("size", 120, 40),
        ("blur",),
        ("focus",),
    ]
    assert socket.sent == [["pong", "1700000000"]]
