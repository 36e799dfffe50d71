package dev.augment.cli;

import dev.augment.generate.output.OutputFormat;
import dev.augment.schema.SampleSchema;

import java.io.PrintWriter;
import java.util.List;

/**
 * IDX label files hold class indices 0..K-1. When the classes are numbers that are not their own indices (image
 * folders {@code 1}, {@code 2}, {@code 3}), a reader of the IDX files alone sees labels the data did not have (augment
 * reads the {@code classes.csv} beside them, and gets them back): said in one note, naming the first class that moves.
 */
final class IdxLabels {

    private IdxLabels() {
    }

    /**
     * Prints the note when the format is IDX and some written class is not the number its index reads as: {@code 1}
     * at index 0, or {@code 01} at index 1 (a reader of the IDX files sees {@code 1}). Only the classes written count:
     * the note named a class the run did not write (a fresh user, 7 Dec).
     *
     * @param format the output format
     * @param schema the model's or data's classes
     * @param written the indices of the classes written
     * @param log where the note goes
     */
    static void noteIfRenumbered(OutputFormat format, SampleSchema schema, java.util.Collection<Integer> written,
                                 PrintWriter log) {
        if (format != OutputFormat.IDX) {
            return;
        }
        List<String> labels = schema.labels();
        List<Integer> classes = written.stream().sorted().toList();
        if (!classes.stream().allMatch(c -> labels.get(c).matches("\\d{1,9}"))) {
            return; // names (cat, dog): a reader of IDX never expected them in the byte
        }
        // every class that moves, the first three named: '01' as 1 was named and '1' as 2 was not (a re-check)
        List<String> moved = classes.stream().filter(c -> !labels.get(c).equals(Integer.toString(c)))
                .map(c -> "'" + labels.get(c) + "' is written as " + c).toList();
        if (!moved.isEmpty()) {
            log.println("note: IDX labels are class indices, so class " + String.join(", ", moved.subList(0,
                    Math.min(3, moved.size()))) + (moved.size() > 3 ? " and " + (moved.size() - 3) + " more" : "")
                    + " (classes.csv beside the files maps each index to its label, and augment reads it back; "
                    + "another reader of the IDX files alone sees labels 0.." + (labels.size() - 1) + "); --format "
                    + "png or csv keeps the labels");
        }
    }
}
