"""The measures of `briefing eval --judged` on one cluster's brief (see judged.py).

Each measure is a count of hits out of a total; the report adds them up over clusters.
Pairs the judgements do not cover are returned as id rows, for a reviewer to judge.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from briefing.models import Brief, Claim, Discrepancy, Evidence
from briefing.summary.judged import Judgements, Locator, Span, sid

# The brief's section keys as the judgements name them; other keys (a profile's) unchanged.
SECTION_OF = {"military_context": "military"}
MAX_WORDS = 1200  # five minutes of reading (issue 13)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


@dataclass
class Ratio:
    hits: int = 0
    total: int = 0

    @property
    def percent(self) -> float | None:
        return 100 * self.hits / self.total if self.total else None

    def add(self, hit: bool) -> None:
        self.hits += bool(hit)
        self.total += 1

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)


@dataclass
class Built:
    """One judged cluster's brief, its Markdown, and the way back to the judged spans."""

    name: str
    brief: Brief
    markdown: str
    locator: Locator
    judged: Judgements


@dataclass
class ClusterReport:
    name: str
    ratios: dict[str, Ratio] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    unjudged: list[tuple[str, ...]] = field(default_factory=list)  # (cluster, measure, id, id)


def body_claims(brief: Brief) -> list[Claim]:
    return [c for s in brief.sections for c in s.claims]


def shown_claims(brief: Brief) -> list[Claim]:
    """Key points and section claims, each claim once."""
    return list({id(c): c for c in brief.key_points + body_claims(brief)}.values())


def evidence_span(built: Built, e: Evidence) -> Span | None:
    return built.locator.span(e.source, e.sentence, e.start)


def shown_span(built: Built, claim: Claim, first: bool = False) -> Span | None:
    """The judged span of the sentence a claim shows (its origin among its evidence); with
    `first`, of the first sentence it shows, which is what a reader meets first."""
    source, index = claim.origin
    for e in claim.evidence:
        if (e.source, e.index) == (source, index):
            return built.locator.span(e.source, e.sentence, e.start, first)
    return built.locator.span(source, claim.text, first=first)


def sections(built: Built, report: ClusterReport) -> None:
    right, baseline = Ratio(), Ratio()
    for section in built.brief.sections:
        for claim in section.claims:
            judged = built.judged.sections.get(shown_span(built, claim))
            if judged is None:
                continue
            fits = {judged.label} | judged.also
            right.add(SECTION_OF.get(section.key, section.key) in fits)
            baseline.add("statement" in fits)
    report.ratios.update(sections=right, sections_all_statement=baseline)


def stand_alone(built: Built, report: ClusterReport) -> None:
    junk, key_bad, unmatched = Ratio(), Ratio(), 0
    key_ids = {id(c) for c in built.brief.key_points}
    for claim in shown_claims(built.brief):
        judged = built.judged.sections.get(shown_span(built, claim))
        # A claim shown with the sentence it leans on (one verbatim span, issue 13) stands alone
        # when the span's first sentence does: the judges read each sentence by itself.
        opening = built.judged.sections.get(shown_span(built, claim, first=True))
        if judged is None or opening is None:
            unmatched += 1
            continue
        junk.add(opening.junk)
        if id(claim) in key_ids:
            key_bad.add(opening.junk or judged.background)
    report.ratios.update(junk=junk, key_points_bad=key_bad)
    report.counts["claims_unjudged"] = unmatched


def length(built: Built, report: ClusterReport) -> None:
    """Words of the rendered Markdown before its source list; body claims printed twice."""
    head = built.markdown.split("\n## Sources\n", 1)[0]
    words = len(head.split())
    report.counts["words"] = words
    report.ratios["within_words"] = Ratio(words <= MAX_WORDS, 1)
    printed = Counter(" ".join(c.text.split()) for c in built.brief.key_points + body_claims(built.brief))
    twice = Ratio()
    for claim in body_claims(built.brief):
        twice.add(printed[" ".join(claim.text.split())] > 1)
    report.ratios["printed_twice"] = twice


def _pairs_in(spans: list[Span | None]) -> set[frozenset]:
    known = sorted({s for s in spans if s is not None})
    return {frozenset(p) for p in combinations(known, 2)}


def cited_together(built: Built) -> tuple[set[Span], set[frozenset]]:
    """Every judged span the brief's claims show or cite, and the pairs one claim cites."""
    spans: set[Span] = set()
    together: set[frozenset] = set()
    for claim in shown_claims(built.brief):
        mine = [shown_span(built, claim)] + [evidence_span(built, e) for e in claim.evidence]
        spans |= {s for s in mine if s is not None}
        together |= _pairs_in(mine)
    return spans, together


def citations(built: Built, report: ClusterReport) -> None:
    """Precision: cited sentences of other sources judged to state the shown claim (any
    sentence of it, when it is shown with the sentence it leans on); recall: judged
    same-claim pairs in the brief that one claim cites together."""
    precision, asked = Ratio(), set()
    for claim in shown_claims(built.brief):
        shown = shown_span(built, claim)
        if shown is None:
            continue
        others = [s for s in built.locator.spans_of(claim.origin[0], claim.text) if s != shown]
        for e in claim.evidence:
            cited = evidence_span(built, e)
            if e.source == claim.origin[0] or cited is None or cited == shown:
                continue
            pair = frozenset((shown, cited))
            if pair in asked:
                continue
            asked.add(pair)
            candidates = [pair] + [frozenset((o, cited)) for o in others]
            verdicts = [built.judged.pairs[p][0] for p in candidates if p in built.judged.pairs]
            if any(verdicts) or len(verdicts) == len(candidates):
                precision.add(any(verdicts))
            else:  # ask about the shown sentence first, then the others it is shown with
                asking = [pair] if pair not in built.judged.pairs else [p for p in candidates if p not in built.judged.pairs]
                report.unjudged += [(built.name, "citation", sid(a), sid(cited)) for p in asking for a in p - {cited}]
    spans, together = cited_together(built)
    recall = Ratio()
    for pair, (same, _) in built.judged.pairs.items():
        if same and pair <= spans:
            recall.add(pair in together)
    report.ratios.update(citation_precision=precision, citation_recall=recall)
    report.counts["citations_unjudged"] = len(asked) - precision.total


def flag_pairs(built: Built, flag: Discrepancy, evidence: list[Evidence]) -> set[frozenset]:
    """The pairs of cited sentences whose values a "Sources differ" flag sets against each other."""
    def sentence_of(source: str) -> Span | None:
        mine = [e for e in evidence if e.source == source]
        chosen = next((e for e in mine if flag.values[source] in e.sentence), mine[0] if mine else None)
        return evidence_span(built, chosen) if chosen else None

    spans = {s: sentence_of(s) for s in flag.values}
    pairs = {frozenset((spans[a], spans[b])) for a, b in combinations(sorted(spans), 2)
             if flag.values[a] != flag.values[b] and spans[a] and spans[b] and spans[a] != spans[b]}
    return pairs


def flags(built: Built) -> list[tuple[str, set[frozenset]]]:
    """Every "Sources differ" flag of the brief (claims and timeline), once: (kind, pairs)."""
    flagged = [(d, c.evidence) for c in shown_claims(built.brief) for d in c.discrepancies]
    flagged += [(d, e.evidence) for e in built.brief.timeline for d in e.discrepancies]
    seen: dict[tuple, tuple[str, set[frozenset]]] = {}
    for flag, evidence in flagged:
        pairs = flag_pairs(built, flag, evidence)
        seen.setdefault((flag.kind, frozenset(pairs)), (flag.kind, pairs))
    return list(seen.values())


def discrepancies(built: Built, report: ClusterReport) -> None:
    """Precision: flags whose pair is judged a real discrepancy (same claim, a differ kind);
    recall: judged real discrepancies cited in one claim that are flagged."""
    precision, unjudged = Ratio(), 0
    found = flags(built)
    for kind, pairs in found:
        judged = [built.judged.pairs[p] for p in pairs if p in built.judged.pairs]
        if judged:
            precision.add(any(same and differ for same, differ in judged))
            continue
        unjudged += 1
        report.unjudged += [(built.name, f"discrepancy ({kind})", *sorted(sid(s) for s in p)) for p in pairs]
    flagged = set().union(*(pairs for _, pairs in found))
    _, together = cited_together(built)
    recall = Ratio()
    for pair, (same, differ) in built.judged.pairs.items():
        if same and differ and pair in together:
            recall.add(pair in flagged)
    report.ratios.update(discrepancy_precision=precision, discrepancy_recall=recall)
    report.counts["flags_unjudged"] = unjudged


def name_key(name: str) -> str:
    """A name compared case-insensitively, white space collapsed, possessive dropped."""
    name = " ".join(name.replace("’", "'").split()).lower()
    return re.sub(r"'s?$", "", name)


def actors(built: Built, report: ClusterReport) -> None:
    """Recall of the judged actors; precision of the listed ones (those the judges named, and
    those judged afterwards in listed_actors.tsv); the rest listed for hand judging."""
    listed = {a.name: {name_key(n) for n in [a.name, *a.variants]} for a in built.brief.actors}
    names = set().union(*listed.values())
    mentions = set()
    recall = Ratio()
    for (doc, start, end), _ in built.judged.actors:
        text = name_key(built.locator.raw.get(doc, "")[start:end])
        mentions.add(text)
        recall.add(text in names)
    precision, unlisted = Ratio(), []
    for name, keys in listed.items():
        if keys & mentions:
            precision.add(True)  # an actor the judges named themselves
        elif name in built.judged.listed_actors:
            precision.add(built.judged.listed_actors[name])
        else:
            unlisted.append(name)
    report.unjudged += [(built.name, "actor", name, "") for name in unlisted]
    report.ratios["actor_recall"] = recall
    report.ratios["actor_precision"] = precision
    report.counts["actors_unjudged"] = len(unlisted)


def timeline(built: Built, report: ClusterReport) -> None:
    years = Ratio()
    for event in built.brief.timeline:
        years.add(bool(_YEAR.search(event.date)))
    report.ratios["timeline_years"] = years


MEASURES = (sections, stand_alone, length, citations, discrepancies, actors, timeline)


def measure(built: Built) -> ClusterReport:
    report = ClusterReport(built.name)
    for step in MEASURES:
        step(built, report)
    report.counts["sentences_unlocated"] = len(built.locator.unlocated)
    return report
