"""INI104 glorot-relu-deep-stack: Glorot halves the signal at every ReLU layer of a deep stack."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic, fmt, numbers
from initlint.rules.base import Example, Rule
from initlint.rules.signal_rules import chain_findings


def check(analysis, settings) -> Iterator[Diagnostic]:
    for finding in chain_findings(analysis.weights, settings.thresholds):
        if finding.kind != "glorot_stack":
            continue
        view = finding.view
        index = finding.chain.index(view)
        # the per-layer factor that compounds to what this layer receives from the chain's input:
        # the geometric mean (an arithmetic mean of the gains said 0.55 where ten layers give 0.00098)
        start = finding.chain[0].weight.signal.input_mean_square
        received = view.weight.signal.input_mean_square
        if finding.relative is not None:  # what enters the stack is not known statically; its gains are
            average = finding.relative ** (1 / index) if index else None
            line = finding.chain[0].weight.anchor.line
            receives = (f"about {fmt(finding.relative)}x what "
                        f"{'a layer shown on this same line' if line == view.weight.anchor.line else f'the layer at line {line}'}"
                        f" received")
        else:
            average = (received / start) ** (1 / index) if start and received and index else None
            receives = fmt(received)
        message = (f"Glorot on a deep ReLU stack without normalization: {index} layers each multiply the mean "
                   f"square by about {fmt(average)}, so this layer receives {receives}"
                   f"; He ({'variance_scaling scale=2.0' if view.weight.family != 'keras' else 'he_normal'}) "
                   f"keeps it at 1")
        data = numbers(view)
        data.update({"depth": index, "average_gain": average,
                     "input_mean_square": view.weight.signal.input_mean_square})
        if finding.relative is not None:
            data["relative_mean_square"] = finding.relative
        yield diagnostic(RULE, view.weight, message, None, data, finding.certain)


_STACK = ("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 128])\n"
          "for i in range(12):\n    x = tf.layers.dense(x, 128, activation=tf.nn.relu{init})\n")
RULE = Rule(
    code="INI104", name="glorot-relu-deep-stack", severity="warning",
    summary="The default Glorot initializer on a deep ReLU stack halves the signal at every layer.",
    doc="""## What it does
Reports a chain of ten or more ReLU-family layers initialized with Glorot (the default of
tf.layers, Keras and slim) and no normalization in between, at the layer where the signal has
fallen below the healthy band.

## Why is this bad?
Glorot keeps the variance for linear units. ReLU zeroes half of it, so each square layer
multiplies the mean square by 1/2: 30 layers leave 1e-9 of the input (signal-propagation.md §6).

## Example
```python
for i in range(12):
    x = tf.layers.dense(x, 128, activation=tf.nn.relu)
```

Use instead:
```python
for i in range(12):
    x = tf.layers.dense(x, 128, activation=tf.nn.relu,
                        kernel_initializer=tf.variance_scaling_initializer(scale=2.0))
```
or put batch normalization between the layers.

## Options
- `thresholds.deep_stack` (10), `thresholds.vanish` (1e-3)

## References
- Glorot & Bengio 2010; He et al. 2015.
""",
    check=check,
    examples=(
        Example(_STACK.format(init=""), ("INI104",)),
        Example(_STACK.format(init=", kernel_initializer=tf.variance_scaling_initializer(scale=2.0)"), ()),
    ),
)
