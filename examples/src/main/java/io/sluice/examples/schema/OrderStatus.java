package io.sluice.examples.schema;

import io.sluice.core.sql.Converter;

/** The state of an order, stored as a one-letter code through {@link Code} (codes survive renaming the constants). */
public enum OrderStatus {
    NEW("N"),
    PAID("P"),
    SHIPPED("S"),
    CANCELLED("C");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    /** Stores an {@link OrderStatus} as its code. */
    public static final class Code implements Converter<OrderStatus, String> {

        @Override
        public String toDatabase(OrderStatus value) {
            return value.code;
        }

        @Override
        public OrderStatus fromDatabase(String value) {
            for (OrderStatus status : values()) {
                if (status.code.equals(value)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("no order status has code " + value);
        }
    }
}
