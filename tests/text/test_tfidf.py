"""The TF-IDF vectors `build` (one story or several?) and `weekly` (which events?) share."""

from collections import Counter

from briefing.text import tfidf


def test_identical_articles_have_cosine_one_and_unrelated_ones_zero():
    a = Counter({"flood": 2, "river": 1, "town": 1})
    b = Counter({"flood": 2, "river": 1, "town": 1})
    c = Counter({"budget": 1, "senate": 3})
    (va, vb, vc), df = tfidf.vectors([a, b, c])
    assert abs(tfidf.cosine(va, vb) - 1.0) < 1e-9
    assert tfidf.cosine(va, vc) == 0.0
    assert df["flood"] == 2 and df["senate"] == 1


def test_a_term_every_article_shares_weighs_less_than_a_rare_one():
    (v, _, _), _ = tfidf.vectors([Counter({"storm": 1, "havana": 1}), Counter({"storm": 1}),
                                   Counter({"storm": 1, "vote": 1})])
    assert v["havana"] > v["storm"] > 0


def test_weight_scales_one_kind_of_feature():
    counts = [Counter({"#lauri love": 1, "hacker": 1}), Counter({"#lauri love": 1, "court": 1})]
    (plain, _), _ = tfidf.vectors(counts)
    (heavy, _), _ = tfidf.vectors(counts, weight=lambda t: 3.0 if t[0] == "#" else 1.0)
    assert heavy["#lauri love"] > plain["#lauri love"]


def test_only_the_lead_is_read():
    text = " ".join(f"w{i}" for i in range(tfidf.LEAD_WORDS + 50))
    assert tfidf.lead(text).split()[-1] == f"w{tfidf.LEAD_WORDS - 1}"
