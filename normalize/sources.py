"""Inputs: files and directories (recursively) of .txt, .html/.htm and .warc/.warc.gz, as Sources."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from normalize.records import InputError, Source

TEXT_SUFFIXES = (".txt", ".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Failure:
    """An input that could not be read; `where` names the file (and record)."""

    where: str
    reason: str


def _suffix_ok(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEXT_SUFFIXES + WARC_SUFFIXES)


def expand(paths: list[str]) -> Iterator[Path | Failure]:
    """Files named, and the readable files under directories named, in a stable order."""
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if _suffix_ok(Path(name)):
                        yield Path(root) / name
        elif path.is_file():
            yield path
        elif path.exists():
            yield Failure(arg, "not a regular file")
        else:
            yield Failure(arg, "no such file or directory")


def read_file(path: Path, max_bytes: int) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
        return Source(uri=str(path), data=path.read_bytes())
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None


def read_warc(path: Path, max_bytes: int) -> Iterator[Source | Failure]:
    """Every HTTP response record of a WARC file (requests, metadata and the like are skipped)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as f:
            records = ArchiveIterator(f)
            for record in records:
                if record.rec_type != "response" or not record.http_headers:
                    continue
                data = record.content_stream().read(max_bytes + 1)
                where = f"{path}#{records.get_record_offset()}"  # only after the read: it skips to the record's end
                if record.http_headers.get_statuscode() != "200":
                    continue
                if len(data) > max_bytes:
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    yield Failure(f"{where} ({uri})", f"record too large (over {max_bytes / 1e6:.0f} MB)")
                    continue
                yield _warc_source(record, data, where)
    except (OSError, ArchiveLoadFailed, ValueError) as e:
        yield Failure(
            str(path), f"unreadable WARC ({str(e).splitlines()[0] if str(e) else type(e).__name__})"
        )


def _warc_source(record, data: bytes, where: str) -> Source:
    return Source(
        uri=record.rec_headers.get_header("WARC-Target-URI") or "",
        data=data,
        content_type=record.http_headers.get_header("Content-Type"),
        fetched=record.rec_headers.get_header("WARC-Date"),
        warc=where,
    )


def read_warc_record(pointer: str, base: Path) -> Source:
    """The response record a pointer ("FILE#OFFSET", FILE relative to `base`) names."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name, _, offset = pointer.rpartition("#")
    try:
        with open(base / name, "rb") as f:
            f.seek(int(offset))
            record = next(iter(ArchiveIterator(f)))
            if record.rec_type != "response" or not record.http_headers:
                raise InputError(f"{pointer} is a {record.rec_type} record, not a response")
            return _warc_source(record, record.content_stream().read(), pointer)
    except InputError:
        raise
    except (OSError, ValueError, StopIteration, ArchiveLoadFailed) as e:
        raise InputError(
            f"cannot read the WARC record {pointer} ({e.strerror if isinstance(e, OSError) else e})"
        ) from None


def sources(paths: list[str], max_bytes: int) -> Iterator[Source | Failure]:
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
        elif item.name.lower().endswith(WARC_SUFFIXES):
            yield from read_warc(item, max_bytes)
        else:
            try:
                yield read_file(item, max_bytes)
            except InputError as e:
                yield Failure(str(item), str(e))
