"""What a person does, as typed operations over the store: no Textual, no TinyDB queries.

Screens and CLI commands call these rather than changing records themselves, so the same
action behaves the same from a key, a command line or a browser, and is tested without a
terminal. Each operation returns an `Outcome`: what it produced and a message for the person.
Nothing here reads the clock: callers pass `now`.

Modules: employers, people, occupations, meetings, questions, profile, leads, followups;
imports (contacts from
LinkedIn, CSV or vCard files with a preview, and a whole store from JSON), exports (md, json,
ics, vcf, activity) and intros (warm introductions at each ranked employer).
"""

from __future__ import annotations

from .outcome import Outcome

__all__ = ["Outcome"]
