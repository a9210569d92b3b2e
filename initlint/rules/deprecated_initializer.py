"""INI305 deprecated-initializer: initializers removed in TF2, with their modern equivalent."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules.base import Example, Rule

# what the fix writes first (a TF1 spelling, also in tf.compat.v1), then the TF2 name
_CONTRIB_EQUIVALENT = {
    # uniform=False is contrib's truncated normal, 1.0029x glorot_normal_initializer's std: the nearest,
    # not the same (maml's INI305 called it the equivalent where the fix table says unsafe)
    "xavier_initializer": "tf.glorot_uniform_initializer() (tf.keras.initializers.GlorotUniform() in TF2; for "
                          "uniform=False the nearest is glorot_normal_initializer(): contrib's std is 1.0029x its)",
    "xavier_initializer_conv2d": "tf.glorot_uniform_initializer() (tf.keras.initializers.GlorotUniform() in TF2)",
    "variance_scaling_initializer": "tf.variance_scaling_initializer(...) with `factor` renamed `scale` and "
                                    "lowercase modes (contrib's defaults are He normal, scale=2.0; its normal is "
                                    "1.0029x; tf.keras.initializers.VarianceScaling in TF2)",
}


def check(analysis, settings) -> Iterator[Diagnostic]:
    """Reported once where the constructor is written, whether or not a weight is seen to use it."""
    for path, replacement, span in analysis.deprecated_constructors:
        if replacement is None:
            replacement = _CONTRIB_EQUIVALENT.get(path.rsplit(".", 1)[-1])
        if replacement is None:
            continue
        lead = "" if replacement.startswith("the nearest") else "the equivalent is "
        # contrib is gone in TF2; uniform_unit_scaling is left only in tf.compat.v1 (lingvo's init_ops spelling)
        gone = "gone in TF2" if "contrib" in path else "only tf.compat.v1 keeps it in TF2"
        message = f"`{path}` is deprecated ({gone}); {lead}{replacement}"
        yield Diagnostic(code=RULE.code, name=RULE.name, severity=RULE.severity, message=message,
                         path=analysis.path, span=span, data={"api": path, "replacement": replacement})


RULE = Rule(
    code="INI305", name="deprecated-initializer", severity="info",
    summary="uniform_unit_scaling_initializer or a tf.contrib initializer: deprecated, with its equivalent.",
    doc="""## What it does
Reports `tf.uniform_unit_scaling_initializer` and the `tf.contrib.layers` initializers
(`xavier_initializer`, `variance_scaling_initializer`), which TF2 removed, and names the modern
equivalent that gives the same distribution.

A constructor on a branch that a test of TensorFlow's version picks (`if get_tf_version_tuple()
<= (1, 12):`, `tf.__version__`, `tf.VERSION`, `LooseVersion(tf.__version__)`, a name such as
`TF_VERSION`) is not reported: that code already has its path for newer versions (tensorpack's
Conv2D). A test on anything else called a version (`resnet_version == 1`) is no such guard.

## Why is this bad?
The code stops working on TF2; and `uniform_unit_scaling` sizes itself from
`prod(shape[:-1])`, not from TensorFlow's fans, which surprises on rank-1 and conv shapes.

## Example
```python
w = tf.get_variable("w", [256, 256], initializer=tf.uniform_unit_scaling_initializer())
```

Use instead:
```python
w = tf.get_variable("w", [256, 256],
                    initializer=tf.compat.v1.variance_scaling_initializer(distribution="uniform"))
```

## References
- tf-initializers.md §5.1, §5.4, §7.1.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nw = tf.get_variable('w', [256, 256], "
                "initializer=tf.uniform_unit_scaling_initializer())\n", ("INI305",), "tf1"),
        Example("import tensorflow as tf\nw = tf.get_variable('w', [256, 256], "
                "initializer=tf.variance_scaling_initializer(distribution='uniform'))\n", (), "tf1"),
        Example("import tensorflow as tf\nif tf.__version__ < '1.13':\n    init = tf.contrib.layers.xavier_initializer()\n"
                "else:\n    init = tf.glorot_uniform_initializer()\n"
                "w = tf.get_variable('w', [256, 256], initializer=init)\n", (), "tf1"),
    ),
)
