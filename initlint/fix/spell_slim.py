"""tf_slim spellings: `slim.variance_scaling_initializer()` (He: factor 2.0, FAN_IN, normal) under
the file's slim alias.

Code that imports slim from `tf.contrib` gets the TF1 core spelling instead
(`tf.variance_scaling_initializer(scale=2.0)`): initlint reports every `tf.contrib` initializer as
deprecated (INI305), and a fix must not write a new finding.
"""
from __future__ import annotations

from initlint.fix import spell_tf1
from initlint.fix.locate import SLIM_NATIVE, SourceIndex
from initlint.model import Edit

FACTOR = {"he": "", "lecun": "factor=1.0"}


def native_alias(index: SourceIndex) -> str | None:
    names = index.names_for(SLIM_NATIVE)
    return names[0] if names else None


def fan_based(index: SourceIndex, dialect: str, kind: str) -> tuple[str, tuple[Edit, ...]] | None:
    """He or LeCun for a slim layer. tf_slim's variance scaling draws a truncated normal with the
    sqrt(1.3) factor: its std is 1.0029 x sqrt(factor / fan_in)."""
    alias = native_alias(index)
    if alias is not None:
        return f"{alias}.variance_scaling_initializer({FACTOR[kind]})", ()
    return spell_tf1.fan_based(index, dialect, kind)
