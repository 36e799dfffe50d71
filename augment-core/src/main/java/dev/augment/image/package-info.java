/** Rendering image samples for people: sample grids for training progress, model cards and reports. */
package dev.augment.image;
