package dev.augment.eval.table;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ArmScores;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.protocol.MajorityLevel;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A family whose real-only arm scores no better than always predicting the majority class gets a caveat (a fresh
 * user read unbalanced's synthetic-only ratio of 1.00 as a met target, when both arms sat at that level).
 */
class MajorityLevelTest {

    private static final Path UNBALANCED = Path.of("..", "datasets", "tabular-sample", "unbalanced.csv");

    @Test
    void theMajorityLevelIsWhatTribuoScoresForAlwaysPredictingTheLargestClass() throws Exception {
        Table table = TableReader.read(UNBALANCED, "Outcome");
        StratifiedSplit split = StratifiedSplit.of(table.classes(), table.schema().classCount(), 0.3, 1);

        MutableDataset<Label> train = dataset(table, split.train());
        MutableDataset<Label> test = dataset(table, split.test());
        Model<Label> majority = DummyClassifierTrainer.createMostFrequentTrainer().train(train);
        double tribuo = new LabelEvaluator().evaluate(majority, test).macroAveragedF1();

        assertEquals(tribuo, MajorityLevel.macroF1(TableEvaluation.classCounts(table, split.test())), 1e-12);
        assertTrue(tribuo > 0.45 && tribuo < 0.5, "one class of two at F1 near 1: " + tribuo);
    }

    @Test
    void aRealOnlyArmAtTheMajorityLevelIsCaveatedAndOneAboveItIsNot() throws Exception {
        Table table = TableReader.read(UNBALANCED, "Outcome");
        StratifiedSplit split = StratifiedSplit.of(table.classes(), table.schema().classCount(), 0.3, 1);
        double majority = MajorityLevel.macroF1(TableEvaluation.classCounts(table, split.test()));

        Optional<String> at = TableEvaluation.majorityLevel(family(majority), table, split);
        assertTrue(at.isPresent());
        assertTrue(at.get().startsWith("under logistic, real only (macro-F1 " + String.format(java.util.Locale.ROOT,
                "%.3f", majority) + ") is no better than always predicting the majority class"), at.get());
        assertEquals(Optional.empty(), TableEvaluation.majorityLevel(family(majority + 0.05), table, split));
    }

    private static FamilyArms family(double realMacroF1) {
        List<ArmScores> runs = List.of(new ArmScores(1, 100, 0.9, realMacroF1, 0.5, List.of(0.0, 1.0), 0.1),
                new ArmScores(2, 100, 0.9, realMacroF1, 0.5, List.of(0.0, 1.0), 0.1));
        return new FamilyArms("logistic", List.of(ArmSummary.of(Arm.REAL, runs, null)));
    }

    private static MutableDataset<Label> dataset(Table table, int[] rows) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("rows", factory), factory);
        for (int row : rows) {
            Example<Label> example = new ArrayExample<>(new Label(table.schema().labels()
                    .get(table.classes()[row])), new String[] {"x"}, new double[] {1});
            data.add(example);
        }
        return data;
    }
}
