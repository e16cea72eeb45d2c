"""Actors: the people, governments and organisations the brief's sentences name (who counts
as a person, and which spellings are one, is text/people.py)."""

from __future__ import annotations

import re
from collections import Counter

from briefing.models import Actor, Document, Evidence, source_order
from briefing.text.name_use import Corpus
from briefing.text.named import recurring
from briefing.text.people import NOT_ACTORS, NOT_NAMES, ORGANISATIONS, people, same_person
from briefing.text.titles import TITLE_HEADS, TITLE_WORDS
from briefing.text.terms import entity_names, entity_spans

# Names listed before the one read: "in Iraq and ", "in Syria, Iraq and ".
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_COORDINATED = re.compile(rf"(?:{_NAME}\s*,\s*)*{_NAME},?\s+(?:and|or)\s+$")
_LOCATIVE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ii]nside|[Aa]cross|[Tt]hroughout|[Aa]round|[Ww]ithin)\s+(?:the\s+)?$")
# Where someone goes or comes from: "fled Syria", "travelled to Syria", "returned from Iraq".
_MOTION = re.compile(r"\b(?:fle[de]s?|fleeing|escap\w+|travel\w*|go|goes|going|went|gone|return\w*|head(?:s|ed|ing)?|"
                     r"mov(?:e|es|ed|ing)|fl(?:y|ies|ew|own|ying)|deport\w*|arriv\w+|come|came|coming|"
                     r"emigrat\w+|smuggl\w+)\s+(?:(?:back\s+)?(?:to|from|into|for|out\s+of)\s+)?(?:the\s+)?$")
# Where a person is from: "a student from Damascus", "migrants from Syria".
_ORIGIN = re.compile(r"\b(?:students?|m[ae]n|wom[ae]n|boys?|girls?|migrants?|refugees?|people|famil(?:y|ies)|residents?|"
                     r"natives?|nationals?|citizens?|immigrants?|seekers?|workers?)\s+(?:\w+\s+)?from\s+(?:the\s+)?$")
# What a country's adjective or capital ("Turkish", "British", "Moscow") stands before when it
# names the state acting, not a nationality ("Turkish crime rings", "an Iraqi student").
STATE_NOUNS = frozenset("""government governments official officials authorities authority forces force troops
military army navy soldiers police ministry minister ministers president leader leaders leadership embassy
diplomats diplomat envoy envoys ambassador delegation regime state parliament lawmakers intelligence side
counterpart counterparts administration cabinet negotiators spokesman spokeswoman spokesperson warplanes jets
security team said says has have had is was will would warned accused denied""".split())


def _as_state(sentence: str, start: int, end: int) -> bool:
    """Whether the country named at sentence[start:end] is a state that acts there, not a place
    (`_LOCATIVE`), where someone goes or comes from (`_MOTION`, `_ORIGIN`), or a nationality: its
    adjective, demonym or capital before anything but a word of the state (`STATE_NOUNS`),
    a title ("British Prime Minister") or a possessive ("Moscow's decision")."""
    before = sentence[:start]
    listed_before = _COORDINATED.sub("", before)  # "in Iraq and Afghanistan": both are places
    if any(p.search(b) for p in (_LOCATIVE, _MOTION, _ORIGIN) for b in (before, listed_before)):
        return False
    written = sentence[start:end]
    following = re.match(r"\s+([A-Za-z][\w.-]*)", sentence[end:])
    if sentence[end:end + 1] == "-" or (following and (following.group(1)[0].isupper() or "-" in following.group(1))
                                        and following.group(1).rstrip(".") not in NOT_NAMES
                                        and following.group(1).lower() not in STATE_NOUNS | TITLE_WORDS):
        return False  # part of a longer name or a compound: "Iraq Reconstruction", "Washington DC-based", "US-led"
    of = re.search(r"\b((?:[A-Za-z]+\s+){1,3})of\s+(?:the\s+)?$", before)
    if of and not any(w.lower() in STATE_NOUNS | TITLE_WORDS for w in of.group(1).split() if w.lower() not in ("the", "of")):
        return False  # "the history of the US", "the people of Syria"; not "the President of the United
        # States" or "the government and people of Ukraine"
    if re.fullmatch(r"(?:[A-Z]\.?){2,6}", written) and following and following.group(1)[0].islower() \
            and following.group(1).lower() not in STATE_NOUNS | TITLE_HEADS | {"defense", "defence", "foreign"}:
        return False  # an abbreviation as an adjective: "U.S. deficits", "US economy" (not "U.S. officials")
    if " " in written or re.fullmatch(r"(?:[A-Z]\.?){2,6}", written) or _country_name(written):
        return not re.search(r"\ban?\s+$", before)
    after = re.match(r"(?:['’]s?\b|\s+([A-Za-z]+))", sentence[end:])
    if after is None or re.fullmatch(r"\ban?\s+", before[-3:]):
        return False
    word = after.group(1)
    return word is None or word.lower() in STATE_NOUNS or word.lower() in TITLE_WORDS


def _country_name(written: str) -> bool:
    """The name of a country or capital, not its adjective or demonym: a name of ISO 3166 (by
    pycountry: "Japan", "Iran"), else any word without a demonym's ending ("Iraqi", "Turkish",
    "Syrians", "French")."""
    if not re.search(r"(?:an|ans|ese|ish|i|is|ch|ic)$", written):
        return True
    try:
        import pycountry

        pycountry.countries.lookup(written)
        return True
    except (ImportError, LookupError):
        return False


def find_actors(shown: list[tuple[str, list[Evidence]]], documents: list[Document] = ()) -> list[Actor]:
    """Actors of the shown items: (ref, evidence) for each claim, event or denial of the brief;
    and every person and organisation that two or more of the `documents` name (text/named)."""
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
            for key, (start, end) in zip(entity_names(e.sentence), entity_spans(e.sentence)):
                # "a conference in Spain", "talks held at Seoul": a country there is a place, not
                # an actor (an organisation "at the United Nations" is still one; "from" and
                # "to" also mark who acts: "a condemnation from Japan", "deliveries to Russia")
                if key in NOT_ACTORS or (key not in ORGANISATIONS and not _as_state(e.sentence, start, end)):
                    continue
                entry = entities.setdefault(key, {"sources": set(), "refs": []})
                entry["sources"].add(e.source)
                if ref not in entry["refs"]:
                    entry["refs"].append(ref)
    groups, organisations = _recurring(groups, documents, single_words)
    # a surname alone ("Lavrov rejected ...") counts for the one person it can mean
    for word, source, ref in single_words:
        owners = [g for g in groups if any(word in (s.split()[0], s.split()[-1]) for s in g["spellings"])]
        if len(owners) == 1 and word not in NOT_NAMES:
            owners[0]["sources"].add(source)
            if ref not in owners[0]["refs"]:
                owners[0]["refs"].append(ref)
    actors = []
    groups = [g for g in groups if g["refs"] or len(g["sources"]) >= 2]
    for g in sorted(groups, key=lambda g: (-len(g["sources"]), g["first"])):
        spellings = sorted(g["spellings"], key=lambda s: -g["spellings"][s])  # stable: first seen on ties
        role = max(g["roles"], key=lambda r: g["roles"][r]) if g["roles"] else None
        actors.append(Actor(name=spellings[0], kind="person", role=role, variants=spellings[1:],
                            sources=sorted(g["sources"], key=source_order), appears_in=g["refs"]))
    # a country or organisation acts in the story when two or more sources say so: named acting
    # in one source only, it was judged no actor of the story 9 times in 15 on the 47 judged
    # clusters (a comparison, a statistic, a setting), named so in two or more, 1 in 33
    entities = {k: e for k, e in entities.items() if len(e["sources"]) >= 2}
    for key, entry in sorted(entities.items(), key=lambda kv: (-len(kv[1]["refs"]), kv[0])):
        name = _written_name(key, documents)
        actors.append(Actor(name=name, kind="organisation" if key in ORGANISATIONS else "government",
                            variants=[v for v in entity_written(key, documents) if v != name],
                            sources=sorted(entry["sources"], key=source_order), appears_in=entry["refs"]))
    for name, sources, variants in organisations:
        actors.append(Actor(name=name, kind="organisation", variants=variants, sources=sorted(sources, key=source_order)))
    return actors


def _recurring(groups: list[dict], documents, single_words: list) -> tuple[list[dict], list[tuple[str, set, list]]]:
    """People and organisations named in two or more documents: people join the group of the
    same person (full name or spelling variant) or make their own; organisations by name."""
    texts = {d.article.source.id: [s.text for s in d.sentences] for d in documents}
    corpus = Corpus([t for ts in texts.values() for t in ts])
    found = recurring(texts, least=1, lower=corpus.lower)
    # a thing's name run into a person's ("Holocaust Eichmann" from a headline): no one; the
    # surname alone still counts for the person it can mean
    groups[:] = [g for g in groups if not all(corpus.common_noun(s.split()[0]) for s in g["spellings"])]
    people_found = sorted(((n, s) for (n, k), s in found.items() if k == "person" and " " in n
                           and corpus.acts_as_person(n) and not corpus.common_noun(n.split()[0])),
                          key=lambda x: (-len(x[1]), x[0]))
    # a word run into a name that is found without it ("Nazi Adolf Eichmann", "Adolf Eichmann
    # Jerusalem" beside "Adolf Eichmann"): a descriptor or a place line, not part of the name
    names = {n for n, _ in people_found} | {s for g in groups for s in g["spellings"]}
    people_found = [(n, s) for n, s in people_found if not _extends(n, names)]
    groups[:] = [g for g in groups if not all(_extends(s, names) for s in g["spellings"])]
    for name, sources in people_found:
        group = next((g for g in groups if any(same_person(name, s) for s in g["spellings"])), None)
        if group is None:
            group = {"spellings": Counter(), "roles": Counter(), "sources": set(), "refs": [],
                     "first": (min(source_order(s) for s in sources), 1 << 30)}
            groups.append(group)
        group["spellings"][name] += 0
        group["sources"] |= sources
    # a surname alone in any source counts for the one person it can mean
    owners: dict[str, list[dict]] = {}
    for g in groups:
        for last in {s.split()[-1] for s in g["spellings"]}:
            owners.setdefault(last, []).append(g)
    for source, sentences in texts.items():
        for word in set(re.findall(r"\b[A-Z][a-z]{2,}\b", " ".join(sentences))):
            if len(owners.get(word, ())) == 1 and word not in NOT_NAMES:
                owners[word][0]["sources"].add(source)
    # a single name that acts ("Jabali said") in two sources, and is no one's surname
    surnames = {w for g in groups for s in g["spellings"] for w in s.split()}
    for (name, kind), sources in sorted(found.items()):
        if kind == "person" and " " not in name and name not in surnames and len(sources) >= 2:
            groups.append({"spellings": Counter({name: 0}), "roles": Counter(), "sources": set(sources), "refs": [],
                           "first": (min(source_order(s) for s in sources), 1 << 30)})
    spellings = {n: {n: set(s)} for (n, k), s in found.items() if k == "organisation"}
    for short in sorted(spellings, key=len):
        # the name without the words before it ("Ways and Means Committee" of the "House Ways
        # and Means Committee"): one organisation when exactly one longer name ends with it
        longer = [n for n in spellings if n.endswith(" " + short) and len(short.split()) >= 2]
        if len(longer) == 1:
            spellings[longer[0]].update(spellings.pop(short))
    organisations = []
    for names in spellings.values():
        sources = set().union(*names.values())
        # shown as most sources write it (the longer on a tie), the other spelling a variant
        name = max(names, key=lambda n: (len(names[n]), len(n)))
        if len(sources) >= 2 and not set(names) & _entity_aliases():
            organisations.append((name, sources, sorted(set(names) - {name})))
    organisations.sort(key=lambda x: (-len(x[1]), x[0]))
    return groups, organisations


def _extends(name: str, names: set[str]) -> bool:
    words = name.split()
    return len(words) >= 3 and (" ".join(words[1:]) in names or " ".join(words[:-1]) in names)


def entity_written(key: str, documents) -> list[str]:
    """The spellings of a country or organisation that the documents use: its abbreviations
    ("U.S.", "DPRK") and longer names that hold its own ("Russian Federation"); not its
    capital or demonym, which are other words for it, not spellings."""
    from briefing.text.terms import entity_variants

    text = "\n".join(s.text for d in documents for s in d.sentences)
    short = _display_name(key).split()[-1][:4]
    names = _names_of(key)
    return [v for v in entity_variants(key) if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text)
            and (re.fullmatch(r"(?:[A-Z]\.?){2,6}", v) or v in names
                 or (short in v and len(v.split()) > 1 and not re.search(r"(?:an|ans|ese|ish|is)$", v)))]


def _names_of(key: str) -> list[str]:
    """The names of a country or organisation in data/aliases.toml, before its demonyms and
    capital ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain"; not "British", "London")."""
    from briefing.text.terms import entity_variants

    names = []
    for variant in entity_variants(key):
        if not _country_name(variant):
            break
        names.append(variant)
    return names


def _written_name(key: str, documents) -> str:
    """A country or organisation named as the sources name it: its usual name when they write
    it, else the first of its other names they write ("Britain" for articles that never say
    "United Kingdom"); abbreviations only when nothing longer is written."""
    usual = _display_name(key)
    text = "\n".join(s.text for d in documents for s in d.sentences)
    written = [v for v in _names_of(key) if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text)]
    if usual in written or not written:
        return usual
    full = [v for v in written if not re.fullmatch(r"(?:[A-Z]\.?){2,6}", v)]
    return (full or [usual])[0]


def _display_name(key: str) -> str:
    from briefing.text.terms import entity_variants

    variants = entity_variants(key)
    for candidate in (key.upper(), key.replace("_", " ").title()):
        if candidate in variants:
            return candidate
    return variants[0]


def _entity_aliases() -> set[str]:
    """Every name data/aliases.toml gives a country or organisation (listed as that entity)."""
    from briefing.text.terms import _aliases

    return set(_aliases()[1])


def listed(actors: list[Actor], most: int | None) -> list[Actor]:
    """The actors the brief lists, in `find_actors` order: everyone two or more sources name,
    however many, then single-source actors while fewer than `most` are listed (None: all;
    0: none, the list is left out)."""
    if most is None or most == 0:
        return actors if most is None else []
    several = [a for a in actors if len(a.sources) >= 2]
    single = [a for a in actors if len(a.sources) < 2][:max(most - len(several), 0)]
    keep = {id(a) for a in several + single}
    return [a for a in actors if id(a) in keep]
