"""Me: the profile form, the pace (weekly cap, rest days) and the meeting screen's settings.

Each change reads the stored profile first and changes only its own fields, so a setting
changed on one screen never undoes one made on another.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain.records import Profile
from ..store.store import Store
from .outcome import Outcome

WRAP_CHOICES = (2, 3, 5)  # minutes of wrap-up before a meeting's planned end


def save_profile(store: Store, profile: Profile) -> Outcome[Profile]:
    """The Me form as typed."""
    store.save_profile(profile)
    return Outcome(profile, "Saved.")


def toggle_bell(store: Store) -> Outcome[Profile]:
    """The terminal bell at a meeting's phase changes: on, or off again."""
    profile = store.profile()
    profile = replace(profile, meeting_bell=not profile.meeting_bell)
    store.save_profile(profile)
    return Outcome(profile, "Bell on at phase changes." if profile.meeting_bell else "Bell off.")


def next_wrap_length(store: Store) -> Outcome[Profile]:
    """The next wrap-up length in WRAP_CHOICES, round to the shortest after the longest."""
    profile = store.profile()
    later = [minutes for minutes in WRAP_CHOICES if minutes > profile.wrap_minutes]
    profile = replace(profile, wrap_minutes=later[0] if later else WRAP_CHOICES[0])
    store.save_profile(profile)
    return Outcome(profile, f"Wrap-up now starts {profile.wrap_minutes} minutes before the end.")


def set_pace(
    store: Store, weekly_meeting_cap: int | None, rest_days: list[int]
) -> Outcome[Profile]:
    """The energy settings: a weekly cap on meetings (None: no cap) and the rest days."""
    profile = replace(
        store.profile(), weekly_meeting_cap=weekly_meeting_cap, rest_days=list(rest_days)
    )
    store.save_profile(profile)
    return Outcome(profile, "Energy settings kept.")
