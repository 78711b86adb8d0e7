package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;

/** An entity with a unique name, for tests of transactions that travel in the Reactor Context. */
@Entity(table = "sluice_context_entries")
public class LedgerEntry {

    @Id
    @Generated
    private Long id;

    @MappedColumn(length = 40, nullable = false, unique = true)
    private String name;

    protected LedgerEntry() {}

    public LedgerEntry(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "LedgerEntry(" + name + ")";
    }
}
