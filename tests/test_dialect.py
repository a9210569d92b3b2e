"""Which dialect a file's own text shows, and the evidence named for it (README "Dialect")."""
from __future__ import annotations

import pytest

from initlint.engine import analyze_source
from initlint.settings import Settings

CASES = [
    # `tensorflow.compat.v1` bound to `tf`: its `tf.X` are TF1's
    ("import tensorflow.compat.v1 as tf\n", "tf1", "`tensorflow.compat.v1 as tf` at line 1"),
    ("from tensorflow.compat import v1 as tf\n", "tf1", "`tensorflow.compat import v1 as tf` at line 1"),
    # names imported from it: TF1-style code
    ("from tensorflow.compat.v1.layers import dense\nimport tensorflow as tf\n", "tf1",
     "`from tensorflow.compat.v1.layers import` at line 1"),
    # but a Keras helper imported from it is no TF1 evidence (textgenrnn's TF2 code: its
    # `random_normal_initializer()` was read as stddev 1.0)
    ("from tensorflow.compat.v1.keras.backend import set_session\nimport tensorflow as tf\n"
     "x = tf.keras.Input((3,))\n", "tf2", "`tf.keras` at line 3"),
    # bound to another name, it leaves `tf` alone; `tf.compat.v1.X` written out names TF1 APIs only
    ("import tensorflow as tf\nimport tensorflow.compat.v1 as tf1\n", "tf2", "no TF1-only API"),
    ("import tensorflow as tf\ng = tf.compat.v1.get_default_graph()\nx = tf.keras.Input((3,))\n", "tf2",
     "`tf.keras` at line 3"),
    # `tensorflow.compat.v2` bound to `tf` wins over TF1-era names elsewhere in the file (simclr)
    ("import tensorflow.compat.v2 as tf\ntf.logging.info('x')\n", "tf2", "`tensorflow.compat.v2 as tf` at line 1"),
    ("import tensorflow as tf\nx = tf.placeholder(tf.float32)\n", "tf1", "`tf.placeholder` at line 2"),
    # TF1-only variable APIs with tf.keras layers (planet's mpc_agent: read as TF2, and a
    # `random_normal_initializer()` as stddev 0.05)
    ("import tensorflow as tf\nb = tf.get_local_variable('b', [8])\nx = tf.keras.Input((3,))\n", "tf1",
     "`tf.get_local_variable` at line 2"),
    ("import tensorflow as tf\nx = tf.keras.Input((3,))\nu = tf.scatter_update(b, [0], x)\n", "tf1",
     "`tf.scatter_update` at line 3"),
    ("import tensorflow as tf\nx = tf.keras.Input((3,))\nc = tf.get_collection('losses')\n", "tf1",
     "`tf.get_collection` at line 3"),
    # TF2 keeps tf.tensor_scatter_nd_update
    ("import tensorflow as tf\nx = tf.keras.Input((3,))\nu = tf.tensor_scatter_nd_update(x, [[0]], [1.0])\n",
     "tf2", "`tf.keras` at line 2"),
]


@pytest.mark.parametrize(("source", "dialect", "evidence"), CASES)
def test_the_dialect_and_its_evidence(source: str, dialect: str, evidence: str) -> None:
    result = analyze_source(source + "w = tf.random_normal_initializer()\n", "model.py", Settings())
    assert result.dialect == dialect
    assert evidence in result.dialect_reason


def test_session_names_imported_from_compat_v1_are_no_tf1_evidence() -> None:
    # SimCLR-tensorflow: TF2 code's GPU memory-growth idiom made the file TF1, and its
    # `tf.random_normal_initializer()` a stddev-1.0 INI101 and INI301
    from initlint.analysis.interpret import dialect_evidence

    tf2 = ("from tensorflow.compat.v1 import ConfigProto\nfrom tensorflow.compat.v1 import InteractiveSession\n"
           "import tensorflow as tf\n\n@tf.function\ndef step():\n    pass\n")
    assert dialect_evidence(tf2) == ("tf2", "tf2: `tf.function` at line 5")
    assert dialect_evidence("from tensorflow.compat.v1 import ConfigProto, InteractiveSession\n") is None
    assert dialect_evidence("from tensorflow.compat.v1 import ConfigProto, placeholder\n")[0] == "tf1"
    assert dialect_evidence("from tensorflow.compat.v1.layers import dense\n")[0] == "tf1"
