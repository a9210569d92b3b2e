from keras import backend as K
from keras.layers import Activation, Convolution2D, Dense, Flatten
from keras.models import Sequential

K.set_image_dim_ordering("tf")

model = Sequential()
model.add(Convolution2D(32, 3, 3, border_mode="same", input_shape=(28, 28, 1), init="he_normal"))
model.add(Activation("relu"))
model.add(Convolution2D(64, 3, 3, subsample=(2, 2), init="he_normal"))
model.add(Activation("relu"))
model.add(Flatten())
model.add(Dense(output_dim=128, init="he_normal"))
model.add(Activation("relu"))
model.add(Dense(10))
