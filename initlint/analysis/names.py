"""Canonical API names: every import spelling of a TensorFlow/Keras/slim API maps to one name.

`tensorflow.compat.v1.layers.dense`, `tf.layers.dense` and `tensorflow.python.layers.core.dense`
all become `tf.layers.dense`; `tensorflow.keras.layers.Dense`, `keras.layers.core.Dense` and
`tf_keras.layers.Dense` become `keras.layers.Dense`; `tf.contrib.slim.conv2d`,
`tf_slim.layers.layers.conv2d` and `tensorflow.contrib.layers.conv2d` become `slim.conv2d`.
"""
from __future__ import annotations

from functools import lru_cache

# Longest prefixes first: the first match wins.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("keras.backend.tf.", "tf."),  # `from keras.backend import tf as ktf` (Keras 2.0-2.2): TensorFlow itself
    ("tensorflow.compat.v1.keras.", "keras."),
    ("tensorflow.compat.v2.keras.", "keras."),
    ("tensorflow.python.keras.", "keras."),
    ("tensorflow.keras.", "keras."),
    ("tensorflow.contrib.keras.python.keras.", "keras."),
    ("tensorflow.contrib.keras.", "keras."),
    ("tf_keras.src.", "keras."),
    ("tf_keras.", "keras."),
    ("keras.src.", "keras."),
    ("tensorflow.contrib.slim.python.slim.nets.", "slim.nets."),
    ("tensorflow.contrib.slim.nets.", "slim.nets."),
    ("tensorflow.contrib.slim.", "slim."),
    ("tensorflow.contrib.layers.", "slim."),
    ("tensorflow.contrib.framework.", "slim."),
    ("tensorflow.contrib.rnn.python.ops.rnn_cell.", "rnn."),
    ("tensorflow.contrib.seq2seq.python.ops.attention_wrapper.", "seq2seq."),
    ("tensorflow.contrib.seq2seq.", "seq2seq."),
    # TF 0.12/1.0's `import tensorflow.contrib.rnn as rnn; rnn.rnn_cell.BasicLSTMCell` (universe-starter-agent)
    ("tensorflow.contrib.rnn.rnn_cell.", "rnn."),
    ("tensorflow.contrib.rnn.python.ops.core_rnn_cell.", "rnn."),
    ("tensorflow.contrib.rnn.", "rnn."),
    ("tensorflow.contrib.eager.", "tf."),  # tfe.Variable is tf.Variable (stanford's eager examples)
    ("tf_slim.nets.", "slim.nets."),
    ("tf_slim.", "slim."),
    # TensorFlow 0.x's `from tensorflow.models.rnn import rnn_cell, rnn` (sketch-rnn)
    ("tensorflow.models.rnn.rnn_cell.", "rnn."),
    ("tensorflow.models.rnn.rnn.", "tf.nn."),
    ("tensorflow.compat.v1.nn.rnn_cell.", "rnn."),
    ("tensorflow.nn.rnn_cell.", "rnn."),
    ("tensorflow.python.ops.rnn_cell_impl.", "rnn."),
    ("tensorflow.python.ops.rnn_cell.", "rnn."),
    ("tensorflow.compat.v1.", "tf."),
    ("tensorflow.compat.v2.", "tf."),
    ("tensorflow.python.ops.init_ops_v2.", "tf."),
    ("tensorflow.python.ops.init_ops.", "tf."),
    ("tensorflow.python.ops.variable_scope.", "tf."),
    ("tensorflow.python.ops.variables.", "tf."),
    ("tensorflow.python.ops.random_ops.", "tf."),
    ("tensorflow.python.ops.array_ops.", "tf."),
    ("tensorflow.python.ops.math_ops.", "tf."),
    ("tensorflow.python.ops.nn_ops.", "tf.nn."),
    ("tensorflow.python.ops.nn.", "tf.nn."),
    # `from tensorflow.python.ops.rnn import dynamic_rnn` (bnlstm) is tf.nn.dynamic_rnn
    ("tensorflow.python.ops.rnn.", "tf.nn."),
    ("tensorflow.python.ops.", "tf."),
    ("tensorflow.python.layers.", "tf.layers."),
    ("tensorflow.python.framework.", "tf."),
    ("tensorflow.", "tf."),
    ("numpy.", "np."),
    # dm-tree (graph_nets, sonnet 2) is tf.nest's structure walking: `tree.flatten`, `tree.map_structure`
    ("tree.", "tf.nest."),
    # `from six.moves import range` (most Google TF1 code): Python 3's builtins under six's names
    ("six.moves.builtins.", "builtins."),
    ("six.moves.", "builtins."),
    ("future.builtins.", "builtins."),
)
_EXACT = {
    "tensorflow": "tf",
    "keras.backend.tf": "tf",
    "tensorflow.compat.v1": "tf",
    "tensorflow.compat.v2": "tf",
    "tensorflow.keras": "keras",
    "tensorflow.compat.v1.keras": "keras",
    "tensorflow.python.keras": "keras",
    "tf_keras": "keras",
    "tensorflow.contrib.slim": "slim",
    "tensorflow.contrib.layers": "slim",
    "tensorflow.contrib.framework": "slim",
    "tf_slim": "slim",
    "numpy": "np",
}
# Module segments that only say where a name lives, not what it is.
_SLIM_NOISE = {"python", "layers", "ops", "framework", "variables", "initializers", "arg_scope",
               "slim", "contrib"}
_TF_LAYERS_NOISE = {"core", "convolutional", "normalization", "pooling", "base"}
_KERAS_NOISE = {"src", "layers", "core", "convolutional", "recurrent", "embeddings", "normalization",
                "pooling", "merge", "reshaping", "regularization", "activation", "activations",
                "initializers", "convolution", "rnn", "legacy", "engine", "models", "input_layer",
                "random_initializers", "constant_initializers", "initializers_v2", "initializers_v1",
                "dense", "conv1d", "conv2d", "conv3d", "conv2d_transpose", "conv3d_transpose",
                "conv1d_transpose", "separable_conv1d", "separable_conv2d", "depthwise_conv1d",
                "depthwise_conv2d", "embedding", "lstm", "gru", "simple_rnn", "batch_normalization",
                "sequential", "functional", "training", "base_layer", "advanced_activations", "prelu",
                "leaky_relu", "elu", "relu", "softmax"}


def forced_dialect(path: str) -> str | None:
    """A name under tensorflow.compat.v1 is TF1 whatever the file's dialect (and v2 likewise)."""
    path = _inner_compat(path)
    if path.startswith("tensorflow.compat.v1") or path.startswith("tensorflow.python.ops.init_ops."):
        return "tf1"
    if path.startswith("tensorflow.compat.v2") or path.startswith("tensorflow.python.ops.init_ops_v2."):
        return "tf2"
    return None


# The initializer classes TensorFlow's own modules define (DeepCTR imports them from init_ops, and
# from init_ops_v2 as a fallback): the constructors they are (forced_dialect gives their defaults'
# dialect by the module)
_INIT_OPS_CLASSES = {"TruncatedNormal": "truncated_normal", "RandomNormal": "random_normal",
                     "RandomUniform": "random_uniform", "Zeros": "zeros", "Ones": "ones", "Constant": "constant",
                     "GlorotUniform": "glorot_uniform", "GlorotNormal": "glorot_normal",
                     "VarianceScaling": "variance_scaling", "Orthogonal": "orthogonal", "Identity": "identity"}
_EXACT.update({f"tensorflow.python.ops.{module}.{cls}": f"tf.{function}_initializer"
               for module in ("init_ops", "init_ops_v2") for cls, function in _INIT_OPS_CLASSES.items()})


def _inner_compat(path: str) -> str:
    """`tensorflow.compat.v2.compat.v1.layers.dense` (adanet's `import tensorflow.compat.v2 as tf` and
    `tf.compat.v1.layers.dense`) is `tensorflow.compat.v1.layers.dense`."""
    while path.startswith(("tensorflow.compat.v1.compat.", "tensorflow.compat.v2.compat.")):
        path = "tensorflow." + path[len("tensorflow.compat.v1."):]
    return path


@lru_cache(maxsize=8192)  # a pure function of the name, asked ~4,000 times per file of tensor2tensor
def canonical(path: str) -> str:
    """Fold an import path into initlint's canonical API name."""
    path = _inner_compat(path)
    if path in _EXACT:
        return _EXACT[path]
    for prefix, replacement in _PREFIXES:
        if path.startswith(prefix):
            path = replacement + path[len(prefix):]
            break
    parts = path.split(".")
    head = parts[0]
    if head == "tf" and len(parts) > 2 and parts[1] == "keras":
        return canonical("tensorflow." + ".".join(parts[1:]))
    if head == "tf" and len(parts) > 2 and parts[1] == "contrib":
        full = "tensorflow." + ".".join(parts[1:])
        # only a contrib module with a prefix of its own folds further (tf.contrib.eager would loop)
        if any(full.startswith(prefix) for prefix, _ in _PREFIXES if prefix != "tensorflow."):
            return canonical(full)
        return path
    if head == "slim" and len(parts) > 2 and parts[1] != "nets":
        middle = [p for p in parts[1:-1] if p not in _SLIM_NOISE]
        return ".".join(["slim", *middle, parts[-1]])
    if head == "tf" and len(parts) > 3 and parts[1] == "layers":
        middle = [p for p in parts[2:-1] if p not in _TF_LAYERS_NOISE]
        return ".".join(["tf", "layers", *middle, parts[-1]])
    if head == "keras" and len(parts) > 2:
        kind = parts[1]
        middle = [p for p in parts[1:-1] if p not in _KERAS_NOISE]
        if kind in ("src", "engine", "models", "legacy"):
            kind = next((p for p in parts[1:-1] if p in ("layers", "initializers", "activations",
                                                          "models")), kind)
        if kind in ("layers", "initializers", "activations", "models") and not middle:
            return f"keras.{kind}.{parts[-1]}"
    return path
