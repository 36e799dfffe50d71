package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.ClassResolver;
import dev.augment.schema.PixelGrid;
import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Future;

/**
 * Synthetic Tribuo examples from a generator: {@code generate("sneaker", 100, 7)} gives 100
 * {@link org.tribuo.impl.ArrayExample}s labelled with the Tribuo label of class "sneaker", whose features have exactly
 * the schema's feature names.
 *
 * <p>Values of 8-bit images (an image schema of range [0, 255]) are rounded to whole pixels first
 * ({@link PixelGrid}), as {@code generate} writes them to IDX, so the examples are those Tribuo's IDX
 * source reads back from that file. Like Tribuo's own IDX source, an example leaves out features whose value is zero
 * (unless {@link #withZerosKept()}, for a source that keeps them); an all-zero sample keeps every feature at 0
 * ({@link TribuoExamples#sparse}), as Tribuo refuses an example without features and a model cannot predict one
 * whose features it does not know. Every example has the metadata {@value #SYNTHETIC_KEY} = "true",
 * {@value #METHOD_KEY} = "gan" and {@value #GENERATOR_KEY} = the first 16 hex digits of the generator file's SHA-256,
 * and the weight given here (which {@link AugmentingDataSource} multiplies by the mean weight of the class's real
 * examples), so a trainer that honours example weights discounts it.
 *
 * <p>Example {@code i} of class {@code c} comes from {@code (seed, c, i)} alone: the same seed gives the
 * same examples whatever the batch size, and {@code n} examples are the first {@code n} of any larger
 * request. The iterators call the generator in batches on shared daemon threads, a few batches ahead of
 * the consumer (one per processor), so memory stays bounded. The generator stays open and owned by the
 * caller; closing it waits for batches being generated.
 */
public final class SyntheticExamples {

    /** Example metadata key that marks a synthetic example; its value is "true". */
    public static final String SYNTHETIC_KEY = "augment.synthetic";
    /** Example metadata key naming the method that made a synthetic example: ros, smote or gan. */
    public static final String METHOD_KEY = "augment.method";
    /** Example metadata key holding the first 16 hex digits of the generator file's SHA-256. */
    public static final String GENERATOR_KEY = "augment.generator";
    /** Samples per call to the generator unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final OnnxGenerator generator;
    private final float weight;
    private final int batchSize;
    private final PresortedSparseExamples examples;
    private final String generatorId;
    private final boolean pixelGrid;

    /**
     * Examples of weight 1, generated {@value #DEFAULT_BATCH_SIZE} at a time.
     *
     * @param generator the generator, which the caller closes
     */
    public SyntheticExamples(OnnxGenerator generator) {
        this(generator, 1f, DEFAULT_BATCH_SIZE);
    }

    /**
     * @param generator the generator, which the caller closes
     * @param weight the Tribuo example weight of every synthetic example, in (0, 1]
     * @param batchSize samples per call to the generator, at least 1; capped to the generator's
     *     {@link OnnxGenerator#maxBatchSize()} (which does not change the examples)
     */
    public SyntheticExamples(OnnxGenerator generator, float weight, int batchSize) {
        if (generator == null) {
            throw new InvalidSettingException("generator", "generator must be a loaded OnnxGenerator, was null");
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new InvalidSettingException("syntheticWeight", "syntheticWeight must be in (0, 1], was " + weight);
        }
        if (batchSize < 1) {
            throw new InvalidSettingException("batchSize", "batchSize must be positive, was " + batchSize);
        }
        this.generator = generator;
        this.weight = weight;
        this.batchSize = batchSize;
        this.examples = examples(generator, false);
        this.generatorId = generator.sha256().substring(0, 16);
        this.pixelGrid = PixelGrid.appliesTo(generator.metadata().schema());
    }

    private SyntheticExamples(SyntheticExamples sparse) {
        this.generator = sparse.generator;
        this.weight = sparse.weight;
        this.batchSize = sparse.batchSize;
        this.examples = examples(generator, true);
        this.generatorId = sparse.generatorId;
        this.pixelGrid = sparse.pixelGrid;
    }

    /**
     * The same examples with every feature present, a 0 included: for a source whose examples keep their zeros (a
     * pixel table read by Tribuo's {@code CSVLoader}, examples built dense in code), where examples without them
     * would be told apart by it, and read as missing values by a trainer such as XGBoost.
     *
     * @return examples of the same values, keeping zeros
     */
    public SyntheticExamples withZerosKept() {
        return new SyntheticExamples(this);
    }

    private static PresortedSparseExamples examples(OnnxGenerator generator, boolean keepZeros) {
        String[] names = generator.metadata().schema().featureNames().toArray(new String[0]);
        boolean[] kept = new boolean[names.length];
        if (keepZeros) {
            java.util.Arrays.fill(kept, true);
        } else if (generator.metadata().isTable()) {
            // a table generator's numeric columns are features whenever present, a 0 included, as Tribuo's CSV
            // reader gives them; images and categories leave zeros out, as Tribuo's IDX reader does
            kept = generator.metadata().table().numericFeatures();
        }
        // a table's values are the numbers generate's CSV writes
        return generator.metadata().isTable() ? new PresortedSparseExamples(names, kept,
                new dev.augment.table.TableNumbers(generator.metadata().table())::value)
                : new PresortedSparseExamples(names, kept);
    }

    /** @return the generator's schema: feature names, shape and classes */
    public SampleSchema schema() {
        return generator.metadata().schema();
    }

    /** @return the weight of every synthetic example */
    public float weight() {
        return weight;
    }

    /**
     * @param labelOrClassName a class name ("Sneaker"), a Tribuo label ("7"), a class index, or a name
     *                         in any case and punctuation ("sneaker") when only one class matches, as
     *                         {@link ClassResolver} resolves them
     * @return the class index
     * @throws InvalidSettingException (setting "class") when the generator has no such class or several
     *                                 classes match
     */
    public int classIndex(String labelOrClassName) {
        if (labelOrClassName == null) {
            throw new InvalidSettingException("class", "class must name a class (a name, Tribuo label or index), was "
                    + "null");
        }
        ClassResolver classes = classes();
        if (labelOrClassName.strip().equalsIgnoreCase("all") && classes.find(labelOrClassName).isEmpty()) {
            // "leave the setting out (class)" named a setting this method does not have (a fresh Tribuo user, 7 Dec)
            throw new InvalidSettingException("class", "class '" + labelOrClassName + "' is not a class of generator "
                    + generator.path() + "; this method makes one class at a time: for every class, call it once per "
                    + "name of schema().classNames()");
        }
        return classes.resolve("class", labelOrClassName);
    }

    private ClassResolver classes() {
        return new ClassResolver(schema(), "generator " + generator.path());
    }

    /**
     * @param labelOrClassName a Tribuo label, a class name or a class index
     * @param n how many examples, at least 0
     * @param seed the noise seed
     * @return the examples, in stream order
     * @throws InvalidSettingException (setting {@code n}) when {@code n} is negative or more than one list holds
     */
    public List<Example<Label>> generate(String labelOrClassName, int n, long seed) {
        Iterator<Example<Label>> examples = stream(classIndex(labelOrClassName), n, seed); // checks n first
        if (n > AugmentationPlan.MAX_EXAMPLES) {
            throw new InvalidSettingException("n", "n must be at most " + AugmentationPlan.MAX_EXAMPLES
                    + " (the most one Java list holds) for a list, was " + n + "; use stream(...) for more");
        }
        List<Example<Label>> list = new ArrayList<>(n);
        examples.forEachRemaining(list::add);
        return list;
    }

    /**
     * @param labelOrClassName a Tribuo label, a class name or a class index
     * @param n how many examples, at least 0
     * @param seed the noise seed
     * @return the examples, generated batch by batch as the iterator is consumed
     */
    public Iterator<Example<Label>> stream(String labelOrClassName, int n, long seed) {
        return stream(classIndex(labelOrClassName), n, seed);
    }

    /**
     * @param classIndex a class index of the schema
     * @param n how many examples, at least 0
     * @param seed the noise seed
     * @return the examples, generated batch by batch as the iterator is consumed
     * @throws InvalidSettingException (setting "class") when examples are asked of a class the generator
     *                                 had no training examples of
     */
    public Iterator<Example<Label>> stream(int classIndex, int n, long seed) {
        if (classIndex < 0 || classIndex >= schema().classCount()) {
            throw new InvalidSettingException("class", "class index must be in [0, " + schema().classCount()
                    + "), was " + classIndex);
        }
        if (n < 0) {
            throw new InvalidSettingException("n", "n must not be negative, was " + n);
        }
        if (n > 0) {
            classes().requireLearned("class", classIndex);
        }
        return new BatchIterator(classIndex, n, seed);
    }

    /**
     * @param example any example
     * @return true when it carries the synthetic mark: augment writes {@code true}; {@code TRUE}, {@code True},
     *     {@code 1} or {@code 1.0} from converted or hand-made metadata count too, so that such a source is not taken
     *     as real
     */
    public static boolean isSynthetic(Example<?> example) {
        return example.getMetadataValue(SYNTHETIC_KEY).map(v -> v.toString().strip())
                .map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equals("1.0")).orElse(false);
    }

    /**
     * @param example any example
     * @return the value of its synthetic mark when it is neither a mark ({@link #isSynthetic}) nor one of
     *     {@code false}, {@code 0}, {@code 0.0} (any case): a value nobody can read either way ({@code yes},
     *     {@code maybe}); empty when the example has no mark or a readable one
     */
    public static java.util.Optional<String> unreadableMark(Example<?> example) {
        return example.getMetadataValue(SYNTHETIC_KEY).map(Object::toString).filter(v -> !isSynthetic(example))
                .filter(v -> !v.strip().equalsIgnoreCase("false") && !v.strip().equals("0")
                        && !v.strip().equals("0.0"));
    }

    /** Marks and weighs an example made from generator output. */
    private Example<Label> marked(Example<Label> example) {
        example.setMetadataValue(SYNTHETIC_KEY, "true");
        example.setMetadataValue(METHOD_KEY, "gan");
        example.setMetadataValue(GENERATOR_KEY, generatorId);
        example.setWeight(weight);
        return example;
    }

    /**
     * Makes batches ahead of the consumer on {@link GenerationThreads} (noise, ONNX Runtime and the Tribuo
     * examples), at most {@link GenerationThreads#AHEAD} in flight and never past {@code n}; hands them out
     * in order, so the examples are the same as one batch at a time on the calling thread.
     */
    private final class BatchIterator implements Iterator<Example<Label>> {
        private final int classIndex;
        private final Label label;
        private final int n;
        private final long seed;
        private final int size;
        private final ArrayDeque<Future<List<Example<Label>>>> ahead = new ArrayDeque<>();
        private int submitted;
        private int produced;
        private List<Example<Label>> batch = List.of();
        private int inBatch;

        BatchIterator(int classIndex, int n, long seed) {
            this.classIndex = classIndex;
            this.label = new Label(schema().labels().get(classIndex));
            this.n = n;
            this.seed = seed;
            this.size = Math.min(batchSize, generator.maxBatchSize());
        }

        @Override
        public boolean hasNext() {
            return produced < n;
        }

        @Override
        public Example<Label> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("all " + n + " synthetic examples were returned");
            }
            if (inBatch == batch.size()) {
                submitAhead();
                batch = GenerationThreads.await(ahead.removeFirst());
                inBatch = 0;
                submitAhead();
            }
            produced++;
            return batch.get(inBatch++);
        }

        private void submitAhead() {
            while (ahead.size() < GenerationThreads.AHEAD && submitted < n) {
                int start = submitted;
                int count = Math.min(size, n - start);
                submitted += count;
                ahead.add(GenerationThreads.pool().submit(() -> makeBatch(start, count)));
            }
        }

        private List<Example<Label>> makeBatch(int start, int count) {
            float[] samples = generator.generate(classIndex, seed, start, count);
            if (pixelGrid) {
                PixelGrid.roundInPlace(samples, count * schema().featureCount());
            }
            List<Example<Label>> made = new ArrayList<>(count);
            for (Example<Label> example : examples.build(label, samples, count)) {
                made.add(marked(example));
            }
            return made;
        }
    }
}
