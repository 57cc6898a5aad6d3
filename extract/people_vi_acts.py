"""What a Vietnamese page says a found person does or is to others: an award named after them
(namesake), one the honoured helped (helped), an official's act right after the name (acts). Read by
extract.relations_vi."""

from __future__ import annotations

from extract.people_vi import patterns
from extract.people_vi_bounds import VERB, name_end
from extract.people_vi_more import given_back, last_joined, own_badge


def namesake(text: str, name: str) -> bool:
    """Does an award bear the person's name (Giải thưởng Nguyễn Văn Linh)? Then the person is its
    namesake, remembered, not honoured."""
    at = text.find(name) if name else -1
    while at >= 0:
        if patterns().namesake.search(text, max(0, at - 40), at):
            return True
        at = text.find(name, at + len(name))
    return False


def helped(text: str, start: int, end: int) -> bool:
    """Is the person at text[start:end] one the honoured helped: the owner of a lost thing (chiếc ví do
    anh X (trú …) đánh rơi), one given back what was lost (trả lại cho chị X), one rescued (cứu em X)?
    Then they are mentioned, not honoured."""
    p = patterns()
    return bool(
        p.helped_before.search(text, max(0, start - 40), start)
        or p.helped_after.match(text, end)
        or p.helped_after.match(text, last_joined(text, end))  # A và B (9 tuổi) không may bị …: both
        or given_back(text, start)
    )


def acts(text: str, end: int) -> bool:
    """Does the sentence go on, right after the name, with an official's verb (đồng chí X phát biểu
    chỉ đạo, bà X đã trao chứng nhận, Chủ tịch nước X đã truy tặng …), maybe after the person's
    position and other people doing it with them (ông X - chủ tịch UBND tỉnh A và ông Y - chủ tịch
    UBND tỉnh B cũng truy tặng bằng khen)? Not when the person is given to (X được trao …)."""
    p = patterns()
    for _ in range(4):
        t = p.tail.match(text, end)
        if t and t.group("role"):
            end = t.start("role") + len(VERB.split(t.group("role"))[0].rstrip())
        verb = p.strong_speech.match(text, end)
        if verb:
            return not p.given.search(verb.group("before")) and not own_badge(text, verb.end())
        more = p.coordinated.match(text, end)  # … và ông Y - …: the verb may follow the last of them
        if not more:
            return False
        end = name_end(text, more.start("name"), more.end("name"), p) or more.end("name")
    return False
