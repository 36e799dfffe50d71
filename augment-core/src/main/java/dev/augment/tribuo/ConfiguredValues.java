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
     * @return the parameters, without the source (and without the generator path when there is none)
     */
    static Map<String, Provenance> of(Path generatorPath, ExecutionDevice device, AugmentationPolicy policy,
                                      MethodSettings method, long seed, float syntheticWeight, int batchSize) {
        Map<String, Provenance> map = new HashMap<>();
        if (generatorPath != null) {
            map.put("generatorPath", new FileProvenance("generatorPath", generatorPath));
        }
        map.put("device", new EnumProvenance<>("device", device));
        map.put("method", new EnumProvenance<>("method", method.method()));
        map.put("k", new IntProvenance("k", method.k()));
        map.put("baseline", new EnumProvenance<>("baseline", method.baseline()));
        map.put("generatedRatio", new DoubleProvenance("generatedRatio", method.generatedRatio()));
        map.put("generatedShare", new DoubleProvenance("generatedShare", method.generatedShare()));
        map.put("ganFilter", new DoubleProvenance("ganFilter", method.ganFilter()));
        map.put("mode", new EnumProvenance<>("mode", policy.mode()));
        List<StringProvenance> classes = policy.classes().stream()
                .map(c -> new StringProvenance("classes", c)).toList();
        map.put("classes", new ListProvenance<>(classes));
        map.put("factor", new DoubleProvenance("factor", policy.factor()));
        Map<String, IntProvenance> counts = new HashMap<>();
        policy.counts().forEach((c, n) -> counts.put(c, new IntProvenance(c, n)));
        map.put("counts", new MapProvenance<>(counts));
        map.put("maxSyntheticShare", new DoubleProvenance("maxSyntheticShare", policy.maxSyntheticShare()));
        map.put("seed", new LongProvenance("seed", seed));
        map.put("syntheticWeight", new FloatProvenance("syntheticWeight", syntheticWeight));
        map.put("batchSize", new IntProvenance("batchSize", batchSize));
        return map;
    }
}
