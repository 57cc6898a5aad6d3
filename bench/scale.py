"""The archive at scale: generate N articles, ingest them end to end, time a fixed query mix.

    .venv/bin/python bench/scale.py [--n 100000] [--work DIR] [--keep] [--skip-ingest]

Articles (~2.5 KB) are built from the seeds' sentence shapes with varied names, places, years and
counts (80 % simplified Chinese, 20 % Vietnamese), written as files, and ingested with
`honours ingest` (all cores). Then each query type runs 200 times: name, phrase, filtered, faceted.
Reports ingest articles/s, query p50/p95, index and store size, peak memory (ingest processes).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欣佳琳雪婷晨鹏辉飞"
PLACES = [p + s for p in ("盘龙", "五华", "官渡", "西山", "呈贡", "晋宁", "安宁", "石林", "禄劝", "寻甸", "鼓楼", "台江", "仓山", "晋安",
          "市中", "历下", "槐荫", "天桥", "历城", "长清", "浏阳", "宁乡", "芙蓉", "天心", "岳麓", "开福", "雨花", "望城")
          for s in ("区", "县")]  # fmt: skip
HONOURS = [
    "最美奋斗者",
    "劳动模范",
    "先进工作者",
    "五一劳动奖章",
    "三八红旗手",
    "优秀共产党员",
    "道德模范",
    "中国好人",
    "最美社区工作者",
    "出彩型好干部",
]
COLLECTIVE = ["最美奋斗集体", "工人先锋号", "先进集体", "三八红旗集体", "出彩型好团队"]
ROLES = [
    "党委书记",
    "社区居委会主任",
    "主治医师",
    "网格员",
    "派出所所长",
    "中学教师",
    "技术员",
    "护士长",
    "第一书记",
    "科长",
]
UNITS = ["街道{c}社区", "人民医院", "第一中学", "公安分局", "税务局", "供电公司", "消防救援站", "{c}村"]
VI_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
VI_MID = ["Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc"]
VI_LAST = ["An", "Bình", "Chánh", "Dũng", "Hoa", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Tâm", "Thảo", "Trung"]
VI_WARDS = [
    "Quang Trung",
    "Trường An",
    "Phú Lợi",
    "Tân Thành",
    "Quảng Phú",
    "Long Bình",
    "Phước Hưng",
    "An Khánh",
]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def filler_lines() -> list[str]:
    """Sentences of commendation articles (the seeds and our annotated set, normalised), three at a
    time in random order, to bring articles to their usual length without making them reposts."""
    import json

    from normalize.pipeline import Normalizer
    from normalize.sources import read_file

    normalizer, out = Normalizer(), []
    paths = sorted((ROOT / "tests" / "extract" / "gold").glob("*.txt")) + sorted(
        (ROOT / "data" / "samples").glob("00[0-3]*.txt")
    )
    for path in paths:
        article = normalizer.normalize(read_file(path, 10**7))
        if article.lang == "zh":
            out += [s + "。" for s in article.text.replace("\n", "").split("。") if 20 < len(s) < 160]
    return out or json.loads("[]")


def chinese(rng: random.Random, filler: list[str], i: int) -> str:
    year, place, honour, team = (
        rng.randint(2015, 2024),
        rng.choice(PLACES),
        rng.choice(HONOURS),
        rng.choice(COLLECTIVE),
    )
    people = [_name(rng) for _ in range(rng.randint(3, 6))]
    unit = rng.choice(UNITS).format(c=rng.choice(GIVEN) + rng.choice(GIVEN))
    lines = [
        f"{year}年度{place}“{honour}”评选结果揭晓（第{i}期）",
        f"发布日期：{year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日上午，{year}年度{place}“{honour}/{team}”表彰大会举行。",
        f"经过单位推选、个人报名和网络投票，{rng.randint(100, 300)}名候选个人、{rng.randint(30, 90)}个候选集体进入评选环节，"
        f"共收到投票{rng.randint(10000, 400000)}票。最终评选出“{honour}”{rng.randint(10, 120)}名、“{team}”{rng.randint(5, 60)}个。",
        f"{people[0]}是{place}{unit}{rng.choice(ROLES)}，多年来一直致力于解决居民生活中的困难和问题，获评“{honour}”称号。",
        f"获表彰的还有{'、'.join(people[1:])}等{len(people) - 1}人。",
        f"{place}委常委、宣传部部长{_name(rng)}出席会议并讲话。",
    ]
    body = lines[2:]
    while sum(map(len, body)) < 2300:
        body.insert(rng.randint(1, len(body)), "".join(rng.sample(filler, 3)))
    return "\n".join(lines[:2] + body) + "\n"


def vietnamese(rng: random.Random, i: int) -> str:
    ward, year = rng.choice(VI_WARDS), rng.randint(2015, 2024)
    names = [f"{rng.choice(VI_NAMES)} {rng.choice(VI_MID)} {rng.choice(VI_LAST)}" for _ in range(3)]
    para = (
        f"Sáng {rng.randint(1, 28)}/{rng.randint(1, 12)}, UBND phường {ward} tổ chức Hội nghị biểu dương người tốt, việc tốt năm {year}. "
        f"Qua phong trào đã xuất hiện nhiều gương điển hình tiên tiến, như: Hội phụ nữ phường với phong trào giúp nhau làm kinh tế; "
        f"ông {names[0]} - tổ dân phố {rng.randint(1, 20)} với việc vận động nhân dân; bà {names[1]} - khu phố {rng.randint(1, 9)} với công tác hòa giải. "
    )
    closing = f"Tại Hội nghị, UBND phường {ward} đã khen thưởng {rng.randint(2, 20):02d} tập thể, {rng.randint(10, 60)} cá nhân điển hình tiên tiến."
    body = [para] * 6 + [closing, names[2]]
    return (
        f"Phường {ward} biểu dương người tốt, việc tốt năm {year} (số {i})\nNgày đăng: {rng.randint(10, 28)}/0{rng.randint(1, 9)}/{year + 1}\n"
        + "\n".join(body)
        + "\n"
    )


def generate(directory: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    filler = filler_lines()
    for i in range(n):
        sub = directory / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        text = vietnamese(rng, i) if i % 5 == 4 else chinese(rng, filler, i)
        (sub / f"{i:06d}.txt").write_text(text, encoding="utf-8")


def generate_apart(directory: Path, n: int) -> None:
    """`generate` in a process of its own: its normaliser (the filler lines) would stay in this
    process's heap, 265 MB that the ingest's main-process peak measured besides its own."""
    import multiprocessing

    child = multiprocessing.get_context("fork").Process(target=generate, args=(directory, n))
    child.start()
    child.join()
    if child.exitcode:
        raise SystemExit(f"generating the articles failed (exit {child.exitcode})")


QUERIES = {
    "name": [(name, {}) for name in ("王芳", "李强", "张伟", "陈静", "刘洋", "杨敏", "wang fang", "tran van an", "Nguyễn Thị Hoa", "周杰")],
    "phrase": [(f'"{h}"', {}) for h in HONOURS[:5]] + [('"biểu dương người tốt"', {}), ('"表彰大会"', {})],
    "filtered": [("劳动模范", {"kind": "person", "year": "2018..2020"}), ("", {"kind": "event", "min_count": 50, "unit": "collective"}),
                 ("", {"kind": "person", "place": "盘龙区", "lang": "zh"}), ("", {"kind": "person", "honour": "中国好人", "year": "2022"})],
    "faceted": [("", {}), ("劳动模范", {}), ("biểu dương", {}), ("", {"kind": "person"})],
}  # fmt: skip


def time_queries(archive, repeat: int) -> dict[str, tuple[float, float]]:
    """p50 and p95 ms of each query type, cold: the engine's memo of totals and facet counts is
    emptied before each query (the tallies of a search with no words, counted once per index
    version at the end of the ingest, are not). Faceted queries ask for the facets the page shows."""
    from index.query import parse, request
    from web.state import facets_shown

    out = {}
    memo = getattr(archive.engine, "memo", None)
    for kind, queries in QUERIES.items():
        times = []
        for r in range(repeat):
            text, filters = queries[r % len(queries)]
            facets = facets_shown({}) if kind == "faceted" else False
            req = request(parse(text, **filters), archive.segmenter.spans, facets=facets)
            if memo is not None:
                memo.clear()
            t = time.perf_counter()
            archive.engine.search(req)
            times.append(1000 * (time.perf_counter() - t))
        times.sort()
        out[kind] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])
    return out


def size(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child (the ingest workers), MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, resource.getrusage(
        resource.RUSAGE_CHILDREN
    ).ru_maxrss / 1024


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its children that have ended (the ingest's
    worker pool ends with the ingest): on a shared machine they compare where wall time does not."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


class AnonPeak:
    """Peak anonymous memory (RssAnon: the heap, not file pages such as SQLite's memory-mapped
    database, which ru_maxrss also counts) of this process and of its largest child, sampled twice
    a second while in use, MB."""

    def __init__(self):
        self.main = self.child = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.5):
            self.main = max(self.main, _anon_mb(me))
            for pid in child_pids(me):
                self.child = max(self.child, _anon_mb(pid))


def _anon_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"RssAnon:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def child_pids(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def main() -> None:
    import config
    from index.archive import Archive

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--work", default="bench/out/scale")
    ap.add_argument(
        "--engines", default="tantivy,whoosh", help="the first ingests end to end; each then reindexes alone"
    )
    ap.add_argument("--keep", action="store_true", help="keep the generated pages and archive")
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument(
        "--queries-only", action="store_true", help="time the queries on the archive --work holds"
    )
    ap.add_argument(
        "--ingest-only", action="store_true", help="stop after the ingest (no reindex, no queries)"
    )
    args = ap.parse_args()
    engines = args.engines.split(",")
    work = Path(args.work)
    pages, data = work / "pages", work / "data"
    if args.queries_only:
        with Archive(config.Settings(data_dir=data, engine=engines[0]), create=False) as archive:
            docs, timings = archive.engine.count(), time_queries(archive, args.repeat)
        print(
            f"{engines[0]}, {docs} documents: "
            + ", ".join(f"{k} p50/p95 {a:.1f}/{b:.1f} ms" for k, (a, b) in timings.items())
        )
        return
    shutil.rmtree(work, ignore_errors=True)
    t = time.perf_counter()
    generate_apart(pages, args.n)
    print(
        f"generated {args.n} articles in {time.perf_counter() - t:.0f} s ({size(pages):.0f} MB)", flush=True
    )

    archive = Archive(config.Settings(data_dir=data, engine=engines[0]))
    t, cpu = time.perf_counter(), cpu_seconds()
    with AnonPeak() as anon:
        report = archive.ingest([str(pages)])
    took, cpu = time.perf_counter() - t, [b - a for a, b in zip(cpu, cpu_seconds(), strict=True)]
    store, index = archive.timings["store"], archive.timings["index"]
    print(
        f"ingest with {engines[0]}: {report.summary()}; {args.n / took:.1f} articles/s end to end ({took:.0f} s)"
    )
    print(
        f"  main process: waiting for normalise+extract workers {took - store - index:.0f} s, store+clusters {store:.0f} s, index {index:.0f} s"
    )
    print(
        f"  peak memory: main {peak_mb()[0]:.0f} MB, largest worker {peak_mb()[1]:.0f} MB resident; "
        f"of it anonymous (heap, not file pages): main {anon.main:.0f} MB, largest worker {anon.child:.0f} MB",
        flush=True,
    )
    print(
        f"  CPU: main {cpu[0]:.1f} s, workers {cpu[1]:.1f} s ({1000 * sum(cpu) / args.n:.1f} ms an article)"
    )
    archive.close()
    if args.ingest_only:
        return

    rows = []
    for engine in engines:
        archive = Archive(config.Settings(data_dir=data, engine=engine), create=False)
        t = time.perf_counter()
        archive.reindex()
        took = time.perf_counter() - t
        docs = archive.engine.count()
        timings = time_queries(archive, args.repeat)
        rows.append((engine, docs / took, docs, size(archive.index_dir), timings, peak_mb()[0]))
        print(f"{engine}: indexed {docs} documents in {took:.0f} s ({docs / took:.0f} docs/s)", flush=True)
        archive.close()
    print(
        f"\n{'engine':8s} {'docs/s':>8s} {'docs':>9s} {'index MB':>9s} "
        + " ".join(f"{k + ' p50/p95 ms':>24s}" for k in QUERIES)
        + f" {'peak MB':>8s}"
    )
    for engine, rate, docs, mb, timings, peak in rows:
        cells = " ".join(f"{p50:11.1f} / {p95:9.1f}" for p50, p95 in timings.values())
        print(f"{engine:8s} {rate:8.0f} {docs:9d} {mb:9.0f} {cells} {peak:8.0f}")
    print(f"store {size(data) - size(data / 'index'):.0f} MB")
    if not args.keep:
        shutil.rmtree(pages, ignore_errors=True)


if __name__ == "__main__":
    main()
