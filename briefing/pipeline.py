"""The whole pipeline, in order. Each stage is a function from typed records to typed records.

    files -> ingest -> clean -> segment -> summarize -> synthesize -> classify
          -> corroborate, contest, timeline, actors -> Brief
    Brief -> render (Markdown, HTML, JSON) -> pdf
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing import parallel
from briefing.stages import actors
from briefing.stages import classify
from briefing.sources import clean
from briefing.stages import contested
from briefing.stages import corroborate
from briefing.stages import describe
from briefing.stages import headline
from briefing.stages import key_points as leads
from briefing.stages import related
from briefing.sources import files as ingest
from briefing.sources import wire
from briefing import options as limits
from briefing.stages import summarize
from briefing.stages import synthesize
from briefing.errors import InputError, NoArticlesError
from briefing.models import Article, Brief, Claim, Problem, Summary
from briefing.profile import Profile
from briefing.stages.timeline import build_timeline

# A brief is read in five minutes: at the 238 words a minute adults read non-fiction silently
# (Brysbaert 2019, a meta-analysis of 190 studies), that is about 1,200 words. The claims get
# 750 of them (with their citations about 850), the timeline 150 and the actors list 12 names.
# The key points are among these claims and are not printed again in their sections. A brief
# of three articles (the example: 468 words of claims) is never cut; one of a hundred keeps
# its best claims. Profiles change it with [lengths] claim_words.
CLAIM_WORDS = 750
TIMELINE_WORDS = 150  # events most sources report first; a profile's [lengths] timeline sets a count instead
ACTORS_MAX = 12
# The per-source summaries appendix is for checking a brief made from a handful of articles
# (the example's is about 350 words; ten typical articles give about 1,300). Beyond this many
# words it would outweigh the brief itself, so the rendered brief says where they are instead
# (brief.json keeps them always). Profiles change it with [lengths] appendix_words.
APPENDIX_WORDS = 2000


@dataclass(frozen=True)
class Options:
    """What the user chose for a build; travels through the stages as one object."""

    title: str | None = None
    summarizer: str = summarize.DEFAULT_ALGORITHM
    sections_file: Path | None = None
    exclude: Path | None = None  # a folder not to read from (the output folder)
    banner: str | None = None  # handling banner ("UNCLASSIFIED // FOR PUBLIC RELEASE")
    stamp: bool = False  # print the build date (off by default: same input, same bytes)
    scheme: classify.SectionScheme | None = None  # sections from a profile; wins over sections_file
    key_points_max: int = 0  # 0: the default (stages/key_points.KEY_POINTS_MAX)
    timeline_max: int | None = None  # None: the events that fit in TIMELINE_WORDS; 0: no timeline
    actors_max: int | None = ACTORS_MAX  # None: every actor; 0: no actors list
    claim_words: int | None = CLAIM_WORDS  # words of claims in the sections; None: no limit
    appendix_words: int | None = APPENDIX_WORDS  # longest appendix printed; None: no limit
    appendix: bool = False  # print the per-source summaries after the sources (--appendix)
    # make a claim of every sentence, not only of each article's condensed set: the short
    # multi-document summary (multidoc.py) chooses among all of them at the cluster level
    keep_all: bool = False
    jobs: int | None = None  # processes for per-article segmentation and summarization; None: all cores
    progress: bool = False  # a progress bar on stderr for long runs
    # articles that tell separate stories: "largest" builds the brief of the largest story and
    # warns about the rest, "all" keeps every article in one brief (build_stories: one each)
    stories: str = "largest"


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
        return {n.resolve() for n in named if n.is_file() and not ingest.is_briefing_output(n)}


def build(inputs: list[str], options: Options = Options()) -> BuildResult:
    """Read the inputs and make the brief; raise NoArticlesError if no article is usable."""
    # 1-2. find and read the articles, then clean each; a bad file costs only itself
    articles, problems = read_articles(inputs, options.exclude)
    if not articles:
        raise NoArticlesError("no usable article among the inputs, so no brief was made; give .txt, "
                              ".md or .html files that contain an article's text", problems)
    groups = related.stories(articles) if options.stories != "all" else [articles]
    result = make_brief(groups[0], options)
    result.problems = problems
    result.warnings[:0] = other_stories(groups)
    return result


def build_stories(inputs: list[str], options: Options = Options()) -> list[BuildResult]:
    """One brief per story the inputs tell, the largest first."""
    articles, problems = read_articles(inputs, options.exclude)
    if not articles:
        raise NoArticlesError("no usable article among the inputs, so no brief was made; give .txt, "
                              ".md or .html files that contain an article's text", problems)
    results = [make_brief([replace(a, source=replace(a.source, id=str(n))) for n, a in enumerate(group, 1)], options)
               for group in related.stories(articles)]  # each brief numbers its sources 1, 2, 3
    results[0].problems = problems
    return results


def _story_name(group: list[Article]) -> str:
    first = group[0]
    if first.source.title and headline.looks_like_headline(first.source.title):
        return first.source.title
    return headline.from_claim(" ".join(first.text.strip().split("\n\n", 1)[0].split()))


def other_stories(groups: list[list[Article]]) -> list[Problem]:
    """A warning for each article left out because it tells another story than the brief's."""
    if len(groups) < 2:
        return []
    lead = f"story 1, {len(groups[0])} article{'s' if len(groups[0]) != 1 else ''}: {_story_name(groups[0])}"
    return [Problem(str(a.source.path), f"left out: it tells another story (story {n} of {len(groups)}: "
                    f"{_story_name(g)}) than the brief ({lead}); give --stories each for one brief per story, "
                    "or --stories all to keep every article in one brief")
            for n, g in enumerate(groups[1:], 2) for a in g]


def make_brief(articles: list[Article], options: Options = Options(),
               origin_of: dict[str, str] | None = None) -> BuildResult:
    """Stages 3-8 on articles already read: a single brief, or one story of a weekly brief.
    `origin_of` maps source ids to independent origins when the caller knows them (the
    archive does); otherwise near-duplicate articles are found here."""
    # 3-4. split each article into sentences with offsets into its cleaned text, rank them and
    # keep its condensed set: one article at a time, so on every core (parallel.py)
    summaries = parallel.summarize_articles(articles, options.summarizer, options.keep_all, options.jobs,
                                            options.progress)
    documents = [s.document for s in summaries]
    warnings = [Problem(str(d.article.source.path), note) for d in documents for note in d.article.notes]
    # 5. merge the sentences that state the same claim across articles; compare their facts
    published = {a.source.id: a.source.published for a in articles}
    claims, witnesses = synthesize.merge(summaries, published)
    # 6. sort the claims into sections
    scheme = options.scheme or classify.load_scheme(options.sections_file)
    claims = fit_reading_time(classify.classify(claims, documents, scheme), options.claim_words)
    claims = number_claims(claims, scheme)
    # 7. how well each claim is supported, which claims are denied, when things happened, who acted
    claims = corroborate.count_origins(claims, origin_of if origin_of is not None else corroborate.origins(articles))
    claims = contested.link_denials(claims, documents, witnesses)
    # 8. bottom line up front: the key points, then the other claims in their sections
    points = leads.choose(claims, summaries, options.key_points_max or leads.KEY_POINTS_MAX)
    in_points = {c.ref for c in points}
    sections = classify.sections_of([c for c in claims if c.ref not in in_points], scheme)
    timeline = shorten_timeline(build_timeline(claims, documents, witnesses), options.timeline_max)
    shown = [(c.ref, c.evidence) for c in claims] + [(e.ref, e.evidence) for e in timeline] \
        + [(c.ref, list(d.evidence)) for c in claims for d in c.denials]
    source_summaries = [(s.source_id, [s.document.sentences[i].text for i in s.condensed]) for s in summaries]
    brief = Brief(
        title=options.title or headline.derive_title(articles, claims, points),
        sources=[describe.describe(d.article, [s.text for s in d.sentences]).source for d in documents],
        key_points=points,
        sections=sections,
        source_summaries=source_summaries,
        appendix_printed=options.appendix and (options.appendix_words is None
        or sum(len(t.split()) for _, texts in source_summaries for t in texts) <= options.appendix_words),
        appendix_asked=options.appendix,
        timeline=timeline,
        actors=actors.find_actors(shown)[:options.actors_max],
        banner=options.banner,
        built=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if options.stamp else None,
    )
    return BuildResult(brief=brief, summaries=summaries, warnings=warnings)


def options_with_profile(options: Options, profile: Profile) -> Options:
    """The build options with a profile's settings filled in where the user gave none."""
    lengths = profile.lengths
    return replace(
        options,
        title=options.title or profile.title,
        banner=options.banner or profile.banner,
        summarizer=profile.summarizer or options.summarizer,
        scheme=classify.scheme_from_data(list(profile.sections)) if profile.sections else options.scheme,
        key_points_max=lengths.get("key_points", options.key_points_max),
        timeline_max=lengths.get("timeline", options.timeline_max),
        actors_max=lengths.get("actors", options.actors_max),
        claim_words=lengths.get("claim_words", options.claim_words),
        appendix_words=lengths.get("appendix_words", options.appendix_words),
        appendix=options.appendix or profile.appendix,
    )


def read_articles(inputs: list[str], exclude: Path | None = None) -> tuple[list[Article], list[Problem]]:
    """Ingest and clean every input file; number the usable ones 1, 2, 3 in sorted order."""
    paths, problems = ingest.collect(inputs, exclude)
    articles: list[Article] = []
    seen: dict[str, str] = {}  # text digest -> file: a copy of an article is read once
    max_articles = limits.current().max_articles
    for path in paths:
        if len(articles) == max_articles:
            problems.append(Problem(str(path), f"not read: the brief already has {limits.describe('max_articles')}"))
            continue
        source_id = str(len(articles) + 1)
        try:
            articles.append(wire.named(clean.clean(ingest.read(path, source_id, seen))))
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


def shorten_timeline(events: list, most: int | None) -> list:
    """At most `most` events (None: those within TIMELINE_WORDS words): those the most sources
    report, kept in date order."""
    if most is not None and len(events) <= most:
        return events
    ranked = sorted(range(len(events)), key=lambda i: (-len({e.source for e in events[i].evidence}), i))
    if most is None:
        used, most = 0, 0
        for i in ranked:
            used += len(events[i].text.split())
            if used > TIMELINE_WORDS:
                break
            most += 1
    keep = set(ranked[:most])
    return [e for i, e in enumerate(events) if i in keep]
