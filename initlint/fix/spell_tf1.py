"""TF1 spellings (tf.layers, tf.get_variable, TF1 RNN cells, contrib-slim code): the
`tf.*_initializer` constructors, under the name the file uses for TensorFlow.

`import tensorflow as tf` in TF1 code gives `tf.variance_scaling_initializer(scale=2.0)`; the
same import in TF2 code (or in a file that already writes `tf.compat.v1.`) gives
`tf.compat.v1.variance_scaling_initializer(scale=2.0)`; `import tensorflow.compat.v1 as tf`
gives `tf.variance_scaling_initializer(scale=2.0)`.
"""
from __future__ import annotations

from initlint.fix.imports import import_edit
from initlint.fix.locate import SourceIndex
from initlint.model import Edit

SCALE = {"he": "2.0", "lecun": "1.0"}


def prefix(index: SourceIndex, dialect: str) -> tuple[str, tuple[Edit, ...]] | None:
    """`tf.` or `tf.compat.v1.` (with the file's alias), and the import to add if there is none."""
    v1 = index.names_for(("tensorflow.compat.v1",))
    if v1:
        return f"{v1[0]}.", ()
    names = index.names_for(("tensorflow",))
    if names:
        alias = names[0]
        if dialect == "tf2" or index.uses(f"{alias}.compat.v1."):
            return f"{alias}.compat.v1.", ()
        return f"{alias}.", ()
    edit = import_edit(index, "import tensorflow as tf", "tf")
    if edit is None:
        return None
    return ("tf.compat.v1." if dialect == "tf2" else "tf."), (edit,)


def fan_based(index: SourceIndex, dialect: str, kind: str) -> tuple[str, tuple[Edit, ...]] | None:
    """He (kind 'he') or LeCun (kind 'lecun') normal: TF1's variance scaling, truncated normal,
    fan_in mode, with the truncation corrected (std = sqrt(scale / fan_in))."""
    found = prefix(index, dialect)
    if found is None:
        return None
    p, imports = found
    return f"{p}variance_scaling_initializer(scale={SCALE[kind]})", imports


def call(index: SourceIndex, dialect: str, name: str, args: str) -> tuple[str, tuple[Edit, ...]] | None:
    """Any TF1 constructor: `call(index, 'tf1', 'glorot_uniform_initializer', 'seed=1')`."""
    found = prefix(index, dialect)
    if found is None:
        return None
    p, imports = found
    return f"{p}{name}({args})", imports
