"""`briefing eval --judged`: build each judged cluster's brief, measure it, report the figures
overall and per cluster (a table, or JSON), and dump what the judgements do not cover."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.options import Options
from briefing.errors import UsageError
from briefing.summary import judged as data
from briefing.summary.judged_measures import Built, ClusterReport, Ratio, measure

# (key, what is counted, target from issues 12 and 13)
MEASURES = (
    ("sections", "body claims in an acceptable section", ">= 80%"),
    ("sections_all_statement", "  the same claims all in Statement (baseline)", ""),
    ("junk", "shown claims that cannot stand alone", "<= 5%"),
    ("key_points_bad", "key points that are background or junk", "<= 10%"),
    ("within_words", "briefs within 1,200 words before the sources", "100%"),
    ("printed_twice", "body claims printed twice", "0%"),
    ("citation_precision", "cited sentences that state the claim", ">= 98%"),
    ("citation_recall", "judged same-claim pairs in the brief cited together", ""),
    ("discrepancy_precision", "'Sources differ' flags judged real", ">= 90%"),
    ("discrepancy_recall", "real discrepancies cited in one claim that are flagged", ""),
    ("actor_recall", "judged actors listed", ""),
    ("actor_precision", "listed actors judged correct", ">= 90%"),
    ("timeline_years", "timeline entries with a year", "100%"),
)
COUNTS = (
    ("words", "words before the source list"),
    ("citations_unjudged", "cited pairs not judged"),
    ("flags_unjudged", "'Sources differ' flags not judged"),
    ("actors_unjudged", "listed actors not judged yet"),
    ("claims_unjudged", "shown claims with no sentence judgement"),
    ("sentences_unlocated", "brief sentences with no judged span in the raw file"),
)


@dataclass
class JudgedResult:
    clusters: list[ClusterReport]

    def overall(self) -> dict[str, Ratio]:
        return {key: sum((c.ratios[key] for c in self.clusters), Ratio()) for key, _, _ in MEASURES}

    def totals(self) -> dict[str, int]:
        return {key: sum(c.counts.get(key, 0) for c in self.clusters) for key, _ in COUNTS}

    def words(self) -> dict[str, int]:
        """Words before the source list: the mean and the longest brief."""
        words = [c.counts["words"] for c in self.clusters]
        return {"mean": round(sum(words) / max(len(words), 1)), "max": max(words, default=0)}

    def unjudged(self) -> list[tuple[str, ...]]:
        return [row for c in self.clusters for row in c.unjudged]


def build_cluster(name: str, docs: list[Path], judged_dir: Path) -> Built:
    """The brief `briefing build` makes of the cluster's articles, built in this process."""
    from briefing import pipeline
    from briefing.render import views

    judged = data.load_judgements(judged_dir, name)
    brief = pipeline.build([str(p) for p in docs], Options(jobs=1)).brief
    return Built(name, brief, views.to_markdown(brief), data.make_locator(brief.sources, docs, judged), judged)


def evaluate_judged(judged_dir: Path = data.JUDGED_DIR, devset: Path = data.DEVSET,
                    jobs: int | None = None) -> JudgedResult:
    """Every judged cluster built and measured, the clusters shared among `jobs` worker
    processes (default: the cores); the figures do not depend on the number."""
    from briefing.parallel import map_in_order

    names = data.judged_clusters(judged_dir)
    docs = data.cluster_docs(devset, names)
    return JudgedResult(list(map_in_order(_measured, [(n, docs[n], judged_dir) for n in names], jobs)))


def _measured(task: tuple[str, list[Path], Path]) -> ClusterReport:
    return measure(build_cluster(*task))


def _percent(r: Ratio) -> str:
    return "-" if r.percent is None else f"{r.percent:.1f}%"


def table(result: JudgedResult) -> str:
    """The figures as plain text: overall with counts and targets, then per cluster."""
    overall = result.overall()
    lines = [f"{len(result.clusters)} judged clusters; percent of the judged items",
             f"{'measure':<56} {'count':>9} {'percent':>8} {'target':>7}"]
    lines += [f"{label:<56} {f'{overall[k].hits}/{overall[k].total}':>9} {_percent(overall[k]):>8} {target:>7}"
              for k, label, target in MEASURES]
    totals = result.totals()
    words = result.words()
    lines += ["", f"words before the source list: mean {words['mean']}, max {words['max']}"]
    lines += [f"{label}: {totals[k]}" for k, label in COUNTS[1:]]
    lines += ["", "per cluster (percent, and in brackets how many judged items):", _LEGEND, _cluster_head()]
    lines += [_cluster_row(c) for c in result.clusters]
    return "\n".join(lines)


_LEGEND = ("sect/base: sections and the all-Statement baseline; junk: cannot stand alone; kp: key points "
           "background or junk;\nwords: before the source list; twice: printed twice; cit, dif: citations and "
           "'Sources differ', precision and recall;\nact-R: actors found; year: timeline entries with a year")
_SHORT = ("sect", "base", "junk", "kp", "words", "twice", "cit-P", "cit-R", "dif-P", "dif-R", "act-R", "year")


def _cluster_head() -> str:
    return f"{'cluster':<12}" + "".join(f"{h:>11}" for h in _SHORT)


def _cluster_row(c: ClusterReport) -> str:
    cells = []
    for key, _, _ in MEASURES:
        r = c.ratios[key]
        cells.append(str(c.counts["words"]) if key == "within_words" else f"{_percent(r)}({r.total})")
    return f"{c.name:<12}" + "".join(f"{cell:>11}" for cell in cells)


def _ratio_dict(r: Ratio) -> dict:
    return {"hits": r.hits, "total": r.total, "percent": None if r.percent is None else round(r.percent, 2)}


def to_dict(result: JudgedResult) -> dict:
    return {
        "clusters": len(result.clusters),
        "measures": {k: {"label": label.strip(), "target": target} for k, label, target in MEASURES},
        "overall": {k: _ratio_dict(r) for k, r in result.overall().items()},
        "counts": {**result.totals(), "words": result.words()},
        "per_cluster": {c.name: {**{k: _ratio_dict(r) for k, r in c.ratios.items()}, "counts": c.counts}
                        for c in result.clusters},
    }


def check_dump(path: Path, judged_dir: Path) -> None:
    """Refuse, before anything is built, a dump file that would write over a judgement file."""
    if path.exists() and path.resolve().parent == judged_dir.resolve():
        raise UsageError(f"--dump-unjudged {path} would overwrite a judgement file; name a new file")


def write_unjudged(result: JudgedResult, path: Path) -> int:
    """Write the pairs, flags and actors the judgements do not cover, as ids (TSV)."""
    from briefing.render.write import atomic_write

    rows = result.unjudged()
    text = "cluster\tmeasure\ta\tb\n" + "".join("\t".join(row) + "\n" for row in rows)
    atomic_write(path, text.encode("utf-8"))
    return len(rows)
