# A TF1 MLP written with raw tf.get_variable inside one variable_scope whose initializer
# (N(0, 0.01)) reaches the kernels and the biases alike: the fix cannot go to the scope
# (biases would get a fan-based initializer too), so it goes to each kernel's call.
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784], name="x")
with tf.variable_scope("mlp", initializer=tf.random_normal_initializer(stddev=0.01)):
    w1 = tf.get_variable("w1", [784, 512])
    b1 = tf.get_variable("b1", [512])
    h1 = tf.nn.relu(tf.matmul(x, w1) + b1)
    w2 = tf.get_variable("w2", [512, 512])
    b2 = tf.get_variable("b2", [512])
    h2 = tf.nn.relu(tf.matmul(h1, w2) + b2)
    w3 = tf.get_variable("w3", [512, 512])
    b3 = tf.get_variable("b3", [512])
    h3 = tf.nn.relu(tf.matmul(h2, w3) + b3)
    w4 = tf.get_variable("w4", [512, 10], initializer=tf.zeros_initializer())
    logits = tf.matmul(h3, w4)
