"""Many articles: both cores give the same result as one, the progress bar shows only when
asked, and claim merging compares sentences within blocks, never all pairs."""

from __future__ import annotations

from briefing import parallel, segment, synthesize
from briefing.models import Article, Source


def documents(n: int):
    out = []
    for i in range(n):
        text = (f"The council of town number {i} approved a new budget of {i + 3} million euros on Monday. "
                f"Mayor Anna Berg{i} said the money would pay for {i % 7 + 2} new schools and a library. "
                "Opposition members criticised the plan as too expensive for the town.\n")
        out.append(segment.segment(Article(source=Source(id=str(i + 1)), text=text)))
    return out


def test_summaries_on_two_processes_equal_those_on_one():
    docs = documents(parallel.MIN_PARALLEL + 10)
    one = parallel.summarize_all(docs, jobs=1)
    two = parallel.summarize_all(docs, jobs=2)
    assert [(s.source_id, s.condensed, s.salience) for s in one] == \
           [(s.source_id, s.condensed, s.salience) for s in two]


def test_progress_bar_only_when_asked(capsys, monkeypatch):
    monkeypatch.setattr(parallel, "PROGRESS_MIN", 3)
    docs = documents(5)
    parallel.summarize_all(docs, jobs=1, progress=False)
    assert capsys.readouterr().err == ""
    parallel.summarize_all(docs, jobs=1, progress=True)
    assert "summarizing" in capsys.readouterr().err


def test_build_is_quiet_when_stderr_is_not_a_terminal(tmp_path):
    from tests.test_cli import GOOD, run

    for i in range(3):  # three different articles (copies of one are read once, with a note)
        (tmp_path / f"a{i}.txt").write_text(GOOD + f"The ferry company said it would hire {i + 3} new crew members.\n")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "out"), "--formats", "md", "--jobs", "2", "-q")
    assert result.returncode == 0 and result.stderr == ""


def test_a_word_shared_by_more_sentences_than_a_block_holds_makes_no_candidate_pairs():
    docs = documents(synthesize.MAX_BLOCK * 2)
    sentences = [s for d in docs for s in d.sentences]
    index = synthesize.SentenceIndex(sentences)
    pairs = list(index.candidate_pairs())
    n = len(sentences)
    # every sentence shares "council", "budget", "schools"... with hundreds of others; all
    # pairs would be n*(n-1)/2, blocking leaves a small multiple of n
    assert len(pairs) < 5 * synthesize.MAX_BLOCK * n / 10
    assert len(pairs) < n * (n - 1) / 2 / 10
    assert all(i < j for i, j in pairs) and len(set(pairs)) == len(pairs)


def test_the_same_claim_in_a_large_input_is_still_merged():
    docs = documents(synthesize.MAX_BLOCK * 2)
    extra = [segment.segment(Article(source=Source(id=f"x{k}"), text=(
        "Firefighters rescued 14 miners trapped in the Kolvik copper mine after a flood on Sunday. "
        "The council of town number 7 approved a new budget of 10 million euros on Monday.\n")))
        for k in range(2)]
    from briefing import summarize

    summaries = [summarize.summarize(d) for d in docs + extra]
    claims = synthesize.synthesize(summaries)
    mine = [c for c in claims if "Kolvik" in c.text]
    assert len(mine) == 1 and sorted(c for c in mine[0].source_ids) == ["x0", "x1"]
