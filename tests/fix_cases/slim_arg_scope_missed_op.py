# A slim classifier whose arg_scope lists conv2d only: the fully connected layers keep slim's
# default (xavier) instead of the He initializer the scope gives the convolutions.
import tensorflow as tf
import tensorflow.contrib.slim as slim

images = tf.placeholder(tf.float32, [None, 32, 32, 3], name="images")
with slim.arg_scope([slim.conv2d], weights_initializer=tf.variance_scaling_initializer(scale=2.0)):
    net = slim.conv2d(images, 32, [3, 3], scope="conv1")
    net = slim.max_pool2d(net, [2, 2], scope="pool1")
    net = slim.flatten(net)
    net = slim.fully_connected(net, 256, scope="fc1")
    logits = slim.fully_connected(net, 10, activation_fn=None, scope="logits")
