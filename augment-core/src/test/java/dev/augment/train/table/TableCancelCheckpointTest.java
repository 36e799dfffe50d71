package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.train.Checkpoints;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

import static dev.augment.train.table.TableResumeTest.CREDIT;
import static dev.augment.train.table.TableResumeTest.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancelled table run with a checkpoint folder saves its last completed step, midway through a round if need
 * be, and a resume from it writes the same model as a run never stopped (same ONNX file but for its clock
 * readings, so the same weights and the same round history). The credit-g sample has 150 rows: batch 70, so an
 * epoch is 2 steps.
 */
class TableCancelCheckpointTest {

    @Test
    void aCancelMidEpochSavesTheLastStepAndTheResumeWritesTheSameModel(@TempDir Path dir) throws IOException {
        TableGanSettings four = SETTINGS.withEpochs(4);
        TableResumeTest.Run straight = TableResumeTest.run(four, null, false, dir.resolve("straight.onnx"));
        Path checkpoints = dir.resolve("checkpoints");
        CancelledException e = cancelAfter(5, four, checkpoints);
        assertTrue(e.getMessage().contains("(step 6 of 8); " + checkpoints.resolve(Checkpoints.LATEST)
                + " keeps step 5 of 8; resume from it"), e.getMessage());
        List<String> heard = resumeNotes(four, checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after step 5 of 8 (1 step into round 3)")),
                heard.toString());
        TableResumeTest.Run resumed = TableResumeTest.run(four, checkpoints, true, dir.resolve("resumed.onnx"));
        assertArrayEquals(straight.onnx(), resumed.onnx(), "resuming after the cancel wrote another model or history");
    }

    /** Counting steps, a round is 250 steps: 7 of 10 is midway through the only round. */
    @Test
    void aCancelMidRoundWhenCountingStepsResumesToTheSameModelAsAnUninterruptedRun(@TempDir Path dir)
            throws IOException {
        TableResumeTest.Run straight = TableResumeTest.run(SETTINGS.withSteps(20), null, false,
                dir.resolve("straight.onnx"));
        Path checkpoints = dir.resolve("checkpoints");
        CancelledException e = cancelAfter(7, SETTINGS.withSteps(10), checkpoints);
        assertTrue(e.getMessage().contains("keeps step 7 of 10; resume from it"), e.getMessage());
        TableResumeTest.Run resumed = TableResumeTest.run(SETTINGS.withSteps(20), checkpoints, true,
                dir.resolve("resumed.onnx"));
        assertArrayEquals(straight.onnx(), resumed.onnx(), "resuming after the cancel wrote another model or history");
    }

    /** The cancel comes before the round's checkpoint is written, which then goes through all the same. */
    @Test
    void aCancelDuringTheLastStepOfARoundStillSavesThatRound(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        CancelledException e = cancelAfter(2, SETTINGS.withEpochs(4), checkpoints);
        assertTrue(e.getMessage().contains("(step 3 of 8); " + checkpoints.resolve(Checkpoints.LATEST)
                + " keeps step 2 of 8"), e.getMessage());
        List<String> heard = resumeNotes(SETTINGS.withEpochs(4), checkpoints);
        assertTrue(heard.stream().anyMatch(m -> m.startsWith("resuming after step 2 of 8 from")), heard.toString());
    }

    @Test
    void aCancelBeforeAnyNewStepWritesNothingNew(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        CancelledException fresh = assertThrows(CancelledException.class, () -> new TableGanTrainer(
                SETTINGS.withSteps(4), TrainingListener.NONE, cancelled).train(CREDIT, checkpoints, false).close());
        assertTrue(fresh.getMessage().endsWith("(step 1 of 4); no checkpoint was written yet"), fresh.getMessage());
        assertFalse(Files.exists(checkpoints.resolve(Checkpoints.LATEST)));

        assertTrue(cancelAfter(3, SETTINGS.withSteps(4), checkpoints).getMessage().contains("keeps step 3 of 4"));
        byte[] saved = Files.readAllBytes(checkpoints.resolve(Checkpoints.LATEST));
        CancelledException resumed = assertThrows(CancelledException.class, () -> new TableGanTrainer(
                SETTINGS.withSteps(4), TrainingListener.NONE, cancelled).train(CREDIT, checkpoints, true).close());
        assertTrue(resumed.getMessage().endsWith("keeps step 3 of 4; resume from it"), resumed.getMessage());
        assertArrayEquals(saved, Files.readAllBytes(checkpoints.resolve(Checkpoints.LATEST)),
                "a checkpoint that already holds the last step was rewritten");
    }

    @Test
    void fewerEpochsThanACheckpointMidEpochHoldsAreRefusedCountingTheStartedEpoch(@TempDir Path dir) {
        Path checkpoints = dir.resolve("checkpoints");
        cancelAfter(5, SETTINGS.withEpochs(4), checkpoints);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new TableGanTrainer(
                SETTINGS.withEpochs(2), TrainingListener.NONE, new CancellationToken()).train(CREDIT, checkpoints,
                true).close());
        assertEquals("epochs", e.setting());
        assertTrue(e.getMessage().contains("is 2 but the checkpoint already has 2 epochs and 1 step of the next; ask "
                + "for at least 3"), e.getMessage());
    }

    /**
     * A version 1 checkpoint (before checkpoints could end midway through a round) is the version 2 one of a
     * round's end without the round in progress (an int and three doubles before the checksum).
     */
    @Test
    void aVersionOneCheckpointStillResumesToTheSameModel(@TempDir Path dir) throws IOException {
        TableResumeTest.Run straight = TableResumeTest.run(SETTINGS.withSteps(8), null, false,
                dir.resolve("straight.onnx"));
        TableResumeTest.run(SETTINGS.withSteps(4), dir, false, dir.resolve("half.onnx"));
        Path checkpoint = dir.resolve(Checkpoints.LATEST);
        byte[] v2 = Files.readAllBytes(checkpoint);
        byte[] magic = "augment-table-checkpoint-v2".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(magic, Arrays.copyOfRange(v2, 2, 2 + magic.length), "the layout this test edits");
        byte[] body = Arrays.copyOf(v2, v2.length - Long.BYTES - Integer.BYTES - 3 * Double.BYTES);
        body[1 + magic.length] = '1';
        CRC32 crc = new CRC32();
        crc.update(body);
        Files.write(checkpoint, ByteBuffer.allocate(body.length + Long.BYTES).put(body).putLong(crc.getValue())
                .array());
        TableResumeTest.Run resumed = TableResumeTest.run(SETTINGS.withSteps(8), dir, true,
                dir.resolve("resumed.onnx"));
        assertArrayEquals(straight.samples(), resumed.samples(), "resuming a version 1 checkpoint gave other samples");
    }

    /** Trains with checkpoints and cancels once {@code steps} steps are done. */
    private static CancelledException cancelAfter(int steps, TableGanSettings settings, Path checkpoints) {
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
        return assertThrows(CancelledException.class, () -> new TableGanTrainer(settings, cancelling, cancellation)
                .train(CREDIT, checkpoints, false).close());
    }

    /** Resumes and cancels before the first step, returning the notes heard. */
    private static List<String> resumeNotes(TableGanSettings settings, Path checkpoints) {
        List<String> heard = new ArrayList<>();
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void info(String message) {
                heard.add(message);
            }
        };
        assertThrows(CancelledException.class, () -> new TableGanTrainer(settings, listener, cancelled)
                .train(CREDIT, checkpoints, true).close());
        return heard;
    }
}
