"""People a sentence names, with the title before the name, and when two spellings are one
person. Shared by the actors list and by claim comparison (a different person in the same
role is a discrepancy).

A person is a run of two to four capitalised words that is not a title, a country or an
organisation, and either follows a title ("Russian Foreign Minister Sergey Lavrov": the role
is the title-like phrase before the name) or is the subject of a verb of acting or saying
("Kim Jung Un traveled"). One surname alone ("Lavrov rejected") counts for the one person it
can mean. Spellings of one name (Sergey/Sergei Lavrov, Kim Jong Un/Kim Jung Un) are one
actor: same number of words, at least one the same, the others alike. Governments and
organisations are the entities of `data/aliases.toml`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from briefing.text.terms import entity_spans, spelling_variant, stop_words
from briefing.text.titles import AFFILIATIONS, TITLE_HEADS, TITLE_WORDS

# Verbs that make the capitalised words before them someone who acts or speaks.
_ACTING = re.compile(
    r"\s*(?:,[^,]{1,60},\s*)?(?:also\s+|has\s+|had\s+|have\s+)?(?:said|says|told|stated|added|announced|"
    r"traveled|travelled|visited|met|arrived|urged|warned|rejected|denied|expressed|called|declared|"
    r"signed|agreed|accused|condemned|praised|vowed|pledged|ordered|wrote|claimed|confirmed|insisted|"
    r"tells|visits|meets|warns|urges|rejects|denies|calls)\b")
_TOKEN = re.compile(r"[A-Z][\w’'.-]*|(?:of|for|the)\b|[a-z]+")
_NAME_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Z]?[a-z]+)?"  # "McConnell", "Rawlings-Blake", "O'Brien"
_RUN = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})+\b")
# Capitalised words that start sentences or name months and days: never part of a name.
NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "When", "While", "After", "Before", "Following", "As", "But", "And",
    "He", "She", "They", "It", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "We", "Our",
    "If", "For", "With", "From", "By", "To", "Of", "Mr", "Mrs", "Ms", "Dr", "Meanwhile", "However",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Peninsula", "Council", "Nations", "Union", "Republic", "Sea", "Strait", "Ocean", "Camp",
}
# A run that ends with one of these names an organisation ("Human Rights Watch said"), one
# that starts with one of the others names a place ("Hong Kong said"): neither is a person.
_ORGANISATION_ENDS = {
    "Watch", "Group", "Agency", "Institute", "Ministry", "Council", "Party", "Forces", "Army", "Bank",
    "Company", "Co", "Inc", "Corp", "Corporation", "University", "Association", "Committee", "Office",
    "Commission", "Court", "News", "Times", "Post", "Press", "Review", "Journal", "Network", "Foundation",
    "Fund", "Organization", "Organisation", "Union", "Alliance", "Front", "Movement", "Service", "Police",
    "Guard", "Airlines", "Motors", "Limited", "Ltd", "Media", "Television", "Radio", "Centre", "Center",
    "International", "Federation", "Republic", "Kingdom", "Nations", "Navigation", "Shipping", "Maritime",
    "Energy", "Oil", "Gas", "Petroleum", "Holdings", "Partners", "Capital", "Systems", "Technologies",
    "Airways", "Lines", "Logistics", "Industries", "Resources", "Electric", "Steel", "Solutions", "Global",
    "Authority", "League", "Assembly", "Congregation", "Embassy", "Department", "Bureau", "Observatory",
    "Crescent", "Cross", "Committees", "Rights", "Force", "Wing", "Navy", "Squadron", "Brigade", "Command",
    "Leadership", "Council", "Tribunal", "Board", "Administration", "Caucus", "Coalition",
}
_PLACE_STARTS = {"New", "San", "Los", "Las", "Hong", "Port", "Saint", "St", "Santa", "Sao", "Rio", "Abu", "Kuala"}
ORGANISATIONS = {"united_nations", "un_security_council", "nato", "iaea", "who", "imf", "world_bank",
                 "european_union"}
NOT_ACTORS = {"wmd"}


# A reporter or photographer credited for the story, not someone acting in it: a name right
# after a news outlet's possessive ("the BBC's Lyse Ray", "TODAY's Ann Lee"), before a credit
# slash ("(Ann Lee / Daily Tribune)") or before the outlet's name ("Ann Lee, BBC News").
_OUTLET = r"(?:[A-Z]{2,6}|[A-Z][a-z]+\s+(?:News|Times|Post|Tribune|Journal|Show|Herald|Telegraph))"
_CREDIT_BEFORE = re.compile(rf"\b{_OUTLET}['’]s\s+$")
_CREDIT_AFTER = re.compile(rf"\s*/\s*[A-Z]|,\s+{_OUTLET}(?:\s+News)?\s*(?:,|$)")
# Word endings of adjectives and group labels, never of a person's name: nationality and
# religion ("Irish", "Jewish", "Korean", "Mexican"), political labels ("Democratic", "Republican",
# "Republicans") and
# plural agent nouns ("Brexiteers", "Loyalists").
LABEL_ENDINGS = ("ish", "ese", "eers", "ists", "atic", "amic", "crats", "ican", "icans")
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")  # not part of a name: "Bill Clinton's" is Bill Clinton
_TIME_WORDS = {"yesterday", "today", "tonight", "tomorrow", "earlier", "later", "last", "next", "this"}


def label_word(word: str) -> bool:
    """A capitalised adjective or group label ("Irish", "Democratic", "Brexiteers")."""
    return len(word) > 4 and (word.endswith(LABEL_ENDINGS) or (len(word) > 5 and word.endswith("ean")))


def not_a_person_here(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is, in this place, no person acting: part of a
    compound ("pro-Le Pen"), a reporter's credit, or a modifier of the common noun after it
    ("the Yad Vashem memorial", "Deir Ezzor city"), which names a thing, not a person."""
    if start and text[start - 1] == "-":
        return True
    if _CREDIT_BEFORE.search(text[:start]) or _CREDIT_AFTER.match(text, end):
        return True
    after = re.match(r"[ \t]+([a-z]+)\b(?:[ \t]+([a-z]+)\b)?", text[end:])
    if not after:
        return False
    # "the Yad Vashem memorial", or with an adjective between: "Kentucky political analyst"
    return _noun_only(after.group(1)) or bool(after.group(2) and _adjective_only(after.group(1))
                                               and _noun_only(after.group(2)))


@lru_cache(maxsize=50_000)
def word_kinds(word: str) -> frozenset[str]:
    """The parts of speech the lexicon knows a lower-case word as ("NOUN", "VERB", "ADJ" ...;
    none for a name like "kevin"). Looked up once per word: the lexicon is slow to ask."""
    from lemminflect import getAllLemmas  # its lexicon loads on first use, not at import

    return frozenset(getAllLemmas(word))


def _adjective_only(word: str) -> bool:
    return word_kinds(word) == {"ADJ"}


def _noun_only(word: str) -> bool:
    if word in stop_words() or word in _TIME_WORDS or len(word) < 3:
        return False
    kinds = word_kinds(word)
    return "NOUN" in kinds and "VERB" not in kinds and "ADV" not in kinds


@dataclass(frozen=True)
class PersonMention:
    name: str
    role: str | None
    start: int
    end: int


def _tokens_before(text: str, end: int) -> list[re.Match[str]]:
    """The words of `text` that end by `end`, nearest last, stopping at punctuation."""
    head = text[:end]
    stop = max(head.rfind(c) for c in ",;:()“”\"")
    return list(_TOKEN.finditer(head, stop + 1))


def people(text: str) -> list[PersonMention]:
    """The people named in `text`, with the title the text gives each."""
    entity_at = entity_spans(text)
    out: list[PersonMention] = []
    for run in _RUN.finditer(text):
        words = [(run.start() + w.start(), run.start() + w.end(), w.group(0)) for w in re.finditer(r"\S+", run.group(0))]

        def entity(w: tuple[int, int, str]) -> bool:
            return any(s <= w[0] < e for s, e in entity_at)

        def not_name(w: tuple[int, int, str]) -> bool:
            return w[2] in NOT_NAMES or _title_word(w[2]) or entity(w) or label_word(w[2])

        # the name follows the last title word of the run ("Norland Foreign Minister Sergey Lindqvist")
        # a possessive is not part of the name ("Bill Clinton's" is Bill Clinton)
        words = [(s, e - (len(w) - len(_bare(w))), _bare(w)) for s, e, w in words]
        titled = [k for k, w in enumerate(words) if _title_word(w[2])]
        i, j = (titled[-1] + 1 if titled else 0), len(words)
        while i < j and not_name(words[i]):  # leading titles, entities, sentence openers
            i += 1
        if not titled and i and entity(words[i - 1]) and not _demonym(words[i - 1][2]) \
                and not _AFTER_PREPOSITION.search(text, 0, run.start()):
            # a place's company or office ("Tokyo Electric Power said"), no one's name; a place
            # that ends a phrase before the name ("the head of the group in Kenya Ann Lee") is no part of it
            continue
        while j > i and not_name(words[j - 1]):
            j -= 1
        name = words[i:j]
        if not 2 <= len(name) <= 4 or any(not_name(w) for w in name) \
                or name[-1][2] in _ORGANISATION_ENDS or name[0][2] in _PLACE_STARTS:
            continue
        start, end = name[0][0], name[-1][1]
        if not_a_person_here(text, start, end):
            continue
        role = _role_before(text, start, entity_at)
        if role is None and not _ACTING.match(text, end):
            continue
        out.append(PersonMention(" ".join(w[2] for w in name), role, start, end))
    return out


_AFTER_PREPOSITION = re.compile(r"\b(?:in|of|from|at|for|to)\s+(?:the\s+)?$")


def _demonym(word: str) -> bool:
    """A people's adjective ("Russian", "Japanese", "Thai"), which may stand before a person's
    name; a place's name ("Tokyo") before capitalised words names something of that place."""
    return label_word(word) or word.endswith(("an", "ans", "ese", "ish", "i", "ch"))


def _bare(word: str) -> str:
    return word.removesuffix("’s").removesuffix("'s")


def _title_word(word: str) -> bool:
    """A word of a title, also hyphenated ("President-elect", "Vice-President")."""
    lower = word.lower()
    return lower in TITLE_WORDS or lower in AFFILIATIONS or (("-" in lower) and lower.split("-")[0] in TITLE_WORDS)


def _role_before(text: str, start: int, entity_at: list[tuple[int, int]]) -> str | None:
    tokens = _tokens_before(text, start)
    kept: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group(0)
        in_entity = any(s <= tok.start() < e for s, e in entity_at)
        bare = word.rstrip(".").removesuffix("’s").removesuffix("'s")
        has_head = any(t.group(0).lower().rstrip(".") in TITLE_HEADS for t in kept)
        # a conjunction that opens the sentence is no part of a title ("Although Exxon chairman")
        opener = (tok.start() == 0 or text[:tok.start()].rstrip()[-1:] in ".!?\"“") and word.lower() in stop_words()
        if in_entity or _title_word(bare) or re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,5}", bare) \
                or (has_head and bare[:1].isupper() and bare not in NOT_NAMES and not opener):  # "Norland Foreign Minister"
            kept.append(tok)
        else:
            break
    kept.reverse()
    while kept and kept[0].group(0).lower() in ("the", "of", "for"):
        kept = kept[1:]
    if kept and kept[-1].group(0).lower() in ("the", "of", "for"):  # "leader of the": no title
        return None
    if not kept or not any(t.group(0).lower().rstrip(".") in TITLE_HEADS for t in kept):
        return None
    return text[kept[0].start():kept[-1].end()]


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name: as many words, one of them equal, the others spelling
    variants as claim matching reads them (terms.spelling_variant: Sergey/Sergei,
    Jong/Jung; not Maria/Marta, who are two people). A middle initial that only one spelling
    gives is left out ("Anthony W. Batts" is Anthony Batts); particles are read in any case
    ("Mohammed bin Salman", "Mohammad Bin Salman")."""
    wa, wb = _unprefixed(a), _unprefixed(b)
    if len(wa) != len(wb):
        wa, wb = _uninitialled(wa), _uninitialled(wb)
    if len(wa) != len(wb) or wa == wb:
        return wa == wb
    pairs = list(zip(wa, wb))
    return any(x == y for x, y in pairs) and all(
        x == y or (x[0] == y[0] and spelling_variant(x.lower(), y.lower())) for x, y in pairs)


_PARTICLES = {"bin", "ibn", "bint", "de", "da", "del", "der", "van", "von", "la", "le"}


def _unprefixed(name: str) -> list[str]:
    """The words of a name, an Arabic article left out ("Omar al-Rashid" is "Omar Rashid"),
    particles in lower case."""
    words = [w.removeprefix("al-").removeprefix("Al-").removeprefix("el-") for w in name.split() if w not in ("al", "Al")]
    return [w.lower() if w.lower() in _PARTICLES else w for w in words]


def _uninitialled(words: list[str]) -> list[str]:
    """A name's words without middle initials ("W." in "Anthony W. Batts")."""
    return [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and re.fullmatch(r"[A-Z]\.?", w))]


# Words between a preposition and the title that leave the slot unchanged; "then" and "former"
# mark an earlier holder of the office, a slot of its own.
_SLOT_SKIP = {"the", "a", "an", "its", "his", "her", "their"}
_SLOT_PREPOSITIONS = {"to", "by", "with", "from", "for", "of", "against", "about", "on", "at", "toward", "towards"}


def slot(text: str, mention: PersonMention) -> str:
    """The part a titled person plays in the sentence, as far as the words before the title
    tell: the preposition that governs it ("a letter to President X": "to"), "former" for a
    past holder ("then president X"), or "" (the subject or an apposition)."""
    at = text.rfind(mention.role, 0, mention.start) if mention.role else mention.start
    before = [w.lower() for w in re.findall(r"[A-Za-z]+", text[:max(at, 0)])][-3:]
    while before and before[-1] in _SLOT_SKIP:
        before.pop()
    if before and before[-1] in ("then", "former", "late", "ex"):
        return "former"
    return before[-1] if before and before[-1] in _SLOT_PREPOSITIONS else ""


def name_discrepancies(said: dict[str, str]) -> dict[str, dict[str, str]]:
    """People the sources of one claim give the same role in the same slot (`slot`) but
    different names (not spellings): "President X presented the letter to President Y" and
    "the letter to President Y" set no presenter against an addressee."""
    by_role: dict[str, dict[str, str]] = defaultdict(dict)
    for source, text in said.items():
        for p in people(text):
            if p.role:
                by_role[p.role.lower() + "/" + slot(text, p)].setdefault(source, p.name)
    out = {}
    for role, names in by_role.items():
        if len(names) >= 2:
            distinct = list(names.values())
            if any(not same_person(distinct[0], n) for n in distinct[1:]):
                out[role] = names
    return out
