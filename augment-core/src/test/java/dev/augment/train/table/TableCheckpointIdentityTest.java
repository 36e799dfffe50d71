package dev.augment.train.table;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableCheckpointIdentityTest {

    /** What a checkpoint written before the information loss existed records: every setting but that one. */
    private static Map<String, String> withoutInformationWeight(TableGanSettings settings) {
        Map<String, String> old = new LinkedHashMap<>(TableCheckpointIdentity.of(settings));
        old.remove("informationWeight");
        return old;
    }

    @Test
    void aCheckpointFromBeforeTheInformationLossResumesUnderWeightZero() {
        TableGanSettings settings = TableGanSettings.defaults(4).withAuxiliaryWeight(1f);
        assertEquals(TableCheckpointIdentity.of(settings),
                TableCheckpointIdentity.completed(withoutInformationWeight(settings)));
    }

    @Test
    void butNotUnderAnotherWeightAndTheRefusalSaysWhichItHad() {
        TableGanSettings settings = TableGanSettings.defaults(4).withAuxiliaryWeight(1f);
        Map<String, String> now = TableCheckpointIdentity.of(settings.withInformationWeight(1f));
        String differences = TableCheckpointIdentity.differences(
                TableCheckpointIdentity.completed(withoutInformationWeight(settings)), now);
        assertTrue(differences.equals("informationWeight 0.0 in the checkpoint, 1.0 now"), differences);
    }

    @Test
    void aCheckpointFromBeforeCriticStepsResumesUnderOneAndNotUnderFive() {
        TableGanSettings settings = TableGanSettings.defaults(4).resolvedFor(new long[] {6, 53});
        Map<String, String> old = new LinkedHashMap<>(TableCheckpointIdentity.of(settings.withCriticSteps(1)));
        old.remove("criticSteps");
        assertEquals(TableCheckpointIdentity.of(settings.withCriticSteps(1)), TableCheckpointIdentity.completed(old));
        String differences = TableCheckpointIdentity.differences(TableCheckpointIdentity.completed(old),
                TableCheckpointIdentity.of(settings));
        assertEquals("criticSteps 1 in the checkpoint, 5 now (when not given, critic steps are chosen by the "
                + "class-size rule)", differences);
    }

    /** A table resume's refusal said UNIFORM and LOG_FREQUENCY where the option takes their spelling (a re-check). */
    @Test
    void enumValuesAreShownAsTheOptionSpellsThem() {
        assertEquals("sampling uniform in the checkpoint, log-frequency now", TableCheckpointIdentity.differences(
                Map.of("sampling", "UNIFORM"), Map.of("sampling", "LOG_FREQUENCY")));
    }
}
