package dev.augment.eval.cnn;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pixel feature names that are one prefix and a number ({@code 0}..{@code 783} from a CSV header read by Tribuo's
 * {@code CSVLoader}, Kaggle's {@code pixel0}..{@code pixel783} or {@code pixel1}..{@code pixel784}, augment's and
 * Tribuo IDX's zero-padded {@code 000}..{@code 783}), put in the order of their numbers. Tribuo sorts feature names as
 * text, so {@code pixel10} came before {@code pixel2} and the CNN was trained on scrambled images without a word, and
 * unpadded names were refused as "not pixel indices" (a Tribuo user, 7 Dec).
 *
 * @param prefix the text before each number (empty for bare numbers)
 * @param width the digits of every number where they are zero-padded to one width, else 0
 * @param lowest the lowest number present
 * @param highest the highest number present
 * @param names the feature names present
 */
record NumberedPixelNames(String prefix, int width, int lowest, int highest, Set<String> names) {

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d{1,9})");

    /**
     * @param features a dataset's features
     * @return the numbering, or null when the names do not all share one prefix followed by a number
     */
    static NumberedPixelNames of(ImmutableFeatureMap features) {
        String prefix = null;
        int lowest = Integer.MAX_VALUE;
        int highest = -1;
        int width = -1;
        boolean oneWidth = true;
        boolean leadingZero = false;
        Set<String> names = new HashSet<>();
        for (VariableInfo info : features) {
            Matcher m = NUMBERED.matcher(info.getName());
            if (!m.matches() || (prefix != null && !prefix.equals(m.group(1)))) {
                return null;
            }
            prefix = m.group(1);
            String digits = m.group(2);
            int number = Integer.parseInt(digits);
            lowest = Math.min(lowest, number);
            highest = Math.max(highest, number);
            leadingZero |= digits.length() > 1 && digits.charAt(0) == '0';
            oneWidth &= width < 0 || width == digits.length();
            width = digits.length();
            names.add(info.getName());
        }
        return prefix == null ? null : new NumberedPixelNames(prefix, leadingZero && oneWidth ? width : 0, lowest,
                highest, names);
    }

    /**
     * @param first the number of the first pixel (0 or 1)
     * @param pixels how many pixels the image has
     * @return the names of pixels {@code first}..{@code first + pixels - 1}, spelt as these names are
     */
    List<String> inOrder(int first, int pixels) {
        List<String> ordered = new ArrayList<>(pixels);
        for (int i = 0; i < pixels; i++) {
            ordered.add(prefix + (width > 0 ? String.format(java.util.Locale.ROOT, "%0" + width + "d", first + i)
                    : Integer.toString(first + i)));
        }
        return ordered;
    }

    /**
     * @param pixels how many pixels the image has
     * @return the number of the first pixel: 0 when every number fits 0..pixels − 1 and one is 0 or they are
     *     zero-padded (Tribuo's IDX and augment's names), else 1 when they fit 1..pixels
     * @throws IllegalArgumentException when unpadded names could start at 0 or at 1 (neither pixel 0 nor the last is
     *     present, as Tribuo leaves out a pixel that is 0 in every example), or fit neither
     */
    int first(int pixels) {
        boolean fromZero = highest <= pixels - 1;
        boolean fromOne = lowest >= 1 && highest <= pixels;
        if (fromZero && fromOne && width == 0) {
            throw new IllegalArgumentException("the pixel names run from " + prefix + lowest + " to " + prefix
                    + highest + " (Tribuo leaves out a pixel that is 0 in every example), so the first pixel may be "
                    + prefix + "0 or " + prefix + "1; give featureNames, every pixel's name in pixel order");
        }
        if (fromZero || fromOne) {
            return fromZero ? 0 : 1;
        }
        throw new IllegalArgumentException("the pixel names run from " + prefix + lowest + " to " + prefix + highest
                + ", more than the " + pixels + " pixels of the image; give the image's shape or featureNames");
    }

    /**
     * @param pixels how many pixels the image has
     * @return the names in pixel order when they are exactly the pixels numbered from 0 or from 1, else null
     */
    List<String> complete(int pixels) {
        if (names.size() != pixels || !(lowest == 0 || lowest == 1) || highest - lowest + 1 != pixels) {
            return null;
        }
        List<String> ordered = inOrder(lowest, pixels);
        return names.containsAll(ordered) ? ordered : null;
    }
}
