"""Whether a sentence can stand alone as a claim of the brief, and if not, what can.

A reader of a brief sees a claim without the article around it, so a claim must not open by
pointing back to what it does not name ("He said ...", "The move ...", "Neither claim ...",
"But this ..."), be half of a quotation, or be no statement at all (a question, an interview
"Q."/"A." piece, a photo caption, a credit line, a cut-off teaser, wire debris).

`standing(sentences, i)` judges sentence i of an article from its shape and the sentences
around it, and says how it may be shown:
- alone: as it is;
- joined: together with the sentences it depends on, as one contiguous span of the article
  (the sentence before it that names what it points to; the rest of a quotation it cuts), if
  that span itself stands alone and is short enough to read as one claim;
- unfit: not as a claim at all.

The rules go by the shape of the text, not by one corpus's strings: pronouns, demonstratives
and connectives that open a sentence, a definite description ("The plane ...") whose noun the
article has already used, quotation marks left open across sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from briefing.models import Document, Sentence
from briefing.text.people import TITLE_HEADS
from briefing.text.unfit import unfit

# A claim shown with the sentences it depends on reads as one claim up to this many words and
# this many sentences; longer, it is a paragraph. Two news sentences run 40-60 words; a
# statement quoted across two sentences runs to about 80 (the example's joint statement: 79),
# and 90 words are read in about 20 seconds.
MAX_SPAN_WORDS = 90
MAX_SPAN_SENTENCES = 3


@dataclass(frozen=True)
class Standing:
    """How a sentence may be shown: sentences first..last of its article (indices), or none."""

    kind: Literal["alone", "joined", "unfit"]
    first: int
    last: int
    reason: str = ""  # why it does not stand alone: "points back", "half quotation", "question" ...

    @property
    def shown(self) -> bool:
        return self.kind != "unfit"

    @property
    def rank(self) -> int:
        """Which of a claim's sentences to show first: one alone, then one joined."""
        return {"alone": 2, "joined": 1, "unfit": 0}[self.kind]


# --- pointing back -------------------------------------------------------------------------

# A pronoun, demonstrative or connective that opens a sentence refers to, or carries on from,
# what came before: "He said", "This was", "But the", "Neither claim", "Of those".
_OPENER = re.compile(
    r"[\W_]*(?:he|she|it|they|we|i|you|him|them|us|his|her|its|their|our|my|your|this|that|these|"
    r"those|such|both|neither|either|another|others|but|and|or|nor|so|yet|still|however|also|"
    r"instead|meanwhile|similarly|likewise|hence|thus|therefore|then|moreover|furthermore|besides|"
    r"otherwise|nevertheless|nonetheless|regardless|indeed|again|"
    r"in addition|as a result|in response|even so|of those|of these|of them|not so|the latter|"
    r"the former|the same|the other|one of them|some of them|all of them|most of them|many of them|"
    r"a similar|later|now|there,|here,|\w+ of (?:them|those|these|this|that|it)|(?:in|at|by|on|for|since|after|before|during|despite|under|"
    r"from|until|with|of) (?:that|this|those|these|such|the same|it|them)|as such|by then|until then)"
    r"(?![\w-])", re.I)
# "This week", "So far": the time of writing, not something said before.
_DEICTIC = re.compile(r"[\W_]*(?:this|so)\s+(?:far|week|month|year|morning|afternoon|evening|weekend)\b", re.I)
# A pronoun subject after a word that opens the sentence: "Already he has ...", "Now they ...".
_LATE_PRONOUN = re.compile(r"[\W_]*[A-Z][a-z]+,?\s+(?:he|she|they)\s")
# The writer speaking ("From what we can tell, ..."): a first person outside quotation marks.
_FIRST_PERSON_ANYWHERE = re.compile(r"\b(?:we|I|our|us|my|we['’]re|I['’]m)\b")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’|``.*?''")
# "It" that stands for nothing ("It was unclear whether ...", "It is expected to ...").
_DUMMY_IT = re.compile(
    r"[\W_]*it(?:['’]s|\s+(?:is|was|remains|remained|seems|seemed|appears|appeared|has been|had been|"
    r"would be|will be|may be|could be|might be))\s+(?:not\s+|still\s+|also\s+)?(?:un)?(?:clear|"
    r"likely|possible|expected|known|certain|believed|thought|understood|estimated|reported|hoped|"
    r"feared|alleged|said|necessary|important|difficult|hard|easy|impossible|unlikely|too early)\b",
    re.I)
# A definite description: "The" and the lower-case words of a short noun phrase.
_DEFINITE = re.compile(r"[\W_]*[Tt]he\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)(?=[\s,’'])")
# Words that start a description's own qualification ("The number of ...", "The people who
# ..."), so that it names its referent itself.
_SELF_NAMING = frozenset("of who whom whose which that in at on from behind for with near".split())
# Institutions a place has one of, named by their role ("the police", "the city council", "the
# fire brigade"): a definite description of one is understood without what came before.
_INSTITUTIONS = frozenset("""government police army military navy ministry council parliament
court courts president presidency cabinet embassy brigade department agency commission senate
congress house assembly legislature opposition prosecutor prosecutors authorities administration
constitution coast guard regime junta pentagon kremlin vatican un""".split())
# A quotation, or a sentence, attributed only to a pronoun or a bare title:
# '"We told them ...," he said.', 'The plane was fine, he said.', '"...," the general said.'
_REPORTING = (r"(?:said|says|say|added|adds|told|tells|argued|argues|wrote|writes|noted|notes|"
              r"explained|insisted|warned|stated|continued|asked|replied|responded|recalled)")
_PRONOUN_SAID = re.compile(
    r"[,;:“”\"—–]\s*(?:(?:he|she|they|it|we|i|the\s+(?:" + "|".join(sorted(TITLE_HEADS)) + r"))\s+" + _REPORTING
    + r"|" + _REPORTING + r"\s+(?:he|she|they))\b")
# A sentence that ends on what it points to: "Russia denies this.", "They denied it."
_POINTED_END = re.compile(r"\s(?:this|that|these|those|it|them|so)\s*[.!][\"'”’)]*\s*$", re.I)
# A quotation with nobody named as its speaker: the whole sentence inside quotation marks.
_BARE_QUOTE = re.compile(r"^\s*[\"“‘'`]{1,2}[^\"“”]*[\"”’']{1,2}\s*$")
_WORDS = re.compile(r"[a-z]+")
_NOT_NOUNS = frozenset("""a an the and or but of to in on at for from by with as is are was were be
been has have had will would can could should may might must said says new first last next
other same two three four five six seven eight nine ten many most more some all each every
such own only latest recent former""".split())


def points_back(sentence: str, topic: str = "") -> str:
    """Why the sentence needs what comes before it ("" when it does not). A definite
    description of a common noun that does not qualify itself ("The plane was ...", "The move
    follows ...", but not "The number of ...") refers to something named before, unless it
    names the topic of the article's headline (`topic`), which the brief's reader knows."""
    if _OPENER.match(sentence) and not _DUMMY_IT.match(sentence) and not _DEICTIC.match(sentence):
        return "points back"
    if _LATE_PRONOUN.match(sentence):
        return "points back"
    if _FIRST_PERSON_ANYWHERE.search(_QUOTED.sub("", sentence)):
        return "unattributed first person"
    if _PRONOUN_SAID.search(sentence) and not _named_speaker(sentence):
        return "attributed to a pronoun"
    if _BARE_QUOTE.match(sentence):
        return "unattributed quotation"
    if _POINTED_END.search(sentence):
        return "points back"
    definite = _DEFINITE.match(sentence)
    if definite:
        words = definite.group(1).split()
        nouns = [w for w in words if w not in _NOT_NOUNS]
        head = nouns[1] if len(nouns) > 1 and not _verb_like(nouns[1]) else nouns[0] if nouns else ""
        if nouns and not _self_named(words) and head not in _INSTITUTIONS \
                and not set(nouns[:2]) & set(_WORDS.findall(topic.lower())):
            return "points back"
    return ""


# Openers that the sentence before must resolve in a particular way: a person's name for "he"
# or "she"; nothing resolves "we" or "I" outside quotation marks (a transcript, a speaker
# named who knows where).
_PERSONAL = re.compile(r"[\W_]*(?:he|she|his|her|him)(?![\w-])", re.I)
_FIRST_PERSON = re.compile(r"[\W_]*(?:we|i|you|our|my|your|us)(?![\w-])", re.I)
_NAME = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z][a-z’'-]+")
# "the two leaders", "the three countries" stand for names just listed ("Seoul and Tokyo", "South
# Korea, Japan, and the United States").
_COUNTED = re.compile(r"(?:two|three|four|five|six|both)\s")
_PROPER = r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
_ENUMERATION = re.compile(_PROPER + r"(?:,\s*" + _PROPER + r")*,?\s+(?:and|&)\s+" + _PROPER)
_QUOTE_FIRST = re.compile(r"\s*(?:[\"“‘]|``)")
_SURNAME_SAID = re.compile(r"\b[A-Z][a-z’'-]+\s+" + _REPORTING + r"\b")  # "Ruiz said"
_NOT_NAMES = frozenset("The A An In On At But And It This That He She They We For With From By As".split())


def resolved(sentence: str, before: str) -> bool:
    """Whether `before` (the sentence before, shown with it) names what `sentence` points back
    to: a person for "he"/"she", the noun of a definite description ("The plane" after "a
    plane"); a connective or "they"/"this" is taken as carried on by any sentence before."""
    if _FIRST_PERSON.match(_QUOTED.sub("", sentence)):
        return False
    if _PERSONAL.match(sentence) or (_PRONOUN_SAID.search(sentence) and not _OPENER.match(sentence)) \
            or _QUOTE_FIRST.match(sentence):  # a quotation's speaker
        return any(m.group(1) not in _NOT_NAMES for m in _NAME.finditer(before)) \
            or bool(_SURNAME_SAID.search(before))
    definite = _DEFINITE.match(sentence)
    if definite and not _OPENER.match(sentence):
        if _COUNTED.match(definite.group(1)) and _ENUMERATION.search(before):
            return True  # "The three countries" after "South Korea, Japan, and the United States"
        earlier = _WORDS.findall(before.lower())  # "The move" after "moved", "The ministers" after "Minister"
        return any(b.startswith(w[:5]) for w in definite.group(1).split() if w not in _NOT_NOUNS for b in earlier)
    return True


def _self_named(words: list[str]) -> bool:
    """Whether a definite description qualifies its own noun: "The number of ...", "The next
    wave of ...", "The people who ..." (the word after its first noun)."""
    k = next((n for n, w in enumerate(words) if w not in _NOT_NOUNS), len(words))
    if k + 1 < len(words) and words[k + 1] not in _SELF_NAMING and not _verb_like(words[k + 1]):
        k += 1  # a compound noun: "The foreign ministers of ..."
    return k + 1 < len(words) and words[k + 1] in _SELF_NAMING


_IRREGULAR_PAST = frozenset("""went came made took gave told said met left held sent began became got
put set saw found kept ran won lost fell rose spoke wrote brought thought""".split())


def _verb_like(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_PAST or word in _NOT_NOUNS or bool(re.fullmatch(_REPORTING, word))


def _named_speaker(sentence: str) -> bool:
    """Whether the sentence names a speaker beside the pronoun ("Jones said ... he said")."""
    m = re.search(r"\b(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+\s+" + _REPORTING + r"\b", sentence)
    return bool(m) and not re.match(r"(?:He|She|They|It|We|I|The)\b", m.group(0))


# --- quotations ----------------------------------------------------------------------------

_OPEN, _CLOSE, _STRAIGHT = "“«", "”»", '"'


def quote_states(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """For each sentence of one paragraph (spans into `text`, in order): whether it starts
    inside a quotation and whether it ends inside one. Straight quotes alternate; a paragraph
    starts outside any quotation."""
    states, inside = [], False
    at = spans[0][0] if spans else 0
    for start, end in spans:
        inside = _scan(text[at:start], inside)
        starts = inside
        inside = _scan(text[start:end], inside)
        states.append((starts, inside))
        at = end
    return states


_QUOTE_MARK = re.compile("[" + _OPEN + _CLOSE + _STRAIGHT + "]|``|''")


def _scan(text: str, inside: bool) -> bool:
    for m in _QUOTE_MARK.finditer(text):  # only the quotation marks, not every character
        mark = m.group()
        if mark in _OPEN or mark == "``":
            inside = True
        elif mark in _CLOSE or mark == "''":
            inside = False
        else:
            inside = not inside
    return inside


# --- the judgement -------------------------------------------------------------------------

def standing(sentences: Sequence[Sentence], i: int, text: str, topic: str = "") -> Standing:
    """How sentence i (of one article, `text` its cleaned text, `topic` its headline) may be
    shown as a claim."""
    reason = unfit(sentences[i].text)
    if reason:
        return Standing("unfit", i, i, reason)
    states = _States(sentences, text)
    first, last = i, i
    while True:
        starts_inside, ends_inside = states.of(first)[0], states.of(last)[1]
        back = points_back(sentences[first].text, topic)
        if not back and first != last and _BARE_QUOTE.match(text[sentences[first].start:sentences[last].end]):
            back = "unattributed quotation"  # a quotation of several sentences, its speaker named before it
        if not (starts_inside or ends_inside or back):
            break
        reason = reason or ("half quotation" if starts_inside or ends_inside else back)
        if starts_inside or back:  # take in the sentence before
            if first == 0 or (starts_inside and sentences[first - 1].paragraph != sentences[first].paragraph):
                return Standing("unfit", i, i, reason)
            if back and not starts_inside and not resolved(sentences[first].text, sentences[first - 1].text):
                return Standing("unfit", i, i, reason)  # the sentence before does not name what it points to
            first -= 1
        else:  # a quotation left open: take in the sentence after
            if last + 1 >= len(sentences) or sentences[last + 1].paragraph != sentences[last].paragraph:
                return Standing("unfit", i, i, reason)
            last += 1
        span = sentences[first:last + 1]
        if any(unfit(s.text) for s in span) or len(span) > MAX_SPAN_SENTENCES \
                or len(text[span[0].start:span[-1].end].split()) > MAX_SPAN_WORDS:
            return Standing("unfit", i, i, reason)
    if (first, last) == (i, i):
        return Standing("alone", i, i)
    return Standing("joined", first, last, reason)


class _States:
    """Quotation states of an article's sentences, worked out a paragraph at a time."""

    def __init__(self, sentences: Sequence[Sentence], text: str):
        self.sentences, self.text, self.known = sentences, text, {}

    def of(self, k: int) -> tuple[bool, bool]:
        if k not in self.known:
            paragraph = self.sentences[k].paragraph
            first, last = k, k  # a paragraph's sentences stand together
            while first > 0 and self.sentences[first - 1].paragraph == paragraph:
                first -= 1
            while last + 1 < len(self.sentences) and self.sentences[last + 1].paragraph == paragraph:
                last += 1
            states = quote_states(self.text, [(s.start, s.end) for s in self.sentences[first:last + 1]])
            self.known.update({first + n: state for n, state in enumerate(states)})
        return self.known[k]


def of_document(document: Document, i: int) -> Standing:
    """How sentence i of a segmented article may be shown as a claim (see `standing`)."""
    article = document.article
    return standing(document.sentences, i, article.text, article.source.title or "")
