"""INI103 layer-scale-mismatch: one layer's std is far from what its fans call for."""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import (FIXED_SCALE, LayerView, diagnostic, layer_views, minor_term_of_join,
                                    normal_scale, numbers, scale_text, sized_from_fans)
from initlint.rules.base import Example, Rule
from initlint.rules.signal_rules import covered_layers, scale_cancelled
from initlint.rules.tf1_default_stddev import has_default_unit_stddev


def check(analysis, settings) -> Iterator[Diagnostic]:
    limit = settings.thresholds.scale_ratio
    covered, covered_paths = covered_layers(analysis.weights, settings.thresholds)
    cancelled = scale_cancelled(analysis.weights)
    cancelled_small = scale_cancelled(analysis.weights, small=True)
    views = layer_views(analysis.weights)
    children: dict[int, list[LayerView]] = defaultdict(list)
    for view in views:
        if view.weight.signal.parent_layer is not None:
            children[view.weight.signal.parent_layer].append(view)
    for view in views:
        weight = view.weight
        if weight.signal.chain_id in covered and weight.signal.chain_id is not None or weight.layer_id in covered_paths:
            continue
        if has_default_unit_stddev(weight):
            continue  # INI301 says it, with the same numbers
        if "scaled_at_run_time" in weight.facts:
            continue  # used divided by a run-time factor (spectral norm's w / sigma): that sets its scale
        if "signal_uncertain" in weight.facts or weight.layer_id in cancelled:  # cancelled holds the normalized
            continue  # a normalization after the layer (or after layers that scale with it) undoes its scale
        if weight.initializer.name not in FIXED_SCALE or sized_from_fans(weight):
            continue  # fan-based initializers (Glorot, He, LeCun, variance scaling) size themselves, by hand too
        if weight.facts.get("layer_kind") in ("embedding", "rnn", "rnn_cell") or weight.facts.get("looked_up"):
            continue
        if weight.role == "variable" and weight.layer_id < 0:
            continue  # no layer or matmul is seen to use it (a state vector, a value to assign): no fans
        ratio = view.ratio()
        if ratio is None or weight.mean is None:
            continue  # (a mean not known statically is part of what a pass sums: the scale is not known)
        if weight.mean:
            # what a pass sums is E[w²] = std² + mean²: U(0, 0.1) is 0.33x He by its std, 0.65x by its
            # scale (cleverhans' dual variables: "each pass gives 0.11x" where it gives 0.43x); the
            # mean itself is INI202's finding
            ratio *= math.sqrt(1 + (weight.mean / weight.std) ** 2) if weight.std else 1.0
        final = weight.signal.feeds_weight is False
        if ratio < 1 and weight.layer_id in cancelled_small:
            continue  # a small scale a normalization undoes, through activations linear near zero
        if ratio > limit or (ratio < 1 / limit and not final and not _minor_term(view, children[weight.layer_id],
                                                                                   limit)):
            direction = "larger" if ratio > 1 else "smaller"
            # relative to the reference: the layer's own gain also holds its input's activation
            message = f"layer scale mismatch: {scale_text(view)}; each pass gives about {ratio * ratio:.2g}x " \
                      f"the mean square the fans call for ({direction})"
            yield diagnostic(RULE, weight, message, "info", numbers(view), weight.certain)


def _minor_term(view: LayerView, children: list[LayerView], limit: float) -> bool:
    """A small layer whose output is a minor term of a sum or concatenation, directly or through
    layers of a normal scale: small by design (DDPG's action output beside the critic's state input,
    a residual branch's last layer started near zero), like a small final layer."""
    if minor_term_of_join(view):
        return True
    return bool(children) and all(minor_term_of_join(child) and normal_scale(child, limit) for child in children)


RULE = Rule(
    code="INI103", name="layer-scale-mismatch", severity="info",
    summary="A hand-picked initial std is more than 3x away from He/LeCun for the layer's fans (info).",
    doc="""## What it does
Compares the initial std of each layer with a hand-picked scale (`random_normal`,
`truncated_normal`, `random_uniform` and their initializers) with what its fans call for: He
(`sqrt(2/fan_in)`) before a ReLU-family activation, LeCun (`sqrt(1/fan_in)`) otherwise, and reports
a ratio beyond 3 (or below 1/3) as information. A fan-based initializer (Glorot, He, LeCun,
variance scaling) sizes itself and is not compared: Glorot's mix of the two fans is a deliberate
choice, and a deep ReLU stack of it is INI104's finding. So is a hand-picked std that is exactly
(within 1%) Glorot's, He's or LeCun's for the layer's fans: the fan-based formula written out by
hand. It stays quiet where a chain finding (INI101, INI102, INI104) already
explains the network's signal, for a small final layer (small logits are harmless), for a small
layer whose output is a minor term (under a tenth) of a sum or concatenation, directly or through a
layer of normal scale (DDPG's action output beside the critic's state input, a residual branch's
last layer started near zero: small by design), for a weight the
layer uses divided or multiplied by a factor computed at run time (spectral normalization's
`w / sigma`, after the power iteration's `u @ w^T`: the init std does not set the layer's scale), for a
layer whose output scale a normalization undoes (through layers and activations that scale with their
input; a scale that is too small also passes through tanh, gelu, elu, selu, swish and softsign, which are
linear near zero: BERT's gelu feed-forward layer before its layer norm), and for a
variable that no layer or matmul is seen to use (a state vector tiled into a batch, a value to
assign): its shape gives it no fans. Values drawn around a non-zero mean are judged by what a pass
sums, sqrt(std² + mean²) (the mean itself is INI202's finding).

## Why is this bad?
A layer `r` times off its reference scales the mean square by `r^2` at every pass. One such
layer in a shallow network is survivable, which is why this is information, not a warning;
several compound.

## Example
```python
h = tf.layers.dense(x, 1024, activation=tf.nn.relu,
                    kernel_initializer=tf.random_normal_initializer(stddev=0.1))  # fan_in unknown to the chain
```

Use instead:
```python
h = tf.layers.dense(x, 1024, activation=tf.nn.relu,
                    kernel_initializer=tf.variance_scaling_initializer(scale=2.0))
```

## Options
- `thresholds.scale_ratio` (3)

## References
- signal-propagation.md §1, §7.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nx = tf.placeholder(tf.float32, [None, 32, 32, 3])\n"
                "w = tf.get_variable('w', [5, 5, 3, 64],\n    initializer=tf.truncated_normal_initializer(stddev=0.01))\n"
                "h = tf.nn.relu(tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME'))\n"
                "logits = tf.layers.dense(tf.layers.flatten(h), 10)\n", ("INI103",), "tf1"),
        Example("import tensorflow as tf\nw = tf.get_variable('w', [5, 5, 3, 64],\n"
                "    initializer=tf.truncated_normal_initializer(stddev=0.1))\n", (), "tf1"),
    ),
)
