package io.sluice.examples.schema;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.Convert;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.ManyToOne;
import io.sluice.session.mapping.MappedColumn;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An order: its key taken from the sequence {@code shop_order_seq} in blocks of 50 (so a flush of many orders inserts them in
 * batches without reading keys back), its status stored as a one-letter code, its customer a many-to-one reference.
 */
@Entity(table = "shop_order")
public class ShopOrder {

    @Id
    @Generated(strategy = Generated.Strategy.SEQUENCE, sequence = "shop_order_seq", allocationSize = 50)
    private @Nullable Long id;

    @Convert(OrderStatus.Code.class)
    @MappedColumn(length = 1, nullable = false)
    private OrderStatus status = OrderStatus.NEW;

    private Money total;

    private LocalDate placed;

    /** The foreign key, set from the customer's key when the order is flushed. */
    private @Nullable Long customerId;

    @ManyToOne
    private final ToOne<Customer> customer = ToOne.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected ShopOrder() {
        this.total = new Money(0);
        this.placed = LocalDate.EPOCH;
    }

    /**
     * Creates a new order.
     *
     * @param customer the customer
     * @param total the total
     * @param placed the day it was placed
     */
    public ShopOrder(Customer customer, Money total, LocalDate placed) {
        this.total = total;
        this.placed = placed;
        this.customer.set(customer);
    }

    /** Returns the key, {@code null} before the order is flushed. */
    public @Nullable Long getId() {
        return id;
    }

    /** Returns the status. */
    public OrderStatus getStatus() {
        return status;
    }

    /** Sets the status. */
    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    /** Returns the total. */
    public Money getTotal() {
        return total;
    }

    /** Returns the day the order was placed. */
    public LocalDate getPlaced() {
        return placed;
    }

    /** Returns the customer's key. */
    public @Nullable Long getCustomerId() {
        return customerId;
    }

    /** Returns the customer reference (load it before reading it). */
    public ToOne<Customer> getCustomer() {
        return customer;
    }

    @Override
    public String toString() {
        return "order " + id + " " + status + " " + total + " placed " + placed;
    }
}
