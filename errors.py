"""One family of errors. Each carries its exit status (the CLI) and HTTP status (the web page).

The command line and the web page each map errors in one place (`cli.main`, `web.app`), so a new
error needs no new `isinstance` branch anywhere: give it a class here with the right codes.
Exit statuses: 0 success, 1 some inputs failed or the archive could not do it, 2 bad usage.
"""

from __future__ import annotations

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class HonoursError(Exception):
    """An error the archive reports in words: one line, never a traceback."""

    exit_code = EXIT_SOME_FAILED
    http_status = 500


class UsageError(HonoursError, ValueError):
    """Bad usage: a wrong option, a bad value."""

    exit_code = EXIT_USAGE
    http_status = 400


class ConfigError(UsageError):
    """A bad setting in honours.toml, the environment or a flag."""


class QueryError(UsageError):
    """A query that cannot be parsed or is out of bounds."""


class ExportError(UsageError):
    """An export that cannot be written where or how it was asked."""


class SiteError(UsageError):
    """A crawl site description that is missing or wrong."""


class InputError(HonoursError, ValueError):
    """One input that cannot be read as an article; the others go on."""

    http_status = 422


class StoreError(HonoursError, RuntimeError):
    """The store cannot be opened, locked or written."""

    http_status = 503


class ClusterError(HonoursError, RuntimeError):
    """The Dask cluster asked for cannot be reached."""

    http_status = 503


class EngineError(HonoursError, RuntimeError):
    """The search index cannot be opened or used."""

    http_status = 503
