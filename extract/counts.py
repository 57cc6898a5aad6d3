"""Counts: how many people, collectives, households, votes or views, with status and honour.

A count of people or units is kept only where its sentence honours, proposes or shortlists (an
awarding verb, a status word or an honour title): 场地可容纳3000人, 220人报名, 资助困难学生四十多名
and Hơn 300 người tham dự count no honours. The same number for the same honour is reported once."""

from __future__ import annotations

import dataclasses
import re

from extract import count_extra as more  # readings added in round 11 of issue 11
from extract import count_titles as ct  # titles no lexicon knows
from extract.count_context import (
    among_honoured,
    beside,
    bracket_heading,
    carried_over,
    clause_head,
    clause_of,
    clause_rest,
    closes_list,
    fuller,
    given_for,
    given_to,
    heading,
    in_document_title,
    joined_vi,
    organised_by,
    organisers,
    other_kind,
    said_before,
    said_twice,
    unsaid_status,
    vague,
    witnessed,
)
from extract.count_parts import elided, joined_number, listed, parts, respectively, shared
from extract.count_status import (
    PLANNED,
    PROPOSING,
    decided_from,
    proposed_before,
    proposed_total,
    roll_status,
    statement,
    status_of,
)
from extract.count_units import unit_zh
from extract.count_words import retired, words
from extract.lexicon import Lexicon
from extract.numbers import CN_NUMBER, CN_NUMERAL, parse_number, parse_vietnamese
from extract.records import Count
from extract.text import Mention, sentence_of, sentences

_ZH = re.compile(  # the look-ahead lets the engine skip to digits and numerals
    rf"(?=[\d{CN_NUMERAL}超近约逾])"
    rf"(?P<pre>超过|近|超|约|逾)?(?P<num>{CN_NUMBER})(?P<post>余|多)?[ \u3000]?(?P<cls>人次|名|人|位|个|组|支|户|票|次|家|所|间|集体|校|队)"
)  # 18 位獲獎者: Taiwanese pages put a space between the number and its classifier; 四集体,
# 3校, 40队: a noun that counts units with no classifier before it
_CLAUSE_END = re.compile(r"[，,、；;。！？!?\n]")
_CLAUSE = re.compile(r"[，,；;。！？!?\n]|\.(?=\s)")
_PARALLEL = re.compile(  # 等29个城市(区),Y等134个县(市、区),Z等239个单位“H”: a noun and its aside, then , or 、
    rf"(?:[^，,。；;、\d“”\"「」]{{0,4}}?(?:[(（][^()（）]{{0,8}}[)）])?)?[、，,][^，,。；;、\d“”\"「」]{{0,30}}?"
    rf"等{CN_NUMBER}(?:名|人|位|个|家|户|所|支)"
)


def _honour_near(
    start: int, end: int, text: str, sentence: tuple[int, int], found: list[Mention], suffix=None
) -> Mention | None:
    """The count's honour: one right before the number (“十佳青年”10名, 奖章的30名), else the first after
    it in its clause before any other number, else the nearest before it in the sentence
    (tặng Bằng khen cho 35 tập thể)."""
    before = [h for h in found if sentence[0] <= h.end <= start]
    if before and re.fullmatch(
        r"[”\"’』」]?[(（]?(?:的|共|计|有|为|候选人|候选|的共有|的共|的有)?[:：]?|[”\"’』」]?\s*[-—–]*",
        text[before[-1].end : start],
    ):
        w = words()  # 学雷锋先进个人8人: the known title may end a longer one no lexicon knows
        wider = (
            ct.title_before(text, before[-1].end, sentence[0], suffix, w.title_mark, w.title_lead)
            if suffix
            else None
        )
        return wider if wider and wider.start < before[-1].start else before[-1]
    own = ct.own_title(text, start, end, sentence[1]) if suffix else None
    if own:  # 为X等98个先进集体记集体一等功, 等30名“教坛新秀”、: the count's own title, right after it
        return own
    aside = _ASIDE.match(text, end)  # 70人(87人次)获颁…: the aside is no other count
    end = aside.end() if aside else end
    clause_end = _CLAUSE_END.search(text, end)
    stop = clause_end.start() if clause_end else len(text)
    for _ in range(4):  # X等384名同志、Y等16名同志“H”称号: parallel counts share the honour after them
        nxt = _PARALLEL.match(text, end)
        if not nxt or (suffix and more.own_title(nxt.group(), words().title_mark)):  # X等10名美丽教师、
            break
        end = nxt.end()
        clause_end = _CLAUSE_END.search(text, end)
        stop = clause_end.start() if clause_end else len(text)
    run = joined_vi(text, end, words().vi) if suffix is None else end
    if run > end and not any(run <= h.start <= run + 1 for h in found):  # not 6 tập thể, 36 cá nhân…
        end = run  # 4 tập thể và 2 cá nhân được tặng H: joined counts share the honour after them
        clause_end = _CLAUSE_END.search(text, end)
        stop = clause_end.start() if clause_end else len(text)
    stop = more.verbs_joined(text, end, stop) if suffix is None else stop  # được phong tặng, truy tặng H
    next_count = _ZH.search(text, end, stop) or words().vi.search(text, end, stop)
    stop = next_count.start() if next_count else stop
    after = [h for h in found if end <= h.start < stop or start <= h.start < end < h.end]
    after = [h for h in after if suffix or not given_for(text, h.end, next_count)]  # H2 cho 28 đơn vị
    then = words().then_honoured.match(text, end, sentence[1]) if suffix and not after else None
    if then:  # 等5家宗教团体,更荣获内政部「H」表扬: the next clause honours the counted
        clause_end = _CLAUSE.search(text, then.end())
        after = [
            h for h in found if then.end() <= h.start < (clause_end.start() if clause_end else len(text))
        ]
    after = ct.named_as(text, after) if suffix else after  # 等100个先进集体为铁路“工人先锋号”
    if after:
        if not suffix:
            return after[0]
        return ct.placed(
            ct.trimmed(after[0], text, end, words().counted_noun), text, end, words().counted_noun
        )
    verb = words().title_verb.search(text, max(sentence[0], start - 40), start)
    w = words()
    # 80人接受荣誉勋章, 8名个人获得优秀个人奖: received right after the count (and its noun)
    got = w.received.match(text, w.counted_noun.match(text, end).end()) if suffix else None
    got = got or (w.given_over.match(text, end) if suffix and _TOWARD.search(text, 0, start) else None)
    if got:
        return Mention(got.start("t"), got.end("t"), got.group("t"))
    comma = _CLAUSE.search(text, end)
    quoted = ct.quoted_chenghao(text, end, comma.start() if comma else len(text)) if suffix else None
    if quoted and not next_count:
        return quoted
    named = ct.quoted_named(text, end, stop, w.named_verb) if suffix else None
    if not named and suffix and verb:
        named = ct.quoted_after(text, w.counted_noun.match(text, end).end(), stop)
    if named:  # 共表彰20个“全国模范公安单位”: a quoted title right after an honouring verb's count
        return named
    named_as = suffix and w.counted_noun.match(text, end).group().endswith("为")  # X等4人为“H”建议人选
    titled = (
        ct.title_after(text, end, stop, suffix, w.counted_noun, w.title_mark)
        if suffix and (verb or named_as)
        else None
    )
    # 211位市长奖得主; 66位优秀青年获得表扬 (the counted are named by their title, then honoured)
    holder = w.title_holder.match(text, end) or w.title_subject.match(text, end) if suffix else None
    noun = holder and (  # 6个团体入围候选人, 七人全数通过成为得奖人: no title
        _COUNTED.match(text, holder.start("t")) or _BECAME.search(holder.group("t"))
    )
    if (
        holder
        and not titled
        and not noun
        and (holder.re is w.title_holder or w.title_mark.search(holder.group("t")))
    ):
        titled = Mention(holder.start("t"), holder.end("t"), holder.group("t"))
    if not titled and suffix and verb:  # 表扬577位国中应届毕业生县长奖
        titled = ct.award_after(text, end, stop, w.counted_noun, w.award_tail)
    honouring = w.title_verb.search(text, sentence[0], start) or text[start - 1 : start] == "等"
    if not titled and suffix and honouring:  # 表彰了50名周口市优秀志愿者、…、10个…优秀志愿服务社区
        titled = ct.marked_after(text, end, stop, w.counted_noun, w.title_mark)
    if not titled and suffix:  # 997户第十三届全国五好家庭并…: an edition's title right after the count
        titled = ct.edition_after(text, end, stop, w.counted_noun)
    if not titled and suffix:  # 五四青年标兵1人: a title no lexicon knows, right before the number
        titled = more.title_written_before(text, start, sentence[0], suffix, w)  # 五好家庭有50户, “H”100户
    item = before and _ITEM.search(text, max(0, before[-1].start - 6), before[-1].start)
    listed = item and _NEXT_ITEM.fullmatch(text, before[-1].end, start)  # 48个先进个人、50家先进单位
    # 15位模范父亲和8位慈晖父亲: a count joined to the titled one before it, with a title of its own
    twin = item and suffix and ct.parallel_title(text, before[-1], start, end, stop)
    return titled or twin or (before[-1] if before and not listed else None)


_ITEM = re.compile(rf"(?:{CN_NUMBER})[名个位人家户所支组][“\"「]?$")  # a list's count, then its title
_NEXT_ITEM = re.compile(r"[”\"」]?(?:集体|单位|个人|同志)?[”\"」]?[、，,]")  # 12个工人先锋号集体、
_COUNTED = re.compile(r"个人|集体|团体|单位|同志")  # what a count counts, not its title
_BECAME = re.compile(r"成为|通过|入围|[为是]$")  # …成为得奖人: a verb before the holders, no title
_ONE_UNIT = re.compile(r"集体|单位|个人")  # 其中,山西省一个集体、三名个人: 一 is a number here
_NOMINEES = re.compile(r"(?:[(（][^()（）]{1,4}[)）])?提名人选")
_ASIDE = re.compile(r"[(（][^()（）]{1,12}[)）]")
_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff]?[村窑路街巷乡镇区庄屯]")  # 二队窑村: a number in a place name
_TOWARD = re.compile(r"向[^，,。；;\d]{0,8}$")  # 向全市七名…颁发: the count is who is given to


def find_counts(
    text: str,
    lang: str,
    honour_mentions: list[Mention],
    lex: Lexicon,
    spans: list[tuple[int, int]] | None = None,
    honours_only: bool = False,
) -> list[Count]:
    """The counts of the text. `honours_only` (a page that only explains or calls for honours)
    keeps views and votes and drops every count of people or units."""
    spans = sentences(text) if spans is None else spans
    honour_mentions = more.with_count_titles(text, honour_mentions, words().count_title)
    found: list[Count] = []
    held: list[Count] = []  # counts their sentence does not honour: a list of names may (listed)
    for m in (words().vi if lang == "vi" else _ZH).finditer(text):
        count = _count(text, m, lang, honour_mentions, lex, spans)
        if count is None:
            continue
        # đề nghị …: 18 cá nhân; …; khen … 5 cá nhân: proposed
        proposed = proposed_before(text, m.start(), spans) or proposed_total(text, m.start(), spans)
        if lang == "vi" and count.status == "awarded" and proposed:
            count = dataclasses.replace(count, status="proposed")
        if count.unit in ("person", "collective", "household"):
            sentence = text[slice(*sentence_of(spans, m.start()))]
            honoured = count.status or count.honour or words().contest.search(sentence)
            # …khen thưởng 3 tập thể…; 2 tập thể: the awarding verb before the ; covers what follows it
            honoured = honoured or status_of(statement(text, m.start()), "", lex)
            after = words().honoured_after.match(text, m.end(), sentence_of(spans, m.start())[1]) or (
                (words().received.match(text, m.end()) or words().winners.match(text, m.end()))
                if lang != "vi"
                else words().merit_after.match(text, m.end())  # 29 Công đoàn viên xuất sắc
            )
            if not honoured and after:  # 2.278 học sinh đoạt các giải: the counted won
                honoured, count = True, dataclasses.replace(count, status="awarded")
            carried = carried_over(text, count, spans, honour_mentions, lex) if not honoured else None
            honoured, count = (True, carried) if carried else (honoured, count)  # Theo đó, có 39 tập thể
            roll = heading(text, m.start(), honour_mentions) if not honoured and lang != "vi" else None
            if roll:  # ●“全国优秀人民警察”⏎姚某等3名同志: the title above the count's line
                honoured, count = True, dataclasses.replace(count, honour=roll.text)
            cue = (
                words().list_cue.match(text, m.end())
                or words().list_cue_before.search(text, max(0, m.start() - 16), m.start())
                or (
                    lang != "vi"
                    and (bracket_heading(text, m.start(), m.end()) or closes_list(text, m.start()))
                )
            )
            if not honoured and cue:  # 浙江籍的个人有20位,分别是…; 名单如下（共16人）
                honoured = status_of(text[max(0, m.start() - 600) : m.start()], "", lex)
            clause = clause_of(text, m.start(), m.end(), lang)
            future = words().future.search(sentence)  # 公示…上榜,…将正式表彰: the award to come, not a quota
            published = (cue and count.status == "proposed") or (  # công khai danh sách 10 cá nhân đề nghị …
                lang != "vi"  # a notice (产生了16名…推荐人选), not a plan (集团党委拟表彰先进党支部2个)
                and count.status in ("proposed", "candidate")
                and not PLANNED.search(clause_head(text, m.start()))
            )
            vetoed = (
                (
                    (organisers(clause) or witnessed(text, m.end()))
                    and not words().honoured_after.match(text, m.end(), sentence_of(spans, m.start())[1])
                    and not PROPOSING.search(clause)  # 拟推荐1个集体申报…奖状: a nomination, not a sign-up
                    and not given_to(clause, text, m)
                    and not among_honoured(text, m.start(), spans)
                )
                or (
                    future and not (published and future.start() > m.end() - sentence_of(spans, m.start())[0])
                )
                or (lang != "vi" and organised_by(text, m.start(), m.end()))
                or retired(clause)
            )
            if (honours_only and not published) or not honoured or vetoed:
                if not honours_only and lang != "vi" and not words().future.search(sentence):
                    held.append(count)
                continue
            if count.honour is None and lang != "vi":  # 「112学年度县长奖颁奖典礼」,共计616位…获奖
                honour = more.ceremony_of(text, sentence_of(spans, m.start()), m.start(), m.end())
                count = dataclasses.replace(count, honour=honour)
            if count.status is None:  # the clause says nothing of it: its statement or paragraph may
                count = dataclasses.replace(count, status=unsaid_status(text, m.start(), lex))
        found.append(count)
    if lang != "vi":  # 5人获颁大紫荆勋章,…,41获铜紫荆星章
        found += elided(
            text, found, lambda a, b: _honour_near(a, b, text, sentence_of(spans, a), honour_mentions)
        ) + joined_number(text, found)
    found += listed(held, text, lambda intro: status_of(intro, "", lex))
    out: list[Count] = []
    for count in parts(sorted(found, key=lambda c: c.span), text, spans, words().part_marker):
        same = next(
            (i for i, kept in enumerate(out) if said_twice(count, kept) and not beside(count, kept, spans)),
            None,
        )
        if same is None:
            out.append(count)
        else:  # said again: what the first saying left out (25个单位…; 授予…等25个单位“H”称号)
            kept = out[same]
            out[same] = dataclasses.replace(
                kept, honour=fuller(kept.honour, count.honour), status=kept.status or count.status
            )
    out = shared(out, text, honour_mentions, words().award_end) if lang != "vi" else out
    return respectively(out, text, spans, honour_mentions)


def _count(text: str, m: re.Match, lang: str, honour_mentions, lex: Lexicon, spans) -> Count | None:
    num = m.group("num")
    ratio = re.search(r"([\d.,]+)/$", text[max(0, m.start("num") - 12) : m.start("num")])
    if ratio:  # 1.245/1.302 hộ: the count is the part, the whole is its base
        if ratio.group(1) == m.group("num"):
            return None  # 9/9 thôn đạt danh hiệu thôn văn hóa: all of them, a rate, no tally of the honoured
        num = ratio.group(1)
    value = parse_vietnamese(num) if lang == "vi" else parse_number(num)
    one = value == 1 and not num[:1].isdigit() and not _ONE_UNIT.match(text, m.end())  # 一个集体 counts
    one = one and not words().vi_joined.search(text, max(0, m.start() - 40), m.start())  # và một cá nhân
    if value is None or value == 0 or one or vague(text, m, lang):
        return None
    if (
        words().entrants.match(text, m.end())
        or (lang != "vi" and words().pool.match(text, m.end()))
        or words().share.match(text, m.end())
        or words().money.match(text, m.end())
        or words().mixed_units.match(text, m.end())
        or words().helped_before.search(text, max(0, m.start() - 8), m.start())
        or (lang != "vi" and words().quota.search(text, max(0, m.start() - 80), m.start()))
    ):
        return None
    if (
        lang != "vi"
        and (
            text[m.start() - 1 : m.start()] == "第"
            or re.search(r"[\d.]", text[m.start() - 1 : m.start()])
            or (  # 郭家窑乡二队窑村; X与Y两校获评…, 三校均是…: in words, the schools just named
                m.group("cls") in ("校", "队")
                and (_PLACE_AFTER.match(text, m.end()) or not num[:1].isdigit())
            )
        )
    ):
        return None
    sentence = sentence_of(spans, m.start())
    honour = _honour_near(
        m.start(), m.end(), text, sentence, honour_mentions, lex.suffix_re if lang != "vi" else None
    )
    anaphoric = honour is None and lang != "vi" and bool(words().anaphoric.match(text, m.end()))
    if anaphoric:  # “最美医生”。⏎X等10名同志光荣入选
        honour = said_before(m.start(), honour_mentions)
    kind = lex.honour_kind(honour.text) if honour else None
    if lang != "vi":
        before = bool(  # “全国五一劳动奖章”1197个: the title right before, its quote closed
            honour
            and honour.end <= m.start()
            and re.fullmatch(r"[”\"」』]?[(（]?", text[honour.end : m.start()])  # 优秀组织奖(3名)
            and num[:1].isdigit()
        )
        gap = text[m.end() : honour.start] if honour and honour.start >= m.end() else None
        next_to = gap in ("", "“", '"', "「")  # 319个上海市五一劳动奖章: the title right after the count
        unit = unit_zh(text, m, kind, before, honour.text if honour else "", next_to)
        prize = more.prize_tally(text, m.start())  # 表彰集体奖5项37个: the units that won 5 prizes
        unit = unit or (prize if prize != "any" else None)
        if honour and honour.end <= m.start() and in_document_title(text, honour) and other_kind(kind, unit):
            honour = None  # 《…先进个人…的决定》,对全省50家优秀企业: the decision's title names others too
    elif m.group("titles"):  # 182 danh hiệu … “Bà mẹ Việt Nam anh hùng”: titles given, one a holder
        unit = kind if honour and honour.start >= m.end() and kind in ("person", "collective") else None
    elif m.group("cls"):
        unit = words().vi_units.get(m.group("cls").lower(), "person")
        if (
            m.group("cls").lower() in words().vi_if_honoured
            and not words().honoured_soon.match(text, m.end())
            and not words().honoured_by.search(text, max(0, m.start() - 30), m.start())
        ):
            return None  # 120 đại biểu khách mời attend; 400 đại biểu được tuyên dương are honoured
    else:  # 124 “Tập thể lao động tiên tiến”: what the title right after the number honours
        gap = (
            text[m.end() : honour.start].lstrip('“"').lower() if honour and honour.start >= m.end() else None
        )
        if gap is None or len(gap) > 12:
            unit = None
        elif (gap or honour.text.lower()).startswith(words().vi_collective_title):
            unit = "collective"
        else:
            unit = kind if not gap and kind in ("person", "collective", "household") else None
    if unit is None:
        return None
    s, e = sentence
    start = (
        honour.start - 1
        if honour
        and not anaphoric  # “…奖章”1197个, not a title said sentences before (“最美医生”。X等10名…入选)
        and honour.end <= m.start()
        and text[honour.start - 1 : honour.start] in '“"'
        else m.start()
    )
    status = (
        status_of(  # 五人分别入选…年度榜样候选人物: the rest of its clause names the candidates
            text[
                decided_from(text, s, m.start()) : more.status_end(text, s, e, m.end(), lex.cue_re["awarded"])
            ],
            text[max(s, m.start() - 6) : max(m.end() + 12, clause_rest(text, m.end(), e))],
            lex,
            clause_head(text, m.start()),
        )
        or ("awarded" if honour and 0 <= honour.start - m.end() <= 2 else None)
    )  # 58位全国道德模范
    status = status or ("awarded" if lang != "vi" and (prize or ct.merit_after(text, m.end(), e)) else None)
    status = "candidate" if _NOMINEES.match(text, m.end()) else status  # 和10名提名人选: nominees
    if lang != "vi":  # the list it stands in, the rest of its clause (10人入围), a pool of nominations
        rest_of = text[m.end() : clause_rest(text, m.end(), e)]
        status = roll_status(
            text[s : m.start()], clause_head(text, m.start()), rest_of, text[m.end() : m.end() + 200], status
        )
    return Count(
        value=value,
        unit=unit,
        text=text[start : m.end()],
        span=(start, m.end()),
        status=status,
        approx=bool(m.group("pre") or (lang != "vi" and m.group("post"))),
        honour=more.honour_text(text, honour, m, honour_mentions, sentence, lang),
    )
