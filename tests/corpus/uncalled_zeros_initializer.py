# corpus: tensorflow/tensor2tensor tensor2tensor/utils/yellowfin.py:199 (and 16 more in the repository):
# `initializer=tf.zeros_initializer` without parentheses got INI304, yet TensorFlow instantiates the
# class with no arguments, which is exactly `tf.zeros_initializer()` (fixed: zeros/ones are left alone).
import tensorflow.compat.v1 as tf

moment = tf.get_variable("h_max", [], initializer=tf.zeros_initializer)  # explain: variable zeros explicit
x = tf.placeholder(tf.float32, [None, 64])
w = tf.get_variable("w", [64, 32], initializer=tf.truncated_normal_initializer)  # explain: variable truncated_normal explicit std=0.8796  # expect: INI301, INI304
