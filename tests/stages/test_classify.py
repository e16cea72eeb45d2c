"""Stage 6: sentences and claims sorted into the brief's sections by cue vocabulary."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.stages import classify
from briefing.stages import segment
from briefing.models import Article, Source

from tests.conftest import SEEDS, norm

# The section judgements of shared/gold/seeds.yaml (made by hand from the seed articles).
GOLD = {
    "statement": [
        ("A", "South Korea, Japan, and the United States strongly condemned"),
        ("A", "The three countries issued a joint statement saying"),
        ("A", "The statement also said that"),
        ("A", "The three countries called on the international community"),
        ("B", "On October 25, U.S. Secretary of State Antony Blinken"),
        ("B", "Such weapons deliveries, several of which we now confirm"),
        ("B", "The ministers noted that in return for supporting Russia"),
        ("B", "They pointed out that arms transfers to or from the DPRK"),
        ("B", "“Russia itself,” they observed"),
        ("B", "In their joint statement, the U.S., Japan, and the ROK express deep concern"),
        ("B", "“The United States, Japan, and the ROK stand together,”"),
        ("C", "Japan, a neighboring nation and a key player in regional security, has issued a stern warning"),
    ],
    "reactions": [
        ("A", "North Korea has categorically rejected the allegations"),
        ("A", "The Russian spokesperson Dmitry Peskov"),
        ("A", "He added “North Korea is our neighbor"),
        ("A", "When asked if there had been any weapon deliveries"),
        ("A", "Following his visit, Lavrov also rejected the American allegations"),
        ("C", "Japan’s Prime Minister has publicly voiced his concerns"),
        ("C", "Reports about the potential arms deal between North Korea and Russia have sparked alarm"),
    ],
    "military_context": [
        ("A", "The United States and South Korea have increased their regular military drills"),
        ("A", "On October 22, 2023, the three countries conducted their first-ever trilateral aircraft exercise"),
        ("A", "At the same time, North Korea and Russia, both involved in separate disputes"),
        ("A", "This is leading to a competition where each side is actively investing in new weaponry"),
        ("A", "The two countries have been strengthening their military ties"),
        ("B", "In September, Kim Jung Un traveled to Russia where the two leaders discussed military matters"),
        ("C", "North Korea’s pursuit of nuclear weapons and ballistic missile technology"),
        ("C", "While the specifics of the deal remain unclear, it is believed to involve the sale of conventional weapons"),
    ],
    "outlook": [
        ("A", "This militarization can increase the risk of escalation"),
        ("C", "Efforts to address the potential arms deal must involve diplomacy"),
        ("C", "It is essential that all parties involved"),
        ("C", "Dialogue and diplomacy remain the best avenues"),
        ("C", "As this situation develops, it is crucial for the world"),
        ("C", "This potential agreement also underscores the need for enhanced cooperation"),
    ],
}
GOLD_CASES = [(section, article, prefix) for section, items in GOLD.items() for article, prefix in items]


@pytest.fixture(scope="module")
def example_sections(example_build):
    """(seed letter, sentence text, section) for every sentence of the example."""
    scheme = classify.load_scheme()
    letter = {}
    for summary in example_build.summaries:
        path = summary.document.article.source.path
        letter[summary.source_id] = next(k for k, p in SEEDS.items() if path == str(p))
    out = []
    for summary in example_build.summaries:
        where = classify.sentence_sections(scheme, summary.document)
        for s in summary.document.sentences:
            out.append((letter[s.source_id], s.text, where[s.key]))
    return out


@pytest.mark.parametrize("section,article,prefix", GOLD_CASES,
                         ids=[f"{s}-{a}-{p[:25]}" for s, a, p in GOLD_CASES])
def test_gold_section_judgements(example_sections, section, article, prefix):
    hits = [sec for a, text, sec in example_sections if a == article and norm(text).startswith(norm(prefix))]
    assert len(hits) == 1, f"sentence not found once: {prefix!r}"
    assert hits[0] == section


def test_every_sentence_gets_a_section_of_the_scheme(example_build):
    scheme = classify.load_scheme()
    keys = {spec.key for spec in scheme.specs}
    assert keys == {"statement", "reactions", "military_context", "outlook"}
    assert scheme.default == "statement"
    for summary in example_build.summaries:
        where = classify.sentence_sections(scheme, summary.document)
        assert set(where) == {s.key for s in summary.document.sentences}
        assert set(where.values()) <= keys


def _doc(*sentences: str, text: str | None = None):
    """One sentence a paragraph, so no sentence leans on the one before."""
    return segment.segment(Article(Source("1"), text if text is not None else "\n\n".join(sentences)))


def _sections(scheme, *sentences: str) -> list[str]:
    doc = _doc(*sentences)
    assert len(doc.sentences) == len(sentences)
    where = classify.sentence_sections(scheme, doc)
    return [where[s.key] for s in doc.sentences]


@pytest.mark.parametrize("sentence,section", [
    ("The ministry rejected the report as baseless.", "reactions"),
    ("Analysts warn the crisis could escalate next year, raising the risk of conflict.", "outlook"),
    ("The navy will deploy two warships and more troops to the border region.", "military_context"),
    ("The foreign ministers issued a joint statement that condemned the missile launch.", "statement"),
    ("A spokesman for the government declined to comment on the allegations.", "reactions"),
])
def test_invented_sentences(sentence, section):
    assert _sections(classify.load_scheme(), sentence) == [section]


def test_sentence_without_any_cue_goes_to_the_default():
    assert _sections(classify.load_scheme(), "The weather in the capital was mild and sunny.") == ["statement"]


def test_continuing_sentence_leans_on_the_one_before():
    scheme = classify.load_scheme()
    text = ("The ministry rejected the report as baseless and politically motivated. "
            "He called it a fabrication by foreign media.")
    doc = _doc(text=text)
    where = classify.sentence_sections(scheme, doc)
    assert [where[s.key] for s in doc.sentences] == ["reactions", "reactions"]
    # alone, in its own paragraph, the same sentence has nothing to lean on
    assert _sections(scheme, "He called it a fabrication by foreign media.") == ["statement"]


CUSTOM = """
[[section]]
key = "damage"
title = "Damage"
[section.cues]
"collapse" = 2
"destroyed" = 2
"injured" = 1.5

[[section]]
key = "response"
title = "Response"
default = true
[section.cues]
"rescue" = 2
"inquiry" = 2
"mourning" = 1.5
"""


@pytest.fixture
def custom_scheme(tmp_path) -> classify.SectionScheme:
    path = tmp_path / "sections.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    return classify.load_scheme(Path(path))


def test_custom_scheme_is_loaded(custom_scheme):
    assert [(s.key, s.title) for s in custom_scheme.specs] == [("damage", "Damage"), ("response", "Response")]
    assert custom_scheme.default == "response"  # the one marked default, not the first


def test_custom_scheme_routes_by_its_cues(custom_scheme):
    assert _sections(custom_scheme,
                     "The Kessel Bridge collapsed into the river on Thursday evening.",
                     "Rescue divers searched the river for survivors through the night.",
                     "Two houses were destroyed and eleven people were injured.",
                     "The mayor ordered an inquiry and declared three days of mourning.",
                     "Flags flew at half mast on the town hall.",
                     ) == ["damage", "response", "damage", "response", "response"]


def test_custom_scheme_default_first(tmp_path):
    path = tmp_path / "sections.toml"
    path.write_text(CUSTOM.replace("default = true\n", ""), encoding="utf-8")
    scheme = classify.load_scheme(path)
    assert scheme.default == "damage"  # no section marked: the first one
    assert _sections(scheme, "Flags flew at half mast on the town hall.") == ["damage"]


def test_one_word_counts_as_one_cue(tmp_path):
    path = tmp_path / "sections.toml"
    path.write_text('[[section]]\nkey = "said"\ntitle = "Said"\n[section.cues]\n"warn" = 2\n"warning" = 2\n\n'
                    '[[section]]\nkey = "risk"\ntitle = "Risk"\n[section.cues]\n"risk" = 3\n', encoding="utf-8")
    scheme = classify.load_scheme(path)
    assert _sections(scheme, "Engineers warn of a serious risk to the other bridges.") == ["risk"]


# The learned weights, and the role features they weigh (text/roles.py).

from briefing.summary import judged as judged_data  # noqa: E402
from briefing.text import roles  # noqa: E402


@pytest.mark.skipif(not judged_data.DEVSET.is_dir(), reason=f"{judged_data.DEVSET} is absent: the judged "
                    "clusters' articles, which the section weights are learned from, live in ../shared")
def test_shipped_section_weights_are_what_the_training_script_learns():
    from tests.judged import train_sections

    shipped = train_sections.OUT.read_text(encoding="utf-8")
    assert train_sections.learn().to_toml(train_sections.HEADER) == shipped, \
        "data/section_weights.toml is stale: run python -m tests.judged.train_sections"


def test_an_actor_is_one_actor_however_the_sentence_names_it():
    # a country by its name, its adjective or its capital is one actor; titles and days are none
    assert roles.actors("On Sunday, Moscow said Russian troops and President Ivan Petrov's aides left Russia.") \
        == {"@russia", "ivan", "petrov's"}


def test_a_judging_sentence_reads_as_more_evaluative_than_a_report():
    judging = "The outrageous and shameful attack was a horrible tragedy, the bishop said."
    report = "The delegation arrived in the capital on the morning train, the ministry said."
    assert roles.evaluative(judging.split()) > 1 > roles.evaluative(report.split())


def test_role_features_place_sentences_the_cue_list_does_not_know():
    # none of these sentences holds a word of data/sections.toml: the learned weights decide
    doc = _doc("The Varnholm city council voted on Tuesday to close the old harbour bridge to all traffic.",
               "Shelling and mortar fire hit the district overnight and bodies lay in the streets.",
               "\"This is a shameful and disgraceful betrayal of the people who live here,\" said Anna "
               "Ferreira, who runs a bakery near the bridge.")
    where = classify.sentence_sections(classify.load_scheme(), doc)
    assert [where[s.key] for s in doc.sentences] == ["statement", "military_context", "reactions"]


def test_tense_tells_what_comes_next_from_what_came_after_long_ago():
    # "next" in both; only the sentence about what is still to happen is Outlook
    doc = _doc("The Varnholm city council voted on Tuesday to close the old harbour bridge to all traffic.",
               "Over the next ten years the old ferry company opened only two new routes and closed five.",
               "The council will meet again next month to decide whether a new bridge should be built.")
    where = classify.sentence_sections(classify.load_scheme(), doc)
    assert [where[s.key] for s in doc.sentences] == ["statement", "statement", "outlook"]


def test_a_speaker_whose_role_marks_a_third_party_is_told_from_the_principal():
    doc = _doc("The Varnholm government announced on Monday that it would close the Kessel border crossing.",
               "Interior Minister Ana Ruiz said the crossing would stay closed until the inquiry ended.",
               "Lena Brandt, a professor of law at Kessel University, said the closure was a mistake.",
               "Residents of the border town said the decision cut them off from their families.")
    scheme = classify.load_scheme()
    third = [f["speaker:third"] for f in classify.role_features(scheme, doc, roles.context([doc]))]
    assert third == [0.0, 0.0, 1.0, 1.0]
