package dev.augment.eval.protocol;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each arm adds to each class: the counts, and which rows come from the generator. */
class ArmTrainingSetsTest {

    /** Real pixels stay in [0, 10]; the planted generator draws 200 everywhere, so its rows are recognisable. */
    private static final float GENERATED = 200f;
    private static final SampleSchema SCHEMA = new SampleSchema(List.of("0", "1", "2", "3"), List.of(1, 2, 2), 0, 255,
            List.of("0", "1"), List.of("big", "small"));

    /** Class 0 has 20 examples, class 1 has 6, so every augmenting arm tops class 1 up by 14. */
    private static ArmTrainingSets sets() {
        SplittableRandom random = new SplittableRandom(4);
        float[][] rows = new float[26][4];
        int[] labels = new int[26];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i < 20 ? 0 : 1;
            for (int j = 0; j < 4; j++) {
                rows[i][j] = 1 + (float) random.nextDouble() * 9;
            }
        }
        return new ArmTrainingSets(new TribuoData(SCHEMA), rows, labels, 9L);
    }

    private static float[][] planted(int classIndex, int n, long seed) {
        float[][] out = new float[n][4];
        for (float[] row : out) {
            Arrays.fill(row, GENERATED);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Arm.class, names = {"OVERSAMPLING", "SMOTE", "GAN", "HYBRID", "MIX", "HYBRID_ROS", "MIX_ROS"})
    void augmentingArmsAddTheirShareOfRealLikeAndGeneratedRows(Arm arm) {
        MutableDataset<Label> data = sets().build(arm, ArmTrainingSetsTest::planted);
        int expectedGenerated = switch (arm) {
            case GAN -> 14;
            case HYBRID, HYBRID_ROS -> 7;  // half as many as the 14 SMOTE (ROS) rows, on top
            case MIX, MIX_ROS -> 7;        // half of the 14
            default -> 0;
        };
        int expectedTotal = 6 + (arm == Arm.HYBRID || arm == Arm.HYBRID_ROS ? 14 + 7 : 14);
        assertEquals(expectedTotal, count(data, "1", false) + count(data, "1", true), arm + ": rows of class 1");
        assertEquals(expectedGenerated, count(data, "1", true), arm + ": generated rows of class 1");
        assertEquals(20, count(data, "0", false) + count(data, "0", true), arm + ": the largest class gets nothing");
    }

    @Test
    void hybridTopsUpWithTheSameSmoteRowsAsTheSmoteArm() {
        MutableDataset<Label> smote = sets().build(Arm.SMOTE, ArmTrainingSetsTest::planted);
        MutableDataset<Label> hybrid = sets().build(Arm.HYBRID, ArmTrainingSetsTest::planted);
        for (int i = 0; i < smote.size(); i++) {
            assertEquals(smote.getExample(i).toString(), hybrid.getExample(i).toString(), "row " + i);
        }
    }

    @Test
    void rosHybridAndMixAddCopiesOfRealRowsDrawnAsTheRosArmDrawsThem() {
        MutableDataset<Label> ros = sets().build(Arm.OVERSAMPLING, ArmTrainingSetsTest::planted);
        MutableDataset<Label> hybrid = sets().build(Arm.HYBRID_ROS, ArmTrainingSetsTest::planted);
        MutableDataset<Label> mix = sets().build(Arm.MIX_ROS, ArmTrainingSetsTest::planted);
        java.util.Set<String> real = new java.util.HashSet<>();
        for (int i = 0; i < 26; i++) {
            real.add(features(ros.getExample(i)));
        }
        for (int i = 0; i < ros.size(); i++) {
            assertEquals(ros.getExample(i).toString(), hybrid.getExample(i).toString(), "row " + i);
        }
        for (int i = 26; i < 26 + 7; i++) {
            assertEquals(ros.getExample(i).toString(), mix.getExample(i).toString(), "mix row " + i);
            org.junit.jupiter.api.Assertions.assertTrue(real.contains(features(mix.getExample(i))),
                    "mix row " + i + " is a copy of a real row");
        }
    }

    private static String features(Example<Label> example) {
        StringBuilder s = new StringBuilder(example.getOutput().getLabel());
        for (Feature f : example) {
            s.append(' ').append(f.getName()).append('=').append(f.getValue());
        }
        return s.toString();
    }

    private static int count(MutableDataset<Label> data, String label, boolean generated) {
        int n = 0;
        for (Example<Label> example : data) {
            if (!example.getOutput().getLabel().equals(label)) {
                continue;
            }
            boolean isGenerated = false;
            for (Feature f : example) {
                isGenerated |= f.getValue() * 255 > 100 || f.getValue() > 100;
            }
            n += isGenerated == generated ? 1 : 0;
        }
        return n;
    }
}
