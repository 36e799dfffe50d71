package dev.augment.data;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import java.util.Map;

/**
 * Provenance of an {@link ImageFolderSource}: its {@code @Config} fields (folder, class names, the content's SHA-256)
 * and as instance values the SHA-256 of the images' content ({@link PixelTable}: classes and pixels, not file
 * bytes), the image count, a description and when the folder was read ({@link ReadDataProvenance}).
 */
public final class ImageFolderSourceProvenance extends ReadDataProvenance {

    private static final long serialVersionUID = 1L;

    /** Instance value: the number of images (examples) read. */
    public static final String IMAGES = "images";

    /** Instance value: what was read ("image folder /data/pets"). */
    public static final String DESCRIPTION = "description";

    private static final Map<String, Class<? extends PrimitiveProvenance<?>>> COUNTS = Map.of(IMAGES,
            IntProvenance.class, DESCRIPTION, StringProvenance.class);

    ImageFolderSourceProvenance(ImageFolderSource host, String sha256Hex, int imageCount, String what) {
        super(host, sha256Hex, Map.of(IMAGES, new IntProvenance(IMAGES, imageCount), DESCRIPTION,
                new StringProvenance(DESCRIPTION, what)));
    }

    /**
     * Used by OLCUT's provenance unmarshalling.
     *
     * @param map the marshalled fields
     * @throws com.oracle.labs.mlrg.olcut.provenance.ProvenanceException when a field is missing or of another type
     */
    public ImageFolderSourceProvenance(Map<String, Provenance> map) {
        super(map, COUNTS);
    }

    /** @return the number of images read */
    public int images() {
        return ((IntProvenance) value(IMAGES)).getValue();
    }
}
