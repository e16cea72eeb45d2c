"""Which sentences a short summary may show: each line is read alone, without the article
around it, so it must be a whole statement that names what it talks about.

The brief's shape test decides what is no statement at all (text/unfit.py: questions,
interview pieces and speakers' labels, captions, cut-off teasers, lines with no sentence
ending, wire debris). A summary line cannot be shown joined to the sentence before it, as a
brief's claim can (text/standalone.py), so a line is also left out when
- it opens by pointing back: a pronoun, a demonstrative or a connective ("He said ...",
  "This was ...", "But the ...", "Neither ..."), unless it is the "it" of "It is unclear
  whether ...", or the speaker's own "we" inside a quotation that names its speaker;
- it quotes someone named only by a pronoun ('"We are ready," she said.'), or nobody.
It does not use standalone.points_back, whose definite descriptions ("The forecast ...")
need the article around them to be told from a lead: leads are what a summary wants, and
with points_back the 30 multinews test clusters fell from ROUGE-2 10.09 to 8.99 (its
opener rules alone, which also take '"We will ...," Mayor Ruiz said' for pointing back:
9.39). Besides, a line is left out when
- its quotation marks do not pair up: the splitter cut inside a quotation;
- it opens as page furniture does: a bracketed aside, a quoted reply ("> More: ..."), a
  table cell ("| AP Photo ..."); not the agency that opens a wire lead ("(CNN) The ...");
- cleaning would call it page debris as a line of its own (data/debris.toml).

The same test gives each sentence its place among its article's readable sentences
(multidoc.py): the lead of an article is its first sentence that can stand alone, not the
caption above it.
"""

from __future__ import annotations

import re

from briefing.sources.clean import is_debris
from briefing.text.unfit import unfit

# (inside a quotation the speaker's "we" or "it" is the speaker's: the attribution names them)
_OPENER = re.compile(
    r"[^\w\"“‘'`]*(?:he|she|it|they|we|i|you|him|them|us|his|her|its|their|our|my|your|this|that|"
    r"these|those|such|both|neither|either|another|others|but|and|or|nor|so|yet|still|however|"
    r"also|instead|meanwhile|then|now|there|here|thus|hence|therefore|moreover|indeed|again|later|"
    r"finally)"
    r"(?![\w-])", re.I)
_DUMMY_IT = re.compile(
    r"[\W_]*it(?:['’]s|\s+(?:is|was|remains|seems|appears|has been|had been|would be|will be|"
    r"may be|could be))\s+(?:not\s+|still\s+|also\s+)?(?:un)?(?:clear|likely|possible|expected|"
    r"known|certain|believed|thought|understood|estimated|reported|feared|alleged|too early)\b",
    re.I)
_REPORTING = (r"(?:said|says|added|adds|told|tells|wrote|writes|noted|explained|insisted|warned|"
              r"continued|asked|argued|argues|stated|replied|responded|recalled|claimed|stressed)")
_PRONOUN_SAID = re.compile(
    r"[,;:“”\"—–]\s*(?:(?:he|she|they|it|we|i)\s+(?:" + _REPORTING + r"|[a-z]+ed)|" + _REPORTING
    + r"\s+(?:he|she|they))\b", re.I)
# A quotation and nothing else: nobody is named as its speaker.
_BARE_QUOTE = re.compile(r"^[\"“][^\"“”]*[\"”]$")
_FURNITURE_START = re.compile(r"^(?:\[|>|\||\((?![A-Z][\w.&' -]{1,25}\)\s+(?:[-–—_]+\s+)?[A-Z]))")


def stands_alone(text: str) -> bool:
    """Whether a summary may show `text` by itself (see the module's docstring)."""
    text = text.strip()
    if _OPENER.match(text) and not _DUMMY_IT.match(text):
        return False
    return not (unfit(text) or _PRONOUN_SAID.search(text) or _BARE_QUOTE.match(text)
                or not _quotes_pair_up(text) or _FURNITURE_START.match(text) or is_debris(text))


def _quotes_pair_up(text: str) -> bool:
    """Curly quotation marks open and close as often, straight ones come in pairs."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0
