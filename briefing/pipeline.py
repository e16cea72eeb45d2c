"""The whole pipeline, in order. Each stage is a function from typed records to typed records.

    files -> ingest -> clean -> segment -> summarize -> synthesize -> classify
          -> corroborate, contest, timeline, actors -> Brief
    Brief -> render (Markdown, HTML, JSON) -> pdf
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing import parallel
from briefing.errors import InputError, NoArticlesError
from briefing.models import Article, Brief, Claim, Problem, Summary
from briefing.options import Limits, Options, describe as describe_limit
from briefing.sources import clean, files
from briefing.stages import actors, classify, contested, corroborate, describe, synthesize
from briefing.stages.timeline import build_timeline
from briefing.text import language

# Key points: a quarter of the claims, at least 3 and at most 5 (bottom line up front: a
# reader should take in the key points in under a minute).
KEY_POINTS_MIN, KEY_POINTS_MAX, KEY_POINTS_SHARE = 3, 5, 0.25


@dataclass
class BuildResult:
    brief: Brief
    problems: list[Problem] = field(default_factory=list)  # inputs skipped, with reasons
    warnings: list[Problem] = field(default_factory=list)  # inputs read only in part (limits.py)
    summaries: list[Summary] = field(default_factory=list)

    def input_files(self) -> set[Path]:
        """Every file the build read or skipped: none of them may be overwritten by its output."""
        named = [Path(s.path) for s in self.brief.sources if s.path] + [Path(p.path) for p in self.problems]
        # an earlier brief in the folder was skipped as such, and may be replaced
        return {n.resolve() for n in named if n.is_file() and not files.is_briefing_output(n)}


def build(inputs: list[str], options: Options = Options()) -> BuildResult:
    """Read the inputs and make the brief; raise NoArticlesError if no article is usable."""
    # 1-2. find and read the articles, then clean each; a bad file costs only itself
    articles, problems = read_articles(inputs, options.exclude, options.limits)
    if not articles:
        raise NoArticlesError("no usable article among the inputs, so no brief was made; give .txt, "
                              ".md, .html, .pdf or .docx files that contain an article's text", problems)
    result = make_brief(articles, options)
    result.problems = problems
    return result


def make_brief(articles: list[Article], options: Options = Options(),
               origin_of: dict[str, str] | None = None) -> BuildResult:
    """Stages 3-8 on articles already read: a single brief, or one story of a weekly brief.
    `origin_of` maps source ids to independent origins when the caller knows them (the
    archive does); otherwise near-duplicate articles are found here."""
    # 3-4. tell each article's language; split each into sentences with offsets into its cleaned
    # text, rank them (in its language) and keep its condensed set: on every core (parallel.py)
    articles = language.tag(articles)
    summaries = parallel.summarize_articles(articles, options.summarizer, options.keep_all, options.jobs,
                                            options.progress, options.limits)
    documents = [s.document for s in summaries]
    warnings = [Problem(str(d.article.source.path), note) for d in documents for note in d.article.notes]
    # 5. merge the sentences that state the same claim across articles; compare their facts
    published = {a.source.id: a.source.published for a in articles}
    claims, witnesses = synthesize.merge(summaries, published, stand_alone=not options.keep_all)
    # 6. sort the claims into sections
    scheme = options.scheme or classify.load_scheme()
    claims = fit_reading_time(classify.classify(claims, documents, scheme), options.claim_words)
    claims = number_claims(claims, scheme)
    # 7. how well each claim is supported, which claims are denied, when things happened, who acted
    claims = corroborate.count_origins(claims, origin_of if origin_of is not None else corroborate.origins(articles))
    claims = contested.link_denials(claims, documents, witnesses)
    sections = classify.sections_of(claims, scheme)
    timeline = shorten_timeline(build_timeline(claims, documents, witnesses), options.timeline_max)
    shown = [(c.ref, c.evidence) for c in claims] + [(e.ref, e.evidence) for e in timeline] \
        + [(c.ref, list(d.evidence)) for c in claims for d in c.denials]
    # 8. bottom line up front
    source_summaries = [(s.source_id, [s.document.sentences[i].text for i in s.condensed]) for s in summaries]
    brief = Brief(
        title=options.title or derive_title(articles, claims),
        sources=[describe.describe(d.article, [s.text for s in d.sentences]).source for d in documents],
        key_points=key_points(claims, options.key_points_max or KEY_POINTS_MAX),
        sections=sections,
        source_summaries=source_summaries,
        appendix_printed=options.appendix_words is None
        or sum(len(t.split()) for _, texts in source_summaries for t in texts) <= options.appendix_words,
        timeline=timeline,
        actors=actors.find_actors(shown)[:options.actors_max],
        banner=options.banner,
        built=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if options.stamp else None,
        language_note=language.brief_note([a.source.language for a in articles]),
    )
    return BuildResult(brief=brief, summaries=summaries, warnings=warnings)


def read_articles(inputs: list[str], exclude: Path | None = None,
                  limits: Limits = Limits()) -> tuple[list[Article], list[Problem]]:
    """Ingest and clean every input file; number the usable ones 1, 2, 3 in sorted order."""
    paths, problems = files.collect(inputs, exclude)
    articles: list[Article] = []
    seen: dict[str, str] = {}  # text digest -> file: a copy of an article is read once
    max_articles = limits.max_articles
    for path in paths:
        if len(articles) == max_articles:
            problems.append(Problem(str(path), f"not read: the brief already has {describe_limit('max_articles', limits)}"))
            continue
        source_id = str(len(articles) + 1)
        try:
            articles.append(clean.clean(files.read(path, source_id, seen, limits)))
        except InputError as exc:
            problems.append(Problem(str(path), str(exc)))
    return articles, problems


def fit_reading_time(claims: list[Claim], words: int | None) -> list[Claim]:
    """The best claims (claims arrive best first, each placed in its section) that fit in
    `words` words, each section keeping at least its best claim so that no section the
    sources speak to goes missing; claims keep their order."""
    if words is None or sum(len(c.text.split()) for c in claims) <= words:
        return claims
    best_of_section: dict[str, Claim] = {}
    for claim in claims:
        best_of_section.setdefault(claim.section, claim)
    keep = {id(c) for c in best_of_section.values()}
    used = sum(len(c.text.split()) for c in claims if id(c) in keep)
    for claim in claims:
        if id(claim) not in keep and used + len(claim.text.split()) <= words:
            keep.add(id(claim))
            used += len(claim.text.split())
    return [c for c in claims if id(c) in keep]


def number_claims(claims: list[Claim], scheme: classify.SectionScheme) -> list[Claim]:
    """Each claim with its anchor ("claim-3"), numbered in reading order: section by section."""
    order = {spec.key: n for n, spec in enumerate(scheme.specs)}
    reading = sorted(range(len(claims)), key=lambda i: (order.get(claims[i].section, len(order)), i))
    ref = {i: f"claim-{n}" for n, i in enumerate(reading, 1)}
    return [replace(c, ref=ref[i]) for i, c in enumerate(claims)]


def key_points(claims: list[Claim], most: int = KEY_POINTS_MAX) -> list[Claim]:
    """The most important claims (claims arrive sorted by score)."""
    n = max(min(KEY_POINTS_MIN, most), min(most, math.ceil(len(claims) * KEY_POINTS_SHARE)))
    return claims[:n]


def shorten_timeline(events: list, most: int | None) -> list:
    """At most `most` events: those the most sources report, kept in date order."""
    if most is None or len(events) <= most:
        return events
    ranked = sorted(range(len(events)), key=lambda i: (-len({e.source for e in events[i].evidence}), i))
    keep = set(ranked[:most])
    return [e for i, e in enumerate(events) if i in keep]


def derive_title(articles: list[Article], claims: list[Claim]) -> str:
    """The headline of the article behind the brief's top claim, else of the first with one."""
    titled = {a.source.id: a.source.title for a in articles if a.source.title}
    for claim in claims[:1]:
        if claim.origin[0] in titled:
            return titled[claim.origin[0]]
    if titled:
        return next(iter(titled.values()))
    return f"Brief from {len(articles)} source{'s' if len(articles) != 1 else ''}"


