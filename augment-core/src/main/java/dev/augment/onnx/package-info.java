/**
 * The ONNX contract: exporting a trained generator to a self-describing ONNX file (graph built with
 * Tribuo's ONNX utilities, metadata holding schema and provenance) and reading that metadata back
 * ({@link dev.augment.onnx.CutShortModel} tells a file cut short from one broken otherwise).
 * After export the ONNX file is the only thing passed on.
 */
package dev.augment.onnx;
