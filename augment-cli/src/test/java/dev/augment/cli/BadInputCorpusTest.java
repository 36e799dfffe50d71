package dev.augment.cli;

import dev.augment.onnx.GeneratorContract;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bad-input corpus of the command line (issue 13): corrupt, truncated, empty and non-generator ONNX
 * files, broken metadata, bad class-name files, broken IDX pairs and image folders, bad counts, outputs
 * that exist or cannot be written, unknown trainers, scenarios, architectures, devices and oversampling
 * policies, negative epochs.
 *
 * <p>Every case runs the real CLI in-process and asserts the documented exit code, an error of exactly one
 * line that starts with {@code augment: }, carries no stack trace and names what is wrong and where, and
 * that the output's parent folder is exactly as it was before the run. The bad files are built in a
 * fresh {@code @TempDir} for each case. {@link AcceptedInputCorpusTest} holds the awkward inputs that
 * must work.
 */
class BadInputCorpusTest {

    /** The checked-in Fashion-MNIST sample (Maven runs tests from the module folder). */
    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    /** A checked-in table sample. */
    private static final String TABLE = Path.of("..", "datasets", "tabular-sample", "glass.csv").toString();

    @TempDir
    Path dir;

    /** Builds a case's files under {@code dir} and returns its arguments; {@code out} is the output path. */
    @FunctionalInterface
    interface Setup {
        String[] args(Path dir, Path out) throws IOException;
    }

    /**
     * @param setup the files and arguments
     * @param exitCode the documented exit code
     * @param mentions what the one-line message must contain (what is wrong, and where)
     */
    record Case(Setup setup, int exitCode, List<String> mentions, String knownIssue) {

        /** @return this case, skipped with the reason until the issue is fixed elsewhere */
        Case knownIssue(String reason) {
            return new Case(setup, exitCode, mentions, reason);
        }
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        // ---- generator files: generate, inspect, score ----
        add(cases, "generate: model file missing", (d, out) -> generate(d.resolve("nope.onnx"), out),
                3, "nope.onnx", "not found");
        add(cases, "generate: model file empty", (d, out) -> generate(Files.write(d.resolve("empty.onnx"), new byte[0]), out),
                3, "empty.onnx");
        add(cases, "generate: model file corrupt", (d, out) -> generate(Files.write(d.resolve("corrupt.onnx"),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), out), 3, "corrupt.onnx", "not a valid ONNX model");
        add(cases, "generate: model file truncated", (d, out) -> generate(BadFiles.truncated(BadFiles.model(d), 0.5,
                d.resolve("half.onnx")), out), 3, "half.onnx");
        add(cases, "generate: model is a folder", (d, out) -> generate(Files.createDirectory(d.resolve("folder.onnx")), out),
                3, "folder.onnx");
        add(cases, "generate: valid ONNX but not a generator", (d, out) -> generate(BadFiles.nonGenerator(
                d.resolve("identity.onnx")), out), 3, "identity.onnx", "augment.contract_version");
        add(cases, "generate: metadata missing", (d, out) -> generate(ContractBreakingModels.withoutMetadata(
                BadFiles.model(d), d.resolve("plain.onnx")), out), 3, "plain.onnx", "augment.contract_version");
        add(cases, "generate: schema metadata missing", (d, out) -> generate(BadFiles.withMetadata(BadFiles.model(d),
                GeneratorContract.KEY_SCHEMA, null, d.resolve("noschema.onnx")), out), 3, "noschema.onnx", "augment.schema");
        add(cases, "generate: schema metadata not JSON", (d, out) -> generate(BadFiles.withMetadata(BadFiles.model(d),
                GeneratorContract.KEY_SCHEMA, "{not json", d.resolve("badjson.onnx")), out), 3, "badjson.onnx", "augment.schema");
        add(cases, "generate: schema metadata of the wrong shape", (d, out) -> generate(BadFiles.withMetadata(
                BadFiles.model(d), GeneratorContract.KEY_SCHEMA, "{\"version\": 1}", d.resolve("emptyschema.onnx")), out),
                3, "emptyschema.onnx");
        add(cases, "generate: unsupported contract version", (d, out) -> generate(BadFiles.withMetadata(
                BadFiles.model(d), GeneratorContract.KEY_CONTRACT, "99", d.resolve("future.onnx")), out),
                3, "future.onnx", "99");
        add(cases, "generate: latent size not a number", (d, out) -> generate(BadFiles.withMetadata(BadFiles.model(d),
                GeneratorContract.KEY_LATENT_DIM, "many", d.resolve("latent.onnx")), out), 3, "latent.onnx",
                GeneratorContract.KEY_LATENT_DIM);
        add(cases, "generate: latent size disagrees with the graph", (d, out) -> generate(BadFiles.withMetadata(
                BadFiles.model(d), GeneratorContract.KEY_LATENT_DIM, "5", d.resolve("latent5.onnx")), out), 3, "latent5.onnx");
        add(cases, "generate: input renamed", (d, out) -> generate(ContractBreakingModels.withRenamedInput(
                BadFiles.model(d), d.resolve("renamed.onnx")), out), 3, "renamed.onnx", "breaks the generator contract");
        add(cases, "generate: a weight damaged after export", (d, out) -> generate(BadFiles.withFlippedWeight(
                BadFiles.model(d), d.resolve("flipped.onnx")), out), 3, "flipped.onnx", "damaged");
        add(cases, "inspect: a weight damaged after export", (d, out) -> new String[] {"inspect", "--model",
                BadFiles.withFlippedWeight(BadFiles.model(d), d.resolve("flipped.onnx")).toString()}, 3,
                "flipped.onnx", "damaged");
        add(cases, "generate: model is a device that never ends", (d, out) -> generate(Path.of("/dev/zero"), out), 3,
                "/dev/zero", "not a regular file");
        add(cases, "inspect: model file corrupt", (d, out) -> new String[] {"inspect", "--model",
                Files.write(d.resolve("corrupt.onnx"), new byte[] {9, 9, 9}).toString()}, 3, "corrupt.onnx");
        add(cases, "inspect: model file empty", (d, out) -> new String[] {"inspect", "--model",
                Files.write(d.resolve("empty.onnx"), new byte[0]).toString()}, 3, "empty.onnx");
        add(cases, "score: model file missing", (d, out) -> new String[] {"score", "--data", SAMPLE, "--model",
                d.resolve("nope.onnx").toString()}, 3, "nope.onnx", "not found");
        add(cases, "score: model without metadata", (d, out) -> new String[] {"score", "--data", SAMPLE, "--model",
                ContractBreakingModels.withoutMetadata(BadFiles.model(d), d.resolve("plain.onnx")).toString()},
                3, "plain.onnx");

        // ---- class names ----
        add(cases, "generate: unknown class", (d, out) -> generate(BadFiles.model(d), out, "--class", "sandal"),
                2, "--class", "'sandal'");
        add(cases, "generate: empty class", (d, out) -> generate(BadFiles.model(d), out, "--class", ""),
                2, "--class");
        add(cases, "generate: a comma alone names no class", (d, out) -> generate(BadFiles.model(d), out,
                "--class", ","), 2, "--class names no class");
        add(cases, "generate: commas alone, default model", (d, out) -> new String[] {"generate", "--class",
                ",,", "--n", "1", "--out", out.toString()}, 2, "--class names no class");
        add(cases, "generate: a trailing comma in a class list", (d, out) -> generate(BadFiles.model(d), out,
                "--class", "sneaker,"), 2, "--class 'sneaker,' ends with an empty entry");
        add(cases, "generate: a value of commas beside another --class", (d, out) -> generate(BadFiles.model(d), out,
                "--class", "0", "--class", ",,"), 2, "--class ',,' names nothing");
        add(cases, "evaluate: a trailing comma in --minority", (d, out) -> new String[] {"evaluate", "--train", SAMPLE,
                "--test", SAMPLE, "--scenario", "imbalanced", "--minority", "0,2,", "--out", out.toString()}, 2,
                "--minority '0,2,' ends with an empty entry");
        add(cases, "generate: class index out of range", (d, out) -> generate(BadFiles.model(d), out, "--class", "7"),
                2, "--class", "'7'");
        add(cases, "train: names file missing", (d, out) -> train(SAMPLE, out, "--names", d.resolve("names.txt").toString()),
                3, "names.txt", "not found");
        add(cases, "train: names file empty", (d, out) -> train(SAMPLE, out, "--names",
                Files.writeString(d.resolve("names.txt"), "\n\n").toString()), 3, "names.txt", "no names");
        add(cases, "train: names file with an empty line (one name short)", (d, out) -> train(SAMPLE, out, "--names",
                Files.writeString(d.resolve("names.txt"), "a\nb\nc\n\nd\ne\nf\ng\nh\ni\n").toString()),
                3, "names.txt", "9 class names", "10 classes");
        add(cases, "train: names file with too many names", (d, out) -> train(SAMPLE, out, "--names",
                Files.writeString(d.resolve("names.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n").toString()),
                3, "names.txt", "11 class names");
        add(cases, "train: names file not UTF-8", (d, out) -> train(SAMPLE, out, "--names",
                Files.write(d.resolve("names.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'}).toString()),
                3, "names.txt", "UTF-8");
        add(cases, "train: built-in names list of the wrong size", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 4, 4);
            BadFiles.png(d.resolve("images/b/1.png"), 4, 4);
            return train(d.resolve("images").toString(), out, "--names", "cifar10");
        }, 2, "--names", "'cifar10'", "2 classes");

        // ---- IDX data ----
        add(cases, "train: data folder missing", (d, out) -> train(d.resolve("nowhere").toString(), out),
                3, "nowhere", "not found");
        add(cases, "train: data folder empty", (d, out) -> train(Files.createDirectory(d.resolve("empty")).toString(), out),
                3, "empty", "no data set");
        add(cases, "train: IDX images with a wrong magic number", (d, out) -> train(BadFiles.idxFolder(d.resolve("idx"),
                BadFiles.idxImages(0x12345678, 4), BadFiles.idxLabels(4), false).toString(), out),
                3, "train-images-idx3-ubyte", "magic");
        add(cases, "train: IDX labels with an images header", (d, out) -> train(BadFiles.idxFolder(d.resolve("idx"),
                BadFiles.idxImages(0x00000803, 4), BadFiles.idx(0x00000803, new int[] {4}, new byte[4]), false)
                .toString(), out), 3, "train-labels-idx1-ubyte", "1-dimensional");
        add(cases, "train: IDX labels with a wrong magic number", (d, out) -> train(BadFiles.idxFolder(d.resolve("idx"),
                BadFiles.idxImages(0x00000803, 4), BadFiles.idx(0x7F000801, new int[] {4}, new byte[4]), false)
                .toString(), out), 3, "train-labels-idx1-ubyte", "magic");
        add(cases, "train: IDX image and label counts disagree", (d, out) -> train(BadFiles.idxFolder(d.resolve("idx"),
                BadFiles.idxImages(0x00000803, 4), BadFiles.idxLabels(5), false).toString(), out),
                3, "idx", "4", "5");
        add(cases, "train: IDX images truncated", (d, out) -> train(BadFiles.idxFolder(d.resolve("idx"),
                java.util.Arrays.copyOf(BadFiles.idxImages(0x00000803, 4), 40), BadFiles.idxLabels(4), false)
                .toString(), out), 3, "train-images-idx3-ubyte", "truncated");
        add(cases, "train: IDX gzip truncated", (d, out) -> {
            Path folder = BadFiles.idxFolder(d.resolve("idx"), BadFiles.idxImages(0x00000803, 40), BadFiles.idxLabels(40),
                    true);
            Path images = folder.resolve("train-images-idx3-ubyte.gz");
            byte[] gz = Files.readAllBytes(images);
            Files.write(images, java.util.Arrays.copyOf(gz, gz.length / 2));
            return train(folder.toString(), out);
        }, 3, "train-images-idx3-ubyte.gz", "truncated");
        add(cases, "train: IDX labels file missing", (d, out) -> {
            Path folder = BadFiles.idxFolder(d.resolve("idx"), BadFiles.idxImages(0x00000803, 4), BadFiles.idxLabels(4),
                    false);
            Files.delete(folder.resolve("train-labels-idx1-ubyte"));
            return train(folder.toString(), out);
        }, 3, "idx");
        add(cases, "score: a model that never learned a class, on data without it", (d, out) -> {
            Path folder = labelGapFolder(d.resolve("gap"), 60);
            Path model = d.resolve("gap.onnx");
            CliRun trained = CliRun.of("train", "--data", folder.toString(), "--out", model.toString(), "--epochs",
                    "1", "--check-samples", "0", "--batch-size", "8", "--allow-empty-classes");
            assertEquals(0, trained.exitCode(), trained.err());
            dev.augment.io.AtomicFiles.deleteTree(d.resolve("gap.onnx.training"));
            return new String[] {"score", "--data", folder.toString(), "--model", model.toString(), "--samples",
                    "10"};
        }, 3, "class '2' has no examples here", "never learned it", "relabel the data without the empty class");
        add(cases, "evaluate: IDX labels with a gap (class 2 has no example)", (d, out) -> {
            Path folder = labelGapFolder(d.resolve("idx"), 30);
            return new String[] {"evaluate", "--train", folder.toString(), "--test", folder.toString(), "--out",
                    out.toString(), "--seeds", "1", "--gan-epochs", "1"};
        }, 3, "class '2' (index 2) has no training examples");

        // ---- image folders ----
        add(cases, "train: image folder with mixed sizes", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 4, 4);
            BadFiles.png(d.resolve("images/b/1.png"), 5, 4);
            return train(d.resolve("images").toString(), out);
        }, 3, "1.png", "5x4");
        add(cases, "train: image folder with a non-image .png", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 4, 4);
            Files.writeString(BadFiles.png(d.resolve("images/b/1.png"), 4, 4).resolveSibling("2.png"), "not an image");
            return train(d.resolve("images").toString(), out);
        }, 3, "2.png", "unreadable image");
        add(cases, "train: image folder with a zero-byte .png", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 4, 4);
            Files.write(BadFiles.png(d.resolve("images/b/1.png"), 4, 4).resolveSibling("0.png"), new byte[0]);
            return train(d.resolve("images").toString(), out);
        }, 3, "0.png", "empty file (0 bytes)");
        add(cases, "train: image folder with a class folder linked to nothing", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 4, 4);
            BadFiles.png(d.resolve("images/b/1.png"), 4, 4);
            Files.createSymbolicLink(d.resolve("images/horse"), d.resolve("unmounted/horse"));
            return train(d.resolve("images").toString(), out);
        }, 3, "horse", "which does not exist");
        add(cases, "train: images too large for any GAN network", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 1024, 1024);
            BadFiles.png(d.resolve("images/b/1.png"), 1024, 1024);
            return train(d.resolve("images").toString(), out);
        }, 2, "1,048,576 features", "resize the images");
        add(cases, "evaluate: class folders spelled in NFC for training and NFD for testing", (d, out) -> {
            for (String split : List.of("train", "test")) {
                String cafe = java.text.Normalizer.normalize("caf\u00e9", split.equals("train")
                        ? java.text.Normalizer.Form.NFC : java.text.Normalizer.Form.NFD);
                BadFiles.png(d.resolve(split + "/" + cafe + "/1.png"), 4, 4, 100);
                BadFiles.png(d.resolve(split + "/bar/1.png"), 4, 4, 200);
            }
            return new String[] {"evaluate", "--train", d.resolve("train").toString(), "--test",
                    d.resolve("test").toString(), "--out", out.toString(), "--seeds", "1", "--gan-epochs", "1"};
        }, 3, "spelled with different Unicode characters", "NFD");
        add(cases, "score: test folders with other classes than the training folders", (d, out) -> {
            for (String folder : List.of("train/bar", "train/cafe", "test/aardvark", "test/bar")) {
                BadFiles.png(d.resolve("data/" + folder + "/1.png"), 4, 4, 10 + folder.length());
            }
            return new String[] {"score", "--data", d.resolve("data").toString(), "--model",
                    BadFiles.model(d).toString(), "--samples", "10"};
        }, 3, "test data has classes [aardvark, bar]", "[bar, cafe]");
        add(cases, "score: a one-class model, whose classes the judge cannot tell apart", (d, out) -> {
            for (String folder : List.of("train/frog", "test/frog")) {
                BadFiles.png(d.resolve("data/" + folder + "/1.png"), 4, 4);
            }
            Path model = TestModels.write(d.resolve("one.onnx"), TestModels.imageSchema(List.of("frog"), 4));
            return new String[] {"score", "--data", d.resolve("data").toString(), "--model", model.toString(),
                    "--samples", "10"};
        }, 3, "generates one class ('frog')", "at least two");
        add(cases, "train: check against test folders with other classes", (d, out) -> {
            for (String folder : List.of("train/bar", "train/cafe", "test/aardvark", "test/bar")) {
                for (int i = 0; i < 12; i++) {
                    BadFiles.png(d.resolve("data/" + folder + "/" + i + ".png"), 4, 4);
                }
            }
            return train(d.resolve("data").toString(), out, "--check-samples", "10", "--validation-share", "0",
                    "--batch-size", "8");
        }, 3, "test data has classes [aardvark, bar]");
        add(cases, "train: image folder with an empty class", (d, out) -> {
            BadFiles.png(d.resolve("images/a/1.png"), 4, 4);
            Files.createDirectories(d.resolve("images/b"));
            return train(d.resolve("images").toString(), out);
        }, 3, "b", "empty class folder");

        // ---- counts ----
        add(cases, "generate: --n 0", (d, out) -> generate(BadFiles.model(d), out, "--n", "0"), 2, "--n", "was 0");
        add(cases, "generate: --n negative", (d, out) -> generate(BadFiles.model(d), out, "--n", "-3"), 2, "--n", "was -3");
        add(cases, "generate: --n beyond a long", (d, out) -> generate(BadFiles.model(d), out, "--n",
                "99999999999999999999"), 2, "--n", "99999999999999999999");
        add(cases, "generate: --n with a fraction", (d, out) -> generate(BadFiles.model(d), out, "--n", "1.5"), 2,
                "--n", "'1.5' is not a whole number");
        add(cases, "generate: --n with a huge exponent", (d, out) -> generate(BadFiles.model(d), out, "--n",
                "1e999999999"), 2, "--n", "'1e999999999' is too large");
        add(cases, "generate: --n non-numeric", (d, out) -> generate(BadFiles.model(d), out, "--n", "ten"), 2, "--n", "ten");
        add(cases, "generate: --n times classes overflows", (d, out) -> generate(BadFiles.model(d), out, "--class", "all",
                "--n", Long.toString(Long.MAX_VALUE / 2)), 2, "--n");
        add(cases, "generate: --n beyond what IDX can hold", (d, out) -> generate(BadFiles.model(d), out, "--format", "idx",
                "--n", "3000000000"), 2, "--n");
        add(cases, "generate: --batch-size 0", (d, out) -> generate(BadFiles.model(d), out, "--batch-size", "0"),
                2, "--batch-size");
        add(cases, "train: --epochs negative", (d, out) -> train(SAMPLE, out, "--epochs", "-1"), 2, "--epochs", "-1");
        add(cases, "train: --epochs 0", (d, out) -> train(SAMPLE, out, "--epochs", "0"), 2, "--epochs");
        add(cases, "train: --batch-size 0", (d, out) -> train(SAMPLE, out, "--batch-size", "0"), 2, "--batch-size");
        add(cases, "train: --conv-width not a multiple of 4", (d, out) -> train(SAMPLE, out, "--arch", "conv",
                "--conv-width", "10"), 2, "--conv-width", "multiple of 4", "was 10");
        add(cases, "train: --conv-width below 8", (d, out) -> train(SAMPLE, out, "--arch", "conv", "--conv-width", "4"),
                2, "--conv-width", "from 8 to 1024", "was 4");
        add(cases, "train: --conv-width with the MLP", (d, out) -> train(SAMPLE, out, "--conv-width", "16"),
                2, "--conv-width is read only by --arch conv", "leave it out or add --arch conv");
        add(cases, "train: --conv-width with --arch mlp given", (d, out) -> train(SAMPLE, out, "--arch", "mlp",
                "--conv-width", "16"), 2, "leave it out or change --arch mlp to --arch conv");
        add(cases, "train: --validation-share without the quality check", (d, out) -> train(SAMPLE, out,
                "--validation-share", "0.2"), 2, "--validation-share", "--check-samples 0 turns off");
        add(cases, "train: --check-samples below 10", (d, out) -> train(SAMPLE, out, "--check-samples", "5"),
                2, "--check-samples", "5");
        add(cases, "score: --samples 0", (d, out) -> new String[] {"score", "--data", SAMPLE, "--model",
                BadFiles.model(d).toString(), "--samples", "0"}, 2, "--samples");
        add(cases, "evaluate: --seeds 0", (d, out) -> evaluate(out, "--seeds", "0"), 2, "--seeds");
        add(cases, "evaluate: a table's --test-share leaving the GAN too few rows", (d, out) -> {
            StringBuilder csv = new StringBuilder("x,z,y\n");
            for (int i = 0; i < 24; i++) {
                csv.append(i).append(',').append(i % 7).append(',').append("abc".charAt(i % 3)).append('\n');
            }
            Path table = Files.writeString(d.resolve("t.csv"), csv);
            return new String[] {"evaluate", "--data", table.toString(), "--label", "y", "--test-share", "0.99",
                    "--seeds", "1", "--out", out.toString()};
        }, 2, "--test-share 0.99 leaves 3 training rows of 24", "use a smaller --test-share");
        add(cases, "evaluate: --seeds 2000000000", (d, out) -> evaluate(out, "--seeds", "2000000000"), 2,
                "--seeds must be at most 10000");
        add(cases, "evaluate: --data an image folder", (d, out) -> new String[] {"evaluate", "--data", SAMPLE,
                "--out", out.toString()}, 2, "--data takes a CSV table", "--train and --test");
        add(cases, "score: --names that call the model's classes otherwise", (d, out) -> new String[] {"score",
                "--data", SAMPLE, "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(), "--names",
                Files.writeString(d.resolve("names.txt"), "cap\nhat\nsock\nboot\nbelt\nscarf\nglove\nshoe\n"
                        + "bag\ncoat\n").toString(), "--samples", "10"}, 3, "'T-shirt/top'", "'cap'", "--names");
        // another data set's names, of another image shape (CIFAR-10's on Fashion-MNIST: a fresh user, 6 Dec)
        add(cases, "score: --names of another data set's images", (d, out) -> new String[] {"score",
                "--data", SAMPLE, "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(), "--names",
                "cifar10", "--samples", "10"}, 2, "--names cifar10 names the classes of CIFAR-10");

        // ---- outputs ----
        add(cases, "generate: output folder exists", (d, out) -> {
            Files.writeString(Files.createDirectory(out).resolve("samples.csv"), "an earlier output's");
            return generate(BadFiles.model(d), out);
        }, 2, "out", "--force");
        add(cases, "generate: output folder of the user's own files", (d, out) -> {
            Files.writeString(Files.createDirectory(out).resolve("keep.txt"), "mine");
            return generate(BadFiles.model(d), out);
        }, 2, "out", "holds 'keep.txt', which augment does not write");
        add(cases, "generate: output '-', standard output elsewhere (made a folder named -)", (d, out) -> generate(
                BadFiles.model(d), Path.of("-")), 2,
                "--out - : augment writes folders and files, not to standard output");
        add(cases, "train: output '-' is named as the model file it is (was advised --out out)", (d, out) -> train(
                SAMPLE, Path.of("-")), 2, "name the model file to write, e.g. --out model.onnx");
        add(cases, "generate: output is a file", (d, out) -> {
            Files.writeString(out, "mine");
            return generate(BadFiles.model(d), out);
        }, 2, "out", "is a file, not an output folder, and is never replaced, even when forced");
        add(cases, "generate: output under a file", (d, out) -> {
            Files.writeString(out, "mine");
            return generate(BadFiles.model(d), out.resolve("sub"));
        }, 2, "out");
        // a usage error naming --out, not a bug's exit 1 naming a hidden temporary folder (a fresh user, 6 Dec)
        add(cases, "generate: output in a folder nobody may write (/proc)", (d, out) -> generate(BadFiles.model(d),
                Path.of("/proc/augment-corpus-out")), 2, "--out /proc/augment-corpus-out", "does not let a folder be "
                + "created in it");
        // --out=~/m.onnx: the shell leaves ~ alone after '=', and a folder named ~ was made here (a fresh user, 6 Dec)
        add(cases, "train: a ~ the shell did not expand", (d, out) -> train(SAMPLE, Path.of("~/augment-corpus.onnx")),
                2, "--out ~/augment-corpus.onnx starts with a ~ the shell did not expand", "--out=$HOME/augment-corpus"
                + ".onnx");
        add(cases, "oversample: a names file with a ~ the shell did not expand", (d, out) -> new String[] {
                "oversample", "--data", SAMPLE, "--names=~alice/n.txt", "--policy", "ros", "--out", out.toString()},
                2, "--names ~alice/n.txt starts with a ~", "--names=/home/alice/n.txt");
        add(cases, "generate: a model path with a ~ the shell did not expand", (d, out) -> new String[] {"generate",
                "--model", "~/m.onnx", "--class", "a", "--n", "1", "--out", out.toString()}, 2, "--model ~/m.onnx "
                + "starts with a ~");
        // found before training, not at its export after every step
        add(cases, "train: model in a folder nobody may write (/proc)", (d, out) -> train(SAMPLE,
                Path.of("/proc/augment-corpus.onnx")), 2, "--out /proc/augment-corpus.onnx", "is not writable");
        add(cases, "train: output file exists", (d, out) -> {
            Files.writeString(out, "mine");
            return train(SAMPLE, out);
        }, 2, "out", "--force");
        add(cases, "train: output under a file", (d, out) -> {
            Files.writeString(out, "mine");
            return train(SAMPLE, out.resolve("m.onnx"));
        }, 2, "out");
        add(cases, "evaluate: output folder exists", (d, out) -> {
            Files.createDirectory(out);
            return evaluate(out);
        }, 2, "out", "--force");

        // ---- unknown names of things ----
        add(cases, "generate: unknown format", (d, out) -> generate(BadFiles.model(d), out, "--format", "bmp"),
                2, "--format", "bmp");
        add(cases, "generate: unknown device", (d, out) -> generate(BadFiles.model(d), out, "--device", "tpu"),
                2, "--device", "tpu");
        add(cases, "generate: CUDA on the CPU build", (d, out) -> generate(BadFiles.model(d), out, "--device", "cuda"),
                2, "--device cuda needs", "CUDA 12", "use cpu");
        add(cases, "train: unknown architecture", (d, out) -> train(SAMPLE, out, "--arch", "rnn"), 2, "--arch", "rnn");
        add(cases, "evaluate: unknown trainer", (d, out) -> evaluate(out, "--trainer", "svm"), 2, "--trainer", "svm");
        add(cases, "evaluate: trainer configuration file missing", (d, out) -> evaluate(out, "--trainer",
                "config:" + d.resolve("trainer.xml")), 3, "trainer.xml");
        add(cases, "evaluate: unknown scenario", (d, out) -> evaluate(out, "--scenario", "balanced"),
                2, "--scenario", "balanced");
        add(cases, "evaluate: unknown GAN architecture", (d, out) -> evaluate(out, "--gan-arch", "rnn"),
                2, "--gan-arch", "rnn");
        add(cases, "evaluate: imbalanced without minority classes", (d, out) -> evaluate(out, "--scenario", "imbalanced"),
                2, "--minority");
        add(cases, "evaluate: --minority without --scenario imbalanced", (d, out) -> evaluate(out, "--minority", "0,2",
                "--share", "0.05"), 2, "--minority applies to --scenario imbalanced only", "as-is (the default)");
        add(cases, "evaluate: --per-class with --scenario imbalanced", (d, out) -> evaluate(out, "--scenario",
                "imbalanced", "--minority", "0", "--per-class", "5"), 2, "--per-class applies to --scenario low-data",
                // "add --scenario low-data" to a run that gave one was a duplicate option (a fresh user, 7 Dec)
                "; change it to --scenario low-data or leave --per-class out");
        add(cases, "oversample: a negative count", (d, out) -> new String[] {"oversample", "--data", SAMPLE,
                "--policy", "ros", "--counts", "sneaker=-1", "--out", out.toString()}, 2,
                "--counts sneaker=-1: the count must not be negative");
        add(cases, "oversample: a method other than ros or smote as --baseline", (d, out) -> new String[] {
                "oversample", "--data", SAMPLE, "--policy", "hybrid", "--baseline", "gan", "--counts", "0=2",
                "--out", out.toString()}, 2, "--baseline (the non-generative part of hybrid and mix) must be ros or "
                + "smote, was 'gan'");
        add(cases, "evaluate: --minority of commas alone", (d, out) -> evaluate(out, "--scenario", "imbalanced",
                "--minority", ","), 2, "--minority names no class");
        add(cases, "evaluate: low-data without --per-class", (d, out) -> evaluate(out, "--scenario", "low-data"), 2,
                "--scenario low-data needs --per-class N");
        add(cases, "generate: an empty --out", (d, out) -> new String[] {"generate", "--model",
                BadFiles.model(d).toString(), "--class", "0", "--n", "2", "--out", ""}, 2, "--out is empty");
        // an empty path is the current folder to Java: it failed as ": cannot read model file (Is a directory)", exit 3
        add(cases, "inspect: an empty --model", (d, out) -> new String[] {"inspect", "--model", ""}, 2,
                "--model is empty");
        add(cases, "train: an empty --data", (d, out) -> new String[] {"train", "--data", "", "--out",
                out.resolve("m.onnx").toString()}, 2, "--data is empty");
        // "--label is required", where every other empty option says it is empty (a fresh user, 6 Dec)
        add(cases, "oversample: an empty --label", (d, out) -> new String[] {"oversample", "--data",
                Path.of("..", "datasets", "tabular-sample", "glass.csv").toString(), "--label", "", "--policy", "ros",
                "--out", out.resolve("o").toString()}, 2, "--label is empty; name the class column");
        add(cases, "generate: --out in a folder that does not exist", (d, out) -> generate(BadFiles.model(d),
                d.resolve("missing").resolve("out")), 2, "does not exist; create it (mkdir -p ", "missing");
        add(cases, "evaluate: --out in a file", (d, out) -> evaluate(Files.writeString(d.resolve("a-file"), "kept")
                .resolve("out")), 2, "a-file is a file, not a folder; choose another");
        add(cases, "oversample: --out two folders under a file", (d, out) -> new String[] {"oversample", "--data",
                SAMPLE, "--policy", "ros", "--out", Files.writeString(d.resolve("a-file"), "kept").resolve("sub")
                .resolve("out").toString()}, 2, "does not exist and cannot be made", "a-file is a file, not a folder");
        add(cases, "train on a table: --out two folders under a file", (d, out) -> new String[] {"train", "--data",
                TABLE, "--label", "Type", "--steps", "2", "--out", Files.writeString(d.resolve("a-file"), "kept")
                .resolve("sub").resolve("m.onnx").toString()}, 2, "a-file is a file, not a folder");
        // the trainer refused it only after the quality check's judge had trained (a fresh user, 6 Dec)
        add(cases, "train: a negative --check-every", (d, out) -> new String[] {"train", "--data", SAMPLE,
                "--check-every", "-1", "--steps", "2", "--out", out.toString()}, 2,
                "--check-every must be 0 (the default) or positive, was -1");
        // on a table it is refused as an option a table never reads, not told values the table refuses too (7 Dec)
        add(cases, "train on a table: a negative --check-every", (d, out) -> new String[] {"train", "--data", TABLE,
                "--label", "Type", "--check-every", "-1", "--steps", "2", "--out", out.toString()}, 2,
                "--check-every applies to image data only");
        add(cases, "train on a table: a label copied with a CRLF header's carriage return", (d, out) -> new String[] {
                "train", "--data", TABLE, "--label", "Type\r", "--steps", "2", "--out", out.toString()}, 2,
                "'Type\\r'", "give it as 'Type'");
        add(cases, "train on a table: a label with a line break", (d, out) -> new String[] {
                "train", "--data", TABLE, "--label", "Type\n", "--steps", "2", "--out", out.toString()}, 2,
                "'Type\\n'", "give it as 'Type'");
        add(cases, "train on a table: a missing marker that is a number", (d, out) -> new String[] {
                "train", "--data", TABLE, "--label", "Type", "--missing", "0", "--steps", "2", "--out",
                out.toString()}, 2, "'0' is a number to Tribuo's CSV reader");
        add(cases, "train on a table: NaN as the missing marker", (d, out) -> new String[] {
                "train", "--data", TABLE, "--label", "Type", "--missing", "NaN", "--steps", "2", "--out",
                out.toString()}, 2, "'NaN' is a number to Tribuo's CSV reader");
        add(cases, "evaluate: train's name of a table GAN option", (d, out) -> new String[] {"evaluate", "--data",
                TABLE, "--label", "Type", "--pac", "2", "--out", out.toString()}, 2, "'--pac'",
                "did you mean --gan-pac?");
        add(cases, "evaluate: unknown subcommand option", (d, out) -> evaluate(out, "--seed-count", "3"),
                2, "--seed-count");
        add(cases, "generate: a mistyped required option (--N for --n)", (d, out) -> new String[] {"generate",
                "--model", BadFiles.model(d).toString(), "--class", "0", "--N", "2", "--out", out.toString()}, 2,
                "Unknown option: '--N'; did you mean --n?");
        // pasted through a tool that made -- a dash: "Missing required option '--n'" the user could see (6 Dec)
        add(cases, "generate: a required option typed with an em dash", (d, out) -> new String[] {"generate",
                "--model", BadFiles.model(d).toString(), "--class", "0", "\u2014n", "2", "--out", out.toString()}, 2,
                "'\u2014n' starts with em dash (U+2014), not two hyphens", "did you mean --n?");
        // a Latin-1 folder name reaches Java as U+FFFD: "data not found" for a folder the user could list (6 Dec)
        add(cases, "oversample: a data path with bytes that are not UTF-8", (d, out) -> new String[] {"oversample",
                "--data", d.resolve("caf\uFFFD").resolve("data").toString(), "--policy", "ros", "--out",
                out.toString()}, 2, "holds bytes that are not UTF-8", "rename that folder or file to UTF-8");
        // a gap mark that is a dash, as an option's value, took over every other usage error (a re-check, 6 Dec)
        add(cases, "oversample: a typo beside a dash as the missing marker", (d, out) -> new String[] {"oversample",
                "--data", TABLE, "--label", "Type", "--missing", "\u2014", "--polcy", "ros", "--out",
                out.toString()}, 2, "Unknown option: '--polcy'; did you mean --policy?");
        // spark-generate's --format (Parquet only) was asked "did you mean --force?" (a fresh user, 6 Dec)
        add(cases, "inspect: another command's option", (d, out) -> new String[] {"inspect", "--model",
                BadFiles.model(d).toString(), "--format", "csv"}, 2, "'--format'",
                "; --format is an option of generate and oversample, not of inspect");
        // a class folder named --n: the refusal said nothing of the quoted form that works (6 Dec)
        add(cases, "generate: a class named like an option", (d, out) -> new String[] {"generate", "--model",
                BadFiles.model(d).toString(), "--class=--n", "--n", "2", "--out", out.toString()}, 2,
                "Expected parameter for option '--class' but found '--n'; a class named like an option is given "
                + "in double quotes inside the value, e.g. --class '\"--n\"', or by its index");
        add(cases, "generate: a required option after '--' only", (d, out) -> new String[] {"generate", "--model",
                BadFiles.model(d).toString(), "--class", "0", "--out", out.toString(), "--", "--n", "2"}, 2,
                "'--n' comes after '--', which ends the options");
        add(cases, "generate: an option after '--'", (d, out) -> new String[] {"generate", "--model",
                BadFiles.model(d).toString(), "--class", "0", "--n", "2", "--out", out.toString(), "--", "--n"}, 2,
                "'--n' comes after '--', which ends the options, so it is read as no option; remove the '--'");
        add(cases, "generate: an optional option typed with an en dash", (d, out) -> new String[] {"generate",
                "--model", BadFiles.model(d).toString(), "--class", "0", "--n", "2", "--out", out.toString(),
                "\u2013force"}, 2, "'\u2013force' starts with en dash (U+2013)", "did you mean --force?");
        add(cases, "oversample: data past the model's value range (another scale)", (d, out) -> {
            Path model = TestModels.write(d.resolve("g255.onnx"), TestModels.imageSchema(List.of("a", "b", "c"), 10));
            return new String[] {"oversample", "--data", floatImagesWith300(d) + "," + idxLabels(d, 0, 1, 2, 0, 1, 2),
                    "--policy", "gan", "--model", model.toString(), "--format", "idx", "--out", out.toString()};
        }, 3, "does not match the generator's schema", "has the value 300", "[0, 255]");
        add(cases, "oversample: unknown policy", (d, out) -> oversample(out, "--policy", "adasyn"), 2, "--policy", "adasyn");
        add(cases, "oversample: SMOTE with 0 neighbours", (d, out) -> oversample(out, "--k", "0"), 2, "--k");
        add(cases, "oversample: a generator given to SMOTE", (d, out) -> oversample(out, "--model",
                BadFiles.model(d).toString()), 2, "--model");
        add(cases, "oversample: counts that are not CLASS=N", (d, out) -> oversample(out, "--counts", "sneaker"),
                2, "--counts", "sneaker");
        add(cases, "oversample: data in a corrupt IDX pair", (d, out) -> new String[] {"oversample", "--data",
                BadFiles.idxFolder(d.resolve("idx"), BadFiles.idxImages(0x12345678, 4), BadFiles.idxLabels(4), false)
                        .toString(), "--policy", "ros", "--out", out.toString()}, 3, "train-images-idx3-ubyte", "magic");
        add(cases, "oversample: a model's class spelled NFC, the data's folder NFD", (d, out) -> {
            String cafe = "caf\u00e9";
            BadFiles.png(d.resolve("made/" + cafe + "/1.png"), 4, 4);
            BadFiles.png(d.resolve("made/bar/1.png"), 4, 4);
            Path model = TestModels.write(d.resolve("m.onnx"), dev.augment.data.DataSources.open(d.resolve("made"),
                    dev.augment.data.Split.TRAIN, null).schema());
            BadFiles.png(d.resolve("data/" + java.text.Normalizer.normalize(cafe, java.text.Normalizer.Form.NFD)
                    + "/1.png"), 4, 4);
            BadFiles.png(d.resolve("data/bar/1.png"), 4, 4);
            return new String[] {"oversample", "--data", d.resolve("data").toString(), "--policy", "gan", "--model",
                    model.toString(), "--format", "csv", "--out", out.toString()};
        }, 3, "spelled with different Unicode characters", "rename the data's class folders", "convmv");
        add(cases, "oversample: a model's class spelled NFD, the data's folder NFC", (d, out) -> {
            String cafe = java.text.Normalizer.normalize("caf\u00e9", java.text.Normalizer.Form.NFD);
            BadFiles.png(d.resolve("made/" + cafe + "/1.png"), 4, 4);
            BadFiles.png(d.resolve("made/bar/1.png"), 4, 4);
            Path model = TestModels.write(d.resolve("m.onnx"), dev.augment.data.DataSources.open(d.resolve("made"),
                    dev.augment.data.Split.TRAIN, null).schema());
            BadFiles.png(d.resolve("data/caf\u00e9/1.png"), 4, 4);
            BadFiles.png(d.resolve("data/bar/1.png"), 4, 4);
            return new String[] {"oversample", "--data", d.resolve("data").toString(), "--policy", "gan", "--model",
                    model.toString(), "--format", "csv", "--out", out.toString()};
        }, 3, "spelled with different Unicode characters", "the model's names are the decomposed ones", "--nfd");
        add(cases, "evaluate --model: a model that never learned one of the data's classes", (d, out) -> {
            List<String> folders = List.of("train/ant", "train/bee", "test/ant", "test/bee");
            for (int f = 0; f < folders.size(); f++) {
                for (int i = 0; i < 12; i++) { // distinct images: the test split must not repeat the training one
                    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4,
                            java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                    image.getRaster().setSample(i % 4, i / 4, 0, 10 + 60 * f);
                    Path png = d.resolve("data/" + folders.get(f) + "/" + i + ".png");
                    Files.createDirectories(png.getParent());
                    javax.imageio.ImageIO.write(image, "png", png.toFile());
                }
            }
            Path model = TestModels.write(d.resolve("m.onnx"), dev.augment.data.DataSources.open(d.resolve("data"),
                    dev.augment.data.Split.TRAIN, null).schema().withExamplesPerClass(new long[] {12, 0}));
            return new String[] {"evaluate", "--train", d.resolve("data").toString(), "--test",
                    d.resolve("data").toString(), "--model", model.toString(), "--seeds", "1", "--out",
                    out.toString()};
        }, 2, "never learned class 'bee'", "pass a model trained on every class");
        add(cases, "score: --cnn-steps with the pixel judge that auto picks for grey images", (d, out) ->
                new String[] {"score", "--data", SAMPLE, "--model", Path.of("..", "models", "fashion-mnist.onnx")
                        .toString(), "--cnn-steps", "7"}, 2,
                "--cnn-steps is read only by the cnn judge", "auto picks it for grey images");
        add(cases, "train: --check-cnn-steps with the pixel judge that auto picks for grey images", (d, out) ->
                new String[] {"train", "--data", SAMPLE, "--out", out.resolve("m.onnx").toString(), "--epochs", "1",
                        "--check-cnn-steps", "5"}, 2, "--check-cnn-steps is read only by the cnn judge",
                "--check-classifier cnn");
        add(cases, "train: a learning rate so large that the first step diverges", (d, out) ->
                new String[] {"train", "--data", SAMPLE, "--out", out.resolve("m.onnx").toString(), "--epochs", "1",
                        "--check-samples", "0", "--lr-d", "1e30"}, 1, "training diverged at",
                "no checkpoint was written yet, but a resume repeats the same steps: start again (--force) with a "
                        + "lower learning rate");
        add(cases, "train: a learning rate beyond a float's range", (d, out) ->
                new String[] {"train", "--data", SAMPLE, "--out", out.resolve("m.onnx").toString(), "--lr-g", "1e308"},
                2, "--lr-g", "'1e308' is larger than a float can hold");
        add(cases, "train: a learning rate that rounds to 0 as a float", (d, out) ->
                new String[] {"train", "--data", SAMPLE, "--out", out.resolve("m.onnx").toString(), "--lr-d", "1e-50"},
                2, "--lr-d", "'1e-50' is too close to 0 for a float");
        add(cases, "evaluate: a test share that rounds to 0 as a double", (d, out) ->
                new String[] {"evaluate", "--data", TABLE, "--label", "Type", "--out", out.toString(),
                        "--test-share", "1e-400"}, 2, "--test-share", "too close to 0 for a double");
        add(cases, "generate: schema range bound missing", (d, out) -> generate(BadFiles.withMetadataEdited(
                BadFiles.model(d), GeneratorContract.KEY_SCHEMA, "\"minValue\":", "\"lowest\":", d.resolve("nomin.onnx")),
                out), 3, "nomin.onnx", "'minValue' as a number, was missing");
        add(cases, "inspect: schema version written as a string", (d, out) -> new String[] {"inspect", "--model",
                BadFiles.withMetadataEdited(BadFiles.model(d), GeneratorContract.KEY_SCHEMA, "{\"version\":2",
                        "{\"version\":\"2\"", d.resolve("strver.onnx")).toString()}, 3, "strver.onnx",
                "'version' as a whole number below 2^31, was the string \"2\"");
        add(cases, "generate: --class all on a model that learned no class", (d, out) -> generate(
                BadFiles.withMetadataEdited(BadFiles.model(d), GeneratorContract.KEY_SCHEMA, "\"examplesPerClass\":[]",
                        "\"examplesPerClass\":[0,0,0]", d.resolve("none.onnx")), out, "--class", "all"), 3,
                "none.onnx", "no training examples for any class");
        return cases.stream();
    }

    private static String[] oversample(Path out, String... overrides) {
        return withDefaults(new String[] {"oversample", "--data", SAMPLE, "--out", out.toString()},
                new String[] {"--policy", "smote"}, overrides);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputFailsWithOneLineTheDocumentedCodeAndNothingLeftBehind(Case c) throws IOException {
        assumeTrue(c.knownIssue() == null, () -> "known issue: " + c.knownIssue());
        Path outputs = Files.createDirectory(dir.resolve("outputs"));
        Path out = outputs.resolve("result");
        String[] args = c.setup().args(dir, out);
        TreeMap<String, String> before = snapshot(outputs);

        CliRun run = CliRun.of(args);

        String err = run.err().strip();
        assertEquals(c.exitCode(), run.exitCode(), "exit code; stderr: " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("augment: "), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception:"), "no stack trace: " + err);
        for (String mention : c.mentions()) {
            assertTrue(err.contains(mention), "'" + mention + "' missing from: " + err);
        }
        assertEquals(before, snapshot(outputs), "the output's parent folder changed");
    }

    private static void add(List<Arguments> cases, String name, Setup setup, int exitCode, String... mentions) {
        cases.add(Arguments.of(Named.of(name, new Case(setup, exitCode, List.of(mentions), null))));
    }

    /** Marks the last case added as a known issue: it is skipped with the reason, and counted. */
    private static void knownIssue(List<Arguments> cases, String reason) {
        @SuppressWarnings("unchecked")
        Named<Case> last = (Named<Case>) cases.remove(cases.size() - 1).get()[0];
        cases.add(Arguments.of(Named.of(last.getName(), last.getPayload().knownIssue(reason))));
    }

    /** @return a float32 IDX file of six 10×10 images, pixel 5 of image 4 at 300, the rest within 1..200 */
    private static Path floatImagesWith300(Path dir) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16 + 6 * 100 * 4);
        bytes.putInt(0x00000D03).putInt(6).putInt(10).putInt(10);
        for (int i = 0; i < 6; i++) {
            for (int p = 0; p < 100; p++) {
                bytes.putFloat(i == 4 && p == 5 ? 300f : (i * 100 + p) % 200 + 1);
            }
        }
        return Files.write(dir.resolve("images-idx3-float"), bytes.array());
    }

    /** @return an IDX label file holding the labels */
    /** @return an IDX folder (train and t10k the same) of {@code count} 4×4 images labelled 0, 1, 3: class 2 empty */
    private static Path labelGapFolder(Path dir, int count) throws IOException {
        byte[] labels = new byte[count];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) new int[] {0, 1, 3}[i % 3];
        }
        Path folder = BadFiles.idxFolder(dir, BadFiles.idxImages(0x00000803, count),
                BadFiles.idx(0x00000801, new int[] {count}, labels), false);
        Files.copy(folder.resolve("train-images-idx3-ubyte"), folder.resolve("t10k-images-idx3-ubyte"));
        Files.copy(folder.resolve("train-labels-idx1-ubyte"), folder.resolve("t10k-labels-idx1-ubyte"));
        return folder;
    }

    private static Path idxLabels(Path dir, int... labels) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 + labels.length);
        bytes.putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            bytes.put((byte) label);
        }
        return Files.write(dir.resolve("labels-idx1-ubyte"), bytes.array());
    }

    private static String[] generate(Path model, Path out, String... overrides) {
        return withDefaults(new String[] {"generate", "--model", model.toString(), "--out", out.toString()},
                new String[] {"--class", "0", "--n", "2"}, overrides);
    }

    private static String[] train(String data, Path out, String... overrides) {
        return withDefaults(new String[] {"train", "--data", data, "--out", out.toString()},
                new String[] {"--epochs", "1", "--batch-size", "50", "--check-samples", "0"}, overrides);
    }

    private static String[] evaluate(Path out, String... overrides) {
        return withDefaults(new String[] {"evaluate", "--train", SAMPLE, "--test", SAMPLE, "--out", out.toString()},
                new String[] {"--seeds", "1", "--gan-epochs", "1"}, overrides);
    }

    /** The fixed arguments, then each default option unless overridden, then the overrides. */
    private static String[] withDefaults(String[] fixed, String[] defaults, String[] overrides) {
        List<String> args = new ArrayList<>(List.of(fixed));
        List<String> given = List.of(overrides);
        for (int i = 0; i < defaults.length; i += 2) {
            if (!given.contains(defaults[i])) {
                args.add(defaults[i]);
                args.add(defaults[i + 1]);
            }
        }
        args.addAll(given);
        return args.toArray(String[]::new);
    }

    /** Every path under {@code root} with its size (folders: "dir"), so added, removed or changed files show. */
    static TreeMap<String, String> snapshot(Path root) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                entries.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Long.toString(Files.size(p)));
            }
        }
        return entries;
    }
}
