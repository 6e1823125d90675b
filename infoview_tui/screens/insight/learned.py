"""What I have learned: for one occupation, everything the insiders said, side by side.

Read-only and in the person's own words (domain.learned gathers it; nothing is summarised or
scored): my perceptions from before any meeting, then each meeting's reality; each demand
with every "can I meet it?" and the note behind it; what I decided after each meeting; the
answers different people gave to the same question; the job titles and training they named.
The page scrolls with the arrow keys; 1-6 jump to a part. It is gathered on a worker thread;
long lists (a person with hundreds of meetings) show their first entries and `+` shows more.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Header, Static

from ...domain.learned import Learned, can_i, learned_about
from ...domain.records import CanMeet, Contact, Interview, Occupation, Organization
from ...paths import stylesheet
from ..base import InfoviewScreen

FIRST_SHOWN = 12  # entries of each list shown at first; + doubles it

PARTS = (
    ("compare", "Before and after"),
    ("demands", "Demands"),
    ("decisions", "Do I want it?"),
    ("questions", "Same question"),
    ("titles", "Job titles"),
    ("training", "Training"),
)
CAN_WORDS = {
    CanMeet.YES: "yes",
    CanMeet.WITH_ACCOMMODATION: "with accommodation",
    CanMeet.NO: "no",
    CanMeet.UNKNOWN: "not judged",
}


def _head(text: str) -> Content:
    return Content.styled(text, "bold $accent")


def _who(label: str) -> Content:
    return Content.styled(label, "bold")


def _dim(text: str) -> Content:
    return Content.styled(text, "dim")


Row = tuple[Content, int]  # a line of the page and how far it is indented (0, 1 or 2)


def _rows(*parts: Content | Row) -> list[Row]:
    return [p if isinstance(p, tuple) else (p, 0) for p in parts]


def _blocks(rows: list[Row]) -> list[Row]:
    """Lines with the same indent one after another, as one block: fewer widgets to lay out,
    and each block's wrapped lines keep its indent."""
    out: list[Row] = []
    for content, indent in rows:
        if out and out[-1][1] == indent and indent:
            out[-1] = (Content("\n").join([out[-1][0], content]), indent)
        else:
            out.append((content, indent))
    return out


def _more(left: int, what: str) -> Row:
    return (_dim(f"… {left:,} more {what}: + shows more"), 1)


class LearnedScreen(InfoviewScreen[None]):
    CSS_PATH = stylesheet("learned.tcss")
    BINDINGS = [
        *(
            Binding(str(n), f"jump('{key}')", label, id=f"learned.{key}", show=n <= 3,
                    tooltip=f"Jump to: {label}")
            for n, (key, label) in enumerate(PARTS, start=1)
        ),
        Binding("up", "scroll(-1)", "Up", show=False),
        Binding("down", "scroll(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("home", "jump('top')", "Top", show=False),
        Binding("end", "jump('end')", "End", show=False),
        Binding("plus", "more", "More", id="learned.more", show=False,
                tooltip="Show more of each long list"),
        Binding("escape", "app.pop_screen", "Back", id="learned.back", tooltip="Back"),
    ]  # fmt: skip

    @dataclass
    class Gathered(Message):
        learned: Learned

    def __init__(self, occupation_id: int) -> None:
        super().__init__()
        self.occupation_id = occupation_id
        self.learned: Learned | None = None
        self.limit = FIRST_SHOWN

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="learned-page", can_focus=False):
            yield Vertical(id="learned-top")
            for key, _label in PARTS:
                yield Vertical(id=f"learned-{key}", classes="learned-part")
            yield Static("", id="learned-end")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """What I believed before, at once (it needs no counting); the rest is gathered on
        a worker and takes its place."""
        occupation = self.store.occupations.get(self.occupation_id)
        if occupation is None:
            return  # gather() says so and leaves
        before = occupation.perceptions.strip()
        self.query_one("#learned-top").mount_all([
            Static(_head(occupation.title or "(no title)")),
            Static(_dim("Gathering what every meeting said…")),
        ])  # fmt: skip
        self.query_one("#learned-compare").mount_all([
            Static(_head("1 What I believed before, and what they said")),
            Static(_who("My perceptions, before any meeting")),
            Static(Content(before) if before else _dim("(none written)"), classes="indent-1"),
        ])  # fmt: skip

    def reload_from_store(self) -> None:
        self.gather()

    def on_screen_resume(self) -> None:
        # Also when first shown: once the perceptions are drawn (see network.py).
        self.call_after_refresh(self.gather)

    def gather(self) -> None:
        occupation = self.store.occupations.get(self.occupation_id)
        if occupation is None:
            self.notify("That occupation was deleted.", severity="warning")
            self.app.pop_screen()
            return
        self.sub_title = f"What I have learned: {occupation.title or '(no title)'}"
        store = self.store
        self._gather(occupation, store.interviews.all(), store.contacts.all(),
                     store.organizations.all())  # fmt: skip

    # A description of its own: Textual would otherwise build one from the repr of every
    # record handed in (slow at 10x, and personal data in its debug output).
    @work(thread=True, exclusive=True, group="learned", description="what I have learned")
    def _gather(
        self,
        occupation: Occupation,
        interviews: list[Interview],
        contacts: list[Contact],
        organizations: list[Organization],
    ) -> None:
        self.post_message(self.Gathered(learned_about(occupation, interviews, contacts,
                                                      organizations)))  # fmt: skip

    async def on_learned_screen_gathered(self, message: Gathered) -> None:
        self.learned = message.learned
        await self.show()

    async def action_more(self) -> None:
        self.limit *= 4
        await self.show()

    async def show(self) -> None:
        learned = self.learned
        if learned is None:
            return
        parts = {
            "top": self._top(learned),
            "compare": self._compare(learned),
            "demands": self._demands(learned),
            "decisions": self._decisions(learned),
            "questions": self._questions(learned),
            "titles": self._titles(learned),
            "training": self._training(learned),
        }
        with self.app.batch_update():
            for key, rows in parts.items():
                part = self.query_one(f"#learned-{key}", Vertical)
                await part.remove_children()
                await part.mount_all(
                    Static(content, classes=f"indent-{indent}") for content, indent in _blocks(rows)
                )
        self.query_one("#learned-end", Static).update(
            _dim("That is everything recorded so far.") if not learned.empty else Content("")
        )

    # ----- the parts -------------------------------------------------------------------------

    def _top(self, learned: Learned) -> list[Row]:
        if learned.empty:
            lines: list[Content | Row] = [
                _head(learned.title or "(no title)"),
                Content(
                    "No meeting about this occupation has been held yet. After each one, the "
                    "reflection on the After screen adds what the insider said here."
                ),
            ]
        else:
            names = ", ".join(v.name for v in learned.voices)
            count = len(learned.voices)
            lines = [
                _head(learned.title or "(no title)"),
                Content(f"{count} meeting{'s' * (count != 1)} held: {names}."),
                Content(can_i(learned)),
            ]
        if learned.unlinked:
            lines.append(_dim(
                f"{learned.unlinked} held meeting{'s have' if learned.unlinked != 1 else ' has'} "
                "no occupation chosen; choose it on the meeting's plan to include it here."
            ))  # fmt: skip
        return _rows(*lines)

    def _compare(self, learned: Learned) -> list[Row]:
        lines: list[Content | Row] = [_head("1 What I believed before, and what they said")]
        lines.append(_who("My perceptions, before any meeting"))
        before = learned.perceptions.strip()
        none = "(none written: add them on the occupation screen)"
        lines.append((Content(before), 1) if before else (_dim(none), 1))
        for said in learned.realities[: self.limit]:
            lines += [Content(""), _who(said.voice.label()), (Content(said.text), 1)]
        if len(learned.realities) > self.limit:
            lines.append(_more(len(learned.realities) - self.limit, "meetings' reality"))
        if not learned.realities and not learned.empty:
            lines += [Content(""), _dim("No reality written in a reflection yet.")]
        return _rows(*lines)

    def _demands(self, learned: Learned) -> list[Row]:
        lines: list[Content | Row] = [_head("2 The job's demands: can I meet them?")]
        if not learned.demands:
            lines.append(_dim("No demands written down yet (the occupation screen has them)."))
        for demand in learned.demands:
            kind = f"{demand.kind}: " if demand.kind else "added in a meeting: "
            lines += [
                Content(""),
                Content.assemble((kind, "dim"), (demand.text, "bold")),
                (_dim(demand.tally()), 1),
            ]
            if len(demand.answers) > self.limit:
                lines.append(_more(len(demand.answers) - self.limit, "answers"))
            for voice, can, note in demand.answers[: self.limit]:
                said = f" — {note}" if note else ""
                lines.append((Content.assemble(
                    (CAN_WORDS[can], "bold"), f" ({voice.name}){said}"
                ), 1))  # fmt: skip
        return _rows(*lines)

    def _decisions(self, learned: Learned) -> list[Row]:
        lines: list[Content | Row] = [_head("3 Do I want this job?")]
        if not learned.decisions:
            lines.append(_dim("Not decided after any meeting yet."))
        if len(learned.decisions) > self.limit:
            lines.append(_more(len(learned.decisions) - self.limit, "decisions, newest shown"))
        for voice, decision in learned.decisions[-self.limit :]:
            lines.append(Content.assemble(
                "After meeting ", (voice.label(), "bold"), ": ", decision.value
            ))  # fmt: skip
        return _rows(*lines)

    def _questions(self, learned: Learned) -> list[Row]:
        lines: list[Content | Row] = [_head("4 The same question, different people")]
        if not learned.questions:
            lines.append(_dim("No notes taken against a question yet."))
        if len(learned.questions) > self.limit:
            lines.append(_more(len(learned.questions) - self.limit, "questions, most asked first"))
        for view in learned.questions[: self.limit]:
            people = len({s.voice.interview_id for s in view.answers})
            lines += [Content(""), Content.assemble(
                (view.question, "bold"), (f"  ({people} {'person' if people == 1 else 'people'})",
                                          "dim"),
            )]  # fmt: skip
            if len(view.answers) > self.limit:
                lines.append(_more(len(view.answers) - self.limit, "answers"))
            for said in view.answers[: self.limit]:
                lines.append((Content.assemble((said.voice.name, "italic"), ": ", said.text), 1))
        return _rows(*lines)

    def _titles(self, learned: Learned) -> list[Row]:
        lines: list[Content | Row] = [_head("5 Job titles they named (to search for)")]
        if not learned.job_titles:
            lines.append(_dim("None captured yet (ctrl+y in a meeting)."))
        if len(learned.job_titles) > 4 * self.limit:
            lines.append(_more(len(learned.job_titles) - 4 * self.limit, "titles"))
        for said in learned.job_titles[: 4 * self.limit]:
            lines.append((Content.assemble((said.text, "bold"), f" ({said.voice.name})"), 1))
        return _rows(*lines)

    def _training(self, learned: Learned) -> list[Row]:
        lines: list[Content | Row] = [_head("6 Training or experience I would need")]
        if not learned.training:
            lines.append(_dim("Nothing written in a reflection yet."))
        if len(learned.training) > self.limit:
            lines.append(_more(len(learned.training) - self.limit, "meetings' notes on training"))
        for said in learned.training[: self.limit]:
            lines += [_who(said.voice.label()), (Content(said.text), 1)]
        return _rows(*lines)

    # ----- keys --------------------------------------------------------------------------------

    @property
    def page(self) -> VerticalScroll:
        return self.query_one("#learned-page", VerticalScroll)

    def action_jump(self, key: str) -> None:
        if key == "top":
            self.page.scroll_home(animate=False)
        elif key == "end":
            self.page.scroll_end(animate=False)
        else:
            self.page.scroll_to_widget(self.query_one(f"#learned-{key}"), animate=False, top=True)

    def action_scroll(self, lines: int) -> None:
        self.page.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        self.page.scroll_relative(y=pages * max(1, self.page.size.height - 2), animate=False)
