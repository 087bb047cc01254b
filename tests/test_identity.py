"""What identifies the running factlint for its caches (factlint.identity)."""

from __future__ import annotations

import os
from pathlib import Path

from factlint import __version__, cache
from factlint.identity import code_identity, fingerprint


def test_a_changed_file_changes_the_fingerprint(tmp_path: Path) -> None:
    module = tmp_path / "claims.py"
    module.write_text("A = 1\n", encoding="utf-8")
    before = fingerprint([module, tmp_path / "missing.py"])
    assert len(before) == 1
    module.write_text("A = 22\n", encoding="utf-8")
    assert fingerprint([module]) != before
    # a file rewritten with the same size is told by its time
    stat = module.stat()
    module.write_text("A = 33\n", encoding="utf-8")
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = fingerprint([module])
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert fingerprint([module]) != after


def test_the_identity_names_the_version_and_every_module() -> None:
    identity = code_identity()
    assert identity.splitlines()[0] == __version__
    names = {line.split(":")[0] for line in identity.splitlines()[1:]}
    assert {"claims.py", "topics.py", "identity.py", "attribution.py"} <= names


def test_the_cache_stamp_changes_with_the_code(monkeypatch) -> None:
    before = cache.stamp(["rules"])
    monkeypatch.setattr(cache, "code_identity", lambda: "another build")
    assert cache.stamp(["rules"]) != before
