package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.errors.ModelContractException;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.provenance.DataSourceProvenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A Tribuo {@code DataSource<Label>} that yields the examples of another source followed by synthetic
 * examples from a generator ONNX file, as many of each class as an {@link AugmentationPolicy} asks:
 * <pre>{@code
 * try (OnnxGenerator generator = OnnxGenerator.load(Path.of("models/fashion-mnist.onnx"), ExecutionDevice.CPU)) {
 *     var augmented = new AugmentingDataSource(source, generator, AugmentationPolicy.balance(), 7L, 0.5f);
 *     var model = new LogisticRegressionTrainer().train(new MutableDataset<>(augmented));
 * }
 * }</pre>
 *
 * <p>Construction reads the source once, to check it against the generator's schema and count its
 * classes; iteration reads it again and then generates the synthetic examples in batches, so they are
 * never all held in memory. Iterating twice gives the same examples. Synthetic examples are marked and
 * weighted as {@link SyntheticExamples} describes, and the {@link AugmentedDataSourceProvenance}
 * records the source, the generator and the counts.
 *
 * <p>Configurable with OLCUT: every setting is a {@code @Config} field, checked in {@link #postConfig()},
 * which the public constructors call too. A configured instance loads the generator from
 * {@code generatorPath} and closes it in {@link #close()}; a generator passed to a constructor stays the
 * caller's.
 */
public final class AugmentingDataSource implements ConfigurableDataSource<Label>, AutoCloseable {

    /** The noise seed used when none is given. */
    public static final long DEFAULT_SEED = 0L;

    @Config(mandatory = true, description = "The data source whose examples are augmented.")
    private ConfigurableDataSource<Label> source;
    @Config(mandatory = true, description = "The generator ONNX file.")
    private Path generatorPath;
    @Config(description = "Where ONNX Runtime runs the generator: CPU or CUDA.")
    private ExecutionDevice device = ExecutionDevice.CPU;
    @Config(description = "How synthetic counts are chosen: BALANCE, MULTIPLY or COUNTS.")
    private AugmentationPolicy.Mode mode = AugmentationPolicy.Mode.BALANCE;
    @Config(description = "Classes (labels or class names) to balance or multiply; empty means all.")
    private List<String> classes = new ArrayList<>();
    @Config(description = "MULTIPLY: each chosen class grows to factor x its real examples (at least 1).")
    private double factor = 2.0;
    @Config(description = "COUNTS: synthetic examples per class (label or class name).")
    private Map<String, Integer> counts = new HashMap<>();
    @Config(description = "Largest share of synthetic examples in the whole, in (0, 1]; 1 means no cap.")
    private double maxSyntheticShare = 1.0;
    @Config(description = "Noise seed: the same seed gives the same synthetic examples.")
    private long seed = DEFAULT_SEED;
    @Config(description = "Tribuo example weight of each synthetic example, in (0, 1].")
    private float syntheticWeight = 1f;
    @Config(description = "Samples per call to the generator.")
    private int batchSize = SyntheticExamples.DEFAULT_BATCH_SIZE;

    private DataSource<Label> wrapped;
    private OnnxGenerator generator;
    private boolean ownsGenerator;
    private AugmentationPolicy policy;
    private SyntheticExamples synthetic;
    private int[] realCounts;
    private int[] syntheticCounts;
    private AugmentedDataSourceProvenance provenance;

    /** For OLCUT. */
    private AugmentingDataSource() {
    }

    /**
     * Augments a source with seed {@value #DEFAULT_SEED} and synthetic examples of weight 1.
     *
     * @param source any classification source whose features and labels the generator knows
     * @param generator the generator; the caller closes it
     * @param policy how many synthetic examples of each class
     */
    public AugmentingDataSource(DataSource<Label> source, OnnxGenerator generator, AugmentationPolicy policy) {
        this(source, generator, policy, DEFAULT_SEED, 1f);
    }

    /**
     * @param source any classification source whose features and labels the generator knows
     * @param generator the generator; the caller closes it
     * @param policy how many synthetic examples of each class
     * @param seed the noise seed
     * @param syntheticWeight the Tribuo example weight of each synthetic example, in (0, 1]
     * @throws PropertyException naming the setting and value when the source does not match the
     *                           generator, or the policy or weight is bad for this source
     */
    public AugmentingDataSource(DataSource<Label> source, OnnxGenerator generator, AugmentationPolicy policy,
                                long seed, float syntheticWeight) {
        this.wrapped = source;
        this.source = source instanceof ConfigurableDataSource<Label> c ? c : null;
        this.generator = generator;
        this.generatorPath = generator.path();
        this.mode = policy.mode();
        this.classes = new ArrayList<>(policy.classes());
        this.factor = policy.factor();
        this.counts = new HashMap<>(policy.counts());
        this.maxSyntheticShare = policy.maxSyntheticShare();
        this.seed = seed;
        this.syntheticWeight = syntheticWeight;
        postConfig();
    }

    /** Checks every setting, reads the source once and computes the synthetic counts. */
    @Override
    public void postConfig() {
        if (wrapped == null) {
            if (source == null) {
                throw new PropertyException("", "source", "source must be set to a data source, was null");
            }
            wrapped = source;
        }
        try {
            policy = new AugmentationPolicy(mode, classes, factor, counts, maxSyntheticShare);
            if (generator == null) {
                if (generatorPath == null) {
                    throw new InvalidSettingException("generatorPath", "generatorPath must name an ONNX file, was null");
                }
                generator = OnnxGenerator.load(generatorPath, device);
                ownsGenerator = true;
            }
            synthetic = new SyntheticExamples(generator, syntheticWeight, batchSize);
            SampleSchema schema = generator.metadata().schema();
            realCounts = SourceScan.of(wrapped, schema).realCounts();
            syntheticCounts = policy.syntheticCounts(realCounts, schema);
        } catch (InvalidSettingException e) {
            close();
            throw refused(e.setting(), e);
        } catch (ModelContractException e) {
            close();
            throw refused("generatorPath", e);
        } catch (InvalidDataException e) {
            close();
            throw e;
        }
        provenance = new AugmentedDataSourceProvenance(getClass().getName(),
                ConfiguredValues.of(generatorPath, device, policy, seed, syntheticWeight, batchSize),
                wrapped.getProvenance(), generator.sha256(), generator.metadata().provenance().toString(),
                byLabel(realCounts), byLabel(syntheticCounts));
    }

    /** A PropertyException for {@code field}; OLCUT's constructors do not allow a cause without repeating its message. */
    private static PropertyException refused(String field, RuntimeException cause) {
        return new PropertyException("", field, cause.getMessage());
    }

    private Map<String, Integer> byLabel(int[] perClass) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int c = 0; c < perClass.length; c++) {
            map.put(schema().labels().get(c), perClass[c]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** @return the generator's schema, which the source matches */
    public SampleSchema schema() {
        return generator.metadata().schema();
    }

    /** @return the policy, as configured */
    public AugmentationPolicy policy() {
        return policy;
    }

    /** @return the source's examples of each label, in class order */
    public Map<String, Integer> realCounts() {
        return byLabel(realCounts);
    }

    /** @return the synthetic examples of each label that iteration yields, in class order */
    public Map<String, Integer> syntheticCounts() {
        return byLabel(syntheticCounts);
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return wrapped.getOutputFactory();
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return provenance;
    }

    /** @return the real examples, then the synthetic ones class by class, generated in batches */
    @Override
    public Iterator<Example<Label>> iterator() {
        return new Iterator<>() {
            private final Iterator<Example<Label>> real = wrapped.iterator();
            private Iterator<Example<Label>> current = real;
            private int nextClass;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && nextClass < syntheticCounts.length) {
                    current = synthetic.stream(nextClass, syntheticCounts[nextClass], seed);
                    nextClass++;
                }
                return current.hasNext();
            }

            @Override
            public Example<Label> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more real or synthetic examples");
                }
                return current.next();
            }
        };
    }

    /** Closes the generator when this source loaded it (the OLCUT path); otherwise does nothing. */
    @Override
    public void close() {
        if (ownsGenerator && generator != null) {
            generator.close();
            ownsGenerator = false;
        }
    }

    @Override
    public String toString() {
        return "AugmentingDataSource(source=" + wrapped + ", generator=" + generatorPath + ", policy=" + policy
                + ", seed=" + seed + ", syntheticWeight=" + syntheticWeight + ")";
    }
}
