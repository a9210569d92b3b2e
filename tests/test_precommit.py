"""The pre-commit hook, for real: `pre-commit try-repo <this checkout> initlint --all-files` in a
fresh git repository fails on a risky model file, and passes once the line carries `# noqa`.

try-repo installs initlint from this checkout's HEAD plus its uncommitted tracked changes, with
the repository's pyproject.toml, into a virtualenv. The test skips when pre-commit is missing or
when the analysis core does not flag the risky file yet.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import re

import pytest

REPO = Path(__file__).resolve().parents[1]  # the checkout this test file belongs to
RISKY = ("import tensorflow as tf\n"
         "x = tf.placeholder(tf.float32, [None, 784])\n"
         "w = tf.Variable(tf.random_normal([784, 256]))\n")


def _pre_commit() -> list[str] | None:
    exe = shutil.which("pre-commit")
    if exe:
        return [exe]
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-m", "pre_commit"]


def _core_flags_risky_line() -> bool:
    from initlint import check_source

    result = check_source(RISKY, "model.py")
    return any(d.code == "INI301" and d.span.line == 3 for d in result.diagnostics)


def test_manifest_matches_the_conventions():
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "initlint")
    assert hook["entry"] == "initlint --force-exclude"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["python", "pyi"]
    assert hook["require_serial"] is True
    assert hook["minimum_pre_commit_version"] == "2.9.2"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_fails_then_passes_with_noqa(tmp_path):
    command = _pre_commit()
    if command is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    if not (REPO / ".git").exists():
        pytest.skip(f"{REPO} is not a git checkout")
    if not _core_flags_risky_line():
        pytest.skip("the analysis core does not report INI301 on the risky model yet")
    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    _git(project, "config", "user.email", "test@example.com")
    _git(project, "config", "user.name", "test")
    model = project / "model.py"
    model.write_text(RISKY, encoding="utf-8")
    _git(project, "add", "model.py")
    env = {**os.environ, "PRE_COMMIT_HOME": os.environ.get("PRE_COMMIT_HOME", str(tmp_path / "cache")),
           "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    env.pop("INITLINT_FORMAT", None)
    env.pop("PYTHONPATH", None)

    def try_repo() -> subprocess.CompletedProcess:
        return subprocess.run([*command, "try-repo", str(REPO), "initlint", "--all-files"], cwd=project,
                              env=env, capture_output=True, text=True, timeout=900)

    failed = try_repo()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert re.search(r"^model\.py:3:\d+: INI301 ", failed.stdout, re.M), failed.stdout

    model.write_text(RISKY.replace("256]))\n", "256]))  # noqa\n"), encoding="utf-8")
    _git(project, "add", "model.py")
    passed = try_repo()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
