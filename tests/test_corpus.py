"""Smallest reproductions of what running initlint over real TensorFlow repositories turned up.

Each file under tests/corpus/ (a folder there is a small multi-file project) says where the pattern
came from (`# corpus: <repository> <path>:<line>: what went wrong`) and carries the expected
behaviour as fixture markers (`# expect:` / `# explain:`, README "Fixture markers"). A file with
`# corpus-xfail: <reason>` reproduces a misbehaviour that is reported but not fixed yet: it must
still fail (strict), so that whoever fixes it removes the line.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from initlint.engine import analyze_path
from initlint.settings import Settings
from test_fixtures import test_fixture as check_markers  # the fixtures' marker checker

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(CORPUS.rglob("*.py"))
_XFAIL = re.compile(r"#\s*corpus-xfail:\s*(.*)")


def _marks(path: Path) -> list:
    for line in path.read_text(encoding="utf-8").splitlines()[:12]:
        match = _XFAIL.search(line)
        if match:
            return [pytest.mark.xfail(strict=True, reason=match.group(1).strip())]
    return []


def test_every_case_says_where_it_comes_from():
    assert CASES
    for path in CASES:
        text = path.read_text(encoding="utf-8")
        assert "# corpus:" in "\n".join(text.splitlines()[:6]), f"{path.relative_to(ROOT)} lacks a `# corpus:` line"


@pytest.mark.parametrize("path", [pytest.param(p, marks=_marks(p)) for p in CASES],
                         ids=[str(p.relative_to(CORPUS)) for p in CASES])
def test_corpus_case(path: Path):
    result = analyze_path(path, Settings(), str(path))
    assert not [d for d in result.diagnostics if d.code.startswith("INI9")], result.diagnostics
    check_markers(path)


def test_a_scope_in_another_file_is_named_with_its_file():
    path = CORPUS / "scope_in_helper_module" / "model.py"
    messages = [d.message for d in analyze_path(path, Settings(), str(path)).diagnostics if d.code == "INI302"]
    assert messages and all("helpers.py" in message for message in messages), messages


def test_the_whole_corpus_through_the_cli():
    """One CLI run over the folder: it ends (a hang would be the timeout), with no internal error."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for command in (["--format", "json", "--exit-zero"], ["explain", "--format", "json"]):
        done = subprocess.run([sys.executable, "-m", "initlint", *command, "--isolated", "--no-cache", str(CORPUS)],
                              capture_output=True, text=True, env=env, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        output = json.loads(done.stdout)
        records = output if isinstance(output, list) else output["weights"]
        assert records
        assert not [r for r in records if str(r.get("code", "")).startswith("INI9")]
