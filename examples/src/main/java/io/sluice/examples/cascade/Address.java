package io.sluice.examples.cascade;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** The tutorial's {@code Address} on table {@code addresses}, the other side of the remapped {@link User}'s collection. */
@Entity(table = "addresses")
public class Address {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(nullable = false)
    private String emailAddress;

    private Integer userId;

    @ManyToOne
    private final ToOne<User> user = ToOne.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected Address() {}

    /**
     * Returns the primary key.
     *
     * @return the id
     */
    public @Nullable Integer getId() {
        return id;
    }

    /**
     * Returns the e-mail address.
     *
     * @return the e-mail address
     */
    public @Nullable String getEmailAddress() {
        return emailAddress;
    }

    /**
     * Returns the reference to the user.
     *
     * @return the reference
     */
    public ToOne<User> getUser() {
        return user;
    }

    /** Returns the tutorial's representation: {@code <Address(email_address='jack@google.com')>}. */
    @Override
    public String toString() {
        return "<Address(email_address='" + emailAddress + "')>";
    }
}
