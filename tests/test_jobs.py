"""--jobs: extraction over several processes gives exactly the findings of one."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path

import pytest

from factlint.cache import FOLDER, Cache
from factlint.lint import PARALLEL_FROM, _pool, build_linter

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import write_corpus  # noqa: E402


def test_parallel_equals_serial(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, PARALLEL_FROM + 16, seed=3)
    (corpus / "broken.md").write_bytes(b"\x00\x01binary")
    linter = build_linter([ROOT / "rules"])
    serial = linter.run([str(corpus)], jobs=1)
    parallel = linter.run([str(corpus)], jobs=2)
    assert serial.findings and serial.findings == parallel.findings
    assert serial.words == parallel.words and serial.problems == parallel.problems
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        cold = linter.run([str(corpus)], jobs=2, cache=cache)
    with Cache(tmp_path / FOLDER, linter.stamp) as cache:
        warm = linter.run([str(corpus)], jobs=2, cache=cache)
    assert cold.findings == warm.findings == serial.findings


def _worker_sigint(_: int) -> object:
    return signal.getsignal(signal.SIGINT)


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_workers_start_deaf_to_ctrl_c_and_the_parent_keeps_its_handler() -> None:
    linter = build_linter([ROOT / "rules"])
    context = multiprocessing.get_context("fork")

    def mine(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, mine)
    try:
        pool = _pool(context, 2, linter)
        try:
            assert set(pool.map(_worker_sigint, range(4))) == {signal.SIG_IGN}
        finally:
            pool.terminate()
            pool.join()
        assert signal.getsignal(signal.SIGINT) is mine
    finally:
        signal.signal(signal.SIGINT, previous)
