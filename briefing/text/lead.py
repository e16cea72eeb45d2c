"""Whether a sentence can lead: open a brief's key points, or stand for its story on the
weekly front page.

A lead is read first and alone, so it must stand alone (text/standalone.alone: no pointing
back, no half quotation, no question, caption, interview piece or wire debris). On top of
that, a lead
- is long enough to say who did what (MIN_WORDS, the summary's shortest candidate too);
- does not open with a quotation, nor is it mostly a quotation with nobody named outside it
  (text/roles.is_bare_quote): a lead says what happened, and who says so;
- on the front page, where a story has one sentence, is short enough to take in at a glance
  (MAX_WORDS); a key point may be a claim shown with the sentence it depends on;
- on the front page, names what it speaks of: no definite description anywhere in it that the
  sentence itself leaves unexplained ("said the activists demanded", "One part of the plan",
  "the fraudulent operation"). In a body claim that rule costs more than it saves (the
  summary's own candidates keep such sentences, summary/eligible.py), but a front page shows
  one sentence per story with nothing around it: the hand judgements of the development
  week's leads refused 8 of 8 such sentences the other rules let through.
"""

from __future__ import annotations

import re

from briefing.text.roles import is_bare_quote
from briefing.text.standalone import INSTITUTIONS, alone

MIN_WORDS = 8
MAX_WORDS = 60


def can_lead(text: str, topic: str = "") -> bool:
    """True when the text can be read first and alone as what happened (`topic`: the headline
    of its article, which names what a definite description like "The ferry" refers to)."""
    text = " ".join(text.split())
    return len(text.split()) >= MIN_WORDS and not is_bare_quote(text) and not alone(text, topic)


def leads_front_page(text: str, topic: str = "") -> bool:
    """True when the sentence can stand for its story on a front page (see the docstring)."""
    return len(text.split()) <= MAX_WORDS and can_lead(text, topic) and not unexplained_description(text, topic)


_TOKEN = re.compile(r"[\w’'-]+[^\w\s’'-]*")
# Words that end a description's noun phrase or cannot be its head.
_NOT_HEAD = frozenset("""a an the and or but nor of to in on at for from by with as than is are was
were be been being has have had will would can could should may might must do does did that
this these those who whom whose which what when where while after before since because if
said says say""".split())
# A description followed by one of these names its referent itself ("the number of ...", "the
# people who ..."), as does a name after it ("the freelance journalist Kim Wall") or a
# prepositional phrase naming a place or introducing a thing ("the shooting at a mosque").
_QUALIFIED = frozenset("of who whom whose which that".split())
_PREPOSITIONS = frozenset("""at in on near from for against over by with outside inside between along
across off north south east west""".split())
# A day's possessive determines a noun as "the" does ("Tuesday's lawsuit": the one filed then).
_DAY_POSSESSIVE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s")
# Words that presuppose an earlier mention ("the new pressure on X", "the latest attack on Y"):
# what follows the description does not name it.
_PRESUPPOSING = frozenset("new latest recent same other further renewed".split())
# Kinds of named thing a description can bridge back to inside the same sentence ("Wells Fargo
# ... as the bank tries", "Rauma dock workers ... to visit the port").
_KINDS = frozenset("""port harbour harbor town city village country company firm bank university
college school team club party plant factory airline group province island border airport
station""".split())
# Only the sentence's opening is read: who did what is said there; a "the" further on is most
# often a bridge to something the opening named ("Wells Fargo ... as the bank tries").
OPENING_WORDS = 12
# Heads a reader resolves without the article: time, the world at large, order words.
_UNDERSTOOD = frozenset("""week weekend day days year years month months morning afternoon evening
night time moment past future present world public media internet press end beginning start
rest same first second third last latter former most majority number others other region
country nation state city capital""".split())


def unexplained_description(sentence: str, topic: str = "") -> bool:
    """Whether some "the ..." of lower-case words in the sentence refers to something it does
    not name: not qualified after it, not an institution or an understood word, not a
    superlative or ordinal, and its head not named earlier in the sentence or in `topic`."""
    words = _TOKEN.findall(sentence)
    known = {w.lower()[:5] for w in _TOKEN.findall(topic)}
    for k, word in enumerate(words[:OPENING_WORDS]):
        if not (word.lower().rstrip(",;:.") == "the" or _DAY_POSSESSIVE.fullmatch(word)) or word[-1] in ",;:.":
            continue
        phrase, end = [], k + 1
        while end < len(words) and len(phrase) < 4:
            w = words[end]
            bare = w.rstrip(",;:.!?”\"’)")
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", bare) or bare in _NOT_HEAD or bare.endswith("ed"):
                break
            phrase.append(bare)
            end += 1
            if bare != w:  # punctuation closes the phrase
                break
        if not phrase:
            continue
        head = phrase[-1]
        closed = not words[end - 1][-1].isalnum()
        after = words[end] if end < len(words) and not closed else ""
        then = words[end + 1:end + 3]  # "at a mosque", "in Quebec", "north of Fjordal"
        earlier = {w.lower()[:5] for w in words[:k]}
        if after[:1].isupper() or after.lower() in _QUALIFIED \
                or (after in _PREPOSITIONS and not set(phrase) & _PRESUPPOSING
                    and (then[:1] in (["a"], ["an"]) or any(w[:1].isupper() for w in then))) \
                or head in INSTITUTIONS or head in _UNDERSTOOD or head.isdigit() \
                or any(p.endswith("est") or p in _UNDERSTOOD for p in phrase[:-1]) \
                or head[:5] in earlier or head[:5] in known \
                or (head in _KINDS and any(w[:1].isupper() for w in words[:k])):
            continue
        return True
    return False
