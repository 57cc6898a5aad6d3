"""A reader of the archive for one thread: its own read-only store connection and engine (neither
may be shared across threads; the segmenter is). The web page reads through one per worker thread,
and `honours check` through one per core."""

from __future__ import annotations

from pathlib import Path

from config import Settings
from errors import EngineError
from index.engine import open_engine
from index.memo import Memo
from index.store import ReadOnlyStore


class Reader:
    """What index/ reads an archive through (store, engine, segmenter), for one thread."""

    def __init__(self, settings: Settings, segmenter, memo: Memo | None = None):
        self.settings, self.dir, self.engine_name = settings, Path(settings.data_dir), settings.engine
        self.store = ReadOnlyStore(self.dir / "archive.sqlite")
        try:
            self.engine = open_engine(settings.engine, self.dir / "index" / settings.engine, memo=memo)
        except EngineError:
            self.store.close()
            raise
        self.segmenter = segmenter
        self.progress = lambda items, total, desc: items

    def close(self) -> None:
        self.engine.close()
        self.store.close()
