"""Stage 4: each article's sentences ranked by sumy, and the condensed set kept."""

from __future__ import annotations

import pytest

from briefing.text.sentences import SumyTokenizer
from briefing.sources import clean
from briefing.sources import files as ingest
from briefing.stages import segment
from briefing.stages import summarize
from briefing.models import Article, Source

from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_docs():
    return {k: segment.segment(clean.clean(ingest.read(p, k))) for k, p in SEEDS.items()}


def texts_of(doc):
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize("algorithm", summarize.ALGORITHMS)
def test_rank_is_a_permutation(seed_docs, algorithm):
    for doc in seed_docs.values():
        order = summarize.rank(texts_of(doc), algorithm)
        assert sorted(order) == list(range(len(doc.sentences)))


@pytest.mark.parametrize("algorithm", summarize.ALGORITHMS)
def test_rank_small_inputs(algorithm):
    assert summarize.rank([], algorithm) == []
    assert summarize.rank(["The bridge collapsed on Thursday morning."], algorithm) == [0]


@pytest.mark.parametrize("command", [["build", "x"], ["weekly"], ["summarize", "x"]])
def test_every_command_offers_the_summarizers_there_are(command, capsys):
    from briefing.cli import main

    with pytest.raises(SystemExit):
        main(command + ["--summarizer", "nonesuch"])
    offered = capsys.readouterr().err.split("choose from ")[1]
    assert [a.strip(" '\n).") for a in offered.split(",")] == list(summarize.ALGORITHMS)


@pytest.mark.parametrize("algorithm", summarize.ALGORITHMS)
def test_salience_in_unit_interval_with_one_top(seed_docs, algorithm):
    for doc in seed_docs.values():
        summary = summarize.summarize(doc, algorithm)
        assert len(summary.salience) == len(doc.sentences)
        assert all(0 < v <= 1 for v in summary.salience)
        assert summary.salience.count(1.0) == 1
        assert len(set(summary.salience)) == len(summary.salience)  # a strict ranking
        # the top pick of the summarizer has salience 1
        top = summarize.rank(texts_of(doc), algorithm)[0]
        assert summary.salience[top] == 1.0


@pytest.mark.parametrize("n,size", [(1, 3), (3, 3), (9, 3), (10, 4), (12, 4), (13, 5), (18, 6),
                                    (22, 8), (24, 8), (25, 8), (100, 8)])
def test_condensed_size_is_a_third_within_bounds(n, size):
    assert summarize.condensed_size(n) == size


@pytest.mark.parametrize("algorithm", summarize.ALGORITHMS)
def test_condensed_set_size_and_order(seed_docs, algorithm):
    for doc in seed_docs.values():
        summary = summarize.summarize(doc, algorithm)
        n = len(doc.sentences)
        assert len(summary.condensed) == min(summarize.condensed_size(n), n)
        assert 3 <= len(summary.condensed) <= 8
        assert list(summary.condensed) == sorted(set(summary.condensed))  # document order, no repeats


def _article(sentences: list[str]):
    return segment.segment(Article(Source("1"), " ".join(sentences)))


SHORT_STORY = [
    "The Kessel Bridge in Varnholm collapsed into the Arn river on Thursday evening.",
    "Bridge collapsed.",
    "Rescue divers pulled eight survivors from the river after the bridge collapsed.",
    "The bridge had carried trams and cars across the Arn river for ninety years.",
    "It fell.",
    "Engineers had warned the council that the steel supports of the bridge were corroded.",
    "The council said the bridge collapse would be investigated by an independent panel.",
    "Mourners laid flowers.",
    "The mayor declared three days of mourning for the victims of the bridge collapse.",
]


@pytest.mark.parametrize("algorithm", summarize.ALGORITHMS)
def test_condensed_set_never_keeps_short_sentences(algorithm):
    doc = _article(SHORT_STORY)
    assert len(doc.sentences) == len(SHORT_STORY)
    summary = summarize.summarize(doc, algorithm)
    kept = [doc.sentences[i].text for i in summary.condensed]
    assert len(kept) == summarize.condensed_size(len(SHORT_STORY))
    for text in kept:
        assert len(SumyTokenizer().to_words(text)) >= summarize.MIN_CLAIM_WORDS
    # the short ones are still ranked
    assert summary.salience[1] > 0 and summary.salience[4] > 0


def test_condensed_set_is_the_best_ranked_long_sentences():
    doc = _article(SHORT_STORY)
    summary = summarize.summarize(doc)
    order = summarize.rank(texts_of(doc))
    words = SumyTokenizer().to_words
    long_enough = [i for i in order if len(words(doc.sentences[i].text)) >= summarize.MIN_CLAIM_WORDS]
    assert set(summary.condensed) == set(long_enough[:summarize.condensed_size(len(SHORT_STORY))])


def test_article_with_fewer_long_sentences_than_the_minimum():
    doc = _article(["The bridge over the Arn river collapsed on Thursday.", "It fell.", "Many died."])
    summary = summarize.summarize(doc)
    assert [doc.sentences[i].text for i in summary.condensed] == [
        "The bridge over the Arn river collapsed on Thursday."]


@pytest.mark.parametrize("algorithm", summarize.ALGORITHMS)
def test_deterministic(seed_docs, algorithm):
    for doc in seed_docs.values():
        a = summarize.summarize(doc, algorithm)
        b = summarize.summarize(doc, algorithm)
        assert a.salience == b.salience
        assert a.condensed == b.condensed


def _sumy_lexrank_pick(texts: list[str], count: int) -> list[str]:
    """sumy's own LexRank top-`count` pick, configured as the project documents it."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = SumyTokenizer()
    document = ObjectDocumentModel([Paragraph([SumySentence(t, tokenizer) for t in texts])])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(document, count)]


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_condensed_set_equals_sumy_lexrank_top_n(seed_docs, key):
    doc = seed_docs[key]
    texts = texts_of(doc)
    # every seed sentence is long enough to be kept, so the condensed set is sumy's plain top N
    assert all(len(SumyTokenizer().to_words(t)) >= summarize.MIN_CLAIM_WORDS for t in texts)
    summary = summarize.summarize(doc, "lexrank")
    n = summarize.condensed_size(len(texts))
    assert [texts[i] for i in summary.condensed] == _sumy_lexrank_pick(texts, n)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_full_ranking_agrees_with_sumy_at_every_length(seed_docs, key):
    texts = texts_of(seed_docs[key])
    order = summarize.rank(texts, "lexrank")
    for k in range(1, len(texts) + 1):
        assert {texts[i] for i in order[:k]} == set(_sumy_lexrank_pick(texts, k)), k


def test_a_text_the_algorithm_cannot_rate_falls_back_to_lead_first():
    texts = ["Ferries will run every hour from June.", "Shop owners welcomed the decision."]
    assert summarize.rank(texts, "lexrank") == [0, 1]
