# Zero-initialized hidden layers: every unit computes the same thing and gets the same gradient.
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784], name="x")
W1 = tf.Variable(tf.random_normal([784, 256], stddev=0.05051), name="W1")
h1 = tf.nn.relu(tf.matmul(x, W1))
h2 = tf.layers.dense(h1, 128, activation=tf.nn.relu, kernel_initializer=tf.variance_scaling_initializer(scale=2.0))
logits = tf.layers.dense(h2, 10, kernel_initializer=tf.zeros_initializer())
