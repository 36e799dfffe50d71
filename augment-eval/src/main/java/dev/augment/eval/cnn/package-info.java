/**
 * A small convolutional network as a Tribuo classifier, for image data: {@link dev.augment.eval.cnn.CnnTrainer}
 * (a {@code Trainer<Label>}, configurable with OLCUT) trains it with DJL's PyTorch engine and returns a
 * {@link dev.augment.eval.cnn.CnnModel} (a {@code Model<Label>} with Tribuo provenance) that predicts
 * like any Tribuo model. It is the third classifier family of the evaluation ({@code --trainer cnn}),
 * beside a linear model and a forest, because the ranking of oversampling policies depends on the
 * classifier. {@link dev.augment.eval.cnn.CnnFeatureClassifier} trains the same network on dense images
 * (no Tribuo dataset) and gives its predictions and penultimate-layer features, for the CNN quality check.
 *
 * <p>DJL stays inside this package: the public types take and return Tribuo types or plain arrays
 * only, the trained weights are copied out into plain float arrays, and the network is rebuilt in DJL
 * for each prediction call and freed at its end.
 */
package dev.augment.eval.cnn;
