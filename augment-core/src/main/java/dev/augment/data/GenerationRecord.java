package dev.augment.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The record {@code augment generate} leaves in its output folder, {@value #FILE}: which model wrote the samples,
 * with which seed, how many of each class and in which format. Its presence marks every example of the folder as
 * generated, so that a reader of the folder as data says so wherever the folder is given: as a whole, as one split
 * of a {@code train/}/{@code test/} layout, or through the Tribuo API ({@link GeneratedOutput}). Before it, only a
 * folder given as a whole was recognised, by its layout, and two generate outputs put in {@code D/train} and
 * {@code D/test} were scored 0.97 and evaluated as "real" without a word (a fresh user, 5 Dec).
 *
 * <p>The file is UTF-8 JSON: {@code {"writer": "augment generate", "model": path, "modelSha256": hex, "seed": long,
 * "format": "png" | "idx" | "csv", "samplesPerClass": long, "classes": [name, …]}}. The model's SHA-256 (of the file's
 * bytes; absent in records written before 6 Dec) tells whether the file at that path is still the model that wrote
 * the samples: replaced by a retrain or a copy, every later note named the wrong generator (a fresh user, 6 Dec).
 *
 * <p>{@code augment oversample} of data holding generated examples carries a record into its output with a
 * {@code "carried"} object: {@code {"by": "augment oversample", "format": id, "generated": long, "examples": long}},
 * the output's own format and counts, and {@code "generatedAtMost": long} when the count is only known to lie between
 * the two: an IDX or CSV file holds no mark, so oversampling it again could copy or interpolate its generated rows
 * without knowing which they were (a fresh user, 5 Dec: "3 of its 2200" where 23 rows were copies of generated ones).
 * Generate's counts and format alone told the next reader "100 of its 102 examples are generated" of an output all of
 * whose examples were, and "png" of an IDX output (a fresh user, 5 Dec).
 * When the generated examples were PNG files carrying {@link GeneratedPng}'s mark among real ones (no record), the
 * model is empty, the seed and samples per class 0, the classes those of the marked files, and the {@code writer}
 * "augment oversample"; when they are oversample's own GAN examples, the model and seed are that run's, the format its
 * output's, samples per class 0 and the {@code writer} "augment oversample" too.
 *
 * @param model the generator's path, as given to generate (absolute); empty when not known (a carried record of
 *     marked files)
 * @param seed the noise seed
 * @param format the output format's id
 * @param samplesPerClass how many samples of each class were written, at least 1 (0 in a carried record of marked
 *     files)
 * @param classes the names of the classes written, in the order written
 * @param carried what oversample wrote of them, or null in generate's own record
 * @param modelSha256 the SHA-256 of the model file's bytes, 64 lower-case hex digits; empty when not known
 */
public record GenerationRecord(String model, long seed, String format, long samplesPerClass, List<String> classes,
                               Carried carried, String modelSha256) {

    /**
     * What {@code augment oversample} wrote of data holding generated examples.
     *
     * @param format the output's format id ("png", "idx", "csv")
     * @param generated how many of its examples, flagged real or added, are generated or made from generated ones
     *     (at least that many when {@code generatedAtMost} is larger), at least 1
     * @param generatedAtMost how many they may be at most, from {@code generated} to {@code examples}
     * @param examples how many examples it holds in all, at least {@code generatedAtMost}
     */
    public record Carried(String format, long generated, long generatedAtMost, long examples) {

        /** A count known exactly. */
        public Carried(String format, long generated, long examples) {
            this(format, generated, generated, examples);
        }

        /** @return whether the count is known only to lie between {@code generated} and {@code generatedAtMost} */
        public boolean isRange() {
            return generatedAtMost > generated;
        }
    }

    /** Generate's own record, without the model's SHA-256. */
    public GenerationRecord(String model, long seed, String format, long samplesPerClass, List<String> classes) {
        this(model, seed, format, samplesPerClass, classes, null, "");
    }

    /** A record without the model's SHA-256. */
    public GenerationRecord(String model, long seed, String format, long samplesPerClass, List<String> classes,
                            Carried carried) {
        this(model, seed, format, samplesPerClass, classes, carried, "");
    }

    /**
     * @param sha256 the SHA-256 of the model file's bytes, hex
     * @return this record naming it
     */
    public GenerationRecord withModelSha256(String sha256) {
        return new GenerationRecord(model, seed, format, samplesPerClass, classes, carried, sha256);
    }

    /**
     * @param carried what an oversample output of this record's data holds
     * @return this record, carried into that output
     */
    public GenerationRecord carriedAs(Carried carried) {
        return new GenerationRecord(model, seed, format, samplesPerClass, classes, carried, modelSha256);
    }

    /** @return how many examples the folder holding this record holds: generate's count, or oversample's */
    public long examples() {
        return carried != null ? carried.examples() : samplesPerClass * classes.size();
    }

    /** @return how many of them are generated */
    public long generatedExamples() {
        return carried != null ? carried.generated() : samplesPerClass * classes.size();
    }

    /** @return the format of the folder's files: generate's, or oversample's */
    public String filesFormat() {
        return carried != null ? carried.format() : format;
    }

    /** The file name, inside the output folder. */
    public static final String FILE = "generated.json";

    /** The value of its {@code writer} field. */
    static final String WRITER = "augment generate";

    /** The {@code writer} of a carried record of PNG files carrying generate's mark among real ones (no model). */
    static final String CARRIER = "augment oversample";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the class list; a null SHA-256 is empty. */
    public GenerationRecord {
        classes = List.copyOf(classes);
        modelSha256 = modelSha256 == null ? "" : modelSha256;
    }

    /**
     * Writes the record into a folder (an output folder before it is moved into place).
     *
     * @param folder the output folder
     * @throws IOException when the file cannot be written
     */
    public void write(Path folder) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        // oversample's own record (of marked files among real ones, or of its own GAN's examples) names no generate
        // run: its writer says so
        node.put("writer", carried != null && samplesPerClass == 0 ? CARRIER : WRITER);
        node.put("model", model);
        if (!modelSha256.isEmpty()) {
            node.put("modelSha256", modelSha256);
        }
        node.put("seed", seed);
        node.put("format", format);
        node.put("samplesPerClass", samplesPerClass);
        classes.forEach(node.putArray("classes")::add);
        if (carried != null) {
            ObjectNode by = node.putObject("carried");
            by.put("by", "augment oversample");
            by.put("format", carried.format());
            by.put("generated", carried.generated());
            if (carried.isRange()) {
                by.put("generatedAtMost", carried.generatedAtMost());
            }
            by.put("examples", carried.examples());
        }
        Files.writeString(folder.resolve(FILE), JSON.writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @param folder a folder
     * @return the record it holds, or empty when it holds none, or a {@value #FILE} that another program wrote or
     *     that cannot be read (this record only ever adds a note, so an unreadable one is not an error)
     */
    public static Optional<GenerationRecord> readIfPresent(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            String writer = node == null ? "" : node.path("writer").asText();
            if (!WRITER.equals(writer) && !(CARRIER.equals(writer) && node.path("carried").isObject())) {
                return Optional.empty();
            }
            List<String> names = new java.util.ArrayList<>();
            node.path("classes").forEach(name -> names.add(name.asText()));
            Carried carried = null;
            JsonNode by = node.path("carried");
            if (by.isObject()) {
                long generated = by.path("generated").asLong(-1);
                long examples = by.path("examples").asLong(-1);
                long atMost = by.path("generatedAtMost").asLong(generated);
                if (generated < 1 || atMost < generated || examples < atMost || by.path("format").asText().isEmpty()) {
                    return Optional.empty();
                }
                carried = new Carried(by.path("format").asText(), generated, atMost, examples);
            }
            if (names.isEmpty() || !node.path("samplesPerClass").canConvertToLong()
                    || node.path("samplesPerClass").asLong() < (carried == null ? 1 : 0)) {
                return Optional.empty(); // not one generate wrote: "0 samples of each of 0 classes" said nothing
            }
            return Optional.of(new GenerationRecord(node.path("model").asText(), node.path("seed").asLong(),
                    node.path("format").asText(), node.path("samplesPerClass").asLong(), names, carried,
                    node.path("modelSha256").asText("")));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * @return e.g. "200 samples of each of 10 classes from /m/fashion-mnist.onnx, seed 42"; for a carried record "100
     *     of its 102 examples are generated (from /m/g.onnx, seed 42) or made from generated ones" or "… (PNG files
     *     augment generate wrote, each carrying its mark, of class 'Bag') …"; "at least 3 (at most 2003) of its 2200
     *     …" for a range
     */
    public String summary() {
        if (carried != null) {
            String count = carried.isRange() ? "at least " + carried.generated() + " (at most "
                    + carried.generatedAtMost() + ")" : String.valueOf(carried.generated());
            boolean one = carried.generated() == 1 && !carried.isRange();
            return count + " of its " + carried.examples() + (carried.examples() == 1 ? " example" : " examples")
                    + (one ? " is" : " are") + " generated " + (model.isEmpty()
                    ? "(PNG files augment generate wrote, each carrying its mark, of class" + (classes.size() == 1
                    ? " '" : "es '") + String.join("', '", classes) + "')" : "(from " + model + ", seed " + seed
                    + modelNow() + ")") + " or made from generated ones";
        }
        return samplesPerClass + (samplesPerClass == 1 ? " sample" : " samples") + " of "
                + (classes.size() == 1 ? "class '" + classes.get(0) + "'" : "each of " + classes.size() + " classes")
                + " from " + model + ", seed " + seed + modelNow();
    }

    /**
     * @return "" when the model file at {@link #model} still has the recorded SHA-256 (or none is recorded), else
     *     what became of it: "; that file has changed since (SHA-256 … then)" or "; that file is gone"
     */
    String modelNow() {
        if (modelSha256.isEmpty() || model.isEmpty()) {
            return "";
        }
        try {
            Path file = Path.of(model);
            if (!Files.isRegularFile(file)) {
                return "; that file is gone";
            }
            return dev.augment.io.FileDigest.sha256(file).equals(modelSha256) ? "" : "; that file has changed "
                    + "since (SHA-256 " + modelSha256.substring(0, Math.min(16, modelSha256.length())) + "… then), so "
                    + "it is not the model that wrote them";
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
