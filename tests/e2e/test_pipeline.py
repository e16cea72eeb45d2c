"""The whole pipeline on the bundled example, and how it treats bad inputs."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from briefing.options import Options
from briefing import pipeline
from briefing.stages import synthesize
from briefing.errors import NoArticlesError

from tests.conftest import EXAMPLE, SEEDS, norm


@pytest.fixture(scope="module")
def texts():
    """The cleaned text of each example source, by source id."""
    articles, problems = pipeline.read_articles([str(EXAMPLE)])
    assert problems == []
    return {a.source.id: a.text for a in articles}


@pytest.fixture(scope="module")
def letters(example_build):
    """Source id -> seed letter (A, B, C)."""
    return {s.id: next(k for k, p in SEEDS.items() if s.path == str(p)) for s in example_build.brief.sources}


def all_claims(brief):
    """The brief's claims: its key points and the claims of its sections, each printed once."""
    return brief.key_points + [c for section in brief.sections for c in section.claims]


def find_claims(brief, letters, letter, prefix):
    return [c for c in all_claims(brief)
            if any(letters[e.source] == letter and norm(e.sentence).startswith(norm(prefix)) for e in c.evidence)]


def test_example_sources_in_sorted_order(example_build, letters):
    assert [s.id for s in example_build.brief.sources] == ["1", "2", "3"]
    assert [letters[s.id] for s in example_build.brief.sources] == ["A", "B", "C"]
    assert example_build.problems == []


def test_claim_text_is_one_of_its_evidence_sentences(example_build):
    claims = all_claims(example_build.brief)
    assert claims
    for claim in claims:
        assert claim.evidence
        assert claim.text in [e.sentence for e in claim.evidence]


def test_evidence_is_an_exact_slice_of_the_cleaned_source(example_build, texts):
    for claim in all_claims(example_build.brief) + example_build.brief.key_points:
        for e in claim.evidence:
            assert texts[e.source][e.start:e.end] == e.sentence


def test_no_two_claims_share_an_evidence_sentence(example_build):
    seen = {}
    for claim in all_claims(example_build.brief):
        for e in claim.evidence:
            key = (e.source, e.start, e.end)
            assert key not in seen, f"{e.sentence[:50]!r} backs two claims"
            seen[key] = claim


def test_each_claim_is_in_exactly_one_section(example_build):
    brief = example_build.brief
    claims = all_claims(brief)
    assert len({id(c) for c in claims}) == len(claims)
    assert len({norm(c.text) for c in claims}) == len(claims)
    for section in brief.sections:
        for claim in section.claims:
            assert claim.section == section.key
    assert [s.key for s in brief.sections] == ["statement", "reactions", "military_context", "outlook"]


def test_key_points_are_three_to_five_claims_printed_once_and_chosen_as_summarize_chooses(example_build):
    from briefing.stages import key_points
    from briefing.summary import multidoc
    from briefing.text import roles

    brief = example_build.brief
    body = [c for section in brief.sections for c in section.claims]
    assert 3 <= len(brief.key_points) <= 5
    for point in brief.key_points:
        assert not any(point.text == c.text for c in body)  # not repeated in its section
        assert point.section in {s.key for s in brief.sections}  # yet placed in one (brief.json lists it there)
    # the bottom line first: the summarizer's first choice among the claims that can lead
    year = roles.context([s.document for s in example_build.summaries]).year
    ranked = sorted(all_claims(brief), key=lambda c: (-c.score, c.first_seen))
    fit = [c for c in ranked if key_points.can_lead(c, year)]
    first = multidoc.select(fit, example_build.summaries, key_points.WORDS_PER_POINT * len(brief.key_points))[0]
    assert brief.key_points[0].ref == first.ref


def test_brief_title_is_a_source_headline(example_build):
    brief = example_build.brief
    assert brief.title in {s.title for s in brief.sources}


def test_joint_condemnation_carries_the_date_discrepancy(example_build, letters):
    [claim] = find_claims(example_build.brief, letters, "A",
                          "South Korea, Japan, and the United States strongly condemned")
    assert claim in find_claims(example_build.brief, letters, "B", "On October 25, U.S. Secretary of State")
    ids = {letters[s]: s for s in claim.source_ids}
    assert set(ids) == {"A", "B"}
    dates = [d for d in claim.discrepancies if d.kind == "date"]
    # A: "... to Russia on October 26, 2023."  B: "On October 25, U.S. Secretary of State ..."
    assert [d.values for d in dates] == [{ids["A"]: "October 26, 2023", ids["B"]: "October 25"}]


# shared/gold/seeds.yaml: groups of sentences that state one claim, and pairs that do not.
SAME_CLAIM = {
    "joint-condemnation": [("A", "South Korea, Japan, and the United States strongly condemned"),
                           ("B", "On October 25, U.S. Secretary of State Antony Blinken")],
    "deliveries-confirmed": [("A", "The three countries issued a joint statement saying that they had confirmed"),
                             ("B", "Such weapons deliveries, several of which we now confirm")],
    "violates-unsc-resolutions": [("A", "The statement also said that North Korea’s arms deliveries to Russia violated"),
                                  ("B", "They pointed out that arms transfers to or from the DPRK")],
    "lavrov-visit": [("A", "When Russian Foreign Minister Sergey Lavrov visited North Korea"),
                     ("B", "In mid-October, Russian Foreign Minister Sergei Lavrov met with Kim")],
    "ties-strengthening": [("A", "The two countries have been strengthening their military ties"),
                           ("B", "Russia and the DPRK have made no secret of their burgeoning relationship.")],
    "existing-sanctions": [("A", "North Korea is already under a number of sanctions"),
                           ("C", "The UN Security Council has imposed a series of sanctions")],
}
DIFFERENT = [
    [("A", "The three countries called on the international community"),
     ("C", "Japan’s warning serves as a call to action for the international community")],
    [("C", "In recent developments that have raised international concerns, reports suggest"),
     ("A", "South Korea, Japan, and the United States strongly condemned")],
    # concern about Russia transferring missile technology to the DPRK is not North Korea's
    # own pursuit of it, though they share "nuclear", "ballistic missile technology"
    [("B", "In their joint statement, the U.S., Japan, and the ROK express deep concern"),
     ("C", "North Korea’s pursuit of nuclear weapons and ballistic missile technology")],
]


def test_gold_groups_shown_in_the_brief_are_one_claim(example_build, letters):
    shown = 0
    for group, members in SAME_CLAIM.items():
        where = [find_claims(example_build.brief, letters, *m) for m in members]
        if not any(where):
            continue  # no member made a condensed set: the group is not in the brief
        shown += 1
        assert all(len(w) == 1 for w in where), f"{group}: a member is missing or shown twice"
        assert all(w[0] is where[0][0] for w in where), f"{group}: split over several claims"
    assert shown >= 4


_NO_SHARED_WORDS = pytest.mark.xfail(
    reason="BUG (limit of lexical matching): the two sentences share too few words to reach "
           "synthesize.SAME_CLAIM (ties-strengthening 0.0, existing-sanctions 0.26), so when one is "
           "shown it does not cite the other source that states it", strict=True)


@pytest.mark.parametrize("group", [
    pytest.param(g, marks=_NO_SHARED_WORDS) if g in ("ties-strengthening", "existing-sanctions") else g
    for g in SAME_CLAIM])
def test_gold_same_claim_groups_are_grouped(example_build, letters, group):
    """With every sentence a candidate (not only the condensed ones), each gold group is one claim."""
    summaries = [replace(s, condensed=tuple(range(len(s.document.sentences)))) for s in example_build.summaries]
    claims = synthesize.synthesize(summaries)

    def holding(letter, prefix):
        return [c for c in claims if any(letters[e.source] == letter and norm(e.sentence).startswith(norm(prefix))
                                         for e in c.evidence)]

    where = [holding(*m) for m in SAME_CLAIM[group]]
    assert all(len(w) == 1 for w in where)
    assert all(w[0] is where[0][0] for w in where)


@pytest.mark.parametrize("pair", DIFFERENT)
def test_gold_different_claims_stay_apart(example_build, letters, pair):
    a = find_claims(example_build.brief, letters, *pair[0])
    b = find_claims(example_build.brief, letters, *pair[1])
    assert not {id(c) for c in a} & {id(c) for c in b}


def test_source_summaries_are_condensed_sentences(example_build, texts):
    summaries = example_build.brief.source_summaries
    assert [sid for sid, _ in summaries] == ["1", "2", "3"]
    for sid, sentences in summaries:
        assert 3 <= len(sentences) <= 8
        for s in sentences:
            assert s in texts[sid]


# --- bad inputs -----------------------------------------------------------------------------

@pytest.fixture
def two_seeds(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for key in ("A", "C"):
        shutil.copy(SEEDS[key], folder / SEEDS[key].name)
    return folder


BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300),
    "menu.txt": b"Home\nWorld\nSport\nContact us\n",
    "report.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_one_bad_file_is_reported_and_the_brief_still_builds(tmp_path, two_seeds, name):
    bad = tmp_path / name
    bad.write_bytes(BAD[name])
    result = pipeline.build([str(two_seeds), str(bad)])
    assert [p.path for p in result.problems] == [str(bad)]
    assert result.problems[0].reason
    assert [s.id for s in result.brief.sources] == ["1", "2"]
    assert {s.path for s in result.brief.sources} == {str(two_seeds / SEEDS[k].name) for k in ("A", "C")}
    assert all_claims(result.brief)


def test_bad_file_sorted_first_leaves_no_gap_in_source_numbers(two_seeds):
    bad = two_seeds / "000_empty.txt"  # sorts before the good files in the same folder
    bad.write_bytes(b"")
    result = pipeline.build([str(two_seeds)])
    assert [p.path for p in result.problems] == [str(bad)]
    assert [s.id for s in result.brief.sources] == ["1", "2"]
    cited = {e.source for c in all_claims(result.brief) for e in c.evidence}
    assert cited <= {"1", "2"}


def test_missing_path_is_reported_and_the_brief_still_builds(tmp_path, two_seeds):
    missing = tmp_path / "nowhere"
    result = pipeline.build([str(two_seeds), str(missing)])
    assert [p.path for p in result.problems] == [str(missing)]
    assert len(result.brief.sources) == 2


def test_all_inputs_bad_is_no_articles_error(tmp_path):
    paths = []
    for name, data in BAD.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    paths.append(str(tmp_path / "missing.txt"))
    with pytest.raises(NoArticlesError) as info:
        pipeline.build(paths)
    assert sorted(p.path for p in info.value.problems) == sorted(paths)
    assert all(p.reason for p in info.value.problems)


def test_output_folder_is_not_read(tmp_path, two_seeds):
    out = two_seeds / "output"
    out.mkdir()
    shutil.copy(SEEDS["B"], out / "brief.txt")
    result = pipeline.build([str(two_seeds)], Options(exclude=out))
    assert len(result.brief.sources) == 2
    result = pipeline.build([str(two_seeds)])
    assert len(result.brief.sources) == 3


def test_title_option_wins(two_seeds):
    result = pipeline.build([str(two_seeds)], Options(title="Monday brief"))
    assert result.brief.title == "Monday brief"
