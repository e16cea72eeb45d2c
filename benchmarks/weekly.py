"""Benchmark: a busy week - 5,000 articles across 200 stories - ingested and built.

    .venv/bin/python benchmarks/weekly.py [--articles 5000] [--stories 200] [--pdf]

Generates a week of articles (invented places and people; each story has its own facts,
told by 25 outlets in different selections and orders, over shared topic vocabulary such
as "flood" or "strike" that several stories use), ingests them through `briefing ingest`'s
code path into a fresh archive, builds the weekly brief (Markdown and JSON; PDF with --pdf),
and prints wall and CPU time per stage (CPU time is what the machine's load does not
inflate; both are printed with the load average), peak memory (max RSS), the PDF's pages,
and how well the stories were found (adjusted Rand index and purity against the generated
stories; the generated week is for speed, not for choosing the clustering's parameters).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOPICS = {
    "flood": ["river", "flood", "water", "evacuated", "rain", "levee", "rescue"],
    "strike": ["workers", "strike", "union", "wages", "factory", "talks", "picket"],
    "election": ["vote", "election", "candidate", "ballot", "campaign", "turnout", "party"],
    "trade": ["tariff", "exports", "trade", "agreement", "ministers", "goods", "customs"],
    "fire": ["fire", "firefighters", "blaze", "smoke", "forest", "homes", "wind"],
    "court": ["court", "judge", "trial", "verdict", "lawyers", "appeal", "prosecutors"],
    "health": ["hospital", "outbreak", "patients", "vaccine", "clinic", "doctors", "cases"],
    "energy": ["power", "grid", "plant", "electricity", "outage", "turbines", "fuel"],
}
SYLLABLES = "ka lo mi ra ten vos dru pel an sik or bel nor ul vi zan tor em qua fen gri hal".split()


def name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


# Common news vocabulary; each story draws its own handful, so two stories share some words
# (as real reports of different events do) but not their facts.
NOUNS = ("bridge harbour station market museum factory airport stadium railway village tunnel port "
         "school hospital prison barracks embassy refinery mine dam reservoir canal highway ferry "
         "cathedral library theatre warehouse pipeline reactor laboratory farm vineyard orchard "
         "border checkpoint parliament ministry council agency regulator bank insurer exchange "
         "contract budget subsidy loan pension salary ticket licence permit quota sanction "
         "convoy shipment cargo tanker freighter aircraft helicopter drone satellite cable "
         "protest rally march petition boycott inquiry audit lawsuit settlement indictment").split()
VERBS = ("closed opened inspected blocked repaired evacuated seized approved rejected delayed "
         "expanded suspended cancelled funded criticised praised investigated raided reopened "
         "relocated renamed privatised nationalised surveyed mapped monitored guarded").split()
ADJECTIVES = ("northern southern eastern western coastal rural central disputed abandoned "
              "temporary historic crowded remote flooded damaged restored secret public private "
              "regional national municipal military civilian").split()
FRAMES = [
    "Officials in {place} said the {t1} {v1} the {a1} {n1} after {num1} {n2}s were reported.",
    "{person}, who leads the {group} {n3}, said the {n1} would stay {v2} until further notice.",
    "The {a2} {n4} near {place} was {v3} on Tuesday, according to the {group} {n3}.",
    "Authorities in {place} sent {num2} teams to the {a1} {n1} as the {t2} continued.",
    "{person} promised an inquiry into why the {n4} in {place} had been {v1}.",
    "Residents of {place} said the {t1} had left the {a2} {n2} without power for days.",
    "The {group} {n3} of {place} counted {num3} {n5}s {v2} since Monday.",
    "Critics of {person} said warnings about the {n5} in {place} were ignored for months.",
    "A spokesman for {person} said {place} would ask neighbouring regions for {n6}s.",
    "The {t3} forced the {a1} {n6} in {place} to close on Wednesday.",
    "Analysts expect the {n1} dispute in {place} to dominate the {group} {n3} next week.",
    "Volunteers in {place} collected food for families near the {a2} {n4}.",
    "Insurers estimate that the {t1} in {place} {v3} at least {num1} {n6}s.",
    "The {group} {n3} voted to {v0} the {n5} in {place} by a narrow margin.",
    "Engineers from {place} inspected the {n2} and found {num2} faults.",
    "{person} met {leader} in {place} to discuss the {a2} {n5}.",
]


def story_facts(rng: random.Random, topic: str) -> tuple[str, list[str]]:
    t = TOPICS[topic]
    n = rng.sample(NOUNS, 6)
    v = rng.sample(VERBS, 4)
    a = rng.sample(ADJECTIVES, 2)
    slots = {"place": name(rng), "person": f"{name(rng, 2)} {name(rng, 3)}", "group": name(rng, 2),
             "leader": f"{name(rng, 2)} {name(rng, 2)}",
             "t1": t[1], "t2": t[2], "t3": t[rng.randrange(len(t))],
             "n1": n[0], "n2": n[1], "n3": n[2], "n4": n[3], "n5": n[4], "n6": n[5],
             "v0": v[0].rstrip("ed") if v[0].endswith("ed") else v[0], "v1": v[1], "v2": v[2], "v3": v[3],
             "a1": a[0], "a2": a[1],
             "num1": rng.randint(3, 900), "num2": rng.randint(2, 60), "num3": rng.randint(10, 5000)}
    frames = rng.sample(FRAMES, 12)
    facts = [f.format(**slots) for f in frames]
    facts = [f[0].upper() + f[1:] for f in facts]
    title = f"{t[1].capitalize()} in {slots['place']}: {slots['person']} responds"
    return title, facts


FILLER = [
    "The situation remains fluid, according to people familiar with the matter.",
    "Further details are expected to be released in the coming days.",
    "Officials did not immediately respond to a request for comment.",
    "The government has faced growing pressure over its handling of similar events.",
    "Observers say the coming week will be decisive for the region.",
    "Local media carried live coverage throughout the day.",
]


def generate(folder: Path, n_articles: int, n_stories: int, seed: int = 43) -> dict[str, int]:
    """Write the week's articles as Markdown with front matter; return file name -> story."""
    rng = random.Random(seed)
    stories = [story_facts(rng, rng.choice(sorted(TOPICS))) for _ in range(n_stories)]
    truth = {}
    outlets = [f"{name(rng, 2)} {rng.choice(['Times', 'Post', 'Herald', 'News', 'Courier'])}" for _ in range(60)]
    for i in range(n_articles):
        s = i % n_stories
        title, facts = stories[s]
        chosen = rng.sample(facts, rng.randint(6, 10))
        body = chosen + rng.sample(FILLER, rng.randint(1, 3))
        rng.shuffle(body[1:])
        paragraphs = [" ".join(body[k:k + 2]) for k in range(0, len(body), 2)]
        day = 23 + rng.randint(0, 6)
        name_ = f"a{i:05d}.md"
        (folder / name_).write_text(
            f"---\ntitle: \"{title} ({i})\"\npublisher: {rng.choice(outlets)}\npublished: 2023-10-{day}\n---\n\n"
            + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        truth[name_] = s
    return truth


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the PDF printer, workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--stories", type=int, default=200)
    ap.add_argument("--pdf", action="store_true", help="also print the PDF (slow for a brief this long)")
    ap.add_argument("--jobs", type=int, help="worker processes for the story stage (default: the machine's cores)")
    ap.add_argument("--skip-marked", action="store_true",
                    help="leave out the second build (against a stored last week), to save time")
    ap.add_argument("--compare-jobs", action="store_true", help="also build with --jobs 2 and print the ratio")
    args = ap.parse_args()

    from benchmarks.weekly_clusters import adjusted_rand_index, pdf_pages
    from briefing.weekly import novelty
    from briefing.weekly import build as weekly
    from briefing.weekly import render as weekly_render
    from briefing.archive.store import Archive
    from briefing.archive.ingest import Intake
    from briefing.options import Options

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        t0 = time.perf_counter()
        truth = generate(tmp / "in", args.articles, args.stories)
        t1 = time.perf_counter()
        counts: Counter[str] = Counter()
        with Archive(tmp / "week.db") as archive:
            Intake(archive, lambda r: counts.update([r.status])).run([str(tmp / "in")])
            t2 = time.perf_counter()
            mem_ingest = peak_mib()
            cpu2 = _cpu()
            brief = weekly.build(archive, "2023-W43", Options(jobs=args.jobs), record=False)
            t3 = time.perf_counter()
            cpu3 = _cpu()
            serial, t3b = None, t3
            if args.compare_jobs:  # one process against two, both after the first (cold) build
                s0 = time.perf_counter()
                one = weekly_render.to_json(weekly.build(archive, "2023-W43", Options(jobs=1)))
                s1 = time.perf_counter()
                two = weekly_render.to_json(weekly.build(archive, "2023-W43", Options(jobs=2)))
                s2 = time.perf_counter()
                serial = (s1 - s0, s2 - s1, one == two == weekly_render.to_json(brief))
            t3b = time.perf_counter()
            # next week: the same week built against a previous brief in which half the claims
            # have other numbers (updated) and 1,200 claims of other stories (dropped), so the
            # comparison with last week runs at full size
            rng = random.Random(7)
            previous, marked, marks, c0, c1 = [], None, Counter(), 0.0, 0.0
            if not args.skip_marked:
                previous = [{**r, "text": re.sub(r"\d+", lambda m: str(int(m.group()) + 1), r["text"])}
                            if k % 2 else r for k, r in enumerate(weekly.claim_records(brief))]
                for _ in range(100):
                    title, facts = story_facts(rng, rng.choice(sorted(TOPICS)))
                    previous += [{"fingerprint": novelty.claim_key(f), "text": f, "story": title, "sources": []}
                                 for f in facts]
                archive.save_brief("2023-W42", previous)
                c0 = time.perf_counter()
                marked = weekly.build(archive, "2023-W43", Options(jobs=args.jobs))
                c1 = time.perf_counter()
                marks = Counter(m.status for m in marked.marks.values())
            t3b = time.perf_counter()
            cpu3b = _cpu()
            formats = ("md", "json", "html") + (("pdf",) if args.pdf else ())
            written = weekly_render.write(brief, tmp / "out", formats, "brief")
            archive.save_brief("2023-W43", weekly.claim_records(brief))
            t4 = time.perf_counter()
            cpu4 = _cpu()
        # how well the stories were found
        file_of = {s.id: Path(s.path).name for s in brief.sources}
        pure = 0
        for story in brief.stories:
            true = Counter(truth[file_of[i]] for i in story.source_ids)
            pure += true.most_common(1)[0][1]
        claims = sum(len(s.claims) for s in brief.stories)
        print(f"articles {args.articles}, true stories {args.stories}, cores available: 2 (machine)")
        print(f"generate     {t1 - t0:7.1f} s")
        print(f"ingest       {t2 - t1:7.1f} s  ({args.articles / (t2 - t1):.0f} articles/s; {dict(counts)}); "
              f"peak RSS {mem_ingest:.0f} MiB")
        print(f"load average {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
        print(f"weekly build {t3 - t2:7.1f} s, CPU {cpu3 - cpu2:.1f} s  ({len(brief.stories)} stories, {claims} claims)")
        if marked:
            print(f"weekly build against last week {c1 - c0:7.1f} s  ({dict(marks)}, {len(marked.dropped)} dropped "
                  f"of {len(previous)} stored claims)")
        if serial:
            print(f"weekly build again, warm: 1 process {serial[0]:.1f} s, 2 processes {serial[1]:.1f} s "
                  f"(2/1: {serial[1] / serial[0]:.2f}; same brief: {serial[2]})")
        pdf = [p for p in written if p.suffix == ".pdf"]
        pages = f"; PDF {pdf_pages(pdf[0])} pages" if pdf else ""
        print(f"render+write {t4 - t3b:7.1f} s, CPU {cpu4 - cpu3b:.1f} s  ({', '.join(p.suffix for p in written)}; "
              f"md {written[0].stat().st_size // 1024} KiB{pages})")
        print(f"total weekly (build+write) {t3 - t2 + t4 - t3b:.1f} s, CPU {cpu3 - cpu2 + cpu4 - cpu3b:.1f} s; "
              f"peak RSS {peak_mib():.0f} MiB "
              f"(largest child process {peak_mib(resource.RUSAGE_CHILDREN):.0f} MiB)")

        found = {i: k for k, story in enumerate(brief.stories) for i in story.source_ids}
        ari = adjusted_rand_index([truth[file_of[s.id]] for s in brief.sources], [found[s.id] for s in brief.sources])
        print(f"clusters {len(brief.stories)} vs {args.stories} true; purity {pure / len(brief.sources):.3f}; "
              f"adjusted Rand index {ari:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
