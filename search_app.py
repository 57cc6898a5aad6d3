"""The search web page and its JSON API: the entry point. The app lives in the `web` package
(web/app.py builds it); `honours serve` calls `serve` here."""

from __future__ import annotations

from web.app import app_for, from_environment, serve

__all__ = ["app_for", "from_environment", "serve"]
