"""The article around the Chinese and Vietnamese people found: its clauses and sentences, its honours,
and the cue words near a name that say what part the person plays. Split from people.py (its size)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from extract.commendation import not_a_commendation
from extract.lexicon import Lexicon
from extract.people_rel_cues import GIVEN_TO
from extract.text import Mention, sentence_of

_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
_UP_TO_LAST_MARK = re.compile(r".*[，,；;：:。！？!?\n]", re.S)  # greedy: it ends right after the last mark
_CEREMONY = re.compile("礼|典礼|大会|仪式|晚会")
_WINNERS = ("得主", "得奖者", "获奖者", "获得者")
_NEXT_AWARD = re.compile(r"[也亦还更并又]?(?:同时|再次|先后)?")  # ，也获得…: the award's adverbs


@dataclass(frozen=True)
class Context:
    text: str
    sentences: list[tuple[int, int]]
    commendation: bool
    honours: list[Mention]
    lex: Lexicon
    title: str = ""

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around text[start:end]: between the nearest ，；：。 on either side."""
        before = _UP_TO_LAST_MARK.match(self.text, max(0, start - 80), start)  # one match, not one a mark
        s = before.end() if before else max(0, start - 80)
        m = _CLAUSE.search(self.text, end)
        return s, m.start() if m else len(self.text)

    def honour_in(self, start: int, end: int) -> Mention | None:
        """An honour named in the same clause as the person, when that clause also awards it; or in
        the next clause when the name closes its clause and the next opens with the award (副处长林玉彩，
        也获得…孝行楷模: the name is the subject of the award)."""
        s, e = self.clause(start, end)
        if e == end and self.text[e : e + 1] in "，,":
            m = _NEXT_AWARD.match(self.text, e + 1)
            if m and self.lex.cue_re["award"].match(self.text, m.end()):
                e = self.clause(e + 1, e + 1)[1]
        # X、Y等优秀共产党员 lists honourees only on a commendation (not 李大钊等… in a commentary)
        listed = self.commendation and self._listed_with_honour(s, e)
        winner = any(s <= h.start < e and self.text.startswith(_WINNERS, h.end) for h in self.honours)
        if not self.lex.cue_re["award"].search(self.text, s, e) and not listed and not winner:
            return None  # (徐某也是师铎奖得主: the honour's winner word awards it too)
        inside = [h for h in self.honours if s <= h.start < e]
        return inside[0] if inside else None

    def won_before(self, start: int, end: int) -> bool:
        """Does the person's clause tell of an honour won in the past (陈少棠…曾于二零零三年…而获「好市民奖」),
        with nothing awarded in the rest of the sentence (…，此次又荣获…)?"""
        s, e = self.clause(start, end)
        past = self.lex.cue_re["past_award"].search(self.text, s, e)
        if not past or not self.lex.cue_re["award"].search(self.text, past.start(), e):  # 曾获 itself
            return False
        return not self.lex.cue_re["award"].search(self.text, e, sentence_of(self.sentences, start)[1])

    def titled_after(self, start: int, end: int) -> bool:
        """Is the name followed by a leader's title (聆听李克强总理的报告, 王局长)? Said of officials."""
        m = self.lex.role_re.match(self.text, end)
        return bool(m and self.lex.roles[m.group(0)] == "leader")

    def _listed_with_honour(self, s: int, e: int) -> bool:
        return any(s <= h.start < e for h in self.honours) and "等" in self.text[s:e]

    def cue(self, kind: str, start: int, end: int, at: int | None = None) -> bool:
        """A cue word in text[start:end]; a presenter's word after 获 is the receiver's (与获颁奖状的
        李桂华…合照, 获颁发证书: 颁奖, 颁发 are no speech there), and 颁奖 before 礼, 典礼, 大会 names the
        ceremony: before the person at `at` it is the setting, not their act (另一场颁奖礼上,主任X也是…
        得主); after them it still places them at it (X…出席颁奖典礼)."""
        for m in self.lex.cue_re[kind].finditer(self.text, start, end):
            if kind != "speech" or not (
                self.text[m.start() - 1 : m.start()] == "获"
                or (
                    at is not None
                    and m.end() <= at
                    and m.group(0) == "颁奖"
                    and _CEREMONY.match(self.text, m.end())
                )
            ):
                return True
        return False

    def cue_near(self, kind: str, start: int, end: int, before: int = 20, after: int = 40) -> bool:
        s, e = sentence_of(self.sentences, start)
        return bool(self.lex.cue_re[kind].search(self.text, max(s, start - before), min(e, end + after)))

    def cue_in_clause(self, kind: str, start: int, end: int) -> bool:
        """A cue in the person's own clause (与同科室护士毛瑞镜共同前往 — not the clause after)."""
        s, e = self.clause(start, end)
        return self.cue(kind, s, e)

    def speaks_after(self, start: int, end: int, kind: str = "speech") -> bool:
        """Does the person's clause go on with a speech verb (甄子丹则肯定, 阮苏少湄表示), the clause not
        making them the one given to (为邹婉婷颁发…)? Chinese only."""
        if not "\u4e00" <= self.text[start] <= "\u9fff":
            return False  # a Vietnamese clause runs on past its full stop (. is no clause end here)
        s, e = self.clause(start, end)
        return not GIVEN_TO.search(self.text, s, start) and self.cue(kind, end, e)

    def acts_later(self, start: int, end: int) -> bool:
        """Does a leader's sentence go on, after the name, to a leader's act (市长周佳琪感恩…, 市委书记X，
        市长Y…等亲切看望劳模代表), the clause not making them the one given to (为X颁奖)? Chinese only."""
        if not "\u4e00" <= self.text[start] <= "\u9fff":
            return False
        if GIVEN_TO.search(self.text, self.clause(start, end)[0], start):
            return False
        return bool(
            self.lex.cue_re["leader_act"].search(self.text, end, sentence_of(self.sentences, start)[1])
        )

    def cue_in_rest_of_sentence(self, kind: str, start: int, end: int) -> bool:
        """A cue after the person in the same sentence, or just before (袁庆华,…参加会议; 普佳表示)."""
        s, e = sentence_of(self.sentences, start)
        return self.cue(kind, max(s, start - 30), e, start)

    @cached_property
    def explains(self) -> bool:
        """A page that talks of honours only to explain them: an obituary, a portrait of past honourees (a
        call's past winners stay honourees)."""
        return not self.commendation and not_a_commendation(self.title, self.text) in ("explainer", "visit")

    @cached_property
    def main_honour(self) -> str | None:
        people = [h.text for h in self.honours if self.lex.honour_kind(h.text) in ("person", "prize")]
        return people[0] if people else (self.honours[0].text if self.honours else None)
