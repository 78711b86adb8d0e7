package io.sluice.benchmarks.model;

import io.sluice.session.mapping.Convert;
import io.sluice.session.mapping.Embedded;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Json;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/**
 * A row of the typed-columns scenario: beside a generated key and a name, a converted column (an {@link Email} stored as
 * text), an embedded value (an {@link Address} in three columns) and a JSON column ({@link Preferences} through Jackson).
 */
@Entity(table = "bench_customer")
public class Customer {

    @Id
    @Generated
    private @Nullable Long id;

    @MappedColumn(length = 50)
    private @Nullable String name;

    @Convert(Email.Text.class)
    @MappedColumn(length = 120)
    private @Nullable Email email;

    @Embedded
    private @Nullable Address address;

    @Json(immutable = true)
    private @Nullable Preferences preferences;

    protected Customer() {}

    /**
     * Creates a customer, as a new one or as the raw arms read it from a row.
     *
     * @param id the key, {@code null} for a new customer
     * @param name the name
     * @param email the e-mail address
     * @param address the address
     * @param preferences the preferences
     */
    public Customer(
            @Nullable Long id,
            @Nullable String name,
            @Nullable Email email,
            @Nullable Address address,
            @Nullable Preferences preferences) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.address = address;
        this.preferences = preferences;
    }

    /** Returns the key. */
    public @Nullable Long getId() {
        return id;
    }

    /** Returns the name. */
    public @Nullable String getName() {
        return name;
    }

    /** Returns the e-mail address. */
    public @Nullable Email getEmail() {
        return email;
    }

    /** Returns the address. */
    public @Nullable Address getAddress() {
        return address;
    }

    /** Returns the preferences. */
    public @Nullable Preferences getPreferences() {
        return preferences;
    }

    /**
     * Creates the {@code i}-th customer of the scenario's data, without a key: every arm writes and seeds the same values.
     *
     * @param i the number
     * @return the customer
     */
    public static Customer numbered(int i) {
        return new Customer(
                null,
                "customer " + i,
                new Email("Customer" + i + "@Example.com"),
                new Address(i + " High Street", "Town " + (i % 100), "AB" + (i % 1000)),
                new Preferences(
                        i % 3 == 0 ? "fr" : "en", (i & 1) == 0, java.util.List.of("books", "music " + (i % 7))));
    }
}
