"""Properties of the date reader over text nobody wrote down in advance (hypothesis).

Whatever is typed, the reader answers with a reading or a DateError carrying words for a
person: never another exception (a traceback would close the app and print personal data).
The grammar is also run without its safety net (`_parse`), so a gap in the grammar fails here
instead of hiding behind the generic message.
"""

from __future__ import annotations

import calendar
import contextlib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from infoview_tui.domain import date_words
from infoview_tui.domain.date_fields import DateRefused, due_day, meeting_time
from infoview_tui.domain.timefmt import full_date, full_datetime
from infoview_tui.domain.when_reader import DateError, When, _parse, parse_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 30, 11, 0, tzinfo=LONDON)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = sorted(
    {
        *date_words.vocabulary(), "a", "an", "at", "in", "on", "the", "of", "am", "pm", "h",
        "d", "w", "m", "p", "t", "z", "ago", "now", "noon", "midnight", "tomorow", "xyz",
        "ish", "eve", "or", "time", "week's", "weeks'", "before", "eod", "cob", "lunch", "fir",
        "gmt", "dec.", "tues.", "12 noon", "2 30pm", "10 h", "7-dec", "07-dec-27", "2ish",
    }
)  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.integers(min_value=0, max_value=3000).map(str),
    st.sampled_from(["1st", "2nd", "3rd", "29th", "31st", "0th"]),
    st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(0, 30), st.integers(0, 99)),
    st.builds(lambda h, m: f"{h}.{m:02d}", st.integers(0, 30), st.integers(0, 99)),
    st.builds(lambda h, m: f"{h}h{m:02d}", st.integers(0, 30), st.integers(0, 99)),
    st.builds(lambda a, b: f"{a}/{b}", st.integers(0, 40), st.integers(0, 40)),
    st.builds(
        lambda a, b, c: f"{a}-{b}-{c}", st.integers(0, 40), st.integers(0, 40), st.integers(0, 3000)
    ),
    st.sampled_from(["+", "-", "/", ":", ",", ".", "@", "(", ")", "'", "&", "~", "10:" + "3" * 30]),
    st.sampled_from(["utc+1", "utc-14", "gmt+99", "europe/london", "mars/olympus", "est", "ist"]),
    st.sampled_from(["14:00:00 +0100", "9:00 -0500", "10:00 +9999", "~", "-ish", "a week today"]),
)
SOUPS = st.lists(PIECES, min_size=1, max_size=8).map(" ".join)
# The same pieces glued without spaces ("2pm-3", "3rd,dec", "1000-0.00"): typos and pastes.
SEPARATORS = st.sampled_from(["", " ", "-", "/", ".", ":", ","])
GLUED = st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=6).map(
    lambda pairs: "".join(p + s for p, s in pairs)
)
NOWS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31),
    timezones=st.sampled_from([LONDON, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")]),
)  # fmt: skip


def _sound(when: When, now: datetime) -> None:
    assert isinstance(when.day, date)
    if when.at is not None:
        assert when.at.tzinfo is now.tzinfo
        assert when.at.date() == when.day
        assert (when.at.second, when.at.microsecond) == (0, 0)
    assert all(isinstance(note, str) and note for note in when.notes)


def _only_date_errors(text: str, now: datetime, day_first: bool) -> None:
    try:
        when = _parse(text, now, day_first)
    except DateError as err:
        message = str(err)
        assert message and "Traceback" not in message and len(message) < 400
        _examples_that_work(err, now, day_first)
        return
    _sound(when, now)


def _examples_that_work(err: DateError, now: datetime, day_first: bool) -> None:
    """Every refusal offers two or three phrasings, each of which reads."""
    assert 2 <= len(err.examples) <= 3, str(err)
    for phrase in err.examples:
        assert phrase in str(err)
        parse_when(phrase, now, day_first=day_first)


@SETTINGS
@given(text=st.text(max_size=200), day_first=st.booleans())
@example(text="10:3000000000000000000000000000000", day_first=True)
@example(text="\x00zone0\x00", day_first=True)
@example(text="9" * 200, day_first=True)
def test_any_text_reads_or_gets_a_message(text, day_first):
    _only_date_errors(text, NOW, day_first)


@settings(SETTINGS, max_examples=1500)
@given(text=st.one_of(SOUPS, GLUED), day_first=st.booleans(), now=NOWS)
@example(text="0:00 -", day_first=True, now=NOW)
@example(text="0.0/0", day_first=True, now=NOW)
@example(text="about1000-0.00", day_first=False, now=NOW)
def test_date_words_numbers_and_punctuation_in_any_order(text, day_first, now):
    _only_date_errors(text, now, day_first)


@SETTINGS
@given(text=SOUPS)
def test_field_readers_raise_only_date_errors(text):
    for read in (
        lambda: meeting_time(text, NOW, day_first=True, allow_past=False),
        lambda: due_day(text, NOW, day_first=True, was_due=NOW.date()),
    ):
        with contextlib.suppress(DateError):
            read()


@SETTINGS
@given(day=st.dates(min_value=date(2026, 12, 1), max_value=date(2056, 12, 31)))
def test_a_day_reads_the_same_in_every_written_form(day):
    name = calendar.month_abbr[day.month]
    forms_day_first = [
        f"{day.day} {name} {day.year}", f"{name} {day.day} {day.year}",
        f"{day.day}/{day.month}/{day.year}", f"{day.day}.{day.month}.{day.year}",
        day.isoformat(), full_date(day), f"{day:%A}, {day:%B} {day.day}, {day.year}",
    ]  # fmt: skip
    for text in forms_day_first:
        assert parse_when(text, NOW, day_first=True).day == day, text
    assert parse_when(f"{day.month}/{day.day}/{day.year}", NOW, day_first=False).day == day


@SETTINGS
@given(hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_a_time_reads_the_same_in_every_written_form(hour, minute):
    twelve = hour % 12 or 12
    half = "am" if hour < 12 else "pm"
    forms = [f"{hour:02d}:{minute:02d}", f"{twelve}:{minute:02d}{half}",
             f"{twelve}.{minute:02d} {half}", f"{hour:02d}h{minute:02d}"]  # fmt: skip
    for text in forms:
        when = parse_when(f"3 dec 2027 {text}", NOW)
        assert when.at is not None and (when.at.hour, when.at.minute) == (hour, minute), text


@SETTINGS
@given(offset=st.integers(0, 400 * 24 * 60))
def test_what_a_meeting_field_shows_reads_back_to_the_same_moment(offset):
    # Real minutes (UTC), so every moment exists; one that happens twice reads as the first.
    moment = (NOW.astimezone(UTC) + timedelta(minutes=offset)).astimezone(LONDON)
    again = meeting_time(full_datetime(moment, LONDON), NOW, day_first=True, allow_past=False).value
    assert again is not None
    if not moment.fold:
        assert again == moment


@SETTINGS
@given(days=st.integers(-400, 400))
def test_a_due_day_never_lands_in_the_past(days):
    text = (NOW.date() + timedelta(days=days)).isoformat()
    try:
        reading = due_day(text, NOW, day_first=True)
    except DateRefused:
        assert days < 0
        return
    assert isinstance(reading.value, date) and reading.value >= NOW.date()


@given(
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    today=st.dates(min_value=date(2001, 1, 1), max_value=date(2090, 12, 31)),
    day_first=st.booleans(),
)
def test_a_yearless_date_looked_back_to_is_the_latest_on_or_before_today(
    day, month, today, day_first
):
    from infoview_tui.domain.when_reader import parse_past_day

    now = datetime.combine(today, time(9), UTC)
    text = f"{day}/{month}" if day_first else f"{month}/{day}"
    try:
        ahead = parse_when(text, now, day_first=day_first).day
    except DateError:
        with pytest.raises(DateError):
            parse_past_day(text, now, day_first=day_first)
        return
    back = parse_past_day(text, now, day_first=day_first)
    assert (back.day.month, back.day.day) == (month, day)
    assert back.day <= today
    if ahead <= today:
        assert back.day == ahead and not back.notes
    else:
        assert back.notes and back.day < ahead
        # the latest: the same day a (leap) year later would be after today
        later = [y for y in range(back.day.year + 1, today.year + 1)
                 if (month, day) != (2, 29) or calendar.isleap(y)]  # fmt: skip
        assert all(date(y, month, day) > today for y in later)


DAY_ALONE = ["today", "tonight", "this morning", "this afternoon", "this evening", "tomorrow",
             "fri", "tomorrow evening", "mon morning", "1 jun", "3 nov", "yesterday 2pm",
             "today 9am", "2026-11-28 10:00", "3pm", "last fri"]  # fmt: skip


@SETTINGS
@given(
    text=st.sampled_from(DAY_ALONE),
    minutes=st.integers(0, 24 * 60 - 1),
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
)
def test_what_a_field_suggests_after_a_refusal_is_accepted_there(text, minutes, day):
    """'today' at 17:00 must not suggest 'today 3pm', which the same field then refuses."""
    now = datetime.combine(day, time(minutes // 60, minutes % 60), LONDON)
    fields = [
        lambda t: meeting_time(t, now, day_first=True, allow_past=False),
        lambda t: due_day(t, now, day_first=True),
    ]
    for field in fields:
        try:
            field(text)
        except DateRefused as refused:
            assert 2 <= len(refused.examples) <= 3, str(refused)
            for phrase in refused.examples:
                field(phrase)  # raises if the suggestion is itself refused
