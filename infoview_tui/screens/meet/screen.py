"""The live meeting: a countdown you can trust, question prompts, notes, one-key captures.

Time is computed from the stored session and the app's clock on every repaint; the repaint
timer is re-armed for the next second boundary and only decides *when* to draw. Notes reach
the store (memory + a journal line the writer thread fsyncs) within half a second of typing
and at every question change, pause, capture and end; nothing here touches the disk.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from ...dialogs.capture import CaptureScreen
from ...dialogs.confirm import ConfirmScreen
from ...dialogs.text_prompt import TextPrompt
from ...domain import meeting as m
from ...domain.records import Capture, CaptureKind, Interview, InterviewStatus, Note
from ...domain.summary import person_named
from ...domain.validation import clean_text
from ...paths import stylesheet
from ...services import meetings as meetings_service
from ...services import profile as profile_service
from ...typing_rule import is_text
from ...widgets.countdown import Countdown
from ...widgets.note_input import NoteInput
from ...widgets.notes_log import NotesLog
from ...widgets.question_panel import QuestionPanel, plan_lines
from .. import router
from ..autosave import AutoSaveScreen

CAPTURE_KEYS = {
    "ctrl+r": CaptureKind.REFERRAL,
    "ctrl+l": CaptureKind.LEAD,
    "ctrl+y": CaptureKind.JOB_TITLE,
    "ctrl+o": CaptureKind.OBSERVATION,
    "ctrl+f": CaptureKind.OFFER,
}
CAPTURE_LEGEND = "capture: ^r referral · ^l lead · ^y job title · ^o observation · ^f offer"
# Letter keys work only when the notes line does not have focus (escape leaves it).
LETTER_ACTIONS = {
    "start", "pause", "resume", "end", "tips", "write", "bell", "jump", "leave", "wrap_length",
}  # fmt: skip
TIPS = (
    "[b]Tips[/]\n"
    "• Dress as you would for an interview there.\n"
    "• Keep to the time you asked for; offer to stop when it is up.\n"
    "• Look around: could you see yourself working here?\n"
    "• It is an exchange: listen for something you can offer back.\n"
    "• Ask for advice and information, never for a job."
)


def _a(noun: str) -> str:
    """'a referral', 'an observation'."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


class MeetingScreen(AutoSaveScreen):
    CSS_PATH = stylesheet("meeting.tcss")
    BINDINGS = [
        Binding("ctrl+n", "asked", "Next ✓", id="meet.asked",
                tooltip="Tick the current question and show the next"),
        Binding("ctrl+b", "back", "Back", id="meet.back", tooltip="Back to the previous question"),
        Binding("ctrl+g", "skip", "Skip", id="meet.skip", tooltip="Pass over this question"),
        Binding("ctrl+t", "add_question", "Add Q", id="meet.add",
                tooltip="Add a question after the current one"),
        Binding("shift+up", "move(-1)", "Earlier", show=False, id="meet.earlier",
                tooltip="Move the current question earlier in the plan"),
        Binding("shift+down", "move(1)", "Later", show=False, id="meet.later",
                tooltip="Move the current question later in the plan"),
        *(
            Binding(key, f"capture('{kind.name}')", f"Capture {kind.value}", show=False,
                    id=f"meet.capture.{kind.name.lower()}", tooltip=f"Note {_a(kind.value)}")
            for key, kind in CAPTURE_KEYS.items()
        ),
        Binding("escape", "leave_notes", "More", id="meet.more",
                tooltip="Leave the notes line for pause, end, tips"),
        Binding("s,enter", "start", "Start", id="meet.start", tooltip="Start the clock"),
        Binding("w,enter", "write", "Notes", id="meet.write", tooltip="Back to the notes line"),
        # One key, named for what it does now (check_action shows the one that applies).
        Binding("p", "pause", "Pause", id="meet.pause", tooltip="Stop the clock"),
        Binding("p", "resume", "Resume", id="meet.resume", tooltip="Start the clock again"),
        Binding("e", "end", "End", id="meet.end", tooltip="End the meeting (asks first)"),
        Binding("i", "tips", "Tips", id="meet.tips", tooltip="Show or hide meeting tips"),
        # Not in the footer (help and the palette list it): "? Help" needs the room at 80×24.
        Binding("b", "bell", "Bell", show=False, id="meet.bell",
                tooltip="Terminal bell at phase changes"),
        Binding("W", "wrap_length", "Wrap-up", show=False, id="meet.wrap",
                tooltip="How long the wrap-up phase is: 2, 3 or 5 minutes"),
        Binding("q", "leave", "Leave", id="meet.leave",
                tooltip="Back to home; a started meeting keeps running and can be resumed"),
        *(
            Binding(str(n), f"jump({n - 1})", f"Question {n}", show=False, id=f"meet.jump{n}")
            for n in range(1, 10)
        ),
    ]  # fmt: skip

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None
        self._tick_timer: Timer | None = None
        self._phase: m.Phase | None = None
        self._interviewee = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meet-top"):
            with Vertical(id="meet-clock", classes="panel"):
                yield Countdown()
            with Vertical(id="meet-plan", classes="panel"):
                yield Static("", id="plan")
                yield Static(TIPS, id="tips")
        yield QuestionPanel(id="meet-questions")
        yield NotesLog(id="meet-log")
        yield Static(CAPTURE_LEGEND, id="meet-legend")
        yield NoteInput(self.now, placeholder="Type a note, enter to keep it", id="note")
        # Compact, and the palette hint left out: every meeting key must fit in 80 columns.
        yield Footer(compact=True, show_command_palette=False)

    # ----- lifecycle -------------------------------------------------------------------------

    def on_mount(self) -> None:
        interview = self.store.interviews.get(self.interview_id)
        if interview is None:
            self.notify("That meeting no longer exists.", severity="error")
            self.app.pop_screen()
            return
        self.interview = interview
        contact = self.store.contacts.get(interview.contact_id)
        self._interviewee = person_named(interview, contact)
        org = self.store.organizations.get(interview.organization_id)
        where = f" · {org.name}" if org else ""
        self.query_one("#meet-clock").border_title = "Clock"
        self.query_one("#meet-plan").border_title = f"With {self._interviewee or 'them'}{where}"
        self.query_one("#tips").display = False
        self.store.hold_full_saves(True)  # only cheap journal appends while the meeting runs
        draft = interview.draft
        note = self.query_one("#note", Input)
        if draft is not None:
            note.value = draft.text
        self.query_one(NotesLog).show_all(interview.notes, interview.captures)
        started = interview.session.started is not None
        note.disabled = not started
        if started:
            note.focus()
        else:
            self.set_focus(None)
        self._phase = m.timer_view(interview.session, interview.minutes, self.now()).phase
        self.refresh_clock()
        self.refresh_plan()

    def reload_from_store(self) -> None:
        """The data was replaced (another program's version was loaded): show the meeting as
        that version holds it. A note being typed stays in the notes line and goes on from
        there; nothing this screen held before is written back."""
        fresh = self.store.interviews.get(self.interview_id)
        if fresh is None:
            self.interview = None
            self.notify(
                "This meeting is not in the version of the data just loaded.",
                severity="warning",
                timeout=15,
            )
            self.app.pop_screen()
            return
        self.interview = fresh
        self.query_one(NotesLog).show_all(fresh.notes, fresh.captures)
        note = self.query_one("#note", Input)
        note.disabled = fresh.session.started is None
        typed = note.value
        if typed.strip() and (fresh.draft is None or fresh.draft.text != typed):
            began = note.began if isinstance(note, NoteInput) else None
            draft = Note(
                text=typed,
                elapsed=m.elapsed(fresh.session, began or self.now()),
                question=self._question_text(),
            )
            self._changed(replace(fresh, draft=draft), now=False)
        self.refresh_plan()
        self.refresh_clock()

    def on_unmount(self) -> None:  # AutoSave saves too
        if self.app.has_store and not self.store.closed:
            self.store.hold_full_saves(False)

    def _elapsed(self) -> float:
        assert self.interview is not None
        return m.elapsed(self.interview.session, self.now())

    # ----- repainting ------------------------------------------------------------------------

    def refresh_clock(self) -> None:
        """Draw the clock from the stored session and the clock; re-arm for the next second."""
        if self.interview is None:
            return
        profile = self.store.profile()
        view = m.timer_view(
            self.interview.session, self.interview.minutes, self.now(), profile.wrap_minutes
        )
        self.query_one(Countdown).show(view)
        self.query_one(QuestionPanel).show(
            self.interview, m.pace(self.interview, self.now(), profile.wrap_minutes)
        )
        if view.phase is not self._phase:
            self._phase = view.phase
            if profile.meeting_bell and view.phase not in (m.Phase.NOT_STARTED, m.Phase.ENDED):
                self.app.bell()
        if self._tick_timer is not None:
            self._tick_timer.stop()
        # Wake just after the shown second changes: late under load, never wrong.
        delay = 1.0 - (view.elapsed % 1.0) + 0.01
        self._tick_timer = self.set_timer(delay, self.refresh_clock, name="meeting-clock")

    def refresh_plan(self) -> None:
        assert self.interview is not None
        self.query_one("#plan", Static).update(plan_lines(self.interview))

    # ----- saving ----------------------------------------------------------------------------

    def _changed(self, interview: Interview, *, now: bool = True) -> None:
        self.interview = interview
        if now:
            self.save()
        else:
            self.save_soon()

    def write(self, store) -> None:
        if self.interview is not None:
            self.interview = meetings_service.save_meeting(store, self.interview).value

    # ----- keys while typing -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.interview is None:
            return True
        typing = is_text(self.focused)  # the typing rule: letters are typed in the notes line
        started = self.interview.session.started is not None
        if action == "start":
            return not started
        if action == "write":
            return started and not typing
        if action == "leave_notes":
            return typing
        if action == "leave":
            return not typing
        if action in ("pause", "resume"):
            paused = self.interview.session.paused_at is not None
            return started and not typing and paused == (action == "resume")
        if action in LETTER_ACTIONS:
            return started and not typing
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    @on(Input.Changed, "#note")
    def _typing(self, event: Input.Changed) -> None:
        assert self.interview is not None
        text = event.value
        draft = self.interview.draft
        if not text.strip():
            new_draft = None
        elif draft is None:  # stamped when the thought started, not when enter was pressed
            began = event.input.began if isinstance(event.input, NoteInput) else None
            spent = m.elapsed(self.interview.session, began or self.now())
            new_draft = Note(text=text, elapsed=spent, question=self._question_text())
        else:
            new_draft = replace(draft, text=text)
        if new_draft != draft:
            self._changed(replace(self.interview, draft=new_draft), now=False)

    @on(NoteInput.Kept)
    def _keep_note(self, event: NoteInput.Kept) -> None:
        """One note per line (a paste may bring several), all saved at once."""
        assert self.interview is not None
        texts = [text for text in map(clean_text, event.text.split("\n")) if text]
        if not texts:
            return
        draft = self.interview.draft
        question = draft.question if draft else self._question_text()
        first = m.elapsed(self.interview.session, event.began or self.now())
        now = m.elapsed(self.interview.session, self.now())
        notes = [
            Note(text=text, elapsed=first if i == 0 else now, question=question)
            for i, text in enumerate(texts)
        ]
        self._changed(replace(self.interview, notes=[*self.interview.notes, *notes], draft=None))
        self.query_one(NotesLog).add_notes(notes)

    def _question_text(self) -> str:
        assert self.interview is not None
        current = m.current_question(self.interview)
        return current.text if current else ""

    def _after_question_change(self, interview: Interview) -> None:
        self._changed(interview)
        self.refresh_plan()
        self.refresh_clock()

    def action_asked(self) -> None:
        assert self.interview is not None
        self._after_question_change(m.mark_current(self.interview, self._elapsed(), asked=True))

    def action_skip(self) -> None:
        assert self.interview is not None
        self._after_question_change(m.mark_current(self.interview, self._elapsed(), asked=False))

    def action_back(self) -> None:
        assert self.interview is not None
        index = self.interview.session.current - 1
        if index >= 0:
            previous = self.interview.questions[index]
            questions = list(self.interview.questions)
            questions[index] = replace(previous, asked=False, skipped=False)
            moved = m.move_to(replace(self.interview, questions=questions), index, self._elapsed())
            self._after_question_change(moved)

    def action_jump(self, index: int) -> None:
        assert self.interview is not None
        self._after_question_change(m.move_to(self.interview, index, self._elapsed()))

    def action_move(self, offset: int) -> None:
        assert self.interview is not None
        iv = self.interview
        self._after_question_change(m.reorder(iv, iv.session.current, offset))

    def action_add_question(self) -> None:
        def add(text: str | None) -> None:
            if text and self.interview is not None:
                self._after_question_change(m.add_question(self.interview, text, self._elapsed()))
            self._back_to_notes()

        self.app.push_screen(TextPrompt("Add a question", "Asked next, after the current one"), add)

    def action_capture(self, kind_name: str) -> None:
        kind = CaptureKind[kind_name]

        def keep(capture: Capture | None) -> None:
            if capture is not None and self.interview is not None:
                captures = [*self.interview.captures, capture]
                self._changed(replace(self.interview, captures=captures))
                self.query_one(NotesLog).add_capture(capture)  # the log line is the receipt
            self._back_to_notes()

        self.save()  # the draft too, before a dialog takes the keyboard
        self.app.push_screen(CaptureScreen(kind, self._elapsed(), self._interviewee), keep)

    def _back_to_notes(self) -> None:
        note = self.query_one("#note", Input)
        if not note.disabled:
            note.focus()

    # ----- keys when not typing --------------------------------------------------------------

    def action_leave_notes(self) -> None:
        self.set_focus(None)

    def action_write(self) -> None:
        self._back_to_notes()

    def action_start(self) -> None:
        assert self.interview is not None
        off_plan = m.started_off_plan(self.interview, self.now())
        session = m.start(self.interview.session, self.now())
        self._changed(replace(self.interview, session=session, status=InterviewStatus.LIVE))
        note = self.query_one("#note", Input)
        note.disabled = False
        note.focus()
        self.refresh_clock()
        if off_plan:
            self.notify(off_plan, markup=False, timeout=8)

    def action_pause(self) -> None:
        assert self.interview is not None
        session = self.interview.session
        now = self.now()
        paused = session.paused_at is not None
        session = m.resume(session, now) if paused else m.pause(session, now)
        self._changed(replace(self.interview, session=session))
        self.refresh_clock()
        self.refresh_bindings()  # the key now reads Resume, or Pause again
        self.notify("Clock running again." if paused else "Paused: the clock is stopped.")

    def action_resume(self) -> None:
        self.action_pause()  # the same key: it restarts the clock when it is stopped

    def action_tips(self) -> None:
        tips = self.query_one("#tips")
        tips.display = not tips.display
        self.query_one("#plan").display = not tips.display

    def action_bell(self) -> None:
        self.notify(profile_service.toggle_bell(self.store).message)

    def action_leave(self) -> None:
        assert self.interview is not None
        unstarted = self.interview.on_the_spot and self.interview.session.started is None
        if unstarted and not self.store.readonly and self.interview.id is not None:
            # Opened on the spot but never started: leave no empty meeting behind.
            meetings_service.delete_meeting(self.store, self.interview.id)
            self.interview = None
        self.app.pop_screen()

    def action_wrap_length(self) -> None:
        outcome = profile_service.next_wrap_length(self.store)
        self.refresh_clock()
        minutes = self.interview.minutes if self.interview else 0
        self.notify(m.wrap_notice(minutes, outcome.value.wrap_minutes))

    def action_end(self) -> None:
        def finish(sure: bool | None) -> None:
            if sure and self.interview is not None:
                self.end_meeting()
            else:
                self._back_to_notes()  # not yet: carry on writing

        assert self.interview is not None
        spent = m.clock_text(self._elapsed())
        self.app.push_screen(
            ConfirmScreen(
                "End the meeting?",
                f"{spent} with {self._interviewee or 'them'}. Notes and captures are "
                "kept; the meeting is marked done.",
            ),
            finish,
        )

    def end_meeting(self) -> None:
        assert self.interview is not None
        self.save()  # what was typed, then the end on top of it
        outcome = meetings_service.end_meeting(self.store, self.interview, self.now())
        self.interview = outcome.value
        self.notify(outcome.message, title="Saved")
        assert self.interview.id is not None
        router.open_after(self.app, self.interview.id, replacing=self)
