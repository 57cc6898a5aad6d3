"""Page residue seen on real pages (issue 11, second round): page data glued to a paragraph, related
headings with a word added, a site header carrying its copyright line, bullets and buttons on a
title, and a month/day/year date that the text names."""

from normalize.chrome import chrome_rules, site_header
from normalize.dates import settle_order
from normalize.layout import layout
from normalize.records import DateHint


def test_page_number_and_code_glued_to_a_paragraph_are_cut():
    rules = chrome_rules()
    assert rules.trim("荣誉是这样炼成的—— N02 |") == "荣誉是这样炼成的——"
    assert rules.trim("激发了强大的精神动力。①9") == "激发了强大的精神动力。"
    assert rules.trim("全县共有12个 |") == "全县共有12个 |"  # no sentence end before it: left alone
    assert rules.trim("获奖的有3人") == "获奖的有3人"


def test_a_related_heading_with_a_word_added_is_a_heading():
    rules = chrome_rules()
    assert rules.heading("房地产相关新闻") == "相关新闻"
    assert rules.heading("相关阅读推荐") == "相关阅读"
    assert rules.heading("表彰先进集体相关规定的通知") is None


def test_lines_above_a_copyright_line_in_the_page_head_are_the_site_header():
    keys = [
        "某某文库",
        "海量文档免费阅读",
        "© 2023 某某文库",
        "标题",
        "正文第一段很长，而且有逗号，是一段文字。",
    ]
    footer = chrome_rules().footer_lines(keys)
    assert site_header(keys, footer, chrome_rules().is_chrome) == {0, 1}
    # a copyright line under the first paragraph says nothing about the lines above it
    assert site_header(keys[3:] + keys[2:3], {2}, chrome_rules().is_chrome) == set()


def test_title_loses_its_bullet_and_a_download_button():
    body = ["正文第一段很长，而且有逗号，是一段文字。"] * 2
    assert layout(body, "• 十位人士获此殊荣").title == "十位人士获此殊荣"
    assert layout(body, "关于表彰先进集体的通知 下载本文").title == "关于表彰先进集体的通知"


def test_a_section_label_above_the_title_is_skipped_when_a_fields_line_follows():
    lines = [
        "上海新闻",
        "上海三人获全国扶残助残殊荣",
        "来自:上海市人民政府 作者:上海要闻 访问量:1620",
        "全国自强模范名单9月8日揭晓，上海有三人获奖。",
    ]
    assert layout(lines, None).title == "上海三人获全国扶残助残殊荣"


def test_month_day_year_when_the_text_names_the_day():
    hints = [DateHint("2024-08-06", "labelled", "发布日期:6/8/2024")]
    assert settle_order("2024-08-06", hints, "6月8日,县政府举办颁奖典礼。") == "2024-06-08"
    assert settle_order("2024-08-06", hints, "县政府举办颁奖典礼。") == "2024-08-06"  # day first by default
    assert settle_order("2024-08-06", hints, "8月6日,县政府举办颁奖典礼。") == "2024-08-06"
    hints = [DateHint("2021-07-05", "byline", "05-07-2021")]
    assert settle_order("2021-07-05", hints, "7月5日举行") == "2021-07-05"
