package dev.augment.eval.protocol;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.TrainerProvenance;

import java.util.Map;

/**
 * Base of the test trainers that OLCUT configuration files name: Tribuo's logistic regression with its default
 * settings, after {@link #beforeFit()}, which a subclass uses to act or observe at the start of every fit.
 */
abstract class LogisticTrainerWithHook implements Trainer<Label> {

    private final LogisticRegressionTrainer delegate = new LogisticRegressionTrainer();

    /** Runs at the start of every fit, before the logistic regression learns. */
    protected abstract void beforeFit();

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        beforeFit();
        return delegate.train(examples, runProvenance, invocationCount);
    }

    @Override
    public int getInvocationCount() {
        return delegate.getInvocationCount();
    }

    @Override
    public void setInvocationCount(int count) {
        delegate.setInvocationCount(count);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return delegate.getProvenance();
    }
}
