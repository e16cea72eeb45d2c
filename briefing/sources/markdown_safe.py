"""Markdown to HTML in time that grows with the text, not with its square.

Python-Markdown's inline processing splices the paragraph once per markup character it
matches, so a paragraph dense with them takes time that grows with their number squared:
measured, 2,000 '[' in one paragraph take 2.9 s, 5,000 take 14 s, and 20,000 '![' took
468 s. A news paragraph has a handful of them (a few links, some emphasis). A paragraph with
more than MAX_INLINE_MARKS is therefore not given to Markdown at all: it is set aside, and
put back afterwards as a paragraph of literal text (its characters escaped), which is all
that reading an article needs of it.
"""

from __future__ import annotations

import html
import re

# Characters Markdown's inline patterns start from. 300 in one paragraph take about 0.1 s
# at worst ('![' pairs); the densest real paragraph in the test data has under 40.
MAX_INLINE_MARKS = 300
_MARKS = re.compile(r"[\[\]!*_`<&\\]")
_PARAGRAPHS = re.compile(r"(\n[ \t]*\n)")


def to_html(text: str) -> str:
    import markdown

    parts = _PARAGRAPHS.split(text)
    literal: dict[str, str] = {}
    for i in range(0, len(parts), 2):  # the even parts are paragraphs, the odd ones blank lines
        if len(_MARKS.findall(parts[i])) > MAX_INLINE_MARKS:
            key = f"briefingliteral{len(literal)}x"
            literal[key] = parts[i]
            parts[i] = key
    out = markdown.markdown("".join(parts))
    for key, paragraph in literal.items():
        out = out.replace(f"<p>{key}</p>", f"<p>{html.escape(' '.join(paragraph.split()))}</p>", 1)
    return out
