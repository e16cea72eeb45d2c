"""How the input uses a name: whether a capitalised word is also a thing's name ("the
Holocaust memorial"), and whether a name is used as a person's (it says or does something,
follows a title, has an age or an appositive). Read by text/named.py and the actors stage."""

from __future__ import annotations

import re
from collections import defaultdict

from briefing.text.compare import country as _country
from briefing.text.people import _ACTING, POSSESSIVE
from briefing.text.titles import TITLE_WORDS
from briefing.text.terms import lower_case_words



class Corpus:
    """Every sentence of the input, found by the capitalised words it holds, and the words
    the input uses in lower case, so that a name is looked up only where it occurs."""

    def __init__(self, sentences: list[str]):
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for sentence in sentences:
            for word in {POSSESSIVE.sub("", w) for w in re.findall(r"[\w’'-]*[A-Z][\w’'-]*", sentence)}:
                self.by_word[word].append(sentence)
        self.lower = lower_case_words(sentences)

    def common_noun(self, word: str) -> bool:
        """Whether the input writes `word` after "the" as a thing's name ("the Holocaust
        memorial", "the Holocaust."): a given name never follows "the"."""
        return any(re.search(rf"\b[Tt]he\s+{re.escape(word)}\b(?!\s+[A-Z])", s) for s in self.by_word.get(word, ()))

    def acts_as_person(self, name: str) -> bool:
        last = name.split()[-1]
        return acts_as_person(name, "\n".join(self.by_word.get(last, ())), last.lower() in self.lower)


def acts_as_person(name: str, corpus: str, common: bool | None = None) -> bool:
    """Somewhere in `corpus` the name (or its last word alone) is used as a person's: it says
    or does something, follows a title or Mr./Ms., or has an age or an appositive after it
    ("Anna Berg, 46,", "Anna Berg, a bridge engineer"). `common`: whether the last word is
    also an ordinary word of the input (read from `corpus` when not given)."""
    if re.search(rf"\b(?:in|at|near|from)\s+(?:the\s+)?{re.escape(name)}\b", corpus) \
            or any(_country(w) for w in name.split()):
        return False  # a place ("in Baba Oskar"), or named after one
    last = name.split()[-1]
    # the last word alone speaks for the name only when it is no common word ("bridge")
    if common is None:
        common = bool(re.search(rf"\b{re.escape(last.lower())}\b", corpus))
    alone = "" if common else f"|{re.escape(last)}"
    for m in re.finditer(rf"(?<![\w-])(?:{re.escape(name)}{alone})(?![\w-])", corpus):
        before = corpus[max(0, m.start() - 30):m.start()].split()
        if _ACTING.match(corpus, m.end()) or re.match(r",\s+(?:\d{1,3}\b|an?\s|the\s|who\s)", corpus[m.end():m.end() + 8]):
            return True
        if before and (before[-1].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr") or before[-1].lower() in TITLE_WORDS):
            return True
    return False
