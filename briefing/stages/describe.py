"""A short descriptor for each source in the endnotes: news report, official statement, analysis.

Inferred from what the source says about itself (its address, publisher, title and opening)
and from how it writes: analysis argues (it weighs, concludes and prescribes), a news report
relates. A `descriptor:` in the article's front matter always wins.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.models import Article

NEWS, STATEMENT, ANALYSIS = "news report", "official statement", "analysis"

_OFFICIAL_URL = re.compile(r"^https?://(?:[\w-]+\.)*(?:gov|mil|int|gouv\.\w+|gov\.\w+|gc\.ca|europa\.eu|un\.org)(?:[/:]|$)", re.I)
_OFFICIAL_NAME = re.compile(r"\b(?:ministry|department of|government|embassy|white house|office of|"
                            r"mission to|state department|prime minister's office|presidential office)\b", re.I)
_OFFICIAL_OPENING = re.compile(r"^\s*(?:joint statement|press release|statement (?:by|from|of|on)|readout|"
                               r"communiqu[eé]|the following is an editorial reflecting the views of)", re.I)
_ANALYSIS_LABEL = re.compile(r"\b(?:analysis|opinion|commentary|op-ed|perspective|explainer|editorial|"
                             r"viewpoint|column)\b", re.I)
# A byline affiliation of this kind marks a researcher's piece, not a reporter's.
_RESEARCHER = re.compile(r"\b(?:research\w*|fellow|professor|analyst|institute|think tank|university|"
                         r"centre|center for|lecturer|scholar)\b", re.I)
_ARGUING = re.compile(r"\b(?:in conclusion|to conclude|it is (?:crucial|essential|important|imperative|vital)|"
                      r"must|should|remains to be seen|arguably|in my view|we believe|i believe|"
                      r"underscores|highlights the need)\b", re.I)
# Share of sentences that argue at or above which a piece is analysis. A judgement, not fitted
# to a labelled set: on the bundled example the two reports have 0 of 18 and 0 of 15 such
# sentences, the piece that weighs and prescribes ("it is crucial", "must", "In conclusion")
# 6 of 22 (27%); a report that quotes a call to act or two stays well under 15%.
ARGUING_SHARE = 0.15


def descriptor(article: Article, sentences: list[str]) -> str:
    source = article.source
    if source.descriptor:
        return source.descriptor
    if (source.url and _OFFICIAL_URL.match(source.url)) or _OFFICIAL_NAME.search(source.publisher or "") \
            or _OFFICIAL_OPENING.match(article.text[:200]):
        return STATEMENT
    label = " ".join(filter(None, (source.title, source.url, source.publisher)))
    if _ANALYSIS_LABEL.search(label) or any(_RESEARCHER.search(line) for line in article.removed):
        return ANALYSIS
    arguing = sum(1 for s in sentences if _ARGUING.search(s))
    if sentences and arguing / len(sentences) >= ARGUING_SHARE:
        return ANALYSIS
    return NEWS


def describe(article: Article, sentences: list[str]) -> Article:
    """The article with its source's descriptor filled in."""
    return replace(article, source=replace(article.source, descriptor=descriptor(article, sentences)))
