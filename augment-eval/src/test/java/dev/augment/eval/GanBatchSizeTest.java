package dev.augment.eval;

import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.Scenario;
import dev.augment.train.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch of the GANs trained inside an evaluation fits the training split. */
class GanBatchSizeTest {

    private static EvaluationSettings withGanBatchSize(int ganBatchSize) {
        return new EvaluationSettings(Path.of("train"), Path.of("test"), null, List.of(ClassifierSpec.parse("logistic")),
                new Scenario(Scenario.Kind.LOW_DATA, List.of(), 1, 5), 2, 1, null, false, 1, Architecture.MLP,
                ganBatchSize, EmbeddingSettings.defaults(1), VerdictRules.defaults(), 20, "test");
    }

    @ParameterizedTest(name = "{0} examples -> batch {1}")
    @CsvSource({"2, 2", "3, 2", "10, 8", "50, 32", "64, 64", "1000, 64", "60000, 64"})
    void unsetBatchIsTheLargestPowerOfTwoUpTo64ThatFitsTheSplit(int examples, int batch) {
        assertEquals(batch, withGanBatchSize(0).ganBatchSizeFor(examples));
    }

    @Test
    void chosenBatchIsKeptWhenItFits() {
        assertEquals(50, withGanBatchSize(50).ganBatchSizeFor(50));
    }

    @Test
    void chosenBatchLargerThanTheSplitIsRefusedNamingTheSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> withGanBatchSize(64).ganBatchSizeFor(50));
        assertEquals("ganBatchSize", e.setting());
        assertTrue(e.getMessage().contains("choose at most 50"), e.getMessage());
    }

    @Test
    void batchOfOneIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> withGanBatchSize(1));
        assertEquals("ganBatchSize", e.setting());
    }
}
