package dev.augment.eval.cnn;

import org.tribuo.Example;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Training examples that read as images of another size or channel count ({@link ImageLayout#otherImageSize}):
 * {@link CnnModel} refused them at prediction, but {@link CnnTrainer} trained on 14×14 images given a 28×28 shape
 * without a word, to a model at chance level (0.110 against 0.792 on 28×28 test images; a Tribuo user, 6 Dec). At
 * least 1% of the examples so read is refused; fewer are said in Tribuo's log, since one odd image (a generated one,
 * say) should not stop an evaluation.
 */
final class OtherSizes {

    private static final Logger LOGGER = Logger.getLogger(CnnTrainer.class.getName());

    private long count;
    private int first = -1;
    private String firstReadsAs;

    /**
     * @param layout the trainer's image layout
     * @param example a training example
     * @param index its position in the dataset
     */
    void check(ImageLayout layout, Example<?> example, int index) {
        Optional<String> other = layout.otherImageSize(example);
        if (other.isPresent()) {
            count++;
            if (first < 0) {
                first = index;
                firstReadsAs = other.get();
            }
        }
    }

    /**
     * @param layout the trainer's image layout
     * @param examples how many examples were checked
     * @throws IllegalArgumentException when at least 1% of them read as another size
     */
    void require(ImageLayout layout, int examples) {
        if (count == 0) {
            return;
        }
        String what = count + " of the " + examples + " training examples (the first, example " + first + ", reads as "
                + firstReadsAs + ") do not read as the trainer's " + layout.channels() + "x" + layout.height() + "x"
                + layout.width() + " image (their pixels are named as the first ones of it)";
        if (count * 100 >= examples) {
            throw new IllegalArgumentException(what + ": a CNN of this shape would read them wrongly (a smaller "
                    + "image as a corner of it, a grey one as its first channel); give the trainer their own shape, or "
                    + "resize or convert the images first");
        }
        LOGGER.warning(what + "; trained on as they are");
    }
}
