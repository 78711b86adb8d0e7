package io.sluice.session.tutorial;

import io.sluice.session.mapping.Column;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.Table;
import io.sluice.session.relation.ToOne;

/** The tutorial's Address. */
@Table("addresses")
public class Address {

    @Id
    @Generated
    private Integer id;

    @Column(length = 100, nullable = false)
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

    @Override
    public String toString() {
        return "<Address(email_address='" + emailAddress + "')>";
    }
}
