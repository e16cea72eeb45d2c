"""Work shared among worker processes: one pool for every command's --jobs (build's articles,
weekly's stories, eval's clusters), and stages 3-4 over many articles with a progress bar.

`--jobs N` means the same everywhere: at most N worker processes, never more than the cores
this process may use; by default as many as those cores. Workers are started by fork where
the platform has it (they inherit what was loaded before, such as the summarizer); results
come back in input order, so the output never depends on the number of jobs. Where the
process limit is reached, the work is done in this process instead.

Each article is segmented and summarized on its own, so the work splits across processes
with nothing to share. The whole Summary travels back because it costs next to nothing:
pickling and unpickling 100 articles' Summaries takes 5 ms, their sentences alone 3 ms,
against 0.6 s of segmenting and summarizing them (benchmarks/corpus.py articles).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from briefing.stages import segment
from briefing.stages import summarize
from briefing.models import Article, Summary
from briefing.options import Limits

# Below this many articles a second process costs more than it saves. Measured with
# `briefing build` of one-story synthetic clusters (benchmarks/corpus.py) on 2 cores, -j 2
# against -j 1, medians of 7 runs: 15 articles 0.06 s slower, 20 even, 30 0.04 s faster,
# 100 0.15 s faster (2.14 s against 2.30 s). 30 leaves a margin over the break-even.
MIN_PARALLEL = 30
# A progress bar only for runs long enough to wait for: about a second of work or more.
PROGRESS_MIN = 200
# Articles sent to a worker at a time: segmenting and summarizing 16 news articles is about
# 0.1 s of work, long enough that messaging is a small share of it, short enough that both
# cores stay busy to the end (4, 8, 16 and 25 built 100 articles equally fast).
CHUNK = 16

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers(jobs: int | None) -> int:
    """How many processes `--jobs` asks for: `jobs` (default: all cores), never more than the
    cores, since '--jobs 100000' would fork until the process limit."""
    return default_jobs() if jobs is None else max(1, min(jobs, default_jobs()))


def map_in_order(work: Callable[[T], R], tasks: list[T], jobs: int | None = None,
                 chunksize: int = 1) -> Iterator[R]:
    """`work` over `tasks` on `workers(jobs)` processes (one alone: here), results in task
    order as they come. `work` and the tasks must pickle; workers are forked where possible."""
    jobs = min(workers(jobs), len(tasks))
    if jobs <= 1:
        yield from map(work, tasks)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        pool = context.Pool(jobs)
    except OSError:  # the process limit is reached (BlockingIOError): do the work here
        yield from map(work, tasks)
        return
    with pool:
        yield from pool.imap(work, tasks, chunksize=chunksize)


def _summary(task: tuple[Article, str, bool, Limits]) -> Summary:
    """Stages 3-4 for one article; in a worker, or in this process when it runs alone."""
    article, algorithm, keep_all, limits = task
    return summarize.summarize(segment.segment(article, limits), algorithm, keep_all)


def summarize_articles(articles: list[Article], algorithm: str = summarize.DEFAULT_ALGORITHM,
                       keep_all: bool = False, jobs: int | None = None, progress: bool = False,
                       limits: Limits = Limits()) -> list[Summary]:
    """Split every article into sentences and summarize it, on `jobs` processes (default:
    all cores) when it pays; the summaries come back in the order of `articles`."""
    tasks = [(a, algorithm, keep_all, limits) for a in articles]
    if len(tasks) < MIN_PARALLEL:
        jobs = 1
    elif workers(jobs) > 1:
        # Load sumy here, before the fork, so the workers inherit it: otherwise each worker
        # imports it (0.09 s) and then this process does too, for the stop words that claim
        # matching reads (terms.py), after the workers are done.
        summarize.make_summarizer(algorithm)
    bar = _bar(len(tasks)) if progress and len(tasks) >= PROGRESS_MIN else None
    try:
        return _collect(map_in_order(_summary, tasks, jobs, CHUNK), bar)
    finally:
        if bar:
            bar.close()


def _collect(summaries: Iterable[Summary], bar) -> list[Summary]:
    """The summaries in the order they come, the progress bar moved on as each arrives."""
    out = []
    for summary in summaries:
        out.append(summary)
        if bar:
            bar.update(1)
    return out


def _bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, desc="summarizing", unit="article", file=sys.stderr, leave=False)
