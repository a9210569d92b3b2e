"""Reporters: golden outputs for every format on a small fixture set, SARIF schema validation,
GitHub escaping, GitLab fingerprints, JUnit's passing case. Built from stub FileResults so that
the output does not move when the analysis core changes; regenerate with UPDATE_GOLDEN=1."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from initlint.model import Diagnostic, Edit, FileResult, Fix, Span
from initlint.report import FORMATS, render_diagnostics, render_statistics
from initlint import rules as rules_module
from initlint.report import github, gitlab
from initlint.rules.base import Rule

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"  # the official OASIS schema
EXTENSIONS = {"concise": "txt", "full": "txt", "json": "json", "json-lines": "jsonl", "github": "txt",
              "gitlab": "json", "sarif": "json", "junit": "xml"}

MLP = """import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 784])
w = tf.Variable(tf.random_normal([784, 256]))
h = tf.layers.dense(
    x, 1024, activation=tf.nn.relu,
    kernel_initializer=tf.zeros_initializer())
\tlogits = tf.layers.dense(h, 10)
"""
PY2 = 'import tensorflow as tf\nprint "loss", loss\n'
CLEAN = "import tensorflow as tf\nx = tf.keras.layers.Dense(10)\n"


def _rule(code: str, name: str, severity: str, summary: str) -> Rule:
    doc = (f"## What it does\nChecks for {name.replace('-', ' ')}.\n\n## Why is this bad?\n"
           f"It is risky.\n\n## Example\n```python\nbad()\n```\n\nUse instead:\n```python\ngood()\n```\n")
    return Rule(code=code, name=name, severity=severity, summary=summary, doc=doc, check=lambda a, s: iter(()))


TEST_RULES = {rule.code: rule for rule in (
    _rule("INI101", "exploding-signal", "warning", "The signal grows layer after layer."),
    _rule("INI201", "zero-kernel", "error", "A kernel initialised to zeros cannot break symmetry."),
    _rule("INI301", "tf1-default-stddev", "warning", "tf.random_normal defaults to stddev 1.0."),
    _rule("INI901", "syntax-error", "error", "The file cannot be parsed."),
)}


def diag(code: str, severity: str, message: str, path: str, span: Span, fix: Fix | None = None,
         data: dict | None = None) -> Diagnostic:
    return Diagnostic(code=code, name=TEST_RULES[code].name, severity=severity, message=message, path=path,
                      span=span, fix=fix, data=data or {})


def fixture_results() -> list[FileResult]:
    mlp = "models/mlp.py"
    return [
        FileResult(path="models/clean.py", source=CLEAN),
        FileResult(path=mlp, source=MLP, diagnostics=(
            diag("INI201", "error", "kernel initialised to zeros: every unit computes the same function",
                 mlp, Span(4, 5, 6, 47), data={"fan_in": None, "fan_out": 1024}),
            diag("INI301", "warning",
                 "`tf.random_normal` defaults to stddev=1.0: 17.9x Glorot's 0.0559 for fan_in=784, fan_out=256",
                 mlp, Span(3, 17, 3, 45),
                 fix=Fix("unsafe", "Use `tf.glorot_uniform_initializer()`",
                         (Edit("tf.glorot_uniform_initializer()([784, 256])", Span(3, 17, 3, 45)),)),
                 data={"fan_in": 784, "fan_out": 256, "std": 1.0, "glorot_std": 0.05590169943749474}),
            diag("INI101", "info", "logits spread: predicted mean square 12.5 (gain 3.2 per layer)",
                 mlp, Span(7, 11, 7, 32), data={"mean_square": 12.5, "gain": 3.2, "overflow": float("inf")}),
        )),
        FileResult(path="legacy/py2.py", source=PY2, diagnostics=(
            diag("INI901", "error", "cannot parse: invalid syntax", "legacy/py2.py", Span(2, 7, 2, 7)),)),
    ]


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch, tmp_path):
    """Stable rule metadata, no GitLab project dir, and a known %SRCROOT%."""
    monkeypatch.setattr(rules_module, "RULES_BY_CODE", TEST_RULES)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _normalise(text: str, root: Path) -> str:
    return text.replace(root.resolve().as_uri(), "file:///SRCROOT")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_golden(format_name, pinned_environment):
    text = _normalise(render_diagnostics(format_name, fixture_results()), pinned_environment)
    check_golden(f"{format_name}.{EXTENSIONS[format_name]}", text)


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_golden_clean(format_name, pinned_environment):
    text = _normalise(render_diagnostics(format_name, [FileResult(path="models/clean.py", source=CLEAN)]),
                      pinned_environment)
    check_golden(f"clean/{format_name}.{EXTENSIONS[format_name]}", text)


def test_golden_statistics():
    check_golden("statistics.txt", render_statistics("concise", fixture_results()))
    check_golden("statistics.json", render_statistics("json", fixture_results()))


def test_every_format_has_a_golden_file():
    assert set(EXTENSIONS) == set(FORMATS)


# ---------------------------------------------------------------- concise / full


def test_concise_is_sorted_by_file_then_line_with_ruff_summary():
    lines = render_diagnostics("concise", fixture_results()).splitlines()
    assert lines == [
        "legacy/py2.py:2:7: INI901 cannot parse: invalid syntax",
        "models/mlp.py:3:17: INI301 `tf.random_normal` defaults to stddev=1.0: 17.9x Glorot's 0.0559 "
        "for fan_in=784, fan_out=256",
        "models/mlp.py:4:5: INI201 kernel initialised to zeros: every unit computes the same function",
        "models/mlp.py:7:11: INI101 logits spread: predicted mean square 12.5 (gain 3.2 per layer)",
        "Found 4 errors (1 info).",
    ]


def test_concise_summary_wording():
    assert render_diagnostics("concise", []) == "All checks passed!\n"
    one = [FileResult(path="a.py", diagnostics=(diag("INI301", "warning", "m", "a.py", Span(1, 1, 1, 2)),))]
    assert render_diagnostics("concise", one) == "a.py:1:1: INI301 m\nFound 1 error.\n"
    assert render_diagnostics("concise", one, quiet=True) == "a.py:1:1: INI301 m\n"


def test_concise_colour_only_when_asked():
    one = [FileResult(path="a.py", diagnostics=(diag("INI301", "warning", "m", "a.py", Span(1, 1, 1, 2)),))]
    assert "\x1b[" not in render_diagnostics("concise", one)
    coloured = render_diagnostics("concise", one, color=True)
    assert "\x1b[" in coloured
    import click
    assert click.unstyle(coloured) == "a.py:1:1: INI301 m\nFound 1 error.\n"


def test_full_shows_source_line_caret_and_data():
    text = render_diagnostics("full", fixture_results())
    assert ("models/mlp.py:3:17: INI301 `tf.random_normal` defaults to stddev=1.0: 17.9x Glorot's 0.0559 "
            "for fan_in=784, fan_out=256\n"
            "  |\n"
            "3 | w = tf.Variable(tf.random_normal([784, 256]))\n"
            "  |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ INI301\n"
            "  |\n"
            "  = data: fan_in=784, fan_out=256, std=1, glorot_std=0.0559\n"
            "  = help: Use `tf.glorot_uniform_initializer()`\n") in text
    # a tab before the span stays a tab under it, so that the caret lines up
    assert "7 | \tlogits = tf.layers.dense(h, 10)\n  | \t         ^" in text


# ---------------------------------------------------------------- json / json-lines


def test_json_is_ruff_shaped():
    records = json.loads(render_diagnostics("json", fixture_results()))
    assert [r["code"] for r in records] == ["INI901", "INI301", "INI201", "INI101"]
    ini301 = records[1]
    assert set(ini301) == {"code", "name", "severity", "message", "filename", "location", "end_location",
                           "fix", "url", "noqa_row", "data"}
    assert ini301["location"] == {"row": 3, "column": 17}
    assert ini301["end_location"] == {"row": 3, "column": 45}
    assert ini301["fix"] == {"applicability": "unsafe", "message": "Use `tf.glorot_uniform_initializer()`",
                             "edits": [{"content": "tf.glorot_uniform_initializer()([784, 256])",
                                        "location": {"row": 3, "column": 17},
                                        "end_location": {"row": 3, "column": 45}}]}
    assert ini301["url"] == TEST_RULES["INI301"].url
    assert ini301["noqa_row"] == 3
    assert ini301["data"]["fan_in"] == 784
    assert records[2]["fix"] is None
    assert records[3]["data"]["overflow"] is None  # infinity is not JSON
    assert render_diagnostics("json", []) == "[]\n"


def test_json_lines_has_one_record_per_line():
    lines = render_diagnostics("json-lines", fixture_results()).splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["INI901", "INI301", "INI201", "INI101"]
    assert json.loads(lines[1]) == json.loads(render_diagnostics("json", fixture_results()))[1]
    assert render_diagnostics("json-lines", []) == ""


# ---------------------------------------------------------------- github


def test_github_escaping_of_data_and_properties():
    assert github.escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert github.escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"
    assert github.escape_property("%3A") == "%253A"  # % first, so existing escapes are not decoded


def test_github_command_with_hostile_message_and_path():
    path = "odd dir/50%,a:b.py"
    d = diag("INI301", "warning", "std 100%: a, b\nsecond line", path, Span(2, 3, 2, 9))
    out = render_diagnostics("github", [FileResult(path=path, diagnostics=(d,))])
    assert out == ("::warning title=initlint (INI301),file=odd dir/50%25%2Ca%3Ab.py,line=2,col=3,endLine=2,"
                   "endColumn=9::odd dir/50%25,a:b.py:2:3: INI301 std 100%25: a, b%0Asecond line\n")


def test_github_levels_and_multiline_geometry():
    lines = render_diagnostics("github", fixture_results()).splitlines()
    assert lines[0].startswith("::error title=initlint (INI901),file=legacy/py2.py,line=2,col=7,endLine=2,endColumn=7::")
    assert lines[1].startswith("::warning title=initlint (INI301),file=models/mlp.py,line=3,col=17,endLine=3,"
                               "endColumn=45::models/mlp.py:3:17: INI301 ")
    # a span over several lines: no col/endColumn, or the runner drops the inline annotation
    assert lines[2].startswith("::error title=initlint (INI201),file=models/mlp.py,line=4,endLine=6::"
                               "models/mlp.py:4:5: INI201 ")
    assert lines[3].startswith("::notice ")


# ---------------------------------------------------------------- gitlab


def test_gitlab_report_fields_and_unique_line_independent_fingerprints(monkeypatch, tmp_path):
    same = [diag("INI301", "warning", "m", "pkg/a.py", Span(line, 1, line, 5)) for line in (3, 9, 12)]
    issues = json.loads(render_diagnostics("gitlab", [FileResult(path="pkg/a.py", diagnostics=tuple(same))]))
    assert len({i["fingerprint"] for i in issues}) == 3
    assert issues[0] == {"check_name": "INI301", "description": "INI301: m", "severity": "minor",
                         "fingerprint": issues[0]["fingerprint"],
                         "location": {"path": "pkg/a.py", "positions": {"begin": {"line": 3, "column": 1},
                                                                        "end": {"line": 3, "column": 5}}}}
    # the fingerprint does not depend on the line: moving code keeps the first one
    moved = [diag("INI301", "warning", "m", "pkg/a.py", Span(40, 1, 40, 5))]
    first = json.loads(render_diagnostics("gitlab", [FileResult(path="pkg/a.py", diagnostics=tuple(moved))]))
    assert first[0]["fingerprint"] == issues[0]["fingerprint"]
    severities = {i["check_name"]: i["severity"] for i in json.loads(render_diagnostics("gitlab", fixture_results()))}
    assert severities == {"INI901": "major", "INI301": "minor", "INI201": "major", "INI101": "info"}


def test_gitlab_paths_relative_to_ci_project_dir(monkeypatch, tmp_path):
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path / "repo"))
    d = diag("INI301", "warning", "m", "repo/src/m.py", Span(1, 1, 1, 2))
    issues = json.loads(render_diagnostics("gitlab", [FileResult(path="repo/src/m.py", diagnostics=(d,))]))
    assert issues[0]["location"]["path"] == "src/m.py"
    assert gitlab.project_path(str(tmp_path / "repo" / "x.py")) == "x.py"


# ---------------------------------------------------------------- sarif


def test_sarif_is_valid_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for results in (fixture_results(), []):
        document = json.loads(render_diagnostics("sarif", results))
        jsonschema.validate(document, schema)  # raises on any violation
    # and the schema is strict enough to notice a broken document
    broken = json.loads(render_diagnostics("sarif", fixture_results()))
    del broken["version"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_sarif_has_what_github_code_scanning_requires(pinned_environment):
    document = json.loads(render_diagnostics("sarif", fixture_results()))
    assert document["version"] == "2.1.0" and document["$schema"]
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["INI101", "INI201", "INI301", "INI901"]
    for rule in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
                "defaultConfiguration"} <= set(rule)
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith("## What it does")
        assert len(rule["fullDescription"]["text"]) <= 1024
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == pinned_environment.resolve().as_uri() + "/"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    ini301 = by_rule["INI301"]
    assert rules[ini301["ruleIndex"]]["id"] == "INI301"
    assert ini301["level"] == "warning" and by_rule["INI101"]["level"] == "note"
    location = ini301["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "models/mlp.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 17, "endLine": 3, "endColumn": 45}


def test_sarif_uri_is_percent_encoded_and_outside_paths_absolute(tmp_path):
    inside = diag("INI301", "warning", "m", "my dir/a b.py", Span(1, 1, 1, 2))
    outside_path = str(tmp_path.parent / "elsewhere.py")
    outside = diag("INI301", "warning", "m", outside_path, Span(1, 1, 1, 2))
    run = json.loads(render_diagnostics("sarif", [FileResult(path=inside.path, diagnostics=(inside,)),
                                                  FileResult(path=outside_path, diagnostics=(outside,))]))["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {"uri": "my%20dir/a%20b.py", "uriBaseId": "%SRCROOT%"} in uris
    assert {"uri": Path(outside_path).as_uri()} in uris


# ---------------------------------------------------------------- junit


def test_junit_structure():
    root = ET.fromstring(render_diagnostics("junit", fixture_results()))
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "4"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["legacy/py2.py", "models/mlp.py"]
    case = suites[1].find("testcase")
    assert case.get("name") == "org.initlint.INI301" and case.get("classname") == "models/mlp"
    assert case.get("line") == "3" and case.get("column") == "17"
    assert case.find("failure").text.startswith("line 3, col 17, `tf.random_normal`")
    assert case.find("properties/property").get("value") == "warning"


def test_junit_single_passing_case_when_clean():
    root = ET.fromstring(render_diagnostics("junit", []))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 1 and cases[0].get("name") == "No errors found" and cases[0].get("classname") == "initlint"
    assert suite.get("tests") == "1" and suite.get("failures") == "0"


def test_junit_escapes_xml():
    d = diag("INI301", "warning", 'a <b> & "c"\x01\nd\te', "a.py", Span(1, 1, 1, 2))
    root = ET.fromstring(render_diagnostics("junit", [FileResult(path="a.py", diagnostics=(d,))]))
    assert root.find("testsuite/testcase/failure").get("message") == 'a <b> & "c"\ufffd\nd\te'


# ---------------------------------------------------------------- statistics


def test_statistics_text_like_ruff():
    text = render_statistics("concise", fixture_results())
    assert text == ("1\tINI101\t[ ] exploding-signal\n1\tINI201\t[ ] zero-kernel\n"
                    "1\tINI301\t[*] tf1-default-stddev\n1\tINI901\t[ ] syntax-error\nFound 4 errors (1 info).\n")
    many = [diag("INI301", "warning", "m", "a.py", Span(n, 1, n, 2)) for n in range(1, 12)]
    many.append(diag("INI201", "error", "m", "a.py", Span(20, 1, 20, 2)))
    text = render_statistics("concise", [FileResult(path="a.py", diagnostics=tuple(many))], quiet=True)
    assert text == "11\tINI301\ttf1-default-stddev\n 1\tINI201\tzero-kernel\n"


def test_statistics_json():
    rows = json.loads(render_statistics("json", fixture_results()))
    assert rows[2] == {"code": "INI301", "name": "tf1-default-stddev", "count": 1, "fixable": True}


def test_explain_table_shows_an_unknown_initializer_argument_as_a_question_mark() -> None:
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    source = ("import tensorflow as tf\nFLAGS = tf.app.flags.FLAGS\nx = tf.placeholder(tf.float32, [None, 8])\n"
              "h = tf.layers.dense(x, 4, kernel_initializer=tf.random_normal_initializer(stddev=FLAGS.std))\n")
    table = render_table([analyze_source(source, "m.py")])
    assert "random_normal(mean=0, stddev=?) [explicit@4] ?" in table
    assert "None" not in table


def test_explain_table_puts_the_question_mark_on_a_shape_that_rests_on_a_parameter_default() -> None:
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    # the initializer is written out and certain; only the kernel size is the default of `k`
    source = ("import tensorflow as tf\n\n\ndef model(images, k=3):\n"
              "    return tf.layers.conv2d(images, 32, k, kernel_initializer=tf.glorot_uniform_initializer())\n")
    table = render_table([analyze_source(source, "m.py")])
    kernel = next(line for line in table.splitlines() if " kernel " in line)
    assert "3x3x?x32 ?" in kernel
    assert "glorot_uniform [explicit@5]" in kernel and "[explicit@5] ?" not in kernel
    assert "line 5 kernel: the default of parameter `k` of model()" in table


def test_explain_names_what_a_callers_arg_scope_could_set_on_batch_norm_parameters() -> None:
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    # slim.batch_norm's gamma/beta have no initializer argument of their own: an arg_scope sets them
    # through `param_initializers` (the note said "sets `None`")
    source = "import tf_slim as slim\n\n\ndef block(x):\n    return slim.batch_norm(x, scale=True)\n"
    table = render_table([analyze_source(source, "m.py")])
    assert "line 5 gamma, line 5 beta: library default unless a caller's slim.arg_scope sets `param_initializers`" in table
    assert "`None`" not in table


def test_explain_table_shows_fans_as_counts() -> None:
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    source = "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 3136])\nh = tf.layers.dense(x, 1024)\n"
    kernel = render_table([analyze_source(source, "m.py")]).splitlines()[2].split()
    assert kernel[3:6] == ["3136x1024", "3136", "1024"]  # not 3.14e+03


def test_explain_table_names_the_module_a_weight_is_made_in(tmp_path) -> None:  # noqa: ANN001
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    (tmp_path / "head.py").write_text("import tensorflow as tf\n\n\ndef head(x):\n    return tf.layers.dense(x, 10)\n")
    driver = tmp_path / "train.py"
    driver.write_text("import tensorflow as tf\nfrom head import head\n\n"
                      "logits = head(tf.placeholder(tf.float32, [None, 64]))\n")
    table = render_table([analyze_path(driver, Settings(), "train.py")])
    rows = [line.split()[0] for line in table.splitlines()[2:4]]
    assert all(row.startswith("4→") and row.endswith("head.py:5") for row in rows), rows  # not a bare 4→5


def test_explain_marks_weights_made_on_one_branch_of_an_undecided_if(tmp_path) -> None:  # noqa: ANN001
    from initlint.engine import analyze_path
    from initlint.report.explain import render_json, render_table
    from initlint.settings import Settings

    helper = tmp_path / "blocks.py"
    helper.write_text("import tensorflow as tf\n\n\ndef block(x, wide):\n    if wide:\n"
                      "        return tf.layers.dense(x, 512)\n    return tf.layers.dense(x, 16)\n")
    driver = tmp_path / "train.py"
    driver.write_text("import tensorflow as tf\nfrom blocks import block\nFLAGS = tf.app.flags.FLAGS\n"
                      "x = tf.placeholder(tf.float32, [None, 64])\nif FLAGS.deep and FLAGS.very_deep_and_wide_model_with_a_long_flag_name:\n"
                      "    x = block(x, FLAGS.wide)\nlogits = tf.layers.dense(x, 10)\n")
    result = analyze_path(driver, Settings(), "train.py")
    weights = json.loads(render_json([result]))["weights"]
    kernels = {(w["line"], w["path"].rsplit("/", 1)[-1]): w["conditions"] for w in weights if w["role"] == "kernel"}
    long_test = "FLAGS.deep and FLAGS.very_deep_and_wide_model_with_a_long_flag_name"[:57] + "..."  # 60 chars
    outer = {"path": "train.py", "line": 5, "test": long_test, "holds": True}
    assert kernels == {
        (6, "blocks.py"): [outer, {"path": "blocks.py", "line": 5, "test": "wide", "holds": True}],
        (7, "blocks.py"): [outer, {"path": "blocks.py", "line": 5, "test": "wide", "holds": False}],
        (7, "train.py"): [],
    }
    table = render_table([result])
    assert ("    line 6→blocks.py:6 kernel, bias: only if `" + long_test + "` (line 5) and `wide` (blocks.py:5)"
            in table.splitlines())
    assert "    line 6→blocks.py:7 kernel, bias: only if `" + long_test + "` (line 5) and not `wide` (blocks.py:5)" \
        in table.splitlines()


def test_explain_names_third_party_calls_that_tensors_go_through(tmp_path) -> None:  # noqa: ANN001
    """keras-bert's encoder comes from a pip package initlint does not read: explain says where, and
    the layer after it reads an unknown signal, not a fresh standard-normal input."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_json, render_table
    from initlint.settings import Settings

    model = tmp_path / "model.py"
    model.write_text("from tensorflow import keras\nimport numpy as np\nfrom keras_transformer import get_encoders\n"
                     "from keras_layer_normalization import LayerNormalization\n\n"
                     "inp = keras.layers.Input(shape=(16, 64))\n"
                     "x = LayerNormalization(name='norm')(inp)\n"
                     "x = get_encoders(encoder_num=12, input_layer=x)\n"
                     "table = np.zeros((3, 3))\n"
                     "big = keras.initializers.RandomNormal(stddev=1.0)\n"
                     "out = keras.layers.Dense(64, kernel_initializer=big)(x)\n")
    result = analyze_path(model, Settings(), "model.py")
    assert result.unfollowed == ((7, "keras_layer_normalization.LayerNormalization"),
                                 (8, "keras_transformer.get_encoders"))
    files = json.loads(render_json([result]))["files"]
    assert files[0]["unfollowed"] == [{"line": 7, "call": "keras_layer_normalization.LayerNormalization"},
                                      {"line": 8, "call": "keras_transformer.get_encoders"}]
    dense = next(w for w in result.weights if w.role == "kernel")
    assert dense.signal.mean_square is None and dense.signal.input_mean_square is None
    assert not [d for d in result.diagnostics if d.code in ("INI101", "INI102")]
    lines = render_table([result]).splitlines()
    assert "    line 8 `keras_transformer.get_encoders`" in lines


def test_explain_names_calls_cut_at_max_call_depth_into_another_module(tmp_path) -> None:  # noqa: ANN001
    """glow's flow is 9 calls deep into tfops.py: past max-call-depth (8) its weights are not this
    file's to list, and explain says where the chain was cut (a helper that makes no weight is not
    named)."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_json, render_table
    from initlint.settings import Settings

    (tmp_path / "ops.py").write_text(
        "import tensorflow as tf\n\n\ndef conv(name, x, width):\n    with tf.variable_scope(name):\n"
        "        w = tf.get_variable('W', [3, 3, int(x.get_shape()[3]), width])\n"
        "        return tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME')\n\n\ndef shape_of(x):\n    return x.get_shape()\n")
    chain = "".join(f"def c{i}(x): return c{i + 1}(x)\n" for i in range(1, 6))
    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\nimport ops\n\n\ndef coupling(h):\n    ops.shape_of(h)\n"
        "    return ops.conv('l_1', h, 512)\n\n\n" + chain + "def c6(x): return coupling(x)\n\n\n"
        "def main():\n    c1(tf.placeholder(tf.float32, [None, 32, 32, 16]))\n\n\nmain()\n")
    result = analyze_path(tmp_path / "model.py", Settings(), "model.py")
    assert result.weights == ()
    assert result.cut_calls == ((7, "conv"),)
    assert json.loads(render_json([result]))["files"][0]["cut_calls"] == [{"line": 7, "call": "conv"}]
    assert "    line 7 `conv`" in render_table([result]).splitlines()
    deeper = analyze_path(tmp_path / "model.py", Settings(max_call_depth=12), "model.py")
    assert [w.shape for w in deeper.weights] == [(3, 3, 16, 512)] and deeper.cut_calls == ()


def test_a_cut_chain_through_a_call_site_whose_weights_are_listed_is_not_named(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """DeepSpeech's evaluate.py: its `main`, run as a root, lists the weights made through line 7;
    the longer chain through `absl.app.run(main)` is cut at max-call-depth at the same call, and
    explain said those weights were "not listed here"."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    monkeypatch.chdir(tmp_path)  # paths are shown relative to where initlint runs
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "train.py").write_text(
        "import absl.app\nimport tensorflow.compat.v1 as tfv1\nfrom .evaluate import evaluate\n\n\n"
        "def variable_on_cpu(name, shape, initializer):\n"
        "    return tfv1.get_variable(name=name, shape=shape, initializer=initializer)\n\n\n"
        "def dense(name, x, units):\n    with tfv1.variable_scope(name):\n"
        "        w = variable_on_cpu('weights', [x.shape[-1], units], tfv1.glorot_uniform_initializer())\n"
        "    return tfv1.matmul(x, w)\n\n\ndef create_model(x):\n    return dense('layer_1', x, 64)\n\n\n"
        "def test():\n    evaluate(create_model)\n\n\ndef main(_):\n    test()\n\n\n"
        "def run_script():\n    absl.app.run(main)\n\n\nif __name__ == '__main__':\n    run_script()\n")
    (package / "evaluate.py").write_text(
        "import absl.app\nimport tensorflow.compat.v1 as tfv1\n\n\ndef evaluate(create_model):\n"
        "    x = tfv1.placeholder(tfv1.float32, [None, 32])\n    return create_model(x)\n\n\n"
        "def main(_):\n    from .train import create_model\n    evaluate(create_model)\n\n\n"
        "def run_script():\n    absl.app.run(main)\n\n\nif __name__ == '__main__':\n    run_script()\n")
    for depth in (7, 8):
        result = analyze_path(Path("pkg/evaluate.py"), Settings(max_call_depth=depth), "pkg/evaluate.py")
        assert [w.shape for w in result.weights] == [(32, 64)]
        assert result.cut_calls == ()
        assert "max-call-depth" not in render_table([result])


def test_explain_names_calls_into_a_project_module_that_cannot_be_parsed(tmp_path) -> None:  # noqa: ANN001
    """improved_wgan's tflib is Python 2: its `param()` made every weight, and explain printed nothing
    at all for the GAN scripts that call it (field trial W)."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_json, render_table
    from initlint.settings import Settings

    (tmp_path / "mylib").mkdir()
    (tmp_path / "mylib" / "__init__.py").write_text(
        "import tensorflow as tf\n\n\ndef param(name, value):\n    print 'creating', name\n"
        "    return tf.Variable(value, name=name)\n")
    (tmp_path / "model.py").write_text(
        "import numpy as np\nimport tensorflow as tf\nimport mylib\n\nx = tf.placeholder(tf.float32, [None, 128])\n"
        "w = mylib.param('W', np.random.normal(0, 1.0, (128, 128)))\nx = tf.nn.relu(tf.matmul(x, w))\n")
    result = analyze_path(tmp_path / "model.py", Settings(), "model.py")
    assert result.weights == () and result.unread == ((6, "mylib.param", "mylib/__init__.py"),)
    assert json.loads(render_json([result]))["files"][0]["unread"] == [
        {"line": 6, "call": "mylib.param", "module": "mylib/__init__.py"}]
    assert "    line 6 `mylib.param` (mylib/__init__.py)" in render_table([result]).splitlines()


def test_explain_names_the_module_an_initializer_is_written_in(tmp_path) -> None:  # noqa: ANN001
    """StarGAN's `weight_init` is written in ops.py: a driver's row said `[explicit@2]`, a line of
    no file it shows."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    (tmp_path / "ops.py").write_text("import tensorflow as tf\nweight_init = tf.truncated_normal_initializer(stddev=0.02)\n"
                                     "\n\ndef conv(x, c):\n    return tf.layers.conv2d(x, c, 3, kernel_initializer=weight_init)\n")
    (tmp_path / "drv.py").write_text("import tensorflow as tf\nfrom ops import conv\n\n"
                                     "x = tf.placeholder(tf.float32, [None, 8, 8, 3])\ny = conv(x, 16)\n")
    driver = render_table([analyze_path(tmp_path / "drv.py", Settings(), "drv.py")])
    module = render_table([analyze_path(tmp_path / "ops.py", Settings(), "ops.py")])
    assert "[explicit@ops.py:2]" in driver
    assert "[explicit@2]" in module and "ops.py:2]" not in module


def test_explain_names_the_call_that_restores_weights() -> None:
    """A tf.train.Saver restore was described as "load_weights" of "the model it loads" (field trial V)."""
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    source = ("import tensorflow as tf\n"
              "embeddings = tf.Variable(tf.random_uniform([10000, 200], -1.0, 1.0))\n"
              "saver = tf.train.Saver({'embeddings': embeddings})\n"
              "with tf.Session() as sess:\n"
              "    saver.restore(sess, 'model.ckpt')\n")
    table = render_table([analyze_source(source, "w2v.py")])
    assert "initial values overwritten by `saver.restore` at line 5:" in table, table


def test_explain_header_says_a_drivers_weights_use_their_modules_dialect() -> None:
    """A driver with no TF1 API of its own said `dialect tf2` above a TF1 module's weights (the
    module's dialect is the one applied; field trial S)."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    driver = Path(__file__).resolve().parent.parent / "fixtures" / "projects" / "driver_dialect" / "train.py"
    header = render_table([analyze_path(driver, Settings())]).splitlines()[0]
    assert header == f"{driver}  (dialect tf2: no TF1-only API in this file; weights made in tf1 modules use theirs)"


def test_explain_groups_weights_that_share_an_uncertain_reason() -> None:
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    # electra: 162 lines of "X() is not called in this file: its callers may set the scope"
    layers = "".join(f"    x = tf.layers.dense(x, 8, name='d{i}')\n" for i in range(4))
    source = f"import tensorflow as tf\n\n\ndef tower(x):\n{layers}    return x\n"
    table = render_table([analyze_source(source, "m.py")])
    assert ("    4 weights, lines 5, 6, 7, 8: glorot_uniform unless a caller's variable_scope sets an initializer: "
            "tower() is not called in this file: its callers may set the scope") in table
    assert table.count("is not called in this file") == 1


def test_explain_json_keeps_the_initializers_certainty_apart_from_the_shapes() -> None:
    import json

    from initlint.engine import analyze_source
    from initlint.report.explain import render_json

    # tensorflow-fcn's score layers: stddev=0.001 written out, the kernel size a parameter's default
    source = ("import tensorflow as tf\n\n\ndef score(x, k=3):\n"
              "    return tf.layers.conv2d(x, 20, k, kernel_initializer=tf.truncated_normal_initializer(stddev=0.001))\n")
    [kernel] = [w for w in json.loads(render_json([analyze_source(source, "m.py")]))["weights"] if w["role"] == "kernel"]
    assert kernel["initializer"]["certain"] is True and kernel["initializer"]["reason"] is None
    assert kernel["certain"] is False
    assert kernel["shape_reason"].startswith("the default of parameter `k` of score()")


def test_explain_names_the_file_of_a_restore_in_another_module(tmp_path) -> None:  # noqa: ANN001
    """QANet's config.py: "`saver.restore` at line 159" named a line of main.py, which builds and restores
    what config.py calls; the sentence also explained both kinds of load whichever applied."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    (tmp_path / "model.py").write_text(
        "import tensorflow as tf\n\n\ndef test():\n    h = tf.layers.dense(tf.placeholder(tf.float32, [None, 16]), 64)\n"
        "    with tf.Session() as sess:\n        saver = tf.train.Saver()\n        saver.restore(sess, 'ckpt')\n")
    (tmp_path / "run.py").write_text("from model import test\n\nif __name__ == '__main__':\n    test()\n")
    table = render_table([analyze_path(tmp_path / "run.py", Settings(), "run.py")])
    assert "initial values overwritten by `saver.restore` at model.py:8: the weights it restores (a Saver's " \
           "restore: the variables it covers) are not checked" in table, table


def test_explain_leaves_out_the_earlier_branches_an_elif_equality_implies() -> None:
    """QANet's `config.mode` chains: `not mode == 'train' and not mode == 'test' and mode == 'demo'`
    repeated every earlier mode on every weight; `mode == 'demo'` says it all."""
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 8])\n"
              "if FLAGS.mode == 'train':\n    y = tf.layers.dense(x, 4)\nelif FLAGS.mode == 'test':\n"
              "    y = tf.layers.dense(x, 5)\nelse:\n    y = tf.layers.dense(x, 7)\n")
    table = render_table([analyze_source(source, "m.py")])
    assert "line 6 kernel, bias: only if `FLAGS.mode == 'test'` (line 5)\n" in table, table
    assert "line 8 kernel, bias: only if not `FLAGS.mode == 'train'` (line 3) and not `FLAGS.mode == 'test'` " \
           "(line 5)\n" in table, table


def test_explain_of_files_without_weights_says_so(tmp_path) -> None:  # noqa: ANN001
    """sjchoi86/Tensorflow-101 keeps its models in notebooks: `explain .` printed nothing at all."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    (tmp_path / "util.py").write_text("import tensorflow as tf\n\nx = tf.constant(1.0)\n")
    (tmp_path / "plain.py").write_text("print('hello')\n")
    results = [analyze_path(tmp_path / name, Settings(), name) for name in ("plain.py", "util.py")]
    text = render_table(results)
    assert text.splitlines()[-1].startswith("No weights found (") and "skipped" in text
    (tmp_path / "model.py").write_text("import tensorflow as tf\n\nh = tf.layers.dense(tf.placeholder(tf.float32, [None, 8]), 4)\n")
    assert "No weights found" not in render_table([*results, analyze_path(tmp_path / "model.py", Settings(), "model.py")])


def test_an_unknown_scope_initializer_from_another_module_names_its_file(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """OpenSeq2Seq: `unknown [variable_scope@136]` named a line of the file shown; the scope is in the
    base class's module (a known initializer already said `[variable_scope@encoder.py:13]`)."""
    from initlint.engine import analyze_path
    from initlint.report.explain import render_table
    from initlint.settings import Settings

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "encoder.py").write_text(
        "import tensorflow as tf\n\n\nclass Encoder(object):\n    def __init__(self, params):\n"
        "        self.params = params\n\n    def encode(self, x):\n        if 'initializer' in self.params:\n"
        "            initializer = self.params['initializer']()\n        else:\n            initializer = None\n"
        "        with tf.variable_scope('enc', initializer=initializer):\n            return self._encode(x)\n")
    (tmp_path / "pkg" / "fc_encoder.py").write_text(
        "import tensorflow as tf\nfrom pkg.encoder import Encoder\n\n\nclass FCEncoder(Encoder):\n"
        "    def _encode(self, x):\n        return tf.layers.dense(x, 10)\n")
    result = analyze_path(Path("pkg/fc_encoder.py"), Settings(), "pkg/fc_encoder.py")
    assert "unknown [variable_scope@pkg/encoder.py:13] ?" in render_table([result])


def test_the_uncertain_list_counts_a_weight_made_twice_once() -> None:
    """planet's uncertain list said "line 7 kernel, line 7 kernel" for one layer made by two calls."""
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    source = ("import tensorflow as tf\n\n\ndef mlp(x, units=100):\n    for _ in range(2):\n"
              "        x = tf.layers.dense(x, units)\n    return x\n")
    table = render_table([analyze_source(source, "m.py")])
    assert "    line 6 kernel (x2): " in table and "line 6 kernel, line 6 kernel" not in table, table


def test_a_condition_repeated_by_a_callee_is_said_once() -> None:
    """efficientnet: "only if `expand_ratio != 1` (line 204) and `expand_ratio != 1` (line 290)"."""
    from initlint.engine import analyze_source
    from initlint.report.explain import render_table

    source = ("import tensorflow as tf\n\n\ndef expand(x, ratio):\n    if ratio != 1:\n"
              "        return tf.layers.dense(x, 8)\n    return x\n\n\ndef block(x, ratio):\n"
              "    if ratio != 1:\n        x = expand(x, ratio)\n    return x\n")
    table = render_table([analyze_source(source, "m.py")])
    assert "only if `ratio != 1` (line 11)\n" in table, table


def test_explain_says_why_a_dimension_is_not_known() -> None:
    """Session 22's trials: a `?` in a shape had no reason under the table. Each `?` now names what
    is not known: the input, a size parameter, a dimension of a written shape."""
    import json

    from initlint.engine import analyze_source
    from initlint.report.explain import render_json, render_table

    source = ("import tensorflow as tf\n\n\n"
              "def head(features, n_classes):\n"
              "    x = tf.keras.layers.Dense(64)(features)\n"
              "    return tf.keras.layers.Dense(n_classes)(x)\n\n\n"
              "def linear(x, n_in):\n"
              "    w = tf.compat.v1.get_variable('w', [n_in, 10])\n"
              "    return tf.matmul(x, w)\n\n\n"
              "unbuilt = tf.keras.layers.Dense(3)\n")
    result = analyze_source(source, "m.py")
    reasons = {(w["line"], w["role"]): w["shape_unknown_reason"] for w in json.loads(render_json([result]))["weights"]}
    assert reasons[(5, "kernel")] == "the input: parameter `features` of head(), set by its callers"
    assert reasons[(5, "bias")] is None  # 64: known
    assert reasons[(6, "kernel")] == "`units`: parameter `n_classes` of head(), set by its callers"
    assert reasons[(6, "bias")] == reasons[(6, "kernel")]
    assert reasons[(10, "variable")] == "dimension 1 of the shape: parameter `n_in` of linear(), set by its callers"
    assert reasons[(14, "kernel")] == "the layer is built without an input initlint follows"
    table = render_table([result])
    assert "  ? in a shape, not known statically:\n" in table
    assert "    line 5 kernel: the input: parameter `features` of head(), set by its callers\n" in table
    assert "    line 6 kernel, line 6 bias: `units`: parameter `n_classes` of head(), set by its callers\n" in table


def test_explain_json_is_json_dumps_of_the_document() -> None:
    """render_json builds its text one weight at a time (the document as dicts took 1.6 GB on a large
    repository): the bytes must be json.dumps(document, indent=2)'s, with and without weights."""
    import json

    from initlint.engine import analyze_source
    from initlint.report.explain import EXPLAIN_VERSION, render_json, weight_json

    made = analyze_source("import tensorflow as tf\n\nx = tf.layers.dense(tf.placeholder(tf.float32, [None, 8]), 4)\n"
                          "y = tf.layers.dense(x, 2, kernel_initializer=tf.truncated_normal_initializer(stddev=0.1))\n",
                          "m.py")
    empty = analyze_source("import tensorflow as tf\n", "empty.py")
    for results, notebooks in (([made, empty], ["a.ipynb", "b/c.ipynb"]), ([empty], []), ([], [])):
        text = render_json(results, notebooks)
        document = json.loads(text)
        assert len(document["weights"]) == sum(len(r.weights) for r in results)
        expected = {"version": EXPLAIN_VERSION,
                    "weights": [weight_json(w) for r in results for w in r.weights],
                    "files": document["files"], "notebooks_not_read": list(notebooks)}
        assert text == json.dumps(expected, indent=2) + "\n"
