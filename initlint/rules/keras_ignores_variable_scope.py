"""INI302 keras-ignores-variable-scope: a Keras layer inside variable_scope(initializer=...)."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic, initial_values_matter
from initlint.rules.base import Example, Rule


def check(analysis, settings) -> Iterator[Diagnostic]:
    for weight in analysis.weights:
        line = weight.facts.get("ignored_variable_scope")
        if line is None or not initial_values_matter(weight) or weight.role not in ("kernel", "depthwise_kernel", "pointwise_kernel", "embeddings"):
            continue
        file = weight.facts.get("ignored_variable_scope_file")
        reported_in = weight.call_stack[0].path if weight.call_stack else weight.path
        where = f"{file}:{line}" if file is not None and file != reported_in else f"line {line}"
        if weight.certain:
            message = (f"this Keras layer ignores the initializer of the enclosing variable_scope ({where}): its "
                       f"{weight.role} gets {weight.initializer.name}; pass it as `{_kwarg(weight.role)}=` if the "
                       f"scope's initializer is what you meant")
        else:
            message = (f"this layer may be a Keras layer, which ignores the initializer of the enclosing "
                       f"variable_scope ({where})")
        yield diagnostic(RULE, weight, message, None, {"scope_line": line, "scope_path": file or reported_in,
                                                        "initializer": weight.initializer.name}, weight.certain)


def _kwarg(role: str) -> str:
    return {"depthwise_kernel": "depthwise_initializer", "pointwise_kernel": "pointwise_initializer",
            "embeddings": "embeddings_initializer"}.get(role, "kernel_initializer")


RULE = Rule(
    code="INI302", name="keras-ignores-variable-scope", severity="warning",
    summary="A Keras layer inside tf.variable_scope(initializer=...) silently ignores that initializer.",
    doc="""## What it does
Reports a Keras layer (`tf.keras.layers.*`, `keras.layers.*`) created inside a
`tf.variable_scope(initializer=...)` without its own initializer argument.

## Why is this bad?
`tf.layers` and `tf.get_variable` take the scope's initializer; Keras layers never do (their
defaults are explicit strings such as `'glorot_uniform'`). Code ported from `tf.layers` to Keras
keeps the scope and silently changes every kernel's initializer.

## Example
```python
with tf.variable_scope("d", initializer=tf.random_normal_initializer(stddev=0.02)):
    h = tf.keras.layers.Conv2D(64, 4)(x)
```

Use instead:
```python
init = tf.random_normal_initializer(stddev=0.02)
h = tf.keras.layers.Conv2D(64, 4, kernel_initializer=init)(x)
```

## References
- tf-initializers.md §3.2, §8.1.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nwith tf.variable_scope('d', initializer=tf.random_normal_initializer("
                "stddev=0.02)):\n    layer = tf.keras.layers.Dense(64)\n", ("INI302",)),
        Example("import tensorflow as tf\nwith tf.variable_scope('d', initializer=tf.random_normal_initializer("
                "stddev=0.02)):\n    layer = tf.keras.layers.Dense(64, kernel_initializer='he_normal')\n", ()),
    ),
)
