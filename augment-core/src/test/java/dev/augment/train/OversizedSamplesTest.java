package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photos at full size (1024x768, 2.4 million features) were read for a minute and a half and then failed inside DJL
 * ("torchDirectByteBuffer() is not supported for large tensor"): a weight matrix next to the samples that large
 * cannot be a DJL tensor or go into an ONNX file. The trainer refuses them when it is made, before any network is.
 */
class OversizedSamplesTest {

    private static SampleSchema image(int channels, int height, int width) {
        List<String> names = new ArrayList<>(channels * height * width);
        for (int i = 0; i < channels * height * width; i++) {
            names.add(Integer.toString(i));
        }
        return new SampleSchema(names, List.of(channels, height, width), 0, 255, List.of("a", "b"), List.of("a", "b"));
    }

    @ParameterizedTest(name = "{0}: {1}x{2} refused, {3}x{4} accepted")
    @CsvSource({"MLP, 1024, 1025, 1024, 1023", "CONV, 1024, 512, 1024, 508"})
    void samplesWhoseLargestWeightPassesTwoGigabytesAreRefusedBeforeAnyNetwork(Architecture architecture,
                                                                             int height, int width, int fitsHeight,
                                                                             int fitsWidth) {
        GanSettings settings = GanSettings.builder(architecture).build();
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new GanTrainer(image(1, height, width), settings, TrainingListener.NONE));
        assertEquals("data", e.setting());
        assertTrue(e.getMessage().startsWith("data of shape [1, " + height + ", " + width + "]"), e.getMessage());
        assertTrue(e.getMessage().contains("resize the images"), e.getMessage());
        assertTrue(e.getMessage().contains("over the 2 GB one DJL tensor or an ONNX file can hold"), e.getMessage());
        // just under the tensor limit the networks' weights alone need tens of GB (StepMemory, since 7 Dec): refused
        // for the machine's memory, not for the tensor limit
        GanSettings two = settings.toBuilder().batchSize(2).build();
        InvalidSettingException under = assertThrows(InvalidSettingException.class,
                () -> StepMemory.require(image(1, fitsHeight, fitsWidth), two, 24L << 30));
        assertTrue(under.getMessage().contains("networks hold about") && !under.getMessage().contains("2 GB one DJL "
                + "tensor"), under.getMessage());
        StepMemory.require(image(1, fitsHeight, fitsWidth), two, 1L << 40); // a machine of 1 TB: the limit alone
    }

    /**
     * {@code --conv-width 65536} on 28x28 images was told to resize the images, and a width of 2000 passed every check
     * and grew to 22 GB until the kernel killed it (a fresh user and a re-check, 6 Dec): widths above 1024 are refused,
     * and a width past the tensor limit for large images is named, not the data.
     */
    @Test
    void aConvWidthPastTheLimitIsNamedNotTheData() {
        InvalidSettingException tooWide = assertThrows(InvalidSettingException.class,
                () -> GanSettings.builder(Architecture.CONV).convWidth(2000).build());
        assertEquals("convWidth", tooWide.setting());
        assertTrue(tooWide.getMessage().contains("must be a multiple of 4 from 8 to 1024"), tooWide.getMessage());
        GanSettings wide = GanSettings.builder(Architecture.CONV).convWidth(1024).batchSize(2).build();
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new GanTrainer(image(1, 256, 256), wide, TrainingListener.NONE));
        assertEquals("convWidth", e.setting());
        // 256 inputs × width × 64 × 64 values: under 2^29 up to a width of 511, a multiple of 4 below it
        assertTrue(e.getMessage().startsWith("convWidth 1024 makes the conv GAN's largest weight matrix hold "
                + "1,073,741,824 values") && e.getMessage().endsWith("at most 508 fits (the default is 64)"),
                e.getMessage());
        GanSettings fits = GanSettings.builder(Architecture.CONV).convWidth(256).batchSize(2).build();
        assertDoesNotThrow(() -> new GanTrainer(image(1, 28, 28), fits, TrainingListener.NONE));
    }
}
