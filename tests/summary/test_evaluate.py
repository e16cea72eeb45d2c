"""`briefing summarize` and `briefing eval` as a user meets them, on small clusters whose
reference summaries were written for these tests (tests/data/clusters/)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, norm
from tests.cli.test_cli import run

CLUSTERS = ROOT / "tests" / "data" / "clusters"


def sources_of(cluster: str) -> list[str]:
    return [norm(p.read_text(encoding="utf-8")) for p in sorted((CLUSTERS / cluster / "docs").glob("*.txt"))]


@pytest.mark.parametrize("cluster", ["ferry", "dprk-russia"])
def test_summary_is_verbatim_sentences_within_the_word_budget(cluster):
    result = run("summarize", str(CLUSTERS / cluster / "docs"), "--words", "60")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and sum(len(l.split()) for l in lines) <= 60
    sources = sources_of(cluster)
    for line in lines:
        assert any(norm(line) in s for s in sources), line  # unchanged source sentence
        assert not re.search(r"\[\d+\]", line)  # no citations or labels
        assert line == line.strip() and "\n" not in line


def test_summary_leads_with_the_event_and_its_toll_and_fills_the_default_budget():
    result = run("summarize", str(CLUSTERS / "ferry" / "docs"))
    lines = result.stdout.splitlines()
    words = sum(len(l.split()) for l in lines)
    assert 70 <= words <= 100
    assert "capsized" in lines[0] or "overturned" in lines[0]
    assert "23" in " ".join(lines)  # the death toll every source reports
    # no sentence of the summary repeats another
    assert len({norm(l) for l in lines}) == len(lines)


def test_summarize_reports_a_bad_input_and_still_summarizes_the_rest(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("summarize", str(CLUSTERS / "strike" / "docs"), str(tmp_path / "empty.txt"))
    assert result.returncode == 0
    assert f"skipped {tmp_path / 'empty.txt'}: is empty" in result.stderr
    assert "Valmont" in result.stdout


@pytest.mark.parametrize("words", ["0", "ten"])
def test_summarize_refuses_a_budget_that_is_not_a_positive_number(words):
    result = run("summarize", str(CLUSTERS / "ferry" / "docs"), "--words", words)
    assert result.returncode == 2 and "is not a positive whole number" in result.stderr


@pytest.fixture(scope="module")
def eval_json(tmp_path_factory):
    small = tmp_path_factory.mktemp("set")
    for name in ("ferry", "strike"):
        (small / name).symlink_to(CLUSTERS / name)
    result = run("eval", str(small), "--words", "100", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_eval_scores_briefing_and_every_sumy_baseline(eval_json):
    systems = {s["system"]: s for s in eval_json["systems"]}
    assert list(systems) == ["briefing", "lexrank", "textrank", "lsa", "luhn", "sumbasic"]
    assert eval_json["clusters"] == 2 and eval_json["words"] == 100
    for s in systems.values():
        assert 0 < s["rouge2_recall"] < s["rouge1_recall"] < 100
        assert set(s["per_cluster"]) == {"ferry", "strike"}
        assert s["seconds"] > 0
    # baselines are computed, not copied: they differ from each other
    assert len({round(s["rouge2_recall"], 3) for s in systems.values()}) >= 4
    assert systems["briefing"]["verbatim_percent"] == 100
    assert systems["briefing"]["redundant_pairs_percent"] == 0
    assert systems["lexrank"]["verbatim_percent"] is None


def test_eval_prints_one_table(tmp_path):
    (tmp_path / "strike").symlink_to(CLUSTERS / "strike")
    result = run("eval", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = [l.split()[0] for l in result.stdout.splitlines()[3:]]
    assert rows == ["briefing", "lexrank", "textrank", "lsa", "luhn", "sumbasic"]
    assert "ROUGE-1 R" in result.stdout and "ROUGE-2 R" in result.stdout and "100%" in result.stdout


def test_rouge_is_full_for_the_reference_itself_and_truncates_to_the_budget():
    from briefing.summary.evaluate import _scorer, rouge_recall

    ref = (CLUSTERS / "ferry" / "refs" / "r1.txt").read_text()
    assert rouge_recall(_scorer(), ref, [ref], 200) == (100.0, 100.0)
    r1, _ = rouge_recall(_scorer(), ref, [ref], 10)
    assert r1 < 20  # only the first ten words count


@pytest.mark.parametrize("layout,message", [
    ({}, "holds no cluster folders"),
    ({"c1/docs/a.txt": "An article about a thing that happened today."}, "needs docs/*.txt and refs/*.txt"),
])
def test_eval_names_a_badly_laid_out_set(tmp_path, layout, message):
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    result = run("eval", str(tmp_path))
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_eval_of_a_missing_folder_is_one_line():
    result = run("eval", "/nonexistent/set")
    assert result.returncode == 2 and "/nonexistent/set: no such folder" in result.stderr


NEWSWIRE = ROOT / "tests" / "data" / "newswire"


@pytest.mark.parametrize("cluster", ["a-trial", "b-epidemic"])
def test_a_summary_states_each_claim_once_in_the_words_of_one_of_its_sources(cluster):
    from briefing import pipeline
    from briefing.options import Options
    from briefing.summary import multidoc

    docs = [str(p) for p in sorted((NEWSWIRE / cluster / "docs").glob("*.txt"))]
    lines, _ = multidoc.summarize(docs, 100)
    brief = pipeline.build(docs, Options(keep_all=True, claim_words=None)).brief
    every = brief.key_points + [c for s in brief.sections for c in s.claims]  # each claim printed once
    claim_of = {norm(e.sentence): n for n, c in enumerate(every) for e in c.evidence}
    shown = {norm(c.text) for c in every}
    assert all(norm(line) in claim_of for line in lines), "every line is a source sentence of a claim"
    groups = [claim_of[norm(line)] for line in lines]
    assert len(groups) == len(set(groups)), "no claim twice, in whatever words"
    # the summary may word a claim as another of its sources does, not only as the brief shows it
    assert any(norm(line) not in shown for line in lines)
    # and no line leans on a sentence the reader does not see ("He added ...", "These measures ...")
    assert not [line for line in lines if re.match(r"\W*(he|she|they|it|this|these|those)\b", line, re.I)]
