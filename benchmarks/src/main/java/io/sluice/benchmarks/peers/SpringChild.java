package io.sluice.benchmarks.peers;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** {@code bench_child} as Spring Data R2DBC maps it: a plain foreign-key column, since it has no relationships. */
@Table("bench_child")
public class SpringChild {

    @Id
    private @Nullable Long id;

    private @Nullable String name;
    private @Nullable Long parentId;

    /** Creates an empty child (Spring Data fills it). */
    public SpringChild() {}

    /**
     * Creates a new child.
     *
     * @param name the name
     * @param parentId the parent's key
     */
    public SpringChild(String name, @Nullable Long parentId) {
        this.name = name;
        this.parentId = parentId;
    }

    public @Nullable Long getId() {
        return id;
    }

    public void setId(@Nullable Long id) {
        this.id = id;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }
}
