"""The guard's wrapper names the article a stage's own code failed on."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from archive.core.errors import ContentError
from plugins.briefing.guard import StageFailure, on_article

ARTICLE: Any = SimpleNamespace(source_path="/archive/content/articles/a-call.md")


def test_a_failure_in_a_stage_names_the_article_and_the_error() -> None:
    with pytest.raises(StageFailure) as raised, on_article(ARTICLE, "chronology"):
        ()[0]  # the kind of slip a rule can make on a sentence nobody foresaw
    message = str(raised.value)
    assert message.startswith("/archive/content/articles/a-call.md: the chronology stage failed")
    assert "IndexError: tuple index out of range" in message
    assert isinstance(raised.value.__cause__, IndexError)  # kept for --debug's traceback


def test_a_content_error_passes_through_as_it_is() -> None:
    error = ContentError("content/articles/a-call.md", "no title", 2)
    with pytest.raises(ContentError) as raised, on_article(ARTICLE, "entities"):
        raise error
    assert raised.value is error
