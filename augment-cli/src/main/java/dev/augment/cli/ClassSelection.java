package dev.augment.cli;

import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns {@code --class} values (names, labels, indices or {@code all}) into class indices with the
 * library's {@link ClassResolver}: exact name, exact label, index, then a unique loose match; a class
 * the model never learned is refused, and {@code all} says on the error stream which classes it left out
 * because the model never learned them. Errors name the setting {@code classes}, which the CLI shows as
 * {@code --class}.
 */
final class ClassSelection {

    private ClassSelection() {
    }

    /**
     * @param requested the {@code --class} values, already split at commas
     * @param schema the model's schema
     * @param model the model file, for messages
     * @param notes where a note on classes that {@code all} left out goes (the error stream)
     * @return class indices, each once, in the order asked
     * @throws dev.augment.errors.InvalidSettingException for an unknown, ambiguous or unlearned class
     */
    static List<Integer> resolve(List<String> requested, SampleSchema schema, Path model, PrintWriter notes) {
        ClassResolver resolver = new ClassResolver(schema, model.toString());
        // not stripped: an exact class name with spaces round it ("1 ") wins over one without; the resolver strips
        List<Integer> chosen = resolver.resolveAllLearned("classes", requested);
        resolver.leftOutByAll(requested).ifPresent(note -> notes.println("augment: note: --class all " + note));
        return chosen;
    }
}
