package dev.augment.eval.protocol;

import dev.augment.cancel.CancellationToken;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Families that learn each arm at the same time score exactly as they do one after the other: every trainer is
 * fresh and seeded and only reads the shared sets (logistic regression, Tribuo's CART tree and the XGBoost forest,
 * on overlapping classes so that the three disagree).
 */
class ConcurrentFamiliesTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("a", "b", "c"), List.of(3), 0, 255,
            List.of("0", "1", "2"), List.of("first", "second", "third"));
    private static final TribuoData DATA = new TribuoData(SCHEMA);
    /** The generators of experiments whose arms need none. */
    private static final SamplerProvider NO_GENERATOR = (seed, x, y) -> {
        throw new AssertionError("no arm here needs a generator");
    };

    /** Class k centred at 60 + 50 k in every feature, with noise of ±60: the classes overlap. */
    private static float[][] rows(int[] classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[classes.length][];
        for (int i = 0; i < classes.length; i++) {
            out[i] = new float[3];
            for (int j = 0; j < 3; j++) {
                out[i][j] = (float) Math.max(0, Math.min(255, 60 + 50 * classes[i] + random.nextDouble(-60, 60)));
            }
        }
        return out;
    }

    private static int[] cycling(int n) {
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % 3;
        }
        return classes;
    }

    /** An OLCUT configuration file whose component {@code trainer} is a {@code type} with its default settings. */
    private static Path trainerConfig(Path dir, String type) throws IOException {
        return Files.writeString(dir.resolve("trainer.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="trainer" type="%s"/>
                </config>
                """.formatted(type));
    }

    /** Two seeds of {@code arms} under {@code families} on the overlapping classes, none needing a generator. */
    private static List<FamilyArms> experiment(List<ClassifierSpec> families, List<Arm> arms, boolean concurrent,
                                               List<String> lines) {
        int[] trainClasses = cycling(300);
        int[] testClasses = cycling(150);
        MutableDataset<Label> test = DATA.dataset("test", rows(testClasses, 8L), testClasses);
        Scenario imbalanced = new Scenario(Scenario.Kind.IMBALANCED, List.of("2"), 0.2, 0);
        return new ClassifierExperiment(DATA, families, imbalanced, arms, concurrent)
                .run(rows(trainClasses, 7L), trainClasses, test, List.of(1L, 2L), NO_GENERATOR, lines::add,
                        new CancellationToken());
    }

    private static List<FamilyArms> run(boolean concurrent) {
        List<ClassifierSpec> families = ClassifierSpec.parseList("logistic,cart,forest", 100);
        List<Arm> arms = List.of(Arm.REAL, Arm.CLASS_WEIGHTS, Arm.OVERSAMPLING, Arm.SMOTE);
        List<String> lines = new ArrayList<>();
        List<FamilyArms> out = experiment(families, arms, concurrent, lines);
        assertEquals(2 * arms.size() * families.size(), lines.size(), "a line per seed, arm and family");
        assertTrue(lines.get(0).contains(" logistic: ") && lines.get(1).contains(" cart: ")
                && lines.get(2).contains(" forest: "), "lines in the families' order: " + lines.subList(0, 3));
        return out;
    }

    @Test
    void concurrentFamiliesScoreAsSequentialOnes() {
        List<FamilyArms> together = run(true);
        List<FamilyArms> oneByOne = run(false);
        assertEquals(3, together.size());
        for (int f = 0; f < together.size(); f++) {
            assertEquals(oneByOne.get(f).trainer(), together.get(f).trainer());
            for (int a = 0; a < together.get(f).arms().size(); a++) {
                List<ArmScores> x = together.get(f).arms().get(a).runs();
                List<ArmScores> y = oneByOne.get(f).arms().get(a).runs();
                assertEquals(y.size(), x.size());
                for (int r = 0; r < x.size(); r++) {
                    assertEquals(y.get(r).macroF1(), x.get(r).macroF1(), "family " + f + ", arm " + a + ", run " + r);
                    assertEquals(y.get(r).accuracy(), x.get(r).accuracy());
                    assertEquals(y.get(r).recall(), x.get(r).recall());
                    assertEquals(y.get(r).trainingSize(), x.get(r).trainingSize());
                }
            }
        }
        // the families do differ, so equal scores are not one model's scores copied three times
        assertNotEquals(together.get(0).arms().get(0).runs().get(0).macroF1(),
                together.get(1).arms().get(0).runs().get(0).macroF1());
    }

    @Test
    void theCnnFitsAloneWhetherNamedOrConfigured(@TempDir Path dir) throws IOException {
        Path config = trainerConfig(dir, "dev.augment.eval.cnn.CnnTrainer");
        Scenario imbalanced = new Scenario(Scenario.Kind.IMBALANCED, List.of("2"), 0.2, 0);
        List<ClassifierSpec> families = ClassifierSpec.parseList("logistic,config:" + config + ",cart,cnn", 100);
        List<String> pixels = IntStream.range(0, 16).mapToObj(i -> "p" + i).toList();
        TribuoData images = new TribuoData(new SampleSchema(pixels, List.of(1, 4, 4), 0, 255, List.of("0", "1", "2"),
                List.of("first", "second", "third")));
        boolean[] alone = new ClassifierExperiment(images, families, imbalanced, List.of(Arm.REAL), true)
                .fittingAlone(1L);
        assertArrayEquals(new boolean[] {false, true, false, true}, alone,
                "the configured CnnTrainer (second) and cnn (fourth) fit alone, Tribuo's trainers side by side");
    }

    /**
     * Two Tribuo-side families (logistic regressions that watch every thread's stack while they fit) fit each arm side
     * by side, and the CNN family, between them in the list, after them alone: the watchers never see its training
     * loop. With the CNN fitted beside them (every family counted as not alone), they see it, so the watch works.
     */
    @Test
    void theCnnFamilyNeverFitsBesideTheOthers(@TempDir Path dir) throws IOException {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b"));
        String watcher = "dev.augment.eval.protocol.CnnWatchingTrainer";
        List<ClassifierSpec> families = ClassifierSpec.parseList("config:" + trainerConfig(first, watcher) + ",cnn,"
                + "config:" + trainerConfig(second, watcher), 30);
        List<String> pixels = IntStream.range(0, 64).mapToObj(i -> "p" + i).toList();
        TribuoData images = new TribuoData(new SampleSchema(pixels, List.of(1, 8, 8), 0, 255, List.of("0", "1", "2"),
                List.of("first", "second", "third")));
        int[] trainClasses = cycling(90);
        int[] testClasses = cycling(30);
        MutableDataset<Label> test = images.dataset("test", brightness(testClasses, 8L), testClasses);
        Scenario imbalanced = new Scenario(Scenario.Kind.IMBALANCED, List.of("2"), 0.5, 0);
        CnnWatchingTrainer.reset();
        List<String> lines = new ArrayList<>();
        new ClassifierExperiment(images, families, imbalanced, List.of(Arm.REAL, Arm.OVERSAMPLING), true)
                .run(brightness(trainClasses, 7L), trainClasses, test, List.of(1L), NO_GENERATOR, lines::add,
                        new CancellationToken());
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains(" cnn: "), "the CNN was fitted and scored: " + lines);
        assertEquals(2, CnnWatchingTrainer.mostAtOnce(), "the two watchers fitted side by side");
        assertFalse(CnnWatchingTrainer.sawCnn(), "no watcher saw the CNN's training beside it");
    }

    /** 64 pixels per row, each class k about 40 + 80 k bright, with noise of ±30. */
    private static float[][] brightness(int[] classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[classes.length][64];
        for (int i = 0; i < classes.length; i++) {
            for (int j = 0; j < 64; j++) {
                out[i][j] = (float) Math.max(0, Math.min(255, 40 + 80 * classes[i] + random.nextDouble(-30, 30)));
            }
        }
        return out;
    }

    @Test
    void familiesThatRunOutOfHeapTogetherAreFittedOneAtATime(@TempDir Path dir) throws IOException {
        Path config = trainerConfig(dir, "dev.augment.eval.protocol.HeapHungryTrainer");
        List<ClassifierSpec> families = ClassifierSpec.parseList("cart,config:" + config, 100);
        List<Arm> arms = List.of(Arm.REAL, Arm.OVERSAMPLING);
        List<List<FamilyArms>> results = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (boolean concurrent : new boolean[] {false, true}) {
            if (concurrent) {
                HeapHungryTrainer.armOnce();
            }
            lines.clear();
            results.add(experiment(families, arms, concurrent, lines));
        }
        assertEquals(1, lines.stream().filter(l -> l.contains("ran out of Java heap")).count(), lines.toString());
        assertTrue(lines.get(0).contains("ran out of Java heap fitting"), "said before the first arm's scores: "
                + lines.get(0));
        assertEquals(1 + 2 * arms.size() * families.size(), lines.size(), "every arm scored once: " + lines);
        for (int f = 0; f < families.size(); f++) {
            for (int a = 0; a < arms.size(); a++) {
                assertEquals(results.get(0).get(f).arms().get(a).runs().stream().map(ArmScores::macroF1).toList(),
                        results.get(1).get(f).arms().get(a).runs().stream().map(ArmScores::macroF1).toList());
            }
        }
    }
}
