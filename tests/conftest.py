"""Shared fixtures: paths to the seeds, the samples and the public gold sets."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "tests" / "shared"  # our copy of ../shared, so a lone clone can run the suite
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "data" / "samples"
SITE_PAGES = [  # the sample site's article pages in the styles of the seeds (one copy, served and read)
    SAMPLES / "site" / p
    for p in (
        "news/2024/1105-jiaxing-gongshi.html",  # GB18030, declared in <meta>
        "news/2024/0428-shilin-laomo.html",  # county portal, GBK, undeclared
        "news/2023/0402-shizhong-repost.html",  # traditional Big5 repost
        "notices/0603-roadworks.html",  # not a commendation
        "news/2023/1228-truongan-vi.html",  # Vietnamese ward portal
        "news/2024/0308-gulou-wechat.html",  # WeChat mirror
    )
]
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt")) + SITE_PAGES
UD = SHARED / "data" / "ud"
HONOURS = [sys.executable, "-m", "cli"]


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def ud_sentences(name: str) -> list[str]:
    return [
        line[9:].strip()
        for line in (UD / name).read_text(encoding="utf-8").splitlines()
        if line.startswith("# text =")
    ]


def run_honours(
    *args: str, cwd: Path = ROOT, env: dict | None = None, timeout: int = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*HONOURS, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout
    )


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def normalizer():
    from normalize.pipeline import Normalizer

    return Normalizer()


ENGINES = ("whoosh", "tantivy")


def index_doc(n: int, kind: str, year: int, tokens: dict):
    """A bare index document of article `a{n}` (canonical, Chinese, no places or honours)."""
    from index.engine import IndexDoc

    return IndexDoc(
        id=f"{kind[0]}:a{n}:0" if kind != "article" else f"a:a{n}",
        kind=kind,
        article=f"a{n}",
        canonical=True,
        lang="zh",
        year=year,
        places=(),
        place=None,
        honours=(),
        honour=None,
        tokens=tokens,
    )


def make_archive(data_dir, *paths, engine: str | None = None):
    """An archive ingested from `paths` (in this process: small inputs skip the worker pool)."""
    import config
    from index.archive import Archive

    archive = Archive(config.Settings(data_dir=data_dir, **({"engine": engine} if engine else {})))
    report = archive.ingest([str(p) for p in paths])
    assert not report.failed, report.failed
    return archive


@pytest.fixture(scope="session", params=ENGINES)
def seeded(request, tmp_path_factory):
    """The seeds and the samples, ingested once per engine: the search suite runs against both."""
    archive = make_archive(
        tmp_path_factory.mktemp(f"archive-{request.param}"), SEEDS, *SAMPLE_FILES, engine=request.param
    )
    yield archive
    archive.close()


# --- the crawler: the sample site served by a real HTTP server (in this process), crawled by
# `honours crawl` run as a separate process, exactly as a user runs it -----------------------------

ARTICLES = {  # what a crawl of the sample site must store, each exactly once
    "/news/2024/0308-gulou-wechat.html",
    "/news/2024/0428-shilin-laomo.html",
    "/news/2024/0502-farm-laomo.html",
    "/news/2024/0615-flaky.html",
    "/news/2024/1105-jiaxing-gongshi.html",
    "/news/2023/0402-shizhong-repost.html",
    "/news/2023/1228-truongan-vi.html",
    "/notices/0603-roadworks.html",
}


@pytest.fixture
def site(tmp_path):
    """A fresh server (its fail-once pages fail again) over a copy of the site tests may change."""
    from crawler.sample_site import SITE, SampleSite

    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    server = SampleSite(root).start()
    yield server
    server.shutdown()
    server.server_close()


def crawl(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    done = run_honours("--data-dir", str(data_dir), "crawl", *args)
    assert done.returncode == 0, done.stderr
    return done


def stored(data_dir: Path) -> list[sqlite3.Row]:
    """Every live article in the store, with where its raw page is kept."""
    db = sqlite3.connect(data_dir / "archive.sqlite")
    db.row_factory = sqlite3.Row
    try:
        return db.execute(
            "SELECT id, source, warc, title, is_commendation, raw_sha1 FROM articles WHERE superseded_by IS NULL"
        ).fetchall()
    finally:
        db.close()


def paths(rows) -> list[str]:
    return sorted("/" + r["source"].split("/", 3)[3] for r in rows)
