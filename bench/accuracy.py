"""Accuracy of conversion, segmentation (and later name extraction) on the public gold sets.

    .venv/bin/python bench/accuracy.py

Prints one table row per measure with its baseline and target. Run by hand; CI never times things.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ud import F1, UD, char_spans, conllu_sentences, spans_without_space  # noqa: E402

from normalize.convert import Converter  # noqa: E402
from normalize.segment import Segmenters  # noqa: E402


def general_rules_only(tmp: Path) -> Converter:
    """The override list without the entries found by looking at OpenCC's misses on the test set."""
    rules = (Path(__file__).resolve().parents[1] / "normalize" / "rules" / "t2s_overrides.tsv").read_text(
        encoding="utf-8"
    )
    tmp.write_text(
        "\n".join(r for r in rules.splitlines() if "UD GSD test]" not in r) + "\n", encoding="utf-8"
    )
    return Converter(tmp)


def engines_differ(zh_rjieba, zh_jieba) -> int:
    """Sentences of GSDSimp test that rjieba and jieba segment differently (same dictionary, same rules)."""
    texts = ["".join(words) for _, words in conllu_sentences(UD / "zh_gsdsimp-ud-test.conllu")]
    return sum(zh_rjieba(t) != zh_jieba(t) for t in texts)


def person_f1(segmenter) -> float:
    from names_zh_eval import uner_person_f1

    from extract.names_zh import ChineseNameFinder

    return uner_person_f1(ChineseNameFinder(segmenter.is_word, segmenter.tag))[2]


def opencc_accuracy(conv: Converter) -> float:
    trad = conllu_sentences(UD / "zh_gsd-ud-test.conllu")
    simp = conllu_sentences(UD / "zh_gsdsimp-ud-test.conllu")
    ok = total = 0
    for (t, _), (s, _) in zip(trad, simp, strict=True):
        out = conv.to_simplified(t)
        total += len(s)
        ok += sum(a == b for a, b in zip(out, s, strict=False)) if len(out) == len(s) else 0
    return 100 * ok / total


def segmentation_f1(segment, path: Path, convert=None) -> float:
    f1 = F1()
    for _, words in conllu_sentences(path):
        text = " ".join(words) if path.name.startswith("vi_") else "".join(words)
        if convert:
            text = convert(text)
        f1.add(char_spans(words), spans_without_space(text, segment(text)))
    return f1.value


def main() -> None:
    conv = Converter()
    segs = Segmenters(sys.argv[1] if len(sys.argv) > 1 else "rjieba")
    zh, vi = segs("zh").spans, segs("vi").spans
    simp = segmentation_f1(zh, UD / "zh_gsdsimp-ud-test.conllu")
    trad = segmentation_f1(zh, UD / "zh_gsd-ud-test.conllu", conv.to_simplified)
    import tempfile

    import opencc

    class Plain:
        to_simplified = opencc.OpenCC("t2s").convert

    with tempfile.TemporaryDirectory() as tmp:
        general = general_rules_only(Path(tmp) / "rules.tsv")
    rows = [
        ("OpenCC t2s alone, char accuracy GSD -> GSDSimp (%)", opencc_accuracy(Plain()), "99.86", "-"),
        ("  + general overrides (quotes, 著 rule) (%)", opencc_accuracy(general), "99.86", ">= 99.95"),
        ("  + variants found on this test set (%)", opencc_accuracy(conv), "99.86", "(optimistic)"),
        ("Chinese segmentation F1, GSDSimp test", simp, "79.9 (jieba)", ">= 85"),
        ("Chinese segmentation F1, GSD traditional via normaliser", trad, "-", f">= {simp - 0.5:.2f}"),
        (
            "Vietnamese segmentation F1, VTB test",
            segmentation_f1(vi, UD / "vi_vtb-ud-test.conllu"),
            "97.4 (pyvi)",
            ">= 97.5",
        ),
        (
            "GSDSimp sentences where rjieba and jieba differ",
            engines_differ(zh, Segmenters("jieba")("zh").spans),
            "-",
            "0",
        ),
        (
            "Person-name F1, UNER zh_gsdsimp test (finder + tags)",
            person_f1(segs("zh")),
            "31.6 (jieba nr)",
            ">= 70",
        ),
    ]
    print(f"{'measure':58s} {'ours':>8s}  {'baseline':>14s}  target")
    for name, value, base, target in rows:
        print(f"{name:58s} {value:8.2f}  {base:>14s}  {target}")


if __name__ == "__main__":
    main()
