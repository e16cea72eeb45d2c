"""Each article's language, told offline, and what sumy can do for it.

py3langid (a naive Bayes model of 97 languages shipped inside its wheel, deterministic) tells
the language. Loading its model takes about a second, so an article that is plainly
English — a quarter or more of its words on sumy's English stop-word list, where a
text in another language has a few percent — is taken as English without it.

sumy summarizes with a stemmer and a stop-word list for the article's language. Where sumy
has both, the article is summarized in its language as it is. Where it lacks one or both,
the article is summarized with what there is (its words as written, no stop words), and a
note on the article says so; the user sees it as a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from briefing.models import Article

DEFAULT = "en"
# Below this many words the model's guess is unreliable: the article is taken as English.
MIN_WORDS = 25
# Share of words on the English stop-word list above which a text is English without asking
# the model (English news: 40-50 %; French, German, Indonesian news: under 8 %).
ENGLISH_STOP_SHARE = 0.25
# Below this confidence the model's guess is not taken (English is used, as before).
MIN_CONFIDENCE = 0.6
SAMPLE_CHARS = 5000  # enough to tell the language; the model is linear in the length

# ISO 639-1 code -> the language's name in sumy (its stemmers and stop-word files).
SUMY_NAMES = {
    "en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian", "pt": "portuguese",
    "sv": "swedish", "cs": "czech", "sk": "slovak", "pl": "polish", "uk": "ukrainian", "el": "greek",
    "ar": "arabic", "he": "hebrew", "zh": "chinese", "ja": "japanese", "ko": "korean", "th": "thai",
    "ru": "russian", "nl": "dutch", "da": "danish", "fi": "finnish", "hu": "hungarian", "no": "norwegian",
    "nb": "norwegian", "nn": "norwegian", "ro": "romanian",
}
# Names for the messages where pycountry's differ from the everyday one.
_NAMES = {"el": "Greek", "ms": "Malay", "ne": "Nepali", "sw": "Swahili", "zxx": "no language"}
_WORD = re.compile(r"[^\W\d_]+")


def name(code: str) -> str:
    """'id' -> 'Indonesian'."""
    if code in _NAMES:
        return _NAMES[code]
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code) or pycountry.languages.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        found = None
    return found.name if found else code


def detect(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in (English when unsure)."""
    sample = text[:SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return DEFAULT
    from briefing.text.terms import stop_words

    english = stop_words()
    if sum(w in english for w in words) >= ENGLISH_STOP_SHARE * len(words):
        return DEFAULT
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE and code != "zxx" else DEFAULT


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=None)
def support(code: str) -> tuple[str | None, bool, bool]:
    """(sumy's name for the language or None, whether sumy stems it, whether it has its stop words)."""
    sumy_name = SUMY_NAMES.get(code)
    if sumy_name is None:
        return None, False, False
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    try:
        Stemmer(sumy_name)
        stems = True
    except LookupError:
        stems = False
    try:
        get_stop_words(sumy_name)
        stops = True
    except LookupError:
        stops = False
    return sumy_name, stems, stops


def what_was_done(code: str) -> str | None:
    """The note for an article in a language sumy does not fully support, else None."""
    _, stems, stops = support(code)
    if stems and stops:
        return None
    language = name(code)
    if not stems and not stops:
        return (f"is in {language}, for which sumy has no stemmer or stop words; it was summarized on its "
                "words as written, without stemming or stop words")
    if stems:
        return (f"is in {language}, for which sumy has a stemmer but no stop words; it was summarized with "
                f"the {language} stemmer and no stop words")
    return (f"is in {language}, for which sumy has stop words but no stemmer; it was summarized with the "
            f"{language} stop words, on its words as written")


def tag(articles: list[Article]) -> list[Article]:
    """The articles with their language in their source, and a note where sumy lacks support
    (an article already tagged is left as it is)."""
    out = []
    for article in articles:
        if article.source.language:
            out.append(article)
            continue
        code = detect(article.text)
        note = what_was_done(code)
        out.append(replace(article, source=replace(article.source, language=code),
                           notes=article.notes + ((note,) if note else ())))
    return out


def brief_note(codes: list[str]) -> str | None:
    """What the brief says about its sources' languages: only when they are not all English."""
    counts: dict[str, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    if not counts or set(counts) == {DEFAULT}:
        return None
    if len(counts) == 1:
        return (f"The sources are in {name(codes[0])}; they are summarized and quoted in {name(codes[0])}, "
                "untranslated.")
    parts = ", ".join(f"{name(c)} ({n})" for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return (f"The sources are in {len(counts)} languages: {parts}. Each is summarized and quoted in its own "
            "language, untranslated, so a fact reported in two languages may appear twice.")
