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
from briefing.errors import InputError, NoArticlesError
from briefing.models import Article, Brief, Claim, Problem, Summary
from briefing.options import TIMELINE_WORDS, Limits, Options, describe as describe_limit
from briefing.sources import clean, collect, files
from briefing.sources import wire_names
from briefing.stages import actors, classify, contested, corroborate, describe, headline, related, synthesize
from briefing.stages import key_points as leads
from briefing.stages.timeline import build_timeline
from briefing.text import language



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
        return {n.resolve() for n in named if n.is_file() and not collect.is_briefing_output(n)}


def build(inputs: list[str], options: Options = Options()) -> BuildResult:
    """Read the inputs and make the brief; raise NoArticlesError if no article is usable."""
    # 1-2. find and read the articles, then clean each; a bad file costs only itself
    articles, problems = read_articles(inputs, options.exclude, options.limits)
    if not articles:
        raise NoArticlesError("no usable article among the inputs, so no brief was made; give .txt, "
                              ".md, .html, .pdf or .docx files that contain an article's text", problems)
    groups = related.stories(articles) if options.stories != "all" else [articles]
    result = make_brief(groups[0], options)
    result.problems = problems
    result.warnings[:0] = other_stories(groups)
    return result


def build_stories(inputs: list[str], options: Options = Options()) -> list[BuildResult]:
    """One brief per story the inputs tell, the largest first."""
    articles, problems = read_articles(inputs, options.exclude, options.limits)
    if not articles:
        raise NoArticlesError("no usable article among the inputs, so no brief was made; give .txt, "
                              ".md, .html, .pdf or .docx files that contain an article's text", problems)
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
    # 6. sort the claims into sections; 7-8 (_compose): support, key points, timeline and actors
    # of the best claims within the claims' word budget;
    # a brief still over five minutes of reading (rendered Markdown before its sources: the
    # key points' context sentences, denials, the timeline) is made again with fewer claim words
    scheme = options.scheme or classify.load_scheme()
    classified = classify.classify(claims, documents, scheme)
    # with a reading limit, the key points are chosen among all the claims and kept whatever
    # the budget: the other claims give way
    budget = options.claim_words
    leads_chosen = None
    if options.reading_words and budget is not None and sum(len(c.text.split()) for c in classified) > budget:
        chosen = leads.choose(number_claims(classified, scheme), summaries, options.key_points_max or leads.KEY_POINTS_MAX)
        leads_chosen = [c.text for c in chosen]
    compose = dict(articles=articles, summaries=summaries, witnesses=witnesses, origin_of=origin_of, options=options,
                   scheme=scheme)
    brief = _compose(classified, claim_words=budget, lead_texts=leads_chosen, **compose)
    leads_chosen = leads_chosen or [c.text for c in brief.key_points]
    while options.reading_words and budget and budget > 50:
        over = _reading_words(brief) - options.reading_words
        if over <= 0:
            break
        budget = max(budget - max(over, 20), 50)  # what else the brief shows shrinks with the claims, not word for word
        brief = _compose(classified, claim_words=budget, lead_texts=leads_chosen, **compose)
    # the claims can give no more (the key points and each section's best claim stay): the
    # timeline gives way, its least reported events first
    while options.reading_words and _reading_words(brief) > options.reading_words and (brief.timeline or brief.undated):
        compose["options"] = replace(options, timeline_max=max(len(brief.timeline), len(brief.undated)) - 1)
        brief = _compose(classified, claim_words=budget, lead_texts=leads_chosen, **compose)
    return BuildResult(brief=brief, summaries=summaries, warnings=warnings)


def _compose(claims: list[Claim], articles: list[Article], summaries, witnesses, origin_of, options: Options,
             scheme: classify.SectionScheme, claim_words: int | None, lead_texts: list[str] | None = None) -> Brief:
    """Stages 7-8 on the classified claims: the best that fit in `claim_words`, numbered, their
    support, denials, the key points (those of `lead_texts` when given, kept whatever the
    budget), sections, timeline and actors, in one Brief."""
    documents = [s.document for s in summaries]
    claims = number_claims(fit_reading_time(claims, claim_words, set(lead_texts or ())), scheme)
    # 7. how well each claim is supported, which claims are denied, when things happened, who acted
    claims = corroborate.count_origins(claims, origin_of if origin_of is not None else corroborate.origins(articles))
    claims = contested.link_denials(claims, documents, witnesses)
    # 8. bottom line up front: the key points, then the other claims in their sections
    if lead_texts is None:
        points = leads.choose(claims, summaries, options.key_points_max or leads.KEY_POINTS_MAX)
    else:
        first_of = {}
        for c in claims:  # one claim per key point, even when another claim reads the same
            first_of.setdefault(c.text, c)
        points = [first_of[t] for t in lead_texts if t in first_of]
    in_points = {c.ref for c in points}
    sections = classify.sections_of([c for c in claims if c.ref not in in_points], scheme)
    events = build_timeline(claims, documents, witnesses)
    timeline = shorten_timeline([e for e in events if not e.year_unknown], options.timeline_max)
    undated = shorten_timeline([e for e in events if e.year_unknown], options.timeline_max)
    shown = [(c.ref, c.evidence) for c in claims] + [(e.ref, e.evidence) for e in timeline + undated] \
        + [(c.ref, list(d.evidence)) for c in claims for d in c.denials]
    source_summaries = [(s.source_id, [s.document.sentences[i].text for i in s.condensed]) for s in summaries]
    return Brief(
        title=options.title or headline.derive_title(articles, claims, points),
        sources=[describe.describe(d.article, [s.text for s in d.sentences]).source for d in documents],
        key_points=points,
        sections=sections,
        source_summaries=source_summaries,
        appendix_printed=options.appendix and (options.appendix_words is None
        or sum(len(t.split()) for _, texts in source_summaries for t in texts) <= options.appendix_words),
        appendix_asked=options.appendix,
        timeline=timeline,
        undated=undated,
        actors=actors.listed(actors.find_actors(shown, documents), options.actors_max),
        banner=options.banner,
        built=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if options.stamp else None,
        language_note=language.brief_note([a.source.language for a in articles]),
        texts={d.article.source.id: d.article.text for d in documents},
    )


def _reading_words(brief: Brief) -> int:
    """Words a reader reads before the source list: of the rendered Markdown."""
    from briefing.render import views

    return len(views.to_markdown(brief).split("\n## Sources\n", 1)[0].split())


def read_articles(inputs: list[str], exclude: Path | None = None,
                  limits: Limits = Limits()) -> tuple[list[Article], list[Problem]]:
    """Ingest and clean every input file; number the usable ones 1, 2, 3 in sorted order."""
    paths, problems = collect.collect(inputs, exclude)
    articles: list[Article] = []
    seen: dict[str, str] = {}  # text digest -> file: a copy of an article is read once
    max_articles = limits.max_articles
    for path in paths:
        if len(articles) == max_articles:
            problems.append(Problem(str(path), f"not read: the brief already has {describe_limit('max_articles', limits)}"))
            continue
        source_id = str(len(articles) + 1)
        try:
            articles.append(wire_names.named(clean.clean(files.read(path, source_id, seen, limits))))
        except InputError as exc:
            problems.append(Problem(str(path), str(exc)))
        except (RecursionError, MemoryError, ValueError, LookupError) as exc:  # a reader's own failure
            problems.append(Problem(str(path), f"could not be read ({type(exc).__name__}); "
                                               "the other articles still make the brief"))
    return articles, problems


def fit_reading_time(claims: list[Claim], words: int | None, kept: set[str] = frozenset()) -> list[Claim]:
    """The best claims (claims arrive best first, each placed in its section) that fit in
    `words` words, each section keeping at least its best claim so that no section the
    sources speak to goes missing, and the claims whose text is in `kept` (the key points);
    claims keep their order."""
    if words is None or sum(len(c.text.split()) for c in claims) <= words:
        return claims
    best_of_section: dict[str, Claim] = {}
    for claim in claims:
        if claim.text not in kept:  # a key point is printed with the key points, not in its section
            best_of_section.setdefault(claim.section, claim)
    first_kept = {}
    for claim in claims:  # the first claim of each kept text: the one the key points show
        if claim.text in kept:
            first_kept.setdefault(claim.text, claim)
    keep = {id(c) for c in best_of_section.values()} | {id(c) for c in first_kept.values()}
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
