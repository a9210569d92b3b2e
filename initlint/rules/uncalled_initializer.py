"""INI304 uncalled-initializer: an initializer class or factory passed without calling it."""
from __future__ import annotations

from collections.abc import Iterator

from initlint.model import Diagnostic
from initlint.rules._common import diagnostic
from initlint.rules.base import Example, Rule


def check(analysis, settings) -> Iterator[Diagnostic]:
    seen: set[tuple[int, int]] = set()
    for weight in analysis.weights:
        if not weight.facts.get("uncalled") or (weight.layer_id, weight.anchor.line) in seen:
            continue
        if weight.initializer.name in ("zeros", "ones"):
            continue  # `tf.zeros_initializer` uncalled gives exactly what `tf.zeros_initializer()` gives
        seen.add((weight.layer_id, weight.anchor.line))
        api = weight.facts.get("init_api_path", weight.initializer.api or "the initializer")
        params = ", ".join(f"{k}={v}" for k, v in weight.initializer.params.items())
        message = (f"`{api}` is passed without calling it: TensorFlow instantiates it with its defaults "
                   f"({params or 'no arguments'}), or fails if it is a function; write `{api.rsplit('.', 1)[-1]}(...)`")
        yield diagnostic(RULE, weight, message, None, {"api": api, "params": weight.initializer.params})


RULE = Rule(
    code="INI304", name="uncalled-initializer", severity="warning",
    summary="An initializer class or factory passed uncalled: its defaults apply (or it fails).",
    doc="""## What it does
Reports `initializer=tf.truncated_normal_initializer` (no parentheses) and the like. Zeros and
ones classes (`tf.zeros_initializer`) are left alone: instantiated with no arguments, they give
exactly what calling them gives.

## Why is this bad?
`tf.get_variable` instantiates a class with no arguments, so every parameter takes its default
(stddev 1.0 for TF1's normal initializers). A factory function such as
`tf.initializers.he_normal` is called with the shape as its seed and fails at graph build time.

## Example
```python
w = tf.get_variable("w", [784, 256], initializer=tf.truncated_normal_initializer)
```

Use instead:
```python
w = tf.get_variable("w", [784, 256], initializer=tf.truncated_normal_initializer(stddev=0.05))
```

## References
- tf-initializers.md §1.1 D.
""",
    check=check,
    examples=(
        Example("import tensorflow as tf\nw = tf.get_variable('w', [784, 256], "
                "initializer=tf.glorot_uniform_initializer)\n", ("INI304",), "tf1"),
        Example("import tensorflow as tf\nw = tf.get_variable('w', [784, 256], "
                "initializer=tf.glorot_uniform_initializer())\n", (), "tf1"),
        Example("import tensorflow as tf\nb = tf.get_variable('b', [256], initializer=tf.zeros_initializer)\n", (),
                "tf1"),
    ),
)
