"""Whether two sentences say of one verb that it happened and that it did not.

Two sources can share every name and the very verb and still state opposite things:
"Officer Rose died from his wound" and "none of the school's officers had ever died in the
line of duty". The second is a denial of the verb, not a restatement, so citing it for the
first misleads the reader who checks it. A verb is read as negated when a negation comes
before it within its clause ("did not rule out", "none of them had died") or stands as its
object right after it ("ruled nothing out", "found no evidence"), so that "have not ruled out"
and "have ruled nothing out" agree.

Measured on the hand-judged pairs of tests/judged/multinews (47 clusters) among the pairs the
same-claim weights accept: two had a verb negated in one sentence only; with the object
reading one is left, judged a different claim (the officer's death above).
"""

from __future__ import annotations

from functools import lru_cache

from briefing.text.verbs import ADVERBS, FRAMING, TOKEN, verb_lemma

_NEGATION = frozenset("not never no none neither nor nobody nothing cannot".split())
_NEGATED_OBJECT = frozenset("no none nobody nothing".split())
# A negation reaches no further than its clause: a comma, a conjunction or a relative pronoun
# starts another one ("did not comment, but confirmed it had received the file").
_CLAUSE_BREAK = frozenset(", ; : — – ( ) but and which who that while".split())


def _negation(word: str) -> bool:
    return word in _NEGATION or word.endswith(("n't", "n’t"))


@lru_cache(maxsize=20_000)
def verb_polarity(text: str) -> dict[str, frozenset[bool]]:
    """Each claim-making verb's lemma and whether it is said negated (both, if the sentence
    has it once each way)."""
    found: dict[str, set[bool]] = {}
    pending, before, last = False, "", None
    for k, token in enumerate(TOKEN.findall(text)):
        low = token.lower()
        if last is not None and token.isalpha() and low not in ADVERBS:
            if low in _NEGATED_OBJECT:
                found[last].discard(False)
                found[last].add(True)
            last = None
        if _negation(low):
            pending = True
        elif low in _CLAUSE_BREAK:
            pending = False
        if token.isalpha() and (k == 0 or token[0].islower()):
            lemma = verb_lemma(low if k == 0 else token, before)
            if lemma and lemma not in FRAMING:
                found.setdefault(lemma, set()).add(pending)
                pending, last = False, lemma
        if low not in ADVERBS and not _negation(low):
            before = low
    return {lemma: frozenset(ways) for lemma, ways in found.items()}


def opposed(a: str, b: str) -> bool:
    """Some verb both sentences use is only affirmed in one and only negated in the other."""
    pa, pb = verb_polarity(a), verb_polarity(b)
    return any(len(pa[v]) == len(pb[v]) == 1 and pa[v] != pb[v] for v in pa.keys() & pb.keys())
