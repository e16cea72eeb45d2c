"""Who says a sentence: whether a quotation or a sentence is attributed to someone it names,
or only to a pronoun, which points back to a speaker named before (the one
stand-alone rule, text/standalone.py, reads these)."""

from __future__ import annotations

import re

NAME = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z][a-z’'-]+")
NOT_NAMES = frozenset("The A An In On At But And It This That He She They We For With From By As".split())
# A quotation, or a sentence, attributed only to a pronoun or a bare title:
# '"We told them ...," he said.', 'The plane was fine, he said.', '"...," the general said.',
# '"...," they observed,' (a verb in the past after a personal pronoun, ending the clause).
REPORTING = (r"(?:said|says|say|added|adds|told|tells|argued|argues|wrote|writes|noted|notes|claimed|stressed|"
              r"explained|insisted|warned|stated|continued|asked|replied|responded|recalled)")
PRONOUN_SAID = re.compile(
    r"[,;:“”\"—–]\s*(?:(?:he|she|they|it|we|i)\s+" + REPORTING
    + r"|(?:he|she|they|we|i)\s+[a-z]+ed(?=\s*[,.;:!?\"”])|" + REPORTING + r"\s+(?:he|she|they))\b")

def named_speaker(sentence: str) -> bool:
    """Whether the sentence names a speaker beside the pronoun ("Jones said ... he said"), or
    after its quotation ('"...," Emma Norton, the head of legal casework, said.', '"...,"
    Kurt Schrader predicted.')."""
    m = re.search(r"\b(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+\s+" + REPORTING + r"\b", sentence)
    if m and not re.match(r"(?:He|She|They|It|We|I|The)\b", m.group(0)):
        return True
    # right after the closing mark: a name (and its appositive) before the verb, or the verb
    # before a name; a name further on ('," he said, referring to the interim authorities in
    # Kiev') is not the speaker
    after = re.split(r"[\"”]", sentence)[-1]
    speaker = re.match(r"[\s,]*((?:[A-Z][\w’'.-]*\s*){1,4}?)(?:,[^,]{1,80},)?\s*(?:" + REPORTING + r"|[a-z]+ed)\b", after) \
        or re.match(r"[\s,]*" + REPORTING + r"\s+((?:[A-Z][\w’'.-]*\s*){1,4})", after)
    return bool(speaker) and speaker.group(1).split()[0] not in NOT_NAMES
