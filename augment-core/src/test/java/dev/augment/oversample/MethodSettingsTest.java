package dev.augment.oversample;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

    @Test
    void aValueTheMethodDoesNotReadIsRefusedNamingItAndTheMethod() {
        InvalidSettingException k = assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.ROS).withK(3));
        assertEquals("k", k.setting());
        assertTrue(k.getMessage().contains("method ros") && k.getMessage().contains("was 3"), k.getMessage());
        assertEquals("k", assertThrows(InvalidSettingException.class, () -> MethodSettings.of(OversamplingMethod.MIX)
                .withK(3).withBaseline(OversamplingMethod.ROS)).setting(), "mix on ros runs no SMOTE");
        assertEquals("baseline", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.GAN).withBaseline(OversamplingMethod.ROS)).setting());
        assertEquals("generatedRatio", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.MIX).withGeneratedRatio(2)).setting());
        assertEquals("generatedShare", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedShare(0.3)).setting());
        // what each method reads, the names the OLCUT configuration and the provenance use
        assertEquals(List.of("k"), MethodSettings.of(OversamplingMethod.SMOTE).readSettings());
        assertEquals(List.of(), MethodSettings.of(OversamplingMethod.ROS).readSettings());
        assertEquals(List.of("ganFilter"), MethodSettings.of(OversamplingMethod.GAN).readSettings());
        assertEquals(List.of("k", "baseline", "generatedRatio", "ganFilter"),
                MethodSettings.of(OversamplingMethod.HYBRID).readSettings());
        assertEquals(List.of("baseline", "generatedShare", "ganFilter"),
                MethodSettings.of(OversamplingMethod.MIX).withBaseline(OversamplingMethod.ROS).readSettings());
    }

    /**
     * A {@code with…} call gives a setting, even at its default value: {@code of(GAN).withBaseline(SMOTE)} was kept
     * as pure GAN without a word, where OLCUT's {@code baseline=SMOTE} for GAN is refused (a fresh user, 6 Dec).
     */
    @Test
    void aWithCallOfTheDefaultValueIsRefusedByAMethodThatDoesNotReadIt() {
        assertEquals("baseline", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.GAN).withBaseline(OversamplingMethod.SMOTE)).setting());
        assertEquals("k", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.GAN).withK(5)).setting());
        assertEquals("k", assertThrows(InvalidSettingException.class, () -> MethodSettings.of(OversamplingMethod.MIX)
                .withBaseline(OversamplingMethod.ROS).withK(5)).setting());
        assertEquals("generatedRatio", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.ROS).withGeneratedRatio(0.5)).setting());
        assertEquals("generatedShare", assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.SMOTE).withGeneratedShare(0.5)).setting());
        // the methods that read them take their defaults as any value
        assertEquals(5, MethodSettings.of(OversamplingMethod.SMOTE).withK(5).k());
        assertEquals(OversamplingMethod.SMOTE, MethodSettings.of(OversamplingMethod.HYBRID)
                .withBaseline(OversamplingMethod.SMOTE).baseline());
    }

    /**
     * A setting given at its default and switched off by a later call is refused in either order: {@code
     * of(HYBRID).withK(5).withBaseline(ROS)} and {@code of(MIX).withK(5).withGeneratedShare(1)} were accepted, where
     * the other order was refused (a re-check, 6 Dec).
     */
    @Test
    void aSettingGivenAtItsDefaultIsRefusedWhenALaterCallSwitchesItOff() {
        assertEquals("k", assertThrows(InvalidSettingException.class, () -> MethodSettings.of(OversamplingMethod.HYBRID)
                .withK(5).withBaseline(OversamplingMethod.ROS)).setting());
        assertEquals("k", assertThrows(InvalidSettingException.class, () -> MethodSettings.of(OversamplingMethod.MIX)
                .withK(5).withGeneratedShare(1)).setting());
        assertEquals("baseline", assertThrows(InvalidSettingException.class, () -> MethodSettings
                .of(OversamplingMethod.MIX).withGeneratedShare(1).withBaseline(OversamplingMethod.SMOTE)).setting());
        assertEquals("ganFilter", assertThrows(InvalidSettingException.class, () -> MethodSettings
                .of(OversamplingMethod.HYBRID).withGeneratedRatio(0).withGanFilter(1)).setting());
        assertEquals("ganFilter", assertThrows(InvalidSettingException.class, () -> MethodSettings
                .of(OversamplingMethod.MIX).withGanFilter(1).withGeneratedShare(0)).setting());
        // not given, the defaults stay unread without a word; given where read, they are kept
        assertEquals(List.of("generatedShare"), List.copyOf(MethodSettings.of(OversamplingMethod.MIX)
                .withGeneratedShare(1).given()));
        assertEquals(List.of("k", "generatedRatio"), List.copyOf(MethodSettings.of(OversamplingMethod.HYBRID).withK(5)
                .withGeneratedRatio(0.5).given()));
        assertEquals(List.of("k"), List.copyOf(new MethodSettings(OversamplingMethod.SMOTE, 3,
                OversamplingMethod.SMOTE, 0.5, 0.5).given()));
    }

    @Test
    void aHybridRatioPastTheLargestCountIsRefusedNotOverflowed() {
        MethodSettings tenfold = MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(10);
        assertEquals("generatedRatio", assertThrows(InvalidSettingException.class,
                () -> tenfold.split(new int[] {Integer.MAX_VALUE / 2})).setting());
        // a fresh user's case: the default ratio's generated examples fit an int, but not with the rebalanced ones
        MethodSettings hybrid = MethodSettings.of(OversamplingMethod.HYBRID);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> hybrid.split(new int[] {2_147_483_000}));
        assertTrue(e.getMessage().contains("on top of its 2147483000 rebalanced ones"), e.getMessage());
        // a ratio whose product passes a long's range: it saturated, wrapped below the limit, and added nothing
        for (double huge : new double[] {3e18, 1e19, 1e308}) {
            MethodSettings settings = MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(huge);
            assertEquals("generatedRatio", assertThrows(InvalidSettingException.class,
                    () -> settings.split(new int[] {4})).setting(), "ratio " + huge);
        }
        // 1e300 printed 301 digits (a Tribuo user, 6 Dec)
        InvalidSettingException longNumber = assertThrows(InvalidSettingException.class,
                () -> MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(1e300).split(new int[] {3}));
        assertTrue(longNumber.getMessage().contains("asks for 3.00e+300 generated examples"), longNumber.getMessage());
        assertEquals(3, MethodSettings.of(OversamplingMethod.HYBRID).withGeneratedRatio(0.5).split(new int[] {5})
                .generated()[0], "half up, as before: 2.5 gives 3");
    }
}
