"""Every link between records, and a check that none points at nothing.

A record refers to another by id (a meeting's contact, a contact's employer and introducer, a
follow-up's meeting, ...). Deleting a record must leave no id behind that points at nothing:
the services unlink first, then delete. `dangling` lists what would break that rule, so tests
can walk the demo and a large store after random deletes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .records import Contact, FollowUp, Interview, Occupation, Organization, Question


@dataclass(frozen=True)
class Dangling:
    table: str  # the table of the record holding the link
    record_id: int | None
    field: str
    points_at: int

    def __str__(self) -> str:
        return f"{self.table} {self.record_id}: {self.field} -> {self.points_at} (gone)"


def dangling(
    contacts: Iterable[Contact],
    organizations: Iterable[Organization],
    interviews: Iterable[Interview],
    followups: Iterable[FollowUp],
    occupations: Iterable[Occupation] = (),
    questions: Iterable[Question] = (),
) -> list[Dangling]:
    """Every id in every record that names a record which does not exist."""
    people = list(contacts)
    orgs = list(organizations)
    meetings = list(interviews)
    items = list(followups)
    jobs = list(occupations)
    bank = list(questions)
    contact_ids = {c.id for c in people}
    org_ids = {o.id for o in orgs}
    meeting_ids = {m.id for m in meetings}
    job_ids = {o.id for o in jobs}
    question_ids = {q.id for q in bank}
    found: list[Dangling] = []

    def check(
        table: str, record_id: int | None, field: str, value: int | None, ids: set[int | None]
    ) -> None:
        if value is not None and value not in ids:
            found.append(Dangling(table, record_id, field, value))

    for c in people:
        check("contacts", c.id, "organization_id", c.organization_id, org_ids)
        check("contacts", c.id, "introduced_by_id", c.introduced_by_id, contact_ids)
    for o in orgs:
        for other in o.competitor_ids:
            check("organizations", o.id, "competitor_ids", other, org_ids)
    for m in meetings:
        check("interviews", m.id, "contact_id", m.contact_id, contact_ids)
        check("interviews", m.id, "organization_id", m.organization_id, org_ids)
        check("interviews", m.id, "occupation_id", m.occupation_id, job_ids)
        for planned in m.questions:
            check("interviews", m.id, "questions.question_id", planned.question_id, question_ids)
    for f in items:
        check("followups", f.id, "contact_id", f.contact_id, contact_ids)
        check("followups", f.id, "interview_id", f.interview_id, meeting_ids)
        check("followups", f.id, "organization_id", f.organization_id, org_ids)
    return found
