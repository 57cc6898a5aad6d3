"""People records: who each person found is to the article (honouree, official, author, mentioned)."""

from __future__ import annotations

import re

from extract.event_places import place_zh
from extract.people_context import Context
from extract.people_rel_cues import (
    attends_after,
    attends_in_roll,
    donates,
    guest_listed,
    in_work_title,
    judges,
    leader_praises,
    listed_after,
    past_example,
    presents,
    pronoun_gender,
    ranked,
    received_for,
    relative_before,
    visited,
)
from extract.people_zh import ZhPerson
from extract.people_zh_heirs import list_heirs
from extract.people_zh_marks import kin_gender, late, namesake, not_selected, retires
from extract.records import Person
from extract.text import Mention, sentence_of

_AS_DELEGATE = re.compile(r"(?:同志)?作为[^，,；;。\n]{2,30}?代表")
_AS_COLLECTIVE = re.compile(  # 学校党委书记X作为受表彰的先进集体标兵上台领奖: the unit's delegate
    r"(?:同志)?作为[^，,；;。\n]{0,20}?(?:集体|单位|组织)[^，,；;。\n]{0,6}?(?:上台)?(?:领奖|受奖)"
)
_ACCEPTS_FOR = re.compile(  # 区长X、张区长Y代表领奖, 由副局长X代为领奖: they accept for their unit
    r"(?:、[^、，,。；;\n]{2,8})*(?:代表|代为)[^，,。；;\n]{0,10}?(?:领奖|受奖|领取)"
)
_PUPILS = ("学生", "学童", "孩子")
_RECEIVED = frozenset("获受荣领接")  # 获颁授, 受勉励: the act is received
_PLACE_ENVOY = ("市代表", "省代表", "县代表", "区代表")  # 承办…的天津市代表: a host city's envoy
_HANDED = re.compile("颁|奖|授予|表彰|获")  # 为中学生冼某颁发特别奖: a pupil honoured after all
_NO_HEIR = frozenset(  # a guest, a presenter, a relative listed next to an honouree: not honoured with them
    {"attending", "guest", "family", "contact", "retiring", "helped", "example", "representative", "witness"}
    | {"unselected"}
)


def decide_relation(
    spans, how: set[str], leader: bool, ctx: Context, named: bool, prize_winners: bool, name: str
) -> str:
    relation = _relation_of(spans, how, leader, ctx, named, prize_winners, name)
    if relation == "honouree" and ctx.explains and not how & {"grid", "list"}:
        return "mentioned"  # 申纪兰…三次被评为全国劳动模范 in her obituary: honoured before, not by this page
    return relation


def _relation_of(
    spans, how: set[str], leader: bool, ctx: Context, named: bool, prize_winners: bool, name: str
) -> str:
    if "byline" in how or "signature" in how:
        return "author"
    if how & {"doctrine", "contact", "namesake", "helped", "family", "example", "retiring", "unselected"}:
        return "mentioned"  # 以X同志为核心的党中央; 雷昌根家庭: the family is honoured, not its head
    if "attending" in how:
        return "official"  # 出席会议的县领导还有X、Y
    if name in ctx.lex.figures and not how & {"grid", "list", "conferred"}:
        if leader and any(
            ctx.cue_in_rest_of_sentence("speech", s, e) or ctx.acts_later(s, e) for s, e in spans
        ):
            return "official"  # 国家主席习近平…签署主席令, …习近平…亲切会见: the leader acts at the award
        return "mentioned"  # 对雷锋的敬仰 in the portrait of a “中国雷锋”: a figure, not the honouree
    if not how & {"grid", "list", "conferred"} and all(ctx.won_before(s, e) for s, e in spans):
        return "mentioned"  # 嘉宾陈少棠曾于二零零三年…而获「好市民奖」: honoured another year
    if named and ("conferred" in how or any(_receives(s, e, ctx) for s, e in spans)):
        return "honouree"  # 授予何文静等2名同志…, 前总统X博士今年获颁…勋章: honoured, whatever they say later
    if leader and any(ctx.cue_in_clause("speech", s, e) for s, e in spans):
        return "official"  # 县委常委、组织部部长邵建平宣读了《…表彰…决定》
    if named:
        return "honouree"
    if not how & {"grid", "list", "conferred"} and all(ctx.speaks_after(s, e) for s, e in spans):
        return "official"  # 另一主礼嘉宾,国际影星甄子丹则肯定…: no honour of their own, every clause speaks
    if leader and any(ctx.cue_in_rest_of_sentence("speech", s, e) for s, e in spans):
        return "official"
    if (leader and not how & {"grid", "conferred"}) and (
        ("guest" in how and not any(ctx.cue_in_clause("mention", s, e) for s, e in spans))
        or any(ctx.acts_later(s, e) for s, e in spans)
    ):
        return "official"  # 市长周佳琪感恩每一位母亲, 议长X、乡长Y…等贵宾与会 (not 到场观礼): at the ceremony
    if leader and ctx.commendation and "witness" in how:
        return "official"  # 侯营村党总支书记X说，…评选活动…: the leader who held the awards speaks of them
    if not how & {"grid", "list", "conferred"} and all(ctx.titled_after(s, e) for s, e in spans):
        return "mentioned"  # 聆听李克强总理的报告: a leader with his title after the name
    if (
        not ctx.commendation
        or "guest" in how  # 议员X、乡长Y也到场恭贺, 理事长X到场观礼: guests of the ceremony
        or name in ctx.lex.figures
        or prize_winners
        or how & {"representative", "witness"}
    ):
        return "mentioned"
    if any(ctx.cue_in_clause("mention", s, e) for s, e in spans):
        return "mentioned"
    return "honouree"


_GETS = re.compile(  # X博士今年获颁…: a title and adverbs of time only between the name and the verb
    "(?:博士|教授|先生|女士|同志|院士)?(?:今年|去年|日前|近日|昨日|昨天|也|亦|又|再次|再度|同时)*"
    "(?:荣获|荣膺|获颁|获授|获得|获(?![奖得]))"
)


def _receives(start: int, end: int, ctx: Context) -> bool:
    """Does the person's own clause go on, right after the name, to receive (前总统X博士今年获颁…)? Asked
    of a person already named with an honour, whose title the tables may not know (淡马锡勋章)."""
    m = _GETS.match(ctx.text, end)
    return bool(m) and m.end() <= ctx.clause(start, end)[1]


def honours_by_person(spans, how: set[str], ctx: Context) -> Mention | None:
    for s, e in spans:
        found = ctx.honour_in(s, e)
        if found:
            return found
    return None


def people_zh(found: list[ZhPerson], ctx: Context) -> list[Person]:
    named = {p.name: honours_by_person(p.spans, p.how, ctx) for p in found}
    mentions = [(s, e, p.name) for p in found for s, e in p.spans]
    heirs = {} if ctx.explains else list_heirs(mentions, named, ctx)
    prizes = {n for n, h in named.items() if h and ctx.lex.honour_kind(h.text) == "prize"}
    rank_winners = {  # 李建政获得第一名: contest winners, though 第一名 is in no honour table
        p.name
        for p in found
        if ctx.commendation and not named[p.name] and any(ranked(s, e, ctx) for s, e in p.spans)
    }
    if prizes:  # a page that already names prizes: its rank winners join the prize winners
        prizes |= rank_winners  # (alone, ranks must not turn a page's other honourees into bystanders)
    out = []
    starts = sorted(s for p in found for s, _ in p.spans)  # every mention, for the pronouns after one
    ends = {e for p in found for _, e in p.spans}  # …, for the owners of 的女儿
    leaders: set[tuple[int, int]] = set()  # the spans of leaders, for the names listed after them
    for p in sorted(found, key=lambda p: p.spans[0]):
        if p.how <= {"found", "list"} and all(_in_title(s, e, ctx) for s, e in p.spans):
            continue  # 获颁金紫荆星章: 金紫荆 reads like a name, inside an honour's title
        if p.how <= {"found"} and all(in_work_title(s, e, ctx.text) for s, e in p.spans):
            continue  # 《清风苗寨和美古丈》, “清风廉韵”: 苗寨, 廉韵 read like names, inside a title
        role_words = _role_words(p.role, ctx.lex.roles)
        leader = any(ctx.lex.roles[r] == "leader" for r in role_words) and not _delegate(p.role)
        leader = leader or (not p.role and any(listed_after(s, leaders, ctx.text) for s, _ in p.spans))
        if leader:
            leaders.update(p.spans)
            if named[p.name] and _hands_over(p, ctx):
                named[p.name] = None  # 议长X及立委Y都恭喜…模范母亲代表: the honour is given by them
        if "conferred" not in p.how and any(
            presents(s, e, ctx.text)
            or (leader and leader_praises(s, e, ctx.text))
            or guest_listed(s, ctx.text)
            or visited(s, ctx.text)
            for s, e in p.spans
        ):
            p.how.add("attending")  # 夏伟根书记为二等奖获得者邢福生颁发获奖证书: the presenter
        if (
            not named[p.name]
            and not p.how & {"conferred", "grid"}
            and any(attends_after(s, e, ctx) or attends_in_roll(s, e, ctx) for s, e in p.spans)
        ):
            p.how.add("guest")  # 议员X、…、乡长Y也到场恭贺得奖社区: guests
        if (
            not named[p.name]
            and not p.how & {"conferred", "grid"}
            and any(judges(s, e, ctx) for s, e in p.spans)
        ):
            p.how.add("guest")  # 老师X、Y、Z…共同担任评委: the jury
        if (
            not named[p.name]
            and not p.how & {"conferred", "grid", "list"}
            and all(donates(s, e, ctx) for s, e in p.spans)
        ):
            p.how.add("guest")  # 理事长X偕同儿子Y捐赠复康巴士: a donor at the ceremony
        if (
            any(ctx.lex.roles[r] == "mention" for r in role_words)
            and not _after_honour(p, ctx)
            and not any(received_for(s, ctx.text) for s, _ in p.spans)
        ):
            p.how.add("contact")  # 联系人：贝文静 (not 模范母亲邱某: the honour's 母亲 is no relative)
        if not named[p.name] and not p.how & {"grid"} and all(retires(s, e, ctx) for s, e in p.spans):
            p.how.add("retiring")  # X、Y等8人届龄荣退: retiring, thanked with a certificate, not honoured
            p.how.discard("conferred")
        if (
            not named[p.name]
            and not p.how & {"conferred", "grid", "list"}
            and any(not_selected(s, e, ctx) for s, e in p.spans)
        ):
            p.how.add("unselected")  # 村民刘某说：“…今年我没选上…”: not honoured
        if not p.how & {"conferred", "grid", "list"} and namesake(p.spans, ctx):
            p.how.add("namesake")  # 李某式模范班组: the title's namesake, not honoured by it
        if (
            not named[p.name]
            and not p.how & {"conferred", "grid"}
            and any(relative_before(s, ctx.text, ends) for s, _ in p.spans)
        ):
            p.how.add("family")  # 黄县长的大儿子黄思豪, 她的女儿曾艳: a relative at the ceremony
        heir = heirs.get(p.name) if not leader and not p.how & _NO_HEIR and not named[p.name] else None
        honoured = (
            bool(named[p.name] or heir)
            or p.name in rank_winners
            or ("grid" in p.how and ctx.commendation)
            or ("conferred" in p.how and ctx.commendation)
        )
        if (
            not honoured
            and (p.role or "").endswith(_PUPILS)
            and not p.how & {"list", "grid", "conferred"}
            and not any(_HANDED.search(ctx.text, *ctx.clause(s, e)) for s, e in p.spans)
        ):
            p.how.add("helped")  # 对自闭症学生尹某语多鼓励: a teacher's pupil, not honoured by the page
        if not p.how & {"conferred", "grid"} and _past_example(p, ctx):
            p.how.add("example")  # 涌现出“全国优秀人民警察”X等…, 全国劳模Y…捐赠: an honour of before
            honoured = False
        if _accepts_for_collective(p, ctx):
            p.how.add("representative")
            honoured = False  # the collective is honoured, not the one who accepts for it
        if _speaks_for_collective(p, ctx):
            p.how.add("representative")
        if (
            not honoured
            and _only_quoted(p, ctx)
            and (leader or any(named.values()))
            and p.name not in ctx.title
        ):
            p.how.add("witness")  # 校长邱永安说：“苗老师…” in a portrait of the honoured teacher
        relation = decide_relation(
            p.spans, p.how, leader, ctx, honoured, bool(prizes) and p.name not in prizes, p.name
        )
        honour = (
            (named[p.name] or heir).text
            if named[p.name] or heir
            else (ctx.main_honour if relation == "honouree" else None)
        )
        out.append(
            Person(
                name=p.name,
                relation=relation,
                span=_best_span(p),
                role=p.role,
                org=p.org,
                place=place_zh(p.org) if p.org else None,
                honour=honour if relation == "honouree" else None,
                gender=p.gender
                or kin_gender(p.role)
                or _womens(named[p.name] or heirs.get(p.name), relation, ctx)
                or pronoun_gender(p.spans, starts, ctx.text),
                ethnicity=p.ethnicity,
                posthumous=relation == "honouree"
                and any(ctx.cue_near("posthumous", s, e, 60, 12) or late(s, e, ctx.text) for s, e in p.spans),
            )
        )
    return out


def _womens(honour: Mention | None, relation: str, ctx: Context) -> str | None:
    """F for the honouree of a title given to women only (三八红旗手, 巾帼建功标兵, 模范母亲): the
    honour the person was named with, not the page's main one (a page of mixed titles)."""
    if relation == "honouree" and honour and ctx.lex.cue_re["women_honour"].search(honour.text):
        return "F"
    return None


def _past_example(p: ZhPerson, ctx: Context) -> bool:
    """Is the person named as an example of an earlier honour (全国劳模X…捐赠) and given none now in
    any other mention (X说:…, said later, awards nothing)?"""
    examples = [past_example(s, e, ctx, sentence_of(ctx.sentences, s)) for s, e in p.spans]
    others = [sp for sp, x in zip(p.spans, examples, strict=True) if not x]
    return any(examples) and not any(ctx.honour_in(s, e) for s, e in others)


def _hands_over(p: ZhPerson, ctx: Context) -> bool:
    """Does every clause naming an honour with the person name it only after a leader's act (恭喜, 颁赠,
    勉励: 饶某及刘某都恭喜各乡镇推选出的模范母亲代表)? Then the person gives it, not receives it."""
    given = [(e, ctx.honour_in(s, e)) for s, e in p.spans]
    return all(e <= h.start and _acts(ctx, e, h.start) for e, h in given if h)


def _acts(ctx: Context, start: int, end: int) -> bool:
    """A leader's act in text[start:end], not one received (获颁授, 受勉励)."""
    return any(
        ctx.text[m.start() - 1 : m.start()] not in _RECEIVED
        for m in ctx.lex.cue_re["leader_act"].finditer(ctx.text, start, end)
    )


def _delegate(role: str | None) -> bool:
    """Is the role a delegate's (劳模代表, 优秀教师代表、…): one of its positions ends in 代表? A body
    named 代表会 or 代表大会 (市民代表会主席) still has a leader at its head, and a place's envoy
    (天津市代表、天津市市长) is no delegate of the honoured."""
    return bool(role) and any(
        part.endswith("代表") and not part.endswith(_PLACE_ENVOY) for part in role.split("、")
    )


def _after_honour(p: ZhPerson, ctx: Context) -> bool:
    """Does an honour's title end right before a mention of the person (模范母亲|邱某)?"""
    return any(h.end == s for h in ctx.honours for s, _ in p.spans)


def _in_title(start: int, end: int, ctx: Context) -> bool:
    return any(h.start <= start and end <= h.end for h in ctx.honours)


def _only_quoted(p: ZhPerson, ctx: Context) -> bool:
    """Is every mention of a person found in running text followed by a speech verb (校长邱永安说)?"""
    if p.how - {"found", "role"}:
        return False
    return all(ctx.lex.cue_re["witness"].match(ctx.text, e) for _, e in p.spans)


def _accepts_for_collective(p: ZhPerson, ctx: Context) -> bool:
    """集团党委书记高敏作为全国先进基层党组织代表接受表彰, 区长X代表领奖: the delegate of an honoured
    collective (or of a unit given an award)."""
    if any(_ACCEPTS_FOR.match(ctx.text, e) or _AS_COLLECTIVE.match(ctx.text, e) for _, e in p.spans):
        return True
    for _, e in p.spans:
        m = _AS_DELEGATE.match(ctx.text, e)
        if m and any(
            m.start() <= h.start < m.end() and ctx.lex.honour_kind(h.text) == "collective"
            for h in ctx.honours
        ):
            return True
    return False


def _speaks_for_collective(p: ZhPerson, ctx: Context) -> bool:
    """“最美奋斗集体”代表、…胡红泉: the representative of an honoured collective is not honoured
    (优秀教师代表、…严志勇, a representative of honoured teachers, is)."""
    if not p.role or not p.role.split("、")[0].endswith("代表"):
        return False
    for s, _ in p.spans:
        before = [h for h in ctx.honours if h.end <= s and s - h.end <= 60]
        if before and ctx.lex.honour_kind(before[-1].text) == "collective":
            return True
    return False


def _best_span(p: ZhPerson) -> tuple[int, int]:
    return p.spans[0]


def _role_words(role: str | None, roles: dict[str, str]) -> list[str]:
    """The position words `role` ends with (副镇长: 镇长, 副镇长): its endings looked up in the table,
    not every position word tried against it."""
    return [role[k:] for k in range(len(role)) if role[k:] in roles] if role else []
