"""Actors: the people, governments and organisations the brief's sentences name (who counts
as a person, and which spellings are one, is text/people.py)."""

from __future__ import annotations

import re
from collections import Counter

from briefing.models import Actor, Evidence, source_order
from briefing.text.people import NOT_NAMES, NOT_ACTORS, ORGANISATIONS, people, same_person


def find_actors(shown: list[tuple[str, list[Evidence]]]) -> list[Actor]:
    """Actors of the shown items: (ref, evidence) for each claim, event or denial of the brief."""
    from briefing.text.terms import entity_names

    groups: list[dict] = []  # {"spellings": Counter, "roles": Counter, "sources": set, "refs": list}
    single_words: list[tuple[str, str, str]] = []  # (word, source, ref)
    entities: dict[str, dict] = {}
    for ref, evidence in shown:
        for e in evidence:
            for p in people(e.sentence):
                group = next((g for g in groups if any(same_person(p.name, s) for s in g["spellings"])), None)
                if group is None:
                    group = {"spellings": Counter(), "roles": Counter(), "sources": set(), "refs": [],
                             "first": (source_order(e.source), e.index)}
                    groups.append(group)
                group["spellings"][p.name] += 1
                if p.role:
                    group["roles"][p.role] += 1
                group["sources"].add(e.source)
                if ref not in group["refs"]:
                    group["refs"].append(ref)
            for word in re.findall(r"\b[A-Z][a-z]{2,}\b", e.sentence):
                single_words.append((word, e.source, ref))
            for key in entity_names(e.sentence):
                if key in NOT_ACTORS:
                    continue
                entry = entities.setdefault(key, {"sources": set(), "refs": []})
                entry["sources"].add(e.source)
                if ref not in entry["refs"]:
                    entry["refs"].append(ref)
    # a surname alone ("Lavrov rejected ...") counts for the one person it can mean
    for word, source, ref in single_words:
        owners = [g for g in groups if any(word in (s.split()[0], s.split()[-1]) for s in g["spellings"])]
        if len(owners) == 1 and word not in NOT_NAMES:
            owners[0]["sources"].add(source)
            if ref not in owners[0]["refs"]:
                owners[0]["refs"].append(ref)
    actors = []
    for g in sorted(groups, key=lambda g: (-len(g["sources"]), g["first"])):
        spellings = sorted(g["spellings"], key=lambda s: -g["spellings"][s])  # stable: first seen on ties
        role = max(g["roles"], key=lambda r: g["roles"][r]) if g["roles"] else None
        actors.append(Actor(name=spellings[0], kind="person", role=role, variants=spellings[1:],
                            sources=sorted(g["sources"], key=source_order), appears_in=g["refs"]))
    for key, entry in sorted(entities.items(), key=lambda kv: (-len(kv[1]["refs"]), kv[0])):
        actors.append(Actor(name=_display_name(key), kind="organisation" if key in ORGANISATIONS else "government",
                            sources=sorted(entry["sources"], key=source_order), appears_in=entry["refs"]))
    return actors


def _display_name(key: str) -> str:
    from briefing.text.terms import entity_variants

    variants = entity_variants(key)
    for candidate in (key.upper(), key.replace("_", " ").title()):
        if candidate in variants:
            return candidate
    return variants[0]
