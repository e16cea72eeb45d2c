"""`briefing eval`: ROUGE recall of `briefing summarize` and of sumy's summarizers on a set of
article clusters with human reference summaries, all measured in one run.

The set is laid out as SET_DIR/<cluster>/docs/*.txt (the articles) and
SET_DIR/<cluster>/refs/*.txt (reference summaries). Scoring follows the convention of the
DUC evaluations: ROUGE-1 and ROUGE-2 recall with Porter stemming and stop words kept, every
summary truncated to the word budget, averaged over a cluster's references, then over
clusters. The scorer is Google's `rouge-score` package (`pip install briefing[eval]`).

The sumy baselines are what a user without briefing would do: paste a cluster's articles
together and run one sumy summarizer over the lot, taking sentences in its rank order until
the budget is spent. They split sentences with the same splitter as briefing (syntok).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing.errors import BriefingError, UsageError

# One BLAS thread: the only BLAS work here is LSA's SVD of a small matrix, which OpenBLAS
# splits over every core; on a busy 2-core machine its threads wait on each other and one
# SVD took 30 times as long (1.4 s of CPU against 0.05 s). Set before numpy is first imported
# (sumy imports it); a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

BASELINES = ("lexrank", "textrank", "lsa", "luhn", "sumbasic")
SYSTEMS = ("briefing",) + BASELINES


@dataclass
class Cluster:
    name: str
    docs: list[Path]
    refs: list[str]


@dataclass
class SystemResult:
    system: str
    rouge1: float = 0.0  # recall, percent
    rouge2: float = 0.0
    seconds: float = 0.0
    verbatim: float | None = None  # share of summary sentences found verbatim in a source, percent
    redundancy: float | None = None  # share of summary sentence pairs that are near-duplicates, percent
    per_cluster: dict[str, tuple[float, float]] = field(default_factory=dict)


def load_set(set_dir: Path) -> list[Cluster]:
    """The clusters of a benchmark folder, in name order; refuse a folder without any."""
    if not set_dir.is_dir():
        raise UsageError(f"{set_dir}: no such folder; give a folder of clusters laid out as "
                         "CLUSTER/docs/*.txt and CLUSTER/refs/*.txt")
    clusters = []
    for folder in sorted(p for p in set_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        docs = sorted((folder / "docs").glob("*.txt"))
        refs = sorted((folder / "refs").glob("*.txt"))
        if not docs or not refs:
            raise UsageError(f"{folder}: needs docs/*.txt and refs/*.txt; add them or move the folder out of the set")
        clusters.append(Cluster(folder.name, docs, [_read(r) for r in refs]))
    if not clusters:
        raise UsageError(f"{set_dir}: holds no cluster folders (CLUSTER/docs/*.txt, CLUSTER/refs/*.txt)")
    return clusters


def _read(path: Path) -> str:
    from briefing.sources.decode import decode

    return decode(path.read_bytes())


def truncate(text: str, budget: int) -> str:
    return " ".join(text.split()[:budget])


@lru_cache(maxsize=1)
def _scorer():
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise BriefingError("briefing eval needs the rouge-score package; install it with "
                            "pip install 'briefing[eval]'") from None
    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def rouge_recall(scorer, summary: str, refs: list[str], budget: int) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 recall (percent) of a summary, averaged over the references."""
    summary = truncate(summary, budget)
    r1 = r2 = 0.0
    for ref in refs:
        score = scorer.score(ref, summary)
        r1 += score["rouge1"].recall
        r2 += score["rouge2"].recall
    return 100 * r1 / len(refs), 100 * r2 / len(refs)


def baseline_summary(texts: list[str], algorithm: str, budget: int) -> list[str]:
    """sumy over the concatenated articles: sentences in rank order until `budget` words."""
    from briefing.stages.summarize import rank

    sentences = _joined_sentences(tuple(texts))
    chosen, used = [], 0
    for i in rank(sentences, algorithm):
        if used >= budget:
            break
        chosen.append(sentences[i])
        used += len(sentences[i].split())
    return chosen


@lru_cache(maxsize=1)
def _joined_sentences(texts: tuple[str, ...]) -> list[str]:
    """The sentences of the articles pasted together (split once for all the baselines)."""
    from briefing.text.sentences import split_spans

    joined = "\n\n".join(texts)
    return [" ".join(joined[s:e].split()) for s, e in split_spans(joined)]


def _norm(text: str) -> str:
    return " ".join(text.split())


def verbatim_share(lines: list[str], sources: list[str]) -> float:
    """Percent of summary lines that occur unchanged (white space aside) in some source."""
    if not lines:
        return 100.0
    normalized = [_norm(s) for s in sources]
    return 100 * sum(any(_norm(line) in s for s in normalized) for line in lines) / len(lines)


def redundancy_share(lines: list[str]) -> float:
    """Percent of pairs of summary lines that are near-duplicates of each other (the same
    test as the summary's own, multidoc.NEAR_DUPLICATE)."""
    from briefing.summary.multidoc import restates
    from briefing.text.terms import terms

    bags = [set(terms(line)) for line in lines]
    pairs = [(a, b) for i, a in enumerate(bags) for b in bags[i + 1:]]
    if not pairs:
        return 0.0
    dup = sum(1 for a, b in pairs if restates(a, b))
    return 100 * dup / len(pairs)


def evaluate(set_dir: Path, budget: int = 100, systems: tuple[str, ...] = SYSTEMS,
             jobs: int | None = None) -> list[SystemResult]:
    """Score every system on every cluster of the set, the clusters shared among `jobs`
    processes (default: all cores)."""
    from briefing import parallel

    clusters = load_set(set_dir)
    _scorer()  # a missing scorer is said here, once; the workers inherit it
    tasks = [(cluster, systems, budget) for cluster in clusters]
    scored = list(parallel.map_in_order(_score_cluster, tasks, jobs))
    results = []
    for system in systems:
        result = SystemResult(system)
        for cluster, by_system in zip(clusters, scored):
            r1, r2, seconds, _, _ = by_system[system]
            result.per_cluster[cluster.name] = (r1, r2)
            result.seconds += seconds
        result.rouge1 = sum(r for r, _ in result.per_cluster.values()) / len(clusters)
        result.rouge2 = sum(r for _, r in result.per_cluster.values()) / len(clusters)
        if system == "briefing":
            result.verbatim = sum(s[system][3] for s in scored) / len(scored)
            result.redundancy = sum(s[system][4] for s in scored) / len(scored)
        results.append(result)
    return results


def _score_cluster(task: tuple[Cluster, tuple[str, ...], int]) -> dict[str, tuple]:
    """Every system on one cluster (read once, its articles split once for the baselines):
    system -> (ROUGE-1, ROUGE-2, seconds, verbatim %, redundant %), the last two for briefing."""
    from briefing.pipeline import Options
    from briefing.summary import multidoc

    cluster, systems, budget = task
    texts = [_read(p) for p in cluster.docs]
    scored = {}
    for system in systems:
        start = time.perf_counter()
        if system == "briefing":
            lines, _ = multidoc.summarize([str(p) for p in cluster.docs], budget, Options(jobs=1))
        else:
            lines = baseline_summary(texts, system, budget)
        seconds = time.perf_counter() - start
        r1, r2 = rouge_recall(_scorer(), "\n".join(lines), cluster.refs, budget)
        extra = (verbatim_share(lines, texts), redundancy_share(lines)) if system == "briefing" else (None, None)
        scored[system] = (r1, r2, seconds, *extra)
    return scored


def table(results: list[SystemResult], n_clusters: int, budget: int) -> str:
    """The results as a plain-text table."""
    head = f"{'system':<10} {'ROUGE-1 R':>9} {'ROUGE-2 R':>9} {'seconds':>8} {'verbatim':>9} {'redundant':>9}"
    lines = [f"{n_clusters} clusters, summaries truncated to {budget} words; recall in percent", head,
             "-" * len(head)]
    for r in results:
        verb = f"{r.verbatim:.0f}%" if r.verbatim is not None else "-"
        red = f"{r.redundancy:.0f}%" if r.redundancy is not None else "-"
        lines.append(f"{r.system:<10} {r.rouge1:>9.2f} {r.rouge2:>9.2f} {r.seconds:>8.2f} {verb:>9} {red:>9}")
    return "\n".join(lines)


def to_dict(results: list[SystemResult], n_clusters: int, budget: int) -> dict:
    return {"clusters": n_clusters, "words": budget, "systems": [
        {"system": r.system, "rouge1_recall": round(r.rouge1, 3), "rouge2_recall": round(r.rouge2, 3),
         "seconds": round(r.seconds, 3), "verbatim_percent": r.verbatim, "redundant_pairs_percent": r.redundancy,
         "per_cluster": {k: {"rouge1_recall": round(a, 3), "rouge2_recall": round(b, 3)}
                         for k, (a, b) in r.per_cluster.items()}}
        for r in results]}

