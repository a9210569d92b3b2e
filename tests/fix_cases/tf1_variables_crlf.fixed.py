import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784])
w1 = tf.Variable(tf.random_normal([784, 256], stddev=0.05051))
h1 = tf.nn.relu(tf.matmul(x, w1))
w2 = tf.Variable(tf.random_normal([256, 10], stddev=0.0625))
logits = tf.matmul(h1, w2)
