package dev.augment.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Layout of a checkpoint file: a magic string, the settings it was made with (a resume with other
 * settings is refused), the epoch history, then every network and optimiser array.
 */
final class CheckpointFormat {

    private static final String MAGIC = "augment-checkpoint-v3";

    private CheckpointFormat() {
    }

    static void write(DataOutputStream out, GanSettings settings, List<EpochReport> history, GanNetworks nets,
                      BestGenerator best) throws IOException {
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
    }

    static List<EpochReport> read(DataInputStream in, GanSettings settings, GanNetworks nets, BestGenerator best)
            throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not an augment checkpoint");
        }
        String saved = in.readUTF();
        if (!saved.equals(identity(settings))) {
            throw new IOException("checkpoint was made with other settings (" + saved + "); resume with the same "
                    + "settings or use a new checkpoint folder");
        }
        int count = in.readInt();
        if (!settings.countsSteps() && count > settings.epochs()) {
            throw new IOException("checkpoint already has " + count + " epochs, more than the " + settings.epochs() + " epochs asked for");
        }
        List<EpochReport> history = new ArrayList<>();
        long steps = 0;
        for (int i = 0; i < count; i++) {
            history.add(new EpochReport(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
            steps += history.get(i).steps();
        }
        if (settings.countsSteps() && steps > settings.steps()) {
            throw new IOException("checkpoint already has " + steps + " steps, more than the " + settings.steps()
                    + " steps asked for");
        }
        nets.load(in);
        best.load(in);
        return history;
    }

    /**
     * Every setting but the length of training (epochs, or steps when training counts steps), which a
     * resume may raise; whether training counts steps is part of it.
     */
    private static String identity(GanSettings settings) {
        return settings.toBuilder().epochs(1).steps(settings.countsSteps() ? 1 : 0).build().toString();
    }
}
