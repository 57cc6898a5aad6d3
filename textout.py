"""What the command line prints: search hits, dossiers and stats as lines of text.

Presentation only: every value comes from a library function; nothing here reads the archive.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 result`, `2 results`; `many` for irregular plurals."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def marked(item: dict, bold: bool) -> str:
    """The snippet with its highlights in bold (a terminal) or [brackets] (a pipe or file)."""
    text, shift = item["snippet"], item.get("offset", 0)
    on, off = ("\033[1m", "\033[0m") if bold else ("[", "]")
    for a, b in reversed(item["highlights"]):
        a, b = a + shift, b + shift
        text = text[:a] + on + text[a:b] + off + text[b:]
    return text


def hit_head(h: dict) -> str:
    if h["kind"] == "article":
        return h["title"]
    bits = [
        h.get("role"),
        h.get("org"),
        h.get("honour"),
        str(h["year"]) if h.get("year") else None,
        h.get("relation"),
    ]
    return f"{h['name']} — " + ", ".join(b for b in bits if b)


def print_hits(found: dict, out: TextIO = sys.stdout) -> None:
    q = found["query"]
    shown = q.get("expression") or " ".join(q["text"]) or "everything"
    filters = "".join(f", {k} {v}" for k, v in q.items() if k not in ("text", "not", "expression") and v)
    print(f"{plural(found['total'], 'result')} for {shown}{filters}", file=out)
    for k, v in found.get("interpreted", {}).items():
        print(f"  (read {k} as {v})", file=out)
    bold = out.isatty()
    for i, h in enumerate(found["hits"], 1):
        print(f"{i:3d}. [{h['kind']}] {hit_head(h)}", file=out)
        print(f"     {marked(h, bold)}", file=out)
        print(f"     {h['published'] or ''} {h['source']}", file=out)
    for name, counts in found.get("facets", {}).items():
        if counts:
            print(f"  {name}: " + " · ".join(f"{k} ({v})" for k, v in list(counts.items())[:8]), file=out)


def print_dossier(name: str, found: dict, out: TextIO = sys.stdout) -> None:
    if not found["people"]:
        print(f"nobody called {name} in the archive", file=out)
    for p in found["people"]:
        where = (
            ", ".join(p["orgs"] + [x for x in p["places"] if x not in p["orgs"]]) or "no organisation given"
        )
        print(f"{p['name']} ({where}): {plural(len(p['honours']), 'mention')}", file=out)
        for h in p["honours"]:
            what = h["honour"] or h["relation"]
            print(f"  {h['year'] or '????'}  {what}  {h['role'] or ''}".rstrip(), file=out)
            print(f"        {h['evidence']}", file=out)
            print(f"        {h['title']} — {h['source']}", file=out)


def print_stats(stats: dict[str, Any], out: TextIO = sys.stdout, indent: str = "") -> None:
    """One `key value` line each; a nested table (languages, index) as indented lines below its key."""
    for k, v in stats.items():
        if isinstance(v, dict):
            print(f"{indent}{k}", file=out)
            print_stats(v, out, indent + "  ")
        else:
            print(
                f"{indent}{k:{max(14 - len(indent), 1)}s} {'yes' if v is True else 'no' if v is False else v}",
                file=out,
            )
