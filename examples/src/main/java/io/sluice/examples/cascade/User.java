package io.sluice.examples.cascade;

import io.sluice.session.ToMany;
import io.sluice.session.mapping.Cascade;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import io.sluice.session.mapping.OneToMany;
import org.jspecify.annotations.Nullable;

/**
 * The tutorial's {@code User} remapped on table {@code users} with {@code cascade="all, delete, delete-orphan"} on its
 * addresses, and, as in the tutorial, no {@code order_by}. It needs a mapping and sessions of its own: one mapping holds one
 * class per table.
 */
@Entity(table = "users")
public class User {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 50)
    private String name;

    @MappedColumn(length = 50)
    private String fullname;

    @MappedColumn(length = 50)
    private String nickname;

    /** Deleted with the user, and deleted when removed from the collection (orphans). */
    @OneToMany(
            mappedBy = "user",
            cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    private final ToMany<Address> addresses = ToMany.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected User() {}

    /**
     * Returns the primary key.
     *
     * @return the id
     */
    public @Nullable Integer getId() {
        return id;
    }

    /**
     * Returns the login name.
     *
     * @return the name
     */
    public @Nullable String getName() {
        return name;
    }

    /**
     * Returns the user's addresses, loaded through {@code flux()}.
     *
     * @return the addresses
     */
    public ToMany<Address> getAddresses() {
        return addresses;
    }

    /** Returns the tutorial's representation: {@code <User(name='jack', fullname='Jack Bean', nickname='gjffdd')>}. */
    @Override
    public String toString() {
        return "<User(name='" + name + "', fullname='" + fullname + "', nickname='" + nickname + "')>";
    }
}
