package dev.augment.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report into a folder: {@code report.json} (every number, settings, provenance),
 * {@code report.html} (self-contained: pictures as data URIs), {@code gains.png} and
 * {@code grids/class-NN-real.png} / {@code grids/class-NN-synthetic.png}. The caller makes the folder appear atomically (the command line
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
        Files.writeString(dir.resolve("report.json"), JSON.writeValueAsString(toJson(report)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), ReportHtml.render(report, images), StandardCharsets.UTF_8);
        Files.write(dir.resolve("gains.png"), images.gainsChart());
        Path grids = Files.createDirectories(dir.resolve("grids"));
        for (int c = 0; c < images.classGrids().size(); c++) {
            Files.write(grids.resolve(String.format("class-%02d-real.png", c)), images.classGrids().get(c).real());
            Files.write(grids.resolve(String.format("class-%02d-synthetic.png", c)),
                    images.classGrids().get(c).synthetic());
        }
    }

    /**
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
        root.set("diagnostics", JSON.valueToTree(report.diagnostics()));
        root.put("seconds", report.seconds());
        return root;
    }
}
