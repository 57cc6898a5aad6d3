"""Page chrome (issue 11, class 5): related-links blocks, e-paper headers, footers, breadcrumbs, image
names; and the article lines that look a little like them, which stay."""

import pytest

from normalize.chrome import chrome_rules
from normalize.layout import layout


@pytest.mark.parametrize(
    "line",
    [
        "第01版:要闻 PDF版阅读",
        "00003版:人文",
        "上一版　下一版",
        "放大 缩小 默认",
        "浙江工人日报 数字报纸",
        "网站首页 > 新闻中心 > 乡镇动态",
        "当前位置：首页 > 新闻中心 > 乡镇动态 > 正文",
        "当前位置 首页 > 要闻",
        "海峡网 >新闻中心 >国内频道 >国内新闻",
        "Trang chủ > Tin tức - Sự kiện > Thi đua - Khen thưởng",
        "HomeHành chính nhân sựTải mẫu quyết định khen thưởng",
        "IMG_2034.JPG",
        "微信图片_20210121195111.jpg",
        "2023_09_16tuyenduong(1).jpg",
        "5832png",
        "https://example.cn/router/index.html?data=" + "eyJhcnRpY2xlTGliSWQiOjIs" * 8,
        "-------------------------------------------------",
        "642   643   644   645   646",
        "0:00 / 0:00",
        "(来源:某某日报 某某发布)",
        "出版:更新:",
        "【字号",
        "忘记密码 新用户注册",
        "立即下载",
        "按Enter到主内容区",
        ":::",
        "Cỡ chữ: A- A A+ | In bài viết | Chia sẻ: Facebook Zalo",
        "Từ khóa: khen thưởng, phòng chống bão",
        "Chọn gương người tốt việc tốt - Ảnh 1.",
    ],
)
def test_chrome_lines_are_recognised(line):
    assert chrome_rules().is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "差距缩小了",
        "名单如下：",
        "联系电话：0871-6543210",
        "主办单位：县总工会",
        "图为挂牌现场",
        "Home là nơi bình yên nhất.",
        "2023年度先进个人名单",
        "第十四届“十佳青年”名单",
        "合作社通过了ISO9001质量体系认证。",
    ],
)
def test_article_lines_that_resemble_chrome_stay(line):
    assert not chrome_rules().is_chrome(line)


BODY = ["正文第一段，内容很长，讲述了表彰大会的经过和意义。", "正文第二段，介绍了受表彰人员的先进事迹。"]
LINKS = [
    "某镇为12名优秀网格员颁发证书",
    "某市“最美家庭”名单公布",
    "县林业局召开工作会议",
    "某乡党委书记走访慰问老党员",
]


@pytest.mark.parametrize(
    "heading", ["【相关新闻】", "相关新闻：", "推荐阅读", "本版其他文章", "Tin liên quan:"]
)
def test_a_related_links_block_in_the_first_half_goes_too(heading):
    lay = layout(["标题", *BODY, heading, *LINKS, *LINKS], None)
    assert lay.lines == BODY and lay.boilerplate == 1 + 2 * len(LINKS)


def test_a_heading_with_its_link_on_the_same_line_is_a_block():
    lay = layout(["标题", *BODY, "推荐阅读：某村护林员某某：守山三十年", *LINKS], None)
    assert lay.lines == BODY


def test_a_related_block_in_the_middle_ends_where_the_article_resumes():
    lines = ["标题", BODY[0], "相关阅读", *LINKS[:2], BODY[1], "正文第三段，会议要求各单位认真学习先进典型。"]
    lay = layout(lines, None)
    assert lay.lines == [BODY[0], BODY[1], "正文第三段，会议要求各单位认真学习先进典型。"]


def test_footer_lines_and_their_neighbours_go_but_a_contact_line_in_the_article_stays():
    lines = [
        "标题",
        *BODY,
        "联系电话：0871-6543210",
        "某县总工会",
        "【打印本页】【关闭窗口】",
        "主办单位：某县人民政府办公室　承办单位：某县融媒体中心",
        "版权所有：某县人民政府　网站标识码：5399000012",
        "滇ICP备19004321号-1　滇公网安备 53990002000123号",
        "技术支持：某某网络科技有限公司　联系电话：0870-1234567",
        "Copyright © 2021-2023 All Rights Reserved",
    ]
    lay = layout(lines, None)
    assert lay.lines == [*BODY, "联系电话：0871-6543210", "某县总工会"]


def test_vietnamese_footer():
    lines = [
        "Tiêu đề bài viết",
        "Ông Nguyễn Văn A được tặng Giấy khen vì có thành tích xuất sắc trong công tác.",
        "Bản quyền thuộc về UBND phường Đồng Lam",
        "Chịu trách nhiệm nội dung: Ông Hà Quốc Bảo - Chủ tịch UBND phường",
        "Địa chỉ: Số 1 đường Lam Sơn - Điện thoại: 0236.3123456",
        "TRANG THÔNG TIN ĐIỆN TỬ UBND HUYỆN ĐỒNG LAM",
    ]
    assert layout(lines, None).lines == lines[1:2]


def test_an_e_paper_page_name_is_no_title():
    lines = [
        "桐川日报",
        "第01版:要闻 PDF版阅读",
        "上一版　下一版",
        "桐川市表彰首届“桐川工匠”",
        "出版日期:2019年11月14日",
    ]
    lay = layout([*lines, *BODY], None)
    assert lay.title == "桐川市表彰首届“桐川工匠”" and lay.lines == BODY
    assert layout(["澄江市50名“金牌月嫂”获表彰", *BODY], "第03版:要闻").title == "澄江市50名“金牌月嫂”获表彰"


def test_short_lines_above_a_title_with_a_byline_are_chrome():
    lay = layout(
        ["TIN TỨC - SỰ KIỆN", "Truy tặng danh hiệu Bà mẹ Việt Nam Anh hùng", "14/12/2018 | 10:05", *BODY],
        None,
    )
    assert lay.title == "Truy tặng danh hiệu Bà mẹ Việt Nam Anh hùng" and lay.lines == BODY
    lay = layout(["2019全国道德模范获奖名单", "长沙晚报掌上长沙", "2019-09-17 11:48", *BODY], None)
    assert lay.title == "2019全国道德模范获奖名单" and lay.lines == ["长沙晚报掌上长沙", *BODY]


def test_a_one_line_text_keeps_its_line():
    line = "Quyết định số 1034/QĐ-UBND tặng Bằng khen cho 06 tập thể, 06 cá nhân"
    assert layout([line], None).lines == [line]
