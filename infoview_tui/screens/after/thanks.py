"""The thank-you part of the after-meeting screen: pick what I learned, edit the draft,
copy or save it, mark it sent."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static, TabPane, TextArea
from textual.widgets.option_list import Option

from ... import exports
from ...domain import after
from ...domain.timefmt import short_date
from ...services import followups
from ...widgets.one_line_input import OneLineInput

THANKS_ACTIONS = {"copy", "export", "sent", "redraft"}  # keys only this part offers


class NotesList(OptionList):
    """The meeting's notes; enter picks one as the thing learned, for the thank-you."""

    BINDINGS = [
        Binding("enter", "select", "Use note", id="after.learned",
                tooltip="Mention this note as the thing I learned"),
    ]  # fmt: skip


class AfterThanks(Screen[None]):
    """Part 1 of `AfterScreen`: the thank-you.

    A `Screen` subclass only so Textual collects its `@on` handlers; `AfterScreen` inherits
    it and provides the shared state (`interview`, `contact`, `occupation`, `store`) and
    helpers (`_now`, `_reflection`, `_edit`, `_highlighted`, `save`).
    """

    def compose_thanks(self) -> ComposeResult:
        with TabPane("1 Thank-you", id="tab-thanks"):
            yield Label("One thing I learned: pick a note (enter), or type it", id="pick-label")
            yield NotesList(id="notes")
            yield OneLineInput(placeholder="the one thing I learned", id="learned", compact=True)
            yield TextArea(id="draft", soft_wrap=True, compact=True)
            yield Static("", id="thanks-status")

    def _fill_thanks(self) -> None:
        assert self.interview is not None
        notes = self.query_one("#notes", NotesList)
        notes.add_options([Option(Content(n.text)) for n in self.interview.notes if n.text.strip()])
        if not notes.option_count:
            notes.display = False
            self.query_one("#pick-label", Label).update("One thing I learned (no notes were kept):")
        reflection = self._reflection()
        self.query_one("#learned", Input).value = reflection.learned
        self._generated = self._draft_for(reflection.learned)
        self.query_one("#draft", TextArea).load_text(reflection.thank_you or self._generated)
        self.refresh_thanks_status()

    def _draft_for(self, learned: str) -> str:
        assert self.interview is not None
        return after.thank_you_draft(self.interview, self.contact, self.store.profile(), learned)

    def _shown_draft(self) -> str:
        return self._reflection().thank_you or self._generated

    def refresh_thanks_status(self, extra: str = "") -> None:
        assert self.interview is not None
        items = self.store.followups.all()
        item = after.open_thank_you(items, self.interview.id)
        sent = after.sent_thank_you(items, self.interview.id)
        now = self.now()
        if item is not None and item.due is not None:
            state = f"Thank-you due {short_date(item.due, now.date())}."
        elif sent is not None and sent.done is not None:
            done = sent.done.astimezone(now.tzinfo).date()
            state = f"Sent {short_date(done, now.date())}."
        else:
            state = "No thank-you item for this meeting."
        text = f"{state} {extra}".strip()
        self.query_one("#thanks-status", Static).update(Content(text + "  ^r rewrites the draft."))

    @on(OptionList.OptionSelected, "#notes")
    def _pick_note(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#learned", Input).value = str(event.option.prompt)

    @on(Input.Changed, "#learned")
    def _learned_changed(self, event: Input.Changed) -> None:
        learned = event.value
        if learned == self._reflection().learned:
            return
        draft = self.query_one("#draft", TextArea)
        untouched = draft.text in (self._generated, "")
        self._generated = self._draft_for(learned)
        if untouched:  # the person has not edited it: keep it in step with the pick
            self._edit(learned=learned, thank_you=self._generated)
            draft.load_text(self._generated)
        else:
            self._edit(learned=learned)

    @on(TextArea.Changed, "#draft")
    def _draft_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text != self._shown_draft():
            self._edit(thank_you=text)

    def action_redraft(self) -> None:
        from ...dialogs.confirm import ConfirmScreen

        def redo(sure: bool | None) -> None:
            if sure:
                self._generated = self._draft_for(self._reflection().learned)
                self._edit(thank_you=self._generated, now=True)
                self.query_one("#draft", TextArea).load_text(self._generated)

        if self.query_one("#draft", TextArea).text in (self._generated, ""):
            redo(True)
            return
        self.app.push_screen(
            ConfirmScreen("Write the draft again?", "Your edits to the draft will be replaced."),
            redo,
        )

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.query_one("#draft", TextArea).text)
        self.refresh_thanks_status("Copied.")
        self.notify(
            "Copied. Some terminals block programs from the clipboard (OSC 52); "
            "ctrl+s saves a file instead.",
            title="Copied",
        )

    def action_export(self) -> None:
        assert self.interview is not None
        self.save()
        name = self.contact.name if self.contact else ""
        day = after.meeting_day(self.interview) or self.now().date()
        try:
            path = exports.export_thank_you(
                self.store.path.parent, name, day, self.query_one("#draft", TextArea).text
            )
        except OSError as err:
            self.notify(f"Could not save the file: {err.strerror or err}.", severity="error")
            return
        self.refresh_thanks_status(f"Saved to {path}")
        self.notify(Content(f"Saved to {path}"), title="Saved")

    def action_sent(self) -> None:
        assert self.interview is not None
        self.save()
        items = self.store.followups.all()
        if after.open_thank_you(items, self.interview.id) is None and after.sent_thank_you(
            items, self.interview.id
        ):
            self.notify("This thank-you is already marked sent.")
            return
        now = self.now()
        item = after.open_thank_you(items, self.interview.id)
        if item is not None and item.id is not None and item.contact_id is not None:
            followups.complete(self.store, item.id, now)  # sending it counts as contact
            self.contact = self.store.contacts.get(item.contact_id) or self.contact
            self.refresh_touch()
        else:
            if item is not None and item.id is not None:
                followups.complete(self.store, item.id, now)
            self._log(now)
        self.refresh_thanks_status("Marked sent.")
        self.notify("Thank-you marked sent.", title="Sent")
