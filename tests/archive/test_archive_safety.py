"""The archive under stress: a run killed with SIGKILL mid-way, and two runs at once."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

WORDS = ("harbour council river bridge farmer school station market museum factory forest valley "
         "island tunnel festival hospital library airport stadium railway village mayor union "
         "engineer teacher doctor nurse driver pilot miner baker fisher painter").split()
VERBS = "opened closed repaired visited inspected praised criticised funded delayed expanded".split()


def articles(folder: Path, n: int) -> list[Path]:
    """n distinct small articles (random sentences, so no two are near-duplicates)."""
    rng = random.Random(n)
    folder.mkdir()
    paths = []
    for i in range(n):
        sentences = []
        for _ in range(6):
            a, b, c = rng.sample(WORDS, 3)
            sentences.append(f"The {a} of Town{i} {rng.choice(VERBS)} the {b} near the {c} on day {rng.randint(1, 999)}.")
        path = folder / f"article-{i:03d}.txt"
        path.write_text(f"Report number {i}\n\n" + " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:]) + "\n")
        paths.append(path)
    return paths


def ingest(folder: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "briefing", "ingest", str(folder), "--db", str(db)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


_LINE = re.compile(r"^(added|present)\s+(\d+)\s+(\S+)")


def reported(lines: list[str]) -> dict[str, tuple[str, int]]:
    """input path -> (status, article id) from ingest's report lines."""
    out = {}
    for line in lines:
        m = _LINE.match(line)
        if m:
            out[m[3]] = (m[1], int(m[2]))
    return out


def stored(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = con.execute("SELECT input, id FROM articles").fetchall()
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == \
            con.execute("SELECT COUNT(DISTINCT fingerprint) FROM articles").fetchone()[0]
    inputs = [r[0] for r in rows]
    assert len(inputs) == len(set(inputs)), "an article was stored twice"
    return dict(rows)


def test_killed_ingest_keeps_everything_it_reported_and_the_rerun_carries_on(tmp_path):
    paths = articles(tmp_path / "in", 400)
    db = tmp_path / "news.db"
    proc = ingest(tmp_path / "in", db)
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if len(seen) == 25:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; give it more articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    first = reported(seen)
    assert len(first) == 25 and all(status == "added" for status, _ in first.values())
    after_kill = stored(db)
    for path, (_, article_id) in first.items():  # every article reported as added is there
        assert after_kill[path] == article_id
    assert len(after_kill) < len(paths)  # it really was stopped mid-run

    rerun = ingest(tmp_path / "in", db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    second = reported(out.splitlines())
    assert len(second) == len(paths)
    for path, (_, article_id) in first.items():
        assert second[path] == ("present", article_id)
    final = stored(db)
    assert sorted(final) == sorted(str(p) for p in paths)  # each article once, none lost


def test_two_ingests_at_once_store_each_article_once(tmp_path):
    paths = articles(tmp_path / "in", 120)
    db = tmp_path / "news.db"
    a, b = ingest(tmp_path / "in", db), ingest(tmp_path / "in", db)
    out_a, err_a = a.communicate(timeout=300)
    out_b, err_b = b.communicate(timeout=300)
    assert a.returncode == 0 and b.returncode == 0, err_a + err_b
    ra, rb = reported(out_a.splitlines()), reported(out_b.splitlines())
    added_a = {p for p, (s, _) in ra.items() if s == "added"}
    added_b = {p for p, (s, _) in rb.items() if s == "added"}
    assert not added_a & added_b  # nobody added what the other added
    assert added_a | added_b == {str(p) for p in paths}
    final = stored(db)
    assert len(final) == len(paths)
    for p in paths:  # both runs name the same stored article for each input
        assert ra[str(p)][1] == rb[str(p)][1] == final[str(p)]
