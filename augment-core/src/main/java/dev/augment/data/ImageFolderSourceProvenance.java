package dev.augment.data;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of an {@link ImageFolderSource}: its {@code @Config} fields (folder, class names, the content's SHA-256)
 * and as instance values the SHA-256 of the images' content ({@link PixelTable}: classes and pixels, not file
 * bytes), the image count, a description and when the folder was read. Shaped as Tribuo's own data source
 * provenances, so OLCUT's {@code ProvenanceUtil} marshals it and {@code extractConfiguration} turns it back into a
 * configuration that reads the same images.
 */
public final class ImageFolderSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** Instance value: the number of images (examples) read. */
    public static final String IMAGES = "images";

    /** Instance value: what was read ("image folder /data/pets"). */
    public static final String DESCRIPTION = "description";

    private final HashProvenance sha256;
    private final IntProvenance images;
    private final StringProvenance description;
    private final DateTimeProvenance created;

    ImageFolderSourceProvenance(ImageFolderSource host, String sha256Hex, int imageCount, String what) {
        super(host, "DataSource");
        this.sha256 = new HashProvenance(DEFAULT_HASH_TYPE, RESOURCE_HASH, sha256Hex);
        this.images = new IntProvenance(IMAGES, imageCount);
        this.description = new StringProvenance(DESCRIPTION, what);
        this.created = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
    }

    /**
     * Used by OLCUT's provenance unmarshalling.
     *
     * @param map the marshalled fields
     * @throws com.oracle.labs.mlrg.olcut.provenance.ProvenanceException when a field is missing or of another type
     */
    public ImageFolderSourceProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private ImageFolderSourceProvenance(ExtractedInfo info) {
        super(info);
        this.sha256 = (HashProvenance) info.instanceValues.get(RESOURCE_HASH);
        this.images = (IntProvenance) info.instanceValues.get(IMAGES);
        this.description = (StringProvenance) info.instanceValues.get(DESCRIPTION);
        this.created = (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String name = ImageFolderSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(configured, CLASS_NAME, StringProvenance.class,
                name).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(configured, HOST_SHORT_NAME,
                StringProvenance.class, name).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(configured, RESOURCE_HASH,
                HashProvenance.class, name));
        instance.put(IMAGES, ObjectProvenance.checkAndExtractProvenance(configured, IMAGES, IntProvenance.class,
                name));
        instance.put(DESCRIPTION, ObjectProvenance.checkAndExtractProvenance(configured, DESCRIPTION,
                StringProvenance.class, name));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(configured,
                DATASOURCE_CREATION_TIME, DateTimeProvenance.class, name));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /** @return the SHA-256 of the images' content, as hexadecimal */
    public String sha256() {
        return sha256.getValue();
    }

    /** @return the number of images read */
    public int images() {
        return images.getValue();
    }

    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(RESOURCE_HASH, sha256);
        map.put(IMAGES, images);
        map.put(DESCRIPTION, description);
        map.put(DATASOURCE_CREATION_TIME, created);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageFolderSourceProvenance other) || !super.equals(o)) {
            return false;
        }
        return sha256.equals(other.sha256) && images.equals(other.images) && description.equals(other.description)
                && created.equals(other.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sha256, images, description, created);
    }
}
