"""Development week for story clustering: do a week's events come back apart?

    PYTHONPATH=. .venv/bin/python -m benchmarks.weekly_clusters [--split all|test|validation] [--pdf DIR]

Pools the documents of the multinews development clusters (../shared/devsets/multinews; 57
real news events, each told by 3-6 outlets), gives them dates within one ISO week (2023-W43:
each event a seeded day, its reports that day or the next), ingests them into a temporary
archive exactly as `briefing ingest` does, and clusters the week as `briefing weekly` does.
Prints the adjusted Rand index against the events (the gold cluster ids are kept in memory
only), the number of stories against the number of events, and the articles lost (an input
article that is in no story). `--split test` / `--split validation` pool only that half: parameters
were chosen on the test half, the validation half is the check on unseen events.

With --pdf DIR the whole weekly brief is built and written to DIR (md, html, pdf) and the
PDF's page count is printed; look at the pages with `pdftoppm -r 50 -png DIR/2023-W43/brief.pdf`.

The devsets' licence forbids copying their text into the repository: the articles are
written only to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devsets" / "multinews"
WEEK = "2023-W43"  # Monday 23 to Sunday 29 October 2023


def adjusted_rand_index(truth: list, found: list) -> float:
    """Hubert and Arabie's ARI of two labelings of the same items (1 = identical partitions)."""
    def pairs(n: int) -> float:
        return n * (n - 1) / 2

    n = len(truth)
    table = Counter(zip(truth, found))
    index = sum(pairs(c) for c in table.values())
    rows = sum(pairs(c) for c in Counter(truth).values())
    cols = sum(pairs(c) for c in Counter(found).values())
    expected = rows * cols / pairs(n) if n > 1 else 0.0
    best = (rows + cols) / 2
    return 1.0 if best == expected else (index - expected) / (best - expected)


def dev_week(folder: Path, split: str = "all", seed: int = 14) -> dict[str, str]:
    """Write the pooled week into `folder` as Markdown with a `published` date; return
    file name -> gold cluster id."""
    manifest = json.loads((DEVSET / "manifest.json").read_text("utf-8"))
    rng = random.Random(seed)
    gold = {}
    for entry in sorted(manifest, key=lambda e: e["cluster_id"]):
        cluster = entry["cluster_id"]
        if split != "all" and entry["multinews_split"] != split:
            continue
        day = rng.randint(23, 28)
        for doc in sorted((DEVSET / cluster / "docs").glob("*.txt")):
            name = f"{cluster}-{doc.stem}.md"
            published = f"2023-10-{day + rng.randint(0, 1)}"
            text = doc.read_text("utf-8")
            (folder / name).write_text(f"---\npublished: {published}\n---\n\n{text}", encoding="utf-8")
            gold[name] = cluster
    return gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("all", "test", "validation"), default="all")
    ap.add_argument("--pdf", metavar="DIR", help="also build the weekly brief into DIR and count its PDF pages")
    args = ap.parse_args(argv)
    if not DEVSET.is_dir():
        print(f"no development set at {DEVSET}; it comes with the shared devsets checkout", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from briefing.archive.ingest import Intake
    from briefing.archive.store import Archive
    from briefing.weekly import stories

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        gold = dev_week(tmp / "in", args.split)
        reports = []
        with Archive(tmp / "week.db") as archive:
            Intake(archive, reports.append).run([str(tmp / "in")])
            stored = archive.week(WEEK)
            t0 = time.perf_counter()
            groups = stories.cluster([stories.Item(n, s.origin_id, s.article.text, s.article.source.published or "")
                                      for n, s in enumerate(stored)])
            seconds = time.perf_counter() - t0
            name_of = [Path(s.article.source.path).name for s in stored]
            story_of = {name_of[i]: k for k, group in enumerate(groups) for i in group}
            names = sorted(gold)
            # an input lost: not stored (failed), or stored but in no story
            lost = [n for n in names if n not in story_of]
            failed = [r for r in reports if r.status == "failed"]
            present = [r for r in reports if r.status == "present"]
            kept = [n for n in names if n in story_of]
            ari = adjusted_rand_index([gold[n] for n in kept], [story_of[n] for n in kept])
            sizes = Counter(len(g) for g in groups)
            print(f"development week {WEEK} ({args.split}): {len(names)} articles, {len(set(gold.values()))} events")
            print(f"stories {len(groups)} (sizes {dict(sorted(sizes.items()))}); clustering {seconds:.2f} s")
            print(f"adjusted Rand index {ari:.3f}")
            print(f"lost articles {len(lost)}" + (f" ({', '.join(lost)})" if lost else "")
                  + f"; failed to ingest {len(failed)}; already stored (same text) {len(present)}")
            split_events = sum(1 for c in set(gold.values()) if len({story_of[n] for n in kept if gold[n] == c}) > 1)
            mixed = sum(1 for g in groups if len({gold[name_of[i]] for i in g}) > 1)
            print(f"events split over several stories {split_events}; stories mixing events {mixed}")
            if args.pdf:
                _build(archive, Path(args.pdf))
    return 0


def _build(archive, out: Path) -> None:
    from briefing.weekly import build as weekly
    from briefing.weekly import render as weekly_render

    t0 = time.perf_counter()
    brief = weekly.build(archive, WEEK)
    written = weekly_render.write(brief, out, ("md", "html", "pdf"), "brief")
    print(f"weekly brief {time.perf_counter() - t0:.1f} s: {', '.join(str(p) for p in written)}")
    pdf = [p for p in written if p.suffix == ".pdf"][0]
    print(f"PDF pages {pdf_pages(pdf)} for {len(brief.sources)} articles, {len(brief.stories)} stories")


def pdf_pages(pdf: Path) -> str:
    """The PDF's page count as pdfinfo (poppler-utils) reads it, else '?'."""
    import shutil
    import subprocess

    if not shutil.which("pdfinfo"):
        return "? (install poppler-utils for pdfinfo)"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


if __name__ == "__main__":
    sys.exit(main())
