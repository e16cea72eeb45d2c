"""Like with like (issue 12): which counted quantities and places of two sources' sentences are
the same quantity or place, so that a difference between them is a real discrepancy.

A number is compared only with a number of the same noun *and* the same thing: the content
words around it (`CONTEXT` words either side) must overlap, and no person or place named
right beside one may be missing beside the other ("12 years, Xu said" / "10 years, Qin
said": two people's terms). A sentence that gives two values of one noun ("cut to 3
percent from 3.3 percent", "rose from 20 to 30 languages") states a change, not a value:
that noun is not compared. Places are compared only when both are countries of
data/aliases.toml, or both are names the aliases do not know (a city named in one source and
a country in the other may be the city in the country); a nationality or language adjective
("in Portuguese") is no place, and one name inside the other ("Strait", "Bass Strait") is one.
"""

from __future__ import annotations

import calendar
import re

from briefing.models import Discrepancy, source_order
from briefing.text.predicate import predicates
from briefing.text.same_claim import outcomes
from briefing.text.terms import entity_names, stem, stop_words

CONTEXT = 5
_CALENDAR = {w.lower() for w in list(calendar.month_name) + list(calendar.month_abbr) + list(calendar.day_name) if w}
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,.]*")
# "to 3 percent from 3.3", "from 20 to 30": a before/after pair inside one sentence
_CHANGE = re.compile(r"\b(?:from|to)\s+\$?\d[\d,.]*\s*(?:%|per\s*cent|percent)?(?:\s+\w+){0,2}?\s+(?:from|to)\s+\$?\d",
                     re.I)
# nationality and language adjectives: "in Portuguese", "in English", "in Russian"
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:ese|ish|ian|ean|ic|i)$")


_MEMBERS = re.compile(r"-(?:member|strong|man|person|seat)\s+([a-z]{3,})")
_OF = re.compile(r"\b([a-z]{3,})\s+(?:of|at|(?:rose|climbed|jumped|increased|fell|dropped)\s+to|reached|hit|"
                 r"stood at|stands at)\s+(?:more than |about |some |at least |nearly |almost |over |around |up to )?$")


def counted_before(text: str, start: int, end: int) -> str | None:
    """What a number with no noun after it counts, when the sentence says so around it: "a
    120-member delegation", "a delegation of more than 90", "the death toll rose to 231"."""
    m = _MEMBERS.match(text, end) or _OF.search(text[max(0, start - 40):start])
    if m and m.group(1) not in stop_words():
        return m.group(1)
    return None


def changes(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that state a change from one value to another."""
    return [m.span() for m in _CHANGE.finditer(text)]


def context(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """Content-word stems within CONTEXT words of text[start:end], and the capitalised names
    among them (not the sentence's first word)."""
    tokens = list(_TOKEN.finditer(text))
    before = [t for t in tokens if t.end() <= start][-CONTEXT:]
    after = [t for t in tokens if t.start() >= end][:CONTEXT]
    stops = stop_words()
    words = frozenset(stem(t.group(0)) for t in before + after
                      if not t.group(0)[0].isdigit() and t.group(0).lower() not in stops and len(t.group(0)) > 2)
    # an outcome ("killing 12" / "15 died") is a word in common too
    words |= {"=" + o for o in outcomes(" ".join(t.group(0) for t in before + after))}
    # the measure is named before the number ("death toll ... 231", "needs 5 million tons"):
    # marked "<", so that a shared word after it alone ("tons of grain") is not enough
    words |= {"<" + stem(t.group(0)) for t in before if t.group(0).lower() not in stops and not t.group(0)[0].isdigit()}
    names = frozenset(t.group(0).removesuffix("’s").removesuffix("'s") for t in before + after
                      if t.group(0)[0].isupper() and t.group(0).lower() not in stops
                      and t.group(0).rstrip(".").lower() not in _CALENDAR)
    return words, names


def same_thing(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]],
               text_a: str, text_b: str) -> bool:
    """Two numbers' contexts count the same thing: a content word (or outcome) in common, and
    not each beside a name the other sentence never gives ("12 years, Xu" / "10 years, Qin")."""
    (wa, na), (wb, nb) = a, b
    if not any(w[0] in "<=" for w in wa & wb):
        return False
    return not ({n for n in na if n not in text_b} and {n for n in nb if n not in text_a})


def about(text: str, shared: frozenset[str], start: int, end: int) -> str:
    """What a number counts, in the source's words: the words before it (else after it) whose
    stems both sources share, as one run of text ("death toll in Honduras")."""
    tokens = list(_TOKEN.finditer(text))
    before = [t for t in tokens if t.end() <= start][-CONTEXT:]
    after = [t for t in tokens if t.start() >= end][:CONTEXT]
    for side in (before, after):
        hits = [t for t in side if (stem(t.group(0)) in shared or any("=" + o in shared for o in outcomes(t.group(0))))
                and not t.group(0)[0].isdigit()]
        if hits and len(text[hits[0].start():hits[-1].end()].split()) <= CONTEXT:
            return text[hits[0].start():hits[-1].end()]
    return ""


def comparable_places(places: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Per source, the places that may be compared across sources (see the module's rules)."""
    out = {}
    for source, named in places.items():
        kept = {name: key for name, key in named.items() if not _ADJECTIVE.match(name)}
        if kept:
            out[source] = kept
    return out


def places_differ(first: dict[str, str], second: dict[str, str]) -> bool:
    """Two sources' places (name -> key) name no common place, comparing like with like."""
    if set(first.values()) & set(second.values()):
        return False
    for a in first:
        for b in second:
            if a in b or b in a:  # "Strait" / "Bass Strait"
                return False
    ca, cb = {n for n in first if country(n)}, {n for n in second if country(n)}
    # a country in one and a place the aliases do not know in the other: the place may be in it
    return (len(ca) == len(first) and len(cb) == len(second)) or (not ca and not cb)


Mention = tuple[str, float, str, int, int]  # (noun stem, value, as written, start, end)


def number_discrepancies(said: dict[str, str], mentions: dict[str, list[Mention]],
                         published: dict[str, str | None]) -> list[Discrepancy]:
    """Counted quantities of the same thing that the sources give different values for, each
    flag naming what is counted and which values were reported later."""
    found = []
    for noun in sorted({m[0] for ms in mentions.values() for m in ms}):
        mine = {s: [(m, _measured(said[s], m)) for m in ms if m[0] == noun] for s, ms in mentions.items()}
        mine = {s: ms for s, ms in mine.items() if ms}
        conflict = _conflict(mine, said)
        if conflict is None:
            continue
        (sa, (ma, ca)), (sb, (mb, cb)) = conflict
        values = {sa: ma[2]}
        for s, ms in mine.items():
            linked = [m for m, c in ms if s != sa and same_thing(ca, c, said[sa], said[s])]
            if linked:
                values[s] = linked[0][2]
        found.append(Discrepancy("number", values, about=about(said[sa], ca[0] & cb[0], ma[3], ma[4]),
                                 later=later(values, published, said)))
    return found


def _measured(text: str, m: Mention) -> tuple[frozenset[str], frozenset[str]]:
    """A number's context; a noun read around it ("a delegation of 90") is its measure, and so
    is the noun it counts when the two make the subject of the claim ("About 150 migrants
    crossed"): in sentences that state one claim, the subject of both is the same slot."""
    words, names = context(text, m[3], m[4])
    if re.fullmatch(r"[\d,.]+", m[2]) or not predicates(text[:m[3]]) and predicates(text):
        words |= {"<" + m[0]}
    return words, names


def _conflict(mine: dict[str, list], said: dict[str, str]) -> tuple | None:
    """The first two sources whose mentions count the same thing with different values, and
    that give no equal value for it."""
    sources = sorted(mine, key=source_order)
    for x, sa in enumerate(sources):
        for sb in sources[x + 1:]:
            pairs = [(a, b) for a in mine[sa] for b in mine[sb] if same_thing(a[1], b[1], said[sa], said[sb])]
            if pairs and not any(a[0][1] == b[0][1] for a, b in pairs):
                a, b = pairs[0]
                return (sa, a), (sb, b)
    return None


# A sentence that dates its count later than the others' ("By late afternoon, more than 600
# ..."): the difference is time, not disagreement.
_LATER_IN_TEXT = re.compile(r"\b(?:later(?:\s+(?:in|that)\s+the\s+day|\s+on)?|by\s+(?:late\s+|early\s+|mid-?)?"
                            r"(?:afternoon|evening|nightfall|night|midday|noon|the\s+end\s+of\s+the\s+day))\b", re.I)


def later(values: dict[str, str], published: dict[str, str | None],
          said: dict[str, str] | None = None) -> tuple[str, ...]:
    """The sources (of `values`) published after the earliest of them: their value may be a
    revision ("reported later"). When the dates are unknown or the same, the sources whose
    sentence itself counts later in the day ("by late afternoon") than the others'."""
    days = {s: (published.get(s) or "")[:10] for s in values}
    if not all(days.values()) or len(set(days.values())) < 2:
        marked = {s for s in values if said and _LATER_IN_TEXT.search(said.get(s, ""))}
        return tuple(sorted(marked, key=source_order)) if marked and len(marked) < len(values) else ()
    first = min(days.values())
    return tuple(s for s in sorted(values, key=source_order) if days[s] > first)


def country(name: str) -> bool:
    """A country by data/aliases.toml or by ISO 3166 (pycountry, which sumy already needs)."""
    if entity_names(name):
        return True
    try:
        import pycountry

        pycountry.countries.lookup(name)
        return True
    except (ImportError, LookupError):
        return False
