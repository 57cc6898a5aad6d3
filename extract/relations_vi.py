"""People records of Vietnamese articles: who each person found is to the article (honouree,
official, author, mentioned), from the finder's mentions (extract/people_vi.py) and the shared
relation rules (extract/people.py)."""

from __future__ import annotations

import re
from functools import cache

from extract.ethnicity_vi import ethnicity_vi, only_group
from extract.people import Context, decide_relation, honours_by_person
from extract.people_vi import Found, attends, patterns
from extract.people_vi_acts import acts, helped, namesake
from extract.people_vi_bounds import sentence_end
from extract.people_vi_gender import gender_vi, pronoun_gender
from extract.people_vi_more import contact
from extract.records import Person
from extract.tsv import read_rows

# X - Giám đốc Sở …; Y - Bí thư huyện uỷ được trao tặng Huân chương (được đón nhận, được đề nghị xét tặng):
# leaders named before a passive award
_PASSIVE_AWARD = re.compile(
    r"được\s+(?:đề nghị\s+)?(?:xét\s+)?(?:trao tặng|trao|tặng thưởng|tặng|truy tặng|phong tặng|đón nhận|nhận)\b",
    re.I,
)
# mong rằng các đồng chí được nhận …, 28 người … được trao tặng: others get it
# … cho biết, đợt này có 38 đảng viên được nhận …: the person reports; a number and a noun open a new subject
# … đã nói “Những thầy cô được trao tặng …: a quote or a colon opens another speaker's words
_NEW_SUBJECT = re.compile(
    r"\b(?:các|những|mong|chúc|cho biết|chia sẻ|báo cáo|thông tin)\b|\b\d+\s+(?!tuổi\b|năm\b)[a-zà-ỹ]+\b"
    r"|[“\"«:]|\b(?:Các|Những)\b"
)


@cache
def _honour_titles() -> frozenset[str]:
    """The honours that may stand before a name as a title (Anh hùng Lao động X): lower case."""
    return frozenset(
        r[0].lower() for r in read_rows("honours.tsv", 3) if not re.search("[\u4e00-\u9fff]", r[0])
    )


@cache
def vi_leaders() -> tuple[str, ...]:
    return tuple(row[0].lower() for row in read_rows("positions_vi.tsv", 3) if row[1] == "leader")


def people_vi(found: list[Found], ctx: Context) -> list[Person]:
    text = ctx.text
    by_name: dict[str, list[Found]] = {}
    for f in found:  # Nguyễn Hương Giang and Nguyễn Hương giang are one person
        by_name.setdefault(text[f.start : f.end].lower(), []).append(f)
    by_name = _short_forms_joined(by_name)
    out = []
    everyone = [(f.start, f.end) for f in found]
    for mentions in by_name.values():
        name = max(
            (text[f.start : f.end] for f in mentions), key=lambda n: sum(w[:1].isupper() for w in n.split())
        )
        spans = [(f.start, f.end) for f in mentions]
        role = max((f.role for f in mentions if f.role), key=len, default=None)  # the fullest
        org = next((f.org for f in mentions if f.org and not only_group(f.org)), None)
        cues = " ".join(f"{f.cue} {f.role or ''}".lower() for f in mentions)
        leader = any(p in cues for p in vi_leaders())
        speaks = any(
            ctx.lex.cue_re["speech_vi"].search(text, s, sentence_end(text, e, 120)) for s, e in spans
        )
        speaks = speaks or any(attends(text, s) or _speech_before(text, s, ctx) for s, _ in spans)
        how = {"signature"} if any(f.author for f in mentions) else set()
        if any(f.signer for f in mentions):
            how = {"attending"}  # Người ký: the official who signed
        elif namesake(text, name):
            how = {"namesake"}  # Giải thưởng Nguyễn Văn Linh
        elif any(helped(text, s, e) or _KIN.match(text, e) for s, e in spans):
            how = {"helped"}  # chiếc ví do anh X đánh rơi: the owner; bà Y (mẹ em Tuấn): kin; mentioned
        elif all(_example(text, s, ctx) for s, _ in spans):
            how = {"example"}  # … điển hình … như bà X, Y đã hiến đất: cited as a model, no award here
        elif any(contact(text, e) for _, e in spans):
            how = {"contact"}  # đồng chí X – Phó Chủ tịch … (số điện thoại …): whom to call
        passive = not how and any(_passive_recipient(e, ctx) for _, e in spans)
        named = honours_by_person(spans, how, ctx)
        reporting = (  # not one also named with an honour (X báo cáo …; X nhận Huân chương …)
            (leader or _HEADS.search(cues))
            and not named
            and not any(f.cue.lower() in _honour_titles() for f in mentions)
            and any(reports(text, e) for _, e in spans)
            and not any(_RECEIVES.match(text, _past_post(text, e)) for _, e in spans)
        )
        official = (
            (leader and speaks)
            or reporting
            or any((acts(text, e) and not _given_to(text, s0)) or _delegated(text, s0) for s0, e in spans)
            or any(_LEADS.search(text, max(0, s0 - 60), s0) for s0, _ in spans)
            or any(_comes_to_give(e, ctx) for _, e in spans)
        )
        relation = (
            "mentioned"  # Nguyễn Trung Tiến (29 tuổi) in a story of the arrest: the suspect
            if any(f.accused for f in mentions)
            else "official"
            if official
            and not how
            and (
                (leader and any(_present(text, s0) for s0, _ in spans))
                or (
                    not _recipient(spans, ctx)
                    and not any(_given_to(text, s0) for s0, _ in spans)
                    and not _award_list(mentions, ctx)
                    and not passive
                )
            )
            else "mentioned"  # em được thầy X trực tiếp bồi dưỡng: the one who helped the honoured
            if all(_AGENT.search(text, max(0, s0 - 30), s0) for s0, _ in spans)
            else decide_relation(spans, how, False, ctx, bool(named) or passive, False, name)
        )
        if relation == "honouree" and not named and not passive and role and _STATE_HEAD.match(role):
            relation = "official"  # Chủ tịch Quốc hội X cùng lãnh đạo … chụp ảnh với …: the state's head
        honour = named.text if named else (ctx.main_honour if relation == "honouree" else None)
        out.append(
            Person(
                name=name,
                relation=relation,
                span=next(sp for sp in spans if text[sp[0] : sp[1]] == name),  # as written
                role=role,
                org=org,
                honour=honour if relation == "honouree" else None,
                gender=gender_vi(mentions, ctx.lex, name) or pronoun_gender(text, spans, everyone),
                ethnicity=ethnicity_vi(text, spans, everyone),
                posthumous=relation == "honouree"
                and (
                    any(ctx.cue_near("posthumous", s, e, 400, 10) for s, e in spans)  # in its sentence
                    or _award_list(mentions, ctx, "posthumous")
                    or any(_posthumous_after(text, e) or _namely(text, s, ctx) for s, e in spans)
                ),
            )
        )
    return out


def _short_forms_joined(by_name: dict[str, list[Found]]) -> dict[str, list[Found]]:
    """A page names a person in full once, then by the last two words of the name (chị Giáp Thị
    Sông Hương … chị Sông Hương; bị cáo Trần Thị Ngọc Trinh (người mẫu Ngọc Trinh)): the short form's
    mentions join the one full name it closes, so it is no second person."""
    out = dict(by_name)
    for short in by_name:
        if len(short.split()) != 2 or any(f.author or f.signer for f in by_name[short]):
            continue  # the signature Mai Lan under a story of Nguyễn Thị Mai Lan: the writer's own name
        full = [k for k in by_name if len(k.split()) > 2 and k.endswith(" " + short)]
        if len(full) == 1:  # two full names closing alike (Lê Thu Hà, Trần Thu Hà): whose is unknown
            out[full[0]] = out[full[0]] + out.pop(short)
    return out


# a prize or an honour's kind word: a sentence citing models with it tells what they won
_PRIZE = re.compile(r"(?<!\w)(?:giải|huy chương|huân chương|bằng khen|giấy khen|danh hiệu)(?!\w)", re.I)
# … nhiều cá nhân điển hình … như | bà X: the models a sentence cites
_EXAMPLES = re.compile(r"(?<!\w)điển hình(?!\w)[^.;:\n]*?(?<!\w)như(?!\w)[^.;:\n]*\Z", re.I)


def _example(text: str, at: int, ctx: Context) -> bool:
    """Is the name at `at` one of the models a sentence cites after `điển hình … như` (đã xuất hiện
    nhiều cá nhân điển hình … như bà X, Y ở xã Z đã hiến đất), the sentence awarding nothing, telling
    of no prize won and naming no honour? Then the page tells of the movement; it does not honour them."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    end = sentence_end(text, at, 400)
    return bool(
        _EXAMPLES.search(text, start, at)
        and not ctx.lex.cue_re["award"].search(text, start, end)
        and not _WINNERS.search(text, start, end)  # … như cô X, cô Y, đều giành giải nhì …: winners
        and not _PRIZE.search(text, start, end)  # … như em X (Huy chương Vàng quốc gia …): a prize
        and not any(start <= h.start < end for h in ctx.honours)
    )


# the heads of the state and the Party, in office: present at a ceremony, never honoured by it
_STATE_HEAD = re.compile(
    r"(?:Tổng Bí thư|Chủ tịch nước|Chủ tịch Quốc hội|Thủ tướng|Phó Thủ tướng|Phó Chủ tịch nước)\b"
)


# được thầy | X (trực tiếp bồi dưỡng): the person after được and an address term does the passive's deed
_AGENT = re.compile(r"(?<!\w)được[ \t]+(?:thầy|cô|ông|bà|anh|chị|đồng chí)(?: giáo)?[ \t]+\Z", re.I)


# a head of the school or the unit holding the ceremony, who reports on it (staff in positions_vi.tsv);
# the head of a team, a post or a station honoured as a unit, who tells of its work (Trung tá X, Đội
# trưởng Đội …, cho biết): speaks for the unit, is not honoured in person
_HEADS = re.compile(r"hiệu trưởng|chủ nhiệm|đội trưởng|đồn trưởng|trạm trưởng")
# right after a leader's name and post: the leader reports or reads out (… cho biết, …; … đã đọc …)
# (ông X, Trưởng Công an huyện Hướng Hóa, Quảng Trị, cho biết: the province after the post, too)
_REPORT = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:,[ \t]*[A-ZĐ][^\s,.;:]*(?:[ \t]+[A-ZĐ][^\s,.;:]*){0,3}(?=[ \t]*,))?"
    r"[ \t]*,?[ \t]*(?:đã[ \t]+)?(?:cho biết|chia sẻ|báo cáo|đọc|khai mạc|thông tin)(?!\w)"
)


# right after a name (and its post): the person receives (X (phải) nhận Huân chương; Y được tặng …)
_RECEIVES = re.compile(
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*,?[ \t]*(?:vinh dự[ \t]+|đã[ \t]+)?(?:nhận|được (?:trao|tặng|khen|công nhận))(?!\w)"
)


# bà X (mẹ em Tuấn), ông Y (bố của liệt sĩ Z), bà W, vợ anh Hùng, …: kin who receive for the honoured one,
# not honoured themselves
_KIN = re.compile(
    r"[ \t]*(?:\(|,[ \t]*)(?:là[ \t]+)?(?:mẹ|bố|cha|vợ|chồng|con trai|con gái|người nhà|thân nhân|đại diện gia đình)"
    r"(?:[ \t]+(?:của|em|anh|chị|ông|bà|cháu|mẹ|bố|cụ|liệt sĩ|đồng chí))+[ \t]+[A-ZĐ]",
    re.I,
)


# the one acting for the awarding body, or the one whose decision it is, comes after these in the sentence
_DELEGATE = re.compile(r"(?<!\w)(?:thừa (?:ủy|uỷ) quyền|theo quyết định của)(?!\w)", re.I)
_GIVES = re.compile(r"(?<!\w)(?:trao|tặng|khen thưởng|cho)(?!\w)")


# công nhận liệt sĩ cho anh X và trao bằng …: the name after `cho` (and an address term) is given to
# (… Huân chương Lao động hạng Nhất cho Giám đốc Bệnh viện PGS.TS. X: the post and degree between, too)
_GIVEN_TO = re.compile(r"(?<!\w)cho(?![ \t]+(?:biết|thấy|rằng)(?!\w))(?:[ \t]+[^\s,;:]+){0,7}[ \t]+\Z")


# Đoàn (công tác) do bà X, phó chủ tịch UBND TP, đến thăm …: the one leading the visiting party
_LEADS = re.compile(r"(?<!\w)[Đđ]oàn(?:[ \t]+công tác)?[ \t]+do(?:[ \t]+[a-zà-ỹ]+){0,2}[ \t]+\Z")


# a full stop after a lower-case word ends a sentence; one after capitals abbreviates (PGS.TS. X)
_SENTENCE_END = re.compile(r"(?<=[a-zà-ỹ0-9])[.!?][ \t]+")


# Dự và trao Huy hiệu Đảng cho các đảng viên có | đồng chí X: `có` and an address term open those present
_PRESENT = re.compile(r"(?<!\w)có[ \t]+(?:các[ \t]+)?(?:đồng chí|ông|bà)[ \t]+\Z", re.I)


def _present(text: str, at: int) -> bool:
    """Is the name at `at` one of those a sentence opening with `Dự`, `Tham dự` says were present
    (Dự và trao Huy hiệu cho các đảng viên có đồng chí X, Bí thư …)? An award and `cho` before it
    in that sentence go to others; a leader present there is an official."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    return bool(patterns().attend.match(text, start) and _PRESENT.search(text, max(start, at - 30), at))


def _given_to(text: str, at: int) -> bool:
    """Is the name at `at` the one something is given to in its sentence (… cho anh X, … cho Giám đốc
    Bệnh viện X)? Then a verb after it (và trao bằng …) goes on with the sentence's giver, and a post
    they hold makes them no official there: they receive."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 80), at)]
    return bool(_GIVEN_TO.search(text, max([text.rfind("\n", 0, at) + 1, at - 80, *ends]), at))


def _delegated(text: str, at: int) -> bool:
    """Is the person at `at` named soon after `thừa ủy quyền (của Chủ tịch UBND tỉnh),` or `Theo quyết
    định của (Chủ tịch nước)`, no giving verb between? They act for the awarding body or decide: an
    official (ông X - Giám đốc Sở Nội vụ và ông Y - …; Chủ tịch nước Z), not one honoured."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, at - 160)
    cues = list(_DELEGATE.finditer(text, start, at))
    return bool(cues) and not _GIVES.search(text, cues[-1].end(), at)


def reports(text: str, end: int) -> bool:
    """Does the leader named right before `end` go on to report or read out (Chủ tịch Hội CCB huyện
    X cho biết, …; bà Y – Hiệu trưởng Nhà trường chia sẻ, …; BS. Z - Giám đốc bệnh viện đã đọc …)?
    The post may stand between."""
    return bool(_REPORT.match(text, _past_post(text, end)))


def _past_post(text: str, end: int) -> int:
    """Where the post written right after a name ends (X - Giám đốc Sở Nội vụ | đã …), else `end`."""
    t = patterns().tail.match(text, end)
    if not (t and t.group("role")):
        return end
    role = t.group("role")
    cut = re.search(r"\s(?:cho biết|chia sẻ|báo cáo|đã|đọc|khai mạc|thông tin|nhận|được)(?!\w)", role)
    return t.start("role") + (cut.start() if cut else len(role.rstrip()))


# … đã đến Công an tỉnh Bình Dương trao Bằng khen …: the subject travels to the honoured to give
_VISIT_GIVE = re.compile(
    r"(?<!\w)(?:đến|về|tới|xuống)(?!\w)[^.;:\n]{0,80}?(?<!\w)(?:trao|tặng|khen thưởng)(?!\w)"
)
_TAKES = re.compile(r"(?<!\w)(?:được|nhận|cho biết|chia sẻ)(?!\w)")


def _comes_to_give(end: int, ctx: Context) -> bool:
    """Does the person named before `end` (and their post, and those with them: Đại tá X - Phó Giám
    đốc Công an tỉnh cùng lãnh đạo các phòng …) go somewhere to give an honour in the same sentence
    (… đã đến Công an tỉnh B trao Bằng khen …)? The giver, an official; not one given to (được, nhận)
    or one who only tells of it (cho biết)."""
    text = ctx.text
    at = _past_post(text, end)
    m = _VISIT_GIVE.search(text, at, sentence_end(text, at, 220))
    if not m or ":" in text[end : m.start()] or _TAKES.search(text, end, m.start()):
        return False
    return any(m.end() <= h.start <= m.end() + 40 for h in ctx.honours)


def _speech_before(text: str, at: int, ctx: Context) -> bool:
    """Phát biểu tại lễ trao giải, đồng chí X …: the speech opens the sentence the name is in."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    speech = ctx.lex.cue_re["speech_vi"]  # opening the sentence, a long post may stand between
    return bool(
        speech.search(text, max(start, at - 60), at) or (at - start < 150 and speech.match(text, start))
    )


def _recipient(spans, ctx: Context) -> bool:
    """Is the person named after an awarding verb in their clause (trao Huân chương … cho … ông X)?"""
    text = ctx.text
    for s, _ in spans:
        a = max(max(text.rfind(c, 0, s) for c in ",;:\n") + 1, text.rfind(". ", 0, s) + 2, s - 250)
        award = ctx.lex.cue_re["award"].search(text, a, s)
        if award and any(a <= h.start < s for h in ctx.honours) and not _OWNER.search(text, a, s):
            return True
    return False


# … truy tặng Huân chương Dũng cảm của Chủ tịch nước | X: the one whose decision it is, not who gets it
_OWNER = re.compile(r"(?<!\w)của[ \t]+(?:(?!cho\b|tặng\b|trao\b)[^\s,;:.]+[ \t]+){0,6}\Z")


def _passive_recipient(end: int, ctx: Context) -> bool:
    """Is the person one of those an award is given to later in their sentence, in the passive (X - Giám
    đốc Sở …; Y - Bí thư huyện uỷ được trao tặng Huân chương …), no speech or act of theirs between?"""
    text = ctx.text
    stop = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    m = _PASSIVE_AWARD.search(text, end, min(stop, end + 300))
    if (
        not m
        or ctx.lex.cue_re["speech_vi"].search(text, end, m.start())
        or _NEW_SUBJECT.search(text, end, m.start())
    ):
        return False
    return any(m.end() <= h.start <= m.end() + 40 for h in ctx.honours) or bool(
        _AWARD_KIND.match(text, m.end())
    )


# an honour's kind word right after the passive verb (được trao Huy hiệu 50 năm tuổi Đảng): an award, even
# one whose full title the honour table lacks, or one the sentence only points back to (được nhận giải
# thưởng này: the prize the sentence before named)
_AWARD_KIND = re.compile(
    r"[ \t]*(?:huy hiệu|huân chương|huy chương|bằng khen|giấy khen|danh hiệu|kỷ niệm chương|cờ thi đua"
    r"|giải thưởng (?:này|trên|đó))(?!\w)",
    re.I,
)


_POSTHUMOUS_PASSIVE = re.compile(r"được[ \t]+truy[ \t]+(?:tặng|phong|tặng thưởng)(?!\w)", re.I)


def _posthumous_after(text: str, end: int) -> bool:
    """Is the person given an award posthumously later in their sentence, in the passive (đồng chí X,
    nguyên cán bộ …, đã được truy tặng …), no other subject opening between?"""
    m = _POSTHUMOUS_PASSIVE.search(text, end, sentence_end(text, end, 200))
    return bool(m) and not _NEW_SUBJECT.search(text, end, m.start())


# Đó là Thượng tá A (SN 1977), …; Thượng úy B …: a sentence naming those the one before spoke of
_NAMELY = re.compile(r"(?:Đó là|Đây là|Họ là|Gồm)(?!\w)")


def _namely(text: str, at: int, ctx: Context) -> bool:
    """Does the person's sentence open with `Đó là` (namely), the sentence before telling that those
    it names died (3 cán bộ chiến sĩ … đã anh dũng hy sinh. Đó là Thượng tá A, …)? Then the award
    after is posthumous for them too."""
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    if not _NAMELY.match(text, start):
        return False
    before = max(text.rfind(". ", 0, max(0, start - 2)) + 2, text.rfind("\n", 0, max(0, start - 1)) + 1)
    return bool(ctx.lex.cue_re["posthumous"].search(text, before, start))


# the list's opening sentence says its people won or are given an honour (… đoạt Giải thưởng …, … được
# tặng Bằng khen gồm: …)
_WINNERS = re.compile(r"(?<!\w)(?:đoạt|giành|được (?:trao|tặng|nhận|khen))(?!\w)")


def _award_list(mentions: list[Found], ctx: Context, cue: str = "award") -> bool:
    """Is the person an item of a list an awarding sentence opens (tặng Huân chương …, gồm: A, B)?
    With `cue="posthumous"`: one a posthumous award opens (được truy tặng …, gồm: A; B)."""
    for f in mentions:
        if f.listed:
            start = max(ctx.text.rfind(". ", 0, f.start) + 2, ctx.text.rfind("\n", 0, f.start) + 1)
            if ctx.lex.cue_re[cue].search(ctx.text, start, f.start):
                return True
            if cue == "award" and _WINNERS.search(ctx.text, start, f.start):
                return True  # Danh sách các cá nhân … đoạt Giải thưởng X gồm các ông, bà: A, …
    return False
