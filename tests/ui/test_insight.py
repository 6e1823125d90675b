"""Network, Progress, What I have learned, and a meeting's cost: on the demo data and on stores
built here, driven with keys at 80×24; what a person reads on screen, and what reached the file."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static, TabbedContent, Tree

from infoview_tui.demo import build_demo
from infoview_tui.domain.records import (
    CanMeet,
    Contact,
    ContactSource,
    Demand,
    DemandCheck,
    DemandKind,
    EnergyCost,
    FoundThrough,
    Interview,
    InterviewStatus,
    Occupation,
    Reflection,
    Session,
)
from infoview_tui.screens.after.screen import AfterScreen
from infoview_tui.screens.followups.queue import QueueScreen
from infoview_tui.screens.insight.learned import LearnedScreen
from infoview_tui.screens.insight.network import NetworkScreen
from infoview_tui.screens.insight.progress import ProgressScreen

from .conftest import record_notifications, worked


@pytest.fixture
def demo(store, clock):
    build_demo(store, clock.now())
    return store


def ids_by_name(store) -> dict[str, int]:
    return {c.name: c.id for c in store.contacts.all()}


def detail(screen: NetworkScreen) -> str:
    return str(screen.query_one("#net-detail", Static).visual)


def words(screen: ProgressScreen, part: str) -> str:
    """The figures in words beside a plot, as one line."""
    return " ".join(str(screen.query_one(f"#words-{part}", Static).visual).split())


# ----- network ------------------------------------------------------------------------------


async def test_network_from_home_walks_the_introductions_on_the_demo(run_app, demo, screen_text):
    async with run_app() as pilot:
        await pilot.press("n")
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, NetworkScreen)
        text = screen_text(pilot.app)
        assert "Me · 15 people" in text
        for group in ("Family (1)", "Friends (2)", "Former co-workers (2)"):
            assert group in text
        assert "most doors: Priya Raman" in text
        # Friends → Priya → Daniel → Sofia: space opens each level.
        await pilot.press("down", "down", "space", "down", "space", "down", "space", "down")
        await pilot.pause()
        assert "Me → Priya Raman → Daniel Okoye → Sofia Marchetti" in detail(screen)
        assert "Stage: met" in detail(screen)
        await pilot.press("enter")  # opens the person's card
        await pilot.pause()
        assert "Sofia Marchetti" in screen_text(pilot.app)
        assert pilot.app.screen is not screen


async def test_network_filters_keep_the_chain_and_rerooting_shows_a_persons_web(
    run_app, demo, screen_text
):
    async with run_app() as pilot:
        pilot.app.push_screen(NetworkScreen())
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, NetworkScreen)
        for _ in range(4):  # to approach → requested → scheduled → met
            await pilot.press("s")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "x shows all · 3 of 15 met" in text
        # Only the chains to the three people met: friends and former co-workers.
        assert "Friends (1)" in text and "Former co-workers (1)" in text
        assert "Family" not in text and "Professional community" not in text
        await pilot.press("x")
        await pilot.pause()
        assert "Family (1)" in screen_text(pilot.app)

        screen.show_person(ids_by_name(demo)["Priya Raman"])
        await pilot.pause()
        await pilot.press("r")  # the network as seen from Priya
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "From Priya Raman: 3 reached through them · m: from me" in text
        assert "Daniel Okoye" in text and "Family" not in text
        await pilot.press("m")
        await pilot.pause()
        assert "Family (1)" in screen_text(pilot.app)

        await pilot.press("2")  # door-openers
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-doors"
        assert "introduced 1 directly, 3 reached in all" in screen_text(pilot.app)
        await pilot.press("3")  # by employer
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Cedar Valley Diabetes Research Clinic (2)" in text and "Lucy Park" in text


async def test_filtering_by_employer_opens_the_chain_to_the_first_person_there(
    run_app, demo, screen_text
):
    async with run_app() as pilot:
        pilot.app.push_screen(NetworkScreen())
        await worked(pilot)
        screen = pilot.app.screen
        await pilot.press("e")  # which employer? the busiest first
        await pilot.pause()
        await pilot.press("down", "enter")  # Coastal University Hospital: Priya and Daniel
        await worked(pilot)
        text = screen_text(pilot.app)
        assert "x shows all · 2 of 15 at Coastal University Hospital" in text
        assert "Family" not in text
        tree = screen.query_one(Tree)
        assert tree.cursor_node is not None and "Priya Raman" in str(tree.cursor_node.label)
        assert "Me → Priya Raman" in detail(screen)  # the dialog closing kept it open


async def test_network_opens_at_a_contact_from_the_contacts_list(run_app, demo):
    async with run_app() as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"/tom", "enter")  # filter to Tom Becker
        await pilot.pause()
        await pilot.press("n")
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, NetworkScreen)
        await pilot.pause()
        assert "Me → Priya Raman → Daniel Okoye → Sofia Marchetti → Tom Becker" in detail(screen)


async def test_thousands_of_connections_come_a_page_at_a_time(run_app, store, screen_text):
    with store.batch():
        for n in range(250):
            store.contacts.save(Contact(name=f"Connection {n:03d}", source=ContactSource.LINKEDIN))
        store.contacts.save(Contact(name="Ann Friend", found_through=FoundThrough.FRIEND))
    async with run_app() as pilot:
        pilot.app.push_screen(NetworkScreen())
        await worked(pilot)
        screen = pilot.app.screen
        tree = screen.query_one(Tree)
        text = screen_text(pilot.app)
        assert "Friends (1)" in text and "LinkedIn connections (250)" in text
        await pilot.press("down", "down", "space")  # open the LinkedIn group
        await pilot.pause()
        linkedin = tree.root.children[1]
        assert len(linkedin.children) == 101  # a hundred people and "… 150 more"
        assert "150 more" in str(linkedin.children[-1].label)
        tree.move_cursor(linkedin.children[-1])
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert len(linkedin.children) == 201
        assert "50 more" in str(linkedin.children[-1].label)


async def test_an_empty_network_says_where_to_start(run_app, screen_text):
    async with run_app() as pilot:
        pilot.app.push_screen(NetworkScreen())
        await worked(pilot)
        assert "No one yet: add the people you might talk to" in screen_text(pilot.app)


# ----- progress ------------------------------------------------------------------------------


async def test_progress_shows_each_part_with_its_numbers_in_words(run_app, demo, screen_text):
    async with run_app() as pilot:
        await pilot.press("g")
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ProgressScreen)
        text = screen_text(pilot.app)
        assert "Meetings a week (cap 2: the line)" in text
        assert "1 of 2 meetings this week · 3 of 15 people met · 2/3 thank-yous in time" in text
        expected = {
            "1": ("meetings", "Held 3 meetings in the last 9 weeks"),
            "2": ("people", "15 people on my list; 3 met so far."),
            "3": ("follow", "Thank-yous sent within two days: 2 of 3 in time (67%)."),
            "4": ("fit", "Clinical research coordinator: 3 meetings held; fit 3.9 of 5"),
            "5": ("energy", "3 of 3 meetings have a cost recorded; on average 3.0 of 5."),
        }
        for key, (part, said) in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert screen.query_one(TabbedContent).active == f"part-{part}"
            assert said in words(screen, part), key
            assert words(screen, part).split()[0] in screen_text(pilot.app), key


async def test_progress_counts_a_store_built_for_it(run_app, store, clock, screen_text):
    now = clock.now()
    ann = store.contacts.save(Contact(name="Ann", created=now))
    store.contacts.save(Contact(name="Bo", created=now))
    for days in (1, 2, 3):  # three meetings held last week and this one, each costing 4
        start = now - timedelta(days=days)
        store.interviews.save(
            Interview(
                contact_id=ann.id, status=InterviewStatus.DONE, when=start,
                session=Session(started=start, ended=start + timedelta(minutes=15)),
                energy=EnergyCost(cost=4, feeling="tired"),
            )
        )  # fmt: skip
    store.save_profile(store.profile().__class__(weekly_meeting_cap=1))
    async with run_app() as pilot:
        pilot.app.push_screen(ProgressScreen())
        await worked(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ProgressScreen)
        assert screen.progress is not None and screen.progress.met == 1
        said = words(screen, "meetings")
        assert "Held 3 meetings" in said and "Over the cap: week of" in said
        assert "3 of 3 meetings have a cost recorded; on average 4.0 of 5" in words(
            screen, "energy"
        )
        assert "meetings this week (cap 1)" in screen_text(pilot.app)


async def test_home_shows_the_progress_line(run_app, demo, screen_text):
    async with run_app() as pilot:
        text = screen_text(pilot.app)
        assert "n network   g progress: 1 of 2 meetings this week · 3 of 15 people met" in text


# ----- what I have learned ---------------------------------------------------------------------


async def test_learned_from_the_occupation_screen_on_the_demo(run_app, demo, screen_text):
    async with run_app() as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, LearnedScreen)
        text = " ".join(screen_text(pilot.app).split())
        assert "3 meetings held: Marisol Vega, Daniel Okoye, Sofia Marchetti." in text
        assert "My perceptions, before any meeting" in text
        await pilot.press("2")
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "with accommodation (Daniel Okoye) — Walking between clinic" in text
        await pilot.press("4")
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "The same question, different people" in text


async def test_learned_on_a_store_built_for_it(run_app, store, clock, screen_text):
    now = clock.now()
    occ = store.occupations.save(
        Occupation(title="Navigator", perceptions="Phones all day.",
                   demands=[Demand(DemandKind.STRESS, "Frightened callers")])
    )  # fmt: skip
    ann = store.contacts.save(Contact(name="Ann Insider"))
    store.interviews.save(
        Interview(
            contact_id=ann.id, occupation_id=occ.id, status=InterviewStatus.DONE, when=now,
            reflection=Reflection(
                reality="Half the day in clinics.",
                demands=[DemandCheck("Frightened callers", CanMeet.NO, "too close to home")],
            ),
        )
    )  # fmt: skip
    async with run_app() as pilot:
        pilot.app.push_screen(LearnedScreen(occ.id))
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "1 meeting held: Ann Insider." in text
        assert "Phones all day." in text and "Half the day in clinics." in text
        await pilot.press("2")
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "no (Ann Insider) — too close to home" in text


# ----- after a meeting: its cost, demand notes, the plan against what happened -------------------


@pytest.fixture
def meeting(store, clock):
    now = clock.now()
    occ = store.occupations.save(
        Occupation(title="Coordinator", demands=[Demand(DemandKind.PHYSICAL, "On my feet")])
    )
    ann = store.contacts.save(Contact(name="Ann Insider"))
    return store.interviews.save(
        Interview(
            contact_id=ann.id, occupation_id=occ.id, status=InterviewStatus.DONE, minutes=15,
            session=Session(started=now - timedelta(minutes=30), ended=now - timedelta(minutes=12)),
        )
    )  # fmt: skip


async def test_energy_is_one_key_after_a_meeting_and_reaches_the_file(
    run_app, store, meeting, reopen, clock, screen_text
):
    async with run_app() as pilot:
        said = record_notifications(pilot.app)
        pilot.app.push_screen(AfterScreen(meeting.id))
        await pilot.pause()
        await pilot.press("E")  # typed into the thank-you field it would be text
        await pilot.pause()
        assert not store.interviews.get(meeting.id).energy
        await pilot.press("escape", "E")  # outside the field: the command
        await pilot.pause()
        assert "How much did the meeting with Ann Insider cost you?" in screen_text(pilot.app)
        await pilot.press("4", *"tired 2 but glad", "enter")
        await pilot.pause()
        store.flush()
        kept = reopen().interviews.get(meeting.id).energy
        assert kept == EnergyCost(cost=4, feeling="tired 2 but glad", recorded=clock.now())
        assert any("it cost a lot (4 of 5)" in s for s in said)
        await pilot.press("2")  # the reflection shows the meeting against its plan
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "Against the plan: No questions were planned. · 18 of 15 minutes (3 over)" in text
        assert "Cost me a lot (4 of 5): tired 2 but glad (private)" in text


async def test_a_note_behind_a_demand_is_kept(run_app, store, meeting, reopen):
    async with run_app() as pilot:
        screen = AfterScreen(meeting.id)
        pilot.app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#demands").focus()
        await pilot.pause()
        await pilot.press("n", *"a stool helps", "enter")
        await pilot.pause()
        store.flush()
        demands = reopen().interviews.get(meeting.id).reflection.demands
        assert demands == [DemandCheck("On my feet", CanMeet.UNKNOWN, "a stool helps")]


async def test_the_queue_suggests_a_lighter_week_after_costly_meetings(
    run_app, store, clock, screen_text
):
    now = clock.now()
    for days, cost in ((1, 5), (20, 2)):
        start = now - timedelta(days=days)
        store.interviews.save(
            Interview(status=InterviewStatus.DONE, when=start, energy=EnergyCost(cost=cost),
                      session=Session(started=start, ended=start + timedelta(minutes=15)))
        )  # fmt: skip
    async with run_app() as pilot:
        pilot.app.push_screen(QueueScreen())
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "This week's meetings cost a lot (5 of 5). Consider a lighter week" in text
