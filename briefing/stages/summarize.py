"""Stage 4: rank each article's sentences with a sumy summarizer and keep a condensed set.

sumy is imported here and nowhere else. Its summarizers return only the top N sentences
in document order, but every one of them passes its ratings through
`_get_best_sentences(sentences, count, rating)`, which accepts a *callable* count that
receives all sentences sorted best first. Passing one that records that list gives the full
ranking without patching sumy.
"""

from __future__ import annotations

import math
from functools import lru_cache

from briefing.models import Document, Summary
from briefing.text.sentences import SumyTokenizer

ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl")
DEFAULT_ALGORITHM = "lexrank"

# Condensed length: a third of the article, at least 3 and at most 8 sentences. A third
# keeps the gist of a 10-30 sentence news story; 8 caps a long feature at about a page of
# the brief; 3 keeps a short wire item from shrinking to its lead alone.
CONDENSE_RATIO = 1 / 3
CONDENSE_MIN = 3
CONDENSE_MAX = 8
# A sentence shorter than this is a fragment, a dateline or a one-line quote: it is ranked
# but never kept as a claim of the brief.
MIN_CLAIM_WORDS = 6


def _summarizer_class(algorithm: str):
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
            "luhn": LuhnSummarizer, "sumbasic": SumBasicSummarizer, "kl": KLSummarizer}[algorithm]


@lru_cache(maxsize=None)
def make_summarizer(algorithm: str, language: str = "en"):
    """A configured sumy summarizer: the language's stemmer (each word stemmed once per
    process: sumy stems every word of every sentence again for each comparison) and stop
    words, where sumy has them (language.py says which), else the words as written and no
    stop words."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer
    from sumy.utils import get_stop_words

    from briefing.text.language import support

    sumy_name, stems, stops = support(language)
    stemmer = lru_cache(maxsize=200_000)(Stemmer(sumy_name)) if stems else null_stemmer
    summarizer = _summarizer_class(algorithm)(stemmer)
    summarizer.stop_words = frozenset(get_stop_words(sumy_name)) if stops else frozenset()
    return summarizer


def rank(texts: list[str], algorithm: str = DEFAULT_ALGORITHM, language: str = "en") -> list[int]:
    """Indices of `texts` (one sentence each) from the summarizer's best to its worst."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    if not texts:
        return []
    tokenizer = SumyTokenizer()
    document = ObjectDocumentModel([Paragraph([SumySentence(t, tokenizer) for t in texts])])
    ranked: list[int] = []
    undefined = False

    def record(infos):  # infos: SentenceInfo(sentence, order, rating), best first
        nonlocal undefined
        infos = list(infos)
        undefined = any(isinstance(i.rating, float) and math.isnan(i.rating) for i in infos)
        ranked.extend(info.order for info in infos)
        return infos

    import numpy

    with numpy.errstate(all="ignore"):  # LexRank divides by zero on a two-sentence text
        make_summarizer(algorithm, language)(document, record)
    if undefined:
        # The algorithm could not rate this text (too short or no shared words): fall back
        # on the newsroom's own order, lead first.
        return list(range(len(texts)))
    # sumy drops nothing, but be safe: sentences it did not rate go last, in order
    seen = set(ranked)
    return ranked + [i for i in range(len(texts)) if i not in seen]


def condensed_size(n_sentences: int) -> int:
    return max(CONDENSE_MIN, min(CONDENSE_MAX, math.ceil(n_sentences * CONDENSE_RATIO)))


def summarize(document: Document, algorithm: str = DEFAULT_ALGORITHM, keep_all: bool = False) -> Summary:
    """Rank the document's sentences and keep its condensed set (with `keep_all`, every
    sentence long enough to be a claim)."""
    sentences = document.sentences
    order = rank([s.text for s in sentences], algorithm, document.article.source.language or "en")
    n = len(sentences)
    salience = [0.0] * n
    for position, i in enumerate(order):
        salience[i] = (n - position) / n
    claimable = [i for i in order if len(SumyTokenizer().to_words(sentences[i].text)) >= MIN_CLAIM_WORDS]
    keep = sorted(claimable if keep_all else claimable[:condensed_size(n)])
    return Summary(document=document, salience=tuple(salience), condensed=tuple(keep))
