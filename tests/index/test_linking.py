"""People across articles (index/linking.py): precision and recall of "same person" on invented and
hand-labelled archives, namesakes kept apart, ids that stay when more articles come, and the
dossier grouped by person as a ladder of honours."""

from __future__ import annotations

import pytest
from conftest import make_archive
from linking_cases import generate, hand_labelled, pairs, precision_recall

from index import linking
from index.dossier import LADDER, dossier
from index.persons import LinkMention

PRECISION, RECALL = 0.95, 0.85  # floors: only go up


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    """Pairs from an invented archive and from the gold documents with their follow-ups."""
    out, archives = [], []
    for build in (generate, hand_labelled):
        root = tmp_path_factory.mktemp(build.__name__)
        (root / "pages").mkdir()
        truth = build(root / "pages")
        archive = make_archive(root / "data", root / "pages")
        out += pairs(archive.store, truth)
        archives.append(archive)
    yield out, archives
    for a in archives:
        a.close()


def test_same_person_precision_and_recall_meet_the_floors(labelled):
    scored, _ = labelled
    assert len(scored) >= 200 and sum(t for t, _ in scored) >= 100
    precision, recall = precision_recall(scored)
    assert precision >= PRECISION and recall >= RECALL, (precision, recall)


def test_hand_labelled_namesakes_apart_and_follow_ups_together(labelled):
    _, (_, gold) = labelled
    found = dossier(gold, "马永福")["people"]
    assert len(found) == 2  # 官渡区 and 石林县
    guandu = next(p for p in found if any("官渡区" in o for o in p["orgs"]))
    assert {h["article_id"] for h in guandu["honours"]} and len(guandu["honours"]) == 2
    ranks = [LADDER.index(h["level"]) for h in guandu["honours"] if h["level"] in LADDER]
    assert ranks == sorted(ranks) and guandu["honours"][-1]["level"] == "provincial"


def m(name="王芳", article="a", **kw) -> LinkMention:
    return LinkMention(article_id=article, n=kw.pop("n", 0), name=name, relation="honouree", **kw)


def test_conflicts_keep_namesakes_apart_and_agreement_links():
    a = m(article="a", org="盘龙区鼓楼街道桃源社区", year=2020)
    same = m(article="b", org="鼓楼街道桃源社区", year=2023)
    other_county = m(article="c", org="石林县人民医院", year=2023)
    other_sex = m(article="d", org="鼓楼街道桃源社区", gender="M", year=2024)
    ids = linking.assign([replace_id(a, "p1", gender="F"), same, other_county, other_sex])
    assert ids[same.key][0] == "p1"
    assert ids[other_county.key][0] not in ("p1", ids[other_sex.key][0]) and ids[other_sex.key][0] != "p1"


def replace_id(mention: LinkMention, pid: str, **kw) -> LinkMention:
    from dataclasses import replace

    return replace(mention, person_id=pid, **kw)


def test_reposts_count_once_and_loose_mentions_are_weak_until_a_namesake():
    a = m(article="a", org="官渡区人民医院", cluster="c1")
    repost = m(article="b", cluster="c1")
    loose = m(article="c", event_place="云南省")
    ids = linking.assign([a, repost, loose])
    assert ids[repost.key] == (ids[a.key][0], False) and ids[loose.key] == (ids[a.key][0], True)
    namesake = m(article="d", org="石林县第一中学")
    again = linking.assign(
        [replace_id(a, ids[a.key][0]), replace_id(loose, ids[loose.key][0], weak=True), namesake]
    )
    assert again[loose.key][0] not in (ids[a.key][0], again[namesake.key][0])


def test_ids_stay_when_more_articles_are_ingested(tmp_path):
    pages, more = tmp_path / "pages", tmp_path / "more"
    pages.mkdir()
    more.mkdir()
    generate(pages, seed=3, persons=40)
    later = sorted(pages.iterdir())[len(list(pages.iterdir())) // 2 :]
    for p in later:
        p.rename(more / p.name)
    archive = make_archive(tmp_path / "data", pages)
    rows = archive.store.link_rows(_names(archive))
    first = {r.key: r.person_id for r in rows if not r.weak}
    assert first and all(first.values())
    archive.ingest([str(more)])
    after = {r.key: r.person_id for r in archive.store.link_rows(_names(archive))}
    assert all(after[k] == v for k, v in first.items())
    assert all(after.values())
    archive.close()


def _names(archive) -> list[str]:
    return [r[0] for r in archive.store.db.execute("SELECT DISTINCT name FROM people")]


def test_people_a_killed_ingest_left_unlinked_are_linked_by_the_next_run(tmp_path):
    import sqlite3

    from conftest import SEEDS, run_honours

    data = tmp_path / "data"
    first = run_honours("ingest", str(SEEDS / "000_3ea43f7ec754d5d6.txt"), "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(data / "archive.sqlite") as db:
        assert db.execute("SELECT count(*) FROM person_links").fetchone()[0] > 0
        db.execute("DELETE FROM person_links")  # as a run killed after storing, before linking
    again = run_honours("ingest", str(SEEDS / "004_e0d689f9959444f4.txt"), "--data-dir", str(data))
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(data / "archive.sqlite") as db:
        assert db.execute("SELECT count(DISTINCT article_id) FROM person_links").fetchone()[0] == 2


def test_persons_kept_in_memory_between_link_rounds_link_as_the_store_would(tmp_path):
    """An ingest keeps the persons of the names it linked between rounds (index/link_memory.py);
    with an article updated in between (its old version superseded), the links are those an ingest
    reading every round from the store makes."""
    import shutil
    import sqlite3
    from pathlib import Path

    from linking_cases import check_archive

    from config import Settings
    from index.archive import Archive

    source = tmp_path / "source"
    source.mkdir()
    found = check_archive(source)
    links = []
    for memory in (True, False):
        pages = tmp_path / f"pages-{memory}"
        shutil.copytree(source, pages)
        files = sorted(str(p) for p in pages.iterdir())
        archive = Archive(Settings(data_dir=tmp_path / f"data-{memory}", index_every=2), create=True)
        if not memory:
            archive._linked = None
        archive.ingest(files[: len(files) // 2])
        # an early article loses a name that a later one has: its old version must stop counting
        later = "".join(Path(f).read_text(encoding="utf-8") for f in files[len(files) // 2 :])
        early = {f: Path(f).read_text(encoding="utf-8") for f in files[: len(files) // 2]}
        first, gone = next(
            (f, n) for f, text in early.items() for n in found.names if n in text and n in later
        )
        Path(first).write_text(early[first].replace(gone, "甄士隐"), encoding="utf-8")
        archive.ingest([first, *files[len(files) // 2 :]])
        archive.close()
        db = sqlite3.connect(tmp_path / f"data-{memory}" / "archive.sqlite")
        links.append(
            db.execute("SELECT article_id, n, person_id, weak FROM person_links ORDER BY 1, 2").fetchall()
        )
        superseded = db.execute("SELECT count(*) FROM articles WHERE superseded_by IS NOT NULL").fetchone()[0]
        assert superseded == 1
    assert links[0] and links[0] == links[1]


def _decision(year: int, item: str) -> str:
    return (
        f"关于表彰{year}年度“最美奋斗者”的决定\n发布日期：{year}-12-12\n经评审，决定授予{item}等1名同志"
        f"{year}年度“最美奋斗者”称号。\n希望受表彰的同志珍惜荣誉，再接再厉。\n{year}年12月12日\n"
    )


def test_weak_links_kept_in_memory_are_decided_again_as_the_store_would(tmp_path):
    """Loose mentions are linked weakly to the only person of their name; a run keeps them in memory
    between rounds (index/link_memory.py) and decides them again as mentions come in: when a
    namesake appears they move to persons of their own, exactly as a run reading the store would."""
    import sqlite3

    from config import Settings
    from index.archive import Archive

    items = ("官渡区人民医院急诊科护士长王秀兰", "王秀兰", "王秀兰", "石林县第一中学数学教师王秀兰", "王秀兰")
    files = []
    for i, item in enumerate(items):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text(_decision(2019 + i, item), encoding="utf-8")
    rounds = {}
    for memory in (True, False):
        archive = Archive(Settings(data_dir=tmp_path / f"data-{memory}"), create=True)
        if not memory:
            archive._linked = None
        db = sqlite3.connect(tmp_path / f"data-{memory}" / "archive.sqlite")
        seen = rounds[memory] = []
        for part in (files[:2], files[2:3], files[3:4], files[4:]):
            archive.ingest([str(p) for p in part])
            seen.append(
                db.execute("SELECT article_id, n, person_id, weak FROM person_links ORDER BY 1, 2").fetchall()
            )
            if memory and len(seen) == 2:
                assert len(archive._linked.held["王秀兰"].weak) == 2  # kept, not read again
        archive.close()
    assert rounds[True] == rounds[False]
    weak = [sum(w for *_, w in links) for links in rounds[True]]
    assert weak[:3] == [1, 2, 0]  # weak until the namesake of round three
    assert len({pid for *_, pid, _ in rounds[True][-1]}) >= 3
