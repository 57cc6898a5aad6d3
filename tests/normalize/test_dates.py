import pytest

from normalize.dates import find_dates, pick_published
from normalize.layout import layout
from normalize.records import DateHint


@pytest.mark.parametrize(
    "text, want",
    [
        ("2024-01-22", "2024-01-22"),
        ("2024年1月22日上午", "2024-01-22"),
        ("Ngày đăng: 23/02/2020 09:32", "2020-02-23"),
        ("发布日期:2021-03-15", "2021-03-15"),
        ("二〇二四年一月二十二日", "2024-01-22"),
        ("2024年1月", "2024-01"),
        ("ngày 5 tháng 3 năm 2021", "2021-03-05"),
        ("2024/4/18 06:04", "2024-04-18"),
    ],
)
def test_formats(text, want):
    assert find_dates(text)[0][1] == want


@pytest.mark.parametrize(
    "text", ["长沙晚报掌上长沙7月22日讯", "Sáng 20/02, UBND phường", "2023年度盘龙区", "2024-02-30"]
)
def test_year_less_or_impossible_dates_give_nothing(text):
    assert find_dates(text) == []


def test_the_articles_own_date_beats_page_dates():
    lay = layout(["2023年03月29日 星期三", "标题", "发布日期:2021-03-15", "正文第一段，内容很长。"], None)
    assert lay.title == "标题" and pick_published(lay.dates) == "2021-03-15"
    assert "2023年03月29日 星期三" not in lay.lines


def test_a_page_date_alone_is_not_a_publication_date():
    lay = layout(["Thứ 4, Ngày 20/01/2021 -", "Tiêu đề", "Sáng 20/02, UBND phường tổ chức hội nghị."], None)
    assert pick_published(lay.dates) is None


def test_byline_and_meta_order():
    hints = [DateHint("2024-01-01", "meta"), DateHint("2024-01-22", "byline")]
    assert pick_published(hints) == "2024-01-22"
    assert pick_published([DateHint("2020-01-01", "page"), DateHint("2020-02-02", "crawl")]) is None
