"""What a sentence says happened: the lemmas of its finite verbs, the predicate of its claim.

Two sentences that share a story's names and most of its words can still report two things
("Conroy has been rescued" / "the two journalists were Conroy and Bouvier"; "the operation was
developed by the security office" / "the investigation stemmed from the operation"). What
tells them apart is the predicate: a claim restated keeps its verb, or turns it into the
event noun ("shut down the operation" / "the shutdown"; "killed" / "the killing").

Which words are finite verbs, and which verbs only frame a claim: text/verbs.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from briefing.text.clauses import main_clause
from briefing.text.terms import stem, stop_words
from briefing.text.verbs import ADVERBS, FRAMING, FUTURE, MODAL, PERFECT, TOKEN, verb_lemma

# Two sources paraphrasing one event in other verbs ("stormed" / "seized the building") still
# share its details; sentences that share only the participants' names and a word or two
# ("journalist", "attack") while their verbs differ report two things. Set on the judged
# pairs, leave-one-cluster-out (see text/same_claim).
DETAILS = 3
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# When a claim happened is not who it is about: "A judge in June approved ..." and "In June,
# the district attorney dismissed ..." share no subject.
_WHEN = frozenset(name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)) | frozenset(
    "year week month day today yesterday tonight morning afternoon evening night weekend earlier later".split())


@lru_cache(maxsize=20_000)
def predicates(text: str) -> frozenset[str]:
    """The lemmas of the verbs that make the sentence's claims (framing verbs left out)."""
    return _read(text)[0]


@lru_cache(maxsize=20_000)
def subject(text: str) -> frozenset[str]:
    """The stems of the words before the sentence's first predicate verb: who or what its
    claim is about ("Mayor Petra Lind" in "Mayor Petra Lind declared ...")."""
    return _read(text)[1]


@lru_cache(maxsize=20_000)
def mood(text: str) -> str:
    """How the main clause states its event: "future" (a will/would/may event, announced or
    expected), "past" (it happened: "survived", "has reached") or "" (present, or no verb)."""
    return _read(text)[2]


@lru_cache(maxsize=20_000)
def _read(text: str) -> tuple[frozenset[str], frozenset[str], str]:
    """The predicates, subject and mood of the sentence's main clause (text/clauses), or of the
    whole sentence when the main clause keeps no verb that makes a claim."""
    clause = main_clause(text)
    found = _read_clause(clause)
    return found if found[0] or clause == text else _read_clause(text)


@lru_cache(maxsize=20_000)  # the same-claim weights read whole sentences too (shares_verb)
def _read_clause(text: str) -> tuple[frozenset[str], frozenset[str], str]:
    verbs: set[str] = set()
    head: list[str] = []
    before, modal, tense = "", False, ""
    for k, token in enumerate(TOKEN.findall(text)):
        # a capitalised word inside the sentence is a name, not a verb ("Tree of Life", "Hope")
        if token.isalpha() and (k == 0 or token[0].islower()):
            word = token.lower() if k == 0 else token
            lemma = verb_lemma(word, before)
            if lemma and lemma not in FRAMING:
                if not verbs:
                    past = before in PERFECT or (word != lemma and not word.endswith(("s", "ing")) and before not in MODAL)
                    tense = "future" if modal else "past" if past else ""
                verbs.add(lemma)
            modal = modal or (not verbs and word in FUTURE)
        if not verbs and token.isalpha() and token.lower() not in stop_words() \
                and token.lower() not in _WHEN:
            head.append(stem(token))
        low = token.lower() if k == 0 or not token[0].isupper() else token  # "May" is a name
        if low not in ADVERBS:
            before = low
    return frozenset(verbs), frozenset(head), tense


@lru_cache(maxsize=20_000)
def stems(text: str) -> frozenset[str]:
    """The Snowball stems of every word: a verb's stem matches its event noun ("killed",
    "killing"; "developed", "development")."""
    return frozenset(stem(t) for t in TOKEN.findall(text) if t.isalpha())


def same_predicate(a: str, b: str) -> bool:
    """Whether sentences a and b can report one event: some verb that makes a claim in the main
    clause of one is in the main clause of the other too, as a verb or its event noun; or,
    told with other verbs ("declared" / "announced") in compatible moods, the claims are about
    the same subject, or describe the event in the same detail (`DETAILS` common words, see
    `details`). An event one sentence announces ("will face a vote") and an outcome the other
    reports ("survived the vote") are two claims about one subject. A sentence with no such
    verb (a heading, a copular "X is Y") constrains nothing. Main clauses: text/clauses."""
    pa, pb = predicates(a), predicates(b)
    if not pa or not pb or shares_verb(a, b):
        return True
    if {mood(a), mood(b)} == {"future", "past"}:
        return False
    if subject(a) & subject(b):
        return True
    return len(details(a) & details(b)) >= DETAILS


@lru_cache(maxsize=20_000)
def details(text: str) -> frozenset[str]:
    """The stems of the sentence's own common words (lower case, no stop words), outside
    quotations: what it says of the event beyond who took part (names) and what a speaker
    said in words two sources may both quote."""
    text = main_clause(_QUOTED.sub(" ", text))
    return frozenset(stem(w) for w in TOKEN.findall(text)
                     if w.isalpha() and w[0].islower() and len(w) > 2 and w not in stop_words())


def shares_verb(a: str, b: str, clause: bool = True) -> bool:
    """Some verb that makes a claim in the main clause of a is in the main clause of b, as a
    verb or its event noun, or the other way round (with `clause` false: anywhere in the
    sentences, a verb of what a speaker is quoted saying too)."""
    if clause:
        pa, pb = predicates(a), predicates(b)
    else:
        pa, pb = _read_clause(a)[0], _read_clause(b)[0]
    return bool(pa & pb) or _aligned(pa, b, clause) or _aligned(pb, a, clause)


def _aligned(lemmas: frozenset[str], other: str, clause: bool = True) -> bool:
    words = (stems(main_clause(other)) if clause else None) or stems(other)
    return any(stem(lemma) in words for lemma in lemmas)
