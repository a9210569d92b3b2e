"""Fixes: byte-exact before/after pairs per family (tests/fix_cases), idempotence, parse and re-lint
checks, safety levels, edit application, spellings per alias and dialect, and `--fix`, `--diff`,
`--show-fixes`, `--unsafe-fixes` through the CLI on the real core.

tests/fix_cases/NAME.py is the code as written, NAME.fixed.py what `--fix --unsafe-fixes` makes of
it, NAME.safe.py what `--fix` alone makes of it (absent: `--fix` changes nothing). Regenerate after
an intended change with `INITLINT_UPDATE_FIX_CASES=1 pytest tests/test_fix.py` and review the diff.
"""
from __future__ import annotations

import json
import os
import stat
from collections import Counter
from pathlib import Path

import libcst as cst
import pytest
from click.testing import CliRunner

from initlint.cli import main
from initlint.engine import analyze_source
from initlint.fix import apply_fixes, attach_fixes, fix_source
from initlint.fix.arguments import insert_keyword
from initlint.fix.edits import line_map
from initlint.fix.files import Changed, write_fixed
from initlint.fix.locate import index_source
from initlint.fix.session import fix_files
from initlint.model import Diagnostic, Edit, Fix, Span
from initlint.settings import Settings

CASES_DIR = Path(__file__).parent / "fix_cases"
CASES = sorted(p for p in CASES_DIR.glob("*.py") if not p.name.endswith((".fixed.py", ".safe.py")))
UPDATE = bool(os.environ.get("INITLINT_UPDATE_FIX_CASES"))

# Which family each pair covers (the README's list): every family has at least one.
FAMILIES = {
    "tf_layers": ["tf1_compat_alias_mlp", "tf1_layers_multiline_defaults", "tf1_zero_kernels", "tf2_compat_layers_scope"],
    "keras": ["keras_deep_relu_defaults", "keras_from_imports", "keras_in_variable_scope", "keras_random_normal_init",
              "keras1_init_arguments"],
    "slim": ["slim_arg_scope_missed_op", "slim_contrib_deprecated", "slim_deep_defaults"],
    "get_variable": ["tf1_scope_reaches_biases", "tf1_uncalled_and_deprecated"],
    "variable": ["tf1_variables_crlf", "tf1_zero_kernels", "variable_helpers_vanishing"],
}
# The safe fixes the cases contain (code -> count); every other fix in them is unsafe.
SAFE = {
    "tf1_uncalled_and_deprecated": {"INI304": 1, "INI305": 2},
    "slim_contrib_deprecated": {"INI305": 1},
}


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_every_family_has_before_after_pairs() -> None:
    names = {case.stem for case in CASES}
    for family, cases in FAMILIES.items():
        assert cases and set(cases) <= names, family
    assert names == {name for cases in FAMILIES.values() for name in cases}


@pytest.fixture(params=CASES, ids=lambda p: p.stem)
def case(request) -> Path:
    return request.param


def _expected(case: Path, suffix: str, actual: str, default: str) -> str:
    target = case.with_name(f"{case.stem}.{suffix}.py")
    if UPDATE:
        if actual != default or suffix == "fixed":
            target.write_bytes(actual.encode("utf-8"))
        elif target.exists():
            target.unlink()
    return read(target) if target.exists() else default


def test_fix_is_byte_exact(case: Path) -> None:
    before = read(case)
    fixed = fix_source(before, case.name, unsafe=True)
    assert fixed.source == _expected(case, "fixed", fixed.source, before)
    assert fixed.changed and fixed.fixed, "every case has something to fix"
    safe = fix_source(before, case.name, unsafe=False)
    assert safe.source == _expected(case, "safe", safe.source, before)


def test_fix_only_touches_what_it_edits(case: Path) -> None:
    """Outside the edited spans every byte stays: the unchanged lines are the same lines, in order."""
    before, after = read(case), read(case.with_name(f"{case.stem}.fixed.py"))
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    import difflib

    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed_old = sum(i2 - i1 for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal")
    assert changed_old <= 6, "a fix rewrites initializers, not the file"
    assert ("\r\n" in before) == ("\r\n" in after)


def test_fix_is_idempotent_and_parses(case: Path) -> None:
    after = read(case.with_name(f"{case.stem}.fixed.py"))
    cst.parse_module(after)
    compile(after, case.name, "exec")
    again = fix_source(after, case.name, unsafe=True)
    assert not again.changed and not again.fixed


def test_relint_leaves_none_of_the_fixed_findings(case: Path) -> None:
    before = read(case)
    outcome = fix_source(before, case.name, unsafe=True)
    fixed_codes = {d.code for d in outcome.fixed}
    remaining = analyze_source(outcome.source, case.name)
    assert not fixed_codes & {d.code for d in remaining.diagnostics}
    # and no new finding: what remains was there before
    found_before = Counter(d.code for d in analyze_source(before, case.name).diagnostics)
    for code, count in Counter(d.code for d in remaining.diagnostics).items():
        assert count <= found_before[code], code


def test_safety_levels(case: Path) -> None:
    result = attach_fixes(analyze_source(read(case), case.name))
    safe = Counter(d.code for d in result.diagnostics if d.fix is not None and d.fix.applicability == "safe")
    assert dict(safe) == SAFE.get(case.stem, {})
    for diagnostic in result.diagnostics:
        if diagnostic.fix is not None:
            assert diagnostic.fix.message and diagnostic.fix.edits


# ---------------------------------------------------------------- what is (not) offered


def lint(source: str, path: str = "m.py") -> list[Diagnostic]:
    return list(attach_fixes(analyze_source(source, path)).diagnostics)


def fixed_text(source: str) -> str:
    return fix_source(source, "m.py", unsafe=True).source


SHARED_BIAS = """import tensorflow as tf


def variable(name, shape):
    return tf.get_variable(name, shape, initializer=tf.random_normal_initializer(stddev=0.01))


x = tf.placeholder(tf.float32, [None, 512])
h = x
for i in range(4):
    w = variable("w%d" % i, [512, 512])
    b = variable("b%d" % i, [512])
    h = tf.nn.relu(tf.matmul(h, w) + b)
"""


def test_no_fix_where_every_site_also_reaches_a_bias() -> None:
    """The helper's initializer and its get_variable call make kernels and biases: neither site
    can take a fan-based initializer, so the finding gets no fix (and --fix leaves the file)."""
    diagnostics = lint(SHARED_BIAS)
    assert diagnostics and all(d.fix is None for d in diagnostics)
    assert fixed_text(SHARED_BIAS) == SHARED_BIAS


def test_shared_definition_fixed_once_when_it_suits_every_layer() -> None:
    source = ("import tensorflow as tf\ninit = tf.truncated_normal_initializer(stddev=0.1)\n"
              "x = tf.placeholder(tf.float32, [None, 3136])\n"
              "h = tf.layers.dense(x, 1024, activation=tf.nn.relu, kernel_initializer=init)\n"
              "y = tf.layers.dense(h, 10, kernel_initializer=init)\n")
    assert fixed_text(source) == source.replace("tf.truncated_normal_initializer(stddev=0.1)",
                                                "tf.variance_scaling_initializer(scale=2.0)")


def test_helper_parameter_default_is_fixed_where_it_is_written() -> None:
    source = ("import tensorflow as tf\n\n\n"
              "def dense(x, n, init=tf.truncated_normal_initializer(stddev=0.1)):\n"
              "    return tf.layers.dense(x, n, activation=tf.nn.relu, kernel_initializer=init)\n\n\n"
              "x = tf.placeholder(tf.float32, [None, 3136])\nh = dense(x, 1024)\nh = dense(h, 1024)\n")
    assert fixed_text(source) == source.replace("init=tf.truncated_normal_initializer(stddev=0.1)",
                                                "init=tf.variance_scaling_initializer(scale=2.0)")


def test_arg_scope_initializer_is_fixed_in_the_scope_in_slim_spelling() -> None:
    source = ("import tensorflow as tf\nimport tf_slim as slim\n"
              "images = tf.placeholder(tf.float32, [None, 32, 32, 3])\n"
              "with slim.arg_scope([slim.conv2d, slim.fully_connected],\n"
              "                    weights_initializer=tf.truncated_normal_initializer(stddev=0.001)):\n"
              "    net = slim.conv2d(images, 64, [3, 3])\n    net = slim.conv2d(net, 64, [3, 3])\n"
              "    net = slim.conv2d(net, 64, [3, 3])\n"
              "    net = slim.fully_connected(slim.flatten(net), 10, activation_fn=None)\n")
    assert fixed_text(source) == source.replace("tf.truncated_normal_initializer(stddev=0.001)",
                                                "slim.variance_scaling_initializer()")


def test_callers_configure_a_parameterized_definition_so_the_fix_goes_to_the_calls() -> None:
    """`trunc_normal = lambda stddev: ...` is configured by its callers: rewriting the lambda would
    leave `trunc_normal(0.005)` meaning nothing, so the flagged layers get their own argument."""
    source = ("import tensorflow as tf\nimport tf_slim as slim\n"
              "trunc_normal = lambda stddev: tf.truncated_normal_initializer(0.0, stddev)\n"
              "x = tf.placeholder(tf.float32, [None, 5, 5, 256])\n"
              "with slim.arg_scope([slim.conv2d], weights_initializer=trunc_normal(0.005)):\n"
              "    net = slim.conv2d(x, 4096, [5, 5], padding='VALID')\n"
              "    net = slim.conv2d(net, 4096, [1, 1])\n"
              "    net = slim.conv2d(net, 10, [1, 1], activation_fn=None)\n")
    result = fixed_text(source)
    assert "trunc_normal = lambda stddev: tf.truncated_normal_initializer(0.0, stddev)\n" in result
    assert result.count("weights_initializer=slim.variance_scaling_initializer())") == 2


def test_keras_explicit_none_is_replaced_not_duplicated() -> None:
    source = ("import tensorflow as tf\nx = tf.keras.Input(shape=(256,))\nfor i in range(12):\n"
              "    x = tf.keras.layers.Dense(256, activation='relu', kernel_initializer=None)(x)\n")
    assert fixed_text(source) == source.replace("kernel_initializer=None", "kernel_initializer='he_normal'")


def test_scope_initializer_is_passed_to_keras_only_when_it_suits() -> None:
    template = ("import tensorflow as tf\nimages = tf.placeholder(tf.float32, [None, 28, 28, 1])\n"
                "with tf.variable_scope('net', initializer={init}):\n"
                "    net = tf.keras.layers.Conv2D(32, 3, activation='relu')(images)\n")
    constant = template.format(init="tf.constant_initializer(0.5)")
    assert [d.code for d in lint(constant)] == ["INI302"] and lint(constant)[0].fix is None
    he = template.format(init="tf.variance_scaling_initializer(scale=2.0)")
    assert fixed_text(he) == he.replace("activation='relu')", "activation='relu', "
                                        "kernel_initializer=tf.variance_scaling_initializer(scale=2.0))")


def test_code_in_another_project_module_is_not_edited(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pkg" / "ops.py").write_text(
        "import tensorflow as tf\n\n\ndef dense(x, n):\n    return tf.layers.dense(x, n, activation=tf.nn.relu)\n",
        encoding="utf-8")
    model = ("import tensorflow as tf\n\nfrom pkg.ops import dense\n\n"
             "x = tf.placeholder(tf.float32, [None, 128])\nfor i in range(12):\n    x = dense(x, 128)\n")
    (tmp_path / "pkg" / "model.py").write_text(model, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = analyze_source(model, "pkg/model.py")
    assert [d.code for d in result.diagnostics] == ["INI104"]
    assert attach_fixes(result).diagnostics[0].fix is None


def test_uncertain_findings_get_no_fix() -> None:
    source = ("import tensorflow as tf\n\n\ndef tower(x):\n    for i in range(12):\n"
              "        x = tf.layers.dense(x, 128, activation=tf.nn.relu)\n    return x\n")
    for diagnostic in lint(source):
        assert diagnostic.certain or diagnostic.fix is None


def test_noqa_suppressed_findings_are_not_fixed() -> None:
    source = "import tensorflow as tf\nW1 = tf.Variable(tf.random_normal([784, 256]))  # noqa: INI301\n"
    assert lint(source) == [] and fixed_text(source) == source


def test_unsafe_needs_the_flag_and_safe_does_not() -> None:
    source = ("import tensorflow as tf\nw = tf.get_variable('w', [784, 256], initializer=tf.glorot_uniform_initializer)\n"
              "v = tf.Variable(tf.random_normal([784, 256]))\n")
    safe = fix_source(source, "m.py", unsafe=False)
    assert safe.source == source.replace("initializer=tf.glorot_uniform_initializer)",
                                         "initializer=tf.glorot_uniform_initializer())")
    assert {d.code for d in safe.fixed} == {"INI304"}
    both = fix_source(source, "m.py", unsafe=True)
    assert "stddev=0.05051" in both.source or "stddev=0.03571" in both.source


# ---------------------------------------------------------------- spellings per alias and dialect


DENSE_STACK = """{imports}
x = {tf}.placeholder({tf}.float32, [None, 3136])
h = {layers}.dense(x, 1024, activation={tf}.nn.relu, kernel_initializer={init}(stddev=0.1))
y = {layers}.dense(h, 10)
"""


@pytest.mark.parametrize("imports, tf, layers, init, expected", [
    ("import tensorflow as tf", "tf", "tf.layers", "tf.truncated_normal_initializer",
     "tf.variance_scaling_initializer(scale=2.0)"),
    ("import tensorflow.compat.v1 as tf", "tf", "tf.layers", "tf.truncated_normal_initializer",
     "tf.variance_scaling_initializer(scale=2.0)"),
    ("import tensorflow as tf1", "tf1", "tf1.compat.v1.layers", "tf1.compat.v1.truncated_normal_initializer",
     "tf1.compat.v1.variance_scaling_initializer(scale=2.0)"),
])
def test_tf1_spelling_follows_the_files_alias(imports, tf, layers, init, expected) -> None:
    source = DENSE_STACK.format(imports=imports, tf=tf, layers=layers, init=init)
    assert fixed_text(source) == source.replace(f"{init}(stddev=0.1)", expected)


def test_missing_tensorflow_import_is_added_once() -> None:
    source = ("from tensorflow.compat.v1.layers import dense\nfrom tensorflow.compat.v1 import placeholder, float32\n"
              "x = placeholder(float32, [None, 512])\n"
              "for i in range(12):\n    x = dense(x, 512, activation='relu')\n")
    result = fixed_text(source)
    assert result.count("import tensorflow as tf\n") == 1
    assert "x = dense(x, 512, activation='relu', kernel_initializer=tf.variance_scaling_initializer(scale=2.0))" \
           in result
    cst.parse_module(result)


def test_keras_string_uses_the_files_quotes() -> None:
    source = ("import tensorflow as tf\nx = tf.keras.Input(shape=(256,))\nfor i in range(12):\n"
              "    x = tf.keras.layers.Dense(256, activation='relu')(x)\n")
    assert "kernel_initializer='he_normal'" in fixed_text(source)


def test_slim_spelling_uses_tf_slim_alias_but_tf_core_under_contrib() -> None:
    stack = ("import tensorflow as tf\n{imp}\nx = tf.placeholder(tf.float32, [None, 32, 32, 16])\n"
             "net = {s}.repeat(x, 14, {s}.conv2d, 16, [3, 3], scope='conv')\n")
    native = stack.format(imp="import tf_slim as sl", s="sl")
    assert "weights_initializer=sl.variance_scaling_initializer())" in fixed_text(native)
    contrib = stack.format(imp="import tensorflow.contrib.slim as slim", s="slim")
    assert "weights_initializer=tf.variance_scaling_initializer(scale=2.0))" in fixed_text(contrib)


def test_random_op_with_a_literal_shape_gets_a_number_else_an_expression() -> None:
    literal = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
               "W = tf.Variable(tf.truncated_normal([784, 256]))\nh = tf.nn.relu(tf.matmul(x, W))\n")
    # He for fan_in 784 is 0.05051; truncated at 2 sigma, the stddev parameter is 0.05051 / 0.8796
    assert fixed_text(literal) == literal.replace("[784, 256])", "[784, 256], stddev=0.05742)")
    helper = ("import tensorflow as tf\n\n\ndef weight(shape):\n    return tf.Variable(tf.random_normal(shape))\n\n\n"
              "x = tf.placeholder(tf.float32, [None, 784])\nh = tf.nn.relu(tf.matmul(x, weight([784, 256])))\n"
              "y = tf.matmul(h, weight([256, 10]))\n")
    assert "tf.Variable(tf.variance_scaling_initializer(scale=2.0)(shape))" in fixed_text(helper)


def test_columns_are_code_points() -> None:
    source = ('import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n'
              'tag = "权重é"; W1 = tf.Variable(tf.random_normal([784, 256]))\nh = tf.nn.relu(tf.matmul(x, W1))\n')
    assert fixed_text(source) == source.replace("[784, 256]))", "[784, 256], stddev=0.05051))")


# ---------------------------------------------------------------- applying edits


def _diag(line: int, *edits: Edit, code: str = "INI301", applicability: str = "unsafe") -> Diagnostic:
    return Diagnostic(code, "x", "warning", "m", "m.py", Span(line, 1, line, 2),
                      fix=Fix(applicability, "fix", tuple(edits)))  # type: ignore[arg-type]


def test_apply_fixes_dedupes_identical_edits_and_defers_conflicts() -> None:
    source = "a = f(1)\nb = g(2)\n"
    same = Edit("h(3)", Span(1, 5, 1, 9))
    first, second = _diag(1, same), _diag(2, same, Edit("k(4)", Span(2, 5, 2, 9)))
    conflicting = _diag(1, Edit("z", Span(1, 7, 1, 8)))
    out = apply_fixes(source, [first, second, conflicting], unsafe=True)
    assert out.source == "a = h(3)\nb = k(4)\n"
    assert len(out.applied) == 2 and conflicting not in out.applied
    assert apply_fixes(source, [first], unsafe=False).source == source  # unsafe needs the flag


def test_apply_fixes_never_writes_code_that_does_not_parse() -> None:
    source = "a = f(1)\n"
    out = apply_fixes(source, [_diag(1, Edit("(", Span(1, 5, 1, 9)))], unsafe=True)
    assert out.source == source and not out.applied


def test_line_map_follows_inserted_lines() -> None:
    mapped = line_map([Edit("\nimport numpy as np", Span(1, 24, 1, 24)), Edit("x", Span(5, 1, 5, 2))])
    assert (mapped(1), mapped(2), mapped(5)) == (1, 3, 6)


@pytest.mark.parametrize("source, expected", [
    ("f(a, b)\n", "f(a, b, k=v)\n"),
    ("f()\n", "f(k=v)\n"),
    ("f(a, b,)\n", "f(a, b, k=v,)\n"),
    ("f(\n    a,\n    b\n)\n", "f(\n    a,\n    b,\n    k=v\n)\n"),
    ("f(\n    a,\n    b,  # note\n)\n", "f(\n    a,\n    b,  # note\n    k=v,\n)\n"),
    ("f(a,\n  b)\n", "f(a,\n  b,\n  k=v)\n"),
    ("f(a, *args, **kwargs)\n", "f(a, *args, **kwargs, k=v)\n"),
    ("f(\r\n    a,\r\n    b,\r\n)\r\n", "f(\r\n    a,\r\n    b,\r\n    k=v,\r\n)\r\n"),
    ("f(\n\ta,\n\tb\n)\n", "f(\n\ta,\n\tb,\n\tk=v\n)\n"),
])
def test_insert_keyword_keeps_the_calls_layout(source: str, expected: str) -> None:
    index = index_source(source)
    call = next(node for nodes in index.by_span.values() for node in nodes if isinstance(node, cst.Call))
    edit = insert_keyword(index, call, "k=v")
    assert edit is not None
    out = apply_fixes(source, [_diag(1, edit)], unsafe=True)
    assert out.source == expected


# ---------------------------------------------------------------- writing files


def test_write_is_atomic_keeps_bom_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_bytes(b"\xef\xbb\xbfx = 1\n")
    path.chmod(0o640)
    write_fixed(path, "x = 1\n", "x = 2\n")
    assert path.read_bytes() == b"\xef\xbb\xbfx = 2\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["m.py"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    case = CASES_DIR / "tf1_zero_kernels.py"
    path = tmp_path / "model.py"
    path.write_bytes(case.read_bytes())
    result = attach_fixes(analyze_source(read(path), str(path)))
    path.write_text(read(path) + "# edited meanwhile\n", encoding="utf-8")
    with pytest.raises(Changed):
        write_fixed(path, read(case), "x = 1\n")
    session = fix_files([(path, "model.py")], [result], Settings(), unsafe=True, write=True)
    assert session.problems == ["model.py: changed on disk since it was read; not fixed"]
    assert read(path).endswith("# edited meanwhile\n") and not session.fixed
    assert [p.name for p in tmp_path.iterdir()] == ["model.py"]


# ---------------------------------------------------------------- the command line


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--isolated", *args], input=input, catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("INITLINT_FORMAT", "NO_COLOR", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    for stem in ("tf1_uncalled_and_deprecated", "tf1_zero_kernels"):
        (tmp_path / f"{stem}.py").write_bytes((CASES_DIR / f"{stem}.py").read_bytes())
    return tmp_path


def test_check_marks_applicable_fixes_and_hints(project: Path) -> None:
    result = invoke("tf1_zero_kernels.py")
    assert result.exit_code == 1 and "[*]" not in result.stdout  # unsafe fixes only
    assert result.stdout.endswith("Found 2 errors.\nNo fixes available (2 unsafe fixes available with "
                                  "`--fix --unsafe-fixes`).\n")
    unsafe = invoke("--unsafe-fixes", "tf1_zero_kernels.py")
    assert unsafe.stdout.count(" INI201 [*] ") == 2 and unsafe.stdout.endswith("[*] 2 fixable with `--fix`.\n")
    safe = invoke("tf1_uncalled_and_deprecated.py")
    assert "INI304 [*] " in safe.stdout and "[*] 3 fixable with `--fix`." in safe.stdout


def test_json_fix_shape(project: Path) -> None:
    records = json.loads(invoke("--format", "json", "tf1_uncalled_and_deprecated.py").stdout)
    fixes = {r["code"]: r["fix"] for r in records if r["fix"]}
    assert fixes["INI304"]["applicability"] == "safe"
    edit = fixes["INI304"]["edits"][0]
    assert edit == {"content": "()", "location": {"row": 5, "column": 81}, "end_location": {"row": 5, "column": 81}}


def test_diff_prints_and_writes_nothing(project: Path) -> None:
    before = read(project / "tf1_zero_kernels.py")
    result = invoke("--diff", "--unsafe-fixes", "tf1_zero_kernels.py")
    assert result.exit_code == 1
    assert result.stdout.startswith("--- tf1_zero_kernels.py\n+++ tf1_zero_kernels.py\n@@ ")
    assert "+W1 = tf.Variable(tf.random_normal([784, 256], stddev=0.05051), name=\"W1\")\n" in result.stdout
    assert result.stderr == "Would fix 2 errors.\n"
    assert read(project / "tf1_zero_kernels.py") == before
    nothing = invoke("--diff", "tf1_zero_kernels.py")
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    assert nothing.stderr == "No errors would be fixed (2 additional fixes available with `--unsafe-fixes`).\n"


def test_fix_writes_reports_and_is_idempotent(project: Path) -> None:
    result = invoke("--fix", "--unsafe-fixes", "--show-fixes", ".")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ("Fixed 5 errors:\n"
                             "- tf1_uncalled_and_deprecated.py:\n"
                             "    1 × INI304 (uncalled-initializer)\n"
                             "    2 × INI305 (deprecated-initializer)\n"
                             "- tf1_zero_kernels.py:\n"
                             "    2 × INI201 (constant-kernel)\n"
                             "\n"
                             "Found 5 errors (5 fixed, 0 remaining).\n")
    for stem in ("tf1_uncalled_and_deprecated", "tf1_zero_kernels"):
        assert read(project / f"{stem}.py") == read(CASES_DIR / f"{stem}.fixed.py")
    again = invoke("--fix", "--unsafe-fixes", ".")
    assert (again.exit_code, again.stdout) == (0, "All checks passed!\n")


def test_fix_without_unsafe_applies_safe_fixes_only(project: Path) -> None:
    result = invoke("--fix", ".")
    assert result.exit_code == 1
    assert result.stdout.endswith("Found 5 errors (3 fixed, 2 remaining).\n"
                                  "No fixes available (2 unsafe fixes available with `--fix --unsafe-fixes`).\n")
    assert read(project / "tf1_uncalled_and_deprecated.py") == read(CASES_DIR / "tf1_uncalled_and_deprecated.safe.py")
    assert read(project / "tf1_zero_kernels.py") == read(CASES_DIR / "tf1_zero_kernels.py")


def test_fix_from_stdin_prints_the_fixed_text(project: Path) -> None:
    source = read(CASES_DIR / "tf1_zero_kernels.py")
    result = invoke("--fix", "--unsafe-fixes", "--stdin-filename", "model.py", "-", input=source)
    assert result.exit_code == 0
    assert result.stdout == read(CASES_DIR / "tf1_zero_kernels.fixed.py")
    assert "Found 2 errors (2 fixed, 0 remaining)." in result.stderr


# ---------------------------------------------------------------- property: generated stacks

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st  # noqa: E402

_INITS = {
    "tf_layers": ["", ", kernel_initializer=tf.truncated_normal_initializer(stddev={s})",
                  ", kernel_initializer=tf.random_normal_initializer()", ", kernel_initializer=INIT"],
    "keras": ["", ", kernel_initializer=tf.keras.initializers.RandomNormal(stddev={s})",
              ", kernel_initializer='random_normal'", ", kernel_initializer=INIT"],
    "slim": ["", ", weights_initializer=tf.truncated_normal_initializer(stddev={s})", ", weights_initializer=INIT"],
    "variable": ["tf.random_normal([{i}, {o}])", "tf.truncated_normal([{i}, {o}], stddev={s})", "INIT([{i}, {o}])"],
}
_SHARED = {"tf_layers": "INIT = tf.truncated_normal_initializer(stddev={s})\n",
           "keras": "INIT = tf.keras.initializers.TruncatedNormal(stddev={s})\n",
           "slim": "INIT = tf.truncated_normal_initializer(stddev={s})\n",
           "variable": "INIT = lambda shape: tf.random_normal(shape, stddev={s})\n"}


@st.composite
def stacks(draw) -> str:
    family = draw(st.sampled_from(sorted(_INITS)))
    depth = draw(st.integers(1, 12))
    widths = [draw(st.sampled_from([32, 128, 512])) for _ in range(depth + 1)]
    stddev = draw(st.sampled_from(["0.001", "0.01", "0.1", "1.0"]))
    activation = draw(st.sampled_from(["relu", "tanh", None]))
    lines = ["import tensorflow as tf\n"]
    if family == "slim":
        lines.append("import tf_slim as slim\n")
    lines.append(_SHARED[family].format(s=stddev))
    if family == "keras":
        lines.append(f"x = tf.keras.Input(shape=({widths[0]},))\n")
    else:
        lines.append(f"x = tf.placeholder(tf.float32, [None, {widths[0]}])\n")
    for layer in range(depth):
        init = draw(st.sampled_from(_INITS[family])).format(s=stddev, i=widths[layer], o=widths[layer + 1])
        n = widths[layer + 1]
        last = layer == depth - 1
        act = None if last else activation
        if family == "tf_layers":
            a = f", activation=tf.nn.{act}" if act else ""
            lines.append(f"x = tf.layers.dense(x, {n}{a}{init})\n")
        elif family == "keras":
            a = f", activation='{act}'" if act else ""
            lines.append(f"x = tf.keras.layers.Dense({n}{a}{init})(x)\n")
        elif family == "slim":
            a = f", activation_fn=tf.nn.{act}" if act else ", activation_fn=None"
            lines.append(f"x = slim.fully_connected(x, {n}{a}{init})\n")
        else:
            lines.append(f"w{layer} = tf.Variable({init})\n")
            product = f"tf.matmul(x, w{layer})"
            lines.append(f"x = tf.nn.{act}({product})\n" if act else f"x = {product}\n")
    return "".join(lines)


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stacks())
def test_generated_stacks_fix_cleanly(source: str) -> None:
    outcome = fix_source(source, "gen.py", unsafe=True)
    cst.parse_module(outcome.source)
    compile(outcome.source, "gen.py", "exec")
    assert not fix_source(outcome.source, "gen.py", unsafe=True).changed
    remaining = {d.code for d in analyze_source(outcome.source, "gen.py").diagnostics}
    assert not remaining & {d.code for d in outcome.fixed}
    # what a fix does not touch stays byte for byte: every line either survives or was fixed
    if not outcome.fixed:
        assert outcome.source == source


def test_a_chain_of_layers_each_near_he_is_still_fixed_when_it_compounds() -> None:
    """Found by the property test: once the first layer is fixed, three 512-input layers at 1.4x He
    (each inside the band a chain fix leaves alone) still double the mean square each, and the
    INI101 that then appears on line 12 must get a fix too."""
    source = (
        "import tensorflow as tf\n"
        "x = tf.placeholder(tf.float32, [None, 32])\n"
        "w0 = tf.Variable(tf.random_normal([32, 512]))\n"
        "x = tf.nn.relu(tf.matmul(x, w0))\n"
        "w1 = tf.Variable(tf.truncated_normal([512, 512], stddev=0.1))\n"
        "x = tf.nn.relu(tf.matmul(x, w1))\n"
        "w2 = tf.Variable(tf.truncated_normal([512, 32], stddev=0.1))\n"
        "x = tf.nn.relu(tf.matmul(x, w2))\n"
        "w3 = tf.Variable(tf.random_normal([32, 512]))\n"
        "x = tf.nn.relu(tf.matmul(x, w3))\n"
        "w4 = tf.Variable(tf.truncated_normal([512, 32], stddev=0.1))\n"
        "x = tf.nn.relu(tf.matmul(x, w4))\n"
        "w5 = tf.Variable(tf.random_normal([32, 32]))\n"
        "x = tf.matmul(x, w5)\n"
    )
    outcome = fix_source(source, "gen.py", unsafe=True)
    assert [(d.code, d.span.line) for d in outcome.fixed if d.code == "INI101"] == [("INI101", 3), ("INI101", 11)]
    assert not outcome.result.diagnostics
    # the 1.4x layers now get He's 0.0625 (the truncated normal's stddev parameter is 0.0625 / 0.88)
    fixed_lines = outcome.source.splitlines()
    assert [line for line in fixed_lines if "stddev=0.07105" in line] == [fixed_lines[4], fixed_lines[6], fixed_lines[10]]


def test_no_fix_is_planned_when_no_finding_is_certain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planning reads the whole tree: a file whose findings cannot be fixed is not indexed."""
    from dataclasses import replace

    import initlint.fix.locate as locate
    from initlint.fix import plan_fixes

    source = "import tensorflow as tf\nh = tf.layers.dense(x, 10, kernel_initializer=tf.glorot_uniform_initializer)\n"
    result = analyze_source(source, "<string>")
    assert [d.code for d in result.diagnostics] == ["INI304"] and plan_fixes(result)
    uncertain = replace(result, diagnostics=tuple(replace(d, certain=False) for d in result.diagnostics))

    indexed: list[str] = []
    real = locate.index_source

    def counting(text: str):  # noqa: ANN202
        indexed.append(text)
        return real(text)

    monkeypatch.setattr(locate, "index_source", counting)
    assert plan_fixes(uncertain) == {}
    assert indexed == []
    assert plan_fixes(result) and indexed == [source]


@pytest.mark.parametrize("constructor", ["xavier_initializer()", "xavier_initializer_conv2d()",
                                         "variance_scaling_initializer()"])
def test_a_deprecated_initializer_message_names_first_what_its_fix_writes(constructor: str) -> None:
    source = ("import tensorflow as tf\n"
              f"w = tf.get_variable('w', [3, 3, 8, 8], initializer=tf.contrib.layers.{constructor})\n")
    fixed = attach_fixes(analyze_source(source, "m.py", Settings(dialect="tf1")))
    [finding] = [d for d in fixed.diagnostics if d.code == "INI305"]
    written = finding.fix.edits[0].content
    # the message said tf.keras.initializers.GlorotUniform() while the fix wrote the TF1 spelling
    assert finding.message.split("the equivalent is ", 1)[1].startswith(written.split("(", 1)[0] + "(")


def test_a_shared_initializer_fix_counts_layers_not_weights() -> None:
    # pix2pix's gen_conv: separable convs (a depthwise and a pointwise kernel each) through one
    # initializer were "(4 weights share it)" for two layers
    source = ("import tensorflow as tf\n"
              "init = tf.random_normal_initializer(0, 0.02)\n"
              "x = tf.placeholder(tf.float32, [None, 32, 32, 64])\n"
              "for i in range(2):\n"
              "    x = tf.layers.separable_conv2d(x, 64, 4, padding='same', depthwise_initializer=init,\n"
              "                                   pointwise_initializer=init, activation=tf.nn.relu)\n"
              "y = tf.layers.dense(tf.layers.flatten(x), 10)\n")
    fixed = attach_fixes(analyze_source(source, "m.py", Settings(dialect="tf1")))
    messages = {d.fix.message for d in fixed.diagnostics if d.fix is not None}
    assert any("(2 layers use it)" in message for message in messages), messages


def test_a_shared_he_fix_says_what_it_gives_the_layers_without_a_relu() -> None:
    # DDPG's init_w serves two ReLU layers and the tanh layer the finding is on: the fix gives all
    # three He, and said so as if the tanh layer's LeCun reference did not exist
    source = ("import tensorflow as tf\n"
              "s = tf.placeholder(tf.float32, [None, 24])\n"
              "init_w = tf.random_normal_initializer(0., 0.01)\n"
              "h = tf.layers.dense(s, 500, tf.nn.relu, kernel_initializer=init_w)\n"
              "h = tf.layers.dense(h, 200, tf.nn.relu, kernel_initializer=init_w)\n"
              "h = tf.layers.dense(h, 200, tf.nn.tanh, kernel_initializer=init_w)\n"
              "q = tf.layers.dense(h, 1)\n")
    fixed = attach_fixes(analyze_source(source, "m.py", Settings(dialect="tf1")))
    [finding] = [d for d in fixed.diagnostics if d.code == "INI102"]
    assert finding.span.line == 6 and finding.data["reference"] == "lecun"
    assert finding.fix.message.endswith("(3 layers use it; the 1 without a ReLU gets 1.41x LeCun's std)"), \
        finding.fix.message


def test_a_chain_fix_keeps_a_small_final_layer_but_not_a_final_relu_one() -> None:
    # image-segmentation-keras' VGG encoder: its last conv (ReLU, read by the decoder) stayed at
    # Glorot, as if it were small logits
    layers = "".join("x = tf.layers.dense(x, 256, activation=tf.nn.relu)\n" for _ in range(12))
    source = "import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 256])\n" + layers
    fixed = attach_fixes(analyze_source(source, "m.py", Settings(dialect="tf1")))
    [finding] = [d for d in fixed.diagnostics if d.code == "INI104"]
    assert finding.fix.message.startswith("Re-initialize 12 layers with He"), finding.fix.message
    logits = attach_fixes(analyze_source(source + "y = tf.layers.dense(x, 10, kernel_initializer="
                                         "tf.random_normal_initializer(stddev=0.001))\n", "m.py", Settings(dialect="tf1")))
    [finding] = [d for d in logits.diagnostics if d.code == "INI104"]
    assert finding.fix.message.startswith("Re-initialize 12 layers with He"), finding.fix.message


def test_a_numpy_initial_value_gets_no_fix() -> None:
    # cleverhans: the unsafe fix wrote `tf.Variable(tf.variance_scaling_initializer(...).astype(np.float32))`
    # and `get_variable(initializer=<an initializer>)` without the shape the array gave: both fail in TF
    source = ("import numpy as np\nimport tensorflow as tf\n\nx = tf.placeholder(tf.float32, [None, 256])\n"
              "w = tf.get_variable('w', initializer=np.random.uniform(0, 0.1, size=(256, 128)).astype(np.float32))\n"
              "v = tf.Variable(np.random.uniform(0, 0.1, size=(128, 64)).astype(np.float32))\n"
              "h = tf.nn.relu(tf.matmul(x, w))\ny = tf.matmul(h, v)\n")
    found = lint(source)
    assert found and all(d.fix is None for d in found)
    assert fixed_text(source) == source
