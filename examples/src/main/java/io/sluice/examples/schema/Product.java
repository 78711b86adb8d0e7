package io.sluice.examples.schema;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Json;
import io.sluice.session.mapping.MappedColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalogue: a time-ordered UUID key made by Sluice at flush, a price in {@link Money} (the package's
 * converter), and two JSON columns written and read by Jackson: its {@link ProductDetails} and its tags.
 */
@Entity(table = "shop_product")
public class Product {

    @Id
    @Generated(strategy = Generated.Strategy.UUID)
    private @Nullable UUID id;

    @MappedColumn(length = 20, nullable = false, unique = true)
    private String sku;

    @MappedColumn(length = 80, nullable = false)
    private String name;

    private Money price;

    @Json
    private ProductDetails details;

    @Json
    private List<String> tags = new ArrayList<>();

    /** For Sluice, which fills the fields when it loads a row. */
    protected Product() {
        this.sku = "";
        this.name = "";
        this.price = new Money(0);
        this.details = new ProductDetails();
    }

    /**
     * Creates a new product.
     *
     * @param sku the stock-keeping unit
     * @param name the name
     * @param price the price
     * @param details the catalogue details
     * @param tags the tags
     */
    public Product(String sku, String name, Money price, ProductDetails details, String... tags) {
        this.sku = sku;
        this.name = name;
        this.price = price;
        this.details = details;
        this.tags = new ArrayList<>(List.of(tags));
    }

    /** Returns the key, {@code null} before the product is inserted. */
    public @Nullable UUID getId() {
        return id;
    }

    /** Returns the stock-keeping unit. */
    public String getSku() {
        return sku;
    }

    /** Returns the name. */
    public String getName() {
        return name;
    }

    /** Returns the price. */
    public Money getPrice() {
        return price;
    }

    /** Sets the price. */
    public void setPrice(Money price) {
        this.price = price;
    }

    /** Returns the details: change them in place, and the next flush writes the JSON column again. */
    public ProductDetails getDetails() {
        return details;
    }

    /** Returns the tags: change them in place, and the next flush writes the JSON column again. */
    public List<String> getTags() {
        return tags;
    }

    @Override
    public String toString() {
        return sku + " " + name + " " + price + " [" + details + "] " + tags;
    }
}
