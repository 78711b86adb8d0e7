package io.sluice.benchmarks.hibernate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code bench_parent} as Hibernate Reactive maps it. */
@Entity
@Table(name = "bench_parent")
public class HrParent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable String name;
    private @Nullable Integer amount;

    @OneToMany(mappedBy = "parent", cascade = CascadeType.PERSIST)
    private List<HrChild> children = new ArrayList<>();

    protected HrParent() {}

    /**
     * Creates a new parent.
     *
     * @param name the name
     * @param amount the amount
     */
    public HrParent(String name, int amount) {
        this.name = name;
        this.amount = amount;
    }

    public @Nullable Long getId() {
        return id;
    }

    public @Nullable String getName() {
        return name;
    }

    public @Nullable Integer getAmount() {
        return amount;
    }

    public void setAmount(@Nullable Integer amount) {
        this.amount = amount;
    }

    public List<HrChild> getChildren() {
        return children;
    }

    /**
     * Adds a child on both sides.
     *
     * @param child the child
     */
    public void addChild(HrChild child) {
        children.add(child);
        child.setParent(this);
    }
}
