"""Tasks for editors and operators, in the style of Pelican's quickstart ``tasks.py``.

``invoke --list`` shows them; ``invoke --help TASK`` shows a task's options.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from invoke import Context, task
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

ROOT = Path(__file__).resolve().parent
SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS_FILE_PUBLISH = "publishconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(str(ROOT / SETTINGS_FILE_BASE))}

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": SETTINGS_FILE_PUBLISH,
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "publish_root": os.environ.get("ARCHIVE_PUBLISH_ROOT", "public"),
    "keep_releases": 3,
    "host": "127.0.0.1",
    "port": 8000,
    "clippings": "content/clippings",
}
CONTENT = ROOT / SETTINGS["PATH"]
DATA = CONTENT / SETTINGS["ARCHIVE_DATA"]
CHROMIUM = Path("/usr/bin/chromium")


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
    }
)
def ingest(c: Context, paths: str = "", into: str = "", furniture: str = "") -> None:
    """Import raw clippings into content/articles/ (never overwrites an editor's edits)."""
    from archive.core.cli import UsageError, folder_to_write, split_paths
    from archive.ingest.articles import run_ingest

    try:
        targets = split_paths(paths) or [ROOT / CONFIG["clippings"]]
        articles = folder_to_write(Path(into) if into else CONTENT / "articles", "--into")
    except UsageError as error:
        sys.exit(f"error: {error}")
    patterns = Path(furniture) if furniture else DATA / "furniture.txt"
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


@task(help={"target": "folder the live site is served from (default: public/)"})
def publish(c: Context, target: str = "") -> None:
    """Build with publishconf.py into a new release, check it, then switch to it atomically.

    The live folder is a symbolic link to the current release; the previous
    releases are kept, so `invoke rollback` can switch back.
    """
    from archive.sitecheck import check_site

    root = ROOT / (target or CONFIG["publish_root"])
    releases = root.parent / f".{root.name}-releases"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")
    release = releases / stamp
    pelican_run(f"-s {CONFIG['settings_publish']} -o {release}")
    problems = check_site(release)
    if problems:
        print("\n".join(problems))
        print(
            f"publish stopped: {len(problems)} problem(s) in {release}; the live site is unchanged"
        )
        sys.exit(1)
    _switch(root, release)
    _prune(releases, CONFIG["keep_releases"])
    print(f"published {release.name} -> {root}")


@task(help={"target": "folder the live site is served from (default: public/)"})
def rollback(c: Context, target: str = "") -> None:
    """Switch the live site back to the release before the current one."""
    root = ROOT / (target or CONFIG["publish_root"])
    current = root.resolve() if root.is_symlink() else None
    older = sorted(p for p in (root.parent / f".{root.name}-releases").glob("*") if p != current)
    older = [p for p in older if current is None or p.name < current.name]
    if not older:
        print("no earlier release to roll back to")
        sys.exit(1)
    _switch(root, older[-1])
    print(f"rolled back to {older[-1].name}")


def _switch(link: Path, release: Path) -> None:
    """Point ``link`` at ``release`` in one rename, so readers never see half a site."""
    if link.exists() and not link.is_symlink():
        sys.exit(f"{link} is a real folder, not a release link: move it away first")
    temporary = link.with_name(f".{link.name}.new")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(release.resolve())
    os.replace(temporary, link)


def _prune(releases: Path, keep: int) -> None:
    for old in sorted(releases.iterdir())[:-keep]:
        shutil.rmtree(old)


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


@task
def browser(c: Context) -> None:
    """Make sure Debian's Chromium is installed for the browser tests."""
    if CHROMIUM.exists():
        return
    if os.geteuid() != 0:
        sys.exit("the browser tests need Debian's chromium: run `sudo apt-get install chromium`")
    print("installing Debian's chromium for the browser tests …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)


@task(pre=[browser], help={"args": "extra arguments for pytest"})
def test(c: Context, args: str = "") -> None:
    """Run the whole test suite (installs Chromium for the browser tests if missing)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task
def lint(c: Context) -> None:
    """Check style and formatting with ruff, and types with mypy (archive/ and plugins/)."""
    c.run("ruff check . && ruff format --check .")
    c.run("npx eslint theme/static/js tests/js eslint.config.js")
    c.run("mypy")  # its files and settings: [tool.mypy] in pyproject.toml


BENCHMARKS = {  # name: script and arguments ({n}: the size of the synthetic archive)
    "mentions": "bench_mentions.py --articles {n}",
    "build": "bench_build.py --articles {n}",
    "search": "bench_search.py --articles {n}",
    "align": "eval_align.py",
    "reuse": "eval_reuse.py --articles {n}",
    "dates": "eval_dates.py",  # TimeML: reads ../shared/timeml
}


@task(help={"articles": "size of the synthetic archive", "only": ", ".join(BENCHMARKS)})
def bench(c: Context, articles: int = 5000, only: str = "") -> None:
    """Benchmarks: build, entity matching, search, alignment, reuse (generated archives); dates (TimeML)."""
    for name, command in BENCHMARKS.items():
        if only and only != name:
            continue
        script, _, arguments = command.partition(" ")
        if (ROOT / "bench" / script).exists():
            c.run(f"{sys.executable} {ROOT / 'bench' / script} {arguments.format(n=articles)}")
