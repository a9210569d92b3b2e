"""The seed case: the TF layers MNIST tutorial CNN with truncated_normal(stddev=0.1) on every kernel."""
from __future__ import annotations

import re
from pathlib import Path

from initlint.engine import analyze_source

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "oracle" / "mnist_cnn_truncated_normal.py"


def _line_of(source: str, needle: str) -> int:
    return next(number for number, text in enumerate(source.splitlines(), 1) if needle in text)


def test_the_dense_layer_gets_the_warning_with_the_numbers() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    result = analyze_source(source, str(FIXTURE))
    dense_line = _line_of(source, "units=1024")
    findings = [d for d in result.diagnostics if d.code == "INI101"]
    assert [(d.span.line, d.severity) for d in findings] == [(dense_line, "warning")]
    message = findings[0].message
    assert re.search(r"std 0\.088 is 3\.5x He's 0\.0253 for fan_in 3136", message), message
    growth = findings[0].data["growth_over_default"]
    assert 1000 < growth < 3000, growth  # the reference measured ~1400x (154 vs 0.113)
    assert f"{growth:.3g}x what the default initializers give" in message


def test_the_default_initialized_cnn_stays_quiet() -> None:
    path = FIXTURE.with_name("mnist_cnn_defaults.py")
    result = analyze_source(path.read_text(encoding="utf-8"), str(path))
    assert [d for d in result.diagnostics if d.severity != "info"] == []
