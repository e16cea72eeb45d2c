"""A citation states the claim (issue 12), on the invented Varnholm story of test_synthesize:
a claim one source tells over two adjacent sentences may cite both, and that source's other
sentences stay apart."""

from __future__ import annotations

from briefing.stages import synthesize
from tests.stages.test_synthesize import ARTICLES, _everything_condensed, _group_of, _load, _write_all


def test_a_claim_told_over_two_adjacent_sentences_cites_both(write, tmp_path):
    articles = dict(ARTICLES)
    articles["4.txt"] = """Varnholm Grieves

Mayor Petra Lind declared three days of mourning after the disaster.

Mayor Petra Lind also promised a full inquiry into the disaster.

Schools in the harbour district stayed closed on Friday.
"""
    _write_all(write, articles)
    summaries, _ = _load(tmp_path)
    claims = synthesize.synthesize(_everything_condensed(summaries))
    mourning = _group_of(claims, "1", "Mayor Petra Lind declared three days")
    told = [e.sentence for e in mourning.evidence if e.source == "4"]
    assert told == ["Mayor Petra Lind declared three days of mourning after the disaster.",
                    "Mayor Petra Lind also promised a full inquiry into the disaster."]
    schools = _group_of(claims, "4", "Schools in the harbour district")
    assert schools.source_ids == ["4"]
