"""What a read-only data file allows: every key that reads works, every key that would change
something says why it is off.

One list of the keys that change something, by binding id, used by the app for every key
press and palette command (`InfoviewApp.run_action`) instead of a check in each screen. Every
binding id in the app is either here or in READS (a test holds the two lists against the
screens), so a new key must be placed in one of them on purpose.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

EDITS = frozenset(
    {
        # after a meeting
        "after.log", "after.learned", "after.lead.act",
        "after.demand.cycle", "after.demand.add", "after.demand.remove", "after.demand.note",
        "after.energy",
        "after.step.add", "after.step.followup", "after.step.remove",
        # dialogs that hand back something to save
        "capture.save", "contact_form.save", "energy.save",
        "snooze.day", "snooze.three", "snooze.week", "snooze.type",
        # contacts and employers
        "contacts.add", "contacts.delete", "contacts.meet", "import.apply", "intros.ask",
        "card.contacts.add", "card.add_contact", "card.add_competitors",
        "employers.add", "employers.up", "employers.down", "employers.rank",
        "employers.practice", "employers.delete",
        # the live meeting
        "meet.asked", "meet.back", "meet.skip", "meet.add", "meet.earlier", "meet.later",
        "meet.capture.referral", "meet.capture.lead", "meet.capture.job_title",
        "meet.capture.observation", "meet.capture.offer", "meet.start", "meet.pause", "meet.resume",
        "meet.end", "meet.bell", "meet.wrap",
        *(f"meet.jump{n}" for n in range(1, 10)),
        # meetings, plans, the occupation
        "meetings.add", "meetings.delete",
        "occupation.add", "occupation.rename", "occupation.current", "occupation.delete",
        "occupation.add_demand", "occupation.remove_demand",
        "plan.accepted", "plan.declined", "plan.pick",
        "plan.earlier", "plan.later", "plan.add",
        # a text to send (the request, the thank-you)
        "send.sent", "send.redraft",
        # the follow-up queue
        "queue.done", "queue.snooze", "queue.add", "queue.low_energy", "queue.energy",
    }
)  # fmt: skip

READS = frozenset(
    {
        "send.copy", "send.save", "send.my_name", "after.markdown", "after.next",
        "after.previous", "after.back",
        *(f"after.part{n}" for n in range(1, 5)),
        "capture.cancel", "confirm.yes", "confirm.no",
        "conflict.mine", "conflict.theirs", "conflict.later",
        "leftover.use", "leftover.keep", "leftover.later",
        "quit.retry", "quit.copy", "quit.anyway", "quit.back",
        "contact_form.cancel", "contacts.edit", "contacts.open", "contacts.filter",
        "contacts.back", "contacts.import", "contacts.vcards", "card.back", "card.close",
        "card.intros", "employers.open", "employers.back", "employers.intros",
        "occupation.intros", "intros.open", "intros.back", "import.view", "import.path",
        "import.columns", "import.back", "columns.keep", "columns.cancel",
        "energy.cancel", "export.save", "export.cancel", "fatal.quit", "help.close",
        "home.contacts", "home.meet", "home.plan", "home.after", "home.queue", "home.search",
        "home.employers", "home.occupation", "home.me", "home.quit", "home.refresh",
        "me.back", "meet.more", "meet.write", "meet.tips", "meet.leave",
        "pick.cancel", "choose.cancel", "meetings.open", "meetings.back", "meetings.markdown",
        "meetings.calendar", "occupation.back", "queue.calendar",
        "plan.stopwatch", "plan.back", "queue.add.cancel", "queue.add.next", "queue.open",
        "queue.back",
        "search.query", "search.results", "search.back", "snooze.cancel", "prompt.cancel",
        "quit", "help", "search",
        # views that only show: the network, progress, what I have learned, a meeting's cost
        # being chosen (the After screen's key that opens it is an edit)
        "home.network", "home.progress", "contacts.network", "card.network",
        "occupation.learned",
        *(f"cost.{n}" for n in range(1, 6)), "cost.cancel",
        "network.back", "network.clear", "network.employer", "network.me", "network.reroot",
        "network.stage", "network.tab1", "network.tab2", "network.tab3",
        "progress.back", "progress.meetings", "progress.people", "progress.follow",
        "progress.fit", "progress.energy",
        "learned.back", "learned.more", "learned.compare", "learned.demands",
        "learned.decisions", "learned.questions", "learned.titles", "learned.training",
        *(f"scroll.{box}.{way}" for box in ("contact-detail", "perceptions-box")
          for way in ("up", "down")),
    }
)  # fmt: skip


def binding_id(node: DOMNode, action: str) -> str | None:
    """The id of the binding on `node` (or its classes) that runs `action`, if any."""
    for cls in type(node).__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()) or ():
            if isinstance(binding, Binding) and binding.action == action and binding.id:
                return binding.id
    return None


def is_edit(node: DOMNode, action: str) -> bool:
    return binding_id(node, action) in EDITS
