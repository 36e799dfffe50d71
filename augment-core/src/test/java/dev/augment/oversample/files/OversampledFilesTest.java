package dev.augment.oversample.files;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link OversampledFiles} writes: Tribuo's values to the last digit, flags and counts per class. */
class OversampledFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCsvKeepsEveryDigitOfATablesNumbers() throws IOException {
        SampleSchema schema = new SampleSchema(List.of("big", "pi"), List.of(2), -1e9, 1e9, List.of("a", "b"),
                List.of("a", "b"));
        // 123456796 is no float (it was written 123456800), and pi and the SMOTE-like value have more digits than a
        // float keeps; the latter is written in plain notation, not as 1.2345697242967057E8
        Example<Label> real = new ArrayExample<>(new Label("a"), new String[] {"big", "pi"},
                new double[] {123456796, 3.14159265358979});
        Example<Label> added = new ArrayExample<>(new Label("b"), new String[] {"big", "pi"},
                new double[] {123456972.42967057, -0.5});
        long[][] counts;
        try (FlaggedCsvWriter writer = new FlaggedCsvWriter(dir, schema)) {
            counts = OversampledFiles.write(List.of(real, added), schema, e -> e == added, writer, n -> { });
        }
        assertEquals(List.of("label,big,pi,synthetic", "a,123456796,3.14159265358979,0", "b,123456972.42967057,-0.5,1"),
                Files.readAllLines(dir.resolve("samples.csv")));
        assertArrayEquals(new long[] {1, 0}, counts[0]);
        assertArrayEquals(new long[] {0, 1}, counts[1]);
    }

    @Test
    void featuresNamedLikeTheLabelOrFlagColumnKeepTheirNamesAndTheOthersMoveAside() throws IOException {
        SampleSchema schema = new SampleSchema(List.of("label", "synthetic", "synthetic_1"), List.of(3), 0, 9,
                List.of("a"), List.of("a"));
        Example<Label> real = new ArrayExample<>(new Label("a"), new String[] {"label", "synthetic", "synthetic_1"},
                new double[] {1, 2, 3});
        try (FlaggedCsvWriter writer = new FlaggedCsvWriter(dir, schema)) {
            OversampledFiles.write(List.of(real), schema, e -> false, writer, n -> { });
        }
        assertEquals(List.of("label_1,label,synthetic,synthetic_1,synthetic_2", "a,1,2,3,0"),
                Files.readAllLines(dir.resolve("samples.csv")));
    }
}
