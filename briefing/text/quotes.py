"""Where quotations open and close across an article's sentences: a sentence that starts or
ends inside a quotation is half of it (text/standalone.py shows it with the rest, or not).
Straight quotes alternate; curly ones and the wire's ``...'' open and close."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.models import Sentence

_OPEN, _CLOSE, _STRAIGHT = "“«", "”»", '"'


def quote_states(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """For each sentence of one paragraph (spans into `text`, in order): whether it starts
    inside a quotation and whether it ends inside one. Straight quotes alternate; a paragraph
    starts outside any quotation."""
    states, inside = [], False
    at = spans[0][0] if spans else 0
    for start, end in spans:
        inside = _scan(text[at:start], inside)
        starts = inside
        inside = _scan(text[start:end], inside)
        states.append((starts, inside))
        at = end
    return states


_QUOTE_MARK = re.compile("[" + _OPEN + _CLOSE + _STRAIGHT + "]|``|''")


def _scan(text: str, inside: bool) -> bool:
    for m in _QUOTE_MARK.finditer(text):  # only the quotation marks, not every character
        mark = m.group()
        if mark in _OPEN or mark == "``":
            inside = True
        elif mark in _CLOSE or mark == "''":
            inside = False
        else:
            inside = not inside
    return inside



def pair_up(text: str) -> bool:
    """Whether the quotation marks of one text open and close as often (curly ones), or come
    in pairs (straight ones): a text where they do not is half a quotation."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


class States:
    """Quotation states of an article's sentences, worked out a paragraph at a time."""

    def __init__(self, sentences: Sequence[Sentence], text: str):
        self.sentences, self.text, self.known = sentences, text, {}

    def of(self, k: int) -> tuple[bool, bool]:
        if k not in self.known:
            paragraph = self.sentences[k].paragraph
            first, last = k, k  # a paragraph's sentences stand together
            while first > 0 and self.sentences[first - 1].paragraph == paragraph:
                first -= 1
            while last + 1 < len(self.sentences) and self.sentences[last + 1].paragraph == paragraph:
                last += 1
            states = quote_states(self.text, [(s.start, s.end) for s in self.sentences[first:last + 1]])
            self.known.update({first + n: state for n, state in enumerate(states)})
        return self.known[k]
