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
                if text.startswith("''", end - 1):  # the copy's '"' ends the sentence: take "''"
                    end += 1
                if spans and text[spans[-1][1] - 1] in _NOT_AN_END:
                    start = spans.pop()[0]  # syntok cut "Party; ``erkin'' means": one sentence
                spans.append((start, end))
    return spans


# syntok ends a sentence at a semicolon or comma that a quotation follows; no sentence ends so.
_NOT_AN_END = frozenset(";,")


# A wire dateline before a story's first sentence ("WASHINGTON (AP) _ ", "NEW YORK, Oct. 5
# (Reuters) - ", "MOSCOW — ", "TASHGAR, Karvenia (AP) _ ", "MANILA, Nov. 14 (Xinhua) -- "), or the dash left when the splitter cut the place off: the
# sentence is the text after it, still an exact slice of the article.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?)?"
    r"(?:_|--|—|–|-)\s+(?=[A-Z“\"‘'`])")
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


_LEANING_STARTS = re.compile(r"^[\W]*(?:he|she|they|it|this|these|those|his|her|their|its)\b", re.I)


def leans_on_context(text: str) -> bool:
    """Whether a sentence opens with a pronoun that needs the sentence before it."""
    return bool(_LEANING_STARTS.match(text))
