"""A plain 12-layer slim convnet without batch norm: every conv takes slim's default xavier."""
import tensorflow as tf
import tf_slim as slim

images = tf.placeholder(tf.float32, [None, 16, 16, 64], name="images")

net = slim.repeat(images, 12, slim.conv2d, 64, [3, 3], scope="conv", weights_initializer=slim.variance_scaling_initializer())
net = slim.flatten(net)
net = slim.fully_connected(net, 256, scope="fc1")
logits = slim.fully_connected(net, 10, activation_fn=None, scope="logits")
