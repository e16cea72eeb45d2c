"""Many articles: both cores give the same brief as one, the progress bar shows only on a
terminal, and claim merging compares sentences within blocks, never all pairs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing.options import Limits, Options
from briefing.text import similarity
from briefing import parallel, pipeline
from briefing.render import views as render
from briefing.render import json as brief_json
from briefing.stages import segment
from briefing.stages import synthesize
from briefing.models import Article, Source
from tests.conftest import ROOT


def articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = (f"The council of town number {i} approved a new budget of {i + 3} million euros on Monday. "
                f"Mayor Anna Berg{i} said the money would pay for {i % 7 + 2} new schools and a library. "
                "Opposition members criticised the plan as too expensive for the town.\n")
        out.append(Article(source=Source(id=str(i + 1)), text=text))
    return out


def documents(n: int):
    return [segment.segment(a) for a in articles(n)]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """More articles of one story than are summarized in one process: they restate each
    other, so the brief merges claims across many sources."""
    from benchmarks.corpus import write_corpus

    folder = tmp_path_factory.mktemp("cluster")
    write_corpus(folder, parallel.MIN_PARALLEL + 6, per_story=parallel.MIN_PARALLEL + 6)
    return folder


def test_a_brief_built_on_two_processes_is_the_one_built_on_one(cluster):
    one = pipeline.build([str(cluster)], Options(jobs=1))
    two = pipeline.build([str(cluster)], Options(jobs=2))
    assert len(one.brief.sources) >= parallel.MIN_PARALLEL
    assert any(len(c.source_ids) > 1 for s in one.brief.sections for c in s.claims)  # claims were merged
    assert brief_json.to_json(two.brief) == brief_json.to_json(one.brief)
    assert render.to_markdown(two.brief) == render.to_markdown(one.brief)


def test_sentences_and_summaries_on_two_processes_equal_those_on_one():
    given = articles(parallel.MIN_PARALLEL + 10)
    one = parallel.summarize_articles(given, jobs=1)
    two = parallel.summarize_articles(given, jobs=2)
    assert [s.source_id for s in two] == [a.source.id for a in given]
    assert two == one  # the same sentences, offsets, rankings and condensed sets


def test_what_a_limit_leaves_out_is_said_whatever_the_number_of_processes():
    limits = Limits(max_sentences=2)  # workers split the articles: they must see it
    given = articles(parallel.MIN_PARALLEL + 10)
    one = pipeline.make_brief(given, Options(jobs=1, limits=limits))
    two = pipeline.make_brief(given, Options(jobs=2, limits=limits))
    assert len(one.warnings) == len(given) and "only the first 2 are read" in one.warnings[0].reason
    assert two.warnings == one.warnings
    assert brief_json.to_json(two.brief) == brief_json.to_json(one.brief)


def test_progress_bar_only_when_asked(capsys, monkeypatch):
    monkeypatch.setattr(parallel, "PROGRESS_MIN", 3)
    given = articles(5)
    parallel.summarize_articles(given, jobs=1, progress=False)
    assert capsys.readouterr().err == ""
    parallel.summarize_articles(given, jobs=1, progress=True)
    assert "summarizing" in capsys.readouterr().err


# `briefing build` with the progress bar due from the first article on (PROGRESS_MIN is 200)
BUILD_WITH_EARLY_BAR = ("import sys, briefing.parallel as p; p.PROGRESS_MIN = 1; "
                        "from briefing.cli import main; raise SystemExit(main(sys.argv[1:]))")


def build_command(cluster, out, *options: str) -> list[str]:
    return [sys.executable, "-c", BUILD_WITH_EARLY_BAR, "build", str(cluster), "-o", str(out),
            "--formats", "md", "--jobs", "2", *options]


def stderr_on_a_terminal(command: list[str]) -> str:
    """What a person at a terminal sees of the command's stderr (a pseudo-terminal)."""
    import fcntl
    import pty
    import struct
    import termios

    reader, terminal = pty.openpty()
    # 24 lines of 80 columns, as a terminal window has (tqdm draws nothing 0 columns wide)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    seen = b""
    while True:
        try:
            data = os.read(reader, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not data:
            break
        seen += data
    os.close(reader)
    assert proc.wait(timeout=120) == 0, seen
    return seen.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only_and_never_with_quiet(cluster, tmp_path):
    assert "summarizing" in stderr_on_a_terminal(build_command(cluster, tmp_path / "a"))
    assert stderr_on_a_terminal(build_command(cluster, tmp_path / "b", "-q")) == ""
    piped = subprocess.run(build_command(cluster, tmp_path / "c"), cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert piped.returncode == 0 and "wrote" in piped.stderr  # it speaks, but draws no bar
    assert "summarizing" not in piped.stderr and "\r" not in piped.stderr


def test_a_word_shared_by_more_sentences_than_a_block_holds_makes_no_candidate_pairs():
    docs = documents(similarity.MAX_BLOCK * 2)
    sentences = [s for d in docs for s in d.sentences]
    index = similarity.SentenceIndex(sentences)
    pairs = list(index.candidate_pairs())
    n = len(sentences)
    # every sentence shares "council", "budget", "schools"... with hundreds of others; all
    # pairs would be n*(n-1)/2, blocking leaves a small multiple of n
    assert len(pairs) < 5 * similarity.MAX_BLOCK * n / 10
    assert len(pairs) < n * (n - 1) / 2 / 10
    assert all(i < j for i, j in pairs) and len(set(pairs)) == len(pairs)


def test_the_same_claim_in_a_large_input_is_still_merged():
    docs = documents(similarity.MAX_BLOCK * 2)
    extra = [segment.segment(Article(source=Source(id=f"x{k}"), text=(
        "Firefighters rescued 14 miners trapped in the Kolvik copper mine after a flood on Sunday. "
        "The council of town number 7 approved a new budget of 10 million euros on Monday.\n")))
        for k in range(2)]
    from briefing.stages import summarize

    summaries = [summarize.summarize(d) for d in docs + extra]
    claims = synthesize.synthesize(summaries)
    mine = [c for c in claims if "Kolvik" in c.text]
    assert len(mine) == 1 and sorted(c for c in mine[0].source_ids) == ["x0", "x1"]
