package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Layout of a checkpoint file: a magic string, the settings it was made with (a resume with other
 * settings is refused), the epoch history, every network and optimiser array, the best-scoring
 * generator and (since v4) the last quality check. A v3 checkpoint, which has no last check, is still
 * read.
 */
final class CheckpointFormat {

    private static final String MAGIC = "augment-checkpoint-v4";
    /** The layout before the last check was saved; read as if no check had run at its last round. */
    private static final String MAGIC_V3 = "augment-checkpoint-v3";

    private CheckpointFormat() {
    }

    static void write(DataOutputStream out, GanSettings settings, List<EpochReport> history, GanNetworks nets,
                      BestGenerator best, LastCheck last) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(identity(settings));
        out.writeInt(history.size());
        for (EpochReport r : history) {
            out.writeInt(r.epoch());
            out.writeInt(r.steps());
            out.writeDouble(r.lossD());
            out.writeDouble(r.lossG());
            out.writeDouble(r.seconds());
        }
        nets.save(out);
        best.save(out);
        last.save(out);
    }

    static List<EpochReport> read(DataInputStream in, GanSettings settings, GanNetworks nets, BestGenerator best,
                                  LastCheck last) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic) && !MAGIC_V3.equals(magic)) {
            throw new IOException("not an augment checkpoint");
        }
        String saved = in.readUTF();
        if (!saved.equals(identity(settings))) {
            throw new InvalidSettingException("resume", "needs the checkpoint's settings, and these differ: "
                    + differences(saved, identity(settings)) + "; resume with the checkpoint's settings or use a new "
                    + "checkpoint folder");
        }
        int count = in.readInt();
        if (!settings.countsSteps() && count > settings.epochs()) {
            throw new InvalidSettingException("epochs", "is " + settings.epochs() + " but the checkpoint already has "
                    + count + " epochs; ask for at least " + count);
        }
        List<EpochReport> history = new ArrayList<>();
        long steps = 0;
        for (int i = 0; i < count; i++) {
            history.add(new EpochReport(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
            steps += history.get(i).steps();
        }
        if (settings.countsSteps() && steps > settings.steps()) {
            throw new InvalidSettingException("steps", "is " + settings.steps() + " but the checkpoint already has "
                    + steps + " steps; ask for at least " + steps);
        }
        nets.load(in);
        best.load(in);
        if (MAGIC.equals(magic)) {
            last.load(in);
        }
        return history;
    }

    /**
     * Every setting but the length of training (epochs, or steps when training counts steps), which a
     * resume may raise; whether training counts steps is part of it.
     */
    /** "batchSize 64 in the checkpoint, 32 now" for each setting whose value differs. */
    private static String differences(String saved, String now) {
        java.util.Map<String, String> before = fields(saved);
        java.util.Map<String, String> after = fields(now);
        List<String> out = new ArrayList<>();
        for (java.util.Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (!e.getValue().equals(old)) {
                out.add(e.getKey() + " " + (old == null ? "absent" : old) + " in the checkpoint, " + e.getValue() + " now");
            }
        }
        return out.isEmpty() ? saved : String.join(", ", out);
    }

    private static java.util.Map<String, String> fields(String record) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        int open = record.indexOf('[');
        String body = open < 0 ? record : record.substring(open + 1, record.length() - 1);
        for (String part : body.split(", ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }

    private static String identity(GanSettings settings) {
        return settings.toBuilder().epochs(1).steps(settings.countsSteps() ? 1 : 0).build().toString();
    }
}
