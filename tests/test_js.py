"""The browser search's JavaScript: ESLint, node's own unit tests, and node against Python.

``tests/js/*.test.js`` test the parts one by one; here node runs the same classic
scripts (``tests/js/cli.js``) on what the Python side makes: the Porter stemmer
against ``whoosh.lang.porter.stem``, the decoder on an index that
``archive.browser_index`` wrote, and the ranking against Whoosh's BM25F scores.
Node and npm are required: without them these tests fail, saying so.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from whoosh.lang.porter import stem as porter_stem

from archive.search.analysis import SearchDocument, indexed, stem, words
from archive.search.browser_index import INDEX_VERSION, write_browser_index
from archive.search.impacts import article_order
from archive.search.whoosh_index import search, update_index

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 0.005  # impacts are quantised to 0.25 %: closer scores may swap
NEEDS = (
    "the JavaScript tests need Node.js 20.19 or later with npm (Debian: apt-get install nodejs npm)"
)
SUFFIXES = [
    "s", "es", "ies", "sses", "ed", "ing", "eed", "ly", "y", "ational", "tional", "enci",
    "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator",
    "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate",
    "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic",
    "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ou", "ism", "ate",
    "iti", "ous", "ive", "ize", "e", "ll",
]  # fmt: skip
BASES = ["hop", "fil", "cat", "agre", "relat", "condit", "generaliz", "yell", "sky", "tann",
         "control", "probat", "electr", "sens", "ay", "y", "oscill", "adopt", "bow"]  # fmt: skip
POOL = [
    "river", "rivers", "flooding", "floods", "flooded", "bridge", "bridges", "talks", "talked",
    "minister", "ministers", "ministry", "agreed", "agreement", "security", "border", "borders",
    "trade", "trading", "traders", "Kabul", "Moscow", "U.S.", "2021", "élan", "relations",
    "relational", "cooperation", "cooperative", "happily", "the", "of", "and", "a", "in",
]  # fmt: skip


def node(*args: str, stdin: str | None = None) -> str:
    """Run a node tool at the project root; its output, or a failure that shows it."""
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} not found: {NEEDS}")
    result = subprocess.run(
        args, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=600, check=False
    )
    if result.returncode:
        pytest.fail(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def ask(request: dict[str, object]) -> dict[str, Any]:
    """The answer of ``tests/js/cli.js`` to a request (see its header)."""
    answer = json.loads(node("node", "tests/js/cli.js", stdin=json.dumps(request)))
    assert isinstance(answer, dict)
    return answer


@pytest.fixture(scope="module")
def node_modules() -> Path:
    """ESLint and its rules, installed from package-lock.json when missing."""
    if not (ROOT / "node_modules").is_dir():
        node("npm", "ci", "--no-audit", "--no-fund")
    return ROOT / "node_modules"


def test_node_unit_tests_pass() -> None:
    out = node("node", "--test", "tests/js/")
    passed = re.search(r"^# pass (\d+)$", out, re.MULTILINE)
    assert passed and int(passed[1]) > 0, out
    assert re.search(r"^# fail 0$", out, re.MULTILINE), out


def test_eslint_is_clean(node_modules: Path) -> None:
    assert (node_modules / ".bin" / "eslint").exists()
    node("npx", "eslint", "theme/static/js", "tests/js", "eslint.config.js")


def test_the_page_reads_the_index_version_python_writes() -> None:
    assert ask({})["version"] == INDEX_VERSION


def test_stemmer_agrees_with_whoosh() -> None:
    """Every word of the shipped articles, and every Porter suffix on assorted stems."""
    vocabulary = {w for path in (ROOT / "content").rglob("*.md") for w in words(path.read_text())}
    vocabulary |= {base + suffix for base in BASES for suffix in SUFFIXES}
    ordered = sorted(vocabulary)
    assert len(ordered) > 1500
    ours = ask({"stems": ordered})["stems"]
    differ = {w: (found, porter_stem(w)) for w, found in zip(ordered, ours, strict=True)}
    assert not {w: pair for w, pair in differ.items() if pair[0] != pair[1]}


def _documents() -> list[SearchDocument]:
    """A dozen articles of words drawn from ``POOL``, so scores spread and stems repeat."""
    rng = random.Random(8)
    sources, months = ["Wire", "Post", "Daily"], ["2021-06", "2021-07", "2021-08"]
    documents = []
    for n in range(12):
        paragraphs = tuple(
            (f"p{k + 1}", " ".join(rng.choices(POOL, k=rng.randint(8, 40))) + ".")
            for k in range(rng.randint(1, 3))
        )
        entities = tuple(sorted(rng.sample(["kabul", "moscow", "un"], rng.randint(0, 2))))
        documents.append(
            SearchDocument(
                slug=f"article-{n}",
                url=f"articles/article-{n}.html",
                title=" ".join(rng.choices(POOL, k=rng.randint(2, 6))).capitalize(),
                date=f"{rng.choice(months)}-{rng.randint(10, 28)}",
                source=rng.choice(sources),
                entities=entities,
                entity_names=tuple(e.title() for e in entities),
                body="\n\n".join(text for _, text in paragraphs),
                paragraphs=paragraphs,
            )
        )
    return documents


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[SearchDocument], Path]]:
    """The articles of ``_documents`` in id order, and a folder with both indexes."""
    documents = _documents()
    folder = tmp_path_factory.mktemp("tiny")
    write_browser_index(documents, folder / "search")
    update_index(folder / "whoosh", documents)
    yield article_order(documents), folder


def test_decoder_reads_what_python_wrote(tiny: tuple[list[SearchDocument], Path]) -> None:
    ordered, folder = tiny
    tokens = [words(d.title) + words(d.body) for d in ordered]
    surface = {stem(w): w for doc in tokens for w in doc if indexed(w)}
    found = ask(
        {
            "folder": str(folder / "search"),
            "postings": sorted(surface),
            "positions": sorted({w for doc in tokens for w in doc if indexed(w)}),
            "entities": ["kabul", "moscow", "un", "nobody"],
        }
    )
    ids = {d.url: i for i, d in enumerate(ordered)}
    for s, word in surface.items():
        hits = {h.url: h.score for h in search(folder / "whoosh", word, limit=50).hits}
        posting = found["postings"][s]
        assert posting["docs"] == sorted(ids[url] for url in hits)
        for doc, impact in zip(posting["docs"], posting["impacts"], strict=True):
            assert impact == pytest.approx(hits[ordered[doc].url], rel=0.003)
    for word, by_doc in found["positions"].items():
        expected = {
            str(d): [i for i, w in enumerate(doc) if w == word]
            for d, doc in enumerate(tokens)
            if word in doc
        }
        assert by_doc == expected, word
    for entity, docs in found["entities"].items():
        assert docs == [d for d, doc in enumerate(ordered) if entity in doc.entities]
    months = sorted({d.date[:7] for d in ordered})
    sources = sorted({d.source for d in ordered})
    assert [months[m] for m in found["month"]] == [d.date[:7] for d in ordered]
    assert [sources[s] for s in found["source"]] == [d.source for d in ordered]


QUERIES = [
    ("river", False), ("flooding bridges", False), ("ministers agreed", False),
    ('"the river"', False), ("U.S. trade", False), ("élan", False), ("the of", False),
    ("zebra", False), ("bri", True), ("minis", True), ("river tal", True), ("coop", True),
]  # fmt: skip
NO_MATCH = {"the of", "zebra"}


def test_ranking_follows_whooshs_bm25f(tiny: tuple[list[SearchDocument], Path]) -> None:
    ordered, folder = tiny
    phrase = words(ordered[3].body)[2:5]  # a phrase that one article holds, and its reverse
    queries = [*QUERIES, (f'"{" ".join(phrase)}"', False), (f'"{" ".join(phrase[::-1])}"', False)]
    found = ask({"folder": str(folder / "search"), "queries": queries})["queries"]
    for (text, as_you_type), ours in zip(queries, found, strict=True):
        whoosh = search(folder / "whoosh", text, limit=50, prefix=as_you_type)
        score = {h.url: h.score for h in whoosh.hits}
        assert ours["total"] == whoosh.total, text
        assert {url for url, _ in ours["ranked"]} == score.keys(), text
        for url, value in ours["ranked"]:
            assert value == pytest.approx(score[url], rel=0.003), (text, url)
        urls = [url for url, _ in ours["ranked"]]
        for earlier, later in pairwise(urls):
            assert score[earlier] >= score[later] * (1 - TOLERANCE), (text, earlier, later)
        if (text, as_you_type) in QUERIES:
            assert bool(urls) == (text not in NO_MATCH), text
    assert found[-2]["total"] >= 1
