"""Each article's language (issue 15): told offline, summarized with sumy's stemmer and stop
words for it where sumy has them, a warning saying what was done where it has not, and a
note in the brief (and its JSON) when the sources are not all English."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from briefing.stages import summarize
from briefing.text import language

from tests.conftest import ROOT, SEEDS

FRENCH = """Le port de Marseille rouvre après la grève

Le gouvernement français a annoncé mardi que le port de Marseille rouvrira la semaine prochaine après de longues négociations avec les syndicats de dockers. Le ministre des Transports a déclaré que l'accord avait été conclu après trois jours de discussions à Paris.

Les syndicats réclamaient une hausse des salaires et de meilleures garanties de sécurité pour les ouvriers du port. Selon un porte-parole du syndicat, les dockers reprendront le travail lundi matin.

Les exportateurs ont salué cette décision, car la fermeture du port avait causé des pertes importantes. L'association des exportateurs estime que les pertes ont atteint plusieurs centaines de millions d'euros pendant la grève.
"""
INDONESIAN = """Pelabuhan Tanjung Priok dibuka kembali setelah perundingan

Pemerintah Indonesia mengumumkan pada hari Selasa bahwa pelabuhan Tanjung Priok akan dibuka kembali minggu depan setelah perundingan panjang dengan serikat pekerja pelabuhan. Menteri Perhubungan mengatakan bahwa kesepakatan itu dicapai setelah tiga hari pembicaraan di Jakarta.

Serikat pekerja menuntut kenaikan upah dan jaminan keselamatan kerja bagi para buruh pelabuhan. Menurut juru bicara serikat, para pekerja akan kembali bekerja pada hari Senin pagi.

Para pengusaha ekspor menyambut baik keputusan tersebut karena penutupan pelabuhan telah menyebabkan kerugian besar. Asosiasi eksportir memperkirakan kerugian mencapai ratusan miliar rupiah selama pemogokan berlangsung.
"""


def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_languages_are_told_from_the_text():
    assert language.detect(FRENCH) == "fr"
    assert language.detect(INDONESIAN) == "id"
    assert language.detect(SEEDS["A"].read_text("utf-8")) == "en"
    assert language.detect("Trop court pour le dire.") == "en"  # too short to tell: English, as before


# Four sentences of news about the strike, four of French function words only: with the French
# stop words the news ranks first; read as English, "le", "que", "nous" look like content.
NEWS = ["Les dockers du port de Marseille ont voté la reprise du travail après trois semaines de grève.",
        "La grève des dockers a bloqué plus de deux cents navires dans le port de Marseille.",
        "Les armateurs estiment que la grève du port de Marseille leur a coûté quarante millions d'euros.",
        "Le port de Marseille rouvrira lundi, selon la direction, après la fin de la grève des dockers."]
FILLER = ["Il est vrai que nous le disons et que nous le redisons, mais il faut que cela soit dit et que ce soit "
          "entendu par tous ceux qui sont là.",
          "Ce qui est dit est dit, et ce que nous avons fait, nous le ferons encore, car il le faut pour nous et "
          "pour eux aussi.",
          "Nous sommes de ceux qui pensent que tout ce qui est fait pour eux est aussi fait pour nous, et il en "
          "sera toujours ainsi.",
          "Mais il y a ceux qui ne le disent pas, et ceux qui le disent sans le faire, comme nous le savons tous "
          "depuis toujours."]


@pytest.mark.parametrize("algorithm", ["textrank", "luhn"])
def test_a_french_text_is_ranked_with_french_stop_words_and_stemmer(algorithm):
    texts = [s for pair in zip(NEWS, FILLER) for s in pair]
    news = {texts.index(s) for s in NEWS}
    assert set(summarize.rank(texts, algorithm, "fr")[:4]) == news
    assert set(summarize.rank(texts, algorithm, "en")[:4]) != news
    summarizer = summarize.make_summarizer(algorithm, "fr")
    assert {"le", "que", "nous"} <= summarizer.stop_words
    assert summarizer.stem_word("négociations") == "négoci"


def test_a_brief_of_mixed_languages_says_so_and_warns_where_sumy_has_no_support(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(SEEDS["A"].read_text("utf-8"))
    (folder / "fr.txt").write_text(FRENCH)
    (folder / "id.txt").write_text(INDONESIAN)
    result = run("build", str(folder), "-o", str(tmp_path / "out"), "--formats", "json,md,html,docx")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [f"briefing: warning: {folder / 'id.txt'}: is in Indonesian, for which sumy has no stemmer "
                        "or stop words; it was summarized on its words as written, without stemming or stop words"]
    brief = json.loads((tmp_path / "out" / "brief.json").read_text("utf-8"))
    by_file = {s["path"].rsplit("/", 1)[1]: s for s in brief["sources"]}
    assert {name: s["language"] for name, s in by_file.items()} == {"en.txt": "en", "fr.txt": "fr", "id.txt": "id"}
    note = brief["language_note"]
    assert note.startswith("The sources are in 3 languages: English (1), French (1), Indonesian (1).")
    assert note in (tmp_path / "out" / "brief.html").read_text("utf-8")
    assert note in (tmp_path / "out" / "brief.md").read_text("utf-8")
    import docx

    assert note in [p.text for p in docx.Document(str(tmp_path / "out" / "brief.docx")).paragraphs]
    # the French article is summarized in French: its claims are its own sentences, verbatim
    french = [c["text"] for s in brief["sections"] for c in s["claims"]
              if {e["source"] for e in c["evidence"]} == {by_file["fr.txt"]["id"]}]
    assert french and all(c in FRENCH for c in french)


def test_an_english_brief_says_nothing_about_languages(example_json):
    assert example_json["language_note"] is None
    assert {s["language"] for s in example_json["sources"]} == {"en"}


def test_a_weekly_brief_from_mixed_languages_says_so(tmp_path):
    folder = tmp_path / "week"
    folder.mkdir()
    for name, text in (("en.md", SEEDS["A"].read_text("utf-8")), ("fr.md", FRENCH)):
        (folder / name).write_text(f"---\npublished: 2023-10-24\n---\n\n{text}", encoding="utf-8")
    db = tmp_path / "news.db"
    assert run("ingest", str(folder), "--db", str(db)).returncode == 0
    result = run("weekly", "--week", "2023-W43", "--db", str(db), "-o", str(tmp_path / "out"), "--formats", "json,md")
    assert result.returncode == 0, result.stderr
    brief = json.loads((tmp_path / "out" / "2023-W43" / "brief.json").read_text("utf-8"))
    assert sorted(s["language"] for s in brief["sources"]) == ["en", "fr"]
    assert brief["language_note"].startswith("The sources are in 2 languages: English (1), French (1).")
    assert brief["language_note"] in (tmp_path / "out" / "2023-W43" / "brief.md").read_text("utf-8")
