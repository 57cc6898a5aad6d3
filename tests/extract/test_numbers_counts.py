import pytest

from extract.counts import find_counts
from extract.lexicon import lexicon
from extract.numbers import parse_number, parse_vietnamese
from extract.text import honours


@pytest.mark.parametrize(
    "written, value",
    [
        ("十", 10),
        ("十二", 12),
        ("一百", 100),
        ("两千", 2000),
        ("三万五千", 35000),
        ("一〇五", 105),
        ("06", 6),
        ("1,670", 1670),
        ("4.222", 4222),
        ("10万", 100000),
        ("1.5万", 15000),
    ],
)
def test_chinese_context_numbers(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    "written, value",
    [
        ("ba mươi sáu", 36),
        ("mười hai", 12),
        ("hai mươi mốt", 21),
        ("một trăm linh năm", 105),
        ("06", 6),
        ("4.222", 4222),
    ],
)
def test_vietnamese_numbers(written, value):
    assert parse_vietnamese(written) == value


def counts(text: str, lang: str = "zh"):
    lex = lexicon()
    return [
        (c.value, c.unit, c.status, c.approx, c.honour)
        for c in find_counts(text, lang, honours(text, lex, lang), lex)
    ]


def test_counts_with_unit_status_approximation_and_honour():
    text = "经过复核,195名候选个人、83个候选集体进入网络投票环节。共收到投票349761票。共选出2023年度盘龙区“最美奋斗者”100名、“最美奋斗集体”50组。"
    assert counts(text) == [(195, "person", "candidate", False, None), (83, "collective", "candidate", False, None),
                            (349761, "vote", None, False, None), (100, "person", "awarded", False, "最美奋斗者"),
                            (50, "collective", "awarded", False, "最美奋斗集体")]  # fmt: skip
    assert counts("授予徐树永等1670人全国劳动模范称号。") == [
        (1670, "person", "awarded", False, "全国劳动模范")
    ]
    assert counts("拟推荐龚某等5人为2024年度“嘉兴好人”。") == [(5, "person", "proposed", False, "嘉兴好人")]
    assert counts("直播共有10万余人观看,在线观看人数近60万人次。")[0][:4] == (100000, "view", None, True)


def test_numerals_inside_titles_are_not_counts():
    assert counts("第十四届“十佳青年”评选启动,一名选手发言,十佳百优。") == []


def test_vietnamese_counts():
    text = "UBND phường đã biểu dương, khen thưởng 06 tập thể, 36 cá nhân điển hình tiên tiến. Tặng Bằng khen cho ba mươi sáu hộ gia đình và hơn 4.222 người."
    got = counts(text, "vi")
    assert (6, "collective", "awarded", False, None) in got
    assert (36, "person", "awarded", False, "điển hình tiên tiến") in got
    assert (36, "household", "awarded", False, "Bằng khen") in got
    assert (4222, "person", "awarded", True, "Bằng khen") in got
