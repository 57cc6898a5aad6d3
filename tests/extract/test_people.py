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
