"""Chinese segmentation: span invariants, one example per rule of rules/zh_split_rules.tsv,
the words we keep whole, rjieba == jieba, and a floor on UD Chinese GSD."""

from __future__ import annotations

import random

import pytest
from conftest import UD

from normalize import seg_zh
from normalize.seg_zh import RULES, ChineseSegmenter, read_rules, read_split, read_userdict

GSDSIMP = UD / "zh_gsdsimp-ud-test.conllu"
GSD = UD / "zh_gsd-ud-test.conllu"


@pytest.fixture(scope="module")
def seg() -> ChineseSegmenter:
    return ChineseSegmenter("rjieba")


@pytest.fixture(scope="module")
def jb() -> ChineseSegmenter:
    return ChineseSegmenter("jieba")


def words(seg: ChineseSegmenter, text: str) -> list[str]:
    return [text[a:b] for a, b in seg.spans(text)]


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """In order, no overlap, every non-space character in exactly one span, no whitespace in a span."""
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(text), (text, spans)
        assert not text[pos:a].strip(), (text, pos, a)
        assert not any(c.isspace() for c in text[a:b]), (text, a, b)
        pos = b
    assert not text[pos:].strip(), (text, pos)


def conllu_words(path) -> list[list[str]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
        elif line[0].isdigit():
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                cur.append(cols[1])
    return sents + ([cur] if cur else [])


# --- spans ------------------------------------------------------------------------------------------

PIECES = [
    "中国",
    "一个",
    "天津市",
    "这是",
    "王芳",
    "劳动模范",
    "的",
    "，",
    "。",
    "abc",
    "S-IVB",
    "1688-1697",
    "3.5%",
    "2,443.3",
    "C++",
    "１２３",
    "ＡＢ",
    "-",
    "--",
    ".",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\u3000",
    "\xa0",
    "\x0b",
    "\u2028",
    "😀",
    "é",
    "第27",
    "马坦萨县",
    "AT&T",
    "_x_",
    "50-60%",
    "-154",
    "\u200b",
]


@pytest.mark.parametrize(
    "text", ["", " ", "\r\n\t\u3000", "中", "a", "  中国  ", "中国\n\n人民", "1,2,3", "x.y.z"]
)
def test_spans_invariants_on_edge_cases(seg, jb, text):
    check_spans(text, seg.spans(text))
    assert seg.spans(text) == jb.spans(text)


def test_spans_invariants_and_engines_agree_on_random_text(seg, jb):
    rng = random.Random(20240611)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        spans = seg.spans(text)
        check_spans(text, spans)
        assert spans == jb.spans(text), text


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine"):
        ChineseSegmenter("pkuseg")


# --- one example per rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一个", "一 个"),  # numeral_classifier
        ("这种", "这 种"),
        ("两位", "两 位"),
        ("几个", "几 个"),
        ("另一方面", "另 一 方面"),
        ("第一次", "第一 次"),  # an ordinal stays one word, as in GSD
        ("天津市", "天津 市"),  # place_suffix
        ("广东省", "广东 省"),
        ("美军", "美 军"),  # abbrev_suffix
        ("参赛者", "参赛 者"),  # suffix
        ("现代化", "现代 化"),
        ("地质学", "地质 学"),
        ("总面积", "总 面积"),  # prefix
        ("人民政府", "人民 政府"),  # compound
        ("成为", "成 为"),  # complement
        ("位于", "位 于"),
        ("来自", "来 自"),
        ("因此", "因 此"),  # preposition_pronoun
        ("1688-1697", "1688 - 1697"),  # Latin/digit runs: a range is three words
        ("S-IVB", "S-IVB"),
        ("2,443.3", "2,443.3"),
        ("3.5%", "3.5%"),
    ],
)
def test_rule_examples(seg, jb, text, expected):
    assert words(seg, text) == expected.split()
    assert words(jb, text) == expected.split()


def test_guessed_word_loses_its_function_character(seg):
    # jieba's HMM makes 这是 one word; hmm_head cuts 这 off
    assert words(seg, "这是一种新型的飞机。")[:2] == ["这", "是"]


@pytest.mark.parametrize(
    "word", ["认为", "因为", "由于", "存在", "终于", "第一", "一些", "每个", "四周", "美国"]
)
def test_lexical_words_stay_whole(seg, word):
    assert words(seg, word) == [word]


def test_honour_titles_and_names_stay_whole(seg, jb):
    for w, _, _ in read_userdict():
        text = f"他被评为{w}。"
        assert w in words(seg, text), w
        assert w in words(jb, text), w
    assert words(seg, "王芳是劳动模范")[:1] == ["王芳"]


# --- the rule files ---------------------------------------------------------------------------------


def test_every_rule_has_a_why():
    for line in (RULES / "zh_split_rules.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, items, why = line.split("\t")
            assert kind and items.split() and len(why) > 10, line
    for line in (RULES / "zh_userdict.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert "#" in line, line


def test_split_table_is_built_from_the_rules():
    """zh_split.tsv is what zh_make_rules.py makes from jieba's dict and zh_split_rules.tsv."""
    from normalize.rules.zh_make_rules import Builder, jieba_dict

    table = Builder(jieba_dict(), read_rules()).build()
    built = {w: tuple(sum(map(len, p[: i + 1])) for i in range(len(p))) for w, (p, _) in table.items()}
    assert built == read_split(), "run .venv/bin/python normalize/rules/zh_make_rules.py"


def test_memo_never_changes_a_result(seg, monkeypatch):
    sents = ["".join(ws) for ws in conllu_words(GSDSIMP)[:300]] if GSDSIMP.exists() else PIECES
    expected = [seg.spans(s) for s in sents]
    monkeypatch.setattr(seg_zh, "_MEMO_MAX", 5)
    small = ChineseSegmenter("rjieba")
    assert [small.spans(s) for s in sents] == expected
    assert [small.spans(s) for s in sents] == expected
    monkeypatch.setattr(seg_zh, "_MEMO_MAX", 0)  # emptied on every call
    tiny = ChineseSegmenter("rjieba")
    for text in ["这是天津", "这是北京", "这是上海", "这是天津"]:
        assert tiny.spans(text) == seg.spans(text), text


# --- UD Chinese GSD ---------------------------------------------------------------------------------


def test_rjieba_and_jieba_agree_on_gsdsimp(seg, jb):
    texts = ["".join(ws) for ws in conllu_words(GSDSIMP)]
    differing = [t for t in texts if seg.spans(t) != jb.spans(t)]
    assert differing == []


def f1(seg: ChineseSegmenter, path, convert=None) -> float:
    tp = gold = pred = 0
    for ws in conllu_words(path):
        text = "".join(ws)
        ends = [sum(map(len, ws[: i + 1])) for i in range(len(ws))]
        g = set(zip([0, *ends[:-1]], ends, strict=True))
        p = set(seg.spans(convert(text) if convert else text))
        tp, gold, pred = tp + len(g & p), gold + len(g), pred + len(p)
    return 200 * tp / (gold + pred)


def test_gsd_f1_floor(seg):
    """Floors that only go up: bench/accuracy.py gives the full table."""
    from normalize.convert import Converter

    simp = f1(seg, GSDSIMP)
    assert simp >= 90.0
    assert f1(seg, GSD, Converter().to_simplified) >= simp - 0.5
