package dev.augment.eval.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import dev.augment.train.QualityCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CNN quality check on toy colour images that only their channels tell apart. */
class CnnQualityCheckTest {

    private static final int SAMPLES = 60;
    private static final int STEPS = 40;

    private static CnnQualityCheck check() {
        ToyColourImages.Labelled train = ToyColourImages.Labelled.of(150, 1);
        ToyColourImages.Labelled test = ToyColourImages.Labelled.of(SAMPLES, 2);
        return new CnnQualityCheck(ToyColourImages.schema(), train.images(), train.classes(), test.images(),
                test.classes(), SAMPLES, STEPS, 7);
    }

    /** Fresh real images of the class asked for (a seed no split uses). */
    private static float[] rightClass(int c, int n, long seed) {
        return ToyColourImages.flat(c, n, 100 + seed);
    }

    /** Real images, but of the next class. */
    private static float[] wrongClass(int c, int n, long seed) {
        return ToyColourImages.flat((c + 1) % 3, n, 100 + seed);
    }

    @Test
    void theCnnLearnsTheColoursInAFewSteps() {
        CnnQualityCheck check = check();
        assertTrue(check.classifierTestAccuracy() > 0.95, "accuracy " + check.classifierTestAccuracy());
    }

    @Test
    void realImagesOfTheRightClassMeetTheTargetsAndMatchTheRealReferences() {
        QualityCheck.Score score = check().evaluate(CnnQualityCheckTest::rightClass);
        JsonNode rows = score.details().path("perClass");
        assertEquals(3, rows.size());
        assertFalse(score.details().has("realHeldOutHalvesCoverageNotMeasured"));
        for (JsonNode row : rows) {
            assertTrue(row.path("labelConsistency").asDouble() > 0.95, row.toString());
            assertTrue(row.path("consistencyRatio").asDouble() > 0.95, row.toString());
            assertTrue(row.path("coverage").asDouble() > 0.8, row.toString());
            // Same distribution as the real references: coverage within 0.15 of both.
            assertEquals(row.path("realTrainCoverage").asDouble(), row.path("coverage").asDouble(), 0.15,
                    row.toString());
            assertEquals(row.path("realHeldOutHalvesCoverage").asDouble(), row.path("coverage").asDouble(), 0.15,
                    row.toString());
            assertTrue(row.path("targetsMet").asBoolean(), row.toString());
        }
        assertTrue(score.value() >= 1, "score " + score.value());
        assertTrue(score.details().path("classifierTestAccuracy").asDouble() > 0.95);
    }

    @Test
    void imagesOfTheWrongClassFailConsistencyCoverageAndAreFartherInFrechetDistance() {
        CnnQualityCheck check = check();
        JsonNode right = check.evaluate(CnnQualityCheckTest::rightClass).details();
        QualityCheck.Score wrong = check.evaluate(CnnQualityCheckTest::wrongClass);
        for (int c = 0; c < 3; c++) {
            JsonNode row = wrong.details().path("perClass").get(c);
            assertTrue(row.path("labelConsistency").asDouble() < 0.05, row.toString());
            assertTrue(row.path("coverage").asDouble() < 0.2, row.toString());
            assertFalse(row.path("targetsMet").asBoolean());
            double rightDistance = right.path("perClass").get(c).path("frechetDistance").asDouble();
            assertTrue(row.path("frechetDistance").asDouble() > 5 * rightDistance + 1e-3,
                    row.path("frechetDistance") + " vs " + rightDistance);
        }
        assertTrue(wrong.value() < 0.1, "score " + wrong.value());
        // Pooled over classes the wrong-class samples are the very images of the right-class ones, so the
        // overall distance is the same; per class it is far.
        double pooled = right.path("summary").path("frechetDistance").asDouble();
        assertEquals(pooled, wrong.details().path("summary").path("frechetDistance").asDouble(), 1e-3 * pooled + 1e-3);
    }

    @Test
    void halvesTooSmallForKNeighboursGiveNullNotNaN() {
        ToyColourImages.Labelled train = ToyColourImages.Labelled.of(30, 1);
        ToyColourImages.Labelled test = ToyColourImages.Labelled.of(10, 2);
        QualityCheck.Score score = new CnnQualityCheck(ToyColourImages.schema(), train.images(), train.classes(),
                test.images(), test.classes(), 10, 5, 7).evaluate(CnnQualityCheckTest::rightClass);
        JsonNode row = score.details().path("perClass").get(0);
        assertTrue(row.path("realHeldOutHalvesCoverage").isNull(), row.toString());
        assertTrue(row.path("coverage").isNumber(), row.toString());
        assertFalse(score.details().toString().contains("NaN"), score.details().toString());
        // a null with a reason (score --samples 10 printed a null without one)
        assertTrue(score.details().path("realHeldOutHalvesCoverageNotMeasured").asText().contains("halves of at most k"
                + " = 5"), score.details().toString());
    }

    @Test
    void refusesNoClassifierStepsAndTabularData() {
        ToyColourImages.Labelled data = ToyColourImages.Labelled.of(20, 1);
        InvalidSettingException steps = assertThrows(InvalidSettingException.class,
                () -> new CnnQualityCheck(ToyColourImages.schema(), data.images(), data.classes(), data.images(),
                        data.classes(), 10, 0, 1));
        assertEquals("cnnSteps", steps.setting());
        SampleSchema table = new SampleSchema(ToyColourImages.schema().featureNames(),
                List.of(ToyColourImages.PIXELS), 0, 255, ToyColourImages.CLASSES, ToyColourImages.CLASSES);
        InvalidSettingException tabular = assertThrows(InvalidSettingException.class,
                () -> new CnnQualityCheck(table, data.images(), data.classes(), data.images(), data.classes(), 10, 5,
                        1));
        assertEquals("schema", tabular.setting());
    }
}
