package dev.augment.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.data.DataFingerprint;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.onnx.ModelMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancelled image GAN run saves its last completed step, midway through a round if need be, and a resume from
 * it writes the same model as a run never stopped: the same ONNX file but for its clock readings, so the same
 * averaged weights and batch-norm statistics, the same round history (steps and mean losses) and the same
 * best-scoring round and scores. The tiny data have 96 samples: batch 16, so an epoch is 6 steps.
 */
class CancelCheckpointTest {

    private static final int CHECK_EVERY = 4;

    private final TinyData data = new TinyData(4, 8, 24, 5);
    /** Two 6-step epochs with every recipe part that keeps state between steps. */
    private final GanSettings twoEpochs = GanSettings.builder(Architecture.MLP).epochs(2).batchSize(16).seed(3)
            .diffAugment("translation,cutout,brightness").lecamWeight(0.3f).recomputeBatchNorm(true).build();
    /** Eight steps, checked and written every {@value #CHECK_EVERY}. */
    private final GanSettings eightSteps = GanSettings.builder(Architecture.MLP).steps(8).batchSize(16).seed(3)
            .balancedBatches(true).diffAugment("translation,cutout,brightness").lecamWeight(0.3f)
            .recomputeBatchNorm(true).build();

    @Test
    void aCancelMidEpochSavesTheLastStepAndTheResumeWritesTheSameModel(@TempDir Path dir) throws IOException {
        byte[] straight = run(twoEpochs, null, null, false, dir.resolve("straight"));
        Path checkpoints = dir.resolve("checkpoints");

        CancelledException e = cancelAfter(8, twoEpochs, null, checkpoints);

        assertTrue(e.getMessage().contains("(epoch 2); " + checkpoints.resolve(Checkpoints.LATEST)
                + " keeps step 8 of 12; resume from it"), e.getMessage());
        List<String> heard = resumeNotes(twoEpochs, checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after epoch 1 and 2 steps of epoch 2 from")),
                heard.toString());
        assertArrayEquals(straight, run(twoEpochs, null, checkpoints, true, dir.resolve("resumed")),
                "resuming after the cancel wrote another model or history");
    }

    @Test
    void aCancelMidRoundWhenCountingStepsKeepsTheBestCheckAndResumesToTheSameModel(@TempDir Path dir)
            throws IOException {
        byte[] straight = run(eightSteps, new MeanCheck(null), null, false, dir.resolve("straight"));
        Path checkpoints = dir.resolve("checkpoints");

        CancelledException e = cancelAfter(6, eightSteps, new MeanCheck(null), checkpoints);

        assertTrue(e.getMessage().contains("(step 7); " + checkpoints.resolve(Checkpoints.LATEST)
                + " keeps step 6 of 8; resume from it"), e.getMessage());
        List<String> heard = resumeNotes(eightSteps, checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after step 6 (2 steps into round 2) from")),
                heard.toString());
        assertArrayEquals(straight, run(eightSteps, new MeanCheck(null), checkpoints, true, dir.resolve("resumed")),
                "resuming after the cancel wrote another model, history or scores");
    }

    /** The cancel comes after an epoch's last step: its steps are kept and the resume runs its end. */
    @Test
    void aCancelAfterAnEpochsLastStepKeepsItsStepsAndTheResumeRunsItsEnd(@TempDir Path dir) throws IOException {
        byte[] straight = run(twoEpochs, null, null, false, dir.resolve("straight"));
        Path checkpoints = dir.resolve("checkpoints");

        CancelledException e = cancelAfter(6, twoEpochs, null, checkpoints);

        assertTrue(e.getMessage().contains("(end of epoch 1); " + checkpoints.resolve(Checkpoints.LATEST)
                + " keeps step 6 of 12"), e.getMessage());
        assertFalse(Files.exists(checkpoints.resolve("samples-epoch-001.png")), "the epoch's end did not run");
        List<String> heard = resumeNotes(twoEpochs, checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after 6 steps of epoch 1 from")),
                heard.toString());
        assertArrayEquals(straight, run(twoEpochs, null, checkpoints, true, dir.resolve("resumed")));
        assertTrue(Files.exists(checkpoints.resolve("samples-epoch-001.png")), "the resume ran the epoch's end");
    }

    /** The cancel comes during the round's quality check, before its checkpoint is written, which still is. */
    @Test
    void aCancelDuringTheCheckStillWritesTheRoundWithItsScore(@TempDir Path dir) throws IOException {
        byte[] straight = run(eightSteps, new MeanCheck(null), null, false, dir.resolve("straight"));
        Path checkpoints = dir.resolve("checkpoints");
        CancellationToken cancellation = new CancellationToken();

        CancelledException e = assertThrows(CancelledException.class, () -> new GanTrainer(data.schema, eightSteps,
                TrainingListener.NONE, new MeanCheck(cancellation), CHECK_EVERY, cancellation)
                .train(data.features, data.labels, checkpoints, false).close());

        assertTrue(e.getMessage().contains("(step 5); " + checkpoints.resolve(Checkpoints.LATEST)
                + " keeps step 4 of 8"), e.getMessage());
        List<String> heard = resumeNotes(eightSteps, checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after step 4 from")), heard.toString());
        assertArrayEquals(straight, run(eightSteps, new MeanCheck(null), checkpoints, true, dir.resolve("resumed")),
                "the round's check was lost");
    }

    /**
     * The check honours the token, as augment's do in their neighbour searches (a check of 20 000 samples takes
     * minutes): it stops, and the round's steps are kept without its end, which the resume runs.
     */
    @Test
    void aCheckThatStopsOnTheCancelKeepsTheRoundsStepsAndTheResumeRunsTheCheck(@TempDir Path dir) throws IOException {
        byte[] straight = run(eightSteps, new MeanCheck(null), null, false, dir.resolve("straight"));
        Path checkpoints = dir.resolve("checkpoints");
        CancellationToken cancellation = new CancellationToken();
        QualityCheck stopping = sampler -> {
            cancellation.cancel();
            cancellation.throwIfCancelled("measuring the samples");
            throw new AssertionError("unreachable");
        };

        CancelledException e = assertThrows(CancelledException.class, () -> new GanTrainer(data.schema, eightSteps,
                TrainingListener.NONE, stopping, CHECK_EVERY, cancellation)
                .train(data.features, data.labels, checkpoints, false).close());

        assertTrue(e.getMessage().contains(checkpoints.resolve(Checkpoints.LATEST) + " keeps step 4 of 8"),
                e.getMessage());
        List<String> heard = resumeNotes(eightSteps, checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after step 4 (4 steps into round 1)")),
                heard.toString());
        assertArrayEquals(straight, run(eightSteps, new MeanCheck(null), checkpoints, true, dir.resolve("resumed")),
                "the resume ran the round's check and went on as an uninterrupted run");
    }

    @Test
    void aCancelBeforeAnyNewStepWritesNothingNew(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        CancelledException fresh = assertThrows(CancelledException.class, () -> new GanTrainer(data.schema,
                eightSteps, TrainingListener.NONE, null, CHECK_EVERY, cancelled)
                .train(data.features, data.labels, checkpoints, false).close());
        assertTrue(fresh.getMessage().endsWith("(step 1); no checkpoint was written yet"), fresh.getMessage());
        assertFalse(Files.exists(checkpoints.resolve(Checkpoints.LATEST)));

        assertTrue(cancelAfter(3, eightSteps, null, checkpoints).getMessage().contains("keeps step 3 of 8"));
        byte[] saved = Files.readAllBytes(checkpoints.resolve(Checkpoints.LATEST));
        CancelledException resumed = assertThrows(CancelledException.class, () -> new GanTrainer(data.schema,
                eightSteps, TrainingListener.NONE, null, CHECK_EVERY, cancelled)
                .train(data.features, data.labels, checkpoints, true).close());
        assertTrue(resumed.getMessage().endsWith("keeps step 3 of 8; resume from it"), resumed.getMessage());
        assertArrayEquals(saved, Files.readAllBytes(checkpoints.resolve(Checkpoints.LATEST)),
                "a checkpoint that already holds the last step was rewritten");
    }

    @Test
    void fewerEpochsThanACheckpointMidEpochHoldsAreRefusedCountingTheStartedEpoch(@TempDir Path dir) {
        Path checkpoints = dir.resolve("checkpoints");
        cancelAfter(8, twoEpochs, null, checkpoints);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new GanTrainer(data.schema,
                twoEpochs.withEpochs(1), TrainingListener.NONE).train(data.features, data.labels, checkpoints, true)
                .close());
        assertEquals("epochs", e.setting());
        assertTrue(e.getMessage().contains("is 1 but the checkpoint already has 1 epoch and 2 steps of the next; ask "
                + "for at least 2"), e.getMessage());
    }

    /**
     * A v6 checkpoint (before the data's fingerprint) is a v7 one without the fingerprint after the settings; a v5 one
     * (before the checksum) is a v6 one without its last 8 bytes; a v4 one (before a checkpoint could end midway
     * through a round) also without the round.
     */
    @Test
    void version6And5And4CheckpointsStillResumeToTheSameModel(@TempDir Path dir) throws IOException {
        byte[] straight = run(eightSteps, null, null, false, dir.resolve("straight"));
        for (int version : new int[] {6, 5, 4}) {
            Path checkpoints = dir.resolve("checkpoints-v" + version);
            run(eightSteps.toBuilder().steps(4).build(), null, checkpoints, false, dir.resolve("half" + version));
            Path file = checkpoints.resolve(Checkpoints.LATEST);
            byte[] v6 = CheckpointVersions.asVersion6(Files.readAllBytes(file));
            byte[] magic = "augment-checkpoint-v6".getBytes(StandardCharsets.UTF_8);
            int cut = version == 6 ? 0 : Long.BYTES + (version == 4 ? Integer.BYTES + 3 * Double.BYTES : 0);
            byte[] old = Arrays.copyOf(v6, v6.length - cut);
            old[1 + magic.length] = (byte) ('0' + version);
            Files.write(file, old);
            assertArrayEquals(straight, run(eightSteps, null, checkpoints, true, dir.resolve("resumed" + version)),
                    "v" + version);
        }
    }

    /**
     * The data check lived in a file beside the checkpoint: a checkpoint copied into another run's folder continued on
     * that run's data, the model's provenance naming that data alone (a fresh user, 5 Dec). The checkpoint itself
     * now records the data, and a resume on other data is refused before any training.
     */
    @Test
    void aCheckpointResumedOnOtherDataIsRefused(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        run(eightSteps.toBuilder().steps(4).build(), null, checkpoints, false, dir.resolve("half"));
        TinyData other = new TinyData(4, 8, 24, 6);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new GanTrainer(other.schema,
                eightSteps, TrainingListener.NONE, null, CHECK_EVERY).train(other.features, other.labels, checkpoints,
                true).close());
        assertEquals("resume", e.setting());
        assertTrue(e.getMessage().contains("needs the data the checkpoint was trained on (96 samples, SHA-256 "),
                e.getMessage());
        InvalidSettingException early = assertThrows(InvalidSettingException.class, () -> GanTrainer.requireResumable(
                checkpoints, eightSteps, DataFingerprint.of(other.features, other.labels, other.schema.labels()), ""));
        assertEquals(e.getMessage(), early.getMessage(), "the pre-check says the same");
        GanTrainer.requireResumable(checkpoints, eightSteps, DataFingerprint.of(data.features, data.labels,
                data.schema.labels()), ""); // its own data passes
    }

    @Test
    void aTruncatedEmptyOrDamagedCheckpointIsRefusedAsBadDataNamingTheFile(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        run(eightSteps.toBuilder().steps(4).build(), null, checkpoints, false, dir.resolve("half"));
        Path file = checkpoints.resolve(Checkpoints.LATEST);
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x10;
        for (byte[] bad : List.of(Arrays.copyOf(good, good.length / 2), new byte[0], flipped)) {
            Files.write(file, bad);
            InvalidDataException e = assertThrows(InvalidDataException.class,
                    () -> run(eightSteps, null, checkpoints, true, dir.resolve("resumed")));
            assertTrue(e.getMessage().contains(file.toString())
                    && e.getMessage().contains("not a complete image GAN checkpoint"), e.getMessage());
            assertArrayEquals(bad, Files.readAllBytes(file), "a refused checkpoint is left as it was");
        }
    }

    /**
     * Trains (into {@code checkpoints}, or a fresh folder under {@code out}'s) and writes the model as the command
     * line does, without its clock readings: the export time and each round's duration.
     *
     * @return the ONNX file's bytes
     */
    private byte[] run(GanSettings settings, QualityCheck check, Path checkpoints, boolean resume, Path out)
            throws IOException {
        Path folder = checkpoints != null ? checkpoints : out.resolveSibling(out.getFileName() + ".training");
        try (TrainedGan gan = new GanTrainer(data.schema, settings, TrainingListener.NONE, check, CHECK_EVERY)
                .train(data.features, data.labels, folder, resume)) {
            ModelMetadata metadata = GeneratorExport.metadata(gan, new DataFingerprint("0".repeat(64),
                    data.labels.length), "tiny", "test");
            assertNotNull(metadata.provenance().remove("createdAt"), "the provenance records the export time");
            for (JsonNode round : metadata.provenance().get("history")) {
                assertNotNull(((ObjectNode) round).remove("seconds"), "the provenance records each round's duration");
            }
            metadata.provenance().put("exported", gan.exportedSteps());
            if (gan.scores().isPresent()) {
                metadata = metadata.withScores(gan.scores().get());
            }
            Path model = out.resolveSibling(out.getFileName() + ".onnx");
            GeneratorExport.write(gan, metadata, model, "test");
            return Files.readAllBytes(model);
        }
    }

    /** Trains with checkpoints and cancels once {@code steps} steps are done. */
    private CancelledException cancelAfter(int steps, GanSettings settings, QualityCheck check, Path checkpoints) {
        CancellationToken cancellation = new CancellationToken();
        TrainingListener cancelling = new TrainingListener() {
            private int done;

            @Override
            public void stepFinished(int step, double lossD, double lossG) {
                if (++done == steps) {
                    cancellation.cancel();
                }
            }
        };
        return assertThrows(CancelledException.class, () -> new GanTrainer(data.schema, settings, cancelling, check,
                CHECK_EVERY, cancellation).train(data.features, data.labels, checkpoints, false).close());
    }

    /** Resumes and cancels before the first step, returning the notes heard. */
    private List<String> resumeNotes(GanSettings settings, Path checkpoints) {
        List<String> heard = new ArrayList<>();
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void info(String message) {
                heard.add(message);
            }
        };
        assertThrows(CancelledException.class, () -> new GanTrainer(data.schema, settings, listener, null,
                CHECK_EVERY, cancelled).train(data.features, data.labels, checkpoints, true).close());
        return heard;
    }

    /**
     * Scores the mean of a few class-0 samples (so the scores vary from check to check but not from run to run);
     * cancels the given token, if any, while checking.
     */
    private record MeanCheck(CancellationToken cancelWhileChecking) implements QualityCheck {
        @Override
        public Score evaluate(ClassSampler sampler) {
            if (cancelWhileChecking != null) {
                cancelWhileChecking.cancel();
            }
            double sum = 0;
            float[] samples = sampler.sample(0, 4, 1);
            for (float v : samples) {
                sum += v;
            }
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("mean", sum / samples.length);
            return new Score(sum / samples.length, details);
        }
    }
}
