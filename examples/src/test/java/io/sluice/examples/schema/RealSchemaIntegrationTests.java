package io.sluice.examples.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shop of {@link RealSchema} on every database: each step prints what it should, the same on H2, PostgreSQL and MariaDB
 * but where a database lacks a feature (H2 reads no JSON paths, MariaDB has no arrays) and the program says so. The tables
 * and the sequence are dropped before and after, so the keys start at 1 every run.
 */
final class RealSchemaIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String H2_JSON_NOTE = "(H2 has no JSON path functions: filtered in Java)";

    @DatabaseTest
    void shouldMapQueryAndUpdateTheShop(TestDatabase database) {
        Engine engine = database.engine();
        Mapping mapping = RealSchema.mapping(engine);
        Schemas.drop(engine, mapping.metadata());
        List<String> lines;
        try {
            lines = RealSchema.run(engine).collectList().block(TIMEOUT);
        } finally {
            Schemas.drop(engine, mapping.metadata());
        }

        assertThat(lines).as(String.join("\n", lines)).containsExactlyElementsOf(expected(database));
    }

    private static List<String> expected(TestDatabase database) {
        List<String> lines = new ArrayList<>(List.of(
                "-- Create the schema",
                "-- Add customers, products, orders and payments",
                "customers 1, 2, 3",
                "orders 1, 2, 3, 4 (from shop_order_seq)",
                "products: 3 UUID keys, version 7, increasing",
                "payments 1, 3, 2 (a table's rows are inserted class by class)",
                "-- Customers in Britain, by city: a path into an embedded value",
                "Ada Lovelace <ada@example.org>, GOLD, 12 St James's Square, SW1Y 4JH London (GB)",
                "Alan Turing <alan@example.co.uk>, SILVER, 78 High Street, M4 1ES Manchester (GB)",
                "-- A customer by e-mail: the converter binds the stored text",
                "Ada Lovelace",
                "-- Customers with a billing address: an embedded value that may be NULL",
                "Grace Hopper billed to PO Box 7, 22210 Arlington (US)",
                "-- Gold customers: an enum stored by ordinal",
                "Ada Lovelace",
                "-- Paid orders: a status stored by code",
                "order 1 PAID €25.00 placed 2026-11-02 by Ada Lovelace",
                "order 3 PAID €89.00 placed 2026-11-20 by Alan Turing",
                "-- Red products: a value inside a JSON document"));
        if (database == TestDatabase.H2) {
            lines.add(H2_JSON_NOTE);
        }
        lines.addAll(List.of(
                "TEE-02 Bug report T-shirt",
                "-- The catalogue: JSON read back into objects",
                "KEY-03 Enigma keyboard €89.00 [black, 950 g, {layout=QWERTY}] [desk]",
                "MUG-01 Analytical Engine mug €12.50 [blue, 350 g, {material=stoneware}] [kitchen, gift]",
                "TEE-02 Bug report T-shirt €19.90 [red, 180 g, {size=M}] [clothing, gift]",
                "-- Payments: one query, each row as its class",
                "CardPayment of €25.00 for order 1, card ending 4242",
                "CardPayment of €12.50 for order 4, card ending 4242",
                "BankTransfer of €89.00 for order 3, from GB33BUKB20201555555555",
                "-- Card payments only: the subclass's query filters by discriminator",
                "€25.00 by card ending 4242",
                "€12.50 by card ending 4242",
                "-- Promotions including MUG-01: an array column",
                database == TestDatabase.MARIADB
                        ? "(no array type on this database: promotions are not mapped)"
                        : "Winter gifts (15 % off [MUG-01, TEE-02])",
                "-- Update in place: a new postcode, details and tags changed, an order cancelled",
                "changed before commit: Customer, Product, ShopOrder",
                "-- After the update",
                "Alan Turing: 78 High Street, M1 1AA Manchester (GB)"));
        if (database == TestDatabase.H2) {
            lines.add(H2_JSON_NOTE);
        }
        lines.addAll(List.of(
                "MUG-01 Analytical Engine mug",
                "TEE-02 Bug report T-shirt",
                "order 2 CANCELLED €19.90 placed 2026-11-15"));
        return lines;
    }

    @Test
    void shouldRunAsAProgramOnEmbeddedH2() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            RealSchema.main(new String[0]);
        } finally {
            System.setOut(out);
        }

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("-- Create the schema", "Winter gifts (15 % off [MUG-01, TEE-02])", "-- After the update")
                .contains("order 2 CANCELLED €19.90 placed 2026-11-15");
    }
}
