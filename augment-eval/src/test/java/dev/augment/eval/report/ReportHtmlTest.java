package dev.augment.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augment.eval.diagnostics.ClassReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

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

    /** "none (no arm uses a generator) (* minority)" explained a star that was nowhere (a fresh user, 7 Dec). */
    @Test
    void theMinorityLegendFollowsDiagnosedClassesOnly() {
        EvaluationReport none = new EvaluationReport("", List.of(), HandBuiltReports.settings(),
                HandBuiltReports.provenance(), HandBuiltReports.CLASSES, List.of(0, 2), report.families(), List.of(),
                1.0);
        String line = ConsoleSummary.render(none).lines().filter(l -> l.startsWith("generator diagnostics:"))
                .findFirst().orElseThrow();
        assertEquals("generator diagnostics: none (no arm uses a generator)", line);
    }

    /** A one-seed report's caption described the intervals it does not show (a fresh user, 7 Dec). */
    @Test
    void aOneSeedReportsCaptionSaysItHasNoIntervals() {
        assertTrue(html().contains("Mean over seeds with its 95% Student t interval below it"));
        EvaluationReport one = HandBuiltReports.report(HandBuiltReports.arms(new double[][] {{0.70, 0.78, 0.75, 0.76,
                0.70, 0.60}}));
        String html = ReportHtml.render(one, HandBuiltReports.images(one.arms()));
        assertFalse(html.contains("interval below it"), "one seed");
        assertTrue(html.contains("One seed: its figures, without intervals"));
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
        assertEquals(1, json.path("families").size(), "one trainer, one family");
        assertEquals("CLASS_WEIGHTS", json.path("families").get(0).path("verdict").path("bestCheapBaseline").asText());
        assertTrue(Files.size(dir.resolve("grids/class-00-real.png")) > 100);
        assertTrue(Files.size(dir.resolve("grids/class-09-synthetic.png")) > 100);
    }

    @Test
    void eachClassifierFamilyHasASectionWithItsVerdictGainsAndRecall() {
        EvaluationReport two = HandBuiltReports.twoFamilies();
        String html = ReportHtml.render(two, HandBuiltReports.images(two));
        int logistic = html.indexOf("<section class=\"family\" id=\"family-logistic\">");
        int forest = html.indexOf("<section class=\"family\" id=\"family-forest\">");
        int diagnostics = html.indexOf("<h2>Generator diagnostics per class</h2>");
        assertTrue(logistic > html.indexOf("<b>Answer.</b> Under logistic (the first of 2 classifier families): "),
                "the answer comes first and names the family it is about");
        assertTrue(logistic < forest && forest < diagnostics, "families in order, before the diagnostics");
        String forestSection = html.substring(forest, html.indexOf("</section>", forest));
        assertTrue(forestSection.contains("<b>Verdict.</b> forest: best policy real + random oversampling (macro-F1 "
                + "0.850), itself the best cheap baseline"), forestSection);
        assertTrue(forestSection.contains("<span class=\"muted\">best cheap<br>baseline</span>"), forestSection);
        assertTrue(forestSection.contains("<table class=\"recall\">"), "recall per family");
        assertEquals(2, html.split("alt=\"gain over real only per arm and metric under ", -1).length - 1,
                "a chart per family");
        String logisticSection = html.substring(logistic, forest);
        assertTrue(logisticSection.contains("logistic: best policy real, class weights (macro-F1 0.790), itself the "
                + "best cheap baseline"), logisticSection);
        assertTrue(html.contains("trainers (classifier families, sharing each seed's split and GAN) logistic, "
                + "forest"), "the run line lists both");
    }

    @Test
    void reportJsonListsEveryFamilyWithItsVerdictAndKeepsTheFirstFamilysArmsAtTheTop(@TempDir Path dir)
            throws IOException {
        EvaluationReport two = HandBuiltReports.twoFamilies();
        ReportWriter.write(two, HandBuiltReports.images(two), dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode families = json.path("families");
        assertEquals(2, families.size());
        assertEquals("logistic", families.get(0).path("trainer").asText());
        assertEquals(json.path("arms"), families.get(0).path("arms"), "top-level arms are the first family's");
        JsonNode forest = families.get(1).path("verdict");
        assertEquals("OVERSAMPLING", forest.path("bestCheapBaseline").asText());
        assertEquals("OVERSAMPLING", forest.path("bestPolicy").asText());
        assertEquals(0.85, forest.path("baselineMacroF1").asDouble(), 1e-9);
        JsonNode smote = forest.path("vsBaseline").get(3);
        assertEquals("SMOTE", smote.path("arm").asText());
        assertEquals(-0.015, smote.path("vsBaseline").path("difference").path("mean").asDouble(), 1e-9);
        assertTrue(forest.path("ganOnTopOfSmote").path("difference").path("mean").isNumber(), forest.toString());
        assertTrue(Files.size(dir.resolve("gains-2.png")) > 1000, "the second family's chart");
    }

    @Test
    void consoleSummaryHasATablePerFamilyAndAFamilyLineEachBeforeTheAnswer() {
        EvaluationReport two = HandBuiltReports.twoFamilies();
        String text = ConsoleSummary.render(two);
        List<String> familyLines = text.lines().filter(l -> l.startsWith("FAMILY ")).toList();
        assertEquals(2, familyLines.size(), text);
        assertTrue(familyLines.get(0).startsWith("FAMILY logistic: best policy real, class weights"), text);
        assertTrue(familyLines.get(1).startsWith("FAMILY forest: best policy real + random oversampling"), text);
        assertTrue(text.indexOf("FAMILY forest") < text.indexOf("ANSWER: Under logistic"), text);
        assertTrue(text.contains("forest (2 seeds, 95% CI)"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("real + SMOTE") && l.endsWith("-0.0150 [-0.0785, +0.0485]")),
                text);
    }

    @Test
    void consoleSummaryPrintsCaveatsFirstAndEndsWithTheAnswer() {
        String text = ConsoleSummary.render(report);
        assertTrue(text.startsWith("CAVEAT: The generator /work/models/fashion-mnist.onnx"), text);
        assertTrue(text.endsWith("ANSWER: " + report.headline().text() + "\n"), text);
        assertTrue(text.contains(" T-shirt/top*=healthy"), "minority classes starred: " + text);
        String line = text.lines().filter(l -> l.startsWith("generator diagnostics:")).findFirst().orElseThrow();
        assertTrue(line.endsWith("Ankle boot=n/a (* minority); n/a: Ankle boot: only 5 training and 50 test examples; "
                + "diagnostics need at least 20 of each"), "an n/a class says why: " + line);
    }

    @Test
    void everyClassWithoutDiagnosticsIsCountedInTheReason() {
        List<ClassReport> none = IntStream.range(0, 3)
                .mapToObj(c -> new ClassReport(c, "c" + c, 5, 0.9, null, null,
                        "only " + (5 + c) + " training and 50 test examples; diagnostics need at least 20 of each"))
                .toList();
        assertEquals("; n/a: c0: only 5 training and 50 test examples; diagnostics need at least 20 of each "
                + "(and 2 more classes for the same reason, each with its own counts in report.json)",
                ConsoleSummary.whyNotDiagnosed(none));
        assertEquals("", ConsoleSummary.whyNotDiagnosed(HandBuiltReports.diagnostics().subList(0, 3)));
    }
}
