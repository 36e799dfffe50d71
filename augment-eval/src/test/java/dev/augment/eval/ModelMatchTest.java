package dev.augment.eval;

import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model is judged only against data it makes: features, their order, the classes, and an image's shape. */
class ModelMatchTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");

    /** @return the model's schema with other class labels and names, as data of other class folders has */
    private static SampleSchema withClasses(SampleSchema own, List<String> labels, List<String> names) {
        return new SampleSchema(own.featureNames(), own.shape(), own.minValue(), own.maxValue(), labels, names);
    }

    @Test
    void imagesOfAnotherShapeWithTheSameFeatureNamesAreRefused() {
        // a fresh user (4 Dec): IDX images of 14×56 have the 784 names of 28×28 ones, and score reported on them
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            ModelMatch.require(model, own, "the data");
            SampleSchema wide = new SampleSchema(own.featureNames(), List.of(1, 14, 56), own.minValue(),
                    own.maxValue(), own.labels(), own.classNames());
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, wide, "--data x"));
            assertTrue(e.getMessage().contains("the model generates images of shape [1, 28, 28] but --data x holds "
                    + "images of shape [1, 14, 56]"), e.getMessage());
        }
    }

    /**
     * {@code --names mnist} names IDX data's classes by their digits, the labels themselves, and against the garment
     * model was accepted as if no names were given (a fresh user, 6 Dec).
     */
    @Test
    void namesGivenThatAreTheLabelsThemselvesAreComparedWithTheModels() {
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            SampleSchema digits = withClasses(own, own.labels(), own.labels());
            ModelMatch.require(model, digits, "--data x"); // no names given: the labels alone are compared
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, digits, "--data x", true));
            assertTrue(e.getMessage().contains("the model calls label '0' 'T-shirt/top' but --data x calls it '0'; "
                    + "check --names"), e.getMessage());
            ModelMatch.require(model, own, "--data x", true); // the model's own names, given
        }
    }

    /** Class lists that looked the same (a zero-width space) got the advice to find another model (6 Dec). */
    @Test
    void classesAlikeButForAnInvisibleCharacterAreNamedEscaped() {
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            List<String> labels = new java.util.ArrayList<>(own.labels());
            labels.set(0, labels.get(0) + "\u200b");
            SampleSchema hidden = withClasses(own, labels, labels);
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, hidden, "--data x"));
            assertTrue(e.getMessage().contains("0\\u200b") && e.getMessage().contains("the classes differ only in "
                    + "case, spaces or invisible characters"), e.getMessage());
            // grey images stored as RGB against a grey model: the way to one channel (a fresh user, 6 Dec)
            SampleSchema rgb = new SampleSchema(java.util.stream.IntStream.range(0, 3 * 784)
                    .mapToObj(i -> String.format("%04d", i)).toList(),
                    List.of(3, 28, 28), 0, 255, own.labels(), own.classNames());
            ModelContractException colour = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, rgb, "--data x"));
            assertTrue(colour.getMessage().contains("if it is grey stored as RGB"), colour.getMessage());
        }
    }

    /**
     * Class folders named as the model names its classes, read in sorted order, were sent to find another model,
     * where a classes.csv in the model's order was the fix (a fresh user, 6 Dec).
     */
    @Test
    void foldersNamedAsTheModelsClassesInAnotherOrderAreToldAboutClassesCsv() {
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            List<String> folders = dev.augment.generate.output.ClassDirectoryNames.sanitise(own.classNames()).stream()
                    .sorted().toList();
            SampleSchema sorted = withClasses(own, folders, folders);
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, sorted, "--data fm10"));
            assertTrue(e.getMessage().contains("the data's class folders are the model's classes by name")
                    && e.getMessage().contains("e.g. 0,\"0\",\"T-shirt/top\",\"T-shirt_top\""), e.getMessage());
        }
    }

    /** Folders named after some of the model's classes were sent to find "a model trained on this kind of data". */
    @Test
    void foldersNamedAfterSomeOfTheModelsClassesAreToldTheClassesMustBeTheSame() {
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            List<String> folders = List.of("Bag", "Sneaker", "Trouser");
            SampleSchema three = withClasses(own, folders, folders);
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, three, "--data fm3"));
            assertTrue(e.getMessage().contains("the data's classes are some of the model's, and this command "
                    + "compares every class of the model"), e.getMessage());
            // where classes are matched by label (oversample), folders named by class names are told of classes.csv
            ModelContractException named = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, three, "--data fm3", false, true));
            assertTrue(named.getMessage().endsWith("the data's classes are some of the model's but named otherwise "
                    + "than by its labels (0, 1, 2, …): give the data the model's labels with a classes.csv beside "
                    + "the class folders: index,label,name,folder, then a line per class, e.g. "
                    + "8,\"8\",\"Bag\",\"Bag\""),
                    named.getMessage());
            // labelled by the model's labels, the same classes are taken; a name the model gives another label is not
            SampleSchema byLabel = withClasses(own, List.of("8", "7", "1"), folders);
            ModelMatch.require(model, byLabel, "--data fm3", false, true);
            ModelContractException misnamed = assertThrows(ModelContractException.class, () -> ModelMatch.require(
                    model, withClasses(own, List.of("8", "1"), List.of("Bag", "Sneaker")), "--data fm3", false, true));
            assertTrue(misnamed.getMessage().contains("the model calls label '1' 'Trouser' but --data fm3 calls it "
                    + "'Sneaker'"), misnamed.getMessage());
            assertThrows(ModelContractException.class, () -> ModelMatch.require(model, byLabel, "--data fm3"));
            List<String> other = List.of("Bag", "Sneaker", "Zebra");
            SampleSchema notAll = withClasses(own, other, other);
            ModelContractException cat = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, notAll, "--data fm3"));
            assertTrue(cat.getMessage().contains("pass a model trained on this kind of data"), cat.getMessage());
        }
    }

    /** A folder one letter off a class of the model fell through to "pass a model trained on …" (a re-check, 6 Dec). */
    @Test
    void aFolderNamedNearAClassOfTheModelIsToldWhichOneItMeant() {
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            List<String> folders = List.of("Bag", "Sneaker", "trousers");
            SampleSchema three = withClasses(own, folders, folders);
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, three, "--data fm3"));
            assertTrue(e.getMessage().endsWith("the data's class 'trousers' (did you mean 'Trouser'?) is not a "
                    + "class of the model: rename the data's class folders (or the labels its "
                    + "classes.csv gives them) to the model's names, and this command "
                    + "compares every class of the model with the data's: give data with every class of the model, "
                    + "or train a model on these classes (oversample, and AugmentingDataSource in Java, take data of "
                    + "some of a model's classes)"), e.getMessage());
            List<String> mixed = List.of("hats", "Sneaker", "trousers");
            SampleSchema withUnknown = withClasses(own, mixed, mixed);
            ModelContractException both = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, withUnknown, "--data fm3"));
            assertTrue(both.getMessage().contains("the data's classes 'hats' (no class of the model is near it), "
                    + "'trousers' (did you mean 'Trouser'?) are not classes of the model"), both.getMessage());
        }
    }

    /**
     * CIFAR-10 in numbered class folders with {@code --names cifar10}: the names are the model's, the labels the
     * folders' numbers, and the line sent the user to find another model (helper q2, 6 Dec).
     */
    @Test
    void theModelsNamesUnderOtherLabelsAreToldHowToLabelThem() {
        try (OnnxGenerator model = OnnxGenerator.load(Path.of("..", "models", "cifar10.onnx"),
                ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            List<String> numbered = java.util.stream.IntStream.range(0, own.classCount()).mapToObj(Integer::toString)
                    .toList();
            SampleSchema data = withClasses(own, numbered, own.classNames());
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, data, "--data num"));
            assertTrue(e.getMessage().endsWith("the data's class names are the model's, in its order, but its labels "
                    + "are not (\"0\" where the model has \"airplane\"): name the class folders as the model labels "
                    + "its classes (airplane, automobile, bird, …), or give the data the model's labels with a "
                    + "classes.csv beside the class folders (or beside train/ and test/ if it has them): "
                    + "index,label,name,folder, then a line per class, e.g. 0,\"airplane\",\"airplane\",\"0\""),
                    e.getMessage());
            // without --names: the numbers alone were sent to find another model (a re-check, 6 Dec night)
            SampleSchema bare = withClasses(own, numbered, numbered);
            ModelContractException plain = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, bare, "--data num"));
            assertTrue(plain.getMessage().endsWith("the data's class folders are numbered 0-9 where the model labels "
                    + "its classes airplane, automobile, bird, …: if they are its classes in its order, give the data "
                    + "the model's labels with a classes.csv beside the class folders (or beside train/ and test/ "
                    + "if it has them): index,label,name,folder, then a line per class, e.g. "
                    + "0,\"airplane\",\"airplane\",\"0\""), plain.getMessage());
        }
    }

    /** The same in lower case ({@code bag}, {@code sneaker}) was sent to find another model (helper j3, 6 Dec). */
    @Test
    void foldersNamedAfterSomeOfTheModelsClassesInAnotherCaseAreToldToRenameThem() {
        try (OnnxGenerator model = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SampleSchema own = model.metadata().schema();
            List<String> folders = List.of("bag", "sneaker", "trouser");
            SampleSchema three = withClasses(own, folders, folders);
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, three, "--data fm3"));
            assertTrue(e.getMessage().endsWith("the data's classes are some of the model's, in another case or "
                    + "spacing, and named otherwise than by its labels (0, 1, 2, …): give the data the model's labels "
                    + "with a classes.csv beside the class folders: index,label,name,folder, then a line per class, "
                    + "e.g. 8,\"8\",\"Bag\",\"bag\"; and this command compares every class of the model with the "
                    + "data's: give data with every class of the model, or train a model on these classes (oversample, "
                    + "and AugmentingDataSource in Java, take data of some of a model's classes)"), e.getMessage());
            // all ten in another case or spacing: classes.csv too ('T-shirt/top' cannot be a folder's name; 7 Dec)
            List<String> all = own.classNames().stream().map(n -> n.replace('/', ' ').toLowerCase()).toList();
            ModelContractException every = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, withClasses(own, all, all), "--data fm10"));
            assertTrue(every.getMessage().contains("the data's classes are the model's, in another case or spacing, "
                    + "and named otherwise than by its labels"), every.getMessage());
            // where classes are matched by label (oversample): told of classes.csv, with the name it stands for
            List<String> spaced = List.of("T-shirt top", "pullover");
            ModelContractException loose = assertThrows(ModelContractException.class, () -> ModelMatch.require(
                    model, withClasses(own, spaced, spaced), "--data fm2", false, true));
            assertTrue(loose.getMessage().endsWith("the data's classes are some of the model's, in another case or "
                    + "spacing, and named otherwise than by its labels (0, 1, 2, …): give the data the model's labels "
                    + "with a classes.csv beside the class folders: index,label,name,folder, then a line per class, "
                    + "e.g. 0,\"0\",\"T-shirt/top\",\"T-shirt top\""), loose.getMessage());
            List<String> other = List.of("bag", "sneaker", "zebra");
            SampleSchema notAll = withClasses(own, other, other);
            ModelContractException cat = assertThrows(ModelContractException.class,
                    () -> ModelMatch.require(model, notAll, "--data fm3"));
            assertTrue(cat.getMessage().contains("pass a model trained on this kind of data"), cat.getMessage());
        }
    }
}
