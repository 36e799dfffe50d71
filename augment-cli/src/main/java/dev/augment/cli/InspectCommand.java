package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.ModelMetadata;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import dev.augment.schema.SampleSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * {@code augment inspect}: what a generator file says about itself, as aligned text (scores as a table,
 * see {@link ScoreTable}) or, with {@code --json}, as one JSON document.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Show a generator's classes, shapes, latent size, provenance and training scores.",
        footerHeading = "%nExamples:%n",
        footer = {"  augment inspect",
                "  augment inspect --model fm.onnx --json"})
public final class InspectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path path = modelOption.path();
        try (OnnxGenerator generator = OnnxGenerator.load(path, ExecutionDevice.CPU)) {
            ObjectNode report = describe(generator);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JSON.writeValueAsString(report));
            } else {
                printText(out, generator.metadata(), report);
            }
        }
        return ExitCodes.OK;
    }

    private static ObjectNode describe(OnnxGenerator generator) {
        ModelMetadata m = generator.metadata();
        SampleSchema s = m.schema();
        ObjectNode report = JSON.createObjectNode();
        report.put("model", generator.path().toString());
        report.put("sha256", generator.sha256());
        ArrayNode classes = report.putArray("classes");
        for (int i = 0; i < s.classCount(); i++) {
            ObjectNode row = classes.addObject().put("index", i).put("label", s.labels().get(i))
                    .put("name", s.classNames().get(i));
            if (s.examplesKnown()) {
                row.put("trainingExamples", s.examplesOf(i).getAsLong());
            } else {
                row.putNull("trainingExamples");
            }
            row.put("learned", s.learned(i));
        }
        report.set("shape", JSON.valueToTree(s.shape()));
        report.put("features", s.featureCount());
        report.put("firstFeature", s.featureNames().get(0));
        report.put("lastFeature", s.featureNames().get(s.featureCount() - 1));
        report.putArray("valueRange").add(s.minValue()).add(s.maxValue());
        report.put("latentDim", m.latentDim());
        var contract = report.putObject("contract");
        contract.put("version", generator.contract().contractVersion());
        contract.put("schemaVersion", generator.contract().schemaVersion());
        contract.put("graphChecksum", generator.contract().graphChecksum());
        report.set("provenance", m.provenance());
        report.set("scores", m.scores());
        if (m.table() != null) {
            report.set("table", m.table().toJson());
        }
        return report;
    }

    /** One line per class: index, name (and label when it says more), training examples. */
    private static void printClasses(PrintWriter out, SampleSchema s) {
        out.printf("classes:     %d (training examples %s)%n", s.classCount(),
                s.examplesKnown() ? "as recorded at training" : "unknown: the model predates their recording");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < s.classCount(); i++) {
            // shown escaped: a terminal escape, a line break or a right-to-left override in a model's metadata reached
            // the terminal as is (a fresh user, 6 Dec)
            String name = dev.augment.table.ColumnAdvice.shown(s.classNames().get(i));
            String label = dev.augment.table.ColumnAdvice.shown(s.labels().get(i));
            shown.add(label.equals(name) || label.equals(Integer.toString(i)) ? name : name + " (label " + label + ")");
        }
        int width = Math.max(1, shown.stream().mapToInt(TerminalColumns::of).max().orElse(1));
        for (int i = 0; i < s.classCount(); i++) {
            long n = s.examplesOf(i).orElse(-1);
            String examples = n < 0 ? "examples unknown" : n + (n == 1 ? " example" : " examples");
            out.printf("  %3d  %s  %s%s%n", i, TerminalColumns.padded(shown.get(i), width), examples,
                    s.learned(i) ? "" : " (never learned; generate refuses it)");
        }
    }

    private static void printText(PrintWriter out, ModelMetadata m, ObjectNode report) {
        SampleSchema s = m.schema();
        out.printf("model:       %s%n", report.path("model").asText());
        out.printf("sha256:      %s%n", report.path("sha256").asText());
        printClasses(out, s);
        out.printf("shape:       %s (%d features, %s .. %s)%n", s.shape(), s.featureCount(),
                // escaped as the classes: a category's tab or right-to-left override reached the terminal (6 Dec)
                dev.augment.table.ColumnAdvice.shown(s.featureNames().get(0)),
                dev.augment.table.ColumnAdvice.shown(s.featureNames().get(s.featureCount() - 1)));
        out.printf("values:      %s .. %s%n", s.minValue(), s.maxValue());
        if (m.table() != null) {
            printTable(out, m.table());
        }
        out.printf("latent size: %d%n", m.latentDim());
        var contract = report.path("contract");
        out.printf("contract:    version %s, schema version %d, %s%n", contract.path("version").asText(),
                contract.path("schemaVersion").asInt(), contract.path("graphChecksum").asBoolean()
                        ? "graph checksum present and matching" : "no graph checksum (exported before it was kept, "
                        + "or a copy cut short before its last entries)");
        var data = m.provenance().path("trainingData");
        out.printf("trained on:  %s (%s samples, sha256 %s)%n", data.path("source").asText("?"),
                data.path("count").asText("?"), data.path("sha256").asText("?"));
        if (m.provenance().hasNonNull("generatedTrainingData")) {
            // in the text view too: only --json showed it, so the default view looked like real data (a fresh user)
            out.printf("             %s%n", AugmentCli.oneLine(m.provenance().path("generatedTrainingData").asText()));
        }
        JsonNode settings = m.provenance().path("settings");
        long settingSteps = settings.path("steps").asLong(0);
        if (settingSteps > 0 && settings.isObject()) {
            // an image GAN trained by --steps ignores its epochs setting; its provenance counts rounds as epochs
            settings = settings.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) settings).remove("epochs");
        }
        if (settings.isObject() && settings.path("architecture").asText().equalsIgnoreCase("mlp")) {
            // an MLP never reads convWidth, which train refuses with --arch mlp (a fresh user, 7 Dec)
            settings = settings.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) settings).remove("convWidth");
        }
        out.printf("settings:    %s%n", flat(settings));
        boolean bySteps = !m.provenance().has("epochs") && m.provenance().has("steps");
        if (settingSteps > 0 && !bySteps) {
            String rounds = m.provenance().path("epochs").asText("?");
            out.printf("steps:       %d (%s %s), seed %s%n", settingSteps, rounds, rounds.equals("1") ? "round" : "rounds",
                    m.provenance().path("seed").asText("?"));
        } else {
            out.printf("%s %s, seed %s%n", bySteps ? "steps:      " : "epochs:     ",
                    m.provenance().path(bySteps ? "steps" : "epochs").asText("?"),
                    m.provenance().path("seed").asText("?"));
        }
        if (m.provenance().path("pytorchThreads").isInt()) {
            // a seed repeats a model only at the same thread count (helper m8, 6 Dec)
            out.printf("threads:     %d PyTorch intra-op thread(s) (the same seed repeats this model only at that "
                    + "count: -Dai.djl.pytorch.num_threads)%n", m.provenance().path("pytorchThreads").asInt());
        }
        out.printf("versions:    %s%n", flat(m.provenance().path("versions")));
        if (m.scores().isEmpty()) {
            out.println("scores:      none recorded");
        } else {
            out.print("scores:      " + ScoreTable.render(m.scores(), settingSteps > 0 || bySteps));
        }
    }

    /** A table generator's columns: one line each, with its kind and range or categories. */
    private static void printTable(PrintWriter out, TableSchema table) {
        long numeric = table.columns().stream().filter(TableColumn::isNumeric).count();
        out.printf("table:       %d columns (%d numeric, %d categorical), label column '%s', missing marker '%s'%s%n",
                table.columns().size(), numeric, table.columns().size() - numeric, table.labelColumn(),
                table.missingMarker(), table.missingText().isEmpty() ? " (its data wrote gaps as empty cells, and so "
                + "do generated rows)" : "");
        int width = table.columns().stream().mapToInt(c -> TerminalColumns.of(shownName(c))).max().orElse(1);
        for (TableColumn c : table.columns()) {
            String detail = c.isNumeric() ? "numeric " + c.min() + " .. " + c.max() + ", " + c.decimals() + " decimals"
                    // quoted and escaped as the classes: 'green, dark' read as two categories (a fresh user, 6 Dec)
                    : "categorical " + c.categories().size() + ": " + c.categories().stream()
                    .map(v -> "'" + dev.augment.table.ColumnAdvice.shown(v) + "'")
                    .collect(java.util.stream.Collectors.joining(", "));
            out.printf("  %s  %s%s%n", TerminalColumns.padded(shownName(c), width), detail, c.missing() > 0 ? ", "
                    + c.missing() + " missing in training" : "");
        }
    }

    private static String shownName(TableColumn column) {
        return dev.augment.table.ColumnAdvice.shown(column.name());
    }

    /** {@code {"a":1,"b":"x"}} as {@code a 1, b x}; anything but an object as its JSON text. */
    private static String flat(JsonNode node) {
        if (!node.isObject()) {
            return node.isMissingNode() ? "?" : node.toString();
        }
        StringJoiner parts = new StringJoiner(", ");
        // an empty text (e.g. diffAugment off) reads as "(none)", not as nothing before the next comma
        node.fields().forEachRemaining(f -> parts.add(f.getKey() + " "
                + (f.getValue().isTextual() && f.getValue().asText().isEmpty() ? "(none)"
                : f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString())));
        return parts.toString();
    }
}
