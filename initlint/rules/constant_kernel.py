"""INI201 constant-kernel: a hidden layer's units start identical and the layer cannot learn apart.

A constant kernel gives identical units, but the gradient each unit receives is its own when the
layer after it has random weights, so training tells them apart (a zero-initialized last conv of a
Fixup-style residual branch is deliberate). The finding is for the two cases that do not recover:
the layer after it is constant too (the units get the same gradient, for ever), or the constant is
0 before a ReLU (every unit outputs 0 and TensorFlow's ReLU passes no gradient at 0).
"""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic, Weight
from initlint.rules._common import diagnostic, layer_views
from initlint.rules.base import Example, Rule

_CONSTANT = ("zeros", "ones", "constant")
# activations whose gradient TensorFlow gives as 0 at 0
_DEAD_AT_ZERO = frozenset({"relu", "relu6", "crelu"})


def _constant(weight: Weight) -> bool:
    return weight.std == 0 and weight.initializer.name in _CONSTANT


def check(analysis, settings) -> Iterator[Diagnostic]:
    views = layer_views(analysis.weights)
    for view in views:
        weight = view.weight
        if not _constant(weight):
            continue
        if not weight.signal.feeds_weight:
            continue  # a single layer (logistic regression) or an output layer learns fine from zeros
        value = weight.mean  # None when the constant is too large to model (1e300)
        units = _units(view)
        after = [other.weight for other in views if other.weight.signal.parent_layer == weight.layer_id]
        # its bias, made by the layer or added by hand (`tf.matmul(x, W) + b`: a 0.1 bias keeps the
        # ReLU open, and the spatial-transformer's random one half of it)
        biases = [w for w in analysis.weights if w.layer_id == weight.layer_id and w is not weight and _bias(w)]
        dead = weight.signal.mean_square in (None, 0) and all(_constant(b) and b.mean == 0 for b in biases)
        if value == 0 and weight.activation in _DEAD_AT_ZERO and dead:
            message = (f"constant kernel: every value starts at 0, so all {units or 'the'} units of this hidden "
                       f"layer output 0 into a {weight.activation} whose gradient at 0 is 0: the layer never trains")
        elif after and all(_constant(other) for other in after) and "dropout_after" not in weight.facts \
                and units != 1:
            # (a dropout between them drops other units for each example: the gradients differ; a
            # single unit has no other to be the same as, and each of its inputs' gradients is its own)
            start = f"starts at {value:g}" if value is not None else "starts at the same value"
            message = (f"constant kernel: every value {start}, and the layer after it is constant too, so all "
                       f"{units or 'the'} units of this hidden layer compute the same thing and receive the same "
                       f"gradient; symmetry is never broken")
        else:
            continue  # random weights after it give each unit its own gradient (Fixup's zero residual conv)
        yield diagnostic(RULE, weight, message, None, {"value": value, "initializer": weight.initializer.name},
                         weight.certain)


def _bias(weight: Weight) -> bool:
    """A layer's bias, or a variable added to its output as one."""
    return weight.role == "bias" or weight.role == "variable" and (
        len(weight.shape or ()) <= 1 or "broadcast_bias" in weight.facts)


def _units(view) -> int | None:
    """The layer's output units (channels): a kernel's last dimension, a transposed conv's
    second-to-last, a depthwise kernel's channels times its multiplier (not fan_out, which counts
    a conv's taps too: 4608 "units" for a 3x3 conv to 512 channels)."""
    shape = view.weight.shape
    if not shape or len(shape) < 2:
        return None
    if view.weight.role == "depthwise_kernel":
        return None if None in shape[-2:] else shape[-2] * shape[-1]
    return shape[-2] if view.weight.facts.get("layer_kind") == "conv_transpose" else shape[-1]


RULE = Rule(
    code="INI201", name="constant-kernel", severity="warning",
    summary="A hidden layer's kernel starts constant and cannot learn apart (constant layer after it, or 0 before a ReLU).",
    doc="""## What it does
Reports a kernel initialized with `zeros`, `ones` or a constant on a layer whose output feeds
another weight layer, when the layer cannot recover: the layer after it is constant too, or the
constant is 0 before a ReLU.

## Why is this bad?
Identical weights give identical outputs. When the layer after them is constant too, every unit
also gets the same gradient, so the layer behaves as one unit however wide it is. A zero kernel
before a ReLU outputs 0, where TensorFlow's ReLU passes no gradient: the layer never trains.
A constant kernel followed by random weights is not reported: each unit gets its own gradient and
training tells them apart (a zero-initialized last layer of a residual branch, as in Fixup, is
deliberate). Nor is a zero kernel whose bias (the layer's, or a variable added by hand) is not zero:
the ReLU is open where the bias is positive. Nor a constant layer before another when a dropout
reads its output: each example drops other units, so their gradients differ. A single-layer model
(logistic regression) or a final layer is fine.

## Example
```python
w1 = tf.Variable(tf.zeros([784, 256]))
h = tf.nn.relu(tf.matmul(x, w1))
w2 = tf.Variable(tf.zeros([256, 10]))
```

Use instead:
```python
w1 = tf.get_variable("w1", [784, 256], initializer=tf.variance_scaling_initializer(scale=2.0))
```

## References
- Goodfellow et al., Deep Learning, §8.4.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
                "w1 = tf.Variable(tf.zeros([784, 256]))\nh = tf.nn.relu(tf.matmul(x, w1))\n"
                "w2 = tf.Variable(tf.random_normal([256, 10], stddev=0.05))\ny = tf.matmul(h, w2)\n", ("INI201",)),
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
                "w = tf.Variable(tf.zeros([784, 10]))\ny = tf.nn.softmax(tf.matmul(x, w))\n", ()),
        # one unit has no other to be the same as (tensorflow/addons' polynomial test)
        Example("import tensorflow as tf\nx = tf.keras.Input(shape=(3,))\n"
                "h = tf.keras.layers.Dense(1, use_bias=False, kernel_initializer='ones')(x)\n"
                "y = tf.keras.layers.Dense(3, use_bias=False, kernel_initializer='ones')(h)\n", ()),
    ),
)
