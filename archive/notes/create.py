"""``invoke note``: start a note file with its target and selector filled in.

An editor names what the note annotates (an article and the exact words of its
passage, or an entity or event) and gets a file to write in. The words are looked
for in the article as a reader sees it, with the same folding as anchoring, and
must stand there exactly once: a quote the build could not place is caught before
anyone writes the note. An existing file is never overwritten.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from archive.core.errors import ContentError
from archive.notes.folding import fold
from archive.site.markdown import renderer, split_front_matter
from archive.site.text import paragraphs

MAX_ID_WORDS = 6
_NOT_ID = re.compile(r"[^a-z0-9]+")


def count_in_article(article: Path, words: str) -> int:
    """How many times ``words`` stand in the article's paragraphs (folded, as anchoring reads)."""
    document = split_front_matter(article.read_text(encoding="utf-8"), article)
    html = renderer().render(document.body, {"docId": article.stem})
    wanted = fold(words)
    count = 0
    for paragraph in paragraphs(html):
        text = fold(paragraph.text)
        start = text.find(wanted)
        while start >= 0:
            count += 1
            start = text.find(wanted, start + 1)
    return count


def note_id(*parts: str) -> str:
    """A file name from the target and the words: lower-case words joined by hyphens."""
    found = [w for part in parts for w in _NOT_ID.split(fold(part).lower()) if w]
    return "-".join(found[:MAX_ID_WORDS]) or "note"


def _front_matter(fields: dict[str, str]) -> str:
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n\nWrite the note here.\n"


def new_note(
    content: Path,
    target: str,
    words: str = "",
    kind: str = "article",
    today: datetime.date | None = None,
) -> Path:
    """Write ``content/notes/<id>.md`` for ``target`` and return its path.

    Raises :class:`ContentError` when the article is unknown, the words do not stand
    in it exactly once, words are given for an entity or event, or the file exists.
    """
    fields: dict[str, str] = {kind: target}
    if kind == "article":
        article = content / "articles" / f"{target}.md"
        if not article.is_file():
            raise ContentError(article, f"no article '{target}' in {content / 'articles'}")
        if not fold(words).strip():
            raise ContentError(article, "give the exact words of the passage the note is on")
        found = count_in_article(article, words)
        if found != 1:
            where = "not found" if not found else f"found {found} times: give more words"
            raise ContentError(article, f"“{words}” is {where}")
        fields["quote"] = words.strip()
        ident = note_id(words)
    elif words.strip():
        raise ContentError(content / "notes", f"a note on an {kind} quotes no words")
    else:
        ident = note_id(kind, target)
    fields.update(title="", author="Archive editors")
    fields["date"] = (today or datetime.date.today()).isoformat()
    path = content / "notes" / f"{ident}.md"
    if path.exists():
        raise ContentError(path, "a note with this name exists; it is left as it is")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never replace a file
        out.write(_front_matter(fields))
    return path
