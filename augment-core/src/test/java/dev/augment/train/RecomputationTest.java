package dev.augment.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which passes {@link Recomputation} accepts, computes again, drops or returns as diverged. */
class RecomputationTest {

    /** A network whose passes give the scripted losses and gradient finiteness, one pair per pass. */
    private static final class Script {
        final Deque<Float> losses;
        final Deque<Boolean> finite;
        int passes;
        int updates;
        int zeroings;
        boolean gradientsFinite;

        Script(List<Float> losses, List<Boolean> finite) {
            this.losses = new ArrayDeque<>(losses);
            this.finite = new ArrayDeque<>(finite);
        }

        float run(Recomputation recomputation) {
            return recomputation.run(() -> {
                passes++;
                gradientsFinite = finite.pop();
                return losses.pop();
            }, () -> gradientsFinite, () -> updates++, () -> zeroings++);
        }
    }

    @Test
    void aFinitePassIsUpdatedOnce() {
        Recomputation r = new Recomputation();
        Script s = new Script(List.of(0.7f), List.of(true));
        assertEquals(0.7f, s.run(r));
        assertEquals(1, s.passes);
        assertEquals(1, s.updates);
        assertEquals(0, s.zeroings);
        assertEquals(0, r.recomputedPasses());
        assertEquals(0, r.droppedUpdates());
    }

    @Test
    void aNanLossOrGradientIsComputedAgainAndTheFinitePassUpdates() {
        Recomputation r = new Recomputation();
        Script s = new Script(List.of(Float.NaN, 0.9f, 0.8f), List.of(false, false, true));
        assertEquals(0.8f, s.run(r));
        assertEquals(3, s.passes);
        assertEquals(1, s.updates, "only the finite pass updates");
        assertEquals(2, s.zeroings, "each rejected pass's gradients are zeroed before the next");
        assertEquals(2, r.recomputedPasses());
        assertEquals(0, r.droppedUpdates());
    }

    @Test
    void gradientsThatStayNonFiniteFromAFiniteLossAreDropped() {
        Recomputation r = new Recomputation();
        Script s = new Script(List.of(0.9f, 0.9f, 0.9f, 0.5f), List.of(false, false, false, true));
        assertEquals(0.9f, s.run(r), "a finite loss: training goes on");
        assertEquals(Recomputation.ATTEMPTS, s.passes);
        assertEquals(0, s.updates);
        assertEquals(1, r.droppedUpdates());
        assertEquals(Recomputation.ATTEMPTS - 1, r.recomputedPasses());
        assertEquals(0.5f, s.run(r), "the next step starts afresh");
        assertEquals(1, s.updates);
    }

    @Test
    void aLossThatStaysNonFiniteIsReturnedForTheTrainerToReportDivergence() {
        Recomputation r = new Recomputation();
        Script s = new Script(List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NaN), List.of(true, true, true));
        assertTrue(Float.isNaN(s.run(r)));
        assertEquals(0, s.updates, "no update from a non-finite loss, even with finite gradients");
        assertEquals(0, r.droppedUpdates(), "divergence, not a dropped update");
        assertEquals(Recomputation.ATTEMPTS, s.zeroings);
    }
}
