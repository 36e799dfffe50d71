package dev.augment.oversample;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MethodSettingsTest {

    private static final int[] ASKED = {0, 3, 10, 7};

    @Test
    void singleMethodsTakeEverythingFromTheirSource() {
        AddedCounts smote = MethodSettings.of(OversamplingMethod.SMOTE).split(ASKED);
        assertEquals(OversamplingMethod.SMOTE, smote.nonGenerative());
        assertArrayEquals(ASKED, smote.fromReal());
        assertArrayEquals(new int[4], smote.generated());
        AddedCounts gan = MethodSettings.of(OversamplingMethod.GAN).split(ASKED);
        assertNull(gan.nonGenerative());
        assertArrayEquals(ASKED, gan.generated());
    }

    @Test
    void hybridAddsTheRatioOnTopAndMixSplitsTheCount() {
        AddedCounts hybrid = MethodSettings.of(OversamplingMethod.HYBRID).withBaseline(OversamplingMethod.ROS)
                .withGeneratedRatio(0.5).split(ASKED);
        assertEquals(OversamplingMethod.ROS, hybrid.nonGenerative());
        assertArrayEquals(ASKED, hybrid.fromReal());
        assertArrayEquals(new int[] {0, 2, 5, 4}, hybrid.generated(), "round(0.5 x count), half up");
        AddedCounts mix = MethodSettings.of(OversamplingMethod.MIX).withGeneratedShare(0.3).split(ASKED);
        assertArrayEquals(new int[] {0, 1, 3, 2}, mix.generated());
        assertArrayEquals(ASKED, mix.total(), "mix adds exactly the asked count");
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertEquals("k", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.SMOTE).withK(0)).setting());
        assertEquals("baseline", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.MIX).withBaseline(OversamplingMethod.GAN)).setting());
        assertEquals("generatedRatio", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(-1)).setting());
        assertEquals("generatedShare", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.MIX).withGeneratedShare(1.5)).setting());
        assertEquals("method", assertThrows(InvalidSettingException.class,
                () -> OversamplingMethod.parse("magic", "method")).setting());
    }
}
