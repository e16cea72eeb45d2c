"""Contested claims: each denial is attached to the claim it answers."""

from __future__ import annotations

import copy

import pytest

from briefing.models import Article, Claim, Document, Evidence, Sentence, Source
from briefing.stages.contested import is_denial, link_denials

CROSSED = "Norland troops crossed the border near Kessel on Monday, the Sudland army said."
TARIFF = "Norland raised tariffs on grain imported from Sudland by a fifth."
ACCUSED = "Sudland accused Norland of shelling a water plant near Kessel."
BLAMED = "Sudland blamed Norland for a cyber attack on its railway ticket system."
WEATHER = "Heavy rain flooded roads in Kessel and across the Sudland lowlands."


def document(source: str, sentences: list[str]) -> Document:
    text, out = "", []
    for n, s in enumerate(sentences):
        start = len(text)
        text += s + " "
        out.append(Sentence(source, n, start, start + len(s), s))
    return Document(Article(Source(id=source), text.strip()), tuple(out))


def claim(ref: str, text: str, *where: tuple[str, int], score: float = 1.0) -> Claim:
    where = where or (("1", 0),)
    return Claim(text, [Evidence(s, text, 0, len(text), i) for s, i in where], salience=0.5, score=score, ref=ref)


def linked(claims: list[Claim], documents: list[Document]) -> dict[str, list[str]]:
    """ref -> the texts of the denials attached to it, for every claim that has any."""
    return {c.ref: [d.text for d in c.denials] for c in link_denials(claims, documents) if c.denials}


@pytest.mark.parametrize("sentence, denies", [
    ("Norland denied that its troops crossed the border.", True),
    ("The ministry rejected the report as false.", True),
    ("A spokesman declined to comment on the troop movements.", True),
    ("Officials would not comment on Monday.", True),
    ("The Kremlin said it does not comment on such reports.", True),
    ("Norland troops crossed the border on Monday.", False),
    ("The commentary was widely shared.", False),
    ("Sudland denies supplying the rebels with missiles.", True),
    ("The minister, who has denied any wrongdoing, resigned.", True),
    # a request, an appeal or a chance refused, "deny" as what was sought, no denial at all
    ("The court rejected his appeal against the border fine.", False),
    ("The council rejected the request for more ferries.", False),
    ("Her husband had rejected an earlier chance to leave Kessel.", False),
    ("The mayor pushed to deny the company's application.", False),
    ("Visa applications from Norland were denied.", False),
    ("The envoy has neither confirmed nor denied any role in the talks.", False),
    ("The nominee is simply not qualified and should be rejected.", False),
    ("After a week of denying any role, he admitted it on Monday.", False),
])
def test_what_counts_as_a_denial(sentence, denies):
    assert is_denial(sentence) is denies


@pytest.mark.parametrize("denial, answered", [
    ("Norland's defence ministry denied that any troops crossed the border near Kessel.", "claim-1"),
    ("Norland's trade office dismissed the idea that grain tariffs were raised.", "claim-2"),
])
def test_a_denial_is_attached_to_the_claim_it_answers(denial, answered):
    claims = [claim("claim-1", CROSSED), claim("claim-2", TARIFF), claim("claim-3", WEATHER)]
    docs = [document("1", [CROSSED, TARIFF, WEATHER]), document("2", ["Talks resume next week.", denial])]
    out = link_denials(claims, docs)
    assert linked(claims, docs) == {answered: [denial]}
    [d] = next(c for c in out if c.ref == answered).denials
    assert [(e.source, e.index, e.sentence) for e in d.evidence] == [("2", 1, denial)]
    assert d.ref == ""  # the denial is no claim of the brief


def test_a_denial_that_is_a_claim_answers_and_is_denied_by_both_ways():
    denial = "Norland's defence ministry denied that any troops crossed the border near Kessel."
    claims = [claim("claim-1", CROSSED), claim("claim-2", TARIFF), claim("claim-3", denial, ("2", 0))]
    out = {c.ref: c for c in link_denials(claims, [document("1", [CROSSED, TARIFF]), document("2", [denial])])}
    assert out["claim-3"].answers == "claim-1"
    assert [(d.text, d.ref) for d in out["claim-1"].denials] == [(denial, "claim-3")]
    assert out["claim-2"].denials == [] and out["claim-2"].answers == ""
    assert out["claim-3"].denials == []  # a denial does not answer itself


def test_a_generic_denial_answers_the_best_supported_accusation():
    generic = "Norland's foreign ministry rejected the allegations."
    embassy = "Norland's foreign ministry opened an embassy."  # closest in words, but no accusation
    claims = [claim("claim-1", BLAMED, ("1", 0)),  # an accusation, seen first
              claim("claim-2", ACCUSED, ("1", 1), ("3", 0)),  # two sources: the best supported
              claim("claim-3", embassy, ("1", 2), ("3", 1), ("4", 0))]
    docs = [document("1", [BLAMED, ACCUSED, embassy]), document("2", [generic])]
    assert linked(claims, docs) == {"claim-2": [generic]}


def test_a_generic_denial_needs_a_shared_word_with_the_accusation():
    generic = "The museum board rejected the allegations."
    claims = [claim("claim-1", ACCUSED, ("1", 0), ("3", 0))]
    assert linked(claims, [document("1", [ACCUSED]), document("2", [generic])]) == {}


@pytest.mark.parametrize("denial", [
    "The museum director declined to comment on the price of the painting.",
    "A festival spokeswoman denied that tickets had sold out.",
])
def test_no_link_when_nothing_matches(denial):
    claims = [claim("claim-1", CROSSED), claim("claim-2", TARIFF)]
    assert linked(claims, [document("1", [CROSSED, TARIFF]), document("2", [denial])]) == {}


def test_a_denial_several_sources_state_cites_them_all_once():
    denial = "Norland denied that its troops crossed the border near Kessel."
    claims = [claim("claim-1", CROSSED)]
    docs = [document("1", [CROSSED]), document("2", [denial]), document("3", [denial])]
    stated = (Evidence("2", denial, 0, len(denial), 0), Evidence("3", denial, 0, len(denial), 0))
    out = link_denials(claims, docs, {("2", 0): stated, ("3", 0): stated})
    assert [[(e.source, e.index) for e in d.evidence] for d in out[0].denials] == [[("2", 0), ("3", 0)]]


def test_claims_are_returned_new_and_the_input_is_unchanged():
    denial = "Norland's defence ministry denied that any troops crossed the border near Kessel."
    claims = [claim("claim-1", CROSSED), claim("claim-2", denial, ("2", 0))]
    before = copy.deepcopy(claims)
    out = link_denials(claims, [document("1", [CROSSED]), document("2", [denial])])
    assert claims == before
    assert out[0].denials and out[1].answers == "claim-1"
    assert all(new is not old for new, old in zip(out, claims))
    assert out[0].denials is not claims[0].denials


def test_a_denial_of_what_its_own_sentence_states_answers_no_other_claim():
    own = "Norland is in a dispute with neighbours that accuse it of shelling Kessel, which Norland denies."
    claims = [claim("claim-1", ACCUSED), claim("claim-2", TARIFF)]
    docs = [document("1", [ACCUSED, TARIFF]), document("2", [own])]
    assert linked(claims, docs) == {}
