"""Shared fixtures: paths to the seeds, the samples and the public gold sets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "tests" / "shared"  # our copy of ../shared, so a lone clone can run the suite
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "data" / "samples"
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


def make_archive(data_dir, *paths, engine: str = "whoosh"):
    """An archive ingested from `paths` (in this process: small inputs skip the worker pool)."""
    import config
    from index.archive import Archive

    archive = Archive(config.Settings(data_dir=data_dir, engine=engine))
    report = archive.ingest([str(p) for p in paths])
    assert not report.failed, report.failed
    return archive


@pytest.fixture(scope="session", params=ENGINES)
def seeded(request, tmp_path_factory):
    """The seeds and the samples, ingested once per engine: the search suite runs against both."""
    archive = make_archive(
        tmp_path_factory.mktemp(f"archive-{request.param}"), SEEDS, SAMPLES, engine=request.param
    )
    yield archive
    archive.close()
