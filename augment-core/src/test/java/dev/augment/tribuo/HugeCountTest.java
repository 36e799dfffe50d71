package dev.augment.tribuo;

import dev.augment.errors.EnvironmentException;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A count whose ROS or SMOTE draws cannot fit in the heap: a Tribuo user asking for 300 million examples got an
 * {@code OutOfMemoryError} at the first {@code hasNext()}; it is refused when the source is built, in one line.
 */
class HugeCountTest {

    private static ListDataSource<Label> source() {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(i < 4 ? "a" : "b"));
            e.add("x", i);
            e.add("y", 10 - i);
            examples.add(e);
        }
        LabelFactory factory = new LabelFactory();
        return new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("six examples", factory));
    }

    /**
     * SMOTE's dense grid of a sparse class ran the heap out with a raw OutOfMemoryError (a fresh user, 5 Dec); then it
     * was refused only when a dataset was being filled (a Tribuo user, 5 Dec): now when the source is built.
     */
    @Test
    void aSparseClassWhoseDenseGridCannotFitInHalfTheHeapIsRefusedWhenTheSourceIsBuilt() {
        int examples = 4000;
        int words = 30; // each example its own 30 words: 120 000 names, a 3.8 GB grid
        org.junit.jupiter.api.Assumptions.assumeTrue((long) examples * examples * words * Double.BYTES
                > Runtime.getRuntime().maxMemory() / 2, "a heap of " + Runtime.getRuntime().maxMemory() + " bytes");
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label("b"));
            for (int w = 0; w < words; w++) {
                e.add("word" + (i * words + w), 1);
            }
            rows.add(e);
        }
        LabelFactory factory = new LabelFactory();
        ListDataSource<Label> bag = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("bag of words",
                factory));
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> new AugmentingDataSource(bag,
                AugmentationPolicy.counts(Map.of("b", 1)), MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f));
        assertTrue(e.getMessage().startsWith("SMOTE reads a class of 4000 examples as a dense grid over its 120000 "
                + "feature names"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or use random oversampling (ROS)"), e.getMessage());
        // ROS copies examples as they are: no grid
        new AugmentingDataSource(bag, AugmentationPolicy.counts(Map.of("b", 1)), MethodSettings.of(
                OversamplingMethod.ROS), 1L, 1f);
    }

    @Test
    void drawsThatCannotFitInHalfTheHeapAreRefusedWhenTheSourceIsBuilt() {
        long heap = Runtime.getRuntime().maxMemory();
        int count = 2_000_000_000; // ROS: 8 GB of draws, SMOTE about 80 GB; the tests run with a 4 GB heap
        org.junit.jupiter.api.Assumptions.assumeTrue(4L * count > heap / 2, "a heap of " + heap + " bytes");
        for (OversamplingMethod method : List.of(OversamplingMethod.ROS, OversamplingMethod.SMOTE)) {
            EnvironmentException e = assertThrows(EnvironmentException.class, () -> new AugmentingDataSource(source(),
                    AugmentationPolicy.counts(Map.of("b", count)), MethodSettings.of(method), 1L, 1f));
            assertTrue(e.getMessage().startsWith("adding 2000000000 examples to one class by " + method.id()
                    + " holds about "), e.getMessage());
            // the heap that would do (twice the draws), or fewer when the machine has not that much: a fixed -Xmx8g
            // was advised to a user already running with 8 GB (a fresh user, 6 Dec)
            java.util.regex.Matcher advice = java.util.regex.Pattern.compile("; ask for fewer(?:, or give Java more "
                    + "heap \\(with augment's launcher: AUGMENT_JAVA_OPTS=-Xmx(\\d+)g\\)| \\(that many need a heap of "
                    + "about (\\d+) GiB, more than this machine's [0-9.]+ GiB\\))$").matcher(e.getMessage());
            assertTrue(advice.find(), e.getMessage());
            long advised = Long.parseLong(advice.group(1) != null ? advice.group(1) : advice.group(2));
            if (advice.group(2) != null) { // "more than this machine's": in one unit, so truly more (a re-check)
                java.util.regex.Matcher machine = java.util.regex.Pattern.compile("machine's ([0-9.]+) GiB")
                        .matcher(e.getMessage());
                assertTrue(machine.find() && advised > Double.parseDouble(machine.group(1)), e.getMessage());
            }
            long draws = count * (method == OversamplingMethod.ROS ? 4L : 40L);
            assertTrue(advised * (1L << 30) >= 2 * draws && (advised - 1) * (1L << 30) < 2 * draws, e.getMessage());
        }
        // a count that fits is made as before
        AugmentingDataSource fits = new AugmentingDataSource(source(), AugmentationPolicy.counts(Map.of("b", 1000)),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        long n = 0;
        for (Example<Label> ignored : fits) {
            n++;
        }
        assertEquals(1006, n);
    }
    /**
     * A hybrid whose generated examples on top passed a Java list's limit was refused naming counts, which asked for
     * 20 (a fresh Tribuo user, 7 Dec): generatedRatio is named.
     */
    @Test
    void aHybridsRatioThatPassesTheListLimitIsNamed() {
        dev.augment.schema.SampleSchema schema = new dev.augment.schema.SampleSchema(List.of("x"), List.of(1), 0, 1,
                List.of("a", "b"), List.of("a", "b"));
        MethodSettings hybrid = MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(1.5e8);
        dev.augment.errors.InvalidSettingException e = assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> AugmentationPlan.of(schema, new int[] {500, 500}, new int[] {10, 10}, hybrid, "counts"));
        assertEquals("generatedRatio", e.setting());
        assertTrue(e.getMessage().startsWith("generatedRatio 1.5E8 puts 3000000000 generated examples on top of the "
                + "20 that counts asks for"), e.getMessage());
        // counts themselves past the limit are still counts'
        MethodSettings ros = MethodSettings.of(OversamplingMethod.ROS);
        assertEquals("counts", assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> AugmentationPlan.of(schema, new int[] {500, 500}, new int[] {Integer.MAX_VALUE - 10, 10}, ros,
                        "counts")).setting());
    }
}
