"""`briefing summarize`: only sentences that stand alone, and what the articles lead with counts
most (summary/eligible.py, summary/multidoc.py)."""

from __future__ import annotations

import pytest

from briefing.models import Article, Claim, Document, Evidence, Sentence, Source, Summary
from briefing.summary import multidoc
from briefing.summary.eligible import stands_alone


@pytest.mark.parametrize("text", [
    "He said the talks would resume in March after the holiday.",
    "But the ministry denied that any troops had crossed the border.",
    "Hence the plan was dropped by the council on Tuesday evening.",
    '"We will not accept any deal that leaves us worse off," she said.',
    '"The council itself," they observed, "voted for the rules that it now breaks."',
    '"The beautiful thing about the meeting is that nobody asked me to change the tone."',
    "Did the drone really strike the airliner as it landed at Heathrow?",
    "Story highlights Police seek the operator of a drone that struck an airliner",
    "The ruling in the appeal against extradition, where he faced solitary confinement...",
    'Stock markets were at an all-time high," the president wrote on Twitter.',
    "SANGER: I want to make sure I understand your answer to the question.",
    "(The senator may have been more careful than usual about the question.)",
    "A protester stands inside the seized building in the city centre, Monday, April 7, 2014.",
    "Image copyright Reuters Image caption Migrants are crossing into the country.",
    "Email Sign Up By signing up you agree to receive email newsletters or alerts.",
])
def test_a_sentence_that_cannot_stand_alone_is_never_a_summary_candidate(text):
    assert not stands_alone(text)


@pytest.mark.parametrize("text", [
    "Police said the 32-year-old man was arrested at his home in the capital on Sunday.",
    "It is unclear whether the talks will resume before the end of the year.",
    "(CNN) A fourth death has been linked to the outbreak, health officials said Tuesday.",
    "(Reuters) - The central bank raised its main interest rate by half a point on Thursday.",
    '"We will rebuild the bridge within a year," Mayor Ana Ruiz said on Monday.',
])
def test_a_statement_that_names_what_it_speaks_of_stands_alone(text):
    assert stands_alone(text)


def _summary(source_id: str, texts: list[str]) -> Summary:
    article = Article(source=Source(id=source_id, path=f"{source_id}.txt"), text="\n\n".join(texts))
    sentences, start = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(source_id, i, start, start + len(text), text, paragraph=i))
        start += len(text) + 2
    n = len(texts)
    return Summary(Document(article, tuple(sentences)), tuple((n - i) / n for i in range(n)), tuple(range(n)))


def _claims(summaries: list[Summary]) -> list[Claim]:
    return [Claim(s.text, [Evidence(s.source_id, s.text, s.start, s.end, s.index)], 1.0, origin=s.key)
            for summary in summaries for s in summary.document.sentences]


# Six sentences of other news, none repeating another's words: a phrase every article repeats
# counts more (multidoc.TF_WEIGHT), so filler made of one repeated template would be the news.
FILLER = ["Officials reported delays on several regional roads during the week.",
          "A local bakery announced plans to expand its shop next spring.",
          "Students at the city college staged a concert for charity.",
          "The museum will extend its opening hours through the summer.",
          "Farmers said the harvest of apples was larger than expected.",
          "A new bus route will link two suburbs from next month."]


def test_what_the_articles_lead_with_wins_over_what_they_mention_late():
    # two stories told by all three articles: the border closure in their first sentence, the
    # ferry strike only after six sentences of other news; a budget of one sentence
    lead = "The government closed the northern border crossing on Monday after the floods."
    late = "Ferry workers began a national strike over pay and pensions on Monday morning."
    summaries = [_summary(str(n), [lead.replace("Monday", day)] + FILLER + [late.replace("Monday", day)])
                 for n, day in enumerate(("Monday", "on Monday", "Monday night"), 1)]
    chosen = multidoc.select(_claims(summaries), summaries, budget=16)
    assert [c.text for c in chosen] == [lead]


def test_a_concept_an_article_repeats_counts_more_than_one_it_states_once():
    storm = "The storm cut power to the coastal towns on Tuesday night."
    again = "Repair crews said the coastal towns could stay dark for days."
    other = "Schools in the capital will reopen on Thursday after the holiday."
    summaries = [_summary("1", [storm, again]), _summary("2", [storm, other])]
    weight = multidoc._concept_weights(summaries, frozenset({"the", "to", "on", "for", "in", "after"}), 2)
    repeated = multidoc.concepts("coastal towns", frozenset()).pop()
    once = multidoc.concepts("cut power", frozenset()).pop()
    assert weight[repeated] > weight[once] == 2 * (1 + multidoc.LEAD_WEIGHT)


def test_a_caption_over_the_article_does_not_take_the_place_of_its_lead():
    caption = "Image copyright Reuters Image caption A view of the harbour at dawn."
    strike = "Ferry workers began a national strike over pay and pensions on Monday morning."
    border = "The government closed the northern border crossing early on Monday after the heavy floods."
    # two articles lead with the strike under a caption, the third leads with the border and
    # tells of the strike two sentences on: the strike leads more articles, unless the
    # caption were counted as their first sentence
    summaries = [_summary("1", [caption, strike, border]), _summary("2", [caption, strike, border]),
                 _summary("3", [border, FILLER[0], strike])]
    claims = sorted(_claims(summaries), key=lambda c: c.text != border)  # ties go to the border
    chosen = multidoc.select(claims, summaries, budget=16)
    assert [c.text for c in chosen] == [strike]
