package dev.augment.eval.protocol;

import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.cnn.CnnTrainer;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building the evaluation's trainers by name, the CNN in particular. */
class ClassifierSpecTest {

    private static SampleSchema gray(int side) {
        List<String> names = new ArrayList<>();
        int count = side * side;
        for (int i = 0; i < count; i++) {
            names.add(String.format("%0" + Integer.toString(count).length() + "d", i));
        }
        return new SampleSchema(names, List.of(1, side, side), 0, 255, List.of("0", "1"), List.of("a", "b"));
    }

    @Test
    void cnnIsBuiltForTheSchemasImageWithTheAskedSteps() {
        ClassifierSpec spec = ClassifierSpec.parse("cnn", 12);
        CnnTrainer trainer = assertInstanceOf(CnnTrainer.class, spec.create(3, gray(28)));
        assertTrue(trainer.toString().contains("image=1x28x28"), trainer.toString());
        assertTrue(trainer.toString().contains("steps=12,batchSize=128"), trainer.toString());
        assertTrue(trainer.toString().contains("inputDivisor=1.0"), "TribuoData scales already: " + trainer);
        assertTrue(trainer.toString().contains("seed=3"), trainer.toString());
        assertEquals(CnnTrainer.DEFAULT_STEPS, ClassifierSpec.parse("cnn").cnnSteps());
    }

    @Test
    void cnnRefusesTabularDataAndStepsBelowOne() {
        SampleSchema table = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1, List.of("x"), List.of("x"));
        InvalidSettingException tabular = assertThrows(InvalidSettingException.class,
                () -> ClassifierSpec.parse("cnn").create(1, table));
        assertEquals("trainer", tabular.setting());
        assertTrue(tabular.getMessage().contains("cnn needs images"), tabular.getMessage());
        InvalidSettingException steps = assertThrows(InvalidSettingException.class,
                () -> ClassifierSpec.parse("cnn", 0));
        assertEquals("cnnSteps", steps.setting());
    }

    @Test
    void aCommaSeparatedListGivesOneFamilyPerNameInOrder() {
        List<ClassifierSpec> specs = ClassifierSpec.parseList(" logistic, forest ,cnn", 7);
        assertEquals(List.of("logistic", "forest", "cnn"), specs.stream().map(ClassifierSpec::name).toList());
        assertEquals(7, specs.get(2).cnnSteps());
        assertEquals(List.of("cart"), ClassifierSpec.parseList("cart", 1).stream().map(ClassifierSpec::name).toList());
        // any case, as every other option value (a fresh user, 6 Dec)
        assertEquals(List.of("logistic", "forest"), ClassifierSpec.parseList("LOGISTIC,Forest", 1).stream()
                .map(ClassifierSpec::name).toList());
        assertThrows(InvalidSettingException.class, () -> ClassifierSpec.parseList("logistic,LOGISTIC", 1));
    }

    @Test
    void aListWithAnEmptyRepeatedOrUnknownNameIsRefused() {
        for (String bad : new String[] {"logistic,,forest", "logistic,", "forest,logistic,forest", "logistic,svm", ""}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> ClassifierSpec.parseList(bad, 1), bad);
            assertEquals("trainer", e.setting(), bad);
        }
        assertTrue(assertThrows(InvalidSettingException.class, () -> ClassifierSpec.parseList("cnn,cnn", 1))
                .getMessage().contains("names cnn twice"));
    }

    @Test
    void unknownNameListsCnnAmongTheChoices() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> ClassifierSpec.parse("svm"));
        assertTrue(e.getMessage().contains("logistic, cart, forest, cnn or config:FILE"), e.getMessage());
    }

    @Test
    void cnnCanComeFromAnOlcutConfigurationFile(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("cnn.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="trainer" type="dev.augment.eval.cnn.CnnTrainer">
                    <property name="channels" value="1"/>
                    <property name="height" value="28"/>
                    <property name="width" value="28"/>
                    <property name="steps" value="1000"/>
                    <property name="seed" value="7"/>
                  </component>
                </config>
                """);
        CnnTrainer trainer = assertInstanceOf(CnnTrainer.class, ClassifierSpec.parse("config:" + config).create(1));
        assertTrue(trainer.toString().contains("image=1x28x28"), trainer.toString());
        assertTrue(trainer.toString().contains("steps=1000"), trainer.toString());
        assertTrue(trainer.toString().contains("seed=7"), trainer.toString());
    }

    /** A Tribuo trainer of a module augment does not ship was "Class … not found", read as a typo (6 Dec). */
    @Test
    void aTrainerNotOnTheClassPathNamesTheModulesThatAre(@TempDir Path dir) throws IOException {
        Path liblinear = Files.writeString(dir.resolve("ll.xml"), """
                <config><component name="trainer"
                  type="org.tribuo.classification.liblinear.LibLinearClassificationTrainer"/></config>
                """);
        dev.augment.errors.InvalidDataException e = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + liblinear).create(1));
        assertTrue(e.getMessage().contains("component 'trainer' is a org.tribuo.classification.liblinear."
                + "LibLinearClassificationTrainer, which is not on augment's class path: it holds Tribuo's "
                + "classification modules sgd"), e.getMessage());
    }

    @Test
    void aConfiguredTrainerOfAnotherOutputIsRefusedBeforeAnyWorkAndAClassifierIsTaken(@TempDir Path dir)
            throws IOException {
        Path kmeans = Files.writeString(dir.resolve("km.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="trainer" type="org.tribuo.clustering.kmeans.KMeansTrainer">
                    <property name="centroids" value="3"/>
                    <property name="iterations" value="10"/>
                    <property name="distanceType" value="EUCLIDEAN"/>
                    <property name="numThreads" value="1"/>
                    <property name="seed" value="1"/>
                  </component>
                </config>
                """);
        dev.augment.errors.InvalidDataException e = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + kmeans).create(1));
        assertTrue(e.getMessage().contains("a Trainer<ClusterID>") && e.getMessage().contains("Trainer<Label>"),
                e.getMessage());
        Path linear = Files.writeString(dir.resolve("lr.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="trainer" type="org.tribuo.classification.sgd.linear.LogisticRegressionTrainer"/>
                </config>
                """);
        assertInstanceOf(org.tribuo.classification.sgd.linear.LogisticRegressionTrainer.class,
                ClassifierSpec.parse("config:" + linear).create(1));
    }

    private static String wrapped(String inner) {
        return """
                <config>
                  <component name="scale" type="org.tribuo.transform.transformations.LinearScalingTransformation">
                    <property name="targetMin" value="0"/>
                    <property name="targetMax" value="1"/>
                  </component>
                  <component name="tmap" type="org.tribuo.transform.TransformationMap">
                    <propertylist name="globalTransformations"><item>scale</item></propertylist>
                  </component>
                  <component name="l2" type="org.tribuo.math.distance.L2Distance"/>
                """ + inner + """
                  <component name="trainer" type="org.tribuo.transform.TransformTrainer">
                    <property name="innerTrainer" value="inner"/>
                    <property name="transformations" value="tmap"/>
                  </component>
                </config>
                """;
    }

    /**
     * A clustering trainer inside a generic wrapper (TransformTrainer) passed the type check and failed after the
     * evaluation's work as a raw ClassCastException (a fresh user, 5 Dec); it is now tried on toy data first.
     */
    @Test
    void aWrappedTrainerIsTriedAndRefusedWhenItIsNoClassifier(@TempDir Path dir) throws IOException {
        String kmeans = """
                  <component name="inner" type="org.tribuo.clustering.kmeans.KMeansTrainer">
                    <property name="dist" value="l2"/>
                    <property name="centroids" value="3"/>
                    <property name="iterations" value="5"/>
                    <property name="numThreads" value="1"/>
                    <property name="seed" value="1"/>
                  </component>
                """;
        Path clustering = Files.writeString(dir.resolve("wrapped-km.xml"), wrapped(kmeans));
        dev.augment.errors.InvalidDataException e = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + clustering).create(1));
        assertTrue(e.getMessage().contains("component 'trainer' is a TransformTrainer that does not predict labels "
                + "(tried on two toy classes: "), e.getMessage());
        Path noDistance = Files.writeString(dir.resolve("wrapped-km-nodist.xml"), wrapped(kmeans.replace(
                "<property name=\"dist\" value=\"l2\"/>", "")));
        dev.augment.errors.InvalidDataException missing = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + noDistance).create(1));
        assertTrue(missing.getMessage().contains("does not predict labels") || missing.getMessage().contains(
                "cannot train: a part it needs is missing"), missing.getMessage());
        Path classifier = Files.writeString(dir.resolve("wrapped-lr.xml"), wrapped("""
                  <component name="inner" type="org.tribuo.classification.sgd.linear.LogisticRegressionTrainer"/>
                """));
        assertInstanceOf(org.tribuo.transform.TransformTrainer.class,
                ClassifierSpec.parse("config:" + classifier).create(1));
    }

    /** A named pipe as the configuration was read without end, silently (a fresh user, 5 Dec). */
    @Test
    @org.junit.jupiter.api.Timeout(60) // the fault this checks was a read without end
    void aConfigurationThatIsNoRegularFileIsRefused(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start()
                .waitFor() == 0, "mkfifo is there");
        dev.augment.errors.InvalidDataException e = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + fifo).create(1));
        assertTrue(e.getMessage().contains("not a regular file (a pipe, device or socket)"), e.getMessage());
    }

    /**
     * The file was read again per seed: edited mid-run, one family mixed two trainers and its verdict flipped; deleted,
     * every finished seed was lost (a fresh user, 5 Dec). The text read at parse is the one every seed uses.
     */
    @Test
    void theConfigurationReadAtParseIsTheOneEveryRunUses(@TempDir Path dir) throws IOException {
        String cart = """
                <config>
                  <component name="trainer" type="org.tribuo.classification.dtree.CARTClassificationTrainer">
                    <property name="maxDepth" value="DEPTH"/>
                  </component>
                </config>
                """;
        Path file = Files.writeString(dir.resolve("cart.xml"), cart.replace("DEPTH", "5"));
        ClassifierSpec spec = ClassifierSpec.parse("config:" + file);
        assertTrue(spec.create(1).toString().contains("maxDepth=5"), spec.create(1).toString());
        Files.writeString(file, cart.replace("DEPTH", "1"));
        assertTrue(spec.create(2).toString().contains("maxDepth=5"), "edited mid-run: " + spec.create(2));
        Files.delete(file);
        assertTrue(spec.create(3).toString().contains("maxDepth=5"), "deleted mid-run: " + spec.create(3));
        Files.writeString(file, cart.replace("DEPTH", "1"));
        assertTrue(ClassifierSpec.parse("config:" + file).create(1).toString().contains("maxDepth=1"),
                "a new run reads the file as it is then");
    }

    /** A .conf name got OLCUT's raw "no handler" line, a folder "missing", one file twice ran twice (5 Dec). */
    @Test
    void aConfigurationIsNamedXmlAFolderIsNamedAndOneFileUnderTwoSpellingsIsOneFamily(@TempDir Path dir)
            throws IOException {
        String lr = "<config><component name=\"trainer\" "
                + "type=\"org.tribuo.classification.sgd.linear.LogisticRegressionTrainer\"/></config>";
        Path conf = Files.writeString(dir.resolve("lr.conf"), lr);
        dev.augment.errors.InvalidDataException named = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + conf));
        assertTrue(named.getMessage().contains("is not named .xml") && named.getMessage().contains("lr.conf.xml"),
                named.getMessage());
        dev.augment.errors.InvalidDataException folder = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> ClassifierSpec.parse("config:" + dir));
        assertTrue(folder.getMessage().contains("is a folder; give the trainer configuration file itself"),
                folder.getMessage());
        // an empty path was the current folder, ": is a folder" (a fresh user, 7 Dec); a folder is no input to guard
        for (String empty : new String[] {"config:", "config: "}) {
            dev.augment.errors.InvalidSettingException none = assertThrows(
                    dev.augment.errors.InvalidSettingException.class, () -> ClassifierSpec.parse(empty));
            assertTrue(none.getMessage().contains("config: names no file; give the configuration file's path"),
                    none.getMessage());
        }
        assertEquals(java.util.List.of(), ClassifierSpec.configFiles("logistic,config:" + dir));
        Path xml = Files.writeString(dir.resolve("lr.xml"), lr);
        // a space after the colon was part of the path: "missing or unreadable" of a file there (a re-check, 7 Dec)
        ClassifierSpec.parse("config: " + xml);
        assertEquals(java.util.List.of(xml), ClassifierSpec.configFiles("config: " + xml));
        dev.augment.errors.InvalidSettingException twice = assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> ClassifierSpec.parseList("config:" + xml
                        + ",config:" + dir.resolve(".").resolve("lr.xml"), 10));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }
}
