package dev.augment.tribuo;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.augment.tribuo.OversamplingMethodsTest.imbalanced;
import static dev.augment.tribuo.OversamplingMethodsTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source whose examples keep their zero pixels (a pixel table read by Tribuo's {@code CSVLoader}, examples built
 * dense in code) gets GAN examples that keep theirs too: with zeros left out, the added examples were told apart by
 * their feature count (574 of 784 on average), and a trainer such as XGBoost reads an absent feature as missing.
 */
class DenseSourceTest {

    @Test
    void ganExamplesKeepTheirZerosWhereTheSourcesExamplesDoAndLeaveThemOutWhereTheyDoNot() {
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            List<String> names = generator.metadata().schema().featureNames();
            AugmentationPolicy policy = AugmentationPolicy.counts(Map.of("2", 5));
            MethodSettings gan = MethodSettings.of(OversamplingMethod.GAN);
            List<Example<Label>> sparseAdded = added(new AugmentingDataSource(imbalanced(), generator, policy, gan,
                    1L, 1f));
            List<Example<Label>> denseAdded = added(new AugmentingDataSource(dense(imbalanced(), names), generator,
                    policy, gan, 1L, 1f));

            assertEquals(5, denseAdded.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(names.size(), denseAdded.get(i).size(), "every pixel, zeros included");
                assertTrue(sparseAdded.get(i).size() < names.size(), "a sparse source's GAN examples leave zeros out");
                assertEquals(nonZero(sparseAdded.get(i)), nonZero(denseAdded.get(i)), "the same values");
            }
        }
    }

    @Test
    void anAllZeroImageInASparseSourceDoesNotMakeItsGanExamplesDense() {
        // a sparse reader gives a black image every feature at 0, as Tribuo refuses an example without features
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            List<String> names = generator.metadata().schema().featureNames();
            List<Example<Label>> examples = new ArrayList<>(list(imbalanced()));
            examples.add(new ArrayExample<>(new Label("2"), names.toArray(String[]::new), new double[names.size()]));
            LabelFactory factory = new LabelFactory();
            DataSource<Label> withBlack = new ListDataSource<>(examples, factory,
                    new SimpleDataSourceProvenance("sparse with a black image", factory));
            List<Example<Label>> added = added(new AugmentingDataSource(withBlack, generator,
                    AugmentationPolicy.counts(Map.of("2", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f));
            assertTrue(added.stream().allMatch(e -> e.size() < names.size()), "zeros left out, as the source does");
        }
    }

    private static List<Example<Label>> added(AugmentingDataSource source) {
        return list(source).stream().filter(SyntheticExamples::isSynthetic).toList();
    }

    private static Map<String, Double> nonZero(Example<Label> example) {
        Map<String, Double> values = new HashMap<>();
        for (Feature feature : example) {
            if (feature.getValue() != 0) {
                values.put(feature.getName(), feature.getValue());
            }
        }
        return values;
    }

    /** @return the source's examples with every feature of {@code names}, a 0 where the example has none */
    private static DataSource<Label> dense(DataSource<Label> sparse, List<String> names) {
        List<Example<Label>> examples = new ArrayList<>();
        for (Example<Label> example : sparse) {
            Map<String, Double> values = nonZero(example);
            double[] all = names.stream().mapToDouble(n -> values.getOrDefault(n, 0.0)).toArray();
            examples.add(new ArrayExample<>(example.getOutput(), names.toArray(String[]::new), all));
        }
        LabelFactory factory = new LabelFactory();
        return new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("dense pixels", factory));
    }
}
