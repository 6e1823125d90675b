"""The words of the demo data set: one person's search, written out in full.

Maya Lindgren ran a family clinic's front office for nine years, then spent a year on cancer
treatment. She is now exploring clinical research coordination. Everything here is fiction:
the organisations use the reserved `.example` domain and the phone numbers the 555-01xx range.
`infoview_tui.demo` turns these texts into records and gives them dates relative to "now".

Keys (short slugs such as "coastal" or "daniel") tie the pieces together; they are never
stored. Elapsed times in meeting notes are seconds into the meeting.
"""

from __future__ import annotations

from typing import Any

from .domain.records import CanMeet, CaptureKind, DemandKind, FoundThrough

# ----- me -------------------------------------------------------------------------------------

PROFILE: dict[str, Any] = {
    "name": "Maya Lindgren",
    "interests": (
        "Medicine and science explained in plain words; organising complicated things so they "
        "run smoothly; helping anxious people feel looked after; a tidy spreadsheet."
    ),
    "values": (
        "Work that matters to patients; honesty and doing things properly; a team that shares "
        "the load; a steady routine I can plan my energy around."
    ),
    "needs": (
        "Start at about three days (24 hours) a week and build up; mostly seated work with room "
        "to walk; predictable daytime hours, no nights; extended health benefits; under 45 "
        "minutes each way by transit."
    ),
    "skills": (
        "Nine years as a medical office administrator: scheduling for six providers, two "
        "electronic record systems, billing, handling private information with care, calming "
        "worried callers, training new front-desk staff. Good with Excel. Conversational Spanish."
    ),
    "work_ability": (
        "Best energy from 8 am to 2 pm; after 3 pm I fade. Mild numbness in both feet since "
        "chemo: walking is fine, standing still for more than an hour is not. Some days my "
        "concentration is patchy, and checklists carry me. Follow-up scans every three months "
        "(half a day each). Keep lifting on the left side under 5 kg. Energy has improved month "
        "by month since treatment ended."
    ),
    "disclosure_plan": (
        "Informational meetings: no health details. If someone asks about the gap, say: "
        '"I took time away for a health matter; I\'m well now and ready to get back to work." '
        "Mention having been on the participant side of a study only if it clearly helps and "
        "feels right in the moment, and never in writing. At the offer stage, ask HR (not the "
        "hiring manager) about a gradual return and seating, with a doctor's note that lists "
        "needs, not diagnoses."
    ),
    # About 50 words: 20 seconds at an easy speaking pace.
    "introduction": (
        "Hi, I'm Maya Lindgren. For nine years I kept a busy family clinic running: scheduling "
        "six doctors, managing patient records and reassuring anxious callers. I'm now exploring "
        "clinical research coordination, and I'd really value hearing how the work looks from the "
        "inside, from someone who does it every day."
    ),
}
WEEKLY_MEETING_CAP = 2
REST_DAYS = (2,)  # Wednesday: the mid-week pause that makes the rest of the week possible

# ----- the occupations ------------------------------------------------------------------------

# (key, title, current, perceptions, ((demand kind, text), ...), notes)
OCCUPATIONS = (
    (
        "crc",
        "Clinical research coordinator",
        True,
        "Before talking to anyone, I picture mostly desk work: screening charts to find patients "
        "who qualify for a study, booking their visits and entering results into the study's "
        "forms. I expect regular 9-to-5 hours and a calm pace. I assume my clinic years count "
        "for a lot and that certification is optional. I think pay starts a little above my old "
        "office salary, and I expect plenty of friendly patient contact, which I would enjoy.",
        (
            (
                DemandKind.PHYSICAL,
                "Time on my feet: walking between clinic, pharmacy and lab, carrying sample "
                "kits, standing through participant visits.",
            ),
            (
                DemandKind.SCHEDULE,
                "Visit windows set by each study's protocol: early fasting blood draws, "
                "sometimes an evening or a weekend.",
            ),
            (
                DemandKind.STRESS,
                "Data-entry deadlines, sponsor monitoring visits and audits; supporting "
                "participants who are very unwell.",
            ),
            (
                DemandKind.TRAINING,
                "Good Clinical Practice (GCP) and research-ethics training before starting; a "
                "coordinator certification later on.",
            ),
            (
                DemandKind.OTHER,
                "Exact attention to detail: every step follows the protocol, and slips must be "
                "reported.",
            ),
        ),
        'Postings around here ask for a health-related diploma or degree "or equivalent '
        'experience", GCP training and strong organisation. Entry titles vary a lot between '
        "employers: collect them.",
    ),
    (
        "navigator",
        "Patient navigator",
        False,
        "Guiding newly diagnosed people through appointments, tests and support services; a lot "
        "of phone time; close to what I did at the clinic's front desk, with more heart in it.",
        (
            (DemandKind.STRESS, "Daily conversations with people at their most frightened."),
            (DemandKind.SCHEDULE, "Weekday hours, but urgent calls don't wait for a good moment."),
            (
                DemandKind.TRAINING,
                "Often a nursing or social-work background; a few programmes train lay navigators.",
            ),
        ),
        "Set aside for now: talking every day with people who have just been diagnosed feels "
        "too close to home this year. Worth another look in a year or so.",
    ),
)

# ----- the question bank ----------------------------------------------------------------------

# The bank is `domain.question_bank` (the article's nine, then TIARA's five), plus my own two.
# Demo keys for the built-in questions, in the bank's order:
ARTICLE_KEYS = (
    "background", "day", "likes", "openings", "start", "titles", "employers", "referrals",
    "again",
)  # fmt: skip
# TIARA questions are keyed by their topic: trends, insights, advice, resources, assignments.

# (key, topic, text, why)
OWN_QUESTIONS = (
    (
        "flexibility", "flexibility",
        "How does your team handle flexible hours, part-time work or someone easing back after "
        "time away?",
        "Shows how flexible the workplace really is, without my having to disclose anything.",
    ),
    (
        "first_year", "first year",
        "What does the first year usually look like for someone new to the team?",
        "How much training and support to expect, and how steep the learning curve is.",
    ),
)  # fmt: skip

# ----- employers ------------------------------------------------------------------------------

# Ranked 1-10 in this order; "practice" marks the lower-interest practice target. The last two
# are unranked. Flexibility is (hours, part_time, remote, accommodation).
ORGANIZATIONS: tuple[dict[str, Any], ...] = (
    {
        "key": "harbourside",
        "name": "Harbourside Cancer Research Centre",
        "why": "The region's largest cancer trials programme: work with a purpose I care about "
        "deeply.",
        "website": "https://harbourside-research.example",
        "strengths": "Runs studies from first-in-human trials to large international ones; "
        "strong research nursing and pharmacy support.",
        "culture": "Mission-driven and busy; people talk about putting the participant first. "
        "Staff reviews praise the teamwork but mention heavy workloads around study launches.",
        "achievements": "Opened a dedicated early-phase trials clinic last year; recognised "
        "for high enrolment in two national studies.",
        "news": "Announced a new satellite research clinic in the suburbs, staffing up over the "
        "coming year.",
        "position": "The regional leader in cancer research; partners with the university and "
        "most hospitals in the area.",
        "competitors": ("coastal",),
        "flexibility": (
            "Clinic hours 7:30 to 5; coordinators split early and late starts.",
            "Some 0.6 and 0.8 positions posted.",
            "Data-entry days from home for experienced staff.",
            "Public-sector employer with a formal accommodation process through HR.",
        ),
    },
    {
        "key": "coastal",
        "name": "Coastal University Hospital, Clinical Research Unit",
        "why": "A teaching hospital with studies in many specialties, so I could try different "
        "areas; good benefits and a pension.",
        "website": "https://research.coastaluh.example",
        "strengths": "Studies across cardiology, neurology, cancer and infectious disease; a "
        "central unit that trains its own coordinators.",
        "culture": "Academic and structured: many procedures and committees, but supportive "
        "managers and a mentoring scheme for new staff.",
        "achievements": "Its vaccine study site enrolled ahead of schedule; won a hospital "
        "award for its coordinator training programme.",
        "news": "Moving into a new research building next year; several research assistant "
        "roles posted this season.",
        "position": "One of the two big academic research centres in the region; many "
        "coordinators start here and move on.",
        "competitors": ("harbourside", "northshore"),
        "flexibility": (
            "Weekday daytime, with some early visits.",
            "Job shares exist in some teams.",
            "Hybrid for data roles: one or two days at home.",
            "Union contract with a return-to-work programme.",
        ),
    },
    {
        "key": "northshore",
        "name": "Northshore Heart & Lung Institute",
        "why": "A smaller research team inside a specialist hospital: a calmer pace than the big "
        "centres, I hear, and twenty minutes from home.",
        "website": "https://nhli.example",
        "strengths": "Known for heart-device and pulmonary rehabilitation studies; long-standing "
        "industry partnerships.",
        "culture": "A close team of about twelve coordinators; people stay for years.",
        "achievements": "Published results from a large heart-failure study; its rehab "
        "programme was featured in a national report.",
        "news": "Recruiting for a new long-term study of people recovering from lung infections.",
        "position": "The specialist choice for heart and lung research; partners with Coastal "
        "University Hospital on bigger studies.",
        "competitors": ("coastal",),
        "flexibility": (
            "Weekday daytime; evenings are rare.",
            "Two coordinators work four-day weeks.",
            "Little: most of the work is on site.",
            "Not known yet: ask.",
        ),
    },
    {
        "key": "pacific",
        "name": "Pacific Trials Network",
        "why": "Runs trials at many community clinics for drug companies; lots of entry-level "
        "assistant roles and a name for training people up.",
        "website": "https://pacifictrials.example",
        "strengths": "Fast study start-up, a wide network of clinics, good systems and templates.",
        "culture": "Businesslike and quick, with clear targets. Friendly, but expects people to "
        "juggle several studies at once.",
        "achievements": "Grew from four to eleven sites in five years.",
        "news": "Opened two new sites this year and advertised for clinical trial assistants.",
        "position": "The largest independent site network in the province; competes with the "
        "private research sites.",
        "competitors": ("lumen", "bayline"),
        "flexibility": (
            "Varies by site; some start at 7.",
            "Casual and part-time assistant roles are common.",
            "Regulatory and data roles can be remote.",
            "Private employer: ask HR.",
        ),
    },
    {
        "key": "riverside",
        "name": "Riverside Children's Research Institute",
        "why": "Research that helps children and their families; my cousin works there and "
        "loves the place.",
        "website": "https://riversidekids-research.example",
        "strengths": "Strong in childhood diabetes, asthma and rare-disease studies; visits "
        "designed around families.",
        "culture": "Warm and collaborative; staff describe a good balance between work and home.",
        "achievements": "Helped set up a national network for rare childhood diseases.",
        "news": "New funding for a five-year asthma study; building a family research lounge.",
        "position": "The only children's research institute in the region.",
        "competitors": (),
        "flexibility": (
            "Visits fit around school, so some late afternoons.",
            "Several part-time coordinators.",
            "Some data work from home.",
            "A formal process, described as supportive.",
        ),
    },
    {
        "key": "lumen",
        "name": "Lumen Clinical Research",
        "why": "A private site running many industry trials; hires quickly, so possibly a foot "
        "in the door.",
        "website": "https://lumenclinical.example",
        "strengths": "Experienced in vaccine and skin-condition studies; runs its own "
        "recruitment campaigns.",
        "culture": "A small company where everyone pitches in; hectic around study deadlines.",
        "achievements": "Top-enrolling site for a recent international vaccine study.",
        "news": "Moved to a larger clinic downtown.",
        "position": "One of three private research sites in the city.",
        "competitors": ("pacific", "bayline"),
        "flexibility": (
            "Business hours, with some Saturday clinics.",
            "Hires casual staff for busy studies.",
            "None for coordinators.",
            "Not sure: a small employer.",
        ),
    },
    {
        "key": "westbrook",
        "name": "Westbrook Community Health Centre, Research Office",
        "why": "Community health research close to home; values-driven and patient-centred.",
        "website": "https://westbrookchc.example/research",
        "strengths": "Community-based studies on chronic disease and access to care; close ties "
        "to local clinics.",
        "culture": "Relaxed and collaborative; many staff work part-time.",
        "achievements": "A study of diabetes care in community clinics changed local practice.",
        "news": "Hiring a research assistant on a two-year grant.",
        "position": "A small but respected name in community health research.",
        "competitors": (),
        "flexibility": (
            "Flexible start times.",
            "Common.",
            "Hybrid.",
            "A strong equity and accessibility policy.",
        ),
    },
    {
        "key": "cedar",
        "name": "Cedar Valley Diabetes Research Clinic",
        "why": "A focused clinic with long-term studies and, from what I've read, a predictable "
        "week.",
        "website": "https://cedarvalleydiabetes.example",
        "strengths": "Decades of diabetes studies; loyal participants who stay for years.",
        "culture": "Quiet and methodical; a small team.",
        "achievements": "Enrolled more participants than any other site in the country for a "
        "recent insulin study.",
        "news": "Starting studies of new weight-management medicines.",
        "position": "A specialist clinic; works with Pacific Trials Network on some studies.",
        "competitors": ("lumen",),
        "flexibility": (
            "8 to 4 on weekdays, with early fasting visits.",
            "One part-time coordinator.",
            "No.",
            "Not known yet.",
        ),
    },
    {
        "key": "meridian",
        "name": "Meridian Biologics",
        "why": "A local biotech company that sponsors trials; seeing the sponsor's side would "
        "round out my picture.",
        "website": "https://meridianbio.example",
        "strengths": "Two medicines in late-stage trials; a growing clinical operations team.",
        "culture": "Start-up energy; long hours near milestones.",
        "achievements": "Raised new funding to finish its main late-stage trial.",
        "news": "Results from its lead medicine's trial are expected next year.",
        "position": "A sponsor rather than a site: hires clinical research associates who "
        "monitor the sites.",
        "competitors": (),
        "flexibility": (
            "Flexible, but monitors travel to sites often.",
            "Rare.",
            "Hybrid.",
            "Not known: a small HR team.",
        ),
    },
    {
        "key": "eastgate",
        "name": "Eastgate Family Health Team",
        "practice": True,
        "why": "Lower interest: a family practice network that runs a few studies. Good for a "
        "practice meeting, and my old manager knows their research nurse.",
        "website": "https://eastgatefht.example",
        "strengths": "Small-scale primary care research; supports staff who want to learn.",
        "culture": "Much like my old clinic: friendly, with a busy front desk.",
        "achievements": "Took part in a national study of home blood-pressure monitoring.",
        "news": "Nothing recent.",
        "position": "Small; research is a side activity here.",
        "competitors": (),
        "flexibility": (
            "Weekday daytime.",
            "Many part-time staff.",
            "No.",
            "Small team; informal.",
        ),
    },
    {
        "key": "summit",
        "name": "Summit Dermatology Research",
        "unranked": True,
        "hires": True,
        "why": "A lead from Daniel at Coastal: they hire coordinators often and train people "
        "who come from clinic front offices.",
        "website": "https://summitderm.example",
        "strengths": "Skin and allergy studies with short, mostly seated visits.",
        "position": "A private research site that specialises in skin conditions.",
        "competitors": ("lumen",),
        "flexibility": ("Weekday daytime.", "", "", ""),
    },
    {
        "key": "bayline",
        "name": "Bayline Contract Research",
        "unranked": True,
        "why": "Came up while researching Pacific Trials Network, as a competitor. Not on my "
        "list yet.",
        "website": "https://bayline-cro.example",
        "position": "A contract research organisation that runs trials for drug companies.",
        "competitors": ("pacific",),
    },
)

# ----- people ---------------------------------------------------------------------------------

# Introducers come before the people they introduced. "last" is days since the last contact
# for people not met yet; demo.py dates the rest from the meetings.
CONTACTS: tuple[dict[str, Any], ...] = (
    {
        "key": "priya", "name": "Priya Raman", "title": "Oncology pharmacist", "org": "coastal",
        "email": "priya.raman@mail.example", "phone": "604-555-0111",
        "found": FoundThrough.FRIEND, "cadence": 30, "last": 12, "added": 40,
        "notes": "Friend from book club. Offered to ask around the hospital's research unit.",
    },
    {
        "key": "daniel", "name": "Daniel Okoye", "title": "Clinical research coordinator",
        "org": "coastal", "email": "daniel.okoye@coastaluh.example", "phone": "604-555-0112",
        "found": FoundThrough.FRIEND, "by": "priya", "may_use_name": True, "cadence": 60,
        "added": 20,
        "notes": "Eight years as a coordinator in cardiology and infectious disease. Generous "
        "with his time; loves a good spreadsheet.",
    },
    {
        "key": "sofia", "name": "Sofia Marchetti", "title": "Research manager, early-phase trials",
        "org": "harbourside", "email": "s.marchetti@harbourside-research.example",
        "phone": "604-555-0113", "found": FoundThrough.REFERRAL, "by": "daniel",
        "may_use_name": True, "added": 9,
        "notes": "Daniel's former colleague. Picked up when I phoned and said now was a good "
        "time, so we talked there and then.",
    },
    {
        "key": "tom", "name": "Tom Becker", "title": "Site lead, clinical trial assistants",
        "org": "pacific", "email": "tbecker@pacifictrials.example", "phone": "604-555-0114",
        "found": FoundThrough.REFERRAL, "by": "sofia", "may_use_name": False, "added": 3,
        "notes": "Sofia suggested him but would rather I didn't mention her: they haven't "
        "worked together in years. Approach him on my own merits.",
    },
    {
        "key": "gord", "name": "Gord McAllister", "title": "Practice manager, my old clinic",
        "email": "gord.mcallister@mail.example", "phone": "604-555-0115",
        "found": FoundThrough.FORMER_COWORKER, "cadence": 30, "last": 33, "added": 45,
        "notes": "Managed the clinic for all nine of my years there. Happy to be a reference.",
    },
    {
        "key": "marisol", "name": "Marisol Vega", "title": "Research nurse", "org": "eastgate",
        "email": "mvega@eastgatefht.example", "phone": "604-555-0116",
        "found": FoundThrough.FORMER_COWORKER, "by": "gord", "may_use_name": True,
        "cadence": 90, "added": 38,
        "notes": "Gord's contact. My practice meeting: patient and encouraging.",
    },
    {
        "key": "kevin", "name": "Kevin Liu", "title": "Study coordinator", "org": "cedar",
        "email": "kliu@cedarvalleydiabetes.example", "phone": "604-555-0117",
        "found": FoundThrough.REFERRAL, "by": "marisol", "may_use_name": True, "added": 22,
        "notes": "Marisol worked with him on a blood-pressure study. Prefers email.",
    },
    {
        "key": "lucy", "name": "Lucy Park", "title": "Research data coordinator", "org": "cedar",
        "email": "lpark@cedarvalleydiabetes.example",
        "linkedin": "https://www.linkedin.example/in/lucypark",
        "found": FoundThrough.PROFESSIONAL, "added": 15,
        "notes": "Met in the chat of a regional clinical research webinar, then on LinkedIn. A "
        "second door at Cedar Valley.",
    },
    {
        "key": "ines", "name": "Ines Lindgren", "title": "Administrative assistant",
        "org": "riverside", "email": "ines.lindgren@mail.example", "phone": "604-555-0119",
        "found": FoundThrough.FAMILY, "cadence": 45, "last": 20, "added": 44,
        "notes": "My cousin. Works in the institute's front office.",
    },
    {
        "key": "marcus", "name": "Marcus Doyle", "title": "Clinical research coordinator, "
        "asthma studies", "org": "riverside", "email": "mdoyle@riversidekids-research.example",
        "phone": "604-555-0120", "found": FoundThrough.FAMILY, "by": "ines",
        "may_use_name": True, "added": 18,
        "notes": "Ines sits near his team. Coaches his daughter's soccer team on Saturdays.",
    },
    {
        "key": "beth", "name": "Beth Nakamura", "title": "Clinical research associate",
        "org": "meridian", "email": "beth.nakamura@meridianbio.example",
        "linkedin": "https://www.linkedin.example/in/bethnakamura",
        "found": FoundThrough.PROFESSIONAL, "added": 14,
        "notes": "Met at the local clinical research association's evening meetup; she invited "
        "me to get in touch.",
    },
    {
        "key": "ravi", "name": "Ravi Gill", "title": "Clinical research coordinator",
        "org": "lumen", "email": "ravi.gill@lumenclinical.example",
        "linkedin": "https://www.linkedin.example/in/ravigill",
        "found": FoundThrough.PROFESSIONAL, "added": 25,
        "notes": "Found through a clinical research group on LinkedIn. Declined kindly: in the "
        "middle of a study start-up. Said to try again in a couple of months.",
    },
    {
        "key": "joelle", "name": "Joelle Tremblay", "title": "Physiotherapist, cardiac rehab",
        "org": "northshore", "email": "joelle.t@mail.example", "phone": "604-555-0123",
        "found": FoundThrough.FRIEND, "added": 10,
        "notes": "Friend from the rehab gym.",
    },
    {
        "key": "hannah", "name": "Hannah Fischer", "title": "Research coordinator, lung studies",
        "org": "northshore", "email": "hfischer@nhli.example", "found": FoundThrough.FRIEND,
        "by": "joelle", "asks_first": True, "may_use_name": True, "added": 2,
        "notes": "Joelle will ask her first whether she'd be open to a short chat.",
    },
    {
        "key": "farah", "name": "Farah Siddiqui", "title": "Research assistant",
        "org": "westbrook", "email": "farah.siddiqui@westbrookchc.example",
        "phone": "604-555-0125", "found": FoundThrough.FORMER_COWORKER, "added": 30,
        "notes": "We worked together at the clinic years ago. I had to cancel our meeting (an "
        "appointment clashed); she said to rebook any time.",
    },
)  # fmt: skip

# ----- asking for a meeting -------------------------------------------------------------------

# Under 100 words: the connection first, about them, advice not a job, the ask as a question.
REQUEST_EMAIL = """Subject: {subject}

Hi {first},

{connection} After nine years keeping a family clinic running, I'm exploring clinical research \
coordination, and I'd value your advice. Would you have 15 minutes in the coming weeks, at a \
time that suits you, ideally at your workplace?

Thank you,
Maya Lindgren
604-555-0100"""

PHONE_SCRIPT = """Hi {first}, this is Maya Lindgren. {connection_short} Is this an okay moment?

I spent nine years running a family clinic's front office, and I'm looking into clinical \
research coordination. I'd love to hear how you see the work. Could we find 15 minutes \
sometime, whenever suits you, perhaps at your workplace?

If now is good for you, I'm happy to talk right away (questions are open on my laptop)."""

# key: (subject, connection sentence, the same in a few spoken words)
CONNECTIONS = {
    "marisol": (
        "Gord McAllister suggested I write",
        "Gord McAllister suggested I contact you; he says the research you've brought to "
        "Eastgate has been good for patients.",
        "Gord McAllister gave me your name.",
    ),
    "daniel": (
        "Priya Raman suggested I write",
        "Priya Raman suggested I get in touch; she says you're the person who makes the "
        "research unit's studies run on time.",
        "Priya Raman gave me your name.",
    ),
    "kevin": (
        "Marisol Vega suggested I write",
        "Marisol Vega at Eastgate suggested I contact you; she speaks highly of the diabetes "
        "studies you coordinate at Cedar Valley.",
        "Marisol Vega at Eastgate gave me your name.",
    ),
    "beth": (
        "Following up from the research meetup",
        "We met at the clinical research meetup last week, and I kept thinking about what you "
        "said about monitoring studies from the sponsor's side.",
        "We met at the research meetup.",
    ),
    "marcus": (
        "Ines Lindgren suggested I write",
        "My cousin Ines Lindgren suggested I contact you; she says the families in your asthma "
        "study always ask for you.",
        "My cousin Ines gave me your name.",
    ),
    "ravi": (
        "A question from the clinical research group",
        "I've enjoyed your posts in the clinical research group, especially the one on keeping "
        "participants in long studies.",
        "I follow your posts in the clinical research group.",
    ),
    "farah": (
        "A hello from the old clinic",
        "It's been a while since our days at the clinic; I loved seeing that you're now doing "
        "research at Westbrook.",
        "It's Maya, from the old clinic.",
    ),
}

# ----- what was said: three meetings ----------------------------------------------------------

# Notes: (elapsed seconds, question key, text). Captures: (elapsed, kind, text, organisation,
# may use the interviewee's name). Every capture in a finished meeting has been handled.
NOTES = {
    "practice": (
        (40, "background", "Nurse for fifteen years; got into research when the clinic joined a "
         "blood-pressure study. \"Research found me.\""),
        (170, "day", "Research is Thursdays only: screening charts in the morning, visits and "
         "data entry in the afternoon."),
        (300, "likes", "Likes participants who feel part of something bigger. Dislikes entering "
         "everything twice, in the chart and the study system."),
        (455, "start", "Get GCP done first. Casual roles at bigger sites are a way in."),
        (610, "referrals", "Kevin Liu at Cedar Valley: she'll tell him to expect me; fine to "
         "use her name."),
        (780, "again", "Happy to hear how it goes; said I was well prepared for a first one."),
        (880, "again", "Note to self: I rushed the introduction. Slow down and breathe."),
    ),
    "daniel": (
        (35, "background", "Science degree, then a lab job he didn't love; moved into the unit "
         "after temping at its front desk. The front-office route is common!"),
        (150, "background", "Took the GCP course in his first month; got certified after "
         "three years."),
        (240, "day", "Fasting visits at 7:30 on Tuesdays and Thursdays. Then data entry, "
         "sponsor queries, booking the next visits."),
        (330, "day", "Walks a lot: clinic on the 2nd floor, lab in the basement, pharmacy across "
         "the atrium. \"Comfortable shoes are part of the uniform.\""),
        (420, "day", "Afternoons mostly at the desk; usually leaves around 4."),
        (505, "likes", "Best part: participants who come back for years and ask for him. "
         "Hardest: monitoring visits, when every form is checked against the charts."),
        (610, "titles", "Search \"clinical research assistant\" and \"research coordinator I\". "
         "When an ad says \"or equivalent experience\", apply anyway."),
        (720, "flexibility", "Two coordinators work 0.8; part-time is easier once you know "
         "the studies. The unit has a formal return-to-work process through HR."),
        (850, "referrals", "Sofia Marchetti at Harbourside (early-phase trials); use his name. "
         "Summit Dermatology hires people from clinic front offices."),
        (1010, "again", "Yes, any time. We reached 15 minutes; he chose to carry on for a few "
         "more."),
    ),
    "sofia": (
        (30, "background", "Started as a ward clerk, then research assistant; now manages "
         "twelve coordinators."),
        (160, "day", "Early-phase trials are intense: long visit days, many blood draws on a "
         "strict clock. Not where she'd put someone new."),
        (250, "likes", "Loves seeing a new treatment work for someone who had run out of "
         "options. Hardest: redoing paperwork when a sponsor changes the protocol mid-study."),
        (330, "titles", "Start somewhere calmer (long-term or observational studies) and move "
         "across later. Clinical trial assistant roles are a good door."),
        (520, "referrals", "Tom Becker at Pacific Trials Network trains new assistants. Rather I "
         "don't mention her: they haven't worked together in years."),
        (700, "referrals", "Happy to hear from me again; hiring for the new satellite clinic "
         "starts in the spring."),
        (790, "referrals", "She was between meetings, so I wrapped up at 14 minutes."),
    ),
}  # fmt: skip

CAPTURES = {
    "practice": (
        (600, CaptureKind.REFERRAL, "Kevin Liu", "Cedar Valley Diabetes Research Clinic", True),
        (470, CaptureKind.JOB_TITLE, "Research assistant", "", False),
        (200, CaptureKind.OBSERVATION, "Research lives in a shared office behind reception: "
         "one desk, a locked cabinet, a sample fridge. Quiet and seated.", "", False),
    ),
    "daniel": (
        (360, CaptureKind.OBSERVATION, "Open-plan office beside the clinic; coordinators on "
         "the move all morning. A stool by the blood-draw chair, and a quiet room for calls.",
         "", False),
        (520, CaptureKind.OFFER, "Send him my scheduling template for multi-provider clinics: "
         "he's juggling visits for four studies.", "", False),
        (615, CaptureKind.JOB_TITLE, "Clinical research assistant", "", False),
        (625, CaptureKind.JOB_TITLE, "Research coordinator I", "", False),
        (855, CaptureKind.REFERRAL, "Sofia Marchetti", "Harbourside Cancer Research Centre",
         True),
        (870, CaptureKind.LEAD, "Summit Dermatology Research", "", False),
    ),
    "sofia": (
        (180, CaptureKind.OBSERVATION, "By phone: she kept a printed visit calendar in front of "
         "her and checked it twice. Paper still matters here.", "", False),
        (340, CaptureKind.JOB_TITLE, "Clinical trial assistant", "", False),
        (530, CaptureKind.REFERRAL, "Tom Becker", "Pacific Trials Network", False),
        (710, CaptureKind.OFFER, "Share the plain-language visit reminder I wrote for the "
         "clinic; her team is rewriting theirs.", "", False),
    ),
}  # fmt: skip

# ----- looking back ---------------------------------------------------------------------------

# "{day}" is the weekday of the meeting.
# What each held meeting cost (1-5) and how Maya felt after it: private, like her notes.
ENERGY = {
    "practice": (2, "Nervous beforehand, fine once we started. A short walk after helped."),
    "daniel": (4, "Wiped out by mid-afternoon after the tour of the unit, but glad I went."),
    "sofia": (3, "A phone call is easier on my feet; the surprise of it was tiring."),
}

REFLECTION_PRACTICE = {
    "interests": "Enjoyed hearing how a study visit fits into a normal clinic day.",
    "interests_fit": 3,
    "skills": "Chart screening and booking are things I already do well.",
    "skills_fit": 4,
    "reality": "Research is a small side job in primary care: Marisol spends one day a week on "
    "it, and the rest is ordinary nursing.",
    # (the occupation's demand of this kind, or a demand the meeting added; can I; the note)
    "demands": (
        (
            DemandKind.PHYSICAL,
            CanMeet.YES,
            "In a family practice the study work is seated: "
            "chart screening and data entry, one day a week.",
        ),
        (
            DemandKind.TRAINING,
            CanMeet.YES,
            "She says a GCP certificate is the first thing any research employer checks.",
        ),
    ),
    "training": "Marisol says a GCP certificate is the first thing any research employer checks.",
    "next_steps": ("Email Kevin Liu at Cedar Valley (Marisol is happy for me to use her name)",),
    "learned": "A GCP certificate is the first thing research employers look for.",
    "thank_you": "Dear Marisol,\n\nThank you for making time for me on {day}. Your advice to get "
    "the GCP certificate done first gave me a clear place to start, and I'll write to Kevin Liu "
    "at Cedar Valley this week, as you suggested.\n\nWith thanks,\nMaya",
}

REFLECTION_DANIEL = {
    "interests": "Fitting visits into a protocol calendar is exactly the kind of puzzle I "
    "enjoy, and each study launch explains the science.",
    "interests_fit": 4,
    "values": "He talked about participants by name and about doing things right rather than "
    "fast. That is what I care about.",
    "values_fit": 5,
    "needs": "Early starts suit my energy; the walking and the occasional evening visit don't "
    "fit yet. Part-time exists, mostly for experienced staff.",
    "needs_fit": 3,
    "skills": "Scheduling, records and patient calls carry straight over. Gaps: research "
    "ethics, GCP and the study data systems.",
    "skills_fit": 4,
    "reality": "Less desk time than I pictured: about half the day is with participants or "
    "walking between clinic, lab and pharmacy. Days start early (7:30 fasting visits) but "
    "rarely run past 4. Certification isn't needed to start, but GCP training is. Most new "
    "people start as research assistants, paid close to my old salary. The stressful part is "
    "monitoring visits, not the participants.",
    "demands": (
        (
            DemandKind.PHYSICAL,
            CanMeet.WITH_ACCOMMODATION,
            "Walking between clinic, lab and "
            "pharmacy most mornings, and standing through visits up to an hour: a stool in the "
            "visit room would do it, he says it is common.",
        ),
        (
            DemandKind.SCHEDULE,
            CanMeet.YES,
            "7:30 starts for fasting visits twice a week, which "
            "suit my best hours; rarely past 4 pm.",
        ),
        (
            DemandKind.STRESS,
            CanMeet.YES,
            "Monitoring visits and audit preparation are the "
            "stressful part, and they are planned weeks ahead.",
        ),
        (
            DemandKind.TRAINING,
            CanMeet.YES,
            "GCP and the research-ethics tutorial before "
            "starting; certification after about two years.",
        ),
        (DemandKind.OTHER, CanMeet.YES, "Checklists for every visit: my clinic habits fit."),
        (
            "Occasional evening visits for participants who work days",
            CanMeet.NO,
            "Not this year. He says new staff can usually swap them.",
        ),
    ),
    "training": "The online GCP course (free, about six hours) and the national research-ethics "
    "tutorial now. Start as a clinical research assistant; coordinator certification after "
    "about two years of experience.",
    "next_steps": (
        "Finish the online GCP course",
        "Send Daniel my clinic scheduling template",
        "Contact Sofia Marchetti at Harbourside (Daniel said to use his name)",
        "Look at Summit Dermatology Research's postings",
        'Search for "clinical research assistant" roles',
    ),
    "learned": "Many coordinators start as research assistants and step up within a year or two.",
    "thank_you": "Dear Daniel,\n\nThank you for showing me around the research unit on {day}. "
    "Hearing how you plan a week around fasting visits and monitoring days made the job real "
    "for me, and knowing that many coordinators start as research assistants gave me a clear "
    "first step.\n\nI'll be in touch with Sofia Marchetti, as you suggested. And as promised, "
    "I'll send over the scheduling template I used at the clinic; I hope it saves you some "
    "time.\n\nWith thanks,\nMaya",
}
