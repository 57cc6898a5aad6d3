"""The normaliser's fast paths (issue 15) compute exactly what the plain code they replace does."""

import dataclasses
import re

from conftest import seed_text

from normalize import mojibake
from normalize.convert import Converter
from normalize.lang import detect
from normalize.seg_vi import VietnameseSegmenter, features

conv = Converter()
SEEDS = ("000", "001", "002", "003", "004")


def test_detect_counting_traditional_characters_agrees_with_converting_them():
    for prefix in SEEDS:
        text = seed_text(prefix)
        for part in (text, text[:200], text[1000:1400]):
            slow = detect(part, conv.to_simplified, ambiguous=conv.ambiguous)
            fast = detect(
                part, conv.to_simplified, ambiguous=conv.ambiguous, count_traditional=conv.count_traditional
            )
            assert fast == slow


def test_route_is_jiebas_calc_over_get_dag():
    tk, _ = mojibake._model()
    chars = "".join(re.findall("[\u4e00-\u9fff]+", seed_text("000") + seed_text("002")))
    for n in range(0, len(chars) - 12, 7):
        for part in (
            chars[n : n + 1],
            chars[n : n + 5],
            chars[n : n + 12],
            chars[n + 3 : n + 4] + chars[n : n + 3],
        ):
            route: dict = {}
            tk.calc(part, tk.get_DAG(part), route)
            assert mojibake._route(part) == route[0][0]


def _choices_by_brute_force(lead, trail, local, pool):
    """The plain definition: every pair of the table, every local character spelled with the bytes."""
    table = mojibake._gbk_table()
    leads = (lead,) if lead is not None else mojibake._LEADS
    trails = (trail,) if trail is not None else pool
    found = {table[a, b] for a in leads for b in trails if (a, b) in table}
    for c in local:
        b = c.encode("gbk", "ignore")
        if len(b) == 2 and b[0] in leads and b[1] in trails:
            found.add(c)
    score = {c: (c in local) * mojibake.LOCAL_BONUS + mojibake._base_score(c) for c in found}
    return sorted(found, key=lambda c: (-score[c], c))[: mojibake.TOP]


def test_choices_from_the_ranked_table_are_the_brute_force_ones():
    text = seed_text("002")
    locals_ = [frozenset(), frozenset(re.findall("[\u4e00-\u9fff]", text[:600])), frozenset("獎誰藍盧罕")]
    cases = [(None, 0xA1), (0xC0, None), (0xB0, 0xA1), (None, None), (0x81, None), (None, 0x5F)]
    for local in locals_:
        for lead, trail in cases:
            for pool in (mojibake._LEADS, mojibake._USER_AREA):
                assert mojibake._choices(lead, trail, local, pool) == _choices_by_brute_force(
                    lead, trail, local, pool
                )


def test_vietnamese_features_are_pyvis():
    from pyvi.ViTokenizer import ViTokenizer

    seg = VietnameseSegmenter()
    for line in seed_text("004").splitlines():
        toks = seg._syllables(line)[2]
        want = ViTokenizer.sent2features(toks, False)
        got = features(toks, ViTokenizer.bi_grams, ViTokenizer.tri_grams)
        assert got == want and [list(f) for f in got] == [list(f) for f in want]


def test_conversion_fast_paths_keep_the_output():
    text = seed_text("002") + "\n他著有專著三部，隨著時代顯著變化，土著。１２３ＡＢＣ"
    assert conv.to_simplified(text) == "\n".join(conv.to_simplified(line) for line in text.split("\n"))
    assert "着有" not in conv.to_simplified("他著有專著") and "随着" in conv.to_simplified("隨著")


def test_fluency_of_many_texts_in_one_call_is_each_scored_alone():
    text = seed_text("002")
    lines = [t for t in (text[n : n + 9] for n in range(0, 600, 5)) if "\n" not in t]
    for texts in (lines, [*lines, "臺灣\n報導"]):  # one conversion of the lines joined; each alone
        mojibake.clear_caches()
        together = mojibake._fluency(*texts)
        alone = []
        for t in texts:
            mojibake.clear_caches()
            alone += mojibake._fluency(t)
        assert together == alone and len(set(together)) > 50


def test_ascii_letter_folds_are_every_character_that_matches_a_letter_case_insensitively():
    from normalize.linerules import literal_chars

    letters = re.compile("[a-z]", re.I)
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        own = re.compile(re.escape(letter), re.I)
        assert {c for c in literal_chars(ord(letter), True) if own.fullmatch(c)} == literal_chars(
            ord(letter), True
        )
    beyond = {chr(x) for x in range(128, 0x110000) if not 0xD800 <= x < 0xE000 and letters.fullmatch(chr(x))}
    folded = {c for letter in "abcdefghijklmnopqrstuvwxyz" for c in literal_chars(ord(letter), True)}
    assert beyond <= folded


def test_chrome_rules_filed_by_character_answer_as_one_alternation():
    from normalize.chrome import RULES, _alternation, chrome_rules
    from normalize.linerules import LineRules

    rows = [r.split("\t") for r in RULES.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    patterns = [r[1] for r in rows if r[0] == "regex"]
    phrases = [r[1] for r in rows if r[0] == "phrase"]
    one, filed = _alternation(patterns, escape=False), chrome_rules().pattern
    words, has_word = _alternation(phrases, escape=True), LineRules(list(map(re.escape, phrases)), re.I)
    lines = [*patterns, *phrases, *(seed_text(p) for p in SEEDS)]
    lines = [line.strip() for text in lines for line in text.splitlines() if line.strip()]
    lines += [line.upper() for line in lines] + ["责任编辑：某某", "HOME > NEWS", "Loading...", "ſ"]
    rules = chrome_rules()
    plain = dataclasses.replace(rules, trail_chars=None)  # the trail regex tried on every line
    tails = _alternation([r[1] for r in rows if r[0] == "tail_regex"], escape=False)
    lines += ["TIN LIÊN QUAN", "Tin liên quan", "Bài viết mới nhất", "更多自由时报报导", "Related posts"]
    lines += [f"{line}。① |" for line in lines[:200]] + ["某某动力。①9", "见报告 N02 |", "文字。 | 分享"]
    for line in lines:
        assert filed.fullmatch(line) == (one.fullmatch(line) is not None), line
        assert has_word.search(line) == (words.search(line) is not None), line
        assert rules.trim(line) == plain.trim(line), line
        assert rules.tail_re.fullmatch(line) == (tails.fullmatch(line) is not None), line
