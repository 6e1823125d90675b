"""A meeting's plan: everything before it, with the prep checklist on top showing what is left.

Sections: the request email (with the coach's check, live), the phone script, my introduction
(with a rehearsal stopwatch), the questions, and the schedule. Everything is kept as it is typed
(half a second after the last key) and again on leaving; a bad date or length is refused with a
message under its field and changes nothing saved. Marking the request sent starts the
business-day follow-ups; a reply, accepted or declined, closes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane, Tabs

from ...dialogs.confirm import ConfirmScreen
from ...dialogs.text_prompt import TextPrompt
from ...domain import prep
from ...domain import request as rq
from ...domain.records import (
    Contact,
    Interview,
    InterviewStatus,
    Occupation,
    Organization,
    Profile,
)
from ...domain.summary import person_named
from ...domain.timefmt import full_datetime
from ...domain.validation import clean_text
from ...domain.when_reader import DateError
from ...paths import stylesheet
from ...services import Outcome, meetings
from ...services import questions as bank_service
from ..sending import (
    SEND_ACTIONS,
    Sendable,
    SendingScreen,
    file_name,
    send_bindings,
    signature_note,
)
from .intro import IntroPane
from .questions import QuestionsPane
from .request import RequestPane
from .schedule import SchedulePane

if TYPE_CHECKING:
    from ...store.store import Store

REQUEST_TABS = ("email", "phone")
PAST_ALLOWED = frozenset(
    {InterviewStatus.LIVE, InterviewStatus.DONE, InterviewStatus.CANCELLED}
)  # a meeting that has happened (or not) may keep a date in the past


class PlanScreen(SendingScreen):
    CSS_PATH = stylesheet("plan.tcss")
    BINDINGS = [
        *send_bindings("The request is out (written or phoned): waiting for a reply, "
                       "follow-ups after 3 and 7 business days"),
        Binding("ctrl+l", "reply('accepted')", "They said yes", id="plan.accepted",
                tooltip="They agreed to meet: closes the follow-ups; set the date next"),
        Binding("ctrl+n", "reply('declined')", "Declined", id="plan.declined",
                tooltip="They declined: closes the follow-ups"),
        Binding("ctrl+f", "stopwatch", "Stopwatch", id="plan.stopwatch",
                tooltip="Start or stop timing a spoken run of the introduction"),
        Binding("space", "toggle_question", "Pick", id="plan.pick",
                tooltip="Pick or unpick the highlighted question"),
        Binding("shift+up", "move(-1)", "Earlier", id="plan.earlier",
                tooltip="Ask the highlighted question earlier"),
        Binding("shift+down", "move(1)", "Later", id="plan.later",
                tooltip="Ask the highlighted question later"),
        Binding("a", "add_question", "Add own", id="plan.add",
                tooltip="Add a question of your own to the bank and this plan"),
        Binding("escape", "back", "Back", id="plan.back",
                tooltip="From a field: to the section tabs; from the tabs: save and go back"),
    ]  # fmt: skip

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.interview: Interview | None = None
        self.introduction = ""  # Profile.introduction as typed
        self._stored_introduction = ""
        self.contact: Contact | None = None
        self.introducer: Contact | None = None
        self.organization: Organization | None = None
        self.occupation: Occupation | None = None
        self._schedule: SchedulePane | None = None  # kept: read while the app closes
        self._signed_as = ""  # Me's name when the drafts were last written

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="checklist")
        with TabbedContent(id="plan-tabs"):
            yield RequestPane("email")
            yield RequestPane("phone")
            with TabPane("Introduction", id="intro-tab"):
                yield IntroPane(self.now, id="intro-pane")
            with TabPane("Questions", id="questions"):
                yield QuestionsPane(id="questions-pane")
            with TabPane("Schedule", id="schedule"):
                yield SchedulePane(self.now, id="schedule-pane")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._schedule = self.query_one(SchedulePane)
        self.load()

    def reload_from_store(self) -> None:
        self.load()

    # ----- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        store = self.store
        interview = store.interviews.get(self.interview_id)
        if interview is None:
            self.notify("That meeting no longer exists.", severity="error")
            self.app.pop_screen()
            return
        if len(store.questions) == 0 and not store.readonly:  # a first plan: the built-in bank
            bank_service.ensure_bank(store)
        profile: Profile = store.profile()
        self.contact = store.contacts.get(interview.contact_id)
        self.introducer = (
            store.contacts.get(self.contact.introduced_by_id) if self.contact else None
        )
        self.organization = store.organizations.get(interview.organization_id)
        self.occupation = store.occupations.get(interview.occupation_id)
        if self.occupation is None:
            self.occupation = next((o for o in store.occupations.all() if o.current), None)
            if self.occupation is not None:
                interview = replace(interview, occupation_id=self.occupation.id)
        self.introduction = self._stored_introduction = profile.introduction
        self._signed_as = profile.name
        request = interview.request
        if self.contact is not None and not request.email.strip():
            request = replace(request, email=self._draft(rq.email_draft, profile))
        if self.contact is not None and not request.phone_script.strip():
            request = replace(request, phone_script=self._draft(rq.phone_script, profile))
        if not interview.place.strip() and self.organization is not None:
            interview = replace(interview, place=meetings.default_place(self.organization))
        interview = replace(interview, request=request)
        self.interview = interview
        if interview != store.interviews.get(self.interview_id):
            self.save()  # the drafts and defaults are in the file from the start

        who = person_named(interview, self.contact) or "someone"
        where = f" · {self.organization.name}" if self.organization else ""
        self.sub_title = f"Plan: {who}{where}"
        self.query_one("#email", RequestPane).show(request.email, self.contact, self.introducer)
        self.query_one("#phone", RequestPane).show(
            request.phone_script, self.contact, self.introducer
        )
        self.query_one(IntroPane).show(self.introduction)
        bank = sorted(store.questions.all(), key=lambda q: q.id or 0)
        self.query_one(QuestionsPane).show(bank, interview.questions)
        schedule = self.query_one(SchedulePane)
        schedule.day_first = profile.day_first
        schedule.allow_past = interview.status in PAST_ALLOWED
        schedule.show(interview.when, interview.place, interview.minutes)
        self.refresh_all()
        self.query_one(Tabs).focus()

    def _draft(self, template: Callable[..., str], profile: Profile) -> str:
        assert self.contact is not None
        return template(
            self.contact, self.organization, self.occupation, self.introducer,
            profile.introduction, profile.name,
        )  # fmt: skip

    # ----- showing ------------------------------------------------------------------------------

    def refresh_all(self) -> None:
        self.refresh_checklist()
        self.refresh_request_status()
        self.refresh_bindings()

    def refresh_request_status(self, extra: str = "") -> None:
        """Where the request stands, under both texts; `extra` under the one shown."""
        if self.interview is None:
            return
        now = self.now()
        unsigned = signature_note(self.store.profile())
        shown = self.section if self.query(TabbedContent) else ""
        for pane in self.query(RequestPane).results(RequestPane):
            said = extra if pane.id == shown else ""
            pane.show_status(self.interview.request, now, said, unsigned)

    def on_screen_resume(self) -> None:
        """Back from Me, perhaps with my name set: drafts not edited since are signed with it."""
        if self.interview is None or self.contact is None:
            return
        profile = replace(self.store.profile(), introduction=self.introduction)
        if profile.name != self._signed_as:
            before = replace(profile, name=self._signed_as)
            for pane in self.query(RequestPane).results(RequestPane):
                template = rq.email_draft if pane.kind == "email" else rq.phone_script
                kept = getattr(self.interview.request, pane.field)
                if kept == clean_text(self._draft(template, before)):
                    pane.redraft(self._draft(template, profile), focus=False)
            self._signed_as = profile.name
        self.refresh_request_status()

    def refresh_checklist(self) -> None:
        if self.interview is None:
            return
        profile = replace(self.store.profile(), introduction=self.introduction)
        organization = (
            self.store.organizations.get(self.organization.id) if self.organization else None
        )  # fresh: research may have been added since
        steps = prep.checklist(
            self.interview, profile, self.occupation, organization, self.contact,
            zone=self.now().tzinfo,
        )  # fmt: skip
        parts: list[str | tuple[str, str]] = []
        for step in steps:
            mark = ("✓ ", "bold $success") if step.done else ("✗ ", "bold $error")
            parts += [mark, (step.label, "" if step.done else "bold"), " "]
        left = prep.left(steps)
        if left:
            parts += [
                "\n",
                (f"{len(left)} left · next: ", "bold"),
                f"{left[0].label}: {left[0].hint}",
            ]
        else:
            parts += ["\n", ("Ready: every step is done.", "bold $success")]
        self.query_one("#checklist", Static).update(Content.assemble(*parts))

    # ----- saving -------------------------------------------------------------------------------

    def _changed(self, interview: Interview, *, now: bool = False) -> None:
        self.interview = interview
        if now:
            self.save()
        else:
            self.save_soon()
        self.refresh_checklist()

    def write(self, store: Store) -> None:
        """Hand the meeting and the introduction to the store (memory now, disk shortly)."""
        if self.interview is None:
            return
        if self._schedule is not None:
            changed, when = self._schedule.pending()
            if changed:  # a good date typed but not yet kept (enter or leaving the field)
                self._apply_when(when)
        typed = self.introduction if self.introduction != self._stored_introduction else None
        self.interview = meetings.save_plan(store, self.interview, typed).value
        self._stored_introduction = self.introduction

    @on(RequestPane.TextEdited)
    def _request_typed(self, event: RequestPane.TextEdited) -> None:
        if self.interview is None or getattr(self.interview.request, event.field) == event.text:
            return
        changes: dict[str, Any] = {event.field: event.text}
        self._changed(replace(self.interview, request=replace(self.interview.request, **changes)))

    @on(IntroPane.IntroChanged)
    def _intro_typed(self, event: IntroPane.IntroChanged) -> None:
        self.introduction = clean_text(event.text)
        if self.interview is not None:
            self._changed(self.interview)

    @on(QuestionsPane.PlanChanged)
    def _plan_changed(self, event: QuestionsPane.PlanChanged) -> None:
        if self.interview is not None:
            self._changed(replace(self.interview, questions=event.plan), now=True)

    @on(SchedulePane.WhenChosen)
    def _when_chosen(self, event: SchedulePane.WhenChosen) -> None:
        if self._apply_when(event.when):
            self.save()
            self.refresh_all()
            if event.when is not None:
                self.notify(
                    f"Date kept: {full_datetime(event.when, self.now().tzinfo)}.", timeout=3
                )

    def _apply_when(self, when: datetime | None) -> bool:
        """Hold the new date (a date agreed means they answered: the follow-ups close)."""
        if self.interview is None or when == self.interview.when:
            return False
        self.interview = meetings.set_date(self.store, self.interview, when, self.now())
        return True

    @on(SchedulePane.PlaceChanged)
    def _place_changed(self, event: SchedulePane.PlaceChanged) -> None:
        if self.interview is not None and event.place != self.interview.place:
            self._changed(replace(self.interview, place=event.place))

    @on(SchedulePane.MinutesChanged)
    def _minutes_changed(self, event: SchedulePane.MinutesChanged) -> None:
        if self.interview is not None and event.minutes != self.interview.minutes:
            self._changed(replace(self.interview, minutes=event.minutes))

    # ----- keys ---------------------------------------------------------------------------------

    @property
    def section(self) -> str:
        return self.query_one(TabbedContent).active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted or not self.query(TabbedContent):
            return True
        section = self.section
        if action in SEND_ACTIONS or action == "reply":
            if section not in REQUEST_TABS:
                return False
            if action == "mark_sent" and self.interview and self.interview.request.sent:
                return None  # shown dimmed: already sent
            return True
        if action == "stopwatch":
            return section == "intro-tab"
        if action in ("toggle_question", "move", "add_question"):
            return section == "questions"
        return True

    @on(TabbedContent.TabActivated)
    def _section_changed(self) -> None:
        self.refresh_bindings()

    def action_mark_sent(self) -> None:
        if self.interview is None or self.contact is None:
            return
        self._adopt(meetings.mark_request_sent(self.store, self.interview, self.now()), 6)

    def action_reply(self, reply: str) -> None:
        if self.interview is None:
            return
        self._adopt(meetings.record_reply(self.store, self.interview, reply, self.now()), 5)
        if reply == "accepted" and self.interview.when is None:
            self.query_one(TabbedContent).active = "schedule"
            self.query_one("#when").focus()

    def _adopt(self, outcome: Outcome[Interview], timeout: float) -> None:
        """Hold the meeting as the service saved it (this screen's edits included)."""
        self.interview = outcome.value
        self.refresh_all()
        self.notify(outcome.message, markup=False, timeout=timeout)

    def sendable(self) -> Sendable | None:
        if self.section not in REQUEST_TABS:
            return None
        pane = self.query_one(f"#{self.section}", RequestPane)
        what = "request email" if pane.kind == "email" else "phone script"
        kind = "request-email" if pane.kind == "email" else "phone-script"
        name = self.contact.name if self.contact else ""
        return Sendable(clean_text(pane.area.text), what, file_name(kind, name, self.now().date()))

    def show_send_status(self, message: str) -> None:
        self.refresh_request_status(message)

    def action_redraft(self) -> None:
        if self.contact is None or self.interview is None:
            return
        pane = self.query_one(f"#{self.section}", RequestPane)
        what = "email" if pane.kind == "email" else "phone script"

        def answered(yes: bool | None) -> None:
            if not yes or self.interview is None:
                return
            profile = replace(self.store.profile(), introduction=self.introduction)
            template = rq.email_draft if pane.kind == "email" else rq.phone_script
            pane.redraft(self._draft(template, profile))  # kept as an edit, like typing

        self.app.push_screen(
            ConfirmScreen(
                f"Redraft the {what}?",
                f"The {what} is replaced by a fresh draft from the template, filled from the "
                "contact, employer, occupation and your introduction. Your edits to it are lost.",
                yes="Redraft",
                no="Keep mine",
            ),
            answered,
        )

    def action_back(self) -> None:
        tabs = self.query_one(Tabs)
        if self.focused is not None and self.focused is not tabs:
            tabs.focus()
            return
        self.leave()

    def leave(self) -> None:
        self.save()
        kept = self._date_not_kept()
        if kept is not None:
            self.notify(kept, title="Date not changed", severity="warning", timeout=10)
        self.app.pop_screen()

    def _date_not_kept(self) -> str | None:
        """What to say when the typed date cannot be kept (the meeting keeps its old one)."""
        typed = self._schedule.unreadable() if self._schedule is not None else None
        if typed is None or self.interview is None:
            return None
        when = self.interview.when
        kept = f"keeps {full_datetime(when, self.now().tzinfo)}" if when else "still has no date"
        return f"The date {typed.strip()!r} could not be kept, so the meeting {kept}."

    def exit_warning(self) -> str | None:
        """Said before the app quits (see InfoviewApp.action_quit): a date that cannot be kept,
        and why, so that quitting never drops it silently."""
        said = self._date_not_kept()
        if said is None or self._schedule is None:
            return None
        try:
            self._schedule.read(self._schedule.field.text)
        except DateError as err:
            said = f"{said}\n\n{err}"
        return said

    def back_to_warning(self) -> None:
        """The person chose to go back instead of quitting: the cursor on the date to fix."""
        self.query_one(TabbedContent).active = "schedule"
        self.set_focus(self.query_one("#when"))

    def action_stopwatch(self) -> None:
        self.query_one(IntroPane).toggle()

    def action_toggle_question(self) -> None:
        self.query_one(QuestionsPane).toggle()

    def action_move(self, step: int) -> None:
        self.query_one(QuestionsPane).move(step)

    def action_add_question(self) -> None:
        def added(text: str | None) -> None:
            if not text:
                return
            question = bank_service.add_own(self.store, text).value
            self.query_one(QuestionsPane).add(question)

        self.app.push_screen(
            TextPrompt("My own question", "A question you want to ask in this meeting:"), added
        )
