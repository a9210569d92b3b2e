"""INI202 nonzero-mean-initializer: weights drawn around a non-zero mean."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic, layer_views
from initlint.rules.base import Example, Rule


def check(analysis, settings) -> Iterator[Diagnostic]:
    for view in layer_views(analysis.weights):
        weight = view.weight
        if weight.std is None or weight.mean is None or weight.std == 0 or weight.fan_in is None:
            continue
        if weight.facts.get("layer_kind") == "embedding" or weight.facts.get("looked_up"):
            continue  # a lookup picks one row: nothing sums the table's values, whatever their mean
        if weight.role == "variable" and weight.layer_id < 0:
            continue  # no layer or matmul is seen to use it: whether anything sums it is not known
        if weight.initializer.name == "identity":
            continue  # not drawn: y_j = gain * x_j, no output is pushed by the others (net2net's identity layers)
        # the mean term n_in^2 * mean^2 beats the variance term n_in * std^2 once n_in * mean^2 > std^2
        if weight.fan_in * weight.mean ** 2 <= weight.std ** 2:
            continue
        params = weight.initializer.params
        message = (f"non-zero mean initializer: {weight.initializer.name}"
                   f"({', '.join(f'{k}={v}' for k, v in params.items())}) has mean {weight.mean:.3g} and std "
                   f"{weight.std:.3g}; with fan_in {weight.fan_in} every output is pushed the same way by about "
                   f"{weight.fan_in * weight.mean:.3g} x the input mean")
        # the initializer's default, not the op's (`tf.random_uniform(shape)` is [0, 1) in both)
        if weight.initializer.name == "random_uniform" and "minval" in weight.facts.get("defaulted", ()) \
                and str(weight.facts.get("init_api_path", "")).endswith("_initializer"):
            message += "; TF1's random_uniform_initializer() samples [0, 1) (TF2's is [-0.05, 0.05])"
        yield diagnostic(RULE, weight, message, None, {"mean": weight.mean, "std": weight.std,
                                                       "fan_in": weight.fan_in}, weight.certain)


RULE = Rule(
    code="INI202", name="nonzero-mean-initializer", severity="warning",
    summary="Kernel values drawn around a non-zero mean (e.g. TF1 random_uniform_initializer() is [0, 1)).",
    doc="""## What it does
Reports a kernel whose initial values have a mean large enough to dominate: `fan_in * mean^2`
exceeds the variance. The classic case is TF1's `tf.random_uniform_initializer()`, which samples
[0, 1), and `tf.random_uniform(shape)`.

## Why is this bad?
With a positive mean every output unit sums its inputs with the same sign: after a ReLU the
next layer's pre-activation grows with the square of the fan-in (signal-propagation.md §1), and
all units move together. An embedding table read by a lookup is not reported: a lookup picks
rows, it sums nothing (word2vec's `[0, 1)` table). An identity kernel is not reported: its values are not drawn, each
output copies one input (net2net's function-preserving layers).

## Example
```python
h = tf.layers.dense(x, 256, kernel_initializer=tf.random_uniform_initializer())
```

Use instead:
```python
h = tf.layers.dense(x, 256, kernel_initializer=tf.random_uniform_initializer(-0.05, 0.05))
```

## References
- tf-initializers.md §5.1, §8.10.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 64])\n"
                "h = tf.layers.dense(x, 32, kernel_initializer=tf.random_uniform_initializer())\n", ("INI202", "INI101"),
                "tf1"),
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 64])\n"
                "h = tf.layers.dense(x, 32, kernel_initializer=tf.random_uniform_initializer(-0.1, 0.1))\n", (),
                "tf1"),
        Example("from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(64, activation='relu', "
                "input_shape=(64,)),\n    keras.layers.Dense(64, kernel_initializer='identity')])\n", (), "tf2"),
    ),
)
