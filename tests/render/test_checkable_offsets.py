"""Offsets you can check (issue 12): brief.json carries each source's cleaned text, and every
cited span — claims, key points, timeline events and denials — is found where its offsets say."""

from __future__ import annotations

import json

from briefing.cli import main
from tests.conftest import EXAMPLE


def _evidence(brief: dict):
    for claim in brief["key_points"] + [c for s in brief["sections"] for c in s["claims"]]:
        yield from claim["evidence"]
        for denial in claim.get("denied_by", []):
            yield from denial["evidence"]
    for event in brief["timeline"]:
        yield from event["evidence"]


def test_every_cited_span_is_at_its_offsets_in_the_source_text_brief_json_carries(tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLE), "-o", str(out), "--formats", "json"]) == 0
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    texts = {s["id"]: s["text"] for s in brief["sources"]}
    assert len(texts) == len(brief["sources"]) and all(texts.values())
    cited = list(_evidence(brief))
    assert len(cited) > 20
    for e in cited:
        assert texts[e["source"]][e["start"]:e["end"]] == e["sentence"], (e["source"], e["start"])
