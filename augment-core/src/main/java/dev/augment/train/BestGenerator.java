package dev.augment.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The best-scoring averaged generator seen so far: its epoch, score, score details and a copy of
 * its weights (including batch-norm statistics), saved in checkpoints so a resume keeps it.
 */
final class BestGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private int epoch;
    private double value = Double.NEGATIVE_INFINITY;
    private ObjectNode details;
    private List<float[]> weights = List.of();

    /**
     * @return true when the score beats or ties the best so far, whose weights are then copied: a tie goes to the
     *     later, longer-trained generator (on small data every check can score 0, where the first would otherwise
     *     stay best)
     */
    boolean offer(int atEpoch, QualityCheck.Score score, GanNetworks nets) {
        if (score.value() < value) {
            return false;
        }
        epoch = atEpoch;
        value = score.value();
        details = score.details().deepCopy();
        details.put("epoch", atEpoch);
        List<float[]> copy = new ArrayList<>();
        for (Parameter p : GanNetworks.all(nets.averagedGenerator)) {
            copy.add(p.getArray().toFloatArray());
        }
        weights = copy;
        return true;
    }

    /** Puts the best weights back into the averaged generator; does nothing when nothing was scored. */
    void restoreInto(GanNetworks nets) {
        List<Parameter> params = GanNetworks.all(nets.averagedGenerator);
        for (int i = 0; i < weights.size(); i++) {
            params.get(i).getArray().set(weights.get(i));
        }
    }

    int epoch() {
        return epoch;
    }

    ObjectNode details() {
        return details;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(epoch);
        out.writeDouble(value);
        out.writeUTF(details == null ? "" : details.toString());
        out.writeInt(weights.size());
        for (float[] w : weights) {
            Checkpoints.writeFloats(out, w);
        }
    }

    void load(DataInputStream in) throws IOException {
        epoch = in.readInt();
        value = in.readDouble();
        String json = in.readUTF();
        details = json.isEmpty() ? null : (ObjectNode) JSON.readTree(json);
        int n = in.readInt();
        List<float[]> loaded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = in.readInt();
            float[] w = new float[length];
            for (int j = 0; j < length; j++) {
                w[j] = in.readFloat();
            }
            loaded.add(w);
        }
        weights = loaded;
    }
}
