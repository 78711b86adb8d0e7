package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import java.util.UUID;

/** An object whose key is a time-ordered UUID made by Sluice, for the tests of generated keys. */
@Entity(table = "uuid_items")
public class UuidItem {

    @Id
    @Generated(strategy = Generated.Strategy.UUID)
    private UUID id;

    @MappedColumn(length = 30, nullable = false)
    private String name;

    protected UuidItem() {}

    public UuidItem(String name) {
        this.name = name;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
