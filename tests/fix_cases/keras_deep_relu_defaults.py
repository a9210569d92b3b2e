"""A deep Keras MLP for tabular data: twelve ReLU Dense layers at the default glorot_uniform."""
import tensorflow as tf

NUM_FEATURES = 256
HIDDEN = 256

inputs = tf.keras.Input(shape=(NUM_FEATURES,), name="features")
x = inputs
for i in range(12):
    x = tf.keras.layers.Dense(HIDDEN, activation="relu", name=f"hidden_{i}")(x)
outputs = tf.keras.layers.Dense(1, activation="sigmoid", name="score")(x)
model = tf.keras.Model(inputs, outputs)
