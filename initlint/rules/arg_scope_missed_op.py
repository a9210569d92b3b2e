"""INI303 arg-scope-missed-op: a slim layer not listed in the arg_scope that sets its siblings' init."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic, initial_values_matter
from initlint.rules.base import Example, Rule


def check(analysis, settings) -> Iterator[Diagnostic]:
    for weight in analysis.weights:
        missed = weight.facts.get("arg_scope_missed")
        if not missed or not initial_values_matter(weight):
            continue
        message = (f"{weight.api} is not in the op list of the arg_scope at line {missed['line']}, which sets "
                   f"weights_initializer for {missed['ops']}: this layer silently gets the default "
                   f"{weight.initializer.name}")
        yield diagnostic(RULE, weight, message, None, {"scope_line": missed["line"], "ops": missed["ops"]},
                         weight.certain)


RULE = Rule(
    code="INI303", name="arg-scope-missed-op", severity="warning",
    summary="A slim layer left out of the arg_scope op list that sets weights_initializer for its siblings.",
    doc="""## What it does
Reports a slim / contrib layer created inside a `slim.arg_scope([...], weights_initializer=...)`
whose op list does not include this layer's function, while the layer takes the default. A call
that repeats by hand another argument the scope sets (`trainable=is_train` on each
`fully_connected` under a conv-only scope) is not reported: its author knows the scope leaves it
out, and keeps the default on purpose.

## Why is this bad?
`arg_scope` applies only to the functions it lists, keyed by function identity:
`arg_scope([slim.conv2d], ...)` does not reach `slim.conv2d_transpose`,
`slim.separable_conv2d` or `slim.fully_connected`. The layer looks covered and is not.

## Example
```python
with slim.arg_scope([slim.conv2d], weights_initializer=tf.truncated_normal_initializer(stddev=0.01)):
    net = slim.conv2d(x, 64, [3, 3])
    net = slim.fully_connected(slim.flatten(net), 10)
```

Use instead:
```python
with slim.arg_scope([slim.conv2d, slim.fully_connected],
                    weights_initializer=tf.truncated_normal_initializer(stddev=0.01)):
```

## References
- tf-initializers.md §4.2.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nimport tensorflow.contrib.slim as slim\n"
                "x = tf.placeholder(tf.float32, [None, 32, 32, 3])\n"
                "with slim.arg_scope([slim.conv2d], weights_initializer=tf.variance_scaling_initializer()):\n"
                "    net = slim.conv2d(x, 64, [3, 3])\n"
                "    net = slim.fully_connected(slim.flatten(net), 10, activation_fn=None)\n", ("INI303",)),
        Example("import tensorflow as tf\nimport tensorflow.contrib.slim as slim\n"
                "x = tf.placeholder(tf.float32, [None, 32, 32, 3])\n"
                "with slim.arg_scope([slim.conv2d, slim.fully_connected],\n"
                "                    weights_initializer=tf.variance_scaling_initializer()):\n"
                "    net = slim.conv2d(x, 64, [3, 3])\n"
                "    net = slim.fully_connected(slim.flatten(net), 10, activation_fn=None)\n", ()),
    ),
)
