"""A Keras CNN whose author copied `RandomNormal(stddev=0.01)` onto every layer from a GAN recipe."""
from tensorflow import keras
from tensorflow.keras import layers

init = keras.initializers.HeNormal()

model = keras.Sequential([
    layers.Conv2D(64, 3, padding="same", activation="relu", kernel_initializer=init, input_shape=(32, 32, 3)),
    layers.Conv2D(64, 3, padding="same", activation="relu", kernel_initializer=init),
    layers.MaxPooling2D(),
    layers.Conv2D(128, 3, padding="same", activation="relu", kernel_initializer=init),
    layers.Conv2D(128, 3, padding="same", activation="relu", kernel_initializer=init),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(
        512,
        activation="relu",
        kernel_initializer=keras.initializers.HeNormal(),
    ),
    layers.Dense(10, kernel_initializer="random_normal"),
])
