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

    private static final String MAGIC = "augment-checkpoint-v2";

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
        if (count > settings.epochs()) {
            throw new IOException("checkpoint already has " + count + " epochs, more than the " + settings.epochs() + " epochs asked for");
        }
        List<EpochReport> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            history.add(new EpochReport(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        nets.load(in);
        best.load(in);
        return history;
    }

    /** Everything but the epoch count, which a resume may raise. */
    private static String identity(GanSettings settings) {
        return settings.withEpochs(1).toString();
    }
}
