"""Layout rules: which line is the title, which lines date the article (issue 11)."""

import pytest

from normalize.layout import date_line, is_byline, is_date_only, layout
from normalize.pipeline import fallback_title


@pytest.mark.parametrize(
    "line",
    ["公示时间:2023年9月4日——2023年9月10日", "活动时间:2023年9月15日", "送件日期为112年9月18日至9月28日"],
)
def test_periods_and_event_times_are_no_date_lines(line):
    assert date_line(line) is None and not is_byline(line)


def test_publication_labels_still_date_the_article():
    assert date_line("发布时间:2023-09-04") == "labelled"
    assert date_line("更新时间:2023-09-04") == "labelled"


def test_a_time_zone_leaves_a_date_line_a_date_line():
    assert is_date_only("06/05/2024 09:15 GMT+7")


def test_section_label_above_the_title_is_skipped():
    lines = [
        "Các phòng, ban, xã",
        "Xã Tân Lộc tổng kết phong trào thi đua năm 2023",
        "Ngày 9/1, UBND xã Tân Lộc tổ chức hội nghị tổng kết phong trào thi đua năm 2023 và trao giấy khen.",
    ]
    lay = layout(lines, None)
    assert lay.title == lines[1] and lay.lines == lines[2:]


def test_a_title_repeated_with_its_date_in_an_index_line_dates_the_page():
    lines = [
        "青岚县3个集体获评市级“模范职工之家”",
        "近日,市总工会印发表彰决定,青岚县三个工会获评市级“模范职工之家”。",
        "青岚日报 要闻 00002 青岚县3个集体获评市级“模范职工之家” 2023-11-08 2 2023年11月08日 星期三",
    ]
    lay = layout(lines, None)
    assert lay.lines == lines[1:2] and [d.value for d in lay.dates] == ["2023-11-08"]


def test_fallback_title_is_the_first_sentence_line_whole_or_cut():
    assert (
        fallback_title(["劳动部举办表扬活动, 院长亲临颁奖并向全国劳工致意。"], "x")
        == "劳动部举办表扬活动, 院长亲临颁奖并向全国劳工致意。"
    )
    long = (
        "青岚县日前召开表彰大会。授予陶永禄等30名同志“最美护林员”称号,副县长葛文斌在会上要求各乡镇认真学习。"
    )
    assert fallback_title([long], "x").endswith("…")


def test_a_reporters_credit_alone_on_top_is_a_byline_not_the_title():
    """□晚报记者 某某 above the story: the people finder must see it (an author), and the title is
    the first line of the story."""
    body = ["□晚报记者 韩小明", "本报讯 5月2日上午,我市8名职工荣获“优秀工匠”称号。", "活动由市总工会主办。"]
    lay = layout(list(body), None)
    assert lay.title != "□晚报记者 韩小明"
    assert fallback_title(body, "x").startswith("本报讯")
