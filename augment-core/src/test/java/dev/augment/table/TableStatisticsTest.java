package dev.augment.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A split's own statistics: {@link Table#withStatisticsOfItsRows()}. */
class TableStatisticsTest {

    @TempDir
    Path dir;

    @Test
    void aSplitGetsItsOwnRangesAndMissingCountsAndKeepsTheLayout() {
        Path csv = TableFiles.write(dir, "t.csv", "x,y,colour,class\n1,?,red,p\n5,?,?,p\n-3,2.5,blue,q\n9,?,red,q\n");
        Table whole = TableReader.read(csv, "class");
        Table split = whole.select(new int[] {0, 1, 3}).withStatisticsOfItsRows();

        TableColumn x = split.schema().columns().get(0);
        assertEquals(1, x.min(), "-3 is only in the other rows");
        assertEquals(9, x.max());
        assertEquals(0, x.missing());
        TableColumn y = split.schema().columns().get(1);
        assertEquals(0, y.min(), "no value of y in these rows");
        assertEquals(0, y.max());
        assertEquals(3, y.missing());
        TableColumn colour = split.schema().columns().get(2);
        assertEquals(whole.schema().columns().get(2).categories(), colour.categories(), "the layout stays");
        assertEquals(1, colour.missing());
        assertEquals(whole.schema().featureNames(), split.schema().featureNames());
        assertEquals(whole.schema().labels(), split.schema().labels());
        assertEquals(3, split.rows());
        assertEquals(9, split.numeric()[2][0], "the rows themselves are unchanged");
    }
}
