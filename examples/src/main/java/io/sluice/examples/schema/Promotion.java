package io.sluice.examples.schema;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A promotion over some products, whose SKUs are an array column ({@code text[]} on PostgreSQL, {@code VARCHAR ARRAY} on H2).
 * MariaDB has no array type, so {@link RealSchema} maps this class only where the database has one.
 */
@Entity(table = "shop_promotion")
public class Promotion {

    @Id
    @Generated
    private @Nullable Long id;

    @MappedColumn(length = 40, nullable = false)
    private String name;

    private int percentOff;

    private List<String> skus = new ArrayList<>();

    /** For Sluice, which fills the fields when it loads a row. */
    protected Promotion() {
        this.name = "";
    }

    /**
     * Creates a new promotion.
     *
     * @param name the name
     * @param percentOff the discount in per cent
     * @param skus the SKUs of the products it applies to
     */
    public Promotion(String name, int percentOff, String... skus) {
        this.name = name;
        this.percentOff = percentOff;
        this.skus = new ArrayList<>(List.of(skus));
    }

    /** Returns the name. */
    public String getName() {
        return name;
    }

    /** Returns the SKUs of the products it applies to. */
    public List<String> getSkus() {
        return skus;
    }

    @Override
    public String toString() {
        return name + " (" + percentOff + " % off " + skus + ")";
    }
}
