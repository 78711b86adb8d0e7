package io.sluice.session;

import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;

/** An address of a {@link User} (table {@code addresses}, e-mail address NOT NULL), for the session's own tests. */
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

    public Address(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public Integer getId() {
        return id;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public Integer getUserId() {
        return userId;
    }

    public ToOne<User> getUser() {
        return user;
    }
}
