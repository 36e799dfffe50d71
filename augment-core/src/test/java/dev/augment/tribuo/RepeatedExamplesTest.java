package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class whose rows are each repeated more than k times gets only copies from SMOTE: its k nearest neighbours are
 * its own copies. That is said (a fresh user's 50-times-repeated credit-g got 20 000 copies as "SMOTE" silently).
 */
class RepeatedExamplesTest {

    @TempDir
    Path dir;

    /** 20 rows of big; small's 3 distinct rows each written {@code repeats} times. */
    private CsvTableSource table(int repeats) throws IOException {
        StringBuilder csv = new StringBuilder("x,z,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i * 3 % 7).append(",big\n");
        }
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < 3; i++) {
                csv.append(100 + i).append(',').append(i).append(",small\n");
            }
        }
        return new CsvTableSource(Files.writeString(dir.resolve("t.csv"), csv), "y", Map.of());
    }

    @Test
    void smoteOnAClassOfRowsRepeatedMoreThanKTimesSaysItsExamplesAreCopies() throws IOException {
        AugmentingDataSource repeated = new AugmentingDataSource(table(6), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(repeated.warnings().contains("most SMOTE examples drawn from class 'small' (about 100%; 18 of its "
                + "18 examples are repeated, 6 times at most) are exact copies of real ones (random oversampling): a "
                + "repeated example's copies are its nearest neighbours (k = 5); if they are copies of one "
                + "record, drop "
                + "them, or use a k above the repeat count; if they are different records that agree (a few "
                + "categorical "
                + "answers), copies are what SMOTE can make of them"), repeated.warnings().toString());
        assertEquals(1.0, copyShare(repeated), 1e-12, "a SMOTE example between copies is a copy");
        // ROS copies by design: nothing to say
        AugmentingDataSource ros = new AugmentingDataSource(table(6), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(ros.warnings().stream().anyMatch(w -> w.contains("exact copies")), ros.warnings().toString());
    }

    /**
     * Rows repeated exactly k times have one distinct neighbour among k: (k - 1) / k of SMOTE's examples are copies,
     * and the first rule (repeats of k + 1 or more) said nothing (a fresh user, 5 Dec: 86% copies without a word).
     */
    /** A class of identical (all-black) images got only copies under SMOTE's name without a word (5 Dec). */
    @Test
    void aClassOfIdenticalImagesIsNamedToo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        java.util.Random random = new java.util.Random(26);
        for (int i = 0; i < 20; i++) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 64; p++) {
                image.getRaster().setSample(p % 8, p / 8, 0, random.nextInt(256));
            }
            java.nio.file.Files.createDirectories(dir.resolve("a"));
            javax.imageio.ImageIO.write(image, "png", dir.resolve("a").resolve(i + ".png").toFile());
        }
        for (int i = 0; i < 6; i++) {
            java.nio.file.Files.createDirectories(dir.resolve("b"));
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("b").resolve(i + ".png").toFile());
        }
        AugmentingDataSource black = new AugmentingDataSource(new dev.augment.data.ImageFolderSource(dir),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(black.warnings().stream().anyMatch(w -> w.startsWith("most SMOTE examples drawn from class 'b' "
                + "(about 100%; 6 of its 6 examples are repeated")), black.warnings().toString());
    }

    @Test
    void rowsRepeatedKTimesAreNamedWithTheShareOfCopiesTheyGive() throws IOException {
        AugmentingDataSource exactlyK = new AugmentingDataSource(table(5), AugmentationPolicy.counts(
                Map.of("small", 400)), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(exactlyK.warnings().stream().anyMatch(w -> w.startsWith("most SMOTE examples drawn from class "
                + "'small' (about 80%; 15 of its 15 examples are repeated, 5 times at most)")),
                exactlyK.warnings().toString());
        double measured = copyShare(exactlyK);
        assertTrue(Math.abs(measured - 0.8) < 0.06, "the share said is the share measured over 400: " + measured);
        // twice each: one neighbour in five is a copy, 20%: SMOTE interpolates and nothing is said
        AugmentingDataSource twice = new AugmentingDataSource(table(2), AugmentationPolicy.counts(
                Map.of("small", 400)), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(twice.warnings().stream().anyMatch(w -> w.contains("exact copies")), twice.warnings().toString());
        assertTrue(copyShare(twice) < 0.3, "measured: " + copyShare(twice));
    }

    /** @return the share of the added examples that equal a real example of their class */
    /**
     * SMOTE-NC on soybean (no numeric column) added 487 copies of real rows among 1 065, every added row of three
     * classes, reported as SMOTE-NC without a word, although its real rows are all distinct (a fresh user, 6 Dec).
     */
    @Test
    void smoteNcWithoutANumericColumnSaysItsRowsAreVotesOftenCopies() throws IOException {
        StringBuilder csv = new StringBuilder("colour,size,shape,y\n");
        String[] colours = {"red", "blue", "green"};
        for (int i = 0; i < 30; i++) {
            csv.append(colours[i % 3]).append(',').append(i % 2 == 0 ? "big" : "small").append(',')
                    .append(i % 5 == 0 ? "round" : "flat").append(",common\n");
        }
        for (int i = 0; i < 4; i++) { // four distinct rows, alike but for one column each
            csv.append(i == 1 ? "blue" : "red").append(',').append(i == 2 ? "small" : "big").append(',')
                    .append(i == 3 ? "flat" : "round").append(",rare\n");
        }
        CsvTableSource categorical = new CsvTableSource(Files.writeString(dir.resolve("c.csv"), csv), "y", Map.of());
        AugmentingDataSource smote = new AugmentingDataSource(categorical, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(smote.warnings().stream().anyMatch(w -> w.startsWith("SMOTE-NC on a table without a numeric "
                + "column (3 categorical columns) interpolates nothing")), smote.warnings().toString());
        assertTrue(copyShare(smote) > 0.5, "the votes of alike rows are copies: " + copyShare(smote));
        AugmentingDataSource mixed = new AugmentingDataSource(table(1), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(mixed.warnings().stream().anyMatch(w -> w.startsWith("SMOTE-NC on a table without")),
                mixed.warnings().toString());
    }

    private static double copyShare(AugmentingDataSource source) {
        Set<String> real = new HashSet<>();
        List<String> added = new java.util.ArrayList<>();
        for (Example<Label> e : source) {
            String values = e.getOutput().getLabel() + e.toString().replaceAll(".*features=", "");
            if (e.getMetadataValue(SyntheticExamples.SYNTHETIC_KEY).isPresent()) {
                added.add(values);
            } else {
                real.add(values);
            }
        }
        return added.stream().filter(real::contains).count() / (double) added.size();
    }
}
