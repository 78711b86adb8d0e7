package io.sluice.benchmarks.model;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;
import org.jspecify.annotations.Nullable;

/** A parent row: a generated key, a name, an amount (the column the update scenario changes) and its children. */
@Entity(table = "bench_parent")
public class Parent {

    @Id
    @Generated
    private @Nullable Long id;

    @MappedColumn(length = 50)
    private @Nullable String name;

    private @Nullable Integer amount;

    @OneToMany(mappedBy = "parent")
    private final ToMany<Child> children = ToMany.create(this);

    protected Parent() {}

    /**
     * Creates a new parent.
     *
     * @param name the name
     * @param amount the amount
     */
    public Parent(String name, int amount) {
        this.name = name;
        this.amount = amount;
    }

    /**
     * Creates a parent as read from a row, for the raw arms.
     *
     * @param id the key
     * @param name the name
     * @param amount the amount
     */
    public Parent(@Nullable Long id, @Nullable String name, @Nullable Integer amount) {
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

    /** Sets the amount. */
    public void setAmount(@Nullable Integer amount) {
        this.amount = amount;
    }

    /** Returns the children (a Sluice collection: load it before reading it). */
    public ToMany<Child> getChildren() {
        return children;
    }
}
