"""Which words of its sources each claim shows: a sentence that stands alone, or a sentence
joined to the ones it depends on (text/standalone.py), as an exact span of the article.

A claim is placed best first. It takes its best way to be shown that repeats nothing already
shown: a span never takes in a sentence that states another claim. When the only ways to
show it lean on a sentence that a better claim shows ("The three countries issued ..." after
the lead that another claim shows), and several sources state it, the better claim's span is
extended to take it in, as one verbatim span citing both; otherwise it is left out (one
source's aside is not worth a longer claim).
"""

from __future__ import annotations

from dataclasses import replace, dataclass

from briefing.models import Claim, Document, Evidence, source_order
from briefing.text.standalone import MAX_SPAN_SENTENCES, MAX_SPAN_WORDS, of_document, opens_back

Key = tuple[str, int]  # (source id, sentence index)


@dataclass(frozen=True)
class Way:
    """One way to show a claim: sentences first..last of one article, for its sentence `index`."""

    document: Document
    index: int
    first: int
    last: int

    @property
    def source(self) -> str:
        return self.document.article.source.id

    @property
    def keys(self) -> set[Key]:
        return {(self.source, k) for k in range(self.first, self.last + 1)}

    @property
    def evidence(self) -> Evidence:
        """The shown text as evidence: an exact slice of the cleaned text, offsets to match."""
        sentences, text = self.document.sentences, self.document.article.text
        start, end = sentences[self.first].start, sentences[self.last].end
        return Evidence(source=self.source, sentence=text[start:end], start=start, end=end, index=self.index)

    def words(self) -> int:
        return len(self.evidence.sentence.split())


@dataclass
class Shown:
    """A claim and its ways to be shown, best first, until `place` chooses one."""

    claim: Claim
    ways: list[Way]
    way: Way | None = None  # the chosen one

    def __post_init__(self):
        self.sentences = list(self.claim.evidence)  # the sentences that state it


def ways_to_show(candidates: list[tuple[Document, int]]) -> list[Way]:
    """The ways a claim can be shown, given the sentences that state it (document, sentence
    index) in the order the claim prefers them: each sentence that stands alone, then each
    one joined to what it depends on."""
    judged = [(document, i, of_document(document, i)) for document, i in candidates]
    ranked = sorted(judged, key=lambda t: -t[2].rank)  # stable: the claim's own order within a rank
    return [Way(document, i, st.first, st.last) for document, i, st in ranked if st.shown]


def as_written(candidates: list[tuple[Document, int]]) -> list[Way]:
    """Each sentence as it stands, those that do not open by leaning on the one before first."""
    ranked = sorted(candidates, key=lambda c: opens_back(c[0].sentences[c[1]].text))
    return [Way(document, i, i, i) for document, i in ranked]


def place(items: list[Shown]) -> list[Claim]:
    """The claims (best first), each shown once in its best way that repeats nothing (see the
    module's docstring); a claim with no such way is left out."""
    placed: list[Shown] = []
    stating: dict[Key, Shown] = {}  # every sentence that states a placed claim
    for item in items:
        owner = None
        for way in item.ways:
            shown_by = {id(p): p for p in placed if p.way.keys & way.keys}
            context = way.keys - {(way.source, way.index)}
            if not shown_by:
                if any(k in stating for k in context):
                    continue  # its span would state another claim again
                owner, item.way = item, way
                placed.append(item)
                _show(item)
                break
            host = next(iter(shown_by.values()))
            if len(shown_by) == 1 and len(item.claim.source_ids) > 1 and _extend(host, way, item, stating):
                owner = host
                break
        for e in item.claim.evidence if owner else ():
            stating.setdefault((e.source, e.index), owner)
    return [p.claim for p in placed]


def _show(item: Shown) -> None:
    """The item's claim, made anew, shown in its way (claims are never changed once made)."""
    shown = item.way.evidence
    item.claim = replace(item.claim, text=shown.sentence, origin=(shown.source, shown.index), evidence=_with_shown(
        sorted(item.sentences, key=lambda e: (source_order(e.source), e.index)), shown))


def _extend(host: Shown, way: Way, item: Shown, stating: dict[Key, Shown]) -> bool:
    """Extend the host's span to take in the way's (same article, touching), when the union
    stays one short claim and states no third claim; the item's claim joins the host's."""
    old = host.way
    if old.source != way.source or way.first > old.last + 1 or old.first > way.last + 1:
        return False
    union = Way(old.document, old.index, min(old.first, way.first), max(old.last, way.last))
    others = {id(stating[k]) for k in union.keys if k in stating} - {id(host)}
    if others or union.last - union.first + 1 > MAX_SPAN_SENTENCES or union.words() > MAX_SPAN_WORDS:
        return False
    host.sentences += item.sentences
    host.claim = replace(host.claim, discrepancies=host.claim.discrepancies + item.claim.discrepancies)
    host.way = union
    _show(host)
    return True


def _with_shown(evidence: list[Evidence], shown: Evidence) -> list[Evidence]:
    """The evidence with the shown span placed just before the sentence it shows, when it is
    more than that sentence: the span is what the reader sees (its offsets checkable), the
    sentence is what states the claim (facts are compared on the sentences alone)."""
    out = []
    for e in evidence:
        if (e.source, e.index) == (shown.source, shown.index) and e.sentence != shown.sentence:
            out.append(shown)
        out.append(e)
    return out
