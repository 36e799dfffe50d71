package dev.augment.eval.protocol;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomForestsTest {

    private static final String[] NAMES = {"x", "y", "noise"};

    /** Three classes by which quadrant-like region (x, y) falls in, plus a feature of pure noise. */
    private static MutableDataset<Label> regions(int n, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("regions",
                new LabelFactory()), new LabelFactory());
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            String label = x < 0.5 ? "left" : y < 0.5 ? "bottom-right" : "top-right";
            data.add(new ArrayExample<>(new Label(label), NAMES, new double[] {x, y, random.nextDouble()}));
        }
        return data;
    }

    @Test
    void theForestLearnsAxisAlignedRegionsAndIsDeterministicBySeed() {
        MutableDataset<Label> train = regions(600, 1);
        MutableDataset<Label> test = regions(300, 2);
        Model<Label> first = ClassifierSpec.parse("forest").create(7, null).train(train);
        Model<Label> second = ClassifierSpec.parse("forest").create(7, null).train(train);
        List<Prediction<Label>> a = first.predict(test);
        List<Prediction<Label>> b = second.predict(test);
        long correct = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getOutput().getLabel(), b.get(i).getOutput().getLabel(), "same seed, same forest");
            assertEquals(a.get(i).getOutput().getScore(), b.get(i).getOutput().getScore(), 1e-6);
            if (a.get(i).getOutput().getLabel().equals(a.get(i).getExample().getOutput().getLabel())) {
                correct++;
            }
        }
        assertTrue(correct > 0.95 * a.size(), "accuracy " + correct + "/" + a.size());
    }

    @Test
    void exampleWeightsChangeTheForest() {
        MutableDataset<Label> train = regions(400, 3);
        MutableDataset<Label> weighted = regions(400, 3);
        weighted.getData().forEach(e -> e.setWeight(e.getOutput().getLabel().equals("left") ? 10f : 0.1f));
        Model<Label> plain = ClassifierSpec.parse("forest").create(7, null).train(train);
        Model<Label> heavy = ClassifierSpec.parse("forest").create(7, null).train(weighted);
        MutableDataset<Label> test = regions(100, 4);
        double plainLeft = 0;
        double heavyLeft = 0;
        for (int i = 0; i < test.size(); i++) {
            plainLeft += plain.predict(test.getExample(i)).getOutputScores().get("left").getScore();
            heavyLeft += heavy.predict(test.getExample(i)).getOutputScores().get("left").getScore();
        }
        assertTrue(heavyLeft > plainLeft, "weighting 'left' up raises its scores: " + heavyLeft + " vs " + plainLeft);
    }
}
