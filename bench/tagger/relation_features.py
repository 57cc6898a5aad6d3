"""The relation model tried in rounds 9 and 13 of issue 11 (bench/tagger/train_relation.py): a
linear-chain CRF over an article's people in text order that gives a second opinion on whether each
found person is an honouree, from the words around each mention and the page's layout. Not wired
into extract/: on the round-13 fresh pages (scored before anyone tuned on them) its sure changes
were mostly wrong (figures in train_relation.py). `relabel` is the hook it would have: right after
people_zh / people_vi in extract/__init__.py, with the model at MODEL.

The rules' relation is not a feature (trained on it, the model learns to trust rules fitted to its
training pages); the rules' only trace is whether they gave the person an honour (has_honour,
posthumous)."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

from extract.records import Person

MODEL = Path(__file__).resolve().parents[2] / "extract" / "lexicons" / "relation_model.crfsuite"
OTHERS = ("official", "author", "mentioned")
VETO = 0.05  # an honouree whose honouree probability is below this takes the likeliest other relation
PROMOTE = 0.95  # a person of another relation whose honouree probability is at least this is one
_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
_SENTENCE = re.compile(r"[。！？!?\n]|\.\s")
# words near a name that tell what the person does at the award (own lists, beside the rule cues)
_WORDS = {
    "present": r"出席|颁奖|颁发|讲话|致辞|主持|宣读|陪同|参加|到场|观礼|会见|慰问|为.{0,12}颁|"
    r"\bdự\b|phát biểu|chủ trì|trao tặng|trao cho|trao\b|tham dự|chúc mừng",
    "honour": r"授予|表彰|荣获|获评|被评为|获得|当选|入选|荣膺|获颁|获奖|评为|追授|"
    r"được trao|được tặng|được nhận|nhận\b|đạt\b|vinh danh|tuyên dương|khen thưởng",
    "credit": r"记者|编辑|通讯员|摄影|来源|作者|审核|校对|供稿|撰稿|责编|图片|文/|文\s|图/|"
    r"phóng viên|\bPV\b|biên tập|tác giả|nguồn|ảnh:|\btheo\b|thực hiện",
    "say": r"说|表示|指出|强调|介绍|认为|希望|要求|cho biết|nói|chia sẻ|nhấn mạnh|khẳng định|đề nghị",
    "given_to": r"颁奖给|颁发给|颁给|授予|颁授|授给|赠给|表彰了|表扬了|trao cho|tặng cho|khen thưởng cho",
    "by": r"由|代表|为获奖|为.{0,6}获得者|\bđại diện\b",
    "past": r"曾|此前|多次|先后|曾经|từng|trước đó",
    "kin": r"父亲|母亲|儿子|女儿|妻子|丈夫|爱人|家属|老伴|bố|mẹ|con trai|con gái|vợ|chồng",
}
# the rules' cue kinds (lexicons/cues.tsv) that tell a relation (not counts, genders, approximations)
_CUE_KINDS = (
    "speech",
    "speech_vi",
    "leader_act",
    "award",
    "awarded",
    "honour_verb",
    "honour_head",
    "posthumous",
    "author",
    "mention",
    "witness",
    "past_award",
)
_WORD_RE = {k: re.compile(v, re.I) for k, v in _WORDS.items()}
_REACH = 220  # a sentence's reach (200, _bounds) and the window's (12) around a name
_LISTED = re.compile(r"[、，,]|\s{2,}")


@cache
def _tagger():
    """The trained model, or None when it was not shipped (the rules alone then)."""
    if not MODEL.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def relabel(people: list[Person], ctx, lang: str) -> list[Person]:
    """The people, with the relation changed where the model is sure the rules got "honouree"
    wrong (either way); the rules alone when the model file is absent."""
    tagger = _tagger()
    if tagger is None or not people:
        return people
    order = sorted(range(len(people)), key=lambda n: people[n].span)
    tagger.set(features([people[n] for n in order], ctx, lang))
    out = list(people)
    for i, n in enumerate(order):
        marginal = {y: tagger.marginal(y, i) for y in _labels()}
        relation = decide(people[n].relation, marginal)
        if relation != people[n].relation:
            out[n] = with_relation(people[n], relation, ctx)
    return out


def decide(rule: str, marginal: dict[str, float], veto: float = VETO, promote: float = PROMOTE) -> str:
    """The relation to keep: the rules' one unless the honouree probability says otherwise (the
    model's "none", a false name, counts against honouree too)."""
    honouree = marginal.get("honouree", 0.0)
    if rule == "honouree" and honouree < veto:
        return max(OTHERS, key=lambda y: marginal.get(y, 0.0))
    if rule != "honouree" and honouree >= promote:
        return "honouree"
    return rule


@cache
def _labels() -> tuple[str, ...]:
    return tuple(_tagger().labels())


def with_relation(person: Person, relation: str, ctx) -> Person:
    """The person with another relation: an honouree holds the page's main honour when the rules
    gave none; anyone else holds none (the honour fields belong to honourees)."""
    if relation == "honouree":
        return dataclasses.replace(person, relation=relation, honour=person.honour or ctx.main_honour)
    return dataclasses.replace(person, relation=relation, honour=None, posthumous=False)


def features(people: list[Person], ctx, lang: str) -> list[list[str]]:
    """Each person's features, the people in text order (a CRF item sequence)."""
    hits = _cue_hits(people, ctx, lang)
    own = [_person_features(p, ctx, lang, hits) for p in people]
    for i, f in enumerate(own):
        if i:
            f.append("prev_gap=" + _gap(people[i - 1].span[1], people[i].span[0], ctx.text))
        else:
            f.append("first_person")
        if i + 1 == len(people):
            f.append("last_person")
    return own


def _gap(end: int, start: int, text: str) -> str:
    """What lies between two people: a list separator, a short stretch, or more."""
    between = text[end:start]
    if len(between) <= 3 and _LISTED.search(between) or not between.strip():
        return "list"
    return "near" if len(between) <= 20 else "far"


def _cue_hits(people: list[Person], ctx, lang: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Where each cue kind matches near the people (starts, and (start, end, kind) in text order):
    found once for all of them, in the stretches a sentence's reach around their names."""
    text, windows = ctx.text, []
    for p in people:
        windows.extend((max(0, s - _REACH), e + _REACH) for s, e in _occurrences(p, text, lang)[:6])
    merged: list[list[int]] = []
    for a, b in sorted(windows):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    found = []
    cues = [(k, ctx.lex.cue_re[k]) for k in _CUE_KINDS if k in ctx.lex.cue_re]
    for kind, pattern in (*cues, *_WORD_RE.items()):
        for a, b in merged:
            found.extend(
                (m.start(), m.end(), kind) for m in pattern.finditer(text, a, b) if m.end() > m.start()
            )
    found.sort()
    return [h[0] for h in found], found


def _person_features(p: Person, ctx, lang: str, hits) -> list[str]:
    text = ctx.text
    f = [
        "bias",
        "lang=" + lang,
        "com" if ctx.commendation else "no_com",
    ]
    if p.honour:
        f.append("has_honour")
    if p.posthumous:
        f.append("posthumous")
    if p.role:
        f.append("has_role")
        f.append("role_end=" + (p.role[-2:] if lang == "zh" else p.role.split()[-1].lower()))
        kind = _role_kind(p.role, ctx)
        if kind:
            f.append("role_kind=" + kind)
    if p.name in (ctx.title or ""):
        f.append("in_title")
    spans = _occurrences(p, text, lang)
    f.append("occ=" + ("1" if len(spans) == 1 else "2" if len(spans) == 2 else "3+"))
    first = spans[0][0]
    f.append(f"pos={min(4, 5 * first // max(1, len(text)))}")
    if len(text) - spans[-1][1] < 80:
        f.append("near_end")
    if first < 120:
        f.append("near_start")
    f.extend(_line_features(p.span, text))
    f.extend(_neighbour_chars(p.span, text, lang))
    seen: set[str] = set()
    for s, e in spans[:6]:
        seen.update(_context_features(s, e, ctx, hits))
    f.extend(sorted(seen))
    return f


def _role_kind(role: str, ctx) -> str | None:
    """The kind of the longest position word the role ends with (县委书记 -> 书记: leader)."""
    for k in range(len(role)):
        if role[k:] in ctx.lex.roles:
            return ctx.lex.roles[role[k:]]
    return None


def _occurrences(p: Person, text: str, lang: str) -> list[tuple[int, int]]:
    """The person's span and every other place the text writes the name."""
    hay, needle = (text.lower(), p.name.lower()) if lang == "vi" else (text, p.name)
    found, at = [], hay.find(needle)
    while at >= 0 and len(found) < 12:
        found.append((at, at + len(needle)))
        at = hay.find(needle, at + len(needle))
    spans = sorted(set(found) | {tuple(p.span)})
    return [s for s in spans if s[1] > s[0]] or [tuple(p.span)]


def _line_features(span: tuple[int, int], text: str) -> list[str]:
    """A name on a line of its own, a line of names, the first or last lines of the article."""
    s, e = span
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    b = len(text) if b < 0 else b
    line = text[a:b]
    out = []
    if len(line.strip()) <= (e - s) + 6:
        out.append("line_alone")
    separators = len(_LISTED.findall(line))
    if separators >= 3 and separators * 8 >= len(line):
        out.append("line_of_names")
    if "\n" not in text[:a].strip():
        out.append("first_line")
    if "\n" not in text[b:].strip():
        out.append("last_line")
    elif text[b:].strip().count("\n") <= 2:
        out.append("last_lines")
    return out


def _neighbour_chars(span: tuple[int, int], text: str, lang: str) -> list[str]:
    """The characters (Chinese) or words (Vietnamese) just before and after the name."""
    s, e = span
    if lang == "zh":
        return [
            "b1=" + text[max(0, s - 1) : s],
            "b2=" + text[max(0, s - 2) : s],
            "a1=" + text[e : e + 1],
            "a2=" + text[e : e + 2],
        ]
    before = text[max(0, s - 30) : s].split()
    after = text[e : e + 30].split()
    return [
        "bw=" + (before[-1].lower() if before else "^"),
        "bw2=" + (" ".join(before[-2:]).lower() if len(before) > 1 else "^"),
        "aw=" + (after[0].lower() if after else "$"),
        "aw2=" + (" ".join(after[:2]).lower() if len(after) > 1 else "$"),
    ]


def _context_features(s: int, e: int, ctx, hits) -> set[str]:
    """The cue words in the clause and sentence before and after one mention of the name."""
    text = ctx.text
    cs, ce = _bounds(_CLAUSE, text, s, e, 80)
    ss, se = _bounds(_SENTENCE, text, s, e, 200)
    regions = {
        "cb": (cs, s),
        "ca": (e, ce),
        "sb": (ss, cs),
        "sa": (ce, se),
        "wb": (max(0, s - 12), s),
        "wa": (e, e + 12),
    }
    out = set()
    starts, found = hits
    n = bisect_left(starts, min(ss, s - 12))
    last = max(se, e + 12)
    while n < len(found) and found[n][0] < last:
        a0, b0, kind = found[n]
        for where, (a, b) in regions.items():
            if a <= a0 and b0 <= b:
                out.add(f"{where}:{kind}")
        n += 1
    for h in ctx.honours:
        if cs <= h.start < ce:
            out.add("honour_clause")
        elif ss <= h.start < se:
            out.add("honour_sentence")
    if text[e : e + 1] in "、" or text[max(0, s - 1) : s] in "、":
        out.add("in_list")
    if re.match(r"\s*等", text[e : e + 3]):
        out.add("etc_after")
    return out


def _bounds(pattern: re.Pattern, text: str, s: int, e: int, reach: int) -> tuple[int, int]:
    """The stretch around text[s:e] between the nearest stops of `pattern`, at most `reach` away."""
    a = max((m.end() for m in pattern.finditer(text, max(0, s - reach), s)), default=max(0, s - reach))
    m = pattern.search(text, e, min(len(text), e + reach))
    return a, m.start() if m else min(len(text), e + reach)
