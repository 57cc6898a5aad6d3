"""The search web page and its JSON API: a thin, read-only layer over index/.

Modules, each one concern: `app` (the FastAPI app, its error answers, `serve`), `pages` and `api`
(the routes), `reader` (reading the archive from worker threads), `guard` (request limits and
security headers), `state` (page state in the URL, ids, links), `chart` (the per-year bars),
`render` (templates and error answers), `strings` (interface languages), `problems` (the error a
request is answered with). `search_app.py` at the top is the entry point that builds the app.
"""
