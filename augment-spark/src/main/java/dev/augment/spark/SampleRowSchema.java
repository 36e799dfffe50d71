package dev.augment.spark;

import dev.augment.errors.ModelContractException;
import dev.augment.schema.SampleSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Spark schema of generated rows: {@value #LABEL} (string, the Tribuo label as {@code augment generate
 * --format csv} writes it), one float column per feature named as the model's schema names it, then
 * {@value #INDEX} (long, the sample's index in its class's stream, from 0). No column is nullable.
 */
public final class SampleRowSchema {

    /** Name of the label column. */
    public static final String LABEL = "label";
    /** Name of the sample index column. */
    public static final String INDEX = "index";

    private SampleRowSchema() {
    }

    /**
     * @param schema the model's sample schema
     * @param model the model file, for messages
     * @return the row schema
     * @throws ModelContractException when a feature is named like the label or index column, or two features
     *     differ only in case (Spark resolves column names ignoring case)
     */
    public static StructType of(SampleSchema schema, String model) {
        List<StructField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(LABEL, INDEX));
        fields.add(DataTypes.createStructField(LABEL, DataTypes.StringType, false));
        for (String name : schema.featureNames()) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new ModelContractException(model + ": feature name '" + name + "' clashes with another column "
                        + "(label, index or a feature differing only in case), so it cannot be a Spark column");
            }
            fields.add(DataTypes.createStructField(name, DataTypes.FloatType, false));
        }
        fields.add(DataTypes.createStructField(INDEX, DataTypes.LongType, false));
        return DataTypes.createStructType(fields);
    }
}
