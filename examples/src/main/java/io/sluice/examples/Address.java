package io.sluice.examples;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** The tutorial's {@code Address}: a row of table {@code addresses}, whose {@code user_id} references {@code users}. */
@Entity(table = "addresses")
public class Address {

    @Id
    @Generated
    private Integer id;

    @MappedColumn(nullable = false)
    private String emailAddress;

    /** The foreign key, set from the user's id when the address is flushed. */
    private Integer userId;

    /** The address's user; {@link User}'s {@code addresses} is the other side, kept in step in memory. */
    @ManyToOne
    private final ToOne<User> user = ToOne.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected Address() {}

    /**
     * Creates a transient address.
     *
     * @param emailAddress the e-mail address
     */
    public Address(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    /**
     * Returns the primary key.
     *
     * @return the id, or {@code null} before the address is inserted
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
     * Returns the foreign key to the user.
     *
     * @return the user's id, or {@code null}
     */
    public @Nullable Integer getUserId() {
        return userId;
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
