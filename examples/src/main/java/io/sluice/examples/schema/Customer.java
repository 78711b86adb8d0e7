package io.sluice.examples.schema;

import io.sluice.session.mapping.Convert;
import io.sluice.session.mapping.Embedded;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Enumerated;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/**
 * A customer of the shop: an e-mail address stored through its converter, a delivery address embedded as four columns and an
 * optional billing address as four more ({@code bill_street}, ...), and a loyalty tier stored by ordinal.
 */
@Entity(table = "shop_customer")
public class Customer {

    @Id
    @Generated
    private @Nullable Long id;

    @MappedColumn(length = 60, nullable = false)
    private String name;

    @Convert(Email.Text.class)
    @MappedColumn(length = 120, nullable = false, unique = true)
    private Email email;

    @Embedded
    private Address address;

    @Embedded(prefix = "bill_")
    private @Nullable Address billing;

    @Enumerated(Enumerated.EnumStorage.ORDINAL)
    private Tier tier = Tier.STANDARD;

    /** For Sluice, which fills the fields when it loads a row. */
    protected Customer() {
        this.name = "";
        this.email = new Email("nobody@example.invalid");
        this.address = new Address("", "", "", "");
    }

    /**
     * Creates a new customer.
     *
     * @param name the name
     * @param email the e-mail address
     * @param address the delivery address
     */
    public Customer(String name, Email email, Address address) {
        this.name = name;
        this.email = email;
        this.address = address;
    }

    /** Returns the key, {@code null} before the customer is inserted. */
    public @Nullable Long getId() {
        return id;
    }

    /** Returns the name. */
    public String getName() {
        return name;
    }

    /** Returns the e-mail address. */
    public Email getEmail() {
        return email;
    }

    /** Returns the delivery address. */
    public Address getAddress() {
        return address;
    }

    /** Sets the delivery address: only the columns whose values differ are updated. */
    public void setAddress(Address address) {
        this.address = address;
    }

    /** Returns the billing address, {@code null} when it is the delivery address. */
    public @Nullable Address getBilling() {
        return billing;
    }

    /** Sets the billing address, {@code null} for the delivery address. */
    public void setBilling(@Nullable Address billing) {
        this.billing = billing;
    }

    /** Returns the loyalty tier. */
    public Tier getTier() {
        return tier;
    }

    /** Sets the loyalty tier. */
    public void setTier(Tier tier) {
        this.tier = tier;
    }

    @Override
    public String toString() {
        return name + " <" + email + ">, " + tier + ", " + address + (billing == null ? "" : ", billed to " + billing);
    }
}
