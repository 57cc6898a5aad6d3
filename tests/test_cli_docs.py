"""The README's command list, options and exit-status table agree with `build_parser()` and with
what the commands really do (sqlite-utils' tests/test_docs.py does the first part)."""

import re
import socket

import pytest
from conftest import ROOT, SEEDS, run_honours

from cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")
GLOBAL = {"--data-dir", "--config", "--engine", "--debug", "-h", "--help"}


def readme_commands() -> dict[str, set[str]]:
    """Each `honours CMD ...` entry of the README's command block, with the options it names."""
    block = README.split("## The command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    entries, current = {}, None
    for line in block.splitlines():
        line = line.split("  #", 1)[0]
        m = re.match(r"honours (\w+)", line.strip())
        if m:
            current = m.group(1)
            entries[current] = set()
        if current:
            entries[current] |= set(re.findall(r"(?<![\w-])(-{1,2}[a-z][\w-]*)", line))
    return entries


def parser_commands() -> dict[str, set[str]]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return {
        name: {s for a in p._actions for s in a.option_strings} - GLOBAL for name, p in sub.choices.items()
    }


def test_every_command_is_in_the_readme_with_exactly_its_options():
    documented, real = readme_commands(), parser_commands()
    assert set(documented) == set(real)
    for name, options in real.items():
        assert documented[name] == options, name


def test_global_options_are_documented_and_accepted_after_every_command():
    for option in ("--data-dir", "--config", "--engine", "--debug"):
        assert f"`{option}" in README
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert GLOBAL - {"-h", "--help"} <= {s for a in p._actions for s in a.option_strings}, name


def test_help_lists_every_command():
    out = run_honours("--help").stdout
    for name in parser_commands():
        assert name in out


def exit_table() -> dict[int, str]:
    table = README.split("### Exit status", 1)[1].split("\n\n", 2)[1]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| ([^|]+)\|", table, re.M)}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    data = tmp_path_factory.mktemp("archive")
    proc = run_honours("ingest", str(SEEDS / "000_3ea43f7ec754d5d6.txt"), "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    return data


def walk(*args) -> int:
    proc = run_honours(*args)
    assert "Traceback" not in proc.stderr
    if proc.returncode:
        lines = proc.stderr.strip().splitlines()
        assert lines and all(line.startswith("honours: ") for line in lines), proc.stderr
    return proc.returncode


def test_the_exit_status_table_matches_what_the_commands_do(archive, tmp_path):
    assert set(exit_table()) == {0, 1, 2, 130}
    d = ("--data-dir", str(archive))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty"
    empty.mkdir()
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = str(held.getsockname()[1])
        cases = {
            0: [
                ("search", "王芳", *d),
                ("search", "no-such-word-anywhere", *d),
                ("stats", *d),
                ("person", "王芳", *d),
            ],
            1: [
                ("extract", str(bad), str(SEEDS / "000_3ea43f7ec754d5d6.txt")),
                ("ingest", str(bad), *d),
                ("stats", "--data-dir", str(tmp_path / "none")),
                ("ingest", str(empty), *d),
                ("serve", "--port", port, *d),
            ],
            2: [
                ("nosuch",),
                ("search", "--offset", "99999999999999999999", *d),
                ("search", "--limit", "-1", *d),
                ("search", '"unclosed', *d),
                ("export", "--format", "csv", "-o", str(tmp_path / "no" / "dir.csv"), *d),
                ("stats", "--engine", "lucene", *d),
            ],
        }
        for status, runs in cases.items():
            for args in runs:
                assert walk(*args) == status, args


def test_global_options_work_before_and_after_the_command(archive):
    before = run_honours("--data-dir", str(archive), "stats", "--json")
    after = run_honours("stats", "--json", "--data-dir", str(archive))
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout and '"articles": 1' in after.stdout


def test_debug_shows_the_log_and_plain_runs_do_not(archive):
    plain = run_honours("search", "王芳", "--data-dir", str(archive))
    debug = run_honours("search", "王芳", "--data-dir", str(archive), "--debug")
    assert plain.returncode == debug.returncode == 0
    assert plain.stderr == ""
    assert "honours: " in debug.stderr  # the libraries' loggers speak under --debug


def test_an_interrupted_command_exits_130_with_one_line(tmp_path):
    import signal
    import subprocess
    import time

    from conftest import HONOURS, ROOT

    pages = tmp_path / "pages"
    pages.mkdir()
    seed = (SEEDS / "000_3ea43f7ec754d5d6.txt").read_text(encoding="utf-8")
    for i in range(1500):  # half a minute of work or more: the interrupt comes while it runs
        (pages / f"{i:04d}.txt").write_text(f"{seed}\n第{i}号转载说明。", encoding="utf-8")
    proc = subprocess.Popen(
        [*HONOURS, "ingest", str(pages), "--data-dir", str(tmp_path / "d")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a suite started in the background of a script inherits SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(6)
    assert proc.poll() is None  # still ingesting
    proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and err.strip() == "honours: interrupted", (
        proc.returncode,
        out,
        err[-2000:],
    )
