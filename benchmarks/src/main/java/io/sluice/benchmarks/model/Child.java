package io.sluice.benchmarks.model;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** A child row of a {@link Parent}. */
@Entity(table = "bench_child")
public class Child {

    @Id
    @Generated
    private @Nullable Long id;

    @MappedColumn(length = 50)
    private @Nullable String name;

    private @Nullable Long parentId;

    @ManyToOne
    private final ToOne<Parent> parent = ToOne.create(this);

    protected Child() {}

    /**
     * Creates a new child.
     *
     * @param name the name
     */
    public Child(String name) {
        this.name = name;
    }

    /**
     * Creates a child as read from a row, for the raw arms.
     *
     * @param id the key
     * @param name the name
     * @param parentId the parent's key
     */
    public Child(@Nullable Long id, @Nullable String name, @Nullable Long parentId) {
        this.id = id;
        this.name = name;
        this.parentId = parentId;
    }

    /** Returns the key. */
    public @Nullable Long getId() {
        return id;
    }

    /** Returns the name. */
    public @Nullable String getName() {
        return name;
    }

    /** Returns the parent's key. */
    public @Nullable Long getParentId() {
        return parentId;
    }

    /** Returns the parent reference. */
    public ToOne<Parent> getParent() {
        return parent;
    }
}
