"""INI301 tf1-default-stddev: a normal initializer left at its default stddev of 1.0."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import LayerView, diagnostic, layer_views, scale_text
from initlint.rules.base import Example, Rule


def has_default_unit_stddev(weight) -> bool:
    """A defaulted stddev of 1.0 that is more than twice the fans' reference (a 1.0 that
    happens to suit a tiny fan-in is no trap), on a weight the layer uses as drawn: ProGAN's
    equalized learning rate draws at 1.0 on purpose and multiplies by He's std at run time."""
    if "scaled_at_run_time" in weight.facts:
        return False
    if weight.facts.get("frozen") and weight.layer_id < 0:
        return False  # not trained, and no layer reads it as a kernel: spectral norm's power-iteration vector
    if weight.facts.get("layer_kind") in ("embedding", "crf_transitions") or weight.facts.get("looked_up"):
        # a lookup reads one row: nothing sums the table, and rows of std 1 are a normal input; a
        # CRF's transition scores are added to the logits, not summed over
        return False
    if (weight.initializer.api or "").startswith("np."):
        return False  # numpy's randn has no stddev to forget: its scale is INI103's and INI101's business
    init = weight.initializer
    if not (init.name in ("random_normal", "truncated_normal") and "stddev" in weight.facts.get("defaulted", ())
            and init.params.get("stddev") == 1.0 and weight.std is not None):
        return False
    ratio = LayerView(weight).ratio()  # against He before a ReLU, LeCun otherwise, as the message says
    return ratio is not None and ratio > 2.0


def check(analysis, settings) -> Iterator[Diagnostic]:
    for view in layer_views(analysis.weights):
        weight = view.weight
        if not has_default_unit_stddev(weight):
            continue
        init = weight.initializer
        api = weight.facts.get("init_api_path", init.api or init.name)
        # an initializer's default differs by version; a random op's (`tf.random.normal(shape)`) is
        # 1.0 in TF2 too (tensorflow/graphics' latent codes were told TF2 defaults to 0.05)
        default = "Keras and TF2 initializers default to 0.05" if str(api).endswith("initializer") else \
            "the op's default, in TF1 and TF2 alike"
        message = f"{api.rsplit('.', 1)[-1]}() without stddev means stddev 1.0 here ({default}); {scale_text(view)}"
        yield diagnostic(RULE, weight, message, None,
                         {"stddev": 1.0, "std": weight.std, "fan_in": weight.fan_in,
                          "reference_std": view.references()[view.reference_name]}, weight.certain)


RULE = Rule(
    code="INI301", name="tf1-default-stddev", severity="warning",
    summary="random_normal / truncated_normal with no stddev: TF1 (and tf.random ops) use 1.0.",
    doc="""## What it does
Reports a weight drawn from `tf.random_normal_initializer()`, `tf.truncated_normal_initializer()`,
`tf.random_normal(shape)` or `tf.truncated_normal(shape)` without a `stddev`: the default is 1.0
(Keras and TF2's `tf.random_normal_initializer` use 0.05). It stays quiet where 1.0 happens to suit
the fans: less than twice the reference the message compares with, He's `sqrt(2/fan_in)` before a
ReLU (a fan-in of 8 or less) and LeCun's `sqrt(1/fan_in)` otherwise (4 or less).

An embedding table (a Keras `Embedding`, or a variable read by `tf.nn.embedding_lookup`) is not
reported: a lookup reads one row, nothing sums over the table, and rows of std 1 are an input of
the usual scale. That holds for a table a matmul reads too (a VQ-VAE codebook's distances to the
inputs, which go to an argmax), and the signal rules do not judge that matmul's output. Nor is the transition matrix `crf_log_likelihood` makes: its scores are added to
the logits, not summed over.

A variable made with `trainable=False` that no layer reads as a kernel (spectral norm's
power-iteration vector `u`) is not reported: nothing trains it and no signal goes through it.

numpy's `np.random.randn(...)` has no stddev to forget: a weight drawn from it is compared with its
fans by INI103 and followed by the chain rules, not reported here.

A weight the layer uses multiplied by a factor (`tf.matmul(x, w * wscale)`, ProGAN's equalized
learning rate, which draws at 1.0 on purpose) is not reported: its scale is the factor's.

## Why is this bad?
A std of 1.0 is `sqrt(fan_in)` times too large for a linear unit: on a 784-input layer the
pre-activation mean square is ~800 at the first layer and grows at every layer after it.

## Example
```python
W1 = tf.Variable(tf.random_normal([784, 256]))
```

Use instead:
```python
W1 = tf.get_variable("W1", [784, 256], initializer=tf.variance_scaling_initializer(scale=2.0))
```

## References
- tf-initializers.md §5.1, §8.10.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nW1 = tf.Variable(tf.random_normal([784, 256]))\n", ("INI301",), "tf1"),
        Example("import tensorflow as tf\nW1 = tf.Variable(tf.random_normal([784, 256], stddev=0.05))\n", (), "tf1"),
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 784])\n"
                "w = tf.get_variable('w', [784, 256], initializer=tf.random_normal_initializer())\n"
                "y = tf.matmul(x, w * (2.0 / 784) ** 0.5)\n", (), "tf1"),
    ),
)
