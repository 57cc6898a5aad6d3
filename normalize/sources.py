"""Inputs: files and directories (recursively) of .txt, .html/.htm and .warc/.warc.gz, as Sources.

Every name handed on is valid Unicode: a file name that is not valid UTF-8 (b'caf\\xe9.txt') is
read under its escaped form (`caf\\xe9.txt`), the same on every run, so it can be stored, printed
and written to JSON. From WARC files only the pages the crawler itself would store are read:
HTTP 200 responses that are articles by the crawler's own test (normalize/pagekind.py).
"""

from __future__ import annotations

import errno
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from normalize.pagekind import is_page, page_kind
from normalize.records import InputError, Source

TEXT_SUFFIXES = (".txt", ".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Failure:
    """An input that could not be read; `where` names the file (and record)."""

    where: str
    reason: str


def shown(path: Path | str) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 escaped as \\xNN (never a lone surrogate)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _suffix_ok(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEXT_SUFFIXES + WARC_SUFFIXES)


def expand(paths: list[str]) -> Iterator[Path | Failure]:
    """Files named, and the readable files under directories named, in a stable order. A
    directory without any is a Failure, as is a name that is missing or a symlink loop."""
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found, unreadable = 0, []
            for root, dirs, files in os.walk(path, onerror=unreadable.append):
                dirs.sort()
                for name in sorted(files):
                    if _suffix_ok(Path(name)):
                        found += 1
                        yield Path(root) / name
            for e in unreadable:  # a subdirectory that cannot be listed
                yield Failure(shown(e.filename or arg), e.strerror or str(e))
            if not found and not unreadable:
                yield Failure(
                    shown(arg), f"0 documents found in {shown(arg)} (.txt, .html, .htm, .warc, .warc.gz)"
                )
        elif path.is_file():
            yield path
        else:
            yield Failure(shown(arg), _missing(path))


def _missing(path: Path) -> str:
    """Why a name is neither a file nor a directory."""
    try:
        path.stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symlink loop (the link points back to itself)"
        if path.is_symlink():
            return "broken symlink (its target does not exist)"
        return "no such file or directory" if e.errno == errno.ENOENT else (e.strerror or str(e))
    return "not a regular file"


def read_file(path: Path, max_bytes: int) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
        return Source(uri=shown(path), data=path.read_bytes())
    except OSError as e:
        raise InputError(e.strerror or str(e)) from None


def read_warc(path: Path, max_bytes: int) -> Iterator[Source | Failure]:
    """Every article page of a WARC file. Requests, metadata, redirects, errors, robots.txt and list
    pages are skipped, as the crawler skips them. A record cut short (a truncated file) or data that
    cannot be read is a Failure naming FILE#OFFSET; the records before it are read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name, end = shown(path), 0
    try:
        with open(path, "rb") as f:
            records = ArchiveIterator(f)
            for record in records:
                data = _payload(record, max_bytes)
                offset = records.get_record_offset()  # reads the record to its end
                end = offset + records.get_record_length()
                where = f"{name}#{offset}"
                left = getattr(record.raw_stream, "limit", 0)
                if left:
                    yield Failure(
                        where, f"truncated record ({left} of its {record.length} bytes missing): not stored"
                    )
                elif data is not None:
                    item = _page(record, data, where, max_bytes)
                    if item is not None:
                        yield item
            f.seek(end)
            if f.read(64).strip():  # bytes after the last whole record that make no record
                yield Failure(f"{name}#{end}", "truncated or damaged record (cannot be read): not stored")
    except (OSError, ArchiveLoadFailed, ValueError, EOFError, zlib.error) as e:
        yield Failure(f"{name}#{end}", f"unreadable WARC data ({_said(e)}): not stored")


def _said(e: BaseException) -> str:
    """An error's first line, short, with control characters (bytes of a damaged file) escaped."""
    lines = str(e).splitlines()
    text = lines[0][:80] if lines else type(e).__name__
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def _payload(record, max_bytes: int) -> bytes | None:
    """The body of an HTTP 200 response record (up to max_bytes + 1 bytes), else None."""
    if record.rec_type != "response" or not record.http_headers:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    return record.content_stream().read(max_bytes + 1)


def _page(record, data: bytes, where: str, max_bytes: int) -> Source | Failure | None:
    """A response as a Source when it is an article page; None for the pages the crawler skips."""
    from normalize.decode import decode

    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if len(data) > max_bytes:
        return Failure(f"{where} ({uri})", f"record too large (over {max_bytes / 1e6:.0f} MB)")
    source = _warc_source(record, data, where)
    mime = (source.content_type or "").split(";")[0].strip().lower()
    if not is_page(uri) or mime and not mime.startswith("text/") and "html" not in mime:
        return None  # robots.txt; an image or a PDF (the crawler keeps only text)
    try:
        text = decode(source).text
    except InputError:
        return source  # the normaliser says why it cannot read it
    return source if page_kind(text) == "article" else None


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
    except (OSError, ValueError, StopIteration, ArchiveLoadFailed, EOFError, zlib.error) as e:
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
                yield Failure(shown(item), str(e))
