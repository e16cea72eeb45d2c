"""Stage 5: sentences that state the same thing in different sources become one claim that
cites them all; different things stay apart.

The articles are invented (a bridge collapse in the invented city of Varnholm). Which of their
sentences state the same thing is written down below by reading them, not by running the code.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from briefing.text import similarity
from briefing import pipeline
from briefing.stages import segment
from briefing.stages import summarize
from briefing.stages import synthesize

ARTICLES = {
    "1.txt": """Kessel Bridge Collapses in Varnholm

The Kessel Bridge in the northern city of Varnholm collapsed into the Arn river on Thursday evening during the rush hour.

Rescue divers from the fire brigade pulled eight survivors from the Arn river overnight.

Engineers had warned the city council in 2021 that the bridge's steel supports were badly corroded.

Mayor Petra Lind declared three days of mourning and promised a full inquiry into the disaster.

The bridge carried about forty thousand vehicles a day between the old town and the harbour district.
""",
    "2.txt": """Deadly Collapse in Varnholm

A span of Varnholm's Kessel Bridge fell into the Arn river on Thursday evening while it was crowded with commuters.

A 2021 inspection report had told the council that corrosion had badly weakened the steel supports of the bridge.

Traffic between the harbour district and the old town has been diverted over the ring road.

Opposition councillors demanded the resignation of the transport chief on Friday.
""",
    "3.txt": """Varnholm Mourns Bridge Victims

Mayor Petra Lind announced three days of official mourning for the victims of the Kessel Bridge disaster.

Flags flew at half mast on the town hall as residents laid flowers on the riverbank.

Insurance experts said rebuilding the crossing could take at least four years.
""",
}

# What a reader sees: each group is one thing the sources say, named by (source id, prefix).
SAME = [
    {("1", "The Kessel Bridge in the northern city"), ("2", "A span of Varnholm's Kessel Bridge fell")},
    {("1", "Engineers had warned the city council in 2021"), ("2", "A 2021 inspection report had told")},
    {("1", "Mayor Petra Lind declared three days"), ("3", "Mayor Petra Lind announced three days")},
]
ALONE = [
    ("1", "Rescue divers from the fire brigade pulled"),
    ("1", "The bridge carried about forty thousand vehicles"),  # shares "old town", "harbour
    ("2", "Traffic between the harbour district"),              # district" with this one
    ("2", "Opposition councillors demanded"),
    ("3", "Flags flew at half mast"),
    ("3", "Insurance experts said rebuilding"),
]


def _write_all(write, articles):
    for name, text in articles.items():
        write(f"story/{name}", text)


def _load(tmp_path):
    articles, problems = pipeline.read_articles([str(tmp_path / "story")])
    assert problems == []
    summaries = [summarize.summarize(segment.segment(a)) for a in articles]
    texts = {a.source.id: a.text for a in articles}
    return summaries, texts


def _everything_condensed(summaries):
    """Every sentence a candidate claim, so grouping is tested apart from the summarizer's pick."""
    return [replace(s, condensed=tuple(range(len(s.document.sentences)))) for s in summaries]


def _named(claim):
    return {(e.source, e.sentence) for e in claim.evidence}


def _group_of(claims, source, prefix):
    hits = [c for c in claims if any(e.source == source and e.sentence.startswith(prefix) for e in c.evidence)]
    assert len(hits) == 1, (source, prefix, len(hits))
    return hits[0]


@pytest.fixture
def story(write, tmp_path):
    _write_all(write, ARTICLES)
    return _load(tmp_path)


def test_all_sentences_are_read(story):
    summaries, _ = story
    assert [len(s.document.sentences) for s in summaries] == [5, 4, 3]


def test_claims_group_exactly_the_sentences_that_say_the_same(story):
    summaries, _ = story
    claims = synthesize.synthesize(_everything_condensed(summaries))
    assert len(claims) == len(SAME) + len(ALONE)
    for group in SAME:
        claim = _group_of(claims, *next(iter(group)))
        assert len(claim.evidence) == len(group)
        for source, prefix in group:
            assert any(e.source == source and e.sentence.startswith(prefix) for e in claim.evidence)
        assert claim.source_ids == sorted({s for s, _ in group})
    for source, prefix in ALONE:
        claim = _group_of(claims, source, prefix)
        assert claim.source_ids == [source]  # stated by one source: cites only it
        assert len(claim.evidence) == 1


def test_evidence_offsets_slice_each_source(story):
    summaries, texts = story
    claims = synthesize.synthesize(_everything_condensed(summaries))
    for claim in claims:
        assert claim.text in [e.sentence for e in claim.evidence]
        for e in claim.evidence:
            assert texts[e.source][e.start:e.end] == e.sentence


def test_sentences_sharing_words_but_not_meaning_stay_apart(story):
    summaries, _ = story
    claims = synthesize.synthesize(_everything_condensed(summaries))
    vehicles = _group_of(claims, "1", "The bridge carried about forty thousand vehicles")
    traffic = _group_of(claims, "2", "Traffic between the harbour district")
    assert vehicles is not traffic


def test_corroborated_claim_ranks_above_its_lone_salience(story):
    summaries, _ = story
    claims = synthesize.synthesize(_everything_condensed(summaries))
    assert [c.score for c in claims] == sorted((c.score for c in claims), reverse=True)
    mourning = _group_of(claims, "3", "Mayor Petra Lind announced")
    assert mourning.score > mourning.salience


def test_default_pick_still_cites_every_source(story):
    """With the summarizer's own condensed sets, a claim that one source's summary left out
    still cites that source, and only the groups some summary kept are shown."""
    summaries, _ = story
    claims = synthesize.synthesize(summaries)
    kept = {(s.source_id, s.document.sentences[i].text) for s in summaries for i in s.condensed}
    groups = SAME + [{one} for one in ALONE]
    everything = [(s.source_id, x.text) for s in summaries for x in s.document.sentences]

    def members(group):
        return {(source, text) for source, text in everything
                if any(source == src and text.startswith(p) for src, p in group)}

    shown = [g for g in groups if members(g) & kept]
    assert len(claims) == len(shown)
    for group in shown:
        claim = _group_of(claims, *next(iter(group)))
        assert _named(claim) == members(group)


def test_one_source_saying_two_different_things_is_two_claims(write, tmp_path):
    articles = dict(ARTICLES)
    articles["3.txt"] += ("\nMayor Petra Lind also announced that the Kessel Bridge would be rebuilt "
                          "within four years.\n")
    _write_all(write, articles)
    summaries, _ = _load(tmp_path)
    claims = synthesize.synthesize(_everything_condensed(summaries))
    for claim in claims:
        assert len({e.source for e in claim.evidence}) == len(claim.evidence), claim.text


def test_deterministic(story):
    summaries, _ = story
    a = synthesize.synthesize(_everything_condensed(summaries))
    b = synthesize.synthesize(_everything_condensed(summaries))
    assert [(c.text, _named(c), c.score) for c in a] == [(c.text, _named(c), c.score) for c in b]


@pytest.mark.parametrize("extra", [
    "The fire brigade has asked the council for two new rescue boats after the disaster.",
    "The city council voted in 2021 to sell the old steel works beside the bridge to a developer.",
])
def test_different_fact_with_shared_words_is_its_own_claim(write, tmp_path, extra):
    articles = dict(ARTICLES)
    articles["3.txt"] += f"\n{extra}\n"
    _write_all(write, articles)
    summaries, _ = _load(tmp_path)
    claims = synthesize.synthesize(_everything_condensed(summaries))
    claim = _group_of(claims, "3", extra[:30])
    assert claim.source_ids == ["3"]


# --- Similarity in bulk equals the definition ---------------------------------------------

def _reference_similarity(index, i, j):
    """The definition, term by term (IDF added in the terms' sorted order, so that the result
    is one number in every process): shared IDF mass, half against the shorter sentence and
    half against both; a count shared adds to what is shared but not to a sentence's mass,
    and a shared count alone scores nothing."""
    def idf_sum(ts, numbers):
        total = 0.0
        for t in sorted(ts):
            if t.startswith("#") == numbers:
                total += index.idf[t]
        return total

    a, b = index.terms[i], index.terms[j]
    words, counts = idf_sum(a & b, numbers=False), idf_sum(a & b, numbers=True)
    ma, mb = idf_sum(a, numbers=False), idf_sum(b, numbers=False)
    if words <= 0 or ma <= 0 or mb <= 0:
        return 0.0
    shared = words + counts
    return min(1.0, 0.5 * shared / min(ma, mb) + 0.5 * shared / math.sqrt(ma * mb))


@pytest.fixture(scope="module")
def example_index():
    """The example's sentences, two verbatim copies of one of its articles (exact ties, some
    with the same first sentence), and sentences that share a count with words or alone."""
    from briefing.models import Article, Source
    from tests.conftest import EXAMPLE, SEEDS

    articles, _ = pipeline.read_articles([str(EXAMPLE)])
    for copy in ("copy", "copy2"):
        articles.append(Article(source=Source(id=copy), text=SEEDS["A"].read_text(encoding="utf-8")))
    articles.append(Article(source=Source(id="counts"), text=(
        "Officials counted 30 lorries at the northern crossing on Monday. Farmers sold 30 goats "
        "at the market. Drivers said 30 lorries waited at the crossing for two days.\n")))
    return similarity.SentenceIndex([s for a in articles for s in segment.segment(a).sentences])


def test_bulk_and_single_similarities_equal_the_definition_exactly(example_index):
    index = example_index
    n = len(index.sentences)
    first, second = (a.ravel() for a in np.triu_indices(n, 1))  # every pair, not only candidates
    bulk = index.similarities(first, second)
    reference = [_reference_similarity(index, i, j) for i, j in zip(first.tolist(), second.tolist())]
    # equal to the last bit: a score on the wrong side of a threshold by one bit is another brief
    assert bulk.tolist() == reference
    assert [index.similarity(i, j) for i, j in zip(first.tolist(), second.tolist())] == reference
    # the input exercises every branch: matches on both sides of the thresholds, identical
    # sentences, counts shared with words, and a count shared alone
    scores = set(reference)
    assert {1.0, 0.0} <= scores
    assert any(synthesize.SAME_CLAIM <= s < 1 for s in scores) and any(0 < s < synthesize.SAME_CLAIM for s in scores)
    counts = [k for k, (i, j) in enumerate(zip(first.tolist(), second.tolist()))
              if any(t.startswith("#") for t in index.terms[i] & index.terms[j])]
    assert any(0 < reference[k] < 1 for k in counts) and any(reference[k] == 0 for k in counts)


def test_linked_pairs_come_strongest_first_and_ties_by_position(example_index):
    index = example_index
    source = [s.source_id for s in index.sentences]
    expected = sorted((-_reference_similarity(index, i, j), i, j) for i, j in index.candidate_pairs()
                      if _reference_similarity(index, i, j) >= (synthesize.RESTATEMENT if source[i] == source[j]
                                                                else synthesize.SAME_CLAIM))
    assert synthesize._linked_pairs(index) == [(i, j) for _, i, j in expected]
    # the verbatim copies make ties, among them pairs with the same first sentence
    ties = [(i, j) for (s, i, j), (t, k, _) in zip(expected, expected[1:]) if s == t and i == k]
    assert ties


def test_spelling_variants_found_through_keys_are_those_of_comparing_every_pair():
    import random

    from briefing.text.terms import _CAPITALISED, spelling_variant, spelling_variants, stem

    def every_pair(texts):  # the rule applied to all pairs, in order: the reference
        names = sorted({stem(m.group(0)) for text in texts for m in _CAPITALISED.finditer(text)})
        canonical = {}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if a[0] == b[0] and spelling_variant(a, b):
                    canonical[b] = canonical.setdefault(a, a)
        return canonical

    rng = random.Random(7)
    names = []
    for _ in range(300):  # names, each with an inserted letter and a swapped letter variant
        word = "".join(rng.choice("abcdefghiklmnoprstuy") for _ in range(rng.randint(4, 8)))
        k = rng.randrange(len(word))
        names += [word, word[:k] + rng.choice("aeiouh") + word[k:], word[:k] + rng.choice("aeioum") + word[k + 1:]]
    texts = ["Reports named " + " and ".join(n.capitalize() for n in names[i:i + 15]) + "."
             for i in range(0, len(names), 15)]
    texts.append("Then Sergey Lavrov met Sergei Lavrov, Maria met Marta, and Mohamed met Mohammed.")
    found = spelling_variants(texts)
    assert found == every_pair(texts)
    def spelling(word):  # the one spelling a name's variants share
        return found.get(stem(word), stem(word))

    assert spelling("Sergei") == spelling("Sergey") and spelling("Mohamed") == spelling("Mohammed")
    assert spelling("Maria") != spelling("Marta")
