package dev.augment.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link QualityJudge#fittedCnnSteps}: train's CNN judge trains 50 passes over its images, 500 to 4 000 steps. */
class QualityJudgeStepsTest {

    @Test
    void smallSetsGetFewerStepsAndLargeOnesTheDefault() {
        assertEquals(500, QualityJudge.fittedCnnSteps(91), "a 91-image set: 500, not 4 000 (5 600 passes)");
        assertEquals(500, QualityJudge.fittedCnnSteps(0));
        assertEquals(1250, QualityJudge.fittedCnnSteps(3200), "25 batches, 50 passes");
        assertEquals(3950, QualityJudge.fittedCnnSteps(10_000));
        assertEquals(4000, QualityJudge.fittedCnnSteps(45_000), "CIFAR-10's training part: as before");
        assertEquals(4000, QualityJudge.fittedCnnSteps(Integer.MAX_VALUE));
    }

    /** Colour images under 4×4 failed the CNN judge auto picked, exit 1, naming filters no user set (6 Dec). */
    @Test
    void autoPicksThePixelJudgeForColourImagesTooSmallForTheCnn() {
        java.util.function.IntFunction<dev.augment.schema.SampleSchema> colour = side -> new dev.augment.schema
                .SampleSchema(java.util.stream.IntStream.range(0, 3 * side * side).mapToObj(i -> "p" + i).toList(),
                java.util.List.of(3, side, side), 0, 255, java.util.List.of("a", "b"), java.util.List.of("a", "b"));
        assertEquals(QualityJudge.PIXELS, QualityJudge.AUTO.resolve(colour.apply(3), "--check-classifier", "--data "
                + "holds"));
        assertEquals(QualityJudge.CNN, QualityJudge.AUTO.resolve(colour.apply(4), "--check-classifier", "--data "
                + "holds"));
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> QualityJudge.CNN
                .resolve(colour.apply(1), "--classifier", "--data holds"));
        assertEquals("--classifier cnn needs images of at least 4x4 pixels, and --data holds 1x1 images; use "
                + "--classifier pixels", e.getMessage());
    }
}
