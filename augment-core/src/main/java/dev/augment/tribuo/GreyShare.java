package dev.augment.tribuo;

import dev.augment.schema.SampleSchema;

import java.util.Optional;

/**
 * Counts the images of a source whose three channels are equal (grey images stored as colour: a grey JPEG saved as
 * RGB), for a colour generator: it got colour examples from the generator without a word, so that colour alone told
 * the added examples from the real ones (a Tribuo user, 6 Dec). Counted per image, within {@value #TOLERANCE} of the
 * generator's range (a JPEG's rounding), so that a few colour images among grey ones, or a channel off by one, still
 * leave the source named (a re-check, 6 Dec); it is named when at least {@value #GREY_SHARE} of its images are grey.
 */
final class GreyShare {

    /** Share of the images that must be grey for the source, or a class, to be named. */
    static final double GREY_SHARE = 0.9;
    /** Largest channel difference, as a share of the generator's range, of a grey pixel. */
    static final double TOLERANCE = 0.01;
    /**
     * Share of an image's pixels that may be coloured in a grey image: one coloured stamp or watermark pixel made a
     * grey set "colour" (a re-check, 6 Dec).
     */
    static final double COLOURED_PIXELS = 0.01;
    /** Fewest images of a class for the class alone to be named. */
    static final int FEWEST_IN_CLASS = 5;

    private final int plane;
    private final double tolerance;
    private final long[] imagesOf;
    private final long[] greyOf;
    private final java.util.List<String> labels;

    /** @param schema the generator's schema; only a three-channel image schema counts anything */
    GreyShare(SampleSchema schema) {
        boolean colour = schema.isImage() && schema.shape().size() == 3 && schema.shape().get(0) == 3;
        plane = colour ? schema.shape().get(1) * schema.shape().get(2) : 0;
        tolerance = TOLERANCE * (schema.maxValue() - schema.minValue());
        imagesOf = new long[schema.classCount()];
        greyOf = new long[schema.classCount()];
        labels = schema.labels();
    }

    /**
     * @param pixels one image, dense, channel planes in the schema's order
     * @param classIndex its class
     */
    void add(float[] pixels, int classIndex) {
        if (plane == 0) {
            return;
        }
        imagesOf[classIndex]++;
        long coloured = 0;
        long allowed = (long) Math.floor(COLOURED_PIXELS * plane);
        for (int p = 0; p < plane; p++) {
            if (Math.abs(pixels[p] - pixels[p + plane]) > tolerance
                    || Math.abs(pixels[p] - pixels[p + 2 * plane]) > tolerance) {
                if (++coloured > allowed) {
                    return;
                }
            }
        }
        greyOf[classIndex]++;
    }

    /**
     * @return the warning when at least {@value #GREY_SHARE} of the images counted are grey, or, else, of every class
     *     of at least {@value #FEWEST_IN_CLASS} images of which that share is: whole grey classes among colour ones got
     *     colour examples without a word (a re-check, 6 Dec)
     */
    Optional<String> warning() {
        long images = java.util.Arrays.stream(imagesOf).sum();
        long grey = java.util.Arrays.stream(greyOf).sum();
        String fix = ", but the generator writes colour images, so colour alone would tell its examples from the real "
                + "ones: use a generator trained on grey images, or ROS or SMOTE";
        if (images > 0 && grey >= GREY_SHARE * images) {
            return Optional.of((grey == images ? "every image" : grey + " of the " + images + " images")
                    + " of the source " + (grey == images ? "has" : "have") + " three equal channels (a grey image "
                    + "stored as colour)" + fix);
        }
        java.util.List<String> classes = new java.util.ArrayList<>();
        for (int c = 0; c < imagesOf.length; c++) {
            if (imagesOf[c] >= FEWEST_IN_CLASS && greyOf[c] >= GREY_SHARE * imagesOf[c]) {
                classes.add("'" + labels.get(c) + "' (" + greyOf[c] + " of " + imagesOf[c] + ")");
            }
        }
        if (classes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the images of " + (classes.size() == 1 ? "class " : "classes ") + String.join(", ",
                classes.subList(0, Math.min(5, classes.size()))) + (classes.size() > 5 ? " and " + (classes.size() - 5)
                + " more" : "") + " have three equal channels (grey images stored as colour)" + fix);
    }
}
