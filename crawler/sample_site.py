"""A local HTTP server for the sample site (data/samples/site): tests and `make demo` crawl it.

Beyond serving files it does what real portals do, as `routes.toml` in the site folder says:
301 redirects, pages that fail with 500 once, pages that answer 503 with Retry-After once, pages
served without a charset. `{{PORT}}` in a page becomes the server's port, so a link can point
at the same server under another host name. Every request is logged (method, path, status,
time, user agent): tests read the log to prove what the crawler did and did not fetch.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import threading
import time
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).resolve().parent.parent / "data" / "samples" / "site"
TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".xml": "application/xml"}


class SampleSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, root: Path = SITE, port: int = 0, host: str = "127.0.0.1", log_file: Path | None = None
    ):
        self.root = root.resolve()
        routes = root / "routes.toml"
        self.routes = tomllib.loads(routes.read_text()) if routes.exists() else {}
        self.failed_once: set[tuple[str, str]] = set()
        self.log: list[dict] = []
        self.log_file = log_file
        self.lock = threading.Lock()
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def record(self, entry: dict) -> None:
        with self.lock:
            self.log.append(entry)
            if self.log_file:
                with open(self.log_file, "a") as f:
                    f.write(json.dumps(entry) + "\n")

    def once(self, kind: str, path: str) -> bool:
        """True the first time a path listed under [kind] is asked for."""
        with self.lock:
            if path in self.routes.get(kind, {}).get("paths", ()) and (kind, path) not in self.failed_once:
                self.failed_once.add((kind, path))
                return True
        return False

    def start(self) -> SampleSite:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def paths(self, status: int | None = None) -> list[str]:
        """The paths requested, in order (with the query string), optionally only those answered so."""
        with self.lock:
            return [e["path"] for e in self.log if status is None or e["status"] == status]


class Handler(BaseHTTPRequestHandler):
    server: SampleSite
    server_version = "SampleSite/1.0"

    def log_message(self, format, *args):  # the JSON log replaces the stderr one
        pass

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        arrived = time.time()  # the crawler's politeness spaces requests as sent, not responses as read
        status, headers, data = self.answer()
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)
        self.server.record(
            {
                "t": arrived,
                "method": self.command,
                "path": self.path,
                "status": status,
                "host": self.headers.get("Host", ""),
                "ua": self.headers.get("User-Agent", ""),
            }
        )

    def answer(self) -> tuple[int, dict, bytes]:
        site = self.server
        path = unquote(urlsplit(self.path).path)
        if path in site.routes.get("redirects", {}):
            return 301, {"Location": site.routes["redirects"][path]}, b""
        if site.once("flaky", path):
            return 500, {"Content-Type": "text/plain"}, b"internal error, try again"
        if site.once("busy", path):
            wait = str(site.routes["busy"].get("retry_after", 1))
            return 503, {"Content-Type": "text/plain", "Retry-After": wait}, b"busy, come back later"
        file = (site.root / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        if not file.is_relative_to(site.root) or not file.is_file() or file.name == "routes.toml":
            return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>Not found</body></html>"
        data = file.read_bytes().replace(b"{{PORT}}", str(site.server_address[1]).encode())
        kind = TYPES.get(file.suffix, "application/octet-stream")
        if kind.startswith("text/") and path not in site.routes.get("charset", {}).get("omit", ()):
            try:
                data.decode("utf-8")
                kind += "; charset=utf-8"
            except UnicodeDecodeError:
                pass  # the page declares its own charset, or none: the crawler must find it
        return 200, {"Content-Type": kind}, data


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the sample site for crawling.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--root", type=Path, default=SITE)
    parser.add_argument("--log", type=Path, help="append one JSON line per request here")
    args = parser.parse_args()
    server = SampleSite(args.root, args.port, log_file=args.log)
    print(f"serving {args.root} at {server.url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
