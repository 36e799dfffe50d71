package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import dev.augment.train.table.TableGanSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An infinite learning rate or weight ({@code --lr-d Infinity}, or 1e308, which a float makes infinite) was accepted,
 * loaded PyTorch and ended as "training diverged" (exit 1), where NaN was refused up front (a fresh user's find).
 */
class FiniteSettingsTest {

    @Test
    void infiniteRatesAndWeightsAreRefusedNamingTheSetting() {
        float inf = Float.POSITIVE_INFINITY;
        Map<String, Supplier<?>> bad = Map.of(
                "learningRateG", () -> GanSettings.builder(Architecture.MLP).learningRates(inf, 2e-4f).build(),
                "learningRateD", () -> GanSettings.builder(Architecture.MLP).learningRates(2e-4f, inf).build(),
                "auxiliaryWeight", () -> GanSettings.builder(Architecture.MLP).auxiliaryWeight(inf).build(),
                "table learningRateD", () -> {
                    TableGanSettings d = TableGanSettings.defaults(1);
                    return new TableGanSettings(d.epochs(), d.steps(), d.batchSize(), d.pac(), d.criticSteps(),
                            d.latentDim(),
                            d.generatorWidths(), d.discriminatorWidths(), 2e-4f, inf, d.beta1(), d.beta2(),
                            d.weightDecay(), d.penaltyWeight(), d.tau(), d.auxiliaryWeight(), d.informationWeight(),
                            d.conditioning(), d.seed());
                });
        bad.forEach((setting, build) -> assertEquals(setting.replace("table ", ""),
                assertThrows(InvalidSettingException.class, build::get, setting).setting()));
    }
}
