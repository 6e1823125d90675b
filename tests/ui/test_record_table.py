"""RecordTable on its own, in a tiny app: keys, mouse, messages, cutting text, 30,000 rows."""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import App, ComposeResult

from infoview_tui.widgets.record_table import ColumnSpec, PlainCell, RecordTable, fit

COLUMNS = (
    ColumnSpec("Name", weight=2, min_width=10, max_width=30),
    ColumnSpec("Where", weight=1, min_width=8, max_width=20),
)


def rows_for(names: list[str]) -> list[tuple[PlainCell, ...]]:
    return [(PlainCell(name), PlainCell(f"Town {i}")) for i, name in enumerate(names)]


class TableApp(App[None]):
    """One table and a record of what it said."""

    def __init__(self, count: int = 5) -> None:
        super().__init__()
        self.count = count
        self.said: list[tuple[str, int, int]] = []

    def compose(self) -> ComposeResult:
        yield RecordTable(COLUMNS, id="people")

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.focus()
        names = [f"Person {i:05}" for i in range(self.count)]
        table.show_rows([100 + i for i in range(self.count)], rows_for(names))

    @on(RecordTable.Highlighted, "#people")
    def _highlighted(self, message: RecordTable.Highlighted) -> None:
        self.said.append(("highlighted", message.record_id, message.row))

    @on(RecordTable.Selected, "#people")
    def _selected(self, message: RecordTable.Selected) -> None:
        self.said.append(("selected", message.record_id, message.row))


async def test_keys_move_the_cursor_and_enter_opens_the_row():
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RecordTable)
        app.said.clear()
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1 and table.highlighted_id == 101
        await pilot.press("enter")
        await pilot.pause()
        assert app.said == [
            ("highlighted", 101, 1),
            ("highlighted", 102, 2),
            ("highlighted", 101, 1),
            ("selected", 101, 1),
        ]
        await pilot.press("up", "up")  # stops at the top, says nothing more
        await pilot.pause()
        assert table.cursor_row == 0 and len(app.said) == 5
        await pilot.press("end")
        assert table.cursor_row == 4
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_enter_on_an_empty_table_says_nothing():
    app = TableApp(count=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        table = app.query_one(RecordTable)
        assert table.highlighted_id is None and table.row_count == 0
        assert app.said == []


async def test_a_click_moves_the_cursor_and_a_click_on_it_opens(screen_text):
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RecordTable)
        app.said.clear()
        await pilot.click(RecordTable, offset=(3, 3))  # line 3: the header, then rows 0, 1, 2
        await pilot.pause()
        assert table.cursor_row == 2
        await pilot.click(RecordTable, offset=(3, 3))
        await pilot.pause()
        assert app.said == [("highlighted", 102, 2), ("selected", 102, 2)]
        await pilot.click(RecordTable, offset=(3, 0))  # the header selects nothing
        await pilot.click(RecordTable, offset=(3, 20))  # nor do the blank lines below the rows
        await pilot.pause()
        assert table.cursor_row == 2 and len(app.said) == 2


async def test_text_too_long_for_its_column_ends_in_an_ellipsis(screen_text):
    app = TableApp(count=0)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(RecordTable)
        long = "Maximiliane Wolkenstein"
        odd = "[b]not bold[/b] 研究"
        table.show_rows([1, 2], rows_for([long, odd]))
        await pilot.pause()
        text = screen_text(app)
        assert " Maximiliane Wolkenst… " in text and long not in text  # 21 cells at 40 wide
        await pilot.resize_terminal(80, 10)  # wider: the columns are shared out again
        await pilot.pause()
        text = screen_text(app)
        assert long in text
        assert odd in text  # literally, never as markup


def test_fit_counts_cells_not_characters():
    assert fit("abc", 5) == "abc  "
    assert fit("abcdef", 4) == "abc…"
    assert fit("研究者です", 6) == "研究 …"  # a wide character cut in half becomes a space
    assert fit("研究", 4) == "研究"
    assert fit("x", 0) == ""


def test_cells_keep_to_one_printable_line():
    assert PlainCell("two\nlines\tand\x1b[31m red").text == "two lines and [31m red"
    assert len(PlainCell("y" * 20_000).text) == 300


def test_cells_keep_joiners():
    """The bug: a joiner counted as unprintable became a space: 👩🏽‍🔬 showed as 👩🏽 🔬."""
    assert PlainCell("👩🏽‍🔬 Zahra می‌خواهم").text == "👩🏽‍🔬 Zahra می‌خواهم"
    assert PlainCell("a\u2028b").text == "a b"


async def test_thirty_thousand_rows_show_and_end_reaches_the_last(screen_text):
    app = TableApp(count=30_000)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RecordTable)
        assert table.row_count == 30_000
        assert "Person 00000" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Person 29999" in text and "Person 00000" not in text
        assert table.cursor_row == 29_999 and table.highlighted_id == 100 + 29_999
        assert text.splitlines()[0].split() == ["Name", "Where"]  # the header stays on top
        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row == 29_999 - 23  # 23 rows under the header: a page up
        assert "Person 29976" in screen_text(app)
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert "Person 00000" in screen_text(app)


async def test_show_rows_keeps_the_cursor_on_the_kept_record():
    app = TableApp(count=0)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(RecordTable)
        names = [f"P{i}" for i in range(40)]
        table.show_rows(list(range(40)), rows_for(names))
        table.move_cursor(row=30)
        await pilot.pause()
        ids = list(reversed(range(40)))
        table.show_rows(ids, rows_for([f"P{i}" for i in ids]), keep=30)
        assert table.highlighted_id == 30 and table.cursor_row == 9
        table.show_rows(ids[:20], rows_for(names[:20]), keep=999)  # not shown: stays near
        assert table.cursor_row == 9
        table.show_rows(ids[:5], rows_for(names[:5]))
        assert table.cursor_row == 4  # the last row, when fewer are left
        table.show_rows([], [])
        assert table.highlighted_id is None and table.cursor_row == 0


async def test_the_cursor_row_is_dimmer_without_focus():
    class TwoApp(TableApp):
        def compose(self) -> ComposeResult:
            yield from super().compose()
            yield RecordTable(COLUMNS, id="other")

    app = TwoApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one("#people", RecordTable)
        focused = table.render_line(1)  # line 1: the cursor row
        app.query_one("#other").focus()
        await pilot.pause()
        blurred = table.render_line(1)
        assert focused.text == blurred.text
        assert {s.style for s in focused} != {s.style for s in blurred}


async def test_rows_shown_before_the_first_layout_scroll_once_it_is_known(screen_text):
    class EarlyApp(App[None]):
        def __init__(self, keep: int) -> None:
            super().__init__()
            self.keep = keep

        def compose(self) -> ComposeResult:
            table = RecordTable(COLUMNS)
            names = [f"Person {i:03}" for i in range(600)]
            table.show_rows(list(range(600)), rows_for(names), keep=self.keep)
            yield table

    async with EarlyApp(keep=1).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_text(pilot.app).splitlines()[1].split()[:2] == ["Person", "000"]
    async with EarlyApp(keep=500).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Person 500" in screen_text(pilot.app)
        assert pilot.app.query_one(RecordTable).cursor_row == 500


async def test_wide_characters_keep_the_columns_in_line(screen_text):
    app = TableApp(count=0)
    async with app.run_test(size=(40, 6)) as pilot:
        table = app.query_one(RecordTable)
        table.show_rows([1, 2], rows_for(["研究者研究者研究者研究者研究者", "Ada"]))
        await pilot.pause()
        lines = screen_text(app).splitlines()
        wide, narrow = lines[1], lines[2]
        column = cell_len(narrow[: narrow.index("Town 1")])
        assert cell_len(wide[: wide.index("Town 0")]) == column  # a wide character takes two
        assert cell_len(wide) == cell_len(narrow) == 40
        assert "研究者研究者研究者研…" in wide
