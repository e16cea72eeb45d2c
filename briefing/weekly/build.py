"""The weekly brief: a week of archived articles, clustered into stories, each story built
with the stages of the single brief, then compared with last week's brief.

    archive.week -> stories.events -> per story: segment -> summarize -> synthesize
    -> classify -> key points, lead, title (front.py) -> novelty.compare against the
    previous ISO week's brief -> order by importance -> WeeklyBrief -> stored for next week

Sources are numbered 1, 2, 3 across the week in time order (the order `archive.week` gives),
so a claim's citations point into one source list for the whole brief.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from briefing.options import Options
from briefing import pipeline
from briefing.parallel import map_in_order, workers
from briefing.stages import classify
from briefing.weekly import novelty
from briefing.weekly import front
from briefing.weekly import stories
from briefing.archive.store import Archive, Stored
from briefing.text.dates import previous_week, week_days
from briefing.errors import NoArticlesError
from briefing.models import Actor, Article, Claim, Section, Source, Summary, TimelineEvent, source_order
from briefing.text import language

# Below this many articles a week is built in one process whatever --jobs says: starting
# workers costs more (about a second) than the stories take. From it on, stories are built
# on --jobs processes (parallel.py; default: the cores), with the same result; on the shared
# 2-core machine benchmarks/weekly.py found no reliable gain or loss from two workers for
# 5,000 articles (2 processes / 1 process: 1.06 with both warm; 0.80 and 1.22 in runs where
# the second build was the warm one; load average 2.4-4.5 from other work).
PARALLEL_FROM = 200
# A story's brief reads at most this many of its articles: the most central report of each
# origin first, then copies. The others count in its support (sources, outlets, origins) and
# are listed with it, but their sentences are not merged into its claims: a 25-article story
# cost 1.5 s, mostly comparing every pair of its 300 sentences. Ten reads every article of
# the multinews development week's stories (3-7 each); on the 5,000-article benchmark, ten
# instead of twelve took the week from 33.4 s to 28.4 s on an idle machine (one run each).
STORY_READ = 10


@dataclass
class Story:
    title: str
    source_ids: list[str]
    key_points: list[Claim]
    sections: list[Section]
    claims: list[Claim]
    summaries: list[Summary]
    origins: int  # independent origins among its sources (near-duplicates count once)
    outlets: int  # publishers (else web sites) among its sources
    weight: float = 0.0  # importance (front.importance): the front page's order
    lead: Claim | None = None  # the claim that says what happened, standing alone
    central: str = ""  # source id of its most central article (the title's headline)
    salience: float = 0.0
    timeline: list[TimelineEvent] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    unread: list[Article] = field(default_factory=list)  # its articles beyond STORY_READ

    @property
    def single_source(self) -> bool:
        return len(self.source_ids) == 1


@dataclass
class WeeklyBrief:
    week: str
    title: str
    sources: list[Source]
    stories: list[Story]
    origin_of: dict[str, int]  # source id -> its near-duplicate group
    compared_with: str | None = None  # the week of the brief the marks compare against
    marks: dict[tuple[str, int], novelty.Mark] = field(default_factory=dict)
    dropped: list[dict] = field(default_factory=list)  # last week's claims no source repeats
    previous_week: str = ""  # the ISO week before; compared_with is it, or None: first brief

    def claim_origins(self, claim: Claim) -> int:
        return len({self.origin_of[s] for s in claim.source_ids})


def build(archive: Archive, week: str, options: Options = Options(), record: bool = True) -> WeeklyBrief:
    """Build the week's brief from the archive; raise NoArticlesError for an empty week.

    The brief's claims are stored in the archive (unless `record` is False), so that next
    week's brief marks what is new against this one.

    Stories are built on `options.jobs` worker processes (parallel.py; default: the cores,
    from PARALLEL_FROM articles on); the result is the same whatever the number, since each
    story is built on its own and results keep their order.
    """
    stored = archive.week(week)
    if not stored:
        first, last = week_days(week)
        raise NoArticlesError(f"no articles in {archive.path} were published (or, undated, ingested) in "
                              f"{week} ({first} to {last}), so no brief was made; ingest some with "
                              "'briefing ingest' or choose another --week")
    # 1. one source list for the week, in time order
    articles = language.tag([_renumbered(s, str(n)) for n, s in enumerate(stored, 1)])
    origin_of = {a.source.id: s.origin_id for a, s in zip(articles, stored)}
    # 2. cluster into stories
    events = stories.events([stories.Item(n, s.origin_id, s.article.text, s.article.source.published or
                                          s.ingested[:10]) for n, s in enumerate(stored)])
    # 3. each story through the single brief's stages
    scheme = options.scheme or classify.load_scheme()
    work = []
    origin = [s.origin_id for s in stored]
    for e in events:
        read = _read(e, origin)
        work.append(([articles[i] for i in read], {articles[i].source.id: origin_of[articles[i].source.id]
                                                    for i in e.members}, scheme, options, read.index(e.centre),
                     [articles[i] for i in e.members if i not in read]))
    jobs = workers(options.jobs) if len(stored) >= PARALLEL_FROM else 1
    built = list(map_in_order(_story_args, work, jobs, chunksize=max(1, len(work) // (8 * jobs))))
    brief = WeeklyBrief(week=week, title=options.title or f"Weekly brief {week}",
                        sources=[a.source for a in articles], stories=built, origin_of=origin_of,
                        previous_week=previous_week(week))
    # 4. what is new since the previous ISO week's brief (that week only: an older brief is
    # not "last week", and with none this is the first brief)
    records = archive.brief_of(brief.previous_week)
    if records is not None:
        brief.compared_with = brief.previous_week
        sentences = (x for s in built for summary in s.summaries for x in summary.document.sentences)
        brief.marks, brief.dropped = novelty.compare([c for s in built for c in s.claims], records, sentences)
    # 5. the front page's order: importance, then the story's first source
    for story in built:
        marks = [brief.marks.get(c.origin) for c in story.key_points]
        new = sum(1 for m in marks if m and m.status == "new") / len(marks) if marks and brief.compared_with else 0.0
        story.weight = front.importance(story.origins, len(story.source_ids), story.outlets, story.salience, new)
    built.sort(key=lambda s: (-s.weight, source_order(s.source_ids[0])))
    brief.stories = [_prefix_refs(story, f"story-{k}-") for k, story in enumerate(built, 1)]
    if record:
        archive.save_brief(week, claim_records(brief))
    return brief


def _read(event: stories.Event, origin: list[int]) -> list[int]:
    """The members a story's brief reads (in input order): all of them up to STORY_READ, else
    the most central article of each origin, most central first, then the other copies."""
    if len(event.members) <= STORY_READ:
        return event.members
    seen: set[int] = set()
    firsts = [i for i in event.ranked if not (origin[i] in seen or seen.add(origin[i]))]
    chosen = set(firsts)
    copies = [i for i in event.ranked if i not in chosen]
    return sorted((firsts + copies)[:STORY_READ])


def _story_args(w: tuple) -> Story:
    return _story(*w)


def _renumbered(stored: Stored, source_id: str) -> Article:
    return replace(stored.article, source=replace(stored.article.source, id=source_id))


def _story(articles: list[Article], origin_of: dict[str, int], scheme, options: Options,
           centre: int = 0, unread: list[Article] = ()) -> Story:
    """One story through the single brief's stages (pipeline.make_brief): the same claims,
    citations, denials, timeline and actors a brief of these articles alone would have.
    `unread`: the story's further articles, counted in its support but not briefed."""
    # a story's claims are laid out by the weekly brief (weekly/layout.py), not read as a brief
    # of their own: no single brief's reading limit
    story_options = replace(options, scheme=scheme, title=None, jobs=1, progress=False, reading_words=None)
    result = pipeline.make_brief(articles, story_options, origin_of={a.source.id: origin_of[a.source.id]
                                                                     for a in articles})
    brief, summaries = result.brief, result.summaries
    shown = brief.key_points + [c for section in brief.sections for c in section.claims]  # each claim once
    claims = sorted(shown, key=lambda c: (-c.score, c.first_seen))
    everyone = sorted([*articles, *unread], key=lambda a: source_order(a.source.id))
    ids = [a.source.id for a in everyone]
    origins = len({origin_of[i] for i in ids})
    salience = sum(c.score for c in brief.key_points) / len(brief.key_points) if brief.key_points else 0.0
    outlets = len({a.source.publisher or (urlsplit(a.source.url).hostname if a.source.url else None)
                   or a.source.id for a in everyone})
    lead = front.lead_claim(claims, {a.source.id: a.source.title or "" for a in articles})
    central = articles[centre].source.id
    documents = sorted((s.document for s in summaries), key=lambda d: d.article.source.id != central)
    title = front.story_title(articles[centre].source.title, lead.text if lead else front.lead_sentence(documents),
                              [a.name for a in brief.actors], len(ids))
    return Story(title=title, source_ids=ids, key_points=brief.key_points, sections=brief.sections,
                 claims=claims, summaries=summaries, origins=origins, outlets=outlets, lead=lead, salience=salience, central=central,
                 timeline=brief.timeline, actors=brief.actors, unread=list(unread))


def _prefix_refs(story: Story, prefix: str) -> Story:
    """The story with anchors unique in the week: "claim-3" -> "story-2-claim-3"."""
    def ref(r: str) -> str:
        return prefix + r if r else r

    def claim(c: Claim) -> Claim:
        return replace(c, ref=ref(c.ref), answers=ref(c.answers),
                       denials=[replace(d, ref=ref(d.ref)) for d in c.denials])

    claims = {id(c): claim(c) for c in story.claims}
    same = lambda cs: [claims.get(id(c)) or claim(c) for c in cs]  # noqa: E731 - the one mapping, shared
    return replace(
        story, claims=[claims[id(c)] for c in story.claims], key_points=same(story.key_points),
        sections=[replace(s, claims=same(s.claims)) for s in story.sections],
        timeline=[replace(e, ref=ref(e.ref), claim=ref(e.claim)) for e in story.timeline],
        actors=[replace(a, appears_in=[ref(r) for r in a.appears_in]) for a in story.actors],
        lead=same([story.lead])[0] if story.lead else None)


def claim_records(brief: WeeklyBrief) -> list[dict]:
    """This week's claims as stored for next week's comparison."""
    labels = {s.id: _label(s) for s in brief.sources}
    return [novelty.record(c, story.title, labels) for story in brief.stories for c in story.claims]


def _label(source: Source) -> str:
    parts = [source.title or "Untitled", source.publisher, source.published]
    return ", ".join(p for p in parts if p) + (f" <{source.url}>" if source.url else "")
