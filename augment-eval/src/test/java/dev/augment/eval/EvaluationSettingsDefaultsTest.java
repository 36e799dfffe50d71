package dev.augment.eval;

import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.Scenario;
import dev.augment.train.Architecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Java callers of the shorter constructors get the GAN recipe the CLI's {@code evaluate} trains by default. */
class EvaluationSettingsDefaultsTest {

    private static final Path TRAIN = Path.of("train");
    private static final Path TEST = Path.of("test");
    private static final List<ClassifierSpec> LOGISTIC = List.of(ClassifierSpec.parse("logistic"));
    private static final Scenario LOW_DATA = new Scenario(Scenario.Kind.LOW_DATA, List.of(), 1, 5);

    @Test
    void theShortestConstructorTrainsWithTheDefaultModeSeekingWeight() {
        EvaluationSettings settings = new EvaluationSettings(TRAIN, TEST, null, LOGISTIC, LOW_DATA, 1, 1, null,
                false, EvaluationSettings.DEFAULT_GAN_EPOCHS, Architecture.MLP, 0, EmbeddingSettings.defaults(1),
                VerdictRules.defaults(), 20, "test");
        assertEquals(1f, settings.ganModeSeekingWeight());
        assertEquals(1f, settings.ganSettings(64).modeSeekingWeight());
        assertEquals(20, settings.ganSettings(64).epochs());
    }

    @Test
    void theConstructorWithDiffAugmentAndLecamAlsoKeepsTheDefaultModeSeekingWeight() {
        EvaluationSettings settings = new EvaluationSettings(TRAIN, TEST, null, LOGISTIC, LOW_DATA, 1, 1, null,
                false, 10, Architecture.MLP, 0, EmbeddingSettings.defaults(1), VerdictRules.defaults(), 20, "test",
                1, "translation", 0.1f);
        assertEquals(EvaluationSettings.DEFAULT_GAN_MODE_SEEKING_WEIGHT, settings.ganModeSeekingWeight());
        assertEquals("translation", settings.ganSettings(64).diffAugment());
    }

    @Test
    void theFullConstructorStillTurnsModeSeekingOffWhenAskedForTheOldRecipe() {
        EvaluationSettings settings = new EvaluationSettings(TRAIN, TEST, null, LOGISTIC, LOW_DATA, 1, 1, null,
                false, 10, Architecture.MLP, 0, EmbeddingSettings.defaults(1), VerdictRules.defaults(), 20, "test",
                1, "", 0f, 0f, Arm.defaults());
        assertEquals(0f, settings.ganSettings(64).modeSeekingWeight());
        assertEquals(10, settings.ganSettings(64).epochs());
    }
}
