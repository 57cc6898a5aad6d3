"""Tests of the web page (web/, search_app.py). A package named apart from `web`, so it never hides it."""
