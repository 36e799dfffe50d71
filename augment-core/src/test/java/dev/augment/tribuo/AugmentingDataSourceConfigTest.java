package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.datasource.IDXDataSource;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OLCUT path: the data source described in src/test/resources/.../augment-config.xml. */
class AugmentingDataSourceConfigTest {

    private static final URL CONFIG = AugmentingDataSourceConfigTest.class.getResource("augment-config.xml");

    @Test
    void configuredSourceAddsTheConfiguredCountsCappedToTheSyntheticShare() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        try (AugmentingDataSource augmented = (AugmentingDataSource) cm.lookup("augmented")) {
            // 30 sneakers (label 7) + 12 pullovers (label 2) = 42, but a share of 0.04 of 1000 real
            // examples allows floor(0.04 * 1000 / 0.96) = 41: both scaled by 41/42 (11.71 and 29.29), rounded
            // down, and the one left over goes to the larger remainder, the pullovers'.
            Map<String, Integer> expected = Map.of("2", 12, "7", 29);
            Map<String, Integer> marked = new TreeMap<>();
            int real = 0;
            for (Example<Label> example : augmented) {
                if (SyntheticExamples.isSynthetic(example)) {
                    marked.merge(example.getOutput().getLabel(), 1, Integer::sum);
                    assertEquals(0.25f, example.getWeight());
                } else {
                    real++;
                }
            }
            assertEquals(1000, real);
            assertEquals(expected, marked);
            assertEquals(expected.get("7"), augmented.syntheticCounts().get("7"));
        }
    }

    /** Reading a configured source after its close() spoke of a generator the user never held (6 Dec). */
    @Test
    void aConfiguredSourceReadAfterItsCloseSaysItWasClosed() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        AugmentingDataSource augmented = (AugmentingDataSource) cm.lookup("augmented");
        augmented.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                augmented::iterator);
        assertTrue(e.getMessage().startsWith("this AugmentingDataSource was closed, which closed the generator it "
                + "loaded from "), e.getMessage());
        // the manager keeps the closed instance: "look the source up again" gave it back (a fresh Tribuo user, 7 Dec)
        assertSame(augmented, cm.lookup("augmented"));
        assertTrue(e.getMessage().endsWith("build a new one, or look it up in a new ConfigurationManager (a manager "
                + "keeps the instance it made, closed) to read it"), e.getMessage());
        try (AugmentingDataSource fresh = (AugmentingDataSource) new ConfigurationManager(CONFIG).lookup("augmented")) {
            assertTrue(fresh.iterator().hasNext(), "a new manager's instance reads");
        }
    }

    @Test
    void provenanceOfConfiguredSourceRoundTripsAndRebuildsTheSameSource() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        try (AugmentingDataSource augmented = (AugmentingDataSource) cm.lookup("augmented")) {
            AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) augmented.getProvenance();
            assertInstanceOf(IDXDataSource.IDXDataSourceProvenance.class,
                    provenance.getConfiguredParameters().get("source"));
            assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));

            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(provenance);
            ConfigurationManager rebuilt = new ConfigurationManager();
            rebuilt.addConfiguration(config);
            try (AugmentingDataSource again = (AugmentingDataSource) rebuilt.lookup(config.get(0).getName())) {
                assertEquals(augmented.syntheticCounts(), again.syntheticCounts());
                assertEquals(augmented.policy(), again.policy());
            }
        }
    }

    @Test
    void configurationSelectingSmoteAddsInterpolatedExamplesWithoutAGeneratorAndRebuildsFromProvenance() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        try (AugmentingDataSource smoted = (AugmentingDataSource) cm.lookup("smoted")) {
            Map<String, Integer> marked = new TreeMap<>();
            List<String> rows = new ArrayList<>();
            for (Example<Label> example : smoted) {
                if (SyntheticExamples.isSynthetic(example)) {
                    assertEquals("smote", example.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow());
                    marked.merge(example.getOutput().getLabel(), 1, Integer::sum);
                    rows.add(example.toString());
                }
            }
            assertEquals(Map.of("2", 12, "7", 30), marked);
            AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) smoted.getProvenance();
            assertEquals(OversamplingMethod.SMOTE,
                    ((EnumProvenance<?>) provenance.getConfiguredParameters().get("method")).getValue());
            assertEquals(Map.of("2", 3, "7", 3), provenance.getSmoteNeighboursUsed());
            assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));

            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(provenance);
            ConfigurationManager rebuilt = new ConfigurationManager();
            rebuilt.addConfiguration(config);
            try (AugmentingDataSource again = (AugmentingDataSource) rebuilt.lookup(config.get(0).getName())) {
                List<String> againRows = new ArrayList<>();
                for (Example<Label> example : again) {
                    if (SyntheticExamples.isSynthetic(example)) {
                        againRows.add(example.toString());
                    }
                }
                assertEquals(rows, againRows, "the configuration rebuilt from provenance gives the same examples");
            }
        }
    }

    /**
     * A configuration extracted from provenance over Tribuo's CSV reader rebuilt from a cut file, 499 rows where the
     * model saw 768, without a word (a Tribuo user, 6 Dec): the provenance records a digest of what the source gave.
     */
    @Test
    void aConfigurationFromProvenanceRefusesASourceWhoseDataChanged(@org.junit.jupiter.api.io.TempDir
                                                                     java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("t.csv"), "x,label\n1,a\n2,a\n3,a\n"
                + "4,a\n5,b\n6,b\n7,b\n");
        org.tribuo.DataSource<Label> tribuo = new org.tribuo.data.csv.CSVLoader<>(
                new org.tribuo.classification.LabelFactory()).loadDataSource(csv, "label");
        AugmentingDataSource augmented = new AugmentingDataSource(tribuo, AugmentationPolicy.balance(),
                dev.augment.oversample.MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(augmented.getProvenance());
        ConfigurationManager same = new ConfigurationManager();
        same.addConfiguration(config);
        try (AugmentingDataSource again = (AugmentingDataSource) same.lookup(config.get(0).getName())) {
            assertEquals(augmented.syntheticCounts(), again.syntheticCounts(), "the same data rebuilds");
        }
        // the same rows in another order: ROS and SMOTE would draw other examples (a re-check, 6 Dec)
        java.nio.file.Files.writeString(csv, "x,label\n2,a\n1,a\n3,a\n4,a\n5,b\n6,b\n7,b\n");
        ConfigurationManager reordered = new ConfigurationManager();
        reordered.addConfiguration(config);
        assertEquals("sourceDigest", assertThrows(PropertyException.class,
                () -> reordered.lookup(config.get(0).getName())).getProperty());
        java.nio.file.Files.writeString(csv, "x,label\n1,a\n2,a\n3,a\n5,b\n6,b\n7,b\n");
        ConfigurationManager cut = new ConfigurationManager();
        cut.addConfiguration(config);
        PropertyException e = assertThrows(PropertyException.class, () -> cut.lookup(config.get(0).getName()));
        assertEquals("sourceDigest", e.getProperty());
        assertTrue(e.getMessage().contains("sourceDigest records other examples than the source now gives"),
                e.getMessage());
        // a cut or mistyped digest is said as such, not as data that changed (helper p1, 6 Dec)
        List<ConfigurationData> typo = new java.util.ArrayList<>();
        for (ConfigurationData c : config) {
            typo.add(c);
        }
        ConfigurationData own = typo.get(0);
        ConfigurationData edited = new ConfigurationData(own.getName(), own.getClassName());
        own.getProperties().forEach((name, value) -> edited.add(name, name.equals("sourceDigest")
                ? new com.oracle.labs.mlrg.olcut.config.property.SimpleProperty("hello") : value));
        typo.set(0, edited);
        ConfigurationManager typed = new ConfigurationManager();
        typed.addConfiguration(typo);
        PropertyException form = assertThrows(PropertyException.class, () -> typed.lookup(own.getName()));
        assertEquals("sourceDigest", form.getProperty());
        assertTrue(form.getMessage().contains("sourceDigest must be the 16 hex digits a configuration extracted from "
                + "the provenance records, was 'hello'"), form.getMessage());
    }

    /**
     * OLCUT read an enum setting by its constant's name alone: a configuration's {@code smote}, as the command line and
     * augment's messages spell it, was "smote is not a value of class ...OversamplingMethod", without the choices (a
     * Tribuo user, 7 Dec).
     */
    @Test
    void methodAndModeAreReadInAnyCaseAndAMisspeltOneListsTheChoices() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        try (AugmentingDataSource a = (AugmentingDataSource) cm.lookup("smoted");
             AugmentingDataSource b = (AugmentingDataSource) cm.lookup("smoted-lower-case")) {
            a.forEach(example -> upper.add(example.toString()));
            b.forEach(example -> lower.add(example.toString()));
            assertEquals(OversamplingMethod.SMOTE, b.method().method());
            assertEquals(AugmentationPolicy.Mode.COUNTS, b.policy().mode());
        }
        assertEquals(upper, lower);
        PropertyException method = assertThrows(PropertyException.class, () -> cm.lookup("misspelt-method"));
        assertEquals("method", method.getProperty());
        assertTrue(method.getMessage().contains("method must be one of ros|smote|gan|hybrid|mix, was 'smot'"),
                method.getMessage());
        // "one of ros|smote|gan|hybrid|mix", and gan was then refused (a re-check, 7 Dec)
        PropertyException baseline = assertThrows(PropertyException.class, () -> cm.lookup("misspelt-baseline"));
        assertEquals("baseline", baseline.getProperty());
        assertTrue(baseline.getMessage().contains("baseline must be ros or smote (any case), was 'smot'"),
                baseline.getMessage());
        PropertyException smoteNc = assertThrows(PropertyException.class, () -> cm.lookup("smote-nc-method"));
        assertTrue(smoteNc.getMessage().contains("smote-nc is smote on a table with a categorical column"),
                smoteNc.getMessage());
        PropertyException mode = assertThrows(PropertyException.class, () -> cm.lookup("misspelt-mode"));
        assertEquals("mode", mode.getProperty());
        assertTrue(mode.getMessage().contains("mode must be one of balance|multiply|counts (any case), was 'balanced'"),
                mode.getMessage());
    }

    /** A class name without a generator did not say that a generator supplies names (a Tribuo user, 7 Dec). */
    @Test
    void aClassNameWithoutAGeneratorSaysWhereNamesComeFrom() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException e = assertThrows(PropertyException.class, () -> cm.lookup("class-name-without-generator"));
        assertEquals("counts", e.getProperty());
        assertTrue(e.getMessage().contains("counts 'sneaker' is not a class of the data")
                && e.getMessage().contains("the data's labels are numbers, and a class name such as 'Sneaker' is "
                + "read from a generator's classes: pass a generator that makes this data (generatorPath in a "
                + "configuration), or give the label"), e.getMessage());
        // a table's labels are its names, and an index is no name: no such tail (a re-check, 7 Dec)
        List<Example<Label>> rows = new ArrayList<>();
        org.tribuo.classification.LabelFactory labels = new org.tribuo.classification.LabelFactory();
        for (String label : new String[] {"tableware", "tableware", "headlamps", "headlamps", "headlamps"}) {
            rows.add(new org.tribuo.impl.ArrayExample<>(labels.generateOutput(label), new String[] {"x"},
                    new double[] {rows.size()}));
        }
        org.tribuo.datasource.ListDataSource<Label> table = new org.tribuo.datasource.ListDataSource<>(rows, labels,
                new org.tribuo.provenance.SimpleDataSourceProvenance("rows", labels));
        for (String entry : new String[] {"tablware", "12"}) {
            PropertyException other = assertThrows(PropertyException.class, () -> new AugmentingDataSource(table,
                    AugmentationPolicy.counts(Map.of(entry, 3)), dev.augment.oversample.MethodSettings.of(
                    OversamplingMethod.ROS), 1L, 1f));
            assertTrue(other.getMessage().contains("is not a class of the data")
                    && !other.getMessage().contains("generator"), other.getMessage());
        }
    }

    @Test
    void generatorMethodWithoutGeneratorPathIsRefusedNamingTheField() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException e = assertThrows(PropertyException.class, () -> cm.lookup("gan-without-generator"));
        assertEquals("generatorPath", e.getProperty());
        assertTrue(e.getMessage().contains("for method GAN"), e.getMessage());
    }

    /** An empty generatorPath was the working folder: "cannot read model file (Is a directory)" (6 Dec). */
    @Test
    void anEmptyGeneratorPathIsNamedAsEmpty() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException e = assertThrows(PropertyException.class, () -> cm.lookup("empty-generator-path"));
        assertEquals("generatorPath", e.getProperty());
        assertTrue(e.getMessage().contains("generatorPath is empty; give the generator's .onnx file"), e.getMessage());
    }

    @Test
    void negativeFactorIsRefusedNamingFieldAndValue() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException e = assertThrows(PropertyException.class, () -> cm.lookup("negative-factor"));
        assertEquals("factor", e.getProperty());
        // the component, so that a file with several augmenting sources says which one
        assertTrue(e.getMessage().contains("Component: negative-factor"), e.getMessage());
        assertTrue(e.getMessage().contains("was -2.0"), e.getMessage());
    }

    @Test
    void classUnknownToTheGeneratorIsRefusedNamingFieldAndValue() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException e = assertThrows(PropertyException.class, () -> cm.lookup("unknown-class"));
        assertEquals("classes", e.getProperty());
        assertTrue(e.getMessage().contains("'unicorn' is not a class of the data"), e.getMessage());
    }

    /**
     * An image-folder user had no OLCUT route to a GAN of their own folders: ImageFolderSource "does not implement
     * Configurable" (a fresh user, 7 Dec). It is a component now, and its provenance rebuilds it, digest checked.
     */
    @Test
    void anImageFolderIsAConfiguredSourceThatProvenanceRebuilds(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path folder = FashionPngFolders.write(dir.resolve("some"), List.of("0", "2", "7"), 6);
        java.nio.file.Files.delete(folder.resolve("7").resolve("1.png"));
        java.nio.file.Path xml = java.nio.file.Files.writeString(dir.resolve("c.xml"), "<config>\n"
                + "<component name=\"folder\" type=\"dev.augment.data.ImageFolderSource\">"
                + "<property name=\"root\" value=\"" + folder + "\"/></component>\n"
                + "<component name=\"gan\" type=\"dev.augment.tribuo.AugmentingDataSource\">"
                + "<property name=\"source\" value=\"folder\"/>"
                + "<property name=\"generatorPath\" value=\"" + SyntheticExamplesTest.MODEL.toAbsolutePath() + "\"/>"
                + "<property name=\"seed\" value=\"3\"/></component>\n"
                + "<component name=\"missing\" type=\"dev.augment.data.ImageFolderSource\">"
                + "<property name=\"root\" value=\"" + dir.resolve("nowhere") + "\"/></component>\n</config>\n");
        ConfigurationManager cm = new ConfigurationManager(xml.toString());
        List<String> added = new ArrayList<>();
        try (AugmentingDataSource gan = (AugmentingDataSource) cm.lookup("gan")) {
            for (Example<Label> example : gan) {
                if (SyntheticExamples.isSynthetic(example)) {
                    assertEquals("7", example.getOutput().getLabel());
                    added.add(example.toString());
                }
            }
            assertEquals(1, added.size(), "balance grows the folder's class 7 (5 images) to 6");
            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(gan.getProvenance());
            ConfigurationManager rebuilt = new ConfigurationManager();
            rebuilt.addConfiguration(config);
            try (AugmentingDataSource again = (AugmentingDataSource) rebuilt.lookup(config.get(0).getName())) {
                List<String> againAdded = new ArrayList<>();
                for (Example<Label> example : again) {
                    if (SyntheticExamples.isSynthetic(example)) {
                        againAdded.add(example.toString());
                    }
                }
                assertEquals(added, againAdded, "the configuration rebuilt from provenance gives the same examples");
            }
            java.nio.file.Files.delete(folder.resolve("0").resolve("1.png"));
            ConfigurationManager changed = new ConfigurationManager();
            changed.addConfiguration(config);
            PropertyException e = assertThrows(PropertyException.class, () -> changed.lookup(config.get(0).getName()));
            assertEquals("contentSha256", e.getProperty(), e.getMessage());
        }
        PropertyException missing = assertThrows(PropertyException.class, () -> cm.lookup("missing"));
        assertEquals("root", missing.getProperty());
    }

    /**
     * Refusals of a configured image folder, each naming its property: a layout's folder given as root was told to
     * "fix or delete classes.csv", names that do not fit named no property, a malformed digest was said as a changed
     * folder (a re-check, 7 Dec).
     */
    @Test
    void aConfiguredImageFolderNamesThePropertyAtFault(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path layout = dir.resolve("layout");
        FashionPngFolders.write(layout.resolve("train"), List.of("0", "2"), 3);
        FashionPngFolders.write(layout.resolve("test"), List.of("0", "2"), 3);
        java.nio.file.Path animals = dir.resolve("animals");
        FashionPngFolders.write(animals, List.of("0", "2"), 3);
        java.nio.file.Files.move(animals.resolve("0"), animals.resolve("cat"));
        java.nio.file.Files.move(animals.resolve("2"), animals.resolve("dog"));
        java.nio.file.Path xml = java.nio.file.Files.writeString(dir.resolve("c.xml"), "<config>\n"
                + "<component name=\"layout\" type=\"dev.augment.data.ImageFolderSource\">"
                + "<property name=\"root\" value=\"" + layout + "\"/></component>\n"
                + "<component name=\"split\" type=\"dev.augment.data.ImageFolderSource\">"
                + "<property name=\"root\" value=\"" + layout.resolve("train") + "\"/></component>\n"
                + "<component name=\"named\" type=\"dev.augment.data.ImageFolderSource\">"
                + "<property name=\"root\" value=\"" + animals + "\"/>"
                + "<property name=\"names\" value=\"fashion-mnist\"/></component>\n"
                + "<component name=\"digest\" type=\"dev.augment.data.ImageFolderSource\">"
                + "<property name=\"root\" value=\"" + animals + "\"/>"
                + "<property name=\"contentSha256\" value=\"xyz\"/></component>\n</config>\n");
        ConfigurationManager cm = new ConfigurationManager(xml.toString());
        PropertyException whole = assertThrows(PropertyException.class, () -> cm.lookup("layout"));
        assertEquals("root", whole.getProperty());
        assertTrue(whole.getMessage().contains("holds a train and a test split (test/ and train/), not class "
                + "folders: read one split, " + layout.resolve("train")), whole.getMessage());
        assertEquals(6, ((dev.augment.data.ImageFolderSource) cm.lookup("split")).size(), "a split reads");
        assertEquals("names", assertThrows(PropertyException.class, () -> cm.lookup("named")).getProperty());
        // a relative names file is recorded absolute, as root is, so the provenance rebuilds elsewhere (7 Dec)
        java.nio.file.Path namesFile = java.nio.file.Files.writeString(dir.resolve("names.txt"), "cat\ndog\n");
        String relative = java.nio.file.Path.of("").toAbsolutePath().relativize(namesFile).toString();
        dev.augment.data.ImageFolderSource withNames = new dev.augment.data.ImageFolderSource(animals, relative);
        assertEquals(namesFile.toString(), ((com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance)
                withNames.getProvenance().getConfiguredParameters().get("names")).getValue());
        PropertyException digest = assertThrows(PropertyException.class, () -> cm.lookup("digest"));
        assertEquals("contentSha256", digest.getProperty());
        assertTrue(digest.getMessage().contains("must be the 64 hex digits"), digest.getMessage());
    }
}
