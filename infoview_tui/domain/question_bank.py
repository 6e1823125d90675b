"""The built-in question bank: open questions worth asking an insider, each with why.

Written in our own words. "article" questions follow the classic informational-interview set;
"tiara" ones follow the Trends, Insights, Advice, Resources, Assignments framework.
"""

from __future__ import annotations

from .records import PlannedQuestion, Question

ARTICLE = (
    ("How did you come into this line of work?",
     "Their path may show a side door into the field that job ads never mention."),
    ("What does an ordinary day look like for you, from start to finish?",
     "Specifics reveal the real demands: hours, pace, physical load, people."),
    ("What do you enjoy most about the work, and what wears you down?",
     "The honest pros and cons of the job, the workplace and the industry."),
    ("How easy is it to find openings in this field right now?",
     "Tells you whether jobs exist and how fierce the competition is."),
    ("If you were starting out today, how would you get your first foot in?",
     "A concrete starting point, from someone who knows the terrain."),
    ("With a background like mine, what roles or job titles should I look at?",
     "Options you had not considered, and the keywords to search for."),
    ("Which organisations hire people who do this work?",
     "Leads: employers to add to your list."),
    ("Is there someone else you think I should talk to?",
     "Grows your network; ask if you may mention their name."),
    ("Would it be all right to get in touch again if another question comes up?",
     "Keeps the door open for a later conversation."),
)  # fmt: skip

TIARA = (
    ("trends", "What changes do you see coming for this field in the next few years?",
     "Shows you are thinking ahead, and what skills will matter."),
    ("insights", "What do you know now that you wish you had known when you started?",
     "Hard-won lessons that save you years."),
    ("advice", "What would you do in my place, given where I am starting from?",
     "Invites personal, practical advice rather than generalities."),
    ("resources", "Which groups, events or reading would help me learn more?",
     "Communities and sources where the field talks to itself."),
    ("assignments", "What projects would teach me the most about this work?",
     "A way to try the work and show what you can do."),
)  # fmt: skip

# The default plan for a meeting started on the spot: a short, balanced set of 5.
ON_THE_SPOT = (0, 1, 2, 5, 7)


def builtin_questions() -> list[Question]:
    bank = [Question(text=t, why=w, source="article") for t, w in ARTICLE]
    bank += [Question(text=t, why=w, source="tiara", topic=topic) for topic, t, w in TIARA]
    return bank


def default_plan(bank: list[Question] | None = None) -> list[PlannedQuestion]:
    """Questions for a meeting with no plan: from the user's bank when it has the article
    set, else the built-in texts."""
    article = [q for q in (bank or []) if q.source == "article"]
    if len(article) >= len(ARTICLE):
        return [
            PlannedQuestion(text=article[i].text, question_id=article[i].id) for i in ON_THE_SPOT
        ]
    return [PlannedQuestion(text=ARTICLE[i][0]) for i in ON_THE_SPOT]
