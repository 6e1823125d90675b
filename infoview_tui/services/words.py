"""Small shared wording for service messages."""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """'1 contact', '3 contacts', '30,000 contacts'."""
    return f"{count:,} {one if count == 1 else many}"


def join_names(names: list[str], limit: int = 3) -> str:
    """'Ada', 'Ada and Bo', 'Ada, Bo and Cy', 'Ada, Bo, Cy and 2 more'."""
    names = [n for n in names if n]
    if len(names) > limit:
        return f"{', '.join(names[:limit])} and {len(names) - limit} more"
    if len(names) <= 1:
        return names[0] if names else ""
    return f"{', '.join(names[:-1])} and {names[-1]}"
