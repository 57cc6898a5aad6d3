"""Numbers as written in the articles: 100, 06, 4.222 (thousands), 1,670, 10万, 两千, 三十六, ba mươi sáu."""

from __future__ import annotations

import re

_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,  # 二○八: Taiwanese pages write the zero as a white circle
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL = "零〇○一二两三四五六七八九十百千万亿廿卅卌"
_CN_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}  # 廿八 = 28 (Hong Kong, Macau and Taiwan pages)
DIGITS = r"\d+(?:[.,]\d{3})+(?!\d)|\d+(?:\.\d+)?"
# a Chinese number: digits or numeral characters, optionally followed by 万/亿 ("10万", "2万余" -> 2万)
CN_NUMBER = rf"(?:{DIGITS})(?:[万亿])?|[{CN_NUMERAL}]+"

_VI_DIGIT = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
_VI_UNIT = {"mười": 10, "mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}
VI_WORDS = "|".join(sorted({*_VI_DIGIT, *_VI_UNIT, "linh", "lẻ"}, key=len, reverse=True))
VI_NUMBER = rf"{DIGITS}|(?:(?:{VI_WORDS})\s+)*(?:{VI_WORDS})"


_GROUPED = re.compile(r"\d+(?:[.,]\d{3})+")
_WHOLE = re.compile(r"\d+")


def parse_digits(s: str, lang: str = "zh") -> int | None:
    """`1,670` and (Vietnamese, or any group of three after a dot) `4.222` are thousands; `06` is 6."""
    s = s.strip()
    if _GROUPED.fullmatch(s):
        return int(s.replace(".", "").replace(",", ""))
    if _WHOLE.fullmatch(s):
        return int(s)
    return None  # a decimal (counts are whole numbers), or no number


def parse_chinese(s: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 一百 -> 100, 一百零五 -> 105, 两千 -> 2000, 三万五千 -> 35000,
    一〇五 -> 105, 廿八 -> 28; a last digit right after 百/千/万 counts in the unit below it (两百五 -> 250)."""
    s = "".join(_CN_TENS.get(c, c) for c in s)
    if not s or any(c not in _CN_DIGIT and c not in _CN_UNIT and c not in _CN_BIG for c in s):
        return None
    if all(c in _CN_DIGIT for c in s) and len(s) > 1:  # 一〇五: digit by digit
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    total, section, digit = 0, 0, None
    for c in s:
        if c in _CN_DIGIT:
            digit = _CN_DIGIT[c]
        elif c in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[c]
            digit = None
        else:
            total += (section + (digit or 0)) * _CN_BIG[c]
            section, digit = 0, None
    if digit and len(s) > 1 and s[-2] in "百千万亿":  # 两百五 -> 250, 一千二 -> 1200, 三万五 -> 35000
        unit = _CN_UNIT.get(s[-2]) or _CN_BIG[s[-2]]
        return total + section + digit * unit // 10 if s[-2] in _CN_UNIT else total + digit * unit // 10
    return total + section + (digit or 0)


def parse_number(s: str) -> int | None:
    """A Chinese-context number: digits, numerals, or digits followed by 万/亿."""
    s = s.strip()
    if s and s[-1] in _CN_BIG and s[:-1] and s[:-1][0].isdigit():
        head = s[:-1]
        value = float(head) if re.fullmatch(r"\d+\.\d+", head) else parse_digits(head)
        return None if value is None else int(value * _CN_BIG[s[-1]])
    if s[:1].isdigit():
        return parse_digits(s)
    return parse_chinese(s)


def parse_vietnamese(s: str) -> int | None:
    """ba mươi sáu -> 36, mười hai -> 12, hai mươi mốt -> 21, một trăm linh năm -> 105, 06 -> 6, 4.222 -> 4222."""
    s = s.strip().lower()
    if s[:1].isdigit():
        return parse_digits(s, "vi")
    total, section, digit = 0, 0, None
    for word in s.split():
        if word in ("linh", "lẻ"):
            continue
        if word in _VI_DIGIT:
            digit = _VI_DIGIT[word]
        elif word in ("mười",):
            section += 10
            digit = None
        elif word == "mươi":
            section += (digit or 1) * 10
            digit = None
        elif word == "trăm":
            section += (1 if digit is None else digit) * 100
            digit = None
        elif word in _VI_UNIT:
            total += (section + (digit or 0) or 1) * _VI_UNIT[word]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)
