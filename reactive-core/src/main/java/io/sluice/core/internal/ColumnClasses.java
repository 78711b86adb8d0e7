package io.sluice.core.internal;

import io.r2dbc.spi.RowMetadata;
import org.jspecify.annotations.Nullable;

/**
 * The Java class the driver reads each column of a result as ({@code ColumnMetadata.getJavaType()}), looked up once per
 * column for all the rows of the result: some drivers work it out again on every call.
 */
public final class ColumnClasses {

    private final RowMetadata metadata;
    private final @Nullable Class<?>[] classes;

    /**
     * Creates the cache for one result.
     *
     * @param metadata the result's row metadata
     */
    public ColumnClasses(RowMetadata metadata) {
        this.metadata = metadata;
        this.classes = new Class<?>[metadata.getColumnMetadatas().size()];
    }

    /**
     * Returns the class the driver reads a column as.
     *
     * @param index the 0-based column index
     * @return the class, or {@code null} if the driver does not say
     */
    public @Nullable Class<?> of(int index) {
        Class<?> known = classes[index];
        if (known == null) {
            Class<?> reported = metadata.getColumnMetadata(index).getJavaType();
            known = reported == null ? Void.class : reported;
            classes[index] = known;
        }
        return known == Void.class ? null : known;
    }
}
