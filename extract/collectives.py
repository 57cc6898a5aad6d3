"""Honoured collectives (issue 11). Chinese: a phrase ending in a unit word (units_zh.tsv: 公司, 卫生院,
村, 车间, 科, 部, 家庭 …) that stands in a 、-list or a grid of units, after an honour's label, in a counted
frame (授予X等N个单位), as the subject of an award verb or the object of a giving one (向X授予), in a
table's name column, as the agency of a winning project, or beside a collective honour; then dropped when
it acts (awards, organises, reports, signs: collective_frames_zh.tsv), names a person's unit (X科|科长),
a place, or is a title. What makes a unit's name: collectives_zh_names.py; counted lists, collective
merits, lists sharing a unit word, names under an honour's label, objects of giving verbs, table columns
and agencies running projects: collectives_zh_more.py; cities and counties ranked as wholes (授予A市、B市
“…”称号, A县被评为, 一等奖:A市 B县): collectives_zh_places.py.
Vietnamese: see collectives_vi.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.collectives_vi import find_collectives_vi
from extract.collectives_zh_are import units_are
from extract.collectives_zh_more import (
    count_fits,
    counted_are,
    counted_lists,
    given_to,
    lines_under_label,
    merit_units,
    run_by,
    salutations,
    shared_head_units,
    table_names,
)
from extract.collectives_zh_names import (
    _EVENT,
    _NOTE,
    _bare,
    _ends_as_unit,
    _frames,
    _head_ends,
    _heads,
    _owned,
    _plausible,
    _quoted,
    _unit_prefix,
    _unquoted,
    and_parts,
    team_title,
)
from extract.collectives_zh_not import (
    _WHEN,
    UNIT_LINE,
    gives_others,
    list_acts,
    list_heads,
    others,
    persons_unit,
)
from extract.collectives_zh_not import signers as signers_of
from extract.collectives_zh_places import honoured_places, is_place, places_awarded
from extract.collectives_zh_runs import (
    after_group,
    alone,
    chained,
    couple,
    family,
    split_units,
    stray,
    units_people,
)
from extract.led import Led
from extract.lexicon import Lexicon
from extract.needs import first_class
from extract.records import Collective
from extract.text import HAN, Mention, sentence_of, sentences

__all__ = ["find_collectives_vi", "find_collectives_zh"]  # find_collectives_vi lives in collectives_vi

_AWARD_VERB = rf"(?:均|都|同时|也|还|再次|并列|双双|一同|分别)?(?:获评|荣获|受到(?:了)?表彰|(?:光荣|成功)?入选(?![^，。；]{0, 12}?(?:候选|提名|初评|拟))|获得|被评为|被授予|被命名为|当选|榜上有名|成功创建|被[{HAN}]{{2,16}}?(?:授予|评为|命名为|认定为)|被认定为|获颁|获(?=[{HAN}]{{0,8}}“|[{HAN}]{{1,8}}奖[，。；,;]))"
_VERB_GUARD = first_class(_AWARD_VERB)  # the verb is looked for only before one of its first characters
_AWARD_SUBJECT = Led(f"{HAN}“”「」（）()《》", f"{_VERB_GUARD}(?={_AWARD_VERB})", _VERB_GUARD, 3, 40)
# 衢州市公路管理局工会被中华全国总工会授予…: the agent between 被 and the verb; A和B均获得; 《X》主创团队
_SUBJECT_COUNTED = Led(
    f"{HAN}“”",
    rf"等[\d一二两三四五六七八九十百千]+(?:[个家支]|名个人[(（]集体[)）])[{HAN}]{{0,10}}?(?=获评|荣获|被评为|被授予|被命名为)",
    "等",
)  # 福州某公司工会委员会等35家基层工会荣获…: the unit that leads the counted list; X团队等10名个人(集体)
_IN_EVENT = re.compile(rf"在[{HAN}\d]{{1,16}}?[中上]$")  # 在此次表彰中, 在2023年度评选中: the occasion
_PEOPLE_OF = re.compile(r"[^，。；,;\n]*?(?:共)?有[\d一二两三四五六七八九十百]+[人名位]")
_WON_BY = re.compile(  # 由鲤鱼国小获…金质奖, 由世贤国小以「…」方案…荣获
    rf"由([{HAN}]{{3,30}}?)(?=(?:分别|均|都|同时|共同)?(?:荣获|获得|获颁|获(?![悉知取批准]))|以[「“][^」”\n]{{1,30}}[」”][^。；;\n]{{0,60}}?荣?获)"
)  # 由A及B分别荣获甲等奖
_WON_LIST = re.compile(
    rf"由[{HAN}、和及]{{3,80}}?等?[\d一二两三四五六七八九十]+[个家所支户][{HAN}]{{0,6}}?(?:荣获|获得|获评|获颁|被评为|入选)"
)
_WON_AFTER = re.compile(r"[^，。；,;\n]{0,6}?(?:荣获|获得|获评|获颁|获(?![悉知取批准])|被评为|入选)")
_OF_UNIT = re.compile(rf"的([{HAN}]{{3,30}}?)(?=[；;…。，,])")
_WINNER_OF = re.compile(  # 获得「杰出爱心学校奖」的|X中学: the winner of a quoted prize
    "(?:荣获|获得|获颁|获评|荣膺)[「“][^」”\n]{2,30}[」”](?:奖项|称号|荣誉称号|荣誉)?的$"
)
_CLAUSE_START = re.compile(rf"(?:^|(?<=[，。；：！？,;:!?\n“‘]))([{HAN}]{{3,30}})")
_PARAGRAPH_START = re.compile(rf"(?m)(?:^|(?<=[；;]))([{HAN}]{{4,30}})")
_LEADING_VERB = re.compile(
    r"(?:另外|此外|同时|并)?(?:决定)?(?:授予|追授|表彰|命名|为(?=[\u4e00-\u9fff]{4})|获评的有|评为|获评|[还也计共]?有|以及|包括|其中|分别为|共?评选?出)|另外|此外|(?:我|本)(?:[省市县区州镇乡]|公司|集团|单位)|(?:而|并|同时)?在(?:得知|获悉|听闻)?|得知|获悉|[\u4e00-\u9fff]{0,8}?(?:指出|表示|认为|强调)"
    r"|[\u4e00-\u9fff]{0,10}?(?:等|奖)为(?=[\u4e00-\u9fff]{3})|[\u4e00-\u9fff]{0,6}?(?:团队|集体|单位|团体)有(?=[\u4e00-\u9fff]{4})"
)  # 我市青岚港务集团…: "our city" is not part of the unit's name (我公司|检修三班 too); 卓越组优等为|X社区: a grade;
# 绩优团队有|X志工队: the kind of honour that has the units; 在得知|X荣获, 领导指出|X获得: news of the award, not the name


def _acting(text: str, start: int, end: int, lex: Lexicon, people: set[str], given: bool = False) -> bool:
    """Does the unit at text[start:end] act (awards, organises, reports: 全国总工会《关于表彰…》,
    获县总工会表彰, 据X报道), or stand for one of its people (X公司工会副主席陈魁, X科|科长)? A unit
    `given` an honour (向X授予) is the verb's object: the verb after it is not its own act."""
    f = _frames()
    after = _WHEN.match(text, end).end()
    acts = (f["body_after"].match(text, after) or gives_others(text, after, f["gives"])) and not given
    if acts or f["member_after"].match(text, end) or _EVENT.match(text, end):
        return True
    if any(text.startswith(p, end) for p in people if len(p) >= 2) or persons_unit(
        text, end, people, lambda t: lex.honour_kind(t) == "collective"
    ):
        return True
    # a position after the unit (…党组|书记, …办公室烟办|主任) or sharing its last word (…科|科长)
    for k in (-2, -1, 0, 1, 2):
        role = lex.role_re.match(text, end - k) if end - k >= start else None
        if role and role.end() > end and re.fullmatch(f"[{HAN}]*", text[end : end - k]):
            return True
    before = text[max(0, start - 2) : start]
    if before.endswith("由") and (_WON_BY.match(text, start - 1) or _WON_LIST.match(text, start - 1)):
        return False  # 由鲤鱼国小获金质奖, 由A、B等3个社区获得优等: 由 names the winner
    return any(before.endswith(m.group(0)) for m in f["body_before"].finditer(before))


def _after_opener(phrase: str) -> bool:
    """Does the phrase open with a two-character body_before word glued to the unit (按照学校团委,
    全赖X商会, 庆祝X总工会): a body followed, thanked or celebrated, not honoured?"""
    m = _frames()["body_before"].match(phrase)
    return m is not None and len(m.group(0)) >= 2


_COUNT_AFTER = re.compile(  # 五四红旗团支部3个,: a kind, tallied (not A和B两个先进党支部); X公司8个集体、14名职工: its own
    "[\\d一二两三四五六七八九十百千]+[个家支](?=[，,、。；;\\s]|(?:集体|单位)、[\\d一二两三四五六七八九十百千]+[名位人]|$)"
)


_MEMBERS = re.compile(r"[\d一二两三四五六七八九十百]+名")  # 税务窗口53名干部: its people, not the unit
_TITLES = re.compile(r"(?<![一二三四特甲乙丙优])等[^，。；]{0,4}?(?:奖项|称号|荣誉|奖)")  # not 分别荣获甲等奖
_PLACES = re.compile(r"[^、]{0,6}?(?:在|由|经(?!济)|据|受)")  # 经 (through), not 经济部, 经济技术开发区
_OBJECT = re.compile("对|向|授予|表彰|命名|获")  # 由中央组织部对A、B…, 由A获…、B荣获: who is honoured


def _from_body(entry: str) -> bool:
    """Does a list open with a place or an acting body (在A、B…, 由A、B…; not 由X对A、B…)?"""
    return bool(_PLACES.match(entry)) and not _OBJECT.search(entry)


def _won_list(clause: re.Match) -> bool:
    """Is a list opened by 由 the winners (由A、B、C等3个社区获得优等), not organisers (由A、B联合主办)?"""
    last = clause.group(0).split("、")[-1]
    return clause.group(0).lstrip().startswith("由") and re.search(_WON_AFTER.pattern, last) is not None


_GIVEN = re.compile("授予|追授|表彰|命名")
_ITEM_SEP = re.compile(r"(?:(?<=\d) (?=[所厂院](?:[、，。；\s]|$))|[^、\s\u3000])+")  # 三院306 所: one
_LABEL_LINE = re.compile(
    r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十\d]+[、.．]\s*)?([^：:\n]{2,24})[：:][ \t\u3000]*(\S[^\n]*)$"
    r"|(?<=[，,；;])[ \t\u3000]*([^，,；;。：:\n]{2,24})[：:][ \t\u3000]*([^。\n]+)"
)  # a label opening a line, or a clause: …上榜,其中,全国“五一”劳动奖状:河北某公司。
_LABEL_HONOUR = re.compile("(?:奖|集体|单位|称号|奖项|名单|家庭|团队|班组|勋章|奖章|奖状|校园|村镇|社区)$")
_SOCIETY = re.compile(f"^[{HAN}]{{4,}}会$")  # 银莲花荣誉勋章:澳门银行公会, 澳门妈阁水陆演戏会: a society
_CLAUSE = re.compile(r"[^，。；：:;,!?！？\n]+")
_ITEM_END = re.compile(
    r"(?<![优甲乙丙特一二三])等|共|分别(?!为)|(?<![评名定])为(?=(?:[省市县区镇乡]级|全[国省市县区]|首批|第.批)?“|\d{4}年)|以(?=[「“])|[\d一二两三四五六七八九十百]+[家个名所校]"
)
_VERB = re.compile(_VERB_GUARD + _AWARD_VERB)


def _unit_lists(text: str, lex: Lexicon, people: frozenset[str] = frozenset()):
    """(spans of the units, True) of each 、-list, or grid of two or more units (spaces between them),
    or after an honour's label (卓越奖：工务处、卫生局); (the clause's span, False) for a list whose
    units act (…联合开展), are places or are titles: no unit in it is honoured."""
    f = _frames()
    clauses: list[tuple[int, int, str | None, list[tuple[int, int]]]] = []  # for chained()
    for clause in _CLAUSE.finditer(text):
        entries, items = clause.group(0).split("、"), []
        for item in _ITEM_SEP.finditer(clause.group(0)):
            chunk = _ITEM_END.split(item.group(0), 1)[0]  # 等, not 优等为X社区
            cut = _VERB.split(chunk, 1)[0]  # …、C家庭当选“最美家庭”: the verb after the last unit
            cut = cut[:-1] if cut != chunk and cut.endswith(("及", "和")) else cut  # …、B及荣获…的C: B
            named = family().match(chunk)  # …、徐占海家庭坚守清廉家风的故事: a family, then what it does
            owned = _owned(cut)
            chunk = cut if _ends_as_unit(_NOTE.sub("", cut)) or owned else named.group(0) if named else chunk
            chunk = _bare(chunk)  # a grade or former name dropped, an alias kept: X研究院(Y剧团)
            at = clause.start() + item.start()
            parts = [_NOTE.sub("", p) for p in and_parts(chunk)]  # …、广思讲堂及新莲寺: the last two
            if len(parts) > 1 and all(_ends_as_unit(p) for p in parts):
                items += [(at + chunk.index(p), at + chunk.index(p) + len(p)) for p in parts]
            elif (_ends_as_unit(chunk) or owned) and not _MEMBERS.match(item.group(0), len(chunk)):
                items.append((at, at + len(chunk)))
            fresh = after_group(item.group(0))  # 张三等先进个人和|X车站、Y公司: X opens the units
            if fresh and _ends_as_unit(item.group(0)[fresh:]):
                items.append((at + fresh, clause.start() + item.end()))
        if len(entries) < 2 and len(items) < 2:
            clauses.append((*clause.span(), "alone" if alone(text, *clause.span(), items) else None, items))
            continue
        won = _WON_BY.search(text, clause.start())  # 由A以「…」方案、B以「…」方案,分别荣获: who won
        if (
            (
                _from_body(entries[0])
                and not (won and won.start() < clause.start() + len(entries[0]))
                and not _won_list(clause)
            )
            or _after_opener(entries[0])
            or f["visited"].search(entries[0])
            or _TITLES.search(entries[-1])
            or list_acts(entries[-1], lex)
            or (list_acts(entries[0], lex) and not _OBJECT.search(entries[0]))
            or units_people(entries[-1], _ends_as_unit)
        ):
            # 在A、B等媒体发表: where; A、B等奖项: titles; 由A、B…, …、X联合开展: who acts; A、B等350余人参观
            given = _GIVEN.search(
                entries[-1]
            )  # 省委、省政府决定授予A等50家企业: the list acts, A is honoured
            cut = clause.end() - len(entries[-1]) + given.start() if given else clause.end()
            yield (clause.start(), cut), False
            clauses.append((*clause.span(), None, items))
        elif items and not stray(entries, items, people):  # …、畜牧活动、康复商店、汽车美容: not units
            yield items, True
            clauses.append((*clause.span(), "list", items))
    yield from chained(text, clauses)
    yield from units_are(text, _frames(), _ends_as_unit, _unit_prefix)
    for m in _LABEL_LINE.finditer(text):
        at = 1 if m.group(1) is not None else 3  # the line's groups, or the clause's
        label = m.group(at).strip()
        if not _LABEL_HONOUR.search(label) or f["body_after"].search(label) or "主办" in label:
            continue
        body = m.group(at + 1)
        items = re.finditer(r"[^、，,；;。:：\s\u3000]+", body)  # 专业功绩勋章:A协会;B小组。
        named = [(i.start(), i.start() + len(_bare(i.group(0)).rstrip("?？"))) for i in items]
        places = all(is_place(body[s:e]) for s, e in named)  # 一等奖:文昌市 海口市: places ranked
        units = [(s, e) for s, e in named if _ends_as_unit(body[s:e]) or _SOCIETY.search(body[s:e]) or places]
        yield [(m.start(at + 1) + s, m.start(at + 1) + e) for s, e in units], True


def find_collectives_zh(
    text: str,
    lex: Lexicon,
    honours: list[Mention],
    people: set[str],
    spans: list[tuple[int, int]] | None = None,
) -> list[Collective]:
    spans = sentences(text) if spans is None else spans
    people = {
        p for p in people if not any(e == len(p) for _, e in _head_ends(p)) and not is_place(p)
    }  # 卫生院, 某某旗
    group_honours = [h for h in honours if lex.honour_kind(h.text) == "collective" or team_title(h.text)]
    found: dict[str, Collective] = {}
    heads, _ = _heads()

    def add(
        start: int, end: int, shortest: int = 4, whole: bool = False, given: bool = False, named: bool = False
    ) -> None:
        lead_start = start
        lead = _LEADING_VERB.match(text, start, end)
        start = lead.end() if lead else start
        name = _unquoted(text[start:end]).split("——")[-1]  # 最美服务窗口——邵阳市政务服务中心
        name = (
            re.split("授予|追授", name)[-1] if len(re.split("授予|追授", name)[-1]) >= 3 else name
        )  # 团市委授予|X
        last = re.split("的是|的|了", name)[-1]  # 市总工会推荐的|X班组, 获评…的是|X家庭, 展现了|X家庭
        name = last if len(last) >= 4 else name
        lead = _LEADING_VERB.match(name)  # 获得表彰的|还有|刑事审判庭
        name = name[lead.end() :] if lead and len(name) - lead.end() >= 3 else name
        if start and text[start - 1].isdigit() and name[0] in "个名家支批项所位户":
            return  # 35家基层工会: a count's classifier, not a unit's first character
        start = text.index(name, start)
        end = start + len(name)
        titled = next((h for h in honours if h.start == start and h.end <= end - 4), None)
        if titled and _ends_as_unit(text[titled.end : end]):  # 三八红旗集体|X公司工艺设计室: a label glued
            start, name = titled.end, text[titled.end : end]
        item = start == 0 or text[start - 1] in "、；;—\n的"  # 、和瑞街道…社区, 的和政县X: 和 opens it
        if name in found or heads.fullmatch(name) or not _plausible(name, people, shortest, whole, item):
            return
        if name.endswith("家庭") and len(name) == 6 and not family().match(name + "之外"):
            return  # 孝老爱亲家庭, 教子有方家庭: a kind of family, not one named by its member
        if (
            _after_opener(text[lead_start:end])
            or _COUNT_AFTER.match(text, end)
            or others(text, lead_start, start, end)
        ):
            return
        if (not named and _quoted(text, start, end, honours)) or _acting(
            text, start, end, lex, people, given
        ):
            return
        if any(_within((start, end), span) for span in barred + signers):
            return
        s, e = sentence_of(spans, start)
        near = [h for h in group_honours if s <= h.start < e] or group_honours
        found[name] = Collective(name=name, span=(start, end), honour=near[0].text if near else None)

    lists = list(_unit_lists(text, lex, frozenset(people)))
    barred = [span for span, honoured in lists if not honoured] + salutations(text)
    signers = signers_of(text) + list_heads(text)
    for items, honoured in lists:
        if honoured and items and not _acting(text, items[0][0], items[-1][1], lex, set()):
            for s, e in items:
                add(s, e, 3)
    counted = counted_lists(text)
    for m in counted:  # 授予市第二中学党总支等12个单位: a unit, whatever its end
        units = m.group("units")
        fits = count_fits(units, m.group("count"))  # A、B及C社区3个绩优社区: the count is the list's
        parts = split_units(units, fits)  # A和B两个党支部, A、B(C)、D等9家单位
        joined = len(parts) > 1 and "、" not in units
        if not m.group("etc") and not joined and not m.group(0).startswith("和") and not fits:
            continue  # without 等: A和B两个党支部, 5人和X1个集体; not 全省共有119户家庭, 石泉镇4个村镇
        if (m.group("by") and not _WON_AFTER.match(text, m.end())) or (
            m.group("place") and not places_awarded(text, m)
        ):
            continue  # 由A、B等5个单位联合主办: organisers; 由A、B等3个社区获得优等: winners
        for s, e in parts:  # split_units has read any 和 left inside as part of a name
            add(m.start("units") + s, m.start("units") + e, 3, whole=True)
    for s, e in honoured_places(text):  # 授予A市、B市“…”称号, A县被评为…
        add(s, e, 3, whole=True)
    for s, e in merit_units(text):  # 授予瑞金消防救援大队集体二等功
        add(s, e, 3, whole=True)
    for s, e in table_names(text):  # 分会名称 分数 排名 奖金 / 登山分会 8.6 1 12,000…
        add(s, e, 3, whole=True)
    for s, e in counted_are(text, _ends_as_unit):  # 3个团体分别为A,B,以及…组织“食德好”: a name in quotes
        add(s, e, 3, whole=True, named=True)
    for s, e in run_by(text):  # 特优工程分别为交通部公路局办理之「…」: the agency wins with its project
        if _ends_as_unit(text[s:e]) or text.endswith("政府", s, e):
            add(s, e, 3, whole=True)
    for s, e in given_to(text):  # 向X公司二分厂四工段三班授予…称号
        if _ends_as_unit(text[s:e]):
            add(s, e, 3, given=True)
    shared = {}  # 由福民及顶庄社区获…: 福民 as written, named 福民社区
    for s, e, head in shared_head_units(text, _head_ends):
        add(s, e, 2, whole=True)
        shared[(s, e)] = head
    for m in [*_AWARD_SUBJECT.finditer(text), *_SUBJECT_COUNTED.finditer(text), *_WON_BY.finditer(text)]:
        parts = [  # A厂和B公司均获得, A家庭和B乡的C家庭获评: both
            (m.start(1) + p.start() + p.group(0).rfind("的") + 1, m.start(1) + p.end())
            for p in re.finditer("[^和及]+", m.group(1))
        ]
        start = m.start(1) + m.group(1).rfind("的") + 1  # 区总工会申报的|某公司工会小组榜上有名
        if _PEOPLE_OF.match(text, m.end(1)):
            continue  # 横栏镇被评为“十杰市民”有1人: the town's people are honoured, not the town
        both = len(parts) > 1 and all(_ends_as_unit(text[s:e].strip("“”")) for s, e in parts)
        for s, e in parts if both else []:
            add(s, e)
        end = m.start(1) + len(_IN_EVENT.sub("", m.group(1)))  # X工会|在此次表彰中荣获: where, not the name
        if not both and _ends_as_unit(text[start:end].strip("“”")):
            add(start, end, 3)  # 崔口镇成功创建, 新华社等15家单位获: a unit word ends even a short name
    for m in _OF_UNIT.finditer(text):
        if (
            _ends_as_unit(m.group(1))
            and (group_honours or _WINNER_OF.search(text, max(0, m.start() - 40), m.start() + 1))
            and not others(text, m.start() - 20, m.start(1), m.end(1))
        ):
            add(*m.span(1))
    for h in group_honours:
        s, e = sentence_of(spans, h.start)
        for m in _CLAUSE_START.finditer(text, s, e):
            unit = _unit_prefix(m.group(1))
            if unit and not (m.start(1) <= h.start < m.start(1) + len(unit)):
                add(m.start(1), m.start(1) + len(unit))
    if group_honours or counted:  # units listed one per line (under 授予X等27个单位…名单如下 too)
        for m in UNIT_LINE.finditer(text, 0 if group_honours else counted[0].start() if counted else 0):
            if _ends_as_unit(m.group(1)):
                add(*m.span(1), whole=True)
    for s, e in lines_under_label(text):  # 2.金莲花荣誉勋章:\n澳门中华教育会\n刘仕尧
        if _ends_as_unit(text[s:e]) or _SOCIETY.search(text[s:e]):
            add(s, e, whole=True)
    if group_honours:  # units opening a paragraph about them
        for m in _PARAGRAPH_START.finditer(text):
            unit = _unit_prefix(m.group(1))
            if unit:
                add(m.start(1), m.start(1) + len(unit))
    found = {c.name: c for c in (couple(c, text, people) for c in found.values())}
    found = {n: _headed(c, shared.get(c.span, "")) for n, c in found.items()}
    inside = [c for c in found.values() for o in found.values() if o is not c and _within(c.span, o.span)]
    return sorted((c for c in found.values() if c not in inside), key=lambda c: c.span)


def _headed(unit: Collective, head: str) -> Collective:
    """A short name of a list sharing its last unit word (北湖、下埤及内安云霄社区), named with that word
    (北湖社区); its span stays on the page's form."""
    return replace(unit, name=unit.name + head) if head and not unit.name.endswith(head) else unit


def _within(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]
