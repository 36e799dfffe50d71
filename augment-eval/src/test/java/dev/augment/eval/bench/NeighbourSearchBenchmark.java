package dev.augment.eval.bench;

import dev.augment.eval.metrics.Distances;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.neighbour.NeighboursQuery;
import org.tribuo.math.neighbour.bruteforce.NeighboursBruteForceFactory;
import org.tribuo.math.neighbour.kdtree.KDTreeFactory;

import java.util.SplittableRandom;

/**
 * Times the diagnostics' k-nearest-neighbour search ({@link Distances#kthNeighbourSquared}, the k-NN radii of precision, recall, density and coverage, brute force over
 * float arrays) against Tribuo 4.3.2's {@code org.tribuo.math.neighbour} brute-force and k-d tree
 * queries on the same data: {@code n} Gaussian vectors of dimension {@code d}, k = 5, each point's
 * neighbours among the others. Not a test: run it with
 * {@code mvn -q -B -pl augment-eval -am test-compile exec:java}-style tooling or directly:
 * {@code java -cp "augment-eval/target/test-classes:augment-eval/target/classes:augment-cli/target/lib/*"
 * dev.augment.eval.bench.NeighbourSearchBenchmark [n] [d]} (defaults 1000 and 64: the size of one class
 * in the embedding space of the evaluation's diagnostics).
 */
public final class NeighbourSearchBenchmark {

    private NeighbourSearchBenchmark() {
    }

    /** @param args optional n and d */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int k = 5;
        SplittableRandom random = new SplittableRandom(1);
        float[][] x = new float[n][d];
        SGDVector[] vectors = new SGDVector[n];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
                x[i][j] = (float) row[j];
            }
            vectors[i] = DenseVector.createDenseVector(row);
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            float[] ours = Distances.kthNeighbourSquared(x, k);
            long t1 = System.nanoTime();
            NeighboursQuery brute1 = new NeighboursBruteForceFactory(new L2Distance(), 1).createNeighboursQuery(vectors);
            var tribuoBrute1 = brute1.queryAll(k + 1);
            long t2 = System.nanoTime();
            NeighboursQuery brute2 = new NeighboursBruteForceFactory(new L2Distance(), 2).createNeighboursQuery(vectors);
            brute2.queryAll(k + 1);
            long t3 = System.nanoTime();
            NeighboursQuery tree = new KDTreeFactory(new L2Distance(), 1).createNeighboursQuery(vectors);
            tree.queryAll(k + 1);
            long t4 = System.nanoTime();
            int agree = 0;
            for (int i = 0; i < n; i++) {
                // Tribuo's queryAll includes the point itself at distance 0, first.
                if (Math.abs(tribuoBrute1.get(i).get(k).getB() - Math.sqrt(ours[i])) < 1e-3) {
                    agree++;
                }
            }
            System.out.printf("n=%d d=%d k=%d round %d: augment Distances %.3f s | Tribuo brute force 1 thread %.3f s,"
                            + " 2 threads %.3f s | Tribuo k-d tree %.3f s | same k-th neighbour distance for %d/%d points%n",
                    n, d, k, round + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, agree, n);
        }
    }
}
