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

    /** Share of the images that must be grey for the source to be named. */
    static final double GREY_SHARE = 0.9;
    /** Largest channel difference, as a share of the generator's range, of a grey pixel. */
    static final double TOLERANCE = 0.01;

    private final int plane;
    private final double tolerance;
    private long images;
    private long grey;

    /** @param schema the generator's schema; only a three-channel image schema counts anything */
    GreyShare(SampleSchema schema) {
        boolean colour = schema.isImage() && schema.shape().size() == 3 && schema.shape().get(0) == 3;
        plane = colour ? schema.shape().get(1) * schema.shape().get(2) : 0;
        tolerance = TOLERANCE * (schema.maxValue() - schema.minValue());
    }

    /** @param pixels one image, dense, channel planes in the schema's order */
    void add(float[] pixels) {
        if (plane == 0) {
            return;
        }
        images++;
        for (int p = 0; p < plane; p++) {
            if (Math.abs(pixels[p] - pixels[p + plane]) > tolerance
                    || Math.abs(pixels[p] - pixels[p + 2 * plane]) > tolerance) {
                return;
            }
        }
        grey++;
    }

    /** @return the warning when at least {@value #GREY_SHARE} of the images counted are grey */
    Optional<String> warning() {
        if (images == 0 || grey < GREY_SHARE * images) {
            return Optional.empty();
        }
        return Optional.of((grey == images ? "every image" : grey + " of the " + images + " images") + " of the source "
                + (grey == images ? "has" : "have") + " three equal channels (a grey image stored as colour), but the "
                + "generator writes colour images, so colour alone would tell its examples from the real ones: use a "
                + "generator trained on grey images, or ROS or SMOTE");
    }
}
