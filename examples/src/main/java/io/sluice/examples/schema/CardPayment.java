package io.sluice.examples.schema;

import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** A payment by card: the card's last four digits, in a column of {@code shop_payment} that other payments leave empty. */
@Entity
@DiscriminatorValue("card")
public class CardPayment extends Payment {

    @MappedColumn(length = 4)
    private @Nullable String cardLast4;

    /** For Sluice, which fills the fields when it loads a row. */
    protected CardPayment() {}

    /**
     * Creates a new card payment.
     *
     * @param order the order paid
     * @param amount the amount
     * @param cardLast4 the card's last four digits
     */
    public CardPayment(ShopOrder order, Money amount, String cardLast4) {
        super(order, amount);
        this.cardLast4 = cardLast4;
    }

    /** Returns the card's last four digits. */
    public @Nullable String getCardLast4() {
        return cardLast4;
    }

    @Override
    public String toString() {
        return super.toString() + ", card ending " + cardLast4;
    }
}
