"""The main clause of a sentence: what it asserts, without what it only mentions on the way.

Two sentences about one story often share a clause that neither is about: "X says it will
allow migrants through, opening a new route a day after Y sealed its border" and "The first
migrants reached X - opening a new route ..., a day after Y sealed its border" share the
participial tail and the "after" clause, not their claims. "Police sealed a crossing which had
been used by thousands" and "It has been used by thousands" share a relative clause. So the
claim of a sentence is read from its main clause, with these cut off (each up to the next
comma, dash or semicolon, or the end of the sentence):

- a relative clause: after "which", "who", "whom", "whose", "where", "what" after a preposition
  ("in what he called"), and "that" directly before a verb or auxiliary ("a route that had
  been used");
- an adverbial clause after a subordinating conjunction ("after", "since", "when", "because",
  "while", "although", "though", "before", "until", "whereas", "unless", and "as" after a comma);
- a participial tail: an -ing verb right after a comma or dash (", opening up a new route"), or
  an -ing verb with its object that modifies the noun before it ("a letter rejecting the
  appeals", not "a crossing point"), which ends at the next auxiliary as well ("rebels holding the town were killed" keeps "were killed");
- the reporting frame: "X said (that)" before the claim, and ", X said ..." after it.

The cut is a reading aid for comparing claims (text/predicate), not a parse: when it leaves no
verb, the caller falls back on the whole sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_STOP = re.compile(r"\s*(?:[,;:]|\s[-–—]\s|[–—])")
_RELATIVE = frozenset("which who whom whose where".split())
_SUBORDINATE = frozenset("after since when because while although though before until whereas unless".split())
_PREPOSITIONS = frozenset("in of on at by for with from to about into under over".split())
# Words before an -ing form that make it part of the verb phrase or a noun ("were fighting",
# "the killing", "by rejecting"), not a participle modifying the noun before it.
_NOT_MODIFIED = frozenset("""be is are was were been being am 's the a an his her its their our my
your this that these those of in on at by for with from to about into after before without while
when since not also still just then""".split())
# Words that open the object of a verb ("rejecting the appeals"), not a noun after a modifier
# ("a crossing point").
_OBJECT_START = frozenset("the a an his her its their this these those up out down off more all some".split())
_AUXILIARY = frozenset("is are was were has have had will would can could shall should may might must did does do".split())
_REPORTING = r"(?:said|says|told|tells|added|adds|reported|announced|stated|confirmed|according\s+to)"
_FRAME_AFTER = re.compile(rf"\s*,\s*(?:[\w.’'-]+\s+){{1,6}}?{_REPORTING}\b.*$", re.S)
_FRAME_BEFORE = re.compile(rf"^(?:[\w.’'-]+\s+){{1,8}}?(?:said|says|told\s+[\w.’'-]+|tells\s+[\w.’'-]+|"
                           r"announced|stated)(?:\s+on\s+\w+|\s+in\s+a\s+statement)?\s+(?:that\s+)?(?=\S)")


def _stop_after(text: str, at: int, auxiliary: bool = False) -> int:
    """Where a clause opened at `at` ends: the next comma, dash or semicolon (or auxiliary)."""
    m = _STOP.search(text, at)
    end = m.start() if m else len(text)
    for w in _WORD.finditer(text, at, end):  # a clause inside it is cut on its own
        if w.group(0) in _RELATIVE or w.group(0) in _SUBORDINATE or (auxiliary and w.group(0) in _AUXILIARY):
            return w.start()
    return end


def _is_ing_verb(word: str) -> bool:
    if not (word.islower() and word.endswith("ing") and len(word) > 5):
        return False
    from lemminflect import getAllLemmas  # its lexicon loads on first use, not at import

    return "VERB" in getAllLemmas(word, upos="VERB")


@lru_cache(maxsize=20_000)
def main_clause(text: str) -> str:
    """`text` without its relative, adverbial and participial clauses and its reporting frame."""
    text = _FRAME_AFTER.sub("", text.strip())
    text = _FRAME_BEFORE.sub("", text, count=1)
    cuts: list[tuple[int, int]] = []
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        if cuts and m.start() < cuts[-1][1]:
            continue
        word, before = m.group(0), (words[k - 1].group(0).lower() if k else "")
        after = words[k + 1].group(0).lower() if k + 1 < len(words) else ""
        lead = text[:m.start()].rstrip()
        after_comma = lead.endswith((",", " -", "–", "—"))  # not a hyphen ("High-ranking")
        start = None
        if k and word in _RELATIVE:
            start = m.start()
        elif word == "what" and before in _PREPOSITIONS:
            start = words[k - 1].start()
        elif word == "that" and (after in _AUXILIARY or _is_ing_verb(after) or after.endswith("ed")):
            start = m.start()
        elif k and (word in _SUBORDINATE or (word == "as" and after_comma)):
            start = m.start()
        elif k and _is_ing_verb(word) and (after_comma or (
                before not in _NOT_MODIFIED and before.islower() and after in _OBJECT_START)):
            cuts.append((m.start(), _stop_after(text, m.end(), auxiliary=not after_comma)))
            continue
        if start is not None:
            cuts.append((start, _stop_after(text, m.end())))
    if not cuts:
        return text
    kept, at = [], 0
    for s, e in cuts:
        kept.append(text[at:s])
        at = e
    kept.append(text[at:])
    return " ".join(" ".join(kept).split())
