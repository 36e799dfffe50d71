package dev.augment.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One seed's undefined interval is null in report.json, not the string "NaN". */
class FiniteJsonTest {

    @Test
    void nonFiniteNumbersBecomeNullAtAnyDepthAndOthersStay() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("mean", 0.5).put("lower", Double.NaN).put("upper", Double.POSITIVE_INFINITY).put("name", "NaN");
        root.putArray("runs").add(1.0).add(Double.NaN).addObject().put("pValue", Double.NaN).put("n", 3);
        assertEquals("{\"mean\":0.5,\"lower\":null,\"upper\":null,\"name\":\"NaN\",\"runs\":[1.0,null,"
                + "{\"pValue\":null,\"n\":3}]}", json.writeValueAsString(FiniteJson.nullsForNonFinite(root)));
    }
}
