"""The rule registry: unique codes and names, documentation sections, and every example run as a test."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from initlint.engine import analyze_source
from initlint.rules import RULES
from initlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [(rule, index, example) for rule in RULES for index, example in enumerate(rule.examples)]


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"INI\d{3}", rule.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
        assert rule.severity in ("error", "warning", "info")


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_documentation_has_the_sections(rule) -> None:
    for section in ("## What it does", "## Why is this bad?", "## Example", "Use instead"):
        assert section in rule.doc, f"{rule.code} lacks {section}"


@pytest.mark.parametrize("rule", [r for r in RULES if not r.code.startswith("INI9")],
                         ids=[r.code for r in RULES if not r.code.startswith("INI9")])
def test_every_check_rule_has_a_firing_and_a_quiet_example(rule) -> None:
    assert any(example.expected for example in rule.examples)
    assert any(not example.expected for example in rule.examples)


@pytest.mark.parametrize("rule,index,example", EXAMPLES, ids=[f"{r.code}-{i}" for r, i, _ in EXAMPLES])
def test_rule_example(rule, index, example) -> None:
    result = analyze_source(example.source, "example.py", Settings(dialect=example.dialect))
    codes = sorted({d.code for d in result.diagnostics})
    if example.expected:
        assert rule.code in codes, f"{rule.code} example {index} should fire: {result.diagnostics}"
    else:
        assert rule.code not in codes, f"{rule.code} example {index} should stay quiet: {result.diagnostics}"
    assert sorted(set(codes) - {rule.code}) == sorted(set(example.expected) - {rule.code}), \
        f"{rule.code} example {index}: other codes {codes}"


def test_readme_rule_table_is_in_sync() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->")[1].split("<!-- rules:end -->")[0]
    rows = [line for line in table.splitlines() if line.startswith("| INI")]
    expected = [f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in RULES]
    assert rows == expected, "regenerate the README rule table: python -m initlint.rules.table"


def test_a_constant_conv_kernel_counts_its_output_channels_as_units() -> None:
    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 32, 32, 16])\n"
              "h = tf.layers.conv2d(x, 64, 3, kernel_initializer=tf.zeros_initializer(), activation=tf.nn.relu)\n"
              "t = tf.layers.conv2d_transpose(h, 8, 3, kernel_initializer=tf.zeros_initializer(), activation=tf.nn.relu)\n"
              "y = tf.layers.conv2d(t, 10, 3)\n")
    found = [d for d in analyze_source(source, "model.py", Settings(dialect="tf1")).diagnostics if d.code == "INI201"]
    assert [(d.span.line, re.search(r"all (\d+) units", d.message).group(1)) for d in found] == [(3, "64"), (4, "8")]


def test_a_constant_kernel_is_reported_only_where_its_units_cannot_learn_apart() -> None:
    # field trial R: a zero last conv of a residual branch (Fixup) trains, each unit getting its own
    # gradient through the random layer after it (TensorFlow: the step-0 gradients differ across
    # channels); a constant layer after a constant layer, or 0 into a ReLU, does not
    fixup = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 32, 32, 64])\n"
             "h = tf.layers.conv2d(x, 64, 3, padding='same', activation=tf.nn.relu)\n"
             "h = tf.layers.conv2d(h, 64, 3, padding='same', kernel_initializer=tf.zeros_initializer())\n"
             "net = tf.nn.relu(x + h)\n"
             "y = tf.layers.dense(tf.layers.flatten(net), 10)\n")
    assert not [d for d in analyze_source(fixup, "model.py", Settings(dialect="tf1")).diagnostics if d.code == "INI201"]
    symmetric = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 64])\n"
                 "a = tf.layers.dense(x, 32, kernel_initializer=tf.constant_initializer(0.5), activation=tf.nn.tanh)\n"
                 "b = tf.layers.dense(a, 32, kernel_initializer=tf.constant_initializer(0.5), activation=tf.nn.tanh)\n"
                 "c = tf.layers.dense(b, 10)\n")
    found = [d for d in analyze_source(symmetric, "model.py", Settings(dialect="tf1")).diagnostics if d.code == "INI201"]
    assert [d.span.line for d in found] == [3]  # b is followed by a random layer: it learns apart
    assert "the layer after it is constant too" in found[0].message


def test_a_deep_glorot_stack_names_the_factor_that_compounds_to_what_the_layer_receives() -> None:
    source = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 128])\n"
              "for i in range(12):\n    x = tf.layers.dense(x, 128, activation=tf.nn.relu)\n")
    found = [d for d in analyze_source(source, "model.py", Settings(dialect="tf1")).diagnostics if d.code == "INI104"]
    assert found
    match = re.search(r"(\d+) layers each multiply the mean square by about ([\d.e+-]+), so this layer receives "
                      r"([\d.e+-]+)", found[0].message)
    depth, factor, received = int(match.group(1)), float(match.group(2)), float(match.group(3))
    assert abs(factor ** depth / received - 1) < 0.05  # 0.55 (an arithmetic mean) would give 2.5x
