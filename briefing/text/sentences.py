"""Sentences of a text: the splitter every stage and the summary use (syntok, offline, exact
offsets), the tokenizer sumy is given, and what a sentence leans on."""

from __future__ import annotations

import re

def split_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of `text`."""
    from syntok import segmenter

    # syntok does not know the newswire closing quote '' and runs two sentences together
    # across "home.'' Then"; it is shown a copy with a plain quote in its place (same length,
    # so every offset holds for the original) and the sentence then takes in both marks.
    probe = text.replace("''", '" ')
    spans = []
    for paragraph in segmenter.analyze(probe):
        for sentence in paragraph:
            if sentence:
                first, last = sentence[0], sentence[-1]
                start, end = first.offset, last.offset + len(last.value)
                if _DATELINE_ALONE.fullmatch(text, start, end):
                    continue  # "MOSCOW (AP)" cut off by the splitter: a dateline, not a sentence
                dateline = _DATELINE.match(text, start, end)
                if dateline and dateline.end() < end:
                    start = dateline.end()  # the sentence proper starts after "MOSCOW (AP) — "
                glued = HEADLINE_GLUED.match(text, start, end)
                if glued and glued.end() < end:
                    start = glued.end()  # a page's headline run into the sentence: it starts after
                if text.startswith("''", end - 1):  # the copy's '"' ends the sentence: take "''"
                    end += 1
                if spans and (text[spans[-1][1] - 1] in _NOT_AN_END or _continued(text, spans[-1][1], start)):
                    start = spans.pop()[0]  # syntok cut "Party; ``erkin'' means" or "Lt. Gen.": one sentence
                spans.append((start, end))
    return spans


# syntok ends a sentence at a semicolon or comma that a quotation follows; no sentence ends so.
_NOT_AN_END = frozenset(";,")


# Abbreviations that syntok takes for a sentence's end when a name or a number follows them:
# titles before a name ("Gov. Jerry Brown", "Lt. Gen. Ivan Petrov", "Rt. Hon. Jane Roe"), a
# month before a day ("Oct. 27-28", "AUG. 13"), "No." before a number (syntok itself keeps
# initials: "George W. Bush"). A sentence never ends after one when what follows continues it.
_TITLE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘`]))(?:Gov|Govs|Lt|Gen|Gens|Sgt|Maj|Col|Capt|Cmdr|Cmdt|Adm|Brig|Cpl|Pvt|Pfc|"
    r"Lieut|Sen|Sens|Rep|Reps|Rt|Hon|Rev|Msgr|Fr|Supt|Insp|Det|Atty|Amb|Pres|Gov-Gen|Mr|Mrs|Ms|"
    r"Messrs|Mmes|Dr|Drs|Prof|St|Ste|Mt|Ft)\.$")
_MONTH = re.compile(r"(?:^|(?<=[\s(]))(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$", re.I)
_NUMBER_SIGN = re.compile(r"(?:^|(?<=[\s(]))(?:No|Nos|Art|Sec|Vol|Ch|Pt)\.$")


def _continued(text: str, end: int, start: int) -> bool:
    """Whether the sentence ending at `end` runs on into the one at `start`: it ends with an
    abbreviation that what follows continues (a name after a title, a day after a month, a number after "No.")."""
    if not text[end:start].isspace() or "\n\n" in text[end:start]:
        return False
    tail, following = text[max(0, end - 12):end], text[start:start + 2]
    if _MONTH.search(tail) or _NUMBER_SIGN.search(tail):
        return following[:1].isdigit()
    if _TITLE.search(tail):
        return following[:1].isupper() and following[1:2].isalpha()
    return False


# A wire dateline before a story's first sentence ("WASHINGTON (AP) _ ", "NEW YORK, Oct. 5
# (Reuters) - ", "MOSCOW — ", "TASHGAR, Karvenia (AP) _ ", "MANILA, Nov. 14 (Xinhua) -- "), or the dash left when the splitter cut the place off: the
# sentence is the text after it, still an exact slice of the article.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?)?"
    r"(?:_|--|—|–|-)\s+(?=[A-Z“\"‘'`])")
# A headline run into the sentence that follows it ("All Signs Point to a Tight Race: Those
# watching ..."): words in title case, a colon.
HEADLINE_GLUED = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:a|an|the|of|to|in|on|for|and)\s+){0,2}){2,8}[A-Z][\w'’-]*:\s+")
# A dateline the splitter cut off whole: a place in capitals and the agency in brackets.
_DATELINE_ALONE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.]*)*\s*\([^()\n]{1,40}\)")


class SumyTokenizer:
    """The tokenizer sumy asks for, built on syntok, so sumy never needs NLTK's punkt data."""

    language = "english"
    _WORD = re.compile(r"\w+(?:[-'’]\w+)*")

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(text[s:e] for s, e in split_spans(text))

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(text))
