package dev.augment.onnx;

import dev.augment.errors.ModelContractException;
import dev.augment.io.PhysicalPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one-line error for a model path that names no file: a web address, a link whose target is gone (a
 * {@code latest.onnx} link left after its model was deleted was only "not found", while the image reader names a
 * dangling link's target: a fresh user, 7 Dec), or nothing at all.
 */
public final class MissingModelFile {

    private MissingModelFile() {
    }

    /**
     * @param model the path given
     * @return the error saying what the path is and what to give instead
     */
    public static ModelContractException of(Path model) {
        if (model.toString().matches("(?i)(https?|ftp|s3):/.*")) {
            return new ModelContractException(model + ": a web address, not a file; download the model first and "
                    + "give the downloaded .onnx file");
        }
        if (Files.isSymbolicLink(model)) {
            // to the last link's target: a link to a link named the middle one, which exists (a re-check, 7 Dec)
            Path at = model;
            String target = "a path";
            try {
                for (int hops = 0; hops < 40 && Files.isSymbolicLink(at); hops++) {
                    Path next = Files.readSymbolicLink(at);
                    target = next.toString();
                    at = at.resolveSibling(next);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // the last target read is named
            }
            return new ModelContractException(model + " is a link to " + target + ", which does not exist; point "
                    + "the link at an existing .onnx file, or remove it");
        }
        return new ModelContractException(model + ": model file not found" + (model.isAbsolute() ? ""
                : " (looked for " + PhysicalPaths.absolute(model) + ")") + "; give an existing .onnx file");
    }
}
