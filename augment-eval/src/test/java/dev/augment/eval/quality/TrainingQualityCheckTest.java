package dev.augment.eval.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augment.schema.SampleSchema;
import dev.augment.train.QualityCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pixel judge's quality check on toy colour images. */
class TrainingQualityCheckTest {

    private static final int SAMPLES = 60;

    private static float[] red(int c, int n, long seed) {
        return ToyColourImages.flat(0, n, 100 + seed);
    }

    private static float[] green(int c, int n, long seed) {
        return ToyColourImages.flat(1, n, 100 + seed);
    }

    /** Trained on one class, the judge answered that class for every sample: a consistency of 1.0 that said nothing. */
    @Test
    void withOneClassLabelConsistencyIsNotJudgedAndCoverageAloneDecides() {
        SampleSchema all = ToyColourImages.schema();
        SampleSchema redOnly = new SampleSchema(all.featureNames(), all.shape(), 0, 255, List.of("red"),
                List.of("red"));
        float[][] train = rows(ToyColourImages.flat(0, 150, 1));
        float[][] test = rows(ToyColourImages.flat(0, SAMPLES, 2));
        QualityCheck check = new TrainingQualityCheck(redOnly, train, new int[train.length], test,
                new int[test.length], SAMPLES, 7);
        QualityCheck.Score right = check.evaluate(TrainingQualityCheckTest::red);
        JsonNode row = right.details().path("perClass").get(0);
        assertTrue(row.path("labelConsistency").isNull(), row.toString());
        assertTrue(row.path("consistencyTarget").isNull(), row.toString());
        assertTrue(right.details().path("summary").path("meanLabelConsistency").isNull());
        assertTrue(right.details().path("labelConsistencyNotJudged").asText().startsWith("one class"));
        assertTrue(row.path("targetsMet").asBoolean(), row.toString());
        assertEquals(row.path("coverage").asDouble() / 0.75, right.value(), 0.002);
        // green images asked for as red: no one-class judge can say so, but coverage does
        QualityCheck.Score wrong = check.evaluate(TrainingQualityCheckTest::green);
        assertTrue(wrong.value() < 0.5, "score " + wrong.value());
        assertFalse(wrong.details().path("perClass").get(0).path("targetsMet").asBoolean());
    }

    /** 4×4 images failed with "PCA needs at least 2 samples and 1..16 components", exit 1 (a fresh user, 5 Dec). */
    @Test
    void imagesOfFewerPixelsThanComponentsAreMeasuredInAllTheirPixels() {
        List<String> names = java.util.stream.IntStream.range(0, 16).mapToObj(i -> String.format("%02d", i)).toList();
        SampleSchema tiny = new SampleSchema(names, List.of(1, 4, 4), 0, 255, List.of("dark", "light"),
                List.of("dark", "light"));
        java.util.Random random = new java.util.Random(3);
        float[][] train = new float[40][16];
        float[][] test = new float[40][16];
        int[] classes = new int[40];
        for (int i = 0; i < 40; i++) {
            classes[i] = i % 2;
            for (int j = 0; j < 16; j++) {
                train[i][j] = classes[i] * 150 + random.nextInt(100);
                test[i][j] = classes[i] * 150 + random.nextInt(100);
            }
        }
        QualityCheck check = new TrainingQualityCheck(tiny, train, classes, test, classes, 20, 7);
        QualityCheck.Score score = check.evaluate((c, n, seed) -> {
            float[] out = new float[n * 16];
            for (int i = 0; i < out.length; i++) {
                out[i] = c * 150 + random.nextInt(100);
            }
            return out;
        });
        assertTrue(score.details().path("featureSpace").asText().startsWith("16 leading principal components"),
                score.details().toString());
        assertTrue(score.value() > 0.5, "samples like the real ones: " + score.details());
    }

    @Test
    void withSeveralClassesLabelConsistencyIsMeasured() {
        ToyColourImages.Labelled train = ToyColourImages.Labelled.of(150, 1);
        ToyColourImages.Labelled test = ToyColourImages.Labelled.of(SAMPLES, 2);
        QualityCheck check = new TrainingQualityCheck(ToyColourImages.schema(), train.images(), train.classes(),
                test.images(), test.classes(), SAMPLES, 7);
        QualityCheck.Score wrong = check.evaluate((c, n, seed) -> ToyColourImages.flat((c + 1) % 3, n, 100 + seed));
        assertFalse(wrong.details().has("labelConsistencyNotJudged"));
        for (JsonNode row : wrong.details().path("perClass")) {
            assertTrue(row.path("labelConsistency").asDouble() < 0.1, row.toString());
        }
    }

    private static float[][] rows(float[] flat) {
        float[][] out = new float[flat.length / ToyColourImages.PIXELS][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * ToyColourImages.PIXELS, (i + 1) * ToyColourImages.PIXELS);
        }
        return out;
    }
}
