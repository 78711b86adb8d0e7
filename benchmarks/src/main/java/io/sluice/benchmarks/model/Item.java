package io.sluice.benchmarks.model;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** A row of the streaming table (one million of them, seeded once). */
@Entity(table = "bench_item")
public class Item {

    @Id
    private @Nullable Long id;

    @MappedColumn(length = 50)
    private @Nullable String name;

    private @Nullable Integer amount;

    protected Item() {}

    /**
     * Creates an item.
     *
     * @param id the key
     * @param name the name
     * @param amount the amount
     */
    public Item(@Nullable Long id, @Nullable String name, @Nullable Integer amount) {
        this.id = id;
        this.name = name;
        this.amount = amount;
    }

    /** Returns the key. */
    public @Nullable Long getId() {
        return id;
    }

    /** Returns the name. */
    public @Nullable String getName() {
        return name;
    }

    /** Returns the amount. */
    public @Nullable Integer getAmount() {
        return amount;
    }
}
