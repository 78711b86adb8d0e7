package io.sluice.benchmarks.peers;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** {@code bench_item} as Spring Data R2DBC maps it. */
@Table("bench_item")
public class SpringItem {

    @Id
    private @Nullable Long id;

    private @Nullable String name;
    private @Nullable Integer amount;

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

    public @Nullable Integer getAmount() {
        return amount;
    }

    public void setAmount(@Nullable Integer amount) {
        this.amount = amount;
    }
}
