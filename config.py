"""One typed settings object: defaults < honours.toml < environment < command-line flags.

Unknown keys in the file or in HONOURS_* variables fail at start-up, so a typo never
silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from errors import ConfigError  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data/archive")
    segmenter: str = "rjieba"  # rjieba (jieba-rs, fast) or jieba (pure Python, same dictionary)
    max_bytes: int = 20_000_000  # larger inputs are refused, not truncated
    min_text_chars: int = 20  # shorter main text means "no article found"
    engine: str = "tantivy"  # the search index: tantivy (default, by measurement: README) or whoosh
    workers: int = 2  # processes that normalise and extract during ingest
    # ingest
    batch: int = 64  # articles stored per SQLite transaction
    index_every: int = 1000  # articles stored before the index is brought up to date (and at the end)
    pool_from: int = 24  # inputs from which normalising runs in worker processes
    ahead: int = 64  # inputs handed to the workers and not yet stored, at most
    cluster: str = ""  # a Dask scheduler (tcp://HOST:8786) whose workers normalise and extract instead
    # crawler
    contact: str = "https://github.com/honours-archive"  # who we are, in the crawler's User-Agent
    # web page
    web_threads: int = 4  # threads answering requests in one server process
    page_timeout: float = 10.0  # seconds a page may take before it is answered with an error
    export_timeout: float = 120.0  # seconds an export download may take
    max_url: int = 8192  # bytes of a request line: a query of 500 Chinese characters takes 4.5 k

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_CHOICES = {"segmenter": ("rjieba", "jieba"), "engine": ("whoosh", "tantivy")}


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "Path":
            value = Path(value)
        elif kind == "int":
            value = int(value)
        elif kind == "float":
            value = float(value)
        else:
            value = str(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"setting {name!r}: {e}") from None
    if name in _CHOICES and value not in _CHOICES[name]:
        raise ConfigError(f"setting {name!r} must be one of {', '.join(_CHOICES[name])}, not {value!r}")
    return value


def _checked(source: str, values: dict[str, Any]) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"{source}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})")
    return {k: _coerce(k, v) for k, v in values.items()}


def load(config_file: str | Path | None = None, env: dict[str, str] | None = None, **flags: Any) -> Settings:
    """Settings from defaults, then `honours.toml` (or `config_file`), then HONOURS_* env, then flags."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = Path(config_file or env.get("HONOURS_CONFIG") or "honours.toml")
    if config_file or path.exists():
        try:
            with open(path, "rb") as f:
                values.update(_checked(str(path), tomllib.load(f)))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"{path}: {e}") from None
    from_env = {
        k[8:].lower(): v for k, v in env.items() if k.startswith("HONOURS_") and k != "HONOURS_CONFIG"
    }
    values.update(_checked("environment", from_env))
    values.update(_checked("command line", {k: v for k, v in flags.items() if v is not None}))
    return Settings(**values)
