"""DATA: every weight-creating layer API — its parameters in order, its weights, their default
initializers, kernel layouts, and whether a variable_scope initializer can reach them.

Defaults follow tf-initializers.md: §2.2 (tf.layers: kernel None -> scope -> glorot, bias zeros),
§3.1 (Keras: explicit strings, never the scope), §4.1 (slim: xavier weights, zeros biases,
relu activation, no bias under a normalizer), §2.3 (TF1 RNN cells).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# A default initializer: a canonical name with params, or None for "whatever get_variable picks"
SCOPE = None


@dataclass(frozen=True, slots=True)
class WeightSpec:
    role: str
    kwarg: str | None  # the parameter that sets its initializer
    default: tuple[str, dict[str, Any]] | None  # None: falls through to variable_scope, then glorot
    layout: str  # how the shape is built, see interpret._weight_shape
    # always | use_bias | slim_bias | pointwise | bn_center | bn_scale, or on a parameter (its value,
    # else the spec's default): if:P (true), unless:P (false), given:P (not None); P may be a|b
    # (the first one passed: a parameter renamed between releases)
    when: str = "always"
    arithmetic: str = "tf"
    none_is_default: bool = False  # the library puts its default in place of an explicit None
    phase: str = "call"  # call (at the first call) | construct (when the object is made, in that scope)


@dataclass(frozen=True, slots=True)
class ArgPower:
    """A default initializer's parameter read off the layer's arguments: args[param] ** power."""
    param: str
    power: float


@dataclass(frozen=True, slots=True)
class LayerSpec:
    api: str  # canonical name
    family: str  # tf_layers | keras | slim | rnn_cell
    kind: str  # dense | conv | conv_transpose | separable | depthwise | embedding | rnn | rnn_cell | norm
    params: tuple[str, ...]  # positional order (functional APIs start with the inputs)
    defaults: dict[str, Any]
    weights: tuple[WeightSpec, ...]
    takes_inputs: bool  # functional (inputs first) vs a class constructed then called
    rank: int = 0  # spatial rank for convolutions
    activation_param: str = "activation"

    @property
    def scope_reaches(self) -> bool:
        return any(w.default is SCOPE for w in self.weights)


GLOROT = ("glorot_uniform", {})
ZEROS = ("zeros", {})
ONES = ("ones", {})
XAVIER = ("xavier", {"uniform": True})
ORTHOGONAL = ("orthogonal", {"gain": 1.0})
KERAS_UNIFORM = ("random_uniform", {"minval": -0.05, "maxval": 0.05})

_TFL_BIAS = WeightSpec("bias", "bias_initializer", ZEROS, "bias", "use_bias")
_KERAS_BIAS = WeightSpec("bias", "bias_initializer", ZEROS, "bias", "use_bias")
_SLIM_BIAS = WeightSpec("bias", "biases_initializer", ZEROS, "bias", "slim_bias")

LAYERS: dict[str, LayerSpec] = {}


def _add(spec: LayerSpec, *aliases: str) -> None:
    for name in (spec.api, *aliases):
        LAYERS[name] = spec


# --- tf.layers (functions and classes) §2.2 ---
_TFL_DENSE = ("units", "activation", "use_bias", "kernel_initializer", "bias_initializer")
_TFL_CONV = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "activation",
             "use_bias", "kernel_initializer", "bias_initializer")
_TFL_CONVT = ("filters", "kernel_size", "strides", "padding", "data_format", "activation", "use_bias",
              "kernel_initializer", "bias_initializer")
_TFL_SEP = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
            "depth_multiplier", "activation", "use_bias", "depthwise_initializer", "pointwise_initializer",
            "bias_initializer")
_TFL_DEFAULTS = {"activation": None, "use_bias": True, "strides": 1, "padding": "valid",
                 "dilation_rate": 1, "depth_multiplier": 1, "data_format": "channels_last"}
for fn, cls, kind, rank, params in (
    ("dense", "Dense", "dense", 0, _TFL_DENSE),
    ("conv1d", "Conv1D", "conv", 1, _TFL_CONV), ("conv2d", "Conv2D", "conv", 2, _TFL_CONV),
    ("conv3d", "Conv3D", "conv", 3, _TFL_CONV),
    ("conv2d_transpose", "Conv2DTranspose", "conv_transpose", 2, _TFL_CONVT),
    ("conv3d_transpose", "Conv3DTranspose", "conv_transpose", 3, _TFL_CONVT),
    ("separable_conv1d", "SeparableConv1D", "separable", 1, _TFL_SEP),
    ("separable_conv2d", "SeparableConv2D", "separable", 2, _TFL_SEP),
):
    if kind == "separable":
        weights = (WeightSpec("depthwise_kernel", "depthwise_initializer", SCOPE, "depthwise"),
                   WeightSpec("pointwise_kernel", "pointwise_initializer", SCOPE, "pointwise"), _TFL_BIAS)
    else:
        weights = (WeightSpec("kernel", "kernel_initializer", SCOPE, kind), _TFL_BIAS)
    _add(LayerSpec(f"tf.layers.{fn}", "tf_layers", kind, ("inputs", *params), _TFL_DEFAULTS, weights, True, rank),
         *( [f"tf.layers.convolution{rank}d"] if fn == f"conv{rank}d" else []))
    _add(LayerSpec(f"tf.layers.{cls}", "tf_layers", kind, params, _TFL_DEFAULTS, weights, False, rank),
         *( [f"tf.layers.Convolution{rank}D"] if cls == f"Conv{rank}D" else []))
_TFL_BN = (WeightSpec("gamma", "gamma_initializer", ONES, "channels", "bn_scale"),
           WeightSpec("beta", "beta_initializer", ZEROS, "channels", "bn_center"))
_add(LayerSpec("tf.layers.batch_normalization", "tf_layers", "norm",
               ("inputs", "axis", "momentum", "epsilon", "center", "scale"),
               {"center": True, "scale": True, "training": False, "epsilon": 1e-3}, _TFL_BN, True))
_add(LayerSpec("tf.layers.BatchNormalization", "tf_layers", "norm", ("axis", "momentum", "epsilon", "center", "scale"),
               {"center": True, "scale": True, "epsilon": 1e-3}, _TFL_BN, False))

# --- Keras §3.1 ---
_K_DENSE = ("units", "activation", "use_bias", "kernel_initializer", "bias_initializer")
_K_CONV = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups",
           "activation", "use_bias", "kernel_initializer", "bias_initializer")
_K_CONVT = ("filters", "kernel_size", "strides", "padding", "output_padding", "data_format", "dilation_rate",
            "activation", "use_bias", "kernel_initializer", "bias_initializer")
_K_SEP = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier",
          "activation", "use_bias", "depthwise_initializer", "pointwise_initializer", "bias_initializer")
_K_DW = ("kernel_size", "strides", "padding", "depth_multiplier", "data_format", "dilation_rate", "activation",
         "use_bias", "depthwise_initializer", "bias_initializer")
_K_DEFAULTS = {"activation": None, "use_bias": True, "strides": 1, "padding": "valid", "dilation_rate": 1,
               "depth_multiplier": 1, "groups": 1, "data_format": None}
for cls, kind, rank, params in (
    ("Dense", "dense", 0, _K_DENSE),
    ("Conv1D", "conv", 1, _K_CONV), ("Conv2D", "conv", 2, _K_CONV), ("Conv3D", "conv", 3, _K_CONV),
    ("Conv1DTranspose", "conv_transpose", 1, _K_CONVT), ("Conv2DTranspose", "conv_transpose", 2, _K_CONVT),
    ("Conv3DTranspose", "conv_transpose", 3, _K_CONVT),
    ("SeparableConv1D", "separable", 1, _K_SEP), ("SeparableConv2D", "separable", 2, _K_SEP),
    ("DepthwiseConv1D", "depthwise", 1, _K_DW), ("DepthwiseConv2D", "depthwise", 2, _K_DW),
):
    if kind == "separable":
        weights = (WeightSpec("depthwise_kernel", "depthwise_initializer", GLOROT, "depthwise"),
                   WeightSpec("pointwise_kernel", "pointwise_initializer", GLOROT, "pointwise"), _KERAS_BIAS)
    elif kind == "depthwise":
        weights = (WeightSpec("depthwise_kernel", "depthwise_initializer", GLOROT, "depthwise"),
                   WeightSpec("bias", "bias_initializer", ZEROS, "depthwise_bias", "use_bias"))
    else:
        weights = (WeightSpec("kernel", "kernel_initializer", GLOROT, kind), _KERAS_BIAS)
    aliases = []
    if kind == "conv":
        # Keras 1's dilated convolutions (segmentation_keras' DilatedNet: 8 of its 19 convs were missing)
        aliases += [f"keras.layers.Convolution{rank}D", f"keras.layers.AtrousConvolution{rank}D",
                    f"keras.layers.AtrousConv{rank}D"]
    if kind == "conv_transpose":
        aliases.append(f"keras.layers.Convolution{rank}DTranspose")
    if kind == "separable":
        aliases.append(f"keras.layers.SeparableConvolution{rank}D")
    _add(LayerSpec(f"keras.layers.{cls}", "keras", kind, params, _K_DEFAULTS, weights, False, rank), *aliases)
_add(LayerSpec("keras.layers.Embedding", "keras", "embedding", ("input_dim", "output_dim", "embeddings_initializer"),
               {}, (WeightSpec("embeddings", "embeddings_initializer", KERAS_UNIFORM, "embedding"),), False))
_K_RNN = ("units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
          "recurrent_initializer", "bias_initializer", "unit_forget_bias")
for cls, gates in (("SimpleRNN", 1), ("GRU", 3), ("LSTM", 4)):
    params = _K_RNN if cls != "SimpleRNN" else tuple(p for p in _K_RNN if p != "recurrent_activation")
    bias = WeightSpec("bias", "bias_initializer", ("zeros", {"unit_forget_bias": True}) if cls == "LSTM" else ZEROS,
                      f"rnn_bias{gates}", "use_bias")
    layer = LayerSpec(f"keras.layers.{cls}", "keras", "rnn", params,
                      {"activation": "tanh", "use_bias": True, "unit_forget_bias": True, "gates": gates},
                      (WeightSpec("kernel", "kernel_initializer", GLOROT, f"rnn_kernel{gates}"),
                       WeightSpec("recurrent_kernel", "recurrent_initializer", ORTHOGONAL, f"rnn_recurrent{gates}"),
                       bias), False)
    _add(layer)
    # the cell makes the layer's weights; called on one step it returns (output, [states])
    _add(replace(layer, api=f"keras.layers.{cls}Cell"))
KERAS_CELLS = frozenset(f"keras.layers.{cls}Cell" for cls in ("SimpleRNN", "GRU", "LSTM"))
# CuDNNGRU / CuDNNLSTM (Keras 2, tf.compat.v1.keras): the cuDNN kernels' two bias vectors, input and
# recurrent, in one [2 x gates x units] bias (R-Net's GRUs were not listed at all)
for cls, gates in (("CuDNNGRU", 3), ("CuDNNLSTM", 4)):
    bias = WeightSpec("bias", "bias_initializer", ("zeros", {"unit_forget_bias": True, "forget_share": 0.125})
                      if cls == "CuDNNLSTM" else ZEROS, f"rnn_cudnn_bias{gates}")
    _add(LayerSpec(f"keras.layers.{cls}", "keras", "rnn",
                   ("units", "kernel_initializer", "recurrent_initializer", "bias_initializer", "unit_forget_bias"),
                   {"activation": "tanh", "use_bias": True, "unit_forget_bias": True, "gates": gates},
                   (WeightSpec("kernel", "kernel_initializer", GLOROT, f"rnn_kernel{gates}"),
                    WeightSpec("recurrent_kernel", "recurrent_initializer", ORTHOGONAL, f"rnn_recurrent{gates}"),
                    bias), False))
_K_BN = (WeightSpec("gamma", "gamma_initializer", ONES, "channels", "bn_scale"),
         WeightSpec("beta", "beta_initializer", ZEROS, "channels", "bn_center"))
_add(LayerSpec("keras.layers.BatchNormalization", "keras", "norm", ("axis", "momentum", "epsilon", "center", "scale"),
               {"center": True, "scale": True, "epsilon": 1e-3}, _K_BN, False))
_add(LayerSpec("keras.layers.LayerNormalization", "keras", "norm", ("axis", "epsilon", "center", "scale"),
               {"center": True, "scale": True, "epsilon": 1e-3}, _K_BN, False))
# Keras 2.11+ (and tensorflow-addons before it): gamma and beta per channel, as a batch norm's
_add(LayerSpec("keras.layers.GroupNormalization", "keras", "norm", ("groups", "axis", "epsilon", "center", "scale"),
               {"center": True, "scale": True, "epsilon": 1e-3}, _K_BN, False))
# PReLU's slope is a weight, one per input element but the shared axes: zeros, a ReLU at first
_add(LayerSpec("keras.layers.PReLU", "keras", "prelu", ("alpha_initializer", "alpha_regularizer",
                                                        "alpha_constraint", "shared_axes"),
               {}, (WeightSpec("alpha", "alpha_initializer", ZEROS, "prelu_alpha"),), False))

# --- slim / contrib §4.1 ---
_S_CONV = ("num_outputs", "kernel_size", "stride", "padding", "data_format", "rate", "activation_fn",
           "normalizer_fn", "normalizer_params", "weights_initializer", "weights_regularizer",
           "biases_initializer")
_S_CONVT = ("num_outputs", "kernel_size", "stride", "padding", "data_format", "activation_fn", "normalizer_fn",
            "normalizer_params", "weights_initializer", "weights_regularizer", "biases_initializer")
_S_SEP = ("num_outputs", "kernel_size", "depth_multiplier", "stride", "padding", "data_format", "rate",
          "activation_fn", "normalizer_fn", "normalizer_params", "weights_initializer", "pointwise_initializer",
          "weights_regularizer", "biases_initializer")
_S_FC = ("num_outputs", "activation_fn", "normalizer_fn", "normalizer_params", "weights_initializer",
         "weights_regularizer", "biases_initializer")
_S_DEFAULTS = {"activation_fn": "relu", "normalizer_fn": None, "stride": 1, "padding": "SAME", "rate": 1,
               "depth_multiplier": 1, "data_format": None}
_add(LayerSpec("slim.conv2d", "slim", "conv", ("inputs", *_S_CONV), _S_DEFAULTS,
               (WeightSpec("kernel", "weights_initializer", XAVIER, "conv", arithmetic="slim"), _SLIM_BIAS), True, 2,
               "activation_fn"), "slim.convolution2d")
_add(LayerSpec("slim.conv1d", "slim", "conv", ("inputs", *_S_CONV), _S_DEFAULTS,
               (WeightSpec("kernel", "weights_initializer", XAVIER, "conv", arithmetic="slim"), _SLIM_BIAS), True, 1,
               "activation_fn"), "slim.convolution1d")
_add(LayerSpec("slim.conv3d", "slim", "conv", ("inputs", *_S_CONV), _S_DEFAULTS,
               (WeightSpec("kernel", "weights_initializer", XAVIER, "conv", arithmetic="slim"), _SLIM_BIAS), True, 3,
               "activation_fn"), "slim.convolution3d")
_add(LayerSpec("slim.convolution", "slim", "conv", ("inputs", *_S_CONV), _S_DEFAULTS,
               (WeightSpec("kernel", "weights_initializer", XAVIER, "conv", arithmetic="slim"), _SLIM_BIAS), True, 0,
               "activation_fn"))
_add(LayerSpec("slim.conv2d_transpose", "slim", "conv_transpose", ("inputs", *_S_CONVT), _S_DEFAULTS,
               (WeightSpec("kernel", "weights_initializer", XAVIER, "conv_transpose", arithmetic="slim"), _SLIM_BIAS),
               True, 2, "activation_fn"), "slim.convolution2d_transpose")
_add(LayerSpec("slim.separable_conv2d", "slim", "separable", ("inputs", *_S_SEP), _S_DEFAULTS,
               (WeightSpec("depthwise_kernel", "weights_initializer", XAVIER, "depthwise", arithmetic="slim"),
                WeightSpec("pointwise_kernel", "pointwise_initializer", XAVIER, "pointwise", "pointwise", "slim"),
                WeightSpec("bias", "biases_initializer", ZEROS, "separable_bias", "slim_bias")),
               True, 2, "activation_fn"), "slim.separable_convolution2d")
_add(LayerSpec("slim.fully_connected", "slim", "dense", ("inputs", *_S_FC), _S_DEFAULTS,
               (WeightSpec("kernel", "weights_initializer", XAVIER, "dense", arithmetic="slim"), _SLIM_BIAS), True, 0,
               "activation_fn"))
# slim.linear = functools.partial(fully_connected, activation_fn=None): the same op for arg_scope
_add(replace(LAYERS["slim.fully_connected"], api="slim.linear", defaults={**_S_DEFAULTS, "activation_fn": None}))
_add(LayerSpec("slim.batch_norm", "slim", "norm", ("inputs", "decay", "center", "scale"),
               {"center": True, "scale": False, "epsilon": 1e-3},
               (WeightSpec("gamma", None, ONES, "channels", "bn_scale"),
                WeightSpec("beta", None, ZEROS, "channels", "bn_center")), True, activation_param="activation_fn"))

# slim.bias_add (tf.contrib.layers.bias_add): a [C] `biases` variable added to its input (GAT's heads)
_add(LayerSpec("slim.bias_add", "slim", "bias",
               ("inputs", "activation_fn", "initializer", "regularizer", "reuse", "variables_collections",
                "outputs_collections", "trainable", "data_format", "scope"),
               {"activation_fn": None}, (WeightSpec("bias", "initializer", ZEROS, "channels"),), True,
               activation_param="activation_fn"))

# slim's other normalizations (tf_slim/layers/layers.py, normalization.py): beta then gamma, both
# made by default, [C] over the channel axis (layer_norm: inputs.shape[begin_params_axis:])
_SLIM_NORM_PARAMS = (WeightSpec("beta", None, ZEROS, "channels", "bn_center"),
                     WeightSpec("gamma", None, ONES, "channels", "bn_scale"))
_add(LayerSpec("slim.layer_norm", "slim", "norm",
               ("inputs", "center", "scale", "activation_fn", "reuse", "variables_collections",
                "outputs_collections", "trainable", "begin_norm_axis", "begin_params_axis"),
               {"center": True, "scale": True, "activation_fn": None, "begin_params_axis": -1, "epsilon": 1e-12},
               _SLIM_NORM_PARAMS,
               True, activation_param="activation_fn"))
_add(LayerSpec("slim.instance_norm", "slim", "norm",
               ("inputs", "center", "scale", "epsilon", "activation_fn", "param_initializers", "reuse",
                "variables_collections", "outputs_collections", "trainable", "data_format"),
               {"center": True, "scale": True, "activation_fn": None, "epsilon": 1e-6}, _SLIM_NORM_PARAMS, True,
               activation_param="activation_fn"))
_add(LayerSpec("slim.group_norm", "slim", "norm",
               ("inputs", "groups", "channels_axis", "reduction_axes", "center", "scale", "epsilon",
                "activation_fn", "param_initializers"),
               {"center": True, "scale": True, "activation_fn": None, "channels_axis": -1, "epsilon": 1e-6},
               _SLIM_NORM_PARAMS,
               True, activation_param="activation_fn"))
# the normalizations that take their parameters' initializers as one dict, `param_initializers`
PARAM_INITIALIZERS = frozenset({"slim.batch_norm", "slim.instance_norm", "slim.group_norm"})

# --- TF1 RNN cells §2.3: kernels follow the scope; weights in the order build() creates them ---
# The layout's digit is how many num_units wide the weight is ([in+n, k*n] kernels, [k*n] biases).
_CELL_KERNEL = WeightSpec("kernel", "kernel_initializer", SCOPE, "cell_kernel1")
_CELL_BIAS = WeightSpec("bias", None, ZEROS, "cell_bias1")
# GRUCell: gates/{kernel,bias} [in+n, 2n], [2n] then candidate/{kernel,bias} [in+n, n], [n]; one
# kernel_initializer for both kernels, one bias_initializer for both biases, and build() puts the
# gate bias at 1.0 ("not reset and not update" at the start) and the candidate bias at 0 only when
# bias_initializer is None.
_GRU_CELL = (WeightSpec("kernel", "kernel_initializer", SCOPE, "cell_kernel2"),
             WeightSpec("bias", "bias_initializer", ("constant", {"value": 1.0}), "cell_bias2", none_is_default=True),
             WeightSpec("kernel", "kernel_initializer", SCOPE, "cell_kernel1"),
             WeightSpec("bias", "bias_initializer", ZEROS, "cell_bias1", none_is_default=True))
# LayerNormBasicLSTMCell (tf.contrib.rnn): `kernel` [in+n, 4n] from get_variable without an
# initializer; with layer_norm a `gamma` (norm_gain) and `beta` (norm_shift) [n] for each of the
# input, transform, forget and output gates and the state, and no bias; without it a `bias` [4n],
# also without an initializer, so the scope's or glorot_uniform, not zeros.
_LN_LSTM_CELL = (
    WeightSpec("kernel", None, SCOPE, "cell_kernel4"),
    WeightSpec("bias", None, SCOPE, "cell_bias4", "unless:layer_norm"),
    *((WeightSpec("gamma", "norm_gain", ("constant", {"value": 1.0}), "cell_bias1", "if:layer_norm"),
       WeightSpec("beta", "norm_shift", ("constant", {"value": 0.0}), "cell_bias1", "if:layer_norm")) * 5))
# NASCell (tf.contrib.rnn): `recurrent_kernel` [num_proj or n, 8n], `kernel` [in, 8n], a zero `bias`
# [8n] with use_bias (use_biases before TF 1.6), `projection_weights` [n, num_proj] with num_proj.
_NAS_CELL = (WeightSpec("recurrent_kernel", None, SCOPE, "cell_recurrent8"),
             WeightSpec("kernel", None, SCOPE, "cell_input8"),
             WeightSpec("bias", None, ZEROS, "cell_bias8", "if:use_bias|use_biases"),
             WeightSpec("kernel", None, SCOPE, "cell_projection", "given:num_proj"))
# LSTMCell (tf.nn.rnn_cell, tf.contrib.rnn): `kernel` [in + (num_proj or n), 4n] (the recurrent
# state is the projected output), a zero `bias` [4n], with use_peepholes `w_f_diag`, `w_i_diag`,
# `w_o_diag` [n], with num_proj `projection/kernel` [n, num_proj]; `initializer` sets all but the bias.
_LSTM_KERNEL = WeightSpec("kernel", "initializer", SCOPE, "cell_kernel4")
_LSTM_CELL = (_LSTM_KERNEL, replace(_CELL_BIAS, layout="cell_bias4"),
              *(replace(_LSTM_KERNEL, layout="cell_bias1", when="if:use_peepholes"),) * 3,
              replace(_LSTM_KERNEL, layout="cell_projection", when="given:num_proj"))
for cls, params, weights, defaults in (
    ("LayerNormBasicLSTMCell", ("num_units", "forget_bias", "input_size", "activation", "layer_norm", "norm_gain",
                                "norm_shift", "dropout_keep_prob", "dropout_prob_seed", "reuse"),
     _LN_LSTM_CELL, {"layer_norm": True}),
    ("NASCell", ("num_units", "num_proj", "use_bias", "reuse"), _NAS_CELL, {"use_bias": False, "num_proj": None}),
    ("LSTMCell", ("num_units", "use_peepholes", "cell_clip", "initializer", "num_proj", "proj_clip",
                  "num_unit_shards", "num_proj_shards", "forget_bias", "state_is_tuple", "activation", "reuse"),
     _LSTM_CELL, {"use_peepholes": False, "num_proj": None}),
):
    _add(LayerSpec(f"rnn.{cls}", "rnn_cell", "rnn_cell", params, defaults, weights, False))
# LSTMBlockCell and LSTMBlockFusedCell (tf.contrib.rnn, lstm_ops.py): `kernel` [in+n, 4n] from
# add_variable without an initializer, a zero `bias` [4n], with use_peephole w_i/w_f/w_o_diag [n]
# (no initializer either). The fused cell runs a whole [time, batch, in] sequence in one call.
_BLOCK_LSTM = (WeightSpec("kernel", None, SCOPE, "cell_kernel4"), replace(_CELL_BIAS, layout="cell_bias4"),
               *(WeightSpec("kernel", None, SCOPE, "cell_bias1", "if:use_peephole"),) * 3)
for cls, params in (("LSTMBlockCell", ("num_units", "forget_bias", "cell_clip", "use_peephole", "dtype", "reuse", "name")),
                    ("LSTMBlockFusedCell", ("num_units", "forget_bias", "cell_clip", "use_peephole", "reuse", "dtype",
                                            "name"))):
    _add(LayerSpec(f"rnn.{cls}", "rnn_cell", "rnn_cell", params, {"use_peephole": False}, _BLOCK_LSTM, False))
FUSED_CELLS = {"rnn.LSTMBlockFusedCell"}
# GRUBlockCell and GRUBlockCellV2 (tf.contrib.rnn, gru_ops.py): GRUCell's layout, from add_variable
# without an initializer for the kernels (w_ru [in+n, 2n], w_c [in+n, n]: the scope's or
# glorot_uniform), b_ru [2n] at 1.0 and b_c [n] at 0.0, with no parameter to change any of them
_GRU_BLOCK = (WeightSpec("kernel", None, SCOPE, "cell_kernel2"),
              WeightSpec("bias", None, ("constant", {"value": 1.0}), "cell_bias2"),
              WeightSpec("kernel", None, SCOPE, "cell_kernel1"),
              WeightSpec("bias", None, ("constant", {"value": 0.0}), "cell_bias1"))
for cls in ("GRUBlockCell", "GRUBlockCellV2"):
    _add(LayerSpec(f"rnn.{cls}", "rnn_cell", "rnn_cell", ("num_units", "cell_size", "reuse", "name"), {}, _GRU_BLOCK,
                   False))
for cls, params, weights in (
    ("BasicRNNCell", ("num_units", "activation"), (_CELL_KERNEL, _CELL_BIAS)),
    ("BasicLSTMCell", ("num_units", "forget_bias", "state_is_tuple", "activation", "reuse"),
     (replace(_CELL_KERNEL, layout="cell_kernel4"), replace(_CELL_BIAS, layout="cell_bias4"))),
    ("GRUCell", ("num_units", "activation", "reuse", "kernel_initializer", "bias_initializer"), _GRU_CELL),
):
    _add(LayerSpec(f"rnn.{cls}", "rnn_cell", "rnn_cell", params, {}, weights, False))

# --- tf.contrib.seq2seq attention (TF 1.x contrib/seq2seq/python/ops/attention_wrapper.py) ---
# A mechanism's memory_layer (tf.layers Dense, no bias) runs on the memory in its constructor; the
# rest is made at the AttentionWrapper's first call, the query layer reading the cell's output.
# Layouts in_by:P are [in, P]; in is the memory's depth, the cell's output, or (the wrapper's
# attention_layer) the cell's output + the memory's depth.
_MEMORY_LAYER = WeightSpec("kernel", None, SCOPE, "in_by:num_units", phase="construct")
_MECHANISM = ("num_units", "memory", "memory_sequence_length")
_MECHANISM_TAIL = ("probability_fn", "score_mask_value", "dtype", "custom_key_value_fn", "name")
# LuongAttention(scale=True): a scalar attention_g, ones_initializer (1.0 before TF 1.5)
_add(LayerSpec("seq2seq.LuongAttention", "rnn_cell", "rnn_cell", (*_MECHANISM, "scale", *_MECHANISM_TAIL),
               {"scale": False}, (_MEMORY_LAYER, WeightSpec("gamma", None, ONES, "scalar", "if:scale")), False))
# BahdanauAttention: query_layer (Dense, no bias), attention_v [num_units] from get_variable without
# an initializer; normalize=True adds a scalar attention_g at sqrt(1/num_units), attention_b [n] at 0
_add(LayerSpec("seq2seq.BahdanauAttention", "rnn_cell", "rnn_cell", (*_MECHANISM, "normalize", *_MECHANISM_TAIL),
               {"normalize": False},
               (_MEMORY_LAYER, WeightSpec("kernel", None, SCOPE, "in_by:num_units"),
                WeightSpec("kernel", None, SCOPE, "cell_bias1"),
                WeightSpec("gamma", None, ("constant", {"value": ArgPower("num_units", -0.5)}), "scalar",
                           "if:normalize"),
                WeightSpec("bias", None, ZEROS, "cell_bias1", "if:normalize")), False))
# The monotonic mechanisms add a scalar attention_score_bias at score_bias_init (0.0 by default)
_SCORE_BIAS = WeightSpec("bias", None, ("constant", {"value": ArgPower("score_bias_init", 1.0)}), "scalar")
_MONOTONIC_TAIL = ("score_mask_value", "sigmoid_noise", "sigmoid_noise_seed", "score_bias_init", "mode", "dtype",
                   "name")
_add(LayerSpec("seq2seq.BahdanauMonotonicAttention", "rnn_cell", "rnn_cell",
               (*_MECHANISM, "normalize", *_MONOTONIC_TAIL), {"normalize": False, "score_bias_init": 0.0},
               (*LAYERS["seq2seq.BahdanauAttention"].weights, _SCORE_BIAS), False))
_add(LayerSpec("seq2seq.LuongMonotonicAttention", "rnn_cell", "rnn_cell",
               (*_MECHANISM, "scale", *_MONOTONIC_TAIL), {"scale": False, "score_bias_init": 0.0},
               (*LAYERS["seq2seq.LuongAttention"].weights, _SCORE_BIAS), False))
# AttentionWrapper(attention_layer_size=k): one attention_layer (Dense, no bias) per mechanism
_add(LayerSpec("seq2seq.AttentionWrapper", "rnn_cell", "rnn_cell",
               ("cell", "attention_mechanism", "attention_layer_size", "alignment_history", "cell_input_fn",
                "output_attention", "initial_cell_state", "name", "attention_layer", "attention_fn", "dtype"),
               {"output_attention": True, "attention_layer_size": None},
               (WeightSpec("kernel", None, SCOPE, "in_by:attention_layer_size", "given:attention_layer_size"),),
               False))
ATTENTION_WRAPPERS = {"seq2seq.AttentionWrapper"}
# OutputProjectionWrapper (tf.contrib.rnn): at its first call, its cell, then rnn_cell_impl's _Linear on
# the cell's output: a `kernel` [cell output, output_size] (the scope's initializer) and a zero `bias`
_add(LayerSpec("rnn.OutputProjectionWrapper", "rnn_cell", "rnn_cell", ("cell", "output_size", "activation", "reuse"),
               {}, (WeightSpec("kernel", None, SCOPE, "in_by:output_size"),
                    WeightSpec("bias", None, ZEROS, "by:output_size")), False))
PROJECTION_WRAPPERS = {"rnn.OutputProjectionWrapper"}

# Ops whose arg_scope identity is shared (slim.conv2d is slim.convolution2d, §4.2)
ARG_SCOPE_KEY = {name: spec.api for name, spec in LAYERS.items() if spec.family == "slim"}
ARG_SCOPE_KEY["slim.linear"] = "slim.fully_connected"
ARG_SCOPE_KEY.update({"slim.variable": "slim.variable", "slim.model_variable": "slim.model_variable"})

# Pooling and other shape ops by family: (canonical -> (kind, params))
POOLS: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {}
for prefix, params, defaults in (
    ("tf.layers.", ("inputs", "pool_size", "strides", "padding", "data_format"), {"padding": "valid"}),
    ("slim.", ("inputs", "kernel_size", "stride", "padding", "data_format"), {"stride": 2, "padding": "VALID"}),
    ("tf.nn.", ("value", "ksize", "strides", "padding", "data_format"), {}),
):
    for name, kind in (("max_pooling2d", "max"), ("average_pooling2d", "avg"), ("max_pooling1d", "max"),
                       ("average_pooling1d", "avg"), ("max_pool2d", "max"), ("avg_pool2d", "avg"),
                       ("max_pool", "max"), ("avg_pool", "avg"), ("max_pool2d", "max")):
        POOLS[prefix + name] = (kind, params, defaults)
KERAS_POOLS = {"MaxPooling1D": "max", "MaxPooling2D": "max", "MaxPooling3D": "max", "MaxPool2D": "max",
               "MaxPool1D": "max", "AveragePooling1D": "avg", "AveragePooling2D": "avg", "AvgPool2D": "avg",
               "AveragePooling3D": "avg", "GlobalAveragePooling2D": "gavg", "GlobalMaxPooling2D": "gmax",
               "GlobalAveragePooling1D": "gavg", "GlobalMaxPooling1D": "gmax", "GlobalAveragePooling3D": "gavg",
               "GlobalMaxPooling3D": "gmax",
               # the short names Keras gives the same classes
               **{f"Global{short}Pool{rank}D": kind for short, kind in (("Avg", "gavg"), ("Max", "gmax"))
                  for rank in (1, 2, 3)}}


# Keras 1 argument names, which standalone Keras 2 (keras/legacy/interfaces.py, up to 2.3) still
# converts and tf.keras never accepted: by layer kind, then for every kind
KERAS1_ARGUMENTS: dict[str, dict[str, str]] = {
    "dense": {"output_dim": "units", "init": "kernel_initializer", "bias": "use_bias"},
    "conv": {"nb_filter": "filters", "filter_length": "kernel_size", "subsample_length": "strides",
             "subsample": "strides", "border_mode": "padding", "dim_ordering": "data_format",
             "init": "kernel_initializer", "bias": "use_bias", "atrous_rate": "dilation_rate"},
    "rnn": {"output_dim": "units", "init": "kernel_initializer", "inner_init": "recurrent_initializer",
            "inner_activation": "recurrent_activation"},
    "embedding": {"init": "embeddings_initializer"},
    "norm": {"beta_init": "beta_initializer", "gamma_init": "gamma_initializer"},
}
KERAS1_ARGUMENTS["conv_transpose"] = KERAS1_ARGUMENTS["conv"]
KERAS1_DATA_FORMATS = {"tf": "channels_last", "th": "channels_first"}
