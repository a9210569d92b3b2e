import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 784])
w1 = tf.Variable(tf.random_normal([784, 256]))
h1 = tf.nn.relu(tf.matmul(x, w1))
w2 = tf.Variable(tf.random_normal([256, 10]))
logits = tf.matmul(h1, w2)
