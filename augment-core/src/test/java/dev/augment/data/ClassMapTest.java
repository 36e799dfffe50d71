package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A data folder's classes.csv: augment's own map read back, another program's refused with the way out. */
class ClassMapTest {

    @TempDir
    Path dir;

    @Test
    void augmentsOwnMapIsReadBack() throws Exception {
        Path file = Files.writeString(dir.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,\"cat\",\"Cat\",\"cats\"\n1,\"dog\",\"Dog\",\"dogs\"\n");
        ClassMap map = ClassMap.read(file);
        assertEquals(java.util.List.of("cat", "dog"), map.labels());
        assertEquals(java.util.List.of("Cat", "Dog"), map.names());
    }

    /** Another tool's classes.csv in a data folder was refused without saying what to do with it. */
    @Test
    void anotherProgramsClassesCsvIsRefusedSayingToRenameOrMoveIt() throws Exception {
        Path file = Files.writeString(dir.resolve(ClassMap.FILE), "class_id,class_name\n0,cat\n1,dog\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> ClassMap.read(file));
        assertTrue(e.getMessage().contains("class map header is [class_id, class_name]; expected index,label,name,"
                + "folder (augment reads a classes.csv in a data folder as the map it writes; if this one is another "
                + "program's, rename or move it)"), e.getMessage());
    }
}
