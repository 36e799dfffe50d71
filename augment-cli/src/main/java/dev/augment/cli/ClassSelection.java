package dev.augment.cli;

import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns {@code --class} values (names, labels, indices or {@code all}) into class indices. */
final class ClassSelection {

    private ClassSelection() {
    }

    static List<Integer> resolve(List<String> requested, SampleSchema schema) {
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String query : requested) {
            String trimmed = query.trim();
            if (trimmed.equalsIgnoreCase("all")) {
                for (int i = 0; i < schema.classCount(); i++) {
                    chosen.add(i);
                }
                continue;
            }
            chosen.add(schema.findClass(trimmed).orElseThrow(() -> new UsageException("--class '" + trimmed
                    + "' is not a class of this model; its classes are " + describe(schema) + " (or 'all')")));
        }
        return new ArrayList<>(chosen);
    }

    static String describe(SampleSchema schema) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < schema.classCount(); i++) {
            String name = schema.classNames().get(i);
            String label = schema.labels().get(i);
            parts.add(i + "=" + (name.equals(label) ? name : name + " (label " + label + ")"));
        }
        return String.join(", ", parts);
    }
}
