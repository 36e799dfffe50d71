package dev.augment.generate.output;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFormatTest {

    @ParameterizedTest
    @CsvSource({"png,PNG", "PNG,PNG", "Idx,IDX", "csv,CSV", "' CSV ',CSV"})
    void parsesNamesIgnoringCase(String text, OutputFormat expected) {
        assertEquals(expected, OutputFormat.parse(text));
    }

    @Test
    void rejectsUnknownFormatListingTheChoices() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> OutputFormat.parse("jpg"));
        assertEquals("format", e.setting());
        assertTrue(e.getMessage().contains("'jpg'"), e.getMessage());
        assertTrue(e.getMessage().contains("png|idx|csv"), e.getMessage());
    }
}
