package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMOTE on a table with missing numbers warns that they read as 0 (absent features) and so pull the interpolations
 * towards 0: from code as on the command line. ROS copies rows and does not warn.
 */
class MissingNumbersWarningTest {

    @TempDir
    Path dir;

    /** 8 rows of big, 4 of small; x missing in the given rows (3 is big, 10 small). */
    private CsvTableSource table(int... gaps) throws IOException {
        StringBuilder csv = new StringBuilder("x,z,y\n");
        for (int i = 0; i < 12; i++) {
            int row = i;
            csv.append(java.util.Arrays.stream(gaps).anyMatch(g -> g == row) ? "" : String.valueOf(i + 0.5)).append(',').append(i * 2).append(',')
                    .append(i < 8 ? "big" : "small").append('\n');
        }
        return new CsvTableSource(Files.writeString(dir.resolve("t.csv"), csv), "y", Map.of());
    }

    @Test
    void smoteWarnsNamingTheColumnAndRosDoesNot() throws IOException {
        AugmentingDataSource smote = new AugmentingDataSource(table(3, 10), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        // balancing adds to small alone: its one gap counts, big's does not
        assertTrue(smote.warnings().contains("missing numbers in x (1) (counted in the classes SMOTE adds to) are read "
                + "as 0, as Tribuo reads a missing number, so SMOTE interpolates towards 0 there (the real rows keep them missing); fill them in (e.g. with "
                + "the column's median) before oversampling"), smote.warnings().toString());
        AugmentingDataSource bigOnly = new AugmentingDataSource(table(3), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(bigOnly.warnings().stream().anyMatch(w -> w.contains("missing numbers")),
                "a gap in a class SMOTE does not add to: " + bigOnly.warnings());
        AugmentingDataSource ros = new AugmentingDataSource(table(3, 10), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(ros.warnings().stream().anyMatch(w -> w.contains("missing numbers")), ros.warnings().toString());
    }

    /**
     * The same table read by Tribuo's CSVDataSource: a missing cell is an absent feature, SMOTE's rows lay towards 0
     * below the column's values, and only a CsvTableSource warned.
     */
    @Test
    void smoteOnATableTribuoReadWarnsOfItsAbsentNumbers() throws IOException {
        table(3, 10);
        Path csv = dir.resolve("t.csv");
        java.util.Map<String, org.tribuo.data.columnar.FieldProcessor> fields = new java.util.HashMap<>();
        fields.put("x", new org.tribuo.data.columnar.processors.field.DoubleFieldProcessor("x", true));
        fields.put("z", new org.tribuo.data.columnar.processors.field.DoubleFieldProcessor("z", true));
        org.tribuo.data.columnar.RowProcessor<org.tribuo.classification.Label> rows =
                new org.tribuo.data.columnar.RowProcessor<>(new org.tribuo.data.columnar.processors.response
                        .FieldResponseProcessor<>("y", "", new org.tribuo.classification.LabelFactory()), fields);
        org.tribuo.data.csv.CSVDataSource<org.tribuo.classification.Label> tribuo =
                new org.tribuo.data.csv.CSVDataSource<>(csv, rows, true);
        AugmentingDataSource smote = new AugmentingDataSource(tribuo, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(smote.warnings().contains("numeric features x (1) are absent from that many examples of the "
                + "classes SMOTE adds to, though most examples have them: if they are missing cells (a blank or ? in a "
                + "CSV read by Tribuo), SMOTE reads them as 0 and interpolates towards 0 there; fill them in (e.g. with "
                + "the column's median) before oversampling"), smote.warnings().toString());
        table(3);
        AugmentingDataSource gapInBig = new AugmentingDataSource(new org.tribuo.data.csv.CSVDataSource<>(csv, rows,
                true), AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(gapInBig.warnings().stream().anyMatch(w -> w.contains("absent")),
                "a gap in a class SMOTE does not add to: " + gapInBig.warnings());
    }
}
