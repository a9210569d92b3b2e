import tensorflow as tf

tf.compat.v1.disable_eager_execution()

z = tf.compat.v1.placeholder(tf.float32, [None, 128])
with tf.compat.v1.variable_scope("decoder", initializer=tf.compat.v1.random_normal_initializer(stddev=0.02)):
    h = tf.compat.v1.layers.dense(z, 512, activation=tf.nn.relu, name="fc1")
    h = tf.compat.v1.layers.dense(h, 512, activation=tf.nn.relu, name="fc2")
    h = tf.compat.v1.layers.dense(h, 512, activation=tf.nn.relu, name="fc3")
    h = tf.compat.v1.layers.dense(h, 512, activation=tf.nn.relu, name="fc4")
    out = tf.compat.v1.layers.dense(h, 784, activation=tf.nn.sigmoid, name="out")
