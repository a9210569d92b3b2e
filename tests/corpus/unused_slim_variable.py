# corpus: google-research/tf-slim tf_slim/ops/variables_test.py:853: variables made with
# slim.variable and never multiplied by anything (values for an assign test) got INI103 "layer scale
# mismatch" with fans read off their odd shapes (fixed: a variable no layer uses is no kernel).
import tensorflow as tf
import tf_slim as slim

initializer = tf.truncated_normal_initializer(stddev=.1)
var0 = slim.variable("my_var0", shape=[1, 3, 1], initializer=initializer)  # explain: variable truncated_normal explicit shape=1x3x1
var1 = slim.variable("my_var1", shape=[2, 1, 2], initializer=initializer)  # explain: variable truncated_normal explicit shape=2x1x2
