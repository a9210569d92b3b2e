"""The numeric model of signal-propagation.md: second moments through activations and layers."""
from __future__ import annotations

import math
from functools import lru_cache

# Activations whose E[phi(y)^2] is proportional to E[y^2] for zero-mean y (§2)
_HOMOGENEOUS = {"linear": 1.0, "relu": 0.5}


def _phi(name: str, x: float, alpha: float) -> float:
    if name == "relu":
        return x if x > 0 else 0.0
    if name == "relu6":
        return min(max(x, 0.0), 6.0)
    if name == "leaky_relu":
        return x if x > 0 else alpha * x
    if name == "elu":
        return x if x > 0 else math.expm1(x)
    if name == "selu":
        return 1.0507009873554805 * (x if x > 0 else 1.6732632423543772 * math.expm1(x))
    if name == "tanh":
        return math.tanh(x)
    if name == "softsign":  # not tanh: E[phi^2] at N(0, 1) is 0.183, tanh's 0.394 (tacotron's highway)
        return x / (1.0 + abs(x))
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0
    if name == "hard_sigmoid":  # Keras 2's: a clipped line, not the sigmoid
        return min(max(0.2 * x + 0.5, 0.0), 1.0)
    if name == "softplus":
        return math.log1p(math.exp(-abs(x))) + max(x, 0.0)
    if name in ("swish", "silu"):
        return x / (1.0 + math.exp(-x)) if x > -700 else 0.0
    if name == "gelu":
        return 0.5 * x * (1.0 + math.erf(x / math.sqrt(2.0)))
    return x


def _phi_prime_sq(name: str, x: float, alpha: float) -> float:
    eps = 1e-4
    derivative = (_phi(name, x + eps, alpha) - _phi(name, x - eps, alpha)) / (2 * eps)
    return derivative * derivative


# Not softmax: its output's scale depends on the width and the logits' spread (a distribution over
# 10 tokens read by a discriminator: TensorFlow 0.025 where the logits' 1.73 was carried on, and an
# INI101 followed); what comes after it is not followed.
KNOWN_ACTIVATIONS = {"linear", "relu", "relu6", "leaky_relu", "elu", "selu", "tanh", "sigmoid", "hard_sigmoid",
                     "softplus", "swish", "silu", "gelu", "softsign"}
RELU_FAMILY = {"relu", "relu6", "leaky_relu", "elu", "selu", "gelu", "swish", "silu"}


@lru_cache(maxsize=4096)
def _moments(name: str, q: float, mean: float, alpha: float) -> tuple[float, float, float]:
    """(E[phi(y)^2], E[phi(y)], E[phi'(y)^2]) for y ~ N(mean, q - mean^2), Simpson over ±8 sigma."""
    variance = max(q - mean * mean, 0.0)
    sigma = math.sqrt(variance)
    if sigma == 0.0:
        value = _phi(name, mean, alpha)
        return value * value, value, _phi_prime_sq(name, mean, alpha)
    steps = 160
    low, high = -8.0, 8.0
    h = (high - low) / steps
    second = first = slope = 0.0
    for i in range(steps + 1):
        z = low + i * h
        weight = (1 if i in (0, steps) else 4 if i % 2 else 2) * math.exp(-0.5 * z * z)
        value = _phi(name, mean + sigma * z, alpha)
        second += weight * value * value
        first += weight * value
        slope += weight * _phi_prime_sq(name, mean + sigma * z, alpha)
    norm = h / 3 / math.sqrt(2 * math.pi)
    return second * norm, first * norm, slope * norm


def activate(name: str | None, q: float, mean: float = 0.0, alpha: float = 0.2) -> tuple[float, float, float]:
    """Apply an activation to y with E[y^2] = q and E[y] = mean.

    Returns (E[phi(y)^2], E[phi(y)], E[phi'(y)^2]).
    """
    name = name or "linear"
    if name == "linear" or name not in KNOWN_ACTIVATIONS:
        return q, mean, 1.0
    if name == "relu" and mean == 0.0:
        return 0.5 * q, math.sqrt(max(q, 0.0) / (2 * math.pi)), 0.5
    if q <= 0:
        return 0.0, 0.0, 0.0
    if q > 1e12:  # far out the quadrature is pointless: ReLU-like halves, bounded ones saturate
        if name in RELU_FAMILY:
            return 0.5 * q, math.sqrt(q / (2 * math.pi)), 0.5
        return activate(name, 1e12, 0.0, alpha)
    return _moments(name, q, mean, alpha)


# Neighbouring conv outputs are correlated: TF measured 2.32x after ReLU for 2x2 pooling where
# independent inputs would give 3.08x (signal-propagation.md §3). Keep that share of the excess.
_POOL_CORRELATION = 0.63


@lru_cache(maxsize=1024)
def _relu_max_second_moment(window: int, q: float, mean: float) -> float:
    """E[max of `window` iid relu(y)]^2 for y ~ N(mean, q - mean^2): integral of 2x P(max > x)."""
    sigma = math.sqrt(max(q - mean * mean, 0.0))
    high = max(mean, 0.0) + 10.0 * sigma
    steps = 400
    h = high / steps
    total = 0.0
    for i in range(steps + 1):
        x = i * h
        cdf = 0.5 * (1.0 + math.erf((x - mean) / (sigma * math.sqrt(2.0))))
        weight = 1 if i in (0, steps) else 4 if i % 2 else 2
        total += weight * 2.0 * x * (1.0 - cdf ** window)
    return total * h / 3.0


@lru_cache(maxsize=1024)
def _gaussian_max_moments(window: int, q: float, mean: float) -> tuple[float, float]:
    """(E[M^2], E[M]) of the max M of `window` iid N(mean, q - mean^2): integrals against M's
    density, window * phi(z) * Phi(z)^(window - 1) in standard units."""
    sigma = math.sqrt(max(q - mean * mean, 0.0))
    if sigma == 0.0:
        return q, mean
    steps, low, high = 800, -9.0, 9.0
    h = (high - low) / steps
    second = first = 0.0
    for i in range(steps + 1):
        z = low + i * h
        density = window * math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi) \
            * (0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))) ** (window - 1)
        weight = (1 if i in (0, steps) else 4 if i % 2 else 2) * density
        value = mean + sigma * z
        second += weight * value * value
        first += weight * value
    return second * h / 3.0, first * h / 3.0


def gaussian_max_pool(window: int | None, q: float, mean: float, correlated: bool = True) -> tuple[float, float]:
    """(E[M^2], E[M]) after max pooling a Gaussian signal (no activation since the last layer) with
    E[y^2] = q and E[y] = mean over `window` positions. Neighbouring outputs of one conv are
    correlated (`correlated`, the share §3 measured after ReLU); the positions a global pool takes
    the max of are mostly far apart, and TensorFlow matches the independent value there."""
    if not window or window <= 1 or q <= 0:
        return q, mean
    second, first = _gaussian_max_moments(window, q, mean)
    share = _POOL_CORRELATION if correlated else 1.0
    return q + share * (second - q), mean + share * (first - mean)


def global_average(positions: int, q: float, mean: float) -> float:
    """E[a^2] of the average of `positions` independent values with E[y^2] = q and E[y] = mean: the
    mean's square stays, the variance shrinks by the count (a conv's outputs at different positions
    are uncorrelated at initialization; TensorFlow: 0.327x after a ReLU over 78 positions, 0.013x
    without one)."""
    return mean * mean + max(q - mean * mean, 0.0) / positions


def max_pool_factor(window: int | None, rectified: bool, pre: tuple[float, float] | None = None,
                    correlated: bool = True) -> float:
    """How much max pooling raises the mean square of its input (§3).

    `pre` is the (E[y^2], E[y]) of the pre-activation a ReLU saw; a positive mean (a bias) makes the
    values less sparse and the maximum matters less.
    """
    if not rectified or not window or window <= 1:
        return 1.0
    if pre is None:
        pre = (1.0, 0.0)
    q, mean = pre
    if q <= 0 or q - mean * mean <= 0:
        return 1.0
    rectified_ms = activate("relu", q, mean)[0]
    if rectified_ms <= 0:
        return 1.0
    independent = _relu_max_second_moment(window, q, mean) / rectified_ms
    return 1.0 + (_POOL_CORRELATION if correlated else 1.0) * (independent - 1.0)
