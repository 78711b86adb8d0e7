package io.sluice.examples.web;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** An e-mail address of a {@link User}. */
@Entity(table = "web_addresses")
public class Address {

    @Id
    @Generated
    private @Nullable Integer id;

    @MappedColumn(length = 100, nullable = false)
    private String emailAddress = "";

    private @Nullable Integer userId;

    @ManyToOne
    private final ToOne<User> user = ToOne.create(this);

    protected Address() {}

    public Address(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public @Nullable Integer getId() {
        return id;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public ToOne<User> getUser() {
        return user;
    }

    @Override
    public String toString() {
        return "Address(" + emailAddress + ")";
    }
}
