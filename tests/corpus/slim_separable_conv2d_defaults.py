# corpus: google-research/tf-slim tf_slim/layers/layers_test.py:3267: a slim.separable_conv2d call
# without weights_initializer sent the resolution of its pointwise kernel into endless recursion
# (INI902 "analysis gave up: the code nests too deeply"); fixed in analysis/interpret.py.
import tensorflow as tf
import tf_slim as slim

images = tf.placeholder(tf.float32, [5, 3, 3, 3])
net = slim.separable_conv2d(images, 32, [3, 3], 2)  # explain: depthwise_kernel glorot_uniform default shape=3x3x3x2; pointwise_kernel glorot_uniform default shape=1x1x6x32; bias zeros default
