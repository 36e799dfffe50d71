package dev.augment.tribuo;

import dev.augment.table.TableSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a table in which some example of a source has a gap: no feature of the column at all (a missing
 * category, or a numeric cell Tribuo's CSV readers leave out). Read alongside the other checks of {@link SourceScan};
 * {@link AbsentCategories} compares it with the gaps a generator writes.
 */
final class ColumnGaps {

    private final List<String> columns;
    private final Map<String, Integer> columnOf = new HashMap<>();
    private final boolean[] gapped;
    private final boolean[] present;
    private final long[] gaps;
    private long examples;

    /** @param table the generator's table layout, whose feature names the examples hold */
    ColumnGaps(TableSchema table) {
        columns = table.columns().stream().map(dev.augment.table.TableColumn::name).toList();
        int[] offsets = table.featureOffsets();
        List<String> names = table.featureNames();
        for (int c = 0; c < offsets.length; c++) {
            int end = c + 1 < offsets.length ? offsets[c + 1] : names.size();
            for (int f = offsets[c]; f < end; f++) {
                columnOf.put(names.get(f), c);
            }
        }
        gapped = new boolean[offsets.length];
        present = new boolean[offsets.length];
        gaps = new long[offsets.length];
    }

    /** @param example an example of the source, its features named as the generator's */
    void add(Example<Label> example) {
        java.util.Arrays.fill(present, false);
        for (Feature feature : example) {
            Integer c = columnOf.get(feature.getName());
            if (c != null) {
                present[c] = true;
            }
        }
        for (int c = 0; c < present.length; c++) {
            gapped[c] |= !present[c];
            gaps[c] += present[c] ? 0 : 1;
        }
        examples++;
    }

    /** @return per column with a gap, by name, the share of the examples added so far without a feature of it */
    Map<String, Double> gapShares() {
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        for (int c = 0; c < gaps.length; c++) {
            if (gaps[c] > 0) {
                shares.put(columns.get(c), (double) gaps[c] / examples);
            }
        }
        return shares;
    }

    /** @return the names of the columns some example added so far had no feature of, in column order */
    Set<String> gapped() {
        Set<String> names = new LinkedHashSet<>();
        for (int c = 0; c < gapped.length; c++) {
            if (gapped[c]) {
                names.add(columns.get(c));
            }
        }
        return names;
    }
}
