package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import java.util.UUID;

/** A tag whose key is a UUID made by Sluice and whose label is unique, upserted by the label. */
@Entity(table = "upsert_tag")
public class Tag {
    @Id
    @Generated(strategy = Generated.Strategy.UUID)
    private UUID id;

    @MappedColumn(length = 20, nullable = false, unique = true)
    private String label;

    private Integer uses;

    protected Tag() {}

    public Tag(String label, Integer uses) {
        this.label = label;
        this.uses = uses;
    }

    public UUID getId() {
        return id;
    }

    public Integer getUses() {
        return uses;
    }
}
