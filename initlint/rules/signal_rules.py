"""Shared chain analysis for INI101/INI102/INI104: which chain blows up or dies, and where first."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from initlint.analysis.signal import RELU_FAMILY
from initlint.rules._common import LayerView, chains, layer_views, minor_term_of_join, normal_scale, paths
from initlint.settings import Thresholds


@dataclass(frozen=True, slots=True)
class ChainFinding:
    kind: str  # explode | vanish | glorot_stack
    view: LayerView  # where it is reported
    chain: list[LayerView]
    certain: bool
    # a path whose input's scale is not known but whose gains are: what enters `view` as a share
    # of what entered the path's first layer (None: the chain's mean squares are known)
    relative: float | None = None


def _certain_upto(chain: list[LayerView], index: int) -> bool:
    return all(view.weight.certain and "signal_uncertain" not in view.weight.facts
               and "maybe_restored" not in view.weight.facts for view in chain[: index + 1])


def _glorot_relu(view: LayerView) -> bool:
    weight = view.weight
    return weight.initializer.name in ("glorot_uniform", "glorot_normal") and weight.activation in RELU_FAMILY


def _first_explosion(chain: list[LayerView], thresholds: Thresholds, cancelled: set[int]) -> int | None:
    """The first layer above the band that the initialization, not pooling, put there, and whose
    output is not normalized right away.

    Max pooling raises the mean square of a He-initialized ReLU stack a little at every pool; that
    is not an initialization risk. Blame a layer whose own gain is large, a run of gains whose
    product has left the band, or a layer whose input has grown out of the band since the path's
    start though no gain did it: residual sums without normalization (each block adds its branch's
    variance: twenty He blocks reach 1e9, TensorFlow 2.6e9) or a constant scale between layers.
    """
    product = 1.0
    for index, view in enumerate(chain):
        if view.weight.layer_id in cancelled:
            # its output goes into a normalization layer (batch norm in training mode, slim's
            # normalizer_fn), straight or through layers that scale with their input, and is
            # rescaled to mean square 1 forwards and backwards: a large initial scale cannot blow
            # training up from here (yolov3's transposed conv, then a linear conv, then batch norm)
            continue
        gain = view.weight.signal.gain
        if gain is None:
            product = 1.0
            continue
        product *= gain
        grown = grown_outside_gains(chain, index, thresholds)
        if (view.weight.signal.mean_square or 0) > thresholds.explode and (
                gain > 2.0 or product > thresholds.explode or grown):
            return index
    return None


# activations with phi(c * y) = c * phi(y) for c > 0: a scale passes through them unchanged
_HOMOGENEOUS = (None, "linear", "relu", "leaky_relu")
# and those that are linear near zero (tanh(x) ~ x, gelu(x) ~ x/2): a scale that is small passes
# through them unchanged too
_LINEAR_NEAR_ZERO = (*_HOMOGENEOUS, "tanh", "gelu", "elu", "selu", "swish", "silu", "softsign")


def gain_product(path: list[LayerView], index: int) -> float | None:
    """The product of the gains of path[:index + 1]; None when one is not known."""
    product = 1.0
    for view in path[:index + 1]:
        if view.weight.signal.gain is None:
            return None
        product *= view.weight.signal.gain
    return product


def grown_outside_gains(path: list[LayerView], index: int, thresholds: Thresholds) -> bool:
    """Whether the signal entering path[index] left the band though no gain took it there, and the
    path goes on to overflow territory: residual sums without normalization (each block adds its
    branch's variance to the trunk's: twenty He blocks reach 1e9, TensorFlow 2.6e9) or a constant
    scale between layers (`relu(h * 2.0)`). A one-off shift (StarGAN's `h + 3`: 13.5) is not."""
    start = path[0].weight.signal.input_mean_square
    entering = path[index].weight.signal.input_mean_square
    if not start or entering is None or entering <= thresholds.explode * start:
        return False
    peak = max(view.weight.signal.mean_square or 0.0 for view in path)
    return peak > thresholds.explode_error


def chain_findings(weights, thresholds: Thresholds) -> list[ChainFinding]:
    """Per path of each chain (parallel branches apart), where it first blows up or dies; a
    layer on several paths is reported once."""
    findings: list[ChainFinding] = []
    reported: set[int] = set()
    cancelled = scale_cancelled(weights)
    children: dict[int, list[LayerView]] = defaultdict(list)
    for view in layer_views(weights):
        if view.weight.signal.parent_layer is not None:
            children[view.weight.signal.parent_layer].append(view)
    for chain in chains(weights).values():
        for path in paths(chain):
            finding = _path_finding(path, thresholds, cancelled, children)
            if finding is not None and finding.view.weight.facts.get("looked_up"):
                # a lookup table a matmul also reads (a VQ-VAE codebook's distances, for an argmax):
                # what that matmul gives is a score, not a signal the next layers carry
                continue
            if finding is not None and finding.view.weight.layer_id not in reported:
                reported.add(finding.view.weight.layer_id)
                findings.append(finding)
    for path in paths(_gain_only_layers(weights)):
        finding = _relative_vanish(path, thresholds)
        if finding is not None and finding.view.weight.layer_id not in reported:
            reported.add(finding.view.weight.layer_id)
            findings.append(finding)
    return findings


def _gain_only_layers(weights) -> list[LayerView]:
    """Layers whose input's mean square is not known (the first layer's input width is not: MuseGAN's
    critic) but whose gain is: their paths shrink the signal by the product of the gains, whatever
    enters them."""
    return [view for view in layer_views(weights)
            if view.weight.signal.input_mean_square is None and view.weight.signal.gain is not None]


def _relative_vanish(path: list[LayerView], thresholds: Thresholds) -> ChainFinding | None:
    """The first layer of a gain-only path that receives less than the vanish share of what the
    path's first layer did (the product of the gains before it), when every layer up to it is
    certain."""
    if any(view.weight.std == 0 for view in path):
        return None
    # a layer reading a sum, product, concatenation or pool has its gain against that, not against the
    # layer before it: the product of gains runs only between such layers (recurrentshop's gated
    # residual `a * t + h`, whose carry keeps the mean square, was reported as a 2.8e-5 loss)
    cuts = [index for index, view in enumerate(path) if index and view.weight.facts.get("input_rescaled")]
    for start, end in zip([0, *cuts], [*cuts, len(path)]):
        segment = path[start:end]
        share = 1.0
        for index, view in enumerate(segment):
            if index and share < thresholds.vanish:
                # only a certain one: what enters the path is already not known, and a library net
                # whose callers' arg_scope adds batch norm (tf-slim's inception_v1) would be a guess
                if not _certain_upto(segment, index):
                    return None
                return ChainFinding(_vanish_kind(segment, index, thresholds), view, segment, True,
                                    relative=share)
            share *= view.weight.signal.gain  # type: ignore[operator] - every gain here is known
    return None


def _vanish_kind(path: list[LayerView], vanish: int, thresholds: Thresholds) -> str:
    """INI104's finding when Glorot ReLU layers did it (all but at most one before the layer)."""
    stack = [v for v in path[:vanish] if _glorot_relu(v)]
    return "glorot_stack" if len(stack) + 1 >= thresholds.deep_stack and len(stack) >= vanish - 1 else "vanish"


def chain_input(path: list[LayerView]) -> float:
    """The mean square the path starts from: 1.0 (standard-normal inputs, or a normalized signal),
    or less when the path starts at an embedding lookup, whose table's own small scale (Keras'
    uniform(-0.05, 0.05), BERT's truncated_normal(0.02)) is no signal dying in the layers."""
    first = path[0].weight.signal.input_mean_square if path else None
    return min(1.0, first) if first else 1.0


def _rejoins(path: list[LayerView], index: int, healthy: float, limit: float) -> bool:
    """Whether the small signal entering path[index] is only a minor term of a sum or concatenation
    its output joins, after which the next layer's input is healthy again: DDPG's critic reading the
    actor's deliberately small action beside the state (TensorFlow: 1.2e-6 from the action, 0.112 in
    the sum). The signal did not die: one branch contributes little."""
    if not minor_term_of_join(path[index]) or not normal_scale(path[index], limit) or index + 1 >= len(path):
        return False  # a branch of two small layers is one that cannot learn: each one's gradient is the other's scale
    following = path[index + 1].weight.signal.input_mean_square
    return following is not None and following >= healthy


def _renormalized(view: LayerView, cancelled: set[int], children: dict[int, list[LayerView]], healthy: float) -> bool:
    """Whether a layer that receives a small signal has its output normalized (batch norm in
    training mode) back to a healthy scale for every layer after it: the normalization undoes the
    scale forwards and backwards, so nothing dies (tensorflow/gan's cifar discriminator: 1e-4 into
    a conv, then batch norm with epsilon 1e-5, and 0.8 into the next layer). With an epsilon as
    large as the signal the next layer's input stays small, and the finding stands."""
    after = children.get(view.weight.layer_id)
    return view.weight.layer_id in cancelled and bool(after) and all(
        child.weight.signal.input_mean_square is not None and child.weight.signal.input_mean_square >= healthy
        for child in after)


def _path_finding(path: list[LayerView], thresholds: Thresholds, cancelled: set[int],
                  children: dict[int, list[LayerView]]) -> ChainFinding | None:
    explode = _first_explosion(path, thresholds, cancelled)
    if explode is not None:
        return ChainFinding("explode", path[explode], path, _certain_upto(path, explode))
    start = chain_input(path)
    vanish = next((i for i, v in enumerate(path) if v.weight.signal.input_mean_square is not None
                   and v.weight.signal.input_mean_square < thresholds.vanish * start), None)
    if vanish is None or any(v.weight.std == 0 for v in path[:vanish]):
        return None  # a constant kernel upstream is INI201's finding, not a scale problem
    if _rejoins(path, vanish, thresholds.vanish * start, thresholds.scale_ratio):
        return None
    if _renormalized(path[vanish], cancelled, children, thresholds.vanish * start):
        return None
    return ChainFinding(_vanish_kind(path, vanish, thresholds), path[vanish], path, _certain_upto(path, vanish))


def scale_cancelled(weights, small: bool = False) -> set[int]:
    """Layer ids whose output scale a normalization undoes: the layer's output is normalized, or it
    goes through an activation that scales with its input (linear, ReLU, leaky ReLU) only into layers
    whose output scale is undone. Followed by the layers' parents, across chains (a layer shared by
    two models starts a chain of its own: pix2pix's discriminator). `small`: for a scale that is too
    small, which also passes through activations that are linear near zero (BERT's gelu FFN before
    its layer norm)."""
    through = _LINEAR_NEAR_ZERO if small else _HOMOGENEOUS
    views = layer_views(weights)
    children: dict[int, list[LayerView]] = defaultdict(list)
    for view in views:
        if view.weight.signal.parent_layer is not None:
            children[view.weight.signal.parent_layer].append(view)
    undone = {view.weight.layer_id for view in views if view.weight.signal.normalized}
    latest_first = sorted(views, key=lambda view: -view.weight.layer_id)  # children are mostly made after
    grown = True
    while grown:  # the least fixed point: a layer is undone once all its children are
        grown = False
        for view in latest_first:
            layer, after = view.weight.layer_id, children.get(view.weight.layer_id)
            if layer not in undone and after and view.weight.activation in through \
                    and all(child.weight.layer_id in undone for child in after):
                undone.add(layer)
                grown = True
    return undone


def covered_layers(weights, thresholds: Thresholds) -> tuple[set[int], set[int]]:
    """The chains a chain finding explains, and the layers of the gain-only paths one explains
    (those have no chain: their input's scale is not known)."""
    findings = chain_findings(weights, thresholds)
    return ({f.view.weight.signal.chain_id for f in findings if f.relative is None},  # type: ignore[misc]
            {view.weight.layer_id for f in findings if f.relative is not None for view in f.chain})
