"""Honoured Vietnamese collectives (issue 11): a unit head (units_vi.tsv: Phòng, Trường, Công ty, tổ …)
after `như:`/`gồm:`, `tặng … cho`, `khen thưởng`, `Tập thể`, on a list line, or before `được … tặng` /
`đón nhận Bằng khen` (a place after a comma between them), the host of a ceremony in which it receives
one, or by bare name after `các bệnh viện:`; not a look-alike (units_vi_not.tsv), nor after a person's or
a place's word (collective_frames_vi.tsv, positions_vi.tsv). The people of a place honoured as one
(Đảng bộ, chính quyền và nhân dân huyện X; nhân dân và cán bộ xã Y): collectives_vi_places.py."""

from __future__ import annotations

import re
from functools import cache

from extract.collectives_vi_places import whole_places
from extract.lexicon import alternation
from extract.people_vi_credits import LOWER, SYLLABLE, UPPER
from extract.records import Collective
from extract.text import Mention
from extract.tsv import read_rows


@cache
def _vi_heads() -> list[str]:
    """The Vietnamese unit heads, longest first."""
    return sorted((row[0] for row in read_rows("units_vi.tsv", 2)), key=len, reverse=True)


# a provincial police department by its code (PC45, PA03, PV01: Phòng Cảnh sát …, Phòng An ninh …),
# the province's police after it (PC45 Công an tỉnh Gia Lai)
_POLICE_CODE = r"P[ACHKV]\d{2}"


# an abbreviation in brackets inside a unit's name: Đội Cảnh sát giao thông (CSGT) Hàng Xanh
_ABBREVIATION = r"\([A-ZĐ]{2,8}\)"  # letters only: a police code (PV01) closes a name (_CODED)


# a rank or title opening a person's name: after và, a person honoured with the unit, not its words
_RANKS = "Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đồng chí"


@cache
def _vi_unit() -> re.Pattern:
    """A Vietnamese unit's name: an organisation head word (its lower-case form too: tổ Văn, checked in
    `_vi_name`), then words up to a stop word or punctuation."""
    heads = list(_vi_heads())
    heads += [h[0].lower() + h[1:] for h in heads if h[0].isupper() and not h.isupper() and h != "Sở"]
    # và inside a department's name (Sở Giáo dục và Đào tạo, Tài nguyên và Môi trường), not before
    # another unit (và Công ty cổ phần …, và Trường tiểu học …) or a person by rank (và Đại tá X)
    others = alternation([h for h in heads if h.lower() != "xã"]).pattern
    inner_and = rf"và(?!\s+(?!(?:{others}|{_RANKS})(?!\w))[{UPPER}][{LOWER}]+\s+[{LOWER}])"
    stop = rf"(?:{inner_and}|với|vì|được|đã|cũng|còn|có|là|cho|trong|tại|của|trực thuộc|thuộc|đạt|tích cực|nhận|kiêm|đón nhận|vinh dự|năm|tặng|trao|long trọng|trọng thể|tổ chức)\b"
    return re.compile(
        rf"(?<![\w.])((?:{alternation(heads).pattern}|{_POLICE_CODE})(?!\w)(?:\s+(?!{stop})(?:phòng,\s+chống|{_ABBREVIATION}|[\w/.-]+)){{0,8}})",  # phòng, chống ma túy: one phrase
        re.U,
    )


@cache
def _vi_not() -> re.Pattern:
    """A look-alike opening a name (Hội nghị …), or (a row ending in $) making the whole of it."""
    rows = [row[0] for row in read_rows("units_vi_not.tsv", 2)]
    starts = alternation(r for r in rows if not r.endswith("$")).pattern
    whole = alternation(r[:-1] for r in rows if r.endswith("$")).pattern
    return re.compile(rf"(?:{starts})\b|(?:{whole})\Z")


def _vi_name(name: str, before: str) -> bool:
    """A unit's name, not a look-alike (Khoa học, Hội nghị); one starting in lower case must go on with
    a proper name or number (tổ Văn, xã Tân Thành, tổ dân phố 17; not nông thôn mới) and not end one
    (Liên đoàn Lao động: not a unit `đoàn Lao động`)."""
    words = name.split()
    if re.fullmatch(_POLICE_CODE, name):
        return True  # thưởng đột xuất đối với đơn vị PC04: a police department by its code alone
    if len(words) < 2 or name.lower() in ("tổ dân phố", "khu phố"):
        return False
    if _vi_not().match(name) and not _PARTY_BOARD.match(name):
        return False
    if any(name.lower() == h.lower() for h in _vi_heads()):
        return False  # Tập thể được tặng …: the head word alone names no unit
    head = next((h for h in _vi_heads() if name.lower().startswith(h.lower() + " ")), "")
    if head and _GENERIC.fullmatch(name[len(head) :]):
        return False  # cho 2 cán bộ thuộc … và Công an phường: a kind of unit, no unit's name
    if _PERSON_LIKE.fullmatch(name):
        return False  # gồm Đoàn Cát Ngân, Lưu Mai Ca: Đoàn is a family name there, not a delegation
    previous = re.search(r"(?:^|\s)(\S+) \Z", before)  # Ngô Trường Huy: a head inside a proper name
    if previous and previous.group(1).lstrip('(“"')[:1].isupper() and previous.group(1)[-1].isalnum():
        return False
    if name[0].islower() and not name.startswith("đội tuyển "):  # đội tuyển bóng đá nam U23: a national team
        head = next((h for h in _vi_heads() if name.lower().startswith(h.lower() + " ")), words[0])
        rest = name[len(head) :].strip()
        previous = before.split()[-1:] or [""]
        return (rest[:1].isupper() or rest[:1].isdigit()) and not previous[0][:1].isupper()
    return True


# a list after `như:` (to the line's end) or `gồm` (to the sentence's end), looked for apart, as
# `tặng … cho 7 tập thể, gồm: A (Bộ X); B …` holds one too
_VI_LIST = re.compile(
    r"(?:như|gồm|là|[Cc]ác tập thể|\d+\s+(?:tập thể|đơn vị)|(?i:bằng khen|giấy khen|cờ thi đua))\s*:(?P<list>[^\n]+)"
    r"|\b(?:gồm|trong đó có)\s(?P<bare>(?:[^.\n]|\.(?=\S))+)"  # cho 3 tập thể: A; B / Bằng khen: A, B
)
_VI_AFTER = re.compile(  # the units come after the cue
    r":\s*(?P<numbered>1\s?[-–.)]\s[^\n]+)"  # Anh hùng Lao động: 1- Trường THCS …; 2- Bệnh viện …
    r"|(?:[Tt]ặng|[Tt]rao|khen thưởng|(?<!giải )thưởng|biểu dương|tuyên dương|[Ll]ễ đón nhận)[^.;\n]{0,80}?\bcho\s+(?P<given>[^.;\n]+)"  # … cho X
    r"|\b(?:trao tặng|tặng|trao thưởng)\s+(?P<direct>[^.;:,\n(]{2,80})"  # … tặng Bệnh viện X, trao thưởng X
    r"|(?:khen thưởng|(?<!trao )thưởng)\s+(?:đột xuất\s+)?(?:đối với\s+)?(?:đơn vị\s+)?(?P<object>[^.;:,\n(]{2,80})"
    r"|(?:[Tt]ập thể|[Đđ]ơn vị)\s+(?:được|đã được)\s+(?:trao tặng|tặng thưởng|tặng|trao|khen thưởng|nhận)[^.;:\n]{0,60}?"
    r"\blà\s+(?P<are>[^.;\n]+)"  # Tập thể được tặng Bằng khen là A và B
    r"|\b[Tt]ập thể\s+(?![Ll]ao động)(?P<named>[^.;:,\n]{3,80})"  # Tập thể Ban Quản lý chợ X: a unit named as one
    # (Tập thể lao động xuất sắc: a title, its sentence left to the other cues)
    r"|(?m:^[ \t]*\d{1,3}[.)][ \t]*(?P<item>[^;\n]{3,120}?)[ \t]*;)"  # 2. Văn phòng X; đã có thành tích …
    r"|(?m:^[ \t]*(?:[-+•–]|\d{1,3}[.)]|[a-zđ]\))[ \t]*(?P<line>(?:\S+[ \t]+){0,15}\S+)[ \t]*$)"  # a list line
)
_VI_BEFORE = re.compile(  # the units are the clause before the cue: found from the cue, not tried everywhere
    r"\s+(?:(?:được|đã được)\s+(?:[^\s.;,:\n]+\s+){0,10}?"  # được (LĐLĐ tỉnh) tặng: the giver may stand between
    r"(?:khen thưởng|tặng|trao|công nhận|biểu dương|tuyên dương|nhận)(?P<subject>)"
    r"|với\s+(?:mô hình|công tác|việc|phong trào)(?P<model>)"
    r"|(?:vinh dự\s+)?(?:đón nhận|nhận|tổ chức lễ đón nhận)\s+"  # X (vinh dự) đón nhận Huân chương
    r"(?i:giấy khen|bằng khen|huân chương|cờ thi đua|kỷ niệm chương|danh hiệu)(?P<receiver>)"
    r"|(?:long trọng\s+|trọng thể\s+|đã\s+)*tổ chức\s+(?:[Ll]ễ|[Kk]ỷ niệm)\b(?=[^.\n]{0,300}?\bđón nhận\s+"  # X tổ chức (Lễ) kỷ niệm …
    r"(?i:huân chương|cờ thi đua|bằng khen|danh hiệu|giấy khen))(?P<host>))"  # … và đón nhận Huân chương
)
# a place's level word opening the clause before the cue: the unit's place, set off by a comma
# (Trường Tiểu học X, phường Y đã tổ chức đón nhận …), so the unit is in the clause before
_PLACE_APPOSITION = re.compile(r"\s*(?:phường|xã|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|TP\.?)\s")
_VI_CLAUSE_MARK = re.compile(r"[.;:,\n]")


def _vi_contexts(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each stretch that may name honoured units."""
    out = [("list", *m.span(m.lastgroup)) for m in _VI_LIST.finditer(text)]
    for m in _VI_AFTER.finditer(text):
        groups = ("numbered", "given", "are", "direct", "object", "named", "item", "line")
        group = next(g for g in groups if m.group(g))
        end = _past_semicolons(text, m.end(group)) if group == "given" else m.end(group)
        out.append((group, m.start(group), end))
    for m in _VI_BEFORE.finditer(text):
        group = next(g for g in ("subject", "model", "receiver", "host") if m.group(g) is not None)
        marks = list(_VI_CLAUSE_MARK.finditer(text, max(0, m.start() - 80), m.start()))
        while len(marks) > 1 and marks[-1].group(0) == "," and _PLACE_APPOSITION.match(text, marks[-1].end()):
            marks.pop()  # Trường X, phường Y đón nhận: the school, its place after the comma
        start = marks[-1].end() if marks else max(0, m.start() - 80)
        if group in ("receiver", "host") and _ON_BEHALF.match(text, m.end()):
            continue  # Bệnh viện X đón nhận Bằng khen … trao tặng cho 05 tập thể: its units are honoured
        if group in ("receiver", "host") and _given_other(text, m.end()):
            continue  # UBND huyện X tổ chức Lễ … đón nhận Huân chương … tặng cho Trường Y: Y is honoured
        if m.start() - start >= 2:
            out.append((group, start, m.start()))
        # Trường X (TP Y) và đồng chí Z, nguyên …, được đề nghị tặng: the units before và
        if group == "subject":
            begin = max(text.rfind(c, 0, m.start()) for c in ".\n") + 1
            both = _AND_PERSON.search(text, begin, m.start())
            if both:
                out.append(("subject", begin, both.start()))
    return out


_SEMICOLON = re.compile(r";\s*")
_COMMA = re.compile(r"[\s,]*,\s*")
_STOP = re.compile(r"[.;\n]")


def _past_semicolons(text: str, end: int) -> int:
    """The end of a `cho` list whose units are parted by `;` (cho Công an quận X; Đội Y, Đội Z vì …): on
    past each `;` that a unit's name follows."""
    while (mark := _SEMICOLON.match(text, end)) and _vi_unit().match(text, mark.end()):
        stop = _STOP.search(text, mark.end())
        end = stop.start() if stop else len(text)
    return end


def _given_other(text: str, at: int) -> bool:
    """Does the rest of the sentence give the honour to a named unit (… trao tặng cho Trường Tiểu học Y;
    not `cho Bệnh viện`, the host itself)? Then the host only holds the ceremony."""
    end = min(i for i in (text.find(".", at), text.find("\n", at), len(text)) if i >= 0)
    for m in re.finditer(r"\bcho\s+", text[at:end]):
        unit = _vi_unit().match(text, at + m.end())
        if unit and _vi_name(unit.group(1).strip(" ,."), ""):
            return True
    return False


# the rest of the sentence after the honour the unit receives gives it to a number of its units or people
_ON_BEHALF = re.compile(r"[^.;\n]{0,80}?\bcho\s+\d+\s+(?:tập thể|cá nhân)")
_AND_PERSON = re.compile(r"\s+và\s+(?:các\s+)?(?:cá nhân\s+)?(?:đồng chí|ông|bà)\b")  # và (cá nhân) ông Y


@cache
def _affiliation() -> re.Pattern:
    """The words right before a unit that make it someone's unit or a place (collective_frames_vi.tsv,
    and the positions of positions_vi.tsv)."""
    words = [row[1] for row in read_rows("collective_frames_vi.tsv", 3) if row[0] == "before"]
    words += [row[0] for row in read_rows("positions_vi.tsv", 3)]
    return re.compile(rf"(?:{alternation(words, re.I).pattern})\s*\Z", re.I)


def find_collectives_vi(text: str, honours: list[Mention]) -> list[Collective]:
    """Units named in a `như:` list, after `tặng … cho`, before `được khen thưởng`, or before
    `với mô hình` (the model a unit is praised for)."""
    found: dict[str, Collective] = {}
    for group, s, e in _vi_contexts(text):
        parent = -1  # the end of a unit whose people or sub-unit came first (trực thuộc Phòng X, Công an Y)
        for unit in _vi_unit().finditer(text, s, e):
            name = unit.group(1).strip(" ,.")
            if name in found or not _vi_name(name, text[max(0, unit.start(1) - 20) : unit.start(1)]):
                continue
            if parent >= 0 and _COMMA.fullmatch(text, parent, unit.start(1)):
                parent = unit.end(1)
                continue  # …thuộc Phòng CSGT, Công an TPHCM: the parent's own parent
            if group == "list" and _parent(text, s, e, unit.start(1)):
                continue
            if _people_first(text, group, s, unit.start(1)):
                continue  # cho 3 cán bộ, chiến sĩ Công an quận X; cô giáo Y, Trường Z: their unit
            reach = max(s if group == "line" else 0, unit.start(1) - 12)  # a list line's bullet is no dash
            item = _ITEM.search(text, reach, unit.start(1))  # 2- Bệnh viện …: an item's number, no dash
            if _affiliation().search(text[reach : unit.start(1)]) and not item:
                parent = unit.end(1)
                continue  # cá nhân thuộc Công đoàn X: whose people; khen thưởng anh Y - Ban Z: his unit
            if group in ("receiver", "host", "direct", "object", "named", "item", "line") and text[
                s : unit.start(1)
            ].strip(' \t"“'):
                continue  # tặng Bằng khen cho anh Y … Ban Z: the stretch opens with someone else
            start = unit.start(1)
            coded = _CODED.match(text, start + len(name))  # Phòng An ninh mạng và phòng, chống … (PA05)
            name = text[start : coded.end()] if coded else name
            inner = _TAP_THE.match(name)  # Tập thể Ban Quản lý chợ X: the unit is Ban Quản lý chợ X
            again = inner and _vi_unit().match(text, start + inner.end())  # its words counted afresh
            if again and _vi_unit().match(name, inner.end()):
                name, start = again.group(1).strip(" ,."), start + inner.end()
            if group == "subject" and _HAS_COUNT.match(text, start + len(name)):
                continue  # tổ 9 phường X có 97/106 hộ gia đình được công nhận: its households are
            near = [h for h in honours if h.start < start] or honours
            found.setdefault(
                name,
                Collective(
                    name=name, span=(start, start + len(name)), honour=near[-1].text if near else None
                ),
            )
    # các bệnh viện: Bạch Mai, Bỏng quốc gia…: each as written; tặng Đảng bộ, chính quyền và nhân dân xã X
    for start, end in [*_headed_items(text), *whole_places(text)]:
        name = text[start:end]
        same = [n for n in found if n.lower() == name.lower() and n != name]
        if same and name[0].isupper():
            continue  # Nhân dân và cán bộ xã X opening a line, nhân dân … in the text: one, as the text has it
        for n in same:
            del found[n]
        near = [h for h in honours if h.start < start] or honours
        found.setdefault(
            name, Collective(name=name, span=(start, end), honour=near[-1].text if near else None)
        )
    found = {n: c for n, c in found.items() if not _plain_forms(n) & set(found)}
    return sorted(found.values(), key=lambda c: c.span)


def _plain_forms(name: str) -> set[str]:
    """The forms of a name with its bracketed abbreviation (Liên đoàn Lao động (LĐLĐ) tỉnh X): without it
    (Liên đoàn Lao động tỉnh X), and with it for the words it stands for (Bộ Chỉ huy BĐBP tỉnh X). The
    page naming the unit again in one of them, that is its name."""
    m = re.search(_ABBREVIATION, name)
    if not m:
        return set()
    before, after = name[: m.start()].split(), name[m.end() :].split()
    letters = m.group(0).strip("()")
    forms = {" ".join(before + after)}
    words = before[-len(letters) :]
    if len(words) == len(letters) and "".join(w[0] for w in words).upper() == letters:
        forms.add(" ".join(before[: -len(letters)] + [letters] + after))
    return forms


@cache
def _headed_list() -> re.Pattern:
    """`các bệnh viện:` / `những trường như:`: a kind of unit said once, then its units' bare names."""
    heads = alternation(h.lower() for h in _vi_heads() if h.lower() not in ("tập thể", "gia đình")).pattern
    return re.compile(
        rf"\b(?:các|những)\s+(?:{heads})(?:\s+(?:sau|như|gồm|là))?\s*:\s*(?P<list>(?:[^.;\n]|\.(?=\S))+)",
        re.I,
    )


_BARE_ITEM = re.compile(rf"[{UPPER}][\w-]*(?:\s+[\w-]+){{0,5}}")


def _headed_items(text: str) -> list[tuple[int, int]]:
    """Spans of the bare names after a kind of unit and a colon (các bệnh viện: Bạch Mai, Nhi đồng I
    (TP.HCM)…): items split by commas and `và`, each opening in upper case and not with a unit word of
    its own (those are read with the other lists), a bracketed place left out."""
    out = []
    for m in _headed_list().finditer(text):
        for item in re.finditer(
            r"[^,]+", re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), m.group("list"))
        ):
            for part in re.split(r"\s+và\s+", item.group(0)):
                bare = _BARE_ITEM.search(part)
                if not bare or bare.start() > 1 or _vi_unit().match(part, bare.start()):
                    continue
                start = m.start("list") + item.start() + item.group(0).index(part) + bare.start()
                out.append((start, start + len(bare.group(0).rstrip(". "))))
    return out


# people named or counted before a unit in the same stretch: the unit is theirs (cho đại úy X, cán bộ
# Phòng …; cho 15 cá nhân là thành viên của Hội …; Các gương điển hình tiên tiến phường X được …)
_PEOPLE = re.compile(
    r"(?<!\w)(?:ông|bà|anh|chị|em|đồng chí|cá nhân|cán bộ|chiến sĩ|(?<!một )thành viên|đoàn viên|hội viên|"
    r"học sinh|giáo viên|cô giáo|thầy giáo|đảng viên|người dân|nhân tố|lãnh đạo|gương|điển hình|vận động viên|VĐV|"
    r"đại úy|thượng úy|trung úy|thiếu úy|thiếu tá|trung tá|thượng tá|đại tá|thiếu tướng)(?!\w)",
    re.I,
)


def _people_first(text: str, group: str, s: int, start: int) -> bool:
    """Are people named or counted before the unit at `start`, in its stretch (after `cho`, in the
    clause before `được …`) or in its `;`-item of a list? Then the unit is whose they are."""
    if group == "list":
        s = max(s, text.rfind(";", s, start) + 1)
    elif group not in ("given", "subject"):
        return False
    return bool(_PEOPLE.search(text, s, start))


def _parent(text: str, s: int, e: int, start: int) -> bool:
    """In a list of items split by `;`, is the unit at `start` a person's (Thiếu tá X, Trưởng ban Y,
    Bộ Chỉ huy quân sự tỉnh; …: a position of positions_vi.tsv before it in the item) or one an item's
    first unit belongs to (gồm Viện Dầu khí Việt Nam, Tập đoàn Dầu khí Việt Nam, Bộ Công Thương; …)?
    When an item ends with a ministry or a province (kind parent in collective_frames_vi.tsv), only
    its first unit is honoured, and one after `), ` (A (Bộ Quốc phòng), B (Bộ Quốc phòng); C …)."""
    if ";" not in text[s:e]:
        return False
    begin = max(s, text.rfind(";", s, start) + 1)
    item = text[begin:start]
    if _position().search(item):
        return True
    end = text.find(";", start, e)
    last = text[begin : end if end >= 0 else e].rsplit(",", 1)[-1].strip()
    if not _parent_word().match(last):
        return False  # như: Hội phụ nữ, Hội Cựu chiến binh; Tổ dân phố 5: siblings
    units = [u for u in _vi_unit().finditer(item) if _vi_name(u.group(1), item[: u.start(1)])]
    return bool(units) and not re.search(r"\)\s*,\s*$", item)


@cache
def _position() -> re.Pattern:
    """A position (positions_vi.tsv) as a whole word."""
    words = [row[0] for row in read_rows("positions_vi.tsv", 3)]
    return re.compile(rf"(?<!\w)(?:{alternation(words).pattern})(?!\w)")


@cache
def _parent_word() -> re.Pattern:
    """The words that open the parent closing a `;`-list item (Bộ …, tỉnh …)."""
    return re.compile(
        alternation(row[1] for row in read_rows("collective_frames_vi.tsv", 3) if row[0] == "parent").pattern
    )


# the Party's organisation board of a province or district (Ban Tổ chức Tỉnh ủy X), not an organising committee
_PARTY_BOARD = re.compile(r"Ban Tổ chức (?:Tỉnh|Huyện|Thành|Quận|Thị|Trung ương|Đảng)")
_TAP_THE = re.compile(r"[Tt]ập thể\s+")
_HAS_COUNT = re.compile(
    r"\s+(?:vinh dự\s+)?có\s+\d"
)  # the unit has N people or households (who are honoured)
# a unit's head and a place's level word alone, no place named (Công an phường, UBND xã)
_GENERIC = re.compile(r"\s(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)")
# a head that is also a family name, then two or three title-case syllables: a person's name (Đoàn Cát
# Ngân); a unit's words go on in lower case or an abbreviation (Đoàn Thanh niên, Đoàn TNCS Hồ Chí Minh)
_PERSON_LIKE = re.compile(rf"Đoàn(?!\s+Thanh\s+Niên)(?:\s+{SYLLABLE}){{2,3}}")
_ITEM = re.compile(r"(?:^|[\s;:,])\d{1,3}\s?[-–.)]\s*$")
# the rest of a police department's name up to its code in brackets (Phòng Kỹ thuật nghiệp vụ và
# ngoại tuyến (PA06), Cục Kỹ thuật nghiệp vụ (A06)): the code closes the name, whatever stopped it
_CODED = re.compile(r"(?:[^.;:\n(),]|phòng,\s+chống){0,80}?\s\((?:P[ACHKV]|[ABCHKVX])\d{2}\)")
