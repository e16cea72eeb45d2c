"""References inside a sentence that only what came before can resolve (the one stand-alone
rule, text/standalone.py, asks these after its rules for how a sentence opens):

- "he", "she", "him", "her" or "his" with no one named or described before it in the
  sentence ("The search for her body continues.", "After firing him, Trump said ...",
  "Joining his firm is ..."); "they" and "their" are left alone, since a plural noun of the
  sentence itself so often carries them ("officials said they");
- a demonstrative after a preposition ("on that scale", "at that reactor's pool", "in these
  talks"): a determiner there, which points at something named before; not the time of
  writing ("this week", "at this point");
- "The" and a nationality before a common noun ("The Danish inventor has been charged",
  "The German wrote"): a description of someone named before, as "The inventor" is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# A quotation inside one sentence: the sentence is read without what a speaker is quoted saying
# (text/standalone.py reads it so too).
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’|``.*?''")
_SINGULAR = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z’'-]+")
# People a sentence may describe before its pronoun refers to them ("the woman ... her").
_PERSON_NOUNS = frozenset("""man woman boy girl child mother father son daughter wife husband brother
sister suspect victim gunman shooter teenager student lawyer pilot driver worker resident patient
soldier officer reporter journalist candidate nominee author owner chief""".split())
_WORD = re.compile(r"[a-z]+")
_DEMONSTRATIVE = re.compile(r"\b(?:on|at|in|of|for|from|with|by|to|into|about|under|over|behind|inside)\s+"
                            r"(?:that|this|these|those)\s+([a-z]+)", re.I)
# A demonstrative subject after a fronted clause of any length ("Given that fires are rarer
# ..., this did not seem a good use of time", "If true, this is ..."): what it stands for was
# said before.
_FRONTED_DEMONSTRATIVE = re.compile(r",\s+(?:this|that|these|those)\s+(?:is|was|were|are|did|does|do|has|have|had|"
                                    r"will|would|could|can|may|might|should|seems|seemed|means|meant|makes|made)\b")
_WRITING_TIME = frozenset("""week weekend month year morning afternoon evening night time moment point
stage season""".split())
_DESCRIBED = frozenset("who whom whose which that with in on at from of for".split())
_NATIONALITY_THE = re.compile(r"[\W_]*[Tt]he\s+([A-Z][a-z]+)\s+(?=[a-z])")
# ... and the place words of an epithet for someone named before ("The Vermont senator", "The
# Evanston, Ill-based university"): not a name after it ("The Texas senator Ted Cruz"), its
# own qualification ("The Ohio senator in charge of ...") or a possessive; not an abbreviation
# ("The U.K. leader" is the one office).
_PLACE_EPITHET = re.compile(r"[\W_]*[Tt]he\s+((?:[A-Z][a-z][\w-]*,?\s+){1,3})(?:[a-z][a-z-]*\s+){0,2}?([a-z]+)\b"
                            r"(?![’'])(?!,?\s+[A-Z])(?!\s+(?:of|in|for|from|at|who|whose|whom|with)\b)")
_EPITHET_NOUNS = _PERSON_NOUNS | frozenset("""senator congressman congresswoman lawmaker governor mayor
minister president leader official politician democrat republican university college company firm
school""".split())


def unresolved(sentence: str, titles: Collection[str] = ()) -> bool:
    """Whether the sentence refers, in its own words, to something only a sentence before it
    names (see the module's docstring); `titles`: title words that describe a person too
    ("the minister ... her")."""
    text = QUOTED.sub(" ", sentence)
    pronoun = _SINGULAR.search(text)
    if pronoun and pronoun.start() > 0:
        before = text[:pronoun.start()]
        words = set(_WORD.findall(before.lower()))
        described = words & _PERSON_NOUNS or words & set(titles)
        if not _NAME.search(before) and not described:
            return True
    return points_by_demonstrative(sentence)


def fronted_demonstrative(sentence: str) -> bool:
    """Whether, outside its quotations, the sentence's main clause has a demonstrative for its
    subject after a clause put before it ("If true, this is ...")."""
    return bool(_FRONTED_DEMONSTRATIVE.search(QUOTED.sub(" ", sentence)))


def points_by_demonstrative(sentence: str) -> bool:
    """Whether the sentence, outside its quotations, names something by a demonstrative after a
    preposition ("at that reactor's pool", "on that day"): only what came before says which."""
    m = _DEMONSTRATIVE.search(QUOTED.sub(" ", sentence))
    word = m.group(1).lower() if m else ""
    # "those stranded on the border", "those wrongly convicted", "those who ...": the
    # demonstrative heads a description the sentence itself gives; "this week": the time of writing
    return bool(m) and word not in _WRITING_TIME and word not in _DESCRIBED and not word.endswith(("ed", "ing", "ly"))


def without_nationality(sentence: str, nationality: Callable[[str], bool]) -> str:
    """The sentence with the nationality (`nationality` tells one: "Danish", "Korean") of an
    opening "The Danish inventor" left out, so that the description is read as "The
    inventor" is."""
    m = _NATIONALITY_THE.match(sentence)
    if m and (nationality(m.group(1)) or m.group(1).endswith(("an", "ian"))):
        return sentence[:m.start(1)] + sentence[m.end():]
    m = _PLACE_EPITHET.match(sentence)
    if m and m.group(2) in _EPITHET_NOUNS:  # "The Vermont senator", "The Evanston, Ill-based university"
        return sentence[:m.start(1)] + sentence[m.end(1):]
    return sentence
