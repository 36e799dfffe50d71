package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.table.Table;
import dev.augment.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A table GAN of a few steps and narrow layers, exported beside it: real training and export, in a second. */
final class TinyTableGans {

    /** The settings: seed 5, 20 steps, two residual blocks of 32. */
    static final TableGanSettings SETTINGS = TableGanSettings.defaults(5).withSteps(20).withWidths(List.of(32, 32));

    private TinyTableGans() {
    }

    /**
     * @param table the rows to train on
     * @param model where to export the generator
     * @return the trained GAN, still open (close it)
     */
    static TrainedTableGan trainAndExport(Table table, Path model) throws IOException {
        TrainedTableGan gan = new TableGanTrainer(SETTINGS, TrainingListener.NONE, new CancellationToken()).train(table);
        try {
            TableGeneratorExport.write(gan, TableGeneratorExport.metadata(gan, table, "test", "test"), model, "test");
            return gan;
        } catch (IOException | RuntimeException e) {
            gan.close();
            throw e;
        }
    }
}
