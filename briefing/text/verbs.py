"""Which words of a sentence are its finite verbs, and which verbs only frame a claim.

A word is taken as a finite verb (or the participle of a verb phrase) when the lexicon of
lemminflect (shipped in the package, no download) knows it as a verb and its form shows it:
an inflected form (past, participle, third person) other than a plural noun, a progressive
after a form of "be", or a base form right after a modal or "did". Non-finite verbs are left
out: an infinitive ("to address") or a participle modifying a noun ("trafficking plaguing
the region") qualifies the claim but is not its predicate. So are the verbs that frame a
claim rather than make it: auxiliaries, the copula, and reporting verbs ("said", "told",
"according to"), since who reported a claim does not change what it is. Read by
text/predicate (what a claim says happened) and text/polarity (whether it is denied).
"""

from __future__ import annotations

import re
from functools import lru_cache

TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[^\sA-Za-z]")
BE = frozenset("be is are was were been being am 's".split())
MODAL = frozenset("will would can could shall should may might must did does do to".split())
FUTURE = frozenset("will would shall 'll might could may going".split())  # an event to come
PERFECT = frozenset("has have had".split())
# Verbs that frame a claim (who says it, tense, mood), not the claim's own predicate.
FRAMING = frozenset("""be have do say tell report add state note claim quote cite write
will would can could shall should may might must get""".split())
# Words between a verb and the word that tells its form ("did not attack", "has already left").
ADVERBS = frozenset("not n't never also already just still now reportedly allegedly".split())


@lru_cache(maxsize=1)
def _lemmas():
    from lemminflect import getAllLemmas  # its lexicon loads on first use, not at import

    return getAllLemmas


@lru_cache(maxsize=50_000)
def verb_lemma(word: str, before: str) -> str | None:
    """The lemma of `word` if it is a finite verb (or a participle in a verb phrase) after the
    word `before` (lower case), else None."""
    options = _lemmas()(word)
    verb = options.get("VERB")
    if not verb:
        return None
    lemma = verb[0]
    if before in BE and before != "'s":
        return lemma  # progressive or passive: "were fighting", "were hurt"
    if before in MODAL:
        # "will attack", "did not": a verb; "to address" after "to": an infinitive, left out
        return None if before == "to" else lemma
    if word == lemma or word.endswith("ing"):
        return None  # a bare base form ("attack") or -ing form is as often a noun or modifier
    if word.endswith("s") and "NOUN" in options:
        return None  # "forces", "attacks": as often a plural noun
    return lemma
