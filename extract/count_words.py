"""The words counts are read with (extract/lexicons/counts.tsv), compiled once into the patterns
extract/counts.py uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.lexicon import alternation
from extract.numbers import CN_NUMBER, CN_NUMERAL, DIGITS, VI_NUMBER, VI_WORDS
from extract.people_zh_marks import RETIRES
from extract.tsv import read_blocks


@dataclass(frozen=True)
class CountWords:
    vi: re.Pattern
    vi_units: dict[str, str]  # what a Vietnamese word counts: person | collective | household | view | vote
    collective_noun: re.Pattern
    household_noun: re.Pattern
    not_honoured: re.Pattern
    contest: re.Pattern
    future: re.Pattern
    vague: frozenset[str]
    label: frozenset[str]  # năm 2017, quận 1: a Vietnamese number that names
    label_not: frozenset[str]  # trong số 70: no label
    mixed_units: re.Pattern  # 2375个单位和个人: units and people together
    helped_before: re.Pattern  # cứu 3 người: people helped
    honour_suffix: tuple[str, ...]  # 提名奖: X提名奖 is an honour of its own
    part_marker: re.Pattern  # 其中, trong đó: the parts of a total follow
    honoured_after: re.Pattern  # 被授予, được trao after the number: the counted were honoured
    awarded: re.Pattern  # nhận, 受到表彰: awarding words beside the lexicon's cues
    proposing: re.Pattern  # xét thưởng: a council reviewing proposals
    status_not: re.Pattern  # Hội đồng Thi đua - Khen thưởng: a body's name, no awarding act
    vi_collective_title: tuple[str, ...]  # Tập thể…: a Vietnamese title of units
    counted_noun: re.Pattern  # 村镇, 学校: what a count names before its title (3316个村镇…称号)
    title_mark: re.Pattern  # 届, 文明, 先进: words that make a phrase after 为 a title
    title_verb: re.Pattern  # 授予, 命名: verbs whose count may be followed by a title no lexicon knows
    title_holder: re.Pattern  # 211位市长奖得主: a title right after the count, then its holders
    entrants: re.Pattern  # 166名参选…: right after a count, its people entered a selection
    pool: re.Pattern  # 在…5000多人中经过初审: right after a count, the pool a selection was made from
    anaphoric: re.Pattern  # 等10名同志光荣入选: right after a count, a verb whose title was said before
    title_subject: re.Pattern  # 66位优秀青年获得表扬: what is counted, then an honouring verb
    list_cue_before: re.Pattern  # 名单如下（共16人）: the count of the list announced just before it
    list_cue: re.Pattern  # 分别是, 如下: right after a count, the list of what it counts follows
    vi_noun: re.Pattern  # học sinh, tập thể: a Vietnamese noun of people or units
    vi_joined: re.Pattern  # năm tập thể và (một cá nhân): a count of one joined to the count before it
    share: re.Pattern  # 农民工172人,占18.2%: a share of a total, a part
    money: re.Pattern  # 优等奖七名十万元: a prize scale
    nominated: tuple[str, ...]  # 63 đề cử: the nominees
    merit: re.Pattern  # thành tích: what follows says what the achievement was in
    title_lead: re.Pattern  # 评选出, 共有: before a title written right before its number, where it begins
    collective_end: re.Pattern  # 团支部, 先进集体: a title ending so honours units (五四红旗团支部3个)
    not_counted: re.Pattern  # 个月, 个方面: after 个/次, what is counted is no people and no units
    times_honoured: re.Pattern  # 表彰, 评为: before N人次, the honours counted per award
    shortlisted: re.Pattern  # 入围: the clause of a count shortlists what it counts
    title_grade: re.Pattern  # 十佳: before a total's title, the title of a part of its own
    then_honoured: re.Pattern  # 等5家宗教团体,更荣获: the next clause opens by honouring the counted
    given_to: re.Pattern  # 颁奖予: before a count (after attending), the counted are given an award
    named_verb: re.Pattern  # 被推选为: right after a count, the verb before its quoted title
    witnessed: re.Pattern  # 见证: after a count, its people watched
    gathered: re.Pattern  # 欢聚一堂: after a count (or opening the next clause), its people met
    winners: re.Pattern  # 18位得主: right after a count, the counted are its winners
    received: re.Pattern  # 80人接受荣誉勋章: right after a count, the counted received an award (t: its name)
    given_over: (
        re.Pattern
    )  # 向七名…人员颁发…奖状: after 向 and a count, its noun phrase, then the award given
    award_tail: re.Pattern  # 表扬577位国中应届毕业生县长奖: a clause ending in an award's name
    award_end: re.Pattern  # 奖状, 奖章 at the end of a title: what the award is given as
    quota: re.Pattern  # 名额是5个先进集体,1名劳动模范: a quota, then the counts of its list up to a count
    local_part: re.Pattern  # 其中,山西省一个集体、三名个人: after 其中, a place's own share of the total
    merit_after: re.Pattern  # 29 Công đoàn viên xuất sắc: right after the counted noun, a rating of them
    among_honoured: re.Pattern  # Trong những người được khen thưởng…, có 3 người dân: among the honoured
    person_end: re.Pattern  # 工匠, 标兵: a title ending so honours people (11个巴南工匠)
    vi_if_honoured: frozenset[str]  # đại biểu: counts the honoured only when an honouring phrase follows
    honoured_soon: re.Pattern  # 400 đại biểu được tuyên dương: an honouring phrase a few words on
    honoured_by: re.Pattern  # tuyên dương 165 đại biểu: an awarding verb right before the number
    place_unit: re.Pattern  # 等6个区、县(市): right after X等N个, places named as the counted units
    body_stop: frozenset[str]  # Bằng khen của X và quà: words that end the giver's name
    count_title: re.Pattern  # 好媳妇: titles the count finder knows that no page-wide lexicon holds


_AWARD_HEAD = r"[^\s，,、。；;：:“”\"「」()（）\d的和及与了得]"  # an award's name opens with no digit (光荣在党50年纪念章)


def _places(names: list[str]) -> str:
    """Place nouns, each with an optional aside (县(市、区)), as one alternation."""
    return rf"(?:{alternation(names).pattern})(?:[(（][^()（）]{{0,8}}[)）])?"


def _initials(words: list[str]) -> str:
    """The first letters of the words, both cases, for a look-ahead character class."""
    return re.escape("".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())})))


@cache
def words() -> CountWords:
    w = {k: [x.replace("&", " ") for x in v] for k, v in read_blocks("counts.tsv").items()}
    units = {x: "person" for x in w["vi_person"]} | {x: "collective" for x in w["vi_collective"]}
    units |= {x: "household" for x in w["vi_household"]} | {"lượt": "view", "phiếu": "vote"}
    units |= {x: "person" for x in w["vi_person_if_honoured"]}
    return CountWords(
        vi=re.compile(
            rf"(?=[\d{_initials(VI_WORDS.split('|') + ['hơn', 'gần', 'khoảng', 'trên'])}])"
            rf"(?:(?<![\w.,])|(?<=[a-zđà-ỹ]{{2}})(?=\d))"  # Năm nay24 đoàn viên: a space lost before digits
            rf"(?P<pre>(?:hơn|gần|khoảng|trên)\s+)?(?P<num>{VI_NUMBER})\s+"
            rf"(?:(?:{alternation(w['vi_qualifier']).pattern})\s+)?"
            rf"(?:(?P<cls>{alternation(units).pattern})(?!\w)|(?<=\d\s)(?=[“\"])"  # 124 “Tập thể…”
            rf"|(?P<titles>{alternation(w['vi_titles']).pattern})(?!\w))",  # 182 danh hiệu … “Bà mẹ…”
            re.I,
        ),
        vi_units=units,
        collective_noun=re.compile(
            rf"^(?:[^，,、。；;：:(（]|[(（][^()（）]{{1,8}}[)）]){{0,14}}?(?:{alternation(w['collective_noun']).pattern})"
        ),
        household_noun=re.compile(rf"^(?:{alternation(w['household_noun']).pattern})"),
        not_honoured=alternation(w["not_honoured"], re.I),
        contest=alternation(w["contest"], re.I),
        future=re.compile(
            rf"(?<![现特兹])将(?!被)[^。；;]{{0,20}}?(?<!被)(?:{alternation(w['future']).pattern})"  # 现将…公示: hereby
            rf"|{alternation(w['plan']).pattern}"
        ),
        vague=frozenset(w["vague"]),
        label=frozenset(w["label"]),
        label_not=frozenset(w["label_not"]),
        honour_suffix=tuple(w["honour_suffix"]),
        mixed_units=re.compile(rf"[^，,、。；;\d]{{0,6}}?(?:{alternation(w['mixed_units']).pattern})", re.I),
        helped_before=re.compile(rf"(?:{alternation(w['helped_before']).pattern})\s*$", re.I),
        part_marker=alternation(w["part_marker"], re.I),
        honoured_after=re.compile(
            rf"[^。；;!?！？\d\n]{{0,80}}?(?:{alternation(w['honoured_after']).pattern})", re.I
        ),
        awarded=re.compile(  # whole Vietnamese words; Chinese ones anywhere (嘉许八十名)
            rf"(?<![^\W\u3400-\u9fff])(?:{alternation(w['awarded']).pattern})(?![^\W\u3400-\u9fff])", re.I
        ),
        proposing=re.compile(  # …, or asking someone (đề nghị UBND huyện tặng…) to award
            rf"{alternation(w['proposing']).pattern}|(?<!\w)(?:{alternation(w['asks']).pattern})\s+(?!của)"
            rf"(?:[^\s,.;:]+\s+){{1,5}}?(?:{alternation(w['grants']).pattern})(?!\w)",
            re.I,
        ),
        status_not=alternation(w["status_not"], re.I),
        vi_collective_title=tuple(w["vi_collective_title"]),
        counted_noun=re.compile(
            rf"(?:{alternation(w['collective_noun'] + w['household_noun'] + w['counted_noun']).pattern})*"
            r"(?:[(（][^)）]{0,6}[)）])?(?:被评为|评为|为|的)?"  # 等16个单位被评为…: a title after it
        ),
        title_mark=alternation(w["title_mark"]),
        title_verb=alternation(w["title_verb"]),
        list_cue=re.compile(
            rf"[^，,。；;\n]{{0,8}}?[，,：:]?\s*(?:{alternation(w['list_cue']).pattern})", re.I
        ),
        list_cue_before=re.compile(rf"(?:{alternation(w['list_cue']).pattern})[^，,。；;\n]{{0,6}}$"),
        title_subject=re.compile(
            rf"(?P<t>[^，,、。；;：:“”\"\d\s的]{{2,10}}?)(?:{alternation(w['honoured_after']).pattern})"
        ),
        vi_noun=re.compile(rf"(?<!\w)(?:{alternation(units).pattern})(?!\w)", re.I),
        vi_joined=re.compile(rf"(?<!\w)(?:{alternation(units).pattern})\s*(?:,|và)\s*$", re.I),
        share=re.compile(
            rf"[，,]?\s*(?:{alternation(w['share']).pattern})[^，,。；;\d]{{0,6}}?[\d.,]+\s*[%％]", re.I
        ),
        nominated=tuple(w["nominated"]),
        merit=alternation(w["merit"], re.I),
        title_lead=alternation(w["title_lead"]),
        not_counted=re.compile(rf"(?:{alternation(w['not_counted']).pattern})"),
        times_honoured=alternation(w["times_honoured"]),
        shortlisted=alternation(w["shortlisted"]),
        title_grade=alternation(w["title_grade"]),
        witnessed=alternation(w["witnessed"]),
        gathered=alternation(w["gathered"]),
        given_to=alternation(w["given_to"]),
        then_honoured=re.compile(
            rf"[^，,。；;\d]{{0,12}}[，,]\s*(?:{alternation(w['then']).pattern})?"
            rf"(?:{alternation(w['honoured_after'] + w['then_given']).pattern})"
        ),
        named_verb=re.compile(rf"[^，,。；;“”\"「」\d]{{0,8}}?(?:{alternation(w['named_verb']).pattern})"),
        winners=re.compile(rf"\s*(?:{alternation(w['winners']).pattern})"),
        received=re.compile(
            rf"\s*(?:{alternation(w['received']).pattern})"
            rf"(?P<t>{_AWARD_HEAD}[^\s，,、。；;：:“”\"「」()（）的和及与了得]{{1,13}}?(?:{alternation(w['award_object']).pattern}))"
        ),
        given_over=re.compile(  # 向七名现任和前任高级警务人员颁发行政长官公共服务奖状
            rf"[^，,。；;：:“”\"「」\d]{{0,14}}?(?:{alternation(w['given_over']).pattern})"
            rf"(?P<t>{_AWARD_HEAD}[^\s，,、。；;：:“”\"「」()（）的和及与了得]{{1,13}}?(?:{alternation(w['award_object']).pattern}))"
        ),
        award_tail=re.compile(
            rf"[^，,、。；;：:“”\"「」()（）\s\d的和及与]{{1,14}}?(?:{alternation(w['award_object']).pattern})"
            r"(?=$|[，,。；;!?！？()（）\s])"
        ),
        quota=re.compile(
            rf"(?:{alternation(w['quota']).pattern})(?:分别为|分别是|共计|是|为|有|共)?[:：]?"
            rf"(?:\s*(?:{CN_NUMBER})(?:个|名|位|人|家|户|支)[^，,。；;\d]{{0,10}}[，,、和及与])*\s*$"
        ),
        local_part=re.compile(
            rf"[\s,，:：]*[^\d，,。；;、“”\"「」]{{0,10}}?(?:{alternation(w['local_place']).pattern})"
            rf"(?:共有|有|共|的)?\s*(?=[\d{CN_NUMERAL}])"  # 市级劳动模范5名 names no place
        ),
        merit_after=re.compile(  # 20 cán bộ, giáo viên, nhân viên xếp loại…; 10 tập thể lớp Xuất sắc
            rf"(?:\s*(?:,|và)\s*(?:{alternation(units).pattern})(?!\w))*\s+(?:\w+\s+)?"
            rf"(?:{alternation(w['merit_after']).pattern})(?!\w)",
            re.I,
        ),
        among_honoured=alternation(w["among_honoured"], re.I),
        person_end=re.compile(rf"(?:{alternation(w['person_end']).pattern})$"),
        vi_if_honoured=frozenset(x.lower() for x in w["vi_person_if_honoured"]),
        honoured_soon=re.compile(
            rf"(?:\s+[^\s,.;:!?“”\"]+){{0,4}}?\s+(?:{alternation(w['honoured_after']).pattern})(?!\w)", re.I
        ),
        honoured_by=re.compile(
            rf"(?<!\w)(?:{alternation(w['honoured_by']).pattern})\s+(?:cho\s+)?(?:(?:hơn|gần|khoảng|trên)\s+)?$",
            re.I,
        ),
        body_stop=frozenset(w["body_stop"]),
        count_title=alternation(w["count_title"]),
        place_unit=re.compile(
            rf"(?>(?:{_places(w['place_unit'])})(?:[、和及与](?:{_places(w['place_unit'])}))*)"
            rf"(?![的\d人名位]|[^，,。；;“”\"]{{0,8}}?(?:{CN_NUMBER})[名人位])"  # 等5个县的30名, 等4个县市共推荐10人:
            # the places say where the counted people are from
        ),
        award_end=re.compile(rf"(?:{alternation(w['award_object']).pattern})$"),
        collective_end=re.compile(rf"(?:{alternation(w['collective_noun']).pattern})$"),
        money=re.compile(rf"\s*(?:{CN_NUMBER}|{DIGITS})\s*(?:{alternation(w['money']).pattern})", re.I),
        anaphoric=re.compile(
            rf"[^，,。；;：:“”\"「」\d]{{0,24}}?(?:光荣|均|都|也)?(?:{alternation(w['anaphoric']).pattern})"
            r"(?=$|[，,。；;！？!?\s])"
        ),
        pool=re.compile(
            rf"(?:(?!候选|人选|入围|推荐)[^，,。；;：:\d]){{0,8}}?(?:当中|之中|中)[，,]?\s*"
            rf"(?:{alternation(w['selected_from']).pattern})"  # 从63名候选人中评选出: candidates, no pool
        ),
        entrants=re.compile(rf"\s*(?:{alternation(w['entrants']).pattern})", re.I),
        title_holder=re.compile(
            rf"[“\"「『]?(?P<t>[^，,、。；;：:“”\"「」『』\d\s的]{{2,12}}?)[”\"」』]?(?:{alternation(w['title_holder']).pattern})"
        ),
    )


def retired(clause: str) -> bool:
    """3人届龄荣退，获颁荣退证明: the counted retire and are seen off with a certificate, not honoured,
    though the clause gives them something (the retirement words are people_zh_marks.RETIRES)."""
    return RETIRES.search(clause) is not None
