/**
 * The three kinds of failure augment reports to a user, each mapped to a documented exit code by
 * the command line: a usage error (2), bad input data (3) and a model that breaks the ONNX contract (3).
 */
package dev.augment.errors;
