"""Nothing lost: `check` never writes into articles, and Ctrl-C ends any command with one
line and exit code 130, leaving no partial file behind."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factlint import cli
from factlint.lint import Linter
from tests.robustness.conftest import GOOD_FINDING, GOOD_TEXT, ROOT, RULES, run, warnings


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under `folder`: content digest and modification time, by relative path."""
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def _corpus(folder: Path) -> Path:
    """Articles of every kind a check meets: with findings, suppressed, in CRLF, in Latin-1,
    with bad front matter, binary, empty; plus the seed articles."""
    folder.mkdir()
    (folder / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "crlf.md").write_bytes(GOOD_TEXT.replace("\n", "\r\n").encode())
    (folder / "latin.md").write_bytes(GOOD_TEXT.encode("latin-1"))
    (folder / "front.md").write_text("---\nlang: [it\n---\nTencent's Qwen.\n", encoding="utf-8")
    (folder / "quiet.md").write_text(
        GOOD_TEXT + "<!-- factlint-disable alibaba-models -->\n", encoding="utf-8"
    )
    (folder / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "empty.md").write_bytes(b"")
    for seed in (ROOT / "seeds").glob("*.md"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


@pytest.mark.parametrize(
    "options",
    [
        ("--no-cache",),
        (),  # with the claims cache: it lives in its own folder, never next to articles
        ("--format", "json", "--no-cache"),
    ],
)
def test_check_never_writes_into_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    articles = _corpus(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    before = _tree(articles)
    for _ in range(2):  # the second run reads the cache when there is one
        code, out, _ = run("check", str(articles), "--rules", RULES, *options)
        assert code == 1 and "alibaba-models" in out
    assert _tree(articles) == before


def test_ctrl_c_in_check_exits_130_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _corpus(tmp_path / "articles")
    before = _tree(articles)
    calls = 0
    real_claims = Linter.claims

    def interrupted(self: Linter, doc: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:  # in the middle of the run
            raise KeyboardInterrupt
        return real_claims(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Linter, "claims", interrupted)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", str(articles), "--rules", RULES, "--jobs", "1")
    assert code == cli.EXIT_INTERRUPTED == 130
    assert err == "factlint: interrupted\n" and out == ""
    assert _tree(articles) == before


@pytest.mark.parametrize(
    "args",
    [
        ("rules", "validate", RULES),
        ("claims", "--rules", RULES),
        ("baseline", "--rules", RULES, "--output", "baseline.json"),
    ],
)
def test_ctrl_c_in_any_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    (tmp_path / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def interrupt(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_linter", interrupt)
    code, out, err = run(*args)
    assert (code, out, err) == (130, "", "factlint: interrupted\n")
    assert not (tmp_path / "baseline.json").exists()


def test_ctrl_c_while_the_baseline_is_written_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "baseline.json"
    args = ("baseline", str(tmp_path / "good.md"), "--rules", RULES, "--output", str(target))
    assert run(*args)[0] == 0  # an earlier, accepted baseline
    accepted = target.read_bytes()
    (tmp_path / "good.md").write_text(GOOD_TEXT * 2, encoding="utf-8")

    def interrupted_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted_fsync)
    code, _, err = run(*args)
    assert (code, err.splitlines()[-1]) == (130, "factlint: interrupted")
    assert target.read_bytes() == accepted
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "good.md"]


def _interrupt_real_run(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Start `factlint check` in its own process on a corpus big enough to take a while,
    wait until it is past start-up, send SIGINT as a terminal's Ctrl-C would, and wait."""
    articles = tmp_path / "articles"
    articles.mkdir()
    prose = "Il modello Qwen di Tencent è tra i più usati, con 36 data center. " * 400
    for number in range(400):
        (articles / f"a{number:03}.md").write_text(f"---\nlang: it\n---\n{prose}\n")
    # "ready" goes to stderr once factlint is imported, so that the signal reaches factlint,
    # not the interpreter's start-up.
    script = (
        "import sys; from factlint.cli import main; sys.stderr.write('ready\\n'); "
        "sys.stderr.flush(); main()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, "check", str(articles), "--rules", RULES, *options],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    assert process.stderr is not None
    assert process.stderr.readline() == "ready\n"
    time.sleep(0.8)  # into the run: rules compiled, articles being read
    # A terminal's Ctrl-C goes to the whole foreground process group: worker processes too.
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_real_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    before = _tree(tmp_path)
    result = _interrupt_real_run(tmp_path, "--no-cache", "--jobs", "1")
    assert result.returncode == 130, result.stderr
    assert result.stderr == "factlint: interrupted\n"
    assert result.stdout == ""
    assert {k: v for k, v in _tree(tmp_path).items() if k in before} == before


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_real_ctrl_c_with_worker_processes(tmp_path: Path) -> None:
    result = _interrupt_real_run(tmp_path, "--no-cache", "--jobs", "2")
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "factlint: interrupted"
    assert "Traceback" not in result.stderr
    assert f"{GOOD_FINDING}" not in result.stdout


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_real_ctrl_c_leaves_a_usable_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _interrupt_real_run(tmp_path, "--jobs", "1")
    assert (result.returncode, result.stderr) == (130, "factlint: interrupted\n")
    monkeypatch.chdir(tmp_path)
    articles = tmp_path / "articles"
    first = articles / "a000.md"
    code, out, err = run("check", str(first), "--rules", RULES)
    assert code == 1 and "alibaba-models" in out and warnings(err) == []
    fresh = run("check", str(first), "--rules", RULES, "--no-cache")
    assert fresh[:2] == (code, out)
