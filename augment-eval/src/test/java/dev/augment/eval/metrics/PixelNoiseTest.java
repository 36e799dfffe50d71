package dev.augment.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

class PixelNoiseTest {

    private static final PixelNoise GREY = new PixelNoise(1, 28, 28);

    /**
     * A bright band across the image with a ramp below it: flat areas, a linear ramp and straight
     * horizontal edges only (a rectangle's corners would respond to the mask).
     */
    private static float[] band(float brightness) {
        float[] x = new float[28 * 28];
        for (int r = 6; r < 22; r++) {
            for (int c = 0; c < 28; c++) {
                x[r * 28 + c] = r < 14 ? brightness : brightness * (22 - r) / 8f;
            }
        }
        return x;
    }

    private static float[] plusNoise(float[] image, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (image[i] + sd * rng.nextGaussian());
        }
        return out;
    }

    @Test
    void flatAreasAndStraightEdgesHaveNoNoise() {
        // Immerkær's mask is the product of two second differences: zero on axis-aligned edges
        assertEquals(0.0, GREY.level(band(200)), 1e-12);
        assertEquals(0.0, GREY.level(new float[28 * 28]), 0.0);
    }

    @Test
    void whiteNoiseIsEstimatedAtItsStandardDeviation() {
        // for pure Gaussian noise Immerkær's σ estimates the noise σ, which is also the image's
        // standard deviation: level ≈ 1 (mean of 50 images, each within ~8% of it)
        double sum = 0;
        for (int i = 0; i < 50; i++) {
            sum += GREY.level(plusNoise(new float[28 * 28], 30, i));
        }
        assertEquals(1.0, sum / 50, 0.03);
    }

    @Test
    void theLevelIgnoresBrightness() {
        float[] grainy = plusNoise(band(200), 20, 2);
        float[] faint = new float[grainy.length];
        for (int i = 0; i < faint.length; i++) {
            faint[i] = grainy[i] / 4;
        }
        assertEquals(GREY.level(grainy), GREY.level(faint), 1e-9);
    }

    @Test
    void noisyCopiesOfTheRealImagesHaveARatioWellAboveOne() {
        float[][] real = new float[20][];
        float[][] same = new float[20][];
        float[][] noisy = new float[20][];
        for (int i = 0; i < real.length; i++) {
            real[i] = plusNoise(band(150 + i), 2, i);
            same[i] = plusNoise(band(150 + i), 2, 100 + i);
            noisy[i] = plusNoise(real[i], 20, 200 + i);
        }
        assertEquals(1.0, GREY.compute(real, same).ratio(), 0.1);
        PixelNoise.Result result = GREY.compute(real, noisy);
        assertTrue(result.ratio() > 3, "ratio " + result.ratio());
        assertEquals(result.syntheticLevel() / result.realLevel(), result.ratio(), 1e-12);
    }

    @Test
    void channelsAreMeasuredSeparately() {
        PixelNoise rgb = new PixelNoise(3, 28, 28);
        float[] image = new float[3 * 28 * 28];
        float[] noisyGreen = plusNoise(new float[28 * 28], 30, 3);
        System.arraycopy(band(100), 0, image, 0, 28 * 28);
        System.arraycopy(noisyGreen, 0, image, 28 * 28, 28 * 28);
        System.arraycopy(band(50), 0, image, 2 * 28 * 28, 28 * 28);
        assertEquals(GREY.level(noisyGreen) / 3, rgb.level(image), 1e-9);
    }

    @Test
    void refusesImagesOfAnotherSizeAndTooSmallShapes() {
        assertThrows(IllegalArgumentException.class, () -> GREY.level(new float[27 * 28]));
        assertThrows(IllegalArgumentException.class, () -> new PixelNoise(1, 2, 28));
        assertThrows(IllegalArgumentException.class, () -> GREY.compute(new float[0][], new float[][] {band(1)}));
    }
}
