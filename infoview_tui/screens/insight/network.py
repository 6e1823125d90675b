"""Network: who introduced whom, from me or from any person, and who opened the most doors.

Three views of one `domain.network.Network`: the tree of introductions (drawn a level at a time
as it is opened, a hundred people at a time within a level, so 30,000 imported connections
cost nothing until looked at), the people who opened the most doors, and the people I know at
each employer. The network is built on a worker thread and handed over in a message; the
screen shows it as soon as it arrives. `enter` opens a person, `s` and `e` filter by stage
and employer (matches keep the chain of people that led to them), `r` shows the network as
seen from the highlighted person, `m` from me again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.markup import escape
from textual.message import Message
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane, Tree
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from ...domain.network import GROUP_LABELS, Network, Person, build_network, first_level
from ...domain.summary import ContactStage
from ...paths import stylesheet
from .. import router
from ..base import InfoviewScreen

PAGE = 100  # people shown at a time within one level of the tree
EMPLOYERS_SHOWN = 60  # the busiest employers listed on the By employer tab
PEOPLE_PER_EMPLOYER = 25
STAGES: tuple[ContactStage | None, ...] = (None, *ContactStage)
TABS = ("tab-tree", "tab-doors", "tab-employers")

# At the top of the tree, a referral hangs from me only when who referred them is not known.
ROOT_GROUP_LABELS = {"referral": "Referred by someone not on my list"}

# A tree node's data: what it stands for.
GROUP, PERSON, MORE = "group", "person", "more"


@dataclass(frozen=True)
class NodeData:
    kind: str  # GROUP, PERSON or MORE
    key: str = ""  # a group's key
    contact_id: int | None = None  # a person; for MORE, whose introductions continue
    offset: int = 0  # for MORE: where the next page starts


def person_line(person: Person, net: Network) -> Text:
    """'Daniel Okoye · Coastal University Hospital · met · introduced 1' (a Text: names are
    never read as markup)."""
    line = Text(person.name or "(no name)")
    if person.employer:
        line.append(" · ").append(person.employer, style="dim")
    line.append(" · ").append(person.stage.value, style="bold")
    kids = net.count_introduced(person.contact_id)
    if kids:
        line.append(" · ").append(f"introduced {kids}", style="italic")
    return line


def person_option(person: Person, net: Network, extra: str = "") -> Content:
    """The same words for an option list (Textual Content, also never markup)."""
    return Content.from_rich_text(person_line(person, net)) + (
        Content.styled(extra, "dim") if extra else Content("")
    )


class NetworkScreen(InfoviewScreen[None]):
    CSS_PATH = stylesheet("network.tcss")
    BINDINGS = [
        Binding("s", "stage", "Stage", id="network.stage",
                tooltip="Show only people at one stage: to approach, requested, scheduled, met"),
        Binding("e", "employer", "Employer", id="network.employer",
                tooltip="Show only the people at one employer"),
        Binding("x", "clear", "All", id="network.clear", tooltip="Show everyone again"),
        Binding("r", "reroot", "From them", id="network.reroot",
                tooltip="The network as seen from the highlighted person"),
        Binding("m", "from_me", "From me", id="network.me", tooltip="The network from me"),
        *(
            Binding(str(n), f"show_tab({n - 1})", label, id=f"network.tab{n}", show=False)
            for n, label in ((1, "Introductions"), (2, "Door-openers"), (3, "By employer"))
        ),
        Binding("escape", "app.pop_screen", "Back", id="network.back", tooltip="Back"),
    ]  # fmt: skip

    @dataclass
    class Built(Message):
        """The network, built on a worker thread."""

        network: Network

    def __init__(self, *, focus: int | None = None) -> None:
        super().__init__()
        self.net: Network | None = None
        self.root_id: int | None = None  # whose introductions the tree starts from; None: me
        self.focus_id = focus  # a person to show first (opened from their card)
        self.stage: ContactStage | None = None
        self.organization_id: int | None = None
        self._shown: set[int] | None = None  # a filter's people (with their chains); None: all
        self._lists_stale = True  # the door-openers and employers lists need filling
        self._built_at = -1  # the store's change count the network was built from

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Gathering your network…", id="net-status")
        with TabbedContent(id="net-tabs"):
            with TabPane("1 Introductions", id="tab-tree"), Horizontal(id="net-body"):
                yield Tree("Me", id="net-tree")
                with VerticalScroll(id="net-detail-box", can_focus=False):
                    yield Static("", id="net-detail")
            with TabPane("2 Door-openers", id="tab-doors"):
                yield OptionList(id="net-doors")
            with TabPane("3 By employer", id="tab-employers"):
                yield OptionList(id="net-employers")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Who introduced whom"
        tree = self.query_one("#net-tree", Tree)
        tree.auto_expand = False  # enter opens a person; space opens a level
        tree.show_root = True
        tree.focus()
        self._show_first_level()
        # The worker starts once the first level is on screen: started now, it would take the
        # interpreter's time from drawing it (one thread runs Python at a time).
        self.call_after_refresh(self._build)

    def _show_first_level(self) -> None:
        """Me and the groups of people I found myself, with their counts, at once: one quick
        pass over the contacts (the whole network is built on a worker, for what follows)."""
        total, groups = first_level(self.store.contacts.all())
        tree: Tree[NodeData] = self.query_one("#net-tree", Tree)
        tree.root.set_label(Text.assemble(("Me", "bold"), f" · {total} people"))
        for key, count in groups:
            name = ROOT_GROUP_LABELS.get(key, GROUP_LABELS[key])
            tree.root.add(Text.assemble(name, (f" ({count})", "dim")), NodeData(GROUP, key=key))
        tree.root.expand()
        people = "person" if total == 1 else "people"
        self.query_one("#net-status", Static).update(f"{total} {people} · counting introductions…")

    def reload_from_store(self) -> None:
        self._build()

    def on_screen_resume(self) -> None:
        # Back from a card or a dialog: built again only when something changed meanwhile (a
        # person edited or deleted), so what was open stays open.
        if self.net is not None and self.store.change_count != self._built_at:
            self._build()

    @work(thread=True, exclusive=True, group="network")
    def _build(self) -> None:
        store = self.store
        self._built_at = store.change_count
        # The record lists are copied here; building from them reads no shared state.
        contacts = store.contacts.all()
        interviews = store.interviews.all()
        organizations = store.organizations.all()
        self.post_message(self.Built(build_network(contacts, interviews, organizations)))

    def on_network_screen_built(self, message: Built) -> None:
        tree: Tree[NodeData] = self.query_one("#net-tree", Tree)
        opened = [n.data.key for n in tree.root.children if n.data and n.is_expanded]
        cursor = tree.cursor_node
        at_group = cursor.data.key if cursor is not None and cursor.data else None
        first_time = self.net is None
        self.net = message.network
        if self.root_id is not None and self.root_id not in self.net.people:
            self.root_id = None
        self._apply_filter()
        self._fill_tree()
        if first_time:  # a group opened, or the cursor moved, while the network was built
            self._reopen(opened, at_group)
        self._lists_stale = True  # filled when their tab is first shown
        self._fill_shown_list()
        if self.focus_id is not None and self.focus_id in self.net.people:
            self._reveal(self.focus_id)
            self.focus_id = None

    # ----- the tree ----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        assert self.net is not None
        if self.stage is None and self.organization_id is None:
            self._shown = None
        else:
            matches = self.net.matching(self.stage, self.organization_id)
            self._shown = self.net.with_chains(matches)
        self._update_status()

    def _visible(self, ids: list[int]) -> list[int]:
        return ids if self._shown is None else [i for i in ids if i in self._shown]

    def _update_status(self) -> None:
        """One line: who the tree starts from, what the filter shows, or the whole picture."""
        net = self.net
        assert net is not None
        total = len(net.people)
        filtered = self.stage is not None or self.organization_id is not None
        said: list[str] = []
        if self.root_id is not None:
            reached = net.reach.get(self.root_id, 0)
            said.append(f"From {net.people[self.root_id].name}: {reached} reached through them")
            said.append("m: from me")
        if filtered:
            matches = len(net.matching(self.stage, self.organization_id))
            what = [self.stage.value] if self.stage is not None else []
            if self.organization_id is not None:
                org = self.store.organizations.get(self.organization_id)
                what.append(f"at {org.name}" if org else "at a deleted employer")
            said.append(f"x shows all · {matches} of {total} {' '.join(what)}")
        if not said:
            said.append(f"{total} {'person' if total == 1 else 'people'}")
            introduced = total - net.count_introduced(None)
            if introduced:
                said.append(f"{introduced} through introductions")
            doors = net.door_openers(limit=1)
            if doors:
                top = net.people[doors[0].contact_id]
                said.append(f"most doors: {top.name} ({doors[0].reached})")
        if not total:
            said = ["No one yet: add the people you might talk to under Contacts (c on home)."]
        self.query_one("#net-status", Static).update(escape(" · ".join(said)))

    def _fill_tree(self) -> None:
        net = self.net
        assert net is not None
        tree: Tree[NodeData] = self.query_one("#net-tree", Tree)
        tree.clear()
        root = tree.root
        if self.root_id is None:
            root.set_label(Text.assemble(("Me", "bold"), f" · {len(net.people)} people"))
            for key, count in net.groups(self._shown):
                name = ROOT_GROUP_LABELS.get(key, GROUP_LABELS[key])
                label = Text.assemble(name, (f" ({count})", "dim"))
                root.add(label, NodeData(GROUP, key=key), allow_expand=True)
        else:
            person = net.people[self.root_id]
            root.set_label(person_line(person, net))
            root.data = NodeData(PERSON, contact_id=self.root_id)
            self._add_people(root, self._visible(net.introduced_by(self.root_id)), None)
        root.expand()
        if not net.people:
            root.set_label(Text.assemble(("Me", "bold"), " · no one yet"))
        self.call_after_refresh(self._show_detail)

    def _reopen(self, keys: list[str], cursor_key: str | None) -> None:
        """Open the groups that were open, and put the cursor back on its group."""
        tree: Tree[NodeData] = self.query_one("#net-tree", Tree)
        for node in tree.root.children:
            if node.data is None:
                continue
            if node.data.key in keys:
                node.expand()
            if node.data.key == cursor_key:
                self.call_after_refresh(tree.move_cursor, node)

    def _add_people(self, node: TreeNode[NodeData], ids: list[int], more_of: str | int | None,
                    offset: int = 0) -> None:  # fmt: skip
        """People `ids[offset:offset+PAGE]` under `node`, then a 'more' line if any are left."""
        net = self.net
        assert net is not None
        for cid in ids[offset : offset + PAGE]:
            person = net.people[cid]
            if self._shown is None:
                kids = net.count_introduced(cid)
            else:
                kids = len(self._visible(net.introduced_by(cid)))
            node.add(person_line(person, net), NodeData(PERSON, contact_id=cid),
                     allow_expand=bool(kids))  # fmt: skip
        left = len(ids) - offset - PAGE
        if left > 0:
            data = NodeData(
                MORE,
                key=more_of if isinstance(more_of, str) else "",
                contact_id=more_of if isinstance(more_of, int) else None,
                offset=offset + PAGE,
            )
            words = f"… {left:,} more: enter shows the next {min(left, PAGE)}"
            node.add_leaf(Text(words, style="dim"), data)

    def _ids_under(self, data: NodeData) -> list[int]:
        net = self.net
        assert net is not None
        if data.kind == GROUP or (data.kind == MORE and data.key):
            return net.group(data.key, self._shown)
        return self._visible(net.introduced_by(data.contact_id))

    @on(Tree.NodeExpanded, "#net-tree")
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        self._load_level(event.node)

    def _load_level(self, node: TreeNode[NodeData]) -> None:
        """The first page of the people under `node`, the first time it is opened."""
        data = node.data
        tree_root = self.query_one("#net-tree", Tree).root
        if data is None or node.children or node is tree_root or self.net is None:
            return  # (before the network is built, the level is filled when it is)
        if data.kind == GROUP:
            self._add_people(node, self._ids_under(data), data.key)
        elif data.kind == PERSON and data.contact_id is not None:
            self._add_people(node, self._ids_under(data), data.contact_id)

    def _more(self, node: TreeNode[NodeData], data: NodeData) -> None:
        parent = node.parent
        if parent is None:
            return
        node.remove()
        more_of: str | int | None = data.key or data.contact_id
        self._add_people(parent, self._ids_under(data), more_of, data.offset)

    @on(Tree.NodeHighlighted, "#net-tree")
    def _highlighted(self) -> None:
        self._show_detail()

    def _highlighted_person(self) -> int | None:
        if self.query_one("#net-tabs", TabbedContent).active != "tab-tree":
            return self._listed_person()
        node = self.query_one("#net-tree", Tree).cursor_node
        data = node.data if node is not None else None
        return data.contact_id if data is not None and data.kind == PERSON else None

    def _show_detail(self) -> None:
        detail = self.query_one("#net-detail", Static)
        net = self.net
        cid = self._highlighted_person()
        if net is None or cid is None or cid not in net.people:
            detail.update(
                "[dim]Highlight a person to see how you reached them.\n\n"
                "space opens a level · enter opens a person[/]"
            )
            return
        person = net.people[cid]
        chain = " → ".join(escape(net.people[i].name) for i in net.chain(cid))
        lines = [f"[b]{escape(person.name)}[/]"]
        role = ", ".join(x for x in (person.job_title, person.employer) if x)
        if role:
            lines.append(escape(role))
        lines += ["", f"Stage: {person.stage.value}", "", "[b]How I reached them[/]",
                  f"Me → {chain}"]  # fmt: skip
        if person.introducer_id is None:
            how = ROOT_GROUP_LABELS.get(person.group, GROUP_LABELS.get(person.group, ""))
            if person.introducer_name:
                how = f"introduced by {person.introducer_name} (no longer on my list)"
            lines.append(f"[dim]{escape(how)}[/]")
        kids = net.introduced_by(cid)
        if kids:
            names = ", ".join(escape(net.people[k].name) for k in kids[:8])
            more = f" and {len(kids) - 8} more" if len(kids) > 8 else ""
            reached = net.reach.get(cid, 0)
            lines += ["", f"[b]Introduced me to {len(kids)}[/] ({reached} reached in all)",
                      names + more]  # fmt: skip
        detail.update("\n".join(lines))

    def _reveal(self, cid: int) -> None:
        """Open the tree down the chain of introductions to `cid`, and put the cursor on it."""
        net = self.net
        assert net is not None
        tree: Tree[NodeData] = self.query_one("#net-tree", Tree)
        chain = net.chain(cid)
        if self.root_id is not None:
            if self.root_id not in chain:
                return
            chain = chain[chain.index(self.root_id) + 1 :]
            node: TreeNode[NodeData] = tree.root
        else:
            first = net.people[chain[0]]
            node = next(
                (n for n in tree.root.children if n.data and n.data.key == first.group), tree.root
            )
            node.expand()
        for step in chain:
            found = self._child_for(node, step)
            if found is None:
                return
            node = found
            if step != cid:
                node.expand()
        target = node
        self.call_after_refresh(lambda: tree.move_cursor(target))

    def _child_for(self, node: TreeNode[NodeData], cid: int) -> TreeNode[NodeData] | None:
        """The child of `node` for person `cid`, loading pages of people until it shows."""
        for _ in range(1000):
            if not node.children and node.data is not None and node.data.kind != MORE:
                self._load_level(node)
            for child in node.children:
                if child.data and child.data.kind == PERSON and child.data.contact_id == cid:
                    return child
            more = next((c for c in node.children if c.data and c.data.kind == MORE), None)
            if more is None or more.data is None:
                return None
            self._more(more, more.data)
        return None

    def show_person(self, contact_id: int) -> None:
        """Put the tree's cursor on `contact_id` (asked by their card, opened from here)."""
        if self.net is None or contact_id not in self.net.people:
            return
        self.query_one("#net-tabs", TabbedContent).active = "tab-tree"
        self.query_one("#net-tree").focus()
        if self.root_id is not None and self.root_id not in self.net.chain(contact_id):
            self.root_id = None
            self._update_status()
            self._fill_tree()
        self._reveal(contact_id)

    # ----- the lists ----------------------------------------------------------------------------

    def _fill_doors(self) -> None:
        net = self.net
        assert net is not None
        doors = self.query_one("#net-doors", OptionList)
        openers = [d for d in net.door_openers(limit=50) if self._shown is None
                   or d.contact_id in self._shown]  # fmt: skip
        if not openers:
            doors.set_options([Option("No one has introduced me to anyone yet. When a meeting "
                                      "ends, each referral becomes a contact they introduced.",
                                      disabled=True)])  # fmt: skip
            return
        doors.set_options(
            Option(
                person_option(
                    net.people[d.contact_id],
                    net,
                    f"\n   introduced {d.introduced} directly, {d.reached} reached in all",
                ),
                id=f"p{d.contact_id}",
            )
            for d in openers
        )

    def _fill_employers(self) -> None:
        net = self.net
        assert net is not None
        listing = self.query_one("#net-employers", OptionList)
        options: list[Option] = []
        rows = [(name, ids) for name, _org, ids in net.employers() if self._visible(ids)]
        for name, ids in rows[:EMPLOYERS_SHOWN]:
            ids = self._visible(ids)
            head = Content.assemble((name, "bold"), (f" ({len(ids)})", "dim"))
            options.append(Option(head, disabled=True))
            for cid in ids[:PEOPLE_PER_EMPLOYER]:
                person = net.people[cid]
                words = Content.assemble(
                    "  ",
                    person.name,
                    (f" {person.job_title}" if person.job_title else "", "dim"),
                    f" · {person.stage.value}",
                )
                options.append(Option(words, id=f"p{cid}"))
            if len(ids) > PEOPLE_PER_EMPLOYER:
                left = len(ids) - PEOPLE_PER_EMPLOYER
                more = Content.styled(f"  … and {left:,} more: e shows only this employer", "dim")
                options.append(Option(more, disabled=True))
        if len(rows) > EMPLOYERS_SHOWN:
            left = len(rows) - EMPLOYERS_SHOWN
            options.append(Option(Content.styled(
                f"… {left:,} more employers, with fewer people: e picks one", "dim"
            ), disabled=True))  # fmt: skip
        if not options:
            options = [Option("No one is linked to an employer yet.", disabled=True)]
        listing.set_options(options)

    def _listed_person(self) -> int | None:
        tab = self.query_one("#net-tabs", TabbedContent).active
        listing = self.query_one("#net-doors" if tab == "tab-doors" else "#net-employers",
                                 OptionList)  # fmt: skip
        index = listing.highlighted
        if index is None:
            return None
        option = listing.get_option_at_index(index)
        return int(option.id[1:]) if option.id and option.id.startswith("p") else None

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id
        if option_id and option_id.startswith("p"):
            router.open_contact(self.app, int(option_id[1:]))

    # ----- keys --------------------------------------------------------------------------------

    def action_open(self) -> None:
        tree = self.query_one("#net-tree", Tree)
        node = tree.cursor_node
        if self.query_one("#net-tabs", TabbedContent).active != "tab-tree" or node is None:
            return
        data = node.data
        if data is None or data.kind == GROUP:
            node.toggle()
        elif data.kind == MORE:
            self._more(node, data)
        elif data.contact_id is not None:
            router.open_contact(self.app, data.contact_id)

    @on(Tree.NodeSelected, "#net-tree")
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        self.action_open()

    def action_stage(self) -> None:
        if self.net is None:
            return
        self.stage = STAGES[(STAGES.index(self.stage) + 1) % len(STAGES)]
        self._refilter()

    def action_employer(self) -> None:
        net = self.net
        if net is None:
            return
        from ...dialogs.choose import ChooseScreen

        choices = [
            (f"{name} ({len(ids)})", org_id) for name, org_id, ids in net.employers()
            if org_id is not None
        ]  # fmt: skip
        if not choices:
            self.notify("No one is linked to an employer on my list yet.")
            return

        def chosen(org_id: int | None) -> None:
            if org_id is not None:
                self.organization_id = org_id
                self._refilter()

        self.app.push_screen(ChooseScreen("Show the people at which employer?", choices), chosen)

    def action_clear(self) -> None:
        if self.stage is None and self.organization_id is None:
            return
        self.stage = None
        self.organization_id = None
        self._refilter()

    def _refilter(self) -> None:
        self._apply_filter()
        self._fill_tree()
        self._lists_stale = True
        self._fill_shown_list()
        if self._shown is not None and self.net is not None:
            matches = self.net.matching(self.stage, self.organization_id)
            if matches:
                first = min(matches, key=lambda i: len(self.net.chain(i)) if self.net else 0)
                self._reveal(first)

    def action_reroot(self) -> None:
        cid = self._highlighted_person()
        if self.net is None or cid is None:
            self.notify("Highlight a person first.")
            return
        if not self.net.count_introduced(cid):
            self.notify(f"{self.net.people[cid].name} has not introduced me to anyone yet.")
            return
        self.root_id = cid
        self.query_one("#net-tabs", TabbedContent).active = "tab-tree"
        self._update_status()
        self._fill_tree()

    def action_from_me(self) -> None:
        if self.root_id is None:
            return
        previous = self.root_id
        self.root_id = None
        self._update_status()
        self._fill_tree()
        self._reveal(previous)

    def action_show_tab(self, index: int) -> None:
        tabs = self.query_one("#net-tabs", TabbedContent)
        tabs.active = TABS[index]
        target = ("#net-tree", "#net-doors", "#net-employers")[index]
        self.query_one(target).focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._fill_shown_list()
        self._show_detail()

    def _fill_shown_list(self) -> None:
        """The door-openers and employers lists, once one of them is looked at: at 10x the
        employers alone are thousands of lines, not worth building for a look at the tree."""
        if self.net is None or not self._lists_stale:
            return
        if self.query_one("#net-tabs", TabbedContent).active == "tab-tree":
            return
        self._lists_stale = False
        self._fill_doors()
        self._fill_employers()
