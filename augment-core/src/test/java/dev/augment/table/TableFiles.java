package dev.augment.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-in table samples, and small CSV files written for a test. */
final class TableFiles {

    /** The checked-in samples; Maven runs tests with the module folder as working folder. */
    static final Path SAMPLES = Path.of("..", "datasets", "tabular-sample");
    static final Path CREDIT = SAMPLES.resolve("credit-g.csv");
    static final Path GLASS = SAMPLES.resolve("glass.csv");
    static final Path SOYBEAN = SAMPLES.resolve("soybean.csv");
    static final Path DIABETES = SAMPLES.resolve("diabetes.csv");
    static final Path UNBALANCED = SAMPLES.resolve("unbalanced.csv");

    private TableFiles() {
    }

    /** @return the file {@code dir/name} holding {@code text} as UTF-8 */
    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
