"""Keras spellings: `'he_normal'` as a layer argument; `HeNormal()` (TF2) or `he_normal()` (TF1-era
tf.keras) where an initializer object is written, under the name the file uses for Keras.
"""
from __future__ import annotations

from initlint.fix.imports import import_edit
from initlint.fix.locate import KERAS_INITIALIZERS, KERAS_PACKAGES, SourceIndex
from initlint.model import Edit

STRINGS = {"he": "he_normal", "lecun": "lecun_normal"}
CLASSES = {"he": "HeNormal", "lecun": "LecunNormal"}


def string(index: SourceIndex, kind: str) -> str:
    """The identifier Keras resolves itself, quoted the way the file quotes its strings."""
    return f"{index.quote}{STRINGS[kind]}{index.quote}"


def initializers_prefix(index: SourceIndex) -> tuple[str, tuple[Edit, ...]] | None:
    """`tf.keras.initializers.`, `keras.initializers.` or `initializers.`, whichever the file can
    reach; else add `from tensorflow.keras import initializers` (or the standalone spelling)."""
    names = index.names_for(KERAS_INITIALIZERS)
    if names:
        return f"{names[0]}.", ()
    names = index.names_for(KERAS_PACKAGES)
    if names:
        return f"{names[0]}.initializers.", ()
    names = index.names_for(("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2"))
    if names:
        return f"{names[0]}.keras.initializers.", ()
    package = "tensorflow.keras"
    if any(path.startswith("tf_keras") for path in index.aliases.values()):
        package = "tf_keras"
    elif any(path == "keras" or path.startswith("keras.") for path in index.aliases.values()):
        package = "keras"
    edit = import_edit(index, f"from {package} import initializers", "initializers")
    if edit is None:
        return None
    return "initializers.", (edit,)


def instance(index: SourceIndex, dialect: str, kind: str, reuse_prefix: str | None = None
             ) -> tuple[str, tuple[Edit, ...]] | None:
    """An initializer object: `tf.keras.initializers.HeNormal()`; `he_normal()` in TF1-era code,
    where tf.keras had only the function spellings."""
    name = STRINGS[kind] if dialect == "tf1" else CLASSES[kind]
    if reuse_prefix is not None:
        return f"{reuse_prefix}{name}()", ()
    reachable = (index.names_for(KERAS_INITIALIZERS) or index.names_for(KERAS_PACKAGES)
                 or index.names_for(("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2")))
    if not reachable:
        # the file imports initializer classes by name: import this one the same way
        modules = sorted({path.rsplit(".", 1)[0] for path in index.aliases.values()
                          if path.rsplit(".", 1)[0] in KERAS_INITIALIZERS})
        if modules:
            edit = import_edit(index, f"from {modules[0]} import {name}", name)
            if edit is not None:
                return f"{name}()", (edit,)
    found = initializers_prefix(index)
    if found is None:
        return None
    p, imports = found
    return f"{p}{name}()", imports
