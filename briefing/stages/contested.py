"""Contested claims: link each denial or refusal to comment to the claim it answers.

A denial is a sentence whose predicate rejects, denies or dismisses something, or refuses to
comment on it. It answers the claim of the brief that shares most of its content words (the
denial's own vocabulary set aside). A denial that names its object only in general terms
("rejected the allegations") answers the best-supported accusation in the brief, the claim
that alleges, accuses, condemns, calls unlawful or confirms something (in any of its sources’
sentences) and shares a content word with it.
"""

from __future__ import annotations

import math
import re

from dataclasses import replace

from briefing.models import Claim, Denial, Document, Evidence, Witnesses
from briefing.text.terms import stem, terms
from briefing.text.unfit import unfit

# A denial says something claimed is not so, or refuses to say: "denied that ...", "denies
# supporting", "denied any role", "rejected the allegations", "dismissed the report as false",
# "declined to comment". Not a denial: a request, an application or a challenge refused
# ("rejected his appeal", "applications were denied"), "deny" as what someone sought to do
# ("pushed to deny", "any attempt to deny"), "neither confirmed nor denied", "should be rejected".
_CLAIMED = r"(?:allegations?|accusations?|claims?|reports?|charges?)"  # what a generic denial names
_CLAIM_NOUNS = (r"(?:" + _CLAIMED + r"|criticism|suggestions?|notion|idea|version|assertions?|account|accounts|story|"
                r"stories|characteri[sz]ation|rumou?rs?|speculation)")
_DENIAL = re.compile(
    r"(?<!\bto )(?<!\bof )(?<!\bnor )(?<!\bor )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )\b(?:den(?:y|ies|ied)|denying)\s+"
    r"(?:that\b|any\b|all\b|the\s+\w+|a\s+\w+|an\s+\w+|it\b|this\b|these\b|those\b|there\b|having\b|wrongdoing|involvement|"
    r"responsibility|[\"“‘]|\w+ing\b|" + _CLAIM_NOUNS + r")"
    r"|(?<!\bto )(?<!\bbe )\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebuff(?:s|ed)?|"
    r"repudiat(?:e|es|ed))\s+(?:(?:the|these|those|such|all|any|this|that|his|her|its|their|[A-Z][\w’']*['’]s)\s+)?"
    r"(?:\w+\s+){0,2}" + _CLAIM_NOUNS + r"\b"
    r"|\b(?:(?:do|does|did|will|would)\s*(?:n[o'’]t|not)\s+comment|(?:declin|refus)(?:e|es|ed|ing)\s+to\s+"
    r"(?:comment|confirm)|no\s+comment)\b", re.I)
_GENERIC_OBJECT = re.compile(r"\b(?:(?:the|these|those|such|all)\s+(?:\w+\s+)?" + _CLAIMED + r"\b|"
                             + _CLAIMED + r"\s+that\b)", re.I)
_ACCUSATION = re.compile(r"\b(?:alleg\w*|accus\w*|condemn\w*|confirm\w*|charg\w*|blam\w*|denounc\w*|"
                         r"criticis\w*|criticiz\w*|unlawful|illegal\w*|violat\w*)\b", re.I)
# The denial's own words say nothing about what it answers.
_DENIAL_TERMS = {stem(w) for w in ("reject", "deny", "denial", "dismiss", "refute", "comment", "allegation",
                                   "accusation", "claim", "false", "baseless", "say", "state", "respond",
                                   "add", "ask")}
# Share of content words (cosine over term sets) a denial that names what it denies must have
# in common with a claim to answer it. Overlap separates poorly on its own: on the bundled
# example "we don't comment" (asked about weapon deliveries) scores 0.28 with the deliveries
# claim it answers and 0.26 with the runner-up. The floor only keeps a denial that shares
# next to nothing with every claim from being attached to one.
MIN_OVERLAP = 0.15


# A denial of what the same sentence states ("... neighbours that allege Qatar supports
# terrorism, which the country denies", "a charge the ministry rejected"): it answers no other
# claim, and no other claim is shown as denied by it.
_SELF_ANSWERED = re.compile(r"\b(?:which|an?\s+(?:charge|accusation|claim|allegation)|(?:the\s+)?(?:charges|accusations|"
                            r"claims|allegations))\s+(?:[\w’'-]+\s+){1,4}?(?:(?:has|have|had)\s+)?"
                            r"(?:den(?:y|ies|ied)|reject(?:s|ed)|dismiss(?:es|ed)|refut(?:es|ed))\b", re.I)


def is_denial(text: str) -> bool:
    return bool(_DENIAL.search(text))


def answers_another(text: str) -> bool:
    """Whether a denial answers something other than what its own sentence states (and is a
    statement at all: not page debris that quotes a headline's "dismissed accusation")."""
    return is_denial(text) and not _SELF_ANSWERED.search(text) and not unfit(text)


def _content(text: str) -> set[str]:
    return {t for t in terms(text) if t not in _DENIAL_TERMS}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _answered(words: set[str], generic: bool, accusations: list[Claim], targets: list[Claim],
              content: dict[int, set[str]]) -> Claim | None:
    """The claim a denial answers: among the accusations when it denies "the allegations"."""
    if generic:  # the best-supported accusation that shares a content word with the denial
        return next((c for c in accusations if words & content[id(c)]), None)
    scored = [(_overlap(words, content[id(c)]), -n, c) for n, c in enumerate(targets)]
    best = max(scored, key=lambda t: t[:2], default=None)
    return best[2] if best and best[0] >= MIN_OVERLAP else None


def link_denials(claims: list[Claim], documents: list[Document], witnesses: Witnesses | None = None) -> list[Claim]:
    """The claims with every denial in the articles attached to the claim it answers (claims
    carry their refs), and each denying claim marked with what it answers. A denial that is
    no claim cites every source that states it (`witnesses`)."""
    answers: dict[int, str] = {}  # id(denying claim) -> ref it answers
    denials: dict[int, list[Denial]] = {}  # id(denied claim) -> its denials, in document order
    claim_of = {(e.source, e.index): c for c in claims for e in c.evidence}
    targets = [c for c in claims if not is_denial(c.text)]
    accusations = sorted((c for c in targets if any(_ACCUSATION.search(e.sentence) for e in c.evidence)),
                         key=lambda c: (-len(c.source_ids), -c.score, c.first_seen))
    content = {id(c): _content(" ".join(e.sentence for e in c.evidence)) for c in targets}
    seen: set[int] = set()
    linked: set[frozenset] = set()  # groups of denying sentences already linked
    for document in documents:
        for sentence in document.sentences:
            if not answers_another(sentence.text):
                continue
            own = claim_of.get(sentence.key)
            if own is not None and id(own) in seen:
                continue  # a denial several sources state is linked once, with all its citations
            evidence = (witnesses or {}).get(sentence.key) or (Evidence(
                sentence.source_id, sentence.text, sentence.start, sentence.end, sentence.index),)
            group = frozenset((e.source, e.index) for e in evidence)
            if own is None and group in linked:
                continue
            target = _answered(_content(sentence.text), bool(_GENERIC_OBJECT.search(sentence.text)),
                               [c for c in accusations if c is not own], [c for c in targets if c is not own],
                               content)
            if target is None:
                continue
            if own is not None:
                seen.add(id(own))
                answers[id(own)] = target.ref
                denial = Denial(own.text, tuple(own.evidence), own.ref)
            else:
                linked.add(group)
                denial = Denial(sentence.text, tuple(evidence))
            denials.setdefault(id(target), []).append(denial)
    return [replace(c, answers=answers.get(id(c), c.answers), denials=c.denials + denials.get(id(c), []))
            for c in claims]
