"""How a claim's support is counted and labelled: sources, and origins through reprints."""

from __future__ import annotations

import pytest

from briefing.models import Article, Claim, Evidence, Source
from briefing.stages.corroborate import count_origins, label, origins

WIRE = ("The harbour authority of Velmora closed the eastern pier on Tuesday after a crane collapsed onto "
        "two fishing boats during a night storm. Nobody was hurt, the authority said in a statement, but "
        "repairs to the pier are expected to take at least three weeks and will cost the town two million "
        "crowns. Fishermen who use the pier will be moved to the western quay until the work is finished.")
REPRINT = "Storm topples crane in Velmora harbour. " + WIRE  # another outlet's copy, its own headline on top
OWN_WORDS = ("Velmora's eastern pier is shut for three weeks. A storm on Tuesday night brought down a harbour "
             "crane, which landed on a pair of fishing boats; no injuries were reported.")


@pytest.mark.parametrize("n_sources, n_origins, shown", [
    (1, 1, "single source"),
    (0, 0, "single source"),
    (2, 2, "2 sources"),
    (3, 0, "3 sources"),  # origins not counted
    (3, 1, "3 outlets, 1 origin"),
    (4, 2, "4 outlets, 2 origins"),
])
def test_support_label(n_sources, n_origins, shown):
    assert label(n_sources, n_origins) == shown


def claim(*sources: str) -> Claim:
    return Claim("The eastern pier is closed.", [Evidence(s, "The eastern pier is closed.", 0, 27) for s in sources],
                 salience=0.5)


PHOTO = "Pictures taken at dawn show the crane lying across both boats, with the pier railing bent under it."
ARTICLES = [Article(Source(id=i), t) for i, t in (("1", WIRE), ("2", REPRINT), ("3", OWN_WORDS), ("10", PHOTO))]


@pytest.mark.parametrize("cited, n_origins, shown", [
    (("1",), 1, "single source"),
    (("1", "2"), 1, "2 outlets, 1 origin"),  # the wire story and its reprint
    (("1", "3"), 2, "2 sources"),
    (("1", "2", "3"), 2, "3 outlets, 2 origins"),
    (("2", "3", "10"), 3, "3 sources"),
])
def test_origins_are_counted_through_reprints(cited, n_origins, shown):
    [counted] = count_origins([claim(*cited)], origins(ARTICLES))
    assert counted.origins == n_origins
    assert label(len(counted.source_ids), counted.origins) == shown


def test_the_first_source_in_numeric_order_is_the_origin():
    articles = [Article(Source(id="10"), WIRE), Article(Source(id="9"), REPRINT)]
    assert origins(articles) == {"9": "9", "10": "9"}


def test_counting_leaves_the_given_claims_unchanged():
    given = [claim("1", "2")]
    counted = count_origins(given, {"1": "1", "2": "1"})
    assert (given[0].origins, counted[0].origins) == (0, 1)
