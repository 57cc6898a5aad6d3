"""Chinese people and where they stand: bylines, unit+position+name, name(annotations), 、-lists,
name grids, 授予X等N名, X是…position, …的X; then every other mention the name finder sees."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.lexicon import Lexicon
from extract.names_zh import ChineseNameFinder
from extract.people_zh_frames import frames

HAN = "\u4e00-\u9fff"


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
        self._unit_after = re.compile(".{2,4}?(?:" + "|".join(map(re.escape, units)) + ")")
        self._role_end = re.compile("(?:" + lex.role_re.pattern + ")$")
        # characters a Chinese name can start with: a cheap test before the finder's scoring
        self._first = frozenset(names.tables.surname) | {c[0] for c in names.tables.compound}

    def find(self, text: str, thorough: bool = True) -> list[ZhPerson]:
        """People in the text. `thorough` adds every name the general finder sees; without it (pages
        that are not commendations) only names in cued places count: after positions, in bylines,
        lists, grids and annotations."""
        people: dict[str, ZhPerson] = {}

        def add(start: int, end: int, how: str, role: str | None = None, org: str | None = None) -> ZhPerson:
            key = "".join(text[start:end].split())
            person = people.setdefault(key, ZhPerson(text[start:end]))
            if (start, end) not in person.spans:
                person.spans.append((start, end))
            person.how.add(how)
            if role and not person.role:
                person.role, person.org = role, org
            return person

        self._bylines(text, add)
        self._after_positions(text, add)
        self._lists_and_grids(text, add)
        for pattern, how in ((self.f.conferred, "conferred"), (self.f.of, "found")):
            for m in pattern.finditer(text):
                self._name_in(text, m.start(1), m.end(1), how, add)
        for m in self.f.profile.finditer(text):
            s, e = m.span("name")
            role, org = self._position_phrase(m.group("rest"))
            if (role or m.group("sex") or m.group("eth")) and self._cued_name(text, s, e):
                person = add(s, e, "profile", role, org)
                self._note(person, " ".join(filter(None, (m.group("ann"), m.group("sex"), m.group("eth")))))
        for m in self.f.is_.finditer(text):
            end = self.names.name_at(text, m.start(1))
            if end == m.end(1):
                role, org = self._position_phrase(m.group(2))
                if role:
                    add(m.start(1), end, "role", role, org)
        for m in self.f.annotation.finditer(text):
            self._annotate(text, m, people, add)
        for start, end in self.names.find(text) if thorough else ():
            known = "".join(text[start:end].split()) in people or self._inside(people, start, end)
            if known or not self._inside_unit(text, start):
                add(start, end, "found")
        for person in people.values():  # every mention of a known name, for relations
            at = text.find(person.name)
            while at >= 0:
                span = (at, at + len(person.name))
                if span not in person.spans and not self._inside(people, *span, other_than=person):
                    person.spans.append(span)
                at = text.find(person.name, at + 1)
            person.spans.sort()
        return [p for p in people.values() if not self._inside_unit(text, p.spans[0][0]) or p.how - {"found"}]

    # --- patterns --------------------------------------------------------------------------------

    def _bylines(self, text: str, add) -> None:
        """Names in `(通讯员 许雅兰 彭红霞)`, `(记者 林 静 通讯员 黄小明)`, `编辑:时金`; a two-character
        name padded to three (`林 静`) is one name."""
        chunks = [(m.start(1), m.group(1)) for m in self.f.byline.finditer(text)]
        chunks += [(m.start(1), m.group(1)) for m in self.f.byline_line.finditer(text)]
        for offset, chunk in chunks:
            blanked = self.f.byline_word.sub(lambda r: " " * len(r.group(0)), chunk)
            tokens = [
                (offset + m.start(), offset + m.end()) for m in re.finditer(r"[^\s、，,：:；;]+", blanked)
            ]
            i = 0
            while i < len(tokens):
                s, e = tokens[i]
                if (
                    e - s == 1
                    and i + 1 < len(tokens)
                    and tokens[i + 1][1] - tokens[i + 1][0] == 1
                    and tokens[i + 1][0] - e == 1
                ):
                    e = tokens[i + 1][1]  # 林 静
                    i += 1
                if self._cued_name(text, s, e):
                    add(s, e, "byline")
                i += 1

    def _after_positions(self, text: str, add) -> None:
        for m in self.lex.role_re.finditer(text):
            at = m.end() + (text[m.end() : m.end() + 1] in (":", "："))  # 项目负责人:褚建伟
            end = self.names.name_at(text, at) if at < len(text) else None
            if end is None:
                continue
            start = self._phrase_start(text, m.start())
            role, org = self._position_phrase(text[start : m.end()])
            add(at, end, "role", role, org)

    def _phrase_start(self, text: str, at: int) -> int:
        """Start of the unit+position phrase ending at `at`; 、 joins positions (区委常委、宣传部部长)."""
        i = at
        while i > 0 and at - i < 60:
            c = text[i - 1]
            if c == "、" and self._ends_with_role(text, i - 1):
                i -= 1
                continue
            if c in self.f.boundary:
                break
            i -= 1
        return i

    def _ends_with_role(self, text: str, at: int) -> bool:
        return self._role_end.search(text, max(0, at - 8), at) is not None

    def _position_phrase(self, phrase: str) -> tuple[str | None, str | None]:
        """(position, organisation) of `鼓楼街道桃源社区党委书记` -> (党委书记, 鼓楼街道桃源社区);
        chained positions keep all their position parts: (常委、宣传部部长, 盘龙区委)."""
        roles, org = [], None
        for segment in phrase.split("、"):
            last_role = None
            for m in self.lex.role_re.finditer(segment):
                last_role = m
            if last_role is None or last_role.end() != len(segment):
                if segment.strip():
                    return None, None
                continue
            ends = [i + len(u) for u in self.lex.units if (i := segment.rfind(u, 0, last_role.start())) >= 0]
            cut = max(ends, default=0)
            roles.append(segment[cut:])
            org = org or (segment[:cut] or None)
        if (
            org and self.f.title_unit.fullmatch(org) and len(roles) == 1
        ):  # 县委书记, 团市委书记: the title names the body
            roles, org = [org + roles[0]], None
        return ("、".join(roles) or None), org

    def _lists_and_grids(self, text: str, add) -> None:
        for clause in self.f.list_clause.finditer(text):
            items = list(self.f.item.finditer(clause.group(0)))
            if len(items) < 2:
                continue
            bounds = []
            for i, item in enumerate(items):
                s, e = clause.start() + item.start(), clause.start() + item.end()
                if i == len(items) - 1:
                    e = s + len(self.f.list_end.split(text[s:e], maxsplit=1)[0])
                e = s + len(self.f.paren.split(text[s:e], maxsplit=1)[0])  # 龙建新(苗族)
                bounds.append((s, e))
            found = [self._name_in(text, s, e, "list", add, last_chars=True) for s, e in bounds]
            if any(found):  # 胡桂兰、易长青: a list with one name is a list of names
                for (s, e), ok in zip(bounds, found, strict=True):
                    if not ok and self._cued_name(text, s, e):
                        add(s, e, "list")
        for line in self.f.line.finditer(text):
            cells = line.group(0).split()
            if not cells:
                continue
            first = self.f.grid_line.match(line.group(0))
            if first:
                s, e = line.start() + first.start("name"), line.start() + first.end("name")
                if self._cued_name(text, s, e):
                    role, org = self._position_phrase(first.group("rest").split()[-1])
                    add(s, e, "grid", role, org)
            if len(cells) >= 3 and all(2 <= len(c) <= 4 for c in cells):
                spans = [
                    (line.start() + m.start(), line.start() + m.end())
                    for m in re.finditer(r"\S+", line.group(0))
                ]
                if sum(self.names.is_name(text[a:b]) for a, b in spans) * 2 > len(spans):
                    for a, b in spans:
                        if self._cued_name(text, a, b):
                            add(a, b, "grid")

    def _name_in(self, text: str, start: int, end: int, how: str, add, last_chars: bool = False) -> bool:
        """A name filling text[start:end] exactly, or (list items) ending it: 授予王某 -> 王某."""
        starts = [start] if not last_chars else [start, *range(max(start, end - 4), end - 1)]
        for s in starts:
            if text[s] not in self._first:
                continue
            cand = text[s:end]
            ok_start = (
                s == start
                or text[s - 1] in self.f.boundary
                or self._ends_with_role(text, s)
                or not last_chars
            )
            ok_start = (
                ok_start or self.f.award_before.search(text, max(0, s - 3), s) is not None
            )  # 授予|张秀英
            if (
                2 <= len(cand) <= 4
                and ok_start
                and self.names.is_name(cand)
                and self.names.name_at(text, s) == end
            ):
                add(s, end, how)
                return True
        return False

    def _annotate(self, text: str, m: re.Match, people: dict[str, ZhPerson], add) -> None:
        for size in (3, 2, 4):  # a name already found just before it (授予张秀英(女)、…)
            if text[max(0, m.start() - size) : m.start()] in people:
                self._note(add(m.start() - size, m.start(), "annotation"), m.group(1))
                return
        for size in (3, 2, 4):
            s = m.start() - size
            if (
                s >= 0
                and (s == 0 or text[s - 1] in self.f.boundary or self._ends_with_role(text, s))
                and self._cued_name(text, s, m.start())
            ):
                self._note(add(s, m.start(), "annotation"), m.group(1))
                return

    @staticmethod
    def _note(person: ZhPerson, annotation: str) -> None:
        """Gender and ethnicity from `女`, `男，汉族`, `女，蒙古族` (first seen wins)."""
        if not person.gender and ("女" in annotation or "男" in annotation):
            person.gender = "F" if "女" in annotation else "M"
        eth = re.search(rf"[{HAN}]{{1,4}}族", annotation)
        if eth and not person.ethnicity:
            person.ethnicity = eth.group(0)

    # --- checks ------------------------------------------------------------------------------------

    def _cued_name(self, text: str, start: int, end: int) -> bool:
        """Does a name fill text[start:end], in a slot the layout already marks as a name (byline,
        grid cell, list item, annotation)? There the shape is enough: a surname, then one or two
        given characters that are not function words (易长青, 于海洋, 何家军 — whose given names are
        also words — pass; 宣传部 does not)."""
        name = "".join(text[start:end].split())
        if not name or name[0] not in self._first or (" " in text[start:end] and end - start != 3):
            return False
        return self._slot_name(name) or self.names.name_at(text, start) == end or self.names.is_name(name)

    def _slot_name(self, name: str) -> bool:
        f = self.names.tables
        if not 2 <= len(name) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in name):
            return False
        given = name[2:] if name[:2] in f.compound else name[1:] if name[0] in f.surname else None
        if not given or len(given) > 2 or any(c in f.function for c in given):
            return False
        return not (self.names.is_word(name) and len(name) == 2 and not self.names.is_name(name))

    def _inside_unit(self, text: str, start: int) -> bool:
        """Is this position inside an organisation or place name (金瓦路消防救援站, 刘家林村)?"""
        return self._unit_after.match(text, start, start + 8) is not None

    @staticmethod
    def _inside(
        people: dict[str, ZhPerson], start: int, end: int, other_than: ZhPerson | None = None
    ) -> bool:
        """Is text[start:end] part of a longer name already found (王芳 inside 王芳芳)?"""
        for p in people.values():
            if p is not other_than and len(p.name) > end - start:
                for s, e in p.spans:
                    if s <= start and end <= e:
                        return True
        return False
