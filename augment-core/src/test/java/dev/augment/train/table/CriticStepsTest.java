package dev.augment.train.table;

import dev.augment.errors.InvalidSettingException;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WGAN-GP's critic steps per generator step ({@code n_critic}): chosen by class size unless given, and a step of a
 * table GAN makes that many critic updates, each on its own draw, and one generator update.
 */
class CriticStepsTest {

    @Test
    void byDefaultFiveCriticStepsExactlyWhenSomeClassHasFewerThanFiftyRowsElseOne() {
        TableGanSettings auto = TableGanSettings.defaults(1);
        assertTrue(auto.automaticCriticSteps());
        assertEquals(5, auto.resolvedFor(new long[] {6, 53, 12}).criticSteps(), "glass's training split");
        assertEquals(5, auto.resolvedFor(new long[] {49, 500}).criticSteps());
        assertEquals(1, auto.resolvedFor(new long[] {50, 500}).criticSteps());
        assertEquals(1, auto.resolvedFor(new long[] {210, 490}).criticSteps(), "credit-g's training split: CTGAN's");
        assertEquals(2, auto.withCriticSteps(2).resolvedFor(new long[] {6, 53}).criticSteps(), "given is kept");
        assertEquals(3, auto.withCriticSteps(3).resolvedFor(new long[] {60, 53}).criticSteps(), "given is kept");
        assertTrue(auto.resolvedFor(new long[] {6, 53}).resolved());
    }

    @Test
    void aNegativeOrHugeCountIsRefusedNamingTheSetting() {
        for (int bad : new int[] {-1, TableGanSettings.MAX_CRITIC_STEPS + 1, Integer.MAX_VALUE}) {
            assertEquals("criticSteps", assertThrows(InvalidSettingException.class,
                    () -> TableGanSettings.defaults(1).withCriticSteps(bad)).setting());
        }
        assertEquals(100, TableGanSettings.defaults(1).withCriticSteps(100).criticSteps());
    }

    @Test
    void aStepMakesAsManyCriticUpdatesAsAskedAndOneGeneratorUpdate() {
        Table table = TableReader.read(TableExportParityTest.CREDIT, "class");
        TableEncoder encoder = TableEncoder.fit(table, 3);
        float[] encoded = encoder.encode(table, 3);
        int classCount = table.schema().classCount();
        for (int n : new int[] {1, 3}) {
            TableGanSettings settings = TableGanSettings.defaults(3).withWidths(List.of(8, 8)).withAuxiliaryWeight(1f)
                    .withPac(2).withCriticSteps(n);
            ClassSampler sampler = new ClassSampler(table.classes(), classCount, settings.conditioning(), 3);
            try (TableNetworks nets = new TableNetworks(settings, encoder.width(), classCount)) {
                TableGanStep step = new TableGanStep(settings, nets, encoder, encoded, sampler, 20, classCount);
                assertNotNull(step.run(0, 0));
                assertNotNull(step.run(1, 0));
                assertEquals(2 * n, nets.criticUpdates(), n + " critic steps per generator step, two steps");
                assertEquals(2, nets.generatorUpdates());
                assertEquals(2, nets.classifierUpdates(), "the auxiliary classifier learns once a step");
            }
        }
    }
}
