package dev.augment.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Inputs the plugin cannot use at all are refused when the source is built, not by a later exception. */
class UnusableInputsTest {

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aSourceOfAnotherOutputTypeIsRefusedNamingItsFactory() {
        ClusteringFactory factory = new ClusteringFactory();
        List<Example<ClusterID>> examples = List.of(
                new ArrayExample<>(new ClusterID(0), new String[] {"a"}, new double[] {1}),
                new ArrayExample<>(new ClusterID(1), new String[] {"a"}, new double[] {2}));
        DataSource<Label> clusters = (DataSource) new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("clusters", factory));

        PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(clusters,
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals("source", e.getProperty());
        assertTrue(e.getMessage().contains("ClusteringFactory"), e.getMessage());
    }

    @Test
    void aClosedGeneratorIsRefusedBeforeAnyWork() {
        OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU);
        generator.close();
        DataSource<Label> real = OversamplingMethodsTest.imbalanced();

        PropertyException e = assertThrows(PropertyException.class,
                () -> new AugmentingDataSource(real, generator, AugmentationPolicy.balance()));
        assertEquals("generator", e.getProperty());
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }
}
