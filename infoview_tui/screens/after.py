"""After a meeting: the thank-you, the reflection, the leads and staying in touch, on one screen.

Opened for any finished meeting, also an old one or an on-the-spot one with no preparation and
no occupation. Everything typed is kept in `self.interview` and reaches the store within half a
second (and when the screen closes, and when the app quits); the reflection is created on the
first edit, never just by looking. Contacts, employers and follow-ups made here are saved at
once, each by the key that makes them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
    Tabs,
    TextArea,
)
from textual.widgets.option_list import Option

from .. import exports
from ..domain import after, rhythm
from ..domain.records import (
    CanMeet,
    CaptureKind,
    Contact,
    Decision,
    DemandCheck,
    FollowUpKind,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
    Reflection,
)
from ..domain.validation import clean_text
from ..paths import stylesheet
from ..widgets.field_error import FieldError
from ..widgets.one_line_input import OneLineInput
from .autosave import AutoSave

TABS = ("tab-thanks", "tab-reflect", "tab-leads", "tab-touch")
FIT_AREAS = (
    ("interests", "Interests"),
    ("values", "Values"),
    ("needs", "Needs"),
    ("skills", "Skills"),
)
FIT_CHOICES = [("1 poor", 1), ("2", 2), ("3", 3), ("4", 4), ("5 strong", 5)]
CAN_MEET_CYCLE = (CanMeet.UNKNOWN, CanMeet.YES, CanMeet.WITH_ACCOMMODATION, CanMeet.NO)
CAN_MEET_LABEL = {
    CanMeet.UNKNOWN: "  ?  ",
    CanMeet.YES: " can ",
    CanMeet.WITH_ACCOMMODATION: "adapt",
    CanMeet.NO: "can't",
}
DECISIONS = [("Pursue it", Decision.PURSUE), ("Maybe", Decision.MAYBE), ("Drop it", Decision.DROP)]
LEAD_KINDS = (CaptureKind.REFERRAL, CaptureKind.LEAD, CaptureKind.JOB_TITLE)
THANKS_ACTIONS = {"copy", "export", "sent", "redraft"}
TYPING = (Input, TextArea)


class NotesList(OptionList):
    """The meeting's notes; enter picks one as the thing learned, for the thank-you."""

    BINDINGS = [
        Binding("enter", "select", "Use note", id="after.learned",
                tooltip="Mention this note as the thing I learned"),
    ]  # fmt: skip


class DemandList(OptionList):
    BINDINGS = [
        Binding("space,enter", "screen.cycle_demand", "Can I?", id="after.demand.cycle",
                tooltip="Can I meet it: yes, with accommodation, no, not sure"),
        Binding("a", "screen.add_demand", "Add", id="after.demand.add",
                tooltip="Add a demand of the job I learned about"),
        Binding("delete", "screen.remove_demand", "Remove", id="after.demand.remove",
                tooltip="Remove the highlighted demand"),
    ]  # fmt: skip


class StepList(OptionList):
    BINDINGS = [
        Binding("a", "screen.add_step", "Add step", id="after.step.add",
                tooltip="Add a next step"),
        Binding("f", "screen.step_followup", "→ Follow-up", id="after.step.followup",
                tooltip="Make the highlighted step a follow-up item"),
        Binding("delete", "screen.remove_step", "Remove", id="after.step.remove",
                tooltip="Remove the highlighted step"),
    ]  # fmt: skip


class LeadList(OptionList):
    BINDINGS = [
        Binding("enter", "screen.act_on_lead", "Act on it", id="after.lead.act",
                tooltip="Referral: add as contact · lead: add employer · title: keep keyword"),
    ]  # fmt: skip


class AfterScreen(AutoSave, Screen[None]):
    CSS_PATH = stylesheet("after.tcss")
    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy", id="after.copy",
                tooltip="Copy the thank-you draft to the clipboard"),
        Binding("ctrl+s", "export", "Save .txt", id="after.export",
                tooltip="Save the draft as a text file beside the data file"),
        Binding("ctrl+t", "sent", "Sent", id="after.sent",
                tooltip="The thank-you is sent: close its follow-up, log the contact"),
        Binding("ctrl+r", "redraft", "Redraft", show=False, id="after.redraft",
                tooltip="Write the draft again from the notes (asks if you edited it)"),
        Binding("ctrl+n", "section(1)", "Next", id="after.next",
                tooltip="Next part: thank-you, reflection, leads, stay in touch"),
        Binding("ctrl+b", "section(-1)", "Previous part", show=False, id="after.previous",
                tooltip="Previous part"),
        Binding("i", "log_interaction", "Talked", id="after.log",
                tooltip="Log an interaction with them: the next check-in counts from now"),
        Binding("escape", "leave", "Back", id="after.back",
                tooltip="Leave the field; from outside a field, back (all is saved)"),
        *(
            Binding(str(n), f"show_tab({n - 1})", f"Part {n}", show=False, id=f"after.part{n}")
            for n in range(1, 5)
        ),
    ]  # fmt: skip

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None
        self.contact: Contact | None = None
        self.occupation: Occupation | None = None
        self._generated = ""  # the draft as the template wrote it last

    @property
    def store(self) -> Any:
        return self.app.store  # type: ignore[attr-defined]

    def _now(self):
        return self.app.clock.now()  # type: ignore[attr-defined]

    # ----- building --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="after-tabs"):
            with TabPane("1 Thank-you", id="tab-thanks"):
                yield Label("One thing I learned: pick a note (enter), or type it", id="pick-label")
                yield NotesList(id="notes")
                yield OneLineInput(
                    placeholder="the one thing I learned", id="learned", compact=True
                )
                yield TextArea(id="draft", soft_wrap=True, compact=True)
                yield Static("", id="thanks-status")
            with (
                TabPane("2 Reflection", id="tab-reflect"),
                VerticalScroll(id="reflect-scroll"),
            ):
                yield Label("How well does it fit me? (1 poor – 5 strong)", classes="head")
                for area, title in FIT_AREAS:
                    with Horizontal(classes="fit-row"):
                        yield Label(title, classes="fit-label")
                        yield Select(
                            FIT_CHOICES,
                            prompt="–",
                            compact=True,
                            id=f"fit-{area}",
                            classes="fit-select",
                        )
                        yield OneLineInput(
                            placeholder="a sentence on why", id=f"say-{area}", compact=True
                        )
                with Horizontal(id="compare-heads"):
                    yield Label("My perceptions, before", classes="head half")
                    yield Label("The insider's reality", classes="head half")
                with Horizontal(id="compare"):
                    with VerticalScroll(id="perceptions-box", classes="half"):
                        yield Static("", id="perceptions")
                    yield TextArea(id="reality", soft_wrap=True, compact=True, classes="half")
                yield Label("The job's demands: can I meet each? (space changes)", classes="head")
                yield DemandList(id="demands")
                with Horizontal(classes="fit-row"):
                    yield Label("Do I want it?", classes="fit-label wide")
                    yield Select(DECISIONS, prompt="not decided", compact=True, id="decision")
                yield Label("Training or experience I would need", classes="head")
                yield TextArea(id="training", soft_wrap=True, compact=True)
                yield Label("Next steps (a adds, f makes a follow-up)", classes="head")
                yield StepList(id="steps")
            with TabPane("3 Leads", id="tab-leads"):
                yield LeadList(id="leads")
                yield Static("", id="keywords")
            with TabPane("4 Stay in touch", id="tab-touch"):
                yield Static("", id="touch-info")
                with RadioSet(id="cadence"):
                    for choice in rhythm.CHOICES:
                        yield RadioButton(choice.label)
                    yield RadioButton("Custom")
                with Horizontal(classes="fit-row"):
                    yield Label("Custom: every", classes="fit-label wide")
                    yield OneLineInput(placeholder="45", id="custom-days", compact=True)
                    yield Label(" days")
                yield FieldError(id="custom-error")
                yield Static("", id="touch-next")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        interview = self.store.interviews.get(self.interview_id)
        if interview is None:
            self.notify("That meeting no longer exists.", severity="error")
            self.app.pop_screen()
            return
        self.interview = interview
        self.contact = self.store.contacts.get(interview.contact_id)
        self.occupation = self.store.occupations.get(interview.occupation_id)
        day = after.meeting_day(interview)
        name = self.contact.name if self.contact else "someone"
        self.sub_title = f"After the meeting with {name}" + (
            f" · {day:%a} {day.day} {day:%b %Y}" if day else ""
        )
        if interview.status is not InterviewStatus.DONE:
            self.notify("This meeting is not marked done yet.", severity="warning")
        self._fill_thanks()
        self._fill_reflection()
        self.refresh_leads()
        self._fill_touch()
        notes = self.query_one("#notes", NotesList)
        if notes.option_count:
            notes.highlighted = 0
            notes.focus()
        else:
            self.query_one("#learned").focus()

    # ----- saving ------------------------------------------------------------------------------

    def _reflection(self) -> Reflection:
        assert self.interview is not None
        return self.interview.reflection or Reflection()

    def _edit(self, *, now: bool = False, **changes: Any) -> None:
        """Change the reflection (made on the first edit) and save soon, or `now`."""
        assert self.interview is not None
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

    def write(self, store) -> None:
        if self.interview is not None:
            self.interview = store.interviews.save(self.interview)

    # ----- keys and parts ----------------------------------------------------------------------

    def _typing(self) -> bool:
        return isinstance(self.focused, TYPING)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in THANKS_ACTIONS:
            tabs = self.query(TabbedContent)
            return not tabs or tabs.first().active == "tab-thanks"
        if action in ("log_interaction", "show_tab"):
            return not self._typing()
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def action_show_tab(self, index: int) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = TABS[index % len(TABS)]
        first = {
            "tab-thanks": "#notes",
            "tab-reflect": "#fit-interests",
            "tab-leads": "#leads",
            "tab-touch": "#cadence",
        }[tabs.active]
        self.query_one(first).focus()

    def action_section(self, step: int) -> None:
        self.action_show_tab(TABS.index(self.query_one(TabbedContent).active) + step)

    def action_leave(self) -> None:
        if self._typing():
            self.query_one(TabbedContent).query_one(Tabs).focus()
            return
        self.save()
        self.app.pop_screen()

    # ----- 1 thank-you -------------------------------------------------------------------------

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
        if item is not None and item.due is not None:
            state = f"Thank-you due {item.due:%a} {item.due.day} {item.due:%b}."
        elif sent is not None and sent.done is not None:
            state = f"Sent {sent.done:%a} {sent.done.day} {sent.done:%b}."
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
        from .confirm import ConfirmScreen

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
        day = after.meeting_day(self.interview) or self._now().date()
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
        now = self._now()
        item = after.open_thank_you(items, self.interview.id)
        if item is not None:
            self.store.followups.save(replace(item, done=now))
        self._log(now)
        self.refresh_thanks_status("Marked sent.")
        self.notify("Thank-you marked sent.", title="Sent")

    # ----- 2 reflection ------------------------------------------------------------------------

    def _prefilled_demands(self) -> list[DemandCheck]:
        if self.occupation is None:
            return []
        return [DemandCheck(text=d.text) for d in self.occupation.demands if d.text.strip()]

    def _demands(self) -> list[DemandCheck]:
        if self.interview is not None and self.interview.reflection is not None:
            return self.interview.reflection.demands
        return self._prefilled_demands()

    def _fill_reflection(self) -> None:
        reflection = self._reflection()
        for area, _title in FIT_AREAS:
            fit = getattr(reflection, f"{area}_fit")
            self.query_one(f"#fit-{area}", Select).value = fit if fit else Select.NULL
            self.query_one(f"#say-{area}", Input).value = getattr(reflection, area)
        if self.occupation is None:
            mine = "This meeting has no occupation, so no perceptions were written before it."
        elif not self.occupation.perceptions.strip():
            mine = f"Nothing written before the meeting about {self.occupation.title}."
        else:
            mine = self.occupation.perceptions
        self.query_one("#perceptions", Static).update(Content(mine))
        self.query_one("#reality", TextArea).load_text(reflection.reality)
        decision = self.query_one("#decision", Select)
        decision.value = reflection.decision if reflection.decision else Select.NULL
        self.query_one("#training", TextArea).load_text(reflection.training)
        self.refresh_demands()
        self.refresh_steps()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        widget_id = event.select.id or ""
        value = None if event.value is Select.NULL else event.value
        if widget_id.startswith("fit-"):
            field_name = f"{widget_id.removeprefix('fit-')}_fit"
            if getattr(self._reflection(), field_name) != value:
                self._edit(**{field_name: value})
        elif widget_id == "decision":
            decision = value if isinstance(value, Decision) else Decision.UNDECIDED
            if decision != self._reflection().decision:
                self._edit(decision=decision)

    @on(Input.Changed)
    def _sentence_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if widget_id.startswith("say-"):
            area = widget_id.removeprefix("say-")
            if getattr(self._reflection(), area) != event.value:
                self._edit(**{area: event.value})

    @on(TextArea.Changed, "#reality, #training")
    def _long_text_changed(self, event: TextArea.Changed) -> None:
        field_name = event.text_area.id or ""
        if getattr(self._reflection(), field_name) != event.text_area.text:
            self._edit(**{field_name: event.text_area.text})

    def refresh_demands(self, highlight: int | None = None) -> None:
        demands = self._demands()
        listing = self.query_one("#demands", DemandList)
        old = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(Content.assemble((f"[{CAN_MEET_LABEL[d.can_meet]}] ", "bold"), d.text))
                for d in demands
            ]
            or [Option("No demands yet: a adds one.", disabled=True)]
        )
        target = highlight if highlight is not None else (old or 0)
        if demands:
            listing.highlighted = max(0, min(target, len(demands) - 1))

    def _highlighted(self, selector: str, count: int) -> int | None:
        index = self.query_one(selector, OptionList).highlighted
        return index if index is not None and 0 <= index < count else None

    def action_cycle_demand(self) -> None:
        demands = list(self._demands())
        index = self._highlighted("#demands", len(demands))
        if index is None:
            return
        current = demands[index]
        following = CAN_MEET_CYCLE[(CAN_MEET_CYCLE.index(current.can_meet) + 1) % 4]
        demands[index] = replace(current, can_meet=following)
        self._edit(demands=demands, now=True)
        self.refresh_demands(index)

    def action_add_demand(self) -> None:
        from .text_prompt import TextPrompt

        def add(text: str | None) -> None:
            if text:
                demands = [*self._demands(), DemandCheck(text=text)]
                self._edit(demands=demands, now=True)
                self.refresh_demands(len(demands) - 1)
            self.query_one("#demands").focus()

        self.app.push_screen(
            TextPrompt(
                "Add a demand", "A demand of the job (physical, schedule, stress, training)"
            ),
            add,
        )

    def action_remove_demand(self) -> None:
        demands = list(self._demands())
        index = self._highlighted("#demands", len(demands))
        if index is not None:
            del demands[index]
            self._edit(demands=demands, now=True)
            self.refresh_demands(index)

    def _steps_with_items(self) -> set[str]:
        assert self.interview is not None
        return {
            item.title
            for item in self.store.followups.all()
            if item.kind is FollowUpKind.NEXT_STEP and item.interview_id == self.interview.id
        }

    def refresh_steps(self, highlight: int | None = None) -> None:
        steps = self._reflection().next_steps
        made = self._steps_with_items()
        listing = self.query_one("#steps", StepList)
        old = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(Content.assemble(("✓ follow-up  " if s in made else "• ", "bold"), s))
                for s in steps
            ]
            or [Option("No next steps yet: a adds one.", disabled=True)]
        )
        target = highlight if highlight is not None else (old or 0)
        if steps:
            listing.highlighted = max(0, min(target, len(steps) - 1))

    def action_add_step(self) -> None:
        from .text_prompt import TextPrompt

        def add(text: str | None) -> None:
            if text:
                steps = [*self._reflection().next_steps, text]
                self._edit(next_steps=steps, now=True)
                self.refresh_steps(len(steps) - 1)
            self.query_one("#steps").focus()

        self.app.push_screen(TextPrompt("Add a next step", "What will I do next?"), add)

    def action_remove_step(self) -> None:
        steps = list(self._reflection().next_steps)
        index = self._highlighted("#steps", len(steps))
        if index is not None:
            del steps[index]
            self._edit(next_steps=steps, now=True)
            self.refresh_steps(index)

    def action_step_followup(self) -> None:
        assert self.interview is not None
        steps = self._reflection().next_steps
        index = self._highlighted("#steps", len(steps))
        if index is None:
            return
        step = clean_text(steps[index])
        if step in self._steps_with_items():
            self.notify("That step is already a follow-up item.")
            return
        name = self.contact.name if self.contact else ""
        item = after.next_step_item(step, self.interview, self._now().date(), interviewee=name)
        self.store.followups.save(replace(item, created=self._now()))
        self.refresh_steps(index)
        due = item.due
        self.notify(f"Follow-up added, due {due:%a} {due.day} {due:%b}." if due else "Added.")

    # ----- 3 leads -----------------------------------------------------------------------------

    def _lead_indexes(self) -> list[int]:
        assert self.interview is not None
        return [i for i, c in enumerate(self.interview.captures) if c.kind in LEAD_KINDS]

    def refresh_leads(self, highlight: int | None = None) -> None:
        assert self.interview is not None
        listing = self.query_one("#leads", LeadList)
        old = listing.highlighted
        listing.clear_options()
        options = []
        for index in self._lead_indexes():
            capture = self.interview.captures[index]
            extra = ""
            if capture.kind is CaptureKind.REFERRAL:
                extra = f" · {capture.organization}" if capture.organization else ""
                extra += " · may use their name" if capture.may_use_name else ""
            mark = "✓ " if capture.handled else "→ "
            options.append(
                Option(
                    Content.assemble(
                        (mark, "bold"), (f"{capture.kind.value}: ", "italic"), capture.text, extra
                    )
                )
            )
        listing.add_options(options or [Option("No referrals, leads or titles.", disabled=True)])
        target = highlight if highlight is not None else (old or 0)
        if options:
            listing.highlighted = max(0, min(target, len(options) - 1))
        words = after.job_titles(self.interview)
        if self.occupation is not None:
            words = after.unique_words([*self.occupation.keywords, *words])
        self.query_one("#keywords", Static).update(
            Content(
                "Search keywords: " + (", ".join(words) if words else "none yet")
                + "\nenter: referral → contact + reach-out · lead → employer · title → keyword"
            )
        )  # fmt: skip

    def action_act_on_lead(self) -> None:
        assert self.interview is not None
        indexes = self._lead_indexes()
        row = self._highlighted("#leads", len(indexes))
        if row is None:
            return
        index = indexes[row]
        capture = self.interview.captures[index]
        if capture.handled:
            self.notify("Already done.")
            return
        if capture.kind is CaptureKind.REFERRAL:
            self._referral(index, row)
        elif capture.kind is CaptureKind.LEAD:
            self._lead(index, row)
        else:
            self._keyword(index, row)

    def _handled(self, index: int, row: int) -> None:
        assert self.interview is not None
        self.interview = after.mark_handled(self.interview, index)
        self.save()
        self.refresh_leads(row)

    def _referral(self, index: int, row: int) -> None:
        from .confirm import ConfirmScreen

        assert self.interview is not None
        capture = self.interview.captures[index]
        existing = after.find_by_name(self.store.contacts.all(), capture.text)

        def add(sure: bool | None) -> None:
            if not sure:
                return
            assert self.interview is not None
            now = self._now()
            interviewee = self.contact or Contact()
            contact = after.referral_to_contact(capture, self.interview, interviewee)
            if capture.organization.strip():
                org = after.find_by_name(self.store.organizations.all(), capture.organization)
                if org is None:
                    org = self.store.organizations.save(
                        Organization(
                            name=clean_text(capture.organization),
                            why=f"where {contact.name} works",
                        )
                    )
                contact = replace(contact, organization_id=org.id)
            contact = self.store.contacts.save(replace(contact, created=now))
            item = after.reach_out_item(
                contact, self.interview, now.date(), introducer=interviewee.name
            )
            self.store.followups.save(replace(item, created=now))
            self._handled(index, row)
            self.notify(Content(f"{contact.name} added to contacts, with a reach-out item."))

        if existing is None:
            add(True)
        else:
            self.app.push_screen(
                ConfirmScreen(
                    "Already a contact?",
                    f"{existing.name} is already in your contacts. Add another contact anyway?",
                    yes="Add another",
                ),
                add,
            )

    def _lead(self, index: int, row: int) -> None:
        assert self.interview is not None
        capture = self.interview.captures[index]
        by = self.contact.name if self.contact else ""
        org = after.find_by_name(self.store.organizations.all(), capture.text)
        if org is None:
            org = after.lead_to_organization(capture, suggested_by=by)
            message = f"{org.name} added to your employers (unranked)."
        else:
            org = after.mark_hiring(org, suggested_by=by)
            message = f"{org.name} was listed already: marked as hiring."
        self.store.organizations.save(org)
        self._handled(index, row)
        self.notify(Content(message))

    def _keyword(self, index: int, row: int) -> None:
        assert self.interview is not None
        capture = self.interview.captures[index]
        if self.occupation is not None:
            self.occupation = self.store.occupations.save(
                after.keep_keyword(self.occupation, capture.text)
            )
            message = f"Kept as a keyword for {self.occupation.title}."
        else:
            message = "Kept as a search keyword with this meeting."
        self._handled(index, row)
        self.notify(Content(message))

    # ----- 4 stay in touch ---------------------------------------------------------------------

    def _fill_touch(self) -> None:
        cadence = self.contact.cadence_days if self.contact else None
        buttons = list(self.query_one("#cadence", RadioSet).query(RadioButton))
        choices = [c.days for c in rhythm.CHOICES]
        index = choices.index(cadence) if cadence in choices else len(choices)
        buttons[index].value = True
        if cadence is not None and cadence not in choices:
            self.query_one("#custom-days", Input).value = str(cadence)
        if self.contact is None:
            self.query_one("#cadence").disabled = True
            self.query_one("#custom-days").disabled = True
        self.refresh_touch()

    def refresh_touch(self) -> None:
        if self.contact is None:
            self.query_one("#touch-info", Static).update("This meeting has no contact.")
            self.query_one("#touch-next", Static).update("")
            return
        last = self.contact.last_contact
        seen = f"{last:%a} {last.day} {last:%b %Y}" if last else "not logged yet"
        self.query_one("#touch-info", Static).update(
            Content(
                f"{self.contact.name}: last contact {seen}; "
                f"rhythm {rhythm.describe(self.contact.cadence_days)}.{self._offers()}"
            )
        )
        item = rhythm.open_touch_item(self.contact, self.store.followups.all())
        if item is not None and item.due is not None:
            next_text = f"Next check-in due {item.due:%a} {item.due.day} {item.due:%b %Y}."
        else:
            next_text = "No check-in planned."
        self.query_one("#touch-next", Static).update(
            f"{next_text}\ni logs an interaction (we talked): the next one counts from now."
        )

    def _offers(self) -> str:
        """Things I offered to share back: a reason to get in touch again."""
        assert self.interview is not None
        offers = [c.text for c in self.interview.captures if c.kind is CaptureKind.OFFER]
        return f"\nTo share back: {'; '.join(offers)}" if offers else ""

    def _save_touch(self, contact: Contact, items: list) -> None:
        self.contact = self.store.contacts.save(contact)
        for item in items:
            self.store.followups.save(item)
        self.refresh_touch()

    def _set_cadence(self, days: int | None) -> None:
        if self.contact is None or days == self.contact.cadence_days:
            return
        profile = self.store.profile()
        contact, items = rhythm.set_cadence(
            self.contact, days, self.store.followups.all(), self._now(), profile.rest_days
        )
        self._save_touch(contact, items)

    @on(RadioSet.Changed, "#cadence")
    def _cadence_chosen(self, event: RadioSet.Changed) -> None:
        if event.index < len(rhythm.CHOICES):
            self.query_one("#custom-error", FieldError).show("")
            self._set_cadence(rhythm.CHOICES[event.index].days)
        else:
            self._custom_days(self.query_one("#custom-days", Input).value)

    @on(Input.Changed, "#custom-days")
    def _custom_typed(self, event: Input.Changed) -> None:
        if event.value.strip():
            buttons = list(self.query_one("#cadence", RadioSet).query(RadioButton))
            if not buttons[-1].value:
                buttons[-1].value = True  # typing a number chooses "custom"
                return  # the radio change applies it
            self._custom_days(event.value)

    def _custom_days(self, text: str) -> None:
        error = self.query_one("#custom-error", FieldError)
        try:
            days = rhythm.check_custom_days(text)
        except ValueError as err:
            error.show(str(err))
            return
        error.show("")
        self._set_cadence(days)

    def _log(self, when) -> None:
        if self.contact is None:
            return
        profile = self.store.profile()
        self.contact = self.store.contacts.get(self.contact.id) or self.contact
        contact, items = rhythm.log_interaction(
            self.contact, when, self.store.followups.all(), profile.rest_days
        )
        self._save_touch(contact, items)

    def action_log_interaction(self) -> None:
        if self.contact is None:
            self.notify("This meeting has no contact to log.", severity="warning")
            return
        self._log(self._now())
        self.notify(Content(f"Logged: in touch with {self.contact.name} today."))
