from tensorflow.keras.initializers import TruncatedNormal
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

kernel_init = TruncatedNormal(stddev=0.001)

inputs = Input(shape=(1024,))
hidden = Dense(1024, activation="relu", kernel_initializer=kernel_init)(inputs)
hidden = Dense(1024, activation="relu", kernel_initializer=kernel_init)(hidden)
hidden = Dense(1024, activation="relu", kernel_initializer=kernel_init)(hidden)
outputs = Dense(10, activation="softmax")(hidden)
model = Model(inputs, outputs)
