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
