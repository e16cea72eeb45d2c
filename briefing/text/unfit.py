"""Sentences that are no statement a brief can show, whatever comes before them: a question,
an interview "Q."/"A." piece or a speaker's label, a photo caption or credit, a page's label
run into the text, a teaser cut off, a line with no sentence ending, a fragment, a list
item, wire debris (typesetting codes, broken fraction codes, slideshow and link furniture),
a headline run into the sentence, a sentence cut at a title's abbreviation ("... Sen."), a
caption with no verb.
Judged by shape (text/standalone.py asks this first).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.text.debris import CREDIT, is_debris
from briefing.text.sentences import HEADLINE_GLUED

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_SHAPES: tuple[tuple[str, re.Pattern], ...] = (
    ("question", re.compile(r"\?[\"'”’)\]]*\s*$")),
    ("interview marker", re.compile(r"^\W*(?:[QA][.:]|[A-Z][A-Z'’-]{1,}(?:\s+[A-Z][A-Z'’-]+)?:)\s")),
    ("interview marker", re.compile(r"[.?!][\"'”’)]*\s+[QA]\.\s+[A-Z]")),
    # a photo caption: the scene, then the day it was taken ("... in Kyiv, Monday, July 21,
    # 2014.", "... in Paris April 22, 2015."); reporting says "on October 26, 2023."
    ("caption", re.compile(r"(?:,\s*" + _WEEKDAYS + r",?\s+|(?<!\bon)(?<!\bof)(?<!\bsince)(?<!\buntil)"
                           r"(?<!\bby)(?<!\bbefore)(?<!\bafter)(?<!\bfrom)(?<!\bto)(?<!\band)(?<!\bin)"
                           r"(?<!\bdated)(?<!\bthrough)\s+(?:" + _WEEKDAYS + r",?\s+)?)" + _MONTHS
                           + r"\s+\d{1,2},?\s+\d{4}\.{0,3}[\"'”’)]*\s*$")),
    ("caption", re.compile(r"\b(?:AP|AFP|Reuters|Getty|EPA)\s+Photo\b|\bPhoto(?:graph)?s?\s*(?:by|:|/)|"
                           r"\bImage (?:copyright|caption)\b|\(Associated Press\)|\(Courtesy\b|"
                           r"contributed (?:to this report|reporting|from)\b|[Cc]ontributing to this report", re.I)),
    # a page's label run into the text: "NBC News Exclusive: ...", "Analysis The confusion ..."
    ("label", re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,4}(?:Exclusive|Analysis|Update|Watch|Video|Live|Breaking|"
                         r"Opinion|Editor['’]s [Nn]ote)(?::|\s+(?=(?:The|A|An)\s))")),
    ("cut off", re.compile(r"(?:\.\.\.|…)[\"'”’)]*\s*$")),
    ("no sentence ending", re.compile(r"[^.!?\"'”’)\]…]\s*$")),
    ("fragment", re.compile(r"^[\W_]*[a-z]")),
    ("list item", re.compile(r"^\W*\d{1,2}\s+" + _MONTHS + r"\s+\d{4}\s*[-–—:]")),
    ("list item", re.compile(r"^\s*[-•*·]\S")),
    # a page's update note ("Updated 7:51 a.m. ET Dec. 14 with ...") or a live timeline's stamp
    # ("Afternoon: ...", "10:14am: ...")
    ("label", re.compile(r"^\W*(?:Updated|Update|Corrected|Correction)\b\s+(?:at\s+)?\d|"
                         r"^\W*(?:Morning|Afternoon|Evening|Night|Midnight|Noon|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))\s*:", re.I)),  # a page's bullet run into its item: "-An ill-conceived project ..."
    ("wire debris", re.compile(r"&[A-Za-z]{1,8};|\((?:begin|end)\s[a-z ]{1,20}\)|\d[\]|}{\\]|»|"
                               r"\bautoplay\b|https?://|www\.|@\w+\)|\bpic\.twitter|\bslide\s?show\b|\bview (?:gallery|photos)\b",
                               re.I)),
    # the day a photo was taken, in full: news prose says "on Saturday", a caption "Saturday, Oct. 27, 2018"
    ("caption", re.compile(_WEEKDAYS + r",\s+" + _MONTHS + r"\s+\d{1,2},\s+\d{4}\b")),
    ("capitals", re.compile(r"^\W*(?:[A-Z]{2,}[\s,-]+){3}")),
    # a headline glued to the sentence ("All Signs Point to a Tight Race: Those watching ...")
    ("headline", re.compile("^" + HEADLINE_GLUED.pattern)),  # segmentation cuts it off (text/sentences.py)
    # a photo or video caption by what it says of the picture: "X is seen in a posting", "This
    # screengrab ... shows", "Officials (left) talk", "Name talks at a building about ..."
    ("caption", re.compile(r"\b(?:is|are) (?:seen|shown|pictured)\b(?! as)|\bscreen ?grab\b|\bpictured\b|"
                           r"\((?:[^()]*,\s*)?(?:far\s+)?(?:left|right|center|centre|[LRC])\)|\(\d+(?:st|nd|rd|th)\s+row\b[^()]*\)|^[^,]{0,80}\b(?:speaks|talks|looks on|poses|gestures|"
                           r"waves|stands|walks|arrives|listens|sits|prays|pauses|smiles|reacts|anchors|kneels|"
                           r"mourns) (?:at|during|outside|after|from|inside)\b")),
    # the page talking to its reader or about its own layout: "Please include a contact number
    # ...", "Below is the full text ...", and a table or quote bar's "|" left at the start
    # ("Here's what you need to know:", "View all ... newsletters")
    ("reader note", re.compile(r"^[\W_]*(?:Please|Below|Above|Scroll|Click|Tap|Subscribe|Sign up|View all|"
                               r"Here['’]s|Here (?:is|are))\b|^\s*\|")),
    # a player's or a share bar's button run into the sentence after it ("CLOSE The agency ...")
    ("label", re.compile(r"^\W*(?:CLOSE|SHARE|EMBED|REPLAY|ADVERTISEMENT|ADVERTISING|RELATED|MORE)\s+(?=[A-Z][a-z])")),
    # a photo credit in brackets, the names and the outlet ("(Jane Roe / Daily Planet)")
    ("caption", CREDIT),
    # furniture before the text: an editor's link in brackets ("[Trump taps ...]"), a quote bar,
    # an aside in brackets (not an agency's credit: "(CNN) Hundreds of ..."), a photo counter
    # ("2/2 This is ..."), a player's duration ("Video (02:04) :")
    ("furniture", re.compile(r"^\s*(?:\[|>|\((?![A-Z][\w.&' -]{1,25}\)\s+(?:[-–—_]+\s+)?[A-Z])|\d{1,2}/\d{1,2}\s+(?=[A-Z]))|"
                             r"\(\d{1,2}:\d{2}\)")),
    # a sentence cut at a title's abbreviation, the name after it lost ("... voted no: Sens.")
    ("cut off", re.compile(r"\b(?:Sens?|Reps?|Gov|Govs|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Prof|Rt|Hon)\.[\"'”’)]*\s*$")),
)


# A word that can be a finite verb: an auxiliary or modal, a past in -ed or an irregular one, a
# present in -s after the first word. A sentence with none is a caption or a label ("Fake
# passports and documentation obtained in the raids." has "obtained"; "Following a U-2 spy
# plane preparing for takeoff at daybreak." has none): on the judged clusters all 143
# sentences without one were judged unable to stand alone.
_AUXILIARY = frozenset("""is are was were be been am has have had will would can could should may
might must do does did shall""".split())
IRREGULAR_PAST = frozenset("""went came made took gave told said met left held sent began became got put
set saw found kept ran won lost fell rose spoke wrote brought thought struck hit cut shot led fled
fought sought bought caught taught stood understood knew grew threw drew flew showed shown chose
broke spent lent built felt meant paid laid sold say""".split())
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def has_verb(sentence: str) -> bool:
    """Whether some word of the sentence can be its finite verb (see above)."""
    for k, word in enumerate(_WORD.findall(sentence)):
        if k and word == "May":
            continue  # a month or a name inside a sentence ("May 16, 2017", "Theresa May"), not "may"
        w = word.lower()
        if w in _AUXILIARY or w in IRREGULAR_PAST or w.endswith(("ed", "n't", "n’t", "'s", "’s", "'re", "’re")):
            return True
        if k and word[0].islower() and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return True
    return False


@lru_cache(maxsize=1 << 16)  # asked of each sentence by several stages; a week holds 50,000
def unfit(sentence: str) -> str:
    """Why the sentence is no statement a brief can show ("" when it is one)."""
    for reason, shape in _SHAPES:
        if shape.search(sentence):
            return reason
    if is_debris(sentence):  # site furniture run into a paragraph ("Email Sign Up By signing up ...")
        return "site furniture"
    return "" if has_verb(sentence) else "no verb"
