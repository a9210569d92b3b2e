import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784])

w1 = tf.get_variable("w1", [784, 256], initializer=tf.glorot_uniform_initializer())
h1 = tf.nn.relu(tf.matmul(x, w1))
w2 = tf.get_variable("w2", [256, 256], initializer=tf.variance_scaling_initializer(scale=1.43 ** 2, mode="fan_in", distribution="uniform"))
h2 = tf.nn.relu(tf.matmul(h1, w2))
logits = tf.layers.dense(h2, 10, kernel_initializer=tf.glorot_uniform_initializer(seed=7))
