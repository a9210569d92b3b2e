"""INI101 exploding-signal: the chain's pre-activation mean square rises far above 1."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic, fmt, numbers, scale_text
from initlint.rules.base import Example, Rule
from initlint.rules.signal_rules import chain_findings, gain_product, grown_outside_gains


def check(analysis, settings) -> Iterator[Diagnostic]:
    thresholds = settings.thresholds
    for finding in chain_findings(analysis.weights, thresholds):
        if finding.kind != "explode":
            continue
        view, chain = finding.view, finding.chain
        last = chain[-1].weight.signal
        peak = max(v.weight.signal.mean_square or 0.0 for v in chain)
        q = view.weight.signal.mean_square
        message = (f"exploding signal: the pre-activation mean square reaches {fmt(q)} here "
                   f"(gain {fmt(view.weight.signal.gain)}); {scale_text(view)}")
        entering = view.weight.signal.input_mean_square
        index = chain.index(view)
        product = gain_product(chain, index)
        if (view.weight.signal.gain or 0) <= 2.0 and product is not None and product <= thresholds.explode \
                and grown_outside_gains(chain, index, thresholds):
            # no layer's gain did it: residual sums, or a constant scale between layers
            message += (f"; the signal entering it has already grown to {fmt(entering)} outside the layers' "
                        "gains (sums of branches without normalization, or a scale between layers)")
        data = numbers(view)
        if last.mean_square is not None and last.default_mean_square:
            growth = last.mean_square / last.default_mean_square
            data["output_mean_square"] = last.mean_square
            data["default_output_mean_square"] = last.default_mean_square
            data["growth_over_default"] = growth
            message += (f"; the chain's output mean square is {fmt(last.mean_square)}, "
                        f"{growth:.3g}x what the default initializers give ({fmt(last.default_mean_square)})")
        severity = "error" if peak > thresholds.explode_error else "warning"
        if severity == "error":
            # TensorFlow's fused softmax and cross-entropy subtract the max and stay finite (deep-anpr:
            # losses of 586 and 112 at logits of std 263); saturation, and a hand-written exp, do not
            message += (f"; at {fmt(peak)} (a spread of about {fmt(peak ** 0.5)}) a softmax fed from here starts "
                        f"saturated on one class, its gradients near zero, and a hand-written exp or softmax "
                        f"overflows float32")
        data["peak_mean_square"] = peak
        yield diagnostic(RULE, view.weight, message, severity, data, finding.certain)


RULE = Rule(
    code="INI101", name="exploding-signal", severity="warning",
    summary="The signal's mean square grows through the stack until training blows up.",
    doc="""## What it does
Follows the signal from the model's input through every layer (standard-normal inputs, the
initial weights' std and mean, activations, pooling, normalization) and reports the first layer
where the predicted mean square of the pre-activation output rises above the healthy band
(default 10), with the layer's std against Glorot / He / LeCun for its fans, its gain, and how
much larger the chain's output is than with the library's default initializers. A layer whose
output goes into a normalization layer (batch norm in training mode, slim's `normalizer_fn`),
straight or through layers whose activations scale with their input (linear, ReLU, leaky ReLU), is
not reported: the normalization undoes its scale, forwards and backwards. The growth need not be a
layer's own gain: residual sums without normalization add each branch's variance to the trunk's
(twenty He-initialized blocks reach 1e9), and a constant scale between layers (`relu(h * 2.0)`)
multiplies it; the message then says the signal entering the layer had grown outside the layers'
gains.

## Why is this bad?
Each layer multiplies the mean square by its gain `n_in * E[w^2] * c(phi)`. A gain above 1
compounds: saturated activations, huge logits, a softmax that puts all mass on one class, and a
loss that goes NaN in the first steps. It is an error once the mean square passes 1e4
(logits spread ~100: hand-written cross-entropy returns NaN).

## Example
```python
x = tf.placeholder(tf.float32, [None, 3136])
h = tf.layers.dense(x, 1024, activation=tf.nn.relu,
                    kernel_initializer=tf.truncated_normal_initializer(stddev=0.1))
```

Use instead:
```python
h = tf.layers.dense(x, 1024, activation=tf.nn.relu,
                    kernel_initializer=tf.variance_scaling_initializer(scale=2.0))
```

## Options
- `thresholds.explode` (10), `thresholds.explode_error` (1e4)

## References
- signal-propagation.md §1, §5; He et al. 2015, "Delving Deep into Rectifiers".
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 3136])\n"
                "h = tf.layers.dense(x, 1024, activation=tf.nn.relu,\n"
                "                    kernel_initializer=tf.truncated_normal_initializer(stddev=0.1))\n"
                "y = tf.layers.dense(h, 10, kernel_initializer=tf.truncated_normal_initializer(stddev=0.1))\n",
                ("INI101",)),
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 3136])\n"
                "h = tf.layers.dense(x, 1024, activation=tf.nn.relu,\n"
                "                    kernel_initializer=tf.variance_scaling_initializer(scale=2.0))\n"
                "y = tf.layers.dense(h, 10)\n", ()),
    ),
)
