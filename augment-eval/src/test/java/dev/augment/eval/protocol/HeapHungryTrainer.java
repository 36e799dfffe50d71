package dev.augment.eval.protocol;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.TrainerProvenance;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test trainer for OLCUT configuration files: Tribuo's logistic regression, but its first fit after {@link
 * #armOnce()} throws {@link OutOfMemoryError}, as a fit beside another family's does when the heap is too small.
 */
public final class HeapHungryTrainer implements Trainer<Label> {

    private static final AtomicBoolean ARMED = new AtomicBoolean();

    private final LogisticRegressionTrainer delegate = new LogisticRegressionTrainer();

    /** For OLCUT. */
    private HeapHungryTrainer() {
    }

    /** Makes the next fit of any instance run out of heap. */
    static void armOnce() {
        ARMED.set(true);
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (ARMED.getAndSet(false)) {
            throw new OutOfMemoryError("Java heap space (HeapHungryTrainer)");
        }
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
