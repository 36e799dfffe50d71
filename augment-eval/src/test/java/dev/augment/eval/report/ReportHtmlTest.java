package dev.augment.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader finds in the written report, in what order (the layout itself: {@link ReportLayoutTest}). */
class ReportHtmlTest {

    private final EvaluationReport report = HandBuiltReports.report(HandBuiltReports.twoSeedArms());

    private String html() {
        return ReportHtml.render(report, HandBuiltReports.images(report.arms()));
    }

    @Test
    void opensWithTheCaveatsAndTheAnswerBeforeAnyTable() {
        String html = html();
        int caveat = html.indexOf("Read with care");
        int answer = html.indexOf("<b>Answer.</b> real + GAN samples: +0.040 macro-F1 [\u22120.468, +0.548]");
        int firstTable = html.indexOf("<table");
        assertTrue(caveat > 0 && caveat < answer, "caveats come first, then the answer");
        assertTrue(answer > 0 && answer < firstTable, "the answer comes before the tables");
        assertTrue(html.indexOf("was not trained on this run's training split") < answer);
    }

    @Test
    void minorityClassesAreNamedAndMarkedInTheRecallTable() {
        String html = html();
        String recall = html.substring(html.indexOf("<table class=\"recall\">"));
        recall = recall.substring(0, recall.indexOf("</table>"));
        for (String minority : new String[] {"T-shirt/top", "Pullover", "Coat", "Shirt", "Bag"}) {
            assertTrue(recall.contains("<th class=\"minority\"><b>" + minority
                    + "</b> <span class=\"badge\">minority</span></th>"), minority);
        }
        assertTrue(recall.contains("<th>Trouser</th>"), "a majority class is not marked");
        assertEquals(5, recall.split("<th class=\"minority\">", -1).length - 1);
    }

    @Test
    void sampleGridsLabelEachHalf() {
        String html = html();
        assertTrue(html.contains("<div class=\"head\">real (training split of the first seed)</div>"));
        assertTrue(html.contains("<div class=\"head\">synthetic (generator of the first seed)</div>"));
        assertEquals(10, html.split("alt=\"synthetic ", -1).length - 1);
        assertEquals(10, html.split("alt=\"real ", -1).length - 1);
    }

    @Test
    void rawJsonOnlyInsideACollapsedBlockLinkedToReportJson() {
        String html = html();
        int details = html.indexOf("<details>");
        assertTrue(details > 0, "collapsed by default");
        assertTrue(html.indexOf("lossD") > details, "losses only inside the block");
        assertTrue(html.contains("<a href=\"report.json\">report.json</a>"));
        assertFalse(html.contains("<script"), "the report has no scripts");
    }

    @Test
    void writerStoresHeadlineCaveatsMinorityAndBothHalvesOfEachGrid(@TempDir Path dir) throws IOException {
        ReportWriter.write(report, HandBuiltReports.images(report.arms()), dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(report.headline().text(), json.path("headline").path("text").asText());
        assertEquals("CLASS_WEIGHTS", json.path("headline").path("bestArm").asText());
        assertFalse(json.path("headline").path("ganSignificant").asBoolean(true));
        assertEquals(1, json.path("caveats").size());
        assertEquals("[0,2,4,6,8]", json.path("minorityClasses").toString());
        assertTrue(Files.size(dir.resolve("grids/class-00-real.png")) > 100);
        assertTrue(Files.size(dir.resolve("grids/class-09-synthetic.png")) > 100);
    }

    @Test
    void consoleSummaryPrintsCaveatsFirstAndEndsWithTheAnswer() {
        String text = ConsoleSummary.render(report);
        assertTrue(text.startsWith("CAVEAT: The generator /work/models/fashion-mnist.onnx"), text);
        assertTrue(text.endsWith("ANSWER: " + report.headline().text() + "\n"), text);
        assertTrue(text.contains(" T-shirt/top*=healthy"), "minority classes starred: " + text);
    }
}
