"""The pip path and the conda path pin the same versions, and the venv has them installed."""

import re
from importlib.metadata import PackageNotFoundError, version

import pytest

import helpers

pytestmark = [pytest.mark.env]

PIN = re.compile(r"^\s*-?\s*([A-Za-z0-9_.\-\[\]]+)==([^\s#]+)")


def _pins(lines) -> dict[str, str]:
    """{normalised name: version} for every `name==version` line."""
    out = {}
    for line in lines:
        m = PIN.match(line)
        if m:
            name = re.sub(r"\[.*\]", "", m.group(1)).lower().replace("_", "-")
            out[name] = m.group(2)
    return out


def _requirements() -> dict[str, str]:
    return _pins((helpers.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def _conda_pip_section() -> dict[str, str]:
    lines = (helpers.ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    return _pins(lines[start + 1 :])


def test_requirements_are_all_pinned():
    body = [
        line for line in (helpers.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]  # fmt: skip
    assert len(body) == len(_requirements()) >= 10, "every requirement needs an exact == pin"


def test_environment_yml_matches_requirements():
    assert _conda_pip_section() == _requirements()
    env = (helpers.ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "python=3.11" in env and "- -e ." in env


def test_constraints_agree_with_requirements():
    cons = _pins((helpers.ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    for name, ver in _requirements().items():
        assert cons.get(name) == ver, f"constraints.txt pins {name}=={cons.get(name)}, requirements {ver}"


def test_installed_versions_match_pins():
    wrong = {}
    for name, ver in _requirements().items():
        try:
            have = version(name)
        except PackageNotFoundError:
            have = None
        if have != ver:
            wrong[name] = (ver, have)
    assert not wrong, f"(pinned, installed): {wrong}; run `make setup`"


def test_make_lab_starts_as_root_and_passes_extra_arguments():
    import os
    import subprocess

    res = subprocess.run(
        # -o: the setup stamp counts as done, so nothing is installed (overriding STAMP=Makefile made GNU
        # make remake its own makefile, running the whole setup inside the test run)
        ["make", "-n", "-o", ".venv/.setup-done", "lab", "LAB_ARGS=--port=8899 --no-browser"],
        cwd=helpers.ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = next(line for line in res.stdout.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in line) == (os.geteuid() == 0)
    assert line.endswith("--port=8899 --no-browser")
