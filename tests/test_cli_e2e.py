"""The CLI over the real analysis core, on the risky model every user meets first.

Skipped until the core reports INI301 (tf1-default-stddev) on line 3 of the risky model.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from initlint import check_source
from initlint.cli import main

RISKY = ("import tensorflow as tf\n"
         "x = tf.placeholder(tf.float32, [None, 784])\n"
         "w = tf.Variable(tf.random_normal([784, 256]))\n")
SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"  # the official OASIS schema

pytestmark = pytest.mark.skipif(
    not any(d.code == "INI301" and d.span.line == 3 for d in check_source(RISKY, "model.py").diagnostics),
    reason="the analysis core does not report INI301 on the risky model yet")


@pytest.fixture(autouse=True)
def project(tmp_path, monkeypatch):
    for name in ("INITLINT_FORMAT", "NO_COLOR", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "mlp.py").write_text(RISKY, encoding="utf-8")
    return tmp_path


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--isolated", *args], input=input, catch_exceptions=False)


def records(*args: str, input: str | None = None) -> list[dict]:
    return json.loads(invoke("--format", "json", *args, input=input).stdout)


def test_risky_model_fails_with_ini301_on_line_3():
    result = invoke("models")
    assert result.exit_code == 1
    assert re.search(r"^models/mlp\.py:3:\d+: INI301 ", result.stdout, re.M)
    # ruff's fix hint (`[*] N fixable ...` / `No fixes available (...)`) may follow the summary line
    lines = [line for line in result.stdout.splitlines() if not line.startswith(("[*] ", "No fixes available"))]
    assert lines[-1].startswith("Found ")


def test_noqa_on_the_reported_line_suppresses_it(project):
    path = project / "models" / "mlp.py"
    path.write_text(RISKY.replace("256]))\n", "256]))  # noqa: INI301\n"), encoding="utf-8")
    remaining = records("models")
    assert "INI301" not in {r["code"] for r in remaining}
    failing = any(r["severity"] != "info" for r in remaining)
    assert invoke("models").exit_code == (1 if failing else 0)
    path.write_text(RISKY.replace("256]))\n", "256]))  # noqa\n"), encoding="utf-8")
    assert records("models") == []
    assert invoke("models").exit_code == 0


def test_selection_and_stdin_on_the_real_core():
    assert {r["code"] for r in records("--select", "INI301", "models")} == {"INI301"}
    assert "INI301" not in {r["code"] for r in records("--ignore", "INI3", "models")}
    from_stdin = records("--stdin-filename", "models/mlp.py", "-", input=RISKY)
    assert from_stdin == records("models/mlp.py")


def test_sarif_of_the_real_core_is_schema_valid():
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(invoke("--format", "sarif", "models").stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = document["runs"][0]
    assert any(r["ruleId"] == "INI301" for r in run["results"])
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} == {r["ruleId"] for r in run["results"]}


@pytest.mark.parametrize("name", ["concise", "full", "json", "json-lines", "github", "gitlab", "sarif", "junit"])
def test_every_format_on_the_real_core(name):
    result = invoke("--format", name, "models")
    assert result.exit_code == 1 and "INI301" in result.stdout and result.stderr == ""


def test_github_annotation_of_the_real_core():
    lines = invoke("--format", "github", "models").stdout.splitlines()
    ini301 = next(line for line in lines if "INI301" in line)
    assert re.match(r"::warning title=initlint \(INI301\),file=models/mlp\.py,line=3,col=\d+,endLine=3,"
                    r"endColumn=\d+::models/mlp\.py:3:\d+: INI301 ", ini301)


def test_options_written_before_the_verb_are_the_verbs() -> None:
    # `initlint --no-cache explain models/mlp.py` linted a path named "explain" (INI900) and the file
    # (field trial AA); a path named like a verb after a path is still a path
    explained = invoke("--no-cache", "explain", "models/mlp.py")
    assert explained.exit_code == 0 and "INI900" not in explained.output and "models/mlp.py  (dialect" in explained.output
    checked = invoke("--output-format", "concise", "check", "--no-cache", "models/mlp.py")
    assert checked.exit_code == 1 and "INI900" not in checked.output and "INI301" in checked.output
    listed = invoke("--no-cache", "models/mlp.py", "explain")
    assert "explain:1:1: INI900" in listed.output


_NOTEBOOK = ('{"cells": [{"cell_type": "code", "source": ["import tensorflow as tf\\n", '
             '"w = tf.get_variable(\\"w\\", [784, 10], initializer=tf.random_normal_initializer())"]}], '
             '"nbformat": 4, "nbformat_minor": 2, "metadata": {}}\n')


def test_a_notebook_named_on_the_command_line_is_not_analysed(project) -> None:  # noqa: ANN001
    """gumbel-softmax: `check "Categorical VAE.ipynb"` parsed the notebook's JSON as a Python dict
    and said "All checks passed!"."""
    (project / "vae.ipynb").write_text(_NOTEBOOK)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "vae.ipynb"])
    assert result.exit_code == 1, result.output
    assert "vae.ipynb:1:1: INI900 not analysed: a Jupyter notebook" in result.output


def test_explain_names_the_notebooks_it_did_not_read(project) -> None:  # noqa: ANN001
    """A directory whose models are notebooks: explain said "No weights found (0 files analysed, 0
    skipped: ...)" and nothing of the notebooks; a notebook under an excluded directory is not named."""
    (project / "nb" / "build").mkdir(parents=True)
    (project / "nb" / "vae.ipynb").write_text(_NOTEBOOK)
    (project / "nb" / "build" / "copy.ipynb").write_text(_NOTEBOOK)
    result = CliRunner().invoke(main, ["explain", "--isolated", "--no-cache", "nb"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "No weights found (0 files analysed).",
        "1 notebook not read (initlint reads Python files only; `jupyter nbconvert --to script` exports one): "
        "nb/vae.ipynb"]
    data = json.loads(CliRunner().invoke(main, ["explain", "--isolated", "--no-cache", "--format", "json", "nb"]).output)
    assert data["notebooks_not_read"] == ["nb/vae.ipynb"] and data["weights"] == []
