package io.sluice.session.cascade;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;

/** The tutorial's Address, for the remapped User with delete cascades. */
@Entity(table = "addresses")
public class Address {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(length = 100, nullable = false)
    private String emailAddress;

    private Integer userId;

    @ManyToOne
    private final ToOne<User> user = ToOne.create(this);

    protected Address() {}

    public String getEmailAddress() {
        return emailAddress;
    }

    public ToOne<User> getUser() {
        return user;
    }

    @Override
    public String toString() {
        return "<Address(email_address='" + emailAddress + "')>";
    }
}
