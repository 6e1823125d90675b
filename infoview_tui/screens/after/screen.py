"""After a meeting: the thank-you, the reflection, the leads and staying in touch, on one screen.

Opened for any finished meeting, also an old one or an on-the-spot one with no preparation and
no occupation. Each part is a widget (thanks, reflection, leads, touch) that shows what the
screen gives it and posts a message when the person changes something; the screen holds the
meeting in `self.interview`, saves it and calls the services. Everything typed reaches the store
within half a second (and when the screen closes, and when the app quits); the reflection is
created on the first edit, never just by looking. Contacts, employers and follow-ups made here
are saved at once, each by the key that makes them.

Keys that move between parts and fields (escape, tab, ctrl+n/ctrl+b, 1-4) and `i` are taken in
the order they are typed, before a key goes to a field (`priority`): a quick "escape 1" leaves
the field and shows part 1, a quick "tab 14" types 14 into the field tabbed to. Part keys and `i`
are commands only outside text fields; inside one they are typed (infoview_tui.typing_rule).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Header, Select, TabbedContent, Tabs

from ...dialogs.confirm import ConfirmScreen
from ...dialogs.text_prompt import TextPrompt
from ...domain import after, rhythm
from ...domain.records import (
    CaptureKind,
    Contact,
    DemandCheck,
    Interview,
    InterviewStatus,
    Occupation,
    Reflection,
)
from ...domain.summary import person_named
from ...domain.timefmt import full_date
from ...paths import stylesheet
from ...services import Outcome, followups, leads, meetings
from ...typing_rule import is_text
from ..files import offer_meeting_markdown
from ..sending import (
    SEND_ACTIONS,
    Sendable,
    SendingScreen,
    file_name,
    send_bindings,
    signature_note,
)
from .leads import LeadsPane
from .reflection import ReflectionPane
from .thanks import ThanksPane
from .touch import TouchPane

if TYPE_CHECKING:
    from ...store.store import Store

TABS = ("tab-thanks", "tab-reflect", "tab-leads", "tab-touch")
THANKS_ACTIONS = SEND_ACTIONS  # keys only the thank-you part offers
# plain keys: commands outside text fields only
COMMANDS = {"show_tab", "log_interaction", "export_markdown", "energy"}


class AfterScreen(SendingScreen):
    """One screen, four parts (ThanksPane, ReflectionPane, LeadsPane, TouchPane)."""

    CSS_PATH = stylesheet("after.tcss")
    BINDINGS = [
        *send_bindings("The thank-you is sent: close its follow-up, log the contact"),
        Binding("ctrl+n", "section(1)", "Next", id="after.next", priority=True,
                tooltip="Next part: thank-you, reflection, leads, stay in touch"),
        Binding("ctrl+b", "section(-1)", "Previous part", show=False, id="after.previous",
                priority=True, tooltip="Previous part"),
        # A letter, as `x` on the Meetings list: outside a text field (browsers keep ctrl+l).
        Binding("x", "export_markdown", ".md", id="after.markdown", priority=True,
                tooltip="This meeting as Markdown: plan, questions, timed notes, captures, "
                "reflection"),
        Binding("i", "log_interaction", "Talked", id="after.log", priority=True,
                tooltip="Log an interaction with them: the next check-in counts from now"),
        Binding("E", "energy", "Energy", id="after.energy", priority=True,
                tooltip="What the meeting cost me (1-5) and how I feel: private"),
        Binding("escape", "leave", "Back", id="after.back", priority=True,
                tooltip="Leave the field; from outside a field, back (all is saved)"),
        *(
            Binding(str(n), f"show_tab({n - 1})", f"Part {n}", show=False, id=f"after.part{n}",
                    priority=True)
            for n in range(1, 5)
        ),
        # As Textual's own, but in order with the keys above.
        Binding("tab", "field(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "field(-1)", "Previous field", show=False, priority=True),
    ]  # fmt: skip

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None
        self.contact: Contact | None = None
        self.occupation: Occupation | None = None
        self._gone = False  # the meeting is not in the data (any more)
        self._settling = False  # a field was just left: keys typed into it may be on their way
        self._thanks_said = ""  # the last thing said under the thank-you (saved, copied…)

    # ----- building --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="after-tabs"):
            yield ThanksPane(self._draft_for)
            yield ReflectionPane()
            yield LeadsPane()
            yield TouchPane()
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if not self._load():
            return
        if self.interview is not None and self.interview.status is not InterviewStatus.DONE:
            self.notify("This meeting is not marked done yet.", severity="warning")
        self.set_focus(self.query_one(ThanksPane).entry or self.query_one("#learned"))

    def on_screen_resume(self) -> None:
        """Back from Me, perhaps with my name set: an untouched draft is signed with it."""
        if self.interview is not None and not self._gone:
            self.query_one(ThanksPane).follow_template()
            self._show_thanks_status()

    def reload_from_store(self) -> None:
        """The data was replaced (another program's version was loaded): show it, and keep
        nothing of what this screen held before."""
        self._load()

    def _load(self) -> bool:
        """Fill every part from the stored meeting; False (and back) if it is gone."""
        interview = self.store.interviews.get(self.interview_id)
        if interview is None:
            self._gone = True  # what this screen holds must not bring it back
            self.notify("That meeting no longer exists.", severity="error")
            self.app.pop_screen()
            return False
        self.interview = interview
        self.contact = self.store.contacts.get(interview.contact_id)
        self.occupation = self.store.occupations.get(interview.occupation_id)
        day = after.meeting_day(interview, self.now().tzinfo)
        name = person_named(interview, self.contact)  # kept on the meeting if they were deleted
        with_whom = f" with {name}" if name else ""
        self.sub_title = f"After the meeting{with_whom}" + (f" · {full_date(day)}" if day else "")
        reflection = self._reflection()
        self.query_one(ThanksPane).show(
            [n.text for n in interview.notes if n.text.strip()],
            reflection.learned,
            reflection.thank_you,
        )
        self._show_thanks_status()
        self.query_one(ReflectionPane).show(
            reflection, self._demands(), self.occupation, self._steps_with_items()
        )
        self._show_leads()
        self._show_touch()
        self._show_how_it_went()
        return True

    # ----- showing -----------------------------------------------------------------------------

    def _draft_for(self, learned: str) -> str:
        assert self.interview is not None
        return after.thank_you_draft(self.interview, self.contact, self.store.profile(), learned)

    def _show_thanks_status(self, extra: str | None = None) -> None:
        """Where the thank-you stands, and `extra` (what just happened; None: what was said
        last, so coming back from a dialog keeps it)."""
        if extra is None:
            extra = self._thanks_said
        self._thanks_said = extra
        assert self.interview is not None
        items = self.store.followups.all()
        item = after.open_thank_you(items, self.interview.id)
        sent = after.sent_thank_you(items, self.interview.id)
        now = self.now()
        due = item.due if item is not None else None
        sent_day: date | None = None
        if due is None and sent is not None and sent.done is not None:
            sent_day = sent.done.astimezone(now.tzinfo).date()
        extra = " ".join(part for part in (extra, signature_note(self.store.profile())) if part)
        self.query_one(ThanksPane).show_status(now.date(), due, sent_day, extra)

    def _show_how_it_went(self) -> None:
        """The meeting against its plan, and what it cost me, at the top of the reflection."""
        assert self.interview is not None
        from ...domain.held import planned_vs_held
        from ...services.energy import describe

        held = planned_vs_held(self.interview, self.now())
        cost = describe(self.interview.energy)
        text = Content.assemble(
            ("Against the plan: ", "bold"), held.line(), "\n",
            (cost + " (private) · E changes it" if cost
             else "What did it cost you? E keeps it, privately.", "dim"),
        )  # fmt: skip
        self.query_one(ReflectionPane).show_how_it_went(text)

    def _steps_with_items(self) -> set[str]:
        assert self.interview is not None
        return followups.next_steps_with_items(self.store, self.interview.id)

    def _show_leads(self) -> None:
        assert self.interview is not None
        words = after.job_titles(self.interview)
        if self.occupation is not None:
            words = after.unique_words([*self.occupation.keywords, *words])
        self.query_one(LeadsPane).show(self.interview.captures, words)

    def _show_touch(self) -> None:
        assert self.interview is not None
        offers = [c.text for c in self.interview.captures if c.kind is CaptureKind.OFFER]
        item = None
        if self.contact is not None:
            item = rhythm.open_touch_item(self.contact, self.store.followups.all())
        due = item.due if item is not None else None
        kept = self.interview.contact_name if self.interview is not None else ""
        self.query_one(TouchPane).show(self.contact, offers, due, kept_name=kept)

    # ----- the reflection and saving ------------------------------------------------------------

    def _reflection(self) -> Reflection:
        assert self.interview is not None
        return self.interview.reflection or Reflection()

    def _prefilled_demands(self) -> list[DemandCheck]:
        if self.occupation is None:
            return []
        return [DemandCheck(text=d.text) for d in self.occupation.demands if d.text.strip()]

    def _demands(self) -> list[DemandCheck]:
        if self.interview is not None and self.interview.reflection is not None:
            return self.interview.reflection.demands
        return self._prefilled_demands()

    def _edit(self, changes: dict[str, Any], *, now: bool = False) -> None:
        """Change the reflection (made on the first edit) and save soon, or `now`."""
        if self.interview is None:
            return
        base = self.interview.reflection
        if base is None:
            base = Reflection(demands=self._prefilled_demands())
        reflection = replace(base, **changes)
        if reflection == self.interview.reflection:
            return
        self.interview = replace(self.interview, reflection=reflection)
        if now:
            self.save()
        else:
            self.save_soon()

    def write(self, store: Store) -> None:
        if self.interview is not None and not self._gone:
            self.interview = meetings.save_meeting(store, self.interview).value

    @on(ThanksPane.ThanksEdited)
    def _thanks_edited(self, event: ThanksPane.ThanksEdited) -> None:
        self._edit(event.changes, now=event.now)

    @on(ReflectionPane.ReflectionEdited)
    def _reflection_edited(self, event: ReflectionPane.ReflectionEdited) -> None:
        self._edit(event.changes, now=event.now)

    # ----- the thank-you's keys -----------------------------------------------------------------

    def action_redraft(self) -> None:
        thanks = self.query_one(ThanksPane)

        def redo(sure: bool | None) -> None:
            if sure:
                thanks.redraft()

        if not thanks.draft_edited:
            redo(True)
            return
        self.app.push_screen(
            ConfirmScreen("Write the draft again?", "Your edits to the draft will be replaced."),
            redo,
        )

    def sendable(self) -> Sendable | None:
        if self.interview is None:
            return None
        name = person_named(self.interview, self.contact)
        day = after.meeting_day(self.interview, self.now().tzinfo) or self.now().date()
        draft = self.query_one(ThanksPane).draft
        return Sendable(draft, "thank-you note", file_name("thank-you", name, day))

    def action_export_markdown(self) -> None:
        """This meeting as Markdown (services.exports), saved for the person."""
        if self.interview is None or self.interview.id is None:
            return
        self.save()  # the reflection as typed so far
        offer_meeting_markdown(self.app, self.interview.id)

    def show_send_status(self, message: str) -> None:
        self._show_thanks_status(message)

    def action_mark_sent(self) -> None:
        if self.interview is None:
            return
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
            self._show_touch()
        else:
            if item is not None and item.id is not None:
                followups.complete(self.store, item.id, now)
            self._log(now)
        self._show_thanks_status("Marked sent.")
        self.notify("Thank-you marked sent.", title="Sent")

    # ----- the reflection's keys ----------------------------------------------------------------

    def action_add_demand(self) -> None:
        self.app.push_screen(
            TextPrompt(
                "Add a demand", "A demand of the job (physical, schedule, stress, training)"
            ),
            self.query_one(ReflectionPane).add_demand,
        )

    def action_demand_note(self) -> None:
        from ...dialogs.text_prompt import TextPrompt

        pane = self.query_one(ReflectionPane)
        demand = pane.highlighted_demand
        if demand is None:
            return
        self.app.push_screen(
            TextPrompt(
                "What was said about it",
                demand.text,
                demand.note,
                max_length=1000,
                allow_empty=True,
            ),
            pane.note_demand,
        )

    def action_energy(self) -> None:
        if self.interview is None:
            return
        from ...dialogs.meeting_cost import MeetingCostScreen
        from ...services import energy

        def keep(answer: tuple[int, str] | None) -> None:
            if answer is None or self.interview is None:
                return
            self.save()
            outcome = energy.record_energy(self.store, self.interview, *answer, self.now())
            self.interview = outcome.value
            self._show_how_it_went()
            self.notify(outcome.message, markup=False)

        name = self.contact.name if self.contact else (self.interview.contact_name or "them")
        self.app.push_screen(MeetingCostScreen(self.interview.energy, name), keep)

    def action_remove_demand(self) -> None:
        self.query_one(ReflectionPane).remove_demand()

    def action_add_step(self) -> None:
        self.app.push_screen(
            TextPrompt("Add a next step", "What will I do next?"),
            self.query_one(ReflectionPane).add_step,
        )

    def action_remove_step(self) -> None:
        self.query_one(ReflectionPane).remove_step()

    def action_step_followup(self) -> None:
        """The highlighted next step becomes a follow-up item (once)."""
        pane = self.query_one(ReflectionPane)
        step = pane.highlighted_step
        if self.interview is None or step is None:
            return
        name = person_named(self.interview, self.contact)
        outcome = followups.add_next_step(self.store, self.interview, step, name, self.now())
        if outcome.value is not None:
            pane.show_follow_ups(self._steps_with_items())
        self.notify(outcome.message)

    # ----- leads --------------------------------------------------------------------------------

    @on(LeadsPane.LeadChosen)
    def _lead_chosen(self, event: LeadsPane.LeadChosen) -> None:
        """Referral → a contact with a reach-out item; lead → an employer; title → a keyword."""
        if self.interview is None:
            return
        index = event.index
        capture = self.interview.captures[index]
        if capture.handled:
            self.notify("Already done.")
            return
        if capture.kind is CaptureKind.LEAD:
            self._lead_done(leads.accept_lead(self.store, self.interview, index))
            return
        if capture.kind is CaptureKind.JOB_TITLE:
            self._lead_done(leads.keep_job_title(self.store, self.interview, index))
            return
        existing = leads.existing_contact(self.store, self.interview, index)

        def add(sure: bool | None) -> None:
            if sure and self.interview is not None:
                outcome = leads.accept_referral(self.store, self.interview, index, self.now())
                self._lead_done(outcome)

        if existing is None:
            add(True)
            return
        self.app.push_screen(
            ConfirmScreen(
                "Already a contact?",
                f"{existing.name} is already in your contacts. Add another contact anyway?",
                yes="Add another",
            ),
            add,
        )

    def _lead_done(self, outcome: Outcome[Interview]) -> None:
        """Hold the meeting as the service saved it (this screen's edits included)."""
        self.interview = outcome.value
        if self.interview.occupation_id is not None:
            self.occupation = self.store.occupations.get(self.interview.occupation_id)
        self._show_leads()
        self.notify(outcome.message, markup=False)

    # ----- staying in touch ---------------------------------------------------------------------

    @on(TouchPane.RhythmChosen)
    def _rhythm_chosen(self, event: TouchPane.RhythmChosen) -> None:
        contact = self.contact
        if contact is None or contact.id is None or event.days == contact.cadence_days:
            return
        outcome = followups.set_rhythm(self.store, contact.id, event.days, self.now())
        self.contact = outcome.value or contact
        self._show_touch()

    def _log(self, when: datetime) -> str:
        """We were in touch at `when`: the rhythm counts from it; says what comes next."""
        if self.contact is None or self.contact.id is None:
            return ""
        outcome = followups.log_contact(self.store, self.contact.id, when)
        self.contact = outcome.value or self.contact
        self._show_touch()
        return outcome.message

    def action_log_interaction(self) -> None:
        if self.contact is None:
            self.notify("This meeting has no contact to log.", severity="warning")
            return
        self.notify(self._log(self.now()), markup=False)

    # ----- keys and parts ----------------------------------------------------------------------

    def _menu_open(self) -> bool:
        """A drop-down menu is open (it takes escape and typed keys itself)."""
        return any(select.expanded for select in self.query(Select).results(Select))

    def _typing(self) -> bool:
        """Keys typed now go into text: a text field or an open menu has focus."""
        return is_text(self.focused) or self._menu_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in THANKS_ACTIONS:
            tabs = self.query(TabbedContent)
            return not tabs or tabs.first().active == "tab-thanks"
        if action in COMMANDS:
            return not self._typing()
        if action in ("leave", "field"):
            return not self._menu_open()
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def _put_cursor(self, widget: Widget | None = None, step: int = 0) -> None:
        """Put the cursor on `widget` (or the next/previous field, by `step`) at once, not on
        the next turn of the loop: the next key typed goes where this one put the cursor.

        Keys typed into a field just left may still be on their way to it; until the app has
        taken in the keys typed so far, escape does not leave the screen (it would close the
        screen before they are kept)."""
        if is_text(self.focused):
            self._settling = True
            self.app.call_later(self._settled)
        if widget is not None:
            self.set_focus(widget)
        elif step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def _settled(self) -> None:
        self._settling = False

    def action_show_tab(self, index: int) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = TABS[index % len(TABS)]
        entries: dict[str, Widget | None] = {
            "tab-thanks": self.query_one(ThanksPane).entry,
            "tab-reflect": self.query_one(ReflectionPane).entry,
            "tab-leads": self.query_one(LeadsPane).entry,
            "tab-touch": self.query_one(TouchPane).entry,
        }
        entry = entries[tabs.active]
        if entry is None or not entry.focusable:  # e.g. part 4 of a meeting with no contact
            entry = tabs.query_one(Tabs)  # the part's tab, where 1-4 are still commands
        self._put_cursor(entry)

    def action_section(self, step: int) -> None:
        self.action_show_tab(TABS.index(self.query_one(TabbedContent).active) + step)

    def action_field(self, step: int) -> None:
        self._put_cursor(step=step)

    def action_leave(self) -> None:
        if is_text(self.focused):
            self._put_cursor(self.query_one(TabbedContent).query_one(Tabs))
        elif not self._settling:
            self.save()
            self.app.pop_screen()
