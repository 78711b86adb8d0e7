package io.sluice.examples.schema;

import io.sluice.session.ToOne;
import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Id;
import io.sluice.session.mapping.Inheritance;
import io.sluice.session.mapping.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * A payment of an order: the root of a single-table hierarchy. Card payments and bank transfers are rows of
 * {@code shop_payment} told apart by its {@code method} column; a query of {@code Payment} gives each row as an object of its
 * own class.
 */
@Entity(table = "shop_payment")
@Inheritance(
        discriminator = "method",
        subclasses = {CardPayment.class, BankTransfer.class})
@DiscriminatorValue("other")
public class Payment {

    @Id
    @Generated
    private @Nullable Long id;

    private Money amount;

    /** The foreign key, set from the order's key when the payment is flushed. */
    private @Nullable Long orderId;

    @ManyToOne
    private final ToOne<ShopOrder> order = ToOne.create(this);

    /** For Sluice, which fills the fields when it loads a row. */
    protected Payment() {
        this.amount = new Money(0);
    }

    /**
     * Creates a new payment.
     *
     * @param order the order paid
     * @param amount the amount
     */
    public Payment(ShopOrder order, Money amount) {
        this.amount = amount;
        this.order.set(order);
    }

    /** Returns the key, {@code null} before the payment is inserted. */
    public @Nullable Long getId() {
        return id;
    }

    /** Returns the amount. */
    public Money getAmount() {
        return amount;
    }

    /** Returns the key of the order paid. */
    public @Nullable Long getOrderId() {
        return orderId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " of " + amount + " for order " + orderId;
    }
}
