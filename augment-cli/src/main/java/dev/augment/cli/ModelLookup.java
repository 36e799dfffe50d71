package dev.augment.cli;

import dev.augment.io.PhysicalPaths;
import dev.augment.onnx.ModelCatalog;
import dev.augment.schema.ClassResolver;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which generator {@code generate} runs when {@code --model} is not given: the one shipped model (every
 * {@code *.onnx} in {@code <home>/models}, see {@link ModelOption#modelsFolder()}) that knows the
 * {@code --class} names, found with {@link ModelCatalog#knowingAll} (exact name or label first, then a
 * unique loose match).
 *
 * <ul>
 *   <li>exactly one model knows every named class: it is used, and one line on standard error says so;</li>
 *   <li>several do: a {@link UsageException} (exit 2) listing them and asking for {@code --model};</li>
 *   <li>none does: a {@link UsageException} listing the shipped models and their classes.</li>
 * </ul>
 * Values that name no class keep the default model ({@code models/fashion-mnist.onnx}): a bare index
 * ({@code 3}) means a different class in every model (unless some model has it as the label of another index,
 * {@link #withNumberLabels}), and {@code all} means every class of whichever
 * model runs. So do a missing models folder and a folder with no readable model: the default model's
 * own error then says what is wrong. Files that cannot be read are skipped, each named in a note (or in
 * the error when no model is chosen).
 */
final class ModelLookup {

    private static final String ALL = "all";

    private ModelLookup() {
    }

    /**
     * @param given the {@code --model} value, or null when none was given
     * @param classes the {@code --class} values, split at commas
     * @param err where the choice and the skipped files are reported
     * @return the model to run
     * @throws UsageException when no shipped model, or several, know the named classes
     */
    static Path choose(Path given, List<String> classes, PrintWriter err) {
        if (given != null) {
            return ModelOption.requireFound(given);
        }
        List<String> named = classes.stream().map(String::strip).filter(ModelLookup::namesAClass).distinct().toList();
        Path folder = ModelOption.modelsFolder();
        // scanned once, also for a bare number, which may be another model's label (withNumberLabels)
        ModelCatalog catalog = Files.isDirectory(folder) ? ModelCatalog.scan(folder) : null;
        if (catalog != null) {
            named = withNumberLabels(named, classes, catalog);
        }
        if (named.isEmpty() || catalog == null) {
            // not checked here: the lines below name the usable models beside a missing default
            Path fallback = catalog == null ? ModelOption.defaultModel() : ModelOption.defaultModelPath();
            java.util.Optional<ModelCatalog.Unreadable> broken = catalog == null ? java.util.Optional.empty()
                    : catalog.unreadable().stream().filter(u -> sameFile(u.file(), fallback)).findFirst();
            if (named.isEmpty() && broken.isPresent()) {
                // "using X, the default model" and then its load's refusal, with a usable model beside it (7 Dec)
                throw new dev.augment.errors.ModelContractException("--class " + String.join(",", classes.stream()
                        .map(String::strip).toList()) + " runs the default model, which cannot be used: "
                        + broken.get().problem() + usableOnes(catalog));
            }
            if (named.isEmpty() && catalog != null && !Files.exists(fallback)) {
                // "model file not found" named neither the default nor the models beside it (a re-check, 7 Dec)
                throw new dev.augment.errors.ModelContractException("--class " + String.join(",", classes.stream()
                        .map(String::strip).toList()) + " runs the default model, " + fallback + ", which is not "
                        + "there" + (catalog.models().isEmpty() ? "; restore it, or pass --model with a generator file"
                        : usableOnes(catalog) + ", or restore it"));
            }
            if (named.isEmpty() && Files.isRegularFile(fallback)) {
                // an index or "all" means something in every model: say which one runs, as for a named class
                err.printf("augment: using %s, the default model (--class %s names no class of its own; --model "
                        + "picks another)%n", fallback, String.join(",", classes.stream().map(String::strip).toList()));
                err.flush();
            }
            return fallback;
        }
        if (catalog.models().isEmpty()) {
            noteSkipped(catalog, err);
            return ModelOption.defaultModel();
        }
        List<ModelCatalog.Model> candidates = oneEntryPerFile(catalog.knowingAll(named));
        if (candidates.size() == 1) {
            noteSkipped(catalog, err);
            Path chosen = candidates.get(0).file();
            // the class it matched, not the spelling typed: "class 'CAT'" of a model whose class is cat (7 Dec)
            dev.augment.schema.ClassResolver resolver = new dev.augment.schema.ClassResolver(
                    candidates.get(0).metadata().schema(), chosen.toString());
            // each class once: --class cat,Cat named 'cat', 'cat' before the duplicate was refused (a fresh user,
            // 7 Dec)
            List<String> matched = named.stream().map(q -> resolver.find(q).map(c -> candidates.get(0).metadata()
                    .schema().classNames().get(c)).orElse(q)).distinct().toList();
            err.printf("augment: using %s, the only shipped model with class%s %s (--model picks another)%n",
                    chosen, matched.size() == 1 ? "" : "es", quoted(matched));
            err.flush();
            return chosen;
        }
        if (candidates.size() > 1) {
            throw new UsageException("--class " + quoted(named) + ": " + candidates.size() + " shipped models in "
                    + folder + " know " + (named.size() == 1 ? "it" : "them") + ": "
                    + candidates.stream().map(ModelCatalog.Model::name).collect(Collectors.joining(", "))
                    + "; choose one with --model, e.g. --model " + candidates.get(0).file() + skipped(catalog));
        }
        throw new UsageException(noneKnows(catalog, named) + skipped(catalog));
    }

    /**
     * @return "; pass --model with a usable one: " and every usable model's file with its class count, or nothing:
     *     the first alone, alphabetically, was offered where a usable copy of the default lay beside it, and
     *     {@code --class 3} means another class in another model (a re-check, 7 Dec)
     */
    private static String usableOnes(ModelCatalog catalog) {
        List<ModelCatalog.Model> usable = oneEntryPerFile(catalog.models());
        if (usable.isEmpty()) {
            return "";
        }
        return "; pass --model with a usable one, whose class numbers and names are its own: " + usable.stream()
                .map(m -> m.file() + " (" + m.schema().classCount() + " classes, the first '"
                        + dev.augment.table.ColumnAdvice.shown(m.schema().classNames().get(0)) + "')")
                .collect(Collectors.joining(", "));
    }

    /**
     * @param models shipped models
     * @return them with links to another of them left out: a {@code latest.onnx -> v3.onnx} link made v3's classes
     *     "known by 2 shipped models" (a fresh user, 7 Dec); the file itself is kept, or the first link to it
     */
    static List<ModelCatalog.Model> oneEntryPerFile(List<ModelCatalog.Model> models) {
        java.util.Map<Path, ModelCatalog.Model> byFile = new java.util.LinkedHashMap<>();
        for (ModelCatalog.Model model : models) {
            Path real;
            try {
                real = model.file().toRealPath();
            } catch (java.io.IOException e) {
                real = PhysicalPaths.absolute(model.file());
            }
            ModelCatalog.Model kept = byFile.get(real);
            if (kept == null || Files.isSymbolicLink(kept.file()) && !Files.isSymbolicLink(model.file())) {
                byFile.put(real, model);
            }
        }
        return List.copyOf(byFile.values());
    }

    /**
     * A bare number is an index unless some shipped model has it as a Tribuo label of another index (classes
     * labelled 3, 7, 10): the resolver takes an exact label before an index, so such a number names that class, and
     * the lookup must find every model that knows it (a model labelled by index, as Fashion-MNIST's "3" at index 3,
     * knows it too). Before, {@code --class 10} was refused by the default model although another shipped model had
     * that label, and {@code --class 3} silently ran the default model's class 3.
     *
     * @return the named classes plus such numbers, in the order given
     */
    private static List<String> withNumberLabels(List<String> named, List<String> classes, ModelCatalog catalog) {
        List<String> numbers = classes.stream().map(String::strip).filter(q -> !q.isEmpty()
                && q.chars().allMatch(c -> c >= '0' && c <= '9')).distinct().toList();
        List<String> labels = numbers.stream().filter(q -> catalog.models().stream().anyMatch(m -> {
            int at = m.schema().labels().indexOf(q);
            return at >= 0 && !Integer.toString(at).equals(q);
        })).toList();
        if (labels.isEmpty()) {
            return named;
        }
        List<String> all = new java.util.ArrayList<>(named);
        all.addAll(labels);
        return List.copyOf(all);
    }

    /** @return false for a bare index (a different class in every model) and for "all" */
    static boolean namesAClass(String query) {
        return !query.isEmpty() && !query.chars().allMatch(c -> c >= '0' && c <= '9')
                && !query.toLowerCase(Locale.ROOT).equals(ALL);
    }

    private static String noneKnows(ModelCatalog catalog, List<String> named) {
        for (String query : named) {
            if (catalog.knowing(query).isEmpty()) {
                String near = catalog.models().stream()
                        .map(m -> new ClassResolver(m.schema(), m.name()).suggestion(query))
                        .filter(text -> !text.isEmpty()).findFirst().orElse("");
                return "--class '" + query + "' is not a class of any shipped model in " + catalog.folder() + "; "
                        + near + "their classes: (" + catalog.models().stream().map(m -> m.name() + ": "
                                + new ClassResolver(m.schema(), m.name()).listing())
                        .collect(Collectors.joining("; ")) + "); give a generator that has it with --model FILE";
            }
        }
        return "--class " + quoted(named) + ": no shipped model in " + catalog.folder() + " knows them all ("
                + named.stream().map(q -> "'" + q + "' is in " + catalog.knowing(q).stream()
                        .map(ModelCatalog.Model::name).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")) + "); generate them in separate runs, or give one "
                + "generator that has them all with --model FILE";
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException | RuntimeException e) {
            return PhysicalPaths.absolute(a).equals(PhysicalPaths.absolute(b));
        }
    }

    private static void noteSkipped(ModelCatalog catalog, PrintWriter err) {
        for (ModelCatalog.Unreadable file : catalog.unreadable()) {
            // "skipped X breaks the generator contract" read as one clause (a re-check, 7 Dec)
            err.println("augment: note: skipped a model file that cannot be used: " + file.problem());
        }
        err.flush();
    }

    private static String skipped(ModelCatalog catalog) {
        return catalog.unreadable().isEmpty() ? "" : "; skipped, as unusable: " + catalog.unreadable().stream()
                .map(ModelCatalog.Unreadable::problem).collect(Collectors.joining("; "));
    }

    private static String quoted(List<String> queries) {
        return queries.stream().map(q -> "'" + q + "'").collect(Collectors.joining(", "));
    }
}
