"""Stage 3: split an article into sentences that are exact slices of its cleaned text.

syntok splits offline (no model download) and reports each token's offset into the
string it was given, so a sentence is `text[first.offset : last.offset + len(last.value)]`
— never rebuilt from tokens, which could alter the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from briefing.options import Limits, describe
from briefing.models import Article, Document, Sentence
from briefing.text.sentences import split_spans

# A paragraph ends at a blank line, or where the next line is indented (two spaces or a tab):
# newswire and typewritten copy mark paragraphs that way, with no blank line between them,
# and a sentence never runs on across such a break.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=(?: {2,}|\t)[ \t]*\S)[ \t]*")


def segment(article: Article, limits: Limits = Limits()) -> Document:
    """Split the article into sentences, each tagged with its paragraph and subheading.

    Within the limits (briefing/options.py): a "sentence" longer than `max_sentence_chars`
    is not one and is left out; after `max_sentences` sentences the rest of the article is.
    Each is said in the article's notes.
    """
    heading_offsets = [h.offset for h in article.headings]
    sentences = []
    too_long = 0
    capped = False
    for paragraph, (start, end) in enumerate(_paragraphs(article.text)):
        for s, e in split_spans(article.text[start:end]):
            if e - s > limits.max_sentence_chars:
                too_long += 1
                continue
            if len(sentences) == limits.max_sentences:
                capped = True
                break
            at = bisect.bisect_right(heading_offsets, start + s) - 1
            sentences.append(Sentence(
                source_id=article.source.id, index=len(sentences), start=start + s, end=start + e,
                text=article.text[start + s:start + e],
                heading=article.headings[at].text if at >= 0 else None, paragraph=paragraph))
        if capped:
            break
    notes = []
    if too_long:
        notes.append(f"has {too_long} \"sentence{'s' if too_long > 1 else ''}\" over "
                     f"{describe('max_sentence_chars', limits)}, left out"
                     + ("; nothing of it is in the brief" if not sentences else ""))
    if capped:
        notes.append(f"has more sentences than {describe('max_sentences', limits)}; only the first "
                     f"{limits.max_sentences:,} are read")
    if notes:
        article = replace(article, notes=article.notes + tuple(notes))
    return Document(article=article, sentences=tuple(sentences))


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)

