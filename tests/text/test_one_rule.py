"""One stand-alone rule (text/standalone.alone) for everything read without its article: a
key point, a line of `briefing summarize`, a story's lead on the weekly front page. Each asks
the same rule, a lead adding only its own extras (text/lead.py). Every sentence is invented."""

from __future__ import annotations

import pytest

from briefing.models import Claim, Evidence
from briefing.stages import key_points
from briefing.summary import eligible
from briefing.text import lead
from briefing.text.standalone import alone, opens_back


def claim(text: str) -> Claim:
    return Claim(text=text, evidence=[Evidence("1", text, 0, len(text), 0)], salience=1.0, origin=("1", 0))


def refused_everywhere(text: str) -> bool:
    """Refused as a summary line, a key point and a front-page lead alike."""
    return not (eligible.stands_alone(text) or lead.can_lead(text) or lead.leads_front_page(text)
                or key_points.can_lead(claim(text), 2024))


@pytest.mark.parametrize("text", [
    "He said the troops would stay on the border until the talks in Geneva resume.",
    "Neither claim could be confirmed independently by reporters in the region.",
    "But this was the first deployment of its kind along the northern border.",
    "That was the second time this year that the border posts were reinforced.",
    "Next week, it will consider closing the two remaining crossings to all traffic.",
    "In a statement, they said the brigades would be withdrawn within a month.",
    "It is also possible that the shelling was meant to slow the withdrawal.",
    "The decision to close this latest crossing angered traders in the market town.",
    '"We will not give up a metre of this land," she said on Monday in Vessby.',
    '"The council itself," they observed, "voted for the rules that it now breaks."',
    "In both cases, the ferries ran aground after their engines failed in the storm.",
    "Given that no ferry had sunk in the strait for decades, this did not seem a priority to the port.",
    "If true, this is the worst breach of the ceasefire since the talks in Geneva began.",
])
def test_a_sentence_that_points_back_is_refused_everywhere(text):
    assert alone(text, descriptions=False) == "points back" or alone(text, descriptions=False)
    assert refused_everywhere(text)


@pytest.mark.parametrize("text", [
    "The move follows weeks of shelling near the river crossings in the north.",
    "The plane was examined and cleared for its next flight on Monday evening.",
])
def test_a_definite_description_of_what_came_before_is_refused_as_a_lead(text):
    assert alone(text) == "points back"
    assert not lead.can_lead(text) and not key_points.can_lead(claim(text), 2024)


def test_a_definite_description_of_the_headline_topic_can_lead():
    text = "The plane was examined and cleared for its next flight on Monday evening."
    assert lead.can_lead(text, topic="Drone hits plane over London")


@pytest.mark.parametrize("text, reason", [
    ('The brigades will hold the line," Ruiz told reporters in the capital.', "half quotation"),
    ('Ruiz told reporters: "The brigades will hold the line at the river.', "half quotation"),
    ("Do you see any problems with the new border posts on the river?", "question"),
    ("Q. What will the brigades do at the border when the talks resume?", "question"),
    ("A. Let me say first that the border stays open to trade and visitors.", "interview marker"),
    ("Rebels took the town of Vessby &LR; on Monday, local officials said.", "wire debris"),
    ("Do you see any problems?(end italics) A. Let me say this first.", "wire debris"),
    ("VESSBY, Norland (AP) _", "no sentence ending"),
    ("By Jane Roe, Associated Press Writer", "no sentence ending"),
    ("the decision was taken by the council after a long night of talks.", "fragment"),
    ("Border Talks Collapse in Vessby: Ministers from both sides left early.", "headline"),
    ("The bill passed with the votes of three senators, among them Sen.", "cut off"),
    ("Prime Minister Theresa May in Vessby with the mayor on Monday.", "no verb"),  # "May": no verb
])
def test_what_is_no_statement_is_refused_everywhere(text, reason):
    assert alone(text) == reason
    assert refused_everywhere(text)


@pytest.mark.parametrize("text", [
    "Defence Minister Ana Ruiz ordered two brigades to the northern border on Monday.",
    "It was unclear whether the talks in Geneva would resume before the end of the year.",
    "South Korea, Japan and the United States condemned the arms deliveries on October 26, 2024.",
    "This week the city council voted to open two more shelters for the refugees.",
    "In response to the shelling, the army moved two brigades to the northern border.",
    "Officials in the border province have also agreed to open two more crossings.",  # judged so
    "In the border town, those who stayed behind were given food by the army on Monday.",
])
def test_a_statement_that_names_what_it_speaks_of_is_accepted_everywhere(text):
    assert alone(text) == ""
    assert eligible.stands_alone(text) and lead.can_lead(text) and key_points.can_lead(claim(text), 2024)


def test_a_claim_shown_with_the_sentence_it_depends_on_is_judged_by_its_first_sentence():
    joined = ("Defence Minister Ana Ruiz ordered two brigades to the northern border on Monday. "
              "He said they would stay there until the talks resume.")
    assert alone(joined) == "" and lead.can_lead(joined)
    assert alone("He said they would stay there until the talks resume. Ruiz ordered two brigades north.")


def test_a_lead_does_not_open_with_a_quotation_and_a_front_page_lead_is_short():
    quoted = '"We will rebuild the bridge within a year," Mayor Ana Ruiz said on Monday.'
    assert eligible.stands_alone(quoted) and not lead.can_lead(quoted)
    long = "Defence Minister Ana Ruiz ordered " + "two brigades and " * 20 + "a tank regiment north."
    assert lead.can_lead(long) and not lead.leads_front_page(long)


def test_backstory_does_not_lead_though_it_stands_alone():
    text = "Turkey has long accused Syria of sheltering Kurdish rebels in the south-east."
    assert alone(text) == "" and not key_points.can_lead(claim(text), 2024)


def test_the_speakers_own_we_opening_a_named_quotation_does_not_point_back():
    assert not opens_back('"We will rebuild the bridge," Mayor Ana Ruiz said.')
    assert opens_back('"It was a mistake," Mayor Ana Ruiz said.')  # "it" points back all the same
    assert opens_back('"It was a mistake," he said.')
    assert opens_back("They said the bridge would be rebuilt.")


def test_a_front_page_lead_names_what_it_speaks_of():
    from briefing.text.lead import leads_front_page

    refused = ["One part of the plan will see shares sold in the state oil company to raise money.",
               "The timing of the storm as it travels east is Saturday over the central states.",
               "The news agency Tass said the activists demanded that a referendum be held in May.",
               "Officials said they shut down the fraudulent operation after an informant tipped them off.",
               "The new pressure on Berg, the mayor of Lenvik, comes a day after she sued the council.",
               "Tuesday's lawsuit says that the council tried to silence the mayor with a payment."]
    kept = ["Danish police say the freelance journalist Kim Wall died aboard a homemade submarine.",
            "A suspect was charged on Monday with six counts of murder in the shooting at a Quebec mosque.",
            "Wells Fargo chief executive John Stumpf will forfeit $41m in bonuses as the bank tries to recover.",
            "A landslide blocked the coastal road north of Fjordal after heavy rain on Tuesday night.",
            "The number of people killed by floods in Kerala rose to 40 on Sunday, the government said."]
    assert [t for t in refused if leads_front_page(t)] == []
    assert [t for t in kept if not leads_front_page(t)] == []


def test_captions_and_notes_to_the_reader_are_not_statements():
    from briefing.text.unfit import unfit

    for text in ["Anna Berg, a suspect in the fire at the Lenvik depot, is seen in a Facebook posting.",
                 "This screengrab from the suspect's page shows him as a child with his parents.",
                 "Mayor Ola Dahl (left) and Chief Kari Lund announce the closure of the bridge.",
                 "Please include a contact number if you are willing to speak to one of our reporters.",
                 "Below is the full text of the mayor's letter, provided by her office.",
                 "|With me here are the people of this town.",
                 "Here's what you need to know about the Lenvik bridge closure:",
                 "Here are the five things the council decided on Monday.",
                 "View all Lenvik Herald newsletters.",
                 "CLOSE The harbour authority and the ferry company are both looking into the fire.",
                 "Oct. 2, 2019 (Kari Lund / Lenvik Herald) Mayor Ola Dahl answers questions about the bridge.",
                 "[Lenvik mayor taps a harbour engineer to lead the bridge repairs]",
                 "(Follow the latest updates on the Lenvik bridge closure.)",
                 "2/2 The bridge is closed, and it is also unsafe.",
                 "Video (02:04) : Lenvik residents watched the bridge close on Monday.",
                 "Herald reporter Kari Lund contributed from Vessby.",
                 "Mayor Ola Dahl (2nd row, center) listened as the engineers spoke.",
                 "Email Sign Up By signing up you agree to receive email newsletters from the Herald."]:
        assert unfit(text), text
    for text in ["Moscow is seen as having influence over the government in Damascus.",
                 "The two ministers held talks with the union at the Lenvik depot on Monday.",
                 "Here the council meets once a month, the mayor said on Monday.",
                 "NATO and the EU (Brussels / Strasbourg) both condemned the attack on Monday.",
                 "CLOSED roads around Lenvik reopened on Tuesday after the flood receded.",
                 "(CNN) Lenvik closed its harbour bridge on Monday after engineers found cracks.",
                 "The council signed up two engineering firms to inspect the bridge, the mayor said."]:
        assert not unfit(text), text


def test_a_place_s_epithet_for_someone_named_before_points_back_in_a_brief():
    # a description, as "The senator" is: the brief's rule, not the summary's (descriptions=False)
    for text in ["The Vessby senator was less moved by the mayor's plea to reopen the bridge on Monday.",
                 "The Lenvik-based company argued that the bridge had been safe for cars and buses."]:
        assert alone(text) == "points back", text


def test_a_place_s_epithet_with_the_name_given_or_the_one_office_stands_alone():
    for text in ["The Vessby senator Ana Ruiz said on Monday the bridge would reopen within a year.",
                 "The Vessby senator in charge of transport said on Monday the bridge would reopen.",
                 "The U.K. leader is facing a vote that will remove her if she loses, officials said."]:
        assert alone(text) == "", text
