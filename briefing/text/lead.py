"""Whether a sentence can lead: open a brief's key points, or stand for its story on the
weekly front page.

A lead is read first and alone, so it must stand alone (text/standalone.alone: no pointing
back, no half quotation, no question, caption, interview piece or wire debris). On top of
that, a lead
- is long enough to say who did what (MIN_WORDS, the summary's shortest candidate too);
- does not open with a quotation, nor is it mostly a quotation with nobody named outside it
  (text/roles.is_bare_quote): a lead says what happened, and who says so;
- on the front page, where a story has one sentence, is short enough to take in at a glance
  (MAX_WORDS); a key point may be a claim shown with the sentence it depends on.
"""

from __future__ import annotations

from briefing.text.roles import is_bare_quote
from briefing.text.standalone import alone

MIN_WORDS = 8
MAX_WORDS = 60


def can_lead(text: str, topic: str = "") -> bool:
    """True when the text can be read first and alone as what happened (`topic`: the headline
    of its article, which names what a definite description like "The ferry" refers to)."""
    text = " ".join(text.split())
    return len(text.split()) >= MIN_WORDS and not is_bare_quote(text) and not alone(text, topic)


def leads_front_page(text: str, topic: str = "") -> bool:
    """True when the sentence can stand for its story on a front page (see the docstring)."""
    return len(text.split()) <= MAX_WORDS and can_lead(text, topic)
