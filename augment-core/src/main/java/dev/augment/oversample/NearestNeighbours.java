package dev.augment.oversample;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.neighbour.NeighboursQuery;
import org.tribuo.math.neighbour.bruteforce.NeighboursBruteForceFactory;

import java.util.List;

/**
 * The {@code k} nearest other members (Euclidean) of some members of one set, found with Tribuo's
 * brute-force {@link NeighboursQuery} ({@code org.tribuo.math.neighbour}, tribuo-math 4.3.2). A k-d tree
 * gains nothing on image-sized vectors (784 dimensions), so brute force it is.
 *
 * <p>A member is never its own neighbour; an exact duplicate of it may be. Results are ordered by
 * distance, nearest first, and are the same on every call.
 */
public final class NearestNeighbours {

    private final SGDVector[] vectors;
    private final NeighboursQuery query;

    /**
     * @param members the set, at least one vector, all of one length; not copied, not modified
     */
    public NearestNeighbours(double[][] members) {
        Vectors.requireRectangular("members", members);
        this.vectors = new SGDVector[members.length];
        for (int i = 0; i < members.length; i++) {
            vectors[i] = DenseVector.createDenseVector(members[i]);
        }
        this.query = new NeighboursBruteForceFactory(new L2Distance(), 1).createNeighboursQuery(vectors);
    }

    /**
     * @param member index of the member whose neighbours are wanted
     * @param k how many, in [1, size − 1]
     * @return the indices of its {@code k} nearest other members, nearest first
     */
    public int[] of(int member, int k) {
        if (k < 1 || k > vectors.length - 1) {
            throw new IllegalArgumentException("k must be in [1, " + (vectors.length - 1) + "], was " + k);
        }
        // k + 1 results hold the member itself unless k + 1 duplicates tie at distance 0.
        List<Pair<Integer, Double>> found = query.query(vectors[member], k + 1);
        int[] out = new int[k];
        int next = 0;
        for (Pair<Integer, Double> pair : found) {
            if (pair.getA() != member && next < k) {
                out[next++] = pair.getA();
            }
        }
        return out;
    }
}
