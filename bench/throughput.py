"""Normalise + segment (and extract) throughput on one core, and where the time goes.

    .venv/bin/python bench/throughput.py [--passes 3]

Corpus: the five seeds plus the UD test texts (GSDSimp, GSD traditional, VTB) cut into
~2.5 KB plain-text articles. Models are loaded before timing; the mojibake repair cache is
cleared before every pass, so repeated passes do not get repairs for free.
"""

from __future__ import annotations

import argparse
import cProfile
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
    start = time.perf_counter()
    for src in docs:
        article = normalizer.normalize(src)
        if extractor:
            extractor.extract(article)
        chars += len(article.text)
    return chars, time.perf_counter() - start


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
    for lang, sources in groups.items():
        best = min((run(normalizer, sources, None) for _ in range(args.passes)), key=lambda r: r[1])
        best_x = min((run(normalizer, sources, extractor) for _ in range(args.passes)), key=lambda r: r[1])
        rate, rate_x = best[0] / best[1] / 1e6, best_x[0] / best_x[1] / 1e6
        print(
            f"{lang:30s} {len(sources):5d} {best[0]:9d} {rate:14.2f} M c/s {rate_x:8.2f} M c/s  ({1000 * best[1] / len(sources):.1f} ms/doc)"
        )
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
