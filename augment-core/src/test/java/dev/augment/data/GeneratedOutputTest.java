package dev.augment.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedOutputTest {

    /** Two class folders of grey PNG files under {@code folder}, named as a user names them. */
    private static Path classFolders(Path folder) {
        for (String name : List.of("cat", "dog")) {
            for (int i = 0; i < 3; i++) {
                TestFiles.grayPng(folder.resolve(name).resolve("img" + i + ".png"), 4, 4, 40 * i + (name.equals("cat")
                        ? 0 : 120));
            }
        }
        return folder;
    }

    @Test
    void theRecordRoundTripsAndAForeignFileOfItsNameIsNotOne(@TempDir Path dir) throws IOException {
        GenerationRecord record = new GenerationRecord("/m/g.onnx", 7, "png", 20, List.of("cat", "dog"));
        record.write(dir);
        assertEquals(Optional.of(record), GenerationRecord.readIfPresent(dir));
        assertEquals("20 samples of each of 2 classes from /m/g.onnx, seed 7", record.summary());
        Files.writeString(dir.resolve(GenerationRecord.FILE), "{\"writer\": \"someone else\"}");
        assertTrue(GenerationRecord.readIfPresent(dir).isEmpty());
        Files.writeString(dir.resolve(GenerationRecord.FILE), "{ not json");
        assertTrue(GenerationRecord.readIfPresent(dir).isEmpty(), "an unreadable record is no record");
        Files.writeString(dir.resolve(GenerationRecord.FILE), "{\"writer\": \"augment generate\"}");
        assertTrue(GenerationRecord.readIfPresent(dir).isEmpty(), "one without counts or classes is no record either "
                + "(it was described as 0 samples of each of 0 classes)");
    }

    /** A record oversample carries forward gave generate's counts and format of its output (a fresh user, 5 Dec). */
    /** A model replaced at its path (a retrain, a copy) made every later note name the wrong generator (6 Dec). */
    @Test
    void theRecordSaysWhenTheModelFileAtItsPathIsNoLongerTheOneThatWroteTheSamples(@TempDir Path dir)
            throws Exception {
        Path model = Files.write(dir.resolve("m.onnx"), new byte[] {1, 2, 3});
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(new byte[] {1, 2, 3}));
        GenerationRecord record = new GenerationRecord(model.toString(), 7, "png", 20, List.of("cat", "dog"))
                .withModelSha256(sha);
        Path out = Files.createDirectories(dir.resolve("out"));
        record.write(out);
        assertTrue(Files.readString(out.resolve(GenerationRecord.FILE)).contains("\"modelSha256\" : \"" + sha + "\""));
        GenerationRecord read = GenerationRecord.readIfPresent(out).orElseThrow();
        assertEquals(record, read);
        assertEquals("20 samples of each of 2 classes from " + model + ", seed 7", read.summary());
        Files.write(model, new byte[] {1, 2, 4});
        assertTrue(read.summary().endsWith("seed 7; that file has changed since (SHA-256 " + sha.substring(0, 16)
                + "… then), so it is not the model that wrote them"), read.summary());
        assertTrue(read.carriedAs(new GenerationRecord.Carried("csv", 2, 40)).summary()
                .contains("seed 7; that file has changed since"), "a carried record keeps the model's SHA-256");
        Files.delete(model);
        assertTrue(read.summary().endsWith("; that file is gone"), read.summary());
    }

    @Test
    void aCarriedRecordRoundTripsWithTheOutputsOwnCounts(@TempDir Path dir) throws IOException {
        GenerationRecord carried = new GenerationRecord("/m/g.onnx", 7, "png", 50, List.of("cat", "dog"))
                .carriedAs(new GenerationRecord.Carried("idx", 100, 102));
        carried.write(dir);
        assertEquals(Optional.of(carried), GenerationRecord.readIfPresent(dir));
        assertEquals(102, carried.examples());
        assertEquals(100, carried.generatedExamples());
        assertEquals("idx", carried.filesFormat());
        assertEquals("100 of its 102 examples are generated (from /m/g.onnx, seed 7) or made from generated ones",
                carried.summary());
        GenerationRecord marks = new GenerationRecord("", 0, "png", 0, List.of("Bag"))
                .carriedAs(new GenerationRecord.Carried("png", 1, 9));
        marks.write(dir);
        assertEquals(Optional.of(marks), GenerationRecord.readIfPresent(dir), "no model, no samples per class");
        assertTrue(Files.readString(dir.resolve(GenerationRecord.FILE))
                .contains("\"writer\" : \"augment oversample\""), "no generate run made this data");
        assertEquals("1 of its 9 examples is generated (PNG files augment generate wrote, each carrying its mark, of "
                + "class 'Bag') or made from generated ones", marks.summary());
        Files.writeString(dir.resolve(GenerationRecord.FILE), Files.readString(dir.resolve(GenerationRecord.FILE))
                .replace("\"generated\" : 1", "\"generated\" : 10"));
        assertTrue(GenerationRecord.readIfPresent(dir).isEmpty(), "more generated than examples is no record");
    }

    /** An image from a marked file carries it as metadata, for a writer of it (oversample) to mark its copy. */
    @Test
    void anExampleOfAMarkedFileCarriesTheMarkAsMetadata(@TempDir Path dir) throws IOException {
        Path data = classFolders(dir.resolve("data"));
        Path file = data.resolve("cat").resolve("img1.png");
        Files.write(file, GeneratedPng.marked(Files.readAllBytes(file)));
        SchemaDataSource source = DataSources.open(data, Split.TRAIN, null);
        long marked = 0;
        for (var example : source) {
            marked += example.getMetadataValue(GeneratedPng.METADATA_KEY).isPresent() ? 1 : 0;
        }
        assertEquals(1, marked);
    }

    /** generate's outputs put in D/train and D/test were read as real data: only D itself was looked at (5 Dec). */
    @Test
    void eachSplitOfATrainTestLayoutIsRecognisedByItsRecord(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        classFolders(data.resolve("train"));
        classFolders(data.resolve("test"));
        new GenerationRecord("/m/g.onnx", 1, "png", 3, List.of("cat", "dog")).write(data.resolve("train"));
        SchemaDataSource train = DataSources.open(data, Split.TRAIN, null);
        SchemaDataSource test = DataSources.open(data, Split.TEST, null);
        Optional<String> described = GeneratedOutput.describe(train);
        assertTrue(described.orElseThrow().startsWith(train.location() + " is augment generate's output (its "
                + "generated.json: 3 samples of each of 2 classes from /m/g.onnx, seed 1)"), described.toString());
        assertTrue(GeneratedOutput.describe(test).isEmpty(), "the test split holds no record");
        assertTrue(GeneratedOutput.describe(data).isEmpty(), "the folder above the splits is not the output itself");
        assertEquals(6, DenseSamples.from(train, train.schema()).size(), "the record is not data");
        assertFalse(((ImageFolderSource) train).skipped().contains(GenerationRecord.FILE),
                "nor a file left unread: " + ((ImageFolderSource) train).skipped());
    }

    /** Real images put into generate's class folders: "every example in it is generated" would be untrue. */
    @Test
    void examplesBeyondTheRecordedCountAreCountedAsNotGenerated(@TempDir Path dir) throws IOException {
        Path data = classFolders(dir.resolve("data"));
        Files.writeString(data.resolve(ClassMap.FILE), "index,label,name,folder\n0,\"cat\",\"cat\",\"cat\"\n"
                + "1,\"dog\",\"dog\",\"dog\"\n");
        new GenerationRecord("/m/g.onnx", 1, "png", 3, List.of("cat", "dog")).write(data);
        assertTrue(GeneratedOutput.describe(data).orElseThrow().endsWith("every example in it is generated"));
        TestFiles.grayPng(data.resolve("cat").resolve("mine.png"), 4, 4, 7);
        assertEquals(Optional.of(data + " holds augment generate's output (its generated.json: 3 samples of each of 2 "
                + "classes from /m/g.onnx, seed 1) and 1 example besides: 6 of its 7 examples are generated"),
                GeneratedOutput.describe(data));
    }

    /**
     * Generated PNGs copied into a real class folder were read as real: the folder's record stays behind, but each
     * file's mark goes with it (a fresh user, 5 Dec).
     */
    @Test
    void markedPngFilesAmongRealOnesAreCountedPerClass(@TempDir Path dir) throws IOException {
        Path data = classFolders(dir.resolve("data"));
        SchemaDataSource real = DataSources.open(data, Split.TRAIN, null);
        assertTrue(GeneratedOutput.describe(real).isEmpty());
        for (int i = 1; i <= 2; i++) {
            Path plain = TestFiles.grayPng(dir.resolve("plain" + i + ".png"), 4, 4, 9 * i);
            Files.write(data.resolve("cat").resolve("00000" + i + ".png"),
                    GeneratedPng.marked(Files.readAllBytes(plain)));
        }
        SchemaDataSource mixed = DataSources.open(data, Split.TRAIN, null);
        assertEquals(Optional.of(mixed.location() + " holds 2 images augment generate wrote (each such PNG file "
                + "carries its mark) among its 8, by class 'cat' 2 of 5: those examples are generated"),
                GeneratedOutput.describe(mixed));
    }

    /**
     * Numbered PNG files beside augment's class map, without a record, look like generate's output; when only some
     * carry its mark, the marks decide: "every example in it is generated" was said of 3 marked files among 1003
     * (a re-check, 6 Dec). With no file marked (generate's output before the mark) the guess stays.
     */
    @Test
    void theMarksOverruleTheLayoutGuessWhenOnlySomeFilesCarryThem(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        for (String name : List.of("cat", "dog")) {
            for (int i = 1; i <= 3; i++) {
                TestFiles.grayPng(data.resolve(name).resolve(String.format("%06d.png", i)), 4, 4, 30 * i
                        + (name.equals("cat") ? 0 : 100));
            }
        }
        Files.writeString(data.resolve(ClassMap.FILE), "index,label,name,folder\n0,\"cat\",\"cat\",\"cat\"\n"
                + "1,\"dog\",\"dog\",\"dog\"\n");
        SchemaDataSource unmarked = DataSources.open(data, Split.TRAIN, null);
        assertTrue(GeneratedOutput.describe(unmarked).orElseThrow().contains(
                " looks like augment generate's output (classes.csv beside class folders of numbered PNG files"),
                GeneratedOutput.describe(unmarked).toString());
        Path dogFile = data.resolve("dog").resolve("000002.png");
        Files.write(dogFile, GeneratedPng.marked(Files.readAllBytes(dogFile)));
        SchemaDataSource mixed = DataSources.open(data, Split.TRAIN, null);
        assertEquals(Optional.of(mixed.location() + " holds 1 image augment generate wrote (each such PNG file "
                + "carries its mark) among its 6, by class 'dog' 1 of 3: those examples are generated"),
                GeneratedOutput.describe(mixed));
    }

    /** oversample's flags mark its output; with generate's record carried forward, its "real" ones are generated. */
    @Test
    void oversamplesOutputIsGeneratedOnlyWhenItCarriesGeneratesRecord(@TempDir Path dir) throws IOException {
        Path data = classFolders(dir.resolve("data"));
        Files.writeString(data.resolve(AddedExamples.CSV_FLAGS), "file,label,synthetic\n");
        assertTrue(GeneratedOutput.describe(data).isEmpty(), "oversample's output of real data");
        new GenerationRecord("/m/g.onnx", 1, "png", 3, List.of("cat", "dog")).write(data);
        assertEquals(Optional.of(data + " is augment oversample's output of data augment generate wrote (its "
                + "generated.json: 3 samples of each of 2 classes from /m/g.onnx, seed 1): the examples it flags as "
                + "real (synthetic 0) are generated too"), GeneratedOutput.describe(data));
    }

    /** generate's files renamed beside its record (train-images-idx3-ubyte, synth.csv) were read as real (5 Dec). */
    @Test
    void aFileOfAnotherNameBesideTheRecordMayBeItsOutputRenamed(@TempDir Path dir) throws IOException {
        new GenerationRecord("/m/t.onnx", 3, "csv", 5, List.of("yes", "no")).write(dir);
        Files.writeString(dir.resolve("samples.csv"), "x,label\n1,yes\n");
        Files.writeString(dir.resolve("synth.csv"), "x,label\n1,yes\n");
        assertTrue(GeneratedOutput.describe(dir.resolve("samples.csv")).orElseThrow().contains("is augment generate's "
                + "output"));
        assertEquals(Optional.of(dir.resolve("synth.csv") + " lies beside augment generate's record ("
                + dir.resolve("generated.json") + ": 5 samples of each of 2 classes from /m/t.onnx, seed 3): if it is "
                + "that output renamed, every example in it is generated"),
                GeneratedOutput.describe(dir.resolve("synth.csv")));
    }

    /** A real t10k file beside a record of 4 examples was named as possibly that output renamed (a fresh user, 5 Dec). */
    @Test
    void aRenamedIdxFileIsNamedOnlyWhenItsCountIsTheRecords(@TempDir Path dir) throws IOException {
        new GenerationRecord("/m/g.onnx", 2, "idx", 2, List.of("a", "b")).write(dir);
        Path renamed = TestFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                TestFiles.gzip(TestFiles.idxImages(4, 2, 2)));
        Path real = TestFiles.write(dir.resolve("t10k-images-idx3-ubyte"), TestFiles.idxImages(7, 2, 2));
        assertTrue(GeneratedOutput.describe(renamed).isPresent());
        assertTrue(GeneratedOutput.describe(real).isEmpty(), "7 examples cannot be the record's 4");
    }

    /** oversample carried a record forward from a real table that merely lay beside it (a fresh user, 5 Dec). */
    @Test
    void onlyGeneratesOwnOutputHandsItsRecordOn(@TempDir Path dir) throws IOException {
        new GenerationRecord("/m/t.onnx", 3, "csv", 2, List.of("yes", "no")).write(dir);
        Files.writeString(dir.resolve("samples.csv"), "x,label\n1,yes\n2,yes\n3,no\n4,no\n");
        Files.writeString(dir.resolve("real.csv"), "x,label\n1,yes\n2,yes\n3,no\n4,no\n5,no\n");
        assertTrue(GeneratedOutput.recordOf(DataSources.open(dir.resolve("samples.csv"), Split.TRAIN, null, "label"))
                .isPresent());
        assertTrue(GeneratedOutput.recordOf(DataSources.open(dir.resolve("real.csv"), Split.TRAIN, null, "label"))
                .isEmpty(), "a file beside the record");
        Files.writeString(dir.resolve("samples.csv"), "x,label\n1,yes\n2,yes\n3,no\n4,no\n5,no\n");
        assertTrue(GeneratedOutput.recordOf(DataSources.open(dir.resolve("samples.csv"), Split.TRAIN, null, "label"))
                .isEmpty(), "more rows than generate wrote: mixed");
    }

    /** A user's own classes.csv beside a real samples.csv called the table generated (a fresh user, 5 Dec). */
    @Test
    void theLayoutGuessNeedsAugmentsClassMap(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("samples.csv"), "x,class\n1,yes\n");
        Files.writeString(dir.resolve(ClassMap.FILE), "class,meaning\nyes,a yes\n");
        assertTrue(GeneratedOutput.describe(dir.resolve("samples.csv")).isEmpty());
        Files.writeString(dir.resolve(ClassMap.FILE), "index,label,name,folder\n0,\"yes\",\"yes\",\"\"\n");
        assertTrue(GeneratedOutput.describe(dir.resolve("samples.csv")).orElseThrow().contains("looks like augment "
                + "generate's output"));
    }
}
