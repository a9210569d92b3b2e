"""INI102 vanishing-signal: the signal entering a layer is a tiny fraction of the input's."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import LayerView, diagnostic, fmt, numbers, scale_text
from initlint.rules.base import Example, Rule
from initlint.rules.signal_rules import chain_findings, chain_input


def check(analysis, settings) -> Iterator[Diagnostic]:
    thresholds = settings.thresholds
    for finding in chain_findings(analysis.weights, thresholds):
        if finding.kind != "vanish":
            continue
        view, chain = finding.view, finding.chain
        index = chain.index(view)
        previous = chain[index - 1] if index else view
        if finding.relative is not None:
            yield _relative_finding(finding, index, previous)
            continue
        m_in = view.weight.signal.input_mean_square
        start = chain_input(chain)
        entering = chain[0].weight.signal.input_mean_square if chain else None
        # an input above 1 (tensorflow-vgg's `rgb * 255 - mean`, 7.8e4) is judged against 1.0: "input
        # 1.0" named a scale the chain does not start from
        given = f"{fmt(entering)}, judged against 1.0" if entering and entering > start else \
            ('1.0' if start == 1.0 else fmt(start))
        message = (f"vanishing signal: the mean square entering this layer is {fmt(m_in)} "
                   f"(input {given}, {index} layer(s) earlier); "
                   f"the previous layer's {scale_text(previous, own=previous is view)}")
        steepest = _steepest_loss(chain[:index])
        if steepest is not None and steepest is not previous:
            # Keras-FCN's Glorot stack on RGB: fan_in 27 against fan_out 2304 loses 43x at the first
            # layer, 2x per layer after it; the message named only the previous one
            # in a loop (or through one helper call) the earlier layer has the reported one's line:
            # "at line 14" of a finding at line 14 read as a contradiction (yolo_tensorflow)
            line = steepest.weight.anchor.line
            where = "by a layer shown on this same line" if line == view.weight.anchor.line else f"at line {line}"
            message += (f"; the most is lost {index - chain.index(steepest)} layer(s) earlier, {where} "
                        f"(gain {fmt(steepest.weight.signal.gain)}: {scale_text(steepest, own=False)})")
        data = numbers(view)
        data["input_mean_square"] = m_in
        if previous is not view:  # the layer the message describes (Faster-RCNN_TF: its numbers were not there)
            data["previous_layer"] = numbers(previous)
        severity = "error" if m_in is not None and m_in < thresholds.vanish_error * start else "warning"
        yield diagnostic(RULE, view.weight, message, severity, data, finding.certain)


def _relative_finding(finding, index: int, previous: LayerView) -> Diagnostic:
    """A path whose input's scale is not known statically: its gains alone shrink the signal."""
    view, first = finding.view, finding.chain[0]
    line = first.weight.anchor.line
    where = "a layer shown on this same line" if line == view.weight.anchor.line else f"the layer at line {line}"
    message = (f"vanishing signal: the mean square entering this layer is about {fmt(finding.relative)}x what "
               f"{where} received, {index} layer(s) earlier (what enters there is not known statically; the "
               f"gains of the layers between are); the previous layer's {scale_text(previous, own=previous is view)}")
    data = numbers(view)
    data["relative_mean_square"] = finding.relative
    if previous is not view:
        data["previous_layer"] = numbers(previous)
    return diagnostic(RULE, view.weight, message, "warning", data, finding.certain)


def _steepest_loss(layers: list[LayerView]) -> LayerView | None:
    """The layer before the reported one that shrinks the signal most, when it shrinks it at least
    twice as much as the previous layer does: the one to look at first."""
    gains = [(view.weight.signal.gain, view) for view in layers if view.weight.signal.gain]
    if len(gains) < 2:
        return None
    smallest, view = min(gains, key=lambda pair: pair[0])
    last = gains[-1][0]
    return view if smallest < 1 and smallest * 2 <= last else None


RULE = Rule(
    code="INI102", name="vanishing-signal", severity="warning",
    summary="The signal shrinks through the stack until the layers receive almost nothing.",
    doc="""## What it does
Follows the signal through the stack and reports the first layer whose input mean square falls
below the healthy band (default 1e-3 of what the stack starts from: a standard-normal input, a
normalized signal, or an embedding lookup's own scale), with the std of the layer before it
against Glorot / He / LeCun, and, when an earlier layer of the chain shrinks the signal at least
twice as much as that one, where the most is lost. A small final (logits) layer is not reported: small
logits start training at a uniform softmax and do no harm, nor is a layer whose output a batch norm
(training mode) brings back to a healthy scale for every layer after it. Where what enters the
stack is not known statically (the first layer's input width is a caller's) but the gains after it
are, the product of the gains is judged the same way, relative to what entered the first layer with
a known gain, along layers with only activations between them (a sum, product, concatenation or pool
ends the run), and only when every layer up to the finding is certain.

## Why is this bad?
A gain below 1 compounds: after a few layers the activations are all close to zero, gradients
vanish with them, and the network trains slowly or not at all. Below 1e-20 float32 loses the
signal entirely (error).

## Example
```python
w1 = tf.Variable(tf.random_normal([3, 3, 1, 32], stddev=0.01))
```

Use instead:
```python
w1 = tf.get_variable("w1", [3, 3, 1, 32], initializer=tf.variance_scaling_initializer(scale=2.0))
```

## Options
- `thresholds.vanish` (1e-3), `thresholds.vanish_error` (1e-20)

## References
- signal-propagation.md §5, §6 (a deep ReLU MLP with a small fixed std).
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 256])\n"
                "for i in range(4):\n"
                "    x = tf.layers.dense(x, 256, activation=tf.nn.relu,\n"
                "                        kernel_initializer=tf.random_normal_initializer(stddev=0.01))\n"
                "y = tf.layers.dense(x, 10)\n", ("INI102",)),
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 256])\n"
                "for i in range(4):\n"
                "    x = tf.layers.dense(x, 256, activation=tf.nn.relu,\n"
                "                        kernel_initializer=tf.variance_scaling_initializer(scale=2.0))\n"
                "y = tf.layers.dense(x, 10, kernel_initializer=tf.random_normal_initializer(stddev=0.001))\n", ()),
    ),
)
