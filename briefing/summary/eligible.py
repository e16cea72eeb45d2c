"""Which sentences a short summary may show: each is read alone, without the article around
it, so it must be a whole statement that names what it talks about.

A sentence is left out of a summary when
- it does not end as a statement ends (. or !, possibly inside closing quotes): a headline,
  a caption or a teaser the page glued to the text, a question, a line cut off with "...";
- it holds half a quotation (quotation marks that do not pair up: the splitter cut inside
  the quote), or opens as a transcript or page furniture does ("SANGER: ...", "(...",
  "> More: ...", "| AP Photo ...");
- it opens by pointing back to what came before: a pronoun, a demonstrative or a connective
  ("He said ...", "This was ...", "But the ...", "Neither ...") — unless it is the "it" of
  "It is unclear whether ...", which stands for nothing;
- it quotes someone named only by a pronoun ('"We are ready," she said.'), or nobody (a
  quotation and nothing else);
- it is a photo caption: news captions end on the picture's full date ("..., Monday, Feb. 5,
  2018."), which reporting never spells out for the day it reports;
- cleaning would call it page debris as a line of its own (data/debris.toml: captions,
  credits, calls to sign up).

The rules go by the shape of the sentence, not by any one site's strings. The same test
gives each sentence its place among its article's readable sentences (multidoc.py): the
lead of an article is its first sentence that can stand alone, not the caption above it.
"""

from __future__ import annotations

import re

from briefing.sources.clean import is_debris

# A statement ends with a full stop or an exclamation mark, possibly inside quotes/brackets.
_STATEMENT_END = re.compile(r"[.!][\"'”’)\]]*\s*$")
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
_CAPTION_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},"
    r"\s+(?:19|20)\d\d\b")


_CUT_OFF = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*\s*$")
# A speaker's label in a transcript ("SANGER:", "Q."), a bracketed aside, a quoted reply (">");
# not the agency that opens a wire lead ("(CNN) The ...").
_FURNITURE_START = re.compile(r"^(?:[A-Z][A-Z.'’ -]{1,30}:|Q\.|A\.|\[|>|\||\((?![A-Z][\w.&' -]{1,25}\)\s+(?:[-–—_]+\s+)?[A-Z]))")


def stands_alone(text: str) -> bool:
    """Whether a summary may show `text` by itself (see the module's docstring)."""
    text = text.strip()
    if not _STATEMENT_END.search(text) or _CUT_OFF.search(text) or "?" in text:
        return False
    if _FURNITURE_START.match(text) or not _quotes_pair_up(text) or _BARE_QUOTE.match(text):
        return False
    if _OPENER.match(text) and not _DUMMY_IT.match(text):
        return False
    return not (_PRONOUN_SAID.search(text) or _CAPTION_DATE.search(text) or is_debris(text))


def _quotes_pair_up(text: str) -> bool:
    """Curly quotation marks open and close as often, straight ones come in pairs."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0
