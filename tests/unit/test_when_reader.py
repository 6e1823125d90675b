"""Dates as people type them: what each phrasing means to a person, read from Mon 30 Nov 2026
11:00 in London (the moment the date issue was reported from).

Each row is (typed, what it means): "YYYY-MM-DD HH:MM" for a moment, "YYYY-MM-DD" for a day
without a time, "!words" for a refusal whose message holds those words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoview_tui.domain.timefmt import full_datetime
from infoview_tui.domain.when_reader import DateError, parse_when

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 30, 11, 0, tzinfo=LONDON)  # a Monday

RELATIVE = [
    ("today", "2026-11-30"),
    ("tonight", "2026-11-30"),
    ("tomorrow", "2026-12-01"),
    ("Tomorrow", "2026-12-01"),
    ("tmrw", "2026-12-01"),
    ("tmr", "2026-12-01"),
    ("yesterday", "2026-11-29"),
    ("the day after tomorrow", "2026-12-02"),
    ("day after tomorrow", "2026-12-02"),
    ("in 2 days", "2026-12-02"),
    ("in two days", "2026-12-02"),
    ("in a couple of days", "2026-12-02"),
    ("+3d", "2026-12-03"),
    ("+3", "2026-12-03"),
    ("3d", "2026-12-03"),
    ("3 days", "2026-12-03"),
    ("in 3 days", "2026-12-03"),
    ("3 days from now", "2026-12-03"),
    ("in 0 days", "2026-11-30"),
    ("in a week", "2026-12-07"),
    ("in 1 week", "2026-12-07"),
    ("1w", "2026-12-07"),
    ("in 2 weeks", "2026-12-14"),
    ("in a fortnight", "2026-12-14"),
    ("2 weeks from now", "2026-12-14"),
    ("a week from tomorrow", "2026-12-08"),
    ("a week from fri", "2026-12-11"),
    ("next week", "2026-12-07"),  # Monday of next week
    ("the week after next", "2026-12-14"),
    ("next month", "2026-12-01"),  # the first of next month
    ("in a month", "2026-12-30"),
    ("in 3 months", "2027-02-28"),  # no 30 February: the month's last day
    ("3 days ago", "2026-11-27"),
    ("a week ago", "2026-11-23"),
    ("this weekend", "2026-12-05"),
    ("weekend", "2026-12-05"),
    ("next weekend", "2026-12-12"),
    ("end of the month", "2026-11-30"),
    ("end of week", "2026-12-04"),
    ("eow", "2026-12-04"),
]

REAL_TIME = [
    ("in an hour", "2026-11-30 12:00"),
    ("in 1 hour", "2026-11-30 12:00"),
    ("in 90 minutes", "2026-11-30 12:30"),
    ("in 90 mins", "2026-11-30 12:30"),
    ("in 1.5 hours", "2026-11-30 12:30"),
    ("in an hour and a half", "2026-11-30 12:30"),
    ("in half an hour", "2026-11-30 11:30"),
    ("in 30 min", "2026-11-30 11:30"),
    ("in 5m", "2026-11-30 11:05"),
    ("in 2h", "2026-11-30 13:00"),
    ("2 hours from now", "2026-11-30 13:00"),
    ("in 1h30", "2026-11-30 12:30"),
    ("in 1 hour 30 minutes", "2026-11-30 12:30"),
    ("in 1 hour and 30 minutes", "2026-11-30 12:30"),
    ("now", "2026-11-30 11:00"),
]

WEEKDAYS = [
    ("mon", "2026-11-30"),  # today is Monday: the day itself
    ("monday", "2026-11-30"),
    ("tue", "2026-12-01"),
    ("tues", "2026-12-01"),
    ("tuesday", "2026-12-01"),
    ("wed", "2026-12-02"),
    ("weds", "2026-12-02"),
    ("wednesday", "2026-12-02"),
    ("thu", "2026-12-03"),
    ("thur", "2026-12-03"),
    ("thurs", "2026-12-03"),
    ("thursday", "2026-12-03"),
    ("fri", "2026-12-04"),
    ("Friday", "2026-12-04"),
    ("sat", "2026-12-05"),
    ("sun", "2026-12-06"),
    ("this fri", "2026-12-04"),
    ("coming friday", "2026-12-04"),
    ("on friday", "2026-12-04"),
    ("next fri", "2026-12-11"),  # Friday of next week
    ("next mon", "2026-12-07"),
    ("next tue", "2026-12-08"),  # not tomorrow: next week's Tuesday
    ("fri next week", "2026-12-11"),
    ("next week fri", "2026-12-11"),
    ("fri after next", "2026-12-18"),
    ("last fri", "2026-11-27"),
    ("last mon", "2026-11-23"),
    ("fri in 2 weeks", "2026-12-18"),
    ("mon 9am", "2026-12-07 09:00"),  # 9am today has passed: next Monday's
    ("mon 2pm", "2026-11-30 14:00"),
    ("monday at 3pm", "2026-11-30 15:00"),
    ("this mon 9am", "2026-11-30 09:00"),  # "this": today's, though it has passed
    ("tue 10:30", "2026-12-01 10:30"),
    ("Tuesday 10:30am", "2026-12-01 10:30"),
    ("wed at noon", "2026-12-02 12:00"),
    ("thu 2pm", "2026-12-03 14:00"),
    ("THU 2PM", "2026-12-03 14:00"),
    ("thu 14:00", "2026-12-03 14:00"),
    ("thu 14h", "2026-12-03 14:00"),
    ("thu 14h30", "2026-12-03 14:30"),
    ("fri 9", "2026-12-04 09:00"),  # a bare hour after a day: working hours
    ("fri 9.30", "2026-12-04 09:30"),
    ("fri 9.05", "2026-12-04 09:05"),
    ("tue 2.30pm", "2026-12-01 14:30"),
    ("friday morning", "2026-12-04"),
    ("fri evening 7", "2026-12-04 19:00"),
    ("fri at 7 in the evening", "2026-12-04 19:00"),
    ("next tue 10:00", "2026-12-08 10:00"),
    ("next fri at 10", "2026-12-11 10:00"),
    ("fri midnight", "2026-12-05 00:00"),  # the midnight that ends Friday
]

TIMES_ALONE = [  # the next time the clock shows it (it is 11:00)
    ("2pm", "2026-11-30 14:00"),
    ("2 pm", "2026-11-30 14:00"),
    ("2p", "2026-11-30 14:00"),
    ("2 p.m.", "2026-11-30 14:00"),
    ("2PM", "2026-11-30 14:00"),
    ("9a", "2026-12-01 09:00"),
    ("9am", "2026-12-01 09:00"),
    ("11.45am", "2026-11-30 11:45"),
    ("10.30am", "2026-12-01 10:30"),
    ("14:30", "2026-11-30 14:30"),
    ("14.30", "2026-11-30 14:30"),
    ("14h30", "2026-11-30 14:30"),
    ("14h", "2026-11-30 14:00"),
    ("1400", "2026-11-30 14:00"),
    ("1030", "2026-12-01 10:30"),
    ("930am", "2026-12-01 09:30"),
    ("at 2", "2026-11-30 14:00"),  # a meeting at 2 is in the afternoon
    ("at 10", "2026-12-01 10:00"),
    ("10", "2026-12-01 10:00"),
    ("3", "2026-11-30 15:00"),
    ("noon", "2026-11-30 12:00"),
    ("midday", "2026-11-30 12:00"),
    ("midnight", "2026-12-01 00:00"),
    ("12am", "2026-12-01 00:00"),
    ("12pm", "2026-11-30 12:00"),
    ("0:30", "2026-12-01 00:30"),
    ("23:59", "2026-11-30 23:59"),
    ("24:00", "2026-12-01 00:00"),
    ("2 o'clock", "2026-11-30 14:00"),
    ("half past two", "2026-11-30 14:30"),
    ("quarter past 3", "2026-11-30 15:15"),
    ("quarter to 4", "2026-11-30 15:45"),
    ("2:30", "2026-11-30 14:30"),
    ("8:00", "2026-12-01 08:00"),
    ("08:00", "2026-12-01 08:00"),
    ("7 in the evening", "2026-11-30 19:00"),
    ("tonight at 8", "2026-11-30 20:00"),
    ("8 tonight", "2026-11-30 20:00"),
    ("this afternoon at 3", "2026-11-30 15:00"),
    ("this evening", "2026-11-30"),
]

DAY_AND_TIME = [  # in either order, with or without "at"
    ("tomorrow 2pm", "2026-12-01 14:00"),
    ("2pm tomorrow", "2026-12-01 14:00"),
    ("tomorrow at 2pm", "2026-12-01 14:00"),
    ("tomorrow @ 2pm", "2026-12-01 14:00"),
    ("tomorrow, 2pm", "2026-12-01 14:00"),
    ("14:00 tomorrow", "2026-12-01 14:00"),
    ("noon tomorrow", "2026-12-01 12:00"),
    ("tomorrow noon", "2026-12-01 12:00"),
    ("tomorrow 10.30am", "2026-12-01 10:30"),
    ("tomorrow 9", "2026-12-01 09:00"),
    ("tomorrow morning at 9", "2026-12-01 09:00"),
    ("tomorrow at 9 in the morning", "2026-12-01 09:00"),
    ("tmrw 9:15", "2026-12-01 09:15"),
    ("in 3 days 10:00", "2026-12-03 10:00"),
    ("in 3 days at 10am", "2026-12-03 10:00"),
    ("10am in 3 days", "2026-12-03 10:00"),
    ("today 5pm", "2026-11-30 17:00"),
    ("today at 17:00", "2026-11-30 17:00"),
]

DATES_DAY_FIRST = [
    ("3 Dec", "2026-12-03"),
    ("3rd dec", "2026-12-03"),
    ("3rd of December", "2026-12-03"),
    ("the 3rd of december", "2026-12-03"),
    ("Dec 3", "2026-12-03"),
    ("dec 3rd", "2026-12-03"),
    ("December 3rd", "2026-12-03"),
    ("december 3 2026", "2026-12-03"),
    ("3 december 2026", "2026-12-03"),
    ("3 Dec 2027", "2027-12-03"),
    ("dec 3 2pm", "2026-12-03 14:00"),
    ("3 Dec 10am", "2026-12-03 10:00"),
    ("3 dec at 14:00", "2026-12-03 14:00"),
    ("2pm 3 dec", "2026-12-03 14:00"),
    ("on 3 dec at 2pm", "2026-12-03 14:00"),
    ("december 3rd 2:30pm", "2026-12-03 14:30"),
    ("Thu 3 Dec", "2026-12-03"),
    ("Thu, 3 Dec", "2026-12-03"),
    ("thursday december 3", "2026-12-03"),
    ("Thursday, December 3, 2026 2:00 PM", "2026-12-03 14:00"),
    ("1 jan", "2027-01-01"),
    ("1 jan 2027", "2027-01-01"),
    ("jan 1st", "2027-01-01"),
    ("3 nov", "2026-11-03"),  # this year's, already past (the field says so)
    ("25 dec", "2026-12-25"),
    ("31 dec 11pm", "2026-12-31 23:00"),
    ("sept 5", "2026-09-05"),
    ("1 may", "2027-05-01"),  # more than half a year back: next year's
    ("3/12", "2026-12-03"),
    ("3/12/2026", "2026-12-03"),
    ("3/12/26", "2026-12-03"),
    ("03/12/2026", "2026-12-03"),
    ("3-12", "2026-12-03"),
    ("3.12", "2026-12-03"),
    ("3.12.2026", "2026-12-03"),
    ("31/12", "2026-12-31"),
    ("12/25", "2026-12-25"),  # 25 cannot be a month: read the other way, and said
    ("25/12", "2026-12-25"),
    ("1/1", "2027-01-01"),
    ("31/1", "2027-01-31"),
    ("3/12 14:00", "2026-12-03 14:00"),
    ("3/12 2pm", "2026-12-03 14:00"),
    ("3/12 at 10am", "2026-12-03 10:00"),
    ("29/2", "2028-02-29"),  # the next 29 February
    ("29 feb", "2028-02-29"),
    ("2026-12-03", "2026-12-03"),
    ("2026-12-03 14:00", "2026-12-03 14:00"),
    ("2026-12-03T14:00", "2026-12-03 14:00"),
    ("2026-12-03T14:00:00Z", "2026-12-03 14:00"),
    ("2026-12-03T14:00+01:00", "2026-12-03 13:00"),
    ("2026/12/03", "2026-12-03"),
    ("the 3rd", "2026-12-03"),
    ("the 15th", "2026-12-15"),
    ("on the 1st", "2026-12-01"),
    ("the 31st", "2026-12-31"),  # November has none: December's
    ("3rd", "2026-12-03"),
    ("the 30th", "2026-11-30"),
    ("the 29th", "2026-12-29"),
]

ZONES_AND_RANGES = [
    ("3pm ET", "2026-11-30 20:00"),
    ("tomorrow 9am PT", "2026-12-01 17:00"),
    ("3pm UTC", "2026-11-30 15:00"),
    ("14:00 utc+1", "2026-11-30 13:00"),
    ("14:00 Europe/Berlin", "2026-11-30 13:00"),
    ("Thursday, December 3, 2026 2:00 PM - 2:30 PM (PST)", "2026-12-03 22:00"),
    ("2-3pm thu", "2026-12-03 14:00"),
    ("thu 2pm-3pm", "2026-12-03 14:00"),
    ("thu 14:00-15:00", "2026-12-03 14:00"),
    ("thu 2 to 3pm", "2026-12-03 14:00"),
    ("11-1pm fri", "2026-12-04 11:00"),
]

REFUSED = [
    ("", "!Type a date"),
    ("   ", "!Type a date"),
    ("thu 4/12", "!Fri 4 Dec 2026 is a Friday, not a Thursday"),  # both days named
    ("fri 3 dec", "!Thu 3 Dec 2026 is a Thursday, not a Friday"),
    ("tomorrow fri", "!Tue 1 Dec 2026 is a Tuesday, not a Friday"),
    ("31/11", "!November has 30 days"),
    ("29/2/2027", "!2027 has no 29 February"),
    ("2027-02-29", "!not a date on the calendar"),
    ("13/13", "!no month 13"),
    ("0/5", "!no day 0"),
    ("25:00", "!not a time of day"),
    ("tomorrow 25:00", "!not a time of day"),
    ("10:3000000000000000000000000000000", "!not a time of day"),
    ("14pm", "!mixes the 24-hour and 12-hour clocks"),
    ("tomorow 2pm", "!Did you mean 'tomorrow'?"),
    ("thursdy", "!Did you mean 'thursday'?"),
    ("blah", "!Not sure what 'blah' means"),
    ("tomorrow blah", "!Not sure what 'blah' means"),
    ("3 dec 2pm please", "!Not sure what 'please' means"),
    ("2026", "!Which day in 2026?"),
    ("25", "!neither a time nor a day"),
    ("december", "!Which day in December?"),
    ("dec 2026", "!Which day in December 2026?"),
    ("in a few days", "!How many is 'few'?"),
    ("2pm 3pm", "!Two times given"),
    ("this week", "!Which day this week?"),
    ("in 2 hours tomorrow", "!not both"),
    ("3pm IST", "!India, Ireland or Israel"),
    ("next year", "!Which day next year?"),
    ("tonight 9am", "!disagree"),
    ("in 99999 days", "!too far away"),
    ("3 dec 2200", "2026-12-03 22:00"),  # 2200 is no year anyone plans in: a time
    ("📅 tomorrow", "!Not sure what '📅' means"),
]


# What an audit of the reader found (issue 8, "finished"): each row failed before its fix.
AUDIT = [
    # A weekday with next/last/after next names one day: a date beside it must agree.
    ("next tue 1/12 10am", "!'next tue' is Tue 8 Dec 2026 but '1/12' is Tue 1 Dec 2026"),
    ("next fri 4/12 2pm", "!'next fri' is Fri 11 Dec 2026 but '4/12' is Fri 4 Dec 2026"),
    ("last fri 4/12 2pm", "!'last fri' is Fri 27 Nov 2026 but '4/12' is Fri 4 Dec 2026"),
    ("fri after next 4/12", "!'fri after next' is Fri 18 Dec 2026 but '4/12'"),
    ("next tue 8/12 10am", "2026-12-08 10:00"),
    ("last fri 27/11", "2026-11-27"),
    # A weekday and a time in a named zone: passed or not is decided by that zone's clock.
    ("mon 9am PT", "2026-11-30 17:00"),  # 03:00 in California: still ahead today
    ("monday 10am ET", "2026-11-30 15:00"),
    ("mon 3am PT", "2026-12-07 11:00"),  # 03:00 PT is now: next Monday's
    ("mon 2pm CET", "2026-11-30 13:00"),
    # A known word in the wrong place is named, not offered back as a "did you mean".
    ("next", "!'next' needs a day after it"),
    ("last", "!'last' needs a day after it"),
    ("after lunch", "!'after' needs"),
    ("tomorrow 2 or 3", "!Pick one"),
    ("fir", "!Did you mean 'fri'?"),
    ("tomorow", "!Did you mean 'tomorrow'?"),
    ("wendesday", "!Did you mean 'wednesday'?"),
    ("tomorrow eve", "2026-12-01"),  # eve: the evening
    ("tomorrow eve 7", "2026-12-01 19:00"),
    # Silent misreads, now read as meant or refused.
    ("10 h", "2026-12-01 10:00"),  # 10 h is ten o'clock, as written in much of Europe
    ("14 h 30", "2026-11-30 14:30"),
    # The 24-hour clock said aloud: 1400 hrs is two in the afternoon, not 1,400 hours ahead.
    ("1400 hrs", "2026-11-30 14:00"),
    ("1400 hours", "2026-11-30 14:00"),
    ("0930 hrs tomorrow", "2026-12-01 09:30"),
    ("fri 1400h", "2026-12-04 14:00"),
    ("14:00h", "2026-11-30 14:00"),
    ("tomorrow 14:00 hrs", "2026-12-01 14:00"),
    ("14.00", "2026-11-30 14:00"),  # 00 is no month (nor day): a time
    ("tomorrow 9.00", "2026-12-01 09:00"),
    ("in 1400 hours", "2027-01-27 19:00"),  # said as a length, a length it is
    ("100 hours", "2026-12-04 15:00"),  # three digits are no 24-hour time: a length
    ("before friday", "!'before' gives no single day"),
    ("after friday", "!'after' needs"),
    ("tonight 3pm", "!'3pm' is not tonight"),
    ("this evening 2pm", "!'2pm' is not in the evening"),
    ("this morning 3pm", "!disagree"),
    ("tomorrow afternoon 9pm", "!'9pm' is not in the afternoon"),
    ("tomorrow night 11pm", "2026-12-01 23:00"),
    ("tonight 5:30pm", "2026-11-30 17:30"),
    # Refused though clear: now read.
    ("12 noon", "2026-11-30 12:00"),
    ("12 midnight", "2026-12-01 00:00"),
    ("tomorrow 12 noon", "2026-12-01 12:00"),
    ("in 3 days time", "2026-12-03"),
    ("in a week's time", "2026-12-07"),
    ("in 2 weeks' time", "2026-12-14"),
    ("in 2 hours time", "2026-11-30 13:00"),
    ("friday week", "2026-12-11"),  # British: a week after the coming Friday
    ("fri week 2pm", "2026-12-11 14:00"),
    ("mon week", "2026-12-07"),
    ("a week today", "2026-12-07"),
    ("a week tomorrow", "2026-12-08"),
    ("a week on friday", "2026-12-11"),
    ("two weeks today 3pm", "2026-12-14 15:00"),
    ("7-Dec", "2026-12-07"),
    ("7-dec-2026", "2026-12-07"),
    ("07-Dec-27", "2027-12-07"),
    ("Dec. 7", "2026-12-07"),
    ("tues. 3pm", "2026-12-01 15:00"),
    ("~3pm", "2026-11-30 15:00"),
    ("2ish", "2026-11-30 14:00"),
    ("tomorrow 10-ish", "2026-12-01 10:00"),
    ("Mon Dec 7 15:00:00 GMT 2026", "2026-12-07 15:00"),  # a date pasted from an e-mail
    ("2 30pm", "2026-11-30 14:30"),
    ("10 15 am", "2026-12-01 10:15"),
    ("tomorrow 9-10", "2026-12-01 09:00"),  # from 9 to 10, not 9 October
    ("fri 2-3", "2026-12-04 14:00"),
    ("fri eod", "2026-12-04"),
    ("eod", "2026-11-30"),
    # Wording.
    ("2030", "!Which day in 2030?"),
    # From invitations, e-mails and chats.
    ("Thursday, December 3 at 2:00 PM EST", "2026-12-03 19:00"),
    ("Thu, 3 Dec 2026 14:00:00 +0000", "2026-12-03 14:00"),  # RFC 2822, as e-mail writes it
    ("Thu, 3 Dec 2026 14:00:00 +0100", "2026-12-03 13:00"),
    ("Thu, 03 Dec 2026 09:00:00 -0500", "2026-12-03 14:00"),
    ("3rd December", "2026-12-03"),
    ("december 3rd, 2pm", "2026-12-03 14:00"),
    ("2pm-2:30pm", "2026-11-30 14:00"),
    ("14:00-14:30 CET", "2026-11-30 13:00"),
    ("tues 9:30-10", "2026-12-01 09:30"),
    ("next thurs @ 11", "2026-12-10 11:00"),
    ("Fri 4th at 10ish", "2026-12-04 10:00"),
    ("Wednesday 2nd December, 10.30am", "2026-12-02 10:30"),
    ("Tue 1st Dec @ 3", "2026-12-01 15:00"),
]

TABLE = [
    *RELATIVE, *REAL_TIME, *WEEKDAYS, *TIMES_ALONE, *DAY_AND_TIME, *DATES_DAY_FIRST,
    *ZONES_AND_RANGES, *REFUSED, *AUDIT,
]  # fmt: skip

MONTH_FIRST = [  # the same person, with "3/12 is March 12" set under Me
    ("3/12", "2027-03-12"),
    ("12/3", "2026-12-03"),
    ("12/25", "2026-12-25"),
    ("25/12", "2026-12-25"),  # 25 cannot be a month
    ("12/3/2026", "2026-12-03"),
    ("12/3 2pm", "2026-12-03 14:00"),
    ("12.3", "2026-12-03"),
    ("Dec 3", "2026-12-03"),
    ("3 Dec", "2026-12-03"),
    ("2026-12-03", "2026-12-03"),
    ("1/31", "2027-01-31"),
    ("2/29", "2028-02-29"),
    ("thu 12/3", "2026-12-03"),
    ("fri 12/3", "!not a Friday"),
    ("12/3 10am", "2026-12-03 10:00"),
    ("12/03/2026", "2026-12-03"),
    ("12-3", "2026-12-03"),
    ("12/3/26", "2026-12-03"),
    ("12.3.2026", "2026-12-03"),
    ("1/2", "2027-01-02"),
    ("2/1", "2027-02-01"),
    ("11/30 3pm", "2026-11-30 15:00"),
    ("11/30/2026 2pm", "2026-11-30 14:00"),
    ("12/31", "2026-12-31"),
    ("12/31 11pm", "2026-12-31 23:00"),
    ("13/1", "2027-01-13"),  # 13 cannot be a month
    ("12/13", "2026-12-13"),
    ("2/29/2028", "2028-02-29"),
    ("2/30", "!February has 29 days"),
    ("4/31", "!April has 30 days"),
    ("11/31", "!November has 30 days"),
    ("12/25 3pm", "2026-12-25 15:00"),
    ("1/15 noon", "2027-01-15 12:00"),
    ("December 3, 2026", "2026-12-03"),
    ("Thursday, December 3, 2026 at 2:00 PM", "2026-12-03 14:00"),
    ("12/3 at 2:30pm", "2026-12-03 14:30"),
    ("tue 12/1", "2026-12-01"),
    ("tue 12/1 9am", "2026-12-01 09:00"),
    ("tomorrow 12/1", "2026-12-01"),
    ("next tue 12/8", "2026-12-08"),
    ("next tue 12/1", "!'next tue' is Tue 8 Dec 2026 but '12/1' is Tue 1 Dec 2026"),
    ("12/4 fri", "2026-12-04"),
    ("12/10 9-10", "2026-12-10 09:00"),
    ("Dec 7 2pm EST", "2026-12-07 19:00"),
    ("12/7 eod", "2026-12-07"),
    ("Thu, 3 Dec 2026 14:00:00 +0000", "2026-12-03 14:00"),
    ("2026-12-03", "2026-12-03"),
    ("13/13", "!no month 13"),
]


def reading(text: str, now: datetime = NOW, *, day_first: bool = True) -> str:
    try:
        when = parse_when(text, now, day_first=day_first)
    except DateError as err:
        return f"!{err}"
    if when.at is None:
        return when.day.isoformat()
    assert when.at.tzinfo is now.tzinfo  # always in the person's own zone
    assert when.at.date() == when.day
    return when.at.strftime("%Y-%m-%d %H:%M")


def check(text: str, expected: str, **kwargs: bool) -> None:
    got = reading(text, **kwargs)
    if expected.startswith("!"):
        assert got.startswith("!"), f"{text!r} should be refused, was read as {got}"
        assert expected[1:] in got, f"{text!r}: {got}"
    else:
        assert got == expected, f"{text!r}"


def test_the_table_is_large_enough():
    assert len(TABLE) + len(MONTH_FIRST) + len(DST_CASES) + len(FOLD_CASES) >= 150
    assert len(MONTH_FIRST) >= 40


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_what_people_type_day_first(text, expected):
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), MONTH_FIRST)
def test_what_people_type_month_first(text, expected):
    check(text, expected, day_first=False)


# ----- what the reader assumed is said, not hidden ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("at 2", "Read 2 as 14:00; for the other, type 2am."),
        ("fri 9", "Read 9 as 09:00; for the other, type 9pm."),
        ("2:30", "Read 2:30 as 14:30; for the other, type 2:30am."),
        ("1030", "Read 1030 as the time 10:30."),
        ("12/25", "Read 12/25 as 25 Dec: 25 cannot be a month."),
        ("3.12", "Read 3.12 as the date 3 Dec; for a time, type 3:12."),
        ("29/2", "The next 29 February is in 2028."),
        ("9am", "09:00 has passed today, so tomorrow."),
        ("mon 9am", "Mon 09:00 has passed today, so next week's."),
        ("next tue", "Next week's Tuesday; 'Tue' alone is Tue 1 Dec 2026."),
        ("midnight", "Midnight at the end of Mon 30 Nov 2026."),
        ("12am", "12am is the start of the day (00:00)"),
        ("3pm ET", "15:00 ET is 20:00 here, Mon 30 Nov 2026."),
        ("2-3pm thu", "Starts at 14:00; the end time is not kept."),
        ("the 31st", "The next month with a 31st is December."),
        ("fri in 1 week", "The Friday of next week."),
        ("fri in 2 weeks", "The Friday of the week 2 weeks from now."),
        ("friday week", "Friday week: a week after the coming Friday"),
        ("10 h", "Read 10 h as 10:00"),
        ("tomorrow 9-10", "Read 9-10 as hours, not a date (for the date, type 9/10)."),
        ("2ish", "Read 2 as 14:00"),
        ("a week today", "A week from today"),
    ],
)
def test_assumptions_come_with_a_note(text, note):
    notes = parse_when(text, NOW).notes
    assert any(n.startswith(note) for n in notes), notes


@pytest.mark.parametrize(
    "text", ["tomorrow 2pm", "thu 14:00", "3 dec 10am", "2026-12-03 14:00", "now", "12 noon"]
)
def test_plain_phrases_need_no_note(text):
    assert parse_when(text, NOW).notes == ()


def test_a_day_alone_has_no_time_and_says_which_part_of_the_day():
    when = parse_when("tomorrow afternoon", NOW)
    assert (when.at, when.day.isoformat(), when.part_of_day) == (None, "2026-12-01", "afternoon")
    assert parse_when("today", NOW).at is None  # not 09:00: the rest of today


def test_a_time_alone_says_its_day_was_not_typed():
    assert parse_when("2pm", NOW).day_given is False
    assert parse_when("tomorrow 2pm", NOW).day_given is True


def test_what_full_datetime_shows_reads_back_the_same():
    for text in ("tomorrow 2pm", "next fri 10:30", "29/2 9am", "3pm ET", "midnight"):
        when = parse_when(text, NOW).at
        assert when is not None
        assert parse_when(full_datetime(when, LONDON), NOW).at == when, text


# ----- daylight saving, in two zones -----------------------------------------------------------

DST_CASES = [
    # London: forward at 01:00 on 28 Mar 2027, back at 02:00 on 31 Oct 2027.
    (LONDON, "28 mar 2027 1:30am", "!does not exist here"),
    (LONDON, "28/3/2027 01:30", "!Try '28 Mar 2027 02:30' or '28 Mar 2027 00:30'"),
    (LONDON, "28 mar 2027 3pm", "2027-03-28 15:00 +01:00"),
    (LONDON, "27 mar 2027 3pm", "2027-03-27 15:00 +00:00"),
    (LONDON, "31 oct 2027 1:30am", "2027-10-31 01:30 +01:00"),  # the first of the two
    (LONDON, "31 oct 2027 3pm", "2027-10-31 15:00 +00:00"),
    # New York: forward at 02:00 on 14 Mar 2027, back at 02:00 on 7 Nov 2027.
    (NEW_YORK, "14 mar 2027 2:30am", "!does not exist here"),
    (NEW_YORK, "3/14/2027 02:15", "!does not exist here"),
    (NEW_YORK, "14 mar 2027 10am", "2027-03-14 10:00 -04:00"),
    (NEW_YORK, "13 mar 2027 10am", "2027-03-13 10:00 -05:00"),
    (NEW_YORK, "7 nov 2027 1:30am", "2027-11-07 01:30 -04:00"),
    (NEW_YORK, "7 nov 2027 9am", "2027-11-07 09:00 -05:00"),
]


@pytest.mark.parametrize(("zone", "text", "expected"), DST_CASES)
def test_daylight_saving_changes(zone, text, expected):
    now = NOW.astimezone(zone)
    day_first = zone is LONDON
    try:
        when = parse_when(text, now, day_first=day_first)
    except DateError as err:
        assert expected.startswith("!"), f"{text}: {err}"
        assert expected[1:] in str(err)
        return
    assert not expected.startswith("!"), f"{text} should be refused"
    assert when.at is not None
    offset = when.at.strftime("%z")
    assert f"{when.at:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}" == expected


TWICE = [(LONDON, "31/10/2027 01:30"), (NEW_YORK, "11/7/2027 01:30")]


@pytest.mark.parametrize(("zone", "text"), TWICE)
def test_a_time_that_happens_twice_is_stated(zone, text):
    when = parse_when(text, NOW.astimezone(zone), day_first=zone is LONDON)
    assert any("happens twice" in note and "this is the first" in note for note in when.notes)


BERLIN = ZoneInfo("Europe/Berlin")
# Berlin: back from 03:00 CEST to 02:00 CET on 31 Oct 2027; forward 02:00 -> 03:00 on 28 Mar.
# New York: back from 02:00 EDT to 01:00 EST on 7 Nov 2027.
BERLIN_FIRST = datetime(2027, 10, 31, 2, 40, tzinfo=BERLIN)  # 00:40 UTC, summer time
BERLIN_SECOND = datetime(2027, 10, 31, 2, 40, fold=1, tzinfo=BERLIN)  # 01:40 UTC, winter
NEW_YORK_SECOND = datetime(2027, 11, 7, 1, 40, fold=1, tzinfo=NEW_YORK)  # 06:40 UTC
BERLIN_SPRING = datetime(2027, 3, 28, 1, 30, tzinfo=BERLIN)  # 00:30 UTC
NEW_YORK_SPRING = datetime(2027, 3, 14, 1, 30, tzinfo=NEW_YORK)  # 06:30 UTC

# (now, typed, the moment meant in UTC, what the meeting field shows)
FOLD_CASES = [
    # The first 02:50 passed ten minutes before the clocks went back: the second is meant.
    (BERLIN_SECOND, "2:50am", "01:50", "Sun 31 Oct 2027, 02:50 (in 10 min)"),
    (BERLIN_SECOND, "31/10/2027 02:50", "01:50", "Sun 31 Oct 2027, 02:50 (in 10 min)"),
    (NEW_YORK_SECOND, "1:50am", "06:50", "Sun 7 Nov 2027, 01:50 (in 10 min)"),
    # Before the change: real minutes, across it.
    (BERLIN_FIRST, "in 30 minutes", "01:10", "Sun 31 Oct 2027, 02:10 (in 30 min)"),
    (BERLIN_FIRST, "in 1 hour", "01:40", "Sun 31 Oct 2027, 02:40 (in 1 h)"),
    (BERLIN_FIRST, "2:50am", "00:50", "Sun 31 Oct 2027, 02:50 (in 10 min)"),  # the first
    (BERLIN_FIRST, "31/10/2027 2:30am", "01:30", "Sun 31 Oct 2027, 02:30 (in 50 min)"),
    (BERLIN_SPRING, "in 1 hour", "01:30", "Sun 28 Mar 2027, 03:30 (in 1 h)"),
    (BERLIN_SPRING, "3:15am", "01:15", "Sun 28 Mar 2027, 03:15 (in 45 min)"),
    (NEW_YORK_SPRING, "in 90 minutes", "08:00", "Sun 14 Mar 2027, 04:00 (in 1 h 30 min)"),
]


@pytest.mark.parametrize(("now", "text", "utc", "shown"), FOLD_CASES)
def test_the_hour_the_clocks_change_counts_real_time(now, text, utc, shown):
    from infoview_tui.domain.date_fields import meeting_time

    when = parse_when(text, now, day_first=True)
    assert when.at is not None
    assert when.at.astimezone(UTC).strftime("%H:%M") == utc
    reading = meeting_time(text, now, day_first=True, allow_past=False)
    assert reading.shown == shown
    assert reading.value == when.at


def test_a_time_whose_first_pass_has_gone_is_the_second_and_says_so():
    notes = parse_when("2:50am", BERLIN_SECOND).notes
    assert any("happens twice" in n and "the first has passed" in n for n in notes), notes


def test_a_time_whose_both_passes_have_gone_is_tomorrows():
    when = parse_when("2:30am", BERLIN_SECOND)
    assert when.at is not None and when.at.date().isoformat() == "2027-11-01"


def test_a_day_across_the_spring_change_keeps_its_wall_clock_time():
    saturday = datetime(2026, 3, 28, 12, tzinfo=LONDON)
    when = parse_when("tomorrow 2pm", saturday).at
    assert when is not None
    assert (when.strftime("%H:%M"), when.utcoffset()) == ("14:00", timedelta(hours=1))


def test_in_2_hours_across_the_autumn_change_is_2_real_hours():
    now = datetime(2026, 10, 25, 0, 30, tzinfo=LONDON)  # 01:00-02:00 happens twice
    when = parse_when("in 2 hours", now).at
    assert when is not None
    assert when.astimezone(UTC) - now.astimezone(UTC) == timedelta(hours=2)


def test_in_2_hours_across_the_spring_change_shows_a_real_local_time():
    now = datetime(2026, 3, 28, 23, 30, tzinfo=LONDON)
    when = parse_when("in 2 hours", now).at
    assert when is not None
    assert when.strftime("%H:%M") == "02:30"  # 01:30 UTC is 02:30 BST


def test_a_month_later_from_the_31st_is_the_last_day_of_next_month():
    assert reading("in 1 month", datetime(2027, 1, 31, 10, tzinfo=UTC)) == "2027-02-28"


def test_leap_day_in_a_leap_year_is_this_years():
    assert reading("29/2", datetime(2028, 1, 10, tzinfo=UTC)) == "2028-02-29"


def test_a_day_a_few_months_back_stays_in_this_year():
    assert reading("3 jan", datetime(2026, 6, 20, tzinfo=UTC)) == "2026-01-03"


@pytest.mark.parametrize(
    ("text", "expected", "moved"),
    [
        ("25/12", date(2025, 12, 25), True),
        ("the 3rd", date(2026, 3, 3), True),  # ahead, it would be 3 April
        ("the 31st", date(2026, 1, 31), True),  # February has none
        ("fri", date(2026, 2, 27), True),
        ("wed", date(2026, 3, 4), False),  # today
        ("29 feb", date(2024, 2, 29), True),
        ("next fri", date(2026, 3, 13), False),  # said to be ahead: kept
        ("in 3 days", date(2026, 3, 7), False),
        ("25 dec 2026", date(2026, 12, 25), False),  # a year typed is kept
        ("yesterday", date(2026, 3, 3), False),
    ],
)
def test_a_day_looked_back_to(text, expected, moved):
    from infoview_tui.domain.when_reader import parse_past_day

    now = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # a Wednesday
    when = parse_past_day(text, now)
    assert when.day == expected
    assert any("read as the last one" in n for n in when.notes) == moved
