package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.FileProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.FloatProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.augment.generate.ExecutionDevice;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.filter.GenerationFilter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured parameters of an {@link AugmentingDataSource} as provenance, keyed by the names of its
 * {@code @Config} fields so that Tribuo can turn a model's provenance back into a configuration.
 * Written out rather than read by reflection, so that a source given in code (which has no
 * configuration) is recorded by its own provenance instead of a null that cannot be unmarshalled.
 */
final class ConfiguredValues {

    private ConfiguredValues() {
    }

    /**
     * @return the parameters the method and mode read (as {@link MethodSettings#readBy} and
     *     {@link AugmentationPolicy#readBy} name them), without the source; the generator's path, SHA-256 (so that a
     *     configuration rebuilt from them refuses another file at that path) and device only when there is one, the
     *     digest of the examples the source gave (so that one rebuilt from them refuses changed data),
     *     and the generator's batch size only for the methods that generate. A configuration rebuilt from them is
     *     accepted, since the source refuses settings its method or mode does not read.
     */
    static Map<String, Provenance> of(Path generatorPath, String generatorSha256, String sourceDigest,
                                      ExecutionDevice device,
                                      AugmentationPolicy policy,
                                      MethodSettings method, long seed, float syntheticWeight, int batchSize) {
        Map<String, Provenance> map = new HashMap<>();
        if (generatorPath != null) {
            map.put("generatorPath", new FileProvenance("generatorPath", generatorPath));
            map.put("generatorSha256", new StringProvenance("generatorSha256", generatorSha256));
            map.put("device", new EnumProvenance<>("device", device));
        }
        map.put("sourceDigest", new StringProvenance("sourceDigest", sourceDigest));
        map.put("method", new EnumProvenance<>("method", method.method()));
        List<String> read = method.readSettings();
        if (read.contains(MethodSettings.K)) {
            map.put(MethodSettings.K, new IntProvenance(MethodSettings.K, method.k()));
        }
        if (read.contains(MethodSettings.BASELINE)) {
            map.put(MethodSettings.BASELINE, new EnumProvenance<>(MethodSettings.BASELINE, method.baseline()));
        }
        if (read.contains(MethodSettings.GENERATED_RATIO)) {
            map.put(MethodSettings.GENERATED_RATIO,
                    new DoubleProvenance(MethodSettings.GENERATED_RATIO, method.generatedRatio()));
        }
        if (read.contains(MethodSettings.GENERATED_SHARE)) {
            map.put(MethodSettings.GENERATED_SHARE,
                    new DoubleProvenance(MethodSettings.GENERATED_SHARE, method.generatedShare()));
        }
        if (read.contains(GenerationFilter.SETTING)) {
            map.put(GenerationFilter.SETTING, new DoubleProvenance(GenerationFilter.SETTING, method.ganFilter()));
            map.put("batchSize", new IntProvenance("batchSize", batchSize));
        }
        map.put("mode", new EnumProvenance<>("mode", policy.mode()));
        List<String> modeReads = AugmentationPolicy.readBy(policy.mode());
        if (modeReads.contains(AugmentationPolicy.CLASSES)) {
            List<StringProvenance> classes = policy.classes().stream()
                    .map(c -> new StringProvenance(AugmentationPolicy.CLASSES, c)).toList();
            map.put(AugmentationPolicy.CLASSES, new ListProvenance<>(classes));
        }
        if (modeReads.contains(AugmentationPolicy.FACTOR)) {
            map.put(AugmentationPolicy.FACTOR, new DoubleProvenance(AugmentationPolicy.FACTOR, policy.factor()));
        }
        if (modeReads.contains(AugmentationPolicy.COUNTS)) {
            Map<String, IntProvenance> counts = new HashMap<>();
            policy.counts().forEach((c, n) -> counts.put(c, new IntProvenance(c, n)));
            map.put(AugmentationPolicy.COUNTS, new MapProvenance<>(counts));
        }
        map.put("maxSyntheticShare", new DoubleProvenance("maxSyntheticShare", policy.maxSyntheticShare()));
        map.put("seed", new LongProvenance("seed", seed));
        map.put("syntheticWeight", new FloatProvenance("syntheticWeight", syntheticWeight));
        return map;
    }
}
