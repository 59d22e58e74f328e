"""The data under ``api/`` matches the JSON Schemas kept in the project.

Readers build on the export, so its shape is a promise: each ``api/<name>.json``
must validate against ``schemas/<name>.schema.json``, and a file without a schema
is itself a problem (a shape nobody wrote down can change unnoticed).
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from archive.check.problem import Problem
from archive.site.export import write_text

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
SUFFIX = ".schema.json"


def check_api(site: Path, schemas: Path = SCHEMAS) -> list[Problem]:
    """Every JSON export validates against its schema, and every schema has its export."""
    problems: list[Problem] = []
    exports = sorted((site / "api").glob("*.json"))
    data = [p for p in exports if not p.name.endswith(SUFFIX)]
    for path in data:
        problems.extend(_validate(site, path, schemas / f"{path.stem}{SUFFIX}"))
    for schema in sorted(schemas.glob(f"*{SUFFIX}")):
        name = schema.name.removesuffix(SUFFIX)
        if not (site / "api" / f"{name}.json").is_file():
            problems.append(Problem(f"api/{name}.json", "missing (its schema is in the project)"))
        published = site / "api" / schema.name
        if not published.is_file() or published.read_bytes() != schema.read_bytes():
            problems.append(Problem(f"api/{schema.name}", f"not the project's {schema.name}"))
    return problems


def _validate(site: Path, path: Path, schema_path: Path) -> list[Problem]:
    name = str(path.relative_to(site))
    if not schema_path.is_file():
        return [Problem(name, f"no schema: add {schema_path.name} to the project's schemas/")]
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        return [Problem(name, f"not JSON: {error}")]
    validator = Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    return [
        Problem(name, error.message, error.json_path)
        for error in sorted(validator.iter_errors(document), key=lambda e: e.json_path)
    ]


def publish_schemas(api: Path, schemas: Path = SCHEMAS) -> None:
    """Copy the schemas beside the exports, so readers get the shape with the data.

    An unchanged copy is left alone (its time stamp too, so a deploy skips it).
    """
    for schema in sorted(schemas.glob(f"*{SUFFIX}")):
        write_text(api / schema.name, schema.read_text(encoding="utf-8"))
