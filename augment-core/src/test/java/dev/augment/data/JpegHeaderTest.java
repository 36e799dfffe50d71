package dev.augment.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The frame header is found past extraneous bytes between segments, as libjpeg finds it (with a warning). */
class JpegHeaderTest {

    @Test
    void junkBeforeTheFrameHeaderIsSkippedSoAFourComponentJpegStaysOne() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, 0, 0, 'j', 'u', (byte) 0xFF, (byte) 0xC0, 0, 17, 8, 0, 32, 0, 32, 4,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0};
        assertEquals(4, JpegHeader.read(bytes).components());
        assertEquals(0, JpegHeader.read(new byte[] {'P', 'N', 'G', 0, 0}).components(), "not a JPEG");
    }
}
