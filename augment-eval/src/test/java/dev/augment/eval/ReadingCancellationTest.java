package dev.augment.eval;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.Scenario;
import dev.augment.train.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tribuo's IDX reader does not look at a cancellation token, and reading Fashion-MNIST's 60 000 training images
 * takes seconds: a cancel during the read used to be heard only once the read was over (the command line's
 * shutdown hook gave up after 10 s on a busy machine). The read now runs abandonably, so the cancel ends it.
 */
class ReadingCancellationTest {

    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    @Test
    void aCancelWhileTheDataIsReadStopsTheReadNotTheStepAfterIt() {
        assumeTrue(Files.isDirectory(FASHION_MNIST), "needs the dataset-fashion-mnist package (.ci/run installs it)");
        EvaluationSettings settings = new EvaluationSettings(FASHION_MNIST, FASHION_MNIST, null,
                List.of(ClassifierSpec.parse("logistic")), new Scenario(Scenario.Kind.LOW_DATA, List.of(), 1, 5), 1,
                1, null, false, 1, Architecture.MLP, 0, EmbeddingSettings.defaults(1), VerdictRules.defaults(), 20,
                "test", 1);
        CancellationToken token = new CancellationToken();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(token::cancel, 200, TimeUnit.MILLISECONDS); // far shorter than the read of 60 000 images
            CancelledException e = assertThrows(CancelledException.class,
                    () -> Evaluation.run(settings, dir, line -> { }, token));
            assertTrue(e.getMessage().contains("reading " + FASHION_MNIST), e.getMessage());
        } finally {
            timer.shutdownNow();
        }
        assertEquals(0, dir.toFile().list().length, "nothing written");
    }
}
