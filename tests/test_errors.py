"""The user-facing error: path, line and message, several at once."""

from __future__ import annotations

from factlint.errors import FactlintError, Problem


def test_problem_text() -> None:
    assert str(Problem("r.yaml", 3, "bad")) == "r.yaml:3: bad"
    assert str(Problem("r.yaml", None, "bad")) == "r.yaml: bad"


def test_error_carries_every_problem() -> None:
    error = FactlintError([Problem("a", 1, "x"), Problem("b", 2, "y")])
    assert len(error.problems) == 2 and str(error) == "a:1: x\nb:2: y"
    assert FactlintError("plain").problems[0].message == "plain"
