"""Texts the person sends: the request email, the phone script and the thank-you note.

One way to copy, save and sign them, on the same keys wherever such a text is shown (Plan's
Email and Phone, After's Thank-you): ctrl+o copies, ctrl+s saves a .txt beside the data file,
ctrl+t marks it sent, ctrl+r writes a fresh draft, ctrl+g goes to Me to set the name that signs
it (saving goes through files.save_for_person, so in a browser the file is a download). A
screen showing such a text derives from `SendingScreen`, puts `send_bindings(...)` in its
BINDINGS and says, through `sendable()`, which text is on screen now.

Copying uses the terminal's clipboard (OSC 52, `App.copy_to_clipboard`), which some terminals
block without a word, so the message says so and offers the file instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.binding import Binding

from .. import exports
from ..domain.records import Profile
from .autosave import AutoSaveScreen

# The action names SEND_ACTIONS lists are on screen only while a sendable text is shown.
SEND_ACTIONS = frozenset({"copy_text", "save_text", "mark_sent", "redraft", "set_my_name"})


def send_bindings(sent_tooltip: str) -> list[Binding]:
    """The keys of every text the person sends, in the order the footer shows them."""
    return [
        Binding("ctrl+o", "copy_text", "Copy", id="send.copy",
                tooltip="Copy this text to the clipboard (through the terminal)"),
        Binding("ctrl+s", "save_text", "Save", id="send.save",
                tooltip="Save this text as a .txt file beside the data file"),
        Binding("ctrl+t", "mark_sent", "Sent", id="send.sent", tooltip=sent_tooltip),
        Binding("ctrl+r", "redraft", "Redraft", show=False, id="send.redraft",
                tooltip="Write this text again from the template (asks if you edited it)"),
        Binding("ctrl+g", "set_my_name", "My name", show=False, id="send.my_name",
                tooltip="Open Me to set my name: it signs what I send"),
    ]  # fmt: skip


@dataclass(frozen=True)
class Sendable:
    """A text on screen that the person may send: what it is and the file it is saved as."""

    text: str
    what: str  # "request email", "phone script", "thank-you note"
    file_name: str  # a plain name, without folder


def file_name(kind: str, contact_name: str, day: date) -> str:
    """`KIND-NAME-YYYY-MM-DD.txt`, safe whatever the name holds (no folders, no dots)."""
    return f"{kind}-{exports.slug(contact_name)}-{day.isoformat()}.txt"


def signature_note(profile: Profile) -> str:
    """What to say where a draft is shown when Me has no name to sign it with ("" if it has)."""
    if profile.name.strip():
        return ""
    return "Unsigned: Me has no name yet; ctrl+g sets it."


class SendingScreen(AutoSaveScreen):
    """A screen that shows a text to send: copy, save and sign it (see the module)."""

    def sendable(self) -> Sendable | None:
        """The text to send shown now, or None when none is on screen."""
        raise NotImplementedError

    def show_send_status(self, message: str) -> None:
        """Say `message` where the text is shown (beside the request, under the draft)."""

    def action_copy_text(self) -> None:
        sendable = self.sendable()
        if sendable is None:
            return
        self.app.copy_to_clipboard(sendable.text)
        self.show_send_status("Copied, if the terminal allowed it.")
        self.notify(
            f"The {sendable.what} was handed to the terminal's clipboard (OSC 52). Some "
            "terminals block this without saying so: check before you paste, or press "
            f"ctrl+s to save it as a file in {self.store.path.parent}.",
            title="Copied",
            markup=False,
            timeout=8,
        )

    def action_save_text(self) -> None:
        """Save it for the person (files.save_for_person): a .txt beside the data file, or a
        download in a browser; asks before replacing a file of that name."""
        from .files import save_for_person

        sendable = self.sendable()
        if sendable is None:
            return
        self.save()  # what is on screen is also what the data file holds
        text = sendable.text if sendable.text.endswith("\n") else sendable.text + "\n"
        save_for_person(
            self.app,
            sendable.file_name,
            text,
            what=f"The {sendable.what}",
            then=lambda saved: self.show_send_status(saved.message),
        )

    def action_set_my_name(self) -> None:
        from .router import Area, open_area

        self.save()
        open_area(self.app, Area.ME)
