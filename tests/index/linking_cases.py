"""Mentions whose persons are known, to measure linking (tests/index/test_linking.py, bench/linking.py).

Two sources: a generator of invented commendation decisions (invented names, townships and units in
real counties; namesakes in other counties, in other units of the same county, of the other sex;
people who move to another unit of their township; reposts; mentions without a unit), and a
hand-labelled set: gold documents of tests/extract/gold with follow-up articles written for them,
each person in them labelled by hand. Pairs are every two mentions of one name in two articles:
mentions of different names are never linked, so they would only pad the count."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "extract" / "gold"
COUNTIES = ("盘龙区", "官渡区", "五华区", "西山区", "呈贡区", "石林县", "宜良县", "嵩明县")
TOWNS = tuple(
    [
        "桃源",
        "青龙",
        "金沙",
        "凤鸣",
        "白塔",
        "云溪",
        "松华",
        "龙泉",
        "柳营",
        "梅园",
        "兰亭",
        "竹林",
        "石门",
        "玉泉",
        "锦华",
        "长乐",
        "双河",
        "新街",
        "古城",
        "东风",
        "红星",
        "福德",
        "安宁",
        "清水",
    ]
)
UNITS = ("{town}街道{comm}社区", "{town}街道办事处", "{county}人民医院", "{county}第一中学", "{town}街道卫生院",
         "{county}应急管理局", "{town}街道{comm}村")  # fmt: skip
COMMS = tuple(["幸福", "和平", "光明", "团结", "友谊", "建设", "胜利", "丰收", "春晖", "朝阳"])
ROLES = ("党委书记", "主任", "护士长", "教师", "科长", "网格员", "副主任")
SURNAMES = tuple(
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = tuple(
    [
        "建国",
        "秀英",
        "丽华",
        "志强",
        "海燕",
        "国庆",
        "春梅",
        "德顺",
        "晓峰",
        "玉兰",
        "永福",
        "桂芝",
        "红霞",
        "文斌",
        "明辉",
        "雪梅",
        "立新",
        "卫东",
        "淑芬",
        "宏伟",
        "金凤",
        "小燕",
        "振宇",
        "美玲",
    ]
)
TITLES = ("最美奋斗者", "劳动模范", "先进工作者", "优秀共产党员", "道德模范")
LEVELS = (("county", "{county}", "区委、区政府"), ("city", "昆明市", "中共昆明市委、昆明市人民政府"),
          ("province", "云南省", "中共云南省委、云南省人民政府"))  # fmt: skip


@dataclass(frozen=True)
class Truth:
    """Which person each name of each document is: file name -> {name: person label}."""

    files: dict[str, dict[str, str]]


@dataclass(frozen=True)
class _Person:
    key: str
    name: str
    gender: str
    county: str
    units: tuple[str, ...]  # one per honour: the unit it names (a later one may be another of the township)
    ethnicity: str | None


def _people(rng: random.Random, n: int) -> list[_Person]:
    names = rng.sample([s + g for s in SURNAMES for g in GIVEN], n)
    shuffled = rng.sample(TOWNS, len(TOWNS))
    towns = {c: shuffled[3 * i : 3 * i + 3] for i, c in enumerate(COUNTIES)}  # no town in two counties
    out: list[_Person] = []
    for i in range(n):
        name = names[i] if i % 4 else names[i - 1]  # every fourth person is a namesake of the one before
        twin = out[-1] if i % 4 == 0 and out else None
        county = rng.choice(COUNTIES)
        if twin is not None and i % 8 == 0:  # a namesake in the same county, in another unit
            county = twin.county
        town = rng.choice([t for t in towns[county] if twin is None or twin.units[0].find(t) < 0])
        fill = {"county": county, "town": town, "comm": rng.choice(COMMS)}
        first = rng.choice(UNITS).format(**fill)
        if twin is not None and first == twin.units[0]:
            first = UNITS[5].format(**fill) if first != UNITS[5].format(**fill) else UNITS[2].format(**fill)
        moved = UNITS[1].format(**fill) if first.startswith(town) and rng.random() < 0.3 else first
        k = rng.choice((1, 2, 2, 3))
        gender = rng.choice("MF") if twin is None or i % 16 != 4 else ("F" if twin.gender == "M" else "M")
        eth = rng.choice((None, None, None, "彝族", "回族", "白族"))
        out.append(_Person(f"g{i}", name, gender, county, (first,) + (moved,) * (k - 1), eth))
    return out


def generate(folder: Path, seed: int = 13, persons: int = 120) -> Truth:
    """Invented decisions in `folder`, one per event; what each name in them is."""
    rng = random.Random(seed)
    events: dict[tuple, list[tuple[_Person, str]]] = {}
    for p in _people(rng, persons):
        years = sorted(rng.sample(range(2016, 2025), len(p.units)))
        for year, unit in zip(years, p.units, strict=True):
            level = rng.choice(LEVELS)
            place = level[1].format(county=p.county)
            title = rng.choice(TITLES[:3]) if level[0] == "county" else TITLES[1]
            events.setdefault((year, place, title, level[2].format(county=p.county)), []).append((p, unit))
    files: dict[str, dict[str, str]] = {}
    for i, ((year, place, title, bodies), members) in enumerate(sorted(events.items())):
        seen: dict[str, _Person] = {}
        items = []
        for p, unit in members:
            if p.name in seen:  # one name once per decision
                continue
            seen[p.name] = p
            items.append(_item(rng, p, unit, place))
        text = (
            f"关于表彰{year}年度{place}“{title}”的决定\n发布日期：{year}-12-{10 + i % 18}\n"
            f"为弘扬劳模精神，经评审，{bodies}决定授予{'、'.join(items)}等{len(items)}名同志{year}年度{place}“{title}”称号。\n"
            f"希望受表彰的同志珍惜荣誉，再接再厉。\n{bodies.split('、')[-1]}\n{year}年12月{10 + i % 18}日\n"
        )
        name = f"gen_{i:03d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        files[name] = {n: p.key for n, p in seen.items()}
        if i % 7 == 3:  # a repost: the same decision with a source line
            (folder / f"gen_{i:03d}_repost.txt").write_text(text + "（来源：融媒体中心）\n", encoding="utf-8")
            files[f"gen_{i:03d}_repost.txt"] = files[name]
    return Truth(files)


def _item(rng: random.Random, p: _Person, unit: str, place: str) -> str:
    if rng.random() < 0.12:
        return p.name  # no unit at all
    where = unit if unit.startswith(p.county) or place == p.county else p.county + unit
    marks = [x for x in ("女" if p.gender == "F" and rng.random() < 0.7 else None, p.ethnicity) if x]
    return f"{where}{rng.choice(ROLES)}{p.name}" + (f"（{'，'.join(marks)}）" if marks else "")


# --- the hand-labelled set: gold documents and follow-ups written for their people ----------------

GOLD_FILES = ("001_guandu_laomo_gongshi.txt", "009_cuihu_zuimei_fendouzhe.txt")
FOLLOW_UPS = {
    "f1_yunnan_laomo_2025.txt": (
        "关于表彰2025年度云南省劳动模范的决定\n发布日期：2025-04-28\n经评审，省委、省政府决定授予"
        "昆明市官渡区小板桥街道云溪社区党委书记马永福（彝族）、官渡区人民医院急诊科护士长王秀兰（女）、"
        "官渡区应急管理局防灾减灾科科长何家军（回族）等3名同志2025年度云南省“劳动模范”称号。\n"
        "中共云南省委\n云南省人民政府\n2025年4月28日\n"
    ),
    "f2_shilin_zuimei_2024.txt": (
        "关于表彰2024年度石林县“最美奋斗者”的决定\n发布日期：2024-12-12\n经评审，县委、县政府决定授予"
        "石林县鹿阜街道北大村社区党委书记马永福、石林县第一中学数学教师孙立新、石林县人民医院护士长王秀兰（女）、"
        "石林县长湖镇维则村村民委员会主任邱丽萍（女）等4名同志2024年度石林县“最美奋斗者”称号。\n"
        "中共石林县委\n石林县人民政府\n2024年12月12日\n"
    ),
    "f3_guandu_xianjin_2023.txt": (
        "关于表彰2023年度官渡区“先进工作者”的决定\n发布日期：2023-05-06\n经评审，区委、区政府决定授予"
        "官渡区关上街道环境卫生管理所保洁班班长卢春燕（女）、官渡区六甲街道宏仁社区居民委员会主任杨丽琼（女，白族）、"
        "官渡区第一中学高三年级组长孙立新等3名同志2023年度官渡区“先进工作者”称号。\n"
        "中共官渡区委\n官渡区人民政府\n2023年5月6日\n"
    ),
    "f4_panlong_2022.txt": (
        "关于表彰2022年度盘龙区“最美奋斗者”的决定\n发布日期：2022-12-20\n经评审，区委、区政府决定授予"
        "盘龙区人民医院护士长卢春燕（女）、盘龙区应急管理局科长何家军、盘龙区茨坝街道云溪社区党委书记杨丽琼（女，汉族）"
        "等3名同志2022年度盘龙区“最美奋斗者”称号。\n中共昆明市盘龙区委员会\n昆明市盘龙区人民政府\n2022年12月20日\n"
    ),
    "f5_cuihu_2024.txt": (
        "翠湖街道举行2024年度“最美奋斗者”发布仪式\n发布日期：2024-01-10\n1月10日，翠湖街道举行2024年度“最美奋斗者”发布仪式。"
        "翠湖社区党委书记邱丽萍、钱局街社区网格员段晓峰获评“最美奋斗者”。\n"
    ),
}
HAND = {  # file -> name -> person, labelled by reading the documents
    "001_guandu_laomo_gongshi.txt": {n: f"{n}@官渡" for n in ("马永福", "王秀兰", "何家军", "卢春燕", "杨丽琼", "孙立新")},
    "009_cuihu_zuimei_fendouzhe.txt": {"邱丽萍": "邱丽萍@翠湖", "段晓峰": "段晓峰@翠湖"},
    "f1_yunnan_laomo_2025.txt": {"马永福": "马永福@官渡", "王秀兰": "王秀兰@官渡", "何家军": "何家军@官渡"},
    "f2_shilin_zuimei_2024.txt": {"马永福": "马永福@石林", "孙立新": "孙立新@石林", "王秀兰": "王秀兰@石林",
                                  "邱丽萍": "邱丽萍@石林"},
    "f3_guandu_xianjin_2023.txt": {"卢春燕": "卢春燕@官渡", "杨丽琼": "杨丽琼@官渡", "孙立新": "孙立新@官渡"},
    "f4_panlong_2022.txt": {"卢春燕": "卢春燕@盘龙", "何家军": "何家军@盘龙", "杨丽琼": "杨丽琼@盘龙"},
    "f5_cuihu_2024.txt": {"邱丽萍": "邱丽萍@翠湖", "段晓峰": "段晓峰@翠湖"},
}  # fmt: skip


def hand_labelled(folder: Path) -> Truth:
    """The gold documents and their follow-ups in `folder`; what each labelled name is."""
    for name in GOLD_FILES:
        (folder / name).write_bytes((GOLD / name).read_bytes())
    for name, text in FOLLOW_UPS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Truth(HAND)


# --- scoring ------------------------------------------------------------------------------------------


def pairs(store, truth: Truth) -> list[tuple[bool, bool]]:
    """(the same person by the truth, linked as one) for every two labelled mentions of one name in
    two articles of the store."""
    names = sorted({n for f in truth.files.values() for n in f})
    labelled = []
    for m in store.link_rows(names):
        source = Path(store.article(m.article_id, tokens=False).source).name
        who = truth.files.get(source, {}).get(m.name)
        if who is not None:
            labelled.append((m, who))
    return [
        (wa == wb, a.person_id == b.person_id)
        for (a, wa), (b, wb) in combinations(labelled, 2)
        if a.name == b.name and a.article_id != b.article_id
    ]


def precision_recall(scored: list[tuple[bool, bool]]) -> tuple[float, float]:
    tp = sum(t and p for t, p in scored)
    fp = sum(p and not t for t, p in scored)
    fn = sum(t and not p for t, p in scored)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


# --- an archive for `honours check` and /check: 50 candidates whose answers are known ---------------


@dataclass(frozen=True)
class CheckCase:
    names: tuple[str, ...]  # the candidate list, one name per line
    expected: dict[str, tuple[str, tuple[str, ...]]]  # name -> (status, flags)


def check_archive(folder: Path) -> CheckCase:
    """Decisions in `folder`: 20 people honoured once, 10 honoured twice with the same title (by
    their county, then by the city), 5 names each held by two people in two counties; and 15 names
    never honoured."""
    surnames = [
        s for s in SURNAMES if s != "曾"
    ]  # 曾 reads as "once" before a name: the extractor's to learn
    names = [s + g for g, s in zip(GIVEN * 4, surnames * 3, strict=False)][:50]
    once, twice, shared, never = names[:20], names[20:30], names[30:35], names[35:50]
    decisions: dict[tuple[str, int, str], list[str]] = {}

    def honour(place: str, year: int, title: str, name: str, k: int, county: str = "") -> None:
        town, comm = TOWNS[k % len(TOWNS)], COMMS[k % len(COMMS)]
        unit = f"{county or place}{town}街道{comm}社区"
        decisions.setdefault((place, year, title), []).append(f"{unit}党委书记{name}")

    for k, name in enumerate(once):
        honour(COUNTIES[k % 4], 2022, "最美奋斗者", name, k)
    for k, name in enumerate(twice):  # by the county in 2019, by the city in 2023
        honour(COUNTIES[k % 4], 2019, "劳动模范", name, k)
        honour("昆明市", 2023, "劳动模范", name, k, COUNTIES[k % 4])
    for k, name in enumerate(shared):
        honour("盘龙区", 2021, "先进工作者", name, k)
        honour("石林县", 2021, "先进工作者", name, k + 7)
    for i, ((county, year, title), items) in enumerate(sorted(decisions.items())):
        for j in range(0, len(items), 8):
            part = items[j : j + 8]
            text = (
                f"关于表彰{year}年度{county}“{title}”的决定\n发布日期：{year}-12-{10 + i % 18}\n"
                f"经评审，决定授予{'、'.join(part)}等{len(part)}名同志{year}年度{county}“{title}”称号。\n"
                f"希望受表彰的同志珍惜荣誉，再接再厉。\n{county}人民政府\n{year}年12月{10 + i % 18}日\n"
            )
            (folder / f"check_{i:02d}_{j}.txt").write_text(text, encoding="utf-8")
    expected = {n: ("honoured", ()) for n in once}
    expected |= {n: ("honoured", ("repeat",)) for n in twice}
    expected |= {n: ("honoured", ("several",)) for n in shared}
    expected |= {n: ("never", ()) for n in never}
    return CheckCase(tuple(names), expected)
