"""Paragraphs, sentences and spans laid over the text of a page."""

from archive.site.text import Span, insert_spans, paragraphs, sentence_at, sentences

HTML = (
    '<h1>Title</h1><p id="p1">Xi &amp; Putin met <em>Wang Yi</em> today.</p>'
    '<p id="p2">Aug. 25, 2021 (EIRNS)—China’s Xi said so. U.S. envoy Mr. J. Smith left. He went.</p>'
)


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_paragraphs_are_the_plain_text_of_elements_with_ids() -> None:
    found = paragraphs(HTML)
    assert [p.id for p in found] == ["p1", "p2"]
    assert found[0].text == "Xi & Putin met Wang Yi today."


def test_sentences_do_not_end_at_abbreviations_or_initials() -> None:
    assert texts(paragraphs(HTML)[1].text) == [
        "Aug. 25, 2021 (EIRNS)—China’s Xi said so.",
        "U.S. envoy Mr. J. Smith left.",
        "He went.",
    ]


def test_sentences_end_after_closing_quotes_and_keep_trailing_text() -> None:
    text = "“Only the wearer knows,” he said. Which system works? Nobody knows"
    assert texts(text) == [
        "“Only the wearer knows,” he said.",
        "Which system works?",
        "Nobody knows",
    ]


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    text = "One here. Two there."
    start, end = sentence_at(text, text.index("there"))
    assert text[start:end] == "Two there."


def test_spans_wrap_text_across_entities_and_keep_other_markup() -> None:
    text = paragraphs(HTML)[0].text
    spans = [
        Span("p1", 0, 2, '<a href="x">', "</a>"),
        Span("p1", text.index("Putin"), text.index("Putin") + 5, "<b>", "</b>"),
        Span("p1", text.index("Wang"), text.index("Wang") + 7, "<mark>", "</mark>"),
    ]
    out = insert_spans(HTML, spans)
    assert (
        '<p id="p1"><a href="x">Xi</a> &amp; <b>Putin</b> met <em><mark>Wang Yi</mark></em>' in out
    )
    assert paragraphs(out)[0].text == text  # the text a reader sees is unchanged


def test_a_span_crossing_an_element_ends_at_its_boundary() -> None:
    html = '<p id="p1">one <em>two</em> three</p>'
    out = insert_spans(html, [Span("p1", 0, 7, "<a>", "</a>")])
    assert out == '<p id="p1"><a>one </a><em>two</em> three</p>'


def test_text_is_escaped_again_when_written_back() -> None:
    html = '<p id="p1">a &lt;script&gt; b</p>'
    out = insert_spans(html, [Span("p1", 0, 1, "<i>", "</i>")])
    assert out == '<p id="p1"><i>a</i> &lt;script&gt; b</p>'
