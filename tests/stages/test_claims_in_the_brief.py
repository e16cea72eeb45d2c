"""What a decision-maker reads in the brief beyond the claims: discrepancies, corroboration,
denials linked to what they deny, the timeline, the actors, the header and the endnotes.
Each test builds a brief from small articles written for it."""

from __future__ import annotations

import pytest

from briefing.options import Options
from briefing import pipeline
from briefing.render import views as render
from briefing.render import json as brief_json
from tests.conftest import norm


def article(title: str, body: list[str], published: str | None = None, **meta: str) -> str:
    head = [f"title: {title}"] + ([f"published: {published}"] if published else [])
    head += [f"{k}: {v}" for k, v in meta.items()]
    return "---\n" + "\n".join(head) + "\n---\n" + "\n\n".join(body) + "\n"


def build(paths, **options) -> dict:
    brief = pipeline.build([str(p.parent) for p in paths[:1]], Options(**options)).brief
    return brief_json.to_dict(brief) | {"_md": render.to_markdown(brief)}


def claims(brief: dict) -> list[dict]:
    return [c for s in brief["sections"] for c in s["claims"]]


def claim_with(brief: dict, words: str) -> dict:
    found = [c for c in claims(brief) if words in c["text"]]
    assert found, f"no claim contains {words!r}: {[c['text'] for c in claims(brief)]}"
    return found[0]


# -- sources that agree: nothing is flagged --------------------------------------------------

AGREE_A = ["The foreign ministers of Norland and Sudland signed a fisheries agreement in the port of Vessby on Monday.",
           "The agreement sets a quota of 40,000 tonnes of cod for the coming season.",
           "Norland Foreign Minister Sergey Lindqvist said the deal would protect jobs in coastal towns.",
           "Fishing crews in the north welcomed the news after months of uncertainty about the season."]
AGREE_B = ["The foreign ministers of Norland and Sudland signed a fisheries agreement in the port of Vessby on March 4.",
           "Under the agreement, the quota is 40,000 tonnes of cod for the coming season.",
           "Norland Foreign Minister Sergei Lindqvist said the deal would protect jobs in coastal towns.",
           "Environmental groups asked for independent checks on the size of the cod stock."]


def test_sources_that_agree_get_no_discrepancy_and_a_relative_date_is_resolved(write):
    # 2024-03-06 is a Wednesday: "on Monday" is March 4, which is what the other source says
    a = write("a.md", article("Fisheries pact signed", AGREE_A, "2024-03-06"))
    write("b.md", article("Norland and Sudland agree on cod", AGREE_B, "2024-03-05"))
    brief = build([a])
    signed = claim_with(brief, "signed a fisheries agreement")
    assert {e["source"] for e in signed["evidence"]} == {"1", "2"}
    assert all(c["discrepancies"] == [] for c in claims(brief)), [c["discrepancies"] for c in claims(brief)]
    assert "Sources differ" not in brief["_md"]
    # the timeline dates the event by the resolved weekday
    assert [(e["date"], sorted({x["source"] for x in e["evidence"]})) for e in brief["timeline"]] == \
        [("2024-03-04", ["1", "2"])]


def test_spelling_variants_of_a_name_are_one_actor_with_its_role(write):
    a = write("a.md", article("Fisheries pact signed", AGREE_A, "2024-03-06"))
    write("b.md", article("Norland and Sudland agree on cod", AGREE_B, "2024-03-05"))
    brief = build([a])
    people = [x for x in brief["actors"] if x["kind"] == "person"]
    assert people == [{"name": "Sergey Lindqvist", "variants": ["Sergei Lindqvist"], "role": "Norland Foreign Minister",
                       "sources": ["1", "2"], "kind": "person", "appears_in": people[0]["appears_in"]}]
    assert people[0]["appears_in"], "the actor links to the claims that name him"
    assert "**Sergey Lindqvist** (also spelt Sergei Lindqvist) — Norland Foreign Minister [1][2]" in brief["_md"]


# -- discrepancies ---------------------------------------------------------------------------

def test_a_relative_date_that_contradicts_the_other_source_is_flagged(write):
    # published Wednesday 2024-03-06: "on Monday" means March 4, the other source says March 1
    a = write("a.md", article("Fisheries pact signed", AGREE_A, "2024-03-06"))
    b_body = [AGREE_B[0].replace("March 4", "March 1")] + AGREE_B[1:]
    write("b.md", article("Norland and Sudland agree on cod", b_body, "2024-03-05"))
    brief = build([a])
    signed = claim_with(brief, "signed a fisheries agreement")
    assert signed["discrepancies"] == [{"kind": "date", "values": {"1": "on Monday", "2": "March 1"}}]
    assert "*Sources differ on the date:* on Monday [1]; March 1 [2]" in brief["_md"]


def test_without_a_publication_date_a_relative_date_is_not_compared(write):
    a = write("a.md", article("Fisheries pact signed", AGREE_A))
    b_body = [AGREE_B[0].replace("March 4", "March 1")] + AGREE_B[1:]
    write("b.md", article("Norland and Sudland agree on cod", b_body))
    brief = build([a])
    assert claim_with(brief, "signed a fisheries agreement")["discrepancies"] == []


def test_different_quantities_people_and_places_are_flagged(write):
    a_body = [AGREE_A[0].replace("in the port of Vessby", "in Vessby"), AGREE_A[1], "Norland Foreign Minister Anna Berg said the deal would protect jobs in coastal towns.",
              AGREE_A[3]]
    b_body = [AGREE_B[0].replace("in the port of Vessby", "in Nordhavn"), AGREE_B[1].replace("40,000", "45,000"),
              "Norland Foreign Minister Karl Dahl said the deal would protect jobs in coastal towns.", AGREE_B[3]]
    a = write("a.md", article("Fisheries pact signed", a_body, "2024-03-06"))
    write("b.md", article("Norland and Sudland agree on cod", b_body, "2024-03-05"))
    brief = build([a])
    quota = claim_with(brief, "tonnes of cod")
    # the flag names what differs, and source 1 was published a day after source 2
    assert {"kind": "number", "values": {"1": "40,000 tonnes", "2": "45,000 tonnes"},
            "about": "agreement sets a quota", "reported_later": ["1"]} in quota["discrepancies"]
    assert "(agreement sets a quota):* 40,000 tonnes [1] (reported later); 45,000 tonnes [2]" in brief["_md"]
    jobs = claim_with(brief, "protect jobs")
    assert {"kind": "person", "values": {"1": "Anna Berg", "2": "Karl Dahl"}} in jobs["discrepancies"]
    signed = claim_with(brief, "signed a fisheries agreement")
    assert signed["discrepancies"] == [{"kind": "place", "values": {"1": "Vessby", "2": "Nordhavn"}}]
    assert "*Sources differ on the place:* Vessby [1]; Nordhavn [2]" in brief["_md"]


def test_a_capital_and_its_country_are_one_place(write):
    a_body = [AGREE_A[0].replace("in the port of Vessby on Monday", "in Pyongyang on Monday")] + AGREE_A[1:]
    b_body = [AGREE_B[0].replace("in the port of Vessby on March 4", "in North Korea on March 4")] + AGREE_B[1:]
    a = write("a.md", article("Fisheries pact signed", a_body, "2024-03-06"))
    write("b.md", article("Norland and Sudland agree on cod", b_body, "2024-03-05"))
    assert claim_with(build([a]), "signed a fisheries agreement")["discrepancies"] == []


# -- corroboration ---------------------------------------------------------------------------

WIRE = ["Flooding closed the coastal railway between Vessby and Nordhavn on Tuesday, the rail operator said.",
        "About 2,000 passengers were stranded overnight at the two stations.",
        "Engineers expect the line to reopen within three days once the water has drained.",
        "The operator said buses would replace trains on the route until repairs are complete."]
OWN = ["Heavy rain flooded the coastal railway between Vessby and Nordhavn, stranding travellers.",
       "Local residents said the river had burst its banks for the first time in decades.",
       "Farmers in the valley reported losing hay stored in low-lying barns."]


def test_reprints_of_one_wire_story_count_as_one_origin(write):
    a = write("a.md", article("Floods close coastal railway", WIRE))
    write("b.md", article("Rail line shut by floods", WIRE[:3] + ["Officials gave no estimate of the cost."]))
    write("c.md", article("Valley flooded after river bursts its banks", OWN))
    brief = build([a])
    closed = claim_with(brief, "Flooding closed the coastal railway")
    assert sorted({e["source"] for e in closed["evidence"]}) == ["1", "2", "3"]
    assert closed["origins"] == 2 and closed["support"] == "3 outlets, 2 origins"
    stranded = claim_with(brief, "2,000 passengers")
    assert stranded["origins"] == 1 and stranded["support"] == "2 outlets, 1 origin"
    farmers = claim_with(brief, "Farmers in the valley")
    assert farmers["support"] == "single source"
    assert "*(3 outlets, 2 origins)*" in brief["_md"] and "*(single source)*" in brief["_md"]


# -- contested claims ------------------------------------------------------------------------

ACCUSE = ["The government of Norland accused Sudland of dumping chemical waste into the Vessel river last month.",
          "Norland said samples taken near the border showed high levels of mercury.",
          "Fishing has been banned on the lower Vessel until further notice."]
DENY = ["Sudland's environment ministry rejected the accusations as baseless and politically motivated.",
        "Sudland said its own tests of the river water found nothing unusual.",
        "A ministry spokesperson said Sudland would welcome independent inspectors."]


def test_a_denial_is_shown_with_the_claim_it_denies(write):
    a = write("a.md", article("Norland accuses Sudland over river pollution", ACCUSE))
    write("b.md", article("Sudland denies polluting the Vessel", DENY))
    brief = build([a])
    accused = claim_with(brief, "accused Sudland of dumping")
    assert [d["text"] for d in accused["denied_by"]] == [DENY[0]]
    assert accused["denied_by"][0]["evidence"][0]["source"] == "2"
    denial = next((c for c in claims(brief) if c["text"] == DENY[0]), None)
    if denial is not None:  # shown as a claim too: it says which claim it answers
        assert denial["answers"] == accused["id"]
    md = brief["_md"]
    assert md.index(ACCUSE[0]) < md.index("*Denied:* Sudland's environment ministry rejected")
    # claims nobody denies carry no denial
    assert claim_with(brief, "Fishing has been banned")["denied_by"] == []


# -- timeline --------------------------------------------------------------------------------

TIMELINE_A = ["The summit of the five coastal states opened in Vessby on June 12, 2024.",
              "Delegates had prepared the agenda at a meeting in Nordhavn in mid-May.",
              "The leaders are expected to sign a declaration on ocean protection."]
TIMELINE_B = ["Talks on a regional ocean pact began in Lund in early 2023 and were slow at first.",
              "On Tuesday the delegates agreed on a draft text after a night of negotiation.",
              "Environmental groups called the draft a modest step forward."]


def test_timeline_orders_dated_events_and_cites_them(write):
    a = write("a.md", article("Coastal summit opens", TIMELINE_A, "2024-06-12"))
    write("b.md", article("Ocean pact draft agreed", TIMELINE_B, "2024-06-14"))  # a Friday
    brief = build([a])
    events = [(e["date"], e["text"], [x["source"] for x in e["evidence"]]) for e in brief["timeline"]]
    assert events == [
        ("mid-May", TIMELINE_A[1], ["1"]),
        ("2024-06-11", TIMELINE_B[1], ["2"]),
        ("2024-06-12", TIMELINE_A[0], ["1"]),
    ]
    for e in brief["timeline"]:  # verbatim, with offsets into the cited source
        assert norm(e["text"]) == norm(e["evidence"][0]["sentence"])
    assert "**2024-06-11** — On Tuesday the delegates agreed on a draft text" in brief["_md"]


def test_no_dates_no_timeline(write):
    a = write("a.md", article("Valley flooded", OWN))
    brief = build([a])
    assert brief["timeline"] == [] and "## Timeline" not in brief["_md"]


# -- header matter and endnotes --------------------------------------------------------------

def test_banner_cutoff_source_count_and_no_build_date_unless_stamped(write):
    a = write("a.md", article("Fisheries pact signed", AGREE_A, "2024-03-06"))
    write("b.md", article("Norland and Sudland agree on cod", AGREE_B, "2024-03-05"))
    brief = build([a], banner="UNCLASSIFIED // FOR PUBLIC RELEASE")
    md = brief["_md"]
    assert md.startswith("**UNCLASSIFIED // FOR PUBLIC RELEASE**")
    assert md.rstrip().endswith("**UNCLASSIFIED // FOR PUBLIC RELEASE**")
    assert "*2 sources · information cut-off 2024-03-06*" in md
    assert brief["built"] is None and "built" not in md.split("\n## ")[0]
    stamped = build([a], stamp=True)
    assert stamped["built"] and f"built {stamped['built']}" in stamped["_md"]


def test_source_descriptors_are_inferred_and_front_matter_wins(write):
    a = write("a.md", article("Fisheries pact signed", AGREE_A, "2024-03-06"))
    write("b.md", article("Joint statement on the fisheries agreement", AGREE_B, "2024-03-05",
                          url="https://www.fisheries.gov.nl/statements/cod-agreement"))
    write("c.md", article("Why the cod deal matters", OWN, descriptor="opinion"))
    brief = build([a])
    assert [s["descriptor"] for s in brief["sources"]] == ["news report", "official statement", "opinion"]
    assert "(official statement)" in brief["_md"]


def test_the_example_brief_has_what_the_issue_asks_for(example_json):
    flagged = [c for s in example_json["sections"] for c in s["claims"] if c["discrepancies"]]
    assert {"kind": "date", "values": {"1": "October 26, 2023", "2": "October 25"}} in flagged[0]["discrepancies"]
    dates = [e["date"] for e in example_json["timeline"]]
    assert dates == ["2023-10-18", "2023-10-22", "2023-10-26"]
    # "In September" with no year in the sentence and no publication date: kept apart, not guessed
    assert [e["date"] for e in example_json["timeline_year_unknown"]] == ["September"]
    texts = " ".join(e["text"] for e in example_json["timeline"] + example_json["timeline_year_unknown"])
    for words in ("Kim Jung Un traveled to Russia", "Sergey Lavrov visited North Korea",
                  "trilateral aircraft exercise", "strongly condemned"):
        assert words in texts
    lavrov = next(a for a in example_json["actors"] if a["name"] == "Sergey Lavrov")
    assert lavrov["variants"] == ["Sergei Lavrov"] and lavrov["role"] == "Russian Foreign Minister"
    assert lavrov["sources"] == ["1", "2"]
    denied = {c["text"][:60]: [d["text"][:60] for d in c["denied_by"]]
              for s in example_json["sections"] for c in s["claims"] if c["denied_by"]}
    condemned = next(k for k in denied if k.startswith("South Korea, Japan, and the United"))
    assert any(d.startswith("Following his visit, Lavrov also rejected") for d in denied[condemned])
    assert any(d.startswith("North Korea has categorically rejected") for d in denied[condemned])
    every = [c for s in example_json["sections"] for c in s["claims"]]
    assert all(c["support"] == ("single source" if len({e["source"] for e in c["evidence"]}) == 1 else
                                f"{len({e['source'] for e in c['evidence']})} sources") for c in every)


# -- actors: general rules, not the example's names --------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Russian Foreign Minister Sergey Lavrov visited Pyongyang.", [("Sergey Lavrov", "Russian Foreign Minister")]),
    ("On Monday, U.S. Secretary of State Antony Blinken, and ROK Foreign Minister Park Jin met.",
     [("Antony Blinken", "U.S. Secretary of State"), ("Park Jin", "ROK Foreign Minister")]),
    ("The Russian spokesperson Dmitry Peskov rejected the claims.", [("Dmitry Peskov", "Russian spokesperson")]),
    ("State Department spokesperson Matthew Miller told reporters.",
     [("Matthew Miller", "State Department spokesperson")]),
    ("North Korean leader Kim Jong Un said the drills were a provocation.", [("Kim Jong Un", "North Korean leader")]),
    ("In September, Kim Jung Un traveled to Russia.", [("Kim Jung Un", None)]),  # acts, no title given
    ("Human Rights Watch said the arrests were unlawful.", []),  # an organisation
    ("Amnesty International said the trial was unfair.", []),
    ("Hong Kong said it would respond.", []),  # a place
    ("The summit was held at Camp David in August.", []),  # a place named like a person, not acting
])
def test_a_person_is_a_name_after_a_title_or_before_a_verb_of_acting(sentence, expected):
    from briefing.text.people import people

    assert [(p.name, p.role) for p in people(sentence)] == expected


@pytest.mark.parametrize("a, b, same", [
    ("Sergey Lavrov", "Sergei Lavrov", True), ("Kim Jong Un", "Kim Jung Un", True),
    ("Kim Jong Un", "Kim Yo Jong", False), ("Anna Berg", "Karl Berg", False), ("Park Jin", "Park Jin", True),
    ("Maria Lopez", "Marta Lopez", False),  # a consonant apart: two people, not two spellings
])
def test_spelling_variants_are_the_same_person_and_relatives_are_not(a, b, same):
    from briefing.text.people import same_person

    assert same_person(a, b) is same


@pytest.mark.parametrize("text, published, expected", [
    ("The talks ended on Tuesday.", "2024-06-14", ("2024-06-11", (6, 11), (6, 11))),  # published a Friday
    ("The talks ended on Friday.", "2024-06-14", ("2024-06-14", (6, 14), (6, 14))),  # the day itself
    ("The talks ended last Friday.", "2024-06-14", ("2024-06-07", (6, 7), (6, 7))),
    ("The ship sank yesterday.", "2024-03-01", ("2024-02-29", (2, 29), (2, 29))),
    ("The summit this summer was a success.", "2023-10-27", ("this summer", (6, 1), (8, 31))),
    ("Prices rose last month.", "2024-01-10", ("2023-12", (12, 1), (12, 31))),
    ("Delegates met in mid-October.", "2023-10-27", ("mid-October", (10, 11), (10, 20))),
])
def test_relative_and_partial_dates_resolve_against_the_publication_day(text, published, expected):
    from briefing.text.facts import dated

    mention = dated(text, published)[0]
    assert (mention.iso(), *mention.span) == expected
    assert dated(text, None) == [] or dated(text, None)[0].text == "mid-October"  # kept as written


def test_a_denial_of_the_accusations_finds_the_claim_that_calls_an_act_unlawful(write):
    a = write("a.md", article("Ship seized", [
        "The navy of Norland seized the cargo ship Vessel Star near the island of Holm on Thursday.",
        "The Sudland foreign ministry called the seizure unlawful and demanded the release of the crew.",
        "Norland's foreign ministry rejected the accusations, saying a court had ordered the seizure.",
        "Shipping insurers said premiums for the route were likely to rise."], "2024-01-11"))
    brief = build([a])
    unlawful = claim_with(brief, "called the seizure unlawful")
    assert [d["text"][:40] for d in unlawful["denied_by"]] == ["Norland's foreign ministry rejected the "]
    assert all(not c["denied_by"] for c in claims(brief) if c is not unlawful)


def test_people_in_different_slots_of_one_claim_are_not_a_person_discrepancy():
    from briefing.text.people import name_discrepancies

    presenter = "President Lena Varga presented the charter, which was sent to then president Olaf Brenner, at a ceremony."
    addressee = "The office said the appeal to then president Olaf Brenner would be shown at a ceremony."
    assert name_discrepancies({"1": presenter, "2": addressee}) == {}
    rival = "President Jonas Keller presented the charter at a ceremony."
    assert name_discrepancies({"1": presenter, "2": rival}) == {"president/": {"1": "Lena Varga", "2": "Jonas Keller"}}
