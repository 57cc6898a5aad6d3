"""Files, directories and WARCs -> public records, one input at a time (what `honours extract` prints)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from config import Settings
from errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failed:
    """An input that could not be turned into a record, and why in a few words."""

    where: str
    reason: str


def records(paths: list[str], settings: Settings, tokens: bool = False) -> Iterator[dict | Failed]:
    """Each input's record, or a `Failed` for an input that failed: one bad input stops nothing."""
    from extract import Extractor, record
    from normalize.pipeline import Normalizer
    from normalize.sources import Failure, sources

    normalizer = Normalizer(settings)
    extractor = Extractor(normalizer.segmenters("zh"))
    for item in sources(paths, settings.max_bytes):
        if isinstance(item, Failure):
            yield Failed(item.where, item.reason)
            continue
        where = item.warc or item.uri
        try:
            article = normalizer.normalize(item)
            yield record(article, extractor.extract(article), tokens)
        except InputError as e:
            yield Failed(where, str(e))
        except Exception as e:  # a bug must not stop the other inputs, nor print a traceback
            log.exception("extracting %s", where)
            yield Failed(
                where, f"internal error ({type(e).__name__}: {e}); please report it (--debug shows where)"
            )
