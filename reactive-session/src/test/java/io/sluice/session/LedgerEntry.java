package io.sluice.session;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Table;

/** An entity with a unique name, for tests of transactions that travel in the Reactor Context. */
@Table("sluice_context_entries")
public class LedgerEntry {

    @Id
    @Generated
    private Long id;

    @Column(length = 40, nullable = false, unique = true)
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
