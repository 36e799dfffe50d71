package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code generate} without {@code --model} runs the one shipped model that knows the class, and
 * {@code augment models} lists the shipped models. The shipped models live in a temporary home, named by
 * the same system property {@code ./augment} sets ({@code -Daugment.home}); the suite runs its classes one
 * at a time, and the property is restored after each test.
 */
class ModelLookupTest {

    @TempDir
    Path home;
    Path models;
    Path out;
    private String savedHome;

    @BeforeEach
    void shipTwoModels() throws IOException {
        savedHome = System.getProperty(ModelOption.HOME_PROPERTY);
        System.setProperty(ModelOption.HOME_PROPERTY, home.toString());
        models = Files.createDirectories(home.resolve("models"));
        out = home.resolve("out");
        TestModels.write(models.resolve(ModelOption.DEFAULT_FILE),
                TestModels.imageSchema(List.of("Shirt", "Sneaker", "Bag"), 4));
        TestModels.write(models.resolve("animals.onnx"), TestModels.imageSchema(List.of("cat", "dog", "bird"), 4));
    }

    @AfterEach
    void restoreHome() {
        if (savedHome == null) {
            System.clearProperty(ModelOption.HOME_PROPERTY);
        } else {
            System.setProperty(ModelOption.HOME_PROPERTY, savedHome);
        }
    }

    private CliRun generate(String classes) {
        return CliRun.of("generate", "--class", classes, "--n", "2", "--out", out.toString());
    }

    /** A model as a {@code file:} or {@code hdfs:} URI was "model file not found" (a fresh user, 7 Dec). */
    @Test
    void aModelGivenAsAUriIsToldToGiveAPath() throws IOException {
        Path animals = models.resolve("animals.onnx");
        for (String command : List.of("generate", "inspect")) {
            CliRun file = command.equals("generate") ? CliRun.of("generate", "--model", animals.toUri().toString(),
                    "--class", "dog", "--n", "1", "--out", out.toString())
                    : CliRun.of("inspect", "--model", animals.toUri().toString());
            assertEquals(3, file.exitCode(), file.err());
            assertEquals(1, file.err().lines().count(), file.err());
            assertTrue(file.err().contains("a model is given as a path, not a URI; give " + animals), file.err());
        }
        String sample = Path.of("..", "datasets", "fashion-mnist-sample").toString();
        CliRun evaluate = CliRun.of("evaluate", "--train", sample, "--test", sample, "--model",
                animals.toUri().toString(), "--out", out.toString());
        assertEquals(3, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("a model is given as a path, not a URI"), evaluate.err());
        CliRun hdfs = CliRun.of("inspect", "--model", "hdfs://namenode/m.onnx");
        assertEquals(3, hdfs.exitCode(), hdfs.err());
        assertTrue(hdfs.err().contains("augment: hdfs://namenode/m.onnx: a model is given as a local path, not a URI "
                + "(hdfs:); copy it to this machine first (e.g. hdfs dfs -get)"), hdfs.err());
        // a file: URI's %-escapes are decoded, and a localhost host dropped (a re-check, 7 Dec)
        Path spaced = models.resolve("my animals.onnx");
        Files.copy(animals, spaced);
        for (String uri : List.of(spaced.toUri().toString(), "file://localhost" + spaced.toUri().getRawPath())) {
            CliRun escaped = CliRun.of("inspect", "--model", uri);
            assertEquals(3, escaped.exitCode(), escaped.err());
            assertTrue(escaped.err().endsWith("give '" + spaced + "'" + System.lineSeparator()), escaped.err());
        }
        assertFalse(Files.exists(out));
    }

    /** "using X" and then the refusal of --class dog,dog: two lines for one error (a fresh user, 7 Dec). */
    @Test
    void aRefusedClassListIsOneLineWithoutTheModelsChoice() {
        CliRun run = generate("dog,dog");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("twice"), run.err());
    }

    @Test
    void theOneModelThatKnowsTheClassIsUsedAndNamed() {
        CliRun run = generate("dog");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out.resolve("dog")), "samples of the animals model's class");
        assertTrue(run.err().contains("using " + models.resolve("animals.onnx")), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("using")).count(), run.err());
    }

    /** A latest.onnx link to a shipped model made its classes "known by 2 shipped models" (a fresh user, 7 Dec). */
    @Test
    void aLinkToAShippedModelIsTheModelItself() throws IOException {
        Files.createSymbolicLink(models.resolve("latest.onnx"), Path.of("animals.onnx"));
        CliRun run = generate("dog");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("using " + models.resolve("animals.onnx")), run.err());
        CliRun upper = generate("DOG");
        assertTrue(upper.err().contains("the only shipped model with class 'dog'"), "the class matched, not the "
                + "spelling typed: " + upper.err());
        // a class given twice is refused in one line, without the choice of model before it (fresh users, 7 Dec)
        CliRun twice = generate("dog,DOG");
        assertEquals(2, twice.exitCode(), twice.err());
        assertEquals(List.of("augment: --class names class 'dog' (index 1) twice ('dog' and 'DOG'); give each class "
                + "once"), twice.err().lines().toList());
        TestModels.write(models.resolve("animals-copy.onnx"), TestModels.imageSchema(List.of("cat", "dog", "bird"),
                4));
        CliRun two = generate("dog");
        assertEquals(2, two.exitCode(), "a copy is another file: " + two.err());
    }

    /**
     * The README's --model models/fashion-mnist.onnx, run from another folder, said only "not found" (a fresh user,
     * 6 Dec): the shipped model of that path or name is named, for generate and for the commands of ModelOption.
     */
    @Test
    void aMissingRelativeModelThatIsAShippedOneNamesIt() {
        for (String given : List.of("models/animals.onnx", "animals", "animals.onnx")) {
            CliRun run = CliRun.of("generate", "--model", given, "--class", "cat", "--n", "1", "--out", out.toString());
            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().contains(given + ": model file not found") && run.err().contains("the shipped model "
                    + "of that name is " + models.resolve("animals.onnx") + ": give that path"), run.err());
        }
        CliRun inspect = CliRun.of("inspect", "--model", "models/animals.onnx");
        assertEquals(3, inspect.exitCode(), inspect.err());
        assertTrue(inspect.err().contains("the shipped model of that name is " + models.resolve("animals.onnx")),
                inspect.err());
        CliRun other = CliRun.of("inspect", "--model", "no-such-model.onnx");
        assertEquals(3, other.exitCode(), other.err());
        assertFalse(other.err().contains("shipped model"), other.err());
    }

    /** Any file under augment's home was "the shipped model of that name": a pom.xml, a user's model (7 Dec). */
    @Test
    void onlyAModelInTheModelsFolderIsCalledShipped() throws java.io.IOException {
        Path home = models.getParent();
        Files.createDirectories(home.resolve("scratch"));
        Files.copy(models.resolve("animals.onnx"), home.resolve("scratch").resolve("mine.onnx"));
        Files.writeString(home.resolve("scratch").resolve("pom.xml"), "<project/>");
        for (String given : List.of("scratch/mine.onnx", "scratch/pom.xml")) {
            CliRun run = CliRun.of("inspect", "--model", given);
            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().contains(given + ": model file not found"), run.err());
            assertFalse(run.err().contains("shipped model"), run.err());
        }
    }

    @Test
    void severalClassesOfOneModelChooseIt() {
        CliRun run = generate("cat,bird");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out.resolve("cat")) && Files.isDirectory(out.resolve("bird")));
    }

    @Test
    void aLooseMatchFindsTheModelWhenNoModelHasTheClassExactly() {
        CliRun run = generate("sneaker");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out.resolve("Sneaker")));
        assertTrue(run.err().contains("using " + models.resolve(ModelOption.DEFAULT_FILE)), run.err());
    }

    @Test
    void anExactMatchInOneModelWinsOverALooseMatchInAnother() throws IOException {
        TestModels.write(models.resolve("big-cats.onnx"), TestModels.imageSchema(List.of("Cat", "Lion"), 4));
        CliRun exact = generate("cat");
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(exact.err().contains("animals.onnx") && !exact.err().contains("big-cats.onnx"), exact.err());
        assertTrue(Files.isDirectory(out.resolve("cat")));
    }

    @Test
    void twoModelsKnowingTheClassIsAUsageErrorListingBoth() throws IOException {
        TestModels.write(models.resolve("pets.onnx"), TestModels.imageSchema(List.of("hamster", "dog"), 4));
        CliRun run = generate("dog");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("animals.onnx") && run.err().contains("pets.onnx"), run.err());
        assertTrue(run.err().contains("--model"), run.err());
        assertFalse(run.err().contains("did you mean"), "nothing is near 'kitten': " + run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aNearMissOfAShippedModelsClassGetsASuggestion() {
        CliRun run = generate("sneakers");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("'sneakers' is not a class of any shipped model")
                && run.err().contains("did you mean 'Sneaker'?"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aClassNoModelKnowsIsAUsageErrorListingEveryModelsClasses() {
        CliRun run = generate("kitten");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'kitten' is not a class of any shipped model"), run.err());
        assertTrue(run.err().contains("animals.onnx: 'cat', 'dog', 'bird'")
                && run.err().contains(ModelOption.DEFAULT_FILE + ": 'Shirt', 'Sneaker', 'Bag'"), run.err());
        assertTrue(run.err().contains("--model"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void classesOfDifferentModelsInOneRunAreAUsageError() {
        CliRun run = generate("dog,bag");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("'dog' is in animals.onnx") && run.err().contains("'bag' is in "
                + ModelOption.DEFAULT_FILE), run.err());
    }

    @Test
    void unreadableModelFilesAreSkippedAndNamed() throws IOException {
        Files.writeString(models.resolve("broken.onnx"), "not a model");
        ContractBreakingModels.withoutMetadata(models.resolve("animals.onnx"), models.resolve("no-metadata.onnx"));
        CliRun run = generate("dog");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out.resolve("dog")));
        assertTrue(run.err().contains("skipped a model file that cannot be used: " + models.resolve("broken.onnx")),
                run.err());
        assertTrue(run.err().contains("cannot be used: " + models.resolve("no-metadata.onnx") + ": metadata"),
                run.err());

        CliRun unknown = CliRun.of("generate", "--class", "kitten", "--n", "2", "--out", out.resolve("k").toString());
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("skipped, as unusable: " + models.resolve("broken.onnx")), unknown.err());
    }

    @Test
    void aBareIndexOrAllKeepsTheDefaultModel() throws IOException {
        CliRun index = generate("1");
        assertEquals(0, index.exitCode(), index.err());
        assertTrue(Files.isDirectory(out.resolve("Sneaker")), "class 1 of the default model");
        assertTrue(index.err().contains("using ") && index.err().contains("the default model (--class 1 names no "
                + "class of its own; --model picks another)"), "says which model an index ran: " + index.err());

        CliRun all = CliRun.of("generate", "--class", "all", "--n", "1", "--out", home.resolve("all").toString());
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(Files.isDirectory(home.resolve("all").resolve("Bag")));

        // an unusable default: named as such, with a usable model to pass, not "using" it (a re-check, 7 Dec)
        Files.writeString(models.resolve(ModelOption.DEFAULT_FILE), "not a model");
        CliRun broken = CliRun.of("generate", "--class", "all", "--n", "1", "--out", home.resolve("b").toString());
        assertEquals(3, broken.exitCode(), broken.err());
        assertTrue(broken.err().contains("--class all runs the default model, which cannot be used: "
                + models.resolve(ModelOption.DEFAULT_FILE)), broken.err());
        // every usable model, with its classes' count: the first alone, alphabetically, was offered (a re-check)
        assertTrue(broken.err().contains("pass --model with a usable one, whose class numbers and names are its own: "
                + models.resolve("animals.onnx") + " ("), broken.err());
        assertFalse(broken.err().contains("using "), broken.err());
        CliRun listed = CliRun.of("models", "--json");
        assertEquals(0, listed.exitCode(), listed.err());
        com.fasterxml.jackson.databind.JsonNode skipped = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(listed.out()).path("skipped");
        assertEquals(1, skipped.size(), listed.out());
        assertTrue(skipped.get(0).path("default").asBoolean(), "the skipped default says so: " + listed.out());
        assertTrue(CliRun.of("models").out().contains(ModelOption.DEFAULT_FILE + "  (default; skipped, unreadable)"));

        // a deleted default: "model file not found" named neither the default nor the usable models (a re-check)
        Files.delete(models.resolve(ModelOption.DEFAULT_FILE));
        CliRun gone = CliRun.of("generate", "--class", "all", "--n", "1", "--out", home.resolve("g").toString());
        assertEquals(3, gone.exitCode(), gone.err());
        assertTrue(gone.err().contains("--class all runs the default model, " + models.resolve(ModelOption.DEFAULT_FILE)
                + ", which is not there; pass --model with a usable one"), gone.err());
        assertTrue(gone.err().contains(models.resolve("animals.onnx").toString()), gone.err());
        assertFalse(Files.exists(home.resolve("g")));
        // and the listing says so, which said nothing of it (a re-check, 7 Dec)
        assertTrue(CliRun.of("models").out().contains(ModelOption.DEFAULT_FILE + "  (default; not there"));
        assertFalse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("models", "--json").out())
                .path("defaultFound").asBoolean(true));
    }

    @Test
    void aNumberThatIsAnotherModelsLabelIsLookedUpAsOne() throws IOException {
        SampleSchema index = TestModels.imageSchema(List.of("a", "b", "c"), 4);
        TestModels.write(models.resolve("numbered.onnx"), new SampleSchema(index.featureNames(), index.shape(), 0, 255,
                List.of("3", "7", "10"), List.of("three", "seven", "ten")));
        CliRun ten = generate("10");
        assertEquals(0, ten.exitCode(), ten.err());
        assertTrue(ten.err().contains("using " + models.resolve("numbered.onnx")), ten.err());
        assertTrue(Files.isDirectory(out.resolve("ten")), "the numbered model's class labelled 10");
        // label 7 of the numbered model, index 7 of none: only that model
        CliRun seven = CliRun.of("generate", "--class", "7", "--n", "2", "--out", home.resolve("o7").toString());
        assertEquals(0, seven.exitCode(), seven.err());
        assertTrue(Files.isDirectory(home.resolve("o7").resolve("seven")), seven.err());
        // "1" is an index-like label of the other models and no model's label elsewhere: the default model, as before
        CliRun one = CliRun.of("generate", "--class", "1", "--n", "2", "--out", home.resolve("o1").toString());
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.err().contains("the default model"), one.err());
    }

    @Test
    void anExplicitModelIsNeverLookedUp() throws IOException {
        TestModels.write(models.resolve("pets.onnx"), TestModels.imageSchema(List.of("hamster", "dog"), 4));
        CliRun run = CliRun.of("generate", "--model", models.resolve("pets.onnx").toString(), "--class", "dog",
                "--n", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("using"), run.err());
    }

    @Test
    void withoutAModelsFolderTheMissingFolderIsNamed() throws IOException {
        System.setProperty(ModelOption.HOME_PROPERTY, home.resolve("elsewhere").toString());
        CliRun run = generate("dog");
        assertEquals(3, run.exitCode(), run.err());
        // it was the default model's "model file not found; give an existing .onnx file" (a re-check, 7 Dec)
        assertTrue(run.err().contains(home.resolve("elsewhere").resolve("models") + ": models folder not found, so "
                + "there is no default model"), run.err());
    }

    @Test
    void modelsListsEveryShippedModelWithItsClassesAndMarksTheDefault() throws IOException {
        Files.writeString(models.resolve("broken.onnx"), "not a model");
        CliRun run = CliRun.of("models");
        assertEquals(0, run.exitCode(), run.err());
        String text = run.out();
        assertTrue(text.contains("animals.onnx\n") && text.contains("'cat', 'dog', 'bird'"), text);
        assertTrue(text.contains(ModelOption.DEFAULT_FILE + "  (default)") && text.contains("'Shirt', 'Sneaker', 'Bag'"),
                text);
        assertTrue(text.contains("shape:      [1, 4, 4]"), text);
        assertTrue(text.contains("broken.onnx  (skipped"), text);
        assertTrue(text.indexOf("animals.onnx") < text.indexOf(ModelOption.DEFAULT_FILE), "in file-name order");
    }

    /** models printed a tab and a right-to-left override in class names as they were; inspect escapes them (6 Dec). */
    @Test
    void modelsShowsClassNamesEscapedAsInspectDoes() throws IOException {
        TestModels.write(models.resolve("odd.onnx"), TestModels.imageSchema(List.of("tab\there", "\u202eevil"), 4));
        CliRun run = CliRun.of("models");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("'tab\\u0009here', '\\u202eevil'"), run.out());
        assertFalse(run.out().contains("\u202e") || run.out().contains("\t"), "no raw control reaches the terminal");
    }

    @Test
    void modelsJsonHasEachModelsClasses() throws IOException {
        CliRun run = CliRun.of("models", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(2, report.path("models").size());
        JsonNode animals = report.path("models").get(0);
        assertTrue(animals.path("file").asText().endsWith("animals.onnx"));
        assertFalse(animals.path("default").asBoolean());
        assertEquals("dog", animals.path("classes").get(1).path("name").asText());
        assertTrue(report.path("models").get(1).path("default").asBoolean());
    }

    @Test
    void modelsWithoutAModelsFolderExitsThreeInOneLine() throws IOException {
        System.setProperty(ModelOption.HOME_PROPERTY, home.resolve("elsewhere").toString());
        CliRun run = CliRun.of("models");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("models folder not found"), run.err());
        // a hand-run's own -Daugment.home is named, not "restore augment's checkout" (a re-check, 7 Dec)
        assertTrue(run.err().contains("-Daugment.home=" + home.resolve("elsewhere") + " names a folder without "
                + "models/"), run.err());
        // generate and inspect without --model name the folder and the advice, not "model file not found; give an
        // existing .onnx file" to a user who gave none (a re-check, 7 Dec)
        for (CliRun noDefault : List.of(generate("Shirt"), CliRun.of("inspect"))) {
            assertEquals(3, noDefault.exitCode(), noDefault.err());
            assertTrue(noDefault.err().contains("models folder not found, so there is no default model; "
                    + "-Daugment.home="),
                    noDefault.err());
        }
        // a models folder without the default: inspect says the default is not there, not "give an existing file"
        Files.createDirectories(home.resolve("elsewhere").resolve("models"));
        CliRun noFile = CliRun.of("inspect");
        assertEquals(3, noFile.exitCode(), noFile.err());
        assertTrue(noFile.err().contains(ModelOption.DEFAULT_FILE + ": the default model is not there, and no --model "
                + "was given"), noFile.err());
        Files.delete(home.resolve("elsewhere").resolve("models"));
        // a home that is augment's checkout (it holds augment-cli/) is told to restore models/
        Files.createDirectories(home.resolve("elsewhere").resolve("augment-cli"));
        CliRun checkout = CliRun.of("models");
        assertTrue(checkout.err().contains("restore it in augment's checkout (git checkout -- models)"),
                checkout.err());
        System.setProperty(ModelOption.LAUNCHER_PROPERTY, "./augment");
        try {
            CliRun launched = CliRun.of("models");
            assertEquals(3, launched.exitCode(), launched.err());
            assertTrue(launched.err().contains("restore it in augment's checkout (git checkout -- models)"),
                    launched.err());
        } finally {
            System.clearProperty(ModelOption.LAUNCHER_PROPERTY);
        }
    }
}
