"""Vietnamese segmentation: pyvi's CRF labels the syllables, rules/vi_rules.tsv fixes its known misses.

Spans come from the offsets of the syllables, never from searching pyvi's output string in the text:
`ViTokenizer.tokenize` NFC-normalises (NFD input comes back changed), treats "\\n" as a syllable and
may join a word across it (and across a tab), joins syllables with "_" (so an underscore of the text
is ambiguous) and may glue quotes such as “ to a word. So we run its syllable pattern ourselves, line
by line with offsets, ask its CRF (`ViTokenizer.model`, on `ViTokenizer.sent2features`) for B_W/I_W
labels and apply its joining rule: with no rules this gives pyvi's words (a test checks it). The rules
(ALL_RULES, in this order) then fix numbers and dates, reduplicated words, capitals that only start a
sentence, proper names, and names after an address term such as "ông".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from normalize.records import Span

RULES = Path(__file__).with_name("rules") / "vi_rules.tsv"
ALL_RULES = ("numbers", "redup", "initial", "names", "cues")

# A word never spans a line break (str.splitlines' ones) nor a tab (a table cell, a column).
_LINE = re.compile(r"[^\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# Combining marks (left over in NFD text) and invisible format characters (soft hyphen, zero-width
# space and joiners, BOM) stay in their syllable; pyvi is shown the syllable without the latter.
_GLUE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f" + _GLUE
_NO_GLUE = dict.fromkeys(map(ord, _GLUE))
_LINE_END = re.compile(r"[\s\"'”’»)\]]*$")
_LONGEST_NAME = 5  # syllables (Thành Phố Hồ Chí Minh); a longer capitalised run is a heading in Title Case
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


_UP = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ"
_LO = "a-zàáâãèéêìíòóôõùúýăđĩũơưạ-ỹ"
# the author's name before the post's date on a byline line (TÂM ĐAN 28/11/2023 10:19, Ngọc Minh
# 16/09/2023 - 18:00, D.LỆ 27/12/2013 08:41); not a weekday or a label (Thứ Hai, Cập Nhật)
_BYLINE_NAME = re.compile(
    rf"(?!Thứ\s|Chủ\s[Nn]hật|Ngày\s|Cập\s|Đăng\s|Lúc\s)"
    rf"((?:[{_UP}]\.\s?)?[{_UP}][{_LO}{_UP}]*(?:\s+[{_UP}][{_LO}{_UP}]*){{0,3}})"
    # the desk in brackets and the weekday may stand between (Lê Phượng (Ban Thời sự)-Thứ năm, ngày 10/12/2015)
    rf"(?:\s*\([^()]{{1,30}}\))?(?:\s*[-–|]\s*(?:(?:Thứ\s+\w+|Chủ\s+[Nn]hật)\s*,?\s*)?(?:ngày\s+)?|\s+)"
    rf"(?=\d{{1,2}}/\d{{1,2}}/\d{{4}}\b)"
)


def byline_name(line: str) -> str | None:
    """The author's name a Vietnamese byline line gives before the post's date: the layout keeps it
    as a line of its own when it takes the line's date, so the extractor can credit the author."""
    m = _BYLINE_NAME.match(line.strip())
    return m.group(1) if m else None


def read_rules(path: Path = RULES) -> dict[str, list[str]]:
    """Lines `kind<TAB>value<TAB>why`; blank lines and # comments skipped."""
    rules: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, value, *_why = line.split("\t")
            rules.setdefault(kind, []).append(value)
    return rules


def _syllable_pattern(abbreviations: Iterable[str]) -> re.Pattern:
    """pyvi's `sylabelize` pattern, except: "_" is a symbol, marks stay in words, no "\\n" syllable."""
    return re.compile(
        "|".join(
            [
                *(
                    re.escape(a) + ("(?!\\w)" if a[-1].isalnum() else "")
                    for a in sorted(abbreviations, key=len)[::-1]
                ),
                r"[A-ZĐ]\.",  # an initial (chị Nguyễn Thị H. cho biết); _syllables drops a final dot
                r"==>|->|\.\.\.|>>",
                r"\w+://\S+?(?=[.,;:!?)\]}'\"”’»]*(?:\s|$))",  # URL, without the punctuation after it
                r"[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+",  # e-mail
                r"\d+(?:[.,]\d+)+",  # 45.940.313, 94,7
                rf"(?:[^\W_]|[{_MARKS}])+",  # a syllable
                r"[^\w\s]|_",  # any other symbol, one at a time
            ]
        )
    )


def _nfc(line: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC text of the line, and where each of its characters starts and ends in the line."""
    if unicodedata.is_normalized("NFC", line):
        return line, None, None
    out, starts, ends, i = [], [], [], 0
    while i < len(line):
        j = i + 1
        while j < len(line) and unicodedata.combining(line[j]):
            j += 1
        piece = unicodedata.normalize("NFC", line[i:j])
        out.append(piece)
        if len(piece) == j - i:
            starts.extend(range(i, j))
            ends.extend(range(i + 1, j + 1))
        else:
            starts.extend([i] * len(piece))
            ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


def _wordlike(tok: str) -> bool:
    return tok[:1].isalpha()


def _title(tok: str) -> bool:
    """A capitalised syllable (Trần, A, the initial H.), not an acronym (UBND) nor a lower-case one."""
    return tok[:1].isupper() and (len(tok) == 1 or tok[1:].islower() or (len(tok) == 2 and tok[1] == "."))


def features(toks: list[str], bigrams: set[str], trigrams: set[str]) -> list[dict]:
    """pyvi's ViTokenizer.sent2features(toks, False): the same dicts with their keys in the same order,
    each syllable's lower(), isupper(), istitle() computed once instead of three times."""
    n = len(toks)
    low = [t.lower() for t in toks]
    upper = [t.isupper() for t in toks]
    title = [t.istitle() for t in toks]
    pair = [False] + [" ".join([toks[i - 1], toks[i]]).lower() in bigrams for i in range(1, n)]
    triple = [False, False] + [" ".join(toks[i - 2 : i + 1]).lower() in trigrams for i in range(2, n)]
    out = []
    for i, tok in enumerate(toks):
        f = {
            "bias": 1.0,
            "word.lower()": low[i],
            "word.isupper()": upper[i],
            "word.istitle()": title[i],
            "word.isdigit()": tok.isdigit(),
        }
        if i > 0:
            f["-1:word.lower()"] = low[i - 1]
            f["-1:word.istitle()"] = title[i - 1]
            f["-1:word.isupper()"] = upper[i - 1]
            f["-1:word.bi_gram()"] = pair[i]
            if i > 1:
                f["-2:word.tri_gram()"] = triple[i]
        if i < n - 1:
            f["+1:word.lower()"] = low[i + 1]
            f["+1:word.istitle()"] = title[i + 1]
            f["+1:word.isupper()"] = upper[i + 1]
            f["+1:word.bi_gram()"] = pair[i + 1]
            if i < n - 2:
                f["+2:word.tri_gram()"] = triple[i + 2]
        out.append(f)
    return out


class VietnameseSegmenter:
    def __init__(self, rules: Iterable[str] = ALL_RULES, rules_path: Path = RULES):
        from pyvi.ViTokenizer import ViTokenizer

        self._features = lambda toks: features(toks, ViTokenizer.bi_grams, ViTokenizer.tri_grams)
        self._tag = ViTokenizer.model.tagger_.tag
        self._bigrams = ViTokenizer.bi_grams
        self._trigrams = ViTokenizer.tri_grams
        self.rules = tuple(rules)
        unknown = set(self.rules) - set(ALL_RULES)
        if unknown:
            raise ValueError(f"unknown Vietnamese segmentation rules: {sorted(unknown)}")
        data = read_rules(rules_path)
        self._syllable = _syllable_pattern(data.get("abbr", []))
        self._cues: dict[str, list[tuple[str, ...]]] = {}
        for cue in sorted((tuple(c.split()) for c in data.get("cue", [])), key=len, reverse=True):
            self._cues.setdefault(cue[0], []).append(cue)
        self._no_redup = set(data.get("noredup", []))
        self._surnames = set(data.get("surname", []))
        self._openers = frozenset(data.get("opener", []))

    def spans(self, text: str) -> list[Span]:
        """Word spans into `text`, in order, covering every non-space character once; a word may hold
        spaces (Trần Văn Chánh) but never a line break or a tab."""
        out: list[Span] = []
        for m in _LINE.finditer(text):
            out.extend(self._line_spans(m.group(), m.start()))
        return out

    def _syllables(self, line: str) -> tuple[list[int], list[int], list[str]]:
        """Start and end offsets into `line` and NFC text of each syllable."""
        nfc, starts, ends = _nfc(line)
        a_s: list[int] = []
        b_s: list[int] = []
        toks: list[str] = []
        pieces = []
        for m in self._syllable.finditer(nfc):
            a, b, tok = m.start(), m.end(), m.group()
            if len(tok) == 2 and tok[1] == "." and _LINE_END.match(nfc, b):
                pieces.append((a, a + 1, tok[0]))  # Nguyễn Văn A. at the end of a line: the dot ends it
                a, tok = a + 1, "."
            pieces.append((a, b, tok))
        for a, b, tok in pieces:
            if starts is not None:
                a, b = starts[a], ends[b - 1]
            if b_s and a < b_s[-1]:  # two syllables inside one composed character: keep them together
                b_s[-1], toks[-1] = max(b, b_s[-1]), toks[-1] + tok
                continue
            a_s.append(a)
            b_s.append(b)
            toks.append(tok)
        return a_s, b_s, [(t.translate(_NO_GLUE) or t) if not t.isascii() else t for t in toks]

    def _line_spans(self, line: str, offset: int) -> list[Span]:
        starts, ends, toks = self._syllables(line)
        if not toks:
            return []
        labels = self._tag(self._features(toks))
        join = [False] * len(toks)
        for i in range(1, len(toks)):
            prev, tok = toks[i - 1], toks[i]
            join[i] = (  # pyvi's own rule (ViTokenizer.tokenize), with "wordlike" for "not punctuation"
                labels[i] == "I_W"
                and _wordlike(tok)
                and _wordlike(prev)
                and not (tok[0].istitle() and not prev[0].istitle())
            )
        if self.rules:
            s = _Line(toks, join, starts, ends, self._openers)
            for rule in self.rules:
                getattr(self, "_rule_" + rule)(s)
        out: list[Span] = []
        for i in range(len(toks)):
            if join[i]:
                out[-1] = (out[-1][0], offset + ends[i])
            else:
                out.append((offset + starts[i], offset + ends[i]))
        return out

    # Each rule reads a _Line and changes its `join` (join[i]: syllable i continues the word of i-1).

    @staticmethod
    def _rule_numbers(s: _Line) -> None:
        """Numbers, percentages and dates are one word, also when a tokeniser spaced them out."""
        toks, join, gap, n = s.toks, s.join, s.gap, len(s.toks)
        for i in range(1, n):
            tok = toks[i]
            if tok[0].isalnum() or not toks[i - 1][0].isdecimal():
                continue
            prev = toks[i - 1]
            if tok in ("%", "‰") and _DIGITS.fullmatch(prev):  # 94,7% and "90 %": one word
                join[i] = True
            if i + 1 == n or not toks[i + 1].isdecimal() or not _DIGITS.fullmatch(prev):
                continue
            nxt = toks[i + 1]
            if gap[i] and gap[i + 1]:
                thousands = tok == "." and len(nxt) == 3  # "10 . 000": a spaced thousands separator
                decimal = tok == "," and len(prev) <= 3 and len(nxt) <= 3  # "1 , 9": a spaced decimal comma
                if thousands or decimal:
                    join[i] = join[i + 1] = True
            elif not gap[i] and not gap[i + 1] and tok in ("/", "-") and prev.isdecimal() and len(prev) <= 2:
                day_month = len(nxt) <= 2 and (tok == "/" or _continues(s, i + 2, tok))
                month_year = 1 <= int(prev) <= 12 and _year(nxt)  # 11/2023, 9-1987
                if day_month or month_year:  # 20/11, 20/11/2023, 20-11-2023 (not the range 15-20)
                    join[i] = join[i + 1] = True

    def _rule_redup(self, s: _Line) -> None:
        """A syllable written twice (quen quen, dần dần) is one reduplicated word."""
        toks, low, join, n = s.toks, s.low, s.join, len(s.toks)
        for i in range(1, n):
            tok = toks[i]
            if (
                low[i - 1] == tok
                and s.gap[i]
                and tok.isalpha()
                and tok.islower()
                and (toks[i - 1].islower() or s.opens[i - 1])
                and tok not in self._no_redup
                and not join[i - 1]
                and not (i + 1 < n and join[i + 1])
            ):
                join[i] = True

    def _rule_initial(self, s: _Line) -> None:
        """A sentence-initial capital is no name cue: pyvi joins Nhà Hải, Vậy Kim as if they were names.

        Re-tag the sentence's first syllables with the first one in lower case and keep the join only if
        pyvi still makes one word (Hà Nội, Việt Nam do); a pair that begins with a family name is a
        person's name and stays whole."""
        toks, title = s.toks, s.title
        for i in range(len(toks) - 1):
            if s.join[i + 1] and title[i] and title[i + 1] and s.opens[i] and toks[i] not in self._surnames:
                window = [toks[i].lower(), *toks[i + 1 : i + 8]]
                s.join[i + 1] = self._tag(self._features(window))[1] == "I_W"

    def _rule_names(self, s: _Line) -> None:
        """Two to five capitalised syllables in a row are one proper name (Nguyễn Đình Chiểu).

        Not the first syllable of a sentence (Nhà Hải). When pyvi joined the last capital to the
        lower-case syllable after it, that pair is either a dictionary word, and the capital starts an
        organisation's word (Hội Liên_hiệp, Bộ Công_an, Đoàn Thanh_niên), or pyvi ran a name into the
        next word (Việt_Nam_đạt, Trường_Sơn_biên), and the name ends there."""
        title, join, gap = s.title, s.join, s.gap
        i, n = 0, len(title)
        while i < n:
            if not title[i]:
                i += 1
                continue
            j = i + 1
            while j < n and title[j] and gap[j]:
                j += 1
            if j - i > _LONGEST_NAME:  # a heading In Title Case, not a name
                i = j
                continue
            first, last = (i + 1 if s.opens[i] else i), j
            if j < n and join[j]:
                if j - i >= 2 and not self._in_dictionary(s.low, j - 1):
                    join[j] = False
                else:
                    last = j - 1
            for k in range(first + 1, last):
                join[k] = True
            i = j

    def _rule_cues(self, s: _Line) -> None:
        """After an address term (ông, bà, đồng chí) the capitalised syllables are a name, one word."""
        toks, low, title, join, n = s.toks, s.low, s.title, s.join, len(s.toks)
        for i in range(n - 1):
            for cue in self._cues.get(low[i], ()):
                k = len(cue)
                if i + k >= n or tuple(low[i : i + k]) != cue:
                    continue
                if join[i] or join[i + k] or not (toks[i].islower() or s.opens[i]):
                    break
                j = i + k
                while j < n and title[j] and j - (i + k) <= _LONGEST_NAME:
                    j += 1
                if j - (i + k) > _LONGEST_NAME:
                    break
                if j < n and join[j] and self._in_dictionary(low, j - 1):
                    j -= 1  # mẹ Việt Nam Anh_hùng: the last capital starts a dictionary word
                elif j < n:
                    join[j] = False  # cô Kim | ốm, not cô Kim_ốm
                for m in range(i + k + 1, j):
                    join[m] = True
                break

    def _in_dictionary(self, low: list[str], i: int) -> bool:
        """Whether syllables i, i+1 (and maybe i+2) are a word of pyvi's dictionary."""
        pair = f"{low[i]} {low[i + 1]}"
        return pair in self._bigrams or (i + 2 < len(low) and f"{pair} {low[i + 2]}" in self._trigrams)


class _Line:
    """The syllables of one line and what the rules look at, computed once."""

    def __init__(
        self, toks: list[str], join: list[bool], starts: list[int], ends: list[int], openers: frozenset
    ):
        self.toks, self.join = toks, join
        self.low = [t.lower() for t in toks]
        self.gap = [i == 0 or starts[i] > ends[i - 1] for i in range(len(toks))]
        self.title = [_title(t) for t in toks]
        self.opens = [i == 0 or toks[i - 1] in openers for i in range(len(toks))]  # may be capitalised anyway


def _continues(s: _Line, i: int, sep: str) -> bool:
    """Whether syllables i, i+1 are `sep` and a year, unspaced: the rest of a date like 20-11-2023."""
    return (
        i + 1 < len(s.toks)
        and s.toks[i] == sep
        and not s.gap[i]
        and not s.gap[i + 1]
        and _year(s.toks[i + 1])
    )


def _year(tok: str) -> bool:
    return len(tok) == 4 and 1900 <= int(tok) <= 2099
