"""The shapes of a Vietnamese name as written (Nguyễn Thị Như Ý, HOÀNG LONG, H.Đào) and the people
who wrote or signed a text: the signature on the last lines (Ngọc Phượng, HOÀNG LONG, Theo X (site)),
the byline alone under the headline, a credit line (Bài và ảnh: THANH HẢI, Tác giả: X), a photo
credit closing a caption (… ẢNH: NGUYỄN TÚ), the signer of a decree (Người ký: X, or the name under
QUYỀN CHỦ TỊCH)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from extract.lexicon import alternation
from extract.tsv import read_rows

UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ"
LOWER = "a-zàáâãèéêìíòóôõùúýăđĩũơưạ-ỹ"
SYLLABLE = rf"[{UPPER}][{LOWER}]+"
_VOWEL = "AÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬEÉÈẺẼẸÊẾỀỂỄỆIÍÌỈĨỊOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢUÚÙỦŨỤƯỨỪỬỮỰYÝỲỶỸỴ"  # upper case only
# a highland name's syllable with its apostrophe (Ksor H’Nhuên, H'Hen Niê: Ê Đê, Gia Rai and Ba Na names);
# a man's name of the Ê Đê may open with Y (Y Kông Niê)
_HIGHLAND = rf"[{UPPER}][’'][{UPPER}][{LOWER}]+"
_WORD = rf"(?:{SYLLABLE}|{_HIGHLAND})"
NAME = rf"(?:{_WORD}|Y(?=[^\S\n]+[{UPPER}][{LOWER}]))(?:[^\S\n]+(?:{_WORD}|[{_VOWEL}](?![{LOWER}{UPPER}.’']))){{1,4}}"  # Nguyễn Thị Như Ý
CAPS = rf"[{UPPER}]{{2,}}(?:[^\S\n]+[{UPPER}]{{1,}}){{1,3}}"  # HOÀNG LONG; a name never spans lines
INITIALS = rf"[{UPPER}]\.(?:\s?[{UPPER}]\.)*\s?(?:[{UPPER}][{LOWER}]+|[{UPPER}]+)"  # H.Đào, D.LỆ, L.K, N.V.B
SIGNED = rf"(?:{NAME}|{CAPS}|{INITIALS})"
_SIGNED_LIST = rf"{SIGNED}(?:\s*[-–,]\s*{SIGNED})*"
# a signature of initials alone (P.A, L.K, N.V.B): the reporter's, but it names nobody; not H.Đào, whose
# given name is written out
_LETTERS_ONLY = re.compile(rf"[{UPPER}]\.(?:\s?[{UPPER}]\.)*\s?[{UPPER}]\.?")
MIN_LEAD = 80  # characters of the paragraph under a lone name at the top: a lead, not another name
# a news agency's tag opening a lead (TTO - , (Dân trí) - , GDVN- , VOV.VN - ): a name alone on the line
# above it is the byline the site prints under its headline
_AGENCY_LEAD = re.compile(r"(?:\([^()\n]{2,24}\)|[A-ZĐ][A-ZĐ.]{1,11})\s*[-–]")


class Checks(Protocol):
    """What the people patterns tell about a line (extract.people_vi.Patterns has these)."""

    stop: re.Pattern  # a capitalised word that ends a name (Phó, Trưởng, Học sinh)
    not_name: re.Pattern  # Việt Nam, Hà Nội: never a person
    position_line: re.Pattern  # QUYỀN CHỦ TỊCH, KT. CHỦ TỊCH: a position opening a line


@dataclass(frozen=True)
class Credits:
    credit: re.Pattern  # Bài và ảnh: THANH HẢI
    credit_inline: re.Pattern  # (Ảnh: Hữu Thắng), D.LỆ 27/12/2013 08:41
    credit_end: re.Pattern  # … năm 2023. Ảnh: Viết Thành.: a photo credit closing a caption line
    signer: re.Pattern  # Người ký: Trần Lưu Quang
    signature: re.Pattern  # Ngọc Phượng, Mỹ Hạnh - Quang Cảnh, Hải Minh - Đài TT Thanh Ba on a last line
    caption: re.Pattern  # … cho ông Nguyễn Ngọc Bình ẢNH: NGUYỄN TÚ: a photo credit closing a caption


@cache
def _patterns() -> Credits:
    words: dict[str, list[str]] = {}
    for kind, word, _why in read_rows("people_vi.tsv", 3):
        words.setdefault(kind, []).append(word)
    credit = alternation(words["credit"]).pattern
    # HOA LÊ - (nhandan.com.vn); Ngô Đức Thắng – Chủ tịch Công đoàn các KCN: a site or the writer's post
    units = alternation(words["signature_unit"] + [r[0] for r in read_rows("positions_vi.tsv", 3)]).pattern
    return Credits(
        credit=re.compile(rf"(?m)^[ \t]*(?:{credit})\s*:\s*(?P<names>[^\n]{{2,60}}?)[ \t]*$"),
        credit_inline=re.compile(
            rf"\((?:{credit})\s*:\s*(?P<names>[^()\n]{{2,40}})\)"
            rf"|^[ \t]*(?P<dated>{SIGNED})[ \t]+\d{{1,2}}/\d{{1,2}}/\d{{4}}(?:[ \t]+\d{{1,2}}:\d{{2}})?[ \t]*$",
            re.M,
        ),
        credit_end=re.compile(rf"(?m)(?<=[.!?…]\s)(?:{credit})\s*:\s*(?P<names>[^\n]{{2,40}}?)\.?[ \t]*$"),
        signer=re.compile(rf"(?:{alternation(words['signer']).pattern})\s*:\s*(?:\|\s*)?(?P<name>{NAME})"),
        signature=re.compile(
            rf"(?:(?:CTV|PV|Nhóm PV|Theo)\s+)?(?P<names>{_SIGNED_LIST})"
            rf"(?:\s*\([^()]{{1,40}}\)|\s+[-–]\s+\([^()]{{1,40}}\)|\s+[-–]\s+(?:{units})\s[^\n]{{1,40}})?"
        ),
        caption=re.compile(
            rf"(?m)(?:(?<=[.!?…])|(?<=\S\s))(?:{alternation(words['photo_credit']).pattern})\s*:\s*"
            rf"(?P<names>{_SIGNED_LIST})\.?[ \t]*$"
        ),
    )


def credits(text: str, p: Checks) -> list[tuple[int, int]]:
    """Authors on a credit line: `Bài và ảnh: THANH HẢI`, `Ảnh: Minh Anh - Ngọc Hà`, in brackets
    (`(Ảnh: Hữu Thắng)`), or a line of a name and a date (`D.LỆ 27/12/2013 08:41`)."""
    c = _patterns()
    out = []
    found = [*c.credit.finditer(text), *c.credit_inline.finditer(text), *c.credit_end.finditer(text)]
    for m in [*found, *c.caption.finditer(text), *_LONE_INITIALS.finditer(text)]:
        group = "names" if m.group("names") else "dated"
        if p.not_name.match(m.group(group).strip()):
            continue  # Ảnh: Báo Đà Nẵng: a newspaper's credit, not a person's
        for name in re.finditer(SIGNED, m.group(group)):
            if _LETTERS_ONLY.fullmatch(name.group(0)):
                continue  # Ảnh: P.A: initials, no name of a person
            out.append((m.start(group) + name.start(), m.start(group) + name.end()))
    return out + _opening(text, p) + _counsel(text)


# a line of an initial and a given name alone (T.PHƯƠNG, H.Thanh), wherever it stands: the credit of the
# photo whose caption is the line above, or the reporter's; a name is never written so in the text
_LONE_INITIALS = re.compile(rf"(?m)^[ \t]*(?P<names>{INITIALS})[ \t]*$")


# a legal Q&A site's header credits the lawyer who answers (Tham vấn bởi Luật sư X; • Luật sư Y;
# Chuyên viên pháp lý Z), each alone on a line
_COUNSEL = re.compile(
    rf"(?m)^[ \t]*(?:[•*][ \t]*)?(?:Tham vấn bởi[ \t]+)?(?:Luật sư|LS\.|Chuyên viên pháp lý)[ \t]+(?P<name>{NAME})[ \t]*$"
)


def _counsel(text: str) -> list[tuple[int, int]]:
    """The lawyers a legal Q&A page's header names as answering (on its first five lines): its authors."""
    head = sum(len(line) + 1 for line in text.split("\n")[:5])
    return [m.span("name") for m in _COUNSEL.finditer(text, 0, head)]


def _opening(text: str, p: Checks) -> list[tuple[int, int]]:
    """The byline some sites print alone under the headline, above the agency's tag opening the lead
    (`DOÃN HÒA` / `TTO - Chủ tịch nước …`, `Thế Kha` / `(Dân trí) - …`) or above the lead paragraph
    itself (`Ngọc Minh` / `Sáng ngày 16/9, tại …`: the name the layout kept from `Ngọc Minh 16/09/2023`);
    not the first of a column of names (the next line is no name)."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()][:3]
    if len(lines) == 3 and _SECTION.fullmatch(lines[0].group(0).strip()) and not _names(lines[0], p):
        lines = lines[1:]  # Xã hội / Diệu Linh / (GDVN) - …: the site's section label above the byline
    lead = lines[1].group(0).strip() if len(lines) >= 2 else ""
    if not _AGENCY_LEAD.match(lead) and len(lead) < MIN_LEAD:
        return []
    return _names(lines[0], p)


# a section label the site prints above the headline's byline (Xã hội, Giáo dục, Thời sự): a word or
# two in lower case after a capital, no mark
_SECTION = re.compile(rf"[{UPPER}][{LOWER}]*(?:[ \t]+[{LOWER}]+){{0,2}}")


def _names(line: re.Match, p: Checks) -> list[tuple[int, int]]:
    """The authors' names when the whole line is a signature (names, maybe their unit)."""
    stripped = line.group(0).strip()
    if p.stop.match(" " + stripped) or p.not_name.match(stripped) or p.position_line.match(stripped):
        return []  # QUYỀN CHỦ TỊCH, a position signing
    sig = _patterns().signature.fullmatch(stripped)
    if not sig or len(stripped) > 60:
        return []
    at = line.start() + line.group(0).index(stripped) + sig.start("names")
    names = re.finditer(SIGNED, sig.group("names"))
    return [(at + n.start(), at + n.end()) for n in names if not _LETTERS_ONLY.fullmatch(n.group(0))]


def signers(text: str, p: Checks) -> list[tuple[int, int]]:
    """Who signed a document: `Người ký: Trần Lưu Quang`, or the name under the signing position in
    capitals closing it (QUYỀN CHỦ TỊCH / NƯỚC CỘNG HÒA … VIỆT NAM / Nguyễn Hữu Thọ)."""
    out = [
        (m.start("name"), m.start("name") + len(m.group("name").split("\n")[0]))
        for m in _patterns().signer.finditer(text)
    ]
    # the last lines: KT. THỦ TƯỚNG / Phó Thủ tướng / (Đã ký) / Nguyễn Sinh Hùng
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()][-5:]
    for line in lines:
        stripped = line.group(0).strip()
        if stripped.isupper() and p.position_line.match(stripped):
            names = list(re.finditer(NAME, text[line.end() :]))
            if names:
                out.append((line.end() + names[-1].start(), line.end() + names[-1].end()))
            break
    return out


def signature(text: str, p: Checks) -> list[tuple[int, int]]:
    """The authors' names alone on one of the last two lines (`Ngọc Phượng`, `HOÀNG LONG`, `H.Đào`,
    `Mỹ Hạnh - Quang Cảnh`, also `Bảo Ngọc (Đài Truyền thanh xã)`, `CTV Rơ Lan Viện (Huyện …)`), on
    the line after the closing mark `./.` when the site's footer follows, or on the line above the
    author's unit in brackets on a line of its own (`Nguyễn Văn Bình` / `(Công an tỉnh)`), a photo
    caption maybe after it."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    while (
        len(lines) > 2
        and _CHROME.fullmatch(lines[-1].group(0).strip())
        and not re.search(SIGNED, lines[-1].group(0))
    ):
        lines.pop()  # Đoàn Diểu / < Trở về trang trước / Gửi bình luận của bạn: the site's links close the page
    closing = [b for a, b in zip(lines, lines[1:], strict=False) if a.group(0).rstrip().endswith("/.")][-1:]
    # Nguyễn Văn Bình / (Công an tỉnh) / a photo caption: the author's unit on a line of its own
    above_unit = [
        a for a, b in zip(lines[-4:], lines[-3:], strict=False) if _UNIT_LINE.fullmatch(b.group(0).strip())
    ]
    # Thu Hằng / a related story's headline / its lead: the teaser the site prints under the signature
    teaser = [
        a for a, b in zip(lines[-3:-2], lines[-2:-1], strict=False) if _HEADLINE.fullmatch(b.group(0).strip())
    ]
    last = [m.group(0).strip() for m in lines[-2:]]
    if len(set(last)) == 2 and all(_CAPS_LINE.fullmatch(x) for x in last):
        return []  # TÂM ĐIỂM / CÁC ĐỀ ÁN: two labels in capitals closing the page, the site's menu
    for m in [*closing, *reversed(lines[-2:]), *above_unit, *teaser]:
        if names := _names(m, p):
            return names
    glued = _GLUED.search(lines[-1].group(0)) if lines else None  # … trên địa bàn. LÊ THOA
    if not glued or p.not_name.match(glued.group("name") or ""):
        return []  # … Theo Báo Nhân Dân: a paper, no person
    group = "caps" if glued.group("caps") else "name"
    return [(lines[-1].start() + glued.start(group), lines[-1].start() + glued.end(group))]


_CAPS_LINE = re.compile(CAPS)


# a signature the layout glued to the last sentence: in capitals (… trên địa bàn. LÊ THOA), or any name
# or initials after `Theo`, maybe the site in brackets (… tại TP Hồ Chí Minh. Theo Đ. Hiệp (SGGPO))
_GLUED = re.compile(
    rf"(?<=[.!?…])[ \t]+(?:(?P<caps>{CAPS})|Theo[ \t]+(?P<name>{SIGNED})(?:[ \t]*\([^()\n]{{1,40}}\))?)[ \t]*$"
)


_UNIT_LINE = re.compile(r"\([^()\n]{2,40}\)")
# a headline: a capital, then words and no sentence mark at its end (a teaser of another story)
_HEADLINE = re.compile(rf"[{UPPER}][^\n]{{15,120}}(?<![.!?:;,…])")
# a short line of the site's own links after the text (< Trở về trang trước, Gửi bình luận của bạn):
# no sentence mark closing it, no name in it
_CHROME = re.compile(r"[^\n.!?:;,]{2,40}|[^\n.!?:;,]{2,20}\.")  # also `60 giây nữa.` (a comment form's)
