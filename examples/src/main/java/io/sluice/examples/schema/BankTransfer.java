package io.sluice.examples.schema;

import io.sluice.session.mapping.DiscriminatorValue;
import io.sluice.session.mapping.Entity;
import io.sluice.session.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/** A payment by bank transfer: the payer's IBAN, in a column of {@code shop_payment} that other payments leave empty. */
@Entity
@DiscriminatorValue("transfer")
public class BankTransfer extends Payment {

    @MappedColumn(length = 34)
    private @Nullable String iban;

    /** For Sluice, which fills the fields when it loads a row. */
    protected BankTransfer() {}

    /**
     * Creates a new bank transfer.
     *
     * @param order the order paid
     * @param amount the amount
     * @param iban the payer's IBAN
     */
    public BankTransfer(ShopOrder order, Money amount, String iban) {
        super(order, amount);
        this.iban = iban;
    }

    /** Returns the payer's IBAN. */
    public @Nullable String getIban() {
        return iban;
    }

    @Override
    public String toString() {
        return super.toString() + ", from " + iban;
    }
}
