package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the one-hot categorical columns of a source that is not a table augment read itself (Tribuo's
 * {@code CSVDataSource} or {@code CSVLoader} with an {@code IdentityProcessor}, a {@code ListDataSource} of such
 * examples), so that SMOTE can be SMOTE-NC there too: Tribuo names a category feature {@code column@value}, and a
 * group of two or more features sharing the part before the first {@code @} is taken as one categorical column
 * when, in every example, at most one of them is non-zero and that one is exactly 1 (what one-hot encoding gives,
 * checked on the data rather than guessed from the names). An empty cell, which Tribuo's {@code IdentityProcessor}
 * names {@code column@}, is the group's category {@code ""}. Every other feature is a numeric column of its own.
 *
 * <p>The layout is a {@link TableSchema} over the source's feature names, as a {@code CsvTableSource} would have
 * it: a categorical column's categories are its features' value parts in name order, and an example with none of
 * them has that column missing (SMOTE-NC then gives no category feature where the neighbours mostly have none).
 */
final class OneHotGroups {

    /** Name of the layout's label column: any name that is no feature's, since only the features are read. */
    private static final String LABEL = "(label)";

    private OneHotGroups() {
    }

    /**
     * @param source the source, read once more
     * @param featureNames every feature name of the source
     * @param labels the source's labels, by class index
     * @return the layout, or empty when the source has no one-hot group (plain SMOTE then)
     */
    static Optional<TableSchema> layout(DataSource<Label> source, List<String> featureNames, List<String> labels) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String name : featureNames.stream().sorted().toList()) {
            int at = name.indexOf('@');
            // 'flag@' is IdentityProcessor's feature for an empty cell: a category of its own, spelt ""; left out,
            // it was interpolated as a number beside a category (two categories in one row, a fresh user, 6 Dec)
            if (at > 0) {
                groups.computeIfAbsent(name.substring(0, at), g -> new ArrayList<>()).add(name);
            }
        }
        groups.values().removeIf(members -> members.size() < 2);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Scan scan = Scan.of(source, groups);
        // a numeric feature named like a category of a column ('t@2m' beside 't@hot'): in the group it made the whole
        // column not one-hot, and SMOTE-NC fell back to plain SMOTE, mixing categories (a fresh user, 6 Dec); it is a
        // numeric column of its own, and the rest of the group is checked again without it
        Set<String> notBinary = scan.notBinary;
        if (!notBinary.isEmpty()) {
            groups.values().forEach(members -> members.removeAll(notBinary));
            groups.values().removeIf(members -> members.size() < 2);
            scan = Scan.of(source, groups);
        }
        Set<String> notOneHot = scan.notOneHot;
        Map<String, Long> missing = scan.missing;
        Map<String, String> groupOf = scan.groupOf;
        groups.keySet().removeAll(notOneHot);
        groups.keySet().removeAll(featureNames); // a numeric feature named as a group would make two columns of a name
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<TableColumn> columns = new ArrayList<>();
        Set<String> grouped = new HashSet<>();
        for (String name : featureNames) {
            String group = groupOf.get(name);
            if (group != null && groups.containsKey(group)) {
                if (grouped.add(group)) {
                    List<String> categories = groups.get(group).stream().map(m -> m.substring(group.length() + 1))
                            .toList();
                    columns.add(TableColumn.categorical(group, categories, missing.getOrDefault(group, 0L)));
                }
            } else {
                // the range and decimals are not read by SMOTE-NC, which interpolates the values as they are
                columns.add(TableColumn.numeric(name, -Double.MAX_VALUE, Double.MAX_VALUE, TableColumn.MAX_DECIMALS,
                        0));
            }
        }
        // the layout is never read from text, so its marker only has to differ from every category: a category
        // spelt '?' (Tribuo's IdentityProcessor reads a '?' cell as one) made the layout fail, and SMOTE-NC fall back
        // to plain SMOTE for every column of the table
        Set<String> categories = new HashSet<>();
        columns.forEach(c -> categories.addAll(c.categories()));
        String marker = TableSchema.DEFAULT_MISSING_MARKER;
        while (categories.contains(marker)) {
            marker += TableSchema.DEFAULT_MISSING_MARKER;
        }
        return Optional.of(new TableSchema(columns, LABEL, labels, marker));
    }

    /** One read of the source: which groups are not one-hot, how many examples miss each, which members are not 0/1. */
    private static final class Scan {
        final Map<String, String> groupOf = new HashMap<>();
        final Set<String> notOneHot = new HashSet<>();
        final Map<String, Long> missing = new HashMap<>();
        final Set<String> notBinary = new HashSet<>();

        static Scan of(DataSource<Label> source, Map<String, List<String>> groups) {
            Scan scan = new Scan();
            groups.forEach((group, members) -> members.forEach(m -> scan.groupOf.put(m, group)));
            for (Example<Label> example : TribuoExamples.of(source)) {
                Map<String, Integer> set = new HashMap<>();
                for (Feature feature : example) {
                    String group = scan.groupOf.get(feature.getName());
                    if (group == null || feature.getValue() == 0) {
                        continue;
                    }
                    if (feature.getValue() != 1) {
                        scan.notBinary.add(feature.getName());
                    }
                    if (feature.getValue() != 1 || set.merge(group, 1, Integer::sum) > 1) {
                        scan.notOneHot.add(group);
                    }
                }
                for (String group : groups.keySet()) {
                    if (!set.containsKey(group)) {
                        scan.missing.merge(group, 1L, Long::sum);
                    }
                }
            }
            return scan;
        }
    }
}
