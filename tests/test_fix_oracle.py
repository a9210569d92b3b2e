"""The fix oracle: fixed networks run in real TensorFlow keep a healthy signal through the stack.

For each network below (a before/after pair of tests/fix_cases), the fixed text that
`initlint --fix --unsafe-fixes` writes is checked to be the pair's `.fixed.py`, then run by
tests/oracle/tf_runner.py (graph mode, tf_keras, tf_slim; standard-normal inputs, seeded); every
measured pre-activation mean square must lie within [0.1, 10]. For one network per family whose
findings are about the signal (INI101 exploding, INI102 vanishing, INI104 Glorot on a deep ReLU
stack), the code as written is run too and must leave that band: the band is what the fix changed.

A layer whose kernel TensorFlow made exactly zero is not held to the band: a zero-initialized
output layer is legitimate (INI201 flags only hidden layers) and the fix leaves it alone.

Left out, with the reason: keras_random_normal_init and slim_contrib_deprecated stack two max
pools over ReLU outputs; for standard-normal (uncorrelated) inputs each pool raises the mean
square (signal-propagation.md), which no initializer change removes, so their dense layers sit
near or above 10 after the fix as they would with any He-initialized network.

Skips cleanly when TensorFlow (with tf_keras; tf_slim for slim networks) is not installed.
Neither TensorFlow nor a network is imported into this process.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from initlint.fix import fix_source

REPO = Path(__file__).resolve().parent.parent
RUNNER = REPO / "tests" / "oracle" / "tf_runner.py"
CASES_DIR = REPO / "tests" / "fix_cases"
TIMEOUT = int(os.environ.get("INITLINT_ORACLE_TIMEOUT", "300"))
LOW, HIGH = 0.1, 10.0

# network -> whether the code as written is run too and must leave the band (one per family whose
# findings are about the signal; TensorFlow's start-up dominates, so not every network runs twice)
NETWORKS = {
    "keras_deep_relu_defaults": True,
    "keras_from_imports": False,
    "keras_in_variable_scope": False,
    "slim_arg_scope_missed_op": False,
    "slim_deep_defaults": True,
    "tf1_compat_alias_mlp": False,
    "tf1_layers_multiline_defaults": False,
    "tf1_scope_reaches_biases": False,
    "tf1_uncalled_and_deprecated": False,
    "tf1_variables_crlf": True,
    "tf1_zero_kernels": False,
    "tf2_compat_layers_scope": False,
    "variable_helpers_vanishing": True,
}


def _missing() -> str | None:
    for module, package in (("tensorflow", "tensorflow-cpu"), ("tf_keras", "tf-keras")):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install {package}); the fix oracle needs real TensorFlow"
    return None


def _needs_slim(text: str) -> bool:
    return bool(re.search(r"\bslim\b|\bcontrib\b", text))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(TF_USE_LEGACY_KERAS="1", TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", PYTHONHASHSEED="0",
               OMP_NUM_THREADS="1")
    return env


def _run(path: Path) -> dict:
    cmd = [sys.executable, str(RUNNER), str(path), "--timeout", str(TIMEOUT - 20)]
    try:
        proc = subprocess.run(cmd, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": f"the TensorFlow runner did not finish within {TIMEOUT} s"}
    lines = proc.stdout.strip().splitlines()
    try:
        result = json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        result = None
    if not isinstance(result, dict):
        return {"error": f"the runner printed no JSON (exit {proc.returncode}): {proc.stderr[-2000:]}"}
    return result


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[tuple[str, str], dict]:
    """Every run this module needs, two TensorFlow processes at a time (TensorFlow's import dominates)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("fix_oracle")
    jobs: dict[tuple[str, str], Path] = {}
    for name, before_fails in NETWORKS.items():
        before = (CASES_DIR / f"{name}.py").read_bytes().decode("utf-8")
        if _needs_slim(before) and importlib.util.find_spec("tf_slim") is None:
            continue
        fixed = fix_source(before, f"{name}.py", unsafe=True).source
        after_path = folder / f"{name}.py"  # the runner infers the dialect from the text
        after_path.write_bytes(fixed.encode("utf-8"))
        jobs[(name, "fixed")] = after_path
        if before_fails:
            jobs[(name, "before")] = CASES_DIR / f"{name}.py"
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        results = dict(zip(jobs, pool.map(_run, jobs.values())))
    return results


def _layers(result: dict) -> list[tuple[str, float]]:
    """(variable, measured pre-activation mean square) for every layer whose kernel is not all zeros."""
    zero = {v["name"] for v in result.get("variables", []) if v.get("std") == 0 and v.get("mean") == 0}
    return [(a["variable"], a["mean_square"]) for a in result["activations"] if a["variable"] not in zero]


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_fixed_network_keeps_the_signal_in_band(name: str, measured) -> None:
    if (name, "fixed") not in measured:
        pytest.skip("tf_slim is not installed (pip install tf-slim)")
    fixed = fix_source((CASES_DIR / f"{name}.py").read_bytes().decode("utf-8"), f"{name}.py", unsafe=True).source
    assert fixed == (CASES_DIR / f"{name}.fixed.py").read_bytes().decode("utf-8")
    result = measured[(name, "fixed")]
    assert "error" not in result, result.get("error")
    layers = _layers(result)
    assert layers, "the runner measured no layer"
    outside = [(variable, ms) for variable, ms in layers if not LOW <= ms <= HIGH]
    assert not outside, f"pre-activation mean square outside [{LOW}, {HIGH}] after the fix: {outside}"


@pytest.mark.parametrize("name", sorted(n for n, before_fails in NETWORKS.items() if before_fails))
def test_the_code_as_written_leaves_the_band(name: str, measured) -> None:
    if (name, "before") not in measured:
        pytest.skip("tf_slim is not installed (pip install tf-slim)")
    result = measured[(name, "before")]
    assert "error" not in result, result.get("error")
    assert any(not LOW <= ms <= HIGH for _, ms in _layers(result)), "the fix had nothing to repair"
