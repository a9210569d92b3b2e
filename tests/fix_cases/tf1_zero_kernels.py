# Zero-initialized hidden layers: every unit computes the same thing and gets the same gradient.
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784], name="x")
W1 = tf.Variable(tf.zeros([784, 256]), name="W1")
h1 = tf.nn.relu(tf.matmul(x, W1))
h2 = tf.layers.dense(h1, 128, activation=tf.nn.relu, kernel_initializer=tf.zeros_initializer())
logits = tf.layers.dense(h2, 10, kernel_initializer=tf.zeros_initializer())
