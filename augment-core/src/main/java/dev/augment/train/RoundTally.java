package dev.augment.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The round (epoch, or stretch of steps) in progress so far: how many of its steps are done, the sums of
 * their losses and the seconds they took, so that a round a checkpoint cut in two reports the same steps and
 * mean losses as one never cut (the sums are kept, not the means, so the resumed round's means are bit for bit
 * those of an uninterrupted run). A tally holding every step of its round stands for a round whose end
 * (recomputed statistics, sample grid, quality check) has not run yet. Used by the image trainer and the
 * table trainer ({@code dev.augment.train.table}) alike.
 *
 * @param steps steps of the round done, not negative
 * @param sumD sum of their discriminator (critic) losses
 * @param sumG sum of their generator losses
 * @param seconds wall-clock seconds they took, not negative
 */
public record RoundTally(int steps, double sumD, double sumG, double seconds) {

    /** A round with no step done yet. */
    public static final RoundTally EMPTY = new RoundTally(0, 0, 0, 0);

    /** Checks the counts. */
    public RoundTally {
        if (steps < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("a round's steps and seconds must not be negative, were " + steps
                    + " and " + seconds);
        }
    }

    /**
     * @param lossD the discriminator (critic) loss of one more step
     * @param lossG its generator loss
     * @return this round with that step added
     */
    public RoundTally plus(float lossD, float lossG) {
        return new RoundTally(steps + 1, sumD + lossD, sumG + lossG, seconds);
    }

    /**
     * @param more seconds spent since this tally was taken, not negative
     * @return this round with that time added
     */
    public RoundTally after(double more) {
        return new RoundTally(steps, sumD, sumG, seconds + more);
    }

    /**
     * @param round the round's 1-based number
     * @return the report of the round, which must have a step: its steps, mean losses and seconds
     * @throws IllegalStateException when no step is done
     */
    public EpochReport report(int round) {
        if (steps == 0) {
            throw new IllegalStateException("round " + round + " has no step to report");
        }
        return new EpochReport(round, steps, sumD / steps, sumG / steps, seconds);
    }

    /**
     * Writes this tally as checkpoints store it: the steps (int), then the two loss sums and the seconds (doubles).
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(steps);
        out.writeDouble(sumD);
        out.writeDouble(sumG);
        out.writeDouble(seconds);
    }

    /**
     * @param in a stream at what {@link #write} wrote
     * @return the tally
     * @throws IOException when the stream ends early or holds a negative count or time
     */
    public static RoundTally read(DataInputStream in) throws IOException {
        int steps = in.readInt();
        double sumD = in.readDouble();
        double sumG = in.readDouble();
        double seconds = in.readDouble();
        if (steps < 0 || !(seconds >= 0)) {
            throw new IOException("the checkpoint's round in progress has " + steps + " steps and " + seconds
                    + " seconds");
        }
        return new RoundTally(steps, sumD, sumG, seconds);
    }
}
