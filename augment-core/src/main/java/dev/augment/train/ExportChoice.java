package dev.augment.train;

/** Which averaged generator {@link GanTrainer#train} hands back for export. */
public enum ExportChoice {
    /** The best-scoring checked averaged generator; the last one when no check ran. */
    BEST,
    /** The averaged generator at the end of training, whatever the checks scored. */
    LAST
}
