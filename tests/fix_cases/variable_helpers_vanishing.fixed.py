# The "Deep MNIST" helper pattern with stddev=0.01: every weight comes from one helper, so the
# fix rewrites the helper's random op once, as an initializer that reads the fans from the shape.
import tensorflow as tf


def weight(shape, name):
    return tf.Variable(tf.variance_scaling_initializer(scale=2.0)(shape), name=name)


def bias(shape, name):
    return tf.Variable(tf.constant(0.0, shape=shape), name=name)


x = tf.placeholder(tf.float32, [None, 784])
W1 = weight([784, 512], "W1")
h1 = tf.nn.relu(tf.matmul(x, W1) + bias([512], "b1"))
W2 = weight([512, 512], "W2")
h2 = tf.nn.relu(tf.matmul(h1, W2) + bias([512], "b2"))
W3 = weight([512, 512], "W3")
h3 = tf.nn.relu(tf.matmul(h2, W3) + bias([512], "b3"))
W4 = weight([512, 10], "W4")
logits = tf.matmul(h3, W4) + bias([10], "b4")
