package dev.augment.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The most recent quality check: the round (epoch, or round of steps) it scored and its details, saved
 * in checkpoints so that exporting the last generator after a resume still carries its scores.
 */
final class LastCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private int round;
    private ObjectNode details;

    /** Records the check of the averaged generator at the end of {@code atRound} (1-based). */
    void record(int atRound, QualityCheck.Score score) {
        round = atRound;
        details = score.details().deepCopy();
        details.put("epoch", atRound);
    }

    /** @return the details of the check at the end of {@code atRound}, or null when none ran then */
    ObjectNode detailsAt(int atRound) {
        return round == atRound ? details : null;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(round);
        out.writeUTF(details == null ? "" : details.toString());
    }

    void load(DataInputStream in) throws IOException {
        round = in.readInt();
        String json = in.readUTF();
        details = json.isEmpty() ? null : (ObjectNode) JSON.readTree(json);
    }
}
