"""DATA: initializer constructors and their defaults per TF generation; MATH: std and mean.

Every row cites tf-initializers.md (§5.1 defaults, §5.2 Keras strings, §5.3 formulas,
§5.4 contrib/slim arithmetic, §6.1 _compute_fans).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

TRUNCATED_STD = 0.87962566103423978  # std of a standard normal truncated at ±2 (§5.3)
CONTRIB_NORMAL_FACTOR = math.sqrt(1.3) * TRUNCATED_STD  # contrib/slim VS normal: 1.00293 (§5.4)


@dataclass(frozen=True, slots=True)
class Constructor:
    """One initializer API: the canonical initializer it builds, its parameters in order, defaults."""

    name: str  # canonical initializer name
    params: tuple[str, ...]
    defaults: dict[str, Any]
    arithmetic: str = "tf"  # tf (TF/Keras formulas) | slim (contrib/slim variance scaling)
    deprecated_for: str | None = None  # the modern equivalent, for deprecated constructors
    tf2_defaults: dict[str, Any] | None = None  # where TF2's constructor differs (§5.1)


def _c(name: str, params: tuple[str, ...] = (), arithmetic: str = "tf", deprecated_for: str | None = None,
       tf2: dict[str, Any] | None = None, **defaults: Any) -> Constructor:
    return Constructor(name, params, defaults, arithmetic, deprecated_for, tf2)


_SEED = ("seed", "dtype")
# tf.* (TF1 semantics unless tf2_defaults; tf.compat.v1.* is always TF1) — §5.1
TF_CONSTRUCTORS: dict[str, Constructor] = {
    "random_normal_initializer": _c("random_normal", ("mean", "stddev", *_SEED), mean=0.0, stddev=1.0,
                                    tf2={"mean": 0.0, "stddev": 0.05}),
    "truncated_normal_initializer": _c("truncated_normal", ("mean", "stddev", *_SEED), mean=0.0, stddev=1.0),
    "random_uniform_initializer": _c("random_uniform", ("minval", "maxval", *_SEED), minval=0.0, maxval=1.0,
                                     tf2={"minval": -0.05, "maxval": 0.05}),
    "uniform_unit_scaling_initializer": _c("uniform_unit_scaling", ("factor", *_SEED), factor=1.0,
                                           deprecated_for="tf.compat.v1.variance_scaling_initializer(scale=1.0, mode='fan_in', distribution='uniform')"),
    "variance_scaling_initializer": _c("variance_scaling", ("scale", "mode", "distribution", *_SEED),
                                       scale=1.0, mode="fan_in", distribution="truncated_normal"),
    "glorot_uniform_initializer": _c("glorot_uniform", _SEED),
    "glorot_normal_initializer": _c("glorot_normal", _SEED),
    "orthogonal_initializer": _c("orthogonal", ("gain", *_SEED), gain=1.0),
    "constant_initializer": _c("constant", ("value", "dtype", "verify_shape"), value=0.0),
    "zeros_initializer": _c("zeros", ("dtype",)),
    "ones_initializer": _c("ones", ("dtype",)),
    "identity_initializer": _c("identity", ("gain", "dtype"), gain=1.0),
}
# tf.initializers.* / tf.compat.v1.initializers.* in TF1 files: v1 init_ops (§5.1)
TF1_INITIALIZERS_MODULE: dict[str, Constructor] = {
    "random_normal": TF_CONSTRUCTORS["random_normal_initializer"],
    "truncated_normal": TF_CONSTRUCTORS["truncated_normal_initializer"],
    "random_uniform": TF_CONSTRUCTORS["random_uniform_initializer"],
    "uniform_unit_scaling": TF_CONSTRUCTORS["uniform_unit_scaling_initializer"],
    "variance_scaling": TF_CONSTRUCTORS["variance_scaling_initializer"],
    "glorot_uniform": TF_CONSTRUCTORS["glorot_uniform_initializer"],
    "glorot_normal": TF_CONSTRUCTORS["glorot_normal_initializer"],
    "orthogonal": TF_CONSTRUCTORS["orthogonal_initializer"],
    "constant": TF_CONSTRUCTORS["constant_initializer"],
    "zeros": TF_CONSTRUCTORS["zeros_initializer"],
    "ones": TF_CONSTRUCTORS["ones_initializer"],
    "identity": TF_CONSTRUCTORS["identity_initializer"],
    "he_normal": _c("he_normal", ("seed",)),
    "he_uniform": _c("he_uniform", ("seed",)),
    "lecun_normal": _c("lecun_normal", ("seed",)),
    "lecun_uniform": _c("lecun_uniform", ("seed",)),
}
_KERAS_RANDOM = ("seed",)
# keras.initializers.* (Keras 2 and 3 agree; §5.1, §5.2)
KERAS_CONSTRUCTORS: dict[str, Constructor] = {
    "RandomNormal": _c("random_normal", ("mean", "stddev", *_KERAS_RANDOM), mean=0.0, stddev=0.05),
    "TruncatedNormal": _c("truncated_normal", ("mean", "stddev", *_KERAS_RANDOM), mean=0.0, stddev=0.05),
    "RandomUniform": _c("random_uniform", ("minval", "maxval", *_KERAS_RANDOM), minval=-0.05, maxval=0.05),
    "VarianceScaling": _c("variance_scaling", ("scale", "mode", "distribution", *_KERAS_RANDOM),
                          scale=1.0, mode="fan_in", distribution="truncated_normal"),
    "GlorotUniform": _c("glorot_uniform", _KERAS_RANDOM),
    "GlorotNormal": _c("glorot_normal", _KERAS_RANDOM),
    "HeNormal": _c("he_normal", _KERAS_RANDOM),
    "HeUniform": _c("he_uniform", _KERAS_RANDOM),
    "LecunNormal": _c("lecun_normal", _KERAS_RANDOM),
    "LecunUniform": _c("lecun_uniform", _KERAS_RANDOM),
    "Orthogonal": _c("orthogonal", ("gain", *_KERAS_RANDOM), gain=1.0),
    "Identity": _c("identity", ("gain",), gain=1.0),
    "Constant": _c("constant", ("value",), value=0.0),
    "Zeros": _c("zeros"),
    "Ones": _c("ones"),
}
for _alias, _target in {
    "random_normal": "RandomNormal", "normal": "RandomNormal", "truncated_normal": "TruncatedNormal",
    "random_uniform": "RandomUniform", "uniform": "RandomUniform", "variance_scaling": "VarianceScaling",
    "glorot_uniform": "GlorotUniform", "glorot_normal": "GlorotNormal", "he_normal": "HeNormal",
    "he_uniform": "HeUniform", "lecun_normal": "LecunNormal", "lecun_uniform": "LecunUniform",
    "orthogonal": "Orthogonal", "OrthogonalInitializer": "Orthogonal", "identity": "Identity",
    "IdentityInitializer": "Identity", "constant": "Constant", "zeros": "Zeros", "zero": "Zeros",
    "ones": "Ones", "one": "Ones",
}.items():
    KERAS_CONSTRUCTORS[_alias] = KERAS_CONSTRUCTORS[_target]
# String identifiers accepted by Keras layers (§5.2): the same table
KERAS_STRINGS = KERAS_CONSTRUCTORS

# slim / contrib (§5.4)
SLIM_CONSTRUCTORS: dict[str, Constructor] = {
    "xavier_initializer": _c("xavier", ("uniform", "seed", "dtype"), "slim", uniform=True),
    "xavier_initializer_conv2d": _c("xavier", ("uniform", "seed", "dtype"), "slim", uniform=True),
    "variance_scaling_initializer": _c("variance_scaling", ("factor", "mode", "uniform", "seed", "dtype"),
                                       "slim", factor=2.0, mode="FAN_IN", uniform=False),
}

# Random tensors used as tf.Variable initial values: (canonical distribution, params, defaults)
RANDOM_OPS: dict[str, Constructor] = {
    "tf.random_normal": _c("random_normal", ("shape", "mean", "stddev", "dtype", "seed"), mean=0.0, stddev=1.0),
    "tf.random.normal": _c("random_normal", ("shape", "mean", "stddev", "dtype", "seed"), mean=0.0, stddev=1.0),
    "tf.truncated_normal": _c("truncated_normal", ("shape", "mean", "stddev", "dtype", "seed"), mean=0.0, stddev=1.0),
    "tf.random.truncated_normal": _c("truncated_normal", ("shape", "mean", "stddev", "dtype", "seed"),
                                     mean=0.0, stddev=1.0),
    "tf.random_uniform": _c("random_uniform", ("shape", "minval", "maxval", "dtype", "seed"), minval=0.0, maxval=1.0),
    "tf.random.uniform": _c("random_uniform", ("shape", "minval", "maxval", "dtype", "seed"), minval=0.0, maxval=1.0),
    "tf.zeros": _c("zeros", ("shape", "dtype")),
    "tf.ones": _c("ones", ("shape", "dtype")),
    "np.random.randn": _c("random_normal", (), mean=0.0, stddev=1.0),
    "np.random.normal": _c("random_normal", ("mean", "stddev", "shape"), mean=0.0, stddev=1.0),
    "np.random.uniform": _c("random_uniform", ("minval", "maxval", "shape"), minval=0.0, maxval=1.0),
    "np.random.rand": _c("random_uniform", (), minval=0.0, maxval=1.0),
    "np.random.random": _c("random_uniform", ("shape",), minval=0.0, maxval=1.0),
    "np.random.random_sample": _c("random_uniform", ("shape",), minval=0.0, maxval=1.0),
    "np.random.standard_normal": _c("random_normal", ("shape",), mean=0.0, stddev=1.0),
    "np.zeros": _c("zeros", ("shape",)),
    "np.ones": _c("ones", ("shape",)),
}

# What a canonical initializer name means, for the text a user reads
DESCRIPTIONS = {
    "glorot_uniform": "Glorot uniform", "glorot_normal": "Glorot normal", "xavier": "Xavier (contrib)",
    "he_normal": "He normal", "he_uniform": "He uniform", "lecun_normal": "LeCun normal",
    "lecun_uniform": "LeCun uniform",
}


def compute_fans(shape: tuple[int | None, ...] | None) -> tuple[int | None, int | None]:
    """TensorFlow's _compute_fans (§6.1): None where a needed dimension is unknown (or negative:
    no tensor has one, TensorFlow refuses it)."""
    if shape is None or any(d is not None and d < 0 for d in shape):
        return None, None
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = _product(shape[:-2])
    fan_in = None if receptive is None or shape[-2] is None else receptive * shape[-2]
    fan_out = None if receptive is None or shape[-1] is None else receptive * shape[-1]
    return fan_in, fan_out


def _product(dims: tuple[int | None, ...]) -> int | None:
    result = 1
    for dim in dims:
        if dim is None:
            return None
        result *= dim
    return result


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _mode_count(mode: str, fan_in: int | None, fan_out: int | None, guard: bool) -> float | None:
    mode = mode.lower()
    if mode == "fan_in":
        n = fan_in
    elif mode == "fan_out":
        n = fan_out
    elif mode == "fan_avg":
        n = None if fan_in is None or fan_out is None else (fan_in + fan_out) / 2
    else:
        return None
    if n is None:
        return None
    return max(1.0, n) if guard else float(n)


MAX_MOMENT = 1e150  # beyond this a square overflows a float: such a std or mean is left unknown


def moments(name: str, params: dict[str, Any], shape: tuple[int | None, ...] | None,
            arithmetic: str = "tf") -> tuple[float | None, float | None]:
    """(std, mean) of the initial values, with the exact formulas of §5.3/§5.4; None if unknown
    (or not a finite number the signal model can square: `stddev=1e300`, `mean=float("inf")`)."""
    std, mean = _moments(name, params, shape, arithmetic)
    return _finite(std), _finite(mean)


def _finite(value: float | None) -> float | None:
    try:
        return value if value is None or abs(value) <= MAX_MOMENT else None  # NaN fails the test too
    except TypeError:
        return None


def _moments(name: str, params: dict[str, Any], shape: tuple[int | None, ...] | None,
             arithmetic: str = "tf") -> tuple[float | None, float | None]:
    if params.get("unit_forget_bias"):
        # a Keras LSTM bias: the forget gate's quarter starts at 1.0 (an eighth of CuDNNLSTM's input
        # and recurrent bias), the rest is the initializer's
        share = params.get("forget_share", 0.25)
        std, mean = _moments(name, {k: v for k, v in params.items() if k not in ("unit_forget_bias", "forget_share")},
                             shape, arithmetic)
        if std is None or mean is None:
            return None, None
        mixed_mean = (1 - share) * mean + share
        second = (1 - share) * (std * std + mean * mean) + share
        return math.sqrt(max(second - mixed_mean * mixed_mean, 0.0)), mixed_mean
    fan_in, fan_out = compute_fans(shape)
    if name == "zeros":
        return 0.0, 0.0
    if name == "ones":
        return 0.0, 1.0
    if name == "constant":
        value = _as_float(params.get("value"))
        return (0.0, value) if value is not None else (None, None)
    if name in ("random_normal", "truncated_normal"):
        mean, stddev = _as_float(params.get("mean")), _as_float(params.get("stddev"))
        if stddev is None:
            return None, mean
        # the spread does not depend on the mean (truncation is at two stddevs around it): known
        # where the mean is not (transformers' T5, `TruncatedNormal(config.initializer_factor)`)
        return (abs(stddev) * (TRUNCATED_STD if name == "truncated_normal" else 1.0)), mean
    if name == "random_uniform":
        low, high = _as_float(params.get("minval")), _as_float(params.get("maxval"))
        if low is None or high is None:
            return None, None
        return abs(high - low) / math.sqrt(12.0), (low + high) / 2
    scale_by_name = {"glorot_uniform": (1.0, "fan_avg"), "glorot_normal": (1.0, "fan_avg"),
                     "he_normal": (2.0, "fan_in"), "he_uniform": (2.0, "fan_in"),
                     "lecun_normal": (1.0, "fan_in"), "lecun_uniform": (1.0, "fan_in")}
    if name == "glorot_normal" and arithmetic == "slim":
        name = "xavier"  # contrib's xavier_initializer(uniform=False): its truncated normal, 1.0029x Glorot's
    if name in scale_by_name:
        scale, mode = scale_by_name[name]
        n = _mode_count(mode, fan_in, fan_out, guard=True)
        return (math.sqrt(scale / n), 0.0) if n else (None, 0.0)
    if name == "xavier":  # contrib/slim: float fans, no max(1, n) guard (§5.4)
        n = _mode_count("fan_avg", fan_in, fan_out, guard=False)
        if not n:
            return None, 0.0
        uniform = params.get("uniform", True)
        factor = 1.0 if uniform is True else CONTRIB_NORMAL_FACTOR if uniform is False else None
        return (factor * math.sqrt(1.0 / n), 0.0) if factor else (None, 0.0)
    if name == "variance_scaling":
        if arithmetic == "slim":
            factor, mode, uniform = _as_float(params.get("factor")), params.get("mode"), params.get("uniform")
            if factor is None or not isinstance(mode, str) or not isinstance(uniform, bool):
                return None, 0.0
            n = _mode_count(mode, fan_in, fan_out, guard=False)
            if not n or factor < 0:  # contrib's math.sqrt raises on a negative factor
                return None, 0.0
            return (1.0 if uniform else CONTRIB_NORMAL_FACTOR) * math.sqrt(factor / n), 0.0
        scale, mode = _as_float(params.get("scale")), params.get("mode")
        if scale is None or not isinstance(mode, str) or not isinstance(params.get("distribution"), str):
            return None, 0.0
        if scale <= 0:  # VarianceScaling raises ValueError: the weight is never created
            return None, 0.0
        n = _mode_count(mode, fan_in, fan_out, guard=True)
        return (math.sqrt(scale / n), 0.0) if n else (None, 0.0)
    if name == "orthogonal":
        gain = _as_float(params.get("gain"))
        if shape is None or len(shape) < 2 or gain is None:
            return None, 0.0
        rows, cols = _product(shape[:-1]), shape[-1]
        if rows is None or cols is None:
            return None, 0.0
        return abs(gain) / math.sqrt(max(rows, cols)), 0.0
    if name == "identity":
        gain = _as_float(params.get("gain"))
        if shape is None or len(shape) != 2 or None in shape or gain is None:
            return None, None
        rows, cols = shape
        diagonal = min(rows, cols) / (rows * cols)
        mean = gain * diagonal
        return math.sqrt(max(0.0, gain * gain * diagonal - mean * mean)), mean
    if name == "uniform_unit_scaling":
        factor = _as_float(params.get("factor"))
        if shape is None or factor is None:
            return None, 0.0
        depth = _product(shape[:-1]) if len(shape) else 1
        if depth is None:
            return None, 0.0
        return abs(factor) / math.sqrt(max(1, depth)), 0.0
    return None, None


def reference_stds(fan_in: int | None, fan_out: int | None) -> dict[str, float | None]:
    """What Glorot, He and LeCun would give for these fans (the std of the values)."""
    return {
        "glorot": math.sqrt(2.0 / (fan_in + fan_out)) if fan_in and fan_out else None,
        "he": math.sqrt(2.0 / fan_in) if fan_in else None,
        "lecun": math.sqrt(1.0 / fan_in) if fan_in else None,
    }
