package dev.augment.cli;

import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns {@code --class} values (names, labels, indices or {@code all}) into class indices with the
 * library's {@link ClassResolver}: exact name, exact label, index, then a unique loose match; a class
 * the model never learned is refused. Errors name the setting {@code classes}, which the CLI shows as
 * {@code --class}.
 */
final class ClassSelection {

    private ClassSelection() {
    }

    /**
     * @param requested the {@code --class} values, already split at commas
     * @param schema the model's schema
     * @param model the model file, for messages
     * @return class indices, each once, in the order asked
     * @throws dev.augment.errors.InvalidSettingException for an unknown, ambiguous or unlearned class
     */
    static List<Integer> resolve(List<String> requested, SampleSchema schema, Path model) {
        return new ClassResolver(schema, model.toString())
                .resolveAllLearned("classes", requested.stream().map(String::strip).toList());
    }
}
