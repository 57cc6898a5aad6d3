"""The web tests' fixtures, defined in webtest.py beside the helpers they share."""

from webpage.webtest import browser, client, hostile_id, lenient, live, page, settings  # noqa: F401
