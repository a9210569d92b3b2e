"""What several rules share: one view per layer, chains, the reference stds, diagnostics."""
from __future__ import annotations

import math

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from initlint.analysis.initializers import reference_stds
from initlint.analysis.signal import RELU_FAMILY
from initlint.model import Diagnostic, Severity, Weight, kernel_shaped
from initlint.rules.base import Rule

KERNEL_ROLES = ("kernel", "depthwise_kernel", "variable")
# a layer whose output is less than this share of the sum or concatenation it joins is a minor term
# of a healthy signal (a small action input, a residual branch started near zero), not a dying one
SMALL_SHARE = 0.1
# initializers with a hand-picked scale (the fan-based ones size themselves)
FIXED_SCALE = ("random_normal", "truncated_normal", "random_uniform")


@dataclass(frozen=True, slots=True)
class LayerView:
    """A layer's main weight (its kernel) and what rules read off it."""

    weight: Weight

    @property
    def reference_name(self) -> str:
        """He for ReLU-family activations, LeCun otherwise (linear, tanh, sigmoid, selu)."""
        activation = self.weight.activation
        return "he" if activation in RELU_FAMILY and activation != "selu" else "lecun"

    @property
    def transposed(self) -> bool:
        return self.weight.facts.get("layer_kind") == "conv_transpose" and bool(self.weight.facts.get("n_in"))

    @property
    def fan_in(self) -> int | None:
        """The fan_in the references use. A transposed convolution's forward pass sums n_in inputs per
        output (k²/s² x in-channels inside a map, fewer from a small one), not the fan_in TensorFlow
        computes on its [k, k, out, in] kernel (k² x out). Unknown when its input channels are: TF's
        fan_in is then no measure of what it sums (pix2pix's decoder: a false INI103 at fan_in 48,
        whose fix made the tanh after it saturate)."""
        if self.weight.facts.get("layer_kind") == "conv_transpose":
            return self.weight.facts.get("n_in") or None
        if self.weight.role == "depthwise_kernel" or self.weight.facts.get("read_depthwise"):
            # each output sums one input channel's taps; TensorFlow's fan_in also counts the input
            # channels (a hand-picked 0.3 on a 3x3 depthwise kernel of 32 channels was "5.1x LeCun's")
            shape = self.weight.shape
            return math.prod(shape[:-2]) if shape and len(shape) > 2 and None not in shape[:-2] else None
        if self.weight.facts.get("read_transposed"):
            # `tf.matmul(h, table, transpose_b=True)`: each output sums the [n, d] table's d, not
            # TensorFlow's fan_in n (finetune-transformer-lm's tied output embedding: "4x LeCun's")
            return self.weight.fan_out
        return self.weight.fan_in

    @property
    def fan_out(self) -> int | None:
        return self.weight.fan_in if self.weight.facts.get("read_transposed") else self.weight.fan_out

    def references(self) -> dict[str, float | None]:
        """He / LeCun / Glorot for the layer's fans."""
        return reference_stds(self.fan_in, self.fan_out)

    def ratio(self) -> float | None:
        reference = self.references()[self.reference_name]
        if reference is None or self.weight.std is None or reference == 0:
            return None
        return self.weight.std / reference


def minor_term_of_join(view: LayerView) -> bool:
    """Whether the layer's output is under SMALL_SHARE of a sum or concatenation it joins."""
    share = view.weight.facts.get("joined_share")
    return share is not None and share < SMALL_SHARE


def normal_scale(view: LayerView, limit: float) -> bool:
    """Not small by hand: a fan-based initializer (it sizes itself), or a std within `limit` of the
    reference."""
    if not view.weight.std:
        return False
    ratio = view.ratio()
    return view.weight.initializer.name not in FIXED_SCALE or ratio is None or ratio >= 1 / limit \
        or sized_from_fans(view.weight)


def sized_from_fans(weight: Weight) -> bool:
    """A hand-picked initializer whose std (or stated stddev) is Glorot's, He's or LeCun's for the
    weight's fans: a fan-based initializer written out by hand (universe-starter-agent's
    `w_bound = np.sqrt(6. / (fan_in + fan_out))` is Glorot uniform), which sizes itself as the
    library's does."""
    stated = weight.initializer.params.get("stddev")
    scales = [value for value in (weight.std, stated) if isinstance(value, (int, float)) and value > 0]
    references = [value for value in reference_stds(weight.fan_in, weight.fan_out).values() if value]
    return any(math.isclose(scale, reference, rel_tol=0.01) for scale in scales for reference in references)


def initial_values_matter(weight: Weight) -> bool:
    """False for a weight whose initial values are overwritten before training (Keras
    `load_weights` right after the model is built) or given as arrays (a Keras layer's
    `weights=[...]`): nothing about its initializer can hurt."""
    return "restored" not in weight.facts and "initial_values_given" not in weight.facts


def layer_views(weights: tuple[Weight, ...]) -> list[LayerView]:
    """One view per layer: its first kernel-like weight of rank >= 2. A separable layer's is its
    depthwise kernel, seen with the layer's output: the pointwise product's (MobileNet's inception_v2
    stem was reported at its depthwise half, 12.4, where the ReLU reads 235)."""
    seen: set[int] = set()
    views: list[LayerView] = []
    pointwise = {weight.layer_id: weight for weight in weights if weight.role == "pointwise_kernel"}
    for weight in weights:
        if weight.role not in KERNEL_ROLES or weight.layer_id in seen or not initial_values_matter(weight):
            continue
        if not kernel_shaped(weight.shape, weight.facts):
            continue
        seen.add(weight.layer_id)
        second = pointwise.get(weight.layer_id) if weight.role == "depthwise_kernel" else None
        views.append(LayerView(_output_scaled(_through_pointwise(weight, second) if second is not None else weight)))
    return views


def _output_scaled(weight: Weight) -> Weight:
    """A layer whose output is multiplied by a number before its activation (equalized learning
    rate) seen as the product: what its activation and the next layer read."""
    scale = weight.facts.get("output_scale")
    signal = weight.signal
    if scale is None:
        return weight
    return replace(weight, signal=replace(
        signal, mean_square=None if signal.mean_square is None else signal.mean_square * scale,
        gain=None if signal.gain is None else signal.gain * scale,
        default_mean_square=None if signal.default_mean_square is None else signal.default_mean_square * scale))


def _through_pointwise(depthwise: Weight, pointwise: Weight) -> Weight:
    """A separable layer's depthwise kernel with the layer's output signal: the pointwise product's
    mean square, and the gain from the layer's input to it."""
    first, second = depthwise.signal, pointwise.signal
    gain = second.mean_square / first.input_mean_square if second.mean_square is not None and \
        first.input_mean_square else None
    return replace(depthwise, signal=replace(first, mean_square=second.mean_square, gain=gain,
                                             default_mean_square=second.default_mean_square))


def chains(weights: tuple[Weight, ...]) -> dict[int, list[LayerView]]:
    """Layers grouped by signal chain (reset at normalization), in depth order."""
    grouped: dict[int, list[LayerView]] = defaultdict(list)
    for view in layer_views(weights):
        signal = view.weight.signal
        # a layer whose own output is unknown (a custom bias initializer: keras-retinanet's
        # PriorProbability) still ends its path: the signal entering it is known
        if signal.chain_id is not None and (signal.mean_square is not None or signal.input_mean_square is not None):
            grouped[signal.chain_id].append(view)
    for views in grouped.values():
        views.sort(key=lambda v: (v.weight.signal.chain_index or 0, v.weight.anchor.line))
    return grouped


def paths(chain: list[LayerView]) -> list[list[LayerView]]:
    """A chain's layers as the signal passes them: one list per layer nothing in the chain follows,
    from the chain's first layer to it. Parallel branches (two heads on one input, an inception
    module's towers) are each a path of their own, not layers in sequence."""
    by_id = {view.weight.layer_id: view for view in chain}
    followed = {view.weight.signal.parent_layer for view in chain}
    twins = _twins(chain, by_id)
    found: list[list[LayerView]] = []
    for leaf in chain:
        if leaf.weight.layer_id in followed or any(twin in followed for twin in twins.get(leaf.weight.layer_id, ())):
            continue  # a layer a run-time choice may take instead of one the signal goes on from
        path = [leaf]
        on_path = {leaf.weight.layer_id}  # by id: comparing views would compare whole weights
        parent = leaf.weight.signal.parent_layer
        while parent in by_id and parent not in on_path:
            on_path.add(parent)
            path.append(by_id[parent])
            parent = by_id[parent].weight.signal.parent_layer
        path.reverse()
        found.append(path)
        # each other choice at one place of the path is a path too (a ReLU stack whose kernel a flag
        # picks: each branch's layer had a path of its own, one layer long, and an output of 10.2)
        found.extend([*path[:index], by_id[twin], *path[index + 1:]] for index, view in enumerate(path)
                     for twin in twins.get(view.weight.layer_id, ()))
    return found


def _twins(chain: list[LayerView], by_id: dict[int, LayerView]) -> dict[int, tuple[int, ...]]:
    """Per layer, the layers of the chain a run-time choice may take instead (both ways)."""
    twins: dict[int, set[int]] = defaultdict(set)
    for view in chain:
        for twin in view.weight.facts.get("twin_layers", ()):
            if twin in by_id and twin != view.weight.layer_id:
                twins[view.weight.layer_id].add(twin)
                twins[twin].add(view.weight.layer_id)
    return {layer: tuple(sorted(others)) for layer, others in twins.items()}


def fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if value != 0 and (abs(value) >= 1e4 or abs(value) < 1e-3):
        return f"{value:.2g}"
    return f"{value:.3g}"


def scale_text(view: LayerView, own: bool = True) -> str:
    """`std 0.088 is 3.5x He's 0.025 for fan_in 3136 (Glorot 0.0221, LeCun 0.0179)`."""
    weight = view.weight
    refs = view.references()
    ratio = view.ratio()
    name = view.reference_name
    label = {"he": "He", "lecun": "LeCun"}[name]
    if weight.std == 0:
        return f"every value starts at {fmt(weight.mean)} (a constant kernel)"
    if ratio is None:
        return f"std {fmt(weight.std)}"
    which = "this" if own else "that"  # INI102 describes the layer before the one it reports
    if view.transposed:
        fans = f"the {view.fan_in} inputs each output of {which} transposed convolution sums"
    elif view.fan_in != weight.fan_in:  # a depthwise kernel, a table read transposed
        fans = f"the {view.fan_in} inputs each output of {which} layer sums"
        if weight.fan_in is not None:  # unknown when the input's channels are (it printed "None")
            fans += f" (TensorFlow's fan_in: {weight.fan_in})"
    else:
        fans = f"fan_in {weight.fan_in}"
    # Glorot needs fan_out too: left out when it is not known, rather than shown as "?"
    known = ", ".join(f"{shown} {fmt(refs[key])}" for key, shown in (("glorot", "Glorot"), ("he", "He"),
                                                                     ("lecun", "LeCun")) if refs[key] is not None)
    return f"std {fmt(weight.std)} is {ratio_text(ratio)}x {label}'s {fmt(refs[name])} for {fans} ({known})"


def ratio_text(ratio: float) -> str:
    """Two significant digits, three where two would round to a whole number a threshold may be:
    `3.02x` under a rule that fires above 3x read as "3x"."""
    text = f"{ratio:.2g}"
    return f"{ratio:.3g}" if "." not in text and "e" not in text and float(text) != ratio and ratio < 10 else text


def numbers(view: LayerView) -> dict[str, Any]:
    weight = view.weight
    refs = view.references()
    return {"fan_in": weight.fan_in, "fan_out": weight.fan_out, "std": weight.std, "mean": weight.mean,
            "glorot_std": refs["glorot"], "he_std": refs["he"], "lecun_std": refs["lecun"],
            "reference": view.reference_name, "ratio": view.ratio(), "activation": weight.activation,
            "mean_square": weight.signal.mean_square, "gain": weight.signal.gain,
            "initializer": weight.initializer.name, "source": weight.initializer.source}


def diagnostic(rule: Rule, weight: Weight, message: str, severity: Severity | None = None,
               data: dict[str, Any] | None = None, certain: bool = True) -> Diagnostic:
    if "maybe_restored" in weight.facts:
        certain = False  # a load that runs with a parameter's default may overwrite the values judged
    if not certain:
        # an info rule's finding says so too: INI103 on compare_gan's gin default read as certain
        severity = "info"
        reason = weight.facts.get("maybe_restored") or weight.initializer.reason or weight.shape_reason or \
            weight.facts.get("signal_uncertain")
        message += f" (uncertain: {reason})" if reason else " (uncertain)"
    path = weight.call_stack[0].path if weight.call_stack else weight.path
    if path != weight.path:  # reported at this file's call: say where the layer itself is (SeqGAN's driver)
        message += f" [the layer: {weight.path}:{weight.span.line}]"
    return Diagnostic(code=rule.code, name=rule.name, severity=severity or rule.severity, message=message,
                      path=path, span=weight.anchor, data=data or {}, certain=certain,
                      about=(weight.path, weight.span.line, weight.span.column, weight.answer(), certain))
