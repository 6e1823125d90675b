"""One place that opens any record, and any area of the app.

Home's keys, the follow-up queue, search and the command palette open a contact, a meeting, an
employer, a follow-up, the contact form or an area through here, and nowhere else: no screen
imports another screen to open it. The imports below are inside the functions on purpose: a
screen's module (and its widgets, styles and dialogs) is loaded when it first opens, so neither
the first frame nor home waits for every screen, and screens can import the router without a
cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from ..domain.records import Contact, InterviewStatus
from ..domain.search import Hit, Kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from ..app import InfoviewApp
    from ..exchange.import_plan import ImportPlan


class Area(StrEnum):
    CONTACTS = "contacts"
    MEETINGS = "meetings"
    QUEUE = "queue"
    EMPLOYERS = "employers"
    OCCUPATION = "occupation"
    ME = "me"
    SEARCH = "search"
    IMPORT = "import"
    INTRODUCTIONS = "introductions"
    NETWORK = "network"
    PROGRESS = "progress"


def open_area(app: InfoviewApp, area: Area | str) -> None:
    """An area's screen, on top of the current one."""
    area = Area(area)
    if area is Area.CONTACTS:
        from .people.contacts import ContactsScreen

        app.push_screen(ContactsScreen())
    elif area is Area.MEETINGS:
        from .plan.meetings import MeetingsScreen

        app.push_screen(MeetingsScreen())
    elif area is Area.QUEUE:
        open_queue(app)
    elif area is Area.EMPLOYERS:
        from .prepare.employers import EmployersScreen

        app.push_screen(EmployersScreen())
    elif area is Area.OCCUPATION:
        from .prepare.occupation import OccupationScreen

        app.push_screen(OccupationScreen())
    elif area is Area.ME:
        from .prepare.me import MeScreen

        app.push_screen(MeScreen())
    elif area is Area.IMPORT:
        open_import(app)
    elif area is Area.INTRODUCTIONS:
        open_introductions(app)
    elif area is Area.NETWORK:
        open_network(app)
    elif area is Area.PROGRESS:
        from .insight.progress import ProgressScreen

        app.push_screen(ProgressScreen())
    else:
        from .search import SearchScreen

        app.push_screen(SearchScreen())


def open_network(app: InfoviewApp, focus: int | None = None) -> None:
    """Who introduced whom; `focus`: open the tree down to that person."""
    from .insight.network import NetworkScreen

    app.push_screen(NetworkScreen(focus=focus))


def open_learned(app: InfoviewApp, occupation_id: int) -> None:
    """What every meeting about an occupation said, side by side."""
    from .insight.learned import LearnedScreen

    app.push_screen(LearnedScreen(occupation_id))


def open_queue(app: InfoviewApp, select: int | None = None) -> None:
    """The follow-ups, with the cursor on item `select` when given."""
    from .followups.queue import QueueScreen

    app.push_screen(QueueScreen(select=select))


def open_contact(app: InfoviewApp, contact_id: int) -> bool:
    """Show the contact's card; False when the contact no longer exists."""
    from ..dialogs.contact_card import ContactCard

    contact = app.store.contacts.get(contact_id)
    if contact is None:
        app.notify("That contact was deleted.", timeout=4)
        return False
    org = app.store.organizations.get(contact.organization_id)

    def then(asked: str | None) -> None:
        if asked == "network":
            show_in_network(app, contact_id)

    app.push_screen(ContactCard(contact, org.name if org else "", app.clock.tz()), then)
    return True


def show_in_network(app: InfoviewApp, contact_id: int) -> None:
    """The network at `contact_id`: the network screen already showing, else a new one."""
    from .insight.network import NetworkScreen

    if isinstance(app.screen, NetworkScreen):
        app.screen.show_person(contact_id)
    else:
        open_network(app, focus=contact_id)


def edit_contact(
    app: InfoviewApp, contact: Contact | None, then: Callable[[Contact | None], None]
) -> None:
    """The contact form: a new contact (None, or one with some fields set, such as the
    employer) or one to edit; `then` gets the saved contact, or None when cancelled."""
    from .people.contact_form import ContactFormScreen

    app.push_screen(ContactFormScreen(contact), then)


def meeting_open(app: InfoviewApp) -> bool:
    """A live meeting screen is somewhere on the stack."""
    from .meet.screen import MeetingScreen

    return any(isinstance(screen, MeetingScreen) for screen in app.screen_stack)


def open_meeting(app: InfoviewApp, interview_id: int) -> bool:
    """A held meeting opens on its after screen, a running one live, any other on its plan."""
    meeting = app.store.interviews.get(interview_id)
    if meeting is None:
        app.notify("That meeting was deleted.", timeout=4)
        return False
    if meeting.status is InterviewStatus.DONE:
        open_after(app, interview_id)
    elif meeting.status is InterviewStatus.LIVE:
        open_live(app, interview_id)
    else:
        open_plan(app, interview_id)
    return True


def open_plan(app: InfoviewApp, interview_id: int) -> None:
    from .plan.screen import PlanScreen

    app.push_screen(PlanScreen(interview_id))


def open_live(app: InfoviewApp, interview_id: int) -> None:
    """The live meeting screen (it starts the timer, or resumes it at the true time)."""
    from .meet.screen import MeetingScreen

    app.push_screen(MeetingScreen(interview_id))


def open_after(app: InfoviewApp, interview_id: int, *, replacing: Screen | None = None) -> None:
    """The after-meeting screen; `replacing` the current screen (the meeting just ended)."""
    from .after.screen import AfterScreen

    if replacing is not None and app.screen is replacing:
        app.switch_screen(AfterScreen(interview_id))
    else:
        app.push_screen(AfterScreen(interview_id))


def open_employer(app: InfoviewApp, org_id: int, new: bool = False) -> None:
    """An employer's card; a `new` one opens on why it is on the list (its name is typed)."""
    from .prepare.employer_card import EmployerCardScreen

    app.push_screen(EmployerCardScreen(org_id, new=new))


def open_import(app: InfoviewApp, then: Callable[[ImportPlan | None], None] | None = None) -> None:
    """The import screen; `then` hears the plan imported (None: nothing was). By default
    (from the palette) the contacts list opens afterwards to show who came in."""
    from .people.import_contacts import ImportScreen

    def imported(plan: ImportPlan | None) -> None:
        if plan is not None:
            open_area(app, Area.CONTACTS)

    app.push_screen(ImportScreen(), then or imported)


def open_introductions(
    app: InfoviewApp, *, organization_id: int | None = None, occupation_id: int | None = None
) -> None:
    """Warm introductions: who I know at each ranked employer and in the current occupation,
    starting at the employer or occupation given."""
    from .prepare.introductions import IntroductionsScreen

    app.push_screen(
        IntroductionsScreen(organization_id=organization_id, occupation_id=occupation_id)
    )


def open_hit(app: InfoviewApp, hit: Hit) -> None:
    """A search hit, where it lives."""
    if hit.kind is Kind.CONTACT:
        open_contact(app, hit.record_id)
    elif hit.kind is Kind.MEETING:
        open_meeting(app, hit.record_id)
    elif hit.kind is Kind.EMPLOYER:
        open_employer(app, hit.record_id)
    else:
        open_queue(app, select=hit.record_id)
