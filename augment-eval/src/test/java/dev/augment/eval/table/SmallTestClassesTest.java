package dev.augment.eval.table;

import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test split with a class of fewer than five rows gets a caveat naming it (a fresh user's 1-row test classes). */
class SmallTestClassesTest {

    private static final Path SAMPLES = Path.of("..", "datasets", "tabular-sample");

    @Test
    void classesWithFewTestRowsAreNamedWithTheirCounts() throws Exception {
        Table glass = TableReader.read(SAMPLES.resolve("glass.csv"), "Type");
        StratifiedSplit split = StratifiedSplit.of(glass.classes(), glass.schema().classCount(), 0.3, 1);
        Optional<String> caveat = TableEvaluation.smallTestClasses(glass, split, 0.3);
        assertTrue(caveat.isPresent());
        // 9 containers, 6 tableware and 12 vehicle-window rows: 3, 2 and 4 in the test split
        assertTrue(caveat.get().contains("3 classes ('containers' 3, 'tableware' 2, 'vehic wind float' 4"),
                caveat.get());
    }

    @Test
    void enoughTestRowsGiveNoCaveatAndATinyShareDoes() throws Exception {
        Table credit = TableReader.read(SAMPLES.resolve("credit-g.csv"), "class");
        int classes = credit.schema().classCount();
        assertEquals(Optional.empty(), TableEvaluation.smallTestClasses(credit,
                StratifiedSplit.of(credit.classes(), classes, 0.3, 1), 0.3));
        assertTrue(TableEvaluation.smallTestClasses(credit, StratifiedSplit.of(credit.classes(), classes, 0.01, 1),
                0.01).orElseThrow().contains("'bad' 1, 'good' 1"));
    }
}
