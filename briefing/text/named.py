"""Who the sources name, beyond the people text/people.py finds acting in the brief's own
sentences: every person and organisation named in two or more sources is an actor (issue 12).

A name is a run of capitalised words ("Anna Berg", "Varnholm Observatory for Civic Rights",
"Omar al-Rashid"), an acronym of 2-6 capitals ("VTA") or a single capitalised word that says
or does something ("Jabali said"), read in any sentence of any source. A possessive is not
part of it ("Bill Clinton's" is Bill Clinton). The run is
- an organisation when it ends with a word that names one ("... League", "... Embassy") or
  is an acronym;
- a person when it is two to four name words, none of them a title, a country, a place word
  or an organisation word, and not right after "in", "at", "near" (there it is a place).
Not names of actors: a wire dateline ("KIEV (Reuters) -", "DONETSK/KIEV, Ukraine") and an
agency's credit ("London (CNN)"), which say where and by whom a story was reported; an acronym
beside another name word ("NBC News", "Ghana SWAT"), which is a longer name cut short; an
organisation whose run loses a title word at its front ("Air Operations Center"); a rank
before a person's name (text/titles.RANKS: "Senior Airman Ivan Cooper" is Ivan Cooper).
Names of one person are one actor only when they are the same full name or a clear spelling
variant (text/people.same_person): two men named Zhang are two actors.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from briefing.text.people import (_ORGANISATION_ENDS, _PLACE_STARTS, NOT_NAMES, POSSESSIVE, label_word,
                                  not_a_person_here, word_kinds)
from briefing.text.titles import AFFILIATIONS, RANKS, TITLE_HEADS, TITLE_WORDS
from briefing.text.terms import entity_spans, lower_case_words, stop_words

ORGANISATION_WORDS = _ORGANISATION_ENDS
# words that make a run a place, an event or a law, not a person: "Harbour Hill", "Tim Cole Act"
PLACE_WORDS = {
    "War", "Games", "Olympics", "Ave", "Center", "Centre", "Cathedral", "Church",
    "Mosque", "Temple", "Synagogue", "Base", "People", "Day", "Prize", "Cup", "Summit",
    "Hill", "Street", "Avenue", "Square", "Strait", "Sea", "River", "Island", "Islands", "Bay", "Valley",
    "Bank", "Strip", "City", "County", "Province", "Region", "Airport", "Mountains", "Peninsula", "Lake",
    "Coast", "Gulf", "Park", "Road", "Bridge", "Station", "Village", "District", "State", "East", "West",
    "North", "South", "Asia", "Europe", "Africa", "America", "Ocean", "Canal", "Harbour", "Harbor", "Flag",
    "Act", "Treaty", "Accord", "Amendment", "Doctrine",
}
# acronyms that name no actor: time zones, units, forms of address
NOT_ACRONYMS = {"AM", "PM", "ET", "BST", "GMT", "UTC", "EST", "EDT", "PST", "CEO", "TV", "OK", "ID", "AP",
                "II", "III", "IV", "UK", "US", "USA", "EU", "UN", "MP", "PS", "VIP", "DC", "GDP", "AFP"}
_JOIN = r"(?:\s+(?:of the|for the|of|for|the|de|du|la|al|bin|van|von|der)(?=\s+[A-Z]))?"
# a name's word: "Mosby", "Rawlings-Blake", "McConnell", "DeSantis", "O'Brien", an initial, "al-Asaad"
_WORD = r"(?:(?:O['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)*|[A-Z]\.|al-[A-Z][a-z]+)"
# A company's legal form after its name belongs to it ("Zuckerman Spaeder LLP", "Boeing Co.")
_LEGAL_FORM = r"(?:,?\s+(?:LLP|LLC|PLC|Inc\.?|Co\.|Co\b|Corp\.?|Ltd\.?|GmbH|AG)(?![\w-]))"
_RUN = re.compile(rf"\b{_WORD}(?:{_JOIN}\s+{_WORD})*{_LEGAL_FORM}?")
# An organisation's name may join its words with "and", "on" or "in" ("House Ways and Means
# Committee", "Law and Justice Party"): only a run that ends with an organisation's word is
# read so; any other "and" separates two names.
_ORGANISATION_RUN = re.compile(rf"\b{_WORD}(?:(?:{_JOIN}|\s+(?:and|on|in|&))\s+{_WORD})*")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# A dateline opening a wire story: the place in capitals ("KIEV", "DONETSK/KIEV"), then a
# comma, the agency in brackets or a dash; and the agency's credit in brackets at the start
# ("(CNN)", "London (CNN)"). They say where and by whom it was reported, not who acts in it.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+)*(?=\s*(?:,|\(|[—–-]|_))"
                       r"|(?:[A-Z][\w.-]*\s+){0,3}\([A-Z][\w .-]*\))")
# An acronym right beside another capitalised name word is part of a longer name ("NBC
# News", "Ghana SWAT"): alone it would be a name cut short.
_BESIDE_NAME = (re.compile(r"([A-Z][\w.-]*)\s+$"), re.compile(r"\s+[A-Z][a-z]"))
OUTLET_WORDS = {"News", "Times", "Post", "Tribune", "Journal", "Herald", "Telegraph", "Gazette", "Chronicle"}
_REPORTED = re.compile(r"\s+(?:has\s+|had\s+|have\s+|also\s+|first\s+)?(?:reported|reports)\b")
_CREDITED = re.compile(r"(?:/\s*|\baccording\s+to\s+(?:the\s+)?|\b(?:told|tells)\s+(?:the\s+)?)$")
# Where someone spoke: "told NBC", "in an interview with CNN", "said on Fox News".
_VENUE = re.compile(r"\b(?:told|tells|interview\s+with|interviewed\s+by|(?:said|says|speaking|appeared|appearing|"
                    r"appearance)\s+on)\s+(?:the\s+)?$")
# An outlet as someone's employer: "Fox News host Sean Hannity", "a BBC correspondent".
_STAFF = re.compile(r"\s+(?:host|anchor|reporter|correspondent|contributor|columnist|commentator|editor|presenter)s?\b")
# A title's abbreviation: the capitalised words before it describe the person after it.
_TITLE_ABBREVIATION = re.compile(r"(?:Sen|Rep|Reps|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Supt|Insp|Det|Atty|Amb|Prof|Rev)\.")
_CREDITS = re.compile(r"['’]s\s+[A-Z][a-z]+\s+[A-Z]")  # an outlet's possessive before a name
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class Named:
    name: str
    kind: str  # "person" | "organisation"
    opens: bool = False  # the sentence's first word: its capital may only mark the start


def named(text: str) -> list[Named]:
    """The people and organisations `text` names (see the module's rules)."""
    taken = entity_spans(text)
    dateline = _DATELINE.match(text)
    skip = dateline.end() if dateline else 0
    out: list[Named] = []
    joined = [(a, b) for a, b in (_after_person(text, m) for m in _ORGANISATION_RUN.finditer(text))
              if re.search(r"\s(?:and|on|in|&)\s", text[a:b]) and _organisation_words(text[a:b].split()) and a >= skip]
    for a, b in joined:
        name = _trim(text[a:b], titles=False)  # "House Ways and Means Committee" keeps its House
        if len(name.split()) >= 3 and re.search(r"\s(?:and|on|in|&)\s", name):
            out.append(Named(name, "organisation", not text[:text.find(name, a)].strip(" \"“‘'(")))
    runs = [piece for m in _RUN.finditer(text) for piece in _pieces(text, m)]
    for m in runs:
        if any(a <= m.start() < b for a, b in joined):
            continue
        run = m.group(0)
        first = run.split()[0]
        if not text[:m.start()].strip(" \"“‘'(") and re.search(r"[^s]s$", first):
            # "Officials of the Varnholm Transport Authority": a plural opening the sentence is no name's
            run = re.split(r"\s(?:of the|for the|of|for)\s", run, maxsplit=1)[-1]
        if m.start() < skip:
            continue
        name = POSSESSIVE.sub("", _trim(run))
        if not name or _TITLE_ABBREVIATION.match(run.split()[-1] + text[m.end():m.end() + 1]):
            continue  # "Missouri Rep.", "Veteran Kentucky Sen.": who the titled person after it is
        start = text.find(name, m.start())
        opens = not text[:start].strip(" \"“‘'(")
        words = name.split()
        if re.search(_LEGAL_FORM + "$", name) and len(words) >= 2:
            out.append(Named(name, "organisation", opens))
            continue
        headed = any(w in ORGANISATION_WORDS and nxt in ("of", "for") for w, nxt in zip(words, words[1:]))
        if (words[-1].split("-")[-1] in ORGANISATION_WORDS | OUTLET_WORDS or headed) and len(words) >= 2:
            # a title word at its front belongs to an organisation's name ("National Crime Agency",
            # "Air Operations Center"); a title's head there makes it a person's office instead
            whole = POSSESSIVE.sub("", _trim(run, titles=False))
            cut = run[:run.find(name)].split() if name in run else []
            if any(w.lower() in TITLE_WORDS and w.lower() not in stop_words() and w not in NOT_NAMES for w in cut):
                if any(w.lower().rstrip(".") in TITLE_HEADS for w in whole.split()[:-1]):
                    continue
                name, start, words = whole, text.find(whole, m.start()), whole.split()
            if not _reporting(text, start, start + len(name), words[-1]):
                out.append(Named(name, "organisation", opens))
            continue
        if labelled(words) or not_a_person_here(text, start, start + len(name)):
            continue
        cut = run[:run.find(name)].split() if name in run else []
        if any(w.lower() in TITLE_WORDS and w.lower() not in stop_words() for w in cut) \
                and not any(w.lower().rstrip(".").split("-")[0] in TITLE_HEADS | RANKS for w in cut):
            continue  # a name's word cut from its front, no title: "Federal Contract Misconduct Database"
        name, start, words = _after_title(name, start, words)
        if len(words) == 1:
            if re.match(r"\s+(?:said|says|told|added)\b", text[start + len(name):]) \
                    and not re.search(r"\b[Tt]he\s+$", text[:start]) \
                    and _single(name, start, text, taken):
                out.append(Named(name, "person", opens))
            continue
        if _person(words) and not any(start <= s < start + len(name) for s, e in taken) \
                and not _PLACE_BEFORE.search(text[:start]):
            out.append(Named(name, "person", opens))
    for m in _ACRONYM.finditer(text):
        if _CREDITS.match(text, m.end()) or re.match(r"-\d", text[m.end():m.end() + 2]):
            continue  # "the BBC's Lyse Ray": the outlet credits its reporter; "AR-15", "F-16": a model
        if m.group(0) not in NOT_ACRONYMS and not any(s <= m.start() < e for s, e in taken) \
                and m.start() >= skip and not _beside_name(text, m.start(), m.end()) \
                and not _VENUE.search(text[:m.start()]) and not _STAFF.match(text, m.end()):
            out.append(Named(m.group(0), "organisation", not text[:m.start()].strip(" \"“‘'(")))
    return out


# A person's name, then the organisation he or she speaks for: "Kassie Siegel of the Center
# for Biological Diversity", "Director Tom Frieden of the Centers for Disease Control".
_PERSON_OF = re.compile(rf"(?:{_WORD}\s+){{1,4}}(?:of|for|at|from)\s+(?:the\s+)?(?=[A-Z])")


def _organisation_words(words: list[str]) -> bool:
    """A run that names an organisation: it ends with an organisation's word, or one heads it
    before "of" or "for" ("Centers for Disease Control and Prevention")."""
    return words[-1] in ORGANISATION_WORDS or any((w in ORGANISATION_WORDS or w[:-1] in ORGANISATION_WORDS)
                                                  and nxt in ("of", "for") for w, nxt in zip(words, words[1:]))


def _after_person(text: str, m: re.Match) -> tuple[int, int]:
    """The span of a run without the person named before "of the" at its front."""
    front = _PERSON_OF.match(m.group(0))
    named_words = [w for w in front.group(0).split() if w not in ("of", "for", "at", "from", "the")] if front else []
    person, rest = _trim(" ".join(named_words)).split(), m.group(0)[front.end():].split() if front else []
    if person and person[-1] == named_words[-1] and _person(person) and rest and _organisation_words(rest):
        return m.start() + front.end(), m.end()  # (not "Virginia Tech College of Engineering": no organisation after)
    return m.start(), m.end()


def _pieces(text: str, m: re.Match) -> list[re.Match]:
    """A run, or the person and the organisation it runs together (`_PERSON_OF`)."""
    start, _ = _after_person(text, m)
    if start == m.start():
        return [m]
    head = re.match(rf"{_WORD}(?:\s+{_WORD})*", text[m.start():start])
    rest = _RUN.match(text, start)
    return [p for p in (_RUN.match(text, m.start(), m.start() + head.end()) if head else None, rest) if p]


def _reporting(text: str, start: int, end: int, last: str) -> bool:
    """Whether a news outlet ("... Times", "... News") is named here only as the one that
    reported the story: "the Daily Times has reported", "according to the Daily Times", a
    photo credit "| Ann Lee/Daily Times"."""
    if last.split("-")[-1] not in OUTLET_WORDS:
        return False
    return bool(_REPORTED.match(text, end) or _CREDITED.search(text[:start]) or _VENUE.search(text[:start])
                or _STAFF.match(text, end))


def _beside_name(text: str, start: int, end: int) -> bool:
    """Whether the acronym at text[start:end] stands right beside another name word."""
    before = _BESIDE_NAME[0].search(text[:start])
    if before and before.group(1) not in NOT_NAMES and before.group(1).lower() not in stop_words():
        return True
    return bool(_BESIDE_NAME[1].match(text, end))


def _after_title(name: str, start: int, words: list[str]) -> tuple[str, int, list[str]]:
    """A person's name without the title or party before it: "Police Commissioner Anthony W.
    Batts" is Anthony W. Batts, "Ranking Democrat Sander Levin" is Sander Levin. Cut after the
    last title word that leaves a name of one word or more behind it."""
    for i in range(len(words) - 2, -1, -1):
        word = words[i].lower().rstrip(".")
        if word in TITLE_HEADS or (word in AFFILIATIONS and len(words) - i > 2):
            rest = words[i + 1:]
            return " ".join(rest), start + name.find(" ".join(rest)), rest
    return name, start, words


def _opener(word: str) -> bool:
    """A sentence's opening adverb or participle ("Speaking", "Separately"), which a name is
    not ("Boeing", "Kelly"): words in -ly or -ing that the lexicon knows as adverb or verb."""
    if not word.endswith(("ly", "ing")):
        return False
    kinds = word_kinds(word.lower())
    return "VERB" in kinds or "ADV" in kinds


def _trim(run: str, titles: bool = True) -> str:
    """The run without sentence openers, titles (with `titles`) and joins at its ends."""
    words = run.split()
    stops = stop_words()

    def title(word: str) -> bool:
        return titles and (word.lower() in TITLE_WORDS or word.lower().split("-")[0] in TITLE_WORDS)

    while words and (words[0].lower() in stops or _opener(words[0]) or words[0] in NOT_NAMES
                     or re.fullmatch(r"[A-Z]\.", words[0]) or title(words[0]) or words[0] in ("Mr.", "Mrs.", "Ms.", "Dr.")) \
            and not (words[0] in _PLACE_STARTS and len(words) > 1):  # "New York Times", "San Diego Police"
        words = words[1:]
    while words and (words[-1] in NOT_NAMES and not (words[-1] in ORGANISATION_WORDS and len(words) > 1)
                     or words[-1].lower() in ("of", "for", "the", "de", "al", "bin")):  # "... Defense Council" keeps its Council
        words = words[:-1]
    return " ".join(words)


def labelled(words: list[str]) -> bool:
    """No organisation's or person's name: a run with an adjective or group label in it
    ("Northern Irish", "Tory Brexiteers", "Jewish Sabbath")."""
    return words[-1] not in ORGANISATION_WORDS and any(label_word(w) for w in words)


def _person(words: list[str]) -> bool:
    if not 2 <= len(words) <= 4 or words[0] in _PLACE_STARTS or _all_common(words):
        return False
    return not any(w in ORGANISATION_WORDS or w in PLACE_WORDS or w in NOT_NAMES or w.lower() in TITLE_WORDS
                   or w.lower() in ("of", "for", "the") or re.search(r"-(?:to|based|backed|[a-z]+ed)\b", w)
                   for w in words)


def _all_common(words: list[str]) -> bool:
    """Every word of the run is an ordinary English word ("Integrity Information System",
    "Wartime Contracting"): a thing's name, not a person's, whose names the lexicon does not
    hold ("Kevin", "Davis"). A person named only with ordinary words ("Mark Price") is missed."""
    return all(word_kinds(w.lower()) for w in words if len(w.rstrip(".")) > 1)


def _single(name: str, start: int, text: str, taken: list[tuple[int, int]]) -> bool:
    """A single word that says or does something names an actor when it is no country,
    month, sentence opener or title."""
    return not (name in NOT_NAMES or name.lower() in TITLE_WORDS or any(s <= start < e for s, e in taken)
                or name in PLACE_WORDS or len(name) < 3)


def recurring(texts_by_source: dict[str, list[str]], least: int = 2,
              lower: set[str] | None = None) -> dict[tuple[str, str], set[str]]:
    """(name, kind) named in at least `least` sources, with those sources. A name seen only
    at the start of sentences is not counted when it is an acronym (a dateline, "VARNHOLM") or
    a person's surname after some other capitalised word ("Photo Berg" beside Anna Berg)."""
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    inside: set[tuple[str, str]] = set()
    for source, texts in texts_by_source.items():
        for text in texts:
            for n in named(text):
                sources[(n.name, n.kind)].add(source)
                if not n.opens:
                    inside.add((n.name, n.kind))
    surnames = {name.split()[-1]: name for name, kind in inside if kind == "person" and " " in name}

    if lower is None:  # the words the input uses in lower case
        lower = lower_case_words(t for texts in texts_by_source.values() for t in texts)

    def counted(key: tuple[str, str]) -> bool:
        name, kind = key
        if " " not in name and kind == "person":  # "Jabali said", not "Police said"
            return name.lower() not in lower
        if key in inside:
            return True
        return kind == "person" and surnames.get(name.split()[-1], name) == name

    return {k: v for k, v in sources.items() if len(v) >= least and counted(k)}
