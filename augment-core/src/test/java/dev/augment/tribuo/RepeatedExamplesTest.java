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
        assertTrue(repeated.warnings().contains("class 'small' (18 of its 18 examples) repeats examples at least "
                + "k + 1 = 6 times, so their k nearest neighbours are their own copies and SMOTE's examples drawn from "
                + "them are exact copies (random oversampling); drop the repeated examples, or use a k above the "
                + "repeat count"), repeated.warnings().toString());
        // and they are: every added example of small equals a real one
        Set<String> real = new HashSet<>();
        int added = 0;
        for (Example<Label> e : repeated) {
            String values = e.getOutput().getLabel() + e.toString().replaceAll(".*features=", "");
            if (e.getMetadataValue(SyntheticExamples.SYNTHETIC_KEY).isPresent()) {
                assertTrue(real.contains(values), "a SMOTE example between copies is a copy: " + values);
                added++;
            } else {
                real.add(values);
            }
        }
        assertEquals(2, added);

        // repeated k times (5): each row has distinct neighbours too, SMOTE interpolates and nothing is said
        AugmentingDataSource fewer = new AugmentingDataSource(table(5), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(fewer.warnings().stream().anyMatch(w -> w.contains("repeats examples")),
                fewer.warnings().toString());
        // ROS copies by design: nothing to say
        AugmentingDataSource ros = new AugmentingDataSource(table(6), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(ros.warnings().stream().anyMatch(w -> w.contains("repeats examples")), ros.warnings().toString());
    }
}
