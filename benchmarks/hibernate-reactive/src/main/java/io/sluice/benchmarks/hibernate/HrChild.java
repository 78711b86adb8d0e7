package io.sluice.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** {@code bench_child} as Hibernate Reactive maps it. */
@Entity
@Table(name = "bench_child")
public class HrChild {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable HrParent parent;

    protected HrChild() {}

    /**
     * Creates a new child.
     *
     * @param name the name
     */
    public HrChild(String name) {
        this.name = name;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable String getName() {
        return name;
    }

    public @Nullable HrParent getParent() {
        return parent;
    }

    void setParent(HrParent parent) {
        this.parent = parent;
    }
}
