"""The timeline: the events the sources date, in the order they happened, each cited.

Every sentence of every article that carries a calendar date ("October 18, 2023", "In
September", "mid-October") or a relative one the publication day resolves ("on Tuesday",
"this summer") is an event, dated by its most specific date. A sentence the brief already
shows as a claim brings the claim's citations (all sources that state it) and its date
discrepancies; sentences that date the same claim are one event.
"""

from __future__ import annotations

from collections import Counter

from briefing.text.facts import DateMention, dated, discrepancies
from briefing.models import Claim, Document, Evidence, TimelineEvent, source_order, Witnesses

# A "date" spanning more than this many months ("this year", "last year") dates no event.
MAX_SPAN_MONTHS = 3


def _event_date(text: str, published: str | None) -> DateMention | None:
    for mention in dated(text, published):
        (m0, _), (m1, _) = mention.span
        if m1 - m0 < MAX_SPAN_MONTHS:
            return mention
    return None


def build_timeline(claims: list[Claim], documents: list[Document],
                   witnesses: Witnesses | None = None) -> list[TimelineEvent]:
    """Dated events: the brief's claims that carry a date, and other dated sentences, each
    citing every source that states it (`witnesses`, from synthesize.merge)."""
    published = {d.article.source.id: d.article.source.published for d in documents}
    claim_of = {(e.source, e.index): c for c in claims for e in c.evidence}
    found: list[tuple[DateMention, TimelineEvent]] = []
    done: set[int] = set()
    told: set[frozenset] = set()  # groups of sentences already on the timeline
    for document in sorted(documents, key=lambda d: source_order(d.article.source.id)):
        for sentence in document.sentences:
            mention = _event_date(sentence.text, published.get(sentence.source_id))
            if mention is None:
                continue
            claim = claim_of.get(sentence.key)
            if claim is not None:
                if id(claim) in done:
                    continue
                done.add(id(claim))
                # the claim's shown sentence dates it when it carries a date itself
                shown = _event_date(claim.text, published.get(claim.origin[0]))
                if shown is not None:
                    mention, text = shown, claim.text
                else:
                    text = sentence.text
                event = TimelineEvent(date=mention.iso(), text=text, evidence=list(claim.evidence),
                                      discrepancies=[d for d in claim.discrepancies if d.kind == "date"],
                                      claim=claim.ref)
            else:
                evidence = list((witnesses or {}).get(sentence.key, ())) or [Evidence(
                    sentence.source_id, sentence.text, sentence.start, sentence.end, sentence.index)]
                group = frozenset((e.source, e.index) for e in evidence)
                if group in told:
                    continue  # told by several sources: one event citing them all
                told.add(group)
                dated = [d for d in discrepancies(evidence, published) if d.kind == "date"]
                event = TimelineEvent(date=mention.iso(), text=sentence.text, evidence=evidence,
                                      discrepancies=dated)
            found.append((mention, event))
    # a date written without a year is ordered as in the year the sources mostly name
    years = Counter(m.year for m, _ in found if m.year is not None)
    default_year = years.most_common(1)[0][0] if years else 0
    events = []
    for mention, event in found:
        event.sort_key = mention.sort_key(default_year)
        events.append(event)
    events.sort(key=lambda e: (e.sort_key, min((source_order(x.source), x.index) for x in e.evidence)))
    for n, event in enumerate(events, 1):
        event.ref = f"event-{n}"
    return events
