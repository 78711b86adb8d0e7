package io.sluice.examples.schema;

import io.sluice.core.Engine;
import io.sluice.core.dialect.Capability;
import io.sluice.core.sql.SQL;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A small shop's schema mapped with everything a real schema asks of an ORM beyond plain columns: customers with an
 * {@link Email} stored through a converter, embedded delivery and billing {@link Address}es and a {@link Tier} stored by
 * ordinal; {@link Product}s with UUID keys, a {@link Money} price (a converter registered for the package) and JSON columns;
 * {@link ShopOrder}s with keys from a sequence and an {@link OrderStatus} stored by code; {@link Payment}s as a single-table
 * hierarchy; and {@link Promotion}s with an array column where the database has arrays. The program creates the schema,
 * adds a few rows of each, queries them through embedded paths, converted values, JSON paths and the hierarchy, changes some
 * in place, and prints what it finds under a header line per step.
 *
 * <p>Run it on embedded H2 with {@code mvn -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.sluice.examples.schema.RealSchema}, or on another database by giving its URL: {@code
 * -Dexec.args=r2dbc:postgresql://postgres@127.0.0.1:5432/test}. The engine's echo prints each statement before its result.
 */
public final class RealSchema {

    /** The database of {@link #main} when no URL is given. */
    public static final String H2_URL = "r2dbc:h2:mem:///real_schema";

    private RealSchema() {}

    /**
     * Returns the shop's mapping on a database: every class of the package, and {@link Promotion} only where the database has
     * an array type (MariaDB has none, and a mapping with an array column is refused there).
     *
     * @param engine the engine
     * @return the mapping
     */
    public static Mapping mapping(Engine engine) {
        List<Class<?>> classes = new ArrayList<>(List.of(
                Customer.class, Product.class, ShopOrder.class, Payment.class, CardPayment.class, BankTransfer.class));
        if (engine.dialect().supports(Capability.ARRAYS)) {
            classes.add(Promotion.class);
        }
        return Mapping.of(classes.toArray(Class<?>[]::new));
    }

    /**
     * Creates the shop's tables and sequence, fills them, queries and updates them, and emits the printed lines in order.
     *
     * @param engine the engine; its database must hold none of the shop's tables or a fresh, empty set of them
     * @return the printed lines; nothing happens until subscribed
     */
    public static Flux<String> run(Engine engine) {
        return Flux.defer(() -> {
            Mapping mapping = mapping(engine);
            SessionFactory sessions = SessionFactory.of(engine, mapping);
            boolean arrays = engine.dialect().supports(Capability.ARRAYS);
            boolean jsonPath = engine.dialect().supports(Capability.JSON_PATH);
            return Flux.concat(
                    step(
                            "Create the schema",
                            mapping.metadata().createAll(engine, true).thenMany(Flux.empty())),
                    step("Add customers, products, orders and payments", add(sessions, arrays)),
                    step(
                            "Customers in Britain, by city: a path into an embedded value",
                            sessions.inTransaction(session -> session.query(Customer.class)
                                    .filter(Customer_.address.country.eq("GB"))
                                    .orderBy(Customer_.address.city)
                                    .all()
                                    .map(Customer::toString))),
                    step(
                            "A customer by e-mail: the converter binds the stored text",
                            sessions.inTransaction(session -> session.query(Customer.class)
                                    .filter(Customer_.email.eq(new Email("ADA@example.org")))
                                    .one()
                                    .map(Customer::getName))),
                    step(
                            "Customers with a billing address: an embedded value that may be NULL",
                            sessions.inTransaction(session -> session.query(Customer.class)
                                    .filter(Customer_.billing.street.isNotNull())
                                    .all()
                                    .map(customer -> customer.getName() + " billed to " + customer.getBilling()))),
                    step(
                            "Gold customers: an enum stored by ordinal",
                            sessions.inTransaction(session -> session.query(Customer_.name)
                                    .filter(Customer_.tier.eq(Tier.GOLD))
                                    .all())),
                    step("Paid orders: a status stored by code", paidOrders(sessions)),
                    step("Red products: a value inside a JSON document", redProducts(sessions, jsonPath)),
                    step(
                            "The catalogue: JSON read back into objects",
                            sessions.inTransaction(session -> session.query(Product.class)
                                    .orderBy(Product_.sku)
                                    .all()
                                    .map(Product::toString))),
                    step(
                            "Payments: one query, each row as its class",
                            sessions.inTransaction(session -> session.query(Payment.class)
                                    .orderBy(Payment_.id)
                                    .all()
                                    .map(Payment::toString))),
                    step(
                            "Card payments only: the subclass's query filters by discriminator",
                            sessions.inTransaction(session -> session.query(CardPayment.class)
                                    .orderBy(Payment_.id)
                                    .all()
                                    .map(payment ->
                                            payment.getAmount() + " by card ending " + payment.getCardLast4()))),
                    step("Promotions including MUG-01: an array column", promotions(sessions, arrays)),
                    step(
                            "Update in place: a new postcode, details and tags changed, an order cancelled",
                            update(sessions)),
                    step(
                            "After the update",
                            Flux.concat(
                                    sessions.inTransaction(session -> session.query(Customer.class)
                                            .filter(Customer_.email.eq(new Email("alan@example.co.uk")))
                                            .one()
                                            .map(customer -> customer.getName() + ": " + customer.getAddress())),
                                    redProducts(sessions, jsonPath),
                                    sessions.inTransaction(session -> session.query(ShopOrder.class)
                                            .filter(ShopOrder_.status.eq(OrderStatus.CANCELLED))
                                            .all()
                                            .map(ShopOrder::toString)))));
        });
    }

    /** A step: its header line, then its lines. */
    private static Flux<String> step(String header, Publisher<String> lines) {
        return Flux.concat(Mono.just("-- " + header), lines);
    }

    /** Adds the shop's rows in one transaction and reports the keys Sluice set. */
    private static Flux<String> add(SessionFactory sessions, boolean arrays) {
        return sessions.inTransaction(session -> {
            Customer ada = new Customer(
                    "Ada Lovelace",
                    new Email("Ada@Example.org"),
                    new Address("12 St James's Square", "London", "SW1Y 4JH", "GB"));
            ada.setTier(Tier.GOLD);
            Customer grace = new Customer(
                    "Grace Hopper",
                    new Email("grace@example.com"),
                    new Address("1 Navy Way", "Arlington", "22202", "US"));
            grace.setBilling(new Address("PO Box 7", "Arlington", "22210", "US"));
            Customer alan = new Customer(
                    "Alan Turing",
                    new Email("alan@example.co.uk"),
                    new Address("78 High Street", "Manchester", "M4 1ES", "GB"));
            alan.setTier(Tier.SILVER);
            List<Product> products = List.of(
                    new Product(
                            "MUG-01",
                            "Analytical Engine mug",
                            Money.of(12, 50),
                            new ProductDetails("blue", 350).spec("material", "stoneware"),
                            "kitchen",
                            "gift"),
                    new Product(
                            "TEE-02",
                            "Bug report T-shirt",
                            Money.of(19, 90),
                            new ProductDetails("red", 180).spec("size", "M"),
                            "clothing",
                            "gift"),
                    new Product(
                            "KEY-03",
                            "Enigma keyboard",
                            Money.of(89, 0),
                            new ProductDetails("black", 950).spec("layout", "QWERTY"),
                            "desk"));
            ShopOrder first = new ShopOrder(ada, Money.of(25, 0), LocalDate.of(2026, 11, 2));
            first.setStatus(OrderStatus.PAID);
            ShopOrder second = new ShopOrder(grace, Money.of(19, 90), LocalDate.of(2026, 11, 15));
            ShopOrder third = new ShopOrder(alan, Money.of(89, 0), LocalDate.of(2026, 11, 20));
            third.setStatus(OrderStatus.PAID);
            ShopOrder fourth = new ShopOrder(ada, Money.of(12, 50), LocalDate.of(2026, 12, 1));
            fourth.setStatus(OrderStatus.SHIPPED);
            List<ShopOrder> orders = List.of(first, second, third, fourth);
            List<Payment> payments = List.of(
                    new CardPayment(first, Money.of(25, 0), "4242"),
                    new BankTransfer(third, Money.of(89, 0), "GB33BUKB20201555555555"),
                    new CardPayment(fourth, Money.of(12, 50), "4242"));
            session.addAll(List.of(ada, grace, alan));
            session.addAll(products);
            session.addAll(orders);
            session.addAll(payments);
            if (arrays) {
                session.add(new Promotion("Winter gifts", 15, "MUG-01", "TEE-02"));
            }
            return session.flush()
                    .thenMany(Flux.defer(() -> Flux.just(
                            "customers " + keys(List.of(ada, grace, alan), Customer::getId),
                            "orders " + keys(orders, ShopOrder::getId) + " (from shop_order_seq)",
                            "products: " + uuids(products),
                            "payments " + keys(payments, Payment::getId)
                                    + " (a table's rows are inserted class by class)")));
        });
    }

    private static <T> String keys(List<T> objects, Function<T, Object> key) {
        List<String> keys = new ArrayList<>();
        for (T object : objects) {
            keys.add(String.valueOf(key.apply(object)));
        }
        return String.join(", ", keys);
    }

    /** Describes the UUID keys Sluice made: version 7, increasing in the order the products were flushed. */
    private static String uuids(List<Product> products) {
        List<UUID> keys = products.stream()
                .map(product -> Objects.requireNonNull(product.getId()))
                .toList();
        boolean version7 = keys.stream().allMatch(key -> key.version() == 7);
        boolean increasing = true;
        for (int i = 1; i < keys.size(); i++) {
            increasing &= keys.get(i - 1).toString().compareTo(keys.get(i).toString()) < 0;
        }
        return keys.size() + " UUID keys" + (version7 ? ", version 7" : "") + (increasing ? ", increasing" : "");
    }

    private static Flux<String> paidOrders(SessionFactory sessions) {
        return sessions.inTransaction(session -> session.query(ShopOrder.class)
                .filter(ShopOrder_.status.eq(OrderStatus.PAID))
                .orderBy(ShopOrder_.id)
                .all()
                .concatMap(order -> order.getCustomer().mono().map(customer -> order + " by " + customer.getName())));
    }

    /**
     * Finds the red products: with {@code SQL.jsonText} where the database reads inside JSON documents (PostgreSQL, MariaDB);
     * on H2, which cannot, by reading the details of every product in Java.
     */
    private static Flux<String> redProducts(SessionFactory sessions, boolean jsonPath) {
        if (jsonPath) {
            return sessions.inTransaction(session -> session.query(Product.class)
                    .filter(SQL.jsonText(Product_.details, "colour").eq("red"))
                    .orderBy(Product_.sku)
                    .all()
                    .map(product -> product.getSku() + " " + product.getName()));
        }
        return sessions.inTransaction(session -> session.query(Product.class)
                        .orderBy(Product_.sku)
                        .all()
                        .filter(product -> "red".equals(product.getDetails().colour))
                        .map(product -> product.getSku() + " " + product.getName()))
                .startWith("(H2 has no JSON path functions: filtered in Java)");
    }

    private static Flux<String> promotions(SessionFactory sessions, boolean arrays) {
        if (!arrays) {
            return Flux.just("(no array type on this database: promotions are not mapped)");
        }
        return sessions.inTransaction(session -> session.query(Promotion.class)
                .filter(SQL.arrayContains(Promotion_.skus, "MUG-01"))
                .all()
                .map(Promotion::toString));
    }

    /**
     * Changes objects in place and commits: Alan's new postcode (a new embedded value: one column written), the mug's details
     * and tags (JSON changed in place: written because their JSON differs from the loaded one), Grace's order cancelled.
     */
    private static Flux<String> update(SessionFactory sessions) {
        return sessions.inTransaction(session -> Mono.zip(
                        session.query(Customer.class)
                                .filter(Customer_.email.eq(new Email("alan@example.co.uk")))
                                .one(),
                        session.query(Product.class)
                                .filter(Product_.sku.eq("MUG-01"))
                                .one(),
                        session.query(ShopOrder.class)
                                .filter(ShopOrder_.status.eq(OrderStatus.NEW))
                                .all()
                                .collectList())
                .map(found -> {
                    Customer alan = found.getT1();
                    alan.setAddress(new Address(
                            alan.getAddress().street(), alan.getAddress().city(), "M1 1AA", "GB"));
                    Product mug = found.getT2();
                    mug.getDetails().colour = "red";
                    mug.getTags().add("sale");
                    found.getT3().forEach(order -> order.setStatus(OrderStatus.CANCELLED));
                    return changed(session);
                }));
    }

    private static String changed(Session session) {
        List<String> names = new ArrayList<>();
        for (Object changed : session.dirty()) {
            names.add(changed.getClass().getSimpleName());
        }
        names.sort(null);
        return "changed before commit: " + String.join(", ", names);
    }

    /**
     * Runs the program with echo on, on embedded H2 or on the database of the URL given. The shop's tables and sequence are
     * dropped first, if a previous run left them, and again when the program ends.
     *
     * @param args the R2DBC URL, optional ({@link #H2_URL} without it)
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : H2_URL;
        Engine engine = Engine.builder(url).echo(true).build();
        try {
            Mapping mapping = mapping(engine);
            mapping.metadata().dropAll(engine, true).block();
            try {
                run(engine).doOnNext(System.out::println).blockLast();
            } finally {
                mapping.metadata().dropAll(engine, true).block();
            }
        } finally {
            engine.close().block();
        }
    }
}
