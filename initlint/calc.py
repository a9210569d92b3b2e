"""`initlint calc`: the fans, the standard initializers and the gain of one layer, without any code."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import libcst as cst

from initlint.analysis.initializers import (KERAS_CONSTRUCTORS, SLIM_CONSTRUCTORS, TF_CONSTRUCTORS, compute_fans,
                                            moments, reference_stds)
from initlint.analysis.signal import activate

LAYER_KINDS = ("dense", "conv1d", "conv2d", "conv3d", "conv2d_transpose", "depthwise_conv2d")
STANDARD = ("glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal")


class CalcError(ValueError):
    """A calc request that cannot be answered (unknown initializer, bad numbers)."""


@dataclass(frozen=True, slots=True)
class CalcResult:
    kind: str
    shape: tuple[int, ...]
    fan_in: int
    fan_out: int
    signal_fan_in: int
    standard: dict[str, tuple[float, float]]  # name -> (limit or std parameter, std of the values)
    chosen: str | None
    chosen_std: float | None
    chosen_mean: float | None
    activation: str
    activation_factor: float
    gain: float | None
    depth: int
    gain_over_depth: float | None


def kernel_shape(kind: str, fan_in_channels: int, out_channels: int, kernel: int, depth_multiplier: int = 1) -> tuple[int, ...]:
    if kind == "dense":
        return (fan_in_channels, out_channels)
    rank = {"conv1d": 1, "conv2d": 2, "conv3d": 3, "conv2d_transpose": 2, "depthwise_conv2d": 2}[kind]
    spatial = (kernel,) * rank
    if kind == "conv2d_transpose":
        return (*spatial, out_channels, fan_in_channels)
    if kind == "depthwise_conv2d":
        return (*spatial, fan_in_channels, depth_multiplier)
    return (*spatial, fan_in_channels, out_channels)


def parse_initializer(text: str, dialect: str) -> tuple[str, dict[str, Any], str]:
    """`truncated_normal(stddev=0.1)` -> (canonical name, params, arithmetic). Literals only: nothing is run."""
    try:
        expression = cst.parse_expression(text)
    except cst.ParserSyntaxError as error:
        raise CalcError(f"cannot read the initializer {text!r}: {error.message}") from None
    name_node = expression.func if isinstance(expression, cst.Call) else expression
    name = _dotted(name_node).rsplit(".", 1)[-1]
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for arg in expression.args if isinstance(expression, cst.Call) else ():
        value = _literal(arg.value)
        if arg.keyword is not None:
            keywords[arg.keyword.value] = value
        else:
            positional.append(value)
    table_name = name if name in TF_CONSTRUCTORS or name in SLIM_CONSTRUCTORS else (
        f"{name}_initializer" if f"{name}_initializer" in TF_CONSTRUCTORS and dialect == "tf1" else name)
    constructor = TF_CONSTRUCTORS.get(table_name) or SLIM_CONSTRUCTORS.get(table_name) or KERAS_CONSTRUCTORS.get(name)
    if constructor is None:
        raise CalcError(f"unknown initializer {name!r}")
    defaults = constructor.defaults
    if dialect == "tf2" and constructor.tf2_defaults is not None:
        defaults = constructor.tf2_defaults
    params = dict(defaults)
    params.update(dict(zip(constructor.params, positional)))
    params.update(keywords)
    canonical = constructor.name
    if canonical == "xavier":
        canonical = "glorot_uniform" if params.get("uniform", True) else "glorot_normal"
    return canonical, params, constructor.arithmetic


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    raise CalcError("an initializer is written as a name or a call, e.g. he_normal or truncated_normal(stddev=0.1)")


def _literal(node: cst.BaseExpression) -> Any:
    if isinstance(node, (cst.Integer, cst.Float, cst.SimpleString)):
        return node.evaluated_value
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return -_literal(node.expression)
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[node.value]
    raise CalcError("initializer arguments must be literal numbers, strings or booleans")


def calculate(kind: str, in_channels: int, out_channels: int, kernel: int = 1, init: str | None = None,
              activation: str = "linear", depth: int = 1, dialect: str = "tf1", stride: int = 1,
              depth_multiplier: int = 1) -> CalcResult:
    if kind not in LAYER_KINDS:
        raise CalcError(f"unknown layer kind {kind!r}; one of {', '.join(LAYER_KINDS)}")
    if min(in_channels, out_channels, kernel, depth, stride, depth_multiplier) < 1:
        raise CalcError("sizes, depth and stride must be positive")
    shape = kernel_shape(kind, in_channels, out_channels, kernel, depth_multiplier)
    fan_in, fan_out = compute_fans(shape)
    assert fan_in is not None and fan_out is not None
    rank = len(shape) - 2
    if kind == "conv2d_transpose":
        signal_fan_in = max(1, round(kernel ** rank * in_channels / stride ** rank))
    elif kind == "depthwise_conv2d":
        signal_fan_in = kernel ** rank
    else:
        signal_fan_in = fan_in
    standard: dict[str, tuple[float, float]] = {}
    for name in STANDARD:
        std, _ = moments(name, {}, shape)
        assert std is not None
        parameter = std * math.sqrt(3) if name.endswith("uniform") else std / 0.87962566103423978
        standard[name] = (parameter, std)
    chosen = chosen_std = chosen_mean = gain = gain_over_depth = None
    factor = activate(activation, 1.0)[0] if activation != "linear" else 1.0
    if init is not None:
        chosen, params, arithmetic = parse_initializer(init, dialect)
        chosen_std, chosen_mean = moments(chosen, params, shape, arithmetic)
        if chosen_std is not None and chosen_mean is not None:
            second_moment = chosen_std ** 2 + chosen_mean ** 2
            gain = signal_fan_in * second_moment * factor
            gain_over_depth = gain ** depth
    return CalcResult(kind, shape, fan_in, fan_out, signal_fan_in, standard, chosen, chosen_std, chosen_mean,
                      activation, factor, gain, depth, gain_over_depth)


def render(result: CalcResult) -> str:
    refs = reference_stds(result.fan_in, result.fan_out)
    lines = [f"{result.kind} kernel shape {list(result.shape)}: fan_in {result.fan_in}, fan_out {result.fan_out}"
             + (f", signal fan-in {result.signal_fan_in}" if result.signal_fan_in != result.fan_in else ""),
             "", f"  {'initializer':<16} {'parameter':>18} {'std':>10}"]
    for name, (parameter, std) in result.standard.items():
        label = "limit" if name.endswith("uniform") else "stddev"
        lines.append(f"  {name:<16} {label + ' ' + format(parameter, '.5g'):>18} {std:>10.5g}")
    lines.append("")
    lines.append(f"activation {result.activation}: E[phi(y)^2] = {result.activation_factor:.3g} E[y^2]")
    if result.chosen is not None:
        if result.chosen_std is None:
            lines.append(f"{result.chosen}: std not known for this shape")
        else:
            he = refs["he"] or 0.0
            lines.append(f"{result.chosen}: std {result.chosen_std:.5g} (mean {result.chosen_mean:.3g}), "
                         f"{result.chosen_std / he:.3g}x He, {result.chosen_std / (refs['glorot'] or 1):.3g}x Glorot, "
                         f"{result.chosen_std / (refs['lecun'] or 1):.3g}x LeCun")
            lines.append(f"gain per layer {result.gain:.4g}; over {result.depth} layer(s) {result.gain_over_depth:.4g}")
    return "\n".join(lines) + "\n"
