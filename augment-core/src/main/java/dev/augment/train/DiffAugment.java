package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.augment.errors.InvalidSettingException;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Differentiable augmentation of a batch of images before the discriminator (DiffAugment: Zhao, Liu,
 * Lin, Zhu &amp; Han, "Differentiable Augmentation for Data-Efficient GAN Training", NeurIPS 2020; the
 * operations follow mit-han-lab/data-efficient-gans, {@code DiffAugment_pytorch.py}): applied with fresh
 * random parameters to real and to fake samples, in D's and G's steps, so D cannot memorise the few
 * real images and G's gradient passes through the augmentation.
 *
 * <p>Every operation is written with ops that carry gradients to the input: brightness adds a per-sample
 * constant, translation multiplies by per-sample shift matrices (zero padding, as the paper's
 * implementation), cutout multiplies by a per-sample mask. The random parameters come from the given
 * generator alone, so the same key gives the same augmentation.
 */
final class DiffAugment {

    /** Largest translation as a share of the side, as in the paper's code. */
    static final double TRANSLATION_RATIO = 0.125;
    /** Side of the cut-out square as a share of the image side, as in the paper's code. */
    static final double CUTOUT_RATIO = 0.5;

    private DiffAugment() {
    }

    /**
     * Which operations run, applied in the paper's order: brightness, translation, cutout.
     *
     * @param translation shift by up to 1/8 of the side, zero filled
     * @param cutout zero a square of half the side at a random place
     * @param brightness add a value in [-0.5, 0.5) per sample
     */
    record Ops(boolean translation, boolean cutout, boolean brightness) {

        /** No augmentation. */
        static final Ops NONE = new Ops(false, false, false);

        /**
         * @param list comma-separated names, in any case (spaces around a name are ignored); empty, blank or
         *     {@code none} for none
         * @return the operations
         * @throws InvalidSettingException naming {@code diffAugment} for an unknown name, an empty entry of a
         *     non-blank list ({@code translation,,cutout}) or a name given twice
         */
        static Ops parse(String list) {
            if (list.isBlank() || list.trim().equalsIgnoreCase("none")) {
                return NONE;
            }
            Set<String> names = new LinkedHashSet<>();
            for (String raw : list.split(",", -1)) {
                String name = raw.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new InvalidSettingException("diffAugment", "has an empty entry in '" + list + "'; list "
                            + "translation, cutout and/or brightness, comma-separated");
                }
                if (!List.of("translation", "cutout", "brightness").contains(name)) {
                    throw new InvalidSettingException("diffAugment", "has the unknown operation '" + raw.trim()
                            + "'; use translation, cutout and/or brightness, comma-separated");
                }
                if (!names.add(name)) {
                    throw new InvalidSettingException("diffAugment", "names '" + name + "' twice in '" + list + "'");
                }
            }
            return new Ops(names.contains("translation"), names.contains("cutout"), names.contains("brightness"));
        }

        /**
         * @return the operations as one canonical list ({@code translation,cutout,brightness} order, no spaces;
         *     empty for none), so that one recipe is recorded one way whatever its spelling
         */
        String canonical() {
            List<String> names = new ArrayList<>();
            if (translation) {
                names.add("translation");
            }
            if (cutout) {
                names.add("cutout");
            }
            if (brightness) {
                names.add("brightness");
            }
            return String.join(",", names);
        }

        /** @return whether any operation runs */
        boolean any() {
            return translation || cutout || brightness;
        }
    }

    /**
     * @param x batch {@code [n, channels * height * width]} in [-1, 1], channel-first
     * @param channels image channels
     * @param height image height
     * @param width image width
     * @param ops the operations
     * @param random source of every random parameter
     * @return the augmented batch, same shape, differentiable with respect to {@code x}
     */
    static NDArray apply(NDArray x, int channels, int height, int width, Ops ops, UniformRandomProvider random) {
        if (!ops.any()) {
            return x;
        }
        int n = Math.toIntExact(x.getShape().get(0));
        NDManager m = x.getManager();
        NDArray image = x.reshape(n, channels, height, width);
        if (ops.brightness()) {
            float[] shift = new float[n];
            for (int i = 0; i < n; i++) {
                shift[i] = (float) (random.nextDouble() - 0.5);
            }
            image = image.add(m.create(shift, new Shape(n, 1, 1, 1)));
        }
        if (ops.translation()) {
            int maxY = (int) (height * TRANSLATION_RATIO + 0.5);
            int maxX = (int) (width * TRANSLATION_RATIO + 0.5);
            float[] rows = new float[n * height * height];
            float[] columns = new float[n * width * width];
            for (int i = 0; i < n; i++) {
                shiftMatrix(rows, i * height * height, height, random.nextInt(2 * maxY + 1) - maxY, false);
                shiftMatrix(columns, i * width * width, width, random.nextInt(2 * maxX + 1) - maxX, true);
            }
            image = m.create(rows, new Shape(n, 1, height, height)).matMul(image)
                    .matMul(m.create(columns, new Shape(n, 1, width, width)));
        }
        if (ops.cutout()) {
            int cutY = (int) (height * CUTOUT_RATIO + 0.5);
            int cutX = (int) (width * CUTOUT_RATIO + 0.5);
            float[] mask = new float[n * height * width];
            java.util.Arrays.fill(mask, 1f);
            for (int i = 0; i < n; i++) {
                int top = random.nextInt(height + (1 - cutY % 2)) - cutY / 2;
                int left = random.nextInt(width + (1 - cutX % 2)) - cutX / 2;
                for (int r = Math.max(0, top); r < Math.min(height, top + cutY); r++) {
                    for (int c = Math.max(0, left); c < Math.min(width, left + cutX); c++) {
                        mask[(i * height + r) * width + c] = 0f;
                    }
                }
            }
            image = image.mul(m.create(mask, new Shape(n, 1, height, width)));
        }
        return image.reshape(n, (long) channels * height * width);
    }

    /**
     * Writes a {@code side x side} matrix that moves content by {@code shift}: as a left factor
     * {@code out[i] = in[i + shift]}, as a (transposed) right factor {@code out[j] = in[j + shift]}; places
     * that fall outside stay 0.
     */
    private static void shiftMatrix(float[] out, int offset, int side, int shift, boolean transposed) {
        for (int i = 0; i < side; i++) {
            int source = i + shift;
            if (source >= 0 && source < side) {
                out[offset + (transposed ? source * side + i : i * side + source)] = 1f;
            }
        }
    }
}
