"""The honour record: canonical title, level, awarding bodies, place, date and status of each honour.
All texts are invented for these tests; the places are real."""

import json
from pathlib import Path

import pytest
from conftest import jsonl, run_honours

from extract.honours import awarding_bodies, canonical_title, decision_date, level_of, make_honour, status_of
from extract.lexicon import lexicon
from extract.text import honours as find_honours

DECISION = """中共石林县委 石林县人民政府关于表彰2023年度劳动模范的决定
各乡镇党委、人民政府，县直各单位：
为表彰先进，县委、县政府决定，授予周明远等10名同志“石林县劳动模范”称号，追授符海平同志“石林县劳动模范”称号。
此前，龙秀英同志被中华全国总工会授予全国五一劳动奖章。
经县总工会核实，决定撤销闵长贵同志“石林县劳动模范”称号。
中共石林县委
石林县人民政府
2024年4月28日"""

VI_TEXT = (
    "Ngày 21/12, UBND xã Hưng Lộc, huyện Hậu Lộc tổ chức hội nghị biểu dương người tốt, việc tốt năm 2023. "
    "Chủ tịch UBND xã Lò Văn Tám chủ trì hội nghị. "
    "UBND xã tặng Giấy khen cho 8 tập thể và 21 cá nhân điển hình Người tốt - việc tốt. "
    "Ông Hà Văn Sáu được Chủ tịch UBND tỉnh Thanh Hóa tặng Bằng khen. "
    "Theo Quyết định số 15/QĐ-UBND ngày 5/3/2024 của UBND huyện Hậu Lộc, bà Mai Thị Nở được tặng Giấy khen."
)


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("written", "lang", "title", "place"),
    [
        ("劳模", "zh", "劳动模范", ""),
        ("全国劳动模范", "zh", "劳动模范", ""),
        ("全国劳模", "zh", "劳动模范", ""),
        ("石林县劳动模范", "zh", "劳动模范", "石林县"),
        ("“石林县劳动模范”荣誉称号", "zh", "劳动模范", "石林县"),
        ("2023年度盘龙区“最美奋斗者”", "zh", "最美奋斗者", "盘龙区"),
        ("“五一”劳动奖章", "zh", "五一劳动奖章", ""),
        ("优秀党员", "zh", "优秀共产党员", ""),
        ("石林县十佳青年", "zh", "十佳青年", "石林县"),  # not in the lexicon: kept, without its place
        ("người tốt, việc tốt", "vi", "người tốt việc tốt", ""),
        ("người tốt việc tốt", "vi", "người tốt việc tốt", ""),
        ("Người tốt - việc tốt", "vi", "người tốt việc tốt", ""),
        ("Bằng khen của Chủ tịch UBND tỉnh", "vi", "Bằng khen", ""),
        ("Bằng khen của Chủ tịch UBND tỉnh Thanh Hoá", "vi", "Bằng khen", "tỉnh Thanh Hóa"),
        ("Huân chương Lao động hạng 3", "vi", "Huân chương Lao động hạng Ba", ""),
        ("Huy hiệu 55 năm tuổi Đảng", "vi", "Huy hiệu Đảng", ""),
        ("huy hiệu Tuổi trẻ dũng cảm", "vi", "Huy hiệu Tuổi trẻ dũng cảm", ""),
        ("huân chương chiến công", "vi", "Huân chương Chiến công", ""),
    ],
)
def test_variants_merge_into_one_canonical_title(written, lang, title, place):
    assert canonical_title(written, lang) == (title, place)


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("石林县劳动模范", "county"),
        ("全国劳动模范", "national"),
        ("云南省先进工作者", "provincial"),
        ("昆明市劳动模范", "prefecture"),
        ("全县优秀共产党员", "county"),
        ("省劳动模范", "provincial"),
        ("中国好人", "national"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "provincial"),
        ("Bằng khen của Thủ tướng Chính phủ", "national"),
        ("Huân chương Lao động hạng Nhì", "national"),
        ("Chiến sĩ thi đua cơ sở", "unit"),
        ("Huân chương Bảo vệ Tổ quốc", "national"),
    ],
)
def test_levels_from_the_title(written, level):
    assert level_of(written, []) == level


@pytest.mark.parametrize(
    ("bodies", "level"),
    [
        (["中共石林县委", "石林县人民政府"], "county"),
        (["中华全国总工会"], "national"),
        (["云南省人力资源和社会保障厅"], "provincial"),
        (["云南电网有限责任公司"], "unit"),
        (["县委", "县政府"], "county"),
        (["鹿阜街道党工委"], "township"),
        (["中共石林县委", "中华全国总工会"], "national"),  # the highest body decides
    ],
)
def test_levels_from_the_awarding_bodies(bodies, level):
    assert level_of("先进工作者", bodies) == level


@pytest.mark.parametrize(
    ("bodies", "level"),
    [
        (["UBND huyện Hậu Lộc"], "county"),
        (["UBND xã Hưng Lộc"], "township"),
        (["UBND xã"], "township"),
        (["Bộ trưởng Bộ Giáo dục và Đào tạo"], "national"),
        (["UBND thành phố Hội An"], "county"),  # a city of a province before 2025
        (["UBND thành phố Đà Nẵng"], "provincial"),
    ],
)
def test_levels_from_vietnamese_awarding_bodies(bodies, level):
    assert level_of("Giấy khen", bodies) == level


def test_awarding_bodies_of_a_decision_title_line_signature_and_frames():
    assert awarding_bodies(DECISION, "zh") == ["中共石林县委", "石林县人民政府", "中华全国总工会"]
    assert decision_date(DECISION, "zh") == "2024-04-28"
    text = "近日，昆明市总工会印发《关于表彰2023年度五一劳动奖章获得者的决定》。经中共盘龙区委研究决定，授予十人称号。"
    assert awarding_bodies(text, "zh") == ["昆明市总工会", "中共盘龙区委"]
    text = "石林县人力资源和社会保障局和石林县总工会表彰了一批先进。"
    assert awarding_bodies(text, "zh") == ["石林县人力资源和社会保障局", "石林县总工会"]


def test_vietnamese_awarding_bodies():
    assert awarding_bodies(VI_TEXT, "vi") == [
        "UBND xã Hưng Lộc",  # "UBND xã tặng" named after the commune the text names
        "Chủ tịch UBND tỉnh Thanh Hóa",
        "UBND huyện Hậu Lộc",
    ]  # not "Chủ tịch UBND xã Lò Văn Tám": he presides, and his name is not a place
    assert decision_date(VI_TEXT, "vi") == "2024-03-05"
    text = "Bà Lý Thị Hoa nhận Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo. Thủ tướng Chính phủ tặng Bằng khen."
    assert awarding_bodies(text, "vi") == ["Bộ trưởng Bộ Giáo dục và Đào tạo", "Thủ tướng Chính phủ"]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("授予周明远同志“劳动模范”称号", "awarded"),
        ("拟推荐周明远同志为全国劳动模范候选人", "candidate"),
        ("关于拟表彰2023年度劳动模范的公示", "proposed"),
        ("追授符海平同志“优秀共产党员”称号", "posthumous"),
        ("决定撤销闵长贵同志“劳动模范”称号", "revoked"),
        ("荣获“十佳青年”提名奖", "awarded"),  # a prize, not a nomination
        ("在模拟考试中名列第一", "awarded"),  # 模拟 is not 拟
        ("Truy tặng danh hiệu Mẹ Việt Nam anh hùng cho bà Lê Thị Sen", "posthumous"),
        ("gia đình liệt sĩ Hồ Văn Tư", "posthumous"),
        ("đề nghị Thủ tướng Chính phủ tặng Bằng khen", "proposed"),
        ("các ứng viên Chiến sĩ thi đua toàn quốc", "candidate"),
        ("thu hồi Bằng khen đã tặng ông Đinh Văn Lộc", "revoked"),
        ("được tặng Bằng khen", "awarded"),
    ],
)
def test_statuses(sentence, status):
    assert status_of(sentence) == status


def test_the_honour_record_of_a_decision():
    honour = make_honour("石林县劳动模范", DECISION, "zh", at(DECISION, "石林县劳动模范"))
    assert honour.as_dict() == {
        "title": "劳动模范",
        "as_written": "石林县劳动模范",
        "level": "county",
        "awarded_by": ["中共石林县委", "石林县人民政府"],  # 县委、县政府决定, named by the signature
        "place": "石林县",
        "place_code": "530126",
        "place_path": ["云南省", "昆明市", "石林彝族自治县"],
        "date": "2024-04-28",
        "year": 2024,
        "status": "awarded",
        "span": list(at(DECISION, "石林县劳动模范")),
    }
    assert (
        make_honour("石林县劳动模范", DECISION, "zh", at(DECISION, "石林县劳动模范", 1)).status
        == "posthumous"
    )
    assert (
        make_honour("石林县劳动模范", DECISION, "zh", at(DECISION, "石林县劳动模范", 2)).status == "revoked"
    )


def test_an_honour_given_by_another_body_in_the_same_text():
    honour = make_honour("全国五一劳动奖章", DECISION, "zh", at(DECISION, "全国五一劳动奖章"))
    assert (honour.title, honour.level, honour.awarded_by, honour.place) == (
        "五一劳动奖章",
        "national",
        ("中华全国总工会",),
        None,
    )


def test_a_proposal_said_by_the_documents_title():
    text = "经单位推荐，周明远、龙秀英为“劳动模范”人选。"
    honour = make_honour(
        "劳动模范", text, "zh", at(text, "劳动模范"), doc_title="关于拟表彰2023年度劳动模范的公示"
    )
    assert honour.status == "proposed"


def test_vietnamese_honour_records():
    certificate = make_honour("Giấy khen", VI_TEXT, "vi", at(VI_TEXT, "Giấy khen"), year=2023)
    assert (certificate.level, certificate.awarded_by, certificate.place_path) == (
        "township",
        ("UBND xã Hưng Lộc",),
        ("Tỉnh Thanh Hóa", "Huyện Hậu Lộc", "Xã Hưng Lộc"),  # the commune of 2023, told by the district named
    )
    merit = make_honour("Bằng khen", VI_TEXT, "vi", at(VI_TEXT, "Bằng khen"))
    assert (merit.title, merit.level, merit.place, merit.place_code) == (
        "Bằng khen",
        "provincial",
        "Tỉnh Thanh Hóa",
        "38",
    )
    deeds = make_honour("Người tốt - việc tốt", VI_TEXT, "vi", at(VI_TEXT, "Người tốt - việc tốt"))
    assert (deeds.title, deeds.level, deeds.status) == ("người tốt việc tốt", "township", "awarded")
    last = make_honour("Giấy khen", VI_TEXT, "vi", at(VI_TEXT, "Giấy khen", 1))
    assert (last.awarded_by, last.level, last.date, last.year) == (
        ("UBND huyện Hậu Lộc",),
        "county",
        "2024-03-05",
        2024,
    )


GOLD = Path(__file__).parent / "gold"


def test_honour_records_of_annotated_documents():
    """Canonical title, level, an awarding body and the status of each honour annotated in
    gold/honours.json, read by the real `honours extract`: at least 90 % right, and every person
    and collective carries its list of honours."""
    gold = {
        k: v
        for k, v in json.loads((GOLD / "honours.json").read_text(encoding="utf-8")).items()
        if k[0] != "_"
    }
    proc = run_honours("extract", *(str(GOLD / name) for name in gold))
    assert proc.returncode == 0, proc.stderr
    records = {Path(r["source"]).name: r for r in jsonl(proc.stdout)}
    right, total, wrong = 0, 0, []
    for name, expected in gold.items():
        rec = records[name]
        assert all(isinstance(x["honours"], list) for x in rec["people"] + rec["collectives"])
        for e in expected:
            items = rec["people"] if e["owner"] == "person" else rec["collectives"]
            for who in e["names"]:
                total += 1
                held = [h for x in items if who in x["name"] for h in x["honours"]]
                if any(
                    (h["title"], h["level"], h["status"])
                    == (e["title"], e["level"], e.get("status", "awarded"))
                    and any(e["body"] in body for body in h["awarded_by"])
                    for h in held
                ):
                    right += 1
                else:
                    wrong.append((name, who, held))
    assert total >= 25 and right / total >= 0.9, wrong


def test_event_places_are_divisions_from_the_text_or_the_organisers():
    """还有温泉街道 is never a place; a decision that names no place takes its issuer's (中共云溪县委)."""
    names = ("056_zh_shuming_jueding.txt", "057_zh_huanyou_jiedao.txt")
    proc = run_honours("extract", *(str(GOLD / name) for name in names))
    assert proc.returncode == 0, proc.stderr
    places = [e["place"] for r in jsonl(proc.stdout) for e in r["events"]]
    assert places == ["云溪县", "松林街道"]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        # a badge word before a quoted name: the badge with its name; danh hiệu alone drops out
        ("Tỉnh Đoàn trao Huy hiệu “Tuổi trẻ dũng cảm” cho hai em.", "vi", ["Huy hiệu Tuổi trẻ dũng cảm"]),
        (
            "được tặng danh hiệu “Nhà giáo nhân dân, Nhà giáo ưu tú”.",
            "vi",
            ["Nhà giáo nhân dân", "Nhà giáo ưu tú"],
        ),
        # the Party badge of N years as written; a list of them is the family
        ("5 đảng viên nhận Huy hiệu 60 năm tuổi Đảng.", "vi", ["Huy hiệu 60 năm tuổi Đảng"]),
        ("9 đảng viên nhận các Huy hiệu 55, 50 và 45 năm tuổi Đảng.", "vi", ["Huy hiệu Đảng"]),
        # a grade word before a lexicon title belongs to it; traditional 全國 too
        ("表彰省级文明家庭3户、市级文明家庭8户。", "zh", ["省级文明家庭", "市级文明家庭"]),
        ("当选全國道德模范。", "zh", ["全國道德模范"]),
        # the field of work before 工作 is the title's own
        ("荣获全国关心下一代工作先进集体。", "zh", ["全国关心下一代工作先进集体"]),
        ("授予某某等三个单位宣传工作优秀奖。", "zh", ["宣传工作优秀奖"]),
    ],
)
def test_title_families_the_lexicon_does_not_list(text, lang, found):
    assert [h.text for h in find_honours(text, lexicon(), lang)] == found
