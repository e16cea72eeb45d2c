"""Whether a sentence says something on its own, shown alone as a story's lead.

A front page shows one sentence per story, without the sentences around it. It must not
be a question ("Where is the president?"), a fragment of a quotation, or a sentence that
opens by pointing back at what came before ("He said ...", "The move ...", "Neither claim
...", "But this ..."), and it must be long enough to say who did what.
"""

from __future__ import annotations

import re

MIN_WORDS = 8
MAX_WORDS = 60
# Openings that point back at the sentence before: pronouns, connectives, and a
# demonstrative or "the" with a noun that names something already told ("the move").
_POINTS_BACK = re.compile(
    r"^[\W_]*(?:he|she|they|it|we|i|you|this|these|those|that|such|his|her|their|its|our|my|"
    r"there|here|but|and|or|so|yet|also|still|however|meanwhile|instead|moreover|then|thus|"
    r"hence|besides|otherwise|nevertheless|nonetheless|likewise|similarly|both|neither|either|"
    r"none|another|other|others|each|later|earlier|next|now|again|too|as\s+well|in\s+addition|"
    r"in\s+turn|by\s+contrast|at\s+the\s+same\s+time|for\s+(?:his|her|their|its)\s+part|"
    r"the\s+(?:move|decision|step|announcement|statement|claim|claims|comments?|remarks?|report|"
    r"reports|news|incident|attack|plan|deal|measure|development|letter|case|effort|change|"
    r"same|latter|former|two|three|man|woman|men|women|company|group|official|spokesman|"
    r"spokeswoman|agency|move's|idea|proposal|request|question|answer|issue|problem|situation))\b",
    re.I)
# Pointing back later in the opening: "Officials also said", "this latest controversy",
# "the other two reactors".
_BACK_EARLY = re.compile(r"^(?:\S+\s+){0,3}also\b|\b(?:this|these|that|those)\s+(?:latest|new|recent|same)\b|"
                         r"\bthe\s+other\s+(?:one|two|three|four|five|several)\b", re.I)
# A headline glued to the sentence ("All Signs Point to a Tight Race: Those watching ...").
_HEADLINE_COLON = re.compile(r"^(?:[A-Z][\w'’-]*\s+(?:(?:a|an|the|of|to|in|on|for|and)\s+){0,2}){2,8}[A-Z][\w'’-]*:\s")
# A sentence cut at an abbreviation ("... voted no: Sens.").
_CUT_AT_TITLE = re.compile(r"\b(?:Sens?|Reps?|Gov|Govs|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Prof|St)\.$")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|us|our|Our|my|My)\b")
_QUOTES = "\"“”«»"


def stands_alone(text: str) -> bool:
    """True when the sentence can be read alone as what happened."""
    s = " ".join(text.split())
    words = s.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if s.endswith(("?", ":", ",", ";")) or "?" in s[-3:]:
        return False
    if not (s[0].isupper() or s[0] == "(" or s[0].isdigit()):
        return False
    if _POINTS_BACK.match(s) or _BACK_EARLY.search(" ".join(words[:12])) or _HEADLINE_COLON.match(s) \
            or _CUT_AT_TITLE.search(s):
        return False
    if s[0] in _QUOTES + "'‘’" or _open_quote(s):
        return False
    unquoted = re.sub(r"[\"“][^\"”]*[\"”]", "", s)
    if _FIRST_PERSON.search(unquoted):  # the writer speaking, or a quotation cut loose
        return False
    return True


def _open_quote(s: str) -> bool:
    """A quotation opened and not closed (or closed and not opened): a fragment."""
    straight = s.count('"')
    return straight % 2 == 1 or s.count("“") != s.count("”")
