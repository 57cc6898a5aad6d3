"""The article's own credit kept out of the page data it shares a line with (normalize/credits.py),
and the short strays among the chrome under an article (chrome.tail_strays)."""

from normalize.chrome import chrome_rules, tail_strays
from normalize.credits import credit_in
from normalize.layout import layout
from normalize.titles import credit_line


def credit(line: str) -> str | None:
    span = credit_in(line)
    return line[span[0] : span[1]] if span else None


def test_the_credit_is_cut_out_of_a_byline_line():
    assert (
        credit("发布日期:2025-09-09 10:20信息来源:某某县教育局 作者:骆青禾 阅读次数: 【字体") == "作者:骆青禾"
    )
    assert (
        credit("来源:某某日报  作者:记者 庄晓岚 实习生 隋一鸣  编辑:韦晴川")
        == "作者:记者 庄晓岚 实习生 隋一鸣"
    )
    assert credit("2021-06-30 09:26:48?作者:安某某?来源:某某网  责任编辑:孙某某") == "作者:安某某"
    assert credit("2007-08-10 记者:刘某 齐某某 来源:某某参考报") == "记者:刘某 齐某某"
    assert credit("Tác giả: Quách Mộc Lan") == "Tác giả: Quách Mộc Lan"


def test_editors_user_names_tags_and_text_are_no_credit():
    assert credit("发布时间: 2015-04-29 07:59:54 | 来源: 某某网 | | 责任编辑: 董某") is None
    assert credit("作者:xiayin") is None  # a user name
    assert credit("[休闲] 时间:2024-04-18 来源:某某头条 作者:休闲 点击:31次") is None  # the section's tag
    assert credit("作者:   editor 一审:周某某   二审:宁某") is None
    assert credit("记者从市总工会获悉") is None


def test_a_dateline_credit_is_never_a_title():
    for line in (
        "（记者萧绿禾／花莲报导）",
        "记者林某某/新北报导",
        "新竹某台/记者 万某某/新竹报导",
        "作者:骆青禾",
    ):
        assert credit_line(line)
    assert not credit_line("花莲县表扬32位模范母亲")


def test_the_author_of_a_dropped_byline_stays_in_the_body():
    lines = [
        "某县表彰20名最美乡村教师",
        "发布日期:2025-09-09 10:20信息来源:某县教育局 作者:骆青禾 阅读次数: 【字体:大 中 小】",
        "9月8日，某县召开教师节大会，授予庞月溪、聂远帆等20名教师“最美乡村教师”称号。",
        "副县长甘维宁出席会议并讲话，勉励全县教师扎根乡村、潜心育人。",
        "责任编辑:韦某某",
    ]
    lay = layout(lines, None)
    assert lay.title == "某县表彰20名最美乡村教师"
    assert lay.lines[0] == "作者:骆青禾"
    assert not any("编辑" in line or "阅读次数" in line for line in lay.lines)


def test_short_strays_among_the_chrome_under_the_article_go():
    keys = [
        "某某获表彰。这是文章的一段正文，有句号。",
        "分享到:",
        "桥梁工程领域2",
        "技术支持:某某科技 分享到:",
    ]
    rules = chrome_rules()
    kept = [0, 2]
    assert tail_strays(keys, kept, rules.is_chrome) == {2}
    keys[2] = "【内容审核:孙某某】"  # a credit stays
    assert tail_strays(keys, kept, rules.is_chrome) == set()
