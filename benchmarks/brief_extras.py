"""How much the decision-maker extras cost: origins, denials, timeline, actors, descriptors.

Run: .venv/bin/python -m benchmarks.brief_extras [COPIES]

Builds the bundled example (3 articles) and a larger set made of COPIES (default 10) of each
example article with its paragraphs rotated (so that reprint detection has work to do), and
prints the median time of each extra stage beside the median time of the whole build.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefing import pipeline
from briefing.stages import actors
from briefing.stages import contested
from briefing.stages import corroborate
from briefing.stages import describe
from briefing.stages.timeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "dprk-russia"
RUNS = 5


def median_ms(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(folder: Path, label: str) -> None:
    result = pipeline.build([str(folder)])
    brief = result.brief
    claims = [c for s in brief.sections for c in s.claims]
    documents = [s.document for s in result.summaries]
    articles = [d.article for d in documents]
    shown = [(c.ref, c.evidence) for c in claims] + [(e.ref, e.evidence) for e in brief.timeline]
    whole = median_ms(lambda: pipeline.build([str(folder)]))
    stages = {
        "origins": lambda: corroborate.origins(articles),
        "denials": lambda: (contested.link_denials(claims, documents),
                            [c.denials.clear() for c in claims]),  # leave the claims as they were
        "timeline": lambda: build_timeline(claims, documents),
        "actors": lambda: actors.find_actors(shown),
        "descriptors": lambda: [describe.descriptor(d.article, [s.text for s in d.sentences]) for d in documents],
    }
    print(f"{label}: {len(articles)} articles, {len(claims)} claims, whole build median {whole:.0f} ms")
    for name, fn in stages.items():
        ms = median_ms(fn)
        print(f"  {name:<12} median {ms:8.1f} ms  ({ms / whole:6.1%} of the build)")


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    measure(EXAMPLE, "example")
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(EXAMPLE.glob("*.txt")):
            paragraphs = path.read_text("utf-8").split("\n\n")
            for n in range(copies):
                k = n % max(1, len(paragraphs))
                rotated = paragraphs[:1] + paragraphs[1 + k:] + paragraphs[1:1 + k]  # keep the headline first
                (Path(tmp) / f"{path.stem}_{n:02d}.txt").write_text("\n\n".join(rotated), "utf-8")
        measure(Path(tmp), f"{copies} copies of each")


if __name__ == "__main__":
    main()
