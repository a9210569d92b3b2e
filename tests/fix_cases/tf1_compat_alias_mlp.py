import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

x = tf.placeholder(tf.float32, [None, 784])


def fc(inputs, units, name, activation=tf.nn.relu):
    return tf.layers.dense(inputs, units, activation=activation, name=name,
                           kernel_initializer=tf.truncated_normal_initializer(stddev=0.1))


h1 = fc(x, 1024, "fc1")
h2 = fc(h1, 1024, "fc2")
logits = fc(h2, 10, "logits", activation=None)
