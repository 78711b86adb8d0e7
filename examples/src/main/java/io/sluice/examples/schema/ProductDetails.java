package io.sluice.examples.schema;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a product's catalogue page shows beyond its name and price, kept as one JSON document (written and read by Jackson):
 * a colour, a weight and free-form specifications.
 */
public class ProductDetails {

    /** The colour, or {@code null}. */
    public @Nullable String colour;

    /** The shipping weight in grams. */
    public int weightGrams;

    /** Further specifications by name, in name order. */
    public Map<String, String> specs = new TreeMap<>();

    /** For Jackson. */
    public ProductDetails() {}

    /**
     * Creates details.
     *
     * @param colour the colour
     * @param weightGrams the weight in grams
     */
    public ProductDetails(String colour, int weightGrams) {
        this.colour = colour;
        this.weightGrams = weightGrams;
    }

    /**
     * Adds a specification.
     *
     * @param name its name
     * @param value its value
     * @return these details
     */
    public ProductDetails spec(String name, String value) {
        specs.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        return colour + ", " + weightGrams + " g, " + specs;
    }
}
