"""Every fixture under fixtures/ states its expected findings and weights next to the code.

`# expect: CODE[, CODE]` and `# explain: <role> <initializer> <source> key=value ...; ...` markers;
the syntax is documented in README.md ("Fixture markers").
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

import pytest

from initlint.engine import analyze_source
from initlint.model import Weight
from initlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.py"))
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)")
_EXPLAIN = re.compile(r"#\s*explain:\s*(.*?)(?=\s+#\s*expect:|$)")
_HEADER = re.compile(r"#\s*fixture:\s*(.*)")


def _settings(source: str) -> Settings:
    for line in source.splitlines()[:10]:
        match = _HEADER.search(line)
        if match:
            options = dict(item.split("=", 1) for item in match.group(1).split())
            return Settings(dialect=options.get("dialect", "auto"))
    return Settings()


def _matches(weight: Weight, role: str, name: str, source: str, checks: dict[str, str]) -> str | None:
    """None when the weight fits the clause, else what differs."""
    if weight.role != role:
        return f"role {weight.role} != {role}"
    if weight.initializer.name != name:
        return f"initializer {weight.initializer.name} != {name}"
    if weight.initializer.source != source:
        return f"source {weight.initializer.source} != {source}"
    for key, expected in checks.items():
        if key == "count":
            continue
        if key == "shape":
            got = "none" if weight.shape is None else "x".join("?" if d is None else str(d) for d in weight.shape)
            if got != expected:
                return f"shape {got} != {expected}"
            continue
        if key == "certain":
            if str(weight.certain).lower() != expected.lower():
                return f"certain {weight.certain} != {expected}"
            continue
        if key == "when":  # the undecided `if`s it is made under: `5` its body, `!5` its else, `5,!9`, `-` none
            got = ",".join(f"{'' if c.holds else '!'}{c.line}" for c in weight.conditions) or "-"
            if got != expected:
                return f"when {got} != {expected}"
            continue
        if key == "activation":
            got = weight.activation or "none"
            if got != expected:
                return f"activation {got} != {expected}"
            continue
        actual = {"fan_in": weight.fan_in, "fan_out": weight.fan_out, "std": weight.std, "mean": weight.mean,
                  "ms": weight.signal.mean_square, "gain": weight.signal.gain,
                  "backward": weight.signal.backward_gain}.get(key, "unknown-key")
        if actual == "unknown-key":
            return f"unknown marker key {key}"
        if expected in ("none", "null", "?"):
            if actual is not None:
                return f"{key} {actual} != unknown"
            continue
        if actual is None:
            return f"{key} unknown != {expected}"
        if key in ("ms", "gain", "backward"):
            # markers may hold TensorFlow's measurement: the numeric model is held to a factor of 1.5
            # here (the oracle tier holds it to 3 on every layer it can measure)
            ratio = float(actual) / float(expected) if float(expected) else math.inf
            if not (1 / 1.5 <= ratio <= 1.5) and not math.isclose(float(actual), float(expected), abs_tol=1e-9):
                return f"{key} {actual:.6g} != {expected} (beyond a factor of 1.5)"
            continue
        if not math.isclose(float(actual), float(expected), rel_tol=0.02, abs_tol=1e-6):
            return f"{key} {actual:.6g} != {expected}"
    return None


@pytest.mark.parametrize("path", FIXTURES, ids=[str(p.relative_to(ROOT)) for p in FIXTURES])
def test_fixture(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = analyze_source(source, str(path), _settings(source))
    lines = source.splitlines()

    expected_codes: dict[int, set[str]] = defaultdict(set)
    clauses: dict[int, list[tuple[str, str, str, dict[str, str]]]] = defaultdict(list)
    for number, text in enumerate(lines, start=1):
        match = _EXPECT.search(text)
        if match:
            expected_codes[number] = {code.strip() for code in match.group(1).split(",") if code.strip()}
        match = _EXPLAIN.search(text)
        if match:
            for clause in match.group(1).split(";"):
                words = clause.split()
                if not words:
                    continue
                assert len(words) >= 3, f"{path.name}:{number}: a clause needs role, initializer, source"
                checks = dict(word.split("=", 1) for word in words[3:])
                clauses[number].append((words[0], words[1], words[2], checks))

    got_codes: dict[int, set[str]] = defaultdict(set)
    for diagnostic in result.diagnostics:
        got_codes[diagnostic.span.line].add(diagnostic.code)
    problems = []
    for number in sorted(set(expected_codes) | set(got_codes)):
        if expected_codes.get(number, set()) != got_codes.get(number, set()):
            messages = [d.message for d in result.diagnostics if d.span.line == number]
            problems.append(f"line {number}: expected {sorted(expected_codes.get(number, []))}, "
                            f"got {sorted(got_codes.get(number, []))} {messages}")

    if clauses:
        by_line: dict[int, list[Weight]] = defaultdict(list)
        for weight in result.weights:
            by_line[weight.anchor.line].append(weight)
        for number in sorted(set(clauses) | set(by_line)):
            remaining = list(by_line.get(number, []))
            for role, name, source_kind, checks in clauses.get(number, []):
                count = int(checks.get("count", "1"))
                for _ in range(count):
                    reasons = [_matches(w, role, name, source_kind, checks) for w in remaining]
                    if None in reasons:
                        remaining.pop(reasons.index(None))
                    else:
                        problems.append(f"line {number}: no weight matches `{role} {name} {source_kind} "
                                        f"{checks}`: {'; '.join(r for r in reasons if r) or 'no weights here'}")
                        break
            for weight in remaining:
                problems.append(f"line {number}: unexpected weight {weight.role} {weight.initializer.name} "
                                f"{weight.initializer.source} shape={weight.shape} std={weight.std}")
    assert not problems, f"{path.relative_to(ROOT)}:\n  " + "\n  ".join(problems)
