"""A relation model (is a found person an honouree?) trained on the study set's dev gold and judged
on pages it was not trained on (issue 11, rounds 9 and 13). Negative result: not wired into extract/
(features, decision and the hook it would have in relation_features.py).

    .venv/bin/python bench/tagger/train_relation.py            # fold figures (about 1.5 min)
    .venv/bin/python bench/tagger/train_relation.py --no-folds --fresh 'zh_111?.txt' 'vi_67?.txt'
    .venv/bin/python bench/tagger/train_relation.py --out      # write relation_features.MODEL

What it reads: the study set's DEV pages only (bench/study/{zh,vi}_pages.tsv rows with split `dev`,
texts in bench/study/pages/, gold in bench/study/gold_{zh,vi}.json; never a held-out page) and the
annotated set tests/extract/gold (our own documents, training only). Each person the extractor finds
is an item labelled from the gold list naming it (honourees; officials; authors; persons and
not_honourees: mentioned; in none: "none", a false name); a page's people in text order make one
sequence of a linear-chain CRF (python-crfsuite, L-BFGS, fixed settings: deterministic).
Two views of a dev page, both training items: today's rules (fitted to every dev page, so right by
construction there) and the older rules: the extractor at the parent of the commit that brought the
page into dev (BATCH_COMMITS, a page moved from held-out included; git archive into FRESH, run once),
which had never seen the page. Folds: 6, whole batches (file numbers in blocks of 50 per language)
dealt round-robin, each scored by a model trained on the other five (score_extract.score_doc).
Decision (relation_features.decide): an honouree whose honouree probability is below VETO takes the
likeliest other relation; another relation at PROMOTE or above becomes honouree. --fresh leaves the
listed dev pages out of training and scores them with the tree's own code.

Round 13 (7 Dec 2026; C1 1.0, C2 0.1, annotated set in training; thresholds VETO 0.05, PROMOTE 0.95
chosen on the folds before the fresh pages were scored), honouree precision / recall:
                         rules            + model, no rule feature   rule as 1 feature   as 4 features
  folds, today's rules   0.980 / 0.941    0.981 / 0.932              0.981 / 0.938       0.981 / 0.938
  folds, older rules     0.830 / 0.819    0.870 / 0.830              0.851 / 0.826       0.866 / 0.830
  72 fresh dev pages     0.879 / 0.835    0.877 / 0.819              0.878 / 0.827       0.877 / 0.819
(zh_1110-1157, vi_669-692, annotated blind, extracted by the round's start code baf9a95 and scored
before anyone tuned on them.) Changes right/wrong without the rule feature: folds today vetoes 8/24,
promotions 0/2; folds older 131/19 and 44/2; fresh 1/4 and 0/0. Overall on fresh 0.7871 -> 0.7854;
no threshold helps there (veto below 0.2: 0.900 / 0.800, 11 right, 9 wrong). The older view's gain
did not carry over: the classes the model learns from other batches are the ones later rules learnt
too, while the start code's errors on fresh pages are new and come a page at a time (a byline list
of five credits, eight people a page mentions, a dozen false names on one page), where the model's honouree
probability sits between 0.1 and 0.6 and two pages' true honourees fall below 0.05. Cost when hooked
in after people_zh / people_vi: 0.17 s of 3.3 s extraction CPU on 198 dev pages (5 %; model 95 kB).
Round 9 (the rules' relation and its neighbours' as features, 791 pages, older view of 687): the
same pattern, older rules 0.829 / 0.824 -> 0.863 / 0.838 while today's rules only lost.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "tagger"))

import pycrfsuite  # noqa: E402
import relation_features as relation_model  # noqa: E402
from study import SCORER, STUDY, study_set  # noqa: E402

import extract  # noqa: E402
from extract.records import Person  # noqa: E402

C1, C2, ITERATIONS = 1.0, 0.1, 200
FOLDS = 6
ANNOTATED = ROOT / "tests" / "extract" / "gold"
FRESH = Path(tempfile.gettempdir()) / "honours_relation_fresh"  # older versions and their records
# the commits that brought dev pages in (their parents had not seen them)
BATCH_COMMITS = ["a8b1086", "2a7973d", "727439b", "8b6f396", "964933d", "4ee89c2", "8627736"]
BATCH_COMMITS += ["6f2fd64", "10438f2", "afa1a8f", "83807d4", "9e3ee3c", "c639bc7"]
PAIRS = ((0.0, 2.0), (0.02, 2.0), (0.05, 2.0), (0.1, 2.0), (0.2, 2.0), (0.0, 0.9), (0.0, 0.95), (0.05, 0.95))


def scorer():
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_pages(paths: list[Path], gold: dict[str, dict], older: dict[str, dict]) -> list[dict]:
    """Each page: its record by today's rules alone, its people's features and labels (and the same
    for the older rules' record where there is one)."""
    import config
    from normalize.pipeline import Normalizer
    from normalize.sources import Failure, sources

    seen: list = []
    finders = extract.people_zh, extract.people_vi

    def recording(finder):
        def wrapped(found, ctx):
            people = finder(found, ctx)
            seen.append((people, ctx))
            return people

        return wrapped

    extract.people_zh, extract.people_vi = map(recording, finders)
    settings = config.load(None)
    normalizer = Normalizer(settings)
    extractor = extract.Extractor(normalizer.segmenters("zh"))
    squash = scorer().squash
    docs = []
    try:
        for item in sources([str(p) for p in paths], settings.max_bytes):
            if isinstance(item, Failure):
                continue
            article = normalizer.normalize(item)
            seen.clear()
            rec = extract.record(article, extractor.extract(article))
            name = Path(article.source).name
            doc = {"file": name, "lang": article.lang, "gold": gold[name], "record": rec, "x": [], "y": []}
            if seen:
                people, ctx = seen[-1]
                _items(doc, people, ctx, squash)
                if name in older:
                    doc["older"] = {
                        "file": name,
                        "lang": article.lang,
                        "gold": gold[name],
                        "record": older[name],
                    }
                    _items(doc["older"], _people_of(older[name], article.text), ctx, squash)
            docs.append(doc)
    finally:
        extract.people_zh, extract.people_vi = finders
    return docs


def _items(doc: dict, people: list, ctx, squash) -> None:
    order = sorted(people, key=lambda p: p.span)
    doc["names"] = [p.name for p in order]
    doc["rules"] = [p.relation for p in order]
    doc["x"] = relation_model.features(order, ctx, doc["lang"]) if order else []
    doc["y"] = [label(doc["gold"], p.name, squash) for p in order]


def _people_of(rec: dict, text: str) -> list[Person]:
    """The people of an older version's record, their spans moved onto today's normalised text."""
    out = []
    for p in rec.get("people") or []:
        s, e = p.get("span") or (0, 0)
        if text[s:e] != p["name"]:
            s = text.find(p["name"])
            if s < 0:
                continue
            e = s + len(p["name"])
        fields = {f: p.get(f) for f in ("role", "org", "place", "honour", "gender", "ethnicity")}
        out.append(Person(p["name"], p["relation"], (s, e), posthumous=bool(p.get("posthumous")), **fields))
    return out


def older_records() -> dict[str, dict]:
    """Each dev page's record by the extractor as it was before the page came into dev. The older
    versions run side by side, once (their records stay in FRESH)."""
    running = []
    for commit in BATCH_COMMITS:
        work = FRESH / commit
        if (work / "out.jsonl").exists():
            continue
        added = sorted(
            k for k in _dev_keys(commit) - _dev_keys(commit + "^") if (STUDY / "pages" / k).exists()
        )
        work.mkdir(parents=True, exist_ok=True)
        subprocess.run(f"git archive {commit}^ | tar -x -C {work}", shell=True, cwd=ROOT, check=True)
        out = open(work / "out.jsonl", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
        pages = [str(STUDY / "pages" / k) for k in added]
        command = [sys.executable, "-m", "cli", "extract", *pages, "--format", "jsonl"]
        running.append((subprocess.Popen(command, cwd=work, stdout=out, stderr=subprocess.DEVNULL), out))
    for proc, out in running:
        proc.wait()
        out.close()
    records: dict[str, dict] = {}
    for commit in BATCH_COMMITS:
        for line in (FRESH / commit / "out.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            records[Path(rec["source"]).name] = rec
    return records


def _dev_keys(commit: str) -> set[str]:
    """The pages with gold that the study tsv puts in dev at the commit (a page moved from held-out
    to dev counts as brought in by the commit that moved it: no rule had been fitted to it)."""
    dev: set[str] = set()
    for lang in ("zh", "vi"):
        tsv = _git_show(commit, f"bench/study/{lang}_pages.tsv")
        gold = json.loads(_git_show(commit, f"bench/study/gold_{lang}.json") or "{}")
        dev |= {r.split("\t")[0] for r in tsv.splitlines()[1:] if r.split("\t")[4:5] == ["dev"]} & set(gold)
    return dev


def _git_show(commit: str, path: str) -> str:
    shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else ""


def label(g: dict, name: str, squash) -> str:
    key = squash(name).lower()

    def has(field):
        return key in {squash(n).lower() for n in g.get(field, [])}

    if has("honourees"):
        return "honouree"
    if has("officials"):
        return "official"
    if has("authors"):
        return "author"
    if has("persons") or has("not_honourees"):
        return "mentioned"
    return "none"


def folds(docs: list[dict]) -> list[list[dict]]:
    """Whole batches per fold, dealt round-robin in order of batch name (deterministic)."""
    names = sorted({_batch(d) for d in docs})
    fold_of = {b: n % FOLDS for n, b in enumerate(names)}
    return [[d for d in docs if fold_of[_batch(d)] == k] for k in range(FOLDS)]


def _batch(doc: dict) -> str:
    return f"{doc['file'][:2]}{int(doc['file'][3:7].rstrip('._')) // 50}"


def views(docs: list[dict]) -> list[dict]:
    """Today's and the older rules' items of the pages (the training items)."""
    return docs + [d["older"] for d in docs if "older" in d]


def train(items: list[dict], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for d in items:
        if d["x"]:
            trainer.append(d["x"], d["y"])
    trainer.set_params({"c1": C1, "c2": C2, "max_iterations": ITERATIONS})
    trainer.train(str(path))


def predict(items: list[dict], path: Path) -> None:
    """Each person's probability of every label, in item["marginal"]."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    for d in items:
        d["marginal"] = []
        if d["x"]:
            tagger.set(d["x"])
            d["marginal"] = [{y: tagger.marginal(y, i) for y in tagger.labels()} for i in range(len(d["x"]))]


def relabelled(doc: dict, veto: float, promote: float) -> dict:
    """The record with the relations relation_features.decide gives at these thresholds."""
    new = {}
    for name, rule, m in zip(
        doc.get("names", []), doc.get("rules", []), doc.get("marginal", []), strict=True
    ):
        if (relation := relation_model.decide(rule, m, veto, promote)) != rule:
            new[name] = relation
    people = [dict(p, relation=new.get(p["name"], p["relation"])) for p in doc["record"].get("people") or []]
    return dict(doc["record"], people=people)


def scores(items: list[dict], veto: float, promote: float, score) -> dict[str, float]:
    totals: dict[str, list[int]] = {}
    for d in items:
        for k, (h, t) in score.score_doc(d["gold"], relabelled(d, veto, promote)).items():
            tot = totals.setdefault(k, [0, 0])
            tot[0] += h
            tot[1] += t
    out = {k: h / t for k, (h, t) in totals.items() if t}
    parts = [k for k in out if k != "stretch"]
    out["overall"] = sum(out[k] for k in parts) / len(parts)
    return out


def changes(items: list[dict], veto: float, promote: float) -> str:
    """How many vetoes and promotions were right / wrong by the gold."""
    right_wrong = [0, 0, 0, 0]
    for d in items:
        for rule, m, y in zip(d.get("rules", []), d.get("marginal", []), d["y"], strict=True):
            relation = relation_model.decide(rule, m, veto, promote)
            if relation != rule:
                right_wrong[
                    (relation == "honouree") * 2 + ((relation == "honouree") != (y == "honouree"))
                ] += 1
    return "veto {}/{}, promote {}/{}".format(*right_wrong)


def table(name: str, items: list[dict], parts: list[list[dict]] | None, score) -> None:
    """Honouree precision / recall and overall at each pair of thresholds, pooled and by fold."""
    print(f"-- {name} ({len(items)} pages)")
    base = [scores(p, 0.0, 2.0, score)["honouree_precision"] for p in parts or []]
    for veto, promote in PAIRS:
        s = scores(items, veto, promote, score)
        by_fold = " ".join(
            f"{scores(p, veto, promote, score)['honouree_precision'] - b:+.3f}"
            for p, b in zip(parts or [], base, strict=True)
        )
        print(
            f"veto<{veto:<4} promote>={promote:<4} P {s['honouree_precision']:.3f} R {s['honouree_recall']:.3f}"
            f" overall {s['overall']:.4f} ({changes(items, veto, promote)})"
            + (f" P by fold {by_fold}" if by_fold else "")
        )


def cross_validate(docs: list[dict], annotated: list[dict]) -> None:
    """Rules alone vs rules + model on each held fold, with today's and with the older rules."""
    parts = folds(docs)
    with tempfile.TemporaryDirectory() as tmp:
        for k, held in enumerate(parts):
            path = Path(tmp) / f"fold{k}.crfsuite"
            train(views([d for n, part in enumerate(parts) if n != k for d in part]) + annotated, path)
            predict(views(held), path)
    score = scorer()
    table("held folds, today's rules", docs, parts, score)
    table(
        "held folds, older rules",
        [d["older"] for d in docs if "older" in d],
        [[d["older"] for d in p if "older" in d] for p in parts],
        score,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fresh", nargs="*", default=[], help="dev pages (globs) to leave out and score")
    ap.add_argument(
        "--out", action="store_true", help=f"write the model trained on all dev to {relation_model.MODEL}"
    )
    ap.add_argument("--no-folds", action="store_true", help="skip the fold figures")
    args = ap.parse_args()
    gold, split = study_set()
    dev = sorted(f for f in gold if split.get(f) == "dev" and (STUDY / "pages" / f).exists())
    fresh = [f for f in dev if any(fnmatch(f, g) for g in args.fresh)]
    older = older_records()
    docs = extract_pages([STUDY / "pages" / f for f in dev if f not in fresh], gold, older)
    annotated_gold = {
        k: v for k, v in json.loads((ANNOTATED / "gold.json").read_text()).items() if k[:1] != "_"
    }
    annotated = extract_pages([ANNOTATED / k for k in sorted(annotated_gold)], annotated_gold, {})
    print(f"{len(docs)} dev pages ({sum(len(d['x']) for d in docs)} people), {len(annotated)} annotated")
    if not args.no_folds:
        cross_validate(docs, annotated)
    with tempfile.TemporaryDirectory() as tmp:
        path = relation_model.MODEL if args.out else Path(tmp) / "all.crfsuite"
        train(views(docs) + annotated, path)
        if fresh:
            held = extract_pages([STUDY / "pages" / f for f in fresh], gold, {})
            predict(held, path)
            table("left-out pages, today's rules", held, None, scorer())
    return 0


if __name__ == "__main__":
    sys.exit(main())
