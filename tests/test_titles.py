"""Derived titles end on a whole clause or phrase, never in the middle of one."""

from __future__ import annotations

import pytest

from archive.ingest.titles import derive_title


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        pytest.param(
            "The harbour board and the fishermen's union signed an agreement on Friday that ends"
            " a strike which had kept the fleet in port for six weeks.",
            "The harbour board and the fishermen's union signed an agreement on Friday that ends"
            " a strike",
            id="before-the-last-relative-clause",
        ),
        pytest.param(
            "On Thursday, the foreign ministers of Norland and Estmark met for three hours in the"
            " border town of Vellen to settle the question of the fishing grounds.",
            "The foreign ministers of Norland and Estmark met for three hours in the border town",
            id="opening-adverbial-dropped-cut-before-a-preposition",
        ),
        pytest.param(
            "Anna Berg, the foreign minister of Norland, will travel to Estmark next week, her"
            " office said on Monday in a statement about the border commission.",
            "Anna Berg, the foreign minister of Norland, will travel to Estmark next week",
            id="at-a-comma",
        ),
        pytest.param("Berg met Lind.", "Berg met Lind", id="short-sentence-whole"),
    ],
)
def test_a_long_lead_is_cut_where_a_reader_would_pause(lead: str, title: str) -> None:
    assert derive_title(lead) == title


def test_a_title_never_ends_on_a_function_word_or_a_preposition() -> None:
    lead = (
        "Officials of the two neighbouring governments announced new rules for the crossing of"
        " goods and people over the mountain passes between the two countries this winter."
    )
    last = derive_title(lead).split()[-1].lower()
    assert last not in {"the", "of", "for", "and", "over", "between"}
