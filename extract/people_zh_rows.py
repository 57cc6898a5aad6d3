"""Roll lines that open with their places (Taiwan lists: 麦寮乡 麦津村 林某 村长): the cells before the name
are a township and a village, the cell after it the post. Split from people_zh.py (its size)."""

from __future__ import annotations

from extract.people_zh_checks import NameChecks
from extract.people_zh_slots import grid_cells, place_ends


def place_row(text: str, at: int, line: str, add, c: NameChecks) -> bool:
    """A line of one or two place cells (each ending in 乡, 镇, 村, 里 …), a name cell and a post cell
    (a word of the positions table): the name gets the post and the places stay places. True when the
    line is such a row (its cells then are no grid of names)."""
    cells = [(at + s, at + e) for s, e, _ in grid_cells(line)]
    if not 3 <= len(cells) <= 4:
        return False
    *places, (ns, ne), (ps, pe) = cells
    post = text[ps:pe]
    if not c.lex.role_re.fullmatch(post) or c.lex.roles.get(post) == "member":
        return False
    if not all(2 <= e - s <= 5 and text[e - 1] in place_ends() for s, e in places):
        return False
    if not c.cued_name(text, ns, ne, relaxed=True):
        return False
    add(ns, ne, "grid", post, "".join(text[s:e] for s, e in places))
    return True
