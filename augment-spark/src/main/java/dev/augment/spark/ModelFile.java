package dev.augment.spark;

import dev.augment.errors.ModelContractException;
import dev.augment.io.PhysicalPaths;
import org.apache.spark.SparkFiles;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generator file as the driver saw it, sent with every task: where it was, its name (for a copy shipped to
 * the executors with {@code spark-submit --files} or {@code SparkContext.addFile}) and the SHA-256 of its bytes,
 * which the executor's copy must match so that every executor runs the same model.
 *
 * @param driverPath the file's absolute path on the driver
 * @param sha256 SHA-256 of the file's bytes, hex
 */
public record ModelFile(String driverPath, String sha256) implements Serializable {

    /** Validates the fields. */
    public ModelFile {
        if (driverPath == null || driverPath.isBlank()) {
            throw new IllegalArgumentException("model path is empty");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("model SHA-256 must be 64 hex digits, was " + sha256);
        }
    }

    /**
     * @param model a generator file on the driver
     * @return its absolute path and SHA-256
     * @throws ModelContractException when the file is missing, unreadable or not a regular file (a folder, a device,
     *     a pipe)
     */
    public static ModelFile of(Path model) {
        // a folder (train's checkpoint folder) is named as the other commands name it (a re-check, 6 Dec)
        dev.augment.onnx.MetadataReader.refuseFolder(model);
        dev.augment.onnx.MetadataReader.refuseUri(model);
        if (Files.exists(model) && !Files.isRegularFile(model)) {
            // a device or pipe (/dev/zero) was read without end, into an out-of-memory error or a wait for a writer
            throw new ModelContractException(model + ": not a regular file; give an .onnx file");
        }
        try {
            return new ModelFile(PhysicalPaths.absolute(model).toString(),
                    dev.augment.io.FileDigest.sha256(model));
        } catch (NoSuchFileException e) {
            throw new ModelContractException(model + ": model file not found; give an existing .onnx file");
        } catch (IOException e) {
            throw new ModelContractException(model + ": cannot read model file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The file to load on this JVM: the driver's path when it exists here (local mode, a shared file system),
     * else the copy Spark shipped under the same file name ({@link SparkFiles#get}).
     *
     * @return a path to the model on this JVM
     * @throws ModelContractException when neither exists, naming what to do
     */
    public Path localPath() {
        Path path = Path.of(driverPath);
        if (Files.isRegularFile(path)) {
            return path;
        }
        String name = path.getFileName().toString();
        Path shipped;
        try {
            shipped = Path.of(SparkFiles.get(name));
        } catch (RuntimeException e) {
            shipped = null;
        }
        if (shipped != null && Files.isRegularFile(shipped)) {
            return shipped;
        }
        throw new ModelContractException(driverPath + ": the model file is not on this executor; ship it with "
                + "spark-submit --files " + driverPath + " (or SparkContext.addFile), or put it on a shared file system");
    }
}
