"""Terminal input on its way to Textual: control sequences are taken out of pastes first.

A terminal wraps a paste in "bracketed paste" markers (ESC [200~ … ESC [201~). Textual
8.2.8's parser gathers what lies between them into one Paste event, but an escape sequence
inside a paste (text copied from a coloured terminal: `one\\x1b[31mtwo three`) derails it:
what follows the escape is sent on as key presses, and the Paste with the text before it
comes last, so the field showed `^[31mtwo threeone` (an enter in there could even keep a
note half-way). `PasteFilter` removes every control sequence between the markers before the
parser sees them, so the paste arrives whole, in order, as the text a person sees. Input
outside a paste passes through untouched and at once (an escape key is never held back).

`PasteSafeDriver` is Textual's Linux/macOS driver with the filter in front of its parser
(a pipe it reads instead of the terminal); the app uses it wherever Textual would use that
driver (`InfoviewApp.get_driver_class`).
"""

from __future__ import annotations

import os
import re
import selectors
import threading
from codecs import getincrementaldecoder

from textual.drivers.linux_driver import LinuxDriver

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
ESC = "\x1b"
# 8-bit openers, as ESC and a letter: CSI, OSC, DCS, SOS, PM, APC.
_C1_OPENERS = {"\x9b": "[", "\x9d": "]", "\x90": "P", "\x98": "X", "\x9e": "^", "\x9f": "_"}
_SEQUENCE_START = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")


def _in(ch: str, low: int, high: int) -> bool:
    return low <= ord(ch) <= high


def sequence_length(text: str, i: int) -> int | None:
    """How many characters from text[i] (an ESC or an 8-bit opener) make up one control
    sequence, to be dropped; None if text ends before it does (more input will follow).

    As ECMA-48 has them: CSI (ESC [ parameters, intermediates, a final byte), the strings
    OSC, DCS, SOS, PM and APC (up to BEL or ST; another ESC cuts them short, so the end of
    the paste is always seen), and ESC with intermediates and a final byte. A sequence
    broken by a character that cannot be in it ends before that character."""
    n = len(text)
    if text[i] == ESC:
        if i + 1 >= n:
            return None
        kind, j = text[i + 1], i + 2
        if kind not in "[]PX^_":
            j = i + 1
            while j < n and _in(text[j], 0x20, 0x2F):
                j += 1
            if j >= n:
                return None
            return j + 1 - i if _in(text[j], 0x30, 0x7E) else j - i
    else:
        kind, j = _C1_OPENERS[text[i]], i + 1
    if kind == "[":
        while j < n and _in(text[j], 0x30, 0x3F):
            j += 1
        while j < n and _in(text[j], 0x20, 0x2F):
            j += 1
        if j >= n:
            return None
        return j + 1 - i if _in(text[j], 0x40, 0x7E) else j - i
    while j < n:  # a string, up to BEL or ST (ESC \ or 8-bit)
        ch = text[j]
        if ch in "\x07\x9c":
            return j + 1 - i
        if ch == ESC:
            if j + 1 >= n:
                return None
            return j + 2 - i if text[j + 1] == "\\" else j - i
        j += 1
    return None


class PasteFilter:
    """Feed it terminal input as it is read; it gives the same input back with every
    control sequence inside a bracketed paste left out. Keeps its place between reads: a
    marker or a sequence may be split across two."""

    def __init__(self) -> None:
        self.in_paste = False
        self._held = ""  # the start of a sequence inside a paste, waiting for its end
        self._tail = ""  # the last characters passed outside a paste: a start marker's start

    def feed(self, data: str) -> str:
        text, self._held = self._held + data, ""
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            if not self.in_paste:
                seen = self._tail + text[i:]
                found = seen.find(PASTE_START)
                if found < 0:
                    out.append(text[i:])
                    self._tail = seen[-(len(PASTE_START) - 1) :]
                    break
                after = i + found + len(PASTE_START) - len(self._tail)
                out.append(text[i:after])
                i, self.in_paste, self._tail = after, True, ""
                continue
            match = _SEQUENCE_START.search(text, i)
            if match is None:
                out.append(text[i:])
                break
            start = match.start()
            out.append(text[i:start])
            if text.startswith(PASTE_END, start):
                out.append(PASTE_END)
                i, self.in_paste = start + len(PASTE_END), False
                continue
            rest = text[start:]
            length = None if PASTE_END.startswith(rest) else sequence_length(text, start)
            if length is None:
                self._held = rest
                break
            i = start + length  # dropped
        return "".join(out)


class PasteSafeDriver(LinuxDriver):
    """Textual's Linux/macOS driver, with `PasteFilter` between the terminal and its parser.

    Through public names only: Textual's own `run_input_thread` runs unchanged, reading from
    `fileno`; for as long as it runs, `fileno` is the read end of a pipe, and a pump thread
    moves the terminal's input through the filter into the pipe. The terminal's own
    descriptor is back in `fileno` before Textual restores the terminal's settings with it
    (`disable_input` joins this thread first)."""

    def run_input_thread(self) -> None:
        terminal = self.fileno
        read_end, write_end = os.pipe()
        stop = threading.Event()  # also when Textual's loop raised (exit_event is its own)
        pump = threading.Thread(
            target=self._pump, args=(terminal, write_end, stop), name="infoview-paste-filter"
        )
        self.fileno = read_end
        pump.start()
        try:
            super().run_input_thread()
        finally:
            self.fileno = terminal
            stop.set()
            os.close(read_end)  # a pump blocked on a full pipe gets an error, and ends
            pump.join()
            os.close(write_end)  # only now: an empty read before the end would spin Textual

    def _pump(self, terminal: int, write_end: int, stop: threading.Event) -> None:
        clean = PasteFilter().feed
        decode = getincrementaldecoder("utf-8")().decode
        with selectors.SelectSelector() as selector:
            selector.register(terminal, selectors.EVENT_READ)
            while not (stop.is_set() or self.exit_event.is_set()):
                if not selector.select(0.1):
                    continue
                data = os.read(terminal, 1024 * 4)
                if not data:
                    return  # the terminal has gone (a piped stdin that ended)
                text = clean(decode(data))
                try:
                    _write_all(write_end, text.encode())
                except OSError:
                    return  # Textual has stopped reading (the app is ending)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
