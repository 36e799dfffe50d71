package dev.augment.eval.protocol;

/**
 * How many examples the augmenting arms add to each class of a training split: each class up to the largest class's
 * count, and when every class is already that large (a balanced split) as many as each class has, so that no
 * augmenting arm trains on real only's examples under another name. One rule for the image and the table
 * evaluations' arms and for {@link SmoteCopies}, which names the classes SMOTE can only copy.
 */
public final class TopUp {

    private TopUp() {
    }

    /**
     * @param counts a split's examples per class, each ≥ 0
     * @param fillEmpty whether a class without examples is topped up too (the image evaluation: the generator
     *     arms draw it) or left empty (the table evaluation)
     * @return examples added per class
     */
    public static int[] of(int[] counts, boolean fillEmpty) {
        int largest = 0;
        for (int n : counts) {
            largest = Math.max(largest, n);
        }
        int[] topUp = new int[counts.length];
        boolean balanced = true;
        for (int c = 0; c < counts.length; c++) {
            topUp[c] = counts[c] == 0 && !fillEmpty ? 0 : largest - counts[c];
            balanced &= topUp[c] == 0;
        }
        return balanced ? counts.clone() : topUp;
    }
}
