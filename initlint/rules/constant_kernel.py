"""INI201 constant-kernel: every unit of a hidden layer starts identical and stays identical."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic, layer_views
from initlint.rules.base import Example, Rule


def check(analysis, settings) -> Iterator[Diagnostic]:
    for view in layer_views(analysis.weights):
        weight = view.weight
        if weight.std != 0 or weight.initializer.name not in ("zeros", "ones", "constant"):
            continue
        if not weight.signal.feeds_weight:
            continue  # a single layer (logistic regression) or an output layer learns fine from zeros
        value = weight.mean  # None when the constant is too large to model (1e300)
        start = f"starts at {value:g}" if value is not None else "starts at the same value"
        units = _units(view)
        message = (f"constant kernel: every value {start}, so all {units or 'the'} units of "
                   f"this hidden layer compute the same thing and receive the same gradient; symmetry is never "
                   f"broken")
        yield diagnostic(RULE, weight, message, None, {"value": value, "initializer": weight.initializer.name},
                         weight.certain)


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
    summary="A hidden layer's kernel starts constant (zeros/ones/constant): its units never differ.",
    doc="""## What it does
Reports a kernel initialized with `zeros`, `ones` or a constant on a layer whose output feeds
another weight layer.

## Why is this bad?
Identical weights give identical outputs and identical gradients: the layer behaves as one unit
however wide it is. A single-layer model (logistic regression) or a final layer is fine.

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
    ),
)
