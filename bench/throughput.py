"""Normalise + segment (and extract) throughput on one core, and where the time goes.

    .venv/bin/python bench/throughput.py [--passes 3]

Corpus: the five seeds plus the UD test texts (GSDSimp, GSD traditional, VTB) cut into
~2.5 KB plain-text articles. Models are loaded before timing; the mojibake repair cache is
cleared before every pass, so repeated passes do not get repairs for free. The floors of issue 15
are measured on the same texts in the same run: OpenCC (C++) + rjieba alone for Chinese, pyvi alone
for Vietnamese, and our rate is printed as a ratio to them. Times are this process's CPU time
(one thread does the work), so a busy machine lengthens them less than it would wall time.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ud import SHARED_ROOT, UD, conllu_sentences  # noqa: E402

from extract import Extractor  # noqa: E402
from normalize import mojibake  # noqa: E402
from normalize.pipeline import Normalizer  # noqa: E402
from normalize.records import Source  # noqa: E402

SEEDS = SHARED_ROOT / "seeds"
STAGES = {
    "decode": "decode.py:decode",
    "char cleaners": "pipeline.py:clean_chars",
    "  mojibake": "mojibake.py:repair",
    "  pinyin": "clean.py:remove_pinyin",
    "  emoji": "clean.py:strip_emoji",
    "language": "lang.py:detect",
    "layout + chrome": "layout.py:layout",
    "repeats + spun": "repeats.py:remove_repeats",
    "t2s conversion": "convert.py:to_simplified",
    "segmentation (zh)": "seg_zh.py:spans",
    "segmentation (vi)": "seg_vi.py:spans",
    "extraction": "__init__.py:extract",
    "  people (zh)": "people_zh.py:find",
    "  names (zh)": "names_zh/finder.py:find",
    "  counts": "counts.py:find_counts",
}


def corpus() -> dict[str, list[Source]]:
    """Seeds as they are; UD sentences four to a paragraph, ~2.5 KB to an article, like the seeds."""
    docs: dict[str, list[Source]] = {"zh": [], "vi": []}
    for path in sorted(SEEDS.glob("*.txt")):
        docs["vi" if path.name.startswith("004") else "zh"].append(Source(str(path), path.read_bytes()))
    for name, lang, sep in [
        ("zh_gsdsimp-ud-test.conllu", "zh", ""),
        ("zh_gsd-ud-test.conllu", "zh", ""),
        ("vi_vtb-ud-test.conllu", "vi", " "),
    ]:
        sentences = [sep.join(words) for _, words in conllu_sentences(UD / name)]
        paragraphs = [sep.join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        article: list[str] = []
        for n, para in enumerate(paragraphs):
            article.append(para)
            if sum(map(len, article)) > 2500 or n == len(paragraphs) - 1:
                text = f"{name} {n}\n" + "\n".join(article)
                docs[lang].append(Source(f"{name}#{n}", text.encode()))
                article = []
    return docs


def run(normalizer: Normalizer, docs: list[Source], extractor: Extractor | None) -> tuple[int, float]:
    mojibake.clear_caches()
    chars = 0
    start = time.process_time()
    for src in docs:
        article = normalizer.normalize(src)
        if extractor:
            extractor.extract(article)
        chars += len(article.text)
    return chars, time.process_time() - start


def best_rate(f, chars: int, passes: int) -> float:
    """Characters per second of f() over `chars` characters, best of `passes`."""
    best = math.inf
    for _ in range(passes):
        start = time.process_time()
        f()
        best = min(best, time.process_time() - start)
    return chars / best


def floors(
    normalizer: Normalizer, docs: dict[str, list[Source]], rates: dict[str, float], passes: int
) -> None:
    """The floors of issue 15 on the same texts: OpenCC (C++) + rjieba alone for Chinese, pyvi
    alone for Vietnamese, with our normalise + segment rate as a ratio to them."""
    import opencc
    import rjieba
    from pyvi.ViTokenizer import ViTokenizer

    zh = [normalizer.normalize(s).original_text for s in docs["zh"]]
    vi = [normalizer.normalize(s).original_text for s in docs["vi"]]
    cc, jb = opencc.OpenCC("t2s"), rjieba.Jieba()
    zh_chars, vi_chars = sum(map(len, zh)), sum(map(len, vi))
    floor_zh = best_rate(lambda: [jb.cut(cc.convert(t)) for t in zh], zh_chars, passes)
    pyvi = best_rate(lambda: [ViTokenizer.tokenize(t) for t in vi], vi_chars, passes)
    seg = normalizer.segmenters("vi")
    ours_vi = best_rate(lambda: [seg.spans(t) for t in vi], vi_chars, passes)
    print("\nfloors (same texts, one core; ratio = floor rate / our rate, lower is better):")
    print(
        f"  {'OpenCC + rjieba alone (zh)':36s} {floor_zh / 1e6:7.2f} M c/s   normalise+segment zh is {floor_zh / rates['zh']:.1f}x slower (target <= 5x)"
    )
    print(
        f"  {'pyvi ViTokenizer.tokenize alone (vi)':36s} {pyvi / 1e6:7.2f} M c/s   normalise+segment vi is {pyvi / rates['vi']:.2f}x slower (target <= 1.2x)"
    )
    print(
        f"  {'our Vietnamese segmenter alone':36s} {ours_vi / 1e6:7.2f} M c/s   {pyvi / ours_vi:.2f}x the time of pyvi alone"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    normalizer = Normalizer()
    extractor = Extractor(normalizer.segmenters("zh"))
    docs = corpus()
    for lang in docs:  # load every model before timing
        run(normalizer, docs[lang][:3], extractor)
    print(f"{'corpus':30s} {'docs':>5s} {'chars':>9s} {'normalise+segment':>20s} {'+ extract':>14s}")
    broken = [s for s in docs["zh"] if normalizer.normalize(s).cleaning["mojibake"]]
    groups = {
        **docs,
        "zh, pages without mojibake": [s for s in docs["zh"] if s not in broken],
        "zh, pages with mojibake": broken,
    }
    rates: dict[str, float] = {}
    for lang, sources in groups.items():
        best = min((run(normalizer, sources, None) for _ in range(args.passes)), key=lambda r: r[1])
        best_x = min((run(normalizer, sources, extractor) for _ in range(args.passes)), key=lambda r: r[1])
        rate, rate_x = best[0] / best[1] / 1e6, best_x[0] / best_x[1] / 1e6
        rates[lang] = best[0] / best[1]
        print(
            f"{lang:30s} {len(sources):5d} {best[0]:9d} {rate:14.2f} M c/s {rate_x:8.2f} M c/s  ({1000 * best[1] / len(sources):.1f} ms/doc)"
        )
    floors(normalizer, docs, rates, args.passes)
    profile = cProfile.Profile()
    profile.enable()
    for sources in docs.values():
        run(normalizer, sources, extractor)
    profile.disable()
    stats = pstats.Stats(profile).stats
    total = sum(v[2] for v in stats.values())  # total internal time, i.e. the profiled run
    print("\nwhere the time goes (cumulative, under cProfile, all languages):")
    for label, key in STAGES.items():
        file, func = key.split(":")
        cum = sum(v[3] for (f, _, fn), v in stats.items() if f.endswith(file) and fn == func)
        print(f"  {label:22s} {cum:7.3f} s  {100 * cum / total:5.1f} %")
    print(f"  {'total':22s} {total:7.3f} s")


if __name__ == "__main__":
    main()
