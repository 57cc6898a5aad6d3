"""The people of a place honoured as one collective (issue 11), for extract/collectives_vi.py: an order
or a certificate of merit is given to a commune, district or province by the set phrase for all of it
(Đảng bộ, chính quyền và nhân dân huyện X; nhân dân và cán bộ xã Y; Nhân dân và cán bộ xóm 6, xã Z),
which opens with no unit word. Read when a giving word stands before it in its sentence (tặng, trao,
cho, gồm) or a receiving one after it (đón nhận), not when it is greeted or praised (Chúc mừng …).
Also a province or district opening a clause as the host of the ceremony at which it receives an order
(…, tỉnh X đã long trọng tổ chức Lễ kỷ niệm … và đón nhận Huân chương Lao động)."""

from __future__ import annotations

import re

from extract.people_vi_credits import LOWER, UPPER

_LEVEL = r"(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|TP\.?)"
_NAME = rf"[{UPPER}0-9][{LOWER}0-9]*(?:\s+[{UPPER}0-9][{LOWER}0-9]*){{0,3}}"
_WHOLE = re.compile(
    r"(?<!\w)(?:Đảng bộ,\s*chính quyền(?:,\s*lực lượng vũ trang)?\s+và\s+nhân dân"
    r"|[Nn]hân dân và cán bộ|[Cc]án bộ và nhân dân|[Qq]uân và dân)"
    rf"(?:\s+các dân tộc)?\s+(?:(?:xóm|thôn|bản|ấp|tổ dân phố|khu phố)\s+\w+(?:\s+\w+){{0,2}},\s*)?{_LEVEL}\s+{_NAME}"
)
_GIVEN_BEFORE = re.compile(r"(?:\b(?:tặng|trao|cho|gồm)\b\s*:?|[:;])\s*$")
_RECEIVES = re.compile(r"\s*(?:đã\s+|vinh dự\s+|long trọng\s+)*(?:đón nhận|được\s+(?:tặng|trao))\b")

_HOST = re.compile(
    rf"(?:^|(?<=[,.:]\s)|(?<=\n))(?P<place>(?:tỉnh|huyện|thành phố|thị xã|quận)\s+{_NAME})\s+"
    r"(?:đã\s+)?(?:long trọng\s+|trọng thể\s+)*(?:vinh dự\s+)?(?:tổ chức\s+[Ll]ễ\b[^.\n]{0,200}?\s)?đón nhận\s+"
    r"(?i:huân chương|danh hiệu|cờ thi đua)",
    re.M,
)


def whole_places(text: str) -> list[tuple[int, int]]:
    """Spans of the set phrases naming the people of a place as one honoured collective, each given
    (… tặng Đảng bộ, chính quyền và nhân dân huyện X) or receiving (… đón nhận Huân chương)."""
    out = []
    # every phrase says (n)hân dân or (Q)uân và dân: without them the scan of the text finds nothing
    for m in _WHOLE.finditer(text) if "hân dân" in text or "uân và dân" in text else ():
        before = text[max(0, m.start() - 80) : m.start()]
        before = re.split(r"[.\n]", before)[-1]
        if _GIVEN_BEFORE.search(before) or _RECEIVES.match(text, m.end()):
            out.append(m.span())
    return out + _hosts(text)


def _hosts(text: str) -> list[tuple[int, int]]:
    """The places hosting the ceremony of their own order; none where the text never says đón nhận."""
    return [m.span("place") for m in _HOST.finditer(text)] if "đón nhận" in text else []
