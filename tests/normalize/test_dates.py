import pytest

from normalize.dates import find_dates, pick_published, url_date
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
        ("Thứ hai, 26 Tháng 4 2021 11:08 (GMT+7)", "2021-04-26"),
        ("2024/4/18 06:04", "2024-04-18"),
    ],
)
def test_formats(text, want):
    assert find_dates(text)[0][1] == want


@pytest.mark.parametrize(
    "text",
    [
        "长沙晚报掌上长沙7月22日讯",
        "Sáng 20/02, UBND phường",
        "2023年度盘龙区",
        "2024-02-30",
        "sau 3 tháng 12 2020",
    ],
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


# --- issue 11: Minguo dates, e-paper and page dates, signatures, bylines ----------------------------


@pytest.mark.parametrize(
    "text, minguo, want",
    [
        ("中華民國113年4月26日", False, "2024-04-26"),
        ("民國113年4月", False, "2024-04"),
        ("發布日期：113-04-26", True, "2024-04-26"),
        ("113年4月26日", True, "2024-04-26"),
        ("113/04/26 10:05", True, "2024-04-26"),
        ("2024-04-26", True, "2024-04-26"),
        ("（編輯：王小明）1141107", True, "2025-11-07"),
    ],
)
def test_minguo_dates(text, minguo, want):
    assert find_dates(text, minguo)[0][1] == want


@pytest.mark.parametrize(
    "text", ["113-04-26", "113年4月26日", "電話02-8995-6866", "第113-04-26号", "（編輯：王小明）1141107"]
)
def test_bare_minguo_dates_only_on_traditional_pages(text):
    assert find_dates(text) == []


def test_a_taiwanese_labelled_date_is_the_publication_date():
    lay = layout(["表揚模範母親", "發布日期：113-04-26", "正文第一段，內容很長。"], None, minguo=True)
    assert pick_published(lay.dates) == "2024-04-26"


def test_e_paper_publication_date_is_labelled():
    lay = layout(["第01版:要闻", "标题", "出版日期:2007年08月09日", "正文第一段，内容很长。"], None)
    assert pick_published(lay.dates) == "2007-08-09" and lay.title == "标题"


def test_today_is_a_page_date_even_under_the_title():
    lay = layout(["今天是2023年03月29日 星期三", "正文第一段，内容很长。"], "标题")
    assert pick_published(lay.dates) is None and lay.lines == ["正文第一段，内容很长。"]


def test_a_date_alone_above_the_text_is_its_date_not_its_title():
    lay = layout(["[2023年7月1日]", "特区政府公布授勋名单", "正文第一段，内容很长。"], None)
    assert lay.title == "特区政府公布授勋名单" and pick_published(lay.dates) == "2023-07-01"


@pytest.mark.parametrize(
    "last, want",
    [
        (["某某县总工会", "2024年4月12日"], "2024-04-12"),
        (["…如有不同意见请反映。省表彰工作领导小组办公室2025年4月14日。"], "2025-04-14"),
        (["会议将于2024年5月1日召开。"], None),
    ],
)
def test_the_date_under_a_signature_is_the_last_resort(last, want):
    lay = layout(["标题", "正文第一段，内容很长。", *last], None)
    assert pick_published(lay.dates) == want


def test_a_source_byline_and_a_dump_date_prefix():
    lay = layout(["标题", "中央政府门户网站 www.gov.cn   2011年07月01日   来源:新华社", "正文。"], None)
    assert pick_published(lay.dates) == "2011-07-01" and lay.lines == ["正文。"]
    lay = layout(["date 2026-01-18 南投县表扬民力团体", "正文第一段，内容很长。", "正文第二段。"], None)
    assert lay.title == "南投县表扬民力团体" and pick_published(lay.dates) == "2026-01-18"


def test_date_lines_under_an_html_title():
    lay = layout(["正文第一段，内容很长。"], "标题", date_lines=["中華民國113年10月3日"])
    assert pick_published(lay.dates) == "2024-10-03"
    lay = layout(["正文第一段，内容很长。"], "标题", date_lines=["浏览：1234", "出版日期:2021年05月12日"])
    assert pick_published(lay.dates) == "2021-05-12"


def test_a_url_dates_an_article_its_page_does_not():
    """Round 13: many sites write the story's date only into its address (/2021-12/03/, /202205/01/,
    /20231213/, /2023/0215/); it is the last resort, and a longer run of digits is an id."""
    assert [h.value for h in url_date("http://news.example.cn/html/2021-12/03/content_518.htm")] == [
        "2021-12-03"
    ]
    assert [h.value for h in url_date("http://epaper.example.cn/pad/cont/202205/01/c_56.html")] == [
        "2022-05-01"
    ]
    assert [h.value for h in url_date("https://tv.example.cn/a/4928/20260210/cb85.html")] == ["2026-02-10"]
    assert [h.value for h in url_date("http://m.example.com/sydw/2023/0215/2619966.html")] == ["2023-02-15"]
    assert url_date("http://example.net/bmdt/2025010216262156722/index.html") == []
    assert url_date("http://example.net/new_detail/nid/58795.html") == []
    assert url_date("pages/2023-01-01.txt") == []  # a file's name is no address
    page = [DateHint("2021-12-01", "byline")]
    assert pick_published(page + url_date("http://x.example.cn/2021-12/03/c.htm")) == "2021-12-01"


@pytest.mark.parametrize(
    "lines, want",
    [
        # a weekday stamp with its time zone opening a page with no title yet: the post's date
        (
            [
                "Thứ Năm, 15/11/2012, 12:03 (GMT+7)",
                "Ba nhà giáo được tặng danh hiệu",
                "Ngày 14-11, Chủ tịch nước đã phong tặng danh hiệu cho 570 nhà giáo.",
            ],
            "2012-11-15",
        ),
        # a date beside a view counter, a line otherwise taken for a toolbar
        (
            [
                "某某公司多个集体获表彰",
                "2020/10/23| 阅读次数:4752",
                "日前,某某市总工会印发决定,对全市一批先进集体和个人予以命名表彰。",
            ],
            "2020-10-23",
        ),
        # page data glued to the first paragraph
        (
            [
                "某某厂班组获表彰",
                "来源:某某 发布时间:2009-05-07 4月30日,某某市总工会召开授牌大会,授予该班组荣誉称号。",
            ],
            "2009-05-07",
        ),
    ],
)
def test_post_dates_that_sit_with_page_data(lines, want):
    """Round 13: the post's own date where page data hides it."""
    assert pick_published(layout(lines, None).dates) == want
