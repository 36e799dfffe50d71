package dev.augment.tribuo;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts to add come from a first read of the source; a source whose later reads differ made "balance" leave
 * the classes unbalanced, or copied a NaN, without a word. The pass now stops with a setting or data error instead.
 */
class ChangingSourceTest {

    /** A source whose read number r (from 0) gives {@code rows.apply(r)}. */
    private record ChangingSource(IntFunction<List<Example<Label>>> rows, int[] reads) implements DataSource<Label> {
        ChangingSource(IntFunction<List<Example<Label>>> rows) {
            this(rows, new int[1]);
        }

        @Override
        public OutputFactory<Label> getOutputFactory() {
            return new LabelFactory();
        }

        @Override
        public DataSourceProvenance getProvenance() {
            return new SimpleDataSourceProvenance("changing", new LabelFactory());
        }

        @Override
        public Iterator<Example<Label>> iterator() {
            return rows.apply(reads[0]++).iterator();
        }
    }

    /** {@code big} "big" examples, then 6 "small" ones, then {@code extra} of label "new"; x of row 3 is {@code x3}. */
    private static List<Example<Label>> rows(int big, int extra, double x3) {
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < big + 6 + extra; i++) {
            String label = i < big ? "big" : i < big + 6 ? "small" : "new";
            rows.add(new ArrayExample<>(new Label(label), new String[] {"x", "y"},
                    new double[] {i == 3 ? x3 : i + 1, 2 * i + 1}));
        }
        return rows;
    }

    private static AugmentingDataSource ros(DataSource<Label> source) {
        return new AugmentingDataSource(source, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
    }

    @Test
    void fewerExamplesOnALaterReadStopThePass() {
        AugmentingDataSource augmented = ros(new ChangingSource(r -> rows(r == 0 ? 24 : 14, 0, 4)));
        assertEquals(18, augmented.syntheticCounts().get("small"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("[14, 6] examples per class on this read but [24, 6]"), e.getMessage());
    }

    @Test
    void aLabelThatTheFirstReadLackedStopsThePass() {
        AugmentingDataSource augmented = ros(new ChangingSource(r -> rows(24, r == 0 ? 0 : 5, 4)));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("label 'new' on this read"), e.getMessage());
    }

    @Test
    void aNanThatTheFirstReadLackedIsNamed() {
        AugmentingDataSource augmented = ros(new ChangingSource(r -> rows(24, 0, r == 0 ? 4 : Double.NaN)));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("example 3, feature 'x' is NaN"), e.getMessage());
    }

    @Test
    void aSourceThatRepeatsItselfPasses() {
        int[] count = {0};
        ros(new ChangingSource(r -> rows(24, 0, 4))).forEach(x -> count[0]++);
        assertEquals(48, count[0], "24 big, 6 small and 18 copies of small");
    }

    /** {@code rows(24, 0, 4)}, with the "small" rows (24..29) reversed when asked. */
    private static List<Example<Label>> smallReversed(boolean reverse) {
        List<Example<Label>> rows = rows(24, 0, 4);
        if (reverse) {
            java.util.Collections.reverse(rows.subList(24, 30));
        }
        return rows;
    }

    @Test
    void aClassRosDrawsFromInAnotherOrderOnALaterPassStopsIt() {
        boolean[] changed = {false};
        AugmentingDataSource augmented = ros(new ChangingSource(r -> smallReversed(changed[0])));
        augmented.forEach(x -> { });
        changed[0] = true; // a shuffling source: the same 30 examples, "small" in another order
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("class 'small' (label 'small') in another order or with other values"),
                e.getMessage());
    }

    /**
     * The read made when the source was built is the first pass: a shuffling source read once at construction and
     * once by a dataset gave SMOTE examples that a rerun would not, unchecked (a fresh Tribuo user, 5 Dec).
     */
    @Test
    void aClassInAnotherOrderOnTheFirstIterationThanWhenBuiltStopsIt() {
        AugmentingDataSource augmented = new AugmentingDataSource(new ChangingSource(r -> smallReversed(r > 0)),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("class 'small' (label 'small') in another order or with other values"),
                e.getMessage());
        AugmentingDataSource same = ros(new ChangingSource(r -> smallReversed(false)));
        int[] count = {0};
        same.forEach(x -> count[0]++);
        assertEquals(48, count[0], "a source that repeats itself passes from its first iteration");
    }

    /**
     * An example edited after the source was built, in a class nothing is drawn from, went into the dataset without a
     * word, under provenance describing the first values (a Tribuo user, 7 Dec); the same examples in another order
     * change nothing added and pass.
     */
    @Test
    void otherValuesInAClassNothingIsDrawnFromStopAPassAndAnotherOrderDoesNot() {
        boolean[] edited = {false};
        AugmentingDataSource augmented = ros(new ChangingSource(r -> rows(24, 0, edited[0] ? 99 : 4)));
        edited[0] = true; // row 3 is a "big" example: ROS draws only from "small"
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("source gave the examples of class 'big' (label 'big') with other values on "
                + "this read than on the first (made when it was built)"), e.getMessage());

        boolean[] shuffled = {false};
        AugmentingDataSource reordered = ros(new ChangingSource(r -> {
            List<Example<Label>> rows = rows(24, 0, 4);
            if (shuffled[0]) {
                java.util.Collections.reverse(rows.subList(0, 24));
            }
            return rows;
        }));
        shuffled[0] = true;
        int[] count = {0};
        reordered.forEach(x -> count[0]++);
        assertEquals(48, count[0], "'big' in another order adds the same examples");
    }

    @Test
    void otherValuesOfTheSameCountInAClassSmoteDrawsFromStopAPass() {
        boolean[] changed = {false};
        AugmentingDataSource augmented = new AugmentingDataSource(new ChangingSource(r -> rows(24, 0, 4).stream()
                .map(e -> changed[0] && e.getOutput().getLabel().equals("small") ? new ArrayExample<>(e.getOutput(),
                        new String[] {"x", "y"}, new double[] {e.lookup("x").getValue(), 0.5}) : e).toList()),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        augmented.forEach(x -> { });
        changed[0] = true;
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("'small'"), e.getMessage());
    }

    @Test
    void duplicatesWithOtherMetadataInAnotherOrderStopAPass() {
        // a fresh user (4 Dec): equal values, ids row0..row2 reversed; the ROS copies' ids differed between passes
        boolean[] changed = {false};
        AugmentingDataSource augmented = ros(new ChangingSource(r -> {
            List<Example<Label>> rows = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                Example<Label> e = new ArrayExample<>(new Label(i < 10 ? "maj" : "min"), new String[] {"a"},
                        new double[] {7});
                e.setMetadataValue("id", "row" + (changed[0] && i >= 10 ? 22 - i : i));
                rows.add(e);
            }
            return rows;
        }));
        augmented.forEach(x -> { });
        changed[0] = true;
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("'min'"), e.getMessage());
    }

    @Test
    void aClassNothingIsDrawnFromMayComeInAnyOrder() {
        // "big" is not grown, so its order changes nothing that is added
        int[] count = {0};
        AugmentingDataSource augmented = ros(new ChangingSource(r -> {
            List<Example<Label>> rows = rows(24, 0, 4);
            if (r % 2 == 0) { // every other read, whichever read is a pass
                java.util.Collections.reverse(rows.subList(0, 24));
            }
            return rows;
        }));
        for (int pass = 0; pass < 3; pass++) {
            augmented.forEach(x -> count[0]++);
        }
        assertEquals(3 * 48, count[0]);
    }

    private static Object digest(AugmentingDataSource source) {
        return ((org.tribuo.provenance.ConfiguredDataSourceProvenance) source.getProvenance()).getConfiguredParameters()
                .get("sourceDigest");
    }

    /** Examples made anew on each read, with raw bytes (and {@code tag}) in their metadata. */
    private static List<Example<Label>> withBytes(int r, boolean changeOnLaterReads) {
        List<Example<Label>> rows = rows(24, 0, 4);
        for (int i = 0; i < rows.size(); i++) {
            byte last = (byte) (changeOnLaterReads && r > 0 && i == 26 ? 99 : i);
            rows.get(i).setMetadataValue("raw", new byte[] {1, 2, last});
        }
        return rows;
    }

    /**
     * A source making its examples anew on each read, with a {@code byte[]} in their metadata, was refused as giving
     * "other values": the digest took the array's identity hash (a fresh Tribuo user, 7 Dec). Arrays count by content.
     */
    @Test
    void metadataArraysMadeAnewOnEachReadCountByTheirContent() {
        AugmentingDataSource same = ros(new ChangingSource(r -> withBytes(r, false)));
        int[] count = {0};
        same.forEach(x -> count[0]++);
        same.forEach(x -> count[0]++);
        assertEquals(96, count[0]);
        AugmentingDataSource again = ros(new ChangingSource(r -> withBytes(r, false)));
        assertEquals(digest(same), digest(again), "two builds, one digest");
        AugmentingDataSource edited = ros(new ChangingSource(r -> withBytes(r, true)));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> edited.forEach(x -> { }));
        assertTrue(e.getMessage().contains("class 'small' (label 'small') in another order or with other values"),
                e.getMessage());
    }

    @Test
    void theSameOrderOnEveryPassGivesTheSameCopies() {
        AugmentingDataSource augmented = ros(new ChangingSource(r -> rows(24, 0, 4)));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        augmented.forEach(x -> first.add(x.toString()));
        augmented.forEach(x -> second.add(x.toString()));
        assertEquals(first, second);
    }
}
