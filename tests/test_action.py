"""The GitHub Action (action.yml): a composite action whose steps only use what it declares."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ACTION = Path(__file__).parent.parent / "action.yml"


def load() -> dict[str, Any]:
    data = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return load()["runs"]["steps"]


def test_is_a_composite_action_with_described_inputs() -> None:
    action = load()
    assert action["name"] and action["description"]
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    expected = {"paths", "rules", "corpus", "args", "python-version", "sarif-file", "version"}
    assert expected | {"fail-on-error"} <= set(inputs)
    for name, spec in inputs.items():
        assert spec.get("description"), name
        # Input defaults are strings to the runner; a YAML `true` would be a boolean here.
        assert isinstance(spec.get("default", ""), str), name
    assert inputs["fail-on-error"]["default"] == "true"


def test_every_reference_is_declared() -> None:
    text = ACTION.read_text(encoding="utf-8")
    action = load()
    inputs = set(action["inputs"])
    step_ids = {step["id"] for step in steps() if "id" in step}
    used_inputs = set(re.findall(r"\binputs\.([A-Za-z0-9_-]+)", text))
    assert used_inputs and used_inputs <= inputs, used_inputs - inputs
    used_steps = set(re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.outputs", text))
    assert used_steps and used_steps <= step_ids, used_steps - step_ids
    # Every output a step is read for is one the step writes.
    written = set(re.findall(r'echo "([a-z-]+)=', text))
    read = set(re.findall(r"\bsteps\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_-]+)", text))
    assert read <= written, read - written


def test_steps_set_up_python_install_check_upload_and_fail() -> None:
    all_steps = steps()
    uses = [step.get("uses", "") for step in all_steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    for step in all_steps:
        assert ("uses" in step) != ("run" in step), step.get("name")
        if "run" in step:
            # Composite actions require a shell on every run step.
            assert step["shell"] == "bash", step.get("name")
    scripts = "\n".join(step.get("run", "") for step in all_steps)
    assert 'pip install --disable-pip-version-check -q "${{ github.action_path }}"' in scripts
    assert "factlint check" in scripts
    assert "--format sarif" in scripts and "--format github" in scripts

    (upload,) = [
        s for s in all_steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    ]
    assert upload["if"].startswith("always()")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"

    (fail,) = [s for s in all_steps if "fail-on-error" in str(s.get("if", ""))]
    assert "exit 1" in fail["run"]
    assert all_steps.index(fail) > all_steps.index(upload)


def test_inputs_reach_scripts_through_the_environment() -> None:
    # `${{ inputs.x }}` pasted into a script would let a value inject shell code.
    for step in steps():
        assert "inputs." not in step.get("run", ""), step.get("name")
