package dev.augment.data;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.FileProvenance;
import org.tribuo.DataSource;
import org.tribuo.datasource.IDXDataSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The image shape of a Tribuo {@link IDXDataSource}, which its examples do not carry: Tribuo names an IDX file's
 * features {@code 000}, {@code 001}, … whatever its rows and columns, and leaves zero pixels out, so 14×14 images
 * have feature names that a 28×28 generator also has. Read from the header of the features file the source's
 * provenance names ({@code featuresPath}).
 */
public final class TribuoIdxShape {

    private TribuoIdxShape() {
    }

    /**
     * @param source any data source
     * @return for Tribuo's {@link IDXDataSource}, its images' shape as (channels, rows, columns), channels 1 for a
     *     3-dimensional file; empty for any other source, or when the features file can no longer be read (the
     *     source already holds its examples)
     */
    public static Optional<List<Integer>> of(DataSource<?> source) {
        if (!(source instanceof IDXDataSource<?> idx)) {
            return Optional.empty();
        }
        if (!(idx.getProvenance() instanceof IDXDataSource.IDXDataSourceProvenance provenance)) {
            return Optional.empty();
        }
        Provenance path = provenance.getConfiguredParameters().get("featuresPath");
        if (!(path instanceof FileProvenance file) || file.getValue() == null) {
            return Optional.empty();
        }
        try {
            IdxFile header = IdxFile.imagesHeader(file.getValue().toPath());
            return Optional.of(List.of(header.channels(), header.rows(), header.columns()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
