# contrib-era slim code: xavier (uniform) has an exact TF1 equivalent, contrib's normal variance
# scaling has a 0.3%-off one (an unsafe fix).
import tensorflow as tf
import tensorflow.contrib.slim as slim

images = tf.placeholder(tf.float32, [None, 32, 32, 3], name="images")
with slim.arg_scope([slim.conv2d, slim.fully_connected],
                    weights_initializer=slim.variance_scaling_initializer(factor=2.0, mode='FAN_IN')):
    net = slim.conv2d(images, 32, [3, 3], scope="conv1")
    net = slim.max_pool2d(net, [2, 2], scope="pool1")
    net = slim.conv2d(net, 64, [3, 3], scope="conv2")
    net = slim.max_pool2d(net, [2, 2], scope="pool2")
    net = slim.flatten(net)
    net = slim.fully_connected(net, 256, scope="fc3")
logits = slim.fully_connected(net, 10, activation_fn=None,
                              weights_initializer=slim.xavier_initializer(), scope="logits")
