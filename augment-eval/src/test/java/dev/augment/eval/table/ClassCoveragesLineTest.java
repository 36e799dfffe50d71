package dev.augment.eval.table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassCoveragesLineTest {

    private static TableDiagnosticFigures figures(String scope, Double coverage) {
        return new TableDiagnosticFigures(scope, 10, 10, List.of(), null, null, null, null, coverage,
                coverage == null ? 0 : 5, 10);
    }

    @Test
    void aFewClassesAreEachNamedInClassOrder() {
        String line = TableEvaluationReport.classCoverages(List.of(figures("b", 0.9), figures("a", 0.25),
                figures("c", null)));
        assertEquals("; b: coverage 0.900; a: coverage 0.250; c: coverage -", line);
    }

    @Test
    void manyClassesNameTheTenOfLowestCoverageAndCountTheRest() {
        List<TableDiagnosticFigures> classes = new ArrayList<>();
        for (int c = 0; c < 19; c++) {
            // class c's coverage falls with c, and class 3 has none
            classes.add(figures("class" + c, c == 3 ? null : 1.0 - c / 20.0));
        }
        String line = TableEvaluationReport.classCoverages(classes);
        assertTrue(line.startsWith("; the 10 classes of lowest coverage; class18: coverage 0.100; class17: "), line);
        assertTrue(line.endsWith("; 9 more classes in report.json"), line);
        assertEquals(10, line.split(": coverage ", -1).length - 1, line);
        assertFalse(line.contains("class0:"), line);
        assertFalse(line.contains("class3:"), line);
        assertTrue(line.contains("class10: coverage 0.500"), line);
    }
}
