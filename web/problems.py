"""The error a request is answered with, beside the archive's other errors (errors.py).

A `Problem` is an HonoursError carrying its HTTP status, the key of its message in strings.toml,
and a detail: the key of a string filled with values, or a message from the library (shown
translated where messages.toml knows it). Any other error becomes a Problem by its `http_status`
(`Problem.of`); an error the client cannot fix (5xx) shows no detail, so nothing internal leaks.
"""

from __future__ import annotations

from errors import HonoursError
from web.strings import STRINGS, localised

KEYS = {  # the message of an error that comes without one, by its HTTP status
    400: "error_bad_request",
    404: "error_not_found",
    405: "error_method",
    413: "error_too_large",
    414: "error_too_large",
    422: "error_bad_request",
    503: "error_unavailable",
}


class Problem(HonoursError):
    """A request the page answers with a friendly error: HTTP status, a message key, a detail."""

    def __init__(self, status: int, key: str, detail: str = "", **values):
        self.http_status, self.key, self.detail, self.values = status, key, detail, values
        super().__init__(self.text("en") or STRINGS[key]["en"])

    @property
    def status(self) -> int:
        return self.http_status

    def text(self, lang: str) -> str:
        """The detail in the interface language (empty when there is none)."""
        if self.detail in STRINGS:
            return STRINGS[self.detail][lang].format(**self.values)
        return localised(self.detail, lang)

    @classmethod
    def of(cls, err: Exception) -> Problem:
        """Any error as the answer a client sees: ours by their http_status, with their message when
        the client can do something about it (4xx); anything else an internal error, no details."""
        if isinstance(err, Problem):
            return err
        status = getattr(err, "http_status", 500)
        return cls(status, KEYS.get(status, "error_internal"), str(err) if status < 500 else "")
