"""Front matter and Markdown rendering for articles and notes."""

import pytest

from archive.core.errors import ContentError
from archive.site.markdown import renderer, split_front_matter


def test_front_matter_and_body_are_separated_with_line_numbers() -> None:
    text = "---\ntitle: A title\ndate: 2021-08-25\n---\n\nBody here.\n"
    document = split_front_matter(text, "a.md")
    assert document.meta["title"] == "A title"
    assert document.body == "Body here.\n"
    assert document.body_line == 6
    assert document.key_lines == {"title": 2, "date": 3}


def test_a_file_without_front_matter_is_all_body() -> None:
    document = split_front_matter("Just text.", "a.md")
    assert (document.meta, document.body) == ({}, "Just text.")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: A\ndate: [2021\n---\nx", 4, "not valid YAML"),
        ("---\ntitle: A\n\nbody without closing fence", 1, "no closing '---'"),
        ("---\n- a list\n---\nx", 2, "must be a mapping"),
        ("---\ntitle: A\n  bad: indent\n---\nx", 3, "not valid YAML"),
    ],
)
def test_bad_front_matter_names_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ContentError) as caught:
        split_front_matter(text, "notes/bad.md")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"notes/bad.md:{line}: ")
    assert words in str(caught.value)


def test_raw_html_is_escaped_and_paragraphs_get_ids() -> None:
    html = renderer().render("One <script>alert(1)</script>.\n\n## A head\n\nTwo *b*.")
    assert '<p id="p1">One &lt;script&gt;alert(1)&lt;/script&gt;.</p>' in html
    assert '<h2 id="a-head">A head</h2>' in html
    assert '<p id="p2">Two <em>b</em>.</p>' in html


def test_images_from_other_sites_become_links_and_scripts_links_are_refused() -> None:
    html = renderer().render(
        "![map](https://example.org/m.png) ![local](m.png) [x](javascript:alert(1))"
    )
    assert "<img" in html and 'src="m.png"' in html
    assert 'src="https://example.org' not in html
    assert '<a href="https://example.org/m.png" rel="nofollow noopener">map</a>' in html
    assert 'href="javascript:' not in html


def test_tables_and_footnotes_are_rendered() -> None:
    html = renderer().render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: A note.")
    assert "<table>" in html and "<td>2</td>" in html
    assert 'class="footnote-ref"' in html and "A note." in html
