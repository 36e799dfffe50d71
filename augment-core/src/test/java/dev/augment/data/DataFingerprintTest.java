package dev.augment.data;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DataFingerprintTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("0", "1"), List.of(1, 1, 2), -5, 255,
            List.of("0", "1"), List.of("zero", "one"));

    private static DenseSamples samples(float[][] rows, int... classes) {
        return new DenseSamples(rows, classes, SCHEMA);
    }

    @Test
    void matchesHashComputedIndependently() {
        DataFingerprint fingerprint = DataFingerprint.of(samples(new float[][] {{1f, 0f}, {-2.5f, 255f}}, 0, 1));

        // Python 3.11: hashlib.sha256(struct.pack('>i',1)+b'0'+struct.pack('>ff',1.0,0.0)
        //                            +struct.pack('>i',1)+b'1'+struct.pack('>ff',-2.5,255.0)).hexdigest()
        assertEquals("bec13ed1995c9a8d8b93266a9cd0c7cca5c793d110dc44091f681519dc266907", fingerprint.sha256());
        assertEquals(2, fingerprint.count());
    }

    @Test
    void isEqualForEqualDataReadTwice() {
        IdxImageSource first = new IdxImageSource(TestFiles.SAMPLE.resolve("t10k-images-idx3-ubyte.gz"),
                TestFiles.SAMPLE.resolve("t10k-labels-idx1-ubyte.gz"));
        IdxImageSource second = new IdxImageSource(TestFiles.SAMPLE.resolve("t10k-images-idx3-ubyte.gz"),
                TestFiles.SAMPLE.resolve("t10k-labels-idx1-ubyte.gz"));

        DataFingerprint a = DataFingerprint.of(DenseSamples.from(first, first.schema()));
        DataFingerprint b = DataFingerprint.of(DenseSamples.from(second, second.schema()));

        assertEquals(a, b);
        assertEquals(500, a.count());
    }

    @Test
    void changesWhenOnePixelChanges() {
        DataFingerprint before = DataFingerprint.of(samples(new float[][] {{1f, 2f}, {3f, 4f}}, 0, 1));
        DataFingerprint after = DataFingerprint.of(samples(new float[][] {{1f, 2f}, {3f, 4.5f}}, 0, 1));

        assertNotEquals(before.sha256(), after.sha256());
    }

    @Test
    void changesWhenOneLabelChanges() {
        DataFingerprint before = DataFingerprint.of(samples(new float[][] {{1f, 2f}, {3f, 4f}}, 0, 1));
        DataFingerprint after = DataFingerprint.of(samples(new float[][] {{1f, 2f}, {3f, 4f}}, 0, 0));

        assertNotEquals(before.sha256(), after.sha256());
    }
}
