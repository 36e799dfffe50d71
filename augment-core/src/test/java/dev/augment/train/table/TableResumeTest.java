package dev.augment.train.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.onnx.ModelMetadata;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.train.Checkpoints;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table GAN resumed from its checkpoint reaches the same generator as a run that was never stopped (same
 * samples, same ONNX file but for its clock readings), and a checkpoint that does not fit the run is refused
 * ({@link TableCancelCheckpointTest} covers the checkpoint a cancel writes).
 * The credit-g sample has 150 rows: batch 70, so an epoch is 2 steps.
 */
class TableResumeTest {

    static final TableGanSettings SETTINGS = TableGanSettings.defaults(7).withWidths(List.of(32, 32));
    static final Table CREDIT = TableReader.read(TableExportParityTest.CREDIT, "class");

    @Test
    void twoEpochsThenAResumeToFourWriteTheSameModelAsFourEpochsStraight(@TempDir Path dir) throws IOException {
        TableGanSettings four = SETTINGS.withEpochs(4);
        Run straight = run(four, dir.resolve("straight"), false, dir.resolve("straight.onnx"));
        Run half = run(SETTINGS.withEpochs(2), dir.resolve("halves"), false, dir.resolve("half.onnx"));
        assertFalse(Arrays.deepEquals(straight.samples(), half.samples()), "two epochs must differ from four");
        Run resumed = run(four, dir.resolve("halves"), true, dir.resolve("resumed.onnx"));
        for (int i = 0; i < straight.samples().length; i++) {
            assertArrayEquals(straight.samples()[i], resumed.samples()[i], "sample " + i + " differs after resuming");
        }
        assertArrayEquals(straight.onnx(), resumed.onnx(), "the resumed run wrote another model");
    }

    /** Training counted in steps: the rounds differ (10 + 10 against 20), the generator does not. */
    @Test
    void tenStepsThenAResumeToTwentyGiveTheSameSamplesAsTwentyStraight(@TempDir Path dir) throws IOException {
        Run straight = run(SETTINGS.withSteps(20), null, false, dir.resolve("straight.onnx"));
        run(SETTINGS.withSteps(10), dir.resolve("halves"), false, dir.resolve("half.onnx"));
        try (TrainedTableGan resumed = new TableGanTrainer(SETTINGS.withSteps(20), TrainingListener.NONE,
                new CancellationToken()).train(CREDIT, dir.resolve("halves"), true)) {
            assertEquals(List.of(10, 10), resumed.history().stream().map(r -> r.steps()).toList());
            float[][] samples = samples(resumed);
            for (int i = 0; i < samples.length; i++) {
                assertArrayEquals(straight.samples()[i], samples[i], "sample " + i + " differs after resuming");
            }
        }
    }

    @Test
    void resumingACheckpointThatHoldsTheWholeRunExportsItWithoutTraining(@TempDir Path dir) throws IOException {
        Run trained = run(SETTINGS.withSteps(4), dir, false, dir.resolve("trained.onnx"));
        List<String> heard = new java.util.ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void info(String message) {
                heard.add(message);
            }

            @Override
            public void stepFinished(int step, double lossD, double lossG) {
                throw new AssertionError("a step was trained");
            }
        };
        try (TrainedTableGan again = new TableGanTrainer(SETTINGS.withSteps(4), listener, new CancellationToken())
                .train(CREDIT, dir, true)) {
            assertTrue(heard.stream().anyMatch(m -> m.contains("already holds all 4 steps")), heard.toString());
            assertEquals(4, again.history().stream().mapToInt(r -> r.steps()).sum());
            float[][] samples = samples(again);
            for (int i = 0; i < samples.length; i++) {
                assertArrayEquals(trained.samples()[i], samples[i], "sample " + i + " of the checkpoint differs");
            }
        }
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingEachDifference(@TempDir Path dir) throws IOException {
        run(SETTINGS.withSteps(4), dir, false, dir.resolve("m.onnx"));
        TableGanSettings other = SETTINGS.withSteps(8).withBatchSize(60).withSeed(8);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> train(other, dir, true));
        assertEquals("resume", e.setting());
        // the sample's smaller class has 45 rows, so the class-size rule asked for its batch (75 used: half the rows)
        assertTrue(e.getMessage().contains("batchSize 80 in the checkpoint, 60 now (when not given, the batch size is "
                + "chosen by the class-size rule)")
                && e.getMessage().contains("seed 7 in the checkpoint, 8 now"), e.getMessage());
        assertFalse(e.getMessage().contains("steps 4"), "a longer run is no difference: " + e.getMessage());
        InvalidSettingException epochs = assertThrows(InvalidSettingException.class, () ->
                train(SETTINGS.withEpochs(4), dir, true));
        assertTrue(epochs.getMessage().contains("training counts steps in the checkpoint, epochs now"),
                epochs.getMessage());
    }

    /**
     * A checkpoint written before {@code informationWeight} existed (the same layout without that setting) resumes
     * as weight 0, the loss those runs trained with, to the model of an uninterrupted run.
     */
    @Test
    void aCheckpointFromBeforeTheInformationLossResumesToTheSameModel(@TempDir Path dir) throws IOException {
        Run straight = run(SETTINGS.withEpochs(4), dir.resolve("straight"), false, dir.resolve("straight.onnx"));
        run(SETTINGS.withEpochs(2), dir.resolve("old"), false, dir.resolve("half.onnx"));
        Path file = dir.resolve("old").resolve(Checkpoints.LATEST);
        Files.write(file, withoutSetting(Files.readAllBytes(file), "informationWeight"));
        Run resumed = run(SETTINGS.withEpochs(4), dir.resolve("old"), true, dir.resolve("resumed.onnx"));
        assertArrayEquals(straight.onnx(), resumed.onnx(), "the old checkpoint resumed to another model");
        InvalidSettingException other = assertThrows(InvalidSettingException.class, () ->
                train(SETTINGS.withEpochs(4).withInformationWeight(1f), dir.resolve("old"), true));
        assertTrue(other.getMessage().contains("informationWeight 0.0 in the checkpoint, 1.0 now"),
                other.getMessage());
    }

    /** @return the table checkpoint {@code bytes} with one setting of its identity left out and a new checksum */
    private static byte[] withoutSetting(byte[] bytes, String setting) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0,
                bytes.length - Long.BYTES));
        String magic = in.readUTF();
        int fields = in.readInt();
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < fields; i++) {
            kept.put(in.readUTF(), in.readUTF());
        }
        assertNotNull(kept.remove(setting), "the layout this test edits");
        byte[] rest = in.readAllBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoints.withChecksum(body -> {
            body.writeUTF(magic);
            body.writeInt(kept.size());
            for (Map.Entry<String, String> e : kept.entrySet()) {
                body.writeUTF(e.getKey());
                body.writeUTF(e.getValue());
            }
            body.write(rest);
        }).write(new DataOutputStream(out));
        return out.toByteArray();
    }

    @Test
    void resumingWithFewerStepsThanTheCheckpointHoldsIsRefused(@TempDir Path dir) throws IOException {
        run(SETTINGS.withSteps(4), dir, false, dir.resolve("m.onnx"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () ->
                train(SETTINGS.withSteps(3), dir, true));
        assertEquals("steps", e.setting());
        assertTrue(e.getMessage().contains("is 3 but the checkpoint already has 4 steps; ask for at least 4"),
                e.getMessage());
    }

    @Test
    void resumingOnAnotherTableIsRefused(@TempDir Path dir) throws IOException {
        run(SETTINGS.withSteps(4), dir.resolve("c"), false, dir.resolve("m.onnx"));
        List<String> lines = Files.readAllLines(TableExportParityTest.CREDIT);
        Path fewer = Files.write(dir.resolve("fewer.csv"), lines.subList(0, lines.size() - 1));
        Table other = TableReader.read(fewer, "class");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new TableGanTrainer(
                SETTINGS.withSteps(4), TrainingListener.NONE, new CancellationToken())
                .train(other, dir.resolve("c"), true).close());
        assertEquals("resume", e.setting());
        assertTrue(e.getMessage().contains("needs the table the checkpoint was trained on (150 rows")
                && e.getMessage().contains("this one gives 149 rows"), e.getMessage());
    }

    @Test
    void aRefusalForSettingsAlsoNamesAnotherTable(@TempDir Path dir) throws IOException {
        run(SETTINGS.withSteps(4), dir.resolve("c"), false, dir.resolve("m.onnx"));
        List<String> lines = Files.readAllLines(TableExportParityTest.CREDIT);
        Table other = TableReader.read(Files.write(dir.resolve("fewer.csv"), lines.subList(0, lines.size() - 1)),
                "class");
        // Another table can change a setting chosen from it (the auxiliary weight), so both are named.
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new TableGanTrainer(
                SETTINGS.withSteps(4).withAuxiliaryWeight(0.5f), TrainingListener.NONE, new CancellationToken())
                .train(other, dir.resolve("c"), true).close());
        assertTrue(e.getMessage().contains("auxiliaryWeight 1.0 in the checkpoint, 0.5 now")
                && e.getMessage().contains("needs the table it was trained on (150 rows, this one has 149) and the "
                        + "checkpoint's settings"),
                e.getMessage());
    }

    @Test
    void aTruncatedDamagedOrForeignCheckpointIsRefusedAsBadData(@TempDir Path dir) throws IOException {
        run(SETTINGS.withSteps(2), dir, false, dir.resolve("m.onnx"));
        Path checkpoint = dir.resolve(Checkpoints.LATEST);
        byte[] good = Files.readAllBytes(checkpoint);

        Files.write(checkpoint, Arrays.copyOf(good, good.length / 2));
        InvalidDataException truncated = assertThrows(InvalidDataException.class, () ->
                train(SETTINGS.withSteps(4), dir, true));
        assertTrue(truncated.getMessage().contains("not a complete table GAN checkpoint"), truncated.getMessage());

        byte[] flipped = good.clone();
        flipped[good.length * 3 / 4] ^= 0x10;
        Files.write(checkpoint, flipped);
        InvalidDataException damaged = assertThrows(InvalidDataException.class, () ->
                train(SETTINGS.withSteps(4), dir, true));
        assertTrue(damaged.getMessage().contains("checksum does not match"), damaged.getMessage());

        Files.write(checkpoint, new byte[] {1, 2, 3});
        InvalidDataException foreign = assertThrows(InvalidDataException.class, () ->
                train(SETTINGS.withSteps(4), dir, true));
        assertTrue(foreign.getMessage().contains("not a table GAN checkpoint"), foreign.getMessage());
    }

    @Test
    void resumingWithoutACheckpointIsRefused(@TempDir Path dir) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () ->
                train(SETTINGS.withSteps(2), dir.resolve("empty"), true));
        assertEquals("resume", e.setting());
        assertTrue(e.getMessage().contains("does not exist; start without resuming first"), e.getMessage());
    }

    /** Fixed-noise samples of every class and the written file. */
    record Run(float[][] samples, byte[] onnx) { }

    private static void train(TableGanSettings settings, Path checkpoints, boolean resume) throws IOException {
        new TableGanTrainer(settings, TrainingListener.NONE, new CancellationToken()).train(CREDIT, checkpoints, resume)
                .close();
    }

    static Run run(TableGanSettings settings, Path checkpoints, boolean resume, Path model) throws IOException {
        try (TrainedTableGan gan = new TableGanTrainer(settings, TrainingListener.NONE, new CancellationToken())
                .train(CREDIT, checkpoints, resume)) {
            ModelMetadata metadata = TableGeneratorExport.metadata(gan, CREDIT, "test", "test");
            withoutClockTimes(metadata.provenance());
            TableGeneratorExport.write(gan, metadata, model, "test");
            return new Run(samples(gan), Files.readAllBytes(model));
        }
    }

    private static float[][] samples(TrainedTableGan gan) {
        int n = 16;
        float[] z = new float[n * SETTINGS.latentDim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (i % 13) / 6f - 1;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CREDIT.schema().classCount();
        }
        return gan.generate(z, labels);
    }

    /** Removes the provenance's clock readings: the export time and each round's duration. */
    private static void withoutClockTimes(ObjectNode provenance) {
        assertNotNull(provenance.remove("createdAt"), "the provenance records the export time");
        for (JsonNode round : provenance.get("history")) {
            assertNotNull(((ObjectNode) round).remove("seconds"), "the provenance records each round's duration");
        }
    }
}
