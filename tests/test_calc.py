"""`initlint calc`: fans, standard initializers and gains for one layer, checked against the references."""
from __future__ import annotations

import math

import pytest
from click.testing import CliRunner

from initlint.calc import CalcError, calculate, parse_initializer
from initlint.cli import main


def test_mnist_dense_layer_is_3_5x_he_with_gain_12() -> None:
    result = calculate("dense", 3136, 1024, init="truncated_normal(stddev=0.1)", activation="relu", depth=3)
    assert (result.fan_in, result.fan_out) == (3136, 1024)
    assert result.chosen_std == pytest.approx(0.08796, rel=1e-3)
    assert result.chosen_std / result.standard["he_normal"][1] == pytest.approx(3.48, rel=0.01)
    assert result.gain == pytest.approx(12.13, rel=0.01)  # signal-propagation.md §6
    assert result.gain_over_depth == pytest.approx(12.13 ** 3, rel=0.03)


def test_standard_initializers_match_the_reference_table() -> None:
    result = calculate("conv2d", 64, 128, kernel=3)
    assert (result.fan_in, result.fan_out) == (576, 1152)
    assert result.standard["glorot_uniform"][0] == pytest.approx(0.05893, rel=1e-3)  # limit, §6.2
    assert result.standard["he_normal"][0] == pytest.approx(0.06699, rel=1e-3)  # stddev parameter
    assert result.standard["he_uniform"][0] == pytest.approx(0.10206, rel=1e-3)


def test_transposed_conv_swaps_fans_and_uses_the_true_signal_fan_in() -> None:
    result = calculate("conv2d_transpose", 128, 64, kernel=3, stride=2)
    assert result.shape == (3, 3, 64, 128)
    assert (result.fan_in, result.fan_out) == (576, 1152)
    assert result.signal_fan_in == round(9 * 128 / 4)


def test_tf1_and_tf2_defaults_differ() -> None:
    assert parse_initializer("random_normal_initializer()", "tf1")[1]["stddev"] == 1.0
    assert parse_initializer("random_normal_initializer()", "tf2")[1]["stddev"] == 0.05
    name, params, arithmetic = parse_initializer("variance_scaling_initializer(factor=2.0)", "tf1")
    assert (name, arithmetic) == ("variance_scaling", "tf")


def test_he_on_relu_has_unit_gain() -> None:
    result = calculate("dense", 512, 512, init="he_normal", activation="relu", depth=20)
    assert result.gain == pytest.approx(1.0, rel=1e-6)
    assert math.isclose(result.gain_over_depth, 1.0, rel_tol=1e-5)


def test_bad_requests_are_errors_not_tracebacks() -> None:
    with pytest.raises(CalcError):
        parse_initializer("__import__('os').system('true')", "tf1")
    with pytest.raises(CalcError):
        calculate("dense", 0, 10)
    runner = CliRunner()
    result = runner.invoke(main, ["calc", "dense", "--in", "10", "--out", "10", "--init", "no_such_init()"])
    assert result.exit_code == 2
    assert "unknown initializer" in result.stderr


def test_cli_prints_fans_and_gain() -> None:
    result = CliRunner().invoke(main, ["calc", "dense", "--in", "3136", "--out", "1024", "--init",
                                       "truncated_normal(stddev=0.1)", "--act", "relu"])
    assert result.exit_code == 0
    assert "fan_in 3136, fan_out 1024" in result.stdout
    assert "3.48x He" in result.stdout
    assert "gain per layer 12.13" in result.stdout
