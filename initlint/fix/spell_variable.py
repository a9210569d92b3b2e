"""`tf.Variable(<random op>)` spellings: the random op that makes a variable's initial value,
rescaled to the variable's fans.

* A literal shape (`[784, 256]`, `[7 * 7 * 64, 1024]`): the number is computed here. A normal op
  with a zero mean keeps everything and gets `stddev=<number>` (divided by 0.8796 for
  `truncated_normal`, whose values are cut at 2 sigma); any other op (`tf.zeros`, a uniform op,
  a non-zero mean) becomes `tf.random_normal(<shape>, stddev=<number>)`.
* Any other shape (a helper's `shape` parameter): the op becomes a fan-based initializer called
  on that shape, `tf.variance_scaling_initializer(scale=2.0)(shape)`, which computes the fans
  from the run-time shape exactly as a layer would.
"""
from __future__ import annotations

import math

import libcst as cst

from initlint.analysis.initializers import TRUNCATED_STD, compute_fans
from initlint.fix import spell_keras, spell_tf1
from initlint.fix.arguments import find_argument, set_argument
from initlint.fix.locate import SourceIndex, dotted
from initlint.model import Edit, Weight

SCALE = {"he": 2.0, "lecun": 1.0}
# (op name) -> (parameter order, distribution)
OPS = {
    "random_normal": (("shape", "mean", "stddev", "dtype", "seed"), "normal"),
    "truncated_normal": (("shape", "mean", "stddev", "dtype", "seed"), "truncated"),
    "random.normal": (("shape", "mean", "stddev", "dtype", "seed"), "normal"),
    "random.truncated_normal": (("shape", "mean", "stddev", "dtype", "seed"), "truncated"),
    "random_uniform": (("shape", "minval", "maxval", "dtype", "seed"), "uniform"),
    "random.uniform": (("shape", "minval", "maxval", "dtype", "seed"), "uniform"),
    "zeros": (("shape", "dtype"), "constant"),
    "ones": (("shape", "dtype"), "constant"),
}


def op_key(api: str | None) -> str | None:
    """`tf.random_normal` -> `random_normal`, `tf.random.normal` -> `random.normal`."""
    if api is None or not api.startswith("tf."):
        return None
    key = api[3:]
    return key if key in OPS else None


def number(value: float) -> str:
    return format(value, ".4g")


def _literal_int(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.Integer):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Add,
                                                                             cst.Subtract, cst.FloorDivide)):
        return _literal_int(node.left) and _literal_int(node.right)
    return False


def literal_shape(node: cst.BaseExpression | None) -> bool:
    """`[784, 256]` or `(5, 5, 1, 32)`: every dimension an integer literal (or literal arithmetic)."""
    if not isinstance(node, (cst.List, cst.Tuple)) or not node.elements:
        return False
    return all(isinstance(e, cst.Element) and _literal_int(e.value) for e in node.elements)


def _zero(node: cst.BaseExpression | None) -> bool:
    if node is None:
        return True
    if isinstance(node, (cst.Integer, cst.Float)):
        try:
            return float(node.value) == 0.0
        except ValueError:
            return False
    return False


def rescale(index: SourceIndex, dialect: str, call: cst.Call, api: str, kind: str, members: list[Weight]
            ) -> tuple[tuple[Edit, ...], str] | None:
    """Edits that make the random op at `call` draw with He / LeCun's std for its fans, and a
    description; None if this op cannot be rewritten safely."""
    key = op_key(api)
    if key is None:
        return None
    params, distribution = OPS[key]
    func = dotted(call.func)
    if func is None:
        return None
    shape_arg = find_argument(call, "shape", 0)
    if shape_arg is None:
        return None
    shape_text = index.code(shape_arg.value)
    dtype_arg = find_argument(call, "dtype", params.index("dtype"))
    seed_arg = find_argument(call, "seed", params.index("seed")) if "seed" in params else None
    shapes = {member.shape for member in members}
    label = {"he": "He", "lecun": "LeCun"}[kind]
    if literal_shape(shape_arg.value) and len(shapes) == 1:
        shape = next(iter(shapes))
        fan_in, _ = compute_fans(shape)
        if not fan_in:
            return None
        std = math.sqrt(SCALE[kind] / max(1, fan_in))
        if distribution in ("normal", "truncated") and _zero(
                (found := find_argument(call, "mean", 1)) and found.value):
            sigma = std / TRUNCATED_STD if distribution == "truncated" else std
            edit = set_argument(index, call, "stddev", 2, number(sigma))
            if edit is None:
                return None
            note = f" (the truncation at 2 sigma leaves std {number(std)})" if distribution == "truncated" else ""
            return (edit,), f"stddev={number(sigma)}{note}: {label}'s std for fan_in {fan_in}"
        # another distribution, or a mean: a zero-mean normal op in the same namespace
        if distribution in ("normal", "truncated"):
            function = func
            sigma = std / TRUNCATED_STD if distribution == "truncated" else std
        else:
            base = func.rsplit(".", 1)[0]
            if base.endswith(".random"):
                function = f"{base}.normal"
            else:
                function = f"{base}.random.normal" if dialect == "tf2" else f"{base}.random_normal"
            sigma = std
        extra = "".join(f", {name}={index.code(arg.value)}" for name, arg in (("dtype", dtype_arg), ("seed", seed_arg))
                        if arg is not None)
        text = f"{function}({shape_text}, stddev={number(sigma)}{extra})"
        span = index.span_of(call)
        if span is None:
            return None
        return (Edit(text, span),), f"`{function}(..., stddev={number(sigma)})`: {label}'s std for fan_in {fan_in}"
    # a shape known only at run time: an initializer computes the fans from it
    if dialect == "tf2" and not index.names_for(("tensorflow.compat.v1",)):
        found_init = spell_keras.instance(index, dialect, kind)
        seed_text = ""
    else:
        found_init = spell_tf1.fan_based(index, dialect, kind)
        seed_text = "" if seed_arg is None else f", seed={index.code(seed_arg.value)}"
    if found_init is None:
        return None
    init_text, imports = found_init
    if seed_text:
        init_text = init_text[:-1] + seed_text + ")"
    dtype_text = "" if dtype_arg is None else f", dtype={index.code(dtype_arg.value)}"
    text = f"{init_text}({shape_text}{dtype_text})"
    span = index.span_of(call)
    if span is None:
        return None
    return (Edit(text, span), *imports), f"`{init_text}` called on the shape: {label}'s std for every fan_in"
