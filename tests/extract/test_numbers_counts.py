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


@pytest.mark.parametrize(
    "written, value",
    [("一百零五", 105), ("两", 2), ("二十三万", 230000), ("两百五", 250), ("一千二", 1200), ("三万五", 35000),
     ("一万零八", 10008), ("五万二千三", 52300)],
)  # fmt: skip
def test_chinese_numerals_with_zero_and_a_last_digit_after_the_unit(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    "text, want",
    [
        ("会议授予王明等50名同志“优秀共产党员”称号。", (50, "person", "awarded", "优秀共产党员")),
        ("经研究，确定李华等1500人为拟表彰对象。", (1500, "person", "proposed", None)),
        ("张三等10人获评“最美家庭”。", (10, "person", "awarded", "最美家庭")),
        ("9家单位被评为先进单位。", (9, "collective", "awarded", "先进单位")),  # the title after 被评为
        ("两家单位荣获“文明单位”称号。", (2, "collective", "awarded", "文明单位")),
        ("共有10户家庭获评“最美家庭”。", (10, "household", "awarded", "最美家庭")),
        ("授予十二名同志“优秀党务工作者”称号。", (12, "person", "awarded", "优秀党务工作者")),
        ("一百零五名志愿者受到表彰。", (105, "person", "awarded", None)),
        ("还有9个科室获颁“拔萃奖”。", (9, "collective", "awarded", "拔萃奖")),
    ],
)
def test_lead_name_counts_classifiers_and_numerals(text, want):
    assert [(v, unit, status, honour) for v, unit, status, _, honour in counts(text)] == [want]


def test_totals_and_counts_per_category_in_a_decision():
    assert counts("决定表彰先进集体20个、先进个人50名。") == [
        (20, "collective", "awarded", False, "先进集体"), (50, "person", "awarded", False, "先进个人")]  # fmt: skip
    got = counts("评选出十名道德模范和十二名道德模范提名奖获得者。")
    assert [(c[0], c[4]) for c in got] == [(10, "道德模范"), (12, "道德模范提名奖")]


def test_numbers_that_honour_no_one():
    for text in (
        "场地可容纳300人,220人报名,参会代表500余人。",
        "对全县86个单位和个人进行表彰。",  # units and people together
        "他去年被授予“见义勇为模范”称号,曾救起3名落水儿童。",  # the 3 were rescued
        "Sinh viên được truy tặng Huân chương vì đã cứu 2 người bị đuối nước.",
    ):
        assert counts(text, "vi" if "Sinh" in text else "zh") == []
    assert [c[0] for c in counts("授予周海涛等80名同志“见义勇为先进分子”称号。这80名同志来自各行各业。")] == [
        80
    ]


def test_parts_of_a_total_are_not_counted_again():
    assert [c[0] for c in counts("今年受表扬的协勤民力有30人,其中民防人员8人、义警17人、义交5人。")] == [30]
    assert [
        c[0] for c in counts("表扬计有义消167人、志工99人及宣导208人,合计共474人接受颁发“年资标”奖牌。")
    ] == [474]
    text = "Năm nay có 29 đảng viên được trao Huy hiệu Đảng. Cụ thể, 4 đồng chí nhận Huy hiệu 65 năm; 10 đồng chí nhận Huy hiệu 55 năm; 15 đồng chí nhận Huy hiệu 40 năm."
    assert [c[0] for c in counts(text, "vi")] == [29]
    got = counts("产生300名“最美奋斗者”建议人选,包括278名个人、22个集体。")  # a total over two units
    assert [(c[0], c[1]) for c in got] == [(278, "person"), (22, "collective")]
    got = counts("2426人受到表彰,包括1670名全国劳动模范和756名全国先进工作者。")  # a count per title
    assert [c[0] for c in got] == [2426, 1670, 756]


def test_vietnamese_counts_read_from_the_title_the_statement_and_the_paragraph():
    text = "Huyện công nhận danh hiệu thi đua cho 37 “Tập thể lao động tiên tiến”, 412 cá nhân “Lao động tiên tiến”."
    assert [(c[0], c[1]) for c in counts(text, "vi")] == [(37, "collective"), (412, "person")]
    text = "Công đoàn khen thưởng 4 tập thể và 21 cá nhân xuất sắc; 3 tập thể và 7 cá nhân “Giỏi việc nước, đảm việc nhà”."
    assert [c[0] for c in counts(text, "vi")] == [4, 21, 3, 7]
    text = "Dịp này, 26 giáo viên trực tiếp tham gia bồi dưỡng học sinh giỏi đã được trao Giấy khen."
    assert counts(text, "vi")[0][:3] == (26, "person", "awarded")
    text = "Trong số 45 cá nhân được tặng Giấy khen, có 13 thầy cô giáo."
    assert [c[0] for c in counts(text, "vi")] == [45, 13]
    text = "Hội đồng Thi đua - Khen thưởng huyện đã họp xét thưởng, đề nghị tặng Bằng khen cho 6 tập thể, 9 cá nhân."
    assert [c[2] for c in counts(text, "vi")] == ["proposed", "proposed"]
    assert counts("Và 5 cá nhân tiêu biểu nhận giấy khen của quận.", "vi")[0][2] == "awarded"
