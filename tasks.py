"""Tasks for editors and operators, in the style of Pelican's quickstart ``tasks.py``.

``invoke --list`` shows them; ``invoke --help TASK`` shows a task's options.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from invoke import Context, task
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

from archive.check.chromium import CHROMIUM

if TYPE_CHECKING:
    from archive.check import Check
    from archive.release.target import Target

ROOT = Path(__file__).resolve().parent
SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS_FILE_PUBLISH = "publishconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(str(ROOT / SETTINGS_FILE_BASE))}

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": SETTINGS_FILE_PUBLISH,
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "host": "127.0.0.1",
    "port": 8000,
    "clippings": "content/clippings",
}
CONTENT = ROOT / SETTINGS["PATH"]
DATA = CONTENT / SETTINGS["ARCHIVE_DATA"]


def pelican_run(cmd: str) -> None:
    """Run Pelican in this process, with the extra options given on the command line."""
    os.chdir(ROOT)
    pelican_main(["--log-handler", "plain", *shlex.split(cmd)])


@task
def clean(c: Context) -> None:
    """Remove the generated files."""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])


@task(
    help={
        "paths": "clippings or folders of clippings (default: content/clippings)",
        "into": "folder of the articles (default: content/articles)",
        "furniture": "the furniture patterns (default: content/data/furniture.txt)",
        "explain": "import nothing: show how this clipping would be read, line by line",
    }
)
def ingest(
    c: Context, paths: str = "", into: str = "", furniture: str = "", explain: str = ""
) -> None:
    """Import raw clippings into content/articles/ (never overwrites an editor's edits)."""
    from archive.core.cli import UsageError, folder_to_write, split_paths
    from archive.ingest.articles import run_explain, run_ingest

    patterns = Path(furniture) if furniture else DATA / "furniture.txt"
    if explain:
        sys.exit(run_explain(Path(explain), patterns))
    try:
        targets = split_paths(paths) or [ROOT / CONFIG["clippings"]]
        articles = folder_to_write(Path(into) if into else CONTENT / "articles", "--into")
    except UsageError as error:
        sys.exit(f"error: {error}")
    status = run_ingest(targets, articles, patterns)
    if status:
        sys.exit(status)


@task
def build(c: Context) -> None:
    """Build the site into output/ from content/."""
    pelican_run(f"-s {CONFIG['settings_base']}")


@task
def rebuild(c: Context) -> None:
    """Build from scratch: remove output/ first."""
    pelican_run(f"-d -s {CONFIG['settings_base']}")


@task
def regenerate(c: Context) -> None:
    """Rebuild whenever content or theme changes (no server)."""
    pelican_run(f"-r -s {CONFIG['settings_base']}")


@task(help={"port": "port to listen on (default 8000)"})
def serve(c: Context, port: int = 0) -> None:
    """Serve output/ on http://127.0.0.1:8000 (Ctrl-C stops)."""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    address = (CONFIG["host"], port or CONFIG["port"])
    server = AddressReuseTCPServer(CONFIG["deploy_path"], address, ComplexHTTPRequestHandler)
    print(f"Serving the archive at http://{address[0]}:{address[1]}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task
def reserve(c: Context) -> None:
    """Build, then serve."""
    build(c)
    serve(c)


@task
def livereload(c: Context) -> None:
    """Build, serve, and rebuild and reload the browser when content or theme changes."""
    from livereload import Server

    def cached_build() -> None:
        try:
            pelican_run(
                f"-s {CONFIG['settings_base']} -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true"
            )
        except SystemExit:
            print("build failed: the errors are above; fix them and save again", flush=True)

    cached_build()
    server = Server()
    for pattern in (
        "pelicanconf.py",
        "content/**/*",
        "theme/**/*",
        "plugins/**/*.py",
        "archive/**/*.py",
    ):
        server.watch(pattern, cached_build)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


DEPLOY_HELP = {
    "target": "a target configured in [tool.briefing.deploy], or a local folder (default: the configured default)",
    "config": "TOML file with the [tool.briefing.deploy] table (default: pyproject.toml)",
}


def _deploy_target(target: str, config: str) -> tuple[Target, int]:
    """The deploy target an operator named, and how many good releases to keep there."""
    from archive.release.config import load_config, make_target

    settings = load_config(Path(config) if config else ROOT / "pyproject.toml")
    return make_target(settings, target, ROOT), settings.keep


def _checks(only: str) -> dict[str, Check]:
    """The site checks, or only those named (comma-separated)."""
    from pelican.utils import slugify

    from archive.check import site_checks

    def slug(title: str) -> str:
        return slugify(title, regex_subs=SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])

    checks = site_checks(CONTENT / "articles", slug)
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    unknown = sorted(set(wanted) - set(checks))
    if unknown:
        sys.exit(f"unknown check {', '.join(unknown)}: the checks are {', '.join(checks)}")
    return {name: checks[name] for name in wanted} if wanted else checks


@task(
    help={
        "site": "the built site to check (default: output/)",
        "only": "comma-separated checks to run (default: all: links, articles, api, calendar, html, browser)",
    }
)
def check(c: Context, site: str = "", only: str = "") -> None:
    """Check a built site as publish does: links, valid HTML, accessibility, requests, data."""
    from archive.check import run_checks
    from archive.release.progress import Progress

    folder = Path(site) if site else ROOT / CONFIG["deploy_path"]
    progress = Progress(f"check {folder}")
    problems = run_checks(folder, _checks(only), progress.step)
    for problem in problems:
        print(problem)
    verdict = f"{len(problems)} problem(s)" if problems else "no problems"
    progress.summary(f"checked {folder}: {verdict}", ok=not problems)
    if problems:
        sys.exit(1)


@task(
    help={**DEPLOY_HELP, "checks": "comma-separated checks to run before going live (default: all)"}
)
def publish(c: Context, target: str = "", config: str = "", checks: str = "") -> None:
    """Build with publishconf.py into a new release, check it, then switch to it atomically.

    The live path is a symbolic link to the current release; a release goes live only
    when built, checked and marked good. The last good releases are kept, so
    `invoke rollback` can switch back.
    """
    from archive.check import run_checks
    from archive.release.pipeline import Rejected
    from archive.release.pipeline import publish as publish_release
    from archive.release.progress import Progress
    from archive.release.target import DeployError

    def build_release(folder: Path) -> None:
        try:
            pelican_run(f"-s {CONFIG['settings_publish']} -o {folder}")
        except SystemExit as failed:
            if isinstance(failed.code, str):  # a settings file's own message (publishconf.py)
                print(failed.code, file=sys.stderr)
            if failed.code:
                raise DeployError("the build failed (its errors are above)") from None

    def check_release(folder: Path, started: Callable[[str], None]) -> list[str]:
        return [str(p) for p in run_checks(folder, _checks(checks), started)]

    progress = Progress("publish")
    try:
        where, keep = _deploy_target(target, config)
        done = publish_release(where, build_release, check_release, keep, progress)
    except Rejected as rejected:
        print("\n".join(rejected.problems))
        progress.summary(
            f"publish stopped: {rejected}; the live site is unchanged"
            f" (the release is marked rejected; the next publish removes it)",
            ok=False,
        )
        sys.exit(1)
    except DeployError as error:
        progress.summary(f"publish stopped: {error}; the live site is unchanged", ok=False)
        sys.exit(1)
    pruned = f", pruned {len(done.removed)}" if done.removed else ""
    progress.summary(f"published {done.name} -> {where.description}{pruned}")


@task(help=DEPLOY_HELP)
def rollback(c: Context, target: str = "", config: str = "") -> None:
    """Switch the live site back to the newest good release before the current one."""
    from archive.release.pipeline import rollback as rollback_release
    from archive.release.progress import Progress
    from archive.release.target import DeployError

    progress = Progress("rollback")
    try:
        where, _ = _deploy_target(target, config)
        previous = rollback_release(where, progress)
    except DeployError as error:
        progress.summary(f"rollback stopped: {error}", ok=False)
        sys.exit(1)
    progress.summary(f"rolled back {where.description} to {previous.name}")


@task(help=DEPLOY_HELP)
def releases(c: Context, target: str = "", config: str = "") -> None:
    """List a target's releases, oldest first, with their state; the live one is starred."""
    from archive.release.target import DeployError

    try:
        where, _ = _deploy_target(target, config)
        found = where.releases()
    except DeployError as error:
        sys.exit(str(error))
    for release in found:
        live = "*" if release.live else " "
        print(f"{live} {release.name}  {release.state:<10}  {release.detail}".rstrip())
    if not found:
        print(f"no releases at {where.description}")


@task(help={"content": "the content folder (default: content/)"})
def entities(c: Context, content: str = "") -> None:
    """List capitalised names that recur in the articles but are not in the registry."""
    from archive.entities.candidates import run_candidates

    folder = Path(content) if content else CONTENT
    status = run_candidates(
        folder / "articles", folder / SETTINGS["ARCHIVE_DATA"] / "entities.yaml"
    )
    if status:
        sys.exit(status)


@task(
    help={
        "target": "the article's slug (or, with --entity/--event, the entity or event id)",
        "words": "the exact words of the passage, found once in the article ('' with --entity/--event)",
        "entity": "the note is on the entity TARGET",
        "event": "the note is on the chronology event TARGET",
    }
)
def note(c: Context, target: str, words: str, entity: bool = False, event: bool = False) -> None:
    """Start a note file with its target and passage filled in; print its path.

    invoke note ARTICLE "exact words"; invoke note dushanbe "" --entity
    """
    from archive.core.errors import ContentError
    from archive.notes.create import new_note

    if entity and event:
        sys.exit("a note is on an entity or an event, not both")
    kind = "entity" if entity else "event" if event else "article"
    try:
        print(new_note(CONTENT, target, words, kind))
    except ContentError as error:
        sys.exit(str(error))


@task(
    help={
        "query": "words to look for; quote a phrase",
        "entity": "only articles mentioning this entity id",
        "source": "only articles from this source",
        "since": "only articles on or after this date (YYYY-MM-DD)",
        "until": "only articles on or before this date (YYYY-MM-DD)",
        "json": "print JSON instead of text",
        "index": "the Whoosh index folder (default: .cache/whoosh, from the last build)",
    }
)
def search(
    c: Context,
    query: str,
    entity: str = "",
    source: str = "",
    since: str = "",
    until: str = "",
    json: bool = False,
    index: str = "",
) -> None:
    """Search the archive from the command line (uses the index of the last build).

    A query that starts with '-' is given as ``--query=-word``.
    """
    from archive.search.cli import main as search_main

    argv: list[str] = []
    for flag, value in (
        ("--entity", entity), ("--source", source), ("--since", since), ("--until", until),
        ("--index", index),
    ):  # fmt: skip
        argv += [flag, value] if value else []
    argv += ["--json"] if json else []
    status = search_main([*argv, "--", query])  # the query may start with '-'
    if status:
        sys.exit(status)


def _apt_install(package: str, why: str) -> None:
    """Install a Debian package, or say how when this is not root."""
    if os.geteuid() != 0:
        sys.exit(f"{why} need Debian's {package}: run `sudo apt-get install {package}`")
    print(f"installing Debian's {package} for {why} …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)


@task
def browser(c: Context) -> None:
    """Make sure Debian's Chromium is installed for the browser tests."""
    if CHROMIUM.exists():
        return
    _apt_install("chromium", "the browser tests")


@task
def checktools(c: Context) -> None:
    """Make sure the site checks and deploy tests have their tools: rsync, Java, npm packages."""
    if not shutil.which("rsync"):
        _apt_install("rsync", "the deploy tests")
    if not shutil.which("java"):
        _apt_install("default-jre-headless", "the HTML check (vnu.jar)")
    if (
        not (ROOT / "node_modules" / "vnu-jar").is_dir()
        or not (ROOT / "node_modules" / "axe-core").is_dir()
    ):
        print("installing the npm packages of package-lock.json …", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


@task(pre=[browser, checktools], help={"args": "extra arguments for pytest"})
def test(c: Context, args: str = "") -> None:
    """Run the whole test suite (installs Chromium, rsync, Java and the npm packages if missing)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task
def lint(c: Context) -> None:
    """Check style and formatting with ruff, and types with mypy (archive/ and plugins/)."""
    c.run("ruff check . && ruff format --check .")
    c.run("npx eslint theme/static/js tests/js eslint.config.js")
    c.run("mypy")  # its files and settings: [tool.mypy] in pyproject.toml


BENCHMARKS = {  # name: script and arguments ({n}: the size of the synthetic archive)
    "mentions": "bench_mentions.py --articles {n}",
    "build": "bench_build.py --articles {n}",  # plain Pelican vs project, cold and warm
    "search": "bench_search.py --articles {n}",
    "align": "eval_align.py",
    "reuse": "eval_reuse.py --articles {n}",
    "dates": "eval_dates.py",  # TimeML: reads ../shared/timeml
    "ingest": "eval_ingest.py",  # the gold of tests/fixtures/corpus
    "events": "eval_events.py",  # the development corpus's gold events
}


@task(help={"articles": "size of the synthetic archive", "only": ", ".join(BENCHMARKS)})
def bench(c: Context, articles: int = 5000, only: str = "") -> None:
    """Benchmarks: build, entity matching, search, alignment, reuse (generated archives); dates, ingest."""
    for name, command in BENCHMARKS.items():
        if only and only != name:
            continue
        script, _, arguments = command.partition(" ")
        if (ROOT / "bench" / script).exists():
            c.run(f"{sys.executable} {ROOT / 'bench' / script} {arguments.format(n=articles)}")
