"""People, collectives and events on small passages in the shapes the issue lists."""

import pytest

from extract import Extractor
from normalize.records import Article


@pytest.fixture(scope="module")
def extractor(normalizer):
    return Extractor(normalizer.segmenters("zh"))


def run(extractor, text: str, lang: str = "zh", title: str = "表彰大会"):
    article = Article(id="x", source="x.txt", site=None, lang=lang, script=None, title=title, published="2024-01-22",
                      text=text, original_title=title, original_text=text)  # fmt: skip
    found = extractor.extract(article)
    return found, {p.name: p for p in found.people}


def test_unit_position_name_and_officials_at_ceremonies(extractor):
    text = ("王芳是鼓楼街道桃源社区党委书记,多年来扎根社区,获评“最美奋斗者”称号。参加活动的盘龙区委常委、宣传部部长普佳表示:“最美奋斗者们书写了精彩篇章。”"
            "区人大常委会副主任、区总工会主席袁庆华,各街道分管领导参加会议。")  # fmt: skip
    _, people = run(extractor, text)
    assert (
        people["王芳"].relation == "honouree"
        and people["王芳"].role == "党委书记"
        and people["王芳"].org == "鼓楼街道桃源社区"
    )
    assert people["普佳"].relation == "official" and "宣传部部长" in people["普佳"].role
    assert people["袁庆华"].relation == "official"


def test_annotations_lists_and_conferred(extractor):
    text = "决定授予张秀英(女)、李建国(满族)、郑丽娟(女,畲族)等3名同志“石林县劳动模范”称号,授予张富清等278名个人“先进工作者”称号。"
    found, people = run(extractor, text)
    assert (
        people["张秀英"].gender,
        people["李建国"].ethnicity,
        people["郑丽娟"].gender,
        people["郑丽娟"].ethnicity,
    ) == ("F", "满族", "F", "畲族")
    assert all(people[n].relation == "honouree" for n in ("张秀英", "李建国", "郑丽娟", "张富清"))
    assert people["张秀英"].honour == "石林县劳动模范"
    assert {(c.value, c.unit, c.honour) for c in found.counts} >= {
        (3, "person", "石林县劳动模范"),
        (278, "person", "先进工作者"),
    }


def test_name_grids_and_reporters(extractor):
    text = ("一、石林县劳动模范(按姓氏笔画为序)\n王永强 石林县鹿阜街道办事处城建办主任\n何家军(回族) 官渡区应急管理局防灾减灾科科长\n"
            "王芳  李强  张伟  赵敏\n(记者 林 静 通讯员 黄小明)\n编辑:时金")  # fmt: skip
    _, people = run(extractor, text)
    assert people["王永强"].role == "城建办主任" and people["何家军"].ethnicity == "回族"
    assert {"王芳", "李强", "张伟", "赵敏"} <= set(people)
    assert people["林 静"].relation == people["黄小明"].relation == people["时金"].relation == "author"


def test_posthumous_and_competitors(extractor):
    text = ("追授在抗洪抢险中牺牲的退役军人石宏伟同志“最美退役军人”称号。作为第一名登台演讲的选手,市税务局第四党支部书记邹强从一本指南讲起。"
            "最终,市税务局党支部书记蓝波获得此次竞赛一等奖。")  # fmt: skip
    _, people = run(extractor, text)
    assert people["石宏伟"].posthumous and people["石宏伟"].relation == "honouree"
    assert people["蓝波"].relation == "honouree" and people["蓝波"].honour == "一等奖"
    assert people["邹强"].relation == "mentioned"


def test_non_commendation_has_no_honourees(extractor):
    text = "因北京路雨污管网改造工程施工需要,对北京路实行半幅封闭施工。项目负责人:褚建伟 联系电话:0871-65100000。"
    found, people = run(extractor, text, title="关于北京路部分路段施工期间交通管制的通告")
    assert found.is_commendation is False and found.collectives == () and found.events == ()
    assert all(p.relation != "honouree" for p in people.values())


def test_vietnamese_shapes(extractor):
    text = ("Sáng 20/02, UBND phường Quang Trung tổ chức Hội nghị biểu dương người tốt, việc tốt. Qua phong trào, như: Hội phụ nữ phường với "
            "phong trào “phụ nữ giúp nhau”; tổ dân phố 17 với công tác tuyên truyền; ông Trần Văn Chánh - tổ dân phố 7 với việc vận động. "
            "Phát biểu tại hội nghị, đồng chí Phạm Minh Tuấn, Chủ tịch UBND phường, đề nghị tiếp tục phát huy. Chủ tịch Hồ Chí Minh.\n"
            "UBND phường đã khen thưởng 06 tập thể, ba mươi sáu cá nhân điển hình tiên tiến.\nNgọc Phượng")  # fmt: skip
    found, people = run(extractor, text, "vi", "Hội nghị biểu dương người tốt, việc tốt")
    assert people["Trần Văn Chánh"].relation == "honouree" and people["Trần Văn Chánh"].org == "tổ dân phố 7"
    assert (
        people["Phạm Minh Tuấn"].relation == "official"
        and people["Phạm Minh Tuấn"].role == "Chủ tịch UBND phường"
    )
    assert people["Hồ Chí Minh"].relation == "mentioned" and people["Ngọc Phượng"].relation == "author"
    assert {c.name for c in found.collectives} >= {"Hội phụ nữ phường", "tổ dân phố 17"}
    assert {(c.value, c.unit) for c in found.counts} >= {(6, "collective"), (36, "person")}
    assert found.events[0].place == "phường Quang Trung" and found.events[0].year == 2024


def test_name_between_unit_and_position(extractor):
    text = ("由县府秘书长周文华代表县长黄国平主持,表扬今年绩优义消。获表扬的有陈建国、林美玲等2人。"
            "并邀请民防大队许志明大队长及义交大队郑德胜大队长到场观礼。\n撰文: 吴佳颖")  # fmt: skip
    _, people = run(extractor, text)
    assert people["黄国平"].role == "县长" and people["黄国平"].relation == "official"
    assert people["许志明"].role == people["郑德胜"].role == "大队长"
    assert people["许志明"].relation == "mentioned" and people["吴佳颖"].relation == "author"
    assert people["陈建国"].relation == people["林美玲"].relation == "honouree"


def test_table_columns_and_glued_author(extractor):
    text = ("我校学生作品获评优秀征文。具体获奖情况如下:\n序号 | 题目 | 作者姓名 | 指导教师 |\n1 | 春天的信 | 王雨桐、李思远 | 张秀兰 |\n"
            "优秀征文\n2 | 学习雷锋精神 | 赵晨曦 | 刘海波 |\n学校将继续组织学生参加征文活动。孙明哲\n")  # fmt: skip
    _, people = run(extractor, text)
    assert all(people[n].relation == "honouree" for n in ("王雨桐", "李思远", "赵晨曦"))
    assert people["张秀兰"].relation == people["刘海波"].relation == "mentioned"
    assert people["孙明哲"].relation == "author" and "雷锋" not in people


def test_leaders_delegates_and_chained_positions(extractor):
    text = ("会议要求弘扬信念坚定、对党忠诚、勇于担当的品格。授予吴海燕、郭建军等2名同志“优秀共产党员”称号,授予江南电子集团党委“先进基层党组织”称号。"
            "江南电子集团党委书记彭立华作为先进基层党组织代表上台领奖。宏远机械有限公司工会主席吴海燕发言时表示将扎根一线。"
            "市人大常委会副主任、市总工会主席高文杰出席。中共中央总书记、国家主席、中央军委主席习近平等领导同志会见了代表。")  # fmt: skip
    _, people = run(extractor, text)
    assert "党忠诚" not in people
    assert people["吴海燕"].relation == "honouree"
    assert (people["吴海燕"].role, people["吴海燕"].org) == ("工会主席", "宏远机械有限公司")
    assert people["彭立华"].relation == "mentioned"
    assert "市总工会主席" in people["高文杰"].role and people["高文杰"].relation == "official"
    assert people["习近平"].relation == "official"


def test_vietnamese_lists_credits_and_signers(extractor):
    text = ("Buổi lễ có sự tham dự của ông Lục Văn Hưng, Phó Chủ tịch UBND tỉnh.\n"
            "Những cá nhân đạt giải gồm các ông, bà: Mạc Thị Kim Y - Chủ tịch Công đoàn Công ty May Bình An; Khổng Văn Tài - Trưởng Ban Nữ công.\n"
            "Ông Khổng Văn Tài, Trưởng Ban Nữ công, trao quà cho đoàn viên (Ảnh: Thu Hằng).\n"
            "Tại buổi lễ, đồng chí Lò Minh quân phát biểu. Đồng chí Lò Minh Quân, Bí thư Huyện ủy, trao giải.\n"
            "Giải thưởng Vũ Đình Hòe mang tên đồng chí Vũ Đình Hòe.\nNơi ban hành: UBND tỉnh Người ký: Hà Văn Sáu\n"
            "Các cá nhân tiếp tục phát huy./.\nThanh Xuân\nTRANG THÔNG TIN ĐIỆN TỬ HUYỆN")  # fmt: skip
    _, people = run(extractor, text, "vi", "Trao giải thưởng cán bộ công đoàn")
    assert people["Lục Văn Hưng"].relation == "official"
    assert people["Mạc Thị Kim Y"].relation == people["Khổng Văn Tài"].relation == "honouree"
    assert people["Thu Hằng"].relation == people["Thanh Xuân"].relation == "author"
    assert people["Lò Minh Quân"].relation == "official" and people["Lò Minh Quân"].role == "Bí thư Huyện ủy"
    assert "Lò Minh quân" not in people and people["Vũ Đình Hòe"].relation == "mentioned"
    assert people["Hà Văn Sáu"].relation == "official"


def test_vietnamese_details(extractor):
    text = ("Ngày 4/11, tỉnh tổ chức lễ công bố quyết định.\n2 đồng chí được truy tặng Huân chương Bảo vệ Tổ quốc hạng Ba, gồm: "
            "Thiếu tá Lương Văn Đạt, Phó Chính ủy Lữ đoàn 6, Bộ Chỉ huy quân sự tỉnh, Quân khu 7, Quân đoàn 4, Binh đoàn 12; "
            "Đại úy Vi Thanh Sơn, Phó Cục trưởng Cục Hậu cần.\nThiếu tá Lương Văn Đạt trao quà cho người dân.\n"
            "UBND tỉnh tặng Bằng khen cho Bác sĩ Ninh Thị Mai, Trạm Y tế UBND P.Tân Phú.")  # fmt: skip
    _, people = run(extractor, text, "vi", "Truy tặng Huân chương")
    assert people["Lương Văn Đạt"].relation == "honouree" and people["Lương Văn Đạt"].posthumous
    assert people["Vi Thanh Sơn"].posthumous and "Phó Cục trưởng" in people["Vi Thanh Sơn"].role
    assert "Phó Chính ủy" in people["Lương Văn Đạt"].role and people["Ninh Thị Mai"].role.startswith("Bác sĩ")


def test_title_written_inside_a_name_keeps_the_page_form(extractor):
    text = "交通部表扬绩优人员,获奖人员名单如下:公路局沈课员腾芳、观光署陈专员志明。部长致词时感谢获奖同仁。"
    found, people = run(extractor, text)
    assert people["沈腾芳"].relation == "honouree" and people["沈腾芳"].role == "课员"
    assert people["陈志明"].as_written == "陈专员志明"
    a, b = people["沈腾芳"].span
    assert text[a:b] == people["沈腾芳"].as_written == "沈课员腾芳"
    assert all(p.as_written is None for p in found.people if p.name not in ("沈腾芳", "陈志明"))
