package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import dev.augment.data.DataSources;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ROS, SMOTE, GAN, hybrid and mix inside AugmentingDataSource, on the Fashion-MNIST sample and a small table. */
class OversamplingMethodsTest {

    private static final Path DATA = Path.of("..", "datasets", "fashion-mnist-sample");
    private static final Path MODEL = SyntheticExamplesTest.MODEL;
    /** Test-split examples kept per label: T-shirt 10, Pullover 6, Sandal 12, Shirt 3, Bag 1. */
    static final Map<String, Integer> SIZES = Map.of("0", 10, "2", 6, "5", 12, "6", 3, "8", 1);
    private static final String[] KEPT = {"0", "2", "5", "6", "8"};

    /** @return the method with HYBRID's ratio 0.5 and MIX's share 0.25, each only where the method reads it */
    static MethodSettings settingsFor(OversamplingMethod method) {
        return switch (method) {
            case HYBRID -> MethodSettings.of(method).withGeneratedRatio(0.5);
            case MIX -> MethodSettings.of(method).withGeneratedShare(0.25);
            default -> MethodSettings.of(method);
        };
    }

    @ParameterizedTest
    @EnumSource(OversamplingMethod.class)
    void everyMethodAddsExactlyTheAskedCountsFromEachSourceTheSameForTheSameSeed(OversamplingMethod method) {
        DataSource<Label> real = imbalanced();
        MethodSettings settings = settingsFor(method);
        AugmentationPolicy policy = AugmentationPolicy.counts(Map.of("0", 7, "pullover", 9));
        Map<String, Integer> expected = switch (method) {
            case ROS -> Map.of("0 ros", 7, "2 ros", 9);
            case SMOTE -> Map.of("0 smote", 7, "2 smote", 9);
            case GAN -> Map.of("0 gan", 7, "2 gan", 9);
            // rebalance with SMOTE, then round(0.5 x 7) = 4 and round(0.5 x 9) = 5 generated on top
            case HYBRID -> Map.of("0 smote", 7, "2 smote", 9, "0 gan", 4, "2 gan", 5);
            // round(0.25 x 7) = 2 and round(0.25 x 9) = 2 generated, the rest by SMOTE
            case MIX -> Map.of("0 smote", 5, "2 smote", 7, "0 gan", 2, "2 gan", 2);
        };
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            OnnxGenerator g = method.usesGenerator() ? generator : null;
            AugmentingDataSource augmented = new AugmentingDataSource(real, g, policy, settings, 3L, 0.5f);
            List<Example<Label>> first = list(augmented);

            assertEquals(expected, addedByLabelAndMethod(first));
            assertEquals(list(real).size(), first.stream().filter(e -> !SyntheticExamples.isSynthetic(e)).count());
            first.stream().filter(SyntheticExamples::isSynthetic).forEach(e -> assertEquals(0.5f, e.getWeight()));
            assertEquals(rows(first), rows(list(augmented)), "a second pass gives the same examples");
            assertEquals(rows(first), rows(list(new AugmentingDataSource(real, g, policy, settings, 3L, 0.5f))),
                    "the same seed gives the same examples");
            assertNotEquals(rows(first), rows(list(new AugmentingDataSource(real, g, policy, settings, 4L, 0.5f))),
                    "another seed gives other examples");
        }
    }

    /**
     * HYBRID caps its rebalancing part only: a cap of 0.05 gave 7.0% added examples without a word, where the policy's
     * record and the configuration's description promised a cap (a Tribuo user, 7 Dec). MIX keeps the cap, silently.
     */
    @Test
    void hybridSaysWhenItsGeneratedExamplesPassTheCap() {
        DataSource<Label> real = imbalanced(); // 32 examples
        AugmentationPolicy capped = AugmentationPolicy.balance(KEPT).withMaxSyntheticShare(0.2);
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            AugmentingDataSource hybrid = new AugmentingDataSource(real, generator, capped,
                    MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(0.5), 3L, 1f);
            long added = list(hybrid).stream().filter(SyntheticExamples::isSynthetic).count();
            double share = added / (32.0 + added);
            assertTrue(share > 0.2, "the generated examples come on top of the capped SMOTE part: " + share);
            assertTrue(hybrid.warnings().stream().anyMatch(w -> w.startsWith(String.format(java.util.Locale.ROOT,
                    "the added examples are %.1f%% of the whole, above maxSyntheticShare 0.2: HYBRID caps its SMOTE "
                    + "part only", 100 * share)) && w.endsWith("whatever the cap; method MIX keeps the cap with GAN "
                    + "examples in it")), hybrid.warnings().toString());
            AugmentingDataSource mix = new AugmentingDataSource(real, generator, capped,
                    MethodSettings.of(OversamplingMethod.MIX), 3L, 1f);
            long mixed = list(mix).stream().filter(SyntheticExamples::isSynthetic).count();
            assertTrue(mixed / (32.0 + mixed) <= 0.2, "MIX keeps the cap: " + mixed);
            assertTrue(mix.warnings().stream().noneMatch(w -> w.contains("above maxSyntheticShare")),
                    mix.warnings().toString());
        }
    }

    @Test
    void everySmoteExampleLiesOnASegmentToOneOfTheKNearestRealNeighboursOfItsClass() {
        DataSource<Label> real = imbalanced();
        AugmentingDataSource augmented = new AugmentingDataSource(real, AugmentationPolicy.balance(KEPT),
                MethodSettings.of(OversamplingMethod.SMOTE).withK(3), 11L, 1f);
        Map<String, List<Example<Label>>> realByLabel = byLabel(list(real));
        int checked = 0;
        for (Example<Label> example : augmented) {
            if (SyntheticExamples.isSynthetic(example)) {
                List<Example<Label>> members = realByLabel.get(example.getOutput().getLabel());
                // 8-bit images: SMOTE's values are rounded to whole pixels, as GAN examples are (a Tribuo user)
                assertOnANeighbourSegment(example, members, Math.min(3, members.size() - 1), true);
                checked++;
            }
        }
        assertEquals(5 * 12 - 32, checked, "balance: every class grows to 12");
    }

    @Test
    void tableExamplesKeepTheirOwnFeatureNamesAndLieOnNeighbourSegments() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        double[][] values = {{1.5, 60, 30}, {1.7, 70, 0}, {1.6, 65, 41}, {1.9, 90, 25}, {1.8, 80, 33}, {2.0, 95, 0}};
        for (int i = 0; i < values.length; i++) {
            String label = i < 2 ? "rare" : "common";
            // the rows with age 0 leave the feature out, as sparse Tribuo examples do
            String[] names = values[i][2] == 0 ? new String[] {"height", "weight"} : new String[] {"height", "weight", "age"};
            double[] v = values[i][2] == 0 ? new double[] {values[i][0], values[i][1]} : values[i];
            rows.add(new ArrayExample<>(new Label(label), names, v));
        }
        DataSource<Label> table = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("table", factory));
        AugmentingDataSource augmented = new AugmentingDataSource(table, AugmentationPolicy.counts(Map.of("rare", 20)),
                MethodSettings.of(OversamplingMethod.SMOTE), 5L, 1f);
        Map<String, List<Example<Label>>> realByLabel = byLabel(rows);
        int synthetic = 0;
        for (Example<Label> example : augmented) {
            if (SyntheticExamples.isSynthetic(example)) {
                assertEquals("rare", example.getOutput().getLabel());
                for (Feature feature : example) {
                    assertTrue(Set.of("height", "weight", "age").contains(feature.getName()), feature.getName());
                }
                assertOnANeighbourSegment(example, realByLabel.get("rare"), 1, false);
                synthetic++;
            }
        }
        assertEquals(20, synthetic);
        assertEquals(List.of("common", "rare"), augmented.schema().labels(),
                "without a generator the classes are the source's labels");
        assertEquals(20, augmented.addedCounts("smote").get("rare"));
    }

    @Test
    void anExampleWithoutFeaturesIsRefusedAsTribuoRefusesItInADataset() {
        // SMOTE once read such examples as the zero vector; Tribuo's MutableDataset refused them only later
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(i == 4 ? new ArrayExample<>(new Label("blank"))
                    : new ArrayExample<>(new Label(i < 2 ? "blank" : "ink"), new String[] {"p0", "p1"},
                    new double[] {i, 2 * i}));
        }
        DataSource<Label> source = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("blank", factory));
        for (OversamplingMethod method : List.of(OversamplingMethod.SMOTE, OversamplingMethod.ROS)) {
            com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                    com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> new AugmentingDataSource(source,
                            AugmentationPolicy.counts(Map.of("blank", 3)), MethodSettings.of(method), 2L, 1f));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().contains("source example 4 has no features, which Tribuo refuses in a dataset"),
                    e.getMessage());
        }
    }

    /** SMOTE interpolated from an example holding a feature twice; Tribuo refused it later, naming none (6 Dec). */
    @Test
    void anExampleWithAFeatureTwiceIsRefusedAsTribuoRefusesItInADataset() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ArrayExample<Label> row = new ArrayExample<>(new Label(i < 2 ? "few" : "many"), new String[] {"f", "g"},
                    new double[] {i, 2 * i});
            if (i == 3) {
                row.add("f", 100);
            }
            rows.add(row);
        }
        DataSource<Label> source = new ListDataSource<>(rows, factory,
                new SimpleDataSourceProvenance("twice", factory));
        for (OversamplingMethod method : List.of(OversamplingMethod.SMOTE, OversamplingMethod.ROS)) {
            com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                    com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> new AugmentingDataSource(source,
                            AugmentationPolicy.balance(), MethodSettings.of(method), 2L, 1f));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().contains("source example 3 has feature 'f' twice, which Tribuo refuses in a "
                    + "dataset"), e.getMessage());
        }
    }

    @Test
    void anUnlabelledExampleIsRefusedNotOversampledAsAClass() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new ArrayExample<>(i == 3 ? LabelFactory.UNKNOWN_LABEL : new Label(i < 2 ? "a" : "b"),
                    new String[] {"p0"}, new double[] {i + 1}));
        }
        DataSource<Label> source = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("u", factory));
        com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> new AugmentingDataSource(source,
                        AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals("source", e.getProperty());
        assertTrue(e.getMessage().contains("source example 3 has no label (Tribuo's LABEL##UNKNOWN)"), e.getMessage());
    }

    @Test
    void aClassNamedWithANoBreakSpaceIsShownEscapedInTheWarning() {
        // a fresh user (4 Dec): labels "good" and "good" + U+00A0; the clamped-k warning printed the second as "good "
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            rows.add(new ArrayExample<>(new Label(i < 10 ? "good" : "good\u00a0"), new String[] {"p0"},
                    new double[] {i + 1}));
        }
        DataSource<Label> source = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("n", factory));
        AugmentingDataSource augmented = new AugmentingDataSource(source, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);

        assertEquals("class 'good\\u00a0' (label 'good\\u00a0') has 3 examples, so SMOTE used k = 2 instead "
                + "of 5", augmented.warnings().get(0));
        // and, since 6 Dec, the two labels a reader takes for one are named, shown escaped too
        assertTrue(augmented.warnings().get(1).startsWith("the data: labels 'good' and 'good\\u00a0' are two classes"),
                augmented.warnings().toString());
    }

    @Test
    void aSyntheticMarkInAnotherSpellingIsRefusedToo() {
        // a fresh user (4 Dec): augment.synthetic = "TRUE" or "1" (converted metadata) was taken as a real example
        for (String mark : new String[] {"TRUE", "1", " true", "1.0", "yes", "maybe", "false", "0"}) {
            LabelFactory factory = new LabelFactory();
            List<Example<Label>> rows = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                rows.add(new ArrayExample<>(new Label(i < 4 ? "a" : "b"), new String[] {"p0"}, new double[] {i + 1}));
            }
            rows.get(5).setMetadataValue(SyntheticExamples.SYNTHETIC_KEY, mark);
            DataSource<Label> source = new ListDataSource<>(rows, factory,
                    new SimpleDataSourceProvenance("s", factory));
            if (mark.equals("false") || mark.equals("0")) {
                new AugmentingDataSource(source, AugmentationPolicy.balance(),
                        MethodSettings.of(OversamplingMethod.ROS), 1L, 1f); // a real example marked as real
                continue;
            }
            com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                    com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> new AugmentingDataSource(source,
                            AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
            boolean unreadable = mark.equals("yes") || mark.equals("maybe");
            assertTrue(e.getMessage().contains(unreadable ? "source example 5 has augment.synthetic = '" + mark
                    + "', which says neither added (true, 1) nor real (false, 0)" : "source example 5 is already "
                    + "synthetic (augment.synthetic = " + mark + ","), mark + ": " + e.getMessage());
        }
        assertFalse(SyntheticExamples.isSynthetic(new ArrayExample<>(new Label("a"), new String[] {"p0"},
                new double[] {1})), "no mark: real");
    }

    /**
     * An augmented source wrapped again counted its added examples as real (a class of 1 real and 10 added ones had
     * 11 "real") and SMOTE interpolated between them; refused, naming the example and its method.
     */
    @Test
    void anAlreadyAugmentedSourceIsRefusedUnderEveryMethod() {
        AugmentingDataSource inner = new AugmentingDataSource(imbalanced(), AugmentationPolicy.counts(Map.of("bag", 5)),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        for (OversamplingMethod method : new OversamplingMethod[] {OversamplingMethod.ROS, OversamplingMethod.SMOTE}) {
            com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                    com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> new AugmentingDataSource(inner,
                            AugmentationPolicy.counts(Map.of("shirt", 2)), MethodSettings.of(method), 2L, 1f));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().matches("(?s).*source example \\d+ is already synthetic \\(augment.synthetic = "
                    + "true, method 'ros'\\): the source is itself augmented.*"), e.getMessage());
        }
    }

    /** 40 classes of two examples were 40 warning lines of oversample (a re-check, 7 Dec): five, then one line. */
    @Test
    void manySmallClassesShareOneWarningLine() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 20 + 7 * 2; i++) {
            String label = i < 20 ? "big" : "c" + (i - 20) / 2;
            rows.add(new ArrayExample<>(new Label(label), new String[] {"x", "y"}, new double[] {i, i % 3}));
        }
        AugmentingDataSource smote = new AugmentingDataSource(new ListDataSource<>(rows, factory,
                new SimpleDataSourceProvenance("list", factory)), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        List<String> clamped = smote.warnings().stream().filter(w -> w.contains("so SMOTE used k")).toList();
        assertEquals(1, clamped.size(), smote.warnings().toString());
        assertTrue(clamped.get(0).startsWith("7 classes have at most 5 examples, so SMOTE used k = the class size − 1 "
                + "instead of 5: class 'c0' (label 'c0') has 2 examples, so SMOTE used k = 1 instead of 5;"),
                clamped.get(0));
        assertTrue(clamped.get(0).endsWith(" and 2 more"), clamped.get(0));
    }

    @Test
    void smallClassesClampKAndSayItAndASingleExampleIsDuplicated() {
        DataSource<Label> real = imbalanced();
        AugmentingDataSource augmented = new AugmentingDataSource(real,
                AugmentationPolicy.counts(Map.of("shirt", 4, "bag", 3, "0", 2)),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) augmented.getProvenance();

        assertEquals(Map.of("0", 5, "6", 2, "8", 0), provenance.getSmoteNeighboursUsed());
        assertEquals(List.of("class 'Shirt' (label '6') has 3 examples, so SMOTE used k = 2 instead of 5",
                "class 'Bag' (label '8') has 1 example, so SMOTE duplicated it 3 times (random oversampling) instead "
                        + "of interpolating"), provenance.getWarnings());
        assertEquals(provenance.getWarnings(), augmented.warnings());
        Example<Label> bag = byLabel(list(real)).get("8").get(0);
        List<Example<Label>> bags = list(augmented).stream()
                .filter(e -> SyntheticExamples.isSynthetic(e) && e.getOutput().getLabel().equals("8")).toList();
        assertEquals(3, bags.size());
        for (Example<Label> copy : bags) {
            assertEquals(features(bag), features(copy));
        }
    }

    @Test
    void hybridAddsGeneratedExamplesOnTopOfTheRebalancedClassesAtTheAskedRatio() {
        DataSource<Label> real = imbalanced();
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            AugmentingDataSource augmented = new AugmentingDataSource(real, generator,
                    AugmentationPolicy.balance("0", "2", "5", "6"),
                    MethodSettings.of(OversamplingMethod.HYBRID).withBaseline(OversamplingMethod.ROS)
                            .withGeneratedRatio(1.5), 2L, 1f);
            Map<String, Integer> added = addedByLabelAndMethod(list(augmented));
            // rebalanced by ROS to 12 each: 2, 6, 0, 9; then 1.5 x as many generated: 3, 9, 0, 14 (13.5 rounds up)
            assertEquals(Map.of("0 ros", 2, "2 ros", 6, "6 ros", 9, "0 gan", 3, "2 gan", 9, "6 gan", 14), added);
            AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) augmented.getProvenance();
            assertEquals(9, provenance.getAddedCounts("ros").get("6"));
            assertEquals(14, provenance.getAddedCounts("gan").get("6"));
            assertEquals(23, provenance.getSyntheticCounts().get("6"));
            assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));
        }
    }

    @Test
    void mixTakesTheAskedShareOfEachClassFromTheGan() {
        DataSource<Label> real = imbalanced();
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            AugmentingDataSource augmented = new AugmentingDataSource(real, generator,
                    AugmentationPolicy.counts(Map.of("0", 40, "2", 10)),
                    MethodSettings.of(OversamplingMethod.MIX).withGeneratedShare(0.3), 2L, 1f);
            assertEquals(Map.of("0 smote", 28, "0 gan", 12, "2 smote", 7, "2 gan", 3),
                    addedByLabelAndMethod(list(augmented)));
        }
    }

    @Test
    void smoteProvenanceRecordsMethodParametersSeedAndCountsAndRoundTrips() {
        AugmentingDataSource augmented = new AugmentingDataSource(imbalanced(), AugmentationPolicy.balance(KEPT),
                MethodSettings.of(OversamplingMethod.SMOTE).withK(4), 21L, 1f);
        AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) augmented.getProvenance();
        var configured = provenance.getConfiguredParameters();

        assertEquals(OversamplingMethod.SMOTE, ((EnumProvenance<?>) configured.get("method")).getValue());
        assertEquals(4, ((IntProvenance) configured.get("k")).getValue());
        assertEquals(21L, ((LongProvenance) configured.get("seed")).getValue());
        Map<String, Integer> smoted = new TreeMap<>(provenance.getAddedCounts("smote"));
        smoted.keySet().retainAll(SIZES.keySet());
        assertEquals(Map.of("0", 2, "2", 6, "5", 0, "6", 9, "8", 11), smoted);
        assertEquals(0, provenance.getAddedCounts("smote").get("1"), "classes not chosen get nothing");
        assertEquals(Map.of(), provenance.getAddedCounts("gan"));
        // any case, as the source's addedCounts; a method or a typo is refused, not read as "nothing added"
        assertEquals(provenance.getAddedCounts("smote"), provenance.getAddedCounts(" SMOTE"));
        for (String notASource : new String[] {"hybrid", "smtoe"}) {
            dev.augment.errors.InvalidSettingException e = assertThrows(
                    dev.augment.errors.InvalidSettingException.class, () -> provenance.getAddedCounts(notASource));
            assertTrue(e.getMessage().contains("sourceId must be ros, smote (smote-nc) or gan"), e.getMessage());
        }
        assertNull(provenance.getGeneratorSha256(), "no generator was used");
        assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));
    }

    @Test
    void generatorMethodWithoutGeneratorAndOversamplingAClassWithoutExamplesAreRefused() {
        PropertyException noGenerator = assertThrows(PropertyException.class, () -> new AugmentingDataSource(
                imbalanced(), AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.MIX), 1L, 1f));
        assertEquals("generatorPath", noGenerator.getProperty());

        SchemaDataSource sample = DataSources.open(DATA, Split.TEST, null);
        List<Example<Label>> noBags = list(sample).stream().filter(e -> !e.getOutput().getLabel().equals("8")).toList();
        DataSource<Label> withSchema = new SchemaSubset(sample, noBags);
        PropertyException empty = assertThrows(PropertyException.class, () -> new AugmentingDataSource(withSchema,
                AugmentationPolicy.counts(Map.of("bag", 5)), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals("counts", empty.getProperty());
        assertTrue(empty.getMessage().contains("class 'Bag' (label '8') from method ros, but the source has no "
                + "example of it"), empty.getMessage());
    }

    // ---- helpers

    /** The first examples of five labels of the test split ({@link #SIZES}), keeping the split's schema. */
    static DataSource<Label> imbalanced() {
        SchemaDataSource test = DataSources.open(DATA, Split.TEST, null);
        Map<String, Integer> seen = new HashMap<>();
        List<Example<Label>> kept = new ArrayList<>();
        for (Example<Label> e : test) {
            String label = e.getOutput().getLabel();
            if (SIZES.containsKey(label) && seen.merge(label, 1, Integer::sum) <= SIZES.get(label)) {
                kept.add(e);
            }
        }
        return new SchemaSubset(test, kept);
    }

    static List<Example<Label>> list(Iterable<Example<Label>> examples) {
        List<Example<Label>> out = new ArrayList<>();
        examples.forEach(out::add);
        return out;
    }

    private static Map<String, List<Example<Label>>> byLabel(List<Example<Label>> examples) {
        Map<String, List<Example<Label>>> out = new TreeMap<>();
        for (Example<Label> e : examples) {
            out.computeIfAbsent(e.getOutput().getLabel(), l -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** "label method" → count of the synthetic examples. */
    static Map<String, Integer> addedByLabelAndMethod(List<Example<Label>> examples) {
        Map<String, Integer> out = new TreeMap<>();
        for (Example<Label> e : examples) {
            if (SyntheticExamples.isSynthetic(e)) {
                out.merge(e.getOutput().getLabel() + " " + e.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow(),
                        1, Integer::sum);
            }
        }
        return out;
    }

    private static Map<String, Double> features(Example<Label> example) {
        Map<String, Double> out = new TreeMap<>();
        for (Feature f : example) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    private static List<String> rows(List<Example<Label>> examples) {
        return examples.stream().map(e -> e.getOutput().getLabel() + " "
                + e.getMetadataValue(SyntheticExamples.METHOD_KEY).orElse("real") + " " + features(e)).toList();
    }

    /**
     * Asserts that the example is {@code x + u (nn - x)} for a real member x, one of its k nearest other
     * members nn (brute force, squared Euclidean distance over the union of the class's feature names,
     * written independently of the code under test) and u in [0, 1]; with {@code rounded}, that point's values
     * rounded half up to whole numbers.
     */
    private static void assertOnANeighbourSegment(Example<Label> example, List<Example<Label>> members, int k,
                                                  boolean rounded) {
        TreeSet<String> union = new TreeSet<>();
        members.forEach(m -> m.forEach(f -> union.add(f.getName())));
        List<String> names = new ArrayList<>(union);
        double[][] x = members.stream().map(m -> dense(m, names)).toArray(double[][]::new);
        double[] s = dense(example, names);
        for (int i = 0; i < x.length; i++) {
            final int base = i;
            // a class of one example has no neighbour: SMOTE duplicates it (the segment from x to itself)
            int[] nearest = k == 0 ? new int[] {base} : IntStream.range(0, x.length).filter(j -> j != base).boxed()
                    .sorted(Comparator.comparingDouble(j -> squared(x[base], x[j])))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            for (int j : nearest) {
                if (rounded ? onRoundedSegment(s, x[i], x[j]) : onSegment(s, x[i], x[j])) {
                    return;
                }
            }
        }
        throw new AssertionError("synthetic example lies on no segment between a real example of its class and one "
                + "of its " + k + " nearest neighbours");
    }

    /** @return whether some u in [0, 1] has every s[d] = a[d] + u (b[d] - a[d]) rounded half up */
    private static boolean onRoundedSegment(double[] s, double[] a, double[] b) {
        double low = 0;
        double high = 1;
        for (int d = 0; d < s.length && low <= high; d++) {
            double step = b[d] - a[d];
            // a[d] + u step must lie in [s[d] - 0.5, s[d] + 0.5]
            double from = s[d] - 0.5 - a[d] - 1e-9;
            double to = s[d] + 0.5 - a[d] + 1e-9;
            if (step == 0) {
                if (from > 0 || to < 0) {
                    return false;
                }
            } else {
                low = Math.max(low, Math.min(from / step, to / step));
                high = Math.min(high, Math.max(from / step, to / step));
            }
        }
        return low <= high;
    }

    private static boolean onSegment(double[] s, double[] a, double[] b) {
        double dot = 0;
        double len2 = 0;
        for (int d = 0; d < s.length; d++) {
            dot += (s[d] - a[d]) * (b[d] - a[d]);
            len2 += (b[d] - a[d]) * (b[d] - a[d]);
        }
        double u = len2 == 0 ? 0 : dot / len2;
        if (u < -1e-9 || u > 1 + 1e-9) {
            return false;
        }
        double residual = 0;
        for (int d = 0; d < s.length; d++) {
            double r = s[d] - (a[d] + u * (b[d] - a[d]));
            residual += r * r;
        }
        return Math.sqrt(residual) <= 1e-6 * (1 + Math.sqrt(len2));
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return sum;
    }

    private static double[] dense(Example<Label> example, List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int d = 0; d < names.size(); d++) {
            index.put(names.get(d), d);
        }
        double[] out = new double[names.size()];
        for (Feature f : example) {
            Integer d = index.get(f.getName());
            assertTrue(d != null, "feature " + f.getName() + " is not a feature of the class's real examples");
            out[d] = f.getValue();
        }
        return out;
    }
}
