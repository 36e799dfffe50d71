package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

@Tag("slow")
class StepTimingProbe {
    @Test
    void time() {
        Table table = TableReader.read(Path.of("/work/shared/datasets/tabular/diabetes.csv"), "class");
        var bean = ManagementFactory.getThreadMXBean();
        for (int steps : new int[] {20, 100}) {
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            TableGanSettings settings = TableGanSettings.defaults(1).withSteps(steps);
            try (TrainedTableGan gan = new TableGanTrainer(settings, TrainingListener.NONE, new CancellationToken()).train(table)) {
                System.out.printf("PROBE steps %d: wall %.3f s, thread cpu %.3f s%n", steps, (System.nanoTime() - wall) / 1e9,
                        (bean.getCurrentThreadCpuTime() - cpu) / 1e9);
            }
        }
    }
}
