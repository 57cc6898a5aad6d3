"""Chinese people and where they stand: bylines, unit+position+name, name(annotations), 、-lists,
name grids, 授予X等N名, X是…position, …的X; then every other mention the name finder sees."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.lexicon import Lexicon
from extract.names_zh import ChineseNameFinder
from extract.people_zh_checks import NameChecks, link_row
from extract.people_zh_credits import covers_credit
from extract.people_zh_frames import frames
from extract.people_zh_items import (
    after_post,
    inside,
    item_post,
    last_item_end,
    line_owner,
    posts_said_apart,
    start_marked,
    tail_name,
    tail_start,
)
from extract.people_zh_layout import (
    bylines,
    credits_and_attendance,
    family_heads,
    grid_line,
    lead_names,
    names_over_posts,
    table_columns,
)
from extract.people_zh_lines import bracket_signatures, names_before_posts, slash_credits
from extract.people_zh_minority import minority_names, shown
from extract.people_zh_positions import phrase_start, position_phrase, post_cell
from extract.people_zh_profiles import portraits
from extract.people_zh_rows import place_row
from extract.people_zh_slots import (
    after_place,
    after_unit,
    dotted_places,
    extend_end,
    honorific_items,
    inner_tail,
    married_cell,
    note,
    outer_names,
    place_ends,
    place_shaped,
    quoted,
    split_last,
    tibetan,
    title_inside,
    trimmed,
    within,
)

_SLOGAN = re.compile("“[^“”]{0,10}”")  # a short quoted phrase: a campaign's name
_SENTENCE_END = re.compile("[。；\n]|——")  # a profile (韦庆丰,男,…) starts a sentence, or follows a dash
_JOINS = frozenset("和与及同")
_PLACE_TAIL = frozenset("市县区镇乡村")  # 干事：马公|市石泉里: a place after a position, no name
_COUNT_TAIL = re.compile(
    "[一二三四五六七八九十两]+[人名位]"
)  # 李四和王五: one-character words before a name in a list item that join


@dataclass
class ZhPerson:
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    org: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    how: set[str] = field(default_factory=set)  # byline | role | list | grid | conferred | annotation | found


class ChinesePeople:
    def __init__(self, names: ChineseNameFinder, lex: Lexicon):
        self.names = names
        self.lex = lex
        self.f = frames()
        units = sorted(lex.collectives | lex.units, key=len, reverse=True)
        self._unit_after = re.compile("[^、，,。；;：:\\s]{2,4}?(?:" + "|".join(map(re.escape, units)) + ")")
        self.checks = NameChecks(names, lex, self.f)
        self._groups = tuple(lex.collectives | lex.units)  # words that end a group's name (_after_place)
        self._figures = sorted(lex.figures)
        self._units = self.checks.unit_words  # 理化所|阿吉克拜尔•艾萨

    def find(self, text: str, thorough: bool = True) -> list[ZhPerson]:
        """People in the text. `thorough` adds every name the general finder sees; without it (pages
        that are not commendations) only names in cued places count: after positions, in bylines,
        lists, grids and annotations."""
        people: dict[str, ZhPerson] = {}

        def add(start: int, end: int, how: str, role=None, org=None, name: str | None = None) -> ZhPerson:
            if name is None:  # `name`: 沈腾芳 for 沈课员腾芳, a title inside the name's span
                end = extend_end(text, start, end, self.names, self.f, self.checks.slot_name)
                tail = _COUNT_TAIL.search(text, start + 2, end)  # 陈明|四人当选: a count is no part of a name
                end = tail.start() if tail and tail.end() == end else end
                end -= end - start > 2 and inner_tail(text, end)  # 何仲义|荣获, 关宝欣|均获颁
            written = name or text[start:end]  # as written: the span's surface
            person = people.setdefault("".join(shown(written).split()), ZhPerson(written))
            if (start, end) not in person.spans:
                person.spans.append((start, end))
            person.how.add(how)
            if role and not person.role:
                person.role, person.org = role, org
            elif org and not person.role and not person.org:
                person.org = org  # 齐鲁医院的|费剑春: a unit without a post
            return person

        c = self.checks
        bylines(text, add, c)
        bracket_signatures(text, add, c)
        slash_credits(text, add, c)
        orgs = self._after_positions(text, add)
        self._before_positions(text, add)
        self._lists_and_grids(text, add)
        credits_and_attendance(text, add, c)
        table_columns(text, add, c)
        names_over_posts(text, add, c, self._position_phrase)
        names_before_posts(text, add, c, self._position_phrase)
        family_heads(text, add, c, place_ends() | frozenset(self.f.family_head_after))
        for pattern, how in ((self.f.conferred, "conferred"), (self.f.of, "found")):
            for m in pattern.finditer(text):
                s, e = m.span(1)
                if c.name_in(text, s, e) is not None:
                    add(s, e, how)
                elif how == "found" and text[e : e + 1] in "\n \u3000" and self._line_end_name(text, s, e):
                    add(s, e, how)  # 公郎法庭的龙进品⏎: a name closing its line
                elif how == "conferred" and c.slot_name(text[s:e], relaxed=True, words_too=True):
                    add(s, e, how)  # 追授蒙汉等2名同志: 蒙汉 is also a word
        if thorough:
            lead_names(text, add, c)
        starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        for m in filter(None, (self.f.profile.match(text, at) for at in starts)):
            s, e = m.span("name")
            role, org = self._position_phrase(m.group("rest"))
            if (role or m.group("sex") or m.group("eth")) and c.cued_name(text, s, e):
                person = add(s, e, "profile", role, org)
                note(person, " ".join(filter(None, (m.group("ann"), m.group("sex"), m.group("eth")))))
        for m in self.f.is_.finditer(text):
            end = self.names.name_at(text, m.start(1))  # or a rarer surname (宾某是…小学校长)
            if end == m.end(1) or (end is None and c.plain_slot(m.group(1))):
                end, (role, org) = m.end(1), self._position_phrase(m.group(2))
                if role:
                    add(m.start(1), end, "role", role, org)
        for m in self.f.annotation.finditer(text):
            self._annotate(text, m, people, add)
        for figure in self._figures:  # 习近平, 雷锋: people, but not in a slogan (“学雷锋”, 雷锋精神)
            at = text.find(figure)
            while at >= 0:
                if not self._in_slogan(text, at, at + len(figure)):
                    add(at, at + len(figure), "found")
                    break
                at = text.find(figure, at + len(figure))
        minority_names(text, add, c, self._units)
        honorific_items(text, add, c.slot_name)
        portraits(text, add, c, thorough)
        for m in tibetan().finditer(text) if thorough else ():
            add(*m.span(), "found")
        for start, end in self.names.find(text) if thorough else ():
            start = after_unit(text, start) if end - start > 3 else start
            known = "".join(text[start:end].split()) in people or inside(people, start, end)
            if (known or not self._inside_unit(text, start)) and not covers_credit(people, start, end):
                add(start, end, "found")
        for person in people.values():  # every mention of a known name, for relations
            at = text.find(person.name)
            while at >= 0:
                span = (at, at + len(person.name))
                if span not in person.spans and not inside(people, *span, other_than=person):
                    person.spans.append(span)
                at = text.find(person.name, at + 1)
            person.spans.sort()
            first = text[slice(*person.spans[0])]
            if first != person.name and shown(first) == shown(person.name):
                person.name = first  # 沙吾尔•芒力克 then 沙吾尔·芒力克: spelt as first written
            sexes = {k for k, sex in self.f.sex_after.items() for _, e in person.spans if sex.match(text, e)}
            if not person.gender and len(sexes) == 1:
                person.gender = sexes.pop()  # 邱芳玉小姐, 陈明先生
        posts_said_apart(text, people, self.lex, self.names, self.f)  # 金某、杨某等多位科主任, 张院长
        for p in people.values():  # 市长周安|有代表: the position of a name cut short goes to the whole name
            for q in people.values():
                cut = p.role and not q.role and q.name.startswith(p.name) and len(q.name) > len(p.name)
                if cut and any(qs == ps for qs, _ in q.spans for ps, _ in p.spans):
                    q.role, q.org = p.role, p.org
        kept = {  # a longer reading the checks drop (陈秀丽志|工) hides no name inside it
            k
            for k, p in people.items()
            if (
                p.how - {"found"}
                or not (
                    self._inside_unit(text, p.spans[0][0])
                    or place_shaped(text, p.spans, self.lex.role_re)
                    or quoted(text, p.spans)
                    or self.checks.no_name(text, p.name, p.spans)
                    or within(p.spans, orgs)
                    or link_row(text, p.spans)
                )
            )
            and not (p.name in self.lex.figures and all(self._in_slogan(text, *span) for span in p.spans))
            and not dotted_places(p.name)
            and not self.checks.dropped(text, p.name, p.spans, p.how)
        }
        return outer_names({k: p for k, p in people.items() if k in kept})

    # --- patterns --------------------------------------------------------------------------------

    def _after_positions(self, text: str, add) -> list[tuple[int, int]]:
        """Names after a position; returns the spans of the units named before those positions."""
        orgs = []
        units = self.lex.units | self.lex.collectives
        for m in self.lex.role_re.finditer(text):
            given = title_inside(text, m.start(), m.end(), units, self.names, self.checks)
            if given:  # 民政局沈|课员|腾芳: no name after the title; the whole name where it is written
                name = text[m.start() - 1] + text[m.end() : given]  # also written whole (民政局副局长吴明熙)?
                at, end = (w, w + len(name)) if (w := text.find(name)) >= 0 else (m.start() - 1, given)
                add(at, end, "role", m.group(0), None, name=name)
                orgs.append((m.start() - 1, given))  # and 明熙 alone is no name there
                continue
            at = m.end() + (text[m.end() : m.end() + 1] in (":", "：", "﹕"))  # 项目负责人:褚建伟, 护理长﹕X
            if text[at : at + 1] in "和与及" and not self.checks.weak_named(text, at):
                continue  # 执行董事|和新加坡…: a conjunction after the post, no surname (but 区委书记|和文全,)
            end = self.names.name_at(text, at) if at < len(text) else None
            if end is not None and self.names.context.word_after(text, end - 1, end):
                end = self.checks.glued_tail(text, at, end)  # 扎根基|层 cuts a word; 荆彩|来说 is said again
            if end is not None and end - at < 4 and self.names.is_word(text[at : at + 4]):
                end = None  # 劳模代表齐聚一堂: the "name" opens a four-character phrase
            end = end or self.checks.delimited_name(text, at) or self._figure_at(text, at)
            end = end or (at + 3 if self.checks.weak_named(text, at) else None)
            if self.lex.roles.get(m.group(0)) != "member":  # 鼓励学生|敦品励学、: no name after 学生
                end = end or self.checks.bare_name(text, at)
            if end is None or self.f.aide.match(text, end) or text[end : end + 1] in _PLACE_TAIL:
                continue  # 副议长房绍棠|秘书: the secretary attends; 干事：马公|市: a place, no name
            start = phrase_start(text, m.start(), self.checks)
            role, org = self._position_phrase(text[start : m.end()])
            add(at, end, "role", role, org)
            if org:
                orgs.append((start, start + len(org)))
        return orgs

    def _figure_at(self, text: str, at: int) -> int | None:
        """A public figure right after a position (中央军委主席习近平): the end of the name."""
        return next((at + len(f) for f in self.lex.figures if text.startswith(f, at)), None)

    def _before_positions(self, text: str, add) -> None:
        """A name between its unit and its position (民防大队蔡双喜大队长、, 警友会王世贤理事长到场): the
        order of Taiwan and Hong Kong papers. The position must close the phrase (、, 及, 到场, 也亲自表扬)."""
        for m in self.lex.role_re.finditer(text):
            after = m.end()
            if (
                after < len(text)
                and text[after] not in self.f.boundary
                and not self.f.after_title.match(text, after)
            ):
                continue
            if self.lex.roles[m.group(0)] == "member":
                continue  # 广大党员, 龙美村村民: a member word after a name-shaped word names a group
            for size in (3, 2):
                s = m.start() - size
                name = text[s : m.start()]
                if (
                    s <= 0
                    or name[0] in self.f.boundary
                    or (
                        self.names.is_word(name) and (size == 2 or not self.names.is_name(name))
                    )  # 常务, 宣传部
                    or any(name.endswith(u) for u in self.lex.units)  # 党支部|书记
                    or not self.checks.slot_name(name)
                ):
                    continue
                unit = any(text.endswith(u, 0, s) for u in self.lex.units | self.lex.collectives)
                unit = unit or text[s - 1] in place_ends()  # 竹安里|陈江南邻长
                if (unit or self.names.is_name(name)) and self.checks.cued_name(text, s, m.start()):
                    add(s, m.start(), "role", m.group(0), None)
                    break

    def _position_phrase(self, phrase: str) -> tuple[str | None, str | None]:
        return position_phrase(phrase, self.lex, self.f)

    def _lists_and_grids(self, text: str, add) -> None:
        for clause in self.f.list_clause.finditer(text):
            if "、" not in clause.group(0):
                continue
            items = list(self.f.item.finditer(clause.group(0)))
            if len(items) < 2:
                continue
            bounds = []
            for i, item in enumerate(items):
                s, e = clause.start() + item.start(), clause.start() + item.end()
                if i == len(items) - 1:
                    e = s + len(self.f.list_end.split(text[s:e], maxsplit=1)[0])
                    e = last_item_end(text, s, e, self.lex, self.names)
                e = s + len(self.f.paren.split(text[s:e], maxsplit=1)[0])  # 龙建新(苗族)
                bounds.append(trimmed(text, s, e))  # 石淑芬 、包绣月: spaces around a separator
            bounds = split_last(text, bounds)
            c = self.checks
            starts = [  # 王雪, 授予|张秀英; 头屋乡|徐胡玉兰: a place may open the item
                c.name_in(text, s, e, last_chars=True) or self._after_place(text, s, e) for s, e in bounds
            ]
            plain = any(x == s for x, (s, _) in zip(starts, bounds, strict=True))
            starts = [  # 对党忠诚 in 信念坚定、对党忠诚: a set phrase after a preposition, no name; but
                # 对孙立新、周海燕等: in a list of names, the first one after its preposition
                None if x is not None and x - s == 1 and text[s] not in _JOINS and not plain else x
                for x, (s, _) in zip(starts, bounds, strict=True)
            ]
            starts = [
                x if x is not None else after_post(text, s, e, self.names, self.checks)
                for x, (s, e) in zip(starts, bounds, strict=True)
            ]
            # 授予何文静、宋立新等: a list right after an awarding verb names the honoured
            first = starts[0] if starts[0] is not None else bounds[0][0]
            how = "conferred" if self.f.award_before.search(text, max(0, first - 3), first) else "list"
            how = "conferred" if self._awarded_after(text, bounds[-1][1]) else how
            for (s, e), start in zip(bounds, starts, strict=True):
                if start is not None:
                    add(start, e, how, *item_post(text, s, start, self.lex, self.f))
            if any(x is not None for x in starts):  # 胡桂兰、易长青: a list with one name is a list of names
                for (s, e), start in zip(bounds, starts, strict=True):
                    if start is not None:
                        continue
                    if self.checks.cued_name(text, s, e, relaxed=True) or (
                        married_cell(text[s:e], self.names, self.checks.slot_name)
                        and not self.names.is_word(text[s + 2 : e])
                    ):  # 林美珠、李林锦委: a married name in a list of names (not 罗燕家庭)
                        add(s, e, "list")
                    elif (
                        e - s > 4
                        and text[e - 5] in self.f.boundary
                        and married_cell(text[e - 4 : e], self.names, self.checks.slot_name)
                    ):
                        add(e - 4, e, "list")  # 推荐的|郭许月娇、陈雪娥: a married name after 的
                    elif e - s > 3 and tail_name(text[e - 3 : e], c, start_marked(text, s, e - 3, c)):
                        add(tail_start(text, e, self.checks), e, "list")  # 守岛民兵王继才、王仕花夫妇
        for line in self.f.line.finditer(text):
            cells = line.group(0).split()
            if not cells or place_row(text, line.start(), line.group(0), add, self.checks):
                continue  # 麦寮乡 麦津村 林某 村长: places, then the name and its post
            first = self.f.grid_line.match(line.group(0))
            if first:
                s, e = line.start() + first.start("name"), line.start() + first.end("name")
                if self.checks.cued_name(text, s, e):
                    role, org = post_cell(first.group("rest").split()[-1], self.lex, self.f)
                    add(s, e, "grid", role, org)
            grid_line(text, line.start(), line.group(0), add, self.checks)

    def _line_end_name(self, text: str, s: int, e: int) -> bool:
        """法庭的龙进品⏎: a surname and a given name closing a line after 的; not a word (道德的阳光⏎)
        nor the last words of an excerpt cut mid-sentence."""
        name = text[s:e]
        return e < len(text.rstrip()) and self.checks.slot_name(name) and not self.names.is_word(name)

    def _awarded_after(self, text: str, end: int) -> bool:
        """Does the list end in 等N人 and an awarding verb (X、Y、Z等26人,荣获…): its items are the
        leads of the honoured, as the one before 等N人 is."""
        lead = self.f.lead_count.match(text, end)
        if not lead:
            return False
        at = lead.end() + (text[lead.end() : lead.end() + 1] in ",，")
        return self.f.award_subject.match(text, at) is not None

    def _after_place(self, text: str, s: int, e: int) -> int | None:
        """头屋乡|徐胡玉兰: the name after the place opening a list item; not a group (社区罗燕家庭)."""
        if text.endswith(self._groups, s, e):
            return None
        return after_place(text, s, e, self.names, self.checks.slot_name)

    def _annotate(self, text: str, m: re.Match, people: dict[str, ZhPerson], add) -> None:
        if owner := line_owner(text, m.start(), people, self.f):  # 邝某 …钢筋工(技师)⏎(女)
            return note(owner, m.group(1))
        for size in (3, 2, 4):  # a name already found just before it (授予张秀英(女)、…)
            if text[max(0, m.start() - size) : m.start()] in people:
                note(add(m.start() - size, m.start(), "annotation"), m.group(1))
                return
        for size in (3, 2, 4):
            s = m.start() - size
            if (
                s >= 0
                and (s == 0 or text[s - 1] in self.f.boundary or self.checks.ends_with_role(text, s))
                and self.checks.cued_name(text, s, m.start())
            ):
                note(add(s, m.start(), "annotation"), m.group(1))
                return

    def _in_slogan(self, text: str, at: int, end: int) -> bool:
        """Is the figure at text[at:end] part of a slogan: quoted (“学雷锋”), 学雷锋, 雷锋精神, 雷锋式?"""
        return bool(
            _SLOGAN.search(text, max(0, at - 6), min(len(text), end + 6))
            or self.f.figure_before.search(text, max(0, at - 2), at)
            or self.f.figure_after.match(text, end)
        )

    # --- checks ------------------------------------------------------------------------------------

    def _inside_unit(self, text: str, start: int) -> bool:
        """Is this position inside an organisation or place name (金瓦路消防救援站, 刘家林村)?"""
        return self._unit_after.match(text, start, start + 8) is not None
