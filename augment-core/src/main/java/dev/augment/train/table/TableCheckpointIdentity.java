package dev.augment.train.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a table checkpoint records to refuse a resume with others: every field of
 * {@link TableGanSettings} by name, as text, but the length of training (which a resume may raise), and whether
 * training counts steps or epochs; and the one-line description of how two such records differ.
 */
final class TableCheckpointIdentity {

    /** The identity's key for whether training counts steps or epochs. */
    private static final String COUNTS = "training counts";
    /**
     * Settings added after table checkpoints were first written, with the value every run had before: a checkpoint
     * without the key was made with that value, so it resumes under it.
     */
    private static final Map<String, String> BEFORE_THE_SETTING_EXISTED = Map.of("informationWeight", "0.0",
            "criticSteps", "1");

    /** The settings {@link TableGanSettings#resolvedFor} may choose, as a refusal names them. */
    private static final Map<String, String> CHOSEN_BY_CLASS_SIZE = Map.of("auxiliaryWeight", "the weight is",
            "pac", "pac is", "criticSteps", "critic steps are", "batchSize", "the batch size is");

    private TableCheckpointIdentity() {
    }

    /**
     * @param settings a run's settings
     * @return every setting by its field name, but epochs and steps, which stand for the length of training; whether
     *     training counts steps or epochs is kept
     */
    static Map<String, String> of(TableGanSettings settings) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : TableGanSettings.class.getRecordComponents()) {
            String name = component.getName();
            if (name.equals("epochs") || name.equals("steps")) {
                continue;
            }
            try {
                fields.put(name, String.valueOf(component.getAccessor().invoke(settings)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("a record's accessor is public: " + name, e);
            }
        }
        fields.put(COUNTS, settings.countsSteps() ? "steps" : "epochs");
        return fields;
    }

    /**
     * @param saved an identity read from a checkpoint
     * @return it with every setting added since it was written set to the value runs had before
     */
    static Map<String, String> completed(Map<String, String> saved) {
        Map<String, String> all = new LinkedHashMap<>(saved);
        BEFORE_THE_SETTING_EXISTED.forEach(all::putIfAbsent);
        return all;
    }

    /**
     * @param saved the checkpoint's identity
     * @param now this run's identity
     * @return "batchSize 500 in the checkpoint, 70 now" for each setting whose value differs, joined by ", "
     */
    static String differences(Map<String, String> saved, Map<String, String> now) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String old = saved.get(e.getKey());
            if (!e.getValue().equals(old)) {
                String chosen = CHOSEN_BY_CLASS_SIZE.get(e.getKey());
                String why = chosen == null ? "" : " (when not given, " + chosen + " chosen by the class-size rule)";
                out.add(e.getKey() + " " + (old == null ? "absent" : dev.augment.train.Checkpoints.shownValue(old))
                        + " in the checkpoint, " + dev.augment.train.Checkpoints.shownValue(e.getValue()) + " now"
                        + why);
            }
        }
        for (String key : saved.keySet()) {
            if (!now.containsKey(key)) {
                out.add(key + " " + dev.augment.train.Checkpoints.shownValue(saved.get(key))
                        + " in the checkpoint, absent now");
            }
        }
        return String.join(", ", out);
    }
}
