"""The entity registry: what an entry becomes, and every mistake an editor can make in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.core.errors import ContentError
from archive.entities.registry import Claim, Entity, RegistryError, load_registry, match_forms

SHIPPED = Path(__file__).resolve().parents[1] / "content" / "data" / "entities.yaml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[ContentError]:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return caught.value.problems


def test_an_entry_becomes_an_entity() -> None:
    registry = load_registry(SHIPPED)
    assert registry.entities["wang-yu"] == Entity(
        id="wang-yu",
        name="Wang Yu",
        type="person",
        aliases=(),
        surnames=("Wang",),
        role="Chinese Ambassador to Afghanistan",
        description="",
        wikidata=None,
        line=SHIPPED.read_text(encoding="utf-8").splitlines().index("- id: wang-yu") + 1,
    )
    assert registry.entities["dushanbe"].aliases == ("Dusambe",)
    assert registry.entities["china"].wikidata == "Q148"


def test_every_person_in_the_shipped_registry_can_be_referred_to_by_surname() -> None:
    registry = load_registry(SHIPPED)
    persons = [e for e in registry.entities.values() if e.type == "person"]
    assert persons
    assert all(person.surnames and person.role for person in persons)


def test_surname_as_text_or_list_and_shared_surnames(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- id: wang-yi\n  name: Wang Yi\n  type: person\n  surname: Wang\n"
        "- id: wang-yu\n  name: Wang Yu\n  type: person\n  surname: [Wang]\n"
        "- id: jean-paul-marat\n  name: Jean-Paul de Marat Sade\n  type: person\n"
        "  surname: [Marat, Sade]\n",
    )
    registry = load_registry(path)
    assert registry.claims["Wang"] == Claim("surname", ("wang-yi", "wang-yu"))
    assert registry.entities["jean-paul-marat"].surnames == ("Marat", "Sade")
    assert registry.claims["Wang Yi"] == Claim("alias", ("wang-yi",))


def test_a_surname_may_be_several_words_or_follow_a_hyphenated_particle(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- id: ursula-von-der-leyen\n  name: Ursula von der Leyen\n  type: person\n"
        "  surname: von der Leyen\n"
        "- id: bashar-al-assad\n  name: Bashar al-Assad\n  type: person\n  surname: Assad\n",
    )
    registry = load_registry(path)
    assert registry.claims["von der Leyen"] == Claim("surname", ("ursula-von-der-leyen",))
    assert registry.claims["Assad"] == Claim("surname", ("bashar-al-assad",))
    # A part of a word is still not a surname.
    assert "is not a word" in str(
        problems(write(tmp_path, PERSON.replace("A Person", "Al-Asadi") + "  surname: Asad\n"))[0]
    )


def test_claims_cover_names_aliases_and_the_capitalised_form_of_lower_case_aliases(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "- id: putin\n  name: Vladimir Putin\n  type: person\n  surname: Putin\n"
        "  aliases: [the Russian leader]\n"
        "- id: peoples-daily\n  name: People’s Daily\n  type: organization\n",
    )
    claims = load_registry(path).claims
    assert set(claims) == {
        "Vladimir Putin", "Putin", "the Russian leader", "The Russian leader", "People's Daily",
    }  # fmt: skip
    assert claims["The Russian leader"] == Claim("alias", ("putin",))


def test_match_forms() -> None:
    assert match_forms("US") == ("US",)
    assert match_forms("the Kremlin") == ("the Kremlin", "The Kremlin")
    assert match_forms("People’s Daily") == ("People's Daily",)


def test_an_empty_file_is_an_empty_registry(tmp_path: Path) -> None:
    assert load_registry(write(tmp_path, "# nothing yet\n")).entities == {}


PERSON = "- id: a\n  name: A Person\n  type: person\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        pytest.param("- id: a\n  name: [A\n  type: place\n", 3, "not valid YAML", id="syntax"),
        pytest.param("id: a\nname: A\n", 1, "must be a list", id="not-a-list"),
        pytest.param("- just a string\n", 1, "must be a mapping", id="entry-not-mapping"),
        pytest.param("- name: A\n  type: place\n", 1, "entity has no id", id="missing-id"),
        pytest.param("- id: a\n  type: place\n", 1, "entity has no name", id="missing-name"),
        pytest.param("- id: a\n  name: A\n", 1, "entity has no type", id="missing-type"),
        pytest.param("- id: a\n  name: A\n  type: planet\n", 3, "unknown type 'planet'", id="type"),
        pytest.param("- id: Wang Yi\n  name: A\n  type: place\n", 1, "not a slug", id="id-spaces"),
        pytest.param("- id: wang_yi\n  name: A\n  type: place\n", 1, "not a slug", id="id-under"),
        pytest.param("- id: a-\n  name: A\n  type: place\n", 1, "not a slug", id="id-hyphen"),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  wikidata: q148\n", 4, "malformed", id="qid-case"
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  wikidata: Q0148\n", 4, "malformed", id="qid-zero"
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  wikidata: Q\n", 4, "malformed", id="qid-empty"
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  alias: [B]\n",
            4,
            "unknown field 'alias'",
            id="unknown-field",
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  name: B\n", 4, "given twice", id="field-twice"
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  aliases: B\n",
            4,
            "must be a list",
            id="aliases-not-list",
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  aliases:\n    - B\n    - {c: d}\n",
            6,
            "non-empty text",
            id="alias-not-text",
        ),
        pytest.param(
            "- id: a\n  name: Kabul\n  type: place\n  surname: Kabul\n",
            4,
            "only a person has a surname",
            id="surname-of-place",
        ),
        pytest.param(
            PERSON + "  surname: Wnag\n",
            4,
            "surname 'Wnag' is not a word of any name",
            id="surname-not-in-name",
        ),
        pytest.param(
            PERSON + "- id: a\n  name: B\n  type: place\n",
            4,
            "duplicate id 'a' (first defined at line 1)",
            id="duplicate-id",
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: place\n  aliases: [Ch]\n"
            "- id: b\n  name: B\n  type: place\n  aliases: [Ch]\n",
            8,
            "'Ch' is claimed as alias of 'b' and as alias of 'a' (line 4)",
            id="alias-twice",
        ),
        pytest.param(
            "- id: a\n  name: China\n  type: place\n"
            "- id: b\n  name: B\n  type: place\n  aliases:\n    - X\n    - China\n",
            9,
            "'China' is claimed as alias of 'b' and as alias of 'a'",
            id="alias-is-a-name",
        ),
        pytest.param(
            "- id: a\n  name: A\n  type: person\n  aliases: [the chief]\n"
            "- id: b\n  name: B\n  type: person\n  aliases: [The chief]\n",
            8,
            "'The chief' is claimed",
            id="alias-capitalised-form",
        ),
        pytest.param(
            "- id: a\n  name: Wang Yi\n  type: person\n  surname: Wang\n"
            "- id: b\n  name: Wang Group\n  type: organization\n  aliases: [Wang]\n",
            8,
            "'Wang' is claimed as alias of 'b' and as surname of 'a' (line 4)",
            id="alias-is-a-surname",
        ),
    ],
)
def test_each_mistake_is_reported_with_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path, text)
    found = [str(problem) for problem in problems(path)]
    assert any(text.startswith(f"{path}:{line}: ") and words in text for text in found), found


def test_all_problems_are_reported_at_once_each_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- id: a\n  name: A\n  type: planet\n"
        "- id: b\n  name: B\n  type: place\n  wikidata: Q-1\n"
        "- id: a\n  name: C\n  type: place\n",
    )
    with pytest.raises(ContentError) as caught:  # the build catches it as a ContentError
        load_registry(path)
    assert str(caught.value).splitlines() == [
        f"{path}:3: unknown type 'planet' (types: person, organization, place)",
        f"{path}:7: malformed Wikidata QID 'Q-1' (expected Q and digits, as Q148)",
        f"{path}:8: duplicate id 'a' (first defined at line 1)",
    ]


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "entities.yaml"
    path.write_bytes(b"- id: a\n  name: \xff\n")
    (problem,) = problems(path)
    assert problem.line == 2 and "not UTF-8" in problem.message and "column 9" in problem.message
