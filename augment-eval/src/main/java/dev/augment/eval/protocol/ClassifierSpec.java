package dev.augment.eval.protocol;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.cnn.CnnTrainer;
import dev.augment.io.PhysicalPaths;
import dev.augment.schema.SampleSchema;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Tribuo trainer every arm uses, by name: {@code logistic} (multinomial logistic regression,
 * {@link LinearSGDTrainer} with {@link LogMulticlass} and AdaGrad(1.0), 5 epochs, as Tribuo's
 * {@code LogisticRegressionTrainer}), {@code cart} (a {@link CARTClassificationTrainer}, Gini, min
 * child weight 5), {@code forest} (a random forest of 100 trees grown by XGBoost, {@link RandomForests}), {@code cnn} (a small convolutional network,
 * {@link CnnTrainer}: two 3×3 convolutions of 32 and 64 channels with ReLU and 2×2 max pooling, 128
 * dense units, softmax; Adam 1e-3, batch 128, {@code cnnSteps} steps; images only), or
 * {@code config:FILE}, the component named {@code trainer} of an OLCUT configuration file.
 *
 * <p>Built-in trainers are rebuilt per run with the run's seed; a configured trainer is looked up
 * afresh per run, from the file's text as {@link #parse} read it, and keeps the seed its file gives it. The file was
 * read again per seed: edited during a run, one family mixed two trainers and its verdict flipped, and deleted, it
 * lost every finished seed (a fresh user, 5 Dec).
 *
 * @param name the name as given ({@code logistic}, {@code cart}, {@code forest}, {@code cnn} or
 *     {@code config:FILE})
 * @param configFile the configuration file, or null for a built-in trainer
 * @param cnnSteps optimiser steps of the {@code cnn} trainer, ≥ 1 (unused by the others)
 * @param configText the configuration file's text as read once, or null to read the file at each {@link #create}
 */
public record ClassifierSpec(String name, Path configFile, int cnnSteps, String configText) {

    /** How a {@code --trainer} entry names an OLCUT configuration file. */
    public static final String CONFIG_PREFIX = "config:";

    /** The component a configuration file must define. */
    public static final String COMPONENT = "trainer";

    /** Validates the name and the CNN's steps. */
    public ClassifierSpec {
        if (name == null || name.isBlank()) {
            throw new InvalidSettingException("trainer", "is required: logistic, cart, forest, cnn or config:FILE");
        }
        if (cnnSteps < 1) {
            throw new InvalidSettingException("cnnSteps", "must be at least 1, was " + cnnSteps);
        }
    }

    /**
     * @param name the name as given
     * @param configFile the configuration file, or null for a built-in trainer
     */
    public ClassifierSpec(String name, Path configFile) {
        this(name, configFile, CnnTrainer.DEFAULT_STEPS);
    }

    /**
     * @param name the name as given
     * @param configFile the configuration file, read at each {@link #create}, or null for a built-in trainer
     * @param cnnSteps optimiser steps of the {@code cnn} trainer
     */
    public ClassifierSpec(String name, Path configFile, int cnnSteps) {
        this(name, configFile, cnnSteps, null);
    }

    /**
     * @param text {@code logistic}, {@code cart}, {@code forest}, {@code cnn} or {@code config:FILE}
     * @return the spec, with {@link CnnTrainer#DEFAULT_STEPS} CNN steps
     * @throws InvalidSettingException for an unknown name
     * @throws InvalidDataException for an unreadable or invalid configuration file
     */
    public static ClassifierSpec parse(String text) {
        return parse(text, CnnTrainer.DEFAULT_STEPS);
    }

    /**
     * @param text {@code logistic}, {@code cart}, {@code forest}, {@code cnn} or {@code config:FILE}
     * @param cnnSteps optimiser steps of the {@code cnn} trainer, ≥ 1
     * @return the spec; a configuration file is loaded once here to check it
     * @throws InvalidSettingException for an unknown name or steps below 1
     * @throws InvalidDataException for an unreadable or invalid configuration file
     */
    public static ClassifierSpec parse(String text, int cnnSteps) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith(CONFIG_PREFIX)) {
            if (t.substring(CONFIG_PREFIX.length()).isBlank()) {
                // read as the current folder: ": is a folder", exit 3 (a fresh user, 7 Dec)
                throw new InvalidSettingException("trainer", CONFIG_PREFIX + " names no file; give the configuration "
                        + "file's path, e.g. config:trainer.xml (was the variable that holds it set?)");
            }
            // config: x.xml, a space after the colon, was "missing or unreadable" of a file there (a re-check)
            Path file = Path.of(t.substring(CONFIG_PREFIX.length()).strip());
            ClassifierSpec spec = new ClassifierSpec(t, file, cnnSteps, readConfig(file));
            spec.create(0).toString();
            return spec;
        }
        // any case, as every other option value (--trainer LOGISTIC was refused: a fresh user, 6 Dec)
        String name = t.toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "logistic", "cart", "forest", "cnn" -> new ClassifierSpec(name, null, cnnSteps);
            default -> throw new InvalidSettingException("trainer", "'" + t + "' does not exist; use logistic, cart, "
                    + "forest, cnn or config:FILE (an OLCUT file defining a component named '" + COMPONENT + "')");
        };
    }

    /**
     * The configuration files a {@code --trainer} list names, without loading them (as an output guard needs them:
     * before anything is read).
     *
     * @param text one trainer name, or several separated by commas
     * @return the {@code config:FILE} entries' files, in order; empty when there are none
     */
    public static java.util.List<Path> configFiles(String text) {
        return java.util.Arrays.stream((text == null ? "" : text).split(",")).map(String::strip)
                .filter(t -> t.startsWith(CONFIG_PREFIX) && !t.substring(CONFIG_PREFIX.length()).isBlank())
                .map(t -> Path.of(t.substring(CONFIG_PREFIX.length()).strip()))
                // a folder is no configuration, which parse says: as an input it refused the --out inside it
                .filter(file -> !java.nio.file.Files.isDirectory(file)).toList();
    }

    /**
     * Several classifier families for one evaluation, e.g. {@code logistic,forest,cnn}: each item is parsed
     * by {@link #parse(String, int)}. A configuration file whose path contains a comma cannot be listed.
     *
     * @param text one trainer name, or several separated by commas
     * @param cnnSteps optimiser steps of the {@code cnn} trainer, ≥ 1
     * @return the specs, in the given order, at least one
     * @throws InvalidSettingException (setting {@code trainer}) for an empty item, an unknown name or a name
     *     given twice
     * @throws InvalidDataException for an unreadable or invalid configuration file
     */
    public static List<ClassifierSpec> parseList(String text, int cnnSteps) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of(parse(t, cnnSteps));
        }
        List<ClassifierSpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : t.split(",", -1)) {
            String name = item.strip();
            if (name.isEmpty()) {
                throw new InvalidSettingException("trainer", "'" + t + "' has an empty name; separate trainer names "
                        + "with single commas, e.g. logistic,forest,cnn");
            }
            // config:bin.xml and config:./bin.xml are one file: they ran as two families (a fresh user, 5 Dec)
            String key = name.startsWith(CONFIG_PREFIX)
                    ? CONFIG_PREFIX + sameFile(name.substring(CONFIG_PREFIX.length()))
                    : name.toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(key)) {
                throw new InvalidSettingException("trainer", "'" + t + "' names " + name + " twice; give each "
                        + "classifier family once");
            }
            specs.add(parse(name, cnnSteps));
        }
        return List.copyOf(specs);
    }

    /**
     * @param seed the run's seed (ignored by configured trainers)
     * @return a fresh trainer; {@code cnn} infers a square image from the training data's features
     */
    public Trainer<Label> create(long seed) {
        return create(seed, null);
    }

    /**
     * @param seed the run's seed (ignored by configured trainers)
     * @param schema the data's schema: {@code cnn} reads its image shape and feature names, for data
     *     already scaled to [0, 1] as {@link TribuoData} gives it; null to infer a square image
     * @return a fresh trainer
     * @throws InvalidSettingException when {@code cnn} is asked for data that are not images of at least 4×4
     */
    public Trainer<Label> create(long seed, SampleSchema schema) {
        return create(seed, schema, new CancellationToken());
    }

    /**
     * As {@link #create(long, SampleSchema)}, with a way to stop a long training run: the {@code cnn} trainer
     * checks the token before every optimiser step ({@link CnnTrainer#cancelledBy}); Tribuo's own trainers do not
     * look at it (the evaluation runs their fit through {@link dev.augment.cancel.AbandonableCall}, which stops
     * waiting for it on a cancel).
     *
     * @param seed the run's seed (ignored by configured trainers)
     * @param schema the data's schema, or null ({@link #create(long, SampleSchema)})
     * @param cancellation the caller's token
     * @return a fresh trainer
     */
    public Trainer<Label> create(long seed, SampleSchema schema, CancellationToken cancellation) {
        if (configFile != null) {
            return fromConfig();
        }
        if (name.equals("cnn")) {
            if (schema != null && (!schema.isImage() || schema.height() < 4 || schema.width() < 4)) {
                throw new InvalidSettingException("trainer", "cnn needs images of at least 4×4 pixels; the data have "
                        + "shape " + schema.shape());
            }
            CnnTrainer cnn = schema == null
                    ? new CnnTrainer(cnnSteps, CnnTrainer.DEFAULT_BATCH_SIZE, CnnTrainer.DEFAULT_LEARNING_RATE, seed)
                    : new CnnTrainer(schema, 1.0, cnnSteps, CnnTrainer.DEFAULT_BATCH_SIZE,
                            CnnTrainer.DEFAULT_LEARNING_RATE, seed);
            return cnn.cancelledBy(cancellation);
        }
        return switch (name) {
            case "logistic" -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, Integer.MAX_VALUE,
                    1, seed);
            case "cart" -> new CARTClassificationTrainer(Integer.MAX_VALUE, 5f, 0f, 1f, false, new GiniIndex(), seed);
            case "forest" -> RandomForests.xgboost(seed);
            default -> throw new IllegalStateException("unknown trainer " + name);
        };
    }

    /** @return the path's real form (links resolved), or its normalised absolute form when it cannot be resolved */
    private static String sameFile(String path) {
        try {
            return Path.of(path.strip()).toRealPath().toString();
        } catch (java.io.IOException | RuntimeException e) {
            return PhysicalPaths.absolute(Path.of(path.strip())).toString();
        }
    }

    /** @return the configuration file's text, after the checks that it is a readable regular file */
    private static String readConfig(Path configFile) {
        if (Files.isDirectory(configFile)) {
            throw new InvalidDataException(configFile, "is a folder; give the trainer configuration file itself");
        }
        if (!Files.isReadable(configFile)) {
            throw new InvalidDataException(configFile, "trainer configuration file is missing or unreadable");
        }
        String fileName = String.valueOf(PhysicalPaths.absolute(configFile).getFileName());
        if (!fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            // OLCUT picks its reader by the name's extension: "Failed to load a handler for '' files" (5 Dec)
            throw new InvalidDataException(configFile, "is not named .xml, and OLCUT picks a configuration's reader "
                    + "by the file name's extension (augment has its XML reader): name it " + fileName + ".xml");
        }
        if (!Files.isRegularFile(configFile)) {
            // a named pipe was read without end, silent, and a signal waited for the fallback (a fresh user, 5 Dec)
            throw new InvalidDataException(configFile, "not a regular file (a pipe, device or socket); give the "
                    + "trainer configuration as a file");
        }
        try {
            return Files.readString(configFile, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new InvalidDataException(configFile, "trainer configuration file cannot be read as UTF-8 text ("
                    + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** @return the configuration file's text now, or null when it cannot be read as a regular file */
    private String currentText() {
        try {
            return Files.isRegularFile(configFile)
                    ? Files.readString(configFile, java.nio.charset.StandardCharsets.UTF_8) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Trainer<Label> fromConfig() {
        ConfigurationManager cm;
        Path copy = null;
        try {
            Path read = configFile;
            if (configText != null && !configText.equals(currentText())) {
                // edited or gone since the run began: OLCUT reads a file, so a private copy of the text read then
                // (references relative to the file's folder resolve from the copy's; the usual case reads the file)
                copy = Files.createTempFile("augment-trainer-", ".xml");
                Files.writeString(copy, configText, java.nio.charset.StandardCharsets.UTF_8);
                read = copy;
            } else if (configText == null) {
                readConfig(configFile); // its checks
            }
            cm = new ConfigurationManager(read.toString());
        } catch (java.io.IOException e) {
            throw new dev.augment.errors.EnvironmentException("cannot copy the trainer configuration into the "
                    + "temporary folder: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidDataException(configFile, "not a valid OLCUT configuration file ("
                    + firstLine(e.getMessage()) + ")", e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (java.io.IOException ignored) {
                    // a temporary file; the system's cleaning removes it
                }
            }
        }
        try {
            Object component = cm.lookup(COMPONENT);
            if (!(component instanceof Trainer<?> trainer)) {
                throw new InvalidDataException(configFile, "defines no component named '" + COMPONENT
                        + "' that is a Tribuo Trainer (found " + (component == null ? "nothing" : component.getClass()
                        .getName()) + ")");
            }
            java.lang.reflect.Type output = outputType(trainer.getClass(), java.util.Map.of());
            if (output instanceof Class<?> type && !Label.class.isAssignableFrom(type)) {
                // a clustering or regression trainer failed only after the split and the GANs, as a ClassCastException
                throw new InvalidDataException(configFile, "component '" + COMPONENT + "' is a " + trainer.getClass()
                        .getSimpleName() + ", a Trainer<" + type.getSimpleName() + ">; evaluate compares classifiers, "
                        + "so it needs a Trainer<Label> (a classification trainer such as LinearSGDTrainer or "
                        + "CARTClassificationTrainer)");
            }
            if (!(output instanceof Class<?>)) {
                requireLabelsOut((Trainer<Label>) trainer, trainer);
            }
            return (Trainer<Label>) trainer;
        } catch (InvalidDataException e) {
            throw e;
        } catch (RuntimeException e) {
            java.util.regex.Matcher missing = java.util.regex.Pattern.compile("Class (\\S+) not found")
                    .matcher(String.valueOf(e.getMessage()));
            if (missing.find()) {
                // a Tribuo trainer of a module augment does not ship read as a typo (a fresh user, 6 Dec)
                throw new InvalidDataException(configFile, "component '" + COMPONENT + "' is a " + missing.group(1)
                        + ", which is not on augment's class path: it holds Tribuo's classification modules sgd "
                        + "(LinearSGDTrainer, LogisticRegressionTrainer), tree (CARTClassificationTrainer and, with "
                        + "Tribuo's ensembles, random forests) and xgboost (XGBoostClassificationTrainer), not "
                        + "liblinear, libsvm, mnb, sklearn or others; check the class name or use one of those", e);
            }
            throw new InvalidDataException(configFile, "cannot build component '" + COMPONENT + "' ("
                    + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * A generic wrapper ({@code TransformTrainer}, {@code BaggingTrainer}) hides its output type from
     * {@link #outputType}: a clustering trainer inside one passed the check and failed after the whole evaluation's
     * work as a raw ClassCastException, and one without its distance as a raw NullPointerException (a fresh user,
     * 5 Dec). Such a trainer is tried once on a toy set of two separable classes of 20 examples.
     *
     * @throws InvalidDataException when the trial shows it is not a classifier, or cannot train at all for a missing
     *     part (a null field)
     */
    private void requireLabelsOut(Trainer<Label> trainer, Trainer<?> raw) {
        org.tribuo.classification.LabelFactory factory = new org.tribuo.classification.LabelFactory();
        org.tribuo.MutableDataset<Label> toy = new org.tribuo.MutableDataset<>(
                new org.tribuo.provenance.SimpleDataSourceProvenance("augment's trainer trial", factory), factory);
        for (int i = 0; i < 20; i++) {
            org.tribuo.impl.ArrayExample<Label> example = new org.tribuo.impl.ArrayExample<>(
                    new Label(i % 2 == 0 ? "a" : "b"));
            example.add("x", (i % 2 == 0 ? -1 : 1) * (1 + i / 20.0));
            example.add("y", i % 5 / 5.0 + 0.1);
            toy.add(example);
        }
        try {
            org.tribuo.Model<Label> model = trainer.train(toy);
            String predicted = model.predict(toy.getExample(0)).getOutput().getLabel();
            java.util.Objects.requireNonNull(predicted);
        } catch (ClassCastException e) {
            throw new InvalidDataException(configFile, "component '" + COMPONENT + "' is a " + raw.getClass()
                    .getSimpleName() + " that does not predict labels (tried on two toy classes: "
                    + firstLine(e.getMessage()) + "); evaluate compares classifiers, so it needs a Trainer<Label> (a "
                    + "classification trainer such as LinearSGDTrainer or CARTClassificationTrainer)", e);
        } catch (NullPointerException e) {
            throw new InvalidDataException(configFile, "component '" + COMPONENT + "' (a " + raw.getClass()
                    .getSimpleName() + ") cannot train: a part it needs is missing (" + firstLine(e.getMessage())
                    + "); set every field its class requires", e);
        } catch (RuntimeException e) {
            // a classifier that needs more than 20 toy examples says so on the real data, with its own message
        }
    }

    /**
     * @param type a trainer class or one of its supertypes
     * @param bound what the type variables of {@code type} stand for, as its subclass declared them
     * @return the {@code T} of {@code Trainer<T>} that {@code type} implements, resolved through its superclasses and
     *     interfaces where they name it (KMeansTrainer: ClusterID; LinearSGDTrainer: Label), or null where it stays a
     *     type variable
     */
    private static java.lang.reflect.Type outputType(Class<?> type, java.util.Map<java.lang.reflect.TypeVariable<?>,
            java.lang.reflect.Type> bound) {
        List<java.lang.reflect.Type> supertypes = new java.util.ArrayList<>(List.of(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        for (java.lang.reflect.Type supertype : supertypes) {
            Class<?> raw = supertype instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType()
                    : supertype instanceof Class<?> c ? c : null;
            if (raw == null || !Trainer.class.isAssignableFrom(raw)) {
                continue;
            }
            java.util.Map<java.lang.reflect.TypeVariable<?>, java.lang.reflect.Type> next = new java.util.HashMap<>();
            if (supertype instanceof java.lang.reflect.ParameterizedType p) {
                java.lang.reflect.Type[] arguments = p.getActualTypeArguments();
                java.lang.reflect.TypeVariable<?>[] variables = raw.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    java.lang.reflect.Type argument = arguments[i];
                    next.put(variables[i], argument instanceof java.lang.reflect.TypeVariable<?> v
                            ? bound.getOrDefault(v, v) : argument);
                }
            }
            if (raw == Trainer.class) {
                java.lang.reflect.Type output = next.get(Trainer.class.getTypeParameters()[0]);
                return output instanceof java.lang.reflect.ParameterizedType p ? p.getRawType() : output;
            }
            java.lang.reflect.Type found = outputType(raw, next);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
