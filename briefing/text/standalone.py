"""Whether a sentence can stand alone, and if not, what can: the one rule for every text a
reader sees without the article around it (a claim, a key point, a summary's line, a lead).

Such a text must not open by pointing back to what it does not name ("He said ...", "The move
...", "Neither claim ...", "But this ..."), be half of a quotation, or be no statement at all
(text/unfit.py: a question, a "Q."/"A." piece, a caption, a cut-off teaser, wire debris).
- `alone(text)`: why a text shown by itself cannot stand alone (key points and weekly leads,
  text/lead.py; summary lines, summary/eligible.py);
- `standing(sentences, i)`: how sentence i of an article may be shown as a brief's claim:
  alone; joined with the sentences it depends on, as one contiguous span (the sentence before
  that names what it points to, the rest of a quotation it cuts) that itself stands alone
  and reads as one claim; or unfit.
The rules go by the shape of the text, not by one corpus's strings: pronouns, demonstratives
and connectives that open a sentence, a definite description ("The plane ...") whose noun the
article has not named (nor its headline), quotation marks left open across sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from briefing.models import Document, Sentence
from briefing.text.quotes import States, pair_up
from briefing.text import anaphora
from briefing.text.anaphora import QUOTED
from briefing.text.people import label_word
from briefing.text.titles import TITLE_HEADS
from briefing.text.speakers import NAME, NOT_NAMES, PRONOUN_SAID, REPORTING, named_speaker
from briefing.text.sentences import split_spans
from briefing.text.unfit import IRREGULAR_PAST, unfit

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


# A pronoun, demonstrative or connective that opens a sentence refers to, or carries on from,
# what came before: "He said", "This was", "But the", "Neither claim", "Of those", "There was"
# (where? the judges read 12 of 16 such sentences as needing the one before).
_OPENER = re.compile(
    r"[\W_]*(?:he|she|it|they|we|i|you|him|them|us|his|her|its|their|our|my|your|this|that|these|"
    r"those|such|both|neither|either|another|others|but|and|or|nor|so|yet|still|however|also|"
    r"instead|meanwhile|similarly|likewise|hence|thus|therefore|then|moreover|furthermore|besides|"
    r"otherwise|nevertheless|nonetheless|notwithstanding|regardless|indeed|again|which|among (?:the )?others?|"
    r"in addition(?!\s+to\b)|as a result(?!\s+of\b)|in response(?!\s+to\b)|even so|of those|of these|of them|not so|the latter|"
    r"the former|the same|the other|one of them|some of them|all of them|most of them|many of them|"
    r"a similar|later|now|there|here,|\w+ of (?:them|those|these|this|that|it)|(?:in|at|by|on|for|since|after|before|during|despite|under|among|"
    r"from|until|with|of) (?:that|this|those|these|such|the same|it|them)|in both (?:cases|instances)|as such|by then|until then)"
    r"(?![\w-])", re.I)
# The speaker's own first person opening a quotation ('"We will ...," Ruiz said'), understood once
# the speaker is named (not "this" or "it", which point back even then).
_QUOTE_OPENS = re.compile(r"\W*?[\"“‘`]+\s*(?:we|i|our|my|us)(?![\w-])", re.I)
# A demonstrative with "latest", "new", "same" within the opening words ("this latest
# attack"), "the other two" anywhere. (An early "also" is not taken for pointing back: the judges read
# "Officials have also agreed that ..." as standing alone, 12 of 31 such sentences.)
_BACK_EARLY = re.compile(r"\b(?:this|these|that|those)\s+(?:latest|new|recent|same)\b", re.I)
_THE_OTHER = re.compile(r"\bthe\s+other\s+(?:one|two|three|four|five|several)\b", re.I)  # anywhere
# "This week", "So far": the time of writing; "Those who ...", "Those killed at ...": people the
# sentence itself describes. Neither is something said before.
_DEICTIC = re.compile(r"[\W_]*(?:(?:this|so)\s+(?:far|week|month|year|morning|afternoon|evening|weekend)|"
                      r"those\s+(?:who|whom|whose|with|in|at|on|from|[a-z]+(?:ing|ed)))\b", re.I)
# A pronoun subject after a word that opens the sentence: "Already he has ...", "Now they ...",
# or after a fronted phrase and its comma: "Next week, it will ...", "In a statement, they said".
# The pronoun may carry its verb: "On Ohio, they’ve been ...", "Now he’s ...".
_CONTRACTED = r"(?:['’](?:ve|s|re|d|ll))?"
_LATE_PRONOUN = re.compile(r"[\W_]*[A-Z][a-z]+,?\s+(?:he|she|they)" + _CONTRACTED + r"\s")
_FRONTED = re.compile(r"[\W_]*(?:[\w'’-]+\s+){0,4}[\w'’-]+,\s+(?=(?:he|she|it|they)" + _CONTRACTED + r"\s)")
# A set counted before ("Of the 10, four have ..."), a time or manner set by what came before
# ("signed the document the same day", "responded in kind"), anywhere in the sentence; "the
# same day as ..." names its own reference.
_OF_COUNTED = re.compile(r"[\W_]*of\s+the\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen)\b", re.I)
_SET_BEFORE = re.compile(r"\b(?:the\s+same\s+(?:day|night|morning|week|month|year|time)(?!\s+(?:as|that|when)\b)|"
                         r"in\s+kind)\b", re.I)
# A description that presupposes its earlier mention: "The new pressure on X comes ...", "The
# latest attack ...", unless it names its own source ("The latest figures from the ministry").
_PRESUPPOSED = re.compile(r"[\W_]*the\s+(?:new|latest|renewed|fresh|further)\s+[a-z]+\b(?!\s+(?:of|from|by|for|that|which)\b)", re.I)
# The writer speaking ("From what we can tell, ..."): a first person outside quotation marks.
_FIRST_PERSON_ANYWHERE = re.compile(r"\b(?:we|I|our|us|my|we['’]re|I['’]m)\b")
# "It" that stands for nothing ("It was unclear whether ...", "It is expected to ...").
_DUMMY_IT = re.compile(
    r"[\W_]*it(?:['’]s|\s+(?:is|was|remains|remained|seems|seemed|appears|appeared|has been|had been|"
    r"would be|will be|may be|could be|might be))\s+(?:not\s+|still\s+)?(?:un)?(?:clear|"
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
INSTITUTIONS = frozenset("""government police army military navy ministry council parliament
court courts president presidency cabinet embassy brigade department agency commission senate
congress house assembly legislature opposition prosecutor prosecutors authorities administration
constitution coast guard regime junta pentagon kremlin vatican un""".split())
# ... or to a bare title, a definite description of someone named before ("the general said").
TITLE_SAID = re.compile(r"[,;:“”\"—–]\s*the\s+(?:" + "|".join(sorted(TITLE_HEADS)) + r")\s+" + REPORTING + r"\b")
# A short sentence ending on what it points to: "Russia denies this." (a longer one often names
# it: "an agency ... vowed to abolish it"; judged: 16 of 16 up to 15 words junk, 11 of 18 longer).
POINTED_END_WORDS = 15
_POINTED_END = re.compile(r"\s(?:this|that|these|those|it|them|so)\s*[.!][\"'”’)]*\s*$", re.I)
# A quotation with nobody named as its speaker: the whole sentence inside quotation marks.
_BARE_QUOTE = re.compile(r"^\s*[\"“‘'`]{1,2}[^\"“”]*[\"”’']{1,2}\s*$")
_WORDS = re.compile(r"[a-z]+")
_NOT_NOUNS = frozenset("""a an the and or but of to in on at for from by with as is are was were be
been has have had will would can could should may might must said says new first last next
other same two three four five six seven eight nine ten many most more some all each every
such own only latest recent former""".split())


def opens_back(sentence: str) -> bool:
    """Whether the sentence opens with a pronoun, demonstrative or connective that refers to,
    or carries on from, what came before ("He said", "But this", "Neither claim"); not the
    "it" that stands for nothing, not "this week", and not the speaker's own "we" or "I"
    opening a quotation that names its speaker ('"We will rebuild," Mayor Ana Ruiz said.')."""
    if not _OPENER.match(sentence) or _DUMMY_IT.match(sentence) or _DEICTIC.match(sentence):
        return False
    return not (_QUOTE_OPENS.match(sentence) and named_speaker(sentence))


def points_back(sentence: str, topic: str = "", descriptions: bool = True, span: str = "") -> str:
    """Why the sentence needs what comes before it ("" when it does not). A definite
    description of a common noun that does not qualify itself ("The plane was ...", "The move
    follows ...", but not "The number of ...") refers to something named before, unless it
    names the topic of the article's headline (`topic`), which the brief's reader knows; with
    `descriptions` false that rule is left out (see summary/eligible.py). The writer's first
    person is looked for outside the quotations of the whole `span` shown, if given."""
    fronted = _FRONTED.match(sentence)
    if fronted and not _DUMMY_IT.match(sentence[fronted.end():]):
        return "points back"
    if opens_back(sentence) or _LATE_PRONOUN.match(sentence) or _OF_COUNTED.match(sentence) \
            or _BACK_EARLY.search(" ".join(sentence.split()[:12])) or _THE_OTHER.search(sentence) \
            or _SET_BEFORE.search(QUOTED.sub("", sentence)) or anaphora.fronted_demonstrative(sentence):
        return "points back"
    if _FIRST_PERSON_ANYWHERE.search(QUOTED.sub("", span or sentence)):
        return "unattributed first person"
    if (PRONOUN_SAID.search(sentence) or descriptions and TITLE_SAID.search(sentence)) \
            and not named_speaker(sentence):
        return "attributed to a pronoun"
    if _BARE_QUOTE.match(sentence):
        return "unattributed quotation"
    if _POINTED_END.search(sentence) and len(sentence.split()) <= POINTED_END_WORDS:
        return "points back"
    if not descriptions:
        return ""
    presupposed = _PRESUPPOSED.match(sentence)
    if presupposed and not set(_WORDS.findall(presupposed.group(0).lower())[2:]) & set(_WORDS.findall(topic.lower())) \
            or anaphora.unresolved(sentence, TITLE_HEADS):
        return "points back"
    definite = _DEFINITE.match(anaphora.without_nationality(sentence, label_word))
    if definite:
        words = definite.group(1).split()
        nouns = [w for w in words if w not in _NOT_NOUNS]
        head = nouns[1] if len(nouns) > 1 and not _verb_like(nouns[1]) else nouns[0] if nouns else ""
        if nouns and not _self_named(words) and head not in INSTITUTIONS \
                and not set(nouns[:2]) & set(_WORDS.findall(topic.lower())):
            return "points back"
    return ""


# Openers that the sentence before must resolve in a particular way: a person's name for "he"
# or "she"; nothing resolves "we" or "I" outside quotation marks (a transcript, a speaker
# named who knows where).
_PERSONAL = re.compile(r"[\W_]*(?:he|she|his|her|him)(?![\w-])", re.I)
_FIRST_PERSON = re.compile(r"[\W_]*(?:we|i|you|our|my|your|us)(?![\w-])", re.I)
# "the two leaders", "the three countries" stand for names just listed ("Seoul and Tokyo", "South
# Korea, Japan, and the United States").
_COUNTED = re.compile(r"(?:two|three|four|five|six|both)\s")
_PROPER = r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
_ENUMERATION = re.compile(_PROPER + r"(?:,\s*" + _PROPER + r")*,?\s+(?:and|&)\s+" + _PROPER)
_QUOTE_FIRST = re.compile(r"\s*(?:[\"“‘]|``)")
_SURNAME_SAID = re.compile(r"\b[A-Z][a-z’'-]+\s+" + REPORTING + r"\b")  # "Ruiz said"


def resolved(sentence: str, before: str) -> bool:
    """Whether `before` (the sentence before, shown with it) names what `sentence` points back
    to: a person for "he"/"she", the noun of a definite description ("The plane" after "a
    plane"); a connective or "they"/"this" is taken as carried on by any sentence before."""
    if _FIRST_PERSON.match(QUOTED.sub("", sentence)):
        return False
    if _PERSONAL.match(sentence) or ((PRONOUN_SAID.search(sentence) or TITLE_SAID.search(sentence)) and not _OPENER.match(sentence)) \
            or _QUOTE_FIRST.match(sentence):  # a quotation's speaker
        return any(m.group(1) not in NOT_NAMES for m in NAME.finditer(before)) \
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


def _verb_like(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PAST or word in _NOT_NOUNS or bool(re.fullmatch(REPORTING, word))


# --- the judgement -------------------------------------------------------------------------

def alone(text: str, topic: str = "", descriptions: bool = True) -> str:
    """Why `text`, shown with nothing of its article around it, cannot stand alone: no
    statement at all (text/unfit.py), half a quotation (its marks do not pair up), or its
    first sentence pointing back; "" when it can. (A claim is judged in its article: `standing`.)"""
    if unfit(text):
        return unfit(text)
    if not pair_up(text):
        return "half quotation"
    return points_back(_first_sentence(text), topic, descriptions, text)


_MORE_THAN_ONE = re.compile(r"[a-z0-9%][.!?][\"'”’)]*\s+[\"“‘'(]?[A-Z]")


@lru_cache(maxsize=4096)
def _first_sentence(text: str) -> str:
    """A claim shown with the sentences it depends on is judged by its first: the others lean
    on it ("A. He said B." stands alone when A does)."""
    if not _MORE_THAN_ONE.search(text):
        return text
    spans = split_spans(text)
    return text[spans[0][0]:spans[0][1]] if spans else text


def standing(sentences: Sequence[Sentence], i: int, text: str, topic: str = "") -> Standing:
    """How sentence i (of one article, `text` its cleaned text, `topic` its headline) may be
    shown as a claim."""
    reason = unfit(sentences[i].text)
    if reason:
        return Standing("unfit", i, i, reason)
    states = States(sentences, text)
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
            # never across a paragraph break: cleaning may have taken a heading or a caption
            # out from between, and the span shown would not be verbatim in the article
            if first == 0 or sentences[first - 1].paragraph != sentences[first].paragraph:
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


def of_document(document: Document, i: int) -> Standing:
    """How sentence i of a segmented article may be shown as a claim (see `standing`)."""
    article = document.article
    return standing(document.sentences, i, article.text, article.source.title or "")
