package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GanSettings#convWidth()}: a multiple of 4 from 8 to 1024, default 64. */
class ConvWidthSettingTest {

    @ParameterizedTest(name = "convWidth {0}")
    @ValueSource(ints = {10, 66, 4, 0, -8, 7, 1028, 2000})
    void widthThatIsNotAMultipleOfFourOfAtLeastEightIsRefusedNamingTheSettingAndValue(int width) {
        GanSettings.Builder builder = GanSettings.builder(Architecture.CONV).convWidth(width);

        InvalidSettingException e = assertThrows(InvalidSettingException.class, builder::build);

        assertEquals("convWidth", e.setting());
        assertTrue(e.getMessage().contains("multiple of 4 from 8 to 1024 (16 times the default), was " + width),
                e.getMessage());
    }

    @ParameterizedTest(name = "convWidth {0}")
    @ValueSource(ints = {8, 12, 16, 128, 1024})
    void smallestAndWideWidthsAreAccepted(int width) {
        assertEquals(width, GanSettings.builder(Architecture.CONV).convWidth(width).build().convWidth());
    }

    @Test
    void defaultIsSixtyFourAndSurvivesCopies() {
        GanSettings settings = GanSettings.defaults(Architecture.CONV, 1, 8, 1);

        assertEquals(64, settings.convWidth());
        assertEquals(32, settings.toBuilder().convWidth(32).build().withEpochs(3).withEmaDecay(0.5f).convWidth());
    }
}
