"""Every page is valid HTML by the Nu Html Checker (vnu.jar, from npm's ``vnu-jar``).

The checker starts a Java VM, so it is run once over all pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from archive.check.problem import Problem

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def check_html(site: Path, vnu: Path = VNU) -> list[Problem]:
    """One problem per error the checker reports, with its page, line and the markup."""
    pages = sorted(site.rglob("*.html"))
    if not pages:
        return [Problem(".", "no HTML pages")]
    java = shutil.which("java")
    if java is None or not vnu.is_file():
        need = "java (Debian: default-jre-headless)" if java is None else f"{vnu} (run npm ci)"
        return [Problem(".", f"cannot check HTML: {need} is missing")]
    command = [java, "-jar", str(vnu), "--format", "json", "--errors-only", "--exit-zero-always"]
    result = subprocess.run(
        [*command, *map(str, pages)], capture_output=True, text=True, check=False
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        return [Problem(".", f"the HTML checker failed: {result.stderr.strip()[:300]}")]
    return [_problem(site, message) for message in messages]


def _problem(site: Path, message: dict[str, object]) -> Problem:
    url = str(message.get("url", ""))
    path = Path(unquote(urlsplit(url).path))
    page = str(path.relative_to(site.resolve())) if path.is_relative_to(site.resolve()) else url
    line = message.get("lastLine")
    extract = " ".join(str(message.get("extract", "")).split())
    where = f"line {line}: {extract}" if line else extract
    return Problem(page, str(message.get("message", "error")), where)
