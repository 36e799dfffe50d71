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
 * Pixel feature names that give a row and a column, {@code 1x1}..{@code 28x28} (the header of widely shared
 * Fashion-MNIST and MNIST CSV files), {@code r1c1}, {@code 1_1}, with one prefix and one separator: put in (row,
 * column) order (the text-ordered {@code r1c1} and {@code 1_1} scored as scrambled: a re-check, 7 Dec). Tribuo sorts names
 * as text ({@code 10x1} before {@code 2x1}), and the CNN trained on scrambled images without a word (a re-check,
 * 7 Dec). One grey channel only.
 *
 * @param prefix the text before each row number
 * @param separator the text between the row and the column ({@code x}, {@code X}, {@code c}, {@code _}, {@code  x })
 * @param lowest the lowest row or column number present (0 or 1 for a grid {@link #inOrder} can name)
 * @param rows the highest row number present
 * @param columns the highest column number present
 * @param names the feature names present
 * @param rowDigits the digits of every row number where they are zero-padded ({@code r01c01}), else 0: padded names
 *     were refused even with the shape given, as the names made for them were unpadded (a re-check, 7 Dec); −1 when
 *     they are padded to several widths, whose order cannot be told
 * @param columnDigits the same for the column numbers
 */
record GridPixelNames(String prefix, String separator, int lowest, int rows, int columns, Set<String> names,
                      int rowDigits, int columnDigits) {

    /** A prefix, the row, a separator of one to three characters that are no digits, the column. */
    private static final Pattern CELL = Pattern.compile("(\\D*?)(\\d{1,5})(\\D{1,3})(\\d{1,5})");

    /**
     * @param features a dataset's features
     * @return the grid, or null when the names are not all one prefix, a row number, {@code x} and a column number
     */
    static GridPixelNames of(ImmutableFeatureMap features) {
        String prefix = null;
        String separator = null;
        int lowest = Integer.MAX_VALUE;
        int rows = -1;
        int columns = -1;
        Set<String> names = new HashSet<>();
        List<String> rowNumbers = new ArrayList<>();
        List<String> columnNumbers = new ArrayList<>();
        for (VariableInfo info : features) {
            Matcher m = CELL.matcher(info.getName());
            if (!m.matches() || (prefix != null && !(prefix.equals(m.group(1)) && separator.equals(m.group(3))))) {
                return null;
            }
            prefix = m.group(1);
            separator = m.group(3);
            rowNumbers.add(m.group(2));
            columnNumbers.add(m.group(4));
            int row = Integer.parseInt(m.group(2));
            int column = Integer.parseInt(m.group(4));
            lowest = Math.min(lowest, Math.min(row, column));
            rows = Math.max(rows, row);
            columns = Math.max(columns, column);
            names.add(info.getName());
        }
        if (prefix == null) {
            return null;
        }
        // padded to several widths (r01c01 .. r15c1): a grid whose order cannot be told, refused rather than sorted
        // as text (a re-check, 7 Dec)
        return new GridPixelNames(prefix, separator, lowest, rows, columns, names, padding(rowNumbers),
                padding(columnNumbers));
    }

    /**
     * @return the width numbers are zero-padded to ({@code %02d}: r01 .. r99, r100 .. r128 too), 0 for none, −1 when
     *     they are padded to several widths
     */
    private static int padding(List<String> numbers) {
        int width = numbers.stream().filter(n -> n.length() > 1 && n.startsWith("0")).mapToInt(String::length).max()
                .orElse(0);
        return numbers.stream().allMatch(n -> n.equals(number(Integer.parseInt(n), width))) ? width : -1;
    }

    private static String number(int value, int digits) {
        return digits == 0 ? Integer.toString(value) : String.format(java.util.Locale.ROOT, "%0" + digits + "d", value);
    }

    /**
     * @param height the image's rows
     * @param width its columns
     * @return every pixel's name in (row, column) order, numbered from 1 unless a 0 is present
     * @throws IllegalArgumentException when a name lies beyond the image
     */
    List<String> inOrder(int height, int width) {
        if (rowDigits < 0 || columnDigits < 0) {
            throw new IllegalArgumentException("the pixel names are zero-padded to several widths (" + prefix + "…"
                    + separator + "…), so their order cannot be told; give featureNames");
        }
        int first = lowest == 0 ? 0 : 1;
        if (rows - first >= height || columns - first >= width) {
            throw new IllegalArgumentException("the pixel names run to " + prefix + number(rows, rowDigits)
                    + separator + number(columns, columnDigits)
                    + ", beyond the " + height + " x " + width + " image; give the image's shape or featureNames");
        }
        List<String> ordered = new ArrayList<>(height * width);
        for (int r = first; r < first + height; r++) {
            for (int c = first; c < first + width; c++) {
                ordered.add(prefix + number(r, rowDigits) + separator + number(c, columnDigits));
            }
        }
        return ordered;
    }

    /** @return the rows from the lowest number present to the highest */
    int height() {
        return rows - lowest + 1;
    }

    /** @return the columns from the lowest number present to the highest */
    int width() {
        return columns - lowest + 1;
    }

    /**
     * @return the names in (row, column) order when they are exactly every cell of the grid they span, from row and
     *     column 0 or 1, else null (a cell absent: Tribuo leaves out a pixel that is 0 in every example)
     */
    List<String> complete() {
        if (rowDigits < 0 || columnDigits < 0 || !(lowest == 0 || lowest == 1)
                || (long) height() * width() != names.size()) {
            return null;
        }
        List<String> ordered = inOrder(height(), width());
        return names.containsAll(ordered) ? ordered : null;
    }
}
