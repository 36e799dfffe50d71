package dev.augment.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report into a folder: {@code report.json} (every number, settings, provenance),
 * {@code report.html} (self-contained: pictures as data URIs), {@code gains.png} (the first classifier
 * family's chart; {@code gains-2.png}, {@code gains-3.png}, … the next families') and
 * {@code grids/class-NN-real.png} / {@code grids/class-NN-synthetic.png} (no {@code grids} folder when there are no
 * grids: a run without a generator). The caller makes the folder appear atomically (the command line
 * writes into a temporary folder and moves it into place).
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * @param report the report
     * @param images its pictures
     * @param dir an existing folder
     * @throws IOException when a file cannot be written
     */
    public static void write(EvaluationReport report, ReportImages images, Path dir) throws IOException {
        Files.writeString(dir.resolve("report.json"),
                JSON.writeValueAsString(FiniteJson.nullsForNonFinite(toJson(report))), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(report, images), StandardCharsets.UTF_8);
        for (int f = 0; f < images.gainsCharts().size(); f++) {
            Files.write(dir.resolve(f == 0 ? "gains.png" : "gains-" + (f + 1) + ".png"), images.gainsCharts().get(f));
        }
        if (images.classGrids().isEmpty()) {
            return; // a run without a generator has no synthetic samples to show
        }
        Path grids = Files.createDirectories(dir.resolve("grids"));
        for (int c = 0; c < images.classGrids().size(); c++) {
            Files.write(grids.resolve(String.format("class-%02d-real.png", c)), images.classGrids().get(c).real());
            Files.write(grids.resolve(String.format("class-%02d-synthetic.png", c)),
                    images.classGrids().get(c).synthetic());
        }
    }

    /**
     * The JSON form. A one-trainer report keeps the shape it had before families existed ({@code headline},
     * {@code arms}); {@code families} adds, for every trainer in order, its name ({@code trainer}), its
     * {@link FamilyVerdict} ({@code verdict}) and its arms ({@code arms}). The top-level {@code arms} and
     * {@code headline} are the first family's. A run with a generation-time filter adds {@code filter}: per
     * seed, the rows its classifier learned and per class the candidates drawn, kept and dropped with the mean
     * probability of the class among kept and dropped ({@link dev.augment.eval.sampler.SeedFilter}).
     *
     * @param report the report
     * @return its JSON form: leakage warning, caveats and headline first
     */
    public static ObjectNode toJson(EvaluationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("leakageWarning", report.leakageWarning());
        root.set("caveats", JSON.valueToTree(report.caveats()));
        root.set("headline", JSON.valueToTree(report.headline()));
        root.set("settings", report.settings());
        root.set("provenance", report.provenance());
        root.set("classNames", JSON.valueToTree(report.classNames()));
        root.set("minorityClasses", JSON.valueToTree(report.minorityClasses()));
        root.set("arms", JSON.valueToTree(report.arms()));
        ArrayNode families = root.putArray("families");
        List<FamilyVerdict> verdicts = report.verdicts();
        for (int f = 0; f < report.families().size(); f++) {
            ObjectNode family = families.addObject();
            family.put("trainer", report.families().get(f).trainer());
            family.set("verdict", JSON.valueToTree(verdicts.get(f)));
            family.set("arms", JSON.valueToTree(report.families().get(f).arms()));
        }
        root.set("diagnostics", JSON.valueToTree(report.diagnostics()));
        if (!report.filter().isEmpty()) {
            root.set("filter", JSON.valueToTree(report.filter()));
        }
        root.put("seconds", report.seconds());
        return root;
    }
}
