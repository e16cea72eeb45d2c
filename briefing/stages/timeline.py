"""The timeline: the events the sources date, in the order they happened, each cited.

Every sentence of every article that has a verb and carries a calendar date ("October 18, 2023", "In
September", "mid-October") or a relative one the publication day resolves ("on Tuesday",
"this summer") is an event, dated by its most specific date. Its year is the sentence's own,
else the article's publication year; an event whose year neither gives is marked
`year_unknown` and kept apart (after the dated ones; the brief lists them separately). A
sentence the brief already shows as a claim brings the claim's citations (all sources that state it) and its date
discrepancies; sentences that date the same claim are one event.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.text.dates import DateMention, dates
from briefing.text.facts import discrepancies, relative_dates, resolve_year
from briefing.text.debris import is_debris
from briefing.text.unfit import has_verb
from briefing.models import Claim, Document, Evidence, TimelineEvent, source_order, Witnesses

# A "date" spanning more than this many months ("this year", "last year") dates no event.
MAX_SPAN_MONTHS = 3
_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)\b")


def _event_date(text: str, published: str | None) -> DateMention | None:
    """The sentence's most specific date, its year from the sentence itself ("In 1989, on
    April 15 ..."), else from the article's publication date, else left unknown."""
    years = {int(y) for y in _YEAR.findall(text)}
    calendar = [replace(d, year=next(iter(years))) if d.year is None and len(years) == 1 else d for d in dates(text)]
    for mention in resolve_year(calendar, published) + relative_dates(text, published):
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
            elif not has_verb(sentence.text) or is_debris(sentence.text):
                # no event: a video's date line "(Dec. 21)", a tweet's "Name (@handle) May 16,
                # 2017", a credit (a chronology's "14 November 2016: X signs ..." is one)
                continue
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
    # a date whose year is unknown is not guessed: such events come after the dated ones,
    # marked, in the order of month and day
    events = []
    for mention, event in found:
        event.year_unknown = mention.year is None
        event.sort_key = (event.year_unknown,) + mention.sort_key()
        events.append(event)
    events.sort(key=lambda e: (e.sort_key, min((source_order(x.source), x.index) for x in e.evidence)))
    for n, event in enumerate(events, 1):
        event.ref = f"event-{n}"
    return events
