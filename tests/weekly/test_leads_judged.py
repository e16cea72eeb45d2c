"""Front-page leads judged by hand on the multinews development week.

tests/judged/multinews/weekly_leads.tsv holds, as ids only (`DOC:START-END` in the raw
devset file, see tests/judged/spans.py), the leads four front pages of the pooled week
showed (`shown_by`): the first weekly brief's ("before": 30 stories' bottom lines), the next
one's ("after": its ten leads), the ranked front page before the rule on unexplained
descriptions ("ranked") and the one after it ("now"). A helper session that never ran
briefing judged each by reading it alone: does a reader understand it without the sentences
before it? The rule that picks leads (text/lead.leads_front_page) must agree with the judge,
and the front page built now must show only leads judged to stand alone.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest

from briefing.text.lead import leads_front_page
from tests.judged.spans import DEVSET

JUDGED = Path(__file__).parents[1] / "judged" / "multinews" / "weekly_leads.tsv"
pytestmark = pytest.mark.skipif(not DEVSET.is_dir(), reason=f"the multinews development set is not at {DEVSET}")


def judged() -> list[tuple[dict, str]]:
    out = []
    for row in csv.DictReader(JUDGED.open(encoding="utf-8"), delimiter="\t"):
        doc, span = row["sentence"].split(":")
        start, end = map(int, span.split("-"))
        out.append((row, (DEVSET / row["cluster"] / "docs" / f"{doc}.txt").read_text("utf-8")[start:end]))
    return out


def test_the_lead_rule_agrees_with_the_hand_judgements():
    rows = judged()
    disagree = [(r["cluster"], r["sentence"]) for r, text in rows
                if leads_front_page(" ".join(text.split())) != (r["stands_alone"] == "1")]
    # measured: 56 of 56 agree (the rule was refined on the first 54: see text/lead.py; the
    # 55th and 56th, judged after the stand-alone rules of this round changed the front page, agree)
    assert not disagree, disagree
    assert len(rows) == 56


def test_every_lead_judged_not_to_stand_alone_on_an_earlier_front_page_is_refused_now():
    refused = [(r, t) for r, t in judged() if r["stands_alone"] == "0" and set(r["shown_by"].split(",")) - {"now"}]
    assert len(refused) == 20
    missed = [r["sentence"] for r, t in refused if leads_front_page(" ".join(t.split()))]
    assert not missed, missed


def test_the_development_week_front_page_shows_only_judged_leads_and_they_stand_alone():
    """Builds the pooled week as `briefing weekly` does and reads its ten front-page leads."""
    from benchmarks.weekly_clusters import WEEK, dev_week
    from briefing.archive.ingest import Intake
    from briefing.archive.store import Archive
    from briefing.weekly import build as weekly
    from tests.judged.spans import sentences

    verdict = {(r["cluster"], r["sentence"]): r["stands_alone"] for r, _ in judged()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        dev_week(tmp / "in")
        with Archive(tmp / "week.db") as archive:
            Intake(archive, lambda report: None).run([str(tmp / "in")])
            brief = weekly.build(archive, WEEK)
    path_of = {s.id: Path(s.path) for s in brief.sources}
    shown = []
    for story in sorted(brief.stories, key=lambda s: -s.weight)[:10]:
        assert story.lead is not None, story.title
        e = next(e for e in story.lead.evidence if (e.source, e.index) == tuple(story.lead.origin))
        cluster, doc = path_of[e.source].stem.rsplit("-", 1)
        raw = (DEVSET / cluster / "docs" / f"{doc}.txt").read_text("utf-8")
        at = " ".join(raw.split()).find(" ".join(e.sentence.split())[:60])
        assert at >= 0, e.sentence
        # the raw sentence whose span holds the lead's first words
        flat_to_raw = [i for i, ch in enumerate(raw) if not ch.isspace() or (i and not raw[i - 1].isspace())]
        start = flat_to_raw[at]
        span = next((s, t) for s, t in sentences(raw) if s <= start < t)
        shown.append((cluster, f"{doc}:{span[0]}-{span[1]}"))
    unjudged = [k for k in shown if k not in verdict]
    assert not unjudged, f"front-page leads not judged yet (have them judged by hand): {unjudged}"
    not_alone = [k for k in shown if verdict[k] == "0"]
    # measured: 10 of 10 judged to stand alone
    assert not not_alone, not_alone
