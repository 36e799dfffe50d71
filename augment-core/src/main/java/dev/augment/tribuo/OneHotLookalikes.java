package dev.augment.tribuo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Spots features that look like one-hot categories by Tribuo's naming ({@code column@value}, as its
 * {@code IdentityProcessor} and augment's {@code TableSchema.rowProcessor()} name them) that {@link OneHotGroups}
 * did not find one-hot in every example: plain SMOTE interpolates such features into fractions of two categories.
 */
final class OneHotLookalikes {

    /** At most this many column names are listed in the warning. */
    private static final int LISTED = 3;

    private OneHotLookalikes() {
    }

    /**
     * @param featureNames the source's feature names
     * @return a warning naming the columns (prefixes before '@' shared by at least two features) and the remedy, or
     *     empty when there are none
     */
    static Optional<String> warning(List<String> featureNames) {
        return warning(featureNames, java.util.Set.of());
    }

    /**
     * As {@link #warning(List)} where some groups were taken as categories: only the columns with a feature that
     * was not are named (with one one-hot group found, a broken group beside it was interpolated into fractions of
     * two categories under SMOTE-NC's name without a word: a fresh user, 7 Dec).
     *
     * @param categorical the features taken as categories of a one-hot column
     */
    static Optional<String> warning(List<String> featureNames, java.util.Set<String> categorical) {
        Map<String, List<String>> perColumn = featureNames.stream().filter(n -> n.indexOf('@') > 0)
                .collect(Collectors.groupingBy(n -> n.substring(0, n.indexOf('@')), TreeMap::new,
                        Collectors.toList()));
        List<String> columns = perColumn.entrySet().stream().filter(e -> e.getValue().size() >= 2
                && !categorical.containsAll(e.getValue())).map(Map.Entry::getKey).toList();
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String named = columns.stream().limit(LISTED).map(c -> "'" + c + "'").collect(Collectors.joining(", "))
                + (columns.size() > LISTED ? " and " + (columns.size() - LISTED) + " more" : "");
        return Optional.of("features of " + named + " look like one-hot categories (Tribuo's column@value names) "
                + "but were not taken as categories (in some example a value other than 0 or 1, or two set at once; "
                + "or another feature is named as the column itself), so plain "
                + "SMOTE interpolates them into fractions of two categories; if they are categories, read the CSV "
                + "with CsvTableSource (or a table generator's layout) to get SMOTE-NC, which keeps whole categories");
    }
}
