"""Skip files that cannot create a weight before paying for a parse."""
from __future__ import annotations

import re

# Any of these words must appear for a file to be able to create a TensorFlow/Keras/slim weight.
_WEIGHT_WORDS = re.compile(
    r"tensorflow|keras|tf_slim|\bslim\b|get_variable|Variable|initializer|\blayers\b|\bDense\b|\bConv")


def may_create_weights(source: str) -> bool:
    return _WEIGHT_WORDS.search(source) is not None
