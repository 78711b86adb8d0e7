package io.sluice.session.types;

import io.sluice.session.mapping.Embedded;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;

/** A store with embedded values: two addresses (one with a prefix of its own) and a mutable contact without prefix. */
@Entity(table = "emb_stores")
public class Store {
    @Id
    @Generated
    private Integer id;

    private String name;

    @Embedded
    private Address address;

    @Embedded(prefix = "bill_")
    private Address billing;

    @Embedded(prefix = "")
    private Contact contact;

    protected Store() {}

    public Store(String name, Address address) {
        this.name = name;
        this.address = address;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public Address getBilling() {
        return billing;
    }

    public void setBilling(Address billing) {
        this.billing = billing;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }
}
