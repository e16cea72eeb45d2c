"""Sentences that are no statement a brief can show, whatever comes before them: a question,
an interview "Q."/"A." piece or a speaker's label, a photo caption or credit, a page's label
run into the text, a teaser cut off, a line with no sentence ending, a fragment, a list
item, wire debris (typesetting codes, broken fraction codes, slideshow and link furniture).
Judged by shape (text/standalone.py asks this first).
"""

from __future__ import annotations

import re
from functools import lru_cache

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
                           r"contributed to this report|[Cc]ontributing to this report", re.I)),
    # a page's label run into the text: "NBC News Exclusive: ...", "Analysis The confusion ..."
    ("label", re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,4}(?:Exclusive|Analysis|Update|Watch|Video|Live|Breaking|"
                         r"Opinion|Editor['’]s [Nn]ote)(?::|\s+(?=(?:The|A|An)\s))")),
    ("cut off", re.compile(r"(?:\.\.\.|…)[\"'”’)]*\s*$")),
    ("no sentence ending", re.compile(r"[^.!?\"'”’)\]…]\s*$")),
    ("fragment", re.compile(r"^[\W_]*[a-z]")),
    ("list item", re.compile(r"^\W*\d{1,2}\s+" + _MONTHS + r"\s+\d{4}\s*[-–—:]")),
    ("wire debris", re.compile(r"&[A-Za-z]{1,8};|\((?:begin|end)\s[a-z ]{1,20}\)|\d[\]|}{\\]|»|"
                               r"\bautoplay\b|https?://|www\.|@\w+\)|\bpic\.twitter|\bslide\s?show\b|\bview (?:gallery|photos)\b",
                               re.I)),
    # the day a photo was taken, in full: news prose says "on Saturday", a caption "Saturday, Oct. 27, 2018"
    ("caption", re.compile(_WEEKDAYS + r",\s+" + _MONTHS + r"\s+\d{1,2},\s+\d{4}\b")),
    ("capitals", re.compile(r"^\W*(?:[A-Z]{2,}[\s,-]+){3}")),
)


@lru_cache(maxsize=1 << 16)  # asked of each sentence by several stages; a week holds 50,000
def unfit(sentence: str) -> str:
    """Why the sentence is no statement a brief can show ("" when it is one)."""
    for reason, shape in _SHAPES:
        if shape.search(sentence):
            return reason
    return ""
