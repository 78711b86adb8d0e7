package io.sluice.examples.schema;

/** A customer's loyalty tier, stored by ordinal ({@code @Enumerated(ORDINAL)}): only ever add tiers at the end. */
public enum Tier {
    STANDARD,
    SILVER,
    GOLD
}
