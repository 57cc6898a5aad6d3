"""What the words around a Chinese name say of the person's part in the ceremony: presenting the honours
(X为获奖者颁奖, 由X、Y及Z共同颁奖), attending as a guest (议员X、…也到场恭贺), winning a rank (X获得第二名),
being a relative of someone (黄县长的大儿子X). Split from people.py (its size); `ctx` is a people.Context."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from extract.lexicon import alternation
from extract.tsv import read_blocks

GIVEN_TO = re.compile(r"[为向给]")  # 为X颁奖: the person named after it receives
# 金克杨为一等奖获得者颁奖, 薛菊芳副局长为…获得者…进行颁奖, 王某为获奖者授旗: the one before 为 presents
# (因为, 评为 are no 为)
_PRESENTS_TO = re.compile(  # X在礼宾府宴会厅,向…颁发: a place may come first
    r"(?:在[\u4e00-\u9fff]{1,12}[，,]?)?[\u4e00-\u9fff]{0,6}?(?<![因作成认评称被])[为向给](?:[^。；;，,\n]|[，,]、){1,60}?"
    r"(?:颁奖|颁发|颁授|授奖|授牌|颁证|授旗|授(?=[“「]))"
)
# 前主委王瑞德为优秀社青表扬 (Taiwan papers): 为 the honoured, then 表扬, nobody receiving between
_PRAISES_FOR = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?<![因作成认评称被])[为向给][^。；;，,\n获受被荣]{1,30}?表扬"
)
# 由总统蔡英文亲自表扬: the one a ceremony is held "by"
_BY = re.compile(r"由[\u4e00-\u9fff]{0,8}$")
# 由代理县长X、议长Y及主任委员Z共同主持颁奖: the others named in the 由 list
_BY_LIST = re.compile(r"由[^，,。；;！？\n]{1,60}$")
_LIST_ITEM = re.compile(r"(?:、|及|与|和)[^、，,；;。！？!?\n]{0,20}$")  # …、议长Y及|主任委员|Z
# 在代理市长邱臣远手中接下奖状, 从X手中接过奖牌: the one whose hands the honours come from
_FROM_HANDS = re.compile(r"手中接(?:下|过)|手里接过")
# 校长X宣读了《…关于表彰…的决定》: the one who reads the decision out (not 宣读了《倡议书》)
_READS_OUT = re.compile(r"(?:同志)?(?:宣读|宣布)了?[^。；;，,\n]{0,60}?(?:决定|名单|通报|命令|嘉奖令|表彰)")
_BY_ACTS = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:共同|一起)?(?:亲自)?(?:主持)?(?:颁奖|颁发|颁授|颁赠|致赠|表扬|表彰|授予|授勋)"
)
# 西藏自治区团委书记罗梅(右)授予洛桑次仁…: the one named before 授予 (a photo's position mark between)
_CONFERS = re.compile(
    r"(?:[（(][左右中前后][一二三四五]?[）)])?(?:亲自|一一|分别|正式)?(?:授予|颁发|颁给|颁授)(?!了?[他她])"
)
# 市长张善政今于市政会议公开表扬两人: a leader whose clause goes on to commend (not 获/受 表扬)
# …and a leader who praises or speaks there (会长X称，…; 部长Y握住…的手称赞; 书记Z代表…作了发言)
_LEADER_PRAISES = re.compile(
    r"[^，,；;。！？!?\n获受被荣接]{0,14}?(?:表扬|嘉许|颁奖|称赞|赞扬|发言)|称(?=[，,：:“])"
)
_HANDS_OVER = re.compile(r"颁奖|颁发|颁授|颁赠|致赠|表扬|授奖|授牌|颁证|陪同")  # 由X、Y陪同: escorts
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")


@cache
def _attend_words() -> tuple[re.Pattern, re.Pattern]:
    """议员孙某、…乡长吕某也到场恭贺; 议员郑某、社会处长苏某，以及评审委员吴某等到场观礼, …等贵宾与会: a
    list of items joined by 、 and, once, by ，及/，以及 (a list's last item), going on to an attending verb."""
    words = read_blocks("people_zh.tsv")
    tail = "|".join(map(re.escape, words["attend_after"]))
    item = r"[^、，,；;。：:！？\n]"
    return (
        re.compile(
            rf"{item}{{0,8}}?(?:、{item}{{1,18}}?)*?(?:[，,]?(?:以及|及){item}{{1,18}}?)?(?:等{item}{{0,4}}?)?[也都均亦皆]?(?:{tail})"
        ),
        re.compile("|".join(map(re.escape, words["attend_receives"]))),
    )


@cache
def _rank_won() -> tuple[re.Pattern, re.Pattern]:
    """获得第二名, 荣获一等奖, 获得优秀指导奖: a winning verb and a rank in the same statement (no 奖 in
    between, so 获奖选手 is no rank); not a relative clause (获得一等奖的选手: someone else won). And
    the header of winners listed after it: 一等奖的是:, 二、三名分别为, 冠军为."""
    words = read_blocks("people_zh.tsv")
    verbs = "|".join(map(re.escape, sorted(words["rank_verb"], key=len, reverse=True)))
    ranks = "|".join(map(re.escape, sorted(words["rank"], key=len, reverse=True)))
    heads = "|".join(map(re.escape, sorted(words["rank_head"], key=len, reverse=True)))
    return (
        re.compile(rf"(?:{verbs})(?!奖)[^，,；;。！？!?\n奖]{{0,24}}?(?:{ranks})(?!的)"),
        re.compile(rf"(?:{ranks}|名)(?:{heads})"),
    )


_STATEMENT_END = re.compile(r"[；;。！？!?\n]")
_SENTENCE_START = re.compile(r"[。！？!?\n]")


def ranked(start: int, end: int, ctx) -> bool:
    """Does the person's statement (to the next ；。) go on to win a rank (丁西蕊和…张家旭获得第二名;
    来自…的盛秋君,来自…于世龙获得第三名), with no speech and no handing over on the way? Or does a
    rank header open the person's sentence (各组二、三名分别如下:国小组X、Y;…)?"""
    won, head = _rank_won()
    text = ctx.text
    stop = _STATEMENT_END.search(text, end)
    m = won.search(text, end, stop.start() if stop else len(text))
    if m and not GIVEN_TO.search(text, end, m.start()):
        return not ctx.lex.cue_re["speech"].search(text, end, m.start())
    opened = max((x.end() for x in _SENTENCE_START.finditer(text, max(0, start - 200), start)), default=0)
    h = head.search(text, opened, start)
    return bool(h) and not ctx.lex.cue_re["speech"].search(text, h.end(), start)


def attends_after(start: int, end: int, ctx) -> bool:
    """议员孙某、议长李某秘书、…、乡长吕某也到场恭贺得奖社区: the clause goes on, past the rest of
    the person's item and a 、-list, to an attending verb, honouring nobody before it and nobody
    receiving after it (到场领奖)."""
    listed, receives = _attend_words()
    m = listed.match(ctx.text, end)
    if not m or ctx.lex.cue_re["award"].search(ctx.text, end, m.end()):
        return False  # 王某荣获一等奖并出席…: honoured first
    stop = _CLAUSE_END.search(ctx.text, m.end())
    return not receives.search(ctx.text, m.end(), stop.start() if stop else len(ctx.text))


def presents(start: int, end: int, text: str) -> bool:
    """Does the person hand the honours over (X为获奖者颁奖, 由总统X亲自表扬, 由X、Y及Z共同颁奖, X(右)
    授予Y…称号, X宣读表彰决定) rather than receive them?"""
    if any(p.match(text, end) for p in (_PRESENTS_TO, _PRAISES_FOR, _FROM_HANDS, _READS_OUT)):
        return True
    if _CONFERS.match(text, end) and not _given_before(start, text):
        return True
    if _BY.search(text, max(0, start - 9), start) and _BY_ACTS.match(text, end):
        return True
    return _in_by_list(start, end, text)


def _given_before(start: int, text: str) -> bool:
    """向…医生洛桑次仁|颁发, 为“移树女孩”邹婉婷|颁发: a 为/向/给 earlier in the clause makes the name the
    one given to."""
    opened = max(
        (m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 60), start)), default=max(0, start - 60)
    )
    return bool(GIVEN_TO.search(text, opened, start))


def _in_by_list(start: int, end: int, text: str) -> bool:
    """由代理县长X、议长Y及主任委员Z共同主持颁奖: an item of a list opened by 由 whose clause goes on to
    hand over (the whole list presents)."""
    by = _BY_LIST.search(text, max(0, start - 60), start)
    if not by or "的" in by.group(0) or not _LIST_ITEM.search(text, max(0, start - 25), start):
        return False  # 由各乡镇推荐的X、Y受到表扬: a relative clause, the list is honoured
    stop = _CLAUSE_END.search(text, end)
    act = _HANDS_OVER.search(text, end, stop.start() if stop else len(text))
    return bool(act) and not re.search(r"[获受被荣领接]", text[end : act.start()])


def leader_praises(start: int, end: int, text: str) -> bool:
    """桃园市长张善政今于市政会议公开表扬两人: a leader's clause going on to commend others."""
    return bool(_LEADER_PRAISES.match(text, end))


def listed_after(start: int, leaders: set[tuple[int, int]], text: str) -> bool:
    """副市长雷佩兰、龙毅、艾琴: a name right after a leader's name and a 、 shares the position."""
    return start > 0 and text[start - 1] == "、" and any(e == start - 1 for _, e in leaders)


_GUEST_HEAD = re.compile(r"(?:主礼|颁奖|主禮|頒獎)(?:嘉宾|嘉賓|人)")
_RECEIVES = re.compile(r"[获受得]|领(?![袖导])|荣获|得主|得奖")  # not 义工总领袖, 领导: titles of the guests


def guest_listed(start: int, text: str) -> bool:
    """主礼嘉宾行动处处长X、…理事Y和…委员Z与得主合照: a name in the list a guest-of-honour word opens
    (in its clause, nothing received between) hands the awards over or officiates; so does a name in
    the list an attending clause announces (多位议员莅临，包括X议员、Y)."""
    opened = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 60), start)), default=0)
    heads = list(_GUEST_HEAD.finditer(text, max(opened, start - 60), start))
    return bool(heads) and not _RECEIVES.search(text, heads[-1].end(), start) or _attend_listed(start, text)


@cache
def _attend_list_head() -> re.Pattern:
    """莅临，包括 / 出席，有: an attending verb closing its clause, then the word that opens its list."""
    verbs = "|".join(map(re.escape, read_blocks("people_zh.tsv")["attend_after"]))
    return re.compile(rf"(?:{verbs})[，,]?(?:包括|计有|分别是|分别为)(?P<items>[^，,；;。！？!?\n]*)$")


def _attend_listed(start: int, text: str) -> bool:
    """还有多位市议员及代表莅临，包括林某议员、张某: a name in the 、-list that follows an attending
    verb and 包括 is a guest, unless the list receives something before the name."""
    head = _attend_list_head().search(text, max(0, start - 80), start)
    return bool(head) and not _RECEIVES.search(text, head.start("items"), start)


def in_work_title(start: int, end: int, text: str) -> bool:
    """Is text[start:end] inside 《…》, the title of a work (a programme, a book, a document), or inside
    a short “…”, the name of a campaign (“清风廉韵”)?"""
    for left, right, most in (("《", "》", 30), ("“", "”", 8)):
        opened = text.rfind(left, max(0, start - most), start)
        closed = text.find(right, end, end + most)
        if opened >= 0 and closed >= 0 and right not in text[opened:start] and left not in text[end:closed]:
            return True
    return False


@cache
def _relatives() -> re.Pattern:
    """黄县长的大儿子|黄思豪, 她的女儿|曾艳, 宋某的女儿|吕某: a relative's word (people_zh.tsv) right
    before the name, owned by a pronoun, a leader's title or a name (group 1 ends at the owner's end);
    not 孝顺的儿媳|X (a trait of the honoured), not 替母亲|X领奖 (the one received for)."""
    words = read_blocks("people_zh.tsv")["relative"]
    kin = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?:(?<![替代])[其他她]|[他她]的|(长|书记|主任)的|()的)[大小长次二三]?(?:{kin})$")


@cache
def _kin_after() -> re.Pattern:
    """她的丈夫, 他儿子: a pronoun owning a relative."""
    words = read_blocks("people_zh.tsv")["relative"]
    return re.compile(rf"[他她]的?[大小长次二三]?(?:{'|'.join(map(re.escape, words))})")


def relative_before(start: int, text: str, ends: set[int]) -> bool:
    """Is the person introduced as someone's relative (…县长的大儿子X, 她的女儿X, 宋某的女儿X)? `ends`:
    where the page's names end (the owner of …的女儿 must be one)."""
    m = _relatives().search(text, max(0, start - 10), start)
    if not m:
        return False
    owner = m.start(2) if m.group(2) is not None else None
    return owner is None or owner in ends


def received_for(start: int, text: str) -> bool:
    """替母亲|廖某来领奖, 代父亲|X领奖: the relative received for is the honoured one, no bystander."""
    return bool(
        re.search(
            r"[替代](?:[他她]的)?[大小长次]?(?:父亲|母亲|爸爸|妈妈|丈夫|妻子|爷爷|奶奶)$",
            text[max(0, start - 6) : start],
        )
    )


_PRONOUN = re.compile(r"(?<![其吉])([他她])(?![们人乡国处日者])")
_QUOTE_OPEN = '“「『"'
_TITLES = re.compile(
    r"“[^“”]{1,20}”|「[^「」]{1,20}」|『[^『』]{1,20}』"
)  # quoted and closed: a title, not speech


def pronoun_gender(spans, starts: list[int], text: str) -> str | None:
    """他/她 opening a clause after the person's mention, in the same or the next sentence, with no other
    mention of a person (`starts`: every person's mention starts, sorted) and no quotation between
    (黄峰…。他每天清运垃圾, 93岁的萧亚意…。她说): 'M' or 'F' when every such pronoun agrees."""
    seen = set()
    for _, e in spans:
        stop = _sentence_end(text, _sentence_end(text, e) + 1)
        at = bisect_left(starts, e)
        nxt = min(starts[at], stop) if at < len(starts) else stop
        for m in _PRONOUN.finditer(text, e, nxt):
            gap = text[e : m.start()]
            titled = _sentence_end(text, e) < m.start() and _TITLES.sub("", gap)  # 荣获“…奖章”。他…
            if any(q in (titled or gap) for q in _QUOTE_OPEN):
                break  # a quotation; a short quoted title only in the sentences before the pronoun's
            if _kin_after().match(text, m.start()):
                break  # 她的丈夫X: the pronoun's owner may be someone said before
            if m.start() == e or text[m.start() - 1] in "，,。；;！？!?\n ":
                seen.add("M" if m.group(1) == "他" else "F")
            break
    return seen.pop() if len(seen) == 1 else None


def _sentence_end(text: str, at: int) -> int:
    m = _STATEMENT_END.search(text, at)
    return m.start() if m else len(text)


_APPOSITIVE_GAP = re.compile(r"[”」』\"]?(?:荣誉)?(?:获得者|得主|获奖者)?[”」』\"]?")
_WINNER_TITLE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:奖章|勋章|奖)(?:获得者|得主)$")  # 五一劳动奖章获得者|X
_WINNER_WORD = re.compile(r"获得者|获奖者|得主")


@cache
def _emerged() -> re.Pattern:
    """涌现出…等一大批先进典型: the opener of a list of a place's or a unit's past examples."""
    return alternation(read_blocks("people_zh.tsv")["emerged"])


def _awards_now(ctx, text: str) -> bool:
    return bool(ctx.lex.cue_re["award"].search(text) or ctx.lex.cue_re["awarded"].search(text))


def past_example(start: int, end: int, ctx, sentence: tuple[int, int]) -> bool:
    """Is the person named only as an example of earlier honours: in a 涌现出… list (涌现出“全国优秀
    人民警察”黄宽全、一等功臣叶熙等一大批先进典型), or behind an honour used as a title (全国五一劳动
    奖章获得者孙娟…共同向…捐赠, “中国好人”陈文湘现场为大家作宣讲) whose sentence awards nothing now
    (受表扬者…「家庭照顾者楷模」X: awarded) and whose honour the page's title does not name?"""
    s, e = sentence
    text = ctx.text
    opener = None
    for m in _emerged().finditer(text, s, start):
        opener = m
    if opener and not _awards_now(ctx, text[opener.end() : start]):
        return True
    titled = [h for h in ctx.honours if h.end <= start and _APPOSITIVE_GAP.fullmatch(text, h.end, start)]
    if titled:
        if titled[-1].text in ctx.title:
            return False
        at = titled[-1].start
    else:
        m = _WINNER_TITLE.search(text, max(s, start - 16), start)
        if not m:
            return False
        at = m.start()
    rest = _WINNER_WORD.sub("|", text[s:at] + "|" + text[start:e])  # the sentence without appositives
    return not _awards_now(ctx, rest)


@cache
def _judges() -> re.Pattern:
    """…共同担任评委, …作为嘉宾观看: a statement going on to a judge's or a guest's part."""
    words = read_blocks("people_zh.tsv")
    verbs, roles = alternation(words["judge_verb"]).pattern, alternation(words["judge_role"]).pattern
    return re.compile(rf"[^。；;！？!?\n]{{0,60}}?(?:{verbs})[^。；;，,！？!?\n]{{0,12}}?(?:{roles})")


def judges(start: int, end: int, ctx) -> bool:
    """团委老师陶艺、欧阳德龙、唐永超,…共同担任评委; 陈雨老师作为嘉宾观看了整场比赛: the person's
    statement goes on to judge or to watch as a guest, winning nothing on the way."""
    m = _judges().match(ctx.text, end)
    return bool(m) and not _awards_now(ctx, ctx.text[end : m.end()])


@cache
def _donates() -> re.Pattern:
    words = alternation(read_blocks("people_zh.tsv")["donate"]).pattern
    habit = alternation(read_blocks("people_zh.tsv")["donate_habit"]).pattern
    return re.compile(rf"[^。；;！？!?\n]{{0,40}}?(?P<habit>{habit})?(?:{words})")


def donates(start: int, end: int, ctx) -> bool:
    """陈某偕同儿子、常务监事徐某捐赠一一五万元的复康巴士: the person's statement goes on to give,
    winning nothing on the way or in the rest of the statement."""
    m = _donates().match(ctx.text, end)
    if not m or m.group("habit"):
        return False  # 事业有成后长期捐助社福单位: a portrait's habit of giving, not a gift at the ceremony
    stop = _STATEMENT_END.search(ctx.text, m.end())
    return not _awards_now(ctx, ctx.text[end : stop.start() if stop else len(ctx.text)])


_ATTEND_VERB = re.compile(r"参加|出席|莅临|到场|与会|參加|蒞臨")
_CLAUSES = re.compile(r"[^，,；;。！？!?\n]+")
# 亲临参加或派员代表，计有：⏎ — the heading of a roll of those who attend
_ROLL_HEAD = re.compile(
    rf"(?:{_ATTEND_VERB.pattern})[^。\n]{{0,24}}?(?:计有|有|包括|如下)[:：][ \t\u3000]*\n"
)
_ROLL_LINE = re.compile(r"[^\n]*\n?")
_VISITED = re.compile(r"(?:晋见|觐见|拜会|拜见|晉見|覲見|拜會)[\u4e00-\u9fff]{0,6}$")


def attends_in_roll(start: int, end: int, ctx) -> bool:
    """市委常委、…主席X；省总工会…副主席Y；…，共计300余人参加了表彰大会: a name closing its part of
    a sentence of parts joined by ；, the sentence's last clause attending, the person's part awarding
    nothing; or a name in the roll under a heading that attends (…亲临参加或派员代表，计有：⏎苗栗县：⏎
    县政府X处长与Y科长、…)."""
    text = ctx.text
    if text[end : end + 1] in "；;":
        s = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, start - 300), start)), default=0)
        stop = _SENTENCE_START.search(text, end)  # the sentence runs on over its ；
        e = stop.start() if stop else len(text)
        parts = text[s:e].split("；") if "；" in text[s:e] else text[s:e].split(";")
        last = [m.group(0) for m in _CLAUSES.finditer(parts[-1])]
        own = text[max(s, text.rfind("；", s, start) + 1, text.rfind(";", s, start) + 1) : end]
        if len(parts) > 2 and last and _ATTEND_VERB.search(last[-1]) and not _awards_now(ctx, own):
            return True
    return _in_roll(start, text, ctx)


def _in_roll(start: int, text: str, ctx) -> bool:
    """Is the name in the lines under a roll heading, each a place header (苗栗县：) or a 、-list?"""
    heads = [m for m in _ROLL_HEAD.finditer(text, max(0, start - 3000), start)]
    if not heads or ctx.lex.cue_re["award"].search(heads[-1].group(0)):
        return False
    at = heads[-1].end()
    while at < start:
        line = _ROLL_LINE.match(text, at).group(0).strip()
        listed = line.count("、") >= 2 and not re.search(r"[，,]", line)
        if not (listed or (len(line) <= 8 and line.endswith((":", "："))) or not line):
            return False
        at = _ROLL_LINE.match(text, at).end()
    return True


def visited(start: int, text: str) -> bool:
    """前往总统府晋见总统X: the one the honoured call on (a host, not honoured)."""
    return bool(_VISITED.search(text, max(0, start - 10), start))
