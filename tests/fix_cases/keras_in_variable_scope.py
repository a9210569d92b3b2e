# TF1 code ported from tf.layers to tf.keras.layers inside a variable_scope that sets He
# initialization: the Keras layers silently ignore the scope and fall back to glorot_uniform.
import tensorflow as tf

images = tf.placeholder(tf.float32, [None, 28, 28, 1], name="images")
with tf.variable_scope("net", initializer=tf.variance_scaling_initializer(scale=2.0)):
    net = tf.keras.layers.Conv2D(32, 3, activation="relu")(images)
    net = tf.keras.layers.Flatten()(net)
    logits = tf.keras.layers.Dense(10)(net)
