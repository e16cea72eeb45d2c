"""Speed and memory of briefing, measured against what its users would otherwise do.

    .venv/bin/python benchmarks/run.py            # all three, about 8 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --runs 1   # one run each, for a quick look

Every figure is the median of several runs of a fresh process (so imports count, as they
do for a user), with the peak resident memory of the largest run; ratios are between
figures measured in this same run. The corpora are synthetic and deterministic (see
benchmarks/corpus.py).

1. Ad hoc: `briefing build` of the example, all four formats, against the floor any such
   tool pays: importing WeasyPrint and sumy and rendering one PDF page. Target: <= 1.5x.
2. One large cluster: `briefing build` of 100 articles of one story (the whole brief, all
   four formats) against sumy's LexRank over their concatenation. Target: >= 10x faster.
3. Throughput: reading, per-article condensation and claim synthesis of 1,000 and 5,000
   articles (10 to a story). Target: 5x the articles in at most 6x the time, peak memory
   within 2 GiB.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import EXAMPLE, write_corpus  # noqa: E402

PYTHON = sys.executable

FLOOR = """
import sumy.summarizers.lex_rank, sumy.nlp.stemmers
from weasyprint import HTML
HTML(string="<h1>Brief</h1><p>One page.</p>").write_pdf()
"""

SUMY_LEXRANK = """
import sys
from pathlib import Path
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
from briefing.stages.segment import SumyTokenizer  # the same splitter; sumy's own needs NLTK data

text = "\\n\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
document = PlaintextParser.from_string(text, SumyTokenizer()).document
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
for sentence in summarizer(document, 10):
    print(sentence)
"""


def run_process(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak memory (MiB) of one command and its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    _, status, usage = os.wait4(proc.pid, 0)  # the usage of this command (and its children) only
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(args)}\n{proc.stderr.read().decode()}")
    proc.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss: KiB on Linux


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, dict]:
    """Run the commands in turn, `runs` rounds: interleaving puts each under the same load
    from whatever else the machine is doing, so their ratio holds even when it is busy."""
    walls = {label: [] for label in commands}
    cpus = {label: [] for label in commands}
    peaks = {label: [] for label in commands}
    for _ in range(runs):
        for label, args in commands.items():
            wall, cpu, peak = run_process(args)
            walls[label].append(wall)
            cpus[label].append(cpu)
            peaks[label].append(peak)
    results = {}
    for label in commands:
        r = {"median": statistics.median(walls[label]), "cpu": statistics.median(cpus[label]),
             "runs": walls[label], "peak_mib": max(peaks[label])}
        results[label] = r
        print(f"  {label:<46} median {r['median']:6.2f} s wall, {r['cpu']:6.2f} s CPU  (runs: "
              f"{', '.join(f'{t:.2f}' for t in r['runs'])})  peak {r['peak_mib']:4.0f} MiB", flush=True)
    return results


def throughput_worker(folder: str) -> None:
    """Read, condense and synthesize every article in `folder`; print seconds and peaks."""
    import resource

    from briefing import parallel, pipeline
    from briefing.stages import synthesize

    start = time.perf_counter()
    articles, _ = pipeline.read_articles([folder])
    summaries = parallel.summarize_articles(articles)
    claims = synthesize.synthesize(summaries)
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{seconds} {own} {workers} {len(claims)} {len(articles)}")


def measure_throughput(n: int, folder: Path, runs: int) -> dict:
    times, own, workers = [], [], []
    for _ in range(runs):
        # a brief reads at most BRIEFING_MAX_ARTICLES (500) by default; throughput reads all
        out = subprocess.run([PYTHON, __file__, "--throughput-worker", str(folder)], cwd=ROOT,
                             capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "BRIEFING_MAX_ARTICLES": str(n)}
                             ).stdout.split()
        if int(out[4]) != n:
            raise SystemExit(f"throughput read {out[4]} of {n} articles; the figures would be wrong")
        times.append(float(out[0]))
        own.append(float(out[1]))
        workers.append(float(out[2]))
    result = {"n": n, "median": statistics.median(times), "runs": times, "main_mib": max(own),
              "worker_mib": max(workers), "claims": int(out[3])}
    # main process and every worker at their peaks at once: an upper bound on the total
    result["total_mib"] = result["main_mib"] + result["worker_mib"] * _jobs()
    print(f"  {n:>5} articles: median {result['median']:7.2f} s  ({runs} runs: "
          f"{', '.join(f'{t:.2f}' for t in times)})  peak main {result['main_mib']:.0f} MiB, "
          f"largest worker {result['worker_mib']:.0f} MiB, {result['claims']} claims", flush=True)
    return result


def _jobs() -> int:
    from briefing.parallel import default_jobs

    return default_jobs()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=0, help="runs per figure (default: 5, 3, 3)")
    parser.add_argument("--only", type=int, choices=(1, 2, 3), action="append",
                        help="run only this benchmark (may be repeated)")
    parser.add_argument("--throughput-worker", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.throughput_worker:
        throughput_worker(args.throughput_worker)
        return
    began = time.perf_counter()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores ({_jobs()} usable), Python "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        chosen = set(args.only or (1, 2, 3))
        if 1 in chosen:
            ad_hoc(tmp, args.runs or 5)
        if 2 in chosen:
            one_large_cluster(tmp, args.runs or 3)
        if 3 in chosen:
            throughput(tmp, args.runs or 3)
    print(f"\nbenchmarks took {time.perf_counter() - began:.0f} s")


def ad_hoc(tmp: Path, runs: int) -> None:
    print("\n1. Ad hoc: the example brief, all four formats, vs importing WeasyPrint + sumy and one PDF page")
    adhoc = measure({
        "floor (import weasyprint, sumy; 1 PDF page)": [PYTHON, "-c", FLOOR],
        "briefing build examples/dprk-russia": [PYTHON, "-m", "briefing", "build", str(EXAMPLE),
                                                "-o", str(tmp / "adhoc"), "-q"],
    }, runs)
    floor, brief = adhoc.values()
    ratio1, cpu1 = brief["median"] / floor["median"], brief["cpu"] / floor["cpu"]
    print(f"  => {ratio1:.2f}x the floor in wall time, {cpu1:.2f}x in CPU time (target <= 1.5x): "
          f"{'met' if ratio1 <= 1.5 else 'NOT met'}")


def one_large_cluster(tmp: Path, runs: int) -> None:
    print("\n2. One large cluster: 100 articles of one story, whole brief vs sumy LexRank on the concatenation")
    cluster = tmp / "cluster"
    write_corpus(cluster, 100, per_story=100)
    big = measure({
        "briefing build (md, html, pdf, json)": [PYTHON, "-m", "briefing", "build", str(cluster),
                                                 "-o", str(tmp / "big"), "-q"],
        "briefing build without the PDF (md, html, json)": [
            PYTHON, "-m", "briefing", "build", str(cluster), "-o", str(tmp / "big2"), "-q",
            "--formats", "md,html,json"],
        "sumy LexRank over the concatenation": [PYTHON, "-c", SUMY_LEXRANK, str(cluster)],
    }, runs)
    whole, no_pdf, sumy = big.values()
    ratio2 = sumy["median"] / whole["median"]
    print(f"  => briefing is {ratio2:.1f}x faster with the whole brief (target >= 10x): "
          f"{'met' if ratio2 >= 10 else 'NOT met'}; {sumy['median'] / no_pdf['median']:.1f}x without the PDF")


def throughput(tmp: Path, runs: int) -> None:
    print(f"\n3. Throughput: read, condense and synthesize ({_jobs()} jobs)")
    results = []
    for n in (1000, 5000):
        folder = tmp / f"corpus{n}"
        write_corpus(folder, n)
        results.append(measure_throughput(n, folder, runs))
    growth = results[1]["median"] / results[0]["median"]
    peak_gib = max(r["total_mib"] for r in results) / 1024
    print(f"  => 5x the articles took {growth:.2f}x the time (target <= 6x): {'met' if growth <= 6 else 'NOT met'}")
    print(f"  => peak memory at most {peak_gib:.2f} GiB (main + {_jobs()} workers at their peaks; "
          f"target <= 2 GiB): {'met' if peak_gib <= 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
