"""Places of events (lexicons/events.tsv): the public helpers the index shares with the extractor."""

import pytest

from extract.event_places import place_parts, place_zh, without_vi_level


@pytest.mark.parametrize(
    "title, place",
    [
        ("2023年度昆明市盘龙区“最美奋斗者”评选", "昆明市盘龙区"),
        ("楚雄彝族自治州禄丰县表彰大会", "楚雄彝族自治州禄丰县"),
        ("盘龙区委宣传部", "盘龙区"),  # 区委 is a body: the place ends before it
        ("金辰社区表彰", None),  # 社区 is no district
        ("全市表彰大会", None),
    ],
)
def test_place_at_the_head_of_a_title(title, place):
    assert place_zh(title) == place


def test_place_parts_and_vietnamese_levels():
    assert place_parts("昆明市盘龙区") == ["昆明市", "盘龙区"]
    assert without_vi_level("Phường Quang Trung") == "Quang Trung"
    assert without_vi_level("phường quang trung") == "quang trung"
    assert without_vi_level("Quang Trung") == "Quang Trung"
