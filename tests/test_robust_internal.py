"""An unexpected exception inside the analysis of one file is that file's INI902 (traceback behind
--verbose), the run exits with 2 at the end, and every other file's findings are still reported."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import initlint.analysis.interpret as interpret
import initlint.rules as rules
from initlint import check_source
from initlint.cli import main

GOOD = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
        "w = tf.Variable(tf.random_normal([784, 256]))\n")


class Boom(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def project(tmp_path, monkeypatch):
    for name in ("INITLINT_FORMAT", "NO_COLOR", "INITLINT_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    for name in ("a_good.py", "boom.py", "z_good.py"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    return tmp_path


def explode_on(monkeypatch, module, attribute: str, target: str = "boom.py") -> None:
    real = getattr(module, attribute)

    def patched(*args, **kwargs):
        if any(isinstance(arg, str) and arg.endswith(target) for arg in args) or any(
                getattr(arg, "path", "").endswith(target) for arg in args):
            raise Boom("deliberate failure inside the analysis")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, attribute, patched)


def invoke(*args: str):
    return CliRunner().invoke(main, ["--isolated", "--no-cache", "--jobs", "1", *args], catch_exceptions=False)


def by_file(stdout: str) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for record in json.loads(stdout):
        found.setdefault(record["filename"], []).append((record["code"], record["location"]["row"]))
    return found


@pytest.mark.parametrize("where", ["interpreter", "rules"])
def test_one_failing_file_is_ini902_and_the_others_are_reported(monkeypatch, where):
    if where == "interpreter":
        explode_on(monkeypatch, interpret, "analyze_module")
    else:
        explode_on(monkeypatch, rules, "run_rules")
    result = invoke("--format", "json", ".")
    assert result.exit_code == 2
    found = by_file(result.stdout)
    assert found == {"a_good.py": [("INI301", 3)], "boom.py": [("INI902", 1)], "z_good.py": [("INI301", 3)]}
    assert "1 internal error (INI902)" in result.stderr
    assert "Traceback" not in result.stderr


def test_verbose_shows_the_traceback(monkeypatch):
    explode_on(monkeypatch, interpret, "analyze_module")
    result = invoke("--verbose", ".")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "boom.py" in result.stderr
    assert "Boom: deliberate failure inside the analysis" in result.stderr
    assert "a_good.py:3:5: INI301" in result.stdout and "z_good.py:3:5: INI301" in result.stdout


def test_exit_zero_does_not_hide_an_internal_error(monkeypatch):
    explode_on(monkeypatch, interpret, "analyze_module")
    assert invoke("--exit-zero", ".").exit_code == 2


@pytest.mark.parametrize("output_format", ["concise", "full", "json", "json-lines", "github", "gitlab", "sarif",
                                           "junit"])
def test_every_report_format_carries_the_internal_error(monkeypatch, output_format):
    explode_on(monkeypatch, interpret, "analyze_module")
    result = invoke("--format", output_format, ".")
    assert result.exit_code == 2
    assert "INI902" in result.stdout and "boom.py" in result.stdout
    assert "z_good.py" in result.stdout


def test_explain_reports_the_other_files_weights(monkeypatch):
    explode_on(monkeypatch, interpret, "analyze_module")
    result = CliRunner().invoke(main, ["explain", "--format", "json", "--isolated", "--no-cache", "--jobs", "1", "."],
                                catch_exceptions=False)
    weights = json.loads(result.stdout)["weights"]
    assert sorted((w["path"], w["line"]) for w in weights) == [("a_good.py", 3), ("z_good.py", 3)]


def test_a_recursion_error_is_reported_not_raised(monkeypatch):
    def recurse(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(interpret, "analyze_module", recurse)
    result = check_source(GOOD, "deep.py")
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("INI902", 1)]
    assert "traceback" in result.diagnostics[0].data


def test_a_failure_in_the_parallel_workers_stays_with_its_file(monkeypatch):
    """With worker processes (forked, so the patch is inherited) the failure is still per file."""
    explode_on(monkeypatch, interpret, "analyze_module")
    result = CliRunner().invoke(main, ["--isolated", "--no-cache", "--jobs", "2", "--format", "json", "."],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert by_file(result.stdout) == {"a_good.py": [("INI301", 3)], "boom.py": [("INI902", 1)],
                                      "z_good.py": [("INI301", 3)]}


def test_an_internal_error_is_not_cached(monkeypatch, project):
    explode_on(monkeypatch, interpret, "analyze_module")
    cache = ["--cache-dir", str(project / "cache")]
    first = CliRunner().invoke(main, ["--isolated", "--jobs", "1", "--format", "json", *cache, "."],
                               catch_exceptions=False)
    assert first.exit_code == 2
    monkeypatch.undo()
    monkeypatch.chdir(project)
    second = CliRunner().invoke(main, ["--isolated", "--jobs", "1", "--format", "json", *cache, "."],
                                catch_exceptions=False)
    assert second.exit_code == 1
    assert by_file(second.stdout)["boom.py"] == [("INI301", 3)]
