"""Malformed or hostile configuration is a usage error (exit 2, `initlint failed / Cause: ...`, no
traceback), never a crash or a hang. Driven through the CLI, for both `check` and `explain`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from initlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
        "w = tf.Variable(tf.random_normal([784, 256]))\n")


@pytest.fixture(autouse=True)
def project(tmp_path, monkeypatch):
    for name in ("INITLINT_FORMAT", "NO_COLOR", "INITLINT_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "model.py").write_text(GOOD, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["--no-cache", *args], catch_exceptions=True)


def assert_usage_error(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert "initlint failed" in result.stderr or "Error" in result.stderr


TABLES = {
    "not_toml": "[tool.initlint\nselect = [",
    "binary": None,  # written as bytes below
    "not_utf8": None,
    "table_is_a_string": 'tool = "initlint"',
    "initlint_is_a_list": "[tool]\ninitlint = [1, 2]",
    "unknown_key": "[tool.initlint]\nno-such-key = 1",
    "select_is_a_string": '[tool.initlint]\nselect = "INI1"',
    "select_holds_numbers": "[tool.initlint]\nselect = [1, 2]",
    "select_unknown_code": '[tool.initlint]\nselect = ["XYZ999"]',
    "ignore_nested_lists": '[tool.initlint]\nignore = [["INI101"]]',
    "dialect_unknown": '[tool.initlint]\ndialect = "tf3"',
    "dialect_number": "[tool.initlint]\ndialect = 1",
    "exclude_is_a_table": "[tool.initlint]\nexclude = {a = 1}",
    "respect_gitignore_string": '[tool.initlint]\nrespect-gitignore = "yes"',
    "force_exclude_number": "[tool.initlint]\nforce-exclude = 2",
    "thresholds_is_a_list": "[tool.initlint]\nthresholds = [1]",
    "threshold_unknown": "[tool.initlint.thresholds]\nno-such = 1.0",
    "threshold_string": '[tool.initlint.thresholds]\nexplode = "big"',
    "threshold_huge": "[tool.initlint.thresholds]\nexplode = 1e400",
    "threshold_nan": "[tool.initlint.thresholds]\nexplode = nan",
    "threshold_inf": "[tool.initlint.thresholds]\nvanish = inf",
    "threshold_negative": "[tool.initlint.thresholds]\nscale-ratio = -3",
    "threshold_bool": "[tool.initlint.thresholds]\ndeep-stack = true",
    "threshold_huge_int": "[tool.initlint.thresholds]\ndeep-stack = 99999999999999999999",
    "max_unroll_huge": "[tool.initlint]\nmax-unroll = 9223372036854775807",
    "max_unroll_negative": "[tool.initlint]\nmax-unroll = -1",
    "max_call_depth_float": "[tool.initlint]\nmax-call-depth = 1.5",
    "per_file_ignores_list": '[tool.initlint]\nper-file-ignores = ["a.py"]',
    "per_file_ignores_values": '[tool.initlint.per-file-ignores]\n"a.py" = 3',
    "per_file_ignores_bad_code": '[tool.initlint.per-file-ignores]\n"a.py" = ["NOPE"]',
    "deeply_nested": "[tool.initlint]\nselect = " + "[" * 5000 + "]" * 5000,
    "deeply_nested_tables": "[tool.initlint]\nthresholds = " + "{a = " * 2000 + "1" + "}" * 2000,
    "huge_list": "[tool.initlint]\nignore = [" + '"INI101", ' * 200_000 + "]",
    "huge_string": '[tool.initlint]\ndialect = "' + "x" * 5_000_000 + '"',
}


def _write(project: Path, name: str) -> Path:
    path = project / "pyproject.toml"
    if name == "binary":
        path.write_bytes(b"\x00\x01\x02\xff" * 100)
    elif name == "not_utf8":
        path.write_bytes(b"[tool.initlint]\nselect = [\"INI\xe9\"]\n")
    else:
        path.write_text(TABLES[name], encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(TABLES))
def test_bad_pyproject_is_a_usage_error(project, name):
    _write(project, name)
    result = run("model.py")
    if name in ("huge_list",):  # valid, only large: it must simply work
        assert result.exit_code in (0, 1), result.stderr
        return
    assert_usage_error(result)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_bad_config_named_with_config_is_a_usage_error(project, name):
    path = _write(project, name)
    custom = project / "custom.toml"
    path.rename(custom)
    result = run("--config", str(custom), "model.py")
    if name in ("huge_list",):
        assert result.exit_code in (0, 1), result.stderr
        return
    assert_usage_error(result)


@pytest.mark.parametrize("name", ["not_toml", "unknown_key", "threshold_nan", "deeply_nested", "select_is_a_string"])
def test_explain_reports_bad_config_as_a_usage_error(project, name):
    _write(project, name)
    result = CliRunner().invoke(main, ["explain", "--no-cache", "model.py"], catch_exceptions=True)
    assert_usage_error(result)


@pytest.mark.parametrize("target", ["missing.toml", ".", "model.py"])
def test_config_path_that_is_not_a_config_file(project, target):
    result = run("--config", target, "model.py")
    assert_usage_error(result)


@pytest.mark.parametrize("flags", [
    ("--threshold", "explode"), ("--threshold", "explode=abc"), ("--threshold", "explode=nan"),
    ("--threshold", "explode=1e999"), ("--threshold", "=3"), ("--threshold", "nope=3"),
    ("--select", "NOPE"), ("--ignore", "INI9999"), ("--per-file-ignores", "a.py"),
    ("--per-file-ignores", ":INI101"), ("--dialect", "tf3"), ("--jobs", "-3"),
])
def test_bad_flags_are_usage_errors(project, flags):
    result = run(*flags, "model.py")
    assert_usage_error(result)


@pytest.mark.parametrize("pattern", ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
                                     "**/" * 60 + "x.py", "[", "[!", "\\", "a[b-a]c", "[[:alpha:]]"])
def test_pathological_exclude_globs_neither_crash_nor_hang(project, pattern):
    deep = project / ("a" * 60) / ("a" * 60) / ("a" * 60)
    deep.mkdir(parents=True)
    (deep / ("a" * 100 + ".py")).write_text(GOOD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "initlint", "--isolated", "--no-cache", "--extend-exclude",
                           pattern, "."], capture_output=True, text=True, cwd=project, env=env, timeout=300)
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr


def test_gitignore_that_is_hostile_neither_crashes_nor_hangs(project):
    (project / ".git").mkdir()
    (project / ("a" * 200)).mkdir()
    (project / ".gitignore").write_bytes(b"\xff\xfe\x00bad\n" + b"*a" * 5000 + b"b\n" + b"[\n!\n\\\na[b-a]c\n"
                                         b"[[:alpha:]]x\n[]\n" + b"*a" * 40 + b"*b\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "initlint", "--isolated", "--no-cache", "."], capture_output=True,
                          text=True, cwd=project, env=env, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "model.py:3:5: INI301" in done.stdout
