package dev.augment.eval;

import dev.augment.errors.ModelContractException;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import dev.augment.schema.UnicodeSpelling;

import java.util.List;

/**
 * Whether a generator makes the data it is judged against: the same features, in the same order, and the same
 * classes. {@code evaluate --model} and {@code score} compare a model's samples with real data, and a model of
 * other classes or another image size would be scored, or fail deep inside a classifier, without this check.
 */
public final class ModelMatch {

    private ModelMatch() {
    }

    /**
     * @param model the generator
     * @param data the real data's schema
     * @param dataName what the data is, for the message (e.g. "the training data")
     * @throws ModelContractException naming both feature counts and both class lists when they differ, the first
     *     feature named differently when only names differ, or the first class the two name differently when the
     *     data's classes have names of their own (not just their labels)
     */
    public static void require(OnnxGenerator model, SampleSchema data, String dataName) {
        require(model, data, dataName, false);
    }

    /**
     * As {@link #require(OnnxGenerator, SampleSchema, String)}, comparing the class names also when the names given
     * are the labels themselves: {@code --names mnist} (digits 0–9, the labels of IDX data) against the garment model
     * was accepted, every per-class line then naming a garment the user had called a digit (a fresh user, 6 Dec).
     *
     * @param model the generator
     * @param data the real data's schema
     * @param dataName what the data is, for the message
     * @param namesGiven whether the data's class names were given by the user ({@code --names})
     * @throws ModelContractException as the three-argument form, and when given names differ from the model's
     */
    public static void require(OnnxGenerator model, SampleSchema data, String dataName, boolean namesGiven) {
        require(model, data, dataName, namesGiven, false);
    }

    /**
     * As {@link #require(OnnxGenerator, SampleSchema, String, boolean)}, taking data of some of the model's classes
     * where the caller matches classes by label: {@code oversample} refused an image folder of three of a generator's
     * ten classes, as "for image data" a rule, while {@code AugmentingDataSource} over the same folder added the
     * right examples (re-checks, 7 Dec).
     *
     * @param model the generator
     * @param data the real data's schema
     * @param dataName what the data is, for the message
     * @param namesGiven whether the data's class names were given by the user ({@code --names})
     * @param someClasses whether data of fewer classes than the model's, each one of its labels, is taken
     * @throws ModelContractException as the four-argument form; with {@code someClasses}, for a class the data names
     *     otherwise than the model does for the same label
     */
    public static void require(OnnxGenerator model, SampleSchema data, String dataName, boolean namesGiven,
                               boolean someClasses) {
        SampleSchema m = model.metadata().schema();
        boolean subset = someClasses && data.labels().size() < m.classCount() && new java.util.HashSet<>(m.labels())
                .containsAll(data.labels()) && new java.util.HashSet<>(data.labels()).size() == data.labels().size();
        if (m.featureCount() == data.featureCount() && (subset || m.labels().equals(data.labels()))) {
            if (m.isImage() && data.isImage() && !m.shape().equals(data.shape())) {
                // IDX names 14×56 pixels as it names 28×28 ones (000..783): only the shape tells them apart
                throw new ModelContractException(model.path() + ": the model generates images of shape " + m.shape()
                        + " but " + dataName + " holds images of shape " + data.shape() + " (the same "
                        + m.featureCount() + " values); pass a model trained on images of this size");
            }
            for (int i = 0; i < m.featureCount(); i++) {
                if (!m.featureNames().get(i).equals(data.featureNames().get(i))) {
                    throw new ModelContractException(model.path() + ": feature " + i + " is named '"
                            + m.featureNames().get(i) + "' by the model but '" + data.featureNames().get(i) + "' in "
                            + dataName + "; pass a model trained on data read the same way");
                }
            }
            boolean dataNamed = namesGiven || !data.classNames().equals(data.labels());
            for (int d = 0; dataNamed && d < data.classCount(); d++) {
                int c = m.labels().indexOf(data.labels().get(d));
                if (!m.classNames().get(c).equals(data.classNames().get(d))) {
                    // the labels agree, so nothing would fail: but every per-class line would carry the wrong name
                    throw new ModelContractException(model.path() + ": the model calls label '" + m.labels().get(c)
                            + "' '" + m.classNames().get(c) + "' but " + dataName + " calls it '"
                            + data.classNames().get(d) + "'; check --names (or the data's classes.csv), or pass a "
                            + "model of these classes");
                }
            }
            return;
        }
        throw new ModelContractException(model.path() + ": the model generates " + m.featureCount() + " features "
                + m.shape() + " of classes " + classes(m) + " but " + dataName + " has " + data.featureCount()
                + " features " + data.shape() + " of classes " + classes(data) + "; "
                + (m.featureCount() == data.featureCount()
                && UnicodeSpelling.differOnlyInNormalisation(m.labels(), data.labels())
                ? UnicodeSpelling.LOOK_THE_SAME + (UnicodeSpelling.composed(data.labels())
                        ? "; here the model's names are the decomposed ones: train it again on these folders, or "
                        + "rename the folders to match (convmv -r -f utf8 -t utf8 --nfd --notest FOLDER)"
                        : "; rename the data's class folders, " + UnicodeSpelling.RENAME)
                : m.featureCount() == data.featureCount() && UnicodeSpelling.sameNamesInAnotherOrder(m.labels(),
                data.labels()) ? UnicodeSpelling.OTHER_ORDER.replace("on one side", "in the data or the model's "
                + "training data")
                : m.featureCount() == data.featureCount() && data.classNames().equals(m.classNames())
                // numbered class folders named with --names cifar10: the names match, the labels are the folders'
                // numbers, and the line sent the user to find another model (a fresh user, 6 Dec)
                ? "the data's class names are the model's, in its order, but its labels are not (" + csvCell(
                data.labels().get(0)) + " where the model has " + csvCell(m.labels().get(0)) + "): name the class "
                + "folders as the model labels its classes (" + String.join(", ", m.labels().subList(0,
                Math.min(3, m.classCount()))) + (m.classCount() > 3 ? ", …" : "") + "), or give the data the model's "
                + "labels with a classes.csv beside the class folders (or beside train/ and test/ if it has them): "
                + "index,label,name,folder, then a line per class, e.g. 0," + csvCell(m.labels().get(0))
                + "," + csvCell(m.classNames().get(0)) + "," + csvCell(data.labels().get(0))
                : m.featureCount() == data.featureCount() && someOfTheModelsClasses(m, data)
                ? "the data's classes are some of the model's" + (someClasses ? " but " + byLabels(m, data)
                : ", and " + SOME_CLASSES)
                : m.featureCount() == data.featureCount() && alike(m.labels(), data.labels())
                // a zero-width space in the data's folder names: two lists that looked the same, and the advice to
                // find another model (a re-check, 6 Dec)
                ? "the classes differ only in case, spaces or invisible characters (shown escaped): rename the data's "
                + "class folders to the model's names"
                : m.featureCount() == data.featureCount() && someOfTheModelsClassesLoosely(m, data)
                && !(m.labels().equals(m.classNames()) && m.classNames().stream().noneMatch(n -> n.contains("/")))
                // named after classes the model labels otherwise: renamed to the names, they were then told of
                // classes.csv, a journey of two or three runs, and 'T-shirt/top' cannot be a folder's name
                // (re-checks, 7 Dec)
                ? "the data's classes are " + (data.labels().size() < m.classCount() ? "some of " : "")
                + "the model's, in another case or spacing, and " + byLabels(m, data)
                + (data.labels().size() < m.classCount() && !someClasses ? "; and " + SOME_CLASSES : "")
                : m.featureCount() == data.featureCount() && someOfTheModelsClassesLoosely(m, data)
                ? "the data's classes are " + (data.labels().size() < m.classCount() ? "some of " : "")
                + "the model's but for case, spaces or invisible characters (shown escaped): rename the data's class "
                + "folders to the model's names" + (data.labels().size() < m.classCount() && !someClasses ? ", and "
                + SOME_CLASSES : "")
                : m.featureCount() == data.featureCount() && namedAsTheModelsClasses(m, data)
                // folders named as the model names its classes (as generate names its folders), in the file system's
                // order: sent to find another model, where a classes.csv was the fix (a fresh user, 6 Dec)
                ? "the data's class folders are the model's classes by name, but read in another order (the folders' "
                + "names sorted) with other labels; give the data the model's order with a classes.csv in the folder "
                + "that holds the class folders (or beside train/ and test/ if it has them): the line "
                + "index,label,name,folder, then one line per class in the model's order, e.g. 0,"
                + csvCell(m.labels().get(0)) + ","
                + csvCell(m.classNames().get(0)) + "," + csvCell(folderNames(m).get(0))
                : m.featureCount() == data.featureCount() && numbered(data.labels(), m.classCount())
                && !m.labels().equals(data.labels())
                // numbered class folders (CIFAR-10 as 0..9) were sent to find another model, without a word of the
                // classes.csv that labels them (a re-check, 6 Dec night)
                ? "the data's class folders are numbered 0-" + (m.classCount() - 1) + " where the model labels its "
                + "classes " + String.join(", ", m.labels().subList(0, Math.min(3, m.classCount())))
                + (m.classCount() > 3 ? ", …" : "") + ": if they are its classes in its order, give the data the "
                + "model's labels with a classes.csv beside the class folders (or beside train/ and test/ if it has "
                + "them): index,label,name,folder, then a line per class, e.g. 0," + csvCell(m.labels().get(0)) + ","
                + csvCell(m.classNames().get(0)) + "," + csvCell(data.labels().get(0))
                : m.featureCount() == data.featureCount() && nearMisses(m, data, someClasses).isPresent()
                ? nearMisses(m, data, someClasses).get()
                : data.featureCount() == 3 * m.featureCount() && data.channels() == 3 && m.channels() == 1
                ? "the data is read as colour; if it is grey stored as RGB (see its note), save it as greyscale"
                : "pass a model trained on this kind of data"));
    }

    /** Where the data's classes are some of the model's and the command compares every class of the model. */
    private static final String SOME_CLASSES = "this command compares every class of the model with the data's: give "
            + "data with every class of the model, or train a model on these classes (oversample, and "
            + "AugmentingDataSource in Java, take data of some of a model's classes)";

    /** @return the advice to label class folders named after the model's classes by its labels, with classes.csv */
    private static String byLabels(SampleSchema m, SampleSchema data) {
        return "named otherwise than by its labels (" + String.join(", ", m.labels().subList(0, Math.min(3,
                m.classCount()))) + (m.classCount() > 3 ? ", …" : "") + "): give the data the model's labels with a "
                + "classes.csv beside the class folders: index,label,name,folder, then a line per class, e.g. "
                + firstLine(m, data);
    }

    /** @return the classes.csv line giving the data's first class folder the model's index, label and name */
    private static String firstLine(SampleSchema m, SampleSchema data) {
        String folder = data.labels().get(0);
        String loose = dev.augment.table.ColumnAdvice.looseSpelling(folder);
        int c = 0;
        for (int i = m.classCount() - 1; i >= 0; i--) {
            // exactly, or but for case and spacing ('T-shirt top' for 'T-shirt/top', whose folder is 'T-shirt_top')
            if (List.of(m.classNames().get(i), folderNames(m).get(i)).stream().anyMatch(n -> n.equals(folder)
                    || dev.augment.table.ColumnAdvice.looseSpelling(n).equals(loose))) {
                c = i;
            }
        }
        return c + "," + csvCell(m.labels().get(c)) + "," + csvCell(m.classNames().get(c)) + "," + csvCell(folder);
    }

    /** @return whether the labels are exactly "0", "1", … up to {@code count} − 1, in order */
    private static boolean numbered(List<String> labels, int count) {
        return labels.size() == count && java.util.stream.IntStream.range(0, count)
                .allMatch(i -> labels.get(i).equals(Integer.toString(i)));
    }

    /** @return whether the two lists name the same classes but for case, spaces and invisible characters */
    private static boolean alike(java.util.List<String> a, java.util.List<String> b) {
        return a.size() == b.size() && !a.equals(b) && java.util.stream.IntStream.range(0, a.size()).allMatch(i ->
                dev.augment.table.ColumnAdvice.looseSpelling(a.get(i)).equals(dev.augment.table.ColumnAdvice
                        .looseSpelling(b.get(i))));
    }

    /** @return the labels, escaped where a reader cannot see a character, with the names beside them if they differ */
    private static String classes(SampleSchema schema) {
        java.util.List<String> labels = schema.labels().stream().map(dev.augment.table.ColumnAdvice::shown).toList();
        return schema.labels().equals(schema.classNames()) ? labels.toString()
                : labels + " (" + String.join(", ", schema.classNames().stream()
                .map(dev.augment.table.ColumnAdvice::shown).toList()) + ")";
    }

    /** @return the folder names generate gives the model's classes */
    private static List<String> folderNames(SampleSchema m) {
        return dev.augment.generate.output.ClassDirectoryNames.sanitise(m.classNames());
    }

    /** @return whether the data's labels are the model's class names, or its folder names, as a set but not in order */
    private static boolean namedAsTheModelsClasses(SampleSchema m, SampleSchema data) {
        java.util.Set<String> labels = new java.util.HashSet<>(data.labels());
        for (List<String> names : List.of(m.classNames(), folderNames(m))) {
            if (names.size() == labels.size() && labels.equals(new java.util.HashSet<>(names))
                    && !names.equals(data.labels())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether the data's labels are fewer than, and among, the model's labels, class names or folder
     *     names (folders named after a subset of a model's classes were sent to find "a model trained on this kind
     *     of data"; a re-check, 6 Dec)
     */
    private static boolean someOfTheModelsClasses(SampleSchema m, SampleSchema data) {
        for (List<String> names : List.of(m.labels(), m.classNames(), folderNames(m))) {
            if (data.labels().size() < names.size() && names.containsAll(data.labels())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Folders named {@code bag}, {@code sneaker} for the model's Bag and Sneaker were sent to find another model
     * (helper j3, 6 Dec).
     *
     * @return whether the data's labels are some of the model's classes but for case, spaces and invisible characters
     */
    private static boolean someOfTheModelsClassesLoosely(SampleSchema m, SampleSchema data) {
        List<String> loose = data.labels().stream().map(dev.augment.table.ColumnAdvice::looseSpelling).toList();
        for (List<String> names : List.of(m.labels(), m.classNames(), folderNames(m))) {
            if (loose.size() <= names.size() && !names.containsAll(data.labels()) && names.stream()
                    .map(dev.augment.table.ColumnAdvice::looseSpelling).toList().containsAll(loose)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A class folder one letter off a model's class ({@code trousers} for {@code Trouser}) fell through to "pass a
     * model trained on this kind of data", where {@code generate --class trousers} says "did you mean" (a re-check,
     * 6 Dec).
     *
     * @return the advice naming each data class the model lacks and the model's classes near it, when one of them
     *     has a near one and the data has no more classes than the model; else empty
     * @param someClasses whether data of some of the model's classes is taken (no word of every class then)
     */
    private static java.util.Optional<String> nearMisses(SampleSchema m, SampleSchema data,
                                                         boolean someClasses) {
        if (data.labels().size() > m.classCount()) {
            return java.util.Optional.empty();
        }
        dev.augment.schema.ClassResolver resolver = new dev.augment.schema.ClassResolver(m, "the model");
        java.util.Set<String> known = new java.util.HashSet<>();
        for (List<String> names : List.of(m.labels(), m.classNames(), folderNames(m))) {
            names.forEach(n -> known.add(dev.augment.table.ColumnAdvice.looseSpelling(n)));
        }
        List<String> unknown = new java.util.ArrayList<>();
        boolean anyNear = false;
        for (String label : data.labels()) {
            if (!known.contains(dev.augment.table.ColumnAdvice.looseSpelling(label))) {
                String near = resolver.suggestion(label).strip();
                // one folder with no near class beside a near miss dropped every hint (a re-check, 6 Dec night)
                anyNear |= !near.isEmpty();
                unknown.add("'" + dev.augment.table.ColumnAdvice.shown(label) + "' (" + (near.isEmpty()
                        ? "no class of the model is near it" : near) + ")");
            }
        }
        return !anyNear ? java.util.Optional.empty() : java.util.Optional.of("the data's class"
                + (unknown.size() == 1 ? " " : "es ") + String.join(", ", unknown) + (unknown.size() == 1 ? " is not a "
                // a classes.csv beside the folders gives the labels: renaming folders already so named did nothing
                // (a fresh user, 7 Dec)
                + "class" : " are not classes") + " of the model: rename the data's class folders (or the labels its "
                + "classes.csv gives them) to the model's names" + (data.labels().size() < m.classCount()
                && !someClasses ? ", and " + SOME_CLASSES : ""));
    }

    private static String csvCell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
