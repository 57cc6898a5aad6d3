"""The raw archive: every request and response of a crawl in WARC files under `<data dir>/warc/`.

Each record is its own gzip member (as the WARC spec recommends), written with warcio; a file is
rotated at 1 GB. While a file is written, `<file>.open` beside it holds the writer's pid; a file
whose writer died (SIGKILL, power cut) is repaired by the next crawl: cut after its last complete
record. Each finished file gets a CDXJ index (`<file>.cdxj`, by cdxj-indexer) for replay tools.
"""

from __future__ import annotations

import os
import time
import zlib
from http import HTTPStatus
from io import BytesIO
from pathlib import Path

from scrapy.http import Request, Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROTATE_AT = 1_000_000_000
SKIP_HEADERS = {"transfer-encoding"}  # the body is stored de-chunked


class WarcFiles:
    def __init__(self, data_dir: Path, site: str, rotate_at: int = ROTATE_AT):
        self.dir = Path(data_dir) / "warc"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.site = "".join(c if c.isalnum() or c in "-_." else "_" for c in site)
        self.rotate_at = rotate_at
        self.file = None
        self.path: Path | None = None
        self.serial = 0
        self.written: list[Path] = []

    def _open(self) -> None:
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        self.path = self.dir / f"{self.site}-{stamp}-{os.getpid()}-{self.serial:05d}.warc.gz"
        self.serial += 1
        self.path.with_name(self.path.name + ".open").write_text(str(os.getpid()))
        self.file = open(self.path, "ab")  # noqa: SIM115 (held open across writes)
        self.written.append(self.path)

    def write(self, request: Request, response: Response) -> str:
        """Writes the response and its request; returns the response record's pointer
        ("warc/FILE#OFFSET", relative to the data dir)."""
        buf = BytesIO()
        writer = WARCWriter(buf, gzip=True)
        headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, values in response.headers.items()
            for v in values
            if k.decode("latin-1").lower() not in SKIP_HEADERS
        ]
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        extra = {"WARC-IP-Address": str(response.ip_address)} if response.ip_address else None
        resp = writer.create_warc_record(
            response.url,
            "response",
            payload=BytesIO(response.body),
            http_headers=StatusAndHeaders(
                f"{response.status} {reason}".strip(), headers, protocol="HTTP/1.1"
            ),
            warc_headers_dict=extra,
        )
        writer.write_record(resp)
        target = request.url.split("://", 1)[1]
        path = "/" + target.split("/", 1)[1] if "/" in target else "/"
        req_headers = [
            (k.decode("latin-1"), v.decode("latin-1")) for k, vs in request.headers.items() for v in vs
        ]
        req_headers.insert(0, ("Host", target.split("/", 1)[0]))
        req = writer.create_warc_record(
            request.url,
            "request",
            payload=BytesIO(request.body or b""),
            http_headers=StatusAndHeaders(
                f"{request.method} {path} HTTP/1.1", req_headers, is_http_request=True
            ),
            warc_headers_dict={"WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID")},
        )
        writer.write_record(req)
        if self.file is None or self.file.tell() >= self.rotate_at:
            self.finish()
            self._open()
        offset = self.file.tell()
        self.file.write(buf.getvalue())  # both records in one write: a crash cuts at most this pair
        self.file.flush()
        return f"warc/{self.path.name}#{offset}"

    def finish(self) -> None:
        """Closes the current file and indexes it."""
        if self.file is None:
            return
        self.file.close()
        self.file = None
        write_cdxj(self.path)
        self.path.with_name(self.path.name + ".open").unlink(missing_ok=True)


def write_cdxj(warc: Path) -> None:
    from cdxj_indexer.main import CDXJIndexer

    CDXJIndexer(
        str(warc.with_name(warc.name.removesuffix(".warc.gz") + ".cdxj")), [str(warc)], sort=True
    ).process_all()


def complete_length(path: Path) -> int:
    """Bytes of `path` that hold whole gzip members: where a killed writer's file must be cut."""
    good = pos = 0
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            while chunk:
                try:
                    inflater.decompress(chunk)
                except zlib.error:
                    return good
                if not inflater.eof:
                    pos += len(chunk)
                    break
                pos += len(chunk) - len(inflater.unused_data)
                good, chunk = pos, inflater.unused_data
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    return good


def repair(data_dir: Path, alive) -> list[str]:
    """Finishes the files of writers that died: cut after the last whole record, index, unmark.
    Returns a line for each file repaired."""
    done = []
    for marker in sorted((Path(data_dir) / "warc").glob("*.warc.gz.open")):
        try:
            pid = int(marker.read_text().strip() or 0)
        except (OSError, ValueError):
            pid = 0
        if pid and alive(pid):
            continue
        warc = marker.with_name(marker.name.removesuffix(".open"))
        if warc.exists():
            size, keep = warc.stat().st_size, complete_length(warc)
            if keep < size:
                os.truncate(warc, keep)
                done.append(f"{warc.name}: cut {size - keep} bytes of an unfinished record")
            write_cdxj(warc)
        marker.unlink(missing_ok=True)
    return done


class WarcMiddleware:
    """Downloader middleware (priority 950, next to the downloader): sees every response as it came
    off the wire, before decompression, redirects and retries, and archives it with its request."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.files: WarcFiles | None = None

    @classmethod
    def from_crawler(cls, crawler) -> WarcMiddleware:
        from scrapy import signals

        self = cls(crawler)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)
        return self

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        if self.files is None:
            spider = self.crawler.spider
            self.files = WarcFiles(spider.data_dir, spider.site.name)
        try:
            request.meta["warc"] = self.files.write(request, response)
        except OSError as e:  # a full disk: stop, keep the URL queued for --resume
            from scrapy.exceptions import IgnoreRequest
            from scrapy.utils.defer import deferred_from_coro

            self.crawler.spider.fatal = f"cannot write the WARC file {self.files.path}: {e.strerror or e}"
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="warc-error"))
            raise IgnoreRequest(self.crawler.spider.fatal) from None
        return response

    def closed(self, spider) -> None:
        if self.files is not None:
            self.files.finish()
            spider.warc_files = [str(p) for p in self.files.written]
