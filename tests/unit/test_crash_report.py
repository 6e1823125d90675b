"""The crash report (crash.py): frames and types, never local variables, never the private
fields' contents, a file only its owner can read, beside the data file."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from infoview_tui import crash

NOW = datetime(2026, 12, 8, 10, 15, tzinfo=UTC)
PRIVATE = "Tire easily after chemo.\nSay nothing of the gap year."


def failing_deep(note: str) -> None:
    secret_local = PRIVATE  # noqa: F841 - a local a traceback with locals would show
    raise KeyError(f"no follow-up for {note!r}; plan was {PRIVATE!r}")


def test_the_report_has_frames_and_types_but_no_locals_and_no_private_text(tmp_path):
    data = tmp_path / "infoview.json"
    try:
        try:
            failing_deep("call Ada")
        except KeyError as err:
            raise RuntimeError("while marking it done") from err
    except RuntimeError as err:
        report = crash.write_report(err, beside=data, now=NOW, private=[PRIVATE, ""])
    assert report == tmp_path / "infoview.crash-20261208-101500.txt"
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text()
    assert "builtins.KeyError" in text and "builtins.RuntimeError: while marking it done" in text
    assert "in failing_deep" in text and "direct cause" in text
    assert "raise KeyError" in text  # the line of code...
    assert "secret_local" not in text  # ...but no local variable, by name or value
    for word in ("chemo", "Tire easily", "gap year", "Say nothing"):
        assert word not in text, word  # nor the message's copy of the private text
    assert "call Ada" in text  # other messages stay, to be useful (the header warns)


def test_a_second_report_in_the_same_second_gets_its_own_file(tmp_path):
    data = tmp_path / "infoview.json"
    first = crash.write_report(ValueError("a"), beside=data, now=NOW)
    second = crash.write_report(ValueError("b"), beside=data, now=NOW)
    assert first != second and first.exists() and second.exists()


def test_no_data_file_or_a_folder_that_refuses_means_the_temp_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    report = crash.write_report(ValueError("x"), beside=None, now=NOW)
    assert report is not None and report.parent == tmp_path / "tmp"
    gone = tmp_path / "no such folder" / "infoview.json"
    report = crash.write_report(ValueError("x"), beside=gone, now=NOW)
    assert report is not None and report.parent == tmp_path / "tmp"


def test_the_line_names_the_kind_and_the_report_never_the_message(tmp_path):
    line = crash.crash_line(ValueError("Ada's diagnosis"), tmp_path / "r.txt", None)
    assert "ValueError" in line and str(tmp_path / "r.txt") in line
    assert "diagnosis" not in line and "\n" not in line


def test_the_data_file_a_command_line_names():
    assert str(crash.report_beside(["export", "json", "--data", "/x/y.json"])) == "/x/y.json"
    assert str(crash.report_beside(["queue", "--data=/x/z.json"])) == "/x/z.json"
    assert crash.report_beside(["queue", "--demo"]) is None


FORMS = {
    "as typed": lambda t: t,
    "in a repr": lambda t: repr(t)[1:-1],
    "in JSON": lambda t: json.dumps(t)[1:-1],
}
private_text = st.text(min_size=1, max_size=80).filter(
    lambda t: len(t.strip()) >= crash.MIN_WORD and "[" not in t
)


@given(private=private_text, before=st.text(max_size=20), after=st.text(max_size=20))
def test_private_text_never_survives_scrubbing_however_it_is_quoted(private, before, after):
    core = private.strip()
    for name, form in FORMS.items():
        hidden = form(core)
        if hidden in before + after or "[" in before + after:
            continue  # there by chance, not from the private field
        scrubbed = crash.scrub(f"{before}{form(private)}{after}", [private])
        assert hidden not in scrubbed.replace(crash.BLANKED, "\x00"), name


def test_what_a_meeting_cost_is_as_private_as_the_profiles_notes(tmp_path):
    """The energy feeling written after a meeting is among the texts a report blanks out."""
    from infoview_tui.clock import FakeClock
    from infoview_tui.domain.records import EnergyCost, Interview, Profile
    from infoview_tui.store.store import Store

    store = Store.open(tmp_path / "infoview.json", FakeClock(NOW))
    try:
        store.save_profile(Profile(work_ability="Tire by noon"))
        store.interviews.save(
            Interview(energy=EnergyCost(cost=4, feeling="Wiped out, cried after"))
        )
        private = crash.private_texts_of_store(store)
    finally:
        store.close()
    assert "Tire by noon" in private and "Wiped out, cried after" in private
    try:
        raise ValueError("kept 'Wiped out, cried after' for meeting 1")
    except ValueError as err:
        report = crash.write_report(err, beside=tmp_path / "infoview.json", now=NOW,
                                    private=private)  # fmt: skip
    assert report is not None and "cried" not in report.read_text()
