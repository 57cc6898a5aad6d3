"""Strings injected into Chinese text that are no text at all (DESIGN.md, noise 6; issue 11).

- Anti-scraping strings: sites hide random runs of letters and digits between sentences
  (`颁发牌匾。qX7rT2pLm 据了解`), so that copied text carries them. A run is taken for one when it
  stands between Chinese characters or punctuation, not inside a link or a word, and reads as noise:
  cut at every change between lower case, upper case and digits (the way camel case is read), it
  falls into pieces of one or two characters. Names, codes and brands (ISO9001, 5G, WeChatPay,
  iPhone15, COVID19) fall into pieces of three or more, or are too short to judge.
- HTML entities a copy left unescaped (`&nbsp&`), and HTML tags (`<i id="wo86o"><bdo …></bdo></i>`,
  decoys some sites fill with random ids; `<br>` becomes a line break, also as `?br>`).
- A gambling site's name with its address code, injected into a hacked site's text
  (`九点,澳门永利yl6776“书写…`): the name of a casino and letters and digits glued to it.
- A forum's keyword watermark (tvb now,tvbnow,bttvb), a script glued after the last sentence, a web host's e-mail guard ([email protected]) and a
  forum's stamp of its server address (5.39.217.76) left in the text.
- Image file names left by the extraction of a photo (`图为挂牌现场 DSC_0457.jpg`,
  `微信图片_20230519151422.jpg`). File names on a line of their own are chrome lines
  (rules/boilerplate.tsv); these are the ones inside a line.
"""

from __future__ import annotations

import re

from normalize.records import Cleaned

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’"
_ALNUM = re.compile(r"[A-Za-z0-9]{6,}")  # a quick scan first: the full test below is slow on every position
_RUN = re.compile(rf"(?<=[{_CJK}]) ?([A-Za-z0-9]{{6,40}}) ?(?=[{_CJK}]|$)", re.M)
_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_IMAGE = re.compile(
    r"(?<![A-Za-z0-9_\-./:])(?:https?://\S+?|(?:[\u4e00-\u9fff]{1,8}_)?[A-Za-z0-9][A-Za-z0-9_\-()]{0,60})"
    r"\.(?:jpe?g|png|gif|bmp|webp|tiff?|heic)(?![A-Za-z0-9])"
    r"(?:\s*[(（]\s*\d+\s*(?:bytes|字节|KB)\s*[)）])?",  # an old page's alt text gives the size too
    re.I,
)
_AFTER = re.compile(rf"[{_CJK}]")
# a ? that opens a line before Chinese text or a digit stands for a character the copy lost (?7月9日);
# a run of them, for the full-width spaces that indented a paragraph (????本网讯)
_LOST_OPENING = re.compile(r"^\?{1,4}(?=[\d\u4e00-\u9fff])", re.M)
# and one that ends a line after a full stop or a bracketed credit: (某某)? …获得二等奖。?
_LOST_CLOSING = re.compile(r"(?:(?<=[\u4e00-\u9fff][)）])|(?<=。))\?$", re.M)
_EXTENSION = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|tiff?|heic)(?![A-Za-z0-9])", re.I)
# HTML entities left unescaped by a copy (&nbsp& &nbsp&本縣舉凡): spaces go, marks come back as marks
_ENTITY = re.compile(
    r"&(nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot)[;&]?"
)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "ldquo": "“", "rdquo": "”", "lsquo": "‘"}
_ENTITIES |= {"rsquo": "’", "mdash": "—", "hellip": "…", "middot": "·"}
# Discuz anti-copy residue: runs of one- and two-character ASCII scraps (; z2 Y! _8 g/ z- z$ ]) after
# a sentence or on a line of their own
_SCRAPS = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[。！？”]))[ \t]*(?:[!-~]{1,2}[ \t]+){4,}[!-~]{1,2}(?=[ \t]|$)", re.M
)
# part of every such run when no tab parts them: a quick scan first, from each space only
_SCRAPS_HINT = re.compile(r" (?:[!-~]{1,2} +){3}[!-~]")
_SCRAP_MARK = re.compile(r"[!-/:-@\[-`{-~]")
MIN_SCRAP_MARKS = 3  # distinct marks: a list of numbers (1, 2, 3, 4, 5) has one
# HTML tags a copy left in the text, anti-scraping decoys among them (<i id="wo86o"><bdo …></bdo></i>),
# and a line break whose < was lost to ? (獲獎?br>). Not <img>: a copy's decoys are inline text tags,
# and an image tag in the text is a payload that the page shows, escaped, as the text it is
_TAG = re.compile(
    r"</?(?:a|abbr|b|bdo|big|br|caption|center|cite|code|dd|del|dfn|div|dl|dt|em|font|h[1-6]|hr|i"
    r"|ins|kbd|li|mark|ol|p|pre|q|s|samp|small|span|strike|strong|sub|sup|table|tbody|td|tfoot|th"
    r"|thead|tr|tt|u|ul|var|wbr)(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?>",
    re.I,
)
_LOST_BREAK = re.compile(r"[?？]br\s*/?>", re.I)
# a content farm's own address stamped into the text it copied (…先进生产(工作)者(www.xing528.com))
_STAMP = re.compile(r"[(（]\s*www\.[A-Za-z0-9-]+(?:\.[A-Za-z]{2,6}){1,2}\s*[)）]")
# … and a forum's host name stamped before a paragraph (]www2.example.com 获颁…)
_HOST_STAMP = re.compile(
    rf"(?:^[ \t]*|(?<=[{_CJK}]))[^\s\w]?www\d?\.[A-Za-z0-9-]+(?:\.[A-Za-z]{{2,6}}){{1,2}}[ \t]*(?=[{_CJK}])",
    re.M,
)
# a gambling site's name and its short address code, injected into the text of a hacked site
# (…九点,澳门永利yl6776“书写…): a casino word, a few characters, then letters and digits glued on
_CASINO_HINT = re.compile(r"澳门|葡京|永利|威尼斯人|金沙|太阳城|皇冠|博彩|彩票|娱乐城|彩运")
_CASINO = re.compile(
    r"(?:澳门|新葡京|葡京|永利|威尼斯人|金沙|太阳城|皇冠|博彩|彩票|娱乐城|彩运)[\u4e00-\u9fff]{0,4}"
    r"[A-Za-z]{1,5}\d{3,8}(?:\.(?:com|cc|net|vip|app))?(?![A-Za-z0-9])"
)
# a script the copy took for text, glued after the last sentence ((function(){try{if(document.getElementById…):
# from its opening to the end of the line
_SCRIPT = re.compile(r"\(function\s*\([^)]*\)\s*\{.*$", re.M)
# a web host's e-mail guard left in place of an address (请发邮件至[email protected])
_PROTECTED = re.compile(r"\[email(?:\s|\xa0|&nbsp;)*protected\]")
# a forum's anti-copy stamp: the server's address glued to the text (S5.39.217.76社会福利署…), at most one
# stray letter before it; a bare address never belongs to an article's sentences
# (not a Vietnamese amount grouped in thousands, 1.234.567.890)
_ADDRESS = re.compile(
    rf"(?:(?<=[{_CJK}|\s])|^)[A-Za-z]?(?!\d{{1,3}}(?:\.\d{{3}}){{3}})(?:\d{{1,3}}\.){{3}}\d{{1,3}}(?![\d.])",
    re.M,
)
# a forum's keyword watermark glued into the text (…星章。tvb now,tvbnow,bttvb&): three or more lower-case
# Latin keywords joined by commas, between Chinese text or at a line's start, a stray mark or letter around it
_KEYWORDS = re.compile(
    rf"(?:(?<=[{_CJK}])|^[ \t]*)[A-Za-z]?[a-z0-9]+(?: [a-z0-9]+)*(?:,[a-z0-9]+(?: [a-z0-9]+)*){{2,}}"
    rf"[^\s\w\u3400-\u9fff]?[ \t]*(?=[{_CJK}]|$)",
    re.M,
)
MIN_PIECES = 4
MAX_MEAN_PIECE = 2.0


def is_noise(run: str) -> bool:
    """Does a run of letters and digits read as random (qX7rT2pLm) rather than a word or code?"""
    if run.isdigit():  # a number (a date, a phone number): tested before its pieces are made
        return False
    pieces = _PIECE.findall(run)
    if len(pieces) < MIN_PIECES:
        return False
    return len(run) / len(pieces) < MAX_MEAN_PIECE


def strip_junk(text: str) -> Cleaned:
    """HTML tags and entities, anti-scraping runs and image file names inside Chinese text, with the
    space that set them off."""
    n = 0
    if "<" in text or "br>" in text:
        text, n = _drop_tags(text)
    if "(www." in text or "（www." in text:
        text, k = _STAMP.subn("", text)
        n += k
    if "&" in text:
        text, k = _ENTITY.subn(lambda m: _ENTITIES.get(m[1], ""), text)
        n += k
    if "?" in text:  # a lost mark opens or closes a line: no regex scan for a ? inside a line
        if text.startswith("?") or "\n?" in text:
            text, m = _LOST_OPENING.subn("", text)
            n += m
        if text.endswith("?") or "?\n" in text:
            text, k = _LOST_CLOSING.subn("", text)
            n += k
    if "." in text and _EXTENSION.search(text):
        text, m = _drop_images(text)
        n += m
    if " " in text and ("\t" in text or _SCRAPS_HINT.search(text)):
        text, m = _drop_scraps(text)
        n += m
    if "(function" in text:
        text, k = _SCRIPT.subn("", text)
        n += k
    if "protected]" in text:
        text, k = _PROTECTED.subn("", text)
        n += k
    if text.count(".") >= 3:
        text, k = _ADDRESS.subn("", text)
        n += k
    if "," in text:
        text, k = _KEYWORDS.subn("", text)
        n += k
    if "www" in text:  # after the scraps, which stand before it on the line
        text, k = _HOST_STAMP.subn("", text)
        n += k
    if _CASINO_HINT.search(text):
        text, k = _CASINO.subn("", text)
        n += k
    if any(is_noise(m.group(0)) for m in _ALNUM.finditer(text)):
        runs = [m for m in _RUN.finditer(text) if is_noise(m.group(1))]
        text = _cut(text, [m.span() for m in runs])
        n += len(runs)
    return Cleaned(text, n)


def _drop_tags(text: str) -> tuple[str, int]:
    """Tags go; a line break (<br>) becomes one."""
    text, n = _TAG.subn(lambda m: "\n" if m[0][1:3].lower() == "br" else "", text)
    if "br" in text:
        text, k = _LOST_BREAK.subn("\n", text)
        n += k
    return text, n


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        last = b
    return "".join(out) + text[last:]


def _drop_images(text: str) -> tuple[str, int]:
    """Image names that stand alone or after Chinese text (not inside a path written in the text),
    with one space before them when Chinese text or the line start precedes that space."""
    spans: list[tuple[int, int]] = []
    for m in _IMAGE.finditer(text):
        a = m.start()
        before = text[a - 1 : a] if a else ""
        if before == " " and (a < 2 or text[a - 2] == "\n" or _AFTER.match(text[a - 2])):
            a -= 1
        elif (
            before not in ("", "\n", "\t", " ")
            and not _AFTER.match(before)
            and not (spans and spans[-1][1] == a)
        ):
            continue  # inside a path or a word; right after another image name it is one of a row
        spans.append((a, m.end()))
    return _cut(text, spans), len(spans)


def _is_scraps(run: str) -> bool:
    marks = set(_SCRAP_MARK.findall(run))
    return len(marks) >= MIN_SCRAP_MARKS and re.search("[A-Za-z]", run) is not None


def _scrap_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines with a tab or a scrap hint. A run of scraps never crosses a line
    break and holds a hint when no tab parts it, so the slow search is run on these lines alone
    (the spaced tokens of a Vietnamese text give a page a hint or two, not every line one)."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if "\t" in line or _SCRAPS_HINT.search(line):
            out.append((start, end))
        start = end + 1
    return out


def _drop_scraps(text: str) -> tuple[str, int]:
    spans = [
        m.span()
        for start, end in _scrap_lines(text)
        for m in _SCRAPS.finditer(text, start, end)  # the lookbehinds still see the line break before
        if _is_scraps(m.group(0))
    ]
    return (_cut(text, spans), len(spans)) if spans else (text, 0)
