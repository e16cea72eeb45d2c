"""How well each claim is supported: how many sources state it, and how many independent origins.

A wire story reprinted by three outlets is three sources but one origin; counting it three
times would pass repetition off as confirmation. Articles whose text is mostly the same
word sequences are one origin (text/dedup.py: the rule the archive uses too).
"""

from __future__ import annotations

from dataclasses import replace

from briefing.models import Article, Claim, source_order
from briefing.text import dedup

def origins(articles: list[Article]) -> dict[str, str]:
    """Source id -> id of the first source of its origin (itself unless it is a reprint)."""
    return dedup.origins({a.source.id: a.text for a in articles}, order=source_order)


def count_origins(claims: list[Claim], origin_of: dict[str, str]) -> list[Claim]:
    """Each claim with its number of independent origins."""
    return [replace(claim, origins=len({origin_of.get(s, s) for s in claim.source_ids})) for claim in claims]


def label(n_sources: int, n_origins: int) -> str:
    """What the brief prints beside a claim: "single source", "3 sources", "3 outlets, 1 origin"."""
    if n_sources <= 1:
        return "single source"
    if 0 < n_origins < n_sources:
        return f"{n_sources} outlets, {n_origins} origin{'s' if n_origins != 1 else ''}"
    return f"{n_sources} sources"
