"""Time and peak memory of `briefing build` on huge and hostile inputs, each beside one good
article, each in its own process (figures from os.wait4). Inputs are made in a temporary
folder and removed afterwards.

    .venv/bin/python benchmarks/hostile_inputs.py [--articles N]

Prints one line per input: seconds (median of --repeat runs), peak resident memory of the
build process, exit status and the number of sources in the brief.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = ("Officials in the harbour town of Lenvik said the new ferry line will open on Monday. "
        "The ferry will carry up to 300 passengers a day between the islands. "
        "Local shop owners welcomed the plan, saying it would bring more visitors. "
        "The council expects the line to cut travel times by half.\n")
SENTENCE = "The ferry council said the harbour plan would bring more visitors to the islands this year. "


def make_inputs(tmp: Path, articles: int) -> dict[str, tuple[list[str], dict]]:
    cases: dict[str, tuple[list[str], dict]] = {}
    good = tmp / "good.txt"
    good.write_text(GOOD)
    cases["one good article (baseline)"] = ([str(good)], {})
    cases["example articles (3)"] = ([str(ROOT / "examples" / "dprk-russia")], {})

    huge = tmp / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    cases["200 MB file"] = ([str(good), str(huge)], {})

    line = tmp / "line.txt"
    with open(line, "w") as fh:  # written in pieces: the parent's memory counts in the child's peak
        for _ in range(20 * 1024 * 1024 // len(SENTENCE) + 1):
            fh.write(SENTENCE)
    cases["20 MB single line (default limit: refused)"] = ([str(good), str(line)], {})
    cases["20 MB single line (BRIEFING_MAX_FILE_MB=32: read in part)"] = (
        [str(good), str(line)], {"BRIEFING_MAX_FILE_MB": "32"})

    runon = tmp / "runon.txt"
    runon.write_text(" ".join(f"word{i % 97}" for i in range(100_000)) + ".\n")  # 0.7 MB
    cases["100,000-word sentence"] = ([str(good), str(runon)], {})
    cases["100,000-word sentence, BRIEFING_MAX_ARTICLE_CHARS=2000000"] = (
        [str(good), str(runon)], {"BRIEFING_MAX_ARTICLE_CHARS": "2000000"})

    deep = tmp / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>")
    cases["100,000 nested <div>"] = ([str(good), str(deep)], {})

    import zipfile
    bomb = tmp / "bomb.html"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z, z.open("index.html", "w", force_zip64=True) as fh:
        for _ in range(1024):
            fh.write(b"A" * (1024 * 1024))
    cases[f"zip bomb named .html (1 GB in {bomb.stat().st_size // 1024} KB)"] = ([str(good), str(bomb)], {})

    copies = tmp / "copies"
    copies.mkdir()
    for i in range(10_000):
        (copies / f"copy-{i:05d}.txt").write_text(GOOD)
    cases["10,000 copies of one article"] = ([str(copies)], {})

    many_sentences = tmp / "many.txt"
    many_sentences.write_text(" ".join(f"Item {i} was delivered to the harbour office on time." for i in range(5_000)))
    cases["article of 5,000 sentences"] = ([str(good), str(many_sentences)], {})

    distinct = tmp / "distinct"
    distinct.mkdir()
    words = SENTENCE.split()
    for i in range(articles):
        text = " ".join(f"{w}{(i * 7 + j) % 50}" if j % 3 == 0 else w for j, w in enumerate(words * 6))
        (distinct / f"a{i:04d}.txt").write_text(text.replace("year. ", f"year {i}. ") + ".\n")
    cases[f"{articles} distinct articles"] = ([str(distinct)], {})
    return cases


def run(inputs: list[str], env: dict, out: Path) -> tuple[float, int, int, int]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "build", *inputs, "-o", str(out), "-q",
                             "--formats", "md,html,pdf,json"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    sources = len(json.loads((out / "brief.json").read_text())["sources"]) if (out / "brief.json").exists() else 0
    return seconds, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--articles", type=int, default=500, help="distinct articles in the last case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = make_inputs(Path(tmp), args.articles)
        print(f"{'input':62} {'seconds':>8} {'peak MB':>8} {'exit':>5} {'sources':>8}")
        for name, (inputs, env) in cases.items():
            runs = [run(inputs, env, Path(tmp) / f"out{i}") for i in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            print(f"{name:62} {seconds:8.2f} {max(r[1] for r in runs):8d} {runs[-1][2]:5d} {runs[-1][3]:8d}",
                  flush=True)


if __name__ == "__main__":
    main()
