package dev.augment.eval.cnn;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pixel names from a CSV read by Tribuo's CSVLoader ({@code 0}..{@code 63}, Kaggle's {@code pixel0}.. or
 * {@code pixel1}..): Tribuo sorts names as text, and the CNN trained on scrambled images without a word; unpadded
 * names with the shape given were refused as "not a pixel" (a Tribuo user, 7 Dec).
 */
class NumberedPixelNamesTest {

    /** The toy images with pixel {@code p} named {@code name.apply(p)}, keeping the pixels {@code keep} accepts. */
    private static MutableDataset<Label> renamed(IntFunction<String> name, IntPredicate keep, long seed) {
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance("renamed", new LabelFactory()),
                new LabelFactory());
        for (Example<Label> e : ToyImages.dataset(30, 1, seed)) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Feature f : e) {
                int p = Integer.parseInt(f.getName());
                if (keep.test(p)) {
                    names.add(name.apply(p));
                    values.add(f.getValue());
                }
            }
            out.add(new ArrayExample<>(e.getOutput(), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static ImmutableFeatureMap features(MutableDataset<Label> data) {
        return data.getFeatureIDMap();
    }

    @Test
    void inferredLayoutsPutNumberedNamesInTheirNumbersOrder() {
        for (IntFunction<String> name : List.<IntFunction<String>>of(p -> "pixel" + p, p -> "pixel" + (p + 1),
                p -> Integer.toString(p), p -> Integer.toString(p + 1), p -> String.format("%02d", p))) {
            ImageLayout layout = ImageLayout.inferSquare(features(renamed(name, p -> true, 1)));
            for (int p = 0; p < 64; p++) {
                assertEquals(name.apply(p), layout.names().get(p), "pixel " + p);
            }
        }
        // row x column names, 1x1..8x8, as widely shared MNIST CSVs have them (a re-check, 7 Dec)
        IntFunction<String> grid = p -> (p / 8 + 1) + "x" + (p % 8 + 1);
        ImageLayout rowsAndColumns = ImageLayout.inferSquare(features(renamed(grid, p -> true, 1)));
        for (int p = 0; p < 64; p++) {
            assertEquals(grid.apply(p), rowsAndColumns.names().get(p), "pixel " + p);
        }
        for (IntFunction<String> other : List.<IntFunction<String>>of(p -> "r" + (p / 8 + 1) + "c" + (p % 8 + 1),
                p -> (p / 8) + "_" + (p % 8), p -> (p / 8 + 1) + " x " + (p % 8 + 1))) {
            ImageLayout layout = ImageLayout.inferSquare(features(renamed(other, p -> true, 1)));
            for (int p = 0; p < 64; p++) {
                assertEquals(other.apply(p), layout.names().get(p), "pixel " + p);
            }
        }
        // a grid that is not square, though its count is (4 × 16 = 64 = 8²), is read as its names say
        IntFunction<String> wide = p -> "r" + (p / 16 + 1) + "c" + (p % 16 + 1);
        ImageLayout fourBySixteen = ImageLayout.inferSquare(features(renamed(wide, p -> true, 1)));
        assertEquals(List.of(4, 16), List.of(fourBySixteen.height(), fourBySixteen.width()));
        for (int p = 0; p < 64; p++) {
            assertEquals(wide.apply(p), fourBySixteen.names().get(p), "pixel " + p);
        }
        assertEquals(null, ImageLayout.inferSquare(features(renamed(wide, p -> p != 0, 1))), "r1c1 absent");
        // zero-padded row and column numbers (a re-check, 7 Dec: refused, even with the shape given)
        IntFunction<String> padded = p -> String.format("r%02dc%02d", p / 8 + 1, p % 8 + 1);
        ImageLayout paddedLayout = ImageLayout.inferSquare(features(renamed(padded, p -> true, 1)));
        for (int p = 0; p < 64; p++) {
            assertEquals(padded.apply(p), paddedLayout.names().get(p), "pixel " + p);
        }
        // names by channel and pixel are no grid of 3 rows: their text order is the image's, as before (7 Dec)
        IntFunction<String> channelPixel = p -> String.format("c%d_p%02d", p / 16, p % 16);
        ImageLayout colour = ImageLayout.inferSquare(features(renamed(channelPixel, p -> p < 48, 1)));
        assertEquals(List.of(3, 4, 4), List.of(colour.channels(), colour.height(), colour.width()));
        assertEquals("c1_p00", colour.names().get(16));
        // unpadded, they were sorted as text (c0_p10 before c0_p2) and trained scrambled (a re-check of that)
        IntFunction<String> unpadded = p -> "c" + p / 16 + "_p" + p % 16;
        ImageLayout byNumber = ImageLayout.inferSquare(features(renamed(unpadded, p -> p < 48, 1)));
        assertEquals(List.of(3, 4, 4), List.of(byNumber.channels(), byNumber.height(), byNumber.width()));
        for (int p = 0; p < 48; p++) {
            assertEquals(unpadded.apply(p), byNumber.names().get(p), "pixel " + p);
        }
        // padded to several widths: refused, never sorted as text
        IntFunction<String> mixed = p -> p < 32 ? String.format("r%02dc%02d", p / 8 + 1, p % 8 + 1)
                : "r" + (p / 8 + 1) + "c" + (p % 8 + 1);
        assertEquals(null, ImageLayout.inferSquare(features(renamed(mixed, p -> true, 1))));
        assertTrue(ImageLayout.whyNot(features(renamed(mixed, p -> true, 1))).contains("with one zero-padding"));
        // three numbers a name, or a prefix per channel, unpadded: text order is not the numbers' order, so refused
        // rather than sorted as text (a re-check, 7 Dec)
        for (IntFunction<String> unordered : List.<IntFunction<String>>of(
                p -> "c" + p / 16 + "_r" + (8 + p % 16 / 4) + "_c" + p % 4,
                p -> List.of("red", "green", "blue").get(p / 16) + p % 16)) {
            MutableDataset<Label> data = renamed(unordered, p -> p < 48, 1);
            assertEquals(null, ImageLayout.inferSquare(features(data)), unordered.apply(10));
            assertTrue(ImageLayout.whyNot(features(data)).contains("text order is not their numbers' order"));
        }
        MutableDataset<Label> wideInUnits = new MutableDataset<>(new SimpleDataSourceProvenance("scaled",
                new LabelFactory()), new LabelFactory());
        for (Example<Label> e : renamed(wide, p -> true, 1)) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            e.forEach(f -> {
                names.add(f.getName());
                values.add(f.getValue() / 255);
            });
            wideInUnits.add(new ArrayExample<>(e.getOutput(), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        CnnModel wideModel = (CnnModel) new CnnTrainer(40, 32, 3e-3, 1).train(wideInUnits);
        assertEquals(List.of(1, 4, 16), wideModel.imageShape());
        CnnModel shaped = (CnnModel) new CnnTrainer(ToyImages.schema(), 255, 40, 32, 3e-3, 1)
                .train(renamed(grid, p -> p != 0, 1));
        assertEquals(List.of(1, 8, 8), shaped.imageShape(), "1x1 absent: the shape given places the rest");
        // names that are no numbered pixels keep Tribuo's order, as before
        assertEquals("a00", ImageLayout.inferSquare(features(renamed(p -> (p % 2 == 0 ? "a" : "b")
                + String.format("%02d", p), p -> true, 1))).names().get(0));
    }

    @Test
    void theShapeGivenReadsUnpaddedAndPrefixedNames() {
        CnnTrainer shaped = new CnnTrainer(ToyImages.schema(), 255, 40, 32, 3e-3, 1);
        for (IntFunction<String> name : List.<IntFunction<String>>of(p -> Integer.toString(p),
                p -> "pixel" + (p + 1))) {
            CnnModel model = (CnnModel) shaped.train(renamed(name, p -> true, 1));
            double accuracy = new org.tribuo.classification.evaluation.LabelEvaluator()
                    .evaluate(model, renamed(name, p -> true, 2)).accuracy();
            assertTrue(accuracy > 0.95, "accuracy " + accuracy);
        }
        NumberedPixelNames one = NumberedPixelNames.of(features(renamed(p -> "pixel" + (p + 1), p -> p != 0, 1)));
        assertEquals(1, one.first(64), "pixel64 present: numbered from 1");
        assertEquals("pixel1", one.inOrder(1, 64).get(0));
        NumberedPixelNames zero = NumberedPixelNames.of(features(renamed(p -> "pixel" + p, p -> p != 63, 1)));
        assertEquals(0, zero.first(64), "pixel0 present: numbered from 0");
    }

    @Test
    void unpaddedNamesThatMayStartAtZeroOrOneAreRefusedAndPaddedOnesStartAtZero() {
        // neither the first nor the last pixel present, as with MNIST's always-black corners
        MutableDataset<Label> corners = renamed(p -> "pixel" + p, p -> p > 0 && p < 63, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CnnTrainer(ToyImages.schema(), 255, 40, 32, 3e-3, 1).train(corners));
        assertTrue(e.getMessage().contains("the pixel names run from pixel1 to pixel62 (Tribuo leaves out a pixel that "
                + "is 0 in every example), so the first pixel may be pixel0 or pixel1; give featureNames"),
                e.getMessage());
        NumberedPixelNames padded = NumberedPixelNames.of(features(renamed(p -> String.format("%02d", p),
                p -> p > 0 && p < 63, 1)));
        assertEquals(0, padded.first(64), "zero-padded names are Tribuo IDX's and augment's, from 0");
        assertEquals("00", padded.inOrder(0, 64).get(0));
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                () -> NumberedPixelNames.of(features(renamed(p -> "pixel" + (p + 5), p -> true, 1))).first(64));
        assertTrue(beyond.getMessage().contains("more than the 64 pixels"), beyond.getMessage());
    }
}
