# corpus: tensorflow/tensor2tensor layers/common_layers.py:3534 with models/research/autoencoders.py:365:
# a finding reported in the calling file named the variable_scope by its line number alone
# ("(line 3534)" in autoencoders.py, which has no such scope): tests/test_corpus.py checks that the
# message in model.py names helpers.py (fixed: the scope is shown as helpers.py:9).
import tensorflow as tf


def discriminator(x):
    with tf.variable_scope("d", initializer=tf.random_normal_initializer(stddev=0.02)):
        return tf.keras.layers.Dense(10)(x)  # expect: INI302
