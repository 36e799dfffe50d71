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
}
