package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.errors.ModelContractException;
import dev.augment.onnx.ModelCatalog;
import dev.augment.schema.SampleSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code augment models}: the shipped generator files ({@code *.onnx} in {@code <home>/models}, see
 * {@link ModelOption#modelsFolder()}) with their training data, sample shape and classes, the default
 * one marked; files that cannot be read are listed as skipped, with the reason. Nothing is run: the
 * metadata is read from the files ({@link ModelCatalog}). A missing models folder is exit code 3.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        header = "List the shipped generator models with their classes.",
        description = {"Lists every *.onnx file (hidden ones left out) in the models folder of augment's home "
                + "(-Daugment.home, set by "
                + "./augment, else AUGMENT_HOME, else the working folder). 'generate --class C' without --model "
                + "uses the one listed model that knows C."},
        footerHeading = "%nExamples:%n",
        footer = {"  augment models",
                "  augment models --json"})
public final class ModelsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    /**
     * @return what to do about a missing models folder, by where its home came from: ./augment passes its checkout as
     *     augment.home, which AUGMENT_HOME does not override, so advising it there sent a user to a setting without
     *     effect (a fresh user, 7 Dec); a hand-run's own -Daugment.home, or a set AUGMENT_HOME, was told to restore
     *     augment's checkout, or to set AUGMENT_HOME (a re-check, 7 Dec)
     */
    static String missingFolderAdvice(Path folder) {
        String property = System.getProperty(ModelOption.HOME_PROPERTY);
        String variable = System.getenv(ModelOption.HOME_VARIABLE);
        String passModel = ", or pass --model to the commands that take one";
        Path home = folder.toAbsolutePath().getParent();
        // a home that is augment's checkout is right, only its models/ is gone (a re-check, 7 Dec)
        boolean checkout = home != null && Files.isDirectory(home.resolve("augment-cli"));
        if (System.getProperty(ModelOption.LAUNCHER_PROPERTY) != null || checkout) {
            return "restore it in augment's checkout (git checkout -- models)" + passModel;
        }
        if (property != null && !property.isBlank()) {
            return "-D" + ModelOption.HOME_PROPERTY + "=" + property + " names a folder without models/; set it to "
                    + "augment's checkout" + passModel;
        }
        if (variable != null && !variable.isBlank()) {
            return ModelOption.HOME_VARIABLE + "=" + variable + " names a folder without models/; set it to augment's "
                    + "checkout" + passModel;
        }
        return "run augment through ./augment in its checkout, or set AUGMENT_HOME to the folder that holds models/";
    }

    @Override
    public Integer call() throws Exception {
        Path folder = ModelOption.modelsFolder();
        if (!Files.isDirectory(folder)) {
            throw new ModelContractException(folder.toAbsolutePath() + ": models folder not found; "
                    + missingFolderAdvice(folder));
        }
        ModelCatalog catalog = ModelCatalog.scan(folder);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(describe(catalog)));
        } else {
            printText(out, catalog);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** @return whether the folder lists the default model, usable or skipped */
    private static boolean defaultFound(ModelCatalog catalog) {
        return catalog.models().stream().anyMatch(ModelsCommand::isDefault) || catalog.unreadable().stream()
                .anyMatch(u -> isDefaultFile(u.file()));
    }

    private static boolean isDefault(ModelCatalog.Model model) {
        return model.name().equals(ModelOption.DEFAULT_FILE);
    }

    private static boolean isDefaultFile(Path file) {
        return file.getFileName().toString().equals(ModelOption.DEFAULT_FILE);
    }

    private static ObjectNode describe(ModelCatalog catalog) {
        ObjectNode report = JSON.createObjectNode();
        report.put("folder", catalog.folder().toString());
        report.put("default", ModelOption.DEFAULT_FILE);
        report.put("defaultFound", defaultFound(catalog));
        ArrayNode models = report.putArray("models");
        for (ModelCatalog.Model model : catalog.models()) {
            SampleSchema s = model.schema();
            JsonNode data = model.metadata().provenance().path("trainingData");
            ObjectNode row = models.addObject().put("file", model.file().toString()).put("default", isDefault(model));
            row.set("trainingData", data.isMissingNode() ? JSON.nullNode() : data);
            row.set("shape", JSON.valueToTree(s.shape()));
            row.putArray("valueRange").add(s.minValue()).add(s.maxValue());
            row.put("latentDim", model.metadata().latentDim());
            ArrayNode classes = row.putArray("classes");
            for (int i = 0; i < s.classCount(); i++) {
                classes.addObject().put("index", i).put("label", s.labels().get(i)).put("name", s.classNames().get(i));
            }
        }
        ArrayNode skipped = report.putArray("skipped");
        for (ModelCatalog.Unreadable file : catalog.unreadable()) {
            // the top-level "default" named a file skipped here with nothing on its entry to say so (a re-check)
            skipped.addObject().put("file", file.file().toString()).put("default", isDefaultFile(file.file()))
                    .put("problem", file.problem());
        }
        return report;
    }

    private static void printText(PrintWriter out, ModelCatalog catalog) {
        if (catalog.models().isEmpty() && catalog.unreadable().isEmpty()) {
            out.printf("no generator files (*.onnx) in %s%n", catalog.folder());
            return;
        }
        out.printf("models in %s ('generate --class C' without --model uses the one that knows C):%n",
                catalog.folder());
        for (ModelCatalog.Model model : catalog.models()) {
            SampleSchema s = model.schema();
            JsonNode data = model.metadata().provenance().path("trainingData");
            out.printf("%n%s%s%n", model.name(), isDefault(model) ? "  (default)" : "");
            if (!data.isMissingNode()) {
                out.printf("  trained on: %s, %s samples%n", data.path("source").asText("?"),
                        data.path("count").asText("?"));
            }
            out.printf("  shape:      %s, values %s .. %s%n", s.shape(), s.minValue(), s.maxValue());
            out.printf("  classes:    %d: %s%n", s.classCount(), classList(s));
        }
        if (!defaultFound(catalog)) {
            // generate --class all said the default was not there, the listing nothing (a re-check, 7 Dec)
            out.printf("%n%s  (default; not there: generate --class all or a bare class index, and the commands "
                    + "given no --model, need it or a --model)%n", ModelOption.DEFAULT_FILE);
        }
        for (ModelCatalog.Unreadable file : catalog.unreadable()) {
            out.printf("%n%s  (%sskipped, unreadable)%n  %s%n", file.file().getFileName(), isDefaultFile(file.file())
                    ? "default; " : "", file.problem());
        }
    }

    /** Every class name, quoted (names may hold commas), with the label where it says more than the index. */
    private static String classList(SampleSchema s) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.classCount(); i++) {
            // escaped as inspect shows them: a tab or a right-to-left override reached the terminal (6 Dec)
            String name = dev.augment.table.ColumnAdvice.shown(s.classNames().get(i));
            String label = dev.augment.table.ColumnAdvice.shown(s.labels().get(i));
            boolean labelSaysMore = !label.equals(name) && !label.equals(Integer.toString(i));
            parts.add("'" + name + "'" + (labelSaysMore ? " (label '" + label + "')" : ""));
        }
        return String.join(", ", parts);
    }
}
