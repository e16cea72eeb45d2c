"""Which sentences a short summary may show: each line is read alone, without the article
around it, so it must be a whole statement that names what it talks about.

The brief's own rule decides (text/standalone.alone, the one home of "does this stand
alone"): no statement at all (text/unfit.py: questions, interview pieces and speakers'
labels, captions, cut-off teasers, lines with no sentence ending, wire debris), half a
quotation, or a line that points back: a pronoun, demonstrative or connective opening it
("He said ...", "This was ...", "But the ...", "Neither ..."; not the "it" of "It is unclear
whether ...", nor the speaker's own "we" opening a quotation that names its speaker), or a
quotation attributed to a pronoun ('"We are ready," she said.') or to nobody. A summary line
cannot be shown joined to the sentence before it, as a brief's claim can.

Its definite descriptions are left out (`descriptions=False`): "The forecast ..." or '"...,"
the general said' need the article around them to be told from a lead, and leads are what a
summary wants. With them the 30 multinews test clusters fell from ROUGE-2 10.09 to 8.99, and
the bare title alone ("the general said") cost the 57 clusters 0.5 (9.56 -> 9.07).
Page furniture (a bracketed aside, a quoted reply "> More: ...", a table cell "| AP Photo
...", a line cleaning would call page debris by data/debris.toml) is the brief's too: unfit.py.

The same test gives each sentence its place among its article's readable sentences
(multidoc.py): the lead of an article is its first sentence that can stand alone, not the
caption above it.
"""

from __future__ import annotations

from briefing.text.standalone import alone


def stands_alone(text: str) -> bool:
    """Whether a summary may show `text` by itself (see the module's docstring)."""
    return not alone(text.strip(), descriptions=False)
