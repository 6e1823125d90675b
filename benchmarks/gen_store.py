"""Write a large, deterministic infoview store for the benchmarks.

    python benchmarks/gen_store.py OUT.json [--scale 10] [--seed 1]

Scale 1 is heavy real use: 200 meetings, 3,000 contacts (one LinkedIn import), 2,000
follow-ups and 30 organisations. The default, scale 10, is what infoview is designed for: about
25 MB of JSON. The file is built directly as TinyDB's JSON layout (records encoded with
`infoview_tui.domain.codec.encode`) and written once with the store's atomic write; inserting
50,000 records through the store one by one would be far slower. The same scale and seed always
give the same bytes. Afterwards the file is opened read-only with `Store.open` as a check.
"""

# ruff: noqa: E402  (imports follow the sys.path fix below)
from __future__ import annotations

import os
import sys

# Run from a checkout: import from the repo root, not from this folder (whose typing.py
# would shadow the standard library's module).
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import hashlib
import random
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from infoview_tui.clock import FakeClock, monotonic
from infoview_tui.domain.codec import encode
from infoview_tui.domain.question_bank import builtin_questions
from infoview_tui.domain.records import (
    CanMeet,
    Capture,
    CaptureKind,
    Contact,
    Decision,
    Demand,
    DemandCheck,
    DemandKind,
    Flexibility,
    FollowUp,
    FollowUpKind,
    FoundThrough,
    Interview,
    InterviewStatus,
    Note,
    Occupation,
    Organization,
    PlannedQuestion,
    Profile,
    Question,
    Reflection,
    Request,
    Session,
)
from infoview_tui.store.atomic import write_atomic
from infoview_tui.store.schema import empty_data, meta, to_bytes

# Heavy real use, per unit of --scale.
HEAVY = {"organizations": 30, "contacts": 3_000, "interviews": 200, "followups": 2_000}
# A fixed "now" keeps the output identical from run to run.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=-8)))
MARK = "benchmarks/gen_store.py"

FIRST = (
    "Ada", "Amir", "Ana", "Ben", "Carla", "Chen", "Dana", "Dev", "Elena", "Emeka", "Farah",
    "Femi", "Grace", "Hana", "Ian", "Ines", "Jae", "Jon", "Kai", "Kemi", "Lena", "Luis", "Maya",
    "Mei", "Nadia", "Noah", "Olu", "Omar", "Pia", "Priya", "Quinn", "Raj", "Rosa", "Sam",
    "Sana", "Tariq", "Tess", "Uma", "Vic", "Wen", "Yara", "Zoe",
)  # fmt: skip
LAST = (
    "Abara", "Becker", "Chou", "Dasilva", "Eriksen", "Fischer", "Gill", "Haddad", "Ito",
    "Jensen", "Kaur", "Liu", "Moreau", "Nakamura", "Okafor", "Park", "Quispe", "Raman",
    "Santos", "Tremblay", "Ueda", "Vega", "Walsh", "Xu", "Yilmaz", "Zhang",
)  # fmt: skip
TITLES = (
    "Clinical research coordinator", "Research nurse", "Study coordinator",
    "Clinical research associate", "Research assistant", "Data coordinator",
    "Regulatory specialist", "Research manager", "Clinical trial assistant",
    "Patient recruitment lead", "Research pharmacist", "Biostatistician", "HR advisor",
    "Site director", "Quality assurance lead",
)  # fmt: skip
ORG_WORDS = (
    "Harbour", "Coastal", "North", "Cedar", "Pacific", "River", "Summit", "Lumen", "Meridian",
    "East", "West", "Bay", "Valley", "Pine", "Granite", "Aurora", "Maple", "Island", "Lake",
    "Ridge",
)  # fmt: skip
ORG_KINDS = (
    "Research Centre", "Clinical Research", "Health Research Institute", "Trials Network",
    "University Hospital", "Biologics", "Family Health Team", "Research Clinic",
)  # fmt: skip
PHRASES = (
    "met at the regional research meetup", "works on long-term diabetes studies",
    "prefers email over phone", "said to call after the study launch",
    "very generous with advice", "knows the hiring manager", "runs the training programme",
    "moved from nursing into research", "mentioned part-time roles on the team",
    "fasting visits start at 7:30", "monitoring visits are the stressful part",
    "suggested the GCP course first", "the office is next to the clinic",
    "hiring again in the spring", "offered to introduce me to her manager",
    "we talked about flexible hours", "has a daughter starting university",
    "recommended the local association newsletter", "loves a tidy spreadsheet",
    "a lot of walking between clinic and lab", "quiet room for phone calls",
    "asked me to send my scheduling template", "used to work at the children's institute",
)  # fmt: skip


class Gen:
    """Random choices from one seed, and the small pieces records are built from."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def text(self, low: int, high: int) -> str:
        bits = self.rng.sample(PHRASES, self.rng.randint(low, high))
        return "; ".join(bits).capitalize() + "."

    def when(self, low_days: float, high_days: float) -> datetime:
        seconds = self.rng.uniform(low_days, high_days) * 86_400
        return (NOW + timedelta(seconds=round(seconds))).replace(microsecond=0)

    def day(self, low_days: int, high_days: int) -> date:
        return NOW.date() + timedelta(days=self.rng.randint(low_days, high_days))

    def maybe(self, chance: float, make: Callable[[], Any]) -> Any:
        return make() if self.rng.random() < chance else None


def organizations(g: Gen, count: int) -> list[Organization]:
    out = []
    for i in range(1, count + 1):
        name = f"{g.rng.choice(ORG_WORDS)} {g.rng.choice(ORG_KINDS)} {i}"
        out.append(
            Organization(
                name=name,
                rank=i if i <= 10 else g.maybe(0.3, lambda i=i: i),
                why=g.text(1, 2),
                practice=i == 10,
                website=f"https://org{i}.example",
                strengths=g.text(1, 2),
                culture=g.text(1, 2),
                achievements=g.text(1, 1),
                news=g.text(1, 1),
                position=g.text(1, 1),
                competitor_ids=sorted(g.rng.sample(range(1, count + 1), 2)),
                flexibility=Flexibility("Weekday daytime", "Some 0.8 roles", "Hybrid", "Ask HR"),
                hires=g.rng.random() < 0.2,
            )
        )
    return out


def contacts(g: Gen, count: int, org_count: int) -> list[Contact]:
    out = []
    routes = list(FoundThrough)
    for i in range(1, count + 1):
        first, last = g.rng.choice(FIRST), g.rng.choice(LAST)
        introduced_by = g.maybe(0.15, lambda i=i: g.rng.randint(1, i - 1) if i > 1 else None)
        out.append(
            Contact(
                name=f"{first} {last}",
                job_title=g.rng.choice(TITLES),
                organization_id=g.maybe(0.7, lambda: g.rng.randint(1, org_count)),
                email=f"{first}.{last}{i}@mail.example".lower(),
                phone=f"604-555-{i % 10_000:04d}",
                linkedin=f"https://www.linkedin.example/in/{first}{last}{i}".lower(),
                found_through=g.rng.choice(routes),
                introduced_by_id=introduced_by,
                introducer_asks_first=introduced_by is not None and g.rng.random() < 0.2,
                may_use_name=introduced_by is not None and g.rng.random() < 0.7,
                cadence_days=g.maybe(0.2, lambda: g.rng.choice((30, 45, 60, 90))),
                last_contact=g.maybe(0.5, lambda: g.when(-400, 0)),
                notes=g.text(1, 3),
                created=g.when(-700, -1),
            )
        )
    return out


def interviews(
    g: Gen, count: int, contact_count: int, org_count: int, question_ids: list[int]
) -> list[Interview]:
    statuses = [InterviewStatus.DONE] * 12 + [
        InterviewStatus.SCHEDULED, InterviewStatus.SCHEDULED, InterviewStatus.REQUESTED,
        InterviewStatus.REQUESTED, InterviewStatus.IDEA, InterviewStatus.IDEA,
        InterviewStatus.DECLINED, InterviewStatus.CANCELLED,
    ]  # fmt: skip
    kinds = list(CaptureKind)
    out = []
    for _ in range(count):
        status = g.rng.choice(statuses)
        done = status == InterviewStatus.DONE
        when = g.when(-500, -1) if done else g.maybe(0.7, lambda: g.when(1, 30))
        plan = [
            PlannedQuestion(text=g.text(1, 1), question_id=qid, asked=done)
            for qid in g.rng.sample(question_ids, g.rng.randint(3, 6))
        ]
        record = Interview(
            contact_id=g.rng.randint(1, contact_count),
            organization_id=g.rng.randint(1, org_count),
            occupation_id=1,
            status=status,
            when=when,
            place="Their office",
            request=Request(email=g.text(4, 6), phone_script=g.text(4, 6), sent=g.when(-520, 0)),
            questions=plan,
            created=g.when(-540, -1),
        )
        if done and when is not None:
            started = when
            record.session = Session(started=started, ended=started + timedelta(minutes=16))
            record.notes = [
                Note(g.text(1, 3), float(60 * n + g.rng.randint(0, 50)), plan[n % len(plan)].text)
                for n in range(g.rng.randint(8, 12))
            ]
            record.captures = [
                Capture(
                    kind=g.rng.choice(kinds),
                    text=g.text(1, 1),
                    organization=g.rng.choice(ORG_WORDS),
                    may_use_name=g.rng.random() < 0.5,
                    elapsed=float(g.rng.randint(60, 900)),
                    handled=g.rng.random() < 0.6,
                )
                for _ in range(g.rng.randint(1, 4))
            ]
            record.reflection = g.maybe(0.4, lambda: reflection(g))
        out.append(record)
    return out


def reflection(g: Gen) -> Reflection:
    return Reflection(
        interests=g.text(1, 2), interests_fit=g.rng.randint(1, 5),
        values=g.text(1, 2), values_fit=g.rng.randint(1, 5),
        needs=g.text(1, 2), needs_fit=g.rng.randint(1, 5),
        skills=g.text(1, 2), skills_fit=g.rng.randint(1, 5),
        reality=g.text(2, 4),
        demands=[DemandCheck(g.text(1, 1), g.rng.choice(list(CanMeet))) for _ in range(3)],
        decision=g.rng.choice(list(Decision)),
        training=g.text(1, 2),
        next_steps=[g.text(1, 1) for _ in range(2)],
        thank_you=g.text(3, 5),
        learned=g.text(1, 1),
    )  # fmt: skip


def followups(g: Gen, count: int, contact_count: int, interview_count: int) -> list[FollowUp]:
    kinds = list(FollowUpKind)
    return [
        FollowUp(
            kind=g.rng.choice(kinds),
            title=g.text(1, 1),
            due=g.day(-60, 90),
            contact_id=g.rng.randint(1, contact_count),
            interview_id=g.maybe(0.4, lambda: g.rng.randint(1, interview_count)),
            reason=g.text(1, 2),
            done=g.maybe(0.4, lambda: g.when(-60, 0)),
            created=g.when(-120, -1),
        )
        for _ in range(count)
    ]


def build(scale: int, seed: int) -> dict[str, dict[str, dict[str, Any]]]:
    """The whole file as TinyDB's layout: {table: {"<id>": document}}."""
    g = Gen(seed)
    n = {table: per_unit * scale for table, per_unit in HEAVY.items()}
    # The file's own id (for exported UIDs) from the arguments: the same bytes on every run.
    own_id = hashlib.sha256(f"{MARK} {scale} {seed}".encode()).hexdigest()[:16]
    data = empty_data(f"{g.rng.getrandbits(64):016x}", store_id=own_id)
    meta(data)["generated"] = f"{MARK} --scale {scale} --seed {seed}"

    def table(records: list[Any]) -> dict[str, dict[str, Any]]:
        return {str(i): encode(record) for i, record in enumerate(records, start=1)}

    data["profile"]["1"] = encode(
        Profile(
            name="Benchmark Person",
            interests=g.text(2, 3),
            introduction=g.text(3, 4),
            weekly_meeting_cap=3,
            rest_days=[6],
        )
    )
    bank = [*builtin_questions(), Question(text="What does the first year look like?")]
    data["questions"] = table(bank)
    data["occupations"] = table(
        [
            Occupation(
                title=f"Occupation {i}",
                perceptions=g.text(3, 5),
                current=i == 1,
                demands=[Demand(kind, g.text(1, 1)) for kind in DemandKind],
            )
            for i in range(1, 4)
        ]
    )
    data["organizations"] = table(organizations(g, n["organizations"]))
    data["contacts"] = table(contacts(g, n["contacts"], n["organizations"]))
    question_ids = list(range(1, len(bank) + 1))
    data["interviews"] = table(
        interviews(g, n["interviews"], n["contacts"], n["organizations"], question_ids)
    )
    data["followups"] = table(followups(g, n["followups"], n["contacts"], n["interviews"]))
    return data


def _head(path: Path) -> str:
    with path.open("rb") as f:
        return f.read(400).decode(errors="replace")


def generate(out: Path, scale: int = 10, seed: int = 1, force: bool = False) -> dict[str, float]:
    """Write the store to `out`; returns timings (seconds) and the size (bytes)."""
    out = out.expanduser().absolute()
    if out.exists() and not force and MARK not in _head(out):
        raise SystemExit(f"{out} exists and was not made by {MARK}; pass --force to replace it")
    started = monotonic()
    data = build(scale, seed)
    built = monotonic()
    blob = to_bytes(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, blob)
    # A journal left by an app run on the previous file would not match the new one.
    out.with_name(out.name + ".journal").unlink(missing_ok=True)
    written = monotonic()
    return {"build": built - started, "write": written - built, "bytes": len(blob)}


def verify(out: Path) -> dict[str, float]:
    """Open the file as the app would (read-only) and decode every table; returns timings."""
    from infoview_tui.store.store import Store

    started = monotonic()
    store = Store.open(out, FakeClock(NOW), readonly=True)
    opened = monotonic()
    counts = {
        "contacts": len(store.contacts.all()),
        "interviews": len(store.interviews.all()),
        "followups": len(store.followups.all()),
        "organizations": len(store.organizations.all()),
    }
    decoded = monotonic()
    return {"open": opened - started, "decode": decoded - opened, **counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument("--scale", type=int, default=10, help="times heavy use (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace a file not made here")
    args = parser.parse_args(argv)
    stats = generate(args.out, args.scale, args.seed, args.force)
    print(
        f"wrote {args.out}: {stats['bytes'] / 1e6:.1f} MB in "
        f"{stats['build'] + stats['write']:.2f} s "
        f"(build {stats['build']:.2f} s, serialise and write {stats['write']:.2f} s)"
    )
    check = verify(args.out)
    print(
        f"check: Store.open(readonly=True) {check['open']:.2f} s, decoding every record "
        f"{check['decode']:.2f} s; {check['interviews']:,} meetings, "
        f"{check['contacts']:,} contacts, {check['followups']:,} follow-ups, "
        f"{check['organizations']:,} organisations"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
