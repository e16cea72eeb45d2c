"""Timeline (issue 12): every entry has a full date — the year from the sentence, else from the
article's publication date, else it is marked "year unknown" and kept apart — in date order."""

from __future__ import annotations

from tests.stages.test_claims_in_the_brief import article, build

UNDATED = ["Students gathered in Varnholm's main square for a rally on June 4, 1999, the organisers said.",
           "The movement's founder Anna Kessler died on April 15, the organisers recalled at the rally.",
           "On May 2, police closed the square for the first time, witnesses said.",
           "The city council has not commented on the rally or on the closure of the square."]


def test_a_year_named_in_the_sentence_dates_a_day_written_without_one(write):
    body = ["In 1989, on April 15, the reformer Anna Kessler died in Varnholm, her family said."] + UNDATED[2:]
    a = write("a.md", article("Kessler remembered", body, "1999-06-05"))
    brief = build([a])
    assert [e["date"] for e in brief["timeline"]][:2] == ["1989-04-15", "1999-05-02"]


def test_without_a_year_anywhere_an_event_is_marked_and_kept_apart(write):
    a = write("a.md", article("Rally in Varnholm", UNDATED))
    brief = build([a])
    assert [e["date"] for e in brief["timeline"]] == ["1999-06-04"]
    assert [e["date"] for e in brief["timeline_year_unknown"]] == ["April 15", "May 2"]
    assert "*Year unknown* — dates the sources give without a year, kept apart:" in brief["_md"]
    assert "- **April 15** (year unknown) — The movement's founder Anna Kessler died" in brief["_md"]


def test_the_publication_date_gives_the_year_and_the_order(write):
    a = write("a.md", article("Rally in Varnholm", UNDATED, "1999-06-05"))
    brief = build([a])
    assert [e["date"] for e in brief["timeline"]] == ["1999-04-15", "1999-05-02", "1999-06-04"]
    assert brief["timeline_year_unknown"] == []


def test_a_video_s_date_line_or_a_tweet_s_sign_off_is_no_event_but_a_chronology_s_entry_is(write):
    # as news pages run them into the text: a video's caption closed by its date and agency, an
    # embedded tweet closed by its author, handle and date
    body = ["Riot police cleared the square in Varnholm on May 2, 1999, witnesses said on the day.",
            "CLOSE Organisers expect the square in Varnholm to fill again on Sunday, one week after the "
            "first rally drew thousands of students. Police are preparing for larger crowds. (June 5) AP",
            "We will be back in the square every week until the council listens to the students of "
            "Varnholm. — Anna Kessler (@annakessler) June 5, 1999",
            "4 June 1999: Anna Kessler leads the largest rally in the main square in a decade."]
    a = write("a.md", article("Rally in Varnholm", body, "1999-06-06"))
    brief = build([a])
    texts = [e["text"] for e in brief["timeline"] + brief["timeline_year_unknown"]]
    assert any(t.startswith("Riot police cleared the square") for t in texts)
    assert any(t.startswith("4 June 1999: Anna Kessler leads") for t in texts)
    assert not any(t.startswith("(June 5)") or "(@annakessler)" in t for t in texts), texts
